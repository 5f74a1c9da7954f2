/**
 * The standard SAKIP workbook, declared as data: Pengaturan, Referensi, Perjanjian Kinerja, Capaian,
 * Cost per Outcome and Realisasi Anggaran. Every computed column is a native formula (the workbook
 * computes in plain Excel and LibreOffice); the SAKIP.* functions stay for the user's own cells.
 */
import {
  aggregateUpToFormula,
  aggregateUpToValue,
  capaianFormula,
  capaianFormulaValue,
  efisiensiFormula,
  efisiensiFormulaValue,
  penyerapanFormula,
  penyerapanFormulaValue,
  sisaFormula,
  sisaFormulaValue,
} from "../indicators";
import { predikatFormula, SKALA_KECAMATAN, SKALA_PERMENDAGRI_86, type Scale } from "../scales";
import type { CellContent, ValidationRule } from "../workbook-ops";
import { isBlankish, isXlError, toNumber, xlError, type Val } from "../xl";
import { amountOfStructure, mirrorNumber, mirrorText, RA_LEVELS } from "./formulas";
import { PERIODS, WORKBOOK_SCALES, type Settings } from "./settings";
import {
  defineTable,
  type ColumnSpec,
  type ComputedColumn,
  type FormatId,
  type FormLayout,
  type FormulaContext,
  type KeyOf,
  type ReferenceBlock,
  type SheetId,
  type SheetLayout,
  type TableLayout,
  type TableSheetId,
  type TwinContext,
} from "./types";

export const NAMES = {
  unit: "SAKIP_UNIT",
  pemda: "SAKIP_PEMDA",
  kodeOrganisasi: "SAKIP_KODE_ORGANISASI",
  tahun: "SAKIP_TAHUN",
  periode: "SAKIP_PERIODE",
  tw: "SAKIP_TW",
  skala: "SAKIP_SKALA",
  rumusNegatif: "SAKIP_RUMUS_NEGATIF",
  jabatan: "SAKIP_JABATAN",
} as const;

export const LEVELS = ["Sasaran Strategis", "Sasaran Program", "Sasaran Kegiatan", "Program", "Kegiatan", "Sub Kegiatan"] as const;
export const POLARITAS = ["positif", "negatif"] as const;
export const METODE = ["terakhir", "jumlah", "rata-rata", "maks"] as const;

const list = (source: readonly string[] | { formula: string }, message: string): ValidationRule => ({ type: "list", source, message });

// ---------------------------------------------------------------- Pengaturan

export const PENGATURAN: FormLayout = {
  kind: "form",
  id: "pengaturan",
  sheet: "Pengaturan",
  title: "Pengaturan SAKIP Workbook",
  fields: [
    { key: "unitKerja", label: "Unit kerja", help: "Nama unit kerja seperti di laporan, mis. Kecamatan Lumajang.", format: "text", name: NAMES.unit, value: (s) => s.unitKerja },
    { key: "pemda", label: "Pemerintah daerah", help: "Mis. Pemerintah Kabupaten Lumajang.", format: "text", name: NAMES.pemda, value: (s) => s.pemda },
    { key: "kodeOrganisasi", label: "Kode organisasi SIPD", help: "Mis. 7.01.0.00.0.00.01.0000 (teks).", format: "text", name: NAMES.kodeOrganisasi, value: (s) => s.kodeOrganisasi },
    { key: "tahun", label: "Tahun anggaran", help: "Tahun laporan.", format: "year", name: NAMES.tahun, value: (s) => s.tahun, validation: { type: "decimal", min: 2000, max: 2100, message: "Tahun anggaran 2000–2100." } },
    { key: "periode", label: "Periode laporan", help: "TW I–IV (kumulatif sejak 1 Januari) atau Tahunan.", format: "text", name: NAMES.periode, value: (s) => s.periode, validation: list(PERIODS, "Pilih TW I, TW II, TW III, TW IV atau Tahunan.") },
    {
      key: "tw",
      label: "Nomor triwulan",
      help: "Dihitung dari periode: realisasi TW I s/d triwulan ini yang dihitung.",
      format: "general",
      name: NAMES.tw,
      formula: `=IF(${NAMES.periode}="TW I",1,IF(${NAMES.periode}="TW II",2,IF(${NAMES.periode}="TW III",3,4)))`,
    },
    { key: "skala", label: "Skala predikat", help: "kecamatan (bawaan, >90% Sangat Tinggi), permendagri86, atau kustom (tabel di lembar Referensi).", format: "text", name: NAMES.skala, value: (s) => s.skala, validation: list(WORKBOOK_SCALES, "Pilih kecamatan, permendagri86 atau kustom.") },
    { key: "rumusNegatif", label: "Rumus polaritas negatif", help: "2T-R: (2×target − realisasi)/target (bawaan); T/R: target/realisasi.", format: "text", name: NAMES.rumusNegatif, value: (s) => s.rumusNegatif, validation: list(["2T-R", "T/R"], "Pilih 2T-R atau T/R.") },
  ],
  list: { header: "Daftar jabatan", name: NAMES.jabatan, rows: 40, values: (s) => s.jabatan },
};

