import { chmod, lstat, mkdir, mkdtemp, readdir, rm, stat, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { WorkbookRuleError, type WorkbookOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { describeWorkbookContract } from "./contract";

const reopen = async (wb: XlsxWorkbook) => XlsxWorkbook.fromBuffer(await wb.toBuffer());

describeWorkbookContract("xlsx", async () => {
  const port = XlsxWorkbook.create();
  return { port, reopen: () => reopen(port), tracksSelection: false };
});

// every sheet in a bulk store (bulk-cells.ts), written and read back by streaming: the same contract
const ALL_BULK = { bulkCells: 0, bulkLoadBytes: 0 };
describeWorkbookContract("xlsx with bulk cells", async () => {
  const port = XlsxWorkbook.create(ALL_BULK);
  return { port, reopen: async () => XlsxWorkbook.fromBuffer(await port.toBuffer(), ALL_BULK), tracksSelection: false };
});

/** One part of the saved package, as text. */
async function part(wb: XlsxWorkbook, path: string): Promise<string> {
  const file = (await JSZip.loadAsync(await wb.toBuffer())).file(path);
  if (!file) throw new Error(`${path} not in the package`);
  return file.async("string");
}

async function fromExcelJs(build: (wb: Workbook) => void): Promise<XlsxWorkbook> {
  const wb = new Workbook();
  build(wb);
  return XlsxWorkbook.fromBuffer((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const CAPAIAN = "Capaian";
const layoutOps: WorkbookOp[] = [
  { type: "addSheet", sheet: CAPAIAN },
  { type: "addSheet", sheet: "Pengaturan" },
  { type: "write", sheet: "Pengaturan", row: 11, col: 1, cells: [["Tercapai"], ["Belum tercapai"]] },
  { type: "write", sheet: CAPAIAN, row: 0, col: 0, cells: [["CAPAIAN KINERJA TRIWULAN II", null, null, null, null]] },
  { type: "columnWidths", sheet: CAPAIAN, widths: [{ col: 0, width: 12 }, { col: 1, width: 48.5 }] },
  { type: "freeze", sheet: CAPAIAN, rows: 4, cols: 2 },
  { type: "merge", range: { sheet: CAPAIAN, row: 0, col: 0, rows: 1, cols: 5 } },
  { type: "validation", range: { sheet: CAPAIAN, row: 4, col: 3, rows: 100, cols: 1 }, rule: { type: "list", source: ["positif", "negatif"] } },
  { type: "validation", range: { sheet: CAPAIAN, row: 4, col: 4, rows: 100, cols: 1 }, rule: { type: "list", source: { formula: "=Pengaturan!$B$12:$B$13" } } },
  { type: "validation", range: { sheet: CAPAIAN, row: 4, col: 5, rows: 100, cols: 2 }, rule: { type: "decimal", min: 0, max: 100, message: "Capaian diisi 0–100." } },
  { type: "defineName", name: "SAKIP_PILIHAN", formula: "=Pengaturan!$B$12:$B$13" },
  { type: "pageSetup", sheet: CAPAIAN, setup: { orientation: "landscape", fitToWidth: true, printTitleRows: [0, 3] } },
];

describe("xlsx workbook specifics", () => {
  it("reports no selection, even where select() put the active cell for the next opening", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: "LRA" },
      { type: "write", sheet: "LRA", row: 0, col: 0, cells: [["PEMERINTAH KABUPATEN LUMAJANG"]] },
    ]);
    expect(await wb.selectedRange()).toBeNull();
    await wb.select({ sheet: "LRA", row: 3, col: 1 });
    expect(wb.layout("LRA")!.activeCell).toBe("B4");
    expect(await wb.selectedRange()).toBeNull();
    expect(await (await reopen(wb)).selectedRange()).toBeNull();
  });

  it("keeps widths, freeze panes, merges, validations, names and page setup through save and reopen", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply(layoutOps);
    const back = await reopen(wb);
    const layout = back.layout(CAPAIAN)!;
    expect(layout.widths.get(0)).toBe(12);
    expect(layout.widths.get(1)).toBe(48.5);
    expect(layout.freeze).toEqual({ rows: 4, cols: 2 });
    expect(layout.merges).toEqual([{ sheet: CAPAIAN, row: 0, col: 0, rows: 1, cols: 5 }]);
    expect(layout.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitleRows: [0, 3] });
    const rules = Object.fromEntries(layout.validations.map((v) => [`${v.range.col}:${v.range.row}+${v.range.rows}x${v.range.cols}`, v.rule]));
    expect(rules["3:4+100x1"]).toMatchObject({ type: "list", formulae: ['"positif,negatif"'], showErrorMessage: true, allowBlank: true, errorTitle: "Isian tidak valid" });
    expect(rules["4:4+100x1"]).toMatchObject({ type: "list", formulae: ["Pengaturan!$B$12:$B$13"] });
    expect(rules["5:4+100x2"]).toMatchObject({ type: "decimal", operator: "between", formulae: ["0", "100"], error: "Capaian diisi 0–100." });
    expect(await back.names()).toEqual([{ name: "SAKIP_PILIHAN", formula: "=Pengaturan!$B$12:$B$13" }]);
    expect((await back.read([{ sheet: CAPAIAN, row: 0, col: 0, rows: 1, cols: 1 }]))[0]![0]![0]!.value).toBe("CAPAIAN KINERJA TRIWULAN II");

    // and in the XML Excel reads: ranges stay ranges, print titles are a sheet-scoped built-in name
    const sheet = await part(back, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('sqref="D5:D104"');
    expect(sheet).toContain('<mergeCell ref="A1:E1"/>');
    const book = await part(back, "xl/workbook.xml");
    expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Capaian'!$1:$4</definedName>`);
    expect(book).toContain('<definedName name="SAKIP_PILIHAN">Pengaturan!$B$12:$B$13</definedName>');
    expect(book).toContain('fullCalcOnLoad="1"');
  });

  it("replaces a validation only on the cells the new rule covers, as Excel does", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: CAPAIAN },
      { type: "validation", range: { sheet: CAPAIAN, row: 4, col: 3, rows: 16, cols: 1 }, rule: { type: "list", source: ["positif", "negatif"] } },
      { type: "validation", range: { sheet: CAPAIAN, row: 9, col: 3, rows: 3, cols: 1 }, rule: { type: "decimal", min: 0 } },
    ]);
    const found = (await reopen(wb)).layout(CAPAIAN)!.validations.map((v) => [v.range.row, v.range.rows, v.rule.type]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(found).toEqual([
      [4, 5, "list"],
      [9, 3, "decimal"],
      [12, 8, "list"],
    ]);
  });

  it("opens a whole-column validation without expanding it cell by cell", async () => {
    const source = await fromExcelJs((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = "Kode";
      // the model key is written verbatim as the sqref; ExcelJS's own reader would make a million entries of it
      (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model["B1:C1048576"] = {
        type: "list",
        allowBlank: true,
        formulae: ['"Ya,Tidak"'],
      };
    });
    const layout = source.layout("Data")!;
    expect(layout.validations).toEqual([{ range: { sheet: "Data", row: 0, col: 1, rows: 1_048_576, cols: 2 }, rule: expect.objectContaining({ type: "list", formulae: ['"Ya,Tidak"'] }) }]);
    expect(await part(source, "xl/worksheets/sheet1.xml")).toContain('sqref="B1:C1048576"');
  });

  it("keeps the validations Excel stores in its x14 extension (list sources on another sheet), which ExcelJS drops", async () => {
    const built = new Workbook();
    built.addWorksheet("Capaian").getCell("A1").value = "Polaritas";
    built.addWorksheet("Pengaturan").getCell("B12").value = "positif";
    const zip = await JSZip.loadAsync((await built.xlsx.writeBuffer()) as ArrayBuffer);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // as Excel 2010+ writes a list whose source is on another sheet
    const ext =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="Isian tidak valid" error="Pilih dari daftar.">' +
      "<x14:formula1><xm:f>Pengaturan!$B$12:$B$20</xm:f></x14:formula1><xm:sqref>D5:D104 F5</xm:sqref></x14:dataValidation>" +
      "</x14:dataValidations></ext></extLst>";
    zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", `${ext}</worksheet>`));
    const wb = await XlsxWorkbook.fromBuffer(await zip.generateAsync({ type: "nodebuffer" }));
    const back = await reopen(wb);
    expect(back.layout("Capaian")!.validations).toEqual([
      { range: { sheet: "Capaian", row: 4, col: 3, rows: 100, cols: 1 }, rule: expect.objectContaining({ type: "list", formulae: ["Pengaturan!$B$12:$B$20"], error: "Pilih dari daftar." }) },
      { range: { sheet: "Capaian", row: 4, col: 5, rows: 1, cols: 1 }, rule: expect.objectContaining({ type: "list", formulae: ["Pengaturan!$B$12:$B$20"] }) },
    ]);
  });

  it("keeps styles, and formatting one cell never restyles others that shared its style in the file", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: CAPAIAN },
      { type: "write", sheet: CAPAIAN, row: 0, col: 0, cells: [["a", "b"]] },
      {
        type: "format",
        range: { sheet: CAPAIAN, row: 0, col: 0, rows: 1, cols: 2 },
        numberFormat: "#,##0",
        style: { bold: true, italic: true, wrap: true, horizontal: "center", vertical: "middle", fill: "#D9E1F2", fontColor: "#1F3864", border: "thin" },
      },
    ]);
    const back = await reopen(wb);
    const expected = { bold: true, italic: true, wrap: true, horizontal: "center", vertical: "middle", fill: "#D9E1F2", fontColor: "#1F3864", border: "thin" };
    expect(back.cellStyle({ sheet: CAPAIAN, row: 0, col: 1 })).toEqual(expected);
    await back.apply([{ type: "format", range: { sheet: CAPAIAN, row: 0, col: 0, rows: 1, cols: 1 }, numberFormat: "0.00%", style: { bold: false } }]);
    const again = await reopen(back);
    expect(again.cellStyle({ sheet: CAPAIAN, row: 0, col: 0 }).bold).toBe(false);
    expect(again.cellStyle({ sheet: CAPAIAN, row: 0, col: 1 })).toEqual(expected);
    const [[[a, b]]] = (await again.read([{ sheet: CAPAIAN, row: 0, col: 0, rows: 1, cols: 2 }])) as unknown as [[[{ numberFormat: string }, { numberFormat: string }]]];
    expect([a.numberFormat, b.numberFormat]).toEqual(["0.00%", "#,##0"]);
  });

  it("keeps names that are not plain ranges, and replaces a name case-insensitively", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: "Perjanjian Kinerja" },
      { type: "addSheet", sheet: "Data_1" },
      { type: "defineName", name: "TAHUN", formula: "=2025" },
      { type: "defineName", name: "PK_KODE", formula: "='Perjanjian Kinerja'!$A$5:$A$50" },
      { type: "defineName", name: "DATA", formula: "=Data_1!$A:$A" },
      { type: "defineName", name: "Sisa", formula: "=IFNA(1,0)" },
      { type: "defineName", name: "tahun", formula: "=2026" },
    ]);
    expect(await (await reopen(wb)).names()).toEqual([
      { name: "tahun", formula: "=2026" },
      { name: "PK_KODE", formula: "='Perjanjian Kinerja'!$A$5:$A$50" },
      { name: "DATA", formula: "=Data_1!$A:$A" },
      { name: "Sisa", formula: "=IFNA(1,0)" },
    ]);
  });

  it("stores newer functions with the _xlfn. prefix Excel needs and reads them without it", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: "Data" },
      { type: "write", sheet: "Data", row: 0, col: 0, cells: [[{ formula: '=IFNA(XLOOKUP(B1,C:C,D:D),"IFNA(x)")' }, { formula: "=SUMIFS(C:C,D:D,\"7.01.*\")" }]] },
    ]);
    expect(await part(wb, "xl/worksheets/sheet1.xml")).toContain("<f>_xlfn.IFNA(_xlfn.XLOOKUP(B1,C:C,D:D),&quot;IFNA(x)&quot;)</f>");
    const [[row]] = (await (await reopen(wb)).read([{ sheet: "Data", row: 0, col: 0, rows: 1, cols: 2 }])) as unknown as [[[{ formula: string }, { formula: string }]]];
    expect(row.map((c) => c.formula)).toEqual(['=IFNA(XLOOKUP(B1,C:C,D:D),"IFNA(x)")', '=SUMIFS(C:C,D:D,"7.01.*")']);
  });

  it("keeps any text literally, including what XML or the file format would otherwise rewrite", async () => {
    const texts = [" spasi ", "baris\nbaru", "tab\tdi tengah", "_x0041_", "kontrol\u0001\u000bkarakter", "&<>\"'", "=1+1", "TRUE", "1e5", "0012", "😀"];
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: "Data" },
      { type: "write", sheet: "Data", row: 0, col: 0, cells: texts.map((t) => [t]) },
    ]);
    const [cells] = await (await reopen(wb)).read([{ sheet: "Data", row: 0, col: 0, rows: texts.length, cols: 1 }]);
    expect(cells!.map(([c]) => [c!.value, c!.formula])).toEqual(texts.map((t) => [t, null]));
  });

  it("reads cached results, error results and dates as Office.js would", async () => {
    const wb = await fromExcelJs((book) => {
      const ws = book.addWorksheet("Data");
      ws.getCell("A1").value = { formula: "B1/C1", result: 0.52 };
      ws.getCell("A2").value = { formula: "B2/0", result: { error: "#DIV/0!" } };
      ws.getCell("A3").value = 45838;
      ws.getCell("A3").numFmt = "dd/mm/yyyy";
      ws.getCell("A4").value = { richText: [{ text: "Kec. " }, { text: "Sukajadi", font: { bold: true } }] };
      ws.getCell("A5").value = { formula: 'IF(B5="","",1)', result: "" };
    });
    const [cells] = await wb.read([{ sheet: "Data", row: 0, col: 0, rows: 5, cols: 1 }]);
    expect(cells!.map(([c]) => [c!.value, c!.formula])).toEqual([
      [0.52, "=B1/C1"],
      ["#DIV/0!", "=B2/0"],
      [45838, null],
      ["Kec. Sukajadi", null],
      ["", '=IF(B5="","",1)'],
    ]);
    expect(cells![2]![0]!.numberFormat).toBe("dd/mm/yyyy");
  });

  it("turns shared formulas into plain ones, so overwriting the first cell of a group still saves", async () => {
    const wb = await fromExcelJs((book) => {
      const ws = book.addWorksheet("Data");
      ws.getColumn(1).values = [1, 2, 3, 4];
      ws.fillFormula("B1:B4", "A1*2", [2, 4, 6, 8]);
    });
    await wb.apply([{ type: "write", sheet: "Data", row: 0, col: 1, cells: [[99]] }]);
    const [cells] = await (await reopen(wb)).read([{ sheet: "Data", row: 0, col: 1, rows: 4, cols: 1 }]);
    expect(cells!.map(([c]) => [c!.value, c!.formula])).toEqual([
      [99, null],
      [4, "=A2*2"],
      [6, "=A3*2"],
      [8, "=A4*2"],
    ]);
  });

  it("counts only values and formulas as used, and writing an empty string empties the cell", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: "Data" },
      { type: "format", range: { sheet: "Data", row: 0, col: 0, rows: 2000, cols: 8 }, numberFormat: "#,##0" },
      { type: "write", sheet: "Data", row: 0, col: 0, cells: [["Kode", "Uraian", ""], [1, null, { formula: '=""' }]] },
    ]);
    expect(await (await reopen(wb)).sheets()).toEqual([{ name: "Data", usedRows: 2, usedCols: 3 }]);
    const [[[c]]] = (await wb.read([{ sheet: "Data", row: 0, col: 2, rows: 1, cols: 1 }])) as unknown as [[[{ value: unknown }]]];
    expect(c.value).toBeNull();
  });

  it("reads cells hidden by a merge as empty and refuses to write into them", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      { type: "addSheet", sheet: "Data" },
      { type: "write", sheet: "Data", row: 0, col: 0, cells: [["Judul", "hilang", null]] },
      { type: "merge", range: { sheet: "Data", row: 0, col: 0, rows: 1, cols: 3 } },
      // nulls over the hidden cells are fine: a layout may write whole rows
      { type: "write", sheet: "Data", row: 0, col: 0, cells: [["Judul baru", null, null]] },
    ]);
    const [[row]] = (await (await reopen(wb)).read([{ sheet: "Data", row: 0, col: 0, rows: 1, cols: 3 }])) as unknown as [[[{ value: unknown }, { value: unknown }, { value: unknown }]]];
    expect(row.map((c) => c.value)).toEqual(["Judul baru", null, null]);
    await expect(wb.apply([{ type: "write", sheet: "Data", row: 0, col: 1, cells: [["x"]] }])).rejects.toThrow(/tertutup oleh sel gabungan A1/);
  });

  it("undoes every operation of a batch that fails half way", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      ...layoutOps,
      { type: "write", sheet: "Pengaturan", row: 0, col: 0, cells: [["Tahun", 2025, { formula: "=B1+1" }]] },
      { type: "format", range: { sheet: "Pengaturan", row: 0, col: 1, rows: 1, cols: 1 }, numberFormat: "0", style: { bold: true } },
      { type: "merge", range: { sheet: "Pengaturan", row: 3, col: 0, rows: 2, cols: 2 } },
    ]);
    const state = async () => ({
      sheets: await wb.sheets(),
      names: await wb.names(),
      cells: await wb.read([
        { sheet: CAPAIAN, row: 0, col: 0, rows: 6, cols: 8 },
        { sheet: "Pengaturan", row: 0, col: 0, rows: 14, cols: 4 },
      ]),
      layouts: [wb.layout(CAPAIAN), wb.layout("Pengaturan")],
      style: wb.cellStyle({ sheet: "Pengaturan", row: 0, col: 1 }),
    });
    const before = await state();
    const xmlBefore = await part(wb, "xl/workbook.xml");
    const failing: WorkbookOp[] = [
      { type: "addSheet", sheet: "Baru" },
      { type: "write", sheet: "Baru", row: 0, col: 0, cells: [["x"]] },
      { type: "write", sheet: "Pengaturan", row: 0, col: 0, cells: [["DIUBAH", null, 7]] },
      { type: "format", range: { sheet: "Pengaturan", row: 0, col: 0, rows: 3, cols: 3 }, numberFormat: "0.00%", style: { bold: false, fill: "#FF0000" } },
      { type: "columnWidths", sheet: CAPAIAN, widths: [{ col: 0, width: 30 }, { col: 9, width: 5 }] },
      { type: "freeze", sheet: CAPAIAN, rows: 0, cols: 0 },
      { type: "validation", range: { sheet: CAPAIAN, row: 50, col: 3, rows: 10, cols: 3 }, rule: { type: "decimal", max: 5 } },
      { type: "merge", range: { sheet: "Pengaturan", row: 4, col: 1, rows: 3, cols: 3 } },
      { type: "merge", range: { sheet: CAPAIAN, row: 0, col: 0, rows: 2, cols: 2 } },
      { type: "defineName", name: "SAKIP_PILIHAN", formula: "=Pengaturan!$A$1" },
      { type: "defineName", name: "BARU", formula: "=1" },
      { type: "pageSetup", sheet: CAPAIAN, setup: { orientation: "portrait", fitToWidth: false } },
      { type: "clear", range: { sheet: "Pengaturan", row: 0, col: 0, rows: 20, cols: 5 } },
      // the hidden cell of the merge made three operations ago
      { type: "write", sheet: CAPAIAN, row: 1, col: 1, cells: [["tidak boleh"]] },
    ];
    await expect(wb.apply(failing)).rejects.toBeInstanceOf(WorkbookRuleError);
    expect(await state()).toEqual(before);
    expect(await part(wb, "xl/workbook.xml")).toBe(xmlBefore);
  });

  it("moves the active cell and tab, with only that tab selected", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply(layoutOps);
    await wb.select({ sheet: "pengaturan", row: 11, col: 1 });
    expect(wb.layout("Pengaturan")).toMatchObject({ activeCell: "B12", tabSelected: true });
    expect(wb.layout(CAPAIAN)).toMatchObject({ tabSelected: false, freeze: { rows: 4, cols: 2 } });
    expect(await part(wb, "xl/worksheets/sheet2.xml")).toMatch(/<sheetView [^>]*tabSelected="1"/);
    expect(await part(wb, "xl/worksheets/sheet1.xml")).not.toContain("tabSelected");
    // ExcelJS's reader drops tabSelected; the active cell and tab survive
    const back = await reopen(wb);
    expect(back.layout("Pengaturan")).toMatchObject({ activeCell: "B12" });
    expect(back.layout(CAPAIAN)).toMatchObject({ freeze: { rows: 4, cols: 2 } });
    expect(await part(back, "xl/workbook.xml")).toMatch(/<workbookView [^>]*activeTab="1"/);
    await expect(wb.select({ sheet: "Tidak Ada", row: 0, col: 0 })).rejects.toThrow('Lembar "Tidak Ada" tidak ada.');
  });

  describe("files", () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), "sakip-xlsx-"));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it("saves by writing a temporary file and renaming it over the target", async () => {
      const wb = XlsxWorkbook.create();
      await wb.apply(layoutOps);
      const file = join(dir, "lkjip.xlsx");
      await wb.save(file);
      await wb.apply([{ type: "write", sheet: CAPAIAN, row: 5, col: 0, cells: [["kedua"]] }]);
      await wb.save(file);
      expect(await readdir(dir)).toEqual(["lkjip.xlsx"]);
      const back = await XlsxWorkbook.fromFile(file);
      expect((await back.read([{ sheet: CAPAIAN, row: 5, col: 0, rows: 1, cols: 1 }]))[0]![0]![0]!.value).toBe("kedua");
    });

    it("leaves neither a half file nor a temporary one when saving fails", async () => {
      const wb = XlsxWorkbook.create();
      await wb.apply(layoutOps);
      await expect(wb.save(join(dir, "tidak-ada", "lkjip.xlsx"))).rejects.toThrow(/ENOENT/);
      expect(await readdir(dir)).toEqual([]);
      // a directory in the way fails the rename, after the temporary file was written
      await mkdir(join(dir, "lkjip.xlsx"));
      await expect(wb.save(join(dir, "lkjip.xlsx"))).rejects.toThrow();
      expect(await readdir(dir)).toEqual(["lkjip.xlsx"]);
    });

    it("keeps the permissions of the file it saves over, and saves through a symbolic link into the file it names", async () => {
      const wb = XlsxWorkbook.create();
      await wb.apply(layoutOps);
      const file = join(dir, "lkjip.xlsx");
      await wb.save(file);
      await chmod(file, 0o640);
      await wb.save(file);
      expect((await stat(file)).mode & 0o777).toBe(0o640);
      await chmod(file, 0o604);
      await symlink(file, join(dir, "tautan.xlsx"));
      await wb.apply([{ type: "write", sheet: CAPAIAN, row: 5, col: 0, cells: [["lewat tautan"]] }]);
      await wb.save(join(dir, "tautan.xlsx"));
      expect((await lstat(join(dir, "tautan.xlsx"))).isSymbolicLink()).toBe(true);
      expect((await stat(file)).mode & 0o777).toBe(0o604);
      const back = await XlsxWorkbook.fromFile(file);
      expect((await back.read([{ sheet: CAPAIAN, row: 5, col: 0, rows: 1, cols: 1 }]))[0]![0]![0]!.value).toBe("lewat tautan");
      expect((await readdir(dir)).sort()).toEqual(["lkjip.xlsx", "tautan.xlsx"]);
    });

    it("refuses to save a workbook without sheets, which Excel cannot open", async () => {
      await expect(XlsxWorkbook.create().toBuffer()).rejects.toThrow(/paling sedikit satu lembar/);
    });
  });

  it("writes, saves and reopens 50 000 rows", async () => {
    const wb = XlsxWorkbook.create();
    const cells = Array.from({ length: 50_000 }, (_, i) => [`7.01.01.2.01.${String(i).padStart(4, "0")}`, "Belanja Alat Tulis Kantor", 2_750_000 + i, 2_500_000, { formula: `=IF(C${i + 6}=0,"",D${i + 6}/C${i + 6})` }, i % 2 === 0]);
    await wb.apply([
      { type: "addSheet", sheet: "Realisasi Anggaran" },
      { type: "format", range: { sheet: "Realisasi Anggaran", row: 5, col: 0, rows: 50_000, cols: 1 }, numberFormat: "@" },
      { type: "write", sheet: "Realisasi Anggaran", row: 5, col: 0, cells },
    ]);
    const back = await reopen(wb);
    expect(await back.sheets()).toEqual([{ name: "Realisasi Anggaran", usedRows: 50_005, usedCols: 6 }]);
    const [last] = await back.read([{ sheet: "Realisasi Anggaran", row: 50_004, col: 0, rows: 1, cols: 6 }]);
    expect(last![0]!.map((c) => c.formula ?? c.value)).toEqual(["7.01.01.2.01.49999", "Belanja Alat Tulis Kantor", 2_799_999, 2_500_000, '=IF(C50005=0,"",D50005/C50005)', false]);
  });
});

