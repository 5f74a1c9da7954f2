/**
 * What the user typed in the input columns: numbers stored as text (R-XL-03, R-NUM-01), units and
 * percents (R-CAP-03, R-UNIT-01), a 0 for an unmeasured quarter and quarters past the period
 * (R-AVG-01, R-PERIOD-01), what a reportable indicator needs (R-REP-01), IDs and Induk (R-REP-02),
 * kode (R-KODE-01…03) and the numbering of sasaran (R-NUMBERING-01).
 */
import type { Address } from "../../address";
import { parseAngka } from "../../numbers";
import { isPercentFormat } from "../../model/cell";
import { KODE_SEMUA, METODE, POLARITAS, TW_KEYS, type TableSheetId } from "../../layouts";
import type { NumStyle } from "../../messages.id";
import { sameText, valOf, type Val } from "../../xl";
import { classifyLevelUnit, namesAPercentage } from "../units";
import { asPercent, fmtNum, fmtPct, fmtRp, fmtStatedPct, normLabel, num, pushTo, text, type CheckContext, type Indicator, type PeriodInfo } from "../context";

/** The characters Excel's MATCH, COUNTIFS and SUMIFS read as a pattern in text they look for. */
const WILDCARD = /[*?~]/;

/** A kode of a program (7.01.01), kegiatan (7.01.01.2.01) or sub kegiatan (7.01.01.2.01.0001). */
export const KODE_NOTATION = /^\d{1,2}\.\d{2}\.\d{2}(\.\d\.\d{2}(\.\d{4})?)?$/;

/** The level a well-formed kode names. */
export function kodeLevel(kode: string): "Program" | "Kegiatan" | "Sub Kegiatan" | null {
  if (!KODE_NOTATION.test(kode)) return null;
  // the notation has 2, 4 or 5 dots: counted, not split (asked for every row of two sheets)
  let dots = 0;
  for (let i = kode.indexOf("."); i >= 0; i = kode.indexOf(".", i + 1)) dots++;
  return dots === 2 ? "Program" : dots === 4 ? "Kegiatan" : "Sub Kegiatan";
}

/** A number input that holds text: read it, say so, and offer the number when the reading is certain. */
function numberInput(ctx: CheckContext, table: TableSheetId, row: number, col: number, kind: "money" | "count" | undefined, percentAllowed: boolean): void {
  const t = ctx.model.table(table);
  const snap = t.snap(row, col);
  // a logical: Excel's COUNT and ISNUMBER skip it, LibreOffice's count it as 1 or 0
  if (snap.formula === null && typeof snap.value === "boolean") {
    const stated = snap.value ? "TRUE" : "FALSE";
    ctx.emit("R-XL-03", "logical-in-number", { sheet: t.sheet, row, col }, { stated, params: { stated, asNumber: snap.value ? 1 : 0 } });
    return;
  }
  // most inputs hold a number or nothing: no address is built for them
  if (snap.formula !== null || typeof snap.value !== "string" || snap.value.trim() === "") return;
  const at: Address = { sheet: t.sheet, row, col };
  const raw = snap.value;
  const r = parseAngka(raw, kind ? { kind } : {});
  if (!r.ok) {
    if (r.reason === "dash" || r.reason === "empty") return;
    ctx.emit("R-XL-03", "text-in-number", at, { stated: raw, params: { stated: raw } });
    return;
  }
  const english = r.style === "en" && /,\d{3}/.test(raw);
  if (english || r.notes.some((n) => n.code === "hybrid-separators")) {
    ctx.emit("R-NUM-01", "num-separators", at, {
      stated: raw,
      expected: r.value,
      params: { stated: raw, style: (english ? "en" : "mixed") satisfies NumStyle, expected: kind === "money" ? fmtRp(r.value) : fmtNum(r.value) },
      fix: { kind: "set-number", at, value: r.value, numberFormat: snap.numberFormat === "@" ? "General" : snap.numberFormat },
    });
    return;
  }
  // a unit word belongs in the Satuan column; the fix keeps only the number when it is plain
  const value = r.percent && !percentAllowed ? r.value : r.percent ? r.value / 100 : r.value;
  const certain = !r.unit && (!r.percent || !percentAllowed);
  ctx.emit("R-XL-03", "number-as-text", at, {
    stated: raw,
    expected: value,
    params: { stated: raw, expected: r.percent && percentAllowed ? fmtPct(value) : kind === "money" ? fmtRp(value) : fmtNum(value) },
    ...(certain ? { fix: { kind: "set-number" as const, at, value, numberFormat: snap.numberFormat === "@" ? "General" : snap.numberFormat } } : {}),
  });
}

