/**
 * What the panels of one task pane share: the workbook, "the workbook changed" (every grid of the
 * session workbook reloads), "show this cell" (Periksa points the no-Excel grid at a finding) and
 * "open this tab" (Laporan sends the user to Periksa).
 * Panels get these from the composition root (panels.tsx), never make them. No components here: this
 * is part of the first load.
 */
import type { Address } from "../workbook/port";
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

/** A cell the grid is asked to show; `seq` tells two requests for the same cell apart. */
export interface FocusRequest extends Address {
  seq: number;
}

/** "Show this cell": the grid switches to its sheet, scrolls to it and marks it. */
export interface GridFocus extends Store {
  current: () => FocusRequest | null;
  show: (at: Address) => void;
}

export function gridFocus(): GridFocus {
  const s = store();
  let current: FocusRequest | null = null;
  return {
    version: s.version,
    subscribe: s.subscribe,
    current: () => current,
    show: (at) => {
      current = { sheet: at.sheet, row: at.row, col: at.col, seq: s.version() + 1 };
      s.bump();
    },
  };
}

/**
 * "Open this tab": a panel asks the pane to show another panel (Laporan's "Buka Periksa" when a galat
 * blocks the report). The App listens; a panel only names the tab.
 */
export interface TabSwitch extends Store {
  requested: () => string | null;
  show: (panelId: string) => void;
}

export function tabSwitch(): TabSwitch {
  const s = store();
  let requested: string | null = null;
  return {
    version: s.version,
    subscribe: s.subscribe,
    requested: () => requested,
    show: (panelId) => {
      requested = panelId;
      s.bump();
    },
  };
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
  focus: GridFocus;
  tabs: TabSwitch;
}
