/**
 * The cells of one in-memory sheet without an object per cell: columns cut into blocks of rows, each
 * block a few typed arrays (what the cell holds, its number, its text or formula, its format id) with
 * number format and style interned once for all sheets. A 100k-row import is then a few MB of arrays
 * instead of millions of small objects for the garbage collector to trace.
 *
 * Copy-on-write: a grid cloned for a batch shares every block with the original and copies a block the
 * first time the batch writes to it, so an all-or-nothing batch costs what it touches.
 */
import type { CellStyle, CellValue } from "../port";

/** A cell as the memory workbook reports it (a snapshot: editing it changes nothing). */
export interface MemoryCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  style?: CellStyle;
}

export const GENERAL = "General";

/** Rows per block: small enough that a short sheet stays small, large enough that a column of 100k rows is ~400 blocks. */
const SHIFT = 8;
const BLOCK = 1 << SHIFT;
const MASK = BLOCK - 1;

// what a slot holds; EMPTY slots are no cell at all, BLANK ones a cell with a format and no content
const EMPTY = 0;
const BLANK = 1;
const NUMBER = 2;
const TEXT = 3;
const TRUE = 4;
const FALSE = 5;
const FORMULA = 6;

interface Block {
  /** the grid that may write this block in place; any other grid copies it first */
  owner: CellGrid;
  kind: Uint8Array;
  num: Float64Array | null;
  /** text values and formulas */
  text: (string | undefined)[] | null;
  /** format ids (0: General, no style) */
  fmt: Uint32Array | null;
}

interface Format {
  numberFormat: string;
  style: CellStyle | undefined;
}

/**
 * Number format + style pairs, shared by every workbook in the process: a workbook uses a handful, and
 * two workbooks holding the same cells then hold the same ids. Styles are frozen: a cell's style object
 * is shared by every cell with it.
 */
const FORMATS: Format[] = [{ numberFormat: GENERAL, style: undefined }];
const FORMAT_IDS = new Map<string, number>([[`${GENERAL}\u0000`, 0]]);

function formatId(numberFormat: string, style: CellStyle | undefined): number {
  let styleKey = "";
  let clean: CellStyle | undefined;
  if (style) {
    // key order and keys set to undefined do not make a different style
    const keys = (Object.keys(style) as (keyof CellStyle)[]).filter((k) => style[k] !== undefined).sort();
    clean = Object.freeze(Object.fromEntries(keys.map((k) => [k, style[k]]))) as CellStyle;
    styleKey = JSON.stringify(keys.map((k) => [k, style[k]]));
  }
  const key = `${numberFormat}\u0000${style ? `s${styleKey}` : ""}`;
  let id = FORMAT_IDS.get(key);
  if (id === undefined) {
    id = FORMATS.length;
    FORMATS.push({ numberFormat, style: clean });
    FORMAT_IDS.set(key, id);
  }
  return id;
}

export class CellGrid {
  /** columns[c][b]: block b (rows b·BLOCK …) of column c */
  private columns: (Block | undefined)[][] = [];

  /** A grid sharing every block with this one; the first write to a block copies it. */
  clone(): CellGrid {
    const g = new CellGrid();
    g.columns = this.columns.map((blocks) => (blocks ? blocks.slice() : blocks));
    return g;
  }

  get(row: number, col: number): MemoryCell | undefined {
    const b = this.columns[col]?.[row >> SHIFT];
    if (!b) return undefined;
    const i = row & MASK;
    const kind = b.kind[i]!;
    if (kind === EMPTY) return undefined;
    const f = FORMATS[b.fmt ? b.fmt[i]! : 0]!;
    const cell: MemoryCell = { value: valueOf(b, i, kind), formula: kind === FORMULA ? b.text![i]! : null, numberFormat: f.numberFormat };
    if (f.style) cell.style = f.style;
    return cell;
  }

  /** Value, formula and number format of a cell, empty or not (what a range read returns). */
  snapshot(row: number, col: number): { value: CellValue; formula: string | null; numberFormat: string } {
    const b = this.columns[col]?.[row >> SHIFT];
    const i = row & MASK;
    const kind = b ? b.kind[i]! : EMPTY;
    if (!b || kind === EMPTY) return { value: null, formula: null, numberFormat: GENERAL };
    return { value: valueOf(b, i, kind), formula: kind === FORMULA ? b.text![i]! : null, numberFormat: FORMATS[b.fmt ? b.fmt[i]! : 0]!.numberFormat };
  }

  /** What a write would put back: the value, `{ formula }`, or null for an empty or blank cell. */
  content(row: number, col: number): CellValue | { formula: string } {
    const b = this.columns[col]?.[row >> SHIFT];
    if (!b) return null;
    const i = row & MASK;
    const kind = b.kind[i]!;
    return kind === FORMULA ? { formula: b.text![i]! } : valueOf(b, i, kind);
  }

