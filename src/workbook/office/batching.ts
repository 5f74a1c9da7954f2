/**
 * Splitting a list of Excel API calls into `context.sync` batches by estimated request size and by
 * array rows. Pure and generic over the request context, so it is unit-testable without Office.js.
 *
 * Why both limits: Excel on the web refuses requests over 5 MB (RequestPayloadSizeLimitExceeded) and
 * the payload grows with the JSON of every array written; the row cap keeps each round trip short on
 * desktop too (the "unresponsive for 5 s" watchdog), whatever the cell sizes.
 */

/** Request overhead per API call (action + object path in the request JSON); deliberately generous. */
export const CALL_BYTES = 200;

export interface BatchLimits {
  /** Estimated request bytes per sync. */
  maxBatchBytes: number;
  /** Rows of values/formulas per sync (number-format arrays are bounded by bytes only). */
  maxBatchRows: number;
}

export interface Command<C> {
  bytes: number;
  rows: number;
  /** Progress units this command completes. */
  units: number;
  queue: (ctx: C) => void;
}

export interface Batch<C> {
  commands: Command<C>[];
  bytes: number;
  rows: number;
  units: number;
}

/** UTF-8 length of a string, without allocating an encoder buffer. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON in the request body. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? "null");
}

export interface RowBlock<T, Ctx> {
  rows: number;
  /** The host array for row i of the block (encoded lazily, row by row). */
  row: (i: number) => T[];
  /** API calls per chunk besides the array assignment (getRangeByIndexes etc.). */
  callsPerChunk: number;
  unitsPerRow: number;
  /** Extra units credited to the block's last chunk (e.g. a format op counts as one unit). */
  finalUnits?: number;
  /**
   * Whether the rows count toward maxBatchRows (default true). Number-format arrays do not: one short
   * string per cell, their cost is in the byte estimate, and counting them would make a layout's sync
   * count grow with its block height.
   */
  countRows?: boolean;
  /** Queues the assignment of rows [start, start + rows.length) of the block. */
  queue: (start: number, rows: T[][]) => (ctx: Ctx) => void;
}

export class BatchPlanner<Ctx> {
  private readonly done: Batch<Ctx>[] = [];
  private current: Batch<Ctx>;

  /** `batchBaseBytes`: what every batch carries anyway (suspendApiCalculationUntilNextSync…). */
  constructor(
    private readonly limits: BatchLimits,
    private readonly batchBaseBytes: number,
  ) {
    this.current = this.fresh();
  }

  private fresh(): Batch<Ctx> {
    return { commands: [], bytes: this.batchBaseBytes, rows: 0, units: 0 };
  }

  private fits(bytes: number, rows: number): boolean {
    return this.current.bytes + bytes <= this.limits.maxBatchBytes && this.current.rows + rows <= this.limits.maxBatchRows;
  }

  private push(cmd: Command<Ctx>): void {
    this.current.commands.push(cmd);
    this.current.bytes += cmd.bytes;
    this.current.rows += cmd.rows;
    this.current.units += cmd.units;
  }

  flush(): void {
    if (this.current.commands.length > 0) this.done.push(this.current);
    this.current = this.fresh();
  }

  /** A command that is never split; starts a new batch if it does not fit in the current one. */
  add(cmd: Command<Ctx>): void {
    if (this.current.commands.length > 0 && !this.fits(cmd.bytes, cmd.rows)) this.flush();
    this.push(cmd);
  }

  /**
   * An array assignment split into row chunks of the same column count, each filling what is left
   * of the current batch. A single row larger than the whole budget still goes alone in one batch.
   */
  addRows<T>(block: RowBlock<T, Ctx>): void {
    const base = CALL_BYTES * (block.callsPerChunk + 1) + 2;
    const weight = block.countRows === false ? 0 : 1;
    let start = 0;
    let chunk: T[][] = [];
    let chunkBytes = base;
    const emit = (last: boolean) => {
      this.push({
        bytes: chunkBytes,
        rows: chunk.length * weight,
        units: chunk.length * block.unitsPerRow + (last ? (block.finalUnits ?? 0) : 0),
        queue: block.queue(start, chunk),
      });
      start += chunk.length;
      chunk = [];
      chunkBytes = base;
    };
    for (let i = 0; i < block.rows; i++) {
      const row = block.row(i);
      const bytes = jsonBytes(row) + 1;
      if (!this.fits(chunkBytes + bytes, (chunk.length + 1) * weight)) {
        if (chunk.length > 0) emit(false);
        this.flush();
      }
      chunk.push(row);
      chunkBytes += bytes;
    }
    if (chunk.length > 0) emit(true);
  }

  finish(): Batch<Ctx>[] {
    this.flush();
    return this.done;
  }
}
