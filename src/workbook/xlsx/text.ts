/**
 * Cell text as OOXML stores it: control characters, which XML cannot hold (ExcelJS drops them), become
 * _xHHHH_ escapes, and text that already looks like an escape has its "_" escaped (_x005F_), or Excel
 * and ExcelJS would decode "_x0041_" to "A".
 */
export function escapeText(s: string): string {
  if (!/_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0B\x0C\x0E-\x1F]/.test(s)) return s;
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** The reverse, as ExcelJS's reader does it (upper-case hex only), for text read from a file. */
export function unescapeText(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}
