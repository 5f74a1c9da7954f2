/**
 * The "Impor SIPD" panel's light half, kept out of the components: its texts, its types and how a
 * failure is explained to the user. The parser and the reading of cells are in impor-lra.ts, a chunk
 * of its own that the panel loads when it first reads something.
 */
import type { ImportProgress } from "../app/import-sipd";
import { message } from "../core/messages.id";
import type { ImportRefusal, LraParseSuccess, Severity } from "../core/sipd";
import { formatAngka } from "../core/numbers";
import { WorkbookRuleError, type RangeRef } from "../workbook/port";
import { booleanProp, stringProp, type FailureText } from "./siapkan";

// ─── reading the selected cells ──────────────────────────────────────────────────────────────────

/**
 * Beyond this the selection is not one LRA: a whole province's export is ~100.000 rows × 9 columns.
 * Also keeps Excel's 5-million-cell read limit far away.
 */
export const MAX_SELECTION_CELLS = 2_000_000;

/** Where a text read from cells came from; line n of the text is sheet row `range.row + n - 1`. */
export interface CellSource {
  sheet: string;
  /** The block read: the selection clipped to the sheet's used range. */
  range: RangeRef;
  /** `'LRA Juni'!A1:I314` */
  address: string;
  /** One cell was selected, so the sheet's whole used range was read. */
  wholeSheet: boolean;
}

export type SelectionRead =
  | { ok: true; text: string; source: CellSource }
  | { ok: false; reason: "none" | "empty" | "too-large"; message: string };

export type ReadProgress = { phase: "memilih" | "membaca" | "mengurai"; fraction: number };

export const READ_PHASE_TEXT: Readonly<Record<ReadProgress["phase"], string>> = {
  memilih: "Mencari sel terpilih…",
  membaca: "Membaca sel…",
  mengurai: "Membaca isi LRA…",
};

/** What to do when nothing is selected, in the words of the host the user is in. */
export function noSelectionMessage(kind: "office" | "memory"): string {
  return kind === "office"
    ? "Tidak ada rentang sel terpilih di Excel (bagan, gambar, atau beberapa rentang terpisah juga tidak terbaca). Pilih sel berisi LRA yang ditempel — satu rentang, atau satu sel di lembarnya — lalu coba lagi."
    : "Buku kerja sesi ini belum punya sel terpilih: tanpa Excel tidak ada lembar untuk menempel LRA. Tempel LRA di kotak di atas, lalu tekan Baca.";
}

// ─── the preview ─────────────────────────────────────────────────────────────────────────────────

/**
 * A text read: the parsed LRA and its preview, or the parser's reason for refusing it; `parsedIn`
 * says the parse ran in the worker (absent: on the page).
 */
export type ParsedLra = { ok: true; lra: LraParseSuccess; view: LraView; parsedIn?: ParsedIn } | { ok: false; message: string; parsedIn?: ParsedIn };

export type ParsedIn = "worker" | "main";

/** How the reading of a text reports and stops: progress 0–1 while it runs; aborting ends it. */
export interface ReadTextOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** The reading was stopped by the user (Batal); nothing was read. */
export class ReadCancelled extends Error {
  constructor() {
    super("Pembacaan dibatalkan.");
    this.name = "ReadCancelled";
  }
}

/** Findings listed per severity; the rest are counted (every one is in the Rincian SIPD sheet after the import). */
export const MAX_FINDINGS_SHOWN = 200;

export interface Fact {
  label: string;
  value: string;
}

export interface FindingItem {
  /** "Baris 49", or "Baris 53 di lembar LRA Juni" for cells */
  where: string;
  rule: string;
  message: string;
  kode?: string;
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  count: number;
  items: FindingItem[];
  /** Findings not listed (over MAX_FINDINGS_SHOWN). */
  hidden: number;
}

