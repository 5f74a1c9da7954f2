/**
 * The saved package: what ExcelJS wrote, with what keep.ts kept from the opened file put back —
 * parts, relationships (under fresh ids), content types, worksheet and workbook elements in schema
 * order, the styles those parts use — and the defined names written by the adapter itself (ExcelJS
 * cannot write a name that is not a plain range, nor hidden or commented ones).
 *
 * Worksheets are edited by splicing serialized elements at element boundaries found by a parser
 * (xml.ts outline), never by searching the text; the small parts are edited as DOM trees.
 */
import JSZip from "jszip";
import { rankOf, SHEET_ORDER, WORKBOOK_ORDER, WORKBOOK_ORIGINAL_WINS, type KeptElement, type KeptPackage } from "./keep";
import { addContentTypes, freshRelId, readRels, relsPath, resolveTarget, writeRels, type Relationship } from "./opc";
import type { FileDefinedName } from "./package-parts";
import { childElements, descendants, elementsOf, NS, outline, parseXml, serializeInScope, serializePart, splice, type Document, type Element, type Splice, type XmlOutline } from "./xml";

/** A part's content: text, bytes, or text produced in pieces (a large sheet, written as it is zipped). */
export type PartData = string | Uint8Array | { chunks: () => Iterable<Uint8Array> };

export interface AssembleInput {
  /** The package ExcelJS wrote. */
  exceljs: Uint8Array;
  kept: KeptPackage;
  definedNames: readonly FileDefinedName[];
  /** Sheets whose rows are written here instead of by ExcelJS (bulk-cells.ts), by name. */
  sheetData?: ReadonlyMap<string, SheetDataWriter>;
}

/** The rows of a sheet ExcelJS wrote without any. */
export interface SheetDataWriter {
  /** "A1:Q310003", or null for a sheet without cells. */
  dimension: string | null;
  /** Merged areas ("A1:E1"). */
  merges: readonly string[];
  /** UTF-8 pieces of the rows' XML. */
  rows: () => Iterable<Uint8Array>;
}

const WORKBOOK = "xl/workbook.xml";
const STYLES = "xl/styles.xml";
const TABLE_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
]);

/** The saved package's parts by path, in the order they are written. */
export async function assemble(input: AssembleInput): Promise<Map<string, PartData>> {
  const zip = await JSZip.loadAsync(input.exceljs);
  const parts = new Map<string, PartData>();
  const names = Object.keys(zip.files).filter((p) => !zip.files[p]!.dir);
  for (const path of names) parts.set(path, /\.(xml|rels|vml)$/i.test(path) ? await zip.file(path)!.async("string") : await zip.file(path)!.async("uint8array"));
  const text = (path: string): string => {
    const v = parts.get(path);
    if (typeof v !== "string") throw new Error(`ExcelJS did not write ${path}`);
    return v;
  };
  const { kept } = input;

  const sheetPaths = sheetsOf(text(WORKBOOK), text(relsPath(WORKBOOK)));
  for (const [name, ks] of kept.sheets) {
    const path = sheetPaths.get(name);
    if (!path) throw new Error(`Lembar "${name}" tidak tertulis; penyimpanan dibatalkan agar isinya tidak hilang.`);
    const ids = mergeRels(parts, path, ks.rels, ks.source);
    const xml = text(path);
    const o = outline(xml, path);
    const edits: Splice[] = [];
    const present = new Set(o.children.map((c) => c.local));
    for (const { el } of ks.elements) {
      if (el.namespaceURI === NS.main && present.has(el.localName ?? "")) throw new Error(`ExcelJS menulis <${el.localName}> sendiri di ${path}; penyimpanan dibatalkan agar aslinya tidak hilang.`);
    }
    const additions: KeptElement[] = ks.elements.map(({ el, rank }) => ({ el: remapped(el, ids), rank }));
    if (ks.extensions.length) {
      const existing = o.children.find((c) => c.uri === NS.main && c.local === "extLst");
      if (existing) {
        const [list] = elementsOf(xml.slice(existing.start, existing.end), o.namespaces, path);
        for (const ext of ks.extensions) list!.appendChild(list!.ownerDocument!.importNode(remapped(ext, ids), true));
        edits.push({ start: existing.start, end: existing.end, text: serializeInScope(list!, o.namespaces) });
      } else {
        const list = parseXml(`<extLst xmlns="${NS.main}"/>`, path).documentElement!;
        for (const ext of ks.extensions) list.appendChild(list.ownerDocument!.importNode(remapped(ext, ids), true));
        additions.push({ el: list, rank: SHEET_ORDER.indexOf("extLst") });
      }
    }
    const printer = ks.pageSetupRelId && ids.get(ks.pageSetupRelId);
    if (printer) {
      const existing = o.children.find((c) => c.uri === NS.main && c.local === "pageSetup");
      const [setup] = existing ? elementsOf(xml.slice(existing.start, existing.end), o.namespaces, path) : [parseXml(`<pageSetup xmlns="${NS.main}"/>`, path).documentElement!];
      setup!.setAttributeNS(NS.rel, "r:id", printer);
      if (existing) edits.push({ start: existing.start, end: existing.end, text: serializeInScope(setup!, o.namespaces) });
      else additions.push({ el: setup!, rank: SHEET_ORDER.indexOf("pageSetup") });
    }
    edits.push(...insertions(o, additions, SHEET_ORDER));
    parts.set(path, splice(xml, edits));
  }

  for (const [name, writer] of input.sheetData ?? []) {
    const path = sheetPaths.get(name);
    if (!path) throw new Error(`Lembar "${name}" tidak tertulis; penyimpanan dibatalkan agar isinya tidak hilang.`);
    parts.set(path, withSheetData(text(path), path, writer));
  }

  parts.set(WORKBOOK, workbookXml(text(WORKBOOK), kept, input.definedNames, mergeRels(parts, WORKBOOK, kept.workbookRels, kept.workbookPath)));
  mergeRels(parts, "", kept.packageRels, "");

  const shift = parts.has(STYLES) ? mergeStyles(parts, kept) : 0;
  const types = new Map<string, { type: string; asDefault: boolean }>();
  for (const [path, part] of kept.parts) {
    if (parts.has(path)) throw new Error(`Bagian ${path} ditulis dua kali; penyimpanan dibatalkan.`);
    parts.set(path, shift && TABLE_TYPES.has(part.contentType) ? shiftDxfIds(new TextDecoder().decode(part.data), path, shift) : part.data);
    types.set(path, { type: part.contentType, asDefault: part.asDefault });
  }
  parts.set("[Content_Types].xml", addContentTypes(text("[Content_Types].xml"), types));

  // the content types first, as Excel writes them
  const ordered = new Map<string, PartData>([["[Content_Types].xml", parts.get("[Content_Types].xml")!]]);
  for (const [path, data] of parts) if (!ordered.has(path)) ordered.set(path, data);
  return ordered;
}

