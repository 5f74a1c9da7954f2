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
  /** The session's one memory workbook: the port, the grid and the .xlsx download all use it. */
  | { kind: "memory"; port: () => Promise<MemoryWorkbook> };

/** The in-memory adapter for the session: created on first use (a given workbook in tests). */
export function memoryAccess(memory?: MemoryWorkbook, load: () => Promise<MemoryWorkbook> = loadMemoryWorkbook): WorkbookAccess {
  return { kind: "memory", port: memory ? () => Promise.resolve(memory) : lazyChunk(load) };
}

async function loadMemoryWorkbook(): Promise<MemoryWorkbook> {
  const { MemoryWorkbook } = await import(/* webpackChunkName: "memory-workbook" */ "../workbook/memory/memory-workbook");
  return new MemoryWorkbook();
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
