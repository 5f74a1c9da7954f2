/**
 * The behaviour every WorkbookPort adapter must share, run against each adapter
 * (memory here; xlsx and office in their own test files through `describeWorkbookContract`).
 */
import { WorkbookRuleError, type WorkbookOp, type WorkbookPort } from "../../src/workbook/port";

export interface ContractSubject {
  port: WorkbookPort;
  /** Saves and reopens (xlsx) or returns the same port; what was written must survive it. */
  reopen: () => Promise<WorkbookPort>;
  /**
   * Whether the adapter has a user's selection to report. Those that have none (a file) answer
   * selectedRange() with null every time, whatever select() did.
   */
  tracksSelection: boolean;
}

export function describeWorkbookContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`${name} workbook (port contract)`, () => {
    let subject: ContractSubject;
    beforeEach(async () => {
      subject = await make();
    });

    const base: WorkbookOp[] = [
      { type: "addSheet", sheet: "Realisasi Anggaran" },
      {
        type: "format",
        range: { sheet: "Realisasi Anggaran", row: 1, col: 0, rows: 3, cols: 1 },
        numberFormat: "@",
      },
      {
        type: "write",
        sheet: "Realisasi Anggaran",
        row: 0,
        col: 0,
        cells: [
          ["Kode", "Uraian", "Pagu", "Realisasi", "%"],
          ["7.01.01", "PROGRAM PENUNJANG", 7089003733, 3794485645, { formula: "=IF(C2=0,\"\",D2/C2)" }],
          ["7.01.01.2.01.0001", "=SUM(1,2)", 2750000, 2750000, { formula: "=IF(C3=0,\"\",D3/C3)" }],
          ["-", "+62 812", null, true, "@kasubbag"],
        ],
      },
      { type: "format", range: { sheet: "Realisasi Anggaran", row: 1, col: 2, rows: 2, cols: 2 }, numberFormat: "#,##0" },
      { type: "format", range: { sheet: "Realisasi Anggaran", row: 1, col: 4, rows: 2, cols: 1 }, numberFormat: "0.00%", style: { bold: true } },
    ];

    it("writes values, text and formulas and reads them back after reopening", async () => {
      await subject.port.apply(base);
      const port = await subject.reopen();
      const [cells] = await port.read([{ sheet: "Realisasi Anggaran", row: 0, col: 0, rows: 4, cols: 5 }]);
      expect(cells![0]!.map((c) => c.value)).toEqual(["Kode", "Uraian", "Pagu", "Realisasi", "%"]);
      expect(cells![1]![0]).toMatchObject({ value: "7.01.01", formula: null, numberFormat: "@" });
      expect(cells![1]![2]).toMatchObject({ value: 7089003733, numberFormat: "#,##0" });
      expect(cells![1]![4]).toMatchObject({ formula: '=IF(C2=0,"",D2/C2)', numberFormat: "0.00%" });
      expect(cells![3]![3]!.value).toBe(true);
    });

    it("never turns pasted text into a formula or a number", async () => {
      await subject.port.apply(base);
      const port = await subject.reopen();
      const [cells] = await port.read([{ sheet: "Realisasi Anggaran", row: 2, col: 0, rows: 2, cols: 5 }]);
      expect(cells![0]![0]).toMatchObject({ value: "7.01.01.2.01.0001", formula: null });
      expect(cells![0]![1]).toMatchObject({ value: "=SUM(1,2)", formula: null });
      expect(cells![1]!.map((c) => [c.value, c.formula])).toEqual([
        ["-", null],
        ["+62 812", null],
        [null, null],
        [true, null],
        ["@kasubbag", null],
      ]);
    });

    it("lists sheets with their used extent", async () => {
      await subject.port.apply(base);
      const info = (await (await subject.reopen()).sheets()).find((s) => s.name === "Realisasi Anggaran");
      expect(info).toEqual({ name: "Realisasi Anggaran", usedRows: 4, usedCols: 5 });
    });

    it("reads missing sheets and empty cells as empty", async () => {
      const [cells] = await subject.port.read([{ sheet: "Tidak Ada", row: 0, col: 0, rows: 1, cols: 2 }]);
      expect(cells!.map((r) => r.map((c) => [c.value, c.formula]))).toEqual([
        [
          [null, null],
          [null, null],
        ],
      ]);
    });

    it("keeps defined names", async () => {
      await subject.port.apply([...base, { type: "defineName", name: "SAKIP_TAHUN", formula: "='Realisasi Anggaran'!$C$2" }]);
      const names = await (await subject.reopen()).names();
      expect(names).toContainEqual({ name: "SAKIP_TAHUN", formula: "='Realisasi Anggaran'!$C$2" });
    });

    it("clears contents and keeps formats", async () => {
      await subject.port.apply([...base, { type: "clear", range: { sheet: "Realisasi Anggaran", row: 1, col: 2, rows: 1, cols: 1 } }]);
      const [cells] = await (await subject.reopen()).read([{ sheet: "Realisasi Anggaran", row: 1, col: 2, rows: 1, cols: 1 }]);
      expect(cells?.[0]?.[0]).toMatchObject({ value: null, numberFormat: "#,##0" });
    });

    describe("the user's selection", () => {
      it("is the cell select() moved to, on the sheet as the workbook spells it (or null without a user)", async () => {
        await subject.port.apply(base);
        await subject.port.select({ sheet: "realisasi anggaran", row: 2, col: 1 });
        const expected = subject.tracksSelection ? { sheet: "Realisasi Anggaran", row: 2, col: 1, rows: 1, cols: 1 } : null;
        expect(await subject.port.selectedRange()).toEqual(expected);
        // reading it changes nothing, and writing elsewhere does not move it
        await subject.port.apply([{ type: "write", sheet: "Realisasi Anggaran", row: 10, col: 0, cells: [["x"]] }]);
        expect(await subject.port.selectedRange()).toEqual(expected);
      });

      it("follows the latest select()", async () => {
        await subject.port.apply(base);
        await subject.port.select({ sheet: "Realisasi Anggaran", row: 2, col: 1 });
        await subject.port.select({ sheet: "Realisasi Anggaran", row: 0, col: 4 });
        const got = await subject.port.selectedRange();
        expect(got).toEqual(subject.tracksSelection ? { sheet: "Realisasi Anggaran", row: 0, col: 4, rows: 1, cols: 1 } : null);
      });

      it("select() of a missing sheet fails and leaves the selection where it was", async () => {
        await subject.port.apply(base);
        const before = await subject.port.selectedRange();
        await expect(subject.port.select({ sheet: "Tidak Ada", row: 0, col: 0 })).rejects.toThrow('Lembar "Tidak Ada" tidak ada.');
        expect(await subject.port.selectedRange()).toEqual(before);
      });
    });

    describe("refuses what Excel refuses, and changes nothing then", () => {
      const bad: [string, WorkbookOp][] = [
        ["a ragged array", { type: "write", sheet: "Realisasi Anggaran", row: 0, col: 0, cells: [[1, 2], [3]] }],
        ["a missing sheet", { type: "write", sheet: "Tidak Ada", row: 0, col: 0, cells: [[1]] }],
        ["a bad sheet name", { type: "addSheet", sheet: "Capaian [TW II]" }],
        ["a duplicate sheet", { type: "addSheet", sheet: "realisasi anggaran" }],
        ["a formula without =", { type: "write", sheet: "Realisasi Anggaran", row: 0, col: 0, cells: [[{ formula: "SUM(A1)" }]] }],
        ["a list over 255 characters", { type: "validation", range: { sheet: "Realisasi Anggaran", row: 0, col: 0, rows: 1, cols: 1 }, rule: { type: "list", source: Array.from({ length: 60 }, (_, i) => `Pilihan ${i}`) } }],
        ["NaN", { type: "write", sheet: "Realisasi Anggaran", row: 0, col: 0, cells: [[Number.NaN]] }],
      ];
      it.each(bad)("%s", async (_label, op) => {
        await subject.port.apply(base);
        const before = await subject.port.read([{ sheet: "Realisasi Anggaran", row: 0, col: 0, rows: 4, cols: 5 }]);
        const sheetsBefore = await subject.port.sheets();
        // the valid first op must not survive the invalid second one
        const first: WorkbookOp = { type: "write", sheet: "Realisasi Anggaran", row: 0, col: 0, cells: [["DIUBAH"]] };
        await expect(subject.port.apply([first, op])).rejects.toBeInstanceOf(WorkbookRuleError);
        expect(await subject.port.read([{ sheet: "Realisasi Anggaran", row: 0, col: 0, rows: 4, cols: 5 }])).toEqual(before);
        expect(await subject.port.sheets()).toEqual(sheetsBefore);
      });
    });
  });
}
