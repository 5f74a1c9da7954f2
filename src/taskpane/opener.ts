/**
 * What the shell's "Buka .xlsx…" needs of the session, without loading anything: the work is in the
 * open-session chunk (and ExcelJS), fetched when the user first picks or drops a file.
 */
import { lazyChunk } from "./lazy";
import type { WorkbookChanges } from "./session";
import type { MemoryAccess } from "./workbook-access";

export type OpenOutcome = { ok: true; name: string; sheets: string[] } | { ok: false; message: string };

export interface WorkbookOpener {
  /** Whether opening would discard changes not yet downloaded. */
  unsaved: () => Promise<boolean>;
  /** Opens the file as the session workbook; `onStage` gets the progress line's text. */
  open: (file: File, onStage: (text: string) => void) => Promise<OpenOutcome>;
}

const loadOpenSession = lazyChunk(() => import(/* webpackChunkName: "xlsx-open" */ "./open-session"));

export function sessionOpener(access: MemoryAccess, changes: WorkbookChanges): WorkbookOpener {
  return {
    unsaved: async () => (await loadOpenSession()).unsavedChanges(access),
    open: async (file, onStage) => (await loadOpenSession()).openIntoSession(access, changes, file, onStage),
  };
}
