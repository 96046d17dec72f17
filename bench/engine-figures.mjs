#!/usr/bin/env node
// Prints the engine's cost figures at one scale factor (one run each; figures, not a test):
//   bronze wall vs raw tpchgen-cli, load seconds per format, gold wall vs the sum of the
//   timed query executions (harness overhead), and the total wall of `lakebench run`.
// Usage: node bench/engine-figures.mjs [scale-factor=1] [frameworks=iceberg,delta,hudi,parquet]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";

const [scaleFactor = "1", frameworks = "iceberg,delta,hudi,parquet"] = process.argv.slice(2);
const repo = path.resolve(import.meta.dirname, "..");
const cache = process.env.LAKEBENCH_CACHE_DIR ?? path.join(os.homedir(), ".cache", "lakebench");
const workspace = mkdtempSync(path.join(os.tmpdir(), "lakebench-bench-"));
writeFileSync(path.join(workspace, ".env"), `TPCH_SCALE_FACTOR=${scaleFactor}\nFRAMEWORKS=${frameworks}\n`);

const seconds = async (file, args) => {
  const started = performance.now();
  await execa(file, args, { stdio: ["ignore", "ignore", "inherit"] });
  return (performance.now() - started) / 1000;
};
const lakebench = (command) => seconds("node", [path.join(repo, "dist/cli.js"), command, "--workspace", workspace]);
const phaseWall = (phase) => (Date.parse(phase.finishedAt) - Date.parse(phase.startedAt)) / 1000;

const rawDir = path.join(workspace, "raw-tpchgen");
const parts = String(Math.max(1, Math.ceil(Number(scaleFactor))));
const raw = await seconds(path.join(cache, "venv/bin/tpchgen-cli"), ["parquet", "--scale-factor", scaleFactor, "--output-dir", rawDir, "--parts", parts, "--compression", "SNAPPY", "--no-progress"]);
rmSync(rawDir, { recursive: true, force: true });
const bronze = await lakebench("bronze");
const rest = await lakebench("run");
const state = JSON.parse(readFileSync(path.join(workspace, ".lakebench/state.json"), "utf8"));

console.log(`Lakehouse Bench engine figures, SF ${scaleFactor}, ${os.cpus().length} cores, one run each`);
console.log(`bronze: lakebench ${bronze.toFixed(1)} s vs raw tpchgen-cli ${raw.toFixed(1)} s (ratio ${(bronze / raw).toFixed(2)})`);
for (const framework of frameworks.split(",")) {
  const silver = state.phases[`load@spark.${framework}`];
  const gold = state.phases[`queries@spark.${framework}`];
  const tables = Object.values(silver.result.tables);
  const load = tables.reduce((sum, t) => sum + t.seconds, 0);
  const metrics = JSON.parse(readFileSync(gold.result.metricsFile, "utf8"));
  const executions = Object.values(metrics.queries).flatMap((q) => [...q.warmupSeconds, ...q.seconds]).reduce((a, b) => a + b, 0);
  console.log(
    `${framework.padEnd(8)} load ${load.toFixed(1)} s (phase wall ${phaseWall(silver).toFixed(1)} s) | ` +
      `gold wall ${phaseWall(gold).toFixed(1)} s vs Σ query executions ${executions.toFixed(1)} s (overhead ratio ${(phaseWall(gold) / executions).toFixed(2)}) | ` +
      `Σ median ${metrics.totals.sumOfMedians.toFixed(2)} s, ${metrics.totals.passed}/${Object.keys(metrics.queries).length} answers correct`,
  );
}
console.log(`total wall: ${(bronze + rest).toFixed(1)} s (bronze ${bronze.toFixed(1)} s + run ${rest.toFixed(1)} s)`);
rmSync(workspace, { recursive: true, force: true });
