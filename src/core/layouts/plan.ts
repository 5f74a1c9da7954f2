/**
 * Turns the declared layouts into workbook operations: everything for a new sheet, and for an existing
 * one only what is missing or broken. Values a user typed are never overwritten or deleted; headers,
 * formulas, formats and validation are restored. The plan says what it changed.
 */
import { a1, colLetter, sheetRef, type CellContent, type CellSnapshot, type CellValue, type RangeRef, type WorkbookOp } from "../workbook-ops";
import { formListHeaderRow, FORM_FIRST_FIELD_ROW, FORM_HEADER_ROW, isUserBlock, NAMES, STANDARD_LAYOUTS } from "./standard";
import type { Settings } from "./settings";
import { ARRAY_LAST_ROW } from "./formulas";
import { colIndex, COMPUTED_FILL, FORMATS, HEADER_STYLE, TITLE_STYLE, type ColumnSpec, type FormLayout, type FormulaContext, type SheetId, type SheetLayout, type TableLayout } from "./types";

export const TABLE_ROWS = { title: 0, subtitle: 1, note: 2, group: 3, header: 4, number: 5, firstData: 6 } as const;

/** What the planner knows of a sheet that already exists: its cells from A1. */
export interface ExistingSheet {
  name: string;
  usedRows: number;
  cells: CellSnapshot[][];
}

export type ChangeNote =
  | { code: "created" }
  | { code: "header-repaired" }
  | { code: "formulas-restored"; count: number; cells: string[] }
  | { code: "kept-user-values"; cells: string[] }
  | { code: "ids-added"; count: number; ids: string[] }
  | { code: "settings-changed"; fields: string[] }
  | { code: "reference-restored"; count: number }
  | { code: "list-updated" };

export interface SheetChange {
  sheet: string;
  notes: ChangeNote[];
}

export interface ScaffoldPlan {
  ops: WorkbookOp[];
  changes: SheetChange[];
}

/** How many rows of each sheet the planner needs to read to reconcile it. */
export function readExtent(layout: SheetLayout, usedRows: number): { rows: number; cols: number } {
  if (layout.kind === "table") {
    return { rows: Math.max(usedRows, TABLE_ROWS.firstData + layout.capacity), cols: layout.columns.length };
  }
  return { rows: Math.max(usedRows, formRows(layout)), cols: 4 };
}

function formRows(f: FormLayout): number {
  if (f.blocks) return blockRows(f).end;
  return formListHeaderRow(f) + 1 + (f.list?.rows ?? 0);
}

function tableById(id: SheetId): TableLayout {
  const l = STANDARD_LAYOUTS.find((x) => x.id === id);
  if (!l || l.kind !== "table") throw new Error(`no table layout ${id}`);
  return l;
}

export function formulaContext(layout: TableLayout, row: number): FormulaContext {
  return {
    cell: (key) => a1(row, colIndex(layout, key)),
    column: (sheet, key) => {
      const t = tableById(sheet);
      const c = colLetter(colIndex(t, key));
      return sheetRef(t.sheet, `$${c}:$${c}`);
    },
    rows: (sheet, key) => boundedRows(tableById(sheet), key),
  };
}

/** A column of a table layout over its data rows up to ARRAY_LAST_ROW: 'Perjanjian Kinerja'!$E$7:$E$1000. */
export function boundedRows(t: TableLayout, key: string): string {
  const c = colLetter(colIndex(t, key));
  return sheetRef(t.sheet, `$${c}$${TABLE_ROWS.firstData + 1}:$${c}$${ARRAY_LAST_ROW[t.id]}`);
}

/** The formula a computed cell must hold, or null for input and key columns. */
export function expectedFormula(layout: TableLayout, col: number, row: number): string | null {
  const spec = layout.columns[col]!;
  const c = spec.role === "computed" ? layout.computed[spec.key] : undefined;
  return c ? c.formula(formulaContext(layout, row)) : null;
}

/**
 * The number format of a data column. A formula written into a text-formatted ("@") cell stays text in
 * Excel, so computed columns that show text get General instead.
 */
export function columnNumberFormat(c: ColumnSpec): string {
  return c.role === "computed" && c.format === "text" ? FORMATS.general : FORMATS[c.format];
}

