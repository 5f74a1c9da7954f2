/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// node's exports: the .xlsx export's ExcelJS needs uuid's CommonJS build, not the browser's ES module
import type { ReactElement } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import JSZip from "jszip";
import { TextEncoder } from "node:util";
import ExcelJS from "exceljs";
import { App } from "../../src/taskpane/App";
import { LaporanPanel } from "../../src/taskpane/components/LaporanPanel";
import { laporanProps } from "../../src/taskpane/laporan-panel";
import { createPanels } from "../../src/taskpane/panels";
import { NO_HOST } from "../../src/taskpane/host";
import { tabSwitch, workbookChanges } from "../../src/taskpane/session";
import { memoryAccess } from "../../src/taskpane/workbook-access";
import { prepareReports } from "../../src/app/report";
import { reportFileName } from "../../src/app/report-export";
import { CAPAIAN } from "../../src/core/layouts";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { correctWorkbook2024, F, write } from "../support/workbooks";

jest.setTimeout(60_000);

// the .docx writer encodes its XML with TextEncoder, which every browser has and jsdom lacks
beforeAll(() => {
  globalThis.TextEncoder ??= TextEncoder;
});

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

const SHEET = "Lap Kasubbag Keuangan TWII";

/** The whole pane without Excel on a given session workbook, "Laporan" opened (its chunk loaded). */
async function openLaporan(memory: MemoryWorkbook) {
  const tabs = tabSwitch();
  const changes = workbookChanges();
  renderInFluent(<App host={NO_HOST} tabs={tabs} panels={createPanels({ host: NO_HOST, workbook: memoryAccess(memory), tabs, changes })} />);
  fireEvent.click(screen.getByRole("tab", { name: "Laporan" }));
  await screen.findByRole("button", { name: "Siapkan laporan" }, { timeout: 20000 });
  return { changes };
}

/** Buttons by their text (a query by role walks the session grid, which is slow in jsdom). */
function button(name: string | RegExp, scope: HTMLElement = document.body): HTMLButtonElement {
  const matches = (text: string) => (typeof name === "string" ? text === name : name.test(text));
  return within(scope).getByText((_, el) => el?.tagName === "BUTTON" && matches(el.textContent ?? "")) as HTMLButtonElement;
}
const maybeButton = (name: string) => [...document.querySelectorAll("button")].find((b) => b.textContent === name) ?? null;

async function press(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(button(name));
  });
}

/** Presses "Siapkan laporan" and waits for the status line of the prepared reports. */
async function prepare() {
  await press("Siapkan laporan");
  // the button is disabled while the reports are prepared, the status line of an earlier run hidden
  await waitFor(() => expect(button("Siapkan laporan").disabled).toBe(false), { timeout: 15000 });
  return screen.getByText(/^Disiapkan pukul \d\d\.\d\d: /);
}

const checkbox = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const summaryItems = () => [...document.querySelectorAll<HTMLElement>('ul[aria-label="Ringkasan laporan"] > li')];

