/**
 * An LRA that was pasted into cells, turned back into the TAB text `parseLra` reads. Pasting the SIPD
 * export into Excel (id-ID) leaves numbers as numbers (7.229.814.333,00 → 7229814333, 53,17 → 53.17,
 * (18.938.957,00) → -18938957) and codes and uraian as text; this writes each number the way SIPD
 * prints it, so the parser, its findings and its line numbers work on a range as on a paste.
 * Pure: no workbook, no DOM.
 */
import { formatAngka, roundHalfUp, significantDecimals } from "../numbers";
import { persenOf } from "./amounts";
import type { CellSnapshot } from "../workbook-ops";

/** Fields of an LRA row (SPEC d2): 0 kode, 1 uraian, 2–6 money, 7 %, 8 sisa (money). */
const SETELAH_FIELD = 3;
const SD_FIELD = 6;
const PERSEN_FIELD = 7;
const MONEY_FIELDS = new Set([2, 3, 4, 5, 6, 8]);
/** SIPD prints % with 2 decimals. */
const PERSEN_DECIMALS = 2;
const MAX_DECIMALS = 6;

const BREAK = /[\t\r\n]/;

const isEmpty = (c: CellSnapshot | undefined): boolean => !c || c.value === null || c.value === "";

function plainNumber(x: number): string {
  return formatAngka(x, "ratio");
}

/**
 * Whole rupiah as SIPD prints them, 1.234.567,00 or (1.234.567,00): the common case written directly
 * (a 100 000-row sheet has 600 000 of them); anything else through formatAngka.
 */
export function moneyText(v: number): string {
  if (!Number.isSafeInteger(v)) return formatAngka(v, "money", { decimals: 2, negative: "parentheses" });
  const out = groupDigits(String(Math.abs(v)));
  return v < 0 ? `(${out},00)` : `${out},00`;
}

/**
 * The % as SIPD printed it. A cell keeps the number, not the digits: 100,00 arrives as 100 and
 * 54,10 as 54.1, whatever the cell's format shows. SIPD prints 2 decimals, except now and then one
 * (1.592,4 where 1592,44 is meant); when the row's own amounts give the number at fewer decimals and
 * not at 2, it was printed that way. Either way the value the parser reads is the cell's.
 */
function persenText(cell: CellSnapshot, row: readonly (CellSnapshot | undefined)[], first: number): string {
  const v = cell.value as number;
  // a cell formatted as percent holds the fraction (0.5317 shown as 53,17%)
  const percent = cell.numberFormat.includes("%") ? roundHalfUp(v * 100, MAX_DECIMALS) : v;
  const digits = String(Math.abs(percent));
  const dot = digits.indexOf(".");
  // the decimals are those of the shortest text, as significantDecimals counts them (read off `digits`:
  // this runs for every row of a 100 000-row sheet)
  const plain = !digits.includes("e");
  const written = plain ? (dot < 0 ? 0 : digits.length - dot - 1) : significantDecimals(percent);
  const own = Math.min(MAX_DECIMALS, written);
  let decimals = Math.max(PERSEN_DECIMALS, own);
  const sd = row[first + SD_FIELD]?.value;
  const setelah = row[first + SETELAH_FIELD]?.value;
  if (own < PERSEN_DECIMALS && typeof sd === "number" && typeof setelah === "number") {
    if (persenOf(sd, setelah, PERSEN_DECIMALS) !== percent && persenOf(sd, setelah, own) === percent) decimals = own;
  }
  // below 1e9 a double is far closer to its shortest text than half a unit of the 6th decimal, so
  // rounding a text of at most `decimals` decimals leaves it as it is: padded, it is what formatAngka writes
  if (plain && written <= decimals && Math.abs(percent) < 1e9) {
    const int = dot < 0 ? digits : digits.slice(0, dot);
    const frac = dot < 0 ? "" : digits.slice(dot + 1);
    const body = decimals > 0 ? `${groupDigits(int)},${frac.padEnd(decimals, "0")}` : groupDigits(int);
    return percent < 0 ? `-${body}` : body;
  }
  return formatAngka(percent, "money", { decimals });
}

/** Integer digits grouped by thousands with dots, as formatAngka groups them in id-ID: by slices of three, not a string per digit. */
function groupDigits(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `.${digits.slice(i, i + 3)}`;
  return out;
}

/** One cell as SIPD would have printed it in field `field` of a row. */
function cellText(cell: CellSnapshot, field: number, dataShaped: boolean, row: readonly (CellSnapshot | undefined)[], first: number): string {
  const v = cell.value;
  if (v === null) return "";
  // a line break or TAB inside a cell (Alt+Enter) would split the row for the parser
  if (typeof v === "string") return BREAK.test(v) ? v.replace(/[\t\r\n]+/g, " ") : v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (!dataShaped) return plainNumber(v);
  if (MONEY_FIELDS.has(field)) return moneyText(v);
  if (field === PERSEN_FIELD) return persenText(cell, row, first);
  return plainNumber(v);
}

/**
 * The cells as LRA text: one line per row (so line n is the n-th row of the range), fields joined by
 * TAB. Columns empty in every row at the left are dropped, so a range that starts in an empty column
 * still puts the kode in field 1 (empty columns at the right are harmless: the parser drops empty
 * fields past the ninth). A row with a single filled cell (a header line in column A) ends after it,
 * as the line did in the export; a row with more keeps every column, so an empty amount stays an
 * empty field the parser names instead of shifting the row.
 */
export function cellsToLraText(cells: readonly (readonly (CellSnapshot | undefined)[])[]): string {
  const bounds = lineBounds(cells);
  if (!bounds) return "";
  const lines: string[] = [];
  for (const row of cells) lines.push(rowText(row, bounds.first, bounds.last));
  return lines.join("\n");
}

/**
 * The columns the lines span: from the first column filled in any row to the last column of the widest
 * row; null when all are empty. `fields`: the row's cells are those columns, in that order.
 */
export function lineBounds(cells: readonly (readonly (CellSnapshot | undefined)[])[], fields?: readonly number[]): { first: number; last: number } | null {
  let first = Infinity;
  let last = -1;
  // by index: a for-of over 100k rows makes an iterator result per row before the loop is optimised
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i]!;
    const width = fields ? fields.length : row.length;
    last = Math.max(last, width - 1);
    for (let j = 0; j < Math.min(width, first); j++) {
      if (!isEmpty(fields ? row[fields[j]!] : row[j])) {
        first = j;
        break;
      }
    }
  }
  return first === Infinity ? null : { first, last };
}

/** One row as its line of LRA text (cellsToLraText), within the columns `first`–`last`. */
export function rowText(row: readonly (CellSnapshot | undefined)[], first: number, last: number): string {
  let filled = 0;
  let end = first - 1;
  for (let j = first; j <= last; j++) {
    if (isEmpty(row[j])) continue;
    filled++;
    end = j;
  }
  if (filled === 0) return "";
  const until = filled === 1 ? end : last;
  // a data row starts with its kode as text, or with an empty cell (the footer); the column-number
  // row (1 2 3 4 …) starts with a number and keeps its numbers plain
  const lead = row[first]?.value ?? null;
  const dataShaped = typeof lead !== "number";
  const fields: string[] = [];
  for (let j = first; j <= until; j++) {
    const cell = row[j];
    fields.push(cell ? cellText(cell, j - first, dataShaped, row, first) : "");
  }
  // joined: one flat string per line (a concatenation would keep a string per field alive until the end)
  return fields.join("\t");
}
