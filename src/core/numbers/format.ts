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

/** A fraction as an Indonesian percentage: 0.5324 -> "53,24%". */
export function formatPersen(fraction: number, decimals = 2, style: NumberStyle = "id"): string {
  return `${formatAngka(fraction * 100, "ratio", { decimals, style })}%`;
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
