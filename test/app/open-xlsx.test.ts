/**
 * "Buka .xlsx" of the no-Excel mode on real files: a scaffolded, filled workbook saved by LibreOffice,
 * and a user's workbook with a chart, a picture, comments, a table and a pivot table. Opened, every
 * computed column shows numbers; a realisasi corrected changes capaian and predikat; "Unduh .xlsx"
 * gives the file back under its own name with the edit and with every part it had. What cannot be
 * opened is refused with the file's name and the reason, and the session stays as it was.
 */
import JSZip from "jszip";
import { editCell } from "../../src/app/edit-cell";
import { exportXlsxFile } from "../../src/app/export-xlsx";
import { checkSize, contentsOf, MAX_OPEN_BYTES, openXlsx } from "../../src/app/open-xlsx";
import { OPEN_MESSAGE_CODES, openMessage } from "../../src/app/open-messages.id";
import { scaffold } from "../../src/app/scaffold";
import { SessionWorkbook } from "../../src/app/session-workbook";
import { importLra } from "../../src/app/import-sipd";
import { CAPAIAN, colIndex, COST_PER_OUTCOME, REALISASI_ANGGARAN } from "../../src/core/layouts";
import { workbookGrid, type SheetGridModel } from "../../src/taskpane/sheet-view";
import type { RangeRef } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { convert, recalculate } from "../support/libreoffice";
import { COMMENT_TEXT, userXlsx, type UserXlsx } from "../support/user-xlsx";
import { dxf, readPackage, type PackageView } from "../support/xlsx-package";
import { correctWorkbook2024, F, LRA_002, rows2024 } from "../support/workbooks";

jest.setTimeout(180_000);

const STANDARD = ["Pengaturan", "Referensi", "Perjanjian Kinerja", "Capaian", "Cost per Outcome", "Realisasi Anggaran"];

function opened(r: Awaited<ReturnType<typeof openXlsx>>): SessionWorkbook {
  if (!r.ok) throw new Error(r.message);
  return r.workbook;
}

const gridOf = (sheets: SheetGridModel[], name: string) => sheets.find((s) => s.name === name)!;

/** Every sheet's cells (values, formulas, formats) and every cell's style, through the .xlsx adapter. */
async function everything(wb: XlsxWorkbook) {
  const infos = await wb.sheets();
  const ranges: RangeRef[] = infos.map((s) => ({ sheet: s.name, row: 0, col: 0, rows: Math.max(1, s.usedRows), cols: Math.max(1, s.usedCols) }));
  const blocks = await wb.read(ranges);
  const styles = ranges.map((r) => Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => wb.cellStyle({ sheet: r.sheet, row: i, col: j }))));
  return { sheets: infos, blocks, styles, names: await wb.names(), layouts: infos.map((s) => wb.layout(s.name)) };
}

