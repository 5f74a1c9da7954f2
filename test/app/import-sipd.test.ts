import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { DETAIL_SHEET, importLra, previewLra } from "../../src/app/import-sipd";
import { REALISASI_ANGGARAN, TABLE_ROWS } from "../../src/core/layouts";
import { generateLra, parseLra, type LraParseSuccess } from "../../src/core/sipd";
import { ARRAY_LAST_ROW } from "../../src/core/layouts/formulas";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { scaffold } from "../../src/app/scaffold";
import { readFixture } from "../fixtures/load";

const TSV = readFileSync(join(__dirname, "../fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");
const F = TABLE_ROWS.firstData;
const RA = REALISASI_ANGGARAN.sheet;
const col = (k: string) => REALISASI_ANGGARAN.columns.findIndex((c) => c.key === k);

interface Expected {
  program_totals_all_kelompok: { program: string; anggaran_setelah_perubahan: number; realisasi_sd_bulan_ini: number }[];
  kegiatan_derived: { program: string; kegiatan: string; anggaran_setelah_perubahan: number; realisasi_sd_bulan_ini: number }[];
  sub_kegiatan: { kode: string; program: string; sub_kegiatan: string; anggaran_setelah_perubahan: number }[];
}
const expected = readFixture<Expected>("expected-002-kode-rekening.json");

function parsed(text = TSV): LraParseSuccess {
  const r = parseLra(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** The Realisasi Anggaran rows as { kode: row values by column key }. */
function raRows(wb: MemoryWorkbook): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (let r = F; r < F + 400; r++) {
    const kode = wb.cell(RA, r, col("kode"))?.value;
    if (typeof kode !== "string") continue;
    out.set(kode, Object.fromEntries(REALISASI_ANGGARAN.columns.map((c, j) => [c.key, wb.cell(RA, r, j)?.value ?? null])));
  }
  return out;
}

describe("Impor SIPD: the June 2024 LRA of Kecamatan Lumajang (seed 002, lines 557-870)", () => {
  it("previews what was found before anything is written", () => {
    expect(previewLra(parsed())).toMatchObject({
      skpd: "KECAMATAN LUMAJANG",
      tahun: 2024,
      bulan: "Juni 2024",
      twColumn: "s/d TW II (Juni)",
      counts: { program: 6, kegiatan: 13, subKegiatan: 29, rows: 241 },
      total: { anggaranSetelah: 7229814333, realisasiSd: 3844101645 },
    });
  });

  it("prepares the standard sheets in an empty workbook, from the export's header", async () => {
    const wb = new MemoryWorkbook();
    const r = await importLra(wb, parsed());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scaffolded).toBe(true);
    expect(wb.cell("Pengaturan", 4, 1)?.value).toBe("Kecamatan Lumajang");
    expect(wb.cell("Pengaturan", 7, 1)?.value).toBe(2024);
    expect(wb.cell("Pengaturan", 8, 1)?.value).toBe("TW II");
  });

  it("fills program → kegiatan → sub kegiatan with the export's totals in the TW II column", async () => {
    const wb = new MemoryWorkbook();
    await importLra(wb, parsed());
    const rows = raRows(wb);
    expect(rows.size).toBe(6 + 13 + 29);
    for (const p of expected.program_totals_all_kelompok) {
      expect(rows.get(`7.01.${p.program}`)).toMatchObject({ level: "Program", setelah: p.anggaran_setelah_perubahan, tw2: p.realisasi_sd_bulan_ini, sdBulan: p.realisasi_sd_bulan_ini, bulan: "Juni 2024", tw1: null });
    }
    for (const k of expected.kegiatan_derived) {
      expect(rows.get(`7.01.${k.program}.${k.kegiatan}`)).toMatchObject({ level: "Kegiatan", setelah: k.anggaran_setelah_perubahan, tw2: k.realisasi_sd_bulan_ini });
    }
    const subSetelah = new Map<string, number>();
    for (const s of expected.sub_kegiatan) {
      const kode = `7.01.${s.program}.${s.sub_kegiatan}`;
      subSetelah.set(kode, (subSetelah.get(kode) ?? 0) + s.anggaran_setelah_perubahan);
    }
    for (const [kode, setelah] of subSetelah) expect(rows.get(kode)).toMatchObject({ level: "Sub Kegiatan", setelah });
    // the first rows are in hierarchy order, codes are text, computed columns hold their formulas
    expect(wb.cell(RA, F, col("kode"))).toMatchObject({ value: "7.01.01", numberFormat: "@" });
    expect(wb.cell(RA, F + 1, col("kode"))?.value).toBe("7.01.01.2.01");
    // the export has no kegiatan rows; program-01 kegiatan get their nomenclature names (SPEC d11)
    expect(rows.get("7.01.01.2.02")?.uraian).toBe("Administrasi Keuangan Perangkat Daerah");
    expect(rows.get("7.01.02.2.01")?.uraian).toBeNull();
    expect(wb.cell(RA, F + 2, col("kode"))?.value).toBe("7.01.01.2.01.0001");
    expect(wb.cell(RA, F, col("periode"))?.formula).toMatch(/^=IF\(CHOOSE\(SAKIP_TW,/);
  });

  it("keeps every kode rekening row, with its line and findings, in the detail sheet", async () => {
    const wb = new MemoryWorkbook();
    await importLra(wb, parsed());
    expect(wb.cell(DETAIL_SHEET, 3, 0)?.value).toBe(12);
    expect(wb.cell(DETAIL_SHEET, 3, 1)).toMatchObject({ value: "7 01 7 01 00 00 00 5", numberFormat: "@" });
    expect(wb.cell(DETAIL_SHEET, 3 + 240, 0)?.value).toBeGreaterThan(300);
    const findingCells = [...Array(241).keys()].map((i) => wb.cell(DETAIL_SHEET, 3 + i, 16)?.value).filter(Boolean);
    expect(findingCells.some((t) => String(t).includes("R-PEN-02"))).toBe(true);
  });

  it("replaces a re-imported month in place, never duplicating rows", async () => {
    const wb = new MemoryWorkbook();
    await importLra(wb, parsed());
    const before = raRows(wb);
    const again = await importLra(wb, parsed());
    expect(again.ok && [again.updated, again.added]).toEqual([48, 0]);
    expect(raRows(wb)).toEqual(before);
    expect(wb.cell(DETAIL_SHEET, 3 + 241, 0)).toBeUndefined();
  });

  it("builds the year: a March export fills TW I and leaves June's TW II, pagu, 's/d bulan terakhir' and Rincian SIPD", async () => {
    const wb = new MemoryWorkbook();
    await importLra(wb, parsed());
    const june = raRows(wb);
    const detail = wb.cell(DETAIL_SHEET, 0, 0)?.value;
    expect(detail).toMatch(/Juni 2024$/);
    // March's budget was smaller: it is not the current pagu
    const march = parsed(TSV.replace("BAGIAN BULAN JUNI", "BAGIAN BULAN MARET"));
    for (const line of march.programs) line.totals.anggaranSetelah = 1;
    const r = await importLra(wb, march);
    expect(r.ok && r.lines[0]).toBe(
      'Realisasi Anggaran: 6 program, 13 kegiatan, 29 sub kegiatan dari LRA Maret 2024 → hanya kolom "s/d TW I (Maret)": LRA ini lebih lama dari impor terakhir (Juni 2024), yang pagu, "s/d Bulan Terakhir" dan Rincian SIPD-nya tetap dipakai.',
    );
    expect(r.ok && r.lines.some((l) => l.startsWith(DETAIL_SHEET))).toBe(false);
    const p01 = raRows(wb).get("7.01.01")!;
    expect(p01).toMatchObject({ tw1: 3794485645, tw2: 3794485645, bulan: "Juni 2024", setelah: june.get("7.01.01")!.setelah });
    for (const [kode, row] of raRows(wb)) expect([kode, { ...row, tw1: null }]).toEqual([kode, { ...june.get(kode), tw1: null }]);
    expect(wb.cell(DETAIL_SHEET, 0, 0)?.value).toBe(detail);
  });

  it("a month older than the last import that ends no quarter has nothing to fill: refused, nothing written", async () => {
    const wb = new MemoryWorkbook();
    await importLra(wb, parsed());
    const before = raRows(wb);
    const detail = wb.cell(DETAIL_SHEET, 0, 0)?.value;
    const r = await importLra(wb, parsed(TSV.replace("BAGIAN BULAN JUNI", "BAGIAN BULAN MEI")));
    expect(r).toEqual({
      ok: false,
      message:
        "LRA Mei 2024 lebih lama dari impor terakhir (Juni 2024) dan bukan akhir triwulan, jadi tidak ada kolom yang dapat diisinya; tidak ada yang ditulis. " +
        "Untuk mengisi kolom triwulan, impor LRA bulan Maret, Juni, September atau Desember.",
    });
    expect(raRows(wb)).toEqual(before);
    expect(wb.cell(DETAIL_SHEET, 0, 0)?.value).toBe(detail);
  });

  it("a month that ends no quarter fills only 's/d bulan terakhir'", async () => {
    const wb = new MemoryWorkbook();
    const r = await importLra(wb, parsed(TSV.replace("BAGIAN BULAN JUNI", "BAGIAN BULAN MEI")));
    expect(r.ok && r.lines.join("\n")).toMatch(/Mei bukan akhir triwulan/);
    expect(raRows(wb).get("7.01.01")).toMatchObject({ tw1: null, tw2: null, sdBulan: 3794485645, bulan: "Mei 2024" });
  });

  it("keeps a constant the user typed over a formula in a row it fills, and says so", async () => {
    const wb = new MemoryWorkbook();
    expect((await scaffold(wb, { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II" })).ok).toBe(true);
    // the user overwrites two formulas of prepared rows the import will fill (M12 as seen in the field)
    await wb.apply([
      { type: "write", sheet: RA, row: 11, col: col("persen"), cells: [[0.5]] },
      { type: "write", sheet: RA, row: 12, col: col("periode"), cells: [["lihat catatan"]] },
    ]);
    const r = await importLra(wb, parsed());
    expect(r.ok).toBe(true);
    expect(wb.cell(RA, 11, col("persen"))).toMatchObject({ value: 0.5, formula: null });
    expect(wb.cell(RA, 12, col("periode"))).toMatchObject({ value: "lihat catatan", formula: null });
    // the rest of those rows is written: the row's own kode and its other formulas
    expect(wb.cell(RA, 11, col("kode"))?.value).toEqual(expect.any(String));
    expect(wb.cell(RA, 11, col("sisa"))?.formula).toMatch(/^=/);
    expect(wb.cell(RA, 12, col("persen"))?.formula).toMatch(/^=/);
    expect(r.ok && r.lines).toContain(`${RA}: 2 sel di kolom rumus berisi nilai ketikan dan dibiarkan (M12, L13); periksa apakah memang disengaja.`);
  });

  it("never turns an uraian into a formula", async () => {
    const wb = new MemoryWorkbook();
    await importLra(wb, parsed(TSV.replace("Penyusunan Dokumen Perencanaan Perangkat Daerah", '=HYPERLINK("http://x","klik")')));
    const cell = wb.cell(RA, F + 2, col("uraian"));
    expect(cell).toMatchObject({ value: '=HYPERLINK("http://x","klik")', formula: null });
  });
});

describe("Impor SIPD of a large unit", () => {
  it("says when Realisasi Anggaran grows past the rows a sasaran's sums read, and not before", async () => {
    const small = new MemoryWorkbook();
    const fixture = await importLra(small, parsed());
    if (!fixture.ok) throw new Error(fixture.message);
    expect(fixture.warnings).toEqual([]);

    // 45.000 kode rekening rows: some 3.300 program, kegiatan and sub kegiatan rows
    const big = parseLra(generateLra(45_000, 2)) as LraParseSuccess;
    const wb = new MemoryWorkbook();
    const r = await importLra(wb, big);
    if (!r.ok) throw new Error(r.message);
    const rows = big.programs.length + big.kegiatan.length + big.subKegiatan.length;
    expect(rows).toBeGreaterThan(ARRAY_LAST_ROW.realisasi - TABLE_ROWS.firstData);
    const last = TABLE_ROWS.firstData + rows;
    // its own warning, not a line among the results
    expect(r.lines.join("\n")).not.toMatch(/baris sasaran/);
    expect(r.warnings).toEqual([
      `${REALISASI_ANGGARAN.sheet} kini sampai baris ${last}, padahal pagu dan realisasi baris sasaran (baris PK tanpa kode) hanya menjumlahkan sampai baris ${ARRAY_LAST_ROW.realisasi}; program, kegiatan dan sub kegiatan sesudahnya tidak ikut dalam jumlah sasaran. Baris ber-kode tetap benar.`,
    ]);
  });
});

describe("Impor SIPD refuses what the workbook cannot hold", () => {
  it("an uraian longer than a cell may hold cancels the whole import, and nothing is written", async () => {
    const wb = new MemoryWorkbook();
    await importLra(wb, parsed());
    const before = JSON.stringify(wb.snapshotOps());
    const huge = TSV.replace("Penyusunan Dokumen Perencanaan Perangkat Daerah", "x".repeat(40000));
    const r = await importLra(wb, parsed(huge.replace("BAGIAN BULAN JUNI", "BAGIAN BULAN SEPTEMBER")));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Impor dibatalkan, tidak ada yang ditulis: Teks sel melebihi 32767 karakter/) });
    expect(JSON.stringify(wb.snapshotOps()) === before).toBe(true);
  });
});

describe("Impor SIPD with mutated pastes", () => {
  const lines = TSV.split("\n");
  it("never throws unexpectedly and never leaves a partial import", async () => {
    const base = new MemoryWorkbook();
    await importLra(base, parsed()); // a workbook that already holds June
    const template = base.snapshotOps();
    let refused = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom("delete", "duplicate", "garble", "huge"), fc.string({ maxLength: 12 })), { maxLength: 8 }),
        async (mutations) => {
          const copy = [...lines];
          for (const [i, kind, s] of mutations) {
            if (kind === "delete") copy.splice(i, 1);
            else if (kind === "duplicate") copy.splice(i, 0, copy[i] ?? "");
            else if (kind === "garble") copy[i] = (copy[i] ?? "").replace(/\d/, s);
            else copy[i] = (copy[i] ?? "").replace("\t", "\t" + "x".repeat(33000)); // longer than a cell may hold
          }
          const r = parseLra(copy.join("\n"));
          if (!r.ok) return;
          const wb = new MemoryWorkbook();
          await wb.apply(template);
          const before = JSON.stringify(wb.snapshotOps());
          const result = await importLra(wb, r);
          if (!result.ok) {
            refused++;
            expect({ message: result.message, unchanged: JSON.stringify(wb.snapshotOps()) === before }).toEqual({ message: result.message, unchanged: true });
            return;
          }
          imported++;
          const rows = raRows(wb);
          for (const s of r.subKegiatan) expect(rows.get(s.notation)?.setelah).toBe(s.totals.anggaranSetelah);
          for (const p of r.programs) expect(rows.get(p.notation)?.setelah).toBe(p.totals.anggaranSetelah);
        },
      ),
      { numRuns: 60 },
    );
    expect(imported).toBeGreaterThan(0);
    expect(refused + imported).toBeGreaterThan(30);
  });
});
