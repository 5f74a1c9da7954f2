import { significantDecimals } from "./round";

/**
 * Reading numbers as Indonesian reports and SIPD exports write them, keeping the raw text and
 * saying how it was read. Never throws: anything unreadable comes back as a `NoValue` with a reason.
 */

/** What a column holds decides ambiguous separators: money and counts group thousands, ratios have decimals. */
export type NumberKind = "money" | "ratio" | "count";

/** id: 1.234,56 · en: 1,234.56 · plain: 1234 or 1234,56 without grouping */
export type NumberStyle = "id" | "en" | "plain";

export type NumberNoteCode =
  | "ambiguous-resolved" // `1.000` read by the column's kind
  | "hybrid-separators" // `60.610,000`: dots and commas both used as thousands
  | "percent-sign" // written with %
  | "unit" // a unit word follows the number
  | "currency" // Rp prefix or ,- suffix
  | "parentheses-negative" // (18.938.957,00)
  | "markup-stripped"; // **, <b> from a PDF-to-text copy

export interface NumberNote {
  code: NumberNoteCode;
  detail?: string;
}

export interface ParsedNumber {
  ok: true;
  /** The number as written: `93,75%` gives 93.75 (see `asFraction`). */
  value: number;
  raw: string;
  style: NumberStyle;
  /** Digits after the decimal separator as written: the precision a stated value claims. */
  decimals: number;
  percent: boolean;
  unit: string | null;
  notes: NumberNote[];
}

export type NoValueReason = "empty" | "dash" | "not-a-number" | "ambiguous";

export interface NoValue {
  ok: false;
  raw: string;
  reason: NoValueReason;
  /** For `ambiguous`: the readings (thousands first, then decimal). */
  candidates?: number[];
}

export type NumberReading = ParsedNumber | NoValue;

export interface ParseOptions {
  /** Decides `1.000` / `1,000` / `60.610,000`; without it such text is `ambiguous`. */
  kind?: NumberKind;
}

const MARKUP = /\*\*|<\/?[a-z][^>]*>/gi;
const DASHES = /^[-‐‑‒–—=]+$/;
const NO_VALUE_WORDS = /^(n\/?a|tidak ada|belum ada|nihil)$/i;
const MINUS = /^[-−–]/;

export function parseAngka(input: unknown, options: ParseOptions = {}): NumberReading {
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { ok: true, value: input, raw: String(input), style: "plain", decimals: significantDecimals(input), percent: false, unit: null, notes: [] }
      : { ok: false, raw: String(input), reason: "not-a-number" };
  }
  if (input === null || input === undefined) return { ok: false, raw: "", reason: "empty" };
  const raw = typeof input === "string" ? input : String(input);
  const notes: NumberNote[] = [];

  let s = raw.replace(/[\u00a0\u2007\u202f]/g, " ");
  const unmarked = s.replace(MARKUP, "");
  if (unmarked !== s) notes.push({ code: "markup-stripped" });
  s = unmarked.trim();

  if (s === "") return { ok: false, raw, reason: "empty" };
  if (DASHES.test(s)) return { ok: false, raw, reason: "dash" };
  if (NO_VALUE_WORDS.test(s)) return { ok: false, raw, reason: "empty" };

  let negative = false;
  let kind = options.kind;

  if (MINUS.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (s.startsWith("(")) {
    const close = s.indexOf(")");
    if (close < 0) return { ok: false, raw, reason: "not-a-number" };
    const after = s.slice(close + 1).trim();
    s = (s.slice(1, close).trim() + (after ? " " + after : "")).trim();
    negative = !negative;
    notes.push({ code: "parentheses-negative" });
  }
  const currency = /^(rp\.?|idr)\s*/i.exec(s);
  if (currency) {
    s = s.slice(currency[0].length);
    notes.push({ code: "currency" });
    kind ??= "money";
    if (MINUS.test(s)) {
      negative = !negative;
      s = s.slice(1).trim();
    }
  }

  // "Rp. 1.823.687.638,-": the ,- suffix marks whole rupiah
  const dashSuffix = /\d\s*[,.]\s*-+$/.exec(s);
  if (dashSuffix) {
    s = s.slice(0, dashSuffix.index + 1);
    if (!currency) notes.push({ code: "currency" });
    kind ??= "money";
  }

  const digits = /^\d[\d.,]*/.exec(s);
  if (!digits) return { ok: false, raw, reason: "not-a-number" };
  let core = digits[0];
  let rest = s.slice(core.length);
  // a lone trailing separator is punctuation ("100." at the end of a sentence)
  if (/[.,]$/.test(core)) core = core.slice(0, -1);

  rest = rest.trim();
  let percent = false;
  if (rest.startsWith("%")) {
    percent = true;
    rest = rest.slice(1).trim();
    notes.push({ code: "percent-sign" });
    kind ??= "ratio";
  }
  let unit: string | null = null;
  if (rest !== "") {
    // a unit is words after the number ("12 Dokumen", "64Org/12 bln"); more digits glued on is not a number
    if (/^[\p{L}/]/u.test(rest)) {
      unit = rest;
      notes.push({ code: "unit", detail: rest });
    } else {
      return { ok: false, raw, reason: "not-a-number" };
    }
  }

  const read = readDigits(core, kind);
  if (read.kind === "invalid") return { ok: false, raw, reason: "not-a-number" };
  if (read.kind === "ambiguous") {
    return { ok: false, raw, reason: "ambiguous", candidates: read.candidates.map((c) => (negative ? -c : c)) };
  }
  if (read.note) notes.push(read.note);
  const value = negative && read.value !== 0 ? -read.value : read.value;
  return { ok: true, value, raw, style: read.style, decimals: read.decimals, percent, unit, notes };
}

