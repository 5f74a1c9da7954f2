/**
 * The cells of a large sheet, kept compactly instead of as ExcelJS cells: per row, one array of values
 * and one of style objects. A 310 000-row "Rincian SIPD" costs ExcelJS a few gigabytes of Cell objects
 * and undo records; here it is a few hundred megabytes, written to the file by sheet-xml.ts as it is
 * zipped and read back by bulk-load.ts without ExcelJS.
 *
 * Everything else of the sheet (columns, views, validations, page setup) stays on its ExcelJS
 * Worksheet, which holds no cells (and no merges) while this store holds them. Merged areas are kept
 * here, with the adapter's rules: a hidden cell reads as empty and refuses a value, merging drops the
 * hidden cells' values and keeps their formats, and a merge replaces those it overlaps.
 *
 * Rows are copied on write once per batch (`batch`), so an apply() that fails restores the rows it
 * touched, as the ExcelJS path's undo log does.
 */
import { ValueType, type Cell, type Style, type Worksheet } from "exceljs";
import type { CellContent, CellSnapshot, CellValue } from "../port";
import { formulaModel, sheetInternals } from "./exceljs-internals";
import type { Rect } from "./rects";
import { fromFileFormula, toFileFormula } from "./formulas";
import { unescapeText } from "./text";

/** A formula as the file stores it (no "=", future functions prefixed), with the result a file gave it. */
export interface BulkFormula {
  formula: string;
  result?: CellValue;
  /** The result is an error value ("#DIV/0!"), not text that looks like one. */
  error?: true;
}

export interface BulkError {
  error: string;
}

export type BulkValue = string | number | boolean | BulkFormula | BulkError | null;
export type BulkStyle = Partial<Style> | undefined;

export interface BulkRow {
  /** By 0-based column; null for a cell without a value. */
  values: BulkValue[];
  /** Shared by rows formatted alike (a column format repeats on every row), so replaced, never changed. */
  styles: readonly BulkStyle[];
  /** Row attributes as a file had them (ht, customHeight, hidden, outlineLevel, collapsed). */
  attrs?: Record<string, string>;
  /** The apply() batch that owns this copy of the row. */
  batch: number;
}

const GENERAL = "General";
const DAY_MS = 86_400_000;

/** The styles of a row without any. */
export const NO_STYLES: readonly BulkStyle[] = Object.freeze([]);

/** One array per distinct list of styles, so rows formatted alike share it. */
export class StyleRows {
  private readonly ids = new Map<Partial<Style>, number>();
  private readonly rows = new Map<string, readonly BulkStyle[]>();

  get(styles: BulkStyle[]): readonly BulkStyle[] {
    const key = styles.map((s) => (s ? this.idOf(s) : "")).join(",");
    let shared = this.rows.get(key);
    if (!shared) this.rows.set(key, (shared = styles));
    return shared;
  }

  private idOf(style: Partial<Style>): number {
    let id = this.ids.get(style);
    if (id === undefined) this.ids.set(style, (id = this.ids.size + 1));
    return id;
  }
}

export const isFormula = (v: BulkValue): v is BulkFormula => typeof v === "object" && v !== null && "formula" in v;
// a formula whose result is an error carries `error: true` too; it is a formula
export const isError = (v: BulkValue): v is BulkError => typeof v === "object" && v !== null && "error" in v && !("formula" in v);

export class BulkCells {
  /** By 1-based row number, as ExcelJS counts them. */
  readonly rows: (BulkRow | undefined)[] = [];
  /** Merged areas, 1-based inclusive. */
  merges: Rect[] = [];

  /** The merged area that hides cell (r, c) (1-based), if any: one it lies in without being its top-left cell. */
  hiddenBy(r: number, c: number, among: readonly Rect[] = this.merges): Rect | undefined {
    return among.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  }

  row(r: number): BulkRow | undefined {
    return this.rows[r];
  }

  /**
   * The row to change in batch `batch`: a copy the first time the batch touches it, whose original
   * goes to `saved` for a rollback.
   */
  touch(r: number, batch: number, saved: (r: number, before: BulkRow | undefined) => void): BulkRow {
    const before = this.rows[r];
    if (before?.batch === batch) return before;
    saved(r, before);
    const row: BulkRow = before ? { values: before.values.slice(), styles: before.styles, batch } : { values: [], styles: NO_STYLES, batch };
    if (before?.attrs) row.attrs = before.attrs;
    this.rows[r] = row;
    return row;
  }

  /** Rows × columns from A1 to the last cell holding a value or formula (as the adapter's sheets() counts). */
  usedExtent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.rows.forEach((row, r) => {
      if (!row) return;
      for (let c = row.values.length - 1; c >= 0; c--) {
        const v = row.values[c];
        if (v === null || v === undefined || v === "") continue;
        rows = r;
        cols = Math.max(cols, c + 1);
        break;
      }
    });
    return { rows, cols };
  }

  /** The range the file's <dimension> names: every cell with a value or a style. */
  dimension(): { top: number; left: number; bottom: number; right: number } | null {
    let top = 0;
    let bottom = 0;
    let right = 0;
    this.rows.forEach((row, r) => {
      if (!row) return;
      const width = Math.max(lastSet(row.values), lastSet(row.styles));
      if (width === 0) return;
      if (top === 0) top = r;
      bottom = r;
      right = Math.max(right, width);
    });
    return top === 0 ? null : { top, left: 1, bottom, right };
  }

  /** Every distinct style object in use. */
  styles(): Set<Partial<Style>> {
    const out = new Set<Partial<Style>>();
    for (const row of this.rows) if (row) for (const s of row.styles) if (s) out.add(s);
    return out;
  }
}

