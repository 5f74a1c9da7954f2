/**
 * The row checks as the row loop makes them: a row that adds up (whole rupiah, every cell filled, the
 * % at two decimals) is told so from its amounts without the full check, and every other row gets the
 * full check. Held against the full check run on every row of the parse, on exports whose amounts are
 * changed at random: the same findings, in the same order.
 */
import fc from "fast-check";
import { generateLra, parseLra, type LraFinding } from "../../../src/core/sipd";
import { soundRow } from "../../../src/core/sipd/parse";
import { checkRowArithmetic } from "../../../src/core/sipd/reconcile";
import { fixtureText } from "./helpers";

const ROW_CHECKS = new Set(["sipd-sd-mismatch", "sipd-sisa-mismatch", "sipd-sisa-negative", "sipd-realisasi-over", "sipd-persen-precision", "sipd-persen-truncated", "sipd-persen-mismatch"]);

const money = (n: number) => `${n < 0 ? "(" : ""}${Math.abs(n).toLocaleString("id-ID")},00${n < 0 ? ")" : ""}`;

describe("the row checks of the row loop", () => {
  const bases = [fixtureText(), generateLra(300, 3), generateLra(200, 7, { rowsPerPage: 30 })];
  const cell = fc.oneof(
    fc.integer({ min: -5_000_000, max: 3_000_000_000 }).map(money),
    fc.constantFrom("0,00", "", "1.000,50", "12,5", "100,00", "99,99", "33,33", "33,34", "1.592,4", "abc"),
  );
  const edit = fc.record({ at: fc.nat(), field: fc.integer({ min: 2, max: 8 }), to: cell });

  it("find what the full check finds on every row, row for row", () => {
    let seen = 0;
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (b, edits) => {
        const lines = bases[b]!.split("\n");
        for (const e of edits) {
          const at = e.at % lines.length;
          const fields = lines[at]!.split("\t");
          if (fields.length !== 9) continue;
          fields[e.field] = e.to;
          lines[at] = fields.join("\t");
        }
        const r = parseLra(lines.join("\n"));
        if (!r.ok) return;
        const reference: LraFinding[] = [];
        for (const row of r.rows) checkRowArithmetic(row, reference);
        // the footer's lines have their own S/D check (checkFooter)
        const footer = new Set(r.footer.map((f) => f.line));
        expect(r.findings.filter((f) => ROW_CHECKS.has(f.code) && !(f.at.kind === "line" && footer.has(f.at.line)))).toEqual(reference);
        seen += reference.length;
      }),
      { numRuns: 300 },
    );
    // the edits do break rows: the two routes were compared on findings, not only on none
    expect(seen).toBeGreaterThan(100);
  });

  it("tell a sound row only when the full check finds nothing in it", () => {
    const v = new Float64Array(7);
    const amount = fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.constantFrom(NaN, 0.5, 1e15));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 7, maxLength: 7 }), fc.boolean(), (xs, coherent) => {
        xs.forEach((x, j) => (v[j] = x));
        if (coherent) {
          // mostly rows that add up, so both answers are seen
          v[4] = v[2]! + v[3]!;
          v[6] = v[1]! - v[4]!;
        }
        const stated = { anggaranSebelum: v[0]!, anggaranSetelah: v[1]!, realisasiBulanLalu: v[2]!, realisasiBulanIni: v[3]!, realisasiSd: v[4]!, persen: v[5]!, sisa: v[6]! };
        for (const k of Object.keys(stated) as (keyof typeof stated)[]) if (Number.isNaN(stated[k])) (stated as Record<string, number | null>)[k] = null;
        const found: LraFinding[] = [];
        checkRowArithmetic({ line: 1, kode: "k", stated, persenDecimals: 2, fields: [] } as never, found);
        if (soundRow(v)) expect(found).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
