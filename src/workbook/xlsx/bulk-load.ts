/**
 * Reads a large worksheet part into a bulk store (bulk-cells.ts) as it is unzipped, with a streaming
 * parser (saxes), instead of letting ExcelJS build a Cell object per cell. ExcelJS gets the part
 * without its rows ("stripped"), so it still reads the sheet's columns, views, validations and page
 * setup, and the styles and shared strings the rows refer to.
 *
 * Only what the store keeps exactly is read this way: values, plain formulas with their results,
 * styles, merged areas and a few row attributes. A sheet with anything more (shared or array formulas,
 * rich text, cell metadata, hyperlinks) is left to ExcelJS, as every sheet was before.
 */
import type JSZip from "jszip";
import { SaxesParser } from "saxes";
import { BulkCells, NO_STYLES, type BulkRow, type BulkStyle, type BulkValue } from "./bulk-cells";
import { parseRect, type Rect } from "./rects";
import { NS } from "./xml";
import { unescapeText } from "./text";

/** What ExcelJS's Node loader also does not stream: a part this large is scanned here instead. */
export const BULK_LOAD_BYTES = 8 * 1024 * 1024;

/** A shared string; null for a rich-text or phonetic one, which the store does not keep. */
export type SharedString = string | null;

export interface ScannedSheet {
  cells: BulkCells;
  /** The style index each cell had in the file, by row, to resolve once ExcelJS has read the styles. */
  styleIds: (number[] | undefined)[];
  /** The part without its rows and merged areas. */
  stripped: string;
}

/** The size of a zip entry once unzipped (JSZip keeps it from the central directory), or 0 when unknown. */
export function unzippedSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === "number" && size > 0 ? size : 0;
}

interface StreamHelper {
  on(event: "data", fn: (chunk: string) => void): StreamHelper;
  on(event: "error", fn: (error: Error) => void): StreamHelper;
  on(event: "end", fn: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

/** Feeds a zip entry's text to `onChunk` piece by piece (JSZip decodes UTF-8 across the pieces). */
function eachChunk(file: JSZip.JSZipObject, onChunk: (chunk: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = (file as unknown as { internalStream(type: "string"): StreamHelper }).internalStream("string");
    stream.on("data", (chunk) => {
      try {
        onChunk(chunk);
      } catch (error) {
        stream.pause();
        reject(error);
      }
    });
    stream.on("error", reject);
    stream.on("end", resolve);
    stream.resume();
  });
}

class Unsupported extends Error {}

export async function readSharedStrings(file: JSZip.JSZipObject): Promise<SharedString[]> {
  const out: SharedString[] = [];
  const parser = new SaxesParser();
  let text: string | null = null;
  let inT = false;
  let rich = false;
  parser.on("opentag", (tag) => {
    if (tag.name === "si") {
      text = "";
      rich = false;
    } else if (tag.name === "t") inT = true;
    else if (tag.name === "r" || tag.name === "rPh") rich = true;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "t") inT = false;
    else if (tag.name === "si") out.push(rich ? null : own(unescapeText(text ?? "")));
  });
  parser.on("text", (t) => {
    if (inT && text !== null) text += t;
  });
  await eachChunk(file, (chunk) => parser.write(chunk));
  parser.close();
  return out;
}

const ROW_KEPT = new Set(["ht", "customHeight", "hidden", "outlineLevel", "collapsed", "thickTop", "thickBot"]);
const ROW_IGNORED = new Set(["r", "spans", "x14ac:dyDescent"]);

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + (code - 64);
    else if (code >= 97 && code <= 122) n = n * 26 + (code - 96);
    else break;
  }
  return n;
}

