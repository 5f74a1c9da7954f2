/**
 * The Excel number format under which a report cell's number shows exactly the cell's text in an
 * Indonesian Excel: "52,00%" → 0.00%, "100%" → 0%, "7.229.814.333" → #,##0, "64 Orang" → 0" Orang".
 * Sheets keep numbers as numbers (a reader can sum them, the chart can point at them) and still read
 * as the .docx does, unit words included. The format is checked against the core's own rendering of
 * formats (displayNumber); when no format reproduces the text, the cell's declared format is used.
 */
import { isPercentFormat } from "../model/cell";
import { displayNumber } from "../numbers";
import type { ReportCell } from "./types";

/** A number with an optional suffix ("%", " Dokumen"): sign, digits with "." groups, ",decimals". */
const NUMBER_TEXT = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(.*)$/s;

export function displayFormat(cell: ReportCell): string | undefined {
  if (typeof cell.value !== "number") return undefined;
  return formatShowing(cell.value, cell.text, cell.numberFormat !== undefined && isPercentFormat(cell.numberFormat)) ?? cell.numberFormat;
}

/** A format that shows `value` as `text`, or null. `fraction`: the value is a ratio shown as a percent. */
export function formatShowing(value: number, text: string, fraction: boolean): string | null {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) return null;
  const [, , intPart = "", decimals = "", suffix = ""] = m;
  const body = `${intPart.includes(".") ? "#,##0" : "0"}${decimals ? `.${"0".repeat(decimals.length)}` : ""}`;
  let format: string;
  if (fraction) {
    if (suffix !== "%") return null;
    format = `${body}%`;
  } else {
    // a quote cannot be written inside an Excel format literal
    if (suffix.includes('"')) return null;
    format = suffix === "" ? body : `${body}"${suffix}"`;
  }
  const shown = displayNumber(value, format) + (fraction ? "" : suffix);
  return shown === text.trim() ? format : null;
}
