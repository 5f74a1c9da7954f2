/** `sakip sipd` / `import-sipd` on the files users actually have: other encodings, and files that are not text. */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { EXIT } from "../../src/cli/exit-codes";
import { describeFailure, writeFailure } from "../../src/cli/failure";
import { main } from "../../src/cli/main";
import { message } from "../../src/core/messages.id";
import { FileGuardError, XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const TSV = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "sakip-files-"));
const file = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe("sakip sipd reads the encodings Excel saves", () => {
  it("Excel's Unicode Text (UTF-16LE with a BOM) reads as the UTF-8 export does", async () => {
    const utf8 = await run("sipd", file("lra.txt", TSV));
    const utf16 = await run("sipd", file("lra-unicode.txt", Buffer.from(`\ufeff${TSV}`, "utf16le")));
    expect(utf16.code).toBe(0);
    expect(utf16.out).toBe(utf8.out);
    expect(utf16.err).toBe("Catatan: berkas dibaca sebagai UTF-16LE (Teks Unicode dari Excel).\n");
  });

  it("a Windows-1252 text keeps its accented characters", async () => {
    const text = TSV.replace("Penyusunan Dokumen Perencanaan Perangkat Daerah", "Café Rapat Koordinasi");
    const r = await run("sipd", file("lra-1252.txt", Buffer.from(text, "latin1")), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { rows: { line: number; uraian: string }[] };
    expect(json.rows.find((x) => x.line === 15)?.uraian).toBe("Café Rapat Koordinasi");
    expect(r.err).toBe("Catatan: berkas dibaca sebagai Windows-1252 (bukan UTF-8).\n");
  });
});

describe("a file that is not text is refused with what to do instead (exit 1)", () => {
  it("an .xlsx given as the LRA", async () => {
    const book = join(dir, "buku.xlsx");
    expect((await run("scaffold", book, "--unit", "Kecamatan Lumajang", "--tahun", "2024", "--periode", "TW II")).code).toBe(0);
    for (const command of ["sipd", "import-sipd"]) {
      const r = command === "sipd" ? await run("sipd", book) : await run("import-sipd", join(dir, "lain.xlsx"), book);
      expect(r).toMatchObject({ code: 1, out: "" });
      expect(r.err).toMatch(/^Berkas .*buku\.xlsx: Berkas ini bukan teks, melainkan berkas zip \(misalnya buku kerja Excel \.xlsx\)\. Buka berkasnya di Excel/);
    }
  });

  it("a PNG", async () => {
    const r = await run("sipd", join(__dirname, "../../assets/icon-32.png"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Berkas ini bukan teks, melainkan gambar/);
  });
});

describe("the workbook on disk is never written over when it should not be", () => {
  const scaffolded = async (name: string): Promise<string> => {
    const book = join(dir, name);
    expect((await run("scaffold", book, "--unit", "Kecamatan Lumajang", "--tahun", "2024", "--periode", "TW II")).code).toBe(0);
    return book;
  };
  const others = (book: string) => readdirSync(dirname(book)).filter((n) => n.startsWith(`.${basename(book)}.`));

  it("a read-only workbook (chmod a-w, Windows' read-only attribute) is refused with exit 6, unchanged, no temporary file left", async () => {
    const book = await scaffolded("hanya-baca.xlsx");
    const lra = file("lra-ro.tsv", TSV);
    chmodSync(book, 0o444);
    const before = readFileSync(book);
    for (const argv of [["import-sipd", book, lra], ["scaffold", book, "--jabatan", "Camat"]]) {
      const r = await run(...argv);
      expect([argv[0], r.code]).toEqual([argv[0], EXIT.permission]);
      expect(r.err).toContain(`Tidak ada izin menulis ${book} (berkas atau foldernya hanya-baca`);
      expect(readFileSync(book).equals(before)).toBe(true);
      expect(statSync(book).mode & 0o777).toBe(0o444);
      expect(others(book)).toEqual([]);
    }
  });

  it("a workbook saved by another command since it was read is not written over (exit 6), and that command's change stays", async () => {
    const book = await scaffolded("dua-perintah.xlsx");
    // this command reads the workbook and works on it ...
    const mine = await XlsxWorkbook.fromFile(book);
    await mine.apply([{ type: "write", sheet: "Pengaturan", row: 4, col: 1, cells: [["Kecamatan Senduro"]] }]);
    // ... while another one saves it
    expect((await run("scaffold", book, "--jabatan", "Camat;Kasubbag Keuangan;Kasi Baru")).code).toBe(0);
    const theirs = readFileSync(book);
    const error = await mine.save(book).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileGuardError);
    expect(describeFailure(writeFailure(error, book))).toEqual({ text: message("save-changed", { path: book }), exitCode: EXIT.permission });
    expect(readFileSync(book).equals(theirs)).toBe(true);
    expect(others(book)).toEqual([]);
    // a workbook saved, then saved again by the same command, is its own change
    const again = await XlsxWorkbook.fromFile(book);
    await again.save(book);
    await again.apply([{ type: "write", sheet: "Pengaturan", row: 4, col: 1, cells: [["Kecamatan Senduro"]] }]);
    await expect(again.save(book)).resolves.toBeUndefined();
  });
});
