/**
 * The preview of a parsed LRA as display text, and the parse with its preview in one call. Used on
 * both sides of the parse worker: inside it, and on the page where no worker can run.
 */
import { previewLra } from "../app/import-sipd";
import { REALISASI_ANGGARAN } from "../core/layouts";
import { findingMessage } from "../core/findings";
import { formatAngka } from "../core/numbers";
import { importRefusals, parseLra, type LraFinding, type LraParseSuccess, type Severity } from "../core/sipd";
import { MAX_FINDINGS_SHOWN, refusalText, type CellSource, type FindingGroup, type FindingItem, type LraView, type ParsedLra } from "./impor";

/** The text through the parser on this thread, with the preview of what it found. */
export function readLra(text: string, source: CellSource | null = null): ParsedLra {
  const r = parseLra(text);
  return r.ok ? { ok: true, lra: r, view: lraView(r, source) } : { ok: false, message: r.message };
}

// ─── the preview ─────────────────────────────────────────────────────────────────────────────────

const SEVERITY_TITLE: Readonly<Record<Severity, string>> = { error: "Galat", warning: "Peringatan", info: "Info" };
const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];
const NOT_FOUND = "tidak ditemukan di kepala LRA";
const SD_BULAN_HEADER = REALISASI_ANGGARAN.columns.find((c) => c.key === "sdBulan")?.header ?? "s/d Bulan Terakhir";

export function rupiah(x: number | null): string {
  if (x === null) return "—";
  return formatAngka(x, "money", { decimals: Number.isInteger(x) ? 0 : 2 });
}

export function persen(x: number | null): string {
  return x === null ? "—" : `${formatAngka(x, "ratio", { decimals: 2 })}%`;
}

/** Where a finding's line is: the line of the pasted text, or the sheet row it came from. */
export function lineLabel(line: number, source: CellSource | null): string {
  return source ? `Baris ${source.range.row + line} di lembar ${source.sheet}` : `Baris ${line}`;
}

export function lraView(lra: LraParseSuccess, source: CellSource | null = null): LraView {
  const p = previewLra(lra);
  const month = lra.meta.bulan;
  const columnNote = p.twColumn
    ? `Kolom "${p.twColumn}" dan "${SD_BULAN_HEADER}" pada lembar ${REALISASI_ANGGARAN.sheet}.`
    : month
      ? `${p.bulan ?? month.name} bukan akhir triwulan: hanya kolom "${SD_BULAN_HEADER}" yang diisi, kolom triwulan tidak.`
      : "Bulan tidak ditemukan, jadi kolom triwulan tidak dapat ditentukan.";
  const byFinding = new Map<Severity, LraFinding[]>();
  for (const f of lra.findings) byFinding.set(f.severity, [...(byFinding.get(f.severity) ?? []), f]);
  const findings: FindingGroup[] = SEVERITY_ORDER.flatMap((severity) => {
    const all = byFinding.get(severity) ?? [];
    if (all.length === 0) return [];
    const items = all.slice(0, MAX_FINDINGS_SHOWN).map((f): FindingItem => ({
      where: lineLabel(f.at.line, source),
      rule: f.rule,
      message: findingMessage(f),
      ...(f.at.kode !== undefined ? { kode: f.at.kode } : {}),
    }));
    return [{ severity, title: SEVERITY_TITLE[severity], count: all.length, items, hidden: all.length - items.length }];
  });
  const total = p.total;
  return {
    facts: [
      { label: "SKPD", value: p.skpd ?? NOT_FOUND },
      { label: "Organisasi", value: p.organisasi ?? NOT_FOUND },
      { label: "Tahun anggaran", value: p.tahun === null ? NOT_FOUND : String(p.tahun) },
      { label: "Bulan", value: p.bulan ?? NOT_FOUND },
    ],
    twColumn: p.twColumn,
    columnNote,
    // read as "6 program", "13 kegiatan": value first
    counts: [
      { label: "program", value: formatAngka(p.counts.program, "count") },
      { label: "kegiatan", value: formatAngka(p.counts.kegiatan, "count") },
      { label: "sub kegiatan", value: formatAngka(p.counts.subKegiatan, "count") },
      { label: "baris akun", value: formatAngka(p.counts.akun, "count") },
    ],
    dataRows: lra.rows.length,
    totals: total
      ? [
          { label: "Anggaran setelah perubahan", value: rupiah(total.anggaranSetelah) },
          { label: "Realisasi s/d bulan ini", value: rupiah(total.realisasiSd) },
          { label: "Persentase realisasi", value: persen(total.persen) },
        ]
      : [],
    findings,
    // what the import refuses whatever the user confirms is known from the text alone
    blocker:
      importRefusals(lra)
        .filter((r) => !r.confirmable)
        .map(refusalText)
        .join(" ") || null,
  };
}
