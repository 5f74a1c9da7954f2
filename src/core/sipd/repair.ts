/**
 * Which reading of a malformed kode rekening the roll-ups use. Each candidate drops one segment
 * (kode.ts candidateReadings); the amounts decide. A reading fits when the row then has a parent and
 * every parent sum it touches holds. Readings interact (a malformed rincian objek and its malformed
 * sub rincian objek move together, 002:589-593), so the malformed rows of one sub kegiatan are decided
 * together, over the combinations of their readings. A row is repaired only when one reading fits;
 * when several do, the amounts cannot tell and nothing is repaired.
 */
import { sameMoney, addMoney } from "./amounts";
import { candidateReadings, parentKode } from "./kode";
import { MONEY_COLUMNS, type LraLevel, type LraRow } from "./types";

export type RepairDecision =
  | { row: LraRow; kind: "repaired"; kode: string; akun: string; level: LraLevel; segment: string }
  /** more than one reading fits (the literal code among them, when it fits) */
  | { row: LraRow; kind: "ambiguous"; readings: string[] }
  /** no reading fits, or there is none to choose from */
  | { row: LraRow; kind: "none" };

/** Past this many combinations in one sub kegiatan the rows are left as written (a damaged paste, not SIPD's slip). */
const MAX_COMBINATIONS = 4096;

interface Reading {
  kode: string;
  akun: string;
  /** null: the code as written */
  level: LraLevel | null;
  segment: string;
  parent: string | null;
}

const headOf = (row: LraRow): string => (row.akun === "" ? row.kode : row.kode.slice(0, row.kode.length - row.akun.length - 1));

/**
 * One decision for every malformed row, in row order. `taken` holds every code as written (the
 * literal tree): a reading onto a well-formed row's code is no reading.
 */
/** The codes as written and their (first) rows. */
export type TakenKodes = Pick<ReadonlyMap<string, LraRow>, "get" | "has">;

export function decideRepairs(rows: readonly LraRow[], taken: TakenKodes): RepairDecision[] {
  const heads = new Set<string>();
  for (let i = 0; i < rows.length; i++) if (rows[i]!.level === "malformed") heads.add(headOf(rows[i]!));
  if (heads.size === 0) return [];
  const groups = new Map<string, LraRow[]>();
  for (const row of rows) {
    const head = headOf(row);
    if (!heads.has(head)) continue;
    const group = groups.get(head);
    if (group) group.push(row);
    else groups.set(head, [row]);
  }
  const byRow = new Map<LraRow, RepairDecision>();
  for (const [head, group] of groups) decideGroup(head, group, taken, byRow);
  return rows.filter((r) => r.level === "malformed").map((r) => byRow.get(r) ?? { row: r, kind: "none" });
}

function decideGroup(head: string, group: readonly LraRow[], taken: TakenKodes, out: Map<LraRow, RepairDecision>): void {
  // a second copy of a code (a page pasted twice) follows its first; only firsts take part
  const firsts = new Map<string, LraRow>();
  const copies: LraRow[] = [];
  for (const row of group) {
    if (firsts.has(row.kode)) copies.push(row);
    else firsts.set(row.kode, row);
  }

  const variables: Array<{ row: LraRow; options: Reading[] }> = [];
  const fixed = new Map<string, LraRow>();
  for (const row of firsts.values()) {
    const options = row.level === "malformed" ? readingsOf(row, head, taken) : [];
    if (options.length > 1) variables.push({ row, options });
    else fixed.set(row.kode, row);
  }
  let combinations = 1;
  for (const v of variables) combinations *= v.options.length;

  const decide = (d: RepairDecision): void => void out.set(d.row, d);
  if (variables.length === 0 || combinations > MAX_COMBINATIONS) {
    for (const row of firsts.values()) if (row.level === "malformed") decide({ row, kind: "none" });
  } else {
    const fits = fittingCombinations(head, variables, fixed, taken);
    for (const row of fixed.values()) if (row.level === "malformed") decide({ row, kind: "none" });
    variables.forEach(({ row, options }, i) => {
      const chosen = [...new Set(fits.map((combo) => combo[i] ?? 0))];
      const only = chosen.length === 1 ? options[chosen[0] ?? 0] : undefined;
      if (fits.length === 0 || !only) {
        if (fits.length === 0) decide({ row, kind: "none" });
        else decide({ row, kind: "ambiguous", readings: chosen.map((k) => options[k]?.kode ?? "") });
      } else if (only.level === null) decide({ row, kind: "none" });
      else decide({ row, kind: "repaired", kode: only.kode, akun: only.akun, level: only.level, segment: only.segment });
    });
  }
  for (const copy of copies) {
    const first = firsts.get(copy.kode);
    const d = first ? out.get(first) : undefined;
    if (copy.level === "malformed") out.set(copy, d ? { ...d, row: copy } : { row: copy, kind: "none" });
  }
}

