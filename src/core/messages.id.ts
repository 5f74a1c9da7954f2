/**
 * Every message a user can see from the domain core, in Indonesian, keyed by a stable code.
 * Code decides behaviour; text is only for people.
 */
import type { LraColumn, LraFooterKind, LraLevel } from "./sipd/types";

export type MessageParams = Record<string, string | number | undefined>;

/** How an empty cell or value is shown: in a finding's values, the CLI's results, the function playground. */
export const BLANK_SHOWN = "(kosong)";

/** Why a computed cell shows an error value, by the error. */
const ERROR_VALUE_REASON: Record<string, string> = {
  "#DIV/0!": "pembagian dengan nol (target atau pagu bernilai 0).",
  "#N/A": "metode agregasi \"jumlah\" tidak dipakai untuk indikator bersatuan persen atau indeks; pilih \"terakhir\" atau \"rata-rata\".",
  "#VALUE!": "ada teks di sel yang dihitung (mis. target \"12 Dokumen\"); tulis angkanya saja dan satuannya di kolom Satuan.",
  "#NAME?": "lembar Pengaturan atau Referensi, atau nama SAKIP_*, hilang; jalankan Siapkan Lembar.",
  "#REF!": "lembar rujukan hilang; jalankan Siapkan Lembar.",
};

/** Why the Rincian SIPD sheet could not be read as an LRA. */
const RINCIAN_UNREADABLE: Record<string, (p: MessageParams) => string> = {
  "no-kode": () => "tidak ada kode rekening di kolom Kode Rekening",
  unreadable: (p) => `hanya ${p.dataRows ?? 0} dari ${p.kodeLines ?? 0} baris kode rekening yang terbaca`,
};

/** An efisiensi that is one slip away from (6) − (9). */
const EFF_SLIP: Record<string, string> = {
  reversed: "tanda terbalik: (9) − (6)",
  capaian: "sama dengan (6)",
  penyerapan: "sama dengan (9)",
};

/** An entry of a map keyed by code; undefined for an unknown code. */
const lookup = <T>(map: Readonly<Record<string, T>>, code: MessageParams[string]): T | undefined => map[String(code)];

/** A label from a map keyed by code; an unknown code is printed as it is. */
const named = (labels: Readonly<Record<string, string>>, code: MessageParams[string]): string => lookup(labels, code) ?? String(code);

/** Realisasi Anggaran's amount columns, by key (sum-mismatch). */
const RA_AMOUNT_LABEL: Record<string, string> = {
  sebelum: "Anggaran sebelum perubahan",
  setelah: "Anggaran setelah perubahan",
  sdBulan: "Realisasi s/d bulan terakhir",
  tw1: "Realisasi s/d TW I",
  tw2: "Realisasi s/d TW II",
  tw3: "Realisasi s/d TW III",
  tw4: "Realisasi s/d TW IV",
};

/** Realisasi Anggaran's realisasi columns compared with the SIPD import, by key (xref-sipd-realisasi). */
const SIPD_REALISASI_COLUMN: Record<string, string> = {
  sdBulan: "s/d bulan terakhir",
  tw1: "s/d TW I",
  tw2: "s/d TW II",
  tw3: "s/d TW III",
  tw4: "s/d TW IV",
};

/** The month of the SIPD import ("Juni 2024"), or "terakhir" when its header does not say. */
const importMonth = (p: MessageParams): string => String(p.bulan ?? "terakhir");

/** What is wrong with a sasaran's number, by problem (numbering). */
const NUMBERING_PROBLEM: Record<string, string> = {
  repeated: "dipakai dua kali untuk sasaran yang berbeda",
  skipped: "melompati nomor",
};

/** Cost per Outcome's budget columns, by key (sum-children). */
const CPO_AMOUNT_LABEL: Record<string, string> = {
  pagu: "Pagu",
  realisasiAnggaran: "Realisasi anggaran",
};

/** The text columns Capaian and Cost per Outcome mirror from the PK, by sheet and key (label-differs). */
const MIRROR_LABEL: Record<string, Record<string, string>> = {
  capaian: { jabatan: "Jabatan", no: "No", sasaran: "Sasaran", indikator: "Indikator", polaritas: "Polaritas", metode: "Metode" },
  cpo: { no: "No", level: "Level", sasaran: "Sasaran/program/kegiatan", indikator: "Indikator", kode: "Kode" },
};

/** The mirrored number columns, by key (xref-value); another key is printed as it is. */
const XREF_COLUMN_LABEL: Record<string, string> = {
  target: "Target",
  realisasi: "Realisasi",
  capaian: "Capaian",
};

/** The sheet a mirrored number comes from, by code (xref-value). */
const XREF_SOURCE = {
  pk: "Perjanjian Kinerja",
  "pk-awal-perubahan": "Perjanjian Kinerja (Awal/Perubahan)",
  "realisasi-tw": "Realisasi Anggaran (TW)",
  "capaian-tw": "Capaian (TW I–IV)",
  capaian: "Capaian",
} satisfies Record<string, string>;
export type XrefSource = keyof typeof XREF_SOURCE;

/** The formula a capaian is recomputed with, by kind (cap-mismatch). */
const CAP_FORMULA = {
  negatif: "(2 × target − realisasi) ÷ target",
  "negatif-tr": "target ÷ realisasi",
  positif: "realisasi ÷ target",
  cpo: "(5) ÷ (4)",
} satisfies Record<string, string>;
export type CapFormula = keyof typeof CAP_FORMULA;

/**
 * cap-mismatch: the formula, and for a ratio the row's own numbers when both are known, in the order
 * the formula divides them (realisasi ÷ target, or target ÷ realisasi for a negative indicator under T/R).
 */
function capFormula(p: MessageParams): string {
  const known = p.realisasi !== undefined && p.target !== undefined;
  const numbers = !known || p.formula === "negatif" ? "" : p.formula === "negatif-tr" ? ` (${p.target} ÷ ${p.realisasi})` : ` (${p.realisasi} ÷ ${p.target})`;
  return `${named(CAP_FORMULA, p.formula)}${numbers}`;
}

/** xref-pagu, xref-realisasi-anggaran: this workbook's Realisasi Anggaran, or another file's (across files). */
const realisasiAnggaranSheet = (p: MessageParams): string => `lembar Realisasi Anggaran${p.file !== undefined ? ` di ${p.file}` : ""}`;

