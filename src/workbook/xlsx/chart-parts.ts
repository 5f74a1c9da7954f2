/**
 * Native Excel charts added to an .xlsx package that ExcelJS wrote (ExcelJS cannot write charts), for
 * the portable report .xlsx (app/report/xlsx.ts) and for the `chart` operation of the xlsx adapter:
 * xl/charts/chartN.xml (DrawingML chart), xl/drawings/drawingN.xml (its anchor on the sheet), the
 * relationships sheet → drawing → chart, the sheet's <drawing> element, and the content types.
 * Every part is built and edited with a real XML parser and serializer (@xmldom/xmldom), never with
 * string splicing. Each series points at the cells of the sheet and carries a cache of their values,
 * so a reader that does not recalculate still draws the chart.
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import type JSZip from "jszip";
import { SERIES_COLORS, REFERENCE_COLOR } from "../../core/report/chart-svg";
import { a1, rangeA1, sheetRef, type Rect } from "../../core/address";
import type { ChartPlacement } from "../../core/report/sheet-layout";
import type { CellValue, SheetChart } from "../../core/workbook-ops";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;

const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

const TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** CT_Worksheet's children in schema order: <drawing> goes after all of these that are present. */
const BEFORE_DRAWING = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags",
];

// ------------------------------------------------------------------ XML helpers

