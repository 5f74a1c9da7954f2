/**
 * Whatever is pasted, parseLra returns a well-formed result and never throws; and the synthetic
 * generator used by the benchmark writes exports that reconcile exactly.
 */
import fc from "fast-check";
import { generateLra, parseLra, type LraParseSuccess } from "../../../src/core/sipd";
import { LineLoop } from "../../../src/core/sipd/parse";
import { plainLra } from "../../support/plain-lra";
import { expectWellFormed, fixtureText, parsedOk } from "./helpers";

const fixtureLines = fixtureText().split("\n");

type Mutation =
  | { op: "delete"; at: number }
  | { op: "duplicate"; at: number }
  | { op: "swap-fields"; at: number; a: number; b: number }
  | { op: "insert-char"; at: number; field: number; pos: number; ch: string }
  | { op: "replace-line"; at: number; text: string }
  | { op: "insert-line"; at: number; text: string };

const unicodeText = fc.string({ unit: "binary", maxLength: 40 });
const noise = fc.oneof(fc.constantFrom(".", ",", "(", ")", "-", " ", "\t", "0", "9", "x", "%", "\u00a0", "\r", "é", "𝟘"), fc.string({ unit: "grapheme", maxLength: 1 }));
const index = fc.nat({ max: 10_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: index }),
  fc.record({ op: fc.constant("duplicate" as const), at: index }),
  fc.record({ op: fc.constant("swap-fields" as const), at: index, a: fc.nat({ max: 8 }), b: fc.nat({ max: 8 }) }),
  fc.record({ op: fc.constant("insert-char" as const), at: index, field: fc.nat({ max: 8 }), pos: fc.nat({ max: 40 }), ch: noise }),
  fc.record({ op: fc.constant("replace-line" as const), at: index, text: unicodeText }),
  fc.record({ op: fc.constant("insert-line" as const), at: index, text: unicodeText }),
);

function apply(lines: string[], m: Mutation): void {
  if (lines.length === 0) return;
  const at = m.at % lines.length;
  const line = lines[at] ?? "";
  switch (m.op) {
    case "delete":
      lines.splice(at, 1);
      return;
    case "duplicate":
      lines.splice(at, 0, line);
      return;
    case "swap-fields": {
      const f = line.split("\t");
      const a = f[m.a];
      const b = f[m.b];
      if (a === undefined || b === undefined) return;
      f[m.a] = b;
      f[m.b] = a;
      lines[at] = f.join("\t");
      return;
    }
    case "insert-char": {
      const f = line.split("\t");
      const cell = f[m.field % f.length] ?? "";
      const pos = m.pos % (cell.length + 1);
      f[m.field % f.length] = cell.slice(0, pos) + m.ch + cell.slice(pos);
      lines[at] = f.join("\t");
      return;
    }
    case "replace-line":
      lines[at] = m.text;
      return;
    case "insert-line":
      lines.splice(at, 0, m.text);
  }
}

const lineCountOf = (text: string): number => {
  const n = text.split(/\r\n|\r|\n/).length;
  return /(\r\n|\r|\n)$/.test(text) && n > 1 ? n - 1 : n;
};

