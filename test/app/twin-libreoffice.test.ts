/**
 * The twin of every computed column against a real engine on awkward data: blanks, zeros, text in
 * number columns, targets of 0, negative polarity with both formulas, every aggregation method (and
 * one misspelt), level units summed, unknown and partial kode, amounts typed only at program level,
 * and constants typed over formulas. LibreOffice recalculates; the read model must show the same value
 * in every computed cell of every table sheet, under two different Pengaturan.
 */
import { readWorkbookModel } from "../../src/app/read-model";
import { scaffold } from "../../src/app/scaffold";
import { CAPAIAN, COST_PER_OUTCOME, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, TABLE_ROWS, TW_KEYS, colIndex, type SheetKeys, type TableLayout } from "../../src/core/layouts";
import { isXlError } from "../../src/core/xl";
import type { CellContent, WorkbookOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { recalculate } from "../support/libreoffice";

jest.setTimeout(180_000);

const F = TABLE_ROWS.firstData;

/** mulberry32: a small seeded generator, so the data is the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function write<K extends string>(layout: TableLayout<K>, row: number, key: NoInfer<K>, v: CellContent): WorkbookOp {
  return { type: "write", sheet: layout.sheet, row, col: colIndex(layout, key), cells: [[v]] };
}

const KODES = ["", "SEMUA", "7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.02", "7.01.02", "7.01.02.2.01.0002", "7.01.99", "7.01.03", "7.01.03.2.01"];

/**
 * The values typed: text where numbers belong, spaces, tiny and huge numbers, satuan and metode as
 * users spell them. Not TRUE/FALSE: LibreOffice counts a logical in a cell as a number (COUNT,
 * ISNUMBER), Excel does not, and the twins follow Excel (Periksa warns of one, R-XL-03).
 */
function fill(seed: number): WorkbookOp[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const ops: WorkbookOp[] = [];
  // Realisasi Anggaran: sub kegiatan rows for programs 01 and 02, program 03 typed only at program level
  const ra: [string, string, number | null, number | null, number | null][] = [
    ["Program", "7.01.01", 999, 999, 999],
    ["Kegiatan", "7.01.01.2.01", null, null, null],
    ["Sub Kegiatan", "7.01.01.2.01.0001", 1_000_000, 250_000, 600_000],
    ["Sub Kegiatan", "7.01.01.2.01.0002", 2_000_000, 0, null],
    ["Sub Kegiatan", "7.01.01.2.02.0001", 500_000, 500_000, 750_000],
    ["Sub Kegiatan", "7.01.02.2.01.0002", 0, 0, 0],
    ["Program", "7.01.03", 3_000_000, 1_000_000, 2_000_000],
    ["sub kegiatan", "7.01.03.2.01.0001", null, null, null],
  ];
  ra.forEach(([level, kode, setelah, tw1, tw2], i) => {
    ops.push(write(REALISASI_ANGGARAN, F + i, "level", level), write(REALISASI_ANGGARAN, F + i, "kode", kode));
    if (setelah !== null) ops.push(write(REALISASI_ANGGARAN, F + i, "setelah", setelah));
    if (tw1 !== null) ops.push(write(REALISASI_ANGGARAN, F + i, "tw1", tw1));
    if (tw2 !== null) ops.push(write(REALISASI_ANGGARAN, F + i, "tw2", tw2));
  });
  // a constant typed over a computed cell of Realisasi Anggaran: what depends on it must use it
  ops.push(write(REALISASI_ANGGARAN, F + 4, "periode", 700_000));

  for (let i = 0; i < 60; i++) {
    const row = F + i;
    const target = pick<CellContent>([null, 0, 80, 100, 89, "89", 12, -5, 1_000_000, 0.5, " 80", "80%", "", " ", 1e-9, 123456789.123]);
    const awalOnly = r() < 0.6;
    ops.push(
      write(PERJANJIAN_KINERJA, row, "jabatan", pick(["Camat", "Kasi Pemerintahan", ""])),
      write(PERJANJIAN_KINERJA, row, "no", pick(["1.", "A", "I", 1, 12, ""])),
      write(PERJANJIAN_KINERJA, row, "kode", pick(KODES)),
      write(PERJANJIAN_KINERJA, row, "indikator", `Indikator ${i}`),
      write(PERJANJIAN_KINERJA, row, "satuan", pick(["%", "persen", " Indeks ", "Dokumen", "", "PERSENTASE", "% ", "Persen (%)", "indeks kepuasan", "rasio", "IKM", "nilai"])),
      write(PERJANJIAN_KINERJA, row, "polaritas", pick(["", "positif", "negatif", "NEGATIF", "naik"])),
      write(PERJANJIAN_KINERJA, row, "metode", pick(["", "terakhir", "jumlah", "rata-rata", "maks", "Rata-Rata", "median", " jumlah ", "TERAKHIR", "rata rata"])),
      write(PERJANJIAN_KINERJA, row, awalOnly ? "targetAwal" : "targetPerubahan", target),
      // parents by Induk, cycles and unknown IDs included: rows without kode sum the rows under them
      write(PERJANJIAN_KINERJA, row, "induk", pick(["", "", "IK-001", "IK-002", "ik-004", "IK-005", "IK-009", "IK-999", `IK-${String(i + 1).padStart(3, "0")}`])),
    );
    for (const k of TW_KEYS) ops.push(write(CAPAIAN, row, k, pick<CellContent>([null, null, 0, 25, 80, 110, "27", 0.3, "", " ", "abc", -3, 1e12, 33.333333333])));
  }
  // rows whose PK ID was removed, and a duplicated ID (MATCH takes the first)
  ops.push(write(PERJANJIAN_KINERJA, F + 61, "id", null), write(PERJANJIAN_KINERJA, F + 62, "id", "ik-003"));
  // IDs and kode as users retype them: spaces, case, a number (MATCH ignores case, not spaces)
  ops.push(write(CAPAIAN, F + 20, "id", " IK-021"), write(CAPAIAN, F + 21, "id", "ik-022"), write(CAPAIAN, F + 22, "id", "IK-023 "), write(COST_PER_OUTCOME, F + 23, "id", "Ik-024"), write(COST_PER_OUTCOME, F + 24, "id", 25));
  ops.push(write(PERJANJIAN_KINERJA, F + 30, "kode", " 7.01.01"), write(PERJANJIAN_KINERJA, F + 31, "kode", "7.01.01 "), write(PERJANJIAN_KINERJA, F + 34, "kode", "semua"));
  ops.push(write(PERJANJIAN_KINERJA, F + 62, "targetAwal", 55));
  // constants typed over formulas in Capaian and Cost per Outcome
  ops.push(write(CAPAIAN, F + 5, "capaian", 0.5), write(CAPAIAN, F + 6, "realisasi", 40), write(COST_PER_OUTCOME, F + 7, "pagu", 1_234_567));
  return ops;
}

const computedCount = (layout: TableLayout) => layout.columns.filter((c) => c.role === "computed").length;

/** Every computed cell of every table sheet: the read model against LibreOffice's recalculated value. */
async function compareAll(wb: XlsxWorkbook, locale: "en-US" | "id-ID" = "en-US"): Promise<{ model: Awaited<ReturnType<typeof readWorkbookModel>>; compared: number; kinds: Set<string> }> {
  const model = await readWorkbookModel(wb);
  const sheets = (await recalculate(await wb.toBuffer(), { locale })).sheets;
  let compared = 0;
  const kinds = new Set<string>();
  for (const id of ["pk", "capaian", "cpo", "realisasi"] as const) {
    const table = model.table(id);
    for (const r of table.rows()) {
      table.layout.columns.forEach((c, j) => {
        if (c.role !== "computed") return;
        const v = model.valueAt(id, r, j);
        const got = sheets[table.sheet]?.[r]?.[j] ?? null;
        const where = `${table.sheet}!${c.key}${r + 1} (${table.status(r, j)})`;
        const want = isXlError(v) ? v.error : v === null ? "" : v;
        kinds.add(isXlError(v) ? v.error : typeof v);
        // LibreOffice saves 15 significant digits: equal to 1e-9 of the value (or absolutely, near 0)
        if (typeof want === "number" && typeof got === "number") expect([where, Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) ? want : got]).toEqual([where, want]);
        else expect([where, got === null ? "" : got]).toEqual([where, want]);
        compared++;
      });
    }
  }
  return { model, compared, kinds };
}