/**
 * The rows whose Induk leads back to their own ID, with the IDs on the way (the row's own first and
 * last). A row's Induk is read as the other sheets read it: the first row with that ID (any case).
 * Every row has at most one Induk, so a walk up from each row not yet seen either ends, meets a row an
 * earlier walk finished, or meets itself — a cycle, known then for all its rows. Walking up from every
 * row separately took seconds on a long chain (10 000 rows each one below the last).
 */
export function indukCyclePaths(indicators: readonly Indicator[], firstById: ReadonlyMap<string, Indicator>): Map<Indicator, IdPath> {
  const parentOf = (key: string): string | undefined => {
    const row = firstById.get(key);
    if (!row || row.induk === "") return undefined;
    const p = row.induk.toLowerCase();
    return firstById.has(p) ? p : undefined;
  };
  // by ID: the cycle's IDs as written, and where each stands in it
  const cycles = new Map<string, { ids: string[]; at: Map<string, number> }>();
  const done = new Set<string>();
  for (const start of firstById.keys()) {
    if (done.has(start)) continue;
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    let k: string | undefined = start;
    while (k !== undefined && !done.has(k) && !onWalk.has(k)) {
      onWalk.set(k, walk.length);
      walk.push(k);
      k = parentOf(k);
    }
    if (k !== undefined && onWalk.has(k)) {
      const keys = walk.slice(onWalk.get(k)!);
      const cycle = { ids: keys.map((x) => firstById.get(x)!.id), at: new Map(keys.map((x, i) => [x, i])) };
      for (const x of keys) cycles.set(x, cycle);
    }
    for (const x of walk) done.add(x);
  }
  let upward: Upward | null = null;
  const out = new Map<Indicator, IdPath>();
  for (const ind of indicators) {
    if (ind.induk === "") continue;
    const up = ind.induk.toLowerCase();
    if (!firstById.has(up)) continue;
    const key = ind.id.toLowerCase();
    const first = firstById.get(key);
    if (first === ind) {
      const cycle = cycles.get(key);
      if (!cycle) continue;
      // not spelled out per row: a cycle through a whole sheet would be a path of every ID for every row
      const i = cycle.at.get(key)!;
      const ids = cycle.ids;
      out.set(ind, { length: ids.length + 1, id: (k) => (k === 0 ? ind.id : ids[(i + k) % ids.length]!) });
      continue;
    }
    // a second row with a taken ID (reported as such): its Induk leads up to the row its ID belongs to,
    // which must have an Induk itself; found by where the two stand, not by a walk per row (thousands
    // of such rows over one long chain were a walk of the chain each)
    if (!first || first.induk === "") continue;
    upward ??= new Upward(firstById, parentOf, cycles);
    const steps = upward.distance(up, key);
    if (steps === null) continue;
    const on: string[] = [];
    out.set(ind, {
      length: steps + 2,
      id: (k) => {
        if (k === 0) return ind.id;
        // the IDs on the way, walked as far as asked for (a message shows the first few and the last)
        for (let x = on.length ? parentOf(on[on.length - 1]!)! : up; on.length < k; x = parentOf(x)!) on.push(x);
        return firstById.get(on[k - 1]!)!.id;
      },
    });
  }
  return out;
}

/**
 * Where each ID stands on the Induk graph (each ID one Induk: chains that end, or run into a cycle):
 * its distance to where its chain ends or enters a cycle, and its place in a walk of the chains turned
 * round, so that whether one ID lies on the way up from another is two comparisons.
 */
class Upward {
  private readonly depth = new Map<string, number>();
  /** the cycle a chain runs into, by the ID where it enters */
  private readonly entry = new Map<string, string>();
  private readonly enter = new Map<string, number>();
  private readonly exit = new Map<string, number>();

