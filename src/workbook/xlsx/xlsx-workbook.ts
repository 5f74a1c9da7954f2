/**
 * The .xlsx adapter (ExcelJS 4.4): for the CLI and downloads. It does not calculate; a formula reads
 * back with the value cached in the file (none for formulas written here), and a saved file asks
 * Excel to recalculate everything on open (fullCalcOnLoad).
 *
 * Semantics shared with the other adapters (see port.ts), and where this one had to decide:
 * - "Used" means holding a value or a formula. Formatted-but-empty cells, merged-away cells and
 *   empty-string constants do not count (ExcelJS's rowCount/columnCount count formatted cells;
 *   Office.js's equivalent is getUsedRange(valuesOnly = true)).
 * - Writing "" empties the cell, as writing "" through Office.js does.
 * - Cells hidden by a merge read as empty, and writing a value into one is refused: ExcelJS would
 *   silently redirect the write to the merge's top-left cell.
 * - Merging keeps every cell's own format and, like Excel, drops the values of the hidden cells.
 * - A defined name is matched case-insensitively, as Excel does.
 * - apply() is all-or-nothing through an undo log of what each operation replaces (cell models, styles,
 *   sheet settings), so a batch costs in proportion to what it touches, not to the sheet's size.
 * - A sheet that gets more than `bulkCells` cells in one apply() (or whose part in a file is larger than
 *   `bulkLoadBytes`) keeps its cells in a compact store instead of ExcelJS cells (bulk-cells.ts),
 *   written and read by streaming (sheet-xml.ts, bulk-load.ts); it behaves the same through the port.
 *   save() writes the file as it is zipped, so neither the sheet nor the zip is ever one string.
 * - Nothing of an opened file is lost on save: what ExcelJS drops (charts, drawings, images, comments,
 *   pivot tables, tables, other parts and sheet elements) is kept from the file and put back (keep.ts,
 *   assemble.ts). A file holding what cannot be kept that way (a chart sheet, VBA) is not saved at all:
 *   save() and toBuffer() throw XlsxLossError, and `losses` says why before any work is done.
 *
 * The task pane bundles this module for downloads, so it uses no Node API at load: fromFile and save
 * import node:fs when called (webpackIgnore keeps webpack from resolving it for the browser).
 */
import { ValueType, Workbook, type Cell, type CellValue as ExcelValue, type Style, type Worksheet, type WorkbookView } from "exceljs";
import JSZip from "jszip";
import {
  a1,
  checkOps,
  colLetter,
  WorkbookRuleError,
  type Address,
  type ApplyOptions,
  type ApplyReport,
  type CellContent,
  type CellSnapshot,
  type CellStyle,
  type CellValue,
  type RangeRef,
  type SheetChart,
  type SheetInfo,
  type WorkbookOp,
  type WorkbookPort,
} from "../port";
import { addCharts, placementOf, type PartStore } from "./chart-parts";
import { assemble, zipToBuffer, zipToFile, type PartData, type SheetDataWriter } from "./assemble";
import { BulkCells, bulkSnapshot, fromExcelJs, toBulkValue, type BulkRow, type BulkStyle } from "./bulk-cells";
import { BULK_LOAD_BYTES, readSharedStrings, resolveStyles, scanSheet, unzippedSize, type ScannedSheet, type SharedString } from "./bulk-load";
import {
  checkInternals,
  dropMedia,
  dropNote,
  dropMerges,
  dropRows,
  formulaModel,
  setSheetViews,
  sheetInternals,
  sheetViews,
  silenceDefinedNames,
  withStyleTable,
  type SheetView,
  type StyleTable,
} from "./exceljs-internals";
import { fromFileFormula, toFileFormula } from "./formulas";
import { dropKeptDrawing, emptyKept, keptDrawing, readKept, type KeptPackage } from "./keep";
import { foreignPackage, readRels, relKind, relsPath, resolveTarget } from "./opc";
import { dimensionRef, sheetRows } from "./sheet-xml";
import { readPackageParts, type FileDefinedName, type FileValidation, type PackageParts } from "./package-parts";
import { intersects, parseRect, rectA1, rectOf, rectRef, subtract, type Rect } from "./rects";
import { restyle } from "./styles";
import { escapeText } from "./text";
import { toFileValidation } from "./validation";

const GENERAL = "General";
const PRINT_TITLES = "_xlnm.Print_Titles";
const PRINT_AREA = "_xlnm.Print_Area";
const DAY_MS = 86_400_000;

/** Layout state of one sheet as the file will store it; for tests and diagnostics. */
export interface XlsxSheetLayout {
  /** Column widths by 0-based column, in Excel's character units. */
  widths: Map<number, number>;
  freeze: { rows: number; cols: number };
  validations: { range: RangeRef; rule: FileValidation }[];
  merges: RangeRef[];
  pageSetup: { orientation?: string; fitToPage?: boolean; fitToWidth?: number; fitToHeight?: number; printTitleRows?: [number, number] };
  activeCell: string | null;
  tabSelected: boolean;
  /** Where the sheet's cells are kept: ExcelJS cells, or a bulk store (large sheets). */
  cells: "exceljs" | "bulk";
}

/**
 * Why a save over the file it was opened from is refused before anything is written: the file is
 * read-only, or it changed since it was read (another program or command saved it; writing would
 * throw that change away). `code` is an errno-like code, as the file system's errors carry.
 */
export class FileGuardError extends Error {
  constructor(
    readonly code: "EACCES" | "ECHANGED",
    readonly path: string,
  ) {
    super(code === "EACCES" ? `${path} hanya-baca` : `${path} berubah sejak dibaca`);
    this.name = "FileGuardError";
  }
}

/** A zip that is not a workbook (a .docx, an .ods, an archive): `kind` says what it is, in Indonesian. */
export class NotWorkbookError extends Error {
  constructor(readonly kind: string) {
    super(`isinya ${kind}, bukan buku kerja Excel`);
    this.name = "NotWorkbookError";
  }
}

