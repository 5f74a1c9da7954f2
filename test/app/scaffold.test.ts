import { scaffold } from "../../src/app/scaffold";
import { CAPAIAN, COST_PER_OUTCOME, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, STANDARD_LAYOUTS, TABLE_ROWS } from "../../src/core/layouts";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { readWorkbookModel } from "../../src/app/read-model";
import { amountByKode } from "../../src/core/layouts/formulas";
import { expectedFormula, formulaContext } from "../../src/core/layouts/plan";
import { a1, type WorkbookOp } from "../../src/core/workbook-ops";

const SETTINGS = { unitKerja: "Kecamatan Lumajang", pemda: "Pemerintah Kabupaten Lumajang", kodeOrganisasi: "7.01.0.00.0.00.01.0000", tahun: 2024, periode: "TW II" };
const F = TABLE_ROWS.firstData;
const col = (layout: { columns: readonly { key: string }[] }, key: string) => layout.columns.findIndex((c) => c.key === key);

async function fresh() {
  const wb = new MemoryWorkbook();
  const r = await scaffold(wb, SETTINGS);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { wb, r };
}

describe("Siapkan Lembar on an empty workbook", () => {
  it("creates the six standard sheets in order and says so", async () => {
    const { wb, r } = await fresh();
    expect((await wb.sheets()).map((s) => s.name)).toEqual(STANDARD_LAYOUTS.map((l) => l.sheet));
    expect(r.lines).toEqual(STANDARD_LAYOUTS.map((l) => `${l.sheet}: lembar dibuat.`));
  });

  it("writes the settings and names them for the formulas", async () => {
    const { wb } = await fresh();
    const names = Object.fromEntries((await wb.names()).map((n) => [n.name, n.formula]));
    expect(names.SAKIP_TAHUN).toBe("=Pengaturan!$B$8");
    expect(wb.cell("Pengaturan", 7, 1)?.value).toBe(2024);
    expect(wb.cell("Pengaturan", 8, 1)?.value).toBe("TW II");
    // a form: the year beside its label, not at the far end of the wide value column (unseen in a narrow pane)
    expect(wb.cell("Pengaturan", 7, 1)?.style?.horizontal).toBe("left");
    expect(names.SAKIP_JABATAN).toMatch(/^=Pengaturan!\$A\$\d+:\$A\$\d+$/);
    expect(names.SKALA_KECAMATAN_BAWAH).toMatch(/^=Referensi!/);
  });

  it("prints the LKjIP column numbers in the Cost per Outcome header", async () => {
    const { wb } = await fresh();
    const numbers = COST_PER_OUTCOME.columns.map((_, j) => wb.cell("Cost per Outcome", TABLE_ROWS.number, j)?.value ?? null);
    expect(numbers.filter(Boolean)).toEqual(["(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4)", "(7)", "(8)", "(9=8/7)", "(10=6-9)"]);
  });

  it("links Capaian and Cost per Outcome to the PK by the same prefilled IDs", async () => {
    const { wb } = await fresh();
    for (const l of [PERJANJIAN_KINERJA, CAPAIAN, COST_PER_OUTCOME]) {
      expect(wb.cell(l.sheet, F, 0)).toMatchObject({ value: "IK-001", numberFormat: "@" });
      expect(wb.cell(l.sheet, F + 99, 0)?.value).toBe("IK-100");
    }
    const target = wb.cell("Capaian", F, col(CAPAIAN, "target"))?.formula;
    expect(target).toBe(`=IF(A7="","",IFERROR(IF(INDEX('Perjanjian Kinerja'!$M:$M,MATCH(A7,'Perjanjian Kinerja'!$A:$A,0))="","",INDEX('Perjanjian Kinerja'!$M:$M,MATCH(A7,'Perjanjian Kinerja'!$A:$A,0))),""))`);
  });

  it("keeps kode columns as text and formats money and ratios", async () => {
    const { wb } = await fresh();
    expect(wb.cell("Realisasi Anggaran", F, col(REALISASI_ANGGARAN, "kode"))?.numberFormat).toBe("@");
    expect(wb.cell("Realisasi Anggaran", F, col(REALISASI_ANGGARAN, "setelah"))?.numberFormat).toBe("#,##0");
    expect(wb.cell("Capaian", F, col(CAPAIAN, "capaian"))?.numberFormat).toBe("0.00%");
  });

  it("never formats a formula cell as text (Excel would show the formula instead of its result)", async () => {
    const { wb } = await fresh();
    for (const layout of [PERJANJIAN_KINERJA, CAPAIAN, COST_PER_OUTCOME, REALISASI_ANGGARAN]) {
      layout.columns.forEach((c, j) => {
        if (c.role === "computed") expect([layout.sheet, c.key, wb.cell(layout.sheet, F, j)?.numberFormat]).not.toEqual([layout.sheet, c.key, "@"]);
      });
    }
  });

  it("freezes the header, sets widths, validation lists and print titles", async () => {
    const { wb } = await fresh();
    const pk = wb.sheet("Perjanjian Kinerja")!;
    expect(pk.freeze).toEqual({ rows: F, cols: 1 });
    expect(pk.pageSetup).toEqual({ orientation: "landscape", fitToWidth: true, printTitleRows: [3, 5] });
    expect(pk.widths.get(col(PERJANJIAN_KINERJA, "indikator"))).toBe(45);
    const rules = pk.validations.map((v) => v.rule);
    expect(rules).toContainEqual(expect.objectContaining({ type: "list", source: ["positif", "negatif"] }));
    expect(rules).toContainEqual(expect.objectContaining({ type: "list", source: { formula: "=SAKIP_JABATAN" } }));
  });

  it("refuses invalid settings with every problem and writes nothing", async () => {
    const wb = new MemoryWorkbook();
    const r = await scaffold(wb, { unitKerja: "", tahun: 1999, periode: "TW V" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field).sort()).toEqual(["periode", "tahun", "unitKerja"]);
    expect(await wb.sheets()).toEqual([]);
  });
});

