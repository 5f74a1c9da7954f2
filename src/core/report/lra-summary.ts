/**
 * The LRA summary (Laporan Realisasi Anggaran Pendapatan dan Belanja, SPEC a7) of the unit, built from
 * the imported kode rekening rows (the Rincian SIPD sheet): per akun group (Pendapatan, Belanja), its
 * kelompok (Belanja Operasi, Belanja Modal …) and jenis (Belanja Pegawai, Belanja Barang dan Jasa …),
 * anggaran setelah perubahan and realisasi s/d bulan ini — never BULAN INI (SPEC d10, R-LRA-01).
 *
 * Only the sub kegiatan's jenis rows are summed: every amount of the export sits in exactly one of
 * them, and the SKPD, kelompok and program rows are SIPD's own sums of them, which Periksa checks
 * (R-SUM-01 on Rincian SIPD). The printed summary's "Realisasi tahun lalu" column has no source in the
 * workbook and is left out.
 */
import { formatAngka, formatPersen } from "../numbers";
import type { LraParseSuccess } from "../sipd";
import type { ReportCell, ReportTable } from "./types";

export interface LraSummaryLine {
  /** Akun code, dotted: "5", "5.1", "5.1.02". */
  akun: string;
  uraian: string;
  anggaran: number;
  realisasi: number;
}

export interface LraSummaryGroup extends LraSummaryLine {
  kelompok: (LraSummaryLine & { jenis: LraSummaryLine[] })[];
}

export interface LraSummary {
  pendapatan: LraSummaryGroup;
  belanja: LraSummaryGroup;
  /** Pendapatan − belanja. */
  surplus: { anggaran: number; realisasi: number };
}

/** Names of the akun groups and kelompok (Permendagri 90/2019) for when the export has no row naming them. */
const NAMES: Record<string, string> = {
  "4": "PENDAPATAN DAERAH",
  "4 1": "PENDAPATAN ASLI DAERAH (PAD)",
  "4 2": "PENDAPATAN TRANSFER",
  "4 3": "LAIN-LAIN PENDAPATAN DAERAH YANG SAH",
  "5": "BELANJA DAERAH",
  "5 1": "BELANJA OPERASI",
  "5 2": "BELANJA MODAL",
  "5 3": "BELANJA TIDAK TERDUGA",
  "5 4": "BELANJA TRANSFER",
};

const dotted = (akun: string): string => akun.split(" ").join(".");

export function lraSummary(lra: LraParseSuccess): LraSummary {
  // names the export itself prints: SKPD rows name the group and kelompok, jenis rows the jenis
  const named = new Map<string, string>();
  const jenis = new Map<string, LraSummaryLine>();
  for (const r of lra.rows) {
    const level = r.repaired?.level ?? r.level;
    const akun = r.repaired?.akun ?? r.akun;
    if ((level === "skpd_total" || level === "skpd_kelompok") && !named.has(akun)) named.set(akun, r.uraian);
    if (level !== "akun_jenis") continue;
    let line = jenis.get(akun);
    if (!line) jenis.set(akun, (line = { akun: dotted(akun), uraian: r.uraian, anggaran: 0, realisasi: 0 }));
    line.anggaran += r.stated.anggaranSetelah ?? 0;
    line.realisasi += r.stated.realisasiSd ?? 0;
  }
  const group = (head: "4" | "5"): LraSummaryGroup => {
    const kelompok = new Map<string, LraSummaryLine & { jenis: LraSummaryLine[] }>();
    for (const [akun, line] of [...jenis].sort(([a], [b]) => a.localeCompare(b))) {
      const [g, k] = akun.split(" ");
      if (g !== head) continue;
      const key = `${g} ${k}`;
      let kel = kelompok.get(key);
      if (!kel) kelompok.set(key, (kel = { akun: dotted(key), uraian: named.get(key) ?? NAMES[key] ?? dotted(key), anggaran: 0, realisasi: 0, jenis: [] }));
      kel.jenis.push(line);
      kel.anggaran += line.anggaran;
      kel.realisasi += line.realisasi;
    }
    const list = [...kelompok.values()];
    return {
      akun: head,
      uraian: named.get(head) ?? NAMES[head]!,
      anggaran: list.reduce((s, k) => s + k.anggaran, 0),
      realisasi: list.reduce((s, k) => s + k.realisasi, 0),
      kelompok: list,
    };
  };
  const pendapatan = group("4");
  const belanja = group("5");
  return { pendapatan, belanja, surplus: { anggaran: pendapatan.anggaran - belanja.anggaran, realisasi: pendapatan.realisasi - belanja.realisasi } };
}

const text = (s: string, bold = false): ReportCell => ({ text: s, value: s === "" ? null : s, kind: "text", ...(bold ? { bold } : {}) });
const money = (x: number | null, bold = false): ReportCell =>
  x === null ? text("") : { text: formatAngka(x, "money", { decimals: 0 }), value: x, kind: "money", numberFormat: "#,##0", ...(bold ? { bold } : {}) };
const percent = (anggaran: number, realisasi: number, bold = false): ReportCell =>
  anggaran === 0 ? { text: "-", value: null, kind: "percent" } : { text: formatPersen(realisasi / anggaran), value: realisasi / anggaran, kind: "percent", numberFormat: "0.00%", ...(bold ? { bold } : {}) };

/**
 * The summary as the reports print it (002:431-553): a heading row per group, its kelompok and jenis
 * with their amounts, "Jumlah …" per group, and the surplus/defisit; rows numbered 01, 02 … .
 */
export function lraSummaryTable(lra: LraParseSuccess, t: { number: string; title: string }, tahun: number, bulan: string): ReportTable {
  const s = lraSummary(lra);
  const rows: ReportCell[][] = [];
  const add = (uraian: string, amounts: { anggaran: number; realisasi: number } | null, bold = false) =>
    rows.push([text(String(rows.length + 1).padStart(2, "0")), text(uraian, bold), money(amounts?.anggaran ?? null, bold), money(amounts?.realisasi ?? null, bold), amounts ? percent(amounts.anggaran, amounts.realisasi, bold) : text("")]);
  for (const [heading, g] of [["PENDAPATAN", s.pendapatan], ["BELANJA", s.belanja]] as const) {
    add(heading, null, true);
    for (const k of g.kelompok) {
      add(k.uraian, k, true);
      for (const j of k.jenis) add(j.uraian, j);
    }
    add(`Jumlah ${heading === "PENDAPATAN" ? "Pendapatan" : "Belanja"}`, g, true);
  }
  add("SURPLUS / (DEFISIT)", s.surplus, true);
  return {
    id: "lra-ringkasan",
    ...t,
    header: [[{ text: "No" }, { text: "Uraian" }, { text: `Anggaran ${tahun} (Rp)` }, { text: `Realisasi s/d ${bulan} ${tahun} (Rp)` }, { text: "%" }]],
    numberRow: ["1", "2", "3", "4", "5"],
    rows,
    widths: [6, 48, 20, 20, 9],
    orientation: "portrait",
  };
}
