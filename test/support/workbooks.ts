/**
 * Workbooks built from the real reports' data, for the validator's tests.
 * `correctWorkbook2024`: Kecamatan Lumajang, TW II 2024 — scaffold, the SIPD LRA of June 2024 imported,
 * and the Kasubbag Keuangan's cost-per-outcome rows (002:1522-1541) typed as inputs with the values the
 * report should have printed; every computed column keeps its formula.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importLra } from "../../src/app/import-sipd";
import { scaffold } from "../../src/app/scaffold";
import { CAPAIAN, PERJANJIAN_KINERJA, TABLE_ROWS, colIndex, type TableLayout } from "../../src/core/layouts";
import { parseLra, type LraParseSuccess } from "../../src/core/sipd";
import type { CellContent, WorkbookOp, WorkbookPort } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { readFixture, type CostPerOutcomeRow, type Table } from "../fixtures/load";

export const F = TABLE_ROWS.firstData;

export const LRA_002 = (): LraParseSuccess => parseLra(readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8")) as LraParseSuccess;

/** The SIPD kode of each row of Tabel 2.3 (002:1522-1541), from the program/kegiatan letters (SPEC d11). */
export const KODE_BY_LINE_002: Record<number, string> = {
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
const SATUAN_002: Record<number, string> = { 1532: "Dokumen", 1533: "Dokumen", 1535: "Orang", 1536: "Dokumen", 1541: "Laporan" };

export function write<K extends string>(layout: TableLayout<K>, row: number, key: NoInfer<K>, v: CellContent): WorkbookOp {
  return { type: "write", sheet: layout.sheet, row, col: colIndex(layout, key), cells: [[v]] };
}

export interface Row2024 {
  id: string;
  line: number;
  no: string;
  level: string;
  kode: string;
  sasaran: string;
  indikator: string;
  satuan: string;
  target: number;
  realisasiTw2: number;
  induk: string;
}

const num = (raw: string | null | undefined): number => (!raw || raw.trim() === "-" ? 0 : Number(raw.replace(/\./g, "").replace(",", ".")));

export function rows2024(): Row2024[] {
  const cpo = readFixture<Table<CostPerOutcomeRow & { sasaran: string; indikator: string }>>("cost-per-outcome-002-kasubbag-keuangan.json");
  const out: Row2024[] = [];
  let program = "";
  let kegiatan = "";
  cpo.rows.forEach((r, i) => {
    const id = `IK-${String(i + 1).padStart(3, "0")}`;
    const level = LEVEL[r.level]!;
    const induk = level === "Kegiatan" ? program : level === "Sub Kegiatan" ? kegiatan : "";
    if (level === "Program") program = id;
    if (level === "Kegiatan") kegiatan = id;
    const line = r.line as number;
    out.push({
      id,
      line,
      no: r.no,
      level,
      kode: KODE_BY_LINE_002[line]!,
      sasaran: r.sasaran,
      indikator: r.indikator,
      satuan: SATUAN_002[line] ?? "%",
      target: num(r.kinerja!.target_raw),
      realisasiTw2: num(r.kinerja!.realisasi_raw),
      induk,
    });
  });
  return out;
}

/** The Kasubbag Keuangan's PK rows and TW II realisasi (002:1522-1541), typed into scaffolded sheets. */
export function inputOps2024(): WorkbookOp[] {
  const ops: WorkbookOp[] = [];
  rows2024().forEach((x, i) => {
    const r = F + i;
    ops.push(
      write(PERJANJIAN_KINERJA, r, "jabatan", "Kasubbag Keuangan"),
      write(PERJANJIAN_KINERJA, r, "no", x.no),
      write(PERJANJIAN_KINERJA, r, "level", x.level),
      write(PERJANJIAN_KINERJA, r, "kode", x.kode),
      write(PERJANJIAN_KINERJA, r, "sasaran", x.sasaran),
      write(PERJANJIAN_KINERJA, r, "indikator", x.indikator),
      write(PERJANJIAN_KINERJA, r, "satuan", x.satuan),
      write(PERJANJIAN_KINERJA, r, "polaritas", "positif"),
      write(PERJANJIAN_KINERJA, r, "metode", "terakhir"),
      write(PERJANJIAN_KINERJA, r, "targetAwal", x.target),
      write(PERJANJIAN_KINERJA, r, "induk", x.induk || null),
      write(CAPAIAN, r, "tw2", x.realisasiTw2),
    );
  });
  return ops;
}

/** The correct 2024 workbook in the given adapter (memory by default). */
export async function correctWorkbook2024<P extends WorkbookPort>(port: P = new MemoryWorkbook() as unknown as P): Promise<P> {
  const s = await scaffold(port, { unitKerja: "Kecamatan Lumajang", pemda: "Pemerintah Kabupaten Lumajang", kodeOrganisasi: "7.01.0.00.0.00.01.0000", tahun: 2024, periode: "TW II" });
  if (!s.ok) throw new Error("scaffold failed");
  const imported = await importLra(port, LRA_002());
  if (!imported.ok) throw new Error(imported.message);
  await port.apply(inputOps2024());
  return port;
}

/**
 * A column inserted into `sheet` as Excel leaves it: every cell from column `at` on moved one to the
 * right (formulas as written, values as typed), `header` over the new column in the header row.
 */
export async function insertColumn(wb: WorkbookPort, sheet: string, at: number, header = "Keterangan"): Promise<void> {
  const info = (await wb.sheets()).find((s) => s.name === sheet)!;
  const [cells] = await wb.read([{ sheet, row: 0, col: 0, rows: info.usedRows, cols: info.usedCols }]);
  const content = cells!.map((row, r) => {
    const c: CellContent[] = row.map((x) => (x.formula !== null ? { formula: x.formula } : x.value));
    return [...c.slice(0, at), r === TABLE_ROWS.header ? header : null, ...c.slice(at)];
  });
  await wb.apply([{ type: "write", sheet, row: 0, col: 0, cells: content }]);
}
