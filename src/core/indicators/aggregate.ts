import { blank, failure, value, type Outcome } from "../outcome";
import { normalizeOption, readNumberArg, readOption, type CellInput } from "./read";

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

const LEVEL_UNITS = new Set(["%", "persen", "persentase", "indeks", "index", "nilai", "skor", "rasio", "ikm", "skm"]);

/** Percentages and indices are levels: summing four quarters of 80% gives a meaningless 320%. */
export function isLevelUnit(satuan: string | null | undefined): boolean {
  if (!satuan) return false;
  const s = normalizeOption(satuan);
  return LEVEL_UNITS.has(s) || s.startsWith("persen") || s.startsWith("indeks");
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
  if (method === "sum" && isLevelUnit(unit)) return failure("method-sum-of-percentage", { satuan: unit ?? "" });
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
  if (percentTyped && method === "sum") return failure("method-sum-of-percentage", { satuan: "%" });
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