describe("a filled workbook saved by LibreOffice, opened in the browser session", () => {
  let libreoffice: Uint8Array;
  let session: SessionWorkbook;
  const row = F; // the first indicator of 2024
  const realisasiCol = colIndex(CAPAIAN, "realisasi");
  const capaianCol = colIndex(CAPAIAN, "capaian");
  const predikatCol = colIndex(CAPAIAN, "predikat");
  const tw2Col = colIndex(CAPAIAN, "tw2");

  beforeAll(async () => {
    const made = await correctWorkbook2024(XlsxWorkbook.create());
    libreoffice = await convert(await made.toBuffer(), "xlsx");
    session = opened(await openXlsx("LKjIP Lumajang 2024.xlsx", libreoffice));
  });

  it("has the file's sheets and no unsaved change yet", async () => {
    expect((await session.sheets()).map((s) => s.name)).toEqual([...STANDARD, "Rincian SIPD"]);
    expect(session.unsaved).toBe(false);
    expect(session.origin?.name).toBe("LKjIP Lumajang 2024.xlsx");
  });

  it("shows a number in every computed number column of every filled row: Capaian, Cost per Outcome, Realisasi Anggaran", async () => {
    const grid = await workbookGrid(session);
    const rows = rows2024().length;
    const notNumbers: string[] = [];
    for (const layout of [CAPAIAN, COST_PER_OUTCOME, REALISASI_ANGGARAN]) {
      const sheet = gridOf(grid, layout.sheet);
      const computed = layout.columns.flatMap((c, i) => (c.role === "computed" && c.format !== "text" ? [i] : []));
      expect(computed.length).toBeGreaterThanOrEqual(3);
      // Realisasi Anggaran: every row the LRA import wrote (a kode in column B)
      const filled = layout === REALISASI_ANGGARAN ? sheet.rows.slice(F).filter((r) => r[colIndex(REALISASI_ANGGARAN, "kode")]?.text).length : rows;
      expect(filled).toBeGreaterThanOrEqual(rows);
      for (let r = F; r < F + filled; r++) for (const c of computed) if (sheet.rows[r]![c]?.kind !== "number") notNumbers.push(`${layout.sheet}!${String.fromCharCode(65 + c)}${r + 1}: ${sheet.rows[r]![c]?.kind}`);
    }
    expect(notNumbers).toEqual([]);
    expect(gridOf(grid, CAPAIAN.sheet).rows[row]![predikatCol]!.kind).toBe("text");
  });

  it("a realisasi corrected in the grid changes capaian and predikat; the download carries the edit and LibreOffice reopens it", async () => {
    const before = gridOf(await workbookGrid(session), "Capaian").rows[row]!;
    const edited = await editCell(session, { sheet: CAPAIAN.sheet, row, col: tw2Col }, "1");
    expect(edited.ok).toBe(true);
    expect(session.unsaved).toBe(true);
    const after = gridOf(await workbookGrid(session), "Capaian").rows[row]!;
    expect(after[realisasiCol]!.text).not.toBe(before[realisasiCol]!.text);
    expect(after[capaianCol]!.text).not.toBe(before[capaianCol]!.text);
    expect(after[predikatCol]!.text).not.toBe(before[predikatCol]!.text);

    const file = await exportXlsxFile(session);
    expect(file.name).toBe("LKjIP Lumajang 2024.xlsx");
    file.markSaved();
    expect(session.unsaved).toBe(false);

    const back = await recalculate(file.bytes);
    expect(Object.keys(back.sheets)).toEqual([...STANDARD, "Rincian SIPD"]);
    const capaian = back.sheets[CAPAIAN.sheet]!;
    expect(capaian[row]![tw2Col]).toBe(1);
    // LibreOffice computes what the grid showed
    expect(after[capaianCol]!.kind).toBe("number");
    expect(capaian[row]![predikatCol]).toBe(after[predikatCol]!.text);
  });
});

