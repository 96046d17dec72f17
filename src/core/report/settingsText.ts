/** The engine settings section, shared by the Markdown and HTML reports: titles, columns and rows. */
import type { EngineSetting } from "../engines/outputs";
import type { ReportModel, ReportTarget } from "./model";

export const SETTINGS_TITLE = "Engine settings: the same for every format, and what differs";
export const SETTINGS_NOTE =
  "Every format's Spark session gets the common settings; each format then gets only its own documented session setup, and any tuning applied or rejected is listed with the evidence.";
export const COMMON_SETTINGS_TITLE = "The same for every format";
export const COMMON_SETTINGS_COLUMNS = ["setting", "value", "why"];
export const FORMAT_SETTINGS_COLUMNS = ["setting", "value", "applied", "why"];
export const NO_FORMAT_SETTINGS = "No settings of its own: the common settings only.";

export const formatSettingsTitle = (target: Pick<ReportTarget, "label">) => `${target.label}: its own settings`;

export const commonSettingRows = (settings: EngineSetting[]): string[][] => settings.map((s) => [s.setting, s.value, s.why]);
export const formatSettingRows = (settings: EngineSetting[]): string[][] =>
  settings.map((s) => [s.setting, s.value, s.applied ? "applied" : "not applied", s.why]);

/** The targets of the report that recorded their settings, in the report's order. */
export function formatsWithSettings(model: ReportModel): [ReportTarget, EngineSetting[]][] {
  const byTarget = model.settings?.byTarget ?? {};
  return model.targets.flatMap((t) => (byTarget[t.id] ? [[t, byTarget[t.id]] as [ReportTarget, EngineSetting[]]] : []));
}
