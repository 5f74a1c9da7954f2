import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { a1, colLetter, sheetRef } from "../../src/workbook/port";
import { describeWorkbookContract } from "./contract";

describeWorkbookContract("memory", async () => {
  const port = new MemoryWorkbook();
  return { port, reopen: async () => port, tracksSelection: true };
});

describe("memory workbook specifics", () => {
  it("records layout operations for the no-Excel grid", async () => {
    const wb = new MemoryWorkbook();
    await wb.apply([
      { type: "addSheet", sheet: "Capaian" },
      { type: "columnWidths", sheet: "Capaian", widths: [{ col: 0, width: 12 }] },
      { type: "freeze", sheet: "Capaian", rows: 4, cols: 2 },
      { type: "merge", range: { sheet: "Capaian", row: 0, col: 0, rows: 1, cols: 5 } },
      { type: "validation", range: { sheet: "Capaian", row: 4, col: 3, rows: 10, cols: 1 }, rule: { type: "list", source: ["positif", "negatif"] } },
      { type: "pageSetup", sheet: "Capaian", setup: { orientation: "landscape", fitToWidth: true, printTitleRows: [0, 3] } },
    ]);
    const s = wb.sheet("Capaian")!;
    expect(s.widths.get(0)).toBe(12);
    expect(s.freeze).toEqual({ rows: 4, cols: 2 });
    expect(s.merges).toHaveLength(1);
    expect(s.validations[0]!.rule).toEqual({ type: "list", source: ["positif", "negatif"] });
    expect(s.pageSetup?.orientation).toBe("landscape");
  });

  it("moves the selection", async () => {
    const wb = MemoryWorkbook.fromSheets({ Capaian: [[1]] });
    await wb.select({ sheet: "Capaian", row: 4, col: 5 });
    expect(wb.selection).toEqual({ sheet: "Capaian", row: 4, col: 5 });
    expect(await wb.selectedRange()).toEqual({ sheet: "Capaian", row: 4, col: 5, rows: 1, cols: 1 });
  });

  it("has no selection until one is made, and takes a block as the no-Excel grid selects it", async () => {
    const wb = MemoryWorkbook.fromSheets({ LRA: [["x"]] });
    expect(await wb.selectedRange()).toBeNull();
    expect(wb.selection).toBeNull();
    wb.setSelection({ sheet: "lra", row: 0, col: 0, rows: 314, cols: 9 });
    // select() and selectedRange() agree: the active cell is the block's top-left cell
    expect(await wb.selectedRange()).toEqual({ sheet: "LRA", row: 0, col: 0, rows: 314, cols: 9 });
    expect(wb.selection).toEqual({ sheet: "LRA", row: 0, col: 0 });
    // a copy: the caller cannot move the selection by editing what it got
    const got = (await wb.selectedRange())!;
    got.rows = 1;
    expect((await wb.selectedRange())!.rows).toBe(314);
    wb.setSelection(null);
    expect(await wb.selectedRange()).toBeNull();
  });

  it.each([
    ["a missing sheet", { sheet: "Hilang", row: 0, col: 0, rows: 1, cols: 1 }, 'Lembar "Hilang" tidak ada.'],
    ["an empty block", { sheet: "LRA", row: 0, col: 0, rows: 0, cols: 9 }, "Rentang di luar lembar"],
    ["a block past the last row", { sheet: "LRA", row: 1_048_570, col: 0, rows: 10, cols: 1 }, "Rentang di luar lembar"],
    ["a fractional index", { sheet: "LRA", row: 0.5, col: 0, rows: 1, cols: 1 }, "Rentang di luar lembar"],
  ])("refuses to select %s and keeps the old selection", async (_label, range, message) => {
    const wb = MemoryWorkbook.fromSheets({ LRA: [["x"]] });
    await wb.select({ sheet: "LRA", row: 2, col: 2 });
    expect(() => wb.setSelection(range)).toThrow(message);
    expect(await wb.selectedRange()).toEqual({ sheet: "LRA", row: 2, col: 2, rows: 1, cols: 1 });
  });
});

