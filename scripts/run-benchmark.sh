#!/usr/bin/env bash
# The quick start: installs what is missing, then runs the whole benchmark on Spark local
# mode at a small scale factor (all four formats) and prints where the report is.
# Extra arguments go to `lakebench run`, e.g. --scale-factor 1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

"$ROOT/scripts/setup.sh"
exec node "$ROOT/dist/cli.js" run --workspace "$PWD" --scale-factor 0.1 "$@"
