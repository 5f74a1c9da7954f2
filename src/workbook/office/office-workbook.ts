/**
 * WorkbookPort over Office.js (live Excel). The only module of the project that touches the `Excel`
 * global — and only in the default `run`, so tests inject a fake `Excel.run` and run in node.
 *
 * Round trips. One `Excel.run` per port call; everything a step needs is queued, then sent with one
 * `context.sync()`; never a sync per row or per cell.
 *   read(ranges)  1 sync per ≈3 MB of response (reading.ts: row pieces, each range's bytes per row
 *                 learnt as it is read, a refused response read again in halves); 2 more if a named
 *                 sheet is missing (getItem fails with ItemNotFound, then the sheet list is read and
 *                 the existing sheets are read again)
 *   sheets()      2 syncs: the sheet list, then every used range. One sync would need calls on the
 *                 null object past the last sheet (getNextOrNullObject chains), an unconfirmed
 *                 behaviour; two certain round trips are cheaper than a wrong one.
 *   names(), select(), selectedRange()  1 sync each
 *   apply(ops)    1 inspection sync (+ snapshot syncs only for large overwrites of existing cells,
 *                 or for few cells holding more than one response may: the inspection is refused,
 *                 made again without them, and they are read in pieces), the write batches,
 *                 1 closing sync (events back on, recalculation).
 *
 * Batches. Writes are cut into row chunks (same column count each) so that every sync stays under a
 * byte budget (estimated request JSON, default 1.5 MB; Excel on the web refuses 5 MB) and a row cap
 * (default 5,000). Small operations share batches. Each write batch starts with
 * application.suspendApiCalculationUntilNextSync(); events are off (runtime.enableEvents = false)
 * from the first write batch until the closing sync, which restores them and recalculates (the API
 * makes recalculation after suspended calculation the caller's job).
 *
 * Text. See cell-text.ts: blocks are written through Range.formulas, literal strings that Excel would
 * parse get the apostrophe text prefix (always for = + - @ ', and for number-, date- or boolean-looking
 * text in cells not formatted "@"). The cell's format is known from the batch's own format operations
 * and from the rollback snapshot, so codes in "@" columns are written bare.
 *
 * All or nothing. checkOps runs twice: first locally with the sheets the batch presumes (every rule
 * that needs no workbook: zero Excel calls when it fails), then against the real sheet list from the
 * inspection sync, before anything is written. Host failures mid-way are undone from a snapshot taken
 * in the inspection sync (or in extra read syncs for overwrites larger than `maxSnapshotCells`):
 *   restored exactly: values and formulas of every cell the batch writes or clears on sheets that
 *     existed, their number formats, cells outside the former used range (cleared completely), sheets
 *     the batch added (deleted), defined names (removed or given back their formula), charts the
 *     batch drew on sheets that existed (deleted: found by Chart.id against the inspection's list);
 *   not restored (best effort only): fonts, fills, borders, alignment, wrap, column widths, freeze
 *     panes, data validation, merges and page setup applied to sheets that existed, and
 *     column-level formats on cells outside the former used range, and charts deleteCharts removed. Spilled dynamic-array cells come
 *     back as constants, and cells holding a constant error value (#N/A) come back as that text.
 *
 * Requirement sets (ExcelApi): getRangeByIndexes 1.3; getUsedRangeOrNullObject, names.add,
 * NamedItem.delete 1.4; suspendApiCalculationUntilNextSync 1.6; freezePanes, NamedItem.formula 1.7;
 * dataValidation, runtime.enableEvents 1.8 (required: checked before every call); pageLayout
 * orientation/zoom/setPrintTitleRows/setPrintArea and horizontalPageBreaks 1.9 (optional: page setup
 * is skipped without it); Excel.run
 * option delayForCellEdit 1.11 (used when available, so a user typing in a cell delays the batch
 * instead of failing it); charts: Chart.id and ChartSeries add/setValues/setXAxisValues/chartType/
 * hasDataLabels 1.7, ChartAxis.numberFormat 1.8. Everything else used is ExcelApi 1.1-1.2.
 *
 * Charts. A `chart` op is queued with the other small operations of its batch (charts.add, the series,
 * title, axis, position: no sync of its own); deleteCharts deletes the charts the inspection sync
 * loaded for that sheet, plus any the batch drew there before it.
 */
import {
  checkOps,
  WorkbookRuleError,
  type Address,
  type ApplyOptions,
  type ApplyReport,
  type CellSnapshot,
  type CellStyle,
  type RangeRef,
  type ReadOptions,
  type ReadRange,
  type SheetChart,
  type SheetInfo,
  type ValidationRule,
  type WorkbookOp,
  type WorkbookPort,
} from "../port";
import { BatchPlanner, CALL_BYTES, jsonBytes, type Batch, type BatchLimits } from "./batching";
import { decodeCell, encodeCell, encodeSnapshot, GENERAL_FORMAT, TEXT_FORMAT, type HostInput } from "./cell-text";
import { cellCount, contains, intersect, overlaps, subtract, type Rect } from "../../core/address";
import { FIRST_GUESS_CELL_BYTES, readInPieces, responseBytes, RowTooLargeError, type PieceHost, type ReadLimits, type ReadTarget } from "./reading";

/** The shape of `Excel.run` the adapter needs (tests pass a fake). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** Default: the real `Excel.run` (looked up when first called, never in the constructor). */
  run?: ExcelRun;
  /** Estimated request bytes per sync. Default 1,500,000 — well under Excel on the web's 5 MB. */
  maxBatchBytes?: number;
  /** Rows of values/formulas per sync (number-format arrays are bounded by bytes only). Default 5,000. */
  maxBatchRows?: number;
  /**
   * Cells of the rollback snapshot read in the inspection sync, and at most per snapshot sync after
   * it. Default 20,000 (≈1 MB of response for short cells; long formulas are read in fewer per sync).
   */
  maxSnapshotCells?: number;
  /**
   * Estimated response bytes per read sync. Default 3,000,000: Excel on the web refuses 5 MB, and the
   * estimate of a piece is learnt from the pieces before it.
   */
  maxReadBytes?: number;
  /** Requirement-set probe. Default: Office.context.requirements.isSetSupported when Office is loaded. */
  isSetSupported?: (name: string, version: string) => boolean;
}

