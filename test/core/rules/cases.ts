/**
 * The conformance cases of the rule catalogue, kept the way XBRL data-quality rules keep theirs: for
 * every rule at least one failing and one passing case, each a small change to a correct workbook
 * (Kecamatan Lumajang TW II 2024: scaffold, the SIPD LRA of June imported, the Kasubbag Keuangan's
 * rows with their correct values; see test/support/workbooks.ts) or to a small SIPD export, with the
 * exact findings it must give beyond those of the unchanged workbook.
 *
 * Rows of the correct workbook (F = first data row, Excel row 7):
 *   F+0 sasaran (SEMUA) 52/100 %   F+1 program 7.01.01 46/100 %   F+2 kegiatan 7.01.01.2.01 50/100 %
 *   F+3 sub 2.01.0001 1/1 Dokumen  F+4 sub 2.01.0002 0/1 Dokumen  F+5 kegiatan 7.01.01.2.02 70/100 %
 *   F+6 sub 2.02.0001 64/64 Orang  F+7 sub 2.02.0002 48/96 Dokumen F+8 sub 2.02.0005 1/1 Laporan
 * Realisasi Anggaran holds the 48 imported rows from F (program 7.01.01, kegiatan 7.01.01.2.01, its
 * subs 0001 and 0002, kegiatan 7.01.01.2.02 …).
 */
import { CAPAIAN, COST_PER_OUTCOME, PENGATURAN, PERJANJIAN_KINERJA, REALISASI_ANGGARAN, TABLE_ROWS, colIndex, FORM_FIRST_FIELD_ROW, type TableLayout } from "../../../src/core/layouts";
import { RINCIAN_ROWS, RINCIAN_SHEET, rincianCol } from "../../../src/core/layouts/rincian";
import type { RuleId } from "../../../src/core/rules";
import type { CellContent, WorkbookOp } from "../../../src/workbook/port";
import { dataLine, HEADER, smallLra } from "../sipd/helpers";
import { F } from "../../support/workbooks";

export interface WorkbookCase {
  kind: "workbook";
  name: string;
  ops: WorkbookOp[];
  /** A sheet left out of the workbook (as if deleted or renamed). */
  without?: string;
  /** "RULE code Sheet!A1", beyond the unchanged workbook's findings. */
  expect: string[];
}

export interface PasteCase {
  kind: "paste";
  name: string;
  text: string;
  /** "RULE code baris N". */
  expect: string[];
}

export type Case = WorkbookCase | PasteCase;

/**
 * The three header rows of a table as they stand after a column is inserted at `at` (headers from
 * there on one column to the right) or deleted (one to the left): the headers are what Periksa reads
 * to tell a shifted sheet.
 */
function headerRows<K extends string>(layout: TableLayout<K>): CellContent[][] {
  const group: CellContent[] = layout.columns.map((c) => (c.group ? null : c.header));
  // the group's name stands over its first column
  layout.columns.forEach((c, i) => {
    if (c.group && (i === 0 || layout.columns[i - 1]!.group !== c.group)) group[i] = c.group;
  });
  return [group, layout.columns.map((c) => (c.group ? c.header : null)), layout.columns.map((c) => c.number ?? null)];
}
const insertedColumnHeaders = <K extends string>(layout: TableLayout<K>, at: number, header: string): WorkbookOp[] => [
  { type: "write", sheet: layout.sheet, row: TABLE_ROWS.group, col: at, cells: headerRows(layout).map((row, i) => [i === 0 ? header : null, ...row.slice(at)]) },
];
const deletedColumnHeaders = <K extends string>(layout: TableLayout<K>, at: number): WorkbookOp[] => [
  { type: "write", sheet: layout.sheet, row: TABLE_ROWS.group, col: at, cells: headerRows(layout).map((row) => [...row.slice(at + 1), null]) },
];

/** Kode Rekening cells of Rincian SIPD overwritten, where `kode` gives one (the fixture's import has 241 rows). */
const rincianKode = (kode: (i: number) => CellContent | undefined): WorkbookOp[] =>
  Array.from({ length: 241 }, (_, i) => kode(i)).flatMap((v, i) =>
    v === undefined ? [] : [{ type: "write" as const, sheet: RINCIAN_SHEET, row: RINCIAN_ROWS.firstData + i, col: rincianCol("kode"), cells: [[v]] }],
  );
const put = <K extends string>(layout: TableLayout<K>, row: number, key: NoInfer<K>, v: CellContent): WorkbookOp => ({ type: "write", sheet: layout.sheet, row, col: colIndex(layout, key), cells: [[v]] });

/** A value typed with a number format, as Excel stores "52%" (0,52 under "0%"). */
const typed = <K extends string>(layout: TableLayout<K>, row: number, key: NoInfer<K>, v: number, numberFormat: string): WorkbookOp[] => [
  { type: "format", range: { sheet: layout.sheet, row, col: colIndex(layout, key), rows: 1, cols: 1 }, numberFormat },
  put(layout, row, key, v),
];

const setting = (key: string, v: CellContent): WorkbookOp => ({ type: "write", sheet: PENGATURAN.sheet, row: FORM_FIRST_FIELD_ROW + PENGATURAN.fields.findIndex((f) => f.key === key), col: 1, cells: [[v]] });

/** A complete extra indicator of the Kasubbag Keuangan at row F+9 onwards. */
function indicator(row: number, v: { indikator: string; satuan?: string; target?: number | null; realisasi?: CellContent; jabatan?: string; induk?: string; level?: string; no?: string; kode?: string; metode?: string; sasaran?: string }): WorkbookOp[] {
  const ops: WorkbookOp[] = [
    put(PERJANJIAN_KINERJA, row, "jabatan", v.jabatan ?? "Kasubbag Keuangan"),
    put(PERJANJIAN_KINERJA, row, "level", v.level ?? "Sasaran Kegiatan"),
    put(PERJANJIAN_KINERJA, row, "no", v.no ?? null),
    put(PERJANJIAN_KINERJA, row, "sasaran", v.sasaran ?? "Terlaksananya uji aturan"),
    put(PERJANJIAN_KINERJA, row, "indikator", v.indikator),
    put(PERJANJIAN_KINERJA, row, "satuan", v.satuan ?? "%"),
    put(PERJANJIAN_KINERJA, row, "polaritas", "positif"),
    put(PERJANJIAN_KINERJA, row, "metode", v.metode ?? "terakhir"),
    put(PERJANJIAN_KINERJA, row, "targetAwal", v.target === undefined ? 100 : v.target),
  ];
  if (v.induk) ops.push(put(PERJANJIAN_KINERJA, row, "induk", v.induk));
  if (v.kode) ops.push(put(PERJANJIAN_KINERJA, row, "kode", v.kode));
  if (v.realisasi !== undefined) ops.push(put(CAPAIAN, row, "tw2", v.realisasi));
  return ops;
}

/** A line of the small export, 1-based as the parser counts. */
function paste(change: (lines: string[]) => void): string {
  const lines = smallLra();
  change(lines);
  return lines.join("\n");
}
const P = "7 01 7 01 00";
/** The parent's roll-up breaks, one per money column a change touched. */
const rollup18 = (n: number): string[] => Array.from({ length: n }, () => "R-SUM-01 sipd-rollup baris 18");
const set = (lines: string[], line: number, text: string) => {
  lines[line - 1] = text;
};

