import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { FixResult, FixUndo, ValidateProgress } from "../../app/validate";
import type { Finding, Severity } from "../../core/findings";
import { afterPaint } from "../impor";
import {
  countsLine,
  describeRunFailure,
  describeSelectFailure,
  describeWriteFailure,
  FINDINGS_PAGE,
  PERIKSA_PHASE_TEXT,
  timeText,
  type FindingItem,
  type PeriksaReport,
  type SeverityGroup,
  type SheetGroup,
} from "../periksa";
import type { FailureText } from "../siapkan";
import { FailureBar, PhaseProgress } from "./Feedback";
import { panelLayout } from "./panel-layout";

export interface PeriksaPanelProps {
  /** Whether the panel's tab is shown; the session workbook is first shown when it is. */
  active: boolean;
  /** The "Periksa" use-case on the host's workbook, its findings grouped for the list. */
  run: (onProgress: (p: ValidateProgress) => void) => Promise<PeriksaReport>;
  /** Shows a finding's cell: selects it in Excel, or opens it in the session grid. */
  select: (item: FindingItem) => Promise<void>;
  /** The finding's one-click fix; refused (ok: false) when the cell changed since the run. */
  applyFix: (finding: Finding) => Promise<FixResult>;
  /** Puts back what a fix replaced. */
  undoFix: (undo: FixUndo) => Promise<void>;
  /** Where a click on a finding takes the user, for the intro ("memilih selnya di Excel"). */
  selectTarget: "excel" | "grid";
  /** The workbook itself (no-Excel mode); `revision` changes after every run and fix. */
  preview?: (revision: number) => ReactNode;
}

type RunState =
  | { status: "idle" }
  | { status: "running"; progress: ValidateProgress }
  | { status: "done"; report: PeriksaReport }
  | { status: "failed"; failure: FailureText };

type FixState =
  | { status: "applying" }
  | { status: "applied"; undo: FixUndo }
  | { status: "undoing"; undo: FixUndo }
  | { status: "undone" }
  | { status: "refused"; message: string }
  | { status: "failed"; failure: FailureText; undo?: FixUndo };

const BADGE: Readonly<Record<Severity, "danger" | "warning" | "informative">> = { error: "danger", warning: "warning", info: "informative" };

