/** The kode grammar (SPEC d3/d4) and the cell arithmetic (d5/d6) on their own. */
import fc from "fast-check";
import { formatAngka, parseAngka, roundHalfUp } from "../../../src/core/numbers";
import { readCell, scanAmounts, scanCanonical } from "../../../src/core/sipd/amounts";
import { KODE_PATTERN, classify, parentKode } from "../../../src/core/sipd/kode";
import { persenOf } from "../../../src/core/sipd";

describe("kode rekening", () => {
  it.each([
    ["00", "00", "5", "skpd_total"],
    ["00", "00", "5 1", "skpd_kelompok"],
    ["01", "00", "5 2", "program"],
    ["01", "2.01.0001", "5 1", "sub_kegiatan"],
    ["01", "2.01.0001", "5 1 02", "akun_jenis"],
    ["01", "2.01.0001", "5 1 02 02", "akun_objek"],
    ["01", "2.01.0001", "5 1 02 02 01", "akun_rincian_objek"],
    ["01", "2.01.0001", "5 1 02 02 01 0071", "akun_sub_rincian_objek"],
    // 002:589 and 590: an extra segment
    ["01", "2.02.0001", "5 1 01 01 01 02", "malformed"],
    ["01", "2.02.0001", "5 1 01 01 01 02 0001", "malformed"],
    ["01", "00", "5", "malformed"],
    ["00", "2.01.0001", "5 1", "malformed"],
    ["00", "00", "5 1 02", "malformed"],
    ["01", "2.01.0001", "5 12", "malformed"],
    ["01", "2.01.0001", "5 1 2", "malformed"],
    ["01", "2.01.0001", "5 1 02 02 01 71", "malformed"],
  ])("program %s, sub %s, akun %s is %s", (program, sub, akun, level) => {
    expect(classify(program, sub, akun.split(" "))).toBe(level);
  });

  it.each([
    ["7 01 7 01 00 01 2.01.0001 5 1 02 02 01 0071", "7 01 7 01 00 01 2.01.0001 5 1 02 02 01"],
    ["7 01 7 01 00 01 2.01.0001 5 1 02", "7 01 7 01 00 01 2.01.0001 5 1"],
    ["7 01 7 01 00 01 2.01.0001 5 1", "7 01 7 01 00 01 00 5 1"],
    ["7 01 7 01 00 01 00 5 2", "7 01 7 01 00 00 00 5 2"],
    ["7 01 7 01 00 00 00 5 2", "7 01 7 01 00 00 00 5"],
    ["7 01 7 01 00 00 00 5", null],
  ])("the parent of %s is %s", (kode, parent) => {
    const t = kode.split(" ");
    expect(parentKode(kode, t[5] ?? "", t[6] ?? "", t.slice(7).join(" "))).toBe(parent);
  });

  it("matches the d7 kode pattern and nothing looser", () => {
    expect(KODE_PATTERN.test("7 01 7 01 00 01 2.01.0001 5 1 02 02 01 0071")).toBe(true);
    expect(KODE_PATTERN.test("7 01 7 01 00 00 00 5")).toBe(true);
    expect(KODE_PATTERN.test("7 01 7 01 00 01 2.01.001 5 1")).toBe(false);
    expect(KODE_PATTERN.test("7 01 7 01 00 01 2.01.0001")).toBe(false);
    expect(KODE_PATTERN.test("7 01 7 01 00 01 2.01.0001 5 10000")).toBe(false);
    expect(KODE_PATTERN.test("KODE REKENING")).toBe(false);
  });
});

describe("%, as SIPD computes it", () => {
  it.each([
    [3844101645, 7229814333, 53.17],
    [20207949, 1268992, 1592.44],
    [0, 0, 0],
    [0, 3880000, 0],
    [2750000, 2750000, 100],
    // exact ties where S/D ÷ anggaran × 100 in floating point lands below the 5 and would round down
    [414, 1600, 25.88],
    [253, 1760, 14.38],
    [1044, 1920, 54.38],
    // Surplus / Defisit: both negative
    [-3844101645, -7229814333, 53.17],
  ])("%d / %d → %d", (sd, setelah, p) => {
    expect(persenOf(sd, setelah)).toBe(p);
  });

  it("is null when there is realisasi without anggaran", () => {
    expect(persenOf(5, 0)).toBeNull();
  });

  it("rounds at other precisions the same way (1.592,4 is 1592,44 at one decimal)", () => {
    expect(persenOf(20207949, 1268992, 1)).toBe(1592.4);
    expect(persenOf(1, 3, 0)).toBe(33);
  });

  it("is exact beyond 2^53 / 10^4 (a province-sized anggaran)", () => {
    // 125 / 1000 of 8e15: 12,5% exactly
    expect(persenOf(1_000_000_000_000_000, 8_000_000_000_000_000)).toBe(12.5);
    expect(persenOf(2_000_000_000_001, 4_000_000_000_000)).toBe(50);
  });

  it("agrees with exact rational half-up for random whole-rupiah amounts", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.integer({ min: 1, max: 10 ** 13 }), (sd, setelah) => {
        const n = BigInt(sd) * 10000n;
        const d = BigInt(setelah);
        const q = n / d + (2n * (n % d) >= d ? 1n : 0n);
        expect(persenOf(sd, setelah)).toBe(Number(q) / 100);
      }),
    );
  });
});

