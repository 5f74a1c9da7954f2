import fc from "fast-check";
import { checkStated, roundHalfUp, significantDecimals, truncate } from "../../../src/core/numbers";

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
