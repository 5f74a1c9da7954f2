/**
 * The <sheetData> rows of a bulk sheet (bulk-cells.ts) as worksheet XML, produced in pieces of UTF-8
 * while the zip is written, so a 300 000-row sheet never exists as one string. Text goes in as inline
 * strings: adding 300 000 texts to ExcelJS's shared-string table costs more time and memory at both
 * save and open than the larger part does, and Excel converts them to shared strings when it saves.
 */
import type { Style } from "exceljs";
import { colLetter } from "../port";
import { isError, isFormula, type BulkCells, type BulkValue } from "./bulk-cells";
import { escapeText } from "./text";
import { xmlText } from "./xml";

const PIECE_BYTES = 1 << 20;
/** Row attributes kept from a file, in the order the schema lists them. */
const ROW_ATTRS = ["ht", "hidden", "customHeight", "outlineLevel", "collapsed", "thickTop", "thickBot"];

export function dimensionRef(cells: BulkCells): string | null {
  const d = cells.dimension();
  return d ? `${colLetter(d.left - 1)}${d.top}:${colLetter(d.right - 1)}${d.bottom}` : null;
}

/** The rows, a few thousand per piece; `styleId` gives each style object's index in the styles part. */
export function* sheetRows(cells: BulkCells, styleId: (style: Partial<Style>) => number): Generator<Uint8Array> {
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= colLetter(c));
  // each row is encoded into a byte buffer as soon as it is built: strings kept alive until a piece is
  // complete would be copied by every minor garbage collection, which cost more than the rest of the save
  const out = new PieceWriter();
  for (let r = 1; r < cells.rows.length; r++) {
    const row = cells.rows[r];
    if (!row) continue;
    let xml = `<row r="${r}"`;
    if (row.attrs) for (const a of ROW_ATTRS) if (row.attrs[a] !== undefined) xml += ` ${a}="${row.attrs[a]}"`;
    xml += ">";
    const width = Math.max(row.values.length, row.styles.length);
    for (let c = 0; c < width; c++) {
      const v = row.values[c] ?? null;
      const style = row.styles[c];
      if (v === null && !style) continue;
      xml += cellXml(`${letter(c)}${r}`, style ? styleId(style) : 0, v);
    }
    const full = out.write(`${xml}</row>`);
    if (full) yield full;
  }
  const rest = out.end();
  if (rest) yield rest;
}

/** UTF-8 bytes in pieces of about PIECE_BYTES. */
class PieceWriter {
  private readonly encoder = new TextEncoder();
  private buf = new Uint8Array(PIECE_BYTES);
  private at = 0;

  /** Adds text; returns a completed piece when the buffer filled up. */
  write(text: string): Uint8Array | null {
    let done: Uint8Array | null = null;
    // a UTF-8 character takes at most 3 bytes per UTF-16 unit
    if (this.at + text.length * 3 > this.buf.length) {
      done = this.end();
      if (text.length * 3 > this.buf.length) this.buf = new Uint8Array(text.length * 3);
    }
    this.at += this.encoder.encodeInto(text, this.buf.subarray(this.at)).written;
    return done;
  }

  end(): Uint8Array | null {
    if (this.at === 0) return null;
    const piece = this.buf.slice(0, this.at);
    this.at = 0;
    return piece;
  }
}

function cellXml(ref: string, s: number, v: BulkValue): string {
  const style = s ? ` s="${s}"` : "";
  if (v === null) return `<c r="${ref}"${style}/>`;
  if (typeof v === "number") return `<c r="${ref}"${style}><v>${numberText(v)}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}"${style} t="inlineStr"><is>${textXml(v)}</is></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (isError(v)) return `<c r="${ref}"${style} t="e"><v>${xmlText(v.error)}</v></c>`;
  if (isFormula(v)) {
    const f = `<f>${xmlText(v.formula)}</f>`;
    const r = v.result;
    if (r === undefined || r === null) return `<c r="${ref}"${style}>${f}</c>`;
    if (typeof r === "number") return `<c r="${ref}"${style}>${f}<v>${numberText(r)}</v></c>`;
    if (typeof r === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${style} t="${v.error ? "e" : "str"}">${f}<v>${xmlText(r)}</v></c>`;
  }
  return `<c r="${ref}"${style}/>`;
}

function textXml(s: string): string {
  const text = xmlText(escapeText(s));
  // leading or trailing spaces, tabs or line breaks would be dropped without it
  return /^\s|\s$/.test(s) ? `<t xml:space="preserve">${text}</t>` : `<t>${text}</t>`;
}

function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}
