/**
 * The whole engine on real parts: tpchgen-cli, Spark local mode with the real Iceberg,
 * Delta and Hudi jars, DuckDB as the oracle. The steps share one workspace and run in
 * order, as a user would use it: run, rerun, crash, cancel, misconfigure.
 */
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { BronzeManifest } from "../../src/core/datagen/manifest";
import { FORMATS } from "../../src/core/formats";
import { refreshManifestSchema } from "../../src/core/datagen/refreshManifest";
import { metricsFileSchema } from "../../src/core/phases/metricsFile";
import { lifecycleMetricsSchema } from "../../src/core/phases/lifecycleMetrics";
import { qphhMetricsSchema } from "../../src/core/phases/qphhMetrics";
import type { ReportModel } from "../../src/core/report/model";
import { makeWorkspace, runCli, startCli, waitFor, writeDotEnv } from "./support/cli";
import { parentPid, processGroupAlive, readStateFile, stateFile } from "./support/state";

const FRAMEWORKS = ["iceberg", "delta", "hudi", "parquet"] as const;
/** The phase ids of a format on Spark (src/core/phase/targets.ts). */
const load = (format: string) => `load@spark.${format}`;
const queries = (format: string) => `queries@spark.${format}`;
const qphh = (format: string) => `qphh@spark.${format}`;
/** The merge-on-read variants: each writes its own kind of delete files. */
const MERGE_ON_READ = ["iceberg-mor", "delta-dv", "hudi-mor"];
/**
 * The power + throughput test's targets: the four formats (copy-on-write, and Parquet with no
 * transactions: its deletes rewrite the table), then the merge-on-read variants.
 */
const QPHH_TARGETS = [...FRAMEWORKS, ...MERGE_ON_READ];
const QPHH_FLAGS = ["--workload", "tpch-qphh", "--streams", "2", "--query-parameters", "generated"];
const lifecycle = (format: string) => `lifecycle@spark.${format}`;
/**
 * The lifecycle's queries in integration: each reads lineitem's prices or discounts, so each
 * sees every upsert (Q3 and Q18 do not change at SF 0.01); all 22 run in bench/.
 */
const LIFECYCLE_QUERIES = "1,6,10,14";
const LIFECYCLE_FLAGS = ["--workload", "lifecycle", "--rounds", "2", "--queries", LIFECYCLE_QUERIES];
/** Killed in round 2: Hudi's restore then also rolls back the killed job's inflight commit. */
const KILLED_LIFECYCLE = "hudi-mor";

/** Every file under the formats' silver trees with its size and modification time. */
async function silverListing(dataDir: string, formats: readonly string[]): Promise<Record<string, string>> {
  const listing: Record<string, string> = {};
  for (const format of formats) {
    const root = path.join(dataDir, "silver", format);
    for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const stat = await fs.stat(file);
      listing[path.relative(dataDir, file)] = `${stat.size} ${stat.mtimeMs}`;
    }
  }
  return listing;
}
const SETTINGS = {
  TPCH_SCALE_FACTOR: "0.01",
  FRAMEWORKS: FRAMEWORKS.join(","),
  QUERY_WARMUP_RUNS: "0",
  QUERY_ITERATIONS: "1",
  SPARK_DRIVER_MEMORY: "2g",
  SPARK_SHUFFLE_PARTITIONS: "4",
  // Two formats at a time: on 2 cores one Spark application in local mode leaves a core idle much of the time.
  FRAMEWORK_PARALLELISM: "2",
};

