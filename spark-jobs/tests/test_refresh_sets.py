"""The refresh sets: keys and sizes by the spec's formulas, rows by its column rules, files like bronze."""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess

import duckdb
import pytest

from refresh import comment_text
from refresh.random_draws import Draws
from refresh.refresh_keys import (RefreshSetError, check_sets, delete_keys, insert_keys, orders_per_set,
                                  set_indices, sparse_key)
from refresh.refresh_sets import main as refresh_main

TPCHGEN = os.path.join(os.path.expanduser(os.environ.get("LAKEBENCH_CACHE_DIR") or "~/.cache/lakebench"),
                       "venv", "bin", "tpchgen-cli")
SF = 0.01
SETS = 3


def slot(key: int) -> int:
    """Position of a key inside its block of 32: base keys use 0..7, update sets 8..15."""
    return key % 32


@pytest.mark.parametrize("scale_factor, per_set", [(0.01, 15), (0.1, 150), (1, 1500), (10, 15000), (100, 150000)])
def test_a_set_has_sf_times_1500_orders_and_as_many_deletes(scale_factor, per_set):
    assert orders_per_set(scale_factor) == per_set
    assert len(insert_keys(2, scale_factor)) == per_set
    assert len(delete_keys(2, scale_factor)) == per_set


def test_set_n_works_on_order_indices_n_minus_1_times_r_plus_1_to_n_times_r():
    assert set_indices(1, 1) == range(1, 1501)
    assert set_indices(3, 1) == range(3001, 4501)
    assert set_indices(2, 0.01) == range(16, 31)


def test_sparse_keys_match_the_base_tables_keys():
    # tpchgen-cli's 15000 orders at SF 0.01 end at key 60000; index 8 is the first key of block 2.
    assert sparse_key(15000, 0) == 60000
    assert [sparse_key(i, 0) for i in (1, 7, 8, 9)] == [1, 7, 32, 33]
    assert [sparse_key(i, 1) for i in (1, 7, 8, 9)] == [9, 15, 40, 41]


@pytest.mark.parametrize("scale_factor", [0.01, 1])
def test_inserts_use_the_free_slots_and_deletes_the_base_keys_of_the_same_indices(scale_factor):
    base_keys = {sparse_key(i, 0) for i in range(1, int(1_500_000 * scale_factor) + 1)}
    seen_inserts: set[int] = set()
    seen_deletes: set[int] = set()
    for n in range(1, 12):
        inserts, deletes = insert_keys(n, scale_factor), delete_keys(n, scale_factor)
        assert all(8 <= slot(k) <= 15 for k in inserts) and not base_keys.intersection(inserts)
        assert set(deletes) <= base_keys and all(slot(k) <= 7 for k in deletes)
        assert [k - 8 for k in inserts] == deletes  # the same index, one slot group up
        assert seen_inserts.isdisjoint(inserts) and seen_deletes.isdisjoint(deletes)
        seen_inserts.update(inserts)
        seen_deletes.update(deletes)
    assert delete_keys(1, 1)[:9] == [1, 2, 3, 4, 5, 6, 7, 32, 33]
    assert insert_keys(1, 1)[0] == 9 and insert_keys(1, 1)[-1] == 5996


@pytest.mark.parametrize("sets", [0, 1000])
def test_set_counts_outside_the_key_rule_are_refused(sets):
    with pytest.raises(RefreshSetError, match="sets="):
        check_sets(1, sets)


def test_draws_stay_in_bounds_and_repeat_for_a_seed():
    draws, again = Draws(7), Draws(7)
    values = [draws.integer(1, 7) for _ in range(5000)]
    assert set(values) == set(range(1, 8))
    assert values == [again.integer(1, 7) for _ in range(5000)]


