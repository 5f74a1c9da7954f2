/**
 * Checks across the workbooks of one unit (a reviewer's folder: one file per jabatan, or one per
 * quarter's draft): the same indicator with a different capaian, and the same kode with a different
 * pagu or realisasi (R-XREF-01/02/03). Workbooks are of one unit when Pengaturan gives the same unit
 * kerja, tahun and periode.
 */
import type { Address } from "../address";
import { cellAt, type Finding, type Location } from "../findings";
import { TW_KEYS } from "../layouts";
import type { WorkbookModel } from "../model/workbook-model";
import { compareRatio, fmtRp, fmtStatedPct, indicatorsOf, makeEmit, normLabel, num, periodInfo, pushTo, sameMoney, text, type Emit } from "./context";
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
  indicators: { key: string; indikator: string; jabatan: string; capaian: number; at: Address }[];
  amounts: { kode: string; setelah: number | null; realisasi: number | null; setelahAt: Address; realisasiAt: Address }[];
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
    const c = num(model.value("capaian", ind.capRow, "capaian"));
    if (c !== null) summary.indicators.push({ key, indikator: ind.indikator, jabatan: ind.jabatan, capaian: c, at: cap.at(ind.capRow, "capaian") });
  }
  const ra = model.table("realisasi");
  const tw = TW_KEYS[periodInfo(model).tw - 1]!;
  for (const r of ra.rows()) {
    const kode = text(model.value("realisasi", r, "kode"));
    if (!KODE_NOTATION.test(kode)) continue;
    summary.amounts.push({ kode, setelah: num(model.value("realisasi", r, "setelah")), realisasi: num(model.value("realisasi", r, tw)), setelahAt: ra.at(r, "setelah"), realisasiAt: ra.at(r, tw) });
  }
  return summary;
}

export function crossValidate(files: readonly CrossSummary[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  const groups = new Map<string, CrossSummary[]>();
  for (const f of files) if (f.unit !== null) pushTo(groups, f.unit, f);
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

function indicatorsAcross(group: readonly CrossSummary[], out: CrossFinding[]): void {
  const seen = new Map<string, { file: string; at: Address; jabatan: string; capaian: number }>();
  for (const { name, indicators } of group) {
    const emit = emitter(name, out);
    for (const ind of indicators) {
      const c = ind.capaian;
      const first = seen.get(ind.key);
      if (!first) {
        seen.set(ind.key, { file: name, at: ind.at, jabatan: ind.jabatan, capaian: c });
        continue;
      }
      if (compareRatio(c, first.capaian) === "mismatch" && compareRatio(first.capaian, c) === "mismatch") {
        const related: Location[] = [cellAt(first.at)];
        emit("R-XREF-02", "xref-indikator", ind.at, {
          stated: c,
          expected: first.capaian,
          params: { indikator: ind.indikator, other: `${first.file}${first.jabatan ? ` (${first.jabatan})` : ""}`, what: "capaian", stated: fmtStatedPct(c), expected: fmtStatedPct(first.capaian) },
          related,
        });
      }
    }
  }
}

function amountsAcross(group: readonly CrossSummary[], out: CrossFinding[]): void {
  const seen = new Map<string, { file: string; setelah: number | null; realisasi: number | null }>();
  for (const { name, amounts } of group) {
    const emit = emitter(name, out);
    for (const { kode, setelah, realisasi, setelahAt, realisasiAt } of amounts) {
      const first = seen.get(kode.toLowerCase());
      if (!first) {
        seen.set(kode.toLowerCase(), { file: name, setelah, realisasi });
        continue;
      }
      if (setelah !== null && first.setelah !== null && !sameMoney(setelah, first.setelah)) {
        emit("R-XREF-01", "xref-pagu", setelahAt, { stated: setelah, expected: first.setelah, params: { kode, stated: fmtRp(setelah), expected: fmtRp(first.setelah), file: first.file } });
      }
      if (realisasi !== null && first.realisasi !== null && !sameMoney(realisasi, first.realisasi)) {
        emit("R-XREF-03", "xref-realisasi-anggaran", realisasiAt, { stated: realisasi, expected: first.realisasi, params: { kode, stated: fmtRp(realisasi), expected: fmtRp(first.realisasi), file: first.file } });
      }
    }
  }
}
