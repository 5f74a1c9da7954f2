/**
 * What a rule check sees: the read model, the period, the indicators of the PK joined to their
 * Capaian and Cost per Outcome rows, and `emit`, which turns (rule, code, place, values) into a
 * Finding with the severity the catalogue declares. Checks never build message text.
 */
import type { Address } from "../address";
import { cellAt, type Finding, type Fix, type Location, type Severity } from "../findings";
import { BLANK_SHOWN, type MessageParams } from "../messages.id";
import { formatAngka, formatPersen, parseAngka, roundHalfUp, significantDecimals, checkStated, type StatedCheck } from "../numbers";
import { PERIODS, periodNumber, type Period, type SheetKeys, type TableSheetId } from "../layouts";
import type { WorkbookModel } from "../model/workbook-model";
import { isXlError, type Val } from "../xl";
import { severityOf, type CodeOf, type RuleId } from "./catalogue";

export interface Detail {
  stated?: number | string;
  expected?: number | string;
  params?: MessageParams;
  related?: Location[];
  fix?: Fix;
  /** Only for findings the SIPD export already carried (reported as info). */
  severity?: Severity;
}

export type Emit = <R extends RuleId>(rule: R, code: CodeOf<R>, at: Location | Address, detail?: Detail) => void;

/** An indicator (a PK row with content) and its rows in the sheets that mirror the PK. */
export interface Indicator {
  id: string;
  pkRow: number;
  capRow: number | undefined;
  cpoRow: number | undefined;
  jabatan: string;
  no: string;
  level: string;
  kode: string;
  sasaran: string;
  indikator: string;
  satuan: string;
  induk: string;
}

export interface PeriodInfo {
  tahun: number | null;
  periode: Period | null;
  /** 1–4: the last quarter the report covers (4 for Tahunan and when unknown). */
  tw: number;
  /** The month whose realisasi the period needs: 3, 6, 9, 12. */
  endMonth: number;
}

export interface CheckContext {
  model: WorkbookModel;
  emit: Emit;
  period: PeriodInfo;
  /**
   * The last quarter the values are counted to: Pengaturan's, or a later report's (validateModel's
   * reportPeriode), whose quarters past Pengaturan's are then not values "filled beyond the period".
   */
  countedTw: number;
  indicators: readonly Indicator[];
  /**
   * IDs (lower case) whose target and realisasi are in different units (a percent against a count, or a
   * percent against a plain number): their capaian is reported through the unit finding, and a typed
   * capaian is compared with the unit-corrected ratio.
   */
  unitTrouble: Set<string>;
  /** The PK's IDs, lower case (MATCH finds an ID in any case): asked of every Capaian and CpO row. */
  pkIds: ReadonlySet<string>;
}

export type RuleCheck = (ctx: CheckContext) => void;

export function makeEmit(out: Finding[]): Emit {
  return (rule, code, at, d = {}) => {
    const location: Location = "kind" in at ? at : cellAt(at);
    const f: Finding = { rule, code, severity: d.severity ?? severityOf(rule, code), at: location, params: d.params ?? {} };
    if (d.stated !== undefined) f.stated = d.stated;
    if (d.expected !== undefined) f.expected = d.expected;
    if (d.related?.length) f.related = d.related;
    if (d.fix) f.fix = d.fix;
    out.push(f);
  };
}

// ------------------------------------------------------------------ reading values

/**
 * The number a cell means: a number as it is, or text that reads unambiguously as one (a pagu typed
 * "2.400.000,-" means 2 400 000 even though the formulas cannot use it); a percent as a fraction.
 */
export function meant(v: Val, kind: "money" | "ratio" | "count" = "count"): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string" || v.trim() === "") return null;
  const r = parseAngka(v, { kind });
  if (!r.ok) return null;
  return r.percent ? r.value / 100 : r.value;
}

export const text = (v: Val): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
export const num = (v: Val): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Adds `value` to the group of `key`: in place (copying a group per member made grouping quadratic). */
export function pushTo<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

/** Labels compare without case and spacing: "LPPDes" and "LPPdes" are one word. */
export { normLabel } from "../layouts/shift";

