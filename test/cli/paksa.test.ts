/** `sakip import-sipd` refuses what the panel refuses; `--paksa` confirms, and the workbook file records it. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const TSV = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");
const dir = mkdtempSync(join(tmpdir(), "sakip-paksa-"));
const lra = join(dir, "lra-juni.tsv");
writeFileSync(lra, TSV);

async function journal(book: string): Promise<unknown[][]> {
  const wb = await XlsxWorkbook.fromFile(book);
  const info = (await wb.sheets()).find((s) => s.name === "Riwayat SAKIP");
  if (!info) return [];
  const [rows] = await wb.read([{ sheet: "Riwayat SAKIP", row: 3, col: 0, rows: info.usedRows - 3, cols: 4 }]);
  return (rows ?? []).map((r) => r.map((c) => c.value));
}

describe("sakip import-sipd --paksa", () => {
  it("asks for --paksa before importing another SKPD's LRA (exit 3), leaving the file as it was", async () => {
    const book = join(dir, "senduro.xlsx");
    expect((await run("scaffold", book, "--unit", "Kecamatan Senduro", "--tahun", "2024", "--periode", "TW II")).code).toBe(0);
    const before = readFileSync(book);
    const r = await run("import-sipd", book, lra);
    expect(r).toMatchObject({ code: 3, out: "" });
    expect(r.err).toBe(
      "Impor menunggu konfirmasi; buku kerja tidak diubah:\n" +
        "  - LRA ini milik KECAMATAN LUMAJANG (organisasi 7.01.0.00.0.00.01.0000), sedangkan Pengaturan buku kerja ini untuk Kecamatan Senduro: kode dua perangkat daerah akan bercampur di lembar Realisasi Anggaran.\n" +
        "Bila Anda yakin, jalankan lagi dengan --paksa; konfirmasinya dicatat di lembar Riwayat SAKIP.\n",
    );
    expect(readFileSync(book).equals(before)).toBe(true);

    const forced = await run("import-sipd", book, lra, "--paksa");
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("Dikonfirmasi: 1 hal, dicatat di lembar Riwayat SAKIP.");
    const [entry] = await journal(book);
    expect(entry?.[1]).toBe("Impor SIPD (dipaksa)");
    expect(entry?.[2]).toMatch(/; dari berkas .*lra-juni\.tsv \(--paksa\)$/);
    expect(entry?.[3]).toMatch(/^LRA ini milik KECAMATAN LUMAJANG/);
  });

  it("lists the galat it would write, in Indonesian, and imports them only with --paksa", async () => {
    const book = join(dir, "galat.xlsx");
    const galat = join(dir, "lra-galat.tsv");
    writeFileSync(galat, TSV.replace("3.785.035.645,00\t54,04", "3.785.035.645,00\t55,04"));
    const r = await run("import-sipd", book, galat);
    expect(r.code).toBe(3);
    expect(r.err).toContain("  - LRA ini memuat 1 galat (baris 14)");
    expect(r.err).toContain("    baris 14 [galat] R-PEN-01: Persentase 55,04 tidak sama");
    expect(existsSync(book)).toBe(false);
    expect((await run("import-sipd", book, galat, "--paksa")).code).toBe(0);
    expect(await journal(book)).toHaveLength(1);
  });

  it("refuses a truncated export outright, --paksa or not (exit 1)", async () => {
    const book = join(dir, "terpotong.xlsx");
    const cut = join(dir, "lra-terpotong.tsv");
    writeFileSync(cut, TSV.split("\n").slice(0, 200).join("\n"));
    for (const args of [[], ["--paksa"]]) {
      const r = await run("import-sipd", book, cut, ...args);
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        "Impor tidak dijalankan; buku kerja tidak diubah:\n" +
          '  - LRA ini terpotong: teks berakhir di baris 200, tanpa baris penutup "Jumlah Belanja" dan "Surplus / Defisit". Salin ulang seluruh laporan sampai baris Surplus / Defisit.\n',
      );
      expect(existsSync(book)).toBe(false);
    }
  });
});

describe("a workbook whose standard sheet has a column inserted in the middle", () => {
  it("is not touched by sakip scaffold or sakip import-sipd, even with --paksa (exit 1), and the message names the column", async () => {
    const book = join(dir, "bergeser.xlsx");
    expect((await run("scaffold", book, "--unit", "Kecamatan Lumajang", "--tahun", "2024", "--periode", "TW II")).code).toBe(0);
    // a Keterangan column inserted before Kode in Realisasi Anggaran, as a spreadsheet does it: every
    // cell from B moves to C (ExcelJS's spliceColumns, the workbook written by ExcelJS itself)
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(book);
    const sheet = x.getWorksheet("Realisasi Anggaran")!;
    sheet.unMergeCells("B4:B5");
    sheet.spliceColumns(2, 0, []);
    sheet.getCell("B5").value = "Keterangan";
    await x.xlsx.writeFile(book);
    const before = readFileSync(book);
    const s = await run("scaffold", book);
    expect(s.code).toBe(1);
    // one line, no "Pengaturan belum benar" heading: the settings are not what is wrong
    expect(s.err).toMatch(
      /^Lembar Realisasi Anggaran: kolom "[^"]+" seharusnya di ([A-Z]), tetapi ada di [A-Z] \(kolom disisipkan di tengah lembar\)\. Buku kerja tidak diubah: Siapkan Lembar akan menulis ke kolom yang salah\. Hapus kolom sisipan .*\n$/,
    );
    const i = await run("import-sipd", book, lra, "--paksa");
    expect(i.code).toBe(1);
    expect(i.err).toMatch(/Lembar Realisasi Anggaran: kolom "[^"]+" seharusnya di [A-Z], tetapi ada di [A-Z] .*Impor SIPD akan menulis ke kolom yang salah/);
    expect(readFileSync(book).equals(before)).toBe(true);
  });
});
