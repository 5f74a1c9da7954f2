/**
 * Bytes of a file to text: what Excel and SIPD users actually save (UTF-8, Excel's "Unicode Text",
 * Windows-1252 from an older Excel) read exactly, and files that are not text refused with what to do.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { decodeText } from "../../src/core/decode";
import { message } from "../../src/core/messages.id";
import { parseLra } from "../../src/core/sipd";

const TSV = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");
// the uraian as an older Excel on Windows saves it: é, ü, an en dash and a euro sign
const ACCENTED = "Belanja Jasa Konsultansi – Café Rapat Übung €";
const WITH_ACCENTS = TSV.replace("Penyusunan Dokumen Perencanaan Perangkat Daerah", ACCENTED);

/** Windows-1252 bytes: Latin-1 for U+00A0–U+00FF, the 0x80–0x9F table for the rest. */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { "€": 0x80, "–": 0x96, "—": 0x97, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94 };
  return Uint8Array.from([...text].map((ch) => extra[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i]!;
    le[i] = le[i + 1]!;
    le[i + 1] = a;
  }
  return le;
}

const decoded = (bytes: Uint8Array) => {
  const r = decodeText(bytes);
  if (!r.ok) throw new Error(`refused: ${message(r.code, r.params)}`);
  return r;
};

describe("decodeText reads the encodings users save", () => {
  it.each<[string, Uint8Array, string, boolean]>([
    ["UTF-8", Buffer.from(WITH_ACCENTS, "utf8"), "utf-8", false],
    ["UTF-8 with a BOM", Buffer.from(`\ufeff${WITH_ACCENTS}`, "utf8"), "utf-8", true],
    ["UTF-16LE with a BOM (Excel's Unicode Text)", Buffer.from(`\ufeff${WITH_ACCENTS}`, "utf16le"), "utf-16le", true],
    ["UTF-16BE with a BOM", utf16be(`\ufeff${WITH_ACCENTS}`), "utf-16be", true],
    ["UTF-16LE without a BOM", Buffer.from(WITH_ACCENTS, "utf16le"), "utf-16le", false],
    ["Windows-1252", windows1252(WITH_ACCENTS), "windows-1252", false],
  ])("%s", (_label, bytes, encoding, bom) => {
    const r = decoded(bytes);
    expect({ encoding: r.encoding, bom: r.bom }).toEqual({ encoding, bom });
    expect(r.text).toBe(WITH_ACCENTS);
    const lra = parseLra(r.text);
    expect(lra.ok && lra.rows.find((row) => row.line === 15)?.uraian).toBe(ACCENTED);
  });

  it("reads an empty file as empty text (the parser says it is empty)", () => {
    expect(decoded(new Uint8Array(0))).toMatchObject({ text: "", encoding: "utf-8" });
  });
});

describe("decodeText refuses what is not text, saying what it is and what to do", () => {
  it("an .xlsx (a zip): open it in Excel and copy the cells, or save it as Teks (dipisah tab)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const r = decodeText(bytes);
    expect(r).toMatchObject({ ok: false, code: "file-zip" });
    if (r.ok) return;
    expect(message(r.code, r.params)).toBe(
      "Berkas ini bukan teks, melainkan berkas zip (misalnya buku kerja Excel .xlsx). Buka berkasnya di Excel, pilih sel LRA beserta judulnya, " +
        "lalu salin dan tempel di panel Impor SIPD; atau simpan sebagai Teks (dipisah tab) (*.txt) dan baca berkas .txt itu.",
    );
  });

  it.each<[string, Uint8Array, string]>([
    ["a PNG image", readFileSync(join(__dirname, "../../assets/icon-32.png")), "file-image"],
    ["a PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", "latin1"), "file-pdf"],
    ["an old .xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), "file-xls"],
    ["random bytes", randomBytes(4096, 7), "file-binary"],
    ["text with NUL bytes", Buffer.from("KODE REKENING\tURAIAN\0\0\0\u0001\u0002", "latin1"), "file-binary"],
  ])("%s", (_label, bytes, code) => {
    const r = decodeText(bytes);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(message(r.code, r.params)).toMatch(/^Berkas ini bukan teks.*Teks \(dipisah tab\)/);
  });

  it("a UTF-32 text, naming the encoding", () => {
    const r = decodeText(Uint8Array.from([0xff, 0xfe, 0, 0, 0x4b, 0, 0, 0]));
    expect(r).toMatchObject({ ok: false, code: "file-encoding-unsupported", params: { encoding: "UTF-32LE" } });
    if (!r.ok) expect(message(r.code, r.params)).toContain("UTF-32LE");
  });

  it("a UTF-8 BOM over bytes that are not UTF-8, naming the encoding", () => {
    const r = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x42, 0xe9, 0x43]));
    expect(r).toMatchObject({ ok: false, code: "file-encoding-invalid", params: { encoding: "UTF-8" } });
    if (!r.ok) expect(message(r.code, r.params)).toMatch(/UTF-8/);
  });
});

function randomBytes(n: number, seed: number): Uint8Array {
  let a = seed;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    out[i] = a >>> 24;
  }
  return out;
}
