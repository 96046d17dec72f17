/** Cluster control behind the ContainerEngine boundary, against FakeContainerEngine. */
import { describe, expect, it } from "vitest";
import { clusterLogs, clusterStatus, describe as describeStatus, startCluster } from "../../../src/core/cluster/clusterControl";
import { ConfigError } from "../../../src/core/config/errors";
import { DockerUnavailableError } from "../../../src/core/docker/errors";
import { FakeContainerEngine, healthyCluster } from "../fakes/fakeContainerEngine";
import { benchConfig } from "../helpers/fixtures";

const compose = async () => ({ file: "true", prefix: [] });

describe("cluster status", () => {
  it("is healthy when master and both workers run and the master reports two workers", async () => {
    const engine = new FakeContainerEngine();
    engine.containers = healthyCluster();
    const status = await clusterStatus({ engine, fetchJson: async () => ({ aliveworkers: 2 }) });
    expect(status.healthy).toBe(true);
    expect(status.aliveWorkers).toBe(2);
    expect(status.masterUi).toBe("http://127.0.0.1:8080");
    expect(describeStatus(status)).toContain("spark-worker-2 running (healthy)");
  });

  it("is not healthy when a worker is unhealthy or missing", async () => {
    const engine = new FakeContainerEngine();
    engine.containers = healthyCluster().map((c) => (c.service === "spark-worker-2" ? { ...c, health: "unhealthy" } : c));
    expect((await clusterStatus({ engine, fetchJson: async () => ({ aliveworkers: 1 }) })).healthy).toBe(false);
    engine.containers = healthyCluster().slice(0, 2);
    expect((await clusterStatus({ engine, fetchJson: async () => ({ aliveworkers: 1 }) })).healthy).toBe(false);
  });

  it("reports unknown workers when the master UI does not answer", async () => {
    const engine = new FakeContainerEngine();
    engine.containers = healthyCluster();
    const status = await clusterStatus({ engine, fetchJson: async () => Promise.reject(new Error("ECONNREFUSED")) });
    expect(status.aliveWorkers).toBeNull();
  });

  it("says the daemon is not running, and what to do, instead of hanging", async () => {
    const engine = new FakeContainerEngine();
    engine.daemonRunning = false;
    await expect(clusterStatus({ engine })).rejects.toThrow(DockerUnavailableError);
    await expect(clusterStatus({ engine })).rejects.toThrow(/not running.*Start it/s);
  });
});

describe("cluster start", () => {
  it("refuses to start without an authentication secret, before touching Docker", async () => {
    const engine = new FakeContainerEngine();
    engine.daemonRunning = false; // would fail differently if Docker were touched first
    const error = await startCluster(benchConfig({ spark: { authSecret: "" } }), { engine, findCompose: compose }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0].key).toBe("SPARK_AUTH_SECRET");
  });

  it("fails with the daemon message when Docker is not running", async () => {
    const engine = new FakeContainerEngine();
    engine.daemonRunning = false;
    await expect(startCluster(benchConfig({ spark: { authSecret: "x".repeat(32) } }), { engine, findCompose: compose })).rejects.toThrow(DockerUnavailableError);
  });

  it("returns the status once master and two workers are healthy", async () => {
    const engine = new FakeContainerEngine();
    engine.containers = healthyCluster();
    const status = await startCluster(benchConfig({ spark: { authSecret: "x".repeat(32) } }), { engine, findCompose: compose, fetchJson: async () => ({ aliveworkers: 2 }) });
    expect(status.healthy).toBe(true);
  });
});

describe("cluster logs", () => {
  it("reads a known service's log and rejects unknown services", async () => {
    const engine = new FakeContainerEngine();
    engine.logText = "Master: I have been elected leader!";
    await expect(clusterLogs({ engine }, "spark-master")).resolves.toContain("elected leader");
    await expect(clusterLogs({ engine }, "postgres")).rejects.toThrow(/Unknown service "postgres"/);
  });
});
