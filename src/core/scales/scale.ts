import { parseAngka, roundHalfUp } from "../numbers";
import { failure, value, type Outcome } from "../outcome";
import { normalizeOption, type CellInput } from "../indicators/read";

/** One row of a predicate scale. `null` bounds are open (−∞ / +∞). */
export interface ScaleBand {
  label: string;
  lower: number | null;
  lowerInclusive: boolean;
  upper: number | null;
  upperInclusive: boolean;
}

/**
 * A predicate scale as data, bands in ascending order.
 * `fraction` scales classify capaian (0,9 = 90%); `score` scales classify a 0–100 nilai (AKIP, SKM).
 */
export interface Scale {
  id: string;
  name: string;
  unit: "fraction" | "score";
  bands: ScaleBand[];
}

const band = (label: string, lower: number | null, upper: number | null, lowerInclusive = false, upperInclusive = true): ScaleBand => ({
  label,
  lower,
  lowerInclusive,
  upper,
  upperInclusive,
});

/** The kecamatan LKjIP scale (seed 004 Tabel 3.1): `> 90%` Sangat Tinggi … `≤ 50%` Sangat Rendah; > 100% stays Sangat Tinggi. */
export const SKALA_KECAMATAN: Scale = {
  id: "kecamatan",
  name: "Skala kriteria capaian kinerja (LKjIP kecamatan)",
  unit: "fraction",
  bands: [
    band("Sangat Rendah", null, 0.5),
    band("Rendah", 0.5, 0.65),
    band("Sedang", 0.65, 0.75),
    band("Tinggi", 0.75, 0.9),
    band("Sangat Tinggi", 0.9, null),
  ],
};

/** Permendagri 86/2017 bands with inclusive integer lower bounds (91 ≤ x Sangat Tinggi), read as SIMONEV reads them. */
export const SKALA_PERMENDAGRI_86: Scale = {
  id: "permendagri86",
  name: "Skala Permendagri 86/2017 (batas bawah inklusif)",
  unit: "fraction",
  bands: [
    band("Sangat Rendah", null, 0.51, false, false),
    band("Rendah", 0.51, 0.66, true, false),
    band("Sedang", 0.66, 0.76, true, false),
    band("Tinggi", 0.76, 0.91, true, false),
    band("Sangat Tinggi", 0.91, null, true, false),
  ],
};

/** AKIP predicates (PermenPAN-RB 88/2021) on a 0–100 nilai, lower bounds exclusive: 90,00 is A, not AA. */
export const SKALA_AKIP: Scale = {
  id: "akip",
  name: "Predikat AKIP (PermenPAN-RB 88/2021)",
  unit: "score",
  bands: [
    band("D", null, 30),
    band("C", 30, 50),
    band("CC", 50, 60),
    band("B", 60, 70),
    band("BB", 70, 80),
    band("A", 80, 90),
    band("AA", 90, null),
  ],
};

/** SKM mutu pelayanan from the konversi value (PermenPAN-RB 14/2017). */
export const SKALA_SKM: Scale = {
  id: "skm",
  name: "Mutu pelayanan SKM (PermenPAN-RB 14/2017)",
  unit: "score",
  bands: [
    band("D", null, 65, false, false),
    band("C", 65, 76.61, true, false),
    band("B", 76.61, 88.31, true, false),
    band("A", 88.31, null, true, false),
  ],
};

export const NAMED_SCALES: readonly Scale[] = [SKALA_KECAMATAN, SKALA_PERMENDAGRI_86, SKALA_AKIP, SKALA_SKM];
export const DEFAULT_SCALE = SKALA_KECAMATAN;

const SCALE_ALIASES: Record<string, Scale> = {
  kecamatan: SKALA_KECAMATAN,
  bawaan: SKALA_KECAMATAN,
  default: SKALA_KECAMATAN,
  lkjip: SKALA_KECAMATAN,
  permendagri86: SKALA_PERMENDAGRI_86,
  "86": SKALA_PERMENDAGRI_86,
  akip: SKALA_AKIP,
  skm: SKALA_SKM,
};

/** Compared after rounding to 10 decimals, so 0,9000000000000001 from float noise is still 90%. */
export const CLASSIFY_DECIMALS = 10;

