/**
 * Use-case "Laporan": the reports of one jabatan or all of them, from the workbook as it is now,
 * through Periksa's gate, into Laporan sheets of the workbook (one batch, all or nothing) or into a
 * .docx / .xlsx to download. Shared by the task pane and `sakip report`.
 *
 * Two steps, so a host can show what will happen before anything is written: `prepareReports` reads,
 * checks and builds (nothing written), then `writeReportSheets` / `exportReports` refuse or write.
 * Refusals: a galat always; peringatan until confirmed; a sheet of the user's own with a report's name
 * always (renaming it is the user's choice); a generated sheet the user edited until confirmed.
 * A confirmation is recorded in the journal sheet: with the sheets in the same batch, alone for a download.
 */
import type { Finding } from "../core/findings";
import { PERIODS, type Period } from "../core/layouts";
import type { WorkbookModel } from "../core/model/workbook-model";
import { buildReport, reportJabatan } from "../core/report/build";
import { editedCells, layoutReportSheet, reportSheetName } from "../core/report/sheet";
import type { Report } from "../core/report/types";
import { normLabel, text } from "../core/rules/context";
import { validateModel } from "../core/rules";
import type { ApplyReport, CellSnapshot, SheetInfo, WorkbookOp, WorkbookPort } from "../workbook/port";
import { journalOps, journalSheet } from "./journal";
import { readWorkbookModel } from "./read-model";
import { exportGate, findingLine, type GateResult } from "./validate";

export type ReportProgress = { phase: "membaca" | "memeriksa" | "menyusun" | "menulis" | "selesai"; fraction: number };

export interface ReportRequest {
  /** One jabatan of the PK (any case/spacing); every jabatan of the PK when omitted. */
  jabatan?: string;
  /** Default: Pengaturan's periode. */
  periode?: Period;
}

export interface ReportConfirmations {
  /** The user saw the peringatan and reports anyway. */
  peringatan?: boolean;
  /** The user agrees to overwrite Laporan sheets they edited. */
  timpaSuntingan?: boolean;
}

/**
 * A report's sheet in the workbook: "baru" none yet; "dibuat" generated and unchanged (regenerated
 * silently); "disunting" generated, then edited by the user; "milik-pengguna" a sheet of that name
 * the product did not write (never overwritten).
 */
export type ReportSheetState = "baru" | "dibuat" | "disunting" | "milik-pengguna";

export interface ReportSheetPlan {
  /** The sheet's name, as the workbook spells it when it exists. */
  name: string;
  jabatan: string;
  state: ReportSheetState;
}

export interface ReportPrep {
  request: ReportRequest;
  periode: Period;
  /** Every jabatan of the PK, in PK order. */
  jabatanAll: string[];
  /** The reports asked for (empty when the PK has no jabatan or the jabatan asked is not in it). */
  reports: Report[];
  findings: Finding[];
  gate: GateResult;
  sheets: ReportSheetPlan[];
  /** The jabatan asked for when the PK does not have it. */
  unknownJabatan?: string;
  /** The read model the reports were built from. */
  model: WorkbookModel;
}

export type ReportRefusal =
  | { kind: "galat"; errors: Finding[] }
  | { kind: "peringatan"; warnings: Finding[] }
  | { kind: "disunting"; sheets: string[] }
  | { kind: "milik-pengguna"; sheets: string[] }
  /** No report to make: the PK names no jabatan, or not the one asked (`jabatan`; `available` are those it has). */
  | { kind: "tanpa-jabatan"; jabatan?: string; available?: string[] };

export type WriteSheetsResult = { ok: true; sheets: string[]; report: ApplyReport } | { ok: false; refusal: ReportRefusal; message: string };

export type ReportExport = { ok: true; name: string; bytes: Uint8Array; mime: string } | { ok: false; refusal: ReportRefusal; message: string };

export const REPORT_MIME = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const noProgress = (): void => undefined;

// ------------------------------------------------------------------ prepare

export async function prepareReports(port: WorkbookPort, request: ReportRequest = {}, onProgress: (p: ReportProgress) => void = noProgress): Promise<ReportPrep> {
  onProgress({ phase: "membaca", fraction: 0 });
  // in Excel a large Rincian SIPD is tens of round trips: the bar moves through them
  const model = await readWorkbookModel(port, { onProgress: (done, total) => onProgress({ phase: "membaca", fraction: total > 0 ? (done / total) * 0.4 : 0 }) });
  onProgress({ phase: "memeriksa", fraction: 0.4 });
  const periodeSetting = text(model.setting("periode"));
  const periode: Period = request.periode ?? ((PERIODS as readonly string[]).includes(periodeSetting) ? (periodeSetting as Period) : "Tahunan");
  // the gate speaks of the period reported, not only of Pengaturan's (an SIPD import older than it)
  const findings = validateModel(model, { reportPeriode: periode });
  const gate = exportGate(findings);
  onProgress({ phase: "menyusun", fraction: 0.6 });
  const jabatanAll = reportJabatan(model);
  let wanted = jabatanAll;
  let unknownJabatan: string | undefined;
  if (request.jabatan !== undefined) {
    const found = jabatanAll.find((j) => normLabel(j) === normLabel(request.jabatan!));
    wanted = found ? [found] : [];
    if (!found) unknownJabatan = request.jabatan;
  }
  const reports = wanted.map((jabatan) => buildReport(model, { jabatan, periode }));
  const sheets = await sheetPlans(port, reports);
  onProgress({ phase: "selesai", fraction: 1 });
  return { request, periode, jabatanAll, reports, findings, gate, sheets, model, ...(unknownJabatan !== undefined ? { unknownJabatan } : {}) };
}

