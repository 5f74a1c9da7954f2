/**
 * Use-case "Periksa": read the workbook into the core's model (the sheet list, then the cells), run every rule,
 * return the findings with their cells. Shared by the task pane (Excel and no-Excel mode) and
 * `sakip validate`. Also the safe one-click fixes (each undoable) and the export gate the Laporan
 * use-case calls before writing a report.
 */
import { countBySeverity, findingMessage, type Finding, type Fix, type Severity } from "../core/findings";
import type { WorkbookModel } from "../core/model/workbook-model";
import { validateModel } from "../core/rules";
import { addressText } from "../core/address";
import { rangeA1, type Address, type CellContent, type CellSnapshot, type WorkbookOp, type WorkbookPort } from "../workbook/port";
import { journalOps, journalSheet, type JournalEntry } from "./journal";
import { readWorkbookModel } from "./read-model";

export type ValidateProgress = { phase: "membaca" | "memeriksa" | "selesai"; fraction: number };

export interface ValidationRun {
  findings: Finding[];
  counts: Record<Severity, number>;
  model: WorkbookModel;
}

export async function validateWorkbook(port: WorkbookPort, onProgress: (p: ValidateProgress) => void = () => undefined): Promise<ValidationRun> {
  onProgress({ phase: "membaca", fraction: 0 });
  // reading is the first half of the bar: in Excel, a large Rincian SIPD takes tens of round trips
  const model = await readWorkbookModel(port, { onProgress: (done, total) => onProgress({ phase: "membaca", fraction: total > 0 ? (done / total) * 0.5 : 0 }) });
  onProgress({ phase: "memeriksa", fraction: 0.5 });
  const findings = validateModel(model);
  onProgress({ phase: "selesai", fraction: 1 });
  return { findings, counts: countBySeverity(findings), model };
}

// ------------------------------------------------------------------ fixes

/** What a fixed cell held, to put it back. */
export interface FixUndo {
  at: Address;
  content: CellContent;
  numberFormat: string;
}

export type FixResult = { ok: true; undo: FixUndo } | { ok: false; message: string };

const contentOf = (c: CellSnapshot): CellContent => (c.formula !== null ? { formula: c.formula } : c.value);

/** The cell still holds what the finding saw (a user may have changed it since). */
function unchanged(f: Finding, c: CellSnapshot): boolean {
  if (f.fix?.kind === "restore-formula") {
    if (f.code === "formula-missing" || f.code === "eff-empty" || f.code === "pen-empty") return c.formula === null && (c.value === null || c.value === "");
    if (f.code === "formula-edited") return c.formula === f.stated;
  }
  if (f.stated === undefined) return true;
  if (c.formula !== null) return false;
  return c.value === f.stated || (typeof c.value === "number" && typeof f.stated === "number" && Math.abs(c.value - f.stated) < 1e-12);
}

/**
 * Applies a finding's fix: the standard formula back, or the number the cell meant. Refused when the
 * cell changed since Periksa ran. The result holds what the cell had, for `undoFix`.
 */
export async function applyFix(port: WorkbookPort, finding: Finding): Promise<FixResult> {
  const fix = finding.fix;
  if (!fix) return { ok: false, message: "Temuan ini tidak punya perbaikan otomatis." };
  const [block] = await port.read([{ sheet: fix.at.sheet, row: fix.at.row, col: fix.at.col, rows: 1, cols: 1 }]);
  const cell = block?.[0]?.[0] ?? { value: null, formula: null, numberFormat: "General" };
  if (!unchanged(finding, cell)) {
    return { ok: false, message: `Sel ${addressText(fix.at)} sudah berubah sejak diperiksa; jalankan Periksa lagi.` };
  }
  await port.apply(fixOps(fix));
  return { ok: true, undo: { at: fix.at, content: contentOf(cell), numberFormat: cell.numberFormat } };
}

function fixOps(fix: Fix): WorkbookOp[] {
  const range = { sheet: fix.at.sheet, row: fix.at.row, col: fix.at.col, rows: 1, cols: 1 };
  if (fix.kind === "restore-formula") return [{ type: "write", sheet: fix.at.sheet, row: fix.at.row, col: fix.at.col, cells: [[{ formula: fix.formula }]] }];
  return [
    { type: "format", range, numberFormat: fix.numberFormat },
    { type: "write", sheet: fix.at.sheet, row: fix.at.row, col: fix.at.col, cells: [[fix.value]] },
  ];
}

/** Puts back what a fix replaced (value or formula, and the number format). */
export async function undoFix(port: WorkbookPort, undo: FixUndo): Promise<void> {
  const range = { sheet: undo.at.sheet, row: undo.at.row, col: undo.at.col, rows: 1, cols: 1 };
  await port.apply([
    { type: "format", range, numberFormat: undo.numberFormat },
    { type: "write", sheet: undo.at.sheet, row: undo.at.row, col: undo.at.col, cells: [[undo.content]] },
  ]);
}

/** Text a user reads for what a fix will do. */
export function fixLabel(fix: Fix): string {
  return fix.kind === "restore-formula" ? "Pulihkan rumus" : `Ganti dengan ${String(fix.value).replace(".", ",")}`;
}

// ------------------------------------------------------------------ export gate

export type GateResult =
  | { status: "blocked"; errors: Finding[] }
  | { status: "confirm"; warnings: Finding[] }
  | { status: "ok" };

/** galat blocks an export; peringatan must be confirmed; info passes. */
export function exportGate(findings: readonly Finding[]): GateResult {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length) return { status: "blocked", errors };
  const warnings = findings.filter((f) => f.severity === "warning");
  return warnings.length ? { status: "confirm", warnings } : { status: "ok" };
}

/** "R-EFF-03 'Cost per Outcome'!M9: …" — one line of a journal entry. */
export function findingLine(f: Finding): string {
  const where = f.at.kind === "line" ? `baris ${f.at.line}` : f.at.kind === "cell" ? addressText(f.at) : `${f.at.sheet}!${rangeA1(f.at)}`;
  return `${f.rule} ${where}: ${findingMessage(f)}`;
}

/**
 * The journal operations that record a confirmed export: append them to the export's own batch, or
 * apply them alone when the export writes elsewhere (a download).
 */
export async function confirmationOps(port: WorkbookPort, warnings: readonly Finding[], action: string, detail: string, at = new Date()): Promise<WorkbookOp[]> {
  const entry: JournalEntry = { at, action, detail, confirmed: warnings.map(findingLine) };
  return journalOps(journalSheet(await port.sheets()), entry);
}
