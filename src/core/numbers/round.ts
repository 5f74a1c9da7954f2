/**
 * Decimal rounding on the number's shortest decimal text, so 1.005 rounds to 1.01 as a person
 * (and Excel's ROUND, and SIPD) would, not to 1.00 as binary arithmetic would.
 */

function shift(abs: number, decimals: number): number {
  const text = String(abs);
  // exponent notation cannot take another exponent appended; those values are tiny or huge anyway
  return text.includes("e") ? abs * 10 ** decimals : Number(`${text}e${decimals}`);
}

function unshift(n: number, decimals: number): number {
  const text = String(n);
  return text.includes("e") ? n / 10 ** decimals : Number(`${text}e-${decimals}`);
}

/** 10^d exactly, read from its text (every power up to 10^22 is a double). */
const POW10 = Array.from({ length: 16 }, (_, d) => Number(`1e${d}`));

/** Half-up rounding (half away from zero for negatives, as Excel's ROUND). SIPD rounds this way. */
export function roundHalfUp(x: number, decimals = 2): number {
  // a whole number is its own rounding (−0 becomes 0). Most amounts are whole rupiah: the text route
  // would cost two number-text conversions, and past 10^13 at 7 or more decimals it drifts off the number
  if (Number.isSafeInteger(x) && decimals >= 0) return x === 0 ? 0 : x;
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  // Away from a half, the shifted double rounds as the shifted decimal text does: below 10^9 the two
  // differ by less than 10^-6, and k ÷ 10^d is the double nearest to "k e-d", as the text route reads it.
  // Near a half (1,005 → 100,4999…) only the text knows which side it is on.
  if (decimals >= 0 && decimals <= 15) {
    const y = abs * POW10[decimals]!;
    const frac = y - Math.floor(y);
    if (y < 1e9 && Math.abs(frac - 0.5) > 1e-6) {
      const r = Math.round(y) / POW10[decimals]!;
      return r === 0 ? 0 : sign * r;
    }
  }
  const r = unshift(Math.round(shift(abs, decimals)), decimals);
  return r === 0 ? 0 : sign * r;
}

/** Truncation toward zero, the habit of many report authors (30,427 printed as 30,42). */
export function truncate(x: number, decimals = 2): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const r = unshift(Math.trunc(shift(Math.abs(x), decimals) + 1e-9), decimals);
  return r === 0 ? 0 : sign * r;
}

/**
 * The precision a printed value claims: its decimals without trailing zeros, so "22,70%" claims one
 * decimal (22,7) as the catalogue of the real reports reads it.
 */
export function significantDecimals(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const text = String(Math.abs(x));
  const e = text.indexOf("e-");
  if (e >= 0) return Number(text.slice(e + 2)) + (text.slice(0, e).split(".")[1]?.length ?? 0);
  return text.split(".")[1]?.length ?? 0;
}

export type StatedCheck = "ok" | "ok_truncated" | "mismatch";

/**
 * Compares a value printed in a report with the exact value, at the printed precision
 * (see `significantDecimals`):
 * equal after half-up rounding is `ok`, equal after truncation is `ok_truncated`, anything else `mismatch`.
 * Both numbers must be in the same unit (both percent or both fraction).
 */
export function checkStated(stated: number, statedDecimals: number, exact: number): StatedCheck {
  if (roundHalfUp(exact, statedDecimals) === roundHalfUp(stated, statedDecimals)) return "ok";
  if (truncate(exact, statedDecimals) === roundHalfUp(stated, statedDecimals)) return "ok_truncated";
  return "mismatch";
}
