import {
  classify,
  isFormulaCompatible,
  NAMED_SCALES,
  parseInterval,
  resolveScale,
  SKALA_AKIP,
  SKALA_KECAMATAN,
  SKALA_PERMENDAGRI_86,
  type Scale,
} from "../../../src/core/scales";

const label = (scale: Scale, x: number): string | undefined => {
  const o = classify(scale, x);
  return o.kind === "value" ? o.value : undefined;
};

describe("the kecamatan scale (seed 004 Tabel 3.1, the default)", () => {
  it.each([
    [1.27, "Sangat Tinggi"], // 127% (004:849)
    [1.0035, "Sangat Tinggi"], // 100,35% (004:524)
    [0.9001, "Sangat Tinggi"],
    [0.9, "Tinggi"], // > 75% − 90%: 90 belongs to Tinggi
    [0.7501, "Tinggi"],
    [0.75, "Sedang"],
    [0.65, "Rendah"],
    [0.5001, "Rendah"],
    [0.5, "Sangat Rendah"],
    [0, "Sangat Rendah"],
    [-0.5, "Sangat Rendah"], // negative polarity beyond 2T
  ])("%d is %s", (x, expected) => {
    expect(label(SKALA_KECAMATAN, x)).toBe(expected);
  });

  it("is not fooled by float noise at a boundary: 0,45/0,5 = 0,9 is Tinggi", () => {
    expect(label(SKALA_KECAMATAN, 0.45 / 0.5)).toBe("Tinggi");
    expect(label(SKALA_KECAMATAN, 0.9000000000000001)).toBe("Tinggi");
  });
});

describe("AKIP predicates (PermenPAN-RB 88/2021): lower bounds exclusive", () => {
  it.each([
    [90, "A"],
    [90.01, "AA"],
    [80, "BB"],
    [70, "B"],
    [60, "CC"],
    [50, "C"],
    [30, "D"],
    [30.5, "C"],
    [100, "AA"],
  ])("nilai %d is %s", (x, p) => {
    expect(label(SKALA_AKIP, x)).toBe(p);
  });
});

describe("Permendagri 86/2017 with inclusive lower bounds", () => {
  it.each([
    [0.91, "Sangat Tinggi"],
    [0.905, "Tinggi"],
    [0.76, "Tinggi"],
    [0.5, "Sangat Rendah"],
    [0.51, "Rendah"],
  ])("%d is %s", (x, p) => expect(label(SKALA_PERMENDAGRI_86, x)).toBe(p));
});

describe("scales from a table on the sheet", () => {
  it("reads the c2 table as printed (004:507-515) and agrees with the built-in scale", () => {
    const table = [
      ["No", "Interval Nilai Capaian Kinerja", "Kriteria Capaian Kinerja"].slice(1),
      ["> 90%", "Sangat Tinggi"],
      ["> 75% - 90%", "Tinggi"],
      ["> 65% - 75%", "Sedang"],
      ["> 50% - 65%", "Rendah"],
      ["≤ 50%", "Sangat Rendah"],
    ];
    const s = resolveScale(table);
    expect(s.kind).toBe("value");
    if (s.kind !== "value") return;
    for (const x of [0, 0.3, 0.5, 0.5001, 0.65, 0.7, 0.75, 0.8, 0.9, 0.95, 1.27]) {
      expect(label(s.value, x)).toBe(label(SKALA_KECAMATAN, x));
    }
  });

  it("reads the c1 table (002:291-300) and reports its gaps instead of guessing", () => {
    const s = resolveScale([
      ["91% ≤ 100%", "Sangat Tinggi"],
      ["76% ≤ 90%", "Tinggi"],
      ["66% ≤ 75%", "Sedang"],
      ["51% ≤ 65%", "Rendah"],
      ["≤ 50%", "Sangat Rendah"],
    ]);
    if (s.kind !== "value") throw new Error("scale not read");
    expect(label(s.value, 0.95)).toBe("Sangat Tinggi");
    expect(label(s.value, 0.76)).toBe("Tinggi");
    expect(classify(s.value, 0.905)).toMatchObject({ kind: "error", code: "scale-no-band" }); // the 90–91 gap
    expect(classify(s.value, 1.04)).toMatchObject({ kind: "error", code: "scale-no-band" }); // > 100% undefined in c1
  });

  it("reads a numeric table `batas bawah (>) | batas atas (≤) | predikat` in percent or fractions", () => {
    const s = resolveScale([
      ["", 50, "Kurang"],
      [50, 80, "Cukup"],
      [80, "", "Baik"],
    ]);
    if (s.kind !== "value") throw new Error("scale not read");
    expect(label(s.value, 0.8)).toBe("Cukup");
    expect(label(s.value, 0.81)).toBe("Baik");
  });

  it("names a row it cannot read", () => {
    expect(resolveScale([["> 90%", "A"], ["kira-kira", "B"]])).toMatchObject({ kind: "error", code: "scale-invalid" });
  });

  it.each([
    ["> 75% - 90%", { lower: 75, lowerInclusive: false, upper: 90, upperInclusive: true }],
    ["≥ 91", { lower: 91, lowerInclusive: true, upper: null }],
    ["< 60", { lower: null, upper: 60, upperInclusive: false }],
    ["60 – 79,99", { lower: 60, lowerInclusive: true, upper: 79.99, upperInclusive: true }],
    ["95 s.d. 105", { lower: 95, upper: 105 }],
    ["91 ≤ x ≤ 100", { lower: 91, lowerInclusive: true, upper: 100, upperInclusive: true }],
  ])("parses the interval %s", (text, expected) => {
    expect(parseInterval(text)).toMatchObject(expected);
  });
});

describe("named scales", () => {
  it("resolves names case-insensitively and defaults to the kecamatan scale", () => {
    expect(resolveScale("AKIP")).toEqual({ kind: "value", value: SKALA_AKIP });
    expect(resolveScale(null)).toEqual({ kind: "value", value: SKALA_KECAMATAN });
    expect(resolveScale("Permendagri 86")).toEqual({ kind: "value", value: SKALA_PERMENDAGRI_86 });
    expect(resolveScale("galaksi")).toMatchObject({ kind: "error", code: "scale-unknown" });
  });

  it("every built-in scale is contiguous, so the native lookup formula is exact", () => {
    for (const s of NAMED_SCALES) expect({ id: s.id, ok: isFormulaCompatible(s) }).toEqual({ id: s.id, ok: true });
  });
});