describe.each([
  { periode: "TW II", skala: "kecamatan", rumusNegatif: "2T-R", seed: 7 },
  { periode: "TW I", skala: "permendagri86", rumusNegatif: "T/R", seed: 11 },
  { periode: "Tahunan", skala: "kustom", rumusNegatif: "2T-R", seed: 23 },
  // LibreOffice as Indonesian staff run it: decimal comma in every number turned to text and back
  { periode: "TW III", skala: "kecamatan", rumusNegatif: "T/R", seed: 31, locale: "id-ID" as const },
])("the twin equals LibreOffice on awkward data ($periode, $skala, $rumusNegatif, $locale)", (settings) => {
  it("in every computed cell of every table sheet", async () => {
    const wb = XlsxWorkbook.create();
    const s = await scaffold(wb, { unitKerja: "Kecamatan Uji", tahun: 2024, periode: settings.periode, skala: settings.skala, rumusNegatif: settings.rumusNegatif });
    expect(s.ok).toBe(true);
    await wb.apply(fill(settings.seed));
    const { model, compared, kinds } = await compareAll(wb, "locale" in settings ? settings.locale : "en-US");
    expect(compared).toBe(
      [PERJANJIAN_KINERJA, CAPAIAN, COST_PER_OUTCOME].reduce((n, l) => n + 100 * computedCount(l as TableLayout), 0) + 300 * computedCount(REALISASI_ANGGARAN as TableLayout),
    );
    // the data did reach the awkward cases
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["#DIV/0!", "#N/A", "number", "string"]));
    const key: SheetKeys["capaian"] = "capaian";
    expect(model.status("capaian", F + 5, key)).toBe("constant");
  });
});

