/**
 * A workload, as data: an ordered list of steps done on every target, in the spirit of
 * LST-Bench's phases → sessions → tasks. Each step declares what it reads and what it
 * changes; the planner makes a step depend on the last earlier step that changed what it
 * reads, so its up-to-date check sees every change to its input.
 */
import { z } from "zod";

/**
 * What steps read and change: the bronze files, the TPC-H refresh sets generated beside them
 * (both made once for every target, before any step), or the target's tables.
 */
export const DATASETS = ["bronze", "refresh-sets", "tables"] as const;
/** Made before the steps, by phases of their own (pipeline/plan.ts). */
export const GENERATED_DATASETS: readonly Dataset[] = ["bronze", "refresh-sets"];
export type Dataset = (typeof DATASETS)[number];

const stepFields = {
  /** Part of the phase id (`<step>@<target>`): lowercase, digits and dashes. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "lowercase letters, digits and dashes, starting with a letter"),
  reads: z.array(z.enum(DATASETS)),
  changes: z.array(z.enum(DATASETS)),
};

/** Converts the bronze tables into the target's format (the silver layer). */
const loadStep = z.object({ ...stepFields, kind: z.literal("load") }).strict();

/** The configured TPC-H queries, warm-up and timed runs, every answer checked (the gold layer). */
const querySetStep = z.object({ ...stepFields, kind: z.literal("query-set") }).strict();

/**
 * TPC-H's power then throughput test (refresh functions RF1/RF2 between and beside the
 * queries). It changes only a per-run copy of the tables, so it declares no change: the
 * tables a later step reads are still the loaded ones.
 */
const refreshTestStep = z.object({ ...stepFields, kind: z.literal("refresh-test") }).strict();

/**
 * Rounds of change (refresh pairs and an upsert), the queries after each, time travel and the
 * format's maintenance. Like refresh-test it changes only a per-run copy, so it declares no change.
 */
const lifecycleStep = z.object({ ...stepFields, kind: z.literal("lifecycle") }).strict();

export const workloadStepSchema = z.discriminatedUnion("kind", [loadStep, querySetStep, refreshTestStep, lifecycleStep]);
export type WorkloadStep = z.infer<typeof workloadStepSchema>;
export type StepKind = WorkloadStep["kind"];

export const workloadSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string(),
    description: z.string(),
    steps: z.array(workloadStepSchema).min(1),
  })
  .strict()
  .superRefine((workload, ctx) => {
    const seen = new Set<string>();
    const changed = new Set<Dataset>(GENERATED_DATASETS);
    /** Datasets a read-only step relied on: a later change to them would make its skip decision wrong. */
    const readOnlyReads = new Map<Dataset, string>();
    workload.steps.forEach((step, index) => {
      const at = (field: string) => ["steps", index, field];
      if (seen.has(step.id)) ctx.addIssue({ code: "custom", path: at("id"), message: `step id ${step.id} is used twice` });
      seen.add(step.id);
      for (const dataset of step.reads) {
        if (!changed.has(dataset)) ctx.addIssue({ code: "custom", path: at("reads"), message: `step ${step.id} reads ${dataset}, which no earlier step writes` });
      }
      for (const dataset of step.changes) {
        const reader = readOnlyReads.get(dataset);
        if (reader) {
          ctx.addIssue({
            code: "custom",
            path: at("changes"),
            message: `step ${step.id} changes ${dataset}, which the earlier read-only step ${reader} read: its up-to-date check would not see the change`,
          });
        }
        changed.add(dataset);
      }
      if (!step.changes.length) for (const dataset of step.reads) readOnlyReads.set(dataset, step.id);
    });
  });
export type Workload = z.infer<typeof workloadSchema>;
