/**
 * Periksa: every rule over a read model, every finding collected (never stopping at the first), in
 * sheet order. Rules are declared in catalogue.ts; the checks that implement them are in checks/.
 */
import { compareLocations, type Finding } from "../findings";
import type { Period } from "../layouts";
import type { WorkbookModel } from "../model/workbook-model";
import { checkBudget } from "./checks/budget";
import { checkComputedCells } from "./checks/computed";
import { checkIndicators } from "./checks/indicators";
import { checkInputs } from "./checks/inputs";
import { checkReportPeriod } from "./checks/report-period";
import { checkSheets } from "./checks/sheets";
import { indicatorsOf, makeEmit, periodInfo, type CheckContext, type RuleCheck } from "./context";

export { RULES, RULE_IDS, severityOf, isRuleId, type RuleId, type RuleSpec } from "./catalogue";

const CHECKS: readonly RuleCheck[] = [checkSheets, checkInputs, checkComputedCells, checkIndicators, checkBudget];

export interface ValidateOptions {
  /**
   * The period of a report about to be made, when it is not Pengaturan's: the sheets compute
   * Pengaturan's period, and the rules speak of it; what that report would lack is added (an SIPD
   * import older than its last month, indicators with no realisasi up to its quarter).
   */
  reportPeriode?: Period;
}

export function validateModel(model: WorkbookModel, options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const indicators = indicatorsOf(model);
  const pkIds = new Set(indicators.map((i) => i.id.toLowerCase()));
  const period = periodInfo(model);
  const report = options.reportPeriode !== undefined ? periodInfo(model, options.reportPeriode) : null;
  const countedTw = Math.max(period.tw, report?.tw ?? 0);
  const ctx: CheckContext = { model, emit: makeEmit(findings), period, countedTw, indicators, unitTrouble: new Set(), pkIds };
  for (const check of CHECKS) check(ctx);
  if (report) checkReportPeriod(ctx, report);
  // a sheet with a column inserted or deleted is read (and would be fixed) at the wrong columns: its
  // one-click fixes would write a formula over whatever moved there
  const shifted = new Set(findings.flatMap((f) => (f.code === "columns-shifted" && f.at.kind !== "line" ? [f.at.sheet] : [])));
  if (shifted.size) for (const f of findings) if (f.fix && f.at.kind !== "line" && shifted.has(f.at.sheet)) delete f.fix;
  return sortFindings(findings, model.sheetNames);
}

/** Sheets in workbook order, then row and column; text lines last. */
export function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const order = new Map(sheetOrder.map((s, i) => [s.toLowerCase(), i]));
  const sheetIndex = (f: Finding) => (f.at.kind === "line" ? Infinity : order.get(f.at.sheet.toLowerCase()) ?? sheetOrder.length);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => sheetIndex(a.f) - sheetIndex(b.f) || compareLocations(a.f.at, b.f.at) || a.i - b.i)
    .map((x) => x.f);
}
