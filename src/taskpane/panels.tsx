/**
 * The task pane's panels. A panel gets its data and effects as props; nothing inside a panel calls
 * Office. Panels that touch the workbook get it through the Session: the Office adapter in Excel, one
 * in-memory workbook without Excel. Every panel is a chunk of its own, fetched when its tab is first
 * opened (the first tab's at once), so the pane's first load carries only the shell.
 */
import type { ReactNode } from "react";
import { LazyPanel } from "./components/LazyPanel";
import { lazyChunk } from "./lazy";
import { gridFocus, tabSwitch, workbookChanges, type Session, type TabSwitch, type WorkbookChanges } from "./session";
import type { HostInfo } from "./host";
import type { WorkbookAccess } from "./workbook-access";

export { lazyChunk } from "./lazy";

export interface PanelState {
  /** Whether the panel's tab is the one shown. */
  active: boolean;
}

export interface PanelSpec {
  id: string;
  label: string;
  render: (state: PanelState) => ReactNode;
}

export interface PanelContext {
  host: HostInfo;
  workbook: WorkbookAccess;
  /** Shared with whoever else writes to the session workbook (index.tsx's automation hook); made if absent. */
  changes?: WorkbookChanges;
  /** Shared with the App, which shows the tab a panel asks for; made if absent (then no tab follows). */
  tabs?: TabSwitch;
}

/** A panel's chunk: it binds the panel to the session and gives back what the tab renders. */
interface PanelModule {
  createPanel: (session: Session) => (state: PanelState) => ReactNode;
}

/** The chunks, loaded once for the page whatever the number of panels made from them. */
export const PANEL_CHUNKS = {
  fungsi: lazyChunk<PanelModule>(() => import(/* webpackChunkName: "fungsi" */ "./fungsi-panel")),
  siapkan: lazyChunk<PanelModule>(() => import(/* webpackChunkName: "siapkan" */ "./siapkan-panel")),
  impor: lazyChunk<PanelModule>(() => import(/* webpackChunkName: "impor" */ "./impor-panel")),
  periksa: lazyChunk<PanelModule>(() => import(/* webpackChunkName: "periksa" */ "./periksa-panel")),
  laporan: lazyChunk<PanelModule>(() => import(/* webpackChunkName: "laporan" */ "./laporan-panel")),
};

export function createPanels(context: PanelContext, chunks: Record<keyof typeof PANEL_CHUNKS, () => Promise<PanelModule>> = PANEL_CHUNKS): PanelSpec[] {
  const session: Session = { access: context.workbook, changes: context.changes ?? workbookChanges(), focus: gridFocus(), tabs: context.tabs ?? tabSwitch() };
  return [
    lazyPanel("fungsi", "Fungsi", chunks.fungsi, session),
    lazyPanel("siapkan", "Siapkan Lembar", chunks.siapkan, session),
    lazyPanel("impor", "Impor SIPD", chunks.impor, session),
    lazyPanel("periksa", "Periksa", chunks.periksa, session),
    lazyPanel("laporan", "Laporan", chunks.laporan, session),
  ];
}

function lazyPanel(id: string, label: string, load: () => Promise<PanelModule>, session: Session): PanelSpec {
  const render = lazyChunk(async () => (await load()).createPanel(session));
  return { id, label, render: ({ active }) => <LazyPanel active={active} load={render} /> };
}
