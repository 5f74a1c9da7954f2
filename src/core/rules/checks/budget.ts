/**
 * Money: realisasi above pagu (R-PEN-02), parents against the sum of their children (R-SUM-01),
 * Realisasi Anggaran against the imported SIPD rows (R-XREF-01/03, R-KODE-04), the SIPD rows' own
 * identities where they stand in Rincian SIPD, and the period of the import (R-PERIOD-01).
 */
import type { Address } from "../../address";
import { cellAt, type Location } from "../../findings";
import { MONTH_NAMES, monthOf, type LraParseSuccess, type LraTotals } from "../../sipd";
import { ARRAY_LAST_ROW, PERIODS, TW_KEYS, type SheetKeys } from "../../layouts";
import { rincianCol } from "../../layouts/rincian";
import { isXlError } from "../../xl";
import { fmtPct, fmtRp, meant, normLabel, num, pushTo, sameMoney, text, type CheckContext, type Indicator, type PeriodInfo } from "../context";
import { KODE_NOTATION, kodeLevel } from "./inputs";

const RA_AMOUNTS = ["sebelum", "setelah", "sdBulan", "tw1", "tw2", "tw3", "tw4"] as const satisfies readonly SheetKeys["realisasi"][];

export function checkBudget(ctx: CheckContext): void {
  overPagu(ctx);
  realisasiAnggaranSums(ctx);
  childrenSums(ctx);
  const lra = rincianParse(ctx);
  if (lra) againstSipd(ctx, lra);
  period(ctx);
}

/** Realisasi above pagu, in Realisasi Anggaran (per period) and in Cost per Outcome. */
function overPagu(ctx: CheckContext): void {
  const m = ctx.model;
  const ra = m.table("realisasi");
  for (const r of ra.rows()) {
    if (!ra.hasInput(r)) continue;
    const pagu = num(m.value("realisasi", r, "setelah"));
    const real = num(m.value("realisasi", r, "periode"));
    if (pagu === null || real === null || real <= pagu) continue;
    const at = ra.at(r, TW_KEYS[ctx.period.tw - 1]!);
    const where = ra.status(r, ra.col("periode")) === "standard" ? at : ra.at(r, "periode");
    ctx.emit("R-PEN-02", "pen-over", where, { stated: real, expected: pagu, params: { stated: fmtRp(real), expected: fmtRp(pagu), persen: pagu === 0 ? undefined : fmtPct(real / pagu) } });
  }
  const cpo = m.table("cpo");
  for (const ind of ctx.indicators) {
    if (ind.cpoRow === undefined) continue;
    const r = ind.cpoRow;
    const pagu = num(m.value("cpo", r, "pagu"));
    const real = num(m.value("cpo", r, "realisasiAnggaran"));
    // a computed realisasi above pagu is the Realisasi Anggaran row's finding already
    if (pagu === null || real === null || real <= pagu || cpo.status(r, cpo.col("realisasiAnggaran")) === "standard") continue;
    ctx.emit("R-PEN-02", "pen-over", cpo.at(r, "realisasiAnggaran"), { stated: real, expected: pagu, params: { stated: fmtRp(real), expected: fmtRp(pagu), persen: pagu === 0 ? undefined : fmtPct(real / pagu) } });
  }
}

/** A program or kegiatan row typed in Realisasi Anggaran against the sub kegiatan rows under its kode. */
function realisasiAnggaranSums(ctx: CheckContext): void {
  const m = ctx.model;
  const ra = m.table("realisasi");
  const subsUnder = new Map<string, number[]>();
  const parents: { row: number; kode: string; level: string }[] = [];
  for (const r of ra.rows()) {
    const kode = text(m.value("realisasi", r, "kode"));
    const level = kodeLevel(kode);
    if (!level) continue;
    if (level === "Sub Kegiatan") {
      const k = kode.toLowerCase();
      for (let i = k.indexOf("."); i >= 0; i = k.indexOf(".", i + 1)) {
        const p = k.slice(0, i);
        pushTo(subsUnder, p, r);
      }
    } else parents.push({ row: r, kode, level });
  }
  for (const p of parents) {
    const subs = subsUnder.get(p.kode.toLowerCase());
    if (!subs) continue;
    for (const key of RA_AMOUNTS) {
      const stated = num(m.value("realisasi", p.row, key));
      if (stated === null) continue;
      const values = subs.map((r) => num(m.value("realisasi", r, key))).filter((v): v is number => v !== null);
      if (values.length === 0) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      if (sameMoney(stated, sum)) continue;
      ctx.emit("R-SUM-01", "sum-mismatch", ra.at(p.row, key), {
        stated,
        expected: sum,
        params: { column: key, level: p.level, name: p.kode, stated: fmtRp(stated), expected: fmtRp(sum), count: values.length },
        related: subs.slice(0, 20).map((r): Location => ({ kind: "cell", ...ra.at(r, key) })),
      });
    }
  }
}