/** The file a workbook was read from, as it stood then. */
interface Origin {
  path: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * The file holds something a save would lose (a chart sheet, VBA); thrown before anything is written.
 * The message says what, in Indonesian.
 */
export class XlsxLossError extends Error {
  constructor(readonly losses: readonly string[]) {
    super(lossMessage(losses));
    this.name = "XlsxLossError";
  }
}

/** Why a file is not saved: what it holds that would be lost, and what the user can do instead. */
export function lossMessage(losses: readonly string[]): string {
  return (
    `Berkas ini memuat ${losses.join("; ")}, yang akan hilang bila disimpan oleh SAKIP. Tidak ada yang diubah. ` +
    "Jalankan perintah pada salinan buku kerja tanpa bagian itu, atau isi lembar SAKIP di Excel dengan add-in."
  );
}

export interface XlsxOptions {
  /**
   * Cells one apply() writes or formats on a sheet from which the sheet keeps its cells in a bulk
   * store (default 100 000: "Rincian SIPD" of a large export, never the standard sheets).
   */
  bulkCells?: number;
  /** Unzipped size of a worksheet part from which opening a file scans it into a bulk store (default 8 MB). */
  bulkLoadBytes?: number;
  /**
   * Opened only to be read (`sakip validate`): what saving would put back (each sheet's elements
   * beyond its cells, the parts they refer to) is not read — half the time of opening — and saving
   * is refused.
   */
  readOnly?: boolean;
}

const DEFAULT_OPTIONS: Required<XlsxOptions> = { bulkCells: 100_000, bulkLoadBytes: BULK_LOAD_BYTES, readOnly: false };

/** ExcelJS leaves these to the adapter: its own copies would be lossy (see package-parts.ts, keep.ts). */
const IGNORED_ON_LOAD = ["dataValidations", "drawing", "picture", "tableParts"];

type CellRecord = { cell: Cell; model: Cell["model"] } | { cell: Cell; style: Partial<Style> } | { bulk: BulkCells; r: number; row: BulkRow | undefined };

/** What a batch replaced, restored newest-first if the batch fails. */
class UndoLog {
  private readonly entries: (CellRecord | (() => void))[] = [];

  /** Before changing a cell's value (and maybe its style). Not for cells hidden by a merge. */
  cell(cell: Cell): void {
    this.entries.push({ cell, model: { ...cell.model } });
  }

  /** Before changing only a cell's style. */
  style(cell: Cell): void {
    this.entries.push({ cell, style: cell.style });
  }

  step(undo: () => void): void {
    this.entries.push(undo);
  }

  /** Before a bulk store's row is first copied in this batch. */
  bulkRow(bulk: BulkCells, r: number, row: BulkRow | undefined): void {
    this.entries.push({ bulk, r, row });
  }

  rollback(): void {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (typeof e === "function") e();
      else if ("bulk" in e) e.bulk.rows[e.r] = e.row;
      else if ("model" in e) e.cell.model = e.model;
      else e.cell.style = e.style;
    }
  }
}

const isHidden = (cell: Cell) => cell.type === ValueType.Merge;

/** A value or a formula: what "used" means here (see the file comment). */
const holdsContent = (cell: Cell) => cell.type !== ValueType.Null && !isHidden(cell) && cell.value !== "";

export class XlsxWorkbook implements WorkbookPort {
  /**
   * Every defined name as the file stores it, built-in ones such as _xlnm.Print_Titles included.
   * ExcelJS's own store keeps only cell ranges, so the writer is pointed at this list instead.
   */
  private definedNames: FileDefinedName[] = [];

  /** Sheets whose cells are in a bulk store instead of ExcelJS cells. */
  private readonly bulk = new Map<Worksheet, BulkCells>();
  /** Charts the batches added, per sheet; written as native chart parts on save (ExcelJS cannot). */
  private readonly charts = new Map<Worksheet, SheetChart[]>();
  /** Numbers the apply() calls, for the bulk stores' copy-on-write rows. */
  private batch = 0;
  /** Cells each sheet gets in the running apply(), by lower-case name. */
  private incoming = new Map<string, number>();
  private readonly options: Required<XlsxOptions>;
  /** Where fromFile read it: a save over that file checks it is still as it was. */
  private origin: Origin | null = null;

  private constructor(
    private readonly wb: Workbook,
    /** What the opened file holds beyond what ExcelJS writes; put back on save. */
    private readonly kept: KeptPackage = emptyKept(),
    options: XlsxOptions = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    silenceDefinedNames(wb);
  }

  static create(options: XlsxOptions = {}): XlsxWorkbook {
    const wb = new Workbook();
    wb.creator = "SAKIP Workbook";
    wb.created = new Date();
    return new XlsxWorkbook(wb, emptyKept(), options);
  }

  static async fromBuffer(data: Uint8Array | ArrayBuffer, options: XlsxOptions = {}): Promise<XlsxWorkbook> {
    const zip = await JSZip.loadAsync(data);
    // ExcelJS reads a .docx (or any zip) as a workbook without sheets, which Periksa would then report
    const foreign = await foreignPackage(zip);
    if (foreign) throw new NotWorkbookError(foreign);
    // large sheets are scanned here; ExcelJS, keep.ts and package-parts.ts then see them without rows
    const scanned = await scanLargeSheets(zip, options.bulkLoadBytes ?? DEFAULT_OPTIONS.bulkLoadBytes);
    for (const [path, sheet] of scanned) zip.file(path, sheet.stripped);
    const kept = await readKept(zip, { forSaving: !options.readOnly });
    const parts = await readPackageParts(zip);
    const book = new XlsxWorkbook(new Workbook(), kept, options);
    const input = scanned.size ? await zip.generateAsync({ type: "uint8array", compression: "STORE" }) : data;
    let styles: StyleTable | undefined;
    // ExcelJS's typing says ArrayBuffer; its loader (JSZip) takes any of these byte containers
    await withStyleTable(book.wb, "load", (t) => (styles = t), () => book.wb.xlsx.load(input as ArrayBuffer, { ignoreNodes: IGNORED_ON_LOAD }));
    dropMedia(book.wb);
    book.adopt(parts);
    for (const [name, path] of kept.sheetPaths) {
      const sheet = scanned.get(path);
      const ws = book.find(name);
      if (!sheet || !ws) continue;
      // a package without a styles part (some generators write none) has only default formats
      const table: StyleTable | undefined = styles;
      book.bulk.set(ws, resolveStyles(sheet, (id) => table?.getStyleModel(id) ?? undefined));
    }
    return book;
  }

