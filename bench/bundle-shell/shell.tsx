/**
 * The reference for the task pane's first load: a minimal React + Fluent UI v9 + zod page built with
 * the product's own webpack config (bench/bundle.bench.ts). It renders a Fluent button that validates
 * one field with zod, the least a Fluent task pane with a zod-checked form ships.
 */
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { z } from "zod";

const Form = z.object({ name: z.string().min(1) });

function Shell() {
  const [text, setText] = useState("");
  return (
    <Button appearance="primary" onClick={() => setText(Form.safeParse({ name: text }).success ? "ok" : "kosong")}>
      {text || "Shell"}
    </Button>
  );
}

createRoot(document.getElementById("container")!).render(
  <FluentProvider theme={webLightTheme}>
    <Shell />
  </FluentProvider>,
);