  constructor(
    firstById: ReadonlyMap<string, Indicator>,
    parentOf: (key: string) => string | undefined,
    private readonly cycles: ReadonlyMap<string, { ids: string[]; at: Map<string, number> }>,
  ) {
    const below = new Map<string, string[]>();
    const tops: string[] = [];
    for (const k of firstById.keys()) {
      const up = cycles.has(k) ? undefined : parentOf(k);
      if (up === undefined) tops.push(k);
      else pushTo(below, up, k);
    }
    // the chains turned round, from where each ends (or enters its cycle) down: depth and walk order
    let clock = 0;
    for (const top of tops) {
      const stack: [string, number][] = [[top, 0]];
      this.depth.set(top, 0);
      this.entry.set(top, top);
      this.enter.set(top, clock++);
      while (stack.length) {
        const frame = stack[stack.length - 1]!;
        const kids = below.get(frame[0]) ?? [];
        if (frame[1] < kids.length) {
          const kid = kids[frame[1]++]!;
          this.depth.set(kid, this.depth.get(frame[0])! + 1);
          this.entry.set(kid, this.entry.get(frame[0])!);
          this.enter.set(kid, clock++);
          stack.push([kid, 0]);
        } else {
          this.exit.set(frame[0], clock++);
          stack.pop();
        }
      }
    }
  }

  /** Steps up from `from` to `to`, or null when `to` is not on the way up. */
  distance(from: string, to: string): number | null {
    const cycle = this.cycles.get(to);
    if (cycle) {
      const at = this.entry.get(from)!;
      const entered = this.cycles.get(at);
      if (entered !== cycle) return null;
      const n = cycle.ids.length;
      return this.depth.get(from)! + ((cycle.at.get(to)! - cycle.at.get(at)! + n) % n);
    }
    const inside = this.enter.get(to)! <= this.enter.get(from)! && this.exit.get(from)! <= this.exit.get(to)!;
    return inside ? this.depth.get(from)! - this.depth.get(to)! : null;
  }
}

/** IDs along an Induk path: the row's own, its Induk's, …, its own again. */
export interface IdPath {
  length: number;
  id(k: number): string;
}

/** A cycle's IDs for a message: a long one (a whole sheet's Induk shifted by a row) shortened in the middle. */
function shortPath(path: IdPath): string {
  const n = path.length;
  const shown = n > 8 ? [0, 1, 2, 3, 4, 5, -1, n - 1] : Array.from({ length: n }, (_, k) => k);
  return shown.map((k) => (k < 0 ? "…" : path.id(k))).join(" → ");
}

/** Whether a cell's number reads as typed with "%" (a percent format, or text ending in %). */
function typedPercent(snapValue: unknown, numberFormat: string): boolean {
  if (typeof snapValue === "number") return isPercentFormat(numberFormat);
  return typeof snapValue === "string" && /%\s*$/.test(snapValue.trim());
}

