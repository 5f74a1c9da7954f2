/**
 * The read model: the standard sheets of a workbook read back into typed rows, each cell with its
 * address, and the core's twin of every computed column, so rules, the no-Excel grid and tests know
 * what every standard cell holds and what it should hold — without a formula engine.
 *
 * - `value(table, row, key)`: what the cell shows. An input as typed; a standard formula computed by
 *   its twin from the values its references hold; a constant typed over a formula as typed; an
 *   edited formula as the host computed it (UNKNOWN where the host computes nothing, e.g. memory).
 * - `expected(table, row, key)`: what the column's standard formula gives at that row, whatever the
 *   cell holds. A rule compares the two.
 * Pure: built from cells already read (see app/read-model.ts for the port side).
 */
import { a1, colLetter, sheetRef, type Address } from "../address";
import { roundHalfUp } from "../numbers";
import { CLASSIFY_DECIMALS } from "../scales";
import type { CellSnapshot } from "../workbook-ops";
import { isBlankish, isXlError, toNumber, UNKNOWN, valOf, xlError, type Val } from "../xl";
import { AmountIndex, ARRAY_LAST_ROW, StructureIndex } from "../layouts/formulas";
import { blockRows, boundedRows, sameFormula, TABLE_ROWS, type ExistingSheet } from "../layouts/plan";
import { FORM_FIRST_FIELD_ROW, PENGATURAN, REFERENSI, TABLE_LAYOUTS, type SettingName, type SheetKeys } from "../layouts/standard";
import { colIndex, type ComputedColumn, type FormulaContext, type TableLayout, type TableSheetId, type TwinContext } from "../layouts/types";
import { RincianModel } from "./rincian";
import { EMPTY_CELL, isEmptyCell } from "./cell";

/** A sheet as the workbook lists it, with its cells from A1 when they were read. */
export interface SheetData {
  name: string;
  usedRows: number;
  usedCols: number;
  cells?: CellSnapshot[][];
}

/** What a computed cell holds against its column's standard formula. */
export type FormulaStatus = "input" | "standard" | "edited" | "constant" | "blank";

const ROW_MARK = "\u0001";

/** A computed column's formula cut at its row numbers. */
interface Template {
  parts: readonly string[];
  /**
   * Its parts are long (a structural formula: 3,000 characters, 16 parts): a cell's formula is
   * compared part by part where it stands, not joined into a copy per cell first (the copies were
   * half of what Periksa allocated). Short parts are compared joined: one native comparison costs
   * less than many small ones.
   */
  inPlace: boolean;
  /** the parts' length, without the row numbers */
  length: number;
}

/** One table sheet: its layout, where it is, its cells. Rows are 0-based sheet rows. */
export class TableModel<K extends string> {
  readonly present: boolean;
  readonly sheet: string;
  readonly firstRow = TABLE_ROWS.firstData;
  /** One past the last row read. */
  readonly endRow: number;
  private readonly cells: CellSnapshot[][];
  private idRows: Map<string, number> | null = null;
  /** The template of each computed column, made when first asked for. */
  private readonly templates: (Template | undefined)[] = [];
  /** status() by cell, 0 = not computed yet (a sheet is read once; statuses do not change). */
  private readonly statuses: Uint8Array;
  /** Column by key: asked for on every value read, so kept here rather than looked up by layout. */
  private readonly cols: Map<string, number>;
  /** The key (ID) column, -1 when the layout has none. */
  readonly keyCol: number;
  /** The input columns: hasInput is asked of every row by several rules. */
  private readonly inputCols: readonly number[];
  /** Cells in a row of this layout: the stride of the per-cell arrays. */
  readonly width: number;
  /** The computed column of each column index (undefined for inputs): looked up per twin. */
  readonly computedAt: readonly (ComputedColumn<string> | undefined)[];

  constructor(
    readonly layout: TableLayout<K>,
    data: ExistingSheet | undefined,
  ) {
    this.present = !!data;
    this.sheet = data?.name ?? layout.sheet;
    this.cells = data?.cells ?? [];
    this.endRow = Math.max(this.firstRow, this.cells.length);
    this.width = layout.columns.length;
    this.statuses = new Uint8Array(this.endRow * this.width);
    this.cols = new Map(layout.columns.map((c, i) => [c.key as string, i]));
    this.keyCol = layout.columns.findIndex((c) => c.role === "key");
    this.inputCols = layout.columns.flatMap((c, j) => (c.role === "input" ? [j] : []));
    this.computedAt = layout.columns.map((c) => (c.role === "computed" ? (layout.computed[c.key] as ComputedColumn<string> | undefined) : undefined));
  }

