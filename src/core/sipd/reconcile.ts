/**
 * The identities of SPEC d5, checked at import: per row S/D, sisa and %; every parent = Σ its children;
 * footer = SKPD total. Each break becomes a finding; nothing is corrected.
 */
import { formatAngka } from "../numbers";
import type { MessageCode, MessageParams, SipdFooterSource } from "../messages.id";
import { addMoney, persenOf, persenOfRow, persenTruncated, sameMoney, sdOf, sisaOf } from "./amounts";
import { parentKode, segments, startsWithTokens } from "./kode";
import { AmountStore, Row, SLOTS, stageAmounts } from "./row";
import { MONEY_COLUMNS, type LraAmounts, type LraColumn, type LraFinding, type LraFooterRow, type LraLevel, type LraMoneyColumn, type LraRow, type Severity } from "./types";

export const money = (v: number): string => formatAngka(v, "money");
export const percent = (v: number, decimals = 2): string => formatAngka(v, "ratio", { decimals });

interface FindingInput {
  rule: string;
  code: MessageCode;
  severity: Severity;
  line: number;
  params?: MessageParams;
  kode?: string;
  column?: LraColumn | "kode" | "fields";
  stated?: number | string;
  expected?: number | string;
  relatedLines?: number[];
}

export function finding(f: FindingInput): LraFinding {
  const at: LraFinding["at"] = { kind: "line", line: f.line };
  if (f.column !== undefined) at.column = f.column;
  if (f.kode !== undefined) at.kode = f.kode;
  const out: LraFinding = { rule: f.rule, code: f.code, severity: f.severity, at, params: f.params ?? {} };
  if (f.stated !== undefined) out.stated = f.stated;
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.relatedLines !== undefined) out.related = f.relatedLines.map((line) => ({ kind: "line", line }));
  return out;
}

/** S/D = lalu + ini; sisa = setelah − S/D (and not negative); S/D ≤ setelah; % = half-up 2dp. */
export function checkRowArithmetic(row: LraRow, out: LraFinding[]): void {
  const { line, kode, stated: s } = row;
  // worked out here, not read from row.recomputed: a row makes that object only when asked for it (nor
  // one of its own here: 100k of them per parse)
  const sd = sdOf(s);
  const sisa = sisaOf(s);
  if (s.realisasiSd !== null && sd !== null && !sameMoney(s.realisasiSd, sd)) {
    out.push(
      finding({
        rule: "R-SUM-01", code: "sipd-sd-mismatch", severity: "error", line, kode, column: "realisasiSd",
        stated: s.realisasiSd, expected: sd,
        params: { stated: money(s.realisasiSd), expected: money(sd) },
      }),
    );
  }
  if (s.sisa !== null && sisa !== null && !sameMoney(s.sisa, sisa)) {
    out.push(
      finding({
        rule: "R-SISA-01", code: "sipd-sisa-mismatch", severity: "error", line, kode, column: "sisa",
        stated: s.sisa, expected: sisa,
        params: { stated: money(s.sisa), expected: money(sisa) },
      }),
    );
  }
  if (s.sisa !== null && s.sisa < 0) {
    out.push(
      finding({
        rule: "R-SISA-01", code: "sipd-sisa-negative", severity: "warning", line, kode, column: "sisa",
        stated: s.sisa, params: { stated: money(s.sisa) },
      }),
    );
  }
  if (s.realisasiSd !== null && s.anggaranSetelah !== null && s.realisasiSd > s.anggaranSetelah) {
    const p = persenOf(s.realisasiSd, s.anggaranSetelah);
    out.push(
      finding({
        rule: "R-PEN-02", code: "sipd-realisasi-over", severity: "warning", line, kode, column: "realisasiSd",
        stated: s.realisasiSd, expected: s.anggaranSetelah,
        params: { stated: money(s.realisasiSd), expected: money(s.anggaranSetelah), persen: p === null ? "∞" : percent(p) },
      }),
    );
  }
  checkPersen(line, kode, s, persenOfRow(s), row.persenDecimals, row, out);
}

