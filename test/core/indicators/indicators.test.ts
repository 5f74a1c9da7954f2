import {
  aggregate,
  aggregateFromInputs,
  aggregateFormula,
  capaian,
  capaianFromInputs,
  capaianFormula,
  efisiensiFromInputs,
  isLevelUnit,
  penyerapanFromInputs,
  sisaFromInputs,
} from "../../../src/core/indicators";

describe("capaian", () => {
  it("positive polarity is R/T as a fraction, never capped (000:84: 100/86 = 116%)", () => {
    expect(capaian(86, 100)).toEqual({ kind: "value", value: 100 / 86 });
  });

  it("negative polarity defaults to (2T−R)/T, the seeds' formula (004:501-503)", () => {
    expect(capaian(10, 8, "negatif")).toEqual({ kind: "value", value: 1.2 });
    expect(capaian(10, 12, "negatif")).toEqual({ kind: "value", value: 0.8 });
  });

  it("negative polarity is not floored at 0 when R > 2T", () => {
    expect(capaian(10, 25, "negatif")).toEqual({ kind: "value", value: -0.5 });
  });

  it("T/R is selectable for negative polarity", () => {
    expect(capaian(10, 8, "negatif", "T/R")).toEqual({ kind: "value", value: 1.25 });
    expect(capaian(10, 0, "negatif", "T/R")).toMatchObject({ kind: "error", code: "realisasi-zero-negative", excel: "#DIV/0!" });
  });

  it("target 0 is a clear error, not Infinity", () => {
    const o = capaian(0, 5);
    expect(o).toMatchObject({ kind: "error", code: "target-zero", excel: "#DIV/0!" });
    if (o.kind === "error") expect(o.message).toMatch(/Target bernilai 0/);
    expect(capaian(0, 5, "negatif")).toMatchObject({ kind: "error", code: "target-zero" });
  });

  it("reads text inputs in Indonesian notation (sakip hitung CAPAIAN 80 82,9)", () => {
    expect(capaianFromInputs("80", "82,9")).toEqual({ kind: "value", value: 82.9 / 80 });
    expect(capaianFromInputs("88%", "57%")).toEqual({ kind: "value", value: 57 / 88 });
    expect(capaianFromInputs("12 bulan", "3 bulan")).toEqual({ kind: "value", value: 0.25 });
  });

  it("accepts polarity and formula words as users type them", () => {
    expect(capaianFromInputs(10, 8, "Negatif")).toEqual({ kind: "value", value: 1.2 });
    expect(capaianFromInputs(10, 8, "negatif", "T/R")).toEqual({ kind: "value", value: 1.25 });
    expect(capaianFromInputs(10, 8, "turun", "(2T-R)/T")).toEqual({ kind: "value", value: 1.2 });
    expect(capaianFromInputs(10, 8, "kebalikan")).toMatchObject({ kind: "error", code: "bad-option" });
  });

  it("a missing target or realisasi leaves capaian blank, never 0%", () => {
    expect(capaianFromInputs("100", "-")).toMatchObject({ kind: "blank" });
    expect(capaianFromInputs("", 5)).toMatchObject({ kind: "blank" });
    expect(capaianFromInputs(null, 5)).toMatchObject({ kind: "blank" });
  });

  it("refuses unreadable and ambiguous text with an Indonesian message", () => {
    expect(capaianFromInputs("sepuluh", 5)).toMatchObject({ kind: "error", code: "not-a-number", excel: "#VALUE!" });
    // counts are typed with thousands, ratios with decimals: 1.000 could be either
    const o = capaianFromInputs("1.000", "900");
    expect(o).toMatchObject({ kind: "error", code: "ambiguous-number" });
  });

  it("writes a native formula for the same rule", () => {
    expect(capaianFormula({ target: "D5", realisasi: "E5" })).toBe('IF(OR(D5="",E5=""),"",E5/D5)');
    expect(capaianFormula({ target: "D5", realisasi: "E5", polaritas: "F5", rumus: "Pengaturan!$B$7" })).toBe(
      'IF(OR(D5="",E5=""),"",IF(F5="negatif",IF(Pengaturan!$B$7="T/R",D5/E5,(2*D5-E5)/D5),E5/D5))',
    );
  });
});

