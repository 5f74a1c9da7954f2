import { useEffect, useState, type ReactNode } from "react";
import { makeStyles } from "@fluentui/react-components";
import { token } from "./theme";

export interface LazyPanelProps {
  /** Whether the panel's tab is shown: the chunk is fetched the first time it is. */
  active: boolean;
  /** Fetches the panel's code; a failure is shown with "Coba lagi" (lazyChunk does not cache it). */
  load: () => Promise<(state: { active: boolean }) => ReactNode>;
}

type Loaded = { status: "idle" } | { status: "loading" } | { status: "ready"; render: (state: { active: boolean }) => ReactNode } | { status: "failed"; message: string };

// Part of the pane's first load, so drawn with the shell's own means (no Spinner, MessageBar or Button,
// which come with the panels; Fluent's Button would also pull its whole tokens object into the first
// load): a line while loading, Fluent's error bar and button look when the chunk did not arrive.
const useStyles = makeStyles({
  loading: { color: token("colorNeutralForeground3"), fontSize: token("fontSizeBase300"), padding: `${token("spacingVerticalS")} 0` },
  failed: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: token("spacingVerticalS"),
    padding: `${token("spacingVerticalS")} ${token("spacingHorizontalM")}`,
    border: `${token("strokeWidthThin")} solid ${token("colorPaletteRedBorder1")}`,
    borderRadius: token("borderRadiusMedium"),
    backgroundColor: token("colorPaletteRedBackground1"),
    fontSize: token("fontSizeBase300"),
    lineHeight: token("lineHeightBase300"),
  },
  title: { fontWeight: token("fontWeightSemibold") },
  retry: {
    minWidth: "96px",
    padding: `${token("spacingVerticalXS")} ${token("spacingHorizontalM")}`,
    border: `${token("strokeWidthThin")} solid ${token("colorNeutralStroke1")}`,
    borderRadius: token("borderRadiusMedium"),
    backgroundColor: token("colorNeutralBackground1"),
    color: token("colorNeutralForeground1"),
    fontFamily: token("fontFamilyBase"),
    fontSize: token("fontSizeBase300"),
    fontWeight: token("fontWeightSemibold"),
    lineHeight: token("lineHeightBase300"),
    cursor: "pointer",
    ":hover": { backgroundColor: token("colorNeutralBackground1Hover") },
    ":focus-visible": { outline: `${token("strokeWidthThick")} solid ${token("colorStrokeFocus2")}` },
  },
});

/** A panel whose code is its own chunk, fetched when its tab is first opened. */
export function LazyPanel({ active, load }: LazyPanelProps) {
  const styles = useStyles();
  const [loaded, setLoaded] = useState<Loaded>({ status: "idle" });

  const fetchPanel = () => {
    setLoaded({ status: "loading" });
    load().then(
      (render) => setLoaded({ status: "ready", render }),
      (error: unknown) => setLoaded({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
    );
  };

  useEffect(() => {
    if (active && loaded.status === "idle") fetchPanel();
  }, [active, loaded.status]);

  switch (loaded.status) {
    case "idle":
      return null;
    case "loading":
      return (
        <p className={styles.loading} role="status" aria-busy="true">
          Memuat panel…
        </p>
      );
    case "failed":
      return (
        <div className={styles.failed} role="alert">
          <div>
            <span className={styles.title}>Panel tidak dapat dimuat.</span> Kode panel ini belum terunduh. Periksa sambungan ke server
            add-in, lalu coba lagi. (Rincian: {loaded.message})
          </div>
          <button type="button" className={styles.retry} onClick={fetchPanel}>
            Coba lagi
          </button>
        </div>
      );
    case "ready":
      return <>{loaded.render({ active })}</>;
  }
}
