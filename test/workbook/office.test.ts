/**
 * The Office.js adapter against the fake Excel (test/support/fake-excel.ts): the port contract, round
 * trips, chunking, text escaping, and all-or-nothing apply with rollback.
 */
import {
  columnWidthPoints,
  DEFAULT_MAX_BATCH_BYTES,
  DEFAULT_MAX_BATCH_ROWS,
  OfficeWorkbook,
  OfficeWorkbookError,
  type OfficeWorkbookOptions,
} from "../../src/workbook/office/office-workbook";
import { WorkbookRuleError, type CellContent, type ReadRange, type WorkbookOp } from "../../src/workbook/port";
import { FAKE_PAYLOAD_LIMIT, FakeExcel, FakeExcelError, type FakeRange } from "../support/fake-excel";
import { describeWorkbookContract } from "./contract";

describeWorkbookContract("office (fake Excel)", async () => {
  const fake = new FakeExcel();
  return {
    port: new OfficeWorkbook({ run: fake.excelRun }),
    // a new adapter over the same workbook: nothing may live in the adapter
    reopen: async () => new OfficeWorkbook({ run: fake.excelRun }),
    tracksSelection: true,
  };
});

function setup(options: Omit<OfficeWorkbookOptions, "run"> = {}, fake = new FakeExcel()) {
  return { fake, port: new OfficeWorkbook({ run: fake.excelRun, ...options }) };
}

/** Syncs made by `f` (the fake counts every context.sync, including Excel.run's closing one). */
async function countSyncs(fake: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs.length;
  await f();
  return fake.syncs.length - before;
}

const range = (sheet: string, row: number, col: number, rows = 1, cols = 1) => ({ sheet, row, col, rows, cols });

/** A layout like the scaffold's: 10 sheets of title, headers, formats, validation and a formula block. */
function scaffoldOps(rows: number): WorkbookOp[] {
  const ops: WorkbookOp[] = [
    { type: "addSheet", sheet: "Pengaturan" },
    { type: "write", sheet: "Pengaturan", row: 11, col: 1, cells: [["Dokumen"], ["Survei"], ["Laporan"]] },
  ];
  for (let s = 1; s <= 10; s++) {
    const sheet = `Lembar ${s}`;
    const block = Array.from({ length: rows }, (_, i): CellContent[] => {
      const r = 4 + i;
      return [`7.01.01.2.01.${String(i + 1).padStart(4, "0")}`, `Kegiatan ${i + 1}`, "Dokumen", 1_000_000 + i, 500_000 + i, { formula: `=D${r}-E${r}` }, { formula: `=IF(D${r}=0,"",E${r}/D${r})` }, "positif", null];
    });
    ops.push(
      { type: "addSheet", sheet },
      { type: "write", sheet, row: 0, col: 0, cells: [[`LAPORAN ${s}`, null, null, null, null, null, null, null, null]] },
      { type: "merge", range: range(sheet, 0, 0, 1, 9) },
      { type: "write", sheet, row: 2, col: 0, cells: [["Kode", "Uraian", "Satuan", "Pagu", "Realisasi", "Sisa", "%", "Polaritas", "Sumber"]] },
      { type: "format", range: range(sheet, 2, 0, 1, 9), style: { bold: true, wrap: true, horizontal: "center", vertical: "middle", fill: "#D9E1F2", border: "thin" } },
      { type: "format", range: range(sheet, 3, 0, rows, 1), numberFormat: "@" },
      { type: "format", range: range(sheet, 3, 3, rows, 3), numberFormat: "#,##0" },
      { type: "format", range: range(sheet, 3, 6, rows, 1), numberFormat: "0.00%" },
      { type: "write", sheet, row: 3, col: 0, cells: block },
      { type: "format", range: range(sheet, 3, 0, rows, 9), style: { border: "thin" } },
      { type: "validation", range: range(sheet, 3, 7, rows, 1), rule: { type: "list", source: ["positif", "negatif"], message: "Pilih positif atau negatif." } },
      { type: "validation", range: range(sheet, 3, 8, rows, 1), rule: { type: "list", source: { formula: "=Pengaturan!$B$12:$B$14" } } },
      { type: "validation", range: range(sheet, 3, 3, rows, 2), rule: { type: "decimal", min: 0, message: "Angka tidak boleh negatif." } },
      { type: "columnWidths", sheet, widths: [{ col: 0, width: 22 }, { col: 1, width: 40 }] },
      { type: "freeze", sheet, rows: 3, cols: 2 },
      { type: "pageSetup", sheet, setup: { orientation: "landscape", fitToWidth: true, printTitleRows: [0, 2] } },
      { type: "defineName", name: `SAKIP_KODE_${s}`, formula: `='${sheet}'!$A$4:$A$${3 + rows}` },
    );
  }
  return ops;
}

