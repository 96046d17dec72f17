import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, FORMAT_IDS, FORMATS } from "../../../src/core";
import { describeConfigError, sourceOf } from "../../../src/extension/config/configProblems";
import { settingFor, settingsToRawConfig } from "../../../src/extension/config/settings";

describe("VS Code settings as configuration", () => {
  it("maps the settings onto configuration keys as raw strings", () => {
    const values: Record<string, unknown> = { scaleFactor: 0.01, frameworks: ["iceberg", "parquet"], iterations: 3, sparkMaster: " local[2] ", dataDir: "" };
    expect(settingsToRawConfig((name) => values[name])).toEqual({ TPCH_SCALE_FACTOR: "0.01", FRAMEWORKS: "iceberg,parquet", QUERY_ITERATIONS: "3", SPARK_MASTER: "local[2]" });
  });

  it("leaves unset, null and empty settings to the environment and .env", () => {
    expect(settingsToRawConfig(() => undefined)).toEqual({});
    expect(settingsToRawConfig((name) => (name === "frameworks" ? [] : null))).toEqual({});
  });

  it("says where a bad value came from: setting, environment, .env or default", () => {
    const layers = { settings: { TPCH_SCALE_FACTOR: "0" }, env: { QUERY_ITERATIONS: "x" }, dotenv: { FRAMEWORKS: "oracle" } };
    expect(sourceOf("TPCH_SCALE_FACTOR", layers)).toBe("setting");
    expect(sourceOf("QUERY_ITERATIONS", layers)).toBe("environment");
    expect(sourceOf("FRAMEWORKS", layers)).toBe(".env");
    expect(sourceOf("SPARK_MASTER", layers)).toBe("default");
    expect(settingFor("TPCH_SCALE_FACTOR")).toBe("lakehouseBench.scaleFactor");
    const error = new ConfigError([{ key: "FRAMEWORKS", value: "oracle", allowed: "a comma-separated list of iceberg, delta, hudi, parquet" }]);
    expect(describeConfigError(error, layers).message).toBe('Invalid configuration: FRAMEWORKS="oracle" (from .env): a comma-separated list of iceberg, delta, hudi, parquet');
  });

  it("offers the format variants in the frameworks setting, each described by its descriptor's summary", () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, "../../../package.json"), "utf8"));
    const items = manifest.contributes.configuration.properties["lakehouseBench.frameworks"].items;
    expect(items.enum).toEqual([...FORMAT_IDS]);
    expect(items.enumDescriptions).toEqual(FORMAT_IDS.map((id) => FORMATS[id].summary));
    expect(Object.keys(manifest.contributes.configuration.properties).filter((key) => /hudi/i.test(key))).toEqual([]);
  });
});
