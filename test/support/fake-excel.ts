/**
 * A fake `Excel.run` for node tests: the subset of the Excel JavaScript API the office adapter uses,
 * with Excel's queue-then-sync semantics, enforcing the rules that break real add-ins.
 *
 *   const fake = new FakeExcel();
 *   const port = new OfficeWorkbook({ run: fake.excelRun });
 *   await port.apply(ops);
 *   fake.syncs.length; fake.largestRequestBytes; fake.state.cell("Capaian", 4, 2);
 *
 * What it enforces (each a FakeExcelError with Excel's error code):
 *   - PropertyNotLoaded: reading a property before load() + sync() (isNullObject is filled by any sync);
 *     load() without property names is refused too (it would load everything).
 *   - InvalidArgument: a values/formulas/numberFormat array whose shape differs from the range, with
 *     Excel's message; cell text over 32,767 characters; bad sheet or name names; indexes off the sheet.
 *   - Typed-input parsing of strings written through values or formulas: a leading = + - @ makes a
 *     formula (even in "@" cells — whether Excel does that there is unconfirmed, so the fake is strict);
 *     numeric, percent, TRUE/FALSE and date-looking text ("2.20", "5%", "7.01.01" as D.M.YY) becomes
 *     a number or boolean unless the cell is formatted "@" first; a leading apostrophe keeps the rest
 *     literally and never shows in values or formulas. "" empties a cell, null leaves it unchanged.
 *   - Request payload per sync estimated as JSON bytes (64 per call + 32 per object path + the
 *     arguments), over 5 MB → RequestPayloadSizeLimitExceeded (nothing runs); loaded data over 5 MB →
 *     ResponsePayloadSizeLimitExceeded.
 *   - Batches are not transactions: commands before a failing one stay applied, as in Excel.
 *   - ItemNotFound for getItem of a missing sheet/name when the proxy is used; ItemAlreadyExists for
 *     duplicate sheets or names. Calls on the children of a null object fail too (Excel's behaviour
 *     there is unconfirmed, so adapters must not rely on it).
 *   - Proxies die with their Excel.run (InvalidObjectPath afterwards); Excel.run syncs what is still
 *     queued when the batch function returns, and that sync is counted.
 *   - The selection: a new workbook has A1 of its first sheet selected, as in Excel; Range.select()
 *     moves it; deleting its sheet moves it to A1 of the first sheet left. `state.selection = null`
 *     stands for a selection that is no block of cells (a chart, a picture, several areas), where
 *     getSelectedRange fails with InvalidSelection, as Excel does.
 *   - Anything not modelled (unknown load property, clear("Hyperlinks"), merge(true), …) fails loudly.
 * What it records: every sync (request/response bytes, commands, cells written, whether calculation
 * was suspended, the error), the cell store (values, formulas, number formats, apostrophe prefix,
 * styles), column widths, freeze panes, validation, merges, names, page layout, events, selection,
 * recalculations. `failSync` makes a later sync fail part-way, to test rollback.
 * It does not calculate: a formula cell reads back "" from values.
 */
import type { ExcelRun } from "../../src/workbook/office/office-workbook";

// ─── errors ──────────────────────────────────────────────────────────────────────────────────────

export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidSelection"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidObjectPath"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "GeneralException"
  | "NotImplemented";

/** Shaped like OfficeExtension.Error: name "RichApi.Error", a string `code`. */
export class FakeExcelError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: FakeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const SHAPE_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";
const notLoaded = (prop: string) =>
  new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
const invalid = (message: string) => new FakeExcelError("InvalidArgument", message);
const notModelled = (what: string) => new FakeExcelError("NotImplemented", `The fake Excel does not model ${what}.`);

/**
 * Every proxy is sealed once built, so setting a property the fake does not model (or a typo such as
 * format.autoFitColumns) throws instead of silently landing on the JS object.
 */
function sealed<T extends object>(o: T): T {
  return Object.preventExtensions(o);
}

// ─── workbook state ──────────────────────────────────────────────────────────────────────────────

export const FAKE_MAX_ROWS = 1_048_576;
export const FAKE_MAX_COLS = 16_384;
export const FAKE_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_CELL_TEXT = 32_767;
const GENERAL = "General";

export type FakeScalar = string | number | boolean;

export interface FakeRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeBorder {
  style: string;
  weight: string;
}

export interface FakeStyle {
  bold?: boolean;
  italic?: boolean;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  fillColor?: string;
  fontColor?: string;
  borders?: Record<string, FakeBorder>;
}

export interface FakeCell {
  /** Constant value; null for formula and empty cells. */
  value: FakeScalar | null;
  formula: string | null;
  numberFormat: string;
  /** Entered with the apostrophe text prefix. */
  prefixed: boolean;
  style: FakeStyle | null;
}

export interface FakeValidationRule {
  list?: { inCellDropDown: boolean; source: string };
  decimal?: { operator: string; formula1: string | number; formula2?: string | number };
}

export interface FakeErrorAlert {
  message: string;
  showAlert: boolean;
  style: string;
  title: string;
}

export interface FakeValidation {
  rect: FakeRect;
  rule: FakeValidationRule | null;
  errorAlert: FakeErrorAlert | null;
}

export interface FakePageLayout {
  orientation: "Portrait" | "Landscape";
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  printArea?: FakeRect;
}

const rectsOverlap = (a: FakeRect, b: FakeRect) => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

function isDefault(c: FakeCell): boolean {
  return c.value === null && c.formula === null && c.numberFormat === GENERAL && !c.prefixed && c.style === null;
}

