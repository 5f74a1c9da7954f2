/** SIPD Laporan Realisasi Anggaran (kode rekening) paste parser and reconciliation. */
export { parseLra, DEFAULT_MAX_LENGTH } from "./parse";
export { generateLra, MAX_SYNTHETIC_ROWS, type GenerateLraOptions } from "./synthetic";
export { persenOf } from "./amounts";
export { amountsAt, pushAmounts } from "./row";
export { groupBy } from "./derive";
export { KODE_PATTERN } from "./kode";
export * from "./types";
export { kegiatanName } from "./nomenclature";
export { MONTH_NAMES, monthOf } from "./header";
export { importRefusals, refusalKey, type ImportRefusal, type ImportRefusalCode, type WorkbookIdentity } from "./gate";