describe("parseLra never throws and always returns a well-formed result", () => {
  it("on the 002 export after random line deletions, duplications, field swaps, inserted characters and unicode lines", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        const lines = [...fixtureLines];
        for (const m of mutations) apply(lines, m);
        const text = lines.join("\n");
        const result = parseLra(text);
        expectWellFormed(result, lineCountOf(text));
        if (result.ok) {
          // a data row is never invented: every row is a line of the mutated text
          const textLines = text.split(/\r\n|\r|\n/);
          const invented = result.rows.filter((row) => !(textLines[row.line - 1] ?? "").includes((row.fields[1] ?? "").trim()));
          expect(invented).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on arbitrary unicode text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 500 }), (text) => {
        expectWellFormed(parseLra(text), lineCountOf(text));
      }),
      { numRuns: 500 },
    );
  });

  it("on random TAB-separated lines built from kode-like and number-like pieces", () => {
    const piece = fc.oneof(
      fc.constantFrom("7 01 7 01 00 01 2.01.0001 5 1", "7 01 7 01 00 00 00 5", "7 01 7 01 00 01 00 5 1 02 01 01 01 01 0001", "Jumlah Belanja", "Surplus / Defisit", ""),
      fc.constantFrom("1.000,00", "(1.000,00)", "-5,00", "53,17", "1.592,4", "0,00", "x", "Hal : 1", "**", "<b>"),
    );
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 11 }), { maxLength: 30 }), (rows) => {
        const text = rows.map((r) => r.join("\t")).join("\n");
        expectWellFormed(parseLra(text), lineCountOf(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe("the row loop's memory of the lines every page repeats", () => {
  // the lines of a page, and lines like them: headers and footers with a character changed, a header
  // line with data around it, markup, and lines that are no header at all
  const pageLines = [...new Set([...fixtureLines, ...generateLra(60, 3, { rowsPerPage: 12 }).split("\n")])];
  // the lines every page repeats (page and column headers, page numbers), often enough that a header
  // line stands before the data and again after it
  const repeated = [...new Set(generateLra(60, 3, { rowsPerPage: 12 }).split("\n"))].filter((l) => !/^\d \d{2} /.test(l));
  const line = fc.oneof(
    fc.constantFrom(...pageLines),
    fc.constantFrom(...repeated),
    fc.tuple(fc.constantFrom(...pageLines), fc.nat(), noise).map(([l, pos, ch]) => l.slice(0, pos % (l.length + 1)) + ch + l.slice(pos % (l.length + 1))),
    fc.constantFrom("KODE REKENING", "**KODE REKENING**\tURAIAN", "\uFEFFKODE REKENING\tURAIAN", "1\t2\t3\t4", "SEBELUM PERUBAHAN", "\tJumlah Belanja\t1,00"),
    unicodeText,
  );

  it("reads every line as reading it afresh would, wherever the lines stand", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.constantFrom("repaired" as const, "literal" as const), (lines, reading) => {
        const read = (remember: boolean) => {
          const loop = new LineLoop(remember);
          for (const l of lines) loop.textLine(loop.nextLine(), l);
          return plainLra(loop.finish(() => lines.join("\n"), reading));
        };
        expect(read(true)).toEqual(read(false));
      }),
      { numRuns: 1500 },
    );
  });

  it("reads whole exports of many pages as reading every line afresh would", () => {
    const read400 = () => parsedOk(parseLra(generateLra(400, 5, { rowsPerPage: 20 })));
    for (const text of [generateLra(400, 5, { rowsPerPage: 20 }), fixtureLines.join("\n"), generateLra(200, 6, { rowsPerPage: 15 }).split("\n").slice(4).join("\n")]) {
      const lines = text.split("\n");
      const read = (remember: boolean) => {
        const loop = new LineLoop(remember);
        for (const l of lines) loop.textLine(loop.nextLine(), l);
        return loop.finish(() => text, "repaired");
      };
      const remembered = read(true);
      expect(plainLra(remembered)).toEqual(plainLra(read(false)));
    }
    // the first export's page header stands before its data, and again on each of its 20 pages
    const many = read400();
    expect(many.skipped.filter((s) => s.kind === "page-header").length).toBeGreaterThanOrEqual(19);
    expect(many.meta.pemda).toBe("PEMERINTAH KABUPATEN CONTOH");
  });
});

describe("generateLra", () => {
  const levels = (r: LraParseSuccess): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const row of r.rows) out[row.level] = (out[row.level] ?? 0) + 1;
    return out;
  };

  it("writes exactly the requested number of rows, which parse with no finding at all", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 600 }),
        fc.integer(),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom("\n" as const, "\r\n" as const),
        (rows, seed, rowsPerPage, lineEnding) => {
          const text = generateLra(rows, seed, { rowsPerPage, lineEnding });
          const r = parsedOk(parseLra(text));
          expect(r.findings).toEqual([]);
          expect(r.rows).toHaveLength(rows);
          expect(r.footer.map((f) => f.kind)).toEqual(["jumlah_belanja", "surplus_defisit"]);
          expect(r.rows.filter((x) => x.level === "malformed")).toEqual([]);
          expect(r.skipped.filter((s) => s.kind === "page-number")).toHaveLength(Math.floor((rows - 1) / rowsPerPage));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("uses the whole grammar: both kelompok, every akun level, derived kegiatan", () => {
    const r = parsedOk(parseLra(generateLra(5000, 7, { bulan: 9, tahun: 2025 })));
    expect(levels(r)).toMatchObject({ skpd_total: 1, skpd_kelompok: 2 });
    for (const l of ["program", "sub_kegiatan", "akun_jenis", "akun_objek", "akun_rincian_objek", "akun_sub_rincian_objek"]) {
      expect(levels(r)[l]).toBeGreaterThan(0);
    }
    expect(r.meta).toMatchObject({ tahunAnggaran: 2025, bulan: { name: "SEPTEMBER", triwulan: 3, quarterEnd: true } });
    expect(r.kegiatan.length).toBeGreaterThan(1);
    expect(r.programs.find((p) => p.program === "01")?.kelompok).toEqual(["1", "2"]);
    const root = r.rows[0];
    expect(root?.level).toBe("skpd_total");
    expect(r.programs.reduce((s, p) => s + (p.totals.anggaranSetelah ?? 0), 0)).toBe(root?.stated.anggaranSetelah);
  });

  it("is deterministic for a seed", () => {
    expect(generateLra(300, 11)).toBe(generateLra(300, 11));
    expect(generateLra(300, 11)).not.toBe(generateLra(300, 12));
  });

  it("refuses a row count outside its range (a programmer error)", () => {
    expect(() => generateLra(7, 1)).toThrow(RangeError);
    expect(() => generateLra(10.5, 1)).toThrow(RangeError);
  });
});
