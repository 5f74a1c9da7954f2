import { applyFix, confirmationOps, exportGate, undoFix, validateWorkbook } from "../../src/app/validate";
import { JOURNAL_SHEET } from "../../src/app/journal";
import { CAPAIAN, COST_PER_OUTCOME } from "../../src/core/layouts";
import { findingMessage, locationText, type Finding } from "../../src/core/findings";
import { correctWorkbook2024, F, write } from "../support/workbooks";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";

const brief = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.code} ${locationText(f.at)}`);

describe("Periksa use-case on the correct 2024 workbook", () => {
  let wb: MemoryWorkbook;
  beforeEach(async () => {
    wb = await correctWorkbook2024();
  });

  it("a capaian typed over its formula: two findings at the cell; restoring the formula clears them; undo puts the typed value back", async () => {
    // row 2 (program A): realisasi 46 of target 100; the report typed 50%
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
    let run = await validateWorkbook(wb);
    expect(brief(run.findings)).toEqual(["R-XL-01 formula-constant Capaian!O8", "R-CAP-01 cap-mismatch Capaian!O8"]);
    const cap = run.findings.find((f) => f.code === "cap-mismatch")!;
    expect(findingMessage(cap)).toBe("Capaian tertulis 50%, sedangkan realisasi ÷ target (46 ÷ 100) = 46,00%. Ketik ulang realisasi/target atau pulihkan rumusnya.");
    expect([cap.stated, cap.expected]).toEqual([0.5, 0.46]);
    const constant = run.findings.find((f) => f.code === "formula-constant")!;
    const fixed = await applyFix(wb, constant);
    expect(fixed.ok).toBe(true);
    run = await validateWorkbook(wb);
    expect(brief(run.findings)).toEqual([]);
    await undoFix(wb, (fixed as { undo: Parameters<typeof undoFix>[1] }).undo);
    expect(wb.cell("Capaian", F + 1, 14)).toMatchObject({ value: 0.5, formula: null });
    expect(brief((await validateWorkbook(wb)).findings)).toEqual(["R-XL-01 formula-constant Capaian!O8", "R-CAP-01 cap-mismatch Capaian!O8"]);
  });

  it("a percent typed as a number in a percent column: converted to the fraction it meant", async () => {
    // penyerapan of program A typed as 53,53 instead of 53,53%
    await wb.apply([write(COST_PER_OUTCOME, F + 1, "penyerapan", 53.53)]);
    const run = await validateWorkbook(wb);
    const f = run.findings.find((x) => x.code === "ratio-as-percent-number")!;
    expect(locationText(f.at)).toBe("'Cost per Outcome'!L8");
    expect(findingMessage(f)).toBe("Nilai 53,53 di kolom persen berarti 5353%; tampaknya persen diketik sebagai angka (maksudnya 53,53%).");
    const fixed = await applyFix(wb, f);
    expect(fixed.ok).toBe(true);
    expect(wb.cell("Cost per Outcome", F + 1, 11)).toMatchObject({ value: 0.5353, formula: null, numberFormat: "0.00%" });
  });

  it("refuses a fix when the cell changed after Periksa ran", async () => {
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
    const run = await validateWorkbook(wb);
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.47)]);
    const r = await applyFix(wb, run.findings.find((f) => f.code === "formula-constant")!);
    expect(r).toEqual({ ok: false, message: "Sel Capaian!O8 sudah berubah sejak diperiksa; jalankan Periksa lagi." });
    expect(wb.cell("Capaian", F + 1, 14)?.value).toBe(0.47);
  });

  it("the export gate: galat blocks, peringatan asks, and the confirmation is journalled", async () => {
    expect(exportGate((await validateWorkbook(wb)).findings)).toEqual({ status: "ok" });
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
    expect(exportGate((await validateWorkbook(wb)).findings).status).toBe("blocked");
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.46)]);
    const gate = exportGate((await validateWorkbook(wb)).findings);
    expect(gate.status).toBe("confirm");
    const warnings = (gate as { warnings: Finding[] }).warnings;
    await wb.apply(await confirmationOps(wb, warnings, "Ekspor laporan", "Kasubbag Keuangan TW II 2024", new Date(2026, 11, 2, 10, 0, 0)));
    const [rows] = await wb.read([{ sheet: JOURNAL_SHEET, row: 3, col: 0, rows: 1, cols: 4 }]);
    expect(rows![0]!.map((c) => c.value)).toEqual([
      "2026-12-02 10:00:00",
      "Ekspor laporan",
      "Kasubbag Keuangan TW II 2024",
      "R-XL-01 Capaian!O8: Rumus kolom ini ditimpa nilai ketikan 46% (rumusnya memberi 46,00%); nilai ini tidak ikut berubah bila data berubah.",
    ]);
  });
});
