/**
 * A workbook typed from one seed report's tables (test/fixtures/pk-*, capaian-*, cost-per-outcome-*),
 * the way a user who copies the printed report into the standard sheets would type it: every number
 * as printed (cellEntry: "89%" is 0,89 shown as a percent, "0,41" in a percent column is 41%), the
 * indicator's unit in Satuan, and where the report's Tabel 2.2 or 2.3 prints a value that the sheet
 * computes (capaian, the mirrored target and realisasi, pagu, penyerapan, efisiensi), that value typed
 * over the formula; a computed column the report leaves empty is cleared. Each seed line maps to the
 * workbook row it became, so a catalogue entry's lines can be found in the workbook.
 *
 * Structure the tables imply and the builder fills in, as the user would:
 * - the Camat's "sasaran program" rows are the programs of the budget list (same order): one PK row each,
 *   with the program's kode;
 * - the components of a "Rata-rata …" indicator (SPEC F10: RKPDes, APBDes, LPPDes) take it as Induk;
 * - the Camat's other sasaran program rows take sasaran strategis 1 as Induk (its pagu is theirs);
 * - kode follow the nomenclature of SPEC d11 (7.01.01 Penunjang … 7.01.06 Pembinaan Desa); kegiatan and
 *   sub kegiatan are numbered under their jabatan's program;
 * - a budget row of Tabel 2.3 that the jabatan's PK budget list lacks is typed in Cost per Outcome
 *   only; a jabatan whose PK lists no budget (003) gets PK rows for its Tabel 2.3 budget rows;
 * - 003's kegiatan belong to the sasaran whose amounts they make up (E003-13).
 */
import { scaffold } from "../../src/app/scaffold";
import { CAPAIAN, COST_PER_OUTCOME, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, TABLE_ROWS, colIndex, type SheetKeys, type TableLayout } from "../../src/core/layouts";
import { cellEntry, parseAngka } from "../../src/core/numbers";
import { indicatorKey } from "../../src/core/rules/checks/indicators";
import type { CellContent, WorkbookOp } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { readFixture } from "../fixtures/load";

const F = TABLE_ROWS.firstData;
export type Seed = "000" | "001" | "003";

interface RawRatio {
  raw: string;
}
interface PkFixture {
  kecamatan: string;
  tahun: number;
  periode: string;
  jabatan: string;
  indikator: { line: number | number[]; no: string; level: string; sasaran: string; indikator: string; target_raw: string; target: number; target_unit: string | null }[];
  anggaran?: { line: number | number[]; no: string; level: string; nama: string; anggaran_raw: string }[];
}
interface CapaianFixture {
  jabatan: string;
  _source: { lines: string; table: string; notes?: string };
  rows: { line: number | number[]; no: string; sasaran?: string; indikator: string; target_raw: string; realisasi_raw: string; capaian_stated: RawRatio | null }[];
}
interface CpoFixture {
  jabatan: string;
  _source: { lines: string; table: string };
  rows: {
    line: number | number[];
    no: string;
    level: string;
    sasaran?: string;
    nama?: string;
    indikator?: string;
    kinerja: { target_raw: string | null; realisasi_raw: string | null; persen_stated: RawRatio | null } | null;
    anggaran: { pagu_raw: string | null; realisasi_raw: string | null; capaian_stated: RawRatio | null } | null;
    efisiensi_stated: RawRatio | null;
  }[];
}

const FILES: Record<Seed, string[]> = {
  "000": ["camat"],
  "001": ["camat", "sekcam", "kasubbag-umum", "kasubbag-keuangan", "kasi-pemerintahan", "kasi-pmd", "kasi-pelayanan-umum"],
  "003": ["kasi-pemerintahan"],
};

const LEVEL: Record<string, string> = {
  sasaran_strategis: "Sasaran Strategis",
  sasaran_program: "Sasaran Program",
  sasaran_kegiatan: "Sasaran Kegiatan",
  program: "Program",
  kegiatan: "Kegiatan",
  sub_kegiatan: "Sub Kegiatan",
};

