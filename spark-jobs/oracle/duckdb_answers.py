"""Oracle job: answers the same TPC-H queries with DuckDB straight from the bronze Parquet.

DuckDB shares no code with Spark or the table formats, so agreement with it is
independent evidence that every format returned the right answer.
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import duckdb  # noqa: E402

from common.answers import plain_rows, result_hash  # noqa: E402
from common.progress import emit  # noqa: E402
from common.queries import load_query, query_name, texts_hash  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.sql_quoting import quote_duckdb_identifier, quote_duckdb_string_literal  # noqa: E402
from common.tpch import TABLES  # noqa: E402


def register_bronze_views(connection, bronze_dir: str) -> None:
    """One view per TPC-H table over its bronze Parquet files."""
    for table in TABLES:
        # The files listed here, not a glob pattern: DuckDB would read a "[" in DATA_DIR as one.
        files = sorted(glob.glob(os.path.join(glob.escape(os.path.join(bronze_dir, table)), "*.parquet")))
        if not files:
            raise SystemExit(f"no Parquet files for table {table} in {bronze_dir}")
        listed = ", ".join(quote_duckdb_string_literal(f) for f in files)
        connection.execute(f"CREATE VIEW {quote_duckdb_identifier(table)} AS SELECT * FROM read_parquet([{listed}])")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bronze-dir", required=True)
    parser.add_argument("--scale-factor", required=True, type=float)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)

    connection = duckdb.connect()
    register_bronze_views(connection, args.bronze_dir)
    texts = {query_name(int(n)): load_query(int(n), args.scale_factor) for n in args.queries.split(",")}
    answers = {}
    for name, text in texts.items():
        started = time.perf_counter()
        try:
            cursor = connection.execute(text)
            rows = plain_rows(cursor.fetchall())
            columns = [column[0] for column in cursor.description]
        except duckdb.Error as error:
            answers[name] = {"error": f"{type(error).__name__}: {str(error).splitlines()[0]}"}
            emit("query_done", query=name, status="failed", error=answers[name]["error"])
            continue
        answers[name] = {"columns": columns, "rows": rows, "hash": result_hash(rows)}
        emit("query_done", query=name, status="completed", rows=len(rows),
             seconds=time.perf_counter() - started)
    write_json_atomically(args.output, {
        "engine": f"duckdb-{duckdb.__version__}",
        "queries_hash": texts_hash(texts),
        "queries": answers,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
