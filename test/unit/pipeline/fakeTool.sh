#!/bin/bash
set -u
tool=$(basename "$0")
cache=$(cd "$(dirname "$0")/../.." && pwd)
FAIL_BRONZE=""; FAIL_SILVER=""; HANG_GOLD=""; SLOW_SILVER=""; MEET_SILVER=""
if [ -f "$cache/control.sh" ]; then . "$cache/control.sh"; fi
echo "$tool $*" >> "$cache/calls.log"

# The value after a flag: arg --output "$@"
arg() { local name=$1; shift; while [ $# -gt 1 ]; do if [ "$1" = "$name" ]; then echo "$2"; return; fi; shift; done; }
TABLES="nation:25 region:5 lineitem:600"
qname() { printf 'q%02d' "$1"; }
has() { case " $1 " in *" $2 "*) return 0;; esac; return 1; }

case "$tool" in
tpchgen-cli)
  if [ "$1" = "--version" ]; then echo "tpchgen-cli 9.9.9"; exit 0; fi
  out=$(arg --output-dir "$@")
  for t in $TABLES; do
    name=${t%%:*}; rows=${t##*:}
    mkdir -p "$out/$name"
    head -c $((rows * 3)) /dev/zero > "$out/$name/$name.1.parquet"
  done
  echo "generated 3 tables"
  if [ -n "$FAIL_BRONZE" ]; then echo "tpchgen-cli: No space left on device" >&2; exit 1; fi
  ;;
python)
  script=$1; shift
  case "$script" in
  */bronze/inspect_tables.py)
    dir=$(arg --bronze-dir "$@"); sep=""
    printf '{"tables":{'
    for t in $TABLES; do
      name=${t%%:*}; rows=${t##*:}; files=0; bytes=0
      for f in "$dir/$name"/*.parquet; do
        [ -e "$f" ] || continue
        files=$((files + 1)); bytes=$((bytes + $(stat -c %s "$f")))
      done
      printf '%s"%s":{"rows":%d,"files":%d,"bytes":%d}' "$sep" "$name" "$rows" "$files" "$bytes"; sep=","
    done
    printf '}}\n'
    ;;
  */oracle/duckdb_answers.py)
    output=$(arg --output "$@"); queries=$(arg --queries "$@"); sep=""
    mkdir -p "$(dirname "$output")"
    {
      printf '{"engine":"duckdb","queries":{'
      for n in ${queries//,/ }; do
        printf '%s"%s":{"columns":["answer"],"rows":[[%s]],"hash":"h%s"}' "$sep" "$(qname "$n")" "$(awk "BEGIN { print $n * 1.5 }")" "$n"; sep=","
      done
      printf '}}'
    } > "$output"
    ;;
  *) echo "fake python: unknown script $script" >&2; exit 2 ;;
  esac
  ;;
spark-submit)
  while [ $# -gt 0 ] && [[ "$1" != *.py ]]; do shift; done
  script=$1; shift
  fw=$(arg --format "$@")
  case "$script" in
  */silver/convert.py)
    if has "$FAIL_SILVER" "$fw"; then echo "Py4JJavaError: $fw exploded" >&2; exit 1; fi
    if [ -n "$SLOW_SILVER" ]; then
      echo "$fw start $(date +%s%3N)" >> "$cache/timeline.log"
      sleep "$SLOW_SILVER"
      echo "$fw end $(date +%s%3N)" >> "$cache/timeline.log"
    fi
    if has "$MEET_SILVER" "$fw"; then
      # Finish only once every listed format is converting too: proof they ran side by side.
      echo "$fw start $(date +%s%3N)" >> "$cache/timeline.log"
      touch "$cache/converting-$fw"
      for _ in $(seq 400); do
        met=1; for other in $MEET_SILVER; do [ -e "$cache/converting-$other" ] || met=""; done
        [ -n "$met" ] && break; sleep 0.05
      done
      if [ -z "$met" ]; then echo "fake spark-submit: $fw never ran alongside $MEET_SILVER (waited 20 s)" >&2; exit 1; fi
      echo "$fw end $(date +%s%3N)" >> "$cache/timeline.log"
    fi
    output=$(arg --output "$@"); sep=""
    mkdir -p "$(arg --silver-root "$@")/$(arg --namespace "$@")" "$(dirname "$output")"
    tables=""
    for t in $TABLES; do
      name=${t%%:*}; rows=${t##*:}
      tables="$tables$sep\"$name\":{\"seconds\":0.5,\"rows\":$rows,\"data_files\":1,\"data_bytes\":$((rows * 10)),\"metadata_bytes\":100}"; sep=","
      echo "LAKEBENCH_EVENT {\"event\":\"table_done\",\"table\":\"$name\",\"rows\":$rows,\"seconds\":0.5}"
    done
    printf '{"format":"%s","engine_version":"3.5.9","codec":"%s","options":{},"tables":{%s}}' "$fw" "$(arg --codec "$@")" "$tables" > "$output"
    ;;
  */gold/run_queries.py)
    output=$(arg --output "$@"); answers=$(arg --answers "$@"); queries=$(arg --queries "$@"); iterations=$(arg --iterations "$@")
    mkdir -p "$(dirname "$output")" "$(dirname "$answers")"
    if has "$HANG_GOLD" "$fw"; then
      echo '{"partial":true}' > "$output"
      echo 'LAKEBENCH_EVENT {"event":"hanging"}'
      while true; do sleep 1; done
    fi
    wrongvar="WRONG_${fw//-/_}"; wrong="${!wrongvar:-}"
    raw=""; ans=""; sep=""
    for n in ${queries//,/ }; do
      name=$(qname "$n")
      if has "$wrong" "$name"; then value=-1; hash=bad; else value=$(awk "BEGIN { print $n * 1.5 }"); hash="h$n"; fi
      seconds=$(awk -v n="$n" -v k="$iterations" 'BEGIN { split("0.2 0.21 0.19", f, " "); s = ""; for (i = 1; i <= k && i <= 3; i++) s = s (i > 1 ? "," : "") (f[i] * n); print "[" s "]" }')
      raw="$raw$sep\"$name\":{\"status\":\"completed\",\"warmup_seconds\":[0.3],\"seconds\":$seconds,\"rows\":1,\"hash\":\"$hash\"}"
      ans="$ans$sep\"$name\":{\"columns\":[\"answer\"],\"rows\":[[$value]],\"hash\":\"$hash\"}"; sep=","
      echo "LAKEBENCH_EVENT {\"event\":\"query_done\",\"query\":\"$name\",\"status\":\"completed\",\"seconds\":$seconds}"
    done
    printf '{"format":"%s","engine_version":"3.5.9","queries_hash":"qh","queries":{%s}}' "$fw" "$raw" > "$output"
    printf '{"engine":"spark","queries":{%s}}' "$ans" > "$answers"
    ;;
  *) echo "fake spark-submit: unknown script $script" >&2; exit 2 ;;
  esac
  ;;
esac
