/**
 * "Rincian SIPD": every kode rekening row of the last SIPD import, for traceability and for Periksa,
 * which checks the imported rows where they stand. Product-owned: each import rewrites it whole.
 * Declared as data like the standard sheets; the import writes it, the read model reads it back.
 */
import type { ColumnSpec } from "./types";

export const RINCIAN_SHEET = "Rincian SIPD";

/** Row 0 title ("Rincian LRA SIPD — <SKPD> — <Bulan> <Tahun>"), row 1 note, row 2 header, data from row 3. */
export const RINCIAN_ROWS = { title: 0, note: 1, header: 2, firstData: 3 } as const;

const col = <K extends string>(key: K, header: string, width: number, numberFormat: string): ColumnSpec<K, "input"> & { numberFormat: string } => ({
  key,
  role: "input",
  header,
  width,
  format: "general",
  numberFormat,
});

export const RINCIAN_COLUMNS = [
  col("baris", "Baris", 7, "0"),
  col("kode", "Kode Rekening", 38, "@"),
  col("level", "Level", 20, "@"),
  col("program", "Program", 20, "@"),
  col("kegiatan", "Kegiatan", 14, "@"),
  col("subKegiatan", "Sub Kegiatan", 20, "@"),
  col("kelompok", "Kelompok", 9, "@"),
  col("akun", "Akun", 16, "@"),
  col("uraian", "Uraian", 50, "@"),
  col("anggaranSebelum", "Anggaran Sebelum Perubahan", 18, "#,##0"),
  col("anggaranSetelah", "Anggaran Setelah Perubahan", 18, "#,##0"),
  col("realisasiBulanLalu", "Realisasi Bulan Lalu", 18, "#,##0"),
  col("realisasiBulanIni", "Realisasi Bulan Ini", 18, "#,##0"),
  col("realisasiSd", "Realisasi s/d Bulan Ini", 18, "#,##0"),
  col("persen", "%", 8, "0.00"),
  col("sisa", "Sisa Anggaran", 18, "#,##0"),
  col("temuan", "Temuan", 60, "@"),
] as const;

export type RincianKey = (typeof RINCIAN_COLUMNS)[number]["key"];

export const rincianCol = (key: RincianKey): number => RINCIAN_COLUMNS.findIndex((c) => c.key === key);

/** Level labels as the sheet shows them, by parser level. */
export const RINCIAN_LEVEL_LABEL: Record<string, string> = {
  skpd_total: "Total SKPD",
  skpd_kelompok: "Kelompok",
  program: "Program",
  sub_kegiatan: "Sub Kegiatan",
  akun_jenis: "Jenis",
  akun_objek: "Objek",
  akun_rincian_objek: "Rincian Objek",
  akun_sub_rincian_objek: "Sub Rincian Objek",
  malformed: "Kode tidak sesuai",
};

/** The title the import writes; the read model takes the SKPD, month and year back from it. */
export const rincianTitle = (skpd: string | null, bulanLabel: string): string => `Rincian LRA SIPD — ${skpd ?? ""} — ${bulanLabel}`;

/** SKPD, month name and year from a title written by `rincianTitle`; null when the cell holds something else. */
export function parseRincianTitle(title: unknown): { skpd: string; bulan: string; tahun: number } | null {
  if (typeof title !== "string") return null;
  const m = /^Rincian LRA SIPD — (.*) — (\p{L}+) (\d{4})$/u.exec(title.trim());
  return m ? { skpd: m[1]!.trim(), bulan: m[2]!, tahun: Number(m[3]) } : null;
}
