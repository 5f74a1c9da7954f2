/**
 * Periksa on whatever a user may type anywhere: random values, formulas and blanks over the standard
 * sheets, Pengaturan and Rincian SIPD of a real seed workbook. It never throws, and every finding names
 * a rule and code of the catalogue with its severity (or info, for what SIPD's own export carried), a
 * place in the workbook, and a message with no hole in it.
 */
import fc from "fast-check";
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage } from "../../../src/core/findings";
import { WorkbookModel, type SheetData } from "../../../src/core/model/workbook-model";
import { buildReport, reportJabatan } from "../../../src/core/report/build";
import { RULES, validateModel, type RuleId } from "../../../src/core/rules";
import type { CellSnapshot } from "../../../src/core/workbook-ops";
import { XL_ERRORS } from "../../../src/core/xl";
import { correctWorkbook2024 } from "../../support/workbooks";

jest.setTimeout(120_000);

const typed = fc.oneof(
  fc.constantFrom(...XL_ERRORS),
  fc.constantFrom("", " ", "IK-001", "ik-002", "IK-999", "abc", "12 Dokumen", "100%", "52%", "1.234,5", "7,089,003,733", "-", "SEMUA"),
  fc.constantFrom("7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.001", "Program", "Kegiatan", "Sub Kegiatan", "Sasaran Strategis"),
  fc.constantFrom("positif", "negatif", "jumlah", "rata-rata", "terakhir", "maks", "TW II", "Tahunan", "2024", "T/R", "kustom"),
  fc.constantFrom(0, -1, 1, 0.5, 12, 52, 1e9, 1e15, -0.0001, 123456789.123),
  fc.boolean(),
  fc.constant(null),
);
/** A value, or a formula (what a host shows for it: an error, a number or nothing computed). */
const content = fc.oneof(
  { weight: 4, arbitrary: typed.map((value): CellSnapshot => ({ value, formula: null, numberFormat: "General" })) },
  { weight: 1, arbitrary: fc.constantFrom<CellSnapshot>({ value: null, formula: "=A1+1", numberFormat: "General" }, { value: "#DIV/0!", formula: "=1/0", numberFormat: "General" }, { value: 7, formula: "=3+4", numberFormat: "0%" }) },
  { weight: 1, arbitrary: typed.map((value): CellSnapshot => ({ value, formula: null, numberFormat: "0.00%" })) },
);

/** Text a value left unrendered would leave. */
const HOLE = /undefined|NaN|\[object|null\b/;

/** The strings with a hole and the numbers that are NaN, anywhere in a value. */
function holesOf(v: unknown, path = "", out: string[] = []): string[] {
  if (typeof v === "string") {
    if (HOLE.test(v)) out.push(`${path}: ${v}`);
  } else if (typeof v === "number") {
    if (Number.isNaN(v)) out.push(`${path}: NaN`);
  } else if (Array.isArray(v)) v.forEach((x, i) => holesOf(x, `${path}[${i}]`, out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) holesOf(x, `${path}.${k}`, out);
  return out;
}

describe("Periksa and Laporan on random edits of a real workbook", () => {
  let base: readonly SheetData[];
  beforeAll(async () => {
    // the correct 2024 workbook: fixture 002's SIPD export imported, the report's values typed
    base = (await readWorkbookModel(await correctWorkbook2024())).sheets;
  });

  it("has a Rincian SIPD to edit too", () => {
    expect(base.map((s) => s.name)).toEqual(expect.arrayContaining(["Pengaturan", "Perjanjian Kinerja", "Capaian", "Cost per Outcome", "Realisasi Anggaran", "Rincian SIPD"]));
  });

  it("never throw; every finding is the catalogue's, placed, and worded in full; every report has no hole", () => {
    const seen = new Set<string>();
    let reports = 0;
    const edit = fc.record({ sheet: fc.nat(), row: fc.integer({ min: 0, max: 60 }), col: fc.integer({ min: 0, max: 22 }), cell: content });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 40 }), (edits) => {
        const sheets = base.map((s) => ({ ...s, cells: s.cells?.map((r) => [...r]) }));
        for (const e of edits) {
          const s = sheets[e.sheet % sheets.length]!;
          const cells = (s.cells ??= []);
          while (cells.length <= e.row) cells.push([]);
          cells[e.row]![e.col] = e.cell;
          s.usedRows = Math.max(s.usedRows, e.row + 1);
          s.usedCols = Math.max(s.usedCols, e.col + 1);
        }
        const model = new WorkbookModel(sheets);
        const findings = validateModel(model);
        const names = new Set(sheets.map((s) => s.name.toLowerCase()));
        for (const f of findings) {
          seen.add(f.rule);
          const declared = (RULES[f.rule as RuleId]?.codes as Record<string, string> | undefined)?.[f.code];
          expect([f.rule, f.code, declared !== undefined]).toEqual([f.rule, f.code, true]);
          expect([f.code, f.severity === declared || f.severity === "info"]).toEqual([f.code, true]);
          if (f.at.kind !== "line") expect([f.code, names.has(f.at.sheet.toLowerCase())]).toEqual([f.code, true]);
          const text = findingMessage(f);
          expect([f.code, text]).toEqual([f.code, expect.not.stringMatching(HOLE)]);
        }
        for (const jabatan of reportJabatan(model)) {
          const holes = holesOf(buildReport(model, { jabatan }));
          expect([jabatan, holes]).toEqual([jabatan, []]);
          reports++;
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
    expect(reports).toBeGreaterThan(0);
    // the edits reach the rules: findings of many families came out
    expect(seen.size).toBeGreaterThanOrEqual(12);
  });
});