describe("fake Excel enforces what Excel enforces", () => {
  it("refuses to read a property before load and sync", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1);
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([[""]]);
      expect(() => ctx.workbook.worksheets.load()).toThrow(expect.objectContaining({ code: "NotImplemented" }));
    });
  });

  it("models the selection: read only after load and sync, moved by select(), off a deleted sheet, InvalidSelection when not cells", async () => {
    const fake = new FakeExcel({ sheets: ["Sheet1", "LRA"] });
    expect(fake.state.selection).toEqual({ sheet: "Sheet1", row: 0, col: 0, rows: 1, cols: 1 });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("LRA").getRangeByIndexes(2, 1, 3, 4).select();
      const sel = ctx.workbook.getSelectedRange();
      const ws = sel.worksheet;
      expect(() => sel.rowIndex).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sel.load("rowIndex,columnIndex,rowCount,columnCount");
      expect(() => ws.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      ws.load("name");
      expect(() => sel.load("address")).toThrow(expect.objectContaining({ code: "NotImplemented" }));
      await ctx.sync();
      expect([ws.name, sel.rowIndex, sel.columnIndex, sel.rowCount, sel.columnCount]).toEqual(["LRA", 2, 1, 3, 4]);
      ctx.workbook.worksheets.getItem("LRA").delete();
      await ctx.sync();
    });
    expect(fake.state.selection).toEqual({ sheet: "Sheet1", row: 0, col: 0, rows: 1, cols: 1 });
    fake.state.selection = null;
    const attempt = fake.run(async (ctx) => {
      ctx.workbook.getSelectedRange().load("rowIndex");
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "InvalidSelection", message: "The current selection is invalid for this operation." });
  });

  it("refuses an array whose shape differs from the range, with Excel's message", async () => {
    const fake = new FakeExcel();
    const attempt = fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 2, 2).formulas = [[1, 2]];
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({
      code: "InvalidArgument",
      message: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    });
  });

  it("parses unescaped strings like typed input; the apostrophe and a prior '@' keep text", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRangeByIndexes(0, 0, 1, 8).values = [["=SUM(1,2)", "-", "+62 812", "2.20", "7.01.01", "TRUE", "5%", "'2.20"]];
      ws.getRangeByIndexes(1, 0, 1, 2).numberFormat = [["@", "@"]];
      ws.getRangeByIndexes(1, 0, 1, 2).formulas = [["2.20", "7.01.01"]];
      await ctx.sync();
    });
    const row = [0, 1, 2, 3, 4, 5, 6, 7].map((c) => fake.state.cell("Sheet1", 0, c)!);
    expect(row.map((c) => c.formula)).toEqual(["=SUM(1,2)", "=-", "=+62 812", null, null, null, null, null]);
    expect(row.slice(3).map((c) => c.value)).toEqual([2.2, 36898, true, 0.05, "2.20"]);
    expect(row[7]!.prefixed).toBe(true);
    expect([fake.state.cell("Sheet1", 1, 0)!.value, fake.state.cell("Sheet1", 1, 1)!.value]).toEqual(["2.20", "7.01.01"]);
  });

  it("refuses a request over 5 MB before running any of it", async () => {
    const fake = new FakeExcel();
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    const attempt = fake.run(async (ctx) => {
      ctx.workbook.worksheets.add("Besar");
      ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, big.length, 1).values = big;
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.syncs[0]!.requestBytes).toBeGreaterThan(FAKE_PAYLOAD_LIMIT);
  });

  it("keeps the commands that ran before a failure (a batch is not a transaction)", async () => {
    const fake = new FakeExcel();
    fake.failSync({ at: 1, afterCommands: 3 });
    const attempt = fake.run(async (ctx) => {
      const a = ctx.workbook.worksheets.add("A"); // 1 command + 1 object path
      a.getRangeByIndexes(0, 0, 1, 1).values = [["ada"]]; // path + set: the 4th command is never run
      await ctx.sync();
    });
    await expect(attempt).rejects.toBeInstanceOf(FakeExcelError);
    expect(fake.state.sheet("A")).toBeDefined();
    expect(fake.state.cell("A", 0, 0)).toBeUndefined();
  });

  it("fails getItem of a missing sheet, kills proxies after their run, and refuses unmodelled properties", async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Tidak Ada").getRangeByIndexes(0, 0, 1, 1).load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    let leaked: FakeRange | undefined;
    await fake.run(async (ctx) => {
      leaked = ctx.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1);
      expect(() => Object.assign(leaked!.format, { autoFitColumns: true })).toThrow(TypeError);
    });
    expect(() => (leaked!.values = [[1]])).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("syncs what is still queued when the batch returns, and counts it", async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => void ctx.workbook.worksheets.add("Sisa"));
    expect(fake.syncs).toHaveLength(1);
    expect(fake.state.sheet("Sisa")).toBeDefined();
  });
});

