/**
 * Impor SIPD writes nothing it should refuse: a truncated export never, galat and an export of another
 * SKPD or year only when the user confirms, and then the confirmation is in the workbook's journal,
 * written in the same batch. The workbook is either as it was, or holds the whole import.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DETAIL_SHEET, importLra } from "../../src/app/import-sipd";
import { JOURNAL_SHEET } from "../../src/app/journal";
import { scaffold } from "../../src/app/scaffold";
import { message } from "../../src/core/messages.id";
import { REALISASI_ANGGARAN } from "../../src/core/layouts";
import { parseLra, refusalKey, type LraParseSuccess } from "../../src/core/sipd";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { WorkbookPort } from "../../src/workbook/port";

const TSV = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");
const LINES = TSV.split("\n");
const AT = new Date(2024, 6, 10, 8, 30, 0);

function parsed(text = TSV): LraParseSuccess {
  const r = parseLra(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** Every sheet with every cell, through the port: what a user would see. */
async function state(port: WorkbookPort): Promise<unknown> {
  const sheets = await port.sheets();
  const blocks = await port.read(sheets.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) })));
  return { sheets, blocks, names: await port.names() };
}

async function workbookFor(settings: Record<string, unknown>): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const r = await scaffold(wb, { periode: "TW II", ...settings });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return wb;
}

async function journalRows(wb: MemoryWorkbook): Promise<unknown[][]> {
  const info = (await wb.sheets()).find((s) => s.name === JOURNAL_SHEET);
  if (!info) return [];
  const [rows] = await wb.read([{ sheet: JOURNAL_SHEET, row: 3, col: 0, rows: info.usedRows - 3, cols: 4 }]);
  return (rows ?? []).map((r) => r.map((c) => c.value));
}

// line 24 of the fixture: a sub rincian objek whose S/D no longer equals lalu + ini
const WITH_GALAT = TSV.replace(/^(7 01 7 01 00 01 2\.01\.0002 5 1 02 01 01 0026\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t[^\t]*\t)[^\t]*/m, "$11.000,00");

describe("a truncated export is refused outright, whatever is confirmed", () => {
  it.each<[string, string]>([
    ["cut in the middle of a line (a row with 6 fields, no footer)", LINES.slice(0, 119).join("\n") + "\n" + (LINES[119] ?? "").split("\t").slice(0, 6).join("\t")],
    ["cut at a line break before the footer", LINES.slice(0, 200).join("\n")],
    ["cut after Jumlah Belanja", LINES.slice(0, 313).join("\n")],
  ])("%s", async (_label, text) => {
    const lra = parsed(text);
    for (const wb of [new MemoryWorkbook(), await workbookFor({ unitKerja: "Kecamatan Lumajang", tahun: 2024 })]) {
      const before = await state(wb);
      const r = await importLra(wb, lra, undefined, { confirmed: "all", now: () => AT });
      expect(r).toMatchObject({ ok: false, confirm: false, refusals: [{ code: "import-truncated", confirmable: false }] });
      expect(await state(wb)).toEqual(before);
    }
  });

  it("says where the text ends and what is missing", async () => {
    const lra = parsed(LINES.slice(0, 119).join("\n") + "\n" + (LINES[119] ?? "").split("\t").slice(0, 6).join("\t"));
    const r = await importLra(new MemoryWorkbook(), lra);
    expect(!r.ok && r.refusals?.map((x) => message(x.code, x.params))).toEqual([
      'LRA ini terpotong: teks berakhir di baris 120, pada baris berkode yang hanya berisi 6 kolom, tanpa baris penutup "Jumlah Belanja" dan "Surplus / Defisit". ' +
        "Salin ulang seluruh laporan sampai baris Surplus / Defisit.",
    ]);
  });
});