/**
 * `exact2` is the row's recomputed %: S/D ÷ SETELAH at 2 decimals. The % cell as printed is read off
 * `printed` only when its precision is odd (a row's fields are cut from its line on demand).
 */
function checkPersen(line: number, kode: string | undefined, s: LraAmounts, exact2: number | null, decimals: number | null, printed: { readonly fields: readonly string[] }, out: LraFinding[]): void {
  if (s.persen === null || decimals === null || s.realisasiSd === null || s.anggaranSetelah === null) return;
  if (exact2 === null) return; // no anggaran: R-PEN-02 already says realisasi exceeds it
  let at = 2;
  if (decimals !== 2) {
    const raw = printed.fields[7] ?? "";
    out.push(
      finding({
        rule: "R-NUM-02", code: "sipd-persen-precision", severity: "info", line, kode, column: "persen",
        stated: raw.trim(), expected: exact2,
        params: { raw: raw.trim(), decimals, expected: percent(exact2) },
      }),
    );
    // judged at the precision it claims; SIPD's own 1.592,4 is 1592,44 rounded to one decimal
    at = Math.min(decimals, 6);
  }
  const exact = at === 2 ? exact2 : persenOf(s.realisasiSd, s.anggaranSetelah, at);
  if (exact === null || exact === s.persen) return;
  if (persenTruncated(s.realisasiSd, s.anggaranSetelah, at) === s.persen) {
    out.push(
      finding({
        rule: "R-CAP-02", code: "sipd-persen-truncated", severity: "info", line, kode, column: "persen",
        stated: s.persen, expected: exact, params: { stated: percent(s.persen, at), expected: percent(exact, at) },
      }),
    );
    return;
  }
  out.push(
    finding({
      rule: "R-PEN-01", code: "sipd-persen-mismatch", severity: "error", line, kode, column: "persen",
      stated: s.persen, expected: exact, params: { stated: percent(s.persen, at), expected: percent(exact, at) },
    }),
  );
}

export interface Tree {
  /** kode → index in `counted` (built when first asked: most exports never ask) */
  byKey: Pick<ReadonlyMap<string, number>, "get" | "has">;
  /** rows that count in sums: the first row of each kode */
  counted: LraRow[];
  /** index in `counted` of each counted row's parent; -1 for a root or an orphan */
  parent: Int32Array;
  /** rows whose parent row is missing, with the parent's kode */
  orphans: Array<{ row: LraRow; parent: string }>;
  /** a later row with a kode already taken (a copied page), and the first row */
  duplicates: Array<{ row: LraRow; first: LraRow }>;
}

/** How a row takes part in the tree: its own kode, or the repaired one. */
export type Reading = (row: LraRow) => { kode: string; akun: string; level: LraLevel };
export const literalReading: Reading = (row) => row;
export const repairedReading: Reading = (row) => row.repaired ?? row;

/** Akun segments by level; a malformed code has to be counted. */
const SEGMENTS: Record<LraLevel, number> = {
  skpd_total: 1,
  skpd_kelompok: 2,
  program: 2,
  sub_kegiatan: 2,
  akun_jenis: 3,
  akun_objek: 4,
  akun_rincian_objek: 5,
  akun_sub_rincian_objek: 6,
  malformed: -1,
};

/**
 * The tree of an export as SIPD writes it, built row by row without a map of every kode: each parent
 * comes before its children, an akun row right after its parent's subtree began (the last row one
 * segment shorter), and the children of a parent in rising code order, so no code can repeat. It
 * gives up as soon as the rows are not so (a copied page, a malformed code, a parent later or
 * missing): treeByKode then reads them, and gives what this would have given where both apply.
 *
 * The parse adds each row as it reads it, while the row and its text are in the cache: a pass over
 * 100k rows afterwards cost a cache miss or two per row, more than the work.
 */
