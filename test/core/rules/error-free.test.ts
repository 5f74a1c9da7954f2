/**
 * A computed column declared error-free (its twin gives no error value unless the row's ID is one) is
 * computed by Periksa's error-value check (R-XL-05) only in rows whose ID is an error. The declaration
 * is held to the twins here: on the seed workbook with random inputs typed over it — error values,
 * text, numbers, blanks, in the keys and the inputs the twins read — a twin of such a column gives an
 * error only in a row whose ID holds one, and then that error.
 */
import fc from "fast-check";
import { readWorkbookModel } from "../../../src/app/read-model";
import type { TableSheetId } from "../../../src/core/layouts";
import { WorkbookModel, type SheetData } from "../../../src/core/model/workbook-model";
import type { CellSnapshot } from "../../../src/core/workbook-ops";
import { isXlError, XL_ERRORS } from "../../../src/core/xl";
import { seedWorkbook } from "../../support/fixture-workbook";

const TABLE_SHEET_IDS: readonly TableSheetId[] = ["pk", "capaian", "cpo", "realisasi"];

const typed = fc.oneof(
  fc.constantFrom(...XL_ERRORS),
  fc.constantFrom("", " ", "IK-001", "IK-002", "abc", "12 Dokumen", "100%", "7.01.01", "SEMUA"),
  fc.constantFrom(0, -1, 1, 0.5, 12, 1e9),
  fc.boolean(),
  fc.constant(null),
);

function errorFreeColumns(model: WorkbookModel): { id: TableSheetId; col: number; key: string }[] {
  return TABLE_SHEET_IDS.flatMap((id) => {
    const t = model.table(id);
    return t.layout.columns.flatMap((c, col) => (t.computedAt[col]?.errorFree ? [{ id, col, key: c.key }] : []));
  });
}

describe("error-free computed columns", () => {
  let base: readonly SheetData[];
  beforeAll(async () => {
    const { wb } = await seedWorkbook("000", "correct");
    base = (await readWorkbookModel(wb)).sheets;
  });

  it("are the mirrored columns of Capaian and Cost per Outcome", () => {
    const cols = errorFreeColumns(new WorkbookModel(base)).map((c) => `${c.id}.${c.key}`);
    expect(cols).toEqual(expect.arrayContaining(["capaian.jabatan", "capaian.metode", "capaian.target", "cpo.kode", "cpo.realisasi", "cpo.induk"]));
    // computed from the inputs, not mirrored: these can show #DIV/0! or #VALUE!
    for (const c of ["capaian.capaian", "capaian.realisasi", "cpo.penyerapan", "cpo.efisiensi", "realisasi.persen"]) expect(cols).not.toContain(c);
  });

  it("give an error value only where the row's ID is one, whatever the other cells they read hold", () => {
    const edit = fc.record({
      id: fc.constantFrom(...TABLE_SHEET_IDS),
      row: fc.integer({ min: 0, max: 40 }),
      col: fc.integer({ min: 0, max: 20 }),
      value: typed,
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 60 }), (edits) => {
        const sheets = base.map((s) => ({ ...s, cells: s.cells?.map((r) => [...r]) }));
        const probe = new WorkbookModel(sheets);
        for (const e of edits) {
          const t = probe.table(e.id);
          const spec = t.layout.columns[e.col];
          // inputs and keys are what a user types; the computed cells keep their formulas
          if (!spec || spec.role === "computed") continue;
          const cells = sheets.find((s) => s.name === t.sheet)!.cells!;
          const r = t.firstRow + e.row;
          while (cells.length <= r) cells.push([]);
          const snap: CellSnapshot = { value: e.value, formula: null, numberFormat: "General" };
          cells[r]![e.col] = snap;
        }
        const model = new WorkbookModel(sheets);
        for (const { id, col } of errorFreeColumns(model)) {
          const t = model.table(id);
          for (let r = t.firstRow; r < t.endRow; r++) {
            // an error value only where the row's ID is one, and then that one (IF(id="",…) shows it)
            const key = model.value(id, r, "id" as never);
            const twin = model.twinAt(id, r, col);
            expect([r, twin]).toEqual([r, isXlError(key) ? key : expect.not.objectContaining({ error: expect.anything() })]);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("would be caught: the same inputs give an error in a column that is not error-free", () => {
    const sheets = base.map((s) => ({ ...s, cells: s.cells?.map((r) => [...r]) }));
    const model0 = new WorkbookModel(sheets);
    const pk = model0.table("pk");
    const cap = model0.table("capaian");
    const row = cap.firstRow;
    const pkRow = pk.rowOfId(cap.idOf(row))!;
    sheets.find((s) => s.name === pk.sheet)!.cells![pkRow]![pk.col("targetAwal")] = { value: "abc", formula: null, numberFormat: "General" };
    const model = new WorkbookModel(sheets);
    expect(isXlError(model.twinAt("capaian", row, model.table("capaian").col("capaian")))).toBe(true);
  });
});