/**
 * A row with children by Induk: its pagu and realisasi against the sum of theirs, in Cost per Outcome.
 * And within a jabatan that uses Induk for its budget: a row with a pagu at the children's level that
 * has no Induk, and a row at the parents' level that has a pagu but no children — the totals of the
 * two levels cannot agree.
 */
function childrenSums(ctx: CheckContext): void {
  orphans(ctx);
  const m = ctx.model;
  const cpo = m.table("cpo");
  let lastKodeRow: number | undefined;
  const children = new Map<string, Indicator[]>();
  for (const i of ctx.indicators) if (i.induk !== "" && i.induk.toLowerCase() !== i.id.toLowerCase()) pushTo(children, i.induk.toLowerCase(), i);
  for (const parent of ctx.indicators) {
    const kids = children.get(parent.id.toLowerCase());
    if (!kids || parent.cpoRow === undefined || parent.id === "") continue;
    // where every child's kode lies under the parent's, the amounts belong to the kode (checked against
    // Realisasi Anggaran by R-XREF): a jabatan's table lists only the kegiatan it owns, and is not wrong
    if (KODE_NOTATION.test(parent.kode) && kids.every((k) => k.kode.toLowerCase().startsWith(parent.kode.toLowerCase() + "."))) continue;
    for (const key of ["pagu", "realisasiAnggaran"] as const satisfies readonly SheetKeys["cpo"][]) {
      const stated = num(m.value("cpo", parent.cpoRow, key));
      if (stated === null) continue;
      const withValue = kids.filter((k) => k.cpoRow !== undefined && num(m.value("cpo", k.cpoRow, key)) !== null);
      // indicators without a budget of their own (the components of a rata-rata) are not budget children
      if (withValue.length === 0) continue;
      const sum = withValue.reduce((a, k) => a + num(m.value("cpo", k.cpoRow!, key))!, 0);
      if (sameMoney(stated, sum)) continue;
      const missing = kids.length - withValue.length;
      // a sasaran's own sum (its standard formula, no kode) reads Realisasi Anggaran only so far
      const lastKode = parent.kode === "" && cpo.status(parent.cpoRow, cpo.col(key)) === "standard" ? (lastKodeRow ??= lastKodeRowOf(ctx)) : 0;
      ctx.emit("R-SUM-01", "sum-children", cpo.at(parent.cpoRow, key), {
        stated,
        expected: sum,
        params: {
          column: key,
          name: parent.sasaran || parent.id,
          stated: fmtRp(stated),
          expected: fmtRp(sum),
          count: withValue.length,
          id: parent.id,
          missing: missing > 0 ? missing : undefined,
          // past the bound: the last row with a kode, and the bound
          lastKode: lastKode > ARRAY_LAST_ROW.realisasi ? lastKode : undefined,
          boundRow: ARRAY_LAST_ROW.realisasi,
        },
        related: withValue.map((k): Location => ({ kind: "cell", ...cpo.at(k.cpoRow!, key) })),
      });
    }
  }
}

