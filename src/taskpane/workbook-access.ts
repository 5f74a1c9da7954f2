/**
 * Which workbook the panels write to: Excel's (the Office adapter) inside Excel, or one in-memory
 * workbook for the browser session without Excel. Decided once, in the composition root.
 */
import { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import type { WorkbookPort } from "../workbook/port";
import { isExcel, type HostInfo } from "./host";

export type WorkbookAccess =
  | { kind: "office"; port: () => Promise<WorkbookPort> }
  /** `memory` is the same object `port()` gives, for the grid and the .xlsx download. */
  | { kind: "memory"; port: () => Promise<WorkbookPort>; memory: MemoryWorkbook };

export function memoryAccess(memory: MemoryWorkbook = new MemoryWorkbook()): WorkbookAccess {
  return { kind: "memory", memory, port: () => Promise.resolve(memory) };
}

/** The Office adapter is its own chunk: the plain-browser page never downloads it. */
async function loadOfficeWorkbook(): Promise<WorkbookPort> {
  const { OfficeWorkbook } = await import(/* webpackChunkName: "office-workbook" */ "../workbook/office/office-workbook");
  return new OfficeWorkbook();
}

/** One adapter for the session; a failed chunk load is not cached, so the next attempt retries it. */
export function officeAccess(load: () => Promise<WorkbookPort> = loadOfficeWorkbook): WorkbookAccess {
  let pending: Promise<WorkbookPort> | undefined;
  return {
    kind: "office",
    port: () => {
      pending ??= load().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}

export function accessFor(host: HostInfo): WorkbookAccess {
  return isExcel(host) ? officeAccess() : memoryAccess();
}
