import { JOURNAL_HEADERS, JOURNAL_SHEET, journalOps, journalSheet, journalTime } from "../../src/app/journal";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";

const at = new Date(2026, 11, 2, 9, 5, 7);

describe("the journal of confirmed decisions", () => {
  it("creates the sheet with its header on the first entry and appends below it after", async () => {
    const wb = new MemoryWorkbook();
    await wb.apply(journalOps(journalSheet(await wb.sheets()), { at, action: "Impor SIPD (dipaksa)", detail: "LRA Juni 2024", confirmed: ["SKPD berbeda", "2 galat"] }));
    await wb.apply(journalOps(journalSheet(await wb.sheets()), { at, action: "Ekspor laporan", detail: "TW II 2024", confirmed: ["R-EFF-03 Cost per Outcome!M7"] }));
    const [info] = (await wb.sheets()).filter((s) => s.name === JOURNAL_SHEET);
    expect(info).toMatchObject({ usedRows: 5, usedCols: 4 });
    const [rows] = await wb.read([{ sheet: JOURNAL_SHEET, row: 2, col: 0, rows: 3, cols: 4 }]);
    expect(rows!.map((r) => r.map((c) => c.value))).toEqual([
      [...JOURNAL_HEADERS],
      ["2026-12-02 09:05:07", "Impor SIPD (dipaksa)", "LRA Juni 2024", "SKPD berbeda\n2 galat"],
      ["2026-12-02 09:05:07", "Ekspor laporan", "TW II 2024", "R-EFF-03 Cost per Outcome!M7"],
    ]);
    expect(rows![1]![0]!.numberFormat).toBe("@");
  });

  it("keeps a long confirmation inside Excel's cell limit and says how many were cut", () => {
    const many = Array.from({ length: 2000 }, (_, i) => `R-CAP-01 Capaian!M${i + 7}: capaian tertulis tidak sama dengan realisasi ÷ target`);
    const ops = journalOps(undefined, { at, action: "Ekspor laporan", detail: "", confirmed: many });
    const write = ops.filter((o) => o.type === "write").pop()!;
    const text = (write as { cells: readonly (readonly unknown[])[] }).cells[0]![3] as string;
    expect(text.length).toBeLessThanOrEqual(32_767);
    expect(text).toMatch(/\n… dan \d+ lagi$/);
    const kept = text.split("\n").length - 1;
    expect(text.endsWith(`… dan ${2000 - kept} lagi`)).toBe(true);
  });

  it("writes the time as local, zero-padded and sortable", () => {
    expect(journalTime(new Date(2024, 0, 5, 7, 8, 9))).toBe("2024-01-05 07:08:09");
  });
});
