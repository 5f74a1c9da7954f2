/**
 * parseLra: SIPD "Laporan Realisasi Anggaran" at kode-rekening level, pasted as TAB-separated text
 * (SPEC d). One pass over the lines, then the roll-ups over the kode tree. Never throws: a text that
 * is not such an LRA is refused with a message saying what was found and what is expected.
 */
import { formatAngka } from "../numbers";
import { message, type MessageCode } from "../messages.id";
import { COLUMN_LABEL, NUMERIC_FIELDS, addMoney, persenOf, readCell } from "./amounts";
import { derive } from "./derive";
import { emptyStats, noteKodeLine, refusalFor } from "./detect";
import { classifySkipped, emptyMeta, stripMarkup } from "./header";
import { KODE_PATTERN, KODE_START, classify, normaliseKode, readHead, splitKode, type KodeHead } from "./kode";
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
const LINE_BREAK = /\r\n|\r|\n/;
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

/** Fields 3–9. `optional` cells may be empty (the footer's anggaran); in a data row every cell is required. */
function readAmounts(fields: readonly string[], line: number, kode: string | undefined, optional: boolean, out: LraFinding[]): ReadAmounts {
  const stated: LraAmounts = {
    anggaranSebelum: null,
    anggaranSetelah: null,
    realisasiBulanLalu: null,
    realisasiBulanIni: null,
    realisasiSd: null,
    persen: null,
    sisa: null,
  };
  let persenDecimals: number | null = null;
  NUMERIC_FIELDS.forEach((column, j) => {
    const raw = fields[j + 2] ?? "";
    const cell = readCell(raw, column);
    if (cell.kind === "value") {
      stated[column] = cell.value;
      if (column === "persen") persenDecimals = cell.decimals;
      else if (!Number.isInteger(cell.value)) {
        out.push(finding({ rule: "R-NUM-02", code: "sipd-sen", severity: "info", line, kode, column, stated: raw.trim(), params: { column: COLUMN_LABEL[column], raw: raw.trim() } }));
      }
    } else if (cell.kind === "out-of-range") {
      out.push(
        finding({ rule: "R-PARSE", code: "sipd-amount-out-of-range", severity: "error", line, kode, column, stated: raw.trim(), params: { column: COLUMN_LABEL[column], raw: raw.trim(), max: formatAngka(Number.MAX_SAFE_INTEGER, "count") } }),
      );
    } else if (cell.kind === "unreadable") {
      out.push(
        finding({ rule: "R-PARSE", code: "sipd-cell-unreadable", severity: "error", line, kode, column, stated: raw, params: { column: COLUMN_LABEL[column], raw: raw.trim() } }),
      );
    } else if (!optional) {
      out.push(finding({ rule: "R-PARSE", code: "sipd-cell-empty", severity: "error", line, kode, column, params: { column: COLUMN_LABEL[column] } }));
    }
  });
  return { stated, persenDecimals };
}

/** Heads are cached: thousands of rows share one sub kegiatan, and a 50 MB paste should not copy its codes per row. */
type HeadCache = Map<string, KodeHead>;

function makeRow(line: number, fields: readonly string[], kode: string, heads: HeadCache, out: LraFinding[]): LraRow {
  const { head, akun } = splitKode(kode);
  let h = heads.get(head);
  if (!h) {
    h = readHead(head);
    heads.set(head, h);
  }
  const akunTokens = akun === "" ? [] : akun.split(" ");
  const { stated, persenDecimals } = readAmounts(fields, line, kode, false, out);
  const { anggaranSetelah: setelah, realisasiBulanLalu: lalu, realisasiBulanIni: ini, realisasiSd: sd } = stated;
  return {
    line,
    fields,
    kode,
    uraian: (fields[1] ?? "").trim(),
    level: classify(h.program, h.sub, akunTokens),
    urusan: h.urusan,
    unit: h.unit,
    program: h.program,
    kegiatan: h.kegiatan,
    subKegiatan: h.subKegiatan,
    kelompok: akunTokens[1] ?? null,
    akun,
    notation: { ...h.notation },
    stated,
    persenDecimals,
    recomputed: {
      realisasiSd: lalu !== null && ini !== null ? addMoney(lalu, ini) : null,
      persen: setelah !== null && sd !== null ? persenOf(sd, setelah) : null,
      sisa: setelah !== null && sd !== null ? addMoney(setelah, -sd) : null,
    },
  };
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
  if (text.length > limit) return refuse("sipd-too-large", { size: megabytes(text.length), limit: megabytes(limit) });
  if (text.trim() === "") return refuse("sipd-empty");

  const lines = text.split(LINE_BREAK);
  // a final line break ends the last line; it does not start another
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const meta: LraMeta = emptyMeta();
  const rows: LraRow[] = [];
  const footer: LraFooterRow[] = [];
  const skipped: LraSkippedLine[] = [];
  const findings: LraFinding[] = [];
  const stats = emptyStats();
  const heads: HeadCache = new Map();
  let blankLines = 0;
  let linesWithTab = 0;
  // a lone text line right after a data row may be the wrapped tail of its uraian (SPEC d8)
  let pending: { line: number; index: number; text: string } | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let raw = lines[i] ?? "";
    if (i === 0 && raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
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
    const kode = normaliseKode(complete ? first : first.slice(0, MAX_KODE_FIELD));

    if (fields.length === FIELD_COUNT && complete && KODE_PATTERN.test(kode)) {
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

  const found: LraFound = { lines: lines.length, kodeLines: stats.kodeLines + rows.length, dataRows: rows.length, linesWithTab };
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
  return { ok: true, meta, rows, footer, programs, kegiatan, subKegiatan, findings, skipped, blankLines, lineCount: lines.length };
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
  for (const d of decideRepairs(rows, literal.byKey)) {
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
