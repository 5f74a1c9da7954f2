/**
 * Checks across the workbooks of one unit (a reviewer's folder: one file per jabatan, or one per
 * quarter's draft): the same indicator with a different capaian, and the same kode with a different
 * pagu or realisasi (R-XREF-01/02/03). Workbooks are of one unit when Pengaturan gives the same unit
 * kerja, tahun and periode.
 *
 * The findings do not depend on the order the files are named in (`validate A B` and `validate B A`
 * say the same of each file). Who is told of a disagreement:
 * - pagu and realisasi (R-XREF-01/03): each file's own SIPD import (Rincian SIPD) is the source of
 *   truth. When the imports of the files that have one agree on the amount, only a file whose amount
 *   differs from it is told, naming a file whose Realisasi Anggaran has the SIPD amount; and not even
 *   that file when its amount differs from its own import, whose in-file finding (xref-sipd-pagu,
 *   xref-sipd-realisasi) already gives the amount that makes the files agree. When no file has the
 *   amount from an import (none imported, or the imports themselves differ), no file can be preferred:
 *   every file whose amount differs from another's is told, each naming the other file.
 * - an indicator (R-XREF-02) has no source of truth across files: both files are told, each naming the
 *   other, by the cause: the target when the targets differ, else the realisasi, else the capaian. The
 *   capaian compared is what each row's formula gives: a capaian typed over it is its own file's
 *   R-CAP-01, which already asks for the value the files then agree on.
 * Where several files differ, the other file named is the first by file name that has another amount.
 */
import type { Address } from "../address";
import { cellAt, type Finding } from "../findings";
import { TW_KEYS } from "../layouts";
import type { WorkbookModel } from "../model/workbook-model";
import { compareNumber, compareRatio, differsBothWays, fmtNum, fmtPct, fmtRp, indicatorsOf, makeEmit, normLabel, num, periodInfo, pushTo, sameMoney, text, type Emit } from "./context";
import { sipdQuarterKey, sipdTotalsByKode } from "./checks/budget";
import { indicatorKey } from "./checks/indicators";
import { KODE_NOTATION } from "./checks/inputs";

/**
 * What the checks across files need of one workbook, taken from its model when it is read: a reviewer's
 * folder of workbooks is checked one at a time, none kept whole (each is tens of MB read).
 */
export interface CrossSummary {
  /** The file name the reviewer knows the workbook by. */
  name: string;
  /** unit kerja, tahun and periode; null when Pengaturan does not say */
  unit: string | null;
  /**
   * Each indicator's capaian as its row's formula gives it (a capaian typed over the formula is the
   * file's own R-CAP-01), with the target and realisasi it is computed from.
   */
  indicators: { key: string; indikator: string; jabatan: string; capaian: number; at: Address; target: number | null; targetAt: Address; realisasi: number | null; realisasiAt: Address }[];
  /** Each kode's pagu and realisasi of the period, with what the workbook's own SIPD import says of them (null: not known). */
  amounts: { kode: string; setelah: number | null; realisasi: number | null; setelahAt: Address; realisasiAt: Address; sipdSetelah: number | null; sipdRealisasi: number | null }[];
}

export interface CrossFinding {
  file: string;
  finding: Finding;
}

/** The unit a workbook belongs to, or null when its Pengaturan does not say. */
export function unitKey(model: WorkbookModel): string | null {
  const unit = normLabel(text(model.setting("unitKerja")));
  const p = periodInfo(model);
  if (unit === "" || p.tahun === null || p.periode === null) return null;
  return `${unit}|${p.tahun}|${p.periode}`;
}

export function crossSummary(name: string, model: WorkbookModel): CrossSummary {
  const unit = unitKey(model);
  const summary: CrossSummary = { name, unit, indicators: [], amounts: [] };
  if (unit === null) return summary;
  const cap = model.table("capaian");
  const local = new Set<string>();
  for (const ind of indicatorsOf(model)) {
    if (ind.indikator === "" || ind.capRow === undefined) continue;
    const key = indicatorKey(ind.indikator);
    if (key.length < 12 || local.has(key)) continue;
    local.add(key);
    const c = num(model.expected("capaian", ind.capRow, "capaian")) ?? num(model.value("capaian", ind.capRow, "capaian"));
    if (c === null) continue;
    const target = num(model.value("capaian", ind.capRow, "target"));
    const realisasi = num(model.value("capaian", ind.capRow, "realisasi"));
    summary.indicators.push({ key, indikator: ind.indikator, jabatan: ind.jabatan, capaian: c, at: cap.at(ind.capRow, "capaian"), target, targetAt: cap.at(ind.capRow, "target"), realisasi, realisasiAt: cap.at(ind.capRow, "realisasi") });
  }
  const ra = model.table("realisasi");
  const tw = TW_KEYS[periodInfo(model).tw - 1]!;
  // the workbook's own import (parsed once, memoised): the amounts Periksa holds Realisasi Anggaran against
  const parsed = model.rincian?.parse();
  const sipd = parsed?.ok ? sipdTotalsByKode(parsed) : null;
  const sipdHasRealisasi = sipdQuarterKey(model.rincian?.meta.bulan) === tw;
  for (const r of ra.rows()) {
    const kode = text(model.value("realisasi", r, "kode"));
    if (!KODE_NOTATION.test(kode)) continue;
    const totals = sipd?.get(kode.toLowerCase());
    summary.amounts.push({
      kode,
      setelah: num(model.value("realisasi", r, "setelah")),
      realisasi: num(model.value("realisasi", r, tw)),
      setelahAt: ra.at(r, "setelah"),
      realisasiAt: ra.at(r, tw),
      sipdSetelah: totals?.anggaranSetelah ?? null,
      sipdRealisasi: sipdHasRealisasi ? (totals?.realisasiSd ?? null) : null,
    });
  }
  return summary;
}

