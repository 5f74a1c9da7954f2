/**
 * The task pane's panels, one component each. A panel gets its data and effects as props from
 * here; nothing inside a panel calls Office. Panels that touch the workbook get it through
 * PanelContext: the Office adapter in Excel, one in-memory workbook without Excel.
 */
import type { ReactNode } from "react";
import { readExisting, scaffold, settingsFromWorkbook } from "../app/scaffold";
import { LIBRARY } from "../core/functions/library";
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import { FunctionPlayground } from "./components/FunctionPlayground";
import { SiapkanLembarPanel, type SiapkanLembarPanelProps } from "./components/SiapkanLembarPanel";
import { WorkbookPreview } from "./components/WorkbookPreview";
import { saveFile } from "./download";
import { EXAMPLES, evaluateFunction, exampleFor } from "./playground";
import { workbookGrid } from "./sheet-view";
import type { HostInfo } from "./host";
import type { WorkbookAccess } from "./workbook-access";

export interface PanelState {
  /** Whether the panel's tab is the one shown. */
  active: boolean;
}

export interface PanelSpec {
  id: string;
  label: string;
  render: (state: PanelState) => ReactNode;
}

export interface PanelContext {
  host: HostInfo;
  workbook: WorkbookAccess;
}

export function createPanels(context: PanelContext): PanelSpec[] {
  return [
    {
      id: "fungsi",
      label: "Fungsi",
      render: () => (
        <FunctionPlayground
          functions={LIBRARY}
          evaluate={evaluateFunction}
          initialInputs={exampleFor}
          exampleSource={(fn) => EXAMPLES[fn.id]?.source}
        />
      ),
    },
    siapkanPanel(context.workbook),
  ];
}

/** The use-cases "Siapkan Lembar" needs, bound to the host's workbook. */
export function siapkanProps(access: WorkbookAccess): Omit<SiapkanLembarPanelProps, "active"> {
  return {
    loadSettings: async () => settingsFromWorkbook(await readExisting(await access.port())),
    scaffold: async (input, onProgress) => scaffold(await access.port(), input, onProgress),
    showRoundTrips: access.kind === "office",
    ...(access.kind === "memory" ? { preview: memoryPreview(access.memory) } : {}),
  };
}

function siapkanPanel(access: WorkbookAccess): PanelSpec {
  const props = siapkanProps(access);
  return { id: "siapkan", label: "Siapkan Lembar", render: ({ active }) => <SiapkanLembarPanel active={active} {...props} /> };
}

function memoryPreview(memory: MemoryWorkbook): (revision: number) => ReactNode {
  const loadGrid = () => workbookGrid(memory);
  const download = async () => {
    // ExcelJS (about 1 MB) is fetched only now, as its own chunk
    const { exportXlsxFile } = await import(/* webpackChunkName: "xlsx-export" */ "../app/export-xlsx");
    const file = await exportXlsxFile(memory);
    saveFile(file.name, file.bytes);
    return file.name;
  };
  return (revision) => <WorkbookPreview revision={revision} loadGrid={loadGrid} download={download} />;
}
