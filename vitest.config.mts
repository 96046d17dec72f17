import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Spark jobs are heavy on a 2-core machine: integration files run one at a time.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // Each file gets its own TMPDIR and fails when it leaves anything there.
          setupFiles: ["test/unit/setup/tempDirGuard.ts"],
          // A test that never reaches an assertion fails instead of passing silently.
          expect: { requireAssertions: true },
          // Tests assert behaviour, not speed; the timeout only catches a hang, on a machine that may be loaded.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 30 * 60_000,
          hookTimeout: 30 * 60_000,
        },
      },
    ],
  },
});
