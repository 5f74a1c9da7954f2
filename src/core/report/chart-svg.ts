/**
 * A report chart as SVG: horizontal bars (indicator names are long, so categories sit on the left
 * and read in full), an axis with Indonesian tick labels, each bar's value written at its end, and
 * the 100% reference line of capaian. Pure string building with escaping — no DOM — so the same
 * picture goes into the .docx (with a PNG fallback), the task pane and the CLI.
 */
import { formatAngka, formatPersen } from "../numbers";
import type { ReportChart } from "./types";

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

export interface ChartSvgOptions {
  /** Width in px (user units); the height follows from the number of categories. Default 760. */
  width?: number;
}

export const CHART_FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
export const SERIES_COLORS = ["#2E75B6", "#ED7D31", "#70AD47", "#7F7F7F"] as const;
export const REFERENCE_COLOR = "#C00000";

const TITLE_SIZE = 15;
const LABEL_SIZE = 11;
const VALUE_SIZE = 10;
const TICK_SIZE = 10;

// ------------------------------------------------------------------ writing SVG

type Attrs = Record<string, string | number | undefined>;

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n2 = (x: number): string => String(Math.round(x * 100) / 100);

function el(name: string, attrs: Attrs, ...children: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? n2(v) : escapeXml(v!)}"`)
    .join("");
  return children.length === 0 ? `<${name}${a}/>` : `<${name}${a}>${children.join("")}</${name}>`;
}

const textEl = (x: number, y: number, s: string, attrs: Attrs = {}): string => el("text", { x, y, ...attrs }, escapeXml(s));

// ------------------------------------------------------------------ measuring text

/**
 * Approximate advance widths in em, on the wide side (DejaVu Sans, what a Linux machine without Arial
 * renders with), so estimated lines never overflow in a narrower font.
 */
function charEm(ch: string): number {
  if ("il.,:;'!|ijI".includes(ch)) return 0.3;
  if ("frt ()-/".includes(ch)) return 0.42;
  if ("mw".includes(ch)) return 0.98;
  if ("MW%".includes(ch)) return 1.0;
  if (ch >= "0" && ch <= "9") return 0.64;
  if (ch >= "A" && ch <= "Z") return 0.74;
  return 0.62;
}

export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of s) em += charEm(ch);
  return em * size * (bold ? 1.1 : 1);
}

