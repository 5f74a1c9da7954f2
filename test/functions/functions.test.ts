/**
 * The Excel-facing wrappers: metadata as Excel will cache it (a versioned API), null optionals,
 * and library errors turned into CustomFunctions.Error with their messages.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { join } from "node:path";
import * as fns from "../../src/functions/functions";

interface Metadata {
  functions: { id: string; name: string; description: string; parameters: { name: string; dimensionality?: string; optional?: boolean }[]; result: { dimensionality?: string } }[];
}

describe("functions.json metadata", () => {
  let metadata: Metadata;
  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata(join(__dirname, "../../src/functions/functions.ts"), true);
    expect(generated.errors).toEqual([]);
    metadata = JSON.parse(generated.metadataJson) as Metadata;
  });

  it("declares every SAKIP function with stable ids and parameter names", () => {
    const signature = metadata.functions.map((f) => `${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ")})`);
    expect(signature).toEqual([
      "CAPAIAN(target; realisasi; [polaritas]; [rumus])",
      "PENYERAPAN(pagu; realisasi)",
      "SISA(pagu; realisasi)",
      "EFISIENSI(capaian_kinerja; penyerapan)",
      "PREDIKAT(capaian; [skala])",
      "ANGKA(teks; [jenis])",
      "REALISASI(nilai_tw; [metode]; [satuan])",
    ]);
  });

  it("accepts ranges for every argument and spills every result", () => {
    for (const f of metadata.functions) {
      expect(f.result.dimensionality).toBe("matrix");
      for (const p of f.parameters) expect(`${f.id}.${p.name}:${p.dimensionality}`).toBe(`${f.id}.${p.name}:matrix`);
    }
  });

  it("describes every function in Indonesian", () => {
    for (const f of metadata.functions) expect(f.description).toMatch(/^(Menghitung|Menentukan|Membaca)/);
  });
});

describe("custom function wrappers", () => {
  it("compute through the library, with Excel's null for omitted optionals", () => {
    expect(fns.capaian([[80]], [[82.9]], null as never, null as never)).toEqual([[82.9 / 80]]);
    expect(fns.predikat([[0.52]], null as never)).toEqual([["Rendah"]]);
  });

  it("return CustomFunctions.Error values with Indonesian messages on #VALUE! and #N/A", () => {
    const [[e]] = fns.capaian([["abc"]], [[1]]) as [[CustomFunctions.Error]];
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/bukan angka/);
    // 90,5% falls in the gap of the 2024 scale table (002:291-300)
    const gappy = [
      ["91% ≤ 100%", "Sangat Tinggi"],
      ["76% ≤ 90%", "Tinggi"],
    ];
    const [[na]] = fns.predikat([[0.905]], gappy) as [[CustomFunctions.Error]];
    expect(na.code).toBe("#N/A");
  });

  it("give #DIV/0! for a zero target, like the native formula", () => {
    const [[e]] = fns.capaian([[0]], [[5]]) as [[CustomFunctions.Error]];
    expect(e.code).toBe("#DIV/0!");
  });
});
