/**
 * The one entry the CLI and the extension import core from (the webview: view.ts, the
 * browser-safe part, re-exported here). Layers and this rule: .dependency-cruiser.cjs.
 */
export * from "./view";

export { CONFIG_DEFAULTS, DEFAULT_FORMATS, WORKLOAD_IDS, type ConfigKey, type RawConfig, type WorkloadId } from "./config/keys";
export type { BenchConfig } from "./config/benchConfig";
export { ConfigError } from "./config/errors";
export { loadConfig, mergeSources, readDotEnv, resolvePath } from "./config/load";

export { FORMATS, formatOf, type FormatDescriptor, type FormatFamily } from "./formats";
export { ENGINES } from "./engines";
export { ENGINE_IDS, phaseId, target, targetsOf, type Target } from "./phase/targets";
export { DataLayout, reportFilesOf, REPORT_FILES } from "./phase/layout";
export { PHASE_KINDS, type PhaseDefinition, type PhaseKind } from "./phases/definition";
export { bronzeResultSchema, lifecycleResultSchema, loadResultSchema, qphhResultSchema, queriesResultSchema, reportResultSchema, resultOf } from "./phases/results";
export { refreshDataResultSchema } from "./phases/refreshDataPhase";
export { DEFAULT_WORKLOAD, loadWorkload, type StepKind, type Workload, type WorkloadStep } from "./workloads";

export { runPipeline, type PipelineOutcome, type PipelineRequest } from "./pipeline/runPipeline";
export type { ProgressEvent, ProgressListener } from "./pipeline/progress";
export { readRunSummary, type RunSummary } from "./pipeline/runSummary";
export { targetPhases, type PlannedTarget } from "./pipeline/targetPhases";

export { emptyState, type PhaseState, type RunRecord, type StateFile } from "./state/schema";
export { parseState, readState, stateFilePath } from "./state/store";
export { StateCorruptError, StateLockedError } from "./state/errors";
export { resetState, type ResetResult } from "./state/reset";
export { readStatus } from "./status/statusReport";
export { isAlive } from "./runners/processes";
export { ToolchainMissingError } from "./environment/toolchain";

export type { ContainerEngine } from "./docker/containerEngine";
export { DockerodeEngine } from "./docker/dockerodeEngine";
export { DockerUnavailableError } from "./docker/errors";
export { clusterLogs, clusterStatus, describe, MASTER_UI, startCluster, stopCluster, type ClusterDeps } from "./cluster/clusterControl";
