/** The versions and machine facts stored with every run, so a number can be traced to its stack. */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { SPARK_JOBS_DIR, type Toolchain } from "./toolchain";

/** The versions every run depends on whatever its engines: Node, the pinned Python packages, tpchgen-cli (the engines add theirs). */
export async function collectVersions(toolchain: Toolchain): Promise<Record<string, string>> {
  const versions: Record<string, string> = { node: process.version };
  for (const line of readFileSync(path.join(SPARK_JOBS_DIR, "requirements.txt"), "utf8").split("\n")) {
    const match = /^([\w-]+)==(\S+)/.exec(line.trim());
    if (match) versions[match[1]] = match[2];
  }
  versions["tpchgen-cli"] = await firstLine(toolchain.bin("tpchgen-cli"), ["--version"]);
  return versions;
}

export function machineFacts(): Record<string, unknown> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
  };
}

export async function javaVersion(): Promise<string> {
  const result = await execa("java", ["-version"], { reject: false });
  return /version "([^"]+)"/.exec(String(result.stderr))?.[1] ?? "not found";
}

async function firstLine(file: string, args: string[]): Promise<string> {
  const result = await execa(file, args, { reject: false });
  return String(result.stdout).split("\n")[0].trim() || "not found";
}
