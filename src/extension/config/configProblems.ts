/** Says where each invalid value came from, so the user knows which file or setting to fix. */
import type { ConfigError, RawConfig } from "../../core";
import { settingFor } from "./settings";

export type ConfigSource = "setting" | "environment" | ".env" | "default";

export interface ConfigLayers {
  settings: RawConfig;
  env: NodeJS.ProcessEnv;
  dotenv: RawConfig;
}

export function sourceOf(key: string, layers: ConfigLayers): ConfigSource {
  const has = (layer: Record<string, string | undefined>) => layer[key] !== undefined && layer[key] !== "";
  if (has(layers.settings)) return "setting";
  if (has(layers.env)) return "environment";
  if (has(layers.dotenv)) return ".env";
  return "default";
}

/** One line per problem: KEY="value" (where it came from): what is allowed. */
export function describeConfigError(error: ConfigError, layers: ConfigLayers): { message: string; sources: Set<ConfigSource> } {
  const sources = new Set<ConfigSource>();
  const lines = error.problems.map((problem) => {
    // An unknown key (a typo) is in no layer under its name: the problem says where it was.
    const source = problem.source === "environment" || problem.source === ".env" ? problem.source : sourceOf(problem.key, layers);
    sources.add(source);
    const where = source === "setting" ? `the setting ${settingFor(problem.key)}` : source === "environment" ? "the environment" : source;
    return `${problem.key}=${JSON.stringify(problem.value)} (from ${where}): ${problem.allowed}`;
  });
  return { message: `Invalid configuration: ${lines.join("; ")}`, sources };
}
