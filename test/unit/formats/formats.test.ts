/** The format variants' TypeScript descriptors: the options each passes to its jobs, and its family. */
import { describe, expect, it } from "vitest";
import { FORMAT_IDS } from "../../../src/core/config/keys";
import { FORMATS, formatOf, formatOptions, optionArgs } from "../../../src/core/formats";
import { benchConfig } from "../helpers/fixtures";

describe("formatOptions", () => {
  const config = benchConfig({ iceberg: { formatVersion: "1" }, delta: { checkpointInterval: 5 } });

  it("gives each format only its own settings", () => {
    expect(formatOptions("iceberg", config)).toEqual({ format_version: "1" });
    expect(formatOptions("delta", config)).toEqual({ checkpoint_interval: "5" });
    expect(formatOptions("parquet", config)).toEqual({});
  });

  it("gives a variant its family's run settings: Iceberg MOR the format version, Delta DV the checkpoint interval", () => {
    expect(formatOptions("iceberg-mor", config)).toEqual({ format_version: "1" });
    expect(formatOptions("delta-dv", config)).toEqual({ checkpoint_interval: "5" });
  });

  it("gives Hudi none, copy-on-write or merge-on-read: the table type is the variant's own (its Python descriptor)", () => {
    expect(formatOptions("hudi", config)).toEqual({});
    expect(formatOptions("hudi-mor", config)).toEqual({});
  });

  it("has an entry for every id, each with options its own schema accepts", () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...FORMAT_IDS].sort());
    for (const id of FORMAT_IDS) {
      expect(formatOf(id).id).toBe(id);
      expect(() => formatOptions(id, benchConfig())).not.toThrow();
    }
  });

  it("refuses options its schema does not allow before they reach a job", () => {
    expect(() => formatOptions("iceberg-mor", benchConfig({ iceberg: { formatVersion: "3" } }))).toThrow(/format_version/);
  });

  it("turns options into --option key=value pairs", () => {
    expect(optionArgs({ a: "1", b: "x y" })).toEqual(["--option", "a=1", "--option", "b=x y"]);
    expect(optionArgs({})).toEqual([]);
  });
});

describe("format families", () => {
  it("puts each variant in the family whose jars and Python module it uses", () => {
    expect(Object.fromEntries(FORMAT_IDS.map((id) => [id, formatOf(id).family]))).toEqual({
      iceberg: "iceberg",
      "iceberg-mor": "iceberg",
      delta: "delta",
      "delta-dv": "delta",
      hudi: "hudi",
      "hudi-mor": "hudi",
      parquet: "parquet",
    });
  });

  it("gives every variant its own label and chart colour", () => {
    const descriptors = FORMAT_IDS.map(formatOf);
    expect(new Set(descriptors.map((d) => d.label)).size).toBe(FORMAT_IDS.length);
    expect(new Set(descriptors.map((d) => d.colour.toLowerCase())).size).toBe(FORMAT_IDS.length);
  });
});