/** Rows of the Pengaturan sheet: title 0, note 1, header 3, fields from 4, jabatan list after them. */
export const FORM_HEADER_ROW = 3;
export const FORM_FIRST_FIELD_ROW = 4;
export const formListHeaderRow = (f: FormLayout): number => FORM_FIRST_FIELD_ROW + f.fields.length + 1;

// ---------------------------------------------------------------- Referensi

const pct = (x: number | null): CellContent => (x === null ? null : x);

function intervalText(scale: Scale, i: number): string {
  const b = scale.bands[i]!;
  const fmt = (x: number) => `${Math.round(x * 10000) / 100}%`.replace(".", ",");
  const lo = b.lower === null ? null : `${b.lowerInclusive ? "≥" : ">"} ${fmt(b.lower)}`;
  const hi = b.upper === null ? null : `${b.upperInclusive ? "≤" : "<"} ${fmt(b.upper)}`;
  return [lo, hi].filter(Boolean).join(" dan ");
}

function scaleBlock(title: string, scale: Scale, prefix: string, lowerHeader: string, upperHeader: string): ReferenceBlock {
  const n = scale.bands.length;
  return {
    title,
    headers: [lowerHeader, upperHeader, "Predikat", "Interval"],
    rows: n,
    values: () => scale.bands.map((b, i) => [pct(b.lower), pct(b.upper), b.label, intervalText(scale, i)]),
    formats: ["percent", "percent", "text", "text"],
    names: [
      { name: `${prefix}_BAWAH`, row: 1, col: 0, rows: n - 1, cols: 1 },
      { name: `${prefix}_PREDIKAT`, row: 0, col: 2, rows: n, cols: 1 },
    ],
  };
}

const KUSTOM_ROWS = 10;

export const REFERENSI: FormLayout = {
  kind: "form",
  id: "referensi",
  sheet: "Referensi",
  title: "Referensi: skala predikat capaian",
  fields: [],
  blocks: [
    scaleBlock("Skala kecamatan (LKjIP, bawaan): batas bawah tidak termasuk", SKALA_KECAMATAN, "SKALA_KECAMATAN", "Batas bawah (>)", "Batas atas (≤)"),
    scaleBlock("Skala Permendagri 86/2017: batas bawah termasuk", SKALA_PERMENDAGRI_86, "SKALA_P86", "Batas bawah (≥)", "Batas atas (<)"),
    {
      title: "Skala kustom (boleh diubah; urutkan dari rendah ke tinggi; batas bawah tidak termasuk)",
      headers: ["Batas bawah (>)", "Batas atas (≤)", "Predikat", "Keterangan"],
      rows: KUSTOM_ROWS,
      values: () => [
        ...SKALA_KECAMATAN.bands.map((b) => [pct(b.lower), pct(b.upper), b.label, null] as CellContent[]),
        ...Array.from({ length: KUSTOM_ROWS - SKALA_KECAMATAN.bands.length }, () => [null, null, null, null] as CellContent[]),
      ],
      formats: ["percent", "percent", "text", "text"],
      names: [
        { name: "SKALA_KUSTOM_BAWAH", row: 1, col: 0, rows: KUSTOM_ROWS - 1, cols: 1 },
        { name: "SKALA_KUSTOM_PREDIKAT", row: 0, col: 2, rows: KUSTOM_ROWS, cols: 1 },
      ],
    },
  ],
};