export class OrderedTree {
  private count = 0;
  private failed = false;
  private parent = new Int32Array(1024).fill(-1);
  // per parent: its last child so far, and that child's last segment when it is an akun row
  private lastChild = new Int32Array(1024).fill(-1);
  private lastSegment = new Int32Array(1024);
  /** each row's akun as one number (KodeScan.akunValue), -1 when not known */
  private akunValues = new Float64Array(1024);
  // parents of rows of two segments or fewer: program, kelompok and total rows
  private readonly upper = new Map<string, number>();
  private readonly roots = new Set<string>();
  private readonly lastAt: number[] = [];

  /** `rows`: the rows added so far, in order (the parse's own array, which grows as they are added). */
  constructor(
    private readonly rows: readonly LraRow[],
    private readonly read: Reading,
  ) {}

  /**
   * The next row, `rows[i]` once added. `segments`: the akun segments its level has (SEGMENTS[level],
   * -1 when malformed); `segment`: the value of its kode's last segment (lastSegmentOf), for akun rows.
   * `akunValue` and `lastWidth` (KodeScan's, or -1 when not read) let an akun row be matched with its
   * parent by numbers instead of characters.
   */
  add(row: LraRow, segments: number, segment: number, akunValue = -1, lastWidth = 0): void {
    if (this.failed) return;
    const i = this.count++;
    if (i === this.parent.length) this.grow();
    this.akunValues[i] = akunValue;
    if (!this.place(row, i, segments, segment, akunValue < 0 ? -1 : Math.floor(akunValue / POW10[lastWidth]!))) this.failed = true;
  }

  /** The tree of the rows added, or null when they are not as SIPD writes them. */
  tree(): Tree | null {
    const { rows, read, count } = this;
    if (this.failed || count !== rows.length) return null;
    return { byKey: lazyIndex(rows, read), counted: rows as LraRow[], parent: this.parent.subarray(0, count), orphans: [], duplicates: [] };
  }

  /** `parentAkun`: the akun of this row's parent as a number (its akun without the last token), or -1 */
  private place(row: LraRow, i: number, n: number, segment: number, parentAkun: number): boolean {
    const { rows, read, parent, lastChild, lastSegment } = this;
    const r = read(row);
    if (n < 0) return false;
    let p = -1;
    if (n >= 3) {
      const g = this.lastAt[n - 1];
      if (g === undefined) return false;
      // the guess is the parent when its kode is this one's up to a space, with a segment after it;
      // codes as written that share their head object need only the akun after it compared
      const guess = rows[g]!;
      const gr = read(guess);
      const gk = gr.kode;
      const known = r === row && gr === guess ? Row.sharedHeadLength(row, guess) : 0;
      // one head (one text), both akun read: the guess's akun is this one's but its last token when
      // their numbers say so (each token has its width at its place); else compared as text
      const guessAkun = known > 0 ? this.akunValues[g]! : -1;
      if (parentAkun >= 0 && guessAkun >= 0) {
        if (guessAkun !== parentAkun) return false;
      } else if (r.kode.length <= gk.length + 1 || !startsWithTokens(r.kode, gk, known)) return false;
      p = g;
      // siblings share every segment but the last, of one width: their values must rise
      const c = lastChild[p]!;
      if (c >= 0 && lastSegment[p]! >= segment) return false;
      lastSegment[p] = segment;
    } else {
      const pk = parentKode(r.kode, row.program, row.subKegiatan ?? "00", r.akun);
      if (pk === null) {
        if (this.roots.has(r.kode)) return false;
        this.roots.add(r.kode);
      } else {
        const found = this.upper.get(pk);
        if (found === undefined) return false;
        p = found;
        const c = lastChild[p]!;
        if (c >= 0 && read(rows[c]!).kode >= r.kode) return false;
      }
      if (row.subKegiatan === null) this.upper.set(r.kode, i);
    }
    if (p >= 0) {
      parent[i] = p;
      lastChild[p] = i;
    }
    this.lastAt[n] = i;
    return true;
  }

  private grow(): void {
    this.parent = doubled(this.parent, -1);
    this.lastChild = doubled(this.lastChild, -1);
    this.lastSegment = doubled(this.lastSegment, 0);
    this.akunValues = doubled(this.akunValues, 0);
  }
}

