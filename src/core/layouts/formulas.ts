/**
 * Native formula pieces the standard sheets share. Everything joins by key (indicator ID, kode), never
 * by row position, so inserting or sorting rows cannot attach a realisasi to the wrong indicator.
 */
import type { FormulaContext, SheetId } from "./types";

/** The row of `sheet` whose key column holds this row's ID: a text column mirrored, "" when absent. */
export function mirrorText(ctx: FormulaContext, sheet: SheetId, key: string, idKey = "id"): string {
  const id = ctx.cell(idKey);
  return `IF(${id}="","",IFERROR(INDEX(${ctx.column(sheet, key)},MATCH(${id},${ctx.column(sheet, "id")},0))&"",""))`;
}

/** As mirrorText for a number: an empty source stays "" (INDEX of an empty cell would show 0). */
export function mirrorNumber(ctx: FormulaContext, sheet: SheetId, key: string, idKey = "id"): string {
  const id = ctx.cell(idKey);
  const x = `INDEX(${ctx.column(sheet, key)},MATCH(${id},${ctx.column(sheet, "id")},0))`;
  return `IF(${id}="","",IFERROR(IF(${x}="","",${x}),""))`;
}

/** Level names in Realisasi Anggaran; money is always summed from sub kegiatan rows. */
export const RA_LEVELS = ["Program", "Kegiatan", "Sub Kegiatan"] as const;
export const KODE_SEMUA = "SEMUA";

/**
 * Budget amount for a kode from Realisasi Anggaran: the kode's own sub kegiatan row plus every sub
 * kegiatan under it (kode + ".*"), so a program or kegiatan is always the sum of its sub kegiatan.
 * A sheet typed by hand with only program or kegiatan rows still works: without sub kegiatan under a
 * kode, the row with that kode itself counts (for "SEMUA", the program rows). "SEMUA" is the whole
 * unit. "" when the kode is unknown or no amount is filled for it yet.
 */
export function amountByKode(ctx: FormulaContext, kodeCell: string, valueKey: string): string {
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
