/**
 * How a port cell travels through Excel's `Range.formulas` and comes back from `values` + `formulas`.
 * Pure functions, no Office.js: the adapter and its tests share them.
 *
 * Writing. A write block mixes constants and formulas, so the adapter sets `Range.formulas` for the
 * whole block (it accepts constants too). Excel parses every string like typed input: "=x", "+62",
 * "-" become formulas (see `Range.values` in the API reference), "2.20" becomes 2.2, "7.01.01" may
 * become a date in some locales, "TRUE" a boolean. A leading apostrophe is Excel's text prefix: the
 * cell then holds the rest literally and `values` never shows the apostrophe. So strings that could be
 * parsed get an apostrophe:
 *   - always when they start with = + - @ or ' (formula leads; a literal leading apostrophe would
 *     otherwise be eaten by the prefix rule);
 *   - in cells not formatted as text ("@"): when they contain a digit, are TRUE/FALSE (or the
 *     Indonesian BENAR/SALAH), or start with # (error literals). A text-formatted cell keeps such
 *     strings as typed, so codes in "@" columns are written bare.
 * `null` is written as "" (Excel: "" empties a cell, null would mean "leave unchanged").
 *
 * Reading. `values` gives constants without the apostrophe; `formulas` gives "=…" for formula cells
 * and the constant otherwise. A text constant that looks like a formula ("=SUM(1,2)") therefore shows
 * the same string in both, while a real formula's text differs from its computed value — that is the
 * test used. Known blind spot: a formula whose result is exactly its own text (=A1 where A1 holds the
 * text "=A1") reads as a constant.
 */
import type { CellContent, CellSnapshot, CellValue } from "../port";

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

/** What the adapter hands to Range.formulas for one cell. */
export type HostInput = string | number | boolean;

const ALWAYS_ESCAPE = /^[=+\-@']/;
const COERCIBLE = /\d|^\s*(?:true|false|benar|salah)\s*$|^\s*#/i;

/**
 * Whether a literal string needs the apostrophe prefix to stay text. `isTextCell` is asked only when
 * the answer depends on the cell's number format (it may cost a lookup).
 */
export function needsTextPrefix(text: string, isTextCell: () => boolean): boolean {
  if (text === "") return false;
  if (ALWAYS_ESCAPE.test(text)) return true;
  return COERCIBLE.test(text) && !isTextCell();
}

export function encodeCell(content: CellContent, isTextCell: () => boolean): HostInput {
  if (content === null) return "";
  if (typeof content === "object") return content.formula;
  if (typeof content === "string") return needsTextPrefix(content, isTextCell) ? `'${content}` : content;
  return content;
}

/** A snapshot cell written back as it was (rollback): its formula, or its constant kept literal. */
export function encodeSnapshot(cell: CellSnapshot): HostInput {
  if (cell.formula !== null) return cell.formula;
  return encodeCell(cell.value, () => cell.numberFormat === TEXT_FORMAT);
}

function asCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  throw new TypeError(`Nilai sel dari Excel tidak dikenal: ${JSON.stringify(v)}`);
}

export function decodeCell(value: unknown, formula: unknown, numberFormat: unknown): CellSnapshot {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  return {
    value: asCellValue(value),
    formula: isFormula ? formula : null,
    numberFormat: typeof numberFormat === "string" && numberFormat !== "" ? numberFormat : GENERAL_FORMAT,
  };
}
