import { useEffect, useRef, useState, type ReactNode } from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { ScaffoldProgress, ScaffoldResult } from "../../app/scaffold";
import { FailureBar, PhaseProgress, SuccessLines } from "./Feedback";
import {
  checkForm,
  describeFailure,
  EMPTY_FORM,
  fieldErrors,
  formFromSettings,
  PHASE_TEXT,
  type FailureText,
  type FieldErrors,
  type FieldKey,
  type SettingsForm as FormValues,
} from "../siapkan";
import { firstWithError, SettingsForm, type SettingsFormHandle } from "./SettingsForm";
import { panelLayout } from "./panel-layout";

export interface SiapkanLembarPanelProps {
  /** Whether the panel's tab is shown; the workbook is first read when it is. */
  active: boolean;
  /** The settings the workbook holds (`settingsFromWorkbook`), empty when it has none. */
  loadSettings: () => Promise<Record<string, unknown>>;
  /** The "Siapkan Lembar" use-case on the host's workbook. */
  scaffold: (input: Record<string, unknown>, onProgress: (p: ScaffoldProgress) => void) => Promise<ScaffoldResult>;
  /** Inside Excel: tell how many round trips the writing took. */
  showRoundTrips: boolean;
  /** The workbook itself (no-Excel mode); `revision` changes after every run. */
  preview?: (revision: number) => ReactNode;
}

type Done = Extract<ScaffoldResult, { ok: true }>;

type RunState =
  | { status: "idle" }
  | { status: "running"; progress: ScaffoldProgress }
  | { status: "done"; result: Done }
  | { status: "failed"; failure: FailureText };

type LoadState =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "loaded"; found: boolean }
  | { status: "failed"; message: string; code?: string };

