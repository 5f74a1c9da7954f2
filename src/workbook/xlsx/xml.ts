/**
 * XML of the .xlsx package read and written with real parsers: @xmldom/xmldom for the small parts
 * (relationships, content types, workbook, styles, single elements) and saxes for an outline of the
 * parts that may be large (worksheets), so they can be spliced at element boundaries without building
 * a tree of a 200 MB sheet.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { SaxesParser } from "saxes";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;

export type { Document, Element };

/** Parses a part; a part that is not well-formed XML is an error naming the part. */
export function parseXml(text: string, part: string): Document {
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    throw new Error(`Bagian ${part} pada berkas .xlsx bukan XML yang sah: ${(error as Error).message}`);
  }
}

export function serializeXml(node: Node): string {
  return new XMLSerializer().serializeToString(node);
}

/** A whole part: the XML declaration Excel expects, then the document element. */
export function serializePart(doc: Document): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serializeXml(doc.documentElement!)}`;
}

export function childElements(el: Element | null | undefined): Element[] {
  const out: Element[] = [];
  for (let n = el?.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** Every element below `el` (not `el` itself), in document order. */
export function descendants(el: Element): Element[] {
  const out: Element[] = [];
  const walk = (parent: Element) => {
    for (const child of childElements(parent)) {
      out.push(child);
      walk(child);
    }
  };
  walk(el);
  return out;
}

/** One child element of the document root, located in the part's text. */
export interface TopLevelElement {
  /** The qualified name as written ("drawing", "mc:AlternateContent"). */
  name: string;
  local: string;
  uri: string;
  /** Where the region holding the element begins: right after whatever came before it (so it may start with whitespace). */
  start: number;
  /** Right after the element's end tag (or its "/>"). */
  end: number;
}

export interface XmlOutline {
  root: { name: string; local: string; uri: string };
  /** Namespace declarations on the root element, by prefix ("" for the default namespace). */
  namespaces: Record<string, string>;
  /** Right after the root's start tag. */
  rootOpenEnd: number;
  children: TopLevelElement[];
  /** Where the root's end tag region begins (after the last child or text inside the root). */
  closeStart: number;
}

/**
 * The root and its child elements with their positions in `xml` (UTF-16 offsets, as String.slice
 * takes them). Positions come from the parser's own count after each event, so no markup is searched
 * for by pattern.
 */
export function outline(xml: string, part: string): XmlOutline {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let last = 0;
  let out: XmlOutline | null = null;
  let current: Omit<TopLevelElement, "end"> | null = null;
  let error: Error | null = null;
  parser.on("error", (e) => {
    error ??= e;
  });
  parser.on("opentag", (tag) => {
    depth++;
    if (depth === 1) {
      const namespaces: Record<string, string> = {};
      for (const [prefix, uri] of Object.entries(tag.ns ?? {})) namespaces[prefix] = uri;
      out = { root: { name: tag.name, local: tag.local ?? tag.name, uri: tag.uri ?? "" }, namespaces, rootOpenEnd: parser.position, children: [], closeStart: parser.position };
      last = parser.position;
    } else if (depth === 2) {
      current = { name: tag.name, local: tag.local ?? tag.name, uri: tag.uri ?? "", start: last };
    }
  });
  parser.on("closetag", () => {
    if (depth === 2 && current && out) {
      out.children.push({ ...current, end: parser.position });
      current = null;
      last = parser.position;
    } else if (depth === 1 && out) {
      out.closeStart = last;
    }
    depth--;
  });
  const atTop = () => {
    if (depth === 1) last = parser.position;
  };
  parser.on("text", atTop);
  parser.on("comment", atTop);
  parser.on("processinginstruction", atTop);
  parser.on("cdata", atTop);
  parser.write(xml).close();
  if (error || !out) throw new Error(`Bagian ${part} pada berkas .xlsx bukan XML yang sah${error ? `: ${(error as Error).message}` : "."}`);
  return out;
}

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Replaces the given regions (non-overlapping; insertions have start === end). */
export function splice(xml: string, edits: readonly Splice[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping XML edits");
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/**
 * The elements in one region of a part's text, parsed on their own: the region is wrapped in an
 * element that declares the part root's namespaces, and each element found gets those declarations
 * itself, so it can be serialized into another part that declares different prefixes.
 */
export function elementsOf(region: string, namespaces: Record<string, string>, part: string): Element[] {
  const decls = Object.entries(namespaces)
    .map(([prefix, uri]) => `${prefix ? `xmlns:${prefix}` : "xmlns"}="${xmlAttr(uri)}"`)
    .join(" ");
  const doc = parseXml(`<wrap ${decls}>${region}</wrap>`, part);
  const elements = childElements(doc.documentElement!);
  for (const el of elements) {
    for (const [prefix, uri] of Object.entries(namespaces)) {
      const name = prefix ? `xmlns:${prefix}` : "xmlns";
      if (!el.hasAttribute(name)) el.setAttributeNS(NS.xmlns, name, uri);
    }
  }
  return elements;
}

/**
 * `el` serialized for a place where `namespaces` are declared (a part's root): declarations the place
 * already makes are left out, the others stay on the element. The element is serialized inside a
 * wrapper that declares them, and cut out of it at the boundaries the parser reports.
 */
export function serializeInScope(el: Element, namespaces: Record<string, string>): string {
  const decls = Object.entries(namespaces)
    .map(([prefix, uri]) => `${prefix ? `xmlns:${prefix}` : "xmlns"}="${xmlAttr(uri)}"`)
    .join(" ");
  const doc = parseXml(`<wrap ${decls}/>`, "fragment");
  const copy = doc.importNode(el, true) as Element;
  const redundant = [];
  for (let i = 0; i < copy.attributes.length; i++) {
    const a = copy.attributes.item(i)!;
    if (a.namespaceURI !== NS.xmlns) continue;
    const prefix = a.name === "xmlns" ? "" : a.localName ?? "";
    if (namespaces[prefix] === a.value) redundant.push(a);
  }
  for (const a of redundant) copy.removeAttributeNode(a);
  doc.documentElement!.appendChild(copy);
  const text = serializeXml(doc.documentElement!);
  const [child] = outline(text, "fragment").children;
  return text.slice(child!.start, child!.end);
}

export function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;");
}
