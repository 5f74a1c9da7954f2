/** R-XREF-02 within a workbook: one indicator with two targets in two jabatan is told by its target, not by a six-decimal capaian. */
import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage, locationText } from "../../../src/core/findings";
import { CAPAIAN, PERJANJIAN_KINERJA } from "../../../src/core/layouts";
import { validateModel } from "../../../src/core/rules";
import { correctWorkbook2024, F, write } from "../../support/workbooks";

it("program 7.01.01's indicator again in the Sekretaris' PK with target 90: target 100 there, 90 here", async () => {
  const wb = await correctWorkbook2024();
  const r = F + 9;
  await wb.apply([
    write(PERJANJIAN_KINERJA, r, "jabatan", "Sekretaris Kecamatan"),
    write(PERJANJIAN_KINERJA, r, "level", "Sasaran Kegiatan"),
    write(PERJANJIAN_KINERJA, r, "sasaran", "Terlaksananya uji aturan"),
    write(PERJANJIAN_KINERJA, r, "indikator", "Persentase pemenuhan fasilitasi kebutuhan operasional perkantoran"),
    write(PERJANJIAN_KINERJA, r, "satuan", "%"),
    write(PERJANJIAN_KINERJA, r, "polaritas", "positif"),
    write(PERJANJIAN_KINERJA, r, "metode", "terakhir"),
    write(PERJANJIAN_KINERJA, r, "targetAwal", 90),
    write(CAPAIAN, r, "tw2", 46),
  ]);
  const found = validateModel(await readWorkbookModel(wb)).filter((f) => f.rule === "R-XREF-02").map((f) => `${locationText(f.at)}: ${findingMessage(f)}`);
  expect(found).toEqual([
    'Capaian!I16: Indikator "Persentase pemenuhan fasilitasi kebutuhan operasional perkantoran" juga ada pada Kasubbag Keuangan (IK-002) dengan target 100; di sini 90. Indikator yang sama harus sama nilainya di semua laporan.',
  ]);
});