  col(key: K): number {
    const i = this.cols.get(key);
    return i === undefined ? colIndex(this.layout, key) : i;
  }

  snap(row: number, col: number): CellSnapshot {
    return this.cells[row]?.[col] ?? EMPTY_CELL;
  }

  cell(row: number, key: K): CellSnapshot {
    return this.snap(row, this.col(key));
  }

  at(row: number, key: K): Address {
    return { sheet: this.sheet, row, col: this.col(key) };
  }

  /** Data rows, in sheet order. */
  *rows(): Iterable<number> {
    for (let r = this.firstRow; r < this.endRow; r++) yield r;
  }

  /** A row with anything typed in its input columns (a prefilled ID alone does not count). */
  hasInput(row: number): boolean {
    const cells = this.cells[row];
    if (!cells) return false;
    for (const j of this.inputCols) if (!isEmptyCell(cells[j])) return true;
    return false;
  }

  /** A row with anything in a column other than its key. */
  hasContent(row: number): boolean {
    const cells = this.cells[row];
    if (!cells) return false;
    const columns = this.layout.columns;
    for (let j = 0; j < columns.length; j++) {
      const role = columns[j]!.role;
      if (role !== "key" && !isEmptyCell(cells[j]) && !(role === "computed" && cells[j]!.formula !== null)) return true;
    }
    return false;
  }

  /** The first row holding this ID, as MATCH(id, column, 0) finds it (any case). */
  rowOfId(id: string): number | undefined {
    if (!this.idRows) {
      this.idRows = new Map();
      const j = this.keyCol;
      if (j >= 0) {
        for (let r = this.firstRow; r < this.endRow; r++) {
          const v = this.cells[r]?.[j]?.value;
          if (v === null || v === undefined || v === "") continue;
          const k = String(v).toLowerCase();
          if (!this.idRows.has(k)) this.idRows.set(k, r);
        }
      }
    }
    return this.idRows.get(id.toLowerCase());
  }

  /** The ID of a row ("" when it has none). */
  idOf(row: number): string {
    const j = this.keyCol;
    const v = j >= 0 ? this.snap(row, j).value : null;
    return v === null ? "" : String(v).trim();
  }

  /** The column's formula with a marker where the row number goes, split at the markers. */
  private template(col: number): Template | null {
    let t = this.templates[col];
    if (!t) {
      const spec = this.layout.columns[col];
      const computed = spec && spec.role === "computed" ? this.layout.computed[spec.key] : undefined;
      if (!computed) return null;
      const parts = computed.formula(templateContext(this.layout)).split(ROW_MARK);
      const length = parts.reduce((n, p) => n + p.length, 0);
      t = { parts, inPlace: length >= IN_PLACE_PART_LENGTH * parts.length, length };
      this.templates[col] = t;
    }
    return t;
  }

  /** The standard formula of a computed column at a row; built from the column's template. */
  expectedFormula(row: number, col: number): string | null {
    return this.template(col)?.parts.join(String(row + 1)) ?? null;
  }

  /** How a cell stands against its column's standard formula (memoised: it is asked for often). */
  status(row: number, col: number): FormulaStatus {
    const i = row * this.width + col;
    const known = i < this.statuses.length ? this.statuses[i]! : 0;
    if (known) return STATUSES[known - 1]!;
    const s = this.computeStatus(row, col);
    if (i < this.statuses.length) this.statuses[i] = STATUS_CODE[s];
    return s;
  }

  private computeStatus(row: number, col: number): FormulaStatus {
    const spec = this.layout.columns[col]!;
    if (spec.role !== "computed") return "input";
    const c = this.snap(row, col);
    if (c.formula === null) return c.value === null || c.value === "" ? "blank" : "constant";
    const t = this.template(col)!;
    const rowText = String(row + 1);
    if (t.inPlace ? holdsTemplate(c.formula, t, rowText) : c.formula === t.parts.join(rowText)) return "standard";
    // hosts give the formula back as it was written; one written otherwise (case, spaces) is normalised
    return sameFormula(c.formula, t.parts.join(rowText)) ? "standard" : "edited";
  }
}

/** Average part length from which a template is compared in place (see Template.inPlace). */
const IN_PLACE_PART_LENGTH = 64;

