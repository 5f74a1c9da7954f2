/**
 * The `chart` and `deleteCharts` operations in the .xlsx adapter: native chart parts in the saved file
 * (ExcelJS cannot write charts), series pointing at the sheet's cells with their values cached, drawn
 * by LibreOffice; kept when the file is reopened and saved, and replaced — never doubled — when a
 * generated sheet drops its charts and draws them again.
 */
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { WorkbookRuleError, type SheetChart, type WorkbookOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { pdfPages, toPdf } from "../support/documents";

const describeLibreOffice = process.env.SAKIP_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const SHEET = "Lap Camat TW II";

const capaian = (title: string): SheetChart => ({
  kind: "bar",
  title,
  unit: "percent",
  categories: { row: 3, col: 0, rows: 3, cols: 1 },
  series: [{ name: "Capaian", nameCell: { row: 2, col: 1 }, values: { row: 3, col: 1, rows: 3, cols: 1 } }],
  reference: { name: "Target 100%", nameCell: { row: 2, col: 2 }, values: { row: 3, col: 2, rows: 3, cols: 1 } },
  anchor: { row: 2, col: 4, rows: 18, cols: 8 },
});

const dataOps = (): WorkbookOp[] => [
  { type: "addSheet", sheet: SHEET },
  {
    type: "write",
    sheet: SHEET,
    row: 2,
    col: 0,
    cells: [
      ["Indikator", "Capaian", "Target 100%"],
      ["Indeks kepuasan masyarakat", 0.95, 1],
      ["Persentase dokumen tepat waktu", 1.2, 1],
      ["Cakupan layanan", null, 1],
    ],
  },
];

async function parts(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}
const chartFiles = (zip: JSZip) => Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort();
const xml = async (zip: JSZip, path: string) => new DOMParser().parseFromString(await zip.file(path)!.async("string"), "text/xml");
const formulas = (doc: ReturnType<DOMParser["parseFromString"]>) => Array.from(doc.getElementsByTagNameNS(C, "f")).map((f) => f.textContent);
const titleOf = (doc: ReturnType<DOMParser["parseFromString"]>) => doc.getElementsByTagNameNS("http://schemas.openxmlformats.org/drawingml/2006/main", "t")[0]?.textContent;

test("a chart op becomes a native chart whose series read the sheet's cells, values cached", async () => {
  const wb = XlsxWorkbook.create();
  await wb.apply([...dataOps(), { type: "chart", sheet: SHEET, chart: capaian("Capaian Kinerja TW II") }]);
  const zip = await parts(await wb.toBuffer());
  expect(chartFiles(zip)).toEqual(["xl/charts/chart1.xml"]);
  const doc = await xml(zip, "xl/charts/chart1.xml");
  const q = `'${SHEET}'`;
  expect(formulas(doc)).toEqual([`${q}!$B$3`, `${q}!$A$4:$A$6`, `${q}!$B$4:$B$6`, `${q}!$C$3`, `${q}!$A$4:$A$6`, `${q}!$C$4:$C$6`]);
  // the cache: the categories as text, the empty capaian as a gap (no point), never a zero
  const bar = doc.getElementsByTagNameNS(C, "barChart")[0]!;
  const cached = Array.from(bar.getElementsByTagNameNS(C, "numCache")[0]!.getElementsByTagNameNS(C, "v")).map((v) => Number(v.textContent));
  expect(cached).toEqual([0.95, 1.2]);
  expect(bar.getElementsByTagNameNS(C, "strCache")[1]!.getElementsByTagNameNS(C, "v")[2]!.textContent).toBe("Cakupan layanan");
  expect(doc.getElementsByTagNameNS(C, "lineChart")).toHaveLength(1);
  expect(titleOf(doc)).toBe("Capaian Kinerja TW II");
  // wired: the sheet's <drawing> → drawing part → chart part, all with content types
  const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/>/);
  expect(await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string")).toContain("../drawings/drawing1.xml");
  expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain("../charts/chart1.xml");
  const types = await zip.file("[Content_Types].xml")!.async("string");
  expect(types).toContain('PartName="/xl/charts/chart1.xml"');
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
});

test("the cache follows the cells as they are when saved, not as they were when the chart was added", async () => {
  const wb = XlsxWorkbook.create();
  await wb.apply([...dataOps(), { type: "chart", sheet: SHEET, chart: capaian("Capaian") }]);
  await wb.apply([{ type: "write", sheet: SHEET, row: 3, col: 1, cells: [[0.5]] }]);
  const doc = await xml(await parts(await wb.toBuffer()), "xl/charts/chart1.xml");
  const bar = doc.getElementsByTagNameNS(C, "barChart")[0]!;
  expect(Number(bar.getElementsByTagNameNS(C, "numCache")[0]!.getElementsByTagNameNS(C, "v")[0]!.textContent)).toBe(0.5);
});

test("reopened and saved, the chart is kept; deleteCharts then chart replaces it instead of adding a second", async () => {
  const first = XlsxWorkbook.create();
  await first.apply([...dataOps(), { type: "chart", sheet: SHEET, chart: capaian("Lama") }]);
  const saved = await first.toBuffer();

  const kept = await XlsxWorkbook.fromBuffer(saved);
  const keptZip = await parts(await kept.toBuffer());
  expect(chartFiles(keptZip)).toHaveLength(1);
  expect(titleOf(await xml(keptZip, chartFiles(keptZip)[0]!))).toBe("Lama");

  const again = await XlsxWorkbook.fromBuffer(saved);
  // a second drawing on the sheet would make Excel repair the file: refused, nothing changed
  await expect(again.apply([{ type: "chart", sheet: SHEET, chart: capaian("Dobel") }])).rejects.toThrow(WorkbookRuleError);
  await again.apply([
    { type: "deleteCharts", sheet: SHEET },
    { type: "chart", sheet: SHEET, chart: capaian("Baru") },
  ]);
  const zip = await parts(await again.toBuffer());
  const charts = chartFiles(zip);
  expect(charts).toHaveLength(1);
  expect(titleOf(await xml(zip, charts[0]!))).toBe("Baru");
  expect(Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f))).toHaveLength(1);
  expect((await zip.file("xl/worksheets/sheet1.xml")!.async("string")).match(/<drawing /g)).toHaveLength(1);
});