/** Greedy word wrap into at most `maxLines` lines; the last line ends in "…" when text is left over. */
export function wrapText(s: string, maxWidth: number, size: number, maxLines: number, bold = false): string[] {
  const words = s.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  let i = 0;
  for (; i < words.length; i++) {
    const next = line === "" ? words[i]! : `${line} ${words[i]}`;
    if (textWidth(next, size, bold) <= maxWidth || line === "") {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines && line !== "") {
    lines.push(line);
    i = words.length;
  }
  if (i < words.length || lines.some((l) => textWidth(l, size, bold) > maxWidth)) {
    const last = lines.length - 1;
    let cut = lines[last]!;
    while (cut.length > 1 && textWidth(`${cut}…`, size, bold) > maxWidth) cut = cut.slice(0, -1);
    lines[last] = `${cut.trimEnd()}…`;
  }
  return lines;
}

// ------------------------------------------------------------------ scales

interface Axis {
  min: number;
  max: number;
  ticks: number[];
  /** Tick text, and the axis caption (unit of the ticks). */
  label: (v: number) => string;
  caption: string;
}

/** 1, 2, 2.5 or 5 × 10^k: a step giving about `count` intervals over `span`. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * pow;
}

const MONEY_UNITS: [number, string][] = [
  [1e12, "triliun rupiah"],
  [1e9, "miliar rupiah"],
  [1e6, "juta rupiah"],
  [1e3, "ribu rupiah"],
  [1, "rupiah"],
];

function axisFor(chart: ReportChart): Axis {
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const ref = chart.reference?.value;
  let max = Math.max(0, ...values, ...(ref === undefined ? [] : [ref]));
  const min = Math.min(0, ...values);
  if (max === min) max = chart.unit === "percent" ? 1 : 1;
  const step = niceStep(max - min);
  const lo = Math.floor(min / step) * step;
  // headroom so the largest bar's value label and the reference line's label never touch the frame
  let hi = Math.ceil(max / step) * step;
  if (hi - max < step * 0.15) hi += step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 1e6; t += step) ticks.push(Math.round(t / step) * step);
  if (chart.unit === "percent") {
    return { min: lo, max: hi, ticks, label: (v) => formatPersen(v, 0), caption: "Capaian (%)" };
  }
  const [div, unit] = MONEY_UNITS.find(([d]) => Math.max(Math.abs(lo), Math.abs(hi)) >= d) ?? [1, "rupiah"];
  return { min: lo, max: hi, ticks, label: (v) => formatAngka(v / div, "ratio"), caption: `Anggaran (${unit})` };
}

const valueText = (chart: ReportChart, v: number | null): string => (v === null ? "-" : chart.unit === "percent" ? formatPersen(v) : formatAngka(v, "money", { decimals: 0 }));

// ------------------------------------------------------------------ the chart

export function chartSvg(chart: ReportChart, options: ChartSvgOptions = {}): ChartSvg {
  const W = options.width ?? 760;
  const pad = 12;
  const axis = axisFor(chart);
  const seriesCount = Math.max(1, chart.series.length);
  const parts: string[] = [];

  const titleLines = wrapText(chart.title, W - 2 * pad, TITLE_SIZE, 2, true);
  let y = pad + TITLE_SIZE;
  for (const line of titleLines) {
    parts.push(textEl(W / 2, y, line, { "text-anchor": "middle", "font-size": TITLE_SIZE, "font-weight": "bold" }));
    y += TITLE_SIZE * 1.3;
  }

  // legend: one swatch per series, and the reference line
  const legend: { label: string; draw: (x: number, y: number) => string }[] = chart.series.map((s, i) => ({
    label: s.name,
    draw: (x, yy) => el("rect", { x, y: yy - 9, width: 14, height: 10, fill: SERIES_COLORS[i % SERIES_COLORS.length] }),
  }));
  if (chart.reference) {
    legend.push({
      label: chart.reference.label,
      draw: (x, yy) => el("line", { x1: x, y1: yy - 4, x2: x + 14, y2: yy - 4, stroke: REFERENCE_COLOR, "stroke-width": 2, "stroke-dasharray": "4 2" }),
    });
  }
  const legendWidth = legend.reduce((s, l) => s + 20 + textWidth(l.label, LABEL_SIZE) + 18, -18);
  let lx = (W - legendWidth) / 2;
  y += 6;
  for (const l of legend) {
    parts.push(l.draw(lx, y), textEl(lx + 20, y, l.label, { "font-size": LABEL_SIZE }));
    lx += 20 + textWidth(l.label, LABEL_SIZE) + 18;
  }

  const labelWidth = Math.round(W * 0.34);
  const valueWidth = Math.max(...chart.series.flatMap((s) => s.values.map((v) => textWidth(valueText(chart, v), VALUE_SIZE))), 20) + 10;
  const x0 = pad + labelWidth + 8;
  const x1 = W - pad - valueWidth;
  const plotTop = y + 26;
  const band = Math.max(36, seriesCount * 15 + 14);
  const plotBottom = plotTop + band * chart.categories.length;
  const xOf = (v: number): number => x0 + ((v - axis.min) / (axis.max - axis.min)) * (x1 - x0);

  // grid and ticks
  for (const t of axis.ticks) {
    const x = xOf(t);
    parts.push(el("line", { x1: x, y1: plotTop, x2: x, y2: plotBottom, stroke: "#D9D9D9", "stroke-width": 1 }));
    parts.push(textEl(x, plotBottom + 15, axis.label(t), { "text-anchor": "middle", "font-size": TICK_SIZE, fill: "#404040" }));
  }
  parts.push(textEl((x0 + x1) / 2, plotBottom + 32, axis.caption, { "text-anchor": "middle", "font-size": TICK_SIZE, fill: "#404040" }));

  // categories and bars
  const barHeight = Math.min(18, ((band - 12) / seriesCount));
  chart.categories.forEach((category, ci) => {
    const top = plotTop + ci * band;
    const lines = wrapText(category, labelWidth, LABEL_SIZE, 2);
    const firstBaseline = top + band / 2 - ((lines.length - 1) * LABEL_SIZE * 1.2) / 2 + LABEL_SIZE * 0.35;
    lines.forEach((line, li) => parts.push(textEl(x0 - 8, firstBaseline + li * LABEL_SIZE * 1.2, line, { "text-anchor": "end", "font-size": LABEL_SIZE })));
    const groupTop = top + (band - barHeight * seriesCount) / 2;
    chart.series.forEach((s, si) => {
      const v = s.values[ci] ?? null;
      const by = groupTop + si * barHeight;
      const zero = xOf(0);
      if (v !== null && Number.isFinite(v)) {
        const x = Math.min(zero, xOf(v));
        const width = Math.abs(xOf(v) - zero);
        parts.push(el("rect", { x, y: by + 1, width, height: barHeight - 2, fill: SERIES_COLORS[si % SERIES_COLORS.length] }, el("title", {}, escapeXml(`${s.name}: ${valueText(chart, v)}`))));
      }
      parts.push(textEl((v !== null && v > 0 ? xOf(v) : zero) + 4, by + barHeight / 2 + VALUE_SIZE * 0.35, valueText(chart, v), { "font-size": VALUE_SIZE, fill: "#262626" }));
    });
  });

  // the value axis line at zero, then the reference line above the bars
  parts.push(el("line", { x1: xOf(0), y1: plotTop, x2: xOf(0), y2: plotBottom, stroke: "#595959", "stroke-width": 1 }));
  if (chart.reference) {
    const x = xOf(chart.reference.value);
    parts.push(el("line", { x1: x, y1: plotTop - 6, x2: x, y2: plotBottom, stroke: REFERENCE_COLOR, "stroke-width": 2, "stroke-dasharray": "6 3" }));
    parts.push(textEl(x, plotTop - 10, chart.reference.label, { "text-anchor": "middle", "font-size": TICK_SIZE, fill: REFERENCE_COLOR }));
  }

  const H = Math.ceil(plotBottom + 32 + pad);
  const svg = el(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width: W, height: H, viewBox: `0 0 ${W} ${H}`, "font-family": CHART_FONT, role: "img", "aria-label": chart.title, "xml:lang": "id" },
    el("title", {}, escapeXml(chart.title)),
    el("rect", { x: 0, y: 0, width: W, height: H, fill: "#FFFFFF" }),
    ...parts,
  );
  return { svg, width: W, height: H };
}
