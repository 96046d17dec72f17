"""RF1 and RF2 on each format variant's working copy, on real Spark with tiny tables.

One scenario (exercise) per variant: write a pristine orders (10 orders) and lineitem (2 lines
each), copy both with copy_table, insert 2 orders with 2 lines each, delete 3 order keys from
lineitem then orders, recording the format's version after each commit. Asserted: the row
counts, that a SQL view made before the changes sees them, that the pristine files did not
change, the merge-on-read artefacts (and their absence for copy-on-write), and the versions.
Iceberg, Delta and Parquet run in the shared test session (conftest.py, the work catalog added
at run time); Hudi claims spark_catalog, so both Hudi variants run in one child process.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict

import pytest

from .conftest import JOBS_DIR, format_jars

OPTIONS = {"iceberg": {"format_version": "2"}, "delta": {"checkpoint_interval": "10"}, "hudi": {}, "parquet": {}}
WORK_ICEBERG = "work-iceberg"


def tree_listing(root: str) -> dict[str, int]:
    listing = {}
    for directory, _, files in os.walk(root):
        for name in files:
            path = os.path.join(directory, name)
            listing[os.path.relpath(path, root)] = os.path.getsize(path)
    return listing


def exercise(spark, format_id: str, silver_root: str, work_root: str) -> dict:
    """The scenario; returns what the tests assert on (JSON-safe, so the Hudi child can print it)."""
    from formats import table_format_for, variant

    from refresh.qphh import DELETE_KEYS

    family = variant(format_id).family.FAMILY
    pristine = table_format_for(format_id, spark, silver_root, f"ns_{format_id.replace('-', '_')}", "snappy", OPTIONS[family])
    pristine.write(spark.range(1, 11).selectExpr("id AS o_orderkey", "concat('o', id) AS o_comment"), "orders")
    pristine.write(spark.range(1, 11).crossJoin(spark.range(1, 3).withColumnRenamed("id", "n"))
                   .selectExpr("id AS l_orderkey", "CAST(n AS INT) AS l_linenumber", "concat('l', id) AS l_comment"), "lineitem")
    before = {t: tree_listing(pristine.location(t)) for t in ("orders", "lineitem")}
    work = pristine.working(work_root)
    for table in ("orders", "lineitem"):
        pristine.copy_table(table, work_root)
        work.register(table)
    spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW seen_orders AS SELECT * FROM {work.sql_source('orders')}")
    spark.createDataFrame([(100, "o100"), (101, "o101")], "o_orderkey BIGINT, o_comment STRING").createOrReplaceTempView("new_orders")
    spark.createDataFrame([(k, n, f"l{k}") for k in (100, 101) for n in (1, 2)],
                          "l_orderkey BIGINT, l_linenumber INT, l_comment STRING").createOrReplaceTempView("new_lineitem")
    spark.createDataFrame([(k,) for k in (1, 2, 3)], "orderkey BIGINT").createOrReplaceTempView("old_keys")
    versions = [{t: work.version(t) for t in ("orders", "lineitem")}]
    counts = []
    for step, table in [("insert", "orders"), ("insert", "lineitem"), ("delete", "lineitem"), ("delete", "orders")]:
        if step == "insert":
            work.insert(table, f"new_{table}")
        else:
            work.delete_orders(table, DELETE_KEYS[table], "old_keys")
        versions.append({t: work.version(t) for t in ("orders", "lineitem")})
        counts.append({t: spark.sql(f"SELECT count(*) FROM {work.sql_source(t)}").first()[0] for t in ("orders", "lineitem")})
    return {
        "counts": counts,
        "seen_orders": spark.sql("SELECT count(*) FROM seen_orders").first()[0],
        "deleted_left": spark.sql(f"SELECT count(*) FROM {work.sql_source('lineitem')} WHERE l_orderkey <= 3").first()[0],
        "pristine_counts": {t: pristine.read(t).count() for t in ("orders", "lineitem")},
        "pristine_unchanged": all(tree_listing(pristine.location(t)) == before[t] for t in before),
        "work_under_root": all(os.path.isdir(work.location(t)) and work.location(t).startswith(work_root) for t in before),
        "versions": versions,
        "stats": {t: asdict(work.change_stats(t)) for t in ("orders", "lineitem")},
        "copy_method": work.COPY_METHOD,
        "change_method": work.CHANGE_METHOD,
    }


# After insert orders, insert lineitem, delete lineitem, delete orders (10 orders x 2 lines, +2x2, -3x2).
EXPECTED_COUNTS = [{"orders": 12, "lineitem": 20}, {"orders": 12, "lineitem": 24},
                   {"orders": 12, "lineitem": 18}, {"orders": 9, "lineitem": 18}]
MERGE_ON_READ = {"iceberg-mor", "delta-dv", "hudi-mor"}


def check(result: dict, format_id: str) -> None:
    assert result["counts"] == EXPECTED_COUNTS
    assert result["seen_orders"] == 9, "a view made before the changes must see every commit"
    assert result["deleted_left"] == 0
    assert result["pristine_counts"] == {"orders": 10, "lineitem": 20}
    assert result["pristine_unchanged"] and result["work_under_root"]
    lineitem_stats = result["stats"]["lineitem"]
    if format_id in MERGE_ON_READ:
        assert lineitem_stats["delete_files"] > 0, lineitem_stats
    else:
        assert lineitem_stats["delete_files"] == 0, lineitem_stats
    assert lineitem_stats["data_files"] > 0 and lineitem_stats["total_bytes"] >= lineitem_stats["data_bytes"] > 0
    versions = result["versions"]
    if format_id == "parquet":
        assert all(v == {"orders": None, "lineitem": None} for v in versions)
        return
    # Each commit moves its own table's version and leaves the other's as it was.
    changed = ["orders", "lineitem", "lineitem", "orders"]
    for before, after, table in zip(versions, versions[1:], changed):
        other = "lineitem" if table == "orders" else "orders"
        assert after[table] is not None and after[table] != before[table], (table, versions)
        assert after[other] == before[other], (other, versions)
    assert result["stats"]["orders"]["versions"] >= 3


@pytest.fixture(scope="module")
def work_catalog(spark, awkward_root):
    """The job's second Iceberg catalog, added to the shared session before its first use."""
    from formats.iceberg import IcebergFormat

    work_root = os.path.join(awkward_root, WORK_ICEBERG)
    for practice in IcebergFormat.work_settings(work_root):
        spark.conf.set(practice["setting"], practice["value"])
    return work_root


