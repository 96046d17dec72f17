"""Gold job: runs the TPC-H queries on one format variant's silver tables in one SparkSession.

Each timed run is exactly one execution that collects the full result, with its planning
time recorded apart; warm-up runs are executed the same way and reported apart. The number
of timed runs is fixed or, with --iteration-mode auto, chosen per query (gold/iteration_policy.py).
A failing query is recorded with its error and the job goes on with the next one.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common.answers import plain_rows, result_hash  # noqa: E402
from common.job_args import add_silver_read_args  # noqa: E402
from common.progress import emit  # noqa: E402
from common.queries import load_query, query_name, texts_hash  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.session import build_session, settings_in_effect  # noqa: E402
from common.tpch import TABLES  # noqa: E402
from formats import table_format_for, variant  # noqa: E402
from gold.iteration_policy import IterationPolicy  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    add_silver_read_args(parser)
    parser.add_argument("--queries", required=True, help="comma-separated query numbers")
    parser.add_argument("--warmup-runs", required=True, type=int)
    parser.add_argument("--iterations", required=True, type=int, help="timed runs; the minimum in auto mode")
    parser.add_argument("--iteration-mode", choices=["fixed", "auto"], default="fixed")
    parser.add_argument("--max-iterations", type=int, help="auto mode: the cap")
    parser.add_argument("--target-relative-half-width", type=float,
                        help="auto mode: stop when the median's 95 %% interval is within +- this fraction")
    parser.add_argument("--output", required=True, help="JSON metrics file")
    parser.add_argument("--answers", required=True, help="JSON answers file")
    parser.add_argument("--option", action="append", default=[])
    return parser.parse_args(argv)


@dataclass
class TimedRun:
    planning_seconds: float
    seconds: float  # planning + execution
    rows: list
    columns: list[str]


def timed_collect(spark, text: str) -> TimedRun:
    """One run, split at the moment the physical plan exists.

    spark.sql() parses and analyses eagerly; asking for executedPlan then runs optimisation
    and physical planning (where Delta replays its log and lists the files to scan, and
    Iceberg reads its manifests). collect() on the same DataFrame reuses that QueryExecution,
    whose plan is computed once, so the run stays exactly one execution that collects the
    full result. Both parts come from one clock, so planning + execution is the total.
    (Spark's QueryPlanningTracker gives the same phases, but it leaves out the time between
    them and would make the split come from a different clock than the total.)
    """
    started = time.perf_counter()
    df = spark.sql(text)
    df._jdf.queryExecution().executedPlan()
    planned = time.perf_counter()
    rows = df.collect()
    return TimedRun(planned - started, time.perf_counter() - started, rows, list(df.columns))


def run_query(spark, name: str, text: str, warmups: int, policy: IterationPolicy) -> tuple[dict, dict]:
    try:
        warmup_seconds = [timed_collect(spark, text).seconds for _ in range(warmups)]
        runs: list[TimedRun] = []
        stopped_by = None
        while stopped_by is None:
            runs.append(timed_collect(spark, text))
            stopped_by = policy.stop_reason([run.seconds for run in runs])
    except Exception as error:  # noqa: BLE001 - any engine error is recorded, not raised
        message = str(error).strip().splitlines()[0][:500] if str(error).strip() else repr(error)
        return {"status": "failed", "error": f"{type(error).__name__}: {message}"}, {}
    answer = plain_rows(runs[-1].rows)
    metrics = {
        "status": "completed",
        "warmup_seconds": warmup_seconds,
        "seconds": [run.seconds for run in runs],
        "planning_seconds": [run.planning_seconds for run in runs],
        "stopped_by": stopped_by,
        "rows": len(answer),
        "hash": result_hash(answer),
    }
    return metrics, {"columns": runs[-1].columns, "rows": answer, "hash": metrics["hash"]}


def iteration_policy(args: argparse.Namespace) -> IterationPolicy:
    if args.iteration_mode == "fixed":
        return IterationPolicy(args.iterations)
    if args.max_iterations is None or args.target_relative_half_width is None:
        raise SystemExit("--iteration-mode auto needs --max-iterations and --target-relative-half-width")
    return IterationPolicy(args.iterations, args.max_iterations, args.target_relative_half_width)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    policy = iteration_policy(args)
    options = dict(item.split("=", 1) for item in args.option)
    variant(args.format).family.check_options(options)
    spark = build_session(f"lakebench-gold-{args.format}", args.format, args.codec, args.silver_root)
    table_format = table_format_for(args.format, spark, args.silver_root, args.namespace, args.codec, options)
    for table in TABLES:
        table_format.read(table).createOrReplaceTempView(table)
    numbers = [int(n) for n in args.queries.split(",")]
    texts = {query_name(n): load_query(n, args.scale_factor) for n in numbers}
    metrics, answers = {}, {}
    for name, text in texts.items():
        metrics[name], answers[name] = run_query(spark, name, text, args.warmup_runs, policy)
        emit("query_done", query=name, **{k: v for k, v in metrics[name].items() if k != "hash"})
    settings = settings_in_effect(spark, args.format, args.codec)
    write_json_atomically(args.answers, {"engine": f"spark-{args.format}", "queries": answers})
    write_json_atomically(args.output, {
        "format": args.format,
        "engine_version": spark.version,
        "queries_hash": texts_hash(texts),
        "warmup_runs": args.warmup_runs,
        "iterations": args.iterations,
        "iteration_mode": policy.mode,
        "max_iterations": policy.maximum,
        "target_relative_half_width": policy.target_relative_half_width,
        "queries": metrics,
        # What the session set, common to every format and this format's own with the variant's
        # table properties (common/session.py).
        "common_settings": settings["common"],
        "format_settings": settings["format"],
    })
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
