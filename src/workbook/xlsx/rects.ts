/** Rectangles of cells, 1-based inclusive as ExcelJS and A1 addresses count. */
import { MAX_COLS, MAX_ROWS, colLetter, type RangeRef } from "../port";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const rectOf = (r: Omit<RangeRef, "sheet">): Rect => ({ top: r.row + 1, left: r.col + 1, bottom: r.row + r.rows, right: r.col + r.cols });

export const rectRef = (r: Rect): Omit<RangeRef, "sheet"> => ({ row: r.top - 1, col: r.left - 1, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });

const cellA1 = (row: number, col: number) => `${colLetter(col - 1)}${row}`;

/** "A1" for one cell, "A1:C9" otherwise: the key form ExcelJS's validation writer expects. */
export function rectA1(r: Rect): string {
  const start = cellA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${cellA1(r.bottom, r.right)}`;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses "B2", "$B$2:$D$9", "A:A" (whole columns) or "3:5" (whole rows); null when it is none of these. */
export function parseRect(ref: string): Rect | null {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  if (a === undefined || b === undefined) return null;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  if (ca && cb) {
    const [r1, r2] = [Number(ca[2]), Number(cb[2])];
    const [c1, c2] = [colNumber(ca[1]!), colNumber(cb[1]!)];
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    const [c1, c2] = [colNumber(a), colNumber(b)];
    return { top: 1, left: Math.min(c1, c2), bottom: MAX_ROWS, right: Math.max(c1, c2) };
  }
  if (/^\d{1,7}$/.test(a) && /^\d{1,7}$/.test(b)) {
    const [r1, r2] = [Number(a), Number(b)];
    return { top: Math.min(r1, r2), left: 1, bottom: Math.max(r1, r2), right: MAX_COLS };
  }
  return null;
}

export const intersects = (a: Rect, b: Rect): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** The parts of `a` outside `b`: at most four rectangles (bands above and below, then left and right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}
