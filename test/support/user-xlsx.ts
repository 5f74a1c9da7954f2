/**
 * A user's .xlsx with what ExcelJS drops: a chart and a picture in a drawing, a table, a pivot table
 * with its cache, a note and a threaded comment, a sparkline, printer settings, ignored errors and a
 * page break, custom document properties, defined names with attributes, an extra sheet — the parts
 * built with a real XML serializer (@xmldom/xmldom) as Excel lays them out, on top of cells and
 * styles written by ExcelJS. Optionally a chart sheet, which the adapter cannot keep.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { SHEET_ORDER, WORKBOOK_ORDER } from "../../src/workbook/xlsx/keep";

export const NS: Record<string, string> = {
  "": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  tc: "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments",
  cp: "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
  vt: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPES = {
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  image: `${REL}/image`,
  table: `${REL}/table`,
  comments: `${REL}/comments`,
  vmlDrawing: `${REL}/vmlDrawing`,
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
  pivotTable: `${REL}/pivotTable`,
  pivotCacheDefinition: `${REL}/pivotCacheDefinition`,
  pivotCacheRecords: `${REL}/pivotCacheRecords`,
  printerSettings: `${REL}/printerSettings`,
  customProperties: `${REL}/custom-properties`,
  chartsheet: `${REL}/chartsheet`,
};

const CT = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  threaded: "application/vnd.ms-excel.threadedcomments+xml",
  person: "application/vnd.ms-excel.person+xml",
  pivotTable: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
  pivotCacheDefinition: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
  pivotCacheRecords: "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
  chartsheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
};

/** A 1×1 PNG. */
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
/** Stands in for a printer driver's DEVMODE: opaque bytes Excel keeps as they are. */
const PRINTER_SETTINGS = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff);

type Child = XNode | string | null | undefined | false;
interface XNode {
  name: string;
  attrs: Record<string, string | number>;
  children: Child[];
}

/** An element: "c:chart" takes its namespace from the prefix; a name without one is in the `ns` given to `xml()`. */
export const x = (name: string, attrs: Record<string, string | number> = {}, ...children: Child[]): XNode => ({ name, attrs, children });

/** Serializes a tree whose unprefixed elements are in `defaultNs`, declaring `prefixes` on the root. */
export function xml(root: XNode, defaultNs: string, prefixes: string[] = []): string {
  const doc = new DOMParser().parseFromString("<x/>", "text/xml");
  const build = (n: XNode): Element => {
    const prefix = n.name.includes(":") ? n.name.split(":")[0]! : "";
    const el = doc.createElementNS(prefix ? NS[prefix]! : defaultNs, n.name);
    for (const [k, v] of Object.entries(n.attrs)) {
      if (k.includes(":") && !k.startsWith("xmlns")) el.setAttributeNS(NS[k.split(":")[0]!]!, k, String(v));
      else el.setAttribute(k, String(v));
    }
    for (const c of n.children) {
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === "string" ? doc.createTextNode(c) : build(c));
    }
    return el;
  };
  const el = build(root);
  el.setAttribute("xmlns", defaultNs);
  for (const p of prefixes) el.setAttributeNS("http://www.w3.org/2000/xmlns/", `xmlns:${p}`, NS[p]!);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${new XMLSerializer().serializeToString(el)}`;
}

const rels = (list: [id: string, type: string, target: string][]) =>
  xml(x("Relationships", {}, ...list.map(([Id, Type, Target]) => x("Relationship", { Id, Type, Target }))), NS.rels!);

const parse = (text: string): Document => new DOMParser().parseFromString(text, "text/xml");
const serialize = (doc: Document) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${new XMLSerializer().serializeToString(doc.documentElement!)}`;

/** Inserts an element into a part's root at its place in the schema order. */
function insertInOrder(doc: Document, order: readonly string[], fragment: string): void {
  const el = parse(fragment).documentElement!;
  const node = doc.importNode(el, true);
  const rank = order.indexOf(el.localName!);
  let next: Element | null = null;
  for (let n = doc.documentElement!.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && order.indexOf((n as Element).localName!) > rank) {
      next = n as Element;
      break;
    }
  }
  doc.documentElement!.insertBefore(node, next);
}

