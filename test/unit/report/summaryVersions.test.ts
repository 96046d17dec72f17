/**
 * summary.json of either version opens as the current report model: a version 1 file from
 * the landed main (test/fixtures/v1/summary.json, an SF 0.01 run of iceberg and parquet on
 * queries 1 and 6) is upgraded to targets and shows the same figures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../../../src/core/formats";
import { bytes, seconds } from "../../../src/core/report/format";
import { renderHtml } from "../../../src/core/report/html";
import { renderMarkdown } from "../../../src/core/report/markdown";
import type { QueryCell, TargetLoad } from "../../../src/core/report/model";
import { parseReportModel, SummaryVersionError } from "../../../src/core/report/summaryVersions";
import { parseReportModel as fromView } from "../../../src/core/view";
import { reportModel } from "./model.fixture";

/** What the tests read of a version 1 summary: keyed by framework. */
interface V1Ranked {
  framework: "iceberg" | "parquet" | "hudi";
  rank: number;
  ratio: number;
}
interface V1Summary {
  schemaVersion: number;
  benchmarkId: string;
  frameworks: string[];
  bronze: unknown;
  load: Record<string, TargetLoad & { options?: Record<string, string> }>;
  totals: Record<string, { sumOfMedians: number; geometricMeanOfMedians: number }>;
  measuredIn: Record<string, unknown>;
  settings: { common: unknown[]; byFramework: Record<string, unknown> };
  queries: { name: string; byFramework: Record<string, QueryCell> }[];
  verdict: Record<"queries" | "load" | "storage", { formats: V1Ranked[] }>;
}

/** The v1 file's JSON, fresh for each test (tests change copies of it). */
const v1 = (): V1Summary => JSON.parse(readFileSync(path.join(__dirname, "../../fixtures/v1/summary.json"), "utf8"));

