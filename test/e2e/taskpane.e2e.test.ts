/**
 * The built task pane (dist/, `npm run build`) in headless Chromium, served from 127.0.0.1:
 * (a) with the real local office.js, as in a plain browser (no Excel), including "Siapkan Lembar"
 *     and "Impor SIPD" on the session's memory workbook and its .xlsx download;
 * (b) with a stub office.js reporting Excel, to check the shared runtime registers every custom
 *     function and that the registered CAPAIAN computes, and that the panels render in Excel.
 * Fails (never skips) when dist/ or Chromium is missing, so CI cannot pass without running it.
 */
import fs from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { serve, type Serving } from "../../scripts/serve";
import { CAPAIAN, colIndex, TABLE_ROWS } from "../../src/core/layouts";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { convert, recalculate } from "../support/libreoffice";
import { COMMENT_TEXT, userXlsx } from "../support/user-xlsx";
import { readPackage } from "../support/xlsx-package";
import { correctWorkbook2024, inputOps2024, rows2024 } from "../support/workbooks";

const ROOT = path.resolve(__dirname, "../..");
// E2E_DIST: test a build made elsewhere without overwriting the shared dist/
const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, "dist");
const STANDARD_SHEETS = ["Pengaturan", "Referensi", "Perjanjian Kinerja", "Capaian", "Cost per Outcome", "Realisasi Anggaran"];
const OUT = path.join(ROOT, "out", "e2e");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
];
const STUB = fs.readFileSync(path.join(__dirname, "office-stub.js"), "utf8");
const LRA_TSV = fs.readFileSync(path.join(ROOT, "test/fixtures/sipd-lra-002-kode-rekening.tsv"), "utf8");

let server: Serving;
let browser: Browser;

