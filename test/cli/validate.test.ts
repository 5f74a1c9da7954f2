import { spawnSync } from "node:child_process";
import JSZip from "jszip";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { EXIT } from "../../src/cli/exit-codes";
import type { JsonFinding } from "../../src/cli/commands/validate";
import { CAPAIAN, PERJANJIAN_KINERJA, REALISASI_ANGGARAN } from "../../src/core/layouts";
import { RINCIAN_SHEET } from "../../src/core/layouts/rincian";
import { generateLra } from "../../src/core/sipd";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { WorkbookOp } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { correctWorkbook2024, F, write } from "../support/workbooks";

jest.setTimeout(60_000);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("sakip validate", () => {
  const dir = mkdtempSync(join(tmpdir(), "sakip-validate-"));
  const good = join(dir, "kasubbag-keuangan.xlsx");
  const bad = join(dir, "kasubbag-keuangan-revisi.xlsx");

  beforeAll(async () => {
    const a = await correctWorkbook2024(XlsxWorkbook.create());
    await a.save(good);
    const b = await correctWorkbook2024(XlsxWorkbook.create());
    // the revised draft typed 50% over program A's capaian (46 of 100) and changed a pagu by hand
    await b.apply([write(CAPAIAN, F + 1, "capaian", 0.5), write(REALISASI_ANGGARAN, F + 2, "setelah", 6_700_000)]);
    await b.save(bad);
    writeFileSync(join(dir, "catatan.txt"), "bukan buku kerja");
  });

  it("a correct workbook: no galat, exit 0, one summary line and the SIPD notes as info", async () => {
    const r = await run("validate", good);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe(`${good}: 0 galat, 0 peringatan, 13 info`);
    expect(r.err).toBe("");
    // each says why it is info here when Impor SIPD listed it as peringatan or galat
    const notes = r.out.split("\n").filter((l) => l.startsWith("  info"));
    expect(notes).toHaveLength(13);
    for (const l of notes) expect(l).toMatch(/'Rincian SIPD'!.*\(Catatan ekspor SIPD sendiri, sudah ditampilkan saat impor dan tercatat di kolom Temuan; di sini sebagai info\.\)$/);
  });

  it("a folder of files: findings per file, the checks across files of one unit, exit 1 on galat", async () => {
    const r = await run("validate", good, bad);
    expect(r.code).toBe(1);
    const lines = r.out.split("\n");
    expect(lines).toContain(`  galat R-CAP-01 Capaian!O8: Capaian tertulis 50%, sedangkan realisasi ÷ target (46 ÷ 100) = 46,00%. Ketik ulang realisasi/target atau pulihkan rumusnya.`);
    // the hand-typed pagu of a sub kegiatan disagrees with the Rincian SIPD of the same file, and its
    // kegiatan and program no longer add up; the other file agrees with SIPD: that finding says it all
    expect(lines.filter((l) => /'Realisasi Anggaran'!E[789]:/.test(l)).map((l) => l.trim().split(":")[0])).toEqual([
      "galat R-SUM-01 'Realisasi Anggaran'!E7",
      "galat R-SUM-01 'Realisasi Anggaran'!E8",
      "galat R-XREF-01 'Realisasi Anggaran'!E9",
    ]);
    expect(r.out).toContain(`Pagu 7.01.01.2.01.0001 di lembar ini Rp 6.700.000, sedangkan impor SIPD (Juni 2024) mencatat Rp 2.750.000.`);
    expect(r.out).not.toContain("xlsx mencatat");
    expect(lines.at(-2)).toMatch(/^Jumlah \(2 berkas\): \d+ galat, \d+ peringatan, 26 info$/);
  });

  it("--json: every finding with file, rule, severity in Indonesian, sheet, cell, stated, expected and message", async () => {
    const r = await run("validate", good, bad, "--json");
    expect(r.code).toBe(1);
    const all = JSON.parse(r.out) as JsonFinding[];
    const cap = all.find((f) => f.rule === "R-CAP-01")!;
    expect(cap).toEqual({
      file: bad,
      rule: "R-CAP-01",
      code: "cap-mismatch",
      severity: "galat",
      sheet: "Capaian",
      cell: "O8",
      stated: 0.5,
      expected: 0.46,
      message: "Capaian tertulis 50%, sedangkan realisasi ÷ target (46 ÷ 100) = 46,00%. Ketik ulang realisasi/target atau pulihkan rumusnya.",
    });
    // the formula overwritten by that constant: `expected` is the number, as in every other rule (the
    // message shows it as the cell does)
    const constant = all.find((f) => f.rule === "R-XL-01" && f.cell === "O8")!;
    expect(constant).toMatchObject({ code: "formula-constant", stated: 0.5, expected: 0.46 });
    expect(constant.message).toContain("46,00%");
    // text only where the expected value is text (a kode), never a number written out
    expect(all.filter((f) => typeof f.expected === "string" && /\d%$/.test(f.expected)).map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
    expect(new Set(all.map((f) => f.severity))).toEqual(new Set(["galat", "peringatan", "info"]));
    expect(all.filter((f) => f.file === good).every((f) => f.severity === "info")).toBe(true);
  });

  it("--periode checks what a report of another period would lack, as sakip report --periode does", async () => {
    const own = await run("validate", good, "--json");
    const codes = (out: string) => new Set((JSON.parse(out) as JsonFinding[]).map((f) => f.code));
    expect(codes(own.out).has("period-sipd-old")).toBe(false);
    const annual = await run("validate", good, "--periode", "tahunan", "--json");
    expect(annual.code).toBe(0);
    const found = JSON.parse(annual.out) as JsonFinding[];
    expect(found.find((f) => f.code === "period-sipd-old")).toMatchObject({ severity: "peringatan", sheet: "Rincian SIPD", cell: "A1", stated: "Juni", expected: "Desember" });
    expect(found.filter((f) => f.code === "rep-realisasi-tw-missing").length).toBeGreaterThan(3);
    const wrong = await run("validate", good, "--periode", "TW5");
    expect(wrong.code).toBe(EXIT.usage);
    expect(wrong.err).toBe('--periode "TW5" tidak dikenal; tulis TW I, TW II, TW III, TW IV atau Tahunan.\n');
  });

  it("says which files could not be read and still checks the others", async () => {
    const r = await run("validate", good, join(dir, "catatan.txt"), join(dir, "hilang.xlsx"));
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err).toBe(
      `${join(dir, "catatan.txt")}: bukan berkas .xlsx (simpan dari Excel/LibreOffice sebagai Buku Kerja Excel .xlsx).\n` + `${join(dir, "hilang.xlsx")}: berkas tidak ditemukan.\n`,
    );
    expect(r.out).toContain(`${good}: 0 galat, 0 peringatan, 13 info`);
  });

  it("--json: a file that could not be read is in the array too, so a script never reads a clean result", async () => {
    const r = await run("validate", good, join(dir, "hilang.xlsx"), "--json");
    expect(r.code).toBe(EXIT.unreadable);
    const all = JSON.parse(r.out) as JsonFinding[];
    expect(all.filter((f) => f.file !== good)).toEqual([
      { file: join(dir, "hilang.xlsx"), rule: null, code: "file-unreadable", severity: "galat", sheet: null, cell: null, stated: null, expected: null, message: "berkas tidak ditemukan." },
    ]);
    expect(all.filter((f) => f.file === good).length).toBe(13);
  });

  it("a file named twice, by another path too, is checked and counted once", async () => {
    const once = await run("validate", good, bad);
    const r = await run("validate", good, bad, join(dir, ".", "kasubbag-keuangan.xlsx"), good);
    expect(r.code).toBe(once.code);
    expect(r.out).toBe(once.out);
    expect(r.err).toBe(`${join(dir, ".", "kasubbag-keuangan.xlsx")}: berkas yang sama dengan ${good}; diperiksa sekali.\n${good}: berkas yang sama dengan ${good}; diperiksa sekali.\n`);
  });

  it("a Word document named .xlsx is not read as a workbook without sheets", async () => {
    const docx = join(dir, "laporan.xlsx");
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("_rels/.rels", '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    zip.file("word/document.xml", "<document/>");
    writeFileSync(docx, await zip.generateAsync({ type: "uint8array" }));
    const r = await run("validate", docx);
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.out).toBe("");
    expect(r.err).toBe(`${docx}: bukan buku kerja .xlsx: isinya dokumen Word, bukan buku kerja Excel (simpan dari Excel/LibreOffice sebagai Buku Kerja Excel .xlsx).\n`);
    const imp = await run("import-sipd", docx, join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"));
    expect(imp.code).toBe(EXIT.unreadable);
    expect(imp.err).toContain("isinya dokumen Word, bukan buku kerja Excel");
    const named = await run("import-sipd", join(dir, "laporan.docx"), join(dir, "catatan.txt"));
    expect(named.code).toBe(EXIT.usage);
    expect(named.err).toMatch(/^.*laporan\.docx: buku kerja harus berkas \.xlsx \(Buku Kerja Excel\); .*\nPemakaian: sakip import-sipd/);
  });

  it("checks a folder of workbooks one at a time: eight with a 3,000-row Rincian SIPD each, in 96 MB of heap", async () => {
    // every workbook was kept whole until the checks across files: this folder ran out of memory
    // each is about 20 MB read: kept whole, the fifth ran out of memory
    const lra = join(dir, "lra-3000.tsv");
    writeFileSync(lra, generateLra(3_000, 7));
    const first = join(dir, "opd-01.xlsx");
    expect((await run("import-sipd", first, lra)).code).toBe(0);
    const files = [first];
    for (let i = 2; i <= 8; i++) {
      const copy = join(dir, `opd-${String(i).padStart(2, "0")}.xlsx`);
      copyFileSync(first, copy);
      files.push(copy);
    }
    const root = join(__dirname, "../..");
    const r = spawnSync(process.execPath, ["--max-old-space-size=96", join(root, "bin/sakip.js"), "validate", ...files], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n").at(-1)).toBe("Jumlah (8 berkas): 0 galat, 0 peringatan, 0 info");
  });

  describe("the checks across files do not depend on the order the files are named in", () => {
    const folder = mkdtempSync(join(tmpdir(), "sakip-validate-order-"));
    const A = join(folder, "A-keuangan.xlsx");
    const B = join(folder, "B-sekcam.xlsx");
    const A0 = join(folder, "A-keuangan-tanpa-sipd.xlsx");
    const B0 = join(folder, "B-sekcam-tanpa-sipd.xlsx");
    const C = join(folder, "C-kasi.xlsx");
    /** B's pagu of sub kegiatan 7.01.01.2.01.0001 typed by hand: SIPD and A say Rp 2.750.000. */
    const handTyped = write(REALISASI_ANGGARAN, F + 2, "setelah", 2_800_000);

    /** The correct workbook with `ops`, saved; without its SIPD import (Rincian SIPD) when asked. */
    async function save(file: string, ops: WorkbookOp[], withoutSipd = false): Promise<void> {
      const wb = await correctWorkbook2024(new MemoryWorkbook());
      if (ops.length) await wb.apply(ops);
      const xlsx = XlsxWorkbook.create();
      const sheetOf = (op: WorkbookOp) => ("sheet" in op ? op.sheet : "range" in op ? op.range.sheet : null);
      await xlsx.apply(wb.snapshotOps().filter((op) => !(withoutSipd && sheetOf(op) === RINCIAN_SHEET)));
      await xlsx.save(file);
    }

    beforeAll(async () => {
      await save(A, []);
      await save(B, [handTyped]);
      await save(A0, [], true);
      await save(B0, [handTyped], true);
      // program 7.01.01's indicator with target 90 in this jabatan's file, 100 in A's: capaian 46 ÷ 90
      await save(C, [write(PERJANJIAN_KINERJA, F + 1, "targetAwal", 90)]);
    });

    /** Each file's findings, "rule code cell: message", in the order validate prints them. */
    async function perFile(...files: string[]): Promise<Record<string, string[]>> {
      const all = JSON.parse((await run("validate", ...files, "--json")).out) as JsonFinding[];
      const out: Record<string, string[]> = {};
      for (const f of files) out[f] = all.filter((x) => x.file === f && x.severity !== "info").map((x) => `${x.rule} ${x.code} ${x.cell}: ${x.message}`);
      return out;
    }

    it("a pagu typed by hand in B, A agreeing with SIPD: only B is blamed, by its own import, in either order", async () => {
      const ab = await perFile(A, B);
      expect(await perFile(B, A)).toEqual(ab);
      expect(ab[A]).toEqual([]);
      // B's in-file finding already gives the SIPD amount A has: the check across files adds nothing
      expect(ab[B]!.filter((l) => l.startsWith("R-XREF"))).toEqual(["R-XREF-01 xref-sipd-pagu E9: Pagu 7.01.01.2.01.0001 di lembar ini Rp 2.800.000, sedangkan impor SIPD (Juni 2024) mencatat Rp 2.750.000."]);
    });

    it("without a SIPD import neither file can be preferred: each is told of the other, in either order", async () => {
      const ab = await perFile(A0, B0);
      expect(await perFile(B0, A0)).toEqual(ab);
      expect(ab[A0]!.filter((l) => l.startsWith("R-XREF"))).toEqual([
        `R-XREF-01 xref-pagu E9: Pagu 7.01.01.2.01.0001 tertulis Rp 2.750.000, sedangkan lembar Realisasi Anggaran di ${B0} mencatat Rp 2.800.000.`,
      ]);
      expect(ab[B0]!.filter((l) => l.startsWith("R-XREF"))).toEqual([
        `R-XREF-01 xref-pagu E9: Pagu 7.01.01.2.01.0001 tertulis Rp 2.800.000, sedangkan lembar Realisasi Anggaran di ${A0} mencatat Rp 2.750.000.`,
      ]);
    });

    it("R-XREF-02: one indicator with two targets is told on both files, by its target, in either order", async () => {
      const ac = await perFile(A, C);
      expect(await perFile(C, A)).toEqual(ac);
      expect(ac[A]!.filter((l) => l.startsWith("R-XREF-02"))).toEqual([
        expect.stringMatching(new RegExp(`^R-XREF-02 xref-indikator I8: .*${C.replace(/[.\\]/g, "\\$&")} \\(Kasubbag Keuangan\\) dengan target 90; di sini 100\\.`)),
      ]);
      expect(ac[C]!.filter((l) => l.startsWith("R-XREF-02"))).toEqual([
        expect.stringMatching(new RegExp(`^R-XREF-02 xref-indikator I8: .*${A.replace(/[.\\]/g, "\\$&")} \\(Kasubbag Keuangan\\) dengan target 100; di sini 90\\.`)),
      ]);
      // never a capaian with the six decimals of 46 ÷ 90
      expect(Object.values(ac).flat().filter((l) => /\d,\d{3,}%/.test(l))).toEqual([]);
    });
  });

  it("wrong usage: exit 2 with the usage", async () => {
    expect((await run("validate")).code).toBe(2);
    expect((await run("validate", "--xml", good)).err).toMatch(/Opsi --xml tidak dikenal/);
  });
});