export class FakeSheet {
  readonly cells = new Map<number, Map<number, FakeCell>>();
  /** Points, as Range.format.columnWidth sets them. */
  readonly columnWidths = new Map<number, number>();
  /** Points, as Range.format.rowHeight sets them. */
  readonly rowHeights = new Map<number, number>();
  /** Rows a manual page break goes before (horizontalPageBreaks.add). */
  rowBreaks: number[] = [];
  freeze = { rows: 0, cols: 0 };
  validations: FakeValidation[] = [];
  merges: FakeRect[] = [];
  pageLayout: FakePageLayout = { orientation: "Portrait", zoom: { scale: 100 }, printTitleRows: null };

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row)?.get(col);
  }

  /** Changes one cell; cells back at their defaults are dropped so the used range stays exact. */
  update(row: number, col: number, change: (c: FakeCell) => void): void {
    let r = this.cells.get(row);
    const existing = r?.get(col);
    const c = existing ?? { value: null, formula: null, numberFormat: GENERAL, prefixed: false, style: null };
    change(c);
    if (isDefault(c)) {
      if (existing && r) {
        r.delete(col);
        if (r.size === 0) this.cells.delete(row);
      }
      return;
    }
    if (!existing) {
      if (!r) this.cells.set(row, (r = new Map()));
      r.set(col, c);
    }
  }

  forEachIn(rect: FakeRect, change: (c: FakeCell, row: number, col: number) => void): void {
    for (let row = rect.row; row < rect.row + rect.rows; row++) {
      for (let col = rect.col; col < rect.col + rect.cols; col++) this.update(row, col, (c) => change(c, row, col));
    }
  }

  /** Smallest block holding every cell with content (valuesOnly) or with content or format. */
  usedRect(valuesOnly: boolean): FakeRect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [row, cols] of this.cells) {
      for (const [col, c] of cols) {
        if (valuesOnly && c.value === null && c.formula === null) continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

/** What a sheet holds, keyed by A1 address: for equality checks in tests. */
export interface FakeContents {
  sheets: { name: string; cells: Record<string, { value: FakeScalar | null; formula: string | null; numberFormat: string }> }[];
  names: { name: string; formula: string }[];
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  readonly names = new Map<string, { name: string; formula: string }>();
  eventsEnabled = true;
  /** Set by suspendApiCalculationUntilNextSync, cleared at the start of every sync. */
  calculationSuspended = false;
  recalculations = 0;
  /** values/formulas assignments executed while events were on. */
  writesWithEventsEnabled = 0;
  activeSheet: string | null = null;
  /** The selected block; null = something other than one block of cells (see getSelectedRange). */
  selection: ({ sheet: string } & FakeRect) | null = null;
  private nextId = 1;

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  sheetById(id: number): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(this.nextId++, name);
    this.sheets.push(s);
    return s;
  }

  cell(sheet: string, row: number, col: number): FakeCell | undefined {
    return this.sheet(sheet)?.cell(row, col);
  }

  /** Writes constants as stored values (no typed-input parsing): seeding test workbooks. */
  seed(sheet: string, row: number, col: number, rows: readonly (readonly (FakeScalar | null)[])[], numberFormat = GENERAL): void {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    rows.forEach((r, i) =>
      r.forEach((v, j) =>
        s.update(row + i, col + j, (c) => {
          c.value = v;
          c.formula = null;
          c.numberFormat = numberFormat;
        }),
      ),
    );
  }

  contents(): FakeContents {
    return {
      sheets: this.sheets.map((s) => {
        const cells: FakeContents["sheets"][number]["cells"] = {};
        const rows = [...s.cells.keys()].sort((a, b) => a - b);
        for (const row of rows) {
          const cols = s.cells.get(row)!;
          for (const col of [...cols.keys()].sort((a, b) => a - b)) {
            const c = cols.get(col)!;
            cells[`${colLetters(col)}${row + 1}`] = { value: c.value, formula: c.formula, numberFormat: c.numberFormat };
          }
        }
        return { name: s.name, cells };
      }),
      names: [...this.names.values()].map((n) => ({ ...n })),
    };
  }
}

// ─── typed-input parsing (what Excel does with a string written to a cell) ──────────────────────────

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))%$/;
const BOOLEAN = /^(?:TRUE|FALSE)$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** D.M.YY, D/M/YYYY…: several locales read these as dates (so "7.01.01" is not safe as General). */
const DMY_DATE = /^(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4})$/;
const FORMULA_LEAD = /^[=+\-@]/;

function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const t = Date.UTC(year, month - 1, day);
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Applies one input element to a cell the way typing it would. */
function enterInput(c: FakeCell, input: FakeScalar): void {
  c.prefixed = false;
  c.formula = null;
  if (typeof input !== "string") {
    c.value = input;
    return;
  }
  if (input.startsWith("'")) {
    c.value = input.slice(1) === "" ? null : input.slice(1);
    c.prefixed = true;
    return;
  }
  const text = c.numberFormat === "@";
  if (!text && /\d/.test(input) && NUMBER.test(input)) {
    c.value = Number(input.replace(/,/g, ""));
    return;
  }
  if (FORMULA_LEAD.test(input)) {
    c.value = null;
    c.formula = input.startsWith("=") ? input : `=${input}`;
    return;
  }
  if (!text) {
    const pct = PERCENT.exec(input);
    if (pct) {
      c.value = Number(pct[1]) / 100;
      if (c.numberFormat === GENERAL) c.numberFormat = "0%";
      return;
    }
    if (BOOLEAN.test(input)) {
      c.value = input.toUpperCase() === "TRUE";
      return;
    }
    const iso = ISO_DATE.exec(input);
    const dmy = DMY_DATE.exec(input);
    const serial = iso
      ? dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]))
      : dmy
        ? dateSerial(dmy[4]!.length === 2 ? 2000 + Number(dmy[4]) : Number(dmy[4]), Number(dmy[3]), Number(dmy[1]))
        : null;
    if (serial !== null) {
      c.value = serial;
      if (c.numberFormat === GENERAL) c.numberFormat = "yyyy-mm-dd";
      return;
    }
  }
  c.value = input;
}

type InputGrid = (FakeScalar | null)[][];

function checkGrid(input: unknown, rect: FakeRect, what: string): InputGrid {
  if (!Array.isArray(input) || input.length !== rect.rows || !input.every((r) => Array.isArray(r) && r.length === rect.cols)) {
    throw invalid(SHAPE_MESSAGE);
  }
  for (const row of input as unknown[][]) {
    for (const v of row) {
      if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw invalid(`Invalid ${what} element: ${JSON.stringify(v)}.`);
      if (typeof v === "string" && v.length > MAX_CELL_TEXT) throw invalid(`Text longer than ${MAX_CELL_TEXT} characters.`);
      if (typeof v === "number" && !Number.isFinite(v)) throw invalid(`Invalid number ${v}.`);
    }
  }
  return input as InputGrid;
}

