/**
 * Indicators against each other: the same indicator in two rows or two jabatan with a different
 * capaian or realisasi (R-XREF-02), and a "rata-rata" indicator against the mean of its components
 * (R-AVG-01). Components are the rows whose Induk is the rata-rata indicator's ID.
 */
import type { Location } from "../../findings";
import { TW_KEYS } from "../../layouts";
import { compareNumber, compareRatio, differsBothWays, fmtNum, fmtPct, normLabel, num, pushTo, type CheckContext, type Indicator } from "../context";
import { classifyLevelUnit } from "../units";

/**
 * One indicator whatever the report calls it: "Persentase Desa yang menetapkan LPPDes Tepat Waktu" and
 * "Jumlah desa yang menetapkan LPPdes tepat waktu" measure the same thing in two units.
 */
export function indicatorKey(indikator: string): string {
  return normLabel(indikator)
    .replace(/[.,;:()"'’]/g, " ")
    .replace(/^(rata-?\s*rata\s+)?(persentase|persentasi|prosentase|presentase|jumlah)\s+/, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function checkIndicators(ctx: CheckContext): void {
  sameIndicator(ctx);
  rataRata(ctx);
}

function sameIndicator(ctx: CheckContext): void {
  const m = ctx.model;
  const groups = new Map<string, Indicator[]>();
  for (const i of ctx.indicators) {
    if (i.indikator === "" || i.capRow === undefined) continue;
    const k = indicatorKey(i.indikator);
    if (k.length < 12) continue;
    pushTo(groups, k, i);
  }
  const cap = m.table("capaian");
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const first = group[0]!;
    const c0 = num(m.value("capaian", first.capRow!, "capaian"));
    const r0 = num(m.value("capaian", first.capRow!, "realisasi"));
    const t0 = num(m.value("capaian", first.capRow!, "target"));
    for (const other of group.slice(1)) {
      const related: Location[] = [{ kind: "cell", ...cap.at(first.capRow!, "capaian") }];
      const where = first.jabatan && first.jabatan !== other.jabatan ? `${first.jabatan} (${first.id})` : `baris ${first.id}`;
      const c = num(m.value("capaian", other.capRow!, "capaian"));
      if (c !== null && c0 !== null && differsBothWays(compareRatio, c, c0)) {
        // two targets are the cause: named as such, not as a capaian of six decimals
        const t = num(m.value("capaian", other.capRow!, "target"));
        if (t !== null && t0 !== null && differsBothWays(compareNumber, t, t0)) {
          ctx.emit("R-XREF-02", "xref-indikator", cap.at(other.capRow!, "target"), {
            stated: t,
            expected: t0,
            params: { indikator: other.indikator, other: where, what: "target", stated: fmtNum(t), expected: fmtNum(t0) },
            related: [{ kind: "cell", ...cap.at(first.capRow!, "target") }],
          });
          continue;
        }
        ctx.emit("R-XREF-02", "xref-indikator", cap.at(other.capRow!, "capaian"), {
          stated: c,
          expected: c0,
          params: { indikator: other.indikator, other: where, what: "capaian", stated: fmtPct(c), expected: fmtPct(c0) },
          related,
        });
        continue;
      }
      // same unit: the realisasi itself must agree (capaian may agree by accident of two targets)
      const r = num(m.value("capaian", other.capRow!, "realisasi"));
      const sameUnit = normLabel(first.satuan) === normLabel(other.satuan) && classifyLevelUnit(first.satuan) !== "none";
      if (sameUnit && r !== null && r0 !== null && differsBothWays(compareNumber, r, r0)) {
        ctx.emit("R-XREF-02", "xref-indikator", cap.at(other.capRow!, "realisasi"), {
          stated: r,
          expected: r0,
          params: { indikator: other.indikator, other: where, what: "realisasi", stated: fmtNum(r), expected: fmtNum(r0) },
          related: [{ kind: "cell", ...cap.at(first.capRow!, "realisasi") }],
        });
      }
    }
  }
}

function rataRata(ctx: CheckContext): void {
  const m = ctx.model;
  const cap = m.table("capaian");
  const byParent = new Map<string, Indicator[]>();
  for (const i of ctx.indicators) if (i.induk !== "") pushTo(byParent, i.induk.toLowerCase(), i);
  for (const parent of ctx.indicators) {
    if (!/^rata-?\s*rata\b/i.test(parent.indikator) || parent.capRow === undefined || parent.id === "") continue;
    const parts = (byParent.get(parent.id.toLowerCase()) ?? []).filter((k) => k.capRow !== undefined);
    if (parts.length < 2) continue;
    const values = parts.map((k) => num(m.value("capaian", k.capRow!, "realisasi")));
    if (values.some((v) => v === null)) continue;
    const mean = (values as number[]).reduce((a, b) => a + b, 0) / values.length;
    const stated = num(m.value("capaian", parent.capRow, "realisasi"));
    if (stated === null) continue;
    if (compareNumber(stated, mean) === "mismatch") {
      // the finding goes to the quarter the user typed, the one the period's realisasi comes from
      let col: (typeof TW_KEYS)[number] = TW_KEYS[ctx.period.tw - 1]!;
      for (let i = ctx.period.tw - 1; i >= 0; i--) {
        const v = cap.cell(parent.capRow, TW_KEYS[i]!).value;
        if (v !== null && v !== "") {
          col = TW_KEYS[i]!;
          break;
        }
      }
      const percent = parts.every((k) => classifyLevelUnit(k.satuan) === "level") && Math.abs(mean) <= 1.5;
      const show = (x: number) => (percent ? fmtPct(x) : fmtNum(x));
      ctx.emit("R-AVG-01", "avg-mismatch", cap.at(parent.capRow, col), {
        stated,
        expected: mean,
        params: { stated: show(stated), expected: show(mean), count: parts.length, parts: (values as number[]).map(show).join("; ") },
        related: parts.map((k): Location => ({ kind: "cell", ...cap.at(k.capRow!, "realisasi") })),
      });
    }
  }
}
