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
      const id = t.get("id");
      // `id=""` of an error value is that error, and IF shows it: the IFERROR is past it
      if (isXlError(id)) return id;
      if (isBlankish(id)) return "";
      const v = t.lookup(sheet, key);
      return isXlError(v) ? "" : textOf(v);
    },
    errorFree: true,
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
      const id = t.get("id");
      if (isXlError(id)) return id;
      if (isBlankish(id)) return "";
      const v = t.lookup(sheet, key);
      return isXlError(v) || isBlankish(v) ? "" : v;
    },
    errorFree: true,
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

/**
 * Last sheet row (1-based) of the bounded ranges the structural amount scans: SUMPRODUCT computes
 * every cell of its ranges, and with whole columns LibreOffice scans a million rows per PK row (seconds
 * per sasaran cell). Ten times the sheets' prepared rows.
 */
export const ARRAY_LAST_ROW: { readonly [S in TableSheetId]: number } = { pk: 1000, capaian: 1000, cpo: 1000, realisasi: 3000 };

/**
 * The amount of a row by structure: a row with a kode has amountByKode; a row without one (a sasaran)
 * whose ID other rows name as Induk has the sum of the rows under it that have a kode — its children,
 * and its grandchildren through a child without kode (sasaran ← sasaran ← program). A program under
 * the sasaran counts once: its kegiatan (rows with kode under it) are its own amount already.
 *
 * Why SUMPRODUCT over the PK kode/induk/id inputs and not SUMIFS over the amount column itself: a
 * formula whose range holds its own cell is a circular reference in Excel and LibreOffice even when
 * the criteria exclude that cell, and a helper amount column would need hiding, which the sheets do
 * not do. The inputs are never computed, so nothing here can be circular; SUMIFS with a range as its
 * criterion gives one amount per PK row inside SUMPRODUCT in every Excel version and in LibreOffice.
 * Deeper chains of rows without kode are not summed (the rules' R-SUM-01 shows the difference).
 */
export function amountByStructure<K extends string>(ctx: FormulaContext<K>, idCell: string, kodeCell: string, valueKey: SheetKeys["realisasi"]): string {
  const value = ctx.rows("realisasi", valueKey);
  const raKode = ctx.rows("realisasi", "kode");
  const level = ctx.rows("realisasi", "level");
  const k = ctx.rows("pk", "kode");
  const n = ctx.rows("pk", "induk");
  const sub = `"Sub Kegiatan"`;
  const num = `${value},">-1E+300"`;
  // amountByKode of every PK row at once, without IF (IF inside SUMPRODUCT needs Ctrl+Shift+Enter in Excel 2019)
  const subsFilled = `COUNTIFS(${raKode},${k},${level},${sub},${num})+COUNTIFS(${raKode},${k}&".*",${level},${sub},${num})`;
  const subsSum = `SUMIFS(${value},${raKode},${k},${level},${sub})+SUMIFS(${value},${raKode},${k}&".*",${level},${sub})`;
  const ownCount = `COUNTIFS(${raKode},${k},${num})`;
  const ownSum = `SUMIFS(${value},${raKode},${k})`;
  // under this row: Induk is its ID, or Induk is a row without kode whose Induk is its ID
  const via = `COUNTIFS(${ctx.rows("pk", "id")},${n},${n},${idCell},${k},"")`;
  const mask = `(${k}<>"")*(${k}<>"${KODE_SEMUA}")*((${n}=${idCell})+(${n}<>"")*(${via}>0)>0)`;
  const filled = `SUMPRODUCT(${mask}*((${subsFilled}+${ownCount})>0))`;
  const sum = `SUMPRODUCT(${mask}*(${subsSum}+(${subsFilled}=0)*${ownSum}))`;
  const children = `COUNTIF(${ctx.column("pk", "induk")},${idCell})`;
  return `IF(${kodeCell}<>"",${amountByKode(ctx, kodeCell, valueKey)},IF(${idCell}="","",IF(${children}=0,"",IF(${filled}=0,"",${sum}))))`;
}

/** A column holding amountByStructure of this row: pagu and realisasi in PK and Cost per Outcome. */
export function amountOfStructure(valueKey: SheetKeys["realisasi"]): ComputedColumn {
  return {
    formula: (ctx) => amountByStructure(ctx, ctx.cell("id"), ctx.cell("kode"), valueKey),
    twin: (t) => t.amountByStructure(t.get("id"), t.get("kode"), valueKey),
  };
}

/** One Perjanjian Kinerja row as amountByStructure reads it. */
export interface StructureRow {
  id: Val;
  kode: Val;
  induk: Val;
  /** Within the bounded ranges (up to ARRAY_LAST_ROW). */
  inRange: boolean;
}

/** An ID as = and COUNTIFS compare it: any case; null for a blank. */
const idKey = (v: Val): string | null => (isBlankish(v) || isXlError(v) ? null : (textOf(v) as string).toLowerCase());

/**
 * The index behind the twin of amountByStructure for rows without kode: per ID, the sum of the
 * amounts by kode of the rows under it (built once per value column).
 */
export class StructureIndex {
  /** COUNTIF(induk, ID) by ID. */
  private readonly named = new Map<string, number>();
  private readonly under = new Map<string, Tally>();
  /** An error in a bounded kode or induk cell: SUMPRODUCT shows it. */
  private readonly error: Val = null;

  constructor(rows: readonly StructureRow[], amount: (kode: Val) => Val) {
    // rows without kode by ID → their Induk (the middle of sasaran ← sasaran ← program)
    const via = new Map<string, Set<string>>();
    for (const r of rows) {
      const n = idKey(r.induk);
      if (n === null) continue;
      this.named.set(n, (this.named.get(n) ?? 0) + 1);
      const id = idKey(r.id);
      if (r.inRange && id !== null && isBlankish(r.kode)) {
        let s = via.get(id);
        if (!s) via.set(id, (s = new Set()));
        s.add(n);
      }
    }
    for (const r of rows) {
      if (!r.inRange) continue;
      if (isXlError(r.kode) || isXlError(r.induk)) {
        this.error ??= isXlError(r.kode) ? r.kode : r.induk;
        continue;
      }
      if (isBlankish(r.kode) || (textOf(r.kode) as string).toLowerCase() === KODE_SEMUA.toLowerCase()) continue;
      const n = idKey(r.induk);
      if (n === null) continue;
      const v = amount(r.kode);
      if (typeof v !== "number") continue;
      for (const parent of new Set([n, ...(via.get(n) ?? [])])) add(tally(this.under, parent), v);
    }
  }

  /** What amountByStructure shows for a row without kode with this ID. */
  amount(id: Val): Val {
    if (isXlError(id)) return id;
    const key = idKey(id);
    if (key === null || !this.named.get(key)) return "";
    if (this.error !== null) return this.error;
    const t = this.under.get(key);
    return t && t.count > 0 ? t.sum : "";
  }
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
