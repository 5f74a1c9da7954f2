import { message, type MessageCode, type MessageParams } from "./messages.id";

/**
 * The result of every indicator computation. Problems in the data are values, not exceptions:
 * `blank` when an input is missing (the cell stays empty), `error` when the inputs cannot give
 * a number (the cell shows an Excel error with the message).
 */
export type Outcome<T = number> =
  | { kind: "value"; value: T }
  | { kind: "blank"; code: MessageCode; message: string }
  | { kind: "error"; code: MessageCode; excel: ExcelErrorType; message: string };

/** The Excel error a failed computation shows; custom messages are possible on #VALUE! and #N/A only. */
export type ExcelErrorType = "#VALUE!" | "#N/A" | "#DIV/0!";

export const value = <T>(v: T): Outcome<T> => ({ kind: "value", value: v });

export function blank<T = number>(code: MessageCode, params: MessageParams = {}): Outcome<T> {
  return { kind: "blank", code, message: message(code, params) };
}

export function failure<T = number>(code: MessageCode, params: MessageParams = {}, excel: ExcelErrorType = "#VALUE!"): Outcome<T> {
  return { kind: "error", code, excel, message: message(code, params) };
}

export function isValue<T>(o: Outcome<T>): o is { kind: "value"; value: T } {
  return o.kind === "value";
}
