/**
 * Reads a workbook into the core's read model: the sheet list, then every standard sheet, the
 * Rincian SIPD sheet and the journal in one read (one round trip, or in Excel as many as keep each
 * response under Excel on the web's limit).
 */
import { RINCIAN_COLUMNS, RINCIAN_SHEET } from "../core/layouts/rincian";
import { readExtent, STANDARD_LAYOUTS } from "../core/layouts";
import { WorkbookModel, type SheetData } from "../core/model/workbook-model";
import type { ReadRange, WorkbookPort } from "../workbook/port";

export interface ReadModelOptions {
  /** Read the Rincian SIPD sheet too (the default); the no-Excel grid needs only the standard sheets. */
  rincian?: boolean;
  /** Rows read and rows asked for, after each round trip of a read that takes several (Excel). */
  onProgress?: (done: number, total: number) => void;
}

export async function readWorkbookModel(port: WorkbookPort, options: ReadModelOptions = {}): Promise<WorkbookModel> {
  const infos = await port.sheets();
  const ranges: ReadRange[] = [];
  const targets: number[] = [];
  infos.forEach((info, i) => {
    const layout = STANDARD_LAYOUTS.find((l) => l.sheet.toLowerCase() === info.name.toLowerCase());
    // the Rincian SIPD holds constants, read as values (Periksa reads them as the LRA pasted): its
    // formulas are not asked for, a third of what Excel would send for it
    const rincian = !layout && options.rincian !== false && info.name.toLowerCase() === RINCIAN_SHEET.toLowerCase();
    const extent = layout ? readExtent(layout, info.usedRows) : rincian ? { rows: info.usedRows, cols: Math.max(info.usedCols, RINCIAN_COLUMNS.length) } : null;
    if (!extent || extent.rows === 0) return;
    ranges.push({ sheet: info.name, row: 0, col: 0, rows: extent.rows, cols: Math.max(extent.cols, 1), ...(rincian ? { formulas: false } : {}) });
    targets.push(i);
  });
  const blocks = ranges.length ? await port.read(ranges, options.onProgress ? { onProgress: options.onProgress } : {}) : [];
  const sheets: SheetData[] = infos.map((s) => ({ name: s.name, usedRows: s.usedRows, usedCols: s.usedCols }));
  targets.forEach((i, k) => {
    sheets[i]!.cells = blocks[k] ?? [];
  });
  return new WorkbookModel(sheets);
}
