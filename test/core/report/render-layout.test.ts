/**
 * The pure halves of the report renderers, on the real 2024 report (Kasubbag Keuangan, TW II):
 * header placement, column widths, the number formats that show a cell's text, the chart SVG and
 * the sheet layout.
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import { readWorkbookModel } from "../../../src/app/read-model";
import { buildReport, reportJabatan } from "../../../src/core/report/build";
import { chartSvg, niceStep, REFERENCE_COLOR, textWidth, wrapText } from "../../../src/core/report/chart-svg";
import { displayFormat, formatShowing } from "../../../src/core/report/sheet-format";
import { chartSheetLayout, tableSheetLayout, wrappedLines } from "../../../src/core/report/sheet-layout";
import { pageHeaderText } from "../../../src/core/report/stamp";
import { fitWidths, longestWords, placeHeader, scaleWidths } from "../../../src/core/report/table-grid";
import type { Report, ReportChart, ReportTable } from "../../../src/core/report/types";
import { displayNumber } from "../../../src/core/numbers";
import { correctWorkbook2024 } from "../../support/workbooks";

let report: Report;
const table = (id: ReportTable["id"]): ReportTable => report.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const chart = (id: ReportChart["id"]): ReportChart => report.charts.find((c) => c.id === id)!;

beforeAll(async () => {
  const model = await readWorkbookModel(await correctWorkbook2024());
  report = buildReport(model, { jabatan: reportJabatan(model)[0]! });
});

describe("header placement", () => {
  it("puts the cost-per-outcome header's second row under Kinerja and Anggaran", () => {
    const placed = placeHeader(table("cpo").header, 10);
    const at = (text: string) => placed.find((p) => p.text === text)!;
    expect(at("No")).toMatchObject({ row: 0, col: 0, rowSpan: 2, colSpan: 1 });
    expect(at("Kinerja")).toMatchObject({ row: 0, col: 3, colSpan: 3 });
    expect(at("Anggaran")).toMatchObject({ row: 0, col: 6, colSpan: 3 });
    expect(at("Efisiensi")).toMatchObject({ row: 0, col: 9, rowSpan: 2 });
    expect(placed.filter((p) => p.row === 1).map((p) => [p.col, p.text])).toEqual([
      [3, "Target"],
      [4, "Realisasi"],
      [5, "%"],
      [6, "Pagu (Rp)"],
      [7, "Realisasi (Rp)"],
      [8, "Capaian"],
    ]);
  });

  it("refuses spans that leave a column empty or spill over", () => {
    expect(() => placeHeader([[{ text: "A" }, { text: "B" }]], 3)).toThrow(/column 3 of 3 empty/);
    expect(() => placeHeader([[{ text: "A", colSpan: 4 }]], 3)).toThrow(/spills/);
    expect(() => placeHeader([[{ text: "A", rowSpan: 2 }, { text: "B" }], [{ text: "C" }, { text: "D" }]], 2)).toThrow(/spills|overlaps/);
  });
});

describe("column widths", () => {
  it("scales to an exact total", () => {
    const w = scaleWidths(table("cpo").widths, 13720);
    expect(w.reduce((s, x) => s + x, 0)).toBe(13720);
    expect(w[1]! / w[0]!).toBeCloseTo(34 / 6, 1);
  });

  it("never makes a column narrower than its longest word, and keeps the total", () => {
    const t = table("cpo");
    const longest = longestWords(t);
    // the pagu "7.229.814.333" is one word of 13 characters; "(10=6-9)" binds the last column
    expect(longest[6]).toBeGreaterThanOrEqual(13);
    expect(longest[9]).toBeGreaterThanOrEqual("(10=6-9)".length);
    const mins = longest.map((c) => c * 120);
    const fitted = fitWidths(t.widths, mins, 13720);
    expect(fitted.reduce((s, x) => s + x, 0)).toBe(13720);
    fitted.forEach((w, i) => expect(w).toBeGreaterThanOrEqual(mins[i]! - 1));
    // the room came from the wide text columns
    expect(fitted[1]!).toBeLessThan(scaleWidths(t.widths, 13720)[1]!);
  });
});

describe("number formats that show the cell's text", () => {
  it.each<[number, string, boolean, string]>([
    [0.52, "52,00%", true, "0.00%"],
    [1, "100%", true, "0%"],
    [-0.0117, "-1,17%", true, "0.00%"],
    [7229814333, "7.229.814.333", false, "#,##0"],
    [64, "64 Orang", false, '0" Orang"'],
    [100, "100%", false, '0"%"'],
    [12.5, "12,5 Dokumen", false, '0.0" Dokumen"'],
  ])("%s shown as %s", (value, text, fraction, format) => {
    expect(formatShowing(value, text, fraction)).toBe(format);
  });

  it("gives no format when none shows the text", () => {
    expect(formatShowing(0.52, "52%", false)).toBeNull();
    expect(formatShowing(3, "tiga", false)).toBeNull();
    expect(formatShowing(0.5, "50 %", true)).toBeNull();
  });

  it("shows every numeric cell of every table of the report as its text", () => {
    let checked = 0;
    for (const t of report.sections.flatMap((s) => s.tables)) {
      for (const cell of [...t.rows.flat(), ...(t.total ?? [])]) {
        if (typeof cell.value !== "number") continue;
        const format = displayFormat(cell)!;
        const literal = /"([^"]*)"/.exec(format)?.[1] ?? "";
        expect(displayNumber(cell.value, format) + literal).toBe(cell.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("chart SVG", () => {
  const parse = (svg: string) => new DOMParser().parseFromString(svg, "image/svg+xml").documentElement!;
  const all = (root: Element, name: string) => Array.from(root.getElementsByTagName(name));
  const texts = (root: Element) => all(root, "text").map((t) => t.textContent);

  it("draws one bar per capaian, as long as its value, and the 100% line where a 100% bar ends", () => {
    const c = chart("capaian");
    const root = parse(chartSvg(c).svg);
    const bars = all(root, "rect").filter((r) => r.getAttribute("fill") !== "#FFFFFF" && r.getElementsByTagName("title").length > 0);
    const values = c.series[0]!.values.filter((v): v is number => v !== null);
    expect(bars).toHaveLength(values.length);
    const width = (r: Element) => Number(r.getAttribute("width"));
    const x = (r: Element) => Number(r.getAttribute("x"));
    const full = bars[values.indexOf(1)]!;
    values.forEach((v, i) => expect(width(bars[i]!)).toBeCloseTo(width(full) * v, 0));
    const line = all(root, "line").find((l) => l.getAttribute("stroke") === REFERENCE_COLOR && l.getAttribute("y1") !== l.getAttribute("y2"))!;
    expect(Number(line.getAttribute("x1"))).toBeCloseTo(x(full) + width(full), 1);
    expect(texts(root)).toEqual(expect.arrayContaining(["Capaian kinerja Kasubbag Keuangan", "52,00%", "46,00%", "100,00%", "Target 100%", "0%", "100%"]));
  });

  it("writes money in Indonesian figures and the axis in miliar rupiah", () => {
    const root = parse(chartSvg(chart("anggaran")).svg);
    expect(texts(root)).toEqual(expect.arrayContaining(["7.089.003.733", "3.794.485.645", "Anggaran (miliar rupiah)", "Pagu", "Realisasi"]));
  });

  it("escapes names that are not XML", () => {
    const c: ReportChart = { ...chart("capaian"), title: "A & B <C>", categories: ['"x" & <y>', ...chart("capaian").categories.slice(1)] };
    const root = parse(chartSvg(c).svg);
    expect(texts(root)).toContain("A & B <C>");
  });

  it("wraps long labels into two lines at most and ends a cut one with …", () => {
    const lines = wrapText("Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan", 200, 11, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
    lines.forEach((l) => expect(textWidth(l, 11)).toBeLessThanOrEqual(200));
    expect(niceStep(7_089_003_733)).toBe(2e9);
    expect(niceStep(1.0)).toBe(0.2);
  });
});

describe("sheet layout", () => {
  it("lays the cost-per-outcome table out with merged two-row headers, the number row and repeated header rows", () => {
    const t = table("cpo");
    const layout = tableSheetLayout(report, t, "2.3 Cost per Outcome");
    expect(layout.printTitleRows).toEqual([3, 5]);
    expect(layout.merges).toEqual(expect.arrayContaining([{ row: 3, col: 3, rows: 1, cols: 3 }, { row: 3, col: 0, rows: 2, cols: 1 }]));
    const at = (row: number, col: number) => layout.cells.find((c) => c.row === row && c.col === col)!;
    expect(at(5, 9).value).toBe("(10=6-9)");
    expect(at(6, 6)).toMatchObject({ value: 7229814333, numberFormat: "#,##0" });
    expect(at(6, 5)).toMatchObject({ value: 0.52, numberFormat: "0.00%" });
    expect(layout.lastRow).toBe(5 + t.rows.length);
    expect(layout.orientation).toBe("landscape");
    expect(layout.pageHeader).toBe(pageHeaderText(report));
    expect(pageHeaderText(report)).toBe("Kecamatan Lumajang · LKj Kasubbag Keuangan · Triwulan II Tahun 2024");
    // the year's report is "Tahun 2024", not "Tahunan Tahun 2024"
    expect(pageHeaderText({ ...report, periodeLabel: "Tahunan" })).toBe("Kecamatan Lumajang · LKj Kasubbag Keuangan · Tahun 2024");
  });

  it("puts each chart's data beside it, the reference as a column of 100%", () => {
    const layout = chartSheetLayout(report, "Grafik");
    const [capaian] = layout.charts;
    expect(capaian!.categories.rows).toBe(chart("capaian").categories.length);
    const col = capaian!.reference!.values.col;
    const refs = layout.cells.filter((c) => c.col === col && c.row >= capaian!.categories.row && c.row < capaian!.categories.row + capaian!.categories.rows);
    expect(refs.map((c) => c.value)).toEqual(chart("capaian").categories.map(() => 1));
  });

  it("counts wrapped lines", () => {
    expect(wrappedLines("Jumlah Dokumen Perencanaan Perangkat Daerah", 20)).toBe(3);
    expect(wrappedLines("7.229.814.333", 16)).toBe(1);
  });
});
