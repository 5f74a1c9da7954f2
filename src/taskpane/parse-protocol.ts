/**
 * The messages between the task pane and the parse worker, and the worker's side of them: a text in;
 * progress, the findings in batches, then the packed LRA out (see lra-transfer.ts). The preview is
 * made on the page: it needs the sheet layouts (and zod with them), which the worker need not load.
 */
import { parseLra, type LraFinding } from "../core/sipd";
import { packLra, transferables, type PackedLra } from "./lra-transfer";

export interface ParseRequest {
  type: "parse";
  id: number;
  text: string;
}

export type ParseReply =
  | { type: "progress"; id: number; fraction: number }
  | { type: "findings"; id: number; findings: LraFinding[] }
  | { type: "done"; id: number; result: { ok: true; packed: PackedLra } | { ok: false; message: string } }
  | { type: "failed"; id: number; message: string };

/** The share of the progress bar the reading of lines takes; packing and rebuilding on the page take the rest. */
export const PARSE_SHARE = 0.8;
/** Findings per message: a broken export can have one per row, and each message is rebuilt on the page in one go. */
export const FINDINGS_BATCH = 2_000;

export function isParseRequest(data: unknown): data is ParseRequest {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Partial<ParseRequest>;
  return d.type === "parse" && typeof d.id === "number" && typeof d.text === "string";
}

/** Answers one message sent to the worker; `post` sends a reply (with the buffers to move, not copy). */
export function serveParse(data: unknown, post: (reply: ParseReply, transfer?: ArrayBuffer[]) => void): void {
  if (!isParseRequest(data)) {
    const id = typeof data === "object" && data !== null && typeof (data as { id?: unknown }).id === "number" ? (data as { id: number }).id : -1;
    post({ type: "failed", id, message: "Pembaca LRA menerima permintaan yang tidak dikenalnya." });
    return;
  }
  const { id, text } = data;
  try {
    let shown = 0;
    const onProgress = (read: number, total: number) => {
      const fraction = (PARSE_SHARE * read) / Math.max(1, total);
      // a message per percent is plenty for a progress bar
      if (fraction - shown < 0.01) return;
      shown = fraction;
      post({ type: "progress", id, fraction });
    };
    const r = parseLra(text, { onProgress });
    if (!r.ok) {
      post({ type: "done", id, result: { ok: false, message: r.message } });
      return;
    }
    for (let i = 0; i < r.findings.length; i += FINDINGS_BATCH) post({ type: "findings", id, findings: r.findings.slice(i, i + FINDINGS_BATCH) });
    const packed = packLra(r);
    post({ type: "done", id, result: { ok: true, packed } }, transferables(packed));
  } catch (error) {
    post({ type: "failed", id, message: error instanceof Error ? error.message : String(error) });
  }
}
