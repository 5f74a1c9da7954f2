/**
 * The fast paths of the row loop and the kode tree, held against the plain readings they replace: the
 * akun level read from the string against `classify` on its tokens, and the roll-up findings against a
 * reference that finds every parent through a map of kode and sums its children one by one.
 */
import fc from "fast-check";
import { generateLra, parseLra, MONEY_COLUMNS, type LraParseSuccess, type LraRow } from "../../../src/core/sipd";
import { addMoney, sameMoney } from "../../../src/core/sipd/amounts";
import { KODE_PATTERN, KodeScan, classify, notationOf, parentKode, readHead, readKode } from "../../../src/core/sipd/kode";
import { buildTree, literalReading, repairedReading, treeByKode } from "../../../src/core/sipd/reconcile";
import { fixtureText, parsedOk } from "./helpers";

describe("the akun read from the kode string", () => {
  const token = fc.constantFrom("5", "1", "2", "01", "02", "10", "0071", "0001", "123", "00");

  it("is read where the kode stands in a line: its head, the level classify() gives its akun tokens, token 1 as kelompok", () => {
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
    const kode = fc
      .tuple(
        fc.constantFrom("7 01 7 01 00", "1 02 1 02 01", "4 10 4 10 99"),
        fc.oneof(fc.constant("00"), digits(2, 2)),
        fc.oneof(fc.constant("00"), fc.constantFrom("2.01.0001", "1.02.0003", "9.99.9999")),
        fc.array(fc.oneof(token, digits(1, 4)), { minLength: 1, maxLength: 9 }),
      )
      .map(([unit, p, s, akun]) => `${unit} ${p} ${s} ${akun.join(" ")}`);
    const scan = new KodeScan();
    fc.assert(
      fc.property(kode, fc.string({ maxLength: 5 }), (k, before) => {
        expect(KODE_PATTERN.test(k)).toBe(true);
        const line = `${before}${k}\turaian`;
        readKode(line, before.length, before.length + k.length, scan);
        // tokens 0–6 are the head, the rest the akun: its level as classify() gives it, token 1 its kelompok
        const tokens = k.split(" ");
        const akun = tokens.slice(7);
        expect(line.slice(before.length, scan.headEnd)).toBe(tokens.slice(0, 7).join(" "));
        expect(scan.level).toBe(classify(tokens[5]!, tokens[6]!, akun));
        expect(scan.kelompok < 0 ? null : line.slice(scan.kelompok, scan.kelompokEnd)).toBe(akun[1] ?? null);
        // the head's parts, cut at their places, are its tokens
        const head = readHead(line.slice(before.length, scan.headEnd));
        const sub = tokens[6]!;
        const kegiatan = sub === "00" ? null : sub.slice(0, sub.lastIndexOf("."));
        expect(head).toEqual({
          length: scan.headEnd - before.length,
          urusan: `${tokens[0]}.${tokens[1]}`,
          unit: tokens.slice(2, 5).join(" "),
          program: tokens[5],
          sub,
          kegiatan,
          subKegiatan: sub === "00" ? null : sub,
          notation: notationOf(tokens[0]!, tokens[1]!, tokens[5]!, kegiatan, sub === "00" ? null : sub),
        });
      }),
      { numRuns: 3000 },
    );
  });
});

type Rollup = [line: number, column: string | undefined, stated: unknown, expected: unknown, related: number[] | undefined];

