/**
 * What ExcelJS 4.4 reads lossily from an .xlsx package, read here from the zip instead (defined names,
 * which ExcelJS keeps only as plain cell ranges, are read with the other kept parts in keep.ts):
 * - data validations: ExcelJS expands every sqref into one entry per cell, so a rule on A1:A1048576
 *   takes minutes or runs out of memory (exceljs#1283, #1842, #2929). Here a rule stays a few ranges;
 * - formulas whose cached result is the empty string: ExcelJS reads them as having no result.
 * The XML is machine-written and these elements are flat, so a small scanner suffices.
 */
import type JSZip from "jszip";

export interface FileDefinedName {
  name: string;
  /** Sheet-scoped names carry the sheet's index in workbook order. */
  localSheetId?: number;
  /** The formula as stored: no leading "=", future functions prefixed. */
  text: string;
  /** Other attributes as the file had them (hidden, comment, function, ...). */
  attributes?: Record<string, string>;
}

/** A data validation in ExcelJS's model shape (what its writer renders). */
export interface FileValidation {
  type: string;
  operator?: string;
  formulae?: (string | Date)[];
  allowBlank?: boolean;
  showInputMessage?: boolean;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
  promptTitle?: string;
  prompt?: string;
}

export interface SheetParts {
  /** Each rule with the ranges ("A1", "B2:C9") it covers. */
  validations: { ranges: string[]; rule: FileValidation }[];
  /** Addresses of formula cells whose cached result is "". */
  emptyStringResults: string[];
}

export interface PackageParts {
  /** By sheet name. */
  sheets: Map<string, SheetParts>;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(parseInt(dec, 10)) : (NAMED[named ?? ""] ?? ""),
  );
}

function attributes(tagBody: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tagBody.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

const bool = (v: string | undefined) => (v === undefined ? undefined : v === "1" || v === "true");

/** Excel's serial day (1900 system, as ExcelJS's own reader assumes) to the Date ExcelJS's writer expects. */
const serialToDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));

function validation(attrs: string, formulae: string[], sqref: string): { ranges: string[]; rule: FileValidation } | null {
  const a = attributes(attrs);
  const type = a.type ?? "any";
  const rule: FileValidation = { type };
  if (a.operator !== undefined) rule.operator = a.operator;
  else if (type !== "any" && type !== "list" && type !== "custom") rule.operator = "between";
  for (const f of ["allowBlank", "showInputMessage", "showErrorMessage"] as const) {
    const v = bool(a[f]);
    if (v !== undefined) rule[f] = v;
  }
  for (const k of ["errorStyle", "errorTitle", "error", "promptTitle", "prompt"] as const) if (a[k] !== undefined) rule[k] = a[k];
  if (formulae.length) rule.formulae = type === "date" ? formulae.map((f) => (/^-?[\d.]+$/.test(f) ? serialToDate(Number(f)) : f)) : formulae;
  const ranges = sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => r.replace(/\$/g, "").toUpperCase());
  return ranges.length ? { ranges, rule } : null;
}

/**
 * The sheet's validations: the standard ones, and those Excel 2010+ writes into the x14 extension
 * (list sources on another sheet, for example), which ExcelJS drops; they are kept as standard ones.
 */
function parseValidations(xml: string): { ranges: string[]; rule: FileValidation }[] {
  const out: { ranges: string[]; rule: FileValidation }[] = [];
  const start = xml.indexOf("<dataValidations");
  if (start >= 0) {
    const end = xml.indexOf("</dataValidations>", start);
    const block = xml.slice(start, end < 0 ? undefined : end);
    for (const m of block.matchAll(/<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
      const formulae = [...(m[2] ?? "").matchAll(/<formula([12])>([\s\S]*?)<\/formula\1>/g)].map((f) => decodeXml(f[2]!));
      const found = validation(m[1]!, formulae, attributes(m[1]!).sqref ?? "");
      if (found) out.push(found);
    }
  }
  for (const m of xml.matchAll(/<(\w+):dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1:dataValidation>)/g)) {
    const body = m[3] ?? "";
    const formulae = [...body.matchAll(/<\w+:formula([12])>\s*<\w+:f>([\s\S]*?)<\/\w+:f>/g)].map((f) => decodeXml(f[2]!));
    const sqref = /<\w+:sqref>([^<]*)<\/\w+:sqref>/.exec(body)?.[1] ?? "";
    const found = validation(m[2]!, formulae, decodeXml(sqref));
    if (found) out.push(found);
  }
  return out;
}

/** Formula cells cached as an empty string: `<c r="E7" t="str"><f>..</f><v></v></c>` (rare, so found from the <v>). */
function emptyStringResults(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<v\s*\/>|<v><\/v>/g)) {
    const start = xml.lastIndexOf("<c ", m.index);
    if (start < 0) continue;
    const a = attributes(xml.slice(start + 3, xml.indexOf(">", start)));
    const body = xml.slice(start, m.index);
    if (a.t === "str" && a.r && body.includes("<f")) out.push(a.r);
  }
  return out;
}

export async function readPackageParts(zip: JSZip): Promise<PackageParts> {
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");

  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    // the same normalisation ExcelJS applies to sheet targets
    if (a.Id && a.Target) targets.set(a.Id, `xl/${a.Target.replace(/^(\s|\/xl\/)+/, "")}`);
  }
  const sheets = new Map<string, SheetParts>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]!);
    const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (!a.name || !path) continue;
    const xml = await text(path);
    sheets.set(a.name, { validations: parseValidations(xml), emptyStringResults: emptyStringResults(xml) });
  }
  return { sheets };
}
