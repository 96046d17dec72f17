/** The Phases tree follows a running lifecycle step round by round, from the lines lifecyclePhase.ts emits. */
import { describe, expect, it } from "vitest";
import { targetPhases } from "../../../src/core";
import { lifecycleProgressText } from "../../../src/extension/tree/lifecycleProgress";
import { buildPhaseTree, type PhaseNode } from "../../../src/extension/tree/phaseTreeModel";
import { completed, state } from "./support/state";

const find = (nodes: PhaseNode[], id: string): PhaseNode | undefined => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const child = node.children && find(node.children, id);
    if (child) return child;
  }
  return undefined;
};

describe("the lifecycle step's progress in the tree", () => {
  it("says which round of how many is running, through each change, query and round's end", () => {
    expect(lifecycleProgressText("working copy made in 1.200 s", 5)).toBe("round 0 of 5 · working copy made in 1.200 s");
    expect(lifecycleProgressText("round-0 q06 0.412 s", 5)).toBe("round 0 of 5 · q06 0.412 s");
    expect(lifecycleProgressText("round 2: RF1 0.812 s", 5)).toBe("round 2 of 5 · RF1 0.812 s");
    expect(lifecycleProgressText("round 2: UPSERT 1.500 s", 5)).toBe("round 2 of 5 · UPSERT 1.500 s");
    expect(lifecycleProgressText("round-2 q01 FAILED", 5)).toBe("round 2 of 5 · q01 FAILED");
    // A round's end: the next one is under way.
    expect(lifecycleProgressText("round 2 done in 12.300 s", 5)).toBe("round 3 of 5");
  });

  it("goes on to time travel after the last round, then maintenance and the queries after it", () => {
    expect(lifecycleProgressText("round 5 done in 12.300 s", 5)).toBe("round 5 of 5 done in 12.300 s; time travel to round 0");
    expect(lifecycleProgressText("time-travel q06 UNSUPPORTED", 5)).toBe("time travel to round 0 · q06 UNSUPPORTED");
    expect(lifecycleProgressText("maintenance 3.200 s", 5)).toBe("maintenance done in 3.200 s");
    expect(lifecycleProgressText("maintained q01 0.300 s", 5)).toBe("after maintenance · q01 0.300 s");
  });

  it("says a resumed run goes on after the round it was rolled back to, and leaves other lines alone", () => {
    expect(lifecycleProgressText("rolled back to the end of round 1 in 0.800 s", 3)).toBe("round 2 of 3 (resumed)");
    expect(lifecycleProgressText("round 2: RF2 0.100 s")).toBe("round 2 · RF2 0.100 s");
    expect(lifecycleProgressText("resuming after round 1 of an interrupted run", 3)).toBeUndefined();
  });

  const lifecycleTargets = targetPhases({ formats: ["parquet", "iceberg"], workload: "lifecycle" });

  it("shows the round in the running leaf's description, and the figures when it completed", () => {
    const running = { status: "running" as const, startedAt: "2026-01-01T10:00:00Z", pid: 4242 };
    const live = buildPhaseTree({
      targets: lifecycleTargets,
      state: state({ "lifecycle@spark.iceberg": running }),
      progress: { "lifecycle@spark.iceberg": "lifecycle@spark.iceberg: round 2: RF1 0.812 s" },
      isAlive: () => true,
      refreshData: true,
      lifecycleRounds: 5,
    });
    const leaf = find(live, "lifecycle@spark.iceberg")!;
    expect(leaf).toMatchObject({ label: "Iceberg: lifecycle (rounds of change)", status: "running", description: "round 2 of 5 · RF1 0.812 s" });

    const done = buildPhaseTree({
      targets: lifecycleTargets,
      state: state({ "lifecycle@spark.iceberg": completed({ rounds: 1, degradationRate: 0.031, passed: 8, checked: 8 }) }),
      refreshData: true,
    });
    expect(find(done, "lifecycle@spark.iceberg")!.description).toBe("12.5 s · 1 round, +3.1 %/round, 8/8 answers");
  });

  it("shows other phases' lines as they are", () => {
    const running = { status: "running" as const, startedAt: "2026-01-01T10:00:00Z", pid: 4242 };
    const live = buildPhaseTree({
      targets: lifecycleTargets,
      state: state({ "queries@spark.iceberg": running }),
      progress: { "queries@spark.iceberg": "queries@spark.iceberg: round 2: odd line" },
      isAlive: () => true,
      lifecycleRounds: 5,
    });
    expect(find(live, "queries@spark.iceberg")!.description).toBe("round 2: odd line");
  });
});
