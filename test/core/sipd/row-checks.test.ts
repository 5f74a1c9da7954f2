/**
 * The row checks as the row loop makes them: a row that adds up (whole rupiah, every cell filled, the
 * % at two decimals) is told so from its amounts without the full check, and every other row gets the
 * full check. Held against the full check run on every row of the parse, on exports whose amounts are
 * changed at random: the same findings, in the same order.
 */
import fc from "fast-check";
import { amountsAt, generateLra, parseLra, persenOf, type LraFinding } from "../../../src/core/sipd";
import { LineLoop, soundRow } from "../../../src/core/sipd/parse";
import { plainRow } from "../../../src/core/sipd/row";
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
    let sound = 0;
    const amount = fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.constantFrom(NaN, 0.5, 1e15));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 7, maxLength: 7 }), fc.boolean(), (xs, coherent) => {
        xs.forEach((x, j) => (v[j] = x));
        if (coherent) {
          // mostly rows that add up, so both answers are seen
          v[4] = v[2]! + v[3]!;
          v[6] = v[1]! - v[4]!;
          v[5] = persenOf(v[4]!, v[1]!) ?? NaN;
        }
        const found: LraFinding[] = [];
        checkRowArithmetic({ line: 1, kode: "k", stated: amountsAt(v, 0), persenDecimals: 2, fields: [] } as never, found);
        if (!soundRow(v)) return;
        sound++;
        expect(found).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    // both answers were given: the property held over sound rows, not over none
    expect(sound).toBeGreaterThan(50);
    expect(sound).toBeLessThan(3000);
  });
});

describe("rows the row loop did not make itself", () => {
  it("are checked and summed as its own rows are (their amounts are not in its store)", () => {
    // the fixture with a sum broken and a row's S/D off, so that both routes have findings to give
    const lines = fixtureText().split("\n");
    const at = lines.findIndex((l) => l.split("\t").length === 9 && /^\d /.test(l) && l.split(" ").length > 12);
    const fields = lines[at]!.split("\t");
    fields[6] = "1.000,00";
    lines[at] = fields.join("\t");
    const text = lines.join("\n");
    const own = parseLra(text);
    if (!own.ok) throw new Error(own.message);
    // the same rows handed over as plain data, line by line, through the loop's public door
    const loop = new LineLoop();
    const rows = new Map(own.rows.map((r) => [r.line, plainRow(r)]));
    const footer = new Map(own.footer.map((f) => [f.line, f]));
    for (let line = 1; line <= own.lineCount; line++) {
      loop.nextLine();
      const row = rows.get(line);
      if (row) loop.row(row);
      else loop.textLine(line, footer.has(line) ? lines[line - 1]! : "");
    }
    const handed = loop.finish(() => text, "repaired");
    if (!handed.ok) throw new Error(handed.message);
    const said = (fs: readonly LraFinding[]) => fs.filter((f) => f.code !== "sipd-header-missing").map((f) => `${f.at.line} ${f.code} ${f.stated ?? ""} ${f.expected ?? ""}`);
    expect(said(handed.findings).length).toBeGreaterThan(2);
    expect(said(handed.findings)).toEqual(said(own.findings));
  });
});
