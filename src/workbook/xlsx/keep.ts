/**
 * What a user's .xlsx holds that the adapter does not write itself, read when the file is opened so
 * the save can put it back (see assemble.ts).
 *
 * ExcelJS rewrites the cells, styles, sheet settings and workbook of a file it loads and drops the
 * rest: charts, drawings, images, comments and threaded comments, pivot tables and their caches,
 * tables, slicers, sparklines, custom XML, printer settings, and sheet elements it has no model for
 * (ignoredErrors, colBreaks, protectedRanges, ...). The adapter lets ExcelJS own only what it models
 * (and stops it from loading drawings, images, tables and comments, whose originals are kept
 * instead), and keeps everything else here as it was:
 * - every part reachable through a relationship ExcelJS does not write, with the parts it refers to,
 *   byte for byte;
 * - those relationships, under new ids in the rewritten relationship parts;
 * - the worksheet and workbook elements that refer to them or that ExcelJS does not model, in the
 *   schema's order;
 * - defined names with all their attributes (hidden, comment, ...), and the workbook's own settings
 *   (fileVersion, workbookPr, calcPr) as the file had them;
 * - the styles those parts refer to (differential formats, table styles, the colour palette).
 * What cannot be kept this way (a chart sheet, a macro sheet, VBA) is listed in `losses`, and the
 * adapter refuses to save such a file rather than drop it.
 */
import type JSZip from "jszip";
import { contentTypeOf, readContentTypes, readRels, relKind, relsPath, resolveTarget, type ContentTypes, type Relationship } from "./opc";
import type { FileDefinedName } from "./package-parts";
import { childElements, elementsOf, NS, outline, parseXml, type Element } from "./xml";

/** CT_Worksheet's children in schema order. */
export const SHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** CT_Workbook's children in schema order. */
export const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
  "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
  "fileRecoveryPr", "webPublishObjects", "extLst",
];

/** The worksheet elements ExcelJS (with the adapter's help) reads and writes itself. */
const SHEET_OWNED = new Set([
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetProtection", "autoFilter", "mergeCells",
  "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
]);

/** Extensions of a worksheet's extLst that ExcelJS or the adapter write: x14 conditional formats, x14 validations. */
const OWNED_SHEET_EXTENSIONS = new Set(["{78C0D931-6437-407d-A8EE-F0AAD7539E65}", "{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"].map((u) => u.toUpperCase()));

/** Workbook elements the file's own copy of which replaces what ExcelJS writes (ExcelJS writes fewer settings). */
export const WORKBOOK_ORIGINAL_WINS = new Set(["fileVersion", "workbookPr"]);
/** Workbook elements ExcelJS (or the adapter) writes from its model. */
const WORKBOOK_OWNED = new Set(["fileVersion", "workbookPr", "bookViews", "sheets", "definedNames", "calcPr"]);

/** Relationship kinds whose targets ExcelJS writes itself, by the part they start from. */
const OWNED_PACKAGE_RELS = new Set(["officeDocument", "core-properties", "extended-properties"]);
const OWNED_WORKBOOK_RELS = new Set(["worksheet", "styles", "sharedStrings", "theme", "calcChain"]);
const OWNED_SHEET_RELS = new Set(["hyperlink"]);

/** Sheets ExcelJS does not read at all; saving would delete them. */
const UNKEEPABLE_SHEETS: Record<string, string> = {
  chartsheet: "lembar grafik",
  dialogsheet: "lembar dialog",
  xlMacrosheet: "lembar makro Excel 4.0",
  xlIntlMacrosheet: "lembar makro Excel 4.0",
};

const RELS_CONTENT_TYPE = "application/vnd.openxmlformats-package.relationships+xml";
const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

export interface KeptElement {
  el: Element;
  /** Position in the schema order; elements the schema does not name sit after their original predecessor. */
  rank: number;
}

export interface KeptSheet {
  /** The part the sheet was read from; its relationships' targets are relative to it. */
  source: string;
  rels: Relationship[];
  elements: KeptElement[];
  /** <ext> children of the sheet's extLst that ExcelJS does not write. */
  extensions: Element[];
  /** The printer settings the sheet's pageSetup referred to. */
  pageSetupRelId?: string;
}

