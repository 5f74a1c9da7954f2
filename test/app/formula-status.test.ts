/**
 * A computed cell's formula against its column's standard one: the same text is "standard" whatever
 * row it is on, and a single character changed anywhere in it (same length, so only the comparison
 * of its pieces can tell) is "edited". The structure sums are the longest formulas of the workbook;
 * Capaian's realisasi has the most pieces.
 */
import fc from "fast-check";
import { readWorkbookModel } from "../../src/app/read-model";
import { scaffold } from "../../src/app/scaffold";
import { CAPAIAN, COST_PER_OUTCOME, PERJANJIAN_KINERJA, TABLE_ROWS, colIndex } from "../../src/core/layouts";
import { WorkbookModel } from "../../src/core/model/workbook-model";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";

const F = TABLE_ROWS.firstData;

async function scaffolded(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const r = await scaffold(wb, { unitKerja: "Kecamatan Contoh", tahun: 2024, periode: "TW II" });
  if (!r.ok) throw new Error("scaffold failed");
  return wb;
}

describe("formula status", () => {
  const columns = [
    [PERJANJIAN_KINERJA, "anggaran"],
    [COST_PER_OUTCOME, "pagu"],
    [COST_PER_OUTCOME, "realisasiAnggaran"],
    // 49 pieces, many shorter than a slice view (compared character by character)
    [CAPAIAN, "realisasi"],
    [CAPAIAN, "predikat"],
  ] as const;

  it("is standard for the scaffold's formulas on every row, edited when one character of them changes", async () => {
    const wb = await scaffolded();
    const model = await readWorkbookModel(wb);
    for (const [layout, key] of columns) {
      for (const row of [F, F + 9, F + 99]) expect(model.status(layout.id, row, key as never)).toBe("standard");
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...columns), fc.nat(), fc.constantFrom("#", "%", "7", "~"), async ([layout, key], at, ch) => {
        const col = colIndex(layout, key as never);
        const [block] = await wb.read([{ sheet: layout.sheet, row: F + 42, col, rows: 1, cols: 1 }]);
        const f = block![0]![0]!.formula!;
        expect(f.length).toBeGreaterThan(20);
        const i = 1 + (at % (f.length - 1));
        if (f[i] === ch) return;
        const edited = `${f.slice(0, i)}${ch}${f.slice(i + 1)}`;
        const copy = await scaffolded();
        await copy.apply([{ type: "write", sheet: layout.sheet, row: F + 42, col, cells: [[{ formula: edited }]] }]);
        const m = await readWorkbookModel(copy);
        expect(m.status(layout.id, F + 42, key as never)).toBe("edited");
      }),
      { numRuns: 80 },
    );
  });

  it("reads another row's formula as edited: the row numbers are compared too (same length, or one digit more)", async () => {
    const sheets = (await readWorkbookModel(await scaffolded())).sheets;
    for (const [layout, key] of columns) {
      const col = colIndex(layout, key as never);
      const data = sheets.find((s) => s.name === layout.sheet)!;
      for (const [row, from] of [[F + 42, F + 43], [F + 42, F + 52], [F + 98, F + 99], [F + 3, F + 2]] as const) {
        const cells = [...data.cells!];
        cells[row] = [...cells[row]!];
        cells[row]![col] = { ...data.cells![row]![col]!, formula: data.cells![from]![col]!.formula };
        const model = new WorkbookModel(sheets.map((s) => (s === data ? { ...s, cells } : s)));
        expect([layout.sheet, key, row, model.status(layout.id, row, key as never)]).toEqual([layout.sheet, key, row, "edited"]);
        expect(model.status(layout.id, from, key as never)).toBe("standard");
      }
    }
  });

  it("reads a change of any one character as edited, at every position of every standard formula of these columns", async () => {
    const sheets = (await readWorkbookModel(await scaffolded())).sheets;
    const row = F + 42;
    for (const [layout, key] of columns) {
      const col = colIndex(layout, key as never);
      const data = sheets.find((s) => s.name === layout.sheet)!;
      const original = data.cells![row]![col]!;
      const f = original.formula!;
      for (let i = 1; i < f.length; i++) {
        const ch = f[i] === "~" ? "#" : "~";
        const cells = [...data.cells!];
        cells[row] = [...cells[row]!];
        cells[row]![col] = { ...original, formula: `${f.slice(0, i)}${ch}${f.slice(i + 1)}` };
        const model = new WorkbookModel(sheets.map((s) => (s === data ? { ...s, cells } : s)));
        if (model.status(layout.id, row, key as never) !== "edited") throw new Error(`${layout.sheet} ${key}: a change at ${i} of ${f.length} reads as ${model.status(layout.id, row, key as never)}`);
      }
    }
  });
});
