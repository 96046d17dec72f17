/** The Phases view's context menu: run a phase, force it, open its log or its figures. */
import type { PhaseNode } from "../tree/phaseTreeModel";
import { phaseRequest } from "../run/runRequests";
import type { Ui } from "../ui/ui";
import type { RunSession } from "./benchmarkCommands";
import { COMMANDS, type CommandEntry } from "./commandIds";

export interface PhaseCommandDeps {
  session: RunSession;
  ui: Ui;
  /** The tree's current node for a phase or group name (error buttons pass names). */
  phaseByName(name: string): PhaseNode | undefined;
}

export function phaseCommands(deps: PhaseCommandDeps): CommandEntry[] {
  const resolve = (arg: unknown): PhaseNode | undefined => {
    if (typeof arg === "string") return deps.phaseByName(arg);
    if (arg && typeof arg === "object" && typeof (arg as PhaseNode).id === "string") return deps.phaseByName((arg as PhaseNode).id);
    return undefined;
  };
  const run = (force: boolean) => async (arg: unknown) => {
    const node = resolve(arg);
    if (!node) return deps.ui.info("Choose a phase in the Lakehouse Bench Phases view.");
    return deps.session.run(phaseRequest({ kind: node.kind, phase: node.phaseName, target: node.target }, force));
  };
  const open = (what: "log" | "metrics") => async (arg: unknown) => {
    const node = resolve(arg);
    const file = what === "log" ? node?.logFile : node?.metricsFile;
    if (!file) return deps.ui.info(what === "log" ? "This phase has no log yet: it has not run." : "This phase has no figures yet: it has not completed.");
    return deps.ui.openFile(file);
  };
  return [
    { id: COMMANDS.phaseRun, run: run(false) },
    { id: COMMANDS.phaseForceRun, run: run(true) },
    { id: COMMANDS.phaseOpenLog, run: open("log") },
    { id: COMMANDS.phaseOpenMetrics, run: open("metrics") },
  ];
}
