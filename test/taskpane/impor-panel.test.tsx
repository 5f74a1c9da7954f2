/** @jest-environment jsdom */
import type { ReactElement } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { ImporSipdPanel, type ImporSipdPanelProps } from "../../src/taskpane/components/ImporSipdPanel";
import { createPanels, lazyChunk } from "../../src/taskpane/panels";
import { imporProps } from "../../src/taskpane/impor-panel";
import { NO_HOST } from "../../src/taskpane/host";
import { memoryAccess, officeAccess } from "../../src/taskpane/workbook-access";
import { readLra } from "../../src/taskpane/impor-lra";
import type { ImportProgress, ImportResult } from "../../src/app/import-sipd";
import { ReadCancelled } from "../../src/taskpane/impor";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { scaffold } from "../../src/app/scaffold";
import { OfficeWorkbook, OfficeWorkbookError } from "../../src/workbook/office/office-workbook";
import { FakeExcel } from "../support/fake-excel";
import { pasteOps } from "../support/excel-paste";
import { LRA_CSV, LRA_TSV, SUMMARY_LRA } from "../support/lra-texts";

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

/** The whole pane in the no-Excel mode, with the "Impor SIPD" tab opened (its chunk loaded). */
async function openPanel(memory = new MemoryWorkbook()) {
  renderInFluent(<App host={NO_HOST} panels={createPanels({ host: NO_HOST, workbook: memoryAccess(memory) })} />);
  fireEvent.click(screen.getByRole("tab", { name: "Impor SIPD" }));
  await screen.findByLabelText("Tempel LRA SIPD di sini", undefined, { timeout: 20_000 });
  return memory;
}

const box = () => screen.getByLabelText("Tempel LRA SIPD di sini") as HTMLTextAreaElement;
const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

/** Pastes into the box the way a browser does: the value changes, then an input event. */
function paste(text: string) {
  fireEvent.input(box(), { target: { value: text } });
}

/** Pastes and presses Baca; resolves when the reading is over (the parse waits for a painted frame). */
async function read(text: string) {
  paste(text);
  await act(async () => {
    fireEvent.click(button("Baca"));
  });
  await waitFor(() => expect(screen.queryByText(/^Membaca .*…$/)).toBeNull());
}

async function clickImport() {
  await act(async () => {
    fireEvent.click(button("Impor"));
  });
}

const preview = () => screen.getByRole("region", { name: "Pratinjau LRA" });