  /** What saving this workbook would lose, in Indonesian; empty for files the adapter can keep whole. */
  get losses(): readonly string[] {
    return this.kept.losses;
  }

  /** Node only. */
  static async fromFile(file: string, options: XlsxOptions = {}): Promise<XlsxWorkbook> {
    const fs = await nodeFs();
    const path = await fs.realpath(file);
    const before = await fs.stat(path);
    const book = await XlsxWorkbook.fromBuffer(await fs.readFile(path), options);
    book.origin = { path, ino: before.ino, size: before.size, mtimeMs: before.mtimeMs };
    return book;
  }

  /** Takes over what ExcelJS's loader left out or would keep lossily (see package-parts.ts). */
  private adopt(parts: PackageParts): void {
    this.definedNames = this.kept.definedNames;
    for (const ws of this.wb.worksheets) {
      checkInternals(ws);
      // the loader moved print areas and titles from the names into pageSetup; the names keep them now
      delete ws.pageSetup.printArea;
      delete ws.pageSetup.printTitlesRow;
      delete ws.pageSetup.printTitlesColumn;
      const sheetParts = parts.sheets.get(ws.name);
      const model: Record<string, FileValidation> = {};
      for (const { ranges, rule } of sheetParts?.validations ?? []) {
        for (const ref of ranges) {
          const rect = parseRect(ref);
          if (rect) model[rectA1(rect)] = rule;
        }
      }
      sheetInternals(ws).dataValidations.model = model;
      normaliseCells(ws);
      for (const address of sheetParts?.emptyStringResults ?? []) {
        const at = parseRect(address);
        const cell = at && ws.findCell(at.top, at.left);
        if (cell?.type === ValueType.Formula && cell.result === undefined) cell.value = { formula: cell.formula, result: "" };
      }
    }
  }

  /** The file's bytes. */
  async toBuffer(): Promise<Uint8Array> {
    return zipToBuffer(await this.package());
  }

  /** The parts of the file to write: ExcelJS's, with what the opened file held put back. */
  private async package(): Promise<Map<string, PartData>> {
    if (this.options.readOnly) throw new Error("Buku kerja ini dibuka hanya untuk dibaca; tidak dapat disimpan.");
    if (this.kept.losses.length) throw new XlsxLossError(this.kept.losses);
    if (this.wb.worksheets.length === 0) throw new Error("Buku kerja belum berisi lembar; file .xlsx harus memiliki paling sedikit satu lembar.");
    this.wb.modified = new Date();
    // nothing here calculates, so cached results may be stale: Excel recalculates on open
    this.wb.calcProperties.fullCalcOnLoad = true;
    // the bulk stores' styles go into ExcelJS's style table, so the rows written beside it can refer to them
    const styleIds = new Map<Partial<Style>, number>();
    const bytes: unknown = await withStyleTable(
      this.wb,
      "write",
      (styles) => {
        for (const cells of this.bulk.values()) for (const style of cells.styles()) if (!styleIds.has(style)) styleIds.set(style, styles.addStyleModel(style));
      },
      () => this.wb.xlsx.writeBuffer(),
    );
    const exceljs = bytes instanceof Uint8Array ? bytes : bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : null;
    if (!exceljs) throw new Error("ExcelJS writeBuffer returned no bytes.");
    const sheetData = new Map<string, SheetDataWriter>();
    for (const [ws, cells] of this.bulk) {
      sheetData.set(ws.name, {
        dimension: dimensionRef(cells),
        merges: cells.merges.map(rectA1),
        rows: () => sheetRows(cells, (style) => styleIds.get(style) ?? 0),
      });
    }
    const parts = await assemble({ exceljs, kept: this.kept, definedNames: this.definedNames, sheetData });
    await this.addCharts(parts);
    return parts;
  }

  /** The sheets' charts as chart, drawing and relationship parts, their caches read from the cells. */
  private async addCharts(parts: Map<string, PartData>): Promise<void> {
    const bySheet = new Map<string, ReturnType<typeof placementOf>[]>();
    for (const [ws, charts] of this.charts) {
      if (charts.length === 0 || !this.wb.worksheets.includes(ws)) continue;
      const placements = [];
      for (const chart of charts) {
        const refs = [chart.categories, ...[...chart.series, ...(chart.reference ? [chart.reference] : [])].flatMap((s) => [s.values, { ...s.nameCell, rows: 1, cols: 1 }])];
        const blocks = await this.read(refs.map((r) => ({ sheet: ws.name, ...r })));
        const values = new Map<string, CellValue>();
        refs.forEach((r, k) => blocks[k]!.forEach((row, i) => row.forEach((c, j) => values.set(`${r.row + i}:${r.col + j}`, c.value))));
        placements.push(placementOf(chart, (row, col) => values.get(`${row}:${col}`) ?? null));
      }
      bySheet.set(ws.name, placements);
    }
    if (bySheet.size === 0) return;
    const store: PartStore = {
      read: async (path) => {
        const data = parts.get(path);
        if (data === undefined) return null;
        if (typeof data === "string") return data;
        if (data instanceof Uint8Array) return new TextDecoder().decode(data);
        throw new Error(`Grafik tidak dapat ditambahkan ke ${path}: lembar sebesar itu ditulis bertahap.`);
      },
      write: (path, text) => void parts.set(path, text),
      has: (path) => parts.has(path),
    };
    await addCharts(store, bySheet);
  }

