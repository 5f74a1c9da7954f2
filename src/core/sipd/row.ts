/** A data row as the row loop keeps it. */
import { persenOfRow, sdOf, sisaOf } from "./amounts";
import type { KodeHead } from "./kode";
import type { LraAmounts, LraLevel, LraRow } from "./types";

const FIELD_COUNT = 9;

/** Where the nine fields of a row come from when asked for (`key`: what the source knows the row by). */
export interface FieldSource {
  fieldsOf(key: number): string[];
  /** field 2, the uraian, trimmed: what the row loop would have kept */
  uraianOf(key: number): string;
}

/**
 * The fields of a line as the row loop cuts them: TAB-separated, surplus empty fields past the ninth
 * dropped (a spreadsheet copy pads rows with empty cells).
 */
export function splitFields(clean: string): string[] {
  const fields = clean.split("\t");
  while (fields.length > FIELD_COUNT && (fields[fields.length - 1] ?? "").trim() === "") fields.pop();
  return fields;
}

/** Slots of a row's amounts in an AmountStore, in the order SIPD prints them (fields 3–9). */
export const SLOTS = 7;

/**
 * The seven numeric cells of every row of one parse, one after another in a Float64Array, NaN where a
 * cell is empty (an amount is never NaN). As an object per row they were 100k objects and a heap
 * number for every amount past 2^31 and every %, all copied by each young-generation collection.
 */
export class AmountStore {
  length = 0;
  values = new Float64Array(SLOTS * 1024);

  /** The next row's amounts, `v` in field order (NaN: empty); its index. */
  push(v: Float64Array): number {
    const i = this.length++;
    if ((i + 1) * SLOTS > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    // seven stores: TypedArray.prototype.set is a call into the runtime, more than the copy
    const out = this.values;
    const a = i * SLOTS;
    out[a] = v[0]!;
    out[a + 1] = v[1]!;
    out[a + 2] = v[2]!;
    out[a + 3] = v[3]!;
    out[a + 4] = v[4]!;
    out[a + 5] = v[5]!;
    out[a + 6] = v[6]!;
    return i;
  }

  /** Row i's amounts as an object (made when asked for). */
  amounts(i: number): LraAmounts {
    return amountsAt(this.values, i * SLOTS);
  }
}

/** The seven amounts at `a` in `v` (field order, NaN: empty) as an object. */
export function amountsAt(v: Float64Array, a: number): LraAmounts {
  return amounts(orNull(v[a]!), orNull(v[a + 1]!), orNull(v[a + 2]!), orNull(v[a + 3]!), orNull(v[a + 4]!), orNull(v[a + 5]!), orNull(v[a + 6]!));
}

/**
 * Filled after creation: fields that start as null stay "tagged" in V8, so a whole-rupiah amount is
 * stored in place; an object literal of numbers would get a heap box for every amount of every row.
 */
export function amounts(
  anggaranSebelum: number | null,
  anggaranSetelah: number | null,
  realisasiBulanLalu: number | null,
  realisasiBulanIni: number | null,
  realisasiSd: number | null,
  persen: number | null,
  sisa: number | null,
): LraAmounts {
  const stated: LraAmounts = { anggaranSebelum: null, anggaranSetelah: null, realisasiBulanLalu: null, realisasiBulanIni: null, realisasiSd: null, persen: null, sisa: null };
  stated.anggaranSebelum = anggaranSebelum;
  stated.anggaranSetelah = anggaranSetelah;
  stated.realisasiBulanLalu = realisasiBulanLalu;
  stated.realisasiBulanIni = realisasiBulanIni;
  stated.realisasiSd = realisasiSd;
  stated.persen = persen;
  stated.sisa = sisa;
  return stated;
}

const orNull = (x: number): number | null => (x === x ? x : null);

/** `s` into `v` in field order, NaN for null (the form AmountStore.push takes). */
export function stageAmounts(s: LraAmounts, v: Float64Array): void {
  v[0] = s.anggaranSebelum ?? NaN;
  v[1] = s.anggaranSetelah ?? NaN;
  v[2] = s.realisasiBulanLalu ?? NaN;
  v[3] = s.realisasiBulanIni ?? NaN;
  v[4] = s.realisasiSd ?? NaN;
  v[5] = s.persen ?? NaN;
  v[6] = s.sisa ?? NaN;
}

/**
 * A data row. Its fields are cut from its line only when asked for: kept on every row, they were
 * nine strings and an array per row, most of a 100k-row parse's garbage. What its kode's head says
 * is read through the head the rows of one sub kegiatan share. So is its recomputed
 * S/D, % and sisa, which the row check works out without it.
 */
export class Row implements LraRow {
  repaired?: LraRow["repaired"];
  private rc: LraRow["recomputed"] | null = null;
  private st: LraAmounts | null = null;
  constructor(
    readonly line: number,
    private readonly source: FieldSource | null,
    private readonly key: number | string,
    readonly kode: string,
    /** null: read from `source` when first asked for (kept on every row, it was a string per row) */
    private ur: string | null,
    readonly level: LraLevel,
    /** the head of the kode, shared by the rows of one sub kegiatan: its parts are read through it */
    private readonly head: KodeHead,
    /** token 1 of the akun */
    readonly kelompok: string | null,
    /** where its amounts are kept, at `index` (the row's index in its parse) */
    private readonly store: AmountStore,
    readonly index: number,
    readonly persenDecimals: number | null,
  ) {}