describe("office adapter: round trips", () => {
  it("lists sheets in 2 syncs however many there are", async () => {
    const { fake, port } = setup();
    expect(await countSyncs(fake, () => port.sheets())).toBe(2);
    await port.apply(Array.from({ length: 12 }, (_, i): WorkbookOp => ({ type: "addSheet", sheet: `L${i}` })));
    await port.apply([{ type: "write", sheet: "L3", row: 4, col: 2, cells: [["x"]] }]);
    let info: Awaited<ReturnType<OfficeWorkbook["sheets"]>> = [];
    expect(await countSyncs(fake, async () => (info = await port.sheets()))).toBe(2);
    expect(info).toHaveLength(13);
    expect(info.find((s) => s.name === "L3")).toEqual({ name: "L3", usedRows: 5, usedCols: 3 });
    expect(info.find((s) => s.name === "L4")).toEqual({ name: "L4", usedRows: 0, usedCols: 0 });
  });

  it("reads many ranges on several sheets in 1 sync; a missing sheet costs 2 more and reads empty", async () => {
    const { fake, port } = setup();
    await port.apply([
      { type: "addSheet", sheet: "A" },
      { type: "addSheet", sheet: "B" },
      { type: "write", sheet: "A", row: 0, col: 0, cells: [[1, "x"]] },
      { type: "write", sheet: "B", row: 5, col: 5, cells: [[{ formula: "=A!A1*2" }]] },
    ]);
    const ranges = [range("A", 0, 0, 1, 2), range("B", 5, 5), ...Array.from({ length: 20 }, (_, i) => range(i % 2 ? "A" : "B", i, 0, 3, 3))];
    let out: Awaited<ReturnType<OfficeWorkbook["read"]>> = [];
    expect(await countSyncs(fake, async () => (out = await port.read(ranges)))).toBe(1);
    expect(out[0]![0]!.map((c) => c.value)).toEqual([1, "x"]);
    expect(out[1]![0]![0]).toMatchObject({ formula: "=A!A1*2" });
    expect(await countSyncs(fake, async () => (out = await port.read([range("A", 0, 0), range("Hilang", 0, 0)])))).toBe(3);
    expect(out.map((b) => b[0]![0]!.value)).toEqual([1, null]);
  });

  it("reads names in 1 sync and moves the selection in 1 sync", async () => {
    const { fake, port } = setup();
    await port.apply([{ type: "defineName", name: "SAKIP_TAHUN", formula: "=Sheet1!$B$2" }]);
    expect(await countSyncs(fake, async () => expect(await port.names()).toEqual([{ name: "SAKIP_TAHUN", formula: "=Sheet1!$B$2" }]))).toBe(1);
    expect(await countSyncs(fake, () => port.select({ sheet: "Sheet1", row: 4, col: 2 }))).toBe(1);
    expect(fake.state.selection).toEqual({ sheet: "Sheet1", row: 4, col: 2, rows: 1, cols: 1 });
    expect(fake.state.activeSheet).toBe("Sheet1");
    await expect(port.select({ sheet: "Hilang", row: 0, col: 0 })).rejects.toThrow('Lembar "Hilang" tidak ada.');
  });

  it("reads the selection (position and sheet) in 1 sync", async () => {
    const { fake, port } = setup({}, new FakeExcel({ sheets: ["Sheet1", "LRA Juni"] }));
    // a new workbook has A1 of its first sheet selected
    expect(await port.selectedRange()).toEqual({ sheet: "Sheet1", row: 0, col: 0, rows: 1, cols: 1 });
    // what a paste of the fixture leaves selected: A1:I314
    fake.state.selection = { sheet: "LRA Juni", row: 0, col: 0, rows: 314, cols: 9 };
    let got: Awaited<ReturnType<OfficeWorkbook["selectedRange"]>> = null;
    expect(await countSyncs(fake, async () => (got = await port.selectedRange()))).toBe(1);
    expect(got).toEqual({ sheet: "LRA Juni", row: 0, col: 0, rows: 314, cols: 9 });
    // whole columns come back as they are; the caller clips them to the used range
    fake.state.selection = { sheet: "LRA Juni", row: 0, col: 0, rows: 1_048_576, cols: 9 };
    expect(await port.selectedRange()).toEqual({ sheet: "LRA Juni", row: 0, col: 0, rows: 1_048_576, cols: 9 });
  });

  it("reads a chart, a picture or several areas selected (Excel: InvalidSelection) as no range selected", async () => {
    const { fake, port } = setup();
    fake.state.selection = null;
    let got: Awaited<ReturnType<OfficeWorkbook["selectedRange"]>> = { sheet: "x", row: 0, col: 0, rows: 1, cols: 1 };
    expect(await countSyncs(fake, async () => (got = await port.selectedRange()))).toBe(1);
    expect(got).toBeNull();
    expect(fake.syncs.at(-1)!.error).toMatch(/^InvalidSelection/);
  });

  it("reports other host failures while reading the selection, wrapped in Indonesian", async () => {
    const { fake, port } = setup();
    fake.failSync({ at: 1, afterCommands: 0, code: "GeneralException" });
    const error = await port.selectedRange().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect((error as OfficeWorkbookError).message).toMatch(/^Excel gagal membaca sel terpilih: GeneralException: /);
    expect((error as OfficeWorkbookError).code).toBe("GeneralException");
  });

  it("applies a scaffold-sized layout in a constant number of syncs, whatever the block height", async () => {
    const counts: number[] = [];
    for (const rows of [50, 200, 400]) {
      const { fake, port } = setup();
      const report = await port.apply(scaffoldOps(rows));
      counts.push(report.syncs);
      expect(report.syncs).toBe(fake.syncs.length);
      expect(fake.syncs.every((s) => s.cellsWritten === 0 || s.calculationSuspended)).toBe(true);
    }
    // inspection, one write batch, the closing sync (events back on, recalculation)
    expect(counts).toEqual([3, 3, 3]);
  });

  it("renders every kind of operation into the workbook", async () => {
    const { fake, port } = setup();
    await port.apply(scaffoldOps(20));
    const s = fake.state.sheet("Lembar 2")!;
    expect(s.cell(3, 0)).toMatchObject({ value: "7.01.01.2.01.0001", formula: null, numberFormat: "@", prefixed: false });
    expect(s.cell(3, 5)).toMatchObject({ formula: "=D4-E4", numberFormat: "#,##0" });
    expect(s.cell(3, 8)?.value ?? null).toBeNull();
    expect(s.cell(2, 0)!.style).toMatchObject({ bold: true, wrapText: true, horizontalAlignment: "Center", verticalAlignment: "Center", fillColor: "#D9E1F2" });
    expect(Object.keys(s.cell(2, 3)!.style!.borders!).sort()).toEqual(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop", "InsideVertical"]);
    expect(s.columnWidths.get(0)).toBe(columnWidthPoints(22));
    expect(s.freeze).toEqual({ rows: 3, cols: 2 });
    expect(s.merges).toEqual([{ row: 0, col: 0, rows: 1, cols: 9 }]);
    expect(s.validations.map((v) => v.rule)).toEqual([
      { list: { inCellDropDown: true, source: "positif,negatif" } },
      { list: { inCellDropDown: true, source: "=Pengaturan!$B$12:$B$14" } },
      { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
    ]);
    expect(s.validations[0]!.errorAlert).toMatchObject({ message: "Pilih positif atau negatif.", style: "Stop" });
    expect(s.pageLayout).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$3" });
    expect(fake.state.names.get("sakip_kode_2")).toEqual({ name: "SAKIP_KODE_2", formula: "='Lembar 2'!$A$4:$A$23" });
    expect(fake.state.eventsEnabled).toBe(true);
    expect(fake.state.writesWithEventsEnabled).toBe(0);
    expect(fake.state.recalculations).toBe(1);
  });

  it("converts column widths from characters to points (7 px per character + 5 px, 0.75 pt per px)", () => {
    expect(columnWidthPoints(0)).toBe(3.75);
    expect(columnWidthPoints(12)).toBe(66.75);
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
  });
});

describe("office adapter: chunking", () => {
  const importOps = (rows: number, text = (i: number) => `Belanja Pegawai ${i}`): WorkbookOp[] => [
    { type: "addSheet", sheet: "Impor" },
    { type: "format", range: range("Impor", 0, 0, rows, 1), numberFormat: "@" },
    {
      type: "write",
      sheet: "Impor",
      row: 0,
      col: 0,
      cells: Array.from({ length: rows }, (_, i): CellContent[] => [
        `5.1.02.01.01.${String(i).padStart(5, "0")}`,
        text(i),
        1_000_000 + i,
        900_000 + i,
        { formula: `=C${i + 1}-D${i + 1}` },
        "-",
        i % 3 === 0 ? "2.20" : null,
        true,
        "+62 812",
      ]),
    },
  ];

  it("writes 100,000 × 9 cells in row chunks under the byte budget, reporting progress", async () => {
    const { fake, port } = setup();
    const progress: [number, number][] = [];
    const report = await port.apply(importOps(100_000), { onProgress: (done, total) => progress.push([done, total]) });

    const writes = fake.syncs.filter((s) => s.cellsWritten > 0);
    // the row cap binds here: 100,000 rows / 5,000 per sync
    expect(writes).toHaveLength(100_000 / DEFAULT_MAX_BATCH_ROWS);
    expect(writes.every((s) => s.cellsWritten <= DEFAULT_MAX_BATCH_ROWS * 9 && s.calculationSuspended)).toBe(true);
    expect(report.syncs).toBe(fake.syncs.length);
    expect(report.syncs).toBe(writes.length + 2);
    expect(fake.largestRequestBytes).toBeLessThanOrEqual(DEFAULT_MAX_BATCH_BYTES);
    expect(fake.largestRequestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    // the adapter's estimate is conservative: never below what the host would count
    expect(report.largestBatchBytes).toBeGreaterThanOrEqual(fake.largestRequestBytes);
    expect(report.largestBatchBytes).toBeLessThanOrEqual(DEFAULT_MAX_BATCH_BYTES);

    const total = 100_000 * 9 + 2;
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([, t]) => t === total)).toBe(true);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1]![0])).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(writes.length);

    const last = fake.state.sheet("Impor")!;
    expect(last.cell(99_999, 0)).toMatchObject({ value: "5.1.02.01.01.99999", numberFormat: "@" });
    expect(last.cell(99_999, 4)!.formula).toBe("=C100000-D100000");
    expect(last.cell(99_999, 5)).toMatchObject({ value: "-", formula: null });
    expect(last.cell(99_999, 6)).toMatchObject({ value: "2.20", formula: null });
  });

  it("cuts by bytes when rows are wide, and more syncs for a smaller budget", async () => {
    const wide = (i: number) => `Uraian sangat panjang ${i} `.repeat(40);
    const runWith = async (maxBatchBytes: number) => {
      const { fake, port } = setup({ maxBatchBytes });
      const report = await port.apply(importOps(8_000, wide));
      expect(fake.largestRequestBytes).toBeLessThanOrEqual(maxBatchBytes);
      expect(report.largestBatchBytes).toBeLessThanOrEqual(maxBatchBytes);
      return fake.syncs.filter((s) => s.cellsWritten > 0).length;
    };
    const payload = 8_000 * 1_150; // ≈ bytes of the block as JSON
    const atDefault = await runWith(DEFAULT_MAX_BATCH_BYTES);
    const atSmall = await runWith(300_000);
    expect(atDefault).toBeGreaterThanOrEqual(Math.ceil(payload / DEFAULT_MAX_BATCH_BYTES));
    expect(atSmall).toBeGreaterThanOrEqual(Math.ceil(payload / 300_000));
    expect(atSmall).toBeGreaterThan(atDefault * 3);
  });

  it("a budget above Excel's 5 MB fails on the host, rethrown, with the workbook untouched", async () => {
    const { fake, port } = setup({ maxBatchBytes: 50_000_000, maxBatchRows: 1_000_000 });
    const before = fake.state.contents();
    const attempt = port.apply(importOps(8_000, (i) => `Uraian sangat panjang ${i} `.repeat(40)));
    await expect(attempt).rejects.toMatchObject({ name: "OfficeWorkbookError", code: "RequestPayloadSizeLimitExceeded", restored: true });
    expect(fake.state.contents()).toEqual(before);
    expect(fake.state.eventsEnabled).toBe(true);
  });
});

