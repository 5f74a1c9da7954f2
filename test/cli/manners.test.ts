/**
 * How `sakip` fails: an Indonesian message, no stack trace, and an exit code from the documented table;
 * output that reaches the end of a pipe; options as users type them.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "../../src/cli/exit-codes";
import { main } from "../../src/cli/main";
import { message } from "../../src/core/messages.id";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const root = join(__dirname, "../..");
const FIXTURE = join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv");
const dir = mkdtempSync(join(tmpdir(), "sakip-manners-"));
const errno = (code: string, text: string) => Object.assign(new Error(`${code}: ${text}`), { code, errno: -1, syscall: "rename" });
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:|TypeError/);

/** The built binary, its stdout held unread for a while (a slow reader), then read to the end. */
function binary(args: string[], stdout: "pipe" | number = "pipe"): Promise<{ code: number | null; out: Buffer; err: string }> {
  if (!existsSync(join(root, "dist/node/cli/main.js"))) throw new Error("dist/node is missing: run `npm run build` before this test");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "bin/sakip.js"), ...args], { stdio: ["ignore", stdout, "pipe"] });
    const chunks: Buffer[] = [];
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString("utf8")));
    if (child.stdout) {
      child.stdout.pause();
      child.stdout.on("data", (d: Buffer) => chunks.push(d));
      setTimeout(() => child.stdout?.resume(), 400);
    }
    child.on("close", (code) => resolve({ code, out: Buffer.concat(chunks), err }));
  });
}

describe("output through a pipe", () => {
  it("--json reaches a slow reader whole (no exit before stdout drains)", async () => {
    let expected = "";
    await main(["sipd", FIXTURE, "--json"], { out: (t) => (expected += t), err: () => undefined });
    expect(Buffer.byteLength(expected)).toBeGreaterThan(4 * 65536);
    const r = await binary(["sipd", FIXTURE, "--json"]);
    expect(r.code).toBe(0);
    expect(r.out.length).toBe(Buffer.byteLength(expected));
    expect((JSON.parse(r.out.toString("utf8")) as { rows: unknown[] }).rows).toHaveLength(241);
  });

  it("a full disk under stdout is said in Indonesian with its exit code", async () => {
    if (!existsSync("/dev/full")) return;
    const full = openSync("/dev/full", "w");
    try {
      const r = await binary(["sipd", FIXTURE, "--json"], full);
      expect(r.code).toBe(EXIT.diskFull);
      expect(r.err).toBe(`${message("output-disk-full")}\n`);
    } finally {
      closeSync(full);
    }
  });
});