/**
 * `formula` is the template's parts joined by `rowText`, read where it stands: each part compared
 * with a slice of the formula (a view, not a copy, for any but the shortest), each row number
 * character by character.
 */
function holdsTemplate(formula: string, { parts, length }: Template, rowText: string): boolean {
  const digits = rowText.length;
  if (formula.length !== length + digits * (parts.length - 1)) return false;
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) {
      for (let k = 0; k < digits; k++) if (formula.charCodeAt(at + k) !== rowText.charCodeAt(k)) return false;
      at += digits;
    }
    const part = parts[i]!;
    const end = at + part.length;
    if (formula.slice(at, end) !== part) return false;
    at = end;
  }
  return true;
}

/** What an input cell shows: as typed; a formula the host gave no value for is UNKNOWN. */
const inputValue = (snap: CellSnapshot): Val => (snap.formula !== null && snap.value === null ? UNKNOWN : valOf(snap.value));

const STATUSES: readonly FormulaStatus[] = ["input", "standard", "edited", "constant", "blank"];
const STATUS_CODE: Record<FormulaStatus, number> = { input: 1, standard: 2, edited: 3, constant: 4, blank: 5 };

/** A formula context whose row references carry a marker instead of the row number. */
function templateContext<K extends string>(layout: TableLayout<K>): FormulaContext<K> {
  return {
    cell: (key) => `${colLetter(colIndex(layout, key))}${ROW_MARK}`,
    column: (sheet, key) => {
      const t = TABLE_LAYOUTS[sheet] as TableLayout<string>;
      const c = colLetter(colIndex(t, key as string));
      return sheetRef(t.sheet, `$${c}:$${c}`);
    },
    rows: (sheet, key) => boundedRows(TABLE_LAYOUTS[sheet] as TableLayout<string>, key as string),
  };
}

type Tables = { [S in TableSheetId]: TableModel<SheetKeys[S]> };

/** Marks a twin being computed in the twin memo: asked for again before it is done, it is a cycle. */
const COMPUTING: unique symbol = Symbol("computing");

/**
 * A value per cell of a table: an array over the rows read (a Map per cell read was most of the cost
 * of a value), a Map for a row past them (a lookup can name one).
 */
class CellMemo<V> {
  private readonly dense: (V | undefined)[];
  private readonly width: number;
  private readonly rows: number;
  private sparse: Map<number, V> | null = null;

  constructor(table: TableModel<string>) {
    this.width = table.width;
    this.rows = table.endRow;
    this.dense = new Array<V | undefined>(this.rows * this.width);
  }

  get(row: number, col: number): V | undefined {
    if (row < this.rows && col < this.width) return this.dense[row * this.width + col];
    return this.sparse?.get(row * 64 + col);
  }

  set(row: number, col: number, v: V | undefined): void {
    if (row < this.rows && col < this.width) this.dense[row * this.width + col] = v;
    else if (v === undefined) this.sparse?.delete(row * 64 + col);
    else (this.sparse ??= new Map()).set(row * 64 + col, v);
  }
}

/** What the model keeps per table: reached by one lookup per value asked for. */
class TableValues {
  /** Values by cell; `undefined` = not computed yet. */
  readonly values: CellMemo<Val>;
  /** Twin values by cell, COMPUTING while one is being computed. */
  readonly twins: CellMemo<Val | typeof COMPUTING>;
  /** One context per row, reused by every twin of the row (a row's twins call each other). */
  readonly contexts: (RowTwinContext | undefined)[] = [];

  constructor(readonly table: TableModel<string>) {
    this.values = new CellMemo(table);
    this.twins = new CellMemo(table);
  }
}

/** What a row's twins read: its own cells, lookups by its ID, the amounts and settings of the workbook. */
class RowTwinContext implements TwinContext<string> {
  /** The row each lookup sheet has for this row's ID: a row's mirrored columns all look up the same row. */
  private readonly found: Partial<Record<TableSheetId, Val | number>> = {};

  constructor(
    private readonly model: WorkbookModel,
    private readonly id: TableSheetId,
    private readonly table: TableModel<string>,
    private readonly row: number,
  ) {}

  get(key: string): Val {
    return this.model.valueAt(this.id, this.row, this.table.col(key));
  }