/** SPEC d11: the six programs of a kecamatan, by a word of their name. */
const PROGRAMS: [RegExp, string][] = [
  [/penunjang/i, "7.01.01"],
  [/pelayanan publik|penyelenggaraan pemerintahan dan/i, "7.01.02"],
  [/pemberdayaan/i, "7.01.03"],
  [/ketentraman|ketertiban|trantib/i, "7.01.04"],
  [/pemerintahan umum|forum koordinasi/i, "7.01.05"],
  [/pembinaan|pengawasan|pemerintah(an)? desa|tata pemerintahan desa/i, "7.01.06"],
];
const programOf = (name: string): string | null => PROGRAMS.find(([re]) => re.test(name))?.[1] ?? null;

/** The program a jabatan's kegiatan and sub kegiatan belong to, when their names do not say (SPEC e). */
/** The kegiatan a Kasubbag's sub kegiatan sit under (SPEC e: Keuangan 2.01–2.02, Umum 2.03, 2.06–2.09). */
const JABATAN_KEGIATAN: Record<string, string> = { "Kasubbag Keuangan": "2.02", "Kasubbag Umum dan Kepegawaian": "2.06" };

const JABATAN_PROGRAM: Record<string, string> = {
  "Sekretaris Kecamatan": "7.01.01",
  "Kasubbag Umum dan Kepegawaian": "7.01.01",
  "Kasubbag Keuangan": "7.01.01",
  "Kasi Pelayanan Umum": "7.01.02",
  "Kasi Pemberdayaan Masyarakat": "7.01.03",
  "Kasi Pemerintahan": "7.01.06",
};

/** "(same sasaran)", "(same sasaran as row above, cell left blank)": a continuation row. */
const sameSasaran = (s: string | undefined): boolean => !s || s.startsWith("(same sasaran");
const firstLine = (l: number | number[]): number => (Array.isArray(l) ? l[0]! : l);
const lines = (l: number | number[]): number[] => (Array.isArray(l) ? Array.from({ length: l[1]! - l[0]! + 1 }, (_, i) => l[0]! + i) : [l]);
const cleanNo = (no: string): string => no.replace(/\s*\(.*\)\s*$/, "").trim();

/**
 * The seed lines each table row spans: a row of the PDF text runs from the line after the previous
 * row to its own last line (the sasaran text of 001 sits on the lines above the numbers).
 */
function spans(rows: { line: number | number[] }[], start: number): number[][] {
  let prev = start - 1;
  return rows.map((r) => {
    const l = lines(r.line);
    const last = l[l.length - 1]!;
    const out: number[] = [];
    for (let x = Math.min(prev + 1, l[0]!); x <= last; x++) out.push(x);
    prev = Math.max(prev, last);
    return out;
  });
}
const tableStart = (source: { lines: string }): number => Number(/^(\d+)/.exec(source.lines)![1]);

export interface SeedWorkbook {
  wb: MemoryWorkbook;
  /** Seed line → the workbook rows (sheet, 0-based row) its table row became. */
  rowsByLine: Map<number, { sheet: string; row: number }[]>;
  /** Seed line → header cells typed from it (the column-number row). */
  jabatan: string[];
}

/** What a printed number becomes when typed into a cell of the given format. */
function typedValue(raw: string | null | undefined, numberFormat: string): { value: CellContent; numberFormat?: string } | null {
  if (raw === null || raw === undefined) return null;
  const t = raw.trim();
  if (t === "") return null;
  if (t === "-") return { value: null };
  const e = cellEntry(t, numberFormat);
  return e.numberFormat ? { value: e.value, numberFormat: e.numberFormat } : { value: e.value };
}

/** A target or realisasi as the user enters it: the number in the cell, the unit word in Satuan. */
function splitUnit(raw: string): { value: CellContent; numberFormat?: string; unit: string | null } {
  const r = parseAngka(raw);
  if (r.ok && r.unit) return { value: r.value, unit: r.unit };
  const e = cellEntry(raw.trim());
  return { value: e.value, ...(e.numberFormat ? { numberFormat: e.numberFormat } : {}), unit: r.ok && r.percent ? "%" : null };
}

