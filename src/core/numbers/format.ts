import { roundHalfUp } from "./round";
import type { NumberKind, NumberStyle } from "./parse";

export interface FormatOptions {
  style?: NumberStyle;
  /** Fixed number of decimals; default: 2 for money, 0 for counts, as few as needed (max 10) for ratios. */
  decimals?: number;
  /** Negative money as (1.234,00) as SIPD prints it; default a leading minus. */
  negative?: "minus" | "parentheses";
}

/**
 * Writes a number so that `parseAngka(text, { kind })` reads the same value back.
 * Money is grouped with two decimals (1.234.567,00); counts are grouped (1.234); ratios are never
 * grouped, because `1,500` with a group separator would be ambiguous.
 */
export function formatAngka(value: number, kind: NumberKind, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const style = options.style ?? "id";
  const decimals = options.decimals ?? (kind === "money" ? 2 : kind === "count" ? 0 : undefined);
  const rounded = decimals === undefined ? roundHalfUp(value, 10) : roundHalfUp(value, decimals);
  const abs = Math.abs(rounded);
  const fixed = decimals === undefined ? plainDecimal(abs) : abs.toFixed(decimals);
  const [intDigits = "0", frac = ""] = fixed.split(".");
  const decimalSep = style === "en" ? "." : ",";
  const groupSep = style === "en" ? "," : ".";
  const grouped = kind !== "ratio" && style !== "plain" ? group(intDigits, groupSep) : intDigits;
  const body = frac ? `${grouped}${decimalSep}${frac}` : grouped;
  if (rounded >= 0) return body;
  return options.negative === "parentheses" ? `(${body})` : `-${body}`;
}

/**
 * A fraction as an Indonesian percentage, half-up at ties on the decimal value: 0.5324 -> "53,24%",
 * 1.03625 -> "103,63%" (fraction × 100 in binary is 103.62499…, so the point is shifted in decimal).
 * The one percent formatter of the product.
 */
export function formatPersen(fraction: number, decimals = 2, style: NumberStyle = "id"): string {
  if (!Number.isFinite(fraction)) return String(fraction);
  const text = String(fraction);
  const percent = text.includes("e") ? fraction * 100 : Number(`${text}e2`);
  return `${formatAngka(roundHalfUp(percent, decimals), "ratio", { decimals, style })}%`;
}

/**
 * A number under an Excel number format, as Excel shows it in id-ID: "#,##0" → 7.221.714.333,
 * "0.00%" → 53,24%, "0" → 2024 (no grouping), General → as many decimals as needed with a decimal comma.
 */
export function displayNumber(x: number, numberFormat: string): string {
  if (!Number.isFinite(x)) return String(x);
  // the first section is the positive one; the sign is written by formatAngka
  const format = (numberFormat.split(";")[0] ?? "").replace(/"[^"]*"/g, "");
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (format.includes("%")) return formatPersen(x, decimals);
  if (format.includes("#,##0")) return formatAngka(x, "money", { decimals });
  if (/^0(\.0+)?$/.test(format)) return formatAngka(x, "ratio", { decimals });
  return formatAngka(x, "ratio");
}

function group(intDigits: string, sep: string): string {
  let out = "";
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

function plainDecimal(abs: number): string {
  const text = String(abs);
  if (!text.includes("e")) return text;
  return abs >= 1 ? abs.toFixed(0) : abs.toFixed(10).replace(/0+$/, "").replace(/\.$/, "");
}
