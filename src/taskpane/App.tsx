import { useEffect, useMemo, useState } from "react";
import { Caption1, makeStyles, mergeClasses, Tab, TabList, Title3 } from "@fluentui/react-components";
import { token } from "./components/theme";
import { NoExcelBanner } from "./components/NoExcelBanner";
import { LazyPanel } from "./components/LazyPanel";
import { lazyChunk } from "./lazy";
import type { WorkbookOpener } from "./opener";
import { isExcel, type HostInfo } from "./host";
import type { PanelSpec } from "./panels";
import type { TabSwitch } from "./session";

export interface AppProps {
  host: HostInfo;
  panels: readonly PanelSpec[];
  initialPanel?: string;
  /** A panel's request to show another tab (the same one createPanels got). */
  tabs?: TabSwitch;
  /** No-Excel mode: opening the user's .xlsx as the session workbook. */
  opener?: WorkbookOpener | undefined;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: token("spacingVerticalM"),
    padding: `${token("spacingVerticalM")} ${token("spacingHorizontalM")}`,
    // the no-Excel mode in a desktop browser uses the width for the sheet grid; panels cap their forms
    maxWidth: "1440px",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: token("spacingVerticalXXS"),
    paddingBottom: token("spacingVerticalS"),
    borderBottom: `${token("strokeWidthThin")} solid ${token("colorNeutralStroke2")}`,
  },
  titleRow: { display: "flex", alignItems: "center", gap: token("spacingHorizontalS") },
  subtitle: { color: token("colorNeutralForeground3") },
  // Fluent's tint badge, drawn here to keep the first load small
  host: {
    display: "inline-flex",
    alignItems: "center",
    height: "20px",
    padding: `0 ${token("spacingHorizontalXS")}`,
    borderRadius: token("borderRadiusCircular"),
    fontSize: token("fontSizeBase200"),
    fontWeight: token("fontWeightSemibold"),
    lineHeight: token("lineHeightBase200"),
  },
  inExcel: {
    color: token("colorPaletteGreenForeground2"),
    backgroundColor: token("colorPaletteGreenBackground1"),
    border: `${token("strokeWidthThin")} solid ${token("colorPaletteGreenBorder1")}`,
  },
  noExcel: {
    color: token("colorPaletteDarkOrangeForeground2"),
    backgroundColor: token("colorPaletteYellowBackground1"),
    border: `${token("strokeWidthThin")} solid ${token("colorPaletteYellowBorder1")}`,
  },
  // five panels do not fit a 380 px pane on one line; wrapping keeps every tab in sight
  tabs: { flexWrap: "wrap" },
});

/** Header, the no-Excel banner and one tab per panel. Panels stay mounted so their input survives a tab switch. */
export function App({ host, panels, initialPanel, tabs, opener }: AppProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState(initialPanel ?? panels[0]?.id ?? "");
  // a workbook opened from a file: the panels start over on it (forms, results and grids of the old one go)
  const [opened, setOpened] = useState(0);
  // "Buka .xlsx…" is a chunk of its own, fetched at once without Excel: the first load stays the shell
  const openBar = useMemo(
    () =>
      opener &&
      lazyChunk(async () => {
        const { OpenXlsxBar } = await import(/* webpackChunkName: "open-bar" */ "./components/OpenXlsxBar");
        return () => <OpenXlsxBar opener={opener} onOpened={() => setOpened((n) => n + 1)} />;
      }),
    [opener],
  );
  useEffect(
    () =>
      tabs?.subscribe(() => {
        const id = tabs.requested();
        if (id !== null && panels.some((p) => p.id === id)) setSelected(id);
      }),
    [tabs, panels],
  );
  const excel = isExcel(host);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title3 as="h1">SAKIP Workbook</Title3>
          <span className={mergeClasses(styles.host, excel ? styles.inExcel : styles.noExcel)}>{excel ? "Excel" : "Tanpa Excel"}</span>
        </div>
        <Caption1 className={styles.subtitle}>Laporan Kinerja perangkat daerah: fungsi SAKIP, lembar standar, impor SIPD, pemeriksaan, laporan</Caption1>
      </header>
      {!excel && <NoExcelBanner />}
      {!excel && openBar && <LazyPanel active load={openBar} />}
      <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, data) => setSelected(String(data.value))} aria-label="Panel SAKIP">
        {panels.map((p) => (
          <Tab key={p.id} value={p.id} id={`tab-${p.id}`}>
            {p.label}
          </Tab>
        ))}
      </TabList>
      {panels.map((p) => (
        <section key={`${p.id}-${opened}`} role="tabpanel" aria-labelledby={`tab-${p.id}`} hidden={p.id !== selected}>
          {p.render({ active: p.id === selected })}
        </section>
      ))}
    </div>
  );
}