beforeAll(async () => {
  const needed = ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "assets/office-js/office.js"];
  const missing = needed.filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (missing.length > 0) {
    throw new Error(`dist/ is missing ${missing.join(", ")}: run \`npm run build\` before the e2e test.`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.`,
    );
  }
  server = await serve({ root: DIST, port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Session {
  context: BrowserContext;
  page: Page;
  requests: string[];
  pageErrors: string[];
}

async function open(stubOffice: boolean): Promise<Session> {
  // reduced motion: screenshots show opened panels, not a frame of their animation
  const context = await browser.newContext({ viewport: { width: 420, height: 900 }, locale: "id-ID", acceptDownloads: true, reducedMotion: "reduce" });
  const page = await context.newPage();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  if (stubOffice) {
    await page.route("**/assets/office-js/office.js", (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: STUB }),
    );
  }
  await page.goto(`${server.url}/taskpane.html`);
  return { context, page, requests, pageErrors };
}

it("keeps ExcelJS (about 1 MB) out of the scripts the page loads at start; it is the lazily loaded exceljs.js", () => {
  // "sharedStrings" is ExcelJS's own vocabulary (the xlsx part it reads and writes)
  expect(fs.readFileSync(path.join(DIST, "exceljs.js"), "utf8")).toContain("sharedStrings");
  for (const initial of ["functions.js", "taskpane.js"]) expect(fs.readFileSync(path.join(DIST, initial), "utf8")).not.toContain("sharedStrings");
});

it("loads the shell only at start: no panel, grid, workbook adapter, Fluent Button or Fluent's whole tokens object in functions.js and taskpane.js", () => {
  const initial = ["functions.js", "taskpane.js"].map((f) => fs.readFileSync(path.join(DIST, f), "utf8")).join("\n");
  const absent = {
    "the Fungsi panel": "Isi contoh",
    "the Siapkan Lembar panel": "Muat dari buku kerja",
    "the Impor SIPD panel": "Tempel LRA SIPD di sini",
    "the Periksa panel": "Penjelasan aturan",
    "the Laporan panel": "Buat lembar Laporan",
    "the session grid": "Buku kerja sesi ini",
    "the open bar": "Buka dan ganti",
    "the memory adapter": "snapshotOps",
    "Fluent's Button": "fui-Button",
    "Fluent's MessageBar": "fui-MessageBar",
    "Fluent's tokens object": 'colorNeutralForeground1Hover:"var(--colorNeutralForeground1Hover)"',
  };
  expect(Object.entries(absent).filter(([, text]) => initial.includes(text)).map(([what]) => what)).toEqual([]);
  // and they are where the panels fetch them
  expect(fs.readFileSync(path.join(DIST, "periksa.js"), "utf8")).toContain("Penjelasan aturan");
  expect(fs.readFileSync(path.join(DIST, "fungsi.js"), "utf8")).toContain("Isi contoh");
  expect(fs.readFileSync(path.join(DIST, "laporan.js"), "utf8")).toContain("Buat lembar Laporan");
});

it("keeps the SIPD parser out of the scripts the page loads at start; the parse worker's script has it, without React or zod", () => {
  // code only the parser has (how it knows the footer's Surplus / Defisit line); its messages are the
  // catalogue's, which the functions' script holds too
  const parser = String.raw`/^surplus\s*\/\s*defisit$/i`;
  for (const initial of ["functions.js", "taskpane.js"]) expect(fs.readFileSync(path.join(DIST, initial), "utf8")).not.toContain(parser);
  const worker = fs.readFileSync(path.join(DIST, "parse-lra.js"), "utf8");
  expect(worker).toContain(parser);
  // React's production error text is in the shell (so the probe can find a library at all); neither it
  // nor zod's error class is in the worker
  expect(fs.readFileSync(path.join(DIST, "taskpane.js"), "utf8")).toContain("react.dev/errors");
  for (const library of ["react.dev/errors", "ZodError"]) expect(worker).not.toContain(library);
});

/**
 * office.js itself, about 3 s after loading in a plain browser, opens a hidden telemetry iframe at
 * Microsoft (no action of ours causes it; an empty page with only office.js does the same). Tests
 * that run longer than that would see it; it is office.js's request, not the task pane's.
 */
const OFFICE_JS_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com";

/** Every request went to our own server (data:/blob: URLs never leave the page). */
function external(requests: readonly string[]): string[] {
  return requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === "data:" || url.protocol === "blob:") return false;
    if (url.origin === OFFICE_JS_TELEMETRY) return false;
    return url.origin !== server.url;
  });
}

it("(a) works in a plain browser with the real office.js: no-Excel banner, CAPAIAN in the playground", async () => {
  const s = await open(false);
  try {
    const { page } = s;
    await page.getByText("Mode tanpa Excel").waitFor({ timeout: 15000 });
    await page.getByLabel("target", { exact: true }).fill("80");
    await page.getByLabel("realisasi", { exact: true }).fill("82,9");
    await expect(page.getByTestId("hasil").textContent()).resolves.toBe("1,0363 (103,63%)");
    expect(await page.getByTestId("rumus").textContent()).toBe("=SAKIP.CAPAIAN(80; 82,9)");
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "taskpane-no-excel.png"), fullPage: true });

    await page.getByLabel("target", { exact: true }).fill("0");
    await page.getByText("Target bernilai 0: capaian tidak dapat dihitung (pembagian dengan nol).").waitFor();
    expect(await page.getByTestId("hasil").textContent()).toBe("#DIV/0!");

    expect(s.requests.some((u) => u.endsWith("/assets/office-js/office.js"))).toBe(true);
    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
});

/** Our own scripts the page fetched, by file name (office.js excluded). */
function scripts(requests: readonly string[]): string[] {
  return requests.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".js") && !p.includes("/assets/")).map((p) => p.slice(p.lastIndexOf("/") + 1));
}

it("(a) no Excel: Siapkan Lembar fills the session workbook, shows its sheets and downloads it as .xlsx", async () => {
  const s = await open(false);
  try {
    const { page } = s;
    await page.getByRole("tab", { name: "Siapkan Lembar" }).click({ timeout: 15000 });
    await page.getByText("Buku kerja belum memiliki pengaturan; isi formulir di bawah.").waitFor();

    // nothing is written while the form is invalid
    await page.getByRole("button", { name: "Siapkan Lembar" }).click();
    await page.getByText("Unit kerja wajib diisi, misalnya Kecamatan Lumajang.").waitFor();
    await page.getByText("3 isian perlu diperbaiki; belum ada yang ditulis.").waitFor();

    await page.getByLabel("Unit kerja").fill("Kecamatan Lumajang");
    await page.getByLabel("Tahun anggaran").fill("2024");
    await page.getByLabel("Periode").selectOption("TW II");
    await page.getByRole("button", { name: "Siapkan Lembar" }).click();
    const summary = page.getByRole("list", { name: "Ringkasan perubahan" });
    await summary.waitFor();
    expect(await summary.getByRole("listitem").allTextContents()).toEqual(STANDARD_SHEETS.map((n) => `${n}: lembar dibuat.`));

    const sheetTabs = page.getByRole("tablist", { name: "Lembar kerja" });
    expect(await sheetTabs.getByRole("tab").count()).toBe(6);
    for (const name of STANDARD_SHEETS) await sheetTabs.getByRole("tab", { name, exact: true }).waitFor();
    await sheetTabs.getByRole("tab", { name: "Capaian", exact: true }).click();
    const grid = page.getByRole("table", { name: "Lembar Capaian" });
    await grid.getByText("Capaian Kinerja", { exact: true }).waitFor();
    // computed cells show their values (blank while PK is empty), their formulas only in the formula line
    expect(await grid.locator("td[data-formula]").count()).toBeGreaterThan(100);
    expect(await grid.locator("td").evaluateAll((tds) => tds.filter((td) => td.textContent!.startsWith("=")).length)).toBe(0);
    await grid.getByText("Kecamatan Lumajang — Tahun Anggaran 2024 — TW II", { exact: true }).waitFor();
    await grid.locator('td[data-formula][data-row="6"]').first().click();
    expect(await page.getByRole("group", { name: "Baris rumus" }).getByLabel("Isi sel").textContent()).toMatch(/^=IF\(/);

    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "siapkan-lembar.png"), fullPage: true });

    // the panel is its own chunk; ExcelJS is fetched only for the download
    expect(scripts(s.requests)).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "siapkan.js"]));
    expect(scripts(s.requests)).not.toContain("exceljs.js");
    expect(scripts(s.requests)).not.toContain("xlsx-export.js");
    const before = scripts(s.requests);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("SAKIP-Kecamatan_Lumajang-2024-TW_II.xlsx");
    await page.getByText("Diunduh:").waitFor();
    // ExcelJS and the export's code come with the download; the export's code shares a numbered chunk
    // with the Laporan panel's report export (both use its file names), so it is not counted by name
    const fetched = scripts(s.requests).filter((f) => !before.includes(f));
    expect(fetched).toContain("exceljs.js");
    expect(fetched.length).toBeGreaterThan(1);
    expect(scripts(s.requests)).not.toContain("office-workbook.js");

    const file = path.join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(STANDARD_SHEETS);
    const capaian = wb.getWorksheet("Capaian")!;
    expect(capaian.getCell("A1").value).toBe("Capaian Kinerja");
    expect(capaian.getCell("A7").value).toBe("IK-001");
    expect(capaian.getRow(4).values).toEqual(expect.arrayContaining(["ID", "Sasaran", "Target", "Realisasi kumulatif s/d triwulan", "Capaian", "Predikat"]));
    expect(capaian.getRow(5).values).toEqual(expect.arrayContaining(["TW I", "TW II", "TW III", "TW IV"]));
    expect(capaian.getCell("O7").formula).toMatch(/^IF\(/);
    expect(capaian.getCell("O7").numFmt).toBe("0.00%");
    expect(wb.getWorksheet("Pengaturan")!.getCell("B8").value).toBe(2024);
    expect(wb.definedNames.getRanges("SAKIP_TAHUN").ranges).toEqual(["Pengaturan!$B$8"]);

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: path.join(OUT, "siapkan-lembar-desktop.png"), fullPage: true });

    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
});

it("(a) no Excel: Impor SIPD reads a pasted LRA, previews it, imports it into the session workbook and downloads it", async () => {
  const s = await open(false);
  try {
    const { page } = s;
    await page.getByRole("tab", { name: "Impor SIPD" }).click({ timeout: 15000 });
    await page.getByLabel("Tempel LRA SIPD di sini").fill(LRA_TSV);
    await page.getByText(/314 baris, 37,0 KB$/).waitFor();
    // the panel is its own chunk; the parser another, fetched on the first reading
    expect(scripts(s.requests)).toContain("impor.js");
    expect(scripts(s.requests)).not.toContain("impor-sipd.js");
    await page.getByRole("button", { name: "Baca", exact: true }).click();

    const preview = page.getByRole("region", { name: "Pratinjau LRA" });
    await preview.waitFor();
    expect(scripts(s.requests)).toContain("impor-sipd.js");
    // the parse ran in the worker, whose script is parse-lra.js
    expect(await preview.getAttribute("data-parsed-in")).toBe("worker");
    expect(page.workers().map((w) => new URL(w.url()).pathname.split("/").pop())).toEqual(["parse-lra.js"]);
    for (const text of ["KECAMATAN LUMAJANG", "7.01.0.00.0.00.01.0000", "Juni 2024", "s/d TW II (Juni)", "7.229.814.333", "3.844.101.645", "53,17%"]) {
      await preview.getByText(text, { exact: true }).waitFor();
    }
    expect(await preview.getByRole("list", { name: "Jumlah per tingkat" }).getByRole("listitem").allTextContents()).toEqual(["6 program", "13 kegiatan", "29 sub kegiatan", "202 baris akun"]);
    await preview.getByRole("button", { name: /^Peringatan \(\d+\)$/ }).click();
    await preview.getByRole("list", { name: "Peringatan" }).getByText(/^Baris 33/).waitFor();
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "impor-sipd-pratinjau.png"), fullPage: true });

    await page.getByRole("button", { name: "Impor", exact: true }).click();
    const result = page.getByRole("list", { name: "Hasil impor" });
    await result.waitFor();
    expect(await result.getByRole("listitem").allTextContents()).toEqual([
      "Lembar standar disiapkan lebih dulu (buku kerja belum memilikinya).",
      'Realisasi Anggaran: 6 program, 13 kegiatan, 29 sub kegiatan dari LRA Juni 2024 → kolom "s/d TW II (Juni)".',
      "Realisasi Anggaran: 0 baris diperbarui, 48 baris baru.",
      "Rincian SIPD: 241 baris kode rekening (untuk penelusuran).",
      expect.stringMatching(/^Temuan pada LRA: 0 galat, \d+ peringatan, \d+ info\.$/),
    ]);

    // the session grid shows the sheets the import wrote, opened on Realisasi Anggaran
    const sheetTabs = page.getByRole("tablist", { name: "Lembar kerja" });
    await sheetTabs.getByRole("tab", { name: "Rincian SIPD", exact: true }).waitFor();
    expect(await sheetTabs.getByRole("tab", { name: "Realisasi Anggaran", exact: true }).getAttribute("aria-selected")).toBe("true");
    const grid = page.getByRole("table", { name: "Lembar Realisasi Anggaran" });
    await grid.getByText("7.01.01.2.01.0001", { exact: true }).waitFor();
    await page.screenshot({ path: path.join(OUT, "impor-sipd.png"), fullPage: true });
    // nothing may stick out of a 420 px task pane but the grid, which scrolls in its own box
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("SAKIP-Kecamatan_Lumajang-2024-TW_II.xlsx");
    const file = path.join(OUT, `impor-${download.suggestedFilename()}`);
    await download.saveAs(file);
    expect(scripts(s.requests)).toContain("exceljs.js");
    expect(scripts(s.requests)).not.toContain("office-workbook.js");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([...STANDARD_SHEETS, "Rincian SIPD"]);
    const ra = wb.getWorksheet("Realisasi Anggaran")!;
    // the table starts at row 7: Level, Kode, Uraian, Sebelum, Setelah, s/d Bulan, Bulan, TW I–IV (H–K), …
    const budget: { kode: string; tw2: unknown }[] = [];
    for (let r = 7; r <= ra.rowCount; r++) {
      const kode = ra.getCell(r, 2).value;
      if (typeof kode === "string" && kode !== "") budget.push({ kode, tw2: ra.getCell(r, 9).value });
    }
    expect(budget).toHaveLength(48);
    expect(ra.getCell("B7").value).toBe("7.01.01");
    expect(ra.getCell("B7").numFmt).toBe("@");
    expect(ra.getCell("A7").value).toBe("Program");
    expect(ra.getCell("G7").value).toBe("Juni 2024");
    // TW II filled on every row (program 01: Rp 3.794.485.645 over both kelompok), TW I empty
    expect(ra.getCell("I7").value).toBe(3794485645);
    expect(budget.every((b) => typeof b.tw2 === "number")).toBe(true);
    expect(ra.getCell("H7").value).toBeNull();
    const detail = wb.getWorksheet("Rincian SIPD")!;
    expect(detail.getCell("B4").value).toBe("7 01 7 01 00 00 00 5");
    expect(detail.getCell("A244").value).toBeGreaterThan(300);

    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: path.join(OUT, "impor-sipd-desktop.png"), fullPage: true });

    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
});

/** Fills the session workbook as a user would: Siapkan Lembar (TW II 2024), then Impor SIPD of the June 2024 LRA. */
async function buildSessionWorkbook(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Siapkan Lembar" }).click({ timeout: 15000 });
  await page.getByLabel("Unit kerja").fill("Kecamatan Lumajang");
  await page.getByLabel("Tahun anggaran").fill("2024");
  await page.getByLabel("Periode").selectOption("TW II");
  await page.getByRole("button", { name: "Siapkan Lembar" }).click();
  await page.getByRole("list", { name: "Ringkasan perubahan" }).waitFor();
  await page.getByRole("tab", { name: "Impor SIPD" }).click();
  await page.getByLabel("Tempel LRA SIPD di sini").fill(LRA_TSV);
  await page.getByRole("button", { name: "Baca", exact: true }).click();
  await page.getByRole("region", { name: "Pratinjau LRA" }).waitFor();
  await page.getByRole("button", { name: "Impor", exact: true }).click();
  await page.getByRole("list", { name: "Hasil impor" }).waitFor();
}

/** Whether an element's box lies inside another's (the marked cell inside the grid's scroll box). */
function inside(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

it("(a) no Excel: Periksa finds a penyerapan typed over its formula, shows the cell in the grid, restores the formula; Periksa lagi is clean", async () => {
  const s = await open(false);
  try {
    const { page } = s;
    await page.setViewportSize({ width: 380, height: 800 });
    await buildSessionWorkbook(page);
    // 50% typed over the % of program 7.01.01 (Realisasi Anggaran M7, 53,53% by its formula); the grid allows
    // no typing over a computed cell, so this goes through the session workbook as a pasted value would
    await page.evaluate(() =>
      window.__sakipSession!.apply([{ type: "write", sheet: "Realisasi Anggaran", row: 6, col: 12, cells: [[0.5]] }]),
    );

    expect(scripts(s.requests)).not.toContain("periksa.js");
    await page.getByRole("tab", { name: "Periksa" }).click();
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    expect(scripts(s.requests)).toContain("periksa.js");
    const status = page.getByText(/^Diperiksa pukul \d\d\.\d\d: /);
    await status.waitFor({ timeout: 15000 });
    expect(await status.textContent()).toMatch(/: 1 galat, 1 peringatan, 13 info\.$/);

    const galat = page.getByRole("list", { name: "Galat di Realisasi Anggaran" });
    const finding = galat.getByRole("button", { name: /^M7 R-PEN-01/ });
    expect(await finding.textContent()).toBe(
      "M7 R-PEN-01 — Penyerapan tertulis 50%, sedangkan realisasi ÷ pagu = 53,53% (Rp 3.794.485.645 ÷ Rp 7.089.003.733).",
    );
    await finding.click();

    // the session grid opens Realisasi Anggaran, scrolled to M7, marked
    const panel = page.getByRole("tabpanel", { name: "Periksa" });
    const sheetTabs = panel.getByRole("tablist", { name: "Lembar kerja" });
    // the grid opens the sheet after the click, not within it: waited for (a loaded machine is slower)
    await sheetTabs.getByRole("tab", { name: "Realisasi Anggaran", exact: true, selected: true }).waitFor({ timeout: 15000 });
    const marked = panel.locator('td[data-selected="true"]');
    await marked.waitFor();
    expect([await marked.getAttribute("data-row"), await marked.getAttribute("data-col")]).toEqual(["6", "12"]);
    expect(await marked.textContent()).toBe("50,00%");
    const formulaLine = panel.getByRole("group", { name: "Baris rumus" });
    expect(await formulaLine.getByLabel("Sel terpilih").textContent()).toBe("M7");
    // wait for the smooth end of scrolling, then the cell is in the grid's box and on the screen
    await page.waitForTimeout(300);
    const cellBox = (await marked.boundingBox())!;
    const gridBox = (await panel.getByRole("region", { name: "Isi lembar Realisasi Anggaran" }).boundingBox())!;
    expect(inside(cellBox, gridBox)).toBe(true);
    expect(cellBox.y).toBeGreaterThanOrEqual(0);
    expect(cellBox.y + cellBox.height).toBeLessThanOrEqual(800);
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "periksa-380.png") });
    await page.screenshot({ path: path.join(OUT, "periksa-380-full.png"), fullPage: true });

    await page.setViewportSize({ width: 1280, height: 900 });
    await finding.click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, "periksa-1280.png") });

    // the fix is on the peringatan: the constant over the formula
    const warning = page.getByRole("list", { name: "Peringatan di Realisasi Anggaran" }).getByRole("listitem").first();
    expect(await warning.textContent()).toContain("M7 R-XL-01 — Rumus kolom ini ditimpa nilai ketikan 50% (rumusnya memberi 53,53%)");
    await warning.getByRole("button", { name: "Pulihkan rumus" }).click();
    await warning.getByText("Diperbaiki: pulihkan rumus.").waitFor();
    await warning.getByRole("button", { name: "Batalkan" }).waitFor();

    await page.getByRole("button", { name: "Periksa lagi" }).click();
    await page.getByText(/: 0 galat, 0 peringatan, 13 info\.$/).waitFor({ timeout: 15000 });
    expect(await page.getByRole("list", { name: "Galat di Realisasi Anggaran" }).count()).toBe(0);
    await page.screenshot({ path: path.join(OUT, "periksa-1280-sesudah.png"), fullPage: true });

    expect(scripts(s.requests)).not.toContain("office-workbook.js");
    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
});

it("(a) no Excel: scaffold, import SIPD, download, fill in LibreOffice, open the filled workbook, Periksa, Laporan — the summary, Buat lembar Laporan into the session grid, the .docx and .xlsx downloaded with the report's numbers", async () => {
  const s = await open(false);
  try {
    const { page } = s;
    await page.setViewportSize({ width: 380, height: 800 });
    await buildSessionWorkbook(page);
    // the user takes the workbook home: downloads it, fills the Kasubbag Keuangan's PK rows and TW II realisasi
    // in LibreOffice (here: those inputs written into the file, then saved by soffice), and opens it again
    const [home] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh .xlsx" }).click()]);
    fs.mkdirSync(OUT, { recursive: true });
    const homeFile = path.join(OUT, "laporan-siap-diisi.xlsx");
    await home.saveAs(homeFile);
    const filled = await XlsxWorkbook.fromBuffer(fs.readFileSync(homeFile));
    await filled.apply(inputOps2024());
    const filledFile = path.join(OUT, "LKj Kecamatan Lumajang 2024 terisi.xlsx");
    fs.writeFileSync(filledFile, await convert(await filled.toBuffer(), "xlsx"));
    const bar = page.getByRole("region", { name: "Buka buku kerja" });
    // just downloaded: nothing to lose, so no question before opening
    await bar.getByLabel("Berkas .xlsx").setInputFiles(filledFile);
    const opened = bar.getByRole("status").filter({ hasText: "Dibuka:" });
    await opened.waitFor({ timeout: 30000 });
    expect(await opened.textContent()).toMatch(/^Dibuka: LKj Kecamatan Lumajang 2024 terisi\.xlsx \(\d+ lembar\)\./);

    await page.getByRole("tab", { name: "Periksa" }).click();
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    const status = page.getByText(/^Diperiksa pukul \d\d\.\d\d: /);
    await status.waitFor({ timeout: 15000 });
    expect(await status.textContent()).toMatch(/: 0 galat, 0 peringatan, \d+ info\.$/);

    expect(scripts(s.requests)).not.toContain("laporan.js");
    await page.getByRole("tab", { name: "Laporan" }).click();
    const panel = page.getByRole("tabpanel", { name: "Laporan" });
    // the periode of Pengaturan, read when the panel opens
    const periode = panel.getByLabel("Periode");
    for (let i = 0; i < 50 && (await periode.inputValue()) !== "TW II"; i++) await page.waitForTimeout(100);
    expect(await periode.inputValue()).toBe("TW II");
    await panel.getByRole("button", { name: "Siapkan laporan" }).click();
    expect(scripts(s.requests)).toContain("laporan.js");
    await panel.getByText(/^Disiapkan pukul \d\d\.\d\d: 1 laporan, periode TW II\.$/).waitFor({ timeout: 15000 });
    const summary = panel.getByRole("list", { name: "Ringkasan laporan" }).getByRole("listitem");
    expect(await summary.count()).toBe(1);
    const line = await summary.first().textContent();
    expect(line).toContain("Kasubbag Keuangan");
    expect(line).toContain("9 indikator · 3 dari 9 indikator mencapai ≥ 100% · rata-rata capaian 63,11%");
    expect(line).toContain("Lembar “Lap Kasubbag Keuangan TWII”: lembar baru");
    await page.screenshot({ path: path.join(OUT, "laporan-380.png"), fullPage: true });
    expect(await overlappingControls(page)).toEqual([]);

    await panel.getByRole("button", { name: "Buat lembar Laporan" }).click();
    const written = panel.getByRole("list", { name: "Lembar Laporan yang dibuat" });
    await written.waitFor({ timeout: 15000 });
    expect(await written.textContent()).toBe("Lap Kasubbag Keuangan TWII: lembar ditulis.");
    // the session grid reloads and opens the new sheet
    const sheetTabs = panel.getByRole("tablist", { name: "Lembar kerja" });
    // the grid opens the sheet after the click, not within it: waited for (a loaded machine is slower)
    await sheetTabs.getByRole("tab", { name: "Lap Kasubbag Keuangan TWII", exact: true, selected: true }).waitFor({ timeout: 15000 });
    await panel.getByRole("table", { name: "Lembar Lap Kasubbag Keuangan TWII" }).getByText(/^Dibuat otomatis oleh SAKIP Workbook/).waitFor();
    await page.screenshot({ path: path.join(OUT, "laporan-380-lembar.png"), fullPage: true });

    const [docx] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Unduh laporan .docx" }).click()]);
    expect(docx.suggestedFilename()).toBe("LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II.docx");
    const docxFile = path.join(OUT, docx.suggestedFilename());
    await docx.saveAs(docxFile);
    await panel.getByText(/^Diunduh: LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II\.docx/).waitFor();
    expect(fs.statSync(docxFile).size).toBeGreaterThan(0);
    const documentXml = await (await JSZip.loadAsync(fs.readFileSync(docxFile))).file("word/document.xml")!.async("string");
    // the Kasubbag Keuangan's realised budget to June 2024 and the ringkasan's mean capaian
    expect(documentXml).toContain("3.794.485.645");
    expect(documentXml).toContain("63,11%");
    // the charts were drawn by the browser's canvas into the .docx
    expect(Object.keys((await JSZip.loadAsync(fs.readFileSync(docxFile))).files).filter((f) => f.startsWith("word/media/") && f.endsWith(".png")).length).toBeGreaterThan(0);

    const [xlsx] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Unduh laporan .xlsx" }).click()]);
    expect(xlsx.suggestedFilename()).toBe("LKj-Kecamatan_Lumajang-Kasubbag_Keuangan-2024-TW_II.xlsx");
    const xlsxFile = path.join(OUT, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxFile);
    expect(fs.statSync(xlsxFile).size).toBeGreaterThan(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxFile);
    const values: unknown[] = [];
    for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(3794485645);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(OUT, "laporan-1280.png"), fullPage: true });
    expect(await overlappingControls(page)).toEqual([]);

    expect(scripts(s.requests)).not.toContain("office-workbook.js");
    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
}, 150_000);

it("(a) no Excel: a target and a realisasi corrected in the grid; capaian and predikat follow; a refused entry says why", async () => {
  const s = await open(false);
  try {
    const { page } = s;
    await page.setViewportSize({ width: 380, height: 800 });
    await page.getByRole("tab", { name: "Siapkan Lembar" }).click({ timeout: 15000 });
    await page.getByLabel("Unit kerja").fill("Kecamatan Lumajang");
    await page.getByLabel("Tahun anggaran").fill("2024");
    await page.getByLabel("Periode").selectOption("TW II");
    await page.getByRole("button", { name: "Siapkan Lembar" }).click();
    await page.getByRole("list", { name: "Ringkasan perubahan" }).waitFor();

    const panel = page.getByRole("tabpanel", { name: "Siapkan Lembar" });
    const sheetTabs = panel.getByRole("tablist", { name: "Lembar kerja" });
    const cell = (row: number, col: number) => panel.locator(`td[data-row="${row}"][data-col="${col}"]`);
    // IK-001 (row 7): target awal 100 in Perjanjian Kinerja (K7), realisasi TW II 82,9 in Capaian (K7)
    await sheetTabs.getByRole("tab", { name: "Perjanjian Kinerja", exact: true }).click();
    await cell(6, 10).dblclick();
    await panel.getByLabel("Ubah sel K7").fill("100");
    await panel.getByLabel("Ubah sel K7").press("Enter");
    // the target in force (M7, computed) follows
    await panel.locator('td[data-row="6"][data-col="12"]', { hasText: "100" }).waitFor();

    await sheetTabs.getByRole("tab", { name: "Capaian", exact: true }).click();
    await cell(6, 10).click();
    await page.keyboard.type("1.5");
    await page.keyboard.press("Enter");
    await panel.getByRole("alert").filter({ hasText: 'K7: "1.5" tidak ditulis seperti angka Indonesia' }).waitFor();
    await page.keyboard.press("Escape");
    await cell(6, 10).dblclick();
    await panel.getByLabel("Ubah sel K7").fill("82,9");
    await panel.getByLabel("Ubah sel K7").press("Enter");
    await panel.locator('td[data-row="6"][data-col="14"]', { hasText: "82,90%" }).waitFor();
    expect(await cell(6, 15).textContent()).toBe("Tinggi");
    expect(await cell(6, 8).textContent()).toBe("100");
    // Enter moved down to K8; Tab saves and moves right with the keyboard kept (Fluent's Tabster used to
    // take the focus out of the grid, and the next typing went nowhere)
    expect(await cell(7, 10).getAttribute("data-selected")).toBe("true");
    await page.keyboard.type("7");
    await page.keyboard.press("Tab");
    await cell(7, 11).and(panel.locator('[data-selected="true"]')).waitFor({ timeout: 5000 });
    await page.keyboard.type("8");
    await panel.getByLabel("Ubah sel L8").waitFor({ timeout: 5000 });
    await page.keyboard.press("Escape");
    expect(await cell(7, 10).textContent()).toBe("7");
    await cell(6, 14).click();
    expect(await panel.getByRole("group", { name: "Baris rumus" }).getByLabel("Isi sel").textContent()).toMatch(/^=IF\(/);
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "lembar-sunting-380.png") });

    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
});

it("(a) no Excel: opens a workbook saved by LibreOffice, shows every computed column, a realisasi edited changes capaian and predikat, and the download reopens in LibreOffice with the edit and nothing lost", async () => {
  // the user's workbook: a chart, a picture, comments, a table and a pivot table beside the standard sheets,
  // filled (Kasubbag Keuangan, TW II 2024) and saved by LibreOffice (soffice --convert-to xlsx)
  const user = await userXlsx();
  const filled = await correctWorkbook2024(await XlsxWorkbook.fromBuffer(user.bytes));
  const dir = path.join(OUT, "buka-xlsx");
  fs.mkdirSync(dir, { recursive: true });
  const source = path.join(dir, "LKjIP Kecamatan Lumajang 2024.xlsx");
  fs.writeFileSync(source, await convert(await filled.toBuffer(), "xlsx"));
  const sheetsOfFile = ["Data Grafik", "Catatan", "Pivot", ...STANDARD_SHEETS, "Rincian SIPD"];

  const s = await open(false);
  try {
    const { page } = s;
    await page.setViewportSize({ width: 380, height: 800 });
    await page.getByText("Mode tanpa Excel").first().waitFor({ timeout: 15000 });
    const bar = page.getByRole("region", { name: "Buka buku kerja" });
    // its own chunk, fetched at once without Excel
    await bar.getByRole("button", { name: "Buka .xlsx…" }).waitFor();
    expect(scripts(s.requests)).toContain("open-bar.js");
    expect(scripts(s.requests)).not.toContain("xlsx-open.js");
    // work in the session not yet downloaded: opening a file asks first
    await page.evaluate(() => window.__sakipSession!.apply([{ type: "addSheet", sheet: "Coretan" }]));

    // a text file dropped onto the pane: asked, then refused with its name and why; the session stays
    const dropped = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(["Kode\tUraian\n7.01\tBelanja"], "lra-juni.txt", { type: "text/plain" }));
      return dt;
    });
    await page.dispatchEvent("#container", "drop", { dataTransfer: dropped });
    const confirm = bar.getByRole("alert").filter({ hasText: "Perubahan pada buku kerja sesi belum diunduh." });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("Membuka lra-juni.txt akan menggantinya, dan perubahan itu hilang.");
    await bar.getByRole("button", { name: "Buka dan ganti" }).click();
    await bar.getByRole("alert").filter({ hasText: /^lra-juni\.txt bukan buku kerja \.xlsx\./ }).waitFor();
    expect(scripts(s.requests)).toEqual(expect.arrayContaining(["xlsx-open.js", "exceljs.js"]));

    // the LibreOffice file through "Buka .xlsx…": asked again (the session still has its work), cancelled, then opened
    await bar.getByLabel("Berkas .xlsx").setInputFiles(source);
    await confirm.waitFor();
    await bar.getByRole("button", { name: "Batal" }).click();
    await confirm.waitFor({ state: "detached" });
    await bar.getByLabel("Berkas .xlsx").setInputFiles(source);
    await bar.getByRole("button", { name: "Buka dan ganti" }).click();
    const done = bar.getByRole("status").filter({ hasText: "Dibuka:" });
    await done.waitFor({ timeout: 30000 });
    expect(await done.textContent()).toMatch(/^Dibuka: LKjIP Kecamatan Lumajang 2024\.xlsx \(10 lembar\)\./);

    // every panel works on it: Siapkan Lembar reads its Pengaturan, the grid shows its sheets
    await page.getByRole("tab", { name: "Siapkan Lembar" }).click();
    const panel = page.getByRole("tabpanel", { name: "Siapkan Lembar" });
    await panel.getByText("Formulir diisi dari lembar Pengaturan.").waitFor();
    expect(await panel.getByLabel("Unit kerja").inputValue()).toBe("Kecamatan Lumajang");
    const sheetTabs = panel.getByRole("tablist", { name: "Lembar kerja" });
    await sheetTabs.getByRole("tab", { name: "Capaian", exact: true }).click();
    expect(await sheetTabs.getByRole("tab").count()).toBe(sheetsOfFile.length);
    for (const name of sheetsOfFile) await sheetTabs.getByRole("tab", { name, exact: true }).waitFor();
    const cell = (row: number, col: number) => panel.locator(`td[data-row="${row}"][data-col="${col}"]`);
    const F = TABLE_ROWS.firstData;
    const [target, realisasi, capaian, predikat, tw2] = (["target", "realisasi", "capaian", "predikat", "tw2"] as const).map((k) => colIndex(CAPAIAN, k)) as [number, number, number, number, number];
    // a number in every computed column of every indicator row
    const rows = rows2024();
    for (let r = F; r < F + rows.length; r++) for (const c of [target, realisasi, capaian]) expect({ r, c, kind: await cell(r, c).getAttribute("data-kind") }).toEqual({ r, c, kind: "number" });
    const predikatBefore = await cell(F, predikat).textContent();
    const capaianBefore = await cell(F, capaian).textContent();
    expect(predikatBefore).not.toBe("");
    await page.screenshot({ path: path.join(OUT, "buka-xlsx-380.png"), fullPage: true });

    // one realisasi corrected: 40% of the target, so capaian 40,00% and predikat Sangat Rendah
    const newRealisasi = rows[0]!.target * 0.4;
    const typed = String(newRealisasi).replace(".", ",");
    await cell(F, tw2).dblclick();
    await panel.getByLabel(`Ubah sel ${String.fromCharCode(65 + tw2)}${F + 1}`).fill(typed);
    await panel.getByLabel(`Ubah sel ${String.fromCharCode(65 + tw2)}${F + 1}`).press("Enter");
    await cell(F, capaian).filter({ hasText: "40,00%" }).waitFor();
    expect(capaianBefore).not.toBe("40,00%");
    expect(await cell(F, predikat).textContent()).toBe("Sangat Rendah");
    expect(predikatBefore).not.toBe("Sangat Rendah");
    await page.screenshot({ path: path.join(OUT, "buka-xlsx-380-sunting.png") });

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(OUT, "buka-xlsx-1280.png"), fullPage: true });

    // "Unduh .xlsx" names the file after the opened one
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Unduh .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("LKjIP Kecamatan Lumajang 2024.xlsx");
    const file = path.join(dir, "unduhan.xlsx");
    await download.saveAs(file);
    const bytes = new Uint8Array(fs.readFileSync(file));

    // LibreOffice reopens it: the edit, what it computes from it, every sheet, and the chart, picture, comment and pivot table
    const back = await recalculate(bytes);
    expect(Object.keys(back.sheets)).toEqual(sheetsOfFile);
    const capaianSheet = back.sheets[CAPAIAN.sheet]!;
    expect(capaianSheet[F]![tw2]).toBe(newRealisasi);
    expect(capaianSheet[F]![capaian]).toBeCloseTo(0.4, 10);
    expect(capaianSheet[F]![predikat]).toBe("Sangat Rendah");
    for (let r = F + 1; r < F + rows.length; r++) expect(capaianSheet[r]![tw2]).toBe(rows[r - F]!.realisasiTw2);
    expect(back.sheets["Data Grafik"]![1]).toEqual(["Jan", 10]);
    const lo = await readPackage(await convert(bytes, "xlsx"));
    const parts = [...lo.parts.keys()];
    const chart = parts.find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chart).toBeDefined();
    expect(lo.text(chart!)).toContain("Data Grafik&apos;!$B$2:$B$5");
    expect(parts.filter((p) => /^xl\/comments\d*\.xml$/.test(p)).map((p) => lo.text(p)).join()).toContain(COMMENT_TEXT);
    expect(parts.some((p) => p.startsWith("xl/pivotTables/"))).toBe(true);
    expect(parts.some((p) => p.startsWith("xl/media/"))).toBe(true);
    expect((await back.converted.names()).map((n) => n.name)).toEqual(expect.arrayContaining(["SAKIP_TAHUN"]));

    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
}, 180_000);

/**
 * Visible controls (buttons, fields, tabs, labels) whose boxes overlap, as "A × B w×h": neither inside
 * the other in the page, more than half a pixel of both width and height in common.
 */
function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = 'button, input, select, textarea, [role="tab"], label, a[href], [role="button"], [role="checkbox"]';
    const visible = [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
    });
    const name = (e: HTMLElement) => `${e.tagName.toLowerCase()}[${(e.getAttribute("aria-label") ?? e.textContent ?? "").trim().slice(0, 40)}]`;
    const out: string[] = [];
    for (let i = 0; i < visible.length; i++) {
      for (let j = i + 1; j < visible.length; j++) {
        const a = visible[i]!;
        const b = visible[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 0.5 && h > 0.5) out.push(`${name(a)} × ${name(b)} ${w.toFixed(1)}×${h.toFixed(1)}`);
      }
    }
    return out;
  });
}

/** Words of the grid's wrapped header cells that the browser broke across two lines. */
function brokenHeaderWords(page: Page, table: string): Promise<string[]> {
  return page.evaluate((label) => {
    const broken: string[] = [];
    const tds = document.querySelectorAll<HTMLElement>(`table[aria-label="${label}"] td`);
    for (const td of tds) {
      if (getComputedStyle(td).whiteSpace !== "normal") continue;
      const text = td.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const content = text.textContent ?? "";
      for (const m of content.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, m.index!);
        range.setEnd(text, m.index! + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
    return broken;
  }, table);
}

it("(a) no Excel at 380 px: no two visible controls overlap in any panel; the grid keeps column A in sight, wraps headers between words and starts a sheet at its top-left corner", async () => {
  const s = await open(false);
  try {
    const { page } = s;
    await page.setViewportSize({ width: 380, height: 800 });
    await page.getByTestId("hasil").waitFor({ timeout: 15000 });
    fs.mkdirSync(OUT, { recursive: true });
    const seen: Record<string, string[]> = {};
    const check = async (name: string) => {
      seen[name] = await overlappingControls(page);
      await page.screenshot({ path: path.join(OUT, `layout-380-${name}.png`), fullPage: true });
    };
    await check("fungsi");
    await page.getByRole("tab", { name: "Siapkan Lembar" }).click();
    await page.getByText("Buku kerja belum memiliki pengaturan; isi formulir di bawah.").waitFor();
    // the form as a new user first sees it, then with every problem shown under its field
    await check("siapkan");
    await page.getByRole("button", { name: "Siapkan Lembar" }).click();
    await page.getByText("3 isian perlu diperbaiki; belum ada yang ditulis.").waitFor();
    await check("siapkan-galat");
    const tahun = (await page.getByLabel("Tahun anggaran").boundingBox())!;
    const periode = (await page.getByLabel("Periode").boundingBox())!;
    expect(tahun.x + tahun.width).toBeLessThanOrEqual(periode.x);

    await buildSessionWorkbook(page);
    await check("impor");
    await page.getByRole("tab", { name: "Periksa" }).click();
    await page.getByRole("button", { name: "Periksa", exact: true }).click();
    await page.getByText(/^Diperiksa pukul/).waitFor({ timeout: 15000 });
    // the 13 notes of the LRA are info only, so their list is open
    await page.getByRole("list", { name: "Info di Rincian SIPD" }).waitFor();
    await check("periksa");
    expect(seen).toEqual({ fungsi: [], siapkan: [], "siapkan-galat": [], impor: [], periksa: [] });

    // the grid of Impor SIPD, on Realisasi Anggaran: scrolled right and down, column A is still there
    await page.getByRole("tab", { name: "Impor SIPD" }).click();
    const panel = page.getByRole("tabpanel", { name: "Impor SIPD" });
    const scroller = panel.getByRole("region", { name: "Isi lembar Realisasi Anggaran" });
    await scroller.evaluate((el) => el.scrollTo(600, 200));
    await page.waitForTimeout(100);
    const box = (await scroller.boundingBox())!;
    const a10 = (await panel.locator('td[data-row="9"][data-col="0"]').boundingBox())!;
    expect(Math.abs(a10.x - (box.x + 1 + 40))).toBeLessThanOrEqual(2);
    expect(await panel.locator('td[data-row="9"][data-col="0"]').textContent()).toBe("Sub Kegiatan");
    await scroller.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, "layout-380-lembar-digulir.png") });
    expect(await brokenHeaderWords(page, "Lembar Realisasi Anggaran")).toEqual([]);

    // another sheet starts at its top-left corner
    await panel.getByRole("tablist", { name: "Lembar kerja" }).getByRole("tab", { name: "Capaian", exact: true }).click();
    const capaian = panel.getByRole("region", { name: "Isi lembar Capaian" });
    expect(await capaian.evaluate((el) => [el.scrollLeft, el.scrollTop])).toEqual([0, 0]);
    expect(await brokenHeaderWords(page, "Lembar Capaian")).toEqual([]);
    await panel.getByRole("tablist", { name: "Lembar kerja" }).getByRole("tab", { name: "Perjanjian Kinerja", exact: true }).click();
    expect(await brokenHeaderWords(page, "Lembar Perjanjian Kinerja")).toEqual([]);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.setViewportSize({ width: 1280, height: 900 });
    for (const tab of ["Fungsi", "Siapkan Lembar", "Impor SIPD", "Periksa", "Laporan"]) {
      await page.getByRole("tab", { name: tab }).click();
      await page.screenshot({ path: path.join(OUT, `layout-1280-${tab.toLowerCase().replace(/ /g, "-")}.png`), fullPage: true });
    }
    expect(await overlappingControls(page)).toEqual([]);

    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
}, 60_000);

it("(b) in Excel's shared runtime (stub office.js) associates every function of functions.json, and CAPAIAN computes", async () => {
  const s = await open(true);
  try {
    const { page } = s;
    await page.getByRole("tab", { name: "Fungsi" }).waitFor({ timeout: 15000 });
    expect(await page.getByText("Mode tanpa Excel").count()).toBe(0);
    expect(await page.getByText("Excel", { exact: true }).count()).toBe(1);
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, "taskpane-excel-stub.png"), fullPage: true });

    const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
    const ids = await page.evaluate(() => (window as unknown as { __officeStub: { ids: string[] } }).__officeStub.ids);
    expect([...ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(ids).toHaveLength(7);

    const results = await page.evaluate(() => {
      const stub = (window as unknown as { __officeStub: { associated: Record<string, (...a: unknown[]) => unknown[][]> } }).__officeStub;
      const ok = stub.associated.CAPAIAN!([[80]], [[82.9]], null, null);
      const zero = stub.associated.CAPAIAN!([[0]], [[82.9]], null, null)[0]![0] as { code?: string };
      const isRuntimeError = zero instanceof (window as unknown as { CustomFunctions: { Error: new () => unknown } }).CustomFunctions.Error;
      return { ok, zeroCode: zero.code, isRuntimeError };
    });
    expect(results.ok).toHaveLength(1);
    expect(results.ok[0]).toHaveLength(1);
    expect(results.ok[0]![0]).toBeCloseTo(1.03625, 12);
    expect(results).toMatchObject({ zeroCode: "#DIV/0!", isRuntimeError: true });

    // Siapkan Lembar renders with the Office adapter, loaded only now; the stub has no Excel.run, so the
    // pre-fill fails and says so (the adapter itself is tested in test/workbook/office.test.ts)
    expect(scripts(s.requests)).not.toContain("office-workbook.js");
    await page.getByRole("tab", { name: "Siapkan Lembar" }).click();
    await page.getByLabel("Unit kerja").waitFor();
    await page.getByText("Pengaturan tidak dapat dibaca dari buku kerja").waitFor();
    expect(scripts(s.requests)).toContain("office-workbook.js");
    expect(await page.getByRole("button", { name: "Unduh .xlsx" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Siapkan Lembar" }).isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(OUT, "siapkan-lembar-excel-stub.png"), fullPage: true });

    // Impor SIPD in Excel: no session grid, and a host failure while reading the selection is shown
    await page.getByRole("tab", { name: "Impor SIPD" }).click();
    await page.getByRole("button", { name: "Baca dari sel terpilih" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Sel terpilih tidak dapat dibaca" });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Excel gagal membaca sel terpilih: .*Excel is not defined.*Buku kerja tidak diubah\./);
    expect(await page.getByRole("button", { name: "Unduh .xlsx" }).count()).toBe(0);

    // Laporan in Excel: no session grid; the periode cannot be read and the host failure is shown, not swallowed
    await page.getByRole("tab", { name: "Laporan" }).click();
    const laporan = page.getByRole("tabpanel", { name: "Laporan" });
    await laporan.getByText(/^Periode di Pengaturan tidak dapat dibaca \(.*\); pilih periodenya\.$/).waitFor();
    expect(await laporan.getByText("di buku kerja Excel ini", { exact: false }).count()).toBe(1);
    await laporan.getByRole("button", { name: "Siapkan laporan" }).click();
    const failed = laporan.getByRole("alert").filter({ hasText: "Laporan tidak dapat disiapkan" });
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/Excel is not defined.*Menyiapkan laporan tidak mengubah buku kerja\./);
    expect(await laporan.getByRole("button", { name: "Siapkan laporan" }).isEnabled()).toBe(true);
    expect(await laporan.getByRole("button", { name: "Buat lembar Laporan" }).count()).toBe(0);
    expect(await laporan.getByText("Buku kerja sesi ini").count()).toBe(0);
    await page.screenshot({ path: path.join(OUT, "laporan-excel-stub.png"), fullPage: true });

    expect(external(s.requests)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await s.context.close();
  }
});
