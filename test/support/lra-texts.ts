/** LRA texts for the task pane's tests: the real June 2024 export and two texts that are not one. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const LRA_TSV = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");

/** The same export saved as CSV with semicolons (what "Simpan sebagai CSV" gives in an Indonesian Excel). */
export const LRA_CSV = LRA_TSV.replace(/\t/g, ";");

/** The summary LRA (pendapatan / belanja ringkasan) of the same report, markup as seed 002 prints it: the wrong table for this import. */
export const SUMMARY_LRA = [
  "PEMERINTAH KABUPATEN LUMAJANG",
  "KECAMATAN LUMAJANG",
  "LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA",
  "Untuk Tahun yang Berakhir Per 30 Juni 2024",
  "(Dalam Rupiah)",
  "No\tUraian\tAnggaran 2024\tRealisasi 2024\t%\tRealisasi 2023",
  "1\t2\t3\t4\t5\t6",
  "01\t<u>PENDAPATAN</u>\t\t\t\t",
  "54\tBelanja Pegawai\t6.528.222.710,00\t893.816.761,00\t13,69\t0,00",
  "\tJUMLAH BELANJA\t7.229.814.333,00\t923.333.454,00\t12,77\t0,00",
  "\tSURPLUS/DEFISIT\t(7.229.814.333,00)\t(923.333.454,00)\t12,77\t0,00",
].join("\n");
