import fc from "fast-check";
import { asFraction, formatAngka, formatPersen, parseAngka, roundHalfUp, type NumberKind } from "../../../src/core/numbers";

const value = (raw: string, kind?: NumberKind): number => {
  const r = parseAngka(raw, { kind });
  if (!r.ok) throw new Error(`${raw}: ${r.reason}`);
  return r.value;
};

describe("parseAngka reads numbers as the reports and SIPD write them", () => {
  it.each<[string, number, string]>([
    ["7.229.814.333,00", 7229814333, "SIPD amount (002:568)"],
    ["0,52", 0.52, "capaian as a fraction (002:1177)"],
    ["(18.938.957,00)", -18938957, "negative sisa in parentheses (002:605)"],
    ["Rp 5.175.000,-", 5175000, "PK anggaran with Rp and ,-"],
    ["Rp. 1.390.110.590,00", 1390110590, "PK program list (001:183)"],
    ["Rp. 1.823.687.638,-", 1823687638, "narrative (004:851)"],
    ["1,706,504,410", 1706504410, "English grouping (000:108)"],
    ["0.52", 0.52, "English decimal"],
    ["2920768191,00", 2920768191, "unformatted footer (002:869)"],
    ["-7229814333,00", -7229814333, "footer with a leading minus (002:870)"],
    ["1.592,4", 1592.4, "SIPD percent with one decimal (002:605)"],
    ["27,08 %", 27.08, "percent with a space (001:1242)"],
    ["2.400.000,-", 2400000, "CpO pagu (001:1778)"],
    ["100.", 100, "a sentence's full stop"],
    ["−5", -5, "unicode minus"],
  ])("%s is %d — %s", (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });

  it.each([
    ["93,75%", 93.75, 0.9375],
    ["0,46 %", 0.46, 0.0046],
    ["1.0 %", 1, 0.01],
  ])("%s is a percent: %d as written, %d as a fraction", (raw, written, fraction) => {
    const r = parseAngka(raw);
    expect(r).toMatchObject({ ok: true, value: written, percent: true });
    if (r.ok) expect(asFraction(r)).toBeCloseTo(fraction, 12);
  });

  it.each([
    ["12 Dokumen", 12, "Dokumen"],
    ["64Org/12 bln", 64, "Org/12 bln"],
    ["7 desa", 7, "desa"],
  ])("keeps the unit of %s", (raw, n, unit) => {
    expect(parseAngka(raw)).toMatchObject({ ok: true, value: n, unit });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["-", "dash"],
    ["--", "dash"],
    ["=", "dash"],
    ["n/a", "empty"],
    ["abc", "not-a-number"],
    ["1.2.3", "not-a-number"],
    ["12-13", "not-a-number"],
  ])("%j is no value (%s), never zero", (raw, reason) => {
    expect(parseAngka(raw)).toMatchObject({ ok: false, reason });
  });

  it("keeps the raw text and how it was written", () => {
    expect(parseAngka("**7.229.814.333,00**")).toMatchObject({
      ok: true,
      raw: "**7.229.814.333,00**",
      style: "id",
      decimals: 2,
      notes: [{ code: "markup-stripped" }],
    });
    expect(parseAngka("1,706,504,410")).toMatchObject({ style: "en" });
    expect(parseAngka("2920768191,00")).toMatchObject({ style: "plain" });
  });

  describe("ambiguous separators are decided by the column's kind and reported, never guessed", () => {
    it.each(["1.000", "1,000", "12.500", "100,000"])("%s without a kind is ambiguous", (raw) => {
      const r = parseAngka(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toBe("ambiguous");
    });

    it("money and counts group thousands; ratios take a decimal", () => {
      expect(parseAngka("1.000", { kind: "money" })).toMatchObject({ ok: true, value: 1000, notes: [{ code: "ambiguous-resolved" }] });
      expect(parseAngka("1.000", { kind: "count" })).toMatchObject({ ok: true, value: 1000 });
      expect(parseAngka("1,000", { kind: "ratio" })).toMatchObject({ ok: true, value: 1, notes: [{ code: "ambiguous-resolved" }] });
    });

    it("reports the hybrid 60.610,000 (R-NUM-01) whichever way it is read", () => {
      expect(parseAngka("60.610,000")).toMatchObject({ ok: false, reason: "ambiguous", candidates: [60610000, 60610] });
      expect(parseAngka("60.610,000", { kind: "money" })).toMatchObject({ ok: true, value: 60610000, notes: [{ code: "hybrid-separators" }] });
      expect(parseAngka("60.610,000", { kind: "ratio" })).toMatchObject({ ok: true, value: 60610, notes: [{ code: "hybrid-separators" }] });
    });

    it("Rp and ,- say money; % says ratio", () => {
      expect(value("Rp 1.000")).toBe(1000);
      expect(value("1.000,-")).toBe(1000);
      expect(value("1,500%")).toBe(1.5);
    });

    it("a leading zero or a long integer part is never thousands", () => {
      expect(value("0,500")).toBe(0.5);
      expect(value("1234,567")).toBe(1234.567);
    });
  });

  it("accepts numbers handed over by Excel as they are", () => {
    expect(parseAngka(0.5324)).toMatchObject({ ok: true, value: 0.5324, decimals: 4 });
    expect(parseAngka(Number.NaN)).toMatchObject({ ok: false, reason: "not-a-number" });
    expect(parseAngka(null)).toMatchObject({ ok: false, reason: "empty" });
  });
});

describe("parseAngka properties", () => {
  it("never throws on arbitrary text, and every failure has a reason", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.stringMatching(/^[-(Rp. 0-9.,%)a-z]{0,24}$/)), fc.constantFrom<NumberKind | undefined>(undefined, "money", "ratio", "count"), (s, kind) => {
        const r = parseAngka(s, { kind });
        if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
        else expect(["empty", "dash", "not-a-number", "ambiguous"]).toContain(r.reason);
      }),
      { numRuns: 3000 },
    );
  });

  const money = fc.double({ min: -1e12, max: 1e12, noNaN: true });
  const styles = fc.constantFrom("id" as const, "en" as const);

  it("round-trips every money amount it formats, with or without a declared kind", () => {
    fc.assert(
      fc.property(money, styles, fc.boolean(), (v, style, parens) => {
        const text = formatAngka(v, "money", { style, negative: parens ? "parentheses" : "minus" });
        expect(value(text, "money")).toBe(roundHalfUp(v, 2));
        expect(value(text)).toBe(roundHalfUp(v, 2));
      }),
    );
  });

  it("round-trips counts and ratios under their kind, at any precision", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), styles, (v, style) => {
        expect(value(formatAngka(v, "count", { style }), "count")).toBe(v);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 6 }), styles, (v, decimals, style) => {
        expect(value(formatAngka(v, "ratio", { style, decimals }), "ratio")).toBe(roundHalfUp(v, decimals));
      }),
    );
  });

  it("round-trips percentages", () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 4 }), (fraction, decimals) => {
        const r = parseAngka(formatPersen(fraction, decimals));
        expect(r).toMatchObject({ ok: true, percent: true });
        if (r.ok) expect(r.value).toBe(roundHalfUp(fraction * 100, decimals));
      }),
    );
  });
});

describe("formatAngka writes Indonesian numbers", () => {
  it.each<[number, NumberKind, string]>([
    [7229814333, "money", "7.229.814.333,00"],
    [-18938957, "money", "-18.938.957,00"],
    [1234567, "count", "1.234.567"],
    [0.5324, "ratio", "0,5324"],
  ])("%d as %s is %s", (v, kind, text) => {
    expect(formatAngka(v, kind)).toBe(text);
  });

  it("writes SIPD-style negatives and percentages", () => {
    expect(formatAngka(-18938957, "money", { negative: "parentheses" })).toBe("(18.938.957,00)");
    expect(formatPersen(3844101645 / 7229814333)).toBe("53,17%");
  });
});