  /**
   * Node only. Writes to a temporary file beside `file`, then renames it over the file, so a failed
   * save leaves the old file as it was and no temporary one. A file saved over keeps its permissions,
   * and a symbolic link stays a link to the file it names. Refused before anything is written
   * (FileGuardError): a read-only file (no write permission for anyone, or none for this user), and
   * the file this workbook was read from when it changed since (another command or program saved it).
   */
  async save(file: string): Promise<void> {
    const [fs, path] = [await nodeFs(), await nodePath()];
    const parts = await this.package();
    // ENOENT: a new file, written where it was named
    const target = await fs.realpath(file).catch(() => file);
    const stat = await fs.stat(target).catch(() => undefined);
    const mode = stat ? stat.mode & 0o7777 : undefined;
    // the file this workbook was read from, saved by someone else since: writing would throw that away
    const changed = async (): Promise<void> => {
      const o = this.origin;
      if (!o || o.path !== target) return;
      const now = await fs.stat(target).catch(() => undefined);
      if (now && (now.ino !== o.ino || now.size !== o.size || now.mtimeMs !== o.mtimeMs)) throw new FileGuardError("ECHANGED", file);
    };
    if (stat) {
      // the rename below would replace a file its owner made read-only (and root may write anything)
      const writable = (stat.mode & 0o222) !== 0 && (await fs.access(target, fs.constants.W_OK).then(() => true, () => false));
      if (!writable) throw new FileGuardError("EACCES", file);
      await changed();
    }
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${globalThis.crypto.randomUUID()}.tmp`);
    try {
      // owner-only until it is complete; then the old file's mode, or the default for a new file
      await zipToFile(parts, tmp, mode === undefined ? 0o666 : 0o600);
      if (mode !== undefined) await fs.chmod(tmp, mode);
      // again, right before it is replaced: writing a large file takes a while
      await changed();
      await fs.rename(tmp, target);
      // saved again later (the same command), it is this file that must not have changed
      const saved = await fs.realpath(target).catch(() => target);
      const after = await fs.stat(saved).catch(() => undefined);
      this.origin = after ? { path: saved, ino: after.ino, size: after.size, mtimeMs: after.mtimeMs } : null;
    } catch (error) {
      const cleanup = await fs.rm(tmp, { force: true }).then(
        () => null,
        (e: unknown) => e,
      );
      throw cleanup ? new AggregateError([error, cleanup], `Gagal menyimpan ${file}; file sementara ${tmp} tidak terhapus.`) : error;
    }
  }

  private find(name: string): Worksheet | undefined {
    const key = name.toLowerCase();
    return this.wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
  }

  private sheetIndex(ws: Worksheet): number {
    return this.wb.worksheets.indexOf(ws);
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.wb.worksheets.map((ws) => {
      const bulk = this.bulk.get(ws);
      if (bulk) {
        const { rows, cols } = bulk.usedExtent();
        return { name: ws.name, usedRows: rows, usedCols: cols };
      }
      let usedRows = 0;
      let usedCols = 0;
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (!holdsContent(cell)) return;
          usedRows = Math.max(usedRows, r);
          usedCols = Math.max(usedCols, c);
        });
      });
      return { name: ws.name, usedRows, usedCols };
    });
  }

  async read(ranges: readonly RangeRef[]): Promise<CellSnapshot[][][]> {
    const date1904 = this.wb.properties.date1904 === true;
    return ranges.map((r) => {
      const ws = this.find(r.sheet);
      const out: CellSnapshot[][] = [];
      const bulk = ws && this.bulk.get(ws);
      if (bulk) {
        const merges = bulk.merges.filter((m) => intersects(m, rectOf(r)));
        for (let i = 0; i < r.rows; i++) {
          const row = bulk.row(r.row + i + 1);
          // a cell hidden by a merge reads as empty, as in the other adapters
          out.push(Array.from({ length: r.cols }, (_, j) => bulkSnapshot(merges.length && bulk.hiddenBy(r.row + i + 1, r.col + j + 1, merges) ? null : row?.values[r.col + j], row?.styles[r.col + j])));
        }
        return out;
      }
      for (let i = 0; i < r.rows; i++) {
        const row = ws?.findRow(r.row + i + 1);
        const cells: CellSnapshot[] = [];
        for (let j = 0; j < r.cols; j++) cells.push(snapshot(row?.findCell(r.col + j + 1), date1904));
        out.push(cells);
      }
      return out;
    });
  }

  async names(): Promise<{ name: string; formula: string }[]> {
    return this.definedNames.filter((n) => n.localSheetId === undefined && !n.name.startsWith("_xlnm.")).map((n) => ({ name: n.name, formula: fromFileFormula(n.text) }));
  }

  async apply(ops: readonly WorkbookOp[], options: ApplyOptions = {}): Promise<ApplyReport> {
    checkOps(
      ops,
      this.wb.worksheets.map((ws) => ws.name),
    );
    this.batch++;
    this.prepareStorage(ops);
    const undo = new UndoLog();
    try {
      for (const op of ops) this.run(op, undo);
    } catch (error) {
      try {
        undo.rollback();
      } catch (rollbackError) {
        throw new AggregateError([error, rollbackError], "Operasi gagal dan buku kerja tidak dapat dikembalikan ke keadaan semula.");
      }
      throw error;
    }
    options.onProgress?.(ops.length, ops.length);
    return { syncs: 0, largestBatchBytes: 0 };
  }

  async select(at: Address): Promise<void> {
    const target = this.find(at.sheet);
    if (!target) throw new Error(`Lembar "${at.sheet}" tidak ada.`);
    // exactly one selected tab: several would open as a group, and typing would edit them all
    for (const ws of this.wb.worksheets) {
      const [first = {}, ...rest] = sheetViews(ws);
      // ExcelJS writes the selection only for a view with a state
      const view: SheetView = { state: "normal", ...first, tabSelected: ws === target };
      if (ws === target) view.activeCell = a1(at.row, at.col);
      setSheetViews(ws, [view, ...rest]);
    }
    const index = this.sheetIndex(target);
    // a file written without workbook views (plain ExcelJS, some generators) has none to update
    const views: WorkbookView[] = Array.isArray(this.wb.views) ? this.wb.views : [];
    const current: Partial<WorkbookView> = views[0] ?? {};
    const book: WorkbookView = { x: 0, y: 0, width: 12000, height: 24000, visibility: "visible", ...current, firstSheet: Math.min(current.firstSheet ?? 0, index), activeTab: index };
    this.wb.views = [book, ...views.slice(1)];
  }

  /**
   * Always null. A file has no user at work in it: the active cell a saved file carries is where the
   * cursor was when someone last saved it (or where select() put it for the next opening), not a
   * choice made now, and reading it back as "what the user selected" would import whatever sat
   * there. The CLI names its input explicitly instead.
   */
  async selectedRange(): Promise<RangeRef | null> {
    return null;
  }

  /** The sheet's layout as it will be saved; undefined for a missing sheet. */
  layout(sheet: string): XlsxSheetLayout | undefined {
    const ws = this.find(sheet);
    if (!ws) return undefined;
    const widths = new Map<number, number>();
    (ws.columns ?? []).forEach((col, i) => {
      if (col.width !== undefined) widths.set(i, col.width);
    });
    const view = sheetViews(ws)[0];
    const frozen = view?.state === "frozen";
    const validations = Object.entries(sheetInternals(ws).dataValidations.model).flatMap(([key, rule]) => {
      const rect = parseRect(key);
      return rect && rule ? [{ range: { sheet: ws.name, ...rectRef(rect) }, rule }] : [];
    });
    const merges = (this.bulk.get(ws)?.merges ?? Object.values(sheetInternals(ws)._merges)).flatMap((m) => (m ? [{ sheet: ws.name, ...rectRef(m) }] : []));
    const titles = this.definedNames.find((n) => n.name === PRINT_TITLES && n.localSheetId === this.sheetIndex(ws));
    const rows = titles && /\$(\d+):\$(\d+)/.exec(titles.text);
    const setup = ws.pageSetup;
    return {
      widths,
      freeze: { rows: frozen ? (view.ySplit ?? 0) : 0, cols: frozen ? (view.xSplit ?? 0) : 0 },
      validations,
      merges,
      pageSetup: {
        orientation: setup.orientation,
        fitToPage: setup.fitToPage,
        fitToWidth: setup.fitToWidth,
        fitToHeight: setup.fitToHeight,
        ...(rows ? { printTitleRows: [Number(rows[1]) - 1, Number(rows[2]) - 1] as [number, number] } : {}),
      },
      activeCell: view?.activeCell ?? null,
      tabSelected: view?.tabSelected === true,
      cells: this.bulk.has(ws) ? "bulk" : "exceljs",
    };
  }

  /**
   * Rows × columns from A1 to the last cell holding a value, a formula or only a format (an input
   * column formatted down past its data); undefined for a missing sheet. For copying a file's cells
   * with their formats into another adapter.
   */
  formattedExtent(sheet: string): { rows: number; cols: number } | undefined {
    const ws = this.find(sheet);
    if (!ws) return undefined;
    const bulk = this.bulk.get(ws);
    if (bulk) return bulk.usedExtent();
    return { rows: ws.rowCount, cols: ws.columnCount };
  }

  /** The style of one cell in the port's terms (fill, colours, alignment and border only when set). */
  cellStyle(at: Address): CellStyle {
    const ws = this.find(at.sheet);
    const bulk = ws && this.bulk.get(ws);
    const s = (bulk ? bulk.row(at.row + 1)?.styles[at.col] : ws?.findCell(at.row + 1, at.col + 1)?.style) ?? {};
    // a file stores no "not bold", so the flags are always answered
    const out: CellStyle = { bold: s.font?.bold === true, italic: s.font?.italic === true, wrap: s.alignment?.wrapText === true };
    if (s.font?.color?.argb) out.fontColor = `#${s.font.color.argb.slice(-6)}`;
    const h = s.alignment?.horizontal;
    if (h === "left" || h === "center" || h === "right") out.horizontal = h;
    const v = s.alignment?.vertical;
    if (v === "top" || v === "middle" || v === "bottom") out.vertical = v;
    if (s.fill?.type === "pattern" && s.fill.pattern === "solid" && s.fill.fgColor?.argb) out.fill = `#${s.fill.fgColor.argb.slice(-6)}`;
    if (s.border?.top?.style === "thin" && s.border.bottom?.style === "thin" && s.border.left?.style === "thin" && s.border.right?.style === "thin") out.border = "thin";
    return out;
  }

