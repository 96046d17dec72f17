/**
 * The same benchmark on a real Spark standalone cluster (master + 2 workers on 127.0.0.1,
 * spark.authenticate on): same answers, executors on the workers, wrong secrets refused.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoldMetrics } from "../../src/core/spark/goldPhase";
import { makeWorkspace, runCli } from "./support/cli";
import { defaultToolchain, getJson, startStandaloneCluster, type StandaloneCluster } from "./support/standaloneCluster";
import { readStateFile } from "./support/state";

const SECRET = "lakebench-test-secret-0123456789";
const FRAMEWORKS = ["iceberg", "delta", "hudi", "parquet"];

interface MasterJson {
  aliveworkers: number;
  completedapps: { id: string; name: string }[];
}
interface WorkerJson {
  finishedexecutors: { appid: string }[];
}

describe("SPARK_MASTER=spark://127.0.0.1:<port> on a real standalone cluster", () => {
  let cluster: StandaloneCluster;
  let workspace: string;

  beforeAll(async () => {
    cluster = await startStandaloneCluster(SECRET);
    workspace = await makeWorkspace({
      TPCH_SCALE_FACTOR: "0.01",
      FRAMEWORKS: FRAMEWORKS.join(","),
      QUERY_WARMUP_RUNS: "0",
      QUERY_ITERATIONS: "1",
      SPARK_MASTER: cluster.masterUrl,
      SPARK_AUTH_SECRET: SECRET,
      SPARK_DRIVER_MEMORY: "1g",
      SPARK_EXECUTOR_MEMORY: "1g",
      SPARK_EXECUTOR_CORES: "1",
      SPARK_SHUFFLE_PARTITIONS: "4",
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  it("runs all four formats with every answer matching DuckDB, executors on both workers", async () => {
    const result = await runCli(["run"], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);

    const state = await readStateFile(workspace);
    for (const framework of FRAMEWORKS) {
      const metrics = JSON.parse(await fs.readFile(state.phases[`gold_${framework}`].result!.metricsFile as string, "utf8")) as GoldMetrics;
      expect(Object.keys(metrics.queries)).toHaveLength(22);
      // DuckDB is also what local mode is checked against: equal answers in both modes.
      expect(metrics.totals.passed, framework).toBe(22);
    }

    const master = await getJson<MasterJson>(`${cluster.masterUi}/json/`);
    const apps = new Map(master.completedapps.map((app) => [app.id, app.name]));
    for (const framework of FRAMEWORKS) {
      expect([...apps.values()]).toContain(`lakebench-silver-${framework}`);
      expect([...apps.values()]).toContain(`lakebench-gold-${framework}`);
    }
    for (const workerUi of cluster.workerUis) {
      const worker = await getJson<WorkerJson>(`${workerUi}/json/`);
      const ranFor = new Set(worker.finishedexecutors.map((e) => apps.get(e.appid)));
      expect(ranFor.has("lakebench-gold-iceberg") || ranFor.has("lakebench-gold-hudi"), `${workerUi}: ${[...ranFor].join(", ")}`).toBe(true);
      expect(worker.finishedexecutors.length).toBeGreaterThanOrEqual(FRAMEWORKS.length);
    }
  });

  it("queries two formats at once with FRAMEWORK_PARALLELISM=2, and the report says the timings were concurrent", async () => {
    const result = await runCli(["gold", "--force", "--frameworks", "iceberg,parquet", "--queries", "1,6", "--parallelism", "2"], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const state = await readStateFile(workspace);
    const [iceberg, parquet] = [state.phases.gold_iceberg, state.phases.gold_parquet];
    expect(Date.parse(iceberg.startedAt!)).toBeLessThan(Date.parse(parquet.finishedAt!));
    expect(Date.parse(parquet.startedAt!)).toBeLessThan(Date.parse(iceberg.finishedAt!));
    expect(iceberg.result?.concurrent).toBe(true);
    const report = await runCli(["report", "--frameworks", "iceberg,parquet", "--queries", "1,6", "--parallelism", "2"], workspace);
    expect(report.exitCode, report.stdout).toBe(0);
    const html = await fs.readFile(path.join((await readStateFile(workspace)).phases.report.result!.dir as string, "report.html"), "utf8");
    expect(html).toContain("Timings were taken concurrently");
  });

  it("refuses an application that presents the wrong secret", async () => {
    const toolchain = defaultToolchain();
    const probe = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "lakebench-probe-")), "probe.py");
    await fs.writeFile(probe, "from pyspark.sql import SparkSession\nprint(SparkSession.builder.getOrCreate().range(10).count())\n");
    const result = await execa(toolchain.bin("spark-submit"), ["--master", cluster.masterUrl, "--conf", "spark.authenticate=true", "--conf", "spark.executor.cores=1", "--conf", "spark.executor.memory=1g", probe], {
      reject: false,
      timeout: 240_000,
      env: { SPARK_HOME: toolchain.sparkHome, PYSPARK_PYTHON: toolchain.bin("python"), SPARK_LOCAL_IP: "127.0.0.1", _SPARK_AUTH_SECRET: "not-the-cluster-secret-000000" },
    });
    expect(result.exitCode, String(result.stdout)).not.toBe(0);
    expect(String(result.stdout)).not.toMatch(/^10$/m);
    const master = await fs.readFile(path.join(cluster.logDir, "master.log"), "utf8");
    expect(master).toMatch(/auth|SASL/i);
  });

  it("refuses to use a cluster master without a secret (exit code 2, nothing run)", async () => {
    const result = await runCli(["run", "--spark-master", cluster.masterUrl], await makeWorkspace({ TPCH_SCALE_FACTOR: "0.01" }));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("SPARK_AUTH_SECRET");
  });
});
