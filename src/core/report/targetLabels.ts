/**
 * How the report names and draws a target. A report model carries its targets' labels and
 * colours (model.targets), so a renderer reads them there; the descriptors are the source
 * only where no model exists yet (a query's spread while the model is gathered, a version 1
 * summary being upgraded).
 */
import type { FormatId } from "../config/keys";
import { FORMATS } from "../formats";
import type { EngineId, TargetId } from "../phase/targets";
import type { ReportModel, ReportTarget } from "./model";

/** `spark.iceberg-mor` -> spark, iceberg-mor (engine and format ids contain no dot). */
export function splitTargetId(id: TargetId): { engine: EngineId; format: FormatId } {
  const dot = id.indexOf(".");
  return { engine: id.slice(0, dot) as EngineId, format: id.slice(dot + 1) as FormatId };
}

/** A target as the report model lists it, named and coloured by its format's descriptor. */
export function reportTargetOf(id: TargetId): ReportTarget {
  const { engine, format } = splitTargetId(id);
  const descriptor = FORMATS[format];
  return { id, engine, format, label: descriptor?.label ?? id, colour: descriptor?.colour ?? "#7F7F7F" };
}

/** The descriptor's label of a target ("Iceberg MOR"); the id itself for a format it does not know. */
export const targetLabel = (id: TargetId): string => reportTargetOf(id).label;

/** The ids of a report's targets, in its order. */
export const targetIds = (model: Pick<ReportModel, "targets">): TargetId[] => model.targets.map((t) => t.id);

/** What a report calls one of its targets; the id when the report does not list it. */
export const labelIn = (model: Pick<ReportModel, "targets">, id: TargetId): string => model.targets.find((t) => t.id === id)?.label ?? id;