/** `a` copied into an array twice its length, the new half filled with `fill`. */
function doubled<A extends Int32Array | Float64Array>(a: A, fill: number): A {
  const out = new (a.constructor as new (n: number) => A)(a.length * 2);
  out.set(a);
  if (fill !== 0) out.fill(fill, a.length);
  return out;
}

/** `ordered`: the rows' tree as the parse built it while reading them (the literal reading). */
export function buildTree(rows: LraRow[], read: Reading, ordered?: OrderedTree): Tree {
  return (ordered && read === literalReading ? ordered.tree() : orderedTree(rows, read)) ?? treeByKode(rows, read);
}

/** OrderedTree over rows already read. */
function orderedTree(rows: LraRow[], read: Reading): Tree | null {
  const tree = new OrderedTree(rows, read);
  for (let i = 0; i < rows.length; i++) {
    const r = read(rows[i]!);
    const n = segmentsOf(r.level);
    tree.add(rows[i]!, n, n >= 3 ? lastSegmentOf(r.kode) : 0);
  }
  return tree.tree();
}

const POW10 = [1, 10, 100, 1000, 10000, 100000];

/** The akun segments of a level (SEGMENTS): -1 for a malformed kode. */
export const segmentsOf = (level: LraLevel): number => SEGMENTS[level];

/** The last segment of a kode as a number (its digits). */
export function lastSegmentOf(kode: string): number {
  let v = 0;
  let scale = 1;
  for (let k = kode.length - 1; k >= 0; k--) {
    const c = kode.charCodeAt(k);
    if (c === 32) break;
    v += (c - 48) * scale;
    scale *= 10;
  }
  return v;
}

/** kode → index of its first row, built on first use. */
function lazyIndex(rows: readonly LraRow[], read: Reading): Tree["byKey"] {
  let map: Map<string, number> | null = null;
  const index = (): Map<string, number> => {
    if (!map) {
      map = new Map();
      for (let i = 0; i < rows.length; i++) {
        const k = read(rows[i]!).kode;
        if (!map.has(k)) map.set(k, i);
      }
    }
    return map;
  };
  return { get: (kode) => index().get(kode), has: (kode) => index().has(kode) };
}

/** Any rows: a map of every kode finds duplicates and parents wherever they stand. */
export function treeByKode(rows: LraRow[], read: Reading): Tree {
  const byKey = new Map<string, number>();
  const duplicates: Tree["duplicates"] = [];
  // the rows themselves until the first duplicate: most exports have none
  let copy: LraRow[] | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const { kode } = read(row);
    const first = byKey.get(kode);
    if (first !== undefined) {
      copy ??= rows.slice(0, i);
      duplicates.push({ row, first: copy[first]! });
      continue;
    }
    byKey.set(kode, copy ? copy.length : i);
    copy?.push(row);
  }
  const counted = copy ?? rows;
  const parent = new Int32Array(counted.length).fill(-1);
  const orphans: Tree["orphans"] = [];
  // An export lists a parent right before its subtree: the last row one akun segment shorter is tried
  // first, without cutting the parent's kode out of the row's; the map decides when it does not fit.
  const lastAt: number[] = [];
  for (let i = 0; i < counted.length; i++) {
    const row = counted[i]!;
    const { kode, akun } = read(row);
    const n = akun === "" ? 0 : segments(akun);
    const guess = n >= 3 ? lastAt[n - 1] : undefined;
    lastAt[n] = i;
    if (guess !== undefined) {
      const g = read(counted[guess]!).kode;
      if (g.length === kode.lastIndexOf(" ") && kode.startsWith(g)) {
        parent[i] = guess;
        continue;
      }
    }
    const pk = parentKode(kode, row.program, row.subKegiatan ?? "00", akun);
    if (pk === null) continue;
    const p = byKey.get(pk);
    if (p === undefined) orphans.push({ row, parent: pk });
    else parent[i] = p;
  }
  return { byKey, counted, parent, orphans, duplicates };
}

