/**
 * An in-memory workbook: the adapter for tests, for CLI dry runs and for the task pane in a plain
 * browser. It enforces the same rules as Excel for what it is asked to do, and applies each batch
 * all-or-nothing (copy-on-write of the sheets a batch touches, down to blocks of cells: see CellGrid).
 * It does not calculate formulas.
 */
import {
  checkOps,
  MAX_COLS,
  MAX_ROWS,
  type ApplyReport,
  type CellSnapshot,
  type CellContent,
  type CellValue,
  type PageSetup,
  type RangeRef,
  type SheetInfo,
  type ValidationRule,
  type WorkbookOp,
  type WorkbookPort,
  type Address,
} from "../port";
import { CellGrid, GENERAL, type MemoryCell } from "./cell-grid";

export type { MemoryCell } from "./cell-grid";

export interface MemorySheet {
  name: string;
  cells: CellGrid;
  widths: Map<number, number>;
  /** Row heights in points, by 0-based row. */
  heights: Map<number, number>;
  freeze: { rows: number; cols: number };
  validations: { range: RangeRef; rule: ValidationRule }[];
  merges: RangeRef[];
  pageSetup: PageSetup | null;
}

function emptySheet(name: string): MemorySheet {
  return { name, cells: new CellGrid(), widths: new Map(), heights: new Map(), freeze: { rows: 0, cols: 0 }, validations: [], merges: [], pageSetup: null };
}

function cloneSheet(s: MemorySheet): MemorySheet {
  return {
    name: s.name,
    cells: s.cells.clone(),
    widths: new Map(s.widths),
    heights: new Map(s.heights),
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
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && s.cells.write(r, c, v)));
      wb.order.push(s);
    }
    return wb;
  }

  private find(name: string, list = this.order): MemorySheet | undefined {
    const key = name.toLowerCase();
    return list.find((s) => s.name.toLowerCase() === key);
  }

  async sheets(): Promise<SheetInfo[]> {
    // "used" means holding a value or a formula, as Excel's getUsedRange(valuesOnly): formats alone do not count
    return this.order.map((s) => {
      const { rows, cols } = s.cells.usedExtent();
      return { name: s.name, usedRows: rows, usedCols: cols };
    });
  }

  async read(ranges: readonly RangeRef[]): Promise<CellSnapshot[][][]> {
    return ranges.map((r) => {
      const s = this.find(r.sheet);
      const out: CellSnapshot[][] = [];
      for (let i = 0; i < r.rows; i++) {
        const row: CellSnapshot[] = [];
        for (let j = 0; j < r.cols; j++) {
          row.push(s ? s.cells.snapshot(r.row + i, r.col + j) : { value: null, formula: null, numberFormat: GENERAL });
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
          const cells = sheet(op.sheet).cells;
          op.cells.forEach((row, i) => row.forEach((content, j) => cells.write(op.row + i, op.col + j, content)));
          break;
        }
        case "format": {
          const r = op.range;
          sheet(r.sheet).cells.format(r.row, r.col, r.rows, r.cols, op.numberFormat, op.style);
          break;
        }
        case "columnWidths": {
          const s = sheet(op.sheet);
          for (const w of op.widths) s.widths.set(w.col, w.width);
          break;
        }
        case "rowHeights": {
          const s = sheet(op.sheet);
          for (const h of op.heights) s.heights.set(h.row, h.height);
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
          const r = op.range;
          const s = sheet(r.sheet);
          s.cells.clear(r.row, r.col, r.rows, r.cols, op.what === "all");
          if (op.what === "all") s.merges = s.merges.filter((m) => !overlaps(m, r));
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
      // one format per run of cells down a column with the same format keeps the batch small
      let run: { row: number; col: number; rows: number; cell: MemoryCell } | null = null;
      const flush = () => {
        if (run) ops.push({ type: "format", range: { sheet: s.name, row: run.row, col: run.col, rows: run.rows, cols: 1 }, numberFormat: run.cell.numberFormat, ...(run.cell.style ? { style: run.cell.style } : {}) });
        run = null;
      };
      for (const { row, col, cell } of s.cells.cells()) {
        if (cell.numberFormat === GENERAL && !cell.style) continue;
        if (run && run.col === col && run.row + run.rows === row && run.cell.numberFormat === cell.numberFormat && run.cell.style === cell.style) run.rows++;
        else {
          flush();
          run = { row, col, rows: 1, cell };
        }
      }
      flush();
      // one write per run of adjacent cells in a row
      const used = s.cells.usedExtent();
      for (let row = 0; row < used.rows; row++) {
        let cells: CellContent[] = [];
        let start = 0;
        for (let col = 0; col <= used.cols; col++) {
          const content = col < used.cols ? s.cells.content(row, col) : null;
          if (content !== null) {
            if (cells.length === 0) start = col;
            cells.push(content);
          } else if (cells.length) {
            ops.push({ type: "write", sheet: s.name, row, col: start, cells: [cells] });
            cells = [];
          }
        }
      }
      if (s.widths.size) ops.push({ type: "columnWidths", sheet: s.name, widths: [...s.widths].map(([col, width]) => ({ col, width })) });
      if (s.heights.size) ops.push({ type: "rowHeights", sheet: s.name, heights: [...s.heights].map(([row, height]) => ({ row, height })) });
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

  /** A snapshot of one cell; undefined where no cell was ever written or formatted. */
  cell(sheet: string, row: number, col: number): MemoryCell | undefined {
    return this.find(sheet)?.cells.get(row, col);
  }
}
