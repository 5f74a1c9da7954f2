/**
 * Use-case "Siapkan Lembar": read what the workbook already has (two round trips), plan the standard
 * sheets against it, apply the plan in one batch. Shared by the task pane (Excel and no-Excel mode)
 * and `sakip scaffold`.
 */
import {
  describeChanges,
  parseSettings,
  planScaffold,
  readExtent,
  readSettingsFromSheet,
  shiftedColumn,
  shiftParams,
  PENGATURAN,
  STANDARD_LAYOUTS,
  type ExistingSheet,
  type ScaffoldPlan,
  type Settings,
  type SheetChange,
  type SheetId,
} from "../core/layouts";
import { message } from "../core/messages.id";
import type { ApplyReport, RangeRef, SheetInfo, WorkbookPort } from "../workbook/port";

export type ScaffoldProgress = { phase: "membaca" | "merencanakan" | "menulis" | "selesai"; fraction: number };

export type ScaffoldResult =
  | { ok: true; settings: Settings; changes: SheetChange[]; lines: string[]; report: ApplyReport; ops: number }
  | { ok: false; problems: { field: string; message: string }[] };

export interface ExistingWorkbook {
  sheetNames: string[];
  /** Every sheet with its used extent. */
  sheets: SheetInfo[];
  existing: Partial<Record<SheetId, ExistingSheet>>;
}

/** Reads the standard sheets that exist, in one round trip after listing the sheets. */
export async function readExisting(port: WorkbookPort): Promise<ExistingWorkbook> {
  const infos = await port.sheets();
  const wanted: { id: SheetId; info: (typeof infos)[number]; range: RangeRef }[] = [];
  for (const layout of STANDARD_LAYOUTS) {
    const info = infos.find((s) => s.name.toLowerCase() === layout.sheet.toLowerCase());
    if (!info) continue;
    const { rows, cols } = readExtent(layout, info.usedRows);
    wanted.push({ id: layout.id, info, range: { sheet: info.name, row: 0, col: 0, rows, cols } });
  }
  const blocks = wanted.length ? await port.read(wanted.map((w) => w.range)) : [];
  const existing: Partial<Record<SheetId, ExistingSheet>> = {};
  wanted.forEach((w, i) => {
    existing[w.id] = { name: w.info.name, usedRows: w.info.usedRows, cells: blocks[i] ?? [] };
  });
  return { sheetNames: infos.map((s) => s.name), sheets: infos, existing };
}

/** Settings from the workbook's Pengaturan sheet (empty when there is none), for pre-filling forms. */
export function settingsFromWorkbook(wb: ExistingWorkbook): Record<string, unknown> {
  return readSettingsFromSheet(wb.existing.pengaturan, PENGATURAN);
}

export function planFor(wb: ExistingWorkbook, settings: Settings): ScaffoldPlan {
  return planScaffold({ settings, existing: wb.existing, sheetNames: wb.sheetNames });
}

/** Field of a problem that is the workbook's, not a setting's: the standard sheets' layout. */
export const LAYOUT_FIELD = "lembar";

/**
 * Standard sheets with a column inserted or deleted in the middle: whatever writes by column (the
 * scaffold's formulas, the import's amounts) would write into the wrong one, so nothing is written.
 */
export function shiftedSheets(wb: ExistingWorkbook, action: string, only?: readonly SheetId[]): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const layout of STANDARD_LAYOUTS) {
    const ex = wb.existing[layout.id];
    if (layout.kind !== "table" || !ex || (only && !only.includes(layout.id))) continue;
    const s = shiftedColumn(layout, (row, col) => ex.cells[row]?.[col]?.value);
    if (s) out.push({ field: LAYOUT_FIELD, message: message("sheet-columns-shifted-refused", { ...shiftParams(layout, s), sheet: ex.name, action }) });
  }
  return out;
}

/** The plan for `input` over the workbook's own settings; invalid settings give their problems instead. */
export function planWithInput(
  wb: ExistingWorkbook,
  input: Record<string, unknown>,
): { ok: true; settings: Settings; plan: ScaffoldPlan } | { ok: false; problems: { field: string; message: string }[] } {
  const shifted = shiftedSheets(wb, "Siapkan Lembar");
  if (shifted.length) return { ok: false, problems: shifted };
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const parsed = parseSettings({ ...settingsFromWorkbook(wb), ...defined });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  return { ok: true, settings: parsed.settings, plan: planFor(wb, parsed.settings) };
}

/**
 * Scaffolds (or repairs) the standard sheets. `input` holds the settings the user gave; what it leaves
 * out is taken from the workbook's Pengaturan sheet. Invalid settings write nothing.
 */
export async function scaffold(
  port: WorkbookPort,
  input: Record<string, unknown>,
  onProgress: (p: ScaffoldProgress) => void = () => undefined,
): Promise<ScaffoldResult> {
  onProgress({ phase: "membaca", fraction: 0 });
  const wb = await readExisting(port);
  const planned = planWithInput(wb, input);
  if (!planned.ok) return { ok: false, problems: planned.problems };
  onProgress({ phase: "merencanakan", fraction: 0.2 });
  const { plan } = planned;
  const report = await port.apply(plan.ops, { onProgress: (done, total) => onProgress({ phase: "menulis", fraction: 0.3 + 0.7 * (done / Math.max(1, total)) }) });
  onProgress({ phase: "selesai", fraction: 1 });
  return { ok: true, settings: planned.settings, changes: plan.changes, lines: describeChanges(plan.changes), report, ops: plan.ops.length };
}
