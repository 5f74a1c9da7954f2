/**
 * Names of kegiatan, which the LRA export does not print (it has no kegiatan rows). Program 01
 * "Penunjang Urusan Pemerintahan Daerah" has the same kegiatan in every perangkat daerah (Permendagri
 * 90/2019 nomenclature), so those names are known; other kegiatan stay unnamed until the user types one.
 */
const PENUNJANG_KEGIATAN: Record<string, string> = {
  "2.01": "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
  "2.02": "Administrasi Keuangan Perangkat Daerah",
  "2.03": "Administrasi Barang Milik Daerah pada Perangkat Daerah",
  "2.04": "Administrasi Pendapatan Daerah Kewenangan Perangkat Daerah",
  "2.05": "Administrasi Kepegawaian Perangkat Daerah",
  "2.06": "Administrasi Umum Perangkat Daerah",
  "2.07": "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah",
  "2.08": "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
  "2.09": "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
};

/** The nomenclature name of a kegiatan, or null when it is not a program-01 kegiatan we know. */
export function kegiatanName(program: string, kegiatan: string): string | null {
  return program === "01" ? PENUNJANG_KEGIATAN[kegiatan] ?? null : null;
}
