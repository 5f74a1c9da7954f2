/**
 * The "Laporan" panel bound to the host's workbook: the report use-case (prepare, write the sheets,
 * export) and the browser download. A chunk of its own, fetched when the tab is first opened; the
 * renderers (docx, ExcelJS, resvg) are further chunks, fetched by the first download.
 */
import type { ReactNode } from "react";
import { exportReports, prepareReports, refusalMessage, writeReportSheets } from "../app/report";
import { readExisting, settingsFromWorkbook } from "../app/scaffold";
import { PERIODS, type Period } from "../core/layouts";
import { LaporanPanel, type LaporanPanelProps } from "./components/LaporanPanel";
import { saveFile } from "./download";
import { announced, gridFocus, tabSwitch, workbookChanges, type Session, type TabSwitch, type WorkbookChanges } from "./session";
import { memoryPreview } from "./session-preview";
import type { WorkbookAccess } from "./workbook-access";

/** The use-cases "Laporan" needs, bound to the host's workbook. */
export function laporanProps(
  access: WorkbookAccess,
  changes: WorkbookChanges = workbookChanges(),
  tabs: TabSwitch = tabSwitch(),
  save: (name: string, bytes: Uint8Array, mime: string) => void = saveFile,
): Omit<LaporanPanelProps, "active"> {
  const memory = access.kind === "memory";
  // the Laporan grid's own "show this cell": opening a written sheet here does not move Periksa's grid
  const focus = gridFocus();
  const write: LaporanPanelProps["writeSheets"] = async (prep, confirm, onProgress) => {
    const r = await writeReportSheets(await access.port(), prep, confirm, new Date(), onProgress);
    return r.ok ? { ok: true, sheets: r.sheets } : { ok: false, message: r.message };
  };
  const exportFile: LaporanPanelProps["download"] = async (prep, format, confirm) => {
    const r = await exportReports(await access.port(), prep, format, confirm);
    if (!r.ok) return { ok: false, message: r.message };
    save(r.name, r.bytes, r.mime);
    return { ok: true, name: r.name, size: r.bytes.length };
  };
  return {
    loadPeriode: async () => {
      const p = settingsFromWorkbook(await readExisting(await access.port())).periode;
      return typeof p === "string" && (PERIODS as readonly string[]).includes(p) ? (p as Period) : null;
    },
    prepare: async (request, onProgress) => prepareReports(await access.port(), request, onProgress),
    writeSheets: memory ? announced(changes, write) : write,
    // a confirmed export records its peringatan in the journal sheet: a write like any other
    download: memory ? announced(changes, exportFile) : exportFile,
    explain: refusalMessage,
    openPeriksa: () => tabs.show("periksa"),
    host: memory ? "memory" : "excel",
    ...(memory
      ? {
          changes,
          preview: memoryPreview(access.port, changes, undefined, focus),
          showSheet: (sheet: string) => focus.show({ sheet, row: 0, col: 0 }),
        }
      : {}),
  };
}

export function createPanel({ access, changes, tabs }: Session): (state: { active: boolean }) => ReactNode {
  const props = laporanProps(access, changes, tabs);
  return ({ active }) => <LaporanPanel active={active} {...props} />;
}
