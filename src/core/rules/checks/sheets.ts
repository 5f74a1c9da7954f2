/**
 * The sheets as sheets: each standard sheet there (R-XL-01), its columns where the layout puts them
 * (R-XL-06), the column-number row under the headers (R-CAP-04: "5=4/5" where "(6=5/4)" belongs) and
 * formulas that differ from the rest of their input column (R-XL-04, as Excel's "inconsistent formula"
 * check).
 */
import { colLetter } from "../../address";
import { shiftedColumn, shiftParams, STANDARD_LAYOUTS, TABLE_ROWS } from "../../layouts";
import { pushTo, type CheckContext } from "../context";

export function checkSheets(ctx: CheckContext): void {
  // a standard sheet deleted or renamed: the formulas that read it show nothing or an error, silently
  for (const layout of STANDARD_LAYOUTS) {
    if (!ctx.model.hasSheet(layout.sheet)) ctx.emit("R-XL-01", "sheet-missing", { sheet: layout.sheet, row: 0, col: 0 }, { params: { sheet: layout.sheet } });
  }
  for (const id of ["pk", "capaian", "cpo", "realisasi"] as const) {
    const t = ctx.model.table(id);
    if (!t.present) continue;
    shiftedColumns(ctx, id);
    t.layout.columns.forEach((c, col) => {
      if (!c.number) return;
      const have = t.snap(TABLE_ROWS.number, col).value;
      const shown = have === null ? "" : String(have).trim();
      if (shown !== "" && shown.replace(/\s+/g, "") !== c.number.replace(/\s+/g, "")) {
        ctx.emit("R-CAP-04", "label-number", { sheet: t.sheet, row: TABLE_ROWS.number, col }, { stated: shown, expected: c.number, params: { stated: shown, expected: c.number } });
      }
    });
    inconsistentFormulas(ctx, id);
  }
}

/** A formula in R1C1 terms: relative references as offsets, so the same formula on every row reads the same. */
export function relativeShape(formula: string, row: number, col: number): string {
  return formula.replace(/("[^"]*")|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (m, quoted: string | undefined, dc: string, letters: string, dr: string, digits: string) => {
    if (quoted) return quoted;
    const c = letters.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r = Number(digits) - 1;
    const cPart = dc ? `C${c + 1}` : `C[${c - col}]`;
    const rPart = dr ? `R${r + 1}` : `R[${r - row}]`;
    return `${rPart}${cPart}`;
  });
}

function inconsistentFormulas(ctx: CheckContext, id: "pk" | "capaian" | "cpo" | "realisasi"): void {
  const t = ctx.model.table(id);
  t.layout.columns.forEach((c, col) => {
    if (c.role !== "input") return;
    const shapes = new Map<string, number[]>();
    for (let r = t.firstRow; r < t.endRow; r++) {
      const f = t.snap(r, col).formula;
      if (f === null) continue;
      const s = relativeShape(f.toUpperCase(), r, col);
      pushTo(shapes, s, r);
    }
    if (shapes.size < 2) return;
    const [common, rows] = [...shapes.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    if (rows.length < 3) return;
    for (const [shape, at] of shapes) {
      if (shape === common || at.length * 3 > rows.length) continue;
      const example = t.snap(rows[0]!, col).formula!;
      for (const r of at) {
        ctx.emit("R-XL-04", "formula-inconsistent", { sheet: t.sheet, row: r, col }, { stated: t.snap(r, col).formula!, expected: example, params: { count: rows.length, example, exampleCell: `${colLetter(col)}${rows[0]! + 1}` } });
      }
    }
  });
}

/**
 * A column inserted or deleted in a standard sheet: once, at the first header that moved. Every column
 * after it is read from the wrong place, so the sheet's other findings follow from this one.
 */
function shiftedColumns(ctx: CheckContext, id: "pk" | "capaian" | "cpo" | "realisasi"): void {
  const t = ctx.model.table(id);
  const s = shiftedColumn(t.layout, (row, col) => t.snap(row, col).value);
  if (!s) return;
  ctx.emit("R-XL-06", "columns-shifted", { sheet: t.sheet, row: s.row, col: s.col }, { stated: s.found, expected: s.header, params: shiftParams(t.layout, s) });
}
