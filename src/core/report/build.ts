/**
 * Builds the report of one jabatan for one period from the read model: the tables the LKj prints
 * (Tabel 2.1 Perjanjian Kinerja, 2.2 Capaian Kinerja, 2.3 Cost per Outcome, and the budget, efisiensi,
 * LRA and scale tables), the narrative, and the charts — every number computed the way the standard
 * sheets compute it (the same twin functions), for the period asked, from the inputs the user typed.
 * A value typed over a formula does not reach a report: Periksa reports it, and the report shows
 * what the formula gives.
 */
import { aggregateUpToValue, capaianFormulaValue, efisiensiFormulaValue, penyerapanFormulaValue, sisaFormulaValue } from "../indicators";
import { KODE_SEMUA, PERIODS, TW_KEYS, periodNumber, type Period, type SheetKeys } from "../layouts";
import { isPercentFormat } from "../model/cell";
import type { WorkbookModel } from "../model/workbook-model";
import { formatAngka, formatPersen, roundHalfUp } from "../numbers";
import { indicatorsOf, normLabel, text, type Indicator } from "../rules/context";
import { KODE_NOTATION, kodeLevel } from "../rules/checks/inputs";
import { MONTH_NAMES } from "../sipd";
import { isBlankish, type Val } from "../xl";
import { lraSummaryTable } from "./lra-summary";
import { narrative } from "./narrative";
import type { HeaderCell, Report, ReportCell, ReportChart, ReportTable } from "./types";

export interface ReportOptions {
  jabatan: string;
  /** Default: the workbook's Pengaturan periode. */
  periode?: Period;
}

/** One row of a jabatan's report: a PK row and everything the tables say of it for the period. */
export interface ReportRow {
  ind: Indicator;
  no: string;
  levelKind: "sasaran" | "program" | "kegiatan" | "sub" | "other";
  /**
   * Another indikator of the row above (same level, No, name and kode): its No and name cells stay
   * empty, and it has no budget of its own — the kode's money is the first row's, counted once.
   */
  continuation: boolean;
  target: number | null;
  targetPercent: boolean;
  tw: (number | null)[];
  twPercent: boolean;
  metode: string;
  realisasi: number | null;
  capaian: number | null;
  predikat: string | null;
  paguSebelum: number | null;
  pagu: number | null;
  realisasiAnggaran: number | null;
  penyerapan: number | null;
  sisa: number | null;
  efisiensi: number | null;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];
const TW_ROMAN = ["I", "II", "III", "IV"];

export const periodeLabel = (p: Period): string => (p === "Tahunan" ? "Tahunan" : `Triwulan ${p.slice(3)}`);

/** Jabatan that have rows in the PK, in their order there. */
export function reportJabatan(model: WorkbookModel): string[] {
  const seen = new Map<string, string>();
  for (const i of indicatorsOf(model)) if (i.jabatan !== "" && !seen.has(normLabel(i.jabatan))) seen.set(normLabel(i.jabatan), i.jabatan);
  return [...seen.values()];
}

/**
 * The jabatan whose report carries the unit's LRA summary. The real reports print it once, in the
 * Camat's part (002:431-553, between the Camat's PK and Tabel 2.3), and no eselon IV report prints it
 * (seeds 000, 001, 003): it is the head of the unit's, who answers for the whole budget. The head is
 * the jabatan with the unit's sasaran strategis (SPEC a: only the Camat's PK has that level); without
 * one, the first jabatan of the PK.
 */
export function budgetOwner(model: WorkbookModel): string | null {
  const all = indicatorsOf(model).filter((i) => i.jabatan !== "");
  return (all.find((i) => normLabel(i.level) === "sasaran strategis") ?? all[0])?.jabatan ?? null;
}

/**
 * The LRA summary from the imported Rincian SIPD rows, when the import is of the period's last month
 * (TW I → Maret … TW IV and Tahunan → Desember) of the report's year: an export of another month is
 * not the period's realisasi, as the narrative's budget sentence says "belum diisi" for a quarter not
 * imported. Otherwise a note in its place; null without an import that reads.
 */
