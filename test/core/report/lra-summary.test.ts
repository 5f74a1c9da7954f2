/**
 * The LRA summary (pendapatan / belanja) of the unit, from the SIPD kode rekening rows imported into
 * Rincian SIPD (seed 002, June 2024): its totals are the ones the export itself states — the SKPD
 * total, each kelompok's SKPD row, the Jumlah Belanja and Surplus / Defisit footer — with realisasi
 * s/d bulan ini, never bulan ini; and it is in the report of the head of the unit only.
 */
import { readWorkbookModel } from "../../../src/app/read-model";
import { PERJANJIAN_KINERJA } from "../../../src/core/layouts";
import { buildReport, budgetOwner } from "../../../src/core/report/build";
import JSZip from "jszip";
import { exportDocx } from "../../../src/app/report-export";
import { reportLayouts } from "../../../src/app/report/xlsx";
import type { Period } from "../../../src/core/layouts";
import { lraSummary } from "../../../src/core/report/lra-summary";
import { layoutReportSheet } from "../../../src/core/report/sheet";
import type { ReportTable } from "../../../src/core/report/types";
import { F, LRA_002, correctWorkbook2024, rows2024, write } from "../../support/workbooks";

const lra = LRA_002();
const stated = (level: "skpd_total" | "skpd_kelompok", akun: string) => lra.rows.find((r) => r.level === level && r.akun === akun)!.stated;
const footer = (kind: "jumlah_belanja" | "surplus_defisit") => lra.footer.find((f) => f.kind === kind)!.stated;

