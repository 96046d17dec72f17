/**
 * Version-1 state files (phases keyed by framework) brought to version 2 (keyed by target):
 * in memory for readers, and on disk, with a backup of the original bytes, for a store.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadResultSchema, queriesResultSchema, resultOf } from "../../../src/core/phases/results";
import { readRunSummary } from "../../../src/core/pipeline/runSummary";
import { backupPath } from "../../../src/core/state/backup";
import { isVersion1, migrateV1, STATE_VERSION } from "../../../src/core/state/migrations";
import { stateFileSchema, type StateFile } from "../../../src/core/state/schema";
import { parseState, readState, StateStore, stateFilePath } from "../../../src/core/state/store";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

const ID = "lb-20261125-083015-1a2b";
const table = { seconds: 0.5, rows: 25, data_files: 1, data_bytes: 250, metadata_bytes: 100 };
const loadResult = (options: Record<string, string>) => ({
  sparkVersion: "3.5.3",
  codec: "snappy",
  options,
  seconds: 0.5,
  rows: 25,
  dataBytes: 250,
  dataFiles: 1,
  metadataBytes: 100,
  warmupSeconds: 6.1,
  tables: { nation: table },
});
const queriesResult = (framework: string) => ({
  metricsFile: `/data/gold/metrics/${ID}/${framework}.json`,
  answersFile: `/data/gold/metrics/${ID}/${framework}.answers.json`,
  oracleFile: "/data/gold/oracle/sf0.01/duckdb.json",
  sumOfMedians: 1.25,
  geometricMeanOfMedians: 0.5,
  passed: 22,
  failed: [],
  mismatched: [],
  queries: 22,
});
const done = (result?: Record<string, unknown>) => ({
  status: "completed",
  startedAt: "2026-11-25T08:30:15.000Z",
  finishedAt: "2026-11-25T08:31:15.000Z",
  configHash: "0123456789abcdef",
  benchmarkId: ID,
  logFile: `/ws/.lakebench/logs/${ID}/phase.log`,
  ...(result ? { result } : {}),
});

/** A state file as the landed main (bff1b00) wrote it, with Hudi run as MERGE_ON_READ. */
function v1State(hudiTableType = "MERGE_ON_READ") {
  return {
    version: 1,
    phases: {
      bronze: done({ generatorVersion: "2.0.1", seconds: 1, createdAt: "2026-11-25T08:30:15.000Z", rows: 25, bytes: 100, tables: {} }),
      silver_iceberg: done(loadResult({ format_version: "2" })),
      silver_hudi: done(loadResult({ table_type: hudiTableType })),
      gold_iceberg: done(queriesResult("iceberg")),
      gold_hudi: { status: "failed", error: "q01 failed", benchmarkId: ID },
      report: done({ dir: `/data/gold/reports/${ID}`, summary: `/data/gold/metrics/${ID}/summary.json`, html: "r.html", markdown: "r.md", problems: 0 }),
    },
    runs: [
      {
        benchmarkId: ID,
        command: "run",
        startedAt: "2026-11-25T08:30:15.000Z",
        finishedAt: "2026-11-25T08:35:15.000Z",
        status: "failed",
        config: { TPCH_SCALE_FACTOR: "0.01", FRAMEWORKS: "iceberg,hudi", HUDI_TABLE_TYPE: hudiTableType },
        versions: { spark: "3.5.3" },
        machine: { cpus: 2 },
        phases: { bronze: "skipped", silver_iceberg: "executed", silver_hudi: "executed", gold_iceberg: "executed", gold_hudi: "failed", report: "executed" },
        summary: {
          scaleFactor: 0.01,
          frameworks: ["iceberg", "hudi"],
          gold: { iceberg: { passed: 22, queries: 22, sumOfMedians: 1.25 }, hudi: { passed: 21, queries: 22, sumOfMedians: 2.5 } },
          failures: ["gold_hudi: q01 failed"],
        },
        reportDir: `/data/gold/reports/${ID}`,
      },
    ],
  };
}

const migrated = (value: unknown): StateFile => stateFileSchema.parse(migrateV1(value));

function writeV1(workspace: string, value: unknown): { file: string; bytes: Buffer } {
  const file = stateFilePath(workspace);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
  return { file, bytes: readFileSync(file) };
}

