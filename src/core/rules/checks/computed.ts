/**
 * Every computed cell of the standard sheets against its column's formula: deleted (R-XL-01, R-EFF-04),
 * overwritten by a constant (R-XL-01) or edited (R-XL-02), showing an error (R-XL-05); and where a
 * value was typed, that value against what the formula gives (R-CAP, R-PEN, R-SISA, R-EFF, R-XREF,
 * R-LABEL, R-UNIT, R-NUM).
 */
import { a1, type Address } from "../../address";
import type { Location } from "../../findings";
import { parseAngka } from "../../numbers";
import { isPercentFormat } from "../../model/cell";
import type { ColumnSpec, TableSheetId } from "../../layouts";
import type { CapFormula, NumStyle, XrefSource } from "../../messages.id";
import { classifyLevelUnit } from "../units";
import { isBlankish, isUnknown, isXlError, sameText, valOf, type Val } from "../../xl";
import {
  asPercent,
  compareNumber,
  compareRatio,
  fmtNum,
  fmtPct,
  fmtRp,
  fmtStatedPct,
  fmtVal,
  meant,
  normLabel,
  num,
  sameMoney,
  text,
  type CheckContext,
  type Indicator,
} from "../context";


/** Rows whose computed cells are checked: rows with an indicator or a budget line, and rows with anything typed. */
function rowsInScope(ctx: CheckContext, id: TableSheetId): number[] {
  const t = ctx.model.table(id);
  const out: number[] = [];
  if (id === "realisasi" || id === "pk") {
    for (let r = t.firstRow; r < t.endRow; r++) if (t.hasInput(r)) out.push(r);
    return out;
  }
  for (let r = t.firstRow; r < t.endRow; r++) {
    const rowId = t.idOf(r);
    if ((rowId !== "" && ctx.pkIds.has(rowId.toLowerCase())) || t.hasContent(r)) out.push(r);
  }
  return out;
}

/** The text columns Capaian and Cost per Outcome mirror from the PK (named in messages.id.ts). */
export const TEXT_MIRRORS: Partial<Record<TableSheetId, ReadonlySet<string>>> = {
  capaian: new Set(["jabatan", "no", "sasaran", "indikator", "polaritas", "metode"]),
  cpo: new Set(["no", "level", "sasaran", "indikator", "kode"]),
};

export function checkComputedCells(ctx: CheckContext): void {
  const byCap = new Map<number, Indicator>();
  const byCpo = new Map<number, Indicator>();
  for (const i of ctx.indicators) {
    if (i.capRow !== undefined) byCap.set(i.capRow, i);
    if (i.cpoRow !== undefined) byCpo.set(i.cpoRow, i);
  }
  for (const id of ["pk", "capaian", "cpo", "realisasi"] as const) {
    const table = ctx.model.table(id);
    if (!table.present) continue;
    const columns = computedColumns(table.layout.columns);
    // a standard cell whose twin cannot give an error value has nothing to report: not computed here,
    // unless the row's ID is itself an error value, which the column's formula shows
    const errorFree = columns.map((col) => table.computedAt[col]?.errorFree === true);
    const keyCol = errorFree.includes(true) ? table.keyCol : -1;
    for (const row of rowsInScope(ctx, id)) {
      let rowHasError = false;
      const key = keyCol >= 0 ? ctx.model.valueAt(id, row, keyCol) : null;
      const keyError = isXlError(key) && !isUnknown(key) ? key : null;
      for (let c = 0; c < columns.length; c++) {
        const col = columns[c]!;
        // most cells hold their standard formula: nothing is allocated for them (no address, no closure)
        const status = table.status(row, col);
        if (status === "standard") {
          if (errorFree[c] && keyError === null) continue;
          const v = ctx.model.valueAt(id, row, col);
          if (!isXlError(v)) continue;
          if (!isUnknown(v) && !rowHasError) {
            // the ID's own error, shown through the lookup, is named as such
            const idCell = keyError !== null && v.error === keyError.error ? a1(row, keyCol) : undefined;
            ctx.emit("R-XL-05", "error-value", { sheet: table.sheet, row, col }, { stated: v.error, params: { stated: v.error, idCell } });
          }
          rowHasError = true;
          continue;
        }
        if (status !== "blank" && status !== "edited" && status !== "constant") continue;
        const ind = id === "capaian" ? byCap.get(row) : id === "cpo" ? byCpo.get(row) : undefined;
        checkNonStandard(ctx, id, row, col, status, ind);
      }
    }
  }
}

