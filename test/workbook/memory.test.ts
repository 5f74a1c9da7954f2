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
      expect(b.sheet(s.name)).toEqual(a.sheet(s.name));
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