// ─── request machinery ───────────────────────────────────────────────────────────────────────────

const CALL_BYTES = 64;
const PATH_BYTES = 32;

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? "null", "utf8");
}

interface LoadResult {
  bytes: number;
  commit: () => void;
}

interface Command {
  label: string;
  bytes: number;
  run: () => LoadResult | void;
}

export interface SyncRecord {
  /** 1-based, over the fake's lifetime. */
  index: number;
  requestBytes: number;
  responseBytes: number;
  commands: number;
  /** Cells assigned through values or formulas. */
  cellsWritten: number;
  calculationSuspended: boolean;
  error: string | null;
}

export interface FakeExcelOptions {
  /** Sheets of the new workbook; default one "Sheet1" (a workbook always has a sheet). */
  sheets?: string[];
  requestLimitBytes?: number;
  responseLimitBytes?: number;
}

interface PlannedFailure {
  at: number;
  afterCommands: number | undefined;
  code: FakeErrorCode;
  message: string;
}

export class FakeExcel {
  readonly state = new FakeWorkbookState();
  readonly syncs: SyncRecord[] = [];
  private readonly requestLimit: number;
  private readonly responseLimit: number;
  private failures: PlannedFailure[] = [];
  /** Cells written by the sync being executed (internal: counted by FakeRange). */
  cellsWrittenNow = 0;

  constructor(options: FakeExcelOptions = {}) {
    for (const name of options.sheets ?? ["Sheet1"]) this.state.addSheet(name);
    const first = this.state.sheets[0];
    if (first) this.state.selection = { sheet: first.name, row: 0, col: 0, rows: 1, cols: 1 };
    this.requestLimit = options.requestLimitBytes ?? FAKE_PAYLOAD_LIMIT;
    this.responseLimit = options.responseLimitBytes ?? FAKE_PAYLOAD_LIMIT;
  }

  get largestRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get largestResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  /**
   * Makes the `at`-th sync from now fail with `code` after running `afterCommands` of its commands
   * (default: half of them — Excel keeps what ran before the failure). Several may be planned.
   */
  failSync(options: { at: number; afterCommands?: number; code?: FakeErrorCode; message?: string }): void {
    this.failures.push({
      at: this.syncs.length + options.at,
      afterCommands: options.afterCommands,
      code: options.code ?? "GeneralException",
      message: options.message ?? "An internal error has occurred (injected by the test).",
    });
  }

  /** Excel.run: one request context; what is still queued when `batch` resolves is synced. */
  readonly run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const ctx = sealed(new FakeRequestContext(this));
    try {
      const result = await batch(ctx);
      if (ctx.pending) await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  };

  /** The fake as the adapter's `run` option: structurally the subset of Excel.RequestContext it uses. */
  get excelRun(): ExcelRun {
    return this.run as unknown as ExcelRun;
  }

  /** Runs one batch of commands (internal: what FakeRequestContext.sync sends). */
  async execute(commands: readonly Command[]): Promise<void> {
    const record: SyncRecord = {
      index: this.syncs.length + 1,
      requestBytes: commands.reduce((n, c) => n + c.bytes, 0),
      responseBytes: 0,
      commands: commands.length,
      cellsWritten: 0,
      calculationSuspended: false,
      error: null,
    };
    this.syncs.push(record);
    this.cellsWrittenNow = 0;
    // a round trip is never synchronous
    await Promise.resolve();
    const fail = (e: FakeExcelError): FakeExcelError => {
      record.error = `${e.code}: ${e.message}`;
      record.calculationSuspended = this.state.calculationSuspended;
      record.cellsWritten = this.cellsWrittenNow;
      return e;
    };
    if (record.requestBytes > this.requestLimit) {
      throw fail(new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`));
    }
    const injected = this.failures.find((f) => f.at === record.index) ?? null;
    this.failures = this.failures.filter((f) => f !== injected);
    const stopAt = injected ? (injected.afterCommands ?? Math.floor(commands.length / 2)) : Infinity;
    this.state.calculationSuspended = false;
    const loads: LoadResult[] = [];
    for (let i = 0; i < commands.length; i++) {
      if (injected && i >= stopAt) throw fail(new FakeExcelError(injected.code, injected.message));
      try {
        const result = commands[i]!.run();
        if (result) loads.push(result);
      } catch (e) {
        if (e instanceof FakeExcelError) throw fail(e);
        throw e;
      }
    }
    if (injected) throw fail(new FakeExcelError(injected.code, injected.message));
    record.calculationSuspended = this.state.calculationSuspended;
    record.cellsWritten = this.cellsWrittenNow;
    record.responseBytes = loads.reduce((n, l) => n + l.bytes, 0);
    if (record.responseBytes > this.responseLimit) {
      throw fail(new FakeExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`));
    }
    for (const l of loads) l.commit();
  }
}

export class FakeRequestContext {
  private queue: Command[] = [];
  private closed = false;
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  readonly application: FakeApplication;

  constructor(readonly excel: FakeExcel) {
    this.workbook = sealed(new FakeWorkbook(this));
    this.runtime = sealed(new FakeRuntime(this));
    this.application = this.workbook.application;
  }

  get state(): FakeWorkbookState {
    return this.excel.state;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(label: string, bytes: number, run: () => LoadResult | void): void {
    if (this.closed) throw new FakeExcelError("InvalidObjectPath", `${label}: the object is used outside its Excel.run.`);
    this.queue.push({ label, bytes, run });
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeExcelError("InvalidObjectPath", "context.sync() outside its Excel.run.");
    const batch = this.queue;
    this.queue = [];
    await this.excel.execute(batch);
  }

  close(): void {
    this.closed = true;
  }
}

// ─── proxies ─────────────────────────────────────────────────────────────────────────────────────

type Origin = "root" | "path" | "response";

/**
 * A proxy: `locate` finds its target when a command runs (null = a null object, or nothing there).
 * Property reads need a completed load; sets and calls are queued.
 */
abstract class FakeProxy<T> {
  private readonly props = new Map<string, unknown>();
  private nullState: boolean | undefined = undefined;

