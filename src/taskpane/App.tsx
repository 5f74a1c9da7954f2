import { useState } from "react";
import { Badge, Caption1, makeStyles, Tab, TabList, Title3, tokens } from "@fluentui/react-components";
import { NoExcelBanner } from "./components/NoExcelBanner";
import { isExcel, type HostInfo } from "./host";
import type { PanelSpec } from "./panels";

export interface AppProps {
  host: HostInfo;
  panels: readonly PanelSpec[];
  initialPanel?: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    // the no-Excel mode in a desktop browser uses the width for the sheet grid; panels cap their forms
    maxWidth: "1440px",
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  subtitle: { color: tokens.colorNeutralForeground3 },
  // four panels do not fit a 380 px pane on one line; wrapping keeps every tab in sight
  tabs: { flexWrap: "wrap" },
});

/** Header, the no-Excel banner and one tab per panel. Panels stay mounted so their input survives a tab switch. */
export function App({ host, panels, initialPanel }: AppProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState(initialPanel ?? panels[0]?.id ?? "");
  const excel = isExcel(host);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <Title3 as="h1">SAKIP Workbook</Title3>
          <Badge appearance="tint" color={excel ? "success" : "warning"}>
            {excel ? "Excel" : "Tanpa Excel"}
          </Badge>
        </div>
        <Caption1 className={styles.subtitle}>Laporan Kinerja perangkat daerah: fungsi SAKIP, lembar standar, impor SIPD</Caption1>
      </header>
      {!excel && <NoExcelBanner />}
      <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, data) => setSelected(String(data.value))} aria-label="Panel SAKIP">
        {panels.map((p) => (
          <Tab key={p.id} value={p.id} id={`tab-${p.id}`}>
            {p.label}
          </Tab>
        ))}
      </TabList>
      {panels.map((p) => (
        <section key={p.id} role="tabpanel" aria-labelledby={`tab-${p.id}`} hidden={p.id !== selected}>
          {p.render({ active: p.id === selected })}
        </section>
      ))}
    </div>
  );
}