test("deleteCharts alone removes the kept chart parts and the sheet's drawing; a failed batch puts them back", async () => {
  const first = XlsxWorkbook.create();
  await first.apply([...dataOps(), { type: "chart", sheet: SHEET, chart: capaian("Lama") }]);
  const saved = await first.toBuffer();

  // two sheets with charts: the batch drops the first sheet's, then fails on the second's (still kept)
  const two = XlsxWorkbook.create();
  await two.apply([...dataOps(), { type: "chart", sheet: SHEET, chart: capaian("Satu") }, { type: "addSheet", sheet: "Lain" }, { type: "chart", sheet: "Lain", chart: capaian("Dua") }]);
  const failing = await XlsxWorkbook.fromBuffer(await two.toBuffer());
  await expect(
    failing.apply([
      { type: "deleteCharts", sheet: SHEET },
      { type: "chart", sheet: "Lain", chart: capaian("X") },
    ]),
  ).rejects.toThrow(WorkbookRuleError);
  const back = await parts(await failing.toBuffer());
  expect(chartFiles(back)).toHaveLength(2);
  expect((await back.file("xl/worksheets/sheet1.xml")!.async("string")).match(/<drawing /g)).toHaveLength(1);

  const wb = await XlsxWorkbook.fromBuffer(saved);
  await wb.apply([{ type: "deleteCharts", sheet: SHEET }]);
  const zip = await parts(await wb.toBuffer());
  expect(Object.keys(zip.files).filter((f) => f.startsWith("xl/charts/") || f.startsWith("xl/drawings/"))).toEqual([]);
  expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).not.toContain("<drawing");
  expect(await zip.file("[Content_Types].xml")!.async("string")).not.toContain("chart");
});

describeLibreOffice("LibreOffice", () => {
  test("opens the saved file and draws the chart: its title and value-axis title are in the PDF", async () => {
    const wb = XlsxWorkbook.create();
    await wb.apply([
      ...dataOps(),
      { type: "chart", sheet: SHEET, chart: capaian("Capaian Kinerja Camat TW II") },
      { type: "pageSetup", sheet: SHEET, setup: { orientation: "landscape", fitToWidth: true } },
    ]);
    const pages = await pdfPages(await toPdf(await wb.toBuffer(), "xlsx"));
    const text = pages.join("\n");
    expect(text).toContain("Capaian Kinerja Camat TW II");
    expect(text).toContain("Capaian (%)");
  }, 120_000);
});

test("deleteCharts refuses a sheet whose drawing also holds a picture, and the picture stays", async () => {
  const { Workbook } = await import("exceljs");
  type ExcelBuffer = Parameters<InstanceType<typeof Workbook>["addImage"]>[0] extends { buffer?: infer B } ? B : never;
  const book = new Workbook();
  const ws = book.addWorksheet(SHEET);
  ws.getCell("A1").value = "Logo";
  // a 1×1 PNG
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  ws.addImage(book.addImage({ buffer: png as unknown as ExcelBuffer, extension: "png" }), { tl: { col: 1, row: 1 }, ext: { width: 20, height: 20 } });
  const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(await book.xlsx.writeBuffer()));
  await expect(wb.apply([{ type: "deleteCharts", sheet: SHEET }])).rejects.toThrow(/gambar atau bentuk selain grafik/);
  const zip = await parts(await wb.toBuffer());
  expect(Object.keys(zip.files).some((f) => /^xl\/media\/.+\.png$/.test(f))).toBe(true);
  expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain("<drawing");
});