  lookup(sheet: TableSheetId, key: string): Val {
    const target = this.model.tables[sheet] as TableModel<string>;
    let r = this.found[sheet];
    if (r === undefined) {
      r = this.matchRow(target);
      this.found[sheet] = r;
    }
    return typeof r === "number" ? this.model.valueAt(sheet, r, target.col(key)) : r;
  }

  /** MATCH(id, target's ID column, 0): the row, or the error the lookup shows. */
  private matchRow(target: TableModel<string>): Val | number {
    const idVal = this.model.valueAt(this.id, this.row, this.table.col("id"));
    if (isXlError(idVal)) return idVal;
    if (!target.present) return xlError("#REF!");
    const r = target.rowOfId(String(idVal));
    return r === undefined ? xlError("#N/A") : r;
  }

  amountByKode(kode: Val, valueKey: SheetKeys["realisasi"]): Val {
    return this.model.amountFor(kode, valueKey);
  }

  amountByStructure(rowId: Val, kode: Val, valueKey: SheetKeys["realisasi"]): Val {
    return this.model.amountByStructure(rowId, kode, valueKey);
  }

  setting(name: SettingName): Val {
    return this.model.setting(name);
  }

  predikat(c: Val): Val {
    return this.model.predikat(c);
  }
}

/** A Pengaturan setting: its cell and what it holds. */
export interface SettingCell {
  at: Address;
  snap: CellSnapshot;
}

interface ScaleBlockData {
  lowers: Val[];
  labels: Val[];
  inclusive: boolean;
}

const SCALE_BLOCK: Record<string, number> = { kecamatan: 0, permendagri86: 1, kustom: 2 };

export class WorkbookModel {
  readonly tables: Tables;
  readonly rincian: RincianModel | null;
  /** Sheet names in workbook order. */
  readonly sheetNames: string[];
  private readonly pengaturan: ExistingSheet | undefined;
  private readonly referensi: ExistingSheet | undefined;
  private readonly state: { [S in TableSheetId]: TableValues };
  /** AmountIndex by value column: over all rows, and over the bounded rows the structural amount scans. */
  private readonly amountIndex = new Map<string, AmountIndex>();
  private readonly boundedAmountIndex = new Map<string, AmountIndex>();
  private scaleBlocks: (ScaleBlockData | null)[] | null = null;
  private readonly settingMemo = new Map<SettingName, Val>();

  constructor(readonly sheets: readonly SheetData[]) {
    this.sheetNames = sheets.map((s) => s.name);
    const find = (name: string): ExistingSheet | undefined => {
      const s = sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      return s && s.cells ? { name: s.name, usedRows: s.usedRows, cells: s.cells } : s ? { name: s.name, usedRows: s.usedRows, cells: [] } : undefined;
    };
    this.tables = {
      pk: new TableModel(TABLE_LAYOUTS.pk, find(TABLE_LAYOUTS.pk.sheet)),
      capaian: new TableModel(TABLE_LAYOUTS.capaian, find(TABLE_LAYOUTS.capaian.sheet)),
      cpo: new TableModel(TABLE_LAYOUTS.cpo, find(TABLE_LAYOUTS.cpo.sheet)),
      realisasi: new TableModel(TABLE_LAYOUTS.realisasi, find(TABLE_LAYOUTS.realisasi.sheet)),
    };
    this.pengaturan = find(PENGATURAN.sheet);
    this.referensi = find(REFERENSI.sheet);
    const rincian = find(RincianModel.SHEET);
    this.rincian = rincian ? new RincianModel(rincian) : null;
    const state = (id: TableSheetId) => new TableValues(this.tables[id] as TableModel<string>);
    this.state = { pk: state("pk"), capaian: state("capaian"), cpo: state("cpo"), realisasi: state("realisasi") };
  }

  table<S extends TableSheetId>(id: S): Tables[S] {
    return this.tables[id];
  }

  hasSheet(name: string): boolean {
    return this.sheetNames.some((s) => s.toLowerCase() === name.toLowerCase());
  }

  // ------------------------------------------------------------------ values

  /** What the cell shows (see the file comment). */
  value<S extends TableSheetId>(id: S, row: number, key: SheetKeys[S]): Val {
    const t = this.tables[id] as TableModel<string>;
    return this.valueAt(id, row, t.col(key));
  }

  /** What the column's standard formula gives at this row; null for input columns. */
  expected<S extends TableSheetId>(id: S, row: number, key: SheetKeys[S]): Val {
    const t = this.tables[id] as TableModel<string>;
    const col = t.col(key);
    return t.layout.columns[col]!.role === "computed" ? this.twinAt(id, row, col) : null;
  }