def test_the_text_pool_is_made_of_the_grammars_words():
    pool = comment_text.text_pool(Draws(3), 20_000)
    vocabulary = {"the"}
    for words in (comment_text.NOUNS, comment_text.VERBS, comment_text.ADJECTIVES, comment_text.ADVERBS,
                  comment_text.PREPOSITIONS, comment_text.AUXILIARIES):
        for entry in words.values:
            vocabulary.update(entry.split())
    tokens = [t for t in re.split(r"[\s.,;:?!]+|--", pool) if t][:-1]  # the last word may be cut
    assert len(pool) == 20_000 and set(tokens) <= vocabulary


@pytest.fixture(scope="module")
def bronze(tmp_path_factory):
    """Real bronze tables at SF 0.01, as the bronze phase writes them (one directory per table)."""
    directory = tmp_path_factory.mktemp("bronze")
    subprocess.run([TPCHGEN, "parquet", "--scale-factor", str(SF), "--output-dir", str(directory), "--parts", "1",
                    "--compression", "SNAPPY", "--no-progress"], check=True)
    return str(directory)


def run_job(bronze_dir: str, output_dir: str, sets: int = SETS, scale_factor: float = SF, exit_code: int = 0) -> None:
    assert refresh_main(["--bronze-dir", bronze_dir, "--scale-factor", str(scale_factor), "--sets", str(sets),
                         "--output-dir", output_dir]) == exit_code


@pytest.fixture(scope="module")
def refresh_dir(bronze):
    output = os.path.join(bronze, "refresh")
    run_job(bronze, output)
    return output


def file_hashes(directory: str) -> dict[str, str]:
    hashes = {}
    for root, _, names in os.walk(directory):
        for name in names:
            if name.endswith(".parquet"):
                with open(os.path.join(root, name), "rb") as handle:
                    hashes[os.path.relpath(os.path.join(root, name), directory)] = hashlib.sha256(handle.read()).hexdigest()
    return hashes


@pytest.fixture()
def db(bronze, refresh_dir):
    connection = duckdb.connect()
    for table in ("orders", "lineitem", "part", "partsupp", "customer"):
        connection.execute(f"CREATE VIEW {table} AS SELECT * FROM '{bronze}/{table}/*.parquet'")
    for table in ("orders", "lineitem", "delete"):
        connection.execute(f"CREATE VIEW new_{table} AS SELECT *, regexp_extract(filename, 'set-(\\d+)', 1)::INT AS "
                           f"set_number FROM read_parquet('{refresh_dir}/set-*/{table}.parquet', filename=true)")
    yield connection
    connection.close()


def one(connection, sql: str):
    return connection.execute(sql).fetchone()


