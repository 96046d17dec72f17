/** Runs the built CLI (dist/cli.js) as a real child process, as a user would. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa, type ResultPromise } from "execa";

export const REPO = path.resolve(__dirname, "../../..");
export const CLI = path.join(REPO, "dist", "cli.js");

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Environment without any configuration key leaking in from the developer's shell. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(TPCH_|FRAMEWORKS$|QUERIES$|QUERY_|DATA_DIR$|SPARK_|PARQUET_|ICEBERG_|DELTA_|HUDI_|WORKLOAD$|THROUGHPUT_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

export function startCli(args: string[], workspace: string): ResultPromise<{ reject: false; all: true }> {
  return execa("node", [CLI, ...args, "--workspace", workspace], { reject: false, all: true, env: cleanEnv(), extendEnv: false });
}

export async function runCli(args: string[], workspace: string): Promise<CliResult> {
  const result = await startCli(args, workspace);
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

export async function makeWorkspace(dotenv: Record<string, string>): Promise<string> {
  const workspace = await fs.mkdtemp(path.join(os.tmpdir(), "lakebench-it-"));
  await writeDotEnv(workspace, dotenv);
  return workspace;
}

export async function writeDotEnv(workspace: string, values: Record<string, string>): Promise<void> {
  await fs.writeFile(path.join(workspace, ".env"), Object.entries(values).map(([k, v]) => `${k}=${v}`).join("\n") + "\n");
}

/** Polls until the predicate holds (state file changes come from another process). */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
