/**
 * Fuzz, bounded for CI (a fixed seed and a fixed number of cases): mutated exports go through the
 * parser and the import into the memory workbook. Whatever the mutation, nothing throws, and the
 * workbook is either exactly as it was or holds the whole import (every budget line, every detail row,
 * and the journal entry when refusals were confirmed) — never a part of it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { DETAIL_SHEET, importLra } from "../../src/app/import-sipd";
import { JOURNAL_SHEET } from "../../src/app/journal";
import { REALISASI_ANGGARAN, TABLE_ROWS } from "../../src/core/layouts";
import { generateLra, parseLra, type LraParseSuccess } from "../../src/core/sipd";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { WorkbookOp, WorkbookPort } from "../../src/workbook/port";

const FIXTURE = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");
const BASES = [FIXTURE, generateLra(300, 5)];
const SEED = 20240630;
const RUNS = 90;

type Mutation =
  | { op: "delete"; at: number }
  | { op: "duplicate"; at: number }
  | { op: "swap"; at: number; to: number }
  | { op: "add-field"; at: number; field: number; text: string }
  | { op: "drop-field"; at: number; field: number }
  | { op: "corrupt-number"; at: number; field: number; text: string }
  | { op: "cut"; at: number }
  | { op: "unicode"; at: number; pos: number; text: string }
  /** an uraian longer than an Excel cell holds: the write itself is refused */
  | { op: "huge-uraian"; at: number };

const index = fc.nat({ max: 100_000 });
const field = fc.nat({ max: 9 });
const unicode = fc.string({ unit: "binary", minLength: 1, maxLength: 12 });
const corrupted = fc.oneof(
  fc.constantFrom("999.999.999.999.999.999,00", "(1.000,00", "1.2.3", "", "-0,00", "1e5", "NaN", "12,345,678.00", "٣٤٥,٠٠", "7.229.8a14.333,00", "0,005"),
  fc.integer({ min: -(10 ** 12), max: 10 ** 12 }).map((n) => `${n < 0 ? "(" : ""}${Math.abs(n).toLocaleString("de-DE")},00${n < 0 ? ")" : ""}`),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: index }),
  fc.record({ op: fc.constant("duplicate" as const), at: index }),
  fc.record({ op: fc.constant("swap" as const), at: index, to: index }),
  fc.record({ op: fc.constant("add-field" as const), at: index, field, text: fc.oneof(fc.constant(""), fc.string({ maxLength: 8 })) }),
  fc.record({ op: fc.constant("drop-field" as const), at: index, field }),
  fc.record({ op: fc.constant("corrupt-number" as const), at: index, field: fc.integer({ min: 2, max: 8 }), text: corrupted }),
  fc.record({ op: fc.constant("cut" as const), at: index }),
  fc.record({ op: fc.constant("unicode" as const), at: index, pos: fc.nat({ max: 200 }), text: unicode }),
  fc.record({ op: fc.constant("huge-uraian" as const), at: index }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split("\n");
  for (const m of mutations) {
    if (lines.length === 0) break;
    const at = m.at % lines.length;
    const line = lines[at] ?? "";
    const fields = line.split("\t");
    switch (m.op) {
      case "delete":
        lines.splice(at, 1);
        break;
      case "duplicate":
        lines.splice(at, 0, line);
        break;
      case "swap": {
        const to = m.to % lines.length;
        lines[at] = lines[to] ?? "";
        lines[to] = line;
        break;
      }
      case "add-field":
        fields.splice(m.field % (fields.length + 1), 0, m.text);
        lines[at] = fields.join("\t");
        break;
      case "drop-field":
        fields.splice(m.field % fields.length, 1);
        lines[at] = fields.join("\t");
        break;
      case "corrupt-number":
        if (fields.length > m.field) fields[m.field] = m.text;
        lines[at] = fields.join("\t");
        break;
      case "cut": {
        const joined = lines.join("\n");
        lines = joined.slice(0, m.at % (joined.length + 1)).split("\n");
        break;
      }
      case "huge-uraian":
        if (fields.length > 1) fields[1] = "x".repeat(33_000);
        lines[at] = fields.join("\t");
        break;
      case "unicode": {
        const pos = m.pos % (line.length + 1);
        lines[at] = line.slice(0, pos) + m.text + line.slice(pos);
        break;
      }
    }
  }
  return lines.join("\n");
}

