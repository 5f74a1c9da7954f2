/** Saying what a text is when it is not an LRA kode-rekening paste, so the refusal can name it. */
import type { LraFound, LraRefusalCode } from "./types";

/** Counts gathered while scanning lines that start like a kode rekening but are not data rows. */
export interface KodeLineStats {
  kodeLines: number;
  /** the line is the kode and nothing else: one cell per line (PDF copy) */
  alone: number;
  /** no TAB, the cells run on with spaces */
  spaced: number;
  semicolon: number;
  comma: number;
  /** field counts of TAB-separated kode lines that do not have 9 fields */
  fieldCounts: Map<number, number>;
}

export function emptyStats(): KodeLineStats {
  return { kodeLines: 0, alone: 0, spaced: 0, semicolon: 0, comma: 0, fieldCounts: new Map() };
}

const HTML = /<\s*(!doctype|html|body|table|thead|tbody|tr|td|th)\b/i;
const SUMMARY = [/\bUntuk\s+Tahun\s+yang\s+Berakhir\b/i, /\bAnggaran\s+20\d{2}\b[\s\S]{0,200}\bRealisasi\s+20\d{2}\b/i];
// only the head of the text decides; a summary or an HTML page shows itself in its first lines
const SNIFF = 1 << 20;

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Records one kode-like line that is not a data row. */
export function noteKodeLine(stats: KodeLineStats, line: string, fields: number, alone: boolean): void {
  stats.kodeLines++;
  if (fields > 1) {
    stats.fieldCounts.set(fields, (stats.fieldCounts.get(fields) ?? 0) + 1);
  } else if (alone) {
    stats.alone++;
  } else if (count(line, ";") >= 8) {
    stats.semicolon++;
  } else if (count(line, ",") >= 8) {
    stats.comma++;
  } else {
    stats.spaced++;
  }
}

function mostFrequent(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  let bestN = 0;
  for (const [k, n] of counts) {
    if (n > bestN) {
      best = k;
      bestN = n;
    }
  }
  return best;
}

/** Why a text with no LRA data rows is refused. */
export function refusalFor(text: string, stats: KodeLineStats, found: LraFound): { code: LraRefusalCode; params: Record<string, string | number>; found: LraFound } {
  const head = text.length > SNIFF ? text.slice(0, SNIFF) : text;
  const html = HTML.exec(head);
  if (html) return { code: "sipd-html", params: { tag: `<${(html[1] ?? "").toLowerCase()}>` }, found };
  const params = { kodeLines: stats.kodeLines, lines: found.lines };
  if (stats.kodeLines === 0) {
    if (SUMMARY.some((re) => re.test(head))) return { code: "sipd-summary-lra", params, found };
    return { code: "sipd-no-rows", params, found };
  }
  const fieldCount = mostFrequent(stats.fieldCounts);
  const tabbed = [...stats.fieldCounts.values()].reduce((a, b) => a + b, 0);
  const largest = Math.max(stats.alone, stats.spaced, stats.semicolon, stats.comma, tabbed);
  if (largest === stats.alone) return { code: "sipd-one-cell-per-line", params, found };
  if (largest === stats.semicolon) return { code: "sipd-csv", params: { ...params, separator: ";" }, found: { ...found, separator: ";" } };
  if (largest === stats.comma) return { code: "sipd-csv", params: { ...params, separator: "," }, found: { ...found, separator: "," } };
  if (largest === stats.spaced) return { code: "sipd-space-separated", params, found };
  return {
    code: "sipd-wrong-columns",
    params: { ...params, fields: fieldCount ?? 0 },
    found: fieldCount === undefined ? found : { ...found, fieldCount },
  };
}