export function checkInputs(ctx: CheckContext): void {
  const m = ctx.model;
  const pk = m.table("pk");
  const ra = m.table("realisasi");

  // --- PK: numbers, kode, reportability
  for (const ind of ctx.indicators) {
    const r = ind.pkRow;
    for (const k of ["targetAwal", "targetPerubahan", "tw1", "tw2", "tw3", "tw4"] as const) numberInput(ctx, "pk", r, pk.col(k), "count", false);
    kodeShape(ctx, pk.at(r, "kode"), ind.kode, ind.level, m.value("pk", r, "kode"));
    if (ind.indikator === "") continue;
    const target = m.value("pk", r, "target");
    if (target === null || target === "") ctx.emit("R-REP-01", "rep-target-missing", pk.at(r, "targetAwal"), { params: { indikator: ind.indikator } });
    if (ind.satuan === "") ctx.emit("R-REP-01", "rep-satuan-missing", pk.at(r, "satuan"), { params: { indikator: ind.indikator } });
    if (text(m.value("pk", r, "polaritas")) === "") ctx.emit("R-REP-01", "rep-polaritas-missing", pk.at(r, "polaritas"), { params: { indikator: ind.indikator } });
    else unknownChoice(ctx, r, "polaritas", POLARITAS, "rep-polaritas-unknown", ind.indikator);
    unknownChoice(ctx, r, "metode", METODE, "rep-metode-unknown", ind.indikator);
    const unit = classifyLevelUnit(ind.satuan);
    if (unit === "count" && namesAPercentage(ind.indikator)) {
      ctx.emit("R-CAP-03", "unit-name-percent", pk.at(r, "satuan"), { stated: ind.satuan, params: { indikator: ind.indikator, satuan: ind.satuan } });
    }
    for (const k of ["targetAwal", "targetPerubahan"] as const) {
      const c = pk.cell(r, k);
      if (unit === "count" && c.value !== null && c.value !== "" && typedPercent(c.value, c.numberFormat)) {
        // the cell's percent format (or a typed "12%"), not the Satuan column: said as such
        const shown = typeof c.value === "number" ? fmtStatedPct(c.value) : String(c.value);
        ctx.emit("R-CAP-03", "unit-percent-pk-target", pk.at(r, k), { stated: "%", expected: ind.satuan, params: { stated: shown, satuan: ind.satuan } });
      }
    }
    if (ind.capRow !== undefined) capaianInputs(ctx, ind);
  }

  // --- Capaian rows whose ID is not in the PK (typed by hand)
  const pkIds = ctx.pkIds;
  for (const id of ["capaian", "cpo"] as const) {
    const t = m.table(id);
    for (const r of t.rows()) {
      const rowId = t.idOf(r);
      // the ID first: most rows are the PK's, and hasContent reads every cell of the row
      if ((rowId !== "" && pkIds.has(rowId.toLowerCase())) || !t.hasContent(r)) continue;
      if (id === "capaian" && !t.hasInput(r) && ![...t.layout.columns.keys()].some((j) => t.layout.columns[j]!.role === "computed" && t.status(r, j) === "constant")) continue;
      ctx.emit("R-LABEL-01", "row-not-in-pk", { sheet: t.sheet, row: r, col: 0 }, { stated: rowId, params: { stated: rowId } });
    }
  }

  // --- IDs and Induk
  // MATCH reads * ? ~ in an ID as a pattern: the sheets that look the ID up may take another row's data
  for (const id of ["pk", "capaian", "cpo"] as const) {
    const t = m.table(id);
    for (let r = t.firstRow; r < t.endRow; r++) {
      const rowId = t.idOf(r);
      if (rowId === "" || !WILDCARD.test(rowId)) continue;
      ctx.emit("R-REP-02", "id-wildcard", { sheet: t.sheet, row: r, col: t.keyCol }, { stated: rowId, params: { stated: rowId } });
    }
  }
  const firstById = new Map<string, Indicator>();
  for (const ind of ctx.indicators) {
    if (ind.id === "") continue;
    const k = ind.id.toLowerCase();
    const first = firstById.get(k);
    if (first) ctx.emit("R-REP-02", "id-duplicate", pk.at(ind.pkRow, "id"), { stated: ind.id, params: { stated: ind.id, first: first.pkRow + 1 }, related: [{ kind: "cell", ...pk.at(first.pkRow, "id") }] });
    else firstById.set(k, ind);
  }
  const cyclePaths = indukCyclePaths(ctx.indicators, firstById);
  for (const ind of ctx.indicators) {
    if (ind.induk === "") continue;
    if (!firstById.has(ind.induk.toLowerCase())) {
      ctx.emit("R-REP-02", "induk-unknown", pk.at(ind.pkRow, "induk"), { stated: ind.induk, params: { stated: ind.induk } });
      continue;
    }
    const path = cyclePaths.get(ind);
    if (path) ctx.emit("R-REP-02", "induk-cycle", pk.at(ind.pkRow, "induk"), { stated: ind.induk, params: { stated: ind.induk, path: shortPath(path) } });
  }

  numbering(ctx);

  // --- PK: one kode twice under one Induk (two indikator rows of one program): the Induk's pagu and
  // realisasi, a sum over the rows that name it, count that kode's money twice
  const underInduk = new Map<string, Indicator>();
  const byId = new Map(ctx.indicators.map((i) => [i.id.toLowerCase(), i]));
  for (const ind of ctx.indicators) {
    if (ind.kode === "" || ind.induk === "" || ind.kode.toUpperCase() === KODE_SEMUA) continue;
    const parent = byId.get(ind.induk.toLowerCase());
    if (!parent || parent.kode !== "") continue;
    const key = `${ind.induk.toLowerCase()}|${ind.kode.toLowerCase()}`;
    const first = underInduk.get(key);
    if (!first) {
      underInduk.set(key, ind);
      continue;
    }
    ctx.emit("R-KODE-03", "kode-twice-under-induk", pk.at(ind.pkRow, "kode"), {
      stated: ind.kode,
      params: { stated: ind.kode, first: first.pkRow + 1, induk: parent.id },
      related: [{ kind: "cell", ...pk.at(first.pkRow, "kode") }],
    });
  }

  // --- Realisasi Anggaran: numbers, kode shape, duplicates
  const firstByKode = new Map<string, number>();
  for (const r of ra.rows()) {
    if (!ra.hasInput(r)) continue;
    for (const k of ["sebelum", "setelah", "sdBulan", "tw1", "tw2", "tw3", "tw4"] as const) {
      const col = ra.col(k);
      numberInput(ctx, "realisasi", r, col, "money", false);
      const v = num(valOf(ra.snap(r, col).value));
      if (v !== null && Math.abs(v - Math.round(v)) > 1e-9) ctx.emit("R-NUM-02", "num-sen", ra.at(r, k), { stated: v, params: { stated: fmtRp(v) } });
    }
    const kode = text(m.value("realisasi", r, "kode"));
    if (kode === "") continue;
    kodeShape(ctx, ra.at(r, "kode"), kode, text(m.value("realisasi", r, "level")), m.value("realisasi", r, "kode"));
    const k = kode.toLowerCase();
    const first = firstByKode.get(k);
    if (first !== undefined) {
      ctx.emit("R-KODE-03", "kode-duplicate", ra.at(r, "kode"), { stated: kode, params: { stated: kode, first: first + 1 }, related: [{ kind: "cell", ...ra.at(first, "kode") }] });
    } else firstByKode.set(k, r);
  }

  // --- PK kode that Realisasi Anggaran does not know
  if (firstByKode.size > 0) {
    // a PK kode above the rows (a program over its kegiatan) is known through them: every kode's
    // prefixes at its dots, once (searching every kode for each PK row was quadratic)
    const above = new Set<string>();
    for (const x of firstByKode.keys()) for (let i = x.indexOf("."); i >= 0; i = x.indexOf(".", i + 1)) above.add(x.slice(0, i));
    for (const ind of ctx.indicators) {
      const k = ind.kode.toLowerCase();
      if (k === "" || k === KODE_SEMUA.toLowerCase() || !KODE_NOTATION.test(ind.kode)) continue;
      if (firstByKode.has(k) || above.has(k)) continue;
      ctx.emit("R-KODE-02", "kode-unknown", pk.at(ind.pkRow, "kode"), { stated: ind.kode, params: { stated: ind.kode } });
    }
  }
}

