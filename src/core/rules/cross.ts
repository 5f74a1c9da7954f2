/**
 * Checks across the workbooks of one unit (a reviewer's folder: one file per jabatan, or one per
 * quarter's draft): the same indicator with a different capaian, and the same kode with a different
 * pagu or realisasi (R-XREF-01/02/03). Workbooks are of one unit when Pengaturan gives the same unit
 * kerja, tahun and periode.
 */
import { cellAt, type Finding, type Location } from "../findings";
import { TW_KEYS } from "../layouts";
import type { WorkbookModel } from "../model/workbook-model";
import { compareRatio, fmtRp, fmtStatedPct, indicatorsOf, makeEmit, normLabel, num, periodInfo, pushTo, sameMoney, text, type Emit } from "./context";
import { indicatorKey } from "./checks/indicators";
import { KODE_NOTATION } from "./checks/inputs";

export interface NamedModel {
  /** The file name the reviewer knows the workbook by. */
  name: string;
  model: WorkbookModel;
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

export function crossValidate(models: readonly NamedModel[]): CrossFinding[] {
  const out: CrossFinding[] = [];
  const groups = new Map<string, NamedModel[]>();
  for (const m of models) {
    const k = unitKey(m.model);
    if (k) pushTo(groups, k, m);
  }
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

function indicatorsAcross(group: readonly NamedModel[], out: CrossFinding[]): void {
  const seen = new Map<string, { file: string; model: WorkbookModel; row: number; jabatan: string; capaian: number }>();
  for (const { name, model } of group) {
    const emit = emitter(name, out);
    const cap = model.table("capaian");
    const local = new Set<string>();
    for (const ind of indicatorsOf(model)) {
      if (ind.indikator === "" || ind.capRow === undefined) continue;
      const key = indicatorKey(ind.indikator);
      if (key.length < 12 || local.has(key)) continue;
      local.add(key);
      const c = num(model.value("capaian", ind.capRow, "capaian"));
      if (c === null) continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { file: name, model, row: ind.capRow, jabatan: ind.jabatan, capaian: c });
        continue;
      }
      if (compareRatio(c, first.capaian) === "mismatch" && compareRatio(first.capaian, c) === "mismatch") {
        const related: Location[] = [cellAt(first.model.table("capaian").at(first.row, "capaian"))];
        emit("R-XREF-02", "xref-indikator", cap.at(ind.capRow, "capaian"), {
          stated: c,
          expected: first.capaian,
          params: { indikator: ind.indikator, other: `${first.file}${first.jabatan ? ` (${first.jabatan})` : ""}`, what: "capaian", stated: fmtStatedPct(c), expected: fmtStatedPct(first.capaian) },
          related,
        });
      }
    }
  }
}

function amountsAcross(group: readonly NamedModel[], out: CrossFinding[]): void {
  const seen = new Map<string, { file: string; setelah: number | null; realisasi: number | null }>();
  for (const { name, model } of group) {
    const emit = emitter(name, out);
    const ra = model.table("realisasi");
    const tw = TW_KEYS[periodInfo(model).tw - 1]!;
    for (const r of ra.rows()) {
      const kode = text(model.value("realisasi", r, "kode"));
      if (!KODE_NOTATION.test(kode)) continue;
      const setelah = num(model.value("realisasi", r, "setelah"));
      const realisasi = num(model.value("realisasi", r, tw));
      const first = seen.get(kode.toLowerCase());
      if (!first) {
        seen.set(kode.toLowerCase(), { file: name, setelah, realisasi });
        continue;
      }
      if (setelah !== null && first.setelah !== null && !sameMoney(setelah, first.setelah)) {
        emit("R-XREF-01", "xref-pagu", ra.at(r, "setelah"), { stated: setelah, expected: first.setelah, params: { kode, stated: fmtRp(setelah), expected: fmtRp(first.setelah), file: first.file } });
      }
      if (realisasi !== null && first.realisasi !== null && !sameMoney(realisasi, first.realisasi)) {
        emit("R-XREF-03", "xref-realisasi-anggaran", ra.at(r, tw), { stated: realisasi, expected: first.realisasi, params: { kode, stated: fmtRp(realisasi), expected: fmtRp(first.realisasi), file: first.file } });
      }
    }
  }
}