/** The code as written, then each well-formed reading whose code no well-formed row has. */
function readingsOf(row: LraRow, head: string, taken: TakenKodes): Reading[] {
  const sub = row.subKegiatan ?? "00";
  const literal: Reading = { kode: row.kode, akun: row.akun, level: null, segment: "", parent: parentKode(row.kode, row.program, sub, row.akun) };
  const out = [literal];
  for (const c of candidateReadings(row.program, sub, row.akun === "" ? [] : row.akun.split(" "))) {
    const akun = c.akun.join(" ");
    const kode = `${head} ${akun}`;
    const holder = taken.get(kode);
    if (holder && holder.level !== "malformed") continue;
    out.push({ kode, akun, level: c.level, segment: c.segment, parent: parentKode(kode, row.program, sub, akun) });
  }
  return out;
}

/** Every combination (an option index per variable) under which each variable has a parent and every touched sum holds. */
function fittingCombinations(
  head: string,
  variables: ReadonlyArray<{ row: LraRow; options: Reading[] }>,
  fixed: ReadonlyMap<string, LraRow>,
  taken: TakenKodes,
): number[][] {
  // the sums a variable can touch: the parent of each of its readings, and each reading as a parent
  const touched = new Set<string>();
  for (const v of variables) {
    for (const o of v.options) {
      touched.add(o.kode);
      if (o.parent !== null) touched.add(o.parent);
    }
  }
  const fixedChildren = new Map<string, LraRow[]>();
  for (const row of fixed.values()) {
    const p = parentKode(row.kode, row.program, row.subKegiatan ?? "00", row.akun);
    if (p === null || !touched.has(p)) continue;
    const kids = fixedChildren.get(p);
    if (kids) kids.push(row);
    else fixedChildren.set(p, [row]);
  }
  // a parent outside this sub kegiatan (a sub kegiatan row's program) is judged elsewhere
  const inside = `${head} `;
  const exists = (kode: string, chosen: ReadonlyMap<string, LraRow>): boolean =>
    fixed.has(kode) || chosen.has(kode) || (!kode.startsWith(inside) && taken.has(kode));

  const fits: number[][] = [];
  const combo = variables.map(() => 0);
  for (;;) {
    if (holds(variables, combo, fixed, fixedChildren, touched, exists)) fits.push([...combo]);
    let i = 0;
    while (i < combo.length) {
      const next = (combo[i] ?? 0) + 1;
      if (next < (variables[i]?.options.length ?? 0)) {
        combo[i] = next;
        break;
      }
      combo[i] = 0;
      i++;
    }
    if (i === combo.length) return fits;
  }
}

function holds(
  variables: ReadonlyArray<{ row: LraRow; options: Reading[] }>,
  combo: readonly number[],
  fixed: ReadonlyMap<string, LraRow>,
  fixedChildren: ReadonlyMap<string, readonly LraRow[]>,
  touched: ReadonlySet<string>,
  exists: (kode: string, chosen: ReadonlyMap<string, LraRow>) => boolean,
): boolean {
  const chosen = new Map<string, LraRow>();
  const movedChildren = new Map<string, LraRow[]>();
  for (let i = 0; i < variables.length; i++) {
    const v = variables[i]!;
    const o = v.options[combo[i] ?? 0]!;
    // two rows on one code: a duplicate the export does not have
    if (fixed.has(o.kode) || chosen.has(o.kode)) return false;
    chosen.set(o.kode, v.row);
    if (o.parent === null) continue;
    const kids = movedChildren.get(o.parent);
    if (kids) kids.push(v.row);
    else movedChildren.set(o.parent, [v.row]);
  }
  for (let i = 0; i < variables.length; i++) {
    const parent = variables[i]!.options[combo[i] ?? 0]!.parent;
    if (parent === null || !exists(parent, chosen)) return false;
  }
  for (const kode of touched) {
    const parent = fixed.get(kode) ?? chosen.get(kode);
    if (!parent) continue;
    const kids = [...(fixedChildren.get(kode) ?? []), ...(movedChildren.get(kode) ?? [])];
    if (kids.length === 0) continue;
    for (const column of MONEY_COLUMNS) {
      const stated = parent.stated[column];
      if (stated === null) continue;
      let sum: number | null = 0;
      for (const kid of kids) {
        const v = kid.stated[column];
        if (v === null) {
          sum = null;
          break;
        }
        sum = addMoney(sum, v);
      }
      if (sum !== null && !sameMoney(stated, sum)) return false;
    }
  }
  return true;
}
