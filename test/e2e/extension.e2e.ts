// End to end: the packaged extension (.vsix) in a real VS Code host (code-server + Chromium).
//   1. Runs "Run Lakehouse Benchmark" from the palette on a real workspace (SF 0.01, parquet and
//      iceberg, Spark local mode), waits for every phase in the Phases tree to show completed,
//      opens the report panel and checks its charts and grid against summary.json; switches the
//      theme while the panel is open; reloads the window and finds the panel restored.
//   2. Cancelling a forced phase from the progress notification stops Spark's process group.
//      A second run, compared with the first through the panel's run picker.
//      An invalid .env value: the error names the key.
//      WORKLOAD=tpch-qphh: the refresh-data phase and the power + throughput test appear in the
//      tree, run and complete; the panel draws the QphH chart and shows summary.json's figures.
//      WORKLOAD=lifecycle (one round, two queries, the formats loaded already): the tree shows
//      the step's rounds live; the panel draws the degradation chart, one line per target.
//   3. An untrusted workspace: the views say why, and nothing runs.
//   4. A folder without .env: the view offers to create it from the example, and does.
// Screenshots go to test-artifacts/e2e/. Prints "extension e2e: N passed, N failed".
//
// Run (after scripts/install-vscode-host.sh and scripts/package-vsix.sh):
//   LAKEBENCH_VSIX=lakehouse-bench-0.1.0.vsix node test/e2e/run.mjs test/e2e/extension.e2e.ts
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ReportModel, RunRecord, StateFile } from "../../src/core";
import { checkComparison, checkLifecyclePanel, checkQphhTable, checkReportPanel, pickComparison, reportFrame } from "./support/reportPanel";
import { phaseRows, waitForPhases } from "./support/phasesView";
import { check, counted, summary } from "./support/checks";
import { setColorTheme } from "./support/colorTheme";
import { rich } from "./support/playwrightExtras";
import { unpackVsix } from "./support/vsix";
import { runCommandFromPalette, screenshot, startVsCodeHost, type Page, type VsCodeHost, type VsCodeHostOptions } from "./vscodeHost";

const RUN_TIMEOUT_MS = Number(process.env.LAKEBENCH_E2E_RUN_TIMEOUT_MS ?? 25 * 60_000);
const cacheDir = resolve((process.env.LAKEBENCH_CACHE_DIR ?? join(homedir(), ".cache", "lakebench")).replace(/^~(?=$|\/)/, homedir()));

const SETTINGS = {
  TPCH_SCALE_FACTOR: "0.01",
  FRAMEWORKS: "parquet,iceberg",
  QUERY_WARMUP_RUNS: "0",
  QUERY_ITERATIONS: "1",
  SPARK_DRIVER_MEMORY: "2g",
  SPARK_SHUFFLE_PARTITIONS: "4",
  // code-server runs with a temporary HOME: point at the toolchain scripts/setup.sh installed.
  LAKEBENCH_CACHE_DIR: cacheDir,
};

/** The dark theme to start with; the secondary side bar closed so the report gets the width. */
const HOST_SETTINGS = { "workbench.colorTheme": "Dark Modern", "workbench.secondarySideBar.defaultVisibility": "hidden" };

const writeDotEnv = (workspace: string, values: Record<string, string>) =>
  writeFileSync(join(workspace, ".env"), Object.entries(values).map(([k, v]) => `${k}=${v}`).join("\n") + "\n");

function makeWorkspace(root: string, name: string): string {
  const workspace = join(root, name);
  mkdirSync(workspace, { recursive: true });
  writeDotEnv(workspace, SETTINGS);
  return workspace;
}

async function openLakehouseView(page: Page): Promise<void> {
  await page.getByRole("tab", { name: /^Lakehouse Bench/ }).first().click();
  await page.locator(".pane-header", { hasText: "Phases" }).first().waitFor({ state: "visible" });
}

async function toast(page: Page, text: string | RegExp, timeout = 60_000): Promise<string> {
  const message = page.locator(".notification-toast .notification-list-item-message", { hasText: text }).first();
  await message.waitFor({ state: "visible", timeout });
  return message.innerText();
}

/** Starts a VS Code host on the workspace, runs the steps, keeps a screenshot of a failure, always stops the host. */
async function inVsCodeHost(scenario: string, options: VsCodeHostOptions, steps: (host: VsCodeHost) => Promise<void>): Promise<void> {
  const host = await startVsCodeHost(options);
  try {
    await steps(host);
  } catch (error) {
    await screenshot(host.page, `failure-${scenario}`).catch(() => undefined);
    throw error;
  } finally {
    await host.stop();
  }
}