export const DEFAULT_MAX_BATCH_BYTES = 1_500_000;
export const DEFAULT_MAX_BATCH_ROWS = 5_000;
export const DEFAULT_MAX_SNAPSHOT_CELLS = 20_000;
export const DEFAULT_MAX_READ_BYTES = 3_000_000;
/** Excel on the web's limit on a response (and a request). */
const WEB_RESPONSE_LIMIT = 5 * 1024 * 1024;
/** Cells per read sync whatever their size (Excel gives nothing back past 5 million). */
const MAX_READ_CELLS = 250_000;

const REQUIRED_API = "1.8";
const PAGE_LAYOUT_API = "1.9";
const DELAY_FOR_CELL_EDIT_API = "1.11";

const READ_PROPS = ["values", "formulas", "numberFormat"];
/** a range read without its formulas (ReadRange) */
const VALUE_PROPS = ["values", "numberFormat"];
const EXTENT_PROPS = ["rowIndex", "rowCount", "columnIndex", "columnCount"];

/**
 * Column width in characters (the port's and the xlsx unit: widths of "0" in the default font) to
 * points (what Range.format.columnWidth takes). Excel's rule: pixels = chars × 7 + 5 for Calibri 11
 * (7 px per "0" plus 5 px padding), and 1 px = 0.75 pt at 96 dpi; so points = 5.25 × chars + 3.75.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A host failure, rethrown with what the adapter was doing; `cause` is Excel's own error. */
export class OfficeWorkbookError extends Error {
  override readonly name = "OfficeWorkbookError";
  /** Excel's error code (RichApi.Error code), when the cause has one. */
  readonly code: string | undefined;
  /**
   * For apply(): true when the workbook is as it was before the call (the failure came before any
   * write, or every write was undone); false when it may be partly or wholly changed.
   */
  readonly restored: boolean | undefined;
  /** For apply(): a second failure while undoing or while switching events back on, if any. */
  readonly rollbackError: unknown;

