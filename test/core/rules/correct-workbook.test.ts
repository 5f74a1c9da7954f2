import { readWorkbookModel } from "../../../src/app/read-model";
import { findingMessage, locationText, SEVERITY_LABEL } from "../../../src/core/findings";
import { validateModel } from "../../../src/core/rules";
import { correctWorkbook2024 } from "../../support/workbooks";

describe("a workbook built from correct data", () => {
  it("yields no galat and no peringatan (scaffold + SIPD June 2024 + Kasubbag Keuangan TW II 2024)", async () => {
    const model = await readWorkbookModel(await correctWorkbook2024());
    const findings = validateModel(model);
    const serious = findings.filter((f) => f.severity !== "info").map((f) => `${SEVERITY_LABEL[f.severity]} ${f.rule} ${locationText(f.at)}: ${findingMessage(f)}`);
    expect(serious).toEqual([]);
    // SIPD's own anomalies (the malformed kode of 002:589-593, the realisasi above its pagu of 002:605-606)
    // stay visible where the imported rows stand, as info
    expect(findings.map((f) => `${f.rule} ${f.code} ${locationText(f.at)}`)).toEqual([
      "R-SUM-01 sipd-rollup-literal-only 'Rincian SIPD'!J22",
      "R-SUM-01 sipd-rollup-literal-only 'Rincian SIPD'!J23",
      ...[25, 26, 27, 28, 29].map((r) => `R-KODE-01 sipd-kode-repaired 'Rincian SIPD'!B${r}`),
      ...[33, 34].flatMap((r) => [`R-PEN-02 sipd-realisasi-over 'Rincian SIPD'!N${r}`, `R-NUM-02 sipd-persen-precision 'Rincian SIPD'!O${r}`, `R-SISA-01 sipd-sisa-negative 'Rincian SIPD'!P${r}`]),
    ]);
  });
});