describe("memory workbook cells (compact grid)", () => {
  const S = "Data";

  it("keeps values, formulas, formats and styles across block boundaries", async () => {
    const wb = new MemoryWorkbook();
    const rows = Array.from({ length: 600 }, (_, i) => [i, `kode ${i}`, i % 2 === 0, { formula: `=A${i + 1}*2` }, null]);
    await wb.apply([
      { type: "addSheet", sheet: S },
      { type: "format", range: { sheet: S, row: 250, col: 0, rows: 20, cols: 2 }, numberFormat: "#,##0", style: { bold: true } },
      { type: "write", sheet: S, row: 0, col: 0, cells: rows },
      { type: "format", range: { sheet: S, row: 255, col: 1, rows: 300, cols: 1 }, style: { fill: "#D9E2F3" } },
      { type: "clear", range: { sheet: S, row: 255, col: 0, rows: 2, cols: 4 } },
    ]);
    expect(wb.cell(S, 249, 0)).toEqual({ value: 249, formula: null, numberFormat: "General" });
    expect(wb.cell(S, 250, 0)).toEqual({ value: 250, formula: null, numberFormat: "#,##0", style: { bold: true } });
    expect(wb.cell(S, 256, 1)).toEqual({ value: null, formula: null, numberFormat: "#,##0", style: { bold: true, fill: "#D9E2F3" } });
    expect(wb.cell(S, 300, 1)).toEqual({ value: "kode 300", formula: null, numberFormat: "General", style: { fill: "#D9E2F3" } });
    // a cleared cell without a format is gone; one with a format stays, empty
    expect(wb.cell(S, 256, 3)).toBeUndefined();
    expect(wb.cell(S, 599, 2)).toEqual({ value: false, formula: null, numberFormat: "General" });
    expect(wb.cell(S, 599, 3)).toEqual({ value: null, formula: "=A600*2", numberFormat: "General" });
    expect(wb.cell(S, 0, 4)).toBeUndefined();
    expect(await wb.sheets()).toEqual([{ name: S, usedRows: 600, usedCols: 4 }]);
    const [block] = await wb.read([{ sheet: S, row: 599, col: 0, rows: 1, cols: 5 }]);
    expect(block?.[0]).toEqual([
      { value: 599, formula: null, numberFormat: "General" },
      { value: "kode 599", formula: null, numberFormat: "General" },
      { value: false, formula: null, numberFormat: "General" },
      { value: null, formula: "=A600*2", numberFormat: "General" },
      { value: null, formula: null, numberFormat: "General" },
    ]);
  });

  it("writes a batch on copies: a sheet taken before the batch still shows the old cells", async () => {
    const wb = MemoryWorkbook.fromSheets({ [S]: [["lama", 1]] });
    const before = wb.sheet(S)!;
    await wb.apply([
      { type: "write", sheet: S, row: 0, col: 0, cells: [["baru", 2]] },
      { type: "format", range: { sheet: S, row: 0, col: 1, rows: 1, cols: 1 }, numberFormat: "0.00%" },
    ]);
    expect(before.cells.get(0, 0)?.value).toBe("lama");
    expect(before.cells.get(0, 1)).toEqual({ value: 1, formula: null, numberFormat: "General" });
    expect(wb.cell(S, 0, 0)?.value).toBe("baru");
    expect(wb.cell(S, 0, 1)).toEqual({ value: 2, formula: null, numberFormat: "0.00%" });
  });

  it("gives equal styles one shared, frozen object, whatever order their keys were written in", async () => {
    const wb = MemoryWorkbook.fromSheets({ [S]: [[1, 2]] });
    await wb.apply([
      { type: "format", range: { sheet: S, row: 0, col: 0, rows: 1, cols: 1 }, style: { bold: true, fill: "#FFFFFF" } },
      { type: "format", range: { sheet: S, row: 0, col: 1, rows: 1, cols: 1 }, style: { fill: "#FFFFFF", bold: true } },
    ]);
    const a = wb.cell(S, 0, 0)!.style!;
    expect(wb.cell(S, 0, 1)!.style).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe("A1 helpers", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %d is %s", (c, l) => expect(colLetter(c)).toBe(l));
  it("quotes sheet names with spaces", () => {
    expect(sheetRef("Perjanjian Kinerja", a1(4, 1, true))).toBe("'Perjanjian Kinerja'!$B$5");
    expect(sheetRef("Pengaturan", "B4")).toBe("Pengaturan!B4");
  });
});

describe("snapshotOps", () => {
  it("rebuilds the same workbook in another adapter", async () => {
    const { scaffold } = await import("../../src/app/scaffold");
    const a = new MemoryWorkbook();
    await scaffold(a, { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II" });
    await a.apply([{ type: "write", sheet: "Realisasi Anggaran", row: 6, col: 1, cells: [["7.01.01"]] }]);
    const b = new MemoryWorkbook();
    await b.apply(a.snapshotOps());
    expect(await b.sheets()).toEqual(await a.sheets());
    expect(await b.names()).toEqual(await a.names());
    for (const s of await a.sheets()) {
      const range = { sheet: s.name, row: 0, col: 0, rows: s.usedRows, cols: s.usedCols };
      expect(await b.read([range])).toEqual(await a.read([range]));
      // layout as it is; cells as the grid lists them (its blocks differ by the order things were written)
      const { cells: cellsA, ...layoutA } = a.sheet(s.name)!;
      const { cells: cellsB, ...layoutB } = b.sheet(s.name)!;
      expect(layoutB).toEqual(layoutA);
      expect([...cellsB.cells()]).toEqual([...cellsA.cells()]);
    }
  });
});

describe("rules every adapter enforces (checkOps)", () => {
  it("quotes sheet names that read as cells", () => {
    expect(sheetRef("TW1", "A1")).toBe("'TW1'!A1");
    expect(sheetRef("RC", "A1")).toBe("'RC'!A1");
  });
  it.each([
    ["the reserved sheet name History", { type: "addSheet", sheet: "History" }],
    ["a list choice with a comma", { type: "validation", range: { sheet: "S", row: 0, col: 0, rows: 1, cols: 1 }, rule: { type: "list", source: ["Rp 1,5 juta", "lain"] } }],
    ["a decimal rule with an infinite bound", { type: "validation", range: { sheet: "S", row: 0, col: 0, rows: 1, cols: 1 }, rule: { type: "decimal", min: -Infinity } }],
  ] as const)("refuses %s", async (_label, op) => {
    const wb = MemoryWorkbook.fromSheets({ S: [[1]] });
    await expect(wb.apply([op as never])).rejects.toThrow(/dicadangkan|koma|bilangan/);
  });
});
