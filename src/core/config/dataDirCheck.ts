/**
 * DATA_DIR must be a writable directory of its own: recovery removes data under it, so the
 * filesystem root, a system directory, the home directory, the workspace or the cache
 * (or anything holding them) is refused.
 */
import { constants, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ConfigProblem } from "./errors";

/** Top-level directories of the system, refused as they are (a folder below them is fine). */
const SYSTEM_DIRS = ["/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt", "/proc", "/root", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/Users", "/Volumes", "/private", "/System", "/Library", "/Applications"];

export interface DataDirContext {
  workspace: string;
  cacheDir?: string;
}

export async function checkDataDir(key: string, value: string, dir: string, context: DataDirContext): Promise<ConfigProblem | undefined> {
  const unsafe = await unsafeReason(dir, context);
  if (unsafe) {
    return { key, value, allowed: `a directory of its own for the benchmark data, e.g. ./lakehouse-data (not the filesystem root, a system directory, the home directory, the workspace, the cache or a directory holding them): ${unsafe}` };
  }
  return checkWritable(key, value, dir);
}

async function unsafeReason(dir: string, context: DataDirContext): Promise<string | undefined> {
  const real = await realPathOf(dir);
  const shown = real === dir ? dir : `${dir} (${real})`;
  if (path.dirname(real) === real) return `${shown} is the filesystem root`;
  if (SYSTEM_DIRS.includes(real)) return `${shown} is a system directory`;
  const holds = async (name: string, other: string | undefined) => {
    if (!other) return undefined;
    const target = await realPathOf(other);
    return contains(real, target) ? `${shown} ${real === target ? "is" : "holds"} the ${name} (${target})` : undefined;
  };
  return (await holds("home directory", os.homedir())) ?? (await holds("workspace", context.workspace)) ?? (await holds("cache", context.cacheDir));
}

/** True when `inner` is `outer` or lies below it. */
const contains = (outer: string, inner: string): boolean => {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
};

/** The real path of the nearest existing ancestor, with the rest appended: a link to / is seen as /. */
async function realPathOf(dir: string): Promise<string> {
  const rest: string[] = [];
  let probe = path.resolve(dir);
  for (;;) {
    try {
      return path.join(await fs.realpath(probe), ...rest.reverse());
    } catch {
      if (path.dirname(probe) === probe) return path.resolve(dir);
      rest.push(path.basename(probe));
      probe = path.dirname(probe);
    }
  }
}

/** The directory, or its nearest existing ancestor, must be a writable directory. */
async function checkWritable(key: string, value: string, dir: string): Promise<ConfigProblem | undefined> {
  let probe = dir;
  for (;;) {
    try {
      const stat = await fs.stat(probe);
      if (!stat.isDirectory()) return { key, value, allowed: `a directory path, but ${probe} is a file` };
      await fs.access(probe, constants.W_OK);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && path.dirname(probe) !== probe) {
        probe = path.dirname(probe);
        continue;
      }
      return { key, value, allowed: `a writable directory (${probe}: ${code ?? String(error)})` };
    }
  }
}
