/**
 * A target is what a measurement is of: one engine running on one format variant
 * (`spark.iceberg-mor`). Phase ids, state entries, metrics files and the report are keyed
 * by target; a format's tables are written once and read by every engine that targets it.
 */
import type { FormatId } from "../config/keys";

/** The engines a target can run on; each has a folder under src/core/engines/. */
export const ENGINE_IDS = ["spark"] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** `${engine}.${format}`: engine and format ids contain no dot, so the id is unambiguous. */
export type TargetId = `${EngineId}.${FormatId}`;

export interface Target {
  id: TargetId;
  engine: EngineId;
  format: FormatId;
}

export const target = (engine: EngineId, format: FormatId): Target => ({ id: `${engine}.${format}`, engine, format });

/** The targets of a run: today every configured format on Spark. */
export const targetsOf = (config: { formats: readonly FormatId[] }): Target[] => config.formats.map((format) => target("spark", format));

/** `load@spark.iceberg`: a workload step done on one target; steps that are not per target keep their own id. */
export const phaseId = (step: string, on?: Target | TargetId): string => (on ? `${step}@${typeof on === "string" ? on : on.id}` : step);
