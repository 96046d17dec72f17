import { describe, expect, it } from "vitest";
import { BENCHMARK_ID_PATTERN, newBenchmarkId } from "../../../src/core/state/benchmarkId";

describe("newBenchmarkId", () => {
  it("is lb-<date>-<time>-<4 hex> in UTC", () => {
    expect(newBenchmarkId(new Date("2026-11-25T08:30:15.123Z"))).toMatch(/^lb-20261125-083015-[0-9a-f]{4}$/);
  });

  it("is what the state file accepts as a run id", () => {
    expect(newBenchmarkId()).toMatch(BENCHMARK_ID_PATTERN);
    expect("lb-20261125-083015-1a2b/..").not.toMatch(BENCHMARK_ID_PATTERN);
  });

  it("sorts by time", () => {
    const ids = [new Date("2026-01-02T00:00:00Z"), new Date("2025-12-31T23:59:59Z"), new Date("2026-01-01T10:00:00Z")].map((d) => newBenchmarkId(d));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it("differs between two runs started in the same second", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const ids = new Set(Array.from({ length: 20 }, () => newBenchmarkId(now)));
    expect(ids.size).toBeGreaterThan(1);
  });
});
