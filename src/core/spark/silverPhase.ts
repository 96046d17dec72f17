/**
 * Silver: one Spark application converts every bronze table into one format. The phase
 * completes only when each table's row count equals the bronze manifest's. The job first
 * does an untimed warm-up write, so no table's seconds include Spark's start-up.
 */
import { z } from "zod";
import type { Framework } from "../config/keys";
import type { BronzeManifest } from "../datagen/manifest";
import { PhaseFailedError } from "../pipeline/errors";
import { removeOwned } from "../pipeline/ownedPaths";
import { runPhaseCommand, type PhaseContext } from "../pipeline/phaseContext";
import { readJson } from "../runners/jsonFile";
import { sparkSubmitCommand } from "../runners/sparkSubmit";
import { formatOptions, optionArgs } from "./formatOptions";
import { readJobOutput } from "./jobOutput";

const count = z.number().int().nonnegative();

const tableLoadSchema = z.object({
  /** This table's read-bronze-and-write time alone. */
  seconds: z.number().nonnegative(),
  rows: count,
  data_files: count,
  data_bytes: count,
  metadata_bytes: count,
});
export type TableLoad = z.infer<typeof tableLoadSchema>;

/** load.json as the silver job writes it; warmup_seconds is absent in files of older runs. */
export const silverLoadResultSchema = z.object({
  framework: z.string(),
  spark_version: z.string(),
  codec: z.string(),
  options: z.record(z.string()),
  warmup_seconds: z.number().nonnegative().optional(),
  tables: z.record(tableLoadSchema),
});
export type SilverLoadResult = z.infer<typeof silverLoadResultSchema>;

export async function runSilverPhase(ctx: PhaseContext, framework: Framework): Promise<Record<string, unknown>> {
  const { layout, config } = ctx;
  const manifest = await readJson<BronzeManifest>(layout.bronzeManifest);
  await removeSilverOutputs(ctx, framework);
  const output = layout.silverLoadResult(framework);
  const command = sparkSubmitCommand(
    {
      script: "silver/convert.py",
      framework,
      appName: `lakebench-silver-${framework}`,
      args: [
        "--framework", framework,
        "--bronze-dir", layout.bronzeDir,
        "--silver-root", layout.silverRoot(framework),
        "--namespace", layout.namespace,
        "--codec", config.parquetCodec,
        "--output", output,
        ...optionArgs(formatOptions(framework, config)),
      ],
    },
    config,
    ctx.runtime,
  );
  await runPhaseCommand(ctx, command, (event) => {
    if (event.event === "warmup_done") {
      ctx.progress(`silver_${framework}: warm-up write in ${Number(event.seconds).toFixed(2)} s (not counted)`);
    }
    if (event.event === "table_done") {
      ctx.progress(`silver_${framework}: ${event.table} ${event.rows} rows in ${Number(event.seconds).toFixed(2)} s`);
    }
  });
  const load = await readJobOutput(`silver_${framework}`, output, silverLoadResultSchema);
  const problems = Object.entries(manifest.tables)
    .filter(([table, bronze]) => load.tables[table]?.rows !== bronze.rows)
    .map(([table, bronze]) => `${table}: ${load.tables[table]?.rows ?? "missing"} rows, bronze has ${bronze.rows}`);
  const result = summarizeLoad(load);
  if (problems.length) throw new PhaseFailedError(`silver_${framework}`, `row counts differ from bronze: ${problems.join("; ")}`, result);
  return result;
}

export async function removeSilverOutputs(ctx: Pick<PhaseContext, "layout">, framework: Framework): Promise<void> {
  await removeOwned(ctx.layout.silverTablesDir(framework), ctx.layout.ownedRoots, { recursive: true });
  await removeOwned(ctx.layout.silverLoadResult(framework), ctx.layout.ownedRoots);
}

export function summarizeLoad(load: SilverLoadResult): Record<string, unknown> {
  const tables = Object.values(load.tables);
  const sum = (pick: (t: TableLoad) => number) => tables.reduce((total, t) => total + pick(t), 0);
  return {
    sparkVersion: load.spark_version,
    codec: load.codec,
    options: load.options,
    seconds: sum((t) => t.seconds),
    rows: sum((t) => t.rows),
    dataBytes: sum((t) => t.data_bytes),
    dataFiles: sum((t) => t.data_files),
    metadataBytes: sum((t) => t.metadata_bytes),
    // Spark's start-up, paid by the untimed warm-up write: not part of `seconds` (absent before it existed).
    ...(load.warmup_seconds === undefined ? {} : { warmupSeconds: load.warmup_seconds }),
    tables: load.tables,
  };
}