async function benchmarkScenario(root: string, extensionDir: string): Promise<void> {
  const workspace = makeWorkspace(root, "bench-workspace");
  await inVsCodeHost("benchmark", { extensionDir, workspaceDir: workspace, settings: HOST_SETTINGS }, async (host) => {
    const { page } = host;
    await openLakehouseView(page);
    await check("the Phases view shows bronze, silver and gold per target, and report", async () => {
      const labels = await waitForPhases(page, (rows) => rows.length === 8, 60_000);
      const names = labels.map((l) => l.split(",")[0]);
      if (names.join("|") !== "Bronze|Silver|Parquet|Iceberg|Gold|Parquet|Iceberg|Report") throw new Error(`rows: ${names.join(", ")}`);
      await screenshot(page, "01-phases-before-run");
    });

    const started = Date.now();
    await check("Run Lakehouse Benchmark from the palette runs every phase to completed", async () => {
      await runCommandFromPalette(page, "Lakehouse: Run Lakehouse Benchmark");
      await waitForPhases(page, (rows) => rows.some((r) => r.includes(", running")), 120_000);
      await page.waitForTimeout(1_500);
      await screenshot(page, "02-phases-running");
      await waitForPhases(page, (rows) => rows.some((r) => /^Gold, running/.test(r)), RUN_TIMEOUT_MS);
      await page.waitForTimeout(1_000);
      await screenshot(page, "03-gold-running");
      const done = await waitForPhases(page, (rows) => rows.length === 8 && rows.every((r) => r.includes(", completed")), RUN_TIMEOUT_MS);
      const message = await toast(page, /Lakehouse benchmark completed/, 120_000);
      console.log(`run finished in ${((Date.now() - started) / 1000).toFixed(0)} s: ${message}`);
      if (done.length !== 8) throw new Error(`rows: ${done.join(" / ")}`);
      await page.waitForTimeout(600);
      await screenshot(page, "04-phases-completed");
    });

    const state = readState(workspace);
    const model = readSummary(state);

    await check("Open Report shows the charts, and the grid's figures equal summary.json's", async () => {
      await runCommandFromPalette(page, "Lakehouse: Open Report");
      await checkReportPanel(page, model);
      await screenshot(page, "05-report-dark");
      await rich(reportFrame(page).locator('[data-table="query-figures"]').first()).scrollIntoViewIfNeeded();
      await screenshot(page, "06-report-grid");
    });

    await check("the charts follow a theme change while the panel is open (light, high contrast)", async () => {
      const app = rich(reportFrame(page).locator("#app"));
      const palettes: Record<string, string | null> = { dark: await app.getAttribute("data-palette") };
      for (const [theme, kind, shot] of [["Light Modern", "light", "07-report-light"], ["Dark High Contrast", "high-contrast", "08-report-high-contrast"]] as const) {
        await setColorTheme(page, theme);
        await reportFrame(page).locator(`#app[data-theme="${kind}"]`).waitFor({ state: "attached", timeout: 30_000 });
        palettes[kind] = await app.getAttribute("data-palette");
        await rich(reportFrame(page).locator('[data-chart="query-times"]')).scrollIntoViewIfNeeded();
        await page.waitForTimeout(500);
        await screenshot(page, shot);
      }
      // Dark and high-contrast themes share chart colours; light ones have their own.
      if (!palettes.dark || palettes.dark === palettes.light) throw new Error(`chart colours did not follow the theme: ${JSON.stringify(palettes)}`);
      await setColorTheme(page, "Dark Modern");
      await reportFrame(page).locator('#app[data-theme="dark"]').waitFor({ state: "attached", timeout: 30_000 });
    });

    await check("after a window reload the report panel is restored on the same run", async () => {
      await page.goto(host.url, { waitUntil: "domcontentloaded" });
      await page.waitForSelector(".monaco-workbench", { state: "visible", timeout: 120_000 });
      await reportFrame(page).locator(`#app[data-rendered="${model.benchmarkId}"]`).waitFor({ state: "attached", timeout: 120_000 });
      await screenshot(page, "09-report-restored");
    });

    await check("Cancel in the progress notification stops Spark and marks the phase cancelled", async () => {
      await openLakehouseView(page);
      // Silver is up to date: force it from the tree's context menu, then cancel while Spark runs.
      // The item's enablement (workspace trust) can be evaluated late after the reload: reopen the
      // menu until it is enabled. VS Code's menus act on a hovered item and Enter (a synthetic
      // click right after opening is ignored).
      const forceRerun = page.getByRole("menuitem", { name: "Force Rerun" }).first();
      for (let attempt = 1; ; attempt++) {
        await rich(page.locator('.monaco-list-row[aria-label^="Parquet, "]').first()).click({ button: "right" });
        await forceRerun.waitFor({ state: "visible", timeout: 30_000 });
        if (await rich(forceRerun).isEnabled()) break;
        if (attempt === 15) throw new Error("Force Rerun stayed disabled in the Phases view's context menu");
        await page.keyboard.press("Escape");
        await page.waitForTimeout(2_000);
      }
      await rich(forceRerun).hover();
      await page.keyboard.press("Enter");
      await waitForPhases(page, (rows) => rows[2]?.startsWith("Parquet, running"), 60_000);
      const childPid = await waitForChild(workspace, "load@spark.parquet");
      await page.waitForTimeout(3_000); // let spark-submit start its JVM and Python driver
      await page.locator(".notification-toast .monaco-button", { hasText: "Cancel" }).first().click();
      await waitForPhases(page, (rows) => rows[2]?.startsWith("Parquet, cancelled"), 60_000);
      await toast(page, /was cancelled/);
      if (!(await gone(childPid, 15_000))) throw new Error(`spark-submit's process group ${childPid} is still alive after cancelling`);
      await page.waitForTimeout(600);
      await screenshot(page, "10-cancelled");
    });

    await check("a second run; the panel's run picker compares it with the first, query by query", async () => {
      const before = readState(workspace).runs.length;
      // The cancelled silver phase reruns, and with it gold and the report: a second report.
      await runCommandFromPalette(page, "Lakehouse: Run Lakehouse Benchmark");
      const second = await waitForRun(workspace, before, RUN_TIMEOUT_MS);
      if (second.status !== "completed") throw new Error(`the second run ended ${second.status}`);
      const secondModel = readSummary(readState(workspace));
      await runCommandFromPalette(page, "Lakehouse: Open Report");
      await reportFrame(page).locator(`#app[data-rendered="${secondModel.benchmarkId}"]`).waitFor({ state: "attached", timeout: 60_000 });
      // Options read "2026-11-25 10:40 · SF 0.01 · …" (runLabel): the first run's start minute picks it.
      await pickComparison(page, state.runs[0].startedAt.slice(0, 16).replace("T", " "));
      // Iceberg was up to date: the second report carries the first run's query times, and says so.
      const icebergQueries = secondModel.measuredIn?.["spark.iceberg"]?.queries;
      if (icebergQueries !== model.benchmarkId) throw new Error(`spark.iceberg's queries measured in ${icebergQueries}, not ${model.benchmarkId}`);
      await checkComparison(page, secondModel, model);
      await rich(reportFrame(page).locator('[data-table="comparison"]')).scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await screenshot(page, "11-report-compare");
    });

    await check("an invalid .env value stops the run with an error naming the key", async () => {
      writeDotEnv(workspace, { ...SETTINGS, TPCH_SCALE_FACTOR: "abc" });
      await runCommandFromPalette(page, "Lakehouse: Run Lakehouse Benchmark");
      const message = await toast(page, /Invalid configuration/);
      if (!message.includes('TPCH_SCALE_FACTOR="abc"')) throw new Error(`message: ${message}`);
      await page.waitForTimeout(600);
      await screenshot(page, "12-invalid-env");
      writeDotEnv(workspace, SETTINGS);
    });

    await check("WORKLOAD=tpch-qphh: Refresh data and the power + throughput step appear, run live and complete in the tree; the panel shows the QphH chart", async () => {
      // Iceberg is loaded and queried already: only the refresh sets and the new test run.
      writeDotEnv(workspace, { ...SETTINGS, FRAMEWORKS: "iceberg", WORKLOAD: "tpch-qphh", QUERY_PARAMETERS: "generated" });
      const QPHH_ROWS = ["Bronze", "Refresh data", "Silver", "Iceberg", "Gold", "Iceberg: queries", "Iceberg: power + throughput (QphH)", "Report"];
      const names = (rows: string[]) => rows.map((r) => r.split(",")[0]).join("|");
      await waitForPhases(page, (rows) => names(rows) === QPHH_ROWS.join("|"), 60_000);
      const before = readState(workspace).runs.length;
      await runCommandFromPalette(page, "Lakehouse: Run Lakehouse Benchmark");
      await waitForPhases(page, (rows) => rows.some((r) => r.startsWith("Iceberg: power + throughput (QphH), running")), RUN_TIMEOUT_MS);
      await page.waitForTimeout(1_000);
      await screenshot(page, "13-qphh-running");
      const run = await waitForRun(workspace, before, RUN_TIMEOUT_MS);
      if (run.status !== "completed") throw new Error(`the tpch-qphh run ended ${run.status}`);
      const done = await waitForPhases(page, (rows) => rows.length === QPHH_ROWS.length && rows.every((r) => /, (completed|up to date)/.test(r)), 60_000);
      for (const row of ["Refresh data", "Iceberg: power + throughput (QphH)"]) {
        if (!done.some((r) => r.startsWith(`${row}, completed`))) throw new Error(`${row} did not complete: ${done.join(" / ")}`);
      }
      await screenshot(page, "14-qphh-completed");

      const qphhModel = readSummary(readState(workspace));
      const figures = qphhModel.qphh?.["spark.iceberg"];
      if (!figures?.qphhAtSize) throw new Error(`summary.json has no QphH@Size for spark.iceberg: ${JSON.stringify(figures)}`);
      await runCommandFromPalette(page, "Lakehouse: Open Report");
      await checkReportPanel(page, qphhModel);
      await checkQphhTable(page, qphhModel);
      await rich(reportFrame(page).locator('[data-chart="qphh"]')).scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await screenshot(page, "15-report-qphh");
      writeDotEnv(workspace, SETTINGS);
    });

    await check("WORKLOAD=lifecycle: the lifecycle step runs live in the tree with its rounds; the panel shows the degradation chart with one line per target", async () => {
      // Both formats are loaded and the refresh sets exist: only two queries and one round run,
      // so the step costs one Spark job per target (and the two queries' own, for the new QUERIES).
      // Side by side: on 2 cores one Spark application leaves a core idle much of the time.
      writeDotEnv(workspace, { ...SETTINGS, WORKLOAD: "lifecycle", LIFECYCLE_ROUNDS: "1", QUERIES: "1,6", FRAMEWORK_PARALLELISM: "2" });
      const started = Date.now();
      const lifecycleRow = /^(Parquet|Iceberg): lifecycle \(rounds of change\), /;
      await waitForPhases(page, (rows) => rows.filter((r) => lifecycleRow.test(r)).length === 2, 60_000);
      const before = readState(workspace).runs.length;
      await runCommandFromPalette(page, "Lakehouse: Run Lakehouse Benchmark");
      // The rounds show in the running row's description ("round 1 of 1 · RF1 0.812 s"); poll until one did or the run ended.
      let live: string | undefined;
      await waitForPhases(page, (rows) => {
        live ??= rows.find((r) => lifecycleRow.test(r) && /, running, (round [01] of 1|time travel|maintenance|after maintenance)/.test(r));
        return live !== undefined || (readState(workspace).runs[before]?.status ?? "running") !== "running";
      }, RUN_TIMEOUT_MS);
      if (!live) throw new Error(`no lifecycle row showed its round while it ran (the run ended ${readState(workspace).runs[before]?.status})`);
      console.log(`  live: ${live}`);
      await screenshot(page, "19-lifecycle-running");
      const run = await waitForRun(workspace, before, RUN_TIMEOUT_MS);
      if (run.status !== "completed") throw new Error(`the lifecycle run ended ${run.status}`);
      const done = await waitForPhases(page, (rows) => rows.filter((r) => lifecycleRow.test(r) && r.includes(", completed, ")).length === 2, 60_000);
      console.log(`  lifecycle run finished in ${((Date.now() - started) / 1000).toFixed(0)} s: ${done.filter((r) => lifecycleRow.test(r)).join(" / ")}`);

      const lifecycleModel = readSummary(readState(workspace));
      await runCommandFromPalette(page, "Lakehouse: Open Report");
      await reportFrame(page).locator(`#app[data-rendered="${lifecycleModel.benchmarkId}"]`).waitFor({ state: "attached", timeout: 60_000 });
      await checkLifecyclePanel(page, lifecycleModel);
      await rich(reportFrame(page).locator('[data-chart="lifecycle-degradation"]')).scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await screenshot(page, "20-report-lifecycle");
      writeDotEnv(workspace, SETTINGS);
    });
  });
}

