/**
 * parseLra: SIPD "Laporan Realisasi Anggaran" at kode-rekening level, pasted as TAB-separated text
 * (SPEC d). One pass over the lines, then the roll-ups over the kode tree. Never throws: a text that
 * is not such an LRA is refused with a message saying what was found and what is expected.
 */
import { formatAngka } from "../numbers";
import { message, type MessageCode, type SipdHeaderPart, type SipdKodeReason } from "../messages.id";
import { NUMERIC_FIELDS, canonicalValue, persenOf, quotientHalfUp, readCell, scanAmounts, scanCanonical } from "./amounts";
import { derive } from "./derive";
import { emptyStats, noteKodeLine, refusalFor } from "./detect";
import { classifySkipped, emptyMeta, stripMarkup } from "./header";
import { KODE_PATTERN, KODE_START, KodeScan, normaliseKode, readHead, readKode, type KodeHead } from "./kode";
import { decideRepairs } from "./repair";
import { AmountStore, Row, amounts, splitFields, stageAmounts, type FieldSource } from "./row";
import {
  buildTree,
  checkFooter,
  checkRowArithmetic,
  finding,
  money,
  rollupBreaks,
  literalReading,
  repairedReading,
  rollupFinding,
  OrderedTree,
  lastSegmentOf,
  segmentsOf,
  type RollupBreak,
  type Tree,
} from "./reconcile";
import type {
  LraAmounts,
  LraFinding,
  LraFooterKind,
  LraFooterRow,
  LraFound,
  LraMeta,
  LraParseFailure,
  LraParseOptions,
  LraParseResult,
  LraRefusalCode,
  LraRow,
  LraSkippedLine,
} from "./types";

/** 60 MiB of text: a whole province's LRA is a few MB; more is almost surely the wrong paste. */
export const DEFAULT_MAX_LENGTH = 60 * 1024 * 1024;

const FIELD_COUNT = 9;
const MAX_KODE_FIELD = 200;
const FOOTER_LABELS: ReadonlyArray<[RegExp, LraFooterKind]> = [
  [/^jumlah\s+belanja$/i, "jumlah_belanja"],
  [/^surplus\s*\/\s*defisit$/i, "surplus_defisit"],
];
const NUMBERISH = /^\(?-?\d[\d.,]*\)?$/;

function refuse(code: LraRefusalCode, params: Record<string, string | number> = {}, found?: LraFound): LraParseFailure {
  // every refusal code is a message code: this assignment fails to compile otherwise
  const messageCode: MessageCode = code;
  const text = `${message(messageCode, params)} ${message("sipd-expected")}`;
  return found ? { ok: false, code, message: text, found } : { ok: false, code, message: text };
}

function megabytes(chars: number): string {
  return formatAngka(chars / (1024 * 1024), "ratio", { decimals: 1 });
}

interface ReadAmounts {
  stated: LraAmounts;
  persenDecimals: number | null;
}

/**
 * A numeric cell not in the form SIPD prints, through the general reader: its value and precision, or
 * null with a finding. `optional` cells may be empty (the footer's anggaran).
 */
function otherCell(
  fields: readonly string[],
  j: number,
  line: number,
  kode: string | undefined,
  optional: boolean,
  out: LraFinding[],
): { value: number; decimals: number } | null {
  const column = NUMERIC_FIELDS[j]!;
  const raw = fields[j + 2] ?? "";
  const cell = readCell(raw, column);
  if (cell.kind === "value") return cell;
  if (cell.kind === "out-of-range") {
    out.push(
      finding({ rule: "R-PARSE", code: "sipd-amount-out-of-range", severity: "error", line, kode, column, stated: raw.trim(), params: { column, raw: raw.trim(), max: formatAngka(Number.MAX_SAFE_INTEGER, "count") } }),
    );
  } else if (cell.kind === "unreadable") {
    out.push(finding({ rule: "R-PARSE", code: "sipd-cell-unreadable", severity: "error", line, kode, column, stated: raw, params: { column, raw: raw.trim() } }));
  } else if (!optional) {
    out.push(finding({ rule: "R-PARSE", code: "sipd-cell-empty", severity: "error", line, kode, column, params: { column } }));
  }
  return null;
}

