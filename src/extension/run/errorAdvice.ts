/**
 * Turns an error from core into what the user sees: core's own message (it already says
 * what is wrong and how to fix it) and the buttons that take them to the fix.
 */
import { ConfigError, DockerUnavailableError, StateCorruptError, StateLockedError, ToolchainMissingError } from "../../core";
import { COMMANDS, type CommandId } from "../commands/commandIds";
import { describeConfigError, type ConfigLayers } from "../config/configProblems";

export interface UserAction {
  title: string;
  command: CommandId;
  args?: unknown[];
}

export interface Advice {
  message: string;
  actions: UserAction[];
}

export const ACTIONS = {
  openLog: { title: "Open Log", command: COMMANDS.logShow },
  openDotEnv: { title: "Open .env", command: COMMANDS.configOpen },
  openSettings: { title: "Open Settings", command: COMMANDS.settingsOpen },
  runSetup: { title: "Run Setup", command: COMMANDS.toolchainSetup },
  openStateFile: { title: "Open State File", command: COMMANDS.stateOpen },
  resetState: { title: "Reset State", command: COMMANDS.stateReset },
  openReport: (benchmarkId: string): UserAction => ({ title: "Open Report", command: COMMANDS.runOpenReport, args: [benchmarkId] }),
  openPhaseLog: (phase: string): UserAction => ({ title: "Open Log", command: COMMANDS.phaseOpenLog, args: [phase] }),
} satisfies Record<string, UserAction | ((...args: never[]) => UserAction)>;

/** `layers` lets a configuration error say which file or setting holds the bad value. */
export function adviseError(error: unknown, layers?: ConfigLayers): Advice {
  if (error instanceof ConfigError) {
    const { message, sources } = layers ? describeConfigError(error, layers) : { message: oneLine(error.message), sources: new Set([".env"]) };
    const actions: UserAction[] = [];
    if (sources.has(".env") || sources.has("default")) actions.push(ACTIONS.openDotEnv);
    if (sources.has("setting")) actions.push(ACTIONS.openSettings);
    actions.push(ACTIONS.openLog);
    return { message, actions };
  }
  if (error instanceof ToolchainMissingError) return { message: error.message, actions: [ACTIONS.runSetup, ACTIONS.openLog] };
  if (error instanceof StateCorruptError) return { message: error.message, actions: [ACTIONS.openStateFile, ACTIONS.resetState] };
  if (error instanceof StateLockedError) return { message: error.message, actions: [ACTIONS.openLog] };
  if (error instanceof DockerUnavailableError) return { message: error.message, actions: [ACTIONS.openLog] };
  return { message: error instanceof Error ? error.message : String(error), actions: [ACTIONS.openLog] };
}

/** Notifications show one paragraph well: core's multi-line messages are joined. */
export function oneLine(message: string): string {
  return message.split("\n").map((line) => line.trim()).filter(Boolean).join(" ");
}