describe("office adapter: reading large ranges", () => {
  /** A sheet "Data" of `rows` rows: a code, a 300-character uraian, a number and a formula per row. */
  async function tall(port: OfficeWorkbook, rows: number): Promise<CellContent[][]> {
    const cells = Array.from({ length: rows }, (_, i): CellContent[] => [`7.01.${i}`, `Uraian ${i} `.padEnd(300, "x"), i * 1000, { formula: `=C${i + 1}*2` }]);
    await port.apply([{ type: "addSheet", sheet: "Data" }, { type: "format", range: range("Data", 0, 0, rows, 1), numberFormat: "@" }, { type: "write", sheet: "Data", row: 0, col: 0, cells }]);
    return cells;
  }
  const shown = (block: { value: unknown; formula: string | null }[][]) => block.map((row) => row.map((c) => (c.formula !== null ? { formula: c.formula } : c.value)));

  it("reads a range of 13 MB of response in syncs that Excel on the web accepts, with progress", async () => {
    const { fake, port } = setup();
    const cells = await tall(port, 20_000);
    const before = fake.syncs.length;
    const progress: [number, number][] = [];
    const [block] = await port.read([range("Data", 0, 0, 20_000, 4)], { onProgress: (done, total) => progress.push([done, total]) });
    const reads = fake.syncs.slice(before);
    // one Excel.run: the pieces' syncs, then its closing one
    expect(reads.length).toBeGreaterThan(4);
    const accepted = reads.filter((s) => s.error === null);
    expect(accepted.reduce((n, s) => n + s.responseBytes, 0)).toBeGreaterThan(2 * FAKE_PAYLOAD_LIMIT);
    for (const s of accepted) expect(s.responseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    // the first guess (a typical workbook's bytes per cell) may be refused once, never again
    expect(reads.length - accepted.length).toBeLessThanOrEqual(1);
    expect(shown(block!)).toEqual(cells);
    expect(progress.at(-1)).toEqual([20_000, 20_000]);
    expect(progress.every(([d], i) => i === 0 || d > progress[i - 1]![0])).toBe(true);
  });

  it("learns each range's bytes per row: a light range next to a heavy one is read in few syncs", async () => {
    const { fake, port } = setup();
    await tall(port, 4_000);
    await port.apply([{ type: "addSheet", sheet: "Ringan" }, { type: "write", sheet: "Ringan", row: 0, col: 0, cells: Array.from({ length: 40_000 }, (_, i) => [i]) }]);
    const before = fake.syncs.length;
    const [heavy, light] = await port.read([range("Data", 0, 0, 4_000, 4), range("Ringan", 0, 0, 40_000, 1)]);
    expect(heavy).toHaveLength(4_000);
    expect(light!.map((r) => r[0]!.value)).toEqual(Array.from({ length: 40_000 }, (_, i) => i));
    // 2.6 MB and 1 MB of response: a handful of syncs, not one per guess of 512 bytes a cell
    expect(fake.syncs.length - before).toBeLessThanOrEqual(6);
  });

  it("reads a range without its formulas when asked: the same values and formats, a third less response", async () => {
    const { fake, port } = setup();
    const cells = await tall(port, 3_000);
    const whole = { ...range("Data", 0, 0, 3_000, 4) };
    const bytesOf = async (r: ReadRange) => {
      const before = fake.syncs.length;
      const [block] = await port.read([r]);
      return { block: block!, bytes: fake.syncs.slice(before).reduce((n, s) => n + s.responseBytes, 0) };
    };
    const full = await bytesOf(whole);
    const lean = await bytesOf({ ...whole, formulas: false });
    expect(shown(full.block)).toEqual(cells);
    // the formula column gives its value (the fake leaves formulas uncalculated: "") and no formula
    expect(lean.block.map((row) => row.map((c) => c.formula))).toEqual(cells.map(() => [null, null, null, null]));
    expect(lean.block.map((row) => row.slice(0, 3))).toEqual(full.block.map((row) => row.slice(0, 3)));
    expect(lean.block.map((row) => row[3]!.value)).toEqual(full.block.map((row) => row[3]!.value));
    expect(lean.bytes).toBeLessThan(full.bytes * 0.7);
  });

  it("reads a response Excel still refuses again in halves", async () => {
    const { fake, port } = setup({}, new FakeExcel({ responseLimitBytes: 150_000 }));
    const cells = await tall(port, 2_000);
    const before = fake.syncs.length;
    const [block] = await port.read([range("Data", 0, 0, 2_000, 4)]);
    const reads = fake.syncs.slice(before);
    expect(reads.some((s) => s.error?.startsWith("ResponsePayloadSizeLimitExceeded"))).toBe(true);
    expect(shown(block!)).toEqual(cells);
  });

  it("refuses a single row larger than a response may be, naming its sheet and row", async () => {
    const { port } = setup({}, new FakeExcel({ responseLimitBytes: 2_000 }));
    await port.apply([{ type: "addSheet", sheet: "Data" }, { type: "write", sheet: "Data", row: 0, col: 0, cells: [["pendek"], ["pendek"], ["x".repeat(3_000)]] }]);
    const read = port.read([range("Data", 0, 0, 3, 1)]);
    await expect(read).rejects.toBeInstanceOf(OfficeWorkbookError);
    await expect(read).rejects.toThrow(/"Data" \(baris 3\) terlalu besar/);
  });
});

describe("office adapter: text stays text", () => {
  const tricky = ["=SUM(1,2)", "-", "+62", "@x", "2.20", "7.01.01", "'apostrof", "TRUE", "007", "5%", "2024-01-31", "#N/A", "1,234", "- Belanja Pegawai", "Uraian biasa"];

  it("round-trips parse-prone text in General cells (apostrophe prefix) and in '@' cells", async () => {
    const { fake, port } = setup();
    await port.apply([
      { type: "addSheet", sheet: "Teks" },
      { type: "format", range: range("Teks", 1, 0, 1, tricky.length), numberFormat: "@" },
      { type: "write", sheet: "Teks", row: 0, col: 0, cells: [tricky, tricky] },
    ]);
    const [cells] = await port.read([range("Teks", 0, 0, 2, tricky.length)]);
    for (const row of cells!) expect(row.map((c) => [c.value, c.formula])).toEqual(tricky.map((t) => [t, null]));
    const s = fake.state.sheet("Teks")!;
    // in '@' cells only formula-like text needs the prefix; plain words never get one
    const prefixedInText = tricky.filter((_, j) => s.cell(1, j)!.prefixed);
    expect(prefixedInText).toEqual(["=SUM(1,2)", "-", "+62", "@x", "'apostrof", "- Belanja Pegawai"]);
    expect(s.cell(0, tricky.length - 1)!.prefixed).toBe(false);
  });

  it("knows existing cell formats from the snapshot: codes in existing '@' cells are written bare", async () => {
    const { fake, port } = setup();
    await port.apply([
      { type: "addSheet", sheet: "Kode" },
      { type: "format", range: range("Kode", 0, 0, 5, 1), numberFormat: "@" },
    ]);
    await port.apply([{ type: "write", sheet: "Kode", row: 0, col: 0, cells: [["2.20", "2.20"], ["7.01.01", "7.01.01"]] }]);
    const s = fake.state.sheet("Kode")!;
    expect([s.cell(0, 0), s.cell(1, 0)].map((c) => [c!.value, c!.prefixed])).toEqual([
      ["2.20", false],
      ["7.01.01", false],
    ]);
    expect([s.cell(0, 1), s.cell(1, 1)].map((c) => [c!.value, c!.prefixed])).toEqual([
      ["2.20", true],
      ["7.01.01", true],
    ]);
  });

  it("keeps numbers, booleans and formulas as such, and null empties a cell", async () => {
    const { port } = setup();
    await port.apply([
      { type: "addSheet", sheet: "N" },
      { type: "write", sheet: "N", row: 0, col: 0, cells: [[2.2, -5, true, { formula: "=A1*2" }, "isi"]] },
      { type: "write", sheet: "N", row: 0, col: 4, cells: [[null]] },
    ]);
    const [cells] = await port.read([range("N", 0, 0, 1, 5)]);
    expect(cells![0]!.map((c) => [c.value, c.formula])).toEqual([
      [2.2, null],
      [-5, null],
      [true, null],
      [null, "=A1*2"],
      [null, null],
    ]);
  });
});

describe("office adapter: all or nothing", () => {
  /** An existing sheet with codes, numbers, formulas and a name; then a batch that changes all of it. */
  async function seeded(options: Omit<OfficeWorkbookOptions, "run"> = {}) {
    const { fake, port } = setup({ maxBatchRows: 40, ...options });
    await port.apply([
      { type: "addSheet", sheet: "Data" },
      { type: "format", range: range("Data", 0, 0, 20, 1), numberFormat: "@" },
      {
        type: "write",
        sheet: "Data",
        row: 0,
        col: 0,
        cells: Array.from({ length: 20 }, (_, i): CellContent[] => [`7.01.${i}`, `Uraian ${i}`, i * 1000, { formula: `=C${i + 1}*2` }, "2.20"]),
      },
      { type: "format", range: range("Data", 0, 2, 20, 1), numberFormat: "#,##0" },
      { type: "defineName", name: "SAKIP_TAHUN", formula: "=Data!$C$1" },
    ]);
    return { fake, port, before: fake.state.contents() };
  }

  const changes: WorkbookOp[] = [
    { type: "addSheet", sheet: "Baru" },
    { type: "write", sheet: "Baru", row: 0, col: 0, cells: Array.from({ length: 300 }, (_, i) => [`K${i}`, i, "-", "2.20", { formula: `=B${i + 1}+1` }]) },
    { type: "write", sheet: "Data", row: 10, col: 0, cells: Array.from({ length: 200 }, (_, i) => [`9.${i}`, "diubah", i, "=teks", null, "baru"]) },
    { type: "format", range: range("Data", 0, 2, 31, 1), numberFormat: "0.00" },
    { type: "clear", range: range("Data", 0, 1) },
    { type: "defineName", name: "SAKIP_TAHUN", formula: "=Data!$C$2" },
    { type: "defineName", name: "SAKIP_BARU", formula: "=Baru!$A$1" },
    { type: "freeze", sheet: "Data", rows: 1, cols: 0 },
  ];

  it("refuses invalid operations before any Excel call", async () => {
    const { fake, port } = await seeded();
    const syncs = fake.syncs.length;
    await expect(port.apply([{ type: "write", sheet: "Data", row: 0, col: 0, cells: [[1, 2], [3]] }])).rejects.toBeInstanceOf(WorkbookRuleError);
    await expect(port.apply([{ type: "addSheet", sheet: "Baru" }, { type: "addSheet", sheet: "baru" }])).rejects.toBeInstanceOf(WorkbookRuleError);
    expect(fake.syncs.length).toBe(syncs);
  });

  it("refuses a missing or duplicate sheet after inspecting, having written nothing", async () => {
    const { fake, port, before } = await seeded();
    const n = fake.syncs.length;
    await expect(port.apply([changes[2]!, { type: "write", sheet: "Hilang", row: 0, col: 0, cells: [[1]] }])).rejects.toBeInstanceOf(WorkbookRuleError);
    await expect(port.apply([changes[2]!, { type: "addSheet", sheet: "DATA" }])).rejects.toBeInstanceOf(WorkbookRuleError);
    expect(fake.syncs.slice(n).every((s) => s.cellsWritten === 0)).toBe(true);
    expect(fake.state.contents()).toEqual(before);
  });

  it.each([
    ["direct snapshot in the inspection sync", {}],
    ["snapshot read in extra syncs, clipped to the used range", { maxSnapshotCells: 40 }],
  ])("puts everything back when any write sync fails (%s)", async (_label, options) => {
    // how many syncs the batch takes when nothing fails
    const dry = await seeded(options);
    const { syncs } = await dry.port.apply(changes);
    const records = dry.fake.syncs.slice(-syncs);
    expect(records.filter((s) => s.cellsWritten > 0).length).toBeGreaterThan(3);

    // every sync after the inspection and before the closing one: snapshot reads and write batches
    // failing half-way through the batch, and after all of it ran (a lost response)
    const points = Array.from({ length: syncs - 2 }, (_, i) => i + 2).flatMap((at) => [{ at }, { at, afterCommands: Infinity }]);
    for (const point of points) {
      const { fake, port, before } = await seeded(options);
      fake.failSync(point);
      const error = await port.apply(changes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OfficeWorkbookError);
      // snapshot reads fail before anything is written, write batches are undone: as it was either way
      expect(error).toMatchObject({ restored: true, code: "GeneralException" });
      expect((error as OfficeWorkbookError).cause).toBeInstanceOf(FakeExcelError);
      expect(fake.state.contents()).toEqual(before);
      expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
      expect(fake.state.eventsEnabled).toBe(true);
    }
  });

  it("overwrites a few cells holding more formula text than one response may: the snapshot is read in pieces, and undo still puts every cell back", async () => {
    // 2,000 cells of 3,000-character formulas (a structure sum): 12 MB of response, under maxSnapshotCells
    const long = (i: number) => ({ formula: `=SUM(${Array.from({ length: 700 }, (_, k) => `A${k + 1}`).join(",")})+${i}` });
    const build = async () => {
      const { fake, port } = setup();
      await port.apply([{ type: "addSheet", sheet: "Rumus" }, { type: "write", sheet: "Rumus", row: 0, col: 1, cells: Array.from({ length: 2_000 }, (_, i) => [long(i)]) }]);
      return { fake, port, before: fake.state.contents() };
    };
    const ops: WorkbookOp[] = [{ type: "write", sheet: "Rumus", row: 0, col: 1, cells: Array.from({ length: 2_000 }, (_, i) => [long(i + 1)]) }];
    const ok = await build();
    const n = ok.fake.syncs.length;
    await ok.port.apply(ops);
    // the inspection with the cells in it was refused, the one without them was not
    expect(ok.fake.syncs[n]!.error).toMatch(/^ResponsePayloadSizeLimitExceeded/);
    expect(ok.fake.syncs.slice(n + 1).every((x) => x.error === null)).toBe(true);
    expect(ok.fake.state.cell("Rumus", 1_999, 1)?.formula).toBe(long(2_000).formula);

    const failing = await build();
    const wrote = ok.fake.syncs.slice(n).map((x) => x.cellsWritten > 0);
    expect(wrote.filter(Boolean).length).toBeGreaterThan(1);
    // the last write batch fails: everything written before it is undone from the snapshot
    expect(failing.fake.syncs.length).toBe(n);
    failing.fake.failSync({ at: wrote.lastIndexOf(true) + 1 });
    await expect(failing.port.apply(ops)).rejects.toMatchObject({ restored: true });
    expect(failing.fake.state.contents()).toEqual(failing.before);
  });

  it("rethrows a failure of the inspection sync, unchanged workbook, events untouched", async () => {
    const { fake, port, before } = await seeded();
    fake.failSync({ at: 1, code: "GeneralException" });
    await expect(port.apply(changes)).rejects.toMatchObject({ name: "OfficeWorkbookError", code: "GeneralException", restored: true });
    expect(fake.state.contents()).toEqual(before);
    expect(fake.state.eventsEnabled).toBe(true);
  });

  it("rethrows read, sheets and names failures with Excel's error as the cause", async () => {
    const { fake, port } = await seeded();
    for (const call of [() => port.read([range("Data", 0, 0)]), () => port.sheets(), () => port.names()]) {
      fake.failSync({ at: 1, code: "GeneralException", message: "boom" });
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OfficeWorkbookError);
      expect((error as Error).message).toContain("boom");
      expect((error as Error).cause).toBeInstanceOf(FakeExcelError);
    }
  });

  it("says so when undoing fails too", async () => {
    const { fake, port } = await seeded();
    fake.failSync({ at: 3 }); // a write sync
    fake.failSync({ at: 4, afterCommands: 0 }); // the first undo sync
    await expect(port.apply(changes)).rejects.toMatchObject({ restored: false, rollbackError: expect.any(FakeExcelError) });
    expect(fake.state.eventsEnabled).toBe(true);
  });

  it("reports a failing closing sync instead of swallowing it", async () => {
    const dry = await seeded();
    const { syncs } = await dry.port.apply(changes);
    const { fake, port } = await seeded();
    fake.failSync({ at: syncs, afterCommands: 0 });
    await expect(port.apply(changes)).rejects.toMatchObject({ message: expect.stringMatching(/^Perubahan sudah diterapkan/), restored: false });
  });

  it("turns events off only while writing, and leaves them off when they were off", async () => {
    const { fake, port } = await seeded();
    expect(fake.state.writesWithEventsEnabled).toBe(0);
    fake.state.eventsEnabled = false;
    await port.apply(changes);
    expect(fake.state.eventsEnabled).toBe(false);
  });
});

