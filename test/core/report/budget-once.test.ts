/**
 * A sasaran or program measured by two indikator rows (the second right after the first, with the same
 * No, text and kode: a continuation, as Tabel 2.3 prints it) has one budget: its kode is listed and
 * summed once in Tabel 2.1 and 2.5 and in the narrative, and the continuation row has no pagu or
 * efisiensi of its own in any table. On the 2024 workbook (SIPD export of Juni imported), with rows
 * added for two more jabatan.
 */
import { readWorkbookModel } from "../../../src/app/read-model";
import { CAPAIAN, PERJANJIAN_KINERJA } from "../../../src/core/layouts";
import type { WorkbookModel } from "../../../src/core/model/workbook-model";
import type { Indicator } from "../../../src/core/rules/context";
import { buildReport } from "../../../src/core/report/build";
import type { Report, ReportTable } from "../../../src/core/report/types";
import type { WorkbookOp } from "../../../src/workbook/port";
import { F, correctWorkbook2024, rows2024, write } from "../../support/workbooks";

/** A PK row added to the 2024 workbook, with its TW II realisasi. */
type Added = Pick<Indicator, "jabatan" | "no" | "level" | "kode" | "sasaran" | "indikator"> & { induk?: string; tw2: number };

const n = rows2024().length;
/** The scaffold's prepared IDs: row F + i holds IK-(i + 1). */
const idAt = (i: number) => `IK-${String(i + 1).padStart(3, "0")}`;

const ADDED: Added[] = [
  // a sasaran with its kode, measured twice
  { jabatan: "Sekretaris Kecamatan", no: "1.", level: "Sasaran Program", kode: "7.01.01.2.02", sasaran: "Terpenuhinya administrasi keuangan", indikator: "Persentase SPJ tepat waktu", tw2: 90 },
  { jabatan: "Sekretaris Kecamatan", no: "1.", level: "Sasaran Program", kode: "7.01.01.2.02", sasaran: "Terpenuhinya administrasi keuangan", indikator: "Persentase laporan keuangan tepat waktu", tw2: 80 },
  // a program measured twice, under a sasaran without kode
  { jabatan: "Kasi Pemerintahan", no: "1.", level: "Sasaran Kegiatan", kode: "", sasaran: "Meningkatnya tata pemerintahan", indikator: "Indeks tata pemerintahan", tw2: 100 },
  { jabatan: "Kasi Pemerintahan", no: "A", level: "Program", kode: "7.01.01.2.01", sasaran: "Program penunjang", indikator: "Persentase dokumen tepat waktu", induk: idAt(n + 2), tw2: 70 },
  { jabatan: "Kasi Pemerintahan", no: "A", level: "Program", kode: "7.01.01.2.01", sasaran: "Program penunjang", indikator: "Persentase dokumen sesuai", induk: idAt(n + 2), tw2: 60 },
];

async function model(): Promise<WorkbookModel> {
  const wb = await correctWorkbook2024();
  const ops: WorkbookOp[] = ADDED.flatMap((x, i) => {
    const r = F + n + i;
    return [
      write(PERJANJIAN_KINERJA, r, "jabatan", x.jabatan),
      write(PERJANJIAN_KINERJA, r, "no", x.no),
      write(PERJANJIAN_KINERJA, r, "level", x.level),
      write(PERJANJIAN_KINERJA, r, "kode", x.kode || null),
      write(PERJANJIAN_KINERJA, r, "sasaran", x.sasaran),
      write(PERJANJIAN_KINERJA, r, "indikator", x.indikator),
      write(PERJANJIAN_KINERJA, r, "satuan", "%"),
      write(PERJANJIAN_KINERJA, r, "polaritas", "positif"),
      write(PERJANJIAN_KINERJA, r, "metode", "terakhir"),
      write(PERJANJIAN_KINERJA, r, "targetAwal", 100),
      write(PERJANJIAN_KINERJA, r, "induk", x.induk ?? null),
      write(CAPAIAN, r, "tw2", x.tw2),
    ];
  });
  await wb.apply(ops);
  return readWorkbookModel(wb);
}

