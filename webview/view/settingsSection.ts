/** The engine settings of the shown run: the common ones, then each format's own with applied or not and why. */
import type { ReportModel } from "../../src/core/report/model";
import {
  COMMON_SETTINGS_COLUMNS,
  COMMON_SETTINGS_TITLE,
  commonSettingRows,
  FORMAT_SETTINGS_COLUMNS,
  formatSettingRows,
  formatSettingsTitle,
  formatsWithSettings,
  NO_FORMAT_SETTINGS,
  SETTINGS_NOTE,
  SETTINGS_TITLE,
} from "../../src/core/report/settingsText";
import { h } from "./dom";

const table = (head: string[], rows: string[][]) =>
  h("table", { class: "settings" }, h("thead", {}, h("tr", {}, ...head.map((c) => h("th", {}, c)))), h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))));

/** Absent (null) for a report written before settings were recorded. */
export function settingsSection(model: ReportModel): HTMLElement | null {
  if (!model.settings) return null;
  return h(
    "section",
    { class: "engine-settings" },
    h("h2", {}, SETTINGS_TITLE),
    h("p", { class: "meta" }, SETTINGS_NOTE),
    h("h3", {}, COMMON_SETTINGS_TITLE),
    table(COMMON_SETTINGS_COLUMNS, commonSettingRows(model.settings.common)),
    ...formatsWithSettings(model).flatMap(([f, settings]) => [
      h("h3", {}, formatSettingsTitle(f)),
      settings.length ? table(FORMAT_SETTINGS_COLUMNS, formatSettingRows(settings)) : h("p", { class: "meta" }, NO_FORMAT_SETTINGS),
    ]),
  );
}
