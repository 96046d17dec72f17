// The extension under test is the packaged .vsix, unpacked as VS Code installs it (a .vsix is a
// zip whose extension/ folder is the installed extension), so .vscodeignore is tested too.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export function unpackVsix(vsix: string, into: string): string {
  let file = vsix;
  if (!file) {
    // No package given: build one, as scripts/test-e2e.sh does.
    file = join(into, "lakehouse-bench.vsix");
    execFileSync("bash", [resolve("scripts/package-vsix.sh"), file], { stdio: ["ignore", "ignore", "inherit"] });
  }
  if (!existsSync(file)) throw new Error(`no .vsix at ${file}: run scripts/package-vsix.sh`);
  execFileSync("python3", ["-m", "zipfile", "-e", file, into]);
  const dir = join(into, "extension");
  if (!existsSync(join(dir, "dist", "extension.js"))) throw new Error(`${file} has no extension/dist/extension.js`);
  return dir;
}
