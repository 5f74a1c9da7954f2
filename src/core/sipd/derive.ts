/** Programs over all kelompok, kegiatan (not rows in the export) and sub kegiatan, summed from rows, in code order. */
import { addMoney, persenOf } from "./amounts";
import type { LraKegiatan, LraProgram, LraRow, LraSubKegiatan, LraTotals } from "./types";


/** Σ of the stated amounts; a column is null when any row lacks it (a sum over a gap is not a total). */
export function totalsOf(rows: readonly LraRow[]): LraTotals {
  // one local per column: a store keyed by the column's name costs more than the sum
  let sebelum: number | null = 0;
  let setelah: number | null = 0;
  let lalu: number | null = 0;
  let ini: number | null = 0;
  let sd: number | null = 0;
  for (let i = 0; i < rows.length; i++) {
    const s = rows[i]!.stated;
    sebelum = plus(sebelum, s.anggaranSebelum);
    setelah = plus(setelah, s.anggaranSetelah);
    lalu = plus(lalu, s.realisasiBulanLalu);
    ini = plus(ini, s.realisasiBulanIni);
    sd = plus(sd, s.realisasiSd);
  }
  return {
    anggaranSebelum: sebelum,
    anggaranSetelah: setelah,
    realisasiBulanLalu: lalu,
    realisasiBulanIni: ini,
    realisasiSd: sd,
    sisa: setelah !== null && sd !== null ? addMoney(setelah, -sd) : null,
    persen: setelah !== null && sd !== null ? persenOf(sd, setelah) : null,
  };
}

const plus = (acc: number | null, v: number | null): number | null => (acc === null || v === null ? null : addMoney(acc, v));

/** Distinct non-null values in order of first appearance. */
function distinct(values: Iterable<string | null>): string[] {
  const seen = new Set<string>();
  for (const v of values) if (v !== null) seen.add(v);
  return [...seen];
}

// fixed-width codes (01, 2.01, 2.01.0001): plain string order is code order
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Groups items by key, in order of first appearance; an item whose key is null is left out. */
export function groupBy<T>(rows: readonly T[], keyOf: (r: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Groups items by a pair of keys, in order of first appearance, without making a string of the pair
 * per item (6,000 sub kegiatan rows in a large export, each a new key to hash); an item whose second
 * key is null is left out. The rows of a group mostly come together: the last group is tried first.
 */
function groupByPair<T>(rows: readonly T[], outerOf: (r: T) => string, innerOf: (r: T) => string | null): T[][] {
  const byOuter = new Map<string, Map<string, T[]>>();
  const groups: T[][] = [];
  let lastOuter = "";
  let lastInner: string | null = null;
  let last: T[] | null = null;
  for (const row of rows) {
    const inner = innerOf(row);
    if (inner === null) continue;
    const outer = outerOf(row);
    if (last !== null && inner === lastInner && outer === lastOuter) {
      last.push(row);
      continue;
    }
    let byInner = byOuter.get(outer);
    if (!byInner) byOuter.set(outer, (byInner = new Map()));
    let group = byInner.get(inner);
    if (!group) {
      group = [];
      byInner.set(inner, group);
      groups.push(group);
    }
    group.push(row);
    last = group;
    lastOuter = outer;
    lastInner = inner;
  }
  return groups;
}

/** `counted` excludes duplicate rows, which are flagged and not summed twice. */
export function derive(counted: readonly LraRow[]): { programs: LraProgram[]; kegiatan: LraKegiatan[]; subKegiatan: LraSubKegiatan[] } {
  const programRows = counted.filter((r) => r.level === "program");
  const subRows = counted.filter((r) => r.level === "sub_kegiatan");

  const programs: LraProgram[] = [];
  for (const group of groupBy(programRows, (r) => r.program).values()) {
    const first = group[0];
    if (!first) continue;
    const kelompok = distinct(group.map((r) => r.kelompok));
    programs.push({
      program: first.program,
      notation: first.notation.program ?? "",
      uraian: first.uraian,
      kelompok,
      lines: group.map((r) => r.line),
      totals: totalsOf(group),
    });
  }

  // kegiatan codes repeat across programs (2.01 exists under 01–06): the key includes the program
  const kegiatan: LraKegiatan[] = [];
  for (const group of groupByPair(subRows, (r) => r.program, (r) => r.kegiatan)) {
    const first = group[0];
    if (!first || first.kegiatan === null) continue;
    const subs = distinct(group.map((r) => r.subKegiatan));
    kegiatan.push({
      program: first.program,
      kegiatan: first.kegiatan,
      notation: first.notation.kegiatan ?? "",
      subKegiatan: subs,
      lines: group.map((r) => r.line),
      totals: totalsOf(group),
    });
  }

  const subKegiatan: LraSubKegiatan[] = [];
  for (const group of groupByPair(subRows, (r) => r.program, (r) => r.subKegiatan)) {
    const first = group[0];
    if (!first || first.kegiatan === null || first.subKegiatan === null) continue;
    const kelompok = distinct(group.map((r) => r.kelompok));
    subKegiatan.push({
      program: first.program,
      kegiatan: first.kegiatan,
      subKegiatan: first.subKegiatan,
      notation: first.notation.subKegiatan ?? "",
      uraian: first.uraian,
      kelompok,
      lines: group.map((r) => r.line),
      totals: totalsOf(group),
    });
  }
  // code order, as the PK and realisasi tables list them; a program's Belanja Modal rows come last in the export
  programs.sort((a, b) => compare(a.program, b.program));
  // program codes are two digits, so this is the order of "program|kegiatan", without a string per comparison
  kegiatan.sort((a, b) => compare(a.program, b.program) || compare(a.kegiatan, b.kegiatan));
  subKegiatan.sort((a, b) => compare(a.program, b.program) || compare(a.subKegiatan, b.subKegiatan));
  return { programs, kegiatan, subKegiatan };
}
