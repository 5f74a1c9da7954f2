/** @jest-environment jsdom */
import type { ReactElement } from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { OpenXlsxBar } from "../../src/taskpane/components/OpenXlsxBar";
import { NO_HOST } from "../../src/taskpane/host";
import type { OpenOutcome, WorkbookOpener } from "../../src/taskpane/opener";
import type { PanelSpec } from "../../src/taskpane/panels";

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

const xlsx = (name: string) => new File(["PK"], name);

/** An opener whose answers the test gives, recording what it was asked to open. */
function fakeOpener(unsaved: boolean, outcome: (file: File) => OpenOutcome): WorkbookOpener & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    unsaved: async () => unsaved,
    open: async (file, onStage) => {
      opened.push(file.name);
      onStage("membaca isi buku kerja");
      return outcome(file);
    },
  };
}

const pick = (file: File) => fireEvent.change(screen.getByLabelText("Berkas .xlsx"), { target: { files: [file] } });

describe("Buka .xlsx… in the no-Excel mode", () => {
  it("opens at once when the session has nothing unsaved, and says what it opened", async () => {
    const opener = fakeOpener(false, (f) => ({ ok: true, name: f.name, sheets: ["Pengaturan", "Capaian"] }));
    const onOpened = jest.fn();
    renderInFluent(<OpenXlsxBar opener={opener} onOpened={onOpened} />);
    pick(xlsx("lkj.xlsx"));
    expect((await screen.findByText(/^Dibuka:/)).textContent).toBe("Dibuka: lkj.xlsx (2 lembar). Semua panel kini bekerja pada buku kerja ini; Unduh .xlsx memberikannya kembali.");
    expect(opener.opened).toEqual(["lkj.xlsx"]);
    expect(onOpened).toHaveBeenCalledWith("lkj.xlsx");
  });

  it("asks first when the session has changes not downloaded: Batal opens nothing, Buka dan ganti opens", async () => {
    const opener = fakeOpener(true, (f) => ({ ok: true, name: f.name, sheets: ["A"] }));
    renderInFluent(<OpenXlsxBar opener={opener} onOpened={() => undefined} />);
    pick(xlsx("baru.xlsx"));
    const ask = await screen.findByRole("alert");
    expect(ask.textContent).toContain("Perubahan pada buku kerja sesi belum diunduh. Membuka baru.xlsx akan menggantinya, dan perubahan itu hilang.");
    fireEvent.click(screen.getByRole("button", { name: "Batal" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(opener.opened).toEqual([]);
    pick(xlsx("baru.xlsx"));
    fireEvent.click(await screen.findByRole("button", { name: "Buka dan ganti" }));
    await screen.findByText(/^Dibuka:/);
    expect(opener.opened).toEqual(["baru.xlsx"]);
  });

  it("shows a refusal as the use-case words it, and the panels do not start over", async () => {
    const opener = fakeOpener(false, (f) => ({ ok: false, message: `${f.name} bukan buku kerja .xlsx.` }));
    const onOpened = jest.fn();
    renderInFluent(<OpenXlsxBar opener={opener} onOpened={onOpened} />);
    pick(xlsx("catatan.txt"));
    expect((await screen.findByRole("alert")).textContent).toBe("catatan.txt bukan buku kerja .xlsx.");
    expect(onOpened).not.toHaveBeenCalled();
  });

  it("opens a file dropped anywhere on the pane", async () => {
    const opener = fakeOpener(false, (f) => ({ ok: true, name: f.name, sheets: ["A"] }));
    renderInFluent(<OpenXlsxBar opener={opener} onOpened={() => undefined} />);
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { types: ["Files"], files: [xlsx("seret.xlsx")] } });
    await act(async () => {
      document.body.dispatchEvent(drop);
    });
    await screen.findByText(/^Dibuka:/);
    expect(drop.defaultPrevented).toBe(true);
    expect(opener.opened).toEqual(["seret.xlsx"]);
  });

  it("is shown only without Excel, and a file opened starts the panels over", async () => {
    let mounts = 0;
    const Counting = () => {
      mounts++;
      return <p>panel</p>;
    };
    const panels: PanelSpec[] = [{ id: "p", label: "P", render: () => <Counting /> }];
    const opener = fakeOpener(false, (f) => ({ ok: true, name: f.name, sheets: ["A"] }));
    const { unmount } = renderInFluent(<App host={{ host: "Excel", platform: "PC" }} panels={panels} opener={opener} />);
    expect(screen.queryByRole("button", { name: "Buka .xlsx…" })).toBeNull();
    unmount();
    renderInFluent(<App host={NO_HOST} panels={panels} opener={opener} />);
    // its own chunk, fetched at once without Excel
    await screen.findByRole("button", { name: "Buka .xlsx…" });
    const before = mounts;
    pick(xlsx("lkj.xlsx"));
    await screen.findByText(/^Dibuka:/);
    expect(mounts).toBeGreaterThan(before);
  });
});