describe("a sasaran funded by some of the programs: its amounts are the sum of the rows under it", () => {
  it("by native formulas LibreOffice computes as the twin does, two levels of rows without kode deep", async () => {
    const wb = XlsxWorkbook.create();
    const s = await scaffold(wb, { unitKerja: "Kecamatan Uji", tahun: 2024, periode: "TW I" });
    expect(s.ok).toBe(true);
    const ops: WorkbookOp[] = [];
    const ra: [string, string, number | null, number | null][] = [
      ["Program", "7.01.01", null, null],
      ["Sub Kegiatan", "7.01.01.2.01.0001", 1_000_000, 400_000],
      ["Sub Kegiatan", "7.01.01.2.02.0001", 500_000, null],
      ["Program", "7.01.02", null, null],
      ["Sub Kegiatan", "7.01.02.2.01.0001", 2_000_000, 1_500_000],
      // typed only at program level: the program row itself counts
      ["Program", "7.01.03", 3_000_000, 1_000_000],
    ];
    ra.forEach(([level, kode, setelah, tw1], i) => {
      ops.push(write(REALISASI_ANGGARAN, F + i, "level", level), write(REALISASI_ANGGARAN, F + i, "kode", kode));
      if (setelah !== null) ops.push(write(REALISASI_ANGGARAN, F + i, "setelah", setelah));
      if (tw1 !== null) ops.push(write(REALISASI_ANGGARAN, F + i, "tw1", tw1));
    });
    // [level, kode, induk] for IK-001 …
    const pk: [string, string, string][] = [
      ["Sasaran Strategis", "", ""], // IK-001: through IK-002, a sasaran without kode
      ["Sasaran Program", "", "IK-001"], // IK-002: programs 01 and 02 of the three
      ["Program", "7.01.01", "IK-002"],
      ["Program", "7.01.02", "ik-002"],
      ["Kegiatan", "7.01.01.2.01", "IK-003"], // inside program 01's amount already: not counted again
      ["Sasaran Program", "", ""], // IK-006: program 03
      ["Program", "7.01.03", "IK-006"],
      ["Sasaran Strategis", "", ""], // IK-008: a rata-rata whose components have no budget
      ["Sasaran Strategis", "", "IK-008"],
      ["Sasaran Strategis", "", "IK-008"],
      ["Sasaran Program", "", ""], // IK-011: under it only SEMUA and a kode with no amounts
      ["Program", "SEMUA", "IK-011"],
      ["Program", "7.01.99", "IK-011"],
      ["Sasaran Program", "SEMUA", ""], // the whole unit, as before
    ];
    pk.forEach(([level, kode, induk], i) => {
      ops.push(write(PERJANJIAN_KINERJA, F + i, "level", level), write(PERJANJIAN_KINERJA, F + i, "indikator", `Indikator ${i + 1}`));
      if (kode) ops.push(write(PERJANJIAN_KINERJA, F + i, "kode", kode));
      if (induk) ops.push(write(PERJANJIAN_KINERJA, F + i, "induk", induk));
    });
    await wb.apply(ops);
    const { model, compared } = await compareAll(wb);
    expect(compared).toBeGreaterThan(0);
    const amounts = (row: number) => [model.value("pk", F + row, "anggaran"), model.value("cpo", F + row, "pagu"), model.value("cpo", F + row, "realisasiAnggaran")];
    expect(amounts(1)).toEqual([3_500_000, 3_500_000, 1_900_000]);
    expect(amounts(0)).toEqual([3_500_000, 3_500_000, 1_900_000]);
    expect(amounts(2)).toEqual([1_500_000, 1_500_000, 400_000]);
    expect(amounts(5)).toEqual([3_000_000, 3_000_000, 1_000_000]);
    expect(amounts(7)).toEqual(["", "", ""]);
    expect(amounts(10)).toEqual(["", "", ""]);
    // SEMUA: every sub kegiatan (program 03 has none, so it is not in the unit's sub kegiatan total)
    expect(amounts(13)).toEqual([3_500_000, 3_500_000, 1_900_000]);
    expect(model.value("cpo", F + 2, "induk")).toBe("IK-002");
    for (const key of ["anggaran"] as const) expect(model.status("pk", F + 1, key)).toBe("standard");
  });
});