/** Sheet name → part path, from a workbook and its relationships. */
function sheetsOf(workbook: string, rels: string): Map<string, string> {
  const byId = new Map(readRels(rels, relsPath(WORKBOOK)).map((r) => [r.id, r]));
  const out = new Map<string, string>();
  const doc = parseXml(workbook, WORKBOOK);
  for (const sheets of childElements(doc.documentElement!).filter((e) => e.localName === "sheets")) {
    for (const s of childElements(sheets)) {
      const rel = byId.get(s.getAttributeNS(NS.rel, "id") ?? "");
      if (rel) out.set(s.getAttribute("name") ?? "", resolveTarget(WORKBOOK, rel.target));
    }
  }
  return out;
}

/**
 * Adds kept relationships to the relationship part of `path` under ids not used there, with targets
 * relative to where the part is now. Returns the old id → new id map.
 */
function mergeRels(parts: Map<string, PartData>, path: string, rels: readonly Relationship[], source: string): Map<string, string> {
  const ids = new Map<string, string>();
  if (rels.length === 0) return ids;
  const file = relsPath(path);
  const current = parts.has(file) ? readRels(parts.get(file) as string, file) : [];
  const used = new Set(current.map((r) => r.id));
  const sameFolder = folder(path) === folder(source);
  for (const r of rels) {
    const id = freshRelId(used);
    ids.set(r.id, id);
    current.push({ ...r, id, target: r.external || sameFolder ? r.target : relativeTarget(path, resolveTarget(source, r.target)) });
  }
  parts.set(file, writeRels(current));
  return ids;
}

const folder = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);

function relativeTarget(from: string, to: string): string {
  const a = folder(from).split("/").filter(Boolean);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i).map(encodeURIComponent)].join("/");
}

/** A copy of `el` whose relationship ids (r:id, r:embed, ... anywhere inside) point at the new ids. */
function remapped(el: Element, ids: ReadonlyMap<string, string>): Element {
  const copy = el.cloneNode(true) as Element;
  for (const node of [copy, ...descendants(copy)]) {
    const attrs = [];
    for (let i = 0; i < node.attributes.length; i++) {
      const a = node.attributes.item(i)!;
      if (a.namespaceURI === NS.rel) attrs.push(a);
    }
    for (const a of attrs) {
      const id = ids.get(a.value);
      if (id) node.setAttributeNS(NS.rel, a.name, id);
    }
  }
  return copy;
}