const useStyles = makeStyles({
  ...panelLayout("minmax(320px, 440px)"),
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * "Siapkan Lembar": settings form, pre-filled from the workbook; validates before anything is
 * written, runs the use-case with progress and shows what it changed, or why it failed.
 */
export function SiapkanLembarPanel({ active, loadSettings, scaffold, showRoundTrips, preview }: SiapkanLembarPanelProps) {
  const styles = useStyles();
  const [values, setValues] = useState<FormValues>(EMPTY_FORM);
  const [checked, setChecked] = useState(false);
  const [reported, setReported] = useState<FieldErrors>({});
  const [run, setRun] = useState<RunState>({ status: "idle" });
  const [load, setLoad] = useState<LoadState>({ status: "idle" });
  const [revision, setRevision] = useState(0);
  const form = useRef<SettingsFormHandle>(null);
  const busy = useRef(false);

  // after the first attempt, problems follow the typing; before it, an empty form is not scolded
  const live = checked ? checkForm(values) : undefined;
  const errors: FieldErrors = live && !live.ok ? { ...reported, ...live.errors } : reported;
  const running = run.status === "running";
  const loading = load.status === "loading";

  const prefill = async () => {
    if (busy.current) return;
    busy.current = true;
    setLoad({ status: "loading" });
    try {
      const settings = await loadSettings();
      const found = Object.keys(settings).length > 0;
      if (found) {
        // what the workbook holds replaces the form; a field it lacks keeps what was typed
        setValues((v) => formFromSettings(settings, v));
        setReported({});
      }
      setLoad({ status: "loaded", found });
    } catch (error) {
      const f = describeFailure(error, "membaca");
      setLoad(f.code === undefined ? { status: "failed", message: f.message } : { status: "failed", message: f.message, code: f.code });
    } finally {
      busy.current = false;
    }
  };

  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (!active || opened) return;
    setOpened(true);
    void prefill();
    // once, when the panel is first shown; later reads are the user's ("Muat dari buku kerja")
  }, [active, opened]);

  const change = (field: FieldKey, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setReported(({ [field]: _gone, ...rest }) => rest);
  };

  const submit = async () => {
    if (busy.current) return;
    setChecked(true);
    const c = checkForm(values);
    if (!c.ok) {
      setRun({ status: "idle" });
      const first = firstWithError(c.errors);
      if (first) form.current?.focus(first);
      return;
    }
    busy.current = true;
    // the note about the last pre-fill no longer describes the workbook once it is written
    setLoad({ status: "idle" });
    let phase: ScaffoldProgress["phase"] = "membaca";
    setRun({ status: "running", progress: { phase, fraction: 0 } });
    try {
      // the validated settings in full: nothing is silently taken from the workbook's old Pengaturan
      const result = await scaffold(c.settings, (p) => {
        phase = p.phase;
        setRun({ status: "running", progress: p });
      });
      if (result.ok) setRun({ status: "done", result });
      else {
        setReported(fieldErrors(result.problems));
        setRun({ status: "idle" });
      }
    } catch (error) {
      setRun({ status: "failed", failure: describeFailure(error, phase) });
    } finally {
      busy.current = false;
      setRevision((r) => r + 1);
    }
  };

  // a problem of the workbook itself (a sheet whose columns moved) is not a field to correct
  const problemCount = Object.keys(errors).filter((k) => k !== "form").length;

  return (
    <div className={styles.root}>
      <div className={styles.column}>
        <Body1 className={styles.intro}>
          Membuat atau memperbaiki lembar standar: Pengaturan, Referensi, Perjanjian Kinerja, Capaian, Cost per Outcome dan Realisasi
          Anggaran. Aman dijalankan ulang: nilai yang sudah diketik tidak ditimpa.
        </Body1>

        <div className={styles.row}>
          <Button size="small" onClick={() => void prefill()} disabled={running || loading}>
            Muat dari buku kerja
          </Button>
          {loading && <Spinner size="tiny" label="Membaca pengaturan…" />}
          {load.status === "loaded" && (
            <Caption1 className={styles.note} role="status">
              {load.found ? "Formulir diisi dari lembar Pengaturan." : "Buku kerja belum memiliki pengaturan; isi formulir di bawah."}
            </Caption1>
          )}
        </div>
        {load.status === "failed" && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Pengaturan tidak dapat dibaca dari buku kerja</MessageBarTitle>
              {load.message}
              {load.code && <> (kode Excel: <span className={styles.code}>{load.code}</span>)</>}
              <br />
              Formulir tidak diubah.
            </MessageBarBody>
          </MessageBar>
        )}

        {errors.form && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{errors.form}</MessageBarBody>
          </MessageBar>
        )}
        <SettingsForm values={values} errors={errors} disabled={running || loading} onChange={change} handle={form} />

        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void submit()} disabled={running || loading}>
            Siapkan Lembar
          </Button>
          {checked && problemCount > 0 && (
            <Caption1 role="status" className={styles.note}>
              {problemCount === 1 ? "1 isian perlu diperbaiki" : `${problemCount} isian perlu diperbaiki`}; belum ada yang ditulis.
            </Caption1>
          )}
          {checked && problemCount === 0 && errors.form && (
            <Caption1 role="status" className={styles.note}>
              Buku kerja tidak disiapkan (lihat pesan di atas formulir); belum ada yang ditulis.
            </Caption1>
          )}
        </div>

        <div aria-live="polite">
          {run.status === "running" && <PhaseProgress label="Kemajuan" phase={PHASE_TEXT[run.progress.phase]} fraction={run.progress.fraction} />}
          {run.status === "done" && (
            <SuccessLines
              title="Lembar siap"
              label="Ringkasan perubahan"
              lines={run.result.lines}
              footer={showRoundTrips ? `Ditulis ke Excel dalam ${run.result.report.syncs} kali sinkronisasi (${run.result.ops} operasi).` : undefined}
            />
          )}
        </div>
        {run.status === "failed" && <FailureBar failure={run.failure} />}
      </div>
      {preview && opened && <div className={styles.column}>{preview(revision)}</div>}
    </div>
  );
}

