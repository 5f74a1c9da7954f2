/** `sakip sipd FILE [--json]`: read a SIPD LRA export and print what was found and reconciled. */
import { readFileSync } from "node:fs";
import { previewLra } from "../../app/import-sipd";
import { findingMessage, SEVERITY_LABEL } from "../../core/findings";
import { formatAngka } from "../../core/numbers";
import { parseLra, type LraParseSuccess } from "../../core/sipd";
import { decodeText, ENCODING_LABEL, type TextEncoding } from "../../core/decode";
import { message } from "../../core/messages.id";
import { parseArgs } from "../args";

const DECODED_HINT: Record<TextEncoding, string> = { "utf-8": "", "utf-16le": " (Teks Unicode dari Excel)", "utf-16be": "", "windows-1252": " (bukan UTF-8)" };
import type { Io } from "../main";

/** Reads a pasted-text file; "-" is standard input. Exit code 1 when the text is not an LRA. */
export function readLraFile(file: string, io: Io): LraParseSuccess | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file === "-" ? 0 : file);
  } catch (error) {
    io.err(`Berkas "${file}" tidak dapat dibaca: ${(error as Error).message}\n`);
    return null;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    io.err(`Berkas ${file}: ${message(decoded.code, decoded.params)}\n`);
    return null;
  }
  if (decoded.encoding !== "utf-8") io.err(`Catatan: ${message("file-decoded-as", { encoding: ENCODING_LABEL[decoded.encoding], hint: DECODED_HINT[decoded.encoding] })}\n`);
  const r = parseLra(decoded.text);
  if (!r.ok) {
    io.err(`${r.message}\n`);
    return null;
  }
  return r;
}

const rp = (n: number | null | undefined) => (n === null || n === undefined ? "-" : formatAngka(n, "money", { decimals: 0 }));

export const sipdCommand = {
  name: "sipd",
  usage: "sakip sipd FILE [--json]",
  summary: "Membaca LRA SIPD (per kode rekening, teks TAB) dan mencetak hasil baca serta pemeriksaannya.",
  help: "FILE berisi teks yang disalin dari unduhan Excel SIPD (atau - untuk stdin). --json mencetak seluruh hasil baca.\n",
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseArgs(argv, { values: [], booleans: ["json"] });
    if (!parsed.ok) {
      io.err(parsed.message + "\n");
      return 2;
    }
    const [file, ...extra] = parsed.args.positional;
    if (!file || extra.length) {
      io.err(`Pemakaian: ${sipdCommand.usage}\n`);
      return 2;
    }
    const lra = readLraFile(file, io);
    if (!lra) return 1;
    if (parsed.args.flags.json) {
      io.out(JSON.stringify({ preview: previewLra(lra), ...lra }, null, 2) + "\n");
      return 0;
    }
    const p = previewLra(lra);
    io.out(
      [
        `SKPD: ${p.skpd ?? "-"} (organisasi ${p.organisasi ?? "-"})`,
        `Periode: ${p.bulan ?? "-"}${p.twColumn ? ` → ${p.twColumn}` : " (bukan akhir triwulan)"}`,
        `Baris: ${p.counts.rows} (${p.counts.program} program, ${p.counts.kegiatan} kegiatan turunan, ${p.counts.subKegiatan} sub kegiatan, ${p.counts.akun} baris akun)`,
        `Anggaran setelah perubahan: Rp ${rp(p.total?.anggaranSetelah)}; realisasi s/d bulan ini: Rp ${rp(p.total?.realisasiSd)} (${p.total?.persen === null || p.total?.persen === undefined ? "-" : formatAngka(p.total.persen, "ratio", { decimals: 2 })}%)`,
        `Temuan: ${p.findings.error} galat, ${p.findings.warning} peringatan, ${p.findings.info} info`,
        ...lra.findings.map((f) => `  baris ${f.at.line} [${SEVERITY_LABEL[f.severity]}] ${f.rule}: ${findingMessage(f)}`),
      ].join("\n") + "\n",
    );
    return 0;
  },
};
