/**
 * Silver: one Spark application converts every bronze table into one format. The phase
 * completes only when each table's row count equals the bronze manifest's.
 */
import { promises as fs } from "node:fs";
import type { Framework } from "../config/keys";
import type { BronzeManifest } from "../datagen/manifest";
import { PhaseFailedError } from "../pipeline/errors";
import { runPhaseCommand, type PhaseContext } from "../pipeline/phaseContext";
import { readJson } from "../runners/jsonFile";
import { sparkSubmitCommand } from "../runners/sparkSubmit";
import { formatOptions, optionArgs } from "./formatOptions";

export interface TableLoad {
  seconds: number;
  rows: number;
  data_files: number;
  data_bytes: number;
  metadata_bytes: number;
}

export interface SilverLoadResult {
  framework: Framework;
  spark_version: string;
  codec: string;
  options: Record<string, string>;
  tables: Record<string, TableLoad>;
}

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
    if (event.event === "table_done") {
      ctx.progress(`silver_${framework}: ${event.table} ${event.rows} rows in ${Number(event.seconds).toFixed(2)} s`);
    }
  });
  const load = await readJson<SilverLoadResult>(output);
  const problems = Object.entries(manifest.tables)
    .filter(([table, bronze]) => load.tables[table]?.rows !== bronze.rows)
    .map(([table, bronze]) => `${table}: ${load.tables[table]?.rows ?? "missing"} rows, bronze has ${bronze.rows}`);
  const result = summarizeLoad(load);
  if (problems.length) throw new PhaseFailedError(`silver_${framework}`, `row counts differ from bronze: ${problems.join("; ")}`, result);
  return result;
}

export async function removeSilverOutputs(ctx: Pick<PhaseContext, "layout">, framework: Framework): Promise<void> {
  await fs.rm(ctx.layout.silverTablesDir(framework), { recursive: true, force: true });
  await fs.rm(ctx.layout.silverLoadResult(framework), { force: true });
}

function summarizeLoad(load: SilverLoadResult): Record<string, unknown> {
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
    tables: load.tables,
  };
}