export function crossValidate(files: readonly CrossSummary[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  const groups = new Map<string, CrossSummary[]>();
  // by file name: which other file a finding names does not depend on the order they were given in
  const byName = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const f of byName) if (f.unit !== null) pushTo(groups, f.unit, f);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    indicatorsAcross(group, out);
    amountsAcross(group, out);
  }
  return out;
}

function emitter(file: string, out: CrossFinding[]): Emit {
  const findings: Finding[] = [];
  const emit = makeEmit(findings);
  return (rule, code, at, detail) => {
    emit(rule, code, at, detail);
    out.push({ file, finding: findings.pop()! });
  };
}

type IndicatorEntry = CrossSummary["indicators"][number] & { file: string };

function indicatorsAcross(group: readonly CrossSummary[], out: CrossFinding[]): void {
  const byKey = new Map<string, IndicatorEntry[]>();
  for (const { name, indicators } of group) for (const ind of indicators) pushTo(byKey, ind.key, { ...ind, file: name });
  for (const entries of byKey.values()) {
    if (entries.length < 2) continue;
    for (const ind of entries) {
      // no file is the truth for an indicator: each is told of the first other file that differs
      const other = entries.find((o) => o !== ind && differsBothWays(compareRatio, ind.capaian, o.capaian));
      if (!other) continue;
      const where = `${other.file}${other.jabatan ? ` (${other.jabatan})` : ""}`;
      const emit = emitter(ind.file, out);
      // the cause named where it is one: two targets, else two realisasi; the capaian only when both agree
      const what = (["target", "realisasi"] as const).find((k) => ind[k] !== null && other[k] !== null && differsBothWays(compareNumber, ind[k]!, other[k]!));
      if (what) {
        const [at, otherAt] = what === "target" ? [ind.targetAt, other.targetAt] : [ind.realisasiAt, other.realisasiAt];
        emit("R-XREF-02", "xref-indikator", at, {
          stated: ind[what]!,
          expected: other[what]!,
          params: { indikator: ind.indikator, other: where, what, stated: fmtNum(ind[what]!), expected: fmtNum(other[what]!) },
          related: [cellAt(otherAt)],
        });
        continue;
      }
      emit("R-XREF-02", "xref-indikator", ind.at, {
        stated: ind.capaian,
        expected: other.capaian,
        params: { indikator: ind.indikator, other: where, what: "capaian", stated: fmtPct(ind.capaian), expected: fmtPct(other.capaian) },
        related: [cellAt(other.at)],
      });
    }
  }
}

/** One file's amount of a kode, and its own import's. */
interface Amount {
  file: string;
  value: number;
  at: Address;
  sipd: number | null;
}

/** The files to tell of a kode's amounts that differ, each with the file it is told of (see the head of this file). */
function disagreements(amounts: readonly Amount[]): { amount: Amount; other: Amount }[] {
  if (amounts.every((a) => sameMoney(a.value, amounts[0]!.value))) return [];
  const imported = amounts.filter((a) => a.sipd !== null);
  const sipd = imported[0]?.sipd ?? null;
  const out: { amount: Amount; other: Amount }[] = [];
  if (sipd !== null && imported.every((a) => sameMoney(a.sipd!, sipd))) {
    // the imports agree: only the amounts that differ from them, each told of a file that has the SIPD amount
    const right = amounts.find((a) => a.sipd !== null && sameMoney(a.value, sipd)) ?? amounts.find((a) => sameMoney(a.value, sipd));
    for (const a of amounts) {
      if (sameMoney(a.value, sipd)) continue;
      // its own import's finding already asks for the amount that makes the files agree
      if (a.sipd !== null) continue;
      const other = right ?? amounts.find((o) => !sameMoney(o.value, a.value))!;
      out.push({ amount: a, other });
    }
    return out;
  }
  for (const a of amounts) {
    const other = amounts.find((o) => !sameMoney(o.value, a.value));
    if (other) out.push({ amount: a, other });
  }
  return out;
}

function amountsAcross(group: readonly CrossSummary[], out: CrossFinding[]): void {
  const pagu = new Map<string, { kode: string; amounts: Amount[] }>();
  const realisasi = new Map<string, { kode: string; amounts: Amount[] }>();
  const add = (to: typeof pagu, kode: string, file: string, value: number | null, at: Address, sipd: number | null) => {
    if (value === null) return;
    const k = kode.toLowerCase();
    const entry = to.get(k) ?? { kode, amounts: [] };
    to.set(k, entry);
    // a kode listed twice in one file is that file's own matter: its first row speaks for it
    if (!entry.amounts.some((a) => a.file === file)) entry.amounts.push({ file, value, at, sipd });
  };
  for (const { name, amounts } of group) {
    for (const a of amounts) {
      add(pagu, a.kode, name, a.setelah, a.setelahAt, a.sipdSetelah);
      add(realisasi, a.kode, name, a.realisasi, a.realisasiAt, a.sipdRealisasi);
    }
  }
  for (const { kode, amounts } of pagu.values()) {
    for (const { amount: a, other } of disagreements(amounts)) {
      emitter(a.file, out)("R-XREF-01", "xref-pagu", a.at, { stated: a.value, expected: other.value, params: { kode, stated: fmtRp(a.value), expected: fmtRp(other.value), file: other.file } });
    }
  }
  for (const { kode, amounts } of realisasi.values()) {
    for (const { amount: a, other } of disagreements(amounts)) {
      emitter(a.file, out)("R-XREF-03", "xref-realisasi-anggaran", a.at, { stated: a.value, expected: other.value, params: { kode, stated: fmtRp(a.value), expected: fmtRp(other.value), file: other.file } });
    }
  }
}
