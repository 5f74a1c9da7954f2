import { formatPersen } from "../../src/core/numbers";
import { findFunction, LIBRARY, type FunctionInfo } from "../../src/core/functions/library";
import {
  EXAMPLES,
  evaluateFunction,
  exampleFor,
  type DisplayCell,
  formatNumber,
  formulaText,
  parseArgument,
  RESULT_KINDS,
} from "../../src/taskpane/playground";

/** The single cell of a 1×1 result. */
function only(cells: DisplayCell[][]): DisplayCell {
  expect(cells).toHaveLength(1);
  expect(cells[0]).toHaveLength(1);
  return cells[0]![0]!;
}

function fn(id: string): FunctionInfo {
  const f = findFunction(id);
  if (!f) throw new Error(`no function ${id}`);
  return f;
}

describe("playground catalogue", () => {
  it.each(LIBRARY.map((f) => [f.id]))("%s has a result kind and a prefilled example for every parameter", (id) => {
    expect(RESULT_KINDS[id]).toBeDefined();
    expect(EXAMPLES[id]?.values).toHaveLength(fn(id).params.length);
    expect(EXAMPLES[id]?.source).toBeTruthy();
  });

  it.each(LIBRARY.map((f) => [f.id]))("the %s example computes a value, not an error or a blank", (id) => {
    const cells = evaluateFunction(fn(id), exampleFor(fn(id))).cells.flat();
    expect(cells.map((c) => c.kind)).toEqual(cells.map(() => "value"));
  });
});

describe("parseArgument", () => {
  it.each<[string, unknown]>([
    ["", undefined],
    ["   ", undefined],
    ["82,9", [["82,9"]]],
    ["79,63; 86,11", [["79,63", "86,11"]]],
    ["1\t2\n3\t4", [["1", "2"], ["3", "4"]]],
    ["1;2\n3", [["1", "2"], ["3", ""]]],
  ])("reads %j", (text, expected) => {
    expect(parseArgument(text)).toEqual(expected);
  });
});

describe("Indonesian result formatting", () => {
  it("shows a fraction with four decimals and as a percentage: 82,9 / 80 = 1,0363 (103,63%)", () => {
    expect(formatNumber(82.9 / 80, "fraction")).toBe("1,0363 (103,63%)");
  });

  it("rounds the percentage half-up on the decimal value, not on the binary product (1,03625 → 103,63%)", () => {
    expect(1.03625 * 100).toBeLessThan(103.625);
    expect(formatPersen(1.03625)).toBe("103,63%");
    expect(formatPersen(-0.004995, 2)).toBe("-0,50%");
    expect(formatPersen(0.5324)).toBe("53,24%");
  });

  it.each<[number, "fraction" | "money" | "number", string]>([
    [57 / 88, "fraction", "0,6477 (64,77%)"],
    [-0.01, "fraction", "-0,0100 (-1,00%)"],
    [3377212688, "money", "3.377.212.688,00"],
    [-18938957, "number", "-18.938.957"],
    [82.87, "number", "82,87"],
  ])("formats %d as %s → %s", (x, kind, text) => {
    expect(formatNumber(x, kind)).toBe(text);
  });
});

describe("evaluateFunction (the same library as =SAKIP.*)", () => {
  it("computes CAPAIAN 82,9 of target 80 (IKM Kecamatan)", () => {
    const r = evaluateFunction(fn("CAPAIAN"), ["80", "82,9", "", ""]);
    expect(r.formula).toBe("=SAKIP.CAPAIAN(80; 82,9)");
    expect(r.cells).toEqual([[{ kind: "value", text: "1,0363 (103,63%)" }]]);
  });

  it("shows a zero target as #DIV/0! with its Indonesian message", () => {
    expect(only(evaluateFunction(fn("CAPAIAN"), ["0", "82,9"]).cells)).toEqual({
      kind: "error",
      text: "#DIV/0!",
      error: "#DIV/0!",
      message: "Target bernilai 0: capaian tidak dapat dihitung (pembagian dengan nol).",
    });
  });

  it("leaves the result blank while a required argument is empty", () => {
    expect(evaluateFunction(fn("CAPAIAN"), ["80", ""]).cells).toEqual([[{ kind: "blank", text: "(kosong)" }]]);
  });

  it("spills over several cells like the custom function", () => {
    const r = evaluateFunction(fn("CAPAIAN"), ["88; 86", "57; 29"]);
    expect(r.cells[0]?.map((c) => c.text)).toEqual(["0,6477 (64,77%)", "0,3372 (33,72%)"]);
  });

  it("computes PENYERAPAN from SIPD-style grouped rupiah (Kasubbag Keuangan TW II 2024: 0,53)", () => {
    expect(only(evaluateFunction(fn("PENYERAPAN"), ["7.221.714.333", "3.844.501.645"]).cells).text).toBe("0,5324 (53,24%)");
  });
});

describe("formulaText", () => {
  it("quotes text, keeps plain numbers, drops trailing omitted arguments and names ranges", () => {
    expect(formulaText(fn("CAPAIAN"), ["80", "82,9", "negatif", ""])).toBe('=SAKIP.CAPAIAN(80; 82,9; "negatif")');
    expect(formulaText(fn("CAPAIAN"), ["80", "82,9", "", "T/R"])).toBe('=SAKIP.CAPAIAN(80; 82,9; ; "T/R")');
    expect(formulaText(fn("PENYERAPAN"), ["7.221.714.333", "3.844.501.645"])).toBe('=SAKIP.PENYERAPAN("7.221.714.333"; "3.844.501.645")');
    expect(formulaText(fn("REALISASI"), ["79,63; 86,11", "rata-rata", ""])).toBe('=SAKIP.REALISASI(nilai_tw; "rata-rata")');
  });
});
