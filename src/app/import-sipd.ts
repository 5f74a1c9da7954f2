/**
 * Use-case "Impor SIPD": a parsed Laporan Realisasi Anggaran becomes the Realisasi Anggaran sheet
 * (program → kegiatan → sub kegiatan, by kode) and a detail sheet with every kode rekening row for
 * traceability. One batch, all or nothing. The export's month decides the cumulative TW column, so the
 * March, June, September and December exports build the year; importing a month again replaces its
 * values in place (rows are matched by kode, never duplicated).
 */
import { colIndex, columnNumberFormat, COMPUTED_FILL, describeChanges, expectedFormula, isEmpty, REALISASI_ANGGARAN, TABLE_ROWS, TW_KEYS, type SheetKeys } from "../core/layouts";
import { groupBy, importRefusals, kegiatanName, MONTH_NAMES, monthOf, pushAmounts, refusalKey, type ImportRefusal, type LraFinding, type LraParseSuccess, type LraTotals, type WorkbookIdentity } from "../core/sipd";
import { findingMessage, SEVERITY_LABEL } from "../core/findings";
import { RINCIAN_COLUMNS, RINCIAN_LEVEL_LABEL, RINCIAN_ROWS, RINCIAN_SHEET, rincianTitle } from "../core/layouts/rincian";
import { message } from "../core/messages.id";
import { ARRAY_LAST_ROW } from "../core/layouts/formulas";
import { a1 } from "../core/workbook-ops";
import { WorkbookRuleError, type CellContent, type WorkbookOp } from "../core/workbook-ops";
import type { ApplyReport, SheetInfo, WorkbookPort } from "../workbook/port";
import { journalOps, journalSheet, JOURNAL_SHEET } from "./journal";
import { planWithInput, readExisting, settingsFromWorkbook, shiftedSheets, type ExistingWorkbook } from "./scaffold";

export const DETAIL_SHEET = RINCIAN_SHEET;


export interface LraPreview {
  skpd: string | null;
  organisasi: string | null;
  tahun: number | null;
  bulan: string | null;
  /** "s/d TW II (Juni)" when the month ends a quarter, else null (only "s/d bulan terakhir" is filled). */
  twColumn: string | null;
  counts: { program: number; kegiatan: number; subKegiatan: number; akun: number; rows: number };
  total: LraTotals | null;
  findings: { error: number; warning: number; info: number };
}

export function previewLra(lra: LraParseSuccess): LraPreview {
  const b = lra.meta.bulan;
  const skpdRow = lra.rows.find((r) => r.level === "skpd_total");
  const count = (s: LraFinding["severity"]) => lra.findings.filter((f) => f.severity === s).length;
  return {
    skpd: lra.meta.skpd,
    organisasi: lra.meta.organisasi,
    tahun: lra.meta.tahunAnggaran,
    bulan: b ? `${MONTH_NAMES[b.number - 1]} ${lra.meta.tahunAnggaran ?? ""}`.trim() : null,
    twColumn: b?.quarterEnd ? REALISASI_ANGGARAN.columns[colIndex(REALISASI_ANGGARAN, TW_KEYS[b.triwulan - 1]!)]!.header : null,
    counts: {
      program: lra.programs.length,
      kegiatan: lra.kegiatan.length,
      subKegiatan: lra.subKegiatan.length,
      akun: lra.rows.filter((r) => r.level.startsWith("akun") || r.level === "malformed").length,
      rows: lra.rows.length,
    },
    total: skpdRow
      ? {
          anggaranSebelum: skpdRow.stated.anggaranSebelum,
          anggaranSetelah: skpdRow.stated.anggaranSetelah,
          realisasiBulanLalu: skpdRow.stated.realisasiBulanLalu,
          realisasiBulanIni: skpdRow.stated.realisasiBulanIni,
          realisasiSd: skpdRow.stated.realisasiSd,
          sisa: skpdRow.stated.sisa,
          persen: skpdRow.stated.persen,
        }
      : null,
    findings: { error: count("error"), warning: count("warning"), info: count("info") },
  };
}

