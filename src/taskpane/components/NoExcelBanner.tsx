import { makeStyles } from "@fluentui/react-components";
import { token } from "./theme";

const useStyles = makeStyles({
  // the look of Fluent's warning MessageBar, drawn here: the banner is part of the pane's first load,
  // which stays small (the MessageBar component comes with the panels)
  root: {
    padding: `${token("spacingVerticalS")} ${token("spacingHorizontalM")}`,
    border: `${token("strokeWidthThin")} solid ${token("colorPaletteDarkOrangeBorder1")}`,
    borderRadius: token("borderRadiusMedium"),
    backgroundColor: token("colorPaletteDarkOrangeBackground1"),
    color: token("colorNeutralForeground1"),
    fontSize: token("fontSizeBase300"),
    lineHeight: token("lineHeightBase300"),
  },
  title: { fontWeight: token("fontWeightSemibold"), marginRight: token("spacingHorizontalXS") },
});

/** Shown when office.js reports no host: the pane runs in a plain browser. */
export function NoExcelBanner() {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label="Mode tanpa Excel">
      <strong className={styles.title}>Mode tanpa Excel</strong>
      Panel ini berjalan di peramban biasa, tidak di dalam Excel. Buka buku kerja .xlsx Anda, atau mulai baru: Siapkan Lembar dan
      Impor SIPD menulis ke buku kerja sesi di peramban, Periksa memeriksanya, Laporan menyusun laporannya, dan sel isiannya dapat
      diperbaiki langsung di lembar. Unduh sebagai .xlsx untuk menyimpannya.
    </section>
  );
}
