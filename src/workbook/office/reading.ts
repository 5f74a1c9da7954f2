/**
 * Reading large ranges from Excel. Excel on the web refuses a response over 5 MB
 * (ResponsePayloadSizeLimitExceeded) and gives nothing back past 5 million cells, and one sync that
 * big keeps desktop Excel busy for seconds. A workbook with a 20,000-row Rincian SIPD is 13 MB of
 * response in one sync. So rectangles are read in row pieces, as many per sync as fit a byte budget.
 *
 * How many bytes a row takes is not known before it is read (a structure formula is 3,000
 * characters; a Rincian row is a few hundred bytes), so each rectangle's bytes per row are learnt
 * from its pieces as they come back. A sync Excel still refuses is sent again with every piece in
 * halves; a single row that Excel refuses on its own is an error that says so.
 * Pure over a small interface (queue a load, sync, decode), so it is tested without Office.js.
 */
import type { Rect } from "../../core/address";
import type { CellSnapshot } from "../port";

export interface ReadTarget {
  sheet: string;
  rect: Rect;
  /** false: values and number formats only (port.ts ReadRange) */
  formulas?: false;
}

/** What reading needs from a host: queue a load of a piece, send the queued loads, decode a loaded piece. */
export interface PieceHost<H> {
  load(piece: ReadTarget): H;
  sync(): Promise<void>;
  /** The piece's cells, and about how many bytes of response they took. */
  decode(piece: ReadTarget, handle: H): { cells: CellSnapshot[][]; bytes: number };
  /** Excel refused the sync for the size of its response. */
  tooLarge(e: unknown): boolean;
}

export interface ReadLimits {
  /** Estimated response bytes per sync. */
  maxBytes: number;
  /** Cells per sync, whatever their size. */
  maxCells: number;
}

/**
 * Response bytes guessed for a cell before any of its rectangle is read: a typical workbook's (a
 * kecamatan's whole workbook is then one sync, as before pieces). A wrong guess costs a refused
 * sync, after which it is eight times larger.
 */
export const FIRST_GUESS_CELL_BYTES = 100;
/** Rows come back about alike, not exactly: an estimate learnt from one piece is raised by this much. */
const MARGIN = 1.25;

/** A single row too large for one response: reading cannot cut it smaller. */
export class RowTooLargeError extends Error {
  constructor(
    readonly target: ReadTarget,
    options: { cause: unknown },
  ) {
    super(
      `Satu baris lembar "${target.sheet}" (baris ${target.rect.row + 1}) terlalu besar untuk dibaca Excel sekaligus (Excel di web menerima paling banyak 5 MB). Pendekkan teks atau rumus yang sangat panjang di baris itu.`,
      options,
    );
    this.name = "RowTooLargeError";
  }
}

interface Piece {
  /** which target it is part of */
  of: number;
  rect: Rect;
}

/**
 * The cells of every target, read in as few syncs as the limits allow. `onRows` is told how many rows
 * have been read so far, of how many; `guessCellBytes` is what a cell is taken to cost before any of
 * its target is read.
 */