export type ImportProgress = { phase: "menyiapkan" | "membaca" | "menulis" | "selesai"; fraction: number };

export type ImportResult =
  | {
      ok: true;
      lines: string[];
      /** What the user should act on although the import succeeded: shown apart from the lines. */
      warnings: string[];
      updated: number;
      added: number;
      detailRows: number;
      report: ApplyReport;
      scaffolded: boolean;
      /** What the user confirmed to get here; recorded in the journal sheet. */
      confirmed?: readonly ImportRefusal[];
    }
  | {
      ok: false;
      message: string;
      /** Why nothing was written, as data (src/core/sipd/gate.ts). */
      refusals?: readonly ImportRefusal[];
      /** Every refusal may be confirmed: asking the user (and importing again with `confirmed`) can go on. */
      confirm?: boolean;
    };

export interface ImportOptions {
  /** The refusals the user confirmed: "all" (`--paksa`) or the keys (refusalKey) of those shown to them. */
  confirmed?: "all" | readonly string[];
  /** Where the LRA came from, for the journal: "berkas lra-juni.tsv", "teks tempelan". */
  source?: string;
  /** The clock of the journal entry. */
  now?: () => Date;
}

/** A budget line for the Realisasi Anggaran sheet. */
interface BudgetLine {
  level: "Program" | "Kegiatan" | "Sub Kegiatan";
  kode: string;
  uraian: string;
  totals: LraTotals;
}

function budgetLines(lra: LraParseSuccess): BudgetLine[] {
  // children grouped once, in their order: filtering every list per parent was 9 million comparisons
  // for the 1.600 kegiatan and 5.700 sub kegiatan of a 100k-row export
  const kegiatanOf = groupBy(lra.kegiatan, (k) => k.program);
  const subsOf = groupBy(lra.subKegiatan, (s) => `${s.program}|${s.kegiatan}`);
  const out: BudgetLine[] = [];
  for (const p of lra.programs) {
    out.push({ level: "Program", kode: p.notation, uraian: p.uraian, totals: p.totals });
    for (const k of kegiatanOf.get(p.program) ?? []) {
      out.push({ level: "Kegiatan", kode: k.notation, uraian: kegiatanName(k.program, k.kegiatan) ?? "", totals: k.totals });
      for (const s of subsOf.get(`${p.program}|${k.kegiatan}`) ?? []) {
        out.push({ level: "Sub Kegiatan", kode: s.notation, uraian: s.uraian, totals: s.totals });
      }
    }
  }
  return out;
}

/** The month of a "Juni 2024" label the import wrote; 0 when the cell holds none. */
function monthOfLabel(label: unknown): number {
  return typeof label === "string" ? monthOf(label.trim().split(/\s+/)[0] ?? "")?.number ?? 0 : 0;
}

/** Who and when the workbook is for, from its Pengaturan (null when it has none). */
function identityOf(wb: ExistingWorkbook): WorkbookIdentity | null {
  if (!wb.existing.pengaturan) return null;
  const s = settingsFromWorkbook(wb);
  const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v).trim() || null : null);
  const tahun = Number(text(s.tahun));
  return { unitKerja: text(s.unitKerja), kodeOrganisasi: text(s.kodeOrganisasi), tahun: Number.isInteger(tahun) ? tahun : null };
}

function refused(refusals: readonly ImportRefusal[]): Extract<ImportResult, { ok: false }> {
  const confirm = refusals.every((r) => r.confirmable);
  const head = confirm ? "Impor menunggu konfirmasi; belum ada yang ditulis." : "Impor tidak dijalankan; tidak ada yang ditulis.";
  return { ok: false, message: [head, ...refusals.map((r) => message(r.code, r.params))].join(" "), refusals, confirm };
}

