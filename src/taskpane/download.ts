/** Hands bytes to the browser as a file download (no-Excel mode). */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function saveFile(name: string, bytes: Uint8Array, type = XLSX_MIME): void {
  // copied into a fresh ArrayBuffer: the bytes may be a view into a larger (or shared) buffer
  const blob = new Blob([bytes.slice()], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // revoking at once can cancel the download in some browsers; a minute is plenty to start it
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