  get uraian(): string {
    return (this.ur ??= this.source!.uraianOf(this.key as number));
  }
  /** a wrapped uraian's tail joined to it (SPEC d8) */
  set uraian(text: string) {
    this.ur = text;
  }

  /** Its seven amounts in field order, appended to `out` from the store (no object made for them). */
  amountsInto(out: unknown[]): void {
    const v = this.store.values;
    const a = this.index * SLOTS;
    for (let j = 0; j < SLOTS; j++) out.push(orNull(v[a + j]!));
  }

  /** made from the store when first asked for: the parse itself reads the store */
  get stated(): LraAmounts {
    return (this.st ??= this.store.amounts(this.index));
  }

  get urusan(): string {
    return this.head.urusan;
  }
  get unit(): string {
    return this.head.unit;
  }
  get program(): string {
    return this.head.program;
  }
  get kegiatan(): string | null {
    return this.head.kegiatan;
  }
  get subKegiatan(): string | null {
    return this.head.subKegiatan;
  }
  /** one notation object per sub kegiatan, shared by its rows (read only, like the codes in it) */
  get notation(): LraRow["notation"] {
    return this.head.notation;
  }
  /** cut from the kode when asked for: one string less kept per row */
  get akun(): string {
    return this.kode.slice(this.head.length + 1);
  }

  get fields(): readonly string[] {
    const k = this.key;
    return typeof k === "string" ? splitFields(k) : this.source!.fieldsOf(k);
  }

  get recomputed(): LraRow["recomputed"] {
    return (this.rc ??= recompute(this.stated));
  }

  /** As plain data, as LraRow says it (never the text or cells its fields come from). */
  toJSON(): LraRow {
    return plainRow(this);
  }

  /**
   * How many characters at the start of their kodes `a` and `b` are known to share without reading
   * them: their head's, when both are rows of one parse with one head (the parse keeps one object per
   * head text); else 0.
   */
  static sharedHeadLength(a: LraRow, b: LraRow): number {
    return a instanceof Row && b instanceof Row && a.head === b.head ? a.head.length : 0;
  }
}

/** A row's seven amounts in field order, appended to `out`: a parse's row reads them from its store. */
export function pushAmounts(row: LraRow, out: unknown[]): void {
  if (row instanceof Row) return row.amountsInto(out);
  const s = row.stated;
  out.push(s.anggaranSebelum, s.anggaranSetelah, s.realisasiBulanLalu, s.realisasiBulanIni, s.realisasiSd, s.persen, s.sisa);
}

/** Any row as plain data, its fields and recomputed amounts read through whatever keeps them. */
export function plainRow(row: LraRow): LraRow {
  const { line, fields, kode, uraian, level, urusan, unit, program, kegiatan, subKegiatan, kelompok, akun, notation, repaired, stated, persenDecimals, recomputed } = row;
  const out: LraRow = { line, fields: [...fields], kode, uraian, level, urusan, unit, program, kegiatan, subKegiatan, kelompok, akun, notation, stated, persenDecimals, recomputed };
  if (repaired) out.repaired = repaired;
  return out;
}

function recompute(stated: LraAmounts): LraRow["recomputed"] {
  // null first, as in readAmounts
  const r: LraRow["recomputed"] = { realisasiSd: null, persen: null, sisa: null };
  r.realisasiSd = asStated(sdOf(stated), stated.realisasiSd);
  r.persen = asStated(persenOfRow(stated), stated.persen);
  r.sisa = asStated(sisaOf(stated), stated.sisa);
  return r;
}

/**
 * The stated number itself when the recomputed one is the same: in a sound export it nearly always is,
 * and V8 then keeps one heap number for both instead of boxing each (a % is never a whole number).
 */
function asStated(recomputed: number | null, stated: number | null): number | null {
  return Object.is(recomputed, stated) ? stated : recomputed;
}