/**
 * Imports a parsed LRA. Refuses before writing what gate.ts refuses, unless confirmed; creates the
 * standard sheets when the workbook has none (settings from the export's header), in the same batch
 * as the import and the journal entry of a confirmation, so the workbook holds all of it or none.
 */
export async function importLra(
  port: WorkbookPort,
  lra: LraParseSuccess,
  onProgress: (p: ImportProgress) => void = () => undefined,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const textRefusals = importRefusals(lra);
  if (textRefusals.some((r) => !r.confirmable)) return refused(textRefusals.filter((r) => !r.confirmable));
  const bulan = lra.meta.bulan!;
  onProgress({ phase: "membaca", fraction: 0 });
  const wb = await readExisting(port);
  // the amounts go to Realisasi Anggaran by column: a column inserted there would take them
  const shifted = shiftedSheets(wb, "Impor SIPD", ["realisasi"]);
  if (shifted.length) return { ok: false, message: shifted.map((p) => p.message).join(" ") };
  const refusals = importRefusals(lra, identityOf(wb));
  const confirmed = options.confirmed;
  const keys = confirmed === "all" ? null : new Set(confirmed ?? []);
  if (keys && refusals.some((r) => !keys.has(refusalKey(r)))) return refused(refusals);

  const ops: WorkbookOp[] = [];
  let realisasi = wb.existing.realisasi;
  let scaffolded = false;
  if (!realisasi) {
    const input: Record<string, unknown> = wb.existing.pengaturan
      ? {}
      : {
          unitKerja: titleCase(lra.meta.skpd ?? "Unit kerja"),
          pemda: lra.meta.pemda ? titleCase(lra.meta.pemda) : "",
          kodeOrganisasi: lra.meta.organisasi ?? "",
          tahun: lra.meta.tahunAnggaran,
          periode: bulan.number === 12 ? "Tahunan" : `TW ${["I", "II", "III", "IV"][bulan.triwulan - 1]}`,
        };
    const planned = planWithInput(wb, input);
    if (!planned.ok) return { ok: false, message: `Lembar standar tidak dapat disiapkan: ${planned.problems.map((p) => p.message).join(" ")}` };
    // the new sheet is empty: the import below writes its rows from the first data row on
    ops.push(...planned.plan.ops);
    realisasi = { name: REALISASI_ANGGARAN.sheet, usedRows: 0, cells: [] };
    scaffolded = true;
  }
  onProgress({ phase: "menyiapkan", fraction: 0.2 });

  const layout = REALISASI_ANGGARAN;
  const sheet = realisasi.name;
  const cells = realisasi.cells;
  const F = TABLE_ROWS.firstData;
  const col = (k: SheetKeys["realisasi"]) => colIndex(layout, k);
  const twCol = bulan.quarterEnd ? col(TW_KEYS[bulan.triwulan - 1]!) : -1;
  const bulanLabel = `${MONTH_NAMES[bulan.number - 1]} ${lra.meta.tahunAnggaran}`;

  // existing rows by kode; the last used data row decides where new rows go
  const byKode = new Map<string, number>();
  let lastUsed = F - 1;
  // the month of the newest import in the sheet ("s/d bulan terakhir" of its rows)
  let latest = 0;
  let latestLabel = "";
  for (let r = F; r < cells.length; r++) {
    const row = cells[r] ?? [];
    if (layout.columns.some((c, j) => c.role === "input" && !isEmpty(row[j]))) lastUsed = r;
    const kode = row[col("kode")]?.value;
    if (typeof kode === "string" && kode.trim() !== "" && !byKode.has(kode.trim())) byKode.set(kode.trim(), r);
    const label = row[col("bulan")]?.value;
    const m = monthOfLabel(label);
    if (m > latest) [latest, latestLabel] = [m, String(label).trim()];
  }
  // an older month after a newer one: what it can add is its quarter's column; the pagu, "s/d bulan
  // terakhir" and the Rincian SIPD stay the newer import's (the current budget and its detail)
  const older = latest > bulan.number;
  if (older && !bulan.quarterEnd) {
    return {
      ok: false,
      message:
        `LRA ${bulanLabel} lebih lama dari impor terakhir (${latestLabel}) dan bukan akhir triwulan, jadi tidak ada kolom yang dapat diisinya; ` +
        "tidak ada yang ditulis. Untuk mengisi kolom triwulan, impor LRA bulan Maret, Juni, September atau Desember.",
    };
  }

  const keptCells = new Set<string>();
  const kept: string[] = [];
  let updated = 0;
  const fresh: BudgetLine[] = [];
  for (const line of budgetLines(lra)) {
    const r = byKode.get(line.kode);
    if (r === undefined) {
      fresh.push(line);
      continue;
    }
    updated++;
    const row = cells[r] ?? [];
    const newer = monthOfLabel(row[col("bulan")]?.value) <= bulan.number;
    if (newer) {
      const uraian = line.uraian || (row[col("uraian")]?.value ?? null);
      const head: CellContent[] = [line.level, line.kode, uraian as CellContent, line.totals.anggaranSebelum, line.totals.anggaranSetelah, line.totals.realisasiSd, bulanLabel];
      ops.push({ type: "write", sheet, row: r, col: 0, cells: [head] });
    }
    if (twCol >= 0) ops.push({ type: "write", sheet, row: r, col: twCol, cells: [[line.totals.realisasiSd]] });
  }

  if (fresh.length) {
    const start = lastUsed + 1;
    const n = layout.columns.length;
    for (let j = 0; j < n; j++) {
      const c = layout.columns[j]!;
      ops.push({
        type: "format",
        range: { sheet, row: start, col: j, rows: fresh.length, cols: 1 },
        numberFormat: columnNumberFormat(c),
        style: { border: "thin", vertical: "top", ...(c.role === "computed" ? { fill: COMPUTED_FILL } : {}) },
      });
    }
    const block: CellContent[][] = fresh.map((line, i) =>
      layout.columns.map((c, j): CellContent => {
        const r = start + i;
        if (c.role === "computed") {
          // a constant the user typed over the formula stays, as the scaffold leaves it (reported below)
          const have = cells[r]?.[j];
          if (!isEmpty(have) && have?.formula === null) keptCells.add(`${i}:${j}`);
          return { formula: expectedFormula(layout, j, r)! };
        }
        switch (c.key) {
          case "level":
            return line.level;
          case "kode":
            return line.kode;
          case "uraian":
            return line.uraian || null;
          case "sebelum":
            return line.totals.anggaranSebelum;
          case "setelah":
            return line.totals.anggaranSetelah;
          case "sdBulan":
            return line.totals.realisasiSd;
          case "bulan":
            return bulanLabel;
          default:
            return j === twCol ? line.totals.realisasiSd : null;
        }
      }),
    );
    ops.push(...writesKeeping(sheet, start, block, keptCells));
    for (const key of keptCells) {
      const [i, j] = key.split(":").map(Number) as [number, number];
      kept.push(a1(start + i, j));
    }
  }

  const detail = wb.sheets.find((s) => s.name.toLowerCase() === DETAIL_SHEET.toLowerCase());
  if (!older) ops.push(...detailOps(lra, detail, bulanLabel));
  if (refusals.length) ops.push(...journalOps(journalSheet(wb.sheets), journalEntry(lra, bulanLabel, refusals, options)));

  onProgress({ phase: "menulis", fraction: 0.3 });
  let report: ApplyReport;
  try {
    report = await port.apply(ops, { onProgress: (done, total) => onProgress({ phase: "menulis", fraction: 0.3 + 0.7 * (done / Math.max(1, total)) }) });
  } catch (error) {
    // a rule Excel would refuse (a 40.000-character uraian, say): the port wrote nothing
    if (error instanceof WorkbookRuleError) return { ok: false, message: `Impor dibatalkan, tidak ada yang ditulis: ${error.message}` };
    throw error;
  }
  onProgress({ phase: "selesai", fraction: 1 });

  const p = previewLra(lra);
  const lines = [
    ...(scaffolded ? ["Lembar standar disiapkan lebih dulu (buku kerja belum memilikinya)."] : []),
    `${layout.sheet}: ${p.counts.program} program, ${p.counts.kegiatan} kegiatan, ${p.counts.subKegiatan} sub kegiatan dari LRA ${bulanLabel}` +
      (older
        ? ` → hanya kolom "${p.twColumn}": LRA ini lebih lama dari impor terakhir (${latestLabel}), yang pagu, "s/d Bulan Terakhir" dan Rincian SIPD-nya tetap dipakai.`
        : p.twColumn
          ? ` → kolom "${p.twColumn}".`
          : `; ${MONTH_NAMES[bulan.number - 1]} bukan akhir triwulan, jadi hanya kolom "s/d Bulan Terakhir" yang diisi.`),
    `${layout.sheet}: ${updated} baris diperbarui, ${fresh.length} baris baru.`,
    ...(kept.length ? describeChanges([{ sheet, notes: [{ code: "kept-user-values", cells: kept }] }]) : []),
    ...(older ? [] : [`${DETAIL_SHEET}: ${lra.rows.length} baris kode rekening (untuk penelusuran).`]),
    `Temuan pada LRA: ${p.findings.error} ${SEVERITY_LABEL.error}, ${p.findings.warning} ${SEVERITY_LABEL.warning}, ${p.findings.info} ${SEVERITY_LABEL.info}.`,
    ...(refusals.length ? [`Dikonfirmasi: ${refusals.length} hal, dicatat di lembar ${journalSheet(wb.sheets)?.name ?? JOURNAL_SHEET}.`] : []),
  ];
  const warnings = beyondStructureSums(layout.sheet, (fresh.length ? lastUsed + fresh.length : lastUsed) + 1);
  return { ok: true, lines, warnings, updated, added: fresh.length, detailRows: lra.rows.length, report, scaffolded, ...(refusals.length ? { confirmed: refusals } : {}) };
}

