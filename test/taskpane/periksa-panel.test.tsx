/** @jest-environment jsdom */
import type { ReactElement } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { PeriksaPanel } from "../../src/taskpane/components/PeriksaPanel";
import { createPanels } from "../../src/taskpane/panels";
import { periksaProps } from "../../src/taskpane/periksa-panel";
import { FINDINGS_PAGE, periksaReport } from "../../src/taskpane/periksa";
import { NO_HOST } from "../../src/taskpane/host";
import { memoryAccess, type WorkbookAccess } from "../../src/taskpane/workbook-access";
import { validateWorkbook } from "../../src/app/validate";
import { CAPAIAN, REALISASI_ANGGARAN, colIndex } from "../../src/core/layouts";
import { RULES } from "../../src/core/rules/catalogue";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import type { WorkbookOp } from "../../src/workbook/port";
import { correctWorkbook2024, F, write } from "../support/workbooks";

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

const CAPAIAN_O = colIndex(CAPAIAN, "capaian");
const RA_PERSEN = colIndex(REALISASI_ANGGARAN, "persen");

// jsdom lays nothing out; the grid asks the browser to scroll the shown cell into view
const scrolled: Element[] = [];
beforeAll(() => {
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
beforeEach(() => {
  scrolled.length = 0;
});

/** The whole pane without Excel on a given session workbook, "Periksa" opened (its chunk loaded). */
async function openPeriksa(memory: MemoryWorkbook) {
  renderInFluent(<App host={NO_HOST} panels={createPanels({ host: NO_HOST, workbook: memoryAccess(memory) })} />);
  fireEvent.click(screen.getByRole("tab", { name: "Periksa" }));
  // the first load of the chunk compiles the validator in jest
  return screen.findByRole("button", { name: "Periksa" }, { timeout: 20000 });
}

/**
 * Buttons by their text: a query by role computes every element's role and name, which with Fluent's
 * style sheets in jsdom takes seconds per query once a list of findings and the grid are on the page.
 */
function button(name: string | RegExp, scope: HTMLElement = document.body): HTMLElement {
  const matches = (text: string) => (typeof name === "string" ? text === name : name.test(text));
  return within(scope).getByText((_, el) => el?.tagName === "BUTTON" && (el.getAttribute("role") ?? "button") === "button" && matches(el.textContent ?? ""));
}

async function press(name: string | RegExp, scope: HTMLElement = document.body) {
  await act(async () => {
    fireEvent.click(button(name, scope));
  });
}

/** Presses "Periksa"/"Periksa lagi" and waits for the status line of the finished run. */
async function check(label: "Periksa" | "Periksa lagi" = "Periksa") {
  await press(label);
  return screen.findByText(/^Diperiksa pukul \d\d\.\d\d: /, undefined, { timeout: 10000 });
}

/** A list of findings by its label (a query by role would walk the whole session grid, which is slow in jsdom). */
function list(name: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`ul[aria-label="${name}"]`);
  if (!el) throw new Error(`no list "${name}"`);
  return el;
}
const rows = (name: string) => [...list(name).querySelectorAll<HTMLElement>(":scope > li")];
/** The severity headers ("Galat (2)"). */
const severityHeaders = () => [...document.querySelectorAll(".fui-AccordionHeader__button")].map((b) => b.textContent);

describe("Periksa in the no-Excel mode, on the 2024 workbook of Kecamatan Lumajang", () => {
  let wb: MemoryWorkbook;
  beforeEach(async () => {
    wb = await correctWorkbook2024();
  });

  it("a correct workbook: no galat, no peringatan; the 13 SIPD notes are info, opened as the only group", async () => {
    await openPeriksa(wb);
    const status = await check();
    expect(status.textContent).toMatch(/: 0 galat, 0 peringatan, 13 info\.$/);
    expect(severityHeaders()).toEqual(["Info (13)"]);
    expect([...document.querySelectorAll("h3")].map((h) => h.textContent)).toEqual(["Rincian SIPD (13)"]);
    expect(rows("Info di Rincian SIPD")[0]!.textContent).toMatch(/^J22 R-SUM-01 — Jumlah 7 01 7 01 00 01 2\.02\.0001 5 1 01 01 cocok hanya bila/);
  });

  it("a capaian typed over its formula: galat and peringatan at Capaian!O8, the cell shown in the grid; the formula restored, undone, restored; Periksa lagi finds nothing", async () => {
    // program A of 002 (realisasi 46 of target 100) with 50% typed over the capaian formula
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
    await openPeriksa(wb);
    expect((await check()).textContent).toMatch(/: 1 galat, 1 peringatan, 13 info\.$/);

    const galat = rows("Galat di Capaian");
    expect(galat.map((li) => li.querySelector("button")!.textContent)).toEqual([
      "O8 R-CAP-01 — Capaian tertulis 50%, sedangkan realisasi ÷ target (46 ÷ 100) = 46,00%. Ketik ulang realisasi/target atau pulihkan rumusnya.",
    ]);
    const warning = rows("Peringatan di Capaian")[0]!;
    expect(warning.textContent).toContain("O8 R-XL-01 — Rumus kolom ini ditimpa nilai ketikan 50% (rumusnya memberi 46,00%)");
    // info starts collapsed when there is more to read
    expect(document.querySelector('ul[aria-label="Info di Rincian SIPD"]')).toBeNull();

    // a click shows the cell: the session grid opens Capaian, marks O8 and scrolls to it
    await act(async () => {
      fireEvent.click(button(/^O8 R-CAP-01/, galat[0]!));
    });
    expect(wb.selection).toEqual({ sheet: "Capaian", row: F + 1, col: CAPAIAN_O });
    await waitFor(() => expect(document.querySelector('[role="tablist"][aria-label="Lembar kerja"] [aria-selected="true"]')?.textContent).toBe("Capaian"));
    const grid = document.querySelector('table[aria-label="Lembar Capaian"]')!;
    const marked = grid.querySelector('td[data-selected="true"]') as HTMLElement;
    expect([marked.dataset.row, marked.dataset.col]).toEqual([String(F + 1), String(CAPAIAN_O)]);
    expect(scrolled).toContain(marked);
    // the cell shows its value; the formula line its address and formula
    expect(marked.textContent).toBe("50,00%");
    expect(document.querySelector('[aria-label="Sel terpilih"]')?.textContent).toBe("O8");
    expect(document.querySelector('[aria-label="Isi sel"]')?.textContent).toBe("50%");

    // the rule's catalogue text on demand
    await press("Penjelasan aturan", galat[0]!);
    const detail = within(galat[0]!).getByRole("group", { name: "Aturan R-CAP-01", hidden: true });
    expect(detail.textContent).toContain(RULES["R-CAP-01"].title);
    expect(detail.textContent).toContain(RULES["R-CAP-01"].why);
    expect(detail.textContent).toContain(RULES["R-CAP-01"].fix);
    expect(within(galat[0]!).queryByText("Pulihkan rumus")).toBeNull();

    // the fix is on the peringatan (the constant over the formula); undo puts 50% back
    await press("Pulihkan rumus", warning);
    expect(wb.cell("Capaian", F + 1, CAPAIAN_O)).toMatchObject({ value: null, formula: expect.stringMatching(/^=IF\(/) });
    expect(within(warning).getByRole("status", { hidden: true }).textContent).toBe("Diperbaiki: pulihkan rumus.");
    expect(screen.getByText(/daftar ini masih dari pemeriksaan pukul/)).toBeTruthy();
    await press("Batalkan", warning);
    expect(wb.cell("Capaian", F + 1, CAPAIAN_O)).toMatchObject({ value: 0.5, formula: null });
    expect(within(warning).getByText("Dibatalkan: sel kembali seperti sebelum diperbaiki.")).toBeTruthy();
    // the workbook is as it was checked again: the list is not stale
    expect(screen.queryByText(/daftar ini masih dari pemeriksaan/)).toBeNull();
    await press("Pulihkan rumus", warning);
    expect(screen.getByText(/daftar ini masih dari pemeriksaan pukul/)).toBeTruthy();
    expect(wb.cell("Capaian", F + 1, CAPAIAN_O)?.formula).toMatch(/^=IF\(/);

    expect((await check("Periksa lagi")).textContent).toMatch(/: 0 galat, 0 peringatan, 13 info\.$/);
    expect(screen.queryByText(/daftar ini masih dari pemeriksaan/)).toBeNull();
  });

  it("refuses a fix when the cell changed after the run, and says so at the finding", async () => {
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.5)]);
    await openPeriksa(wb);
    await check();
    await wb.apply([write(CAPAIAN, F + 1, "capaian", 0.47)]);
    const warning = rows("Peringatan di Capaian")[0]!;
    await press("Pulihkan rumus", warning);
    expect(within(warning).getByRole("alert", { hidden: true }).textContent).toBe("Sel Capaian!O8 sudah berubah sejak diperiksa; jalankan Periksa lagi.");
    expect(wb.cell("Capaian", F + 1, CAPAIAN_O)?.value).toBe(0.47);
  });

  it("groups by severity, then by sheet in workbook order, each with its count", async () => {
    // 50% typed over the % of all 48 rows the LRA filled: 48 peringatan (constants) and 47 galat (penyerapan;
    // M27 computes 49,79%, which is 50% at the typed precision)
    const ops: WorkbookOp[] = [];
    for (let r = F; r < F + 48; r++) ops.push(write(REALISASI_ANGGARAN, r, "persen", 0.5));
    ops.push(write(CAPAIAN, F + 1, "capaian", 0.5));
    await wb.apply(ops);
    await openPeriksa(wb);
    expect((await check()).textContent).toMatch(/: 48 galat, 49 peringatan, 13 info\.$/);
    expect(rows("Peringatan di Realisasi Anggaran")).toHaveLength(48);
    // Capaian before Realisasi Anggaran: workbook order
    expect([...document.querySelectorAll("h3")].map((h) => h.textContent).slice(0, 4)).toEqual([
      "Capaian (1)",
      "Realisasi Anggaran (47)",
      "Capaian (1)",
      "Realisasi Anggaran (48)",
    ]);
    expect(severityHeaders()).toEqual(["Galat (48)", "Peringatan (49)", "Info (13)"]);
  });
});