export interface KeptPart {
  data: Uint8Array;
  contentType: string;
  /** The file gave the type as a Default for the extension (media, vml, bin), not as an Override. */
  asDefault: boolean;
}

export interface KeptPackage {
  /** What saving would drop, in Indonesian ("lembar grafik \"Grafik1\""); saving refuses while any. */
  losses: string[];
  packageRels: Relationship[];
  workbookPath: string;
  workbookRels: Relationship[];
  workbookElements: KeptElement[];
  /** fileVersion, workbookPr and calcPr as the file had them. */
  workbookSettings: Map<string, Element>;
  definedNames: FileDefinedName[];
  /** Every worksheet's part, by sheet name. */
  sheetPaths: Map<string, string>;
  /** What is kept of each sheet, by sheet name. */
  sheets: Map<string, KeptSheet>;
  /** Parts copied as they are, by path; their own relationship parts included. */
  parts: Map<string, KeptPart>;
  styles: { dxfs: Element[]; tableStyles?: Element; colors?: Element; extLst?: Element };
}

export function emptyKept(): KeptPackage {
  return {
    losses: [],
    packageRels: [],
    workbookPath: "xl/workbook.xml",
    workbookRels: [],
    workbookElements: [],
    workbookSettings: new Map(),
    definedNames: [],
    sheetPaths: new Map(),
    sheets: new Map(),
    parts: new Map(),
    styles: { dxfs: [] },
  };
}

/** Rank of a top-level element in `order`; AlternateContent takes the rank of what its first Choice holds. */
export function rankOf(el: { uri: string; local: string }, order: readonly string[], choice?: Element): number {
  if (el.uri === NS.mc && el.local === "AlternateContent" && choice) return rankOf({ uri: choice.namespaceURI ?? "", local: choice.localName ?? "" }, order);
  return el.uri === NS.main ? order.indexOf(el.local) : -1;
}

function firstChoiceChild(el: Element): Element | undefined {
  const choice = childElements(el).find((c) => c.namespaceURI === NS.mc && c.localName === "Choice");
  return choice ? childElements(choice)[0] : undefined;
}

/** What to do with a top-level element: leave it (owned, not needed), read it (owned, but looked into), keep it. */
type Disposition = "leave" | "read" | "keep";

/**
 * The top-level elements of a part that the adapter does not own, each parsed on its own with its
 * rank, and the owned ones it asked to read (by local name). Elements the schema does not name are
 * ranked just after the nearest ranked element before them in the file. Owned elements it leaves
 * (sheetData above all) are never parsed into a tree.
 */
function foreignElements(xml: string, part: string, order: readonly string[], dispose: (local: string, uri: string) => Disposition): { kept: KeptElement[]; read: Map<string, Element> } {
  const o = outline(xml, part);
  const kept: KeptElement[] = [];
  const read = new Map<string, Element>();
  let previous = -1;
  let unranked = 0;
  for (const child of o.children) {
    const what = dispose(child.local, child.uri);
    let rank = child.uri === NS.mc ? -1 : rankOf(child, order);
    if (what === "leave") {
      if (rank >= 0) [previous, unranked] = [rank, 0];
      continue;
    }
    const [el] = elementsOf(xml.slice(child.start, child.end), o.namespaces, part);
    if (!el) continue;
    if (what === "read") {
      if (!read.has(child.local)) read.set(child.local, el);
      if (rank >= 0) [previous, unranked] = [rank, 0];
      continue;
    }
    if (child.uri === NS.mc) rank = rankOf(child, order, firstChoiceChild(el));
    if (rank < 0) rank = previous + 0.001 * ++unranked;
    else [previous, unranked] = [rank, 0];
    kept.push({ el, rank });
  }
  return { kept, read };
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async("string") : null;
}

async function relsOf(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await text(zip, relsPath(part));
  return xml === null ? [] : readRels(xml, relsPath(part));
}

/**
 * Reads what the file holds beyond what the adapter writes. Large sheets the adapter scans itself are
 * in `zip` without their rows by then (bulk-load.ts), so no part is read whole here that is large.
 * Not `forSaving`: only what reading needs (the sheets' parts, the defined names, what saving would
 * lose); each sheet's own elements, the parts they refer to and the styles are what saving puts back.
 */