export function classify(scale: Scale, x: number): Outcome<string> {
  const v = roundHalfUp(x, CLASSIFY_DECIMALS);
  for (const b of scale.bands) {
    const aboveLower = b.lower === null || (b.lowerInclusive ? v >= b.lower : v > b.lower);
    const belowUpper = b.upper === null || (b.upperInclusive ? v <= b.upper : v < b.upper);
    if (aboveLower && belowUpper) return value(b.label);
  }
  return failure("scale-no-band", { value: x, scale: scale.name }, "#N/A");
}

export function namedScale(name: string): Scale | undefined {
  return SCALE_ALIASES[normalizeOption(name).replace(/[^a-z0-9]/g, "")] ?? SCALE_ALIASES[normalizeOption(name)];
}

/**
 * A scale from a user's argument: a name ("kecamatan", "akip"…) or a table range.
 * Tables: two columns `interval | predikat` with the intervals as reports print them (`> 75% - 90%`,
 * `≤ 50%`, `91% ≤ 100%`, `76 - 90`), or three columns `batas bawah (>) | batas atas (≤) | predikat`.
 * Thresholds above 1,5 or written with % are percentages of capaian.
 */
export function resolveScale(arg: CellInput | CellInput[][]): Outcome<Scale> {
  if (Array.isArray(arg)) {
    const cells = arg.flat();
    if (cells.length === 1) return resolveScale(cells[0]);
    return scaleFromTable(arg);
  }
  if (arg === null || arg === undefined || (typeof arg === "string" && arg.trim() === "")) return value(DEFAULT_SCALE);
  const found = namedScale(String(arg));
  if (found) return value(found);
  return failure("scale-unknown", { raw: String(arg), choices: NAMED_SCALES.map((s) => s.id).join(", ") });
}

type Token = { t: "num"; v: number; pct: boolean } | { t: "op"; v: "<" | "<=" | ">" | ">=" } | { t: "dash" } | { t: "x" };

function tokenize(text: string): Token[] | null {
  const s = text
    .replace(/≤|=<|<=/g, " <= ")
    .replace(/≥|=>|>=/g, " >= ")
    .replace(/(?<![<>=])<(?!=)/g, " < ")
    .replace(/(?<![<>=])>(?!=)/g, " > ")
    .replace(/[–—−]|s\.?\s?d\.?|s\/d|sampai( dengan)?/gi, " - ");
  const tokens: Token[] = [];
  const re = /\s*(<=|>=|<|>|-|[xX]|nilai|capaian|\d[\d.,]*\s*%?)\s*/gy;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) {
      if (/^\s*$/.test(s.slice(pos))) break;
      return null;
    }
    pos = re.lastIndex;
    const tok = m[1]!;
    if (tok === "<=" || tok === ">=" || tok === "<" || tok === ">") tokens.push({ t: "op", v: tok });
    else if (tok === "-") tokens.push({ t: "dash" });
    else if (/^[xX]$|^nilai$|^capaian$/.test(tok)) tokens.push({ t: "x" });
    else {
      const n = parseAngka(tok, { kind: "ratio" });
      if (!n.ok) return null;
      tokens.push({ t: "num", v: n.value, pct: n.percent });
    }
  }
  return tokens;
}

interface Interval {
  lower: number | null;
  lowerInclusive: boolean;
  upper: number | null;
  upperInclusive: boolean;
  percent: boolean;
}

/** Reads an interval as LKjIP scale tables print it. Returns null when the text is not an interval. */
export function parseInterval(text: string): Interval | null {
  const tokens = tokenize(text.trim());
  if (!tokens || tokens.length === 0) return null;
  const sig = tokens.map((t) => (t.t === "num" ? "n" : t.t === "op" ? t.v : t.t === "dash" ? "-" : "x")).join(" ");
  const nums = tokens.filter((t): t is Extract<Token, { t: "num" }> => t.t === "num");
  const ops = tokens.filter((t): t is Extract<Token, { t: "op" }> => t.t === "op").map((t) => t.v);
  const percent = nums.some((n) => n.pct);
  const [a, b] = nums.map((n) => n.v);
  const open = (lower: number | null, li: boolean, upper: number | null, ui: boolean): Interval => ({ lower, lowerInclusive: li, upper, upperInclusive: ui, percent });
  switch (sig.replace(/^x /, "")) {
    case "> n - n":
    case ">= n - n":
      return open(a!, ops[0] === ">=", b!, true);
    case "> n":
    case ">= n":
      return open(a!, ops[0] === ">=", null, false);
    case "< n":
    case "<= n":
      return open(null, false, a!, ops[0] === "<=");
    case "n <= n":
    case "n < n":
      return open(a!, true, b!, ops[0] === "<=");
    case "n <= x <= n":
    case "n <= x < n":
    case "n < x <= n":
    case "n < x < n":
      return open(a!, ops[0] === "<=", b!, ops[1] === "<=");
    case "n - n":
      return open(a!, true, b!, true);
    default:
      return null;
  }
}

