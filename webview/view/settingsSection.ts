/** The engine settings of the shown run: the common ones, then each target's own with applied or not and why. */
import { settingsText, type ReportModel } from "../../src/core/view";
import { h } from "./dom";

const table = (head: string[], rows: string[][]) =>
  h("table", { class: "settings" }, h("thead", {}, h("tr", {}, ...head.map((c) => h("th", {}, c)))), h("tbody", {}, ...rows.map((r) => h("tr", {}, ...r.map((c) => h("td", {}, c))))));

/** Absent (null) for a report written before settings were recorded. */
export function settingsSection(model: ReportModel): HTMLElement | null {
  if (!model.settings) return null;
  return h(
    "section",
    { class: "engine-settings" },
    h("h2", {}, settingsText.SETTINGS_TITLE),
    h("p", { class: "meta" }, settingsText.SETTINGS_NOTE),
    h("h3", {}, settingsText.COMMON_SETTINGS_TITLE),
    table(settingsText.COMMON_SETTINGS_COLUMNS, settingsText.commonSettingRows(model.settings.common)),
    ...settingsText.formatsWithSettings(model).flatMap(([target, settings]) => [
      h("h3", {}, settingsText.formatSettingsTitle(target)),
      settings.length ? table(settingsText.FORMAT_SETTINGS_COLUMNS, settingsText.formatSettingRows(settings)) : h("p", { class: "meta" }, settingsText.NO_FORMAT_SETTINGS),
    ]),
  );
}