/** Formulas compare without spacing and case outside quoted text (hosts normalise both). */
export function sameFormula(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const norm = (f: string) => f.replace(/("[^"]*")|\s+|([^"\s]+)/g, (_m, q: string | undefined, t: string | undefined) => q ?? (t ? t.toUpperCase() : ""));
  return norm(a) === norm(b);
}

/** A cell with neither a formula nor a value ("" counts as empty). */
export const isEmpty = (c: CellSnapshot | undefined): boolean => !c || (c.formula === null && (c.value === null || c.value === ""));

export const subtitleFormula = `=${NAMES.unit}&" — Tahun Anggaran "&${NAMES.tahun}&" — "&${NAMES.periode}`;

function headerGrid(layout: TableLayout): { cells: CellValue[][]; merges: RangeRef[] } {
  const n = layout.columns.length;
  const group: CellValue[] = Array(n).fill(null);
  const header: CellValue[] = Array(n).fill(null);
  const number: CellValue[] = Array(n).fill(null);
  const merges: RangeRef[] = [];
  for (let i = 0; i < n; i++) {
    const c = layout.columns[i]!;
    number[i] = c.number ?? null;
    if (!c.group) {
      group[i] = c.header;
      merges.push({ sheet: layout.sheet, row: TABLE_ROWS.group, col: i, rows: 2, cols: 1 });
      continue;
    }
    header[i] = c.header;
    if (i === 0 || layout.columns[i - 1]!.group !== c.group) {
      let end = i;
      while (end + 1 < n && layout.columns[end + 1]!.group === c.group) end++;
      group[i] = c.group;
      if (end > i) merges.push({ sheet: layout.sheet, row: TABLE_ROWS.group, col: i, rows: 1, cols: end - i + 1 });
    }
  }
  return { cells: [group, header, number], merges };
}

function sameValue(a: CellValue | undefined, b: CellContent): boolean {
  if (b !== null && typeof b === "object") return false;
  const x = a === undefined || a === "" ? null : a;
  const y = b === "" ? null : b;
  return x === y || (typeof x === "number" && typeof y === "number" && Math.abs(x - y) < 1e-12);
}

