// A workspace with a history of N benchmark runs (4 formats, 22 queries, 8 tables each), every
// run with its summary.json where core puts it: the input of the extension figures.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const FRAMEWORKS = ["iceberg", "delta", "hudi", "parquet"];
const TABLES = { region: 5, nation: 25, supplier: 10_000, customer: 150_000, part: 200_000, partsupp: 800_000, orders: 1_500_000, lineitem: 6_001_215 };

/** Deterministic pseudo-random numbers, so every bench run sees the same history. */
function random(seed) {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function reportModel(benchmarkId, createdAt, seed) {
  const next = random(seed);
  const stats = (base) => {
    const runs = [0, 1, 2].map(() => base * (0.9 + next() * 0.2)).sort((a, b) => a - b);
    const mean = runs.reduce((a, b) => a + b, 0) / 3;
    return { n: 3, median: runs[1], min: runs[0], max: runs[2], mean, p95: runs[2], cv: 0.05 };
  };
  const queries = Array.from({ length: 22 }, (_, i) => ({
    name: `q${String(i + 1).padStart(2, "0")}`,
    sameAcrossFormats: true,
    byFramework: Object.fromEntries(FRAMEWORKS.map((f) => [f, { status: "completed", statistics: stats(0.5 + next() * 5), rows: 1 + Math.floor(next() * 100), hash: `h${i}`, answer: { status: "match" } }])),
  }));
  const load = Object.fromEntries(
    FRAMEWORKS.map((f) => {
      const tables = Object.fromEntries(Object.entries(TABLES).map(([t, rows]) => [t, { seconds: 1 + next() * 20, rows, data_files: 1 + Math.floor(next() * 8), data_bytes: rows * 40, metadata_bytes: 10_000 }]));
      const sum = (k) => Object.values(tables).reduce((a, t) => a + t[k], 0);
      return [f, { seconds: sum("seconds"), rows: sum("rows"), dataBytes: sum("data_bytes"), dataFiles: sum("data_files"), metadataBytes: sum("metadata_bytes"), tables }];
    }),
  );
  const totals = Object.fromEntries(
    FRAMEWORKS.map((f) => {
      const medians = queries.map((q) => q.byFramework[f].statistics.median);
      const geo = Math.exp(medians.reduce((a, m) => a + Math.log(m), 0) / medians.length);
      return [f, { sumOfMedians: medians.reduce((a, b) => a + b, 0), geometricMeanOfMedians: geo, passed: 22, failed: [], mismatched: [] }];
    }),
  );
  return {
    schemaVersion: 1,
    benchmarkId,
    createdAt,
    scaleFactor: 1,
    frameworks: FRAMEWORKS,
    concurrentTimings: false,
    warmupRuns: 1,
    iterations: 3,
    oracle: "duckdb-1.4.3",
    versions: { pyspark: "3.5.9", "iceberg-spark-runtime-3.5_2.12": "1.10.1", "delta-spark_2.12": "3.3.2", "hudi-spark3.5-bundle_2.12": "1.0.2", java: "17.0.15" },
    machine: { cpus: 2, memoryBytes: 24 * 2 ** 30, platform: "linux" },
    config: { TPCH_SCALE_FACTOR: "1", FRAMEWORKS: FRAMEWORKS.join(",") },
    bronze: { generatorVersion: "4.0.0", seconds: 30, rows: Object.values(TABLES).reduce((a, b) => a + b, 0), bytes: 300_000_000, tables: Object.fromEntries(Object.entries(TABLES).map(([t, rows]) => [t, { rows, files: 1, bytes: rows * 40 }])) },
    load,
    queries,
    totals,
    problems: [],
  };
}

/** Writes .env, .lakebench/state.json and N summaries; returns the workspace and the run ids (oldest first). */
export function makeHistory(workspace, runs = 50) {
  const dataDir = path.join(workspace, "lakehouse-data");
  writeFileSync(path.join(workspace, ".env"), `TPCH_SCALE_FACTOR=1\nFRAMEWORKS=${FRAMEWORKS.join(",")}\n`);
  const records = [];
  for (let i = 0; i < runs; i++) {
    const started = new Date(Date.UTC(2026, 0, 1, 8, 0) + i * 3_600_000);
    const id = `lb-${started.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}-${String(i).padStart(4, "0")}`;
    const model = reportModel(id, started.toISOString(), i + 1);
    const summary = path.join(dataDir, "gold", "metrics", id, "summary.json");
    mkdirSync(path.dirname(summary), { recursive: true });
    writeFileSync(summary, JSON.stringify(model));
    records.push({
      benchmarkId: id,
      command: "run",
      startedAt: started.toISOString(),
      finishedAt: new Date(started.getTime() + 1_800_000).toISOString(),
      status: "completed",
      config: model.config,
      versions: model.versions,
      machine: model.machine,
      phases: Object.fromEntries(["bronze", ...FRAMEWORKS.flatMap((f) => [`silver_${f}`, `gold_${f}`]), "report"].map((p) => [p, "executed"])),
      summary: { scaleFactor: 1, frameworks: FRAMEWORKS, gold: Object.fromEntries(FRAMEWORKS.map((f) => [f, { passed: 22, queries: 22, sumOfMedians: model.totals[f].sumOfMedians }])), failures: [] },
      reportDir: path.join(dataDir, "gold", "reports", id),
    });
  }
  const last = records.at(-1);
  const phase = (result) => ({ status: "completed", startedAt: last.startedAt, finishedAt: last.finishedAt, configHash: "0123456789abcdef", benchmarkId: last.benchmarkId, result });
  const phases = { bronze: phase({ rows: 8_661_245 }), report: phase({ summary: path.join(dataDir, "gold", "metrics", last.benchmarkId, "summary.json"), problems: 0 }) };
  for (const f of FRAMEWORKS) {
    phases[`silver_${f}`] = phase({ rows: 8_661_245, dataBytes: 300_000_000 });
    phases[`gold_${f}`] = phase({ passed: 22, queries: 22 });
  }
  mkdirSync(path.join(workspace, ".lakebench"), { recursive: true });
  writeFileSync(path.join(workspace, ".lakebench", "state.json"), JSON.stringify({ version: 1, phases, runs: records }, null, 2));
  return { workspace, ids: records.map((r) => r.benchmarkId), summaryOf: (id) => path.join(dataDir, "gold", "metrics", id, "summary.json") };
}