/** Insertions of `additions` after the last element of the part that ranks at or before each. */
function insertions(o: XmlOutline, additions: readonly KeptElement[], order: readonly string[]): Splice[] {
  const byOffset = new Map<number, string>();
  for (const { el, rank } of [...additions].sort((a, b) => a.rank - b.rank)) {
    let at = o.rootOpenEnd;
    for (const c of o.children) if (rankOf(c, order) <= rank && rankOf(c, order) >= 0) at = c.end;
    byOffset.set(at, (byOffset.get(at) ?? "") + serializeInScope(el, o.namespaces));
  }
  return [...byOffset].map(([at, text]) => ({ start: at, end: at, text }));
}

/** The workbook part with the kept elements, the file's own settings, and the adapter's defined names. */
function workbookXml(xml: string, kept: KeptPackage, names: readonly FileDefinedName[], ids: ReadonlyMap<string, string>): string {
  const o = outline(xml, WORKBOOK);
  const edits: Splice[] = [];
  const additions: KeptElement[] = kept.workbookElements.map(({ el, rank }) => ({ el: remapped(el, ids), rank }));
  const replace = (local: string, el: Element | null) => {
    const existing = o.children.find((c) => c.uri === NS.main && c.local === local);
    if (existing) edits.push({ start: existing.start, end: existing.end, text: el ? serializeInScope(el, o.namespaces) : "" });
    else if (el) additions.push({ el, rank: WORKBOOK_ORDER.indexOf(local) });
  };
  for (const local of WORKBOOK_ORIGINAL_WINS) {
    const el = kept.workbookSettings.get(local);
    if (el) replace(local, el);
  }
  const calc = kept.workbookSettings.get("calcPr")?.cloneNode(true) as Element | undefined;
  if (calc) {
    // nothing here calculates, so cached results may be stale: Excel recalculates on open
    calc.setAttribute("fullCalcOnLoad", "1");
    replace("calcPr", calc);
  }
  replace("definedNames", definedNamesElement(names));
  edits.push(...insertions(o, additions, WORKBOOK_ORDER));
  return splice(xml, edits);
}

function definedNamesElement(names: readonly FileDefinedName[]): Element | null {
  if (names.length === 0) return null;
  const doc = parseXml(`<definedNames xmlns="${NS.main}"/>`, WORKBOOK);
  const root = doc.documentElement!;
  for (const n of names) {
    const el = doc.createElementNS(NS.main, "definedName");
    el.setAttribute("name", n.name);
    if (n.localSheetId !== undefined) el.setAttribute("localSheetId", String(n.localSheetId));
    for (const [k, v] of Object.entries(n.attributes ?? {})) el.setAttribute(k, v);
    el.appendChild(doc.createTextNode(n.text));
    root.appendChild(el);
  }
  return root;
}

const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/**
 * Puts the file's differential formats after the ones ExcelJS wrote (for its conditional formats), and
 * its table styles, colour palette and style extensions in place of ExcelJS's defaults. Returns by how
 * much the file's dxf ids moved.
 */
function mergeStyles(parts: Map<string, PartData>, kept: KeptPackage): number {
  const { dxfs, tableStyles, colors, extLst } = kept.styles;
  if (!dxfs.length && !tableStyles && !colors && !extLst) return 0;
  const doc = parseXml(parts.get(STYLES) as string, STYLES);
  const root = doc.documentElement!;
  const find = (local: string) => childElements(root).find((e) => e.namespaceURI === NS.main && e.localName === local);
  const place = (el: Element) => {
    const rank = STYLE_ORDER.indexOf(el.localName ?? "");
    const next = childElements(root).find((e) => STYLE_ORDER.indexOf(e.localName ?? "") > rank);
    root.insertBefore(el, next ?? null);
  };
  let list = find("dxfs");
  const shift = list ? childElements(list).length : 0;
  if (dxfs.length) {
    if (!list) {
      list = doc.createElementNS(NS.main, "dxfs");
      place(list);
    }
    for (const d of dxfs) list.appendChild(doc.importNode(d, true));
    list.setAttribute("count", String(childElements(list).length));
  }
  for (const el of [tableStyles, colors, extLst]) {
    if (!el) continue;
    const copy = doc.importNode(el, true) as Element;
    shiftIn(copy, shift);
    const existing = find(el.localName ?? "");
    if (existing) root.replaceChild(copy, existing);
    else place(copy);
  }
  parts.set(STYLES, serializePart(doc));
  return shift;
}