/**
 * The sums of a sasaran (a PK row without kode) read Realisasi Anggaran only to ARRAY_LAST_ROW, to keep
 * recalculation fast: an import that fills rows past it says so, rather than leave those sums short.
 */
function beyondStructureSums(sheet: string, lastRow: number): string[] {
  const bound = ARRAY_LAST_ROW.realisasi;
  if (lastRow <= bound) return [];
  return [
    `${sheet} kini sampai baris ${lastRow}, padahal pagu dan realisasi baris sasaran (baris PK tanpa kode) hanya menjumlahkan sampai baris ${bound}; program, kegiatan dan sub kegiatan sesudahnya tidak ikut dalam jumlah sasaran. Baris ber-kode tetap benar.`,
  ];
}

/** The journal's record of a confirmed import: each refusal, then every galat it let through. */
function journalEntry(lra: LraParseSuccess, bulanLabel: string, refusals: readonly ImportRefusal[], options: ImportOptions) {
  const m = lra.meta;
  const detail = [
    `LRA ${bulanLabel} — ${m.skpd ?? "SKPD tidak disebut"}${m.organisasi ? ` (organisasi ${m.organisasi})` : ""}`,
    `${lra.rows.length} baris kode rekening`,
    ...(options.source ? [`dari ${options.source}`] : []),
  ].join("; ");
  const galat = lra.findings.filter((f) => f.severity === "error").map((f) => `baris ${f.at.line} [${SEVERITY_LABEL[f.severity]}] ${f.rule}: ${findingMessage(f)}`);
  return {
    at: (options.now ?? (() => new Date()))(),
    action: "Impor SIPD (dipaksa)",
    detail,
    confirmed: [...refusals.map((r) => message(r.code, r.params)), ...galat],
  };
}