export const CASES: Partial<Record<RuleId, { fail: Case[]; pass: Case[] }>> = {
  "R-CAP-01": {
    fail: [
      { kind: "workbook", name: "capaian 50% diketik untuk realisasi 46 dari target 100", ops: [put(CAPAIAN, F + 1, "capaian", 0.5)], expect: ["R-XL-01 formula-constant Capaian!O8", "R-CAP-01 cap-mismatch Capaian!O8"] },
      {
        kind: "workbook",
        name: "indikator negatif dengan rumus T/R: capaian 160% diketik untuk target 10, realisasi 4 (10 ÷ 4 = 250%)",
        ops: [setting("rumusNegatif", "T/R"), put(PERJANJIAN_KINERJA, F + 1, "polaritas", "negatif"), put(PERJANJIAN_KINERJA, F + 1, "targetAwal", 10), put(CAPAIAN, F + 1, "tw2", 4), put(CAPAIAN, F + 1, "capaian", 1.6)],
        expect: ["R-XL-01 formula-constant Capaian!O8", "R-CAP-01 cap-mismatch Capaian!O8"],
      },
      { kind: "workbook", name: "Sangat Tinggi diketik untuk capaian 46%", ops: [put(CAPAIAN, F + 1, "predikat", "Sangat Tinggi")], expect: ["R-XL-01 formula-constant Capaian!P8", "R-CAP-01 predikat-mismatch Capaian!P8"] },
    ],
    pass: [{ kind: "workbook", name: "46% diketik, rumusnya juga memberi 46%", ops: [put(CAPAIAN, F + 1, "capaian", 0.46)], expect: ["R-XL-01 formula-constant Capaian!O8"] }],
  },
  "R-CAP-02": {
    fail: [
      { kind: "paste", name: "ekspor dengan % dipotong, bukan dibulatkan (66,66 untuk 66,666…)", text: paste((l) => set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 0, 100000, { persen: "66,66" }))), expect: [...rollup18(3), "R-CAP-02 sipd-persen-truncated baris 21"] },
      { kind: "workbook", name: "48 dari 97 (49,4845…%) diketik 49,484% (dipotong, bukan dibulatkan)", ops: [put(PERJANJIAN_KINERJA, F + 7, "targetAwal", 97), put(CAPAIAN, F + 7, "capaian", 0.49484)], expect: ["R-XL-01 formula-constant Capaian!O14", "R-CAP-02 cap-truncated Capaian!O14"] },
      { kind: "workbook", name: "penyerapan 53,526…% diketik 53,52%", ops: [put(COST_PER_OUTCOME, F + 1, "penyerapan", 0.5352)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!L8", "R-CAP-02 pen-truncated 'Cost per Outcome'!L8"] },
    ],
    pass: [{ kind: "workbook", name: "49,485% (dibulatkan setengah ke atas)", ops: [put(PERJANJIAN_KINERJA, F + 7, "targetAwal", 97), put(CAPAIAN, F + 7, "capaian", 0.49485)], expect: ["R-XL-01 formula-constant Capaian!O14"] }],
  },
  "R-CAP-03": {
    fail: [
      { kind: "workbook", name: "realisasi diketik 100% untuk target 1 Dokumen", ops: typed(CAPAIAN, F + 3, "tw2", 1, "0%"), expect: ["R-CAP-03 unit-percent-realisasi Capaian!K10"] },
      { kind: "workbook", name: "target diketik 100% di Capaian, di PK 64 Orang", ops: typed(CAPAIAN, F + 6, "target", 1, "0%"), expect: ["R-XL-01 formula-constant Capaian!I13", "R-CAP-03 unit-percent-target Capaian!I13"] },
      { kind: "workbook", name: "target PK 1 Dokumen berformat persen (100%)", ops: typed(PERJANJIAN_KINERJA, F + 3, "targetAwal", 1, "0%"), expect: ["R-CAP-03 unit-percent-pk-target 'Perjanjian Kinerja'!K10"] },
      { kind: "workbook", name: "satuan Paket diketik di Capaian, di PK Dokumen", ops: [put(CAPAIAN, F + 3, "satuan", "Paket")], expect: ["R-XL-01 formula-constant Capaian!F10", "R-CAP-03 unit-differs Capaian!F10"] },
      { kind: "workbook", name: "indikator \"Persentase …\" bersatuan Dokumen", ops: [put(PERJANJIAN_KINERJA, F + 0, "satuan", "Dokumen")], expect: ["R-CAP-03 unit-name-percent 'Perjanjian Kinerja'!H7"] },
    ],
    pass: [{ kind: "workbook", name: "realisasi diketik 1 (Dokumen)", ops: [put(CAPAIAN, F + 3, "tw2", 1)], expect: [] }],
  },
  "R-CAP-04": {
    fail: [
      { kind: "workbook", name: "capaian diketik realisasi ÷ 5 (9,2% untuk 46)", ops: [put(CAPAIAN, F + 1, "capaian", 0.092)], expect: ["R-XL-01 formula-constant Capaian!O8", "R-CAP-04 cap-literal Capaian!O8"] },
      { kind: "workbook", name: "label nomor kolom diketik 5=4/5", ops: [{ type: "write", sheet: CAPAIAN.sheet, row: TABLE_ROWS.number, col: colIndex(CAPAIAN, "capaian"), cells: [["5=4/5"]] }], expect: ["R-CAP-04 label-number Capaian!O6"] },
    ],
    pass: [{ kind: "workbook", name: "label seperti ditulis Siapkan Lembar", ops: [{ type: "write", sheet: CAPAIAN.sheet, row: TABLE_ROWS.number, col: colIndex(CAPAIAN, "capaian"), cells: [["(6=5/4)"]] }], expect: [] }],
  },
  "R-CAP-05": {
    fail: [{ kind: "workbook", name: "capaian 116% diketik 100%", ops: [put(CAPAIAN, F + 0, "tw2", 116), put(CAPAIAN, F + 0, "capaian", 1)], expect: ["R-XL-01 formula-constant Capaian!O7", "R-CAP-05 cap-capped Capaian!O7"] }],
    pass: [{ kind: "workbook", name: "capaian 116% dibiarkan", ops: [put(CAPAIAN, F + 0, "tw2", 116), put(CAPAIAN, F + 0, "capaian", 1.16)], expect: ["R-XL-01 formula-constant Capaian!O7"] }],
  },
  "R-CAP-06": {
    fail: [
      {
        kind: "workbook",
        name: "indikator negatif dengan realisasi 45 untuk target 20",
        ops: [...indicator(F + 9, { indikator: "Jumlah aduan masyarakat yang belum ditindaklanjuti", satuan: "Aduan", target: 20, realisasi: 45 }), put(PERJANJIAN_KINERJA, F + 9, "polaritas", "negatif")],
        expect: ["R-CAP-06 cap-negative-below-zero Capaian!O16"],
      },
    ],
    pass: [
      { kind: "workbook", name: "indikator negatif dengan realisasi 30 untuk target 20", ops: [...indicator(F + 9, { indikator: "Jumlah aduan masyarakat yang belum ditindaklanjuti", satuan: "Aduan", target: 20, realisasi: 30 }), put(PERJANJIAN_KINERJA, F + 9, "polaritas", "negatif")], expect: [] },
      {
        kind: "workbook",
        name: "realisasi 45 untuk target 20 dengan rumus T/R",
        ops: [...indicator(F + 9, { indikator: "Jumlah aduan masyarakat yang belum ditindaklanjuti", satuan: "Aduan", target: 20, realisasi: 45 }), put(PERJANJIAN_KINERJA, F + 9, "polaritas", "negatif"), setting("rumusNegatif", "T/R")],
        expect: [],
      },
    ],
  },
  "R-AVG-01": {
    fail: [
      {
        kind: "workbook",
        name: "rata-rata tertulis 29 dari komponen 0, 0 dan 100",
        ops: [
          ...indicator(F + 9, { indikator: "Rata-rata persentase desa yang menyusun dokumen tepat waktu", realisasi: 29 }),
          ...indicator(F + 10, { indikator: "Persentase desa yang menetapkan RKPDes tepat waktu", realisasi: 0, induk: "IK-010" }),
          ...indicator(F + 11, { indikator: "Persentase desa yang menetapkan APBDes tepat waktu", realisasi: 0, induk: "IK-010" }),
          ...indicator(F + 12, { indikator: "Persentase desa yang menetapkan LPPDes tepat waktu", realisasi: 100, induk: "IK-010" }),
        ],
        expect: ["R-AVG-01 avg-mismatch Capaian!K16"],
      },
      { kind: "workbook", name: "0 di TW I indikator rata-rata", ops: [put(PERJANJIAN_KINERJA, F + 7, "metode", "rata-rata"), put(CAPAIAN, F + 7, "tw1", 0)], expect: ["R-AVG-01 zero-not-measured Capaian!J14"] },
    ],
    pass: [
      {
        kind: "workbook",
        name: "rata-rata 33,33 dari komponen 0, 0 dan 100",
        ops: [
          ...indicator(F + 9, { indikator: "Rata-rata persentase desa yang menyusun dokumen tepat waktu", realisasi: 33.33 }),
          ...indicator(F + 10, { indikator: "Persentase desa yang menetapkan RKPDes tepat waktu", realisasi: 0, induk: "IK-010" }),
          ...indicator(F + 11, { indikator: "Persentase desa yang menetapkan APBDes tepat waktu", realisasi: 0, induk: "IK-010" }),
          ...indicator(F + 12, { indikator: "Persentase desa yang menetapkan LPPDes tepat waktu", realisasi: 100, induk: "IK-010" }),
        ],
        expect: [],
      },
    ],
  },
  "R-UNIT-01": {
    fail: [
      { kind: "workbook", name: "realisasi diketik 52% untuk target 100 (satuan %)", ops: typed(CAPAIAN, F + 0, "tw2", 0.52, "0%"), expect: ["R-UNIT-01 unit-percent-mixed Capaian!K7"] },
      { kind: "workbook", name: "realisasi diketik 0,46 (pecahan) untuk target 100 (satuan %)", ops: [put(CAPAIAN, F + 0, "tw2", 0.46)], expect: ["R-UNIT-01 unit-fraction-typed Capaian!K7"] },
      { kind: "workbook", name: "target diketik 1 (pecahan) untuk realisasi 52 (satuan %)", ops: [put(PERJANJIAN_KINERJA, F + 0, "targetAwal", 1), put(CAPAIAN, F + 0, "tw2", 52)], expect: ["R-UNIT-01 unit-fraction-target 'Perjanjian Kinerja'!K7"] },
      { kind: "workbook", name: "penyerapan diketik 53,53 di kolom persen", ops: [put(COST_PER_OUTCOME, F + 1, "penyerapan", 53.53)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!L8", "R-UNIT-01 ratio-as-percent-number 'Cost per Outcome'!L8"] },
    ],
    pass: [
      { kind: "workbook", name: "realisasi diketik 52", ops: [put(CAPAIAN, F + 0, "tw2", 52)], expect: [] },
      { kind: "workbook", name: "realisasi 0,5 untuk target 2 (satuan %): memang 0,5%", ops: indicator(F + 9, { indikator: "Persentase desa rawan bencana yang tertangani", target: 2, realisasi: 0.5 }), expect: [] },
      { kind: "workbook", name: "indikator negatif: realisasi 0,2 untuk target 10 (satuan %)", ops: [...indicator(F + 9, { indikator: "Persentase aduan yang tidak ditindaklanjuti", target: 10, realisasi: 0.2 }), put(PERJANJIAN_KINERJA, F + 9, "polaritas", "negatif")], expect: [] },
    ],
  },
  "R-PEN-01": {
    fail: [
      { kind: "paste", name: "% baris penutup tidak sama dengan realisasi ÷ anggaran", text: paste((l) => set(l, 22, "\tJumlah Belanja\t\t\t300000,00\t100000,00\t400000,00\t41,00\t")), expect: ["R-PEN-01 sipd-footer-mismatch baris 22"] },
      { kind: "paste", name: "ekspor dengan % yang tidak sama dengan S/D ÷ anggaran", text: paste((l) => set(l, 20, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0026`, "Belanja Bahan Cetak", 250000, 100000, 0, { persen: "41,00" }))), expect: ["R-PEN-01 sipd-persen-mismatch baris 20"] },{ kind: "workbook", name: "penyerapan 60% diketik untuk 53,53%", ops: [put(COST_PER_OUTCOME, F + 1, "penyerapan", 0.6)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!L8", "R-PEN-01 pen-mismatch 'Cost per Outcome'!L8"] }],
    pass: [{ kind: "workbook", name: "penyerapan 53,53% diketik", ops: [put(COST_PER_OUTCOME, F + 1, "penyerapan", 0.5353)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!L8"] }],
  },
  "R-PEN-02": {
    fail: [
      {
        kind: "paste",
        name: "ekspor dengan realisasi di atas anggarannya",
        text: paste((l) => set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 100000, 80000))),
        expect: [...rollup18(4), "R-SISA-01 sipd-sisa-negative baris 21", "R-PEN-02 sipd-realisasi-over baris 21"],
      },{ kind: "workbook", name: "realisasi 2.750.000 dengan pagu yang diturunkan menjadi 2.000.000", ops: [put(REALISASI_ANGGARAN, F + 2, "setelah", 2_000_000)], expect: ["R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E7", "R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E8", "R-XREF-01 xref-sipd-pagu 'Realisasi Anggaran'!E9", "R-PEN-02 pen-over 'Realisasi Anggaran'!I9"] }],
    pass: [{ kind: "workbook", name: "pagu seperti di SIPD", ops: [put(REALISASI_ANGGARAN, F + 2, "setelah", 2_750_000)], expect: [] }],
  },
  "R-SISA-01": {
    fail: [
      { kind: "paste", name: "ekspor dengan sisa yang tidak sama dengan setelah perubahan − S/D", text: paste((l) => set(l, 20, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0026`, "Belanja Bahan Cetak", 250000, 100000, 0, { sisa: "105.000,00" }))), expect: ["R-SUM-01 sipd-rollup baris 18", "R-SISA-01 sipd-sisa-mismatch baris 20"] },
      {
        kind: "paste",
        name: "ekspor dengan realisasi di atas anggarannya",
        text: paste((l) => set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 100000, 80000))),
        expect: [...rollup18(4), "R-SISA-01 sipd-sisa-negative baris 21", "R-PEN-02 sipd-realisasi-over baris 21"],
      },{ kind: "workbook", name: "sisa diketik 5", ops: [put(REALISASI_ANGGARAN, F + 0, "sisa", 5)], expect: ["R-XL-01 formula-constant 'Realisasi Anggaran'!N7", "R-SISA-01 sisa-mismatch 'Realisasi Anggaran'!N7"] }],
    pass: [{ kind: "workbook", name: "sisa diketik pagu − realisasi", ops: [put(REALISASI_ANGGARAN, F + 0, "sisa", 7_089_003_733 - 3_794_485_645)], expect: ["R-XL-01 formula-constant 'Realisasi Anggaran'!N7"] }],
  },
  "R-EFF-01": {
    fail: [{ kind: "workbook", name: "efisiensi bertanda terbalik (+7,53% untuk 46% − 53,53%)", ops: [put(COST_PER_OUTCOME, F + 1, "efisiensi", 0.0753)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!M8", "R-EFF-01 eff-mismatch 'Cost per Outcome'!M8"] }],
    pass: [{ kind: "workbook", name: "efisiensi −7,53%", ops: [put(COST_PER_OUTCOME, F + 1, "efisiensi", -0.0753)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!M8"] }],
  },
  "R-EFF-02": {
    fail: [{ kind: "workbook", name: "efisiensi = 46 − 0,5353 (persen dikurangi pecahan)", ops: [put(COST_PER_OUTCOME, F + 1, "efisiensi", 45.4647)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!M8", "R-EFF-02 eff-mixed-units 'Cost per Outcome'!M8"] }],
    pass: [{ kind: "workbook", name: "efisiensi dalam pecahan", ops: [put(COST_PER_OUTCOME, F + 1, "efisiensi", -0.0753)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!M8"] }],
  },
  "R-EFF-03": {
    fail: [
      { kind: "workbook", name: "efisiensi 0,41 yang tidak dihasilkan hitungan mana pun pada baris itu", ops: [put(COST_PER_OUTCOME, F + 1, "efisiensi", 0.41)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!M8", "R-EFF-03 eff-unreproducible 'Cost per Outcome'!M8"] },
      { kind: "workbook", name: "efisiensi diketik untuk indikator tanpa anggaran", ops: [...indicator(F + 9, { indikator: "Persentase uji tanpa anggaran", realisasi: 80 }), put(COST_PER_OUTCOME, F + 9, "efisiensi", 0.12)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!M16", "R-EFF-03 eff-no-budget 'Cost per Outcome'!M16"] },
    ],
    pass: [{ kind: "workbook", name: "efisiensi dihitung rumusnya", ops: [], expect: [] }],
  },
  "R-EFF-04": {
    fail: [
      { kind: "workbook", name: "efisiensi dikosongkan", ops: [put(COST_PER_OUTCOME, F + 1, "efisiensi", null)], expect: ["R-EFF-04 eff-empty 'Cost per Outcome'!M8"] },
      { kind: "workbook", name: "capaian anggaran dikosongkan", ops: [put(COST_PER_OUTCOME, F + 2, "penyerapan", null)], expect: ["R-EFF-04 pen-empty 'Cost per Outcome'!L9"] },
    ],
    pass: [{ kind: "workbook", name: "kedua rumus ada", ops: [], expect: [] }],
  },
  "R-SUM-01": {
    fail: [
      { kind: "workbook", name: "pagu program diketik tangan, tidak sama dengan jumlah sub kegiatannya", ops: [put(REALISASI_ANGGARAN, F + 0, "setelah", 7_000_000_000)], expect: ["R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E7", "R-XREF-01 xref-sipd-pagu 'Realisasi Anggaran'!E7"] },
      { kind: "workbook", name: "sub kegiatan berpagu tanpa Induk, padahal sub kegiatan lain ber-Induk", ops: [put(PERJANJIAN_KINERJA, F + 4, "induk", null)], expect: ["R-SUM-01 sum-unattached 'Cost per Outcome'!J11"] },
      {
        kind: "workbook",
        name: "program berpagu tanpa baris yang ber-Induk kepadanya",
        ops: [put(PERJANJIAN_KINERJA, F + 9, "jabatan", "Kasubbag Keuangan"), put(PERJANJIAN_KINERJA, F + 9, "level", "Program"), put(PERJANJIAN_KINERJA, F + 9, "kode", "7.01.02"), put(PERJANJIAN_KINERJA, F + 9, "sasaran", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik")],
        expect: ["R-SUM-01 sum-no-children 'Cost per Outcome'!J16"],
      },
      { kind: "workbook", name: "sasaran (SEMUA) dengan hanya satu program ber-Induk kepadanya", ops: [put(PERJANJIAN_KINERJA, F + 1, "induk", "IK-001")], expect: ["R-SUM-01 sum-children 'Cost per Outcome'!J7", "R-SUM-01 sum-children 'Cost per Outcome'!K7"] },
      { kind: "paste", name: "ekspor dengan S/D yang tidak sama dengan bulan lalu + bulan ini", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { sd: "310.000,00", sisa: "290.000,00", persen: "51,67" }))), expect: [...rollup18(2), "R-SUM-01 sipd-sd-mismatch baris 19"] },
      { kind: "paste", name: "kode salah bentuk yang induknya cocok hanya bila kodenya dibaca sesuai perbaikan", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000))), expect: ["R-SUM-01 sipd-rollup-literal-only baris 18", "R-KODE-01 sipd-kode-repaired baris 19"] },
      { kind: "paste", name: "baris penutup tidak sama dengan BELANJA DAERAH", text: paste((l) => set(l, 23, "\tSurplus / Defisit\t-1000000,00\t-999999,00\t-300000,00\t-100000,00\t-400000,00\t40,00\t")), expect: ["R-SUM-01 sipd-footer-mismatch baris 23"] },
    ],
    pass: [
      { kind: "workbook", name: "angka hasil impor", ops: [], expect: [] },
      { kind: "paste", name: "ekspor yang konsisten", text: paste(() => undefined), expect: [] },
    ],
  },
  "R-XREF-01": {
    fail: [
      { kind: "workbook", name: "pagu diketik di Cost per Outcome, berbeda dengan Realisasi Anggaran", ops: [put(COST_PER_OUTCOME, F + 1, "pagu", 7_100_000_000)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!J8", "R-XREF-01 xref-pagu 'Cost per Outcome'!J8"] },
      { kind: "workbook", name: "pagu sub kegiatan diubah setelah impor", ops: [put(REALISASI_ANGGARAN, F + 3, "setelah", 3_900_000)], expect: ["R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E7", "R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E8", "R-XREF-01 xref-sipd-pagu 'Realisasi Anggaran'!E10"] },
      // a pagu typed over the import is not found when the import cannot be read: that is said instead
      {
        kind: "workbook",
        name: "kolom Kode Rekening di Rincian SIPD tertimpa teks lain",
        ops: [put(REALISASI_ANGGARAN, F + 3, "setelah", 3_900_000), ...rincianKode(() => "lihat SIPD")],
        expect: ["R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E7", "R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E8", "R-XREF-01 xref-sipd-unreadable 'Rincian SIPD'!B4"],
      },
      {
        kind: "workbook",
        name: "sebagian besar kode rekening di Rincian SIPD rusak",
        ops: rincianKode((i) => (i % 4 === 0 ? undefined : `7 01 7 01 00 01 2.01.0001 5 1 01 0${i % 10}x`)),
        expect: ["R-XREF-01 xref-sipd-unreadable 'Rincian SIPD'!B4"],
      },
    ],
    pass: [{ kind: "workbook", name: "pagu yang sama diketik", ops: [put(COST_PER_OUTCOME, F + 1, "pagu", 7_089_003_733)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!J8"] }],
  },
  "R-XREF-02": {
    fail: [
      { kind: "workbook", name: "realisasi 55 di Cost per Outcome, di Capaian 52", ops: [put(COST_PER_OUTCOME, F + 0, "realisasi", 55)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!H7", "R-XREF-02 xref-value 'Cost per Outcome'!H7"] },
      { kind: "workbook", name: "indikator yang sama di PK Sekretaris dengan capaian 40%", ops: indicator(F + 9, { jabatan: "Sekretaris Kecamatan", indikator: "Persentase pemenuhan fasilitasi kebutuhan operasional perkantoran", realisasi: 40 }), expect: ["R-XREF-02 xref-indikator Capaian!O16"] },
      { kind: "workbook", name: "indikator yang sama di PK Sekretaris dengan target 90 (di Kasubbag Keuangan 100)", ops: indicator(F + 9, { jabatan: "Sekretaris Kecamatan", indikator: "Persentase pemenuhan fasilitasi kebutuhan operasional perkantoran", target: 90, realisasi: 46 }), expect: ["R-XREF-02 xref-indikator Capaian!I16"] },
      { kind: "workbook", name: "realisasi kinerja disalin dari penyerapan (53,53)", ops: [put(COST_PER_OUTCOME, F + 1, "realisasi", 53.53)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!H8", "R-XREF-02 xref-kinerja-from-anggaran 'Cost per Outcome'!H8"] },
    ],
    pass: [{ kind: "workbook", name: "realisasi yang sama diketik", ops: [put(COST_PER_OUTCOME, F + 0, "realisasi", 52)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!H7"] }],
  },
  "R-XREF-03": {
    fail: [
      { kind: "workbook", name: "realisasi anggaran diketik di Cost per Outcome, berbeda dengan SIPD", ops: [put(COST_PER_OUTCOME, F + 1, "realisasiAnggaran", 3_000_000_000)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!K8", "R-XREF-03 xref-realisasi-anggaran 'Cost per Outcome'!K8"] },
      { kind: "workbook", name: "realisasi TW II diubah setelah impor", ops: [put(REALISASI_ANGGARAN, F + 2, "tw2", 2_000_000)], expect: ["R-SUM-01 sum-mismatch 'Realisasi Anggaran'!I7", "R-SUM-01 sum-mismatch 'Realisasi Anggaran'!I8", "R-XREF-03 xref-sipd-realisasi 'Realisasi Anggaran'!I9"] },
    ],
    pass: [{ kind: "workbook", name: "realisasi SIPD", ops: [put(REALISASI_ANGGARAN, F + 2, "tw2", 2_750_000)], expect: [] }],
  },
  "R-NUM-01": {
    fail: [{ kind: "workbook", name: "pagu diketik 7,089,003,733 (pemisah gaya Inggris, tersimpan sebagai teks)", ops: [put(COST_PER_OUTCOME, F + 1, "pagu", "7,089,003,733")], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!J8", "R-NUM-01 num-separators 'Cost per Outcome'!J8", "R-XL-05 error-value 'Cost per Outcome'!L8"] }],
    pass: [{ kind: "workbook", name: "pagu sebagai angka", ops: [put(COST_PER_OUTCOME, F + 1, "pagu", 7_089_003_733)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!J8"] }],
  },
  "R-NUM-02": {
    fail: [
      { kind: "workbook", name: "pagu bersen", ops: [put(COST_PER_OUTCOME, F + 1, "pagu", 7_089_003_733.4)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!J8", "R-NUM-02 num-sen 'Cost per Outcome'!J8"] },
      { kind: "paste", name: "% tercetak dengan satu desimal", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { persen: "50,0" }))), expect: ["R-NUM-02 sipd-persen-precision baris 19"] },
      { kind: "paste", name: "jumlah uang bersen", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { sebelum: "600.000,50" }))), expect: ["R-SUM-01 sipd-rollup baris 18", "R-NUM-02 sipd-sen baris 19"] },
    ],
    pass: [{ kind: "workbook", name: "rupiah bulat", ops: [put(COST_PER_OUTCOME, F + 1, "pagu", 7_089_003_733)], expect: ["R-XL-01 formula-constant 'Cost per Outcome'!J8"] }],
  },
  "R-KODE-01": {
    fail: [
      { kind: "workbook", name: "kode sub kegiatan dengan tiga digit", ops: [put(PERJANJIAN_KINERJA, F + 3, "kode", "7.01.01.2.01.001")], expect: ["R-KODE-01 kode-malformed 'Perjanjian Kinerja'!E10"] },
      { kind: "workbook", name: "kode program pada baris berlevel Kegiatan", ops: [put(PERJANJIAN_KINERJA, F + 1, "level", "Kegiatan")], expect: ["R-KODE-01 kode-level 'Perjanjian Kinerja'!E8"] },
      { kind: "workbook", name: "kode sub kegiatan PK dengan spasi di belakang", ops: [put(PERJANJIAN_KINERJA, F + 3, "kode", "7.01.01.2.01.0001 ")], expect: ["R-KODE-01 kode-spaces 'Perjanjian Kinerja'!E10"] },
      { kind: "paste", name: "kode dengan segmen berlebih", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000))), expect: ["R-SUM-01 sipd-rollup-literal-only baris 18", "R-KODE-01 sipd-kode-repaired baris 19"] },
      { kind: "paste", name: "baris yang berawal seperti kode tetapi bukan kode", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 X`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000))), expect: [...rollup18(6), "R-KODE-01 sipd-kode-unrecognised baris 19"] },
      { kind: "paste", name: "satu halaman tertempel dua kali", text: paste((l) => l.splice(21, 0, l[20]!)), expect: ["R-KODE-01 sipd-kode-duplicate baris 22"] },
      { kind: "paste", name: "baris yang baris induknya hilang", text: paste((l) => l.splice(16, 1)), expect: ["R-KODE-01 sipd-kode-orphan baris 17"] },
      { kind: "paste", name: "baris milik unit lain", text: paste((l) => set(l, 21, dataLine(`7 01 7 02 00 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 0, 0))), expect: [...rollup18(3), "R-KODE-01 sipd-kode-unit baris 21", "R-KODE-01 sipd-kode-orphan baris 21"] },
      { kind: "paste", name: "baris dengan urusan lain dari kepala laporan", text: paste((l) => set(l, 6, "URUSAN PEMERINTAHAN : 7.02 KECAMATAN : KECAMATAN LUMAJANG")), expect: ["R-KODE-01 sipd-urusan-mismatch baris 12"] },
      {
        kind: "paste",
        name: "segmen berlebih di akhir kode yang punya rincian: dua pembacaan cocok",
        text: paste((l) => {
          set(l, 18, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 07`, "Belanja Barang Pakai Habis", 1000000, 300000, 100000));
          set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 07 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000));
          set(l, 20, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 07 0026`, "Belanja Bahan Cetak", 250000, 100000, 0));
          set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 07 0029`, "Belanja Bahan Komputer", 150000, 0, 0));
        }),
        expect: ["R-KODE-01 sipd-kode-orphan baris 18", ...[18, 19, 20, 21].map((l) => `R-KODE-01 sipd-kode-ambiguous baris ${l}`)],
      },
      { kind: "paste", name: "kode salah bentuk tanpa bacaan yang jelas", text: paste((l) => set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 029`, "Belanja Bahan Komputer", 150000, 0, 0))), expect: ["R-KODE-01 sipd-kode-malformed baris 21"] },
    ],
    pass: [
      { kind: "workbook", name: "kode seperti SIPD", ops: [put(PERJANJIAN_KINERJA, F + 3, "kode", "7.01.01.2.01.0001")], expect: [] },
      { kind: "paste", name: "kode berbentuk benar", text: paste(() => undefined), expect: [] },
    ],
  },
  "R-KODE-02": {
    fail: [{ kind: "workbook", name: "kode PK yang tidak ada di Realisasi Anggaran", ops: [put(PERJANJIAN_KINERJA, F + 3, "kode", "7.01.09.2.01.0001")], expect: ["R-KODE-02 kode-unknown 'Perjanjian Kinerja'!E10", "R-SUM-01 sum-children 'Cost per Outcome'!J9", "R-SUM-01 sum-children 'Cost per Outcome'!K9"] }],
    pass: [
      { kind: "workbook", name: "sub kegiatan lain dari kegiatan yang sama, ada di impor", ops: [put(PERJANJIAN_KINERJA, F + 3, "kode", "7.01.01.2.01.0002")], expect: [] },
      {
        kind: "workbook",
        name: "kode program yang tidak punya baris sendiri di Realisasi Anggaran, tetapi kegiatannya ada",
        ops: [put(REALISASI_ANGGARAN, F, "level", null), put(REALISASI_ANGGARAN, F, "kode", null)],
        expect: [],
      },
    ],
  },
  "R-KODE-03": {
    fail: [
      {
        kind: "workbook",
        name: "dua indikator program 7.01.01 di bawah satu sasaran tanpa kode",
        ops: [
          ...indicator(F + 9, { indikator: "Persentase dokumen perencanaan yang tepat waktu", realisasi: 75 }),
          ...indicator(F + 10, { indikator: "Persentase laporan program yang tepat waktu", level: "Program", kode: "7.01.01", induk: "IK-010", realisasi: 75 }),
          ...indicator(F + 11, { indikator: "Persentase kegiatan program yang terlaksana", level: "Program", kode: "7.01.01", induk: "IK-010", realisasi: 75 }),
        ],
        expect: ["R-KODE-03 kode-twice-under-induk 'Perjanjian Kinerja'!E18"],
      },
      {
        kind: "workbook",
        name: "baris sub kegiatan diketik dua kali",
        ops: [put(REALISASI_ANGGARAN, F + 48, "level", "Sub Kegiatan"), put(REALISASI_ANGGARAN, F + 48, "kode", "7.01.01.2.01.0001"), put(REALISASI_ANGGARAN, F + 48, "setelah", 100)],
        expect: ["R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E7", "R-SUM-01 sum-mismatch 'Realisasi Anggaran'!E8", "R-KODE-03 kode-duplicate 'Realisasi Anggaran'!B55", "R-XREF-01 xref-sipd-pagu 'Realisasi Anggaran'!E55"],
      },
    ],
    pass: [
      { kind: "workbook", name: "setiap kode sekali", ops: [], expect: [] },
      {
        kind: "workbook",
        name: "indikator kedua program 7.01.01 tanpa kode",
        ops: [
          ...indicator(F + 9, { indikator: "Persentase dokumen perencanaan yang tepat waktu", realisasi: 75 }),
          ...indicator(F + 10, { indikator: "Persentase laporan program yang tepat waktu", level: "Program", kode: "7.01.01", induk: "IK-010", realisasi: 75 }),
          ...indicator(F + 11, { indikator: "Persentase kegiatan program yang terlaksana", level: "Program", induk: "IK-010", realisasi: 75 }),
        ],
        expect: [],
      },
    ],
  },
  "R-KODE-04": {
    fail: [{ kind: "workbook", name: "program diketik tangan yang tidak ada di impor SIPD", ops: [put(REALISASI_ANGGARAN, F + 48, "level", "Program"), put(REALISASI_ANGGARAN, F + 48, "kode", "7.01.07"), put(REALISASI_ANGGARAN, F + 48, "setelah", 1_000_000)], expect: ["R-KODE-04 kode-not-in-sipd 'Realisasi Anggaran'!B55"] }],
    pass: [{ kind: "workbook", name: "semua kode dari SIPD", ops: [], expect: [] }],
  },
  "R-PERIOD-01": {
    fail: [
      { kind: "workbook", name: "Pengaturan tanpa tahun", ops: [setting("tahun", null)], expect: ["R-PERIOD-01 period-settings Pengaturan!B8"] },
      { kind: "workbook", name: "tahun 2024 tersimpan sebagai teks", ops: [setting("tahun", "2024")], expect: ["R-PERIOD-01 period-settings Pengaturan!B8"] },
      { kind: "workbook", name: "buku kerja 2025 dengan impor 2024", ops: [setting("tahun", 2025)], expect: ["R-PERIOD-01 period-bulan-year 'Realisasi Anggaran'!G7", "R-PERIOD-01 period-sipd-year 'Rincian SIPD'!A1"] },
      {
        kind: "workbook",
        name: "laporan TW III dengan impor Juni",
        ops: [setting("periode", "TW III")],
        // and no indicator has its TW III realisasi yet: each would report TW II's as TW III's
        expect: ["R-PERIOD-01 period-sipd-old 'Rincian SIPD'!A1", ...Array.from({ length: 9 }, (_, i) => `R-REP-01 rep-realisasi-tw-missing Capaian!L${F + i + 1}`)],
      },
      { kind: "workbook", name: "realisasi TW III di laporan TW II", ops: [put(CAPAIAN, F + 1, "tw3", 50)], expect: ["R-PERIOD-01 period-tw-beyond Capaian!L8"] },
    ],
    pass: [{ kind: "workbook", name: "TW II 2024 dengan impor Juni 2024", ops: [setting("periode", "TW II")], expect: [] }],
  },
  "R-LABEL-01": {
    fail: [
      { kind: "workbook", name: "nama indikator lain diketik di Capaian", ops: [put(CAPAIAN, F + 1, "indikator", "Persentase fasilitasi administrasi keuangan")], expect: ["R-XL-01 formula-constant Capaian!E8", "R-LABEL-01 label-differs Capaian!E8"] },
      { kind: "workbook", name: "baris Cost per Outcome tanpa baris PK", ops: [put(COST_PER_OUTCOME, F + 20, "sasaran", "Meningkatnya keamanan dan ketertiban")], expect: ["R-LABEL-01 row-not-in-pk 'Cost per Outcome'!A27", "R-XL-01 formula-constant 'Cost per Outcome'!D27"] },
    ],
    pass: [{ kind: "workbook", name: "nama dari PK diketik (huruf besar/kecil bebas)", ops: [put(CAPAIAN, F + 1, "indikator", "persentase pemenuhan fasilitasi kebutuhan operasional perkantoran")], expect: ["R-XL-01 formula-constant Capaian!E8"] }],
  },
  "R-NUMBERING-01": {
    fail: [{ kind: "workbook", name: "sasaran kedua bernomor 1.", ops: indicator(F + 9, { level: "Sasaran Strategis", no: "1.", sasaran: "Meningkatnya kualitas pelayanan", indikator: "Indeks kepuasan masyarakat", satuan: "indeks", realisasi: 80 }), expect: ["R-NUMBERING-01 numbering 'Perjanjian Kinerja'!C16"] }],
    pass: [{ kind: "workbook", name: "bernomor 2.", ops: indicator(F + 9, { level: "Sasaran Strategis", no: "2.", sasaran: "Meningkatnya kualitas pelayanan", indikator: "Indeks kepuasan masyarakat", satuan: "indeks", realisasi: 80 }), expect: [] }],
  },
  "R-REP-01": {
    fail: [
      {
        kind: "workbook",
        name: "indikator tanpa target, satuan dan polaritas",
        ops: [put(PERJANJIAN_KINERJA, F + 9, "jabatan", "Kasubbag Keuangan"), put(PERJANJIAN_KINERJA, F + 9, "indikator", "Jumlah laporan keuangan")],
        expect: ["R-REP-01 rep-satuan-missing 'Perjanjian Kinerja'!H16", "R-REP-01 rep-polaritas-missing 'Perjanjian Kinerja'!I16", "R-REP-01 rep-target-missing 'Perjanjian Kinerja'!K16"],
      },
      { kind: "workbook", name: "indikator tanpa realisasi s/d TW II", ops: indicator(F + 9, { indikator: "Persentase laporan keuangan tepat waktu" }), expect: ["R-REP-01 rep-realisasi-missing Capaian!K16"] },
      {
        kind: "workbook",
        name: "TW II kosong, TW I 26 (metode terakhir): laporan TW II memakai 26",
        ops: [...indicator(F + 9, { indikator: "Persentase laporan keuangan tepat waktu" }), put(CAPAIAN, F + 9, "tw1", 26)],
        expect: ["R-REP-01 rep-realisasi-tw-missing Capaian!K16"],
      },
      { kind: "workbook", name: "polaritas ditulis negative (bahasa Inggris)", ops: [put(PERJANJIAN_KINERJA, F + 0, "polaritas", "negative")], expect: ["R-REP-01 rep-polaritas-unknown 'Perjanjian Kinerja'!I7"] },
      { kind: "workbook", name: "polaritas negatif dengan spasi di belakang", ops: [put(PERJANJIAN_KINERJA, F + 0, "polaritas", "negatif ")], expect: ["R-REP-01 rep-polaritas-unknown 'Perjanjian Kinerja'!I7"] },
      { kind: "workbook", name: "metode kumulatif (bukan pilihan)", ops: [put(PERJANJIAN_KINERJA, F + 0, "metode", "kumulatif")], expect: ["R-REP-01 rep-metode-unknown 'Perjanjian Kinerja'!J7"] },
    ],
    pass: [
      { kind: "workbook", name: "indikator lengkap", ops: indicator(F + 9, { indikator: "Persentase laporan keuangan tepat waktu", realisasi: 75 }), expect: [] },
      { kind: "workbook", name: "polaritas Negatif dan metode Rata-rata berhuruf besar", ops: [...indicator(F + 9, { indikator: "Persentase laporan keuangan tepat waktu", realisasi: 75, metode: "Rata-rata" }), put(PERJANJIAN_KINERJA, F + 9, "polaritas", "Negatif")], expect: [] },
      { kind: "workbook", name: "TW II kosong pada indikator rata-rata (tidak diukur)", ops: [...indicator(F + 9, { indikator: "Indeks kepuasan masyarakat", satuan: "indeks", realisasi: null, metode: "rata-rata" }), put(CAPAIAN, F + 9, "tw1", 80)], expect: [] },
    ],
  },
  "R-REP-02": {
    fail: [
      { kind: "workbook", name: "ID dipakai dua kali", ops: [put(PERJANJIAN_KINERJA, F + 9, "id", "IK-002"), ...indicator(F + 9, { indikator: "Persentase laporan keuangan tepat waktu", realisasi: 75 })], expect: ["R-REP-02 id-duplicate 'Perjanjian Kinerja'!A16", "R-LABEL-01 row-not-in-pk Capaian!A16"] },
      { kind: "workbook", name: "Induk yang bukan ID", ops: [put(PERJANJIAN_KINERJA, F + 3, "induk", "IK-999")], expect: ["R-REP-02 induk-unknown 'Perjanjian Kinerja'!S10"] },
      { kind: "workbook", name: "baris yang menjadi Induk dirinya sendiri", ops: [put(PERJANJIAN_KINERJA, F + 1, "induk", "IK-002")], expect: ["R-REP-02 induk-cycle 'Perjanjian Kinerja'!S8"] },
      // MATCH("IK-0*", …) finds IK-001: this row would show the first indicator's data
      { kind: "workbook", name: "ID Capaian dengan tanda bintang", ops: [put(CAPAIAN, F + 1, "id", "IK-0*")], expect: ["R-REP-02 id-wildcard Capaian!A8", "R-LABEL-01 row-not-in-pk Capaian!A8"] },
    ],
    pass: [{ kind: "workbook", name: "Induk menunjuk kegiatannya", ops: [put(PERJANJIAN_KINERJA, F + 3, "induk", "IK-003")], expect: [] }],
  },
  "R-XL-01": {
    fail: [
      { kind: "workbook", name: "rumus realisasi terhapus", ops: [put(CAPAIAN, F + 1, "realisasi", null)], expect: ["R-XL-01 formula-missing Capaian!N8"] },
      { kind: "workbook", name: "rumus realisasi ditimpa nilainya sendiri", ops: [put(CAPAIAN, F + 1, "realisasi", 46)], expect: ["R-XL-01 formula-constant Capaian!N8"] },
      { kind: "workbook", name: "rumus sisa anggaran ditimpa angka", ops: [put(REALISASI_ANGGARAN, F + 2, "sisa", 1_000_000)], expect: ["R-XL-01 formula-constant 'Realisasi Anggaran'!N9", "R-SISA-01 sisa-mismatch 'Realisasi Anggaran'!N9"] },
      // Cost per Outcome's mirrors of Capaian fall back to empty (IFERROR): without this, nothing was said
      { kind: "workbook", name: "lembar Capaian terhapus", ops: [], without: "Capaian", expect: ["R-XL-01 sheet-missing Capaian!A1"] },
      { kind: "workbook", name: "lembar Realisasi Anggaran berganti nama", ops: [], without: "Realisasi Anggaran", expect: ["R-XL-01 sheet-missing 'Realisasi Anggaran'!A1"] },
    ],
    pass: [{ kind: "workbook", name: "rumus ada", ops: [], expect: [] }],
  },
  "R-XL-02": {
    fail: [{ kind: "workbook", name: "rumus capaian diganti rumus lain", ops: [put(CAPAIAN, F + 1, "capaian", { formula: "=N8/I8*1" })], expect: ["R-XL-02 formula-edited Capaian!O8"] }],
    pass: [
      {
        kind: "workbook",
        name: "rumus baku ditulis huruf kecil dan berspasi",
        ops: [put(CAPAIAN, F + 1, "capaian", { formula: '=if(or(I8 = "", N8 = ""), "", IF(G8="negatif",IF(SAKIP_RUMUS_NEGATIF="T/R",I8/N8,(2*I8-N8)/I8),N8/I8))' })],
        expect: [],
      },
    ],
  },
  "R-XL-03": {
    fail: [
      { kind: "workbook", name: "46 tersimpan sebagai teks", ops: [put(CAPAIAN, F + 1, "tw2", "46")], expect: ["R-XL-03 number-as-text Capaian!K8"] },
      { kind: "workbook", name: "\"52%\" tersimpan sebagai teks, target 100 (satuan %): maksudnya 52", ops: [put(CAPAIAN, F + 0, "tw2", "52%")], expect: ["R-XL-03 number-as-text Capaian!K7"] },
      { kind: "workbook", name: "kata-kata di kolom angka", ops: [put(CAPAIAN, F + 1, "tw2", "empat puluh enam")], expect: ["R-XL-03 text-in-number Capaian!K8"] },
      // Excel leaves it out of the realisasi (as if blank), LibreOffice counts it as 1
      { kind: "workbook", name: "TRUE di kolom realisasi", ops: [put(CAPAIAN, F + 1, "tw2", true)], expect: ["R-XL-03 logical-in-number Capaian!K8"] },
    ],
    pass: [{ kind: "workbook", name: "46 sebagai angka", ops: [put(CAPAIAN, F + 1, "tw2", 46)], expect: [] }],
  },
  "R-XL-04": {
    fail: [
      {
        kind: "workbook",
        name: "satu rumus target Awal berbeda dari empat di sekitarnya",
        ops: [0, 1, 2, 3].map((i) => put(PERJANJIAN_KINERJA, F + 9 + i, "targetAwal", { formula: `=N${F + 10 + i}` })).concat([put(PERJANJIAN_KINERJA, F + 13, "targetAwal", { formula: `=N${F + 13}` })]),
        expect: ["R-XL-04 formula-inconsistent 'Perjanjian Kinerja'!K20"],
      },
    ],
    pass: [{ kind: "workbook", name: "lima rumus seragam", ops: [0, 1, 2, 3, 4].map((i) => put(PERJANJIAN_KINERJA, F + 9 + i, "targetAwal", { formula: `=N${F + 10 + i}` })), expect: [] }],
  },
  "R-XL-05": {
    fail: [
      { kind: "workbook", name: "target 0", ops: [put(PERJANJIAN_KINERJA, F + 1, "targetAwal", 0)], expect: ["R-XL-05 error-value Capaian!O8"] },
      // the mirrored columns test the ID before their IFERROR: Excel shows the ID's error in them
      { kind: "workbook", name: "ID Capaian berisi #N/A", ops: [put(CAPAIAN, F + 1, "id", "#N/A")], expect: ["R-LABEL-01 row-not-in-pk Capaian!A8", "R-XL-05 error-value Capaian!B8"] },
    ],
    pass: [{ kind: "workbook", name: "target 100", ops: [put(PERJANJIAN_KINERJA, F + 1, "targetAwal", 100)], expect: [] }],
  },
  "R-XL-06": {
    fail: [
      { kind: "workbook", name: "kolom Keterangan disisipkan di tengah lembar Capaian", ops: insertedColumnHeaders(CAPAIAN, 8, "Keterangan"), expect: ["R-XL-06 columns-shifted Capaian!I4", "R-CAP-04 label-number Capaian!O6"] },
      { kind: "workbook", name: "kolom Satuan dihapus dari Perjanjian Kinerja", ops: deletedColumnHeaders(PERJANJIAN_KINERJA, colIndex(PERJANJIAN_KINERJA, "satuan")), expect: ["R-XL-06 columns-shifted 'Perjanjian Kinerja'!I4"] },
    ],
    pass: [{ kind: "workbook", name: "judul kolom diketik ulang dengan kata lain", ops: [{ type: "write", sheet: CAPAIAN.sheet, row: TABLE_ROWS.header, col: colIndex(CAPAIAN, "tw1"), cells: [["Realisasi Triwulan I"]] }], expect: [] }],
  },
  "R-PARSE": {
    fail: [
      { kind: "paste", name: "baris data berisi enam kolom", text: paste((l) => set(l, 19, l[18]!.split("\t").slice(0, 6).join("\t"))), expect: [...rollup18(6), "R-PARSE sipd-line-fields baris 19"] },
      { kind: "paste", name: "jumlah uang yang bukan angka", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { ini: "100.0a0,00" }))), expect: ["R-PARSE sipd-cell-unreadable baris 19"] },
      { kind: "paste", name: "jumlah uang di luar batas hitung tepat", text: paste((l) => set(l, 21, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0029`, "Belanja Bahan Komputer", 150000, 0, 0, { sebelum: "99.999.999.999.999.999,00" }))), expect: ["R-PARSE sipd-amount-out-of-range baris 21"] },
      { kind: "paste", name: "jumlah uang kosong", text: paste((l) => set(l, 19, dataLine(`${P} 01 2.01.0001 5 1 02 01 01 0024`, "Belanja Alat Tulis Kantor", 600000, 200000, 100000, { sebelum: "" }))), expect: ["R-PARSE sipd-cell-empty baris 19"] },
      { kind: "paste", name: "baris berisi angka tanpa kode", text: paste((l) => l.splice(21, 0, "\tJumlah lain\t1.000,00\t1.000,00\t0,00\t0,00\t0,00\t0,00\t1.000,00")), expect: ["R-PARSE sipd-unlabelled-row baris 22"] },
      { kind: "paste", name: "uraian terbungkus ke baris berikutnya", text: paste((l) => l.splice(19, 0, "Bermotor Perorangan")), expect: ["R-PARSE sipd-uraian-continuation baris 20"] },
      { kind: "paste", name: "tanpa kepala laporan", text: smallLra().slice(HEADER.length - 3).join("\n"), expect: ["R-PARSE sipd-header-missing baris 1"] },
    ],
    pass: [{ kind: "paste", name: "ekspor lengkap", text: paste(() => undefined), expect: [] }],
  },
};