  status<S extends TableSheetId>(id: S, row: number, key: SheetKeys[S]): FormulaStatus {
    const t = this.tables[id] as TableModel<string>;
    return t.status(row, t.col(key));
  }

  valueAt(id: TableSheetId, row: number, col: number): Val {
    const state = this.state[id];
    const t = state.table;
    // an input is read from its cell: no cheaper from the memo, and kept there it was a store per cell
    if (t.computedAt[col] === undefined) return inputValue(t.snap(row, col));
    const hit = state.values.get(row, col);
    if (hit !== undefined) return hit;
    const snap = t.snap(row, col);
    let v: Val;
    switch (t.status(row, col)) {
      case "standard":
        v = this.twinAt(id, row, col);
        break;
      case "input":
        v = inputValue(snap);
        break;
      case "constant":
      case "blank":
        v = valOf(snap.value);
        break;
      case "edited":
        v = snap.value === null ? UNKNOWN : valOf(snap.value);
        break;
    }
    state.values.set(row, col, v);
    return v;
  }

  twinAt(id: TableSheetId, row: number, col: number): Val {
    const state = this.state[id];
    const hit = state.twins.get(row, col);
    // the standard sheets have no cycles; the mark keeps a malformed workbook from recursing forever
    if (hit === COMPUTING) return xlError("#REF!");
    if (hit !== undefined) return hit;
    const computed = state.table.computedAt[col];
    if (!computed) return null;
    state.twins.set(row, col, COMPUTING);
    let v: Val;
    try {
      v = computed.twin(this.twinContext(state, id, row));
    } catch (e) {
      state.twins.set(row, col, undefined);
      throw e;
    }
    state.twins.set(row, col, v);
    return v;
  }

  private twinContext(state: TableValues, id: TableSheetId, row: number): TwinContext<string> {
    let ctx = state.contexts[row];
    if (!ctx) {
      ctx = new RowTwinContext(this, id, state.table, row);
      state.contexts[row] = ctx;
    }
    return ctx;
  }

  /** What amountByKode gives for a kode over one Realisasi Anggaran column (pagu, a TW's realisasi). */
  amountFor(kode: Val, valueKey: SheetKeys["realisasi"]): Val {
    return this.amounts(valueKey).amount(kode);
  }

  /**
   * What amountByStructure gives for a row with this ID and kode: by kode, or the sum of the rows under
   * it by Induk (see formulas.ts). The report prints the same amounts the sheets show.
   */
  amountByStructure(id: Val, kode: Val, valueKey: SheetKeys["realisasi"]): Val {
    if (isXlError(kode)) return kode;
    if (!isBlankish(kode)) return this.amountFor(kode, valueKey);
    const pk = this.tables.pk;
    if (!pk.present) return isXlError(id) ? id : isBlankish(id) ? "" : xlError("#REF!");
    let index = this.structureIndex.get(valueKey);
    if (!index) {
      const rows = [];
      const [idCol, kodeCol, indukCol] = [pk.col("id"), pk.col("kode"), pk.col("induk")];
      for (let r = pk.firstRow; r < pk.endRow; r++) {
        rows.push({ id: this.valueAt("pk", r, idCol), kode: this.valueAt("pk", r, kodeCol), induk: this.valueAt("pk", r, indukCol), inRange: r < ARRAY_LAST_ROW.pk });
      }
      const bounded = this.amounts(valueKey, true);
      index = new StructureIndex(rows, (k) => bounded.amount(k));
      this.structureIndex.set(valueKey, index);
    }
    return index.amount(id);
  }

  private readonly structureIndex = new Map<string, StructureIndex>();

  /**
   * The AmountIndex of a Realisasi Anggaran column, over all its rows or, `bounded`, over its rows up to
   * ARRAY_LAST_ROW (the ranges the structural amount scans).
   */
  private amounts(valueKey: SheetKeys["realisasi"], bounded = false): AmountIndex {
    // asked for once per row of three money columns: no key built per call
    const cache = bounded ? this.boundedAmountIndex : this.amountIndex;
    const lastRow = bounded ? ARRAY_LAST_ROW.realisasi : Infinity;
    let index = cache.get(valueKey);
    if (!index) {
      const ra = this.tables.realisasi;
      const kode = ra.col("kode");
      const level = ra.col("level");
      const value = ra.col(valueKey);
      const rows: { kode: Val; level: Val; value: Val }[] = [];
      for (const r of ra.rows()) if (r < lastRow) rows.push({ kode: this.valueAt("realisasi", r, kode), level: this.valueAt("realisasi", r, level), value: this.valueAt("realisasi", r, value) });
      index = new AmountIndex(rows);
      cache.set(valueKey, index);
    }
    return index;
  }