class Writer {
  readonly ops: WorkbookOp[] = [];
  readonly rowsByLine = new Map<number, { sheet: string; row: number }[]>();

  mark(l: number | number[], sheet: string, row: number): void {
    for (const x of lines(l)) this.rowsByLine.set(x, [...(this.rowsByLine.get(x) ?? []), { sheet, row }]);
  }

  markAll(ls: readonly number[], sheet: string, row: number): void {
    for (const x of ls) this.mark(x, sheet, row);
  }

  put<K extends string>(layout: TableLayout<K>, row: number, key: NoInfer<K>, v: CellContent, numberFormat?: string): void {
    const col = colIndex(layout, key);
    if (numberFormat) this.ops.push({ type: "format", range: { sheet: layout.sheet, row, col, rows: 1, cols: 1 }, numberFormat });
    this.ops.push({ type: "write", sheet: layout.sheet, row, col, cells: [[v]] });
  }

  /** A printed value over a computed cell (or an input), formatted as the column is. */
  typed<K extends string>(layout: TableLayout<K>, row: number, key: NoInfer<K>, raw: string | null | undefined): void {
    const spec = layout.columns[colIndex(layout, key)]!;
    const format = spec.format === "percent" ? "0.00%" : spec.format === "money" ? "#,##0" : "General";
    const t = typedValue(raw, format);
    if (!t) return;
    this.put(layout, row, key, t.value, t.numberFormat);
  }
}

function similar(a: string, b: string): boolean {
  const ka = indicatorKey(a);
  const kb = indicatorKey(b);
  if (ka === kb) return true;
  const wa = new Set(ka.split(" "));
  const wb = new Set(kb.split(" "));
  const common = [...wa].filter((w) => wb.has(w)).length;
  return common / Math.max(wa.size, wb.size) >= 0.6;
}

/** Rows of a table matched to PK rows: by position when the counts agree, else by name. */
function match<T>(rows: T[], pk: { indikator: string }[], name: (r: T) => string): (number | null)[] {
  if (rows.length === pk.length) return rows.map((_, i) => i);
  const used = new Set<number>();
  return rows.map((r) => {
    const i = pk.findIndex((p, j) => !used.has(j) && similar(p.indikator, name(r)));
    if (i < 0) return null;
    used.add(i);
    return i;
  });
}

/**
 * `as-printed`: every printed number typed, computed ones over their formulas (the catalogue's setting).
 * `correct`: only the inputs, in consistent units (a realisasi printed as a percent of a count target is
 * typed as that share of the target, 25% of 12 Dokumen as 3), every computed column left to its
 * formula; the tables' amounts as the lowest rows print them, so parents add up by structure.
 */
export type BuildMode = "as-printed" | "correct";

