import { blank, failure, value, type Outcome } from "../outcome";
import { readNumberArg, readOption, type CellInput } from "./read";
import { divide, isBlankish, isXlError, sameText, subtract, type Val } from "../xl";

export type Polarity = "positif" | "negatif";
/** Negative polarity: `(2T−R)/T` as the seeds print it (default), or `T/R` as some SAKIP apps compute it. */
export type NegativeFormula = "2T-R" | "T/R";

export const POLARITY_CHOICES: Record<string, Polarity> = {
  positif: "positif",
  positive: "positif",
  "+": "positif",
  naik: "positif",
  negatif: "negatif",
  negative: "negatif",
  "-": "negatif",
  turun: "negatif",
};

export const NEGATIVE_FORMULA_CHOICES: Record<string, NegativeFormula> = {
  "2t-r": "2T-R",
  "(2t-r)/t": "2T-R",
  "t-(r-t)": "2T-R",
  "(t-(r-t))/t": "2T-R",
  "t/r": "T/R",
};

/**
 * Capaian as a fraction (0,52 = 52%). Never capped: 116% stays 1,16.
 * Positive: R/T. Negative: (2T−R)/T, or T/R when chosen. Division by zero is an error, never Infinity.
 */
export function capaian(target: number, realisasi: number, polarity: Polarity = "positif", formula: NegativeFormula = "2T-R"): Outcome {
  if (polarity === "negatif" && formula === "T/R") {
    if (realisasi === 0) return failure("realisasi-zero-negative", {}, "#DIV/0!");
    return value(target / realisasi);
  }
  if (target === 0) return failure("target-zero", {}, "#DIV/0!");
  return value(polarity === "negatif" ? (2 * target - realisasi) / target : realisasi / target);
}

/** Capaian from cell or typed inputs: reads numbers, refuses mixed units and percent-vs-plain. */
export function capaianFromInputs(target: CellInput, realisasi: CellInput, polaritas?: CellInput, rumus?: CellInput): Outcome {
  const pol = readOption(polaritas, "Polaritas", POLARITY_CHOICES);
  if (pol.kind !== "value") return pol as Outcome;
  const fml = readOption(rumus, "Rumus polaritas negatif", NEGATIVE_FORMULA_CHOICES);
  if (fml.kind !== "value") return fml as Outcome;
  const t = readNumberArg(target, "Target");
  const r = readNumberArg(realisasi, "Realisasi");
  if (t.kind === "error") return t;
  if (r.kind === "error") return r;
  if (t.kind === "blank" || r.kind === "blank") return blank("input-empty", { what: t.kind === "blank" ? "Target" : "Realisasi" });
  const tv = t.value;
  const rv = r.value;
  if ((tv.percent && rv.unit) || (rv.percent && tv.unit)) {
    return failure("unit-mismatch", { target: tv.percent ? "%" : tv.unit ?? "", realisasi: rv.percent ? "%" : rv.unit ?? "" });
  }
  // zero needs no unit: target 100% with realisasi 0 is simply 0%
  if (tv.percent !== rv.percent && tv.value !== 0 && rv.value !== 0) {
    return failure("percent-mixed", { target: tv.raw, realisasi: rv.raw });
  }
  if (tv.unit && rv.unit && normalizeUnit(tv.unit) !== normalizeUnit(rv.unit)) {
    return failure("unit-mismatch", { target: tv.unit, realisasi: rv.unit });
  }
  return capaian(tv.value, rv.value, pol.value, fml.value);
}

export function normalizeUnit(unit: string): string {
  return unit.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Native Excel formula text (English names, `,` separators) computing what `capaianFromInputs` computes on numbers. */
export function capaianFormula(refs: { target: string; realisasi: string; polaritas?: string; rumus?: string }): string {
  const { target: t, realisasi: r } = refs;
  const positive = `${r}/${t}`;
  const negativeDefault = `(2*${t}-${r})/${t}`;
  let body = positive;
  if (refs.polaritas) {
    const negative = refs.rumus ? `IF(${refs.rumus}="T/R",${t}/${r},${negativeDefault})` : negativeDefault;
    body = `IF(${refs.polaritas}="negatif",${negative},${positive})`;
  }
  return `IF(OR(${t}="",${r}=""),"",${body})`;
}

/** What `capaianFormula` shows, computed from the values its references hold (the formula's twin). */
export function capaianFormulaValue(v: { target: Val; realisasi: Val; polaritas?: Val; rumus?: Val }): Val {
  const { target: t, realisasi: r } = v;
  if (isXlError(t)) return t;
  if (isXlError(r)) return r;
  if (isBlankish(t) || isBlankish(r)) return "";
  if (v.polaritas !== undefined && sameText(v.polaritas, "negatif")) {
    if (v.rumus !== undefined && sameText(v.rumus, "T/R")) return divide(t, r);
    // (2*t-r)/t
    const twice = subtract(t, subtract(0, t));
    return isXlError(twice) ? twice : divide(subtract(twice, r), t);
  }
  return divide(r, t);
}
