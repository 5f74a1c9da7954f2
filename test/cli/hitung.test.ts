import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("sakip hitung", () => {
  it("computes capaian from Indonesian literals: 82,9 of 80 is 103,63%", async () => {
    expect(await run("hitung", "CAPAIAN", "80", "82,9")).toEqual({ code: 0, out: "1,03625 (103,63%)\n", err: "" });
  });

  it("takes the optional polarity like the Excel function", async () => {
    expect((await run("hitung", "capaian", "10", "12", "negatif")).out).toBe("0,8 (80,00%)\n");
  });

  it("reads SIPD amounts and prints penyerapan (002:568: 53,17%)", async () => {
    expect((await run("hitung", "PENYERAPAN", "7.229.814.333,00", "3.844.101.645,00")).out).toMatch(/\(53,17%\)/);
  });

  it("prints predicates and numbers", async () => {
    expect((await run("hitung", "PREDIKAT", "0,52")).out).toBe("Rendah\n");
    expect((await run("hitung", "ANGKA", "(18.938.957,00)")).out).toBe("-18938957\n");
    expect((await run("hitung", "SISA", "1.268.992,00", "20.207.949,00")).out).toBe("-18.938.957,00\n");
  });

  it("answers bad input with the Indonesian message and exit code 1", async () => {
    const r = await run("hitung", "CAPAIAN", "0", "5");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^#DIV\/0! Target bernilai 0/);
    expect((await run("hitung", "ANGKA", "1.000")).err).toMatch(/ambigu/);
  });

  it("gives JSON for scripts", async () => {
    const { value } = JSON.parse((await run("hitung", "CAPAIAN", "80", "82,9", "--json")).out) as { value: number };
    expect(value).toBe(82.9 / 80);
  });

  it("refuses unknown functions and wrong argument counts with usage help (exit 2)", async () => {
    expect((await run("hitung", "KURANG")).code).toBe(2);
    const r = await run("hitung", "CAPAIAN", "80");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/memerlukan 2–4 argumen, diberikan 1/);
  });

  it("--help lists every SAKIP function", async () => {
    const r = await run("--help");
    for (const f of ["CAPAIAN", "PENYERAPAN", "SISA", "EFISIENSI", "PREDIKAT", "ANGKA", "REALISASI"]) expect(r.out).toContain(`SAKIP.${f}(`);
  });
});

describe("the built sakip binary", () => {
  const root = join(__dirname, "../..");
  it("runs after npm run build (npx sakip hitung CAPAIAN 80 82,9)", () => {
    if (!existsSync(join(root, "dist/node/cli/main.js"))) throw new Error("dist/node is missing: run `npm run build` before this test");
    expect(execFileSync("node", [join(root, "bin/sakip.js"), "hitung", "CAPAIAN", "80", "82,9"], { encoding: "utf8" })).toBe("1,03625 (103,63%)\n");
    const bad = spawnSync("node", [join(root, "bin/sakip.js"), "hitung", "CAPAIAN", "0", "1"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
  });
});

describe("sakip sipd", () => {
  const file = join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv");
  it("prints what the June 2024 export holds and every finding with its line", async () => {
    const r = await run("sipd", file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("SKPD: KECAMATAN LUMAJANG (organisasi 7.01.0.00.0.00.01.0000)");
    expect(r.out).toContain("Periode: Juni 2024 → s/d TW II (Juni)");
    expect(r.out).toContain("Rp 7.229.814.333; realisasi s/d bulan ini: Rp 3.844.101.645 (53,17%)");
    expect(r.out).toMatch(/baris 49 \[peringatan\] R-PEN-02/);
    expect(r.out).not.toMatch(/\[(error|warning)\]/);
  });
  it("gives the whole parse as JSON", async () => {
    const r = await run("sipd", file, "--json");
    const json = JSON.parse(r.out) as { rows: unknown[]; subKegiatan: unknown[]; preview: { counts: { kegiatan: number } } };
    expect([json.rows.length, json.subKegiatan.length, json.preview.counts.kegiatan]).toEqual([241, 29, 13]);
  });
  it("refuses text that is not an LRA with the reason (exit 1)", async () => {
    const r = await run("sipd", join(__dirname, "../fixtures/README.md"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Yang diharapkan/);
  });
});

describe("sakip scaffold and sakip import-sipd", () => {
  const { mkdtempSync, existsSync: exists } = require("node:fs") as typeof import("node:fs");
  const { tmpdir } = require("node:os") as typeof import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "sakip-cli-"));
  const book = join(dir, "lumajang.xlsx");
  const lra = join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv");

  it("creates the standard workbook, then imports the June LRA into it, then finds nothing to repair", async () => {
    const a = await run("scaffold", book, "--unit", "Kecamatan Lumajang", "--tahun", "2024", "--periode", "TW II", "--jabatan", "Camat;Kasubbag Keuangan");
    expect(a).toMatchObject({ code: 0, err: "" });
    expect(a.out).toContain("Capaian: lembar dibuat.");
    expect(exists(book)).toBe(true);
    const b = await run("import-sipd", book, lra);
    expect(b.code).toBe(0);
    expect(b.out).toContain("0 baris diperbarui, 48 baris baru");
    const c = await run("scaffold", book);
    expect(c.out).toContain("Semua lembar sudah lengkap; tidak ada yang diubah.");
    const { XlsxWorkbook } = await import("../../src/workbook/xlsx/xlsx-workbook");
    const wb = await XlsxWorkbook.fromFile(book);
    const [block] = await wb.read([{ sheet: "Realisasi Anggaran", row: 6, col: 1, rows: 1, cols: 1 }]);
    expect(block?.[0]?.[0]?.value).toBe("7.01.01");
  });

  it("explains bad settings and bad usage", async () => {
    const r = await run("scaffold", join(dir, "baru.xlsx"), "--tahun", "1999", "--periode", "TW II");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Unit kerja wajib diisi/);
    expect(r.err).toMatch(/Tahun anggaran paling awal 2000/);
    expect(exists(join(dir, "baru.xlsx"))).toBe(false);
    expect((await run("scaffold", "buku.txt")).code).toBe(2);
    expect((await run("scaffold", book, "--warna", "merah")).err).toMatch(/Opsi --warna tidak dikenal/);
    expect((await run("import-sipd", book)).code).toBe(2);
  });
});
