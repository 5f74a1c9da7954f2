/**
 * A report as a .docx (the `docx` library): title block, sections with their narrative and tables,
 * charts as pictures. Laid out for LibreOffice and Word alike:
 * - widths in twips on the table grid AND on every cell, fixed layout (LibreOffice shows equal
 *   columns otherwise — docx issues #1618, #528);
 * - header rows and the number row marked tableHeader, so a table that runs over a page repeats them,
 *   as the real reports do; data rows do not split across pages;
 * - a landscape section for each run of wide tables, portrait for the rest;
 * - every page headed with unit, jabatan, period and year, and numbered.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import { pageHeaderText, periodeTitle } from "../../core/report/stamp";
import { fitWidths, longestWords, placeHeader } from "../../core/report/table-grid";
import type { Report, ReportCell, ReportChart, ReportTable } from "../../core/report/types";
import type { ChartImage } from "./chart-png";

/** A4 in twips, and the margins Indonesian government documents use (3 cm left for binding). */
export const PAGE = { width: 11906, height: 16838, top: 1417, bottom: 1417, left: 1701, right: 1417, header: 709, footer: 709 } as const;
export const contentWidth = (orientation: ReportTable["orientation"]): number =>
  (orientation === "landscape" ? PAGE.height : PAGE.width) - PAGE.left - PAGE.right;

const FONT = "Arial";
/** Half-points. */
const BODY_SIZE = 22;
const TABLE_SIZE = { portrait: 20, landscape: 18 } as const;
const HEADER_FILL = "D9D9D9";
const NUMBER_ROW_FILL = "F2F2F2";
const TWIPS_PER_PX = 15;

export interface DocxInput {
  report: Report;
  /** Pictures of the report's charts by chart id (SVG with its PNG fallback). */
  charts: ReadonlyMap<ReportChart["id"], ChartImage>;
}

/** A stretch of the document in one orientation: becomes one docx section. */
interface Block {
  orientation: ReportTable["orientation"];
  children: (Paragraph | Table)[];
}

