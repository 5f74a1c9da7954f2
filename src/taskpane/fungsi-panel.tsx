/**
 * The "Fungsi" panel: the SAKIP.* functions tried on typed arguments. A chunk of its own like every
 * panel (the pane's first load is the shell only); the function library itself is already loaded
 * with functions.js, which registers the custom functions.
 */
import type { ReactNode } from "react";
import { LIBRARY } from "../core/functions/library";
import { FunctionPlayground } from "./components/FunctionPlayground";
import { EXAMPLES, evaluateFunction, exampleFor } from "./playground";

export function createPanel(): () => ReactNode {
  return () => <FunctionPlayground functions={LIBRARY} evaluate={evaluateFunction} initialInputs={exampleFor} exampleSource={(fn) => EXAMPLES[fn.id]?.source} />;
}