/** The computed columns of a layout, by index (asked for once per table, not per row). */
function computedColumns(columns: readonly ColumnSpec[]): number[] {
  const out: number[] = [];
  columns.forEach((c, j) => {
    if (c.role === "computed") out.push(j);
  });
  return out;
}

/** A computed cell that does not hold its standard formula: blank, edited or overwritten by a constant. */
function checkNonStandard(ctx: CheckContext, id: TableSheetId, row: number, col: number, status: "blank" | "edited" | "constant", ind: Indicator | undefined): void {
  const table = ctx.model.table(id);
  const address: Address = { sheet: table.sheet, row, col };
  const snap = table.snap(row, col);
  const expected = ctx.model.twinAt(id, row, col);
  const restore = () => ({ kind: "restore-formula" as const, at: address, formula: table.expectedFormula(row, col)! });
  const key = table.layout.columns[col]!.key;
  switch (status) {
    case "blank": {
      if (isBlankish(expected)) {
        ctx.emit("R-XL-01", "formula-missing", address, { fix: restore() });
      } else if (id === "cpo" && key === "efisiensi") {
        ctx.emit("R-EFF-04", "eff-empty", address, { expected: num(expected) ?? undefined, fix: restore() });
      } else if (id === "cpo" && key === "penyerapan") {
        ctx.emit("R-EFF-04", "pen-empty", address, { expected: num(expected) ?? undefined, fix: restore() });
      } else {
        ctx.emit("R-XL-01", "formula-missing", address, { expected: typeof expected === "number" ? expected : shown(expected, snap.numberFormat, true), fix: restore() });
      }
      return;
    }
    case "edited": {
      const fix = restore();
      ctx.emit("R-XL-02", "formula-edited", address, { stated: snap.formula!, expected: fix.formula, params: { stated: snap.formula!, expected: fix.formula }, fix });
      if (snap.value === null) return;
      break;
    }
    case "constant": {
      const stated = valOf(snap.value);
      const exp = isBlankish(expected) || isXlError(expected) ? undefined : shown(expected, snap.numberFormat, true);
      ctx.emit("R-XL-01", "formula-constant", address, {
        stated: typeof stated === "number" || typeof stated === "string" ? stated : String(stated),
        // the number itself, as every other rule gives it (the message shows it as the cell does)
        expected: exp !== undefined && typeof expected === "number" ? expected : exp,
        params: { stated: shown(stated, snap.numberFormat), expected: exp },
        fix: restore(),
      });
      break;
    }
  }
  statedAgainstFormula(ctx, id, row, key, address, valOf(snap.value), snap.numberFormat, expected, ind);
}

/** A value for a message, as its cell shows it; a computed one with the two decimals of a percent. */
function shown(v: Val, numberFormat: string, computed = false): string {
  if (typeof v === "number") {
    if (isPercentFormat(numberFormat)) return computed ? fmtPct(v) : fmtStatedPct(v);
    // a money column (#,##0) as every other rule shows an amount: Rp 7.089.003.733, not 7089003733
    return numberFormat.includes("#,##0") ? fmtRp(v) : fmtNum(v);
  }
  return fmtVal(v);
}

