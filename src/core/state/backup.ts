/**
 * Backups of the state file beside it, named by a hash of their bytes: the same content is
 * copied once however often it is backed up, and an existing link is never written through.
 */
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { StatePathError } from "./errors";
import { pathError, readStateBytes } from "./stateFiles";

/** corrupt: kept when a writing command found it unreadable; bak: kept by reset; v1: a version-1 file before its migration. */
export type BackupKind = "corrupt" | "bak" | `v${number}`;

export function backupPath(file: string, bytes: Buffer, kind: BackupKind): string {
  return `${file}.${kind}-${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}`;
}

/** Writes the bytes to their backup path unless an identical backup is there; returns the path. */
export async function backUpOnce(file: string, bytes: Buffer, kind: BackupKind): Promise<string> {
  const copy = backupPath(file, bytes, kind);
  if (await writeNew(copy, bytes)) return copy;
  const existing = await readStateBytes(copy); // refuses a link or a directory
  if (existing?.equals(bytes)) return copy;
  // Same hash, other bytes: the backup was edited by hand. Keep it and write beside it.
  const beside = `${copy}-${Date.now()}`;
  if (await writeNew(beside, bytes)) return beside;
  throw new StatePathError(beside, "not-a-file");
}

/** False when something is already at the path. wx is O_CREAT|O_EXCL: a symbolic link counts too. */
async function writeNew(file: string, bytes: Buffer): Promise<boolean> {
  try {
    await fs.writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw pathError(error, file);
  }
}