describe("penyerapan, sisa, efisiensi", () => {
  it("penyerapan = realisasi/pagu from SIPD amounts (002:1529: 3.844.501.645 / 7.221.714.333)", () => {
    const o = penyerapanFromInputs("7.221.714.333", "3.844.501.645");
    expect(o.kind).toBe("value");
    if (o.kind === "value") expect(o.value).toBeCloseTo(0.532353, 6);
  });

  it("pagu 0 or empty leaves penyerapan blank with its reason", () => {
    expect(penyerapanFromInputs(0, 0)).toMatchObject({ kind: "blank", code: "pagu-zero" });
    expect(penyerapanFromInputs("", 10)).toMatchObject({ kind: "blank", code: "pagu-empty" });
  });

  it("sisa keeps negative values (002:605: 1.268.992 − 20.207.949)", () => {
    expect(sisaFromInputs("1.268.992,00", "20.207.949,00")).toEqual({ kind: "value", value: -18938957 });
  });

  it("efisiensi = (6) − (9) from unrounded values (002:1529: 0,52 − 0,5324 = −0,0124)", () => {
    const o = efisiensiFromInputs(0.52, 3844501645 / 7221714333);
    expect(o.kind).toBe("value");
    if (o.kind === "value") expect(o.value).toBeCloseTo(-0.0124, 4);
  });

  it("efisiensi reads percent-typed inputs as fractions and is blank with a reason when a part is missing", () => {
    expect(efisiensiFromInputs("104%", "100%")).toMatchObject({ kind: "value" });
    const o = efisiensiFromInputs("104%", "100%");
    if (o.kind === "value") expect(o.value).toBeCloseTo(0.04, 12);
    expect(efisiensiFromInputs("", 0.5)).toMatchObject({ kind: "blank", code: "efisiensi-no-kinerja" });
    expect(efisiensiFromInputs(0.5, "")).toMatchObject({ kind: "blank", code: "efisiensi-no-anggaran" });
  });
});

describe("aggregation of TW values", () => {
  // seed 004 Tabel 3.2: IKM Kabupaten = TW IV value, IKM Kecamatan = mean of semesters, Sinergitas = single value
  it("last: IKM Kabupaten 83,8 measured in TW IV", () => {
    expect(aggregate([null, null, null, 83.8], "last")).toEqual({ kind: "value", value: 83.8 });
  });
  it("mean: IKM Kecamatan (79,63 + 86,11)/2 = 82,87", () => {
    const o = aggregate([null, 79.63, null, 86.11], "mean");
    if (o.kind === "value") expect(o.value).toBeCloseTo(82.87, 10);
  });
  it("sum and max for additive counts", () => {
    expect(aggregate([3, 4, null, 5], "sum")).toEqual({ kind: "value", value: 12 });
    expect(aggregate([3, 7, null, 5], "max")).toEqual({ kind: "value", value: 7 });
  });
  it("nothing filled is blank, not 0", () => {
    expect(aggregate([null, null, null, null], "sum")).toMatchObject({ kind: "blank" });
  });
  it("never sums percentage or index indicators", () => {
    expect(isLevelUnit("%")).toBe(true);
    expect(isLevelUnit("Persen")).toBe(true);
    expect(isLevelUnit("Indeks")).toBe(true);
    expect(isLevelUnit("Dokumen")).toBe(false);
    expect(aggregateFromInputs([80, 85, 90, 95], "jumlah", "%")).toMatchObject({ kind: "error", code: "method-sum-of-percentage" });
    expect(aggregateFromInputs(["80%", "85%"], "jumlah")).toMatchObject({ kind: "error", code: "method-sum-of-percentage" });
    expect(aggregateFromInputs([80, 85, "", "-"], undefined, "%")).toEqual({ kind: "value", value: 85 });
  });
  it("writes native formulas for each method", () => {
    expect(aggregateFormula(["J5", "K5", "L5", "M5"], "sum")).toBe('IF(COUNT(J5:M5)=0,"",SUM(J5:M5))');
    expect(aggregateFormula(["J5", "K5", "L5", "M5"], "last")).toBe(
      'IF(COUNT(J5:M5)=0,"",IF(ISNUMBER(M5),M5,IF(ISNUMBER(L5),L5,IF(ISNUMBER(K5),K5,IF(ISNUMBER(J5),J5,"")))))',
    );
  });
});
