/**
 * Nothing of a user's workbook is lost when the adapter saves it: a file with a chart, a picture, a
 * table, a pivot table, comments, a sparkline, printer settings and more goes through the scaffold
 * and the SIPD import, and every part it had comes back (byte for byte, or with only its style ids
 * moved), referred to from the same sheet by the same elements; LibreOffice still sees the chart.
 * What cannot be kept is refused before anything is written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importLra } from "../../src/app/import-sipd";
import { scaffold } from "../../src/app/scaffold";
import { parseLra, type LraParseSuccess } from "../../src/core/sipd";
import { XlsxLossError, XlsxWorkbook, type XlsxOptions } from "../../src/workbook/xlsx/xlsx-workbook";
import { convert } from "../support/libreoffice";
import { COMMENT_TEXT, userXlsx, type UserXlsx } from "../support/user-xlsx";
import { dxf, readPackage, type PackageView } from "../support/xlsx-package";

const LRA = parseLra(readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8")) as LraParseSuccess;
const USER_SHEETS = ["Data Grafik", "Catatan", "Pivot"];

async function scaffoldAndImport(bytes: Uint8Array, options: XlsxOptions = {}): Promise<Uint8Array> {
  const wb = await XlsxWorkbook.fromBuffer(bytes, options);
  expect((await scaffold(wb, { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II" })).ok).toBe(true);
  expect((await importLra(wb, LRA)).ok).toBe(true);
  return wb.toBuffer();
}

/** The table's header dxf, resolved through the styles part of its package. */
function tableHeaderDxf(view: PackageView): string {
  const id = Number(view.xml("xl/tables/table1.xml").getAttribute("headerRowDxfId"));
  return dxf(view, id);
}

