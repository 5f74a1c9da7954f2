import fc from "fast-check";
import { checkStated, roundHalfUp, significantDecimals, truncate } from "../../../src/core/numbers";

/** The rounding by decimal text, as roundHalfUp did it for every number before its two shortcuts. */
function byText(x: number, d: number): number {
  const shift = (a: number) => (String(a).includes("e") ? a * 10 ** d : Number(`${a}e${d}`));
  const unshift = (n: number) => (String(n).includes("e") ? n / 10 ** d : Number(`${n}e-${d}`));
  const r = unshift(Math.round(shift(Math.abs(x))));
  return r === 0 ? 0 : (x < 0 ? -1 : 1) * r;
}

describe("roundHalfUp rounds as SIPD and Excel's ROUND do", () => {
  it.each([
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [53.165, 2, 53.17],
    [-2.5, 0, -3],
    [0.125, 2, 0.13],
    [64.7727, 0, 65],
    [1592.4405, 1, 1592.4],
  ])("roundHalfUp(%d, %d) = %d", (x, d, r) => {
    expect(roundHalfUp(x, d)).toBe(r);
  });

  it("rounds S/D ÷ anggaran of the SIPD export to the printed % (002:568: 53,17)", () => {
    expect(roundHalfUp((3844101645 / 7229814333) * 100, 2)).toBe(53.17);
  });

  it("never moves a value by more than half a unit of the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        expect(Math.abs(roundHalfUp(x, d) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-6 * Math.max(1, Math.abs(x)) * 1e-6);
      }),
    );
  });

  it("rounds every number as its shortest decimal text does (the shifted double is used only away from a half)", () => {
    // halves written in decimal (53,165 · 1,005 · 0,125): the cases binary arithmetic gets wrong
    const half = fc
      .tuple(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 7 }), fc.boolean())
      .map(([digits, places, negative]) => Number(`${negative ? "-" : ""}${Math.floor(digits / 10 ** places)}.${String(digits % 10 ** places).padStart(places, "0")}5`));
    const ratio = fc.tuple(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 1, max: 10_000_000_000 })).map(([a, b]) => (a * 100) / b);
    const any = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), half, ratio);
    fc.assert(
      fc.property(any, fc.integer({ min: 0, max: 9 }), (x, d) => {
        expect(Object.is(roundHalfUp(x, d), byText(x, d))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const [x, d] of [[1.005, 2], [2.675, 2], [53.165, 2], [-2.5, 0], [0.125, 2], [1592.4405, 3], [1e-7, 2], [4.35, 1]] as const) {
      expect(roundHalfUp(x, d)).toBe(byText(x, d));
    }
  });

  it("leaves a whole number as it is: as the decimal-text route does up to 10^15 and 6 decimals, and where that route drifts", () => {
    const rupiah = fc.oneof(fc.integer(), fc.integer({ min: 1, max: 999_999_999 }).chain((hi) => fc.integer({ min: 0, max: 999_999 }).map((lo) => hi * 1_000_000 + lo)));
    fc.assert(
      fc.property(fc.tuple(rupiah, fc.boolean()), fc.integer({ min: 0, max: 6 }), ([x, negative], d) => {
        const v = negative ? -x : x;
        expect(Object.is(roundHalfUp(v, d), byText(v, d))).toBe(true);
      }),
    );
    fc.assert(fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 12 }), (x, d) => expect(roundHalfUp(x, d)).toBe(x)));
    // the text route would give 120197270289862,98 here (its shift by 7 decimals is past exact doubles)
    expect(byText(120197270289863, 7)).not.toBe(120197270289863);
    expect(roundHalfUp(120197270289863, 7)).toBe(120197270289863);
    expect(Object.is(roundHalfUp(-0, 2), 0)).toBe(true);
  });
});

describe("truncate cuts as report authors do", () => {
  it("30,427 printed as 30,42 (001:1242)", () => expect(truncate(30.427, 2)).toBe(30.42));
  it("69,66 printed as 69 (001:322)", () => expect(truncate(69.6629, 0)).toBe(69));
  it("keeps exact values", () => expect(truncate(29, 0)).toBe(29));
});

describe("checkStated", () => {
  it.each([
    [65, 64.7727, "ok"],
    [33, 33.7209, "ok_truncated"],
    [0, 31, "mismatch"],
    [22.7, 22.7078, "ok"],
    [33.56, 33.5668, "ok_truncated"],
  ] as const)("stated %d for exact %d is %s", (stated, exact, verdict) => {
    expect(checkStated(stated, significantDecimals(stated), exact)).toBe(verdict);
  });
});