describe("Periksa panel: thousands of findings stay usable", () => {
  it(`renders ${FINDINGS_PAGE} per sheet and adds ${FINDINGS_PAGE} more per click`, async () => {
    // 2,115 findings from the real workbook: 45 copies of the 47 penyerapan galat of its Realisasi Anggaran
    const wb: MemoryWorkbook = await correctWorkbook2024();
    const ops: WorkbookOp[] = [];
    for (let r = F; r < F + 48; r++) ops.push(write(REALISASI_ANGGARAN, r, "persen", 0.5));
    await wb.apply(ops);
    const run = await validateWorkbook(wb);
    const galat = run.findings.filter((f) => f.severity === "error");
    expect(galat).toHaveLength(47);
    const many = Array.from({ length: 45 }, () => galat).flat();
    const report = periksaReport(many, ["Realisasi Anggaran"]);
    expect(report.counts).toEqual({ error: 2115, warning: 0, info: 0 });
    renderInFluent(<PeriksaPanel active run={async () => report} select={async () => undefined} applyFix={async () => ({ ok: false, message: "-" })} undoFix={async () => undefined} selectTarget="excel" />);
    await check();
    expect(rows("Galat di Realisasi Anggaran")).toHaveLength(FINDINGS_PAGE);
    await press(`Tampilkan lagi (${FINDINGS_PAGE} dari ${2115 - FINDINGS_PAGE} sisanya)`);
    expect(rows("Galat di Realisasi Anggaran")).toHaveLength(2 * FINDINGS_PAGE);
    expect(button(`Tampilkan lagi (${FINDINGS_PAGE} dari ${2115 - 2 * FINDINGS_PAGE} sisanya)`)).toBeTruthy();
  });
});

