/** The workloads in the repo, each checked against the schema when it is loaded. */
import { workloadSchema, type Workload } from "./schema";
import tpchRead from "./tpch-read.json";

export type { Dataset, StepKind, Workload, WorkloadStep } from "./schema";
export { workloadSchema } from "./schema";

const WORKLOAD_FILES: Readonly<Record<string, unknown>> = { "tpch-read": tpchRead };

export const DEFAULT_WORKLOAD = "tpch-read";

export class WorkloadError extends Error {
  constructor(id: string, reason: string) {
    super(`workload ${id}: ${reason}`);
    this.name = "WorkloadError";
  }
}

export function loadWorkload(id: string = DEFAULT_WORKLOAD): Workload {
  const data = WORKLOAD_FILES[id];
  if (data === undefined) throw new WorkloadError(id, `unknown; known: ${Object.keys(WORKLOAD_FILES).join(", ")}`);
  const parsed = workloadSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkloadError(id, `${issue.path.join(".") || "top level"}: ${issue.message}`);
  }
  return parsed.data;
}
