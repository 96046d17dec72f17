/** Every command the extension registers: lakehouseBench.<domain>.<action>, as package.json contributes them. */
export const COMMANDS = {
  benchmarkRun: "lakehouseBench.benchmark.run",
  benchmarkCancel: "lakehouseBench.benchmark.cancel",
  bronzeGenerate: "lakehouseBench.bronze.generate",
  silverConvert: "lakehouseBench.silver.convert",
  goldQuery: "lakehouseBench.gold.query",
  reportGenerate: "lakehouseBench.report.generate",
  reportOpen: "lakehouseBench.report.open",
  clusterStart: "lakehouseBench.cluster.start",
  clusterStop: "lakehouseBench.cluster.stop",
  clusterStatus: "lakehouseBench.cluster.status",
  stateReset: "lakehouseBench.state.reset",
  stateOpen: "lakehouseBench.state.open",
  configOpen: "lakehouseBench.config.open",
  configCreate: "lakehouseBench.config.create",
  settingsOpen: "lakehouseBench.settings.open",
  phaseRun: "lakehouseBench.phase.run",
  phaseForceRun: "lakehouseBench.phase.forceRun",
  phaseOpenLog: "lakehouseBench.phase.openLog",
  phaseOpenMetrics: "lakehouseBench.phase.openMetrics",
  runOpenReport: "lakehouseBench.run.openReport",
  runCompare: "lakehouseBench.run.compare",
  logShow: "lakehouseBench.log.show",
  toolchainSetup: "lakehouseBench.toolchain.setup",
  walkthroughOpen: "lakehouseBench.walkthrough.open",
  viewsRefresh: "lakehouseBench.views.refresh",
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** A command as data: its id and what it does. extension.ts registers each with VS Code. */
export interface CommandEntry {
  id: CommandId;
  run: (...args: unknown[]) => unknown;
}
