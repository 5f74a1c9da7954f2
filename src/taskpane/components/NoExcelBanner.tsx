import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/** Shown when office.js reports no host: the pane runs in a plain browser. */
export function NoExcelBanner() {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Mode tanpa Excel</MessageBarTitle>
        Panel ini berjalan di peramban biasa, tidak di dalam Excel. Fungsi SAKIP tetap dapat dicoba di sini; perintah yang menulis ke
        lembar kerja baru tersedia setelah add-in dibuka di Excel.
      </MessageBarBody>
    </MessageBar>
  );
}