@pytest.mark.parametrize("format_id", ["iceberg", "iceberg-mor", "delta", "delta-dv", "parquet"])
def test_rf1_and_rf2_change_only_the_working_copy(spark, awkward_root, work_catalog, format_id):
    if format_id.startswith("iceberg"):
        silver, work = os.path.join(awkward_root, "iceberg"), work_catalog
    else:
        silver, work = os.path.join(awkward_root, "silver", format_id), os.path.join(awkward_root, "work", format_id)
    result = exercise(spark, format_id, silver, work)
    check(result, format_id)
    if format_id.startswith("iceberg"):
        assert "rewrite_table_path" in result["copy_method"]


HUDI_CHILD = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from common.session import build_session
from tests.test_refresh_changes import exercise
spark = build_session("refresh-changes-test-hudi", "hudi", "snappy", sys.argv[2])
report = {f: exercise(spark, f, os.path.join(sys.argv[2], "silver", f), os.path.join(sys.argv[2], "work", f))
          for f in ("hudi", "hudi-mor")}
spark.stop()
print("RESULT " + json.dumps(report))
"""


@pytest.fixture(scope="module")
def hudi_results(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("hudi-refresh"))
    env = {
        **os.environ,
        "PYSPARK_SUBMIT_ARGS": f"--master local[1] --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false "
                               f"--conf spark.sql.shuffle.partitions=1 --jars {','.join(format_jars('hudi'))} pyspark-shell",
    }
    done = subprocess.run([sys.executable, "-c", HUDI_CHILD, JOBS_DIR, root], env=env, capture_output=True, text=True,
                          timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


@pytest.mark.parametrize("format_id", ["hudi", "hudi-mor"])
def test_hudi_rf1_and_rf2_change_only_the_working_copy(hudi_results, format_id):
    check(hudi_results[format_id], format_id)


def test_the_state_window_spans_a_commit_in_progress_and_the_states_follow_the_fixed_sequence():
    from refresh.qphh import StateCounter, first_state

    counter = StateCounter()
    counter.begin(5)
    low = counter.window_start()  # a query starting now may still read state 4
    counter.done(5)
    counter.begin(6)
    assert [low, counter.window_end()] == [0, 6]  # state 6 may be visible while its commit runs
    counter.done(6)
    assert (counter.window_start(), counter.window_end()) == (6, 6)
    assert [first_state(n) for n in (1, 2, 3)] == [1, 5, 9]
