/**
 * `sakip scaffold` and `sakip import-sipd` on a user's .xlsx that holds a chart, a picture, a pivot
 * table and comments: what the user had is still there afterwards; a file whose content the adapter
 * cannot keep is refused, unchanged, with the reason in Indonesian.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { userXlsx } from "../support/user-xlsx";
import { readPackage } from "../support/xlsx-package";

const LRA = join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv");

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("sakip on a user's .xlsx", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "sakip-cli-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("scaffold, then import-sipd, keep the chart, picture, pivot table and comments", async () => {
    const user = await userXlsx();
    const file = join(dir, "lkjip.xlsx");
    await writeFile(file, user.bytes);
    const before = await readPackage(user.bytes);

    expect(await run("scaffold", file, "--unit", "Kecamatan Lumajang", "--tahun", "2024", "--periode", "TW II")).toMatchObject({ code: 0, err: "" });
    expect(await run("import-sipd", file, LRA)).toMatchObject({ code: 0, err: "" });

    const after = await readPackage(await readFile(file));
    for (const path of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/media/image1.png", "xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "xl/comments1.xml", "xl/threadedComments/threadedComment1.xml"]) {
      expect({ path, same: Buffer.compare(Buffer.from(after.parts.get(path) ?? []), Buffer.from(before.parts.get(path)!)) }).toEqual({ path, same: 0 });
    }
    for (const sheet of ["Data Grafik", "Catatan", "Pivot"]) expect({ sheet, refs: after.sheets.get(sheet) }).toEqual({ sheet, refs: before.sheets.get(sheet) });
    expect([...after.sheets.keys()]).toEqual(expect.arrayContaining(["Realisasi Anggaran", "Rincian SIPD"]));
    expect(await readdir(dir)).toEqual(["lkjip.xlsx"]);
  });

  it("refuses a file with a chart sheet before writing, and says what would be lost", async () => {
    const { bytes } = await userXlsx({ chartSheet: true });
    const file = join(dir, "lkjip.xlsx");
    await writeFile(file, bytes);
    for (const argv of [["scaffold", file, "--unit", "Kecamatan Lumajang", "--tahun", "2024"], ["import-sipd", file, LRA]]) {
      const r = await run(...argv);
      expect(r).toEqual({ code: 1, out: "", err: expect.stringMatching(/^Berkas ini memuat lembar grafik "Grafik1", yang akan hilang bila disimpan oleh SAKIP\. Tidak ada yang diubah\./) });
      expect(Buffer.compare(await readFile(file), Buffer.from(bytes))).toBe(0);
      expect(await readdir(dir)).toEqual(["lkjip.xlsx"]);
    }
  });
});
