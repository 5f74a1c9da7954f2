/**
 * Excel's value semantics for the product's own formulas, so the core can compute what a standard
 * sheet's formula shows without any formula engine (the "twin" of each computed column). Only what
 * the standard formulas use: comparison with "", arithmetic coercion, N(), COUNT/ISNUMBER, error
 * propagation. Pure.
 */
import type { CellValue } from "./workbook-ops";

export type XlErrorCode = "#DIV/0!" | "#N/A" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#NULL!" | "#SPILL!" | "#CALC!";

export const XL_ERRORS: readonly XlErrorCode[] = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

export interface XlError {
  error: XlErrorCode;
  /** A formula the core cannot evaluate (not a standard one) and the host left no value for. */
  unknown?: true;
}

/** The value of a cell whose formula the core does not evaluate and whose host did not compute it. */
export const UNKNOWN: XlError = Object.freeze({ error: "#N/A", unknown: true }) as XlError;

export const isUnknown = (v: Val): boolean => isXlError(v) && v.unknown === true;

/**
 * A value as a formula sees it: null is an empty cell, "" the empty text a formula returns; numbers,
 * text and booleans as stored; an error value. `undefined` is never a Val.
 */
export type Val = number | string | boolean | null | XlError;

export const xlError = (error: XlErrorCode): XlError => ({ error });

export function isXlError(v: unknown): v is XlError {
  return typeof v === "object" && v !== null && typeof (v as XlError).error === "string";
}

/** A cell's stored value as a Val: hosts hand error values over as text ("#DIV/0!"). */
export function valOf(v: CellValue | undefined): Val {
  if (v === undefined) return null;
  // every error value starts with "#": other text is not searched for in the list (read per cell)
  if (typeof v === "string" && v.charCodeAt(0) === 35 && (XL_ERRORS as readonly string[]).includes(v)) return xlError(v as XlErrorCode);
  return v;
}

/** `x=""` in a formula: true for an empty cell and for empty text. */
export const isBlankish = (v: Val): boolean => v === null || v === "";

/** Excel's ISNUMBER. */
export const isNum = (v: Val): v is number => typeof v === "number";

/**
 * Arithmetic coercion (`x/y`, `x-y`): blank is 0, TRUE is 1, text that reads as a number is that
 * number, other text is #VALUE!. Only plain digits with one decimal point (or comma) are read: a
 * grouped "1.500.000" depends on the user's locale, and the product never relies on it.
 */
export function toNumber(v: Val): number | XlError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isXlError(v)) return v;
  const t = v.trim();
  const m = /^([-+]?)(\d+(?:[.,]\d+)?|[.,]\d+)(%?)$/.exec(t);
  if (!m) return xlError("#VALUE!");
  const n = Number(m[2]!.replace(",", "."));
  return (m[1] === "-" ? -n : n) / (m[3] ? 100 : 1);
}

/** N(x): numbers as they are, TRUE 1, anything else 0; errors propagate. */
export function nOf(v: Val): number | XlError {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isXlError(v)) return v;
  return 0;
}

/** Text of a value as `x&""` gives it: numbers in general format (decimal comma in id-ID). */
export function textOf(v: Val): string | XlError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isXlError(v)) return v;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(15))).replace(".", ",");
}

/** Case-insensitive text equality, as `=` compares text in Excel. */
export function sameText(a: Val, b: string): boolean {
  return typeof a === "string" && a.toLowerCase() === b.toLowerCase();
}

/** Applies `f` to two operands after arithmetic coercion; the first error wins, as in Excel. */
export function arith(a: Val, b: Val, f: (x: number, y: number) => number | XlError): Val {
  const x = toNumber(a);
  if (isXlError(x)) return x;
  const y = toNumber(b);
  if (isXlError(y)) return y;
  const r = f(x, y);
  return typeof r === "number" && !Number.isFinite(r) ? xlError("#NUM!") : r;
}

export const divide = (a: Val, b: Val): Val => arith(a, b, (x, y) => (y === 0 ? xlError("#DIV/0!") : x / y));
export const subtract = (a: Val, b: Val): Val => arith(a, b, (x, y) => x - y);

/** A finite number, or null for anything else (blank, text, errors). */
export const numberOrNull = (v: Val): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
