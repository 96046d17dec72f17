/** Workloads as data: the repository's tpch-read, and what the schema refuses in a workload. */
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKLOAD, loadWorkload, WorkloadError, workloadSchema } from "../../../src/core/workloads";

type Step = { id: string; kind: "load" | "query-set"; reads: string[]; changes: string[] };
const workload = (steps: Step[]) => ({ id: "w", title: "t", description: "d", steps });
const load = (id: string): Step => ({ id, kind: "load", reads: ["bronze"], changes: ["tables"] });
const queries = (id: string): Step => ({ id, kind: "query-set", reads: ["tables"], changes: [] });
const messages = (value: unknown) => workloadSchema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

describe("tpch-read", () => {
  it("loads as the default workload: load, then the query set", () => {
    const tpch = loadWorkload("tpch-read");
    expect(DEFAULT_WORKLOAD).toBe("tpch-read");
    expect(loadWorkload()).toEqual(tpch);
    expect(tpch.id).toBe("tpch-read");
    expect(tpch.steps).toEqual([
      { id: "load", kind: "load", reads: ["bronze"], changes: ["tables"] },
      { id: "queries", kind: "query-set", reads: ["tables"], changes: [] },
    ]);
  });

  it("refuses an unknown workload, listing the known ones", () => {
    expect(() => loadWorkload("tpch-refresh")).toThrow(WorkloadError);
    expect(() => loadWorkload("tpch-refresh")).toThrow(/workload tpch-refresh: unknown; known: tpch-read/);
  });
});

describe("workloadSchema", () => {
  it("accepts a valid workload", () => {
    expect(messages(workload([load("load"), queries("queries")]))).toEqual([]);
  });

  it("refuses a step id used twice", () => {
    expect(messages(workload([load("load"), queries("queries"), queries("queries")]))).toEqual(["steps.2.id: step id queries is used twice"]);
  });

  it("refuses a step that reads tables no earlier step writes", () => {
    expect(messages(workload([queries("queries")]))).toEqual(["steps.0.reads: step queries reads tables, which no earlier step writes"]);
  });

  it("refuses a step that changes tables after a read-only step read them, naming both steps", () => {
    expect(messages(workload([load("load"), queries("queries"), load("reload")]))).toEqual([
      "steps.2.changes: step reload changes tables, which the earlier read-only step queries read: its up-to-date check would not see the change",
    ]);
  });

  it("accepts a changing step before the read-only step that reads its change", () => {
    expect(messages(workload([load("load"), load("reload"), queries("queries")]))).toEqual([]);
  });

  it("refuses unknown step kinds, fields and datasets, and step ids that cannot be part of a phase id", () => {
    expect(messages(workload([{ ...load("load"), kind: "refresh" as "load" }]))).not.toEqual([]);
    expect(messages(workload([{ ...load("load"), extra: 1 } as Step]))).not.toEqual([]);
    expect(messages(workload([{ ...load("load"), reads: ["gold"] }]))).not.toEqual([]);
    expect(messages(workload([load("Load@x")]))).toEqual([expect.stringMatching(/^steps\.0\.id: lowercase letters, digits and dashes/)]);
    expect(messages(workload([]))).not.toEqual([]);
  });
});
