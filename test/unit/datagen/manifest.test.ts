import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readValidManifest, type BronzeManifest } from "../../../src/core/datagen/manifest";
import { tempDirs } from "../helpers/fixtures";

const temp = tempDirs();
afterEach(() => temp.cleanup());

/** A bronze directory with real Parquet-named files and a manifest describing them. */
function bronze(): { dir: string; manifestFile: string; manifest: BronzeManifest } {
  const dir = path.join(temp.make("lakebench-bronze-"), "sf0.01");
  const write = (table: string, file: string, size: number) => {
    mkdirSync(path.join(dir, table), { recursive: true });
    writeFileSync(path.join(dir, table, file), Buffer.alloc(size, 1));
  };
  write("lineitem", "lineitem.1.parquet", 300);
  write("lineitem", "lineitem.2.parquet", 200);
  write("nation", "nation.1.parquet", 50);
  writeFileSync(path.join(dir, "lineitem", "_SUCCESS"), "not counted");
  const manifest: BronzeManifest = {
    generator: "tpchgen-cli",
    generatorVersion: "2.0.1",
    scaleFactor: 0.01,
    parts: 1,
    compression: "snappy",
    seconds: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    tables: { lineitem: { rows: 60175, files: 2, bytes: 500 }, nation: { rows: 25, files: 1, bytes: 50 } },
  };
  const manifestFile = path.join(dir, "_metadata", "manifest.json");
  mkdirSync(path.dirname(manifestFile));
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { dir, manifestFile, manifest };
}

describe("readValidManifest", () => {
  it("returns the manifest when scale factor, generator version and every table's Parquet bytes match", async () => {
    const { manifestFile, manifest } = bronze();
    expect(await readValidManifest(manifestFile, 0.01, "2.0.1")).toEqual(manifest);
  });

  it("is undefined when there is no manifest (a partial generation)", async () => {
    const { manifestFile } = bronze();
    rmSync(manifestFile);
    expect(await readValidManifest(manifestFile, 0.01, "2.0.1")).toBeUndefined();
  });

  it("is undefined for another scale factor", async () => {
    expect(await readValidManifest(bronze().manifestFile, 1, "2.0.1")).toBeUndefined();
  });

  it("is undefined for another generator version", async () => {
    expect(await readValidManifest(bronze().manifestFile, 0.01, "2.0.2")).toBeUndefined();
  });

  it("is undefined when a table's files changed size", async () => {
    const { dir, manifestFile } = bronze();
    writeFileSync(path.join(dir, "nation", "nation.1.parquet"), Buffer.alloc(49));
    expect(await readValidManifest(manifestFile, 0.01, "2.0.1")).toBeUndefined();
  });

  it("is undefined when a table's file was deleted", async () => {
    const { dir, manifestFile } = bronze();
    rmSync(path.join(dir, "lineitem", "lineitem.2.parquet"));
    expect(await readValidManifest(manifestFile, 0.01, "2.0.1")).toBeUndefined();
  });

  it("is undefined when a table's directory is gone", async () => {
    const { dir, manifestFile } = bronze();
    rmSync(path.join(dir, "nation"), { recursive: true });
    expect(await readValidManifest(manifestFile, 0.01, "2.0.1")).toBeUndefined();
  });
});
