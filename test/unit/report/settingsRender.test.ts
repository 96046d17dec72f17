/** The engine settings section of the Markdown and HTML reports: every setting shown, escaped, and absent in older reports. */
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../src/core/report/html";
import { renderMarkdown } from "../../../src/core/report/markdown";
import type { ReportModel } from "../../../src/core/report/model";
import { SETTINGS_TITLE } from "../../../src/core/report/settingsText";
import { reportModel } from "./model.fixture";

const HOSTILE_WHY = 'measured <b>no</b> gain | "113.9 s" & more';

const settings: NonNullable<ReportModel["settings"]> = {
  common: [
    { setting: "spark.serializer", value: "org.apache.spark.serializer.KryoSerializer", applied: true, why: "one serializer for every format" },
    { setting: "spark.sql.parquet.compression.codec", value: "zstd", applied: true, why: "same codec" },
  ],
  byTarget: {
    "spark.iceberg": [{ setting: "spark.sql.catalog.lakebench.type", value: "hadoop", applied: true, why: "the format's documented session setup" }],
    "spark.delta": [
      { setting: "spark.databricks.delta.snapshotPartitions", value: "2", applied: true, why: "Q2 3.1 s -> 1.2 s" },
      { setting: "spark.databricks.delta.stalenessLimit", value: "1h", applied: false, why: HOSTILE_WHY },
    ],
  },
};

const allSettings = [...settings.common, ...Object.values(settings.byTarget).flat()];

describe("engine settings section", () => {
  it("lists every common setting and each format's own, applied or not, in Markdown", () => {
    const markdown = renderMarkdown(reportModel({ settings }));
    expect(markdown).toContain(`## ${SETTINGS_TITLE}`);
    for (const s of allSettings) expect(markdown).toContain(`| ${s.setting} | ${s.value} |`);
    expect(markdown).toContain("### Iceberg: its own settings");
    expect(markdown).toContain("### Delta Lake: its own settings");
    expect(markdown).toContain("| spark.databricks.delta.snapshotPartitions | 2 | applied | Q2 3.1 s -&gt; 1.2 s |");
    expect(markdown).toContain("| spark.databricks.delta.stalenessLimit | 1h | not applied | measured &lt;b&gt;no&lt;/b&gt; gain \\| \"113.9 s\" & more |");
  });

  it("lists every setting in HTML with every value escaped", () => {
    const html = renderHtml(reportModel({ settings }));
    expect(html).toContain(`<h2>${SETTINGS_TITLE}</h2>`);
    for (const s of allSettings) expect(html).toContain(`<td>${s.setting}</td><td>${s.value}</td>`);
    expect(html).toContain("<td>not applied</td><td>measured &lt;b&gt;no&lt;/b&gt; gain | &quot;113.9 s&quot; &amp; more</td>");
    expect(html).not.toContain("<b>no</b>");
  });

  it("says a format without settings of its own has the common ones only", () => {
    const model = reportModel({ settings: { ...settings, byTarget: { ...settings.byTarget, "spark.iceberg": [] } } });
    expect(renderMarkdown(model)).toContain("_No settings of its own: the common settings only._");
    expect(renderHtml(model)).toContain("No settings of its own: the common settings only.");
  });

  it("leaves the section out of a report written before settings were recorded", () => {
    expect(renderMarkdown(reportModel())).not.toContain(SETTINGS_TITLE);
    expect(renderHtml(reportModel())).not.toContain(SETTINGS_TITLE);
  });
});
