/**
 * Use-case "Unduh .xlsx" of the no-Excel mode: the session's memory workbook replayed into the
 * ExcelJS adapter and written as file bytes. The task pane imports this module dynamically, so
 * ExcelJS is only loaded when the user downloads.
 */
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { exportOpened, openedFileName } from "./open-xlsx";
import { readExisting, settingsFromWorkbook } from "./scaffold";
import { SessionWorkbook } from "./session-workbook";

/** The memory workbook as .xlsx bytes. Throws when it has no sheet (an .xlsx needs one). */
export async function exportXlsx(memory: MemoryWorkbook): Promise<Uint8Array> {
  const xlsx = XlsxWorkbook.create();
  await xlsx.apply(memory.snapshotOps());
  return toBytes(await xlsx.toBuffer());
}

export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
  /** To call once the bytes are handed to the user: the session has no unsaved changes up to this export. */
  markSaved: () => void;
}

/**
 * The bytes plus a file name. A workbook opened from the user's file is that file with the session's
 * changes (open-xlsx.ts: nothing of it lost), under its own name; any other is rebuilt from the memory
 * workbook, named from its own Pengaturan sheet, as the user last saved it.
 */
export async function exportXlsxFile(memory: MemoryWorkbook): Promise<ExportedFile> {
  const session = memory instanceof SessionWorkbook ? memory : null;
  const revision = session?.revision ?? 0;
  const markSaved = () => session?.saved(revision);
  if (session?.origin) return { name: openedFileName(session.origin.name), bytes: toBytes(await exportOpened(session)), markSaved };
  const settings = settingsFromWorkbook(await readExisting(memory));
  return { name: xlsxFileName(settings), bytes: await exportXlsx(memory), markSaved };
}

/**
 * SAKIP-<unit kerja>-<tahun>-<periode>.xlsx, e.g. SAKIP-Kecamatan_Lumajang-2024-TW_II.xlsx. Characters
 * Windows refuses in file names are dropped and spaces become "_", so the name survives any OS and
 * e-mail; missing parts are left out.
 */
export function xlsxFileName(settings: { unitKerja?: unknown; tahun?: unknown; periode?: unknown }): string {
  const parts = [settings.unitKerja, settings.tahun, settings.periode]
    .map((p) => (typeof p === "string" || typeof p === "number" ? fileNamePart(String(p)) : ""))
    .filter((p) => p !== "");
  return `${["SAKIP", ...parts].join("-")}.xlsx`;
}

/** One part of a file name: no characters Windows refuses, spaces as "_", no leading or trailing dot. */
export function fileNamePart(part: string): string {
  return (
    part
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, "")
      .trim()
      .replace(/\s+/g, "_")
      // a trailing dot or a leading one hides or breaks the file on Windows
      .replace(/^\.+|\.+$/g, "")
      .slice(0, 80)
  );
}

/** A plain Uint8Array view, whatever byte container ExcelJS produced (a Node Buffer under Node). */
function toBytes(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  if (bytes instanceof Uint8Array) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Uint8Array(bytes);
}
