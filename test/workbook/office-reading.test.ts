/**
 * Reading in pieces (src/workbook/office/reading.ts) against a host that refuses any response over its
 * limit, as Excel on the web does: whatever the rows' sizes, the limit and the budget, the cells come
 * back as one read would give them, no accepted sync is over the limit, and it ends.
 */
import fc from "fast-check";
import { readInPieces, RowTooLargeError, type PieceHost, type ReadTarget } from "../../src/workbook/office/reading";
import type { CellSnapshot } from "../../src/workbook/port";

/** A sheet's cells: row r, column c holds text of a size given per row. */
class Host implements PieceHost<ReadTarget> {
  syncs: { bytes: number; refused: boolean }[] = [];
  private queued: ReadTarget[] = [];
  constructor(
    private readonly rowSizes: Record<string, number[]>,
    private readonly limit: number,
  ) {}
  cell(sheet: string, r: number, c: number): CellSnapshot {
    return { value: `${sheet}${r}:${c}`.padEnd(this.rowSizes[sheet]![r] ?? 1, "x"), formula: null, numberFormat: "@" };
  }
  bytesOf(t: ReadTarget): number {
    let n = 0;
    for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) for (let c = 0; c < t.rect.cols; c++) n += this.cell(t.sheet, r, t.rect.col + c).value!.toString().length + 3;
    return n;
  }
  load(piece: ReadTarget): ReadTarget {
    this.queued.push(piece);
    return piece;
  }
  async sync(): Promise<void> {
    const bytes = this.queued.reduce((n, t) => n + this.bytesOf(t), 0);
    this.queued = [];
    const refused = bytes > this.limit;
    this.syncs.push({ bytes, refused });
    if (refused) throw Object.assign(new Error("too large"), { code: "ResponsePayloadSizeLimitExceeded" });
  }
  decode(piece: ReadTarget): { cells: CellSnapshot[][]; bytes: number } {
    const cells = Array.from({ length: piece.rect.rows }, (_, i) => Array.from({ length: piece.rect.cols }, (_, j) => this.cell(piece.sheet, piece.rect.row + i, piece.rect.col + j)));
    return { cells, bytes: this.bytesOf(piece) };
  }
  tooLarge(e: unknown): boolean {
    return (e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded";
  }
}

describe("reading in pieces", () => {
  it("gives every cell of every range as one read would, in accepted syncs only, and ends", async () => {
    // what the runs went through: the property holds over each path, not only the easy one
    const seen = { refusedThenRead: 0, rowTooLarge: 0, severalSyncs: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.record({ sheet: fc.constantFrom("A", "B"), row: fc.nat(250), rows: fc.nat(80), col: fc.nat(3), cols: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2_000, max: 25_000 }),
        // the budget around the host's limit: under it (never refused), over it (refused, then learnt)
        fc.integer({ min: 30, max: 300 }),
        async (sizesA, sizesB, ranges, limit, percent) => {
          const budget = Math.floor((limit * percent) / 100);
          const host = new Host({ A: sizesA, B: sizesB.map((k) => k * 2_500) }, limit);
          const targets = ranges.map((r) => ({ sheet: r.sheet, rect: { row: r.row, col: r.col, rows: r.rows, cols: r.cols } }));
          const progress: number[] = [];
          let out: CellSnapshot[][][] | null = null;
          try {
            out = await readInPieces(targets, host, { maxBytes: budget, maxCells: 5_000 }, (done) => progress.push(done));
          } catch (e) {
            // only a row larger than the limit on its own may stop it
            expect(e).toBeInstanceOf(RowTooLargeError);
            const t = (e as RowTooLargeError).target;
            expect(t.rect.rows).toBe(1);
            expect(host.bytesOf(t)).toBeGreaterThan(limit);
            seen.rowTooLarge++;
            return;
          }
          targets.forEach((t, i) => {
            const whole = t.rect.cols === 0 ? Array.from({ length: t.rect.rows }, () => undefined) : host.decode(t).cells;
            expect(out![i]!.length).toBe(t.rect.rows);
            if (t.rect.cols > 0) expect(out![i]).toEqual(whole);
          });
          for (const s of host.syncs) if (!s.refused) expect(s.bytes).toBeLessThanOrEqual(limit);
          expect(progress).toEqual([...progress].sort((a, b) => a - b));
          // every accepted sync reads at least a row; refusals are few (each halves pieces and budget)
          const rows = targets.reduce((n, t) => n + (t.rect.cols > 0 ? t.rect.rows : 0), 0);
          expect(host.syncs.filter((x) => !x.refused).length).toBeLessThanOrEqual(Math.max(1, rows));
          expect(host.syncs.filter((x) => x.refused).length).toBeLessThanOrEqual(16);
          if (host.syncs.some((x) => x.refused)) seen.refusedThenRead++;
          if (host.syncs.filter((x) => !x.refused).length > 1) seen.severalSyncs++;
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.refusedThenRead).toBeGreaterThan(2);
    expect(seen.rowTooLarge).toBeGreaterThan(2);
    expect(seen.severalSyncs).toBeGreaterThan(2);
  });
});