/** The lines of a Markdown section, from its heading to the next one. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}
const row = (lines: string[], first: string) => lines.find((l) => l.startsWith(`| ${first} |`))!.slice(2, -2).split(" | ");

describe("parseReportModel: a version 1 summary.json from the landed main", () => {
  const old = v1();
  const model = parseReportModel(v1());

  it("is exported from the browser-safe entry the webview imports", () => {
    expect(fromView).toBe(parseReportModel);
  });

  it("becomes version 2 with each framework a Spark target named and coloured by its descriptor", () => {
    expect(old.schemaVersion).toBe(1);
    expect(model.schemaVersion).toBe(2);
    expect(model.workload).toBe("tpch-read");
    expect(model.targets).toEqual([
      { id: "spark.iceberg", engine: "spark", format: "iceberg", label: FORMATS.iceberg.label, colour: FORMATS.iceberg.colour },
      { id: "spark.parquet", engine: "spark", format: "parquet", label: FORMATS.parquet.label, colour: FORMATS.parquet.colour },
    ]);
    expect(model).not.toHaveProperty("frameworks");
    expect(model.benchmarkId).toBe(old.benchmarkId);
  });

  it("keeps every figure, re-keyed by target", () => {
    for (const f of ["iceberg", "parquet"] as const) {
      const id = `spark.${f}` as const;
      expect(model.load[id]).toEqual(old.load[f]);
      expect(model.totals[id]).toEqual(old.totals[f]);
      expect(model.measuredIn![id]).toEqual(old.measuredIn[f]);
      expect(model.settings!.byTarget[id]).toEqual(old.settings.byFramework[f]);
      model.queries.forEach((q, i) => expect(q.byTarget[id]).toEqual(old.queries[i].byFramework[f]));
    }
    expect(model.queries.map((q) => q.name)).toEqual(["q01", "q06"]);
    expect(model.settings!.common).toEqual(old.settings.common);
    expect(model.bronze).toEqual(old.bronze);
  });

  it("names the verdict's ranked targets by id and label, with the same ranks and ratios", () => {
    for (const key of ["queries", "load", "storage"] as const) {
      const ranking = model.verdict![key];
      expect(ranking.formats.map((f) => [f.target, f.rank, f.ratio])).toEqual(old.verdict[key].formats.map((f) => [`spark.${f.framework}`, f.rank, f.ratio]));
      expect(ranking.formats.map((f) => f.label)).toEqual(old.verdict[key].formats.map((f) => FORMATS[f.framework].label));
      expect(ranking.formats[0]).not.toHaveProperty("framework");
    }
  });

  it("renders to Markdown with the v1 file's figures", () => {
    const markdown = renderMarkdown(model);
    const totals = section(markdown, "Totals");
    const iceberg = row(totals, "Iceberg");
    expect(iceberg[1]).toBe(seconds(old.load.iceberg.seconds, 1));
    expect(iceberg[2]).toBe(bytes(old.load.iceberg.dataBytes));
    expect(iceberg[5]).toBe(seconds(old.totals.iceberg.sumOfMedians));
    expect(row(totals, "Parquet")[6]).toBe(seconds(old.totals.parquet.geometricMeanOfMedians));
    const q06 = row(section(markdown, "Query times (median seconds; CV in brackets)"), "q06");
    expect(q06[1]).toBe(`${old.queries[1].byFramework.iceberg.statistics!.median.toFixed(3)} (–)`);
    expect(q06[2]).toBe(`${old.queries[1].byFramework.parquet.statistics!.median.toFixed(3)} (–)`);
    expect(markdown).toContain(`formats Iceberg, Parquet;`);
    expect(markdown).toContain("### Iceberg: its own settings");
  });

  it("renders to HTML with the v1 file's figures", () => {
    const html = renderHtml(model);
    expect(html).toContain(`<tr><td>Iceberg</td><td>${seconds(old.load.iceberg.seconds, 1)}</td><td>${bytes(old.load.iceberg.dataBytes)}</td>`);
    expect(html).toContain(`<td>${seconds(old.totals.parquet.sumOfMedians)}</td>`);
    expect(html).toContain(`<td>${old.queries[0].byFramework.parquet.statistics!.median.toFixed(3)} s (–)</td>`);
    const best = old.verdict.storage.formats[0];
    expect(html).toContain(`<td>1</td><td>${FORMATS[best.framework].label}</td>`);
  });

  it("reads a v1 Hudi that ran as MERGE_ON_READ as the hudi-mor target, as the state migration does", () => {
    const file = v1();
    file.frameworks = ["iceberg", "hudi"];
    for (const record of [file.load, file.totals, file.measuredIn, file.settings.byFramework, ...file.queries.map((q) => q.byFramework)]) {
      record.hudi = record.parquet;
      delete record.parquet;
    }
    file.load.hudi = { ...file.load.hudi, options: { table_type: "MERGE_ON_READ" } };
    for (const key of ["queries", "load", "storage"] as const) {
      for (const entry of file.verdict[key].formats) if (entry.framework === "parquet") entry.framework = "hudi";
    }
    const upgraded = parseReportModel(file);
    expect(upgraded.targets.map((t) => [t.id, t.label])).toEqual([["spark.iceberg", "Iceberg"], ["spark.hudi-mor", "Hudi MOR"]]);
    expect(upgraded.totals["spark.hudi-mor"]).toEqual(old.totals.parquet);
    expect(upgraded.verdict!.storage.formats.map((f) => f.target).sort()).toEqual(["spark.hudi-mor", "spark.iceberg"]);
    delete file.load.hudi.options;
    expect(parseReportModel(file).targets[1].id).toBe("spark.hudi");
  });
});

describe("parseReportModel: version 2 and files that are neither", () => {
  it("accepts a version 2 model as it is", () => {
    const model = reportModel();
    expect(parseReportModel(JSON.parse(JSON.stringify(model)))).toEqual(JSON.parse(JSON.stringify(model)));
  });

  /** The error parseReportModel throws for `value`. */
  const failure = (value: unknown): SummaryVersionError => {
    try {
      parseReportModel(value);
    } catch (error) {
      expect(error).toBeInstanceOf(SummaryVersionError);
      return error as SummaryVersionError;
    }
    throw new Error("parsed without an error");
  };

  it("refuses what is not a JSON object", () => {
    expect(failure("summary").message).toMatch(/^not a Lakehouse Bench summary: top level is "summary"; expected a JSON object/);
    expect(failure(null).key).toBe("");
  });

  it("names a missing or unknown schemaVersion and the versions it reads", () => {
    const missing = failure({ benchmarkId: "x" });
    expect(missing).toMatchObject({ key: "schemaVersion", value: undefined });
    expect(missing.message).toContain("schemaVersion is missing; expected schemaVersion 1 or 2");
    expect(failure({ ...v1(), schemaVersion: 3 }).message).toContain("schemaVersion is 3; expected schemaVersion 1 or 2");
  });

  it("names the key that is wrong in a version 1 or 2 file", () => {
    expect(failure({ ...v1(), frameworks: ["iceberg", "orc"] })).toMatchObject({ key: "frameworks.1", value: "orc" });
    const noTargets = JSON.parse(JSON.stringify(reportModel()));
    delete noTargets.targets;
    expect(failure(noTargets)).toMatchObject({ key: "targets", value: undefined });
    const badQueries = { ...JSON.parse(JSON.stringify(reportModel())), queries: [{ name: "q01", byFramework: {} }] };
    expect(failure(badQueries).key).toBe("queries.0.byTarget");
    expect(failure({ ...v1(), totals: [] }).key).toBe("totals");
  });
});
