/**
 * One list of format variants everywhere: the TypeScript descriptors, the Python
 * descriptors, the jars, the VS Code setting and .env.example must name the same ones,
 * or a variant would be accepted in one place and unknown in another.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { FORMAT_IDS } from "../../../src/core/config/keys";
import { readJarList, SPARK_JOBS_DIR, Toolchain } from "../../../src/core/environment/toolchain";
import { FORMATS } from "../../../src/core/formats";

const REPO = path.resolve(__dirname, "../../..");
/** Where scripts/setup.sh put the venv (the unit suite runs after it). */
const CACHE_DIR = process.env.LAKEBENCH_CACHE_DIR ?? path.join(os.homedir(), ".cache", "lakebench");
const families = new Set(Object.values(FORMATS).map((f) => f.family));

describe("the format variants agree across the repository", () => {
  it("has one TypeScript descriptor per id, keyed by its own id, with distinct labels and colours", () => {
    expect(Object.keys(FORMATS)).toEqual([...FORMAT_IDS]);
    for (const [id, descriptor] of Object.entries(FORMATS)) expect(descriptor.id).toBe(id);
    expect(new Set(Object.values(FORMATS).map((f) => f.label)).size).toBe(FORMAT_IDS.length);
    expect(new Set(Object.values(FORMATS).map((f) => f.colour)).size).toBe(FORMAT_IDS.length);
  });

  it("has the same ids, in the same order, and the same families (spark-jobs/formats/<family>.py) in the Python descriptors", async () => {
    const python = new Toolchain(CACHE_DIR).bin("python");
    const script = "import json; from formats import FORMAT_IDS, VARIANTS; print(json.dumps({'ids': FORMAT_IDS, 'families': {i: VARIANTS[i].family.__module__.rsplit('.', 1)[-1] for i in FORMAT_IDS}}))";
    const { stdout } = await execa(python, ["-c", script], { cwd: SPARK_JOBS_DIR });
    const listed = JSON.parse(stdout) as { ids: string[]; families: Record<string, string> };
    expect(listed.ids).toEqual([...FORMAT_IDS]);
    expect(listed.families).toEqual(Object.fromEntries(Object.values(FORMATS).map((f) => [f.id, f.family])));
  });

  it("has jars for every family but plain Parquet, and no jar of a family nobody uses", () => {
    const jarFamilies = new Set(readJarList().map((jar) => jar.family));
    expect([...jarFamilies].sort()).toEqual([...families].filter((f) => f !== "parquet").sort());
  });

  it("offers exactly the ids in the VS Code setting, each with a description", () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as {
      contributes: { configuration: { properties: Record<string, { items?: { enum?: string[]; enumDescriptions?: string[] } }> } };
    };
    const items = manifest.contributes.configuration.properties["lakehouseBench.frameworks"].items!;
    expect(items.enum).toEqual([...FORMAT_IDS]);
    expect(items.enumDescriptions).toHaveLength(FORMAT_IDS.length);
  });

  it("documents every id in .env.example's FRAMEWORKS comment, and no other", () => {
    const text = readFileSync(path.join(REPO, ".env.example"), "utf8");
    const block = text.slice(text.indexOf("# Formats to compare"), text.indexOf("\nFRAMEWORKS="));
    const documented = [...block.matchAll(/^#\s{3}([a-z-]+)\s{2,}/gm)].map((m) => m[1]);
    expect(documented).toEqual([...FORMAT_IDS]);
  });
});