export async function readKept(zip: JSZip, { forSaving }: { forSaving: boolean } = { forSaving: true }): Promise<KeptPackage> {
  const kept = emptyKept();
  const ctXml = await text(zip, "[Content_Types].xml");
  if (ctXml === null) throw new Error("Berkas ini bukan buku kerja .xlsx ([Content_Types].xml tidak ada).");
  const ct = readContentTypes(ctXml);

  const packageRels = await relsOf(zip, "");
  const office = packageRels.find((r) => relKind(r.type) === "officeDocument" && !r.external);
  kept.workbookPath = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const owned = new Set<string>(["[Content_Types].xml", relsPath(""), kept.workbookPath, relsPath(kept.workbookPath)]);
  for (const r of packageRels) {
    if (r.external) continue;
    if (OWNED_PACKAGE_RELS.has(relKind(r.type))) owned.add(resolveTarget("", r.target));
    else kept.packageRels.push(r);
  }

  const workbookXml = (await text(zip, kept.workbookPath)) ?? "";
  const workbookType = contentTypeOf(ct, kept.workbookPath);
  if (workbookType === MACRO_WORKBOOK) kept.losses.push("makro VBA (berkas .xlsm)");
  const doc = parseXml(workbookXml, kept.workbookPath);
  if (doc.documentElement?.namespaceURI !== NS.main) kept.losses.push("format Strict Open XML (simpan ulang sebagai Buku Kerja Excel biasa)");

  const workbookRels = await relsOf(zip, kept.workbookPath);
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const worksheets = new Map<string, string>();
  for (const r of workbookRels) {
    if (r.external) continue;
    const kind = relKind(r.type);
    const target = resolveTarget(kept.workbookPath, r.target);
    if (kind === "worksheet") {
      owned.add(target);
      owned.add(relsPath(target));
    } else if (OWNED_WORKBOOK_RELS.has(kind)) owned.add(target);
    else if (kind === "vbaProject") kept.losses.push("makro VBA");
    else if (!UNKEEPABLE_SHEETS[kind]) kept.workbookRels.push(r);
  }

  const { kept: wbElements, read: wbAll } = foreignElements(workbookXml, kept.workbookPath, WORKBOOK_ORDER, (local, uri) =>
    uri !== NS.main || !WORKBOOK_OWNED.has(local) ? "keep" : local === "bookViews" ? "leave" : "read",
  );
  kept.workbookElements = wbElements;
  for (const name of [...WORKBOOK_ORIGINAL_WINS, "calcPr"]) {
    const el = wbAll.get(name);
    if (el) kept.workbookSettings.set(name, el);
  }
  const sheetsEl = wbAll.get("sheets");
  for (const s of sheetsEl ? childElements(sheetsEl) : []) {
    const name = s.getAttribute("name") ?? "";
    const rel = relById.get(s.getAttributeNS(NS.rel, "id") ?? "");
    if (!rel) continue;
    const what = UNKEEPABLE_SHEETS[relKind(rel.type)];
    if (what) kept.losses.push(`${what} "${name}"`);
    else if (relKind(rel.type) === "worksheet") worksheets.set(name, resolveTarget(kept.workbookPath, rel.target));
  }
  const namesEl = wbAll.get("definedNames");
  for (const n of namesEl ? childElements(namesEl) : []) {
    const name = n.getAttribute("name");
    if (!name) continue;
    const entry: FileDefinedName = { name, text: n.textContent ?? "" };
    const local = n.getAttribute("localSheetId");
    if (local !== null && local !== "") entry.localSheetId = Number(local);
    const attributes: Record<string, string> = {};
    for (let i = 0; i < n.attributes.length; i++) {
      const a = n.attributes.item(i)!;
      if (a.name !== "name" && a.name !== "localSheetId") attributes[a.name] = a.value;
    }
    if (Object.keys(attributes).length) entry.attributes = attributes;
    kept.definedNames.push(entry);
  }

  kept.sheetPaths = worksheets;
  if (!forSaving) return kept;
  const sheetPaths = new Set(worksheets.values());
  const starts: { source: string; rels: Relationship[] }[] = [
    { source: "", rels: kept.packageRels },
    { source: kept.workbookPath, rels: kept.workbookRels },
  ];
  for (const [name, path] of worksheets) {
    const rels = await relsOf(zip, path);
    const xml = (await text(zip, path)) ?? "";
    const sheet = readSheet(xml, path, rels);
    if (sheet.rels.length || sheet.elements.length || sheet.extensions.length) kept.sheets.set(name, sheet);
    starts.push({ source: path, rels: sheet.rels });
  }

  await collectParts(zip, ct, starts, owned, sheetPaths, kept);
  const stylesRel = workbookRels.find((r) => relKind(r.type) === "styles" && !r.external);
  if (stylesRel) kept.styles = await readStyles(zip, resolveTarget(kept.workbookPath, stylesRel.target));
  return kept;
}

