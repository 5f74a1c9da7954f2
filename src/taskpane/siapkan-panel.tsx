/**
 * The "Siapkan Lembar" panel bound to the host's workbook: the scaffold use-case, the layouts and the
 * settings schema. A chunk of its own, fetched when the tab is first opened.
 */
import type { ReactNode } from "react";
import { readExisting, scaffold, settingsFromWorkbook } from "../app/scaffold";
import { SiapkanLembarPanel, type SiapkanLembarPanelProps } from "./components/SiapkanLembarPanel";
import { announced, workbookChanges, type Session, type WorkbookChanges } from "./session";
import { memoryPreview } from "./session-preview";
import type { WorkbookAccess } from "./workbook-access";

/** The use-cases "Siapkan Lembar" needs, bound to the host's workbook. */
export function siapkanProps(access: WorkbookAccess, changes: WorkbookChanges = workbookChanges()): Omit<SiapkanLembarPanelProps, "active"> {
  const run: SiapkanLembarPanelProps["scaffold"] = async (input, onProgress) => scaffold(await access.port(), input, onProgress);
  return {
    loadSettings: async () => settingsFromWorkbook(await readExisting(await access.port())),
    scaffold: access.kind === "memory" ? announced(changes, run) : run,
    showRoundTrips: access.kind === "office",
    ...(access.kind === "memory" ? { preview: memoryPreview(access.port, changes) } : {}),
  };
}

export function createPanel({ access, changes }: Session): (state: { active: boolean }) => ReactNode {
  const props = siapkanProps(access, changes);
  return ({ active }) => <SiapkanLembarPanel active={active} {...props} />;
}