const table = (r: Report, id: ReportTable["id"]) => r.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const values = (t: ReportTable) => t.rows.map((row) => row.map((c) => c.value));
const rp = (x: number) => `Rp ${x.toLocaleString("de-DE")}`;

describe("a kode measured by two indikator rows is one budget", () => {
  let m: WorkbookModel;
  beforeAll(async () => {
    m = await model();
  });
  const amount = (kode: string, key: "setelah" | "tw2") => m.amountByStructure("", kode, key) as number;

  it("a sasaran's second indikator row: its kode once in Tabel 2.1 and 2.5 and the narrative, no pagu or efisiensi of its own", () => {
    const pagu = amount("7.01.01.2.02", "setelah");
    const real = amount("7.01.01.2.02", "tw2");
    expect(pagu).toBeGreaterThan(0);
    const report = buildReport(m, { jabatan: "Sekretaris Kecamatan" });
    const pk = table(report, "pk-anggaran");
    expect(values(pk)).toEqual([["1", "Terpenuhinya administrasi keuangan", "7.01.01.2.02", pagu]]);
    expect(pk.total![3]!.value).toBe(pagu);
    const ra = table(report, "realisasi-anggaran");
    expect(ra.rows.map((r) => r[3]!.value)).toEqual([pagu]);
    expect([ra.total![3]!.value, ra.total![4]!.value]).toEqual([pagu, real]);
    // Tabel 2.3: the continuation row blank in its money columns (as before); Tabel 2.6: the first row only
    const cpo = table(report, "cpo");
    expect(cpo.rows.map((r) => [r[6]!.value, r[9]!.text === ""])).toEqual([
      [pagu, false],
      [null, true],
    ]);
    expect(table(report, "efisiensi").rows.map((r) => r[2]!.text)).toEqual(["Persentase SPJ tepat waktu"]);
    const paragraphs = report.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.find((p) => p.topic === "anggaran")!.text).toContain(`Pagu anggaran yang mendukung kinerja Sekretaris Kecamatan ${rp(pagu)}, terealisasi ${rp(real)} (`);
    expect(paragraphs.filter((p) => p.topic === "efisiensi").map((p) => p.text)).toEqual([expect.stringMatching(/^Efisiensi Persentase SPJ tepat waktu:/)]);
  });

  it("a program's second indikator row: the same, at program level", () => {
    const pagu = amount("7.01.01.2.01", "setelah");
    const real = amount("7.01.01.2.01", "tw2");
    const report = buildReport(m, { jabatan: "Kasi Pemerintahan" });
    const pk = table(report, "pk-anggaran");
    expect(values(pk)).toEqual([["1", "Program penunjang", "7.01.01.2.01", pagu]]);
    expect(pk.total![3]!.value).toBe(pagu);
    const ra = table(report, "realisasi-anggaran");
    expect([ra.rows.length, ra.total![3]!.value, ra.total![4]!.value]).toEqual([1, pagu, real]);
    const cpo = table(report, "cpo");
    // sasaran, program, its continuation (No and name blank, no money of its own)
    expect(cpo.rows.slice(1).map((r) => [r[0]!.text, r[1]!.text, r[6]!.value, r[9]!.text === ""])).toEqual([
      ["A", "Program penunjang", pagu, false],
      ["", "", null, true],
    ]);
    expect(table(report, "efisiensi").rows.map((r) => r[2]!.text)).not.toContain("Persentase dokumen sesuai");
    expect(report.sections.flatMap((s) => s.paragraphs).find((p) => p.topic === "anggaran")!.text).toContain(`kinerja Kasi Pemerintahan ${rp(pagu)}, terealisasi ${rp(real)} (`);
  });
});