const chartXml = () =>
  xml(
    x(
      "c:chartSpace",
      {},
      x(
        "c:chart",
        {},
        x("c:title", {}, x("c:tx", {}, x("c:rich", {}, x("a:bodyPr"), x("a:p", {}, x("a:r", {}, x("a:t", {}, "Realisasi per Bulan"))))), x("c:overlay", { val: 0 })),
        x("c:autoTitleDeleted", { val: 0 }),
        x(
          "c:plotArea",
          {},
          x("c:layout"),
          x(
            "c:barChart",
            {},
            x("c:barDir", { val: "col" }),
            x("c:grouping", { val: "clustered" }),
            x("c:varyColors", { val: 0 }),
            x(
              "c:ser",
              {},
              x("c:idx", { val: 0 }),
              x("c:order", { val: 0 }),
              x("c:tx", {}, x("c:strRef", {}, x("c:f", {}, "'Data Grafik'!$B$1"), x("c:strCache", {}, x("c:ptCount", { val: 1 }), x("c:pt", { idx: 0 }, x("c:v", {}, "Realisasi"))))),
              x("c:cat", {}, x("c:strRef", {}, x("c:f", {}, "'Data Grafik'!$A$2:$A$5"), x("c:strCache", {}, x("c:ptCount", { val: 4 }), ...MONTHS.map((m, i) => x("c:pt", { idx: i }, x("c:v", {}, m)))))),
              x("c:val", {}, x("c:numRef", {}, x("c:f", {}, "'Data Grafik'!$B$2:$B$5"), x("c:numCache", {}, x("c:formatCode", {}, "General"), x("c:ptCount", { val: 4 }), ...VALUES.map((v, i) => x("c:pt", { idx: i }, x("c:v", {}, String(v))))))),
            ),
            x("c:axId", { val: 111 }),
            x("c:axId", { val: 222 }),
          ),
          x("c:catAx", {}, x("c:axId", { val: 111 }), x("c:scaling", {}, x("c:orientation", { val: "minMax" })), x("c:delete", { val: 0 }), x("c:axPos", { val: "b" }), x("c:crossAx", { val: 222 })),
          x("c:valAx", {}, x("c:axId", { val: 222 }), x("c:scaling", {}, x("c:orientation", { val: "minMax" })), x("c:delete", { val: 0 }), x("c:axPos", { val: "l" }), x("c:crossAx", { val: 111 })),
        ),
        x("c:plotVisOnly", { val: 1 }),
      ),
    ),
    NS.c!,
    ["c", "a", "r"],
  );

const anchor = (from: [number, number], to: [number, number], ...content: Child[]) =>
  x(
    "xdr:twoCellAnchor",
    {},
    x("xdr:from", {}, x("xdr:col", {}, String(from[0])), x("xdr:colOff", {}, "0"), x("xdr:row", {}, String(from[1])), x("xdr:rowOff", {}, "0")),
    x("xdr:to", {}, x("xdr:col", {}, String(to[0])), x("xdr:colOff", {}, "0"), x("xdr:row", {}, String(to[1])), x("xdr:rowOff", {}, "0")),
    ...content,
    x("xdr:clientData"),
  );

