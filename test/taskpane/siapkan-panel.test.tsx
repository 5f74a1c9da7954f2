/** @jest-environment jsdom */
import type { ReactElement } from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { SiapkanLembarPanel } from "../../src/taskpane/components/SiapkanLembarPanel";
import { createPanels } from "../../src/taskpane/panels";
import { siapkanProps } from "../../src/taskpane/siapkan-panel";
import { NO_HOST } from "../../src/taskpane/host";
import { memoryAccess, officeAccess } from "../../src/taskpane/workbook-access";
import { scaffold, type ScaffoldProgress, type ScaffoldResult } from "../../src/app/scaffold";
import { CAPAIAN, DEFAULT_JABATAN, STANDARD_LAYOUTS, TABLE_ROWS } from "../../src/core/layouts";
import { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { a1, type ApplyOptions, type ApplyReport, type WorkbookOp } from "../../src/workbook/port";

// the settings of the Kecamatan Lumajang reports in test/fixtures (Camat TW II 2024)
const LUMAJANG = { unitKerja: "Kecamatan Lumajang", pemda: "Pemerintah Kabupaten Lumajang", kodeOrganisasi: "7.01.0.00.0.00.01.0000", tahun: 2024, periode: "TW II" };

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

/** How long a panel's chunk may take to arrive the first time. */
const CHUNK_MS = 20_000;

/** The whole pane in the no-Excel mode, with the "Siapkan Lembar" tab opened. */
async function openPanel(memory = new MemoryWorkbook()) {
  renderInFluent(<App host={NO_HOST} panels={createPanels({ host: NO_HOST, workbook: memoryAccess(memory) })} />);
  fireEvent.click(screen.getByRole("tab", { name: "Siapkan Lembar" }));
  // the panel is its own chunk: the first opening loads (in jest: compiles) the scaffold use-case
  await screen.findByText(/Buku kerja belum memiliki pengaturan|Formulir diisi dari lembar Pengaturan/, undefined, { timeout: CHUNK_MS });
  return memory;
}

const input = (label: string) => screen.getByLabelText(label, { exact: false }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });
const runButton = () => screen.getByRole("button", { name: "Siapkan Lembar" }) as HTMLButtonElement;

/** The message Fluent's Field shows for an input (tied to it by aria-describedby). */
function messageOf(label: string): string | null {
  const el = input(label);
  if (el.getAttribute("aria-invalid") !== "true") return null;
  const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  // the hint is described too; the validation message is the one announced as an alert
  const message = ids.map((id) => document.getElementById(id)).find((node) => node?.getAttribute("role") === "alert");
  return message?.textContent ?? null;
}

async function fillAndRun(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) type(label, value);
  await act(async () => {
    fireEvent.click(runButton());
  });
}

describe("Siapkan Lembar: validation before anything is written", () => {
  it("shows every problem next to its own field, in Indonesian, and writes nothing", async () => {
    const memory = await openPanel();
    await fillAndRun({});
    expect(messageOf("Unit kerja")).toBe("Unit kerja wajib diisi, misalnya Kecamatan Lumajang.");
    expect(messageOf("Tahun anggaran")).toBe("Tahun anggaran harus angka.");
    expect(messageOf("Periode")).toBe("Periode harus salah satu dari: TW I, TW II, TW III, TW IV, Tahunan.");
    expect(messageOf("Pemerintah daerah")).toBeNull();
    expect(screen.getByText("3 isian perlu diperbaiki; belum ada yang ditulis.")).toBeTruthy();
    expect(await memory.sheets()).toEqual([]);
    // the first problem gets the focus
    expect(document.activeElement).toBe(input("Unit kerja"));
  });

  it.each<[string, string, string]>([
    ["Tahun anggaran", "1999", "Tahun anggaran paling awal 2000."],
    ["Tahun anggaran", "dua ribu", "Tahun anggaran harus angka."],
    ["Tahun anggaran", "2024,5", "Tahun anggaran harus angka."],
    ["Kode organisasi SIPD", "7.01.0.00", "Kode organisasi SIPD tidak sesuai pola, contoh: 7.01.0.00.0.00.01.0000."],
    ["Daftar jabatan", "  \n ", "Daftar jabatan minimal berisi satu jabatan."],
  ])("%s %j: %s", async (label, value, message) => {
    const memory = await openPanel();
    await fillAndRun({ "Unit kerja": "Kecamatan Lumajang", "Tahun anggaran": "2024", Periode: "TW II", [label]: value });
    expect(messageOf(label)).toBe(message);
    expect(await memory.sheets()).toEqual([]);
  });

  it("clears a message as soon as the field is corrected", async () => {
    await openPanel();
    await fillAndRun({ "Unit kerja": "Kecamatan Lumajang", Periode: "TW II", "Tahun anggaran": "1999" });
    expect(messageOf("Tahun anggaran")).toBe("Tahun anggaran paling awal 2000.");
    type("Tahun anggaran", "2024");
    expect(messageOf("Tahun anggaran")).toBeNull();
    expect(screen.queryByText(/isian perlu diperbaiki/)).toBeNull();
  });
});

