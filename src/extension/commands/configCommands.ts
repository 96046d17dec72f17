/** Configuration and setup: open or create .env, the settings, the toolchain setup script, the walkthrough. */
import { existsSync } from "node:fs";
import { createDotEnv, dotEnvPath } from "../config/dotenvFile";
import { SETTINGS_SECTION } from "../config/settings";
import type { Ui } from "../ui/ui";
import { COMMANDS, type CommandEntry } from "./commandIds";
import { refuseUntrusted } from "./trust";

export const WALKTHROUGH_ID = "lakehouse-bench.lakehouse-bench#gettingStarted";

export interface ConfigCommandDeps {
  ui: Ui;
  workspace(): string | undefined;
  /** .env.example shipped with the extension. */
  bundledExample: string;
  /** scripts/setup.sh shipped with the extension, and the folder it runs in. */
  setupScript: string;
  extensionRoot: string;
  /** LAKEBENCH_CACHE_DIR as configured for this workspace (absolute). */
  cacheDir(workspace: string): Promise<string>;
  onConfigChanged(): void;
}

export function configCommands(deps: ConfigCommandDeps): CommandEntry[] {
  const { ui } = deps;
  const needWorkspace = async (): Promise<string | undefined> => {
    const workspace = deps.workspace();
    if (!workspace) await ui.error("Open a folder first: Lakehouse Bench keeps its .env and .lakebench/ state in the workspace folder.");
    return workspace;
  };
  const create = async (workspace: string) => {
    try {
      const { file } = await createDotEnv(workspace, deps.bundledExample);
      deps.onConfigChanged();
      await ui.openFile(file);
    } catch (error) {
      await ui.error(`Could not create ${dotEnvPath(workspace)}: ${(error as Error).message}`);
    }
  };
  return [
    {
      id: COMMANDS.configOpen,
      run: async () => {
        const workspace = await needWorkspace();
        if (!workspace) return;
        if (existsSync(dotEnvPath(workspace))) return ui.openFile(dotEnvPath(workspace));
        const choice = await ui.info("This workspace has no .env yet. Create it from the documented example?", "Create .env");
        if (choice) await create(workspace);
      },
    },
    {
      id: COMMANDS.configCreate,
      run: async () => {
        const workspace = await needWorkspace();
        if (!workspace) return;
        if (existsSync(dotEnvPath(workspace))) return ui.openFile(dotEnvPath(workspace));
        await create(workspace);
      },
    },
    { id: COMMANDS.settingsOpen, run: () => ui.executeCommand("workbench.action.openSettings", SETTINGS_SECTION) },
    {
      id: COMMANDS.toolchainSetup,
      run: async () => {
        const workspace = await needWorkspace();
        if (!workspace || (await refuseUntrusted(ui))) return;
        if (!existsSync(deps.setupScript)) return ui.error(`The setup script ${deps.setupScript} is missing: reinstall the extension.`);
        const cacheDir = await deps.cacheDir(workspace);
        ui.runInTerminal("Lakehouse Bench setup", "bash", [deps.setupScript], { cwd: deps.extensionRoot, env: { LAKEBENCH_CACHE_DIR: cacheDir } });
      },
    },
    { id: COMMANDS.walkthroughOpen, run: () => ui.executeCommand("workbench.action.openWalkthrough", WALKTHROUGH_ID, false) },
  ];
}