function lraTable(model: WorkbookModel, t: { number: string; title: string }, tahun: number, periode: Period): { table: ReportTable } | { note: string } | null {
  const parsed = model.rincian?.parse();
  if (!parsed || !parsed.ok || parsed.rows.length === 0) return null;
  const month = model.rincian!.meta.bulan ?? parsed.meta.bulan;
  const year = model.rincian!.meta.tahun ?? parsed.meta.tahunAnggaran ?? tahun;
  const endMonth = periodNumber(periode) * 3;
  if (!month || month.number !== endMonth || year !== tahun) {
    const imported = month ? `impor SIPD terakhir bulan ${MONTH_NAMES[month.number - 1]}${year !== tahun ? ` ${year}` : ""}` : "impor SIPD terakhir tidak menyebut bulannya";
    return { note: `Ringkasan LRA s/d ${MONTH_NAMES[endMonth - 1]} ${tahun} belum tersedia: ${imported}.` };
  }
  const bulan = MONTH_NAMES[month.number - 1]!;
  return { table: lraSummaryTable(parsed, { number: t.number, title: `${t.title} s/d ${bulan} ${year}` }, year, bulan) };
}

const num = (v: Val): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function levelKind(level: string, kode: string): ReportRow["levelKind"] {
  const l = normLabel(level);
  if (l.startsWith("sasaran")) return "sasaran";
  if (l === "program") return "program";
  if (l === "kegiatan") return "kegiatan";
  if (l === "sub kegiatan") return "sub";
  const k = kodeLevel(kode);
  return k === "Program" ? "program" : k === "Kegiatan" ? "kegiatan" : k === "Sub Kegiatan" ? "sub" : "other";
}

/** The rows of a jabatan, computed for quarter `tw` (1–4). */
export function reportRows(model: WorkbookModel, jabatan: string, tw: number): ReportRow[] {
  const pk = model.table("pk");
  const cap = model.table("capaian");
  const rumus = model.setting("rumusNegatif");
  const all = indicatorsOf(model);
  const mine = all.filter((i) => normLabel(i.jabatan) === normLabel(jabatan));
  const raTw = TW_KEYS[tw - 1]!;
  const counters = { sasaran: 0, program: 0, kegiatan: 0, sub: 0 };
  let previous: { kind: ReportRow["levelKind"]; name: string; no: string; kode: string } | null = null;
  return mine.map((ind) => {
    const r = ind.pkRow;
    const kind = levelKind(ind.level, ind.kode);
    const input = (k: SheetKeys["pk"]) => model.value("pk", r, k);
    const perubahan = input("targetPerubahan");
    const targetKey: SheetKeys["pk"] = isBlankish(perubahan) ? "targetAwal" : "targetPerubahan";
    const target = num(input(targetKey));
    const targetPercent = isPercentFormat(pk.cell(r, targetKey).numberFormat);
    const twVals: Val[] = TW_KEYS.map((k) => (ind.capRow === undefined ? null : model.value("capaian", ind.capRow, k)));
    const twPercent = ind.capRow !== undefined && TW_KEYS.some((k, i) => i < tw && isPercentFormat(cap.cell(ind.capRow!, k).numberFormat) && num(twVals[i]!) !== null);
    const metode = text(input("metode"));
    const satuan = input("satuan");
    const realisasiVal = aggregateUpToValue(twVals, { method: input("metode"), period: tw, satuan });
    const capaianVal = capaianFormulaValue({ target: input(targetKey), realisasi: realisasiVal, polaritas: input("polaritas"), rumus });
    const predikatVal = model.predikat(capaianVal);
    const kode = ind.kode;
    // the amounts the PK and Cost per Outcome formulas show (by kode, or a sasaran's rows under it), at the report's quarter
    const amount = (key: SheetKeys["realisasi"]) => model.amountByStructure(ind.id, kode, key);
    const paguVal = amount("setelah") ?? "";
    const realVal = amount(raTw) ?? "";
    const penyerapanVal = penyerapanFormulaValue({ pagu: paguVal, realisasi: realVal });
    const sisaVal = sisaFormulaValue({ pagu: paguVal, realisasi: realVal });
    const efisiensiVal = efisiensiFormulaValue({ capaian: capaianVal, penyerapan: penyerapanVal });

    // a second indikator of the same sasaran or program: the one definition of a continuation, for every table and the narrative
    const sameSasaran =
      previous !== null && ind.sasaran !== "" && kind === previous.kind && normLabel(ind.sasaran) === previous.name && ind.no === previous.no && kode.toLowerCase() === previous.kode;
    let no = ind.no;
    if (no === "" && !sameSasaran) {
      if (kind === "sasaran") no = `${++counters.sasaran}.`;
      else if (kind === "program") no = programLetter(kode) ?? String.fromCharCode(65 + counters.program++);
      else if (kind === "kegiatan") no = ROMAN[counters.kegiatan++] ?? String(counters.kegiatan);
      else if (kind === "sub") no = String(++counters.sub);
    }
    // kegiatan numbers run on across programs (I … XIII, SPEC a3); sub kegiatan restart under each kegiatan
    if (kind === "kegiatan") counters.sub = 0;
    previous = { kind, name: normLabel(ind.sasaran), no: ind.no, kode: kode.toLowerCase() };
    return {
      ind,
      no: sameSasaran ? "" : no,
      levelKind: kind,
      continuation: sameSasaran,
      target,
      targetPercent,
      tw: twVals.map(num),
      twPercent,
      metode,
      realisasi: num(realisasiVal),
      capaian: num(capaianVal),
      predikat: typeof predikatVal === "string" && predikatVal !== "" ? predikatVal : null,
      // the continuation's budget is the row above's: no second pagu, nor an efisiensi against it
      paguSebelum: sameSasaran ? null : num(amount("sebelum") ?? ""),
      pagu: sameSasaran ? null : num(paguVal),
      realisasiAnggaran: sameSasaran ? null : num(realVal),
      penyerapan: sameSasaran ? null : num(penyerapanVal),
      sisa: sameSasaran ? null : num(sisaVal),
      efisiensi: sameSasaran ? null : num(efisiensiVal),
    };
  });
}

