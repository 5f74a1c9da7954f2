/** `sakip scaffold out.xlsx [--unit … --tahun … --periode …]`: the standard workbook as a file. */
import { LAYOUT_FIELD, scaffold } from "../../app/scaffold";
import { defineCommand, notXlsx } from "../command";
import { EXIT } from "../exit-codes";
import { openWorkbook, saveWorkbook } from "../files";

/** Each option and the settings field it fills; problems are reported by option, as the user typed them. */
const FLAGS = {
  unit: "unitKerja",
  pemda: "pemda",
  "kode-organisasi": "kodeOrganisasi",
  tahun: "tahun",
  periode: "periode",
  skala: "skala",
  rumus: "rumusNegatif",
  jabatan: "jabatan",
} as const;
type Flag = keyof typeof FLAGS;

const optionOf = (field: string): string => {
  const key = field.split(".")[0];
  const flag = (Object.keys(FLAGS) as Flag[]).find((f) => FLAGS[f] === key);
  return flag ? `--${flag}` : field;
};

export const scaffoldCommand = defineCommand<Flag>({
  name: "scaffold",
  usage: "sakip scaffold FILE.xlsx [--unit --tahun --periode …]",
  summary: "Membuat (atau memperbaiki) buku kerja .xlsx berisi lembar standar SAKIP.",
  help:
    "Opsi: --unit \"Kecamatan Lumajang\" --tahun 2024 --periode \"TW II\" [--pemda …] [--kode-organisasi 7.01.0.00.0.00.01.0000]\n" +
    "      [--skala kecamatan|permendagri86|kustom] [--rumus 2T-R|T/R] [--jabatan \"Camat;Sekretaris Kecamatan;…\"]\n" +
    "--periode boleh ditulis TW2, TW 2, 2, II, Triwulan II atau Tahunan.\n" +
    "Bila FILE.xlsx sudah ada, lembar yang kurang ditambahkan dan rumus yang rusak dipulihkan; nilai ketikan tidak ditimpa.\n",
  values: Object.keys(FLAGS) as Flag[],
  positional: { min: 1, max: 1, check: ([file = ""]) => notXlsx(file) },
  async run({ positional: [file = ""], values, io }) {
    const input: Record<string, unknown> = {};
    for (const flag of Object.keys(FLAGS) as Flag[]) {
      const v = values[flag];
      if (v === undefined) continue;
      input[FLAGS[flag]] = flag === "jabatan" ? v.split(";").map((s) => s.trim()).filter(Boolean) : v;
    }
    const { wb, existed } = await openWorkbook(file);
    const result = await scaffold(wb, input);
    if (!result.ok) {
      const layout = result.problems.filter((p) => p.field === LAYOUT_FIELD);
      if (layout.length) io.err(layout.map((p) => p.message).join("\n") + "\n");
      else io.err("Pengaturan belum benar:\n" + result.problems.map((p) => `  - ${optionOf(p.field)}: ${p.message}`).join("\n") + "\n");
      return EXIT.data;
    }
    await saveWorkbook(wb, file);
    io.out(`${existed ? "Diperbarui" : "Dibuat"}: ${file}\n` + result.lines.map((l) => `  ${l}`).join("\n") + "\n");
    return EXIT.ok;
  },
});
