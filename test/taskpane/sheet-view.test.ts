import { scaffold } from "../../src/app/scaffold";
import { readWorkbookModel } from "../../src/app/read-model";
import { CAPAIAN, COST_PER_OUTCOME, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, TABLE_ROWS, colIndex } from "../../src/core/layouts";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { NOTE_EDITED, NOTE_FOREIGN, ShownValues, displayNumber, gridCell, workbookGrid, type SheetGridModel } from "../../src/taskpane/sheet-view";
import { correctWorkbook2024, F, write } from "../support/workbooks";

describe("numbers as an Indonesian Excel shows them", () => {
  it.each<[number, string, string]>([
    [7221714333, "#,##0", "7.221.714.333"],
    [-18938957, "#,##0", "-18.938.957"],
    [3844501645.5, "#,##0.00", "3.844.501.645,50"],
    [0.5324, "0.00%", "53,24%"],
    [1.03625, "0.00%", "103,63%"],
    [0.9, "0%", "90%"],
    [2024, "0", "2024"],
    [82.9, "General", "82,9"],
    [1234567, "General", "1234567"],
    [0.52, "@", "0,52"],
  ])("%d under %s → %s", (x, format, text) => {
    expect(displayNumber(x, format)).toBe(text);
  });

  it("shows typed values as Excel does: text, booleans, an error value typed as text", () => {
    expect(gridCell("IK-001", "@")).toEqual({ kind: "text", text: "IK-001", entry: "IK-001" });
    expect(gridCell(null, "General")).toEqual({ kind: "empty", text: "" });
    expect(gridCell(true, "General")).toEqual({ kind: "text", text: "TRUE", entry: "TRUE" });
    expect(gridCell("#DIV/0!", "General")).toEqual({ kind: "error", text: "#DIV/0!", entry: "#DIV/0!" });
    expect(gridCell(0.5353, "0.00%")).toEqual({ kind: "number", text: "53,53%", entry: "53,53%" });
  });

  it.each<[number, string, string]>([
    [0.9375, "0.00%", "93,75%"],
    [0.0725, "0%", "7,25%"],
    [7089003733, "#,##0", "7089003733"],
    [82.9, "General", "82,9"],
    [1.03625, "General", "1,03625"],
  ])("the formula line shows %d under %s as it is typed: %s", (x, format, text) => {
    expect(gridCell(x, format).entry).toBe(text);
  });
});

/** A cell of a sheet of the grid by its sheet row and column. */
function at(sheet: SheetGridModel, row: number, col: number) {
  return sheet.rows[row - sheet.firstRow]?.[col];
}
const byName = (grid: SheetGridModel[], name: string) => grid.find((s) => s.name === name)!;

