/**
 * The task pane's panels, one component each. A panel gets its data and effects as props from
 * here; nothing inside a panel calls Office. Panels that touch the workbook get it through
 * PanelContext: the Office adapter in Excel, one in-memory workbook without Excel.
 */
import { useSyncExternalStore, type ReactNode } from "react";
import { readExisting, scaffold, settingsFromWorkbook } from "../app/scaffold";
import { LIBRARY } from "../core/functions/library";
import { REALISASI_ANGGARAN } from "../core/layouts";
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import { FunctionPlayground } from "./components/FunctionPlayground";
import { ImporSipdPanel, type ImporSipdPanelProps } from "./components/ImporSipdPanel";
import { SiapkanLembarPanel, type SiapkanLembarPanelProps } from "./components/SiapkanLembarPanel";
import { WorkbookPreview } from "./components/WorkbookPreview";
import { saveFile } from "./download";
import { EXAMPLES, evaluateFunction, exampleFor } from "./playground";
import { workbookGrid } from "./sheet-view";
import type { HostInfo } from "./host";
import type { WorkbookAccess } from "./workbook-access";

export interface PanelState {
  /** Whether the panel's tab is the one shown. */
  active: boolean;
}

export interface PanelSpec {
  id: string;
  label: string;
  render: (state: PanelState) => ReactNode;
}

export interface PanelContext {
  host: HostInfo;
  workbook: WorkbookAccess;
}

/**
 * "The session workbook changed": every panel that writes to it bumps this, every grid of it
 * listens, so the grid under Siapkan Lembar also shows what Impor SIPD wrote.
 */
export interface WorkbookChanges {
  version: () => number;
  subscribe: (listener: () => void) => () => void;
  bump: () => void;
}

export function workbookChanges(): WorkbookChanges {
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

/** Runs a write on the session workbook and tells the grids, whether it succeeded or not. */
function announced<A extends unknown[], R>(changes: WorkbookChanges, f: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await f(...args);
    } finally {
      changes.bump();
    }
  };
}

export function createPanels(context: PanelContext): PanelSpec[] {
  const changes = workbookChanges();
  return [
    {
      id: "fungsi",
      label: "Fungsi",
      render: () => (
        <FunctionPlayground
          functions={LIBRARY}
          evaluate={evaluateFunction}
          initialInputs={exampleFor}
          exampleSource={(fn) => EXAMPLES[fn.id]?.source}
        />
      ),
    },
    siapkanPanel(context.workbook, changes),
    imporPanel(context.workbook, changes),
  ];
}

/** The use-cases "Siapkan Lembar" needs, bound to the host's workbook. */
export function siapkanProps(access: WorkbookAccess, changes: WorkbookChanges = workbookChanges()): Omit<SiapkanLembarPanelProps, "active"> {
  const run: SiapkanLembarPanelProps["scaffold"] = async (input, onProgress) => scaffold(await access.port(), input, onProgress);
  return {
    loadSettings: async () => settingsFromWorkbook(await readExisting(await access.port())),
    scaffold: access.kind === "memory" ? announced(changes, run) : run,
    showRoundTrips: access.kind === "office",
    ...(access.kind === "memory" ? { preview: memoryPreview(access.memory, changes) } : {}),
  };
}

function siapkanPanel(access: WorkbookAccess, changes: WorkbookChanges): PanelSpec {
  const props = siapkanProps(access, changes);
  return { id: "siapkan", label: "Siapkan Lembar", render: ({ active }) => <SiapkanLembarPanel active={active} {...props} /> };
}

/** Loads a chunk once for the session; a failed load is not cached, so the next attempt retries it. */
export function lazyChunk<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}

/** The parser and the import use-case: fetched when the panel first reads something, not with the pane. */
const loadImpor = lazyChunk(() => import(/* webpackChunkName: "impor-sipd" */ "./impor-lra"));

/** The use-cases "Impor SIPD" needs, bound to the host's workbook. */
export function imporProps(access: WorkbookAccess, changes: WorkbookChanges = workbookChanges(), load = loadImpor): Omit<ImporSipdPanelProps, "active"> {
  const run: ImporSipdPanelProps["importLra"] = async (lra, onProgress, options) => (await load()).importLra(await access.port(), lra, onProgress, options);
  return {
    parse: async (text, source) => (await load()).readLra(text, source),
    readSelection: async (onProgress) => (await load()).readSelection(await access.port(), access.kind, onProgress),
    importLra: access.kind === "memory" ? announced(changes, run) : run,
    showRoundTrips: access.kind === "office",
    // after an import the grid opens on the sheet it filled
    ...(access.kind === "memory" ? { preview: memoryPreview(access.memory, changes, REALISASI_ANGGARAN.sheet) } : {}),
  };
}

function imporPanel(access: WorkbookAccess, changes: WorkbookChanges): PanelSpec {
  const props = imporProps(access, changes);
  return { id: "impor", label: "Impor SIPD", render: ({ active }) => <ImporSipdPanel active={active} {...props} /> };
}

function memoryPreview(memory: MemoryWorkbook, changes: WorkbookChanges, preferredSheet?: string): (revision: number) => ReactNode {
  const loadGrid = () => workbookGrid(memory);
  const download = async () => {
    // ExcelJS (about 1 MB) is fetched only now, as its own chunk
    const { exportXlsxFile } = await import(/* webpackChunkName: "xlsx-export" */ "../app/export-xlsx");
    const file = await exportXlsxFile(memory);
    saveFile(file.name, file.bytes);
    return file.name;
  };
  return (revision) => <SessionPreview revision={revision} changes={changes} loadGrid={loadGrid} download={download} preferredSheet={preferredSheet} />;
}

/** The grid of the session workbook, reloaded after a panel's own run and after any panel's write. */
function SessionPreview({ revision, changes, ...rest }: { revision: number; changes: WorkbookChanges; loadGrid: () => ReturnType<typeof workbookGrid>; download: () => Promise<string>; preferredSheet: string | undefined }) {
  const version = useSyncExternalStore(changes.subscribe, changes.version);
  // both only grow, so their sum changes whenever either does
  return <WorkbookPreview revision={revision + version} {...rest} />;
}