/** A money cell (field j + 3): the SIPD form is read without allocating, anything else by otherCell. */
function moneyCell(fields: readonly string[], j: number, line: number, kode: string | undefined, optional: boolean, out: LraFinding[]): number | null {
  const value = canonicalValue(fields[j + 2] ?? "", true);
  if (value === value && Number.isInteger(value)) return value;
  const v = value === value ? value : (otherCell(fields, j, line, kode, optional, out)?.value ?? null);
  if (v !== null && !Number.isInteger(v)) {
    const column = NUMERIC_FIELDS[j]!;
    const raw = (fields[j + 2] ?? "").trim();
    out.push(finding({ rule: "R-NUM-02", code: "sipd-sen", severity: "info", line, kode, column, stated: raw, params: { column, raw } }));
  }
  return v;
}

/**
 * Fields 3–9; in a data row every cell is required. Each column is read into a local and stored by
 * name: a store keyed by the column's name costs a lookup per cell, 700.000 in a 100k-row paste.
 */
function readAmounts(fields: readonly string[], line: number, kode: string | undefined, optional: boolean, out: LraFinding[]): ReadAmounts {
  const anggaranSebelum = moneyCell(fields, 0, line, kode, optional, out);
  const anggaranSetelah = moneyCell(fields, 1, line, kode, optional, out);
  const realisasiBulanLalu = moneyCell(fields, 2, line, kode, optional, out);
  const realisasiBulanIni = moneyCell(fields, 3, line, kode, optional, out);
  const realisasiSd = moneyCell(fields, 4, line, kode, optional, out);
  let persen: number | null = canonicalValue(fields[7] ?? "", false);
  let persenDecimals: number | null = 2;
  if (persen !== persen) {
    const cell = otherCell(fields, 5, line, kode, optional, out);
    persen = cell ? cell.value : null;
    persenDecimals = cell ? cell.decimals : null;
  }
  const sisa = moneyCell(fields, 6, line, kode, optional, out);
  const stated = amounts(anggaranSebelum, anggaranSetelah, realisasiBulanLalu, realisasiBulanIni, realisasiSd, persen, sisa);
  return { stated, persenDecimals };
}

/**
 * Heads are cached: thousands of rows share one sub kegiatan, and a 50 MB paste should not copy its
 * codes per row. Rows of one sub kegiatan come together, so the last head is tried first, without
 * cutting the kode.
 */
interface HeadCache {
  byHead: Map<string, KodeHead>;
  last: { head: string; h: KodeHead } | null;
}

/** The rows read where they stand in the pasted text: a row is known by the offset its line starts at. */
class TextFields implements FieldSource {
  constructor(private readonly text: string) {}
  fieldsOf(start: number): string[] {
    const t = this.text;
    let end = t.length;
    const nl = t.indexOf("\n", start);
    if (nl >= 0) end = nl;
    const cr = t.indexOf("\r", start);
    if (cr >= 0 && cr < end) end = cr;
    return splitFields(t.slice(start, end));
  }
  /** as scanLine would cut it: the line (read by scanLine) has its second TAB before its end */
  uraianOf(start: number): string {
    const tab = this.text.indexOf("\t", start);
    return this.text.slice(tab + 1, this.text.indexOf("\t", tab + 1)).trim();
  }
}

/** The cached head for its text; `heads.last` is left on it. */
function cachedHead(head: string, heads: HeadCache): KodeHead {
  let cached = heads.byHead.get(head);
  if (!cached) {
    cached = readHead(head);
    heads.byHead.set(head, cached);
  }
  heads.last = { head, h: cached };
  return cached;
}

/**
 * A row of whole-rupiah amounts, all filled (`v`: the seven numeric cells in order), in which
 * checkRowArithmetic finds nothing: S/D = lalu + ini, sisa = setelah − S/D and not negative, S/D
 * within setelah, the % as SIPD rounds it at two decimals.
 */
