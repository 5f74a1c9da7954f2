import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  tokens,
} from "@fluentui/react-components";
import type { ReportConfirmations, ReportPrep, ReportProgress, ReportRefusal, ReportRequest } from "../../app/report";
import type { Period } from "../../core/layouts";
import { afterPaint } from "../impor";
import {
  canExport,
  canWriteSheets,
  describeLaporanFailure,
  gateOf,
  LAPORAN_PHASE_TEXT,
  SHEET_STATE_TEXT,
  sheetList,
  summaries,
  type LaporanAction,
} from "../laporan";
import { PERIOD_OPTIONS, type FailureText } from "../siapkan";
import { FailureBar, PhaseProgress, SuccessLines } from "./Feedback";
import { panelLayout } from "./panel-layout";

/** An action's answer: done, or refused by the use-case with its own words. */
export type ActionResult<T> = ({ ok: true } & T) | { ok: false; message: string };

export interface LaporanPanelProps {
  active: boolean;
  /** The periode in Pengaturan, the form's default; null when the workbook has none. */
  loadPeriode: () => Promise<Period | null>;
  /** The reports of the request, checked and with the state of their sheets; nothing is written. */
  prepare: (request: ReportRequest, onProgress: (p: ReportProgress) => void) => Promise<ReportPrep>;
  /** Writes the "Laporan" sheets. */
  writeSheets: (prep: ReportPrep, confirm: ReportConfirmations, onProgress: (p: ReportProgress) => void) => Promise<ActionResult<{ sheets: string[] }>>;
  /** Makes the file and hands it to the browser; answers its name and size. */
  download: (prep: ReportPrep, format: "docx" | "xlsx", confirm: ReportConfirmations) => Promise<ActionResult<{ name: string; size: number }>>;
  /** The use-case's words for what stops a report (the same the CLI prints). */
  explain: (refusal: ReportRefusal) => string;
  /** Shows the Periksa tab. */
  openPeriksa: () => void;
  /** "The workbook changed" (no-Excel mode): a prepared report older than a change must be prepared again. */
  changes?: { subscribe: (l: () => void) => () => void; version: () => number };
  /** The workbook itself (no-Excel mode); `revision` changes after every write. */
  preview?: (revision: number) => ReactNode;
  /** Opens the grid on a written sheet (no-Excel mode). */
  showSheet?: (sheet: string) => void;
  /** Where the sheets go, for the intro. */
  host: "excel" | "memory";
}

type Prepared = { prep: ReportPrep; at: Date; version: number };

type Outcome =
  | { kind: "sheets"; sheets: string[] }
  | { kind: "file"; name: string; size: number }
  | { kind: "refused"; message: string }
  | { kind: "failed"; failure: FailureText };

const ALL = "";
const NO_CHANGES = { subscribe: () => () => undefined, version: () => 0 };

const useStyles = makeStyles({
  ...panelLayout("minmax(340px, 520px)"),
  // two equal columns that may shrink: a long jabatan must not push its select over the periode's
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM, alignItems: "start" },
  pairItem: { minWidth: 0 },
  fill: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  jabatan: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sheet: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  // the use-case's refusal lists findings one per line
  lines: { whiteSpace: "pre-line" },
});

/**
 * "Laporan": prepares the Laporan Kinerja of one jabatan or all of them for a period, shows what will
 * be produced and what stands in the way (galat → Periksa; peringatan and edited sheets need a tick),
 * then writes the "Laporan" sheets or downloads the .docx and the portable .xlsx.
 */