  private sheet(name: string): Worksheet {
    const ws = this.find(name);
    // checkOps has established that every named sheet exists by the time its operation runs
    if (!ws) throw new Error(`Lembar "${name}" tidak ada.`);
    return ws;
  }

  private run(op: WorkbookOp, undo: UndoLog): void {
    switch (op.type) {
      case "addSheet": {
        const ws = this.wb.addWorksheet(op.sheet);
        undo.step(() => {
          this.wb.removeWorksheet(ws.id);
          this.bulk.delete(ws);
        });
        checkInternals(ws);
        this.chooseStorage(ws);
        return;
      }
      case "write": {
        const ws = this.sheet(op.sheet);
        const bulk = this.bulk.get(ws);
        return bulk ? this.writeBulk(bulk, op, undo) : this.write(ws, op, undo);
      }
      case "format": {
        const ws = this.sheet(op.range.sheet);
        const bulk = this.bulk.get(ws);
        return bulk ? this.formatBulk(bulk, op.range, op.numberFormat, op.style, undo) : this.format(ws, op.range, op.numberFormat, op.style, undo);
      }
      case "columnWidths": {
        const ws = this.sheet(op.sheet);
        for (const { col, width } of op.widths) {
          const column = ws.getColumn(col + 1);
          const before = column.width;
          undo.step(() => {
            column.width = before;
          });
          column.width = width;
        }
        return;
      }
      case "rowHeights": {
        const ws = this.sheet(op.sheet);
        const bulk = this.bulk.get(ws);
        for (const { row, height } of op.heights) {
          if (bulk) {
            const saved = (n: number, before: BulkRow | undefined) => undo.bulkRow(bulk, n, before);
            const r = bulk.touch(row + 1, this.batch, saved);
            r.attrs = { ...r.attrs, ht: String(height), customHeight: "1" };
            continue;
          }
          const r = ws.getRow(row + 1);
          const before = r.height;
          undo.step(() => {
            r.height = before;
          });
          r.height = height;
        }
        return;
      }
      case "freeze": {
        const ws = this.sheet(op.sheet);
        const before = sheetViews(ws);
        undo.step(() => setSheetViews(ws, before));
        const [first = {}, ...rest] = before;
        const plain: SheetView = { ...first };
        for (const pane of ["xSplit", "ySplit", "topLeftCell", "activePane"]) delete plain[pane];
        const view: SheetView =
          op.rows > 0 || op.cols > 0 ? { ...plain, state: "frozen", xSplit: op.cols, ySplit: op.rows, topLeftCell: a1(op.rows, op.cols) } : { ...plain, state: "normal" };
        setSheetViews(ws, [view, ...rest]);
        return;
      }
      case "validation": {
        const internals = sheetInternals(this.sheet(op.range.sheet)).dataValidations;
        const before = internals.model;
        undo.step(() => {
          internals.model = before;
        });
        // as in Excel, the new rule replaces the old ones on the cells it covers, and only there
        const target = rectOf(op.range);
        const next: Record<string, FileValidation> = {};
        for (const [key, rule] of Object.entries(before)) {
          const rect = parseRect(key);
          if (!rule || !rect) continue;
          for (const part of subtract(rect, target)) next[rectA1(part)] = rule;
        }
        next[rectA1(target)] = toFileValidation(op.rule);
        internals.model = next;
        return;
      }
      case "merge": {
        const ws = this.sheet(op.range.sheet);
        const bulk = this.bulk.get(ws);
        return bulk ? this.mergeBulk(bulk, rectOf(op.range), undo) : this.merge(ws, rectOf(op.range), undo);
      }
      case "defineName": {
        const before = this.definedNames;
        undo.step(() => {
          this.definedNames = before;
        });
        const key = op.name.toLowerCase();
        // a name redefined keeps what else the file said of it (hidden, comment)
        const name: FileDefinedName = { ...before.find((n) => n.localSheetId === undefined && n.name.toLowerCase() === key), name: op.name, text: toFileFormula(op.formula) };
        const at = before.findIndex((n) => n.localSheetId === undefined && n.name.toLowerCase() === key);
        this.definedNames = at < 0 ? [...before, name] : before.map((n, i) => (i === at ? name : n));
        return;
      }
      case "pageSetup": {
        const ws = this.sheet(op.sheet);
        const before = ws.pageSetup;
        const namesBefore = this.definedNames;
        undo.step(() => {
          ws.pageSetup = before;
          this.definedNames = namesBefore;
        });
        const internals = sheetInternals(ws);
        const breaksBefore = internals.rowBreaks;
        undo.step(() => {
          internals.rowBreaks = breaksBefore;
        });
        ws.pageSetup = { ...before, orientation: op.setup.orientation, fitToPage: op.setup.fitToWidth, fitToWidth: 1, fitToHeight: 0 };
        const index = this.sheetIndex(ws);
        const { printArea, rowBreaks } = op.setup;
        const names = namesBefore.filter((n) => !((n.name === PRINT_TITLES || (printArea && n.name === PRINT_AREA)) && n.localSheetId === index));
        // always quoted: a sheet named like a cell ("TW1") must be
        const quoted = `'${ws.name.replace(/'/g, "''")}'`;
        if (op.setup.printTitleRows) {
          const [from, to] = op.setup.printTitleRows;
          names.push({ name: PRINT_TITLES, localSheetId: index, text: `${quoted}!$${from + 1}:$${to + 1}` });
        }
        if (printArea) names.push({ name: PRINT_AREA, localSheetId: index, text: `${quoted}!$A$1:$${colLetter(printArea.cols - 1)}$${printArea.rows}` });
        // <brk id="n"/> breaks after row n (1-based), i.e. before the 0-based row n
        if (rowBreaks) internals.rowBreaks = rowBreaks.filter((r) => r > 0).map((r) => ({ id: r, max: 16383, man: 1 }));
        this.definedNames = names;
        return;
      }
      case "chart": {
        const ws = this.sheet(op.sheet);
        // the drawing a file brought is put back as it was; a second one on the sheet is not valid
        if (keptDrawing(this.kept, ws.name)) throw new WorkbookRuleError(`Lembar "${ws.name}" sudah memiliki gambar atau grafik dari berkas; hapus grafiknya dulu (deleteCharts).`, op);
        const before = this.charts.get(ws);
        undo.step(() => (before ? this.charts.set(ws, before) : this.charts.delete(ws)));
        this.charts.set(ws, [...(before ?? []), op.chart]);
        return;
      }
      case "deleteCharts": {
        const ws = this.sheet(op.sheet);
        const before = this.charts.get(ws);
        undo.step(() => (before ? this.charts.set(ws, before) : this.charts.delete(ws)));
        this.charts.set(ws, []);
        let restore: (() => void) | null;
        try {
          restore = dropKeptDrawing(this.kept, ws.name);
        } catch (e) {
          throw new WorkbookRuleError(e instanceof Error ? e.message : String(e), op);
        }
        if (restore) undo.step(restore);
        return;
      }
      case "clear": {
        const ws = this.sheet(op.range.sheet);
        const r = rectOf(op.range);
        const bulk = this.bulk.get(ws);
        const all = op.what === "all";
        if (bulk) return this.clearBulk(bulk, r, undo, all);
        if (all) this.unmergeWithin(ws, r, undo);
        for (let row = r.top; row <= r.bottom; row++) {
          const cells = ws.findRow(row);
          if (!cells) continue;
          for (let col = r.left; col <= r.right; col++) {
            const cell = cells.findCell(col);
            if (!cell || isHidden(cell) || (cell.type === ValueType.Null && (!all || Object.keys(cell.style ?? {}).length === 0))) continue;
            undo.cell(cell);
            cell.value = null;
            if (all) cell.style = {};
          }
        }
        return;
      }
    }
  }

