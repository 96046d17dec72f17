/** Run identifiers that sort by time: lb-20261125-083015-1a2b. */
import { randomBytes } from "node:crypto";

export function newBenchmarkId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `lb-${stamp}-${randomBytes(2).toString("hex")}`;
}
