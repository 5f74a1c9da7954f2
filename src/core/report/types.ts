/**
 * The report model: what a Laporan Kinerja holds for one jabatan and period — tables, paragraphs and
 * charts as data. Built from the read model (report/build.ts); rendered to "Laporan" sheets, a .docx
 * and a portable .xlsx by renderers that only lay out what is here, so every output shows the same
 * numbers in the same words.
 */
import type { Address } from "../address";

/** How a cell's value is written; the text is already rendered (Indonesian), the value kept for sheets. */
export type CellKind = "text" | "number" | "money" | "percent" | "label";

export interface ReportCell {
  text: string;
  /** The number or text behind `text` (a percent as a fraction); null for an empty cell. */
  value: number | string | null;
  kind: CellKind;
  /** Excel number format for sheets ("0.00%", "#,##0"). */
  numberFormat?: string;
  /** Where the value comes from in the workbook (for tracing a number back). */
  source?: Address;
  /** Visual emphasis: a parent row (sasaran, program) is bold. */
  bold?: boolean;
}

/** A header cell spanning columns (a group such as "Kinerja") or rows (a two-row title). */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export type TableId = "pk" | "pk-anggaran" | "capaian" | "capaian-tahunan" | "cpo" | "efisiensi" | "realisasi-anggaran" | "lra-ringkasan" | "skala";

export interface ReportTable {
  id: TableId;
  /** "Tabel 2.3" */
  number: string;
  /** "Cost per outcome Kasi Pemerintahan Tahun 2024 - Triwulan II" */
  title: string;
  /** Header rows; each row's spans cover the table's columns exactly. */
  header: HeaderCell[][];
  /** The row of column numbers under the header: "(1)" … "(10=6-9)". */
  numberRow?: string[];
  rows: ReportCell[][];
  /** The JUMLAH row, when the table sums. */
  total?: ReportCell[];
  /** Column widths in characters (sheets) — renderers scale them (twips in .docx). */
  widths: number[];
  orientation: "portrait" | "landscape";
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ReportChart {
  id: "capaian" | "anggaran";
  title: string;
  kind: "bar";
  categories: string[];
  series: ChartSeries[];
  /** A horizontal reference line (100% for capaian), in the series' unit. */
  reference?: { value: number; label: string };
  /** How values are shown: capaian as a percent (fraction values), anggaran in rupiah. */
  unit: "percent" | "money";
}

export interface Paragraph {
  /** "Capaian kinerja", "Anggaran" … for the reader, and for tests. */
  topic: string;
  text: string;
}

export interface ReportSection {
  heading: string;
  paragraphs: Paragraph[];
  tables: ReportTable[];
}

export interface Report {
  unit: string;
  pemda: string;
  jabatan: string;
  tahun: number;
  /** "TW II" or "Tahunan" */
  periode: string;
  /** "Triwulan II", "Tahunan" as titles write it. */
  periodeLabel: string;
  sections: ReportSection[];
  charts: ReportChart[];
}
