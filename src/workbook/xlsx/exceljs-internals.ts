/**
 * The few ExcelJS 4.4 internals the adapter needs and its typings omit, narrowed in one place.
 * `checkInternals` fails loudly on a new ExcelJS that moved them instead of corrupting files.
 */
import type { Cell, Style, Workbook, Worksheet } from "exceljs";
import type { FileValidation } from "./package-parts";
import type { Rect } from "./rects";

interface WorksheetInternals {
  /** Rules by address or range ("D5", "D5:D99"); the writer squeezes single cells into ranges. */
  dataValidations: { model: Record<string, FileValidation | undefined> };
  /** Merged areas by master address. */
  _merges: Record<string, Rect | undefined>;
  /** Manual page breaks: `id` the 1-based row the break follows; written by ExcelJS as <rowBreaks>. */
  rowBreaks: { id: number; max: number; man: number; min?: number }[];
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

/** ExcelJS's style table while it loads or writes a file. */
export interface StyleTable {
  /** The style model of a cell format (xf) index of the file being read. */
  getStyleModel(id: number): Partial<Style> | null;
  /** The xf index a style gets in the file being written. */
  addStyleModel(style: Partial<Style>, cellType?: number): number;
}

interface XlsxInternals {
  reconcile(model: { styles?: StyleTable }, options: unknown): void;
  prepareModel(model: { styles?: StyleTable }, options: unknown): void;
}

function xlsxInternals(wb: Workbook): XlsxInternals {
  const x = wb.xlsx as unknown as XlsxInternals;
  if (typeof x.reconcile !== "function" || typeof x.prepareModel !== "function") {
    throw new Error("ExcelJS internals changed (xlsx.reconcile, xlsx.prepareModel); the xlsx adapter was written for exceljs 4.4.");
  }
  return x;
}

/**
 * Runs `fn` with the style table of the next file `wb` loads (once ExcelJS has read styles.xml, before
 * it builds the cells) or writes (once the cells have their styles, before styles.xml is written), so
 * cells kept outside ExcelJS can use the same table.
 */
export async function withStyleTable<T>(wb: Workbook, phase: "load" | "write", fn: (styles: StyleTable) => void, run: () => Promise<T>): Promise<T> {
  const x = xlsxInternals(wb);
  const key = phase === "load" ? "reconcile" : "prepareModel";
  const original = x[key];
  x[key] = function (this: XlsxInternals, model, options) {
    if (phase === "load" && model.styles) fn(model.styles);
    original.call(this, model, options);
    if (phase === "write") {
      if (!model.styles) throw new Error("ExcelJS internals changed (model.styles)");
      fn(model.styles);
    }
  };
  try {
    return await run();
  } finally {
    delete (x as Partial<XlsxInternals>)[key];
    // an own property shadowed the prototype's method; if there was none before, the prototype's is back
    if (typeof x[key] !== "function") x[key] = original;
  }
}

/** Empties a sheet of its ExcelJS rows (its cells have moved to a bulk store). */
export function dropRows(ws: Worksheet): void {
  const w = ws as unknown as { _rows?: unknown[] };
  if (!Array.isArray(w._rows)) throw new Error("ExcelJS internals changed (Worksheet._rows); the xlsx adapter was written for exceljs 4.4.");
  w._rows = [];
}

/** Forgets a sheet's merges (they have moved to a bulk store with its cells). */
export function dropMerges(ws: Worksheet): void {
  sheetInternals(ws)._merges = {};
}

export function checkInternals(ws: Worksheet): void {
  const i = sheetInternals(ws);
  if (typeof i.dataValidations?.model !== "object" || typeof i._merges !== "object" || typeof i.mergeCellsWithoutStyle !== "function") {
    throw new Error("ExcelJS internals changed (dataValidations.model, _merges, mergeCellsWithoutStyle); the xlsx adapter was written for exceljs 4.4.");
  }
}
