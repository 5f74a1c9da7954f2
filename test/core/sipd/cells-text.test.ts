import { findingMessage } from "../../../src/core/findings";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { formatAngka } from "../../../src/core/numbers";
import { cellsToLraText, moneyText } from "../../../src/core/sipd/cells-text";
import { generateLra, parseLra, type LraParseResult, type LraParseSuccess } from "../../../src/core/sipd";
import type { CellSnapshot, CellValue } from "../../../src/workbook/port";
import { pastedAndRead, pastedCell } from "../../support/excel-paste";

const TSV = readFileSync(join(__dirname, "../../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");

function ok(r: LraParseResult): LraParseSuccess {
  if (!r.ok) throw new Error(r.message);
  return r;
}

const cell = (value: CellValue, numberFormat = "General", formula: string | null = null): CellSnapshot => ({ value, formula, numberFormat });
const row = (...values: CellValue[]): CellSnapshot[] => values.map((v) => cell(v));


/** What must not change between reading the text and reading the cells. */
function essence(r: LraParseSuccess) {
  return {
    meta: r.meta,
    rows: r.rows.map((x) => ({ line: x.line, kode: x.kode, uraian: x.uraian, level: x.level, stated: x.stated, persenDecimals: x.persenDecimals, repaired: x.repaired })),
    footer: r.footer.map((f) => ({ line: f.line, kind: f.kind, stated: f.stated })),
    programs: r.programs,
    kegiatan: r.kegiatan,
    subKegiatan: r.subKegiatan,
    findings: r.findings.map((f) => ({ line: f.at.line, rule: f.rule, code: f.code, severity: f.severity, message: findingMessage(f) })),
    skipped: r.skipped.map((s) => [s.line, s.kind]),
  };
}

describe("the fixture LRA pasted into Excel and read back from the cells", () => {
  it("is held as Excel (id-ID) holds a paste: amounts as numbers, codes and uraian as text, header lines in column A", async () => {
    const cells = await pastedAndRead(TSV);
    expect(cells[0]![0]).toMatchObject({ value: "**PEMERINTAH KABUPATEN LUMAJANG" });
    expect(cells[0]!.slice(1).every((c) => c.value === null)).toBe(true);
    const first = cells[11]!;
    expect(first.map((c) => c.value)).toEqual(["7 01 7 01 00 00 00 5", "BELANJA DAERAH", 7229814333, 7229814333, 2920768191, 923333454, 3844101645, 53.17, 3385712688]);
    expect(first[2]!.numberFormat).toBe("#,##0.00");
    expect(first[7]!.numberFormat).toBe("General");
    // 002:606: realisasi over anggaran, sisa in parentheses, the % with one decimal
    expect(cells[48]!.slice(7).map((c) => c.value)).toEqual([1592.4, -18938957]);
  });

  it("parses to the same 241 rows, totals, findings and line numbers as the text itself", async () => {
    const direct = ok(parseLra(TSV));
    const fromCells = ok(parseLra(cellsToLraText(await pastedAndRead(TSV))));
    expect(fromCells.rows).toHaveLength(241);
    expect(fromCells.programs).toHaveLength(6);
    expect(fromCells.kegiatan).toHaveLength(13);
    expect(fromCells.subKegiatan).toHaveLength(29);
    expect(essence(fromCells)).toEqual(essence(direct));
    // SIPD's one-decimal % survives the cell, which keeps only 1592.4
    expect(fromCells.findings.filter((f) => f.code === "sipd-persen-precision").map((f) => f.at.line)).toEqual([49, 50]);
  });

  it.each([1, 2, 3])("round-trips a synthetic LRA of 2.000 rows (seed %d) the same way", async (seed) => {
    const tsv = generateLra(2000, seed);
    expect(essence(ok(parseLra(cellsToLraText(await pastedAndRead(tsv)))))).toEqual(essence(ok(parseLra(tsv))));
  });
});

describe("cellsToLraText", () => {
  const KODE = "7 01 7 01 00 01 2.01.0001 5 1";

  it("writes amounts as SIPD prints them: grouped, 2 decimals, negatives in parentheses", () => {
    const text = cellsToLraText([row(KODE, "Penyusunan", 2750000, 2750000, 2750000, 0, 2750000, 100, 0), row(KODE, "Lebih", 1268992, 1268992, 10519861, 9688088, 20207949, 1592.4, -18938957)]);
    expect(text.split("\n")).toEqual([
      `${KODE}\tPenyusunan\t2.750.000,00\t2.750.000,00\t2.750.000,00\t0,00\t2.750.000,00\t100,00\t0,00`,
      `${KODE}\tLebih\t1.268.992,00\t1.268.992,00\t10.519.861,00\t9.688.088,00\t20.207.949,00\t1.592,4\t(18.938.957,00)`,
    ]);
  });

  it("gives the % the 2 decimals a cell drops (54,10 arrives as 54.1), and reads a percent-formatted fraction", () => {
    expect(cellsToLraText([row(KODE, "x", 1000, 1000, 0, 541, 541, 54.1, 459)])).toContain("\t54,10\t");
    const pct = [cell(KODE), cell("x"), ...[1000, 1000, 0, 541, 541].map((v) => cell(v, "#,##0.00")), cell(0.541, "0.00%"), cell(459, "#,##0.00")];
    expect(cellsToLraText([pct])).toContain("\t54,10\t");
  });

  it("drops columns empty in every row at the left, so a paste into column B still starts with the kode", () => {
    const text = cellsToLraText([
      [cell(null), cell("TAHUN ANGGARAN 2024"), cell(null)],
      [cell(null), cell(KODE), cell("Uraian"), cell(null)],
    ]);
    expect(text).toBe(`TAHUN ANGGARAN 2024\n${KODE}\tUraian\t`);
  });

  it("ends a one-cell row after its cell, but keeps an empty amount as an empty field", () => {
    const text = cellsToLraText([
      row("PEMERINTAH KABUPATEN LUMAJANG", null, null, null, null, null, null, null, null),
      row(KODE, "Uraian", 1, 1, 0, 0, 0, 0, null),
      row(null, null, null, null, null, null, null, null, null),
    ]);
    expect(text.split("\n")).toEqual(["PEMERINTAH KABUPATEN LUMAJANG", `${KODE}\tUraian\t1,00\t1,00\t0,00\t0,00\t0,00\t0,00\t`, ""]);
    const r = parseLra(`TAHUN ANGGARAN 2024\nBAGIAN BULAN JUNI\n${text}`);
    expect(r.ok && r.findings.map((f) => f.code)).toContain("sipd-cell-empty");
  });

  it("keeps the column-number row plain, so it is still read as a header", () => {
    const text = cellsToLraText([row(1, 2, 3, 4, 5, 5, 5, "6 = 5/4", 7)]);
    expect(text).toBe("1\t2\t3\t4\t5\t5\t5\t6 = 5/4\t7");
  });

  it("turns a line break or TAB inside a cell into a space, and reads a formula by its value", () => {
    const text = cellsToLraText([[cell(KODE), cell("Belanja\nJasa\tKantor"), cell(null, "General", "=1+1"), cell(true)]]);
    expect(text).toBe(`${KODE}\tBelanja Jasa Kantor\t\tTRUE`);
  });

  it("is empty for a block of empty cells", () => {
    expect(cellsToLraText([])).toBe("");
    expect(cellsToLraText([row(null, ""), row(null)])).toBe("");
  });
});

describe("the Excel paste model of the tests", () => {
  it.each<[string, ReturnType<typeof pastedCell>]>([
    ["7.229.814.333,00", { value: 7229814333, numberFormat: "#,##0.00" }],
    ["(18.938.957,00)", { value: -18938957, numberFormat: "#,##0.00" }],
    ["53,17", { value: 53.17, numberFormat: "General" }],
    ["-7229814333,00", { value: -7229814333, numberFormat: "General" }],
    ["1.592,4", { value: 1592.4, numberFormat: "#,##0.00" }],
    ["6 = 5/4", { value: "6 = 5/4", numberFormat: "General" }],
    ["7 01 7 01 00 00 00 5", { value: "7 01 7 01 00 00 00 5", numberFormat: "General" }],
    ["", null],
  ])("%j", (text, expected) => expect(pastedCell(text)).toEqual(expected));
});

describe("moneyText", () => {
  it("writes whole rupiah exactly as formatAngka does, for any safe integer", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom(0, -0, 1, -1, 999, 1000, -1000, Number.MAX_SAFE_INTEGER)), (v) => {
        expect(moneyText(v)).toBe(formatAngka(v, "money", { decimals: 2, negative: "parentheses" }));
      }),
      { numRuns: 2000 },
    );
  });
});