const useStyles = makeStyles({
  ...panelLayout("minmax(340px, 520px)"),
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
  headerText: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalM },
  sheetTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  // the cell and the message are one target: a click anywhere on them shows the cell
  show: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    margin: 0,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  shown: { backgroundColor: tokens.colorBrandBackground2 },
  cell: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap", paddingLeft: tokens.spacingHorizontalXS },
  detail: {
    margin: `0 0 0 ${tokens.spacingHorizontalXS}`,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    rowGap: tokens.spacingVerticalXXS,
  },
  terms: { margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  definition: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, overflowWrap: "anywhere" },
  fixed: { color: tokens.colorPaletteGreenForeground1 },
  refused: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/**
 * "Periksa": checks the workbook with every rule, lists the findings by severity and sheet with
 * counts; a click on a finding shows its cell; a fix where the right content is certain, each one
 * undoable; "Periksa lagi" runs the check again.
 */
export function PeriksaPanel({ active, run, select, applyFix, undoFix, selectTarget, preview }: PeriksaPanelProps) {
  const styles = useStyles();
  const [state, setState] = useState<RunState>({ status: "idle" });
  const [fixes, setFixes] = useState<ReadonlyMap<number, FixState>>(new Map());
  const [shown, setShown] = useState<FindingItem | null>(null);
  const [selectFailure, setSelectFailure] = useState<FailureText | null>(null);
  const [revision, setRevision] = useState(0);
  const [opened, setOpened] = useState(false);
  const busy = useRef(false);

  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);

  const running = state.status === "running";
  const report = state.status === "done" ? state.report : null;
  // a fix undone put its cell back as it was checked: only a fix still in the workbook makes the list stale
  const written = [...fixes.values()].some((f) => f.status === "applied" || f.status === "undoing" || (f.status === "failed" && f.undo !== undefined));

  const check = async () => {
    if (busy.current) return;
    busy.current = true;
    setState({ status: "running", progress: { phase: "membaca", fraction: 0 } });
    setSelectFailure(null);
    try {
      // the checking blocks the page while it runs; the progress bar is on screen first
      await afterPaint();
      const r = await run((progress) => setState({ status: "running", progress }));
      setFixes(new Map());
      setShown(null);
      setState({ status: "done", report: r });
    } catch (error) {
      setState({ status: "failed", failure: describeRunFailure(error) });
    } finally {
      busy.current = false;
      setRevision((n) => n + 1);
    }
  };

  const setFix = (id: number, s: FixState) => setFixes((m) => new Map(m).set(id, s));

  const fix = async (item: FindingItem) => {
    setFix(item.id, { status: "applying" });
    try {
      const r = await applyFix(item.finding);
      setFix(item.id, r.ok ? { status: "applied", undo: r.undo } : { status: "refused", message: r.message });
    } catch (error) {
      setFix(item.id, { status: "failed", failure: describeWriteFailure(error, "fix") });
    } finally {
      setRevision((n) => n + 1);
    }
  };

  const undo = async (item: FindingItem, u: FixUndo) => {
    setFix(item.id, { status: "undoing", undo: u });
    try {
      await undoFix(u);
      setFix(item.id, { status: "undone" });
    } catch (error) {
      // the fix stays in place; the user may try again
      setFix(item.id, { status: "failed", failure: describeWriteFailure(error, "undo"), undo: u });
    } finally {
      setRevision((n) => n + 1);
    }
  };

  const show = async (item: FindingItem) => {
    setShown(item);
    setSelectFailure(null);
    try {
      await select(item);
    } catch (error) {
      setSelectFailure(describeSelectFailure(error, item.where));
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.column}>
        <Body1 className={styles.intro}>
          Memeriksa buku kerja dengan setiap aturan SAKIP sebelum laporan dikirim: angka yang tidak cocok dengan rumusnya, satuan,
          jumlah, anggaran dan periode. Klik temuan untuk {selectTarget === "excel" ? "memilih selnya di Excel" : "melihat selnya di lembar sesi ini"}.
        </Body1>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void check()} disabled={running}>
            {report || state.status === "failed" ? "Periksa lagi" : "Periksa"}
          </Button>
          {report && (
            <Caption1 role="status" className={styles.note}>
              Diperiksa {timeText(report.checkedAt)}: {countsLine(report.counts)}.
            </Caption1>
          )}
        </div>
        <div aria-live="polite">
          {state.status === "running" && <PhaseProgress label="Kemajuan" phase={PERIKSA_PHASE_TEXT[state.progress.phase]} fraction={state.progress.fraction} />}
        </div>
        {state.status === "failed" && <FailureBar failure={state.failure} />}
        {selectFailure && <FailureBar failure={selectFailure} />}
        {report && written && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              Perbaikan sudah ditulis ke buku kerja; daftar ini masih dari pemeriksaan {timeText(report.checkedAt)}. Tekan{" "}
              <strong>Periksa lagi</strong> untuk melihat keadaan terbaru.
            </MessageBarBody>
          </MessageBar>
        )}
        {report && report.checked.length === 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Belum ada lembar SAKIP untuk diperiksa</MessageBarTitle>
              Buku kerja ini tidak memiliki lembar standar (Perjanjian Kinerja, Capaian, Cost per Outcome, Realisasi Anggaran …). Jalankan
              Siapkan Lembar atau Impor SIPD lebih dulu.
            </MessageBarBody>
          </MessageBar>
        )}
        {report && report.checked.length > 0 && report.total === 0 && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Tidak ada temuan</MessageBarTitle>
              Setiap aturan terpenuhi pada lembar {report.checked.join(", ")}.
            </MessageBarBody>
          </MessageBar>
        )}
        {report && report.total > 0 && (
          <Findings
            key={report.checkedAt.getTime()}
            report={report}
            fixes={fixes}
            shown={shown}
            onShow={(item) => void show(item)}
            onFix={(item) => void fix(item)}
            onUndo={(item, u) => void undo(item, u)}
          />
        )}
      </div>
      {preview && opened && <div className={styles.column}>{preview(revision)}</div>}
    </div>
  );
}

interface FindingsProps {
  report: PeriksaReport;
  fixes: ReadonlyMap<number, FixState>;
  shown: FindingItem | null;
  onShow: (item: FindingItem) => void;
  onFix: (item: FindingItem) => void;
  onUndo: (item: FindingItem, undo: FixUndo) => void;
}