describe("galat wait for the user's confirmation", () => {
  it("refuses without it and writes nothing, naming the lines", async () => {
    const lra = parsed(WITH_GALAT);
    expect(lra.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    const wb = new MemoryWorkbook();
    const r = await importLra(wb, lra);
    expect(r).toMatchObject({ ok: false, confirm: true, refusals: [{ code: "import-galat", confirmable: true }] });
    expect(!r.ok && message(r.refusals![0]!.code, r.refusals![0]!.params)).toMatch(/^LRA ini memuat \d+ galat \(baris 23, 24\)/);
    expect(await wb.sheets()).toEqual([]);
  });

  it("imports with it, and the journal in the same workbook says what was confirmed", async () => {
    const lra = parsed(WITH_GALAT);
    const wb = new MemoryWorkbook();
    const asked = await importLra(wb, lra);
    const keys = asked.ok ? [] : (asked.refusals ?? []).map(refusalKey);
    const r = await importLra(wb, lra, undefined, { confirmed: keys, source: "teks tempelan", now: () => AT });
    expect(r.ok).toBe(true);
    expect(r.ok && r.lines).toContain(`Dikonfirmasi: 1 hal, dicatat di lembar ${JOURNAL_SHEET}.`);
    expect(wb.cell(REALISASI_ANGGARAN.sheet, 6, 1)?.value).toBe("7.01.01");
    expect(wb.cell(DETAIL_SHEET, 3, 1)?.value).toBe("7 01 7 01 00 00 00 5");
    const [entry, ...more] = await journalRows(wb);
    expect(more).toEqual([]);
    expect(entry?.slice(0, 3)).toEqual(["2024-07-10 08:30:00", "Impor SIPD (dipaksa)", "LRA Juni 2024 — KECAMATAN LUMAJANG (organisasi 7.01.0.00.0.00.01.0000); 241 baris kode rekening; dari teks tempelan"]);
    const confirmed = String(entry?.[3]).split("\n");
    expect(confirmed[0]).toMatch(/^LRA ini memuat \d+ galat/);
    expect(confirmed).toContain("baris 24 [galat] R-SUM-01: Realisasi s/d bulan ini 1.000,00 tidak sama dengan bulan lalu + bulan ini = 0,00.");
  });

  it("a confirmation given for other refusals is no confirmation", async () => {
    const wb = await workbookFor({ unitKerja: "Kecamatan Senduro", tahun: 2024 });
    const galatOnly = await importLra(new MemoryWorkbook(), parsed(WITH_GALAT));
    const keys = galatOnly.ok ? [] : (galatOnly.refusals ?? []).map(refusalKey);
    const before = await state(wb);
    const r = await importLra(wb, parsed(WITH_GALAT), undefined, { confirmed: keys });
    expect(r).toMatchObject({ ok: false, confirm: true });
    expect(!r.ok && r.refusals?.map((x) => x.code)).toEqual(["import-galat", "import-other-skpd"]);
    expect(await state(wb)).toEqual(before);
  });
});

describe("an export of another SKPD or year than the workbook's Pengaturan waits for confirmation", () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ["another SKPD by organisasi code", { unitKerja: "Kecamatan Lumajang", kodeOrganisasi: "7.01.0.00.0.00.02.0000", tahun: 2024 }, ["import-other-skpd"]],
    ["another SKPD by name (no code in Pengaturan)", { unitKerja: "Kecamatan Senduro", tahun: 2024 }, ["import-other-skpd"]],
    ["another year", { unitKerja: "Kecamatan Lumajang", tahun: 2023 }, ["import-other-tahun"]],
    ["both", { unitKerja: "Kecamatan Senduro", tahun: 2023 }, ["import-other-skpd", "import-other-tahun"]],
  ])("%s", async (_label, settings, codes) => {
    const wb = await workbookFor(settings);
    const before = await state(wb);
    const r = await importLra(wb, parsed());
    expect(r).toMatchObject({ ok: false, confirm: true });
    expect(!r.ok && r.refusals?.map((x) => x.code)).toEqual(codes);
    expect(await state(wb)).toEqual(before);

    const forced = await importLra(wb, parsed(), undefined, { confirmed: "all", now: () => AT });
    expect(forced.ok).toBe(true);
    const [entry] = await journalRows(wb);
    expect(String(entry?.[3]).split("\n")).toHaveLength(codes.length);
  });

  it("names both SKPD", async () => {
    const r = await importLra(await workbookFor({ unitKerja: "Kecamatan Senduro", kodeOrganisasi: "7.01.0.00.0.00.02.0000", tahun: 2023 }), parsed());
    expect(!r.ok && r.refusals?.map((x) => message(x.code, x.params))).toEqual([
      "LRA ini milik KECAMATAN LUMAJANG (organisasi 7.01.0.00.0.00.01.0000), sedangkan Pengaturan buku kerja ini untuk Kecamatan Senduro " +
        "(organisasi 7.01.0.00.0.00.02.0000): kode dua perangkat daerah akan bercampur di lembar Realisasi Anggaran.",
      "LRA ini untuk tahun anggaran 2024, sedangkan Pengaturan buku kerja ini untuk tahun 2023.",
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ["the same name in another case, no code", { unitKerja: "kecamatan  lumajang", tahun: 2024 }],
    ["the same code under another name", { unitKerja: "Kec. Lumajang", kodeOrganisasi: "7.01.0.00.0.00.01.0000", tahun: 2024 }],
  ])("is the same SKPD: %s", async (_label, settings) => {
    const wb = await workbookFor(settings);
    const r = await importLra(wb, parsed());
    expect(r.ok).toBe(true);
    expect((await wb.sheets()).map((s) => s.name)).not.toContain(JOURNAL_SHEET);
  });
});

describe("never a partial import", () => {
  it("an empty workbook stays empty when the import cannot be written (the standard sheets are prepared in the same batch)", async () => {
    const wb = new MemoryWorkbook();
    const r = await importLra(wb, parsed(TSV.replace("Penyusunan Dokumen Perencanaan Perangkat Daerah", "x".repeat(40000))));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Impor dibatalkan, tidak ada yang ditulis: Teks sel melebihi 32767 karakter/) });
    expect(await wb.sheets()).toEqual([]);
  });
});