/** The Rincian SIPD rows read by the parser; their findings placed on their cells. */
function rincianParse(ctx: CheckContext): LraParseSuccess | null {
  const rincian = ctx.model.rincian;
  if (!rincian) return null;
  const parsed = rincian.parse();
  if (!parsed.ok) {
    // the sheet is there but holds no LRA the parser can read (its kode column overwritten, its rows
    // deleted): Realisasi Anggaran cannot be held against SIPD, and the user is told so
    const found = parsed.found;
    const reason = (found?.kodeLines ?? 0) > 0 ? "unreadable" : "no-kode";
    ctx.emit("R-XREF-01", "xref-sipd-unreadable", rincian.at(rincian.firstRow, "kode"), { params: { reason, dataRows: found?.dataRows, kodeLines: found?.kodeLines } });
    return null;
  }
  const temuan = rincianCol("temuan");
  for (const f of parsed.findings) {
    // the header lines are the sheet's title, rebuilt for the parser
    if (f.at.line <= 3 && f.code === "sipd-header-missing") continue;
    const row = f.at.line - 1;
    const recorded = rincian.snap(row, temuan).value;
    // what SIPD's own export carried was shown at import and is in the Temuan column: kept as info
    const inherited = typeof recorded === "string" && recorded.includes(f.rule);
    const at: Address = rincian.at(row, f.at.column as never);
    const related = f.related?.map((l): Location => (l.kind === "line" ? cellAt(rincian.at(l.line - 1, "kode")) : l));
    ctx.emit(f.rule as "R-SUM-01", f.code as "sipd-rollup", at, {
      ...(f.stated !== undefined ? { stated: f.stated } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      params: inherited ? { ...f.params, importNoted: 1 } : f.params,
      ...(related ? { related } : {}),
      severity: inherited ? "info" : f.severity,
    });
  }
  return parsed;
}

/** The imported rows' totals by kode (program, kegiatan, sub kegiatan; lower case). */
export function sipdTotalsByKode(lra: LraParseSuccess): Map<string, LraTotals> {
  const byNotation = new Map<string, LraTotals>();
  for (const p of lra.programs) byNotation.set(p.notation.toLowerCase(), p.totals);
  for (const k of lra.kegiatan) byNotation.set(k.notation.toLowerCase(), k.totals);
  for (const s of lra.subKegiatan) byNotation.set(s.notation.toLowerCase(), s.totals);
  return byNotation;
}

/** The Realisasi Anggaran column the import's realisasi s/d is held against: the quarter its month ends, or none. */
export function sipdQuarterKey(month: { quarterEnd: boolean; triwulan: number } | null | undefined): (typeof TW_KEYS)[number] | null {
  return month?.quarterEnd ? TW_KEYS[month.triwulan - 1]! : null;
}

/** Realisasi Anggaran against the imported rows: pagu and the realisasi of the import's month; kode SIPD does not have. */
function againstSipd(ctx: CheckContext, lra: LraParseSuccess): void {
  const m = ctx.model;
  const ra = m.table("realisasi");
  const byNotation = sipdTotalsByKode(lra);
  const month = m.rincian!.meta.bulan;
  // the month as data ("Juni 2024"); none when the header does not say (the catalogue says "terakhir")
  const bulan = month ? `${MONTH_NAMES[month.number - 1]} ${m.rincian!.meta.tahun ?? ""}`.trim() : undefined;
  const twKey = sipdQuarterKey(month);
  for (const r of ra.rows()) {
    const kode = text(m.value("realisasi", r, "kode"));
    if (!KODE_NOTATION.test(kode)) continue;
    const totals = byNotation.get(kode.toLowerCase());
    if (!totals) {
      ctx.emit("R-KODE-04", "kode-not-in-sipd", ra.at(r, "kode"), { stated: kode, params: { stated: kode, bulan } });
      continue;
    }
    const pairs: [SheetKeys["realisasi"], number | null, "R-XREF-01" | "R-XREF-03"][] = [
      ["setelah", totals.anggaranSetelah, "R-XREF-01"],
      ["sebelum", totals.anggaranSebelum, "R-XREF-01"],
    ];
    if (twKey) pairs.push([twKey, totals.realisasiSd, "R-XREF-03"]);
    const label = text(m.value("realisasi", r, "bulan"));
    if (month && monthOf(label.split(/\s+/)[0] ?? "")?.number === month.number) pairs.push(["sdBulan", totals.realisasiSd, "R-XREF-03"]);
    for (const [key, sipd, rule] of pairs) {
      const have = num(m.value("realisasi", r, key));
      if (have === null || sipd === null || sameMoney(have, sipd)) continue;
      if (rule === "R-XREF-01") ctx.emit(rule, "xref-sipd-pagu", ra.at(r, key), { stated: have, expected: sipd, params: { kode, stated: fmtRp(have), expected: fmtRp(sipd), bulan } });
      else ctx.emit(rule, "xref-sipd-realisasi", ra.at(r, key), { stated: have, expected: sipd, params: { kode, column: key, stated: fmtRp(have), expected: fmtRp(sipd), bulan } });
    }
  }
}

/** Pengaturan's tahun and periode, the year and month of the import and of Realisasi Anggaran's labels. */
function period(ctx: CheckContext): void {
  const m = ctx.model;
  const p = ctx.period;
  const tahunCell = m.settingCell("tahun");
  const periodeCell = m.settingCell("periode");
  if (tahunCell && p.tahun === null) {
    const v = m.setting("tahun");
    // "2024" typed as text: the formulas read no year from it, though it looks right in the cell
    const asText = typeof v === "string" && /^\s*\d{4}\s*$/.test(v);
    ctx.emit("R-PERIOD-01", "period-settings", tahunCell.at, { stated: text(v), params: { setting: asText ? "tahun-text" : "tahun", stated: isXlError(v) ? v.error : text(v) } });
  }
  if (periodeCell && p.periode === null) {
    const v = m.setting("periode");
    ctx.emit("R-PERIOD-01", "period-settings", periodeCell.at, { stated: text(v), params: { setting: "periode", stated: isXlError(v) ? v.error : text(v), choices: PERIODS.join(", ") } });
  }
  const rincian = m.rincian;
  if (rincian && rincian.meta.tahun !== null) {
    const title: Address = { sheet: rincian.sheet, row: 0, col: 0 };
    if (p.tahun !== null && rincian.meta.tahun !== p.tahun) {
      ctx.emit("R-PERIOD-01", "period-sipd-year", title, { stated: rincian.meta.tahun, expected: p.tahun, params: { stated: rincian.meta.tahun, expected: p.tahun } });
    } else sipdOlderThan(ctx, p);
  }
  if (p.tahun === null) return;
  const ra = m.table("realisasi");
  const seen = new Set<string>();
  for (const r of ra.rows()) {
    const label = text(m.value("realisasi", r, "bulan"));
    if (label === "" || seen.has(label)) continue;
    seen.add(label);
    const year = /(\d{4})\s*$/.exec(label)?.[1];
    if (year && Number(year) !== p.tahun) ctx.emit("R-PERIOD-01", "period-bulan-year", ra.at(r, "bulan"), { stated: label, expected: p.tahun, params: { stated: label, expected: p.tahun } });
  }
}

/** An SIPD import (of the right year) whose month is before the last month period `p` needs. */
export function sipdOlderThan(ctx: CheckContext, p: PeriodInfo): void {
  const rincian = ctx.model.rincian;
  const month = rincian?.meta.bulan;
  if (!rincian || !month || month.number >= p.endMonth) return;
  const name = MONTH_NAMES[month.number - 1]!;
  const expected = MONTH_NAMES[p.endMonth - 1]!;
  ctx.emit("R-PERIOD-01", "period-sipd-old", { sheet: rincian.sheet, row: 0, col: 0 }, { stated: name, expected, params: { stated: name, expected, periode: p.periode ?? undefined, periodTw: p.tw } });
}

/** The sheet row (1-based) of the last Realisasi Anggaran row with a kode; 0 when none. */
function lastKodeRowOf(ctx: CheckContext): number {
  const ra = ctx.model.table("realisasi");
  for (let r = ra.endRow - 1; r >= ra.firstRow; r--) if (text(ctx.model.value("realisasi", r, "kode")) !== "") return r + 1;
  return 0;
}

function orphans(ctx: CheckContext): void {
  const m = ctx.model;
  const cpo = m.table("cpo");
  const byId = new Map(ctx.indicators.filter((i) => i.id !== "").map((i) => [i.id.toLowerCase(), i]));
  const pagu = (i: Indicator) => (i.cpoRow === undefined ? null : meant(m.value("cpo", i.cpoRow, "pagu"), "money"));
  const byJabatan = new Map<string, Indicator[]>();
  for (const i of ctx.indicators) pushTo(byJabatan, normLabel(i.jabatan), i);
  for (const [jabatan, rows] of byJabatan) {
    // budget links within the jabatan: a child with a pagu under a parent of the same jabatan
    // (a component of a rata-rata indicator is a link of indicators, not of budgets: its parent has no pagu);
    // the parent's jabatan is compared, not searched for among the rows (quadratic in a large jabatan)
    const links = rows.filter((c) => {
      const parent = c.induk === "" ? undefined : byId.get(c.induk.toLowerCase());
      return parent !== undefined && normLabel(parent.jabatan) === jabatan && pagu(c) !== null && pagu(parent) !== null;
    });
    if (links.length === 0) continue;
    const childLevels = new Set(links.map((c) => normLabel(c.level)));
    const parents = new Set(links.map((c) => c.induk.toLowerCase()));
    const parentLevels = new Set([...parents].map((p) => normLabel(byId.get(p)!.level)));
    for (const r of rows) {
      const p = pagu(r);
      if (p === null || r.cpoRow === undefined) continue;
      const level = normLabel(r.level);
      if (childLevels.has(level) && r.induk === "" && !parentLevels.has(level)) {
        ctx.emit("R-SUM-01", "sum-unattached", cpo.at(r.cpoRow, "pagu"), { stated: p, params: { level: r.level, name: r.sasaran || r.id, stated: fmtRp(p) } });
      } else if (parentLevels.has(level) && !parents.has(r.id.toLowerCase()) && !childLevels.has(level)) {
        ctx.emit("R-SUM-01", "sum-no-children", cpo.at(r.cpoRow, "pagu"), { stated: p, params: { level: r.level, name: r.sasaran || r.id, stated: fmtRp(p), id: r.id } });
      }
    }
  }
}