function kodeShape(ctx: CheckContext, at: Address, kode: string, level: string, raw: Val): void {
  if (kode === "") return;
  // the sheets' SUMIFS/MATCH compare the cell as it is: "7.01.01.2.01.0002 " finds no row, and its
  // pagu and realisasi stay empty without a word
  if (typeof raw === "string" && raw !== raw.trim()) ctx.emit("R-KODE-01", "kode-spaces", at, { stated: raw, expected: raw.trim(), params: { stated: raw, expected: raw.trim() } });
  if (kode.toUpperCase() === KODE_SEMUA) return;
  const named = kodeLevel(kode);
  if (!named) {
    ctx.emit("R-KODE-01", "kode-malformed", at, { stated: kode, params: { stated: kode } });
    return;
  }
  const l = normLabel(level);
  if ((l === "program" || l === "kegiatan" || l === "sub kegiatan") && l !== normLabel(named)) {
    ctx.emit("R-KODE-01", "kode-level", at, { stated: level, expected: named, params: { kode, stated: level, expected: named.toLowerCase() } });
  }
}

/** The TW realisasi of one indicator: text, units, percents, zeros, quarters past the period, a missing realisasi. */
function capaianInputs(ctx: CheckContext, ind: Indicator): void {
  const m = ctx.model;
  const cap = m.table("capaian");
  const pk = m.table("pk");
  const r = ind.capRow!;
  const unit = classifyLevelUnit(ind.satuan);
  const metode = text(m.value("capaian", r, "metode")).toLowerCase();
  const target = num(m.value("pk", ind.pkRow, "target"));
  const targetCell = pk.cell(ind.pkRow, "targetPerubahan").value !== null && pk.cell(ind.pkRow, "targetPerubahan").value !== "" ? "targetPerubahan" : "targetAwal";
  const targetSnap = pk.cell(ind.pkRow, targetCell);
  const targetPercent = typedPercent(targetSnap.value, targetSnap.numberFormat);
  // a small realisasi is the aim of a negative indicator: 0,05% is then as likely as 5%
  // (as the capaian formula reads it: "negatif " is not negatif there)
  const negative = sameText(m.value("pk", ind.pkRow, "polaritas"), "negatif");
  const values: (number | null)[] = [];
  const percentTyped: boolean[] = [];
  TW_KEYS.forEach((k, i) => {
    const col = cap.col(k);
    const snap = cap.snap(r, col);
    // "52%" typed as text means 52 where the target is written in percent points (100), 0,52 where it is a fraction
    numberInput(ctx, "capaian", r, col, "count", unit !== "count" && (targetPercent || target === null || Math.abs(target) <= 1.5));
    const v = num(valOf(snap.value));
    values.push(v);
    if (snap.value === null || snap.value === "") return;
    // the address only for a quarter that holds something (four per indicator otherwise)
    const at = cap.at(r, k);
    if (i + 1 > ctx.period.tw) {
      // within a later report's period it is counted by that report: nothing to confirm
      if (i + 1 <= ctx.countedTw) return;
      const stated = valOf(snap.value);
      ctx.emit("R-PERIOD-01", "period-tw-beyond", at, {
        ...(typeof stated === "number" || typeof stated === "string" ? { stated } : {}),
        params: { tw: i + 1, periode: ctx.period.periode ?? undefined, periodTw: ctx.period.tw },
      });
      return;
    }
    const percent = typedPercent(snap.value, snap.numberFormat);
    percentTyped[i] = percent;
    if (percent && unit === "count") {
      const shown = typeof snap.value === "number" ? fmtStatedPct(snap.value) : String(snap.value);
      ctx.emit("R-CAP-03", "unit-percent-realisasi", at, { stated: typeof snap.value === "number" ? snap.value : shown, params: { stated: shown, satuan: ind.satuan } });
      ctx.unitTrouble.add(ind.id.toLowerCase());
    } else if (v !== null && target !== null && unit !== "count" && percent !== targetPercent && v !== 0 && target !== 0) {
      // 89 against 27% (0,27): one of the two was typed as a percent
      const plain = percent ? target : v;
      const pct = percent ? v : target;
      if (Math.abs(plain) >= 1.5 && Math.abs(pct) <= 1.5) {
        const capaianNow = v / target;
        ctx.unitTrouble.add(ind.id.toLowerCase());
        ctx.emit("R-UNIT-01", "unit-percent-mixed", percent ? at : pk.at(ind.pkRow, targetCell), {
          stated: percent ? v : target,
          expected: (percent ? v : target) * 100,
          params: {
            target: targetPercent ? fmtStatedPct(target) : fmtNum(target),
            realisasi: percent ? fmtStatedPct(v) : fmtNum(v),
            percentSide: percent ? "realisasi" : "target",
            capaian: fmtPct(capaianNow),
            satuan: ind.satuan || "%",
          },
          fix: { kind: "set-number", at: percent ? at : pk.at(ind.pkRow, targetCell), value: asPercent(percent ? v : target), numberFormat: "General" },
        });
      }
    } else if (v !== null && target !== null && !percent && !targetPercent && !negative && fractionForPercent(v, target, ind.satuan)) {
      // 0,46 typed against a target of 100 (%): read as 0,46%, most likely meant as 46%. No fix
      // offered: a real 0,46% is possible, only the user knows
      const meant = asPercent(v);
      ctx.unitTrouble.add(ind.id.toLowerCase());
      ctx.emit("R-UNIT-01", "unit-fraction-typed", at, {
        stated: v,
        expected: meant,
        params: { realisasi: fmtNum(v), target: fmtNum(target), meant: fmtNum(meant), satuan: ind.satuan.trim() },
      });
    }
  });
  // a target typed as a fraction (1 for 100%) against realisasi in percent points (52): said once, at
  // the target, from the period's latest realisasi (capaian 5200% otherwise passes as Sangat Tinggi)
  let latest = -1;
  for (let i = 0; i < Math.min(ctx.period.tw, values.length); i++) if (values[i] !== null && values[i] !== undefined) latest = i;
  const lastV = latest >= 0 ? values[latest]! : null;
  if (target !== null && lastV !== null && !targetPercent && !negative && !percentTyped[latest] && fractionForPercent(target, lastV, ind.satuan)) {
    const meant = asPercent(target);
    ctx.unitTrouble.add(ind.id.toLowerCase());
    ctx.emit("R-UNIT-01", "unit-fraction-target", pk.at(ind.pkRow, targetCell), {
      stated: target,
      expected: meant,
      params: { target: fmtNum(target), realisasi: fmtNum(lastV), meant: fmtNum(meant), satuan: ind.satuan.trim(), capaian: fmtPct(lastV / target) },
    });
  }
  // SPEC: flag R > 2T under (2T − R)/T, whose capaian is then below zero
  const periodRealisasi = negative ? num(m.value("capaian", r, "realisasi")) : null;
  if (periodRealisasi !== null && target !== null && target > 0 && periodRealisasi > 2 * target && !sameText(m.setting("rumusNegatif"), "T/R")) {
    ctx.emit("R-CAP-06", "cap-negative-below-zero", cap.at(r, "capaian"), {
      stated: (2 * target - periodRealisasi) / target,
      params: { indikator: ind.indikator, realisasi: fmtNum(periodRealisasi), target: fmtNum(target), capaian: fmtPct((2 * target - periodRealisasi) / target) },
    });
  }
  // a 0 where the indicator was not measured: it counts in a mean, and it becomes the last value
  values.forEach((v, i) => {
    if (v !== 0 || i + 1 > ctx.period.tw) return;
    const earlier = values.slice(0, i).find((x): x is number => x !== null && x > 0);
    const later = values.slice(i + 1, ctx.period.tw).some((x) => x !== null);
    const at = cap.at(r, TW_KEYS[i]!);
    if (metode === "rata-rata") ctx.emit("R-AVG-01", "zero-not-measured", at, { stated: 0, params: { tw: i + 1 } });
    else if ((metode === "" || metode === "terakhir") && !later && earlier !== undefined) ctx.emit("R-AVG-01", "zero-not-measured", at, { stated: 0, params: { tw: i + 1, earlier: fmtNum(earlier) } });
  });
  realisasiMissing(ctx, ind, ctx.period);
}

