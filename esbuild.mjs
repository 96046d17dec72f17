// Bundles the CLI (and, later, the extension and webview) into dist/ with esbuild.
import { build } from "esbuild";

const shared = { bundle: true, platform: "node", target: "node20", format: "cjs", sourcemap: true, logLevel: "warning" };

await build({ ...shared, entryPoints: ["src/cli/index.ts"], outfile: "dist/cli.js" });
