import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Shown when office.js reports no host: the pane runs in a plain browser. */
export function NoExcelBanner() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Mode tanpa Excel</MessageBarTitle>
        Panel ini berjalan di peramban biasa, tidak di dalam Excel. Fungsi SAKIP dapat dicoba di sini; Siapkan Lembar dan Impor SIPD
        menulis ke buku kerja sementara di peramban, Periksa memeriksanya, dan sel isiannya dapat diperbaiki langsung di lembar. Unduh
        sebagai .xlsx untuk menyimpannya.
      </MessageBarBody>
    </MessageBar>
  );
}
