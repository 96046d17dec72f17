import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isStrictlyInside, OwnedPathError, removeOwned } from "../../../src/core/phase/ownedPaths";
import { rejection } from "../helpers/async";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

function touch(file: string, content = "x"): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A workspace with DATA_DIR and .lakebench, and a precious directory outside both. */
function world() {
  const base = temp.make("lakebench-owned-");
  const dataDir = path.join(base, "data");
  const stateDir = path.join(base, "ws", ".lakebench");
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  const precious = touch(path.join(base, "precious", "keep.txt"), "keep me");
  return { dataDir, stateDir, roots: [dataDir, stateDir], precious, preciousDir: path.dirname(precious) };
}

describe("removeOwned", () => {
  it("removes a file and a directory tree inside DATA_DIR or .lakebench", async () => {
    const { dataDir, stateDir, roots } = world();
    const tree = path.join(dataDir, "gold", "reports", "lb-20260101-000000-abcd");
    touch(path.join(tree, "report.md"));
    const log = touch(path.join(stateDir, "logs", "x.log"));
    await removeOwned(tree, roots, { recursive: true });
    await removeOwned(log, roots);
    expect(existsSync(tree)).toBe(false);
    expect(existsSync(log)).toBe(false);
    expect(existsSync(dataDir)).toBe(true);
  });

  it("does nothing for a path that is not there", async () => {
    const { dataDir, roots } = world();
    await removeOwned(path.join(dataDir, "missing", "deeper"), roots, { recursive: true });
    expect(existsSync(dataDir)).toBe(true);
  });

  it("refuses a path outside every root, naming it, and leaves it", async () => {
    const { dataDir, roots, preciousDir, precious } = world();
    const error = await rejection(removeOwned(path.join(dataDir, "..", "precious"), roots, { recursive: true }));
    expect(error).toBeInstanceOf(OwnedPathError);
    expect((error as OwnedPathError).exitCode).toBe(2);
    expect((error as Error).message).toContain(preciousDir);
    expect(readFileSync(precious, "utf8")).toBe("keep me");
  });

  it("refuses a path under DATA_DIR that leads outside through a symbolic link (realpath), and leaves the target", async () => {
    const { dataDir, roots, preciousDir, precious } = world();
    mkdirSync(path.join(dataDir, "gold"), { recursive: true });
    symlinkSync(preciousDir, path.join(dataDir, "gold", "reports"));
    const target = path.join(dataDir, "gold", "reports");
    expect(await rejection(removeOwned(target, roots, { recursive: true }))).toBeInstanceOf(OwnedPathError);
    // Through a linked parent directory too.
    expect(await rejection(removeOwned(path.join(target, "keep.txt"), roots))).toBeInstanceOf(OwnedPathError);
    expect(readFileSync(precious, "utf8")).toBe("keep me");
  });

  it("refuses a root itself", async () => {
    const { dataDir, stateDir, roots } = world();
    expect(await rejection(removeOwned(dataDir, roots, { recursive: true }))).toBeInstanceOf(OwnedPathError);
    expect(await rejection(removeOwned(stateDir, roots, { recursive: true }))).toBeInstanceOf(OwnedPathError);
    expect(existsSync(dataDir) && existsSync(stateDir)).toBe(true);
  });

  it("accepts a DATA_DIR that is itself a link, since the paths under it resolve inside its target", async () => {
    const { dataDir, stateDir } = world();
    const linkedData = path.join(path.dirname(dataDir), "data-link");
    symlinkSync(dataDir, linkedData);
    const file = touch(path.join(dataDir, "silver", "x.json"));
    await removeOwned(path.join(linkedData, "silver", "x.json"), [linkedData, stateDir]);
    expect(existsSync(file)).toBe(false);
  });
});

describe("isStrictlyInside", () => {
  it("is true below the root only", () => {
    expect(isStrictlyInside("/d/a", "/d")).toBe(true);
    expect(isStrictlyInside("/d/..a", "/d")).toBe(true);
    expect(isStrictlyInside("/d", "/d")).toBe(false);
    expect(isStrictlyInside("/e/a", "/d")).toBe(false);
    expect(isStrictlyInside("/d2/a", "/d")).toBe(false);
  });
});
