/**
 * parseLra: SIPD "Laporan Realisasi Anggaran" at kode-rekening level, pasted as TAB-separated text
 * (SPEC d). One pass over the lines, then the roll-ups over the kode tree. Never throws: a text that
 * is not such an LRA is refused with a message saying what was found and what is expected.
 */
import { formatAngka } from "../numbers";
import { message, type MessageCode } from "../messages.id";
import { COLUMN_LABEL, NUMERIC_FIELDS, addMoney, canonicalValue, persenOf, readCell } from "./amounts";
import { derive } from "./derive";
import { emptyStats, noteKodeLine, refusalFor } from "./detect";
import { classifySkipped, emptyMeta, stripMarkup } from "./header";
import { KODE_PATTERN, KODE_START, classify, classifyAkun, kelompokOf, normaliseKode, readHead, splitKode, type KodeHead } from "./kode";
import { decideRepairs } from "./repair";
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
  type RollupBreak,
  type Tree,
} from "./reconcile";
import type {
  LraAmounts,
  LraFinding,
  LraFooterKind,
  LraFooterRow,
  LraFound,
  LraLevel,
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
      finding({ rule: "R-PARSE", code: "sipd-amount-out-of-range", severity: "error", line, kode, column, stated: raw.trim(), params: { column: COLUMN_LABEL[column], raw: raw.trim(), max: formatAngka(Number.MAX_SAFE_INTEGER, "count") } }),
    );
  } else if (cell.kind === "unreadable") {
    out.push(finding({ rule: "R-PARSE", code: "sipd-cell-unreadable", severity: "error", line, kode, column, stated: raw, params: { column: COLUMN_LABEL[column], raw: raw.trim() } }));
  } else if (!optional) {
    out.push(finding({ rule: "R-PARSE", code: "sipd-cell-empty", severity: "error", line, kode, column, params: { column: COLUMN_LABEL[column] } }));
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
    out.push(finding({ rule: "R-NUM-02", code: "sipd-sen", severity: "info", line, kode, column, stated: raw, params: { column: COLUMN_LABEL[column], raw } }));
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
  // Filled after creation: fields that start as null stay "tagged" in V8, so a whole-rupiah amount is
  // stored in place; an object literal of numbers would get a heap box for every amount of every row.
  const stated: LraAmounts = { anggaranSebelum: null, anggaranSetelah: null, realisasiBulanLalu: null, realisasiBulanIni: null, realisasiSd: null, persen: null, sisa: null };
  stated.anggaranSebelum = anggaranSebelum;
  stated.anggaranSetelah = anggaranSetelah;
  stated.realisasiBulanLalu = realisasiBulanLalu;
  stated.realisasiBulanIni = realisasiBulanIni;
  stated.realisasiSd = realisasiSd;
  stated.persen = persen;
  stated.sisa = sisa;
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

function makeRow(line: number, fields: readonly string[], kode: string, heads: HeadCache, out: LraFinding[]): LraRow {
  let h: KodeHead;
  let akun: string;
  const last = heads.last;
  if (last && kode.length > last.head.length && kode.charCodeAt(last.head.length) === 32 && kode.startsWith(last.head)) {
    h = last.h;
    akun = kode.slice(last.head.length + 1);
  } else {
    const split = splitKode(kode);
    akun = split.akun;
    let cached = heads.byHead.get(split.head);
    if (!cached) {
      cached = readHead(split.head);
      heads.byHead.set(split.head, cached);
    }
    h = cached;
    heads.last = { head: split.head, h };
  }
  const { stated, persenDecimals } = readAmounts(fields, line, kode, false, out);
  return {
    line,
    fields,
    kode,
    uraian: (fields[1] ?? "").trim(),
    level: classifyAkun(h.program, h.sub, akun),
    urusan: h.urusan,
    unit: h.unit,
    program: h.program,
    kegiatan: h.kegiatan,
    subKegiatan: h.subKegiatan,
    kelompok: kelompokOf(akun),
    akun,
    // one notation object per sub kegiatan, shared by its rows (read only, like the codes in it)
    notation: h.notation,
    stated,
    persenDecimals,
    recomputed: recompute(stated),
  };
}

function recompute(stated: LraAmounts): LraRow["recomputed"] {
  const { anggaranSetelah: setelah, realisasiBulanLalu: lalu, realisasiBulanIni: ini, realisasiSd: sd } = stated;
  // null first, as in readAmounts
  const r: LraRow["recomputed"] = { realisasiSd: null, persen: null, sisa: null };
  r.realisasiSd = lalu !== null && ini !== null ? asStated(addMoney(lalu, ini), stated.realisasiSd) : null;
  r.persen = setelah !== null && sd !== null ? asStated(persenOf(sd, setelah), stated.persen) : null;
  r.sisa = setelah !== null && sd !== null ? asStated(addMoney(setelah, -sd), stated.sisa) : null;
  return r;
}

/**
 * The stated number itself when the recomputed one is the same: in a sound export it nearly always is,
 * and V8 then keeps one heap number for both instead of boxing each (a % is never a whole number).
 */
function asStated(recomputed: number | null, stated: number | null): number | null {
  return Object.is(recomputed, stated) ? stated : recomputed;
}

function footerKind(label: string): LraFooterKind | null {
  const l = label.replace(/\s+/g, " ").trim();
  for (const [re, kind] of FOOTER_LABELS) if (re.test(l)) return kind;
  return null;
}

function malformedReason(program: string, sub: string, akun: readonly string[]): string {
  if (program === "00" && sub !== "00") return "sub kegiatan tanpa kode program";
  if (akun.length === 1) return "akun satu segmen di luar total SKPD";
  if (akun.length >= 3 && (program === "00" || sub === "00")) return "rincian akun di luar sub kegiatan";
  if (akun.length > 6) return `${akun.length} segmen akun, paling banyak 6`;
  return "lebar segmen akun tidak sesuai";
}

export function parseLra(text: string, options?: LraParseOptions): LraParseResult {
  if (typeof text !== "string") return refuse("sipd-not-text", { type: text === null ? "null" : typeof text });
  // callers from plain JavaScript (the task pane, the CLI) may hand over anything as options
  const o: LraParseOptions = typeof options === "object" && options !== null ? options : {};
  const limit = typeof o.maxLength === "number" && o.maxLength > 0 ? o.maxLength : DEFAULT_MAX_LENGTH;
  const reading = o.rollupReading === "literal" ? "literal" : "repaired";
  const onProgress = typeof o.onProgress === "function" ? o.onProgress : null;
  if (text.length > limit) return refuse("sipd-too-large", { size: megabytes(text.length), limit: megabytes(limit) });
  if (text.trim() === "") return refuse("sipd-empty");

  // Lines as text.split(/\r\n|\r|\n/) cuts them, read one at a time: an array of every line would keep
  // 100k line strings alive through the parse, each copied by the garbage collector.
  const n = text.length;
  let nextNl = text.indexOf("\n");
  let nextCr = text.indexOf("\r");
  let lineCount = 0;
  const meta: LraMeta = emptyMeta();
  const rows: LraRow[] = [];
  const footer: LraFooterRow[] = [];
  const skipped: LraSkippedLine[] = [];
  const findings: LraFinding[] = [];
  const stats = emptyStats();
  const heads: HeadCache = { byHead: new Map(), last: null };
  let blankLines = 0;
  let linesWithTab = 0;
  // a lone text line right after a data row may be the wrapped tail of its uraian (SPEC d8)
  let pending: { line: number; index: number; text: string } | null = null;

  // a final line break ends the last line; it does not start another
  for (let pos = 0; lineCount === 0 || pos < n; ) {
    if (nextNl >= 0 && nextNl < pos) nextNl = text.indexOf("\n", pos);
    if (nextCr >= 0 && nextCr < pos) nextCr = text.indexOf("\r", pos);
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
    let raw = text.slice(pos, end);
    pos = end + breakLength;
    const line = ++lineCount;
    if (onProgress && (line & 0x1fff) === 0) onProgress(pos, n);
    if (line === 1 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
    const clean = stripMarkup(raw);
    if (clean.trim() === "") {
      blankLines++;
      continue;
    }
    const fields = clean.split("\t");
    if (fields.length > 1) linesWithTab++;
    while (fields.length > FIELD_COUNT && (fields[fields.length - 1] ?? "").trim() === "") fields.pop();
    // a kode is ~45 characters: the head of a longer field is enough to tell it is not one, and a regex
    // over a field of megabytes would be slow (or overflow the regex stack)
    const first = fields[0] ?? "";
    const complete = first.length <= MAX_KODE_FIELD;
    const fitsRow = fields.length === FIELD_COUNT && complete;
    // a field that already matches the pattern is normalised (single spaces, none at the ends)
    const asIs = fitsRow && KODE_PATTERN.test(first);
    const kode = asIs ? first : normaliseKode(complete ? first : first.slice(0, MAX_KODE_FIELD));

    if (asIs || (fitsRow && KODE_PATTERN.test(kode))) {
      const row = makeRow(line, fields, kode, heads, findings);
      if (pending && pending.line === line - 1) {
        const previous = rows[rows.length - 1];
        const entry = skipped[pending.index];
        if (previous && entry) {
          previous.uraian = `${previous.uraian} ${pending.text}`;
          entry.kind = "uraian-continuation";
          findings.push(
            finding({ rule: "R-PARSE", code: "sipd-uraian-continuation", severity: "info", line: pending.line, kode: previous.kode, relatedLines: [previous.line], params: { text: pending.text, line: previous.line } }),
          );
        }
      }
      pending = null;
      rows.push(row);
      continue;
    }

    if (kode === "" && fields.length >= 2 && fields.length <= FIELD_COUNT) {
      const kind = footerKind(fields[1] ?? "");
      if (kind) {
        while (fields.length < FIELD_COUNT) fields.push("");
        const { stated, persenDecimals } = readAmounts(fields, line, undefined, true, findings);
        footer.push({ line, kind, fields, uraian: (fields[1] ?? "").trim(), stated, persenDecimals });
        pending = null;
        continue;
      }
    }

    if (KODE_START.test(kode.replace(/^["']/, ""))) {
      // data that could not be read: said loudly, since its money is missing from every total
      noteKodeLine(stats, clean, fields.length, complete && KODE_PATTERN.test(kode));
      const shown = kode.length > 80 ? `${kode.slice(0, 80)}…` : kode;
      if (fields.length === FIELD_COUNT) {
        findings.push(finding({ rule: "R-KODE-01", code: "sipd-kode-unrecognised", severity: "error", line, kode: shown, column: "kode", stated: shown, params: { kode: shown } }));
      } else {
        findings.push(finding({ rule: "R-PARSE", code: "sipd-line-fields", severity: "error", line, kode: shown, column: "fields", stated: fields.length, expected: FIELD_COUNT, params: { kode: shown, fields: fields.length } }));
      }
      skipped.push({ line, kind: "other", text: raw });
      pending = null;
      continue;
    }

    const flat = fields.length > 1 ? clean.replace(/\t/g, " ").trim() : clean.trim();
    const kind = classifySkipped(clean, flat, rows.length === 0, meta);
    if (kind === "other" && kode === "" && fields.filter((f) => NUMBERISH.test(f.trim())).length >= 3) {
      const label = (fields[1] ?? "").trim().slice(0, 80);
      findings.push(finding({ rule: "R-PARSE", code: "sipd-unlabelled-row", severity: "warning", line, stated: label, params: { label } }));
    }
    const lastRow = rows[rows.length - 1];
    pending = kind === "other" && fields.length === 1 && lastRow !== undefined && lastRow.line === line - 1 ? { line, index: skipped.length, text: flat } : null;
    skipped.push({ line, kind, text: raw });
  }

  const found: LraFound = { lines: lineCount, kodeLines: stats.kodeLines + rows.length, dataRows: rows.length, linesWithTab };
  if (rows.length === 0) {
    const r = refusalFor(text, stats, found);
    return refuse(r.code, r.params, r.found);
  }
  if (stats.kodeLines > rows.length) {
    return refuse("sipd-mostly-unreadable", { dataRows: rows.length, kodeLines: found.kodeLines }, found);
  }

  checkHeader(meta, rows, findings);
  const tree = reconcile(rows, footer, reading, findings);
  const { programs, kegiatan, subKegiatan } = derive(tree.counted);
  findings.sort((a, b) => a.at.line - b.at.line);
  return { ok: true, meta, rows, footer, programs, kegiatan, subKegiatan, findings, skipped, blankLines, lineCount };
}

function checkHeader(meta: LraMeta, rows: readonly LraRow[], out: LraFinding[]): void {
  const missing: string[] = [];
  if (meta.tahunAnggaran === null) missing.push("tahun anggaran");
  if (meta.bulan === null) missing.push("bagian bulan");
  if (meta.skpd === null) missing.push("nama SKPD");
  if (missing.length > 0) {
    out.push(finding({ rule: "R-PARSE", code: "sipd-header-missing", severity: "info", line: 1, params: { missing: missing.join(", ") } }));
  }
  const first = rows[0];
  if (!first) return;
  if (meta.urusan !== null && meta.urusan !== first.urusan) {
    out.push(finding({ rule: "R-KODE-01", code: "sipd-urusan-mismatch", severity: "warning", line: first.line, kode: first.kode, stated: first.urusan, expected: meta.urusan, params: { kode: first.urusan, header: meta.urusan } }));
  }
  for (const row of rows) {
    if (row.unit !== first.unit || row.urusan !== first.urusan) {
      const unit = `${row.urusan} ${row.unit}`;
      const expected = `${first.urusan} ${first.unit}`;
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-unit", severity: "warning", line: row.line, kode: row.kode, stated: unit, expected, relatedLines: [first.line], params: { kode: row.kode, unit, expected } }));
    }
  }
}

function reconcile(rows: LraRow[], footer: readonly LraFooterRow[], reading: "repaired" | "literal", out: LraFinding[]): Tree {
  const literal = buildTree(rows, literalReading);

  // malformed codes: the reading the amounts single out, if one does (repair.ts)
  let repaired = false;
  const taken = {
    get: (kode: string) => {
      const at = literal.byKey.get(kode);
      return at === undefined ? undefined : literal.counted[at];
    },
    has: (kode: string) => literal.byKey.has(kode),
  };
  for (const d of decideRepairs(rows, taken)) {
    const row = d.row;
    if (d.kind === "repaired") {
      repaired = true;
      row.repaired = { kode: d.kode, akun: d.akun, level: d.level };
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-repaired", severity: "warning", line: row.line, kode: row.kode, column: "kode", stated: row.kode, expected: d.kode, params: { kode: row.kode, segment: d.segment, repaired: d.kode } }));
    } else if (d.kind === "ambiguous") {
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-ambiguous", severity: "warning", line: row.line, kode: row.kode, column: "kode", stated: row.kode, params: { kode: row.kode, readings: d.readings.join("; ") } }));
    } else {
      const reason = malformedReason(row.program, row.subKegiatan ?? "00", row.akun.split(" "));
      out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-malformed", severity: "warning", line: row.line, kode: row.kode, column: "kode", stated: row.kode, params: { kode: row.kode, reason } }));
    }
  }

  for (const row of rows) checkRowArithmetic(row, out);

  const tree = reading === "repaired" && repaired ? buildTree(rows, repairedReading) : literal;
  for (const { row, first } of tree.duplicates) {
    out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-duplicate", severity: "warning", line: row.line, kode: row.kode, relatedLines: [first.line], params: { kode: row.kode, first: first.line } }));
  }
  for (const { row, parent } of tree.orphans) {
    out.push(finding({ rule: "R-KODE-01", code: "sipd-kode-orphan", severity: "warning", line: row.line, kode: row.kode, params: { kode: row.kode, parent } }));
  }
  const breaks = rollupBreaks(tree);
  for (const b of breaks) out.push(rollupFinding(b));
  if (tree !== literal) noteLiteralOnly(rollupBreaks(literal), breaks, out);

  checkFooter(footer, rows, out);
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
        params: { kode: b.parent.kode, column: COLUMN_LABEL[b.column], stated: money(b.stated), expected: money(b.sum) },
      }),
    );
  }
}
