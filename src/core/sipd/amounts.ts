/** Reading the numeric cells of an LRA row, and the arithmetic SIPD itself applies. */
import { parseAngka, roundHalfUp } from "../numbers";
import type { LraAmounts, LraColumn } from "./types";

export type CellReading =
  | { kind: "value"; value: number; decimals: number }
  | { kind: "empty" }
  | { kind: "unreadable"; raw: string }
  /** beyond Number.MAX_SAFE_INTEGER: a double would hold it rounded (999.999.999.999.999.999,00 → 1e18) */
  | { kind: "out-of-range"; raw: string };

/** Column order of fields 3–9. */
export const NUMERIC_FIELDS: readonly LraColumn[] = [
  "anggaranSebelum",
  "anggaranSetelah",
  "realisasiBulanLalu",
  "realisasiBulanIni",
  "realisasiSd",
  "persen",
  "sisa",
];

/**
 * One numeric cell. Money is read with kind "money" (so `1.000` is a thousand), the % column with kind
 * "ratio". A unit word, or a % sign in a money column, makes the cell unreadable: in a SIPD export it
 * can only be damage (`7.229.8a14.333,00` would otherwise read as 7,229 with unit "a14…").
 */
export function readCell(raw: string, column: LraColumn): CellReading {
  const money = column !== "persen";
  const canonical = canonicalValue(raw, money);
  if (canonical === canonical) return { kind: "value", value: canonical, decimals: 2 };
  const r = parseAngka(raw, { kind: money ? "money" : "ratio" });
  if (!r.ok) return r.reason === "empty" ? { kind: "empty" } : { kind: "unreadable", raw };
  if (r.unit !== null || (money && r.percent)) return { kind: "unreadable", raw };
  // every integer up to MAX_SAFE_INTEGER reads exactly, and anything larger reads as a double above it
  if (Math.abs(r.value) > Number.MAX_SAFE_INTEGER) return { kind: "out-of-range", raw };
  // sen are kept to 2 decimals so sums stay exact in binary floating point
  const value = money && !Number.isInteger(r.value) ? roundHalfUp(r.value, 2) : r.value;
  return { kind: "value", value, decimals: r.decimals };
}

// SPEC d6: the forms SIPD itself prints, read by one scan without allocating: `7.229.814.333,00`,
// `(18.938.957,00)`, footer `-7229814333,00`; % `53,17`. Seven cells a row over a 50 MB paste make the
// general parser the bottleneck. Anything else goes to parseAngka (a property test holds the two together).
// The value comes back as a bare number (NaN: not canonical) so the row loop allocates nothing per cell;
// a canonical cell always has 2 decimals.
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const COMMA = 44;

export function canonicalValue(raw: string, money: boolean, start = 0, end = raw.length): number {
  // [start, end) of `raw`: the row loop reads the cells of a line where they stand, without cutting them out
  const v = scanCanonical(raw, money, start, end, STOP, 0);
  return STOP[0] === end ? v : NaN;
}

const STOP = new Int32Array(1);

/**
 * The number in SIPD's form that starts at `start` (within `end`), NaN if there is none; where it
 * stops (one past it) goes to stops[at]. The row loop reads a line's amounts one after another, each
 * up to the TAB after it, which is where the next starts.
 */
