/**
 * The "Laporan" panel's logic, kept out of the component: what a prepared set of reports will produce
 * (per jabatan: its sheet, how many indikator, how many reached their target), what stands between
 * the user and the actions (galat, peringatan to confirm, edited sheets to overwrite, sheets that are
 * the user's own), and how a failure is explained. Part of the panel's own chunk.
 */
import type { ReportConfirmations, ReportPrep, ReportProgress, ReportSheetState } from "../app/report";
import type { Report } from "../core/report/types";
import { stringProp, type FailureText } from "./siapkan";

export const LAPORAN_PHASE_TEXT: Readonly<Record<ReportProgress["phase"], string>> = {
  membaca: "Membaca buku kerja…",
  memeriksa: "Memeriksa setiap aturan…",
  menyusun: "Menyusun laporan…",
  menulis: "Menulis lembar Laporan…",
  selesai: "Selesai.",
};

export const SHEET_STATE_TEXT: Readonly<Record<ReportSheetState, string>> = {
  baru: "lembar baru",
  dibuat: "sudah ada (buatan SAKIP); Buat lembar Laporan menulisnya ulang",
  disunting: "sudah ada dan disunting; ditimpa hanya bila Anda setuju",
  "milik-pengguna": "namanya dipakai lembar milik Anda, yang tidak akan ditimpa",
};

export interface JabatanSummary {
  jabatan: string;
  /** The "Laporan" sheet the report is written to, and what is there now. */
  sheet: string | null;
  state: ReportSheetState | null;
  /** Indikator in the report (one narrative sentence each). */
  indikator: number;
  /** "3 dari 5 indikator mencapai ≥ 100%", when the narrative counts them. */
  achieved: string | null;
  /** "rata-rata capaian 95,20%", when the narrative gives it. */
  mean: string | null;
  /** Tables and charts the outputs hold. */
  tables: number;
  charts: number;
}

// the narrative's summary sentence (core/report/narrative.ts): "…, 3 dari 5 indikator <jabatan> mencapai 100% atau lebih; rata-rata capaian 95,20%."
const ACHIEVED = /(\d+) dari (\d+) indikator\b.*?mencapai 100% atau lebih/;
const MEAN = /rata-rata capaian ([\d.,]+%)/;

/** What one report holds, read from the report itself (its paragraphs, tables and charts). */
export function jabatanSummary(report: Report, sheet?: { name: string; state: ReportSheetState }): JabatanSummary {
  const paragraphs = report.sections.flatMap((s) => s.paragraphs);
  const ringkasan = paragraphs.find((p) => p.topic === "ringkasan")?.text ?? "";
  const a = ACHIEVED.exec(ringkasan);
  const m = MEAN.exec(ringkasan);
  return {
    jabatan: report.jabatan,
    sheet: sheet?.name ?? null,
    state: sheet?.state ?? null,
    indikator: paragraphs.filter((p) => p.topic === "indikator").length,
    achieved: a ? `${a[1]} dari ${a[2]} indikator mencapai ≥ 100%` : null,
    mean: m ? `rata-rata capaian ${m[1]}` : null,
    tables: report.sections.reduce((n, s) => n + s.tables.length, 0),
    charts: report.charts.length,
  };
}

export function summaries(prep: ReportPrep): JabatanSummary[] {
  return prep.reports.map((r) => jabatanSummary(r, prep.sheets.find((s) => s.jabatan === r.jabatan)));
}

/**
 * What the prepared reports still need before an action may run. `blocked`: a galat (only Periksa
 * helps). `warnings`: peringatan the user must say they checked. `edited`: generated sheets the user
 * changed, overwritten only when they agree. `owned`: sheets of the user's that carry a report's name;
 * the sheets are not written then, the downloads still are.
 */
export interface Gate {
  blocked: number;
  warnings: number;
  edited: string[];
  owned: string[];
  empty: boolean;
}

export function gateOf(prep: ReportPrep): Gate {
  return {
    blocked: prep.gate.status === "blocked" ? prep.gate.errors.length : 0,
    warnings: prep.gate.status === "confirm" ? prep.gate.warnings.length : 0,
    edited: prep.sheets.filter((s) => s.state === "disunting").map((s) => s.name),
    owned: prep.sheets.filter((s) => s.state === "milik-pengguna").map((s) => s.name),
    empty: prep.reports.length === 0,
  };
}

/** Whether the downloads may run with what the user has ticked. */
export function canExport(gate: Gate, confirm: ReportConfirmations): boolean {
  return gate.blocked === 0 && !gate.empty && (gate.warnings === 0 || confirm.peringatan === true);
}

/** Whether "Buat lembar Laporan" may run with what the user has ticked. */
export function canWriteSheets(gate: Gate, confirm: ReportConfirmations): boolean {
  return canExport(gate, confirm) && gate.owned.length === 0 && (gate.edited.length === 0 || confirm.timpaSuntingan === true);
}

/** "lembar A", "lembar A dan B", "lembar A, B dan C" */
export function sheetList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  const text = quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} dan ${quoted[quoted.length - 1]}`;
  return `lembar ${text}`;
}

export type LaporanAction = "siapkan" | "lembar" | "docx" | "xlsx";

const FAILURE_TITLE: Readonly<Record<LaporanAction, string>> = {
  siapkan: "Laporan tidak dapat disiapkan",
  lembar: "Lembar Laporan tidak dapat dibuat",
  docx: "Berkas .docx tidak dapat dibuat",
  xlsx: "Berkas .xlsx tidak dapat dibuat",
};

const FAILURE_STATE: Readonly<Record<LaporanAction, string>> = {
  siapkan: "Menyiapkan laporan tidak mengubah buku kerja.",
  // the port's writes are all or nothing
  lembar: "Buku kerja tidak diubah.",
  docx: "Buku kerja tidak diubah; tidak ada berkas yang diunduh.",
  xlsx: "Buku kerja tidak diubah; tidak ada berkas yang diunduh.",
};

/** Explains an action that threw (a refusal is not a failure: it comes back with its own message). */
export function describeLaporanFailure(error: unknown, action: LaporanAction): FailureText {
  const message = error instanceof Error ? error.message : String(error);
  const code = stringProp(error, "code");
  const restored = action === "lembar" ? (error as { restored?: unknown } | null)?.restored : undefined;
  const state = restored === false ? "Sebagian lembar mungkin sudah tertulis; tekan Siapkan laporan, lalu buat lembarnya lagi." : FAILURE_STATE[action];
  const base = { title: FAILURE_TITLE[action], message, state };
  return code === undefined ? base : { ...base, code };
}