  /**
   * Before a batch runs: which sheets move their cells into a bulk store — those that get at least
   * `bulkCells` cells written or formatted in it. Only the representation changes, never a cell, so
   * this is not undone with the batch.
   */
  private prepareStorage(ops: readonly WorkbookOp[]): void {
    const incoming = new Map<string, number>();
    const add = (sheet: string, cells: number) => incoming.set(sheet.toLowerCase(), (incoming.get(sheet.toLowerCase()) ?? 0) + cells);
    for (const op of ops) {
      if (op.type === "write") add(op.sheet, op.cells.length * (op.cells[0]?.length ?? 0));
      else if (op.type === "format") add(op.range.sheet, op.range.rows * op.range.cols);
    }
    this.incoming = incoming;
    for (const ws of this.wb.worksheets) this.chooseStorage(ws);
  }

  private chooseStorage(ws: Worksheet): void {
    const cells = this.incoming.get(ws.name.toLowerCase());
    if (this.bulk.has(ws) || cells === undefined || cells < this.options.bulkCells) return;
    const bulk = fromExcelJs(ws, this.wb.properties.date1904 === true);
    if (!bulk) return;
    dropRows(ws);
    dropMerges(ws);
    this.bulk.set(ws, bulk);
  }

  private writeBulk(bulk: BulkCells, op: Extract<WorkbookOp, { type: "write" }>, undo: UndoLog): void {
    const saved = (r: number, before: BulkRow | undefined) => undo.bulkRow(bulk, r, before);
    const target = rectOf({ row: op.row, col: op.col, rows: op.cells.length, cols: op.cells[0]?.length ?? 0 });
    const merges = bulk.merges.filter((m) => intersects(m, target));
    op.cells.forEach((values, i) => {
      const r = op.row + i + 1;
      const row = bulk.touch(r, this.batch, saved);
      for (let c = row.values.length; c < op.col; c++) row.values[c] = null;
      values.forEach((content, j) => {
        const value = toBulkValue(content);
        const hidden = merges.length ? bulk.hiddenBy(r, op.col + j + 1, merges) : undefined;
        if (hidden && value !== null) {
          throw new WorkbookRuleError(`Sel ${a1(r - 1, op.col + j)} tertutup oleh sel gabungan ${a1(hidden.top - 1, hidden.left - 1)}; tulis ke sel kiri atasnya.`, op);
        }
        if (!hidden) row.values[op.col + j] = value;
      });
    });
  }

