/**
 * Composition root of the task pane: the only place that talks to Office.onReady and decides which
 * effects (workbook port, clipboard…) the panels get. Components receive them as props.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { createPanels } from "./panels";
import { NO_HOST, type HostInfo } from "./host";
import { announced, tabSwitch, workbookChanges } from "./session";
import { accessFor } from "./workbook-access";
import { sessionOpener } from "./opener";
import type { WorkbookOp } from "../workbook/port";

declare global {
  interface Window {
    /**
     * The no-Excel session workbook for automation (the browser tests type over a computed cell
     * with it, which the grid does not allow): writes reach every grid, as a panel's do.
     */
    __sakipSession?: { apply: (ops: readonly WorkbookOp[]) => Promise<unknown> };
  }
}

function render(host: HostInfo): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container element");
  const workbook = accessFor(host);
  const changes = workbookChanges();
  const tabs = tabSwitch();
  if (workbook.kind === "memory") {
    const memory = workbook.port;
    window.__sakipSession = { apply: announced(changes, async (ops: readonly WorkbookOp[]) => (await memory()).apply(ops)) };
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App host={host} tabs={tabs} panels={createPanels({ host, workbook, changes, tabs })} opener={workbook.kind === "memory" ? sessionOpener(workbook, changes) : undefined} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  // office.js did not load (e.g. the CDN is blocked): still show the pane, as in a plain browser
  render(NO_HOST);
} else {
  void Office.onReady((info) => render({ host: info.host ? String(info.host) : null, platform: info.platform ? String(info.platform) : null }));
}
