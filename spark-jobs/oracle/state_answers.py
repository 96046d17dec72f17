"""Oracle job for the refresh workload: DuckDB answers at every table state of the RF1/RF2 sequence.

DuckDB holds its own copy of bronze orders and lineitem as tables and applies the same refresh
sets in the same order as every format (refresh/qphh.py):
state 0 is pristine; for set n = 1..N four single-table commits follow, RF1 orders insert,
RF1 lineitem insert, RF2 lineitem delete, RF2 orders delete, so state c is "after commit c".
The power test's queries (stream 0) ran at state 2; a throughput stream's query may have seen
any state from 4 to 4N, so streams 1..S are answered at each of them. The six tables no
refresh touches stay views over the bronze Parquet (oracle/duckdb_answers.py).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time
from dataclasses import dataclass
from typing import Callable

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import duckdb  # noqa: E402

from common.answers import plain_rows, result_hash  # noqa: E402
from common.parameters import query_parameters  # noqa: E402
from common.progress import emit  # noqa: E402
from common.queries import load_query, query_name, texts_hash  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.sql_quoting import quote_duckdb_string_literal  # noqa: E402
from oracle.duckdb_answers import register_bronze_views  # noqa: E402

QUERY_NUMBERS = range(1, 23)
CHANGED_TABLES = ("orders", "lineitem")
# The power test runs its 22 queries between RF1 and RF2 of set 1: after commits 1 and 2.
POWER_STATE = 2
COMMITS_PER_SET = 4
# A text that names neither changing table cannot see a refresh (Q2, Q11, Q16): answered once.
READS_CHANGING_TABLE = re.compile(r"\b(orders|lineitem)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Commit:
    """One single-table commit of the sequence; state = the commit's 1-based position."""
    state: int
    set: int
    function: str
    table: str

    @property
    def label(self) -> str:
        return f"after {self.function} {self.table} set {self.set}"


def state_sequence(sets: int) -> list[Commit]:
    """The fixed order every target and this oracle apply: per set, RF1 orders then lineitem, RF2 the reverse."""
    steps = (("rf1", "orders"), ("rf1", "lineitem"), ("rf2", "lineitem"), ("rf2", "orders"))
    return [Commit(COMMITS_PER_SET * (n - 1) + i + 1, n, function, table)
            for n in range(1, sets + 1) for i, (function, table) in enumerate(steps)]


def set_dir(refresh_dir: str, number: int) -> str:
    return os.path.join(refresh_dir, f"set-{number:03d}")


def check_refresh_sets(refresh_dir: str, sets: int) -> None:
    """Fails before any work when a set the sequence needs is missing."""
    for number in range(1, sets + 1):
        for name in ("orders", "lineitem", "delete"):
            path = os.path.join(set_dir(refresh_dir, number), f"{name}.parquet")
            if not os.path.isfile(path):
                raise SystemExit(f"refresh set {number} has no {name}.parquet ({path}); "
                                 f"{sets} sets are needed: generate them with refresh/refresh_sets.py --sets {sets}")


def load_changing_tables(connection) -> None:
    """Replaces the bronze views of orders and lineitem by tables DuckDB can insert into and delete from."""
    for table in CHANGED_TABLES:
        connection.execute(f"CREATE TABLE {table}_copy AS SELECT * FROM {table}")
        connection.execute(f"DROP VIEW {table}")
        connection.execute(f"ALTER TABLE {table}_copy RENAME TO {table}")


def apply_commit(connection, refresh_dir: str, commit: Commit) -> None:
    directory = set_dir(refresh_dir, commit.set)
    if commit.function == "rf1":
        source = quote_duckdb_string_literal(os.path.join(directory, f"{commit.table}.parquet"))
        # BY NAME: the refresh files' column order is not the table's business.
        connection.execute(f"INSERT INTO {commit.table} BY NAME SELECT * FROM read_parquet({source})")
    else:
        keys = quote_duckdb_string_literal(os.path.join(directory, "delete.parquet"))
        key_column = "l_orderkey" if commit.table == "lineitem" else "o_orderkey"
        connection.execute(f"DELETE FROM {commit.table} WHERE {key_column} IN (SELECT orderkey FROM read_parquet({keys}))")


def row_counts(connection) -> dict[str, int]:
    return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in CHANGED_TABLES}


def stream_texts(mode: str, stream: int, seed: int, scale_factor: float) -> dict[str, str]:
    """The 22 query texts of one stream with its substitution parameters (common/parameters.py)."""
    parameters = query_parameters(mode, stream, seed, scale_factor)
    return {query_name(n): load_query(n, scale_factor, parameters=parameters.get(n)) for n in QUERY_NUMBERS}