describe("Laporan in the no-Excel mode, on the 2024 workbook of Kecamatan Lumajang", () => {
  let wb: MemoryWorkbook;
  beforeEach(async () => {
    wb = await correctWorkbook2024(new MemoryWorkbook());
  });

  it("a galat blocks the report: its count and Buka Periksa, no summary and no action; Buka Periksa shows the Periksa tab", async () => {
    // program A of 002 (realisasi 46 of target 100) with 50% typed over the capaian formula: a galat
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
    await openLaporan(wb);
    await prepare();
    const alert = screen.getByText(/^Laporan belum dapat dibuat: 1 galat$/).closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain("Perbaiki di Periksa");
    expect(summaryItems()).toEqual([]);
    for (const action of ["Buat lembar Laporan", "Unduh laporan .docx", "Unduh laporan .xlsx"]) expect(maybeButton(action)).toBeNull();
    expect(screen.queryByLabelText(/Saya sudah memeriksa/)).toBeNull();

    await act(async () => {
      fireEvent.click(button("Buka Periksa", alert));
    });
    expect(screen.getByRole("tab", { name: "Periksa" }).getAttribute("aria-selected")).toBe("true");
    await screen.findByRole("button", { name: "Periksa" }, { timeout: 20000 });
    expect((await wb.sheets()).map((x) => x.name)).not.toContain(SHEET);
  });

  it("a correct workbook: the summary per jabatan from the report; the sheet written, the grid reloaded on it; prepared again it is a generated sheet", async () => {
    await openLaporan(wb);
    // the periode comes from Pengaturan
    await waitFor(() => expect((screen.getByLabelText("Periode") as HTMLSelectElement).value).toBe("TW II"));
    expect((await prepare()).textContent).toMatch(/: 1 laporan, periode TW II\.$/);
    const [item] = summaryItems();
    expect(item!.querySelector("h3")!.textContent).toBe("Kasubbag Keuangan");
    // the numbers of the report's own ringkasan sentence: 3 of the 9 indikator at 100% or more
    expect(item!.textContent).toContain("9 indikator · 3 dari 9 indikator mencapai ≥ 100% · rata-rata capaian 63,11%");
    expect(item!.textContent).toContain(`Lembar “${SHEET}”: lembar baru`);
    // the jabatan of the PK become choices
    expect([...(screen.getByLabelText("Jabatan") as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["Semua jabatan", "Kasubbag Keuangan"]);
    // no peringatan: nothing to tick
    expect(screen.queryByLabelText(/Saya sudah memeriksa/)).toBeNull();

    // the grid of the session, opened with the panel, has no Laporan sheet yet
    await screen.findByText("Buku kerja sesi ini", undefined, { timeout: 15000 });
    const sheetTabs = () => [...document.querySelectorAll('[role="tablist"][aria-label="Lembar kerja"] [role="tab"]')].map((t) => t.textContent);
    expect(sheetTabs()).not.toContain(SHEET);

    await press("Buat lembar Laporan");
    const written = await screen.findByRole("list", { name: "Lembar Laporan yang dibuat" }, { timeout: 15000 });
    expect(written.textContent).toBe(`${SHEET}: lembar ditulis.`);
    expect((await wb.sheets()).map((x) => x.name)).toContain(SHEET);
    expect(String(wb.cell(SHEET, 0, 0)?.value)).toMatch(/^Dibuat otomatis oleh SAKIP Workbook/);
    // the grid reloads and opens the new sheet
    await waitFor(() => expect(document.querySelector('[role="tablist"][aria-label="Lembar kerja"] [aria-selected="true"]')?.textContent).toBe(SHEET), { timeout: 15000 });
    expect(document.querySelector(`table[aria-label="Lembar ${SHEET}"]`)?.textContent).toContain("Kasubbag Keuangan");
    // what was prepared still stands: the actions stay, the sheet is now a generated one
    expect(summaryItems()[0]!.textContent).toContain(`Lembar “${SHEET}”: sudah ada (buatan SAKIP); Buat lembar Laporan menulisnya ulang`);
    expect(button("Unduh laporan .docx").disabled).toBe(false);

    // prepared again: the sheet is the product's, unchanged
    await prepare();
    expect(summaryItems()[0]!.textContent).toContain(`Lembar “${SHEET}”: sudah ada (buatan SAKIP); Buat lembar Laporan menulisnya ulang`);
    expect(button("Buat lembar Laporan").disabled).toBe(false);
  });

  it("a change to the workbook after Siapkan laporan: the actions wait for a new Siapkan laporan", async () => {
    const { changes } = await openLaporan(wb);
    await prepare();
    expect(button("Unduh laporan .xlsx").disabled).toBe(false);
    // a correction made elsewhere in the session (the grid, another panel), announced as every write is
    await act(async () => {
      await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
      changes.bump();
    });
    expect(screen.getByText(/^Buku kerja berubah sejak laporan disiapkan pukul/)).toBeTruthy();
    for (const action of ["Buat lembar Laporan", "Unduh laporan .docx", "Unduh laporan .xlsx"]) expect(maybeButton(action)).toBeNull();
    // prepared again, the new state of the workbook speaks: the typed capaian is a galat
    await prepare();
    expect(screen.getByText(/^Laporan belum dapat dibuat: 1 galat$/)).toBeTruthy();
    expect(maybeButton("Unduh laporan .xlsx")).toBeNull();
  });

  it("peringatan: the actions wait for the tick; the confirmed write records the peringatan in the journal", async () => {
    // the formula's own value typed over it: no galat, one peringatan (R-XL-01)
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.46)]);
    await openLaporan(wb);
    await prepare();
    expect(screen.getByText("1 peringatan")).toBeTruthy();
    const tick = checkbox(/^Saya sudah memeriksa 1 peringatan dan tetap melanjutkan$/);
    for (const action of ["Buat lembar Laporan", "Unduh laporan .docx", "Unduh laporan .xlsx"]) expect(button(action).disabled).toBe(true);
    await act(async () => {
      fireEvent.click(tick);
    });
    for (const action of ["Buat lembar Laporan", "Unduh laporan .docx", "Unduh laporan .xlsx"]) expect(button(action).disabled).toBe(false);
    await press("Buat lembar Laporan");
    await screen.findByRole("list", { name: "Lembar Laporan yang dibuat" }, { timeout: 15000 });
    const journal = (await wb.sheets()).map((x) => x.name).find((n) => /riwayat/i.test(n));
    expect(journal).toBeDefined();
    const info = (await wb.sheets()).find((s) => s.name === journal)!;
    const [cells] = await wb.read([{ sheet: journal!, row: 0, col: 0, rows: info.usedRows, cols: info.usedCols }]);
    expect(cells!.flat().map((c) => String(c.value ?? "")).join("\n")).toMatch(/R-XL-01/);
  });

  it("a generated sheet the user edited: named, overwritten only when ticked; a sheet of the user's own with the name: refused, downloads still offered", async () => {
    const first = await prepareReports(wb);
    const { writeReportSheets } = await import("../../src/app/report");
    expect((await writeReportSheets(wb, first)).ok).toBe(true);
    await wb.apply([{ type: "write", sheet: SHEET, row: 3, col: 1, cells: [["diubah pengguna"]] }]);
    await openLaporan(wb);
    await prepare();
    expect(summaryItems()[0]!.textContent).toContain("sudah ada dan disunting; ditimpa hanya bila Anda setuju");
    expect(screen.getByText("Lembar Laporan sudah disunting")).toBeTruthy();
    expect(button("Buat lembar Laporan").disabled).toBe(true);
    expect(button("Unduh laporan .docx").disabled).toBe(false);
    await act(async () => {
      fireEvent.click(checkbox(new RegExp(`^Timpa lembar "${SHEET}" beserta suntingannya$`)));
    });
    await press("Buat lembar Laporan");
    await screen.findByRole("list", { name: "Lembar Laporan yang dibuat" }, { timeout: 15000 });
    expect(wb.cell(SHEET, 3, 1)?.value).not.toBe("diubah pengguna");
  });

  it("a sheet of the user's own carries the report's name: the use-case's refusal, no sheet written, downloads offered", async () => {
    await wb.apply([
      { type: "addSheet", sheet: SHEET },
      { type: "write", sheet: SHEET, row: 0, col: 0, cells: [["catatan saya"]] },
    ]);
    await openLaporan(wb);
    await prepare();
    expect(summaryItems()[0]!.textContent).toContain("namanya dipakai lembar milik Anda, yang tidak akan ditimpa");
    expect(screen.getByText(new RegExp(`Lembar "${SHEET}" bukan buatan SAKIP Workbook dan tidak akan ditimpa`))).toBeTruthy();
    expect(button("Buat lembar Laporan").disabled).toBe(true);
    expect(button("Unduh laporan .xlsx").disabled).toBe(false);
    expect(wb.cell(SHEET, 0, 0)?.value).toBe("catatan saya");
  });
});

