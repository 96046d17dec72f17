#!/usr/bin/env node
// Prints the power + throughput test's figures at one scale factor (one run; figures, not a test),
// per target: RF1 and RF2 of the power test, Power@Size, Throughput@Size, QphH@Size, the wall of
// its qphh phase, and the wall of the whole `lakebench run --workload tpch-qphh` (bronze, refresh
// data, loads, the read-only queries and every power + throughput test). The read-only query
// set runs once with no warm-up: its own figures are engine-figures.mjs's, and its repetitions
// would only lengthen the wall. Derived from TPC-H, not an audited TPC result.
// Usage: node bench/qphh-figures.mjs [scale-factor=1] [frameworks=iceberg,iceberg-mor,delta,delta-dv,hudi,hudi-mor,parquet] [streams=spec minimum]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";

const [scaleFactor = "1", frameworks = "iceberg,iceberg-mor,delta,delta-dv,hudi,hudi-mor,parquet", streams] = process.argv.slice(2);
const repo = path.resolve(import.meta.dirname, "..");
const workspace = mkdtempSync(path.join(os.tmpdir(), "lakebench-bench-"));
const settings = [`TPCH_SCALE_FACTOR=${scaleFactor}`, `FRAMEWORKS=${frameworks}`, "WORKLOAD=tpch-qphh", "QUERY_PARAMETERS=generated", "QUERY_WARMUP_RUNS=0", "QUERY_ITERATIONS=1"];
if (streams) settings.push(`THROUGHPUT_STREAMS=${streams}`);
writeFileSync(path.join(workspace, ".env"), `${settings.join("\n")}\n`);

const started = performance.now();
await execa("node", [path.join(repo, "dist/cli.js"), "run", "--workspace", workspace], { stdio: ["ignore", "ignore", "inherit"] });
const wall = (performance.now() - started) / 1000;
const state = JSON.parse(readFileSync(path.join(workspace, ".lakebench/state.json"), "utf8"));
const phaseWall = (phase) => (Date.parse(phase.finishedAt) - Date.parse(phase.startedAt)) / 1000;
const fixed = (value, digits = 1) => (value == null ? "n/a" : value.toFixed(digits));

console.log(`Lakehouse Bench power + throughput figures (derived from TPC-H, not an audited TPC result), SF ${scaleFactor}, ${os.cpus().length} cores, one run`);
for (const framework of frameworks.split(",")) {
  const phase = state.phases[`qphh@spark.${framework}`];
  const m = JSON.parse(readFileSync(phase.result.metricsFile, "utf8"));
  const answers = `${m.totals.passed}/${m.totals.checked} answers at their state${m.totals.unisolated.length ? ` (+${m.totals.unisolated.length} unisolated)` : ""}`;
  console.log(
    `${framework.padEnd(11)} RF1 ${fixed(m.power.rf1.seconds, 2)} s | RF2 ${fixed(m.power.rf2.seconds, 2)} s | ` +
      `Power@${scaleFactor} ${fixed(m.power.powerAtSize)} | Throughput@${scaleFactor} ${fixed(m.throughput.throughputAtSize)} (${m.streams} streams, Ts ${fixed(m.throughput.seconds)} s) | ` +
      `QphH@${scaleFactor} ${fixed(m.qphhAtSize)} | phase wall ${fixed(phaseWall(phase))} s | ${answers}, ${m.counts.filter((c) => c.ok).length}/${m.counts.length} row counts`,
  );
}
console.log(`whole workload wall: ${wall.toFixed(1)} s`);
rmSync(workspace, { recursive: true, force: true });
