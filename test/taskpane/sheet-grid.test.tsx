/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CAPAIAN, PERJANJIAN_KINERJA, colIndex } from "../../src/core/layouts";
import { memoryPreview } from "../../src/taskpane/session-preview";
import { workbookChanges } from "../../src/taskpane/session";
import type { MemoryWorkbook } from "../../src/workbook/memory/memory-workbook";
import { correctWorkbook2024, F } from "../support/workbooks";

/** The session grid of a workbook, opened on a sheet, as a panel shows it. */
async function openGrid(memory: MemoryWorkbook, sheet: string) {
  render(<FluentProvider theme={webLightTheme}>{memoryPreview(() => Promise.resolve(memory), workbookChanges(), sheet)(0)}</FluentProvider>);
  await waitFor(() => expect(document.querySelector(`table[aria-label="Lembar ${sheet}"]`)).not.toBeNull(), { timeout: 10_000 });
}

/** A cell of the shown sheet (queries by role walk the whole grid, which is slow in jsdom). */
function td(row: number, col: number): HTMLElement {
  const el = document.querySelector<HTMLElement>(`td[data-row="${row}"][data-col="${col}"]`);
  if (!el) throw new Error(`no cell R${row + 1}C${col + 1}`);
  return el;
}
const editor = () => document.querySelector<HTMLInputElement>("td input");
const scroller = () => document.querySelector<HTMLElement>('[role="region"][aria-label^="Isi lembar"]')!;
const formulaLine = () => [document.querySelector('[aria-label="Sel terpilih"]')?.textContent, document.querySelector('[aria-label="Isi sel"]')?.textContent];

async function typeAndEnter(text: string) {
  fireEvent.change(editor()!, { target: { value: text } });
  await act(async () => {
    fireEvent.keyDown(editor()!, { key: "Enter" });
  });
}

const TW2 = colIndex(CAPAIAN, "tw2");
const CAP = colIndex(CAPAIAN, "capaian");
const PREDIKAT = colIndex(CAPAIAN, "predikat");

