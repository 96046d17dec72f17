#!/usr/bin/env bash
# Installs what Lakehouse Bench needs and is missing: npm packages, a Python venv with the
# pinned pyspark/tpchgen-cli/duckdb, the Iceberg/Delta/Hudi jars (checksums verified), then
# builds the CLI. Safe to rerun: finished steps are skipped. Heavy downloads are cached in
# $LAKEBENCH_CACHE_DIR (default ~/.cache/lakebench), outside the repository.
#   --toolchain-only   only Java check, venv and jars (what an installed extension needs;
#                      also chosen when there is no package-lock.json to build from)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/cache-dir.sh
source "$ROOT/scripts/cache-dir.sh"
MAVEN_REPOSITORY=${MAVEN_REPOSITORY:-https://repo1.maven.org/maven2}

say() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

check_java() {
  command -v java >/dev/null || fail "Java is not installed. Spark 3.5 needs Java 17: on Debian/Ubuntu run 'sudo apt-get install -y openjdk-17-jdk-headless', or set JAVA_HOME to a JDK 17."
  local version
  version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  [[ "$version" == "17" ]] || fail "Java $version found; Lakehouse Bench needs Java 17 (Spark 3.5 supports 8, 11 and 17; the format jars are pinned for 17). Install openjdk-17-jdk-headless and put it first on PATH (or set JAVA_HOME)."
  say "Java 17 found"
}

check_node() {
  command -v node >/dev/null || fail "Node.js 20 or newer is needed: https://nodejs.org or 'apt-get install nodejs npm'."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  (( major >= 20 )) || fail "Node.js $major found; Lakehouse Bench needs Node.js 20 or newer."
}

install_npm_packages() {
  if [[ ! -f "$ROOT/node_modules/.package-lock.json" || "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]]; then
    say "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

install_python() {
  local python stamp
  python=$(command -v python3.11 || command -v python3 || true)
  [[ -n "$python" ]] || fail "Python 3 is needed (3.9-3.11 for pyspark 3.5): 'apt-get install python3 python3-venv'."
  stamp=$(sha256sum "$ROOT/spark-jobs/requirements.txt" | cut -c1-16)
  if [[ "$(cat "$CACHE/venv/.lakebench-stamp" 2>/dev/null)" != "$stamp" ]]; then
    say "creating the Python venv in $CACHE/venv (pyspark, tpchgen-cli, duckdb)"
    rm -rf "$CACHE/venv"
    "$python" -m venv "$CACHE/venv" || fail "could not create a venv: install python3-venv."
    "$CACHE/venv/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/spark-jobs/requirements.txt"
    echo "$stamp" > "$CACHE/venv/.lakebench-stamp"
  fi
  say "Python venv ready: $("$CACHE/venv/bin/python" -c 'import pyspark, duckdb; print("pyspark", pyspark.__version__, "duckdb", duckdb.__version__)')"
}

install_jars() {
  mkdir -p "$CACHE/jars"
  local family coordinates sha1 group artifact version file url
  while read -r family coordinates sha1; do
    [[ -z "$family" || "$family" == \#* ]] && continue
    IFS=: read -r group artifact version <<< "$coordinates"
    file="$CACHE/jars/$artifact-$version.jar"
    if [[ -f "$file" ]] && echo "$sha1  $file" | sha1sum --check --status; then continue; fi
    url="$MAVEN_REPOSITORY/${group//.//}/$artifact/$version/$artifact-$version.jar"
    say "downloading $coordinates ($family)"
    curl --fail --silent --show-error --location --retry 3 --output "$file.part" "$url" || fail "download failed: $url"
    echo "$sha1  $file.part" | sha1sum --check --status || { rm -f "$file.part"; fail "checksum mismatch for $url"; }
    mv "$file.part" "$file"
  done < "$ROOT/spark-jobs/jars.txt"
  say "format jars ready in $CACHE/jars"
}

build() {
  (cd "$ROOT" && npm run --silent build)
  say "built dist/cli.js"
}

TOOLCHAIN_ONLY=false
[[ "${1:-}" == "--toolchain-only" || ! -f "$ROOT/package-lock.json" ]] && TOOLCHAIN_ONLY=true

mkdir -p "$CACHE"
check_java
install_python
install_jars
if [[ "$TOOLCHAIN_ONLY" == false ]]; then
  check_node
  install_npm_packages
  build
fi
