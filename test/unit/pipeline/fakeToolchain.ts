/**
 * A fake toolchain for pipeline tests: `python`, `spark-submit` and `tpchgen-cli` in a temp
 * cache directory are small Node scripts that write the files the real jobs write, so the
 * orchestration runs end to end without Spark, DuckDB or tpchgen. A control.json beside
 * them makes them fail, answer wrongly or hang.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Framework } from "../../../src/core/config/keys";
import { readJarList } from "../../../src/core/environment/toolchain";

export interface FakeControl {
  failBronze?: boolean;
  failSilver?: Framework[];
  /** Queries (like "q02") answered wrongly per format. */
  wrongAnswers?: Partial<Record<Framework, string[]>>;
  /** Gold on these formats never finishes (until killed). */
  hangGold?: Framework[];
}

const SCRIPT = String.raw`
const fs = require("fs");
const path = require("path");
const tool = path.basename(process.argv[1]);
const args = process.argv.slice(2);
const cache = path.resolve(path.dirname(process.argv[1]), "..", "..");
const controlFile = path.join(cache, "control.json");
const control = fs.existsSync(controlFile) ? JSON.parse(fs.readFileSync(controlFile, "utf8")) : {};
const arg = (name, list = args) => list[list.indexOf(name) + 1];
const TABLES = { nation: 25, region: 5, lineitem: 600 };
const qname = (n) => "q" + String(n).padStart(2, "0");
const writeJson = (file, value) => { fs.mkdirSync(path.dirname(file), { recursive: true }); fs.writeFileSync(file, JSON.stringify(value)); };
fs.appendFileSync(path.join(cache, "calls.log"), tool + " " + args.join(" ") + "\n");

if (tool === "tpchgen-cli") {
  if (args[0] === "--version") { console.log("tpchgen-cli 9.9.9"); process.exit(0); }
  const out = arg("--output-dir");
  for (const [table, rows] of Object.entries(TABLES)) {
    fs.mkdirSync(path.join(out, table), { recursive: true });
    fs.writeFileSync(path.join(out, table, table + ".1.parquet"), Buffer.alloc(rows * 3, 7));
  }
  console.log("generated " + Object.keys(TABLES).length + " tables");
  if (control.failBronze) { console.error("tpchgen-cli: No space left on device"); process.exit(1); }
} else if (tool === "python") {
  const script = args[0];
  if (script.endsWith("bronze/inspect_tables.py")) {
    const dir = arg("--bronze-dir");
    const tables = {};
    for (const [table, rows] of Object.entries(TABLES)) {
      const files = fs.readdirSync(path.join(dir, table)).filter((f) => f.endsWith(".parquet"));
      const bytes = files.reduce((s, f) => s + fs.statSync(path.join(dir, table, f)).size, 0);
      tables[table] = { rows, files: files.length, bytes };
    }
    console.log(JSON.stringify({ tables }));
  } else if (script.endsWith("oracle/duckdb_answers.py")) {
    const queries = {};
    for (const n of arg("--queries").split(",")) queries[qname(n)] = { columns: ["answer"], rows: [[Number(n) * 1.5]], hash: "h" + n };
    writeJson(arg("--output"), { engine: "duckdb", queries });
  } else {
    console.error("fake python: unknown script " + script);
    process.exit(2);
  }
} else if (tool === "spark-submit") {
  const at = args.findIndex((a) => a.endsWith(".py"));
  const script = args[at];
  const rest = args.slice(at + 1);
  const framework = arg("--framework", rest);
  if (script.endsWith("silver/convert.py")) {
    if ((control.failSilver || []).includes(framework)) { console.error("Py4JJavaError: " + framework + " exploded"); process.exit(1); }
    const tables = {};
    for (const [table, rows] of Object.entries(TABLES)) {
      tables[table] = { seconds: 0.5, rows, data_files: 1, data_bytes: rows * 10, metadata_bytes: 100 };
      console.log("LAKEBENCH_EVENT " + JSON.stringify({ event: "table_done", table, rows, seconds: 0.5 }));
    }
    fs.mkdirSync(path.join(arg("--silver-root", rest), arg("--namespace", rest)), { recursive: true });
    writeJson(arg("--output", rest), { framework, spark_version: "3.5.9", codec: arg("--codec", rest), options: {}, tables });
  } else if (script.endsWith("gold/run_queries.py")) {
    if ((control.hangGold || []).includes(framework)) {
      writeJson(arg("--output", rest), { partial: true });
      console.log("LAKEBENCH_EVENT " + JSON.stringify({ event: "hanging" }));
      setInterval(() => {}, 1000);
      return;
    }
    const wrong = (control.wrongAnswers || {})[framework] || [];
    const queries = {};
    const answers = {};
    for (const n of arg("--queries", rest).split(",")) {
      const name = qname(n);
      const value = wrong.includes(name) ? -1 : Number(n) * 1.5;
      const seconds = [0.2 * n, 0.21 * n, 0.19 * n].slice(0, Number(arg("--iterations", rest)));
      queries[name] = { status: "completed", warmup_seconds: [0.3], seconds, rows: 1, hash: wrong.includes(name) ? "bad" : "h" + n };
      answers[name] = { columns: ["answer"], rows: [[value]], hash: queries[name].hash };
      console.log("LAKEBENCH_EVENT " + JSON.stringify({ event: "query_done", query: name, status: "completed", seconds }));
    }
    writeJson(arg("--output", rest), { framework, spark_version: "3.5.9", queries_hash: "qh", queries });
    writeJson(arg("--answers", rest), { engine: "spark", queries: answers });
  }
}
`;

export interface FakeToolchain {
  cacheDir: string;
  setControl(control: FakeControl): void;
  /** Command lines the fakes were started with, one per call. */
  calls(): string[];
}

export function installFakeToolchain(cacheDir: string): FakeToolchain {
  const bin = path.join(cacheDir, "venv", "bin");
  mkdirSync(bin, { recursive: true });
  const body = `#!${process.execPath}\n(function main() {${SCRIPT}})();\n`;
  for (const tool of ["python", "spark-submit", "tpchgen-cli"]) {
    writeFileSync(path.join(bin, tool), body);
    chmodSync(path.join(bin, tool), 0o755);
  }
  mkdirSync(path.join(cacheDir, "jars"), { recursive: true });
  for (const jar of readJarList()) writeFileSync(path.join(cacheDir, "jars", jar.fileName), "");
  return {
    cacheDir,
    setControl: (control) => writeFileSync(path.join(cacheDir, "control.json"), JSON.stringify(control)),
    calls: () => {
      const file = path.join(cacheDir, "calls.log");
      return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : [];
    },
  };
}