  constructor(message: string, options: { cause?: unknown; restored?: boolean; rollbackError?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = errorCode(options.cause);
    this.restored = options.restored;
    this.rollbackError = options.rollbackError;
  }
}

function errorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null || !("code" in e)) return undefined;
  const code = (e as { code: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function hostMessage(e: unknown): string {
  const code = errorCode(e);
  const message = e instanceof Error ? e.message : String(e);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

const isItemNotFound = (e: unknown): boolean => errorCode(e) === "ItemNotFound";

/** Excel refused a sync for the size of its response (its code; its message, should a host give another code). */
const isResponseTooLarge = (e: unknown): boolean =>
  errorCode(e) === "ResponsePayloadSizeLimitExceeded" || (e instanceof Error && /response payload size/i.test(e.message));

function officeIsSetSupported(name: string, version: string): boolean {
  // Office is a global only inside an Office host; elsewhere whoever injected `run` vouches for it
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(name, version);
}

const lower = (s: string) => s.toLowerCase();

function opSheet(op: WorkbookOp): string | null {
  switch (op.type) {
    case "addSheet":
    case "write":
    case "columnWidths":
    case "rowHeights":
    case "freeze":
    case "pageSetup":
    case "chart":
    case "deleteCharts":
      return op.sheet;
    case "format":
    case "validation":
    case "merge":
    case "clear":
      return op.range.sheet;
    case "defineName":
      return null;
  }
}

/** Sheets the batch uses before (or without) adding them: the ones it expects to exist. */
function presumedSheets(ops: readonly WorkbookOp[]): string[] {
  const added = new Set<string>();
  const presumed = new Map<string, string>();
  for (const op of ops) {
    const sheet = opSheet(op);
    if (sheet === null) continue;
    if (op.type === "addSheet") added.add(lower(sheet));
    else if (!added.has(lower(sheet)) && !presumed.has(lower(sheet))) presumed.set(lower(sheet), sheet);
  }
  return [...presumed.values()];
}

function unitsOf(op: WorkbookOp): number {
  return op.type === "write" ? op.cells.length * (op.cells[0]?.length ?? 0) : 1;
}

function writeRect(op: Extract<WorkbookOp, { type: "write" }>): Rect {
  return { row: op.row, col: op.col, rows: op.cells.length, cols: op.cells[0]?.length ?? 0 };
}

function emptyBlock(r: RangeRef): CellSnapshot[][] {
  return Array.from({ length: Math.max(0, r.rows) }, () =>
    Array.from({ length: Math.max(0, r.cols) }, () => ({ value: null, formula: null, numberFormat: GENERAL_FORMAT })),
  );
}

/**
 * Loaded values/formulas/numberFormat of a range as snapshots (`withFormulas` false: formulas were not
 * loaded, every formula is null); refuses what is not the asked shape.
 */
function decodeRange(r: Rect, range: Excel.Range, sheet: string, withFormulas = true): CellSnapshot[][] {
  const { values, numberFormat } = range;
  const formulas = withFormulas ? range.formulas : null;
  const shaped = (a: unknown): a is unknown[][] =>
    Array.isArray(a) && a.length === r.rows && a.every((row) => Array.isArray(row) && row.length === r.cols);
  if (!shaped(values) || (formulas !== null && !shaped(formulas)) || !shaped(numberFormat)) {
    // Excel returns null instead of throwing past 5 million cells
    throw new OfficeWorkbookError(`Excel tidak mengembalikan isi rentang ${sheet} (${r.rows}×${r.cols}); baca dalam blok lebih kecil.`);
  }
  return values.map((row, i) => row.map((v, j) => decodeCell(v, formulas ? formulas[i]![j] : null, numberFormat[i]![j])));
}

/** Row pieces of ranges read through Office.js (reading.ts): values, formulas (unless not wanted) and number formats. */
function rangeReader(worksheet: (name: string) => Excel.Worksheet, sync: () => Promise<void>): PieceHost<Excel.Range> {
  return {
    load: (p) => worksheet(p.sheet).getRangeByIndexes(p.rect.row, p.rect.col, p.rect.rows, p.rect.cols).load(p.formulas === false ? VALUE_PROPS : READ_PROPS),
    sync,
    decode: (p, range) => {
      const withFormulas = p.formulas !== false;
      const bytes = withFormulas ? responseBytes(range.values, range.formulas, range.numberFormat) : responseBytes(range.values, range.numberFormat);
      return { cells: decodeRange(p.rect, range, p.sheet, withFormulas), bytes };
    },
    tooLarge: isResponseTooLarge,
  };
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
/** Any number: Excel's decimal rule always has bounds. */
const ANY_NUMBER = 9.99e307;
const VALIDATION_TITLE = "Isian tidak valid";

type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/** Outline plus inner lines; inner edges only where the block has more than one row/column. */
function borderEdges(r: Rect): BorderEdge[] {
  const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (r.rows > 1) edges.push("InsideHorizontal");
  if (r.cols > 1) edges.push("InsideVertical");
  return edges;
}

/** Queues a CellStyle on a range: one property set per attribute, three calls per border edge. */
function queueStyle(range: Excel.Range, style: CellStyle, r: Rect): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontal !== undefined) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.border === "thin") {
    for (const edge of borderEdges(r)) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
}

/** API calls queueStyle makes (for the byte estimate). */
function styleCalls(style: CellStyle, r: Rect): number {
  const scalar = [style.bold, style.italic, style.wrap, style.horizontal, style.vertical, style.fill, style.fontColor].filter((v) => v !== undefined).length;
  return scalar + (style.border === "thin" ? borderEdges(r).length * 3 : 0);
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  if (rule.type === "list") {
    // literal choices are one comma-separated string for Excel (a choice containing "," splits)
    const source = "formula" in rule.source ? rule.source.formula : rule.source.join(",");
    return { list: { inCellDropDown: true, source } };
  }
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) return { decimal: { operator: "Between", formula1: min, formula2: max } };
  if (min !== undefined) return { decimal: { operator: "GreaterThanOrEqualTo", formula1: min } };
  if (max !== undefined) return { decimal: { operator: "LessThanOrEqualTo", formula1: max } };
  return { decimal: { operator: "Between", formula1: -ANY_NUMBER, formula2: ANY_NUMBER } };
}

interface Settings {
  limits: BatchLimits;
  maxSnapshotCells: number;
  readLimits: ReadLimits;
  supports: (name: string, version: string) => boolean;
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly settings: Settings;

  constructor(options: OfficeWorkbookOptions = {}) {
    const positive = (v: number | undefined, fallback: number, what: string): number => {
      if (v === undefined) return fallback;
      if (!Number.isFinite(v) || v < 1) throw new RangeError(`${what} harus angka positif (${v}).`);
      return Math.floor(v);
    };
    const supports = options.isSetSupported ?? officeIsSetSupported;
    this.settings = {
      limits: {
        maxBatchBytes: positive(options.maxBatchBytes, DEFAULT_MAX_BATCH_BYTES, "maxBatchBytes"),
        maxBatchRows: positive(options.maxBatchRows, DEFAULT_MAX_BATCH_ROWS, "maxBatchRows"),
      },
      maxSnapshotCells: positive(options.maxSnapshotCells, DEFAULT_MAX_SNAPSHOT_CELLS, "maxSnapshotCells"),
      readLimits: { maxBytes: positive(options.maxReadBytes, DEFAULT_MAX_READ_BYTES, "maxReadBytes"), maxCells: MAX_READ_CELLS },
      supports,
    };
    this.run =
      options.run ??
      ((batch) => (supports("ExcelApi", DELAY_FOR_CELL_EDIT_API) ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch)));
  }

  /** One Excel.run; host errors come back wrapped with what was being done (never swallowed). */
  private async call<T>(action: string, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!this.settings.supports("ExcelApi", REQUIRED_API)) {
      throw new OfficeWorkbookError(
        `Versi Excel ini belum mendukung ExcelApi ${REQUIRED_API}; gunakan Excel 2019 atau lebih baru, Microsoft 365, atau Excel di web.`,
      );
    }
    try {
      return await this.run(batch);
    } catch (e) {
      if (e instanceof WorkbookRuleError || e instanceof OfficeWorkbookError) throw e;
      // reading in pieces says itself what was too large, in Indonesian
      if (e instanceof RowTooLargeError) throw new OfficeWorkbookError(e.message, { cause: e.cause });
      throw new OfficeWorkbookError(`Excel gagal ${action}: ${hostMessage(e)}`, { cause: e });
    }
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.call("membaca daftar lembar", async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      await ctx.sync();
      const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load(EXTENT_PROPS));
      await ctx.sync();
      return sheets.items.map((s, i) => {
        const u = used[i]!;
        return u.isNullObject
          ? { name: s.name, usedRows: 0, usedCols: 0 }
          : { name: s.name, usedRows: u.rowIndex + u.rowCount, usedCols: u.columnIndex + u.columnCount };
      });
    });
  }

  async read(ranges: readonly ReadRange[], options: ReadOptions = {}): Promise<CellSnapshot[][][]> {
    if (ranges.length === 0) return [];
    return this.call("membaca rentang", async (ctx) => {
      const readPresent = (exists: (sheet: string) => boolean): Promise<CellSnapshot[][][]> => {
        // a failed sync leaves its proxies unusable: every attempt gets worksheets of its own
        const sheets = new Map<string, Excel.Worksheet>();
        const worksheet = (name: string): Excel.Worksheet => {
          let ws = sheets.get(lower(name));
          if (!ws) sheets.set(lower(name), (ws = ctx.workbook.worksheets.getItem(name)));
          return ws;
        };
        const targets: ReadTarget[] = ranges.map((r) => ({ sheet: r.sheet, rect: exists(r.sheet) ? r : { ...r, rows: 0 }, ...(r.formulas === false ? { formulas: false } : {}) }));
        return readInPieces(
          targets,
          rangeReader(worksheet, () => ctx.sync()),
          this.settings.readLimits,
          options.onProgress,
        );
      };
      let blocks: CellSnapshot[][][];
      try {
        blocks = await readPresent(() => true);
      } catch (e) {
        if (!isItemNotFound(e)) throw e;
        // a sheet is missing (getItem fails the whole sync): find which, read the others
        const names = ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
        const present = new Set(names.items.map((s) => lower(s.name)));
        if (ranges.every((r) => present.has(lower(r.sheet)))) throw e;
        blocks = await readPresent((sheet) => present.has(lower(sheet)));
      }
      // a missing sheet's range (read as no rows) and an empty range read as empty cells
      return ranges.map((r, i) => (r.rows > 0 && r.cols > 0 && blocks[i]!.length === r.rows ? blocks[i]! : emptyBlock(r)));
    });
  }

  async names(): Promise<{ name: string; formula: string }[]> {
    return this.call("membaca nama rentang", async (ctx) => {
      const names = ctx.workbook.names.load("items/name,items/formula");
      await ctx.sync();
      return names.items.map((n) => ({ name: n.name, formula: String(n.formula) }));
    });
  }

  async select(at: Address): Promise<void> {
    return this.call("memilih sel", async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(at.sheet);
      ws.activate();
      ws.getRangeByIndexes(at.row, at.col, 1, 1).select();
      try {
        await ctx.sync();
      } catch (e) {
        if (isItemNotFound(e)) throw new OfficeWorkbookError(`Lembar "${at.sheet}" tidak ada.`, { cause: e });
        throw e;
      }
    });
  }

  /**
   * The selection's position and sheet in one sync. Excel refuses getSelectedRange with
   * InvalidSelection when no single block of cells is selected (a chart or picture, or several
   * separate areas); that is "no range selected" here, never an error the user must decode.
   */
  async selectedRange(): Promise<RangeRef | null> {
    return this.call("membaca sel terpilih", async (ctx) => {
      const range = ctx.workbook.getSelectedRange().load(EXTENT_PROPS);
      const sheet = range.worksheet.load("name");
      try {
        await ctx.sync();
      } catch (e) {
        if (errorCode(e) === "InvalidSelection") return null;
        throw e;
      }
      return { sheet: sheet.name, row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
    });
  }

  async apply(ops: readonly WorkbookOp[], options: ApplyOptions = {}): Promise<ApplyReport> {
    // every rule that needs no workbook fails here, before any Excel call
    checkOps(ops, presumedSheets(ops));
    if (ops.length === 0) return { syncs: 0, largestBatchBytes: 0 };
    return this.call("menerapkan perubahan", (ctx) => new ApplyRun(ctx, ops, options, this.settings).execute());
  }
}

