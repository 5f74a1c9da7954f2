/**
 * `sakip report FILE.xlsx [--jabatan NAME] [--periode "TW II"] [--paksa] [--lembar] -o OUT.docx|OUT.xlsx`:
 * the Laporan Kinerja of one jabatan (or every jabatan of the PK) as one .docx or one portable .xlsx,
 * and with --lembar as Laporan sheets written into FILE.xlsx. The same use-case and refusals as the
 * task pane: galat refuse (exit 1); peringatan, and Laporan sheets the user edited, wait for --paksa
 * (exit 3), which is recorded in FILE.xlsx's Riwayat SAKIP; a sheet of the user's own with a report's
 * name is never overwritten (exit 1); a jabatan the PK does not have is a wrong option (exit 2).
 */
import { writeFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { exportReports, prepareReports, refusalMessage, writeReportSheets, type ReportRefusal } from "../../app/report";
import { findingMessage, locationText, SEVERITY_LABEL, type Finding } from "../../core/findings";
import { periodeOption } from "../args";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { defineCommand, notXlsx } from "../command";
import { EXIT, type ExitCode } from "../exit-codes";
import { CliFailure, readFailure, writeFailure } from "../failure";
import { checkFolderOf, openWorkbook, saveWorkbook } from "../files";
import type { Io } from "../main";

/** Findings listed under a refusal; the rest are counted (all of them: sakip validate FILE). */
const SHOWN = 30;

const line = (f: Finding): string => `  ${SEVERITY_LABEL[f.severity]} ${f.rule} ${locationText(f.at)}: ${findingMessage(f)}`;

function refuse(io: Io, file: string, refusal: ReportRefusal, periode: string | undefined): ExitCode {
  const lines = [refusalMessage(refusal).split("\n")[0]!];
  if (refusal.kind === "galat" || refusal.kind === "peringatan") {
    const list = refusal.kind === "galat" ? refusal.errors : refusal.warnings;
    lines.push(...list.slice(0, SHOWN).map(line));
    if (list.length > SHOWN) lines.push(`  … dan ${list.length - SHOWN} lagi (semuanya: sakip validate ${file}${periode ? ` --periode "${periode}"` : ""}).`);
  }
  if (refusal.kind === "peringatan" || refusal.kind === "disunting") lines.push("Bila Anda yakin, jalankan lagi dengan --paksa; konfirmasinya dicatat di lembar Riwayat SAKIP.");
  io.err(lines.join("\n") + "\n");
  switch (refusal.kind) {
    case "peringatan":
    case "disunting":
      return EXIT.confirm;
    case "tanpa-jabatan":
      return refusal.jabatan !== undefined ? EXIT.usage : EXIT.data;
    default:
      return EXIT.data;
  }
}

export const reportCommand = defineCommand<"jabatan" | "periode" | "keluaran", "paksa" | "lembar">({
  name: "report",
  usage: "sakip report FILE.xlsx [--jabatan NAMA] [--periode \"TW II\"] [--paksa] [--lembar] -o KELUARAN.docx|.xlsx",
  summary: "Membuat Laporan Kinerja (.docx atau .xlsx) dari buku kerja; --lembar juga menulis lembar Laporan ke FILE.xlsx.",
  help:
    "Tanpa --jabatan: laporan setiap jabatan di Perjanjian Kinerja, dalam satu berkas (setiap jabatan mulai di halaman baru).\n" +
    "--periode bawaan dari Pengaturan; boleh ditulis TW2, TW 2, 2, II, Triwulan II atau Tahunan.\n" +
    "-o (atau --keluaran) menentukan berkas dan jenisnya dari akhirannya: .docx (Word) atau .xlsx (tanpa add-in).\n" +
    "--lembar menulis lembar \"Lap …\" ke FILE.xlsx (semua atau tidak sama sekali); lembar milik pengguna dengan nama itu tidak ditimpa.\n" +
    "Galat selalu menolak (kode 1). Peringatan, dan lembar Laporan yang sudah diubah pengguna, menunggu --paksa (kode 3);\n" +
    "konfirmasi itu dicatat di lembar Riwayat SAKIP pada FILE.xlsx. Jabatan yang tidak ada di PK: kode 2.\n",
  values: ["jabatan", "periode", "keluaran"],
  booleans: ["paksa", "lembar"],
  short: { o: "keluaran" },
  positional: { min: 1, max: 1, check: ([file = ""]) => notXlsx(file) },
  async run({ positional: [file = ""], values, switches, io }) {
    const out = values.keluaran;
    const lembar = switches.lembar === true;
    const paksa = switches.paksa === true;
    if (out === undefined && !lembar) {
      io.err("Sebutkan berkas keluaran dengan -o LAPORAN.docx atau -o LAPORAN.xlsx (atau --lembar untuk menulis lembar Laporan ke buku kerja).\n");
      return EXIT.usage;
    }
    const format = out === undefined ? null : /\.docx$/i.test(out) ? "docx" : /\.xlsx$/i.test(out) ? "xlsx" : undefined;
    if (format === undefined) {
      io.err(`Berkas keluaran "${out}" harus berakhiran .docx atau .xlsx.\n`);
      return EXIT.usage;
    }
    if (out !== undefined && resolve(out) === resolve(file)) {
      io.err(`Berkas keluaran tidak boleh sama dengan buku kerjanya (${file}); pilih nama lain.\n`);
      return EXIT.usage;
    }
    const option = periodeOption(values.periode);
    if (!option.ok) {
      io.err(`${option.message}\n`);
      return EXIT.usage;
    }
    const periode = option.periode;
    if (out !== undefined) checkFolderOf(out);

    // the workbook is saved only to hold Laporan sheets or a confirmation; otherwise it is only read
    const saves = lembar || paksa;
    const wb = saves ? await openExisting(file) : await XlsxWorkbook.fromFile(file, { readOnly: true }).catch((error: unknown) => {
      throw readFailure(error, file) ?? CliFailure.of("workbook-unreadable", { path: file, detail: String(error instanceof Error ? error.message : error).split("\n")[0] ?? "" }, EXIT.unreadable);
    });
    const prep = await prepareReports(wb, { ...(values.jabatan !== undefined ? { jabatan: values.jabatan } : {}), ...(periode ? { periode } : {}) });
    const confirm = paksa ? { peringatan: true, timpaSuntingan: true } : {};
    const at = new Date();
    const done: string[] = [];

    if (lembar) {
      const r = await writeReportSheets(wb, prep, confirm, at);
      if (!r.ok) return refuse(io, file, r.refusal, periode);
      done.push(`Lembar Laporan di ${file}: ${r.sheets.join(", ")}`);
    }
    if (out !== undefined && format) {
      // the journal names the file written, as the user named it
      const r = await exportReports(wb, prep, format, confirm, at, basename(out));
      if (!r.ok) return refuse(io, file, r.refusal, periode);
      try {
        await writeFile(out, r.bytes);
      } catch (error) {
        throw writeFailure(error, out) ?? error;
      }
      done.unshift(`Ditulis: ${out} (${prep.reports.map((x) => x.jabatan).join("; ")}, ${prep.reports[0]!.periodeLabel} ${prep.reports[0]!.tahun})`);
    }
    const confirmed = prep.gate.status === "confirm" || prep.sheets.some((s) => s.state === "disunting");
    if (lembar || (paksa && confirmed)) {
      await saveWorkbook(wb as XlsxWorkbook, file);
      if (paksa && confirmed) done.push(`Dikonfirmasi dengan --paksa, dicatat di lembar Riwayat SAKIP pada ${file}.`);
    }
    io.out(done.join("\n") + "\n");
    return EXIT.ok;
  },
});

/** The workbook to write into: it must exist (a report of an empty new workbook says nothing). */
async function openExisting(file: string): Promise<XlsxWorkbook> {
  const { wb, existed } = await openWorkbook(file);
  if (!existed) throw CliFailure.of("file-missing", { path: file }, EXIT.unreadable);
  return wb;
}
