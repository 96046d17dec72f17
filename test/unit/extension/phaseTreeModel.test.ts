import { describe, expect, it } from "vitest";
import { targetPhases, type FormatId } from "../../../src/core";
import { buildPhaseTree, targetLabel, type PhaseNode } from "../../../src/extension/tree/phaseTreeModel";
import { completed, run, state } from "./support/state";

const targets = (...formats: FormatId[]) => targetPhases({ formats });

const find = (nodes: PhaseNode[], id: string): PhaseNode => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const child = node.children && find(node.children, id);
    if (child) return child;
  }
  return undefined as never;
};

describe("the Phases tree model", () => {
  it("has bronze, silver and gold with one child per configured format, then report", () => {
    const tree = buildPhaseTree({ targets: targets("parquet", "iceberg"), state: state({}) });
    expect(tree.map((n) => n.id)).toEqual(["bronze", "silver", "gold", "report"]);
    expect(find(tree, "silver").children!.map((c) => c.id)).toEqual(["load@spark.parquet", "load@spark.iceberg"]);
    expect(find(tree, "gold").children!.map((c) => c.label)).toEqual(["Parquet", "Iceberg"]);
    expect(tree.every((n) => n.status === "pending")).toBe(true);
    expect(find(tree, "bronze").description).toBe("not run yet");
  });

  it("names each target by its format variant's label and its engine in the tooltip", () => {
    const tree = buildPhaseTree({ targets: targets("iceberg-mor", "delta-dv", "hudi-mor"), state: state({}) });
    expect(find(tree, "gold").children!.map((c) => c.id)).toEqual(["queries@spark.iceberg-mor", "queries@spark.delta-dv", "queries@spark.hudi-mor"]);
    expect(find(tree, "silver").children!.map((c) => c.label)).toEqual(["Iceberg MOR", "Delta DV", "Hudi MOR"]);
    const leaf = find(tree, "load@spark.hudi-mor");
    expect(leaf.target).toEqual({ id: "spark.hudi-mor", engine: "spark", format: "hudi-mor" });
    expect(leaf.phaseName).toBe("load@spark.hudi-mor");
    expect(leaf.tooltip.title).toBe("load@spark.hudi-mor (Silver, Hudi MOR on Spark)");
    // With targets on more than one engine the label says which.
    expect(targetLabel(leaf.target!, 2)).toBe("Hudi MOR on Spark");
    expect(targetLabel(leaf.target!, 1)).toBe("Hudi MOR");
  });

  it("describes completed phases with their duration and the figure that matters", () => {
    const tree = buildPhaseTree({
      targets: targets("iceberg"),
      state: state({
        bronze: completed({ rows: 86_805 }),
        "load@spark.iceberg": completed({ rows: 86_805, dataBytes: 3 * 2 ** 20 }),
        "queries@spark.iceberg": completed({ passed: 22, queries: 22 }),
        report: completed({ problems: 0 }),
      }),
    });
    expect(find(tree, "bronze").description).toBe("12.5 s · 86,805 rows");
    expect(find(tree, "load@spark.iceberg").description).toBe("12.5 s · 86,805 rows, 3.0 MiB");
    expect(find(tree, "queries@spark.iceberg").description).toBe("12.5 s · 22/22 passed");
    expect(find(tree, "report").description).toBe("12.5 s · no problems");
    expect(find(tree, "gold").status).toBe("completed");
    expect(find(tree, "gold").description).toBe("1/1 done");
  });

  it("shows no figure for a result that does not have its phase's shape", () => {
    const tree = buildPhaseTree({
      targets: targets("iceberg"),
      state: state({
        bronze: completed({ rows: "many" }),
        "load@spark.iceberg": completed({ rows: -1 }),
        "queries@spark.iceberg": completed({ passed: 22 }),
        report: completed({ problems: "none" }),
      }),
    });
    expect(["bronze", "load@spark.iceberg", "queries@spark.iceberg", "report"].map((id) => find(tree, id).description)).toEqual(["12.5 s", "12.5 s", "12.5 s", "12.5 s"]);
  });

  it("puts times, the config hash and the error in the tooltip", () => {
    const tree = buildPhaseTree({
      targets: targets("iceberg"),
      state: state({ "queries@spark.iceberg": completed({}, { status: "failed", error: "queries@spark.iceberg: wrong answers: q05\nmore" }) }),
    });
    const gold = find(tree, "queries@spark.iceberg");
    expect(gold.status).toBe("failed");
    expect(gold.description).toBe("failed: queries@spark.iceberg: wrong answers: q05");
    expect(gold.tooltip.fields.map((f) => f.label)).toEqual(["Status", "Started", "Finished", "Duration", "Config hash", "Run", "Log"]);
    expect(gold.tooltip.fields.find((f) => f.label === "Config hash")!.value).toBe("0123456789abcdef");
    expect(gold.tooltip.error).toContain("wrong answers: q05");
    expect(find(tree, "gold").status).toBe("failed");
  });

  it("shows a phase the last run found up to date as skipped", () => {
    const tree = buildPhaseTree({
      targets: targets("iceberg"),
      state: state({ bronze: completed({ rows: 1 }) }, [run({ phases: { bronze: "skipped" } })]),
    });
    expect(find(tree, "bronze").status).toBe("skipped");
    expect(find(tree, "bronze").description).toMatch(/^up to date · /);
  });

  it("follows a running phase's progress line, and shows a phase whose runner died as interrupted", () => {
    const running = { status: "running" as const, startedAt: "2026-01-01T10:00:00Z", pid: 4242 };
    const live = buildPhaseTree({
      targets: targets("iceberg"),
      state: state({ "queries@spark.iceberg": running }),
      progress: { "queries@spark.iceberg": "queries@spark.iceberg: q05 0.412 s median of 1" },
      isAlive: () => true,
    });
    expect(find(live, "queries@spark.iceberg").status).toBe("running");
    expect(find(live, "queries@spark.iceberg").description).toBe("q05 0.412 s median of 1");
    expect(find(live, "gold").status).toBe("running");

    const dead = buildPhaseTree({ targets: targets("iceberg"), state: state({ "queries@spark.iceberg": running }), isAlive: () => false });
    expect(find(dead, "queries@spark.iceberg").status).toBe("failed");
    expect(find(dead, "queries@spark.iceberg").description).toBe("interrupted");
  });

  it("offers the log and metrics menus only when the files exist", () => {
    const tree = buildPhaseTree({
      targets: targets("iceberg"),
      state: state({ "queries@spark.iceberg": completed({ metricsFile: "/data/gold/metrics/x/spark.iceberg.json" }), bronze: { status: "pending" } }),
      metricsFileOf: (_phase, s) => s.result?.metricsFile as string | undefined,
    });
    expect(find(tree, "queries@spark.iceberg").contextValue).toBe("phase.log.metrics");
    expect(find(tree, "queries@spark.iceberg").metricsFile).toBe("/data/gold/metrics/x/spark.iceberg.json");
    expect(find(tree, "bronze").contextValue).toBe("phase");
    expect(find(tree, "gold").contextValue).toBe("phaseGroup");
  });

  describe("with the tpch-qphh workload", () => {
    const qphhTargets = (...formats: FormatId[]) => targetPhases({ formats, workload: "tpch-qphh" });

    it("lists each target's query set and power and throughput test under Gold, named by step", () => {
      const tree = buildPhaseTree({ targets: qphhTargets("iceberg", "delta"), state: state({}), refreshData: true });
      const gold = find(tree, "gold");
      expect(gold.children!.map((c) => c.id)).toEqual(["queries@spark.iceberg", "qphh@spark.iceberg", "queries@spark.delta", "qphh@spark.delta"]);
      expect(gold.children!.map((c) => c.label)).toEqual(["Iceberg: queries", "Iceberg: power + throughput (QphH)", "Delta Lake: queries", "Delta Lake: power + throughput (QphH)"]);
      expect(gold.tooltip.title).toContain("power and throughput test");
      const leaf = find(tree, "qphh@spark.delta");
      expect(leaf.kind).toBe("gold");
      expect(leaf.target).toEqual({ id: "spark.delta", engine: "spark", format: "delta" });
      expect(leaf.tooltip.title).toBe("qphh@spark.delta (Gold: TPC-H power and throughput test, Delta Lake on Spark)");
      expect(leaf.status).toBe("pending");
      // Silver still has one phase per target: its label stays the target's.
      expect(find(tree, "silver").children!.map((c) => c.label)).toEqual(["Iceberg", "Delta Lake"]);
    });

    it("shows the refresh-data phase under Bronze, only when the workload reads refresh sets", () => {
      const tree = buildPhaseTree({ targets: qphhTargets("iceberg"), state: state({}), refreshData: true });
      // Its own id with children: VS Code would keep a former leaf's "no children" state and not expand it.
      expect(tree.map((n) => n.id)).toEqual(["bronze+refresh-data", "silver", "gold", "report"]);
      expect(tree[0].phaseName).toBe("bronze");
      const refresh = find(tree, "refresh-data");
      expect(refresh).toMatchObject({ label: "Refresh data", kind: "bronze", phaseName: "refresh-data", status: "pending", description: "not run yet", contextValue: "phase" });
      expect(refresh.target).toBeUndefined();
      expect(refresh.tooltip.title).toMatch(/^Refresh data: the TPC-H refresh sets/);
      expect(find(buildPhaseTree({ targets: targets("iceberg"), state: state({}) }), "bronze").children).toBeUndefined();
    });

    it("follows the refresh-data and qphh phases live, then shows their figures", () => {
      const running = { status: "running" as const, startedAt: "2026-01-01T10:00:00Z", pid: 4242 };
      const live = buildPhaseTree({
        targets: qphhTargets("iceberg"),
        state: state({ bronze: completed({ rows: 86_805 }), "refresh-data": running, "qphh@spark.iceberg": running }),
        progress: { "refresh-data": "refresh-data: set 2 written (15 orders, 60 lineitems, 15 deletes)", "qphh@spark.iceberg": "qphh@spark.iceberg: stream 1 q05" },
        isAlive: () => true,
        refreshData: true,
      });
      expect(find(live, "refresh-data")).toMatchObject({ status: "running", description: "set 2 written (15 orders, 60 lineitems, 15 deletes)" });
      expect(find(live, "qphh@spark.iceberg")).toMatchObject({ status: "running", description: "stream 1 q05" });
      expect(find(live, "gold").status).toBe("running");

      const done = buildPhaseTree({
        targets: qphhTargets("iceberg"),
        state: state({
          "refresh-data": completed({ manifest: "/d/bronze/refresh/manifest.json", sets: 3, rows: 2_250, reused: false, seconds: 2 }),
          "qphh@spark.iceberg": completed({ qphhAtSize: 93.456, passed: 66, checked: 66, metricsFile: "/d/gold/metrics/x/spark.iceberg.qphh.json" }),
        }),
        refreshData: true,
        metricsFileOf: (_phase, s) => (s.result?.metricsFile ?? s.result?.manifest) as string | undefined,
      });
      expect(find(done, "refresh-data").description).toBe("12.5 s · 3 refresh sets, 2,250 rows");
      expect(find(done, "refresh-data").metricsFile).toBe("/d/bronze/refresh/manifest.json");
      expect(find(done, "qphh@spark.iceberg").description).toBe("12.5 s · QphH@Size 93.5, 66/66 answers");
      expect(find(done, "qphh@spark.iceberg").metricsFile).toBe("/d/gold/metrics/x/spark.iceberg.qphh.json");
    });

    it("says when a test has no QphH@Size (an interval failed), and marks a failed test in its group", () => {
      const tree = buildPhaseTree({
        targets: qphhTargets("iceberg"),
        state: state({
          "queries@spark.iceberg": completed({ passed: 22, queries: 22 }),
          "qphh@spark.iceberg": completed({ qphhAtSize: null, passed: 64, checked: 65 }, { status: "failed", error: "qphh@spark.iceberg: wrong answers: stream 1 q03" }),
        }),
        refreshData: true,
      });
      expect(find(tree, "qphh@spark.iceberg").description).toBe("failed: qphh@spark.iceberg: wrong answers: stream 1 q03");
      expect(find(tree, "gold")).toMatchObject({ status: "failed", description: "1/2 done" });
      const skipped = buildPhaseTree({ targets: qphhTargets("iceberg"), state: state({ "qphh@spark.iceberg": completed({ qphhAtSize: null, passed: 64, checked: 65 }) }) });
      expect(find(skipped, "qphh@spark.iceberg").description).toBe("12.5 s · no QphH@Size, 64/65 answers");
    });
  });
});
