import { parseLra, type LraFinding, type LraParseSuccess } from "../../src/core/sipd";
import { lraView, readLra, readSelection } from "../../src/taskpane/impor-lra";
import {
  bytesLabel,
  describeImportFailure,
  describeReadFailure,
  MAX_FINDINGS_SHOWN,
  textSize,
  type ReadProgress,
} from "../../src/taskpane/impor";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { OfficeWorkbook, OfficeWorkbookError } from "../../src/workbook/office/office-workbook";
import { WorkbookRuleError, type RangeRef, type WorkbookPort } from "../../src/workbook/port";
import { generateLra } from "../../src/core/sipd";
import { pasteOps } from "../support/excel-paste";
import { FAKE_PAYLOAD_LIMIT, FakeExcel } from "../support/fake-excel";
import { LRA_CSV, LRA_TSV, SUMMARY_LRA } from "../support/lra-texts";

function ok(text: string): LraParseSuccess {
  const r = parseLra(text);
  if (!r.ok) throw new Error(r.message);
  return r;
}

/** The fixture pasted at A1 of sheet "LRA Juni" (314 rows × 9 columns), as Excel holds a paste. */
async function pastedWorkbook(tsv = LRA_TSV): Promise<MemoryWorkbook> {
  const wb = MemoryWorkbook.fromSheets({ Pengaturan: [["Unit kerja", "Kecamatan Lumajang"]] });
  await wb.apply(pasteOps("LRA Juni", tsv));
  return wb;
}

/** Records the ranges a port is asked to read. */
function counting(port: WorkbookPort): { port: WorkbookPort; reads: RangeRef[] } {
  const reads: RangeRef[] = [];
  const spy: WorkbookPort = {
    sheets: () => port.sheets(),
    names: () => port.names(),
    apply: (ops, o) => port.apply(ops, o),
    select: (at) => port.select(at),
    selectedRange: () => port.selectedRange(),
    read: (ranges) => {
      reads.push(...ranges);
      return port.read(ranges);
    },
  };
  return { port: spy, reads };
}

const sameRows = (a: LraParseSuccess, b: LraParseSuccess) => {
  expect(a.rows.map((r) => [r.line, r.kode, r.stated])).toEqual(b.rows.map((r) => [r.line, r.kode, r.stated]));
  expect(a.findings.map((f) => [f.at.line, f.code])).toEqual(b.findings.map((f) => [f.at.line, f.code]));
};

