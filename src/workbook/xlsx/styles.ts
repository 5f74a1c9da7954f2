/** The port's CellStyle as ExcelJS style objects. */
import type { Alignment, Borders, Fill, Font, Style } from "exceljs";
import type { CellStyle } from "../port";

/** ExcelJS's own default font (styles.xml font 0); a new font must name it or Excel falls back to its own. */
const DEFAULT_FONT: Partial<Font> = { name: "Calibri", size: 11, family: 2, scheme: "minor" };

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/**
 * A new style object: `base` with the number format and the style's set fields replaced. ExcelJS shares
 * one style object between the cells of a loaded file that have the same style id, so styles are
 * never edited in place (`cell.numFmt = ..` would reformat every such cell).
 */
export function restyle(base: Partial<Style>, numberFormat: string | undefined, style: CellStyle | undefined): Partial<Style> {
  const next: Partial<Style> = { ...base };
  if (numberFormat !== undefined) next.numFmt = numberFormat;
  if (!style) return next;
  if (style.bold !== undefined || style.italic !== undefined || style.fontColor !== undefined) {
    const font: Partial<Font> = { ...(base.font ?? DEFAULT_FONT) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontColor !== undefined) font.color = { argb: argb(style.fontColor) };
    next.font = font;
  }
  if (style.wrap !== undefined || style.horizontal !== undefined || style.vertical !== undefined) {
    const alignment: Partial<Alignment> = { ...base.alignment };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontal !== undefined) alignment.horizontal = style.horizontal;
    if (style.vertical !== undefined) alignment.vertical = style.vertical;
    next.alignment = alignment;
  }
  if (style.fill !== undefined) {
    const fill: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    next.fill = fill;
  }
  if (style.border === "thin") {
    const thin = { style: "thin" as const };
    const border: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
    next.border = border;
  }
  return next;
}