function readSheet(xml: string, path: string, allRels: Relationship[]): KeptSheet {
  const sheet: KeptSheet = { source: path, rels: allRels.filter((r) => !OWNED_SHEET_RELS.has(relKind(r.type))), elements: [], extensions: [] };
  const { kept, read } = foreignElements(xml, path, SHEET_ORDER, (local, uri) =>
    uri !== NS.main ? "keep" : local === "extLst" || local === "pageSetup" ? "read" : SHEET_OWNED.has(local) ? "leave" : "keep",
  );
  for (const ext of childElements(read.get("extLst") ?? null)) {
    if (!OWNED_SHEET_EXTENSIONS.has((ext.getAttribute("uri") ?? "").toUpperCase())) sheet.extensions.push(ext);
  }
  sheet.elements = kept;
  const setup = read.get("pageSetup");
  const rid = setup?.getAttributeNS(NS.rel, "id");
  if (rid) sheet.pageSetupRelId = rid;
  else {
    // a printer-settings relationship nothing points to would be dropped by Excel anyway
    sheet.rels = sheet.rels.filter((r) => relKind(r.type) !== "printerSettings");
  }
  return sheet;
}

/** Every part reachable from the kept relationships, with the relationship parts of those parts. */
async function collectParts(zip: JSZip, ct: ContentTypes, starts: { source: string; rels: Relationship[] }[], owned: Set<string>, sheets: Set<string>, kept: KeptPackage): Promise<void> {
  const queue: { source: string; target: string }[] = [];
  for (const s of starts) for (const r of s.rels) if (!r.external) queue.push({ source: s.source, target: resolveTarget(s.source, r.target) });
  while (queue.length) {
    const { source, target } = queue.shift()!;
    if (kept.parts.has(target)) continue;
    if (sheets.has(target)) {
      kept.losses.push(`bagian ${source} yang merujuk langsung ke sebuah lembar`);
      continue;
    }
    // a reference back to a part ExcelJS writes (the styles, a theme) stays valid as written
    if (owned.has(target)) continue;
    const file = zip.file(target);
    if (!file) continue;
    const overridden = ct.overrides.get(target);
    kept.parts.set(target, { data: await file.async("uint8array"), contentType: contentTypeOf(ct, target) ?? "application/octet-stream", asDefault: overridden === undefined });
    const rels = zip.file(relsPath(target));
    if (!rels) continue;
    const relsXml = await rels.async("string");
    kept.parts.set(relsPath(target), { data: new TextEncoder().encode(relsXml), contentType: RELS_CONTENT_TYPE, asDefault: true });
    for (const r of readRels(relsXml, relsPath(target))) if (!r.external) queue.push({ source: target, target: resolveTarget(target, r.target) });
  }
}

async function readStyles(zip: JSZip, path: string): Promise<KeptPackage["styles"]> {
  const xml = await text(zip, path);
  const out: KeptPackage["styles"] = { dxfs: [] };
  if (xml === null) return out;
  const doc = parseXml(xml, path);
  for (const el of childElements(doc.documentElement!)) {
    if (el.namespaceURI !== NS.main) continue;
    if (el.localName === "dxfs") out.dxfs = childElements(el);
    else if (el.localName === "tableStyles") out.tableStyles = el;
    else if (el.localName === "colors") out.colors = el;
    else if (el.localName === "extLst") out.extLst = el;
  }
  return out;
}

