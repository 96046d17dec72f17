#!/usr/bin/env bash
# End-to-end tests of the VS Code extension in a real VS Code host: installs what is missing
# (scripts/setup.sh for Spark and the CLI, scripts/install-vscode-host.sh for code-server,
# Chromium and playwright-core), packages the extension as a .vsix, then runs the host smoke
# test and the extension's scenarios (a real benchmark at SF 0.01 on Spark local mode, the
# report panel, an invalid .env, the power + throughput workload, an untrusted workspace).
# Screenshots: test-artifacts/e2e/.
# Takes about 10 minutes on 2 cores once everything is installed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

./scripts/setup.sh
HOST_ENV=$(./scripts/install-vscode-host.sh)
set -a
eval "$(grep '^LAKEBENCH_' <<<"$HOST_ENV")"
set +a

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
VSIX=$(./scripts/package-vsix.sh "$WORK/lakehouse-bench.vsix")

status=0
node test/e2e/run.mjs test/e2e/smoke.e2e.ts || status=1
LAKEBENCH_VSIX="$VSIX" node test/e2e/run.mjs test/e2e/extension.e2e.ts || status=1
exit $status
