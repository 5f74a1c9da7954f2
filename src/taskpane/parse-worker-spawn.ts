/**
 * Starts the parse worker. webpack turns `new Worker(new URL(…, import.meta.url))` into a script of
 * its own (parse-lra.js), fetched when the first text is read. Jest (CommonJS, jsdom without
 * Worker) cannot compile import.meta: it maps this module to test/stubs/parse-worker-spawn.ts.
 */
import type { WorkerLike } from "./parse-client";

export function spawnParseWorker(): WorkerLike | null {
  if (typeof Worker === "undefined") return null;
  return new Worker(/* webpackChunkName: "parse-lra" */ new URL("./parse.worker.ts", import.meta.url), { name: "Pembaca LRA SIPD" });
}
