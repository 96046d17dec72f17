/**
 * The import rules of .dependency-cruiser.cjs (run in CI by scripts/test.sh): each rule fires
 * on a deliberate bad import in a small tree written to a temp dir, a tree of allowed imports
 * passes, and the real src/ and webview/ pass.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseOptions, type ICruiseResult, type IConfiguration } from "dependency-cruiser";
import { afterEach, describe, expect, it } from "vitest";
import { tempDirs } from "../helpers/fixtures";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const repoConfig = createRequire(import.meta.url)(path.join(repoRoot, ".dependency-cruiser.cjs")) as IConfiguration;
// Parsing with the TypeScript compiler is slow on a loaded 2-core machine; this only catches a hang.
const CRUISE_TIMEOUT_MS = 120_000;

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/** Cruises src/ and webview/ under baseDir with the repo's rules; one line per violation. */
async function violationsIn(baseDir: string, tsConfigFile: string): Promise<string[]> {
  const { options, ...ruleSet } = repoConfig;
  const cruiseOptions: ICruiseOptions = {
    ...options,
    baseDir,
    tsConfig: { fileName: tsConfigFile },
    ruleSet,
    validate: true,
    outputType: "json",
  };
  const { output } = await cruise(["src", "webview"], cruiseOptions);
  const result = (typeof output === "string" ? JSON.parse(output) : output) as ICruiseResult;
  return result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`);
}

/** Writes files (path -> content) under a fresh temp dir, with a tsconfig like the repo's. */
function writeTree(files: Record<string, string>): { baseDir: string; tsConfigFile: string } {
  const baseDir = dirs.make("lakebench-layers-");
  const tree: Record<string, string> = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "ESNext", moduleResolution: "Bundler", strict: true } }),
    ...files,
  };
  for (const [file, content] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(baseDir, file)), { recursive: true });
    writeFileSync(path.join(baseDir, file), content);
  }
  return { baseDir, tsConfigFile: path.join(baseDir, "tsconfig.json") };
}

/** Enough of each layer for the bad imports below to have a target. */
const layeredCore: Record<string, string> = {
  "src/core/config/keys.ts": `export type Format = "iceberg" | "delta";\n`,
  "src/core/phase/errors.ts": `import type { Format } from "../config/keys";\nexport class PhaseError extends Error { format?: Format; }\n`,
  "src/core/formats/iceberg.ts": `import type { Format } from "../config/keys";\nexport const iceberg: Format = "iceberg";\n`,
  "src/core/engines/spark/runtime.ts": `import { iceberg } from "../../formats/iceberg";\nimport { PhaseError } from "../../phase/errors";\nexport const runtime = { iceberg, PhaseError };\n`,
  "src/core/report/model.ts": `import type { Format } from "../config/keys";\nexport interface ReportModel { formats: Format[] }\n`,
  "src/core/phases/loadPhase.ts": `import { runtime } from "../engines/spark/runtime";\nexport const loadPhase = () => runtime;\n`,
  "src/core/pipeline/runPipeline.ts": `import { loadPhase } from "../phases/loadPhase";\nexport const runPipeline = () => loadPhase();\n`,
  "src/core/index.ts": `export { runPipeline } from "./pipeline/runPipeline";\nexport type { ReportModel } from "./report/model";\n`,
  "src/core/view.ts": `export type { ReportModel } from "./report/model";\n`,
  "src/cli/main.ts": `import { runPipeline } from "../core/index";\nrunPipeline();\n`,
  "webview/main.ts": `import type { ReportModel } from "../src/core/view";\nexport const empty: ReportModel = { formats: [] };\n`,
};

describe("the import rules in .dependency-cruiser.cjs", () => {
  it("pass a tree whose imports all go to the same or a lower layer, and whose users import core through its entries", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree(layeredCore);
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toEqual([]);
  });

  it("report a phase module importing the pipeline above it", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "src/core/phase/errors.ts": `import { runPipeline } from "../pipeline/runPipeline";\nexport class PhaseError extends Error { run = runPipeline; }\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toContain(
      "layer-1-phase-imports-upward: src/core/phase/errors.ts -> src/core/pipeline/runPipeline.ts",
    );
  });

  it("report a type-only import that runs back up, from the foundation to the report model", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "src/core/config/keys.ts": `import type { ReportModel } from "../report/model";\nexport type Format = "iceberg" | "delta";\nexport type Formats = ReportModel["formats"];\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toContain(
      "layer-0-foundation-imports-upward: src/core/config/keys.ts -> src/core/report/model.ts",
    );
  });

  it("report a module in a src/core folder that is in no layer", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "src/core/spark/legacy.ts": `import type { Format } from "../config/keys";\nexport const legacy: Format = "delta";\n`,
      "src/core/phases/loadPhase.ts": `import { legacy } from "../spark/legacy";\nexport const loadPhase = () => legacy;\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toEqual(
      expect.arrayContaining([
        "core-module-outside-layers: src/core/spark/legacy.ts -> src/core/config/keys.ts",
        "core-imports-module-outside-layers: src/core/phases/loadPhase.ts -> src/core/spark/legacy.ts",
      ]),
    );
  });

  it("report a cycle inside one layer", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "src/core/state/store.ts": `import { lockOwner } from "./lockOwner";\nexport const store = () => lockOwner;\n`,
      "src/core/state/lockOwner.ts": `import type { store } from "./store";\nexport const lockOwner = (s?: typeof store) => s;\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^core-circular: src\/core\/state\/(store|lockOwner)\.ts -> /)]),
    );
  });

  it("report the CLI importing a core module other than src/core/index.ts", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "src/cli/main.ts": `import { runPipeline } from "../core/pipeline/runPipeline";\nrunPipeline();\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toContain(
      "cli-or-extension-imports-core-internals: src/cli/main.ts -> src/core/pipeline/runPipeline.ts",
    );
  });

  it("report the webview importing src/core/index.ts, which reaches Node-only code, instead of src/core/view.ts", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "webview/main.ts": `import type { ReportModel } from "../src/core/index";\nexport const empty: ReportModel = { formats: [] };\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toContain(
      "webview-imports-core-beyond-view-entry: webview/main.ts -> src/core/index.ts",
    );
  });

  it("report src/core importing vscode, resolved to its types package as in the repo", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "node_modules/@types/vscode/package.json": JSON.stringify({ name: "@types/vscode", version: "1.90.0", types: "index.d.ts" }),
      "node_modules/@types/vscode/index.d.ts": `declare module "vscode" { export const version: string; }\n`,
      "src/core/phase/errors.ts": `import { version } from "vscode";\nexport class PhaseError extends Error { version = version; }\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toContain(
      "core-imports-vscode: src/core/phase/errors.ts -> node_modules/@types/vscode/index.d.ts",
    );
  });

  it("report an import that cannot be resolved, which every other rule would miss", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    const tree = writeTree({
      ...layeredCore,
      "src/core/phases/loadPhase.ts": `import { runtime } from "../spark/sparkRuntime";\nexport const loadPhase = () => runtime;\n`,
    });
    expect(await violationsIn(tree.baseDir, tree.tsConfigFile)).toContain("import-not-resolved: src/core/phases/loadPhase.ts -> ../spark/sparkRuntime");
  });

  it("pass on the repo's own src/ and webview/", { timeout: CRUISE_TIMEOUT_MS }, async () => {
    expect(await violationsIn(repoRoot, path.join(repoRoot, "tsconfig.json"))).toEqual([]);
  });
});
