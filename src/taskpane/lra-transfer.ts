/**
 * A parsed LRA packed for the trip from the parse worker to the page. Structured clone rebuilds a
 * 100k-row result object by object on the receiving thread, about twice as long as the parse itself,
 * in one piece: the freeze the worker is there to avoid. Packed, the rows are a few typed arrays
 * (transferred, not copied) and one string holding every text, and the page rebuilds them a slice
 * at a time between which it stays responsive.
 */
import { LRA_LEVELS, amountsAt, type LraLevel, type LraNotation, type LraParseSuccess, type LraRow, type LraSkippedKind, type LraSkippedLine } from "../core/sipd";

const SKIPPED_KINDS: readonly LraSkippedKind[] = ["report-header", "column-header", "page-header", "page-number", "uraian-continuation", "other"];

/** What rows of one sub kegiatan share. */
interface Head {
  urusan: string;
  unit: string;
  program: string;
  kegiatan: string | null;
  subKegiatan: string | null;
  notation: LraNotation;
}

export interface PackedLra {
  /** Everything but rows, skipped lines and findings (small: a few thousand objects at most). */
  rest: Omit<LraParseSuccess, "rows" | "skipped" | "findings">;
  /** Every string, one after the other; string i is text[ends[i-1] .. ends[i]). */
  text: string;
  ends: Int32Array;
  rows: {
    count: number;
    line: Int32Array;
    level: Uint8Array;
    head: Int32Array;
    heads: Head[];
    /** ids of each row's fields: fieldIds[fieldStart[i] .. fieldStart[i+1]) */
    fieldStart: Int32Array;
    fieldIds: Int32Array;
    /** kode, uraian, akun, kelompok per row; -1: null, -2: the same as field 0 (kode) or 1 (uraian) */
    strings: Int32Array;
    /** 7 stated then 3 recomputed amounts per row; NaN stands for null (an amount is never NaN) */
    amounts: Float64Array;
    /** -1 for null */
    persenDecimals: Int16Array;
    repaired: Array<[index: number, repaired: NonNullable<LraRow["repaired"]>]>;
  };
  skipped: { line: Int32Array; kind: Uint8Array; text: Int32Array };
}

/** Amounts per row: the 7 stated in column order, then the recomputed S/D, % and sisa. */
const AMOUNTS = 10;
const NULL = -1;
const SAME = -2;

/** Packs everything but the findings (the worker sends those as they are, in batches). */
export function packLra(lra: LraParseSuccess): PackedLra {
  const parts: string[] = [];
  const ends: number[] = [];
  let length = 0;
  const add = (s: string): number => {
    parts.push(s);
    length += s.length;
    ends.push(length);
    return ends.length - 1;
  };

  const n = lra.rows.length;
  const line = new Int32Array(n);
  const level = new Uint8Array(n);
  const head = new Int32Array(n);
  const heads: Head[] = [];
  const fieldStart = new Int32Array(n + 1);
  const fieldIds: number[] = [];
  const strings = new Int32Array(n * 4);
  const amounts = new Float64Array(n * AMOUNTS);
  const persenDecimals = new Int16Array(n);
  const repaired: PackedLra["rows"]["repaired"] = [];
  // rows of a sub kegiatan share one notation object: the head is looked up by it, then checked
  const headsByNotation = new Map<LraNotation, number[]>();
  const sameHead = (h: Head, r: LraRow) =>
    h.urusan === r.urusan && h.unit === r.unit && h.program === r.program && h.kegiatan === r.kegiatan && h.subKegiatan === r.subKegiatan;

  lra.rows.forEach((r, i) => {
    line[i] = r.line;
    level[i] = LRA_LEVELS.indexOf(r.level);
    let candidates = headsByNotation.get(r.notation);
    if (!candidates) headsByNotation.set(r.notation, (candidates = []));
    let h = candidates.find((k) => sameHead(heads[k]!, r));
    if (h === undefined) {
      h = heads.push({ urusan: r.urusan, unit: r.unit, program: r.program, kegiatan: r.kegiatan, subKegiatan: r.subKegiatan, notation: r.notation }) - 1;
      candidates.push(h);
    }
    head[i] = h;
    fieldStart[i] = fieldIds.length;
    // cut from the row's line on each read: read once
    const fields = r.fields;
    for (const f of fields) fieldIds.push(add(f));
    strings[i * 4] = r.kode === fields[0] ? SAME : add(r.kode);
    strings[i * 4 + 1] = r.uraian === fields[1] ? SAME : add(r.uraian);
    strings[i * 4 + 2] = add(r.akun);
    strings[i * 4 + 3] = r.kelompok === null ? NULL : add(r.kelompok);
    const a = i * AMOUNTS;
    const { stated: s, recomputed: re } = r;
    amounts[a] = s.anggaranSebelum ?? NaN;
    amounts[a + 1] = s.anggaranSetelah ?? NaN;
    amounts[a + 2] = s.realisasiBulanLalu ?? NaN;
    amounts[a + 3] = s.realisasiBulanIni ?? NaN;
    amounts[a + 4] = s.realisasiSd ?? NaN;
    amounts[a + 5] = s.persen ?? NaN;
    amounts[a + 6] = s.sisa ?? NaN;
    amounts[a + 7] = re.realisasiSd ?? NaN;
    amounts[a + 8] = re.persen ?? NaN;
    amounts[a + 9] = re.sisa ?? NaN;
    persenDecimals[i] = r.persenDecimals ?? NULL;
    if (r.repaired) repaired.push([i, r.repaired]);
  });
  fieldStart[n] = fieldIds.length;

  const skipped = {
    line: Int32Array.from(lra.skipped, (s) => s.line),
    kind: Uint8Array.from(lra.skipped, (s) => SKIPPED_KINDS.indexOf(s.kind)),
    text: Int32Array.from(lra.skipped, (s) => add(s.text)),
  };
  const { meta, footer, programs, kegiatan, subKegiatan, blankLines, lineCount } = lra;
  return {
    rest: { ok: true, meta, footer, programs, kegiatan, subKegiatan, blankLines, lineCount },
    text: parts.join(""),
    ends: Int32Array.from(ends),
    rows: { count: n, line, level, head, heads, fieldStart, fieldIds: Int32Array.from(fieldIds), strings, amounts, persenDecimals, repaired },
    skipped,
  };
}

