/**
 * A report of another period than Pengaturan's: the sheets compute Pengaturan's period and Periksa's
 * own checks speak of that one, so what the report's period lacks besides is said here, in the same
 * findings. A later period: the SIPD import is older than its last month (R-PERIOD-01); an indicator
 * whose last quarter is still empty (R-REP-01). An earlier one: an indicator has no realisasi up to
 * its quarter (R-REP-01). What Pengaturan's period lacks too is said once, by the checks of that period.
 */
import type { CheckContext, PeriodInfo } from "../context";
import { sipdOlderThan } from "./budget";
import { realisasiMissing } from "./inputs";

export function checkReportPeriod(ctx: CheckContext, report: PeriodInfo): void {
  const own = ctx.period;
  if (report.tw < own.tw) {
    for (const ind of ctx.indicators) realisasiMissing(ctx, ind, report);
    return;
  }
  // a later period: an indicator with no realisasi at all is said by Pengaturan's period already; one
  // whose last quarter is still empty would report an earlier quarter's value as the period's
  if (report.tw > own.tw) for (const ind of ctx.indicators) realisasiMissing(ctx, ind, report, false);
  const meta = ctx.model.rincian?.meta;
  // an import of another year is said already (period-sipd-year), and one older than Pengaturan's month too
  if (report.tw > own.tw && meta && meta.tahun !== null && (own.tahun === null || meta.tahun === own.tahun) && meta.bulan && meta.bulan.number >= own.endMonth) {
    sipdOlderThan(ctx, report);
  }
}
