import { useEffect, useRef, useState, type CSSProperties } from "react";
import { Caption1, makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import { a1 } from "../../core/address";
import type { GridCell, SheetGridModel } from "../sheet-view";
import type { FocusRequest } from "../session";

export interface SheetGridProps {
  sheets: readonly SheetGridModel[];
  /** Shown first when present, until the user picks a tab. */
  preferredSheet?: string | undefined;
  /** A cell to show (a Periksa finding): its sheet is opened, scrolled to it and the cell marked. */
  focus?: FocusRequest | null | undefined;
}

const ROW_HEAD_PX = 40;
/** The column letters' row, a little more than one line of the grid's text. */
const HEAD_PX = 24;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // six sheet names do not fit a 400 px pane on one line; wrapping keeps them all in sight
  tabs: { flexWrap: "wrap" },
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
  },
  wrap: { whiteSpace: "normal", overflowWrap: "anywhere" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  formula: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground4, fontSize: tokens.fontSizeBase100 },
  note: { color: tokens.colorNeutralForeground3 },
  focused: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: `${tokens.colorBrandBackground2} !important`,
  },
});

/** The workbook as sheet tabs over a scrollable table of each sheet's used range. Display only. */
export function SheetGrid({ sheets, preferredSheet, focus }: SheetGridProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [marked, setMarked] = useState<FocusRequest | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // a new request opens its sheet and marks its cell; the user's own tab choice wins until the next one
  useEffect(() => {
    if (!focus) return;
    setSelected(focus.sheet);
    setMarked(focus);
  }, [focus?.seq]);

  const sheet = sheets.find((s) => s.name === selected) ?? sheets.find((s) => s.name === preferredSheet) ?? sheets[0];
  const mark = marked && sheet && marked.sheet.toLowerCase() === sheet.name.toLowerCase() ? marked : null;

  useEffect(() => {
    if (!mark) return;
    const td = scroller.current?.querySelector<HTMLElement>(`td[data-row="${mark.row}"][data-col="${mark.col}"]`);
    // the least scrolling that brings it in sight (the grid's box and the page); its scroll margins keep it
    // clear of the sticky header row and row numbers
    td?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [mark?.seq, sheet?.name]);

  if (!sheet) return <Caption1 className={styles.note}>Buku kerja masih kosong.</Caption1>;
  const markOutside = mark !== null && mark.row >= sheet.rows.length;

  return (
    <div className={styles.root}>
      <TabList size="small" className={styles.tabs} selectedValue={sheet.name} onTabSelect={(_, d) => setSelected(String(d.value))} aria-label="Lembar kerja">
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      {mark && (
        <Caption1 role="status">
          Sel ditunjuk: <strong>{a1(mark.row, mark.col)}</strong>
          {markOutside && ` (di luar ${sheet.rows.length} baris yang ditampilkan; unduh .xlsx untuk melihatnya)`}
        </Caption1>
      )}
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
          <tbody>
            {sheet.rows.map((row, r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHead}>
                  {r + 1}
                </th>
                {row.map((cell, c) => (cell ? <GridTd key={c} styles={styles} cell={cell} row={r} col={c} focused={mark !== null && mark.row === r && mark.col === c} /> : null))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.rows.length < sheet.usedRows && (
        <Caption1 className={styles.note}>
          Menampilkan {sheet.rows.length} baris pertama dari {sheet.usedRows}; unduh .xlsx untuk melihat semuanya.
        </Caption1>
      )}
    </div>
  );
}

/** One cell; the classes come from the grid (a style hook per cell makes a 500-row sheet slow). */
function GridTd({ styles, cell, row, col, focused }: { styles: ReturnType<typeof useStyles>; cell: GridCell; row: number; col: number; focused: boolean }) {
  const s = cell.style;
  const inline: CSSProperties = {};
  if (s?.fill) inline.backgroundColor = s.fill;
  if (s?.bold) inline.fontWeight = tokens.fontWeightSemibold;
  if (s?.italic) inline.fontStyle = "italic";
  if (s?.horizontal) inline.textAlign = s.horizontal;
  if (s?.vertical) inline.verticalAlign = s.vertical === "middle" ? "middle" : s.vertical;
  if (s?.fontColor && cell.kind !== "formula") inline.color = s.fontColor;
  const className = mergeClasses(
    styles.cell,
    cell.kind === "number" && styles.number,
    cell.kind === "formula" && styles.formula,
    s?.wrap && cell.kind !== "formula" && styles.wrap,
    focused && styles.focused,
  );
  return (
    <td
      className={className}
      style={inline}
      rowSpan={cell.rowSpan}
      colSpan={cell.colSpan}
      title={cell.kind === "formula" ? cell.text : undefined}
      data-kind={cell.kind}
      data-row={row}
      data-col={col}
      data-focused={focused || undefined}
    >
      {cell.text}
    </td>
  );
}
