/** Shared helpers for the SIPD LRA tests: the 002 fixture, its expected parse, small hand-made exports. */
import { findingMessage } from "../../../src/core/findings";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatAngka } from "../../../src/core/numbers";
import { LRA_LEVELS, persenOf, type LraParseResult, type LraParseSuccess } from "../../../src/core/sipd";

const FIXTURES = join(__dirname, "..", "..", "fixtures");

/** `sipd-lra-002-kode-rekening.tsv`: seed 002 lines 557–870, byte for byte (TSV line n = seed line n + 556). */
export const fixtureText = (): string => readFileSync(join(FIXTURES, "sipd-lra-002-kode-rekening.tsv"), "utf8");
export const SEED_OFFSET = 556;
export const tsvLine = (seedLine: number): number => seedLine - SEED_OFFSET;

export interface ExpectedRow {
  seed_line: number;
  tsv_line: number;
  kode: string;
  uraian: string;
  level: string;
  program: string;
  kegiatan: string | null;
  sub_kegiatan: string | null;
  kelompok_belanja: string | null;
  anggaran_sebelum_perubahan: number;
  anggaran_setelah_perubahan: number;
  realisasi_bulan_lalu: number;
  realisasi_bulan_ini: number;
  realisasi_sd_bulan_ini: number;
  persen_stated: number;
  persen_recomputed_2dp: number;
  sisa_anggaran_stated: number;
  sisa_anggaran_recomputed: number;
  akun?: string;
  anomalies?: string[];
}

export interface Expected002 {
  header: {
    pemda: string;
    judul: string;
    tahun_anggaran: number;
    bagian_bulan: string;
    urusan_pemerintahan: string;
    skpd: string;
    organisasi: string;
  };
  counts: Record<string, number>;
  data_row_count: number;
  skpd_totals: ExpectedRow[];
  programs: ExpectedRow[];
  program_totals_all_kelompok: Array<{
    program: string;
    uraian: string;
    kelompok: string[];
    anggaran_setelah_perubahan: number;
    realisasi_sd_bulan_ini: number;
    sisa_anggaran: number;
    persen_recomputed_2dp: number;
  }>;
  kegiatan_derived: Array<{
    program: string;
    kegiatan: string;
    sub_kegiatan: string[];
    anggaran_sebelum_perubahan: number;
    anggaran_setelah_perubahan: number;
    realisasi_bulan_lalu: number;
    realisasi_bulan_ini: number;
    realisasi_sd_bulan_ini: number;
    persen_recomputed_2dp: number;
    sisa_anggaran: number;
  }>;
  sub_kegiatan: ExpectedRow[];
  akun_rows: ExpectedRow[];
  footer_rows: Array<{
    line: number;
    uraian: string;
    anggaran_sebelum: string | null;
    anggaran_setelah: string | null;
    realisasi_bulan_lalu: string | null;
    realisasi_bulan_ini: string | null;
    realisasi_sd_bulan_ini: string | null;
    persen: string | null;
    raw: string;
  }>;
  page_artefacts: Array<{ line: number; text: string }>;
  rollup_mismatches_literal_codes: Array<{
    parent_line: number;
    parent_kode: string;
    column: string;
    stated: string;
    sum_children: string;
    children_lines: number[];
  }>;
  anomalies_summary: Array<{ seed_line: number | number[] | string; issue: string }>;
}

export const expected002 = (): Expected002 =>
  JSON.parse(readFileSync(join(FIXTURES, "expected-002-kode-rekening.json"), "utf8")) as Expected002;

export function parsedOk(result: LraParseResult): LraParseSuccess {
  if (!result.ok) throw new Error(`expected an LRA, got ${result.code}: ${result.message}`);
  return result;
}

/** One consistent data line: S/D, %, sisa computed as SIPD does; `over` replaces printed cells. */
export function dataLine(
  kode: string,
  uraian: string,
  anggaran: number,
  lalu: number,
  ini: number,
  over: Partial<Record<"sebelum" | "setelah" | "lalu" | "ini" | "sd" | "persen" | "sisa", string>> = {},
): string {
  const m = (v: number): string => formatAngka(v, "money", { negative: "parentheses" });
  const sd = lalu + ini;
  const persen = formatAngka(persenOf(sd, anggaran) ?? 0, "ratio", { decimals: 2 });
  return [
    kode,
    uraian,
    over.sebelum ?? m(anggaran),
    over.setelah ?? m(anggaran),
    over.lalu ?? m(lalu),
    over.ini ?? m(ini),
    over.sd ?? m(sd),
    over.persen ?? persen,
    over.sisa ?? m(anggaran - sd),
  ].join("\t");
}

