/** The palette's run commands: the whole benchmark or one phase kind, cancel, and the log. */
import type { PipelineOutcome } from "../../core";
import { PIPELINE_REQUESTS, type RunRequest } from "../run/runRequests";
import type { LogSink, Ui } from "../ui/ui";
import { COMMANDS, type CommandEntry } from "./commandIds";

export interface RunSession {
  run(request: RunRequest): Promise<PipelineOutcome | undefined>;
  cancel(): boolean;
  readonly isRunning: boolean;
}

export function benchmarkCommands(deps: { session: RunSession; ui: Ui; log: LogSink }): CommandEntry[] {
  const { session } = deps;
  return [
    { id: COMMANDS.benchmarkRun, run: () => session.run(PIPELINE_REQUESTS.benchmark) },
    { id: COMMANDS.bronzeGenerate, run: () => session.run(PIPELINE_REQUESTS.bronze) },
    { id: COMMANDS.silverConvert, run: () => session.run(PIPELINE_REQUESTS.silver) },
    { id: COMMANDS.goldQuery, run: () => session.run(PIPELINE_REQUESTS.gold) },
    { id: COMMANDS.reportGenerate, run: () => session.run(PIPELINE_REQUESTS.report) },
    { id: COMMANDS.benchmarkCancel, run: () => session.cancel() || deps.ui.info("Nothing is running.") },
    { id: COMMANDS.logShow, run: () => deps.log.show() },
  ];
}
