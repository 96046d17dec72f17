/** Run identifiers that sort by time: lb-20261125-083015-1a2b. */
import { randomBytes } from "node:crypto";

/**
 * Exactly what newBenchmarkId makes. Ids become directory names under DATA_DIR and
 * .lakebench/, so the state file's ids are checked against it when it is read.
 */
export const BENCHMARK_ID_PATTERN = /^lb-\d{8}-\d{6}-[0-9a-f]{4}$/;

export function newBenchmarkId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `lb-${stamp}-${randomBytes(2).toString("hex")}`;
}