describe("large sheets: cells in a bulk store, written and read by streaming", () => {
  const SMALL = { bulkCells: 1_000, bulkLoadBytes: 64 * 1024 };
  const RINCIAN = "Rincian SIPD";
  const rows = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => [from + i + 12, `7 01 7 01 00 00 ${from + i}`, "Sub Rincian Objek", `Belanja <ATK> & "cetak" ${i}`, 1_250_000.5 + i, { formula: `=E${i + 4}*2` }, i % 3 === 0, null]);
  const header = [["Rincian LRA SIPD", null, null, null, null, null, null, null]];
  const ops = (n: number): WorkbookOp[] => [
    { type: "addSheet", sheet: RINCIAN },
    { type: "write", sheet: RINCIAN, row: 0, col: 0, cells: header },
    { type: "format", range: { sheet: RINCIAN, row: 3, col: 1, rows: n, cols: 1 }, numberFormat: "@" },
    { type: "format", range: { sheet: RINCIAN, row: 3, col: 4, rows: n, cols: 1 }, numberFormat: "#,##0", style: { bold: true } },
    { type: "write", sheet: RINCIAN, row: 3, col: 0, cells: rows(n) },
    { type: "columnWidths", sheet: RINCIAN, widths: [{ col: 3, width: 50 }] },
    { type: "freeze", sheet: RINCIAN, rows: 3, cols: 2 },
  ];
  const all = async (wb: XlsxWorkbook) => {
    const info = (await wb.sheets()).find((x) => x.name === RINCIAN)!;
    return (await wb.read([{ sheet: RINCIAN, row: 0, col: 0, rows: info.usedRows, cols: info.usedCols }]))[0]!;
  };

  it("keeps a sheet that gets many cells in a bulk store, and reads, saves and reopens it cell for cell as ExcelJS cells would", async () => {
    const bulk = XlsxWorkbook.create(SMALL);
    const plain = XlsxWorkbook.create({ bulkCells: Number.MAX_SAFE_INTEGER });
    await bulk.apply(ops(3_000));
    await plain.apply(ops(3_000));
    expect([bulk.layout(RINCIAN)!.cells, plain.layout(RINCIAN)!.cells]).toEqual(["bulk", "exceljs"]);
    expect(await bulk.sheets()).toEqual(await plain.sheets());
    expect(await all(bulk)).toEqual(await all(plain));
    expect(bulk.cellStyle({ sheet: RINCIAN, row: 10, col: 4 })).toEqual(plain.cellStyle({ sheet: RINCIAN, row: 10, col: 4 }));

    const sheetXml = await part(bulk, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toContain('<dimension ref="A1:G3003"/>');
    expect(sheetXml).toContain('t="inlineStr"><is><t>Belanja &lt;ATK&gt; &amp; "cetak" 0</t></is>');
    const [fromBulk, fromPlain] = [await XlsxWorkbook.fromBuffer(await bulk.toBuffer(), SMALL), await XlsxWorkbook.fromBuffer(await plain.toBuffer(), SMALL)];
    expect([fromBulk.layout(RINCIAN)!.cells, fromPlain.layout(RINCIAN)!.cells]).toEqual(["bulk", "bulk"]);
    expect(await all(fromBulk)).toEqual(await all(plain));
    expect(await all(fromPlain)).toEqual(await all(plain));
    expect(fromBulk.layout(RINCIAN)).toMatchObject({ freeze: { rows: 3, cols: 2 }, widths: new Map([[3, 50]]) });
    // ExcelJS itself reads the streamed sheet back the same
    expect(await all(await XlsxWorkbook.fromBuffer(await bulk.toBuffer()))).toEqual(await all(plain));
  });

  it("a failed batch leaves a bulk sheet exactly as it was", async () => {
    const wb = XlsxWorkbook.create(SMALL);
    await wb.apply(ops(2_000));
    const before = await all(wb);
    const failing: WorkbookOp[] = [
      { type: "clear", range: { sheet: RINCIAN, row: 3, col: 0, rows: 2_000, cols: 8 } },
      { type: "format", range: { sheet: RINCIAN, row: 3, col: 0, rows: 2_500, cols: 8 }, numberFormat: "0.00" },
      { type: "write", sheet: RINCIAN, row: 3, col: 0, cells: rows(2_500, 100) },
      { type: "write", sheet: "Tidak Ada", row: 0, col: 0, cells: [[1]] },
    ];
    await expect(wb.apply(failing)).rejects.toBeInstanceOf(WorkbookRuleError);
    // checkOps refused before anything ran; now one that fails while running
    const hidden: WorkbookOp[] = [...failing.slice(0, 3), { type: "addSheet", sheet: "Ringkasan" }, { type: "merge", range: { sheet: "Ringkasan", row: 0, col: 0, rows: 1, cols: 2 } }, { type: "write", sheet: "Ringkasan", row: 0, col: 1, cells: [["x"]] }];
    await expect(wb.apply(hidden)).rejects.toBeInstanceOf(WorkbookRuleError);
    expect(await all(wb)).toEqual(before);
    expect((await wb.sheets()).map((x) => x.name)).toEqual([RINCIAN]);
  });

  it("merged areas of a bulk sheet behave as ExcelJS's: hidden cells read empty and refuse values, merges replace those they overlap", async () => {
    const merged: WorkbookOp[] = [
      { type: "merge", range: { sheet: RINCIAN, row: 0, col: 0, rows: 1, cols: 8 } },
      { type: "merge", range: { sheet: RINCIAN, row: 5, col: 2, rows: 2, cols: 2 } },
      { type: "merge", range: { sheet: RINCIAN, row: 6, col: 3, rows: 1, cols: 3 } },
    ];
    const bulk = XlsxWorkbook.create(SMALL);
    const plain = XlsxWorkbook.create({ bulkCells: Number.MAX_SAFE_INTEGER });
    for (const wb of [bulk, plain]) {
      await wb.apply(ops(1_500));
      await wb.apply(merged);
    }
    expect([bulk.layout(RINCIAN)!.cells, plain.layout(RINCIAN)!.cells]).toEqual(["bulk", "exceljs"]);
    expect(bulk.layout(RINCIAN)!.merges).toEqual(plain.layout(RINCIAN)!.merges);
    expect(bulk.layout(RINCIAN)!.merges).toHaveLength(2);
    expect(await all(bulk)).toEqual(await all(plain));
    const hidden: WorkbookOp = { type: "write", sheet: RINCIAN, row: 6, col: 4, cells: [["tidak boleh"]] };
    await expect(bulk.apply([hidden])).rejects.toThrow("Sel E7 tertutup oleh sel gabungan D7; tulis ke sel kiri atasnya.");
    await expect(plain.apply([hidden])).rejects.toThrow("Sel E7 tertutup oleh sel gabungan D7; tulis ke sel kiri atasnya.");
    expect(await all(bulk)).toEqual(await all(plain));
    for (const back of [await XlsxWorkbook.fromBuffer(await bulk.toBuffer(), SMALL), await XlsxWorkbook.fromBuffer(await bulk.toBuffer())]) {
      expect(back.layout(RINCIAN)!.merges).toEqual(plain.layout(RINCIAN)!.merges);
      expect(await all(back)).toEqual(await all(plain));
    }
    expect((await XlsxWorkbook.fromBuffer(await bulk.toBuffer(), SMALL)).layout(RINCIAN)!.cells).toBe("bulk");
    // a sheet of ExcelJS cells with a merged title moves to a bulk store with it when it grows large
    const moving = XlsxWorkbook.create(SMALL);
    await moving.apply([{ type: "addSheet", sheet: RINCIAN }, { type: "write", sheet: RINCIAN, row: 0, col: 0, cells: header }, merged[0]!]);
    expect(moving.layout(RINCIAN)!.cells).toBe("exceljs");
    await moving.apply(ops(1_500).slice(2));
    expect(moving.layout(RINCIAN)).toMatchObject({ cells: "bulk", merges: [{ sheet: RINCIAN, row: 0, col: 0, rows: 1, cols: 8 }] });
    await expect(moving.apply([{ type: "write", sheet: RINCIAN, row: 0, col: 1, cells: [["x"]] }])).rejects.toThrow("Sel B1 tertutup oleh sel gabungan A1");
  });

  it("reads a large sheet another tool wrote (shared strings, cached results, errors, row heights) as ExcelJS reads it, and keeps it through a save", async () => {
    const bytes = await (
      await fromExcelJs((wb) => {
        const ws = wb.addWorksheet("Data");
        for (let r = 1; r <= 2_000; r++) ws.addRow([`7.01.${r % 7}`, r * 1.5, r % 2 === 0, { formula: `B${r}*2`, result: r * 3 }, null, "Belanja & <kantor> _x0041_"]);
        ws.getCell("E1").value = { formula: 'IF(B1>0,"",1)', result: "" };
        ws.getCell("E2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
        ws.getCell("E3").value = { error: "#N/A" };
        ws.getRow(4).height = 30;
        ws.getRow(5).hidden = true;
        ws.getCell("A6").numFmt = "@";
        ws.mergeCells("B8:C9");
      })
    ).toBuffer();
    const viaExcelJs = await XlsxWorkbook.fromBuffer(bytes);
    const viaScan = await XlsxWorkbook.fromBuffer(bytes, SMALL);
    expect([viaExcelJs.layout("Data")!.cells, viaScan.layout("Data")!.cells]).toEqual(["exceljs", "bulk"]);
    const range = [{ sheet: "Data", row: 0, col: 0, rows: 2_000, cols: 6 }];
    expect(await viaScan.read(range)).toEqual(await viaExcelJs.read(range));
    expect(await viaScan.sheets()).toEqual(await viaExcelJs.sheets());
    expect(viaScan.layout("Data")!.merges).toEqual(viaExcelJs.layout("Data")!.merges);
    const sheet = await part(viaScan, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<row r="4" ht="30" customHeight="1">/);
    expect(sheet).toMatch(/<row r="5" hidden="1">/);
    expect(await (await XlsxWorkbook.fromBuffer(await viaScan.toBuffer())).read(range)).toEqual(await viaExcelJs.read(range));
    // the same sheet read by ExcelJS, moved into a bulk store when it grows
    const growing = await XlsxWorkbook.fromBuffer(bytes, { bulkCells: 1_000, bulkLoadBytes: Number.MAX_SAFE_INTEGER });
    expect(growing.layout("Data")!.cells).toBe("exceljs");
    await growing.apply([{ type: "write", sheet: "Data", row: 2_000, col: 0, cells: Array.from({ length: 500 }, (_, i) => [`baru ${i}`, i]) }]);
    expect(growing.layout("Data")).toMatchObject({ cells: "bulk", merges: viaExcelJs.layout("Data")!.merges });
    expect(await growing.read(range)).toEqual(await viaExcelJs.read(range));
    expect(await (await XlsxWorkbook.fromBuffer(await growing.toBuffer())).read(range)).toEqual(await viaExcelJs.read(range));
  });

  it("leaves to ExcelJS a large sheet with what the store does not keep (shared formulas, rich text)", async () => {
    const source = await fromExcelJs((wb) => {
      const ws = wb.addWorksheet("Data");
      for (let r = 1; r <= 3_000; r++) ws.getCell(r, 1).value = r;
      ws.getCell("B1").value = { formula: "A1*2", result: 2 };
      ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as never;
      ws.getCell("C1").value = { richText: [{ text: "tebal", font: { bold: true } }, { text: " biasa" }] };
      ws.mergeCells("D1:E1");
    });
    const wb = await XlsxWorkbook.fromBuffer(await source.toBuffer(), SMALL);
    expect(wb.layout("Data")!.cells).toBe("exceljs");
    const [cells] = await wb.read([{ sheet: "Data", row: 0, col: 0, rows: 2, cols: 3 }]);
    expect(cells!.map((r) => r.map((c) => c.formula ?? c.value))).toEqual([
      [1, "=A1*2", "tebal biasa"],
      [2, "=A2*2", null],
    ]);
  });
});

describe("files written by other tools", () => {
  it("select() works on a workbook that has no workbook views (plain ExcelJS output)", async () => {
    const plain = new Workbook();
    plain.addWorksheet("Data").getCell("A1").value = 1;
    const bytes = new Uint8Array(await plain.xlsx.writeBuffer());
    const wb = await XlsxWorkbook.fromBuffer(bytes);
    await wb.select({ sheet: "Data", row: 2, col: 1 });
    const again = await XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect((await again.read([{ sheet: "Data", row: 0, col: 0, rows: 1, cols: 1 }]))[0]?.[0]?.[0]?.value).toBe(1);
  });
});
