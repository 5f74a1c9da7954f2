/**
 * The heavy half of "Impor SIPD", loaded as its own chunk when the panel first reads something: the
 * SIPD parser, the import use-case, reading an LRA from the selected cells, and the preview as
 * display text. The panel itself (and impor.ts) only know its types.
 */
import { previewLra } from "../app/import-sipd";
import { cellsToLraText } from "../core/sipd/cells-text";
import { REALISASI_ANGGARAN } from "../core/layouts";
import { findingMessage } from "../core/findings";
import { formatAngka } from "../core/numbers";
import { importRefusals, parseLra, type LraFinding, type LraParseSuccess, type Severity } from "../core/sipd";
import { rangeA1, sheetRef, type CellSnapshot, type RangeRef, type WorkbookPort } from "../workbook/port";
import {
  MAX_FINDINGS_SHOWN,
  MAX_SELECTION_CELLS,
  noSelectionMessage,
  READ_BLOCK_CELLS,
  refusalText,
  type CellSource,
  type FindingGroup,
  type FindingItem,
  type LraView,
  type ParsedLra,
  type ReadProgress,
  type SelectionRead,
} from "./impor";

export { importLra } from "../app/import-sipd";

/** The text through the parser, with the preview of what it found. */
export function readLra(text: string, source: CellSource | null = null): ParsedLra {
  const r = parseLra(text);
  return r.ok ? { ok: true, lra: r, view: lraView(r, source) } : { ok: false, message: r.message };
}

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
  const cells: CellSnapshot[][] = [];
  const step = Math.max(1, Math.floor(READ_BLOCK_CELLS / cols));
  onProgress({ phase: "membaca", fraction: 0 });
  for (let r = 0; r < rows; r += step) {
    const [block] = await port.read([{ ...range, row: range.row + r, rows: Math.min(step, rows - r) }]);
    if (!block) throw new Error(`Buku kerja tidak mengembalikan isi ${address} (baris ${range.row + r + 1} dst.).`);
    for (const row of block) cells.push(row);
    onProgress({ phase: "membaca", fraction: Math.min(rows, r + step) / rows });
  }
  onProgress({ phase: "mengurai", fraction: 1 });
  return { ok: true, text: cellsToLraText(cells), source: { sheet: selected.sheet, range, address, wholeSheet } };
}

// ─── the preview ─────────────────────────────────────────────────────────────────────────────────

const SEVERITY_TITLE: Readonly<Record<Severity, string>> = { error: "Galat", warning: "Peringatan", info: "Info" };
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];
const NOT_FOUND = "tidak ditemukan di kepala LRA";
const SD_BULAN_HEADER = REALISASI_ANGGARAN.columns.find((c) => c.key === "sdBulan")?.header ?? "s/d Bulan Terakhir";

export function rupiah(x: number | null): string {
  if (x === null) return "—";
  return formatAngka(x, "money", { decimals: Number.isInteger(x) ? 0 : 2 });
}

export function persen(x: number | null): string {
  return x === null ? "—" : `${formatAngka(x, "ratio", { decimals: 2 })}%`;
}

/** Where a finding's line is: the line of the pasted text, or the sheet row it came from. */
export function lineLabel(line: number, source: CellSource | null): string {
  return source ? `Baris ${source.range.row + line} di lembar ${source.sheet}` : `Baris ${line}`;
}

export function lraView(lra: LraParseSuccess, source: CellSource | null = null): LraView {
  const p = previewLra(lra);
  const month = lra.meta.bulan;
  const columnNote = p.twColumn
    ? `Kolom "${p.twColumn}" dan "${SD_BULAN_HEADER}" pada lembar ${REALISASI_ANGGARAN.sheet}.`
    : month
      ? `${p.bulan ?? month.name} bukan akhir triwulan: hanya kolom "${SD_BULAN_HEADER}" yang diisi, kolom triwulan tidak.`
      : "Bulan tidak ditemukan, jadi kolom triwulan tidak dapat ditentukan.";
  const byFinding = new Map<Severity, LraFinding[]>();
  for (const f of lra.findings) byFinding.set(f.severity, [...(byFinding.get(f.severity) ?? []), f]);
  const findings: FindingGroup[] = SEVERITY_ORDER.flatMap((severity) => {
    const all = byFinding.get(severity) ?? [];
    if (all.length === 0) return [];
    const items = all.slice(0, MAX_FINDINGS_SHOWN).map((f): FindingItem => ({
      where: lineLabel(f.at.line, source),
      rule: f.rule,
      message: findingMessage(f),
      ...(f.at.kode !== undefined ? { kode: f.at.kode } : {}),
    }));
    return [{ severity, title: SEVERITY_TITLE[severity], count: all.length, items, hidden: all.length - items.length }];
  });
  const total = p.total;
  return {
    facts: [
      { label: "SKPD", value: p.skpd ?? NOT_FOUND },
      { label: "Organisasi", value: p.organisasi ?? NOT_FOUND },
      { label: "Tahun anggaran", value: p.tahun === null ? NOT_FOUND : String(p.tahun) },
      { label: "Bulan", value: p.bulan ?? NOT_FOUND },
    ],
    twColumn: p.twColumn,
    columnNote,
    // read as "6 program", "13 kegiatan": value first
    counts: [
      { label: "program", value: formatAngka(p.counts.program, "count") },
      { label: "kegiatan", value: formatAngka(p.counts.kegiatan, "count") },
      { label: "sub kegiatan", value: formatAngka(p.counts.subKegiatan, "count") },
      { label: "baris akun", value: formatAngka(p.counts.akun, "count") },
    ],
    dataRows: lra.rows.length,
    totals: total
      ? [
          { label: "Anggaran setelah perubahan", value: rupiah(total.anggaranSetelah) },
          { label: "Realisasi s/d bulan ini", value: rupiah(total.realisasiSd) },
          { label: "Persentase realisasi", value: persen(total.persen) },
        ]
      : [],
    findings,
    // what the import refuses whatever the user confirms is known from the text alone
    blocker:
      importRefusals(lra)
        .filter((r) => !r.confirmable)
        .map(refusalText)
        .join(" ") || null,
  };
}
