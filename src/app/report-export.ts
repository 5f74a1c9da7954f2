/**
 * Exports of a report, pure of any UI, for the CLI and (imported lazily) the task pane:
 * - `exportDocx`: the Laporan Kinerja as .docx, charts as pictures;
 * - `exportReportXlsx`: a portable .xlsx of one or more reports — values, Excel number formats and
 *   native charts, no SAKIP.* function — that opens on a PC without the add-in;
 * - file names stamped with unit, jabatan, year and period.
 * The renderers (docx, ExcelJS, resvg) are imported when an export runs, so importing this module
 * for its file names costs nothing.
 */
import type { Report, ReportChart } from "../core/report/types";
import type { ChartImage } from "./report/chart-png";
import { fileNamePart } from "./export-xlsx";

export type ChartImages = ReadonlyMap<ReportChart["id"], ChartImage>;

/** Every chart of the report as SVG + PNG. */
export async function renderChartImages(report: Report): Promise<ChartImages> {
  const { chartImage } = await import("./report/chart-png");
  const out = new Map<ReportChart["id"], ChartImage>();
  for (const chart of report.charts) out.set(chart.id, await chartImage(chart));
  return out;
}

export interface DocxExportOptions {
  /** Pictures to use instead of rendering the charts here (e.g. made in advance, or by Excel). */
  charts?: ChartImages;
}

/** One report, or several as one document with each report starting on a new page. */
export async function exportDocx(reports: Report | readonly Report[], options: DocxExportOptions = {}): Promise<Uint8Array> {
  const { renderDocx } = await import("./report/docx");
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  const inputs = [];
  // pictures given in advance serve a single report only (chart ids repeat across reports)
  for (const report of list) inputs.push({ report, charts: (list.length === 1 ? options.charts : undefined) ?? (await renderChartImages(report)) });
  return renderDocx(inputs);
}

export async function exportReportXlsx(reports: readonly Report[]): Promise<Uint8Array> {
  const { renderReportXlsx } = await import("./report/xlsx");
  return renderReportXlsx(reports);
}

/**
 * LKj-<unit>-<jabatan>-<tahun>-<periode>.<ext>, e.g. LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II.docx.
 * Several reports of one unit and period name the unit only (the jabatan of each is inside).
 */
export function reportFileName(reports: Report | readonly Report[], ext: "docx" | "xlsx"): string {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  const first = list[0];
  if (!first) throw new Error("reportFileName needs at least one report");
  const same = <K extends keyof Report>(k: K) => list.every((r) => r[k] === first[k]);
  const parts = [first.unit, list.length === 1 ? first.jabatan : "", same("tahun") ? String(first.tahun) : "", same("periode") ? first.periode : ""]
    .map(fileNamePart)
    .filter((p) => p !== "");
  return `${["LKj", ...parts].join("-")}.${ext}`;
}