describe("Impor SIPD: reading a paste", () => {
  it("previews the June 2024 LRA: SKPD, month, TW column, counts, totals and findings", async () => {
    await openPanel();
    await read(LRA_TSV);
    const p = await screen.findByRole("region", { name: "Pratinjau LRA" });
    expect(within(p).getByText("KECAMATAN LUMAJANG")).toBeTruthy();
    expect(within(p).getByText("7.01.0.00.0.00.01.0000")).toBeTruthy();
    expect(within(p).getByText("Juni 2024")).toBeTruthy();
    expect(within(p).getByText("s/d TW II (Juni)")).toBeTruthy();
    expect(within(p).getByText(/^Dari teks tempelan \(314 baris, 37,0 KB\): 241 baris data\.$/)).toBeTruthy();
    const counts = within(p).getByRole("list", { name: "Jumlah per tingkat" });
    expect(within(counts).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["6 program", "13 kegiatan", "29 sub kegiatan", "202 baris akun"]);
    expect(within(p).getByText("7.229.814.333")).toBeTruthy();
    expect(within(p).getByText("3.844.101.645")).toBeTruthy();
    expect(within(p).getByText("53,17%")).toBeTruthy();

    // findings by severity: no errors in this export, so warnings come first, all collapsed
    const headers = within(p).getAllByRole("button", { name: /^(Galat|Peringatan|Info) \(\d+\)$/ });
    expect(headers.map((h) => h.textContent)).toEqual([expect.stringMatching(/^Peringatan \(\d+\)$/), expect.stringMatching(/^Info \(\d+\)$/)]);
    expect(within(p).queryByRole("list", { name: "Peringatan" })).toBeNull();
    fireEvent.click(headers[0]!);
    const warnings = await within(p).findByRole("list", { name: "Peringatan" });
    expect(within(warnings).getAllByRole("listitem")[0]!.textContent).toMatch(/^Baris 33 · R-KODE-01 — Kode rekening 7 01 7 01 00 01 2\.02\.0001 5 1 01 01 01 02 tidak sesuai struktur/);
    fireEvent.click(headers[1]!);
    const info = await within(p).findByRole("list", { name: "Info" });
    expect(info.textContent).toContain('Persentase "1.592,4" ditulis dengan 1 desimal');

    expect(button("Impor").disabled).toBe(false);
  });

  it("opens the errors first when there are any", async () => {
    await openPanel();
    // a % that does not follow from the amounts (54,04 → 55,04 on the program row)
    await read(LRA_TSV.replace("3.785.035.645,00\t54,04", "3.785.035.645,00\t55,04"));
    const p = await screen.findByRole("region", { name: "Pratinjau LRA" });
    const headers = within(p).getAllByRole("button", { name: /^(Galat|Peringatan|Info) \(\d+\)$/ });
    expect(headers[0]!.textContent).toBe("Galat (1)");
    const errors = within(p).getByRole("list", { name: "Galat" });
    expect(errors.textContent).toMatch(/^Baris 14 · R-PEN-01 — Persentase 55,04 tidak sama/);
    expect(within(p).getByText(/LRA ini memuat galat: sebelum menulis, impor meminta konfirmasi Anda/)).toBeTruthy();
  });

  it.each([
    ["a CSV export", LRA_CSV, /berformat CSV dengan pemisah ";"/],
    ["the summary LRA", SUMMARY_LRA, /LRA ringkasan/],
    ["an empty box", "", /Teks yang ditempel kosong\./],
  ])("refuses %s with the parser's message and offers no import", async (_label, text, message) => {
    await openPanel();
    await read(text);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Bukan LRA SIPD per kode rekening");
    expect(alert.textContent).toMatch(message);
    expect(alert.textContent).toContain("Yang diharapkan: tabel Laporan Realisasi Anggaran SIPD per kode rekening, 9 kolom dipisah TAB");
    expect(screen.queryByRole("button", { name: "Impor" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Pratinjau LRA" })).toBeNull();
  });

  it("blocks the import of an LRA whose header lost its month, and says why", async () => {
    await openPanel();
    await read(LRA_TSV.replace("BAGIAN BULAN JUNI**", ""));
    expect(await screen.findByText("Belum dapat diimpor")).toBeTruthy();
    expect(within(preview()).getAllByText("tidak ditemukan di kepala LRA")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Impor" })).toBeNull();
  });

  it("blocks the import of a truncated LRA, and says where it ends", async () => {
    await openPanel();
    await read(LRA_TSV.split("\n").slice(0, 200).join("\n"));
    expect(await screen.findByText("Belum dapat diimpor")).toBeTruthy();
    const why = within(preview()).getByText(/^LRA ini terpotong: teks berakhir di baris 200, tanpa baris penutup "Jumlah Belanja" dan "Surplus \/ Defisit"\./);
    expect(screen.queryByRole("button", { name: "Impor" })).toBeNull();
    // the reason comes first, before the totals and the findings a cut text gives
    const totals = within(preview()).getByLabelText("Total SKPD");
    expect(why.compareDocumentPosition(totals) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(why.compareDocumentPosition(within(preview()).getByLabelText("Temuan")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says when the box changed after reading, and clears with Kosongkan", async () => {
    await openPanel();
    await read(LRA_TSV);
    await screen.findByRole("region", { name: "Pratinjau LRA" });
    paste(`${LRA_TSV}x`);
    expect(screen.getByText(/Teks di kotak sudah berubah sejak dibaca; yang diimpor adalah pratinjau ini\./)).toBeTruthy();
    fireEvent.click(button("Kosongkan"));
    expect(box().value).toBe("");
    expect(screen.queryByRole("region", { name: "Pratinjau LRA" })).toBeNull();
    expect(document.activeElement).toBe(box());
  });

  it("shows that it is reading a big text before the parse starts", async () => {
    let release: () => void = () => undefined;
    const parse = jest.fn((text: string) => new Promise<ReturnType<typeof readLra>>((resolve) => (release = () => resolve(readLra(text)))));
    renderInFluent(<ImporSipdPanel active parse={parse} readSelection={never} importLra={never} showRoundTrips={false} />);
    paste(LRA_TSV.repeat(30));
    await act(async () => {
      fireEvent.click(button("Baca"));
    });
    expect(screen.getByText("Membaca 1,1 MB…")).toBeTruthy();
    for (const name of ["Baca", "Baca dari sel terpilih", "Kosongkan"]) expect(button(name).disabled).toBe(true);
    expect(box().disabled).toBe(true);
    // the parse starts only after the spinner had a frame to show
    await waitFor(() => expect(parse).toHaveBeenCalledTimes(1));
    await act(async () => release());
    expect(screen.queryByText("Membaca 1,1 MB…")).toBeNull();
    expect(button("Baca").disabled).toBe(false);
  });

  it("shows the parse's progress and stops it on Batal, keeping the text in the box", async () => {
    let report: (fraction: number) => void = () => undefined;
    const parse = jest.fn<ReturnType<ImporSipdPanelProps["parse"]>, Parameters<ImporSipdPanelProps["parse"]>>(
      (_text, _source, options) =>
        new Promise((_resolve, reject) => {
          report = (f) => options?.onProgress?.(f);
          options?.signal?.addEventListener("abort", () => reject(new ReadCancelled()));
        }),
    );
    renderInFluent(<ImporSipdPanel active parse={parse} readSelection={never} importLra={never} showRoundTrips={false} />);
    paste(LRA_TSV);
    await act(async () => {
      fireEvent.click(button("Baca"));
    });
    await waitFor(() => expect(parse).toHaveBeenCalledTimes(1));
    act(() => report(0.45));
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.45");
    expect(screen.getByText("Membaca isi LRA")).toBeTruthy();
    // a step smaller than a tenth is not worth a repaint
    act(() => report(0.5));
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.45");
    await act(async () => {
      fireEvent.click(button("Batal"));
    });
    expect(screen.getByText("Pembacaan dibatalkan")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Batal" })).toBeNull();
    expect(button("Baca").disabled).toBe(false);
    expect(box().value).toBe(LRA_TSV);
  });

  it("reports a parser chunk that did not arrive, and loads it on the next try", async () => {
    const load = jest.fn<Promise<typeof import("../../src/taskpane/impor-lra")>, []>()
      .mockRejectedValueOnce(new Error("Loading chunk impor-sipd failed."))
      .mockImplementation(() => import("../../src/taskpane/impor-lra"));
    renderInFluent(<ImporSipdPanel active {...imporProps(memoryAccess(), undefined, lazyChunk(load))} />);
    await read(LRA_TSV);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Teks tidak dapat dibaca");
    expect(alert.textContent).toContain("Loading chunk impor-sipd failed.");
    await act(async () => {
      fireEvent.click(button("Baca"));
    });
    expect(await screen.findByRole("region", { name: "Pratinjau LRA" })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("Impor SIPD: importing", () => {
  it("imports into the session workbook, lists the result and shows the new sheets in the grid", async () => {
    const memory = await openPanel();
    await read(LRA_TSV);
    await screen.findByRole("region", { name: "Pratinjau LRA" });
    await clickImport();
    const lines = await screen.findByRole("list", { name: "Hasil impor" });
    expect(within(lines).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Lembar standar disiapkan lebih dulu (buku kerja belum memilikinya).",
      'Realisasi Anggaran: 6 program, 13 kegiatan, 29 sub kegiatan dari LRA Juni 2024 → kolom "s/d TW II (Juni)".',
      "Realisasi Anggaran: 0 baris diperbarui, 48 baris baru.",
      "Rincian SIPD: 241 baris kode rekening (untuk penelusuran).",
      expect.stringMatching(/^Temuan pada LRA: 0 galat, \d+ peringatan, \d+ info\.$/),
    ]);
    expect(screen.queryByText(/sinkronisasi/)).toBeNull();
    expect(memory.cell("Realisasi Anggaran", 6, 1)?.value).toBe("7.01.01");

    // the grid of this panel opens on the sheet it filled
    const tabs = await screen.findByRole("tablist", { name: "Lembar kerja" });
    await waitFor(() => expect(within(tabs).getAllByRole("tab")).toHaveLength(7));
    expect(within(tabs).getByRole("tab", { name: "Rincian SIPD" })).toBeTruthy();
    expect(within(tabs).getByRole("tab", { name: "Realisasi Anggaran" }).getAttribute("aria-selected")).toBe("true");
    expect(within(screen.getByRole("table", { name: "Lembar Realisasi Anggaran" })).getByText("7.01.01.2.01.0001")).toBeTruthy();

    // the Siapkan Lembar grid shows the same workbook (findBy: a failing getBy over this DOM takes minutes to explain itself)
    fireEvent.click(screen.getByRole("tab", { name: "Siapkan Lembar" }));
    // role queries walk the whole DOM (both panels' grids), so they get more than the default second
    const siapkan = await screen.findByRole("tablist", { name: "Lembar kerja" }, { timeout: 15_000 });
    await waitFor(() => expect(within(siapkan).getAllByRole("tab")).toHaveLength(7), { timeout: 15_000 });
    expect(within(siapkan).getByRole("tab", { name: "Pengaturan" }).getAttribute("aria-selected")).toBe("true");
    // the whole pane with two grids of the session workbook: about 25 s in jsdom on a loaded machine
  }, 90_000);

  /** The panel on a session workbook, without its grid (the grid is tested above and costs seconds in jsdom). */
  function openBarePanel(memory = new MemoryWorkbook()) {
    const { preview: _grid, ...props } = imporProps(memoryAccess(memory));
    renderInFluent(<ImporSipdPanel active {...props} />);
    return memory;
  }

  it("asks before importing an LRA with galat: Batal writes nothing, Impor tetap writes it and records the confirmation", async () => {
    const memory = openBarePanel();
    await read(LRA_TSV.replace("3.785.035.645,00\t54,04", "3.785.035.645,00\t55,04"));
    await screen.findByRole("region", { name: "Pratinjau LRA" });
    await clickImport();
    const ask = await screen.findByRole("region", { name: "Perlu konfirmasi" });
    expect(within(ask).getByRole("list").textContent).toMatch(/^LRA ini memuat 1 galat \(baris 14\)/);
    expect(ask.textContent).toContain("Konfirmasi Anda dicatat di lembar Riwayat SAKIP.");
    expect(await memory.sheets()).toEqual([]);
    await act(async () => {
      fireEvent.click(within(ask).getByRole("button", { name: "Batal" }));
    });
    expect(screen.queryByRole("region", { name: "Perlu konfirmasi" })).toBeNull();
    expect(await memory.sheets()).toEqual([]);

    await clickImport();
    await act(async () => {
      fireEvent.click(within(await screen.findByRole("region", { name: "Perlu konfirmasi" })).getByRole("button", { name: "Impor tetap" }));
    });
    const lines = await screen.findByRole("list", { name: "Hasil impor" });
    expect(lines.textContent).toContain("Dikonfirmasi: 1 hal, dicatat di lembar Riwayat SAKIP.");
    expect(memory.cell("Riwayat SAKIP", 3, 1)?.value).toBe("Impor SIPD (dipaksa)");
    expect(memory.cell("Riwayat SAKIP", 3, 2)?.value).toMatch(/; dari teks tempelan$/);
    expect(memory.cell("Realisasi Anggaran", 6, 1)?.value).toBe("7.01.01");
  });

  it("asks before importing the LRA of another SKPD than the workbook's", async () => {
    const memory = new MemoryWorkbook();
    await scaffold(memory, { unitKerja: "Kecamatan Senduro", tahun: 2024, periode: "TW II" });
    openBarePanel(memory);
    await read(LRA_TSV);
    await screen.findByRole("region", { name: "Pratinjau LRA" });
    await clickImport();
    const ask = await screen.findByRole("region", { name: "Perlu konfirmasi" });
    expect(within(ask).getByRole("list").textContent).toBe(
      "LRA ini milik KECAMATAN LUMAJANG (organisasi 7.01.0.00.0.00.01.0000), sedangkan Pengaturan buku kerja ini untuk Kecamatan Senduro: kode dua perangkat daerah akan bercampur di lembar Realisasi Anggaran.",
    );
    // the scaffold prepared the row's format; no value was written
    expect(memory.cell("Realisasi Anggaran", 6, 1)?.value ?? null).toBeNull();
  });

  it("shows the phase while it runs with every button disabled, and the round trips in Excel", async () => {
    let finish: (r: ImportResult) => void = () => undefined;
    let report: (p: ImportProgress) => void = () => undefined;
    const importLra = jest.fn(
      (_lra: unknown, onProgress: (p: ImportProgress) => void) =>
        new Promise<ImportResult>((resolve) => {
          finish = resolve;
          report = onProgress;
        }),
    );
    renderInFluent(<ImporSipdPanel active parse={async (t, s) => readLra(t, s)} readSelection={never} importLra={importLra} showRoundTrips />);
    await read(LRA_TSV);
    await clickImport();
    act(() => report({ phase: "menulis", fraction: 0.65 }));
    expect(screen.getByText("Menulis ke lembar kerja…")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.65");
    for (const name of ["Baca", "Baca dari sel terpilih", "Kosongkan", "Impor"]) expect(button(name).disabled).toBe(true);
    await act(async () => {
      finish({ ok: true, lines: ["Realisasi Anggaran: 0 baris diperbarui, 48 baris baru."], warnings: [], updated: 0, added: 48, detailRows: 241, report: { syncs: 5, largestBatchBytes: 1 }, scaffolded: false });
    });
    expect(screen.getByText("Realisasi Anggaran: 0 baris diperbarui, 48 baris baru.")).toBeTruthy();
    expect(screen.getByText("Ditulis ke Excel dalam 5 kali sinkronisasi.")).toBeTruthy();
    expect(screen.queryByText("Perhatian")).toBeNull();
    expect(button("Impor").disabled).toBe(false);
  });

  it("shows a warning of a successful import in a bar of its own, apart from the result lines", async () => {
    const warning = "Realisasi Anggaran kini sampai baris 3411, padahal pagu dan realisasi baris sasaran (baris PK tanpa kode) hanya menjumlahkan sampai baris 3000.";
    const importLra = async (): Promise<ImportResult> => ({ ok: true, lines: ["Realisasi Anggaran: 0 baris diperbarui, 3405 baris baru."], warnings: [warning], updated: 0, added: 3405, detailRows: 45000, report: { syncs: 5, largestBatchBytes: 1 }, scaffolded: false });
    renderInFluent(<ImporSipdPanel active parse={async (t, s) => readLra(t, s)} readSelection={never} importLra={importLra} showRoundTrips={false} />);
    await read(LRA_TSV);
    await clickImport();
    const results = await screen.findByRole("list", { name: "Hasil impor" });
    expect(results.textContent).not.toContain("baris sasaran");
    const warned = screen.getByRole("list", { name: "Perhatian setelah impor" });
    expect(warned.textContent).toBe(warning);
    expect(screen.getByText("Perhatian")).toBeTruthy();
  });

  it("shows the use-case's refusal as a cancelled import", async () => {
    const importLra = async (): Promise<ImportResult> => ({ ok: false, message: "Impor dibatalkan, tidak ada yang ditulis: Teks sel melebihi 32767 karakter." });
    renderInFluent(<ImporSipdPanel active parse={async (t, s) => readLra(t, s)} readSelection={never} importLra={importLra} showRoundTrips={false} />);
    await read(LRA_TSV);
    await clickImport();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe("Impor dibatalkanImpor dibatalkan, tidak ada yang ditulis: Teks sel melebihi 32767 karakter.");
  });

  it.each<[string, boolean, RegExp]>([
    ["restored", true, /Tidak ada yang tertulis: buku kerja dikembalikan seperti sebelum impor\./],
    ["not restored", false, /Sebagian perubahan mungkin sudah tertulis\. Periksa buku kerja, lalu impor lagi/],
  ])("an Excel failure while writing (%s) shows Excel's message, its code and what it means", async (_label, restored, state) => {
    const importLra = async (_lra: unknown, onProgress: (p: ImportProgress) => void): Promise<ImportResult> => {
      onProgress({ phase: "menulis", fraction: 0.4 });
      throw new OfficeWorkbookError("Excel gagal menerapkan perubahan (GeneralException: An internal error has occurred.).", {
        cause: Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" }),
        restored,
      });
    };
    renderInFluent(<ImporSipdPanel active parse={async (t, s) => readLra(t, s)} readSelection={never} importLra={importLra} showRoundTrips />);
    await read(LRA_TSV);
    await clickImport();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Impor gagal");
    expect(alert.textContent).toContain("Excel gagal menerapkan perubahan (GeneralException: An internal error has occurred.).");
    expect(alert.textContent).toContain("(kode Excel: GeneralException)");
    expect(alert.textContent).toMatch(state);
    expect(screen.queryByText("Impor selesai")).toBeNull();
    expect(button("Impor").disabled).toBe(false);
  });
});

describe("Impor SIPD: reading the selected cells", () => {
  it("without Excel and without a selection, says to paste into the box", async () => {
    await openPanel();
    await act(async () => {
      fireEvent.click(button("Baca dari sel terpilih"));
    });
    const status = await screen.findByText("Belum ada sel terpilih");
    expect(status.parentElement?.textContent).toContain("Tempel LRA di kotak di atas, lalu tekan Baca.");
  });

  it("reads an LRA pasted into cells of the session workbook and imports it", async () => {
    const memory = new MemoryWorkbook();
    await memory.apply(pasteOps("LRA Juni", LRA_TSV));
    memory.setSelection({ sheet: "LRA Juni", row: 0, col: 0, rows: 314, cols: 9 });
    await openPanel(memory);
    await act(async () => {
      fireEvent.click(button("Baca dari sel terpilih"));
    });
    // 314 rows read block by block, turned into text and parsed: seconds on a loaded CI machine
    const p = await screen.findByRole("region", { name: "Pratinjau LRA" }, { timeout: 20_000 });
    expect(within(p).getByText("Dari sel terpilih 'LRA Juni'!A1:I314: 241 baris data.")).toBeTruthy();
    expect(within(p).getByText("KECAMATAN LUMAJANG")).toBeTruthy();
    fireEvent.click(within(p).getByRole("button", { name: /^Info/ }));
    expect(within(p).getByRole("list", { name: "Info" }).textContent).toContain("Baris 49 di lembar LRA Juni");
    await clickImport();
    expect(await screen.findByText("Impor selesai")).toBeTruthy();
    expect(memory.cell("Rincian SIPD", 3, 1)?.value).toBe("7 01 7 01 00 00 00 5");
  });

  it("in Excel (fake): reads the selection, imports it, and tells the round trips", async () => {
    const fake = new FakeExcel();
    const port = new OfficeWorkbook({ run: fake.excelRun });
    await port.apply(pasteOps("LRA Juni", LRA_TSV));
    fake.state.selection = { sheet: "LRA Juni", row: 5, col: 2, rows: 1, cols: 1 };
    renderInFluent(<ImporSipdPanel active {...imporProps(officeAccess(async () => port))} />);
    await act(async () => {
      fireEvent.click(button("Baca dari sel terpilih"));
    });
    const p = await screen.findByRole("region", { name: "Pratinjau LRA" });
    // one cell selected: the whole sheet is read
    expect(within(p).getByText("Dari seluruh isi lembar LRA Juni ('LRA Juni'!A1:I314): 241 baris data.")).toBeTruthy();
    await clickImport();
    expect(await screen.findByText(/^Ditulis ke Excel dalam \d+ kali sinkronisasi\.$/)).toBeTruthy();
    expect(fake.state.cell("Realisasi Anggaran", 6, 1)).toMatchObject({ value: "7.01.01", numberFormat: "@" });
  });

  it("shows Excel's failure while reading, with its code, and that nothing changed", async () => {
    const fake = new FakeExcel();
    fake.failSync({ at: 1, afterCommands: 0, code: "GeneralException", message: "Excel sedang sibuk." });
    renderInFluent(<ImporSipdPanel active {...imporProps(officeAccess(async () => new OfficeWorkbook({ run: fake.excelRun })))} />);
    await act(async () => {
      fireEvent.click(button("Baca dari sel terpilih"));
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Sel terpilih tidak dapat dibacaExcel gagal membaca sel terpilih: GeneralException: Excel sedang sibuk. (kode Excel: GeneralException)Buku kerja tidak diubah.",
    );
    expect(button("Baca dari sel terpilih").disabled).toBe(false);
  });

  it("shows the reading progress of a large selection", async () => {
    let report: Parameters<ImporSipdPanelProps["readSelection"]>[0] = () => undefined;
    const readSelection = jest.fn((onProgress: typeof report) => {
      report = onProgress;
      return new Promise<never>(() => undefined);
    });
    renderInFluent(<ImporSipdPanel active parse={never} readSelection={readSelection} importLra={never} showRoundTrips />);
    await act(async () => {
      fireEvent.click(button("Baca dari sel terpilih"));
    });
    expect(screen.getByText("Mencari sel terpilih…")).toBeTruthy();
    act(() => report({ phase: "membaca", fraction: 0.5 }));
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.5");
    expect(screen.getByText("Membaca sel…")).toBeTruthy();
  });
});

function never(): Promise<never> {
  return Promise.reject(new Error("not called in this test"));
}
