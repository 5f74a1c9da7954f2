/** The periode of the settings as users type it (`sakip scaffold --periode`, a Pengaturan cell typed by hand). */
import { parseSettings, PERIODS } from "../../src/core/layouts";

const periode = (raw: unknown) => {
  const r = parseSettings({ unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: raw });
  return r.ok ? r.settings.periode : r.problems.map((p) => `${p.field}: ${p.message}`).join(" ");
};

describe("periode", () => {
  it.each<[unknown, string]>([
    ["TW II", "TW II"],
    ["TW2", "TW II"],
    ["TW 2", "TW II"],
    ["tw-2", "TW II"],
    ["2", "TW II"],
    [2, "TW II"],
    ["II", "TW II"],
    ["ii", "TW II"],
    ["Triwulan II", "TW II"],
    ["triwulan 2", "TW II"],
    ["tw ii", "TW II"],
    ["  TW  IV ", "TW IV"],
    ["1", "TW I"],
    ["III", "TW III"],
    ["Tahunan", "Tahunan"],
    ["tahunan", "Tahunan"],
    ["TAHUNAN", "Tahunan"],
  ])("%j is %s", (raw, want) => {
    expect(periode(raw)).toBe(want);
  });

  it.each(["TW5", "5", "IIII", "triwulan", "semester 1"])("%j is refused, saying what may be typed", (raw) => {
    expect(periode(raw)).toBe(`periode: Periode "${raw}" tidak dikenal; pilihannya: TW I, TW II, TW III, TW IV, Tahunan (boleh ditulis TW2, 2, II, Triwulan II).`);
  });

  it.each([undefined, ""])("%j is missing", (raw) => {
    expect(periode(raw)).toBe("periode: Periode harus salah satu dari: TW I, TW II, TW III, TW IV, Tahunan.");
  });

  it("every period is read back as itself", () => {
    for (const p of PERIODS) expect(periode(p)).toBe(p);
  });
});
