/**
 * Charts in the memory workbook: kept per sheet in the order drawn, dropped by deleteCharts, part of
 * the all-or-nothing batch, and carried by the no-Excel mode's .xlsx download as native chart parts.
 */
import JSZip from "jszip";
import { exportXlsx } from "../../src/app/export-xlsx";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { WorkbookRuleError, type SheetChart, type WorkbookOp } from "../../src/workbook/port";

const SHEET = "Lap Camat TW II";

const anggaran = (title: string): SheetChart => ({
  kind: "bar",
  title,
  unit: "money",
  categories: { row: 1, col: 0, rows: 2, cols: 1 },
  series: [
    { name: "Pagu", nameCell: { row: 0, col: 1 }, values: { row: 1, col: 1, rows: 2, cols: 1 } },
    { name: "Realisasi", nameCell: { row: 0, col: 2 }, values: { row: 1, col: 2, rows: 2, cols: 1 } },
  ],
  anchor: { row: 0, col: 4, rows: 16, cols: 8 },
});

const base: WorkbookOp[] = [
  { type: "addSheet", sheet: SHEET },
  { type: "write", sheet: SHEET, row: 0, col: 0, cells: [["Program", "Pagu", "Realisasi"], ["Program Penunjang", 1_500_000_000, 1_200_000_000], ["Program Pemerintahan", 300_000_000, 290_000_000]] },
];

test("charts are kept per sheet in order; deleteCharts empties the sheet's list", async () => {
  const wb = new MemoryWorkbook();
  await wb.apply([...base, { type: "chart", sheet: SHEET, chart: anggaran("A") }, { type: "chart", sheet: SHEET, chart: anggaran("B") }]);
  expect(wb.sheet(SHEET)!.charts.map((c) => c.title)).toEqual(["A", "B"]);
  await wb.apply([{ type: "deleteCharts", sheet: SHEET }, { type: "chart", sheet: SHEET, chart: anggaran("C") }]);
  expect(wb.sheet(SHEET)!.charts.map((c) => c.title)).toEqual(["C"]);
});

test("a refused batch leaves the charts as they were", async () => {
  const wb = new MemoryWorkbook();
  await wb.apply([...base, { type: "chart", sheet: SHEET, chart: anggaran("A") }]);
  const shorter = { ...anggaran("X"), categories: { row: 1, col: 0, rows: 1, cols: 1 } };
  await expect(wb.apply([{ type: "deleteCharts", sheet: SHEET }, { type: "chart", sheet: SHEET, chart: shorter }])).rejects.toThrow(WorkbookRuleError);
  expect(wb.sheet(SHEET)!.charts.map((c) => c.title)).toEqual(["A"]);
});

test("the .xlsx download writes each chart as a native chart on the cells it reads", async () => {
  const wb = new MemoryWorkbook();
  await wb.apply([...base, { type: "chart", sheet: SHEET, chart: anggaran("Pagu dan Realisasi per Program") }]);
  expect(wb.snapshotOps().filter((op) => op.type === "chart")).toHaveLength(1);
  const zip = await JSZip.loadAsync(await exportXlsx(wb));
  const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
  expect(chart).toContain("Pagu dan Realisasi per Program");
  expect(chart).toContain(`<c:f>'${SHEET}'!$B$2:$B$3</c:f>`);
  expect(chart).toContain(`<c:f>'${SHEET}'!$C$2:$C$3</c:f>`);
  expect(chart).toContain("<c:v>1500000000</c:v>");
  // money in miliar on the axis; no reference line
  expect(chart).toContain('formatCode="#,##0.0,,,"');
  expect(chart).not.toContain("lineChart");
});
