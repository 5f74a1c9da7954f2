/** Rectangle arithmetic on 0-based cell blocks (rollback snapshots are planned with it). */

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
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
