// Smoke test of the VS Code host harness: a throwaway extension contributes
// "Lakehouse Smoke: Hello", we run it from the command palette in code-server and check that its
// notification shows. Prints "1 passed, 0 failed" (or "0 passed, 1 failed" and exits 1).
//
// Run (after scripts/install-vscode-host.sh):
//   node test/e2e/run.mjs test/e2e/smoke.e2e.ts
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommandFromPalette, screenshot, startVsCodeHost, type VsCodeHost } from "./vscodeHost";

const MESSAGE = "Hello from Lakehouse Smoke";

function makeExtension(root: string): string {
  const dir = join(root, "smoke-extension");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({
    name: "lakehouse-smoke",
    displayName: "Lakehouse Smoke",
    publisher: "lakehouse-bench",
    version: "0.0.1",
    engines: { vscode: "^1.90.0" },
    main: "./extension.js",
    activationEvents: ["onCommand:lakehouseSmoke.hello"],
    contributes: { commands: [{ command: "lakehouseSmoke.hello", title: "Hello", category: "Lakehouse Smoke" }] },
  }, null, 2));
  writeFileSync(join(dir, "extension.js"), `const vscode = require("vscode");
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand("lakehouseSmoke.hello", () =>
    vscode.window.showInformationMessage(${JSON.stringify(MESSAGE)})));
};
exports.deactivate = () => {};
`);
  return dir;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "lakebench-smoke-"));
  const workspace = join(root, "workspace");
  mkdirSync(workspace);
  writeFileSync(join(workspace, "README.md"), "# smoke workspace\n");
  let host: VsCodeHost | undefined;
  const started = Date.now();
  try {
    host = await startVsCodeHost({ extensionDir: makeExtension(root), workspaceDir: workspace });
    console.log(`workbench up at ${host.url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await runCommandFromPalette(host.page, "Lakehouse Smoke: Hello");
    const toast = host.page.locator(".notification-toast .notification-list-item-message", { hasText: MESSAGE }).first();
    await toast.waitFor({ state: "visible", timeout: 30_000 });
    assert.equal((await toast.innerText()).trim(), MESSAGE);
    await host.page.waitForTimeout(600); // let the toast's fade-in finish before the screenshot
    console.log(`screenshot: ${await screenshot(host.page, "smoke-hello")}`);
  } catch (err) {
    if (host) await screenshot(host.page, "smoke-hello-failure").then((f) => console.error(`failure screenshot: ${f}`), () => undefined);
    throw err;
  } finally {
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => console.log("smoke: 1 passed, 0 failed"),
  (err) => { console.error(err); console.log("smoke: 0 passed, 1 failed"); process.exitCode = 1; },
);
