/**
 * The validation rules as data: id, family, what it checks (Indonesian title), why it matters, how to
 * fix it, the tolerance, and every message code it reports with that code's severity. The rule ids of
 * the public error catalogue of the real reports (SPEC f) are kept; rules the catalogue lacks (the
 * reportability and Excel-style checks) get ids of their own. docs/rules/ is generated from this file
 * (scripts/rules-docs.js); the conformance suite (test/core/rules) runs each rule's passing and failing
 * cases.
 */
import type { Severity } from "../findings";
import type { MessageCode } from "../messages.id";

export interface RuleSpec {
  family: string;
  title: string;
  why: string;
  fix: string;
  /** When a stated value counts as equal to the computed one. */
  tolerance?: string;
  /** Every code the rule reports, with its severity. */
  codes: Partial<Record<MessageCode, Severity>>;
  /** Where the rule looks: the workbook (Periksa), the pasted SIPD text (Impor SIPD), or neither (see `why`). */
  scope: readonly ("workbook" | "paste")[];
}

const STATED = "Sama bila keduanya sama setelah dibulatkan setengah ke atas pada jumlah desimal yang tertulis; sama setelah dipotong dilaporkan sebagai info (R-CAP-02).";

export const RULES = {
  "R-CAP-01": {
    family: "R-CAP",
    title: "Capaian kinerja tidak sama dengan realisasi ÷ target",
    why: "Capaian adalah inti laporan kinerja; angka yang tidak dapat dihitung ulang dari target dan realisasi membuat predikat dan narasi salah, dan laporan dikembalikan pemeriksa.",
    fix: "Pulihkan rumus kolom Capaian (Periksa dapat melakukannya), atau perbaiki target/realisasi yang keliru. Polaritas negatif memakai (2×target − realisasi) ÷ target (atau target ÷ realisasi bila dipilih di Pengaturan).",
    tolerance: STATED,
    codes: { "cap-mismatch": "error", "predikat-mismatch": "error" },
    scope: ["workbook"],
  },
  "R-CAP-02": {
    family: "R-CAP",
    title: "Capaian atau penyerapan dipotong, bukan dibulatkan",
    why: "Pembulatan yang berbeda antarbaris membuat tabel tidak konsisten (33% di satu baris, 65% dibulatkan di baris berikutnya); SIPD membulatkan setengah ke atas.",
    fix: "Biarkan rumus yang menghitung; bila mengetik, bulatkan setengah ke atas (30,427% → 30,43%).",
    tolerance: STATED,
    codes: { "cap-truncated": "info", "pen-truncated": "info", "sipd-persen-truncated": "info" },
    scope: ["workbook", "paste"],
  },
  "R-CAP-03": {
    family: "R-CAP",
    title: "Target dan realisasi tidak sama satuannya",
    why: "Capaian hanya bermakna bila target dan realisasi dalam satuan yang sama: 25% terhadap target 12 Dokumen tidak dapat dibagi.",
    fix: "Tulis realisasi dalam satuan target (3 Dokumen), atau tetapkan target sebagai persen di PK; satu satuan per indikator, di kolom Satuan PK.",
    codes: { "unit-percent-realisasi": "error", "unit-percent-target": "warning", "unit-percent-pk-target": "warning", "unit-differs": "warning", "unit-name-percent": "info" },
    scope: ["workbook"],
  },
  "R-CAP-04": {
    family: "R-CAP",
    title: "Label rumus kolom salah atau dikerjakan harfiah",
    why: "Label \"5=4/5\" (seharusnya (6)=(5)/(4)) menyesatkan: ada laporan yang menghitung capaian sebagai realisasi ÷ 5.",
    fix: "Jalankan Siapkan Lembar untuk memulihkan kepala tabel, dan pulihkan rumus capaian.",
    codes: { "cap-literal": "error", "label-number": "warning" },
    scope: ["workbook"],
  },
  "R-CAP-05": {
    family: "R-CAP",
    title: "Capaian di atas 100% dipotong menjadi 100%",
    why: "Capaian tidak dibatasi: 116% tetap 116% di tabel; memotongnya di satu tempat dan tidak di tempat lain membuat tabel dan narasi bertentangan.",
    fix: "Pulihkan rumus capaian.",
    codes: { "cap-capped": "warning" },
    scope: ["workbook"],
  },
  "R-CAP-06": {
    family: "R-CAP",
    title: "Realisasi indikator negatif melebihi dua kali target",
    why: "Dengan rumus (2 × target − realisasi) ÷ target, realisasi di atas dua kali target memberi capaian negatif: predikat dan rata-rata capaian di laporan ikut turun di bawah nol.",
    fix: "Periksa realisasi dan polaritasnya; bila benar, jelaskan di narasi (atau pilih rumus T/R di Pengaturan).",
    codes: { "cap-negative-below-zero": "warning" },
    scope: ["workbook"],
  },
  "R-AVG-01": {
    family: "R-AVG",
    title: "Indikator rata-rata tidak sama dengan rata-rata komponennya; 0 diisi untuk triwulan yang tidak diukur",
    why: "Indikator \"Rata-rata …\" dihitung dari indikator komponennya; dan sel 0 berbeda dari sel kosong: 0 ikut dirata-rata dan menjadi nilai terakhir.",
    fix: "Isi kolom Induk (ID) pada indikator komponen dengan ID indikator rata-ratanya, lalu samakan realisasinya; kosongkan triwulan yang tidak diukur.",
    tolerance: STATED,
    codes: { "avg-mismatch": "error", "zero-not-measured": "warning" },
    scope: ["workbook"],
  },
  "R-UNIT-01": {
    family: "R-UNIT",
    title: "Persen dan pecahan tercampur",
    why: "0,46 dan 46% sama artinya, tetapi 46 di kolom persen berarti 4600%: predikat menjadi Sangat Tinggi tanpa peringatan.",
    fix: "Di kolom Target dan Realisasi tulis angka biasa dan satuannya di kolom Satuan; di kolom persen tulis 46% (tersimpan 0,46). Periksa dapat mengubahnya.",
    codes: { "unit-percent-mixed": "warning", "ratio-as-percent-number": "warning", "unit-fraction-typed": "warning", "unit-fraction-target": "warning" },
    scope: ["workbook"],
  },
  "R-PEN-01": {
    family: "R-PEN",
    title: "Penyerapan (capaian anggaran) tidak sama dengan realisasi ÷ pagu",
    why: "Penyerapan dipakai untuk efisiensi dan narasi anggaran; angka yang tidak dapat dihitung ulang membuat keduanya salah.",
    fix: "Pulihkan rumus penyerapan.",
    tolerance: STATED,
    codes: { "pen-mismatch": "error", "sipd-persen-mismatch": "error", "sipd-footer-mismatch": "error" },
    scope: ["workbook", "paste"],
  },
  "R-PEN-02": {
    family: "R-PEN",
    title: "Realisasi melebihi pagu",
    why: "Realisasi di atas pagu (penyerapan > 100%) hampir selalu salah ketik atau salah kode; bila benar, perlu penjelasan.",
    fix: "Periksa realisasi dan pagu menurut SIPD.",
    codes: { "pen-over": "warning", "sipd-realisasi-over": "warning" },
    scope: ["workbook", "paste"],
  },
  "R-SISA-01": {
    family: "R-SISA",
    title: "Sisa anggaran tidak sama dengan pagu − realisasi, atau negatif",
    why: "Sisa anggaran disebut dalam narasi (dalam angka dan huruf); harus sama dengan pagu dikurangi realisasi.",
    fix: "Pulihkan rumus sisa; periksa realisasi yang melebihi pagu.",
    codes: { "sisa-mismatch": "error", "sipd-sisa-mismatch": "error", "sipd-sisa-negative": "warning" },
    scope: ["workbook", "paste"],
  },
  "R-EFF-01": {
    family: "R-EFF",
    title: "Efisiensi tidak sama dengan (6) − (9)",
    why: "Tingkat efisiensi = capaian kinerja − penyerapan anggaran; tanda terbalik atau salinan dari baris lain membalik kesimpulan analisis efisiensi.",
    fix: "Pulihkan rumus efisiensi.",
    tolerance: "Sama pada presisi yang tertulis, atau selisih paling banyak 0,01 bila (6) atau (9) sendiri angka ketikan yang dibulatkan.",
    codes: { "eff-mismatch": "error" },
    scope: ["workbook"],
  },
  "R-EFF-02": {
    family: "R-EFF",
    title: "Efisiensi dihitung dari satuan yang tercampur",
    why: "Persen dikurangi pecahan (25 − 0,15) memberi angka tanpa arti.",
    fix: "Pulihkan rumus efisiensi; capaian dan penyerapan keduanya pecahan.",
    codes: { "eff-mixed-units": "warning" },
    scope: ["workbook"],
  },
  "R-EFF-03": {
    family: "R-EFF",
    title: "Efisiensi tertulis tetapi tidak dapat dihitung ulang",
    why: "Efisiensi yang tidak berasal dari (6) − (9), atau ditulis untuk kegiatan tanpa anggaran, tidak dapat dipertanggungjawabkan.",
    fix: "Pulihkan rumus efisiensi; tanpa pagu atau tanpa capaian kinerja, efisiensi dikosongkan.",
    codes: { "eff-unreproducible": "warning", "eff-no-budget": "warning" },
    scope: ["workbook"],
  },
  "R-EFF-04": {
    family: "R-EFF",
    title: "Efisiensi atau capaian anggaran kosong padahal dapat dihitung",
    why: "Kolom yang kosong membuat tabel Cost per Outcome tidak lengkap; datanya sudah ada.",
    fix: "Pulihkan rumus kolom (Periksa dapat melakukannya).",
    codes: { "eff-empty": "info", "pen-empty": "info" },
    scope: ["workbook"],
  },
  "R-SUM-01": {
    family: "R-SUM",
    title: "Induk tidak sama dengan jumlah rinciannya",
    why: "Pagu dan realisasi program = jumlah kegiatannya = jumlah sub kegiatannya; sasaran = jumlah program di bawahnya. Jumlah yang tidak cocok berarti ada baris terlewat atau diketik ulang.",
    fix: "Biarkan rumus menjumlahkan menurut kode; isi kolom Induk (ID) agar sasaran menjumlahkan program di bawahnya.",
    tolerance: "Rupiah bulat: harus sama persis.",
    codes: { "sum-mismatch": "error", "sum-children": "warning", "sum-unattached": "warning", "sum-no-children": "warning", "sipd-sd-mismatch": "error", "sipd-rollup": "error", "sipd-rollup-literal-only": "info", "sipd-footer-mismatch": "error" },
    scope: ["workbook", "paste"],
  },
  "R-XREF-01": {
    family: "R-XREF",
    title: "Pagu berbeda antara PK, Realisasi Anggaran dan SIPD",
    why: "Satu sumber kebenaran untuk uang: pagu program/kegiatan di PK dan Cost per Outcome harus sama dengan SIPD.",
    fix: "Biarkan pagu dihitung dari lembar Realisasi Anggaran (impor SIPD), jangan diketik ulang.",
    codes: { "xref-pagu": "error", "xref-sipd-pagu": "error", "xref-sipd-unreadable": "warning" },
    scope: ["workbook"],
  },
  "R-XREF-02": {
    family: "R-XREF",
    title: "Indikator yang sama bernilai berbeda di dua tabel atau dua jabatan",
    why: "Pada periode yang sama satu indikator hanya punya satu target dan satu realisasi, di Tabel 2.2, Tabel 2.3 dan di laporan setiap jabatan.",
    fix: "Ambil nilai dari satu tempat: Cost per Outcome membaca lembar Capaian; samakan realisasi indikator yang sama di semua jabatan.",
    tolerance: STATED,
    codes: { "xref-value": "error", "xref-indikator": "error", "xref-kinerja-from-anggaran": "warning" },
    scope: ["workbook"],
  },
  "R-XREF-03": {
    family: "R-XREF",
    title: "Realisasi anggaran berbeda dengan SIPD",
    why: "Realisasi anggaran dalam tabel kinerja harus sama dengan realisasi SIPD untuk program/kegiatan/sub kegiatan yang sama.",
    fix: "Impor ulang LRA SIPD dan biarkan realisasi dihitung menurut kode.",
    codes: { "xref-realisasi-anggaran": "error", "xref-sipd-realisasi": "error" },
    scope: ["workbook"],
  },
  "R-NUM-01": {
    family: "R-NUM",
    title: "Pemisah ribuan/desimal tercampur",
    why: "\"1,706,504,410\" di buku kerja berbahasa Indonesia tersimpan sebagai teks: tidak ikut dijumlah dan mudah salah baca.",
    fix: "Ketik angka tanpa pemisah ribuan (Excel menampilkan 1.706.504.410 sendiri).",
    codes: { "num-separators": "warning" },
    scope: ["workbook"],
  },
  "R-NUM-02": {
    family: "R-NUM",
    title: "Presisi atau format angka janggal",
    why: "Persen dengan satu desimal, sen pada rupiah bulat: tanda salah ketik atau salah salin.",
    fix: "Periksa angkanya pada sumbernya.",
    codes: { "num-sen": "info", "sipd-persen-precision": "info", "sipd-sen": "info" },
    scope: ["workbook", "paste"],
  },
  "R-KODE-01": {
    family: "R-KODE",
    title: "Kode tidak sesuai struktur",
    why: "Anggaran dijumlah menurut kode; kode yang salah bentuk tidak terjumlah ke induknya.",
    fix: "Tulis kode seperti SIPD: 7.01.01 (program), 7.01.01.2.01 (kegiatan), 7.01.01.2.01.0001 (sub kegiatan).",
    codes: {
      "kode-malformed": "warning",
      "kode-spaces": "error",
      "kode-level": "warning",
      "sipd-kode-unrecognised": "error",
      "sipd-kode-malformed": "warning",
      "sipd-kode-repaired": "warning",
      "sipd-kode-orphan": "warning",
      "sipd-kode-unit": "warning",
      "sipd-urusan-mismatch": "warning",
      "sipd-kode-duplicate": "warning",
      "sipd-kode-ambiguous": "warning",
    },
    scope: ["workbook", "paste"],
  },
  "R-KODE-02": {
    family: "R-KODE",
    title: "Kode PK tidak ada di Realisasi Anggaran",
    why: "Baris PK dengan kode yang tidak dikenal tidak mendapat pagu dan realisasi.",
    fix: "Perbaiki kodenya atau impor LRA SIPD yang memuatnya.",
    codes: { "kode-unknown": "warning" },
    scope: ["workbook"],
  },
  "R-KODE-03": {
    family: "R-KODE",
    title: "Kode ganda di Realisasi Anggaran atau di bawah satu Induk PK",
    why: "Kode yang muncul dua kali terhitung dua kali dalam setiap jumlah, juga dalam pagu dan realisasi Induknya di PK dan Cost per Outcome.",
    fix: "Hapus baris kembarnya; untuk indikator kedua dari program yang sama, kosongkan kodenya.",
    codes: { "kode-duplicate": "error", "kode-twice-under-induk": "warning" },
    scope: ["workbook"],
  },
  "R-KODE-04": {
    family: "R-KODE",
    title: "Kode tidak ada dalam impor SIPD",
    why: "Angka untuk kode yang tidak ada di SIPD diketik tangan dan tidak dapat ditelusuri.",
    fix: "Periksa kodenya, atau impor LRA SIPD yang benar.",
    codes: { "kode-not-in-sipd": "warning" },
    scope: ["workbook"],
  },
  "R-PERIOD-01": {
    family: "R-PERIOD",
    title: "Tahun atau periode tidak sesuai Pengaturan",
    why: "Laporan TW II memakai realisasi s/d Juni tahun yang sama; impor bulan lain atau tahun lain membuat semua angka anggaran salah periode.",
    fix: "Periksa Pengaturan (tahun, periode) dan impor LRA SIPD bulan akhir periode.",
    codes: { "period-settings": "error", "period-sipd-year": "error", "period-sipd-old": "warning", "period-bulan-year": "warning", "period-tw-beyond": "warning" },
    scope: ["workbook"],
  },
  "R-LABEL-01": {
    family: "R-LABEL",
    title: "Nama sasaran, indikator atau satuan berbeda dengan PK",
    why: "Tabel capaian dan cost per outcome melaporkan indikator PK; nama yang diketik ulang sering tersalin dari baris atau laporan lain.",
    fix: "Pulihkan rumus kolom agar nama dibaca dari PK; perbaiki di PK bila PK-nya yang salah.",
    codes: { "label-differs": "warning", "row-not-in-pk": "warning" },
    scope: ["workbook"],
  },
  "R-NUMBERING-01": {
    family: "R-NUMBERING",
    title: "Nomor sasaran ganda atau terlewat",
    why: "Nomor 1, 2, 2 atau 1, 3 dalam satu jabatan menandakan baris tersalin atau terhapus.",
    fix: "Perbaiki nomor di kolom No lembar PK.",
    codes: { numbering: "info" },
    scope: ["workbook"],
  },
  "R-REP-01": {
    family: "R-REP",
    title: "Indikator belum lengkap untuk dilaporkan",
    why: "Tanpa target, satuan atau realisasi periode, capaian dan predikat indikator kosong di laporan.",
    fix: "Lengkapi target dan satuan di PK, pilih Polaritas dan Metode dari daftarnya, dan isi realisasi triwulan di lembar Capaian.",
    codes: { "rep-target-missing": "warning", "rep-satuan-missing": "warning", "rep-polaritas-missing": "info", "rep-polaritas-unknown": "error", "rep-metode-unknown": "warning", "rep-realisasi-missing": "warning", "rep-realisasi-tw-missing": "warning" },
    scope: ["workbook"],
  },
  "R-REP-02": {
    family: "R-REP",
    title: "ID atau Induk tidak sah",
    why: "Lembar-lembar terhubung lewat ID; ID ganda membuat baris kedua tidak terbaca, Induk yang salah memutus jumlah dan rata-rata.",
    fix: "Beri setiap baris PK ID sendiri; isi Induk dengan ID yang ada.",
    codes: { "id-duplicate": "error", "induk-unknown": "warning", "induk-cycle": "error", "id-wildcard": "warning" },
    scope: ["workbook"],
  },
  "R-XL-01": {
    family: "R-XL",
    title: "Rumus lembar standar ditimpa angka atau terhapus",
    why: "Angka ketikan di kolom rumus tidak ikut berubah bila target, realisasi atau SIPD berubah: laporan berikutnya salah tanpa terlihat.",
    fix: "Pulihkan rumusnya (Periksa dapat melakukannya; nilai lama dapat dikembalikan dengan Batalkan).",
    codes: { "formula-constant": "warning", "formula-missing": "warning", "sheet-missing": "error" },
    scope: ["workbook"],
  },
  "R-XL-02": {
    family: "R-XL",
    title: "Rumus lembar standar diubah",
    why: "Rumus yang diubah tidak lagi menghitung seperti lembar standar; hasilnya tidak dapat diperiksa.",
    fix: "Pulihkan rumus baku kolom itu.",
    codes: { "formula-edited": "warning" },
    scope: ["workbook"],
  },
  "R-XL-03": {
    family: "R-XL",
    title: "Angka tersimpan sebagai teks atau nilai logika",
    why: "Angka yang tersimpan sebagai teks tidak ikut dihitung rumus (realisasi kosong, jumlah kurang); nilai logika (TRUE/FALSE) dihitung Excel dan LibreOffice secara berbeda.",
    fix: "Ubah menjadi angka (Periksa dapat melakukannya bila bacaannya pasti), atau kosongkan sel yang belum diukur.",
    codes: { "number-as-text": "warning", "text-in-number": "warning", "logical-in-number": "warning" },
    scope: ["workbook"],
  },
  "R-XL-04": {
    family: "R-XL",
    title: "Rumus berbeda dari rumus lain di kolomnya",
    why: "Satu rumus yang berbeda dalam kolom yang seragam biasanya salah salin.",
    fix: "Samakan dengan rumus di atas/bawahnya bila tidak disengaja.",
    codes: { "formula-inconsistent": "info" },
    scope: ["workbook"],
  },
  "R-XL-05": {
    family: "R-XL",
    title: "Sel menunjukkan galat (#DIV/0!, #N/A, #VALUE!)",
    why: "Galat di sel laporan berarti data masukannya tidak dapat dihitung (target 0, persen dijumlahkan, teks di kolom angka).",
    fix: "Perbaiki masukan yang disebut pesan.",
    codes: { "error-value": "error" },
    scope: ["workbook"],
  },
  "R-XL-06": {
    family: "R-XL",
    title: "Kolom lembar standar bergeser (kolom disisipkan atau dihapus)",
    why: "Periksa, Laporan dan rumus antarlembar membaca setiap kolom di tempat bakunya: setelah kolom disisipkan atau dihapus, angka dibaca dari kolom yang salah dan temuan lain di lembar itu menyesatkan.",
    fix: "Hapus kolom sisipan (atau kembalikan kolom yang terhapus dengan Batalkan); catatan tambahan ditulis di kolom sesudah kolom terakhir atau di lembar lain. Lalu Periksa lagi.",
    codes: { "columns-shifted": "error" },
    scope: ["workbook"],
  },
  "R-PARSE": {
    family: "R-PARSE",
    title: "Baris teks tempelan tidak dapat dibaca seluruhnya",
    why: "Bukan salah hitung: bentuk teks yang harus diketahui pembaca (baris terpotong, kolom kurang, uraian terbungkus).",
    fix: "Salin ulang dari SIPD atau dari file Excel-nya (bukan dari PDF).",
    codes: {
      "sipd-cell-unreadable": "error",
      "sipd-cell-empty": "error",
      "sipd-line-fields": "error",
      "sipd-unlabelled-row": "warning",
      "sipd-uraian-continuation": "info",
      "sipd-header-missing": "info",
      "sipd-amount-out-of-range": "error",
    },
    scope: ["paste"],
  },
  "R-LRA-01": {
    family: "R-LRA",
    title: "Realisasi LRA ringkasan diambil dari BULAN INI, bukan S/D BULAN INI",
    why: "LRA ringkasan melaporkan realisasi kumulatif.",
    fix: "Tabel LRA ringkasan dibuat oleh Laporan dari realisasi s/d bulan ini; tidak diketik.",
    codes: {},
    scope: [],
  },
  "R-LRA-02": {
    family: "R-LRA",
    title: "Label rumus LRA merujuk nomor baris yang salah",
    why: "Label \"(jumlah baris …)\" yang salah membingungkan pemeriksa.",
    fix: "Tabel dibuat oleh Laporan, labelnya dari strukturnya.",
    codes: {},
    scope: [],
  },
  "R-TEXT-01": {
    family: "R-TEXT",
    title: "Angka dalam narasi bertentangan dengan tabel",
    why: "Narasi yang diketik terpisah dari tabel sering salah hitung (\"3 dari 7 indikator\").",
    fix: "Narasi dibuat oleh Laporan dari angka tabel yang sama, sehingga selalu konsisten.",
    codes: {},
    scope: [],
  },
  "R-SKM-01": {
    family: "R-SKM",
    title: "Aritmetika SKM/IKM atau versi tercampur",
    why: "Nilai IKM adalah rata-rata dua semester; versi Kemenpan RB dan KPK berbeda.",
    fix: "Belum diperiksa oleh buku kerja ini (tidak ada lembar SKM).",
    codes: {},
    scope: [],
  },
  "R-RANK-01": {
    family: "R-RANK",
    title: "Urutan peringkat bertentangan dengan nilainya",
    why: "Peringkat harus mengikuti nilai.",
    fix: "Belum diperiksa oleh buku kerja ini (tidak ada lembar peringkat).",
    codes: {},
    scope: [],
  },
} as const satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The codes a rule reports. */
export type CodeOf<R extends RuleId> = keyof (typeof RULES)[R]["codes"] & MessageCode;

/** The severity a rule gives a code. */
export function severityOf<R extends RuleId>(rule: R, code: CodeOf<R>): Severity {
  return (RULES[rule].codes as Partial<Record<MessageCode, Severity>>)[code]!;
}

export const isRuleId = (s: string): s is RuleId => s in RULES;
