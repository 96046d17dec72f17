/**
 * Reads a summary.json of any version as the current report model. Version 2 is keyed by
 * target (`spark.iceberg`); version 1 (before targets) was keyed by framework and always
 * ran on Spark, so its framework f becomes the target `spark.<f>` and its workload is
 * tpch-read, the only one there was. Only the shape the renderers index by is checked here:
 * the figures inside are the phases' own, already checked when the report was built.
 */
import { z } from "zod";
import type { FormatId } from "../config/keys";
import type { TargetId } from "../phase/targets";
import type { ReportModel, ReportTarget } from "./model";
import { reportTargetOf } from "./targetLabels";

export const SUMMARY_VERSIONS = [1, 2] as const;

/** A summary.json that is not a report of a version this build reads; `key` is where it goes wrong. */
export class SummaryVersionError extends Error {
  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`not a Lakehouse Bench summary: ${key || "top level"} is ${shown(value)}; expected ${allowed}`);
    this.name = "SummaryVersionError";
  }
}

const shown = (value: unknown): string => (value === undefined ? "missing" : JSON.stringify(value)?.slice(0, 80) ?? String(value));

/** The v1 frameworks: each is the format variant of the same name (hudi's table type aside). */
const V1_FRAMEWORKS = ["iceberg", "delta", "hudi", "parquet"] as const;
type V1Framework = (typeof V1_FRAMEWORKS)[number];

const keyedRecord = z.record(z.object({}).passthrough());
const common = {
  benchmarkId: z.string(),
  load: keyedRecord,
  totals: keyedRecord,
};

const targetSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z-]+$/, "a target id such as spark.iceberg"),
  engine: z.string(),
  format: z.string(),
  label: z.string(),
  colour: z.string(),
});

const v2Schema = z
  .object({
    ...common,
    schemaVersion: z.literal(2),
    workload: z.string(),
    targets: z.array(targetSchema),
    queries: z.array(z.object({ name: z.string(), byTarget: keyedRecord }).passthrough()),
    /** The power and throughput test by target (workload tpch-qphh); absent in every other report. */
    qphh: keyedRecord.optional(),
  })
  .passthrough();

const v1Schema = z
  .object({
    ...common,
    schemaVersion: z.literal(1),
    frameworks: z.array(z.enum(V1_FRAMEWORKS)),
    queries: z.array(z.object({ name: z.string(), byFramework: keyedRecord }).passthrough()),
  })
  .passthrough();

const versionSchema = z.object({ schemaVersion: z.union([z.literal(1), z.literal(2)]) }).passthrough();

/** The report model of a summary.json's parsed JSON, upgraded from version 1; SummaryVersionError when it is neither. */
export function parseReportModel(value: unknown): ReportModel {
  const version = checked(versionSchema, value, "schemaVersion");
  if (version.schemaVersion === 2) return checked(v2Schema, value) as unknown as ReportModel;
  return upgradeV1(checked(v1Schema, value));
}

function checked<T extends z.ZodTypeAny>(schema: T, value: unknown, versionKey?: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue.path.join(".");
  const at = issue.path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string | number, unknown>)[k] : undefined), value);
  if (key === "" && (typeof value !== "object" || value === null)) throw new SummaryVersionError("", value, "a JSON object");
  if (versionKey && key === versionKey) throw new SummaryVersionError(key, at, `schemaVersion ${SUMMARY_VERSIONS.join(" or ")}`);
  throw new SummaryVersionError(key, at, issue.message);
}

type V1Summary = z.infer<typeof v1Schema>;
type Keyed<T> = Partial<Record<V1Framework, T>>;

function upgradeV1(v1: V1Summary): ReportModel {
  const { frameworks, queries, load, totals, measuredIn, settings, verdict, ...rest } = v1 as V1Summary & Record<string, unknown>;
  const idOf = (f: V1Framework): TargetId => `spark.${formatOf(f, v1)}`;
  const targets: ReportTarget[] = frameworks.map((f) => reportTargetOf(idOf(f)));
  const rekey = <T>(record: Keyed<T> | undefined): Partial<Record<TargetId, T>> =>
    Object.fromEntries(frameworks.flatMap((f) => (record?.[f] === undefined ? [] : [[idOf(f), record[f]]])));
  const oldSettings = settings as { common: unknown[]; byFramework?: Keyed<unknown> } | undefined;
  return {
    ...(rest as unknown as Omit<ReportModel, "schemaVersion">),
    schemaVersion: 2,
    workload: "tpch-read",
    targets,
    load: rekey(load as Keyed<never>),
    ...(measuredIn ? { measuredIn: rekey(measuredIn as Keyed<never>) } : {}),
    queries: queries.map(({ byFramework, ...row }) => ({ ...(row as Omit<ReportModel["queries"][number], "byTarget">), byTarget: rekey(byFramework as Keyed<never>) })),
    totals: rekey(totals as Keyed<never>),
    ...(oldSettings ? { settings: { common: oldSettings.common as never, byTarget: rekey(oldSettings.byFramework as Keyed<never>) } } : {}),
    ...(verdict ? { verdict: upgradeVerdict(verdict as V1Verdict, idOf) } : {}),
  };
}

/**
 * The format variant a v1 framework was: hudi ran as MERGE_ON_READ when HUDI_TABLE_TYPE said
 * so (the state migration maps such a silver phase to hudi-mor, so the report does too).
 */
function formatOf(framework: V1Framework, v1: V1Summary): FormatId {
  if (framework !== "hudi") return framework;
  const options = (v1.load.hudi as { options?: { table_type?: unknown } } | undefined)?.options;
  const tableType = options?.table_type ?? (v1.config as Record<string, unknown> | undefined)?.HUDI_TABLE_TYPE;
  return tableType === "MERGE_ON_READ" ? "hudi-mor" : "hudi";
}

interface V1Ranked {
  framework: V1Framework;
  [field: string]: unknown;
}
type V1Ranking = { formats: V1Ranked[]; excluded: V1Ranked[]; [field: string]: unknown };
type V1Verdict = { queries: V1Ranking; load: V1Ranking; storage: V1Ranking; [field: string]: unknown };

/** The same rankings with each entry's framework replaced by its target's id and label. */
function upgradeVerdict(verdict: V1Verdict, idOf: (f: V1Framework) => TargetId): NonNullable<ReportModel["verdict"]> {
  const entry = ({ framework, ...fields }: V1Ranked) => ({ ...fields, target: idOf(framework), label: reportTargetOf(idOf(framework)).label });
  const ranking = (r: V1Ranking) => ({ ...r, formats: r.formats.map(entry), excluded: r.excluded.map(entry) });
  return { ...verdict, queries: ranking(verdict.queries), load: ranking(verdict.load), storage: ranking(verdict.storage) } as unknown as NonNullable<ReportModel["verdict"]>;
}