/** How a number stored as text separates its digits, by style (num-separators). */
const NUM_STYLE = {
  en: "gaya Inggris (koma ribuan)",
  mixed: "campuran (titik dan koma)",
} satisfies Record<string, string>;
export type NumStyle = keyof typeof NUM_STYLE;

/** A Pengaturan setting that is empty or invalid, and what to put there (period-settings). */
const PERIOD_SETTING: Record<string, { label: string; hint: (p: MessageParams) => string }> = {
  tahun: { label: "Tahun anggaran", hint: () => "isi tahun (mis. 2024)." },
  "tahun-text": { label: "Tahun anggaran", hint: (p) => `tersimpan sebagai teks, bukan angka; rumus lembar tidak membacanya. Ketik ulang ${String(p.stated)} sebagai angka (tanpa tanda petik, sel tidak berformat Teks).` },
  periode: { label: "Periode laporan", hint: (p) => `pilih ${p.choices}.` },
};

/** The numeric columns of a SIPD LRA row, by key, as the export heads them. */
const SIPD_COLUMN_LABEL: Record<LraColumn, string> = {
  anggaranSebelum: "Anggaran Sebelum Perubahan",
  anggaranSetelah: "Anggaran Setelah Perubahan",
  realisasiBulanLalu: "Realisasi Bulan Lalu",
  realisasiBulanIni: "Realisasi Bulan Ini",
  realisasiSd: "Realisasi s/d Bulan Ini",
  persen: "%",
  sisa: "Sisa Anggaran",
};

/** A SIPD column named by its key, or `fallback` when the finding names none. */
const sipdColumn = (p: MessageParams, fallback = "Nilai"): string => (p.column === undefined ? fallback : named(SIPD_COLUMN_LABEL, p.column));

/** A SIPD row's level by its kode, as the roll-up message names it (sipd-rollup). */
const SIPD_LEVEL_LABEL: Record<LraLevel, string> = {
  skpd_total: "total SKPD",
  skpd_kelompok: "kelompok belanja",
  program: "program",
  sub_kegiatan: "sub kegiatan",
  akun_jenis: "jenis belanja",
  akun_objek: "objek belanja",
  akun_rincian_objek: "rincian objek",
  akun_sub_rincian_objek: "sub rincian objek",
  malformed: "kode",
};

/** The footer lines of a SIPD LRA, by kind, as the export labels them (sipd-footer-mismatch). */
const SIPD_FOOTER_LABEL: Record<LraFooterKind, string> = { jumlah_belanja: "Jumlah Belanja", surplus_defisit: "Surplus / Defisit" };

/** What a footer line is compared with (sipd-footer-mismatch): the BELANJA DAERAH row, or pendapatan − belanja. */
const SIPD_FOOTER_SOURCE = {
  belanja: (p) => `BELANJA DAERAH (baris ${p.sourceLine})`,
  surplus: () => "pendapatan − belanja",
} satisfies Record<string, (p: MessageParams) => string>;
export type SipdFooterSource = keyof typeof SIPD_FOOTER_SOURCE;

/** Parts of the LRA's title the header check looks for (sipd-header-missing; `missing` lists their keys). */
const SIPD_HEADER_PART = { tahun: "tahun anggaran", bulan: "bagian bulan", skpd: "nama SKPD" } satisfies Record<string, string>;
export type SipdHeaderPart = keyof typeof SIPD_HEADER_PART;

/** A quarter by its number 1–4, as the sheets head its column. */
const TW_LABEL: Record<string, string> = { 1: "TW I", 2: "TW II", 3: "TW III", 4: "TW IV" };
const twLabel = (n: MessageParams[string]): string => named(TW_LABEL, n);
/** A number with its satuan: 46% beside "%", 46 persen beside "persen". */
const withSatuan = (n: MessageParams[string], satuan: MessageParams[string]): string => (satuan === "%" ? `${n}%` : `${n} ${satuan}`);
/** The report's period: Pengaturan's periode as typed, or the quarter it was read as (`periodTw`). */
const periodeOf = (p: MessageParams): string => (p.periode !== undefined ? String(p.periode) : twLabel(p.periodTw));

/** A list of keys passed as "a,b" (a param holds one value), each worded, joined with "dan" (or `separator`). */
const listed = (keys: MessageParams[string], word: (key: string) => string, separator = " dan "): string => String(keys).split(",").map(word).join(separator);

/** Why a SIPD kode rekening does not fit the structure, by reason (sipd-kode-malformed). */
const SIPD_KODE_REASON = {
  "no-program": () => "sub kegiatan tanpa kode program",
  "akun-one-segment": () => "akun satu segmen di luar total SKPD",
  "akun-outside-sub": () => "rincian akun di luar sub kegiatan",
  "too-many-segments": (p) => `${p.segments} segmen akun, paling banyak 6`,
  "segment-width": () => "lebar segmen akun tidak sesuai",
} satisfies Record<string, (p: MessageParams) => string>;
export type SipdKodeReason = keyof typeof SIPD_KODE_REASON;