/** The number a stated value means: a number, or text that reads as one (then also a finding). */
function statedNumber(ctx: CheckContext, at: Address, stated: Val, kind: "money" | "ratio" | undefined, numberFormat: string): number | null {
  if (typeof stated === "number") return stated;
  if (typeof stated !== "string" || stated.trim() === "") return null;
  const r = parseAngka(stated, kind ? { kind } : {});
  if (!r.ok) {
    ctx.emit("R-XL-03", "text-in-number", at, { stated, params: { stated } });
    return null;
  }
  const value = r.percent || (kind === "ratio" && isPercentFormat(numberFormat)) ? r.value / 100 : r.value;
  const english = r.style === "en" && /,\d{3}/.test(stated);
  if (english || r.notes.some((n) => n.code === "hybrid-separators")) {
    ctx.emit("R-NUM-01", "num-separators", at, {
      stated,
      expected: value,
      params: { stated, style: (english ? "en" : "mixed") satisfies NumStyle, expected: kind === "money" ? fmtRp(value) : fmtNum(value) },
    });
  } else {
    ctx.emit("R-XL-03", "number-as-text", at, { stated, expected: value, params: { stated, expected: kind === "ratio" ? fmtPct(value) : kind === "money" ? fmtRp(value) : fmtNum(value) } });
  }
  return value;
}

/** The cell a mirrored column reads: the PK's (or Capaian's) cell of the row with the same ID. */
function sourceOf(ctx: CheckContext, id: TableSheetId, row: number, key: string): Location[] {
  const m = ctx.model;
  const idText = m.table(id).idOf(row);
  if (idText === "" || (id !== "capaian" && id !== "cpo")) return [];
  const fromCapaian = id === "cpo" && (key === "realisasi" || key === "capaian");
  const source = fromCapaian ? m.table("capaian") : m.table("pk");
  const r = source.rowOfId(idText);
  const col = source.layout.columns.findIndex((c) => c.key === key);
  return r === undefined || col < 0 ? [] : [{ kind: "cell", sheet: source.sheet, row: r, col }];
}

