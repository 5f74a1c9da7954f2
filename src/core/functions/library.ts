/**
 * The SAKIP.* functions over cell matrices, shared by the Excel custom functions, the command line
 * (`sakip hitung`) and the formula-engine tests. Each argument is a matrix (a single cell is 1×1);
 * results spill with Excel's broadcasting: a 1-row or 1-column argument repeats, a mismatched one
 * gives #N/A in the cells it does not cover.
 */
import { asFraction, parseAngka, type NumberKind } from "../numbers";
import { message } from "../messages.id";
import type { ExcelErrorType, Outcome } from "../outcome";
import {
  aggregateFromInputs,
  capaianFromInputs,
  efisiensiFromInputs,
  penyerapanFromInputs,
  sisaFromInputs,
  readOption,
  type CellInput,
} from "../indicators";
import { classify, resolveScale } from "../scales";
import { failure } from "../outcome";

export type Matrix = CellInput[][];

export interface FunctionError {
  error: ExcelErrorType;
  message: string;
}
export type ResultCell = number | string | FunctionError;
export type ResultMatrix = ResultCell[][];

export function isFunctionError(c: unknown): c is FunctionError {
  return typeof c === "object" && c !== null && "error" in c;
}

/** Blank outcomes are empty cells, as the native formulas give "". */
export function toCell(o: Outcome<number | string>): ResultCell {
  switch (o.kind) {
    case "value":
      return o.value;
    case "blank":
      return "";
    case "error":
      return { error: o.excel, message: o.message };
  }
}

const SHAPE_ERROR: FunctionError = { error: "#N/A", message: message("shape-mismatch") };

function dims(m: Matrix | undefined): [number, number] {
  if (!m || m.length === 0) return [1, 1];
  return [m.length, m[0]?.length ?? 1];
}