export interface RollupBreak {
  parent: LraRow;
  column: LraMoneyColumn;
  stated: number;
  sum: number;
  children: LraRow[];
}

/**
 * Every parent against the sum of its children, per money column, in the order parents first get a
 * child. The sums run over the rows once, child by child in row order, into one slot per parent and
 * column; a child lacking the amount leaves that sum undefined.
 */
export function rollupBreaks(tree: Tree, store: AmountStore | null = null): RollupBreak[] {
  const { counted, parent } = tree;
  // the amounts by row, as the parse keeps them (store), or as the rows give them
  const v = (store ?? storeOf(counted)).values;
  const C = MONEY_COLUMNS.length;
  const sums = new Float64Array(counted.length * C);
  const gap = new Uint8Array(counted.length * C);
  const seen = new Uint8Array(counted.length);
  const parents: number[] = [];
  for (let i = 0; i < counted.length; i++) {
    const p = parent[i]!;
    if (p < 0) continue;
    if (!seen[p]) {
      seen[p] = 1;
      parents.push(p);
    }
    // MONEY_COLUMNS order: the store's fields 3–7 and 9 (8 is the %)
    const a = i * SLOTS;
    const k = p * C;
    add(sums, gap, k, v[a]!);
    add(sums, gap, k + 1, v[a + 1]!);
    add(sums, gap, k + 2, v[a + 2]!);
    add(sums, gap, k + 3, v[a + 3]!);
    add(sums, gap, k + 4, v[a + 4]!);
    add(sums, gap, k + 5, v[a + 6]!);
  }
  const found: Found[] = [];
  for (const p of parents) {
    // in MONEY_COLUMNS order, as they were summed
    const a = p * SLOTS;
    const k = p * C;
    breakAt(found, p, 0, v[a]!, sums, gap, k);
    breakAt(found, p, 1, v[a + 1]!, sums, gap, k + 1);
    breakAt(found, p, 2, v[a + 2]!, sums, gap, k + 2);
    breakAt(found, p, 3, v[a + 3]!, sums, gap, k + 3);
    breakAt(found, p, 4, v[a + 4]!, sums, gap, k + 4);
    breakAt(found, p, 5, v[a + 6]!, sums, gap, k + 5);
  }
  if (found.length === 0) return [];
  // the children of the parents that break, in row order
  const kids = new Map<number, LraRow[]>(found.map((b) => [b.p, []]));
  for (let i = 0; i < counted.length; i++) kids.get(parent[i]!)?.push(counted[i]!);
  return found.map((b) => ({ parent: counted[b.p]!, column: b.column, stated: b.stated, sum: b.sum, children: kids.get(b.p)! }));
}

interface Found {
  p: number;
  column: LraMoneyColumn;
  stated: number;
  sum: number;
}

/** Parent p's stated amount `v` (NaN: none) of column c against the sum of its children at slot k. */
function breakAt(found: Found[], p: number, c: number, v: number, sums: Float64Array, gap: Uint8Array, k: number): void {
  if (v === v && !gap[k] && !sameMoney(v, sums[k]!)) found.push({ p, column: MONEY_COLUMNS[c]!, stated: v, sum: sums[k]! });
}

/** One child's amount (NaN: none) into its parent's sum at slot k; a missing amount leaves the sum undefined (gap). */
function add(sums: Float64Array, gap: Uint8Array, k: number, v: number): void {
  if (gap[k]) return;
  if (v !== v) gap[k] = 1;
  else sums[k] = addMoney(sums[k]!, v);
}

/** The rows' amounts, as a parse keeps them. */
function storeOf(rows: readonly LraRow[]): AmountStore {
  const store = new AmountStore();
  const v = new Float64Array(SLOTS);
  for (const row of rows) {
    stageAmounts(row.stated, v);
    store.push(v);
  }
  return store;
}

