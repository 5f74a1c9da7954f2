/**
 * The start of the large benchmark workbooks: the standard sheets for the synthetic LRA's SKPD (so its
 * import needs no confirmation), then that LRA imported — Realisasi Anggaran and a Rincian SIPD of
 * `rows` rows, in a new memory workbook or in `port`. The benchmarks add their indicators on top.
 */
import { importLra } from "../src/app/import-sipd";
import { scaffold } from "../src/app/scaffold";
import { generateLra, parseLra, type LraParseSuccess } from "../src/core/sipd";
import { MemoryWorkbook } from "../src/workbook/memory/memory-workbook";
import type { WorkbookPort } from "../src/workbook/port";

export async function importedSyntheticLra<P extends WorkbookPort = MemoryWorkbook>(
  rows: number,
  settings: Record<string, unknown>,
  port?: P,
): Promise<{ wb: P; lra: LraParseSuccess }> {
  const wb = port ?? (new MemoryWorkbook() as WorkbookPort as P);
  const s = await scaffold(wb, { unitKerja: "Kecamatan Contoh", tahun: 2024, periode: "TW II", ...settings });
  if (!s.ok) throw new Error("scaffold failed");
  const lra = parseLra(generateLra(rows, 7)) as LraParseSuccess;
  if (!lra.ok) throw new Error("synthetic LRA did not parse");
  const r = await importLra(wb, lra);
  if (!r.ok) throw new Error(r.message);
  return { wb, lra };
}
