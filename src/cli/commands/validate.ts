/**
 * `sakip validate FILE.xlsx… [--json]`: Periksa for reviewers. Many files at once (a reviewer receives
 * a folder), plus the checks across the files of one unit. Exit status: 0 no galat, 1 at least one
 * galat, 4 a file that could not be read (and no galat), 2 wrong usage.
 */
import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import { readWorkbookModel } from "../../app/read-model";
import { a1 } from "../../core/address";
import { countBySeverity, findingMessage, locationText, SEVERITY_LABEL, type Finding } from "../../core/findings";
import type { WorkbookModel } from "../../core/model/workbook-model";
import { sortFindings, validateModel } from "../../core/rules";
import { crossSummary, crossValidate, type CrossSummary } from "../../core/rules/cross";
import { NotWorkbookError, XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { periodeOption } from "../args";
import { defineCommand } from "../command";
import { EXIT } from "../exit-codes";

/** One finding as `--json` prints it; a file that could not be read is one too (rule null, code file-unreadable). */
export interface JsonFinding {
  file: string;
  rule: string | null;
  code: string;
  severity: string;
  sheet: string | null;
  cell: string | null;
  stated: number | string | null;
  expected: number | string | null;
  message: string;
}

function toJson(file: string, f: Finding): JsonFinding {
  const at = f.at;
  return {
    file,
    rule: f.rule,
    code: f.code,
    severity: SEVERITY_LABEL[f.severity],
    sheet: at.kind === "line" ? null : at.sheet,
    cell: at.kind === "cell" ? a1(at.row, at.col) : at.kind === "range" ? `${a1(at.row, at.col)}:${a1(at.row + at.rows - 1, at.col + at.cols - 1)}` : null,
    stated: f.stated ?? null,
    expected: f.expected ?? null,
    message: findingMessage(f),
  };
}

export const validateCommand = defineCommand<"periode", "json">({
  name: "validate",
  usage: "sakip validate FILE.xlsx… [--periode \"TW II\"] [--json]",
  summary: "Memeriksa buku kerja (Periksa): temuan per sel, juga antarberkas satu unit kerja.",
  help:
    "Setiap berkas diperiksa dengan semua aturan Periksa; berkas-berkas dengan unit kerja, tahun dan periode yang sama\n" +
    "juga diperiksa silang (indikator yang sama, pagu dan realisasi kode yang sama).\n" +
    "--json mencetak larik temuan: file, rule, code, severity (galat/peringatan/info), sheet, cell, stated, expected, message;\n" +
    "berkas yang tidak terbaca juga satu temuan (rule null, code file-unreadable, severity galat).\n" +
    "Berkas yang disebut dua kali (juga lewat jalur lain) diperiksa sekali.\n" +
    "--periode memeriksa juga apa yang kurang untuk laporan periode itu bila berbeda dari Pengaturan (seperti sakip report --periode).\n" +
    "Status keluar: 0 tanpa galat, 1 ada galat, 4 ada berkas yang tidak terbaca (dan tanpa galat), 2 salah pemakaian.\n",
  values: ["periode"],
  booleans: ["json"],
  positional: { min: 1, max: Number.POSITIVE_INFINITY },
  async run({ positional: files, values, switches, io }) {
    const json = switches.json === true;
    const option = periodeOption(values.periode);
    if (!option.ok) {
      io.err(`${option.message}\n`);
      return EXIT.usage;
    }
    const reportPeriode = option.periode;
    // one workbook at a time: its findings, its sheet order and what the checks across files need are
    // kept, the workbook itself is not (a folder of large workbooks held whole ran out of memory)
    const models: { name: string; sheetNames: string[] }[] = [];
    const summaries: CrossSummary[] = [];
    const byFile = new Map<string, Finding[]>();
    const unreadable: { file: string; message: string }[] = [];
    // a file named twice (laporan/b.xlsx and ./laporan/b.xlsx) is one file: checked once, counted once
    const seen = new Map<string, string>();
    for (const file of files) {
      const key = await realpath(file).catch(() => resolve(file));
      const first = seen.get(key);
      if (first !== undefined) {
        io.err(`${file}: berkas yang sama dengan ${first}; diperiksa sekali.\n`);
        continue;
      }
      seen.set(key, file);
      let model: WorkbookModel;
      try {
        model = await readWorkbookModel(await XlsxWorkbook.fromFile(file, { readOnly: true }));
      } catch (error) {
        unreadable.push({ file, message: readProblem(file, error) });
        continue;
      }
      models.push({ name: file, sheetNames: model.sheetNames });
      byFile.set(file, validateModel(model, reportPeriode ? { reportPeriode } : {}));
      summaries.push(crossSummary(file, model));
    }
    for (const { file, finding } of crossValidate(summaries)) byFile.get(file)!.push(finding);
    for (const m of models) byFile.set(m.name, sortFindings(byFile.get(m.name)!, m.sheetNames));

    let galat = 0;
    for (const fs of byFile.values()) galat += fs.filter((f) => f.severity === "error").length;
    if (json) {
      const all = models.flatMap((m) => byFile.get(m.name)!.map((f) => toJson(m.name, f)));
      for (const u of unreadable) all.push({ file: u.file, rule: null, code: "file-unreadable", severity: SEVERITY_LABEL.error, sheet: null, cell: null, stated: null, expected: null, message: u.message });
      io.out(JSON.stringify(all, null, 2) + "\n");
    } else {
      for (const m of models) {
        const fs = byFile.get(m.name)!;
        const c = countBySeverity(fs);
        io.out(`${m.name}: ${c.error} galat, ${c.warning} peringatan, ${c.info} info\n`);
        for (const f of fs) io.out(`  ${SEVERITY_LABEL[f.severity]} ${f.rule} ${locationText(f.at)}: ${findingMessage(f)}\n`);
      }
      if (files.length > 1) {
        const total = countBySeverity([...byFile.values()].flat());
        io.out(`Jumlah (${models.length} berkas${unreadable.length ? `, ${unreadable.length} tidak terbaca` : ""}): ${total.error} galat, ${total.warning} peringatan, ${total.info} info\n`);
      }
    }
    for (const u of unreadable) io.err(`${u.file}: ${u.message}\n`);
    return galat > 0 ? EXIT.data : unreadable.length > 0 ? EXIT.unreadable : EXIT.ok;
  },
});

function readProblem(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "berkas tidak ditemukan.";
  if (code === "EACCES" || code === "EPERM") return "berkas tidak dapat dibaca (izin ditolak).";
  if (code === "EISDIR") return "ini folder, bukan berkas .xlsx; sebutkan berkasnya (mis. folder/*.xlsx).";
  if (!/\.xlsx$/i.test(file)) return "bukan berkas .xlsx (simpan dari Excel/LibreOffice sebagai Buku Kerja Excel .xlsx).";
  if (error instanceof NotWorkbookError) return `bukan buku kerja .xlsx: ${error.message} (simpan dari Excel/LibreOffice sebagai Buku Kerja Excel .xlsx).`;
  return "berkas tidak dapat dibuka sebagai buku kerja .xlsx (rusak, terkunci sandi, atau bukan .xlsx).";
}
