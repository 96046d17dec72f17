/** The bronze generation manifest: written last, so its presence means the data is complete. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { readJsonIfExists } from "../runners/jsonFile";

export interface TableFiles {
  rows: number;
  files: number;
  bytes: number;
}

export interface BronzeManifest {
  generator: "tpchgen-cli";
  generatorVersion: string;
  scaleFactor: number;
  parts: number;
  compression: string;
  seconds: number;
  createdAt: string;
  tables: Record<string, TableFiles>;
}

/** The manifest if it matches the request and every table still has its files and bytes. */
export async function readValidManifest(
  manifestFile: string,
  scaleFactor: number,
  generatorVersion: string,
): Promise<BronzeManifest | undefined> {
  const manifest = await readJsonIfExists<BronzeManifest>(manifestFile);
  if (!manifest || manifest.scaleFactor !== scaleFactor || manifest.generatorVersion !== generatorVersion) return undefined;
  const bronzeDir = path.dirname(path.dirname(manifestFile));
  for (const [table, expected] of Object.entries(manifest.tables)) {
    if ((await tableBytes(path.join(bronzeDir, table))) !== expected.bytes) return undefined;
  }
  return manifest;
}

async function tableBytes(dir: string): Promise<number | undefined> {
  try {
    const names = (await fs.readdir(dir)).filter((n) => n.endsWith(".parquet"));
    const sizes = await Promise.all(names.map(async (n) => (await fs.stat(path.join(dir, n))).size));
    return sizes.reduce((a, b) => a + b, 0);
  } catch {
    return undefined;
  }
}