const drawingXml = (withPicture: boolean) =>
  xml(
    x(
      "xdr:wsDr",
      {},
      anchor(
        [3, 1],
        [10, 16],
        x(
          "xdr:graphicFrame",
          { macro: "" },
          x("xdr:nvGraphicFramePr", {}, x("xdr:cNvPr", { id: 2, name: "Grafik Realisasi" }), x("xdr:cNvGraphicFramePr")),
          x("xdr:xfrm", {}, x("a:off", { x: 0, y: 0 }), x("a:ext", { cx: 0, cy: 0 })),
          x("a:graphic", {}, x("a:graphicData", { uri: NS.c! }, x("c:chart", { "r:id": "rId1" }))),
        ),
      ),
      withPicture &&
        anchor(
          [11, 1],
          [13, 4],
          x(
            "xdr:pic",
            {},
            x("xdr:nvPicPr", {}, x("xdr:cNvPr", { id: 3, name: "Logo Pemda" }), x("xdr:cNvPicPr", {}, x("a:picLocks", { noChangeAspect: 1 }))),
            x("xdr:blipFill", {}, x("a:blip", { "r:embed": "rId2" }), x("a:stretch", {}, x("a:fillRect"))),
            x("xdr:spPr", {}, x("a:prstGeom", { prst: "rect" }, x("a:avLst"))),
          ),
        ),
    ),
    NS.xdr!,
    ["xdr", "a", "c", "r"],
  );

export const MONTHS = ["Jan", "Feb", "Mar", "Apr"];
export const VALUES = [10, 20, 30, 40];
export const COMMENT_TEXT = "Periksa angka Juni.";
export const PERSON_ID = "{5A4C1B52-7C9F-4D0E-9D55-4C4F1C0E8A11}";

export interface UserXlsx {
  bytes: Uint8Array;
  /** The parts added beyond what ExcelJS wrote, by path: what must come back unchanged. */
  added: string[];
}

