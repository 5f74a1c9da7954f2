/**
 * The page's side of the parse worker. One worker for the session, one reading at a time (the panel
 * starts no other); its progress is passed on, and Batal ends the worker (the next reading starts a
 * new one). The LRA comes back packed and is rebuilt here a slice at a time, the page answering its
 * events between slices. Where no worker can run (no Worker in jsdom, or one that fails to start) the
 * text is read on the page, as it was before there was a worker.
 */
import type { LraFinding } from "../core/sipd";
import { ReadCancelled, type CellSource, type ParsedLra, type ReadTextOptions } from "./impor";
import { unpackLra } from "./lra-transfer";
import { lraView, readLra } from "./lra-view";
import { PARSE_SHARE, type ParseReply, type ParseRequest } from "./parse-protocol";

/** What the reader needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: ParseRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type ReadText = (text: string, source: CellSource | null, options?: ReadTextOptions) => Promise<ParsedLra>;

/** Lets the page handle its events (a click on Batal, a repaint) before the next slice. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Rows rebuilt between two pauses: some tens of milliseconds on a slow laptop. */
const UNPACK_SLICE = 2_000;

type Outcome = { kind: "reply"; reply: Extract<ParseReply, { type: "done" }>; findings: LraFinding[] } | { kind: "broken" };

export function createLraReader(spawn: () => WorkerLike | null, pause: () => Promise<void> = nextTask): ReadText {
  let worker: WorkerLike | null = null;
  // no Worker here, or it failed to start: read on the page from now on
  let unavailable = false;
  let lastId = 0;

  const stop = () => {
    worker?.terminate();
    worker = null;
  };

  const onPage = async (text: string, source: CellSource | null, signal: AbortSignal | undefined): Promise<ParsedLra> => {
    // the spinner gets a frame before the page is busy
    await pause();
    if (signal?.aborted) throw new ReadCancelled();
    return readLra(text, source);
  };

  return async (text, source, { onProgress, signal } = {}) => {
    if (signal?.aborted) throw new ReadCancelled();
    if (!worker && !unavailable) {
      try {
        worker = spawn();
      } catch {
        worker = null;
      }
      unavailable = worker === null;
    }
    const w = worker;
    if (!w) return onPage(text, source, signal);

    const id = ++lastId;
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      const findings: LraFinding[] = [];
      const done = () => {
        w.onmessage = null;
        w.onerror = null;
        signal?.removeEventListener("abort", cancel);
      };
      const cancel = () => {
        done();
        stop();
        reject(new ReadCancelled());
      };
      signal?.addEventListener("abort", cancel);
      w.onmessage = (event) => {
        const reply = event.data as ParseReply;
        if (reply.id !== id) return;
        if (reply.type === "progress") onProgress?.(reply.fraction);
        else if (reply.type === "findings") findings.push(...reply.findings);
        else {
          done();
          if (reply.type === "done") resolve({ kind: "reply", reply, findings });
          else reject(new Error(reply.message));
        }
      };
      w.onerror = (event) => {
        // the worker script did not load, or the worker died: this reading and the next ones run on the page
        event.preventDefault?.();
        done();
        stop();
        unavailable = true;
        resolve({ kind: "broken" });
      };
      w.postMessage({ type: "parse", id, text });
    });
    if (outcome.kind === "broken") return onPage(text, source, signal);

    const { result } = outcome.reply;
    if (!result.ok) return { ok: false, message: result.message, parsedIn: "worker" };
    onProgress?.(PARSE_SHARE);
    const lra = await unpackLra(
      result.packed,
      outcome.findings,
      async (rebuilt, total) => {
        onProgress?.(PARSE_SHARE + ((1 - PARSE_SHARE) * rebuilt) / total);
        await pause();
        if (signal?.aborted) throw new ReadCancelled();
      },
      UNPACK_SLICE,
    );
    return { ok: true, lra, view: lraView(lra, source), parsedIn: "worker" };
  };
}