/** A cell block as it was before the batch, on a sheet that existed. */
interface SnapshotPiece {
  sheet: string;
  rect: Rect;
  cells: CellSnapshot[][];
}

interface Target {
  sheet: string;
  rect: Rect;
}

/** One apply(): inspection, planning, writing, and undo on failure, inside one Excel.run. */
class ApplyRun {
  private syncs = 0;
  private largestBatchBytes = 0;
  private done = 0;
  private readonly total: number;
  /** Worksheet proxies by lower-case name, reused across the syncs of this run. */
  private readonly proxies = new Map<string, Excel.Worksheet>();
  /** Defined names before the batch, by lower-case name. */
  private readonly namesBefore = new Map<string, { name: string; formula: string }>();
  /** Names the batch defines, lower-case → as written. */
  private readonly touchedNames = new Map<string, string>();
  private readonly addedSheets: string[] = [];
  private snapshot: SnapshotPiece[] = [];
  /** Target cells outside the former used range: blank before, cleared completely on undo. */
  private readonly pristine: Target[] = [];
  private eventsBefore = true;
  private eventsTouched = false;
  private wrote = false;
  /** Charts on sheets that existed, loaded in the inspection sync, by lower-case sheet name. */
  private readonly chartsBefore = new Map<string, Excel.ChartCollection>();
  /** Charts this run added (proxies), by lower-case sheet name: deleteCharts later in the batch takes them too. */
  private readonly chartsAdded = new Map<string, Excel.Chart[]>();
  /** Ids of the charts those sheets had, for undo; and the sheets' names as the batch spells them. */
  private readonly chartIdsBefore = new Map<string, Set<string>>();
  private readonly chartSheetNames = new Map<string, string>();

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly ops: readonly WorkbookOp[],
    private readonly options: ApplyOptions,
    private readonly settings: Settings,
  ) {
    this.total = ops.reduce((n, op) => n + unitsOf(op), 0);
  }

  private async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }

  private progress(): void {
    this.options.onProgress?.(this.done, this.total);
  }

  private sheet(name: string): Excel.Worksheet {
    let ws = this.proxies.get(lower(name));
    if (!ws) this.proxies.set(lower(name), (ws = this.ctx.workbook.worksheets.getItem(name)));
    return ws;
  }

  async execute(): Promise<ApplyReport> {
    let batches: Batch<Excel.RequestContext>[];
    try {
      await this.inspect();
      batches = this.plan();
    } catch (e) {
      if (e instanceof WorkbookRuleError || e instanceof OfficeWorkbookError) throw e;
      throw new OfficeWorkbookError(`Excel gagal membaca buku kerja sebelum menerapkan perubahan (${hostMessage(e)}); belum ada yang ditulis.`, {
        cause: e,
        restored: true,
      });
    }
    let failure: { error: OfficeWorkbookError } | null = null;
    try {
      await this.write(batches);
    } catch (e) {
      failure = { error: await this.rollback(e) };
    } finally {
      await this.restoreHost(failure);
    }
    if (failure) throw failure.error;
    return { syncs: this.syncs, largestBatchBytes: this.largestBatchBytes };
  }

  /** Sheets that existed whose charts the batch adds to or deletes. */
  private chartSheets(): string[] {
    const added = new Set<string>();
    const out = new Map<string, string>();
    for (const op of this.ops) {
      if (op.type === "addSheet") added.add(lower(op.sheet));
      else if ((op.type === "chart" || op.type === "deleteCharts") && !added.has(lower(op.sheet))) out.set(lower(op.sheet), op.sheet);
    }
    return [...out.values()];
  }

  /**
   * One chart as Excel calls, all queued (no sync): clustered columns from the first series' values,
   * the other series added to it, the reference as a line series over them, placed over its anchor.
   */
  private queueChart(sheet: string, c: SheetChart): void {
    const ws = this.sheet(sheet);
    const at = (r: Rect) => ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols);
    const chart = ws.charts.add("ColumnClustered", at(c.series[0]!.values), "Columns");
    const added = this.chartsAdded.get(lower(sheet)) ?? [];
    added.push(chart);
    this.chartsAdded.set(lower(sheet), added);
    chart.title.text = c.title;
    chart.legend.position = "Bottom";
    const axis = chart.axes.valueAxis;
    axis.numberFormat = c.unit === "percent" ? "0%" : "#,##0";
    axis.minimum = 0;
    const categories = at(c.categories);
    c.series.forEach((s, i) => {
      // charts.add made the first series from its source; the others are added to the same chart
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      if (i === 0) series.name = s.name;
      else series.setValues(at(s.values));
      series.setXAxisValues(categories);
      series.hasDataLabels = true;
    });
    if (c.reference) {
      const line = chart.series.add(c.reference.name);
      line.setValues(at(c.reference.values));
      line.setXAxisValues(categories);
      line.chartType = "Line";
    }
    const a = c.anchor;
    chart.setPosition(at({ row: a.row, col: a.col, rows: 1, cols: 1 }), at({ row: a.row + a.rows - 1, col: a.col + a.cols - 1, rows: 1, cols: 1 }));
  }

  /** Cells whose contents or number format the batch changes on sheets that existed. */
  private snapshotTargets(): Target[] {
    const added = new Set<string>();
    const targets: Target[] = [];
    for (const op of this.ops) {
      if (op.type === "addSheet") added.add(lower(op.sheet));
      else if (op.type === "write" && !added.has(lower(op.sheet))) targets.push({ sheet: op.sheet, rect: writeRect(op) });
      else if ((op.type === "clear" || (op.type === "format" && op.numberFormat !== undefined)) && !added.has(lower(op.range.sheet))) {
        targets.push({ sheet: op.range.sheet, rect: op.range });
      }
    }
    return targets;
  }

  /**
   * One sync: the sheet list (for checkOps), defined names, the event state, used ranges of the
   * sheets the batch touches, and — when small enough — the snapshot itself. Few cells may still be
   * more than one response may hold (3,000-character formulas): Excel refuses that sync, and the
   * inspection is made again without them, the snapshot read in pieces after it.
   */
  private async inspect(): Promise<void> {
    const targets = this.snapshotTargets();
    const cells = targets.reduce((n, t) => n + cellCount(t.rect), 0);
    if (cells > this.settings.maxSnapshotCells) return this.inspectWith(targets, false);
    try {
      await this.inspectWith(targets, true);
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      this.proxies.clear();
      this.chartsBefore.clear();
      // those cells hold at least Excel's limit between them: the pieces start from that
      await this.inspectWith(targets, false, Math.max(FIRST_GUESS_CELL_BYTES, WEB_RESPONSE_LIMIT / Math.max(1, cells)));
    }
  }

  /** `guessCellBytes`: what a cell of the snapshot is taken to cost before any is read (reading.ts). */
  private async inspectWith(targets: readonly Target[], direct: boolean, guessCellBytes?: number): Promise<void> {
    const { ctx } = this;
    const sheets = ctx.workbook.worksheets.load("items/name");
    const hasNames = this.ops.some((op) => op.type === "defineName");
    const names = hasNames ? ctx.workbook.names.load("items/name,items/formula") : null;
    ctx.runtime.load("enableEvents");
    const used = new Map<string, Excel.Range>();
    const reads: { target: Target; range: Excel.Range }[] = [];
    for (const t of targets) {
      const ws = this.sheet(t.sheet);
      if (!used.has(lower(t.sheet))) used.set(lower(t.sheet), ws.getUsedRangeOrNullObject(false).load(EXTENT_PROPS));
      if (direct) reads.push({ target: t, range: ws.getRangeByIndexes(t.rect.row, t.rect.col, t.rect.rows, t.rect.cols).load(READ_PROPS) });
    }
    // the charts of existing sheets the batch draws on: deleteCharts needs them, undo compares with them
    for (const sheet of this.chartSheets()) this.chartsBefore.set(lower(sheet), this.sheet(sheet).charts.load("items/id"));
    try {
      await this.sync();
    } catch (e) {
      if (!isItemNotFound(e)) throw e;
      // a sheet the batch presumes is missing: the real sheet list makes checkOps name it
      this.proxies.clear();
      const list = ctx.workbook.worksheets.load("items/name");
      await this.sync();
      checkOps(
        this.ops,
        list.items.map((s) => s.name),
      );
      throw e;
    }
    checkOps(
      this.ops,
      sheets.items.map((s) => s.name),
    );
    for (const n of names?.items ?? []) this.namesBefore.set(lower(n.name), { name: n.name, formula: String(n.formula) });
    for (const sheet of this.chartSheets()) {
      this.chartSheetNames.set(lower(sheet), sheet);
      this.chartIdsBefore.set(lower(sheet), new Set(this.chartsBefore.get(lower(sheet))!.items.map((c) => c.id)));
    }
    this.eventsBefore = ctx.runtime.enableEvents;
    this.progress();

    const usedRect = (sheet: string): Rect | null => {
      const u = used.get(lower(sheet));
      return !u || u.isNullObject ? null : { row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
    };
    for (const t of targets) this.pristine.push(...subtract(t.rect, usedRect(t.sheet)).map((rect) => ({ sheet: t.sheet, rect })));
    if (direct) {
      this.snapshot = reads.map(({ target, range }) => ({ ...target, cells: decodeRange(target.rect, range, target.sheet) }));
    } else {
      const inside = targets.flatMap((t) => {
        const part = intersect(t.rect, usedRect(t.sheet) ?? { row: 0, col: 0, rows: 0, cols: 0 });
        return part ? [{ sheet: t.sheet, rect: part }] : [];
      });
      await this.readSnapshot(inside, guessCellBytes);
    }
  }

  /**
   * Large overwrites: the parts inside the used ranges, read in pieces (reading.ts) of at most
   * maxSnapshotCells cells and a response Excel on the web accepts.
   */
  private async readSnapshot(parts: Target[], guessCellBytes?: number): Promise<void> {
    const { readLimits, maxSnapshotCells } = this.settings;
    const blocks = await readInPieces(
      parts,
      rangeReader((name) => this.sheet(name), () => this.sync()),
      { maxBytes: readLimits.maxBytes, maxCells: Math.min(readLimits.maxCells, maxSnapshotCells) },
      () => this.progress(),
      guessCellBytes,
    );
    parts.forEach((p, i) => this.snapshot.push({ ...p, cells: blocks[i]! }));
  }

  /** Whether a cell of op `index` is text-formatted when the op runs: earlier format ops, else the snapshot. */
  private textCellLookup(index: number, sheet: string, rect: Rect): (row: number, col: number) => boolean {
    const formats: { rect: Rect; text: boolean }[] = [];
    for (let k = index - 1; k >= 0; k--) {
      const op = this.ops[k]!;
      if (op.type === "format" && op.numberFormat !== undefined && lower(op.range.sheet) === lower(sheet) && overlaps(op.range, rect)) {
        formats.push({ rect: op.range, text: op.numberFormat === TEXT_FORMAT });
      }
      // Clear All puts the cells back to General: what they held before says nothing any more
      if (op.type === "clear" && op.what === "all" && lower(op.range.sheet) === lower(sheet) && overlaps(op.range, rect)) formats.push({ rect: op.range, text: false });
    }
    const pieces = this.snapshot.filter((p) => lower(p.sheet) === lower(sheet) && overlaps(p.rect, rect));
    return (row, col) => {
      for (const f of formats) if (contains(f.rect, row, col)) return f.text;
      for (const p of pieces) if (contains(p.rect, row, col)) return p.cells[row - p.rect.row]![col - p.rect.col]!.numberFormat === TEXT_FORMAT;
      return false;
    };
  }

  /** The operations as Excel calls, cut into batches. */
  private plan(): Batch<Excel.RequestContext>[] {
    // every batch also carries suspendApiCalculationUntilNextSync (and the first, enableEvents)
    const planner = new BatchPlanner<Excel.RequestContext>(this.settings.limits, CALL_BYTES * 2);
    const definedNames = new Set(this.namesBefore.keys());
    this.ops.forEach((op, index) => {
      switch (op.type) {
        case "addSheet":
          this.addedSheets.push(op.sheet);
          planner.add({
            bytes: CALL_BYTES + jsonBytes(op.sheet),
            rows: 0,
            units: 1,
            queue: (ctx) => void this.proxies.set(lower(op.sheet), ctx.workbook.worksheets.add(op.sheet)),
          });
          break;
        case "write": {
          const rect = writeRect(op);
          const isText = this.textCellLookup(index, op.sheet, rect);
          planner.addRows<HostInput>({
            rows: rect.rows,
            row: (i) => op.cells[i]!.map((c, j) => encodeCell(c, () => isText(op.row + i, op.col + j))),
            callsPerChunk: 2,
            unitsPerRow: rect.cols,
            queue: (start, rows) => () => {
              this.sheet(op.sheet).getRangeByIndexes(op.row + start, op.col, rows.length, rect.cols).formulas = rows;
            },
          });
          break;
        }
        case "format": {
          const r = op.range;
          const numberFormat = op.numberFormat;
          if (numberFormat !== undefined) {
            const row = Array.from({ length: r.cols }, () => numberFormat);
            planner.addRows<string>({
              rows: r.rows,
              row: () => row,
              callsPerChunk: 2,
              unitsPerRow: 0,
              finalUnits: op.style ? 0 : 1,
              countRows: false,
              queue: (start, rows) => () => {
                this.sheet(r.sheet).getRangeByIndexes(r.row + start, r.col, rows.length, r.cols).numberFormat = rows;
              },
            });
          }
          const style = op.style;
          if (style) {
            planner.add({
              bytes: CALL_BYTES * (2 + styleCalls(style, r)) + jsonBytes(style),
              rows: 0,
              units: 1,
              queue: () => queueStyle(this.sheet(r.sheet).getRangeByIndexes(r.row, r.col, r.rows, r.cols), style, r),
            });
          }
          if (numberFormat === undefined && !style) planner.add({ bytes: 0, rows: 0, units: 1, queue: () => undefined });
          break;
        }
        case "columnWidths":
          planner.add({
            bytes: CALL_BYTES * (1 + 3 * op.widths.length),
            rows: 0,
            units: 1,
            queue: () => {
              const ws = this.sheet(op.sheet);
              for (const w of op.widths) ws.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = columnWidthPoints(w.width);
            },
          });
          break;
        case "rowHeights":
          planner.add({
            bytes: CALL_BYTES * (1 + 3 * op.heights.length),
            rows: 0,
            units: 1,
            queue: () => {
              const ws = this.sheet(op.sheet);
              for (const h of op.heights) ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
            },
          });
          break;
        case "freeze":
          planner.add({
            bytes: CALL_BYTES * 3,
            rows: 0,
            units: 1,
            queue: () => {
              const ws = this.sheet(op.sheet);
              const panes = ws.freezePanes;
              if (op.rows > 0 && op.cols > 0) panes.freezeAt(ws.getRangeByIndexes(0, 0, op.rows, op.cols));
              else if (op.rows > 0) panes.freezeRows(op.rows);
              else if (op.cols > 0) panes.freezeColumns(op.cols);
              else panes.unfreeze();
            },
          });
          break;
        case "validation": {
          const r = op.range;
          const rule = validationRule(op.rule);
          const message = op.rule.message;
          planner.add({
            bytes: CALL_BYTES * 5 + jsonBytes(rule) + jsonBytes(message ?? ""),
            rows: 0,
            units: 1,
            queue: () => {
              const dv = this.sheet(r.sheet).getRangeByIndexes(r.row, r.col, r.rows, r.cols).dataValidation;
              // clear first: a new rule is refused over an existing one of another kind
              dv.clear();
              dv.rule = rule;
              if (message !== undefined) dv.errorAlert = { message, showAlert: true, style: "Stop", title: VALIDATION_TITLE };
            },
          });
          break;
        }
        case "merge": {
          const r = op.range;
          planner.add({
            bytes: CALL_BYTES * 3,
            rows: 0,
            units: 1,
            queue: () => this.sheet(r.sheet).getRangeByIndexes(r.row, r.col, r.rows, r.cols).merge(false),
          });
          break;
        }
        case "defineName": {
          const key = lower(op.name);
          const exists = definedNames.has(key);
          definedNames.add(key);
          this.touchedNames.set(key, op.name);
          planner.add({
            bytes: CALL_BYTES * 2 + jsonBytes(op.name) + jsonBytes(op.formula),
            rows: 0,
            units: 1,
            queue: (ctx) => {
              if (exists) ctx.workbook.names.getItem(op.name).formula = op.formula;
              else ctx.workbook.names.add(op.name, op.formula);
            },
          });
          break;
        }
        case "pageSetup": {
          if (!this.settings.supports("ExcelApi", PAGE_LAYOUT_API)) {
            // printing layout is a nicety: older Excel keeps its defaults
            planner.add({ bytes: 0, rows: 0, units: 1, queue: () => undefined });
            break;
          }
          const { setup } = op;
          planner.add({
            bytes: CALL_BYTES * (6 + (setup.rowBreaks?.length ?? 0)),
            rows: 0,
            units: 1,
            queue: () => {
              const layout = this.sheet(op.sheet).pageLayout;
              layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
              // verticalFitToPages 0 = as many pages tall as needed
              layout.zoom = setup.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
              if (setup.printTitleRows) layout.setPrintTitleRows(`$${setup.printTitleRows[0] + 1}:$${setup.printTitleRows[1] + 1}`);
              const ws = this.sheet(op.sheet);
              if (setup.printArea) layout.setPrintArea(ws.getRangeByIndexes(0, 0, setup.printArea.rows, setup.printArea.cols));
              if (setup.rowBreaks) {
                ws.horizontalPageBreaks.removePageBreaks();
                for (const row of setup.rowBreaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, 0, 1, 1));
              }
            },
          });
          break;
        }
        case "clear": {
          const r = op.range;
          planner.add({
            bytes: CALL_BYTES * 3,
            rows: 0,
            units: 1,
            queue: () => {
              const range = this.sheet(r.sheet).getRangeByIndexes(r.row, r.col, r.rows, r.cols);
              if (op.what !== "all") return range.clear("Contents");
              // Clear All drops values and formats; merges go explicitly so a new layout can merge anew
              range.unmerge();
              range.clear("All");
            },
          });
          break;
        }
        case "chart": {
          const series = op.chart.series.length + (op.chart.reference ? 1 : 0);
          planner.add({
            bytes: CALL_BYTES * (16 + 6 * series) + jsonBytes(op.chart),
            rows: 0,
            units: 1,
            queue: () => this.queueChart(op.sheet, op.chart),
          });
          break;
        }
        case "deleteCharts": {
          const key = lower(op.sheet);
          const before = this.chartsBefore.get(key);
          planner.add({
            bytes: CALL_BYTES * (1 + (before?.items.length ?? 0)),
            rows: 0,
            units: 1,
            queue: () => {
              // the charts the sheet had (once) and any this batch drew on it before now
              for (const chart of [...(this.chartsBefore.get(key)?.items ?? []), ...(this.chartsAdded.get(key) ?? [])]) chart.delete();
              this.chartsBefore.delete(key);
              this.chartsAdded.delete(key);
            },
          });
          break;
        }
      }
    });
    return planner.finish();
  }

  private async write(batches: Batch<Excel.RequestContext>[]): Promise<void> {
    const { ctx } = this;
    for (const batch of batches) {
      if (!this.eventsTouched && this.eventsBefore) {
        // no change handlers (ours or other add-ins') firing per chunk; restored in restoreHost
        ctx.runtime.enableEvents = false;
        this.eventsTouched = true;
      }
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      for (const cmd of batch.commands) cmd.queue(ctx);
      this.largestBatchBytes = Math.max(this.largestBatchBytes, batch.bytes);
      this.wrote = true;
      await this.sync();
      this.done += batch.units;
      this.progress();
    }
  }

  /** Puts back what the snapshot holds; returns the error apply() throws. */
  private async rollback(error: unknown): Promise<OfficeWorkbookError> {
    try {
      await this.undo();
      return new OfficeWorkbookError(`Excel gagal menerapkan perubahan (${hostMessage(error)}); buku kerja dikembalikan seperti semula.`, {
        cause: error,
        restored: true,
      });
    } catch (undoError) {
      return new OfficeWorkbookError(
        `Excel gagal menerapkan perubahan (${hostMessage(error)}) dan gagal mengembalikannya (${hostMessage(undoError)}); periksa buku kerja.`,
        { cause: error, restored: false, rollbackError: undoError },
      );
    }
  }

  private async undo(): Promise<void> {
    const { ctx } = this;
    // proxies queued in the failed batch may point at nothing (a sheet whose add did not run)
    this.proxies.clear();
    const sheets = ctx.workbook.worksheets.load("items/name");
    const names = this.touchedNames.size > 0 ? ctx.workbook.names.load("items/name") : null;
    const chartsNow = [...this.chartIdsBefore.keys()].map((key) => ({ key, charts: ctx.workbook.worksheets.getItem(this.chartSheetNames.get(key)!).charts.load("items/id") }));
    await this.sync();
    const present = new Set(sheets.items.map((s) => lower(s.name)));
    const namesNow = new Set((names?.items ?? []).map((n) => lower(n.name)));

    const planner = new BatchPlanner<Excel.RequestContext>(this.settings.limits, CALL_BYTES);
    // charts the batch drew on sheets that existed go; charts it deleted are not restored
    for (const { key, charts } of chartsNow) {
      for (const chart of charts.items) if (!this.chartIdsBefore.get(key)!.has(chart.id)) planner.add({ bytes: CALL_BYTES * 2, rows: 0, units: 0, queue: () => chart.delete() });
    }
    for (const name of this.addedSheets) {
      if (present.has(lower(name))) planner.add({ bytes: CALL_BYTES * 2, rows: 0, units: 0, queue: (c) => c.workbook.worksheets.getItem(name).delete() });
    }
    for (const [key, name] of this.touchedNames) {
      const before = this.namesBefore.get(key);
      if (before) planner.add({ bytes: CALL_BYTES * 2 + jsonBytes(before), rows: 0, units: 0, queue: (c) => void (c.workbook.names.getItem(before.name).formula = before.formula) });
      else if (namesNow.has(key)) planner.add({ bytes: CALL_BYTES * 2, rows: 0, units: 0, queue: (c) => c.workbook.names.getItem(name).delete() });
    }
    for (const p of this.pristine) {
      planner.add({ bytes: CALL_BYTES * 3, rows: 0, units: 0, queue: () => this.sheet(p.sheet).getRangeByIndexes(p.rect.row, p.rect.col, p.rect.rows, p.rect.cols).clear("All") });
    }
    for (const piece of this.snapshot) {
      const { rect } = piece;
      // number formats first: they decide how the restored constants are read
      planner.addRows<string>({
        rows: rect.rows,
        row: (i) => piece.cells[i]!.map((c) => c.numberFormat),
        callsPerChunk: 2,
        unitsPerRow: 0,
        countRows: false,
        queue: (start, rows) => () => {
          this.sheet(piece.sheet).getRangeByIndexes(rect.row + start, rect.col, rows.length, rect.cols).numberFormat = rows;
        },
      });
      planner.addRows<HostInput>({
        rows: rect.rows,
        row: (i) => piece.cells[i]!.map(encodeSnapshot),
        callsPerChunk: 2,
        unitsPerRow: 0,
        queue: (start, rows) => () => {
          this.sheet(piece.sheet).getRangeByIndexes(rect.row + start, rect.col, rows.length, rect.cols).formulas = rows;
        },
      });
    }
    for (const batch of planner.finish()) {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      for (const cmd of batch.commands) cmd.queue(ctx);
      await this.sync();
    }
  }

  /** The closing sync: events as they were, and the recalculation the suspended syncs left to us. */
  private async restoreHost(failure: { error: OfficeWorkbookError } | null): Promise<void> {
    if (!this.eventsTouched && !this.wrote) return;
    if (this.eventsTouched) this.ctx.runtime.enableEvents = this.eventsBefore;
    this.ctx.workbook.application.calculate("Recalculate");
    try {
      await this.sync();
    } catch (e) {
      const note = `event Excel gagal diaktifkan kembali (${hostMessage(e)}); muat ulang add-in`;
      if (failure) {
        // keep the first failure as the cause; this one is reported alongside it
        failure.error = new OfficeWorkbookError(`${failure.error.message} Selain itu, ${note}.`, {
          cause: failure.error.cause,
          restored: failure.error.restored,
          rollbackError: failure.error.rollbackError ?? e,
        });
        return;
      }
      throw new OfficeWorkbookError(`Perubahan sudah diterapkan, tetapi ${note}.`, { cause: e, restored: false });
    }
  }
}