describe("Siapkan Lembar again on a scaffolded workbook", () => {
  it("changes nothing when everything is in place", async () => {
    const { wb } = await fresh();
    const again = await scaffold(wb, {});
    expect(again.ok && again.lines).toEqual(["Semua lembar sudah lengkap; tidak ada yang diubah."]);
  });

  it("keeps every value a user typed in every input column, and restores a broken formula", async () => {
    const { wb } = await fresh();
    // a user fills one PK row, its realisasi and a budget line, and breaks a formula
    const pkRow = PERJANJIAN_KINERJA.columns.map((c) => (c.role === "input" ? `isi-${c.key}` : undefined));
    const writes = PERJANJIAN_KINERJA.columns.flatMap((c, j) => (c.role === "input" ? [{ type: "write" as const, sheet: "Perjanjian Kinerja", row: F, col: j, cells: [[pkRow[j]!]] }] : []));
    const capWrites = CAPAIAN.columns.flatMap((c, j) => (c.role === "input" ? [{ type: "write" as const, sheet: "Capaian", row: F, col: j, cells: [[`isi-${c.key}`]] }] : []));
    const raWrites = REALISASI_ANGGARAN.columns.flatMap((c, j) => (c.role === "input" ? [{ type: "write" as const, sheet: "Realisasi Anggaran", row: F + 3, col: j, cells: [[`isi-${c.key}`]] }] : []));
    const capaianCol = col(CAPAIAN, "capaian");
    await wb.apply([
      ...writes,
      ...capWrites,
      ...raWrites,
      { type: "write", sheet: "Capaian", row: F + 1, col: capaianCol, cells: [[{ formula: "=#REF!/2" }]] },
      { type: "write", sheet: "Capaian", row: F + 2, col: capaianCol, cells: [[null]] },
      { type: "write", sheet: "Capaian", row: F + 3, col: capaianCol, cells: [[0.5]] },
      { type: "write", sheet: "Pengaturan", row: 4, col: 1, cells: [["Kecamatan Senduro"]] },
    ]);
    const r = await scaffold(wb, {});
    expect(r.ok).toBe(true);
    for (const [layout, row] of [
      [PERJANJIAN_KINERJA, F],
      [CAPAIAN, F],
      [REALISASI_ANGGARAN, F + 3],
    ] as const) {
      layout.columns.forEach((c, j) => {
        if (c.role === "input") expect([layout.sheet, c.key, wb.cell(layout.sheet, row, j)?.value]).toEqual([layout.sheet, c.key, `isi-${c.key}`]);
      });
    }
    expect(wb.cell("Capaian", F + 1, capaianCol)?.formula).toMatch(/^=IF\(OR\(I8="",N8=""\)/);
    expect(wb.cell("Capaian", F + 2, capaianCol)?.formula).toMatch(/^=IF\(OR\(I9="",N9=""\)/);
    expect(wb.cell("Capaian", F + 3, capaianCol)?.value).toBe(0.5);
    expect(wb.cell("Pengaturan", 4, 1)?.value).toBe("Kecamatan Senduro");
    if (r.ok) {
      expect(r.lines).toContainEqual(expect.stringMatching(/^Capaian: 2 rumus dipulihkan \(O8, O9\)/));
      expect(r.lines).toContainEqual(expect.stringMatching(/^Capaian: 1 sel di kolom rumus berisi nilai ketikan dan dibiarkan \(O10\)/));
    }
  });

  it("keeps the number format of a value the user typed (a percent stays a percent); an empty cell gets its column's format back", async () => {
    const { wb } = await fresh();
    const tw2 = col(CAPAIAN, "tw2");
    const target = col(PERJANJIAN_KINERJA, "targetAwal");
    const capaian = col(CAPAIAN, "capaian");
    const general = wb.cell("Capaian", F + 1, tw2)!.numberFormat;
    await wb.apply([
      // "52%" typed: Excel keeps 0,52 and formats the cell as a percent
      { type: "write", sheet: "Capaian", row: F, col: tw2, cells: [[0.52]] },
      { type: "format", range: { sheet: "Capaian", row: F, col: tw2, rows: 1, cols: 1 }, numberFormat: "0%" },
      { type: "write", sheet: "Perjanjian Kinerja", row: F, col: target, cells: [[1]] },
      { type: "format", range: { sheet: "Perjanjian Kinerja", row: F, col: target, rows: 1, cols: 1 }, numberFormat: "0.00%" },
      // a constant typed over a formula, with its own format; and an empty cell someone formatted as a date
      { type: "write", sheet: "Capaian", row: F + 2, col: capaian, cells: [[0.5]] },
      { type: "format", range: { sheet: "Capaian", row: F + 2, col: capaian, rows: 1, cols: 1 }, numberFormat: "0.0" },
      { type: "format", range: { sheet: "Capaian", row: F + 1, col: tw2, rows: 1, cols: 1 }, numberFormat: "dd/mm/yyyy" },
    ]);
    const r = await scaffold(wb, {});
    expect(r.ok).toBe(true);
    expect([wb.cell("Capaian", F, tw2)?.value, wb.cell("Capaian", F, tw2)?.numberFormat]).toEqual([0.52, "0%"]);
    expect([wb.cell("Perjanjian Kinerja", F, target)?.value, wb.cell("Perjanjian Kinerja", F, target)?.numberFormat]).toEqual([1, "0.00%"]);
    expect([wb.cell("Capaian", F + 2, capaian)?.value, wb.cell("Capaian", F + 2, capaian)?.numberFormat]).toEqual([0.5, "0.0"]);
    expect(wb.cell("Capaian", F + 1, tw2)?.numberFormat).toBe(general);
    expect(wb.cell("Capaian", F + 3, capaian)?.numberFormat).toBe(wb.cell("Capaian", F + 4, capaian)?.numberFormat);
    // the rest of the column keeps the scaffold's borders
    expect(wb.cell("Capaian", F, tw2)?.style?.border).toBe(wb.cell("Capaian", F + 5, tw2)?.style?.border);
  });

  it("repairs a damaged header and adds a deleted sheet back", async () => {
    const { wb } = await fresh();
    await wb.apply([{ type: "write", sheet: "Cost per Outcome", row: TABLE_ROWS.number, col: 8, cells: [["5=4/5"]] }]);
    const smaller = new MemoryWorkbook();
    // simulate a workbook where Referensi was deleted: copy everything but that sheet
    for (const s of await wb.sheets()) if (s.name !== "Referensi") await smaller.apply([{ type: "addSheet", sheet: s.name }]);
    const r = await scaffold(wb, {});
    expect(r.ok && r.lines).toContain("Cost per Outcome: judul dan kepala tabel diperbaiki.");
    expect(wb.cell("Cost per Outcome", TABLE_ROWS.number, 8)?.value).toBe("(6=5/4)");
  });

  it("upgrades the amounts by kode of an older workbook to amounts by structure, keeping typed amounts", async () => {
    const { wb } = await fresh();
    const pkAnggaran = col(PERJANJIAN_KINERJA, "anggaran");
    const pagu = col(COST_PER_OUTCOME, "pagu");
    const real = col(COST_PER_OUTCOME, "realisasiAnggaran");
    const induk = col(COST_PER_OUTCOME, "induk");
    // the formulas a workbook made before had: the amount of the row's own kode only
    const old = (layout: typeof PERJANJIAN_KINERJA | typeof COST_PER_OUTCOME, row: number, key: "setelah" | "periode") => {
      const ctx = formulaContext(layout, row);
      return { formula: "=" + amountByKode(ctx, ctx.cell("kode"), key) };
    };
    const ops: WorkbookOp[] = [
      { type: "clear", range: { sheet: COST_PER_OUTCOME.sheet, row: TABLE_ROWS.group, col: induk, rows: 3 + 100, cols: 1 } },
    ];
    for (let i = 0; i < 100; i++) {
      ops.push({ type: "write", sheet: PERJANJIAN_KINERJA.sheet, row: F + i, col: pkAnggaran, cells: [[old(PERJANJIAN_KINERJA, F + i, "setelah")]] });
      ops.push({ type: "write", sheet: COST_PER_OUTCOME.sheet, row: F + i, col: pagu, cells: [[old(COST_PER_OUTCOME, F + i, "setelah")]] });
      ops.push({ type: "write", sheet: COST_PER_OUTCOME.sheet, row: F + i, col: real, cells: [[old(COST_PER_OUTCOME, F + i, "periode")]] });
    }
    // a sasaran (IK-001) funded by two of three programs, and a pagu the user typed over a formula
    const pk = (row: number, key: "level" | "kode" | "induk", v: string) => ({ type: "write" as const, sheet: PERJANJIAN_KINERJA.sheet, row, col: col(PERJANJIAN_KINERJA, key), cells: [[v]] });
    const ra = (row: number, key: "level" | "kode" | "setelah", v: string | number) => ({ type: "write" as const, sheet: REALISASI_ANGGARAN.sheet, row, col: col(REALISASI_ANGGARAN, key), cells: [[v]] });
    ops.push(pk(F, "level", "Sasaran Strategis"));
    ["7.01.01", "7.01.02", "7.01.03"].forEach((kode, i) => {
      ops.push(pk(F + 1 + i, "level", "Program"), pk(F + 1 + i, "kode", kode), ra(F + i, "level", "Program"), ra(F + i, "kode", kode), ra(F + i, "setelah", (i + 1) * 1_000_000));
      if (i < 2) ops.push(pk(F + 1 + i, "induk", "IK-001"));
    });
    ops.push({ type: "write", sheet: COST_PER_OUTCOME.sheet, row: F + 5, col: pagu, cells: [[777]] });
    await wb.apply(ops);
    const before = await readWorkbookModel(wb);
    expect([before.status("pk", F, "anggaran"), before.value("cpo", F, "pagu")]).toEqual(["edited", expect.anything()]);

    const r = await scaffold(wb, {});
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.lines).toContainEqual(expect.stringMatching(/^Perjanjian Kinerja: 100 rumus dipulihkan/));
      // pagu and realisasi less the typed pagu, and the Induk column the older sheet did not have
      expect(r.lines).toContainEqual(expect.stringMatching(/^Cost per Outcome: 299 rumus dipulihkan/));
      expect(r.lines).toContainEqual(expect.stringMatching(new RegExp(`^Cost per Outcome: 1 sel di kolom rumus berisi nilai ketikan dan dibiarkan \\(${a1(F + 5, pagu)}\\)`)));
      expect(r.lines).toContain("Cost per Outcome: judul dan kepala tabel diperbaiki.");
    }
    expect(wb.cell(PERJANJIAN_KINERJA.sheet, F, pkAnggaran)?.formula).toBe(expectedFormula(PERJANJIAN_KINERJA, pkAnggaran, F));
    expect(wb.cell(COST_PER_OUTCOME.sheet, F + 5, pagu)?.value).toBe(777);
    const after = await readWorkbookModel(wb);
    expect([after.status("pk", F, "anggaran"), after.value("pk", F, "anggaran"), after.value("cpo", F, "pagu"), after.value("cpo", F + 1, "induk")]).toEqual(["standard", 3_000_000, 3_000_000, "IK-001"]);
    // run again: no formula left to upgrade; the typed pagu is still only reported
    const again = await scaffold(wb, {});
    expect(again.ok && again.lines).toEqual([expect.stringMatching(/^Cost per Outcome: 1 sel di kolom rumus berisi nilai ketikan dan dibiarkan/)]);
  });

  it("adds Capaian rows for PK indicators added beyond the prepared rows", async () => {
    const { wb } = await fresh();
    const ind = col(PERJANJIAN_KINERJA, "indikator");
    await wb.apply([{ type: "write", sheet: "Perjanjian Kinerja", row: F + 100, col: ind, cells: [["Indikator baru"]] }]);
    const r = await scaffold(wb, {});
    expect(wb.cell("Perjanjian Kinerja", F + 100, 0)?.value).toBe("IK-101");
    expect(wb.cell("Capaian", F + 100, 0)?.value).toBe("IK-101");
    expect(wb.cell("Cost per Outcome", F + 100, 0)?.value).toBe("IK-101");
    expect(wb.cell("Perjanjian Kinerja", F + 100, col(PERJANJIAN_KINERJA, "target"))?.formula).toMatch(/^=IF\(/);
    expect(r.ok && r.lines).toContain("Perjanjian Kinerja: 1 ID indikator ditambahkan (IK-101).");
  });
});
