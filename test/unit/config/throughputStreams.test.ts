/** THROUGHPUT_STREAMS=auto follows TPC-H clause 5.3.4's minimum stream count per scale factor. */
import { describe, expect, it } from "vitest";
import { minimumThroughputStreams } from "../../../src/core/config/throughputStreams";
import { rawConfigFields } from "../../../src/core/config/schema";

describe("minimumThroughputStreams", () => {
  it.each([
    [0.01, 2], [0.1, 2], [1, 2], [3, 2], [10, 3], [29.999, 3], [30, 4], [100, 5], [300, 6], [1000, 7], [3000, 8], [10_000, 9],
  ])("SF %s -> %s streams", (scaleFactor, streams) => {
    expect(minimumThroughputStreams(scaleFactor)).toBe(streams);
  });
});

describe("THROUGHPUT_STREAMS", () => {
  const parse = (raw: string) => rawConfigFields.shape.THROUGHPUT_STREAMS.safeParse(raw);
  it("accepts auto (any case) and 1..100", () => {
    expect(parse("AUTO").data).toBe("auto");
    expect(parse("1").data).toBe(1);
    expect(parse("100").data).toBe(100);
  });
  it.each(["0", "101", "-2", "2.5", "two", ""])("rejects %j", (raw) => {
    expect(parse(raw).success).toBe(false);
  });
});