describe("migrateV1", () => {
  it("is a version-2 state that the current schema accepts", () => {
    expect(STATE_VERSION).toBe(2);
    expect(isVersion1(v1State())).toBe(true);
    expect(migrated(v1State()).version).toBe(2);
    expect(isVersion1(migrated(v1State()))).toBe(false);
  });

  it("renames silver_<fw> to load@spark.<fw> and gold_<fw> to queries@spark.<fw>; a MERGE_ON_READ Hudi is hudi-mor", () => {
    expect(Object.keys(migrated(v1State()).phases).sort()).toEqual(
      ["bronze", "load@spark.hudi-mor", "load@spark.iceberg", "queries@spark.hudi-mor", "queries@spark.iceberg", "report"].sort(),
    );
  });

  it("keeps a COPY_ON_WRITE Hudi (or one without a table type) as hudi", () => {
    expect(Object.keys(migrated(v1State("COPY_ON_WRITE")).phases)).toEqual(expect.arrayContaining(["load@spark.hudi", "queries@spark.hudi"]));
    const untyped = v1State();
    untyped.phases.silver_hudi = done(loadResult({}));
    expect(Object.keys(migrated(untyped).phases)).toContain("queries@spark.hudi");
  });

  it("keeps every phase's status, times, hash and result; a load's sparkVersion becomes engineVersion", () => {
    const before = v1State();
    const { phases } = migrated(before);
    // A renamed phase remembers its version-1 key: its config hash is of that version (pipeline/version1Hashes.ts).
    expect(phases["queries@spark.iceberg"]).toEqual({ ...before.phases.gold_iceberg, migratedFrom: { version: 1, phase: "gold_iceberg" } });
    expect(phases["queries@spark.hudi-mor"]).toEqual({ ...before.phases.gold_hudi, migratedFrom: { version: 1, phase: "gold_hudi" } });
    expect(phases.bronze).not.toHaveProperty("migratedFrom");
    expect(phases.bronze).toEqual(before.phases.bronze);
    const load = resultOf(phases["load@spark.iceberg"], loadResultSchema);
    expect(load?.engineVersion).toBe("3.5.3");
    expect(phases["load@spark.iceberg"].result).not.toHaveProperty("sparkVersion");
    expect(load?.options).toEqual({ format_version: "2" });
    expect(resultOf(phases["queries@spark.iceberg"], queriesResultSchema)?.passed).toBe(22);
    expect(phases["load@spark.iceberg"].configHash).toBe("0123456789abcdef");
  });

  it("renames the phases in each run's outcomes", () => {
    expect(migrated(v1State()).runs[0].phases).toEqual({
      bronze: "skipped",
      "load@spark.iceberg": "executed",
      "load@spark.hudi-mor": "executed",
      "queries@spark.iceberg": "executed",
      "queries@spark.hudi-mor": "failed",
      report: "executed",
    });
  });

  it("lists a run summary's formats and targets, and its gold figures by target id", () => {
    const summary = readRunSummary(migrated(v1State()).runs[0].summary);
    expect(summary.formats).toEqual(["iceberg", "hudi-mor"]);
    expect(summary.targets).toEqual(["spark.iceberg", "spark.hudi-mor"]);
    expect(summary.gold).toEqual({
      "spark.iceberg": { passed: 22, queries: 22, sumOfMedians: 1.25 },
      "spark.hudi-mor": { passed: 21, queries: 22, sumOfMedians: 2.5 },
    });
    expect(summary.scaleFactor).toBe(0.01);
    expect(summary.failures).toEqual(["gold_hudi: q01 failed"]); // a message of its time: kept as written
    expect(migrated(v1State()).runs[0].summary).not.toHaveProperty("frameworks");
  });

  it("names a run's Hudi by that run's own HUDI_TABLE_TYPE, whatever the latest load was", () => {
    const state = v1State("COPY_ON_WRITE");
    const older = { ...state.runs[0], benchmarkId: "lb-20261124-083015-1a2b", config: { ...state.runs[0].config, HUDI_TABLE_TYPE: "MERGE_ON_READ" } };
    const { phases, runs } = migrated({ ...state, runs: [older, state.runs[0]] });
    expect(Object.keys(phases)).toContain("queries@spark.hudi");
    expect(runs[0].phases).toMatchObject({ "queries@spark.hudi-mor": "failed" });
    expect(readRunSummary(runs[0].summary).targets).toEqual(["spark.iceberg", "spark.hudi-mor"]);
    expect(runs[1].phases).toMatchObject({ "queries@spark.hudi": "failed" });
    expect(readRunSummary(runs[1].summary).targets).toEqual(["spark.iceberg", "spark.hudi"]);
  });

  it("keeps the rest of a run record as it was", () => {
    const [run] = migrated(v1State()).runs;
    const [before] = v1State().runs;
    expect(run).toMatchObject({ benchmarkId: ID, command: "run", status: "failed", config: before.config, versions: before.versions, reportDir: before.reportDir });
  });

  it("leaves a run without a summary without one", () => {
    const state = v1State();
    const bare: Record<string, unknown> = { ...state.runs[0] };
    delete bare.summary;
    expect(migrated({ ...state, runs: [bare] }).runs[0]).not.toHaveProperty("summary");
  });
});

