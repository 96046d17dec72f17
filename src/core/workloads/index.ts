/** The workloads in the repo, each checked against the schema when it is loaded. */
import type { WorkloadId } from "../config/keys";
import { workloadSchema, type Workload } from "./schema";
import lifecycle from "./lifecycle.json";
import tpchQphh from "./tpch-qphh.json";
import tpchRead from "./tpch-read.json";

export type { Dataset, StepKind, Workload, WorkloadStep } from "./schema";
export { GENERATED_DATASETS, workloadSchema } from "./schema";

const WORKLOAD_FILES: Readonly<Record<WorkloadId, unknown>> = { "tpch-read": tpchRead, "tpch-qphh": tpchQphh, lifecycle };

export const DEFAULT_WORKLOAD: WorkloadId = "tpch-read";

export class WorkloadError extends Error {
  constructor(id: string, reason: string) {
    super(`workload ${id}: ${reason}`);
    this.name = "WorkloadError";
  }
}

export function loadWorkload(id: string = DEFAULT_WORKLOAD): Workload {
  const data = (WORKLOAD_FILES as Readonly<Record<string, unknown>>)[id];
  if (data === undefined) throw new WorkloadError(id, `unknown; known: ${Object.keys(WORKLOAD_FILES).join(", ")}`);
  const parsed = workloadSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkloadError(id, `${issue.path.join(".") || "top level"}: ${issue.message}`);
  }
  return parsed.data;
}