describe("office adapter: requirement sets", () => {
  it("refuses to run without ExcelApi 1.8, before any Excel call", async () => {
    const { fake, port } = setup({ isSetSupported: () => false });
    await expect(port.apply([{ type: "addSheet", sheet: "X" }])).rejects.toThrow(/ExcelApi 1\.8/);
    await expect(port.read([range("Sheet1", 0, 0)])).rejects.toBeInstanceOf(OfficeWorkbookError);
    expect(fake.syncs).toHaveLength(0);
  });

  it("skips page setup without ExcelApi 1.9 and applies the rest", async () => {
    const { fake, port } = setup({ isSetSupported: (_name, version) => version !== "1.9" });
    await port.apply([
      { type: "addSheet", sheet: "Cetak" },
      { type: "pageSetup", sheet: "Cetak", setup: { orientation: "landscape", fitToWidth: true } },
      { type: "write", sheet: "Cetak", row: 0, col: 0, cells: [["ada"]] },
    ]);
    expect(fake.state.sheet("Cetak")!.pageLayout.orientation).toBe("Portrait");
    expect(fake.state.cell("Cetak", 0, 0)!.value).toBe("ada");
  });

  it("validates its limits", () => {
    expect(() => new OfficeWorkbook({ maxBatchBytes: 0 })).toThrow(RangeError);
  });
});
