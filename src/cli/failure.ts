/**
 * A command that cannot go on throws a CliFailure: the Indonesian message the user reads and the exit
 * code from exit-codes.ts. Errors of the file system are turned into one here, by their errno code;
 * anything else is a bug, said without a stack trace (SAKIP_DEBUG=1 prints it).
 */
import { basename, dirname } from "node:path";
import { message, type MessageCode, type MessageParams } from "../core/messages.id";
import { EXIT, type ExitCode } from "./exit-codes";

export class CliFailure extends Error {
  constructor(
    text: string,
    readonly exitCode: ExitCode,
  ) {
    super(text);
    this.name = "CliFailure";
  }

  static of(code: MessageCode, params: MessageParams, exitCode: ExitCode): CliFailure {
    return new CliFailure(message(code, params), exitCode);
  }
}

/** The errno code of an error, looking inside the AggregateError of a save that also failed to clean up. */
export function errnoOf(error: unknown): string | undefined {
  if (error instanceof AggregateError) return errnoOf(error.errors[0]);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : undefined;
}

const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/** A failure to read `path`; null when the error is not the file system's. */
export function readFailure(error: unknown, path: string): CliFailure | null {
  switch (errnoOf(error)) {
    case undefined:
      return null;
    case "ENOENT":
    case "ENOTDIR":
      return CliFailure.of("file-missing", { path }, EXIT.unreadable);
    case "EISDIR":
      return CliFailure.of("file-is-folder", { path }, EXIT.unreadable);
    case "EACCES":
    case "EPERM":
      return CliFailure.of("file-no-permission", { path }, EXIT.unreadable);
    default:
      return CliFailure.of("file-unreadable", { path, detail: detailOf(error) }, EXIT.unreadable);
  }
}

/** A failure to write `path`; null when the error is not the file system's. */
export function writeFailure(error: unknown, path: string): CliFailure | null {
  switch (errnoOf(error)) {
    case undefined:
      return null;
    case "EACCES":
    case "EPERM":
    case "EROFS":
    case "EBUSY":
    case "ETXTBSY":
      return CliFailure.of("save-no-permission", { path }, EXIT.permission);
    case "ECHANGED":
      return CliFailure.of("save-changed", { path }, EXIT.permission);
    case "ENOSPC":
    case "EDQUOT":
      return CliFailure.of("save-disk-full", { path }, EXIT.diskFull);
    case "ENOENT":
    case "ENOTDIR":
      return CliFailure.of("save-no-folder", { folder: dirname(path), name: basename(path) }, EXIT.noFolder);
    case "EISDIR":
      return CliFailure.of("file-is-folder", { path }, EXIT.usage);
    default:
      return CliFailure.of("save-failed", { path, detail: detailOf(error) }, EXIT.permission);
  }
}

/** Anything a command threw, as what the user reads and the exit code. */
export function describeFailure(error: unknown): { text: string; exitCode: ExitCode } {
  if (error instanceof CliFailure) return { text: error.message, exitCode: error.exitCode };
  const detail = detailOf(error);
  const stack = process.env.SAKIP_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : "";
  return { text: message("cli-internal", { detail }) + stack, exitCode: EXIT.internal };
}