describe("Siapkan Lembar: running it", () => {
  it("scaffolds the session workbook, lists what it did and shows the six sheets", async () => {
    const memory = await openPanel();
    await fillAndRun({ "Unit kerja": "Kecamatan Lumajang", "Tahun anggaran": "2024", Periode: "TW II" });
    const summary = await screen.findByRole("list", { name: "Ringkasan perubahan" });
    expect(within(summary).getAllByRole("listitem").map((li) => li.textContent)).toEqual(STANDARD_LAYOUTS.map((l) => `${l.sheet}: lembar dibuat.`));
    expect(memory.cell("Pengaturan", 7, 1)?.value).toBe(2024);
    expect(memory.cell("Pengaturan", 8, 1)?.value).toBe("TW II");
    // no round trips to tell outside Excel
    expect(screen.queryByText(/sinkronisasi/)).toBeNull();
    const sheetTabs = await screen.findByRole("tablist", { name: "Lembar kerja" });
    expect(within(sheetTabs).getAllByRole("tab")).toHaveLength(6);
    for (const l of STANDARD_LAYOUTS) expect(within(sheetTabs).getByRole("tab", { name: l.sheet })).toBeTruthy();
    expect(runButton().disabled).toBe(false);
  });

  it("says what it repaired on a second run (2 broken Capaian formulas)", async () => {
    const memory = new MemoryWorkbook();
    const first = await scaffold(memory, LUMAJANG);
    expect(first.ok).toBe(true);
    const col = CAPAIAN.columns.findIndex((c) => c.key === "capaian");
    const rows = [TABLE_ROWS.firstData + 1, TABLE_ROWS.firstData + 2];
    await memory.apply(rows.map((row) => ({ type: "write", sheet: "Capaian", row, col, cells: [[{ formula: "=1" }]] })));
    await openPanel(memory);
    expect(input("Unit kerja").value).toBe("Kecamatan Lumajang");
    await act(async () => {
      fireEvent.click(runButton());
    });
    const cells = rows.map((r) => a1(r, col)).join(", ");
    expect(await screen.findByText(`Capaian: 2 rumus dipulihkan (${cells}).`)).toBeTruthy();
  });

  it("refuses a sheet with a column inserted in the middle, above the form, and writes nothing", async () => {
    const memory = new MemoryWorkbook();
    expect((await scaffold(memory, LUMAJANG)).ok).toBe(true);
    // a Keterangan column inserted before Target in Capaian: the header row moves one column right
    const at = CAPAIAN.columns.findIndex((c) => c.key === "target");
    const headers = CAPAIAN.columns.slice(at).map((c) => (c.group ? c.header : null));
    await memory.apply([{ type: "write", sheet: "Capaian", row: TABLE_ROWS.header, col: at, cells: [["Keterangan", ...headers]] }]);
    const before = JSON.stringify(await memory.read([{ sheet: "Capaian", row: 0, col: 0, rows: 120, cols: 20 }]));
    await openPanel(memory);
    await act(async () => {
      fireEvent.click(runButton());
    });
    expect(await screen.findByText(/^Lembar Capaian: kolom "[^"]+" seharusnya di [A-Z], tetapi ada di [A-Z] \(kolom disisipkan di tengah lembar\)\. Buku kerja tidak diubah/)).toBeTruthy();
    expect(screen.queryByText("Lembar siap")).toBeNull();
    // no field of the form is wrong: the note under the button says where to look
    expect(screen.getByText("Buku kerja tidak disiapkan (lihat pesan di atas formulir); belum ada yang ditulis.")).toBeTruthy();
    expect(screen.queryByText(/isian perlu diperbaiki/)).toBeNull();
    expect(JSON.stringify(await memory.read([{ sheet: "Capaian", row: 0, col: 0, rows: 120, cols: 20 }]))).toBe(before);
  });

  it("shows the phase while it runs, with the button disabled, then the summary", async () => {
    let finish: (r: ScaffoldResult) => void = () => undefined;
    let report: (p: ScaffoldProgress) => void = () => undefined;
    const run = jest.fn(
      (_input: Record<string, unknown>, onProgress: (p: ScaffoldProgress) => void) =>
        new Promise<ScaffoldResult>((resolve) => {
          finish = resolve;
          report = onProgress;
        }),
    );
    renderInFluent(<SiapkanLembarPanel active loadSettings={async () => LUMAJANG} scaffold={run} showRoundTrips />);
    await screen.findByText("Formulir diisi dari lembar Pengaturan.");
    await act(async () => {
      fireEvent.click(runButton());
    });
    expect(screen.getByText("Membaca buku kerja…")).toBeTruthy();
    act(() => report({ phase: "menulis", fraction: 0.65 }));
    expect(screen.getByText("Menulis ke lembar kerja…")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.65");
    expect(runButton().disabled).toBe(true);
    // the settings go in full, as validated: nothing left for scaffold to take from the old sheet
    expect(run.mock.calls[0]?.[0]).toEqual({ ...LUMAJANG, skala: "kecamatan", rumusNegatif: "2T-R", jabatan: DEFAULT_JABATAN });

    await act(async () => {
      finish({ ok: true, settings: { ...LUMAJANG, periode: "TW II", skala: "kecamatan", rumusNegatif: "2T-R", jabatan: DEFAULT_JABATAN }, changes: [], lines: ["Capaian: lembar dibuat."], report: { syncs: 4, largestBatchBytes: 1000 }, ops: 120 });
    });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("Capaian: lembar dibuat.")).toBeTruthy();
    expect(screen.getByText("Ditulis ke Excel dalam 4 kali sinkronisasi (120 operasi).")).toBeTruthy();
    expect(runButton().disabled).toBe(false);
  });

  it("tells the round trips of the Office adapter when run through the Excel wiring", async () => {
    const memory = new MemoryWorkbook();
    // a port that reports syncs as the Office adapter does
    const port = Object.assign(Object.create(memory) as MemoryWorkbook, {
      apply: async (ops: readonly WorkbookOp[], options?: ApplyOptions): Promise<ApplyReport> => ({ ...(await memory.apply(ops, options)), syncs: 3 }),
    });
    renderInFluent(<SiapkanLembarPanel active {...siapkanProps(officeAccess(async () => port))} />);
    await screen.findByText("Buku kerja belum memiliki pengaturan; isi formulir di bawah.");
    await fillAndRun({ "Unit kerja": "Kecamatan Lumajang", "Tahun anggaran": "2024", Periode: "TW II" });
    expect(await screen.findByText(/^Ditulis ke Excel dalam 3 kali sinkronisasi \(\d+ operasi\)\.$/)).toBeTruthy();
    expect(screen.queryByRole("tablist", { name: "Lembar kerja" })).toBeNull();
  });
});

describe("Siapkan Lembar: failures are shown, never claimed as success", () => {
  class HostError extends Error {
    readonly code = "InvalidArgument";
    constructor(readonly restored: boolean) {
      super("Excel gagal menulis lembar: The argument is invalid or missing or has an incorrect format.");
    }
  }

  it.each<[string, boolean, RegExp]>([
    ["restored", true, /Buku kerja sudah dikembalikan seperti sebelum Siapkan Lembar dijalankan\./],
    ["not restored", false, /Sebagian perubahan mungkin sudah tertulis\. Periksa buku kerja, lalu jalankan Siapkan Lembar lagi/],
  ])("a host error while writing (%s) shows Excel's message, its code and what it means", async (_, restored, state) => {
    const memory = new MemoryWorkbook();
    const port = Object.assign(Object.create(memory) as MemoryWorkbook, {
      apply: async (): Promise<ApplyReport> => {
        throw new HostError(restored);
      },
    });
    renderInFluent(<SiapkanLembarPanel active {...siapkanProps(officeAccess(async () => port))} />);
    await screen.findByText("Buku kerja belum memiliki pengaturan; isi formulir di bawah.");
    await fillAndRun({ "Unit kerja": "Kecamatan Lumajang", "Tahun anggaran": "2024", Periode: "TW II" });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Lembar gagal disiapkan");
    expect(alert.textContent).toContain("Excel gagal menulis lembar: The argument is invalid");
    expect(alert.textContent).toContain("kode Excel: InvalidArgument");
    expect(alert.textContent).toMatch(state);
    expect(screen.queryByText("Lembar siap")).toBeNull();
    expect(runButton().disabled).toBe(false);
  });

  it("a failure to read says nothing was written", async () => {
    const run = () => Promise.reject(new Error("Excel gagal membaca daftar lembar: Excel is not defined"));
    renderInFluent(<SiapkanLembarPanel active loadSettings={async () => LUMAJANG} scaffold={run} showRoundTrips />);
    await screen.findByText("Formulir diisi dari lembar Pengaturan.");
    await act(async () => {
      fireEvent.click(runButton());
    });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Buku kerja tidak dapat dibaca");
    expect(alert.textContent).toContain("Excel is not defined");
    expect(alert.textContent).toContain("Belum ada yang ditulis ke buku kerja.");
  });

  it("a rule the workbook refuses (WorkbookRuleError) is shown in its Indonesian words", async () => {
    // a sheet named like a standard one but with a different case is fine; a clash in names is not
    const memory = MemoryWorkbook.fromSheets({ Lain: [["x"]] });
    const port = Object.assign(Object.create(memory) as MemoryWorkbook, {
      apply: (ops: readonly WorkbookOp[]) => memory.apply([...ops, { type: "addSheet", sheet: "Lain" }]),
    });
    renderInFluent(<SiapkanLembarPanel active {...siapkanProps(officeAccess(async () => port))} />);
    await screen.findByText("Buku kerja belum memiliki pengaturan; isi formulir di bawah.");
    await fillAndRun({ "Unit kerja": "Kecamatan Lumajang", "Tahun anggaran": "2024", Periode: "TW II" });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain('Lembar "Lain" sudah ada.');
    expect(alert.textContent).toContain("Belum ada yang ditulis ke buku kerja.");
    expect((await memory.sheets()).map((s) => s.name)).toEqual(["Lain"]);
  });
});

describe("Siapkan Lembar: pre-filling from the workbook", () => {
  it("reads the workbook only when the panel is first opened, and fills every field", async () => {
    const memory = new MemoryWorkbook();
    await scaffold(memory, { ...LUMAJANG, skala: "permendagri86", rumusNegatif: "T/R", jabatan: ["Camat", "Sekretaris Kecamatan"] });
    const access = memoryAccess(memory);
    const port = jest.spyOn(access, "port");
    renderInFluent(<App host={NO_HOST} panels={createPanels({ host: NO_HOST, workbook: access })} />);
    await act(async () => undefined);
    expect(port).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("tab", { name: "Siapkan Lembar" }));
    await screen.findByText("Formulir diisi dari lembar Pengaturan.", undefined, { timeout: CHUNK_MS });
    expect(input("Unit kerja").value).toBe("Kecamatan Lumajang");
    expect(input("Pemerintah daerah").value).toBe("Pemerintah Kabupaten Lumajang");
    expect(input("Kode organisasi SIPD").value).toBe("7.01.0.00.0.00.01.0000");
    expect(input("Tahun anggaran").value).toBe("2024");
    expect(input("Periode").value).toBe("TW II");
    expect(input("Skala predikat").value).toBe("permendagri86");
    expect(input("Rumus polaritas negatif").value).toBe("T/R");
    expect(input("Daftar jabatan").value).toBe("Camat\nSekretaris Kecamatan");
  });

  it('"Muat dari buku kerja" replaces what was typed with what the workbook holds', async () => {
    const memory = new MemoryWorkbook();
    await scaffold(memory, LUMAJANG);
    await openPanel(memory);
    type("Unit kerja", "Kecamatan Sukodono");
    type("Tahun anggaran", "2025");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Muat dari buku kerja" }));
    });
    expect(input("Unit kerja").value).toBe("Kecamatan Lumajang");
    expect(input("Tahun anggaran").value).toBe("2024");
  });

  it("keeps the form and says so when the workbook cannot be read", async () => {
    const load = () => Promise.reject(Object.assign(new Error("Excel gagal membaca daftar lembar: GeneralException"), { code: "GeneralException" }));
    renderInFluent(<SiapkanLembarPanel active loadSettings={load} scaffold={() => Promise.reject(new Error("tidak dipanggil"))} showRoundTrips />);
    expect(await screen.findByText("Pengaturan tidak dapat dibaca dari buku kerja")).toBeTruthy();
    expect(screen.getByText("Pengaturan tidak dapat dibaca dari buku kerja").parentElement?.textContent).toMatch(/GeneralException \(kode Excel: GeneralException\)Formulir tidak diubah\./);
    expect(input("Unit kerja").disabled).toBe(false);
    expect(input("Skala predikat").value).toBe("kecamatan");
  });

  it("keeps an unknown value read from the workbook visible, so its message makes sense", async () => {
    renderInFluent(<SiapkanLembarPanel active loadSettings={async () => ({ ...LUMAJANG, periode: "Semester I" })} scaffold={scaffoldNever} showRoundTrips={false} />);
    await screen.findByText("Formulir diisi dari lembar Pengaturan.");
    expect(input("Periode").value).toBe("Semester I");
    await act(async () => {
      fireEvent.click(runButton());
    });
    expect(messageOf("Periode")).toBe('Periode "Semester I" tidak dikenal; pilihannya: TW I, TW II, TW III, TW IV, Tahunan (boleh ditulis TW2, 2, II, Triwulan II).');
  });
});

