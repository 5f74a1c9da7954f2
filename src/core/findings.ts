/**
 * One finding type for the whole product: the SIPD paste parser, the workbook validator (Periksa)
 * and the export gate all report this. Shaped like a zod issue: a check pushes the rule, the message
 * code and its parameters; the container says where; the Indonesian text is rendered at the edge
 * from the message catalogue (messages.id.ts).
 */
import { addressText, rangeText, type Address, type RangeRef } from "./address";
import { message, type MessageCode, type MessageParams } from "./messages.id";

/** galat blocks an export; peringatan must be confirmed; info is for the record. */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** What users read. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: "galat", warning: "peringatan", info: "info" };

/** Where a finding is: a cell or a range of a sheet, or a line of pasted text. */
export type Location =
  | ({ kind: "cell" } & Address)
  | ({ kind: "range" } & RangeRef)
  | {
      kind: "line";
      /** 1-based line of the pasted text */
      line: number;
      /** the field of the line: a column name of the export, "kode" or "fields" */
      column?: string;
      /** the kode rekening of the line, when it has one */
      kode?: string;
    };

export interface Finding {
  /** Catalogue rule (SPEC f and src/core/rules/catalogue.ts): R-CAP-01, R-SUM-01 … */
  rule: string;
  /** What exactly was found; several codes share a rule. */
  code: MessageCode;
  severity: Severity;
  at: Location;
  /** The value as it stands, and the value it should have, when a value is at issue. */
  stated?: number | string;
  expected?: number | string;
  /** Parameters of the message. */
  params: MessageParams;
  /** Other places involved: the children of a sum, the other jabatan's row, the first of a duplicate. */
  related?: Location[];
  /** A safe one-click repair, where the right content is certain. */
  fix?: Fix;
}

/**
 * A repair Periksa can make: put the column's standard formula back, or write the number the cell
 * meant (a percent typed into a plain column, a number stored as text). Undoable: the app keeps
 * what the cell held.
 */
export type Fix =
  | { kind: "restore-formula"; at: Address; formula: string }
  | { kind: "set-number"; at: Address; value: number; numberFormat: string };

export const cellAt = (a: Address): Location => ({ kind: "cell", sheet: a.sheet, row: a.row, col: a.col });
export const lineAt = (line: number, extra: { column?: string; kode?: string } = {}): Location => ({ kind: "line", line, ...extra });

/** The Indonesian message of a finding. */
export function findingMessage(f: Pick<Finding, "code" | "params">): string {
  const text = message(f.code, f.params);
  // a note of the SIPD export itself, shown at import and kept in Rincian SIPD's Temuan column: why
  // Periksa lists as info what Impor SIPD listed as peringatan or galat
  return f.params.importNoted ? `${text} ${message("sipd-noted-at-import")}` : text;
}

/** "Capaian!M7", "Realisasi Anggaran!D7:D9" or "baris 12". */
export function locationText(at: Location): string {
  switch (at.kind) {
    case "cell":
      return addressText(at);
    case "range":
      return rangeText(at);
    case "line":
      return `baris ${at.line}`;
  }
}

/** The sheet of a location; null for a text line. */
export const locationSheet = (at: Location): string | null => (at.kind === "line" ? null : at.sheet);

/** Sort key: sheet order is the caller's; within a sheet by row, then column; lines by number. */
export function compareLocations(a: Location, b: Location): number {
  if (a.kind === "line" || b.kind === "line") {
    if (a.kind === "line" && b.kind === "line") return a.line - b.line;
    return a.kind === "line" ? 1 : -1;
  }
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  return a.row - b.row || a.col - b.col;
}

/** Counts by severity. */
export function countBySeverity(findings: readonly Pick<Finding, "severity">[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
