/**
 * The narrative of a report, written from the same rows as its tables, so a sentence can never say
 * "3 dari 7 indikator" when the table holds 9: per indicator (target, realisasi, capaian, predikat),
 * the count achieved, the budget absorbed with the sisa in figures and in words, and what the
 * efisiensi's sign means.
 */
import type { Period } from "../layouts";
import { formatAngka, formatPersen } from "../numbers";
import { KODE_NOTATION } from "../rules/checks/inputs";
import { budgetRows, measureText, periodeLabel, type ReportRow } from "./build";
import { terbilangRupiah } from "./terbilang";
import type { Paragraph } from "./types";

const rp = (x: number): string => `Rp ${formatAngka(x, "money", { decimals: 0 })}`;
const pp = (fraction: number): string => `${formatAngka(Math.abs(fraction) * 100, "ratio", { decimals: 2 })} poin persen`;

export function narrative(rows: readonly ReportRow[], ctx: { jabatan: string; periode: Period; tahun: number }): Paragraph[] {
  const out: Paragraph[] = [];
  const ind = rows.filter((r) => r.ind.indikator !== "");
  const sampai = ctx.periode === "Tahunan" ? `akhir Tahun ${ctx.tahun}` : `${periodeLabel(ctx.periode)} Tahun ${ctx.tahun}`;
  for (const r of ind) {
    const target = measureText(r.target, r.ind.satuan, r.targetPercent);
    if (r.realisasi === null) {
      out.push({ topic: "indikator", text: `Indikator ${r.ind.indikator} ditargetkan ${target}; realisasinya sampai ${sampai} belum diisi.` });
      continue;
    }
    const realisasi = measureText(r.realisasi, r.ind.satuan, r.twPercent);
    const capaian = r.capaian === null ? "" : ` dengan capaian ${formatPersen(r.capaian)}${r.predikat ? ` atau tergolong ${r.predikat}` : ""}`;
    out.push({ topic: "indikator", text: `Indikator ${r.ind.indikator} ditargetkan ${target}, terealisasi ${realisasi}${capaian}.` });
  }
  const measured = ind.filter((r) => r.capaian !== null);
  if (measured.length) {
    const achieved = measured.filter((r) => r.capaian! >= 1 - 1e-12).length;
    const mean = measured.reduce((s, r) => s + r.capaian!, 0) / measured.length;
    out.push({
      topic: "ringkasan",
      text:
        `Sampai ${sampai}, ${achieved} dari ${measured.length} indikator ${ctx.jabatan} mencapai 100% atau lebih; rata-rata capaian ${formatPersen(mean)}.` +
        (measured.length < ind.length ? ` ${ind.length - measured.length} indikator belum dapat dihitung capaiannya.` : ""),
    });
  }

  const budget = budgetParagraph(rows, ctx.jabatan, sampai);
  if (budget) out.push(budget);
  for (const r of rows.filter((x) => x.efisiensi !== null)) {
    const e = r.efisiensi!;
    const name = r.ind.indikator || r.ind.sasaran;
    const sense =
      Math.abs(e) < 0.00005
        ? "capaian kinerja sama dengan penyerapan anggaran"
        : e > 0
          ? `capaian kinerja ${pp(e)} lebih tinggi dari penyerapan anggaran: kinerja dicapai dengan anggaran yang lebih sedikit dari rencana (efisien)`
          : `penyerapan anggaran ${pp(e)} lebih tinggi dari capaian kinerja: anggaran terserap lebih cepat daripada kinerja tercapai`;
    out.push({ topic: "efisiensi", text: `Efisiensi ${name}: capaian kinerja ${formatPersen(r.capaian!)}, penyerapan anggaran ${formatPersen(r.penyerapan!)}, tingkat efisiensi ${formatPersen(e)}; ${sense}.` });
  }
  return out;
}

/** The budget: each kode once, and not under another row's kode, so nothing is counted twice. */
function budgetParagraph(rows: readonly ReportRow[], jabatan: string, sampai: string): Paragraph | null {
  const { top } = budgetRows(
    rows.filter((r) => r.pagu !== null),
    (kode) => KODE_NOTATION.test(kode),
  );
  if (!top.length) return null;
  const pagu = top.reduce((s, r) => s + (r.pagu ?? 0), 0);
  // a kode with no realisasi for the period (its quarter neither imported nor typed) is not a realisasi of 0
  const missing = top.filter((r) => r.realisasiAnggaran === null).length;
  if (missing > 0) {
    const which = missing === top.length ? "belum diisi" : `belum diisi untuk ${missing} dari ${top.length} kode`;
    return { topic: "anggaran", text: `Pagu anggaran yang mendukung kinerja ${jabatan} ${rp(pagu)}; realisasi anggarannya sampai ${sampai} ${which}, sehingga penyerapan dan sisa anggaran belum dapat dihitung.` };
  }
  const real = top.reduce((s, r) => s + r.realisasiAnggaran!, 0);
  const sisa = pagu - real;
  const sisaText = sisa >= 0 ? `Sisa anggaran ${rp(sisa)} (${terbilangRupiah(sisa)}).` : `Realisasi melebihi pagu sebesar ${rp(-sisa)} (${terbilangRupiah(-sisa)}).`;
  return {
    topic: "anggaran",
    text: `Pagu anggaran yang mendukung kinerja ${jabatan} ${rp(pagu)}, terealisasi ${rp(real)} (${pagu ? formatPersen(real / pagu) : "-"}) sampai ${sampai}. ${sisaText}`,
  };
}
