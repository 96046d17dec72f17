"""Reads the Parquet footers of the generated bronze tables: rows, files and bytes per table."""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import duckdb  # noqa: E402

from common.tpch import TABLES  # noqa: E402


def inspect(bronze_dir: str) -> dict[str, dict[str, int]]:
    connection = duckdb.connect()
    tables = {}
    for table in TABLES:
        files = sorted(glob.glob(os.path.join(glob.escape(os.path.join(bronze_dir, table)), "*.parquet")))
        if not files:
            raise SystemExit(f"no Parquet files for table {table} in {bronze_dir}")
        rows = connection.execute(
            "SELECT sum(num_rows) FROM parquet_file_metadata(?)", [files]
        ).fetchone()[0]
        tables[table] = {
            "rows": int(rows),
            "files": len(files),
            "bytes": sum(os.path.getsize(f) for f in files),
        }
    return tables


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bronze-dir", required=True)
    args = parser.parse_args(argv)
    print(json.dumps({"tables": inspect(args.bronze_dir)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
