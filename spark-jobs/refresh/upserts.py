"""The lifecycle workload's upsert: a MERGE INTO lineitem on (l_orderkey, l_linenumber) that
changes l_extendedprice and l_discount of about 0.1 % of the rows the table holds at round r.

An extension of TPC-H in the spirit of LHBench's merge benchmark, not a TPC-H refresh function.
The rows are chosen by integer arithmetic on the key, written once here as SQL that Spark and
DuckDB evaluate alike (no engine's hash function), so every format and the oracle pick the same
rows without a file between them. The residues spread over every order key range, so the
chosen rows fall in most data files: the case that separates copy-on-write from merge-on-read.
"""
from __future__ import annotations

# One row in UPSERT_MODULUS: 0.1 %.
UPSERT_MODULUS = 1000
UPSERT_LABEL = "lifecycle upsert: MERGE INTO lineitem of ~0.1 % of its rows (an extension of TPC-H, not a TPC-H refresh function)"


def upsert_predicate(round_number: int) -> str:
    """True for the round's rows. The key is reduced first so the products stay far below 2^63 at
    any scale factor (DuckDB raises on overflow, Spark would wrap): the two engines must agree."""
    if round_number < 1:
        raise ValueError(f"round {round_number}: upserts start at round 1")
    return (f"((l_orderkey % 1000003) * 7919 + l_linenumber * 104729 + {round_number} * 1299709) "
            f"% {UPSERT_MODULUS} = 0")


def upsert_source_sql(lineitem_source: str, round_number: int) -> str:
    """The round's source rows: the key and the two new values (a price correction of +1.00 and
    the discount one point up, wrapping from 0.10 to 0.00 so it stays in TPC-H's domain).
    Additions only, so no rounding rule can make the engines differ."""
    return (
        "SELECT l_orderkey, l_linenumber, "
        "l_extendedprice + 1.00 AS l_extendedprice, "
        "CASE WHEN l_discount >= 0.10 THEN 0.00 ELSE l_discount + 0.01 END AS l_discount "
        f"FROM {lineitem_source} WHERE {upsert_predicate(round_number)}"
    )
