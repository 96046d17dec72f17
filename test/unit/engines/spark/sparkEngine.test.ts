/**
 * Spark behind the engine interface: the job arguments it builds for each format, and a
 * session that runs them through spark-submit (here the fake toolchain's, a real process).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readJobOutput } from "../../../../src/core/engines/jobOutput";
import { loadOutputSchema } from "../../../../src/core/engines/outputs";
import { lifecycleJobArgs, loadJobArgs, queryJobArgs, refreshTestJobArgs, sparkEngine } from "../../../../src/core/engines/spark/sparkEngine";
import { readJarList, SPARK_JOBS_DIR, Toolchain, ToolchainMissingError } from "../../../../src/core/environment/toolchain";
import type { JobEvent, PhaseContext } from "../../../../src/core/phase/context";
import { DataLayout } from "../../../../src/core/phase/layout";
import { benchConfig, tempDirs } from "../../helpers/fixtures";
import { installFakeToolchain } from "../../pipeline/fakeToolchain";

const temp = tempDirs();
afterEach(() => temp.cleanup());

const config = benchConfig({ dataDir: "/data", scaleFactor: 0.01, queries: [1, 6], warmupRuns: 2, iterations: 4, parquetCodec: "zstd" });
const layout = new DataLayout(config, "/ws");

describe("loadJobArgs", () => {
  it("names the format variant with --format, and points at its own silver root", () => {
    expect(loadJobArgs(config, layout, { format: "iceberg-mor", output: "/data/silver/iceberg-mor/tpch_sf0_01.load.json" })).toEqual([
      "--format", "iceberg-mor",
      "--bronze-dir", "/data/bronze/tpch/sf0.01",
      "--silver-root", "/data/silver/iceberg-mor",
      "--namespace", "tpch_sf0_01",
      "--codec", "zstd",
      "--output", "/data/silver/iceberg-mor/tpch_sf0_01.load.json",
      "--option", "format_version=2",
    ]);
  });

  it("passes no --option where the variant has no run settings, and no --framework at all", () => {
    const args = loadJobArgs(config, layout, { format: "hudi-mor", output: "/o.json" });
    expect(args).not.toContain("--option");
    expect(args).not.toContain("--framework");
    expect(args.slice(0, 2)).toEqual(["--format", "hudi-mor"]);
  });
});

describe("queryJobArgs", () => {
  it("passes the queries, the warm-up and the timed runs, both output files and the variant's options", () => {
    expect(queryJobArgs(config, layout, { format: "delta-dv", output: "/m/raw.json", answers: "/m/answers.json" })).toEqual([
      "--format", "delta-dv",
      "--silver-root", "/data/silver/delta-dv",
      "--namespace", "tpch_sf0_01",
      "--codec", "zstd",
      "--scale-factor", "0.01",
      "--queries", "1,6",
      "--warmup-runs", "2",
      "--iterations", "4",
      "--output", "/m/raw.json",
      "--answers", "/m/answers.json",
      "--option", "checkpoint_interval=10",
    ]);
  });

  it("passes QUERY_ITERATIONS=auto's cap and target width", () => {
    const auto = benchConfig({ iterations: 3, autoIterations: { maxIterations: 20, targetRelativeHalfWidth: 0.1 } });
    const args = queryJobArgs(auto, layout, { format: "parquet", output: "/r", answers: "/a" });
    expect(args.slice(args.indexOf("--iterations"), args.indexOf("--output"))).toEqual([
      "--iterations", "3", "--iteration-mode", "auto", "--max-iterations", "20", "--target-relative-half-width", "0.1",
    ]);
  });
});

describe("refreshTestJobArgs", () => {
  it("passes the silver tables, the refresh sets, the working copy, the streams, the parameters and their seed", () => {
    const job = { format: "iceberg-mor" as const, workRoot: "/data/work/lb-1/iceberg-mor", refreshDir: "/data/bronze/tpch/sf0.01/refresh", streams: 3, parameters: "generated" as const, seed: 1202030405, output: "/m/qphh.raw.json", answers: "/m/qphh.answers.json" };
    expect(refreshTestJobArgs(config, layout, job)).toEqual([
      "--format", "iceberg-mor",
      "--silver-root", "/data/silver/iceberg-mor",
      "--namespace", "tpch_sf0_01",
      "--codec", "zstd",
      "--scale-factor", "0.01",
      "--refresh-dir", "/data/bronze/tpch/sf0.01/refresh",
      "--work-root", "/data/work/lb-1/iceberg-mor",
      "--streams", "3",
      "--parameters", "generated",
      "--seed", "1202030405",
      "--output", "/m/qphh.raw.json",
      "--answers", "/m/qphh.answers.json",
      "--option", "format_version=2",
    ]);
  });
});

describe("lifecycleJobArgs", () => {
  const job = { format: "delta" as const, workRoot: "/data/work/lifecycle/delta", refreshDir: "/data/bronze/tpch/sf0.01/refresh", rounds: 3, resumeKey: "3d2479c4815d0963", output: "/m/lc.raw.json", answers: "/m/lc.answers.json" };

  it("passes the rounds, the queries, the working copy and the key its checkpoint carries", () => {
    const args = lifecycleJobArgs(config, layout, { ...job, resume: false });
    expect(args.slice(args.indexOf("--refresh-dir"))).toEqual([
      "--refresh-dir", "/data/bronze/tpch/sf0.01/refresh",
      "--work-root", "/data/work/lifecycle/delta",
      "--rounds", "3",
      "--queries", config.queries.join(","),
      "--warmup-runs", String(config.warmupRuns),
      "--output", "/m/lc.raw.json",
      "--answers", "/m/lc.answers.json",
      "--resume-key", "3d2479c4815d0963",
      "--option", "checkpoint_interval=10",
    ]);
  });

  it("asks the job to go on from the checkpoint only when resuming", () => {
    expect(lifecycleJobArgs(config, layout, { ...job, resume: true })).toContain("--resume");
    expect(lifecycleJobArgs(config, layout, { ...job, resume: false })).not.toContain("--resume");
  });
});

describe("sparkEngine", () => {
  function context(dataDir: string, cacheDir: string): PhaseContext {
    const c = benchConfig({ dataDir, cacheDir });
    return {
      config: c,
      layout: new DataLayout(c, temp.make()),
      logFile: path.join(temp.make(), "phase.log"),
      signal: new AbortController().signal,
      progress: () => {},
      onChild: async () => {},
      containers: () => {
        throw new Error("no container engine in this test");
      },
    } as unknown as PhaseContext;
  }

  it("loads a variant with one spark-submit of convert.py, with its family's jars, and forwards the job's events", async () => {
    const fake = installFakeToolchain(temp.make());
    const ctx = context(temp.make(), fake.cacheDir);
    const session = await sparkEngine.open(ctx.config, new Toolchain(fake.cacheDir));
    const events: JobEvent[] = [];
    const output = ctx.layout.silverLoadResult("iceberg-mor");
    try {
      await session.load(ctx, { format: "iceberg-mor", output, onEvent: (e) => events.push(e) });
    } finally {
      await session.close();
    }
    const calls = fake.calls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain(`--name lakebench-silver-iceberg-mor`);
    expect(calls[0]).toContain(`${path.join(SPARK_JOBS_DIR, "silver/convert.py")} ${loadJobArgs(ctx.config, ctx.layout, { format: "iceberg-mor", output }).join(" ")}`);
    const icebergJars = readJarList().filter((j) => j.family === "iceberg").map((j) => j.fileName);
    expect(icebergJars.length).toBeGreaterThan(0);
    for (const jar of readJarList()) expect(calls[0].includes(jar.fileName)).toBe(icebergJars.includes(jar.fileName));
    expect((await readJobOutput("load@spark.iceberg-mor", output, loadOutputSchema)).format).toBe("iceberg-mor");
    expect(events.filter((e) => e.event === "table_done").length).toBeGreaterThan(0);
  });

  it("runs a variant's queries with one spark-submit of run_queries.py writing both files", async () => {
    const fake = installFakeToolchain(temp.make());
    const ctx = context(temp.make(), fake.cacheDir);
    const session = await sparkEngine.open(ctx.config, new Toolchain(fake.cacheDir));
    const dir = temp.make();
    const job = { format: "hudi-mor" as const, output: path.join(dir, "raw.json"), answers: path.join(dir, "answers.json") };
    try {
      await session.runQueries(ctx, { ...job, onEvent: () => {} });
    } finally {
      await session.close();
    }
    expect(fake.calls()).toHaveLength(1);
    expect(fake.calls()[0]).toContain(`${path.join(SPARK_JOBS_DIR, "gold/run_queries.py")} ${queryJobArgs(ctx.config, ctx.layout, job).join(" ")}`);
    expect(JSON.parse(readFileSync(job.output, "utf8")).format).toBe("hudi-mor");
    expect(existsSync(job.answers)).toBe(true);
  });

  it("counts the Spark settings that change a measurement, never the secret", async () => {
    const secret = "0123456789abcdef0123";
    const c = benchConfig({ dataDir: temp.make(), spark: { master: "spark://127.0.0.1:7077", authSecret: secret, shufflePartitions: 8 } });
    const session = await sparkEngine.open(c, new Toolchain(temp.make()));
    try {
      expect(session.measurementSettings()).toMatchObject({ master: "spark://127.0.0.1:7077", shufflePartitions: 8 });
      expect(JSON.stringify(session.measurementSettings())).not.toContain(secret);
    } finally {
      await session.close();
    }
  });

  it("checks the jars of the configured formats' families only", () => {
    const fake = installFakeToolchain(temp.make());
    const toolchain = new Toolchain(fake.cacheDir);
    expect(() => sparkEngine.assertInstalled(toolchain, ["iceberg-mor", "hudi-mor", "parquet"])).not.toThrow();
    const hudiJar = readJarList().find((j) => j.family === "hudi")!.fileName;
    rmSync(path.join(fake.cacheDir, "jars", hudiJar));
    expect(() => sparkEngine.assertInstalled(toolchain, ["iceberg", "iceberg-mor", "delta-dv", "parquet"])).not.toThrow();
    expect(() => sparkEngine.assertInstalled(toolchain, ["iceberg", "hudi-mor"])).toThrow(ToolchainMissingError);
    expect(() => sparkEngine.assertInstalled(toolchain, ["hudi"])).toThrow(hudiJar);
  });
});
