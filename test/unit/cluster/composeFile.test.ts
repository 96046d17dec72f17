/**
 * docker-compose.yml, validated by the real compose tool's `config` command (there is no
 * Docker engine here to start it): services, loopback-only ports, authentication, the data
 * directory at the same path everywhere, tpchgen under the datagen profile.
 */
import path from "node:path";
import { execa } from "execa";
import { load as parseYaml } from "js-yaml";
import { describe, expect, it } from "vitest";
import { findComposeCli } from "../../../src/core/cluster/clusterControl";
import { composeCommand, composeRunCommand } from "../../../src/core/cluster/composeCommand";
import { benchConfig } from "../helpers/fixtures";

const REPO = path.resolve(__dirname, "../../..");
const ENV = { LAKEBENCH_DATA_DIR: "/srv/lakebench-data", SPARK_AUTH_SECRET: "s3cret-s3cret-s3cret", SPARK_WORKER_CORES: "3", SPARK_WORKER_MEMORY: "6g" };

interface ComposeConfig {
  services: Record<string, { ports?: ({ host_ip?: string; published: string | number; target: number } | string)[]; volumes?: ({ source: string; target: string } | string)[]; environment: Record<string, string>; profiles?: string[]; healthcheck?: unknown; build?: unknown }>;
}

async function composeConfig(env: Record<string, string>, extra: string[] = []) {
  const cli = await findComposeCli();
  return execa(cli.file, [...cli.prefix, "--file", path.join(REPO, "docker-compose.yml"), ...extra, "config"], { reject: false, env, extendEnv: false, cwd: REPO });
}

describe("docker-compose.yml", () => {
  it("is valid and defines master, two workers and tpchgen under profile datagen", async () => {
    const result = await composeConfig({ ...ENV, PATH: process.env.PATH! }, ["--profile", "datagen"]);
    expect(result.exitCode, String(result.stderr)).toBe(0);
    const config = parseYaml(String(result.stdout)) as ComposeConfig;
    expect(Object.keys(config.services).sort()).toEqual(["spark-master", "spark-worker-1", "spark-worker-2", "tpchgen"]);
    expect(config.services.tpchgen.profiles).toEqual(["datagen"]);
    for (const name of ["spark-master", "spark-worker-1", "spark-worker-2"]) expect(config.services[name].healthcheck, name).toBeDefined();
  });

  it("publishes every port on 127.0.0.1 only: 7077 and 8080 (master), 8081 and 8082 (workers)", async () => {
    const config = parseYaml(String((await composeConfig({ ...ENV, PATH: process.env.PATH! })).stdout)) as ComposeConfig;
    const published: string[] = [];
    for (const service of Object.values(config.services)) {
      for (const port of service.ports ?? []) {
        const { host_ip, published: host } = typeof port === "string" ? { host_ip: port.split(":")[0], published: port.split(":")[1] } : port;
        expect(host_ip).toBe("127.0.0.1");
        published.push(String(host));
      }
    }
    expect(published.sort()).toEqual(["7077", "8080", "8081", "8082"]);
  });

  it("turns on Spark authentication with the secret and mounts the data directory at the same path", async () => {
    const config = parseYaml(String((await composeConfig({ ...ENV, PATH: process.env.PATH! })).stdout)) as ComposeConfig;
    for (const name of ["spark-master", "spark-worker-1", "spark-worker-2"]) {
      const service = config.services[name];
      expect(service.environment._SPARK_AUTH_SECRET).toBe(ENV.SPARK_AUTH_SECRET);
      expect(Object.values(service.environment).join(" ")).toContain("-Dspark.authenticate=true");
      const volume = service.volumes![0];
      const [source, target] = typeof volume === "string" ? volume.split(":") : [volume.source, volume.target];
      expect([source, target]).toEqual([ENV.LAKEBENCH_DATA_DIR, ENV.LAKEBENCH_DATA_DIR]);
    }
    expect(config.services["spark-worker-1"].environment.SPARK_WORKER_CORES).toBe("3");
    expect(config.services["spark-worker-2"].environment.SPARK_WORKER_MEMORY).toBe("6g");
  });

  it("refuses to start without SPARK_AUTH_SECRET, saying why", async () => {
    const result = await composeConfig({ LAKEBENCH_DATA_DIR: "/srv/x", PATH: process.env.PATH! });
    expect(result.exitCode).not.toBe(0);
    expect(String(result.stderr)).toContain("SPARK_AUTH_SECRET");
  });
});

describe("compose command builders", () => {
  const cli = { file: "docker", prefix: ["compose"] };
  const config = benchConfig({ dataDir: "/srv/data", spark: { authSecret: "s".repeat(20), worker: { cores: 4, memory: "8g" } } });

  it("build argument arrays with the project name and the values the file interpolates", () => {
    const up = composeCommand(cli, "up", config);
    expect(up.file).toBe("docker");
    expect(up.args).toEqual(["compose", "--project-name", "lakehouse-bench", "--file", path.join(REPO, "docker-compose.yml"), "up", "--detach", "--build"]);
    expect(up.env).toMatchObject({ LAKEBENCH_DATA_DIR: "/srv/data", SPARK_AUTH_SECRET: "s".repeat(20), SPARK_WORKER_CORES: "4", SPARK_WORKER_MEMORY: "8g" });
  });

  it("run tpchgen-cli in a one-off container of the datagen profile", () => {
    const run = composeRunCommand(cli, config, "tpchgen", { file: "/venv/bin/tpchgen-cli", args: ["parquet", "--scale-factor", "1"] });
    expect(run.args.slice(-8)).toEqual(["--profile", "datagen", "run", "--rm", "tpchgen", "tpchgen-cli", "parquet", "--scale-factor", "1"].slice(-8));
  });
});