describe("the grid shows values, not formulas (2024 workbook of Kecamatan Lumajang: scaffold, LRA June 2024, Tabel 2.3 of 002)", () => {
  let wb: MemoryWorkbook;
  let grid: SheetGridModel[];
  beforeAll(async () => {
    wb = await correctWorkbook2024();
    grid = await workbookGrid(wb);
  });

  it("shows no formula text in any cell of any sheet, computes every formula the product wrote, and keeps each for the formula line", () => {
    let formulas = 0;
    const notComputed: string[] = [];
    for (const sheet of grid) {
      sheet.rows.forEach((row, i) =>
        row.forEach((cell, c) => {
          if (!cell) return;
          expect(cell.text.startsWith("=")).toBe(false);
          if (cell.formula !== undefined) formulas++;
          if (cell.kind === "unknown" || cell.kind === "error") notComputed.push(`${sheet.name}!R${sheet.firstRow + i + 1}C${c + 1} ${cell.formula}`);
        }),
      );
    }
    // Pengaturan's TW, the subtitles, PK's target and anggaran, Capaian's and Cost per Outcome's computed columns, RA's three
    expect(formulas).toBeGreaterThan(2000);
    expect(notComputed).toEqual([]);
    expect(at(byName(grid, "Capaian"), TABLE_ROWS.subtitle, 0)).toMatchObject({ kind: "text", text: "Kecamatan Lumajang — Tahun Anggaran 2024 — TW II" });
  });

  it("computes every standard column from the cells as they are: capaian, predikat, budget by kode, penyerapan, sisa", () => {
    const capaian = byName(grid, "Capaian");
    // program A (002:1530): realisasi 46 of target 100
    expect(at(capaian, F + 1, colIndex(CAPAIAN, "target"))).toMatchObject({ kind: "number", text: "100" });
    expect(at(capaian, F + 1, colIndex(CAPAIAN, "realisasi"))).toMatchObject({ kind: "number", text: "46" });
    expect(at(capaian, F + 1, colIndex(CAPAIAN, "capaian"))).toMatchObject({ kind: "number", text: "46,00%", formula: expect.stringMatching(/^=IF\(/) });
    expect(at(capaian, F + 1, colIndex(CAPAIAN, "predikat"))).toMatchObject({ kind: "text", text: "Sangat Rendah" });

    const ra = byName(grid, "Realisasi Anggaran");
    // program 7.01.01 of the June 2024 LRA: pagu 7.089.003.733, realisasi s/d TW II 3.794.485.645
    expect(at(ra, F, colIndex(REALISASI_ANGGARAN, "periode"))).toMatchObject({ kind: "number", text: "3.794.485.645" });
    expect(at(ra, F, colIndex(REALISASI_ANGGARAN, "persen"))).toMatchObject({ kind: "number", text: "53,53%" });
    expect(at(ra, F, colIndex(REALISASI_ANGGARAN, "sisa"))).toMatchObject({ kind: "number", text: "3.294.518.088" });

    const cpo = byName(grid, "Cost per Outcome");
    expect(at(cpo, F + 1, colIndex(COST_PER_OUTCOME, "pagu"))).toMatchObject({ kind: "number", text: "7.089.003.733" });
    expect(at(cpo, F + 1, colIndex(COST_PER_OUTCOME, "penyerapan"))).toMatchObject({ kind: "number", text: "53,53%" });
    expect(at(byName(grid, "Perjanjian Kinerja"), F + 1, colIndex(PERJANJIAN_KINERJA, "anggaran"))).toMatchObject({ text: "7.089.003.733" });
    // SAKIP_TW from the periode TW II
    expect(at(byName(grid, "Pengaturan"), 9, 1)).toMatchObject({ kind: "number", text: "2", formula: expect.stringMatching(/^=IF\(SAKIP_PERIODE/) });
  });

  it("follows an edit: a realisasi typed again changes capaian and predikat", async () => {
    const copy: MemoryWorkbook = await correctWorkbook2024();
    await copy.apply([write(CAPAIAN, F + 1, "tw2", 92)]);
    const capaian = byName(await workbookGrid(copy), "Capaian");
    expect(at(capaian, F + 1, colIndex(CAPAIAN, "capaian"))).toMatchObject({ text: "92,00%" });
    expect(at(capaian, F + 1, colIndex(CAPAIAN, "predikat"))).toMatchObject({ text: "Sangat Tinggi" });
  });

  it("says in the tooltip when a formula is not computed here: an edited standard formula, a formula of another sheet", async () => {
    const copy: MemoryWorkbook = await correctWorkbook2024();
    await copy.apply([
      write(CAPAIAN, F + 1, "capaian", { formula: "=J8/I8*100" }),
      { type: "addSheet", sheet: "Catatan" },
      { type: "write", sheet: "Catatan", row: 0, col: 0, cells: [[{ formula: "=SUM(Capaian!J7:J9)" }]] },
    ]);
    const g = await workbookGrid(copy);
    expect(at(byName(g, "Capaian"), F + 1, colIndex(CAPAIAN, "capaian"))).toMatchObject({ kind: "unknown", text: "?", note: NOTE_EDITED, formula: "=J8/I8*100" });
    expect(at(byName(g, "Catatan"), 0, 0)).toMatchObject({ kind: "unknown", text: "?", note: NOTE_FOREIGN, formula: "=SUM(Capaian!J7:J9)" });
  });

  it("shows the value a file cached for a formula it cannot compute, and the twin's value for a standard one", async () => {
    const values = new ShownValues(await readWorkbookModel(wb, { rincian: false }));
    expect(values.gridCell("Catatan", 0, 0, { value: 12.5, formula: "=SUM(Capaian!J7:J9)", numberFormat: "0.00" })).toEqual({ kind: "number", text: "12,50", formula: "=SUM(Capaian!J7:J9)" });
    // a stale cached 50% under the standard capaian formula: what the cells give now is shown
    const col = colIndex(CAPAIAN, "capaian");
    const formula = wb.cell("Capaian", F + 1, col)!.formula!;
    expect(values.gridCell("Capaian", F + 1, col, { value: 0.5, formula, numberFormat: "0.00%" })).toMatchObject({ kind: "number", text: "46,00%" });
  });

  it("reads the standard sheets for the values, never Rincian SIPD (which can be 100k rows)", async () => {
    const read = jest.spyOn(wb, "read");
    await workbookGrid(wb);
    const sheets = read.mock.calls.flatMap(([ranges]) => ranges.map((r) => r.sheet));
    expect(sheets).toContain("Realisasi Anggaran");
    expect(sheets).not.toContain("Rincian SIPD");
    read.mockRestore();
  });
});

describe("the workbook grid", () => {
  async function scaffolded() {
    const wb = new MemoryWorkbook();
    const r = await scaffold(wb, { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II" });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return wb;
  }

  it("has every sheet in order with its used range, column letters and widths", async () => {
    const grid = await workbookGrid(await scaffolded());
    expect(grid.map((s) => s.name)).toEqual(["Pengaturan", "Referensi", "Perjanjian Kinerja", "Capaian", "Cost per Outcome", "Realisasi Anggaran"]);
    const capaian = grid[3]!;
    expect(capaian.rows).toHaveLength(TABLE_ROWS.firstData + 100);
    expect(capaian.columns.slice(0, 3)).toEqual(["A", "B", "C"]);
    expect(capaian.columns).toHaveLength(capaian.widths.length);
    // Excel's rule: 7 px per character + 5 px
    expect(capaian.widths.every((w) => w > 20)).toBe(true);
  });

  it("spans merged header cells and leaves the covered cells out", async () => {
    const capaian = (await workbookGrid(await scaffolded()))[3]!;
    const group = capaian.rows[TABLE_ROWS.group]!;
    const merged = group.find((c) => c?.text === "Realisasi kumulatif s/d triwulan");
    expect(merged?.colSpan).toBe(4);
    const id = group[0];
    expect(id?.rowSpan).toBe(2);
    expect(capaian.rows[TABLE_ROWS.header]![0]).toBeNull();
  });

  it("lets a title run on over the empty cells to its right, as Excel shows it", async () => {
    const capaian = (await workbookGrid(await scaffolded()))[3]!;
    const title = capaian.rows[0]!;
    expect(title[0]).toMatchObject({ kind: "text", text: "Capaian Kinerja", colSpan: capaian.columns.length });
    expect(title.slice(1).every((c) => c === null)).toBe(true);
    // a key in a bordered data row stays in its own column
    expect(capaian.rows[TABLE_ROWS.firstData]![0]).toMatchObject({ text: "IK-001" });
    expect(capaian.rows[TABLE_ROWS.firstData]![0]?.colSpan).toBeUndefined();
  });

  it("cuts very long sheets and says how many rows there are", async () => {
    const realisasi = (await workbookGrid(await scaffolded(), { maxRows: 50 }))[5]!;
    expect(realisasi.rows).toHaveLength(50);
    expect(realisasi.firstRow).toBe(0);
    expect(realisasi.usedRows).toBeGreaterThan(300);
  });

  it("shows a long sheet around a cell below its first rows (a finding there)", async () => {
    const realisasi = (await workbookGrid(await scaffolded(), { maxRows: 50, around: { sheet: "Realisasi Anggaran", row: 200, col: 12 } }))[5]!;
    expect(realisasi.firstRow).toBe(175);
    expect(realisasi.rows).toHaveLength(50);
    expect(at(realisasi, 200, 12)).toMatchObject({ formula: expect.stringMatching(/^=IF\(/) });
    // other sheets keep their first rows
    expect((await workbookGrid(await scaffolded(), { maxRows: 50, around: { sheet: "Realisasi Anggaran", row: 200, col: 12 } }))[3]!.firstRow).toBe(0);
  });
});