export function soundRow(v: Float64Array): boolean {
  const setelah = v[1]!;
  const lalu = v[2]!;
  const ini = v[3]!;
  const sd = v[4]!;
  const sisa = v[6]!;
  // an empty cell is NaN, which is no integer
  if (!(Number.isInteger(setelah) && Number.isInteger(lalu) && Number.isInteger(ini) && Number.isInteger(sd) && Number.isInteger(sisa))) return false;
  if (!(sd === lalu + ini && sisa === setelah - sd && sisa >= 0 && sd <= setelah)) return false;
  // persenOf's common case, small enough to be inlined here (persenOf is not, and returned a boxed number)
  const n = sd * 10000;
  if (setelah <= 0 || sd < 0 || n > Number.MAX_SAFE_INTEGER) return persenOf(sd, setelah) === v[5]!;
  return quotientHalfUp(n, setelah) / 100 === v[5]!;
}

function footerKind(label: string): LraFooterKind | null {
  const l = label.replace(/\s+/g, " ").trim();
  for (const [re, kind] of FOOTER_LABELS) if (re.test(l)) return kind;
  return null;
}

/** Why a kode does not fit the structure, as a reason code and its values (worded in messages.id.ts). */
function malformedReason(program: string, sub: string, akun: readonly string[]): { reason: SipdKodeReason; segments?: number } {
  if (program === "00" && sub !== "00") return { reason: "no-program" };
  if (akun.length === 1) return { reason: "akun-one-segment" };
  if (akun.length >= 3 && (program === "00" || sub === "00")) return { reason: "akun-outside-sub" };
  if (akun.length > 6) return { reason: "too-many-segments", segments: akun.length };
  return { reason: "segment-width" };
}

/** Nothing but blank lines (or none). */
export const refuseEmpty = (): LraParseFailure => refuse("sipd-empty");

/** Options as plain JavaScript callers (the task pane, the CLI) may hand them over: anything. */
export function readOptions(options: unknown): { limit: number; reading: "repaired" | "literal"; onProgress: LraParseOptions["onProgress"] | null } {
  const o: LraParseOptions = typeof options === "object" && options !== null ? options : {};
  return {
    limit: typeof o.maxLength === "number" && o.maxLength > 0 ? o.maxLength : DEFAULT_MAX_LENGTH,
    reading: o.rollupReading === "literal" ? "literal" : "repaired",
    onProgress: typeof o.onProgress === "function" ? o.onProgress : null,
  };
}

export function parseLra(text: string, options?: LraParseOptions): LraParseResult {
  if (typeof text !== "string") return refuse("sipd-not-text", { type: text === null ? "null" : typeof text });
  const { limit, reading, onProgress } = readOptions(options);
  if (text.length > limit) return refuse("sipd-too-large", { size: megabytes(text.length), limit: megabytes(limit) });
  if (text.trim() === "") return refuseEmpty();

  // Lines as text.split(/\r\n|\r|\n/) cuts them, read one at a time: an array of every line would keep
  // 100k line strings alive through the parse, each copied by the garbage collector.
  const n = text.length;
  let nextNl = text.indexOf("\n");
  let nextCr = text.indexOf("\r");
  // TABs and markup found ahead, as the line breaks are: each is searched for once over the text
  let nextTab = text.indexOf("\t");
  let nextStar = text.indexOf("*");
  let nextLt = text.indexOf("<");
  const loop = new LineLoop();
  const source = new TextFields(text);
  // a final line break ends the last line; it does not start another
  for (let pos = 0; loop.lineCount === 0 || pos < n; ) {
    if (nextNl >= 0 && nextNl < pos) nextNl = text.indexOf("\n", pos);
    if (nextCr >= 0 && nextCr < pos) nextCr = text.indexOf("\r", pos);
    if (nextTab >= 0 && nextTab < pos) nextTab = text.indexOf("\t", pos);
    if (nextStar >= 0 && nextStar < pos) nextStar = text.indexOf("*", pos);
    if (nextLt >= 0 && nextLt < pos) nextLt = text.indexOf("<", pos);
    let end = n;
    let breakLength = 0;
    if (nextNl >= 0) {
      end = nextNl;
      breakLength = 1;
    }
    if (nextCr >= 0 && nextCr < end) {
      end = nextCr;
      breakLength = text.charCodeAt(end + 1) === 10 ? 2 : 1;
    }
    const start = pos;
    pos = end + breakLength;
    const line = loop.nextLine();
    // the common data line is read in place, without cutting the line or its fields out of the text
    const plain = !(nextStar >= 0 && nextStar < end) && !(nextLt >= 0 && nextLt < end) && line !== 1;
    if (!(plain && nextTab >= 0 && nextTab < end && loop.scanLine(line, text, start, end, nextTab, source))) loop.textLine(line, text.slice(start, end));
    if (onProgress && (line & 0x1fff) === 0) onProgress(pos, n);
  }
  return loop.finish(() => text, reading);
}

