#!/usr/bin/env bash
# Builds the extension (esbuild) and packages it as lakehouse-bench-<version>.vsix with
# @vscode/vsce (a devDependency, from npm). The .vsix holds only what .vscodeignore lets in:
# the bundles carry every npm dependency, so node_modules stays out (--no-dependencies).
# Usage: scripts/package-vsix.sh [output.vsix]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

VERSION=$(node -p 'require("./package.json").version')
OUT=${1:-"$ROOT/lakehouse-bench-$VERSION.vsix"}

[[ -x node_modules/.bin/vsce ]] || npm ci --no-audit --no-fund
npm run --silent build
# No repository field yet: say so instead of letting vsce stop and ask.
# The extension's own page is docs/extension.md (the root README describes the whole project).
node_modules/.bin/vsce package --no-dependencies --allow-missing-repository \
  --readme-path docs/extension.md --no-rewrite-relative-links --out "$OUT" >&2
echo "$OUT"
