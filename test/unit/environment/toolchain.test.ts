import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT, readJarList, SPARK_JOBS_DIR, Toolchain, ToolchainMissingError } from "../../../src/core/environment/toolchain";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

function install(cacheDir: string, tools: string[], jars: string[]): void {
  mkdirSync(path.join(cacheDir, "venv", "bin"), { recursive: true });
  mkdirSync(path.join(cacheDir, "jars"), { recursive: true });
  for (const tool of tools) writeFileSync(path.join(cacheDir, "venv", "bin", tool), "");
  for (const jar of jars) writeFileSync(path.join(cacheDir, "jars", jar), "");
}

describe("Toolchain", () => {
  it("finds the repository's spark-jobs directory", () => {
    // Checked against where this test file sits, not against the definition it would restate.
    const repository = path.resolve(__dirname, "../../..");
    expect(PROJECT_ROOT).toBe(repository);
    expect(SPARK_JOBS_DIR).toBe(path.join(repository, "spark-jobs"));
    expect(existsSync(path.join(SPARK_JOBS_DIR, "jars.txt"))).toBe(true);
  });

  it("puts the venv and the tools under the cache directory", () => {
    const toolchain = new Toolchain("/cache");
    expect(toolchain.venvDir).toBe("/cache/venv");
    expect(toolchain.bin("spark-submit")).toBe("/cache/venv/bin/spark-submit");
  });

  it("finds pyspark under the venv's python3.x site-packages", () => {
    const cache = temp.make();
    mkdirSync(path.join(cache, "venv", "lib", "python3.12"), { recursive: true });
    expect(new Toolchain(cache).sparkHome).toBe(path.join(cache, "venv", "lib", "python3.12", "site-packages", "pyspark"));
  });

  it("reads every format family's jars from jars.txt, skipping comments", () => {
    const jars = readJarList();
    expect(jars.map((j) => j.family).sort()).toEqual(["delta", "delta", "hudi", "iceberg"]);
    for (const jar of jars) {
      expect(jar.sha1).toMatch(/^[0-9a-f]{40}$/);
      expect(jar.fileName).toMatch(/\.jar$/);
    }
    expect(jars.find((j) => j.family === "iceberg")?.fileName).toBe("iceberg-spark-runtime-3.5_2.12-1.10.1.jar");
  });

  it("has no jars for plain Parquet", () => {
    expect(new Toolchain("/cache").jarPaths("parquet")).toEqual([]);
  });

  it("assertInstalled passes when the tools and the chosen formats' jars are present", () => {
    const cache = temp.make();
    install(cache, ["python", "spark-submit", "tpchgen-cli"], ["iceberg-spark-runtime-3.5_2.12-1.10.1.jar"]);
    expect(() => new Toolchain(cache).assertInstalled(["iceberg", "parquet"])).not.toThrow();
  });

  it("assertInstalled names a missing tool and tells how to fix it", () => {
    const cache = temp.make();
    install(cache, ["python", "tpchgen-cli"], []);
    expect(() => new Toolchain(cache).assertInstalled([])).toThrow(ToolchainMissingError);
    expect(() => new Toolchain(cache).assertInstalled([])).toThrow(/spark-submit.*setup\.sh/);
  });

  it("assertInstalled names a missing jar of a chosen format only", () => {
    const cache = temp.make();
    install(cache, ["python", "spark-submit", "tpchgen-cli"], ["delta-spark_2.12-3.3.2.jar"]);
    expect(() => new Toolchain(cache).assertInstalled(["iceberg"])).toThrow(/iceberg-spark-runtime/);
    expect(() => new Toolchain(cache).assertInstalled(["delta"])).toThrow(/delta-storage-3\.3\.2\.jar/);
    expect(() => new Toolchain(cache).assertInstalled(["parquet"])).not.toThrow();
  });
});