const MESSAGES = {
  // inputs
  "input-empty": (p: MessageParams) => `${p.what ?? "Nilai"} belum diisi.`,
  "input-dash": (p: MessageParams) => `${p.what ?? "Nilai"} bertanda "-" (tidak ada data).`,
  "not-a-number": (p: MessageParams) => `${p.what ?? "Nilai"} "${p.raw}" bukan angka yang dapat dibaca.`,
  "ambiguous-number": (p: MessageParams) =>
    `${p.what ?? "Nilai"} "${p.raw}" ambigu: bisa ${p.a} (pemisah ribuan) atau ${p.b} (desimal). ` +
    `Sebutkan jenisnya ("uang", "jumlah" atau "rasio") atau tulis dengan dua desimal.`,
  "percent-mixed": (p: MessageParams) =>
    `Target "${p.target}" dan realisasi "${p.realisasi}" tidak sama satuannya: satu ditulis dengan %, yang lain tidak. ` +
    `Tulis keduanya sebagai persen atau keduanya sebagai angka biasa.`,
  "unit-mismatch": (p: MessageParams) =>
    `Satuan target (${p.target}) berbeda dengan satuan realisasi (${p.realisasi}); capaian hanya dihitung untuk satuan yang sama.`,
  "bad-option": (p: MessageParams) => `${p.what} "${p.raw}" tidak dikenal. Pilihan: ${p.choices}.`,
  "shape-mismatch": () => "Ukuran rentang argumen tidak sama (baris × kolom).",

  // capaian
  "target-zero": () => "Target bernilai 0: capaian tidak dapat dihitung (pembagian dengan nol).",
  "realisasi-zero-negative": () =>
    "Realisasi bernilai 0 pada rumus polaritas negatif T/R: capaian tidak dapat dihitung. Gunakan rumus (2T−R)/T.",

  // anggaran
  "pagu-zero": () => "Pagu anggaran 0: penyerapan tidak dihitung.",
  "pagu-empty": () => "Pagu anggaran belum diisi: penyerapan tidak dihitung.",
  "efisiensi-no-kinerja": () => "Capaian kinerja belum ada: efisiensi tidak dihitung.",
  "efisiensi-no-anggaran": () => "Penyerapan anggaran belum ada (pagu kosong atau 0): efisiensi tidak dihitung.",

  // predikat
  "scale-unknown": (p: MessageParams) => `Skala predikat "${p.raw}" tidak dikenal. Pilihan: ${p.choices}, atau rentang berisi tabel skala.`,
  "scale-invalid": (p: MessageParams) => `Tabel skala tidak dapat dibaca: ${p.detail}.`,
  "scale-no-band": (p: MessageParams) => `Nilai ${p.value} tidak masuk rentang mana pun pada skala "${p.scale}".`,

  // agregasi
  "method-sum-of-percentage": (p: MessageParams) =>
    `Indikator bersatuan ${p.satuan} tidak dijumlahkan antar-triwulan; gunakan "terakhir" atau "rata-rata".`,
  "aggregate-empty": () => "Belum ada realisasi triwulan yang diisi.",

  // functions and CLI
  "function-unknown": (p: MessageParams) => `Fungsi "${p.raw}" tidak dikenal. Fungsi yang tersedia: ${p.choices}.`,
  "arity": (p: MessageParams) => `Fungsi ${p.fn} memerlukan ${p.min}${p.max !== p.min ? `–${p.max}` : ""} argumen, diberikan ${p.given}.`,

  // import — what stops an LRA import before it writes (src/core/sipd/gate.ts)
  "import-truncated": (p: MessageParams) =>
    `LRA ini terpotong: teks berakhir di baris ${p.line}${p.fields ? `, pada baris berkode yang hanya berisi ${p.fields} kolom` : ""}, ` +
    `tanpa baris penutup ${listed(p.missing, (k) => `"${named(SIPD_FOOTER_LABEL, k)}"`)}. Salin ulang seluruh laporan sampai baris Surplus / Defisit.`,
  "import-no-period": (p: MessageParams) =>
    `Kepala LRA tidak memuat ${listed(p.missing, (k) => named(SIPD_HEADER_PART, k))}, jadi kolom triwulan tidak dapat ditentukan. Salin LRA beserta judulnya (TAHUN ANGGARAN …, BAGIAN BULAN …).`,
  "import-galat": (p: MessageParams) =>
    `LRA ini memuat ${p.count} galat (baris ${p.lines}): angka yang tidak cocok akan tertulis apa adanya. Periksa temuannya lebih dulu.`,
  "import-other-skpd": (p: MessageParams) =>
    `LRA ini milik ${p.lra}, sedangkan Pengaturan buku kerja ini untuk ${p.workbook}: kode dua perangkat daerah akan bercampur di lembar Realisasi Anggaran.`,
  "import-other-tahun": (p: MessageParams) => `LRA ini untuk tahun anggaran ${p.lra}, sedangkan Pengaturan buku kerja ini untuk tahun ${p.workbook}.`,

  // files — bytes of a file read as text (src/core/decode.ts)
  "file-zip": () =>
    "Berkas ini bukan teks, melainkan berkas zip (misalnya buku kerja Excel .xlsx). Buka berkasnya di Excel, pilih sel LRA beserta judulnya, " +
    "lalu salin dan tempel di panel Impor SIPD; atau simpan sebagai Teks (dipisah tab) (*.txt) dan baca berkas .txt itu.",
  "file-xls": () =>
    "Berkas ini bukan teks, melainkan buku kerja Excel lama (.xls). Buka di Excel lalu simpan sebagai Teks (dipisah tab) (*.txt), atau salin sel LRA-nya.",
  "file-pdf": () =>
    "Berkas ini bukan teks, melainkan PDF; angka dari PDF tidak dapat dipasangkan ke kolomnya. Unduh LRA dari SIPD dalam format Excel, " +
    "lalu simpan sebagai Teks (dipisah tab) (*.txt) atau salin selnya.",
  "file-image": (p: MessageParams) =>
    `Berkas ini bukan teks, melainkan gambar${p.kind ? ` ${p.kind}` : ""}. Unduh LRA dari SIPD dalam format Excel, lalu simpan sebagai Teks (dipisah tab) (*.txt) atau salin selnya.`,
  "file-binary": (p: MessageParams) =>
    `Berkas ini bukan teks${p.kind ? ` (${p.kind})` : ""}. Unduh LRA dari SIPD dalam format Excel, lalu simpan sebagai Teks (dipisah tab) (*.txt) atau salin selnya.`,
  "file-encoding-unsupported": (p: MessageParams) =>
    `Berkas ini berkode ${p.encoding}, yang tidak dapat dibaca. Di Excel, simpan ulang sebagai Teks (dipisah tab) (*.txt) atau Teks Unicode (*.txt).`,
  "file-decoded-as": (p: MessageParams) => `berkas dibaca sebagai ${p.encoding}${p.hint ?? ""}.`,
  "file-encoding-invalid": (p: MessageParams) =>
    `Berkas ini bertanda ${p.encoding}, tetapi isinya bukan ${p.encoding} yang sah (rusak atau terpotong?). Simpan ulang dari Excel sebagai Teks (dipisah tab) (*.txt).`,

  // cli — files and the process (src/cli); exit codes in src/cli/exit-codes.ts
  "file-missing": (p: MessageParams) => `Berkas ${p.path} tidak ada.`,
  "file-is-folder": (p: MessageParams) => `${p.path} adalah folder, bukan berkas.`,
  "file-no-permission": (p: MessageParams) => `Tidak ada izin membaca ${p.path}.`,
  "file-unreadable": (p: MessageParams) => `Berkas ${p.path} tidak dapat dibaca (${p.detail}).`,
  "file-too-large": (p: MessageParams) =>
    `Berkas ${p.path} berukuran ${p.size} MB, lebih dari ${p.limit} MB. Satu LRA perangkat daerah hanya beberapa MB: pastikan berkas ini ` +
    "memang LRA satu perangkat daerah, bukan gabungan beberapa laporan atau berkas lain.",
  "workbook-unreadable": (p: MessageParams) =>
    `Buku kerja ${p.path} tidak dapat dibaca sebagai .xlsx (${p.detail}). Berkasnya rusak atau bukan buku kerja Excel; ` +
    "buka di Excel lalu simpan ulang sebagai Buku Kerja Excel (.xlsx).",
  "save-no-permission": (p: MessageParams) =>
    `Tidak ada izin menulis ${p.path} (berkas atau foldernya hanya-baca, atau berkasnya sedang dibuka di Excel). ` +
    "Tutup berkasnya, buka izin tulisnya, atau simpan ke folder lain; berkas lama tidak berubah.",
  "save-changed": (p: MessageParams) =>
    `${p.path} berubah sejak dibaca (disimpan oleh program atau perintah lain); tidak ada yang ditulis, supaya perubahan itu tidak hilang. ` +
    "Jalankan perintah ini lagi.",
  "save-disk-full": (p: MessageParams) => `Disk penuh: ${p.path} tidak dapat disimpan. Berkas lama tidak berubah; kosongkan ruang disk lalu jalankan lagi.`,
  "save-no-folder": (p: MessageParams) => `Folder ${p.folder} tidak ada; ${p.name} tidak dapat disimpan di sana. Buat foldernya dulu, atau pilih folder lain.`,
  "save-failed": (p: MessageParams) => `${p.path} tidak dapat disimpan (${p.detail}). Berkas lama tidak berubah.`,
  "output-disk-full": () => "Disk penuh: keluaran sakip tidak dapat ditulis seluruhnya.",
  "output-failed": (p: MessageParams) => `Keluaran sakip tidak dapat ditulis (${p.detail}).`,
  "cli-internal": (p: MessageParams) =>
    `Kesalahan tak terduga di sakip (${p.detail}). Ini kesalahan program, bukan data Anda; laporkan bersama perintah yang dijalankan. Berkas Anda tidak diubah.`,

  // sipd — SIPD LRA kode-rekening paste (src/core/sipd)
  "sipd-expected": () =>
    "Yang diharapkan: tabel Laporan Realisasi Anggaran SIPD per kode rekening, 9 kolom dipisah TAB (Kode Rekening, Uraian, " +
    "Anggaran Sebelum Perubahan, Anggaran Setelah Perubahan, Realisasi Bulan Lalu, Realisasi Bulan Ini, Realisasi s/d Bulan Ini, %, " +
    'Sisa Anggaran), dengan kode seperti "7 01 7 01 00 01 2.01.0001 5 1".',
  "sipd-not-text": (p: MessageParams) => `Yang diterima bukan teks (${p.type}).`,
  "sipd-empty": () => "Teks yang ditempel kosong.",
  // the limit is the product's, not the user's to raise: say what a real export weighs instead
  "sipd-too-large": (p: MessageParams) =>
    `Teks terlalu besar: ${p.size} MB, lebih dari ${p.limit} MB. Satu LRA perangkat daerah hanya beberapa MB: pastikan yang ditempel atau ` +
    "dipilih hanya LRA satu perangkat daerah, bukan beberapa laporan sekaligus atau isi lain.",
  "sipd-html": (p: MessageParams) =>
    `Teks berisi kode HTML (${p.tag}), bukan isi tabel. Tempel sebagai teks biasa (Ctrl+Shift+V) atau salin ulang tabel dari SIPD/Excel.`,
  "sipd-summary-lra": () =>
    "Teks ini LRA ringkasan (kolom No, Uraian, Anggaran, Realisasi, %, Realisasi tahun lalu), bukan LRA per kode rekening.",
  "sipd-one-cell-per-line": (p: MessageParams) =>
    `Teks ini berisi satu sel per baris (${p.kodeLines} baris hanya berisi kode rekening), seperti salinan dari PDF; ` +
    "kolomnya tidak dapat dipasangkan. Salin dari SIPD atau dari file Excel, bukan dari PDF.",
  "sipd-space-separated": (p: MessageParams) =>
    `Ada ${p.kodeLines} baris berkode rekening, tetapi kolomnya dipisah spasi, bukan TAB (salinan dari PDF?).`,
  "sipd-csv": (p: MessageParams) =>
    `Teks ini berformat CSV dengan pemisah "${p.separator}" (${p.kodeLines} baris berkode rekening). Buka filenya di Excel lalu salin tabelnya.`,
  "sipd-wrong-columns": (p: MessageParams) =>
    `Ada ${p.kodeLines} baris berkode rekening, tetapi umumnya berisi ${p.fields} kolom, bukan 9.`,
  "sipd-no-rows": (p: MessageParams) => `Tidak ada baris LRA per kode rekening di antara ${p.lines} baris teks.`,
  "sipd-mostly-unreadable": (p: MessageParams) =>
    `Hanya ${p.dataRows} dari ${p.kodeLines} baris berkode rekening yang dapat dibaca; sisanya tidak berformat LRA.`,
  "sipd-header-missing": (p: MessageParams) =>
    `Kepala laporan tidak lengkap: ${listed(p.missing, (k) => named(SIPD_HEADER_PART, k), ", ")} tidak ditemukan. Salin juga judul LRA (tahun anggaran, bagian bulan).`,
  "sipd-line-fields": (p: MessageParams) =>
    `Baris berkode ${p.kode} berisi ${p.fields} kolom, seharusnya 9; baris ini tidak diimpor.`,
  "sipd-kode-unrecognised": (p: MessageParams) => `Kode rekening "${p.kode}" tidak sesuai pola SIPD; baris ini tidak diimpor.`,
  "sipd-kode-malformed": (p: MessageParams) =>
    `Kode rekening ${p.kode} tidak sesuai struktur (${lookup(SIPD_KODE_REASON, p.reason)?.(p) ?? p.reason}); baris diimpor dan diperiksa menurut kode apa adanya.`,
  "sipd-kode-repaired": (p: MessageParams) =>
    `Kode rekening ${p.kode} tidak sesuai struktur (segmen "${p.segment}" berlebih); hanya pembacaan tanpa segmen itu yang cocok dengan ` +
    `jumlah induk dan rinciannya, jadi untuk pemeriksaan jumlah dibaca sebagai ${p.repaired}.`,
  "sipd-kode-ambiguous": (p: MessageParams) =>
    `Kode rekening ${p.kode} tidak sesuai struktur; jumlahnya cocok dengan lebih dari satu pembacaan (${p.readings}), ` +
    "jadi kode tidak diperbaiki dan diperiksa apa adanya.",
  "sipd-kode-orphan": (p: MessageParams) =>
    `Baris induk kode ${p.kode} (${p.parent}) tidak ada; jumlahnya tidak dapat diperiksa ke atas.`,
  "sipd-noted-at-import": () => "(Catatan ekspor SIPD sendiri, sudah ditampilkan saat impor dan tercatat di kolom Temuan; di sini sebagai info.)",
  "sipd-kode-duplicate": (p: MessageParams) => `Kode rekening ${p.kode} sudah ada di baris ${p.first}; baris ini tidak ikut dijumlahkan.`,
  "sipd-kode-unit": (p: MessageParams) => `Kode ${p.kode} milik unit ${p.unit}, sedangkan baris pertama milik ${p.expected}.`,
  "sipd-urusan-mismatch": (p: MessageParams) => `Urusan pada kode rekening (${p.kode}) berbeda dengan kepala laporan (${p.header}).`,
  "sipd-cell-unreadable": (p: MessageParams) => `${sipdColumn(p)} "${p.raw}" tidak dapat dibaca sebagai angka.`,
  "sipd-amount-out-of-range": (p: MessageParams) =>
    `${sipdColumn(p)} "${p.raw}" terlalu besar untuk dihitung tepat (lebih dari ${p.max}); nilai ini tidak dibaca.`,
  "sipd-cell-empty": (p: MessageParams) => `${sipdColumn(p, "Sel")} kosong.`,
  "sipd-sen": (p: MessageParams) => `${sipdColumn(p)} "${p.raw}" memuat sen; SIPD mencetak rupiah bulat (,00).`,
  "sipd-sd-mismatch": (p: MessageParams) =>
    `Realisasi s/d bulan ini ${p.stated} tidak sama dengan bulan lalu + bulan ini = ${p.expected}.`,
  "sipd-sisa-mismatch": (p: MessageParams) =>
    `Sisa anggaran ${p.stated} tidak sama dengan anggaran setelah perubahan − realisasi s/d bulan ini = ${p.expected}.`,
  "sipd-sisa-negative": (p: MessageParams) => `Sisa anggaran negatif (${p.stated}): realisasi melebihi anggaran.`,
  "sipd-realisasi-over": (p: MessageParams) =>
    `Realisasi s/d bulan ini ${p.stated} melebihi anggaran setelah perubahan ${p.expected} (penyerapan ${p.persen}%).`,
  "sipd-persen-mismatch": (p: MessageParams) =>
    `Persentase ${p.stated} tidak sama dengan realisasi s/d ÷ anggaran setelah perubahan × 100 = ${p.expected} (dibulatkan ke atas dari 5).`,
  "sipd-persen-truncated": (p: MessageParams) => `Persentase ${p.stated} dipotong, bukan dibulatkan (seharusnya ${p.expected}).`,
  "sipd-persen-precision": (p: MessageParams) =>
    `Persentase "${p.raw}" ditulis dengan ${p.decimals} desimal, bukan 2 (dengan 2 desimal: ${p.expected}).`,
  "sipd-rollup": (p: MessageParams) =>
    `${sipdColumn(p)} pada ${named(SIPD_LEVEL_LABEL, p.level)} ${p.kode} tertulis ${p.stated}, sedangkan jumlah ${p.count} baris rinciannya ${p.expected}.`,
  "sipd-rollup-literal-only": (p: MessageParams) =>
    `Jumlah ${p.kode} cocok hanya bila kode rekening yang salah format di bawahnya dibaca sesuai perbaikannya ` +
    `(${sipdColumn(p)}: tertulis ${p.stated}, jumlah menurut kode apa adanya ${p.expected}).`,
  "sipd-footer-mismatch": (p: MessageParams) =>
    `${named(SIPD_FOOTER_LABEL, p.footer)}: ${sipdColumn(p)} ${p.stated} tidak sama dengan ${lookup(SIPD_FOOTER_SOURCE, p.source)?.(p) ?? p.source} ${p.expected}.`,
  "sipd-uraian-continuation": (p: MessageParams) => `Baris "${p.text}" dibaca sebagai lanjutan uraian baris ${p.line}.`,
  "sipd-unlabelled-row": (p: MessageParams) => `Baris tanpa kode rekening berisi angka ("${p.label}"); baris ini dilewati.`,

  // periksa — workbook rules (src/core/rules); `where` is a cell's column title, values are formatted
  "cap-mismatch": (p: MessageParams) =>
    `Capaian tertulis ${p.stated}, sedangkan ${capFormula(p)} = ${p.expected}. Ketik ulang realisasi/target atau pulihkan rumusnya.`,
  "cap-truncated": (p: MessageParams) => `Capaian ${p.stated} dipotong, bukan dibulatkan: seharusnya ${p.expected}.`,
  "pen-truncated": (p: MessageParams) => `Penyerapan ${p.stated} dipotong, bukan dibulatkan: seharusnya ${p.expected}.`,
  "cap-literal": (p: MessageParams) =>
    `Capaian ${p.stated} sama dengan realisasi ÷ 5: label kolom "5=4/5" dikerjakan harfiah. Capaian = realisasi ÷ target = ${p.expected}.`,
  "cap-negative-below-zero": (p: MessageParams) =>
    `Indikator negatif "${p.indikator}": realisasi ${p.realisasi} melebihi dua kali target ${p.target}, sehingga capaian (2 × target − realisasi) ÷ target = ${p.capaian}, di bawah nol.`,
  "cap-capped": (p: MessageParams) => `Capaian dibatasi 100%, padahal realisasi ÷ target = ${p.expected}; capaian di atas 100% tidak dipotong.`,
  "label-number": (p: MessageParams) => `Nomor kolom tertulis "${p.stated}", seharusnya "${p.expected}" (capaian = kolom realisasi ÷ kolom target).`,
  "unit-percent-realisasi": (p: MessageParams) =>
    `Realisasi ${p.stated} ditulis sebagai persen, padahal satuan indikator "${p.satuan}". Tulis realisasi dalam satuan yang sama dengan target (mis. 3 ${p.satuan}), atau ubah target menjadi persen.`,
  "unit-percent-target": (p: MessageParams) =>
    `Target di lembar ini ${p.stated} (persen), sedangkan PK menetapkan ${p.expected} ${p.satuan}; satuan target dan realisasi harus sama.`,
  "unit-name-percent": (p: MessageParams) => `Indikator "${p.indikator}" adalah persentase, tetapi satuannya "${p.satuan}"; target persentase ditulis dalam %.`,
  "unit-percent-pk-target": (p: MessageParams) =>
    `Target tertulis ${p.stated} (persen), padahal satuan indikatornya "${p.satuan}". Tulis target sebagai angka biasa dan hapus format persen selnya.`,
  "unit-differs": (p: MessageParams) => `Satuan tertulis "${p.stated}", sedangkan di PK "${p.expected}".`,
  "unit-percent-mixed": (p: MessageParams) =>
    `Target ${p.target} dan realisasi ${p.realisasi} tidak sama cara tulisnya: satu persen (${p.percentSide}), yang lain angka biasa; capaian menjadi ${p.capaian}. Tulis keduanya sebagai angka biasa bersatuan "${p.satuan}".`,
  "unit-fraction-typed": (p: MessageParams) =>
    `Realisasi ${p.realisasi} ditulis sebagai pecahan, sedangkan target ${withSatuan(p.target, p.satuan)} ditulis dalam angka persen: realisasi terbaca ${withSatuan(p.realisasi, p.satuan)}, bukan ${withSatuan(p.meant, p.satuan)}. Bila maksudnya ${withSatuan(p.meant, p.satuan)}, tulis ${p.meant}; bila memang ${withSatuan(p.realisasi, p.satuan)}, abaikan peringatan ini.`,
  "unit-fraction-target": (p: MessageParams) =>
    `Target ${p.target} ditulis sebagai pecahan, sedangkan realisasi ${withSatuan(p.realisasi, p.satuan)} ditulis dalam angka persen: target terbaca ${withSatuan(p.target, p.satuan)}, bukan ${withSatuan(p.meant, p.satuan)}, dan capaian menjadi ${p.capaian}. Bila maksudnya ${withSatuan(p.meant, p.satuan)}, tulis ${p.meant}.`,
  "ratio-as-percent-number": (p: MessageParams) =>
    `Nilai ${p.stated} di kolom persen berarti ${p.shown}; tampaknya persen diketik sebagai angka (maksudnya ${p.expected}).`,
  "avg-mismatch": (p: MessageParams) =>
    `Realisasi indikator rata-rata tertulis ${p.stated}, sedangkan rata-rata ${p.count} indikator komponennya ${p.expected} (${p.parts}).`,
  "zero-not-measured": (p: MessageParams) =>
    `Realisasi ${twLabel(p.tw)} diisi 0 ${p.earlier !== undefined ? `setelah triwulan sebelumnya ${p.earlier}: 0 menjadi realisasi periode` : "pada indikator rata-rata: 0 ikut dirata-rata"}. Bila indikator tidak diukur pada triwulan itu, kosongkan selnya: 0 ikut dihitung.`,
  "pen-mismatch": (p: MessageParams) => `Penyerapan tertulis ${p.stated}, sedangkan realisasi ÷ pagu = ${p.expected} (${p.realisasi} ÷ ${p.pagu}).`,
  "pen-over": (p: MessageParams) => `Realisasi anggaran ${p.stated} melebihi pagu ${p.expected} (penyerapan ${p.persen ?? "tak terhingga"}).`,
  "sisa-mismatch": (p: MessageParams) => `Sisa anggaran tertulis ${p.stated}, sedangkan pagu − realisasi = ${p.expected}.`,
  "eff-mismatch": (p: MessageParams) =>
    `Efisiensi tertulis ${p.stated}, sedangkan (6) − (9) = ${p.capaian} − ${p.penyerapan} = ${p.expected}${p.slip !== undefined ? ` (${EFF_SLIP[String(p.slip)] ?? p.slip})` : ""}.`,
  "eff-mixed-units": (p: MessageParams) =>
    `Efisiensi ${p.stated} tampaknya dihitung dari persen dikurangi pecahan (${p.inPercent === "capaian" ? "(6) dalam persen − (9) dalam pecahan" : "(6) dalam pecahan − (9) dalam persen"}); dengan satuan yang sama (6) − (9) = ${p.expected}.`,
  "eff-unreproducible": (p: MessageParams) =>
    `Efisiensi ${p.stated} tidak dapat dihitung ulang dari kolom (6) dan (9) baris ini: (6) − (9) = ${p.capaian} − ${p.penyerapan} = ${p.expected}.`,
  "eff-no-budget": (p: MessageParams) =>
    `Efisiensi ${p.stated} ditulis, padahal ${p.lacking === "pagu" ? "pagu anggaran kosong atau 0" : "capaian kinerja (6) belum ada"}; efisiensi tidak dapat dihitung.`,
  "eff-empty": () => "Efisiensi kosong padahal capaian kinerja dan penyerapan ada; pulihkan rumus (10) = (6) − (9).",
  "pen-empty": () => "Capaian anggaran (penyerapan) kosong padahal pagu dan realisasi ada; pulihkan rumus (9) = (8) ÷ (7).",
  "sum-mismatch": (p: MessageParams) =>
    `${named(RA_AMOUNT_LABEL, p.column)} ${String(p.level).toLowerCase()} ${p.name} tertulis ${p.stated}, sedangkan jumlah ${p.count} sub kegiatan di bawahnya ${p.expected}.`,
  "sum-children": (p: MessageParams) =>
    `${named(CPO_AMOUNT_LABEL, p.column)} ${p.name}: ${p.stated}, sedangkan jumlah ${p.count} baris yang ber-Induk ${p.id} ${p.expected}${p.missing ? ` (${p.missing} baris tanpa angka)` : ""}.${
      p.lastKode !== undefined
        ? ` Jumlah baris sasaran hanya membaca Realisasi Anggaran sampai baris ${p.boundRow}, sedangkan lembar itu berisi kode sampai baris ${p.lastKode}; anggaran di bawah baris ${p.boundRow} tidak ikut dijumlah.`
        : ""
    }`,
  "sum-unattached": (p: MessageParams) =>
    `${p.level || "Baris"} ${p.name} berpagu ${p.stated} tetapi tidak ber-Induk, padahal baris lain setingkatnya ber-Induk; pagunya tidak terhitung di sasaran mana pun.`,
  "sum-no-children": (p: MessageParams) =>
    `${p.level || "Baris"} ${p.name} berpagu ${p.stated}, tetapi tidak ada baris yang ber-Induk ${p.id}; jumlah sasaran tidak sama dengan jumlah kegiatannya.`,
  "predikat-mismatch": (p: MessageParams) => `Predikat tertulis "${p.stated}", sedangkan capaian ${p.capaian} pada skala ${p.skala} berpredikat "${p.expected}".`,
  "text-in-number": (p: MessageParams) => `"${p.stated}" bukan angka; kolom ini berisi angka.`,
  "logical-in-number": (p: MessageParams) =>
    `Sel berisi nilai logika ${p.stated} (${p.stated === "TRUE" ? "BENAR" : "SALAH"}), bukan angka: Excel tidak menghitungnya, LibreOffice menghitungnya sebagai ${p.asNumber}, sehingga hasilnya berbeda di kedua aplikasi. Ketik angkanya, atau kosongkan sel bila belum diukur.`,
  "xref-pagu": (p: MessageParams) => `Pagu ${p.kode} tertulis ${p.stated}, sedangkan ${realisasiAnggaranSheet(p)} mencatat ${p.expected}.`,
  "xref-sipd-unreadable": (p: MessageParams) =>
    `Lembar Rincian SIPD tidak terbaca sebagai LRA SIPD (${RINCIAN_UNREADABLE[String(p.reason)]?.(p) ?? "isinya bukan baris kode rekening SIPD"}); ` +
    `pagu dan realisasi di lembar Realisasi Anggaran tidak dapat dibandingkan dengan SIPD. Impor ulang LRA dari SIPD.`,
  "xref-sipd-pagu": (p: MessageParams) => `Pagu ${p.kode} di lembar ini ${p.stated}, sedangkan impor SIPD (${importMonth(p)}) mencatat ${p.expected}.`,
  "xref-value": (p: MessageParams) =>
    `${named(XREF_COLUMN_LABEL, p.column)} tertulis ${p.stated}, sedangkan lembar ${named(XREF_SOURCE, p.source)} mencatat ${p.expected} untuk indikator yang sama (${p.id}).`,
  "xref-indikator": (p: MessageParams) =>
    `Indikator "${p.indikator}" juga ada pada ${p.other} dengan ${p.what} ${p.expected}; di sini ${p.stated}. Indikator yang sama harus sama nilainya di semua laporan.`,
  "xref-kinerja-from-anggaran": (p: MessageParams) =>
    `Realisasi kinerja ${p.stated} sama dengan capaian anggaran baris ini; realisasi kinerja diambil dari data kinerja (lembar Capaian: ${p.expected}), bukan dari penyerapan.`,
  "xref-realisasi-anggaran": (p: MessageParams) =>
    `Realisasi anggaran ${p.kode} tertulis ${p.stated}, sedangkan ${realisasiAnggaranSheet(p)} mencatat ${p.expected}.`,
  "xref-sipd-realisasi": (p: MessageParams) =>
    `Realisasi ${p.kode} (${named(SIPD_REALISASI_COLUMN, p.column)}) ${p.stated}, sedangkan impor SIPD ${importMonth(p)} mencatat ${p.expected}.`,
  "num-separators": (p: MessageParams) =>
    `"${p.stated}" ditulis dengan pemisah ${named(NUM_STYLE, p.style)} dan tersimpan sebagai teks; dibaca sebagai ${p.expected}. Ketik angkanya tanpa pemisah ribuan.`,
  "num-sen": (p: MessageParams) => `Nilai uang ${p.stated} memuat sen; anggaran dan realisasi dicatat dalam rupiah bulat.`,
  "kode-spaces": (p: MessageParams) =>
    `Kode "${p.stated}" diawali atau diakhiri spasi; rumus lembar mencarinya apa adanya dan tidak menemukan "${p.expected}", sehingga pagu dan realisasinya kosong. Hapus spasinya.`,
  "kode-malformed": (p: MessageParams) =>
    `Kode "${p.stated}" tidak sesuai pola kode program/kegiatan/sub kegiatan (mis. 7.01.01, 7.01.01.2.01, 7.01.01.2.01.0001) atau SEMUA.`,
  "kode-level": (p: MessageParams) => `Kode ${p.kode} adalah kode ${p.expected}, tetapi levelnya "${p.stated}".`,
  "kode-unknown": (p: MessageParams) => `Kode ${p.stated} tidak ada di lembar Realisasi Anggaran; pagu dan realisasinya kosong.`,
  "kode-twice-under-induk": (p: MessageParams) =>
    `Kode ${p.stated} sudah dipakai baris ${p.first} dengan Induk ${p.induk} yang sama; pagu dan realisasi ${p.induk} menjumlahkan kode ini dua kali. Untuk indikator kedua dari program yang sama, kosongkan kodenya.`,
  "kode-duplicate": (p: MessageParams) => `Kode ${p.stated} sudah ada di baris ${p.first}; jumlahnya terhitung dua kali.`,
  "kode-not-in-sipd": (p: MessageParams) => `Kode ${p.stated} tidak ada dalam impor SIPD ${importMonth(p)}; angkanya diketik, bukan dari SIPD.`,
  "period-settings": (p: MessageParams) => {
    const setting = lookup(PERIOD_SETTING, p.setting);
    return `${setting?.label ?? p.setting} di lembar Pengaturan ${p.stated === "" ? "kosong" : `"${p.stated}" tidak sah`}${setting ? `; ${setting.hint(p)}` : "."}`;
  },
  "period-sipd-year": (p: MessageParams) => `Impor SIPD berasal dari tahun anggaran ${p.stated}, sedangkan Pengaturan ${p.expected}.`,
  "period-sipd-old": (p: MessageParams) =>
    `Impor SIPD terakhir adalah bulan ${p.stated}, sedangkan periode ${periodeOf(p)} memerlukan realisasi s/d ${p.expected}.`,
  "period-bulan-year": (p: MessageParams) => `Bulan realisasi "${p.stated}" bukan tahun ${p.expected}.`,
  "period-tw-beyond": (p: MessageParams) =>
    `Realisasi ${twLabel(p.tw)} diisi, padahal periode laporan ${periodeOf(p)}; nilai ini tidak dihitung (salah kolom?).`,
  "label-differs": (p: MessageParams) => `${lookup(MIRROR_LABEL, p.sheet)?.[String(p.column)] ?? p.column} tertulis "${p.stated}", sedangkan di PK "${p.expected}" untuk baris yang sama (${p.id}).`,
  "row-not-in-pk": (p: MessageParams) =>
    `${p.stated ? `ID ${p.stated} tidak ada di lembar Perjanjian Kinerja` : "Baris ini tidak ber-ID"}; baris ini tidak punya target dan indikator dari PK.`,
  "numbering": (p: MessageParams) => `Nomor ${p.stated} ${named(NUMBERING_PROBLEM, p.problem)} (nomor sebelumnya ${p.previous}); seharusnya ${p.expected}.`,
  "rep-target-missing": (p: MessageParams) => `Indikator "${p.indikator}" belum bertarget.`,
  "rep-satuan-missing": (p: MessageParams) => `Indikator "${p.indikator}" belum bersatuan (%, Dokumen, Desa …).`,
  "rep-polaritas-missing": (p: MessageParams) => `Polaritas indikator "${p.indikator}" kosong; dihitung sebagai positif (semakin tinggi semakin baik).`,
  "rep-polaritas-unknown": (p: MessageParams) =>
    `Polaritas "${p.stated}" indikator "${p.indikator}" tidak dikenal rumus lembar; capaiannya dihitung sebagai positif. Pilih salah satu: ${p.choices}.`,
  "rep-metode-unknown": (p: MessageParams) =>
    `Metode "${p.stated}" indikator "${p.indikator}" tidak dikenal rumus lembar; realisasinya dihitung sebagai terakhir. Pilih salah satu: ${p.choices}.`,
  "rep-realisasi-tw-missing": (p: MessageParams) =>
    `Realisasi ${twLabel(p.tw)} indikator "${p.indikator}" belum diisi; realisasi s/d ${periodeOf(p)} memakai ${twLabel(p.earlierTw)} (${p.earlier}). Bila indikator memang tidak diukur triwulan ini, abaikan peringatan ini.`,
  "rep-realisasi-missing": (p: MessageParams) => `Indikator "${p.indikator}" belum berealisasi s/d ${periodeOf(p)}; capaiannya kosong di laporan.`,
  "id-duplicate": (p: MessageParams) => `ID ${p.stated} sudah dipakai di baris ${p.first}; lembar lain hanya membaca baris pertama.`,
  "induk-unknown": (p: MessageParams) => `Induk ${p.stated} tidak ada di lembar Perjanjian Kinerja.`,
  "id-wildcard": (p: MessageParams) =>
    `ID ${p.stated} berisi tanda * ? atau ~, yang dibaca Excel dan LibreOffice sebagai pola pencarian (* teks apa saja, ? satu huruf): lembar lain dapat mengambil data indikator lain. Pakai huruf, angka dan tanda hubung saja (mis. IK-001).`,
  "induk-cycle": (p: MessageParams) => `Induk ${p.stated} membentuk lingkaran (${p.path}).`,
  "formula-constant": (p: MessageParams) =>
    `Rumus kolom ini ditimpa nilai ketikan ${p.stated}${p.expected !== undefined ? ` (rumusnya memberi ${p.expected})` : ""}; nilai ini tidak ikut berubah bila data berubah.`,
  "sheet-columns-shifted-refused": (p: MessageParams) =>
    `Lembar ${p.sheet}: kolom "${p.header}" seharusnya di ${p.expectedCell}, tetapi ada di ${p.foundCell} (kolom ${p.moved === "right" ? "disisipkan" : "dihapus"} di tengah lembar). ` +
    `Buku kerja tidak diubah: ${p.action} akan menulis ke kolom yang salah. Hapus kolom sisipan (atau kembalikan kolom yang terhapus), lalu jalankan lagi; catatan tambahan dapat ditulis di kolom sesudah kolom terakhir.`,
  "columns-shifted": (p: MessageParams) =>
    `Kolom "${p.header}" seharusnya di ${p.expectedCell}, tetapi ada di ${p.foundCell}: ${p.count === 1 ? "satu kolom" : `${p.count} kolom`} ${p.moved === "right" ? "disisipkan di sebelah kirinya" : "di sebelah kirinya dihapus"}. ` +
    `Lembar ini dibaca menurut kolom bakunya, jadi angka dan temuan lain di lembar ini tidak dapat dipercaya sampai tata letaknya dikembalikan.`,
  "sheet-missing": (p: MessageParams) =>
    `Lembar standar "${p.sheet}" tidak ada di buku kerja ini (terhapus atau berganti nama): rumus yang membacanya kosong atau menunjukkan galat, dan laporan tidak lengkap. Jalankan Siapkan Lembar untuk membuatnya lagi.`,
  "formula-missing": () => "Rumus kolom ini terhapus; sel kosong.",
  "formula-edited": (p: MessageParams) => `Rumus diubah menjadi ${p.stated}; rumus baku kolom ini ${p.expected}.`,
  "number-as-text": (p: MessageParams) => `"${p.stated}" tersimpan sebagai teks, bukan angka${p.expected !== undefined ? ` (maksudnya ${p.expected})` : ""}; rumus tidak menghitungnya.`,
  "formula-inconsistent": (p: MessageParams) => `Rumus ini berbeda dari ${p.count} rumus lain di kolomnya (mis. ${p.example} di ${p.exampleCell}).`,
  "error-value": (p: MessageParams) =>
    `Sel menunjukkan ${p.stated}: ${
      p.idCell !== undefined
        ? `sel ID ${p.idCell} berisi ${p.stated}, dan kolom ini mengambil datanya menurut ID itu. Ketik ID indikator (mis. IK-001) atau kosongkan sel itu.`
        : (ERROR_VALUE_REASON[String(p.stated)] ?? "data masukannya tidak dapat dihitung.")
    }`,
} satisfies Record<string, (p: MessageParams) => string>;

export type MessageCode = keyof typeof MESSAGES;

export function message(code: MessageCode, params: MessageParams = {}): string {
  return MESSAGES[code](params);
}

export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];
