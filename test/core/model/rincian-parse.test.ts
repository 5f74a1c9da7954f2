/**
 * Periksa reads the Rincian SIPD sheet with the parser, the nine fields taken from the sheet's own
 * columns where they stand. That reading must be the one of the sheet's rows turned into an LRA paste
 * (header lines from the title, then each row's nine fields) and read as text: checked on the real
 * export imported, and on that sheet edited anywhere — any column, any value, holes, short rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { importLra } from "../../../src/app/import-sipd";
import { readWorkbookModel } from "../../../src/app/read-model";
import { RINCIAN_COLUMNS, RINCIAN_ROWS } from "../../../src/core/layouts/rincian";
import { RincianModel } from "../../../src/core/model/rincian";
import type { ExistingSheet } from "../../../src/core/layouts/plan";
import { parseLra, type LraParseSuccess } from "../../../src/core/sipd";
import { cellsToLraText } from "../../../src/core/sipd/cells-text";
import type { CellSnapshot, CellValue } from "../../../src/core/workbook-ops";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";
import { plainLra } from "../../support/plain-lra";

const TSV = readFileSync(join(__dirname, "../../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");
const FIELDS = ["kode", "uraian", "anggaranSebelum", "anggaranSetelah", "realisasiBulanLalu", "realisasiBulanIni", "realisasiSd", "persen", "sisa"].map((k) => RINCIAN_COLUMNS.findIndex((c) => c.key === k));

/** The sheet as an LRA paste, a row of nine fields per sheet row, read as text: the reference reading. */
function asPastedText(sheet: ExistingSheet, meta: RincianModel["meta"]): unknown {
  const text = (value: string): CellSnapshot[] => [{ value, formula: null, numberFormat: "@" }];
  const grid: (CellSnapshot | undefined)[][] = [
    text(`TAHUN ANGGARAN ${meta.tahun ?? ""} BAGIAN BULAN ${meta.bulan?.name ?? ""}`),
    meta.organisasi ? text(`ORGANISASI : ${meta.organisasi}`) : [],
    text("KODE REKENING"),
  ];
  for (let r = RINCIAN_ROWS.firstData; r < sheet.cells.length; r++) {
    const row = sheet.cells[r] ?? [];
    grid.push(FIELDS.map((c) => row[c]));
  }
  return plainLra(parseLra(cellsToLraText(grid)));
}

describe("Rincian SIPD read by Periksa", () => {
  let sheet: ExistingSheet;
  beforeAll(async () => {
    const wb = new MemoryWorkbook();
    const r = await importLra(wb, parseLra(TSV) as LraParseSuccess);
    if (!r.ok) throw new Error(r.message);
    const data = (await readWorkbookModel(wb)).sheets.find((s) => s.name === RincianModel.SHEET)!;
    sheet = { name: data.name, usedRows: data.usedRows, cells: data.cells! };
  });

  it("reads the imported export as its rows read as text do: every row, field and finding", () => {
    const model = new RincianModel(sheet);
    const parsed = model.parse();
    expect(parsed.ok && parsed.rows.length).toBe(241);
    expect(plainLra(parsed)).toEqual(asPastedText(sheet, model.meta));
  });

  it("reads the sheet edited anywhere as its rows read as text do", () => {
    const value: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.constant(""),
      fc.integer({ min: -2e9, max: 2e9 }),
      fc.constantFrom(0, 0.5, 53.17, 100, 1592.4, 1e15, 2 ** 53),
      fc.constantFrom("x", "7 01 7 01 00 00 00 5", "7 01 7 01 00 01 2.01.0001 5 1", "**tebal**", "a\tb", "1.000,00", "Jumlah Belanja"),
      fc.boolean(),
    );
    const edit = fc.record({
      row: fc.integer({ min: 0, max: sheet.cells.length + 2 }),
      col: fc.integer({ min: 0, max: RINCIAN_COLUMNS.length }),
      value,
      percent: fc.boolean(),
      shape: fc.constantFrom("cell", "cell", "cell", "hole", "cut", "drop"),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const cells: (CellSnapshot | undefined)[][] = sheet.cells.map((r) => [...r]);
        for (const e of edits) {
          while (cells.length <= e.row) cells.push([]);
          const row = cells[e.row]!;
          if (e.shape === "drop") cells[e.row] = [];
          else if (e.shape === "cut") row.length = Math.min(row.length, e.col);
          else row[e.col] = e.shape === "hole" ? undefined : { value: e.value, formula: null, numberFormat: e.percent ? "0.00%" : "General" };
        }
        const edited: ExistingSheet = { ...sheet, cells: cells as CellSnapshot[][] };
        const model = new RincianModel(edited);
        expect(plainLra(model.parse())).toEqual(asPastedText(edited, model.meta));
      }),
      { numRuns: 150 },
    );
  });
});
