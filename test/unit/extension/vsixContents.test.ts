/**
 * The packaged extension submits the jobs in spark-jobs/ from inside the .vsix: a job
 * package left out of .vscodeignore's allow-list fails every Spark job with
 * ModuleNotFoundError, and only in the installed extension.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(__dirname, "../../..");
const SPARK_JOBS = path.join(REPO, "spark-jobs");

describe(".vscodeignore", () => {
  it("lets every spark-jobs folder the jobs use into the .vsix (all but the tests)", () => {
    const allowed = /^!spark-jobs\/\{([^}]+)\}\//m.exec(readFileSync(path.join(REPO, ".vscodeignore"), "utf8"))?.[1].split(",") ?? [];
    // Folders holding job code (Spark's own leftovers such as spark-warehouse/ hold none).
    const holdsJobFiles = (dir: string) => readdirSync(path.join(SPARK_JOBS, dir)).some((name) => /\.(py|sql|properties)$/.test(name));
    const folders = readdirSync(SPARK_JOBS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "tests" && holdsJobFiles(entry.name))
      .map((entry) => entry.name);
    expect(folders).toContain("formats");
    expect([...allowed].sort()).toEqual(folders.sort());
  });
});
