"""Gold job: runs the TPC-H queries on one format's silver tables in one SparkSession.

Each timed run is exactly one execution that collects the full result; warm-up runs
are executed the same way and reported apart. A failing query is recorded with its
error and the job goes on with the next one.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common.answers import plain_rows, result_hash  # noqa: E402
from common.formats import FORMATS  # noqa: E402
from common.progress import emit  # noqa: E402
from common.queries import load_query, query_name, texts_hash  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.session import build_session  # noqa: E402
from common.tpch import TABLES  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--framework", required=True, choices=sorted(FORMATS))
    parser.add_argument("--silver-root", required=True)
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--codec", required=True)
    parser.add_argument("--scale-factor", required=True, type=float)
    parser.add_argument("--queries", required=True, help="comma-separated query numbers")
    parser.add_argument("--warmup-runs", required=True, type=int)
    parser.add_argument("--iterations", required=True, type=int)
    parser.add_argument("--output", required=True, help="JSON metrics file")
    parser.add_argument("--answers", required=True, help="JSON answers file")
    parser.add_argument("--option", action="append", default=[])
    return parser.parse_args(argv)


def timed_collect(spark, text: str) -> tuple[float, list]:
    started = time.perf_counter()
    rows = spark.sql(text).collect()
    return time.perf_counter() - started, rows


def run_query(spark, name: str, text: str, warmups: int, iterations: int) -> tuple[dict, dict]:
    try:
        warmup_seconds = [timed_collect(spark, text)[0] for _ in range(warmups)]
        runs, rows = [], []
        for _ in range(iterations):
            seconds, rows = timed_collect(spark, text)
            runs.append(seconds)
        columns = list(spark.sql(text).columns)  # analysis only, not executed
    except Exception as error:  # noqa: BLE001 - any engine error is recorded, not raised
        message = str(error).strip().splitlines()[0][:500] if str(error).strip() else repr(error)
        return {"status": "failed", "error": f"{type(error).__name__}: {message}"}, {}
    answer = plain_rows(rows)
    metrics = {
        "status": "completed",
        "warmup_seconds": warmup_seconds,
        "seconds": runs,
        "rows": len(answer),
        "hash": result_hash(answer),
    }
    return metrics, {"columns": columns, "rows": answer, "hash": metrics["hash"]}


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    options = dict(item.split("=", 1) for item in args.option)
    spark = build_session(f"lakebench-gold-{args.framework}", args.framework, args.codec, args.silver_root)
    table_format = FORMATS[args.framework](spark, args.silver_root, args.namespace, args.codec, options)
    for table in TABLES:
        table_format.read(table).createOrReplaceTempView(table)
    numbers = [int(n) for n in args.queries.split(",")]
    texts = {query_name(n): load_query(n, args.scale_factor) for n in numbers}
    metrics, answers = {}, {}
    for name, text in texts.items():
        metrics[name], answers[name] = run_query(spark, name, text, args.warmup_runs, args.iterations)
        emit("query_done", query=name, **{k: v for k, v in metrics[name].items() if k != "hash"})
    write_json_atomically(args.answers, {"engine": f"spark-{args.framework}", "queries": answers})
    write_json_atomically(args.output, {
        "framework": args.framework,
        "spark_version": spark.version,
        "queries_hash": texts_hash(texts),
        "warmup_runs": args.warmup_runs,
        "iterations": args.iterations,
        "queries": metrics,
    })
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