describe("small edits in the no-Excel grid (2024 workbook of Kecamatan Lumajang)", () => {
  let wb: MemoryWorkbook;
  beforeEach(async () => {
    wb = await correctWorkbook2024();
  });

  it("a realisasi corrected in place: 46 → 82,9 of target 100; capaian and predikat follow", async () => {
    await openGrid(wb, "Capaian");
    expect([td(F + 1, CAP).textContent, td(F + 1, PREDIKAT).textContent]).toEqual(["46,00%", "Sangat Rendah"]);
    expect(td(F + 1, TW2).dataset.input).toBe("true");
    expect(td(F + 1, CAP).dataset.input).toBeUndefined();

    fireEvent.doubleClick(td(F + 1, TW2));
    expect(editor()?.value).toBe("46");
    expect(editor()?.getAttribute("aria-label")).toBe("Ubah sel K8");
    await typeAndEnter("82,9");
    expect(wb.cell("Capaian", F + 1, TW2)).toMatchObject({ value: 82.9, formula: null });
    await waitFor(() => expect(td(F + 1, CAP).textContent).toBe("82,90%"));
    expect(td(F + 1, PREDIKAT).textContent).toBe("Tinggi");
    expect(editor()).toBeNull();
  });

  it("typing on a selected input cell starts the edit; a typed 93,75% is stored as Excel stores it", async () => {
    await openGrid(wb, "Perjanjian Kinerja");
    const col = colIndex(PERJANJIAN_KINERJA, "targetPerubahan");
    fireEvent.click(td(F + 1, col));
    expect(formulaLine()).toEqual(["L8", ""]);
    fireEvent.keyDown(scroller(), { key: "9" });
    expect(editor()?.value).toBe("9");
    await typeAndEnter("93,75%");
    expect(wb.cell("Perjanjian Kinerja", F + 1, col)).toMatchObject({ value: 0.9375, numberFormat: "0.00%" });
    await waitFor(() => expect(td(F + 1, col).textContent).toBe("93,75%"));
    // Enter saved and moved down, as in Excel and LibreOffice
    expect(formulaLine()[0]).toBe("L9");
  });

  it("Enter moves down and Tab right, with the keyboard kept: a column of realisasi is typed without the mouse", async () => {
    await openGrid(wb, "Capaian");
    fireEvent.click(td(F + 0, TW2 - 1));
    for (const [key, text] of [["Tab", "30"], ["Enter", "52"], ["Enter", "61"]] as const) {
      if (editor() === null) fireEvent.keyDown(scroller(), { key: text[0] });
      fireEvent.change(editor()!, { target: { value: text } });
      await act(async () => {
        fireEvent.keyDown(editor()!, { key });
      });
      await waitFor(() => expect(editor()).toBeNull());
      // the grid has the keyboard again, on the next cell
      expect(document.activeElement).toBe(scroller());
    }
    // TW I of row 7 (Tab to TW II), TW II of row 7 (Enter down), TW II of row 8
    expect([wb.cell("Capaian", F + 0, TW2 - 1)?.value, wb.cell("Capaian", F + 0, TW2)?.value, wb.cell("Capaian", F + 1, TW2)?.value]).toEqual([30, 52, 61]);
    expect(td(F + 2, TW2).dataset.selected).toBe("true");
  });

  it("after a refused text, a press on another cell selects it and drops the refused text", async () => {
    await openGrid(wb, "Capaian");
    fireEvent.doubleClick(td(F + 1, TW2));
    await typeAndEnter("1.5");
    expect(screen.getByRole("alert")).not.toBeNull();
    // the press selects; the release may land elsewhere once the message above the grid is gone
    await act(async () => {
      fireEvent.mouseDown(td(F + 2, TW2));
      fireEvent.blur(editor()!);
    });
    expect(editor()).toBeNull();
    expect(td(F + 2, TW2).dataset.selected).toBe("true");
    expect(wb.cell("Capaian", F + 1, TW2)?.value).toBe(46);
    // what is typed next goes to the cell pressed
    fireEvent.keyDown(scroller(), { key: "7" });
    expect(editor()?.getAttribute("aria-label")).toBe(`Ubah sel K${F + 3}`);
  });

  it("refuses what is not an Indonesian number, keeps the cell open with the reason; Escape leaves the value as it was", async () => {
    await openGrid(wb, "Capaian");
    fireEvent.doubleClick(td(F + 1, TW2));
    await typeAndEnter("1.5");
    expect(screen.getByRole("alert").textContent).toBe('K8: "1.5" tidak ditulis seperti angka Indonesia: pakai koma untuk desimal dan titik untuk ribuan, mis. 1.500.000 atau 82,9.');
    expect(editor()?.getAttribute("aria-invalid")).toBe("true");
    fireEvent.keyDown(editor()!, { key: "Escape" });
    expect(editor()).toBeNull();
    expect(wb.cell("Capaian", F + 1, TW2)?.value).toBe(46);
  });

  it("does not open a computed (grey) cell, and says why", async () => {
    await openGrid(wb, "Capaian");
    fireEvent.click(td(F + 1, CAP));
    fireEvent.doubleClick(td(F + 1, CAP));
    expect(editor()).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("O8 dihitung dengan rumus (sel abu-abu) dan tidak dapat diketik; ubah sel isian (putih) yang dipakainya.");
    expect(formulaLine()[1]).toMatch(/^=IF\(/);
  });

  it("keeps a text that starts with = as text", async () => {
    await openGrid(wb, "Perjanjian Kinerja");
    const col = colIndex(PERJANJIAN_KINERJA, "sasaran");
    fireEvent.doubleClick(td(F + 1, col));
    await typeAndEnter("=1+1");
    expect(wb.cell("Perjanjian Kinerja", F + 1, col)).toMatchObject({ value: "=1+1", formula: null });
    await waitFor(() => expect(td(F + 1, col).textContent).toBe("=1+1"));
    expect(td(F + 1, col).dataset.formula).toBeUndefined();
  });

  it("shows a write the workbook refused, and leaves the cell as it was", async () => {
    await openGrid(wb, "Capaian");
    wb.apply = () => Promise.reject(new Error("Buku kerja sedang dikunci."));
    fireEvent.doubleClick(td(F + 1, TW2));
    await typeAndEnter("50");
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("K8: Nilai tidak tersimpan: Buku kerja sedang dikunci."));
    expect(wb.cell("Capaian", F + 1, TW2)?.value).toBe(46);
  });

  it("moves the selection with the arrow keys and clears an input with Delete", async () => {
    await openGrid(wb, "Capaian");
    fireEvent.click(td(F + 1, TW2 - 1));
    fireEvent.keyDown(scroller(), { key: "ArrowRight" });
    expect(td(F + 1, TW2).dataset.selected).toBe("true");
    await act(async () => {
      fireEvent.keyDown(scroller(), { key: "Delete" });
    });
    expect(wb.cell("Capaian", F + 1, TW2)?.value ?? null).toBeNull();
    await waitFor(() => expect(td(F + 1, CAP).textContent).toBe(""));
  });
});