describe("parseState of a version-1 file", () => {
  it("migrates it and says from which version", () => {
    const parsed = parseState(JSON.stringify(v1State()));
    expect(parsed).toMatchObject({ migratedFrom: 1 });
    expect("state" in parsed && Object.keys(parsed.state.phases)).toContain("load@spark.hudi-mor");
  });

  it("still refuses a version-1 file that is not a valid state, naming the field", () => {
    const broken = v1State() as { phases: Record<string, unknown> };
    broken.phases.bronze = { status: "exploded" };
    expect(parseState(JSON.stringify(broken))).toEqual({ reason: expect.stringMatching(/phases\.bronze\.status/) });
  });
});

describe("StateStore.open on a version-1 file", () => {
  it("keeps the original bytes as state.json.v1-<sha12> and writes the version-2 state", async () => {
    const ws = temp.make();
    const { file, bytes } = writeV1(ws, v1State());
    const store = await StateStore.open(ws);
    try {
      expect(Object.keys(store.snapshot.phases)).toContain("queries@spark.hudi-mor");
      // What the pipeline tells the user (runPipeline's "state.json upgraded" line).
      expect(store.migrated).toEqual({ from: 1, backup: backupPath(file, bytes, "v1") });
    } finally {
      await store.close();
    }
    const backup = backupPath(file, bytes, "v1");
    expect(path.basename(backup)).toMatch(/^state\.json\.v1-[0-9a-f]{12}$/);
    expect(readFileSync(backup).equals(bytes)).toBe(true);
    const written = JSON.parse(readFileSync(file, "utf8"));
    expect(written.version).toBe(2);
    expect(written).toEqual(migrated(v1State()));
  });

  it("migrates once: a second open finds version 2 and makes no other backup", async () => {
    const ws = temp.make();
    const { file } = writeV1(ws, v1State());
    await (await StateStore.open(ws)).close();
    const afterFirst = readFileSync(file);
    const listing = readdirSync(path.dirname(file)).filter((name) => name.startsWith("state.json"));
    await (await StateStore.open(ws)).close();
    expect(readFileSync(file).equals(afterFirst)).toBe(true);
    expect(readdirSync(path.dirname(file)).filter((name) => name.startsWith("state.json"))).toEqual(listing);
    expect(listing.filter((name) => name.startsWith("state.json.v1-"))).toHaveLength(1);
  });
});

describe("readState on a version-1 file", () => {
  it("migrates it in memory and writes nothing", async () => {
    const ws = temp.make();
    const { file, bytes } = writeV1(ws, v1State());
    const dir = path.dirname(file);
    const before = readdirSync(dir).sort();
    const state = await readState(file);
    expect(state).toEqual(migrated(v1State()));
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(backupPath(file, bytes, "v1"))).toBe(false);
  });
});

/** A state file the landed main (bff1b00) wrote in a real run: FRAMEWORKS=iceberg,parquet at SF 0.01. */
const FIXTURE = path.resolve(__dirname, "../../fixtures/v1/state.json");
const fixture = (): unknown => JSON.parse(readFileSync(FIXTURE, "utf8"));

describe("the landed main's version-1 state file (test/fixtures/v1/state.json)", () => {
  it("migrates to version 2 keyed by target, results and run history kept", () => {
    const before = fixture() as ReturnType<typeof v1State>;
    expect(isVersion1(before)).toBe(true);
    const state = migrated(before);
    expect(Object.keys(state.phases).sort()).toEqual(
      ["bronze", "load@spark.iceberg", "load@spark.parquet", "queries@spark.iceberg", "queries@spark.parquet", "report"].sort(),
    );
    expect(resultOf(state.phases["load@spark.iceberg"], loadResultSchema)?.engineVersion).toBe(before.phases.silver_iceberg.result?.sparkVersion);
    expect(resultOf(state.phases["queries@spark.parquet"], queriesResultSchema)).toBeDefined();
    expect(state.runs).toHaveLength(before.runs.length);
    expect(Object.keys(state.runs[0].phases).sort()).toEqual(Object.keys(state.phases).sort());
    const summary = readRunSummary(state.runs[0].summary);
    expect(summary.targets).toEqual(["spark.iceberg", "spark.parquet"]);
    expect(Object.keys(summary.gold)).toEqual(["spark.iceberg", "spark.parquet"]);
  });

  it("StateStore.open backs it up byte for byte and rewrites it as version 2; readState leaves it alone", async () => {
    const original = readFileSync(FIXTURE);
    const copyInto = (workspace: string): string => {
      const file = stateFilePath(workspace);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, original);
      return file;
    };
    const readOnly = copyInto(temp.make());
    expect(Object.keys((await readState(readOnly)).phases)).toContain("queries@spark.iceberg");
    expect(readFileSync(readOnly).equals(original)).toBe(true);
    expect(readdirSync(path.dirname(readOnly))).toEqual(["state.json"]);

    const ws = temp.make();
    const file = copyInto(ws);
    await (await StateStore.open(ws)).close();
    expect(readFileSync(backupPath(file, original, "v1")).equals(original)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(migrated(fixture()));
  });
});
