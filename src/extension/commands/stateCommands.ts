/** Reset State (phases, or phases and history; always backed up) and opening the state file. */
import { type ResetResult, stateFilePath } from "../../core";
import { adviseError } from "../run/errorAdvice";
import type { Ui } from "../ui/ui";
import type { RunSession } from "./benchmarkCommands";
import { COMMANDS, type CommandEntry } from "./commandIds";
import { refuseUntrusted } from "./trust";

export interface StateCommandDeps {
  ui: Ui;
  session: Pick<RunSession, "isRunning">;
  workspace(): string | undefined;
  resetState(workspace: string, options: { history: boolean }): Promise<ResetResult>;
  onReset(): void;
}

export const RESET_CHOICES = { phases: "Reset Phases", history: "Reset Phases and History" } as const;

export function stateCommands(deps: StateCommandDeps): CommandEntry[] {
  const { ui } = deps;
  return [
    {
      id: COMMANDS.stateReset,
      run: async () => {
        const workspace = deps.workspace();
        if (!workspace || (await refuseUntrusted(ui))) return;
        if (deps.session.isRunning) return ui.warn("A run is going on: cancel it or wait for it before resetting the state.");
        const choice = await ui.confirm(
          "Reset the Lakehouse Bench state?",
          "Every phase goes back to pending, so the next run redoes it. Data and reports stay on disk, and the old state file is kept as a backup.",
          RESET_CHOICES.phases,
          RESET_CHOICES.history,
        );
        if (!choice) return;
        try {
          const result = await deps.resetState(workspace, { history: choice === RESET_CHOICES.history });
          deps.onReset();
          if (result.corrupt) {
            await ui.info(`The state file was corrupt (${result.corrupt.reason}): its phases and run history were not carried over. The corrupt file is kept at ${result.corrupt.backup}`);
          } else {
            await ui.info(`Reset ${result.phasesReset.length} phases${choice === RESET_CHOICES.history ? " and the run history" : ""}. Backup: ${result.backup ?? "none (there was no state)"}`);
          }
        } catch (error) {
          await ui.error(adviseError(error).message);
        }
      },
    },
    {
      id: COMMANDS.stateOpen,
      run: async () => {
        const workspace = deps.workspace();
        if (workspace) await ui.openFile(stateFilePath(workspace));
      },
    },
  ];
}
