/**
 * The SAKIP.* custom functions and the native formulas the scaffold writes must agree on the real
 * reports' data, cell for cell, in a real formula engine (HyperFormula).
 */
import { DetailedCellError, type HyperFormula } from "hyperformula";
import { aggregateFormula, capaianFormula, efisiensiFormula, penyerapanFormula, sisaFormula } from "../../src/core/indicators";
import { parseAngka } from "../../src/core/numbers";
import { NAMED_SCALES, predikatFormula, SKALA_KECAMATAN } from "../../src/core/scales";
import { capaianTables, costPerOutcomeTables } from "../fixtures/load";
import { buildEngine } from "../support/hyperformula-sakip";

type Cell = string | number | boolean | null;

function num(raw: string | null | undefined, kind: "money" | "ratio" = "ratio"): number | null {
  if (raw === null || raw === undefined) return null;
  const r = parseAngka(raw, { kind });
  return r.ok ? r.value : null;
}

interface DataRow {
  source: string;
  target: number | null;
  realisasi: number | null;
  polaritas: string;
  rumus: string;
  pagu: number | null;
  realisasiAnggaran: number | null;
}

/** Every kinerja and anggaran pair in the fixtures, under each polarity, plus the edge cases. */
function dataRows(): DataRow[] {
  const rows: DataRow[] = [];
  const polarities: [string, string][] = [
    ["positif", "2T-R"],
    ["negatif", "2T-R"],
    ["negatif", "T/R"],
  ];
  for (const t of capaianTables()) {
    for (const r of t.rows) {
      for (const [polaritas, rumus] of polarities) {
        rows.push({ source: `${t.file}:${r.line}`, target: num(r.target_raw), realisasi: num(r.realisasi_raw), polaritas, rumus, pagu: null, realisasiAnggaran: null });
      }
    }
  }
  for (const t of costPerOutcomeTables()) {
    for (const r of t.rows) {
      rows.push({
        source: `${t.file}:${r.line}`,
        target: num(r.kinerja?.target_raw),
        realisasi: num(r.kinerja?.realisasi_raw),
        polaritas: "positif",
        rumus: "2T-R",
        pagu: num(r.anggaran?.pagu_raw, "money"),
        realisasiAnggaran: num(r.anggaran?.realisasi_raw, "money"),
      });
    }
  }
  const edge = (target: number | null, realisasi: number | null, polaritas: string, rumus: string, pagu: number | null, ra: number | null) =>
    rows.push({ source: "edge", target, realisasi, polaritas, rumus, pagu, realisasiAnggaran: ra });
  edge(0, 5, "positif", "2T-R", 0, 0); // target 0, pagu 0
  edge(10, 0, "negatif", "T/R", 100, 150); // R = 0 under T/R; realisasi > pagu
  edge(10, 25, "negatif", "2T-R", 100, null); // capaian below zero; no realisasi anggaran
  edge(10, 9, "", "", null, 5); // blank polarity = positif; no pagu
  edge(45, 50, "positif", "", 100, 90); // 90% exactly: Tinggi, not Sangat Tinggi
  return rows;
}

// columns: A target, B realisasi, C polaritas, D rumus, E pagu, F realisasi anggaran,
// G/H capaian native/SAKIP, I/J penyerapan, K/L efisiensi, M/N predikat, O/P sisa
const COLUMNS = ["capaian", "penyerapan", "efisiensi", "predikat", "sisa"] as const;

function buildSheet(rows: DataRow[]): Cell[][] {
  return rows.map((r, i) => {
    const n = i + 1;
    return [
      r.target,
      r.realisasi,
      r.polaritas,
      r.rumus,
      r.pagu,
      r.realisasiAnggaran,
      "=" + capaianFormula({ target: `A${n}`, realisasi: `B${n}`, polaritas: `C${n}`, rumus: `D${n}` }),
      `=SAKIP.CAPAIAN(A${n},B${n},C${n},D${n})`,
      "=" + penyerapanFormula({ pagu: `E${n}`, realisasi: `F${n}` }),
      `=SAKIP.PENYERAPAN(E${n},F${n})`,
      "=" + efisiensiFormula({ capaian: `G${n}`, penyerapan: `I${n}` }),
      `=SAKIP.EFISIENSI(H${n},J${n})`,
      "=" + predikatFormula(`G${n}`, "Referensi!$A$2:$A$5", "Referensi!$C$1:$C$5", SKALA_KECAMATAN),
      `=SAKIP.PREDIKAT(H${n})`,
      "=" + sisaFormula({ pagu: `E${n}`, realisasi: `F${n}` }),
      `=SAKIP.SISA(E${n},F${n})`,
    ];
  });
}

/** Referensi rows: lower bound (blank for the open bottom band), upper bound, label. */
function referensiSheet(): Cell[][] {
  return SKALA_KECAMATAN.bands.map((b) => [b.lower, b.upper, b.label]);
}

type Comparable = { kind: "number"; v: number } | { kind: "text"; v: string } | { kind: "error"; v: string };

function comparable(v: unknown): Comparable {
  if (v instanceof DetailedCellError) return { kind: "error", v: v.type };
  if (typeof v === "object" && v !== null) throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
  if (typeof v === "number") return { kind: "number", v };
  if (v === null || v === undefined) return { kind: "text", v: "" };
  return { kind: "text", v: String(v) };
}

