import {
  angkaFn,
  capaianFn,
  efisiensiFn,
  findFunction,
  LIBRARY,
  penyerapanFn,
  predikatFn,
  realisasiFn,
} from "../../../src/core/functions/library";
import { MESSAGE_CODES, message } from "../../../src/core/messages.id";

describe("the SAKIP function library spills like Excel", () => {
  it("one cell in, one cell out", () => {
    expect(capaianFn([[80]], [[82.9]])).toEqual([[82.9 / 80]]);
  });

  it("a column of targets against a column of realisasi gives a column (Camat 2023, seed 000 lines 72-73)", () => {
    expect(capaianFn([[88], [86]], [[57], [29]])).toEqual([[57 / 88], [29 / 86]]);
  });

  it("a single cell repeats against a range (one polarity for all rows)", () => {
    expect(capaianFn([[10], [10]], [[8], [12]], [["negatif"]])).toEqual([[1.2], [0.8]]);
  });

  it("a range that does not cover the result gives #N/A there, as Excel does", () => {
    const out = capaianFn([[1], [2], [3]], [[1], [2]]);
    expect(out[0]).toEqual([1]);
    expect(out[2]![0]).toMatchObject({ error: "#N/A" });
  });

  it("errors carry an Indonesian message; blanks are empty strings", () => {
    const [[err]] = capaianFn([["abc"]], [[1]]) as [[{ error: string; message: string }]];
    expect(err).toEqual({ error: "#VALUE!", message: expect.stringContaining("bukan angka") });
    expect(capaianFn([[100]], [["-"]])).toEqual([[""]]);
    expect(penyerapanFn([[0]], [[0]])).toEqual([[""]]);
  });

  it("PREDIKAT classifies a range and reads a scale table from a range", () => {
    expect(predikatFn([[0.52], [1.16], [""]])).toEqual([["Rendah"], ["Sangat Tinggi"], [""]]);
    const table = [
      ["> 90%", "Sangat Tinggi"],
      ["> 75% - 90%", "Tinggi"],
      ["≤ 75%", "Belum"],
    ];
    expect(predikatFn([[0.9], [0.91]], table)).toEqual([["Tinggi"], ["Sangat Tinggi"]]);
    expect(predikatFn([[72.5]], [["akip"]])).toEqual([["BB"]]);
    expect(predikatFn([[0.5]], [["tidak-ada"]])[0]![0]).toMatchObject({ error: "#VALUE!" });
  });

  it("ANGKA reads Indonesian text and percentages as Excel stores them", () => {
    expect(angkaFn([["7.229.814.333,00"], ["93,75%"], ["(18.938.957,00)"], ["-"], ["12 Dokumen"]])).toEqual([
      [7229814333],
      [0.9375],
      [-18938957],
      [""],
      [12],
    ]);
    expect(angkaFn([["1.000"]])[0]![0]).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("ambigu") });
    expect(angkaFn([["1.000"]], [["uang"]])).toEqual([[1000]]);
    expect(angkaFn([["1.000"]], [["rasio"]])).toEqual([[1]]);
  });

  it("REALISASI gives one value for a row of quarters and one per row for a block", () => {
    expect(realisasiFn([[null, 79.63, null, 86.11]], [["rata-rata"]])).toEqual([[(79.63 + 86.11) / 2]]);
    expect(realisasiFn([[1, 2, 3, 4], [5, 6, 7, 8]], [["jumlah"], ["terakhir"]])).toEqual([[10], [8]]);
    expect(realisasiFn([[80, 85, 90, 95]], [["jumlah"]], [["%"]])[0]![0]).toMatchObject({ error: "#N/A", message: expect.stringContaining("tidak dijumlahkan") });
  });

  it("EFISIENSI stays blank without budget", () => {
    expect(efisiensiFn([[0.5]], [[""]])).toEqual([[""]]);
  });

  it("finds functions with or without the SAKIP. prefix", () => {
    expect(findFunction("sakip.capaian")?.id).toBe("CAPAIAN");
    expect(findFunction("PENYERAPAN")?.id).toBe("PENYERAPAN");
    expect(findFunction("NOPE")).toBeUndefined();
    expect(LIBRARY.map((f) => f.id)).toEqual(["CAPAIAN", "PENYERAPAN", "SISA", "EFISIENSI", "PREDIKAT", "ANGKA", "REALISASI"]);
  });

  it("every message code renders a non-empty Indonesian text", () => {
    for (const code of MESSAGE_CODES) expect(message(code, {}).length).toBeGreaterThan(10);
  });
});
