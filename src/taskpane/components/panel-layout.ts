/**
 * The layout every panel shares, for makeStyles: one column at 380 px; from 960 px the panel's form
 * beside the session grid (`form` is the form column's track, e.g. "minmax(340px, 520px)").
 */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export function panelLayout(form: string): Record<"root" | "column" | "intro", GriffelStyle> {
  return {
    root: {
      display: "grid",
      gridTemplateColumns: "minmax(0, 1fr)",
      gap: tokens.spacingVerticalL,
      alignItems: "start",
      "@media (min-width: 960px)": { gridTemplateColumns: `${form} minmax(0, 1fr)`, columnGap: tokens.spacingHorizontalXXL },
    },
    column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
    intro: { color: tokens.colorNeutralForeground2 },
  };
}
