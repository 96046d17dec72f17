/** The `lakebench` command: a thin shell over src/core for terminals and CI. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { ConfigError, FORMAT_IDS, WORKLOAD_IDS, loadConfig, mergeSources, type PhaseKind, readStatus, resetState, runPipeline } from "../core";
import { addClusterCommands } from "./clusterCommands";
import { flagsToRawConfig, type RunFlags } from "./options";
import { phaseColumnWidth, printProgress, printSummary } from "./printer";

const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 130 } as const;

async function runPhases(command: string, targets: PhaseKind[], flags: RunFlags): Promise<number> {
  const workspace = await existingWorkspace(flags.workspace);
  const sources = { workspace, flags: flagsToRawConfig(flags), env: process.env };
  const config = await loadConfig(sources);
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    if (++interrupts > 1) process.exit(EXIT.cancelled);
    console.log("\nCancelling: stopping Spark and marking the phase cancelled (Ctrl-C again to quit at once)…");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onInterrupt);
  try {
    const outcome = await runPipeline({
      workspace,
      config,
      rawConfig: await mergeSources(sources),
      command,
      targets,
      force: Boolean(flags.force),
      signal: controller.signal,
      onProgress: printProgress,
    });
    printSummary(outcome);
    return outcome.status === "completed" ? EXIT.ok : outcome.status === "cancelled" ? EXIT.cancelled : EXIT.failed;
  } finally {
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
  }
}

/** A run needs the workspace folder to exist: it holds .env and gets .lakebench/; a typo must not create one. */
async function existingWorkspace(dir: string): Promise<string> {
  const workspace = path.resolve(dir);
  const stat = dir.trim() === "" ? undefined : await fs.stat(workspace).catch(() => undefined);
  if (!stat?.isDirectory()) throw new ConfigError([{ key: "--workspace", value: dir, allowed: "an existing directory (the folder holding .env; .lakebench/ is created in it)", source: "flag" }]);
  return workspace;
}

function withRunOptions(command: Command): Command {
  return command
    .option("-w, --workspace <dir>", "workspace holding .env and .lakebench/", process.cwd())
    .option("-s, --scale-factor <sf>", "TPC-H scale factor (TPCH_SCALE_FACTOR)")
    .option("-f, --frameworks <list>", `comma-separated format variants: ${FORMAT_IDS.join(",")} (FRAMEWORKS)`)
    .option("-q, --queries <list>", 'query numbers and ranges, or "all" (QUERIES)')
    .option("-i, --iterations <n>", 'timed runs per query, or "auto" (QUERY_ITERATIONS)')
    .option("--warmup-runs <n>", "uncounted runs per query (QUERY_WARMUP_RUNS)")
    .option("--workload <id>", `what every target runs: ${WORKLOAD_IDS.join(" or ")} (WORKLOAD)`)
    .option("--streams <n>", 'query streams of the throughput test, or "auto" (THROUGHPUT_STREAMS)')
    .option("--query-parameters <mode>", "validation or generated substitution parameters (QUERY_PARAMETERS)")
    .option("--rounds <n>", "rounds of change of the lifecycle workload (LIFECYCLE_ROUNDS)")
    .option("-d, --data-dir <dir>", "data directory (DATA_DIR)")
    .option("--spark-master <url>", "local[*], spark://host:port or compose (SPARK_MASTER)")
    .option("--parallelism <n>", "formats converted or queried at the same time (FRAMEWORK_PARALLELISM)")
    .option("--force", "rerun the requested phases even when up to date");
}

/** `lakebench run 0.1` must not run with the defaults: no command takes positional arguments it did not declare. */
function refuseUnexpectedArguments(_program: Command, action: Command): void {
  const unexpected = action.args.slice(action.registeredArguments.length);
  if (unexpected.length === 0) return;
  const listed = unexpected.map((arg) => `'${arg}'`).join(", ");
  action.error(`error: unexpected argument ${listed}: '${action.name()}' takes options only (did you forget an option name? see --help)`, {
    exitCode: EXIT.usage,
    code: "lakebench.unexpectedArgument",
  });
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("lakebench")
    .description("Benchmark Apache Iceberg, Delta Lake and Apache Hudi on TPC-H with Spark; every answer checked against DuckDB.")
    .showHelpAfterError()
    // Usage errors throw instead of exiting, so main() returns 2 for them; subcommands
    // added below inherit both settings.
    .exitOverride()
    .hook("preAction", refuseUnexpectedArguments);
  const phaseCommands: [string, string, PhaseKind[]][] = [
    ["run", "all phases: bronze, silver, gold, report", ["bronze", "silver", "gold", "report"]],
    ["bronze", "generate the TPC-H data as Parquet (tpchgen-cli)", ["bronze"]],
    ["silver", "convert bronze into each table format (runs bronze if needed)", ["silver"]],
    ["gold", "run the TPC-H queries on each format (runs earlier phases if needed)", ["gold"]],
    ["report", "write the comparison report (runs earlier phases if needed)", ["report"]],
  ];
  for (const [name, description, targets] of phaseCommands) {
    withRunOptions(program.command(name).description(description)).action(async (flags: RunFlags) => setExitCode(await runPhases(name, targets, flags)));
  }
  addClusterCommands(program);
  program
    .command("status")
    .description("show each phase and the last run")
    .option("-w, --workspace <dir>", "workspace", process.cwd())
    .option("--json", "print the status as JSON")
    .action(async (flags: { workspace: string; json?: boolean }) => {
      const status = await readStatus(path.resolve(flags.workspace));
      if (flags.json) return console.log(JSON.stringify(status, null, 2));
      console.log(`State: ${status.stateFile} (${status.runs} runs)`);
      const width = phaseColumnWidth(Object.keys(status.phases));
      for (const [name, phase] of Object.entries(status.phases)) {
        console.log(`  ${name.padEnd(width)} ${phase.status.padEnd(10)} ${phase.finishedAt ?? phase.startedAt ?? ""}${phase.error ? `  ${phase.error.split("\n")[0]}` : ""}`);
      }
      if (status.lastRun) console.log(`Last run: ${status.lastRun.benchmarkId} ${status.lastRun.command} ${status.lastRun.status}${status.lastRun.reportDir ? `  report: ${status.lastRun.reportDir}/report.html` : ""}`);
    });
  program
    .command("reset")
    .description("set every phase back to pending (keeps data and run history); the old state is backed up")
    .option("-w, --workspace <dir>", "workspace", process.cwd())
    .addOption(new Option("--history", "also clear the run history"))
    .action(async (flags: { workspace: string; history?: boolean }) => {
      const result = await resetState(path.resolve(flags.workspace), { history: Boolean(flags.history) });
      if (result.corrupt) {
        console.log(`The state file was corrupt (${result.corrupt.reason}): its phases and run history were not carried over; a new empty state was written.`);
        console.log(`The corrupt file is kept at ${result.corrupt.backup}`);
        return;
      }
      const backup = result.backup ? ` Previous state: ${result.backup}` : "";
      console.log(`Reset ${result.phasesReset.length} phases${flags.history ? " and the run history" : ""}.${backup}`);
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  try {
    await buildProgram((code) => (exitCode = code)).parseAsync(argv);
  } catch (error) {
    // Commander has already printed its message (and the help after it).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const err = error as Error & { exitCode?: number };
    console.error(`lakebench: ${err.message}`);
    return err.exitCode ?? EXIT.failed;
  }
  return exitCode;
}
