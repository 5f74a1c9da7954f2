/**
 * What stamps every page of every output of a report, so a printed page or a forwarded file always
 * says whose report, for which period and year.
 */
import type { Report } from "./types";

/** The period as a title says it: "Triwulan II Tahun 2024", and for the year "Tahun 2024" (not "Tahunan Tahun 2024"). */
export const periodeTitle = (report: Pick<Report, "periodeLabel" | "tahun">): string =>
  report.periodeLabel === "Tahunan" ? `Tahun ${report.tahun}` : `${report.periodeLabel} Tahun ${report.tahun}`;

/** "Kecamatan Lumajang · LKj Kasubbag Keuangan · Triwulan II Tahun 2024". */
export function pageHeaderText(report: Report): string {
  return [report.unit, `LKj ${report.jabatan}`, `${periodeTitle(report)}`].filter((s) => s.trim() !== "").join(" · ");
}
