// Bundles the CLI, the VS Code extension and the report webview into dist/ with esbuild.
import { cpSync } from "node:fs";
import { build } from "esbuild";

// ssh2 (under dockerode) loads optional native addons inside try/catch: leave them out.
const shared = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  external: ["cpu-features", "*.node"],
};

await build({ ...shared, entryPoints: ["src/cli/index.ts"], outfile: "dist/cli.js" });

// The extension host loads dist/extension.js; `vscode` is provided by VS Code at run time.
await build({ ...shared, entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: [...shared.external, "vscode"] });

// The report webview runs in the browser: one script with chart.js and the vscode-elements it uses.
await build({
  entryPoints: ["webview/main.ts"],
  outfile: "dist/webview.js",
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "chrome120",
  minify: true,
  sourcemap: true,
  logLevel: "warning",
});
// The codicon font, served from the extension (the webview's CSP allows no other origin).
cpSync("node_modules/@vscode/codicons/dist/codicon.css", "dist/codicons/codicon.css");
cpSync("node_modules/@vscode/codicons/dist/codicon.ttf", "dist/codicons/codicon.ttf");
