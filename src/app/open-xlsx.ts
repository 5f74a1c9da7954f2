/**
 * Use-case "Buka .xlsx" of the no-Excel mode: the user's workbook (saved by Excel, LibreOffice or WPS)
 * becomes the session workbook, and "Unduh .xlsx" gives it back with nothing lost.
 *
 * The file is read by the .xlsx adapter, which keeps what ExcelJS drops (keep.ts, assemble.ts). What
 * it cannot keep (a chart sheet, VBA) is refused here, before the session changes, naming what would
 * be lost. The session works on a memory copy of the cells (values, formulas, number formats, styles,
 * merges, widths, freeze panes, defined names): every panel and the grid read and write that copy,
 * which records each batch it applies (SessionWorkbook). The download opens the file's own bytes again
 * and replays those batches on them, so charts, drawings, comments, pivots, images, other sheets and
 * defined names are written back as the file had them.
 *
 * Browser-safe (no Node API): the task pane imports this module dynamically, with ExcelJS.
 */
import type { MessageParams } from "../core/messages.id";
import { openMessage as message, type OpenMessageCode as MessageCode } from "./open-messages.id";
import { formatAngka } from "../core/numbers";
import type { CellContent, CellStyle, WorkbookOp } from "../workbook/port";
import { NotWorkbookError, XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { SessionWorkbook, type OpenedFile } from "./session-workbook";

/** What the browser opens: a workbook of a perangkat daerah is a few MB; a large SIPD detail sheet fits too. */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

/** Where opening is: for the progress line. */
export type OpenStage = "reading" | "parsing" | "copying";

export const OPEN_STAGE_TEXT: Record<OpenStage, string> = {
  reading: "membaca berkas",
  parsing: "membaca isi buku kerja",
  copying: "menyiapkan lembar",
};

export type OpenResult = { ok: true; workbook: SessionWorkbook; sheets: string[] } | { ok: false; message: string };

const refuse = (code: MessageCode, params: MessageParams): OpenResult => ({ ok: false, message: message(code, params) });

const megabytes = (n: number): string => formatAngka(n / (1024 * 1024), "ratio", { decimals: 1 });

/** Before reading the bytes: a file too big for the browser is refused by its size alone. */
export function checkSize(name: string, size: number): string | null {
  if (size > MAX_OPEN_BYTES) return message("open-too-large", { name, size: megabytes(size), limit: megabytes(MAX_OPEN_BYTES) });
  if (size === 0) return message("open-empty", { name });
  return null;
}

/** The signature of a compound file (OLE2): an .xls of Excel 97–2003, or an .xlsx encrypted with a password. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Whether the UTF-16LE name of a stream occurs in a compound file's directory. */
function hasStreamName(bytes: Uint8Array, name: string): boolean {
  const needle = Array.from(name).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Opens `bytes` (the file `name`) as the session workbook, or says in Indonesian why not: not an .xlsx
 * (another format, an old .xls, a damaged file), encrypted with a password, too large, or holding
 * what a download would lose.
 */
export async function openXlsx(name: string, bytes: Uint8Array, onStage: (stage: OpenStage) => void = () => undefined): Promise<OpenResult> {
  const tooBig = checkSize(name, bytes.byteLength);
  if (tooBig) return { ok: false, message: tooBig };
  if (startsWith(bytes, OLE2)) {
    return hasStreamName(bytes, "EncryptedPackage") ? refuse("open-encrypted", { name }) : refuse("open-old-xls", { name });
  }
  if (!startsWith(bytes, ZIP)) return refuse("open-not-xlsx", { name });
  onStage("parsing");
  let xlsx: XlsxWorkbook;
  try {
    xlsx = await XlsxWorkbook.fromBuffer(bytes);
  } catch (error) {
    // a .docx, an .ods or another zip: the adapter says what it is
    if (error instanceof NotWorkbookError) return refuse("open-not-xlsx", { name, detail: error.kind });
    return refuse("open-unreadable", { name, detail: firstLine(error) });
  }
  if (xlsx.losses.length) return refuse("open-losses", { name, losses: xlsx.losses.join("; ") });
  onStage("copying");
  const contents = await contentsOf(xlsx);
  const origin: OpenedFile = { name, bytes };
  const workbook = await SessionWorkbook.opened(origin, contents);
  return { ok: true, workbook, sheets: (await workbook.sheets()).map((s) => s.name) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

/**
 * The operations that rebuild the file's cells in the memory workbook: sheets, then formats (per run
 * down a column, as MemoryWorkbook.snapshotOps does), values and formulas (per run along a row), column
 * widths, freeze panes, merges and defined names. Print setup and validations stay in the file only:
 * the grid does not show them and the download writes the file's own.
 */
export async function contentsOf(xlsx: XlsxWorkbook): Promise<WorkbookOp[]> {
  const infos = await xlsx.sheets();
  const ops: WorkbookOp[] = infos.map((s) => ({ type: "addSheet", sheet: s.name }));
  for (const info of infos) {
    const sheet = info.name;
    const layout = xlsx.layout(sheet)!;
    const formatted = xlsx.formattedExtent(sheet) ?? { rows: 0, cols: 0 };
    const rows = Math.max(info.usedRows, formatted.rows);
    const cols = Math.max(info.usedCols, formatted.cols);
    const [cells = []] = rows > 0 && cols > 0 ? await xlsx.read([{ sheet, row: 0, col: 0, rows, cols }]) : [[]];
    const styles: (CellStyle | undefined)[][] = cells.map((row, r) => row.map((_, c) => plainStyle(xlsx.cellStyle({ sheet, row: r, col: c }))));
    for (let c = 0; c < cols; c++) {
      let run: { row: number; rows: number; numberFormat: string; style: CellStyle | undefined; key: string } | null = null;
      const flush = () => {
        if (run && (run.numberFormat !== "General" || run.style)) {
          ops.push({ type: "format", range: { sheet, row: run.row, col: c, rows: run.rows, cols: 1 }, numberFormat: run.numberFormat, ...(run.style ? { style: run.style } : {}) });
        }
        run = null;
      };
      for (let r = 0; r < rows; r++) {
        const numberFormat = cells[r]?.[c]?.numberFormat ?? "General";
        const style = styles[r]?.[c];
        const key = `${numberFormat}\u0000${style ? JSON.stringify(style) : ""}`;
        if (run && run.key === key && run.row + run.rows === r) run.rows++;
        else {
          flush();
          run = { row: r, rows: 1, numberFormat, style, key };
        }
      }
      flush();
    }
    cells.forEach((row, r) => {
      let run: CellContent[] = [];
      let start = 0;
      for (let c = 0; c <= row.length; c++) {
        const cell = row[c];
        const content: CellContent = !cell ? null : cell.formula !== null ? { formula: cell.formula } : cell.value === "" ? null : cell.value;
        if (content !== null) {
          if (run.length === 0) start = c;
          run.push(content);
        } else if (run.length) {
          ops.push({ type: "write", sheet, row: r, col: start, cells: [run] });
          run = [];
        }
      }
    });
    if (layout.widths.size) ops.push({ type: "columnWidths", sheet, widths: [...layout.widths].map(([col, width]) => ({ col, width })) });
    if (layout.freeze.rows || layout.freeze.cols) ops.push({ type: "freeze", sheet, rows: layout.freeze.rows, cols: layout.freeze.cols });
    for (const m of layout.merges) ops.push({ type: "merge", range: m });
  }
  for (const n of await xlsx.names()) ops.push({ type: "defineName", name: n.name, formula: n.formula });
  return ops;
}

/** A cell's style without the flags a file answers as false: none at all for a plain cell. */
function plainStyle(style: CellStyle): CellStyle | undefined {
  const out: CellStyle = {};
  for (const [key, value] of Object.entries(style) as [keyof CellStyle, CellStyle[keyof CellStyle]][]) {
    if (value !== false && value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The session workbook as .xlsx bytes: the opened file with the session's batches replayed on it. */
export async function exportOpened(workbook: SessionWorkbook): Promise<Uint8Array> {
  const origin = workbook.origin;
  if (!origin) throw new Error("exportOpened: the session workbook was not opened from a file.");
  const xlsx = await XlsxWorkbook.fromBuffer(origin.bytes);
  // refused before any work, as the CLI does (opening refused it already; this guards the invariant)
  if (xlsx.losses.length) throw new Error(message("open-losses", { name: origin.name, losses: xlsx.losses.join("; ") }));
  for (const batch of workbook.journal) await xlsx.apply(batch);
  return xlsx.toBuffer();
}

/** The download's name: the opened file's, as an .xlsx. */
export function openedFileName(name: string): string {
  return /\.xlsx$/i.test(name) ? name : `${name.replace(/\.[^.]*$/, "")}.xlsx`;
}
