/**
 * The scaffolded workbook computes by itself: rendered to .xlsx, filled with one jabatan's real data
 * (Kasubbag Keuangan, Kecamatan Lumajang, TW II 2024: PK, capaian, cost per outcome, and the SIPD LRA of
 * June 2024), recalculated by LibreOffice headless — and every computed cell equals the domain core.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importLra } from "../../src/app/import-sipd";
import { scaffold } from "../../src/app/scaffold";
import { aggregate, capaian, efisiensi, penyerapan } from "../../src/core/indicators";
import { CAPAIAN, COST_PER_OUTCOME, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, TABLE_ROWS, type TableLayout } from "../../src/core/layouts";
import type { Outcome } from "../../src/core/outcome";
import { classify, SKALA_KECAMATAN } from "../../src/core/scales";
import { parseLra, type LraParseSuccess } from "../../src/core/sipd";
import type { CellContent, CellValue, WorkbookOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readFixture, type CostPerOutcomeRow, type Table } from "../fixtures/load";
import { recalculate } from "../support/libreoffice";
import { readWorkbookModel } from "../../src/app/read-model";
import type { WorkbookModel } from "../../src/core/model/workbook-model";
import { isXlError } from "../../src/core/xl";

jest.setTimeout(120_000);

const F = TABLE_ROWS.firstData;
const LRA = parseLra(readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8")) as LraParseSuccess;
const cpo = readFixture<Table<CostPerOutcomeRow>>("cost-per-outcome-002-kasubbag-keuangan.json");

/** The SIPD kode of each row of Tabel 2.3 (002:1522-1541), from the program/kegiatan letters (SPEC d11). */
const KODE_BY_LINE: Record<number, string> = {
  1529: "SEMUA",
  1530: "7.01.01",
  1531: "7.01.01.2.01",
  1532: "7.01.01.2.01.0001",
  1533: "7.01.01.2.01.0002",
  1534: "7.01.01.2.02",
  1535: "7.01.01.2.02.0001",
  1536: "7.01.01.2.02.0002",
  1541: "7.01.01.2.02.0005",
};
const LEVEL: Record<string, string> = { sasaran_strategis: "Sasaran Strategis", program: "Program", kegiatan: "Kegiatan", sub_kegiatan: "Sub Kegiatan" };

interface Indicator {
  no: string;
  level: string;
  kode: string;
  sasaran: string;
  indikator: string;
  satuan: string;
  polaritas: string;
  target: number;
  realisasiTw2: number | null;
}

const num = (raw: string | null | undefined): number | null => {
  if (!raw || raw.trim() === "-") return null;
  return Number(raw.replace(/\./g, "").replace(",", "."));
};

const indicators: Indicator[] = [
  ...cpo.rows.map((r) => ({
    no: r.no,
    level: LEVEL[r.level]!,
    kode: KODE_BY_LINE[r.line as number]!,
    sasaran: (r as unknown as { sasaran: string }).sasaran,
    indikator: (r as unknown as { indikator: string }).indikator,
    satuan: r.level === "sub_kegiatan" ? "Dokumen" : "%",
    polaritas: "positif",
    target: num(r.kinerja!.target_raw)!,
    realisasiTw2: num(r.kinerja!.realisasi_raw),
  })),
  // not in the seeds: one lower-is-better indicator, so the negative-polarity formula is exercised too
  { no: "3", level: "Sub Kegiatan", kode: "7.01.01.2.02.0005", sasaran: "Uji polaritas negatif", indikator: "Jumlah keterlambatan laporan", satuan: "Laporan", polaritas: "negatif", target: 4, realisasiTw2: 5 },
];

const col = (layout: TableLayout, key: string) => layout.columns.findIndex((c) => c.key === key);

function rowOps(layout: TableLayout, row: number, values: Record<string, CellContent>): WorkbookOp[] {
  return Object.entries(values).map(([key, v]) => ({ type: "write" as const, sheet: layout.sheet, row, col: col(layout, key), cells: [[v]] }));
}

/** Expected budget amount for a kode: Σ the LRA's sub kegiatan under it (the core's own totals). */
function amount(kode: string, pick: (t: LraParseSuccess["subKegiatan"][number]["totals"]) => number | null): number | "" {
  const subs = LRA.subKegiatan.filter((s) => kode === "SEMUA" || s.notation === kode || s.notation.startsWith(kode + "."));
  if (subs.length === 0) return "";
  return subs.reduce((sum, s) => sum + (pick(s.totals) ?? 0), 0);
}

const val = (o: Outcome<number | string>): CellValue => (o.kind === "value" ? o.value : o.kind === "blank" ? "" : o.excel);

