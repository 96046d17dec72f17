#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh, plus the compose tool used to
# validate docker-compose.yml), then lint, typecheck, unit tests, the Spark jobs' tests, the
# integration tests on real Spark (local mode and a standalone cluster on 127.0.0.1),
# tpchgen-cli and DuckDB, and the extension end to end in a real VS Code host
# (scripts/test-e2e.sh installs code-server, Chromium and playwright-core itself).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

./scripts/setup.sh
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
  echo "[test] installing docker-compose (Debian package) to validate docker-compose.yml"
  sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
  sudo_if_needed apt-get update -qq && sudo_if_needed apt-get install -y -qq docker-compose >/dev/null
fi

npx --no-install eslint src test webview
npx --no-install depcruise src webview --config .dependency-cruiser.cjs
npx --no-install tsc --noEmit -p .
npx --no-install tsc --noEmit -p tsconfig.webview.json
npx --no-install vitest run --project unit
# shellcheck source=scripts/cache-dir.sh
source "$ROOT/scripts/cache-dir.sh"
SPARK_HOME=$("$CACHE/venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))') \
  "$CACHE/venv/bin/python" -m pytest -q -p no:cacheprovider spark-jobs/tests
npx --no-install vitest run --project integration
./scripts/test-e2e.sh
