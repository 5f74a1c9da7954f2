import { blank, failure, value, type Outcome } from "../outcome";
import { readNumberArg, readOption, type CellInput } from "./read";
import { isXlError, nOf, sameText, toNumber, xlError, type Val } from "../xl";

/**
 * How quarterly (TW I–IV) values of one indicator make the period's realisasi.
 * `last` fits cumulative s/d data and levels (percentages, indices); `sum` only additive counts.
 */
export type AggregationMethod = "sum" | "last" | "mean" | "max";

export const AGGREGATION_CHOICES: Record<string, AggregationMethod> = {
  jumlah: "sum",
  sum: "sum",
  akumulasi: "sum",
  kumulatif: "sum",
  terakhir: "last",
  last: "last",
  "nilaiakhir": "last",
  "rata-rata": "mean",
  ratarata: "mean",
  mean: "mean",
  average: "mean",
  maks: "max",
  max: "max",
  maksimum: "max",
};

/** Indonesian names shown to users, the inverse of the main choices. */
export const AGGREGATION_LABELS: Record<AggregationMethod, string> = {
  sum: "jumlah",
  last: "terakhir",
  mean: "rata-rata",
  max: "maks",
};

/** Unit words of level indicators; the native formula checks the same words (see levelUnitTest). */
const LEVEL_UNITS = ["%", "persen", "persentase", "indeks", "index", "nilai", "skor", "rasio", "ikm", "skm"] as const;

/** Percentages and indices are levels: summing four quarters of 80% gives a meaningless 320%. */
export function isLevelUnit(satuan: string | null | undefined): boolean {
  if (!satuan) return false;
  const s = satuan.trim().toLowerCase();
  return (LEVEL_UNITS as readonly string[]).includes(s) || s.startsWith("persen") || s.startsWith("indeks");
}

/** Native test of `isLevelUnit` on a cell (Excel compares text case-insensitively). */
function levelUnitTest(cell: string): string {
  const t = `TRIM(${cell})`;
  return `OR(${LEVEL_UNITS.map((u) => `${t}="${u}"`).join(",")},LEFT(${t},6)="persen",LEFT(${t},6)="indeks")`;
}

/** The default for an indicator: `last` — TW data in LKj are cumulative s/d the quarter's end. */
export function defaultAggregation(): AggregationMethod {
  return "last";
}

export function aggregate(values: readonly (number | null)[], method: AggregationMethod): Outcome {
  const filled = values.filter((v): v is number => v !== null);
  if (filled.length === 0) return blank("aggregate-empty");
  switch (method) {
    case "sum":
      return value(filled.reduce((a, b) => a + b, 0));
    case "mean":
      return value(filled.reduce((a, b) => a + b, 0) / filled.length);
    case "max":
      return value(Math.max(...filled));
    case "last":
      return value(filled[filled.length - 1]!);
  }
}

/** From cells: blank and "-" quarters are not measured (skipped), never zero. */
export function aggregateFromInputs(values: readonly CellInput[], metode?: CellInput, satuan?: CellInput): Outcome {
  const m = readOption(metode, "Metode", AGGREGATION_CHOICES);
  if (m.kind !== "value") return m as Outcome;
  const method = m.value ?? defaultAggregation();
  const unit = typeof satuan === "string" ? satuan : null;
  if (method === "sum" && isLevelUnit(unit)) return failure("method-sum-of-percentage", { satuan: unit ?? "" }, "#N/A");
  const numbers: (number | null)[] = [];
  let percentTyped = false;
  for (const [i, v] of values.entries()) {
    const n = readNumberArg(v, `Nilai TW ${i + 1}`);
    if (n.kind === "error") return n;
    if (n.kind === "blank") {
      numbers.push(null);
      continue;
    }
    percentTyped ||= n.value.percent;
    numbers.push(n.value.value);
  }
  if (percentTyped && method === "sum") return failure("method-sum-of-percentage", { satuan: "%" }, "#N/A");
  return aggregate(numbers, method);
}

