/**
 * The budget sentence of the narrative: a kode with no realisasi anggaran for the period (its quarter
 * neither imported nor typed) is said to be missing, never counted as Rp 0.
 */
import type { ReportRow } from "../../../src/core/report/build";
import { narrative } from "../../../src/core/report/narrative";

const row = (kode: string, pagu: number, realisasiAnggaran: number | null): ReportRow =>
  ({ ind: { indikator: "", sasaran: `Sasaran ${kode}`, kode, satuan: "" }, pagu, realisasiAnggaran, realisasi: null, capaian: null, efisiensi: null }) as unknown as ReportRow;

const budget = (rows: ReportRow[]) => narrative(rows, { jabatan: "Camat", periode: "Tahunan", tahun: 2024 }).find((p) => p.topic === "anggaran")?.text;

describe("the narrative's budget sentence", () => {
  it("every kode with its realisasi: the sum, the share and the sisa in words; a kode under another is not counted twice", () => {
    expect(budget([row("7.01.01", 1_000_000, 400_000), row("7.01.01.2.01", 300_000, 100_000), row("7.01.02", 500_000, 500_000)])).toBe(
      "Pagu anggaran yang mendukung kinerja Camat Rp 1.500.000, terealisasi Rp 900.000 (60,00%) sampai akhir Tahun 2024. Sisa anggaran Rp 600.000 (enam ratus ribu rupiah).",
    );
  });

  it("no kode with a realisasi for the period: missing, with no Rp 0, no share and no sisa", () => {
    expect(budget([row("7.01.01", 1_000_000, null), row("7.01.02", 500_000, null)])).toBe(
      "Pagu anggaran yang mendukung kinerja Camat Rp 1.500.000; realisasi anggarannya sampai akhir Tahun 2024 belum diisi, sehingga penyerapan dan sisa anggaran belum dapat dihitung.",
    );
  });

  it("some kode without: how many, and no total that would leave them out", () => {
    expect(budget([row("7.01.01", 1_000_000, 400_000), row("7.01.02", 500_000, null), row("7.01.03", 200_000, 0)])).toBe(
      "Pagu anggaran yang mendukung kinerja Camat Rp 1.700.000; realisasi anggarannya sampai akhir Tahun 2024 belum diisi untuk 1 dari 3 kode, sehingga penyerapan dan sisa anggaran belum dapat dihitung.",
    );
  });
});
