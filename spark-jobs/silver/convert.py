"""Silver job: converts every bronze TPC-H table into one table format, in one SparkSession."""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common.formats import FORMATS  # noqa: E402
from common.progress import emit  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.session import build_session  # noqa: E402
from common.tpch import TABLES  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--framework", required=True, choices=sorted(FORMATS))
    parser.add_argument("--bronze-dir", required=True)
    parser.add_argument("--silver-root", required=True, help="<data>/silver/<framework>")
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--codec", required=True)
    parser.add_argument("--output", required=True, help="JSON result file")
    parser.add_argument("--tables", default=",".join(TABLES))
    parser.add_argument("--option", action="append", default=[], help="format option key=value")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    options = dict(item.split("=", 1) for item in args.option)
    spark = build_session(f"lakebench-silver-{args.framework}", args.framework, args.codec, args.silver_root)
    table_format = FORMATS[args.framework](spark, args.silver_root, args.namespace, args.codec, options)
    results = {}
    for table in args.tables.split(","):
        source = spark.read.parquet(os.path.join(args.bronze_dir, table))
        started = time.perf_counter()
        table_format.write(source, table)
        seconds = time.perf_counter() - started
        stats = table_format.stats(table)
        results[table] = {"seconds": seconds, **stats.__dict__}
        emit("table_done", table=table, **results[table])
    write_json_atomically(args.output, {
        "framework": args.framework,
        "spark_version": spark.version,
        "options": options,
        "codec": args.codec,
        "tables": results,
    })
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