describe("the scaffolded workbook recalculated by LibreOffice equals the domain core", () => {
  let sheets: Record<string, CellValue[][]>;
  let model: WorkbookModel;

  beforeAll(async () => {
    const wb = XlsxWorkbook.create();
    const s = await scaffold(wb, { unitKerja: "Kecamatan Lumajang", pemda: "Pemerintah Kabupaten Lumajang", tahun: 2024, periode: "TW II" });
    expect(s.ok).toBe(true);
    const imported = await importLra(wb, LRA);
    expect(imported.ok).toBe(true);
    const ops: WorkbookOp[] = [];
    indicators.forEach((ind, i) => {
      ops.push(
        ...rowOps(PERJANJIAN_KINERJA, F + i, {
          jabatan: "Kasubbag Keuangan",
          no: ind.no,
          level: ind.level,
          kode: ind.kode,
          sasaran: ind.sasaran,
          indikator: ind.indikator,
          satuan: ind.satuan,
          polaritas: ind.polaritas,
          metode: "terakhir",
          targetAwal: ind.target,
        }),
        ...rowOps(CAPAIAN, F + i, { tw2: ind.realisasiTw2 }),
      );
    });
    await wb.apply(ops);
    model = await readWorkbookModel(wb);
    sheets = (await recalculate(await wb.toBuffer())).sheets;
  });

  it("every computed cell of every table sheet equals the read model's twin (prepared rows included)", () => {
    let compared = 0;
    for (const id of ["pk", "capaian", "cpo", "realisasi"] as const) {
      const table = model.table(id);
      expect(table.present).toBe(true);
      for (const r of table.rows()) {
        table.layout.columns.forEach((c, j) => {
          if (c.role !== "computed") return;
          expect(table.status(r, j)).toBe("standard");
          const twin = model.valueAt(id, r, j);
          const got = sheets[table.sheet]?.[r]?.[j] ?? null;
          const where = `${table.sheet} ${c.key} row ${r + 1}`;
          const want = isXlError(twin) ? twin.error : twin === null ? "" : twin;
          if (typeof want === "number" && typeof got === "number") expect([where, got]).toEqual([where, expect.closeTo(want, 9)]);
          else expect([where, got === null ? "" : got]).toEqual([where, want]);
          compared++;
        });
      }
    }
    // 100 PK rows × 2, 100 Capaian × 11, 100 CpO × 13 (Induk included), 300 Realisasi Anggaran × 3 computed columns
    expect(compared).toBe(100 * 2 + 100 * 11 + 100 * 13 + 300 * 3);
  });

  const cell = (layout: TableLayout, row: number, key: string): CellValue => {
    const v = sheets[layout.sheet]?.[row]?.[col(layout, key)];
    return v === undefined ? null : v;
  };

  function expectRow(layout: TableLayout, row: number, expected: Record<string, CellValue>): void {
    for (const [key, want] of Object.entries(expected)) {
      const got = cell(layout, row, key);
      const where = `${layout.sheet} ${key} row ${row + 1}`;
      if (typeof want === "number" && typeof got === "number") expect([where, got]).toEqual([where, expect.closeTo(want, 9)]);
      else expect([where, got === null ? "" : got]).toEqual([where, want]);
    }
  }

  it("computes the Pengaturan and every PK row", () => {
    expect(sheets.Pengaturan?.[9]?.[1]).toBe(2); // SAKIP_TW for TW II
    indicators.forEach((ind, i) => expectRow(PERJANJIAN_KINERJA, F + i, { target: ind.target, anggaran: amount(ind.kode, (t) => t.anggaranSetelah) }));
  });

  it("computes every Capaian row: target from the PK, realisasi up to TW II, capaian with polarity, predikat", () => {
    indicators.forEach((ind, i) => {
      const r = aggregate([null, ind.realisasiTw2], "last");
      const c = r.kind === "value" ? capaian(ind.target, r.value, ind.polaritas as "positif" | "negatif") : r;
      expectRow(CAPAIAN, F + i, {
        jabatan: "Kasubbag Keuangan",
        no: ind.no,
        indikator: ind.indikator,
        satuan: ind.satuan,
        polaritas: ind.polaritas,
        target: ind.target,
        realisasi: val(r),
        capaian: val(c),
        predikat: c.kind === "value" ? val(classify(SKALA_KECAMATAN, c.value)) : "",
      });
    });
  });

  it("computes every Cost per Outcome row: (4)…(10) from PK, Capaian and Realisasi Anggaran", () => {
    indicators.forEach((ind, i) => {
      const r = aggregate([null, ind.realisasiTw2], "last");
      const c = r.kind === "value" ? capaian(ind.target, r.value, ind.polaritas as "positif" | "negatif") : r;
      const pagu = amount(ind.kode, (t) => t.anggaranSetelah);
      const real = amount(ind.kode, (t) => t.realisasiSd);
      const pen = typeof pagu === "number" && typeof real === "number" ? penyerapan(pagu, real) : null;
      const eff = c.kind === "value" && pen?.kind === "value" ? efisiensi(c.value, pen.value) : null;
      expectRow(COST_PER_OUTCOME, F + i, {
        no: ind.no,
        level: ind.level,
        kode: ind.kode,
        target: ind.target,
        realisasi: val(r),
        capaian: val(c),
        pagu,
        realisasiAnggaran: real,
        penyerapan: pen ? val(pen) : "",
        efisiensi: eff ? val(eff) : "",
      });
    });
    // the sasaran row's pagu is the whole unit's budget from SIPD, not the 7.221.714.333 the seed typed (002:1529)
    expect(cell(COST_PER_OUTCOME, F, "pagu")).toBe(7229814333);
  });

  it("computes every Realisasi Anggaran row from the June import", () => {
    const rows = sheets[REALISASI_ANGGARAN.sheet]!;
    let checked = 0;
    for (let r = F; r < rows.length; r++) {
      const kode = cell(REALISASI_ANGGARAN, r, "kode");
      if (typeof kode !== "string" || kode === "") continue;
      const setelah = cell(REALISASI_ANGGARAN, r, "setelah") as number;
      const tw2 = cell(REALISASI_ANGGARAN, r, "tw2") as number;
      expectRow(REALISASI_ANGGARAN, r, { periode: tw2, persen: val(penyerapan(setelah, tw2)), sisa: setelah - tw2 });
      checked++;
    }
    expect(checked).toBe(48);
  });

  it("leaves every unused prepared row blank (no zeros, no errors)", () => {
    for (const layout of [PERJANJIAN_KINERJA, CAPAIAN, COST_PER_OUTCOME]) {
      for (let r = F + indicators.length; r < F + layout.capacity; r++) {
        layout.columns.forEach((c) => {
          if (c.role !== "computed") return;
          const v = cell(layout, r, c.key);
          expect([layout.sheet, c.key, r + 1, v === null ? "" : v]).toEqual([layout.sheet, c.key, r + 1, ""]);
        });
      }
    }
  });
});

