/**
 * The one small interface between the domain and a workbook. Adapters: memory (tests, no-Excel mode),
 * xlsx (ExcelJS; CLI and downloads), office (Office.js; live Excel). The same operations rendered by
 * each adapter give the same cells. The operations themselves are plain data in src/core/workbook-ops.ts.
 */
import type { Address, CellSnapshot, RangeRef, WorkbookOp } from "../core/workbook-ops";

export * from "../core/workbook-ops";

export interface SheetInfo {
  name: string;
  /** Rows × columns from A1 to the last cell holding a value or formula (formats alone do not count); 0 × 0 when empty. */
  usedRows: number;
  usedCols: number;
}

export interface ApplyOptions {
  /** Called after each batch sent to the host: done and total operations' cells. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * A range to read. `formulas: false`: the caller reads only values and number formats (a pasted LRA,
 * the Rincian SIPD, whose cells are constants): every cell's formula may then come back null, and
 * Office.js is not asked for them (a third less to send for such cells).
 */
export interface ReadRange extends RangeRef {
  formulas?: false;
}

export interface ReadOptions {
  /** Called after each round trip of a read that takes several (Office.js): rows read and rows asked for. */
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyReport {
  /** Round trips to the host (Office.js `context.sync` calls); 0 for in-process adapters. */
  syncs: number;
  /** Bytes of the largest batch sent to the host (estimated JSON size). */
  largestBatchBytes: number;
}

export interface WorkbookPort {
  /** Every sheet with its used extent, in workbook order. */
  sheets(): Promise<SheetInfo[]>;
  /**
   * Reads several ranges: in one round trip, or (Office.js) in as few as keep each response under
   * Excel on the web's limit. Missing sheets read as empty.
   */
  read(ranges: readonly ReadRange[], options?: ReadOptions): Promise<CellSnapshot[][][]>;
  /** Defined names and their formulas ("=Pengaturan!$B$4"). */
  names(): Promise<{ name: string; formula: string }[]>;
  /**
   * Applies the operations in order, all or nothing: if any operation is invalid or the host fails,
   * the workbook is left as it was and the error is thrown.
   */
  apply(ops: readonly WorkbookOp[], options?: ApplyOptions): Promise<ApplyReport>;
  /** Moves the user's selection to a cell (used by validation findings). */
  select(at: Address): Promise<void>;
  /**
   * The range the user has selected now (e.g. an LRA pasted into cells), as it is: a whole column
   * comes back 1,048,576 rows tall, so callers clip it to the used range before reading. null when
   * the adapter has no selection: an .xlsx file, a memory workbook nobody selected in.
   */
  selectedRange(): Promise<RangeRef | null>;
}

