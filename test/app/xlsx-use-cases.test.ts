/** The xlsx adapter renders the same cells as the memory adapter for the use-cases. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importLra } from "../../src/app/import-sipd";
import { scaffold } from "../../src/app/scaffold";
import { parseLra, type LraParseSuccess } from "../../src/core/sipd";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

const LRA = parseLra(readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8")) as LraParseSuccess;

async function cellsOf(port: WorkbookPort) {
  const sheets = await port.sheets();
  const blocks = await port.read(sheets.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) })));
  return Object.fromEntries(sheets.map((s, i) => [s.name, (blocks[i] ?? []).map((row) => row.map((c) => [c.formula ?? (c.value === "" ? null : c.value), c.numberFormat]))]));
}

it.each([
  ["ExcelJS cells", {}],
  ["bulk stores for every sheet", { bulkCells: 0, bulkLoadBytes: 0 }],
] as const)("scaffold + SIPD import give the same cells, formulas and number formats in .xlsx (after save and reopen) as in memory, with %s", async (_label, options) => {
  const memory = new MemoryWorkbook();
  const xlsx = XlsxWorkbook.create(options);
  for (const wb of [memory, xlsx] as WorkbookPort[]) {
    expect((await scaffold(wb, { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II" })).ok).toBe(true);
    expect((await importLra(wb, LRA)).ok).toBe(true);
  }
  const reopened = await XlsxWorkbook.fromBuffer(await xlsx.toBuffer(), options);
  expect(await cellsOf(reopened)).toEqual(await cellsOf(memory));
  expect(await reopened.names()).toEqual(expect.arrayContaining(await memory.names()));
  // a second import into the reopened file updates in place, as in memory
  expect((await importLra(reopened, LRA)).ok).toBe(true);
  expect((await importLra(memory, LRA)).ok).toBe(true);
  expect(await cellsOf(await XlsxWorkbook.fromBuffer(await reopened.toBuffer(), options))).toEqual(await cellsOf(memory));
});
