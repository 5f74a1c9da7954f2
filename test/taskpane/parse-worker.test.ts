/**
 * The parse worker's protocol: a text in, progress, findings and the packed LRA out (serveParse, as
 * the worker runs it); the page's reader over a worker (here an in-process fake that sends every
 * message through structuredClone, as postMessage does); and the packing itself, which must give back
 * exactly what the parser made.
 */
import fc from "fast-check";
import { generateLra, parseLra, type LraParseSuccess } from "../../src/core/sipd";
import { ReadCancelled, type CellSource } from "../../src/taskpane/impor";
import { packLra, transferables, unpackLra } from "../../src/taskpane/lra-transfer";
import { readLra } from "../../src/taskpane/lra-view";
import { createLraReader, type WorkerLike } from "../../src/taskpane/parse-client";
import { FINDINGS_BATCH, serveParse, type ParseReply, type ParseRequest } from "../../src/taskpane/parse-protocol";
import { LRA_CSV, LRA_TSV } from "../support/lra-texts";
import { plainLra } from "../support/plain-lra";

const parsed = (text: string): LraParseSuccess => {
  const r = parseLra(text);
  if (!r.ok) throw new Error(r.message);
  return r;
};

/** serveParse's replies to one message, as the worker would post them. */
function serve(data: unknown): { replies: ParseReply[]; transfers: ArrayBuffer[][] } {
  const replies: ParseReply[] = [];
  const transfers: ArrayBuffer[][] = [];
  serveParse(data, (reply, transfer) => {
    replies.push(reply);
    transfers.push(transfer ?? []);
  });
  return { replies, transfers };
}

const noPause = async () => undefined;

describe("the worker's side (serveParse)", () => {
  it("answers a text with its findings and the packed LRA, which unpacks to what parseLra gives", async () => {
    const text = LRA_TSV;
    const { replies, transfers } = serve({ type: "parse", id: 7, text } satisfies ParseRequest);
    expect(replies.every((r) => r.id === 7)).toBe(true);
    const done = replies.at(-1)!;
    if (done.type !== "done" || !done.result.ok) throw new Error(`no result: ${JSON.stringify(done).slice(0, 200)}`);
    // the typed arrays are moved to the page, not copied
    expect(transfers.at(-1)!.length).toBeGreaterThan(5);
    const findings = replies.flatMap((r) => (r.type === "findings" ? r.findings : []));
    expect(plainLra(await unpackLra(done.result.packed, findings, noPause))).toEqual(plainLra(parseLra(text)));
  });

  it("reports progress while reading a large text, rising, below the share left for the page", () => {
    const { replies } = serve({ type: "parse", id: 1, text: generateLra(30_000, 3) });
    const progress = replies.flatMap((r) => (r.type === "progress" ? [r.fraction] : []));
    // every 8192 lines of the ~36.000
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(Math.max(...progress)).toBeLessThanOrEqual(0.8);
  });

  it("sends many findings in batches", () => {
    // every amount of every data row unreadable: seven findings a row
    const broken = generateLra(500, 4).split("\n").map((l) => (/^\d /.test(l) ? l.replace(/\t[\d.,()-]+/g, "\tx") : l)).join("\n");
    const { replies } = serve({ type: "parse", id: 2, text: broken });
    const batches = replies.filter((r) => r.type === "findings");
    const r = parseLra(broken);
    if (!r.ok) throw new Error(r.message);
    expect(r.findings.length).toBeGreaterThan(FINDINGS_BATCH);
    expect(batches.length).toBe(Math.ceil(r.findings.length / FINDINGS_BATCH));
  });

  it("passes the parser's refusal on, word for word", () => {
    const { replies } = serve({ type: "parse", id: 3, text: LRA_CSV });
    const refusal = parseLra(LRA_CSV);
    expect(replies).toEqual([{ type: "done", id: 3, result: { ok: false, message: !refusal.ok && refusal.message } }]);
  });

  it.each([
    ["no message at all", null, -1],
    ["a request without text", { type: "parse", id: 4 }, 4],
    ["another kind of message", { type: "hello", id: 5 }, 5],
  ])("refuses %s", (_label, data, id) => {
    expect(serve(data).replies).toEqual([{ type: "failed", id, message: "Pembaca LRA menerima permintaan yang tidak dikenalnya." }]);
  });

  it("answers an exception inside the worker with its message, not with silence", () => {
    // posting the result fails as a DataCloneError would
    const replies: ParseReply[] = [];
    serveParse({ type: "parse", id: 6, text: LRA_TSV }, (reply) => {
      if (reply.type === "done") throw new Error("The object could not be cloned.");
      replies.push(reply);
    });
    expect(replies.at(-1)).toEqual({ type: "failed", id: 6, message: "The object could not be cloned." });
  });
});

