/**
 * What stops an LRA import before anything is written, as data shared by the task pane and the CLI.
 * A truncated export, or one without its period, is refused outright. Galat, and an export of another
 * SKPD or year than the workbook's Pengaturan, are imported only when the user confirms (the panel's
 * button, `sakip import-sipd --paksa`); the workbook then records the confirmation in its journal.
 */
import type { MessageCode, MessageParams, SipdHeaderPart } from "../messages.id";
import type { LraFooterKind, LraParseSuccess } from "./types";

export type ImportRefusalCode = Extract<MessageCode, "import-truncated" | "import-no-period" | "import-galat" | "import-other-skpd" | "import-other-tahun">;

export interface ImportRefusal {
  code: ImportRefusalCode;
  params: MessageParams;
  /** false: refused whatever the user says; true: imported once the user confirms */
  confirmable: boolean;
}

/** Who and when the workbook is for, from its Pengaturan sheet (fields left empty are not compared). */
export interface WorkbookIdentity {
  unitKerja?: string | null;
  kodeOrganisasi?: string | null;
  tahun?: number | null;
}

/** Galat lines named in the message; the journal lists every one. */
const LINES_SHOWN = 5;

/**
 * The refusals of an import, in a fixed order. Without `workbook` (no Pengaturan yet, or only the
 * text is known, as in the panel's preview) nothing is compared with the workbook.
 */
export function importRefusals(lra: LraParseSuccess, workbook: WorkbookIdentity | null = null): ImportRefusal[] {
  const out: ImportRefusal[] = [];
  const truncated = truncation(lra);
  if (truncated) out.push({ code: "import-truncated", params: truncated, confirmable: false });
  const missing: SipdHeaderPart[] = [];
  if (!lra.meta.tahunAnggaran) missing.push("tahun");
  if (!lra.meta.bulan) missing.push("bulan");
  if (missing.length) out.push({ code: "import-no-period", params: { missing: missing.join(",") }, confirmable: false });

  const galat = lra.findings.filter((f) => f.severity === "error");
  if (galat.length) {
    const lines = [...new Set(galat.map((f) => f.at.line))];
    const shown = lines.slice(0, LINES_SHOWN).join(", ") + (lines.length > LINES_SHOWN ? ", …" : "");
    out.push({ code: "import-galat", params: { count: galat.length, lines: shown }, confirmable: true });
  }
  if (workbook) {
    const skpd = otherSkpd(lra, workbook);
    if (skpd) out.push({ code: "import-other-skpd", params: skpd, confirmable: true });
    const tahun = workbook.tahun ?? null;
    if (tahun !== null && lra.meta.tahunAnggaran !== null && tahun !== lra.meta.tahunAnggaran) {
      out.push({ code: "import-other-tahun", params: { lra: lra.meta.tahunAnggaran, workbook: tahun }, confirmable: true });
    }
  }
  return out;
}

/** A refusal as it was shown: a confirmation holds only for the same refusal with the same parameters. */
export function refusalKey(r: Pick<ImportRefusal, "code" | "params">): string {
  const params = Object.keys(r.params)
    .sort()
    .map((k) => `${k}=${String(r.params[k])}`)
    .join("|");
  return `${r.code}:${params}`;
}

/**
 * The report ends with its footer: Jumlah Belanja, then Surplus / Defisit, after the last data row.
 * A text that stops before it was cut (a partial copy, a download broken off), and its sums are not
 * the SKPD's.
 */
function truncation(lra: LraParseSuccess): MessageParams | null {
  const lastRow = lra.rows[lra.rows.length - 1]?.line ?? 0;
  const after = lra.footer.filter((f) => f.line > lastRow);
  const jumlah = after.some((f) => f.kind === "jumlah_belanja");
  const surplus = after.some((f) => f.kind === "surplus_defisit");
  if (jumlah && surplus) return null;
  let last = lastRow;
  for (const f of lra.footer) last = Math.max(last, f.line);
  for (const s of lra.skipped) last = Math.max(last, s.line);
  const cut = lra.findings.find((f) => f.code === "sipd-line-fields" && f.at.line === last);
  // the footer lines missing, by kind (worded in messages.id.ts)
  const missing = (jumlah ? ["surplus_defisit"] : ["jumlah_belanja", "surplus_defisit"]) satisfies LraFooterKind[];
  return { line: last, ...(cut ? { fields: Number(cut.stated) } : {}), missing: missing.join(",") };
}

const normalName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** By organisasi code when both have one; else by name, case and punctuation aside. */
function otherSkpd(lra: LraParseSuccess, workbook: WorkbookIdentity): MessageParams | null {
  const lraCode = lra.meta.organisasi?.trim() || null;
  const lraName = lra.meta.skpd?.trim() || null;
  const code = workbook.kodeOrganisasi?.trim() || null;
  const name = workbook.unitKerja?.trim() || null;
  const differs = lraCode && code ? lraCode !== code : lraName && name ? normalName(lraName) !== normalName(name) : false;
  if (!differs) return null;
  const label = (n: string | null, c: string | null): string => (c ? `${n ?? "unit tanpa nama"} (organisasi ${c})` : (n ?? ""));
  return { lra: label(lraName, lraCode), workbook: label(name, code) };
}
