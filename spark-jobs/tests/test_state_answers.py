"""The state oracle (oracle/state_answers.py) on a real SF 0.01 bronze and real refresh sets, run as a process."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pytest

from common.sql_quoting import quote_duckdb_string_literal
from oracle import state_answers

JOBS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TPCHGEN = os.path.join(os.path.expanduser(os.environ.get("LAKEBENCH_CACHE_DIR") or "~/.cache/lakebench"), "venv", "bin", "tpchgen-cli")
REFRESH_SETS_JOB = os.path.join(JOBS_DIR, "refresh", "refresh_sets.py")
SCALE_FACTOR = 0.01
STREAMS = 1
SETS = STREAMS + 1


def parquet(path: str) -> str:
    return f"read_parquet({quote_duckdb_string_literal(path)})"


def make_fixture_sets(bronze_dir: str, refresh_dir: str, sets: int) -> None:
    """Stand-in refresh sets until refresh/refresh_sets.py exists: copies of 15 bronze orders under
    unused keys (with their lineitems), and 15 existing order keys to delete, disjoint per set."""
    connection = duckdb.connect()
    orders = parquet(os.path.join(bronze_dir, "orders", "*.parquet"))
    lineitem = parquet(os.path.join(bronze_dir, "lineitem", "*.parquet"))
    top = connection.execute(f"SELECT max(o_orderkey) FROM {orders}").fetchone()[0]
    for n in range(1, sets + 1):
        directory = state_answers.set_dir(refresh_dir, n)
        os.makedirs(directory)
        picked = f"(SELECT o_orderkey FROM {orders} ORDER BY o_orderkey LIMIT 15 OFFSET {100 * n})"
        shift = top * n
        target = lambda name: quote_duckdb_string_literal(os.path.join(directory, name))  # noqa: E731
        connection.execute(f"COPY (SELECT * REPLACE (o_orderkey + {shift} AS o_orderkey) FROM {orders} "
                           f"WHERE o_orderkey IN {picked}) TO {target('orders.parquet')} (FORMAT parquet)")
        connection.execute(f"COPY (SELECT * REPLACE (l_orderkey + {shift} AS l_orderkey) FROM {lineitem} "
                           f"WHERE l_orderkey IN {picked}) TO {target('lineitem.parquet')} (FORMAT parquet)")
        connection.execute(f"COPY (SELECT o_orderkey AS orderkey FROM {orders} ORDER BY o_orderkey LIMIT 15 OFFSET {100 * n + 50}) "
                           f"TO {target('delete.parquet')} (FORMAT parquet)")


@pytest.fixture(scope="module")
def bronze(tmp_path_factory):
    root = tmp_path_factory.mktemp("state-oracle")
    bronze_dir = str(root / "bronze")
    subprocess.run([TPCHGEN, "parquet", "--scale-factor", str(SCALE_FACTOR), "--output-dir", bronze_dir,
                    "--parts", "1", "--no-progress"], check=True)
    refresh_dir = os.path.join(bronze_dir, "refresh")
    if os.path.exists(REFRESH_SETS_JOB):
        subprocess.run([sys.executable, REFRESH_SETS_JOB, "--bronze-dir", bronze_dir, "--scale-factor", str(SCALE_FACTOR),
                        "--sets", str(SETS), "--output-dir", refresh_dir], check=True)
    else:
        make_fixture_sets(bronze_dir, refresh_dir, SETS)
    return {"root": root, "bronze_dir": bronze_dir, "refresh_dir": refresh_dir}


@pytest.fixture(scope="module")
def oracle_output(bronze):
    output = str(bronze["root"] / "states.json")
    run = subprocess.run([sys.executable, os.path.join(JOBS_DIR, "oracle", "state_answers.py"),
                          "--bronze-dir", bronze["bronze_dir"], "--refresh-dir", bronze["refresh_dir"],
                          "--scale-factor", str(SCALE_FACTOR), "--streams", str(STREAMS), "--output", output],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with open(output, encoding="utf-8") as handle:
        result = json.load(handle)
    result["events"] = [json.loads(line.split(" ", 1)[1]) for line in run.stdout.splitlines() if line.startswith("LAKEBENCH_EVENT ")]
    return result


def set_sizes(refresh_dir: str, n: int) -> dict[str, int]:
    """Rows each commit of set n must add or remove, counted from the files on their own."""
    connection = duckdb.connect()
    directory = state_answers.set_dir(refresh_dir, n)
    count = lambda sql: connection.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "orders": count(f"SELECT count(*) FROM {parquet(os.path.join(directory, 'orders.parquet'))}"),
        "lineitem": count(f"SELECT count(*) FROM {parquet(os.path.join(directory, 'lineitem.parquet'))}"),
        "deletes": count(f"SELECT count(*) FROM {parquet(os.path.join(directory, 'delete.parquet'))}"),
    }


def deleted_lineitems(bronze_dir: str, refresh_dir: str, n: int) -> int:
    """Bronze lineitems of set n's delete keys (the keys RF2 deletes are base keys, clause 2.5.3)."""
    keys = parquet(os.path.join(state_answers.set_dir(refresh_dir, n), "delete.parquet"))
    lineitem = parquet(os.path.join(bronze_dir, "lineitem", "*.parquet"))
    return duckdb.connect().execute(f"SELECT count(*) FROM {lineitem} WHERE l_orderkey IN (SELECT orderkey FROM {keys})").fetchone()[0]


