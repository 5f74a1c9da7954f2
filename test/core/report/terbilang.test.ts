import { terbilang, terbilangRupiah } from "../../../src/core/report/terbilang";

describe("terbilang: numbers in Indonesian words (KBBI)", () => {
  it.each<[number | string, string]>([
    [0, "nol"],
    [1, "satu"],
    [10, "sepuluh"],
    [11, "sebelas"],
    [12, "dua belas"],
    [19, "sembilan belas"],
    [20, "dua puluh"],
    [21, "dua puluh satu"],
    [100, "seratus"],
    [101, "seratus satu"],
    [110, "seratus sepuluh"],
    [111, "seratus sebelas"],
    [199, "seratus sembilan puluh sembilan"],
    [200, "dua ratus"],
    [1000, "seribu"],
    [1001, "seribu satu"],
    [1100, "seribu seratus"],
    [2000, "dua ribu"],
    [11000, "sebelas ribu"],
    [100000, "seratus ribu"],
    [101000, "seratus satu ribu"],
    [1000000, "satu juta"],
    [1001000, "satu juta seribu"],
    [1000000000, "satu miliar"],
    [1000000000000, "satu triliun"],
    [1000000000000000, "satu ribu triliun"],
    // the reports' own sums (SPEC F8, 004:851; 002 total budget)
    [19811631, "sembilan belas juta delapan ratus sebelas ribu enam ratus tiga puluh satu"],
    [7229814333, "tujuh miliar dua ratus dua puluh sembilan juta delapan ratus empat belas ribu tiga ratus tiga puluh tiga"],
    [-18938957, "minus delapan belas juta sembilan ratus tiga puluh delapan ribu sembilan ratus lima puluh tujuh"],
    [12.5, "dua belas koma lima"],
    [0.05, "nol koma nol lima"],
    ["103,63", "seratus tiga koma enam tiga"],
    ["999999999999999999", "sembilan ratus sembilan puluh sembilan ribu triliun sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan"],
  ])("%s → %s", (n, words) => {
    expect(terbilang(n)).toBe(words);
  });

  it("never spells 'milyar', and 'minus 0' is just 'nol'", () => {
    expect(terbilang(2_500_000_000)).toBe("dua miliar lima ratus juta");
    expect(terbilang(-0)).toBe("nol");
    expect(terbilang("-0,0")).toBe("nol koma nol");
  });

  it("money with rupiah, rounded to the rupiah", () => {
    expect(terbilangRupiah(19811631)).toBe("sembilan belas juta delapan ratus sebelas ribu enam ratus tiga puluh satu rupiah");
    expect(terbilangRupiah(1500.4)).toBe("seribu lima ratus rupiah");
  });

  it("refuses what it cannot spell", () => {
    expect(() => terbilang(Number.MAX_SAFE_INTEGER * 4)).toThrow(RangeError);
    expect(() => terbilang("1e3")).toThrow(RangeError);
    expect(() => terbilang("1000000000000000000")).toThrow(RangeError);
  });
});