describe("reading the LRA from the selected cells", () => {
  it("reads the selected block and gives the text the parser reads as it reads the paste", async () => {
    const wb = await pastedWorkbook();
    wb.setSelection({ sheet: "LRA Juni", row: 0, col: 0, rows: 314, cols: 9 });
    const progress: ReadProgress[] = [];
    const r = await readSelection(wb, "memory", (p) => progress.push(p));
    if (!r.ok) throw new Error(r.message);
    expect(r.source).toEqual({ sheet: "LRA Juni", range: { sheet: "LRA Juni", row: 0, col: 0, rows: 314, cols: 9 }, address: "'LRA Juni'!A1:I314", wholeSheet: false });
    sameRows(ok(r.text), ok(LRA_TSV));
    expect(progress.map((p) => p.phase)).toEqual(["memilih", "membaca", "membaca", "mengurai"]);
    expect(progress.at(-2)!.fraction).toBe(1);
  });

  it("clips whole columns to the used range, and reads a single selected cell as its whole sheet", async () => {
    const wb = await pastedWorkbook();
    const { port, reads } = counting(wb);
    wb.setSelection({ sheet: "LRA Juni", row: 0, col: 0, rows: 1_048_576, cols: 26 });
    const whole = await readSelection(port, "memory");
    expect(whole.ok && whole.source.address).toBe("'LRA Juni'!A1:I314");
    expect(reads).toEqual([{ sheet: "LRA Juni", row: 0, col: 0, rows: 314, cols: 9, formulas: false }]);

    await wb.select({ sheet: "LRA Juni", row: 40, col: 3 });
    const one = await readSelection(port, "memory");
    expect(one.ok && one.source).toMatchObject({ wholeSheet: true, address: "'LRA Juni'!A1:I314" });
    if (one.ok) sameRows(ok(one.text), ok(LRA_TSV));
  });

  it("numbers the findings by sheet row when the selection starts lower down", async () => {
    const wb = await pastedWorkbook();
    // the LRA without its first 11 lines (header), selected from row 12
    wb.setSelection({ sheet: "LRA Juni", row: 11, col: 0, rows: 303, cols: 9 });
    const r = await readSelection(wb, "memory");
    if (!r.ok) throw new Error(r.message);
    const parsed = readLra(r.text, r.source);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // line 38 of the text is row 49 of the sheet: the 1.592,4 % of 002:606
    const info = parsed.view.findings.find((g) => g.severity === "info")!;
    expect(info.items.map((f) => f.where)).toContain("Baris 49 di lembar LRA Juni");
    expect(parsed.view.blocker).toMatch(/tidak memuat tahun anggaran dan bagian bulan/);
  });

  it("reads the selection in one read of the port, whatever its size (the port cuts it by bytes)", async () => {
    const tsv = generateLra(5000, 7);
    const wb = await pastedWorkbook(tsv);
    const rows = (await wb.sheets()).find((s) => s.name === "LRA Juni")!.usedRows;
    wb.setSelection({ sheet: "LRA Juni", row: 0, col: 0, rows, cols: 9 });
    const { port, reads } = counting(wb);
    const progress: number[] = [];
    const r = await readSelection(port, "memory", (p) => p.phase === "membaca" && progress.push(p.fraction));
    expect(reads).toEqual([{ sheet: "LRA Juni", row: 0, col: 0, rows, cols: 9, formulas: false }]);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    if (!r.ok) throw new Error(r.message);
    sameRows(ok(r.text), ok(tsv));
  });

  it("says so when nothing is selected, in the words of each host", async () => {
    const r = await readSelection(new MemoryWorkbook(), "memory");
    expect(r).toEqual({ ok: false, reason: "none", message: expect.stringContaining("Tempel LRA di kotak di atas") });
    const fake = new FakeExcel();
    fake.state.selection = null;
    const o = await readSelection(new OfficeWorkbook({ run: fake.excelRun }), "office");
    expect(o).toEqual({ ok: false, reason: "none", message: expect.stringContaining("Tidak ada rentang sel terpilih di Excel") });
  });

  it("refuses an empty selection and an empty sheet, reading nothing", async () => {
    const wb = await pastedWorkbook();
    const { port, reads } = counting(wb);
    wb.setSelection({ sheet: "LRA Juni", row: 400, col: 0, rows: 10, cols: 9 });
    expect(await readSelection(port, "memory")).toEqual({ ok: false, reason: "empty", message: "Rentang terpilih 'LRA Juni'!A401:I410 kosong. Pilih sel berisi LRA yang ditempel." });
    await wb.apply([{ type: "addSheet", sheet: "Kosong" }]);
    await wb.select({ sheet: "Kosong", row: 0, col: 0 });
    expect(await readSelection(port, "memory")).toMatchObject({ ok: false, reason: "empty", message: expect.stringMatching(/^Lembar Kosong kosong/) });
    expect(reads).toEqual([]);
  });

  it("refuses a block of more than 2 million cells before reading it", async () => {
    const wb = MemoryWorkbook.fromSheets({ Besar: [["x"]] });
    await wb.apply([{ type: "write", sheet: "Besar", row: 999_999, col: 2, cells: [["y"]] }]);
    const { port, reads } = counting(wb);
    wb.setSelection({ sheet: "Besar", row: 0, col: 0, rows: 1_048_576, cols: 3 });
    const r = await readSelection(port, "memory");
    expect(r).toMatchObject({ ok: false, reason: "too-large", message: expect.stringMatching(/^Rentang Besar!A1:C1000000 berisi 3\.000\.000 sel, lebih dari 2\.000\.000\./) });
    expect(reads).toEqual([]);
  });

  it("reads a paste in live Excel (fake): numbers as numbers, selection, used range and cells in 4 syncs", async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbook({ run: fake.excelRun });
    await port.apply(pasteOps("LRA Juni", LRA_TSV));
    expect(fake.state.cell("LRA Juni", 11, 2)).toMatchObject({ value: 7229814333, numberFormat: "#,##0.00" });
    expect(fake.state.cell("LRA Juni", 11, 0)).toMatchObject({ value: "7 01 7 01 00 00 00 5" });
    fake.state.selection = { sheet: "LRA Juni", row: 0, col: 0, rows: 314, cols: 9 };
    const before = fake.syncs.length;
    const r = await readSelection(port, "office");
    // selectedRange 1, sheets 2, one block 1
    expect(fake.syncs.length - before).toBe(4);
    if (!r.ok) throw new Error(r.message);
    sameRows(ok(r.text), ok(LRA_TSV));
  });

  it("reads a large paste in live Excel (fake) in few round trips, each response under Excel on the web's limit", async () => {
    // 30,000 kode rows: 36,000 lines × 9 cells. Read in blocks of 20,000 cells, one Excel.run each, it took 20 syncs
    const tsv = generateLra(30_000, 3);
    const fake = new FakeExcel();
    const port = new OfficeWorkbook({ run: fake.excelRun });
    await port.apply(pasteOps("LRA Juni", tsv));
    const rows = (await port.sheets()).find((s) => s.name === "LRA Juni")!.usedRows;
    fake.state.selection = { sheet: "LRA Juni", row: 0, col: 0, rows, cols: 9 };
    const before = fake.syncs.length;
    const progress: number[] = [];
    const r = await readSelection(port, "office", (p) => p.phase === "membaca" && progress.push(p.fraction));
    const syncs = fake.syncs.slice(before);
    expect(syncs.length).toBeLessThanOrEqual(11);
    expect(syncs.every((s) => s.responseBytes < FAKE_PAYLOAD_LIMIT)).toBe(true);
    // the bar moves with the round trips, never back
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    if (!r.ok) throw new Error(r.message);
    sameRows(ok(r.text), ok(tsv));
  });

  it("lets a host failure through (the panel shows it)", async () => {
    const fake = new FakeExcel();
    fake.failSync({ at: 1, afterCommands: 0, code: "GeneralException", message: "Excel sedang sibuk." });
    const error = await readSelection(new OfficeWorkbook({ run: fake.excelRun }), "office").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeWorkbookError);
    expect(describeReadFailure(error)).toEqual({
      title: "Sel terpilih tidak dapat dibaca",
      message: "Excel gagal membaca sel terpilih: GeneralException: Excel sedang sibuk.",
      state: "Buku kerja tidak diubah.",
      code: "GeneralException",
    });
  });
});

