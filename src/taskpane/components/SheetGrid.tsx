import { memo, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import { Caption1, makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import type { EditResult } from "../../app/edit-cell";
import type { Address } from "../../workbook/port";
import type { FocusRequest } from "../session";
import { cellName, type GridCell, type SheetGridModel } from "../sheet-view";

export interface SheetGridProps {
  sheets: readonly SheetGridModel[];
  /** Shown first when present, until the user picks a tab. */
  preferredSheet?: string | undefined;
  /** A cell to show (a Periksa finding): its sheet is opened, scrolled to it and the cell selected. */
  focus?: FocusRequest | null | undefined;
  /**
   * Writes a typed text into an input cell (white): the grid lets the user type only where this is
   * given and only into cells marked `input`; refused texts come back with their reason.
   */
  onEdit?: ((at: Address, text: string) => Promise<EditResult>) | undefined;
}

/** The cell being typed into: its text, and the reason the last text was refused. */
interface Editing {
  row: number;
  col: number;
  text: string;
  saving: boolean;
  /** The text that was refused, and why: blurring away from it drops the edit instead of sending it again. */
  refused?: { text: string; message: string };
}

/** What the cells of a row call while one of them is being typed into; one object for the grid's life. */
interface EditorActions {
  change(text: string): void;
  /** `step`: where the selection goes once the text is saved (Enter: down, Tab: right, with Shift back). */
  commit(step?: readonly [number, number]): void;
  cancel(): void;
  blur(): void;
}

/**
 * Fluent's keyboard navigation (Tabster) moves the focus on Tab from a window listener, before the cell
 * editor sees the key: the edit was saved by the blur, the selection stayed, and the keyboard left the
 * grid with the next typing. Inside the grid Tab is left to the editor (and, outside an edit, to the browser).
 */
const TAB_TO_EDITOR = JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } });

/** The selected cell, by its sheet row and column. */
interface Cursor {
  sheet: string;
  row: number;
  col: number;
}

const ROW_HEAD_PX = 40;
/**
 * Column A stays in sight when it is narrow enough to leave room beside it in a 380 px pane: the ID
 * of PK, Capaian and Cost per Outcome, the level of Realisasi Anggaran; not Pengaturan's labels.
 */
