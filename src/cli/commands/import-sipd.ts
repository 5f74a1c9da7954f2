/** `sakip import-sipd WORKBOOK.xlsx FILE [--paksa]`: write a SIPD LRA export into a workbook's Realisasi Anggaran. */
import { importLra } from "../../app/import-sipd";
import { findingMessage, SEVERITY_LABEL } from "../../core/findings";
import { message } from "../../core/messages.id";
import { defineCommand, notXlsx } from "../command";
import { EXIT } from "../exit-codes";
import { checkFolderOf, openWorkbook, readLraFile, saveWorkbook } from "../files";

/** Galat listed under the refusal; every one of them is in the journal after --paksa. */
const GALAT_SHOWN = 20;

export const importSipdCommand = defineCommand<never, "paksa">({
  name: "import-sipd",
  usage: "sakip import-sipd BUKU.xlsx FILE [--paksa]",
  summary: "Mengimpor LRA SIPD ke lembar Realisasi Anggaran (dan Rincian SIPD) sebuah buku kerja .xlsx.",
  help:
    "Bila BUKU.xlsx belum ada, dibuat dengan lembar standar dari kepala LRA. Berkas hanya disimpan bila seluruh impor berhasil.\n" +
    "LRA yang terpotong (tanpa baris Jumlah Belanja dan Surplus / Defisit) atau tanpa tahun dan bulan selalu ditolak.\n" +
    "LRA bergalat, atau milik SKPD atau tahun lain dari Pengaturan buku kerja, hanya diimpor dengan --paksa;\n" +
    "konfirmasi itu dicatat di lembar Riwayat SAKIP.\n",
  booleans: ["paksa"],
  positional: { min: 2, max: 2, check: ([book = ""]) => notXlsx(book) },
  async run({ positional: [book = "", file = ""], switches, io }) {
    // the cheap checks first: a missing folder is said before the LRA is read
    checkFolderOf(book);
    const lra = readLraFile(file, io);
    const { wb, existed } = await openWorkbook(book);
    const paksa = switches.paksa === true;
    const source = `berkas ${file === "-" ? "stdin" : file}${paksa ? " (--paksa)" : ""}`;
    const result = await importLra(wb, lra, undefined, { source, ...(paksa ? { confirmed: "all" as const } : {}) });
    if (!result.ok) {
      if (!result.refusals?.length) {
        io.err(result.message + "\n");
        return EXIT.data;
      }
      const lines = [result.confirm ? "Impor menunggu konfirmasi; buku kerja tidak diubah:" : "Impor tidak dijalankan; buku kerja tidak diubah:"];
      for (const r of result.refusals) {
        lines.push(`  - ${message(r.code, r.params)}`);
        if (r.code !== "import-galat") continue;
        const galat = lra.findings.filter((f) => f.severity === "error");
        for (const f of galat.slice(0, GALAT_SHOWN)) lines.push(`    baris ${f.at.line} [${SEVERITY_LABEL[f.severity]}] ${f.rule}: ${findingMessage(f)}`);
        if (galat.length > GALAT_SHOWN) lines.push(`    … dan ${galat.length - GALAT_SHOWN} ${SEVERITY_LABEL.error} lagi (semuanya: sakip sipd ${file}).`);
      }
      if (result.confirm) lines.push("Bila Anda yakin, jalankan lagi dengan --paksa; konfirmasinya dicatat di lembar Riwayat SAKIP.");
      io.err(lines.join("\n") + "\n");
      return result.confirm ? EXIT.confirm : EXIT.data;
    }
    await saveWorkbook(wb, book);
    const said = [...result.lines, ...result.warnings.map((w) => `Perhatian: ${w}`)];
    io.out(`${existed ? "Diperbarui" : "Dibuat"}: ${book}\n` + said.map((l) => `  ${l}`).join("\n") + "\n");
    return EXIT.ok;
  },
});
