#!/usr/bin/env node
// Prints the lifecycle workload's figures at one scale factor and number of rounds (one run;
// figures, not a test), per target: each round's RF1, RF2 and upsert seconds, the degradation
// rate with its 95 % interval, recovery, maintenance seconds, amplification after the rounds and
// after maintenance, the time-travel check, the answers, the wall of its lifecycle phase; then
// the wall of the whole `lakebench run --workload lifecycle` (bronze, refresh data, loads, the
// read-only queries once with no warm-up, every lifecycle) and where that time went by phase.
// Usage: node bench/lifecycle-figures.mjs [scale-factor=1] [rounds=5] [frameworks=iceberg,iceberg-mor,delta,delta-dv,hudi,hudi-mor,parquet] [queries=all]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";

const [scaleFactor = "1", rounds = "5", frameworks = "iceberg,iceberg-mor,delta,delta-dv,hudi,hudi-mor,parquet", queries = "all"] = process.argv.slice(2);
const repo = path.resolve(import.meta.dirname, "..");
const workspace = mkdtempSync(path.join(os.tmpdir(), "lakebench-bench-"));
const settings = [`TPCH_SCALE_FACTOR=${scaleFactor}`, `FRAMEWORKS=${frameworks}`, "WORKLOAD=lifecycle", `LIFECYCLE_ROUNDS=${rounds}`, `QUERIES=${queries}`, "QUERY_WARMUP_RUNS=0", "QUERY_ITERATIONS=1"];
writeFileSync(path.join(workspace, ".env"), `${settings.join("\n")}\n`);

const started = performance.now();
await execa("node", [path.join(repo, "dist/cli.js"), "run", "--workspace", workspace], { stdio: ["ignore", "ignore", "inherit"] });
const wall = (performance.now() - started) / 1000;
const state = JSON.parse(readFileSync(path.join(workspace, ".lakebench/state.json"), "utf8"));
const phaseWall = (phase) => (Date.parse(phase.finishedAt) - Date.parse(phase.startedAt)) / 1000;
const fixed = (value, digits = 1) => (value == null ? "n/a" : value.toFixed(digits));
const percent = (value) => (value == null ? "n/a" : `${(value * 100).toFixed(1)} %`);

console.log(`Lakehouse Bench lifecycle figures, SF ${scaleFactor}, R = ${rounds}, queries ${queries}, ${os.cpus().length} cores, one run`);
for (const framework of frameworks.split(",")) {
  const phase = state.phases[`lifecycle@spark.${framework}`];
  if (phase?.status !== "completed" && !phase?.result?.metricsFile) {
    console.log(`${framework.padEnd(11)} ${phase?.status ?? "not run"}: ${phase?.error ?? ""}`);
    continue;
  }
  const m = JSON.parse(readFileSync(phase.result.metricsFile, "utf8"));
  const { degradation, recovery, maintenanceSeconds, amplificationAfterRounds, amplificationAfterMaintenance } = m.summary;
  const interval = degradation?.interval ? ` (${percent(degradation.interval.low)} … ${percent(degradation.interval.high)})` : "";
  const changes = m.changes.map((c) => `r${c.round} ${fixed(c.rf1, 2)}/${fixed(c.rf2, 2)}/${fixed(c.upsert, 2)}`).join(" ");
  const travel = !m.timeTravel.supported ? "unsupported" : m.timeTravel.matchesRoundZero ? "= round 0" : "differs";
  console.log(
    `${framework.padEnd(11)} RF1/RF2/upsert s: ${changes} | degradation ${percent(degradation?.rate)}/round${interval} | ` +
      `recovery ${fixed(recovery, 2)}x | maintenance ${fixed(maintenanceSeconds)} s | amplification ${fixed(amplificationAfterRounds, 2)} -> ${fixed(amplificationAfterMaintenance, 2)} | ` +
      `time travel ${travel} | ${m.totals.passed}/${m.totals.checked} answers | phase wall ${fixed(phaseWall(phase))} s`,
  );
}
const byPhase = Object.entries(state.phases)
  .filter(([, p]) => p.startedAt && p.finishedAt)
  .map(([name, p]) => `${name} ${fixed(phaseWall(p))} s`);
console.log(`where the time went: ${byPhase.join(", ")}`);
console.log(`whole workload wall: ${wall.toFixed(1)} s`);
rmSync(workspace, { recursive: true, force: true });
