import { useEffect, useRef, useState } from "react";
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { token } from "./theme";
import type { WorkbookOpener } from "../opener";

export interface OpenXlsxBarProps {
  opener: WorkbookOpener;
  /** After a file became the session workbook: the panels start over on it. */
  onOpened: (name: string) => void;
}

type State =
  | { status: "idle" }
  | { status: "checking"; file: File }
  | { status: "confirm"; file: File }
  | { status: "opening"; name: string; stage: string }
  | { status: "failed"; message: string }
  | { status: "opened"; name: string; sheets: number };

// Fluent's look drawn with plain elements: this bar is part of the pane's first load, which carries no
// Fluent Button (the panels' chunks do)
const button = {
  minHeight: "32px",
  padding: `0 ${token("spacingHorizontalM")}`,
  borderRadius: token("borderRadiusMedium"),
  fontFamily: token("fontFamilyBase"),
  fontSize: token("fontSizeBase300"),
  fontWeight: token("fontWeightSemibold"),
  cursor: "pointer",
  ":disabled": { cursor: "not-allowed", color: token("colorNeutralForegroundDisabled"), backgroundColor: token("colorNeutralBackgroundDisabled"), border: `${token("strokeWidthThin")} solid ${token("colorNeutralStrokeDisabled")}` },
  ":focus-visible": { outline: `${token("strokeWidthThick")} solid ${token("colorStrokeFocus2")}`, outlineOffset: "1px" },
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: token("spacingVerticalS"),
    padding: `${token("spacingVerticalS")} ${token("spacingHorizontalM")}`,
    border: `${token("strokeWidthThin")} dashed ${token("colorNeutralStroke1")}`,
    borderRadius: token("borderRadiusMedium"),
    fontSize: token("fontSizeBase300"),
    lineHeight: token("lineHeightBase300"),
  },
  dragging: { border: `${token("strokeWidthThick")} dashed ${token("colorBrandStroke1")}`, backgroundColor: token("colorBrandBackground2") },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: token("spacingHorizontalS") },
  hint: { color: token("colorNeutralForeground3") },
  primary: { ...button, color: token("colorNeutralForegroundOnBrand"), backgroundColor: token("colorBrandBackground"), border: `${token("strokeWidthThin")} solid transparent`, ":hover": { backgroundColor: token("colorBrandBackgroundHover") } },
  secondary: { ...button, color: token("colorNeutralForeground1"), backgroundColor: token("colorNeutralBackground1"), border: `${token("strokeWidthThin")} solid ${token("colorNeutralStroke1")}`, ":hover": { backgroundColor: token("colorNeutralBackground1Hover") } },
  input: { display: "none" },
  error: { color: token("colorPaletteRedForeground1"), fontWeight: token("fontWeightSemibold") },
  warning: { padding: token("spacingVerticalS"), backgroundColor: token("colorPaletteYellowBackground1"), borderRadius: token("borderRadiusMedium") },
});

const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files");

/**
 * No-Excel mode: "Buka .xlsx…" and drag-and-drop of an .xlsx onto the pane. Opening replaces the session
 * workbook, after a confirmation when it holds changes not yet downloaded; the progress line says what
 * is being read, and a refusal names the file and the reason.
 */
export function OpenXlsxBar({ opener, onOpened }: OpenXlsxBarProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ status: "idle" });
  const [dragging, setDragging] = useState(false);
  const busy = state.status === "opening" || state.status === "checking";

  const open = async (file: File) => {
    setState({ status: "opening", name: file.name, stage: "memuat pembaca .xlsx" });
    try {
      const result = await opener.open(file, (stage) => setState({ status: "opening", name: file.name, stage }));
      if (!result.ok) return setState({ status: "failed", message: result.message });
      setState({ status: "opened", name: result.name, sheets: result.sheets.length });
      onOpened(result.name);
    } catch (error) {
      setState({ status: "failed", message: `${file.name} tidak dapat dibuka (${error instanceof Error ? error.message : String(error)}). Buku kerja sesi tidak berubah.` });
    }
  };

  const chosen = async (file: File | undefined) => {
    if (!file || busy) return;
    setState({ status: "checking", file });
    try {
      if (await opener.unsaved()) return setState({ status: "confirm", file });
    } catch (error) {
      return setState({ status: "failed", message: `${file.name} tidak dapat dibuka (${error instanceof Error ? error.message : String(error)}). Buku kerja sesi tidak berubah.` });
    }
    await open(file);
  };
  // the drop listeners see the latest state through this
  const latest = useRef(chosen);
  latest.current = chosen;

  useEffect(() => {
    let depth = 0;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // a file dropped anywhere on the pane opens; the browser must not navigate to it
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void latest.current(e.dataTransfer?.files[0]);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, []);

  return (
    <section className={mergeClasses(styles.root, dragging && styles.dragging)} aria-label="Buka buku kerja">
      <div className={styles.row}>
        <button type="button" className={styles.primary} disabled={busy} onClick={() => input.current?.click()}>
          Buka .xlsx…
        </button>
        <span className={styles.hint}>{dragging ? "Lepaskan berkas .xlsx untuk membukanya." : "atau seret berkas .xlsx (Excel, LibreOffice, WPS) ke panel ini."}</span>
        <input
          ref={input}
          className={styles.input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="Berkas .xlsx"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // the same file may be picked again after a refusal
            e.currentTarget.value = "";
            void chosen(file);
          }}
        />
      </div>
      {state.status === "confirm" && (
        <div className={mergeClasses(styles.row, styles.warning)} role="alert">
          <span>
            Perubahan pada buku kerja sesi belum diunduh. Membuka <strong>{state.file.name}</strong> akan menggantinya, dan perubahan itu hilang.
          </span>
          <button type="button" className={styles.primary} onClick={() => void open(state.file)}>
            Buka dan ganti
          </button>
          <button type="button" className={styles.secondary} onClick={() => setState({ status: "idle" })}>
            Batal
          </button>
        </div>
      )}
      {state.status === "opening" && (
        <span role="status">
          Membuka {state.name}: {state.stage}…
        </span>
      )}
      {state.status === "failed" && (
        <span role="alert" className={styles.error}>
          {state.message}
        </span>
      )}
      {state.status === "opened" && (
        <span role="status">
          Dibuka: <strong>{state.name}</strong> ({state.sheets} lembar). Semua panel kini bekerja pada buku kerja ini; Unduh .xlsx memberikannya kembali.
        </span>
      )}
    </section>
  );
}