/** Built-in scale blocks are definitions, restored when changed; the kustom block is the user's. */
export const isUserBlock = (b: ReferenceBlock): boolean => b.title.startsWith("Skala kustom");

// ---------------------------------------------------------------- table sheets

const key = (): ColumnSpec<"id", "key"> => ({ key: "id", role: "key", header: "ID", width: 9, format: "text", help: "Kunci indikator; menghubungkan lembar-lembar. Jangan diubah setelah dipakai." });

type Extra = Partial<Pick<ColumnSpec, "group" | "number" | "validation" | "help">>;

const computed = <K extends string>(k: K, header: string, width: number, format: FormatId, extra: Extra = {}): ColumnSpec<K, "computed"> => ({
  key: k,
  role: "computed",
  header,
  width,
  format,
  ...extra,
});

const input = <K extends string>(k: K, header: string, width: number, format: FormatId, extra: Extra = {}): ColumnSpec<K, "input"> => ({
  key: k,
  role: "input",
  header,
  width,
  format,
  ...extra,
});

/** A computed column from a formula builder and its twin (see formulas.ts and indicators/). */
const column = <K extends string>(formula: (c: FormulaContext<K>) => string, twin: (t: TwinContext<K>) => Val): ComputedColumn<K> => ({
  formula: (c) => "=" + formula(c),
  twin,
});

/** Adds the leading "=" to a shared formula piece. */
const asFormula = (c: ComputedColumn): ComputedColumn => ({ ...c, formula: (ctx) => "=" + c.formula(ctx) });

const PK_COLUMNS = [
  key(),
  input("jabatan", "Jabatan", 22, "text", { validation: list({ formula: `=${NAMES.jabatan}` }, "Pilih jabatan dari daftar di lembar Pengaturan.") }),
  input("no", "No", 6, "text", { help: "Nomor seperti di laporan: 1., A, I, 1." }),
  input("level", "Level", 16, "text", { validation: list(LEVELS, "Pilih level sasaran/program/kegiatan/sub kegiatan.") }),
  input("kode", "Kode", 20, "text", { help: "Kode SIPD program/kegiatan/sub kegiatan (mis. 7.01.01.2.01.0001), atau SEMUA untuk seluruh anggaran unit kerja." }),
  input("sasaran", "Sasaran / Program / Kegiatan", 40, "text"),
  input("indikator", "Indikator Kinerja", 45, "text"),
  input("satuan", "Satuan", 10, "text"),
  input("polaritas", "Polaritas", 10, "text", { validation: list(POLARITAS, "Pilih positif atau negatif.") }),
  input("metode", "Metode Agregasi TW", 11, "text", { validation: list(METODE, "Pilih terakhir, jumlah, rata-rata atau maks. Persentase/indeks tidak dijumlahkan.") }),
  input("targetAwal", "Awal", 10, "general", { group: "Target" }),
  input("targetPerubahan", "Perubahan", 10, "general", { group: "Target" }),
  computed("target", "Berlaku", 10, "general", { group: "Target" }),
  input("tw1", "TW I", 8, "general", { group: "Target per Triwulan" }),
  input("tw2", "TW II", 8, "general", { group: "Target per Triwulan" }),
  input("tw3", "TW III", 8, "general", { group: "Target per Triwulan" }),
  input("tw4", "TW IV", 8, "general", { group: "Target per Triwulan" }),
  computed("anggaran", "Anggaran (Rp)", 18, "money", {
    help: "Pagu setelah perubahan dari lembar Realisasi Anggaran menurut kode; baris tanpa kode (sasaran): jumlah baris ber-kode yang Induk-nya baris ini.",
  }),
  input("induk", "Induk (ID)", 10, "text", {
    help: "ID baris induknya: program di bawah sasaran, kegiatan di bawah program, atau indikator komponen di bawah indikator rata-ratanya.",
  }),
] as const;

