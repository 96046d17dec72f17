/**
 * The VS Code settings that map onto configuration keys. Core's loadConfig takes them as
 * `settings`, between CLI flags and the environment: flags > settings > env > .env > defaults.
 */
import type { ConfigKey, RawConfig } from "../../core";

export const SETTINGS_SECTION = "lakehouseBench";

/** Setting name (under lakehouseBench.) -> the configuration key it sets. */
export const SETTING_KEYS = {
  scaleFactor: "TPCH_SCALE_FACTOR",
  frameworks: "FRAMEWORKS",
  iterations: "QUERY_ITERATIONS",
  workload: "WORKLOAD",
  throughputStreams: "THROUGHPUT_STREAMS",
  queryParameters: "QUERY_PARAMETERS",
  lifecycleRounds: "LIFECYCLE_ROUNDS",
  sparkMaster: "SPARK_MASTER",
  dataDir: "DATA_DIR",
} as const satisfies Record<string, ConfigKey>;

export type SettingName = keyof typeof SETTING_KEYS;

/** The setting that sets a key, for messages ("from the setting lakehouseBench.scaleFactor"). */
export function settingFor(key: string): string | undefined {
  const entry = Object.entries(SETTING_KEYS).find(([, k]) => k === key);
  return entry ? `${SETTINGS_SECTION}.${entry[0]}` : undefined;
}

/** Reads the settings as raw strings; unset, null, empty strings and empty lists mean "not set here". */
export function settingsToRawConfig(read: (name: SettingName) => unknown): RawConfig {
  const raw: RawConfig = {};
  for (const [name, key] of Object.entries(SETTING_KEYS) as [SettingName, ConfigKey][]) {
    const value = toRaw(read(name));
    if (value !== undefined) raw[key] = value;
  }
  return raw;
}

function toRaw(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length ? value.map(String).join(",") : undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}
