/** `sakip sipd FILE [--json]`: read a SIPD LRA export and print what was found and reconciled. */
import { previewLra } from "../../app/import-sipd";
import { findingMessage, SEVERITY_LABEL } from "../../core/findings";
import { formatAngka } from "../../core/numbers";
import { defineCommand } from "../command";
import { EXIT } from "../exit-codes";
import { readLraFile } from "../files";

const rp = (n: number | null | undefined) => (n === null || n === undefined ? "-" : formatAngka(n, "money", { decimals: 0 }));

export const sipdCommand = defineCommand<never, "json">({
  name: "sipd",
  usage: "sakip sipd FILE [--json]",
  summary: "Membaca LRA SIPD (per kode rekening, teks TAB) dan mencetak hasil baca serta pemeriksaannya.",
  help:
    "FILE berisi teks yang disalin dari unduhan Excel SIPD (atau - untuk stdin): UTF-8, Teks Unicode (UTF-16) atau Windows-1252.\n" +
    "--json mencetak seluruh hasil baca.\n",
  booleans: ["json"],
  positional: { min: 1, max: 1 },
  run({ positional: [file = ""], switches, io }) {
    const lra = readLraFile(file, io);
    if (switches.json) {
      io.out(JSON.stringify({ preview: previewLra(lra), ...lra }, null, 2) + "\n");
      return EXIT.ok;
    }
    const p = previewLra(lra);
    io.out(
      [
        `SKPD: ${p.skpd ?? "-"} (organisasi ${p.organisasi ?? "-"})`,
        `Periode: ${p.bulan ?? "-"}${p.twColumn ? ` → ${p.twColumn}` : " (bukan akhir triwulan)"}`,
        `Baris: ${p.counts.rows} (${p.counts.program} program, ${p.counts.kegiatan} kegiatan turunan, ${p.counts.subKegiatan} sub kegiatan, ${p.counts.akun} baris akun)`,
        `Anggaran setelah perubahan: Rp ${rp(p.total?.anggaranSetelah)}; realisasi s/d bulan ini: Rp ${rp(p.total?.realisasiSd)} (${p.total?.persen === null || p.total?.persen === undefined ? "-" : formatAngka(p.total.persen, "ratio", { decimals: 2 })}%)`,
        `Temuan: ${p.findings.error} ${SEVERITY_LABEL.error}, ${p.findings.warning} ${SEVERITY_LABEL.warning}, ${p.findings.info} ${SEVERITY_LABEL.info}`,
        ...lra.findings.map((f) => `  baris ${f.at.line} [${SEVERITY_LABEL[f.severity]}] ${f.rule}: ${findingMessage(f)}`),
      ].join("\n") + "\n",
    );
    return EXIT.ok;
  },
});
