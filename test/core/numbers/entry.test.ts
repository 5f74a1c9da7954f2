import { cellEntry } from "../../../src/core/numbers";

describe("cellEntry: what Excel (id-ID) stores for typed text", () => {
  it.each<[string, string, unknown, string | undefined]>([
    ["82,9", "General", 82.9, undefined],
    ["1.500.000", "General", 1500000, undefined],
    ["7.229.814.333", "#,##0", 7229814333, undefined],
    ["-18.938.957", "General", -18938957, undefined],
    ["93,75%", "General", 0.9375, "0.00%"],
    ["52%", "General", 0.52, "0%"],
    ["27,08 %", "General", 0.2708, "0.00%"],
    ["116%", "General", 1.16, "0%"],
    // automatic percent entry in a percent cell
    ["46", "0.00%", 0.46, undefined],
    ["0,46", "0.00%", 0.46, undefined],
    ["24,42", "0.00%", 0.2442, undefined],
    ["0,14 %", "0.00%", 0.0014, undefined],
    ["1", "0%", 0.01, undefined],
    // text Excel does not read as a number
    ["1,706,504,410", "General", "1,706,504,410", undefined],
    ["12 Dokumen", "General", "12 Dokumen", undefined],
    ["2.400.000,-", "General", "2.400.000,-", undefined],
    ["-", "General", "-", undefined],
    ["=1+1", "General", "=1+1", undefined],
    ["60.610,000", "General", 60610, undefined],
  ])("%s in a %s cell", (typed, format, value, numberFormat) => {
    const e = cellEntry(typed, format);
    expect(e.value).toBe(value);
    expect(e.numberFormat).toBe(numberFormat);
  });

  it("an empty entry empties the cell", () => {
    expect(cellEntry("  ")).toEqual({ value: null });
  });
});
