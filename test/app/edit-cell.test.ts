import { editCell, inputSpecAt, readEntry, type InputSpec } from "../../src/app/edit-cell";
import { readWorkbookModel } from "../../src/app/read-model";
import { CAPAIAN, PENGATURAN, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, TABLE_ROWS, colIndex, FORM_FIRST_FIELD_ROW } from "../../src/core/layouts";
import type { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { correctWorkbook2024, F } from "../support/workbooks";

const GENERAL: InputSpec = { format: "general", label: "Target Awal" };
const MONEY: InputSpec = { format: "money", label: "Anggaran (Rp) Setelah Perubahan" };
const TEXT: InputSpec = { format: "text", label: "Sasaran" };

describe("numbers typed as Indonesians type them, stored as Excel in id-ID stores them", () => {
  it.each<[string, InputSpec, number]>([
    // realisasi of Capaian TW (Kasubbag Keuangan 2024), pagu and realisasi of the June 2024 LRA
    ["82,9", GENERAL, 82.9],
    ["1,5", GENERAL, 1.5],
    ["1,500", GENERAL, 1.5],
    ["1.500", GENERAL, 1500],
    ["1.500.000", GENERAL, 1500000],
    ["1.500.000", MONEY, 1500000],
    ["7.089.003.733", MONEY, 7089003733],
    ["7089003733", MONEY, 7089003733],
    ["3.844.501.645,50", MONEY, 3844501645.5],
    ["-18.938.957", MONEY, -18938957],
    ["60.610,000", GENERAL, 60610],
    [" 46 ", GENERAL, 46],
  ])("%s in %p → %d", (text, spec, value) => {
    expect(readEntry(text, spec, spec.format === "money" ? "#,##0" : "General")).toEqual({ ok: true, content: value, numberFormat: spec.format === "money" ? "#,##0" : "General" });
  });

  it.each<[string, string, number, string]>([
    ["93,75%", "General", 0.9375, "0.00%"],
    ["93%", "General", 0.93, "0%"],
    ["7,25%", "General", 0.0725, "0.00%"],
    // Excel's automatic percent entry in a percent-formatted cell: 95 and 0,95 both mean 95%
    ["95", "0.00%", 0.95, "0.00%"],
    ["0,95", "0.00%", 0.95, "0.00%"],
    ["95%", "0%", 0.95, "0%"],
  ])("%s typed in a %s cell stores %d under %s", (text, format, value, stored) => {
    expect(readEntry(text, GENERAL, format)).toEqual({ ok: true, content: value, numberFormat: stored });
  });

  it.each<[string, InputSpec, RegExp]>([
    ["1.5", GENERAL, /pakai koma untuk desimal dan titik untuk ribuan/],
    ["1,500.00", GENERAL, /pakai koma untuk desimal dan titik untuk ribuan/],
    ["12 Dokumen", GENERAL, /^Ketik angkanya saja \(12\); satuan "Dokumen" ditulis di kolom Satuan\.$/],
    ["-", GENERAL, /kosongkan sel bila belum ada nilainya/],
    ["belum diukur", GENERAL, /^"belum diukur" bukan angka\./],
    ["=D7/C7", GENERAL, /^Rumus tidak dapat diketik di sini: Target Awal berisi angka\./],
    ["53,53%", MONEY, /berisi rupiah, bukan persen/],
    // Excel keeps these as text; the grid says what to type instead
    ["Rp 5.175.000,-", MONEY, /^Ketik angkanya tanpa "Rp" atau ",-": 5\.175\.000\.$/],
    ["(18.938.957)", MONEY, /^Tulis angka negatif dengan tanda minus: -18\.938\.957\.$/],
    ["1,706,504,410", MONEY, /pakai koma untuk desimal dan titik untuk ribuan/],
  ])("refuses %s in %p", (text, spec, message) => {
    const r = readEntry(text, spec, "General");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it("keeps text as typed in a text column, a leading = included (no formula is ever typed)", () => {
    expect(readEntry("=SUM(A1:A3)", TEXT, "@")).toEqual({ ok: true, content: "=SUM(A1:A3)", numberFormat: "@" });
    expect(readEntry("7.01.01.2.01.0001", TEXT, "@")).toEqual({ ok: true, content: "7.01.01.2.01.0001", numberFormat: "@" });
    expect(readEntry("", TEXT, "@")).toEqual({ ok: true, content: null, numberFormat: "@" });
  });
});

describe("which cells are inputs", () => {
  it("the data rows' input and key columns of the table sheets and the typed settings of Pengaturan; no computed cell, no header", () => {
    expect(inputSpecAt("Capaian", F, colIndex(CAPAIAN, "tw2"))).toMatchObject({ format: "general" });
    expect(inputSpecAt("capaian", F, colIndex(CAPAIAN, "id"))).toMatchObject({ format: "text" });
    expect(inputSpecAt("Capaian", F, colIndex(CAPAIAN, "capaian"))).toBeNull();
    expect(inputSpecAt("Capaian", TABLE_ROWS.header, colIndex(CAPAIAN, "tw2"))).toBeNull();
    expect(inputSpecAt("Realisasi Anggaran", F + 40, colIndex(REALISASI_ANGGARAN, "setelah"))).toMatchObject({ format: "money" });
    const tahun = PENGATURAN.fields.findIndex((f) => f.key === "tahun");
    const tw = PENGATURAN.fields.findIndex((f) => f.key === "tw");
    expect(inputSpecAt("Pengaturan", FORM_FIRST_FIELD_ROW + tahun, 1)).toMatchObject({ label: "Tahun anggaran", format: "year" });
    expect(inputSpecAt("Pengaturan", FORM_FIRST_FIELD_ROW + tw, 1)).toBeNull();
    expect(inputSpecAt("Rincian SIPD", 10, 3)).toBeNull();
  });
});

describe("editCell on the 2024 workbook of Kecamatan Lumajang", () => {
  let wb: MemoryWorkbook;
  beforeEach(async () => {
    wb = await correctWorkbook2024();
  });

  const capaianOf = async (row: number) => (await readWorkbookModel(wb)).value("capaian", row, "capaian");

  it("a realisasi typed again: the cell holds the number and the capaian twin follows (46 → 82,9 of target 100)", async () => {
    expect(await capaianOf(F + 1)).toBeCloseTo(0.46, 12);
    const r = await editCell(wb, { sheet: "Capaian", row: F + 1, col: colIndex(CAPAIAN, "tw2") }, "82,9");
    expect(r).toEqual({ ok: true, content: 82.9, numberFormat: "General" });
    expect(wb.cell("Capaian", F + 1, colIndex(CAPAIAN, "tw2"))).toMatchObject({ value: 82.9, formula: null });
    expect(await capaianOf(F + 1)).toBeCloseTo(0.829, 12);
  });

  it("a target typed as 93,75% is stored as Excel stores it: 0,9375 under a percent format", async () => {
    const col = colIndex(PERJANJIAN_KINERJA, "targetPerubahan");
    await editCell(wb, { sheet: "Perjanjian Kinerja", row: F + 1, col }, "93,75%");
    expect(wb.cell("Perjanjian Kinerja", F + 1, col)).toMatchObject({ value: 0.9375, numberFormat: "0.00%", formula: null });
  });

  it("a list column takes its items in any case and stores the list's spelling; another word is refused with the choices", async () => {
    const polaritas = { sheet: "Perjanjian Kinerja", row: F + 1, col: colIndex(PERJANJIAN_KINERJA, "polaritas") };
    expect(await editCell(wb, polaritas, "Negatif")).toMatchObject({ ok: true, content: "negatif" });
    expect(wb.cell(polaritas.sheet, polaritas.row, polaritas.col)?.value).toBe("negatif");
    const refused = await editCell(wb, polaritas, "netral");
    expect(refused).toEqual({ ok: false, message: "Pilih positif atau negatif. Pilihan: positif, negatif." });
    expect(wb.cell(polaritas.sheet, polaritas.row, polaritas.col)?.value).toBe("negatif");
  });

  it("reads a list whose source is a defined name: the jabatan of Pengaturan", async () => {
    const jabatan = { sheet: "Perjanjian Kinerja", row: F + 1, col: colIndex(PERJANJIAN_KINERJA, "jabatan") };
    expect(await editCell(wb, jabatan, "camat")).toMatchObject({ ok: true, content: "Camat" });
    const r = await editCell(wb, jabatan, "Bupati");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Pilih jabatan dari daftar di lembar Pengaturan\. Pilihan: Camat, /);
  });

  it("refuses a computed (grey) cell, a setting outside its bounds, and writes nothing", async () => {
    const capaian = { sheet: "Capaian", row: F + 1, col: colIndex(CAPAIAN, "capaian") };
    const before = wb.cell(capaian.sheet, capaian.row, capaian.col);
    expect(await editCell(wb, capaian, "50%")).toEqual({
      ok: false,
      message: "Sel Capaian!O8 tidak dapat diketik di sini: hanya sel isian (putih) lembar standar yang dapat diubah; sel abu-abu dihitung rumus.",
    });
    expect(wb.cell(capaian.sheet, capaian.row, capaian.col)).toEqual(before);
    const tahun = { sheet: "Pengaturan", row: FORM_FIRST_FIELD_ROW + PENGATURAN.fields.findIndex((f) => f.key === "tahun"), col: 1 };
    expect(await editCell(wb, tahun, "1999")).toEqual({ ok: false, message: "Tahun anggaran 2000–2100." });
    expect(wb.cell(tahun.sheet, tahun.row, tahun.col)?.value).toBe(2024);
  });

  it("blank clears an input", async () => {
    const tw2 = { sheet: "Capaian", row: F + 1, col: colIndex(CAPAIAN, "tw2") };
    await editCell(wb, tw2, " ");
    expect(wb.cell(tw2.sheet, tw2.row, tw2.col)?.value ?? null).toBeNull();
  });
});