/**
 * A reportable indicator (with a target) with no realisasi in any quarter up to period `p`'s last
 * (unless `sayMissing` is false: said already); or, taking its last value (metode terakhir), none in
 * that quarter itself: the period then silently reports an earlier quarter's value as its own.
 */
export function realisasiMissing(ctx: CheckContext, ind: Indicator, p: PeriodInfo, sayMissing = true): void {
  const m = ctx.model;
  const cap = m.table("capaian");
  if (ind.capRow === undefined || ind.indikator === "" || num(m.value("pk", ind.pkRow, "target")) === null) return;
  let latest = -1;
  for (let i = 0; i < p.tw; i++) {
    const v = cap.cell(ind.capRow, TW_KEYS[i]!).value;
    if (v !== null && v !== "") latest = i;
  }
  const at = cap.at(ind.capRow, TW_KEYS[p.tw - 1]!);
  if (latest < 0) {
    if (!sayMissing) return;
    ctx.emit("R-REP-01", "rep-realisasi-missing", at, { params: { indikator: ind.indikator, periode: p.periode ?? undefined, periodTw: p.tw } });
    return;
  }
  const metode = m.value("pk", ind.pkRow, "metode");
  if (latest < p.tw - 1 && (text(metode) === "" || sameText(metode, "terakhir"))) {
    const snap = cap.cell(ind.capRow, TW_KEYS[latest]!);
    const earlier = valOf(snap.value);
    // as the cell shows it: 93,75% for a typed percent, not 0,9375
    const shown = typeof earlier === "number" ? (isPercentFormat(snap.numberFormat) ? fmtStatedPct(earlier) : fmtNum(earlier)) : String(earlier);
    ctx.emit("R-REP-01", "rep-realisasi-tw-missing", at, {
      params: { indikator: ind.indikator, tw: p.tw, earlierTw: latest + 1, earlier: shown, periode: p.periode ?? undefined, periodTw: p.tw },
    });
  }
}

