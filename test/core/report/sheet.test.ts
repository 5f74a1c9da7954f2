import { readWorkbookModel } from "../../../src/app/read-model";
import { buildReport } from "../../../src/core/report/build";
import { editedCells, layoutReportSheet, markedFingerprint, reportSheetName } from "../../../src/core/report/sheet";
import { MemoryWorkbook } from "../../../src/workbook/memory/memory-workbook";
import { correctWorkbook2024 } from "../../support/workbooks";

describe("a report laid out as a Laporan sheet", () => {
  it("names the sheet within Excel's 31 characters, one per jabatan and period", () => {
    expect(reportSheetName("Kasubbag Keuangan", "TW II")).toBe("Lap Kasubbag Keuangan TWII");
    expect(reportSheetName("Kasubbag Umum dan Kepegawaian", "Tahunan")).toBe("Lap Kasubbag Umum & Kepegaw Thn");
    expect(reportSheetName("Kasubbag Umum dan Kepegawaian", "Tahunan").length).toBeLessThanOrEqual(31);
    expect(reportSheetName("Sekretaris Kecamatan", "TW IV")).toBe("Lap Sekretaris Kec TWIV");
  });

  it("writes every table with merged headers and a fingerprint that detects a changed cell", async () => {
    const model = await readWorkbookModel(await correctWorkbook2024());
    const report = buildReport(model, { jabatan: "Kasubbag Keuangan" });
    const sheet = reportSheetName(report.jabatan, report.periode);
    const laid = layoutReportSheet(report, sheet, new Date(2026, 11, 2));
    const wb = new MemoryWorkbook();
    await wb.apply([{ type: "addSheet", sheet }, ...laid.ops]);
    const [cells] = await wb.read([{ sheet, row: 0, col: 0, rows: laid.rows, cols: laid.cols }]);
    expect(markedFingerprint(cells![0]![0]!.value)).toMatch(/^[0-9A-Z]{7}$/);
    expect(editedCells(cells!)).toEqual({ marked: true, edited: false });
    // the Tabel 2.3 title and the sasaran's pagu as a number under a money format
    const flat = cells!.flat();
    expect(flat.some((c) => c.value === "Tabel 2.3 Cost per outcome Kasubbag Keuangan Tahun 2024 - Triwulan II")).toBe(true);
    const pagu = flat.find((c) => c.value === 7229814333)!;
    expect(pagu.numberFormat).toBe("#,##0");
    expect(wb.sheet(sheet)!.merges.length).toBeGreaterThan(5);
    // a user's change anywhere in the sheet changes the fingerprint
    const target = cells!.findIndex((row) => row.some((c) => c.value === 7229814333));
    const col = cells![target]!.findIndex((c) => c.value === 7229814333);
    await wb.apply([{ type: "write", sheet, row: target, col, cells: [[7221714333]] }]);
    const [after] = await wb.read([{ sheet, row: 0, col: 0, rows: laid.rows, cols: laid.cols }]);
    expect(editedCells(after!)).toEqual({ marked: true, edited: true });
    // a sheet the product did not write is not its to judge
    expect(editedCells([[{ value: "Catatan saya", formula: null, numberFormat: "General" }]])).toEqual({ marked: false, edited: false });
  });
});
