# Sourced by the scripts: sets CACHE, where heavy downloads live (outside the repository).
# LAKEBENCH_CACHE_DIR from the environment, else from .env, else ~/.cache/lakebench.
if [[ -z "${LAKEBENCH_CACHE_DIR:-}" && -f "$ROOT/.env" ]]; then
  LAKEBENCH_CACHE_DIR=$(sed -n 's/^LAKEBENCH_CACHE_DIR=//p' "$ROOT/.env" | tail -n 1)
fi
CACHE=${LAKEBENCH_CACHE_DIR:-$HOME/.cache/lakebench}
CACHE=${CACHE/#\~/$HOME}
