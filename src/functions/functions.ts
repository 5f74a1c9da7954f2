/**
 * Excel custom functions, namespace SAKIP (from the manifest). Thin wrappers over the shared
 * function library: every argument is a range (a single cell is a 1×1 range) and every result spills.
 * The metadata plugin reads these JSDoc blocks to build functions.json and appends the
 * CustomFunctions.associate calls; nothing here writes to the workbook.
 */
import "./runtime-guard";
import {
  angkaFn,
  capaianFn,
  efisiensiFn,
  isFunctionError,
  penyerapanFn,
  predikatFn,
  realisasiFn,
  sisaFn,
  type Matrix,
  type ResultMatrix,
} from "../core/functions/library";

/** Optional arguments arrive as null; the library wants them omitted. */
type Arg = Matrix | null | undefined;
const opt = (a: Arg): Matrix | undefined => (a === null || a === undefined ? undefined : a);

/** Library errors become Excel errors; only #VALUE! and #N/A can carry a message. */
export function toExcel(result: ResultMatrix): any[][] {
  return result.map((row) =>
    row.map((cell) => {
      if (!isFunctionError(cell)) return cell;
      switch (cell.error) {
        case "#DIV/0!":
          return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
        case "#N/A":
          return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, cell.message);
        default:
          return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, cell.message);
      }
    }),
  );
}

/**
 * Menghitung capaian kinerja sebagai pecahan (0,52 = 52%). Polaritas positif: realisasi/target; negatif: (2×target−realisasi)/target atau target/realisasi. Tidak dibatasi 100%.
 * @customfunction CAPAIAN CAPAIAN
 * @param target Target kinerja (angka, sel atau rentang).
 * @param realisasi Realisasi kinerja pada satuan yang sama dengan target.
 * @param [polaritas] "positif" (bawaan) atau "negatif".
 * @param [rumus] Rumus polaritas negatif: "2T-R" (bawaan) atau "T/R".
 * @returns Capaian (pecahan), tumpah sesuai ukuran rentang.
 */
export function capaian(target: any[][], realisasi: any[][], polaritas?: any[][], rumus?: any[][]): any[][] {
  return toExcel(capaianFn(target, realisasi, opt(polaritas), opt(rumus)));
}

/**
 * Menghitung penyerapan (capaian) anggaran = realisasi / pagu sebagai pecahan. Kosong bila pagu kosong atau 0.
 * @customfunction PENYERAPAN PENYERAPAN
 * @param pagu Pagu anggaran (setelah perubahan).
 * @param realisasi Realisasi anggaran s/d periode.
 * @returns Penyerapan anggaran (pecahan).
 */
export function penyerapan(pagu: any[][], realisasi: any[][]): any[][] {
  return toExcel(penyerapanFn(pagu, realisasi));
}

/**
 * Menghitung sisa anggaran = pagu − realisasi (negatif bila realisasi melebihi pagu).
 * @customfunction SISA SISA
 * @param pagu Pagu anggaran.
 * @param realisasi Realisasi anggaran s/d periode.
 * @returns Sisa anggaran (rupiah).
 */
export function sisa(pagu: any[][], realisasi: any[][]): any[][] {
  return toExcel(sisaFn(pagu, realisasi));
}

/**
 * Menghitung efisiensi = capaian kinerja − penyerapan anggaran, keduanya pecahan, dari nilai yang belum dibulatkan. Kosong bila salah satunya kosong.
 * @customfunction EFISIENSI EFISIENSI
 * @param capaian_kinerja Capaian kinerja (pecahan), kolom (6).
 * @param penyerapan Penyerapan anggaran (pecahan), kolom (9).
 * @returns Efisiensi (pecahan; 0,04 = 4 poin persen).
 */
export function efisiensi(capaian_kinerja: any[][], penyerapan: any[][]): any[][] {
  return toExcel(efisiensiFn(capaian_kinerja, penyerapan));
}

/**
 * Menentukan predikat capaian menurut skala: "kecamatan" (bawaan: >90% Sangat Tinggi … ≤50% Sangat Rendah), "permendagri86", "akip", "skm", atau rentang berisi tabel skala.
 * @customfunction PREDIKAT PREDIKAT
 * @param capaian Capaian (pecahan) atau nilai (untuk skala AKIP/SKM).
 * @param [skala] Nama skala atau rentang tabel (interval | predikat, atau batas bawah | batas atas | predikat).
 * @returns Predikat, tumpah sesuai ukuran rentang capaian.
 */
export function predikat(capaian: any[][], skala?: any[][]): any[][] {
  return toExcel(predikatFn(capaian, opt(skala)));
}

/**
 * Membaca angka dari teks bertulisan Indonesia (7.229.814.333,00; 0,52; (18.938.957,00); Rp 5.175.000,-), Inggris (1,706,504,410) atau persen (93,75% menjadi 0,9375).
 * @customfunction ANGKA ANGKA
 * @param teks Teks angka, sel atau rentang.
 * @param [jenis] "uang", "jumlah" atau "rasio": menentukan arti 1.000 yang ambigu.
 * @returns Angka, tumpah sesuai ukuran rentang.
 */
export function angka(teks: any[][], jenis?: any[][]): any[][] {
  return toExcel(angkaFn(teks, opt(jenis)));
}

/**
 * Menghitung realisasi periode dari nilai TW I–IV menurut metode agregasi indikator. Indikator persentase/indeks tidak dijumlahkan.
 * @customfunction REALISASI REALISASI
 * @param nilai_tw Nilai TW I–IV (satu baris per indikator).
 * @param [metode] "terakhir" (bawaan), "jumlah", "rata-rata" atau "maks".
 * @param [satuan] Satuan indikator; "%" atau "indeks" menolak metode "jumlah".
 * @returns Realisasi periode, satu nilai per baris.
 */
export function realisasi(nilai_tw: any[][], metode?: any[][], satuan?: any[][]): any[][] {
  return toExcel(realisasiFn(nilai_tw, opt(metode), opt(satuan)));
}