export async function seedWorkbook(seed: Seed, mode: BuildMode = "as-printed"): Promise<SeedWorkbook> {
  const printed = mode === "as-printed";
  const files = FILES[seed];
  const first = readFixture<PkFixture>(`pk-${seed}-${files[0]}.json`);
  const wb = new MemoryWorkbook();
  const s = await scaffold(wb, { unitKerja: `Kecamatan ${first.kecamatan}`, tahun: first.tahun, periode: first.periode });
  if (!s.ok) throw new Error("scaffold failed");
  const tw = (["TW I", "TW II", "TW III", "TW IV"].indexOf(first.periode) + 1) as 1 | 2 | 3 | 4;
  const twKey = `tw${tw}` as SheetKeys["capaian"] & SheetKeys["realisasi"];
  const w = new Writer();
  let next = F; // next free PK row
  const cpoOnly: (() => void)[] = [];
  const ra = new Map<string, { level: string; uraian: string; pagu: number | null; realisasi: number | null }>();
  const jabatanList: string[] = [];

  for (const file of files) {
    const pk = readFixture<PkFixture & { _source: { lines: string } }>(`pk-${seed}-${file}.json`);
    const cap = readFixture<CapaianFixture>(`capaian-${seed}-${file}.json`);
    const cpo = readFixture<CpoFixture>(`cost-per-outcome-${seed}-${file}.json`);
    const jabatan = pk.jabatan;
    jabatanList.push(jabatan);
    const camat = jabatan === "Camat";
    const program = JABATAN_PROGRAM[jabatan] ?? "7.01.01";
    const counter = { kegiatan: 0, sub: 0 };
    const kodeFor = (level: string, name: string): string =>
      level === "program"
        ? programOf(name) ?? program
        : level === "kegiatan"
          ? `${programOf(name) ?? program}.2.${String(++counter.kegiatan).padStart(2, "0")}`
          : `${program}.${JABATAN_KEGIATAN[jabatan] ?? "2.01"}.${String(++counter.sub).padStart(4, "0")}`;

    // --- PK indicator rows
    const pkRows: { row: number; indikator: string; level: string; no: string; sasaran: string; id: string; unit: string | null; target: CellContent }[] = [];
    const pkSpans = spans(pk.indikator, tableStart(pk._source));
    let sasaran = "";
    pk.indikator.forEach((ind, k) => {
      const row = next++;
      const id = `IK-${String(row - F + 1).padStart(3, "0")}`;
      if (!sameSasaran(ind.sasaran)) sasaran = ind.sasaran;
      const t = printed ? splitUnit(ind.target_raw) : plainUnit(ind.target_raw);
      const unit = t.unit ?? (ind.target_unit && ind.target_unit !== "%" ? ind.target_unit : ind.target_unit === "%" ? "%" : null);
      w.put(PERJANJIAN_KINERJA, row, "jabatan", jabatan);
      w.put(PERJANJIAN_KINERJA, row, "no", cleanNo(ind.no));
      w.put(PERJANJIAN_KINERJA, row, "level", LEVEL[ind.level] ?? ind.level);
      w.put(PERJANJIAN_KINERJA, row, "sasaran", sasaran);
      w.put(PERJANJIAN_KINERJA, row, "indikator", ind.indikator);
      if (unit) w.put(PERJANJIAN_KINERJA, row, "satuan", unit);
      w.put(PERJANJIAN_KINERJA, row, "polaritas", "positif");
      w.put(PERJANJIAN_KINERJA, row, "metode", "terakhir");
      w.put(PERJANJIAN_KINERJA, row, "targetAwal", t.value, t.numberFormat);
      w.markAll(pkSpans[k]!, PERJANJIAN_KINERJA.sheet, row);
      pkRows.push({ row, indikator: ind.indikator, level: ind.level, no: cleanNo(ind.no), sasaran, id, unit, target: t.value });
    });

    // the components of a rata-rata indicator (SPEC F10) take it as Induk
    const rata = pkRows.find((r) => /^rata-rata persentase desa yang menyusun dokumen/i.test(r.indikator));
    const components = new Set(pkRows.filter((r) => rata && /menetapkan (rkpdes|apbdes|lppdes)/i.test(r.indikator)).map((r) => r.row));
    if (rata) for (const row of components) w.put(PERJANJIAN_KINERJA, row, "induk", rata.id);
    // the Camat's other sasaran program rows (programs A–E) under sasaran strategis 1, so each sasaran
    // strategis has the pagu of its own programs (SPEC e, cascading); F's rows are sasaran 2's components
    const strategis1 = camat ? pkRows.find((r) => r.level === "sasaran_strategis") : undefined;
    if (strategis1) for (const r of pkRows) if (r.level === "sasaran_program" && !components.has(r.row)) w.put(PERJANJIAN_KINERJA, r.row, "induk", strategis1.id);

    // --- budget rows
    const budget = cpo.rows.filter((r) => ["program", "kegiatan", "sub_kegiatan"].includes(r.level));
    const listed = pk.anggaran ?? [];
    const listedSpans = listed.length ? spans(listed, lines(pk.indikator[pk.indikator.length - 1]!.line).pop()! + 1) : [];
    const budgetRow = new Map<number, number>(); // index in `budget` → PK row
    // Tabel 2.3 of 2022/2023 prints a sasaran's kinerja and its budget on separate rows (layout L1):
    // the n-th sasaran of the PK is the n-th item of its budget list, one row in the workbook
    const halves = budget.length > 0 && budget.every((b) => !b.kinerja || (b.kinerja.target_raw === null && b.kinerja.realisasi_raw === null));
    const groups: (typeof pkRows)[number][] = [];
    for (const r of pkRows) {
      if (camat && r.level !== "sasaran_program") continue;
      const prev = groups[groups.length - 1];
      if (!prev || prev.no !== r.no || prev.sasaran !== r.sasaran) groups.push(r);
    }
    // the budget rows of Tabel 2.3 make the items when they pair with the sasaran and the PK's list does not
    const fromTable = listed.length === 0 || (halves && groups.length === budget.length && groups.length !== listed.length);
    const items = fromTable ? budget.map((b) => ({ level: b.level, name: b.sasaran ?? b.nama ?? "" })) : listed.map((a) => ({ level: a.level, name: a.nama }));
    const merged = halves && groups.length === items.length;
    const itemRows: number[] = [];
    items.forEach((it, i) => {
      let row: number;
      if (merged) row = groups[i]!.row;
      else {
        row = next++;
        w.put(PERJANJIAN_KINERJA, row, "jabatan", jabatan);
        w.put(PERJANJIAN_KINERJA, row, "level", LEVEL[it.level]!);
        w.put(PERJANJIAN_KINERJA, row, "sasaran", it.name);
      }
      w.put(PERJANJIAN_KINERJA, row, "kode", kodeFor(it.level, it.name));
      if (!fromTable) w.markAll(listedSpans[i]!, PERJANJIAN_KINERJA.sheet, row);
      itemRows.push(row);
    });
    if (!fromTable) {
      // Tabel 2.3's budget rows against the PK's list, level by level in order
      const used = new Map<string, number>();
      budget.forEach((b, i) => {
        const k = used.get(b.level) ?? 0;
        const at = listed.map((a, j) => [a, j] as const).filter(([a]) => a.level === b.level)[k];
        used.set(b.level, k + 1);
        if (at) budgetRow.set(i, itemRows[at[1]]!);
      });
    } else budget.forEach((_, i) => budgetRow.set(i, itemRows[i]!));

    // --- Capaian (Tabel 2.2): realisasi typed in the period's TW, the printed capaian over the formula
    const capMatch = match(cap.rows, pkRows, (r) => r.indikator);
    const capSpans = spans(cap.rows, tableStart(cap._source));
    cap.rows.forEach((r, i) => {
      const m = capMatch[i];
      if (m === null || m === undefined) return;
      const p = pkRows[m]!;
      const row = p.row;
      w.markAll(capSpans[i]!, CAPAIAN.sheet, row);
      const real = splitUnit(r.realisasi_raw);
      if (!printed) {
        w.put(CAPAIAN, row, twKey, correctRealisasi(r.realisasi_raw, p.unit, p.target));
        return;
      }
      w.put(CAPAIAN, row, twKey, real.value, real.numberFormat);
      if (r.capaian_stated) w.typed(CAPAIAN, row, "capaian", r.capaian_stated.raw);
      if (!similar(r.indikator, p.indikator)) w.put(CAPAIAN, row, "indikator", r.indikator);
      const target = splitUnit(r.target_raw);
      if (target.value !== p.target) w.put(CAPAIAN, row, "target", target.value, target.numberFormat);
      const unit = target.unit ?? real.unit;
      if (unit && p.unit && unit.toLowerCase() !== p.unit.toLowerCase() && unit !== "%" && p.unit !== "%") w.put(CAPAIAN, row, "satuan", unit);
    });
    // the column-number label "5=4/5" the report printed over Tabel 2.2's capaian column, typed into
    // the sheet's number row; the header spans the table's first lines up to its first row
    if (/5=4\/5/.test(cap._source.notes ?? "")) {
      w.put(CAPAIAN, TABLE_ROWS.number, "capaian", "5=4/5");
      const end = Math.min(...cap.rows.map((r) => firstLine(r.line))) - 1;
      for (let l = tableStart(cap._source); l <= end; l++) w.mark(l, CAPAIAN.sheet, TABLE_ROWS.number);
    }

    // --- Cost per Outcome (Tabel 2.3)
    const cpoSpans = new Map(cpo.rows.map((r, i) => [r, spans(cpo.rows, tableStart(cpo._source))[i]!] as const));
    const kinerjaRows = cpo.rows.filter((r) => r.level.startsWith("sasaran"));
    const cpoMatch = match(kinerjaRows, pkRows, (r) => r.indikator ?? "");
    let cpoSasaran = "";
    const typeCpo = (row: number, r: CpoFixture["rows"][number], kinerja: boolean) => {
      w.markAll(cpoSpans.get(r)!, COST_PER_OUTCOME.sheet, row);
      if (!printed) return;
      if (kinerja && r.kinerja) {
        w.typed(COST_PER_OUTCOME, row, "target", r.kinerja.target_raw);
        w.typed(COST_PER_OUTCOME, row, "realisasi", r.kinerja.realisasi_raw);
        if (r.kinerja.persen_stated) w.typed(COST_PER_OUTCOME, row, "capaian", r.kinerja.persen_stated.raw);
      }
      if (r.anggaran) {
        w.typed(COST_PER_OUTCOME, row, "pagu", r.anggaran.pagu_raw);
        w.typed(COST_PER_OUTCOME, row, "realisasiAnggaran", r.anggaran.realisasi_raw);
        if (r.anggaran.capaian_stated) w.typed(COST_PER_OUTCOME, row, "penyerapan", r.anggaran.capaian_stated.raw);
        else w.put(COST_PER_OUTCOME, row, "penyerapan", null);
        if (r.efisiensi_stated) w.typed(COST_PER_OUTCOME, row, "efisiensi", r.efisiensi_stated.raw);
        else w.put(COST_PER_OUTCOME, row, "efisiensi", null);
      }
    };
    kinerjaRows.forEach((r, i) => {
      if (!sameSasaran(r.sasaran)) cpoSasaran = r.sasaran!;
      const m = cpoMatch[i];
      if (m === null || m === undefined) {
        // a sasaran Tabel 2.3 reports that the PK does not have: typed in Cost per Outcome only
        const sasaranNow = cpoSasaran;
        if (!printed) return;
        cpoOnly.push(() => {
          const row = next++;
          w.put(COST_PER_OUTCOME, row, "sasaran", sasaranNow);
          if (r.indikator) w.put(COST_PER_OUTCOME, row, "indikator", r.indikator);
          typeCpo(row, r, true);
        });
        return;
      }
      const row = pkRows[m]!.row;
      const pkSasaran = pkRows[m]!.sasaran;
      if (printed && !sameSasaran(r.sasaran) && r.sasaran!.toLowerCase().trim() !== pkSasaran.toLowerCase().trim()) w.put(COST_PER_OUTCOME, row, "sasaran", r.sasaran!);
      if (printed && r.indikator && !similar(r.indikator, pkRows[m]!.indikator)) w.put(COST_PER_OUTCOME, row, "indikator", r.indikator);
      typeCpo(row, r, true);
    });
    budget.forEach((b, i) => {
      const row = budgetRow.get(i);
      if (row === undefined) {
        if (!printed) return;
        cpoOnly.push(() => {
          const r = next++;
          w.put(COST_PER_OUTCOME, r, "sasaran", b.sasaran ?? b.nama ?? "");
          typeCpo(r, b, false);
        });
        return;
      }
      // the indicator a budget row prints in Tabel 2.3 against the PK row it merged into
      const pkInd = pkRows.find((p) => p.row === row)?.indikator;
      if (printed && merged && b.indikator && pkInd && !similar(b.indikator, pkInd)) w.put(COST_PER_OUTCOME, row, "indikator", b.indikator);
      typeCpo(row, b, !merged);
      // Realisasi Anggaran: each kode with the amounts Tabel 2.3 prints for it
      const kodeOp = [...w.ops].reverse().find((o) => o.type === "write" && o.sheet === PERJANJIAN_KINERJA.sheet && o.row === row && o.col === colIndex(PERJANJIAN_KINERJA, "kode"));
      const kode = kodeOp && kodeOp.type === "write" ? String(kodeOp.cells[0]![0]) : null;
      const pagu = b.anggaran?.pagu_raw ? money(b.anggaran.pagu_raw) : null;
      const realisasi = b.anggaran?.realisasi_raw ? money(b.anggaran.realisasi_raw) : null;
      if (kode && !ra.has(kode)) ra.set(kode, { level: LEVEL[b.level]!, uraian: b.sasaran ?? b.nama ?? "", pagu, realisasi });
    });
    if (seed === "003") {
      // kegiatan 3 + 4 make sasaran 3's amounts, kegiatan 5 sasaran 1's, kegiatan 6 sasaran 4's (E003-13)
      const byNo = (level: string, no: string) => cpo.rows.findIndex((r) => r.level === level && cleanNo(r.no).replace(/\.$/, "") === no);
      const kegRow = (no: string) => budgetRow.get(budget.indexOf(cpo.rows[byNo("kegiatan", no)]!));
      const sasaranRow = (no: string) => {
        const m = cpoMatch[kinerjaRows.indexOf(cpo.rows[byNo("sasaran_kegiatan", no)]!)];
        return m === null || m === undefined ? undefined : pkRows[m];
      };
      for (const [keg, sas] of [["3", "3"], ["4", "3"], ["5", "1"], ["6", "4"]] as const) {
        const k = kegRow(keg);
        const s2 = sasaranRow(sas);
        if (k !== undefined && s2) w.put(PERJANJIAN_KINERJA, k, "induk", s2.id);
      }
      // sasaran 2's budget is a program Tabel 2.3 lists no kegiatan of (E003-13): in the correct
      // workbook it has its own kode and amounts
      const s2 = sasaranRow("2");
      const printedRow = cpo.rows[byNo("sasaran_kegiatan", "2")];
      if (!printed && s2 && printedRow?.anggaran) {
        w.put(PERJANJIAN_KINERJA, s2.row, "kode", "7.01.05");
        ra.set("7.01.05", { level: "Program", uraian: printedRow.sasaran ?? "", pagu: money(printedRow.anggaran.pagu_raw ?? ""), realisasi: money(printedRow.anggaran.realisasi_raw ?? "") });
      }
    }
  }
  for (const f of cpoOnly) f();

  // Realisasi Anggaran rows for every kode the PK names
  let r = F;
  for (const [kode, x] of ra) {
    w.put(REALISASI_ANGGARAN, r, "level", x.level);
    w.put(REALISASI_ANGGARAN, r, "kode", kode);
    w.put(REALISASI_ANGGARAN, r, "uraian", x.uraian);
    if (x.pagu !== null) w.put(REALISASI_ANGGARAN, r, "setelah", x.pagu);
    if (x.realisasi !== null) w.put(REALISASI_ANGGARAN, r, twKey, x.realisasi);
    r++;
  }
  await wb.apply(w.ops);
  return { wb, rowsByLine: w.rowsByLine, jabatan: jabatanList };
}

/** A target as the correct workbook holds it: the number, and its unit ("%" for a percent) in Satuan. */
function plainUnit(raw: string): { value: CellContent; unit: string | null; numberFormat?: string } {
  const r = parseAngka(raw);
  if (!r.ok) return { value: null, unit: null };
  return { value: r.value, unit: r.percent ? "%" : r.unit };
}

/**
 * A realisasi in the target's unit: printed as a percent of a count target, it is that share of the
 * target (25% of 12 Dokumen is 3, 100% of 7 desa is 7); otherwise the printed number.
 */
function correctRealisasi(raw: string, targetUnit: string | null, target: CellContent): CellContent {
  const r = parseAngka(raw);
  if (!r.ok) return null;
  const countTarget = targetUnit !== null && targetUnit !== "%" && typeof target === "number";
  if (r.percent && countTarget) return Math.round((r.value / 100) * (target as number) * 100) / 100;
  return r.value;
}

/** A printed amount as the number it means ("1,706,504,410", "2.400.000,-", "0"). */
function money(raw: string): number | null {
  const r = parseAngka(raw, { kind: "money" });
  return r.ok ? r.value : null;
}
