/**
 * Native formula pieces the standard sheets share, each with its twin (the value the formula shows,
 * computed by the core). Everything joins by key (indicator ID, kode), never by row position, so
 * inserting or sorting rows cannot attach a realisasi to the wrong indicator.
 */
import { isBlankish, isXlError, textOf, type Val } from "../xl";
import type { ComputedColumn, FormulaContext, SheetKeys, TableSheetId } from "./types";

/** The row of `sheet` whose key column holds this row's ID: a text column mirrored, "" when absent. */
export function mirrorText<S extends TableSheetId>(sheet: S, key: SheetKeys[S]): ComputedColumn<"id"> {
  return {
    formula: (ctx) => {
      const id = ctx.cell("id");
      return `IF(${id}="","",IFERROR(INDEX(${ctx.column(sheet, key)},MATCH(${id},${ctx.column(sheet, "id" as SheetKeys[S])},0))&"",""))`;
    },
    twin: (t) => {
      if (isBlankish(t.get("id"))) return "";
      const v = t.lookup(sheet, key);
      return isXlError(v) ? "" : textOf(v);
    },
  };
}

/** As mirrorText for a number: an empty source stays "" (INDEX of an empty cell would show 0). */
export function mirrorNumber<S extends TableSheetId>(sheet: S, key: SheetKeys[S]): ComputedColumn<"id"> {
  return {
    formula: (ctx) => {
      const id = ctx.cell("id");
      const x = `INDEX(${ctx.column(sheet, key)},MATCH(${id},${ctx.column(sheet, "id" as SheetKeys[S])},0))`;
      return `IF(${id}="","",IFERROR(IF(${x}="","",${x}),""))`;
    },
    twin: (t) => {
      if (isBlankish(t.get("id"))) return "";
      const v = t.lookup(sheet, key);
      return isXlError(v) || isBlankish(v) ? "" : v;
    },
  };
}

/** Level names in Realisasi Anggaran; money is always summed from sub kegiatan rows. */
export const RA_LEVELS = ["Program", "Kegiatan", "Sub Kegiatan"] as const;
export const KODE_SEMUA = "SEMUA";
const SEMUA_KEY = KODE_SEMUA.toLowerCase();

/**
 * Budget amount for a kode from Realisasi Anggaran: the kode's own sub kegiatan row plus every sub
 * kegiatan under it (kode + ".*"), so a program or kegiatan is always the sum of its sub kegiatan.
 * A sheet typed by hand with only program or kegiatan rows still works: without sub kegiatan under a
 * kode, the row with that kode itself counts (for "SEMUA", the program rows). "SEMUA" is the whole
 * unit. "" when the kode is unknown or no amount is filled for it yet.
 */
export function amountByKode<K extends string>(ctx: FormulaContext<K>, kodeCell: string, valueKey: SheetKeys["realisasi"]): string {
  const value = ctx.column("realisasi", valueKey);
  const kode = ctx.column("realisasi", "kode");
  const level = ctx.column("realisasi", "level");
  const sub = `"Sub Kegiatan"`;
  // counting numbers only (criterion ">-1E+300") tells "not filled yet" apart from a real 0
  const num = `${value},">-1E+300"`;
  const subsFilled = `COUNTIFS(${kode},${kodeCell},${level},${sub},${num})+COUNTIFS(${kode},${kodeCell}&".*",${level},${sub},${num})`;
  const subsSum = `SUMIFS(${value},${kode},${kodeCell},${level},${sub})+SUMIFS(${value},${kode},${kodeCell}&".*",${level},${sub})`;
  const own = `IF(COUNTIFS(${kode},${kodeCell},${num})=0,"",SUMIFS(${value},${kode},${kodeCell}))`;
  const programs = `IF(COUNTIFS(${level},"Program",${num})=0,"",SUMIFS(${value},${level},"Program"))`;
  const all = `IF(COUNTIFS(${level},${sub},${num})=0,${programs},SUMIFS(${value},${level},${sub}))`;
  return `IF(${kodeCell}="","",IF(${kodeCell}="${KODE_SEMUA}",${all},IF((${subsFilled})=0,${own},${subsSum})))`;
}

/** A column holding amountByKode of this row's kode: pagu, realisasi. */
export function amountOfKode(kodeKey: string, valueKey: SheetKeys["realisasi"]): ComputedColumn {
  return {
    formula: (ctx) => amountByKode(ctx, ctx.cell(kodeKey), valueKey),
    twin: (t) => t.amountByKode(t.get(kodeKey), valueKey),
  };
}

/** Sums of the numbers of one Realisasi Anggaran column, as SUMIFS/COUNTIFS see them. */
interface Tally {
  sum: number;
  count: number;
}

/** One Realisasi Anggaran row as amountByKode reads it. */
export interface AmountRow {
  kode: Val;
  level: Val;
  value: Val;
}

/**
 * The index behind the twin of amountByKode: built once per value column, then every lookup is a few
 * map reads (a formula per row would otherwise scan the sheet per row).
 */
export class AmountIndex {
  private readonly all = new Map<string, Tally>();
  private readonly sub = new Map<string, Tally>();
  /** Sub kegiatan rows under a kode: kode + ".*" (any text after the dot, even none). */
  private readonly under = new Map<string, Tally>();
  private readonly subs: Tally = { sum: 0, count: 0 };
  private readonly programs: Tally = { sum: 0, count: 0 };

  constructor(rows: Iterable<AmountRow>) {
    for (const r of rows) {
      if (typeof r.value !== "number") continue;
      const kode = typeof r.kode === "string" ? r.kode.toLowerCase() : typeof r.kode === "number" ? String(r.kode) : null;
      const level = typeof r.level === "string" ? r.level.toLowerCase() : "";
      const isSub = level === "sub kegiatan";
      if (isSub) add(this.subs, r.value);
      if (level === "program") add(this.programs, r.value);
      if (kode === null) continue;
      add(tally(this.all, kode), r.value);
      if (!isSub) continue;
      add(tally(this.sub, kode), r.value);
      for (let i = kode.indexOf("."); i >= 0; i = kode.indexOf(".", i + 1)) add(tally(this.under, kode.slice(0, i)), r.value);
    }
  }

  /** What amountByKode shows for a kode cell's value. */
  amount(kodeCell: Val): Val {
    if (isXlError(kodeCell)) return kodeCell;
    if (isBlankish(kodeCell)) return "";
    // lower-cased once: asked for every row of three columns
    const key = (textOf(kodeCell) as string).toLowerCase();
    if (key === SEMUA_KEY) {
      if (this.subs.count > 0) return this.subs.sum;
      return this.programs.count > 0 ? this.programs.sum : "";
    }
    const own = this.sub.get(key);
    const under = this.under.get(key);
    const filled = (own?.count ?? 0) + (under?.count ?? 0);
    if (filled > 0) return (own?.sum ?? 0) + (under?.sum ?? 0);
    const any = this.all.get(key);
    return any && any.count > 0 ? any.sum : "";
  }
}

function tally(m: Map<string, Tally>, key: string): Tally {
  let t = m.get(key);
  if (!t) m.set(key, (t = { sum: 0, count: 0 }));
  return t;
}

function add(t: Tally, v: number): void {
  t.sum += v;
  t.count++;
}
