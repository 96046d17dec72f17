/**
 * The executor fit check against a real HTTP server on 127.0.0.1 serving a standalone
 * master's /json/ document: refuses only when no alive worker could ever host one executor.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertClusterCanHostExecutor, ClusterCapacityError, masterStatusUrl } from "../../../../src/core/engines/spark/clusterCapacity";
import { benchConfig } from "../../helpers/fixtures";

interface Worker {
  host: string;
  port: number;
  cores: number;
  coresfree: number;
  memory: number;
  memoryfree: number;
  state: string;
}
const worker = (cores: number, memory: number, extra: Partial<Worker> = {}): Worker => ({
  host: "10.0.0.7",
  port: 40_123,
  cores,
  coresfree: cores,
  memory,
  memoryfree: memory,
  state: "ALIVE",
  ...extra,
});

describe("assertClusterCanHostExecutor (spark:// master, status from a real HTTP server)", () => {
  let server: http.Server;
  let ui: string;
  let reply: { status: number; body: string };
  let requests: string[];

  beforeEach(async () => {
    requests = [];
    reply = { status: 200, body: "{}" };
    server = http.createServer((request, response) => {
      requests.push(request.url ?? "");
      response.writeHead(reply.status, { "content-type": "application/json" });
      response.end(reply.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    ui = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const serve = (workers: Worker[], url = "spark://10.0.0.5:7077") => (reply = { status: 200, body: JSON.stringify({ url, workers, aliveworkers: workers.filter((w) => w.state === "ALIVE").length }) });
  const config = (executorCores: number, executorMemory: string) =>
    benchConfig({ spark: { master: "spark://10.0.0.5:7077", authSecret: "s".repeat(20), masterUi: ui, executorCores, executorMemory } });
  const check = async (cores: number, memory: string) => {
    const warnings: string[] = [];
    await assertClusterCanHostExecutor(config(cores, memory), (m) => warnings.push(m));
    return warnings;
  };

  it("passes, reading /json/ once, when one alive worker is large enough", async () => {
    serve([worker(1, 1024), worker(4, 8192)]);
    expect(await check(2, "4g")).toEqual([]);
    expect(requests).toEqual(["/json/"]);
  });

  it("passes when the large worker is busy: capacity counts, not free cores or memory", async () => {
    serve([worker(4, 8192, { coresfree: 0, memoryfree: 0 })]);
    expect(await check(2, "4g")).toEqual([]);
  });

  it("counts spark.executor.memory only, as the standalone master does (no overhead)", async () => {
    serve([worker(2, 4096)]);
    expect(await check(2, "4g")).toEqual([]);
  });

  it("refuses when no worker has the cores, naming the executor size and every worker", async () => {
    serve([worker(1, 8192), worker(1, 8192, { host: "10.0.0.8" })]);
    const error = await check(2, "1g").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterCapacityError);
    const message = (error as Error).message;
    expect(message).toContain("one executor of 2 cores / 1g (SPARK_EXECUTOR_CORES=2, SPARK_EXECUTOR_MEMORY=1g)");
    expect(message).toContain("10.0.0.7:40123 ALIVE 1 core / 8192m");
    expect(message).toContain("10.0.0.8:40123 ALIVE 1 core / 8192m");
    expect((error as ClusterCapacityError).executor).toEqual({ cores: 2, memory: "1g" });
  });

  it("refuses when no worker has the memory", async () => {
    serve([worker(8, 2048)]);
    await expect(check(2, "4g")).rejects.toThrow(/one executor of 2 cores \/ 4g .*8 cores \/ 2048m/);
  });

  it("ignores workers that are not ALIVE", async () => {
    serve([worker(1, 1024), worker(16, 65_536, { state: "DEAD" }), worker(16, 65_536, { state: "DECOMMISSIONED" })]);
    await expect(check(2, "4g")).rejects.toThrow(/DEAD 16 cores \/ 65536m/);
  });

  it("refuses a master with no worker at all", async () => {
    serve([]);
    await expect(check(1, "1g")).rejects.toThrow("spark://10.0.0.5:7077 has no ALIVE worker");
  });

  it.each([
    ["an HTTP error", { status: 503, body: "busy" }, "HTTP 503"],
    ["a page that is not JSON", { status: 200, body: "<html>proxy login</html>" }, "not a Spark master's JSON status"],
    ["JSON of something else", { status: 200, body: '{"workers": "none"}' }, "not a Spark master's JSON status"],
  ])("warns and goes on when the UI answers with %s", async (_label, answer, reason) => {
    reply = answer;
    const warnings = await check(64, "1t");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${ui}/json/`);
    expect(warnings[0]).toContain(reason);
    expect(warnings[0]).toContain("SPARK_EXECUTOR_WAIT_SECONDS=120");
  });

  it("warns and goes on when nothing listens on the UI port", async () => {
    await new Promise((resolve) => server.close(resolve));
    const warnings = await check(64, "1t");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Could not read the Spark master's status at http:\/\/127\.0\.0\.1:\d+\/json\//);
    server = http.createServer().listen(0, "127.0.0.1"); // for afterEach
  });

  it("does not judge a cluster by another master's status (the UI of a different master port)", async () => {
    serve([worker(1, 1024)], "spark://10.0.0.5:7078");
    const warnings = await check(2, "4g");
    expect(warnings).toEqual([expect.stringContaining("is of spark://10.0.0.5:7078, not of SPARK_MASTER=spark://10.0.0.5:7077")]);
  });

  it.each(["local[*]", "local[2]", "compose"])("reads nothing for SPARK_MASTER=%s", async (master) => {
    serve([]);
    await assertClusterCanHostExecutor(benchConfig({ spark: { master, masterUi: ui, authSecret: "s".repeat(20) } }), () => {});
    expect(requests).toEqual([]);
  });
});

describe("masterStatusUrl", () => {
  it("defaults to the master's host on the standalone UI port 8080", () => {
    expect(masterStatusUrl(benchConfig({ spark: { master: "spark://spark-host.example:7077" } }))).toBe("http://spark-host.example:8080/json/");
  });
  it("uses SPARK_MASTER_UI_URL when set, with or without a trailing slash", () => {
    expect(masterStatusUrl(benchConfig({ spark: { master: "spark://h:7077", masterUi: "https://proxy/spark/" } }))).toBe("https://proxy/spark/json/");
    expect(masterStatusUrl(benchConfig({ spark: { master: "spark://h:7077", masterUi: "http://h:18080" } }))).toBe("http://h:18080/json/");
  });
});
