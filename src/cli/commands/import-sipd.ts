/** `sakip import-sipd WORKBOOK.xlsx FILE`: write a SIPD LRA export into a workbook's Realisasi Anggaran. */
import { existsSync } from "node:fs";
import { importLra } from "../../app/import-sipd";
import { lossMessage, XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { parseArgs } from "../args";
import type { Io } from "../main";
import { readLraFile } from "./sipd";

export const importSipdCommand = {
  name: "import-sipd",
  usage: "sakip import-sipd BUKU.xlsx FILE",
  summary: "Mengimpor LRA SIPD ke lembar Realisasi Anggaran (dan Rincian SIPD) sebuah buku kerja .xlsx.",
  help: "Bila BUKU.xlsx belum ada, dibuat dengan lembar standar dari kepala LRA. Berkas hanya disimpan bila seluruh impor berhasil.\n",
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseArgs(argv, { values: [] });
    if (!parsed.ok) {
      io.err(parsed.message + "\n");
      return 2;
    }
    const [book, file, ...extra] = parsed.args.positional;
    if (!book || !file || extra.length || !/\.xlsx$/i.test(book)) {
      io.err(`Pemakaian: ${importSipdCommand.usage}\n${importSipdCommand.help}`);
      return 2;
    }
    const lra = readLraFile(file, io);
    if (!lra) return 1;
    const existed = existsSync(book);
    const wb = existed ? await XlsxWorkbook.fromFile(book) : XlsxWorkbook.create();
    if (wb.losses.length) {
      io.err(lossMessage(wb.losses) + "\n");
      return 1;
    }
    const result = await importLra(wb, lra);
    if (!result.ok) {
      io.err(result.message + "\n");
      return 1;
    }
    await wb.save(book);
    io.out(`${existed ? "Diperbarui" : "Dibuat"}: ${book}\n` + result.lines.map((l) => `  ${l}`).join("\n") + "\n");
    return 0;
  },
};