describe("every failure has its documented exit code and an Indonesian message without a stack trace", () => {
  it.each<[string, () => string[], number, RegExp]>([
    ["a missing input file", () => ["sipd", join(dir, "tidak-ada.tsv")], EXIT.unreadable, /^Berkas .*tidak-ada\.tsv tidak ada\.\n$/],
    ["a folder as the input file", () => ["sipd", dir], EXIT.unreadable, /^.* adalah folder, bukan berkas\.\n$/],
    [
      "an output folder that does not exist",
      () => ["scaffold", join(dir, "belum-ada", "buku.xlsx"), "--unit", "Kecamatan Lumajang", "--tahun", "2024", "--periode", "TW II"],
      EXIT.noFolder,
      /^Folder .*belum-ada tidak ada; buku\.xlsx tidak dapat disimpan di sana\. Buat foldernya dulu, atau pilih folder lain\.\n$/,
    ],
    ["a workbook that is not an .xlsx", () => ["import-sipd", writeText("rusak.xlsx", "bukan zip"), FIXTURE], EXIT.unreadable, /^Buku kerja .*rusak\.xlsx tidak dapat dibaca sebagai \.xlsx/],
  ])("%s", async (_label, args, code, text) => {
    const r = await run(...args());
    expect({ code: r.code, out: r.out }).toEqual({ code, out: "" });
    expect(r.err).toMatch(text);
    noStack(r.err);
  });

  it("an input file beyond the size limit, without telling to raise a limit nobody can raise", async () => {
    const big = join(dir, "besar.tsv");
    writeFileSync(big, "");
    truncateSync(big, 130 * 1024 * 1024); // sparse: costs no disk
    const r = await run("sipd", big);
    expect(r.code).toBe(EXIT.tooLarge);
    expect(r.err).toMatch(/^Berkas .*besar\.tsv berukuran 130,0 MB, lebih dari 120,0 MB\. Satu LRA perangkat daerah hanya beberapa MB/);
    expect(r.err).not.toMatch(/naikkan|batas ukuran/i);
  });

  it("the parser's size limit says the same (sipd-too-large)", () => {
    const text = message("sipd-too-large", { size: "61,0", limit: "60,0" });
    expect(text).not.toMatch(/naikkan|batas ukuran/i);
    expect(text).toMatch(/^Teks terlalu besar: 61,0 MB, lebih dari 60,0 MB\./);
  });

  it.each<[string, string, number, RegExp]>([
    ["EPERM", "operation not permitted", EXIT.permission, /^Tidak ada izin menulis .*buku\.xlsx/],
    ["EACCES", "permission denied", EXIT.permission, /^Tidak ada izin menulis .*buku\.xlsx/],
    ["EBUSY", "resource busy or locked", EXIT.permission, /^Tidak ada izin menulis .*buku\.xlsx .*sedang dibuka/],
    ["ENOSPC", "no space left on device", EXIT.diskFull, /^Disk penuh: .*buku\.xlsx tidak dapat disimpan\. Berkas lama tidak berubah/],
  ])("%s while saving the workbook", async (code, text, exit, shown) => {
    const save = jest.spyOn(XlsxWorkbook.prototype, "save").mockRejectedValueOnce(new AggregateError([errno(code, text)], "Gagal menyimpan"));
    try {
      const r = await run("import-sipd", join(dir, "buku.xlsx"), FIXTURE);
      expect({ code: r.code, out: r.out }).toEqual({ code: exit, out: "" });
      expect(r.err).toMatch(shown);
      noStack(r.err);
    } finally {
      save.mockRestore();
    }
  });

  it("a bug is an Indonesian message with exit 70, and no stack trace", async () => {
    const open = jest.spyOn(XlsxWorkbook, "create").mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
    });
    try {
      const r = await run("import-sipd", join(dir, "baru.xlsx"), FIXTURE);
      expect(r.code).toBe(EXIT.internal);
      expect(r.err).toBe(
        "Kesalahan tak terduga di sakip (Cannot read properties of undefined (reading 'sheets')). Ini kesalahan program, bukan data Anda; " +
          "laporkan bersama perintah yang dijalankan. Berkas Anda tidak diubah.\n",
      );
    } finally {
      open.mockRestore();
    }
  });

  it("sakip --help lists every exit code, and the README documents each", async () => {
    const help = (await run("--help")).out;
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(help).toContain("Kode keluar:");
    for (const code of Object.values(EXIT)) {
      expect(help).toMatch(new RegExp(`^ {2}${code} +\\S`, "m"));
      expect(readme).toMatch(new RegExp(`^ *\\| \`${code}\` \\| `, "m"));
    }
  });
});

describe("options as users type them", () => {
  it.each(["TW2", "TW 2", "2", "II", "Triwulan II", "tw ii", "triwulan 2", "TW-II"])("--periode %s is TW II", async (periode) => {
    const book = join(dir, `periode-${periode.replace(/\W/g, "_")}.xlsx`);
    const r = await run("scaffold", book, "--unit", "Kecamatan Lumajang", "--tahun", "2024", "--periode", periode);
    expect(r).toMatchObject({ code: 0, err: "" });
    const wb = await XlsxWorkbook.fromFile(book);
    const [block] = await wb.read([{ sheet: "Pengaturan", row: 8, col: 1, rows: 1, cols: 1 }]);
    expect(block?.[0]?.[0]?.value).toBe("TW II");
  });

  it("errors name the option, not the field", async () => {
    const r = await run("scaffold", join(dir, "salah.xlsx"), "--tahun", "1999", "--periode", "TW5");
    expect(r.code).toBe(EXIT.data);
    expect(r.err).toContain("  - --unit: Unit kerja wajib diisi");
    expect(r.err).toContain("  - --tahun: Tahun anggaran paling awal 2000.");
    expect(r.err).toContain('  - --periode: Periode "TW5" tidak dikenal; pilihannya: TW I, TW II, TW III, TW IV, Tahunan (boleh ditulis TW2, 2, II, Triwulan II).');
    expect(r.err).not.toMatch(/unitKerja|  - tahun:|  - periode:/);
  });

  it("an option typed with one dash is refused as an option, not looked for as a file", async () => {
    const r = await run("validate", "-json", join(dir, "tidak-ada.xlsx"));
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain("Opsi -json tidak dikenal; maksudnya --json?");
    expect(r.err).not.toContain("berkas tidak ditemukan");
    const other = await run("sipd", FIXTURE, "-jsn");
    expect(other.code).toBe(EXIT.usage);
    expect(other.err).toContain("Opsi -jsn tidak dikenal. Opsi ditulis dengan dua tanda minus");
    // a negative number after a single dash is still a value
    const n = await run("hitung", "ANGKA", "-5");
    expect(n).toMatchObject({ code: 0, err: "" });
    expect(n.out).toContain("-5");
  });
});

function writeText(name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