  private mergeBulk(bulk: BulkCells, target: Rect, undo: UndoLog): void {
    const before = bulk.merges;
    undo.step(() => {
      bulk.merges = before;
    });
    // as the memory adapter does: a merge replaces the merges it overlaps, and drops the hidden cells' values
    bulk.merges = [...before.filter((m) => !intersects(m, target)), ...(target.bottom > target.top || target.right > target.left ? [target] : [])];
    const saved = (n: number, row: BulkRow | undefined) => undo.bulkRow(bulk, n, row);
    for (let r = target.top; r <= Math.min(target.bottom, bulk.rows.length - 1); r++) {
      if (!bulk.row(r)) continue;
      const row = bulk.touch(r, this.batch, saved);
      for (let c = target.left; c <= Math.min(target.right, row.values.length); c++) if (r !== target.top || c !== target.left) row.values[c - 1] = null;
    }
  }

  private clearBulk(bulk: BulkCells, r: Rect, undo: UndoLog, all = false): void {
    const saved = (n: number, before: BulkRow | undefined) => undo.bulkRow(bulk, n, before);
    if (all) {
      const before = bulk.merges;
      undo.step(() => {
        bulk.merges = before;
      });
      bulk.merges = before.filter((m) => !intersects(m, r));
    }
    for (let n = r.top; n <= Math.min(r.bottom, bulk.rows.length - 1); n++) {
      const existing = bulk.row(n);
      if (!existing) continue;
      if (!all && existing.values.slice(r.left - 1, r.right).every((v) => v === null || v === undefined)) continue;
      const row = bulk.touch(n, this.batch, saved);
      for (let c = r.left - 1; c < Math.min(r.right, row.values.length); c++) row.values[c] = null;
      if (all && row.styles.length >= r.left) {
        const styles = row.styles.slice();
        for (let c = r.left - 1; c < Math.min(r.right, styles.length); c++) styles[c] = undefined;
        row.styles = styles;
      }
    }
  }

  /** Clear All: the merges a cleared block touches go, as Excel's do (undone with the batch). */
  private unmergeWithin(ws: Worksheet, target: Rect, undo: UndoLog): void {
    const internals = sheetInternals(ws);
    const overlapping = Object.values(internals._merges).flatMap((m) => (m && intersects(m, target) ? [{ top: m.top, left: m.left, bottom: m.bottom, right: m.right }] : []));
    if (overlapping.length === 0) return;
    for (const m of overlapping) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = ws.findRow(r);
        if (!row) continue;
        for (let c = m.left; c <= m.right; c++) {
          const cell = row.findCell(c);
          if (cell) undo.style(cell);
        }
      }
    }
    undo.step(() => {
      for (const m of overlapping) internals.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
    });
    for (const m of overlapping) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  }

  private formatBulk(bulk: BulkCells, range: RangeRef, numberFormat: string | undefined, style: CellStyle | undefined, undo: UndoLog): void {
    const restyled = new Map<Partial<Style> | undefined, Partial<Style>>();
    // rows that shared a list of styles share the new one (see BulkRow.styles)
    const rows = new Map<readonly BulkStyle[], BulkStyle[]>();
    const saved = (n: number, before: BulkRow | undefined) => undo.bulkRow(bulk, n, before);
    const r = rectOf(range);
    for (let n = r.top; n <= r.bottom; n++) {
      const row = bulk.touch(n, this.batch, saved);
      for (let c = row.values.length; c < r.right; c++) row.values[c] = null;
      let next = rows.get(row.styles);
      if (!next) {
        next = row.styles.slice();
        for (let c = r.left - 1; c < r.right; c++) {
          const base = next[c];
          let s = restyled.get(base);
          if (!s) {
            s = restyle(base ?? {}, numberFormat, style);
            restyled.set(base, s);
          }
          next[c] = s;
        }
        rows.set(row.styles, next);
      }
      row.styles = next;
    }
  }

  private write(ws: Worksheet, op: Extract<WorkbookOp, { type: "write" }>, undo: UndoLog): void {
    op.cells.forEach((values, i) => {
      const r = op.row + i + 1;
      const row = ws.getRow(r);
      values.forEach((content, j) => {
        const c = op.col + j + 1;
        if (content === null || content === "") {
          const cell = row.findCell(c);
          if (!cell || cell.type === ValueType.Null || isHidden(cell)) return;
          undo.cell(cell);
          cell.value = null;
          return;
        }
        const cell = row.getCell(c);
        if (isHidden(cell)) {
          throw new WorkbookRuleError(`Sel ${a1(r - 1, c - 1)} tertutup oleh sel gabungan ${cell.master.address}; tulis ke sel kiri atasnya.`, op);
        }
        undo.cell(cell);
        cell.value = toExcelValue(content);
      });
    });
  }

  private format(ws: Worksheet, range: RangeRef, numberFormat: string | undefined, style: CellStyle | undefined, undo: UndoLog): void {
    // cells that shared a style object share the new one: less work for the writer's style table
    const restyled = new Map<Partial<Style>, Partial<Style>>();
    const r = rectOf(range);
    for (let rowNo = r.top; rowNo <= r.bottom; rowNo++) {
      const row = ws.getRow(rowNo);
      for (let col = r.left; col <= r.right; col++) {
        const cell = row.getCell(col);
        const base = cell.style;
        let next = restyled.get(base);
        if (!next) {
          next = restyle(base, numberFormat, style);
          restyled.set(base, next);
        }
        undo.style(cell);
        cell.style = next;
      }
    }
  }

  private merge(ws: Worksheet, target: Rect, undo: UndoLog): void {
    const internals = sheetInternals(ws);
    const overlapping = Object.values(internals._merges).flatMap((m) => (m && intersects(m, target) ? [{ top: m.top, left: m.left, bottom: m.bottom, right: m.right }] : []));
    // record the cells merging and unmerging change (values of hidden cells, styles reset by unmerge)
    for (const area of [target, ...overlapping]) {
      for (let r = area.top; r <= area.bottom; r++) {
        const row = ws.findRow(r);
        if (!row) continue;
        for (let c = area.left; c <= area.right; c++) {
          const cell = row.findCell(c);
          if (!cell) continue;
          if (isHidden(cell)) undo.style(cell);
          else undo.cell(cell);
        }
      }
    }
    undo.step(() => {
      ws.unMergeCells(target.top, target.left, target.bottom, target.right);
      for (const m of overlapping) internals.mergeCellsWithoutStyle(m.top, m.left, m.bottom, m.right);
    });
    // as the memory adapter does: a merge replaces the merges it overlaps
    for (const m of overlapping) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    if (target.bottom > target.top || target.right > target.left) internals.mergeCellsWithoutStyle(target.top, target.left, target.bottom, target.right);
  }
}