export async function renderDocx(input: DocxInput | readonly DocxInput[]): Promise<Uint8Array> {
  const inputs: readonly DocxInput[] = Array.isArray(input) ? input : [input as DocxInput];
  const first = inputs[0];
  if (!first) throw new Error("renderDocx needs at least one report");
  // one document; every report is its own run of sections, and a section starts on a new page,
  // so each jabatan's report begins on a page of its own, headed with its own jabatan
  const sections = inputs.flatMap(({ report, charts }) => reportBlocks(report, charts).map((b) => section(report, b)));
  const { report } = first;
  const jabatan = inputs.length === 1 ? report.jabatan : inputs.map((i) => i.report.jabatan).join(", ");
  const doc = new Document({
    creator: "SAKIP Workbook",
    title: `Laporan Kinerja ${jabatan} ${report.unit} ${periodeTitle(report)}`,
    description: `Laporan Kinerja ${jabatan}, ${report.unit}, ${report.pemda}, ${periodeTitle(report)}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE } },
        heading1: { run: { font: FONT, size: 24, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections,
  });
  return Packer.pack(doc, "uint8array");
}

function reportBlocks(report: Report, charts: DocxInput["charts"]): Block[] {
  const blocks: Block[] = [];
  const add = (orientation: Block["orientation"], ...children: (Paragraph | Table)[]) => {
    const last = blocks[blocks.length - 1];
    if (last && last.orientation === orientation) last.children.push(...children);
    else blocks.push({ orientation, children: [...children] });
  };

  add("portrait", ...titleBlock(report));
  let figure = 0;
  const chartsPlaced = new Set<string>();
  // a chart stays in the orientation of the table before it: no section (and page) break of its own
  const placeCharts = (ids: ReportChart["id"][], orientation: Block["orientation"]) => {
    for (const chart of report.charts) {
      const image = charts.get(chart.id);
      if (!ids.includes(chart.id) || !image || chartsPlaced.has(chart.id)) continue;
      chartsPlaced.add(chart.id);
      add(orientation, ...chartFigure(chart, image, ++figure));
    }
  };

  for (const section of report.sections) {
    add("portrait", new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_1, keepNext: true }));
    for (const p of section.paragraphs) add("portrait", bodyParagraph(p.text));
    for (const table of section.tables) {
      add(table.orientation, ...caption(table), reportTable(table));
      // each chart follows the table it pictures
      if (table.id === "capaian") placeCharts(["capaian"], table.orientation);
      if (table.id === "realisasi-anggaran") placeCharts(["anggaran"], table.orientation);
    }
  }
  placeCharts(["capaian", "anggaran"], "portrait");
  return blocks;
}

// ------------------------------------------------------------------ page

function section(report: Report, block: Block): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: block.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: PAGE.header, footer: PAGE.footer },
      },
    },
    headers: { default: pageHeader(report) },
    footers: { default: pageFooter() },
    children: block.children,
  };
}

function pageHeader(report: Report): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: "808080", space: 2 } },
        children: [new TextRun({ text: pageHeaderText(report), size: 16, color: "404040" })],
      }),
    ],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["Halaman ", PageNumber.CURRENT, " dari ", PageNumber.TOTAL_PAGES], size: 16 })] })],
  });
}

function titleBlock(report: Report): Paragraph[] {
  const line = (text: string, size: number, after = 60) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [new TextRun({ text, bold: true, size })] });
  return [
    line("LAPORAN KINERJA", 32),
    line(report.jabatan.toUpperCase(), 28),
    ...(report.unit ? [line(report.unit.toUpperCase(), 26)] : []),
    ...(report.pemda ? [line(report.pemda.toUpperCase(), 24)] : []),
    line(periodeTitle(report).toUpperCase(), 24, 360),
  ];
}

const bodyParagraph = (text: string): Paragraph => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 300 }, children: [new TextRun(text)] });

// ------------------------------------------------------------------ tables

/** "Tabel 2.3" and its title, centred and bold above the table, kept with it on one page. */
function caption(table: ReportTable): Paragraph[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 240 }, children: [new TextRun({ text: table.number, bold: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 120 }, children: [new TextRun({ text: table.title, bold: true })] }),
  ];
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const CELL_MARGINS = { top: 30, bottom: 30, left: 70, right: 70 } as const;

export function reportTable(table: ReportTable): Table {
  const size = TABLE_SIZE[table.orientation];
  const columns = tableColumns(table, size);
  const span = (col: number, colSpan: number) => columns.slice(col, col + colSpan).reduce((s, w) => s + w, 0);
  const cellOf = (children: Paragraph[], col: number, extra: { colSpan?: number; rowSpan?: number; fill?: string } = {}) =>
    new TableCell({
      children,
      columnSpan: extra.colSpan,
      rowSpan: extra.rowSpan,
      width: { size: span(col, extra.colSpan ?? 1), type: WidthType.DXA },
      margins: CELL_MARGINS,
      verticalAlign: VerticalAlignTable.CENTER,
      ...(extra.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: extra.fill } } : {}),
    });
  const text = (s: string, o: { bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
    new Paragraph({ alignment: o.align ?? AlignmentType.LEFT, children: [new TextRun({ text: s, bold: o.bold, italics: o.italics, size })] });

  const rows: TableRow[] = [];
  const placed = placeHeader(table.header, columns.length);
  table.header.forEach((_, r) => {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: placed.filter((p) => p.row === r).map((p) => cellOf([text(p.text, { bold: true, align: AlignmentType.CENTER })], p.col, { colSpan: p.colSpan, rowSpan: p.rowSpan, fill: HEADER_FILL })),
      }),
    );
  });
  if (table.numberRow) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: table.numberRow.map((n, c) => cellOf([text(n, { italics: true, align: AlignmentType.CENTER })], c, { fill: NUMBER_ROW_FILL })),
      }),
    );
  }
  const dataRow = (cells: readonly ReportCell[], bold = false) =>
    new TableRow({ cantSplit: true, children: cells.map((cell, c) => cellOf([text(cell.text, { bold: bold || cell.bold, align: alignOf(cell, c) })], c)) });
  for (const r of table.rows) rows.push(dataRow(r));
  if (table.total) rows.push(dataRow(table.total, true));

  return new Table({
    rows,
    width: { size: columns.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

/**
 * Column widths in twips: the table's proportions over the text width, each column at least as wide as
 * its longest word at the table's font size (0.66 em a character, on the wide side, plus the margins).
 */
export function tableColumns(table: ReportTable, halfPoints: number): number[] {
  const twipsPerChar = 0.66 * halfPoints * 10;
  const mins = longestWords(table).map((chars) => Math.ceil(chars * twipsPerChar + CELL_MARGINS.left + CELL_MARGINS.right + 30));
  return fitWidths(table.widths, mins, contentWidth(table.orientation));
}

/** Numbers to the right, the No column centred, words to the left — as the reports set them. */
function alignOf(cell: ReportCell, col: number): (typeof AlignmentType)[keyof typeof AlignmentType] {
  if (cell.kind === "money" || cell.kind === "percent" || cell.kind === "number") return cell.text === "-" ? AlignmentType.CENTER : AlignmentType.RIGHT;
  return col === 0 ? AlignmentType.CENTER : AlignmentType.LEFT;
}

// ------------------------------------------------------------------ charts

function chartFigure(chart: ReportChart, image: ChartImage, n: number): Paragraph[] {
  const maxPx = contentWidth("portrait") / TWIPS_PER_PX;
  const scale = Math.min(1, maxPx / image.width);
  const transformation = { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [
        new ImageRun({
          type: "svg",
          data: new TextEncoder().encode(image.svg),
          fallback: { type: "png", data: image.png },
          transformation,
          altText: { name: chart.id, title: chart.title, description: chart.title },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `Gambar ${n}. ${chart.title}`, bold: true, size: 20 })] }),
  ];
}