describe("SAKIP.* functions equal their native Excel formulas on the fixture data (HyperFormula)", () => {
  const rows = dataRows();
  let engine: HyperFormula;
  let data: number;

  beforeAll(() => {
    engine = buildEngine({ Data: buildSheet(rows), Referensi: referensiSheet() });
    data = engine.getSheetId("Data")!;
  });
  afterAll(() => engine.destroy());

  it("covers every fixture row and each branch (values, blanks, errors)", () => {
    expect(rows.length).toBeGreaterThan(150);
    const kinds = new Set<string>();
    for (let i = 0; i < rows.length; i++) kinds.add(comparable(engine.getCellValue({ sheet: data, row: i, col: 7 })).kind);
    expect([...kinds].sort()).toEqual(["error", "number", "text"]);
  });

  it.each(COLUMNS.map((c, i) => [c, i] as const))("%s: native and SAKIP.* are identical in every row", (_name, k) => {
    const diffs: string[] = [];
    for (let i = 0; i < rows.length; i++) {
      const native = comparable(engine.getCellValue({ sheet: data, row: i, col: 6 + 2 * k }));
      const custom = comparable(engine.getCellValue({ sheet: data, row: i, col: 7 + 2 * k }));
      if (JSON.stringify(native) !== JSON.stringify(custom)) diffs.push(`${rows[i]!.source} row ${i + 1}: native ${JSON.stringify(native)} vs SAKIP ${JSON.stringify(custom)}`);
    }
    expect(diffs).toEqual([]);
  });

  it("a single SAKIP.CAPAIAN over whole columns spills the same values as the row formulas", () => {
    const n = rows.length;
    const spill = buildEngine({ Data: [...buildSheet(rows).map((r) => [...r, null])], Referensi: referensiSheet() });
    const sheet = spill.getSheetId("Data")!;
    spill.setCellContents({ sheet, row: 0, col: 16 }, [[`=SAKIP.CAPAIAN(A1:A${n},B1:B${n},C1:C${n},D1:D${n})`]]);
    for (let i = 0; i < n; i++) {
      expect(comparable(spill.getCellValue({ sheet, row: i, col: 16 }))).toEqual(comparable(spill.getCellValue({ sheet, row: i, col: 6 })));
    }
    spill.destroy();
  });
});

describe("SAKIP.REALISASI equals the native aggregation formulas", () => {
  // TW values as seed 004 prints them: IKM Kabupaten (TW IV only), IKM Kecamatan (semesters), Sinergitas (TW III)
  const tw: Cell[][] = [
    [null, null, null, 83.8],
    [null, 79.63, null, 86.11],
    [null, null, 75.91, null],
    [3, 4, 5, 6],
    [null, null, null, null],
    ["-", 2, "", 1],
  ];
  const methods = ["terakhir", "rata-rata", "jumlah", "maks"];

  it.each(methods)("metode %s", (metode) => {
    const sheet: Cell[][] = tw.map((r, i) => {
      const n = i + 1;
      const cells = ["A", "B", "C", "D"].map((c) => `${c}${n}`);
      return [...r, metode, "=" + aggregateFormula(cells, { cell: `E${n}` }), `=SAKIP.REALISASI(A${n}:D${n},E${n})`];
    });
    const engine = buildEngine({ TW: sheet });
    const id = engine.getSheetId("TW")!;
    for (let i = 0; i < tw.length; i++) {
      expect(comparable(engine.getCellValue({ sheet: id, row: i, col: 6 }))).toEqual(comparable(engine.getCellValue({ sheet: id, row: i, col: 5 })));
    }
    engine.destroy();
  });
});

describe("every built-in scale has a native lookup that agrees with SAKIP.PREDIKAT", () => {
  it.each(NAMED_SCALES.map((s) => [s.id, s] as const))("%s", (_id, scale) => {
    const ref = scale.bands.map((b) => [b.lower, b.upper, b.label] as Cell[]);
    const probes = scale.unit === "fraction" ? [-0.2, 0, 0.3, 0.5, 0.5001, 0.51, 0.65, 0.66, 0.75, 0.76, 0.9, 0.905, 0.91, 1, 1.27] : [0, 25, 30, 30.5, 50, 60, 64.99, 65, 70, 76.61, 80, 88.31, 90, 90.01, 100];
    const n = scale.bands.length;
    const sheet: Cell[][] = probes.map((x, i) => [
      x,
      "=" + predikatFormula(`A${i + 1}`, `Ref!$A$2:$A$${n}`, `Ref!$C$1:$C$${n}`, scale),
      `=SAKIP.PREDIKAT(A${i + 1},"${scale.id}")`,
    ]);
    const engine = buildEngine({ P: sheet, Ref: ref });
    const id = engine.getSheetId("P")!;
    for (let i = 0; i < probes.length; i++) {
      expect([probes[i], engine.getCellValue({ sheet: id, row: i, col: 2 })]).toEqual([probes[i], engine.getCellValue({ sheet: id, row: i, col: 1 })]);
    }
    engine.destroy();
  });
});
