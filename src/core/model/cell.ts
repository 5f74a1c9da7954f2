/**
 * What a single cell of the read model is: blank, zero or a value (three states the rules treat
 * differently: a blank quarter was not measured, a 0 was), and how a typed value reads.
 */
import type { CellSnapshot } from "../workbook-ops";

export type CellState = "blank" | "zero" | "value";

export const EMPTY_CELL: CellSnapshot = Object.freeze({ value: null, formula: null, numberFormat: "General" }) as CellSnapshot;

/** Blank: nothing, or empty text. Zero: the number 0. Value: anything else (text, other numbers, TRUE). */
export function cellState(c: CellSnapshot | undefined): CellState {
  if (!c || c.value === null || c.value === "") return "blank";
  return c.value === 0 ? "zero" : "value";
}

/** A cell with neither a formula nor a value ("" counts as empty). */
export const isEmptyCell = (c: CellSnapshot | undefined): boolean => !c || (c.formula === null && (c.value === null || c.value === ""));

/** Whether a number format shows a percent (the positive section; quoted text does not count). */
export function isPercentFormat(numberFormat: string): boolean {
  // asked for every typed number: most formats have no "%" at all
  if (!numberFormat.includes("%")) return false;
  const first = (numberFormat.split(";")[0] ?? "").replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return first.includes("%");
}

/** Text that reads as a number: what Excel's "number stored as text" check flags. */
export function looksNumeric(text: string): boolean {
  const t = text.trim();
  return t !== "" && /^[-+(]?\s*(rp\.?\s*)?[\d.,]+\s*%?\)?$/i.test(t) && /\d/.test(t);
}
