/**
 * The heavy half of "Impor SIPD", loaded as its own chunk when the panel first reads something: the
 * reading of a text (in the parse worker, or here where no worker runs), the import use-case, reading
 * an LRA from the selected cells, and the preview as display text. The panel itself (and impor.ts)
 * only know its types.
 */
import { cellsToLraText } from "../core/sipd/cells-text";
import { formatAngka } from "../core/numbers";
import { rangeA1, sheetRef, type RangeRef, type WorkbookPort } from "../workbook/port";
import { MAX_SELECTION_CELLS, noSelectionMessage, type ReadProgress, type SelectionRead } from "./impor";
import { createLraReader } from "./parse-client";
import { spawnParseWorker } from "./parse-worker-spawn";

export { importLra } from "../app/import-sipd";
export { lineLabel, lraView, persen, readLra, rupiah } from "./lra-view";

/** Reads a text in the parse worker (one per session, started on the first reading), or here without one. */
export const readText = createLraReader(spawnParseWorker);

/**
 * The LRA in the selected cells, as the text the parser reads. A single selected cell stands for its
 * sheet (after a paste and a click elsewhere, the block is no longer selected); a larger selection
 * is read as selected, cut to the used range, so whole columns cost nothing extra.
 */
export async function readSelection(port: WorkbookPort, kind: "office" | "memory", onProgress: (p: ReadProgress) => void = () => undefined): Promise<SelectionRead> {
  onProgress({ phase: "memilih", fraction: 0 });
  const selected = await port.selectedRange();
  if (!selected) return { ok: false, reason: "none", message: noSelectionMessage(kind) };
  const info = (await port.sheets()).find((s) => s.name.toLowerCase() === selected.sheet.toLowerCase());
  const usedRows = info?.usedRows ?? 0;
  const usedCols = info?.usedCols ?? 0;
  const wholeSheet = selected.rows === 1 && selected.cols === 1;
  const from = wholeSheet ? { row: 0, col: 0, rows: usedRows, cols: usedCols } : selected;
  const rows = Math.min(from.row + from.rows, usedRows) - from.row;
  const cols = Math.min(from.col + from.cols, usedCols) - from.col;
  const shown = sheetRef(selected.sheet, rangeA1(selected));
  if (rows < 1 || cols < 1) {
    const message = wholeSheet ? `Lembar ${selected.sheet} kosong. Tempel LRA ke lembar itu, atau pilih sel berisi LRA.` : `Rentang terpilih ${shown} kosong. Pilih sel berisi LRA yang ditempel.`;
    return { ok: false, reason: "empty", message };
  }
  const range: RangeRef = { sheet: selected.sheet, row: from.row, col: from.col, rows, cols };
  const address = sheetRef(selected.sheet, rangeA1(range));
  if (rows * cols > MAX_SELECTION_CELLS) {
    return {
      ok: false,
      reason: "too-large",
      message: `Rentang ${address} berisi ${formatAngka(rows * cols, "count")} sel, lebih dari ${formatAngka(MAX_SELECTION_CELLS, "count")}. Pilih hanya sel LRA (9 kolom: Kode Rekening sampai Sisa Anggaran).`,
    };
  }
  // one read: the port cuts it into as few round trips as Excel on the web's response limit allows
  onProgress({ phase: "membaca", fraction: 0 });
  // the paste's values and number formats are what the parser reads: its formulas are not asked for
  const [cells] = await port.read([{ ...range, formulas: false }], { onProgress: (done, total) => onProgress({ phase: "membaca", fraction: total > 0 ? done / total : 1 }) });
  if (!cells) throw new Error(`Buku kerja tidak mengembalikan isi ${address}.`);
  onProgress({ phase: "membaca", fraction: 1 });
  onProgress({ phase: "mengurai", fraction: 1 });
  return { ok: true, text: cellsToLraText(cells), source: { sheet: selected.sheet, range, address, wholeSheet } };
}