describe("a user's .xlsx through scaffold and SIPD import", () => {
  let user: UserXlsx;
  let before: PackageView;
  let after: PackageView;
  beforeAll(async () => {
    user = await userXlsx();
    before = await readPackage(user.bytes);
    after = await readPackage(await scaffoldAndImport(user.bytes));
  });

  it("keeps every part ExcelJS drops, byte for byte, with its content type", () => {
    for (const path of user.added) {
      if (path === "xl/tables/table1.xml") continue; // its style id moves, below
      expect({ path, bytes: Buffer.from(after.parts.get(path) ?? []).toString("base64") }).toEqual({ path, bytes: Buffer.from(before.parts.get(path)!).toString("base64") });
      if (!path.endsWith(".rels")) expect({ path, type: after.contentType(path) }).toEqual({ path, type: before.contentType(path) });
    }
    expect(after.dangling).toEqual([]);
  });

  it("refers to them from the same sheets, through the same elements", () => {
    for (const sheet of USER_SHEETS) {
      const refs = (v: PackageView) => v.sheets.get(sheet)!.filter((r) => r.type !== "hyperlink");
      expect({ sheet, refs: refs(after) }).toEqual({ sheet, refs: refs(before) });
    }
    expect(after.sheets.get("Data Grafik")!.map((r) => `${r.element}:${r.type}`).sort()).toEqual(["drawing:drawing", "pageSetup:printerSettings", "tablePart:table"]);
    expect(after.sheets.get("Catatan")!.map((r) => `${r.element}:${r.type}`).sort()).toEqual([":comments", ":threadedComment", "legacyDrawing:vmlDrawing"]);
    expect(after.sheets.get("Pivot")).toEqual([{ element: "", type: "pivotTable", target: "xl/pivotTables/pivotTable1.xml" }]);
    // the sheet elements ExcelJS has no model for, in schema order
    expect(after.sheetElements.get("Data Grafik")).toEqual(expect.arrayContaining(["colBreaks", "ignoredErrors", "drawing", "tableParts", "extLst"]));
    const order = after.sheetElements.get("Data Grafik")!;
    expect(["pageSetup", "colBreaks", "ignoredErrors", "drawing", "tableParts", "extLst"].map((e) => order.indexOf(e))).toEqual([...["pageSetup", "colBreaks", "ignoredErrors", "drawing", "tableParts", "extLst"].map((e) => order.indexOf(e))].sort((a, b) => a - b));
    expect(after.text("xl/worksheets/sheet1.xml")).toContain("x14:sparklineGroup");
  });

  it("keeps the workbook's pivot cache, the comment authors, the custom properties and every defined name with its attributes", () => {
    const kept = (refs: PackageView["workbook"]) => refs.filter((r) => !["worksheet", "styles", "sharedStrings", "theme"].includes(r.type));
    expect(kept(after.workbook)).toEqual(kept(before.workbook));
    expect(after.workbook).toContainEqual({ element: "pivotCache", type: "pivotCacheDefinition", target: "xl/pivotCache/pivotCacheDefinition1.xml" });
    expect(after.package.filter((r) => r.type === "custom-properties")).toEqual(before.package.filter((r) => r.type === "custom-properties"));
    for (const name of before.definedNames) expect(after.definedNames).toContainEqual(name);
    expect(after.definedNames.map((n) => n.name)).toContain("SAKIP_TAHUN");
  });

  it("moves the table's style id with the differential format it names", () => {
    expect(tableHeaderDxf(before)).toMatch(/FFC00000/);
    expect(tableHeaderDxf(after)).toBe(tableHeaderDxf(before));
  });

  it("keeps the user's sheets and writes the standard ones", async () => {
    const wb = await XlsxWorkbook.fromBuffer(await scaffoldAndImport(user.bytes));
    const names = (await wb.sheets()).map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(USER_SHEETS);
    expect(names).toEqual(expect.arrayContaining(["Pengaturan", "Realisasi Anggaran", "Rincian SIPD"]));
    expect((await wb.read([{ sheet: "Data Grafik", row: 4, col: 0, rows: 1, cols: 2 }]))[0]).toEqual([[expect.objectContaining({ value: "Apr" }), expect.objectContaining({ value: 40 })]]);
  });

  it("a second save of the reopened file keeps them again", async () => {
    const again = await readPackage(await scaffoldAndImport(await scaffoldAndImport(user.bytes)));
    for (const path of user.added.filter((p) => p !== "xl/tables/table1.xml")) expect({ path, same: Buffer.compare(Buffer.from(again.parts.get(path) ?? []), Buffer.from(before.parts.get(path)!)) }).toEqual({ path, same: 0 });
    expect(tableHeaderDxf(again)).toBe(tableHeaderDxf(before));
    expect(again.dangling).toEqual([]);
  });

  it("keeps them as well when every sheet is read and written through a bulk store", async () => {
    const bulk = await readPackage(await scaffoldAndImport(await scaffoldAndImport(user.bytes, { bulkCells: 0, bulkLoadBytes: 0 }), { bulkCells: 0, bulkLoadBytes: 0 }));
    for (const path of user.added.filter((p) => p !== "xl/tables/table1.xml")) expect({ path, same: Buffer.compare(Buffer.from(bulk.parts.get(path) ?? []), Buffer.from(before.parts.get(path)!)) }).toEqual({ path, same: 0 });
    for (const sheet of USER_SHEETS) expect({ sheet, refs: bulk.sheets.get(sheet) }).toEqual({ sheet, refs: before.sheets.get(sheet) });
    expect(tableHeaderDxf(bulk)).toBe(tableHeaderDxf(before));
    expect(bulk.dangling).toEqual([]);
  });

  it("LibreOffice still opens it and sees the chart, the picture, the comment and the pivot table", async () => {
    const saved = await scaffoldAndImport(user.bytes);
    const lo = await readPackage(await convert(saved, "xlsx"));
    const paths = [...lo.parts.keys()];
    const chart = paths.find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chart).toBeDefined();
    expect(lo.text(chart!)).toContain("Data Grafik&apos;!$B$2:$B$5");
    expect(lo.sheets.get("Data Grafik")!.map((r) => r.type)).toEqual(expect.arrayContaining(["drawing"]));
    expect(paths.some((p) => p.startsWith("xl/media/"))).toBe(true);
    expect(paths.filter((p) => /^xl\/comments\d*\.xml$/.test(p)).map((p) => lo.text(p)).join()).toContain(COMMENT_TEXT);
    expect(paths.some((p) => p.startsWith("xl/pivotTables/"))).toBe(true);
    const pdf = Buffer.from(await convert(saved, "pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);
});

describe("what cannot be kept is refused before anything is written", () => {
  it("a chart sheet: ExcelJS cannot read one, so saving would delete it", async () => {
    const wb = await XlsxWorkbook.fromBuffer((await userXlsx({ chartSheet: true })).bytes);
    expect(wb.losses).toEqual(['lembar grafik "Grafik1"']);
    // the workbook can still be read and worked on; only writing it is refused
    expect((await scaffold(wb, { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II" })).ok).toBe(true);
    await expect(wb.toBuffer()).rejects.toBeInstanceOf(XlsxLossError);
    await expect(wb.toBuffer()).rejects.toThrow(/^Berkas ini memuat lembar grafik "Grafik1", yang akan hilang bila disimpan oleh SAKIP\. Tidak ada yang diubah\./);
  });
});

describe("a user's .xlsx opened only to be read (sakip validate)", () => {
  it("reads every sheet's cells, names and formats as a full opening does, and refuses to be saved", async () => {
    const bytes = await scaffoldAndImport((await userXlsx()).bytes);
    const full = await XlsxWorkbook.fromBuffer(bytes);
    const read = await XlsxWorkbook.fromBuffer(bytes, { readOnly: true });
    const sheets = await full.sheets();
    expect(await read.sheets()).toEqual(sheets);
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...USER_SHEETS, "Rincian SIPD", "Capaian"]));
    const ranges = sheets.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) }));
    expect(await read.read(ranges)).toEqual(await full.read(ranges));
    expect(await read.names()).toEqual(await full.names());
    await expect(read.toBuffer()).rejects.toThrow("Buku kerja ini dibuka hanya untuk dibaca; tidak dapat disimpan.");
    await expect(full.toBuffer()).resolves.toBeInstanceOf(Uint8Array);
  });
});
