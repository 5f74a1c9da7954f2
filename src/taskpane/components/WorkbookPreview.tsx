import { useEffect, useState } from "react";
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import type { EditResult } from "../../app/edit-cell";
import type { Address } from "../../workbook/port";
import type { FocusRequest } from "../session";
import { MAX_GRID_ROWS, type SheetGridModel } from "../sheet-view";
import { SheetGrid } from "./SheetGrid";

export interface WorkbookPreviewProps {
  /** Changes whenever the workbook may have changed. */
  revision: number;
  /** The sheets as the grid shows them; a long sheet around `around` when given. */
  loadGrid: (around: Address | null) => Promise<SheetGridModel[]>;
  /** Writes the workbook as .xlsx and hands it to the browser; resolves with the file name. */
  download: () => Promise<string>;
  /** The sheet shown first when it exists (the one the panel writes), until the user picks another. */
  preferredSheet?: string | undefined;
  /** A cell to show (a Periksa finding). */
  focus?: FocusRequest | null | undefined;
  /** Writes a typed text into an input cell (the grid's small edits). */
  edit?: ((at: Address, text: string) => Promise<EditResult>) | undefined;
}

type Grid = { status: "loading" } | { status: "ready"; sheets: SheetGridModel[] } | { status: "failed"; message: string };
type Download = { status: "idle" } | { status: "running" } | { status: "done"; name: string } | { status: "failed"; message: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap", justifyContent: "space-between" },
  note: { color: tokens.colorNeutralForeground3 },
});

/** The no-Excel session's workbook: its sheets and the download as .xlsx. */
export function WorkbookPreview({ revision, loadGrid, download, preferredSheet, focus, edit }: WorkbookPreviewProps) {
  const styles = useStyles();
  const [grid, setGrid] = useState<Grid>({ status: "loading" });
  const [saving, setSaving] = useState<Download>({ status: "idle" });

  // a cell to show may lie below the first rows of a long sheet: the view is read again around it
  const around = focus && focus.row >= MAX_GRID_ROWS ? { sheet: focus.sheet, row: focus.row, col: focus.col } : null;
  const aroundKey = around ? `${around.sheet}\u0000${around.row}` : "";
  useEffect(() => {
    let current = true;
    loadGrid(around).then(
      (sheets) => current && setGrid({ status: "ready", sheets }),
      (error: unknown) => current && setGrid({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [revision, loadGrid, aroundKey]);

  const empty = grid.status !== "ready" || grid.sheets.length === 0;
  const save = async () => {
    setSaving({ status: "running" });
    try {
      setSaving({ status: "done", name: await download() });
    } catch (error) {
      setSaving({ status: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className={styles.root} aria-label="Buku kerja sesi ini">
      <div className={styles.row}>
        <Subtitle2 as="h2">Buku kerja sesi ini</Subtitle2>
        <Button onClick={() => void save()} disabled={empty || saving.status === "running"}>
          {saving.status === "running" ? "Menyiapkan berkas…" : "Unduh .xlsx"}
        </Button>
      </div>
      <Caption1 className={styles.note}>
        Tersimpan di peramban selama halaman ini terbuka. Sel abu-abu berisi rumus: nilainya dihitung di sini seperti Excel
        menghitungnya; pilih sel untuk melihat rumusnya.{edit && " Sel isian (putih) dapat diperbaiki: klik dua kali atau pilih lalu ketik, Enter untuk menyimpan."}
      </Caption1>
      {saving.status === "done" && (
        <Caption1 role="status">
          Diunduh: <strong>{saving.name}</strong>
        </Caption1>
      )}
      {saving.status === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>Berkas .xlsx gagal dibuat</MessageBarTitle>
            {saving.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {grid.status === "loading" && <Spinner size="tiny" label="Memuat lembar…" />}
      {grid.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Lembar tidak dapat ditampilkan</MessageBarTitle>
            {grid.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {grid.status === "ready" &&
        (grid.sheets.length === 0 ? (
          <Caption1 className={styles.note}>Belum ada lembar. Siapkan Lembar atau Impor SIPD membuat lembar standar.</Caption1>
        ) : (
          <SheetGrid sheets={grid.sheets} preferredSheet={preferredSheet} focus={focus} onEdit={edit} />
        ))}
    </section>
  );
}
