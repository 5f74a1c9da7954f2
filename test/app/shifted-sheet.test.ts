/**
 * A standard sheet with a column inserted in the middle (a "Keterangan" column, as users add one): the
 * scaffold would rewrite its headers and write formulas into the shifted columns, and the SIPD import
 * would write amounts into the wrong ones. Both refuse before writing, saying which column moved.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importLra } from "../../src/app/import-sipd";
import { LAYOUT_FIELD, scaffold } from "../../src/app/scaffold";
import { CAPAIAN, REALISASI_ANGGARAN, colIndex } from "../../src/core/layouts";
import { parseLra, type LraParseSuccess } from "../../src/core/sipd";
import type { WorkbookPort } from "../../src/workbook/port";
import { correctWorkbook2024, insertColumn } from "../support/workbooks";

const TSV = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");

async function everything(wb: WorkbookPort): Promise<string> {
  const sheets = await wb.sheets();
  const blocks = await wb.read(sheets.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) })));
  return JSON.stringify([sheets, blocks]);
}

describe("a standard sheet with a column inserted in the middle", () => {
  it("is not scaffolded: nothing is written, and the refusal names the column that moved", async () => {
    const wb = await correctWorkbook2024();
    await insertColumn(wb, CAPAIAN.sheet, colIndex(CAPAIAN, "target"));
    const before = await everything(wb);
    const r = await scaffold(wb, {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        field: LAYOUT_FIELD,
        message:
          'Lembar Capaian: kolom "Target" seharusnya di I, tetapi ada di J (kolom disisipkan di tengah lembar). Buku kerja tidak diubah: Siapkan Lembar akan menulis ke kolom yang salah. ' +
          "Hapus kolom sisipan (atau kembalikan kolom yang terhapus), lalu jalankan lagi; catatan tambahan dapat ditulis di kolom sesudah kolom terakhir.",
      },
    ]);
    expect(await everything(wb)).toBe(before);
  });

  it("is not written by the SIPD import when it is Realisasi Anggaran; another sheet shifted does not stop the import", async () => {
    const lra = parseLra(TSV) as LraParseSuccess;
    const wb = await correctWorkbook2024();
    await insertColumn(wb, REALISASI_ANGGARAN.sheet, colIndex(REALISASI_ANGGARAN, "kode"));
    const before = await everything(wb);
    const r = await importLra(wb, lra, undefined, { confirmed: "all" });
    expect(r.ok).toBe(false);
    expect(!r.ok && "message" in r ? r.message : "").toMatch(/^Lembar Realisasi Anggaran: kolom "Kode" seharusnya di B, tetapi ada di C .*Impor SIPD akan menulis ke kolom yang salah/);
    expect(await everything(wb)).toBe(before);

    const other = await correctWorkbook2024();
    await insertColumn(other, CAPAIAN.sheet, colIndex(CAPAIAN, "target"));
    expect((await importLra(other, lra, undefined, { confirmed: "all" })).ok).toBe(true);
  });
});
