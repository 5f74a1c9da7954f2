/**
 * A Rincian SIPD sheet that no longer reads as an LRA (its rows cleared, its kode column overwritten):
 * Periksa cannot hold Realisasi Anggaran against SIPD, and says so at the sheet instead of passing
 * over it in silence (it used to report nothing at all).
 */
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage } from "../../../src/core/findings";
import { RINCIAN_COLUMNS, RINCIAN_ROWS, RINCIAN_SHEET } from "../../../src/core/layouts/rincian";
import { validateModel } from "../../../src/core/rules";
import { correctWorkbook2024 } from "../../support/workbooks";

describe("a Rincian SIPD sheet Periksa cannot read", () => {
  it("is a warning at its first kode cell when its rows were cleared, and Realisasi Anggaran goes unchecked against SIPD", async () => {
    const wb = await correctWorkbook2024();
    const rows = (await wb.sheets()).find((s) => s.name === RINCIAN_SHEET)!.usedRows - RINCIAN_ROWS.firstData;
    const blank = Array.from({ length: rows }, () => RINCIAN_COLUMNS.map(() => null));
    await wb.apply([{ type: "write", sheet: RINCIAN_SHEET, row: RINCIAN_ROWS.firstData, col: 0, cells: blank }]);
    const findings = validateModel(await readWorkbookModel(wb));
    expect(findings.map((f) => `${f.rule} ${f.code} ${f.severity}`)).toEqual(["R-XREF-01 xref-sipd-unreadable warning"]);
    expect(findings[0]!.at).toEqual({ kind: "cell", sheet: RINCIAN_SHEET, row: RINCIAN_ROWS.firstData, col: 1 });
    expect(findingMessage(findings[0]!)).toBe(
      "Lembar Rincian SIPD tidak terbaca sebagai LRA SIPD (tidak ada kode rekening di kolom Kode Rekening); pagu dan realisasi di lembar Realisasi Anggaran tidak dapat dibandingkan dengan SIPD. Impor ulang LRA dari SIPD.",
    );
  });
});