/**
 * A Polaritas or Metode that is none of the choices: the sheet's formulas compare it as Excel's "="
 * does (case aside, spaces and all), so "negative" or "negatif " is computed as positif, and "kumulatif"
 * or "average" as terakhir, without a word.
 */
function unknownChoice(ctx: CheckContext, r: number, key: "polaritas" | "metode", choices: readonly string[], code: "rep-polaritas-unknown" | "rep-metode-unknown", indikator: string): void {
  const v = ctx.model.value("pk", r, key);
  if (typeof v !== "string" && typeof v !== "number") return;
  if (text(v) === "" || choices.some((c) => sameText(v, c))) return;
  const stated = String(v);
  ctx.emit("R-REP-01", code, ctx.model.table("pk").at(r, key), { stated, params: { indikator, stated, choices: choices.join(", ") } });
}

/**
 * A value typed as a fraction (0,46) for an indicator in percent whose other value is typed in percent
 * points (100): as typed one is under 4% of the other, as a percent (46) it is 25%–400% of it
 * (a real 0,5% against a target of 2% is not flagged).
 */
function fractionForPercent(v: number, target: number, satuan: string): boolean {
  if (!/%|persen/i.test(satuan) || !(v > 0 && v <= 1) || target < 1.5) return false;
  const meant = v * 100;
  return meant >= target / 4 && meant <= target * 4;
}

