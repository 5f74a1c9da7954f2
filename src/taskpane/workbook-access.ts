/**
 * Which workbook the panels write to: Excel's (the Office adapter) inside Excel, or one in-memory
 * workbook for the browser session without Excel. Decided once, in the composition root. Either
 * adapter is a chunk of its own, loaded when a panel first touches the workbook.
 */
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import type { WorkbookPort } from "../workbook/port";
import { isExcel, type HostInfo } from "./host";
import { lazyChunk } from "./lazy";

export type WorkbookAccess =
  | { kind: "office"; port: () => Promise<WorkbookPort> }
  | MemoryAccess;

/**
 * The session's one memory workbook: the port, the grid and the .xlsx download all use it. Opening
 * the user's .xlsx replaces it (`replace`); every panel asks `port()` each time, so all follow.
 */
export interface MemoryAccess {
  kind: "memory";
  port: () => Promise<MemoryWorkbook>;
  replace: (workbook: MemoryWorkbook) => void;
}

/** The in-memory adapter for the session: created on first use (a given workbook in tests). */
export function memoryAccess(memory?: MemoryWorkbook, load: () => Promise<MemoryWorkbook> = loadMemoryWorkbook): MemoryAccess {
  const first = memory ? () => Promise.resolve(memory) : lazyChunk(load);
  let current: MemoryWorkbook | null = null;
  return {
    kind: "memory",
    port: () => (current ? Promise.resolve(current) : first()),
    replace: (workbook) => {
      current = workbook;
    },
  };
}

/** A session workbook: a memory workbook that knows whether it holds changes not yet downloaded. */
async function loadMemoryWorkbook(): Promise<MemoryWorkbook> {
  const { SessionWorkbook } = await import(/* webpackChunkName: "memory-workbook" */ "../app/session-workbook");
  return new SessionWorkbook();
}

/** The Office adapter is its own chunk: the plain-browser page never downloads it. */
async function loadOfficeWorkbook(): Promise<WorkbookPort> {
  const { OfficeWorkbook } = await import(/* webpackChunkName: "office-workbook" */ "../workbook/office/office-workbook");
  return new OfficeWorkbook();
}

/** One adapter for the session; a failed chunk load is not cached, so the next attempt retries it. */
export function officeAccess(load: () => Promise<WorkbookPort> = loadOfficeWorkbook): WorkbookAccess {
  return { kind: "office", port: lazyChunk(load) };
}

export function accessFor(host: HostInfo): WorkbookAccess {
  return isExcel(host) ? officeAccess() : memoryAccess();
}
