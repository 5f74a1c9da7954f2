/**
 * Messages whose wording depends on what the check found: the check emits a code and values, the
 * catalogue (messages.id.ts) chooses the words. Each branch is rendered here; the conformance pages
 * (docs/rules) show one of each in context.
 */
import { message } from "../../../src/core/messages.id";

describe("messages chosen by what a check found", () => {
  it("R-AVG-01: a 0 in a rata-rata indicator, or after a measured quarter", () => {
    expect(message("zero-not-measured", { tw: "TW I" })).toBe(
      "Realisasi TW I diisi 0 pada indikator rata-rata: 0 ikut dirata-rata. Bila indikator tidak diukur pada triwulan itu, kosongkan selnya: 0 ikut dihitung.",
    );
    expect(message("zero-not-measured", { tw: "TW II", earlier: "12" })).toBe(
      "Realisasi TW II diisi 0 setelah triwulan sebelumnya 12: 0 menjadi realisasi periode. Bila indikator tidak diukur pada triwulan itu, kosongkan selnya: 0 ikut dihitung.",
    );
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
    const p = { what: "Pagu", name: "Tertib administrasi", stated: "Rp 2.750.000", expected: "Rp 7.750.000", count: 2, id: "IK-S01", boundRow: 3000 };
    expect(message("sum-children", p)).toBe("Pagu Tertib administrasi: Rp 2.750.000, sedangkan jumlah 2 baris yang ber-Induk IK-S01 Rp 7.750.000.");
    expect(message("sum-children", { ...p, missing: 1 })).toBe("Pagu Tertib administrasi: Rp 2.750.000, sedangkan jumlah 2 baris yang ber-Induk IK-S01 Rp 7.750.000 (1 baris tanpa angka).");
    expect(message("sum-children", { ...p, lastKode: 3050 })).toBe(
      "Pagu Tertib administrasi: Rp 2.750.000, sedangkan jumlah 2 baris yang ber-Induk IK-S01 Rp 7.750.000. Jumlah baris sasaran hanya membaca Realisasi Anggaran sampai baris 3000, sedangkan lembar itu berisi kode sampai baris 3050; anggaran di bawah baris 3000 tidak ikut dijumlah.",
    );
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
});
