/**
 * Older state files brought to the current version. Each step is frozen: it maps the names
 * of its time to those of the next version and must not follow later renames.
 *
 * Version 1 -> 2: phases were keyed by framework (`silver_iceberg`, `gold_iceberg`), the
 * Hudi table type was a setting, a run's summary listed `frameworks`. Version 2 keys them by
 * target: `load@spark.<format>`, `queries@spark.<format>`; a Hudi MERGE_ON_READ load is the
 * `hudi-mor` format (for a phase: its load's options; for a run's summary: the run's
 * settings). Migrated phases keep their results, history and version-1 config hashes,
 * which the pipeline still recognises (pipeline/version1Hashes.ts): a phase whose settings
 * did not change stays up to date.
 */
import { z } from "zod";

export const STATE_VERSION = 2;

const V1_FRAMEWORKS = ["iceberg", "delta", "hudi", "parquet"] as const;
const V1_PHASE = /^(silver|gold)_(iceberg|delta|hudi|parquet)$/;

type Json = Record<string, unknown>;
const record = (value: unknown): Json => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {});

/** The top of a version-1 file: enough to migrate; the result is validated as version 2. */
const v1Schema = z.object({ version: z.literal(1), phases: z.record(z.unknown()), runs: z.array(z.unknown()) }).passthrough();

export const isVersion1 = (value: unknown): boolean => v1Schema.safeParse(value).success;

export function migrateV1(value: unknown): unknown {
  const v1 = v1Schema.parse(value);
  const hudiFormat = record(record(record(v1.phases.silver_hudi).result).options).table_type === "MERGE_ON_READ" ? "hudi-mor" : "hudi";
  const formatOf = (framework: string) => (framework === "hudi" ? hudiFormat : framework);
  const rename = (name: string, format = formatOf): string => {
    const match = V1_PHASE.exec(name);
    if (!match) return name;
    return `${match[1] === "silver" ? "load" : "queries"}@spark.${format(match[2])}`;
  };
  const phases = Object.fromEntries(Object.entries(v1.phases).map(([name, phase]) => [rename(name), migratePhase(name, record(phase))]));
  // A run's own settings say which Hudi table type its summary's figures were of.
  const runFormatOf = (run: Json) => (framework: string) =>
    framework !== "hudi" ? framework : record(run.config).HUDI_TABLE_TYPE === "MERGE_ON_READ" ? "hudi-mor" : "hudi";
  const runs = v1.runs.map((run) => {
    const r = record(run);
    const format = runFormatOf(r);
    const outcomes = Object.fromEntries(Object.entries(record(r.phases)).map(([name, outcome]) => [rename(name, format), outcome]));
    return { ...r, phases: outcomes, ...(r.summary === undefined ? {} : { summary: migrateSummary(record(r.summary), format) }) };
  });
  return { ...v1, version: 2, phases, runs };
}

/** A renamed phase remembers its version-1 key (its config hash is of that version); a load's result named the engine's version sparkVersion. */
function migratePhase(name: string, phase: Json): Json {
  if (!V1_PHASE.test(name)) return phase;
  const migrated = { ...phase, migratedFrom: { version: 1, phase: name } };
  if (!name.startsWith("silver_") || !phase.result) return migrated;
  const { sparkVersion, ...result } = record(phase.result);
  return { ...migrated, result: sparkVersion === undefined ? result : { ...result, engineVersion: sparkVersion } };
}

function migrateSummary(summary: Json, formatOf: (framework: string) => string): Json {
  const { frameworks, gold, ...rest } = summary;
  const formats = Array.isArray(frameworks) ? frameworks.filter((f): f is string => (V1_FRAMEWORKS as readonly string[]).includes(f)).map(formatOf) : [];
  const byTarget = Object.fromEntries(Object.entries(record(gold)).map(([framework, figures]) => [`spark.${formatOf(framework)}`, figures]));
  return { ...rest, formats, targets: formats.map((f) => `spark.${f}`), gold: byTarget };
}
