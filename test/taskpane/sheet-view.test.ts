import { scaffold } from "../../src/app/scaffold";
import { TABLE_ROWS } from "../../src/core/layouts";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { displayNumber, gridCell, workbookGrid } from "../../src/taskpane/sheet-view";

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

  it("shows a formula as its text, marked as such", () => {
    expect(gridCell(null, "=D7/C7", "0.00%")).toEqual({ kind: "formula", text: "=D7/C7" });
    expect(gridCell("IK-001", null, "@")).toEqual({ kind: "text", text: "IK-001" });
    expect(gridCell(null, null, "General")).toEqual({ kind: "empty", text: "" });
    expect(gridCell(true, null, "General")).toEqual({ kind: "text", text: "TRUE" });
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
    const realisasi = (await workbookGrid(await scaffolded(), 50))[5]!;
    expect(realisasi.rows).toHaveLength(50);
    expect(realisasi.usedRows).toBeGreaterThan(300);
  });
});