export const PERJANJIAN_KINERJA = defineTable({
  id: "pk",
  sheet: "Perjanjian Kinerja",
  title: "Perjanjian Kinerja (PK)",
  capacity: 100,
  freezeCols: 1,
  keyPrefix: "IK",
  page: "landscape",
  columns: PK_COLUMNS,
  computed: {
    target: column<KeyOf<typeof PK_COLUMNS>>(
      (c) => `IF(${c.cell("targetPerubahan")}<>"",${c.cell("targetPerubahan")},IF(${c.cell("targetAwal")}<>"",${c.cell("targetAwal")},""))`,
      (t) => {
        const perubahan = t.get("targetPerubahan");
        if (isXlError(perubahan)) return perubahan;
        if (!isBlankish(perubahan)) return perubahan;
        const awal = t.get("targetAwal");
        return isXlError(awal) || !isBlankish(awal) ? awal : "";
      },
    ),
    anggaran: asFormula(amountOfStructure("setelah")),
  },
});

function predikatAktif(ref: string): string {
  const kec = predikatFormula(ref, "SKALA_KECAMATAN_BAWAH", "SKALA_KECAMATAN_PREDIKAT", SKALA_KECAMATAN);
  const p86 = predikatFormula(ref, "SKALA_P86_BAWAH", "SKALA_P86_PREDIKAT", SKALA_PERMENDAGRI_86);
  const kustom = predikatFormula(ref, "SKALA_KUSTOM_BAWAH", "SKALA_KUSTOM_PREDIKAT", SKALA_KECAMATAN);
  return `IF(${NAMES.skala}="permendagri86",${p86},IF(${NAMES.skala}="kustom",${kustom},${kec}))`;
}

/** The TW I–IV columns of Capaian and Realisasi Anggaran. */
export const TW_KEYS = ["tw1", "tw2", "tw3", "tw4"] as const;
const TW_LABELS = ["TW I", "TW II", "TW III", "TW IV"] as const;

const CAPAIAN_COLUMNS = [
  key(),
  computed("jabatan", "Jabatan", 18, "text"),
  computed("no", "No", 6, "text", { number: "(1)" }),
  computed("sasaran", "Sasaran", 36, "text", { number: "(2)" }),
  computed("indikator", "Indikator Kinerja", 40, "text", { number: "(3)" }),
  computed("satuan", "Satuan", 9, "text"),
  computed("polaritas", "Polaritas", 9, "text"),
  computed("metode", "Metode", 9, "text"),
  computed("target", "Target", 10, "general", { number: "(4)" }),
  ...TW_KEYS.map((k, i) => input(k, TW_LABELS[i]!, 9, "general", { group: "Realisasi kumulatif s/d triwulan" })),
  computed("realisasi", "Realisasi Periode", 11, "general", { number: "(5)", help: "Dari TW I s/d triwulan periode laporan, menurut metode agregasi indikator." }),
  computed("capaian", "Capaian", 10, "percent", { number: "(6=5/4)" }),
  computed("predikat", "Predikat", 14, "text"),
  input("keterangan", "Keterangan", 24, "text"),
] as const;

type CapaianKey = KeyOf<typeof CAPAIAN_COLUMNS>;

export const CAPAIAN = defineTable({
  id: "capaian",
  sheet: "Capaian",
  title: "Capaian Kinerja",
  capacity: 100,
  freezeCols: 1,
  keyPrefix: "IK",
  page: "landscape",
  columns: CAPAIAN_COLUMNS,
  computed: {
    jabatan: asFormula(mirrorText("pk", "jabatan")),
    no: asFormula(mirrorText("pk", "no")),
    sasaran: asFormula(mirrorText("pk", "sasaran")),
    indikator: asFormula(mirrorText("pk", "indikator")),
    satuan: asFormula(mirrorText("pk", "satuan")),
    polaritas: asFormula(mirrorText("pk", "polaritas")),
    metode: asFormula(mirrorText("pk", "metode")),
    target: asFormula(mirrorNumber("pk", "target")),
    realisasi: column<CapaianKey>(
      (c) => aggregateUpToFormula(TW_KEYS.map((k) => c.cell(k)), { method: c.cell("metode"), period: NAMES.tw, satuan: c.cell("satuan") }),
      (t) => aggregateUpToValue(TW_KEYS.map((k) => t.get(k)), { method: t.get("metode"), period: t.setting("tw"), satuan: t.get("satuan") }),
    ),
    capaian: column<CapaianKey>(
      (c) => capaianFormula({ target: c.cell("target"), realisasi: c.cell("realisasi"), polaritas: c.cell("polaritas"), rumus: NAMES.rumusNegatif }),
      (t) => capaianFormulaValue({ target: t.get("target"), realisasi: t.get("realisasi"), polaritas: t.get("polaritas"), rumus: t.setting("rumusNegatif") }),
    ),
    predikat: column<CapaianKey>(
      (c) => predikatAktif(c.cell("capaian")),
      (t) => t.predikat(t.get("capaian")),
    ),
  },
});