function statedAgainstFormula(
  ctx: CheckContext,
  id: TableSheetId,
  row: number,
  key: string,
  address: Address,
  stated: Val,
  numberFormat: string,
  expected: Val,
  ind: Indicator | undefined,
): void {
  const m = ctx.model;
  const idText = m.table(id).idOf(row);
  const related = sourceOf(ctx, id, row, key);
  const mirrors = TEXT_MIRRORS[id];
  if (mirrors?.has(key)) {
    const s = text(stated);
    const e = text(expected);
    // a row the PK does not have is reported once, as such (row-not-in-pk)
    if (e !== "" && normLabel(s) !== normLabel(e)) ctx.emit("R-LABEL-01", "label-differs", address, { stated: s, expected: e, params: { sheet: id, column: key, stated: s, expected: e, id: idText }, related });
    return;
  }
  if (id === "capaian" && key === "satuan") {
    const s = text(stated);
    const e = text(expected);
    if (normLabel(s) !== normLabel(e)) ctx.emit("R-CAP-03", "unit-differs", address, { stated: s, expected: e, params: { stated: s, expected: e }, related });
    return;
  }
  if (id === "capaian" && key === "predikat") {
    const s = text(stated);
    const e = text(expected);
    const c = num(m.value("capaian", row, "capaian"));
    if (e !== "" && normLabel(s) !== normLabel(e)) {
      ctx.emit("R-CAP-01", "predikat-mismatch", address, { stated: s, expected: e, params: { stated: s, expected: e, capaian: c === null ? "-" : fmtPct(c), skala: text(m.setting("skala")) || "kecamatan" } });
    }
    return;
  }

  const money = (id === "pk" && key === "anggaran") || (id === "cpo" && (key === "pagu" || key === "realisasiAnggaran")) || (id === "realisasi" && (key === "periode" || key === "sisa"));
  const ratio = (id === "capaian" && key === "capaian") || (id === "cpo" && (key === "capaian" || key === "penyerapan" || key === "efisiensi")) || (id === "realisasi" && key === "persen");
  const s = statedNumber(ctx, address, stated, money ? "money" : ratio ? "ratio" : undefined, numberFormat);
  if (s === null) return;
  const e = num(expected);

  if (money) {
    if (Math.abs(s - Math.round(s)) > 1e-9) ctx.emit("R-NUM-02", "num-sen", address, { stated: s, params: { stated: fmtRp(s) } });
    if (e === null || sameMoney(s, e)) return;
    const kode = id === "pk" ? text(m.value("pk", row, "kode")) : id === "cpo" ? text(m.value("cpo", row, "kode")) : text(m.value("realisasi", row, "kode"));
    const detail = { stated: s, expected: e, params: { kode, stated: fmtRp(s), expected: fmtRp(e) } };
    if (id === "realisasi" && key === "sisa") ctx.emit("R-SISA-01", "sisa-mismatch", address, { stated: s, expected: e, params: { stated: fmtRp(s), expected: fmtRp(e) } });
    else if (key === "anggaran" || key === "pagu") ctx.emit("R-XREF-01", "xref-pagu", address, detail);
    else if (key === "realisasiAnggaran") ctx.emit("R-XREF-03", "xref-realisasi-anggaran", address, detail);
    return;
  }

  if (ratio) {
    if (Math.abs(s) > 10) {
      const asFraction = s / 100;
      const fits = e === null ? true : compareRatio(asFraction, e) !== "mismatch";
      if (fits) {
        ctx.emit("R-UNIT-01", "ratio-as-percent-number", address, {
          stated: s,
          expected: asFraction,
          params: { stated: fmtNum(s), shown: fmtPct(s, 0), expected: fmtPct(asFraction) },
          fix: { kind: "set-number", at: address, value: asFraction, numberFormat: "0.00%" },
        });
        return;
      }
    }
    if (id === "cpo" && key === "efisiensi") return efisiensi(ctx, row, address, s);
    if (id === "cpo" && key === "capaian") return cpoCapaian(ctx, row, address, s, e, idText);
    if (id === "cpo" && key === "penyerapan") return penyerapan(ctx, row, address, s, "cpo");
    if (id === "realisasi" && key === "persen") return penyerapan(ctx, row, address, s, "realisasi");
    if (id === "capaian" && key === "capaian") return capaian(ctx, row, address, s, e);
    return;
  }

  // plain numbers mirrored from another sheet: target, realisasi
  if (e === null && isBlankish(expected)) {
    return;
  }
  if (e === null) return;
  if (compareNumber(s, e) !== "mismatch") return;
  if (id === "capaian" && key === "target" && ind && isPercentFormat(numberFormat) && classifyLevelUnit(ind.satuan) === "count") {
    ctx.emit("R-CAP-03", "unit-percent-target", address, { stated: s, expected: e, params: { stated: fmtStatedPct(s), expected: fmtNum(e), satuan: ind.satuan }, related });
    ctx.unitTrouble.add(ind.id.toLowerCase());
    return;
  }
  if (id === "cpo" && key === "realisasi") {
    const pen = num(m.value("cpo", row, "penyerapan"));
    if (pen !== null && (Math.abs(asPercent(pen) - s) < 0.01 || Math.abs(pen - s) < 1e-4)) {
      ctx.emit("R-XREF-02", "xref-kinerja-from-anggaran", address, { stated: s, expected: e, params: { stated: fmtNum(s), expected: fmtNum(e) } });
      return;
    }
  }
  const source: XrefSource = id === "pk" ? "pk-awal-perubahan" : key === "target" ? "pk" : id === "realisasi" ? "realisasi-tw" : id === "capaian" ? "capaian-tw" : "capaian";
  ctx.emit("R-XREF-02", "xref-value", address, { stated: s, expected: e, params: { column: key, stated: fmtNum(s), expected: fmtNum(e), source, id: idText }, related });
}

/**
 * A capaian typed where target and realisasi are in different units (already reported on them): only
 * compared with the unit-corrected ratio (× 100 or ÷ 100), for rounding. True when handled.
 */
function unitCorrected(ctx: CheckContext, idText: string, address: Address, s: number, e: number): boolean {
  if (!ctx.unitTrouble.has(idText.toLowerCase())) return false;
  for (const alt of [e * 100, e / 100]) {
    if (compareRatio(s, alt) === "ok_truncated") ctx.emit("R-CAP-02", "cap-truncated", address, { stated: s, expected: alt, params: { stated: fmtStatedPct(s), expected: fmtPct(alt) } });
  }
  return true;
}

