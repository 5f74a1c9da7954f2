/**
 * Composition root of the task pane: the only place that talks to Office.onReady and decides which
 * effects (workbook port, clipboard…) the panels get. Components receive them as props.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { createPanels } from "./panels";
import { NO_HOST, type HostInfo } from "./host";
import { accessFor } from "./workbook-access";

function render(host: HostInfo): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App host={host} panels={createPanels({ host, workbook: accessFor(host) })} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // office.js did not load (e.g. the CDN is blocked): still show the pane, as in a plain browser
  render(NO_HOST);
} else {
  void Office.onReady((info) => render({ host: info.host ? String(info.host) : null, platform: info.platform ? String(info.platform) : null }));
}
