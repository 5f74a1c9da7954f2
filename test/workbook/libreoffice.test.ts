/**
 * The native formulas the scaffolded workbook relies on, written through XlsxWorkbook and computed by
 * LibreOffice. Set SAKIP_SKIP_LIBREOFFICE=1 to skip on a machine without LibreOffice.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import type { CellContent, CellValue } from "../../src/workbook/port";
import { XlsxWorkbook, type XlsxOptions } from "../../src/workbook/xlsx/xlsx-workbook";
import { recalculate } from "../support/libreoffice";

const describeLibreOffice = process.env.SAKIP_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

const F = (formula: string): CellContent => ({ formula });
const RA = "Realisasi Anggaran";
const PK = "Perjanjian Kinerja";

/** Label, formula, the value Excel gives (and LibreOffice must match). */
const CHECKS: [string, string, CellValue][] = [
  ["wildcard SUMIFS over text codes", `=SUMIFS('${RA}'!D:D,'${RA}'!A:A,"7.01.01.*")`, 600],
  ["SUMIFS on one text code", `=SUMIFS('${RA}'!$D$2:$D$9,'${RA}'!$A$2:$A$9,"7.01.01")`, 520],
  ["COUNTIF below a rounded threshold", `=COUNTIF('${RA}'!E2:E6,"<"&ROUND(0.5,10))`, 1],
  ["COUNTIF below a rounded repeating fraction", `=COUNTIF('${RA}'!E2:E6,"<"&ROUND(2/3,10))`, 5],
  ["INDEX/MATCH across a quoted sheet name", `=INDEX('${PK}'!$B$5:$B$50,MATCH("7.01.02",'${PK}'!$A$5:$A$50,0))`, 80],
  ['IF(OR(..="",..=""),"",..) on empty cells', `=IF(OR(C30="",D30=""),"",D30/C30)`, ""],
  ["a defined name for one cell", "=SAKIP_TAHUN+1", 2026],
  ["a defined name for a range on a quoted sheet", "=SUM(SAKIP_PAGU)", 2500],
  ["an empty-string formula", '=""', ""],
  ["a future function (stored as _xlfn.IFNA)", `=IFNA(MATCH("9.99",'${RA}'!A:A,0),"tidak ada")`, "tidak ada"],
  ["#N/A from MATCH", `=MATCH("9.99",'${RA}'!A:A,0)`, "#N/A"],
  ["a number joined to text (15 significant digits)", '="<"&(2/3)', "<0.666666666666667"],
  ["ROUND half up on a binary fraction", "=ROUND(2.675,2)", 2.68],
  ["ISBLANK of an empty-string result", `=ISBLANK('${RA}'!E9)`, false],
  ["COUNTBLANK counts an empty-string result", `=COUNTBLANK('${RA}'!E2:E9)`, 1],
  ["arithmetic on an empty-string result", `='${RA}'!E9+0`, "#VALUE!"],
];

/**
 * Where LibreOffice and Excel part ways, pinned to LibreOffice's value so a change shows. A criterion
 * that reads as a number ("7.01" in an English locale) makes Excel compare numeric-looking text cells
 * as numbers, so Excel also counts the text "7.010"; LibreOffice matches the text only.
 */
const DIVERGENT: [string, string, CellValue][] = [["SUMIFS on a numeric-looking text code (Excel: 12)", `=SUMIFS('${RA}'!$D$2:$D$9,'${RA}'!$A$2:$A$9,"7.01")`, 5]];

async function buildWorkbook(options: XlsxOptions = {}): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create(options);
  await wb.apply([
    { type: "addSheet", sheet: RA },
    { type: "addSheet", sheet: PK },
    { type: "addSheet", sheet: "Cek" },
    { type: "format", range: { sheet: RA, row: 1, col: 0, rows: 8, cols: 1 }, numberFormat: "@" },
    {
      type: "write",
      sheet: RA,
      row: 0,
      col: 0,
      cells: [
        ["Kode", "Uraian", "Pagu", "Realisasi", "%"],
        ["7.01.01", "PROGRAM PENUNJANG", 1000, 520, F('=IF(C2=0,"",D2/C2)')],
        ["7.01.01.2.01", "Kegiatan", 600, 300, F('=IF(C3=0,"",D3/C3)')],
        ["7.01.01.2.01.0001", "Sub kegiatan 1", 400, 200, F("=D4/C4")],
        ["7.01.01.2.01.0002", "Sub kegiatan 2", 200, 100, F("=D5/C5")],
        ["7.01.02.2.01.0001", "Program lain", 300, 0, F("=D6/C6")],
        ["7.01", "Bidang", 0, 5, F("=D7/C7")],
        ["7.010", "Kode yang tampak seperti angka", 7, 7, F("=D8/C8")],
        [null, null, null, null, F('=IF(OR(C9="",D9=""),"",D9/C9)')],
      ],
    },
    { type: "write", sheet: PK, row: 4, col: 0, cells: [["7.01.01", 95], ["7.01.02", 80], ["7.01", 70]] },
    { type: "write", sheet: "Cek", row: 0, col: 0, cells: [["Tahun", 2025], ...[...CHECKS, ...DIVERGENT].map(([label, formula]) => [label, F(formula)])] },
    { type: "defineName", name: "SAKIP_TAHUN", formula: "=Cek!$B$1" },
    { type: "defineName", name: "SAKIP_PAGU", formula: `='${RA}'!$C$2:$C$6` },
    // layout, for LibreOffice as a second reader of the file
    { type: "validation", range: { sheet: PK, row: 4, col: 2, rows: 46, cols: 1 }, rule: { type: "list", source: ["positif", "negatif"] } },
    { type: "validation", range: { sheet: PK, row: 4, col: 1, rows: 46, cols: 1 }, rule: { type: "decimal", min: 0 } },
    { type: "merge", range: { sheet: PK, row: 0, col: 0, rows: 1, cols: 3 } },
    { type: "freeze", sheet: RA, rows: 1, cols: 2 },
    { type: "pageSetup", sheet: RA, setup: { orientation: "landscape", fitToWidth: true, printTitleRows: [0, 0] } },
  ]);
  return wb;
}

