/**
 * The same benchmark on a real Spark standalone cluster (master + 2 workers on 127.0.0.1,
 * spark.authenticate on): same answers, executors on the workers, wrong secrets refused,
 * a crash recovered. And on a cluster too small or too busy for the executor: a fast,
 * clear failure instead of a wait without end.
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricsFileSchema } from "../../src/core/phases/metricsFile";
import { makeWorkspace, runCli, startCli, waitFor, writeDotEnv } from "./support/cli";
import { defaultToolchain, getJson, occupyCluster, startStandaloneCluster, type MasterStatusJson, type StandaloneCluster } from "./support/standaloneCluster";
import { processGroupAlive, readStateFile } from "./support/state";

const SECRET = "lakebench-test-secret-0123456789";
/**
 * A format of each way of plugging into Spark: Iceberg through its own catalog, Hudi through
 * spark_catalog with its session extension and Kryo registrator (Delta's way too). Local mode
 * runs all four formats on the same code; here the question is the jars and settings reaching
 * the executors on the workers.
 */
const FRAMEWORKS = ["iceberg", "hudi"];
const load = (format: string) => `load@spark.${format}`;
const queries = (format: string) => `queries@spark.${format}`;
/**
 * Six queries that together read all eight tables (Q2: part, supplier, partsupp, nation,
 * region; Q5: customer, orders, lineitem; Q1, Q9, Q13, Q21 the heavier joins and
 * aggregations): local mode checks all 22 on the same data, so here the question is only
 * whether every format reads and answers correctly through executors on the workers.
 */
