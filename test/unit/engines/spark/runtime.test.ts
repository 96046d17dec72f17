/** How spark-submit is built and where it runs for each SPARK_MASTER. */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sparkRuntime } from "../../../../src/core/engines/spark/runtime";
import { sparkSubmitCommand } from "../../../../src/core/engines/spark/sparkSubmit";
import { Toolchain } from "../../../../src/core/environment/toolchain";
import { runPhaseCommand, type PhaseContext } from "../../../../src/core/phase/context";
import { CommandFailedError } from "../../../../src/core/runners/errors";
import { FakeContainerEngine } from "../../fakes/fakeContainerEngine";
import { benchConfig, tempDirs } from "../../helpers/fixtures";

const toolchain = new Toolchain("/cache");
const job = { script: "silver/convert.py", family: "delta" as const, appName: "lakebench-silver-delta", args: ["--format", "delta"] };
const SECRET = "0123456789abcdef0123";
const temp = tempDirs();
afterEach(() => temp.cleanup());

describe("sparkRuntime", () => {
  it("local[*]: the venv's spark-submit, loopback only, no authentication", () => {
    const config = benchConfig();
    const command = sparkSubmitCommand(job, config, sparkRuntime(config, toolchain));
    expect(command.file).toBe("/cache/venv/bin/spark-submit");
    expect(command.service).toBeUndefined();
    expect(command.env).toMatchObject({ SPARK_LOCAL_IP: "127.0.0.1" });
    expect(command.args).not.toContain("spark.authenticate=true");
  });

  it("spark://: driver here with spark.authenticate on, the secret in the environment and never in the arguments", () => {
    const config = benchConfig({ spark: { master: "spark://10.0.0.5:7077", authSecret: SECRET } });
    const command = sparkSubmitCommand(job, config, sparkRuntime(config, toolchain));
    expect(command.args.slice(0, 2)).toEqual(["--master", "spark://10.0.0.5:7077"]);
    expect(command.args).toContain("spark.authenticate=true");
    expect(command.env?._SPARK_AUTH_SECRET).toBe(SECRET);
    expect(command.args.join(" ")).not.toContain(SECRET);
    expect(command.env?.SPARK_LOCAL_IP).toBeUndefined();
  });

  it("spark://: the driver reads the secret from the properties file it is given", () => {
    const config = benchConfig({ spark: { master: "spark://10.0.0.5:7077", authSecret: SECRET } });
    const command = sparkSubmitCommand(job, config, sparkRuntime(config, toolchain, "/data/.lakebench-private/auth.properties"));
    expect(command.args[command.args.indexOf("--properties-file") + 1]).toBe("/data/.lakebench-private/auth.properties");
  });

  it("spark:// on loopback keeps the driver on loopback", () => {
    const config = benchConfig({ spark: { master: "spark://127.0.0.1:7077", authSecret: SECRET } });
    expect(sparkRuntime(config, toolchain).env.SPARK_LOCAL_IP).toBe("127.0.0.1");
  });

  it("compose: spark-submit inside the master container with the image's paths", () => {
    const config = benchConfig({ spark: { master: "compose", authSecret: SECRET } });
    const command = sparkSubmitCommand(job, config, sparkRuntime(config, toolchain));
    expect(command.service).toBe("spark-master");
    expect(command.file).toBe("/opt/spark/bin/spark-submit");
    expect(command.args.slice(0, 2)).toEqual(["--master", "spark://spark-master:7077"]);
    expect(command.args).toContain("/opt/lakebench/spark-jobs/silver/convert.py");
    const jars = command.args[command.args.indexOf("--jars") + 1].split(",");
    expect(jars.every((jar) => jar.startsWith("/opt/lakebench/jars/"))).toBe(true);
    expect(jars.map((jar) => path.basename(jar))).toEqual(["delta-spark_2.12-3.3.2.jar", "delta-storage-3.3.2.jar"]);
  });
});

describe("runPhaseCommand with a Compose service", () => {
  const context = (engine: FakeContainerEngine) =>
    ({ containers: () => engine, logFile: path.join(temp.make(), "phase.log"), signal: new AbortController().signal, onChild: async () => {} }) as unknown as PhaseContext;
  const command = { file: "/opt/spark/bin/spark-submit", args: ["--name", "x"], service: "spark-master" };

  it("executes through the container engine in the lakehouse-bench project and forwards job events", async () => {
    const engine = new FakeContainerEngine();
    engine.execOutput = ["noise", 'LAKEBENCH_EVENT {"event":"table_done","table":"nation"}'];
    const events: unknown[] = [];
    await runPhaseCommand(context(engine), command, (event) => events.push(event));
    expect(engine.execs).toEqual([{ project: "lakehouse-bench", command }]);
    expect(events).toEqual([{ event: "table_done", table: "nation" }]);
  });

  it("fails the phase when the job exits non-zero in the container", async () => {
    const engine = new FakeContainerEngine();
    engine.execExitCode = 1;
    await expect(runPhaseCommand(context(engine), command)).rejects.toThrow(CommandFailedError);
  });
});
