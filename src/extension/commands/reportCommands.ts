/** Opening reports: the newest, one run's (Runs view), or two runs compared. */
import type { RunChoice, RunSelection } from "../../shared/protocol";
import { formatTimestamp } from "../tree/treeNode";
import type { PickItem, Ui } from "../ui/ui";
import { COMMANDS, type CommandEntry } from "./commandIds";

export interface ReportCommandDeps {
  ui: Ui;
  showReport(selection: RunSelection): Promise<void>;
  /** Runs that have a report, newest first. */
  reportRuns(): Promise<RunChoice[]>;
}

export function reportCommands(deps: ReportCommandDeps): CommandEntry[] {
  const { ui } = deps;
  // A Runs view item stands for the report it shows (its own, or the earlier one it found up to date).
  const idOf = (arg: unknown): string | undefined => {
    if (typeof arg === "string") return arg;
    if (!arg || typeof arg !== "object") return undefined;
    const { reportId, benchmarkId } = arg as { reportId?: unknown; benchmarkId?: unknown };
    return typeof reportId === "string" ? reportId : typeof benchmarkId === "string" ? benchmarkId : undefined;
  };

  const withReports = async (): Promise<RunChoice[] | undefined> => {
    const runs = await deps.reportRuns();
    if (runs.length) return runs;
    const choice = await ui.info("No run has a report yet. Run the benchmark first.", "Run Lakehouse Benchmark");
    if (choice) await ui.executeCommand(COMMANDS.benchmarkRun);
    return undefined;
  };
  const pickRun = (runs: RunChoice[], placeholder: string) => ui.pick(runs.map(runItem), placeholder);

  return [
    {
      id: COMMANDS.reportOpen,
      run: async () => {
        if (await withReports()) await deps.showReport({});
      },
    },
    {
      id: COMMANDS.runOpenReport,
      run: async (arg: unknown) => {
        const id = idOf(arg);
        if (id) return deps.showReport({ primary: id });
        const runs = await withReports();
        const picked = runs && (await pickRun(runs, "Which run's report?"));
        if (picked) await deps.showReport({ primary: picked });
      },
    },
    {
      id: COMMANDS.runCompare,
      // From the Runs view VS Code passes the clicked item and all selected items.
      run: async (clicked: unknown, selected: unknown) => {
        const chosen = (Array.isArray(selected) ? selected : [clicked]).map(idOf).filter((id): id is string => Boolean(id));
        if (chosen.length >= 2) return deps.showReport({ primary: chosen[0], compare: chosen[1] });
        const runs = await withReports();
        if (!runs) return;
        if (runs.length < 2) return ui.info("Comparing needs two runs with a report; there is one so far.");
        const primary = chosen[0] ?? (await pickRun(runs, "Compare which run…"));
        if (!primary) return;
        const compare = await pickRun(runs.filter((r) => r.benchmarkId !== primary), "…with which run?");
        if (compare) await deps.showReport({ primary, compare });
      },
    },
  ];
}

function runItem(run: RunChoice): PickItem<string> {
  return {
    label: formatTimestamp(run.startedAt),
    description: [run.scaleFactor !== undefined ? `SF ${run.scaleFactor}` : "", run.targets.join(", "), run.status].filter(Boolean).join(" · "),
    detail: run.benchmarkId,
    value: run.benchmarkId,
  };
}
