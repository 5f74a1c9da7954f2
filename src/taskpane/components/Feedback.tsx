/**
 * What a panel shows while and after it works: progress with its phase, the result lines, and a
 * failure with Excel's code and what it means for the workbook. Shared by every panel that writes.
 */
import { Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { FailureText } from "../siapkan";

const useStyles = makeStyles({
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function PhaseProgress({ label, phase, fraction }: { label: string; phase: string; fraction: number }) {
  return (
    <Field label={label} validationMessage={phase} validationState="none">
      <ProgressBar value={fraction} max={1} thickness="large" />
    </Field>
  );
}

export function SuccessLines({ title, label, lines, footer }: { title: string; label: string; lines: readonly string[]; footer?: ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.lines} aria-label={label}>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        {footer && <Caption1>{footer}</Caption1>}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the user should act on although the work succeeded: its own bar, not a line among the results. */
export function WarningLines({ label, lines }: { label: string; lines: readonly string[] }) {
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Perhatian</MessageBarTitle>
        <ul className={styles.lines} aria-label={label}>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function FailureBar({ failure, intent = "error" }: { failure: FailureText; intent?: "error" | "warning" }) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        <MessageBarTitle>{failure.title}</MessageBarTitle>
        {failure.message}
        {failure.code !== undefined && (
          <>
            {" "}
            (kode Excel: <span className={styles.code}>{failure.code}</span>)
          </>
        )}
        {failure.state && (
          <>
            <br />
            {failure.state}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