describe("Realisasi Anggaran typed by hand with program rows only", () => {
  it("still gives the PK and Cost per Outcome their pagu and realisasi (LibreOffice)", async () => {
    const wb = XlsxWorkbook.create();
    await scaffold(wb, { unitKerja: "Kecamatan Senduro", tahun: 2023, periode: "TW II" });
    const ra = (row: number, values: Record<string, CellContent>) => rowOps(REALISASI_ANGGARAN, row, values);
    await wb.apply([
      // seed 003 (Senduro, Kasi Pemerintahan) prints budgets per program only
      ...ra(F, { level: "Program", kode: "7.01.04", uraian: "Koordinasi Ketentraman dan Ketertiban Umum", setelah: 14700000, tw2: 12450000 }),
      ...ra(F + 1, { level: "Program", kode: "7.01.06", uraian: "Pembinaan dan Pengawasan Pemerintahan Desa", setelah: 29859000, tw2: 29859000 }),
      ...rowOps(PERJANJIAN_KINERJA, F, { kode: "7.01.04", indikator: "Trantibum", targetAwal: 100 }),
      ...rowOps(PERJANJIAN_KINERJA, F + 1, { kode: "SEMUA", indikator: "Seluruh program", targetAwal: 100 }),
      ...rowOps(PERJANJIAN_KINERJA, F + 2, { kode: "7.01.99", indikator: "Kode yang tidak ada", targetAwal: 100 }),
    ]);
    const s = (await recalculate(await wb.toBuffer())).sheets;
    const get = (layout: TableLayout, row: number, key: string) => s[layout.sheet]?.[row]?.[col(layout, key)] ?? null;
    expect([0, 1, 2].map((i) => get(PERJANJIAN_KINERJA, F + i, "anggaran"))).toEqual([14700000, 44559000, ""]);
    expect([0, 1, 2].map((i) => get(COST_PER_OUTCOME, F + i, "realisasiAnggaran"))).toEqual([12450000, 42309000, ""]);
    expect(get(COST_PER_OUTCOME, F, "penyerapan")).toBeCloseTo(12450000 / 14700000, 12);
  });
});
