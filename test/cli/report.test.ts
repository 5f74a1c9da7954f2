/**
 * `sakip report` as a user runs it: the built CLI (dist/) on the real 2024 workbook written to a temp
 * folder. The .docx is read back as a person would (LibreOffice → PDF → text; the first page kept as a
 * PNG under out/report-cli/), the .xlsx recalculated by LibreOffice; the numbers expected are the core's
 * report of the same workbook, never typed here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbookModel } from "../../src/app/read-model";
import { CAPAIAN, PERJANJIAN_KINERJA } from "../../src/core/layouts";
import { buildReport, reportJabatan } from "../../src/core/report/build";
import { reportSheetName } from "../../src/core/report/sheet";
import type { Report } from "../../src/core/report/types";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { pdfPages, pdfToPngs, toPdf } from "../support/documents";
import { recalculate } from "../support/libreoffice";
import { correctWorkbook2024, F, rows2024, write } from "../support/workbooks";

jest.setTimeout(240_000);
const root = join(__dirname, "../..");
const OUT = join(root, "out/report-cli");
const dir = mkdtempSync(join(tmpdir(), "sakip-report-"));

function sakip(...args: string[]): { code: number; out: string; err: string } {
  if (!existsSync(join(root, "dist/node/cli/main.js"))) throw new Error("dist/node is missing: run `npm run build` before this test");
  const r = spawnSync(process.execPath, [join(root, "bin/sakip.js"), ...args], { encoding: "utf8", cwd: dir });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** The 2024 workbook as a file; `twoJabatan`: its last three PK rows belong to the Camat. */
async function book(name: string, options: { twoJabatan?: boolean; capaian?: number } = {}): Promise<string> {
  const wb = await correctWorkbook2024(XlsxWorkbook.create());
  const n = rows2024().length;
  if (options.twoJabatan) await wb.apply([0, 1, 2].map((k) => write(PERJANJIAN_KINERJA, F + n - 1 - k, "jabatan", "Camat")));
  if (options.capaian !== undefined) await wb.apply([write(CAPAIAN, F + 1, "capaian", options.capaian)]);
  const file = join(dir, name);
  await wb.save(file);
  return file;
}

async function reportsOf(file: string): Promise<Report[]> {
  const model = await readWorkbookModel(await XlsxWorkbook.fromFile(file));
  return reportJabatan(model).map((j) => buildReport(model, { jabatan: j }));
}

/** Every number the report's tables print (money, percents, counts with units), as printed. */
const printedNumbers = (r: Report): string[] =>
  r.sections
    .flatMap((s) => s.tables)
    .flatMap((t) => [...t.rows, ...(t.total ? [t.total] : [])])
    .flat()
    .filter((c) => c.kind === "money" || c.kind === "percent")
    .map((c) => c.text)
    .filter((t) => /\d/.test(t));

const numbersOf = (r: Report): number[] =>
  r.sections
    .flatMap((s) => s.tables)
    .flatMap((t) => [...t.rows, ...(t.total ? [t.total] : [])])
    .flat()
    .filter((c) => (c.kind === "money" || c.kind === "percent") && typeof c.value === "number")
    .map((c) => c.value as number);

const isErrorCell = (v: unknown): boolean => typeof v === "string" && /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)|Err:\d+)/.test(v);