/** Capaian typed in the Capaian sheet: against its own row's realisasi ÷ target (the twin). */
function capaian(ctx: CheckContext, row: number, address: Address, s: number, e: number | null): void {
  if (e === null) return;
  const m = ctx.model;
  const check = compareRatio(s, e);
  if (check === "ok") return;
  if (check === "mismatch" && unitCorrected(ctx, m.table("capaian").idOf(row), address, s, e)) return;
  if (check === "ok_truncated") {
    ctx.emit("R-CAP-02", "cap-truncated", address, { stated: s, expected: e, params: { stated: fmtStatedPct(s), expected: fmtPct(e) } });
    return;
  }
  const realisasi = num(m.value("capaian", row, "realisasi"));
  const target = num(m.value("capaian", row, "target"));
  if (s === 1 && e > 1) {
    ctx.emit("R-CAP-05", "cap-capped", address, { stated: s, expected: e, params: { expected: fmtPct(e) } });
    return;
  }
  // "5=4/5" applied literally: realisasi ÷ 5, read as a fraction or as percent points
  if (realisasi !== null && s !== 0 && (compareRatio(s, realisasi / 5) === "ok" || compareRatio(s, realisasi / 500) === "ok")) {
    ctx.emit("R-CAP-04", "cap-literal", address, { stated: s, expected: e, params: { stated: fmtStatedPct(s), expected: fmtPct(e) } });
    return;
  }
  const negative = text(m.value("capaian", row, "polaritas")).toLowerCase() === "negatif";
  // the formula the twin used: for a negative indicator, the one Pengaturan chose (2T-R or T/R)
  const formula: CapFormula = !negative ? "positif" : sameText(m.setting("rumusNegatif"), "T/R") ? "negatif-tr" : "negatif";
  ctx.emit("R-CAP-01", "cap-mismatch", address, {
    stated: s,
    expected: e,
    params: {
      stated: fmtStatedPct(s),
      expected: fmtPct(e),
      formula,
      realisasi: realisasi === null ? undefined : fmtNum(realisasi),
      target: target === null ? undefined : fmtNum(target),
    },
  });
}

/** Capaian typed in Cost per Outcome: against the row's own (5) ÷ (4), then against the Capaian sheet. */
function cpoCapaian(ctx: CheckContext, row: number, address: Address, s: number, mirrored: number | null, idText: string): void {
  const m = ctx.model;
  const t = meant(m.value("cpo", row, "target"));
  const r = meant(m.value("cpo", row, "realisasi"));
  if (t !== null && r !== null && t !== 0) {
    const own = r / t;
    const check = compareRatio(s, own);
    // the row's own target and realisasi are the Capaian sheet's: a ratio like 0,3% there means mixed units
    const implausible = Math.abs(own) < 0.02 || Math.abs(own) > 50;
    if (check === "mismatch" && implausible && unitCorrected(ctx, idText, address, s, own)) return;
    if (check === "ok_truncated") ctx.emit("R-CAP-02", "cap-truncated", address, { stated: s, expected: own, params: { stated: fmtStatedPct(s), expected: fmtPct(own) } });
    if (check === "mismatch") {
      if (s === 1 && own > 1) ctx.emit("R-CAP-05", "cap-capped", address, { stated: s, expected: own, params: { expected: fmtPct(own) } });
      else ctx.emit("R-CAP-01", "cap-mismatch", address, { stated: s, expected: own, params: { stated: fmtStatedPct(s), expected: fmtPct(own), formula: "cpo" satisfies CapFormula, realisasi: fmtNum(r), target: fmtNum(t) } });
      return;
    }
  }
  if (mirrored !== null && compareRatio(s, mirrored) === "mismatch") {
    ctx.emit("R-XREF-02", "xref-value", address, { stated: s, expected: mirrored, params: { column: "capaian", stated: fmtStatedPct(s), expected: fmtPct(mirrored), source: "capaian" satisfies XrefSource, id: idText }, related: sourceOf(ctx, "cpo", row, "capaian") });
  }
}

