/** @jest-environment jsdom */
import type { ReactElement } from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { LazyPanel } from "../../src/taskpane/components/LazyPanel";
import { createPanels } from "../../src/taskpane/panels";
import { NO_HOST } from "../../src/taskpane/host";
import { tabSwitch, type Session } from "../../src/taskpane/session";
import { memoryAccess } from "../../src/taskpane/workbook-access";

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

describe("panels in their own chunks", () => {
  it("fetches a panel's chunk when its tab is first shown, once, and keeps the panel when the tab is left", async () => {
    const chunk = (text: string) => jest.fn(async () => ({ createPanel: () => () => <p>{text}</p> }));
    const chunks = { fungsi: chunk("panel fungsi"), siapkan: chunk("panel siapkan"), impor: chunk("panel impor"), periksa: chunk("panel periksa"), laporan: chunk("panel laporan") };
    renderInFluent(<App host={NO_HOST} panels={createPanels({ host: NO_HOST, workbook: memoryAccess() }, chunks)} />);
    // the first tab's panel is fetched at once, the others not
    await screen.findByText("panel fungsi");
    expect(chunks.fungsi).toHaveBeenCalledTimes(1);
    expect(chunks.siapkan).not.toHaveBeenCalled();
    expect(chunks.impor).not.toHaveBeenCalled();
    expect(chunks.periksa).not.toHaveBeenCalled();
    expect(chunks.laporan).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("tab", { name: "Impor SIPD" }));
    await screen.findByText("panel impor");
    expect(chunks.siapkan).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("tab", { name: "Fungsi" }));
    fireEvent.click(screen.getByRole("tab", { name: "Impor SIPD" }));
    expect(screen.getByText("panel impor")).toBeTruthy();
    expect(chunks.impor).toHaveBeenCalledTimes(1);
  });

  it("shows the tab a panel asks for (Laporan's \"Buka Periksa\"); a request for an unknown tab changes nothing", async () => {
    const tabs = tabSwitch();
    const chunk = (text: string) => async () => ({
      createPanel: (session: Session) => () => (
        <>
          <p>{text}</p>
          <button onClick={() => session.tabs.show("periksa")}>ke periksa {text}</button>
          <button onClick={() => session.tabs.show("tidak-ada")}>ke tab lain {text}</button>
        </>
      ),
    });
    const chunks = { fungsi: chunk("fungsi"), siapkan: chunk("siapkan"), impor: chunk("impor"), periksa: chunk("periksa"), laporan: chunk("laporan") };
    renderInFluent(<App host={NO_HOST} tabs={tabs} panels={createPanels({ host: NO_HOST, workbook: memoryAccess(), tabs }, chunks)} />);
    fireEvent.click(screen.getByRole("tab", { name: "Laporan" }));
    await screen.findByText("laporan");
    fireEvent.click(screen.getByRole("button", { name: "ke tab lain laporan" }));
    expect(screen.getByRole("tab", { name: "Laporan" }).getAttribute("aria-selected")).toBe("true");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "ke periksa laporan" }));
    });
    expect(screen.getByRole("tab", { name: "Periksa" }).getAttribute("aria-selected")).toBe("true");
    await screen.findByText("periksa");
  });

  it("shows a chunk that did not arrive, and loads it on the next try", async () => {
    let attempts = 0;
    const load = () => {
      attempts++;
      return attempts === 1 ? Promise.reject(new Error("Loading chunk impor failed.")) : Promise.resolve(() => <p>panel dimuat</p>);
    };
    const { rerender } = renderInFluent(<LazyPanel active={false} load={load} />);
    expect(attempts).toBe(0);
    rerender(
      <FluentProvider theme={webLightTheme}>
        <LazyPanel active load={load} />
      </FluentProvider>,
    );
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Panel tidak dapat dimuat");
    expect(alert.textContent).toContain("Loading chunk impor failed.");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Coba lagi" }));
    });
    await screen.findByText("panel dimuat");
    expect(attempts).toBe(2);
  });
});
