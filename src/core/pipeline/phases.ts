/**
 * The benchmark's phases as data: bronze -> silver_<fw> -> gold_<fw> -> report. Each
 * phase names what it depends on, which settings make its output different (its config
 * hash), how to tell its output is still there, and how to remove a partial one.
 */
import { existsSync } from "node:fs";
import type { BenchConfig } from "../config/benchConfig";
import type { Framework } from "../config/keys";
import { runBronzePhase } from "../datagen/bronzePhase";
import { runReportPhase } from "../report/reportPhase";
import { removeGoldOutputs, runGoldPhase } from "../spark/goldPhase";
import { formatOptions } from "../spark/formatOptions";
import { removeSilverOutputs, runSilverPhase } from "../spark/silverPhase";
import type { PhaseState } from "../state/schema";
import type { DataLayout } from "./layout";
import { removeOwned } from "./ownedPaths";
import type { PhaseContext } from "./phaseContext";

export type PhaseKind = "bronze" | "silver" | "gold" | "report";

export interface PhaseDefinition {
  name: string;
  kind: PhaseKind;
  framework?: Framework;
  dependsOn: string[];
  /** Report runs with whatever gold phases completed; others need all dependencies. */
  needsAllDependencies: boolean;
  /** The settings that change this phase's output. */
  settings(config: BenchConfig): unknown;
  /** Whether the output a completed state entry points to is still on disk. */
  outputPresent(layout: DataLayout, state: PhaseState): boolean;
  removePartialOutput(layout: DataLayout, state: PhaseState): Promise<void>;
  run(ctx: PhaseContext): Promise<Record<string, unknown>>;
}

/** The Spark settings that can change a measurement (not the secret, not the worker sizes). */
const sparkSettings = ({ spark }: BenchConfig) => ({
  master: spark.master,
  driverMemory: spark.driverMemory,
  executorMemory: spark.executorMemory,
  executorCores: spark.executorCores,
  shufflePartitions: spark.shufflePartitions,
});

export function planPhases(config: BenchConfig): PhaseDefinition[] {
  const bronze: PhaseDefinition = {
    name: "bronze",
    kind: "bronze",
    dependsOn: [],
    needsAllDependencies: true,
    settings: (c) => ({ scaleFactor: c.scaleFactor }),
    outputPresent: (layout) => existsSync(layout.bronzeManifest),
    // A partial generation has no manifest; the phase itself regenerates it.
    removePartialOutput: async () => {},
    run: runBronzePhase,
  };
  const silver = config.frameworks.map((framework): PhaseDefinition => ({
    name: `silver_${framework}`,
    kind: "silver",
    framework,
    dependsOn: ["bronze"],
    needsAllDependencies: true,
    settings: (c) => ({ framework, codec: c.parquetCodec, options: formatOptions(framework, c), spark: sparkSettings(c) }),
    outputPresent: (layout) => existsSync(layout.silverLoadResult(framework)),
    removePartialOutput: (layout) => removeSilverOutputs({ layout }, framework),
    run: (ctx) => runSilverPhase(ctx, framework),
  }));
  const gold = config.frameworks.map((framework): PhaseDefinition => ({
    name: `gold_${framework}`,
    kind: "gold",
    framework,
    dependsOn: [`silver_${framework}`],
    needsAllDependencies: true,
    settings: (c) => ({ queries: c.queries, warmupRuns: c.warmupRuns, iterations: c.iterations, spark: sparkSettings(c) }),
    outputPresent: (_layout, state) => typeof state.result?.metricsFile === "string" && existsSync(state.result.metricsFile),
    removePartialOutput: async (layout, state) => {
      if (!state.benchmarkId) return;
      await removeGoldOutputs(layout, state.benchmarkId, framework);
    },
    run: (ctx) => runGoldPhase(ctx, framework),
  }));
  const report: PhaseDefinition = {
    name: "report",
    kind: "report",
    dependsOn: gold.map((g) => g.name),
    needsAllDependencies: false,
    settings: (c) => ({ frameworks: c.frameworks }),
    outputPresent: (_layout, state) => typeof state.result?.html === "string" && existsSync(state.result.html),
    removePartialOutput: async (layout, state) => {
      if (state.benchmarkId) await removeOwned(layout.reportDir(state.benchmarkId), layout.ownedRoots, { recursive: true });
    },
    run: runReportPhase,
  };
  return [bronze, ...silver, ...gold, report];
}
