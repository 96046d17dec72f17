#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh), then lint, typecheck,
# unit tests and the integration tests on real Spark, tpchgen-cli and DuckDB.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

./scripts/setup.sh
npx --no-install eslint src test
npx --no-install tsc --noEmit -p .
npx --no-install vitest run --project unit
npx --no-install vitest run --project integration