// the second: every sheet's cells written from a bulk store (sheet-xml.ts) instead of by ExcelJS
describeLibreOffice.each([
  ["ExcelJS cells", {}],
  ["bulk stores", { bulkCells: 0 }],
] as const)("LibreOffice recalculation of a workbook written by XlsxWorkbook from %s", (_label, options) => {
  let sheets: Record<string, CellValue[][]>;
  let converted: XlsxWorkbook;
  beforeAll(async () => {
    const wb = await buildWorkbook(options);
    expect(wb.layout(RA)!.cells).toBe("bulkCells" in options ? "bulk" : "exceljs");
    ({ sheets, converted } = await recalculate(await wb.toBuffer()));
  }, 60_000);

  it("computes the formulas of the data sheet, errors included", () => {
    expect(sheets[RA]!.map((row) => row[4])).toEqual(["%", 0.52, 0.5, 0.5, 0.5, 0, "#DIV/0!", 1, ""]);
    // codes stay text through LibreOffice
    expect(sheets[RA]!.map((row) => row[0])).toEqual(["Kode", "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0002", "7.01.02.2.01.0001", "7.01", "7.010", null]);
  });

  it.each(CHECKS.map(([label, , expected], i) => [label, i, expected] as const))("%s", (_label, i, expected) => {
    expect(sheets.Cek![i + 1]![1]).toEqual(expected);
  });

  it.each(DIVERGENT.map(([label, , expected], i) => [label, CHECKS.length + i, expected] as const))("LibreOffice only: %s", (_label, i, expected) => {
    expect(sheets.Cek![i + 1]![1]).toEqual(expected);
  });

  it("reads the layout and names back as written", async () => {
    expect(await converted.names()).toEqual(
      expect.arrayContaining([
        { name: "SAKIP_TAHUN", formula: "=Cek!$B$1" },
        { name: "SAKIP_PAGU", formula: `='${RA}'!$C$2:$C$6` },
      ]),
    );
    const pk = converted.layout(PK)!;
    expect(pk.merges).toEqual([{ sheet: PK, row: 0, col: 0, rows: 1, cols: 3 }]);
    expect(pk.validations.map((v) => [v.range.col, v.range.row, v.range.rows, v.rule.type, v.rule.formulae?.[0], v.rule.error]).sort()).toEqual([
      [1, 4, 46, "decimal", "0", "Isi dengan angka paling kecil 0."],
      [2, 4, 46, "list", '"positif,negatif"', "Pilih salah satu nilai dari daftar."],
    ]);
    // not checked: headless LibreOffice has no view, so it drops freeze panes and the active cell, and it
    // writes fitToPage="true", which ExcelJS reads as false
    expect(converted.layout(RA)?.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitleRows: [0, 0] });
  });

});

describeLibreOffice("the LibreOffice helper", () => {
  it("replaces stale cached results in a file given by path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sakip-lo-test-"));
    try {
      const wb = new Workbook();
      const ws = wb.addWorksheet("Data");
      ws.getCell("A1").value = 2;
      ws.getCell("B1").value = 3;
      ws.getCell("C1").value = { formula: "A1*B1", result: 999 };
      const file = join(dir, "stale.xlsx");
      await wb.xlsx.writeFile(file);
      expect((await recalculate(file)).sheets).toEqual({ Data: [[2, 3, 6]] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("turns numbers into text in the locale asked for: a decimal comma under id-ID", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Data");
    ws.getCell("A1").value = { formula: '"<"&0.5', result: "" };
    const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await recalculate(buffer)).sheets).toEqual({ Data: [["<0.5"]] });
    expect((await recalculate(buffer, { locale: "id-ID" })).sheets).toEqual({ Data: [["<0,5"]] });
  }, 60_000);

  it("says which package to install when soffice is missing", async () => {
    const wb = await buildWorkbook();
    await expect(recalculate(await wb.toBuffer(), { soffice: "/nonexistent/soffice" })).rejects.toThrow(/install libreoffice-calc-nogui/);
  });

  it("stops LibreOffice after the timeout", async () => {
    const wb = await buildWorkbook();
    await expect(recalculate(await wb.toBuffer(), { timeoutMs: 50 })).rejects.toThrow(/longer than 50 ms/);
  });
});
