/** The report models on show: run A, and optionally run B to compare with. DOM-free. */
import type { Framework } from "../../src/core/config/keys";
import type { ReportModel } from "../../src/core/report/model";

export type RunRole = "A" | "B";

export interface ReportPair {
  primary: ReportModel;
  compare?: ReportModel;
}

export interface RoleModel {
  role: RunRole;
  model: ReportModel;
}

export function roles(pair: ReportPair): RoleModel[] {
  return pair.compare ? [{ role: "A", model: pair.primary }, { role: "B", model: pair.compare }] : [{ role: "A", model: pair.primary }];
}

/** Formats of run A in its order, then any that only run B has. */
export function frameworksOf(pair: ReportPair): Framework[] {
  return [...new Set([...pair.primary.frameworks, ...(pair.compare?.frameworks ?? [])])];
}

/** Table names in the order bronze lists them, then any a format added. */
export function tablesOf(pair: ReportPair): string[] {
  const names = roles(pair).flatMap(({ model }) => [
    ...Object.keys(model.bronze?.tables ?? {}),
    ...Object.values(model.load).flatMap((load) => Object.keys(load?.tables ?? {})),
  ]);
  return [...new Set(names)];
}

/** "iceberg" alone, "iceberg · B" when two runs are compared. */
export function seriesLabel(framework: Framework, role: RunRole, comparing: boolean): string {
  return comparing ? `${framework} · ${role}` : framework;
}