def test_the_states_follow_the_fixed_sequence(oracle_output):
    labels = [state["label"] for state in oracle_output["states"]]
    assert [state["state"] for state in oracle_output["states"]] == list(range(4 * SETS + 1))
    assert labels[:5] == ["pristine", "after rf1 orders set 1", "after rf1 lineitem set 1",
                          "after rf2 lineitem set 1", "after rf2 orders set 1"]
    assert labels[8] == "after rf2 orders set 2"


def test_counts_change_by_exactly_the_rows_each_commit_inserts_or_deletes(bronze, oracle_output):
    states = oracle_output["states"]
    for n in range(1, SETS + 1):
        sizes = set_sizes(bronze["refresh_dir"], n)
        assert sizes["orders"] > 0 and sizes["lineitem"] > 0 and sizes["deletes"] > 0
        before, rf1_orders, rf1_lineitem, rf2_lineitem, rf2_orders = states[4 * (n - 1): 4 * n + 1]
        assert (rf1_orders["orders"] - before["orders"], rf1_orders["lineitem"]) == (sizes["orders"], before["lineitem"])
        assert (rf1_lineitem["lineitem"] - rf1_orders["lineitem"], rf1_lineitem["orders"]) == (sizes["lineitem"], rf1_orders["orders"])
        removed = deleted_lineitems(bronze["bronze_dir"], bronze["refresh_dir"], n)
        assert (rf1_lineitem["lineitem"] - rf2_lineitem["lineitem"], rf2_lineitem["orders"]) == (removed, rf1_lineitem["orders"])
        assert (rf2_lineitem["orders"] - rf2_orders["orders"], rf2_orders["lineitem"]) == (sizes["deletes"], rf2_lineitem["lineitem"])


def test_power_stream_is_answered_at_state_2_and_throughput_streams_at_4_to_4n(oracle_output):
    answers = oracle_output["answers"]
    assert sorted(answers) == ["0", "1"]
    assert len(answers["0"]) == 22 and len(answers["1"]) == 22
    assert all(list(by_state) == ["2"] for by_state in answers["0"].values())
    assert all(sorted(by_state, key=int) == [str(s) for s in range(4, 4 * SETS + 1)] for by_state in answers["1"].values())
    every_hash = {digest for by_query in answers.values() for by_state in by_query.values() for digest in by_state.values()}
    assert every_hash == set(oracle_output["results"])
    assert all(result["hash"] == digest for digest, result in oracle_output["results"].items())
    assert oracle_output["errors"] == {}
    assert [event["state"] for event in oracle_output["events"] if event["event"] == "state_done"] == list(range(4 * SETS + 1))


def pristine_hashes(bronze) -> dict[str, str]:
    """The oracle's own classes answering stream 1 at state 0, before any commit."""
    oracle = state_answers.StateAnswers(state_answers.open_bronze(bronze["bronze_dir"]))
    for name, text in state_answers.stream_texts("validation", 1, 0, SCALE_FACTOR).items():
        oracle.answer(1, name, text, 0)
    assert oracle.errors == {}
    return {name: by_state["0"] for name, by_state in oracle.answers["1"].items()}


def test_state_0_and_state_4_differ_when_set_1_changes_rows(bronze, oracle_output):
    pristine = pristine_hashes(bronze)
    after_set_1 = {name: by_state["4"] for name, by_state in oracle_output["answers"]["1"].items()}
    # Q1 sums every lineitem shipped by 1998-09-02: set 1 removes some and adds others.
    assert after_set_1["q01"] != pristine["q01"]
    # Q2 reads neither orders nor lineitem: no refresh can change it.
    assert after_set_1["q02"] == pristine["q02"]


def test_the_pristine_state_answers_what_duckdb_answers_py_answers(bronze):
    output = str(bronze["root"] / "pristine.json")
    subprocess.run([sys.executable, os.path.join(JOBS_DIR, "oracle", "duckdb_answers.py"), "--bronze-dir", bronze["bronze_dir"],
                    "--scale-factor", str(SCALE_FACTOR), "--queries", ",".join(str(n) for n in range(1, 23)),
                    "--output", output], check=True, capture_output=True)
    with open(output, encoding="utf-8") as handle:
        expected = {name: answer["hash"] for name, answer in json.load(handle)["queries"].items()}
    assert pristine_hashes(bronze) == expected


def test_a_missing_refresh_set_stops_the_job_before_any_work(bronze, tmp_path):
    with pytest.raises(SystemExit, match="refresh set 3 has no orders.parquet"):
        state_answers.main(["--bronze-dir", bronze["bronze_dir"], "--refresh-dir", bronze["refresh_dir"],
                            "--scale-factor", str(SCALE_FACTOR), "--streams", "2", "--output", str(tmp_path / "x.json")])
    assert not (tmp_path / "x.json").exists()


def test_generated_parameters_answer_every_stream_with_its_own_texts(bronze):
    output = str(bronze["root"] / "generated.json")
    subprocess.run([sys.executable, os.path.join(JOBS_DIR, "oracle", "state_answers.py"),
                    "--bronze-dir", bronze["bronze_dir"], "--refresh-dir", bronze["refresh_dir"],
                    "--scale-factor", str(SCALE_FACTOR), "--streams", str(STREAMS), "--parameters", "generated",
                    "--seed", "7", "--output", output], check=True, capture_output=True)
    with open(output, encoding="utf-8") as handle:
        result = json.load(handle)
    assert result["errors"] == {} and (result["parameters"], result["seed"]) == ("generated", 7)
    assert [len(result["answers"][s]) for s in ("0", "1")] == [22, 22]
    power, stream = state_answers.stream_texts("generated", 0, 7, SCALE_FACTOR), state_answers.stream_texts("generated", 1, 7, SCALE_FACTOR)
    assert any(power[name] != stream[name] for name in power)
