import ExcelJS from "exceljs";
import { exportXlsx, exportXlsxFile, xlsxFileName } from "../../src/app/export-xlsx";
import { scaffold } from "../../src/app/scaffold";
import { CAPAIAN, STANDARD_LAYOUTS, TABLE_ROWS } from "../../src/core/layouts";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import type { RangeRef } from "../../src/workbook/port";

// Camat Kecamatan Lumajang, TW II 2024 (test/fixtures/*-camat.json)
const LUMAJANG = { unitKerja: "Kecamatan Lumajang", pemda: "Pemerintah Kabupaten Lumajang", kodeOrganisasi: "7.01.0.00.0.00.01.0000", tahun: 2024, periode: "TW II" };

async function scaffolded(): Promise<MemoryWorkbook> {
  const memory = new MemoryWorkbook();
  const r = await scaffold(memory, LUMAJANG);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  // what a user typed in the session: a kode rekening, which must stay text
  await memory.apply([{ type: "write", sheet: "Realisasi Anggaran", row: TABLE_ROWS.firstData, col: 0, cells: [["5.1.02.01.01.0024"]] }]);
  return memory;
}

/**
 * Every sheet's cells through the port, over the memory workbook's extent: the memory adapter counts
 * formatted empty cells as used and the xlsx one does not, so each adapter's own extent differs.
 */
async function everything(port: MemoryWorkbook | XlsxWorkbook, extent: MemoryWorkbook) {
  const infos = await extent.sheets();
  const ranges: RangeRef[] = infos.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) }));
  return { names: (await port.sheets()).map((s) => s.name), blocks: await port.read(ranges) };
}

describe("exportXlsx: the no-Excel session's workbook as an .xlsx", () => {
  let memory: MemoryWorkbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    memory = await scaffolded();
    bytes = await exportXlsx(memory);
  });

  it("writes a zip (an .xlsx package)", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x50, 0x4b]); // "PK"
  });

  it("keeps every sheet in order, every formula, value and number format", async () => {
    const back = await XlsxWorkbook.fromBuffer(bytes);
    const want = await everything(memory, memory);
    const got = await everything(back, memory);
    expect(got.names).toEqual(STANDARD_LAYOUTS.map((l) => l.sheet));
    expect(got.blocks).toEqual(want.blocks);
  });

  it("keeps the defined names the formulas use", async () => {
    const back = await XlsxWorkbook.fromBuffer(bytes);
    const byName = (list: { name: string; formula: string }[]) => Object.fromEntries(list.map((n) => [n.name, n.formula]));
    expect(byName(await back.names())).toEqual(byName(await memory.names()));
    expect(byName(await back.names()).SAKIP_TAHUN).toBe("=Pengaturan!$B$8");
  });

  it("reads in plain ExcelJS too: Capaian header, a formula, text codes, merges and freeze", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(STANDARD_LAYOUTS.map((l) => l.sheet));
    const ws = wb.getWorksheet("Capaian")!;
    expect(ws.getCell("A1").value).toBe("Capaian Kinerja");
    const capaianCol = CAPAIAN.columns.findIndex((c) => c.key === "capaian") + 1;
    const cell = ws.getCell(TABLE_ROWS.firstData + 1, capaianCol);
    expect(typeof cell.formula).toBe("string");
    expect(cell.numFmt).toBe("0.00%");
    expect(ws.getCell(TABLE_ROWS.firstData + 1, 1).value).toBe("IK-001");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: TABLE_ROWS.firstData });
    expect(ws.model.merges).toContain("A4:A5");
    const kode = wb.getWorksheet("Realisasi Anggaran")!.getCell(TABLE_ROWS.firstData + 1, 1);
    expect(kode.value).toBe("5.1.02.01.01.0024");
    expect(kode.numFmt).toBe("@");
  });

  it("refuses an empty workbook with an Indonesian message (an .xlsx needs a sheet)", async () => {
    await expect(exportXlsx(new MemoryWorkbook())).rejects.toThrow(/paling sedikit satu lembar/);
  });
});

describe("the download's file name", () => {
  it("is taken from the workbook's Pengaturan sheet", async () => {
    const file = await exportXlsxFile(await scaffolded());
    expect(file.name).toBe("SAKIP-Kecamatan_Lumajang-2024-TW_II.xlsx");
    expect(file.bytes.length).toBeGreaterThan(1000);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "Tahunan" }, "SAKIP-Kecamatan_Lumajang-2024-Tahunan.xlsx"],
    [{ unitKerja: 'Dinas "PU/PR": Bina*Marga?', tahun: 2025, periode: "TW IV" }, "SAKIP-Dinas_PUPR_BinaMarga-2025-TW_IV.xlsx"],
    [{ unitKerja: "..\\..\\rahasia.", tahun: "2024" }, "SAKIP-rahasia-2024.xlsx"],
    [{ unitKerja: "  Kel.  Ditotrunan \t", periode: "TW I" }, "SAKIP-Kel._Ditotrunan-TW_I.xlsx"],
    [{}, "SAKIP.xlsx"],
    [{ unitKerja: ["bukan teks"], tahun: null }, "SAKIP.xlsx"],
  ])("%j → %s", (settings, name) => {
    expect(xlsxFileName(settings)).toBe(name);
  });
});
