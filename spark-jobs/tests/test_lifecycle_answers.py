"""The lifecycle oracle (oracle/lifecycle_answers.py) on a real SF 0.01 bronze and real refresh sets, run as a process."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest

from oracle import lifecycle_answers, state_answers
from refresh.upserts import UPSERT_MODULUS, upsert_predicate
from tests.test_state_answers import REFRESH_SETS_JOB, SCALE_FACTOR, TPCHGEN, parquet, set_sizes

JOBS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROUNDS = 2
QUERIES = "1,2,6"


@pytest.fixture(scope="module")
def bronze(tmp_path_factory):
    root = tmp_path_factory.mktemp("lifecycle-oracle")
    bronze_dir = str(root / "bronze")
    subprocess.run([TPCHGEN, "parquet", "--scale-factor", str(SCALE_FACTOR), "--output-dir", bronze_dir,
                    "--parts", "1", "--no-progress"], check=True)
    refresh_dir = os.path.join(bronze_dir, "refresh")
    subprocess.run([sys.executable, REFRESH_SETS_JOB, "--bronze-dir", bronze_dir, "--scale-factor", str(SCALE_FACTOR),
                    "--sets", str(ROUNDS), "--output-dir", refresh_dir], check=True, capture_output=True)
    return {"root": root, "bronze_dir": bronze_dir, "refresh_dir": refresh_dir}


@pytest.fixture(scope="module")
def oracle_output(bronze):
    output = str(bronze["root"] / "lifecycle.json")
    run = subprocess.run([sys.executable, os.path.join(JOBS_DIR, "oracle", "lifecycle_answers.py"),
                          "--bronze-dir", bronze["bronze_dir"], "--refresh-dir", bronze["refresh_dir"],
                          "--scale-factor", str(SCALE_FACTOR), "--rounds", str(ROUNDS), "--queries", QUERIES,
                          "--output", output], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with open(output, encoding="utf-8") as handle:
        result = json.load(handle)
    result["events"] = [json.loads(line.split(" ", 1)[1]) for line in run.stdout.splitlines() if line.startswith("LAKEBENCH_EVENT ")]
    return result


def keys_python_selects(keys: list[tuple[int, int]], round_number: int) -> int:
    """upsert_predicate's arithmetic in Python's unbounded integers: the reference both engines must match."""
    return sum(1 for orderkey, linenumber in keys
               if ((orderkey % 1000003) * 7919 + linenumber * 104729 + round_number * 1299709) % UPSERT_MODULUS == 0)


def test_the_states_are_pristine_then_one_per_round(oracle_output):
    assert [(s["state"], s["label"]) for s in oracle_output["states"]] == [(0, "pristine"), (1, "after round 1"), (2, "after round 2")]
    assert oracle_output["rounds"] == ROUNDS and oracle_output["engine"].startswith("duckdb-")
    assert [(e["state"], e["upserted"]) for e in oracle_output["events"] if e["event"] == "state_done"] == \
        [(s["state"], s["upserted"]) for s in oracle_output["states"]]


def test_each_round_changes_the_counts_by_its_rf1_inserts_and_rf2_deletes(bronze, oracle_output):
    states = oracle_output["states"]
    connection = duckdb.connect()
    for n in range(1, ROUNDS + 1):
        sizes = set_sizes(bronze["refresh_dir"], n)
        keys = parquet(os.path.join(state_answers.set_dir(bronze["refresh_dir"], n), "delete.parquet"))
        lineitem = parquet(os.path.join(bronze["bronze_dir"], "lineitem", "*.parquet"))
        removed = connection.execute(f"SELECT count(*) FROM {lineitem} WHERE l_orderkey IN (SELECT orderkey FROM {keys})").fetchone()[0]
        assert states[n]["orders"] - states[n - 1]["orders"] == sizes["orders"] - sizes["deletes"]
        assert states[n]["lineitem"] - states[n - 1]["lineitem"] == sizes["lineitem"] - removed


def test_the_upsert_changes_exactly_the_predicates_rows_and_only_price_and_discount(bronze):
    connection = state_answers.open_bronze(bronze["bronze_dir"])
    for commit in state_answers.state_sequence(1):
        state_answers.apply_commit(connection, bronze["refresh_dir"], commit)
    connection.execute("CREATE TABLE before AS SELECT * FROM lineitem")
    upserted = lifecycle_answers.apply_upsert(connection, 1)
    total = connection.execute("SELECT count(*) FROM lineitem").fetchone()[0]
    assert upserted == connection.execute(f"SELECT count(*) FROM before WHERE {upsert_predicate(1)}").fetchone()[0] > 0
    assert 0.0005 < upserted / total < 0.002
    changed = connection.execute(
        "SELECT count(*) FROM before b JOIN lineitem a USING (l_orderkey, l_linenumber) "
        "WHERE a.l_extendedprice <> b.l_extendedprice OR a.l_discount <> b.l_discount").fetchone()[0]
    assert changed == upserted
    connection.execute(f"CREATE TABLE picked AS SELECT * FROM before WHERE {upsert_predicate(1)}")
    wrong = connection.execute(
        "SELECT count(*) FROM picked b JOIN lineitem a USING (l_orderkey, l_linenumber) WHERE "
        "(a.l_extendedprice <> b.l_extendedprice + 1.00 OR a.l_discount <> CASE WHEN b.l_discount >= 0.10 THEN 0.00 ELSE b.l_discount + 0.01 END)"
    ).fetchone()[0]
    assert wrong == 0
    # Every other column of every row, the upserted ones included, is as it was.
    others = "* EXCLUDE (l_extendedprice, l_discount)"
    assert connection.execute(f"SELECT count(*) FROM (SELECT {others} FROM before EXCEPT ALL SELECT {others} FROM lineitem)").fetchone()[0] == 0
    assert connection.execute(f"SELECT count(*) FROM (SELECT {others} FROM lineitem EXCEPT ALL SELECT {others} FROM before)").fetchone()[0] == 0


def test_the_predicate_selects_in_duckdb_what_pythons_arithmetic_selects(bronze):
    connection = duckdb.connect()
    lineitem = parquet(os.path.join(bronze["bronze_dir"], "lineitem", "*.parquet"))
    keys = connection.execute(f"SELECT l_orderkey, l_linenumber FROM {lineitem}").fetchall()
    for round_number in (1, 2, 5):
        selected = connection.execute(f"SELECT count(*) FROM {lineitem} WHERE {upsert_predicate(round_number)}").fetchone()[0]
        assert selected == keys_python_selects(keys, round_number) > 0
    # Order keys of SF 30 000 (past 2^32): no overflow, the same rows.
    big = [(6_000_000_000 * 30_000 - k * 37, k % 7 + 1) for k in range(20_000)]
    connection.execute("CREATE TABLE big (l_orderkey BIGINT, l_linenumber INTEGER)")
    connection.executemany("INSERT INTO big VALUES (?, ?)", big)
    assert connection.execute(f"SELECT count(*) FROM big WHERE {upsert_predicate(3)}").fetchone()[0] == keys_python_selects(big, 3) > 0


def test_prices_queries_change_after_a_round_and_a_query_reading_neither_table_does_not(oracle_output):
    answers = oracle_output["answers"]
    assert sorted(answers) == ["0"] and sorted(answers["0"]) == ["q01", "q02", "q06"]
    assert all(sorted(by_state) == ["0", "1", "2"] for by_state in answers["0"].values())
    assert answers["0"]["q01"]["1"] != answers["0"]["q01"]["0"]
    assert answers["0"]["q06"]["1"] != answers["0"]["q06"]["0"]
    assert answers["0"]["q02"]["0"] == answers["0"]["q02"]["1"] == answers["0"]["q02"]["2"]
    every_hash = {digest for by_state in answers["0"].values() for digest in by_state.values()}
    assert every_hash == set(oracle_output["results"]) and oracle_output["errors"] == {}


def test_the_pristine_state_answers_what_duckdb_answers_py_answers(bronze, oracle_output):
    output = str(bronze["root"] / "pristine.json")
    subprocess.run([sys.executable, os.path.join(JOBS_DIR, "oracle", "duckdb_answers.py"), "--bronze-dir", bronze["bronze_dir"],
                    "--scale-factor", str(SCALE_FACTOR), "--queries", QUERIES, "--output", output], check=True, capture_output=True)
    with open(output, encoding="utf-8") as handle:
        expected = json.load(handle)
    assert {name: answer["hash"] for name, answer in expected["queries"].items()} == \
        {name: by_state["0"] for name, by_state in oracle_output["answers"]["0"].items()}
    assert oracle_output["queries_hash"] == expected["queries_hash"]


def test_a_missing_refresh_set_stops_the_job_before_any_work(bronze, tmp_path):
    with pytest.raises(SystemExit, match=f"refresh set {ROUNDS + 1} has no orders.parquet"):
        lifecycle_answers.main(["--bronze-dir", bronze["bronze_dir"], "--refresh-dir", bronze["refresh_dir"],
                                "--scale-factor", str(SCALE_FACTOR), "--rounds", str(ROUNDS + 1), "--queries", QUERIES,
                                "--output", str(tmp_path / "x.json")])
    assert not (tmp_path / "x.json").exists()
