/** The port's ValidationRule as the data validation an .xlsx file stores. */
import type { ValidationRule } from "../port";
import { toFileFormula } from "./formulas";
import type { FileValidation } from "./package-parts";

/** Excel's limits on the error box: 32 characters of title, 225 of message. */
const TITLE = "Isian tidak valid";
const MAX_MESSAGE = 225;

const angka = (n: number) => n.toLocaleString("id-ID", { maximumFractionDigits: 10 });

function defaultMessage(rule: ValidationRule): string {
  if (rule.type === "list") return "Pilih salah satu nilai dari daftar.";
  if (rule.min !== undefined && rule.max !== undefined) return `Isi dengan angka antara ${angka(rule.min)} dan ${angka(rule.max)}.`;
  if (rule.min !== undefined) return `Isi dengan angka paling kecil ${angka(rule.min)}.`;
  if (rule.max !== undefined) return `Isi dengan angka paling besar ${angka(rule.max)}.`;
  return "Isi dengan angka.";
}

/** Numbers as formula text (String() gives "1e+21", which is not formula syntax). */
const numberText = (n: number) => String(n).replace(/e\+?/, "E");

export function toFileValidation(rule: ValidationRule): FileValidation {
  const message = (rule.message ?? defaultMessage(rule)).slice(0, MAX_MESSAGE);
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: TITLE, error: message };
  if (rule.type === "list") {
    // a literal list is one string constant; Excel splits it at commas
    const formula = Array.isArray(rule.source)
      ? `"${rule.source.map((s) => s.replace(/"/g, '""')).join(",")}"`
      : toFileFormula((rule.source as { formula: string }).formula);
    return { type: "list", formulae: [formula], ...common };
  }
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) return { type: "decimal", operator: "between", formulae: [numberText(min), numberText(max)], ...common };
  if (min !== undefined) return { type: "decimal", operator: "greaterThanOrEqual", formulae: [numberText(min)], ...common };
  if (max !== undefined) return { type: "decimal", operator: "lessThanOrEqual", formulae: [numberText(max)], ...common };
  // "any number": Excel has no unbounded decimal rule, so bound it by the largest magnitudes it stores
  return { type: "decimal", operator: "between", formulae: ["-9.99999999999999E307", "9.99999999999999E307"], ...common };
}
