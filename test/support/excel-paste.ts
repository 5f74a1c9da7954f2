/**
 * What Excel in an Indonesian locale (id-ID) makes of a TAB text pasted into A1, as port operations:
 * numbers written like numbers become numbers (7.229.814.333,00 → 7229814333 formatted "#,##0.00";
 * 53,17 → 53.17 General; (18.938.957,00) → -18938957), everything else stays text, one line per row.
 * Excel applies only its built-in formats when it recognises a typed number: grouped numbers get
 * "#,##0.00" (or "#,##0" without decimals), ungrouped ones stay General.
 */
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { CellContent, CellSnapshot, WorkbookOp } from "../../src/workbook/port";

const GROUPED = /^(\(?)(-?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?(\)?)$/;
const PLAIN = /^(\(?)(-?)(\d+)(?:,(\d+))?(\)?)$/;

export interface PastedCell {
  value: string | number;
  numberFormat: string;
}

/** One field as Excel (id-ID) stores it. */
export function pastedCell(text: string): PastedCell | null {
  if (text === "") return null;
  const m = GROUPED.exec(text) ?? PLAIN.exec(text);
  // "(…)" must be balanced, and a minus inside parentheses is not a number Excel reads
  if (m && (m[1] === "(") === (m[5] === ")") && !(m[1] === "(" && m[2] === "-")) {
    const digits = (m[3] ?? "").replace(/\./g, "");
    const value = Number(`${digits}.${m[4] ?? "0"}`) * (m[1] === "(" || m[2] === "-" ? -1 : 1);
    const grouped = (m[3] ?? "").includes(".");
    return { value: value === 0 ? 0 : value, numberFormat: grouped ? (m[4] ? "#,##0.00" : "#,##0") : "General" };
  }
  return { value: text, numberFormat: "General" };
}

/** The grid of a pasted text: rows × the widest line's fields. */
export function pastedGrid(tsv: string): (PastedCell | null)[][] {
  const lines = tsv.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const rows = lines.map((l) => l.split("\t").map(pastedCell));
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<null>(width - r.length).fill(null)]);
}

/** Operations that put the pasted text at A1 of a new sheet, formats before values as Excel keeps them. */
export function pasteOps(sheet: string, tsv: string): WorkbookOp[] {
  const grid = pastedGrid(tsv);
  const ops: WorkbookOp[] = [{ type: "addSheet", sheet }];
  // a column's run of cells with one format is one operation (one per cell made a large paste slow)
  const width = grid[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    for (let r = 0; r < grid.length; ) {
      const format = grid[r]![c]?.numberFormat ?? "General";
      let end = r + 1;
      while (end < grid.length && (grid[end]![c]?.numberFormat ?? "General") === format) end++;
      if (format !== "General") ops.push({ type: "format", range: { sheet, row: r, col: c, rows: end - r, cols: 1 }, numberFormat: format });
      r = end;
    }
  }
  ops.push({ type: "write", sheet, row: 0, col: 0, cells: grid.map((row) => row.map((cell): CellContent => cell?.value ?? null)) });
  return ops;
}

/** The text pasted at A1 of a memory workbook as Excel (id-ID) holds it, read back through the port. */
export async function pastedAndRead(tsv: string): Promise<CellSnapshot[][]> {
  const wb = new MemoryWorkbook();
  await wb.apply(pasteOps("LRA", tsv));
  const info = (await wb.sheets())[0]!;
  const [cells] = await wb.read([{ sheet: "LRA", row: 0, col: 0, rows: info.usedRows, cols: info.usedCols }]);
  return cells!;
}
