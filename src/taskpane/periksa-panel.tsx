/**
 * The "Periksa" panel bound to the host's workbook: the validate use-case, the rules and the read
 * model. A chunk of its own, fetched when the tab is first opened.
 */
import type { ReactNode } from "react";
import { applyFix, undoFix, validateWorkbook } from "../app/validate";
import { PeriksaPanel, type PeriksaPanelProps } from "./components/PeriksaPanel";
import { checkedSheets, periksaReport } from "./periksa";
import { announced, gridFocus, workbookChanges, type GridFocus, type Session, type WorkbookChanges } from "./session";
import { memoryPreview } from "./session-preview";
import type { WorkbookAccess } from "./workbook-access";

/** The use-cases "Periksa" needs, bound to the host's workbook. */
export function periksaProps(access: WorkbookAccess, changes: WorkbookChanges = workbookChanges(), focus: GridFocus = gridFocus()): Omit<PeriksaPanelProps, "active"> {
  const memory = access.kind === "memory";
  const write = <A extends unknown[], R>(f: (...args: A) => Promise<R>) => (memory ? announced(changes, f) : f);
  return {
    run: async (onProgress) => {
      const { findings, model } = await validateWorkbook(await access.port(), onProgress);
      return periksaReport(findings, checkedSheets(model.sheetNames));
    },
    select: async (item) => {
      if (!item.target) return;
      if (memory) focus.show(item.target);
      await (await access.port()).select(item.target);
    },
    applyFix: write(async (finding) => applyFix(await access.port(), finding)),
    undoFix: write(async (undo) => undoFix(await access.port(), undo)),
    selectTarget: memory ? "grid" : "excel",
    ...(access.kind === "memory" ? { preview: memoryPreview(access.port, changes, undefined, focus) } : {}),
  };
}

export function createPanel({ access, changes, focus }: Session): (state: { active: boolean }) => ReactNode {
  const props = periksaProps(access, changes, focus);
  return ({ active }) => <PeriksaPanel active={active} {...props} />;
}
