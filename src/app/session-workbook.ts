/**
 * The no-Excel session's workbook: a memory workbook that knows whether it holds changes not yet
 * downloaded and, when it was opened from a user's .xlsx, which file that was and every batch applied
 * since. "Unduh .xlsx" of an opened workbook replays those batches on the file itself (app/open-xlsx.ts),
 * so what the product does not own (charts, drawings, comments, pivots, other sheets' formats…) comes
 * back as it was.
 */
import { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import type { ApplyReport, WorkbookOp } from "../workbook/port";

/** The user's file the session workbook was opened from. */
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export class SessionWorkbook extends MemoryWorkbook {
  /** Batches applied since the file was opened, in order (empty for a session that started blank). */
  private readonly applied: (readonly WorkbookOp[])[] = [];
  private edits = 0;
  private savedEdits = 0;
  private recording: boolean;

  constructor(readonly origin: OpenedFile | null = null) {
    super();
    this.recording = true;
  }

  /** A session workbook holding `contents` (what the opened file holds), with no change recorded yet. */
  static async opened(origin: OpenedFile, contents: readonly WorkbookOp[]): Promise<SessionWorkbook> {
    const wb = new SessionWorkbook(origin);
    wb.recording = false;
    try {
      await wb.apply(contents);
    } finally {
      wb.recording = true;
    }
    return wb;
  }

  override async apply(ops: readonly WorkbookOp[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<ApplyReport> {
    const report = await super.apply(ops, options);
    // only a batch that succeeded is a change (a failed one left the workbook as it was)
    if (this.recording && ops.length > 0) {
      this.edits++;
      if (this.origin) this.applied.push(ops.slice());
    }
    return report;
  }

  /** The batches to replay on the opened file, oldest first. */
  get journal(): readonly (readonly WorkbookOp[])[] {
    return this.applied;
  }

  /** Changes made since the workbook was opened or last downloaded. */
  get unsaved(): boolean {
    return this.edits !== this.savedEdits;
  }

  /** A mark of the current state, for `saved` once the download made from it is handed over. */
  get revision(): number {
    return this.edits;
  }

  /** The download made at `revision` was handed to the browser. */
  saved(revision: number): void {
    this.savedEdits = revision;
  }
}