const CLUSTER_QUERIES = [1, 2, 5, 9, 13, 21];

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
      QUERIES: CLUSTER_QUERIES.join(","),
      SPARK_MASTER: cluster.masterUrl,
      SPARK_MASTER_UI_URL: cluster.masterUi,
      SPARK_AUTH_SECRET: SECRET,
      SPARK_DRIVER_MEMORY: "1g",
      SPARK_EXECUTOR_MEMORY: "1g",
      SPARK_EXECUTOR_CORES: "1",
      SPARK_SHUFFLE_PARTITIONS: "4",
      // With FRAMEWORK_PARALLELISM=2 the first application takes every core (spark.cores.max
      // is unset) and the second waits for it: a wait that counts against this bound.
      SPARK_EXECUTOR_WAIT_SECONDS: "600",
    });
  });

  afterAll(async () => {
    await cluster?.stop();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  it("runs Iceberg and Hudi with every answer matching DuckDB (six queries reading all eight tables), executors on both workers", async () => {
    const result = await runCli(["run"], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);

    const state = await readStateFile(workspace);
    for (const framework of FRAMEWORKS) {
      const metrics = metricsFileSchema.parse(JSON.parse(await fs.readFile(state.phases[queries(framework)].result!.metricsFile as string, "utf8")));
      expect(Object.keys(metrics.queries)).toHaveLength(CLUSTER_QUERIES.length);
      // DuckDB is also what local mode is checked against: equal answers in both modes.
      expect(metrics.totals.passed, framework).toBe(CLUSTER_QUERIES.length);
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
    const result = await runCli(["gold", "--force", "--frameworks", "iceberg,hudi", "--queries", "1,6", "--parallelism", "2"], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const state = await readStateFile(workspace);
    const [iceberg, hudi] = [state.phases[queries("iceberg")], state.phases[queries("hudi")]];
    expect(Date.parse(iceberg.startedAt!)).toBeLessThan(Date.parse(hudi.finishedAt!));
    expect(Date.parse(hudi.startedAt!)).toBeLessThan(Date.parse(iceberg.finishedAt!));
    expect(iceberg.result?.concurrent).toBe(true);
    const report = await runCli(["report", "--frameworks", "iceberg,hudi", "--queries", "1,6", "--parallelism", "2"], workspace);
    expect(report.exitCode, report.stdout).toBe(0);
    const html = await fs.readFile(path.join((await readStateFile(workspace)).phases.report.result!.dir as string, "report.html"), "utf8");
    expect(html).toContain("Timings were taken concurrently");
  });

  it("recovers from kill -9 during silver: the rerun completes and no secret properties file is left", async () => {
    const privateDir = path.join(workspace, "lakehouse-data", ".lakebench-private");
    const secretFiles = async () => (await fs.readdir(privateDir).catch(() => [])).filter((name) => /^spark-auth-.*\.properties$/.test(name));
    const killed = startCli(["silver", "--force", "--frameworks", "iceberg"], workspace);
    const running = await waitFor(async () => {
      const phase = (await readStateFile(workspace)).phases[load("iceberg")];
      return phase?.status === "running" && phase.childPid ? phase : undefined;
    }, 180_000, "load@spark.iceberg to start its Spark job");
    // The driver's secret file exists while the CLI runs; kill -9 leaves it behind.
    const secretFile = path.join(privateDir, `spark-auth-${killed.pid}.properties`);
    expect(existsSync(secretFile)).toBe(true);
    killed.kill("SIGKILL");
    await killed;
    expect(existsSync(secretFile)).toBe(true);

    const result = await runCli(["silver", "--frameworks", "iceberg"], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("load@spark.iceberg: found interrupted");
    expect(processGroupAlive(running.childPid!)).toBe(false);
    const state = await readStateFile(workspace);
    expect(state.phases[load("iceberg")].status).toBe("completed");
    expect(state.phases[load("iceberg")].result?.rows).toBeGreaterThan(80_000);
    expect(await secretFiles()).toEqual([]);
  });

  it("refuses an application that presents the wrong secret", async () => {
    const toolchain = defaultToolchain();
    const probe = path.join(cluster.logDir, "probe.py");
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

describe("a standalone cluster too small or too busy for the executor (1 worker of 1 core / 1g)", () => {
  const BASE = {
    TPCH_SCALE_FACTOR: "0.01",
    FRAMEWORKS: "iceberg",
    QUERY_WARMUP_RUNS: "0",
    QUERY_ITERATIONS: "1",
    SPARK_AUTH_SECRET: SECRET,
    SPARK_DRIVER_MEMORY: "1g",
    SPARK_EXECUTOR_MEMORY: "512m",
    SPARK_EXECUTOR_CORES: "1",
    SPARK_SHUFFLE_PARTITIONS: "4",
  };
  let small: StandaloneCluster;
  let workspace: string;
  let settings: Record<string, string>;
  const masterStatus = () => getJson<MasterStatusJson>(`${small.masterUi}/json/`);

  beforeAll(async () => {
    small = await startStandaloneCluster(SECRET, { workers: 1, cores: 1, memory: "1g" });
    settings = { ...BASE, SPARK_MASTER: small.masterUrl, SPARK_MASTER_UI_URL: small.masterUi };
    workspace = await makeWorkspace(settings);
  });
  afterAll(async () => {
    await small?.stop();
    if (workspace) await fs.rm(workspace, { recursive: true, force: true });
  });

  it("refuses, before submitting anything, an executor of 2 cores that no worker can host", async () => {
    await writeDotEnv(workspace, { ...settings, SPARK_EXECUTOR_CORES: "2" });
    const result = await runCli(["silver"], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain("No worker can host one executor of 2 cores / 512m (SPARK_EXECUTOR_CORES=2, SPARK_EXECUTOR_MEMORY=512m)");
    expect(result.stdout).toMatch(/127\.0\.0\.1:\d+ ALIVE 1 core \/ 1024m/);
    const state = await readStateFile(workspace);
    expect(state.phases[load("iceberg")]).toMatchObject({ status: "failed", error: expect.stringContaining("No worker can host") });
    expect(state.runs.at(-1)?.status).toBe("failed");
    // Refused, not waited: no application ever reached the master.
    const master = await masterStatus();
    expect([...master.activeapps, ...master.completedapps]).toEqual([]);
  });

  it("fails a phase whose application gets no executor within SPARK_EXECUTOR_WAIT_SECONDS, saying why", async () => {
    // The worker could host the executor, but another application holds its only core.
    const occupier = await occupyCluster(small, SECRET, { cores: 1, memory: "512m" });
    try {
      await writeDotEnv(workspace, { ...settings, SPARK_EXECUTOR_WAIT_SECONDS: "5" });
      const result = await runCli(["silver"], workspace);
      expect(result.exitCode, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toContain(`no executor registered within 5 s: the cluster ${small.masterUrl} has no free worker that can host 1 core / 512m`);
      const state = await readStateFile(workspace);
      expect(state.phases[load("iceberg")].status).toBe("failed");
      // The job's own line is the headline of the phase's error, not buried in the log tail.
      expect(state.phases[load("iceberg")].error?.split("\n")[0]).toMatch(/^spark-submit failed \(exit code 1\): error: no executor registered within 5 s/);
      const master = await masterStatus();
      expect(master.completedapps.map((app) => app.name)).toContain("lakebench-silver-iceberg");
      expect(master.activeapps.map((app) => app.name)).toEqual([occupier.name]);
    } finally {
      await occupier.stop();
    }
  });
});
