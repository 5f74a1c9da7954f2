/**
 * An LRA in cells, read as parseLra reads its text (cellsToLraText): the same rows, findings and line
 * numbers (line n is row n of the cells), without turning 100k rows of numbers into text and back.
 * A row in the form an imported sheet holds (a kode as SIPD prints it, whole-rupiah numbers, a % at two
 * decimals) is read from its cells; any other row is turned into its line of text and read as text.
 * A property test holds the two routes together.
 */
import { KODE_PATTERN } from "./kode";
import { persenOf } from "./amounts";
import { cellsToLraText, lineBounds, rowText } from "./cells-text";
import { stripMarkup } from "./header";
import { LineLoop, amounts, makeRow, readOptions, refuseEmpty } from "./parse";
import { splitFields, type FieldSource } from "./row";
import type { LraParseOptions, LraParseResult } from "./types";
import type { CellSnapshot } from "../workbook-ops";

type Cells = readonly (readonly CellSnapshot[])[];

const FIELD_COUNT = 9;
/** canonicalValue reads at most 15 digits; larger amounts go the way of the text */
const MAX_MONEY = 1e15;
/** characters that would change the line the text route reads: TAB, line breaks, markup */
const NOT_PLAIN = /[\t\r\n*<]/;

/** The fields of row `line − 1`, as the text route cuts them from its line. */
class CellFields implements FieldSource {
  constructor(
    private readonly cells: Cells,
    private readonly first: number,
    private readonly last: number,
  ) {}
  fieldsOf(line: number): string[] {
    return splitFields(stripMarkup(rowText(this.cells[line - 1] ?? [], this.first, this.last)));
  }
}

const money = (c: CellSnapshot | undefined): number | null => {
  const v = c?.value;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || Math.abs(v) >= MAX_MONEY) return null;
  // written 0,00, read back as 0: never −0
  return v === 0 ? 0 : v;
};

/**
 * The cells as parseLra(cellsToLraText(cells)) reads them, but for the limit on the text's length
 * (a sheet is as large as the workbook holding it). `onProgress` counts rows.
 */
export function parseLraCells(cells: Cells, options?: Pick<LraParseOptions, "rollupReading" | "onProgress">): LraParseResult {
  const { reading, onProgress } = readOptions(options);
  const text = () => cellsToLraText(cells);
  const bounds = lineBounds(cells);
  if (!bounds) return refuseEmpty();
  const { first, last } = bounds;
  const source = new CellFields(cells, first, last);
  const loop = new LineLoop();
  let blank = true;
  // the text's final line break ends its last line: an empty last row is no line
  let n = cells.length;
  if (n > 1 && rowText(cells[n - 1]!, first, last) === "") n--;
  for (let i = 0; i < n; i++) {
    const row = cells[i]!;
    const line = loop.nextLine();
    if (!(last - first === FIELD_COUNT - 1 && line !== 1 && cellRow(loop, line, row, first, source))) {
      const raw = rowText(row, first, last);
      if (blank && raw.trim() !== "") blank = false;
      loop.textLine(line, raw);
    } else blank = false;
    if (onProgress && (line & 0x1fff) === 0) onProgress(i + 1, cells.length);
  }
  if (blank) return refuseEmpty();
  return loop.finish(text, reading);
}

/** Row `line` read from its cells, if it is in the form an imported sheet holds; false leaves it to the text route. */
function cellRow(loop: LineLoop, line: number, row: readonly (CellSnapshot | undefined)[], first: number, source: FieldSource): boolean {
  const kode = row[first]?.value;
  if (typeof kode !== "string" || !KODE_PATTERN.test(kode)) return false;
  const uraian = row[first + 1]?.value ?? null;
  if (uraian !== null && (typeof uraian !== "string" || NOT_PLAIN.test(uraian))) return false;
  const sebelum = money(row[first + 2]);
  const setelah = money(row[first + 3]);
  const lalu = money(row[first + 4]);
  const ini = money(row[first + 5]);
  const sd = money(row[first + 6]);
  const sisa = money(row[first + 8]);
  if (sebelum === null || setelah === null || lalu === null || ini === null || sd === null || sisa === null) return false;
  // the % as the text route prints and reads it (printedPersen): at most two decimals written, printed
  // with two, not negative (its reader takes no sign); a percent-formatted fraction goes the text's way
  const p = row[first + 7];
  const v = p?.value;
  if (!p || typeof v !== "number" || p.numberFormat.includes("%")) return false;
  // v's shortest text has at most two decimals exactly when it is the double nearest to its hundredths
  if (!(v >= 0 && v < 1e9) || Math.round(v * 100) / 100 !== v) return false;
  const own = Number.isInteger(v) ? 0 : Math.round(v * 10) / 10 === v ? 1 : 2;
  // fewer decimals than two, and only they give the row's %: SIPD printed it so (1.592,4)
  if (own < 2 && persenOf(sd, setelah, 2) !== v && persenOf(sd, setelah, own) === v) return false;
  const persen = v === 0 ? 0 : v;
  loop.linesWithTab++;
  const stated = amounts(sebelum, setelah, lalu, ini, sd, persen, sisa);
  loop.row(makeRow(line, source, line, kode, (uraian ?? "").trim(), stated, 2, loop.heads));
  return true;
}
