/** `sakip scaffold out.xlsx [--unit … --tahun … --periode …]`: the standard workbook as a file. */
import { existsSync } from "node:fs";
import { scaffold } from "../../app/scaffold";
import { lossMessage, XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { parseArgs } from "../args";
import type { Io } from "../main";

const FLAGS: Record<string, string> = {
  unit: "unitKerja",
  pemda: "pemda",
  "kode-organisasi": "kodeOrganisasi",
  tahun: "tahun",
  periode: "periode",
  skala: "skala",
  rumus: "rumusNegatif",
};

export const scaffoldCommand = {
  name: "scaffold",
  usage: "sakip scaffold FILE.xlsx [--unit --tahun --periode …]",
  summary: "Membuat (atau memperbaiki) buku kerja .xlsx berisi lembar standar SAKIP.",
  help:
    "Opsi: --unit \"Kecamatan Lumajang\" --tahun 2024 --periode \"TW II\" [--pemda …] [--kode-organisasi 7.01.0.00.0.00.01.0000]\n" +
    "      [--skala kecamatan|permendagri86|kustom] [--rumus 2T-R|T/R] [--jabatan \"Camat;Sekretaris Kecamatan;…\"]\n" +
    "Bila FILE.xlsx sudah ada, lembar yang kurang ditambahkan dan rumus yang rusak dipulihkan; nilai ketikan tidak ditimpa.\n",
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseArgs(argv, { values: [...Object.keys(FLAGS), "jabatan"] });
    if (!parsed.ok) {
      io.err(parsed.message + "\n");
      return 2;
    }
    const [file, ...extra] = parsed.args.positional;
    if (!file || extra.length || !/\.xlsx$/i.test(file)) {
      io.err(`Pemakaian: ${scaffoldCommand.usage}\n${scaffoldCommand.help}`);
      return 2;
    }
    const input: Record<string, unknown> = {};
    for (const [flag, key] of Object.entries(FLAGS)) {
      const v = parsed.args.flags[flag];
      if (typeof v === "string") input[key] = v;
    }
    const jabatan = parsed.args.flags.jabatan;
    if (typeof jabatan === "string") input.jabatan = jabatan.split(";").map((s) => s.trim()).filter(Boolean);

    const existed = existsSync(file);
    const wb = existed ? await XlsxWorkbook.fromFile(file) : XlsxWorkbook.create();
    if (wb.losses.length) {
      io.err(lossMessage(wb.losses) + "\n");
      return 1;
    }
    const result = await scaffold(wb, input);
    if (!result.ok) {
      io.err("Pengaturan belum benar:\n" + result.problems.map((p) => `  - ${p.field}: ${p.message}`).join("\n") + "\n");
      return 1;
    }
    await wb.save(file);
    io.out(`${existed ? "Diperbarui" : "Dibuat"}: ${file}\n` + result.lines.map((l) => `  ${l}`).join("\n") + "\n");
    return 0;
  },
};