/** Scans a worksheet part; null when it holds what the store does not keep (ExcelJS reads it then). */
export async function scanSheet(file: JSZip.JSZipObject, strings: readonly SharedString[] | null): Promise<ScannedSheet | null> {
  const cells = new BulkCells();
  const merges: Rect[] = [];
  const styleIds: (number[] | undefined)[] = [];
  const kept: string[] = [];
  const parser = new SaxesParser({ position: true, xmlns: false });
  let depth = 0;
  // the text not yet kept or dropped, starting at offset `bufStart` of the part; nothing is buffered
  // while `skipping` (the rows, the merged areas), which the stripped part leaves out
  let buf = "";
  let bufStart = 0;
  let chunk = "";
  let chunkStart = 0;
  let skipping = false;
  let inRows = false;
  // where the region of the next child of the root begins: after whatever came before it
  let lastTop = 0;
  const resume = () => {
    skipping = false;
    buf = chunk.slice(parser.position - chunkStart);
    bufStart = parser.position;
    lastTop = parser.position;
  };

  let rowNo = 0;
  let row: BulkRow | null = null;
  let rowStyles: number[] | undefined;
  let col = 0;
  let type = "n";
  let style = 0;
  let v: string | null = null;
  let f: string | null = null;
  let inline: string | null = null;
  let capture: "v" | "f" | "t" | null = null;

  const fail = (what: string): never => {
    throw new Unsupported(what);
  };

  parser.on("opentag", (tag) => {
    depth++;
    const a = tag.attributes as Record<string, string>;
    if (depth === 1) {
      if (tag.name !== "worksheet" || a.xmlns !== NS.main) fail("root");
      lastTop = parser.position;
      return;
    }
    if (depth === 2) {
      if (tag.name === "hyperlinks") fail(tag.name);
      if (tag.name === "sheetData" && !tag.isSelfClosing) {
        kept.push(buf.slice(0, parser.position - bufStart));
        buf = "";
        skipping = inRows = true;
      } else if (tag.name === "mergeCells") {
        kept.push(buf.slice(0, lastTop - bufStart));
        buf = "";
        skipping = true;
      }
      return;
    }
    if (depth === 3 && tag.name === "mergeCell") {
      const m = a.ref ? parseRect(a.ref) : null;
      if (!m) fail("mergeCell@ref");
      merges.push(m!);
      return;
    }
    if (!inRows) return;
    switch (depth) {
      case 3: {
        if (tag.name !== "row") fail(tag.name);
        rowNo = a.r ? Number(a.r) : rowNo + 1;
        row = { values: [], styles: NO_STYLES, batch: 0 };
        rowStyles = undefined;
        col = 0;
        for (const k in a) {
          if (ROW_KEPT.has(k)) (row.attrs ??= {})[k] = a[k]!;
          else if (!ROW_IGNORED.has(k)) fail(`row@${k}`);
        }
        return;
      }
      case 4: {
        if (tag.name !== "c") fail(tag.name);
        col = a.r ? columnOf(a.r) : col + 1;
        type = a.t ?? "n";
        style = a.s ? Number(a.s) : 0;
        v = f = inline = null;
        // the schema's other attributes of a cell: metadata and phonetic text, which the store has no place for
        if (a.cm !== undefined || a.vm !== undefined || a.ph !== undefined) fail("c@cm|vm|ph");
        return;
      }
      case 5:
        if (tag.name === "v") {
          capture = "v";
          v = "";
        } else if (tag.name === "f") {
          for (const k in a) fail(`f@${k}`);
          capture = "f";
          f = "";
        } else if (tag.name === "is") inline = "";
        else fail(tag.name);
        return;
      case 6:
        if (tag.name === "t" && inline !== null) capture = "t";
        else fail(tag.name);
        return;
      default:
        fail(tag.name);
    }
  });

  const atTop = () => {
    if (depth === 1) lastTop = parser.position;
  };
  parser.on("comment", atTop);
  parser.on("processinginstruction", atTop);
  parser.on("text", (t) => {
    if (capture === null) return atTop();
    if (capture === "v") v += t;
    else if (capture === "f") f += t;
    else if (capture === "t") inline += t;
  });

  parser.on("closetag", (tag) => {
    if (depth === 2 && inRows && tag.name === "sheetData") {
      kept.push("</sheetData>");
      inRows = false;
      resume();
    } else if (depth === 2 && tag.name === "mergeCells") {
      resume();
    } else if (depth === 2) {
      lastTop = parser.position;
    } else if (inRows && depth === 4 && row) {
      const value = cellValue(type, v, f, inline, strings);
      if (value === undefined) fail(`c@t=${type}`);
      if (value !== null || style) {
        row.values[col - 1] = value!;
        if (style) (rowStyles ??= [])[col - 1] = style;
      }
    } else if (inRows && depth === 3 && row) {
      for (let i = 0; i < row.values.length; i++) row.values[i] ??= null;
      if (row.values.length || rowStyles || row.attrs) {
        cells.rows[rowNo] = row;
        styleIds[rowNo] = rowStyles;
      }
      row = null;
    } else if (depth >= 5) capture = null;
    depth--;
  });

  try {
    await eachChunk(file, (text) => {
      chunk = text;
      if (!skipping) buf += text;
      parser.write(text);
      chunkStart += text.length;
    });
    parser.close();
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  kept.push(buf);
  // values a file left in cells hidden by a merge read as empty, as ExcelJS reads them
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = cells.rows[r];
      if (row) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c <= row.values.length) row.values[c - 1] = null;
    }
  }
  cells.merges = merges;
  return { cells, styleIds, stripped: kept.join("") };
}

/**
 * A copy of `s` that does not share memory with the piece of the part it was cut from: a string the
 * parser sliced out of a 1 MB piece keeps the whole piece alive as long as the store keeps the cell.
 */
function own(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** A cell's value from its type, <v>, <f> and inline text; undefined for what the store does not keep. */
function cellValue(type: string, v: string | null, f: string | null, inline: string | null, strings: readonly SharedString[] | null): BulkValue | undefined {
  let value: BulkValue | undefined;
  switch (type) {
    case "n":
      value = v === null || v === "" ? null : Number(v);
      if (typeof value === "number" && Number.isNaN(value)) return undefined;
      break;
    case "s": {
      const s = v === null ? null : strings?.[Number(v)];
      if (s === null || s === undefined) return undefined;
      value = s;
      break;
    }
    case "str":
      value = own(v ?? "");
      break;
    case "inlineStr":
      value = inline === null ? null : own(unescapeText(inline));
      break;
    case "b":
      value = v === null ? null : v === "1" || v === "true";
      break;
    case "e":
      if (v === null) return undefined;
      return f === null ? { error: own(v) } : { formula: own(f), result: own(v), error: true };
    default:
      return undefined;
  }
  if (f === null) return value === "" ? null : value;
  return value === null || value === undefined ? { formula: own(f) } : { formula: own(f), result: value as string | number | boolean };
}

/** The store with each cell's style index replaced by the style ExcelJS read for it; rows alike share their styles. */
export function resolveStyles(scanned: ScannedSheet, styleOf: (id: number) => BulkStyle): BulkCells {
  const cache = new Map<number, BulkStyle>();
  const shared = new Map<string, readonly BulkStyle[]>();
  scanned.cells.rows.forEach((row, r) => {
    const ids = scanned.styleIds[r];
    if (!row || !ids) return;
    const key = ids.join(",");
    let styles = shared.get(key);
    if (!styles) {
      const list: BulkStyle[] = [];
      ids.forEach((id, c) => {
        if (!id) return;
        let style = cache.get(id);
        if (!cache.has(id)) cache.set(id, (style = styleOf(id)));
        list[c] = style;
      });
      shared.set(key, (styles = list));
    }
    row.styles = styles;
  });
  return scanned.cells;
}
