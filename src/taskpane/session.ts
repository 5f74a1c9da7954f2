/**
 * What the panels of one task pane share: the workbook and "the workbook changed" (every grid of the
 * session workbook reloads). Panels get these from the composition root (panels.tsx), never make
 * them. No components here: this is part of the first load.
 */
import type { WorkbookAccess } from "./workbook-access";

/** A small external store: a version that grows, and listeners told when it does. */
interface Store {
  version: () => number;
  subscribe: (listener: () => void) => () => void;
}

function store(): Store & { bump: () => void } {
  let version = 0;
  const listeners = new Set<() => void>();
  return {
    version: () => version,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    bump: () => {
      version++;
      for (const l of listeners) l();
    },
  };
}

/**
 * "The session workbook changed": every panel that writes to it bumps this, every grid of it
 * listens, so the grid under Siapkan Lembar also shows what Impor SIPD wrote.
 */
export interface WorkbookChanges extends Store {
  bump: () => void;
}

export function workbookChanges(): WorkbookChanges {
  return store();
}

/** Runs a write on the session workbook and tells the grids, whether it succeeded or not. */
export function announced<A extends unknown[], R>(changes: WorkbookChanges, f: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await f(...args);
    } finally {
      changes.bump();
    }
  };
}

/** What every panel gets from the composition root. */
export interface Session {
  access: WorkbookAccess;
  changes: WorkbookChanges;
}