  constructor(
    protected readonly ctx: FakeRequestContext,
    readonly path: string,
    private readonly locate: () => T | null,
    private readonly nullable: boolean,
    origin: Origin,
  ) {
    if (origin === "path") {
      ctx.enqueue(path, PATH_BYTES, () => {
        if (!this.nullable) return { bytes: 0, commit: () => void (this.nullState = false) };
        const isNull = this.locate() === null;
        return { bytes: 8, commit: () => void (this.nullState = isNull) };
      });
    }
    if (origin === "response") this.nullState = false;
  }

  /** The target for a command; a null object or a missing item fails the sync. */
  protected target(): T {
    const t = this.locate();
    if (t === null) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist (${this.path}).`);
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  protected loaded<V>(prop: string, check: (v: unknown) => v is V): V {
    if (this.nullState === true) throw notLoaded(prop);
    if (!this.props.has(prop)) throw notLoaded(prop);
    const v = this.props.get(prop);
    if (!check(v)) throw new TypeError(`fake: ${this.path}.${prop} holds ${JSON.stringify(v)}`);
    return v;
  }

  protected remember(prop: string, value: unknown): void {
    this.props.set(prop, value);
  }

  protected setProp(prop: string, value: unknown, apply: (t: T) => void): void {
    this.props.set(prop, value);
    this.ctx.enqueue(`${this.path}.${prop} =`, CALL_BYTES + jsonBytes(value), () => apply(this.target()));
  }

  protected invoke(method: string, args: unknown[], apply: (t: T) => void): void {
    this.ctx.enqueue(`${this.path}.${method}()`, CALL_BYTES + jsonBytes(args), () => apply(this.target()));
  }

  protected abstract readonly loadable: ReadonlySet<string>;
  protected abstract read(target: T, prop: string): unknown;

  load(props?: string | string[]): this {
    const list = parseLoad(props, this.path);
    for (const p of list) if (!this.loadable.has(p)) throw notModelled(`load("${p}") on ${this.path}`);
    this.ctx.enqueue(`${this.path}.load(${list.join(",")})`, CALL_BYTES + jsonBytes(list), () => {
      const t = this.locate();
      if (t === null) {
        if (!this.nullable) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist (${this.path}).`);
        return { bytes: 8, commit: () => void (this.nullState = true) };
      }
      const values = list.map((p) => [p, this.read(t, p)] as const);
      return {
        bytes: jsonBytes(Object.fromEntries(values)),
        commit: () => {
          this.nullState = false;
          for (const [p, v] of values) this.props.set(p, v);
        },
      };
    });
    return this;
  }
}

function parseLoad(props: string | string[] | undefined, path: string): string[] {
  if (props === undefined) throw notModelled(`load() without property names on ${path} (name what you read)`);
  const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter((p) => p !== "");
  if (list.length === 0) throw notModelled(`an empty load() on ${path}`);
  return list;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isNumber = (v: unknown): v is number => typeof v === "number";
const isBoolean = (v: unknown): v is boolean => typeof v === "boolean";
const isGrid = (v: unknown): v is unknown[][] => Array.isArray(v) && v.every((r) => Array.isArray(r));

/** A collection loaded with "items/x" (or "x"): items are proxies filled from the response. */
abstract class FakeCollection<T, Item> {
  private items_: Item[] | undefined = undefined;

  constructor(
    protected readonly ctx: FakeRequestContext,
    readonly path: string,
  ) {}

  protected abstract readonly itemProps: ReadonlySet<string>;
  protected abstract all(): T[];
  protected abstract item(target: T, loaded: Map<string, unknown>): Item;
  protected abstract read(target: T, prop: string): unknown;

  get items(): Item[] {
    if (this.items_ === undefined) throw notLoaded("items");
    return this.items_;
  }

  load(props?: string | string[]): this {
    const list = parseLoad(props, this.path).map((p) => p.replace(/^items\//, ""));
    for (const p of list) if (!this.itemProps.has(p)) throw notModelled(`load("items/${p}") on ${this.path}`);
    this.ctx.enqueue(`${this.path}.load(${list.join(",")})`, CALL_BYTES + jsonBytes(list), () => {
      const rows = this.all().map((t) => ({ t, values: new Map(list.map((p) => [p, this.read(t, p)] as const)) }));
      return {
        bytes: jsonBytes(rows.map((r) => Object.fromEntries(r.values))),
        commit: () => void (this.items_ = rows.map((r) => this.item(r.t, r.values))),
      };
    });
    return this;
  }
}

// ─── workbook, runtime, application ──────────────────────────────────────────────────────────────

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = sealed(new FakeWorksheetCollection(ctx, "workbook.worksheets"));
    this.names = sealed(new FakeNamedItemCollection(ctx, "workbook.names"));
    this.application = sealed(new FakeApplication(ctx, "workbook.application", () => ctx.state, false, "root"));
  }

  /** The selection as it is when the request runs; not one block of cells → InvalidSelection. */
  getSelectedRange(): FakeRange {
    const state = this.ctx.state;
    return sealed(new FakeRange(
      this.ctx,
      "workbook.getSelectedRange()",
      () => {
        const sel = state.selection;
        if (sel === null) throw new FakeExcelError("InvalidSelection", "The current selection is invalid for this operation.");
        const sheet = state.sheet(sel.sheet);
        return sheet ? { sheet, rect: { row: sel.row, col: sel.col, rows: sel.rows, cols: sel.cols } } : null;
      },
      false,
    ));
  }
}

export class FakeApplication extends FakeProxy<FakeWorkbookState> {
  protected readonly loadable = new Set<string>();
  protected read(): unknown {
    throw notModelled("Application properties");
  }

  suspendApiCalculationUntilNextSync(): void {
    this.invoke("suspendApiCalculationUntilNextSync", [], (s) => void (s.calculationSuspended = true));
  }

  calculate(calculationType: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) throw invalid(`Unknown calculation type ${calculationType}.`);
    this.invoke("calculate", [calculationType], (s) => void s.recalculations++);
  }
}