function parse(text: string, part: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${part}: ${message}`);
    },
  }).parseFromString(text, "text/xml");
}

const serialize = (doc: Document): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${new XMLSerializer().serializeToString(doc.documentElement!)}`;

/** An element builder bound to one document: el("c:barDir", { val: "col" }, ...children). */
function builder(doc: Document) {
  const nsOf = (qname: string): string => {
    const prefix = qname.includes(":") ? qname.slice(0, qname.indexOf(":")) : "";
    const ns = (NS as Record<string, string>)[prefix];
    if (!ns) throw new Error(`Unknown namespace prefix in ${qname}`);
    return ns;
  };
  return function el(qname: string, attrs: Record<string, string | number> = {}, ...children: (Element | string)[]): Element {
    const e = doc.createElementNS(nsOf(qname), qname);
    for (const [k, v] of Object.entries(attrs)) {
      if (k.includes(":")) e.setAttributeNS(nsOf(k), k, String(v));
      else e.setAttribute(k, String(v));
    }
    for (const child of children) e.appendChild(typeof child === "string" ? doc.createTextNode(child) : child);
    return e;
  };
}

const ref = (sheet: string, r: Rect): string => sheetRef(sheet, rangeA1(r, true));
const cellRef = (sheet: string, row: number, col: number): string => sheetRef(sheet, a1(row, col, true));

// ------------------------------------------------------------------ the chart part

/** The chartSpace of one chart: clustered columns, the reference as a dashed line over them. */
export function chartXml(sheet: string, placement: ChartPlacement): string {
  const doc = new DOMImplementation().createDocument(NS.c, "c:chartSpace", null);
  const root = doc.documentElement!;
  root.setAttributeNS(NS.xmlns, "xmlns:a", NS.a);
  root.setAttributeNS(NS.xmlns, "xmlns:r", NS.r);
  const el = builder(doc);
  const val = (name: string, v: string | number) => el(name, { val: v });
  const { chart } = placement;
  const money = chart.unit === "money";

  const rich = (text: string, size: number, bold: boolean) =>
    el("c:rich", {}, el("a:bodyPr"), el("a:lstStyle"), el("a:p", {}, el("a:pPr", {}, el("a:defRPr", { sz: size, b: bold ? 1 : 0 })), el("a:r", {}, el("a:rPr", { lang: "id-ID", sz: size, b: bold ? 1 : 0 }), el("a:t", {}, text))));
  const title = (text: string, size: number, bold: boolean) => el("c:title", {}, el("c:tx", {}, rich(text, size, bold)), val("c:overlay", 0));
  const strRef = (f: string, values: string[]) =>
    el("c:strRef", {}, el("c:f", {}, f), el("c:strCache", {}, val("c:ptCount", values.length), ...values.map((v, i) => el("c:pt", { idx: i }, el("c:v", {}, v)))));
  const numRef = (f: string, values: (number | null)[], format: string) =>
    el(
      "c:numRef",
      {},
      el("c:f", {}, f),
      el(
        "c:numCache",
        {},
        el("c:formatCode", {}, format),
        val("c:ptCount", values.length),
        // an empty cell has no point: the chart leaves a gap, never a zero
        ...values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [el("c:pt", { idx: i }, el("c:v", {}, String(v)))])),
      ),
    );
  const solid = (color: string) => el("a:solidFill", {}, el("a:srgbClr", { val: color.replace("#", "") }));
  const categories = () => el("c:cat", {}, strRef(ref(sheet, placement.categories), chart.categories));

  const bars = chart.series.map((s, i) => {
    const p = placement.series[i]!;
    return el(
      "c:ser",
      {},
      val("c:idx", i),
      val("c:order", i),
      el("c:tx", {}, strRef(cellRef(sheet, p.name.row, p.name.col), [s.name])),
      el("c:spPr", {}, solid(SERIES_COLORS[i % SERIES_COLORS.length]!)),
      val("c:invertIfNegative", 0),
      el(
        "c:dLbls",
        {},
        el("c:numFmt", { formatCode: p.numberFormat, sourceLinked: 0 }),
        el("c:spPr", {}, el("a:noFill"), el("a:ln", {}, el("a:noFill"))),
        el("c:txPr", {}, el("a:bodyPr", { rot: money ? -5400000 : 0, vert: "horz" }), el("a:lstStyle"), el("a:p", {}, el("a:pPr", {}, el("a:defRPr", { sz: 800 })), el("a:endParaRPr", { lang: "id-ID" }))),
        val("c:dLblPos", "outEnd"),
        val("c:showLegendKey", 0),
        val("c:showVal", 1),
        val("c:showCatName", 0),
        val("c:showSerName", 0),
        val("c:showPercent", 0),
        val("c:showBubbleSize", 0),
      ),
      categories(),
      el("c:val", {}, numRef(ref(sheet, p.values), s.values, p.numberFormat)),
    );
  });
  const axes = [val("c:axId", 500100), val("c:axId", 500200)];
  const plot: Element[] = [el("c:layout"), el("c:barChart", {}, val("c:barDir", "col"), val("c:grouping", "clustered"), val("c:varyColors", 0), ...bars, val("c:gapWidth", 60), ...axes)];
  if (chart.reference && placement.reference) {
    const r = placement.reference;
    const n = chart.series.length;
    plot.push(
      el(
        "c:lineChart",
        {},
        val("c:grouping", "standard"),
        val("c:varyColors", 0),
        el(
          "c:ser",
          {},
          val("c:idx", n),
          val("c:order", n),
          el("c:tx", {}, strRef(cellRef(sheet, r.name.row, r.name.col), [chart.reference.label])),
          el("c:spPr", {}, el("a:ln", { w: 28575, cap: "rnd" }, solid(REFERENCE_COLOR), val("a:prstDash", "dash"))),
          el("c:marker", {}, val("c:symbol", "none")),
          categories(),
          el("c:val", {}, numRef(ref(sheet, r.values), chart.categories.map(() => chart.reference!.value), money ? "#,##0" : "0%")),
          val("c:smooth", 0),
        ),
        val("c:marker", 1),
        ...axes.map((a) => a.cloneNode(true) as Element),
      ),
    );
  }
  const axisFormat = money ? moneyAxisFormat(chart) : "0%";
  plot.push(
    el(
      "c:catAx",
      {},
      val("c:axId", 500100),
      el("c:scaling", {}, val("c:orientation", "minMax")),
      val("c:delete", 0),
      val("c:axPos", "b"),
      el("c:numFmt", { formatCode: "General", sourceLinked: 0 }),
      val("c:majorTickMark", "out"),
      val("c:minorTickMark", "none"),
      val("c:tickLblPos", "low"),
      el("c:txPr", {}, el("a:bodyPr"), el("a:lstStyle"), el("a:p", {}, el("a:pPr", {}, el("a:defRPr", { sz: 800 })), el("a:endParaRPr", { lang: "id-ID" }))),
      val("c:crossAx", 500200),
      val("c:crosses", "autoZero"),
      val("c:auto", 1),
      val("c:lblAlgn", "ctr"),
      val("c:lblOffset", 100),
      val("c:noMultiLvlLbl", 0),
    ),
    el(
      "c:valAx",
      {},
      val("c:axId", 500200),
      el("c:scaling", {}, val("c:orientation", "minMax"), val("c:min", 0)),
      val("c:delete", 0),
      val("c:axPos", "l"),
      el("c:majorGridlines", {}, el("c:spPr", {}, el("a:ln", { w: 6350 }, solid("#D9D9D9")))),
      title(money ? `Anggaran (${moneyUnit(chart)[1]})` : "Capaian (%)", 900, false),
      el("c:numFmt", { formatCode: axisFormat, sourceLinked: 0 }),
      val("c:majorTickMark", "out"),
      val("c:minorTickMark", "none"),
      val("c:tickLblPos", "nextTo"),
      val("c:crossAx", 500100),
      val("c:crosses", "autoZero"),
      val("c:crossBetween", "between"),
    ),
  );
  root.appendChild(val("c:roundedCorners", 0));
  root.appendChild(
    el(
      "c:chart",
      {},
      title(chart.title, 1400, true),
      val("c:autoTitleDeleted", 0),
      el("c:plotArea", {}, ...plot),
      el("c:legend", {}, val("c:legendPos", "b"), val("c:overlay", 0)),
      val("c:plotVisOnly", 1),
      val("c:dispBlanksAs", "gap"),
    ),
  );
  return serialize(doc);
}