function nodeFs(): Promise<typeof import("node:fs/promises")> {
  return import(/* webpackIgnore: true */ "node:fs/promises");
}

function nodePath(): Promise<typeof import("node:path")> {
  return import(/* webpackIgnore: true */ "node:path");
}

function toExcelValue(content: Exclude<CellContent, null>): ExcelValue {
  if (typeof content === "object") return { formula: toFileFormula(content.formula) };
  // strings stay strings: ExcelJS only makes a formula from a { formula } object
  return typeof content === "string" ? escapeText(content) : content;
}

function snapshot(cell: Cell | undefined, date1904: boolean): CellSnapshot {
  if (!cell) return { value: null, formula: null, numberFormat: GENERAL };
  const numberFormat = cell.numFmt || GENERAL;
  if (isHidden(cell) || cell.type === ValueType.Null) return { value: null, formula: null, numberFormat };
  if (cell.type === ValueType.Formula) return { value: portValue(cell.result, date1904, true), formula: fromFileFormula(cell.formula), numberFormat };
  return { value: portValue(cell.value, date1904, false), formula: null, numberFormat };
}

/** An ExcelJS value or formula result as a port CellValue: errors as their text, dates as serial numbers. */
function portValue(v: unknown, date1904: boolean, isResult: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v === "" && !isResult ? null : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  // ExcelJS turns date-formatted numbers into Dates; the port, like Office.js, sees the serial number
  if (v instanceof Date) return v.getTime() / DAY_MS + 25569 - (date1904 ? 1462 : 0);
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return v.error;
    if ("richText" in v && Array.isArray(v.richText)) return richText(v.richText);
    if ("text" in v) return typeof v.text === "string" ? v.text : portValue(v.text, date1904, isResult);
  }
  throw new Error(`Nilai sel ExcelJS tidak dikenal: ${JSON.stringify(v)}`);
}

function richText(runs: unknown[]): string {
  return runs.map((run) => (typeof run === "object" && run !== null && "text" in run && typeof run.text === "string" ? run.text : "")).join("");
}

/**
 * Two repairs after loading, in one pass over the cells:
 * - shared formulas (Excel writes them for filled-down formulas) become plain ones: ExcelJS cannot save
 *   a shared group whose first cell was overwritten ("Shared Formula master must exist");
 * - ExcelJS reads an empty `<c>` without a style as a merged-away cell even outside any merge, and
 *   such a cell throws on every access; it becomes an empty cell.
 */
function normaliseCells(ws: Worksheet): void {
  const clones: Cell[] = [];
  const masters: Cell[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      dropNote(cell);
      if (cell.type === ValueType.Merge && !(cell.master as Cell | undefined)) {
        cell.model = { address: cell.address, type: ValueType.Null, style: cell.style } as unknown as Cell["model"];
        return;
      }
      if (cell.type !== ValueType.Formula) return;
      const m = formulaModel(cell);
      if (m.sharedFormula) clones.push(cell);
      else if (m.shareType === "shared") masters.push(cell);
    }),
  );
  // clones first: their formula is translated from the master's
  for (const cell of [...clones, ...masters]) {
    const result = cell.result;
    cell.value = result === undefined ? { formula: cell.formula } : { formula: cell.formula, result };
  }
}

/** Worksheet parts large enough to scan into a bulk store, scanned; those the store cannot hold are left out. */
async function scanLargeSheets(zip: JSZip, threshold: number): Promise<Map<string, ScannedSheet>> {
  const out = new Map<string, ScannedSheet>();
  const workbookPath = "xl/workbook.xml";
  const rels = zip.file(relsPath(workbookPath));
  if (!rels) return out;
  const targets = readRels(await rels.async("string"), relsPath(workbookPath)).filter((r) => !r.external);
  const sheets = targets.filter((r) => relKind(r.type) === "worksheet").map((r) => resolveTarget(workbookPath, r.target));
  const large = sheets.filter((path) => {
    const file = zip.file(path);
    return file !== null && unzippedSize(file) >= threshold;
  });
  if (large.length === 0) return out;
  const sst = targets.find((r) => relKind(r.type) === "sharedStrings");
  const sstFile = sst ? zip.file(resolveTarget(workbookPath, sst.target)) : null;
  const strings: SharedString[] | null = sstFile ? await readSharedStrings(sstFile) : null;
  for (const path of large) {
    const scanned = await scanSheet(zip.file(path)!, strings);
    if (scanned) out.set(path, scanned);
  }
  return out;
}