export function scanCanonical(raw: string, money: boolean, start: number, end: number, stops: Int32Array, at: number): number {
  let i = start;
  let paren = false;
  let minus = false;
  stops[at] = -1;
  const first = i < end ? raw.charCodeAt(i) : -1;
  if (money && first === 40) {
    paren = true;
    i++;
  } else if (money && first === 45) {
    minus = true;
    i++;
  }
  // the first group of digits, then (never after a minus) each `.` with exactly three digits, read
  // three at a time: fewer tests per character than one loop over digits and dots
  let int = 0;
  const from = i;
  let c = i < end ? raw.charCodeAt(i) : -1;
  while (c >= DIGIT_0 && c <= DIGIT_9) {
    int = int * 10 + (c - DIGIT_0);
    c = ++i < end ? raw.charCodeAt(i) : -1;
  }
  const group = i - from;
  let digits = group;
  if (c === DOT && !minus) {
    // the first group has 1–3 digits, every later one exactly 3
    if (group === 0 || group > 3) return NaN;
    do {
      if (i + 4 > end) return NaN;
      const a = raw.charCodeAt(i + 1) - DIGIT_0;
      const b = raw.charCodeAt(i + 2) - DIGIT_0;
      const d = raw.charCodeAt(i + 3) - DIGIT_0;
      if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9 && d >= 0 && d <= 9)) return NaN;
      int = int * 1000 + (a * 100 + b * 10 + d);
      digits += 3;
      i += 4;
      c = i < end ? raw.charCodeAt(i) : -1;
    } while (c === DOT);
    // a fourth digit in the last group
    if (c >= DIGIT_0 && c <= DIGIT_9) return NaN;
    if (digits > 15) return NaN;
  } else {
    if (digits === 0 || digits > 15) return NaN;
    // ungrouped digits only in the footer's plain money (2920768191,00)
    if (group > 3 && !(money && !paren)) return NaN;
  }
  if (i + 3 > end || raw.charCodeAt(i) !== COMMA) return NaN;
  const d1 = raw.charCodeAt(i + 1) - DIGIT_0;
  const d2 = raw.charCodeAt(i + 2) - DIGIT_0;
  if (!(d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return NaN;
  i += 3;
  if (paren) {
    if (i >= end || raw.charCodeAt(i) !== 41) return NaN;
    i++;
  }
  stops[at] = i;
  const sen = d1 * 10 + d2;
  let value: number;
  if (sen === 0) value = int;
  else {
    // every % cell has them. Below 10^15 hundredths the text has at most 15 significant digits: the
    // quotient of two exact integers is the double nearest to it, which half-up rounding to 2 decimals
    // leaves as it is; above, read the decimal text as parseAngka does
    const hundredths = int * 100 + sen;
    value = hundredths < 1e15 ? hundredths / 100 : roundHalfUp(Number(`${int}.${d1}${d2}`), 2);
  }
  if ((paren || minus) && value !== 0) value = -value;
  return value;
}

/**
 * The seven amounts of a data line in SIPD's common form, read in one pass with no call per amount
 * (scanCanonical is too large to be inlined, and each call returned a boxed number): each unsigned,
 * 1 to 3 digits, groups of `.ddd`, then `,dd`, at most 15 digits; the money in whole rupiah (`,00`),
 * the % (the sixth) in any hundredths; each ended by a TAB, the last by the line's end `end`. The
 * first starts after stops[1]; the values go to `values`, where each ends to stops[2…8]. False for
 * anything else: the caller then reads the line amount by amount with scanCanonical, which gives the
 * same where this gives any. The character at `end` (a line break, or none at the text's end) is not
 * part of a number, so no bound is checked before it.
 */
export function scanAmounts(raw: string, end: number, stops: Int32Array, values: Float64Array): boolean {
  let i = stops[1]! + 1;
  for (let j = 0; j < 7; j++) {
    const start = i;
    let int = 0;
    let c = raw.charCodeAt(i) - DIGIT_0;
    while (c >= 0 && c <= 9) {
      int = int * 10 + c;
      c = raw.charCodeAt(++i) - DIGIT_0;
    }
    let digits = i - start;
    if (digits === 0 || digits > 3) return false;
    while (c === DOT - DIGIT_0) {
      const a = raw.charCodeAt(i + 1) - DIGIT_0;
      const b = raw.charCodeAt(i + 2) - DIGIT_0;
      const d = raw.charCodeAt(i + 3) - DIGIT_0;
      if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9 && d >= 0 && d <= 9)) return false;
      int = int * 1000 + (a * 100 + b * 10 + d);
      digits += 3;
      i += 4;
      c = raw.charCodeAt(i) - DIGIT_0;
    }
    const d1 = raw.charCodeAt(i + 1) - DIGIT_0;
    const d2 = raw.charCodeAt(i + 2) - DIGIT_0;
    if (c !== COMMA - DIGIT_0 || digits > 15 || !(d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) return false;
    i += 3;
    const sen = d1 * 10 + d2;
    if (sen === 0) values[j] = int;
    else if (j !== 5 || int * 100 + sen >= 1e15) return false;
    else values[j] = (int * 100 + sen) / 100;
    stops[j + 2] = i;
    if (j < 6 ? raw.charCodeAt(i) !== 9 : i !== end) return false;
    i++;
  }
  return true;
}

