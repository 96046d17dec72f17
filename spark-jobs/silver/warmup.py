"""The untimed scratch write each silver session does before its first timed table.

A session's first write pays Spark's start-up (class loading, code generation, the
format's first commit): at SF 0.1 the 5-row region took 4-10 s, more than the 150,000-row
orders. Writing a small table of the same format first, through the same writer, leaves
each timed table's seconds its own; the warm-up's cost is reported on its own.
"""
from __future__ import annotations

import os
import time

from common.tpch import WARMUP_SHAPE, WARMUP_TABLE
from formats.table_format import TableFormat

WARMUP_ROWS = 300


class WarmupError(RuntimeError):
    """The scratch table did not read back what was written."""


def warm_up(table_format: TableFormat, bronze_dir: str, rows: int = WARMUP_ROWS) -> float:
    """Writes, reads back and removes the scratch table; returns the seconds it all took."""
    started = time.perf_counter()
    source = table_format.spark.read.parquet(os.path.join(bronze_dir, WARMUP_SHAPE)).limit(rows)
    expected = source.count()  # fewer than `rows` at a tiny scale factor
    table_format.drop(WARMUP_TABLE)  # a leftover of a killed run must not be appended to
    try:
        table_format.write(source, WARMUP_TABLE)
        # stats() reads the table back through the format's reader and metadata, the same
        # calls each timed table is followed by.
        written = table_format.stats(WARMUP_TABLE).rows
    finally:
        table_format.drop(WARMUP_TABLE)
    if written != expected:
        raise WarmupError(f"warm-up table {WARMUP_TABLE}: read back {written} rows, wrote {expected}")
    return time.perf_counter() - started