describe("cells", () => {
  it.each([
    ["7.229.814.333,00", "anggaranSetelah", 7229814333],
    ["(18.938.957,00)", "sisa", -18938957],
    ["2920768191,00", "realisasiBulanLalu", 2920768191],
    ["-7229814333,00", "anggaranSebelum", -7229814333],
    ["0,00", "realisasiBulanIni", 0],
    ["53,17", "persen", 53.17],
    ["1.592,4", "persen", 1592.4],
    ["100,00", "persen", 100],
    [" 1.000,00 ", "anggaranSetelah", 1000],
    ["Rp 1.000,00", "anggaranSetelah", 1000],
    ["53,17%", "persen", 53.17],
  ] as const)("reads %s in %s as %d", (raw, column, value) => {
    expect(readCell(raw, column)).toMatchObject({ kind: "value", value });
  });

  it.each([
    ["12 Dokumen", "anggaranSetelah"],
    ["53,17%", "anggaranSetelah"],
    ["7.229.8a14.333,00", "anggaranSetelah"],
    ["(1.000,00", "sisa"],
    ["abc", "persen"],
  ] as const)("does not read %s in %s", (raw, column) => {
    expect(readCell(raw, column)).toEqual({ kind: "unreadable", raw });
  });

  it.each([
    ["999.999.999.999.999.999,00", "anggaranSetelah"],
    ["(10.000.000.000.000.000,00)", "sisa"],
    ["-9007199254740993,00", "anggaranSebelum"],
    ["9.007.199.254.740.992,00", "realisasiSd"],
    ["1.000.000.000.000.000.000", "persen"],
  ] as const)("refuses %s in %s: beyond exact integers, it would be read rounded", (raw, column) => {
    expect(readCell(raw, column)).toEqual({ kind: "out-of-range", raw });
  });

  it("reads the largest exact amount exactly", () => {
    expect(readCell("9.007.199.254.740.991,00", "anggaranSetelah")).toMatchObject({ kind: "value", value: Number.MAX_SAFE_INTEGER });
    expect(readCell("(999.999.999.999.999,00)", "sisa")).toMatchObject({ kind: "value", value: -999_999_999_999_999 });
  });

  it("reads empty and blank cells as empty", () => {
    expect(readCell("", "sisa")).toEqual({ kind: "empty" });
    expect(readCell("   ", "persen")).toEqual({ kind: "empty" });
  });

  // the canonical fast path must read exactly as parseAngka does
  const general = (raw: string, money: boolean): number | null => {
    const r = parseAngka(raw, { kind: money ? "money" : "ratio" });
    if (!r.ok || r.unit !== null || (money && r.percent)) return null;
    return money && !Number.isInteger(r.value) ? roundHalfUp(r.value, 2) : r.value;
  };
  const valueOf = (raw: string, money: boolean): number | null => {
    const c = readCell(raw, money ? "anggaranSetelah" : "persen");
    return c.kind === "value" ? c.value : null;
  };

  it("reads SIPD-formatted amounts exactly as parseAngka does", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (rupiah, sen, plain) => {
        const v = rupiah + Math.sign(rupiah || 1) * (sen / 100);
        const text = plain ? `${v < 0 ? "-" : ""}${Math.abs(rupiah)},${String(sen).padStart(2, "0")}` : formatAngka(v, "money", { negative: "parentheses" });
        expect(valueOf(text, true)).toBe(general(text, true));
        expect(valueOf(text, true)).not.toBeNull();
      }),
    );
  });

  it("reads a SIPD amount with one character changed, added or dropped as parseAngka does", () => {
    // up to 10^12 rupiah: a digit added stays an exact integer
    const chars = fc.constantFrom("0", "7", ".", ",", "(", ")", "-", " ", "x");
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 0, max: 99 }), fc.nat(), chars, fc.constantFrom("replace", "insert", "delete"), fc.boolean(), (rupiah, sen, at, ch, op, money) => {
        const v = rupiah + Math.sign(rupiah || 1) * (sen / 100);
        const text = formatAngka(v, "money", { negative: "parentheses" });
        const i = at % (text.length + 1);
        const raw = op === "insert" ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + (op === "replace" ? ch : "") + text.slice(i + 1);
        expect(valueOf(raw, money)).toBe(general(raw, money));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads any short string of digits and separators as parseAngka does", () => {
    const chars = fc.constantFrom("0", "1", "5", "9", ".", ",", "(", ")", "-", " ", "%");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 16 }), fc.boolean(), (cs, money) => {
        const raw = cs.join("");
        expect(valueOf(raw, money)).toBe(general(raw, money));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("a data line's seven amounts, read in one pass (scanAmounts)", () => {
  /** The amount-by-amount reading the row loop falls back to: null when the line is not the common one. */
  function oneByOne(raw: string, first: number, end: number): { values: number[]; stops: number[] } | null {
    const stops = new Int32Array(9);
    stops[1] = first - 1;
    const values: number[] = [];
    for (let j = 0; j < 7; j++) {
      const x = scanCanonical(raw, j !== 5, stops[j + 1]! + 1, end, stops, j + 2);
      const stop = stops[j + 2]!;
      if (!(x === x && (j === 5 || Number.isInteger(x)) && (j < 6 ? raw.charCodeAt(stop) === 9 : stop === end))) return null;
      values.push(x);
    }
    return { values, stops: [...stops.slice(2)] };
  }
  function inOnePass(raw: string, first: number, end: number): { values: number[]; stops: number[] } | null {
    const stops = new Int32Array(9);
    stops[1] = first - 1;
    const values = new Float64Array(7);
    return scanAmounts(raw, end, stops, values) ? { values: [...values], stops: [...stops.slice(2)] } : null;
  }

  // at most 15 digits: SIPD's form, past which the line is read as text (and refused as out of range)
  const money = fc.integer({ min: 0, max: 10 ** 15 - 1 }).map((v) => formatAngka(v, "money"));
  const persen = fc.integer({ min: 0, max: 10 ** 9 }).map((h) => formatAngka(h / 100, "money"));
  /** A field as SIPD prints it, or with one character changed, added or dropped. */
  const field = (canonical: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 3, arbitrary: canonical },
      {
        weight: 2,
        arbitrary: fc.tuple(canonical, fc.nat(), fc.constantFrom("0", "7", ".", ",", "(", ")", "-", " ", "x", "\t"), fc.constantFrom("replace", "insert", "delete")).map(([t, at, ch, op]) => {
          const i = at % (t.length + 1);
          return op === "insert" ? t.slice(0, i) + ch + t.slice(i) : t.slice(0, i) + (op === "replace" ? ch : "") + t.slice(i + 1);
        }),
      },
      { weight: 1, arbitrary: fc.constantFrom("(1.000,00)", "-5,00", "2920768191,00", "1000.000,00", "12.3456,00", "0.000.000.000.000.000,00", "999.999.999.999.999,00", "1.000,50", "", "0,5", "00,00", "1.592,4") },
    );
  const line = fc.tuple(fc.array(money, { minLength: 5, maxLength: 5 }), persen, money).chain(([m, p, sisa]) =>
    fc.tuple(...[...m, p, sisa].map((canonical) => field(fc.constant(canonical)))),
  );

  it("reads what the amount-by-amount reading reads, wherever it reads anything", () => {
    fc.assert(
      fc.property(line, fc.constantFrom("", "\n", "\r\n", "\n7 01 7 01 00 01\t12,00"), (fields, after) => {
        const head = "7 01 7 01 00 01 2.01.0001 5 1 02\tBelanja\t";
        const raw = head + fields.join("\t") + after;
        const end = head.length + fields.join("\t").length;
        const fast = inOnePass(raw, head.length, end);
        if (fast !== null) expect(fast).toEqual(oneByOne(raw, head.length, end));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads every line in SIPD's own form, at the end of the text or before a line break", () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 5, maxLength: 5 }), persen, money, fc.constantFrom("", "\n", "\r\n"), (m, p, sisa, after) => {
        const head = "7 01 7 01 00 01 2.01.0001 5 1 02\tBelanja\t";
        const body = [...m, p, sisa].join("\t");
        const raw = head + body + after;
        const fast = inOnePass(raw, head.length, head.length + body.length);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(oneByOne(raw, head.length, head.length + body.length));
      }),
      { numRuns: 2000 },
    );
  });
});