/**
 * The rows a jabatan's budget lists, among those with a kode `listed` accepts: one per kode (a
 * continuation, or the kode again under another sasaran, is the same money); `top`, the ones not under
 * another listed kode, are what a total sums, so nothing is counted twice.
 */
export function budgetRows(rows: readonly ReportRow[], listed: (kode: string) => boolean): { rows: ReportRow[]; top: ReportRow[] } {
  const seen = new Set<string>();
  const once = rows.filter((r) => {
    const k = r.ind.kode.toLowerCase();
    if (r.continuation || !listed(r.ind.kode) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const kodes = [...seen];
  return { rows: once, top: once.filter((r) => !kodes.some((k) => r.ind.kode.toLowerCase().startsWith(k + "."))) };
}

/** A program's letter from its kode: 7.01.01 → A, 7.01.02 → B (SPEC a3: letters are stable across tables). */
function programLetter(kode: string): string | null {
  const m = /^\d+\.\d{2}\.(\d{2})$/.exec(kode);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 26 ? String.fromCharCode(64 + n) : null;
}

// ------------------------------------------------------------------ cells

const cellText = (s: string, bold = false): ReportCell => ({ text: s, value: s === "" ? null : s, kind: "text", ...(bold ? { bold } : {}) });
const empty = (): ReportCell => ({ text: "", value: null, kind: "text" });
export const fmtNumber = (x: number): string => formatAngka(roundHalfUp(x, 4), "ratio");
const percentCell = (fraction: number | null): ReportCell => (fraction === null ? { text: "-", value: null, kind: "percent" } : { text: formatPersen(fraction), value: fraction, kind: "percent", numberFormat: "0.00%" });
const moneyCell = (x: number | null): ReportCell => (x === null ? { text: "-", value: null, kind: "money" } : { text: formatAngka(x, "money", { decimals: 0 }), value: x, kind: "money", numberFormat: "#,##0" });

/** A target or realisasi with its unit, as the reports print it: "89%", "12 Dokumen", "0,52". */
export function measureText(value: number | null, satuan: string, percentTyped: boolean): string {
  if (value === null) return "-";
  if (percentTyped) return formatPersen(value, significantPercentDecimals(value));
  const s = satuan.trim();
  if (s === "%" || /^persen/i.test(s)) return `${fmtNumber(value)}%`;
  return s === "" ? fmtNumber(value) : `${fmtNumber(value)} ${s}`;
}

function significantPercentDecimals(fraction: number): number {
  const p = roundHalfUp(fraction * 100, 4);
  const t = String(p);
  return Math.min(2, t.includes(".") ? t.length - t.indexOf(".") - 1 : 0);
}

function measureCell(value: number | null, satuan: string, percentTyped: boolean): ReportCell {
  return { text: measureText(value, satuan, percentTyped), value, kind: "number", ...(value === null ? {} : { numberFormat: percentTyped ? "0.00%" : "General" }) };
}

// ------------------------------------------------------------------ tables

function title(number: string, what: string, jabatan: string, tahun: number, periode: Period): { number: string; title: string } {
  return { number, title: `${what} ${jabatan} Tahun ${tahun} - ${periodeLabel(periode)}` };
}

const numbers = (n: number): string[] => Array.from({ length: n }, (_, i) => `(${i + 1})`);

function pkTable(rows: ReportRow[], t: { number: string; title: string }): ReportTable {
  const ind = rows.filter((r) => r.ind.indikator !== "");
  return {
    id: "pk",
    ...t,
    header: [[{ text: "No" }, { text: "Sasaran" }, { text: "Indikator Kinerja" }, { text: "Target" }]],
    numberRow: numbers(4),
    rows: ind.map((r) => [cellText(r.no), cellText(r.continuation ? "" : r.ind.sasaran), cellText(r.ind.indikator), measureCell(r.target, r.ind.satuan, r.targetPercent)]),
    widths: [6, 40, 45, 14],
    orientation: "portrait",
  };
}

/** The budget list of the PK: rows with a kode; JUMLAH over the rows not under another listed kode. */
function pkAnggaranTable(rows: ReportRow[], t: { number: string; title: string }): ReportTable | null {
  const { rows: budget, top } = budgetRows(rows, (kode) => kode !== "" && kode.toUpperCase() !== KODE_SEMUA);
  if (budget.length === 0) return null;
  const total = top.reduce((s, r) => s + (r.pagu ?? 0), 0);
  return {
    id: "pk-anggaran",
    ...t,
    header: [[{ text: "No" }, { text: "Program / Kegiatan / Sub Kegiatan" }, { text: "Kode" }, { text: "Anggaran (Rp)" }]],
    rows: budget.map((r, i) => [cellText(String(i + 1)), cellText(r.ind.sasaran, r.levelKind === "program"), cellText(r.ind.kode), moneyCell(r.pagu)]),
    total: [cellText(""), cellText("JUMLAH", true), cellText(""), { ...moneyCell(total), bold: true }],
    widths: [6, 55, 22, 18],
    orientation: "portrait",
  };
}

function capaianTable(rows: ReportRow[], t: { number: string; title: string }, tw: number): ReportTable {
  const ind = rows.filter((r) => r.ind.indikator !== "");
  return {
    id: "capaian",
    ...t,
    header: [[{ text: "No" }, { text: "Sasaran" }, { text: "Indikator Kinerja" }, { text: "Target" }, { text: `Realisasi s/d TW ${TW_ROMAN[tw - 1]}` }, { text: "Capaian" }, { text: "Predikat" }]],
    numberRow: ["(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4)", "(7)"],
    rows: ind.map((r) => [
      cellText(r.no),
      cellText(r.continuation ? "" : r.ind.sasaran),
      cellText(r.ind.indikator),
      measureCell(r.target, r.ind.satuan, r.targetPercent),
      measureCell(r.realisasi, r.ind.satuan, r.twPercent),
      percentCell(r.capaian),
      cellText(r.predikat ?? "-"),
    ]),
    widths: [6, 34, 40, 12, 14, 12, 14],
    orientation: "landscape",
  };
}

const METODE_LABEL: Record<string, string> = { "": "terakhir", terakhir: "terakhir", jumlah: "jumlah", "rata-rata": "rata-rata", maks: "maks" };

function capaianTahunanTable(rows: ReportRow[], t: { number: string; title: string }, tw: number): ReportTable {
  const ind = rows.filter((r) => r.ind.indikator !== "");
  const quarters = TW_ROMAN.slice(0, tw);
  return {
    id: "capaian-tahunan",
    ...t,
    header: [
      [{ text: "No", rowSpan: 2 }, { text: "Indikator Kinerja", rowSpan: 2 }, { text: "Target", rowSpan: 2 }, { text: "Realisasi per Triwulan", colSpan: quarters.length }, { text: "Cara menghitung", rowSpan: 2 }, { text: "Realisasi Total", rowSpan: 2 }, { text: "Capaian", rowSpan: 2 }, { text: "Predikat", rowSpan: 2 }],
      quarters.map((q) => ({ text: `TW ${q}` })),
    ],
    rows: ind.map((r) => [
      cellText(r.no),
      cellText(r.ind.indikator),
      measureCell(r.target, r.ind.satuan, r.targetPercent),
      ...r.tw.slice(0, tw).map((v) => measureCell(v, r.ind.satuan, r.twPercent)),
      cellText(METODE_LABEL[r.metode.toLowerCase()] ?? r.metode),
      measureCell(r.realisasi, r.ind.satuan, r.twPercent),
      percentCell(r.capaian),
      cellText(r.predikat ?? "-"),
    ]),
    widths: [6, 40, 12, ...quarters.map(() => 10), 12, 12, 11, 14],
    orientation: "landscape",
  };
}

const CPO_HEADER: HeaderCell[][] = [
  [{ text: "No", rowSpan: 2 }, { text: "Sasaran / Program / Kegiatan", rowSpan: 2 }, { text: "Indikator Kinerja", rowSpan: 2 }, { text: "Kinerja", colSpan: 3 }, { text: "Anggaran", colSpan: 3 }, { text: "Efisiensi", rowSpan: 2 }],
  [{ text: "Target" }, { text: "Realisasi" }, { text: "%" }, { text: "Pagu (Rp)" }, { text: "Realisasi (Rp)" }, { text: "Capaian" }],
];

function cpoTable(rows: ReportRow[], t: { number: string; title: string }): ReportTable {
  return {
    id: "cpo",
    ...t,
    header: CPO_HEADER,
    numberRow: ["(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4)", "(7)", "(8)", "(9=8/7)", "(10=6-9)"],
    rows: rows.map((r) => {
      const bold = r.levelKind === "sasaran" || r.levelKind === "program";
      return [
        cellText(r.no, bold),
        cellText(r.continuation ? "" : r.ind.sasaran, bold),
        cellText(r.ind.indikator),
        r.ind.indikator === "" ? empty() : measureCell(r.target, r.ind.satuan, r.targetPercent),
        r.ind.indikator === "" ? empty() : measureCell(r.realisasi, r.ind.satuan, r.twPercent),
        r.ind.indikator === "" ? empty() : percentCell(r.capaian),
        r.continuation ? empty() : moneyCell(r.pagu),
        r.continuation ? empty() : moneyCell(r.realisasiAnggaran),
        r.continuation ? empty() : percentCell(r.penyerapan),
        r.continuation || r.efisiensi === null ? { text: r.continuation ? "" : "-", value: null, kind: "percent" } : { ...percentCell(r.efisiensi) },
      ];
    }),
    widths: [6, 34, 34, 10, 10, 10, 17, 17, 10, 10],
    orientation: "landscape",
  };
}

function efisiensiTable(rows: ReportRow[], t: { number: string; title: string }): ReportTable | null {
  const both = rows.filter((r) => r.efisiensi !== null);
  if (both.length === 0) return null;
  return {
    id: "efisiensi",
    ...t,
    header: [[{ text: "No" }, { text: "Sasaran / Program / Kegiatan" }, { text: "Indikator Kinerja" }, { text: "Capaian Kinerja" }, { text: "Persentase Penyerapan Anggaran" }, { text: "Tingkat Efisiensi" }]],
    rows: both.map((r) => [cellText(r.no), cellText(r.ind.sasaran), cellText(r.ind.indikator), percentCell(r.capaian), percentCell(r.penyerapan), percentCell(r.efisiensi)]),
    widths: [6, 34, 40, 14, 16, 14],
    orientation: "landscape",
  };
}

function realisasiAnggaranTable(rows: ReportRow[], t: { number: string; title: string }): ReportTable | null {
  const { rows: budget, top } = budgetRows(rows, (kode) => kode !== "" && KODE_NOTATION.test(kode));
  if (budget.length === 0) return null;
  // a total with a missing part is no total: "-" as the narrative says "belum diisi", never Rp 0 or 0,00%
  const sum = (f: (r: ReportRow) => number | null): number | null => (top.some((r) => f(r) === null) ? null : top.reduce((s, r) => s + f(r)!, 0));
  const pagu = sum((r) => r.pagu);
  const real = sum((r) => r.realisasiAnggaran);
  return {
    id: "realisasi-anggaran",
    ...t,
    header: [[{ text: "No" }, { text: "Program / Kegiatan / Sub Kegiatan" }, { text: "Anggaran Sebelum Perubahan (Rp)" }, { text: "Anggaran Setelah Perubahan (Rp)" }, { text: "Realisasi (Rp)" }, { text: "Capaian" }]],
    rows: budget.map((r) => [cellText(r.no, r.levelKind === "program"), cellText(r.ind.sasaran, r.levelKind === "program"), moneyCell(r.paguSebelum), moneyCell(r.pagu), moneyCell(r.realisasiAnggaran), percentCell(r.penyerapan)]),
    total: [cellText(""), cellText("JUMLAH", true), { ...moneyCell(sum((r) => r.paguSebelum)), bold: true }, { ...moneyCell(pagu), bold: true }, { ...moneyCell(real), bold: true }, { ...percentCell(pagu && real !== null ? real / pagu : null), bold: true }],
    widths: [6, 50, 18, 18, 18, 10],
    orientation: "landscape",
  };
}

function skalaTable(model: WorkbookModel, t: { number: string; title: string }): ReportTable {
  const bands = scaleBands(model);
  return {
    id: "skala",
    ...t,
    header: [[{ text: "No" }, { text: "Interval Nilai Capaian Kinerja" }, { text: "Kriteria" }]],
    rows: bands.map((b, i) => [cellText(`${i + 1}.`), cellText(b.interval), cellText(b.label)]),
    widths: [6, 30, 20],
    orientation: "portrait",
  };
}

/** The active scale's bands, highest first, as the reports print them ("> 90%", "> 75% - 90%", "≤ 50%"). */
function scaleBands(model: WorkbookModel): { interval: string; label: string }[] {
  const ref = model.sheets.find((s) => s.name.toLowerCase() === "referensi");
  const cells = ref?.cells ?? [];
  const skala = text(model.setting("skala")).toLowerCase();
  // Referensi blocks: title, header, rows (see layouts/standard.ts REFERENSI); column 3 holds the interval text
  const title = skala === "permendagri86" ? "Skala Permendagri" : skala === "kustom" ? "Skala kustom" : "Skala kecamatan";
  const start = cells.findIndex((row) => typeof row?.[0]?.value === "string" && String(row[0]!.value).startsWith(title));
  if (start < 0) return [];
  const out: { interval: string; label: string }[] = [];
  for (let r = start + 2; r < cells.length; r++) {
    const label = cells[r]?.[2]?.value;
    if (typeof label !== "string" || label.trim() === "") break;
    const lower = cells[r]?.[0]?.value;
    const upper = cells[r]?.[1]?.value;
    const interval = typeof cells[r]?.[3]?.value === "string" && String(cells[r]![3]!.value) !== "" ? String(cells[r]![3]!.value) : [typeof lower === "number" ? `> ${formatPersen(lower, 0)}` : "", typeof upper === "number" ? `≤ ${formatPersen(upper, 0)}` : ""].filter(Boolean).join(" - ");
    out.push({ interval, label });
  }
  return out.reverse();
}

// ------------------------------------------------------------------ charts

function charts(rows: ReportRow[], jabatan: string): ReportChart[] {
  const ind = rows.filter((r) => r.ind.indikator !== "" && r.capaian !== null);
  const out: ReportChart[] = [];
  if (ind.length) {
    out.push({
      id: "capaian",
      title: `Capaian kinerja ${jabatan}`,
      kind: "bar",
      categories: ind.map((r) => shortLabel(r.ind.indikator)),
      series: [{ name: "Capaian", values: ind.map((r) => r.capaian) }],
      reference: { value: 1, label: "Target 100%" },
      unit: "percent",
    });
  }
  const programs = rows.filter((r) => (r.levelKind === "program" || (r.levelKind !== "sasaran" && kodeLevel(r.ind.kode) === "Program")) && r.pagu !== null);
  const budget = programs.length ? programs : rows.filter((r) => r.pagu !== null && !r.continuation && r.ind.kode.toUpperCase() !== KODE_SEMUA);
  if (budget.length) {
    out.push({
      id: "anggaran",
      title: `Pagu dan realisasi anggaran ${jabatan}`,
      kind: "bar",
      categories: budget.map((r) => shortLabel(r.ind.sasaran || r.ind.kode)),
      series: [
        { name: "Pagu", values: budget.map((r) => r.pagu) },
        { name: "Realisasi", values: budget.map((r) => r.realisasiAnggaran) },
      ],
      unit: "money",
    });
  }
  return out;
}

const shortLabel = (s: string): string => (s.length > 48 ? `${s.slice(0, 45).trimEnd()}…` : s);

// ------------------------------------------------------------------ the report

export function buildReport(model: WorkbookModel, options: ReportOptions): Report {
  const periodeSetting = text(model.setting("periode"));
  const periode: Period = options.periode ?? ((PERIODS as readonly string[]).includes(periodeSetting) ? (periodeSetting as Period) : "Tahunan");
  const tw = periodNumber(periode);
  const tahunVal = model.setting("tahun");
  const tahun = typeof tahunVal === "number" ? tahunVal : new Date().getFullYear();
  const jabatan = reportJabatan(model).find((j) => normLabel(j) === normLabel(options.jabatan)) ?? options.jabatan;
  const rows = reportRows(model, jabatan, tw);
  const t = (number: string, what: string) => title(number, what, jabatan, tahun, periode);
  const tables2 = [
    pkTable(rows, { number: "Tabel 2.1", title: `Lembar Dokumen Perjanjian Kinerja ${jabatan} Tahun ${tahun}` }),
    pkAnggaranTable(rows, { number: "Tabel 2.1", title: `Anggaran Perjanjian Kinerja ${jabatan} Tahun ${tahun}` }),
    capaianTable(rows, t("Tabel 2.2", "Capaian Kinerja"), tw),
    cpoTable(rows, t("Tabel 2.3", "Cost per outcome")),
    capaianTahunanTable(rows, t("Tabel 2.4", "Realisasi per Triwulan"), tw),
    realisasiAnggaranTable(rows, t("Tabel 2.5", "Realisasi Anggaran")),
    efisiensiTable(rows, t("Tabel 2.6", "Efisiensi Penggunaan Sumber Daya")),
  ].filter((x): x is ReportTable => x !== null);
  const lra = normLabel(budgetOwner(model) ?? "") === normLabel(jabatan) ? lraTable(model, { number: "Tabel 2.7", title: `Laporan Realisasi Anggaran Pendapatan dan Belanja ${text(model.setting("unitKerja"))}` }, tahun, periode) : null;
  if (lra && "table" in lra) tables2.push(lra.table);
  // the note stands where the table would: the sheets and the portable .xlsx print tables only, and lose nothing wrong
  const lraNote = lra && "note" in lra ? [{ topic: "lra", text: lra.note }] : [];
  return {
    unit: text(model.setting("unitKerja")),
    pemda: text(model.setting("pemda")),
    jabatan,
    tahun,
    periode,
    periodeLabel: periodeLabel(periode),
    sections: [
      { heading: "Perjanjian Kinerja", paragraphs: [], tables: tables2.filter((x) => x.id === "pk" || x.id === "pk-anggaran") },
      { heading: "Capaian Kinerja", paragraphs: [...narrative(rows, { jabatan, periode, tahun }), ...lraNote], tables: tables2.filter((x) => x.id !== "pk" && x.id !== "pk-anggaran") },
      { heading: "Skala Nilai", paragraphs: [], tables: [skalaTable(model, { number: "Tabel 3.1", title: "Skala Nilai Kriteria Capaian Kinerja" })] },
    ],
    charts: charts(rows, jabatan),
  };
}
