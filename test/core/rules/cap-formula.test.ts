/**
 * R-CAP-01 names the formula the capaian was recomputed with: for a negative indicator, the one
 * Pengaturan chose ("Rumus polaritas negatif": 2T-R or T/R), with the row's numbers in its order.
 */
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage, locationText } from "../../../src/core/findings";
import { CAPAIAN, FORM_FIRST_FIELD_ROW, PENGATURAN, PERJANJIAN_KINERJA } from "../../../src/core/layouts";
import { validateModel } from "../../../src/core/rules";
import type { WorkbookOp } from "../../../src/workbook/port";
import { correctWorkbook2024, F, write } from "../../support/workbooks";

const setting = (key: string, v: string): WorkbookOp => ({ type: "write", sheet: PENGATURAN.sheet, row: FORM_FIRST_FIELD_ROW + PENGATURAN.fields.findIndex((f) => f.key === key), col: 1, cells: [[v]] });

/** Program 7.01.01 made a negative indicator with target 10 and realisasi 4, its capaian typed. */
async function capMessages(rumus: "2T-R" | "T/R", typed: number): Promise<string[]> {
  const wb = await correctWorkbook2024();
  await wb.apply([
    setting("rumusNegatif", rumus),
    write(PERJANJIAN_KINERJA, F + 1, "polaritas", "negatif"),
    write(PERJANJIAN_KINERJA, F + 1, "targetAwal", 10),
    write(CAPAIAN, F + 1, "tw2", 4),
    write(CAPAIAN, F + 1, "capaian", typed),
  ]);
  return validateModel(await readWorkbookModel(wb))
    .filter((f) => f.code === "cap-mismatch")
    .map((f) => `${locationText(f.at)}: ${findingMessage(f)}`);
}

describe("R-CAP-01 cap-mismatch: the formula actually used", () => {
  it("T/R: target ÷ realisasi, with the numbers in that order", async () => {
    expect(await capMessages("T/R", 1.6)).toEqual(["Capaian!O8: Capaian tertulis 160%, sedangkan target ÷ realisasi (10 ÷ 4) = 250,00%. Ketik ulang realisasi/target atau pulihkan rumusnya."]);
  });

  // the other formula's value typed: each is named as it is
  it("2T-R (the default): (2 × target − realisasi) ÷ target", async () => {
    expect(await capMessages("2T-R", 2.5)).toEqual(["Capaian!O8: Capaian tertulis 250%, sedangkan (2 × target − realisasi) ÷ target = 160,00%. Ketik ulang realisasi/target atau pulihkan rumusnya."]);
  });
});