describe("the preview", () => {
  const june = ok(LRA_TSV);

  it("says who, when and which column, in Indonesian number format", () => {
    const v = lraView(june);
    expect(v.facts).toEqual([
      { label: "SKPD", value: "KECAMATAN LUMAJANG" },
      { label: "Organisasi", value: "7.01.0.00.0.00.01.0000" },
      { label: "Tahun anggaran", value: "2024" },
      { label: "Bulan", value: "Juni 2024" },
    ]);
    expect(v.twColumn).toBe("s/d TW II (Juni)");
    expect(v.columnNote).toBe('Kolom "s/d TW II (Juni)" dan "s/d Bulan Terakhir" pada lembar Realisasi Anggaran.');
    expect(v.counts.map((c) => `${c.value} ${c.label}`)).toEqual(["6 program", "13 kegiatan", "29 sub kegiatan", "202 baris akun"]);
    expect(v.dataRows).toBe(241);
    expect(v.totals).toEqual([
      { label: "Anggaran setelah perubahan", value: "7.229.814.333" },
      { label: "Realisasi s/d bulan ini", value: "3.844.101.645" },
      { label: "Persentase realisasi", value: "53,17%" },
    ]);
    expect(v.blocker).toBeNull();
  });

  it("groups the findings by severity, errors first, with their lines", () => {
    const v = lraView(june);
    const count = (s: LraFinding["severity"]) => june.findings.filter((f) => f.severity === s).length;
    expect(v.findings.map((g) => [g.severity, g.title, g.count])).toEqual(
      (
        [
          ["error", "Galat", count("error")],
          ["warning", "Peringatan", count("warning")],
          ["info", "Info", count("info")],
        ] as const
      ).filter(([, , n]) => n > 0),
    );
    const warning = v.findings.find((g) => g.severity === "warning")!;
    expect(warning.items[0]).toEqual({ where: "Baris 33", rule: "R-KODE-01", message: expect.stringContaining("7 01 7 01 00 01 2.02.0001 5 1 01 01 01 02"), kode: "7 01 7 01 00 01 2.02.0001 5 1 01 01 01 02" });
  });

  it("lists at most 200 findings a severity and counts the rest", () => {
    const many: LraFinding[] = Array.from({ length: 250 }, (_, i) => ({ rule: "R-NUM-02", code: "sipd-sen", severity: "info", at: { kind: "line", line: i + 12 }, params: { column: "anggaranSebelum", raw: `${i},50` } }));
    const g = lraView({ ...june, findings: many }).findings;
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ count: 250, hidden: 50 });
    expect(g[0]!.items).toHaveLength(MAX_FINDINGS_SHOWN);
  });

  it("notes a month that ends no quarter", () => {
    const v = lraView(ok(LRA_TSV.replace("BAGIAN BULAN JUNI", "BAGIAN BULAN MEI")));
    expect(v.twColumn).toBeNull();
    expect(v.columnNote).toBe('Mei 2024 bukan akhir triwulan: hanya kolom "s/d Bulan Terakhir" yang diisi, kolom triwulan tidak.');
  });

  it("blocks the import when the header has no month or year", () => {
    const v = lraView(ok(LRA_TSV.replace("BAGIAN BULAN JUNI**", "")));
    expect(v.facts.find((f) => f.label === "Bulan")!.value).toBe("tidak ditemukan di kepala LRA");
    expect(v.blocker).toMatch(/^Kepala LRA tidak memuat bagian bulan, jadi kolom triwulan tidak dapat ditentukan/);
  });

  it("passes the parser's refusal on, word for word", () => {
    for (const text of [LRA_CSV, SUMMARY_LRA]) {
      const r = readLra(text);
      const direct = parseLra(text);
      expect(r).toEqual({ ok: false, message: !direct.ok && direct.message });
    }
  });
});

