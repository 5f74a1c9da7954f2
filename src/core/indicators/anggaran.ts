import { blank, value, type Outcome } from "../outcome";
import { readNumberArg, type CellInput } from "./read";
import { divide, isBlankish, isXlError, subtract, type Val } from "../xl";

/** Penyerapan (capaian anggaran) = realisasi / pagu, as a fraction. Pagu 0 or empty leaves it blank. */
export function penyerapan(pagu: number, realisasi: number): Outcome {
  if (pagu === 0) return blank("pagu-zero");
  return value(realisasi / pagu);
}

/** Pagu and realisasi read as money; either missing leaves the result blank with its reason. */
function readBudget(pagu: CellInput, realisasi: CellInput): Outcome<{ pagu: number; realisasi: number }> {
  const p = readNumberArg(pagu, "Pagu", "money");
  const r = readNumberArg(realisasi, "Realisasi anggaran", "money");
  if (p.kind === "error") return p;
  if (r.kind === "error") return r;
  if (p.kind === "blank") return blank("pagu-empty");
  if (r.kind === "blank") return blank("input-empty", { what: "Realisasi anggaran" });
  return value({ pagu: p.value.value, realisasi: r.value.value });
}

export function penyerapanFromInputs(pagu: CellInput, realisasi: CellInput): Outcome {
  const b = readBudget(pagu, realisasi);
  return b.kind === "value" ? penyerapan(b.value.pagu, b.value.realisasi) : b;
}

export function penyerapanFormula(refs: { pagu: string; realisasi: string }): string {
  const { pagu: p, realisasi: r } = refs;
  return `IF(OR(${p}="",${r}="",${p}=0),"",${r}/${p})`;
}

/** The twin of `penyerapanFormula`. */
export function penyerapanFormulaValue(v: { pagu: Val; realisasi: Val }): Val {
  const { pagu: p, realisasi: r } = v;
  // OR() evaluates every argument, so an error anywhere shows
  if (isXlError(p)) return p;
  if (isXlError(r)) return r;
  if (isBlankish(p) || isBlankish(r) || p === 0) return "";
  return divide(r, p);
}

/** Sisa anggaran = pagu − realisasi; negative when realisasi exceeds pagu (kept, and reported elsewhere). */
export function sisaFromInputs(pagu: CellInput, realisasi: CellInput): Outcome {
  const b = readBudget(pagu, realisasi);
  return b.kind === "value" ? value(b.value.pagu - b.value.realisasi) : b;
}

export function sisaFormula(refs: { pagu: string; realisasi: string }): string {
  const { pagu: p, realisasi: r } = refs;
  return `IF(OR(${p}="",${r}=""),"",${p}-${r})`;
}

/** The twin of `sisaFormula`. */
export function sisaFormulaValue(v: { pagu: Val; realisasi: Val }): Val {
  if (isXlError(v.pagu)) return v.pagu;
  if (isXlError(v.realisasi)) return v.realisasi;
  if (isBlankish(v.pagu) || isBlankish(v.realisasi)) return "";
  return subtract(v.pagu, v.realisasi);
}

/**
 * Efisiensi = capaian kinerja − penyerapan anggaran, both fractions, from unrounded values:
 * 0,52 − 0,5324 = −0,0124 (a fraction; shown as −1,24 percentage points).
 */
export function efisiensi(capaianKinerja: number, penyerapanAnggaran: number): Outcome {
  return value(capaianKinerja - penyerapanAnggaran);
}

export function efisiensiFromInputs(capaianKinerja: CellInput, penyerapanAnggaran: CellInput): Outcome {
  const c = readNumberArg(capaianKinerja, "Capaian kinerja", "ratio");
  const s = readNumberArg(penyerapanAnggaran, "Penyerapan anggaran", "ratio");
  if (c.kind === "error") return c;
  if (s.kind === "error") return s;
  if (c.kind === "blank") return blank("efisiensi-no-kinerja");
  if (s.kind === "blank") return blank("efisiensi-no-anggaran");
  const cf = c.value.percent ? c.value.value / 100 : c.value.value;
  const sf = s.value.percent ? s.value.value / 100 : s.value.value;
  return efisiensi(cf, sf);
}

export function efisiensiFormula(refs: { capaian: string; penyerapan: string }): string {
  const { capaian: c, penyerapan: s } = refs;
  return `IF(OR(${c}="",${s}=""),"",${c}-${s})`;
}

/** The twin of `efisiensiFormula`. */
export function efisiensiFormulaValue(v: { capaian: Val; penyerapan: Val }): Val {
  if (isXlError(v.capaian)) return v.capaian;
  if (isXlError(v.penyerapan)) return v.penyerapan;
  if (isBlankish(v.capaian) || isBlankish(v.penyerapan)) return "";
  return subtract(v.capaian, v.penyerapan);
}
