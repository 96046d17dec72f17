/**
 * The one place a run deletes files: a path is removed only when it resolves (symbolic links
 * followed, realpath) strictly inside a tree the run owns, DATA_DIR or <workspace>/.lakebench.
 */
import { promises as fs } from "node:fs";
import path from "node:path";

export class OwnedPathError extends Error {
  readonly exitCode = 2;
  constructor(readonly target: string, readonly resolved: string, readonly roots: readonly string[]) {
    super(
      `Refusing to remove ${target}: it resolves to ${resolved}, which is not inside ${roots.join(" or ")}, ` +
        "the only places a run deletes in. Remove the symbolic link that leads out (or move the data back), then run again.",
    );
    this.name = "OwnedPathError";
  }
}

/** Like `rm -f` (`-r` with recursive), but refuses anything outside the owned roots. */
export async function removeOwned(target: string, roots: readonly string[], options: { recursive?: boolean } = {}): Promise<void> {
  const resolved = await realpathIfPresent(target);
  if (resolved === undefined) return; // nothing there (a dangling link is left alone too)
  await assertInsideOwned(target, resolved, roots);
  await fs.rm(target, { recursive: options.recursive ?? false, force: true });
}

async function assertInsideOwned(target: string, resolved: string, roots: readonly string[]): Promise<void> {
  for (const root of roots) {
    const realRoot = await realpathIfPresent(root);
    if (realRoot !== undefined && isStrictlyInside(resolved, realRoot)) return;
  }
  throw new OwnedPathError(target, resolved, roots);
}

/** Inside and not the root itself: a run never removes DATA_DIR or .lakebench as a whole. */
export function isStrictlyInside(child: string, root: string): boolean {
  const relative = path.relative(root, child);
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

async function realpathIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.realpath(file);
  } catch (error) {
    // ENOTDIR: a parent is a file, so nothing is there either.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}
