/**
 * The "Impor SIPD" panel bound to the host's workbook. A chunk of its own, fetched when the tab is
 * first opened; the parser and the import use-case (impor-lra.ts) are a further chunk, fetched when
 * the panel first reads something.
 */
import type { ReactNode } from "react";
import { REALISASI_ANGGARAN } from "../core/layouts";
import { ImporSipdPanel, type ImporSipdPanelProps } from "./components/ImporSipdPanel";
import { lazyChunk } from "./lazy";
import { announced, workbookChanges, type Session, type WorkbookChanges } from "./session";
import { memoryPreview } from "./session-preview";
import type { WorkbookAccess } from "./workbook-access";

const loadImpor = lazyChunk(() => import(/* webpackChunkName: "impor-sipd" */ "./impor-lra"));

/** The use-cases "Impor SIPD" needs, bound to the host's workbook. */
export function imporProps(access: WorkbookAccess, changes: WorkbookChanges = workbookChanges(), load = loadImpor): Omit<ImporSipdPanelProps, "active"> {
  const run: ImporSipdPanelProps["importLra"] = async (lra, onProgress, options) => (await load()).importLra(await access.port(), lra, onProgress, options);
  return {
    parse: async (text, source, options) => (await load()).readText(text, source, options),
    readSelection: async (onProgress) => (await load()).readSelection(await access.port(), access.kind, onProgress),
    importLra: access.kind === "memory" ? announced(changes, run) : run,
    showRoundTrips: access.kind === "office",
    // after an import the grid opens on the sheet it filled
    ...(access.kind === "memory" ? { preview: memoryPreview(access.port, changes, REALISASI_ANGGARAN.sheet) } : {}),
  };
}

export function createPanel({ access, changes }: Session): (state: { active: boolean }) => ReactNode {
  const props = imporProps(access, changes);
  return ({ active }) => <ImporSipdPanel active={active} {...props} />;
}