type DigitsReading =
  | { kind: "number"; value: number; style: NumberStyle; decimals: number; note?: NumberNote }
  | { kind: "ambiguous"; candidates: number[] }
  | { kind: "invalid" };

const GROUPED = { ".": /^\d{1,3}(\.\d{3})+$/, ",": /^\d{1,3}(,\d{3})+$/ } as const;

function toNumber(intDigits: string, fracDigits = ""): number {
  return Number(fracDigits ? `${intDigits}.${fracDigits}` : intDigits);
}

function readDigits(core: string, kind: NumberKind | undefined): DigitsReading {
  const dots = count(core, ".");
  const commas = count(core, ",");
  if (dots === 0 && commas === 0) return { kind: "number", value: toNumber(core), style: "plain", decimals: 0 };

  const groupsAsThousands = (): number | null =>
    /^\d{1,3}([.,]\d{3})+$/.test(core) ? toNumber(core.replace(/[.,]/g, "")) : null;

  if (dots > 0 && commas > 0) {
    const last = Math.max(core.lastIndexOf("."), core.lastIndexOf(","));
    const decimalSep = core[last] as "." | ",";
    const groupSep = decimalSep === "," ? "." : ",";
    const intPart = core.slice(0, last);
    const frac = core.slice(last + 1);
    const wellGrouped = !intPart.includes(decimalSep) && GROUPED[groupSep].test(intPart) && /^\d+$/.test(frac);
    const hybridThousands = groupsAsThousands();
    if (wellGrouped && !(frac.length === 3 && hybridThousands !== null)) {
      return { kind: "number", value: toNumber(intPart.split(groupSep).join(""), frac), style: decimalSep === "," ? "id" : "en", decimals: frac.length };
    }
    if (hybridThousands === null) return { kind: "invalid" };
    // 60.610,000: both separators group thousands (money), or the last one is a decimal with 3 places
    const asDecimal = wellGrouped ? toNumber(intPart.split(groupSep).join(""), frac) : null;
    if (kind === "ratio" && asDecimal !== null) {
      return { kind: "number", value: asDecimal, style: decimalSep === "," ? "id" : "en", decimals: 3, note: { code: "hybrid-separators" } };
    }
    if (kind === "money" || kind === "count" || asDecimal === null) {
      return { kind: "number", value: hybridThousands, style: "id", decimals: 0, note: { code: "hybrid-separators" } };
    }
    return { kind: "ambiguous", candidates: [hybridThousands, asDecimal] };
  }

  const sep = dots > 0 ? "." : ",";
  const n = dots + commas;
  if (n > 1) {
    // several of one separator can only be thousands grouping
    if (!GROUPED[sep].test(core)) return { kind: "invalid" };
    return { kind: "number", value: toNumber(core.split(sep).join("")), style: sep === "." ? "id" : "en", decimals: 0 };
  }
  const [intPart = "", frac = ""] = core.split(sep);
  const decimalStyle: NumberStyle = sep === "," ? "id" : "en";
  const thousands = frac.length === 3 && /^[1-9]\d{0,2}$/.test(intPart);
  if (!thousands) {
    const style = intPart.length > 3 && sep === "," ? "plain" : decimalStyle;
    return { kind: "number", value: toNumber(intPart, frac), style, decimals: frac.length };
  }
  const asThousands = toNumber(intPart + frac);
  const asDecimal = toNumber(intPart, frac);
  if (kind === "money" || kind === "count") {
    return { kind: "number", value: asThousands, style: sep === "." ? "id" : "en", decimals: 0, note: { code: "ambiguous-resolved", detail: "ribuan" } };
  }
  if (kind === "ratio") {
    return { kind: "number", value: asDecimal, style: decimalStyle, decimals: 3, note: { code: "ambiguous-resolved", detail: "desimal" } };
  }
  return { kind: "ambiguous", candidates: [asThousands, asDecimal] };
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** A reading as a fraction: `52%` gives 0.52; a number written without % is returned unchanged. */
export function asFraction(n: ParsedNumber): number {
  return n.percent ? n.value / 100 : n.value;
}
