"""Turns a query result into comparable form: plain JSON values plus an order-free hash.

Numbers are compared after rounding to 2 decimals (the TPC-H answer-set precision for
money); Spark returns DECIMAL where DuckDB returns DOUBLE for averages and ratios, so
exact equality across engines would fail on representation, not on the answer.
"""
from __future__ import annotations

import datetime
import decimal
import hashlib
import json
from typing import Any, Iterable, Sequence


def plain_value(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def _hash_token(value: Any) -> str:
    return f"{value:.2f}" if isinstance(value, float) else json.dumps(value)


def plain_rows(rows: Iterable[Sequence[Any]]) -> list[list[Any]]:
    return [[plain_value(value) for value in row] for row in rows]


def result_hash(rows: list[list[Any]]) -> str:
    """Same hash for the same multiset of rows, whatever their order."""
    lines = sorted("|".join(_hash_token(value) for value in row) for row in rows)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
