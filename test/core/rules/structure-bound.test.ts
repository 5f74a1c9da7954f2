/**
 * A sasaran's pagu (a PK row without kode, summed by Induk) reads Realisasi Anggaran only to row
 * ARRAY_LAST_ROW, to keep recalculation fast. When a child's budget row lies below it, the sasaran's
 * sum falls short of its children's; Periksa's R-SUM-01 says so, and says why.
 */
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage } from "../../../src/core/findings";
import { ARRAY_LAST_ROW, COST_PER_OUTCOME, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, colIndex, type TableLayout } from "../../../src/core/layouts";
import { validateModel } from "../../../src/core/rules";
import type { CellContent, WorkbookOp } from "../../../src/workbook/port";
import { correctWorkbook2024, F } from "../../support/workbooks";

const put = <K extends string>(layout: TableLayout<K>, row: number, key: NoInfer<K>, v: CellContent): WorkbookOp => ({ type: "write", sheet: layout.sheet, row, col: colIndex(layout, key), cells: [[v]] });

/** A sasaran without kode (IK-S01) with two sub kegiatan under it: one imported, one typed at Realisasi Anggaran row `budgetRow` (0-based). */
function sasaranWithChildren(budgetRow: number): WorkbookOp[] {
  const pk = (row: number, v: Partial<Record<string, CellContent>>): WorkbookOp[] => [
    ...Object.entries(v).map(([k, x]) => put(PERJANJIAN_KINERJA, row, k as never, x ?? null)),
    put(COST_PER_OUTCOME, row, "id" as never, v.id ?? null),
  ];
  const common = { jabatan: "Kasubbag Keuangan", satuan: "Dokumen", polaritas: "positif", metode: "terakhir", targetAwal: 1 };
  return [
    ...pk(F + 9, { ...common, id: "IK-S01", level: "Sasaran Kegiatan", sasaran: "Tertib administrasi", indikator: "Jumlah dokumen tertib" }),
    ...pk(F + 10, { ...common, id: "IK-S02", level: "Sub Kegiatan", kode: "7.01.01.2.01.0001", induk: "IK-S01", sasaran: "Penyusunan dokumen", indikator: "Jumlah dokumen perencanaan" }),
    ...pk(F + 11, { ...common, id: "IK-S03", level: "Sub Kegiatan", kode: "7.01.01.2.01.0099", induk: "IK-S01", sasaran: "Dokumen tambahan", indikator: "Jumlah dokumen tambahan" }),
    put(REALISASI_ANGGARAN, budgetRow, "level", "Sub Kegiatan"),
    put(REALISASI_ANGGARAN, budgetRow, "kode", "7.01.01.2.01.0099"),
    put(REALISASI_ANGGARAN, budgetRow, "setelah", 5_000_000),
  ];
}

async function sumChildren(budgetRow: number): Promise<string[]> {
  const wb = await correctWorkbook2024();
  await wb.apply(sasaranWithChildren(budgetRow));
  const findings = validateModel(await readWorkbookModel(wb));
  return findings.filter((f) => f.code === "sum-children" && f.at.kind === "cell" && f.at.row === F + 9).map(findingMessage);
}

describe("a sasaran's sum and the rows Realisasi Anggaran has below its bound", () => {
  it("says the sum stops at the bound when a child's budget row lies below it", async () => {
    const messages = await sumChildren(ARRAY_LAST_ROW.realisasi + 49);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m).toContain(`hanya membaca Realisasi Anggaran sampai baris ${ARRAY_LAST_ROW.realisasi}, sedangkan lembar itu berisi kode sampai baris ${ARRAY_LAST_ROW.realisasi + 50}`);
    }
  });

  it("says nothing of a bound when every budget row is within it", async () => {
    // the same child's row within the bound: the sasaran sums both children, nothing to report
    expect(await sumChildren(F + 60)).toEqual([]);
  });
});