/** Builds the user's workbook. */
export async function userXlsx(options: { chartSheet?: boolean } = {}): Promise<UserXlsx> {
  const wb = new Workbook();
  const data = wb.addWorksheet("Data Grafik");
  data.addRow(["Bulan", "Realisasi"]);
  MONTHS.forEach((m, i) => data.addRow([m, VALUES[i]]));
  // ExcelJS writes this conditional format's dxf first, so the file's own dxfs move on save
  data.addConditionalFormatting({ ref: "B2:B5", rules: [{ type: "cellIs", operator: "greaterThan", priority: 1, formulae: [25], style: { font: { bold: true } } }] });
  const notes = wb.addWorksheet("Catatan");
  notes.getCell("A1").value = "Catatan kasubbag";
  notes.getCell("A2").value = "Angka Juni menunggu SP2D.";
  const pivot = wb.addWorksheet("Pivot");
  pivot.getCell("A3").value = "Row Labels";
  pivot.getCell("B3").value = "Sum of Realisasi";
  MONTHS.forEach((m, i) => {
    pivot.getCell(`A${4 + i}`).value = m;
    pivot.getCell(`B${4 + i}`).value = VALUES[i]!;
  });
  pivot.getCell("A8").value = "Grand Total";
  pivot.getCell("B8").value = 100;
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const added: string[] = [];
  const put = (path: string, content: string | Uint8Array) => {
    zip.file(path, content);
    added.push(path);
  };
  const text = async (path: string) => zip.file(path)!.async("string");
  const types: [path: string, type: string][] = [];

  // Data Grafik: a chart and a picture, a table over the data, a sparkline, printer settings, ignored errors, a page break
  put("xl/charts/chart1.xml", chartXml());
  put("xl/drawings/drawing1.xml", drawingXml(true));
  put("xl/drawings/_rels/drawing1.xml.rels", rels([["rId1", REL_TYPES.chart, "../charts/chart1.xml"], ["rId2", REL_TYPES.image, "../media/image1.png"]]));
  put("xl/media/image1.png", PNG);
  put(
    "xl/tables/table1.xml",
    xml(
      x(
        "table",
        { id: 1, name: "TabelRealisasi", displayName: "TabelRealisasi", ref: "A1:B5", totalsRowShown: 0, headerRowDxfId: 1 },
        x("autoFilter", { ref: "A1:B5" }),
        x("tableColumns", { count: 2 }, x("tableColumn", { id: 1, name: "Bulan" }), x("tableColumn", { id: 2, name: "Realisasi" })),
        x("tableStyleInfo", { name: "TableStyleMedium2", showFirstColumn: 0, showLastColumn: 0, showRowStripes: 1, showColumnStripes: 0 }),
      ),
      NS.main!,
    ),
  );
  put("xl/printerSettings/printerSettings1.bin", PRINTER_SETTINGS);
  put(
    "xl/worksheets/_rels/sheet1.xml.rels",
    rels([
      ["rId1", REL_TYPES.drawing, "../drawings/drawing1.xml"],
      ["rId2", REL_TYPES.table, "../tables/table1.xml"],
      ["rId3", REL_TYPES.printerSettings, "../printerSettings/printerSettings1.bin"],
    ]),
  );
  const sheet1 = parse(await text("xl/worksheets/sheet1.xml"));
  const setup = sheet1.getElementsByTagName("pageSetup")[0];
  if (setup) setup.setAttributeNS(REL, "r:id", "rId3");
  else insertInOrder(sheet1, SHEET_ORDER, xml(x("pageSetup", { paperSize: 9, orientation: "landscape", "r:id": "rId3" }), NS.main!, ["r"]));
  insertInOrder(sheet1, SHEET_ORDER, xml(x("colBreaks", { count: 1, manualBreakCount: 1 }, x("brk", { id: 2, max: 1048575, man: 1 })), NS.main!));
  insertInOrder(sheet1, SHEET_ORDER, xml(x("ignoredErrors", {}, x("ignoredError", { sqref: "B2:B5", numberStoredAsText: 1 })), NS.main!));
  insertInOrder(sheet1, SHEET_ORDER, xml(x("drawing", { "r:id": "rId1" }), NS.main!, ["r"]));
  insertInOrder(sheet1, SHEET_ORDER, xml(x("tableParts", { count: 1 }, x("tablePart", { "r:id": "rId2" })), NS.main!, ["r"]));
  const colors = ["FF376092", "FFD00000", "FF000000", "FFD00000", "FFD00000", "FFD00000", "FFD00000", "FFD00000"];
  const colorNames = ["colorSeries", "colorNegative", "colorAxis", "colorMarkers", "colorFirst", "colorLast", "colorHigh", "colorLow"];
  const sparkline = x(
    "ext",
    { uri: "{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" },
    x(
      "x14:sparklineGroups",
      {},
      x(
        "x14:sparklineGroup",
        { displayEmptyCellsAs: "gap" },
        ...colorNames.map((n, i) => x(`x14:${n}`, { rgb: colors[i]! })),
        x("x14:sparklines", {}, x("x14:sparkline", {}, x("xm:f", {}, "'Data Grafik'!B2:B5"), x("xm:sqref", {}, "C1"))),
      ),
    ),
  );
  const existingExt = sheet1.getElementsByTagName("extLst")[0];
  const sparkEl = sheet1.importNode(parse(xml(sparkline, NS.main!, ["x14", "xm"])).documentElement!, true);
  if (existingExt) existingExt.appendChild(sparkEl);
  else insertInOrder(sheet1, SHEET_ORDER, xml(x("extLst", {}, sparkline), NS.main!, ["x14", "xm"]));
  zip.file("xl/worksheets/sheet1.xml", serialize(sheet1));

  // Catatan: a note on A1 (comments part + VML) and the threaded comment Excel 365 writes beside it
  put("xl/comments1.xml", xml(x("comments", {}, x("authors", {}, x("author", {}, "Kasubbag Keuangan")), x("commentList", {}, x("comment", { ref: "A1", authorId: 0 }, x("text", {}, x("r", {}, x("t", {}, COMMENT_TEXT)))))), NS.main!));
  put(
    "xl/drawings/vmlDrawing1.vml",
    xml(
      x(
        "xml",
        {},
        x("o:shapelayout", { "v:ext": "edit" }, x("o:idmap", { "v:ext": "edit", data: 1 })),
        x("v:shapetype", { id: "_x0000_t202", coordsize: "21600,21600", "o:spt": 202, path: "m,l,21600r21600,l21600,xe" }, x("v:stroke", { joinstyle: "miter" }), x("v:path", { gradientshapeok: "t", "o:connecttype": "rect" })),
        x(
          "v:shape",
          { id: "_x0000_s1025", type: "#_x0000_t202", style: "position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden", fillcolor: "#ffffe1", "o:insetmode": "auto" },
          x("v:fill", { color2: "#ffffe1" }),
          x("v:shadow", { on: "t", color: "black", obscured: "t" }),
          x("v:path", { "o:connecttype": "none" }),
          x("v:textbox", { style: "mso-direction-alt:auto" }, x("div", { style: "text-align:left" })),
          x("x:ClientData", { ObjectType: "Note" }, x("x:MoveWithCells"), x("x:SizeWithCells"), x("x:Anchor", {}, "1, 15, 0, 2, 3, 15, 3, 16"), x("x:AutoFill", {}, "False"), x("x:Row", {}, "0"), x("x:Column", {}, "0")),
        ),
      ),
      "",
      ["v", "o", "x"],
    ),
  );
  put(
    "xl/threadedComments/threadedComment1.xml",
    xml(x("ThreadedComments", {}, x("threadedComment", { ref: "A1", dT: "2024-07-01T08:00:00.00", personId: PERSON_ID, id: "{8C5B9A1E-0B7D-4E43-9C0A-2E1B5C8F7A01}" }, x("text", {}, COMMENT_TEXT))), NS.tc!),
  );
  put("xl/persons/person.xml", xml(x("personList", {}, x("person", { displayName: "Kasubbag Keuangan", id: PERSON_ID, userId: "kasubbag@lumajang.go.id", providerId: "None" })), NS.tc!));
  put(
    "xl/worksheets/_rels/sheet2.xml.rels",
    rels([
      ["rId1", REL_TYPES.comments, "../comments1.xml"],
      ["rId2", REL_TYPES.vmlDrawing, "../drawings/vmlDrawing1.vml"],
      ["rId3", REL_TYPES.threadedComment, "../threadedComments/threadedComment1.xml"],
    ]),
  );
  const sheet2 = parse(await text("xl/worksheets/sheet2.xml"));
  insertInOrder(sheet2, SHEET_ORDER, xml(x("legacyDrawing", { "r:id": "rId2" }), NS.main!, ["r"]));
  zip.file("xl/worksheets/sheet2.xml", serialize(sheet2));

  // Pivot: a pivot table over Data Grafik!A1:B5, its cache definition and records
  put(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    xml(
      x(
        "pivotCacheDefinition",
        { "r:id": "rId1", refreshOnLoad: 1, recordCount: 4 },
        x("cacheSource", { type: "worksheet" }, x("worksheetSource", { ref: "A1:B5", sheet: "Data Grafik" })),
        x(
          "cacheFields",
          { count: 2 },
          x("cacheField", { name: "Bulan", numFmtId: 0 }, x("sharedItems", { count: 4 }, ...MONTHS.map((m) => x("s", { v: m })))),
          x("cacheField", { name: "Realisasi", numFmtId: 0 }, x("sharedItems", { containsSemiMixedTypes: 0, containsString: 0, containsNumber: 1, containsInteger: 1, minValue: 10, maxValue: 40 })),
        ),
      ),
      NS.main!,
      ["r"],
    ),
  );
  put("xl/pivotCache/pivotCacheRecords1.xml", xml(x("pivotCacheRecords", { count: 4 }, ...VALUES.map((v, i) => x("r", {}, x("x", { v: i }), x("n", { v })))), NS.main!));
  put("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", rels([["rId1", REL_TYPES.pivotCacheRecords, "pivotCacheRecords1.xml"]]));
  put(
    "xl/pivotTables/pivotTable1.xml",
    xml(
      x(
        "pivotTableDefinition",
        { name: "PivotRealisasi", cacheId: 1, applyNumberFormats: 0, applyBorderFormats: 0, applyFontFormats: 0, applyPatternFormats: 0, applyAlignmentFormats: 0, applyWidthHeightFormats: 1, dataCaption: "Values", updatedVersion: 6, minRefreshableVersion: 3, useAutoFormatting: 1, itemPrintTitles: 1, createdVersion: 6, indent: 0, outline: 1, outlineData: 1 },
        x("location", { ref: "A3:B8", firstHeaderRow: 1, firstDataRow: 1, firstDataCol: 1 }),
        x(
          "pivotFields",
          { count: 2 },
          x("pivotField", { axis: "axisRow", showAll: 0 }, x("items", { count: 5 }, ...MONTHS.map((_m, i) => x("item", { x: i })), x("item", { t: "default" }))),
          x("pivotField", { dataField: 1, showAll: 0 }),
        ),
        x("rowFields", { count: 1 }, x("field", { x: 0 })),
        x("rowItems", { count: 5 }, x("i", {}, x("x")), x("i", {}, x("x", { v: 1 })), x("i", {}, x("x", { v: 2 })), x("i", {}, x("x", { v: 3 })), x("i", { t: "grand" }, x("x"))),
        x("colItems", { count: 1 }, x("i")),
        x("dataFields", { count: 1 }, x("dataField", { name: "Sum of Realisasi", fld: 1, baseField: 0, baseItem: 0 })),
        x("pivotTableStyleInfo", { name: "PivotStyleLight16", showRowHeaders: 1, showColHeaders: 1, showRowStripes: 0, showColStripes: 0, showLastColumn: 1 }),
      ),
      NS.main!,
    ),
  );
  put("xl/pivotTables/_rels/pivotTable1.xml.rels", rels([["rId1", REL_TYPES.pivotCacheDefinition, "../pivotCache/pivotCacheDefinition1.xml"]]));
  put("xl/worksheets/_rels/sheet3.xml.rels", rels([["rId1", REL_TYPES.pivotTable, "../pivotTables/pivotTable1.xml"]]));

  // the workbook: the pivot cache, the persons of threaded comments, names with attributes, maybe a chart sheet
  const wbRels = parse(await text("xl/_rels/workbook.xml.rels"));
  const addRel = (id: string, type: string, target: string) => {
    const el = wbRels.createElementNS(NS.rels!, "Relationship");
    el.setAttribute("Id", id);
    el.setAttribute("Type", type);
    el.setAttribute("Target", target);
    wbRels.documentElement!.appendChild(el);
  };
  addRel("rIdPivot1", REL_TYPES.pivotCacheDefinition, "pivotCache/pivotCacheDefinition1.xml");
  addRel("rIdPerson", REL_TYPES.person, "persons/person.xml");
  const book = parse(await text("xl/workbook.xml"));
  insertInOrder(book, WORKBOOK_ORDER, xml(x("pivotCaches", {}, x("pivotCache", { cacheId: 1, "r:id": "rIdPivot1" })), NS.main!, ["r"]));
  const names = xml(
    x(
      "definedNames",
      {},
      x("definedName", { name: "_xlnm._FilterDatabase", localSheetId: 0, hidden: 1 }, "'Data Grafik'!$A$1:$B$5"),
      x("definedName", { name: "Tahun_Anggaran", comment: "tahun laporan" }, "2024"),
      x("definedName", { name: "Target_Realisasi" }, "'Data Grafik'!$B$2:$B$5"),
    ),
    NS.main!,
  );
  const oldNames = book.getElementsByTagName("definedNames")[0];
  if (oldNames) book.documentElement!.removeChild(oldNames);
  insertInOrder(book, WORKBOOK_ORDER, names);
  if (options.chartSheet) {
    put("xl/charts/chart2.xml", chartXml());
    put("xl/drawings/drawing2.xml", drawingXml(false));
    put("xl/drawings/_rels/drawing2.xml.rels", rels([["rId1", REL_TYPES.chart, "../charts/chart2.xml"]]));
    put("xl/chartsheets/sheet1.xml", xml(x("chartsheet", {}, x("sheetViews", {}, x("sheetView", { workbookViewId: 0 })), x("drawing", { "r:id": "rId1" })), NS.main!, ["r"]));
    put("xl/chartsheets/_rels/sheet1.xml.rels", rels([["rId1", REL_TYPES.drawing, "../drawings/drawing2.xml"]]));
    addRel("rIdChart1", REL_TYPES.chartsheet, "chartsheets/sheet1.xml");
    const sheets = book.getElementsByTagName("sheets")[0]!;
    const s = book.createElementNS(NS.main!, "sheet");
    s.setAttribute("name", "Grafik1");
    s.setAttribute("sheetId", "9");
    s.setAttributeNS(REL, "r:id", "rIdChart1");
    sheets.appendChild(s);
    types.push(["xl/charts/chart2.xml", CT.chart], ["xl/drawings/drawing2.xml", CT.drawing], ["xl/chartsheets/sheet1.xml", CT.chartsheet]);
  }
  zip.file("xl/workbook.xml", serialize(book));
  zip.file("xl/_rels/workbook.xml.rels", serialize(wbRels));

  // a differential format for the table's header row, after the one ExcelJS wrote for the conditional format
  const styles = parse(await text("xl/styles.xml"));
  const dxfs = styles.getElementsByTagName("dxfs")[0]!;
  dxfs.appendChild(styles.importNode(parse(xml(x("dxf", {}, x("font", {}, x("b"), x("color", { rgb: "FFC00000" }))), NS.main!)).documentElement!, true));
  dxfs.setAttribute("count", String(dxfs.getElementsByTagName("dxf").length));
  zip.file("xl/styles.xml", serialize(styles));

  // custom document properties, from the package root
  put("docProps/custom.xml", xml(x("Properties", {}, x("property", { fmtid: "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid: 2, name: "Unit" }, x("vt:lpwstr", {}, "Kecamatan Lumajang"))), NS.cp!, ["vt"]));
  const pkgRels = parse(await text("_rels/.rels"));
  const custom = pkgRels.createElementNS(NS.rels!, "Relationship");
  custom.setAttribute("Id", "rIdCustom");
  custom.setAttribute("Type", REL_TYPES.customProperties);
  custom.setAttribute("Target", "docProps/custom.xml");
  pkgRels.documentElement!.appendChild(custom);
  zip.file("_rels/.rels", serialize(pkgRels));

  types.push(
    ["xl/charts/chart1.xml", CT.chart],
    ["xl/drawings/drawing1.xml", CT.drawing],
    ["xl/tables/table1.xml", CT.table],
    ["xl/comments1.xml", CT.comments],
    ["xl/threadedComments/threadedComment1.xml", CT.threaded],
    ["xl/persons/person.xml", CT.person],
    ["xl/pivotCache/pivotCacheDefinition1.xml", CT.pivotCacheDefinition],
    ["xl/pivotCache/pivotCacheRecords1.xml", CT.pivotCacheRecords],
    ["xl/pivotTables/pivotTable1.xml", CT.pivotTable],
    ["docProps/custom.xml", CT.customProperties],
  );
  const ct = parse(await text("[Content_Types].xml"));
  const root = ct.documentElement!;
  const defaults = new Set(Array.from({ length: root.getElementsByTagName("Default").length }, (_, i) => root.getElementsByTagName("Default")[i]!.getAttribute("Extension")));
  for (const [ext, type] of [["png", "image/png"], ["vml", "application/vnd.openxmlformats-officedocument.vmlDrawing"], ["bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"]] as const) {
    if (defaults.has(ext)) continue;
    const el = ct.createElementNS(NS.ct!, "Default");
    el.setAttribute("Extension", ext);
    el.setAttribute("ContentType", type);
    root.insertBefore(el, root.firstChild);
  }
  for (const [path, type] of types) {
    const el = ct.createElementNS(NS.ct!, "Override");
    el.setAttribute("PartName", `/${path}`);
    el.setAttribute("ContentType", type);
    root.appendChild(el);
  }
  zip.file("[Content_Types].xml", serialize(ct));
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), added };
}