export class FakeRuntime extends FakeProxy<FakeWorkbookState> {
  protected readonly loadable = new Set(["enableEvents"]);

  constructor(ctx: FakeRequestContext) {
    super(ctx, "runtime", () => ctx.state, false, "root");
  }

  protected read(s: FakeWorkbookState): unknown {
    return s.eventsEnabled;
  }

  get enableEvents(): boolean {
    return this.loaded("enableEvents", isBoolean);
  }

  set enableEvents(v: boolean) {
    if (typeof v !== "boolean") throw invalid("enableEvents must be a boolean.");
    this.setProp("enableEvents", v, (s) => void (s.eventsEnabled = v));
  }
}

// ─── worksheets ──────────────────────────────────────────────────────────────────────────────────

function sheetNameProblem(name: string): string | null {
  if (name.length < 1 || name.length > 31) return "must be 1-31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "contains : \\ / ? * [ or ]";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  return null;
}

export class FakeWorksheetCollection extends FakeCollection<FakeSheet, FakeWorksheet> {
  protected readonly itemProps = new Set(["name"]);

  protected all(): FakeSheet[] {
    return this.ctx.state.sheets;
  }

  protected item(s: FakeSheet, loaded: Map<string, unknown>): FakeWorksheet {
    const ws = sealed(new FakeWorksheet(this.ctx, `worksheets[${s.name}]`, () => this.ctx.state.sheetById(s.id) ?? null, false, "response"));
    ws.fill(loaded);
    return ws;
  }

  protected read(s: FakeSheet, prop: string): unknown {
    if (prop === "name") return s.name;
    throw notModelled(`Worksheet.${prop}`);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.ctx.enqueue(`worksheets.add(${name})`, CALL_BYTES + jsonBytes(name), () => {
      const problem = sheetNameProblem(name);
      if (problem) throw invalid(`The sheet name "${name}" ${problem}.`);
      if (this.ctx.state.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists (${name}).`);
      created = this.ctx.state.addSheet(name);
    });
    return sealed(new FakeWorksheet(this.ctx, `worksheets.add(${name})`, () => (created && this.ctx.state.sheetById(created.id)) ?? null, false, "path"));
  }

  getItem(key: string): FakeWorksheet {
    return sealed(new FakeWorksheet(this.ctx, `worksheets.getItem(${key})`, () => this.ctx.state.sheet(key) ?? null, false, "path"));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return sealed(new FakeWorksheet(this.ctx, `worksheets.getItemOrNullObject(${key})`, () => this.ctx.state.sheet(key) ?? null, true, "path"));
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheet> {
  protected readonly loadable = new Set(["name"]);
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayoutProxy;
  readonly horizontalPageBreaks: FakePageBreaks;

  constructor(ctx: FakeRequestContext, path: string, locate: () => FakeSheet | null, nullable: boolean, origin: Origin) {
    super(ctx, path, locate, nullable, origin);
    this.freezePanes = sealed(new FakeFreezePanes(ctx, `${path}.freezePanes`, () => this.target(), false, "root"));
    this.pageLayout = sealed(new FakePageLayoutProxy(ctx, `${path}.pageLayout`, () => this.target(), false, "root"));
    this.horizontalPageBreaks = sealed(new FakePageBreaks(ctx, `${path}.horizontalPageBreaks`, () => this.target(), false, "root"));
  }

  /** Values that came with a collection load. */
  fill(loaded: Map<string, unknown>): void {
    for (const [k, v] of loaded) this.remember(k, v);
  }

  protected read(s: FakeSheet, prop: string): unknown {
    if (prop === "name") return s.name;
    throw notModelled(`Worksheet.${prop}`);
  }

  get name(): string {
    return this.loaded("name", isString);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    return sealed(new FakeRange(
      this.ctx,
      `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        const sheet = this.target();
        const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1;
        if (!ok || startRow + rowCount > FAKE_MAX_ROWS || startColumn + columnCount > FAKE_MAX_COLS) throw invalid(`The range ${JSON.stringify(rect)} is outside the sheet.`);
        return { sheet, rect };
      },
      false,
    ));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return sealed(new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const sheet = this.target();
        const rect = sheet.usedRect(valuesOnly);
        return rect ? { sheet, rect } : null;
      },
      true,
    ));
  }

  activate(): void {
    this.invoke("activate", [], (s) => void (this.ctx.state.activeSheet = s.name));
  }

  delete(): void {
    this.invoke("delete", [], (s) => {
      const state = this.ctx.state;
      if (state.sheets.length === 1) throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      state.sheets = state.sheets.filter((x) => x !== s);
      // Excel moves the selection to another sheet; A1 of the first one left stands for that
      if (state.selection?.sheet.toLowerCase() === s.name.toLowerCase()) state.selection = { sheet: state.sheets[0]!.name, row: 0, col: 0, rows: 1, cols: 1 };
    });
  }
}

export class FakeFreezePanes extends FakeProxy<FakeSheet> {
  protected readonly loadable = new Set<string>();
  protected read(): unknown {
    throw notModelled("FreezePanes properties");
  }

  private static count(n: number | undefined): number {
    const v = n ?? 1;
    if (!Number.isInteger(v) || v < 0) throw invalid(`Invalid freeze count ${n}.`);
    return v;
  }

  freezeRows(count?: number): void {
    const n = FakeFreezePanes.count(count);
    this.invoke("freezeRows", [n], (s) => void (s.freeze = { rows: n, cols: 0 }));
  }

  freezeColumns(count?: number): void {
    const n = FakeFreezePanes.count(count);
    this.invoke("freezeColumns", [n], (s) => void (s.freeze = { rows: 0, cols: n }));
  }