/** Native formula over a row of TW cells; `method` is a literal method or a cell holding its Indonesian name. */
export function aggregateFormula(cells: readonly string[], method: AggregationMethod | { cell: string }): string {
  const range = `${cells[0]}:${cells[cells.length - 1]}`;
  // the latest filled quarter wins: nest from TW I outwards so TW IV is tested first
  const last = cells.reduce((acc, c) => `IF(ISNUMBER(${c}),${c},${acc})`, '""');
  const byMethod: Record<AggregationMethod, string> = {
    sum: `SUM(${range})`,
    mean: `AVERAGE(${range})`,
    max: `MAX(${range})`,
    last,
  };
  if (typeof method === "string") return `IF(COUNT(${range})=0,"",${byMethod[method]})`;
  const m = method.cell;
  return `IF(COUNT(${range})=0,"",IF(${m}="jumlah",${byMethod.sum},IF(${m}="rata-rata",${byMethod.mean},IF(${m}="maks",${byMethod.max},${byMethod.last}))))`;
}

/**
 * Native formula for the period's realisasi: only TW I … TW n count, n from `period` (1–4, e.g. the
 * SAKIP_TW name), the method from a cell holding its Indonesian name (blank = terakhir), and summing a
 * level indicator (`satuan` %, indeks, …) gives #N/A as SAKIP.REALISASI refuses it.
 */
export function aggregateUpToFormula(cells: readonly string[], refs: { method: string; period: string; satuan?: string }): string {
  const { method: m, period: p } = refs;
  const inPeriod = (i: number) => `${p}>=${i + 1}`;
  const sum = cells.map((c, i) => `IF(${inPeriod(i)},N(${c}),0)`).join("+");
  const count = cells.map((c, i) => `IF(${inPeriod(i)},COUNT(${c}),0)`).join("+");
  const max = `MAX(${cells.map((c, i) => `IF(AND(${inPeriod(i)},ISNUMBER(${c})),${c},-1E+307)`).join(",")})`;
  const last = cells.reduce((acc, c, i) => `IF(AND(${inPeriod(i)},ISNUMBER(${c})),${c},${acc})`, '""');
  const byMethod = `IF(${m}="jumlah",${sum},IF(${m}="rata-rata",(${sum})/(${count}),IF(${m}="maks",${max},${last})))`;
  const guarded = refs.satuan ? `IF(AND(${m}="jumlah",${levelUnitTest(refs.satuan)}),NA(),${byMethod})` : byMethod;
  return `IF((${count})=0,"",${guarded})`;
}

/**
 * The twin of `aggregateUpToFormula`: the values of the TW cells, the method and satuan cells and the
 * period number, as the formula reads them.
 */
export function aggregateUpToValue(cells: readonly Val[], v: { method: Val; period: Val; satuan?: Val }): Val {
  const p = toNumber(v.period);
  if (isXlError(p)) return p;
  // TW I … TW n: the cells of the period (loops by index: this runs for every Capaian row)
  let n = 0;
  while (n < cells.length && p >= n + 1) n++;
  let count = 0;
  for (let i = 0; i < n; i++) if (typeof cells[i] === "number") count++;
  if (count === 0) return "";
  const m = v.method;
  if (isXlError(m)) return m;
  if (sameText(m, "jumlah") && v.satuan !== undefined) {
    if (isXlError(v.satuan)) return v.satuan;
    // levelUnitTest compares TRIM(satuan) case-insensitively, as isLevelUnit does
    if (isLevelUnit(typeof v.satuan === "string" ? v.satuan : null)) return xlError("#N/A");
  }
  const jumlah = sameText(m, "jumlah");
  if (jumlah || sameText(m, "rata-rata")) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const x = nOf(cells[i]!);
      if (isXlError(x)) return x;
      s += x;
    }
    return jumlah ? s : s / count;
  }
  if (sameText(m, "maks")) {
    let best = -1e307;
    for (let i = 0; i < n; i++) {
      const c = cells[i];
      if (typeof c === "number") best = Math.max(best, c);
    }
    return best;
  }
  let last: Val = "";
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    if (typeof c === "number") last = c;
  }
  return last;
}
