/**
 * Load (silver): the target's engine converts every bronze table into the format. The
 * phase completes only when each table's row count equals the bronze manifest's. The
 * job first does an untimed warm-up write, so no table's seconds include the start-up.
 */
import type { BronzeManifest } from "../datagen/manifest";
import type { EngineSession } from "../engines";
import { readJobOutput } from "../engines/jobOutput";
import { loadOutputSchema, type LoadOutput, type TableLoad } from "../engines/outputs";
import type { PhaseContext } from "../phase/context";
import { PhaseFailedError } from "../phase/errors";
import type { DataLayout } from "../phase/layout";
import { removeOwned } from "../phase/ownedPaths";
import type { Target } from "../phase/targets";
import { readJson } from "../runners/jsonFile";
import type { LoadResult } from "./results";

export async function runLoadPhase(ctx: PhaseContext, engine: EngineSession, target: Target): Promise<LoadResult> {
  const { layout } = ctx;
  await engine.beforePhase(ctx);
  const manifest = await readJson<BronzeManifest>(layout.bronzeManifest);
  await removeLoadOutputs(layout, target);
  const output = layout.silverLoadResult(target.format);
  await engine.load(ctx, {
    format: target.format,
    output,
    onEvent: (event) => {
      if (event.event === "warmup_done") ctx.progress(`${ctx.phase}: warm-up write in ${Number(event.seconds).toFixed(2)} s (not counted)`);
      if (event.event === "table_done") ctx.progress(`${ctx.phase}: ${event.table} ${event.rows} rows in ${Number(event.seconds).toFixed(2)} s`);
    },
  });
  const load = await readJobOutput(ctx.phase, output, loadOutputSchema);
  const problems = Object.entries(manifest.tables)
    .filter(([table, bronze]) => load.tables[table]?.rows !== bronze.rows)
    .map(([table, bronze]) => `${table}: ${load.tables[table]?.rows ?? "missing"} rows, bronze has ${bronze.rows}`);
  const result = summarizeLoad(load);
  if (problems.length) throw new PhaseFailedError(ctx.phase, `row counts differ from bronze: ${problems.join("; ")}`, result);
  return result;
}

/** The format's tables and load result: a load rewrites them from scratch. */
export async function removeLoadOutputs(layout: DataLayout, target: Target): Promise<void> {
  await removeOwned(layout.silverTablesDir(target.format), layout.ownedRoots, { recursive: true });
  await removeOwned(layout.silverLoadResult(target.format), layout.ownedRoots);
}

export function summarizeLoad(load: LoadOutput): LoadResult {
  const tables = Object.values(load.tables);
  const sum = (pick: (t: TableLoad) => number) => tables.reduce((total, t) => total + pick(t), 0);
  return {
    engineVersion: load.engine_version,
    codec: load.codec,
    options: load.options,
    seconds: sum((t) => t.seconds),
    rows: sum((t) => t.rows),
    dataBytes: sum((t) => t.data_bytes),
    dataFiles: sum((t) => t.data_files),
    metadataBytes: sum((t) => t.metadata_bytes),
    // The engine's start-up, paid by the untimed warm-up write: not part of `seconds` (absent before it existed).
    ...(load.warmup_seconds === undefined ? {} : { warmupSeconds: load.warmup_seconds }),
    tables: load.tables,
  };
}