/** A worker in this process: messages go through structuredClone (with their transfers) and arrive later, as across threads. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  terminated = false;
  received: ParseRequest[] = [];
  constructor(private readonly behaviour: "serve" | "fail-to-load" | "hang" | "fail" = "serve") {}

  postMessage(message: ParseRequest): void {
    const request = structuredClone(message);
    this.received.push(request);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === "fail-to-load") {
        this.onerror?.({ message: "404 parse-lra.js", preventDefault: () => undefined } as unknown as ErrorEvent);
        return;
      }
      if (this.behaviour === "hang") return;
      if (this.behaviour === "fail") {
        this.onmessage?.({ data: { type: "failed", id: request.id, message: "Out of memory" } } as MessageEvent);
        return;
      }
      serveParse(request, (reply, transfer) => {
        const data = structuredClone(reply, { transfer: transfer ?? [] });
        setTimeout(() => !this.terminated && this.onmessage?.({ data } as MessageEvent), 0);
      });
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

describe("the page's side (createLraReader)", () => {
  it("reads in the worker: the LRA, its preview and that it was the worker, with progress up to 1", async () => {
    const workers: FakeWorker[] = [];
    const read = createLraReader(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    }, noPause);
    const progress: number[] = [];
    const text = generateLra(12_000, 5);
    const r = await read(text, null, { onProgress: (f) => progress.push(f) });
    if (!r.ok) throw new Error(r.message);
    expect(r.parsedIn).toBe("worker");
    expect(plainLra(r.lra)).toEqual(plainLra(parseLra(text)));
    expect(progress.at(-1)).toBeGreaterThan(0.9);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // one worker for the session
    await read(LRA_TSV, null);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.map((m) => m.id)).toEqual([1, 2]);
  });

  it("says where a finding is in the selected cells", async () => {
    const source: CellSource = { sheet: "LRA Juni", range: { sheet: "LRA Juni", row: 4, col: 0, rows: 314, cols: 9 }, address: "'LRA Juni'!A5:I318", wholeSheet: false };
    const r = await createLraReader(() => new FakeWorker(), noPause)(LRA_TSV, source);
    const fromPage = readLra(LRA_TSV, source);
    if (!r.ok || !fromPage.ok) throw new Error("not read");
    expect(r.view).toEqual(fromPage.view);
  });

  it("stops on Batal: the worker is ended, the reading rejects, and the next reading starts a new worker", async () => {
    const workers: FakeWorker[] = [];
    const read = createLraReader(() => {
      workers.push(new FakeWorker(workers.length === 0 ? "hang" : "serve"));
      return workers.at(-1)!;
    }, noPause);
    const controller = new AbortController();
    const reading = read(LRA_TSV, null, { signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(ReadCancelled);
    expect(workers[0]!.terminated).toBe(true);
    const again = await read(LRA_TSV, null);
    expect(again).toMatchObject({ ok: true, parsedIn: "worker" });
    expect(workers).toHaveLength(2);
  });

  it("rejects a reading already cancelled without starting a worker", async () => {
    const spawn = jest.fn(() => new FakeWorker());
    const controller = new AbortController();
    controller.abort();
    await expect(createLraReader(spawn, noPause)(LRA_TSV, null, { signal: controller.signal })).rejects.toBeInstanceOf(ReadCancelled);
    expect(spawn).not.toHaveBeenCalled();
  });

  it("reads on the page when the worker script does not load, and does not try a worker again", async () => {
    const spawn = jest.fn(() => new FakeWorker("fail-to-load"));
    const read = createLraReader(spawn, noPause);
    const r = await read(LRA_TSV, null);
    expect(r).toEqual(readLra(LRA_TSV));
    expect(r.parsedIn).toBeUndefined();
    await read(LRA_TSV, null);
    expect(spawn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["there is no Worker (jsdom, an old host)", () => null],
    ["starting one throws (a blocked script)", () => {
      throw new Error("SecurityError");
    }],
  ])("reads on the page when %s", async (_label, spawn) => {
    const r = await createLraReader(spawn, noPause)(LRA_TSV, null);
    expect(r).toEqual(readLra(LRA_TSV));
  });

  it("rejects with the worker's message when the worker fails on a text", async () => {
    const r = createLraReader(() => new FakeWorker("fail"), noPause)(LRA_TSV, null);
    await expect(r).rejects.toThrow("Out of memory");
  });
});

describe("packing an LRA for the trip to the page", () => {
  const fixture = LRA_TSV.split("\n");

  it("gives back exactly what the parser made: rows, repaired codes, skipped lines, shared notations", async () => {
    const lra = parsed(LRA_TSV);
    expect(lra.rows.some((r) => r.repaired)).toBe(true);
    const back = await unpackLra(packLra(lra), lra.findings, noPause, 17);
    expect(plainLra(back)).toEqual(plainLra(lra));
    expect(JSON.stringify(plainLra(back))).toBe(JSON.stringify(plainLra(lra)));
    const [a, b] = back.rows.filter((r) => r.subKegiatan === "2.01.0001");
    expect(a!.notation).toBe(b!.notation);
  });

  it("survives a trip through structuredClone with its buffers transferred", async () => {
    const lra = parsed(generateLra(2_000, 8, { lineEnding: "\r\n" }));
    const packed = packLra(lra);
    const moved = structuredClone(packed, { transfer: transferables(packed) });
    expect(packed.rows.amounts.byteLength).toBe(0);
    expect(plainLra(await unpackLra(moved, lra.findings, noPause))).toEqual(plainLra(lra));
  });

  it("gives back any LRA the parser reads from an edited export", async () => {
    const edit = fc.record({ at: fc.nat(), op: fc.constantFrom("delete", "duplicate", "blank-cell", "markup", "sen", "spaces") });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 8 }), async (edits) => {
        const lines = [...fixture];
        for (const e of edits) {
          const at = e.at % lines.length;
          const line = lines[at]!;
          if (e.op === "delete") lines.splice(at, 1);
          else if (e.op === "duplicate") lines.splice(at, 0, line);
          else if (e.op === "blank-cell") lines[at] = line.replace(/\t[^\t]*\t/, "\t\t");
          else if (e.op === "markup") lines[at] = `**${line}`;
          else if (e.op === "sen") lines[at] = line.replace(/,00\t/, ",57\t");
          else lines[at] = line.replace(/\t/, " \t ");
        }
        const r = parseLra(lines.join("\n"));
        if (!r.ok) return;
        expect(plainLra(await unpackLra(packLra(r), r.findings, noPause, 50))).toEqual(plainLra(r));
      }),
      { numRuns: 100 },
    );
  });
});
