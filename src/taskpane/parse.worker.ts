/**
 * The parse worker: the SIPD parser off the page's thread, so a 50 MB paste does not freeze the task
 * pane. Started by parse-worker-spawn.ts; every message is answered by serveParse.
 */
import { serveParse, type ParseReply } from "./parse-protocol";

// the worker's global scope, typed by hand: the project compiles against the DOM library, not WebWorker
const scope = self as unknown as {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: ParseReply, transfer?: ArrayBuffer[]): void;
};

scope.onmessage = (event) => serveParse(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []));