/** The buffers to transfer with postMessage (moved, not copied). */
export function transferables(p: PackedLra): ArrayBuffer[] {
  const r = p.rows;
  const views = [p.ends, r.line, r.level, r.head, r.fieldStart, r.fieldIds, r.strings, r.amounts, r.persenDecimals, p.skipped.line, p.skipped.kind, p.skipped.text];
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}

/**
 * Rebuilds the LRA, `slice` rows at a time; `pause` runs between slices (the page yields to its
 * events there). The rows carry what the parser's rows carry, their fields and recomputed amounts as
 * plain data, and share notations as the parser's rows do.
 */
export async function unpackLra(p: PackedLra, findings: LraParseSuccess["findings"], pause: (done: number, total: number) => Promise<void>, slice = 5_000): Promise<LraParseSuccess> {
  const { text, ends } = p;
  const str = (id: number): string => text.slice(id === 0 ? 0 : ends[id - 1]!, ends[id]!);
  const r = p.rows;
  const repaired = new Map(r.repaired);
  const amount = (v: number): number | null => (v === v ? v : null);
  const rows: LraRow[] = new Array<LraRow>(r.count);
  for (let i = 0; i < r.count; i++) {
    const h = r.heads[r.head[i]!]!;
    const fields: string[] = [];
    for (let k = r.fieldStart[i]!; k < r.fieldStart[i + 1]!; k++) fields.push(str(r.fieldIds[k]!));
    const s = r.strings;
    const kode = s[i * 4]! === SAME ? fields[0]! : str(s[i * 4]!);
    const uraian = s[i * 4 + 1]! === SAME ? fields[1]! : str(s[i * 4 + 1]!);
    const kelompok = s[i * 4 + 3]! === NULL ? null : str(s[i * 4 + 3]!);
    const a = i * AMOUNTS;
    const m = r.amounts;
    const stated = amountsAt(m, a);
    const recomputed: LraRow["recomputed"] = { realisasiSd: null, persen: null, sisa: null };
    recomputed.realisasiSd = amount(m[a + 7]!);
    recomputed.persen = amount(m[a + 8]!);
    recomputed.sisa = amount(m[a + 9]!);
    const row: LraRow = {
      line: r.line[i]!,
      fields,
      kode,
      uraian,
      level: LRA_LEVELS[r.level[i]!] as LraLevel,
      urusan: h.urusan,
      unit: h.unit,
      program: h.program,
      kegiatan: h.kegiatan,
      subKegiatan: h.subKegiatan,
      kelompok,
      akun: str(s[i * 4 + 2]!),
      notation: h.notation,
      stated,
      persenDecimals: r.persenDecimals[i] === NULL ? null : r.persenDecimals[i]!,
      recomputed,
    };
    const fix = repaired.get(i);
    if (fix) row.repaired = fix;
    rows[i] = row;
    if ((i + 1) % slice === 0 && i + 1 < r.count) await pause(i + 1, r.count);
  }
  const skipped: LraSkippedLine[] = Array.from(p.skipped.line, (line, i) => ({ line, kind: SKIPPED_KINDS[p.skipped.kind[i]!]!, text: str(p.skipped.text[i]!) }));
  const { meta, footer, programs, kegiatan, subKegiatan, blankLines, lineCount } = p.rest;
  return { ok: true, meta, rows, footer, programs, kegiatan, subKegiatan, findings, skipped, blankLines, lineCount };
}