describe("sakip report", () => {
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it("writes every jabatan's report into one .docx, each from a new page, with the core's numbers", async () => {
    const file = await book("dua-jabatan.xlsx", { twoJabatan: true, capaian: 0.46 });
    const reports = await reportsOf(file);
    expect(reports.map((r) => r.jabatan)).toEqual(["Kasubbag Keuangan", "Camat"]);
    // this workbook has peringatan: refused without --paksa, the workbook untouched, nothing written
    const before = readFileSync(file);
    const waiting = sakip("report", file, "-o", "lkj.docx");
    expect(waiting.code).toBe(3);
    expect(waiting.err).toMatch(/^Masih ada \d+ peringatan/);
    expect(waiting.err).toContain("jalankan lagi dengan --paksa");
    expect(existsSync(join(dir, "lkj.docx"))).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);

    const r = sakip("report", file, "-o", "lkj.docx", "--paksa");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("Ditulis: lkj.docx (Kasubbag Keuangan; Camat, Triwulan II 2024)");
    expect(r.out).toContain("dicatat di lembar Riwayat SAKIP");
    // the confirmation is in the workbook's journal
    const wb = await XlsxWorkbook.fromFile(file);
    const [journal] = await wb.read([{ sheet: "Riwayat SAKIP", row: 3, col: 0, rows: 1, cols: 4 }]);
    expect(journal![0]![1]!.value).toBe("Ekspor laporan .docx (dikonfirmasi)");
    expect(journal![0]![2]!.value).toMatch(/ → lkj\.docx$/);

    const pdf = await toPdf(readFileSync(join(dir, "lkj.docx")), "docx");
    await pdfToPngs(pdf, join(OUT, "docx-halaman"), { first: 1, last: 1, dpi: 70 });
    expect(existsSync(join(OUT, "docx-halaman-1.png"))).toBe(true);
    const pages = await pdfPages(pdf);
    const titlePages = pages.flatMap((p, i) => (/^\s*LAPORAN KINERJA\s*$/m.test(p) ? [i] : []));
    expect(titlePages).toHaveLength(2);
    // the Camat's report starts on a page of its own: nothing of the Kasubbag's on it
    const camatPage = pages[titlePages[1]!]!;
    expect(camatPage).toMatch(/^\s*CAMAT\s*$/m);
    expect(camatPage).not.toContain("Kasubbag Keuangan");
    const first = pages.slice(0, titlePages[1]).join("\n");
    const second = pages.slice(titlePages[1]).join("\n");
    for (const [report, text] of [[reports[0]!, first], [reports[1]!, second]] as const) {
      const numbers = printedNumbers(report);
      expect(numbers.length).toBeGreaterThan(10);
      for (const n of numbers) expect(text).toContain(n);
    }
  });

  it("writes one jabatan's report as a portable .xlsx that LibreOffice recalculates without an error cell", async () => {
    const file = await book("satu.xlsx");
    const [report] = await reportsOf(file);
    const r = sakip("report", file, "--jabatan", "kasubbag keuangan", "--periode", "TW2", "-o", "lkj.xlsx");
    expect(r).toMatchObject({ code: 0, err: "" });
    const { sheets } = await recalculate(readFileSync(join(dir, "lkj.xlsx")));
    const values = Object.values(sheets).flat(2);
    expect(values.filter(isErrorCell)).toEqual([]);
    const numbers = values.filter((v): v is number => typeof v === "number");
    const expected = numbersOf(report!);
    expect(expected.length).toBeGreaterThan(10);
    for (const x of expected) expect(numbers.some((v) => Math.abs(v - x) < 1e-9 * Math.max(1, Math.abs(x)))).toBe(true);
  });

  it("--lembar writes the Laporan sheets into the workbook, kept by LibreOffice without an error cell", async () => {
    const file = await book("lembar.xlsx");
    const [report] = await reportsOf(file);
    const r = sakip("report", file, "--lembar");
    const sheet = reportSheetName("Kasubbag Keuangan", "TW II");
    expect(r).toMatchObject({ code: 0, err: "", out: `Lembar Laporan di ${file}: ${sheet}\n` });
    const { sheets } = await recalculate(file);
    expect(Object.keys(sheets)).toContain(sheet);
    const values = sheets[sheet]!.flat();
    expect(Object.values(sheets).flat(2).filter(isErrorCell)).toEqual([]);
    for (const x of numbersOf(report!)) expect(values.some((v) => typeof v === "number" && Math.abs(v - x) < 1e-9 * Math.max(1, Math.abs(x)))).toBe(true);
    // printed: the sheet's PDF holds the tables' numbers as an Indonesian PC shows them
    const pdf = await toPdf(readFileSync(file), "xlsx");
    const pages = await pdfPages(pdf);
    const text = pages.join("\n");
    const first = pages.findIndex((p) => p.includes("Dibuat otomatis oleh SAKIP Workbook"));
    await pdfToPngs(pdf, join(OUT, "lembar-halaman"), { first: first + 1, last: first + 2, dpi: 70 });
    for (const n of printedNumbers(report!).filter((t) => /^[\d.]+$/.test(t))) expect(text).toContain(n);

    // a user's edit in the sheet waits for --paksa; --paksa regenerates it
    const wb = await XlsxWorkbook.fromFile(file);
    await wb.apply([{ type: "write", sheet, row: 1, col: 0, cells: [["judul saya"]] }]);
    await wb.save(file);
    const edited = sakip("report", file, "--lembar");
    expect(edited.code).toBe(3);
    expect(edited.err).toContain(`Lembar "${sheet}" sudah diubah pengguna`);
    expect(sakip("report", file, "--lembar", "--paksa").code).toBe(0);
    const [a] = await (await XlsxWorkbook.fromFile(file)).read([{ sheet, row: 1, col: 0, rows: 1, cols: 1 }]);
    expect(a![0]![0]!.value).toBe("Kecamatan Lumajang — Kasubbag Keuangan — Triwulan II 2024");
  });

  it("exit codes: galat 1 with the findings listed, a jabatan not in the PK 2, a missing file 4, the user's own sheet 1", async () => {
    const galat = await book("galat.xlsx", { capaian: 0.5 });
    const g = sakip("report", galat, "-o", "x.docx", "--paksa");
    expect(g.code).toBe(1);
    expect(g.err).toMatch(/^Laporan tidak dibuat: ada \d+ galat/);
    expect(g.err).toMatch(/\n {2}galat R-CAP-\d+ Capaian!O8: /);
    expect(existsSync(join(dir, "x.docx"))).toBe(false);

    const file = await book("jabatan.xlsx");
    const j = sakip("report", file, "--jabatan", "Lurah", "-o", "x.docx");
    expect(j).toMatchObject({ code: 2, err: 'Jabatan "Lurah" tidak ada di Perjanjian Kinerja. Jabatan yang ada: Kasubbag Keuangan.\n' });

    const m = sakip("report", join(dir, "tidak-ada.xlsx"), "-o", "x.docx");
    expect(m.code).toBe(4);
    expect(m.err).toContain("tidak-ada.xlsx");
    expect(sakip("report", join(dir, "tidak-ada.xlsx"), "--lembar").code).toBe(4);
    expect(existsSync(join(dir, "tidak-ada.xlsx"))).toBe(false);

    const own = await book("milik.xlsx");
    const wb = await XlsxWorkbook.fromFile(own);
    const sheet = reportSheetName("Kasubbag Keuangan", "TW II");
    await wb.apply([{ type: "addSheet", sheet }, { type: "write", sheet, row: 0, col: 0, cells: [["Catatan saya"]] }]);
    await wb.save(own);
    const before = readFileSync(own);
    const o = sakip("report", own, "--lembar", "--paksa");
    expect(o).toMatchObject({ code: 1, err: `Lembar "${sheet}" bukan buatan SAKIP Workbook dan tidak akan ditimpa. Ganti nama lembar itu, lalu buat laporan lagi.\n` });
    expect(readFileSync(own).equals(before)).toBe(true);

    expect(sakip("report", file).code).toBe(2);
    expect(sakip("report", file, "-o", "x.pdf").code).toBe(2);
    expect(sakip("report", file, "--periode", "TW5", "-o", "x.docx").code).toBe(2);
  });
});