describe("Periksa inside Excel (the port is Excel's)", () => {
  /** A port standing in for Excel: the memory workbook, reached as the Office adapter would be. */
  const excelLike = (memory: MemoryWorkbook): WorkbookAccess => ({ kind: "office", port: () => Promise.resolve(memory) });

  it("a click selects the finding's cell through the port; there is no session grid", async () => {
    const wb: MemoryWorkbook = await correctWorkbook2024();
    await wb.apply([write(REALISASI_ANGGARAN, F, "persen", 0.5)]);
    renderInFluent(<PeriksaPanel active {...periksaProps(excelLike(wb))} />);
    expect(screen.getByText(/Klik temuan untuk memilih selnya di Excel\./)).toBeTruthy();
    await check();
    const item = rows("Galat di Realisasi Anggaran")[0]!;
    expect(item.textContent).toContain("M7 R-PEN-01 — Penyerapan tertulis 50%, sedangkan realisasi ÷ pagu = 53,53% (Rp 3.794.485.645 ÷ Rp 7.089.003.733).");
    await press(/^M7 R-PEN-01/, item);
    expect(wb.selection).toEqual({ sheet: "Realisasi Anggaran", row: F, col: RA_PERSEN });
    expect(document.querySelector('[aria-label="Lembar kerja"]')).toBeNull();
  });

  it("shows Excel's failure to select, and to read, instead of swallowing it", async () => {
    const wb: MemoryWorkbook = await correctWorkbook2024();
    await wb.apply([write(REALISASI_ANGGARAN, F, "persen", 0.5)]);
    wb.select = () => Promise.reject(Object.assign(new Error("Lembar dilindungi."), { code: "AccessDenied" }));
    renderInFluent(<PeriksaPanel active {...periksaProps(excelLike(wb))} />);
    await check();
    await press(/^M7 R-PEN-01/, rows("Galat di Realisasi Anggaran")[0]!);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Sel 'Realisasi Anggaran'!M7 tidak dapat dipilih");
    expect(alert.textContent).toContain("Lembar dilindungi. (kode Excel: AccessDenied)");

    wb.sheets = () => Promise.reject(new Error("Excel sedang menyunting sel."));
    await press("Periksa lagi");
    await screen.findByText("Buku kerja tidak dapat diperiksa");
    expect(screen.getByText(/Excel sedang menyunting sel\./)).toBeTruthy();
    expect(screen.getByText(/Periksa tidak mengubah buku kerja\./)).toBeTruthy();
  });

  it("says when the workbook has no SAKIP sheets instead of reporting it clean", async () => {
    renderInFluent(<PeriksaPanel active {...periksaProps(excelLike(MemoryWorkbook.fromSheets({ Sheet1: [["halo"]] })))} />);
    await check();
    expect(screen.getByText("Belum ada lembar SAKIP untuk diperiksa")).toBeTruthy();
    expect(screen.queryByText("Tidak ada temuan")).toBeNull();
  });
});
