import { describe, expect, it } from "vitest";
import { buildPhaseTree, type PhaseNode } from "../../../src/extension/tree/phaseTreeModel";
import { completed, run, state } from "./support/state";

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
    const tree = buildPhaseTree({ frameworks: ["parquet", "iceberg"], state: state({}) });
    expect(tree.map((n) => n.id)).toEqual(["bronze", "silver", "gold", "report"]);
    expect(find(tree, "silver").children!.map((c) => c.id)).toEqual(["silver_parquet", "silver_iceberg"]);
    expect(find(tree, "gold").children!.map((c) => c.label)).toEqual(["Parquet", "Iceberg"]);
    expect(tree.every((n) => n.status === "pending")).toBe(true);
    expect(find(tree, "bronze").description).toBe("not run yet");
  });

  it("describes completed phases with their duration and the figure that matters", () => {
    const tree = buildPhaseTree({
      frameworks: ["iceberg"],
      state: state({
        bronze: completed({ rows: 86_805 }),
        silver_iceberg: completed({ rows: 86_805, dataBytes: 3 * 2 ** 20 }),
        gold_iceberg: completed({ passed: 22, queries: 22 }),
        report: completed({ problems: 0 }),
      }),
    });
    expect(find(tree, "bronze").description).toBe("12.5 s · 86,805 rows");
    expect(find(tree, "silver_iceberg").description).toBe("12.5 s · 86,805 rows, 3.0 MiB");
    expect(find(tree, "gold_iceberg").description).toBe("12.5 s · 22/22 passed");
    expect(find(tree, "report").description).toBe("12.5 s · no problems");
    expect(find(tree, "gold").status).toBe("completed");
    expect(find(tree, "gold").description).toBe("1/1 done");
  });

  it("puts times, the config hash and the error in the tooltip", () => {
    const tree = buildPhaseTree({
      frameworks: ["iceberg"],
      state: state({ gold_iceberg: completed({}, { status: "failed", error: "gold_iceberg: wrong answers: q05\nmore" }) }),
    });
    const gold = find(tree, "gold_iceberg");
    expect(gold.status).toBe("failed");
    expect(gold.description).toBe("failed: gold_iceberg: wrong answers: q05");
    expect(gold.tooltip.fields.map((f) => f.label)).toEqual(["Status", "Started", "Finished", "Duration", "Config hash", "Run", "Log"]);
    expect(gold.tooltip.fields.find((f) => f.label === "Config hash")!.value).toBe("0123456789abcdef");
    expect(gold.tooltip.error).toContain("wrong answers: q05");
    expect(find(tree, "gold").status).toBe("failed");
  });

  it("shows a phase the last run found up to date as skipped", () => {
    const tree = buildPhaseTree({
      frameworks: ["iceberg"],
      state: state({ bronze: completed({ rows: 1 }) }, [run({ phases: { bronze: "skipped" } })]),
    });
    expect(find(tree, "bronze").status).toBe("skipped");
    expect(find(tree, "bronze").description).toMatch(/^up to date · /);
  });

  it("follows a running phase's progress line, and shows a phase whose runner died as interrupted", () => {
    const running = { status: "running" as const, startedAt: "2026-01-01T10:00:00Z", pid: 4242 };
    const live = buildPhaseTree({
      frameworks: ["iceberg"],
      state: state({ gold_iceberg: running }),
      progress: { gold_iceberg: "gold_iceberg: q05 0.412 s median of 1" },
      isAlive: () => true,
    });
    expect(find(live, "gold_iceberg").status).toBe("running");
    expect(find(live, "gold_iceberg").description).toBe("q05 0.412 s median of 1");
    expect(find(live, "gold").status).toBe("running");

    const dead = buildPhaseTree({ frameworks: ["iceberg"], state: state({ gold_iceberg: running }), isAlive: () => false });
    expect(find(dead, "gold_iceberg").status).toBe("failed");
    expect(find(dead, "gold_iceberg").description).toBe("interrupted");
  });

  it("offers the log and metrics menus only when the files exist", () => {
    const tree = buildPhaseTree({
      frameworks: ["iceberg"],
      state: state({ gold_iceberg: completed({ metricsFile: "/data/gold/metrics/x/iceberg.json" }), bronze: { status: "pending" } }),
      metricsFileOf: (_phase, s) => s.result?.metricsFile as string | undefined,
    });
    expect(find(tree, "gold_iceberg").contextValue).toBe("phase.log.metrics");
    expect(find(tree, "gold_iceberg").metricsFile).toBe("/data/gold/metrics/x/iceberg.json");
    expect(find(tree, "bronze").contextValue).toBe("phase");
    expect(find(tree, "gold").contextValue).toBe("phaseGroup");
  });
});
