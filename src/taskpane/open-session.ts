/**
 * "Buka .xlsx" bound to the session: the user's file read in the browser, opened by the use-case
 * (app/open-xlsx.ts, with ExcelJS) and, when it opens, made the session workbook that every panel and
 * grid uses. A chunk of its own, fetched when the user first picks or drops a file.
 */
import { checkSize, openXlsx, OPEN_STAGE_TEXT, type OpenStage } from "../app/open-xlsx";
import { SessionWorkbook } from "../app/session-workbook";
import type { WorkbookChanges } from "./session";
import type { OpenOutcome } from "./opener";
import type { MemoryAccess } from "./workbook-access";

export type { OpenOutcome } from "./opener";

/** Whether the session workbook holds changes not downloaded since it was opened or last downloaded. */
export async function unsavedChanges(access: MemoryAccess): Promise<boolean> {
  const current = await access.port();
  if (current instanceof SessionWorkbook) return current.unsaved;
  // a plain memory workbook (tests) does not track downloads: any sheet is work to keep
  return (await current.sheets()).length > 0;
}

/** Reads and opens `file`; on success it replaces the session workbook and every grid reloads. */
export async function openIntoSession(access: MemoryAccess, changes: WorkbookChanges, file: File, onStage: (text: string) => void): Promise<OpenOutcome> {
  const tooBig = checkSize(file.name, file.size);
  if (tooBig) return { ok: false, message: tooBig };
  onStage(OPEN_STAGE_TEXT.reading);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { ok: false, message: `${file.name} tidak dapat dibaca dari perangkat (${error instanceof Error ? error.message : String(error)}). Pilih berkasnya lagi.` };
  }
  const result = await openXlsx(file.name, bytes, (stage: OpenStage) => onStage(OPEN_STAGE_TEXT[stage]));
  if (!result.ok) return result;
  access.replace(result.workbook);
  changes.bump();
  return { ok: true, name: file.name, sheets: result.sheets };
}
