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

/** Replaces the workbook's defined-name store for the writer (see XlsxWorkbook's names). */
export function overrideDefinedNames(wb: Workbook, model: () => { name: string; ranges: string[]; localSheetId?: number }[]): void {
  Object.defineProperty(wb.definedNames, "model", {
    configurable: true,
    get: model,
    // ExcelJS's loader assigns its lossy parse here; the adapter reads the names from the package itself
    set: () => undefined,
  });
}

export function checkInternals(ws: Worksheet): void {
  const i = sheetInternals(ws);
  if (typeof i.dataValidations?.model !== "object" || typeof i._merges !== "object" || typeof i.mergeCellsWithoutStyle !== "function") {
    throw new Error("ExcelJS internals changed (dataValidations.model, _merges, mergeCellsWithoutStyle); the xlsx adapter was written for exceljs 4.4.");
  }
}
