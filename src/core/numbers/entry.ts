/**
 * What a cell holds after a user types text into it, as Excel in an Indonesian locale (id-ID) stores
 * it: "82,9" is the number 82.9, "1.500.000" is 1500000, "93,75%" is 0.9375 shown as a percent, and
 * into a cell already formatted as a percent "46" is 46% (0.46) and "0,46" is 46% too (Excel's
 * automatic percent entry). Text Excel does not read as a number stays text: "1,706,504,410",
 * "12 Dokumen", "2.400.000,-", "-". Used by the no-Excel grid editor and to type the reports' printed
 * values into test workbooks exactly as a user would.
 */
import type { CellValue } from "../workbook-ops";

export interface Entry {
  value: CellValue;
  /** The number format the cell takes on, when the entry sets one ("0%" for "52%"). */
  numberFormat?: string;
}

const ID_NUMBER = /^([-+]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;

/** A number written the id-ID way, or null. */
function idNumber(text: string): { value: number; decimals: number } | null {
  const m = ID_NUMBER.exec(text);
  if (!m) return null;
  const digits = m[2]!.replace(/\./g, "");
  const frac = m[3] ?? "";
  const value = Number(frac ? `${digits}.${frac}` : digits);
  return { value: m[1] === "-" ? -value : value, decimals: frac.length };
}

/** A fraction from a percent, decimal-exact: 93.75 → 0.9375. */
function percentToFraction(x: number): number {
  const t = String(x);
  return t.includes("e") ? x / 100 : Number(`${t}e-2`);
}

export function cellEntry(typed: string, cellNumberFormat = "General"): Entry {
  const text = typed.trim();
  if (text === "") return { value: null };
  const percentCell = cellNumberFormat.split(";")[0]!.includes("%");
  const pct = /^(.*?)\s*%$/.exec(text);
  if (pct) {
    const n = idNumber(pct[1]!.trim());
    if (!n) return { value: typed };
    return percentCell ? { value: percentToFraction(n.value) } : { value: percentToFraction(n.value), numberFormat: n.decimals > 0 ? `0.${"0".repeat(Math.min(n.decimals, 2))}%` : "0%" };
  }
  const n = idNumber(text);
  if (!n) return { value: typed };
  // automatic percent entry: 46 and 0,46 both become 46%
  if (percentCell) return { value: Math.abs(n.value) >= 1 ? percentToFraction(n.value) : n.value };
  return { value: n.value };
}
