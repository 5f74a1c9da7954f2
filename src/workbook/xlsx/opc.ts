/**
 * The Open Packaging Conventions under an .xlsx: part paths, relationships and content types
 * ([ECMA-376] Part 2). Paths here have no leading "/" ("xl/workbook.xml"), as zip entries do.
 */
import type JSZip from "jszip";
import { childElements, NS, parseXml, serializePart, type Element } from "./xml";

export interface Relationship {
  id: string;
  /** The full type URI. */
  type: string;
  /** As written: relative to the source part's folder, or absolute from the package root ("/xl/..."). */
  target: string;
  external: boolean;
}

/** The last segment of a relationship type: "worksheet", "drawing", "pivotCacheDefinition". */
export const relKind = (type: string): string => type.slice(type.lastIndexOf("/") + 1);

/** Where the relationships of a part live: "" (the package) → _rels/.rels. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `source` points to (internal targets only). */
export function resolveTarget(source: string, target: string): string {
  const segments = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const s of target.replace(/^\/+/, "").split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return segments.map(decodeURIComponentSafe).join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function readRels(xml: string, part: string): Relationship[] {
  const doc = parseXml(xml, part);
  return childElements(doc.documentElement!)
    .filter((e) => e.localName === "Relationship")
    .map((e) => ({ id: e.getAttribute("Id") ?? "", type: e.getAttribute("Type") ?? "", target: e.getAttribute("Target") ?? "", external: e.getAttribute("TargetMode") === "External" }));
}

export function writeRels(rels: readonly Relationship[]): string {
  const doc = parseXml(`<Relationships xmlns="${NS.pkgRel}"/>`, "rels");
  const root = doc.documentElement!;
  for (const r of rels) {
    const el = doc.createElementNS(NS.pkgRel, "Relationship");
    el.setAttribute("Id", r.id);
    el.setAttribute("Type", r.type);
    el.setAttribute("Target", r.target);
    if (r.external) el.setAttribute("TargetMode", "External");
    root.appendChild(el);
  }
  return serializePart(doc);
}

/** A relationship id not in `used` ("rId7"), recorded as used. */
export function freshRelId(used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  used.add(`rId${n}`);
  return `rId${n}`;
}

export interface ContentTypes {
  /** By lower-case extension. */
  defaults: Map<string, string>;
  /** By part path. */
  overrides: Map<string, string>;
}

export function readContentTypes(xml: string): ContentTypes {
  const doc = parseXml(xml, "[Content_Types].xml");
  const out: ContentTypes = { defaults: new Map(), overrides: new Map() };
  for (const e of childElements(doc.documentElement!)) {
    const type = e.getAttribute("ContentType") ?? "";
    if (e.localName === "Default") out.defaults.set((e.getAttribute("Extension") ?? "").toLowerCase(), type);
    else if (e.localName === "Override") out.overrides.set((e.getAttribute("PartName") ?? "").replace(/^\/+/, ""), type);
  }
  return out;
}

export function contentTypeOf(ct: ContentTypes, part: string): string | undefined {
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  return ct.overrides.get(part) ?? ct.defaults.get(ext);
}

/**
 * `xml` with each part in `parts` given its content type: as a Default when the extension has none
 * yet and the part had it as a default, else as an Override.
 */
export function addContentTypes(xml: string, parts: ReadonlyMap<string, { type: string; asDefault: boolean }>): string {
  const doc = parseXml(xml, "[Content_Types].xml");
  const root = doc.documentElement!;
  const current = readContentTypes(xml);
  const elements = childElements(root);
  const firstOverride: Element | undefined = elements.find((e) => e.localName === "Override");
  for (const [part, { type, asDefault }] of parts) {
    if (contentTypeOf(current, part) === type) continue;
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    if (asDefault && !current.defaults.has(ext)) {
      const el = doc.createElementNS(NS.contentTypes, "Default");
      el.setAttribute("Extension", ext);
      el.setAttribute("ContentType", type);
      // defaults come first
      root.insertBefore(el, firstOverride ?? null);
      current.defaults.set(ext, type);
    } else {
      const el = doc.createElementNS(NS.contentTypes, "Override");
      el.setAttribute("PartName", `/${part}`);
      el.setAttribute("ContentType", type);
      root.appendChild(el);
      current.overrides.set(part, type);
    }
  }
  return serializePart(doc);
}

/** What a package that is a zip but not a workbook is, in words a user knows (empty when unknown). */
export async function foreignPackage(zip: JSZip): Promise<string | null> {
  const mimetype = await zip.file("mimetype")?.async("string");
  if (mimetype?.includes("opendocument.spreadsheet")) return "lembar kerja OpenDocument .ods";
  if (mimetype?.includes("opendocument")) return "dokumen OpenDocument";
  if (zip.file("word/document.xml")) return "dokumen Word";
  if (zip.file("ppt/presentation.xml")) return "presentasi PowerPoint";
  const rels = await zip.file("_rels/.rels")?.async("string");
  if (!zip.file("[Content_Types].xml") || !rels) return "arsip zip";
  // the main part of a spreadsheet package is a workbook (xl/workbook.xml for Excel, LibreOffice and WPS)
  if (!/officeDocument"[^>]*Target="\/?xl\/[^"]*workbook\.xml"|Target="\/?xl\/[^"]*workbook\.xml"[^>]*officeDocument"/.test(rels)) return "paket Office tanpa buku kerja";
  return null;
}
