/**
 * The "Periksa" panel's logic, kept out of the component: the findings of a run grouped by severity
 * and sheet, each with its cell, rule, message, the rule's catalogue text and its fix, and how a
 * failure is explained. Part of the panel's own chunk (it brings the rule catalogue along).
 */
import { rangeA1 } from "../core/address";
import { findingMessage, locationText, SEVERITIES, SEVERITY_LABEL, type Finding, type Location, type Severity } from "../core/findings";
import { STANDARD_LAYOUTS } from "../core/layouts";
import { RINCIAN_SHEET } from "../core/layouts/rincian";
import { RULES, isRuleId } from "../core/rules/catalogue";
import { fixLabel, type ValidateProgress } from "../app/validate";
import type { Address } from "../workbook/port";
import { booleanProp, stringProp, type FailureText } from "./siapkan";

/** Findings listed per sheet at first; "Tampilkan lagi" adds as many again. Thousands stay usable. */
export const FINDINGS_PAGE = 50;

export interface RuleText {
  title: string;
  why: string;
  fix: string;
}

export interface FindingItem {
  /** Position in the run: stable while the run is shown. */
  id: number;
  finding: Finding;
  /** "O8", "D7:D9" within its sheet; "baris 12" for a text line. */
  cell: string;
  /** "'Cost per Outcome'!L8": the cell with its sheet. */
  where: string;
  rule: string;
  message: string;
  /** The rule's catalogue entry (title, why it matters, how to fix). */
  ruleText: RuleText | null;
  /** What the one-click fix does, when the finding has one. */
  fixLabel: string | null;
  /** The cell a click selects (a range: its first cell); null for a text line. */
  target: Address | null;
}

export interface SheetGroup {
  /** "" for findings without a sheet (text lines). */
  sheet: string;
  items: FindingItem[];
}

export interface SeverityGroup {
  severity: Severity;
  /** "Galat", "Peringatan", "Info" */
  title: string;
  count: number;
  sheets: SheetGroup[];
}

export interface PeriksaReport {
  /** The standard sheets the workbook has (and Rincian SIPD): what the rules looked at. */
  checked: string[];
  total: number;
  counts: Record<Severity, number>;
  /** Only severities with findings, galat first. */
  groups: SeverityGroup[];
  checkedAt: Date;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const SEVERITY_TITLE: Readonly<Record<Severity, string>> = {
  error: capital(SEVERITY_LABEL.error),
  warning: capital(SEVERITY_LABEL.warning),
  info: capital(SEVERITY_LABEL.info),
};

function cellText(at: Location): string {
  switch (at.kind) {
    case "cell":
      return rangeA1({ row: at.row, col: at.col, rows: 1, cols: 1 });
    case "range":
      return rangeA1(at);
    case "line":
      return `baris ${at.line}`;
  }
}

const targetOf = (at: Location): Address | null => (at.kind === "line" ? null : { sheet: at.sheet, row: at.row, col: at.col });

/**
 * The findings of a run as the panel lists them: by severity (galat, peringatan, info), then by sheet
 * in the order the findings come (validateWorkbook sorts them in workbook order, then row and column).
 */
export function periksaReport(findings: readonly Finding[], checked: readonly string[], checkedAt: Date = new Date()): PeriksaReport {
  const bySeverity = new Map<Severity, Map<string, FindingItem[]>>();
  findings.forEach((f, id) => {
    const sheet = f.at.kind === "line" ? "" : f.at.sheet;
    let sheets = bySeverity.get(f.severity);
    if (!sheets) bySeverity.set(f.severity, (sheets = new Map()));
    let items = sheets.get(sheet);
    if (!items) sheets.set(sheet, (items = []));
    const rule = isRuleId(f.rule) ? RULES[f.rule] : null;
    items.push({
      id,
      finding: f,
      cell: cellText(f.at),
      where: locationText(f.at),
      rule: f.rule,
      message: findingMessage(f),
      ruleText: rule && { title: rule.title, why: rule.why, fix: rule.fix },
      fixLabel: f.fix ? fixLabel(f.fix) : null,
      target: targetOf(f.at),
    });
  });
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const sheets = bySeverity.get(severity);
    if (!sheets) continue;
    const list = [...sheets].map(([sheet, items]) => ({ sheet, items }));
    counts[severity] = list.reduce((n, s) => n + s.items.length, 0);
    groups.push({ severity, title: SEVERITY_TITLE[severity], count: counts[severity], sheets: list });
  }
  return { checked: [...checked], total: findings.length, counts, groups, checkedAt };
}

/** The sheets of the workbook Periksa reads: the standard ones and Rincian SIPD, in workbook order. */
export function checkedSheets(sheetNames: readonly string[]): string[] {
  const known = new Set([...STANDARD_LAYOUTS.map((l) => l.sheet.toLowerCase()), RINCIAN_SHEET.toLowerCase()]);
  return sheetNames.filter((s) => known.has(s.toLowerCase()));
}

/** "3 galat, 1 peringatan, 12 info" — zero counts included, so the line always reads the same way. */
export function countsLine(counts: Record<Severity, number>): string {
  return SEVERITIES.map((s) => `${counts[s]} ${SEVERITY_LABEL[s]}`).join(", ");
}

/** "pukul 10.32" as Indonesians write the time. */
export function timeText(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `pukul ${two(d.getHours())}.${two(d.getMinutes())}`;
}

export const PERIKSA_PHASE_TEXT: Readonly<Record<ValidateProgress["phase"], string>> = {
  membaca: "Membaca buku kerja…",
  memeriksa: "Memeriksa setiap aturan…",
  selesai: "Selesai.",
};

/** Explains a failed run (nothing is written by Periksa, so the workbook is as it was). */
export function describeRunFailure(error: unknown): FailureText {
  const message = error instanceof Error ? error.message : String(error);
  const code = stringProp(error, "code");
  const base = { title: "Buku kerja tidak dapat diperiksa", message, state: "Periksa tidak mengubah buku kerja." };
  return code === undefined ? base : { ...base, code };
}

/** Explains a failed fix or undo: the port's writes are all or nothing, unless the host says otherwise. */
export function describeWriteFailure(error: unknown, what: "fix" | "undo"): FailureText {
  const message = error instanceof Error ? error.message : String(error);
  const code = stringProp(error, "code");
  const restored = booleanProp(error, "restored");
  const title = what === "fix" ? "Perbaikan gagal" : "Pembatalan gagal";
  const state =
    restored === false
      ? "Sel itu mungkin sudah berubah sebagian; periksa selnya, lalu jalankan Periksa lagi."
      : "Buku kerja tidak diubah.";
  return code === undefined ? { title, message, state } : { title, message, state, code };
}

/** Explains a failed selection in Excel. */
export function describeSelectFailure(error: unknown, where: string): FailureText {
  const message = error instanceof Error ? error.message : String(error);
  const code = stringProp(error, "code");
  const base = { title: `Sel ${where} tidak dapat dipilih`, message, state: "Buku kerja tidak diubah." };
  return code === undefined ? base : { ...base, code };
}