/** The sheet name of each report, unique in the batch (two long jabatan may cut to the same name). */
function plannedNames(reports: readonly Report[]): string[] {
  const taken = new Set<string>();
  return reports.map((r) => {
    let name = reportSheetName(r.jabatan, r.periode);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${reportSheetName(r.jabatan, r.periode).slice(0, 31 - ` (${n})`.length).trim()} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Where each report goes and what is there now: one read of the existing sheets of those names. */
async function sheetPlans(port: WorkbookPort, reports: readonly Report[]): Promise<ReportSheetPlan[]> {
  if (reports.length === 0) return [];
  const infos = await port.sheets();
  const names = plannedNames(reports);
  const existing = names.map((n) => infos.find((s) => s.name.toLowerCase() === n.toLowerCase()));
  const toRead = existing.filter((s): s is SheetInfo => s !== undefined);
  const blocks = toRead.length ? await port.read(toRead.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(s.usedRows, 1), cols: Math.max(s.usedCols, 1) }))) : [];
  let k = 0;
  return reports.map((r, i) => {
    const info = existing[i];
    if (!info) return { name: names[i]!, jabatan: r.jabatan, state: "baru" as const };
    return { name: info.name, jabatan: r.jabatan, state: sheetState(blocks[k++] ?? []) };
  });
}

export function sheetState(cells: readonly (readonly CellSnapshot[])[]): ReportSheetState {
  const { marked, edited } = editedCells(cells);
  return !marked ? "milik-pengguna" : edited ? "disunting" : "dibuat";
}

// ------------------------------------------------------------------ refusals

/** Indonesian, for a person: what stopped the report and what to do about it. */
export function refusalMessage(r: ReportRefusal): string {
  switch (r.kind) {
    case "galat": {
      const first = r.errors.slice(0, 3).map((f) => `- ${findingLine(f)}`);
      const more = r.errors.length > 3 ? [`… dan ${r.errors.length - 3} galat lagi`] : [];
      return [`Laporan tidak dibuat: ada ${r.errors.length} galat di buku kerja. Perbaiki dulu (lihat Periksa), lalu buat laporan lagi.`, ...first, ...more].join("\n");
    }
    case "peringatan":
      return `Masih ada ${r.warnings.length} peringatan di buku kerja. Periksa dulu, atau konfirmasi bahwa laporan tetap dibuat; konfirmasi dicatat di lembar "Riwayat SAKIP".`;
    case "disunting":
      return `${sheetList(r.sheets)} sudah diubah pengguna sejak dibuat. Membuat ulang laporan akan menimpa perubahan itu; konfirmasi penimpaan, atau salin dulu lembarnya dengan nama lain.`;
    case "milik-pengguna":
      return `${sheetList(r.sheets)} bukan buatan SAKIP Workbook dan tidak akan ditimpa. Ganti nama lembar itu, lalu buat laporan lagi.`;
    case "tanpa-jabatan":
      if (r.jabatan !== undefined) {
        const list = r.available?.length ? ` Jabatan yang ada: ${r.available.join("; ")}.` : "";
        return `Jabatan "${r.jabatan}" tidak ada di Perjanjian Kinerja.${list}`;
      }
      return "Perjanjian Kinerja belum menyebut jabatan mana pun; isi kolom Jabatan di lembar Perjanjian Kinerja dulu.";
  }
}

const sheetList = (sheets: readonly string[]): string => (sheets.length === 1 ? `Lembar "${sheets[0]}"` : `Lembar ${sheets.map((s) => `"${s}"`).join(", ")}`);

/** The refusal of the gate and the jabatan, shared by sheets and downloads; null to go on. */
function gateRefusal(prep: ReportPrep, confirm: ReportConfirmations): ReportRefusal | null {
  if (prep.reports.length === 0) {
    return prep.unknownJabatan !== undefined ? { kind: "tanpa-jabatan", jabatan: prep.unknownJabatan, available: prep.jabatanAll } : { kind: "tanpa-jabatan" };
  }
  if (prep.gate.status === "blocked") return { kind: "galat", errors: prep.gate.errors };
  if (prep.gate.status === "confirm" && confirm.peringatan !== true) return { kind: "peringatan", warnings: prep.gate.warnings };
  return null;
}

