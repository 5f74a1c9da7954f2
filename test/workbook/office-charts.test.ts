/**
 * The `chart` and `deleteCharts` operations in the Office.js adapter, against the fake Excel
 * (test/support/fake-excel.ts): the calls a chart becomes (charts.add, series, reference line, axis,
 * title, position), no sync of their own, regeneration without doubled charts, and undo.
 */
import { OfficeWorkbook, OfficeWorkbookError } from "../../src/workbook/office/office-workbook";
import type { SheetChart, WorkbookOp } from "../../src/workbook/port";
import { FakeExcel } from "../support/fake-excel";

const SHEET = "Lap Camat TW II";

const capaian = (title: string): SheetChart => ({
  kind: "bar",
  title,
  unit: "percent",
  categories: { row: 3, col: 0, rows: 3, cols: 1 },
  series: [
    { name: "Capaian", nameCell: { row: 2, col: 1 }, values: { row: 3, col: 1, rows: 3, cols: 1 } },
    { name: "Capaian TW lalu", nameCell: { row: 2, col: 2 }, values: { row: 3, col: 2, rows: 3, cols: 1 } },
  ],
  reference: { name: "Target 100%", nameCell: { row: 2, col: 3 }, values: { row: 3, col: 3, rows: 3, cols: 1 } },
  anchor: { row: 2, col: 5, rows: 18, cols: 8 },
});

const data = (sheet = SHEET): WorkbookOp => ({
  type: "write",
  sheet,
  row: 2,
  col: 0,
  cells: [
    ["Indikator", "Capaian", "Capaian TW lalu", "Target 100%"],
    ["IKM", 0.95, 0.9, 1],
    ["Dokumen tepat waktu", 1.2, 1, 1],
    ["Cakupan layanan", null, 0.8, 1],
  ],
});

function setup(fake = new FakeExcel()) {
  return { fake, port: new OfficeWorkbook({ run: fake.excelRun }) };
}

async function syncsOf(fake: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs.length;
  await f();
  return fake.syncs.length - before;
}

const col = (row: number, c: number, rows = 3) => ({ sheet: SHEET, rect: { row, col: c, rows, cols: 1 } });

test("a chart becomes clustered columns per series with the reference as a line, titled, percent axis, over its anchor — in the batch's own syncs", async () => {
  const withChart = setup();
  const plain = setup();
  const base: WorkbookOp[] = [{ type: "addSheet", sheet: SHEET }, data()];
  const n = await syncsOf(withChart.fake, () => withChart.port.apply([...base, { type: "chart", sheet: SHEET, chart: capaian("Capaian Kinerja TW II") }]));
  expect(n).toBe(await syncsOf(plain.fake, () => plain.port.apply(base)));

  const [chart, ...others] = withChart.fake.state.sheet(SHEET)!.charts;
  expect(others).toEqual([]);
  expect(chart).toMatchObject({
    type: "ColumnClustered",
    title: "Capaian Kinerja TW II",
    legendPosition: "Bottom",
    valueAxis: { numberFormat: "0%", minimum: 0 },
    position: { from: { sheet: SHEET, rect: { row: 2, col: 5, rows: 1, cols: 1 } }, to: { sheet: SHEET, rect: { row: 19, col: 12, rows: 1, cols: 1 } } },
  });
  expect(chart!.series).toEqual([
    { name: "Capaian", chartType: "ColumnClustered", values: col(3, 1), xValues: col(3, 0), hasDataLabels: true },
    { name: "Capaian TW lalu", chartType: "ColumnClustered", values: col(3, 2), xValues: col(3, 0), hasDataLabels: true },
    { name: "Target 100%", chartType: "Line", values: col(3, 3), xValues: col(3, 0), hasDataLabels: false },
  ]);
});

test("regenerating a sheet: deleteCharts drops its old charts in the same syncs, so a chart is never doubled", async () => {
  const { fake, port } = setup();
  await port.apply([{ type: "addSheet", sheet: SHEET }, data(), { type: "chart", sheet: SHEET, chart: capaian("Lama") }, { type: "chart", sheet: SHEET, chart: capaian("Lama 2") }]);
  expect(fake.state.sheet(SHEET)!.charts).toHaveLength(2);

  const plain = setup();
  await plain.port.apply([{ type: "addSheet", sheet: SHEET }]);
  const expected = await syncsOf(plain.fake, () => plain.port.apply([data()]));
  const n = await syncsOf(fake, () => port.apply([{ type: "deleteCharts", sheet: SHEET }, data(), { type: "chart", sheet: SHEET, chart: capaian("Baru") }]));
  expect(n).toBe(expected);
  expect(fake.state.sheet(SHEET)!.charts.map((c) => c.title)).toEqual(["Baru"]);
});

test("deleteCharts after a chart drawn earlier in the same batch removes that one too", async () => {
  const { fake, port } = setup();
  await port.apply([{ type: "addSheet", sheet: SHEET }, data(), { type: "chart", sheet: SHEET, chart: capaian("Sementara") }, { type: "deleteCharts", sheet: SHEET }]);
  expect(fake.state.sheet(SHEET)!.charts).toEqual([]);
});

test("a batch that fails after drawing a chart on an existing sheet takes the chart away again; the sheet's own charts stay", async () => {
  const fake = new FakeExcel();
  const port = new OfficeWorkbook({ run: fake.excelRun, maxBatchRows: 1 });
  await port.apply([{ type: "addSheet", sheet: SHEET }, data(), { type: "chart", sheet: SHEET, chart: capaian("Milik lembar") }]);
  // sync 1 inspects, sync 2 carries the chart and the first row, sync 3 fails
  fake.failSync({ at: 3, afterCommands: 0 });
  const error = await port.apply([{ type: "chart", sheet: SHEET, chart: capaian("Gagal") }, data()]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(OfficeWorkbookError);
  expect((error as OfficeWorkbookError).restored).toBe(true);
  expect(fake.state.sheet(SHEET)!.charts.map((c) => c.title)).toEqual(["Milik lembar"]);
});

test("a chart or deleteCharts on a missing sheet is refused before anything is written", async () => {
  const { fake, port } = setup();
  await expect(port.apply([{ type: "deleteCharts", sheet: "Hilang" }])).rejects.toThrow('Lembar "Hilang" tidak ada.');
  await expect(port.apply([{ type: "chart", sheet: "Hilang", chart: capaian("x") }])).rejects.toThrow('Lembar "Hilang" tidak ada.');
  expect(fake.state.sheets.flatMap((s) => s.charts)).toEqual([]);
});