/**
 * The row loop: one line after another, as text, or (from cells) as a data row already read. It keeps
 * what the lines said until `finish` reconciles them.
 */
export class LineLoop {
  lineCount = 0;
  readonly meta: LraMeta = emptyMeta();
  readonly rows: LraRow[] = [];
  readonly footer: LraFooterRow[] = [];
  readonly skipped: LraSkippedLine[] = [];
  readonly findings: LraFinding[] = [];
  readonly stats = emptyStats();
  readonly heads: HeadCache = { byHead: new Map(), last: null };
  /**
   * Worked out as each row is read, while it is in the cache: a later pass over 100k rows costs a
   * cache miss or two per row, as much as the work. The row checks' findings (added to `findings` in
   * `finish`, where the checks stood when they were a pass); where each run of rows sharing one kode
   * head starts (the header check compares a head once); the program and sub kegiatan rows (derive).
   */
  private readonly arithmetic: LraFinding[] = [];
  private readonly headRuns: number[] = [];
  private readonly upper: LraRow[] = [];
  /** the SKPD total rows (the footer's check looks for two of them) and how many rows are malformed (repairs) */
  private readonly totals: LraRow[] = [];
  private malformed = 0;
  private readonly tree = new OrderedTree(this.rows, literalReading);
  /** the amounts of the rows kodeRow made, by index (the row's in `rows`, unless `foreign`) */
  private readonly store = new AmountStore();
  private foreign = false;
  blankLines = 0;
  linesWithTab = 0;
  // a lone text line right after a data row may be the wrapped tail of its uraian (SPEC d8)
  private pending: { line: number; index: number; text: string } | null = null;
  /** the TAB positions of the line being read by scanLine */
  private readonly tabs = new Int32Array(FIELD_COUNT);
  private readonly values = new Float64Array(7);
  private readonly kodeScan = new KodeScan();
  /**
   * The lines SIPD repeats on every page, met so far: column headers, and the page header once the
   * data has begun (the first one before the data is the report's header and fills its parts). What
   * the loop does with such a line depends on its text alone (it is skipped as that kind, and leaves
   * nothing pending), so a line seen before is not cut and classified again.
   */
  private readonly pageLines = new Map<string, { kind: "column-header" | "page-header"; tabbed: boolean }>();

  /** `rememberHeaders`: false reads every line afresh (the tests hold the two ways together). */
  constructor(private readonly rememberHeaders = true) {}

  /** The number of the next line. */
  nextLine(): number {
    return ++this.lineCount;
  }