/** Σ children per parent, the slow way: a map from kode to the first row with it, children in row order. */
function referenceRollups(r: LraParseSuccess, reading: "repaired" | "literal" = "repaired"): Rollup[] {
  const read = (row: LraRow) => (reading === "repaired" ? (row.repaired ?? row) : row);
  const byKey = new Map<string, LraRow>();
  const counted: LraRow[] = [];
  for (const row of r.rows) {
    if (byKey.has(read(row).kode)) continue;
    byKey.set(read(row).kode, row);
    counted.push(row);
  }
  const children = new Map<LraRow, LraRow[]>();
  for (const row of counted) {
    const { kode, akun } = read(row);
    const pk = parentKode(kode, row.program, row.subKegiatan ?? "00", akun);
    const parent = pk === null ? undefined : byKey.get(pk);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const out: Rollup[] = [];
  for (const [parent, kids] of children) {
    for (const column of MONEY_COLUMNS) {
      const stated = parent.stated[column];
      if (stated === null || kids.some((k) => k.stated[column] === null)) continue;
      const sum = kids.reduce((s, k) => addMoney(s, k.stated[column]!), 0);
      if (!sameMoney(stated, sum)) out.push([parent.line, column, stated, sum, kids.map((k) => k.line)]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const rollups = (r: LraParseSuccess): Rollup[] =>
  r.findings.filter((f) => f.code === "sipd-rollup").map((f) => [f.at.line, f.at.column, f.stated, f.expected, (f.related ?? []).map((r) => (r.kind === "line" ? r.line : -1))]);

describe("roll-ups over the kode tree", () => {
  const bases = [fixtureText(), generateLra(400, 5), generateLra(300, 9, { rowsPerPage: 40 })];
  const edit = fc.oneof(
    fc.record({ op: fc.constant("delete" as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant("swap" as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant("amount" as const), at: fc.nat(), to: fc.nat({ max: 6 }) }),
    // one digit of the kode's akun changed: the row may no longer sit under the row before it
    fc.record({ op: fc.constant("kode" as const), at: fc.nat(), to: fc.nat() }),
  );

  it("find the same breaks as a map from every kode, when lines are moved, copied, dropped or changed", () => {
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (b, edits) => {
        const lines = bases[b]!.split("\n");
        for (const e of edits) {
          const at = e.at % lines.length;
          const to = e.to % lines.length;
          const line = lines[at]!;
          if (e.op === "delete") lines.splice(at, 1);
          else if (e.op === "duplicate") lines.splice(to, 0, line);
          else if (e.op === "swap") [lines[at], lines[to]] = [lines[to]!, line];
          else if (e.op === "kode") {
            const fields = line.split("\t");
            const kode = fields[0]!;
            // a digit of the akun (after the 25-character head of a sub kegiatan's kode)
            const digits = [...kode.matchAll(/\d/g)].map((m) => m.index!).filter((k) => k > 25);
            if (fields.length === 9 && digits.length) {
              const k = digits[e.to % digits.length]!;
              fields[0] = `${kode.slice(0, k)}${(Number(kode[k]) + 1 + (e.to % 8)) % 10}${kode.slice(k + 1)}`;
              lines[at] = fields.join("\t");
            }
          } else {
            const fields = line.split("\t");
            if (fields.length === 9) fields[2 + e.to] = "1.000,00";
            lines[at] = fields.join("\t");
          }
        }
        for (const reading of ["repaired", "literal"] as const) {
          const result = parseLra(lines.join("\n"), { rollupReading: reading });
          if (result.ok) expect(rollups(result)).toEqual(referenceRollups(result, reading));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("find the breaks of the 002 export read literally (its malformed codes break two parents)", () => {
    const r = parsedOk(parseLra(fixtureText(), { rollupReading: "literal" }));
    expect([...new Set(rollups(r).map((b) => b[0]))]).toEqual([30, 31]);
    expect(rollups(r)).toEqual(referenceRollups(r, "literal"));
  });
});

describe("the kode tree of rows in export order", () => {
  const base = parsedOk(parseLra(generateLra(400, 11))).rows;
  const fixture = parsedOk(parseLra(fixtureText())).rows;

  /** What a tree says, comparable: parents by line, orphans, duplicates, and the index's answers. */
  function said(t: ReturnType<typeof buildTree>, rows: readonly LraRow[]) {
    return {
      counted: t.counted.map((r) => r.line),
      parent: [...t.parent].map((p) => (p < 0 ? -1 : t.counted[p]!.line)),
      orphans: t.orphans.map((o) => [o.row.line, o.parent]),
      duplicates: t.duplicates.map((d) => [d.row.line, d.first.line]),
      index: rows.map((r) => [t.byKey.has(r.kode), t.byKey.get(r.kode), t.byKey.has(`${r.kode} 9`)]),
    };
  }

  it("is the tree the map of every kode finds, on SIPD's order and on rows moved, copied, dropped or repaired", () => {
    const edit = fc.record({ kind: fc.constantFrom("swap", "copy", "drop", "move-up", "repeat"), at: fc.nat(), to: fc.nat() });
    fc.assert(
      fc.property(fc.constantFrom(base, fixture), fc.array(edit, { maxLength: 3 }), fc.boolean(), (source, edits, repaired) => {
        const rows = [...source];
        for (const e of edits) {
          const i = e.at % rows.length;
          const j = e.to % rows.length;
          if (e.kind === "swap") [rows[i], rows[j]] = [rows[j]!, rows[i]!];
          else if (e.kind === "copy") rows.splice(j, 0, rows[i]!);
          else if (e.kind === "drop" && rows.length > 2) rows.splice(i, 1);
          else if (e.kind === "move-up") rows.splice(Math.min(i, j), 0, ...rows.splice(Math.max(i, j), 1));
          // a page pasted twice: a few rows again right after themselves
          else if (e.kind === "repeat") rows.splice(i + 1, 0, ...rows.slice(i, i + 1 + (j % 4)));
        }
        const read = repaired ? repairedReading : literalReading;
        expect(said(buildTree(rows, read), rows)).toEqual(said(treeByKode(rows, read), rows));
      }),
      { numRuns: 400 },
    );
  });

  it("reads an export in SIPD's order in one pass: no duplicates, every akun row under its parent", () => {
    const t = buildTree(base, literalReading);
    expect(t.duplicates).toEqual([]);
    expect(t.counted).toBe(base);
    // the one-pass route: its index of every kode is built only when asked
    expect(t.byKey).not.toBeInstanceOf(Map);
    expect(said(t, base)).toEqual(said(treeByKode(base, literalReading), base));
  });
});
