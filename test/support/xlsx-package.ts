/**
 * An .xlsx package read independently of the adapter (JSZip + @xmldom/xmldom), to compare what a file
 * held with what was saved: parts, content types, and what each sheet and the workbook refer to.
 */
import { DOMParser, XMLSerializer, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";

const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Reference {
  /** The referring element's local name, or "" for a relationship no element names (comments, pivot tables). */
  element: string;
  /** The last segment of the relationship type. */
  type: string;
  /** The target part's path, or the external URI. */
  target: string;
}

export interface PackageView {
  parts: Map<string, Uint8Array>;
  contentType: (path: string) => string | undefined;
  /** By sheet name: what the sheet part refers to, sorted. */
  sheets: Map<string, Reference[]>;
  /** By sheet name: the sheet part's top-level element names, in order. */
  sheetElements: Map<string, string[]>;
  workbook: Reference[];
  package: Reference[];
  definedNames: { name: string; attributes: Record<string, string>; text: string }[];
  /** Internal relationship targets that are not in the package. */
  dangling: string[];
  text: (path: string) => string;
  xml: (path: string) => Element;
}

const parse = (s: string): Element => new DOMParser().parseFromString(s, "text/xml").documentElement!;
const children = (el: Element): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};
const all = (el: Element): Element[] => children(el).flatMap((c) => [c, ...all(c)]);

function resolve(source: string, target: string): string {
  const parts = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const s of target.replace(/^\/+/, "").split("/")) {
    if (s === "..") parts.pop();
    else if (s && s !== ".") parts.push(decodeURIComponent(s));
  }
  return parts.join("/");
}

const relsOf = (part: string) => `${part.slice(0, part.lastIndexOf("/") + 1)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

export async function readPackage(bytes: Uint8Array): Promise<PackageView> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const [path, file] of Object.entries(zip.files)) if (!file.dir) parts.set(path, await file.async("uint8array"));
  const text = (path: string) => {
    const p = parts.get(path);
    if (!p) throw new Error(`${path} is not in the package`);
    return new TextDecoder().decode(p);
  };
  const xml = (path: string) => parse(text(path));
  const ct = xml("[Content_Types].xml");
  const defaults = new Map(children(ct).filter((e) => e.localName === "Default").map((e) => [e.getAttribute("Extension")!.toLowerCase(), e.getAttribute("ContentType")!]));
  const overrides = new Map(children(ct).filter((e) => e.localName === "Override").map((e) => [e.getAttribute("PartName")!.replace(/^\//, ""), e.getAttribute("ContentType")!]));
  const contentType = (path: string) => overrides.get(path) ?? defaults.get(path.slice(path.lastIndexOf(".") + 1).toLowerCase());

  const dangling: string[] = [];
  const rels = (part: string) => {
    const map = new Map<string, { type: string; target: string }>();
    if (!parts.has(relsOf(part))) return map;
    for (const r of children(xml(relsOf(part)))) {
      const external = r.getAttribute("TargetMode") === "External";
      const target = external ? r.getAttribute("Target")! : resolve(part, r.getAttribute("Target")!);
      if (!external && !parts.has(target)) dangling.push(`${part} → ${target}`);
      const type = r.getAttribute("Type")!;
      map.set(r.getAttribute("Id")!, { type: type.slice(type.lastIndexOf("/") + 1), target });
    }
    return map;
  };
  const references = (part: string, root: Element | null): Reference[] => {
    const byId = rels(part);
    const named = new Set<string>();
    const out: Reference[] = [];
    for (const el of root ? all(root) : []) {
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i)!;
        if (a.namespaceURI !== R) continue;
        const rel = byId.get(a.value);
        if (!rel) throw new Error(`${part}: <${el.localName} ${a.name}="${a.value}"> names no relationship`);
        named.add(a.value);
        out.push({ element: el.localName!, ...rel });
      }
    }
    for (const [id, rel] of byId) if (!named.has(id)) out.push({ element: "", ...rel });
    return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  };

  const pkg = references("", null);
  const workbookPath = pkg.find((r) => r.type === "officeDocument")!.target;
  const book = xml(workbookPath);
  const bookRels = rels(workbookPath);
  const sheets = new Map<string, Reference[]>();
  const sheetElements = new Map<string, string[]>();
  for (const s of all(book).filter((e) => e.localName === "sheet")) {
    const rel = bookRels.get(s.getAttributeNS(R, "id")!);
    if (!rel || rel.type !== "worksheet") continue;
    const root = xml(rel.target);
    sheets.set(s.getAttribute("name")!, references(rel.target, root));
    sheetElements.set(s.getAttribute("name")!, children(root).map((c) => c.localName!));
  }
  const definedNames = all(book)
    .filter((e) => e.localName === "definedName")
    .map((e) => {
      const attributes: Record<string, string> = {};
      for (let i = 0; i < e.attributes.length; i++) attributes[e.attributes.item(i)!.name] = e.attributes.item(i)!.value;
      return { name: e.getAttribute("name")!, attributes, text: e.textContent ?? "" };
    });
  // parts the kept ones refer to, followed down
  for (const path of [...parts.keys()]) if (/\.(xml|vml)$/.test(path)) rels(path);
  return { parts, contentType, sheets, sheetElements, workbook: references(workbookPath, book), package: pkg, definedNames, dangling: [...new Set(dangling)], text, xml };
}

/** A dxf of the styles part, by index, as text (without a namespace declaration it may carry or not). */
export function dxf(view: PackageView, index: number): string {
  const dxfs = all(view.xml("xl/styles.xml")).find((e) => e.localName === "dxfs")!;
  const el = children(dxfs)[index]?.cloneNode(true) as Element | undefined;
  if (!el) return "";
  el.removeAttribute("xmlns");
  return new XMLSerializer().serializeToString(el);
}