export function rollupFinding(b: RollupBreak): LraFinding {
  return finding({
    rule: "R-SUM-01", code: "sipd-rollup", severity: "error", line: b.parent.line, kode: b.parent.kode, column: b.column,
    stated: b.stated, expected: b.sum, relatedLines: b.children.map((c) => c.line),
    params: {
      column: b.column, level: b.parent.level, kode: b.parent.kode,
      stated: money(b.stated), expected: money(b.sum), count: b.children.length,
    },
  });
}

const FOOTER_COLUMNS: readonly LraColumn[] = ["anggaranSebelum", "anggaranSetelah", "realisasiBulanLalu", "realisasiBulanIni", "realisasiSd"];

/**
 * Jumlah Belanja = BELANJA DAERAH (akun 5) row; Surplus / Defisit = pendapatan (akun 4, none for a
 * kecamatan) − belanja. The footer's anggaran cells may be empty (SIPD leaves them so on Jumlah Belanja).
 * `totals`: the SKPD total rows, in order (any rows will do; the others are passed over).
 */
export function checkFooter(footer: readonly LraFooterRow[], totals: readonly LraRow[], out: LraFinding[]): void {
  const belanja = totals.find((r) => r.level === "skpd_total" && r.akun === "5");
  const pendapatan = totals.find((r) => r.level === "skpd_total" && r.akun === "4");
  const jumlah = footer.find((f) => f.kind === "jumlah_belanja");
  const belanjaValue = (c: LraColumn): number | null => belanja?.stated[c] ?? jumlah?.stated[c] ?? null;

  for (const f of footer) {
    const s = f.stated;
    if (s.realisasiBulanLalu !== null && s.realisasiBulanIni !== null && s.realisasiSd !== null) {
      const sd = addMoney(s.realisasiBulanLalu, s.realisasiBulanIni);
      if (!sameMoney(sd, s.realisasiSd)) {
        out.push(
          finding({
            rule: "R-SUM-01", code: "sipd-sd-mismatch", severity: "error", line: f.line, column: "realisasiSd",
            stated: s.realisasiSd, expected: sd, params: { stated: money(s.realisasiSd), expected: money(sd) },
          }),
        );
      }
    }
    for (const c of FOOTER_COLUMNS) {
      const stated = s[c];
      let expected: number | null;
      let source: SipdFooterSource;
      if (f.kind === "jumlah_belanja") {
        expected = belanja?.stated[c] ?? null;
        source = "belanja";
      } else {
        const b = belanjaValue(c);
        expected = b === null ? null : addMoney(pendapatan?.stated[c] ?? 0, -b);
        source = "surplus";
      }
      if (stated === null || expected === null || sameMoney(stated, expected)) continue;
      out.push(
        finding({
          rule: "R-SUM-01", code: "sipd-footer-mismatch", severity: "error", line: f.line, column: c, stated, expected,
          relatedLines: belanja ? [belanja.line] : undefined,
          params: { footer: f.kind, column: c, stated: money(stated), expected: money(expected), source, sourceLine: belanja?.line },
        }),
      );
    }
    // Jumlah Belanja has no anggaran of its own: its % is BELANJA DAERAH's
    if (f.kind === "jumlah_belanja" && s.persen !== null && belanja && belanja.recomputed.persen !== null && s.persen !== belanja.recomputed.persen) {
      out.push(
        finding({
          rule: "R-PEN-01", code: "sipd-footer-mismatch", severity: "error", line: f.line, column: "persen",
          stated: s.persen, expected: belanja.recomputed.persen, relatedLines: [belanja.line],
          params: { footer: f.kind, column: "persen", stated: percent(s.persen), expected: percent(belanja.recomputed.persen), source: "belanja" satisfies SipdFooterSource, sourceLine: belanja.line },
        }),
      );
    }
    if (f.kind === "surplus_defisit") {
      const exact2 = s.realisasiSd !== null && s.anggaranSetelah !== null ? persenOf(s.realisasiSd, s.anggaranSetelah, 2) : null;
      checkPersen(f.line, undefined, s, exact2, f.persenDecimals, f, out);
    }
  }
}
