/**
 * The files of a command: the LRA text to read (a path or "-" for stdin), the workbook to open and to
 * save. Every failure is a CliFailure with its exit code.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { decodeText, ENCODING_LABEL, type TextEncoding } from "../core/decode";
import { message } from "../core/messages.id";
import { formatAngka } from "../core/numbers";
import { DEFAULT_MAX_LENGTH, parseLra, type LraParseSuccess } from "../core/sipd";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { EXIT } from "./exit-codes";
import { CliFailure, readFailure, writeFailure } from "./failure";
import type { Io } from "./main";

/** Bytes of an LRA file: the parser's limit in characters, twice over for UTF-16. */
export const MAX_LRA_BYTES = 2 * DEFAULT_MAX_LENGTH;

const megabytes = (n: number): string => formatAngka(n / (1024 * 1024), "ratio", { decimals: 1 });

function tooLarge(path: string, size: number, limit: number): CliFailure {
  return CliFailure.of("file-too-large", { path, size: megabytes(size), limit: megabytes(limit) }, EXIT.tooLarge);
}

/** The bytes of `path` ("-": stdin), refused beyond `limit` before they are all read. */
export function readBytes(path: string, limit: number): Uint8Array {
  if (path === "-") return readStdin(limit);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw CliFailure.of("file-is-folder", { path }, EXIT.unreadable);
    if (stat.size > limit) throw tooLarge(path, stat.size, limit);
    return readFileSync(path);
  } catch (error) {
    throw readFailure(error, path) ?? error;
  }
}

/** Standard input, whole: a pipe's size is known only once it is read. */
function readStdin(limit: number): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(0);
  } catch (error) {
    throw readFailure(error, "stdin") ?? error;
  }
  if (bytes.length > limit) throw tooLarge("stdin", bytes.length, limit);
  return bytes;
}

const DECODED_HINT: Record<TextEncoding, string> = { "utf-8": "", "utf-16le": " (Teks Unicode dari Excel)", "utf-16be": "", "windows-1252": " (bukan UTF-8)" };

/**
 * An LRA file read, decoded and parsed. A note goes to stderr when it was not UTF-8; a text that is
 * not an LRA is refused with the parser's reason (exit 1, or 5 when it is too large).
 */
export function readLraFile(file: string, io: Io): LraParseSuccess {
  const decoded = decodeText(readBytes(file, MAX_LRA_BYTES));
  const shown = file === "-" ? "stdin" : file;
  if (!decoded.ok) throw new CliFailure(`Berkas ${shown}: ${message(decoded.code, decoded.params)}`, EXIT.data);
  if (decoded.encoding !== "utf-8") {
    io.err(`Catatan: ${message("file-decoded-as", { encoding: ENCODING_LABEL[decoded.encoding], hint: DECODED_HINT[decoded.encoding] })}\n`);
  }
  const r = parseLra(decoded.text);
  if (!r.ok) throw new CliFailure(r.message, r.code === "sipd-too-large" ? EXIT.tooLarge : EXIT.data);
  return r;
}

/** Before any work: the folder a workbook will be saved in exists. */
export function checkFolderOf(path: string): void {
  const folder = dirname(resolve(path));
  let ok = false;
  try {
    ok = statSync(folder).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw CliFailure.of("save-no-folder", { folder: dirname(path), name: basename(path) }, EXIT.noFolder);
}

/** The workbook at `path`, or a new one when there is no file yet. */
export async function openWorkbook(path: string): Promise<{ wb: XlsxWorkbook; existed: boolean }> {
  checkFolderOf(path);
  let existed = true;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw CliFailure.of("file-is-folder", { path }, EXIT.usage);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    if ((error as { code?: string }).code !== "ENOENT") throw readFailure(error, path) ?? error;
    existed = false;
  }
  if (!existed) return { wb: XlsxWorkbook.create(), existed };
  try {
    return { wb: await XlsxWorkbook.fromFile(path), existed };
  } catch (error) {
    const failure = readFailure(error, path);
    if (failure) throw failure;
    // ExcelJS's own words ("Can't find end of central directory"): a damaged or foreign file
    const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    throw CliFailure.of("workbook-unreadable", { path, detail }, EXIT.unreadable);
  }
}

export async function saveWorkbook(wb: XlsxWorkbook, path: string): Promise<void> {
  try {
    await wb.save(path);
  } catch (error) {
    throw writeFailure(error, path) ?? error;
  }
}
