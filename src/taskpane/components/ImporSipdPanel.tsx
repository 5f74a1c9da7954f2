import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  shorthands,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { FailureBar, PhaseProgress, SuccessLines, WarningLines } from "./Feedback";
import type { ImportOptions, ImportProgress, ImportResult } from "../../app/import-sipd";
import { formatAngka } from "../../core/numbers";
import type { LraParseSuccess, Severity } from "../../core/sipd";
// gate.ts alone: the parser stays in its own chunk (impor-lra.ts)
import { refusalKey, type ImportRefusal } from "../../core/sipd/gate";
import type { FailureText } from "../siapkan";
import {
  afterPaint,
  bytesLabel,
  describeImportFailure,
  describeReadFailure,
  IMPORT_PHASE_TEXT,
  READ_PHASE_TEXT,
  refusalText,
  ReadCancelled,
  textSize,
  type CellSource,
  type FindingGroup,
  type LraView,
  type ParsedLra,
  type ParsedIn,
  type ReadProgress,
  type ReadTextOptions,
  type SelectionRead,
} from "../impor";
import { panelLayout } from "./panel-layout";

export interface ImporSipdPanelProps {
  /** Whether the panel's tab is shown; the session workbook is first shown when it is. */
  active: boolean;
  /**
   * parseLra and the preview of what it found; `source` says where the text came from (null: the paste
   * box). Reports progress 0–1 and stops (rejecting with ReadCancelled) when the signal aborts.
   */
  parse: (text: string, source: CellSource | null, options?: ReadTextOptions) => Promise<ParsedLra>;
  /** The LRA in the selected cells of the host's workbook, as text. */
  readSelection: (onProgress: (p: ReadProgress) => void) => Promise<SelectionRead>;
  /** The "Impor SIPD" use-case on the host's workbook; `options` carry what the user confirmed. */
  importLra: (lra: LraParseSuccess, onProgress: (p: ImportProgress) => void, options?: Pick<ImportOptions, "source"> & { confirmed?: readonly string[] }) => Promise<ImportResult>;
  /** Inside Excel: tell how many round trips the writing took. */
  showRoundTrips: boolean;
  /** The workbook itself (no-Excel mode); `revision` changes after every import. */
  preview?: (revision: number) => ReactNode;
}

type Source = { kind: "paste"; size: string } | { kind: "cells"; cells: CellSource };

type ReadState =
  | { status: "idle" }
  | { status: "reading"; label: string; progress: ReadProgress | null }
  /** The selection could not be read: nothing selected, empty, too large (warning) or a host error. */
  | { status: "unread"; failure: FailureText; intent: "warning" | "error" }
  | { status: "refused"; message: string; source: Source }
  | { status: "read"; lra: LraParseSuccess; view: LraView; source: Source; parsedIn: ParsedIn };

type Done = Extract<ImportResult, { ok: true }>;

type RunState =
  | { status: "idle" }
  | { status: "running"; progress: ImportProgress }
  | { status: "done"; result: Done }
  /** The import refused until the user confirms: galat, another SKPD or year than the workbook's. */
  | { status: "confirm"; refusals: readonly ImportRefusal[] }
  | { status: "cancelled"; message: string }
  | { status: "failed"; failure: FailureText };