/** Every sheet with every cell, read through the port: what a user would see. */
async function state(port: WorkbookPort): Promise<string> {
  const sheets = await port.sheets();
  const blocks = await port.read(sheets.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) })));
  return JSON.stringify({ sheets, blocks, names: await port.names() });
}

const col = (k: string) => REALISASI_ANGGARAN.columns.findIndex((c) => c.key === k);

/** What "the whole import" means, checked cell by cell; a list of what is missing. */
async function missingParts(wb: MemoryWorkbook, lra: LraParseSuccess, journalBefore: number, confirmed: boolean): Promise<string[]> {
  const problems: string[] = [];
  const rows = new Map<string, unknown>();
  const info = (await wb.sheets()).find((s) => s.name === REALISASI_ANGGARAN.sheet);
  for (let r = TABLE_ROWS.firstData; r < (info?.usedRows ?? 0); r++) {
    const kode = wb.cell(REALISASI_ANGGARAN.sheet, r, col("kode"))?.value;
    if (typeof kode === "string" && !rows.has(kode)) rows.set(kode, wb.cell(REALISASI_ANGGARAN.sheet, r, col("setelah"))?.value ?? null);
  }
  for (const line of [...lra.programs, ...lra.kegiatan, ...lra.subKegiatan]) {
    if (!rows.has(line.notation)) problems.push(`no row ${line.notation}`);
    else if (rows.get(line.notation) !== line.totals.anggaranSetelah) problems.push(`${line.notation} setelah ${String(rows.get(line.notation))} ≠ ${line.totals.anggaranSetelah}`);
  }
  lra.rows.forEach((row, i) => {
    if (wb.cell(DETAIL_SHEET, 3 + i, 1)?.value !== row.kode) problems.push(`detail row ${i} is not ${row.kode}`);
  });
  if (wb.cell(DETAIL_SHEET, 3 + lra.rows.length, 1)?.value != null) problems.push("detail rows beyond the import");
  const journal = (await wb.sheets()).find((s) => s.name === JOURNAL_SHEET)?.usedRows ?? 0;
  const entries = Math.max(0, journal - 3) - journalBefore;
  if (entries !== (confirmed ? 1 : 0)) problems.push(`${entries} journal entries, expected ${confirmed ? 1 : 0}`);
  return problems;
}

describe("mutated exports through parse and import into the memory workbook", () => {
  let template: WorkbookOp[] = [];
  beforeAll(async () => {
    const june = parseLra(FIXTURE);
    if (!june.ok) throw new Error(june.message);
    const wb = new MemoryWorkbook();
    await importLra(wb, june);
    template = wb.snapshotOps();
  });

  it(`never throws and never writes part of an import (seed ${SEED}, ${RUNS} cases)`, async () => {
    const seen = { refusedText: 0, refusedImport: 0, imported: 0, forced: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: BASES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom("all" as const, undefined),
        async (base, mutations, holdsJune, confirmed) => {
          const text = mutate(BASES[base]!, mutations);
          const lra = parseLra(text);
          if (!lra.ok) {
            seen.refusedText++;
            expect(lra.message).toMatch(/Yang diharapkan/);
            return;
          }
          const wb = new MemoryWorkbook();
          if (holdsJune) await wb.apply(template);
          const before = await state(wb);
          const journalBefore = Math.max(0, ((await wb.sheets()).find((s) => s.name === JOURNAL_SHEET)?.usedRows ?? 0) - 3);
          const result = await importLra(wb, lra, undefined, confirmed ? { confirmed } : {});
          if (!result.ok) {
            seen.refusedImport++;
            const after = await state(wb);
            // on failure, say which sheets changed rather than print two whole workbooks
            expect(after === before ? "unchanged" : `changed: ${JSON.stringify(await wb.sheets())}`).toBe("unchanged");
            return;
          }
          seen.imported++;
          const forced = (result.confirmed?.length ?? 0) > 0;
          if (forced) seen.forced++;
          expect(await missingParts(wb, lra, journalBefore, forced)).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // the mutations reach every outcome, so none of the assertions above is idle
    expect(seen.refusedText).toBeGreaterThan(0);
    expect(seen.refusedImport).toBeGreaterThan(0);
    expect(seen.imported).toBeGreaterThan(0);
    expect(seen.forced).toBeGreaterThan(0);
  }, 120_000);
});