function Findings({ report, ...rest }: FindingsProps) {
  const styles = useStyles();
  // galat and peringatan open; info too when it is all there is
  const open = report.groups.filter((g) => g.severity !== "info" || report.groups.length === 1).map((g) => g.severity);
  return (
    <Accordion multiple collapsible defaultOpenItems={open}>
      {report.groups.map((g) => (
        <AccordionItem key={g.severity} value={g.severity}>
          <AccordionHeader>
            <span className={styles.headerText}>
              <Badge appearance="filled" color={BADGE[g.severity]} size="small" />
              {g.title} ({g.count})
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <SeverityList group={g} {...rest} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function SeverityList({ group, ...rest }: Omit<FindingsProps, "report"> & { group: SeverityGroup }) {
  const styles = useStyles();
  return (
    <>
      {group.sheets.map((s) => (
        <section key={s.sheet} className={styles.sheet} aria-label={`${group.title} di ${s.sheet || "teks"}`}>
          <h3 className={styles.sheetTitle}>
            {s.sheet || "Teks tempelan"} ({s.items.length})
          </h3>
          <SheetList group={s} label={`${group.title} di ${s.sheet || "teks"}`} {...rest} />
        </section>
      ))}
    </>
  );
}

function SheetList({ group, label, ...rest }: Omit<FindingsProps, "report"> & { group: SheetGroup; label: string }) {
  const styles = useStyles();
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const items = useMemo(() => group.items.slice(0, limit), [group, limit]);
  const left = group.items.length - items.length;
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {items.map((item) => (
          <FindingRow key={item.id} item={item} {...rest} />
        ))}
      </ul>
      {left > 0 && (
        <div className={styles.row}>
          <Button size="small" onClick={() => setLimit((n) => n + FINDINGS_PAGE)}>
            Tampilkan lagi ({Math.min(FINDINGS_PAGE, left)} dari {left} sisanya)
          </Button>
        </div>
      )}
    </>
  );
}

function FindingRow({ item, fixes, shown, onShow, onFix, onUndo }: Omit<FindingsProps, "report"> & { item: FindingItem }) {
  const styles = useStyles();
  const [detail, setDetail] = useState(false);
  const state = fixes.get(item.id);
  const detailId = `aturan-${item.id}`;
  const working = state?.status === "applying" || state?.status === "undoing";
  const canFix = item.fixLabel !== null && (state === undefined || state.status === "undone" || (state.status === "failed" && !state.undo));
  const undoable = state?.status === "applied" || (state?.status === "failed" && state.undo) ? (state as { undo: FixUndo }).undo : null;

  return (
    <li className={styles.item}>
      <button
        type="button"
        className={mergeClasses(styles.show, shown?.id === item.id && styles.shown)}
        onClick={() => onShow(item)}
        disabled={!item.target}
        aria-current={shown?.id === item.id || undefined}
        title={item.target ? `Tunjukkan ${item.where}` : undefined}
      >
        <span className={styles.cell}>{item.cell}</span> <span className={styles.rule}>{item.rule}</span> — {item.message}
      </button>
      <div className={styles.actions}>
        {canFix && (
          <Button size="small" appearance="primary" onClick={() => onFix(item)} disabled={working}>
            {item.fixLabel}
          </Button>
        )}
        {state?.status === "applying" && <Caption1 role="status">Memperbaiki…</Caption1>}
        {state?.status === "undoing" && <Caption1 role="status">Membatalkan…</Caption1>}
        {undoable && (
          <>
            {state?.status === "applied" && (
              <Caption1 role="status" className={styles.fixed}>
                Diperbaiki: {item.fixLabel?.toLowerCase()}.
              </Caption1>
            )}
            <Button size="small" onClick={() => onUndo(item, undoable)} disabled={working}>
              Batalkan
            </Button>
          </>
        )}
        {state?.status === "undone" && (
          <Caption1 role="status" className={styles.note}>
            Dibatalkan: sel kembali seperti sebelum diperbaiki.
          </Caption1>
        )}
        {item.ruleText && (
          <Button size="small" appearance="subtle" aria-expanded={detail} aria-controls={detailId} onClick={() => setDetail((d) => !d)}>
            {detail ? "Tutup penjelasan" : "Penjelasan aturan"}
          </Button>
        )}
      </div>
      {state?.status === "refused" && (
        <Caption1 role="alert" className={styles.refused}>
          {state.message}
        </Caption1>
      )}
      {state?.status === "failed" && <FailureBar failure={state.failure} />}
      {detail && item.ruleText && (
        <div id={detailId} className={styles.detail} role="group" aria-label={`Aturan ${item.rule}`}>
          <span className={styles.term}>
            {item.rule}: {item.ruleText.title}
          </span>
          <dl className={styles.terms}>
            <dt className={styles.term}>Mengapa penting</dt>
            <dd className={styles.definition}>{item.ruleText.why}</dd>
            <dt className={styles.term}>Cara memperbaiki</dt>
            <dd className={styles.definition}>{item.ruleText.fix}</dd>
          </dl>
        </div>
      )}
    </li>
  );
}
