import { useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { FunctionInfo } from "../../core/functions/library";
import type { DisplayCell, PlaygroundResult } from "../playground";

export interface FunctionPlaygroundProps {
  functions: readonly FunctionInfo[];
  /** Runs a function on the typed arguments; the component only shows what comes back. */
  evaluate: (fn: FunctionInfo, inputs: readonly string[]) => PlaygroundResult;
  /** The arguments a function starts with (examples from real reports). */
  initialInputs: (fn: FunctionInfo) => readonly string[];
  exampleSource?: (fn: FunctionInfo) => string | undefined;
  initialFunction?: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "640px" },
  summary: { color: tokens.colorNeutralForeground2 },
  params: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  exampleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  source: { color: tokens.colorNeutralForeground3 },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  result: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  blank: { color: tokens.colorNeutralForeground3 },
  errorCell: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Try any SAKIP.* function with typed arguments and see the result as the cell would show it. */
export function FunctionPlayground({ functions, evaluate, initialInputs, exampleSource, initialFunction }: FunctionPlaygroundProps) {
  const styles = useStyles();
  const [fnId, setFnId] = useState(initialFunction ?? functions[0]?.id ?? "");
  const [edited, setEdited] = useState<Record<string, readonly string[]>>({});
  const fn = functions.find((f) => f.id === fnId) ?? functions[0];
  const inputs = fn ? (edited[fn.id] ?? initialInputs(fn)) : [];

  const outcome = useMemo((): { ok: true; result: PlaygroundResult } | { ok: false; message: string } | undefined => {
    if (!fn) return undefined;
    try {
      return { ok: true, result: evaluate(fn, inputs) };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }, [fn, inputs, evaluate]);

  if (!fn) return <Body1>Belum ada fungsi.</Body1>;

  const setInput = (i: number, value: string) => {
    const next = fn.params.map((_, j) => (j === i ? value : (inputs[j] ?? "")));
    setEdited({ ...edited, [fn.id]: next });
  };
  const source = exampleSource?.(fn);

  return (
    <div className={styles.root}>
      <Field label="Fungsi">
        <Select value={fn.id} onChange={(_, data) => setFnId(data.value)}>
          {functions.map((f) => (
            <option key={f.id} value={f.id}>
              SAKIP.{f.id}
            </option>
          ))}
        </Select>
      </Field>
      <Body1 className={styles.summary}>{fn.summary}</Body1>

      <div className={styles.params}>
        {fn.params.map((p, i) => (
          <Field key={`${fn.id}-${p.name}`} label={p.optional ? `${p.name} (opsional)` : p.name}>
            <Input value={inputs[i] ?? ""} onChange={(_, data) => setInput(i, data.value)} autoComplete="off" spellCheck={false} />
          </Field>
        ))}
        <Caption1 className={styles.source}>
          Koma adalah pemisah desimal (82,9). Beberapa sel dipisahkan dengan titik koma: 79,63; 86,11.
        </Caption1>
        <div className={styles.exampleRow}>
          <Button size="small" onClick={() => setEdited({ ...edited, [fn.id]: initialInputs(fn) })}>
            Isi contoh
          </Button>
          {source && <Caption1 className={styles.source}>Contoh: {source}</Caption1>}
        </div>
      </div>

      <div className={styles.result} role="status" aria-live="polite" aria-label="Hasil">
        <Subtitle2>Hasil</Subtitle2>
        {outcome?.ok === false && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Kesalahan program</MessageBarTitle>
              {outcome.message}
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome?.ok && (
          <>
            <code className={styles.formula} data-testid="rumus">
              {outcome.result.formula}
            </code>
            <ResultView cells={outcome.result.cells} />
          </>
        )}
      </div>
    </div>
  );
}

function ResultView({ cells }: { cells: DisplayCell[][] }) {
  const styles = useStyles();
  const single = cells.length === 1 && cells[0]?.length === 1 ? cells[0][0] : undefined;
  const errors = [...new Map(cells.flat().flatMap((c) => (c.kind === "error" ? [[`${c.error} ${c.message}`, c] as const] : []))).values()];

  return (
    <>
      {single ? (
        <Text className={single.kind === "error" ? styles.errorCell : single.kind === "blank" ? styles.blank : styles.value} data-testid="hasil">
          {single.text}
        </Text>
      ) : (
        <Table size="small" aria-label="Hasil per sel" data-testid="hasil">
          <TableBody>
            {cells.map((row, i) => (
              <TableRow key={i}>
                {row.map((c, j) => (
                  <TableCell key={j} className={c.kind === "error" ? styles.errorCell : c.kind === "blank" ? styles.blank : undefined}>
                    {c.text}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {errors.map((e) => (
        <MessageBar key={`${e.error} ${e.message}`} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{e.error}</MessageBarTitle>
            {e.message}
          </MessageBarBody>
        </MessageBar>
      ))}
      {single?.kind === "blank" && <Caption1 className={styles.blank}>Argumen belum lengkap: sel hasil di Excel akan kosong.</Caption1>}
    </>
  );
}