/** Sasaran numbers within a jabatan: 1, 2, 2 (a second sasaran with the same number) or 1, 3 (one skipped). */
function numbering(ctx: CheckContext): void {
  const pk = ctx.model.table("pk");
  const seq = new Map<string, { no: number; sasaran: string; row: number }>();
  for (const ind of ctx.indicators) {
    if (!/^sasaran/i.test(ind.level)) continue;
    const m = /^(\d+)\.?$/.exec(ind.no);
    if (!m) continue;
    const no = Number(m[1]);
    const key = `${normLabel(ind.jabatan)}|${normLabel(ind.level)}`;
    const prev = seq.get(key);
    const sasaran = normLabel(ind.sasaran);
    if (prev) {
      const continuation = sasaran === "" || sasaran === prev.sasaran;
      if (no === prev.no && !continuation) {
        ctx.emit("R-NUMBERING-01", "numbering", pk.at(ind.pkRow, "no"), { stated: ind.no, expected: String(prev.no + 1), params: { stated: ind.no, problem: "repeated", previous: prev.no, expected: prev.no + 1 }, related: [lineless(pk.at(prev.row, "no"))] });
      } else if (no > prev.no + 1) {
        ctx.emit("R-NUMBERING-01", "numbering", pk.at(ind.pkRow, "no"), { stated: ind.no, expected: String(prev.no + 1), params: { stated: ind.no, problem: "skipped", previous: prev.no, expected: prev.no + 1 } });
      }
    }
    seq.set(key, { no: Math.max(no, prev?.no ?? 0), sasaran: sasaran || prev?.sasaran || "", row: ind.pkRow });
  }
}

const lineless = (a: Address) => ({ kind: "cell" as const, ...a });
