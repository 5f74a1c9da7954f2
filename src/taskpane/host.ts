/** Where the task pane runs, as Office.onReady reports it; host null = a plain browser, no Excel. */
export interface HostInfo {
  host: string | null;
  platform: string | null;
}

export const NO_HOST: HostInfo = { host: null, platform: null };

export function isExcel(info: HostInfo): boolean {
  return info.host === "Excel";
}
