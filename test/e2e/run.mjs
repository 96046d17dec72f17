// Runs one end-to-end test file (TypeScript) without tsx: bundles it with the repo's esbuild into a
// temp folder and runs it with the current node. Usage: node test/e2e/run.mjs test/e2e/smoke.e2e.ts
/* global process, console */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { build } from "esbuild";

const entry = process.argv[2];
if (!entry) {
  console.error("usage: node test/e2e/run.mjs <file.e2e.ts>");
  process.exit(2);
}
const outDir = mkdtempSync(join(tmpdir(), "lakebench-e2e-build-"));
const outfile = join(outDir, basename(entry).replace(/\.ts$/, ".mjs"));
try {
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", target: "node20", format: "esm", packages: "external", sourcemap: "inline", logLevel: "warning" });
  const run = spawnSync(process.execPath, ["--enable-source-maps", outfile, ...process.argv.slice(3)], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
