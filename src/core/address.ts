/**
 * Cell addresses, the one module for A1 ⇄ row/col and rectangles of cells. Everything is 0-based
 * (row 0 = Excel row 1, col 0 = column A); adapters that count from 1 convert at their edge.
 * Pure: no host.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** One cell of a sheet. */
export interface Address {
  sheet: string;
  row: number;
  col: number;
}

/** A block of cells of one sheet. */
export interface RangeRef {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** A block of cells without its sheet. */
export type Rect = Omit<RangeRef, "sheet">;

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export function colLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index of column letters: A → 0, AA → 26; -1 when they are not letters. */
export function colIndexOf(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based cell, optionally absolute ($A$1). */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetter(col)}$${row + 1}` : `${colLetter(col)}${row + 1}`;
}

/** "A1" for one cell, "A1:C9" otherwise. */
export function rangeA1(r: Rect, absolute = false): string {
  const start = a1(r.row, r.col, absolute);
  return r.rows === 1 && r.cols === 1 ? start : `${start}:${a1(r.row + r.rows - 1, r.col + r.cols - 1, absolute)}`;
}

/** Whether a sheet name must be quoted in a reference: spaces, other characters, or a name that reads as a cell. */
function needsQuotes(sheet: string): boolean {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[Rr]\d*[Cc]\d*$/.test(sheet);
  return !plain;
}

/** Sheet-qualified reference, quoting names with spaces: 'Perjanjian Kinerja'!$B$5. */
export function sheetRef(sheet: string, ref: string): string {
  return needsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'!${ref}` : `${sheet}!${ref}`;
}

/** "'Capaian'!M7"-style text of a cell, as findings and messages show it. */
export function addressText(at: Address): string {
  return sheetRef(at.sheet, a1(at.row, at.col));
}

/** "Capaian!M7:M9"-style text of a range. */
export function rangeText(r: RangeRef): string {
  return sheetRef(r.sheet, rangeA1(r));
}

/**
 * Parses "B2", "$B$2:$D$9", "A:A" (whole columns) or "3:5" (whole rows) into a 0-based rectangle;
 * null when it is none of these. The corners may come in any order.
 */
export function parseA1(ref: string): Rect | null {
  const [a, b = a, extra] = ref.replace(/\$/g, "").split(":");
  if (a === undefined || b === undefined || extra !== undefined) return null;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  const span = (x: number, y: number) => ({ start: Math.min(x, y), count: Math.abs(x - y) + 1 });
  if (ca && cb) {
    const r = span(Number(ca[2]) - 1, Number(cb[2]) - 1);
    const c = span(colIndexOf(ca[1]!), colIndexOf(cb[1]!));
    if (r.start < 0 || r.start + r.count > MAX_ROWS || c.start + c.count > MAX_COLS) return null;
    return { row: r.start, col: c.start, rows: r.count, cols: c.count };
  }
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    const c = span(colIndexOf(a), colIndexOf(b));
    return c.start + c.count > MAX_COLS ? null : { row: 0, col: c.start, rows: MAX_ROWS, cols: c.count };
  }
  if (/^\d{1,7}$/.test(a) && /^\d{1,7}$/.test(b)) {
    const r = span(Number(a) - 1, Number(b) - 1);
    return r.start < 0 || r.start + r.count > MAX_ROWS ? null : { row: r.start, col: 0, rows: r.count, cols: MAX_COLS };
  }
  return null;
}

/** Parses "'Perjanjian Kinerja'!$B$5:$B$9" or "Capaian!M7"; null when it is not a sheet-qualified reference. */
export function parseSheetRef(text: string): RangeRef | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(text.trim().replace(/^=/, ""));
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  const rect = parseA1(m[3]!);
  return rect ? { sheet, ...rect } : null;
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const end = Math.min(a.row + a.rows, b.row + b.rows);
  const endCol = Math.min(a.col + a.cols, b.col + b.cols);
  return end > row && endCol > col ? { row, col, rows: end - row, cols: endCol - col } : null;
}

/** The parts of `a` outside `b`: up to four disjoint rectangles (bands above/below, then left/right). */
export function subtract(a: Rect, b: Rect | null): Rect[] {
  const inner = b ? intersect(a, b) : null;
  if (!inner) return [a];
  const out: Rect[] = [];
  if (inner.row > a.row) out.push({ row: a.row, col: a.col, rows: inner.row - a.row, cols: a.cols });
  const innerEnd = inner.row + inner.rows;
  if (innerEnd < a.row + a.rows) out.push({ row: innerEnd, col: a.col, rows: a.row + a.rows - innerEnd, cols: a.cols });
  if (inner.col > a.col) out.push({ row: inner.row, col: a.col, rows: inner.rows, cols: inner.col - a.col });
  const innerEndCol = inner.col + inner.cols;
  if (innerEndCol < a.col + a.cols) out.push({ row: inner.row, col: innerEndCol, rows: inner.rows, cols: a.col + a.cols - innerEndCol });
  return out;
}

/** Splits a rectangle into row bands of at most `maxCells` cells (at least one row each). */
export function splitRows(r: Rect, maxCells: number): Rect[] {
  const step = Math.max(1, Math.floor(maxCells / r.cols));
  const out: Rect[] = [];
  for (let row = r.row; row < r.row + r.rows; row += step) out.push({ row, col: r.col, rows: Math.min(step, r.row + r.rows - row), cols: r.cols });
  return out;
}

export function cellCount(r: Rect): number {
  return r.rows * r.cols;
}