/**
 * Writes a block of rows except the cells in `skip` ("i:j", block-relative): rows without skipped
 * cells go out together, the others as the runs of cells between the skipped ones.
 */
function writesKeeping(sheet: string, row: number, block: CellContent[][], skip: ReadonlySet<string>): WorkbookOp[] {
  if (skip.size === 0) return [{ type: "write", sheet, row, col: 0, cells: block }];
  const ops: WorkbookOp[] = [];
  let plain: { start: number; rows: CellContent[][] } | null = null;
  const flush = () => {
    if (plain) ops.push({ type: "write", sheet, row: row + plain.start, col: 0, cells: plain.rows });
    plain = null;
  };
  block.forEach((cells, i) => {
    if (!cells.some((_c, j) => skip.has(`${i}:${j}`))) {
      plain ??= { start: i, rows: [] };
      plain.rows.push(cells);
      return;
    }
    flush();
    let from = 0;
    for (let j = 0; j <= cells.length; j++) {
      if (j < cells.length && !skip.has(`${i}:${j}`)) continue;
      if (j > from) ops.push({ type: "write", sheet, row: row + i, col: from, cells: [cells.slice(from, j)] });
      from = j + 1;
    }
  });
  flush();
  return ops;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s/(-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

/** The detail sheet holds the latest import only: cleared, then rewritten with every row of the paste. */
function detailOps(lra: LraParseSuccess, existing: SheetInfo | undefined, bulanLabel: string): WorkbookOp[] {
  const sheet = existing?.name ?? DETAIL_SHEET;
  const ops: WorkbookOp[] = [];
  if (!existing) ops.push({ type: "addSheet", sheet });
  else if (existing.usedRows > 0 && existing.usedCols > 0) ops.push({ type: "clear", range: { sheet, row: 0, col: 0, rows: existing.usedRows, cols: existing.usedCols } });
  const findingsByLine = new Map<number, string[]>();
  for (const f of lra.findings) findingsByLine.set(f.at.line, [...(findingsByLine.get(f.at.line) ?? []), `${f.rule}: ${findingMessage(f)}`]);
  const first = RINCIAN_ROWS.firstData;
  const n = RINCIAN_COLUMNS.length;
  RINCIAN_COLUMNS.forEach((c, j) => ops.push({ type: "format", range: { sheet, row: first, col: j, rows: Math.max(1, lra.rows.length), cols: 1 }, numberFormat: c.numberFormat }));
  const m = lra.meta;
  ops.push({
    type: "write",
    sheet,
    row: 0,
    col: 0,
    cells: [
      [rincianTitle(m.skpd, bulanLabel), ...Array(n - 1).fill(null)],
      [`Organisasi ${m.organisasi ?? "-"}; urusan ${m.urusan ?? "-"}. Baris = nomor baris pada teks yang ditempel. Impor berikutnya mengganti isi lembar ini.`, ...Array(n - 1).fill(null)],
      RINCIAN_COLUMNS.map((c) => c.header),
    ],
  });
  ops.push({ type: "format", range: { sheet, row: 0, col: 0, rows: 1, cols: 1 }, style: { bold: true } });
  ops.push({ type: "format", range: { sheet, row: 2, col: 0, rows: 1, cols: n }, style: { bold: true, wrap: true, fill: "#D9E2F3", border: "thin" } });
  const rows: CellContent[][] = lra.rows.map((r) => {
    const cells: CellContent[] = [r.line, r.kode, RINCIAN_LEVEL_LABEL[r.level] ?? r.level, r.notation.program, r.notation.kegiatan, r.notation.subKegiatan, r.kelompok, r.akun || null, r.uraian];
    // the seven amounts in field order, read where the parse keeps them
    pushAmounts(r, cells);
    cells.push(findingsByLine.get(r.line)?.join(" | ") ?? null);
    return cells;
  });
  if (rows.length) ops.push({ type: "write", sheet, row: first, col: 0, cells: rows });
  ops.push({ type: "columnWidths", sheet, widths: RINCIAN_COLUMNS.map((c, col) => ({ col, width: c.width })) });
  ops.push({ type: "freeze", sheet, rows: first, cols: 2 });
  return ops;
}