/** Money equality at the sen: amounts may carry ,xx sen, and sums of such floats drift in the last bit. */
export function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

/** a + b at the sen. */
export function addMoney(a: number, b: number): number {
  const s = a + b;
  return Number.isInteger(s) ? s : roundHalfUp(s, 2);
}

/** The amounts a row's own cells give: S/D = lalu + ini, sisa = setelah − S/D, % of setelah (null where a cell is missing). */
export const sdOf = (s: LraAmounts): number | null =>
  s.realisasiBulanLalu !== null && s.realisasiBulanIni !== null ? addMoney(s.realisasiBulanLalu, s.realisasiBulanIni) : null;
export const sisaOf = (s: LraAmounts): number | null => (s.anggaranSetelah !== null && s.realisasiSd !== null ? addMoney(s.anggaranSetelah, -s.realisasiSd) : null);
export const persenOfRow = (s: LraAmounts): number | null => (s.anggaranSetelah !== null && s.realisasiSd !== null ? persenOf(s.realisasiSd, s.anggaranSetelah) : null);

const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/**
 * SIPD's %: ROUND_HALF_UP(S/D ÷ SETELAH × 100, decimals), 0 when both are 0, null when SETELAH is 0
 * and S/D is not. Whole rupiah are divided exactly in integers: the float quotient can land a hair
 * under a …,xx5 tie and round the wrong way.
 */
export function persenOf(sd: number, setelah: number, decimals = 2): number | null {
  if (setelah === 0) return sd === 0 ? 0 : null;
  const sign = Math.sign(sd) * Math.sign(setelah);
  const a = Math.abs(sd);
  const b = Math.abs(setelah);
  const scale = 10 ** (decimals + 2);
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b) && decimals >= 0 && decimals <= 6) {
    let q: number;
    if (a * scale <= MAX_EXACT) {
      q = quotientHalfUp(a * scale, b);
    } else {
      const n = BigInt(a) * BigInt(scale);
      const bb = BigInt(b);
      let qq = n / bb;
      if (2n * (n - qq * bb) >= bb) qq += 1n;
      q = Number(qq);
    }
    const v = q / 10 ** decimals;
    return v === 0 ? 0 : sign * v;
  }
  const v = roundHalfUp((a * 100) / b, decimals);
  return v === 0 ? 0 : sign * v;
}

/** n ÷ b rounded half up, for whole n ≥ 0 (at most 2^53) and whole b > 0, in whole numbers. */
export function quotientHalfUp(n: number, b: number): number {
  let q = Math.floor(n / b);
  let r = n - q * b;
  // the float quotient may round up to the next integer; fix the remainder into [0, b)
  if (r < 0) {
    q -= 1;
    r += b;
  }
  if (2 * r >= b) q += 1;
  return q;
}

/** Truncated % at `decimals`, the habit of hand-typed tables; used to tell truncation (info) from error. */
export function persenTruncated(sd: number, setelah: number, decimals = 2): number | null {
  if (setelah === 0) return sd === 0 ? 0 : null;
  const exact = (Math.abs(sd) * 100) / Math.abs(setelah);
  const f = 10 ** decimals;
  const v = Math.floor(exact * f + 1e-9) / f;
  return v === 0 ? 0 : Math.sign(sd) * Math.sign(setelah) * v;
}