/** IDs IK-001 … for a new key column. */
export function keyIds(prefix: string, count: number, start = 1): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(start + i).padStart(3, "0")}`);
}

interface PlanInput {
  settings: Settings;
  existing: Partial<Record<SheetId, ExistingSheet>>;
  /** The sheet names already in the workbook (any case). */
  sheetNames: readonly string[];
}

export function planScaffold({ settings, existing, sheetNames }: PlanInput): ScaffoldPlan {
  const ops: WorkbookOp[] = [];
  const changes: SheetChange[] = [];
  const names: WorkbookOp[] = [];
  const present = new Set(sheetNames.map((s) => s.toLowerCase()));
  const pkIds = pkKeyOrder(existing.pk, present.has(PK_SHEET.toLowerCase()));

  for (const layout of STANDARD_LAYOUTS) {
    const ex = present.has(layout.sheet.toLowerCase()) ? existing[layout.id] ?? { name: layout.sheet, usedRows: 0, cells: [] } : undefined;
    const notes: ChangeNote[] = [];
    if (!ex) {
      ops.push({ type: "addSheet", sheet: layout.sheet });
      notes.push({ code: "created" });
    }
    if (layout.kind === "table") planTable(layout, ex, pkIds, ops, notes);
    else planForm(layout, ex, settings, ops, names, notes);
    changes.push({ sheet: layout.sheet, notes });
  }
  return { ops: [...ops, ...names], changes };
}

const PK_SHEET = "Perjanjian Kinerja";

interface PkKeys {
  /** Every PK key in sheet order, including the ones this plan adds. */
  ids: string[];
  /** Keys of rows with content: each must have a row in Capaian and Cost per Outcome. */
  withContent: Set<string>;
  /** Keys this plan gives to PK rows that have content but no key. */
  added: { row: number; id: string }[];
}

/** PK keys in sheet order; drives the keys of Capaian and Cost per Outcome. */
function pkKeyOrder(pk: ExistingSheet | undefined, exists: boolean): PkKeys {
  const layout = tableById("pk");
  const withContent = new Set<string>();
  if (!exists || !pk) return { ids: keyIds(layout.keyPrefix!, layout.capacity), withContent, added: [] };
  const idCol = colIndex(layout, "id");
  const hasContent = (r: number) => layout.columns.some((c, j) => c.role === "input" && !isEmpty(pk.cells[r]?.[j]));
  const have: { row: number; id: string }[] = [];
  for (let r = TABLE_ROWS.firstData; r < pk.cells.length; r++) {
    const id = pk.cells[r]?.[idCol]?.value;
    if (id !== null && id !== undefined && String(id).trim() !== "") have.push({ row: r, id: String(id) });
  }
  let next = 1;
  for (const { id } of have) {
    const m = /(\d+)$/.exec(id);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  const keyed = new Set(have.map((h) => h.row));
  const added: { row: number; id: string }[] = [];
  for (let r = TABLE_ROWS.firstData; r < pk.cells.length; r++) {
    if (!keyed.has(r) && hasContent(r)) added.push({ row: r, id: keyIds(layout.keyPrefix!, 1, next++)[0]! });
  }
  const all = [...have, ...added].sort((a, b) => a.row - b.row);
  for (const k of all) if (hasContent(k.row)) withContent.add(k.id);
  return { ids: all.map((k) => k.id), withContent, added };
}

function planTable(layout: TableLayout, ex: ExistingSheet | undefined, pk: PkKeys, ops: WorkbookOp[], notes: ChangeNote[]): void {
  const sheet = layout.sheet;
  const n = layout.columns.length;
  const F = TABLE_ROWS.firstData;
  const existingDataRows = ex ? Math.max(0, ex.cells.length - F) : 0;
  const rowHasContent = (r: number) => !!ex && layout.columns.some((c, j) => c.role !== "computed" && !isEmpty(ex.cells[r]?.[j]));
  let managed = layout.capacity;
  for (let i = layout.capacity; i < existingDataRows; i++) if (rowHasContent(F + i)) managed = i + 1;

  // key column: prefilled on a new sheet; on an existing one, keys are only added to empty rows
  const keys = new Map<number, string>();
  const keyCol = layout.columns.findIndex((c) => c.role === "key");
  if (keyCol >= 0) {
    const wanted = layout.id === "pk" ? (ex ? [] : pk.ids) : pk.ids;
    if (!ex) wanted.slice(0, Math.max(managed, wanted.length)).forEach((id, i) => keys.set(F + i, id));
    else {
      const have = new Set<string>();
      const free: number[] = [];
      for (let i = 0; i < managed; i++) {
        const c = ex.cells[F + i]?.[keyCol];
        if (!isEmpty(c)) have.add(String(c!.value));
        else if (!rowHasContent(F + i)) free.push(F + i);
      }
      const missing = layout.id === "pk" ? pk.added : wanted.filter((id) => pk.withContent.has(id) && !have.has(id));
      const added: string[] = [];
      for (const m of missing) {
        const row = typeof m === "string" ? free.shift() ?? F + managed++ : m.row;
        const id = typeof m === "string" ? m : m.id;
        keys.set(row, id);
        added.push(id);
      }
      if (added.length) notes.push({ code: "ids-added", count: added.length, ids: added });
    }
    managed = Math.max(managed, ...[...keys.keys()].map((r) => r - F + 1));
  }

  // formats first, so codes are text before anything is written into them. A value the user typed
  // keeps its number format: "52%" shown as 0,52 after a re-run would be another number to the reader
  // (and to Periksa, which tells a typed percent by its format)
  for (let j = 0; j < n; j++) {
    const c = layout.columns[j]!;
    const range = { sheet, row: F, col: j, rows: managed, cols: 1 };
    const style = { border: "thin" as const, wrap: c.format === "text" && c.width >= 20, vertical: "top" as const, ...(c.role === "computed" ? { fill: COMPUTED_FILL } : {}) };
    const numberFormat = columnNumberFormat(c);
    const typed = (i: number) => {
      const cell = ex?.cells[F + i]?.[j];
      return !isEmpty(cell) && cell!.formula === null;
    };
    // the runs of rows that take the column's format: all of them on a new sheet
    const runs: { start: number; rows: number }[] = [];
    for (let i = 0; i < managed; ) {
      if (typed(i)) {
        i++;
        continue;
      }
      const start = i;
      while (i < managed && !typed(i)) i++;
      runs.push({ start, rows: i - start });
    }
    if (runs.length === 1 && runs[0]!.rows === managed) {
      ops.push({ type: "format", range, numberFormat, style });
      continue;
    }
    ops.push({ type: "format", range, style });
    for (const run of runs) ops.push({ type: "format", range: { sheet, row: F + run.start, col: j, rows: run.rows, cols: 1 }, numberFormat });
  }

  // title rows and the three header rows
  const head = headerGrid(layout);
  const top: CellContent[][] = [
    [layout.title, ...Array(n - 1).fill(null)],
    [{ formula: subtitleFormula }, ...Array(n - 1).fill(null)],
    [layout.columns.some((c) => c.role === "key") ? "Isi kolom putih; kolom abu-abu dihitung otomatis. Kolom ID menghubungkan baris antarlembar." : "Isi kolom putih; kolom abu-abu dihitung otomatis.", ...Array(n - 1).fill(null)],
  ];
  const headerOk =
    !!ex &&
    top.every((row, r) => row.every((v, j) => (v !== null && typeof v === "object" ? sameFormula(ex.cells[r]?.[j]?.formula ?? null, v.formula) : sameValue(ex.cells[r]?.[j]?.value, v)))) &&
    head.cells.every((row, i) => row.every((v, j) => sameValue(ex.cells[TABLE_ROWS.group + i]?.[j]?.value, v)));
  if (!headerOk) {
    ops.push({ type: "write", sheet, row: 0, col: 0, cells: top });
    ops.push({ type: "write", sheet, row: TABLE_ROWS.group, col: 0, cells: head.cells });
    if (ex) notes.push({ code: "header-repaired" });
  }
  ops.push({ type: "format", range: { sheet, row: 0, col: 0, rows: 1, cols: 1 }, style: { ...TITLE_STYLE } });
  ops.push({ type: "format", range: { sheet, row: TABLE_ROWS.group, col: 0, rows: 3, cols: n }, style: HEADER_STYLE, numberFormat: "@" });
  for (const m of head.merges) ops.push({ type: "merge", range: m });

  // data: the whole block on a new sheet; on an existing one only missing or broken formulas and new keys
  if (!ex) {
    const block: CellContent[][] = [];
    for (let i = 0; i < managed; i++) {
      const r = F + i;
      block.push(layout.columns.map((c, j) => (c.role === "key" ? keys.get(r) ?? null : c.role === "computed" ? { formula: expectedFormula(layout, j, r)! } : null)));
    }
    ops.push({ type: "write", sheet, row: F, col: 0, cells: block });
  } else {
    const restored: string[] = [];
    const kept: string[] = [];
    for (let j = 0; j < n; j++) {
      const c = layout.columns[j]!;
      if (c.role === "key") {
        for (const [r, id] of keys) ops.push({ type: "write", sheet, row: r, col: j, cells: [[id]] });
        continue;
      }
      if (c.role !== "computed") continue;
      let run: { start: number; cells: CellContent[][] } | null = null;
      const flush = () => {
        if (run) ops.push({ type: "write", sheet, row: run.start, col: j, cells: run.cells });
        run = null;
      };
      for (let i = 0; i < managed; i++) {
        const r = F + i;
        const want = expectedFormula(layout, j, r)!;
        const have = ex.cells[r]?.[j];
        let write = false;
        if (have?.formula) write = !sameFormula(have.formula, want);
        else if (isEmpty(have)) write = true;
        else kept.push(a1(r, j)); // a value the user typed over a formula stays
        if (!write) {
          flush();
          continue;
        }
        // rows the user added past the prepared block get their formulas without counting as repairs
        if (have?.formula || (r < F + existingDataRows && i < layout.capacity)) restored.push(a1(r, j));
        if (!run) run = { start: r, cells: [] };
        (run as { start: number; cells: CellContent[][] }).cells.push([{ formula: want }]);
      }
      flush();
    }
    if (restored.length) notes.push({ code: "formulas-restored", count: restored.length, cells: restored.slice(0, 20) });
    if (kept.length) notes.push({ code: "kept-user-values", cells: kept });
  }

  for (let j = 0; j < n; j++) {
    const v = layout.columns[j]!.validation;
    if (v) ops.push({ type: "validation", range: { sheet, row: F, col: j, rows: managed, cols: 1 }, rule: v });
  }
  ops.push({ type: "columnWidths", sheet, widths: layout.columns.map((c, col) => ({ col, width: c.width })) });
  ops.push({ type: "freeze", sheet, rows: F, cols: layout.freezeCols });
  ops.push({ type: "pageSetup", sheet, setup: { orientation: layout.page, fitToWidth: true, printTitleRows: [TABLE_ROWS.group, TABLE_ROWS.number] } });
}

/** Where each reference block of a form sheet starts (its title row) and the row after the last block. */
export function blockRows(f: FormLayout): { starts: number[]; end: number } {
  const starts: number[] = [];
  let row = 2;
  for (const b of f.blocks ?? []) {
    starts.push(row);
    row += 2 + b.rows + 1;
  }
  return { starts, end: row };
}

function planForm(layout: FormLayout, ex: ExistingSheet | undefined, settings: Settings, ops: WorkbookOp[], names: WorkbookOp[], notes: ChangeNote[]): void {
  const sheet = layout.sheet;
  const cell = (r: number, c: number) => ex?.cells[r]?.[c];
  const writeIfDiffers = (r: number, c: number, v: CellContent): boolean => {
    const have = cell(r, c);
    const same = v !== null && typeof v === "object" ? sameFormula(have?.formula ?? null, v.formula) : !have?.formula && sameValue(have?.value, v);
    if (!same) ops.push({ type: "write", sheet, row: r, col: c, cells: [[v]] });
    return !same;
  };
  writeIfDiffers(0, 0, layout.title);
  ops.push({ type: "format", range: { sheet, row: 0, col: 0, rows: 1, cols: 1 }, style: TITLE_STYLE });
  ops.push({ type: "columnWidths", sheet, widths: [{ col: 0, width: 30 }, { col: 1, width: 34 }, { col: 2, width: 16 }, { col: 3, width: 30 }] });

  if (layout.fields.length) {
    writeIfDiffers(1, 0, "Isi kolom Nilai. Lembar lain membaca pengaturan ini lewat nama (mis. SAKIP_TAHUN).");
    const header: CellContent[] = ["Pengaturan", "Nilai", "Keterangan"];
    header.forEach((v, c) => writeIfDiffers(FORM_HEADER_ROW, c, v));
    ops.push({ type: "format", range: { sheet, row: FORM_HEADER_ROW, col: 0, rows: 1, cols: 3 }, style: HEADER_STYLE });
    const changed: string[] = [];
    layout.fields.forEach((f, i) => {
      const r = FORM_FIRST_FIELD_ROW + i;
      // a form reads label → value: a number (the year) beside its label, not at the far end of a wide column
      ops.push({ type: "format", range: { sheet, row: r, col: 1, rows: 1, cols: 1 }, numberFormat: FORMATS[f.format], style: { border: "thin", horizontal: "left", ...(f.formula ? { fill: COMPUTED_FILL } : {}) } });
      writeIfDiffers(r, 0, f.label);
      writeIfDiffers(r, 2, f.help);
      const v: CellContent = f.formula ? { formula: f.formula } : f.value!(settings);
      if (writeIfDiffers(r, 1, v) && ex && !f.formula) changed.push(f.label);
      if (f.validation) ops.push({ type: "validation", range: { sheet, row: r, col: 1, rows: 1, cols: 1 }, rule: f.validation });
      names.push({ type: "defineName", name: f.name, formula: `=${sheetRef(sheet, a1(r, 1, true))}` });
    });
    if (changed.length) notes.push({ code: "settings-changed", fields: changed });
  }

  if (layout.list) {
    const h = formListHeaderRow(layout);
    writeIfDiffers(h, 0, layout.list.header);
    ops.push({ type: "format", range: { sheet, row: h, col: 0, rows: 1, cols: 1 }, style: HEADER_STYLE });
    const want = layout.list.values(settings);
    const have: string[] = [];
    for (let i = 0; i < layout.list.rows; i++) {
      const v = cell(h + 1 + i, 0)?.value;
      if (v !== null && v !== undefined && String(v).trim() !== "") have.push(String(v));
    }
    if (have.join("\n") !== want.join("\n")) {
      const cells: CellContent[][] = Array.from({ length: layout.list.rows }, (_, i) => [want[i] ?? null]);
      ops.push({ type: "write", sheet, row: h + 1, col: 0, cells });
      if (ex && have.length) notes.push({ code: "list-updated" });
    }
    ops.push({ type: "format", range: { sheet, row: h + 1, col: 0, rows: layout.list.rows, cols: 1 }, numberFormat: "@", style: { border: "thin" } });
    names.push({ type: "defineName", name: layout.list.name, formula: `=${sheetRef(sheet, `${a1(h + 1, 0, true)}:${a1(h + layout.list.rows, 0, true)}`)}` });
  }

  const { starts } = blockRows(layout);
  let restored = 0;
  (layout.blocks ?? []).forEach((b, k) => {
    const r0 = starts[k]!;
    const first = r0 + 2;
    writeIfDiffers(r0, 0, b.title);
    ops.push({ type: "format", range: { sheet, row: r0, col: 0, rows: 1, cols: 1 }, style: TITLE_STYLE });
    b.headers.forEach((v, c) => writeIfDiffers(r0 + 1, c, v));
    ops.push({ type: "format", range: { sheet, row: r0 + 1, col: 0, rows: 1, cols: b.headers.length }, style: HEADER_STYLE });
    b.formats.forEach((f, c) => ops.push({ type: "format", range: { sheet, row: first, col: c, rows: b.rows, cols: 1 }, numberFormat: FORMATS[f], style: { border: "thin" } }));
    const values = b.values(settings);
    const blockEmpty = values.every((row, i) => row.every((_, c) => isEmpty(cell(first + i, c))));
    if (isUserBlock(b) && !blockEmpty) {
      // the user's own scale stays as typed
    } else {
      values.forEach((row, i) =>
        row.forEach((v, c) => {
          if (writeIfDiffers(first + i, c, v) && ex && !blockEmpty) restored++;
        }),
      );
    }
    for (const nm of b.names) {
      const ref = `${a1(first + nm.row, nm.col, true)}:${a1(first + nm.row + nm.rows - 1, nm.col + nm.cols - 1, true)}`;
      names.push({ type: "defineName", name: nm.name, formula: `=${sheetRef(sheet, ref)}` });
    }
  });
  if (restored) notes.push({ code: "reference-restored", count: restored });
}

/** Settings as the Pengaturan sheet holds them, for pre-filling the form or re-running the CLI. */
export function readSettingsFromSheet(ex: ExistingSheet | undefined, layout: FormLayout): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!ex) return out;
  layout.fields.forEach((f, i) => {
    if (f.formula) return;
    const v = ex.cells[FORM_FIRST_FIELD_ROW + i]?.[1]?.value;
    if (v !== null && v !== undefined && v !== "") out[f.key] = v;
  });
  if (layout.list) {
    const h = formListHeaderRow(layout);
    const values: string[] = [];
    for (let i = 0; i < layout.list.rows; i++) {
      const v = ex.cells[h + 1 + i]?.[0]?.value;
      if (v !== null && v !== undefined && String(v).trim() !== "") values.push(String(v).trim());
    }
    if (values.length) out.jabatan = values;
  }
  return out;
}

/** One Indonesian line per change, for the task pane and the CLI. */
export function describeChanges(changes: readonly SheetChange[]): string[] {
  const lines: string[] = [];
  for (const c of changes) {
    for (const n of c.notes) {
      switch (n.code) {
        case "created":
          lines.push(`${c.sheet}: lembar dibuat.`);
          break;
        case "header-repaired":
          lines.push(`${c.sheet}: judul dan kepala tabel diperbaiki.`);
          break;
        case "formulas-restored":
          lines.push(`${c.sheet}: ${n.count} rumus dipulihkan (${n.cells.slice(0, 5).join(", ")}${n.count > 5 ? ", …" : ""}).`);
          break;
        case "kept-user-values":
          lines.push(`${c.sheet}: ${n.cells.length} sel di kolom rumus berisi nilai ketikan dan dibiarkan (${n.cells.slice(0, 5).join(", ")}${n.cells.length > 5 ? ", …" : ""}); periksa apakah memang disengaja.`);
          break;
        case "ids-added":
          lines.push(`${c.sheet}: ${n.count} ID indikator ditambahkan (${n.ids.slice(0, 5).join(", ")}${n.count > 5 ? ", …" : ""}).`);
          break;
        case "settings-changed":
          lines.push(`${c.sheet}: diubah — ${n.fields.join(", ")}.`);
          break;
        case "reference-restored":
          lines.push(`${c.sheet}: ${n.count} sel skala bawaan dipulihkan.`);
          break;
        case "list-updated":
          lines.push(`${c.sheet}: daftar jabatan diperbarui.`);
          break;
      }
    }
  }
  if (lines.length === 0) lines.push("Semua lembar sudah lengkap; tidak ada yang diubah.");
  return lines;
}