function lastSet(list: readonly unknown[]): number {
  for (let i = list.length - 1; i >= 0; i--) if (list[i] !== null && list[i] !== undefined) return i + 1;
  return 0;
}

/** What a write stores: text as it is (escaped only when written to the file), formulas in the file's form. */
export function toBulkValue(content: CellContent): BulkValue {
  if (content === null || content === "") return null;
  if (typeof content === "object") return { formula: toFileFormula(content.formula) };
  return content;
}

export function bulkSnapshot(value: BulkValue | undefined, style: BulkStyle): CellSnapshot {
  const numberFormat = style?.numFmt || GENERAL;
  if (value === null || value === undefined) return { value: null, formula: null, numberFormat };
  if (isFormula(value)) return { value: value.result ?? null, formula: fromFileFormula(value.formula), numberFormat };
  if (isError(value)) return { value: value.error, formula: null, numberFormat };
  return { value, formula: null, numberFormat };
}

/**
 * The sheet's ExcelJS cells, merges and row heights as a store, or null when a cell or row holds what the
 * store does not keep (rich text runs, hyperlinks, notes, array formulas, row formats); such a sheet stays
 * with ExcelJS.
 */
export function fromExcelJs(ws: Worksheet, date1904: boolean): BulkCells | null {
  const cells = new BulkCells();
  const shared = new StyleRows();
  let ok = true;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (!ok) return;
    const props = row as unknown as { height?: number; hidden?: boolean; outlineLevel?: number; collapsed?: boolean; style?: Partial<Style> };
    // a row format (Excel's row s="…" customFormat) has no place in the store
    if (props.style && Object.keys(props.style).length) {
      ok = false;
      return;
    }
    const attrs: Record<string, string> = {};
    if (props.height) Object.assign(attrs, { ht: String(props.height), customHeight: "1" });
    if (props.hidden) attrs.hidden = "1";
    if (props.outlineLevel) attrs.outlineLevel = String(props.outlineLevel);
    if (props.collapsed) attrs.collapsed = "1";
    const values: BulkValue[] = [];
    const styles: BulkStyle[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (!ok) return;
      const v = fromCell(cell, date1904);
      if (v === undefined) {
        ok = false;
        return;
      }
      values[c - 1] = v;
      const style = cell.style;
      styles[c - 1] = style && Object.keys(style).length ? style : undefined;
    });
    for (let i = 0; i < values.length; i++) values[i] ??= null;
    const hasAttrs = Object.keys(attrs).length > 0;
    if (values.length || styles.some(Boolean) || hasAttrs) cells.rows[r] = { values, styles: shared.get(styles), batch: 0, ...(hasAttrs ? { attrs } : {}) };
  });
  if (!ok) return null;
  cells.merges = Object.values(sheetInternals(ws)._merges).flatMap((m) => (m ? [{ top: m.top, left: m.left, bottom: m.bottom, right: m.right }] : []));
  return cells;
}

/** One ExcelJS cell's value in the store's terms; undefined when it holds more than the store keeps. */
function fromCell(cell: Cell, date1904: boolean): BulkValue | undefined {
  if (cell.note || cell.hyperlink) return undefined;
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Number:
    case ValueType.Boolean:
      return cell.value as number | boolean;
    case ValueType.String:
      // ExcelJS cells hold text as the file will (escaped, see text.ts); the store holds it as the user sees it
      return cell.value === "" ? null : unescapeText(cell.value as string);
    case ValueType.Date:
      return (cell.value as Date).getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0);
    case ValueType.Error:
      return { error: (cell.value as { error: string }).error };
    case ValueType.RichText: {
      const runs = (cell.value as { richText: { text: string; font?: unknown }[] }).richText;
      return runs.some((run) => run.font) ? undefined : runs.map((run) => run.text).join("");
    }
    case ValueType.Formula: {
      const m = formulaModel(cell);
      if (m.shareType || m.sharedFormula || !m.formula) return undefined;
      const result = resultValue(m.result, date1904);
      if (result === undefined) return undefined;
      const error = typeof m.result === "object" && m.result !== null && "error" in m.result;
      return result === null ? { formula: m.formula } : error ? { formula: m.formula, result, error: true } : { formula: m.formula, result };
    }
    default:
      return undefined;
  }
}

function resultValue(r: unknown, date1904: boolean): CellValue | undefined {
  if (r === undefined || r === null) return null;
  if (typeof r === "string" || typeof r === "number" || typeof r === "boolean") return r;
  if (r instanceof Date) return r.getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0);
  if (typeof r === "object" && "error" in r && typeof r.error === "string") return r.error;
  return undefined;
}