/** Element-wise application with Excel's broadcasting. `undefined` arguments are omitted optionals. */
export function broadcast(args: readonly (Matrix | undefined)[], fn: (...cells: CellInput[]) => ResultCell): ResultMatrix {
  let rows = 1;
  let cols = 1;
  for (const a of args) {
    const [r, c] = dims(a);
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  const out: ResultMatrix = [];
  for (let i = 0; i < rows; i++) {
    const row: ResultCell[] = [];
    for (let j = 0; j < cols; j++) {
      let covered = true;
      const cells = args.map((a) => {
        if (!a || a.length === 0) return undefined;
        const [r, c] = dims(a);
        const ii = r === 1 ? 0 : i;
        const jj = c === 1 ? 0 : j;
        if (ii >= r || jj >= c) {
          covered = false;
          return undefined;
        }
        return a[ii]?.[jj];
      });
      row.push(covered ? fn(...cells) : SHAPE_ERROR);
    }
    out.push(row);
  }
  return out;
}

const NUMBER_KIND_CHOICES: Record<string, NumberKind> = {
  uang: "money",
  rupiah: "money",
  anggaran: "money",
  money: "money",
  jumlah: "count",
  count: "count",
  rasio: "ratio",
  persen: "ratio",
  ratio: "ratio",
};

export function capaianFn(target: Matrix, realisasi: Matrix, polaritas?: Matrix, rumus?: Matrix): ResultMatrix {
  return broadcast([target, realisasi, polaritas, rumus], (t, r, p, f) => toCell(capaianFromInputs(t, r, p, f)));
}

export function penyerapanFn(pagu: Matrix, realisasi: Matrix): ResultMatrix {
  return broadcast([pagu, realisasi], (p, r) => toCell(penyerapanFromInputs(p, r)));
}

export function sisaFn(pagu: Matrix, realisasi: Matrix): ResultMatrix {
  return broadcast([pagu, realisasi], (p, r) => toCell(sisaFromInputs(p, r)));
}

export function efisiensiFn(capaianKinerja: Matrix, penyerapan: Matrix): ResultMatrix {
  return broadcast([capaianKinerja, penyerapan], (c, s) => toCell(efisiensiFromInputs(c, s)));
}

export function predikatFn(capaian: Matrix, skala?: Matrix): ResultMatrix {
  const scale = resolveScale(skala ?? null);
  if (scale.kind !== "value") {
    const err = toCell(scale as Outcome<string>);
    return broadcast([capaian], () => err);
  }
  return broadcast([capaian], (c) => {
    if (c === null || c === undefined || c === "") return "";
    const n = parseAngka(c, { kind: "ratio" });
    if (!n.ok) {
      if (n.reason === "dash" || n.reason === "empty") return "";
      return toCell(failure("not-a-number", { what: "Capaian", raw: String(c) }));
    }
    const x = scale.value.unit === "fraction" ? asFraction(n) : n.value;
    return toCell(classify(scale.value, x));
  });
}

export function angkaFn(teks: Matrix, jenis?: Matrix): ResultMatrix {
  return broadcast([teks, jenis], (t, j) => {
    const kind = readOption(j, "Jenis angka", NUMBER_KIND_CHOICES);
    if (kind.kind !== "value") return toCell(kind as Outcome<number>);
    if (typeof t === "number") return t;
    const n = parseAngka(t ?? "", { kind: kind.value });
    if (n.ok) return asFraction(n);
    if (n.reason === "empty" || n.reason === "dash") return "";
    if (n.reason === "ambiguous") {
      return toCell(failure("ambiguous-number", { what: "Teks", raw: n.raw, a: n.candidates?.[0], b: n.candidates?.[1] }));
    }
    return toCell(failure("not-a-number", { what: "Teks", raw: n.raw }));
  });
}

/**
 * Realisasi for the period from TW values. One row or column of quarters gives one value;
 * a block of several rows gives one value per row (one indicator per row).
 */
export function realisasiFn(nilaiTw: Matrix, metode?: Matrix, satuan?: Matrix): ResultMatrix {
  const [r, c] = dims(nilaiTw);
  const rowsOfQuarters: CellInput[][] = r > 1 && c > 1 ? nilaiTw : [nilaiTw.flat()];
  const perRow: Matrix = rowsOfQuarters.map((_, i) => [i]);
  return broadcast([perRow, metode, satuan], (i, m, s) => toCell(aggregateFromInputs(rowsOfQuarters[i as number]!, m, s)));
}

export interface FunctionInfo {
  id: string;
  params: readonly { name: string; optional?: boolean }[];
  run: (...args: Matrix[]) => ResultMatrix;
  summary: string;
}

/** The catalogue the command line and the playground list; the Excel metadata comes from the JSDoc in src/functions. */
export const LIBRARY: readonly FunctionInfo[] = [
  {
    id: "CAPAIAN",
    params: [{ name: "target" }, { name: "realisasi" }, { name: "polaritas", optional: true }, { name: "rumus", optional: true }],
    run: capaianFn,
    summary: "Capaian kinerja (pecahan): positif R/T, negatif (2T−R)/T atau T/R.",
  },
  { id: "PENYERAPAN", params: [{ name: "pagu" }, { name: "realisasi" }], run: penyerapanFn, summary: "Penyerapan anggaran = realisasi / pagu." },
  { id: "SISA", params: [{ name: "pagu" }, { name: "realisasi" }], run: sisaFn, summary: "Sisa anggaran = pagu − realisasi." },
  {
    id: "EFISIENSI",
    params: [{ name: "capaian_kinerja" }, { name: "penyerapan" }],
    run: efisiensiFn,
    summary: "Efisiensi = capaian kinerja − penyerapan anggaran (pecahan).",
  },
  { id: "PREDIKAT", params: [{ name: "capaian" }, { name: "skala", optional: true }], run: predikatFn, summary: "Predikat capaian menurut skala." },
  { id: "ANGKA", params: [{ name: "teks" }, { name: "jenis", optional: true }], run: angkaFn, summary: "Membaca angka bertulisan Indonesia/Inggris." },
  {
    id: "REALISASI",
    params: [{ name: "nilai_tw" }, { name: "metode", optional: true }, { name: "satuan", optional: true }],
    run: realisasiFn,
    summary: "Realisasi periode dari nilai TW I–IV (jumlah, terakhir, rata-rata, maks).",
  },
];

export function findFunction(id: string): FunctionInfo | undefined {
  const key = id.trim().toUpperCase().replace(/^SAKIP\./, "");
  return LIBRARY.find((f) => f.id === key);
}