const CPO_COLUMNS = [
  key(),
  computed("no", "No", 6, "text", { number: "(1)" }),
  computed("level", "Level", 14, "text"),
  computed("sasaran", "Sasaran / Program / Kegiatan", 36, "text", { number: "(2)" }),
  computed("indikator", "Indikator Kinerja", 36, "text", { number: "(3)" }),
  computed("kode", "Kode", 18, "text"),
  computed("target", "Target", 9, "general", { group: "Kinerja", number: "(4)" }),
  computed("realisasi", "Realisasi", 9, "general", { group: "Kinerja", number: "(5)" }),
  computed("capaian", "%", 9, "percent", { group: "Kinerja", number: "(6=5/4)" }),
  computed("pagu", "Pagu (Rp)", 17, "money", { group: "Anggaran", number: "(7)" }),
  computed("realisasiAnggaran", "Realisasi (Rp)", 17, "money", { group: "Anggaran", number: "(8)" }),
  computed("penyerapan", "Capaian", 9, "percent", { group: "Anggaran", number: "(9=8/7)" }),
  computed("efisiensi", "Efisiensi", 10, "percent", { number: "(10=6-9)" }),
  // last, so a workbook made before it keeps its columns in place when the scaffold adds it
  computed("induk", "Induk (ID)", 10, "text", { help: "Dari Perjanjian Kinerja: pagu dan realisasi baris tanpa kode adalah jumlah baris di bawahnya." }),
] as const;

type CpoKey = KeyOf<typeof CPO_COLUMNS>;

export const COST_PER_OUTCOME = defineTable({
  id: "cpo",
  sheet: "Cost per Outcome",
  title: "Cost per Outcome",
  capacity: 100,
  freezeCols: 1,
  keyPrefix: "IK",
  page: "landscape",
  columns: CPO_COLUMNS,
  computed: {
    no: asFormula(mirrorText("pk", "no")),
    level: asFormula(mirrorText("pk", "level")),
    sasaran: asFormula(mirrorText("pk", "sasaran")),
    indikator: asFormula(mirrorText("pk", "indikator")),
    kode: asFormula(mirrorText("pk", "kode")),
    target: asFormula(mirrorNumber("pk", "target")),
    realisasi: asFormula(mirrorNumber("capaian", "realisasi")),
    capaian: asFormula(mirrorNumber("capaian", "capaian")),
    pagu: asFormula(amountOfStructure("setelah")),
    realisasiAnggaran: asFormula(amountOfStructure("periode")),
    penyerapan: column<CpoKey>(
      (c) => penyerapanFormula({ pagu: c.cell("pagu"), realisasi: c.cell("realisasiAnggaran") }),
      (t) => penyerapanFormulaValue({ pagu: t.get("pagu"), realisasi: t.get("realisasiAnggaran") }),
    ),
    efisiensi: column<CpoKey>(
      (c) => efisiensiFormula({ capaian: c.cell("capaian"), penyerapan: c.cell("penyerapan") }),
      (t) => efisiensiFormulaValue({ capaian: t.get("capaian"), penyerapan: t.get("penyerapan") }),
    ),
    induk: asFormula(mirrorText("pk", "induk")),
  },
});

const RA_TW = ["s/d TW I (Maret)", "s/d TW II (Juni)", "s/d TW III (September)", "s/d TW IV (Desember)"];

