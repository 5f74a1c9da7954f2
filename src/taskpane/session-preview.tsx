/**
 * The grid of the session workbook (no-Excel mode), as the panels show it beside their controls. Part
 * of the panels' chunks, not of the first load.
 */
import { useSyncExternalStore, type ReactNode } from "react";
import type { MemoryWorkbook } from "../workbook/memory/memory-workbook";
import type { Address } from "../workbook/port";
import { WorkbookPreview } from "./components/WorkbookPreview";
import { saveFile } from "./download";
import { announced, type GridFocus, type WorkbookChanges } from "./session";
import { editCell, type EditResult } from "../app/edit-cell";
import { workbookGrid } from "./sheet-view";

/**
 * The grid of the session workbook as a panel shows it beside its own controls; `revision` is the
 * panel's own run counter. `preferredSheet` opens the grid on the sheet the panel writes.
 */
export function memoryPreview(memory: () => Promise<MemoryWorkbook>, changes: WorkbookChanges, preferredSheet?: string, focus?: GridFocus): (revision: number) => ReactNode {
  const loadGrid = async (around: Address | null) => workbookGrid(await memory(), { around });
  const download = async () => {
    // ExcelJS (about 1 MB) is fetched only now, as its own chunk
    const { exportXlsxFile } = await import(/* webpackChunkName: "xlsx-export" */ "../app/export-xlsx");
    const file = await exportXlsxFile(await memory());
    saveFile(file.name, file.bytes);
    file.markSaved();
    return file.name;
  };
  // a small correction typed into the grid, announced like a panel's write so every grid follows
  const edit = announced(changes, async (at: Address, text: string) => editCell(await memory(), at, text));
  return (revision) => (
    <SessionPreview revision={revision} changes={changes} focus={focus} loadGrid={loadGrid} download={download} edit={edit} preferredSheet={preferredSheet} />
  );
}

const NO_FOCUS: Pick<GridFocus, "version" | "subscribe" | "current"> = { version: () => 0, subscribe: () => () => undefined, current: () => null };

/** The grid of the session workbook, reloaded after a panel's own run and after any panel's write. */
function SessionPreview({
  revision,
  changes,
  focus = NO_FOCUS,
  ...rest
}: {
  revision: number;
  changes: WorkbookChanges;
  focus: Pick<GridFocus, "version" | "subscribe" | "current"> | undefined;
  loadGrid: (around: Address | null) => ReturnType<typeof workbookGrid>;
  download: () => Promise<string>;
  edit: (at: Address, text: string) => Promise<EditResult>;
  preferredSheet: string | undefined;
}) {
  const version = useSyncExternalStore(changes.subscribe, changes.version);
  useSyncExternalStore(focus.subscribe, focus.version);
  // both only grow, so their sum changes whenever either does
  return <WorkbookPreview revision={revision + version} focus={focus.current()} {...rest} />;
}