  /** Writes a value or a formula, keeping the cell's format; null empties it (and drops it if it has no format). */
  write(row: number, col: number, content: CellValue | { formula: string }): void {
    if (content === null) {
      const b = this.columns[col]?.[row >> SHIFT];
      if (!b || b.kind[row & MASK] === EMPTY) return;
      const w = this.writable(row, col);
      const i = row & MASK;
      w.kind[i] = w.fmt && w.fmt[i] ? BLANK : EMPTY;
      if (w.text) w.text[i] = undefined;
      return;
    }
    const b = this.writable(row, col);
    const i = row & MASK;
    if (typeof content === "number") {
      b.kind[i] = NUMBER;
      (b.num ??= new Float64Array(BLOCK))[i] = content;
      if (b.text) b.text[i] = undefined;
    } else if (typeof content === "string") {
      b.kind[i] = TEXT;
      (b.text ??= new Array<string | undefined>(BLOCK))[i] = content;
    } else if (typeof content === "boolean") {
      b.kind[i] = content ? TRUE : FALSE;
      if (b.text) b.text[i] = undefined;
    } else {
      b.kind[i] = FORMULA;
      (b.text ??= new Array<string | undefined>(BLOCK))[i] = content.formula;
    }
  }

  /**
   * Sets number format and merges style over a block of cells (a missing cell becomes a blank one).
   * Cells with the same format before get the same format after, so the merge runs once per format.
   */
  format(row: number, col: number, rows: number, cols: number, numberFormat: string | undefined, style: CellStyle | undefined): void {
    const next = new Map<number, number>();
    let lastOld = -1;
    let lastNew = -1;
    const idFor = (old: number): number => {
      if (old === lastOld) return lastNew;
      let id = next.get(old);
      if (id === undefined) {
        const f = FORMATS[old]!;
        id = formatId(numberFormat ?? f.numberFormat, style ? { ...f.style, ...style } : f.style);
        next.set(old, id);
      }
      lastOld = old;
      lastNew = id;
      return id;
    };
    for (let c = col; c < col + cols; c++) {
      for (let r = row; r < row + rows; ) {
        const b = this.writable(r, c);
        const end = Math.min(row + rows, ((r >> SHIFT) + 1) << SHIFT);
        const fmt = (b.fmt ??= new Uint32Array(BLOCK));
        for (; r < end; r++) {
          const i = r & MASK;
          fmt[i] = idFor(fmt[i]!);
          if (b.kind[i] === EMPTY) b.kind[i] = BLANK;
        }
      }
    }
  }

  /** Empties the contents of a block of cells and keeps their formats (all: drops the formats too). */
  clear(row: number, col: number, rows: number, cols: number, all = false): void {
    for (let c = col; c < col + cols; c++) {
      const blocks = this.columns[c];
      if (!blocks) continue;
      for (let r = row; r < row + rows; ) {
        const end = Math.min(row + rows, ((r >> SHIFT) + 1) << SHIFT);
        if (!blocks[r >> SHIFT]) {
          r = end;
          continue;
        }
        const b = this.writable(r, c);
        for (; r < end; r++) {
          const i = r & MASK;
          if (b.kind[i] === EMPTY) continue;
          if (all && b.fmt) b.fmt[i] = 0;
          b.kind[i] = b.fmt && b.fmt[i] ? BLANK : EMPTY;
          if (b.text) b.text[i] = undefined;
        }
      }
    }
  }

  /** Rows × columns from A1 to the last cell holding a value or a formula. */
  usedExtent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.columns.forEach((blocks, c) => {
      if (!blocks) return;
      // from the last block back: the first cell with content found is the column's last
      for (let k = blocks.length - 1; k >= 0; k--) {
        const b = blocks[k];
        if (!b) continue;
        let i = BLOCK - 1;
        while (i >= 0 && b.kind[i]! < NUMBER) i--;
        if (i < 0) continue;
        rows = Math.max(rows, (k << SHIFT) + i + 1);
        cols = c + 1;
        break;
      }
    });
    return { rows, cols };
  }

  /** Every cell (formatted blanks included), column by column, top to bottom. */
  *cells(): Generator<{ row: number; col: number; cell: MemoryCell }> {
    for (let c = 0; c < this.columns.length; c++) {
      const blocks = this.columns[c];
      if (!blocks) continue;
      for (let k = 0; k < blocks.length; k++) {
        const b = blocks[k];
        if (!b) continue;
        for (let i = 0; i < BLOCK; i++) {
          if (b.kind[i] === EMPTY) continue;
          const row = (k << SHIFT) + i;
          yield { row, col: c, cell: this.get(row, c)! };
        }
      }
    }
  }

  /** The block holding (row, col), owned by this grid: created, or copied from the grid it was cloned from. */
  private writable(row: number, col: number): Block {
    const blocks = (this.columns[col] ??= []);
    const k = row >> SHIFT;
    const b = blocks[k];
    if (b && b.owner === this) return b;
    const copy: Block = b
      ? { owner: this, kind: b.kind.slice(), num: b.num && b.num.slice(), text: b.text && b.text.slice(), fmt: b.fmt && b.fmt.slice() }
      : { owner: this, kind: new Uint8Array(BLOCK), num: null, text: null, fmt: null };
    blocks[k] = copy;
    return copy;
  }
}

function valueOf(b: Block, i: number, kind: number): CellValue {
  switch (kind) {
    case NUMBER:
      return b.num![i]!;
    case TEXT:
      return b.text![i]!;
    case TRUE:
      return true;
    case FALSE:
      return false;
    default:
      return null;
  }
}
