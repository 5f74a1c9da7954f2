/** The LRA header block (SPEC d1) and the page-break artefacts that repeat parts of it (d7). */
import type { LraMeta, LraMonth, LraSkippedKind } from "./types";

// bounded so a line full of "<" without ">" stays linear
const MARKUP = /\*\*|<\/?[a-z][^<>\n]{0,200}>/gi;

/** Removes `**`, `<b>`, `<u>`, `<p>` left by a PDF-to-text conversion. */
export function stripMarkup(line: string): string {
  if (!line.includes("*") && !line.includes("<")) return line;
  return line.replace(MARKUP, "");
}

/** Month names as Indonesian text writes them; SIPD prints them upper case (BAGIAN BULAN JUNI). */
export const MONTH_NAMES = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"] as const;

const MONTHS: Record<string, number> = {
  ...Object.fromEntries(MONTH_NAMES.map((m, i) => [m.toUpperCase(), i + 1])),
  // older spellings still seen in printed reports
  PEBRUARI: 2,
  NOPEMBER: 11,
};

export function monthOf(name: string): LraMonth | null {
  const upper = name.toUpperCase();
  const number = MONTHS[upper];
  if (number === undefined) return null;
  return { name: upper, number, triwulan: Math.ceil(number / 3) as 1 | 2 | 3 | 4, quarterEnd: number % 3 === 0 };
}

export function emptyMeta(): LraMeta {
  return { pemda: null, judul: null, tahunAnggaran: null, bulan: null, urusan: null, urusanNama: null, skpd: null, organisasi: null };
}

const PEMDA = /^PEMERINTAH\s+(?:KABUPATEN|KAB\.|KOTA|PROVINSI)\s+\S.*$/i;
const PAGE_NUMBER = /^Hal(?:aman)?\s*:?\s*\d{1,4}$/i;
const JUDUL = /^LAPORAN\s+REALISASI\s+ANGGARAN\b/i;
const TAHUN = /\bTAHUN\s+ANGGARAN\s*:?\s*(\d{4})\b/i;
const BULAN = /\bBULAN\s*:?\s*([A-Za-z]{3,9})\b/i;
const URUSAN = /^URUSAN\s+PEMERINTAHAN\s*:\s*(\d{1,2}(?:\.\d{1,2})*)\s*(.*)$/i;
const ORGANISASI = /^ORGANISASI\s*:\s*(\d[\d.]*)/i;
const SKPD = /^(?:SKPD|PERANGKAT\s+DAERAH|UNIT\s+ORGANISASI)\s*:\s*(?:[\d.]+\s+)?(.+)$/i;
const COLUMN_NUMBERS = /^1\t2\t3\t4(?:\t|$)/;

/**
 * Kind of a non-data line. `text` has markup stripped; `tabbed` is the line with its TABs.
 * Fills `meta` with the first value of each header item it meets.
 */
export function classifySkipped(tabbed: string, text: string, beforeData: boolean, meta: LraMeta): LraSkippedKind {
  // first: one on every page, and no column header reads as a page number
  if (PAGE_NUMBER.test(text)) return "page-number";
  const first = (tabbed.split("\t", 1)[0] ?? "").trim().toUpperCase();
  if (first === "KODE REKENING" || /\bSEBELUM PERUBAHAN\b/i.test(tabbed) || COLUMN_NUMBERS.test(tabbed.trim())) {
    return "column-header";
  }
  if (PEMDA.test(text)) {
    meta.pemda ??= text.toUpperCase();
    return beforeData ? "report-header" : "page-header";
  }
  let header = false;
  if (JUDUL.test(text)) {
    meta.judul ??= text;
    header = true;
  }
  const tahun = TAHUN.exec(text);
  if (tahun) {
    meta.tahunAnggaran ??= Number(tahun[1]);
    header = true;
  }
  if (/\bBULAN\b/i.test(text)) {
    const bulan = BULAN.exec(text);
    const month = bulan ? monthOf(bulan[1] ?? "") : null;
    if (month) {
      meta.bulan ??= month;
      header = true;
    }
  }
  const urusan = URUSAN.exec(text);
  if (urusan) {
    meta.urusan ??= urusan[1] ?? null;
    // "7.01 KECAMATAN : KECAMATAN LUMAJANG": the bidang label, then the SKPD after the colon
    const rest = (urusan[2] ?? "").trim();
    const colon = rest.indexOf(":");
    if (colon >= 0) {
      const label = rest.slice(0, colon).trim();
      const skpd = rest.slice(colon + 1).trim();
      if (label) meta.urusanNama ??= label;
      if (skpd) meta.skpd ??= skpd;
    } else if (rest) {
      meta.urusanNama ??= rest;
    }
    header = true;
  }
  const organisasi = ORGANISASI.exec(text);
  if (organisasi) {
    meta.organisasi ??= (organisasi[1] ?? "").replace(/\.$/, "");
    header = true;
  }
  const skpd = SKPD.exec(text);
  if (skpd) {
    meta.skpd ??= (skpd[1] ?? "").trim();
    header = true;
  }
  return header ? "report-header" : "other";
}
