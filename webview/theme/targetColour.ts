/** Which colour a chart draws a target in; DOM-free (the theme is read in chartTheme.ts). */
import type { FormatId, ReportTarget } from "../../src/core/view";

/** The theme's colour of the target's format, else the report's own colour (model.targets). */
export const targetColour = (theme: { formats: Partial<Record<FormatId, string>> }, target: Pick<ReportTarget, "format" | "colour">): string =>
  theme.formats[target.format] ?? target.colour;