function scaleFromTable(rows: CellInput[][]): Outcome<Scale> {
  const bands: ScaleBand[] = [];
  let percent = false;
  let maxAbs = 0;
  for (const [i, row] of rows.entries()) {
    const cells = row.filter((c) => c !== null && c !== undefined && !(typeof c === "string" && c.trim() === ""));
    if (cells.length === 0) continue;
    const parsed = row.length >= 3 ? bandFromNumbers(row) : bandFromInterval(row);
    if (!parsed) {
      if (i === 0) continue; // a header row
      return failure("scale-invalid", { detail: `baris ${i + 1} ("${row.join(" | ")}")` });
    }
    percent ||= parsed.percent;
    for (const x of [parsed.band.lower, parsed.band.upper]) if (x !== null) maxAbs = Math.max(maxAbs, Math.abs(x));
    bands.push(parsed.band);
  }
  if (bands.length === 0) return failure("scale-invalid", { detail: "tidak ada baris skala" });
  const scaleBy = percent || maxAbs > 1.5 ? 100 : 1;
  const scaled = bands
    .map((b) => ({ ...b, lower: b.lower === null ? null : b.lower / scaleBy, upper: b.upper === null ? null : b.upper / scaleBy }))
    .sort((x, y) => (x.lower ?? -Infinity) - (y.lower ?? -Infinity));
  return value({ id: "tabel", name: "Skala dari tabel", unit: "fraction", bands: scaled });
}

function bandFromInterval(row: CellInput[]): { band: ScaleBand; percent: boolean } | null {
  for (const [iv, il] of [
    [0, 1],
    [1, 0],
  ] as const) {
    const text = row[iv];
    const label = row[il];
    if (typeof text !== "string" && typeof text !== "number") continue;
    const interval = parseInterval(String(text));
    if (interval && label !== null && label !== undefined && String(label).trim() !== "") {
      return { band: { label: String(label).trim(), ...interval }, percent: interval.percent };
    }
  }
  return null;
}

function bandFromNumbers(row: CellInput[]): { band: ScaleBand; percent: boolean } | null {
  const [lo, hi, label] = row;
  const num = (c: CellInput): number | null | undefined => {
    if (c === null || c === undefined || (typeof c === "string" && c.trim() === "")) return null;
    const n = parseAngka(c, { kind: "ratio" });
    return n.ok ? n.value : undefined;
  };
  const lower = num(lo);
  const upper = num(hi);
  if (lower === undefined || upper === undefined || label === null || label === undefined || String(label).trim() === "") return null;
  if (lower === null && upper === null) return null;
  const percent = [lo, hi].some((c) => typeof c === "string" && c.includes("%"));
  return { band: { label: String(label).trim(), lower, lowerInclusive: false, upper, upperInclusive: true }, percent };
}

/**
 * Native formula: the predicate for `ref` from a reference table whose lower bounds (ascending,
 * without the open bottom band) are in `lowers` and labels in `labels`. Needs contiguous bands with one
 * inclusivity rule, which every built-in fraction scale has.
 */
export function predikatFormula(ref: string, lowers: string, labels: string, scale: Scale): string {
  const inclusive = scale.bands[1]?.lowerInclusive ?? false;
  return `IF(${ref}="","",INDEX(${labels},1+COUNTIF(${lowers},"${inclusive ? "<=" : "<"}"&ROUND(${ref},${CLASSIFY_DECIMALS}))))`;
}

/** True when `predikatFormula` computes exactly what `classify` does for this scale. */
export function isFormulaCompatible(scale: Scale): boolean {
  const bands = scale.bands;
  if (bands.length === 0 || bands[0]!.lower !== null || bands[bands.length - 1]!.upper !== null) return false;
  const inclusive = bands[1]?.lowerInclusive ?? false;
  return bands.every((b, i) => {
    if (i === 0) return true;
    const prev = bands[i - 1]!;
    return b.lower === prev.upper && b.lowerInclusive === inclusive && prev.upperInclusive === !inclusive;
  });
}