class StateAnswers:
    """Answers per stream/query/state; a text already answered at this state is not run again."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.answers: dict[str, dict[str, dict[str, str]]] = {}
        self.results: dict[str, dict] = {}
        self.errors: dict[str, dict[str, str]] = {}
        self._by_text: dict[str, str] = {}  # text -> hash at the current state
        self._unchanging: dict[str, str] = {}  # text -> hash, for texts no refresh can change

    def new_state(self) -> None:
        self._by_text = dict(self._unchanging)

    def answer(self, stream: int, name: str, text: str, state: int) -> None:
        if str(stream) in self.errors and name in self.errors[str(stream)]:
            return
        digest = self._by_text.get(text)
        if digest is None:
            try:
                cursor = self.connection.execute(text)
                rows = plain_rows(cursor.fetchall())
                columns = [column[0] for column in cursor.description]
            except duckdb.Error as error:
                message = f"{type(error).__name__}: {str(error).splitlines()[0]}"
                self.errors.setdefault(str(stream), {})[name] = message
                emit("query_failed", stream=stream, query=name, state=state, error=message)
                return
            digest = result_hash(rows)
            self._by_text[text] = digest
            if not READS_CHANGING_TABLE.search(text):
                self._unchanging[text] = digest
            # Equal hashes mean equal rows (common/answers.py); the first one's columns are kept.
            self.results.setdefault(digest, {"columns": columns, "rows": rows, "hash": digest})
        self.answers.setdefault(str(stream), {}).setdefault(name, {})[str(state)] = digest


def streams_answered_at(state: int, streams: int) -> list[int]:
    """Which streams' queries can have seen this state: the power stream only state 2, the others 4..4N."""
    if state == POWER_STATE:
        return [0]
    return list(range(1, streams + 1)) if state >= COMMITS_PER_SET else []


def open_bronze(bronze_dir: str):
    """A DuckDB connection at state 0: orders and lineitem as tables, the six others as bronze views."""
    connection = duckdb.connect()
    register_bronze_views(connection, bronze_dir)
    load_changing_tables(connection)
    return connection


def replay(connection, refresh_dir: str, sets: int, texts: dict[int, dict[str, str]],
           answered_at: Callable[[int], list[int]]) -> tuple[list[dict], StateAnswers]:
    """Applies the sequence from state 0, counting rows at every state and answering the streams answered_at(state)."""
    oracle = StateAnswers(connection)
    states: list[dict] = []

    def settle(state: int, label: str, started: float) -> None:
        states.append({"state": state, "label": label, **row_counts(connection)})
        oracle.new_state()
        streams = answered_at(state)
        for stream in streams:
            for name, text in texts[stream].items():
                oracle.answer(stream, name, text, state)
        emit("state_done", **states[-1], answered_streams=streams, seconds=time.perf_counter() - started)

    settle(0, "pristine", time.perf_counter())
    for commit in state_sequence(sets):
        started = time.perf_counter()
        apply_commit(connection, refresh_dir, commit)
        settle(commit.state, commit.label, started)
    return states, oracle


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bronze-dir", required=True)
    parser.add_argument("--refresh-dir", required=True)
    parser.add_argument("--scale-factor", required=True, type=float)
    parser.add_argument("--streams", required=True, type=int, help="throughput query streams S (sets needed: S + 1)")
    parser.add_argument("--parameters", choices=("validation", "generated"), default="validation")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)
    if args.streams < 1:
        raise SystemExit(f"--streams must be 1 or more, got {args.streams}")
    sets = args.streams + 1
    check_refresh_sets(args.refresh_dir, sets)

    texts = {stream: stream_texts(args.parameters, stream, args.seed, args.scale_factor) for stream in range(args.streams + 1)}
    states, oracle = replay(open_bronze(args.bronze_dir), args.refresh_dir, sets, texts,
                            lambda state: streams_answered_at(state, args.streams))
    write_json_atomically(args.output, {
        "engine": f"duckdb-{duckdb.__version__}",
        "scale_factor": args.scale_factor,
        "streams": args.streams,
        "sets": sets,
        "seed": args.seed,
        "parameters": args.parameters,
        "queries_hash": texts_hash({f"{stream}/{name}": text for stream, named in texts.items() for name, text in named.items()}),
        "states": states,
        "answers": oracle.answers,
        "results": oracle.results,
        "errors": oracle.errors,
    })
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
