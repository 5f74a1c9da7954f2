/**
 * Jest's stand-in for src/taskpane/parse-worker-spawn.ts, whose `new URL(…, import.meta.url)` only
 * webpack compiles: jsdom has no Worker, so no worker starts and texts are read on the page. The
 * worker protocol itself is tested with an in-process fake (test/taskpane/parse-worker.test.ts).
 */
import type { WorkerLike } from "../../src/taskpane/parse-client";

export function spawnParseWorker(): WorkerLike | null {
  return null;
}
