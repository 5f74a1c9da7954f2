/**
 * An in-memory workbook: the adapter for tests, for CLI dry runs and for the task pane in a plain
 * browser. It enforces the same rules as Excel for what it is asked to do, and applies each batch
 * all-or-nothing (copy-on-write of the sheets a batch touches). It does not calculate formulas.
 */
import {
  checkOps,
  MAX_COLS,
  MAX_ROWS,
  type ApplyReport,
  type CellSnapshot,
  type CellContent,
  type CellStyle,
  type CellValue,
  type PageSetup,
  type RangeRef,
  type SheetInfo,
  type ValidationRule,
  type WorkbookOp,
  type WorkbookPort,
  type Address,
} from "../port";

export interface MemoryCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  style?: CellStyle;
}

export interface MemorySheet {
  name: string;
  rows: Map<number, Map<number, MemoryCell>>;
  widths: Map<number, number>;
  freeze: { rows: number; cols: number };
  validations: { range: RangeRef; rule: ValidationRule }[];
  merges: RangeRef[];
  pageSetup: PageSetup | null;
}

const GENERAL = "General";

function emptySheet(name: string): MemorySheet {
  return { name, rows: new Map(), widths: new Map(), freeze: { rows: 0, cols: 0 }, validations: [], merges: [], pageSetup: null };
}

function cloneSheet(s: MemorySheet): MemorySheet {
  const rows = new Map<number, Map<number, MemoryCell>>();
  for (const [r, cols] of s.rows) rows.set(r, new Map(cols));
  return {
    name: s.name,
    rows,
    widths: new Map(s.widths),
    freeze: { ...s.freeze },
    validations: [...s.validations],
    merges: [...s.merges],
    pageSetup: s.pageSetup ? { ...s.pageSetup } : null,
  };
}

const overlaps = (a: RangeRef, b: RangeRef): boolean =>
  a.sheet.toLowerCase() === b.sheet.toLowerCase() &&
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.col < b.col + b.cols &&
  b.col < a.col + a.cols;

export class MemoryWorkbook implements WorkbookPort {
  private order: MemorySheet[] = [];
  private definedNames = new Map<string, string>();
  /** The selected block; select() makes it one cell, setSelection() any range (the no-Excel grid, tests). */
  private selected: RangeRef | null = null;

  /** The active cell: the top-left cell of the selected range. */
  get selection(): Address | null {
    return this.selected && { sheet: this.selected.sheet, row: this.selected.row, col: this.selected.col };
  }

