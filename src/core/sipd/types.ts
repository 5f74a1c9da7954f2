/**
 * Types of the SIPD "Laporan Realisasi Anggaran" (LRA) kode-rekening parser.
 * Codes are always text; amounts are rupiah (whole rupiah in every real export); percentages are
 * percent values as printed (53.17 means 53,17%).
 */
import type { Finding, Location } from "../findings";

/** Row level by the structure of the kode (SPEC d4). */
export type LraLevel =
  | "skpd_total"
  | "skpd_kelompok"
  | "program"
  | "sub_kegiatan"
  | "akun_jenis"
  | "akun_objek"
  | "akun_rincian_objek"
  | "akun_sub_rincian_objek"
  | "malformed";

export const LRA_LEVELS: readonly LraLevel[] = [
  "skpd_total",
  "skpd_kelompok",
  "program",
  "sub_kegiatan",
  "akun_jenis",
  "akun_objek",
  "akun_rincian_objek",
  "akun_sub_rincian_objek",
  "malformed",
];

/** The seven numeric columns (3–9) of an LRA row. */
export type LraColumn =
  | "anggaranSebelum"
  | "anggaranSetelah"
  | "realisasiBulanLalu"
  | "realisasiBulanIni"
  | "realisasiSd"
  | "persen"
  | "sisa";

/** The money columns, in TSV order; `persen` sits between realisasiSd and sisa. */
export const MONEY_COLUMNS = ["anggaranSebelum", "anggaranSetelah", "realisasiBulanLalu", "realisasiBulanIni", "realisasiSd", "sisa"] as const;
export type LraMoneyColumn = (typeof MONEY_COLUMNS)[number];

/** Values as printed; null when the cell is empty or unreadable (a finding says which). */
export type LraAmounts = Record<LraColumn, number | null>;

export interface LraRecomputed {
  /** BULAN LALU + BULAN INI */
  realisasiSd: number | null;
  /** ROUND_HALF_UP(S/D ÷ SETELAH × 100, 2); 0 when both are 0; null when SETELAH is 0 and S/D is not */
  persen: number | null;
  /** SETELAH − S/D (the stated S/D) */
  sisa: number | null;
}

/** Standard notation of the program / kegiatan / sub kegiatan a row belongs to (`7.01.01.2.01.0001`). */
export interface LraNotation {
  program: string | null;
  kegiatan: string | null;
  subKegiatan: string | null;
}

export interface LraRow {
  /** 1-based line in the pasted text */
  line: number;
  /** the nine TAB fields as pasted, with PDF markup (`**`, `<b>`) and surplus empty trailing fields removed */
  fields: readonly string[];
  /** field 1 with markup stripped and whitespace collapsed: `7 01 7 01 00 01 2.01.0001 5 1 02` */
  kode: string;
  uraian: string;
  level: LraLevel;
  /** `7.01` (kode tokens 0–1) */
  urusan: string;
  /** `7 01 00` (kode tokens 2–4, constant within one export) */
  unit: string;
  /** `01`; `00` on SKPD rows */
  program: string;
  /** `2.01`; null on program and SKPD rows */
  kegiatan: string | null;
  /** `2.01.0001`; null on program and SKPD rows */
  subKegiatan: string | null;
  /** `1` Belanja Operasi, `2` Belanja Modal; null on the SKPD total */
  kelompok: string | null;
  /** the akun tokens after the sub kegiatan: `5 1 02 02 01 0071` */
  akun: string;
  notation: LraNotation;
  /** Malformed rows only: the reading used for roll-ups, when one is evident (`5 1 01 01 01 02` → `5 1 01 01 02`). */
  repaired?: { kode: string; akun: string; level: LraLevel };
  stated: LraAmounts;
  /** digits after the decimal comma in the % cell as printed (2 in SIPD; `1.592,4` has 1) */
  persenDecimals: number | null;
  recomputed: LraRecomputed;
}

export type LraFooterKind = "jumlah_belanja" | "surplus_defisit";

export interface LraFooterRow {
  line: number;
  kind: LraFooterKind;
  fields: readonly string[];
  uraian: string;
  stated: LraAmounts;
  persenDecimals: number | null;
}

export type LraSkippedKind = "report-header" | "column-header" | "page-header" | "page-number" | "uraian-continuation" | "other";

export interface LraSkippedLine {
  line: number;
  kind: LraSkippedKind;
  text: string;
}