/** The money axis in juta or miliar: Excel's trailing commas divide by a thousand each. */
function moneyUnit(chart: ChartPlacement["chart"]): [string, string] {
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  if (max >= 1e9) return ["#,##0.0,,,", "miliar rupiah"];
  if (max >= 1e6) return ["#,##0,,", "juta rupiah"];
  return ["#,##0", "rupiah"];
}
const moneyAxisFormat = (chart: ChartPlacement["chart"]): string => moneyUnit(chart)[0];

/** The drawing part: each chart in a frame anchored to its cells. */
export function drawingXml(anchors: { anchor: Rect; relId: string; title: string }[]): string {
  const doc = new DOMImplementation().createDocument(NS.xdr, "xdr:wsDr", null);
  const root = doc.documentElement!;
  root.setAttributeNS(NS.xmlns, "xmlns:a", NS.a);
  const el = builder(doc);
  const marker = (name: string, row: number, col: number) => el(name, {}, el("xdr:col", {}, String(col)), el("xdr:colOff", {}, "0"), el("xdr:row", {}, String(row)), el("xdr:rowOff", {}, "0"));
  anchors.forEach(({ anchor, relId, title }, i) => {
    root.appendChild(
      el(
        "xdr:twoCellAnchor",
        { editAs: "oneCell" },
        marker("xdr:from", anchor.row, anchor.col),
        marker("xdr:to", anchor.row + anchor.rows, anchor.col + anchor.cols),
        el(
          "xdr:graphicFrame",
          { macro: "" },
          el("xdr:nvGraphicFramePr", {}, el("xdr:cNvPr", { id: i + 2, name: `Grafik ${i + 1}`, descr: title }), el("xdr:cNvGraphicFramePr")),
          el("xdr:xfrm", {}, el("a:off", { x: 0, y: 0 }), el("a:ext", { cx: 0, cy: 0 })),
          el("a:graphic", {}, el("a:graphicData", { uri: NS.c }, el("c:chart", { "r:id": relId }))),
        ),
        el("xdr:clientData"),
      ),
    );
  });
  return serialize(doc);
}

// ------------------------------------------------------------------ the package

function relationships(doc: Document | null): Document {
  return doc ?? new DOMImplementation().createDocument(NS.pkgRel, "Relationships", null);
}

function addRelationship(doc: Document, type: string, target: string): string {
  const root = doc.documentElement!;
  const ids = new Set(Array.from(root.getElementsByTagNameNS(NS.pkgRel, "Relationship")).map((r) => r.getAttribute("Id")));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const rel = doc.createElementNS(NS.pkgRel, "Relationship");
  rel.setAttribute("Id", `rId${n}`);
  rel.setAttribute("Type", type);
  rel.setAttribute("Target", target);
  root.appendChild(rel);
  return `rId${n}`;
}

/** The package's parts as addCharts reads and writes them: a JSZip, or the adapter's assembled parts. */
export interface PartStore {
  read(path: string): Promise<string | null>;
  write(path: string, text: string): void;
  has(path: string): boolean;
}

export function zipStore(zip: JSZip): PartStore {
  return {
    read: async (path) => (zip.file(path) ? zip.file(path)!.async("string") : null),
    write: (path, text) => void zip.file(path, text),
    has: (path) => zip.file(path) !== null,
  };
}

async function readPart(zip: PartStore, path: string): Promise<Document | null> {
  const text = await zip.read(path);
  return text === null ? null : parse(text, path);
}