/** Penyerapan typed in Cost per Outcome (9) or Realisasi Anggaran (%): against the row's realisasi ÷ pagu. */
function penyerapan(ctx: CheckContext, row: number, address: Address, s: number, id: "cpo" | "realisasi"): void {
  const m = ctx.model;
  const pagu = meant(id === "cpo" ? m.value("cpo", row, "pagu") : m.value("realisasi", row, "setelah"), "money");
  const real = meant(id === "cpo" ? m.value("cpo", row, "realisasiAnggaran") : m.value("realisasi", row, "periode"), "money");
  if (pagu === null || real === null || pagu === 0) return;
  const e = real / pagu;
  const check = compareRatio(s, e);
  if (check === "ok") return;
  if (check === "ok_truncated") ctx.emit("R-CAP-02", "pen-truncated", address, { stated: s, expected: e, params: { stated: fmtStatedPct(s), expected: fmtPct(e) } });
  else ctx.emit("R-PEN-01", "pen-mismatch", address, { stated: s, expected: e, params: { stated: fmtStatedPct(s), expected: fmtPct(e), realisasi: fmtRp(real), pagu: fmtRp(pagu) } });
}

/** Efisiensi typed in Cost per Outcome (10): against (6) − (9) of the row's own cells. */
function efisiensi(ctx: CheckContext, row: number, address: Address, s: number): void {
  const m = ctx.model;
  const t = m.table("cpo");
  const pagu = meant(m.value("cpo", row, "pagu"), "money");
  const c = meant(m.value("cpo", row, "capaian"), "ratio");
  // a penyerapan the row's own amounts give, when the formula cannot (a pagu typed as text)
  const pTyped = meant(m.value("cpo", row, "penyerapan"), "ratio");
  const real = meant(m.value("cpo", row, "realisasiAnggaran"), "money");
  const p = pTyped ?? (pagu && real !== null ? real / pagu : null);
  if (pagu === null || pagu === 0 || c === null || p === null) {
    const lacking = pagu === null || pagu === 0 ? "pagu" : "capaian";
    ctx.emit("R-EFF-03", "eff-no-budget", address, { stated: s, params: { stated: fmtStatedPct(s), lacking } });
    return;
  }
  const e = c - p;
  const typedParts = t.status(row, t.col("capaian")) === "constant" || t.status(row, t.col("penyerapan")) === "constant";
  const check = compareRatio(s, e);
  if (check === "ok" || check === "ok_truncated" || (typedParts && Math.abs(s - e) <= 0.01 + 1e-12)) return;
  const params = { stated: fmtStatedPct(s), expected: fmtPct(e), capaian: fmtPct(c), penyerapan: fmtPct(p) };
  // an arithmetic slip: the sign flipped, (9) − (6), or (6) or (9) copied
  const slips: [number, "reversed" | "capaian" | "penyerapan"][] = [
    [-e, "reversed"],
    [c, "capaian"],
    [p, "penyerapan"],
  ];
  for (const [v, slip] of slips) {
    if (compareRatio(s, v) === "ok") {
      ctx.emit("R-EFF-01", "eff-mismatch", address, { stated: s, expected: e, params: { ...params, slip } });
      return;
    }
  }
  // percent minus fraction, or fraction minus percent
  // which of the two was taken as a percent
  const mixed: [number, "capaian" | "penyerapan"][] = [
    [asPercent(c) - p, "capaian"],
    [(asPercent(c) - p) / 100, "capaian"],
    [c - asPercent(p), "penyerapan"],
    [(c - asPercent(p)) / 100, "penyerapan"],
  ];
  for (const [v, inPercent] of mixed) {
    if (Math.abs(v - e) > 1e-9 && compareRatio(s, v) === "ok") {
      ctx.emit("R-EFF-02", "eff-mixed-units", address, { stated: s, expected: e, params: { stated: fmtStatedPct(s), expected: fmtPct(e), inPercent } });
      return;
    }
  }
  ctx.emit("R-EFF-03", "eff-unreproducible", address, { stated: s, expected: e, params });
}