const RA_COLUMNS = [
  input("level", "Level", 13, "text", { validation: list(RA_LEVELS, "Pilih Program, Kegiatan atau Sub Kegiatan.") }),
  input("kode", "Kode", 20, "text"),
  input("uraian", "Program / Kegiatan / Sub Kegiatan", 44, "text"),
  input("sebelum", "Sebelum Perubahan", 17, "money", { group: "Anggaran (Rp)" }),
  input("setelah", "Setelah Perubahan", 17, "money", { group: "Anggaran (Rp)" }),
  input("sdBulan", "s/d Bulan Terakhir", 17, "money", { group: "Realisasi kumulatif (Rp)" }),
  input("bulan", "Bulan", 10, "text", { group: "Realisasi kumulatif (Rp)" }),
  ...TW_KEYS.map((k, i) => input(k, RA_TW[i]!, 17, "money", { group: "Realisasi kumulatif (Rp)" })),
  computed("periode", "Realisasi s/d Periode", 17, "money"),
  computed("persen", "%", 9, "percent"),
  computed("sisa", "Sisa Anggaran (Rp)", 17, "money"),
] as const;

type RaKey = KeyOf<typeof RA_COLUMNS>;

export const REALISASI_ANGGARAN = defineTable({
  id: "realisasi",
  sheet: "Realisasi Anggaran",
  title: "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
  capacity: 300,
  freezeCols: 3,
  page: "landscape",
  columns: RA_COLUMNS,
  computed: {
    periode: column<RaKey>(
      (c) => {
        const pick = `CHOOSE(${NAMES.tw},${TW_KEYS.map((k) => c.cell(k)).join(",")})`;
        return `IF(${pick}="","",${pick})`;
      },
      (t) => {
        const n = toNumber(t.setting("tw"));
        if (isXlError(n)) return n;
        const i = Math.trunc(n);
        if (i < 1 || i > 4) return xlError("#VALUE!");
        const v = t.get(TW_KEYS[i - 1]!);
        return isBlankish(v) ? "" : v;
      },
    ),
    persen: column<RaKey>(
      (c) => penyerapanFormula({ pagu: c.cell("setelah"), realisasi: c.cell("periode") }),
      (t) => penyerapanFormulaValue({ pagu: t.get("setelah"), realisasi: t.get("periode") }),
    ),
    sisa: column<RaKey>(
      (c) => sisaFormula({ pagu: c.cell("setelah"), realisasi: c.cell("periode") }),
      (t) => sisaFormulaValue({ pagu: t.get("setelah"), realisasi: t.get("periode") }),
    ),
  },
});

/** The column keys of each table sheet. */
export interface SheetKeys {
  pk: KeyOf<typeof PK_COLUMNS>;
  capaian: CapaianKey;
  cpo: CpoKey;
  realisasi: RaKey;
}

/** The settings other sheets read through a defined name (SAKIP_TW …), by Pengaturan field key. */
export type SettingName = "unitKerja" | "pemda" | "kodeOrganisasi" | "tahun" | "periode" | "tw" | "skala" | "rumusNegatif";

export const TABLE_LAYOUTS = { pk: PERJANJIAN_KINERJA, capaian: CAPAIAN, cpo: COST_PER_OUTCOME, realisasi: REALISASI_ANGGARAN } as const satisfies {
  [S in TableSheetId]: TableLayout<SheetKeys[S]>;
};

export const STANDARD_LAYOUTS: readonly SheetLayout[] = [PENGATURAN, REFERENSI, PERJANJIAN_KINERJA, CAPAIAN, COST_PER_OUTCOME, REALISASI_ANGGARAN];

export function layoutById(id: SheetId): SheetLayout {
  const l = STANDARD_LAYOUTS.find((x) => x.id === id);
  if (!l) throw new Error(`no layout ${id}`);
  return l;
}

export const tableLayouts = (): TableLayout[] => STANDARD_LAYOUTS.filter((l): l is TableLayout => l.kind === "table");

/** The defined value of a form field for given settings (used by the planner and the CLI). */
export function fieldValue(layout: FormLayout, fieldKey: string, s: Settings): CellContent {
  const f = layout.fields.find((x) => x.key === fieldKey);
  return f?.value ? f.value(s) : null;
}
