/**
 * A state migrated from version 1 keeps version 1's config hashes; the pipeline recomputes
 * them with version 1's formula, so phases whose settings did not change stay up to date.
 * Checked against the real hashes of a run on the landed main (test/fixtures/v1/state.json).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchesVersion1Hash } from "../../../src/core/pipeline/version1Hashes";
import type { PhaseState, StateFile } from "../../../src/core/state/schema";
import { parseState } from "../../../src/core/state/store";
import { benchConfig } from "../helpers/fixtures";

const fixture = readFileSync(path.resolve(__dirname, "../../fixtures/v1/state.json"), "utf8");
const migrated = (): StateFile => {
  const parsed = parseState(fixture);
  if (!("state" in parsed)) throw new Error(parsed.reason);
  return parsed.state;
};
/** The settings the fixture's run used (its runs[0].config). */
const config = (overrides: Parameters<typeof benchConfig>[0] = {}) =>
  benchConfig({ formats: ["iceberg", "parquet"], queries: [1, 6], warmupRuns: 0, iterations: 1, ...overrides, spark: { executorMemory: "4g", ...overrides.spark } });

function check(state: StateFile, name: string, format: "iceberg" | "parquet", inputs: string[], c = config()): boolean {
  return matchesVersion1Hash(state.phases[name], format, c, inputs.map((d): [string, PhaseState] => [d, state.phases[d]]));
}

describe("version 1 config hashes of migrated phases", () => {
  it("match for every load and query phase of the landed main's run under the same settings", () => {
    const state = migrated();
    for (const format of ["iceberg", "parquet"] as const) {
      expect(state.phases[`load@spark.${format}`].migratedFrom).toEqual({ version: 1, phase: `silver_${format}` });
      expect(check(state, `load@spark.${format}`, format, ["bronze"]), format).toBe(true);
      expect(check(state, `queries@spark.${format}`, format, [`load@spark.${format}`]), format).toBe(true);
    }
  });

  it("do not match once a setting changed: the phase is redone", () => {
    const state = migrated();
    expect(check(state, "load@spark.iceberg", "iceberg", ["bronze"], config({ parquetCodec: "zstd" }))).toBe(false);
    expect(check(state, "load@spark.iceberg", "iceberg", ["bronze"], config({ spark: { shufflePartitions: 8 } }))).toBe(false);
    expect(check(state, "queries@spark.iceberg", "iceberg", ["load@spark.iceberg"], config({ queries: [1, 6, 7] }))).toBe(false);
    // Version 1 did not hash QUERY_ITERATIONS=auto: a migrated query phase is not trusted with it.
    expect(check(state, "queries@spark.iceberg", "iceberg", ["load@spark.iceberg"], config({ autoIterations: { maxIterations: 20, targetRelativeHalfWidth: 0.1 } }))).toBe(false);
  });

  it("do not match when an input ran again since the migration", () => {
    const state = migrated();
    const reloaded = { ...state.phases["load@spark.iceberg"], finishedAt: "2026-12-03T00:00:00.000Z", configHash: "0000000000000000", migratedFrom: undefined };
    state.phases["load@spark.iceberg"] = reloaded;
    expect(check(state, "queries@spark.iceberg", "iceberg", ["load@spark.iceberg"])).toBe(false);
  });

  it("are not consulted for a phase that was not migrated, or whose version-1 name is not a load or query phase", () => {
    const state = migrated();
    const fresh = { ...state.phases["load@spark.iceberg"], migratedFrom: undefined };
    expect(matchesVersion1Hash(fresh, "iceberg", config(), [["bronze", state.phases.bronze]])).toBe(false);
    expect(matchesVersion1Hash({ ...state.phases.report, migratedFrom: { version: 1, phase: "report" } }, undefined, config(), [])).toBe(false);
  });
});