async function untrustedScenario(root: string, extensionDir: string): Promise<void> {
  const workspace = makeWorkspace(root, "untrusted-workspace");
  await inVsCodeHost("untrusted", { extensionDir, workspaceDir: workspace, workspaceTrust: true, settings: HOST_SETTINGS }, async (host) => {
    const { page } = host;
    await check("an untrusted workspace: the views say why, and nothing runs", async () => {
      const dontTrust = page.getByRole("button", { name: /No, I don't trust the authors/ });
      await dontTrust.waitFor({ state: "visible", timeout: 30_000 }).then(() => dontTrust.click(), () => undefined);
      await openLakehouseView(page);
      await page.getByText(/Restricted Mode/).first().waitFor({ state: "visible", timeout: 60_000 });
      await screenshot(page, "16-untrusted");
      await tryPalette(page, "Lakehouse: Run Lakehouse Benchmark");
      await page.waitForTimeout(8_000);
      const ran = [".lakebench", "lakehouse-data"].filter((d) => existsSync(join(workspace, d)));
      if (ran.length) throw new Error(`something ran: ${ran.join(", ")} appeared`);
      if ((await phaseRows(page)).length) throw new Error("the Phases tree shows phases in Restricted Mode");
    });
  });
}

async function welcomeScenario(root: string, extensionDir: string): Promise<void> {
  const workspace = join(root, "new-workspace");
  mkdirSync(workspace, { recursive: true });
  await inVsCodeHost("welcome", { extensionDir, workspaceDir: workspace, settings: HOST_SETTINGS }, async (host) => {
    const { page } = host;
    await check("a folder without .env: the view offers to create it from the example", async () => {
      await openLakehouseView(page);
      await page.getByText(/No configuration yet/).first().waitFor({ state: "visible", timeout: 60_000 });
      await screenshot(page, "17-welcome-no-configuration");
      await page.getByRole("button", { name: "Create .env from Example" }).first().click();
      // The example configures four formats (iceberg, delta, hudi, parquet), one target each: 12 rows.
      await waitForPhases(page, (rows) => rows.length === 12 && rows[0].startsWith("Bronze, pending"), 60_000);
      const created = readFileSync(join(workspace, ".env"), "utf8");
      if (!created.includes("TPCH_SCALE_FACTOR=")) throw new Error(".env was not created from the example");
      await page.waitForTimeout(800);
      await screenshot(page, "18-env-created");
    });
  });
}

const readState = (workspace: string) => JSON.parse(readFileSync(join(workspace, ".lakebench", "state.json"), "utf8")) as StateFile;

/** The report model the latest report phase wrote. */
function readSummary(state: StateFile): ReportModel {
  const summaryFile = state.phases.report?.result?.summary as string | undefined;
  if (!summaryFile) throw new Error("the report phase left no summary.json");
  return JSON.parse(readFileSync(summaryFile, "utf8")) as ReportModel;
}

/** The run recorded after the first `known` runs, once it has ended. */
async function waitForRun(workspace: string, known: number, timeoutMs: number): Promise<RunRecord> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 1_000))) {
    const run = readState(workspace).runs[known];
    if (run && run.status !== "running") return run;
  }
  throw new Error(`no run ended within ${timeoutMs / 1000} s`);
}