export interface LraMonth {
  /** as printed: `JUNI` */
  name: string;
  /** 1–12 */
  number: number;
  /** ceil(month / 3) */
  triwulan: 1 | 2 | 3 | 4;
  /** March, June, September, December: the only months that are quarter snapshots */
  quarterEnd: boolean;
}

export interface LraMeta {
  pemda: string | null;
  judul: string | null;
  tahunAnggaran: number | null;
  bulan: LraMonth | null;
  /** `7.01` */
  urusan: string | null;
  /** the bidang urusan label printed after the urusan code (`KECAMATAN`) */
  urusanNama: string | null;
  /** `KECAMATAN LUMAJANG` */
  skpd: string | null;
  /** `7.01.0.00.0.00.01.0000` */
  organisasi: string | null;
}

/** Sums over several rows; sisa and persen are derived from the summed anggaran and realisasi. */
export interface LraTotals {
  anggaranSebelum: number | null;
  anggaranSetelah: number | null;
  realisasiBulanLalu: number | null;
  realisasiBulanIni: number | null;
  realisasiSd: number | null;
  /** anggaranSetelah − realisasiSd */
  sisa: number | null;
  /** half-up 2dp of realisasiSd ÷ anggaranSetelah × 100 */
  persen: number | null;
}

/** A program over all kelompok (Belanja Operasi + Belanja Modal): Σ its program rows. */
export interface LraProgram {
  program: string;
  notation: string;
  uraian: string;
  kelompok: string[];
  /** lines of its program × kelompok rows */
  lines: number[];
  totals: LraTotals;
}

/** A kegiatan: not a row in the export, derived as Σ its sub kegiatan rows; key = (program, `K.KK`). */
export interface LraKegiatan {
  program: string;
  kegiatan: string;
  notation: string;
  /** sub kegiatan codes (`2.01.0001`), in order of appearance */
  subKegiatan: string[];
  /** lines of the sub kegiatan rows summed */
  lines: number[];
  totals: LraTotals;
}

/** A sub kegiatan over all kelompok: Σ its sub kegiatan rows (one per kelompok it spends in). */
export interface LraSubKegiatan {
  program: string;
  kegiatan: string;
  subKegiatan: string;
  notation: string;
  uraian: string;
  kelompok: string[];
  lines: number[];
  totals: LraTotals;
}

export type { Severity } from "../findings";

/** A finding on a line of the pasted text (the product's one Finding type, located at a line). */
export type LraFinding = Finding & { at: Extract<Location, { kind: "line" }> };

export interface LraParseOptions {
  /** Longest text accepted, in characters (UTF-16 code units). Default 60 MiB. */
  maxLength?: number;
  /**
   * How malformed kode rekening take part in roll-ups: `repaired` (default) reads them as the evident
   * well-formed code (SPEC d5); `literal` keeps them where their literal code puts them.
   */
  rollupReading?: "repaired" | "literal";
  /**
   * Told every few thousand lines how far the reading of lines has got: characters read and the
   * text's length (a worker passes it on as progress). The roll-ups after the last line are not counted.
   */
  onProgress?: (read: number, total: number) => void;
}

export interface LraParseSuccess {
  ok: true;
  meta: LraMeta;
  /** data rows in order of appearance (footer rows excluded) */
  rows: LraRow[];
  footer: LraFooterRow[];
  programs: LraProgram[];
  kegiatan: LraKegiatan[];
  subKegiatan: LraSubKegiatan[];
  findings: LraFinding[];
  /** non-blank lines that are not data: page breaks, repeated headers, report header */
  skipped: LraSkippedLine[];
  blankLines: number;
  lineCount: number;
}

export type LraRefusalCode =
  | "sipd-not-text"
  | "sipd-empty"
  | "sipd-too-large"
  | "sipd-html"
  | "sipd-summary-lra"
  | "sipd-one-cell-per-line"
  | "sipd-space-separated"
  | "sipd-csv"
  | "sipd-wrong-columns"
  | "sipd-no-rows"
  | "sipd-mostly-unreadable";

/** What the text looked like, for the message that says why it was refused. */
export interface LraFound {
  lines: number;
  /** lines that start like a kode rekening (`7 01 7 …`) */
  kodeLines: number;
  /** lines read as LRA data rows */
  dataRows: number;
  linesWithTab: number;
  /** the separator seen, for CSV */
  separator?: "," | ";";
  /** the most frequent field count among kode lines */
  fieldCount?: number;
}

export interface LraParseFailure {
  ok: false;
  code: LraRefusalCode;
  message: string;
  found?: LraFound;
}

export type LraParseResult = LraParseSuccess | LraParseFailure;