export async function readInPieces<H>(
  targets: readonly ReadTarget[],
  host: PieceHost<H>,
  limits: ReadLimits,
  onRows?: (done: number, total: number) => void,
  guessCellBytes = FIRST_GUESS_CELL_BYTES,
): Promise<CellSnapshot[][][]> {
  const out: CellSnapshot[][][] = targets.map((t) => new Array<CellSnapshot[]>(Math.max(0, t.rect.rows)));
  const rowBytes = targets.map((t) => t.rect.cols * guessCellBytes);
  // whether a target's estimate was learnt from a piece of it, or is still the guess
  const learnt = targets.map(() => false);
  const queue: Piece[] = [];
  targets.forEach((t, of) => {
    if (t.rect.rows > 0 && t.rect.cols > 0) queue.push({ of, rect: t.rect });
  });
  const total = queue.reduce((n, p) => n + p.rect.rows, 0);
  let done = 0;
  // halved when Excel refuses a response the estimates put under it, doubled back as syncs are accepted
  let budget = limits.maxBytes;
  // a piece as the host loads it: its target's sheet and reading, its own rows
  const pieceOf = (p: Piece): ReadTarget => ({ ...targets[p.of]!, rect: p.rect });
  while (queue.length > 0) {
    const group = takeGroup(queue, rowBytes, { maxBytes: budget, maxCells: limits.maxCells });
    const loads = group.map((p) => ({ p, handle: host.load(pieceOf(p)) }));
    try {
      await host.sync();
    } catch (e) {
      if (!host.tooLarge(e)) throw e;
      const single = group.length === 1 && group[0]!.rect.rows === 1;
      if (single) throw new RowTooLargeError(pieceOf(group[0]!), { cause: e });
      // every piece again in halves; a guess was wrong (×8: a long formula is ten times a typical
      // cell), or a learnt estimate (doubled); the budget halves until a sync is accepted, so that a
      // guess still too small stays well under the limit while it is learnt
      const again: Piece[] = [];
      budget = Math.max(1, Math.floor(budget / 2));
      for (const p of group) {
        rowBytes[p.of] = rowBytes[p.of]! * (learnt[p.of] ? 2 : 8);
        again.push(...halves(p));
      }
      queue.unshift(...again);
      continue;
    }
    budget = Math.min(limits.maxBytes, budget * 2);
    for (const { p, handle } of loads) {
      const { cells, bytes } = host.decode(pieceOf(p), handle);
      const block = out[p.of]!;
      const first = p.rect.row - targets[p.of]!.rect.row;
      for (let i = 0; i < cells.length; i++) block[first + i] = cells[i]!;
      rowBytes[p.of] = Math.max(1, (bytes / p.rect.rows) * MARGIN);
      learnt[p.of] = true;
      done += p.rect.rows;
    }
    onRows?.(done, total);
  }
  return out;
}

/** The pieces of the next sync, cut from the front of the queue to fit the limits (at least one row). */
function takeGroup(queue: Piece[], rowBytes: readonly number[], limits: ReadLimits): Piece[] {
  const group: Piece[] = [];
  let bytes = 0;
  let cells = 0;
  while (queue.length > 0) {
    const p = queue[0]!;
    const perRow = rowBytes[p.of]!;
    const fit = Math.min(Math.floor((limits.maxBytes - bytes) / perRow), Math.floor((limits.maxCells - cells) / p.rect.cols));
    const rows = fit >= 1 ? Math.min(fit, p.rect.rows) : group.length === 0 ? 1 : 0;
    if (rows === 0) break;
    queue.shift();
    if (rows < p.rect.rows) {
      const [taken, rest] = cut(p, rows);
      group.push(taken);
      queue.unshift(rest);
      break;
    }
    group.push(p);
    bytes += rows * perRow;
    cells += rows * p.rect.cols;
  }
  return group;
}

function halves(p: Piece): Piece[] {
  return p.rect.rows === 1 ? [p] : cut(p, Math.ceil(p.rect.rows / 2));
}

/** Its first `rows` rows, and the rest. */
function cut(p: Piece, rows: number): [Piece, Piece] {
  return [
    { of: p.of, rect: { ...p.rect, rows } },
    { of: p.of, rect: { ...p.rect, row: p.rect.row + rows, rows: p.rect.rows - rows } },
  ];
}

/** About how many bytes Excel's JSON response takes for these loaded arrays (values, formulas, numberFormat). */
export function responseBytes(...arrays: readonly unknown[][][]): number {
  let n = 0;
  for (const rows of arrays) {
    for (const row of rows) {
      n += 2;
      for (const v of row) n += (typeof v === "string" ? v.length + 2 : typeof v === "number" ? 12 : 5) + 1;
    }
  }
  return n;
}
