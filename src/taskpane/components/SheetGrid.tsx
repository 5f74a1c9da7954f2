import { memo, useEffect, useRef, useState, type CSSProperties, type MouseEvent } from "react";
import { Caption1, makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import type { FocusRequest } from "../session";
import { cellName, type GridCell, type SheetGridModel } from "../sheet-view";

export interface SheetGridProps {
  sheets: readonly SheetGridModel[];
  /** Shown first when present, until the user picks a tab. */
  preferredSheet?: string | undefined;
  /** A cell to show (a Periksa finding): its sheet is opened, scrolled to it and the cell selected. */
  focus?: FocusRequest | null | undefined;
}

/** The selected cell, by its sheet row and column. */
interface Cursor {
  sheet: string;
  row: number;
  col: number;
}

const ROW_HEAD_PX = 40;
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
  formulaText: {
    flex: "1 1 auto",
    minWidth: 0,
    display: "flex",
    alignItems: "center",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    overflowWrap: "anywhere",
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
  cell: {
    scrollMarginTop: `${HEAD_PX}px`,
    scrollMarginLeft: `${ROW_HEAD_PX}px`,
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
  wrap: { whiteSpace: "normal", overflowWrap: "anywhere" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  error: { textAlign: "center", color: tokens.colorPaletteRedForeground1 },
  // a formula not computed here: its value is not known, and the tooltip says why
  unknown: { textAlign: "center", color: tokens.colorNeutralForeground4, fontStyle: "italic" },
  note: { color: tokens.colorNeutralForeground3 },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: `${tokens.colorBrandBackground2} !important`,
  },
});

type Styles = ReturnType<typeof useStyles>;

/**
 * The workbook as sheet tabs over a scrollable table of each sheet's used range, showing values as
 * Excel shows them; a click selects a cell and the formula line above shows its formula.
 */
export function SheetGrid({ sheets, preferredSheet, focus }: SheetGridProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [cursor, setCursor] = useState<Cursor | null>(null);
  /** A focus request whose cell is still to be scrolled into view (the grid may reload around it first). */
  const [pending, setPending] = useState<FocusRequest | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

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

  if (!sheet) return <Caption1 className={styles.note}>Buku kerja masih kosong.</Caption1>;

  const pick = (e: MouseEvent<HTMLTableSectionElement>) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>("td[data-row]");
    if (td) setCursor({ sheet: sheet.name, row: Number(td.dataset.row), col: Number(td.dataset.col) });
  };
  const shownCell = here ? (sheet.rows[here.row - sheet.firstRow]?.[here.col] ?? null) : null;
  const last = sheet.firstRow + sheet.rows.length;

  return (
    <div className={styles.root}>
      <TabList size="small" className={styles.tabs} selectedValue={sheet.name} onTabSelect={(_, d) => setSelected(String(d.value))} aria-label="Lembar kerja">
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      <FormulaLine styles={styles} at={here} cell={shownCell} />
      {/* one scroller per sheet: a newly opened sheet starts at its top-left corner */}
      <div key={sheet.name} ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={`Isi lembar ${sheet.name}`}>
        <table className={styles.table} style={{ width: `${ROW_HEAD_PX + sheet.widths.reduce((a, b) => a + b, 0)}px` }} aria-label={`Lembar ${sheet.name}`}>
          <colgroup>
            <col style={{ width: `${ROW_HEAD_PX}px` }} />
            {sheet.widths.map((w, c) => (
              <col key={c} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(styles.head, styles.corner)} aria-label="Baris / kolom" />
              {sheet.columns.map((letter) => (
                <th key={letter} scope="col" className={styles.head}>
                  {letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody onClick={pick}>
            {sheet.rows.map((row, i) => (
              <GridRow key={sheet.firstRow + i} styles={styles} row={row} r={sheet.firstRow + i} selectedCol={here && here.row === sheet.firstRow + i ? here.col : -1} />
            ))}
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
function FormulaLine({ styles, at, cell }: { styles: Styles; at: Cursor | null; cell: GridCell | null }) {
  const content = cell?.formula ?? cell?.entry ?? cell?.text ?? "";
  return (
    <div className={styles.formulaBar} role="group" aria-label="Baris rumus">
      <span className={styles.nameBox} aria-label="Sel terpilih">
        {at ? cellName(at.row, at.col) : "—"}
      </span>
      <span className={styles.fx} aria-hidden="true">
        fx
      </span>
      <span className={mergeClasses(styles.formulaText, !at && styles.placeholder)} aria-label="Isi sel" aria-live="polite">
        {at ? content : "Pilih sel untuk melihat rumus atau isinya."}
      </span>
    </div>
  );
}

/** One row; rows whose cells and selection did not change are not rendered again (a click selects one cell). */
const GridRow = memo(function GridRow({ styles, row, r, selectedCol }: { styles: Styles; row: readonly (GridCell | null)[]; r: number; selectedCol: number }) {
  return (
    <tr>
      <th scope="row" className={styles.rowHead}>
        {r + 1}
      </th>
      {row.map((cell, c) => (cell ? <GridTd key={c} styles={styles} cell={cell} row={r} col={c} selected={c === selectedCol} /> : null))}
    </tr>
  );
});

/** One cell; the classes come from the grid (a style hook per cell makes a 500-row sheet slow). */
function GridTd({ styles, cell, row, col, selected }: { styles: Styles; cell: GridCell; row: number; col: number; selected: boolean }) {
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
    selected && styles.selected,
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
    >
      {cell.text}
    </td>
  );
}