describe("a user's workbook with a chart, a picture, comments, a table and a pivot table", () => {
  let user: UserXlsx;
  let filled: Uint8Array;
  beforeAll(async () => {
    user = await userXlsx();
    const wb = await XlsxWorkbook.fromBuffer(user.bytes);
    expect((await scaffold(wb, { unitKerja: "Kecamatan Lumajang", tahun: 2024, periode: "TW II" })).ok).toBe(true);
    expect((await importLra(wb, LRA_002())).ok).toBe(true);
    filled = await wb.toBuffer();
  });

  it("opened and downloaded unchanged: the same sheets, values, formulas, styles, layout and names, and every part", async () => {
    const session = opened(await openXlsx("kasubbag.xlsx", filled));
    const file = await exportXlsxFile(session);
    const [a, b] = [await everything(await XlsxWorkbook.fromBuffer(filled)), await everything(await XlsxWorkbook.fromBuffer(file.bytes))];
    expect(b.sheets).toEqual(a.sheets);
    expect(b.blocks).toEqual(a.blocks);
    expect(b.styles).toEqual(a.styles);
    expect(b.names).toEqual(a.names);
    expect(b.layouts).toEqual(a.layouts);
    const [before, after] = [await readPackage(filled), await readPackage(file.bytes)];
    for (const path of user.added) {
      if (path === "xl/tables/table1.xml") continue; // its header's style id moves with ExcelJS's styles, below
      expect({ path, bytes: Buffer.from(after.parts.get(path) ?? []).toString("base64") }).toEqual({ path, bytes: Buffer.from(before.parts.get(path)!).toString("base64") });
    }
    expect(after.dangling).toEqual([]);
    const headerDxf = (view: PackageView) => dxf(view, Number(view.xml("xl/tables/table1.xml").getAttribute("headerRowDxfId")));
    expect(headerDxf(after)).toBe(headerDxf(before));
  });

  it("after edits in the session the download still has the chart, the comment and the pivot table, and LibreOffice sees them", async () => {
    const session = opened(await openXlsx("kasubbag.xlsx", filled));
    expect((await editCell(session, { sheet: CAPAIAN.sheet, row: F, col: colIndex(CAPAIAN, "tw2") }, "82,9")).ok).toBe(true);
    const file = await exportXlsxFile(session);
    const back = await XlsxWorkbook.fromBuffer(file.bytes);
    const [block] = await back.read([{ sheet: CAPAIAN.sheet, row: F, col: colIndex(CAPAIAN, "tw2"), rows: 1, cols: 1 }]);
    expect(block?.[0]?.[0]?.value).toBe(82.9);
    expect((await back.sheets()).map((s) => s.name)).toEqual((await (await XlsxWorkbook.fromBuffer(filled)).sheets()).map((s) => s.name));
    const lo = await readPackage(await convert(file.bytes, "xlsx"));
    const paths = [...lo.parts.keys()];
    const chart = paths.find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chart).toBeDefined();
    expect(lo.text(chart!)).toContain("Data Grafik&apos;!$B$2:$B$5");
    expect(paths.filter((p) => /^xl\/comments\d*\.xml$/.test(p)).map((p) => lo.text(p)).join()).toContain(COMMENT_TEXT);
    expect(paths.some((p) => p.startsWith("xl/pivotTables/"))).toBe(true);
    expect(paths.some((p) => p.startsWith("xl/media/"))).toBe(true);
  });
});