export const HEADER = [
  "PEMERINTAH KABUPATEN LUMAJANG",
  "LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA DAERAH",
  "TAHUN ANGGARAN 2024",
  "BAGIAN BULAN JUNI",
  "",
  "URUSAN PEMERINTAHAN : 7.01 KECAMATAN : KECAMATAN LUMAJANG",
  "ORGANISASI : 7.01.0.00.0.00.01.0000",
  "",
  "KODE REKENING\tURAIAN\tANGGARAN\t\tREALISASI\t\t\t%\tSISA ANGGARAN",
  "\t\tSEBELUM PERUBAHAN\tSETELAH PERUBAHAN\tBULAN LALU\tBULAN INI\tS/D BULAN INI\t\t",
  "1\t2\t3\t4\t5\t5\t5\t6 = 5/4\t7",
];

/**
 * A small consistent export (line numbers: header 1–11, rows 12–21, footer 22–23):
 * one program, one sub kegiatan with two sub rincian objek (600 + 400 of anggaran).
 */
export function smallLra(): string[] {
  const p = "7 01 7 01 00";
  return [
    ...HEADER,
    dataLine(`${p} 00 00 5`, "BELANJA DAERAH", 1000000, 300000, 100000), // 12
    dataLine(`${p} 00 00 5 1`, "BELANJA OPERASI", 1000000, 300000, 100000), // 13
    dataLine(`${p} 01 00 5 1`, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", 1000000, 300000, 100000), // 14
    dataLine(`${p} 01 2.01.0001 5 1`, "Penyusunan Dokumen Perencanaan Perangkat Daerah", 1000000, 300000, 100000), // 15
    dataLine(`${p} 01 2.01.0001 5 1 02`, "Belanja Barang dan Jasa", 1000000, 300000, 100000), // 16
    dataLine(`${p} 01 2.01.0001 5 1 02 01`, "Belanja Barang", 1000000, 300000, 100000), // 17
    dataLine(`${p} 01 2.01.0001 5 1 02 01 01`, "Belanja Barang Pakai Habis", 1000000, 300000, 100000), // 18
    dataLine(`${p} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000), // 19
    dataLine(`${p} 01 2.01.0001 5 1 02 01 01 0026`, "Belanja Bahan Cetak", 250000, 100000, 0), // 20
    dataLine(`${p} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 0, 0), // 21
    "\tJumlah Belanja\t\t\t300000,00\t100000,00\t400000,00\t40,00\t", // 22
    "\tSurplus / Defisit\t-1000000,00\t-1000000,00\t-300000,00\t-100000,00\t-400000,00\t40,00\t", // 23
  ];
}

/**
 * Every property of a result a consumer relies on, whatever the input. Collected in plain code and
 * asserted once: a property test calls this hundreds of times on 241-row results.
 */
export function wellFormedProblems(result: LraParseResult, lineCount: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  if (typeof result.ok !== "boolean") return ["ok is not a boolean"];
  if (!result.ok) {
    check(/^sipd-/.test(result.code), `code ${result.code}`);
    check(result.message.length > 20 && result.message.includes("Yang diharapkan"), `message ${result.message}`);
    check(!("rows" in result), "a refusal carries rows");
    return problems;
  }
  check(result.rows.length > 0, "ok without rows");
  let previous = 0;
  for (const row of result.rows) {
    check(row.line > previous && row.line <= lineCount, `row line ${row.line}`);
    previous = row.line;
    check(LRA_LEVELS.includes(row.level), `level ${row.level}`);
    check(row.fields.length === 9, `row ${row.line} has ${row.fields.length} fields`);
    for (const v of [...Object.values(row.stated), ...Object.values(row.recomputed)]) {
      check(v === null || Number.isFinite(v), `row ${row.line} amount ${v}`);
    }
  }
  for (const f of result.findings) {
    check(["error", "warning", "info"].includes(f.severity), `severity ${f.severity}`);
    check(/^R-[A-Z]+(-\d\d)?$/.test(f.rule), `rule ${f.rule}`);
    check(Number.isInteger(f.at.line) && f.at.line >= 1 && f.at.line <= lineCount, `finding line ${f.at.line}`);
    check(findingMessage(f).length > 5, `message ${findingMessage(f)}`);
  }
  for (const group of [result.programs, result.kegiatan, result.subKegiatan]) {
    for (const g of group) check(g.lines.length > 0, "a derived group without lines");
  }
  return problems;
}

export function expectWellFormed(result: LraParseResult, lineCount: number): void {
  expect(wellFormedProblems(result, lineCount)).toEqual([]);
}