function scaffoldNever(): Promise<ScaffoldResult> {
  return Promise.reject(new Error("scaffold should not run"));
}

describe("the session workbook in the no-Excel mode", () => {
  it("shows each sheet's cells: money and percent formats, values of formulas (their formula in the formula line), merged headers", async () => {
    const memory = new MemoryWorkbook();
    await scaffold(memory, LUMAJANG);
    await memory.apply([
      { type: "write", sheet: "Realisasi Anggaran", row: TABLE_ROWS.firstData, col: 0, cells: [["5.1.02.01.01.0024"]] },
    ]);
    await openPanel(memory);
    const tabs = await screen.findByRole("tablist", { name: "Lembar kerja" });
    fireEvent.click(within(tabs).getByRole("tab", { name: "Referensi" }));
    const table = screen.getByRole("table", { name: "Lembar Referensi" });
    const headers = within(table).getAllByRole("columnheader").map((th) => th.textContent);
    expect(headers.slice(1, 5)).toEqual(["A", "B", "C", "D"]);
    // the kecamatan scale: upper bound 50% of "Sangat Rendah", shown as a percentage
    expect(within(table).getAllByText("50,00%").length).toBeGreaterThan(0);

    fireEvent.click(within(tabs).getByRole("tab", { name: "Capaian" }));
    const capaian = screen.getByRole("table", { name: "Lembar Capaian" });
    const formulas = [...capaian.querySelectorAll<HTMLElement>("td[data-formula]")];
    expect(formulas.length).toBeGreaterThan(100);
    // an empty PK: every computed cell of Capaian shows its value, the empty text, never its formula
    expect(formulas.filter((td) => td.textContent !== "" && Number(td.dataset.row) >= TABLE_ROWS.firstData)).toEqual([]);
    // the subtitle is the product's formula too, computed from Pengaturan
    expect(capaian.querySelector('td[data-row="1"]')?.textContent).toBe("Kecamatan Lumajang — Tahun Anggaran 2024 — TW II");
    fireEvent.click(capaian.querySelector(`td[data-formula][data-row="${TABLE_ROWS.firstData}"]`)!);
    const line = screen.getByRole("group", { name: "Baris rumus" });
    expect(within(line).getByLabelText("Sel terpilih").textContent).toBe(`B${TABLE_ROWS.firstData + 1}`);
    expect(within(line).getByLabelText("Isi sel").textContent).toMatch(/^=IF\(/);
    await waitFor(() => expect(within(capaian).getByText("IK-001")).toBeTruthy());
    expect(within(capaian).getByText("Capaian Kinerja")).toBeTruthy();
    expect(within(capaian).getByText("Realisasi kumulatif s/d triwulan")).toBeTruthy();
    expect(within(capaian).getByText("(6=5/4)")).toBeTruthy();
  });
});
