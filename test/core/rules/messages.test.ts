/**
 * Messages whose wording depends on what the check found: the check emits a code and values, the
 * catalogue (messages.id.ts) chooses the words. Each branch is rendered here; the conformance pages
 * (docs/rules) show one of each in context.
 */
import { message } from "../../../src/core/messages.id";
import { TEXT_MIRRORS } from "../../../src/core/rules/checks/computed";

describe("messages chosen by what a check found", () => {
  it("R-AVG-01: a 0 in a rata-rata indicator, or after a measured quarter", () => {
    expect(message("zero-not-measured", { tw: 1 })).toBe(
      "Realisasi TW I diisi 0 pada indikator rata-rata: 0 ikut dirata-rata. Bila indikator tidak diukur pada triwulan itu, kosongkan selnya: 0 ikut dihitung.",
    );
    expect(message("zero-not-measured", { tw: 2, earlier: "12" })).toBe(
      "Realisasi TW II diisi 0 setelah triwulan sebelumnya 12: 0 menjadi realisasi periode. Bila indikator tidak diukur pada triwulan itu, kosongkan selnya: 0 ikut dihitung.",
    );
  });

  it("R-PERIOD-01, R-REP-01: the quarter by its number, the period as Pengaturan has it or as it was read", () => {
    expect(message("period-tw-beyond", { tw: 3, periode: "TW II", periodTw: 2 })).toBe(
      "Realisasi TW III diisi, padahal periode laporan TW II; nilai ini tidak dihitung (salah kolom?).",
    );
    // Pengaturan's periode empty: the quarter it was read as, headed as the sheets head it
    expect(message("rep-realisasi-missing", { indikator: "Jumlah dokumen", periodTw: 4 })).toBe('Indikator "Jumlah dokumen" belum berealisasi s/d TW IV; capaiannya kosong di laporan.');
  });

  it("R-EFF: the slip, the unit taken as a percent, what is missing", () => {
    const p = { stated: "46,00%", expected: "-7,53%", capaian: "46,00%", penyerapan: "53,53%" };
    expect(message("eff-mismatch", p)).toBe("Efisiensi tertulis 46,00%, sedangkan (6) − (9) = 46,00% − 53,53% = -7,53%.");
    expect(message("eff-mismatch", { ...p, slip: "reversed" })).toContain("(tanda terbalik: (9) − (6)).");
    expect(message("eff-mismatch", { ...p, slip: "capaian" })).toContain("(sama dengan (6)).");
    expect(message("eff-mismatch", { ...p, slip: "penyerapan" })).toContain("(sama dengan (9)).");
    expect(message("eff-mixed-units", { stated: "4546,47%", expected: "-7,53%", inPercent: "capaian" })).toContain("((6) dalam persen − (9) dalam pecahan)");
    expect(message("eff-mixed-units", { stated: "-5253%", expected: "-7,53%", inPercent: "penyerapan" })).toContain("((6) dalam pecahan − (9) dalam persen)");
    expect(message("eff-no-budget", { stated: "12%", lacking: "pagu" })).toBe("Efisiensi 12% ditulis, padahal pagu anggaran kosong atau 0; efisiensi tidak dapat dihitung.");
    expect(message("eff-no-budget", { stated: "12%", lacking: "capaian" })).toBe("Efisiensi 12% ditulis, padahal capaian kinerja (6) belum ada; efisiensi tidak dapat dihitung.");
  });

  it("R-SUM-01: rows without a number, and a sasaran that reads Realisasi Anggaran only so far", () => {
    const p = { column: "pagu", name: "Tertib administrasi", stated: "Rp 2.750.000", expected: "Rp 7.750.000", count: 2, id: "IK-S01", boundRow: 3000 };
    expect(message("sum-children", p)).toBe("Pagu Tertib administrasi: Rp 2.750.000, sedangkan jumlah 2 baris yang ber-Induk IK-S01 Rp 7.750.000.");
    expect(message("sum-children", { ...p, missing: 1 })).toBe("Pagu Tertib administrasi: Rp 2.750.000, sedangkan jumlah 2 baris yang ber-Induk IK-S01 Rp 7.750.000 (1 baris tanpa angka).");
    expect(message("sum-children", { ...p, lastKode: 3050 })).toBe(
      "Pagu Tertib administrasi: Rp 2.750.000, sedangkan jumlah 2 baris yang ber-Induk IK-S01 Rp 7.750.000. Jumlah baris sasaran hanya membaca Realisasi Anggaran sampai baris 3000, sedangkan lembar itu berisi kode sampai baris 3050; anggaran di bawah baris 3000 tidak ikut dijumlah.",
    );
    expect(message("sum-children", { ...p, column: "realisasiAnggaran" })).toBe(
      "Realisasi anggaran Tertib administrasi: Rp 2.750.000, sedangkan jumlah 2 baris yang ber-Induk IK-S01 Rp 7.750.000.",
    );
  });

  it("R-SUM-01: a Realisasi Anggaran column and level named from their keys", () => {
    const p = { column: "setelah", level: "Program", name: "7.01.01", stated: "Rp 7.000.000.000", expected: "Rp 7.089.003.733", count: 17 };
    expect(message("sum-mismatch", p)).toBe(
      "Anggaran setelah perubahan program 7.01.01 tertulis Rp 7.000.000.000, sedangkan jumlah 17 sub kegiatan di bawahnya Rp 7.089.003.733.",
    );
    const columns: [string, string][] = [
      ["sebelum", "Anggaran sebelum perubahan kegiatan"],
      ["sdBulan", "Realisasi s/d bulan terakhir kegiatan"],
      ["tw1", "Realisasi s/d TW I kegiatan"],
      ["tw2", "Realisasi s/d TW II kegiatan"],
      ["tw3", "Realisasi s/d TW III kegiatan"],
      ["tw4", "Realisasi s/d TW IV kegiatan"],
    ];
    for (const [column, words] of columns) expect(message("sum-mismatch", { ...p, column, level: "Kegiatan" })).toMatch(new RegExp(`^${words} 7\\.01\\.01 tertulis`));
  });

  it("R-SUM-01: a row without Induk or without children, named by its level or as a row", () => {
    const p = { name: "Penyelenggaraan pemerintahan", stated: "Rp 1.000.000", id: "IK-K01" };
    expect(message("sum-unattached", { ...p, level: "Kegiatan" })).toBe(
      "Kegiatan Penyelenggaraan pemerintahan berpagu Rp 1.000.000 tetapi tidak ber-Induk, padahal baris lain setingkatnya ber-Induk; pagunya tidak terhitung di sasaran mana pun.",
    );
    expect(message("sum-unattached", { ...p, level: "" })).toMatch(/^Baris Penyelenggaraan pemerintahan berpagu/);
    expect(message("sum-no-children", { ...p, level: "Sasaran Program" })).toBe(
      "Sasaran Program Penyelenggaraan pemerintahan berpagu Rp 1.000.000, tetapi tidak ada baris yang ber-Induk IK-K01; jumlah sasaran tidak sama dengan jumlah kegiatannya.",
    );
    expect(message("sum-no-children", { ...p, level: "" })).toMatch(/^Baris Penyelenggaraan pemerintahan berpagu Rp 1\.000\.000, tetapi/);
  });

  it("R-PEN-02: the penyerapan, or an infinite one when the pagu is 0", () => {
    expect(message("pen-over", { stated: "Rp 120", expected: "Rp 100", persen: "120,00%" })).toBe("Realisasi anggaran Rp 120 melebihi pagu Rp 100 (penyerapan 120,00%).");
    expect(message("pen-over", { stated: "Rp 120", expected: "Rp 0" })).toBe("Realisasi anggaran Rp 120 melebihi pagu Rp 0 (penyerapan tak terhingga).");
  });

  it("R-PERIOD-01: the Pengaturan setting and what to put there", () => {
    expect(message("period-settings", { setting: "tahun", stated: "" })).toBe("Tahun anggaran di lembar Pengaturan kosong; isi tahun (mis. 2024).");
    expect(message("period-settings", { setting: "tahun", stated: "#REF!" })).toBe('Tahun anggaran di lembar Pengaturan "#REF!" tidak sah; isi tahun (mis. 2024).');
    expect(message("period-settings", { setting: "periode", stated: "TW 5", choices: "TW I, TW II, TW III, TW IV, Tahunan" })).toBe(
      'Periode laporan di lembar Pengaturan "TW 5" tidak sah; pilih TW I, TW II, TW III, TW IV, Tahunan.',
    );
    expect(message("period-settings", { setting: "periode", stated: "", choices: "TW I, Tahunan" })).toBe("Periode laporan di lembar Pengaturan kosong; pilih TW I, Tahunan.");
  });

  it("R-NUM-01: the separator style", () => {
    expect(message("num-separators", { stated: "7,089,003,733", style: "en", expected: "Rp 7.089.003.733" })).toBe(
      '"7,089,003,733" ditulis dengan pemisah gaya Inggris (koma ribuan) dan tersimpan sebagai teks; dibaca sebagai Rp 7.089.003.733. Ketik angkanya tanpa pemisah ribuan.',
    );
    expect(message("num-separators", { stated: "1.234,567.8", style: "mixed", expected: "1.234.567,8" })).toBe(
      '"1.234,567.8" ditulis dengan pemisah campuran (titik dan koma) dan tersimpan sebagai teks; dibaca sebagai 1.234.567,8. Ketik angkanya tanpa pemisah ribuan.',
    );
  });

  it("R-LABEL-01: the mirrored column, named per sheet", () => {
    const p = { stated: "Sasaran A", expected: "Sasaran B", id: "IK-001" };
    expect(message("label-differs", { ...p, sheet: "capaian", column: "sasaran" })).toBe('Sasaran tertulis "Sasaran A", sedangkan di PK "Sasaran B" untuk baris yang sama (IK-001).');
    expect(message("label-differs", { ...p, sheet: "cpo", column: "sasaran" })).toBe(
      'Sasaran/program/kegiatan tertulis "Sasaran A", sedangkan di PK "Sasaran B" untuk baris yang sama (IK-001).',
    );
    const labels: Record<string, string> = { jabatan: "Jabatan", no: "No", indikator: "Indikator", polaritas: "Polaritas", metode: "Metode", level: "Level", kode: "Kode" };
    // every column the check compares has its label in the catalogue
    for (const [sheet, keys] of Object.entries(TEXT_MIRRORS)) {
      for (const column of keys!) {
        if (column === "sasaran") continue;
        expect([sheet, column, message("label-differs", { ...p, sheet, column })]).toEqual([sheet, column, expect.stringMatching(new RegExp(`^${labels[column]} tertulis`))]);
      }
    }
  });

  it("R-XREF-01/03: this workbook's Realisasi Anggaran, or another file's", () => {
    const p = { kode: "7.01.01", stated: "Rp 7.100.000.000", expected: "Rp 7.089.003.733" };
    expect(message("xref-pagu", p)).toBe("Pagu 7.01.01 tertulis Rp 7.100.000.000, sedangkan lembar Realisasi Anggaran mencatat Rp 7.089.003.733.");
    expect(message("xref-pagu", { ...p, file: "kasi-pmd.xlsx" })).toBe(
      "Pagu 7.01.01 tertulis Rp 7.100.000.000, sedangkan lembar Realisasi Anggaran di kasi-pmd.xlsx mencatat Rp 7.089.003.733.",
    );
    expect(message("xref-realisasi-anggaran", p)).toBe(
      "Realisasi anggaran 7.01.01 tertulis Rp 7.100.000.000, sedangkan lembar Realisasi Anggaran mencatat Rp 7.089.003.733.",
    );
    expect(message("xref-realisasi-anggaran", { ...p, file: "sekcam.xlsx" })).toBe(
      "Realisasi anggaran 7.01.01 tertulis Rp 7.100.000.000, sedangkan lembar Realisasi Anggaran di sekcam.xlsx mencatat Rp 7.089.003.733.",
    );
  });

  it("R-CAP-01: the formula a capaian is recomputed with", () => {
    const p = { stated: "50%", expected: "46,00%", realisasi: "46", target: "100" };
    const tail = " = 46,00%. Ketik ulang realisasi/target atau pulihkan rumusnya.";
    expect(message("cap-mismatch", { ...p, formula: "positif" })).toBe(`Capaian tertulis 50%, sedangkan realisasi ÷ target (46 ÷ 100)${tail}`);
    expect(message("cap-mismatch", { ...p, formula: "positif", realisasi: undefined })).toBe(`Capaian tertulis 50%, sedangkan realisasi ÷ target${tail}`);
    expect(message("cap-mismatch", { ...p, formula: "negatif" })).toBe(`Capaian tertulis 50%, sedangkan (2 × target − realisasi) ÷ target${tail}`);
    expect(message("cap-mismatch", { ...p, formula: "cpo" })).toBe(`Capaian tertulis 50%, sedangkan (5) ÷ (4) (46 ÷ 100)${tail}`);
  });

  it("R-XREF-02: the mirrored column and the sheet it comes from", () => {
    const p = { stated: "12", expected: "10", id: "IK-001" };
    const sources: [string, string][] = [
      ["pk", "Perjanjian Kinerja"],
      ["pk-awal-perubahan", "Perjanjian Kinerja (Awal/Perubahan)"],
      ["realisasi-tw", "Realisasi Anggaran (TW)"],
      ["capaian-tw", "Capaian (TW I–IV)"],
      ["capaian", "Capaian"],
    ];
    for (const [source, sheet] of sources) {
      expect(message("xref-value", { ...p, column: "target", source })).toBe(
        `Target tertulis 12, sedangkan lembar ${sheet} mencatat 10 untuk indikator yang sama (IK-001).`,
      );
    }
    expect(message("xref-value", { ...p, column: "realisasi", source: "capaian-tw" })).toMatch(/^Realisasi tertulis 12, sedangkan lembar Capaian \(TW I–IV\)/);
    expect(message("xref-value", { ...p, column: "capaian", source: "capaian" })).toMatch(/^Capaian tertulis 12, sedangkan lembar Capaian mencatat/);
    // a column or source the catalogue does not know is printed as its code
    expect(message("xref-value", { ...p, column: "tw1", source: "lain" })).toMatch(/^tw1 tertulis 12, sedangkan lembar lain mencatat/);
  });

  it("R-KODE-01: why a SIPD kode rekening does not fit the structure", () => {
    const kode = "7 01 7 01 00 01 2.01.0001 5 1 02 01 01 029";
    const reasons: [Record<string, string | number>, string][] = [
      [{ reason: "no-program" }, "sub kegiatan tanpa kode program"],
      [{ reason: "akun-one-segment" }, "akun satu segmen di luar total SKPD"],
      [{ reason: "akun-outside-sub" }, "rincian akun di luar sub kegiatan"],
      [{ reason: "too-many-segments", segments: 7 }, "7 segmen akun, paling banyak 6"],
      [{ reason: "segment-width" }, "lebar segmen akun tidak sesuai"],
    ];
    for (const [params, words] of reasons) {
      expect(message("sipd-kode-malformed", { kode, ...params })).toBe(
        `Kode rekening ${kode} tidak sesuai struktur (${words}); baris diimpor dan diperiksa menurut kode apa adanya.`,
      );
    }
  });

  it("R-XREF-01/03, R-KODE-04: the SIPD import's month, or the last import when its header does not say", () => {
    const p = { kode: "7.01.01", stated: "Rp 1", expected: "Rp 2" };
    expect(message("xref-sipd-pagu", { ...p, bulan: "Juni 2024" })).toBe("Pagu 7.01.01 di lembar ini Rp 1, sedangkan impor SIPD (Juni 2024) mencatat Rp 2.");
    expect(message("xref-sipd-pagu", p)).toBe("Pagu 7.01.01 di lembar ini Rp 1, sedangkan impor SIPD (terakhir) mencatat Rp 2.");
    expect(message("kode-not-in-sipd", { stated: "7.01.09" })).toBe("Kode 7.01.09 tidak ada dalam impor SIPD terakhir; angkanya diketik, bukan dari SIPD.");
    expect(message("xref-sipd-realisasi", { ...p, column: "sdBulan", bulan: "Mei 2024" })).toBe("Realisasi 7.01.01 (s/d bulan terakhir) Rp 1, sedangkan impor SIPD Mei 2024 mencatat Rp 2.");
    expect(message("xref-sipd-realisasi", { ...p, column: "tw2", bulan: "Juni 2024" })).toBe("Realisasi 7.01.01 (s/d TW II) Rp 1, sedangkan impor SIPD Juni 2024 mencatat Rp 2.");
    for (const [column, words] of [["tw1", "s/d TW I"], ["tw3", "s/d TW III"], ["tw4", "s/d TW IV"]]) {
      expect(message("xref-sipd-realisasi", { ...p, column, bulan: "Desember 2024" })).toContain(`(${words})`);
    }
  });

  it("R-NUMBERING-01: a sasaran number repeated or skipped", () => {
    expect(message("numbering", { stated: "1.", problem: "repeated", previous: 1, expected: 2 })).toBe("Nomor 1. dipakai dua kali untuk sasaran yang berbeda (nomor sebelumnya 1); seharusnya 2.");
    expect(message("numbering", { stated: "4", problem: "skipped", previous: 2, expected: 3 })).toBe("Nomor 4 melompati nomor (nomor sebelumnya 2); seharusnya 3.");
  });

  it("SIPD: a numeric column named by its key", () => {
    expect(message("sipd-cell-unreadable", { column: "realisasiBulanIni", raw: "100.0a0,00" })).toBe('Realisasi Bulan Ini "100.0a0,00" tidak dapat dibaca sebagai angka.');
    expect(message("sipd-cell-empty", { column: "anggaranSebelum" })).toBe("Anggaran Sebelum Perubahan kosong.");
    expect(message("sipd-cell-empty", {})).toBe("Sel kosong.");
    expect(message("sipd-sen", { column: "anggaranSetelah", raw: "600.000,50" })).toBe('Anggaran Setelah Perubahan "600.000,50" memuat sen; SIPD mencetak rupiah bulat (,00).');
    expect(message("sipd-rollup", { column: "realisasiSd", level: "akun_rincian_objek", kode: "5 1 02", stated: "400.000,00", expected: "410.000,00", count: 3 })).toBe(
      "Realisasi s/d Bulan Ini pada rincian objek 5 1 02 tertulis 400.000,00, sedangkan jumlah 3 baris rinciannya 410.000,00.",
    );
    expect(message("sipd-footer-mismatch", { footer: "jumlah_belanja", column: "persen", stated: "53,17", expected: "53,18", source: "belanja", sourceLine: 12 })).toBe(
      "Jumlah Belanja: % 53,17 tidak sama dengan BELANJA DAERAH (baris 12) 53,18.",
    );
    expect(message("sipd-footer-mismatch", { footer: "surplus_defisit", column: "realisasiSd", stated: "-5,00", expected: "-6,00", source: "surplus" })).toBe(
      "Surplus / Defisit: Realisasi s/d Bulan Ini -5,00 tidak sama dengan pendapatan − belanja -6,00.",
    );
    expect(message("sipd-header-missing", { missing: "bulan,skpd" })).toContain("Kepala laporan tidak lengkap: bagian bulan, nama SKPD tidak ditemukan.");
    expect(message("sipd-rollup-literal-only", { kode: "5 1 01 01", column: "sisa", stated: "1,00", expected: "2,00" })).toContain("(Sisa Anggaran: tertulis 1,00,");
  });

  it("R-XL-05: the error's usual cause, or the ID cell that holds it", () => {
    expect(message("error-value", { stated: "#DIV/0!" })).toBe("Sel menunjukkan #DIV/0!: pembagian dengan nol (target atau pagu bernilai 0).");
    expect(message("error-value", { stated: "#NUM!" })).toBe("Sel menunjukkan #NUM!: data masukannya tidak dapat dihitung.");
    expect(message("error-value", { stated: "#N/A", idCell: "A8" })).toBe(
      "Sel menunjukkan #N/A: sel ID A8 berisi #N/A, dan kolom ini mengambil datanya menurut ID itu. Ketik ID indikator (mis. IK-001) atau kosongkan sel itu.",
    );
  });

  it("R-XL-03: a logical in a number column, as each application counts it", () => {
    expect(message("logical-in-number", { stated: "TRUE", asNumber: 1 })).toBe(
      "Sel berisi nilai logika TRUE (BENAR), bukan angka: Excel tidak menghitungnya, LibreOffice menghitungnya sebagai 1, sehingga hasilnya berbeda di kedua aplikasi. Ketik angkanya, atau kosongkan sel bila belum diukur.",
    );
    expect(message("logical-in-number", { stated: "FALSE", asNumber: 0 })).toContain("nilai logika FALSE (SALAH), bukan angka");
  });

  it("R-LABEL-01 and R-XL-04: a row without an ID; the formula the rest of the column has, and where", () => {
    expect(message("row-not-in-pk", { stated: "IK-099" })).toBe("ID IK-099 tidak ada di lembar Perjanjian Kinerja; baris ini tidak punya target dan indikator dari PK.");
    expect(message("row-not-in-pk", { stated: "" })).toBe("Baris ini tidak ber-ID; baris ini tidak punya target dan indikator dari PK.");
    expect(message("formula-inconsistent", { count: 12, example: "=L7/E7", exampleCell: "M7" })).toBe("Rumus ini berbeda dari 12 rumus lain di kolomnya (mis. =L7/E7 di M7).");
  });
});