describe("Laporan downloads", () => {
  it("the .docx and the .xlsx: names as reportFileName gives them, bytes of a real document with the report's numbers", async () => {
    const wb = await correctWorkbook2024(new MemoryWorkbook());
    const saved: { name: string; bytes: Uint8Array; mime: string }[] = [];
    const props = laporanProps(memoryAccess(wb), workbookChanges(), tabSwitch(), (name, bytes, mime) => saved.push({ name, bytes, mime }));
    renderInFluent(<LaporanPanel active {...props} preview={undefined} />);
    await prepare();
    const expected = await prepareReports(wb);

    await press("Unduh laporan .docx");
    await screen.findByText(/^Diunduh: /, undefined, { timeout: 30000 });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe(reportFileName(expected.reports, "docx"));
    expect(saved[0]!.name).toBe("LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II.docx");
    expect(saved[0]!.mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const doc = await (await JSZip.loadAsync(saved[0]!.bytes)).file("word/document.xml")!.async("string");
    // Rp 3.794.485.645 realised of the Kasubbag Keuangan's pagu (narrative and tables)
    expect(doc).toContain("3.794.485.645");
    expect(screen.getByText(/^Diunduh: /).textContent).toMatch(/^Diunduh: LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II\.docx \(\d+,\d (KB|MB)\)\.$/);

    await press("Unduh laporan .xlsx");
    await waitFor(() => expect(saved).toHaveLength(2), { timeout: 30000 });
    expect(saved[1]!.name).toBe(reportFileName(expected.reports, "xlsx"));
    expect(saved[1]!.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(saved[1]!.bytes) as unknown as ArrayBuffer);
    const values = book.worksheets.flatMap((ws) => {
      const out: unknown[] = [];
      ws.eachRow((row) => row.eachCell((c) => out.push(c.value)));
      return out;
    });
    expect(values).toContain(3794485645);
    // a download writes nothing into the workbook without a confirmation to record
    expect((await wb.sheets()).map((x) => x.name)).not.toContain(SHEET);
  });

  it("an export that throws is shown with what it means, and the buttons come back", async () => {
    const wb = await correctWorkbook2024(new MemoryWorkbook());
    const props = laporanProps(memoryAccess(wb), workbookChanges(), tabSwitch(), () => {
      throw new Error("Unduhan diblokir peramban");
    });
    renderInFluent(<LaporanPanel active {...props} preview={undefined} />);
    await prepare();
    await press("Unduh laporan .xlsx");
    const alert = await screen.findByText("Berkas .xlsx tidak dapat dibuat", undefined, { timeout: 30000 });
    const bar = alert.closest('[role="alert"]') as HTMLElement;
    expect(bar.textContent).toContain("Unduhan diblokir peramban");
    expect(bar.textContent).toContain("tidak ada berkas yang diunduh");
    await waitFor(() => expect(button("Unduh laporan .xlsx").disabled).toBe(false));
  });
});
