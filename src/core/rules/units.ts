/** What a satuan says about the numbers of an indicator. */
import { isLevelUnit } from "../indicators";

/**
 * `level`: a percentage, index or score (%, persen, indeks, nilai …): never summed, may be typed as %.
 * `count`: a count of things (Dokumen, Desa, Laporan, Paket): realisasi in the same unit, never in %.
 * `none`: no satuan given.
 */
export type UnitClass = "level" | "count" | "none";

export function classifyLevelUnit(satuan: string | null | undefined): UnitClass {
  if (!satuan || satuan.trim() === "") return "none";
  return isLevelUnit(satuan) ? "level" : "count";
}

/** Indicator names that state a percentage: "Persentase …", "Rata-rata persentase …". */
export const namesAPercentage = (indikator: string): boolean => /^\s*(rata-?\s*rata\s+)?persentas[ei]\b/i.test(indikator);