const isDxfId = (name: string) => name === "dxfId" || name.endsWith("DxfId");

function shiftIn(el: Element, by: number): void {
  if (by === 0) return;
  for (const node of [el, ...descendants(el)]) {
    for (let i = 0; i < node.attributes.length; i++) {
      const a = node.attributes.item(i)!;
      if (isDxfId(a.localName ?? a.name) && /^\d+$/.test(a.value)) node.setAttribute(a.name, String(Number(a.value) + by));
    }
  }
}

/** A table or pivot table part whose dxf ids moved by `by`. */
function shiftDxfIds(xml: string, path: string, by: number): string {
  const doc: Document = parseXml(xml, path);
  shiftIn(doc.documentElement!, by);
  return serializePart(doc);
}

/** A sheet part ExcelJS wrote without rows, with the rows, the used range and the merged areas put in. */
function withSheetData(xml: string, path: string, writer: SheetDataWriter): PartData {
  let o = outline(xml, path);
  const edits: Splice[] = [];
  const dim = o.children.find((c) => c.uri === NS.main && c.local === "dimension");
  if (dim && writer.dimension) edits.push({ start: dim.start, end: dim.end, text: `<dimension ref="${writer.dimension}"/>` });
  if (writer.merges.length) {
    if (o.children.some((c) => c.local === "mergeCells")) throw new Error(`ExcelJS wrote merges of a bulk sheet in ${path}`);
    const doc = parseXml(`<mergeCells xmlns="${NS.main}" count="${writer.merges.length}"/>`, path);
    for (const ref of writer.merges) {
      const m = doc.createElementNS(NS.main, "mergeCell");
      m.setAttribute("ref", ref);
      doc.documentElement!.appendChild(m);
    }
    edits.push(...insertions(o, [{ el: doc.documentElement!, rank: SHEET_ORDER.indexOf("mergeCells") }], SHEET_ORDER));
  }
  const full = splice(xml, edits);
  o = outline(full, path);
  const data = o.children.find((c) => c.uri === NS.main && c.local === "sheetData");
  if (!data) throw new Error(`ExcelJS wrote no sheetData in ${path}`);
  const head = full.slice(0, data.start);
  const tail = full.slice(data.end);
  const utf8 = new TextEncoder();
  return {
    chunks: function* () {
      yield utf8.encode(`${head}<sheetData>`);
      yield* writer.rows();
      yield utf8.encode(`</sheetData>${tail}`);
    },
  };
}

/** The package as zip bytes (in memory: for the browser's download and for tests). */
export async function zipToBuffer(parts: ReadonlyMap<string, PartData>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, data] of parts) zip.file(path, typeof data === "object" && "chunks" in data ? concat([...data.chunks()]) : data, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * Node only: the package written to a new `file` (created with `mode`, less the umask) as it is
 * compressed (zlib), without holding the zip in memory.
 */
export async function zipToFile(parts: ReadonlyMap<string, PartData>, file: string, mode: number): Promise<void> {
  const [{ default: archiver }, fs, { Readable }] = await Promise.all([
    import(/* webpackIgnore: true */ "archiver"),
    import(/* webpackIgnore: true */ "node:fs"),
    import(/* webpackIgnore: true */ "node:stream"),
  ]);
  const out = fs.createWriteStream(file, { flags: "wx", mode });
  // level 4: a 290 MB sheet compresses in less than half the time of the default 6, to a file ~15% larger
  const archive = archiver("zip", { zlib: { level: 4 } });
  const done = new Promise<void>((resolve, reject) => {
    out.on("close", resolve);
    out.on("error", reject);
    archive.on("error", reject);
    archive.on("warning", reject);
  });
  archive.pipe(out);
  for (const [path, data] of parts) {
    const source =
      typeof data === "string"
        ? Buffer.from(data, "utf8")
        : data instanceof Uint8Array
          ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
          : Readable.from(
              (function* () {
                for (const piece of data.chunks()) yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
              })(),
              { objectMode: false },
            );
    archive.append(source, { name: path, date: ZIP_DATE });
  }
  try {
    // a failing file (ENOSPC) stops the archive from draining, so wait for whichever ends first
    await Promise.all([archive.finalize(), done]);
  } catch (error) {
    archive.abort();
    out.destroy();
    throw error;
  }
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One time stamp for every entry (zip dates are local; 2000 is valid in every time zone): the same workbook gives the same bytes. */
const ZIP_DATE = new Date(2000, 0, 1);