  static fromSheets(sheets: Record<string, CellValue[][]>): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const s = emptySheet(name);
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && setCell(s, r, c, { value: v, formula: null, numberFormat: GENERAL })));
      wb.order.push(s);
    }
    return wb;
  }

  private find(name: string, list = this.order): MemorySheet | undefined {
    const key = name.toLowerCase();
    return list.find((s) => s.name.toLowerCase() === key);
  }

  async sheets(): Promise<SheetInfo[]> {
    return this.order.map((s) => {
      let usedRows = 0;
      let usedCols = 0;
      // "used" means holding a value or a formula, as Excel's getUsedRange(valuesOnly): formats alone do not count
      for (const [r, cols] of s.rows) {
        for (const [c, cell] of cols) {
          if (cell.value === null && cell.formula === null) continue;
          usedRows = Math.max(usedRows, r + 1);
          usedCols = Math.max(usedCols, c + 1);
        }
      }
      return { name: s.name, usedRows, usedCols };
    });
  }

  async read(ranges: readonly RangeRef[]): Promise<CellSnapshot[][][]> {
    return ranges.map((r) => {
      const s = this.find(r.sheet);
      const out: CellSnapshot[][] = [];
      for (let i = 0; i < r.rows; i++) {
        const row: CellSnapshot[] = [];
        const cells = s?.rows.get(r.row + i);
        for (let j = 0; j < r.cols; j++) {
          const c = cells?.get(r.col + j);
          row.push(c ? { value: c.value, formula: c.formula, numberFormat: c.numberFormat } : { value: null, formula: null, numberFormat: GENERAL });
        }
        out.push(row);
      }
      return out;
    });
  }

  async names(): Promise<{ name: string; formula: string }[]> {
    return [...this.definedNames].map(([name, formula]) => ({ name, formula }));
  }

  async apply(ops: readonly WorkbookOp[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<ApplyReport> {
    checkOps(
      ops,
      this.order.map((s) => s.name),
    );
    // copy-on-write: the batch works on copies of the touched sheets and is swapped in at the end
    const order = [...this.order];
    const names = new Map(this.definedNames);
    const copied = new Set<MemorySheet>();
    const sheet = (name: string): MemorySheet => {
      const i = order.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
      const s = order[i]!;
      if (copied.has(s)) return s;
      const c = cloneSheet(s);
      order[i] = c;
      copied.add(c);
      return c;
    };
    for (const op of ops) {
      switch (op.type) {
        case "addSheet": {
          const s = emptySheet(op.sheet);
          order.push(s);
          copied.add(s);
          break;
        }
        case "write": {
          const s = sheet(op.sheet);
          op.cells.forEach((row, i) => {
            const r = op.row + i;
            const cells = s.rows.get(r);
            row.forEach((content, j) => {
              const c = op.col + j;
              const old = cells?.get(c);
              const numberFormat = old?.numberFormat ?? GENERAL;
              const style = old?.style;
              if (content === null) {
                if (numberFormat === GENERAL && !style) deleteCell(s, r, c);
                else setCell(s, r, c, { value: null, formula: null, numberFormat, style });
              } else if (typeof content === "object") {
                setCell(s, r, c, { value: null, formula: content.formula, numberFormat, style });
              } else {
                setCell(s, r, c, { value: content, formula: null, numberFormat, style });
              }
            });
          });
          break;
        }
        case "format": {
          const s = sheet(op.range.sheet);
          forEachCell(op.range, (r, c) => {
            const old = s.rows.get(r)?.get(c) ?? { value: null, formula: null, numberFormat: GENERAL };
            setCell(s, r, c, {
              ...old,
              numberFormat: op.numberFormat ?? old.numberFormat,
              style: op.style ? { ...old.style, ...op.style } : old.style,
            });
          });
          break;
        }
        case "columnWidths": {
          const s = sheet(op.sheet);
          for (const w of op.widths) s.widths.set(w.col, w.width);
          break;
        }
        case "freeze":
          sheet(op.sheet).freeze = { rows: op.rows, cols: op.cols };
          break;
        case "validation": {
          const s = sheet(op.range.sheet);
          // as in Excel, a new rule replaces the rules on the cells it covers
          s.validations = s.validations.filter((v) => !overlaps(v.range, op.range));
          s.validations.push({ range: op.range, rule: op.rule });
          break;
        }
        case "merge": {
          const s = sheet(op.range.sheet);
          s.merges = s.merges.filter((m) => !overlaps(m, op.range));
          s.merges.push(op.range);
          break;
        }
        case "defineName":
          names.set(op.name, op.formula);
          break;
        case "pageSetup":
          sheet(op.sheet).pageSetup = op.setup;
          break;
        case "clear": {
          const s = sheet(op.range.sheet);
          forEachCell(op.range, (r, c) => {
            const old = s.rows.get(r)?.get(c);
            if (!old) return;
            if (old.numberFormat === GENERAL && !old.style) deleteCell(s, r, c);
            else setCell(s, r, c, { ...old, value: null, formula: null });
          });
          break;
        }
      }
    }
    this.order = order;
    this.definedNames = names;
    options.onProgress?.(ops.length, ops.length);
    return { syncs: 0, largestBatchBytes: 0 };
  }

  async select(at: Address): Promise<void> {
    this.setSelection({ ...at, rows: 1, cols: 1 });
  }

  /** Selects a block as a user would (null: nothing selected). Same rules as a range operation. */
  setSelection(range: RangeRef | null): void {
    if (range === null) {
      this.selected = null;
      return;
    }
    const s = this.find(range.sheet);
    if (!s) throw new Error(`Lembar "${range.sheet}" tidak ada.`);
    const { row, col, rows, cols } = range;
    const whole = [row, col, rows, cols].every(Number.isInteger);
    if (!whole || row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
      throw new RangeError(`Rentang di luar lembar: baris ${row + 1}, kolom ${col + 1}, ${rows}×${cols}.`);
    }
    // the sheet's own spelling, as Excel reports it
    this.selected = { sheet: s.name, row, col, rows, cols };
  }

  async selectedRange(): Promise<RangeRef | null> {
    return this.selected && { ...this.selected };
  }

  /**
   * Operations that rebuild this workbook in another adapter (the no-Excel mode's .xlsx download):
   * formats before values, so text stays text.
   */
  snapshotOps(): WorkbookOp[] {
    const ops: WorkbookOp[] = [];
    for (const s of this.order) {
      ops.push({ type: "addSheet", sheet: s.name });
      for (const [r, cols] of s.rows) {
        for (const [c, cell] of cols) {
          if (cell.numberFormat !== GENERAL || cell.style) {
            ops.push({ type: "format", range: { sheet: s.name, row: r, col: c, rows: 1, cols: 1 }, numberFormat: cell.numberFormat, ...(cell.style ? { style: cell.style } : {}) });
          }
        }
      }
      for (const [r, cols] of s.rows) {
        // one write per run of adjacent cells keeps the batch small
        const sorted = [...cols.entries()].filter(([, c]) => c.formula !== null || c.value !== null).sort((a, b) => a[0] - b[0]);
        let run: { col: number; cells: CellContent[] } | null = null;
        const flush = () => {
          if (run) ops.push({ type: "write", sheet: s.name, row: r, col: run.col, cells: [run.cells] });
          run = null;
        };
        for (const [c, cell] of sorted) {
          const content: CellContent = cell.formula !== null ? { formula: cell.formula } : cell.value;
          if (run && run.col + run.cells.length === c) run.cells.push(content);
          else {
            flush();
            run = { col: c, cells: [content] };
          }
        }
        flush();
      }
      if (s.widths.size) ops.push({ type: "columnWidths", sheet: s.name, widths: [...s.widths].map(([col, width]) => ({ col, width })) });
      if (s.freeze.rows || s.freeze.cols) ops.push({ type: "freeze", sheet: s.name, rows: s.freeze.rows, cols: s.freeze.cols });
      for (const m of s.merges) ops.push({ type: "merge", range: m });
      for (const v of s.validations) ops.push({ type: "validation", range: v.range, rule: v.rule });
      if (s.pageSetup) ops.push({ type: "pageSetup", sheet: s.name, setup: s.pageSetup });
    }
    for (const [name, formula] of this.definedNames) ops.push({ type: "defineName", name, formula });
    return ops;
  }

  /** The sheet's state, for tests and the no-Excel grid. */
  sheet(name: string): Readonly<MemorySheet> | undefined {
    return this.find(name);
  }

  cell(sheet: string, row: number, col: number): MemoryCell | undefined {
    return this.find(sheet)?.rows.get(row)?.get(col);
  }
}

function setCell(s: MemorySheet, r: number, c: number, cell: MemoryCell): void {
  let row = s.rows.get(r);
  if (!row) {
    row = new Map();
    s.rows.set(r, row);
  }
  row.set(c, cell);
}

function deleteCell(s: MemorySheet, r: number, c: number): void {
  const row = s.rows.get(r);
  if (!row) return;
  row.delete(c);
  if (row.size === 0) s.rows.delete(r);
}

function forEachCell(range: RangeRef, fn: (r: number, c: number) => void): void {
  for (let r = range.row; r < range.row + range.rows; r++) for (let c = range.col; c < range.col + range.cols; c++) fn(r, c);
}