  // ------------------------------------------------------------------ settings

  /** The cell of a Pengaturan field, or null when the workbook has no Pengaturan sheet. */
  settingCell(name: SettingName): SettingCell | null {
    if (!this.pengaturan) return null;
    const i = PENGATURAN.fields.findIndex((f) => f.key === name);
    if (i < 0) return null;
    const row = FORM_FIRST_FIELD_ROW + i;
    return { at: { sheet: this.pengaturan.name, row, col: 1 }, snap: this.pengaturan.cells[row]?.[1] ?? EMPTY_CELL };
  }

  /** A setting as the defined name gives it to formulas: #NAME? without the Pengaturan sheet. */
  setting(name: SettingName): Val {
    const hit = this.settingMemo.get(name);
    if (hit !== undefined) return hit;
    const cell = this.settingCell(name);
    let v: Val;
    if (!cell) v = xlError("#NAME?");
    else {
      const field = PENGATURAN.fields.find((f) => f.key === name)!;
      if (field.formula && cell.snap.formula !== null && sameFormula(cell.snap.formula, field.formula)) v = twField(name, (n) => this.setting(n));
      else if (cell.snap.formula !== null) v = cell.snap.value === null ? UNKNOWN : valOf(cell.snap.value);
      else v = valOf(cell.snap.value);
    }
    this.settingMemo.set(name, v);
    return v;
  }

  /** The predikat formula's twin on the workbook's Referensi tables. */
  predikat(c: Val): Val {
    if (isXlError(c)) return c;
    if (isBlankish(c)) return "";
    const skala = this.setting("skala");
    if (isXlError(skala)) return skala;
    const name = typeof skala === "string" ? skala.toLowerCase() : "";
    const block = this.scaleBlock(SCALE_BLOCK[name] ?? 0);
    if (!block) return xlError("#NAME?");
    const x = toNumber(c);
    if (isXlError(x)) return x;
    const r = roundHalfUp(x, CLASSIFY_DECIMALS);
    let below = 0;
    for (const l of block.lowers) if (typeof l === "number" && (block.inclusive ? l <= r : l < r)) below++;
    const label = block.labels[below];
    // INDEX of an empty cell shows 0
    return label === undefined ? xlError("#REF!") : label === null ? 0 : label;
  }

  private scaleBlock(i: number): ScaleBlockData | null {
    if (!this.scaleBlocks) {
      const ref = this.referensi;
      const { starts } = blockRows(REFERENSI);
      this.scaleBlocks = (REFERENSI.blocks ?? []).map((b, k) => {
        if (!ref) return null;
        const first = starts[k]! + 2;
        const names = b.names;
        const lowerName = names.find((n) => n.name.endsWith("_BAWAH"))!;
        const labelName = names.find((n) => n.name.endsWith("_PREDIKAT"))!;
        const read = (n: typeof lowerName): Val[] => Array.from({ length: n.rows }, (_, j) => valOf(ref.cells[first + n.row + j]?.[n.col]?.value ?? null));
        // the kustom block is read with the kecamatan rule: lower bounds exclusive
        return { lowers: read(lowerName), labels: read(labelName), inclusive: k === 1 };
      });
    }
    return this.scaleBlocks[i] ?? null;
  }

  // ------------------------------------------------------------------ addresses

  /** "Capaian!M7"-style text of a table cell. */
  addressOf<S extends TableSheetId>(id: S, row: number, key: SheetKeys[S]): string {
    const t = this.tables[id] as TableModel<string>;
    return sheetRef(t.sheet, a1(row, t.col(key)));
  }
}

/** The twin of a computed Pengaturan field (SAKIP_TW from the periode). */
function twField(name: SettingName, setting: (n: SettingName) => Val): Val {
  if (name !== "tw") return null;
  const p = setting("periode");
  if (isXlError(p)) return p;
  const s = typeof p === "string" ? p.toLowerCase() : null;
  return s === "tw i" ? 1 : s === "tw ii" ? 2 : s === "tw iii" ? 3 : 4;
}