  /** Line `line` (just begun), as text. */
  textLine(line: number, raw: string): void {
    if (line === 1 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    const seen = this.rememberHeaders ? this.pageLines.get(raw) : undefined;
    if (seen !== undefined) {
      if (seen.tabbed) this.linesWithTab++;
      this.pending = null;
      this.skipped.push({ line, kind: seen.kind, text: raw });
      return;
    }
    this.other(line, raw, stripMarkup(raw));
  }

  /**
   * Line [start, end) of `src`, whose first TAB is at `tab`, as a data row if it is the common one:
   * nine fields, a kode as SIPD prints it, every amount in SIPD's form (whole rupiah, the % at two
   * decimals). Its amounts are read one after another, each up to the TAB after it, so the TABs are
   * found as they are read. Its kode's head, level and kelompok are read where it stands (readKode),
   * without cutting its akun out. Any other line is left to textLine, which cuts it into its fields.
   */
  scanLine(line: number, src: string, start: number, end: number, tab: number, source: FieldSource): boolean {
    if (tab - start > MAX_KODE_FIELD) return false;
    const tabs = this.tabs;
    tabs[0] = tab;
    const uraianEnd = src.indexOf("\t", tab + 1);
    let fits = uraianEnd >= 0 && uraianEnd < end;
    tabs[1] = uraianEnd;
    const v = this.values;
    // the common line in one pass; any other, amount by amount
    if (fits && !scanAmounts(src, end, tabs, v)) {
      for (let j = 0; fits && j < 7; j++) {
        // j = 5 is the %, the others money in whole rupiah
        const x = scanCanonical(src, j !== 5, tabs[j + 1]! + 1, end, tabs, j + 2);
        const stop = tabs[j + 2]!;
        fits = x === x && (j === 5 || Number.isInteger(x)) && (j < 6 ? src.charCodeAt(stop) === 9 : stop === end);
        v[j] = x;
      }
    }
    if (!fits) return false;
    const kode = src.slice(start, tab);
    if (!KODE_PATTERN.test(kode)) return false;
    this.linesWithTab++;
    // the amounts are where kodeRow takes them from: this.values; the uraian is read from the
    // text when asked for (source.uraianOf)
    this.kodeRow(line, source, start, src, start, tab, kode, null, 2);
    return true;
  }

  /** `s` where kodeRow takes the next row's amounts from. */
  stage(s: LraAmounts): void {
    stageAmounts(s, this.values);
  }

  /** The next row's amounts, every cell filled, in field order, where kodeRow takes them from. */
  stageNumbers(sebelum: number, setelah: number, lalu: number, ini: number, sd: number, persen: number, sisa: number): void {
    const v = this.values;
    v[0] = sebelum;
    v[1] = setelah;
    v[2] = lalu;
    v[3] = ini;
    v[4] = sd;
    v[5] = persen;
    v[6] = sisa;
  }

  /**
   * A row whose kode, `src` [start, end) = `kode`, matches KODE_PATTERN: its head, level and kelompok
   * read where it stands (readKode), without cutting its akun out. Its fields come from `source` by
   * `key`, or from `key` itself when that is its line; its amounts from `this.values` (scanLine reads
   * them there, `stage` puts them there); its uraian from `source` by `key` when `uraian` is null.
   * Added as the data row on the line just begun, checked and placed in the tree with what its kode
   * read gave.
   */
  kodeRow(line: number, source: FieldSource | null, key: number | string, src: string, start: number, end: number, kode: string, uraian: string | null, persenDecimals: number | null): void {
    const scan = this.kodeScan;
    readKode(src, start, end, scan);
    // the rows of one sub kegiatan come together; the head is compared as a string, not char by char
    // (one native comparison costs less than reading 25 characters through the text)
    const head = src.slice(start, scan.headEnd);
    const last = this.heads.last;
    const h = last !== null && last.head === head ? last.h : cachedHead(head, this.heads);
    const kelompok = scan.kelompok < 0 ? null : src.slice(scan.kelompok, scan.kelompokEnd);
    const v = this.values;
    const row = new Row(line, source, key, kode, uraian, scan.level, h, kelompok, this.store, this.store.push(v), persenDecimals);
    // checkRowArithmetic finds nothing in a row that adds up, told from the amounts at hand: whole
    // rupiah, every cell filled, the % at two decimals. Any other row it checks in full.
    if (persenDecimals !== 2 || !soundRow(v)) checkRowArithmetic(row, this.arithmetic);
    const segments = scan.level === "malformed" ? -1 : scan.segments;
    // the akun as a number only where it is exact: a well-formed akun row (at most 12 digits)
    this.tree.add(row, segments, scan.lastSegment, segments >= 2 ? scan.akunValue : -1, scan.lastWidth);
    this.append(row);
  }

  /**
   * A data row on the line just begun (`nextLine`), made elsewhere: its amounts are not in the store,
   * so it is checked in full and summed from its own.
   */
  row(row: LraRow): void {
    this.foreign = true;
    checkRowArithmetic(row, this.arithmetic);
    this.tree.add(row, segmentsOf(row.level), lastSegmentOf(row.kode));
    this.append(row);
  }

  /** A row, checked and placed in the tree, into `rows` (joining the wrapped uraian tail before it). */
  private append(row: LraRow): void {
    const pending = this.pending;
    if (pending && pending.line === row.line - 1) {
      const previous = this.rows[this.rows.length - 1];
      const entry = this.skipped[pending.index];
      if (previous && entry) {
        previous.uraian = `${previous.uraian} ${pending.text}`;
        entry.kind = "uraian-continuation";
        this.findings.push(
          finding({ rule: "R-PARSE", code: "sipd-uraian-continuation", severity: "info", line: pending.line, kode: previous.kode, relatedLines: [previous.line], params: { text: pending.text, line: previous.line } }),
        );
      }
    }
    this.pending = null;
    const rows = this.rows;
    const previous = rows[rows.length - 1];
    if (previous === undefined || Row.sharedHeadLength(row, previous) === 0) this.headRuns.push(rows.length);
    const level = row.level;
    if (level === "program" || level === "sub_kegiatan") this.upper.push(row);
    else if (level === "skpd_total") this.totals.push(row);
    else if (level === "malformed") this.malformed++;
    rows.push(row);
  }

  /** Every line but the common data row: blank, a data row in another shape, footer, header, noise. */
  private other(line: number, raw: string, clean: string): void {
    if (clean.trim() === "") {
      this.blankLines++;
      return;
    }
    const fields = splitFields(clean);
    if (fields.length > 1) this.linesWithTab++;
    // a kode is ~45 characters: the head of a longer field is enough to tell it is not one, and a regex
    // over a field of megabytes would be slow (or overflow the regex stack)
    const first = fields[0] ?? "";
    const complete = first.length <= MAX_KODE_FIELD;
    const fitsRow = fields.length === FIELD_COUNT && complete;
    // a field that already matches the pattern is normalised (single spaces, none at the ends)
    const asIs = fitsRow && KODE_PATTERN.test(first);
    const kode = asIs ? first : normaliseKode(complete ? first : first.slice(0, MAX_KODE_FIELD));

    if (asIs || (fitsRow && KODE_PATTERN.test(kode))) {
      const { stated, persenDecimals } = readAmounts(fields, line, kode, false, this.findings);
      this.stage(stated);
      this.kodeRow(line, null, clean, kode, 0, kode.length, kode, (fields[1] ?? "").trim(), persenDecimals);
      return;
    }

    if (kode === "" && fields.length >= 2 && fields.length <= FIELD_COUNT) {
      const kind = footerKind(fields[1] ?? "");
      if (kind) {
        while (fields.length < FIELD_COUNT) fields.push("");
        const { stated, persenDecimals } = readAmounts(fields, line, undefined, true, this.findings);
        this.footer.push({ line, kind, fields, uraian: (fields[1] ?? "").trim(), stated, persenDecimals });
        this.pending = null;
        return;
      }
    }

    const { findings, skipped, rows } = this;
    if (KODE_START.test(kode.replace(/^["']/, ""))) {
      // data that could not be read: said loudly, since its money is missing from every total
      noteKodeLine(this.stats, clean, fields.length, complete && KODE_PATTERN.test(kode));
      const shown = kode.length > 80 ? `${kode.slice(0, 80)}…` : kode;
      if (fields.length === FIELD_COUNT) {
        findings.push(finding({ rule: "R-KODE-01", code: "sipd-kode-unrecognised", severity: "error", line, kode: shown, column: "kode", stated: shown, params: { kode: shown } }));
      } else {
        findings.push(finding({ rule: "R-PARSE", code: "sipd-line-fields", severity: "error", line, kode: shown, column: "fields", stated: fields.length, expected: FIELD_COUNT, params: { kode: shown, fields: fields.length } }));
      }
      skipped.push({ line, kind: "other", text: raw });
      this.pending = null;
      return;
    }

    const flat = fields.length > 1 ? clean.replace(/\t/g, " ").trim() : clean.trim();
    const kind = classifySkipped(clean, flat, rows.length === 0, this.meta);
    if (kind === "other" && kode === "" && fields.filter((f) => NUMBERISH.test(f.trim())).length >= 3) {
      const label = (fields[1] ?? "").trim().slice(0, 80);
      findings.push(finding({ rule: "R-PARSE", code: "sipd-unlabelled-row", severity: "warning", line, stated: label, params: { label } }));
    }
    const lastRow = rows[rows.length - 1];
    this.pending = kind === "other" && fields.length === 1 && lastRow !== undefined && lastRow.line === line - 1 ? { line, index: skipped.length, text: flat } : null;
    skipped.push({ line, kind, text: raw });
    if ((kind === "column-header" || kind === "page-header") && this.rememberHeaders) this.pageLines.set(raw, { kind, tabbed: fields.length > 1 });
  }

  /** The roll-ups over the rows read; `text` gives the whole text when a refusal must say what it is. */
  finish(text: () => string, reading: "repaired" | "literal"): LraParseResult {
    const { meta, rows, footer, findings, stats, skipped, blankLines, lineCount } = this;
    const found: LraFound = { lines: lineCount, kodeLines: stats.kodeLines + rows.length, dataRows: rows.length, linesWithTab: this.linesWithTab };
    if (rows.length === 0) {
      const r = refusalFor(text(), stats, found);
      return refuse(r.code, r.params, r.found);
    }
    if (stats.kodeLines > rows.length) {
      return refuse("sipd-mostly-unreadable", { dataRows: rows.length, kodeLines: found.kodeLines }, found);
    }

    checkHeader(meta, rows, this.headRuns, findings);
    // the store's row i is rows[i] when every row came through kodeRow
    const store = !this.foreign && this.store.length === rows.length ? this.store : null;
    const tree = reconcile(rows, footer, reading, this.arithmetic, this.tree, store, findings, { totals: this.totals, malformed: this.malformed });
    // derive reads only program and sub kegiatan rows: those of the rows, when every row counts
    const { programs, kegiatan, subKegiatan } = derive(tree.counted === rows ? this.upper : tree.counted);
    findings.sort((a, b) => a.at.line - b.at.line);
    return { ok: true, meta, rows, footer, programs, kegiatan, subKegiatan, findings, skipped, blankLines, lineCount };
  }
}

/** `runs`: where each run of rows sharing one kode head starts (such rows share its urusan and unit). */
function checkHeader(meta: LraMeta, rows: readonly LraRow[], runs: readonly number[], out: LraFinding[]): void {
  const missing: SipdHeaderPart[] = [];
  if (meta.tahunAnggaran === null) missing.push("tahun");
  if (meta.bulan === null) missing.push("bulan");
  if (meta.skpd === null) missing.push("skpd");
  if (missing.length > 0) {
    out.push(finding({ rule: "R-PARSE", code: "sipd-header-missing", severity: "info", line: 1, params: { missing: missing.join(",") } }));
  }
  const first = rows[0];
  if (!first) return;
  if (meta.urusan !== null && meta.urusan !== first.urusan) {
    out.push(finding({ rule: "R-KODE-01", code: "sipd-urusan-mismatch", severity: "warning", line: first.line, kode: first.kode, stated: first.urusan, expected: meta.urusan, params: { kode: first.urusan, header: meta.urusan } }));
  }
  for (let k = 0; k < runs.length; k++) {
    const start = runs[k]!;
    const head = rows[start]!;
    if (Row.sharedHeadLength(head, first) > 0) continue;
    if (head.unit === first.unit && head.urusan === first.urusan) continue;
    const end = runs[k + 1] ?? rows.length;
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      const unit = `${row.urusan} ${row.unit}`;
      const expected = `${first.urusan} ${first.unit}`;
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-unit", severity: "warning", line: row.line, kode: row.kode, stated: unit, expected, relatedLines: [first.line], params: { kode: row.kode, unit, expected } }));
    }
  }
}

/** What the row loop counted of the rows' levels: their SKPD total rows, in order, and the number of malformed rows. */
interface LevelCounts {
  totals: readonly LraRow[];
  malformed: number;
}

/** `arithmetic`: the row checks' findings (checkRowArithmetic), made as the rows were read. */
function reconcile(
  rows: LraRow[],
  footer: readonly LraFooterRow[],
  reading: "repaired" | "literal",
  arithmetic: readonly LraFinding[],
  ordered: OrderedTree,
  store: AmountStore | null,
  out: LraFinding[],
  levels: LevelCounts,
): Tree {
  const literal = buildTree(rows, literalReading, ordered);

  // malformed codes: the reading the amounts single out, if one does (repair.ts)
  let repaired = false;
  const taken = {
    get: (kode: string) => {
      const at = literal.byKey.get(kode);
      return at === undefined ? undefined : literal.counted[at];
    },
    has: (kode: string) => literal.byKey.has(kode),
  };
  // a pass over every row to find none: most exports have no malformed kode
  for (const d of levels.malformed > 0 ? decideRepairs(rows, taken) : []) {
    const row = d.row;
    if (d.kind === "repaired") {
      repaired = true;
      row.repaired = { kode: d.kode, akun: d.akun, level: d.level };
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-repaired", severity: "warning", line: row.line, kode: row.kode, column: "kode", stated: row.kode, expected: d.kode, params: { kode: row.kode, segment: d.segment, repaired: d.kode } }));
    } else if (d.kind === "ambiguous") {
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-ambiguous", severity: "warning", line: row.line, kode: row.kode, column: "kode", stated: row.kode, params: { kode: row.kode, readings: d.readings.join("; ") } }));
    } else {
      const why = malformedReason(row.program, row.subKegiatan ?? "00", row.akun.split(" "));
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-malformed", severity: "warning", line: row.line, kode: row.kode, column: "kode", stated: row.kode, params: { kode: row.kode, ...why } }));
    }
  }

  for (let i = 0; i < arithmetic.length; i++) out.push(arithmetic[i]!);

  const tree = reading === "repaired" && repaired ? buildTree(rows, repairedReading) : literal;
  for (const { row, first } of tree.duplicates) {
    out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-duplicate", severity: "warning", line: row.line, kode: row.kode, relatedLines: [first.line], params: { kode: row.kode, first: first.line } }));
  }
  for (const { row, parent } of tree.orphans) {
    out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-orphan", severity: "warning", line: row.line, kode: row.kode, params: { kode: row.kode, parent } }));
  }
  const breaks = rollupBreaks(tree, tree.counted === rows ? store : null);
  for (const b of breaks) out.push(rollupFinding(b));
  if (tree !== literal) noteLiteralOnly(rollupBreaks(literal, literal.counted === rows ? store : null), breaks, out);

  checkFooter(footer, levels.totals, out);
  return tree;
}

/**
 * Parents that hold only under the repaired reading (SPEC d5: 002:586-587): one info each, so the
 * reader sees why the literal codes do not add up.
 */
function noteLiteralOnly(literalBreaks: readonly RollupBreak[], repairedBreaks: readonly RollupBreak[], out: LraFinding[]): void {
  const failing = new Set(repairedBreaks.map((b) => `${b.parent.line}|${b.column}`));
  const reported = new Set<LraRow>();
  for (const b of literalBreaks) {
    if (failing.has(`${b.parent.line}|${b.column}`) || reported.has(b.parent)) continue;
    reported.add(b.parent);
    out.push(
      finding({
        rule: "R-SUM-01", code: "sipd-rollup-literal-only", severity: "info", line: b.parent.line, kode: b.parent.kode, column: b.column,
        stated: b.stated, expected: b.sum, relatedLines: b.children.map((c) => c.line),
        params: { kode: b.parent.kode, column: b.column, stated: money(b.stated), expected: money(b.sum) },
      }),
    );
  }
}