const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/** Whether the kept parts of a sheet include a drawing (charts, pictures, shapes) put back on save. */
export function keptDrawing(kept: KeptPackage, sheet: string): boolean {
  return [...kept.sheets].some(([name, ks]) => name.toLowerCase() === sheet.toLowerCase() && ks.elements.some(({ el }) => el.namespaceURI === NS.main && el.localName === "drawing"));
}

/**
 * Removes a sheet's kept drawing — its <drawing> element, the relationship and the parts only it
 * reaches — when it holds nothing but charts (a generated sheet's charts, about to be drawn anew).
 * Returns the undo; null when the sheet has no kept drawing. Throws when the drawing holds pictures
 * or shapes, which deleting charts must not take with it.
 */
export function dropKeptDrawing(kept: KeptPackage, sheet: string): (() => void) | null {
  const entry = [...kept.sheets].find(([name]) => name.toLowerCase() === sheet.toLowerCase());
  if (!entry) return null;
  const [name, ks] = entry;
  const drawing = ks.elements.find(({ el }) => el.namespaceURI === NS.main && el.localName === "drawing");
  if (!drawing) return null;
  const relId = drawing.el.getAttributeNS(NS.rel, "id") ?? "";
  const rel = ks.rels.find((r) => r.id === relId);
  const target = rel && !rel.external ? resolveTarget(ks.source, rel.target) : null;
  const part = target ? kept.parts.get(target) : undefined;
  if (part) {
    const doc = parseXml(new TextDecoder().decode(part.data), target!);
    const placing = new Set(["from", "to", "pos", "ext", "clientData"]);
    for (const anchor of childElements(doc.documentElement!)) {
      // anything else (an mc:AlternateContent around a slicer, a picture, a shape) is not ours to drop
      const frames = anchor.namespaceURI === DRAWING_NS ? childElements(anchor).filter((e) => !(e.namespaceURI === DRAWING_NS && placing.has(e.localName ?? ""))) : [anchor];
      const chartOnly = frames.every((f) => f.namespaceURI === DRAWING_NS && f.localName === "graphicFrame" && f.getElementsByTagNameNS(CHART_NS, "chart").length > 0);
      if (!chartOnly) throw new Error(`Lembar "${name}" berisi gambar atau bentuk selain grafik; grafiknya tidak dihapus agar gambar itu tidak ikut hilang.`);
    }
  }
  const before = { elements: ks.elements, rels: ks.rels, parts: new Map(kept.parts) };
  ks.elements = ks.elements.filter((e) => e !== drawing);
  ks.rels = ks.rels.filter((r) => r !== rel);
  if (target) {
    // parts still reached from anywhere else stay (a chart style shared by two drawings)
    const reach = (starts: { source: string; rels: readonly Relationship[] }[]): Set<string> => {
      const seen = new Set<string>();
      const queue = starts.flatMap((s) => s.rels.filter((r) => !r.external).map((r) => resolveTarget(s.source, r.target)));
      while (queue.length) {
        const path = queue.shift()!;
        if (seen.has(path) || !kept.parts.has(path)) continue;
        seen.add(path);
        const rels = kept.parts.get(relsPath(path));
        if (!rels) continue;
        seen.add(relsPath(path));
        for (const r of readRels(new TextDecoder().decode(rels.data), relsPath(path))) if (!r.external) queue.push(resolveTarget(path, r.target));
      }
      return seen;
    };
    const others = reach([
      { source: "", rels: kept.packageRels },
      { source: kept.workbookPath, rels: kept.workbookRels },
      ...[...kept.sheets.values()].map((s) => ({ source: s.source, rels: s.rels })),
    ]);
    for (const path of reach([{ source: ks.source, rels: rel ? [rel] : [] }])) if (!others.has(path)) kept.parts.delete(path);
  }
  return () => {
    ks.elements = before.elements;
    ks.rels = before.rels;
    kept.parts.clear();
    for (const [k, v] of before.parts) kept.parts.set(k, v);
  };
}
