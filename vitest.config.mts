import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Spark jobs are heavy on a 2-core machine: integration files run one at a time.
    fileParallelism: false,
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
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