describe("texts of the panel", () => {
  it.each([
    ["empty", "", "Kosong."],
    ["one line", "a", "1 baris, 1 karakter"],
    ["a final line break", "a\nb\n", "2 baris, 4 karakter"],
    ["the fixture", LRA_TSV, `314 baris, ${bytesLabel(LRA_TSV.length)}`],
  ])("textSize: %s", (_label, text, size) => expect(textSize(text)).toBe(size));

  it.each([
    [1000, "1000 karakter"],
    [38_400, "37,5 KB"],
    [12_900_000, "12,3 MB"],
  ])("bytesLabel(%d)", (n, label) => expect(bytesLabel(n)).toBe(label));
});

describe("explaining a failed import", () => {
  const office = (restored: boolean | undefined) =>
    new OfficeWorkbookError("Excel gagal menerapkan perubahan (GeneralException: x); buku kerja dikembalikan seperti semula.", {
      cause: Object.assign(new Error("x"), { code: "GeneralException" }),
      ...(restored === undefined ? {} : { restored }),
    });

  it("while reading the workbook: nothing written", () => {
    expect(describeImportFailure(new Error("Excel gagal membaca daftar lembar: x"), "membaca")).toEqual({
      title: "Buku kerja tidak dapat dibaca",
      message: "Excel gagal membaca daftar lembar: x",
      state: "Belum ada yang ditulis ke buku kerja.",
    });
  });

  it("while preparing the standard sheets, restored: as before the import", () => {
    expect(describeImportFailure(office(true), "membaca")).toMatchObject({ title: "Impor gagal", state: "Buku kerja sudah dikembalikan seperti sebelum impor.", code: "GeneralException" });
  });

  it("while writing, restored: nothing is written, the standard sheets prepared in the same batch included", () => {
    expect(describeImportFailure(office(true), "menulis").state).toBe("Tidak ada yang tertulis: buku kerja dikembalikan seperti sebelum impor.");
  });

  it("while writing, not restored: check the workbook, importing again duplicates nothing", () => {
    expect(describeImportFailure(office(false), "menulis").state).toMatch(/^Sebagian perubahan mungkin sudah tertulis\..*tidak ada yang tergandakan\.$/);
  });

  it("a rule Excel enforces: nothing written", () => {
    expect(describeImportFailure(new WorkbookRuleError("Teks sel melebihi 32767 karakter.", undefined), "menulis").state).toBe("Belum ada yang ditulis ke buku kerja.");
  });
});