const STICKY_MAX_PX = 120;
/** CSS variable on the table: where the scrolled cells start, right of the row numbers and column A. */
const STICKY_LEFT = "--sakip-grid-sticky-left";
/** The column letters' row, a little more than one line of the grid's text. */
const HEAD_PX = 24;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // six sheet names do not fit a 400 px pane on one line; wrapping keeps them all in sight
  tabs: { flexWrap: "wrap" },
  // the formula line: the selected cell's address, then its formula (or what it holds)
  formulaBar: {
    display: "flex",
    alignItems: "stretch",
    minWidth: 0,
    minHeight: "28px",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
  },
  nameBox: {
    flex: "0 0 auto",
    minWidth: "48px",
    display: "flex",
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  fx: {
    flex: "0 0 auto",
    display: "flex",
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    fontStyle: "italic",
    fontFamily: "Cambria, 'Times New Roman', serif",
  },
  // one line whatever it holds, so selecting a cell never moves the grid under the pointer; the whole
  // formula is in the tooltip
  formulaText: {
    flex: "1 1 auto",
    minWidth: 0,
    alignSelf: "center",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    fontFamily: tokens.fontFamilyMonospace,
  },
  placeholder: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyBase },
  scroller: {
    overflow: "auto",
    maxHeight: "60vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "right",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: 3 },
  // column A stays in sight beside the row numbers (the ID or the level of a row)
  stickyHead: { left: `${ROW_HEAD_PX}px`, zIndex: 3 },
  stickyCol: {
    position: "sticky",
    left: `${ROW_HEAD_PX}px`,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset -1px 0 0 ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    // clear of the sticky header row and of the sticky row numbers and column A when scrolled to
    scrollMarginTop: `${HEAD_PX}px`,
    scrollMarginLeft: `var(${STICKY_LEFT}, ${ROW_HEAD_PX}px)`,
    padding: `1px ${tokens.spacingHorizontalXS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    verticalAlign: "top",
    color: tokens.colorNeutralForeground1,
    cursor: "cell",
  },
  // headers wrap between words, never inside one ("Perubahan", not "Perubaha|n"); a word wider than its
  // column is cut at the edge, as in Excel
  wrap: { whiteSpace: "normal", overflowWrap: "normal", wordBreak: "normal", textOverflow: "clip" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  error: { textAlign: "center", color: tokens.colorPaletteRedForeground1 },
  // a formula not computed here: its value is not known, and the tooltip says why
  unknown: { textAlign: "center", color: tokens.colorNeutralForeground4, fontStyle: "italic" },
  note: { color: tokens.colorNeutralForeground3 },
  input: { cursor: "text" },
  editing: { padding: 0, overflow: "visible" },
  editor: {
    boxSizing: "border-box",
    width: "100%",
    height: "100%",
    minHeight: "20px",
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: "none",
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  refusal: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: `${tokens.colorBrandBackground2} !important`,
  },
});

type Styles = ReturnType<typeof useStyles>;

/**
 * The workbook as sheet tabs over a scrollable table of each sheet's used range, showing values as
 * Excel shows them; a click selects a cell and the formula line above shows its formula. With
 * `onEdit`, an input cell opens for typing on a double-click, Enter, F2 or a typed character; Enter
 * saves and moves down, Tab saves and moves right (Shift: up, left), as in Excel and LibreOffice;
 * Escape cancels.
 */
export function SheetGrid({ sheets, preferredSheet, focus, onEdit }: SheetGridProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  /** A focus request whose cell is still to be scrolled into view (the grid may reload around it first). */
  const [pending, setPending] = useState<FocusRequest | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  /** Why the last key or double-click did not open a cell for typing. */
  const [notice, setNotice] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const editingNow = useRef<Editing | null>(null);
  editingNow.current = editing;
  /** Bumped when an edit ends: the grid takes the keyboard back once the editor is gone. */
  const [refocus, setRefocus] = useState(0);
  /** Where the selection goes once the text being saved is saved (a Tab may arrive after its blur). */
  const stepAfterSave = useRef<readonly [number, number] | undefined>(undefined);
  useEffect(() => {
    if (refocus === 0) return;
    scroller.current?.focus({ preventScroll: true });
    scroller.current?.querySelector<HTMLElement>('td[data-selected="true"]')?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [refocus]);

  // a new request opens its sheet and selects its cell; the user's own tab choice wins until the next one
  useEffect(() => {
    if (!focus) return;
    setSelected(focus.sheet);
    setCursor({ sheet: focus.sheet, row: focus.row, col: focus.col });
    setPending(focus);
  }, [focus?.seq]);

  const sheet = sheets.find((s) => s.name === selected) ?? sheets.find((s) => s.name === preferredSheet) ?? sheets[0];
  const here = cursor && sheet && cursor.sheet.toLowerCase() === sheet.name.toLowerCase() ? cursor : null;

  useEffect(() => {
    if (!pending) return;
    const td = scroller.current?.querySelector<HTMLElement>(`td[data-row="${pending.row}"][data-col="${pending.col}"]`);
    if (!td) return;
    // the least scrolling that brings it in sight (the grid's box and the page); its scroll margins keep it
    // clear of the sticky header row and row numbers
    td.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    setPending(null);
  }, [pending, sheet]);

  // a cell opened for typing belongs to its sheet: another tab closes it
  useEffect(() => {
    setEditing(null);
    setNotice(null);
  }, [sheet?.name]);

  const actions = useRef<EditorActions>({ change: () => undefined, commit: () => undefined, cancel: () => undefined, blur: () => undefined });

  if (!sheet) return <Caption1 className={styles.note}>Buku kerja masih kosong.</Caption1>;

  const cellAt = (row: number, col: number): GridCell | null => sheet.rows[row - sheet.firstRow]?.[col] ?? null;
  const last = sheet.firstRow + sheet.rows.length;

  /** The cell `step` away from `from`, kept inside the sheet's shown rows and columns. */
  const stepFrom = (from: { row: number; col: number }, step: readonly [number, number]) => ({
    row: Math.min(Math.max(from.row + step[0], sheet.firstRow), last - 1),
    col: Math.min(Math.max(from.col + step[1], 0), sheet.columns.length - 1),
  });

  const select = (row: number, col: number) => {
    setCursor({ sheet: sheet.name, row, col });
    setNotice(null);
  };

  const startEdit = (row: number, col: number, text?: string) => {
    if (!onEdit) return;
    const cell = cellAt(row, col);
    if (!cell?.input) {
      setNotice(
        cell?.formula !== undefined
          ? `${cellName(row, col)} dihitung dengan rumus (sel abu-abu) dan tidak dapat diketik; ubah sel isian (putih) yang dipakainya.`
          : `${cellName(row, col)} tidak dapat diketik di sini: hanya sel isian (putih) lembar standar yang dapat diubah.`,
      );
      return;
    }
    setNotice(null);
    setEditing({ row, col, text: text ?? cell.entry ?? "", saving: false });
  };

  /** Ends the edit; `from` and `step` move the selection on from the cell edited. */
  const finish = (from?: { row: number; col: number }, step?: readonly [number, number]) => {
    setEditing(null);
    if (from && step) setCursor({ sheet: sheet.name, ...stepFrom(from, step) });
    // after the editor has left the page: focusing while it is still there would blur it into a second commit
    setRefocus((n) => n + 1);
  };

  actions.current = {
    change: (text) => setEditing((e) => (e && !e.saving ? { ...e, text } : e)),
    cancel: () => finish(),
    commit: (step) => {
      const e = editingNow.current;
      if (!e || !onEdit) return;
      // a key that reaches the editor after its blur (the focus moved first, as Tabster did before
      // TAB_TO_EDITOR) finds the text sent already: its move is kept for when it is saved
      if (e.saving) {
        if (step) stepAfterSave.current = step;
        return;
      }
      if (e.text === (cellAt(e.row, e.col)?.entry ?? "")) return finish(e, step);
      stepAfterSave.current = step;
      const pending: Editing = { ...e, saving: true };
      editingNow.current = pending;
      setEditing(pending);
      onEdit({ sheet: sheet.name, row: e.row, col: e.col }, e.text).then(
        (r) => (r.ok ? finish(e, stepAfterSave.current) : setEditing({ ...e, saving: false, refused: { text: e.text, message: r.message } })),
        (error: unknown) =>
          setEditing({ ...e, saving: false, refused: { text: e.text, message: `Nilai tidak tersimpan: ${error instanceof Error ? error.message : String(error)}` } }),
      );
    },
    // leaving a refused text drops it (the cell keeps its value); any other text is kept, as Excel does
    blur: () => {
      const e = editingNow.current;
      if (e && !e.saving && e.refused?.text === e.text) finish();
      else if (e && !e.saving) actions.current.commit();
    },
  };

  const pick = (e: MouseEvent<HTMLTableSectionElement>) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-row]");
    if (td) select(Number(td.dataset.row), Number(td.dataset.col));
  };
  const open = (e: MouseEvent<HTMLTableSectionElement>) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-row]");
    if (td) startEdit(Number(td.dataset.row), Number(td.dataset.col));
  };

  /** Excel's keys on the selected cell: arrows move, Enter or F2 opens it, a character starts typing, Delete clears. */
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !here) return;
    const move: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const step = move[e.key];
    if (step) {
      e.preventDefault();
      const { row, col } = stepFrom(here, step);
      select(row, col);
      scroller.current?.querySelector<HTMLElement>(`td[data-row="${row}"][data-col="${col}"]`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(here.row, here.col);
    } else if (e.key === "Delete" && onEdit && cellAt(here.row, here.col)?.input) {
      e.preventDefault();
      const at = { sheet: sheet.name, row: here.row, col: here.col };
      onEdit(at, "").then(
        (r) => setNotice(r.ok ? null : r.message),
        (error: unknown) => setNotice(`Sel tidak dikosongkan: ${error instanceof Error ? error.message : String(error)}`),
      );
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(here.row, here.col, e.key);
    }
  };
  const shownCell = here ? cellAt(here.row, here.col) : null;
  const stickyA = (sheet.widths[0] ?? Infinity) <= STICKY_MAX_PX;
  const editingHere = editing && here && editing.row === here.row && editing.col === here.col ? editing : null;

  return (
    <div className={styles.root}>
      <TabList size="small" className={styles.tabs} selectedValue={sheet.name} onTabSelect={(_, d) => setSelected(String(d.value))} aria-label="Lembar kerja">
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <FormulaLine styles={styles} at={here} cell={shownCell} typing={editingHere?.text ?? null} />
      {editing?.refused && (
        <Caption1 role="alert" className={styles.refusal}>
          {cellName(editing.row, editing.col)}: {editing.refused.message}
        </Caption1>
      )}
      {notice && (
        <Caption1 role="status" className={styles.note}>
          {notice}
        </Caption1>
      )}
      {/* one scroller per sheet: a newly opened sheet starts at its top-left corner */}
      <div key={sheet.name} ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={`Isi lembar ${sheet.name}`} onKeyDown={keys} data-tabster={TAB_TO_EDITOR}>
        <table
          className={styles.table}
          style={{ width: `${ROW_HEAD_PX + sheet.widths.reduce((a, b) => a + b, 0)}px`, [STICKY_LEFT as string]: `${ROW_HEAD_PX + (stickyA ? (sheet.widths[0] ?? 0) : 0)}px` }}
          aria-label={`Lembar ${sheet.name}`}
        >
          <colgroup>
            <col style={{ width: `${ROW_HEAD_PX}px` }} />
            {sheet.widths.map((w, c) => (
              <col key={c} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(styles.head, styles.corner)} aria-label="Baris / kolom" />
              {sheet.columns.map((letter, c) => (
                <th key={letter} scope="col" className={mergeClasses(styles.head, c === 0 && stickyA && styles.stickyHead)}>
                  {letter}
                </th>
              ))}
            </tr>
          </thead>
          {/* selected on the press, not the click: a refused edit closing on that press removes its message above the
              grid, and the release then lands on another row, so the click would name no cell */}
          <tbody onMouseDown={(e) => e.button === 0 && pick(e)} onClick={pick} onDoubleClick={open}>
            {sheet.rows.map((row, i) => {
              const r = sheet.firstRow + i;
              return (
                <GridRow
                  key={r}
                  styles={styles}
                  row={row}
                  r={r}
                  selectedCol={here && here.row === r ? here.col : -1}
                  editing={editing && editing.row === r ? editing : null}
                  stickyA={stickyA}
                  actions={actions}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      {(sheet.firstRow > 0 || last < sheet.usedRows) && (
        <Caption1 className={styles.note}>
          Menampilkan baris {sheet.firstRow + 1}–{last} dari {sheet.usedRows}; unduh .xlsx untuk melihat semuanya.
        </Caption1>
      )}
    </div>
  );
}

/** The selected cell's address and its formula, or what it holds when it holds no formula. */
function FormulaLine({ styles, at, cell, typing }: { styles: Styles; at: Cursor | null; cell: GridCell | null; typing: string | null }) {
  const content = typing ?? cell?.formula ?? cell?.entry ?? cell?.text ?? "";
  return (
    <div className={styles.formulaBar} role="group" aria-label="Baris rumus">
      <span className={styles.nameBox} aria-label="Sel terpilih">
        {at ? cellName(at.row, at.col) : "—"}
      </span>
      <span className={styles.fx} aria-hidden="true">
        fx
      </span>
      <span className={mergeClasses(styles.formulaText, !at && styles.placeholder)} aria-label="Isi sel" aria-live="polite" title={at && content ? content : undefined}>
        {at ? content : "Pilih sel untuk melihat isinya."}
      </span>
    </div>
  );
}

/** One row; rows whose cells and selection did not change are not rendered again (a click selects one cell). */
const GridRow = memo(function GridRow({
  styles,
  row,
  r,
  selectedCol,
  editing,
  stickyA,
  actions,
}: {
  styles: Styles;
  row: readonly (GridCell | null)[];
  r: number;
  selectedCol: number;
  editing: Editing | null;
  stickyA: boolean;
  actions: { current: EditorActions };
}) {
  return (
    <tr>
      <th scope="row" className={styles.rowHead}>
        {r + 1}
      </th>
      {row.map((cell, c) =>
        cell ? (
          <GridTd
            key={c}
            styles={styles}
            cell={cell}
            row={r}
            col={c}
            selected={c === selectedCol}
            sticky={c === 0 && stickyA && !cell.colSpan}
            editing={editing?.col === c ? editing : null}
            actions={actions}
          />
        ) : null,
      )}
    </tr>
  );
});

/** One cell; the classes come from the grid (a style hook per cell makes a 500-row sheet slow). */
function GridTd({
  styles,
  cell,
  row,
  col,
  selected,
  sticky,
  editing,
  actions,
}: {
  styles: Styles;
  cell: GridCell;
  row: number;
  col: number;
  selected: boolean;
  sticky: boolean;
  editing: Editing | null;
  actions: { current: EditorActions };
}) {
  const s = cell.style;
  const inline: CSSProperties = {};
  if (s?.fill) inline.backgroundColor = s.fill;
  if (s?.bold) inline.fontWeight = tokens.fontWeightSemibold;
  if (s?.italic) inline.fontStyle = "italic";
  if (s?.horizontal) inline.textAlign = s.horizontal;
  if (s?.vertical) inline.verticalAlign = s.vertical === "middle" ? "middle" : s.vertical;
  if (s?.fontColor && cell.kind !== "unknown") inline.color = s.fontColor;
  const className = mergeClasses(
    styles.cell,
    cell.kind === "number" && styles.number,
    cell.kind === "error" && styles.error,
    cell.kind === "unknown" && styles.unknown,
    s?.wrap && styles.wrap,
    sticky && styles.stickyCol,
    cell.input && styles.input,
    selected && styles.selected,
    editing !== null && styles.editing,
  );
  return (
    <td
      className={className}
      style={inline}
      rowSpan={cell.rowSpan}
      colSpan={cell.colSpan}
      title={cell.note}
      data-kind={cell.kind}
      data-formula={cell.formula !== undefined || undefined}
      data-row={row}
      data-col={col}
      data-selected={selected || undefined}
      data-input={cell.input || undefined}
    >
      {editing ? (
        <input
          className={styles.editor}
          aria-label={`Ubah sel ${cellName(row, col)}`}
          aria-invalid={editing.refused !== undefined && editing.refused.text === editing.text}
          value={editing.text}
          readOnly={editing.saving}
          autoFocus
          spellCheck={false}
          onChange={(e) => actions.current.change(e.target.value)}
          onBlur={() => actions.current.blur()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === "Enter" || e.key === "Tab") {
              e.preventDefault();
              const back = e.shiftKey ? -1 : 1;
              actions.current.commit(e.key === "Enter" ? [back, 0] : [0, back]);
            } else if (e.key === "Escape") {
              e.preventDefault();
              actions.current.cancel();
            }
          }}
        />
      ) : (
        cell.text
      )}
    </td>
  );
}
