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
import { LineLoop, readOptions, refuseEmpty } from "./parse";
import { splitFields, type FieldSource } from "./row";
import type { LraParseOptions, LraParseResult } from "./types";
import type { CellSnapshot } from "../workbook-ops";

/** Rows of cells; a cell past a short row, or one left out, is undefined (an empty cell). */
type Cells = readonly (readonly (CellSnapshot | undefined)[])[];

const FIELD_COUNT = 9;
/** canonicalValue reads at most 15 digits; larger amounts go the way of the text */
const MAX_MONEY = 1e15;
/** characters that would change the line the text route reads: TAB, line breaks, markup */
const NOT_PLAIN = /[\t\r\n*<]/;

/** The fields of row `line − 1`, as the text route cuts them from its line. */
class CellFields implements FieldSource {
  constructor(
    private readonly rows: FieldRows,
    private readonly first: number,
    private readonly last: number,
  ) {}
  fieldsOf(line: number): string[] {
    return splitFields(stripMarkup(rowText(this.rows.at(line - 1), this.first, this.last)));
  }
  uraianOf(line: number): string {
    return (this.fieldsOf(line)[1] ?? "").trim();
  }
}

type Row = readonly (CellSnapshot | undefined)[];

/**
 * The rows as the text route reads them: the cells themselves, or, when a sheet keeps the nine fields
 * in columns of its own (Rincian SIPD), each row's fields gathered when its line is needed as text.
 */
class FieldRows {
  constructor(
    private readonly cells: Cells,
    private readonly columns: readonly number[] | null,
  ) {}
  at(i: number): Row {
    const row = this.cells[i] ?? [];
    return this.columns ? this.columns.map((c) => row[c]) : row;
  }
  all(): Row[] {
    return this.cells.map((_, i) => this.at(i));
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
 * (a sheet is as large as the workbook holding it). `onProgress` counts rows. `fields`: the columns of
 * the nine fields, for a sheet that keeps them apart (the rows read as `fields.map(c => row[c])` would be,
 * without a row of fields made for every sheet row).
 */
export function parseLraCells(cells: Cells, options?: Pick<LraParseOptions, "rollupReading" | "onProgress"> & { fields?: readonly number[] }): LraParseResult {
  const { reading, onProgress } = readOptions(options);
  const columns = options?.fields ?? null;
  if (columns && columns.length !== FIELD_COUNT) throw new Error(`parseLraCells: ${columns.length} field columns, not ${FIELD_COUNT}`);
  const rows = new FieldRows(cells, columns);
  const text = () => cellsToLraText(columns ? rows.all() : cells);
  const bounds = lineBounds(cells, columns ?? undefined);
  if (!bounds) return refuseEmpty();
  const { first, last } = bounds;
  // where each field of a row is: side by side from `first`, or the sheet's own columns
  const at = columns ? columns.slice(first) : Array.from({ length: FIELD_COUNT }, (_, k) => first + k);
  const source = new CellFields(rows, first, last);
  const loop = new LineLoop();
  let blank = true;
  // the text's final line break ends its last line: an empty last row is no line
  let n = cells.length;
  if (n > 1 && rowText(rows.at(n - 1), first, last) === "") n--;
  for (let i = 0; i < n; i++) {
    const row = cells[i]!;
    const line = loop.nextLine();
    if (!(last - first === FIELD_COUNT - 1 && line !== 1 && cellRow(loop, line, row, at, source))) {
      const raw = rowText(rows.at(i), first, last);
      if (blank && raw.trim() !== "") blank = false;
      loop.textLine(line, raw);
    } else blank = false;
    if (onProgress && (line & 0x1fff) === 0) onProgress(i + 1, cells.length);
  }
  if (blank) return refuseEmpty();
  return loop.finish(text, reading);
}

/** Row `line` read from its cells, if it is in the form an imported sheet holds; false leaves it to the text route. */
function cellRow(loop: LineLoop, line: number, row: Row, at: readonly number[], source: FieldSource): boolean {
  const kode = row[at[0]!]?.value;
  if (typeof kode !== "string" || !KODE_PATTERN.test(kode)) return false;
  const uraian = row[at[1]!]?.value ?? null;
  if (uraian !== null && (typeof uraian !== "string" || NOT_PLAIN.test(uraian))) return false;
  const sebelum = money(row[at[2]!]);
  const setelah = money(row[at[3]!]);
  const lalu = money(row[at[4]!]);
  const ini = money(row[at[5]!]);
  const sd = money(row[at[6]!]);
  const sisa = money(row[at[8]!]);
  if (sebelum === null || setelah === null || lalu === null || ini === null || sd === null || sisa === null) return false;
  // the % as the text route prints and reads it (printedPersen): at most two decimals written, printed
  // with two, not negative (its reader takes no sign); a percent-formatted fraction goes the text's way
  const p = row[at[7]!];
  const v = p?.value;
  if (!p || typeof v !== "number" || p.numberFormat.includes("%")) return false;
  // v's shortest text has at most two decimals exactly when it is the double nearest to its hundredths
  if (!(v >= 0 && v < 1e9) || Math.round(v * 100) / 100 !== v) return false;
  const own = Number.isInteger(v) ? 0 : Math.round(v * 10) / 10 === v ? 1 : 2;
  // fewer decimals than two, and only they give the row's %: SIPD printed it so (1.592,4)
  if (own < 2 && persenOf(sd, setelah, 2) !== v && persenOf(sd, setelah, own) === v) return false;
  const persen = v === 0 ? 0 : v;
  loop.linesWithTab++;
  loop.stageNumbers(sebelum, setelah, lalu, ini, sd, persen, sisa);
  loop.kodeRow(line, source, line, kode, 0, kode.length, kode, (uraian ?? "").trim(), 2);
  return true;
}
