/**
 * Runs before every unit test file: points TMPDIR (read by os.tmpdir() and inherited by the
 * children tests start) at a directory of the file's own, and fails the file when its tests
 * leave anything there. Why: unit tests used to leave lakebench-unit-* folders in /tmp on
 * every run; a private directory catches a leak by any prefix, and parallel files or other
 * programs writing to /tmp at the same time cannot cause a false alarm.
 */
import { mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const systemTmp = os.tmpdir();
const previousTmpdir = process.env.TMPDIR;
const fileTmp = realpathSync(mkdtempSync(path.join(systemTmp, "lakebench-unit-guard-")));
process.env.TMPDIR = fileTmp;

// Registered before the test file's own hooks, so it runs after them (vitest runs after-hooks as a stack).
afterAll(() => {
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  const leftBehind = readdirSync(fileTmp);
  // Removed even on failure: the guard reports a leak, it does not add to it.
  rmSync(fileTmp, { recursive: true, force: true });
  if (leftBehind.length > 0) {
    throw new Error(
      `this test file left ${leftBehind.length} entr${leftBehind.length === 1 ? "y" : "ies"} in the temp directory (${leftBehind.join(", ")}): ` +
        "create them with tempDirs() from test/unit/helpers/fixtures.ts and call cleanup() in afterEach, or remove them in a finally block",
    );
  }
});
