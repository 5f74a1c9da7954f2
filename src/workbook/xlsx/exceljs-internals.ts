/**
 * The few ExcelJS 4.4 internals the adapter needs and its typings omit, narrowed in one place.
 * `checkInternals` fails loudly on a new ExcelJS that moved them instead of corrupting files.
 */
import type { Cell, Workbook, Worksheet } from "exceljs";
import type { FileValidation } from "./package-parts";
import type { Rect } from "./rects";

interface WorksheetInternals {
  /** Rules by address or range ("D5", "D5:D99"); the writer squeezes single cells into ranges. */
  dataValidations: { model: Record<string, FileValidation | undefined> };
  /** Merged areas by master address. */
  _merges: Record<string, Rect | undefined>;
  mergeCellsWithoutStyle(top: number, left: number, bottom: number, right: number): void;
}

/** A sheet view as ExcelJS reads and writes it (the typings split it into unions and miss tabSelected). */
export interface SheetView {
  state?: string;
  xSplit?: number;
  ySplit?: number;
  topLeftCell?: string;
  activeCell?: string;
  activePane?: string;
  tabSelected?: boolean;
  [other: string]: unknown;
}

/** What a formula cell's model holds beyond CellModel's typing. */
export interface FormulaModel {
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  result?: unknown;
}

export function sheetInternals(ws: Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

export function sheetViews(ws: Worksheet): SheetView[] {
  // null after loading a file without <sheetViews>
  return (ws.views as unknown as SheetView[] | null) ?? [];
}

export function setSheetViews(ws: Worksheet, views: SheetView[]): void {
  (ws as unknown as { views: SheetView[] }).views = views;
}

export function formulaModel(cell: Cell): FormulaModel {
  return cell.model as unknown as FormulaModel;
}

/**
 * Empties ExcelJS's defined-name store for the writer: the adapter keeps the names itself and
 * assemble.ts writes them (ExcelJS can write only plain ranges, without attributes).
 */
export function silenceDefinedNames(wb: Workbook): void {
  Object.defineProperty(wb.definedNames, "model", {
    configurable: true,
    get: () => [],
    // ExcelJS's loader assigns its lossy parse here; the adapter reads the names from the package itself
    set: () => undefined,
  });
}

/**
 * Forgets what ExcelJS loaded but the adapter keeps from the file instead (keep.ts), so ExcelJS does
 * not write a second, lossy copy: cell notes (the file's comments parts are kept) and the workbook's
 * images (the file's drawings and media are kept).
 */
export function dropNote(cell: Cell): void {
  const c = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  if (c._comment === undefined) return;
  delete c._comment;
  // the loader's cell model, which the writer reads back, carries the note too
  if (c._value?.model) delete c._value.model.comment;
}

export function dropMedia(wb: Workbook): void {
  (wb as unknown as { media: unknown[] }).media = [];
}

export function checkInternals(ws: Worksheet): void {
  const i = sheetInternals(ws);
  if (typeof i.dataValidations?.model !== "object" || typeof i._merges !== "object" || typeof i.mergeCellsWithoutStyle !== "function") {
    throw new Error("ExcelJS internals changed (dataValidations.model, _merges, mergeCellsWithoutStyle); the xlsx adapter was written for exceljs 4.4.");
  }
}
