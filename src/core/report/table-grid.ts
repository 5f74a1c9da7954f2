/**
 * Where each header cell of a report table sits: header rows are written as the reports print them
 * (a cell spanning two rows appears only in the first), and every renderer — .docx, .xlsx, Laporan
 * sheets — needs the same grid positions to merge cells. One placement, so the outputs cannot differ.
 */
import type { HeaderCell, ReportCell, ReportTable } from "./types";

export interface PlacedHeaderCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** The table's column count: the widths, which every row must cover. */
export const columnCount = (table: ReportTable): number => table.widths.length;

/**
 * Header cells with their grid positions, row by row, left to right. A cell takes the first column
 * not already covered by a cell spanning down from a row above. Throws when the spans do not cover
 * exactly `columns` columns in every row — a programming error in the table's declaration.
 */
export function placeHeader(header: readonly (readonly HeaderCell[])[], columns: number): PlacedHeaderCell[] {
  const covered: boolean[][] = header.map(() => new Array<boolean>(columns).fill(false));
  const out: PlacedHeaderCell[] = [];
  header.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (col < columns && covered[row]![col]) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (col + colSpan > columns || row + rowSpan > header.length) {
        throw new Error(`Header cell "${cell.text}" at row ${row + 1} spills outside the table (${columns} columns, ${header.length} rows)`);
      }
      for (let r = row; r < row + rowSpan; r++) {
        for (let c = col; c < col + colSpan; c++) {
          if (covered[r]![c]) throw new Error(`Header cell "${cell.text}" overlaps another at row ${r + 1}, column ${c + 1}`);
          covered[r]![c] = true;
        }
      }
      out.push({ text: cell.text, row, col, rowSpan, colSpan });
      col += colSpan;
    }
  });
  covered.forEach((cols, row) => {
    const gap = cols.indexOf(false);
    if (gap >= 0) throw new Error(`Header row ${row + 1} leaves column ${gap + 1} of ${columns} empty`);
  });
  return out;
}

/** Widths in any unit scaled to a total, in whole units, summing exactly to it (largest remainders). */
export function scaleWidths(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new Error("A table needs positive column widths");
  const exact = widths.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, w) => s + w, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    out[i]! += 1;
    left--;
  }
  return out;
}

/** Bold text is about a tenth wider. */
const BOLD_FACTOR = 1.1;

/**
 * The longest word of each column, in characters (bold counted wider): a column narrower than this
 * breaks a number or a word in two ("7.229.814.33 / 3", "Dokum / en"). Header cells spanning several
 * columns bind none of them alone.
 */
export function longestWords(table: ReportTable): number[] {
  const out = new Array<number>(columnCount(table)).fill(1);
  const see = (col: number, words: string[], bold: boolean) => {
    for (const word of words) out[col] = Math.max(out[col]!, word.length * (bold ? BOLD_FACTOR : 1));
  };
  const wordsOf = (text: string) => text.split(/\s+/);
  // a figure with its unit reads as one ("64 Orang"), so it is never broken
  const cellWords = (cell: ReportCell) => (cell.kind === "text" || cell.kind === "label" ? wordsOf(cell.text) : [cell.text]);
  for (const p of placeHeader(table.header, out.length)) if (p.colSpan === 1) see(p.col, wordsOf(p.text), true);
  table.numberRow?.forEach((t, c) => see(c, [t], false));
  for (const row of table.rows) row.forEach((cell, c) => see(c, cellWords(cell), cell.bold === true));
  table.total?.forEach((cell, c) => see(c, cellWords(cell), true));
  return out;
}

/**
 * Widths summing to `total` that give every column at least its minimum, the room taken from the
 * columns above their minimum in proportion to what they can spare. When the minimums alone exceed
 * the total, the minimums are scaled down (something must wrap).
 */
export function fitWidths(widths: readonly number[], mins: readonly number[], total: number): number[] {
  const start = scaleWidths(widths, total);
  const needed = mins.reduce((s, m) => s + m, 0);
  if (needed >= total) return scaleWidths(mins, total);
  const deficit = start.reduce((s, w, i) => s + Math.max(0, mins[i]! - w), 0);
  if (deficit === 0) return start;
  const slack = start.map((w, i) => Math.max(0, w - mins[i]!));
  const spare = slack.reduce((s, x) => s + x, 0);
  const fitted = start.map((w, i) => (w < mins[i]! ? mins[i]! : w - (slack[i]! / spare) * deficit));
  return scaleWidths(fitted, total);
}
