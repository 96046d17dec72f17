/**
 * Safe access to the files under .lakebench/: symbolic links are refused rather than
 * followed (they could lead a write out of the workspace), and wrong file types or missing
 * permissions become a StatePathError with advice instead of a raw EISDIR/ENOTDIR/EACCES.
 */
import { constants, lstatSync, promises as fs, type Stats } from "node:fs";
import path from "node:path";
import { StatePathError } from "./errors";

/** The workspace must exist; .lakebench is created in it when missing (with create). */
export async function checkStateDir(workspace: string, dir: string, options: { create: boolean }): Promise<"present" | "missing"> {
  const workspaceStat = await lstatIfPresent(workspace);
  if (!workspaceStat) throw new StatePathError(workspace, "missing-workspace");
  const stat = await lstatIfPresent(dir);
  if (!stat) {
    if (!options.create) return "missing";
    try {
      await fs.mkdir(dir); // not recursive: the workspace is never created
      return "present";
    } catch (error) {
      throw pathError(error, dir);
    }
  }
  if (stat.isSymbolicLink()) throw new StatePathError(dir, "symlink");
  if (!stat.isDirectory()) throw new StatePathError(dir, "not-a-directory");
  return "present";
}

/** The file's bytes, or undefined when there is none. Never follows a link, never blocks on a FIFO. */
export async function readStateBytes(file: string): Promise<Buffer | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw pathError(error, file);
  }
  try {
    if (!(await handle.stat()).isFile()) throw new StatePathError(file, "not-a-file");
    return await handle.readFile();
  } catch (error) {
    throw pathError(error, file);
  } finally {
    await handle.close();
  }
}

/** Before writing over a path: it must be absent or a regular file, not a link to elsewhere. */
export async function assertWritableFile(file: string): Promise<void> {
  const stat = await lstatIfPresent(file);
  if (!stat) return;
  if (stat.isSymbolicLink()) throw new StatePathError(file, "symlink");
  if (!stat.isFile()) throw new StatePathError(file, "not-a-file");
}

export async function lstatIfPresent(file: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw pathError(error, file);
  }
}

/** A file system error about a state path, as a StatePathError when it is one we can explain. */
export function pathError(error: unknown, file: string): unknown {
  if (error instanceof StatePathError) return error;
  switch ((error as NodeJS.ErrnoException).code) {
    case "ELOOP":
      return new StatePathError(file, "symlink");
    case "ENOTDIR":
      return new StatePathError(firstNonDirectory(file), "not-a-directory");
    case "EISDIR":
      return new StatePathError(file, "not-a-file");
    case "EACCES":
    case "EPERM":
      return new StatePathError(file, "unreadable");
    default:
      return error;
  }
}

/** For ENOTDIR: the outermost part of the path that is there but is not a directory (e.g. .lakebench as a file). */
function firstNonDirectory(file: string): string {
  const parents: string[] = [];
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) parents.unshift(dir);
  // Synchronous: only on an error path, to name the culprit rather than the file asked for.
  return parents.find(isThereButNotDirectory) ?? file;
}

function isThereButNotDirectory(dir: string): boolean {
  try {
    return lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() === false;
  } catch {
    return false;
  }
}