  freezeAt(frozenRange: FakeRange | string): void {
    if (!(frozenRange instanceof FakeRange)) throw notModelled("freezeAt with an address string");
    this.invoke("freezeAt", [frozenRange.path], (s) => {
      const { sheet, rect } = frozenRange.rangeTarget();
      if (sheet !== s) throw invalid("freezeAt needs a range on the same sheet.");
      s.freeze = { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
    });
  }

  unfreeze(): void {
    this.invoke("unfreeze", [], (s) => void (s.freeze = { rows: 0, cols: 0 }));
  }
}

/** Manual breaks above a range's first row (ExcelApi 1.9). */
export class FakePageBreaks extends FakeProxy<FakeSheet> {
  protected readonly loadable = new Set<string>();
  protected read(): unknown {
    throw notModelled("PageBreakCollection properties");
  }

  add(range: FakeRange): void {
    this.invoke("add", [range.label], (s) => {
      const { sheet, rect } = range.resolve();
      if (sheet !== s) throw invalid("A page break's range must be on its sheet.");
      if (!s.rowBreaks.includes(rect.row)) s.rowBreaks.push(rect.row);
    });
  }

  removePageBreaks(): void {
    this.invoke("removePageBreaks", [], (s) => void (s.rowBreaks = []));
  }
}

export class FakePageLayoutProxy extends FakeProxy<FakeSheet> {
  protected readonly loadable = new Set<string>();
  protected read(): unknown {
    throw notModelled("PageLayout properties");
  }

  set orientation(v: "Portrait" | "Landscape") {
    if (v !== "Portrait" && v !== "Landscape") throw invalid(`Invalid orientation ${String(v)}.`);
    this.setProp("orientation", v, (s) => void (s.pageLayout.orientation = v));
  }

  /** Set as a whole object (PageLayout.zoom cannot be set through navigation). */
  set zoom(v: FakePageLayout["zoom"]) {
    const keys = Object.keys(v);
    const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
    if (keys.some((k) => !["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k))) throw invalid(`Unknown zoom option in ${JSON.stringify(v)}.`);
    if (fit === (v.scale !== undefined)) throw invalid("Zoom takes either a scale or fit-to-pages counts.");
    if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw invalid(`Zoom scale ${v.scale} is outside 10-400.`);
    for (const n of [v.horizontalFitToPages, v.verticalFitToPages]) if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw invalid(`Invalid page count ${n}.`);
    this.setProp("zoom", v, (s) => void (s.pageLayout.zoom = { ...v }));
  }

  setPrintTitleRows(rows: string): void {
    if (typeof rows !== "string" || !/^\$?\d+:\$?\d+$/.test(rows)) throw notModelled(`setPrintTitleRows(${JSON.stringify(rows)}) — only "$1:$4" row references`);
    this.invoke("setPrintTitleRows", [rows], (s) => void (s.pageLayout.printTitleRows = rows));
  }

  setPrintArea(range: FakeRange): void {
    this.invoke("setPrintArea", [range.label], (s) => {
      const { sheet, rect } = range.resolve();
      if (sheet !== s) throw invalid("The print area must be on its sheet.");
      s.pageLayout.printArea = { ...rect };
    });
  }
}

// ─── ranges ──────────────────────────────────────────────────────────────────────────────────────

interface RangeTarget {
  sheet: FakeSheet;
  rect: FakeRect;
}

const RANGE_PROPS = new Set(["values", "formulas", "numberFormat", "rowIndex", "rowCount", "columnIndex", "columnCount"]);

export class FakeRange extends FakeProxy<RangeTarget> {
  protected readonly loadable = RANGE_PROPS;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;

  constructor(ctx: FakeRequestContext, path: string, locate: () => RangeTarget | null, nullable: boolean) {
    super(ctx, path, locate, nullable, "path");
    this.format = sealed(new FakeRangeFormat(ctx, `${path}.format`, () => this.target(), false, "root"));
    this.dataValidation = sealed(new FakeDataValidation(ctx, `${path}.dataValidation`, () => this.target(), false, "root"));
  }

  rangeTarget(): RangeTarget {
    return this.target();
  }

  /** Navigation: the range's sheet (a new proxy on each access, as in Office.js). */
  get worksheet(): FakeWorksheet {
    return sealed(new FakeWorksheet(this.ctx, `${this.path}.worksheet`, () => this.target().sheet, false, "root"));
  }

  protected read({ sheet, rect }: RangeTarget, prop: string): unknown {
    const grid = (cell: (c: FakeCell | undefined) => unknown) =>
      Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.cols }, (_, j) => cell(sheet.cell(rect.row + i, rect.col + j))));
    switch (prop) {
      case "values":
        return grid((c) => (c?.formula ? "" : (c?.value ?? "")));
      case "formulas":
        // a prefixed text reads without its apostrophe here too (as Range.Formula in VBA)
        return grid((c) => c?.formula ?? c?.value ?? "");
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? GENERAL);
      case "rowIndex":
        return rect.row;
      case "rowCount":
        return rect.rows;
      case "columnIndex":
        return rect.col;
      case "columnCount":
        return rect.cols;
    }
    throw notModelled(`Range.${prop}`);
  }

