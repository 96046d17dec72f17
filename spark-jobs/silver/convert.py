"""Silver job: converts every bronze TPC-H table into one format variant, in one SparkSession.

An untimed warm-up write (silver/warmup.py) comes first, so that no table's seconds
include the session's start-up; its seconds are reported as warmup_seconds.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common.progress import emit  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.session import build_session  # noqa: E402
from common.tpch import TABLES  # noqa: E402
from formats import FORMAT_IDS, table_format_for, variant  # noqa: E402
from formats.table_format import TableFormat  # noqa: E402
from silver.warmup import warm_up  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--format", required=True, choices=FORMAT_IDS, help="format id (variant)")
    parser.add_argument("--bronze-dir", required=True)
    parser.add_argument("--silver-root", required=True, help="<data>/silver/<format id>")
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--codec", required=True)
    parser.add_argument("--output", required=True, help="JSON result file")
    parser.add_argument("--tables", default=",".join(TABLES))
    parser.add_argument("--option", action="append", default=[], help="format option key=value")
    return parser.parse_args(argv)


def convert(table_format: TableFormat, bronze_dir: str, tables: list[str]) -> dict:
    """Warms the session up, then loads and measures each table: the job's result."""
    warmup_seconds = warm_up(table_format, bronze_dir)
    emit("warmup_done", seconds=warmup_seconds)
    results = {}
    for table in tables:
        source = table_format.spark.read.parquet(os.path.join(bronze_dir, table))
        started = time.perf_counter()
        table_format.write(source, table)
        seconds = time.perf_counter() - started
        stats = table_format.stats(table)
        results[table] = {"seconds": seconds, **stats.__dict__}
        emit("table_done", table=table, **results[table])
    return {"warmup_seconds": warmup_seconds, "tables": results}


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    options = dict(item.split("=", 1) for item in args.option)
    variant(args.format).family.check_options(options)
    spark = build_session(f"lakebench-silver-{args.format}", args.format, args.codec, args.silver_root)
    table_format = table_format_for(args.format, spark, args.silver_root, args.namespace, args.codec, options)
    loaded = convert(table_format, args.bronze_dir, args.tables.split(","))
    write_json_atomically(args.output, {
        "format": args.format,
        "engine_version": spark.version,
        "options": options,
        "codec": args.codec,
        **loaded,
    })
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