export interface LraView {
  /** SKPD, organisasi, tahun, bulan. */
  facts: Fact[];
  /** The TW column the import fills ("s/d TW II (Juni)"), or null when the month ends no quarter. */
  twColumn: string | null;
  /** What the import fills, said in full. */
  columnNote: string;
  /** Per level, as "6 program". */
  counts: Fact[];
  /** Data rows read (kode rekening rows, the footer not counted). */
  dataRows: number;
  totals: Fact[];
  /** Error, warning, info — only the severities that occur. */
  findings: FindingGroup[];
  /** Why the import cannot run, or null. */
  blocker: string | null;
}

// ─── the text box ────────────────────────────────────────────────────────────────────────────────

/** "314 baris, 38,1 KB" for the caption under the paste box. */
export function textSize(text: string): string {
  if (text === "") return "Kosong.";
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < text.length - 1; i = text.indexOf("\n", i + 1)) lines++;
  return `${formatAngka(lines, "count")} baris, ${bytesLabel(text.length)}`;
}

/** Characters as KB/MB (the text's UTF-16 length; near enough to what was pasted). */
export function bytesLabel(chars: number): string {
  if (chars < 1024) return `${chars} karakter`;
  if (chars < 1024 * 1024) return `${formatAngka(chars / 1024, "ratio", { decimals: 1 })} KB`;
  return `${formatAngka(chars / (1024 * 1024), "ratio", { decimals: 1 })} MB`;
}

/**
 * Resolves after the browser has painted what was just rendered (a spinner), so a long synchronous
 * parse that follows does not run before the user sees that work started.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(later);
    else later();
  });
}

// ─── the import ──────────────────────────────────────────────────────────────────────────────────

export const IMPORT_PHASE_TEXT: Readonly<Record<ImportProgress["phase"], string>> = {
  membaca: "Membaca buku kerja (dan menyiapkan lembar standar bila belum ada)…",
  menyiapkan: "Menyusun baris Realisasi Anggaran dan Rincian SIPD…",
  menulis: "Menulis ke lembar kerja…",
  selesai: "Selesai.",
};

/**
 * Explains an exception from the import. importLra reads, then writes the standard sheets it needs,
 * the LRA and the journal entry in one batch; what the workbook looks like afterwards is what the
 * adapter says it restored (OfficeWorkbookError.restored, read structurally so this module does not
 * load the Office adapter).
 */
export function describeImportFailure(error: unknown, phase: ImportProgress["phase"]): FailureText {
  const message = error instanceof Error ? error.message : String(error);
  const code = stringProp(error, "code");
  const restored = booleanProp(error, "restored");
  let state: string;
  if (error instanceof WorkbookRuleError || (phase === "membaca" && restored === undefined)) {
    state = "Belum ada yang ditulis ke buku kerja.";
  } else if (restored === true) {
    // the standard sheets an import prepares are written in the same batch as the LRA
    state = phase === "membaca" ? "Buku kerja sudah dikembalikan seperti sebelum impor." : "Tidak ada yang tertulis: buku kerja dikembalikan seperti sebelum impor.";
  } else {
    state =
      "Sebagian perubahan mungkin sudah tertulis. Periksa buku kerja, lalu impor lagi: baris dicocokkan menurut kode, jadi tidak ada yang tergandakan.";
  }
  const title = phase === "membaca" && restored === undefined ? "Buku kerja tidak dapat dibaca" : "Impor gagal";
  return code === undefined ? { title, message, state } : { title, message, state, code };
}

/** A refusal of the import as the user reads it. */
export function refusalText(r: Pick<ImportRefusal, "code" | "params">): string {
  return message(r.code, r.params);
}

/** A failure while reading the selected cells: nothing is written by reading. */
export function describeReadFailure(error: unknown): FailureText {
  const message = error instanceof Error ? error.message : String(error);
  const code = stringProp(error, "code");
  const base = { title: "Sel terpilih tidak dapat dibaca", message, state: "Buku kerja tidak diubah." };
  return code === undefined ? base : { ...base, code };
}
