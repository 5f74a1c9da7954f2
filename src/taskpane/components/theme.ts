/**
 * Fluent UI's design tokens for the pane's shell (App, the no-Excel banner, LazyPanel): the code of
 * the first load. FluentProvider sets every token as a CSS variable; `tokens.colorNeutralForeground3`
 * is just "var(--colorNeutralForeground3)". The panels' chunks import `tokens` (and Fluent's own
 * components there reference it), so were the shell to import it too, webpack would keep the whole
 * tokens object (467 entries, ~28 KB minified) in the first load for the chunks' sake.
 * `token("colorNeutralForeground3")` gives the same variable without the object; the names are
 * checked against Fluent's.
 */
import type { tokens } from "@fluentui/react-components";

/** Every token but the z-index ones, whose variables carry a fallback value. */
export type TokenName = Exclude<keyof typeof tokens, `zIndex${string}`>;

export const token = (name: TokenName): string => `var(--${name})`;
