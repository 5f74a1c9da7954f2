/**
 * The "Fungsi" playground's logic, kept out of the components: read what the user typed into
 * argument matrices, run the same library the Excel custom functions run, and format the result
 * the way an Indonesian report writes it.
 */
import { isFunctionError, type FunctionInfo, type Matrix, type ResultCell } from "../core/functions/library";
import { formatAngka, formatPersen, roundHalfUp } from "../core/numbers";
import { BLANK_SHOWN } from "../core/messages.id";

/** How a function's numbers read. Fractions are also shown as a percentage. */
export type ResultKind = "fraction" | "money" | "number" | "text";

export const RESULT_KINDS: Readonly<Record<string, ResultKind>> = {
  CAPAIAN: "fraction",
  PENYERAPAN: "fraction",
  EFISIENSI: "fraction",
  SISA: "money",
  PREDIKAT: "text",
  ANGKA: "number",
  REALISASI: "number",
};

export interface Example {
  /** One text per parameter, as typed into the inputs ("" = omitted). */
  values: readonly string[];
  /** Where the numbers come from. */
  source: string;
}

/** Prefilled arguments, taken from real reports. */
export const EXAMPLES: Readonly<Record<string, Example>> = {
  CAPAIAN: { values: ["80", "82,9", "", ""], source: "IKM Kecamatan: target 80, realisasi 82,9 (rata-rata SKM semester I dan II)" },
  PENYERAPAN: {
    values: ["7.221.714.333", "3.844.501.645"],
    source: "Kasubbag Keuangan TW II 2024, Tabel 2.3 (tertulis 0,53)",
  },
  SISA: { values: ["7.221.714.333", "3.844.501.645"], source: "Kasubbag Keuangan TW II 2024, Tabel 2.3" },
  EFISIENSI: { values: ["0,52", "0,53"], source: "Kasubbag Keuangan TW II 2024, Tabel 2.3 (tertulis -0.01)" },
  PREDIKAT: { values: ["64,77%", "kecamatan"], source: "Camat TW II 2023: 57% dari target 88%" },
  ANGKA: { values: ["(18.938.957,00)", "uang"], source: "angka negatif bertanda kurung seperti tercetak di LRA SIPD" },
  REALISASI: { values: ["79,63; 86,11", "rata-rata", ""], source: "IKM Kecamatan = rata-rata SKM semester I (79,63) dan II (86,11)" },
};

export function exampleFor(fn: FunctionInfo): readonly string[] {
  const ex = EXAMPLES[fn.id]?.values ?? [];
  return fn.params.map((_, i) => ex[i] ?? "");
}

/**
 * One argument as typed: cells separated by ";" (or tabs, as pasted from Excel), rows by line
 * breaks. "," is the decimal separator, so it never separates cells. Empty means omitted.
 */
export function parseArgument(text: string): Matrix | undefined {
  if (text.trim() === "") return undefined;
  const rows = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(/[;\t]/).map((cell) => cell.trim()));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
}

export type DisplayCell =
  | { kind: "value"; text: string }
  | { kind: "blank"; text: string }
  | { kind: "error"; text: string; error: string; message: string };

export interface PlaygroundResult {
  /** The formula as typed in an Indonesian Excel (";" between arguments). */
  formula: string;
  cells: DisplayCell[][];
}

export function evaluateFunction(fn: FunctionInfo, inputs: readonly string[]): PlaygroundResult {
  const args = fn.params.map((_, i) => parseArgument(inputs[i] ?? ""));
  const kind = RESULT_KINDS[fn.id] ?? "number";
  const result = fn.run(...(args as Matrix[]));
  return {
    formula: formulaText(fn, inputs),
    cells: result.map((row) => row.map((cell) => formatCell(cell, kind))),
  };
}

export function formatCell(cell: ResultCell, kind: ResultKind): DisplayCell {
  if (isFunctionError(cell)) return { kind: "error", text: cell.error, error: cell.error, message: cell.message };
  if (cell === "") return { kind: "blank", text: BLANK_SHOWN };
  if (typeof cell === "string") return { kind: "value", text: cell };
  return { kind: "value", text: formatNumber(cell, kind) };
}

/** 1.03625 (fraction) → "1,0363 (103,63%)"; money → "3.377.212.688,00"; other numbers as precise as needed. */
export function formatNumber(x: number, kind: ResultKind): string {
  if (!Number.isFinite(x)) return String(x);
  switch (kind) {
    case "fraction":
      return `${formatAngka(x, "ratio", { decimals: 4 })} (${formatPersen(x)})`;
    case "money":
      return formatAngka(x, "money");
    default:
      return formatAngka(x, "money", { decimals: decimalsNeeded(x) });
  }
}

/** Shifts by decimal text, not by ×100, so 1.03625 gives 103,63% and not 103,62% (1.03625×100 = 103.62499…). */

function decimalsNeeded(x: number): number {
  const text = String(roundHalfUp(x, 10));
  const dot = text.indexOf(".");
  return dot < 0 || text.includes("e") ? 0 : text.length - dot - 1;
}

/** `=SAKIP.CAPAIAN(80; 82,9)`: trailing omitted arguments dropped, text quoted, ranges shown by parameter name. */
export function formulaText(fn: FunctionInfo, inputs: readonly string[]): string {
  const parts = fn.params.map((p, i) => {
    const raw = (inputs[i] ?? "").trim();
    if (raw === "") return "";
    const m = parseArgument(raw);
    if (m && (m.length > 1 || (m[0]?.length ?? 0) > 1)) return p.name;
    // a plain number is a literal in the formula; anything else (grouped, Rp, brackets) is text, as the cell would hold
    return /^-?\d+(,\d+)?%?$/.test(raw) ? raw : `"${raw.replace(/"/g, '""')}"`;
  });
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return `=SAKIP.${fn.id}(${parts.join("; ")})`;
}
