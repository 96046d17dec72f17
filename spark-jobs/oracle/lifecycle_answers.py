"""Oracle job for the lifecycle workload: DuckDB answers at every round state (state 0..R).

DuckDB holds its own copy of bronze orders and lineitem as tables (oracle/state_answers.py) and
applies the sequence every target applies (lifecycle/run_lifecycle.py): state 0 is
pristine; round r = RF1 and RF2 of refresh set r, in state_answers.state_sequence's order, then
the upsert of refresh/upserts.py, so state r is "after round r". The output has the state
oracle's shape, one stream ("0") answered at every state, so the TypeScript reads both alike.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import duckdb  # noqa: E402

from common.progress import emit  # noqa: E402
from common.queries import load_query, query_name, texts_hash  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from oracle.state_answers import (  # noqa: E402
    StateAnswers, apply_commit, check_refresh_sets, open_bronze, row_counts, state_sequence)
from refresh.upserts import upsert_source_sql  # noqa: E402

# The lifecycle passes are one query set, recorded as the state oracle's stream 0.
STREAM = 0
UPSERT_SOURCE = "upsert_source"


def parse_queries(value: str) -> list[int]:
    try:
        numbers = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise SystemExit(f"--queries must be a comma list of query numbers 1..22, got {value!r}") from None
    if not numbers or any(not 1 <= n <= 22 for n in numbers):
        raise SystemExit(f"--queries must be a comma list of query numbers 1..22, got {value!r}")
    return numbers


def apply_upsert(connection, round_number: int) -> int:
    """MERGE INTO lineitem of the round's source; returns the rows it changed.
    The source is materialised first, so the rows it picks are fixed before any row changes."""
    connection.execute(f"CREATE OR REPLACE TEMP TABLE {UPSERT_SOURCE} AS {upsert_source_sql('lineitem', round_number)}")
    changed = connection.execute(
        f"MERGE INTO lineitem USING {UPSERT_SOURCE} AS s "
        "ON (lineitem.l_orderkey = s.l_orderkey AND lineitem.l_linenumber = s.l_linenumber) "
        "WHEN MATCHED THEN UPDATE SET l_extendedprice = s.l_extendedprice, l_discount = s.l_discount"
    ).fetchone()[0]
    connection.execute(f"DROP TABLE {UPSERT_SOURCE}")
    return changed


def apply_round(connection, refresh_dir: str, round_number: int) -> int:
    """RF1 and RF2 of set r (four single-table commits), then the upsert; returns the rows upserted."""
    for commit in (c for c in state_sequence(round_number) if c.set == round_number):
        apply_commit(connection, refresh_dir, commit)
    return apply_upsert(connection, round_number)


def replay_rounds(connection, refresh_dir: str, rounds: int, texts: dict[str, str]) -> tuple[list[dict], StateAnswers]:
    """Answers the texts at state 0 and after every round, counting rows at each state."""
    oracle = StateAnswers(connection)
    states: list[dict] = []
    for state in range(rounds + 1):
        started = time.perf_counter()
        upserted = apply_round(connection, refresh_dir, state) if state else 0
        states.append({"state": state, "label": f"after round {state}" if state else "pristine",
                       **row_counts(connection), "upserted": upserted})
        oracle.new_state()
        for name, text in texts.items():
            oracle.answer(STREAM, name, text, state)
        emit("state_done", **states[-1], seconds=time.perf_counter() - started)
    return states, oracle


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bronze-dir", required=True)
    parser.add_argument("--refresh-dir", required=True)
    parser.add_argument("--scale-factor", required=True, type=float)
    parser.add_argument("--rounds", required=True, type=int, help="rounds R (refresh sets needed: 1..R)")
    parser.add_argument("--queries", required=True, help="comma list of query numbers, e.g. 1,3,6")
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    if args.rounds < 1:
        raise SystemExit(f"--rounds must be 1 or more, got {args.rounds}")
    numbers = parse_queries(args.queries)
    check_refresh_sets(args.refresh_dir, args.rounds)

    # The read-only query set's texts: validation parameters (oracle/duckdb_answers.py).
    texts = {query_name(n): load_query(n, args.scale_factor) for n in numbers}
    states, oracle = replay_rounds(open_bronze(args.bronze_dir), args.refresh_dir, args.rounds, texts)
    write_json_atomically(args.output, {
        "engine": f"duckdb-{duckdb.__version__}",
        "scale_factor": args.scale_factor,
        "rounds": args.rounds,
        "queries_hash": texts_hash(texts),
        "states": states,
        "answers": oracle.answers,
        "results": oracle.results,
        "errors": oracle.errors,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