describe("lakebench run at SF 0.01 on Spark local mode, all four formats", () => {
  let workspace: string;
  let dataDir: string;

  beforeAll(async () => {
    workspace = await makeWorkspace(SETTINGS);
    dataDir = path.join(workspace, "lakehouse-data");
  });
  afterAll(async () => {
    await fs.rm(workspace, { recursive: true, force: true });
  });

  it("completes every phase, answers all 22 queries on every format and matches DuckDB", async () => {
    const result = await runCli(["run"], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);

    const state = await readStateFile(workspace);
    const phases = ["bronze", ...FRAMEWORKS.map(load), ...FRAMEWORKS.map(queries), "report"];
    for (const phase of phases) expect(state.phases[phase]?.status, phase).toBe("completed");

    const manifestFile = path.join(dataDir, "bronze/tpch/sf0.01/_metadata/manifest.json");
    const manifest = JSON.parse(await fs.readFile(manifestFile, "utf8")) as BronzeManifest;
    expect(Object.keys(manifest.tables).sort()).toEqual(["customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"]);
    expect(manifest.tables.lineitem.rows).toBeGreaterThan(50_000);

    for (const framework of FRAMEWORKS) {
      const silver = state.phases[load(framework)].result as { tables: Record<string, { rows: number; data_bytes: number; data_files: number }> };
      for (const [table, bronze] of Object.entries(manifest.tables)) {
        expect(silver.tables[table].rows, `${framework}.${table}`).toBe(bronze.rows);
        expect(silver.tables[table].data_files).toBeGreaterThan(0);
        expect(silver.tables[table].data_bytes).toBeGreaterThan(0);
      }
      const metricsFile = state.phases[queries(framework)].result!.metricsFile as string;
      const metrics = metricsFileSchema.parse(JSON.parse(await fs.readFile(metricsFile, "utf8")));
      expect(metrics).toMatchObject({ schemaVersion: 2, target: `spark.${framework}`, engine: "spark", format: framework });
      expect(Object.keys(metrics.queries)).toHaveLength(22);
      for (const [name, query] of Object.entries(metrics.queries)) {
        expect(query.status, `${framework} ${name}: ${query.error}`).toBe("completed");
        expect(query.answer.status, `${framework} ${name}: ${JSON.stringify(query.answer)}`).toBe("match");
        expect(query.seconds).toHaveLength(1);
      }
      expect(metrics.oracle).toMatch(/^duckdb-/);
    }

    const reportDir = state.phases.report.result!.dir as string;
    const model = JSON.parse(await fs.readFile(state.phases.report.result!.summary as string, "utf8")) as ReportModel;
    expect(model.problems).toEqual([]);
    expect(model.queries.every((q) => q.sameAcrossFormats)).toBe(true);
    const html = await fs.readFile(path.join(reportDir, "report.html"), "utf8");
    for (const framework of FRAMEWORKS) expect(html).toContain(FORMATS[framework].label);
    expect(existsSync(path.join(reportDir, "report.md"))).toBe(true);
    expect(state.runs.at(-1)).toMatchObject({ status: "completed", command: "run" });
  });

  it("skips every phase on a rerun with the same configuration", async () => {
    const result = await runCli(["run"], workspace);
    expect(result.exitCode, result.stdout).toBe(0);
    const run = (await readStateFile(workspace)).runs.at(-1)!;
    expect(Object.values(run.phases).every((outcome) => outcome === "skipped"), JSON.stringify(run.phases)).toBe(true);
    expect(Object.keys(run.phases)).toHaveLength(10);
  });

  it("bronze reuses complete data for the same SF and generator, and regenerates a partial directory", async () => {
    const copy = path.join(workspace, "copied-data");
    await fs.cp(path.join(dataDir, "bronze"), path.join(copy, "bronze"), { recursive: true });
    const lineitem = path.join(copy, "bronze/tpch/sf0.01/lineitem/lineitem.1.parquet");
    const before = (await fs.stat(lineitem)).mtimeMs;

    const scratch = [await makeWorkspace(SETTINGS), await makeWorkspace(SETTINGS)];
    onTestFinished(() => Promise.all(scratch.map((dir) => fs.rm(dir, { recursive: true, force: true }))).then(() => undefined));
    const reuse = await runCli(["bronze", "--data-dir", copy], scratch[0]);
    expect(reuse.exitCode, reuse.stdout).toBe(0);
    expect(reuse.stdout).toContain("already generated");
    expect((await fs.stat(lineitem)).mtimeMs).toBe(before);

    const orders = path.join(copy, "bronze/tpch/sf0.01/orders/orders.1.parquet");
    await fs.truncate(orders, 100); // as if generation had been cut short
    const regenerate = await runCli(["bronze", "--data-dir", copy], scratch[1]);
    expect(regenerate.exitCode, regenerate.stdout).toBe(0);
    expect(regenerate.stdout).toContain("generated SF 0.01");
    const manifest = JSON.parse(await fs.readFile(path.join(copy, "bronze/tpch/sf0.01/_metadata/manifest.json"), "utf8")) as BronzeManifest;
    expect((await fs.stat(orders)).size).toBe(manifest.tables.orders.bytes);
    expect(manifest.tables.orders.rows).toBe(15_000);
  });

  /** The loaded tables' files before any power + throughput test, and the run killed during one. */
  let pristine: Record<string, string>;
  let interrupted: { childPid?: number; benchmarkId?: string };

  it("kill -9 during Parquet's refresh stream leaves its power + throughput phase interrupted", async () => {
    pristine = await silverListing(dataDir, FRAMEWORKS);
    const killed = startCli(["run", ...QPHH_FLAGS, "--frameworks", "parquet"], workspace);
    let output = "";
    killed.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    interrupted = await waitFor(async () => {
      const phase = (await readStateFile(workspace)).phases[qphh("parquet")];
      // The refresh stream's first change: set 2 (set 1 is the power test's).
      return phase?.status === "running" && phase.childPid && output.includes("RF1 of set 2") ? phase : undefined;
    }, 300_000, "qphh@spark.parquet's refresh stream to change the copy");
    killed.kill("SIGKILL");
    await killed;
    expect((await readStateFile(workspace)).phases[qphh("parquet")].status).toBe("running");
    expect(existsSync(path.join(dataDir, "work", interrupted.benchmarkId!))).toBe(true);
  });

  it("runs tpch-qphh on all four formats and the merge-on-read variants: Parquet's from a fresh copy, the new variants loaded and queried, then power + throughput with 2 streams on each, every answer checked at its table state, the loaded tables untouched", async () => {
    // In the same workspace: the four formats are loaded and queried by the first run, the variants are new.
    const result = await runCli(["run", ...QPHH_FLAGS, "--frameworks", QPHH_TARGETS.join(",")], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    // The killed run's phase is found, its Spark job is gone, its half-changed copy removed.
    expect(result.stdout).toContain("qphh@spark.parquet: found interrupted");
    expect(processGroupAlive(interrupted.childPid!)).toBe(false);
    expect(existsSync(path.join(dataDir, "work", interrupted.benchmarkId!))).toBe(false);
    const state = await readStateFile(workspace);
    expect(state.runs.at(-1)!.phases).toMatchObject({
      ...Object.fromEntries(FRAMEWORKS.flatMap((f) => [[load(f), "skipped"], [queries(f), "skipped"]])),
      ...Object.fromEntries(MERGE_ON_READ.flatMap((v) => [[load(v), "executed"], [queries(v), "executed"]])),
      ...Object.fromEntries(QPHH_TARGETS.map((t) => [qphh(t), "executed"])),
      // Written by the killed run, complete: reused.
      "refresh-data": "skipped",
    });
    for (const target of QPHH_TARGETS) expect(state.phases[queries(target)].result, target).toMatchObject({ passed: 22, queries: 22, mismatched: [], failed: [] });

    // Three refresh sets (power + one per stream), 15 orders each at SF 0.01 (0.1 % of 15,000).
    const refresh = refreshManifestSchema.parse(JSON.parse(await fs.readFile(path.join(dataDir, "bronze/tpch/sf0.01/refresh/manifest.json"), "utf8")));
    expect(refresh.sets.map((s) => [s.set, s.orders, s.deletes])).toEqual([[1, 15, 15], [2, 15, 15], [3, 15, 15]]);

    for (const target of QPHH_TARGETS) {
      const phase = state.phases[qphh(target)];
      expect(phase.status, `${target}: ${phase.error}`).toBe("completed");
      const metrics = qphhMetricsSchema.parse(JSON.parse(await fs.readFile(phase.result!.metricsFile as string, "utf8")));
      // 22 power-test queries + 2 streams x 22, each against the oracle at its state.
      expect(phase.result, target).toMatchObject({ failed: [], mismatched: [], countMismatches: [], streams: 2 });
      expect(Object.values(metrics.power.queries).every((q) => q.answer.status === "match"), target).toBe(true);
      expect(metrics.power.powerAtSize, target).toBeGreaterThan(0);
      if (target === "parquet") {
        // No snapshot isolation: a stream query that overlapped a rewrite may fail or read part of it; it is reported apart.
        const failedInRewrite = metrics.totals.unisolated.filter((u) => / failed: /.test(u)).length;
        expect(metrics.totals.checked + failedInRewrite).toBe(66);
        expect(metrics.totals.passed + metrics.totals.unisolated.length).toBe(66);
      } else {
        expect(metrics.totals, target).toMatchObject({ checked: 66, passed: 66, unisolated: [] });
        expect(metrics.throughput.throughputAtSize, target).toBeGreaterThan(0);
        expect(metrics.qphhAtSize, target).toBeGreaterThan(0);
      }
      // Row counts after every refresh function (states 2, 4, ... 12), each equal to the oracle's.
      expect(metrics.counts.map((c) => c.state)).toEqual([2, 4, 6, 8, 10, 12]);
      expect(metrics.counts.every((c) => c.ok)).toBe(true);
      expect(metrics.counts[0].orders).toBe(15_015);
      expect(metrics.throughput.streams.map((s) => Object.keys(s.queries).length)).toEqual([22, 22]);
      expect(metrics.throughput.refresh.map((r) => r.set)).toEqual([2, 3]);
      // Each variant's own way of deleting: delete files, deletion vectors or log files only where it merges on read.
      const deleteFiles = metrics.storage.lineitem.delete_files as number | null;
      if (MERGE_ON_READ.includes(target)) expect(deleteFiles, target).toBeGreaterThan(0);
      else expect(deleteFiles ?? 0, target).toBe(0);
    }
    // The copies are gone, the loaded tables are exactly as they were: no file added, removed or rewritten.
    expect(await silverListing(dataDir, FRAMEWORKS)).toEqual(pristine);
    expect(await fs.readdir(path.join(dataDir, "work", state.runs.at(-1)!.benchmarkId)).catch(() => [])).toEqual([]);

    const table = (format: string, ...rest: string[]) => path.join(dataDir, "silver", format, "tpch_sf0_01", "lineitem", ...rest);
    // Each format's own record of the variant's setting, read from the table's metadata on disk.
    const icebergMetadata = async (format: string) => {
      const dir = table(format, "metadata");
      const latest = (await fs.readdir(dir)).filter((n) => n.endsWith(".metadata.json")).sort().at(-1)!;
      return JSON.parse(await fs.readFile(path.join(dir, latest), "utf8")) as { properties: Record<string, string> };
    };
    expect((await icebergMetadata("iceberg-mor")).properties).toMatchObject({ "write.delete.mode": "merge-on-read", "write.update.mode": "merge-on-read", "write.merge.mode": "merge-on-read" });
    expect((await icebergMetadata("iceberg")).properties["write.delete.mode"] ?? "copy-on-write").toBe("copy-on-write");
    const deltaLog = await fs.readFile(table("delta-dv", "_delta_log", "00000000000000000000.json"), "utf8");
    expect(deltaLog).toMatch(/"delta\.enableDeletionVectors":"true"/);
    expect(await fs.readFile(table("hudi-mor", ".hoodie", "hoodie.properties"), "utf8")).toMatch(/hoodie\.table\.type=MERGE_ON_READ/);

    const model = JSON.parse(await fs.readFile(state.phases.report.result!.summary as string, "utf8")) as ReportModel;
    expect(model.targets.map((t) => t.id)).toEqual(QPHH_TARGETS.map((t) => `spark.${t}`));
    expect(model.problems).toEqual([]);
    expect(Object.keys(model.qphh ?? {}).sort()).toEqual(QPHH_TARGETS.map((t) => `spark.${t}`).sort());
    const html = await fs.readFile(path.join(state.phases.report.result!.dir as string, "report.html"), "utf8");
    expect(html).toContain("derived from TPC-H, not an audited TPC result");
  });

  it("recovers from kill -9 during silver: the next run cleans the stale phase and completes", async () => {
    const killed = startCli(["silver", "--force", "--frameworks", "iceberg"], workspace);
    const running = await waitFor(async () => {
      const phase = (await readStateFile(workspace)).phases[load("iceberg")];
      return phase.status === "running" && phase.childPid ? phase : undefined;
    }, 120_000, "load@spark.iceberg to start its Spark job");
    killed.kill("SIGKILL");
    await killed;
    expect((await readStateFile(workspace)).phases[load("iceberg")].status).toBe("running");

    const result = await runCli(["run"], workspace);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain("load@spark.iceberg: found interrupted");
    expect(processGroupAlive(running.childPid!)).toBe(false);
    const state = await readStateFile(workspace);
    expect(state.phases[load("iceberg")].status).toBe("completed");
    const run = state.runs.at(-1)!;
    expect(run.phases).toMatchObject({ bronze: "skipped", [load("iceberg")]: "executed", [load("delta")]: "skipped", [queries("iceberg")]: "executed", [queries("delta")]: "skipped", report: "executed" });
    // The new report carries delta's figures from the first run, and says so.
    const model = JSON.parse(await fs.readFile(state.phases.report.result!.summary as string, "utf8")) as ReportModel;
    const first = state.runs[0].benchmarkId;
    expect(model.measuredIn).toEqual({
      "spark.iceberg": { load: run.benchmarkId, queries: run.benchmarkId },
      ...Object.fromEntries(FRAMEWORKS.filter((f) => f !== "iceberg").map((f) => [`spark.${f}`, { load: first, queries: first }])),
    });
    const markdown = await fs.readFile(path.join(state.phases.report.result!.dir as string, "report.md"), "utf8");
    expect(markdown).toContain(`${FORMATS.delta.label}: load measured in run ${first}; query times measured in run ${first} (up to date, not rerun)`);
    expect(markdown).not.toContain(`${FORMATS.iceberg.label}: load measured in run`);
    expect(state.runs.find((r) => r.command === "silver")?.status).toBe("failed");
  });

  it("cancels cleanly on Ctrl-C: Spark stops, the phase is cancelled, a second run meanwhile is refused", async () => {
    const cancelled = startCli(["gold", "--force", "--frameworks", "parquet", "--iterations", "5"], workspace);
    const running = await waitFor(async () => {
      const phase = (await readStateFile(workspace)).phases[queries("parquet")];
      return phase.status === "running" && phase.childPid ? phase : undefined;
    }, 120_000, "queries@spark.parquet to start its Spark job");

    const concurrent = await runCli(["status", "--json"], workspace);
    expect(concurrent.exitCode).toBe(0); // reading status never needs the lock
    const second = await runCli(["run"], workspace);
    expect(second.exitCode).toBe(3);
    expect(second.stderr).toContain("Another Lakehouse Bench run holds the lock");

    cancelled.kill("SIGINT");
    const result = await cancelled;
    expect(result.exitCode, String(result.all)).toBe(130);
    await waitFor(async () => (processGroupAlive(running.childPid!) ? undefined : true), 15_000, "the Spark process group to stop");
    const state = await readStateFile(workspace);
    expect(state.phases[queries("parquet")].status).toBe("cancelled");
    expect(state.runs.at(-1)?.status).toBe("cancelled");
  });

  it.each([
    ["TPCH_SCALE_FACTOR", "abc"],
    ["TPCH_SCALE_FACTOR", "0"],
    ["TPCH_SCALE_FACTOR", "-1"],
    ["FRAMEWORKS", "iceberg,paimon"],
    ["HUDI_TABLE_TYPE", "MERGE_ON_READ"],
    ["QUERY_ITERATIONS", "0"],
    ["QUERIES", "1,23"],
    ["SPARK_DRIVER_MEMORY", "lots"],
    ["DATA_DIR", "/etc/hostname/data"],
  ])("refuses %s=%s with exit code 2, naming the key, and leaves the state file unchanged", async (key, value) => {
    const before = await fs.readFile(stateFile(workspace));
    await writeDotEnv(workspace, { ...SETTINGS, [key]: value });
    try {
      const result = await runCli(["run"], workspace);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`${key}=${JSON.stringify(value)}`);
      expect(await fs.readFile(stateFile(workspace))).toEqual(before);
    } finally {
      await writeDotEnv(workspace, SETTINGS);
    }
  });

  it("reports a corrupt state file clearly, keeps a backup and does not overwrite it", async () => {
    const original = await fs.readFile(stateFile(workspace));
    await fs.writeFile(stateFile(workspace), '{"version": 2, "phases": ');
    const result = await runCli(["run"], workspace);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("is corrupt");
    expect(await fs.readFile(stateFile(workspace), "utf8")).toBe('{"version": 2, "phases": ');
    const backups = (await fs.readdir(path.dirname(stateFile(workspace)))).filter((n) => n.startsWith("state.json.corrupt-"));
    expect(backups.length).toBeGreaterThan(0);
    await fs.writeFile(stateFile(workspace), original);
  });

  it("kill -9 during round 2 of Hudi MOR's lifecycle (the CLI and its Spark job, as a power loss) leaves its copy checkpointed at round 1", async () => {
    const killed = startCli(["run", ...LIFECYCLE_FLAGS, "--frameworks", KILLED_LIFECYCLE], workspace);
    let output = "";
    killed.all?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const phase = await waitFor(async () => {
      const running = (await readStateFile(workspace)).phases[lifecycle(KILLED_LIFECYCLE)];
      return running?.status === "running" && running.childPid && output.includes("round 2: RF1") ? running : undefined;
    }, 300_000, `${lifecycle(KILLED_LIFECYCLE)} to begin round 2`);
    // The job is this test's CLI's own child: stopped with it, so it cannot finish the round meanwhile.
    expect(await parentPid(phase.childPid!)).toBe(killed.pid);
    process.kill(-phase.childPid!, "SIGKILL");
    killed.kill("SIGKILL");
    await killed;
    const checkpoint = JSON.parse(await fs.readFile(path.join(dataDir, "work", "lifecycle", KILLED_LIFECYCLE, "lifecycle-checkpoint.json"), "utf8")) as Record<string, unknown>;
    expect(checkpoint).toMatchObject({ stage: "rounds", rounds_done: 1 });
  });

  it("runs lifecycle with 2 rounds on all seven variants: every pass's answers equal the oracle's at its round, time travel equals round 0, maintenance by each format's procedures, the killed one resumed by Hudi's restore, the loaded tables untouched", async () => {
    const before = await silverListing(dataDir, FRAMEWORKS);
    const result = await runCli(["run", ...LIFECYCLE_FLAGS, "--frameworks", QPHH_TARGETS.join(",")], workspace);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`${lifecycle(KILLED_LIFECYCLE)}: found interrupted`);
    expect(result.stdout).toContain(`${lifecycle(KILLED_LIFECYCLE)}: resuming after round 1 of an interrupted run`);
    const state = await readStateFile(workspace);
    expect(state.runs.at(-1)!.phases).toMatchObject(Object.fromEntries(QPHH_TARGETS.flatMap((t) => [[load(t), "skipped"], [lifecycle(t), "executed"]])));
    for (const target of QPHH_TARGETS) {
      const phase = state.phases[lifecycle(target)];
      expect(phase.status, `${target}: ${phase.error}`).toBe("completed");
      expect(phase.result, target).toMatchObject({ failed: [], mismatched: [], countMismatches: [], rounds: 2 });
      const metrics = lifecycleMetricsSchema.parse(JSON.parse(await fs.readFile(phase.result!.metricsFile as string, "utf8")));
      expect(metrics.passes.map((p) => [p.pass, p.state])).toEqual([["round-0", 0], ["round-1", 1], ["round-2", 2], ["time-travel", 0], ["maintained", 2]]);
      // Rounds 0 and 1 are the killed attempt's; round 2 ran again from its end, after Hudi's restore.
      if (target === KILLED_LIFECYCLE) expect(metrics.resumed).toMatchObject({ afterRound: 1, method: expect.stringContaining("rollback_to_savepoint") });
      else expect(metrics.resumed, target).toBeUndefined();
      // Four queries in each of the five passes, each against the oracle at the round it read (Parquet has no time travel).
      const passes = target === "parquet" ? 4 : 5;
      expect(metrics.totals, target).toMatchObject({ checked: 4 * passes, passed: 4 * passes });
      expect(metrics.timeTravel, target).toMatchObject(target === "parquet" ? { supported: false } : { supported: true, matchesRoundZero: true });
      expect(metrics.counts.map((c) => [c.state, c.ok])).toEqual([[0, true], [1, true], [2, true]]);
      expect(metrics.changes.map((c) => c.round)).toEqual([1, 2]);
      for (const change of metrics.changes) expect(change.upsertRows, target).toBeGreaterThan(0);
      expect(metrics.summary.degradation, target).not.toBeNull();
      expect(metrics.summary.recovery, target).toBeGreaterThan(0);
      // Merge-on-read variants keep their changes beside the data files until maintenance.
      const lastRound = metrics.storage.filter((s) => s.after === "round").at(-1)!;
      if (MERGE_ON_READ.includes(target)) expect(lastRound.deleteFiles, target).toBeGreaterThan(0);
      // Maintenance applies every change artefact and gives back the dead data files (at SF 0.01
      // the metadata outweighs them, so amplification alone would not show it).
      const maintained = metrics.storage.find((s) => s.after === "maintenance")!;
      const deadData = (s: typeof maintained) => s.totalBytes - s.liveBytes - s.metadataBytes;
      expect(maintained.deleteFiles, target).toBe(0);
      if (target !== "parquet") {
        expect(metrics.maintenance.operations.length, target).toBeGreaterThan(0);
        expect(metrics.summary.amplificationAfterRounds, target).toBeGreaterThan(1);
        expect(deadData(lastRound), target).toBeGreaterThan(0);
        expect(deadData(maintained), target).toBeLessThan(4096);
        // Rounds 0 and 1 after maintenance: Iceberg's snapshots are expired and Delta's files vacuumed,
        // so both fail with the format's error; what Hudi reads after its clean is recorded (report).
        expect(metrics.maintenance.readable.map((r) => r.round), target).toEqual([0, 1]);
        for (const r of metrics.maintenance.readable) {
          if (!target.startsWith("hudi")) expect(r, target).toMatchObject({ readable: false, error: expect.any(String) });
          else expect(r.readable ? r.rowsOk : r.error, target).not.toBeNull();
        }
      } else {
        expect(metrics.maintenance.operations).toEqual([]);
        expect(metrics.maintenance.readable).toEqual([]);
      }
    }
    // The copies are gone, the loaded tables are exactly as they were.
    expect(await silverListing(dataDir, FRAMEWORKS)).toEqual(before);
    expect(await fs.readdir(path.join(dataDir, "work", "lifecycle")).catch(() => [])).toEqual([]);
    const model = JSON.parse(await fs.readFile(state.phases.report.result!.summary as string, "utf8")) as ReportModel;
    expect(Object.keys(model.lifecycle ?? {}).sort()).toEqual(QPHH_TARGETS.map((t) => `spark.${t}`).sort());
    expect(model.problems).toEqual([]);
    const markdown = await fs.readFile(state.phases.report.result!.markdown as string, "utf8");
    expect(markdown).toContain("## Lifecycle: rounds of change");
  });
});