/** The process group core started for a running phase (state.json records it). */
async function waitForChild(workspace: string, phase: string): Promise<number> {
  for (let i = 0; i < 120; i++) {
    const state = readState(workspace);
    const pid = state.phases[phase]?.childPid;
    if (pid) return pid;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${phase} never recorded a child process`);
}

/** Whether the whole process group is gone within the time given. */
async function gone(pgid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
  }
  return false;
}

/** Like runCommandFromPalette, but a command the palette does not offer is not a failure. */
async function tryPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press("F1");
  await page.locator(".quick-input-widget input").waitFor({ state: "visible" });
  await page.keyboard.type(title);
  await page.waitForTimeout(2_000);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}

async function main(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), "lakebench-ext-e2e-"));
  let unexpected = 0;
  try {
    const extensionDir = unpackVsix(process.env.LAKEBENCH_VSIX ?? "", join(root, "vsix"));
    const scenarios = { welcome: welcomeScenario, benchmark: benchmarkScenario, untrusted: untrustedScenario };
    for (const [name, scenario] of Object.entries(scenarios)) {
      if (process.env.LAKEBENCH_E2E_ONLY && process.env.LAKEBENCH_E2E_ONLY !== name) continue;
      // Scenarios are independent: a failure in one does not skip the other.
      await scenario(root, extensionDir).catch((error) => {
        console.error(error);
        if (!counted(error)) unexpected++;
      });
    }
  } finally {
    if (process.env.LAKEBENCH_E2E_KEEP !== "1") rmSync(root, { recursive: true, force: true });
  }
  return unexpected;
}

main().then(
  (unexpected) => summary("extension e2e", unexpected),
  (error) => {
    console.error(error);
    summary("extension e2e", 1);
  },
);