describe("what is not opened, with the file's name and the reason", () => {
  const refused = async (name: string, bytes: Uint8Array) => {
    const r = await openXlsx(name, bytes);
    if (r.ok) throw new Error(`${name} was opened`);
    return r.message;
  };
  /** The start of a compound (OLE2) file, with a stream name in its directory as UTF-16LE. */
  const ole2 = (stream: string) => {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Array.from(stream).flatMap((ch) => [ch.charCodeAt(0), 0]), 1024);
    return bytes;
  };

  it("every reason names the file", () => {
    expect(OPEN_MESSAGE_CODES.filter((code) => !openMessage(code, { name: "berkas-uji.xlsx" }).includes("berkas-uji.xlsx"))).toEqual([]);
  });

  it("a text file, a PDF", async () => {
    expect(await refused("lra.xlsx", new TextEncoder().encode("Kode\tUraian\n7.01\tBelanja"))).toBe(
      "lra.xlsx bukan buku kerja .xlsx. Buka berkasnya di Excel, LibreOffice atau WPS, lalu simpan sebagai Buku Kerja Excel (.xlsx) dan buka lagi di sini.",
    );
    expect(await refused("laporan.pdf", new TextEncoder().encode("%PDF-1.7\n"))).toMatch(/^laporan\.pdf bukan buku kerja \.xlsx\./);
  });

  it("an .ods, a .docx, a zip of something else", async () => {
    const zip = async (files: Record<string, string>) => {
      const z = new JSZip();
      for (const [path, text] of Object.entries(files)) z.file(path, text);
      return z.generateAsync({ type: "uint8array" });
    };
    expect(await refused("lkj.ods", await zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" }))).toMatch(
      /^lkj\.ods bukan buku kerja \.xlsx \(lembar kerja OpenDocument \.ods\)\./,
    );
    expect(await refused("lkj.xlsx", await zip({ "[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>", "word/document.xml": "<w/>" }))).toMatch(/\(dokumen Word\)/);
    expect(await refused("foto.xlsx", await zip({ "foto.jpg": "x" }))).toMatch(/^foto\.xlsx bukan buku kerja \.xlsx \(arsip zip\)/);
  });

  it("an old .xls, and an .xlsx encrypted with a password (an OLE2 file holding EncryptedPackage)", async () => {
    expect(await refused("lama.xls", ole2("Workbook"))).toMatch(/^lama\.xls adalah buku kerja Excel 97–2003 \(\.xls\), bukan \.xlsx\./);
    expect(await refused("rahasia.xlsx", ole2("EncryptedPackage"))).toMatch(/^rahasia\.xlsx dilindungi kata sandi \(terenkripsi\)/);
  });

  it("a damaged .xlsx (cut short)", async () => {
    const bytes = await (await correctWorkbook2024(XlsxWorkbook.create())).toBuffer();
    expect(await refused("putus.xlsx", bytes.slice(0, Math.floor(bytes.length / 2)))).toMatch(/^putus\.xlsx tidak dapat dibaca sebagai \.xlsx \(.+\)\. Berkasnya rusak atau terpotong/);
  });

  it("too large or empty, by its size alone", async () => {
    expect(checkSize("besar.xlsx", MAX_OPEN_BYTES + 1)).toBe("besar.xlsx berukuran 50,0 MB, lebih dari 50,0 MB yang dapat dibuka di peramban. Buka di Excel dengan add-in, atau pakai baris perintah sakip.");
    expect(checkSize("biasa.xlsx", 2_000_000)).toBeNull();
    expect(await refused("kosong.xlsx", new Uint8Array(0))).toBe("kosong.xlsx kosong (0 byte); pilih berkas .xlsx yang berisi buku kerja.");
  });

  it("a workbook with a chart sheet: a download would lose it, so it is not opened", async () => {
    expect(await refused("grafik.xlsx", (await userXlsx({ chartSheet: true })).bytes)).toMatch(
      /^grafik\.xlsx tidak dibuka: berkas ini memuat lembar grafik "Grafik1", yang akan hilang bila diunduh lagi dari sini\. Buku kerja sesi tidak berubah\./,
    );
  });
});

describe("the session workbook", () => {
  it("records the batches applied after opening, not the copy of the file, and knows what is not yet downloaded", async () => {
    const file = await XlsxWorkbook.fromBuffer(await (await correctWorkbook2024(XlsxWorkbook.create())).toBuffer());
    const contents = await contentsOf(file);
    const session = await SessionWorkbook.opened({ name: "a.xlsx", bytes: new Uint8Array() }, contents);
    expect(session.journal).toEqual([]);
    expect(session.unsaved).toBe(false);
    const batch = [{ type: "write", sheet: CAPAIAN.sheet, row: F, col: colIndex(CAPAIAN, "tw2"), cells: [[5]] }] as const;
    await session.apply(batch);
    // a batch that fails is no change
    await expect(session.apply([{ type: "write", sheet: "Tidak Ada", row: 0, col: 0, cells: [[1]] }])).rejects.toThrow();
    expect(session.journal).toEqual([batch]);
    expect(session.unsaved).toBe(true);
    const revision = session.revision;
    await session.apply(batch);
    session.saved(revision);
    expect(session.unsaved).toBe(true);
    session.saved(session.revision);
    expect(session.unsaved).toBe(false);
  });

  it("a session that started blank has no file to replay on: it downloads from the memory workbook, named from Pengaturan", async () => {
    const session = await correctWorkbook2024(new SessionWorkbook());
    expect(session.unsaved).toBe(true);
    expect(session.journal).toEqual([]);
    const file = await exportXlsxFile(session);
    expect(file.name).toBe("SAKIP-Kecamatan_Lumajang-2024-TW_II.xlsx");
    file.markSaved();
    expect(session.unsaved).toBe(false);
  });
});
