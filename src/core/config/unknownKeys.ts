/**
 * Typos in key names: `TPCH_SCALEFACTOR=abc` or `SPARK_MASTR=yarn` would otherwise be
 * ignored and the run would go on with defaults. Keys of other tools stay allowed.
 */
import { editDistance } from "./editDistance";
import type { ConfigProblem } from "./errors";
import { CONFIG_KEYS, RETIRED_KEYS } from "./keys";

/** Prefixes of our keys: in .env, any other key starting with one of them is a mistake. */
export const KEY_PREFIXES = ["TPCH_", "SPARK_", "QUERY_", "ICEBERG_", "DELTA_", "HUDI_", "LAKEBENCH_", "FRAMEWORK", "PARQUET_"] as const;

/** A key this far (or closer) from one of ours is taken for a typo of it. */
export const MAX_TYPO_DISTANCE = 2;

/**
 * Variables with our prefixes that Spark, its scripts, docker-compose.yml and our test
 * harness set or read. Never reported, in .env or in the environment.
 */
export const FOREIGN_KEYS: ReadonlySet<string> = new Set([
  // Spark's launch scripts and spark-env.sh
  "SPARK_HOME", "SPARK_CONF_DIR", "SPARK_ENV_LOADED", "SPARK_SCALA_VERSION", "SPARK_PRINT_LAUNCH_COMMAND",
  "SPARK_LOCAL_IP", "SPARK_LOCAL_HOSTNAME", "SPARK_PUBLIC_DNS", "SPARK_LOCAL_DIRS", "SPARK_LOG_DIR", "SPARK_PID_DIR",
  "SPARK_IDENT_STRING", "SPARK_NICENESS", "SPARK_NO_DAEMONIZE", "SPARK_DAEMON_MEMORY", "SPARK_DAEMON_JAVA_OPTS",
  "SPARK_DAEMON_CLASSPATH", "SPARK_DIST_CLASSPATH", "SPARK_CLASSPATH", "SPARK_SUBMIT_OPTS", "SPARK_JAVA_OPTS",
  "SPARK_USER", "SPARK_PREPEND_CLASSES", "SPARK_TESTING", "SPARK_SQL_TESTING", "SPARK_LAUNCHER_OPTS",
  "SPARK_MASTER_HOST", "SPARK_MASTER_IP", "SPARK_MASTER_PORT", "SPARK_MASTER_WEBUI_PORT", "SPARK_MASTER_OPTS",
  "SPARK_WORKER_PORT", "SPARK_WORKER_WEBUI_PORT", "SPARK_WORKER_INSTANCES", "SPARK_WORKER_DIR", "SPARK_WORKER_OPTS",
  "SPARK_HISTORY_OPTS", "SPARK_SHUFFLE_OPTS", "SPARK_EXECUTOR_INSTANCES", "SPARK_EXECUTOR_DIRS", "SPARK_EXECUTOR_URI",
  "SPARK_DRIVER_BIND_ADDRESS", "SPARK_APPLICATION_ID", "SPARK_MESOS_DISPATCHER_HOST",
  "_SPARK_AUTH_SECRET", "_SPARK_CMD_USAGE",
  // docker-compose.yml, for running the cluster by hand
  "LAKEBENCH_DATA_DIR", "LAKEBENCH_UID", "LAKEBENCH_GID",
]);

export type KeySource = ".env" | "environment";

/**
 * .env is ours: any key with one of our prefixes, or close to one of our keys, must be ours.
 * The environment is shared with the shell and Spark: there only near-misses count.
 */
export function unknownKeyProblems(keys: Iterable<[string, string | undefined]>, source: KeySource): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [key, value] of keys) {
    if (isKnown(key) || FOREIGN_KEYS.has(key)) continue;
    const retired = RETIRED_KEYS[key.toUpperCase()];
    if (retired) {
      problems.push({ key, value: value ?? "", allowed: retired, source });
      continue;
    }
    const nearest = nearestKey(key);
    const nearMiss = nearest.distance <= MAX_TYPO_DISTANCE;
    const ours = source === ".env" && KEY_PREFIXES.some((prefix) => key.toUpperCase().startsWith(prefix));
    if (!nearMiss && !ours) continue;
    problems.push({
      key,
      value: looksSecret(key, nearest.key) ? `<hidden, ${value?.length ?? 0} characters>` : (value ?? ""),
      allowed: `not a Lakehouse Bench key (set in ${source === ".env" ? ".env" : "the environment"}): did you mean ${nearest.key}?`,
      source,
    });
  }
  return problems;
}

const isKnown = (key: string): boolean => (CONFIG_KEYS as readonly string[]).includes(key);

/** The known key closest to `key` (case ignored, so `tpch_scale_factor` is 0 away). */
function nearestKey(key: string): { key: string; distance: number } {
  let best = { key: CONFIG_KEYS[0] as string, distance: Infinity };
  for (const known of CONFIG_KEYS) {
    const distance = editDistance(key.toUpperCase(), known);
    if (distance < best.distance) best = { key: known, distance };
  }
  return best;
}

const looksSecret = (key: string, nearest: string): boolean => /SECRET|PASSWORD|TOKEN|KEY/i.test(key) || nearest === "SPARK_AUTH_SECRET";