const refuse = (refusal: ReportRefusal): { ok: false; refusal: ReportRefusal; message: string } => ({ ok: false, refusal, message: refusalMessage(refusal) });

const warningsConfirmed = (prep: ReportPrep): Finding[] => (prep.gate.status === "confirm" ? prep.gate.warnings : []);

const what = (prep: ReportPrep): string => {
  const first = prep.reports[0];
  const jabatan = prep.reports.map((r) => r.jabatan).join("; ");
  return first ? `${first.unit} ${first.periodeLabel} ${first.tahun}: ${jabatan}` : "";
};

// ------------------------------------------------------------------ sheets

/**
 * Writes every report of `prep` into its Laporan sheet, in one batch with the journal entry of what was
 * confirmed. The sheets are looked at again first: the user may have edited one since `prepareReports`.
 */
export async function writeReportSheets(
  port: WorkbookPort,
  prep: ReportPrep,
  confirm: ReportConfirmations = {},
  at: Date = new Date(),
  onProgress: (p: ReportProgress) => void = noProgress,
): Promise<WriteSheetsResult> {
  const gate = gateRefusal(prep, confirm);
  if (gate) return refuse(gate);
  const plans = await sheetPlans(port, prep.reports);
  const own = plans.filter((p) => p.state === "milik-pengguna").map((p) => p.name);
  if (own.length) return refuse({ kind: "milik-pengguna", sheets: own });
  const edited = plans.filter((p) => p.state === "disunting").map((p) => p.name);
  if (edited.length && confirm.timpaSuntingan !== true) return refuse({ kind: "disunting", sheets: edited });

  onProgress({ phase: "menulis", fraction: 0 });
  const infos = await port.sheets();
  const ops: WorkbookOp[] = [];
  prep.reports.forEach((report, i) => {
    const plan = plans[i]!;
    const laid = layoutReportSheet(report, plan.name, at);
    const info = infos.find((s) => s.name.toLowerCase() === plan.name.toLowerCase());
    if (info) {
      // everything of the old report goes, values, formats and merges: a shorter report leaves no old rows
      const rows = Math.max(info.usedRows, laid.rows) + 10;
      const cols = Math.max(info.usedCols, laid.cols) + 2;
      ops.push({ type: "clear", range: { sheet: plan.name, row: 0, col: 0, rows, cols }, what: "all" });
    } else {
      ops.push({ type: "addSheet", sheet: plan.name });
    }
    ops.push(...laid.ops);
  });
  const confirmed = [
    ...warningsConfirmed(prep).map(findingLine),
    ...(edited.length ? edited.map((s) => `Lembar "${s}" yang sudah diubah pengguna ditimpa`) : []),
  ];
  if (confirmed.length) {
    ops.push(...journalOps(journalSheet(infos), { at, action: "Laporan ke lembar (dikonfirmasi)", detail: `${what(prep)} → ${plans.map((p) => p.name).join(", ")}`, confirmed }));
  }
  const report = await port.apply(ops, { onProgress: (done, total) => onProgress({ phase: "menulis", fraction: total ? done / total : 1 }) });
  onProgress({ phase: "selesai", fraction: 1 });
  return { ok: true, sheets: plans.map((p) => p.name), report };
}

// ------------------------------------------------------------------ downloads

/**
 * The reports as one .docx (each jabatan from a new page) or one portable .xlsx. A confirmed
 * peringatan is recorded in the workbook's journal once the file is made (the download itself writes
 * nowhere in the workbook).
 */
export async function exportReports(
  port: WorkbookPort,
  prep: ReportPrep,
  format: "docx" | "xlsx",
  confirm: ReportConfirmations = {},
  at: Date = new Date(),
  /** the name the file will have (the CLI's -o); default the download's name, from the reports */
  fileName?: string,
): Promise<ReportExport> {
  const gate = gateRefusal(prep, confirm);
  if (gate) return refuse(gate);
  const { exportDocx, exportReportXlsx, reportFileName } = await import("./report-export");
  const bytes = format === "docx" ? await exportDocx(prep.reports) : await exportReportXlsx(prep.reports);
  const name = fileName ?? reportFileName(prep.reports, format);
  const warnings = warningsConfirmed(prep);
  if (warnings.length) {
    const infos = await port.sheets();
    await port.apply(journalOps(journalSheet(infos), { at, action: `Ekspor laporan .${format} (dikonfirmasi)`, detail: `${what(prep)} → ${name}`, confirmed: warnings.map(findingLine) }));
  }
  return { ok: true, name, bytes, mime: REPORT_MIME[format] };
}
