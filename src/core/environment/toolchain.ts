/**
 * Where the installed tools live: the Python venv (pyspark, tpchgen-cli, duckdb) and the
 * format jars, both in the cache directory that scripts/setup.sh fills.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The repository root: spark-jobs/ sits beside dist/ and src/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);
export const SPARK_JOBS_DIR = path.join(PROJECT_ROOT, "spark-jobs");

export class ToolchainMissingError extends Error {
  constructor(what: string) {
    super(`${what} is not installed. Run ./scripts/setup.sh (it installs the Python venv and the format jars).`);
    this.name = "ToolchainMissingError";
  }
}

export interface JarArtifact {
  /** The format family whose jobs need the jar (jars.txt's first column). */
  family: string;
  coordinates: string;
  sha1: string;
  fileName: string;
}

export class Toolchain {
  constructor(readonly cacheDir: string) {}

  get venvDir(): string {
    return path.join(this.cacheDir, "venv");
  }

  bin(name: string): string {
    return path.join(this.venvDir, "bin", name);
  }

  get sparkHome(): string {
    const lib = path.join(this.venvDir, "lib");
    const python = existsSync(lib) ? readdirSync(lib).find((d) => d.startsWith("python3")) : undefined;
    return path.join(lib, python ?? "python3", "site-packages", "pyspark");
  }

  jarPaths(family: string): string[] {
    return readJarList()
      .filter((jar) => jar.family === family)
      .map((jar) => path.join(this.cacheDir, "jars", jar.fileName));
  }

  /** Fails early with the fix when setup has not run. */
  assertInstalled(families: readonly string[]): void {
    for (const tool of ["python", "spark-submit", "tpchgen-cli"]) {
      if (!existsSync(this.bin(tool))) throw new ToolchainMissingError(`${tool} (in ${this.venvDir})`);
    }
    for (const jar of families.flatMap((f) => this.jarPaths(f))) {
      if (!existsSync(jar)) throw new ToolchainMissingError(`The jar ${jar}`);
    }
  }
}

export function readJarList(): JarArtifact[] {
  return readFileSync(path.join(SPARK_JOBS_DIR, "jars.txt"), "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .map((line) => {
      const [family, coordinates, sha1] = line.trim().split(/\s+/);
      const [, artifact, version] = coordinates.split(":");
      return { family, coordinates, sha1, fileName: `${artifact}-${version}.jar` };
    });
}

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "spark-jobs", "jars.txt"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`spark-jobs/ not found above ${start}`);
  }
}
