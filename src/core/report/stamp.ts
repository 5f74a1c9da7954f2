/**
 * What stamps every page of every output of a report, so a printed page or a forwarded file always
 * says whose report, for which period and year.
 */
import type { Report } from "./types";

/** "Kecamatan Lumajang · LKj Kasubbag Keuangan · Triwulan II Tahun 2024". */
export function pageHeaderText(report: Report): string {
  return [report.unit, `LKj ${report.jabatan}`, `${report.periodeLabel} Tahun ${report.tahun}`].filter((s) => s.trim() !== "").join(" · ");
}
