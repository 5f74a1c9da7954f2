/**
 * A column inserted into a standard sheet, as Excel leaves it: every cell from there on one column to
 * the right. Periksa reads columns where the layout puts them, so the sheet's other findings are noise;
 * the one that explains them comes first, at the header that moved.
 */
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage, locationText } from "../../../src/core/findings";
import type { WorkbookModel } from "../../../src/core/model/workbook-model";
import { validateModel } from "../../../src/core/rules";
import { CAPAIAN } from "../../../src/core/layouts";
import { correctWorkbook2024, insertColumn } from "../../support/workbooks";

async function withColumnInserted(sheet: string, at: number, header: string): Promise<WorkbookModel> {
  const wb = await correctWorkbook2024();
  await insertColumn(wb, sheet, at, header);
  return readWorkbookModel(wb);
}

describe("a column inserted into a standard sheet", () => {
  it("is one galat at the first header that moved, before the sheet's other findings", async () => {
    const findings = validateModel(await withColumnInserted("Capaian", 8, "Keterangan")).filter((f) => f.at.kind === "cell" && f.at.sheet === "Capaian");
    expect(findings.length).toBeGreaterThan(100);
    const first = findings[0]!;
    expect([first.rule, first.code, first.severity, locationText(first.at)]).toEqual(["R-XL-06", "columns-shifted", "error", "Capaian!I4"]);
    expect(findingMessage(first)).toBe(
      'Kolom "Target" seharusnya di I, tetapi ada di J: satu kolom disisipkan di sebelah kirinya. Lembar ini dibaca menurut kolom bakunya, jadi angka dan temuan lain di lembar ini tidak dapat dipercaya sampai tata letaknya dikembalikan.',
    );
    expect(findings.filter((f) => f.rule === "R-XL-06")).toHaveLength(1);
    // no one-click fix on the shifted sheet: it would write a formula over whatever moved into its column
    expect(findings.filter((f) => f.fix)).toEqual([]);
  });

  it("is nothing past the last column: a note column added after the table is the user's", async () => {
    const findings = validateModel(await withColumnInserted("Capaian", CAPAIAN.columns.length, "Catatan"));
    expect(findings.filter((f) => f.at.kind === "cell" && f.at.sheet === "Capaian")).toEqual([]);
  });
});