export function LaporanPanel({ active, loadPeriode, prepare, writeSheets, download, explain, openPeriksa, changes = NO_CHANGES, preview, showSheet, host }: LaporanPanelProps) {
  const styles = useStyles();
  const [jabatan, setJabatan] = useState(ALL);
  const [periode, setPeriode] = useState<Period | "">("");
  const [jabatanOptions, setJabatanOptions] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const [running, setRunning] = useState<LaporanAction | null>(null);
  const [confirm, setConfirm] = useState<ReportConfirmations>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [prepFailure, setPrepFailure] = useState<FailureText | null>(null);
  const [periodeNote, setPeriodeNote] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [opened, setOpened] = useState(false);
  const busy = useRef(false);
  const version = useSyncExternalStore(changes.subscribe, changes.version);

  useEffect(() => {
    if (!active || opened) return;
    setOpened(true);
    loadPeriode().then(
      (p) => {
        if (p) setPeriode((current) => (current === "" ? p : current));
        else setPeriodeNote("Pengaturan belum menyebut periode; pilih periodenya.");
      },
      (error: unknown) => setPeriodeNote(`Periode di Pengaturan tidak dapat dibaca (${error instanceof Error ? error.message : String(error)}); pilih periodenya.`),
    );
  }, [active, opened]);

  const prep = prepared?.prep ?? null;
  const gate = prep ? gateOf(prep) : null;
  const stale = prepared !== null && prepared.version !== version;
  const idle = running === null;

  /** Runs one action at a time; the buttons are disabled meanwhile, a second click does nothing. */
  const exclusive = async (action: LaporanAction, body: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setRunning(action);
    try {
      await body();
    } finally {
      busy.current = false;
      setRunning(null);
      setProgress(null);
    }
  };

  const run = () =>
    exclusive("siapkan", async () => {
      setOutcome(null);
      setPrepFailure(null);
      setPrepared(null);
      setProgress({ phase: "membaca", fraction: 0 });
      try {
        // checking and building block the page a moment; the progress line is on screen first
        await afterPaint();
        const request: ReportRequest = { ...(jabatan !== ALL ? { jabatan } : {}), ...(periode !== "" ? { periode } : {}) };
        const p = await prepare(request, setProgress);
        setPrepared({ prep: p, at: new Date(), version: changes.version() });
        if (jabatan === ALL || p.jabatanAll.length > 0) setJabatanOptions(p.jabatanAll);
        if (periode === "") setPeriode(p.periode);
        setConfirm({});
      } catch (error) {
        setPrepared(null);
        setPrepFailure(describeLaporanFailure(error, "siapkan"));
      }
    });

  const write = () =>
    exclusive("lembar", async () => {
      if (!prep) return;
      setOutcome(null);
      setProgress({ phase: "menulis", fraction: 0 });
      try {
        const r = await writeSheets(prep, confirm, setProgress);
        if (r.ok) {
          setOutcome({ kind: "sheets", sheets: r.sheets });
          // what was written is what was prepared: the report stays current; the sheets are now generated ones
          setPrepared((p) =>
            p && {
              ...p,
              version: changes.version(),
              prep: { ...p.prep, sheets: p.prep.sheets.map((s) => (r.sheets.includes(s.name) ? { ...s, state: "dibuat" as const } : s)) },
            },
          );
          setConfirm((c) => ({ ...c, timpaSuntingan: false }));
          if (r.sheets[0]) showSheet?.(r.sheets[0]);
        } else setOutcome({ kind: "refused", message: r.message });
      } catch (error) {
        setOutcome({ kind: "failed", failure: describeLaporanFailure(error, "lembar") });
      } finally {
        setRevision((n) => n + 1);
      }
    });

  const save = (format: "docx" | "xlsx") =>
    exclusive(format, async () => {
      if (!prep) return;
      setOutcome(null);
      try {
        const r = await download(prep, format, confirm);
        setOutcome(r.ok ? { kind: "file", name: r.name, size: r.size } : { kind: "refused", message: r.message });
      } catch (error) {
        setOutcome({ kind: "failed", failure: describeLaporanFailure(error, format) });
      } finally {
        // a download writes at most its confirmed peringatan into the journal sheet: not a change to the report
        setPrepared((p) => p && { ...p, version: changes.version() });
      }
    });

  // a new choice is a new report: what was prepared no longer answers it
  const choose = (update: () => void) => {
    update();
    setPrepared(null);
    setOutcome(null);
    setConfirm({});
  };

  const list = prep ? summaries(prep) : [];
  const ready = gate !== null && gate.blocked === 0 && !gate.empty;

  return (
    <div className={styles.root}>
      <div className={styles.column}>
        <Body1 className={styles.intro}>
          Menyusun Laporan Kinerja dari buku kerja: tabel Perjanjian Kinerja, Capaian, Cost per Outcome, anggaran dan efisiensi, narasi
          dan grafik. Hasilnya dapat ditulis sebagai lembar Laporan {host === "excel" ? "di buku kerja Excel ini" : "di buku kerja sesi ini"}, atau
          diunduh sebagai .docx dan .xlsx.
        </Body1>
        <div className={styles.pair}>
          <Field className={styles.pairItem} label="Jabatan">
            <Select className={styles.fill} value={jabatan} disabled={!idle} onChange={(_, d) => choose(() => setJabatan(d.value))}>
              <option value={ALL}>Semua jabatan</option>
              {jabatanOptions.map((j) => (
                <option key={j} value={j}>
                  {j}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.pairItem} label="Periode" hint={periodeNote ?? undefined}>
            <Select className={styles.fill} value={periode} disabled={!idle} onChange={(_, d) => choose(() => setPeriode(d.value as Period | ""))}>
              {periode === "" && <option value="">Sesuai Pengaturan</option>}
              {PERIOD_OPTIONS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void run()} disabled={!idle}>
            Siapkan laporan
          </Button>
          {prepared && !stale && (
            <Caption1 role="status" className={styles.note}>
              Disiapkan {timeOf(prepared.at)}: {prepared.prep.reports.length} laporan, periode {prepared.prep.periode}.
            </Caption1>
          )}
        </div>
        <div aria-live="polite">
          {progress && running !== null && <PhaseProgress label="Kemajuan" phase={LAPORAN_PHASE_TEXT[progress.phase]} fraction={progress.fraction} />}
        </div>
        {prepFailure && <FailureBar failure={prepFailure} />}
        {prepared && stale && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              Buku kerja berubah sejak laporan disiapkan {timeOf(prepared.at)}. Tekan <strong>Siapkan laporan</strong> lagi agar laporan memuat
              angka terbaru.
            </MessageBarBody>
          </MessageBar>
        )}
        {prep && gate && !stale && (
          <>
            {gate.blocked > 0 && (
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>Laporan belum dapat dibuat: {gate.blocked} galat</MessageBarTitle>
                  Buku kerja memuat {gate.blocked} galat yang akan membuat angka laporan salah. Perbaiki di Periksa, lalu siapkan laporan lagi.
                </MessageBarBody>
                <MessageBarActions>
                  <Button onClick={openPeriksa}>Buka Periksa</Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {gate.blocked === 0 && gate.empty && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Belum ada laporan untuk disusun</MessageBarTitle>
                  {explain(
                    prep.unknownJabatan !== undefined ? { kind: "tanpa-jabatan", jabatan: prep.unknownJabatan, available: prep.jabatanAll } : { kind: "tanpa-jabatan" },
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
            {ready && (
              <>
                <ul className={styles.list} aria-label="Ringkasan laporan">
                  {list.map((s) => (
                    <li key={s.jabatan} className={styles.item}>
                      <h3 className={styles.jabatan}>{s.jabatan}</h3>
                      <Caption1>
                        {[`${s.indikator} indikator`, s.achieved, s.mean, `${s.tables} tabel`, `${s.charts} grafik`].filter(Boolean).join(" · ")}
                      </Caption1>
                      {s.sheet && (
                        <span className={styles.sheet}>
                          Lembar “{s.sheet}”: {s.state ? SHEET_STATE_TEXT[s.state] : ""}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
                {gate.warnings > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{gate.warnings} peringatan</MessageBarTitle>
                      Periksa menemukan {gate.warnings} peringatan. Laporan tetap dapat dibuat; peringatan yang Anda konfirmasi dicatat di jurnal.
                      <Checkbox
                        checked={confirm.peringatan === true}
                        disabled={!idle}
                        onChange={(_, d) => setConfirm((c) => ({ ...c, peringatan: d.checked === true }))}
                        label={`Saya sudah memeriksa ${gate.warnings} peringatan dan tetap melanjutkan`}
                      />
                    </MessageBarBody>
                    <MessageBarActions>
                      <Button size="small" onClick={openPeriksa}>
                        Buka Periksa
                      </Button>
                    </MessageBarActions>
                  </MessageBar>
                )}
                {gate.edited.length > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Lembar Laporan sudah disunting</MessageBarTitle>
                      Isi {sheetList(gate.edited)} sudah diubah sejak dibuat. Membuat lembar Laporan akan menimpa perubahan itu.
                      <Checkbox
                        checked={confirm.timpaSuntingan === true}
                        disabled={!idle}
                        onChange={(_, d) => setConfirm((c) => ({ ...c, timpaSuntingan: d.checked === true }))}
                        label={`Timpa ${sheetList(gate.edited)} beserta suntingannya`}
                      />
                    </MessageBarBody>
                  </MessageBar>
                )}
                {gate.owned.length > 0 && (
                  <MessageBar intent="error" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Lembar Laporan tidak dapat dibuat</MessageBarTitle>
                      {explain({ kind: "milik-pengguna", sheets: gate.owned })} Unduhan .docx dan .xlsx tetap dapat dibuat.
                    </MessageBarBody>
                  </MessageBar>
                )}
                <div className={styles.row}>
                  <Button appearance="primary" onClick={() => void write()} disabled={!idle || !canWriteSheets(gate, confirm)}>
                    {running === "lembar" ? "Membuat lembar…" : "Buat lembar Laporan"}
                  </Button>
                  <Button onClick={() => void save("docx")} disabled={!idle || !canExport(gate, confirm)}>
                    {running === "docx" ? "Menyusun .docx…" : "Unduh laporan .docx"}
                  </Button>
                  <Button onClick={() => void save("xlsx")} disabled={!idle || !canExport(gate, confirm)}>
                    {running === "xlsx" ? "Menyusun .xlsx…" : "Unduh laporan .xlsx"}
                  </Button>
                </div>
              </>
            )}
          </>
        )}
        {outcome?.kind === "sheets" && (
          <SuccessLines
            title="Lembar Laporan dibuat"
            label="Lembar Laporan yang dibuat"
            lines={outcome.sheets.map((s) => `${s}: lembar ditulis.`)}
            footer={host === "memory" ? "Lembarnya tampil di kisi buku kerja sesi; unduh buku kerjanya bila perlu." : undefined}
          />
        )}
        {outcome?.kind === "file" && (
          <Caption1 role="status">
            Diunduh: {outcome.name} ({sizeText(outcome.size)}).
          </Caption1>
        )}
        {outcome?.kind === "refused" && (
          <MessageBar intent="warning" layout="multiline" role="alert">
            <MessageBarBody className={styles.lines}>{outcome.message}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === "failed" && <FailureBar failure={outcome.failure} />}
      </div>
      {preview && opened && <div className={styles.column}>{preview(revision)}</div>}
    </div>
  );
}

function timeOf(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `pukul ${two(d.getHours())}.${two(d.getMinutes())}`;
}

/** "18,4 KB" */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bita`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${kb.toFixed(1).replace(".", ",")} KB` : `${(kb / 1024).toFixed(1).replace(".", ",")} MB`;
}
