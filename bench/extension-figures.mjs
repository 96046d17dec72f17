#!/usr/bin/env node
// Prints the VS Code extension's cost figures for a workspace with a history of N runs (default 50):
//   activation: loading dist/extension.js, activate(), and the first fill of the Phases and Runs
//     trees (state file read, models built, every TreeItem made), in Node with a stub `vscode`;
//   report render: the webview bundle (dist/webview.js) in Chromium, from the host's "report"
//     message to the page with all charts and grids drawn, for one run and for two compared.
// Needs `npm run build`, and for the render figure scripts/install-vscode-host.sh (Chromium, playwright-core).
// Usage: node bench/extension-figures.mjs [runs=50] [repeats=7]
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire, Module } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { makeHistory } from "./extension-fixture.mjs";
import { vscodeStub } from "./extension-vscode-stub.mjs";

const [runs = 50, repeats = 7] = process.argv.slice(2).map(Number);
const repo = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

const workspace = mkdtempSync(path.join(os.tmpdir(), "lakebench-ext-bench-"));
try {
  const history = makeHistory(workspace, runs);
  console.log(`Lakehouse Bench extension figures: ${runs} runs in the history, ${os.cpus().length} cores, median of ${repeats}`);
  await activationFigures();
  await renderFigures(history);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

async function activationFigures() {
  const load = [], activate = [], firstFill = [];
  for (let i = 0; i < repeats; i++) {
    const stub = vscodeStub(workspace);
    const original = Module._load;
    Module._load = function (request, ...rest) {
      return request === "vscode" ? stub.vscode : original.call(this, request, ...rest);
    };
    const file = path.join(repo, "dist", "extension.js");
    delete require.cache[file];
    try {
      let t = performance.now();
      const extension = require(file);
      load.push(performance.now() - t);
      t = performance.now();
      const runsTree = () => stub.trees["lakehouseBench.runs"];
      const context = { subscriptions: [], extensionUri: stub.vscode.Uri.file(repo) };
      extension.activate(context);
      activate.push(performance.now() - t);
      // The trees fill when the first state read completes: wait until the Runs tree has every run.
      while (runsTree().getChildren().length < runs) await new Promise((r) => setImmediate(r));
      for (const id of ["lakehouseBench.phases", "lakehouseBench.runs"]) {
        const walk = (nodes) => nodes.forEach((n) => (stub.trees[id].getTreeItem(n), walk(stub.trees[id].getChildren(n))));
        walk(stub.trees[id].getChildren());
      }
      firstFill.push(performance.now() - t);
      extension.deactivate();
      context.subscriptions.forEach((s) => s.dispose?.());
    } finally {
      Module._load = original;
    }
  }
  console.log(`activation: load dist/extension.js ${ms(median(load))} (first ${ms(load[0])}), activate() ${ms(median(activate))}, views filled with ${runs} runs ${ms(median(firstFill))} after activate() started`);
}

async function renderFigures(history) {
  const playwrightDir = process.env.LAKEBENCH_PLAYWRIGHT ?? path.join(os.homedir(), ".cache", "lakebench", "vscode-host", "playwright", "node_modules");
  const chromium = process.env.LAKEBENCH_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(path.join(playwrightDir, "playwright-core")) || !existsSync(chromium)) {
    console.log("report render: skipped (run scripts/install-vscode-host.sh for Chromium and playwright-core)");
    return;
  }
  const { chromium: launcher } = createRequire(path.join(playwrightDir, "playwright-core", "package.json"))("playwright-core");
  const page = path.join(workspace, "report.html");
  // The webview's page, with a stand-in for VS Code's acquireVsCodeApi that records what the page posts.
  writeFileSync(page, `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(path.join(repo, "dist", "codicons", "codicon.css"))}">
<link rel="stylesheet" href="${pathToFileURL(path.join(repo, "media", "report.css"))}">
<script>window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => {} });</script>
</head><body class="vscode-dark"><main id="app"></main><script src="${pathToFileURL(path.join(repo, "dist", "webview.js"))}"></script></body></html>`);
  const browser = await launcher.launch({ executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"] });
  try {
    const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const started = Date.now();
    await tab.goto(pathToFileURL(page).toString());
    await tab.waitForFunction(() => window.posted.some((m) => m.type === "ready"));
    const boot = Date.now() - started;
    const model = (id) => JSON.parse(readFileSync(history.summaryOf(id), "utf8"));
    const choices = [...history.ids].reverse().map((id) => ({ benchmarkId: id, startedAt: model(id).createdAt, scaleFactor: 1, frameworks: model(id).frameworks, status: "completed" }));
    await tab.evaluate((runs) => window.postMessage({ type: "runs", runs, selection: { primary: runs[0].benchmarkId } }, "*"), choices);
    const render = async (primary, compare) =>
      tab.evaluate(
        ({ primary, compare }) =>
          new Promise((resolve) => {
            const app = document.getElementById("app");
            const t = performance.now();
            const observer = new MutationObserver(() => {
              if (app.dataset.rendered !== primary.benchmarkId) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve({ ms: performance.now() - t, cells: app.querySelectorAll("vscode-table-cell").length, charts: app.querySelectorAll("canvas").length }));
            });
            observer.observe(app, { attributes: true, attributeFilter: ["data-rendered"] });
            delete app.dataset.rendered;
            window.postMessage({ type: "report", selection: { primary: primary.benchmarkId, compare: compare?.benchmarkId }, primary, compare }, "*");
          }),
        { primary, compare },
      );
    for (const [label, pick] of [["one run", (i) => [model(history.ids[i % runs])]], ["two runs compared", (i) => [model(history.ids[i % runs]), model(history.ids[(i + 1) % runs])]]]) {
      const times = [];
      let last;
      for (let i = 0; i < repeats; i++) {
        last = await render(...pick(i));
        times.push(last.ms);
      }
      console.log(`report render, ${label}: ${ms(median(times))} (first ${ms(times[0])}; ${last.charts} charts, ${last.cells} grid cells; run picker with ${runs} runs)`);
    }
    console.log(`report webview boot (script load to "ready"): ${boot} ms`);
  } finally {
    await browser.close();
  }
}