/** The worksheet part of each sheet name, through workbook.xml and its relationships. */
async function sheetParts(zip: PartStore): Promise<Map<string, string>> {
  const workbook = await readPart(zip, "xl/workbook.xml");
  const rels = await readPart(zip, "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) throw new Error("Berkas .xlsx tidak memiliki workbook.xml");
  const targets = new Map(Array.from(rels.getElementsByTagNameNS(NS.pkgRel, "Relationship")).map((r) => [r.getAttribute("Id"), r.getAttribute("Target") ?? ""]));
  const out = new Map<string, string>();
  for (const s of Array.from(workbook.getElementsByTagNameNS(NS.main, "sheet"))) {
    const target = targets.get(s.getAttributeNS(NS.r, "id")) ?? "";
    out.set(s.getAttribute("name") ?? "", target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Adds the charts of each sheet (by name) to the package in place. */
export async function addCharts(zip: PartStore, bySheet: ReadonlyMap<string, readonly ChartPlacement[]>): Promise<void> {
  const parts = await sheetParts(zip);
  const types = await readPart(zip, "[Content_Types].xml");
  if (!types) throw new Error("Berkas .xlsx tidak memiliki [Content_Types].xml");
  const override = (partName: string, contentType: string) => {
    const o = types.createElementNS(NS.types, "Override");
    o.setAttribute("PartName", `/${partName}`);
    o.setAttribute("ContentType", contentType);
    types.documentElement!.appendChild(o);
  };
  const nextFree = (dir: string, base: string) => {
    let n = 1;
    while (zip.has(`${dir}/${base}${n}.xml`)) n++;
    return n;
  };

  for (const [sheet, placements] of bySheet) {
    if (placements.length === 0) continue;
    const sheetPath = [...parts].find(([name]) => name.toLowerCase() === sheet.toLowerCase())?.[1];
    if (!sheetPath) throw new Error(`Lembar ${sheet} tidak ada di berkas`);
    const drawingN = nextFree("xl/drawings", "drawing");
    const drawingPath = `xl/drawings/drawing${drawingN}.xml`;
    const drawingRels = relationships(null);
    const anchors: { anchor: Rect; relId: string; title: string }[] = [];
    for (const placement of placements) {
      const chartN = nextFree("xl/charts", "chart");
      const chartPath = `xl/charts/chart${chartN}.xml`;
      zip.write(chartPath, chartXml(sheet, placement));
      override(chartPath, TYPE.chart);
      anchors.push({ anchor: placement.anchor, relId: addRelationship(drawingRels, REL.chart, `../charts/chart${chartN}.xml`), title: placement.chart.title });
    }
    zip.write(drawingPath, drawingXml(anchors));
    zip.write(`xl/drawings/_rels/drawing${drawingN}.xml.rels`, serialize(drawingRels));
    override(drawingPath, TYPE.drawing);

    const sheetRelsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const sheetRels = relationships(await readPart(zip, sheetRelsPath));
    const relId = addRelationship(sheetRels, REL.drawing, `../drawings/drawing${drawingN}.xml`);
    zip.write(sheetRelsPath, serialize(sheetRels));

    const doc = await readPart(zip, sheetPath);
    if (!doc) throw new Error(`Bagian ${sheetPath} tidak ada`);
    const root = doc.documentElement!;
    // a worksheet has at most one drawing: a second would make Excel repair (drop) the file's drawings
    if (root.getElementsByTagNameNS(NS.main, "drawing").length > 0) throw new Error(`Lembar ${sheet} sudah memiliki gambar; grafik baru tidak dapat ditambahkan di sampingnya.`);
    if (!root.getAttribute("xmlns:r")) root.setAttributeNS(NS.xmlns, "xmlns:r", NS.r);
    const drawing = doc.createElementNS(NS.main, "drawing");
    drawing.setAttributeNS(NS.r, "r:id", relId);
    const children = Array.from(root.childNodes).filter((n): n is Element => n.nodeType === 1);
    const after = children.filter((c) => BEFORE_DRAWING.includes(c.localName ?? "")).pop();
    root.insertBefore(drawing, after ? after.nextSibling : root.firstChild);
    zip.write(sheetPath, serialize(doc));
  }
  zip.write("[Content_Types].xml", serialize(types));
}

/**
 * A sheet chart as chart-parts draws it, with the values cached from the cells it refers to (a reader
 * that does not recalculate still draws them). `value` reads a cell of the chart's sheet.
 */
export function placementOf(chart: SheetChart, value: (row: number, col: number) => CellValue): ChartPlacement {
  const column = (r: Rect) => Array.from({ length: r.rows }, (_, i) => value(r.row + i, r.col));
  const numbers = (r: Rect) => column(r).map((v) => (typeof v === "number" && Number.isFinite(v) ? v : null));
  const text = (v: CellValue) => (v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));
  const format = chart.unit === "percent" ? "0.00%" : "#,##0";
  const reference = chart.reference;
  const refValue = reference ? numbers(reference.values).find((v) => v !== null) : undefined;
  return {
    chart: {
      id: chart.unit === "percent" ? "capaian" : "anggaran",
      title: chart.title,
      kind: "bar",
      categories: column(chart.categories).map(text),
      series: chart.series.map((s) => ({ name: text(value(s.nameCell.row, s.nameCell.col)) || s.name, values: numbers(s.values) })),
      ...(reference && refValue !== undefined ? { reference: { value: refValue, label: text(value(reference.nameCell.row, reference.nameCell.col)) || reference.name } } : {}),
      unit: chart.unit,
    },
    categories: chart.categories,
    series: chart.series.map((s) => ({ name: s.nameCell, values: s.values, numberFormat: format })),
    ...(reference && refValue !== undefined ? { reference: { name: reference.nameCell, values: reference.values } } : {}),
    anchor: chart.anchor,
  };
}