describe("the LRA summary of the SIPD export imported into Rincian SIPD", () => {
  it("adds up to the totals the export states, realisasi s/d bulan ini", async () => {
    const model = await readWorkbookModel(await correctWorkbook2024());
    const parsed = model.rincian!.parse();
    if (!parsed.ok) throw new Error(parsed.message);
    const s = lraSummary(parsed);
    const total = stated("skpd_total", "5");
    expect([s.belanja.anggaran, s.belanja.realisasi]).toEqual([total.anggaranSetelah, total.realisasiSd]);
    expect(s.belanja.realisasi).toBe(footer("jumlah_belanja").realisasiSd);
    expect(s.belanja.realisasi).not.toBe(total.realisasiBulanIni);
    // every kelompok the export has, each with its SKPD row's amounts
    const kelompok = lra.rows.filter((r) => r.level === "skpd_kelompok");
    expect(s.belanja.kelompok.map((k) => [k.uraian, k.anggaran, k.realisasi])).toEqual(kelompok.map((r) => [r.uraian, r.stated.anggaranSetelah, r.stated.realisasiSd]));
    for (const k of s.belanja.kelompok) expect(k.jenis.reduce((n, j) => n + j.anggaran, 0)).toBe(k.anggaran);
    expect(s.belanja.kelompok.flatMap((k) => k.jenis.map((j) => j.akun))).toContain("5.1.02");
    // a kecamatan has no pendapatan: the surplus is minus the belanja, as the footer says
    expect([s.pendapatan.anggaran, s.pendapatan.realisasi, s.pendapatan.kelompok.length]).toEqual([0, 0, 0]);
    expect([s.surplus.anggaran, s.surplus.realisasi]).toEqual([footer("surplus_defisit").anggaranSetelah, footer("surplus_defisit").realisasiSd]);
  });

  it("is a table of the head's report, with the Jumlah and Surplus rows as stated", async () => {
    const model = await readWorkbookModel(await correctWorkbook2024());
    expect(budgetOwner(model)).toBe("Kasubbag Keuangan");
    const report = buildReport(model, { jabatan: "Kasubbag Keuangan" });
    const table = report.sections.flatMap((x) => x.tables).find((t) => t.id === "lra-ringkasan") as ReportTable;
    expect(table.title).toBe("Laporan Realisasi Anggaran Pendapatan dan Belanja Kecamatan Lumajang s/d Juni 2024");
    expect(table.header[0]!.map((h) => h.text)).toEqual(["No", "Uraian", "Anggaran 2024 (Rp)", "Realisasi s/d Juni 2024 (Rp)", "%"]);
    const row = (uraian: string) => table.rows.find((r) => r[1]!.text === uraian)!.map((c) => c.value);
    const total = stated("skpd_total", "5");
    expect(row("Jumlah Belanja").slice(2)).toEqual([total.anggaranSetelah, total.realisasiSd, total.realisasiSd! / total.anggaranSetelah!]);
    expect(row("BELANJA MODAL").slice(2, 4)).toEqual([stated("skpd_kelompok", "5 2").anggaranSetelah, stated("skpd_kelompok", "5 2").realisasiSd]);
    expect(row("SURPLUS / (DEFISIT)").slice(2, 4)).toEqual([footer("surplus_defisit").anggaranSetelah, footer("surplus_defisit").realisasiSd]);
    expect(table.rows.map((r) => r[0]!.text).slice(0, 3)).toEqual(["01", "02", "03"]);
  });

  it("is not in the report of a jabatan under the head", async () => {
    const wb = await correctWorkbook2024();
    const r = F + rows2024().length;
    await wb.apply([write(PERJANJIAN_KINERJA, r, "jabatan", "Kasi Pemerintahan"), write(PERJANJIAN_KINERJA, r, "level", "Sasaran Kegiatan"), write(PERJANJIAN_KINERJA, r, "indikator", "Indikator")]);
    const model = await readWorkbookModel(wb);
    const ids = (j: string) => buildReport(model, { jabatan: j }).sections.flatMap((x) => x.tables).map((t) => t.id);
    expect(ids("Kasubbag Keuangan")).toContain("lra-ringkasan");
    expect(ids("Kasi Pemerintahan")).not.toContain("lra-ringkasan");
  });

  it("is the period's only when the import is of its last month; another period has a note in its place, in every output", async () => {
    // the 2024 workbook has the SIPD export of Juni imported: TW II's, and no other period's
    const model = await readWorkbookModel(await correctWorkbook2024());
    const report = (periode: Period) => buildReport(model, { jabatan: "Kasubbag Keuangan", periode });
    const lraOf = (periode: Period) => {
      const r = report(periode);
      return { table: r.sections.flatMap((x) => x.tables).find((t) => t.id === "lra-ringkasan"), notes: r.sections.flatMap((x) => x.paragraphs).filter((p) => p.topic === "lra").map((p) => p.text) };
    };
    expect(lraOf("TW II").table?.title).toMatch(/s\/d Juni 2024$/);
    expect(lraOf("TW II").notes).toEqual([]);
    expect(lraOf("TW I")).toEqual({ table: undefined, notes: ["Ringkasan LRA s/d Maret 2024 belum tersedia: impor SIPD terakhir bulan Juni."] });
    expect(lraOf("TW III")).toEqual({ table: undefined, notes: ["Ringkasan LRA s/d September 2024 belum tersedia: impor SIPD terakhir bulan Juni."] });
    expect(lraOf("TW IV").notes).toEqual(["Ringkasan LRA s/d Desember 2024 belum tersedia: impor SIPD terakhir bulan Juni."]);
    expect(lraOf("Tahunan")).toEqual({ table: undefined, notes: ["Ringkasan LRA s/d Desember 2024 belum tersedia: impor SIPD terakhir bulan Juni."] });
    // the June realisasi reaches none of TW I's outputs: the Laporan sheet, the portable .xlsx, the .docx
    const tw1 = report("TW I");
    const june = "Realisasi s/d Juni 2024 (Rp)";
    const sheet = layoutReportSheet(tw1, "Lap", new Date(2026, 0, 1));
    expect([...sheet.cells.values()].filter((v) => v.includes("Tabel 2.7") || v === june)).toEqual([]);
    expect(reportLayouts([tw1]).map((l) => l.name).filter((n) => n.startsWith("2.7"))).toEqual([]);
    const xml = await (await JSZip.loadAsync(await exportDocx(tw1))).file("word/document.xml")!.async("string");
    expect(xml).not.toContain("Juni 2024 (Rp)");
    expect(xml).toContain("Ringkasan LRA s/d Maret 2024 belum tersedia: impor SIPD terakhir bulan Juni.");
    expect(reportLayouts([report("TW II")]).map((l) => l.name)).toContain("2.7 Ringkasan LRA");
  });
});
