/** The report models on show: run A, and optionally run B to compare with. DOM-free. */
import type { ReportModel, ReportTarget } from "../../src/core/view";

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

/** Targets of run A in its order, then any that only run B has (run A's label and colour win). */
export function targetsOf(pair: ReportPair): ReportTarget[] {
  const all = [...pair.primary.targets, ...(pair.compare?.targets ?? [])];
  return all.filter((t, i) => all.findIndex((other) => other.id === t.id) === i);
}

/** Table names in the order bronze lists them, then any a target added. */
export function tablesOf(pair: ReportPair): string[] {
  const names = roles(pair).flatMap(({ model }) => [
    ...Object.keys(model.bronze?.tables ?? {}),
    ...Object.values(model.load).flatMap((load) => Object.keys(load?.tables ?? {})),
  ]);
  return [...new Set(names)];
}

/** "Iceberg" alone, "Iceberg · B" when two runs are compared. */
export function seriesLabel(target: Pick<ReportTarget, "label">, role: RunRole, comparing: boolean): string {
  return comparing ? `${target.label} · ${role}` : target.label;
}