/** Pengaturan's year and period; `periode` given: that period instead (a report of another period). */
export function periodInfo(model: WorkbookModel, periode?: Period): PeriodInfo {
  const tahunVal = model.setting("tahun");
  const tahun = typeof tahunVal === "number" && Number.isInteger(tahunVal) ? tahunVal : null;
  if (periode !== undefined) {
    const tw = periodNumber(periode);
    return { tahun, periode, tw, endMonth: tw * 3 };
  }
  const periodeVal = model.setting("periode");
  const setting = typeof periodeVal === "string" && (PERIODS as readonly string[]).includes(periodeVal.trim()) ? (periodeVal.trim() as Period) : null;
  const twVal = model.setting("tw");
  const tw = typeof twVal === "number" && twVal >= 1 && twVal <= 4 ? twVal : 4;
  return { tahun, periode: setting, tw, endMonth: tw * 3 };
}

export function indicatorsOf(model: WorkbookModel): Indicator[] {
  const pk = model.table("pk");
  const cap = model.table("capaian");
  const cpo = model.table("cpo");
  const out: Indicator[] = [];
  const seen = new Set<string>();
  for (const r of pk.rows()) {
    if (!pk.hasInput(r)) continue;
    const id = pk.idOf(r);
    const key = id.toLowerCase();
    // a second row with the same ID is not what the other sheets read (R-REP-02 says so)
    const first = id !== "" && !seen.has(key);
    if (id !== "") seen.add(key);
    const t = (k: SheetKeys["pk"]) => text(model.value("pk", r, k));
    out.push({
      id,
      pkRow: r,
      capRow: first ? cap.rowOfId(id) : undefined,
      cpoRow: first ? cpo.rowOfId(id) : undefined,
      jabatan: t("jabatan"),
      no: t("no"),
      level: t("level"),
      kode: t("kode"),
      sasaran: t("sasaran"),
      indikator: t("indikator"),
      satuan: t("satuan"),
      induk: t("induk"),
    });
  }
  return out;
}

// ------------------------------------------------------------------ comparing stated values

/** Decimals a stated number claims, capped: beyond 6 the value is a full-precision computation. */
export function claimedDecimals(x: number): number {
  return Math.min(6, significantDecimals(roundHalfUp(x, 9)));
}

/** A ratio (fraction) as the percent it shows: 0.3042 → 30.42, decimal-exact. */
export function asPercent(fraction: number): number {
  const t = String(fraction);
  return t.includes("e") ? fraction * 100 : Number(`${t}e2`);
}

/** A stated ratio against the exact one, compared in percent at the stated precision. */
export function compareRatio(stated: number, exact: number): StatedCheck {
  const s = asPercent(stated);
  return checkStated(s, claimedDecimals(s), asPercent(exact));
}

/** A stated plain number against the exact one, at the stated precision. */
export function compareNumber(stated: number, exact: number): StatedCheck {
  return checkStated(stated, claimedDecimals(stated), exact);
}

/** Two values that differ whichever is taken as the stated one (at either's precision). */
export const differsBothWays = (compare: typeof compareRatio, a: number, b: number): boolean => compare(a, b) === "mismatch" && compare(b, a) === "mismatch";

/** Whole-rupiah money: equal after rounding to the rupiah. */
export const sameMoney = (a: number, b: number): boolean => roundHalfUp(a, 0) === roundHalfUp(b, 0);

// ------------------------------------------------------------------ showing values in messages

export const fmtPct = (fraction: number, decimals = 2): string => formatPersen(fraction, decimals);
export const fmtRp = (x: number): string => `Rp ${formatAngka(x, "money", { decimals: 0 })}`;
export const fmtNum = (x: number): string => formatAngka(roundHalfUp(x, 6), "ratio");

/** A stated ratio shown with the decimals it was written with. */
export const fmtStatedPct = (fraction: number): string => formatPersen(fraction, claimedDecimals(asPercent(fraction)));

/** Any value for a message. */
export function fmtVal(v: Val, kind: "ratio" | "money" | "number" | "text" = "number"): string {
  if (v === null || v === "") return BLANK_SHOWN;
  if (isXlError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return `"${v}"`;
  if (kind === "ratio") return fmtStatedPct(v);
  if (kind === "money") return fmtRp(v);
  return fmtNum(v);
}

/** The sheet cell of a table column. */
export function at<S extends TableSheetId>(ctx: CheckContext, id: S, row: number, key: SheetKeys[S]): Address {
  return ctx.model.table(id).at(row, key as never);
}