  get values(): unknown[][] {
    return this.loaded("values", isGrid);
  }
  set values(v: unknown[][]) {
    this.setCells("values", v);
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas", isGrid);
  }
  set formulas(v: unknown[][]) {
    this.setCells("formulas", v);
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat", isGrid);
  }
  set numberFormat(v: unknown[][]) {
    this.setProp("numberFormat", v, ({ sheet, rect }) => {
      const grid = checkGrid(v, rect, "numberFormat");
      grid.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null) return;
          if (typeof f !== "string" || f === "") throw invalid(`Invalid number format ${JSON.stringify(f)}.`);
          sheet.update(rect.row + i, rect.col + j, (c) => void (c.numberFormat = f));
        }),
      );
    });
  }
  get rowIndex(): number {
    return this.loaded("rowIndex", isNumber);
  }
  get rowCount(): number {
    return this.loaded("rowCount", isNumber);
  }
  get columnIndex(): number {
    return this.loaded("columnIndex", isNumber);
  }
  get columnCount(): number {
    return this.loaded("columnCount", isNumber);
  }

  private setCells(prop: "values" | "formulas", v: unknown[][]): void {
    this.setProp(prop, v, ({ sheet, rect }) => {
      const grid = checkGrid(v, rect, prop);
      const state = this.ctx.state;
      if (state.eventsEnabled) state.writesWithEventsEnabled++;
      grid.forEach((row, i) =>
        row.forEach((input, j) => {
          if (input === null) return;
          this.ctx.excel.cellsWrittenNow++;
          sheet.update(rect.row + i, rect.col + j, (c) => {
            if (input === "") {
              c.value = null;
              c.formula = null;
              c.prefixed = false;
            } else enterInput(c, input);
          });
        }),
      );
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    if (!["All", "Formats", "Contents"].includes(applyTo)) throw notModelled(`clear("${applyTo}")`);
    this.invoke("clear", [applyTo], ({ sheet, rect }) =>
      sheet.forEachIn(rect, (c) => {
        if (applyTo !== "Formats") {
          c.value = null;
          c.formula = null;
          c.prefixed = false;
        }
        if (applyTo !== "Contents") {
          c.numberFormat = GENERAL;
          c.style = null;
        }
      }),
    );
  }

  /** For a command taking a range (page breaks, print area): the block it stands for. */
  resolve(): RangeTarget {
    return this.target();
  }

  /** A label for the call log. */
  get label(): string {
    return this.path;
  }

  unmerge(): void {
    this.invoke("unmerge", [], ({ sheet, rect }) => void (sheet.merges = sheet.merges.filter((m) => !rectsOverlap(m, rect))));
  }

  merge(across?: boolean): void {
    if (across) throw notModelled("merge(true)");
    this.invoke("merge", [false], ({ sheet, rect }) => {
      sheet.merges = sheet.merges.filter((m) => !rectsOverlap(m, rect));
      sheet.merges.push({ ...rect });
    });
  }

  select(): void {
    this.invoke("select", [], ({ sheet, rect }) => void (this.ctx.state.selection = { sheet: sheet.name, ...rect }));
  }
}

type StyleKey = Exclude<keyof FakeStyle, "borders">;

/** Format objects share the range's target; every set restyles each cell of the block. */
abstract class FakeStyleProxy extends FakeProxy<RangeTarget> {
  protected readonly loadable = new Set<string>();
  protected read(): unknown {
    throw notModelled(`reading ${this.path}`);
  }

  protected style<K extends StyleKey>(prop: string, key: K, value: FakeStyle[K], check: boolean): void {
    if (!check) throw invalid(`Invalid ${prop} ${JSON.stringify(value)}.`);
    this.setProp(prop, value, ({ sheet, rect }) => sheet.forEachIn(rect, (c) => void (c.style = { ...c.style, [key]: value })));
  }
}

const COLOR = /^#[0-9A-Fa-f]{6}$/;

export class FakeRangeFormat extends FakeStyleProxy {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;

  constructor(ctx: FakeRequestContext, path: string, locate: () => RangeTarget | null, nullable: boolean, origin: Origin) {
    super(ctx, path, locate, nullable, origin);
    this.font = sealed(new FakeRangeFont(ctx, `${path}.font`, locate, false, "root"));
    this.fill = sealed(new FakeRangeFill(ctx, `${path}.fill`, locate, false, "root"));
    this.borders = sealed(new FakeRangeBorderCollection(ctx, `${path}.borders`, locate, false, "root"));
  }

  set wrapText(v: boolean) {
    this.style("wrapText", "wrapText", v, typeof v === "boolean");
  }
  set horizontalAlignment(v: string) {
    this.style("horizontalAlignment", "horizontalAlignment", v, ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(v));
  }
  set verticalAlignment(v: string) {
    this.style("verticalAlignment", "verticalAlignment", v, ["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v));
  }
  /** Points; applies to every row of the range. */
  set rowHeight(v: number) {
    if (typeof v !== "number" || !(v >= 0 && v <= 409)) throw invalid(`Invalid row height ${v}.`);
    this.setProp("rowHeight", v, ({ sheet, rect }) => {
      for (let row = rect.row; row < rect.row + rect.rows; row++) sheet.rowHeights.set(row, v);
    });
  }
  /** Points; applies to every column of the range. */
  set columnWidth(v: number) {
    if (typeof v !== "number" || !(v >= 0 && v <= 1800)) throw invalid(`Invalid column width ${v}.`);
    this.setProp("columnWidth", v, ({ sheet, rect }) => {
      for (let col = rect.col; col < rect.col + rect.cols; col++) sheet.columnWidths.set(col, v);
    });
  }
}

export class FakeRangeFont extends FakeStyleProxy {
  set bold(v: boolean) {
    this.style("bold", "bold", v, typeof v === "boolean");
  }
  set italic(v: boolean) {
    this.style("italic", "italic", v, typeof v === "boolean");
  }
  set color(v: string) {
    this.style("font.color", "fontColor", v, typeof v === "string" && COLOR.test(v));
  }
}

export class FakeRangeFill extends FakeStyleProxy {
  set color(v: string) {
    this.style("fill.color", "fillColor", v, typeof v === "string" && COLOR.test(v));
  }
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class FakeRangeBorderCollection extends FakeStyleProxy {
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw invalid(`Invalid border index ${index}.`);
    return sealed(new FakeRangeBorder(this.ctx, `${this.path}.getItem(${index})`, () => this.target(), false, "root", index));
  }
}

export class FakeRangeBorder extends FakeProxy<RangeTarget> {
  protected readonly loadable = new Set<string>();
  protected read(): unknown {
    throw notModelled("reading borders");
  }

  constructor(
    ctx: FakeRequestContext,
    path: string,
    locate: () => RangeTarget | null,
    nullable: boolean,
    origin: Origin,
    private readonly index: string,
  ) {
    super(ctx, path, locate, nullable, origin);
  }

  private setBorder(prop: "style" | "weight", v: string, allowed: string[]): void {
    if (!allowed.includes(v)) throw invalid(`Invalid border ${prop} ${v}.`);
    this.setProp(prop, v, ({ sheet, rect }) =>
      sheet.forEachIn(rect, (c) => {
        const borders = { ...c.style?.borders };
        borders[this.index] = { style: "None", weight: "Thin", ...borders[this.index], [prop]: v };
        c.style = { ...c.style, borders };
      }),
    );
  }

  set style(v: string) {
    this.setBorder("style", v, ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]);
  }
  set weight(v: string) {
    this.setBorder("weight", v, ["Hairline", "Thin", "Medium", "Thick"]);
  }
}

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

function checkRule(rule: unknown): FakeValidationRule {
  if (typeof rule !== "object" || rule === null) throw invalid("A data validation rule must be an object.");
  const keys = Object.keys(rule);
  if (keys.length !== 1) throw invalid(`A data validation rule takes exactly one type, got ${keys.join(", ") || "none"}.`);
  const r = rule as FakeValidationRule & Record<string, unknown>;
  if (r.list) {
    const { source, inCellDropDown } = r.list;
    if (typeof source !== "string" || typeof inCellDropDown !== "boolean") throw invalid("list needs a source string and inCellDropDown.");
    if (!source.startsWith("=") && source.length > 255) throw invalid("A list source over 255 characters is refused.");
    return { list: { source, inCellDropDown } };
  }
  if (r.decimal) {
    const { operator, formula1, formula2 } = r.decimal;
    if (!OPERATORS.includes(operator) || (typeof formula1 !== "number" && typeof formula1 !== "string")) throw invalid("decimal needs an operator and formula1.");
    if ((operator === "Between" || operator === "NotBetween") && formula2 === undefined) throw invalid(`${operator} needs formula2.`);
    return { decimal: { operator, formula1, ...(formula2 !== undefined ? { formula2 } : {}) } };
  }
  throw notModelled(`data validation type ${keys[0]}`);
}

export class FakeDataValidation extends FakeProxy<RangeTarget> {
  protected readonly loadable = new Set<string>();
  protected read(): unknown {
    throw notModelled("reading data validation");
  }

  /** Simplification: drops every rule overlapping the range (Excel trims them to the cells outside). */
  clear(): void {
    this.invoke("clear", [], ({ sheet, rect }) => void (sheet.validations = sheet.validations.filter((v) => !rectsOverlap(v.rect, rect))));
  }

  set rule(v: FakeValidationRule) {
    const rule = checkRule(v);
    this.setProp("rule", v, ({ sheet, rect }) => {
      const same = sheet.validations.find((x) => x.rect.row === rect.row && x.rect.col === rect.col && x.rect.rows === rect.rows && x.rect.cols === rect.cols);
      if (same) same.rule = rule;
      else sheet.validations.push({ rect: { ...rect }, rule, errorAlert: null });
    });
  }

  set errorAlert(v: FakeErrorAlert) {
    const ok =
      typeof v.message === "string" &&
      v.message.length <= 255 &&
      typeof v.title === "string" &&
      v.title.length <= 32 &&
      typeof v.showAlert === "boolean" &&
      ["Stop", "Warning", "Information"].includes(v.style);
    if (!ok) throw invalid(`Invalid errorAlert ${JSON.stringify(v)} (title ≤ 32, message ≤ 255 characters).`);
    this.setProp("errorAlert", v, ({ sheet, rect }) => {
      const same = sheet.validations.find((x) => x.rect.row === rect.row && x.rect.col === rect.col && x.rect.rows === rect.rows && x.rect.cols === rect.cols);
      if (same) same.errorAlert = { ...v };
      else sheet.validations.push({ rect: { ...rect }, rule: null, errorAlert: { ...v } });
    });
  }
}

// ─── names ───────────────────────────────────────────────────────────────────────────────────────

interface NameTarget {
  name: string;
  formula: string;
}

function nameProblem(name: string): boolean {
  return !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
}

export class FakeNamedItemCollection extends FakeCollection<NameTarget, FakeNamedItem> {
  protected readonly itemProps = new Set(["name", "formula"]);

  protected all(): NameTarget[] {
    return [...this.ctx.state.names.values()];
  }

  protected item(t: NameTarget, loaded: Map<string, unknown>): FakeNamedItem {
    const key = t.name.toLowerCase();
    const item = sealed(new FakeNamedItem(this.ctx, `names[${t.name}]`, () => this.ctx.state.names.get(key) ?? null, false, "response"));
    item.fill(loaded);
    return item;
  }

  protected read(t: NameTarget, prop: string): unknown {
    return prop === "name" ? t.name : t.formula;
  }

  add(name: string, reference: string): FakeNamedItem {
    if (typeof reference !== "string") throw notModelled("names.add with a Range reference");
    this.ctx.enqueue(`names.add(${name})`, CALL_BYTES + jsonBytes([name, reference]), () => {
      if (nameProblem(name)) throw invalid(`The name "${name}" is not valid.`);
      if (!reference.startsWith("=")) throw invalid(`The reference of "${name}" must start with "=".`);
      const key = name.toLowerCase();
      if (this.ctx.state.names.has(key)) throw new FakeExcelError("ItemAlreadyExists", `The name "${name}" already exists.`);
      this.ctx.state.names.set(key, { name, formula: reference });
    });
    return this.getItem(name);
  }

  getItem(name: string): FakeNamedItem {
    const key = name.toLowerCase();
    return sealed(new FakeNamedItem(this.ctx, `names.getItem(${name})`, () => this.ctx.state.names.get(key) ?? null, false, "path"));
  }
}

export class FakeNamedItem extends FakeProxy<NameTarget> {
  protected readonly loadable = new Set(["name", "formula"]);

  fill(loaded: Map<string, unknown>): void {
    for (const [k, v] of loaded) this.remember(k, v);
  }

  protected read(t: NameTarget, prop: string): unknown {
    return prop === "name" ? t.name : t.formula;
  }

  get name(): string {
    return this.loaded("name", isString);
  }

  get formula(): string {
    return this.loaded("formula", isString);
  }

  set formula(v: string) {
    if (typeof v !== "string" || !v.startsWith("=")) throw invalid(`A name's formula must start with "=": ${String(v)}`);
    this.setProp("formula", v, (t) => void (t.formula = v));
  }

  delete(): void {
    this.invoke("delete", [], (t) => void this.ctx.state.names.delete(t.name.toLowerCase()));
  }
}
