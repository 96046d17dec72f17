import { describe, expect, it } from "vitest";
import { hashOf, stableStringify } from "../../../src/core/phase/hashing";

describe("stableStringify", () => {
  it("does not depend on key order, at any depth", () => {
    expect(stableStringify({ b: 1, a: { d: [1, 2], c: "x" } })).toBe(stableStringify({ a: { c: "x", d: [1, 2] }, b: 1 }));
    expect(stableStringify({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("keeps array order, since order is meaningful there", () => {
    expect(stableStringify([1, 2])).not.toBe(stableStringify([2, 1]));
  });

  it("leaves out undefined properties, like JSON", () => {
    expect(stableStringify({ a: 1, b: undefined })).toBe(stableStringify({ a: 1 }));
  });

  it("tells apart values JSON tells apart", () => {
    expect(stableStringify({ a: "1" })).not.toBe(stableStringify({ a: 1 }));
    expect(stableStringify({ a: null })).not.toBe(stableStringify({}));
  });
});

describe("hashOf", () => {
  it("is 16 hex characters", () => {
    expect(hashOf({ scaleFactor: 1 })).toMatch(/^[0-9a-f]{16}$/);
  });

  it("is the same for equal values with keys in another order", () => {
    expect(hashOf({ settings: { a: 1, b: [1, 2] }, inputs: [] })).toBe(hashOf({ inputs: [], settings: { b: [1, 2], a: 1 } }));
  });

  it("changes when any setting changes", () => {
    const base = { spark: { master: "local[*]", shufflePartitions: 16 }, queries: [1, 2] };
    expect(hashOf({ ...base, spark: { ...base.spark, shufflePartitions: 8 } })).not.toBe(hashOf(base));
    expect(hashOf({ ...base, queries: [1, 2, 3] })).not.toBe(hashOf(base));
  });
});