const useStyles = makeStyles({
  ...panelLayout("minmax(340px, 480px)"),
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
  // Fluent's outline field look; TSV columns line up in a fixed-width font, long lines scroll
  paste: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "180px",
    resize: "vertical",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "pre",
    overflowWrap: "normal",
    overflow: "auto",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { ...shorthands.borderColor(tokens.colorNeutralStroke1Hover), borderBottomColor: tokens.colorNeutralStrokeAccessibleHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorCompoundBrandStroke}`, outlineOffset: "-1px" },
    "::placeholder": { color: tokens.colorNeutralForeground4 },
    ":disabled": {
      color: tokens.colorNeutralForegroundDisabled,
      backgroundColor: tokens.colorTransparentBackground,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      cursor: "not-allowed",
    },
  },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  number: { fontVariantNumeric: "tabular-nums" },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyleType: "none" },
  count: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  // each item starts with its line ("Baris 33"): numbers or bullets would only add noise
  findings: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  finding: { overflowWrap: "anywhere" },
  where: { fontWeight: tokens.fontWeightSemibold },
  code: { fontFamily: tokens.fontFamilyMonospace },
  headerText: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

const BADGE: Readonly<Record<Severity, "danger" | "warning" | "informative">> = { error: "danger", warning: "warning", info: "informative" };
/** The least change of the parse's progress worth a repaint. */
const PROGRESS_STEP = 0.1;
/** How often the size caption under the paste box is refreshed while typing (a 50 MB value is costly to read). */
const SIZE_DEBOUNCE_MS = 200;

/**
 * "Impor SIPD": an LRA pasted into the box or read from the selected cells, previewed (who, when,
 * which column, how many rows, totals, findings), then imported into Realisasi Anggaran and Rincian
 * SIPD with progress; a text that is not an LRA is refused with the parser's reason.
 */
export function ImporSipdPanel({ active, parse, readSelection, importLra, showRoundTrips, preview }: ImporSipdPanelProps) {
  const styles = useStyles();
  // uncontrolled: React never copies a pasted 50 MB text into state on each keystroke
  const box = useRef<HTMLTextAreaElement>(null);
  const sizeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const busy = useRef(false);
  // the reading under way, for Batal
  const reader = useRef<AbortController | null>(null);
  const [size, setSize] = useState("Kosong.");
  const [read, setRead] = useState<ReadState>({ status: "idle" });
  const [stale, setStale] = useState(false);
  const [run, setRun] = useState<RunState>({ status: "idle" });
  const [revision, setRevision] = useState(0);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);
  useEffect(() => () => clearTimeout(sizeTimer.current), []);

  const reading = read.status === "reading";
  const running = run.status === "running";
  const locked = reading || running;

  const onInput = () => {
    if (read.status === "read" || read.status === "refused") setStale(read.source.kind === "paste");
    clearTimeout(sizeTimer.current);
    sizeTimer.current = setTimeout(() => setSize(textSize(box.current?.value ?? "")), SIZE_DEBOUNCE_MS);
  };

  /**
   * Parses after the spinner is on screen (without a worker the parse blocks the page while it runs),
   * showing its progress; Batal aborts it.
   */
  const parseInto = async (text: string, source: Source, label: string, signal: AbortSignal) => {
    await afterPaint();
    if (signal.aborted) throw new ReadCancelled();
    // every repaint while the box holds megabytes costs the browser tenths of a second: a step per tenth
    let shown = -1;
    const r = await parse(text, source.kind === "cells" ? source.cells : null, {
      signal,
      onProgress: (fraction) => {
        if (fraction - shown < PROGRESS_STEP) return;
        shown = fraction;
        setRead({ status: "reading", label, progress: { phase: "mengurai", fraction } });
      },
    });
    setStale(false);
    if (r.ok) setRead({ status: "read", lra: r.lra, view: r.view, source, parsedIn: r.parsedIn ?? "main" });
    else setRead({ status: "refused", message: r.message, source });
  };

  /** Starts a reading that Batal can stop (reading cells runs to its end; the parse after it does not start). */
  const startReading = (): AbortSignal => {
    const controller = new AbortController();
    reader.current = controller;
    return controller.signal;
  };

  const cancelled = (error: unknown): boolean => {
    if (!(error instanceof ReadCancelled)) return false;
    setRead({
      status: "unread",
      failure: { title: "Pembacaan dibatalkan", message: "Belum ada yang dibaca; teks di kotak tetap ada. Tekan Baca untuk membaca lagi.", state: "" },
      intent: "warning",
    });
    return true;
  };

  const readPaste = async () => {
    if (busy.current) return;
    busy.current = true;
    const text = box.current?.value ?? "";
    const sized = textSize(text);
    setSize(sized);
    setRun({ status: "idle" });
    setRead({ status: "reading", label: `Membaca ${bytesLabel(text.length)}…`, progress: null });
    try {
      await parseInto(text, { kind: "paste", size: sized }, `Membaca ${bytesLabel(text.length)}…`, startReading());
    } catch (error) {
      if (!cancelled(error)) setRead({ status: "unread", failure: { ...describeReadFailure(error), title: "Teks tidak dapat dibaca" }, intent: "error" });
    } finally {
      reader.current = null;
      busy.current = false;
    }
  };

  const readCells = async () => {
    if (busy.current) return;
    busy.current = true;
    setRun({ status: "idle" });
    setRead({ status: "reading", label: READ_PHASE_TEXT.memilih, progress: null });
    try {
      const signal = startReading();
      // the parse reports its own progress; until it does, a spinner
      const r = await readSelection((p) => setRead({ status: "reading", label: READ_PHASE_TEXT[p.phase], progress: p.phase === "mengurai" ? null : p }));
      if (!r.ok) {
        const title = r.reason === "none" ? "Belum ada sel terpilih" : r.reason === "empty" ? "Sel terpilih kosong" : "Rentang terlalu besar";
        setRead({ status: "unread", failure: { title, message: r.message, state: "" }, intent: "warning" });
        return;
      }
      await parseInto(r.text, { kind: "cells", cells: r.source }, READ_PHASE_TEXT.mengurai, signal);
    } catch (error) {
      if (!cancelled(error)) setRead({ status: "unread", failure: describeReadFailure(error), intent: "error" });
    } finally {
      reader.current = null;
      busy.current = false;
    }
  };

  const clear = () => {
    if (busy.current) return;
    if (box.current) box.current.value = "";
    setSize(textSize(""));
    setStale(false);
    setRead({ status: "idle" });
    setRun({ status: "idle" });
    box.current?.focus();
  };

  /** `confirmed`: the refusals the user saw and confirmed; the use-case asks again for any other. */
  const runImport = async (confirmed?: readonly ImportRefusal[]) => {
    if (busy.current || read.status !== "read") return;
    busy.current = true;
    let phase: ImportProgress["phase"] = "membaca";
    setRun({ status: "running", progress: { phase, fraction: 0 } });
    const source = read.source.kind === "paste" ? "teks tempelan" : `sel ${read.source.cells.address}`;
    try {
      const result = await importLra(
        read.lra,
        (p) => {
          phase = p.phase;
          setRun({ status: "running", progress: p });
        },
        { source, ...(confirmed ? { confirmed: confirmed.map(refusalKey) } : {}) },
      );
      if (result.ok) setRun({ status: "done", result });
      else if (result.confirm && result.refusals?.length) setRun({ status: "confirm", refusals: result.refusals });
      else setRun({ status: "cancelled", message: result.message });
    } catch (error) {
      setRun({ status: "failed", failure: describeImportFailure(error, phase) });
    } finally {
      busy.current = false;
      setRevision((r) => r + 1);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.column}>
        <Body1 className={styles.intro}>
          Laporan Realisasi Anggaran SIPD per kode rekening, beserta kepalanya (tahun anggaran, bulan), mengisi lembar Realisasi Anggaran
          (program, kegiatan, sub kegiatan) dan lembar Rincian SIPD. Impor ulang bulan yang sama menimpa nilainya, tidak menggandakan baris.
        </Body1>

        <Field label="Tempel LRA SIPD di sini" hint={`Salin tabelnya dari SIPD atau dari Excel (kolom dipisah TAB), lalu tekan Baca. ${size}`}>
          {(field) => (
            // a native textarea, uncontrolled: Fluent's Textarea keeps its value in React state, which
            // would copy a pasted 50 MB text on every render of the panel
            <textarea
              {...field}
              ref={box}
              className={styles.paste}
              rows={10}
              spellCheck={false}
              wrap="off"
              disabled={locked}
              onInput={onInput}
              placeholder={"PEMERINTAH KABUPATEN …\nLAPORAN REALISASI ANGGARAN …\nKODE REKENING\tURAIAN\tANGGARAN …"}
            />
          )}
        </Field>

        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void readPaste()} disabled={locked}>
            Baca
          </Button>
          <Button onClick={() => void readCells()} disabled={locked}>
            Baca dari sel terpilih
          </Button>
          <Button appearance="subtle" onClick={clear} disabled={locked}>
            Kosongkan
          </Button>
        </div>

        <div aria-live="polite">
          {read.status === "reading" &&
            (read.progress?.phase === "membaca" || read.progress?.phase === "mengurai" ? (
              <Field label={read.progress.phase === "membaca" ? "Membaca sel terpilih" : "Membaca isi LRA"} validationMessage={read.label} validationState="none">
                <ProgressBar value={read.progress.fraction} max={1} thickness="large" />
              </Field>
            ) : (
              <Spinner size="small" labelPosition="after" label={read.label} />
            ))}
        </div>
        {read.status === "reading" && (
          <div className={styles.row}>
            <Button onClick={() => reader.current?.abort()}>Batal</Button>
          </div>
        )}

        {read.status === "unread" && <FailureBar failure={read.failure} intent={read.intent} />}

        {read.status === "refused" && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Bukan LRA SIPD per kode rekening</MessageBarTitle>
              {read.message}
              {stale && (
                <>
                  <br />
                  Teks di kotak sudah berubah sejak dibaca; tekan Baca lagi.
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}

        {read.status === "read" && (
          <Preview view={read.view} source={read.source} stale={stale} parsedIn={read.parsedIn}>
            {read.view.blocker ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Belum dapat diimpor</MessageBarTitle>
                  {read.view.blocker}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <>
                <div className={styles.row}>
                  <Button appearance="primary" onClick={() => void runImport()} disabled={locked}>
                    Impor
                  </Button>
                  <Caption1 className={styles.note}>ke lembar Realisasi Anggaran dan Rincian SIPD</Caption1>
                </div>
                {(read.view.findings.find((g) => g.severity === "error")?.count ?? 0) > 0 && (
                  <Caption1 className={styles.note}>
                    LRA ini memuat galat: sebelum menulis, impor meminta konfirmasi Anda, lalu mencatatnya di lembar Riwayat SAKIP.
                  </Caption1>
                )}
              </>
            )}
          </Preview>
        )}

        <div aria-live="polite">
          {run.status === "running" && <PhaseProgress label="Kemajuan impor" phase={IMPORT_PHASE_TEXT[run.progress.phase]} fraction={run.progress.fraction} />}
          {run.status === "done" && (
            <>
              <SuccessLines
                title="Impor selesai"
                label="Hasil impor"
                lines={run.result.lines}
                footer={showRoundTrips ? `Ditulis ke Excel dalam ${run.result.report.syncs} kali sinkronisasi.` : undefined}
              />
              <WarningLines label="Perhatian setelah impor" lines={run.result.warnings} />
            </>
          )}
        </div>
        {run.status === "confirm" && <Confirm refusals={run.refusals} onConfirm={() => void runImport(run.refusals)} onCancel={() => setRun({ status: "idle" })} />}
        {run.status === "cancelled" && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>Impor dibatalkan</MessageBarTitle>
              {run.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {run.status === "failed" && <FailureBar failure={run.failure} />}
      </div>
      {preview && opened && <div className={styles.column}>{preview(revision)}</div>}
    </div>
  );
}

/** What must be confirmed before the import writes; nothing has been written yet. */
function Confirm({ refusals, onConfirm, onCancel }: { refusals: readonly ImportRefusal[]; onConfirm: () => void; onCancel: () => void }) {
  const styles = useStyles();
  const heading = useId();
  return (
    <section aria-labelledby={heading}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={heading}>Perlu konfirmasi</MessageBarTitle>
          <ul className={styles.findings}>
            {refusals.map((r) => (
              <li key={refusalKey(r)} className={styles.finding}>
                {refusalText(r)}
              </li>
            ))}
          </ul>
          Belum ada yang ditulis. Konfirmasi Anda dicatat di lembar Riwayat SAKIP.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onConfirm}>
          Impor tetap
        </Button>
        <Button onClick={onCancel}>Batal</Button>
      </div>
    </section>
  );
}

function sourceText(source: Source, dataRows: number): string {
  const rows = `${formatAngka(dataRows, "count")} baris data`;
  if (source.kind === "paste") return `Dari teks tempelan (${source.size}): ${rows}.`;
  const { address, wholeSheet, sheet } = source.cells;
  return wholeSheet ? `Dari seluruh isi lembar ${sheet} (${address}): ${rows}.` : `Dari sel terpilih ${address}: ${rows}.`;
}

function Preview({ view, source, stale, parsedIn, children }: { view: LraView; source: Source; stale: boolean; parsedIn: ParsedIn; children: ReactNode }) {
  const styles = useStyles();
  const heading = useId();
  const openByDefault = view.findings.filter((g) => g.severity === "error").map((g) => g.severity);
  return (
    // data-parsed-in: where the parse ran (the browser test checks the worker did it)
    <section className={styles.section} aria-labelledby={heading} data-parsed-in={parsedIn}>
      <Subtitle2 as="h2" id={heading}>
        Pratinjau LRA
      </Subtitle2>
      <Caption1 className={styles.note}>{sourceText(source, view.dataRows)}</Caption1>
      {/* what stops the import is what the user must act on: before the figures and the findings it explains */}
      {view.blocker && children}
      {stale && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>Teks di kotak sudah berubah sejak dibaca; yang diimpor adalah pratinjau ini. Tekan Baca untuk membaca ulang.</MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.facts}>
        {view.facts.map((f) => (
          <Fact key={f.label} label={f.label} value={f.value} />
        ))}
        <Fact label="Kolom triwulan" value={view.twColumn ?? "tidak ada"} />
      </dl>
      <Caption1 className={styles.note}>{view.columnNote}</Caption1>

      <ul className={styles.counts} aria-label="Jumlah per tingkat">
        {view.counts.map((c) => (
          <li key={c.label} className={styles.count}>
            <strong className={styles.number}>{c.value}</strong> {c.label}
          </li>
        ))}
      </ul>

      {view.totals.length > 0 ? (
        <dl className={styles.facts} aria-label="Total SKPD">
          {view.totals.map((f) => (
            <Fact key={f.label} label={f.label} value={f.value} numeric />
          ))}
        </dl>
      ) : (
        <Caption1 className={styles.note}>Baris total SKPD (BELANJA DAERAH) tidak ada dalam teks.</Caption1>
      )}

      {view.findings.length === 0 ? (
        <Caption1>Tidak ada temuan: semua jumlah dan kode sesuai.</Caption1>
      ) : (
        <Accordion multiple collapsible defaultOpenItems={openByDefault} aria-label="Temuan">
          {view.findings.map((g) => (
            <Findings key={g.severity} group={g} />
          ))}
        </Accordion>
      )}
      {!view.blocker && children}
    </section>
  );
}

function Fact({ label, value, numeric = false }: { label: string; value: string; numeric?: boolean }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={numeric ? `${styles.value} ${styles.number}` : styles.value}>{value}</dd>
    </>
  );
}

function Findings({ group }: { group: FindingGroup }) {
  const styles = useStyles();
  return (
    <AccordionItem value={group.severity}>
      <AccordionHeader size="small">
        <span className={styles.headerText}>
          <Badge appearance="filled" color={BADGE[group.severity]} size="small" aria-hidden />
          {group.title} ({formatAngka(group.count, "count")})
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.findings} aria-label={group.title}>
          {group.items.map((f, i) => (
            <li key={i} className={styles.finding}>
              <span className={styles.where}>{f.where}</span> · <span className={styles.code}>{f.rule}</span> — {f.message}
            </li>
          ))}
        </ul>
        {group.hidden > 0 && (
          <Caption1 className={styles.note}>
            dan {formatAngka(group.hidden, "count")} temuan lain; semuanya tercatat di kolom Temuan lembar Rincian SIPD setelah impor.
          </Caption1>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}

