import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshManifestSchema, refreshSetFiles, type RefreshManifest } from "../../../src/core/datagen/refreshManifest";
import { Toolchain } from "../../../src/core/environment/toolchain";
import type { PhaseContext } from "../../../src/core/phase/context";
import { PhaseFailedError } from "../../../src/core/phase/errors";
import { DataLayout } from "../../../src/core/phase/layout";
import { runRefreshDataPhase } from "../../../src/core/phases/refreshDataPhase";
import { benchConfig, tempDirs } from "../helpers/fixtures";

// The real venv (scripts/setup.sh): the manifest checked here is one the job actually wrote.
const toolchain = new Toolchain(process.env.LAKEBENCH_CACHE_DIR ?? path.join(os.homedir(), ".cache", "lakebench"));
const temp = tempDirs();
let config: ReturnType<typeof benchConfig>;
let layout: DataLayout;

function context(progress: string[] = [], forced = false): PhaseContext {
  return {
    config,
    layout,
    toolchain,
    phase: "refresh-data",
    forced,
    logFile: path.join(temp.make(), "refresh-data.log"),
    signal: new AbortController().signal,
    progress: (message: string) => progress.push(message),
    onChild: async () => {},
    containers: () => {
      throw new Error("no container engine in this test");
    },
  } as unknown as PhaseContext;
}

const readManifest = (): unknown => JSON.parse(readFileSync(layout.refreshManifest, "utf8"));

beforeAll(() => {
  config = benchConfig({ dataDir: temp.make("lakebench-refresh-"), scaleFactor: 0.01 });
  layout = new DataLayout(config, temp.make());
  // The tables the refresh job reads, as the bronze phase writes them (a directory per table).
  execFileSync(toolchain.bin("tpchgen-cli"), [
    "parquet", "--scale-factor", "0.01", "--tables", "orders,lineitem,customer,part,supplier",
    "--output-dir", layout.bronzeDir, "--parts", "1", "--compression", "SNAPPY", "--no-progress",
  ]);
}, 120_000);
afterAll(() => temp.cleanup());

describe("runRefreshDataPhase", () => {
  it("generates the sets with the refresh job and returns the manifest's figures", async () => {
    const progress: string[] = [];
    const result = await runRefreshDataPhase(context(progress), 2);
    const manifest = refreshManifestSchema.parse(readManifest());
    expect(result).toMatchObject({ manifest: layout.refreshManifest, sets: 2, reused: false });
    expect(result.rows).toBe(manifest.sets.reduce((sum, s) => sum + s.orders + s.lineitem, 0));
    expect(manifest.sets.map((s) => [s.set, s.orders, s.deletes])).toEqual([[1, 15, 15], [2, 15, 15]]);
    for (const set of [1, 2]) {
      for (const file of Object.values(refreshSetFiles(layout.refreshDir, set))) expect(existsSync(file)).toBe(true);
    }
    expect(progress).toContain(`refresh-data: set 2 written (15 orders, ${manifest.sets[1].lineitem} lineitems, 15 deletes)`);
  }, 60_000);

  it("reuses sets that cover the request without rewriting them", async () => {
    const before = statSync(layout.refreshManifest).mtimeMs;
    const progress: string[] = [];
    const result = await runRefreshDataPhase(context(progress), 1);
    expect(result).toMatchObject({ sets: 1, reused: true });
    expect(statSync(layout.refreshManifest).mtimeMs).toBe(before);
    expect(progress).toContain("refresh-data: 1 refresh set(s) already generated; nothing to do");
  }, 60_000);

  it("regenerates when forced", async () => {
    const before = (readManifest() as RefreshManifest).createdAt;
    const result = await runRefreshDataPhase(context([], true), 1);
    expect(result.reused).toBe(false);
    expect((readManifest() as RefreshManifest).createdAt).not.toBe(before);
  }, 60_000);

  it("refuses a set count outside dbgen's key rule, naming the value and what is allowed", async () => {
    await expect(runRefreshDataPhase(context(), 0)).rejects.toThrow(PhaseFailedError);
    await expect(runRefreshDataPhase(context(), 1000)).rejects.toThrow("sets=1000 is not allowed: an integer in 1..999");
  });
});

describe("refreshManifestSchema", () => {
  const real = (): RefreshManifest => refreshManifestSchema.parse(readManifest());
  const issuePath = (value: unknown): string => {
    const parsed = refreshManifestSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    return parsed.success ? "" : parsed.error.issues[0].path.join(".");
  };

  it("accepts the manifest the job wrote", () => {
    expect(refreshManifestSchema.safeParse(readManifest()).success).toBe(true);
    expect(real().specVersion).toBe("TPC-H 3.0.1");
  });

  it("rejects sets that are not numbered 1..N in order", () => {
    const manifest = real();
    manifest.sets[0].set = 2;
    expect(issuePath(manifest)).toBe("sets");
  });

  it("rejects a set with more than 7 lineitems per order", () => {
    const manifest = real();
    manifest.sets[0].lineitem = manifest.sets[0].orders * 7 + 1;
    expect(issuePath(manifest)).toBe("sets.0.lineitem");
  });

  it("rejects a key range whose min exceeds its max, and a missing seed", () => {
    const manifest = real();
    manifest.sets[0].insertKeys = { min: 10, max: 9 };
    expect(issuePath(manifest)).toBe("sets.0.insertKeys");
    const withoutSeed: Partial<RefreshManifest> = real();
    delete withoutSeed.seed;
    expect(issuePath(withoutSeed)).toBe("seed");
  });
});
