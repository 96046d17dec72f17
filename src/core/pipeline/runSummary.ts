/** The few figures a run record keeps (the Runs view shows them without opening files). */
import { z } from "zod";
import type { BenchConfig } from "../config/benchConfig";
import type { PhaseDefinition } from "../phases/definition";
import { queriesResultSchema, resultOf } from "../phases/results";
import type { StateFile } from "../state/schema";

const targetFiguresSchema = z.object({ passed: z.number().optional(), queries: z.number().optional(), sumOfMedians: z.number().optional() });

export const runSummarySchema = z.object({
  scaleFactor: z.number().optional(),
  formats: z.array(z.string()).default([]),
  targets: z.array(z.string()).default([]),
  /** By target id: the query phase's figures. */
  gold: z.record(targetFiguresSchema).default({}),
  failures: z.array(z.string()).default([]),
  error: z.string().optional(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export function summarizeRun(state: StateFile, phases: PhaseDefinition[], config: BenchConfig, failures: string[]): RunSummary {
  const measured = phases.filter((p) => p.stepKind === "query-set" && p.target);
  const gold = Object.fromEntries(
    measured.map((p) => {
      const result = resultOf(state.phases[p.name], queriesResultSchema.partial());
      return [p.target!.id, { passed: result?.passed, queries: result?.queries, sumOfMedians: result?.sumOfMedians }];
    }),
  );
  return { scaleFactor: config.scaleFactor, formats: config.formats, targets: measured.map((p) => p.target!.id), gold, failures };
}

/** A run record's summary, or an empty one where it is missing or not of this shape. */
export const readRunSummary = (summary: unknown): RunSummary => runSummarySchema.safeParse(summary ?? {}).data ?? runSummarySchema.parse({});
