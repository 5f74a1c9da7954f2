/** @jest-environment jsdom */
import type { ReactElement } from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { FunctionPlayground } from "../../src/taskpane/components/FunctionPlayground";
import { createPanels, type PanelSpec } from "../../src/taskpane/panels";
import { NO_HOST, type HostInfo } from "../../src/taskpane/host";
import { memoryAccess, officeAccess } from "../../src/taskpane/workbook-access";
import { LIBRARY, type FunctionInfo } from "../../src/core/functions/library";
import { evaluateFunction, exampleFor, type PlaygroundResult } from "../../src/taskpane/playground";

function renderInFluent(ui: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
}

const EXCEL = { host: "Excel", platform: "PC" };

/** Panels as index.tsx makes them; in Excel the Office adapter is never loaded by these tests. */
function panelsFor(host: HostInfo): PanelSpec[] {
  const workbook = host.host === "Excel" ? officeAccess(() => Promise.reject(new Error("Office tidak dimuat dalam uji ini"))) : memoryAccess();
  return createPanels({ host, workbook });
}

function result(): HTMLElement {
  return screen.getByTestId("hasil");
}

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("App shell", () => {
  it('shows the "Mode tanpa Excel" banner when office.js reports no host', async () => {
    renderInFluent(<App host={NO_HOST} panels={panelsFor(NO_HOST)} />);
    expect(screen.getByText("Mode tanpa Excel")).toBeTruthy();
    expect(screen.getByText("Tanpa Excel")).toBeTruthy();
    // still usable: the playground (its own chunk, fetched at once as the first tab) computes
    expect((await screen.findByTestId("hasil", undefined, { timeout: 10_000 })).textContent).toBe("1,0363 (103,63%)");
  });

  it("shows no banner inside Excel", () => {
    renderInFluent(<App host={EXCEL} panels={panelsFor(EXCEL)} />);
    expect(screen.queryByText("Mode tanpa Excel")).toBeNull();
    expect(screen.getByText("Excel")).toBeTruthy();
  });

  it('has the "Fungsi" tab first and selected', () => {
    renderInFluent(<App host={NO_HOST} panels={panelsFor(NO_HOST)} />);
    const tab = screen.getByRole("tab", { name: "Fungsi" });
    expect(tab.getAttribute("aria-selected")).toBe("true");
  });

  it("switches between panels given as props and keeps the hidden ones' state", async () => {
    const panels: PanelSpec[] = [
      ...panelsFor(NO_HOST),
      { id: "uji", label: "Panel uji", render: () => <p>panel uji</p> },
    ];
    renderInFluent(<App host={NO_HOST} panels={panels} />);
    await screen.findByLabelText("target", undefined, { timeout: 10_000 });
    type("target", "88");
    fireEvent.click(screen.getByRole("tab", { name: "Panel uji" }));
    expect(screen.getByText("panel uji")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Panel uji" }).getAttribute("aria-selected")).toBe("true");
    fireEvent.click(screen.getByRole("tab", { name: "Fungsi" }));
    expect((screen.getByLabelText("target") as HTMLInputElement).value).toBe("88");
  });
});

describe("Fungsi playground", () => {
  const props = {
    functions: LIBRARY,
    evaluate: evaluateFunction,
    initialInputs: exampleFor,
    exampleSource: () => "contoh dari laporan",
  };

  it("starts with CAPAIAN 80 / 82,9 from a real report and shows 1,0363 (103,63%)", () => {
    renderInFluent(<FunctionPlayground {...props} />);
    expect((screen.getByLabelText("target") as HTMLInputElement).value).toBe("80");
    expect((screen.getByLabelText("realisasi") as HTMLInputElement).value).toBe("82,9");
    expect(screen.getByLabelText("polaritas (opsional)")).toBeTruthy();
    expect(screen.getByTestId("rumus").textContent).toBe("=SAKIP.CAPAIAN(80; 82,9)");
    expect(result().textContent).toBe("1,0363 (103,63%)");
  });

  it("recomputes as the user types, with Indonesian decimals", () => {
    renderInFluent(<FunctionPlayground {...props} />);
    type("target", "88");
    type("realisasi", "57");
    expect(result().textContent).toBe("0,6477 (64,77%)");
  });

  it("shows an error with its Indonesian message", () => {
    renderInFluent(<FunctionPlayground {...props} />);
    type("target", "0");
    expect(result().textContent).toBe("#DIV/0!");
    expect(screen.getByText("Target bernilai 0: capaian tidak dapat dihitung (pembagian dengan nol).")).toBeTruthy();
  });

  it("shows a bad option's message, listing the choices", () => {
    renderInFluent(<FunctionPlayground {...props} />);
    type("polaritas (opsional)", "menurun");
    expect(result().textContent).toBe("#VALUE!");
    expect(screen.getByText(/Polaritas "menurun" tidak dikenal/i)).toBeTruthy();
  });

  it("offers every library function and switches parameters and example", () => {
    renderInFluent(<FunctionPlayground {...props} />);
    const select = screen.getByLabelText("Fungsi") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(LIBRARY.map((f) => `SAKIP.${f.id}`));
    fireEvent.change(select, { target: { value: "PENYERAPAN" } });
    expect((screen.getByLabelText("pagu") as HTMLInputElement).value).toBe("7.221.714.333");
    expect(result().textContent).toBe("0,5324 (53,24%)");
  });

  it("keeps edits per function and restores the example on request", () => {
    renderInFluent(<FunctionPlayground {...props} />);
    type("target", "100");
    const select = screen.getByLabelText("Fungsi");
    fireEvent.change(select, { target: { value: "SISA" } });
    fireEvent.change(select, { target: { value: "CAPAIAN" } });
    expect((screen.getByLabelText("target") as HTMLInputElement).value).toBe("100");
    fireEvent.click(screen.getByRole("button", { name: "Isi contoh" }));
    expect((screen.getByLabelText("target") as HTMLInputElement).value).toBe("80");
  });

  it("shows a spilled result as a table", () => {
    renderInFluent(<FunctionPlayground {...props} />);
    type("target", "88; 86");
    type("realisasi", "57; 29");
    const cells = [...result().querySelectorAll("td")].map((td) => td.textContent);
    expect(cells).toEqual(["0,6477 (64,77%)", "0,3372 (33,72%)"]);
  });

  it("only displays: the computation comes from the evaluate prop", () => {
    const evaluate = jest.fn(
      (fn: FunctionInfo, inputs: readonly string[]): PlaygroundResult => ({
        formula: `=${fn.id}(${inputs.join("|")})`,
        cells: [[{ kind: "value", text: "dari prop" }]],
      }),
    );
    renderInFluent(<FunctionPlayground {...props} evaluate={evaluate} />);
    expect(result().textContent).toBe("dari prop");
    expect(evaluate).toHaveBeenLastCalledWith(expect.objectContaining({ id: "CAPAIAN" }), ["80", "82,9", "", ""]);
  });

  it("survives a failing evaluate with a visible message", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    act(() => {
      renderInFluent(
        <FunctionPlayground
          {...props}
          evaluate={() => {
            throw new Error("rusak");
          }}
        />,
      );
    });
    expect(screen.getByText("Kesalahan program")).toBeTruthy();
    expect(screen.getByText("rusak")).toBeTruthy();
    spy.mockRestore();
  });
});