def test_the_manifest_lists_every_set_with_its_rows_and_key_ranges(refresh_dir, db):
    with open(os.path.join(refresh_dir, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    assert (manifest["scaleFactor"], manifest["seed"], manifest["specVersion"]) == (SF, 1, "TPC-H 3.0.1")
    assert [s["set"] for s in manifest["sets"]] == [1, 2, 3]
    for entry in manifest["sets"]:
        n = entry["set"]
        orders, lo, hi = one(db, f"SELECT count(*), min(o_orderkey), max(o_orderkey) FROM new_orders WHERE set_number = {n}")
        lines = one(db, f"SELECT count(*) FROM new_lineitem WHERE set_number = {n}")[0]
        deletes, dlo, dhi = one(db, f"SELECT count(*), min(orderkey), max(orderkey) FROM new_delete WHERE set_number = {n}")
        assert (entry["orders"], entry["lineitem"], entry["deletes"]) == (orders, lines, deletes) == (15, lines, 15)
        assert entry["insertKeys"] == {"min": lo, "max": hi} == {"min": min(insert_keys(n, SF)), "max": max(insert_keys(n, SF))}
        assert entry["deleteKeys"] == {"min": dlo, "max": dhi} == {"min": min(delete_keys(n, SF)), "max": max(delete_keys(n, SF))}


def test_delete_keys_are_base_orders_and_new_keys_are_not(db):
    assert one(db, "SELECT count(*) FROM new_delete SEMI JOIN orders ON o_orderkey = orderkey")[0] == SETS * 15
    assert one(db, "SELECT count(*) FROM new_orders SEMI JOIN orders USING (o_orderkey)")[0] == 0
    assert one(db, "SELECT count(DISTINCT o_orderkey), count(DISTINCT orderkey) FROM new_orders, new_delete") == (45, 45)


def test_every_new_order_has_one_to_seven_numbered_lineitems(db):
    counts = db.execute("SELECT o_orderkey, count(l_orderkey), max(l_linenumber), min(l_linenumber) FROM new_orders "
                        "LEFT JOIN new_lineitem ON l_orderkey = o_orderkey GROUP BY 1").fetchall()
    assert len(counts) == 45 and all(1 <= c <= 7 and top == c and low == 1 for _, c, top, low in counts)
    assert one(db, "SELECT count(*) FROM new_lineitem ANTI JOIN new_orders ON o_orderkey = l_orderkey")[0] == 0


def test_orders_follow_the_column_rules(db):
    customers = one(db, "SELECT count(*) FROM customer")[0]
    bad = one(db, f"""SELECT count(*) FILTER (WHERE o_custkey % 3 = 0 OR o_custkey NOT BETWEEN 1 AND {customers}),
        count(*) FILTER (WHERE o_orderdate NOT BETWEEN DATE '1992-01-01' AND DATE '1998-12-31' - 151),
        count(*) FILTER (WHERE NOT regexp_full_match(o_clerk, 'Clerk#0000\\d{{5}}') OR o_clerk > 'Clerk#000001000'),
        count(*) FILTER (WHERE o_orderpriority NOT IN ('1-URGENT','2-HIGH','3-MEDIUM','4-NOT SPECIFIED','5-LOW')),
        count(*) FILTER (WHERE length(o_comment) NOT BETWEEN 19 AND 78 OR o_shippriority <> 0) FROM new_orders""")
    assert bad == (0, 0, 0, 0, 0)
    # O_TOTALPRICE: sum of extendedprice * (1 + tax) * (1 - discount), in cents truncated per line (as dbgen).
    # O_ORDERSTATUS: F if every line is F, O if every line is O, else P.
    mismatches = one(db, """WITH l AS (SELECT l_orderkey, sum(((l_extendedprice * 100)::BIGINT * (100 - (l_discount * 100)::BIGINT)
            // 100 * (100 + (l_tax * 100)::BIGINT)) // 100) AS cents, bool_and(l_linestatus = 'F') AS f,
            bool_and(l_linestatus = 'O') AS o FROM new_lineitem GROUP BY 1)
        SELECT count(*) FILTER (WHERE (o_totalprice * 100)::BIGINT <> cents),
               count(*) FILTER (WHERE o_orderstatus <> CASE WHEN f THEN 'F' WHEN o THEN 'O' ELSE 'P' END)
        FROM new_orders JOIN l ON l_orderkey = o_orderkey""")
    assert mismatches == (0, 0)


def test_lineitems_follow_the_column_rules(db):
    bad = one(db, """SELECT count(*) FILTER (WHERE l_extendedprice <> l_quantity * p_retailprice),
        count(*) FILTER (WHERE l_quantity NOT BETWEEN 1 AND 50 OR l_quantity <> round(l_quantity)
                         OR l_discount NOT BETWEEN 0 AND 0.10 OR l_tax NOT BETWEEN 0 AND 0.08),
        count(*) FILTER (WHERE l_shipdate - o_orderdate NOT BETWEEN 1 AND 121 OR l_commitdate - o_orderdate NOT BETWEEN 30 AND 90
                         OR l_receiptdate - l_shipdate NOT BETWEEN 1 AND 30),
        count(*) FILTER (WHERE l_returnflag <> 'N' AND l_receiptdate > DATE '1995-06-17' OR l_returnflag = 'N' AND
                         l_receiptdate <= DATE '1995-06-17' OR l_returnflag NOT IN ('R', 'A', 'N')),
        count(*) FILTER (WHERE l_linestatus <> CASE WHEN l_shipdate > DATE '1995-06-17' THEN 'O' ELSE 'F' END),
        count(*) FILTER (WHERE l_shipinstruct NOT IN ('DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN')
                         OR l_shipmode NOT IN ('REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB')
                         OR length(l_comment) NOT BETWEEN 10 AND 43)
        FROM new_lineitem JOIN part ON p_partkey = l_partkey JOIN new_orders ON o_orderkey = l_orderkey""")
    assert bad == (0, 0, 0, 0, 0, 0)
    assert one(db, "SELECT count(*) FROM new_lineitem ANTI JOIN partsupp ON ps_partkey = l_partkey AND ps_suppkey = l_suppkey")[0] == 0
    assert one(db, "SELECT count(*) FROM new_lineitem ANTI JOIN part ON p_partkey = l_partkey")[0] == 0


def test_the_files_have_the_bronze_tables_schema(db):
    for table in ("orders", "lineitem"):
        bronze = db.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()
        staged = db.execute(f"DESCRIBE SELECT * EXCLUDE (filename, set_number) FROM new_{table}").fetchall()
        assert staged == bronze
    assert [(c[0], c[1]) for c in db.execute("DESCRIBE SELECT * EXCLUDE (filename, set_number) FROM new_delete").fetchall()] == [
        ("orderkey", "BIGINT")]


def test_two_runs_write_identical_files_and_set_n_does_not_depend_on_n(bronze, refresh_dir, tmp_path):
    run_job(bronze, str(tmp_path / "again"))
    run_job(bronze, str(tmp_path / "one"), sets=1)
    assert file_hashes(str(tmp_path / "again")) == file_hashes(refresh_dir)
    ones = file_hashes(str(tmp_path / "one"))
    assert ones == {k: v for k, v in file_hashes(refresh_dir).items() if k.startswith("set-001")}


def test_a_covering_manifest_means_nothing_is_rewritten(bronze, tmp_path, capsys):
    output = str(tmp_path / "refresh")
    run_job(bronze, output, sets=2)
    before = {p: os.stat(os.path.join(output, p)).st_mtime_ns for p in [*file_hashes(output), "manifest.json"]}
    run_job(bronze, output, sets=2)
    run_job(bronze, output, sets=1)
    assert "nothing to do" in capsys.readouterr().out
    assert {p: os.stat(os.path.join(output, p)).st_mtime_ns for p in before} == before
    hashes = file_hashes(output)
    run_job(bronze, output, sets=3)  # more sets: regenerated, the first two unchanged
    assert {k: v for k, v in file_hashes(output).items() if not k.startswith("set-003")} == hashes
    assert sorted(os.listdir(tmp_path)) == ["refresh"]  # no staging directory left beside it


def test_a_missing_file_makes_the_sets_regenerate(bronze, tmp_path):
    output = str(tmp_path / "refresh")
    run_job(bronze, output, sets=1)
    os.remove(os.path.join(output, "set-001", "delete.parquet"))
    run_job(bronze, output, sets=1)
    assert os.path.isfile(os.path.join(output, "set-001", "delete.parquet"))


def test_bronze_of_another_scale_factor_is_refused_naming_the_key_and_what_is_allowed(bronze, tmp_path, capsys):
    run_job(bronze, str(tmp_path / "refresh"), scale_factor=0.1, exit_code=2)
    assert "scale-factor=0.1 is not allowed: the scale factor of the bronze tables" in capsys.readouterr().err
    run_job(bronze, str(tmp_path / "refresh"), sets=1000, exit_code=2)
    assert "sets=1000 is not allowed: an integer in 1..999" in capsys.readouterr().err
    assert not os.path.exists(tmp_path / "refresh")


def test_leftovers_of_a_killed_run_are_removed(bronze, tmp_path):
    leftover = tmp_path / ".refresh.tmp-999999"
    (leftover / "set-001").mkdir(parents=True)
    run_job(bronze, str(tmp_path / "refresh"), sets=1)
    assert not leftover.exists()
    shutil.rmtree(tmp_path / "refresh")
