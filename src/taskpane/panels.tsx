/**
 * The task pane's panels, one component each. A panel gets its data and effects as props from
 * here; nothing inside a panel calls Office. Later panels ("Siapkan Lembar", "Impor SIPD") take a
 * WorkbookPort (office adapter in Excel, memory adapter without Excel) through PanelContext.
 */
import type { ReactNode } from "react";
import { LIBRARY } from "../core/functions/library";
import { FunctionPlayground } from "./components/FunctionPlayground";
import { EXAMPLES, evaluateFunction, exampleFor } from "./playground";
import type { HostInfo } from "./host";

export interface PanelSpec {
  id: string;
  label: string;
  render: () => ReactNode;
}

export interface PanelContext {
  host: HostInfo;
}

export function createPanels(_context: PanelContext): PanelSpec[] {
  return [
    {
      id: "fungsi",
      label: "Fungsi",
      render: () => (
        <FunctionPlayground
          functions={LIBRARY}
          evaluate={evaluateFunction}
          initialInputs={exampleFor}
          exampleSource={(fn) => EXAMPLES[fn.id]?.source}
        />
      ),
    },
  ];
}
