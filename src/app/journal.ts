/**
 * The workbook's own record of decisions a user confirmed: an import forced past its refusals, an
 * export made with peringatan still open. Kept in a sheet the product owns ("Riwayat SAKIP"), one row
 * per decision, appended in the same batch as the write it records, so a record exists exactly when
 * the write happened.
 */
import type { CellContent, SheetInfo, WorkbookOp } from "../workbook/port";

export const JOURNAL_SHEET = "Riwayat SAKIP";

export const JOURNAL_HEADERS = ["Waktu", "Tindakan", "Rincian", "Yang dikonfirmasi"] as const;
const WIDTHS = [20, 24, 60, 80];
const HEADER_ROW = 2;
const FIRST_ROW = HEADER_ROW + 1;

export interface JournalEntry {
  /** When the user confirmed. */
  at: Date;
  /** "Impor SIPD (dipaksa)", "Ekspor laporan" … */
  action: string;
  /** What was written: file, period, unit. */
  detail: string;
  /** What the user confirmed, one item each: "R-PERIOD-01 Capaian!M7: …", "SKPD berbeda: …". */
  confirmed: readonly string[];
}

/** "2026-12-02 14:05:09" in the machine's local time: sortable and readable. */
export function journalTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Excel cells hold at most 32,767 characters; a long list is cut with a count of the rest. */
function confirmedText(items: readonly string[]): string {
  const limit = 32_000;
  let text = "";
  for (const [i, item] of items.entries()) {
    const next = text ? `${text}\n${item}` : item;
    if (next.length > limit) return `${text}\n… dan ${items.length - i} lagi`;
    text = next;
  }
  return text;
}

/**
 * Operations that append one entry. `sheet` is the journal sheet as it is now (undefined when the
 * workbook has none yet): its used rows decide where the entry goes.
 */
export function journalOps(sheet: SheetInfo | undefined, entry: JournalEntry): WorkbookOp[] {
  const name = sheet?.name ?? JOURNAL_SHEET;
  const ops: WorkbookOp[] = [];
  if (!sheet) {
    const n = JOURNAL_HEADERS.length;
    ops.push({ type: "addSheet", sheet: name });
    ops.push({
      type: "write",
      sheet: name,
      row: 0,
      col: 0,
      cells: [
        ["Riwayat SAKIP Workbook: keputusan yang dikonfirmasi pengguna", ...Array<CellContent>(n - 1).fill(null)],
        ["Ditulis oleh SAKIP Workbook; jangan dihapus bila buku kerja akan diperiksa.", ...Array<CellContent>(n - 1).fill(null)],
        [...JOURNAL_HEADERS],
      ],
    });
    ops.push({ type: "format", range: { sheet: name, row: 0, col: 0, rows: 1, cols: 1 }, style: { bold: true } });
    ops.push({ type: "format", range: { sheet: name, row: HEADER_ROW, col: 0, rows: 1, cols: n }, style: { bold: true, fill: "#D9E2F3", border: "thin" } });
    ops.push({ type: "columnWidths", sheet: name, widths: WIDTHS.map((width, col) => ({ col, width })) });
    ops.push({ type: "freeze", sheet: name, rows: FIRST_ROW, cols: 0 });
  }
  const row = Math.max(FIRST_ROW, sheet?.usedRows ?? 0);
  ops.push({ type: "format", range: { sheet: name, row, col: 0, rows: 1, cols: JOURNAL_HEADERS.length }, numberFormat: "@", style: { wrap: true, vertical: "top" } });
  ops.push({ type: "write", sheet: name, row, col: 0, cells: [[journalTime(entry.at), entry.action, entry.detail, confirmedText(entry.confirmed)]] });
  return ops;
}

/** Finds the journal among the workbook's sheets (any case). */
export function journalSheet(sheets: readonly SheetInfo[]): SheetInfo | undefined {
  return sheets.find((s) => s.name.toLowerCase() === JOURNAL_SHEET.toLowerCase());
}
