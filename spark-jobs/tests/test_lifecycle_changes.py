"""The lifecycle methods (upsert, read_version, maintain) on each format variant's working copy,
on real Spark with a tiny lineitem.

One scenario (lifecycle) per variant: write a pristine lineitem (10 orders x 2 lines), copy it
with copy_table, record the version v0, MERGE new l_extendedprice and l_discount into 3 of its
20 rows, record v1, keep v1 restorable, delete two orders (as a killed attempt would have), roll
back to v1 by the format's restore, read v0 by the format's time travel, run the format's
maintenance, and read the table, v0 and v1 again. Asserted: exactly the 3 rows changed, the
pristine files did not, the rollback brings the deleted rows back with the upserted values, the
merge-on-read artefacts after the upsert (and their absence for copy-on-write), time travel to v0
gives the original values, the procedures maintain ran in order, the values survive maintenance,
which leaves no artefact and one data file, and what reading v0 does after it:
Iceberg no longer finds the snapshot, Delta plans the read and fails on the vacuumed file, Hudi
(observed and pinned) returns an empty table without an error. Iceberg, Delta and Parquet run
in the shared test session (conftest.py, the work catalog added at run time by
test_refresh_changes.work_catalog); Hudi claims spark_catalog, so both Hudi variants run in one
child process, started as the module starts so that it overlaps the shared session's tests, with
the work settings lifecycle/run_lifecycle.py starts its session with.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from decimal import Decimal

import pytest

from .conftest import JOBS_DIR, format_jars
from .test_refresh_changes import MERGE_ON_READ, OPTIONS, tree_listing, work_catalog  # noqa: F401 (fixture)

UPSERT_VIEW = "lifecycle_test_upsert_source"
KILLED_KEYS_VIEW = "lifecycle_test_killed_keys"
# As lifecycle/run_lifecycle.py's upsert: lineitem's key, the two columns it changes.
KEY = ("l_orderkey", "l_linenumber")
SET_COLUMNS = ("l_extendedprice", "l_discount")
# The 3 (l_orderkey, l_linenumber) the upsert changes, and their new price and discount.
UPSERTED = {(2, 1): ("9002.01", "0.09"), (5, 2): ("9005.02", "0.08"), (9, 1): ("9009.01", "0.07")}
DECIMAL = "DECIMAL(15,2)"


def original(orderkey: int, linenumber: int) -> tuple[str, str, str]:
    """The pristine (l_extendedprice, l_discount, l_quantity) of a row, as the Spark write makes them."""
    return f"{100 * orderkey + linenumber}.00", "0.05", f"{orderkey + linenumber}.00"


ORIGINAL_ROWS = [[k, n, *original(k, n)] for k in range(1, 11) for n in (1, 2)]
UPSERTED_ROWS = [[k, n, *UPSERTED.get((k, n), original(k, n)[:2]), original(k, n)[2]] for k, n, *_ in ORIGINAL_ROWS]


def rows(df) -> list[list]:
    """The rows as [l_orderkey, l_linenumber, price, discount, quantity] (decimals as text), in key order."""
    picked = df.selectExpr("l_orderkey", "l_linenumber", "CAST(l_extendedprice AS STRING)",
                           "CAST(l_discount AS STRING)", "CAST(l_quantity AS STRING)")
    return sorted([int(r[0]), int(r[1]), r[2], r[3], r[4]] for r in picked.collect())


def read_outcome(work, version: str | None) -> dict:
    """read_version at `version`, read as lifecycle/run_lifecycle.py reads it after maintenance
    (count and sum(l_quantity): the sum makes the read touch the data files, a bare count may come
    from metadata), and its rows. failed_at: "read_version" when building the DataFrame fails,
    "read" when reading it does."""
    step = "read_version"
    try:
        df = work.read_version("lineitem", version)
        step = "read"
        summary = df.selectExpr("count(*) AS n", "CAST(sum(l_quantity) AS STRING) AS q").first()
        return {"readable": True, "rows": rows(df), "count": int(summary.n), "sum_quantity": summary.q, "error": None}
    except Exception as failure:  # noqa: BLE001 - an unreadable version is what some tests expect
        return {"readable": False, "failed_at": step, "error": f"{type(failure).__name__}: {str(failure)[:600]}"}


def lifecycle(spark, format_id: str, silver_root: str, work_root: str) -> dict:
    """The scenario; returns what the tests assert on (JSON-safe, so the Hudi child can print it)."""
    from common.session import apply_after_start
    from formats import table_format_for, variant
    from formats.table_format import detached

    family = variant(format_id).family
    pristine = table_format_for(format_id, spark, silver_root, f"lc_{format_id.replace('-', '_')}", "snappy",
                                OPTIONS[family.FAMILY])
    pristine.write(spark.range(1, 11).crossJoin(spark.range(1, 3).withColumnRenamed("id", "n")).selectExpr(
        "id AS l_orderkey", "CAST(n AS INT) AS l_linenumber", f"CAST(id + n AS {DECIMAL}) AS l_quantity",
        f"CAST(100 * id + n AS {DECIMAL}) AS l_extendedprice", f"CAST(0.05 AS {DECIMAL}) AS l_discount"), "lineitem")
    before = tree_listing(pristine.location("lineitem"))
    work = pristine.working(work_root)
    pristine.copy_table("lineitem", work_root)
    work.register("lineitem")

    def current():
        return spark.sql(f"SELECT * FROM {work.sql_source('lineitem')}")

    v0 = work.version("lineitem")
    # Staged as lifecycle/run_lifecycle.py stages its source: a detached view, then the family's upsert_source.
    detached(spark.createDataFrame([(k, n, Decimal(p), Decimal(d)) for (k, n), (p, d) in UPSERTED.items()],
                                   f"l_orderkey BIGINT, l_linenumber INT, l_extendedprice {DECIMAL}, l_discount {DECIMAL}")
             ).createOrReplaceTempView(UPSERT_VIEW)
    view = work.upsert_source("lineitem", UPSERT_VIEW, KEY, SET_COLUMNS)
    work.upsert("lineitem", view, KEY, SET_COLUMNS)
    for name in {UPSERT_VIEW, view}:
        spark.catalog.dropTempView(name)
    v1 = work.version("lineitem")
    upserted = rows(current())
    # Resume (run_lifecycle.py --resume): v1 kept as a round's end, a change a killed attempt made
    # after it (orders 2 and 5 deleted), rolled back by the family's restore.
    work.keep_restorable("lineitem", v1, 1)
    spark.createDataFrame([(2,), (5,)], "orderkey BIGINT").createOrReplaceTempView(KILLED_KEYS_VIEW)
    work.delete_orders("lineitem", "l_orderkey", KILLED_KEYS_VIEW)
    after_killed_change = rows(current())
    work.rollback("lineitem", v1, 1)
    rolled_back = rows(current())
    work.release_restorable("lineitem", v1, 1)
    result = {
        "versions": [v0, v1],
        "upserted": upserted,
        "after_killed_change": after_killed_change,
        "rolled_back": rolled_back,
        "rollback_method": work.ROLLBACK_METHOD,
        "upserted_stats": asdict(work.change_stats("lineitem")),
        "v0_before_maintenance": read_outcome(work, v0),
        "time_travel_method": work.TIME_TRAVEL_METHOD,
    }
    # The family's lifecycle settings, set as the job sets them (VACUUM RETAIN 0 HOURS needs Delta's),
    # and put back afterwards: the test session is shared.
    settings = family.lifecycle_settings()
    previous = {p["setting"]: spark.conf.get(p["setting"], None) for p in settings}
    for practice in settings:
        if practice["applied"] and "copies" not in practice:
            spark.conf.set(practice["setting"], practice["value"])
    apply_after_start(spark, settings)
    try:
        operations = work.maintain("lineitem")
    finally:
        for setting, value in previous.items():
            if value is None:
                spark.conf.unset(setting)
            else:
                spark.conf.set(setting, value)
    result.update({
        "procedures": [o["procedure"] for o in operations],
        "seconds_ok": all(isinstance(o["seconds"], float) and o["seconds"] >= 0 for o in operations),
        "maintained": rows(current()),
        "maintained_stats": asdict(work.change_stats("lineitem")),
        "version_after_maintenance": work.version("lineitem"),
        "v0_after_maintenance": read_outcome(work, v0),
        "v1_after_maintenance": read_outcome(work, v1),
        "pristine_unchanged": tree_listing(pristine.location("lineitem")) == before,
        "work_under_root": work.location("lineitem").startswith(work_root),
    })
    return result


EXPECTED_PROCEDURES = {
    "iceberg": ["rewrite_data_files", "rewrite_position_delete_files", "expire_snapshots"],
    "iceberg-mor": ["rewrite_data_files", "rewrite_position_delete_files", "expire_snapshots"],
    "delta": ["OPTIMIZE", "VACUUM RETAIN 0 HOURS"],
    "delta-dv": ["REORG TABLE APPLY (PURGE)", "OPTIMIZE", "VACUUM RETAIN 0 HOURS"],
    "hudi": ["run_clustering", "run_clean"],
    "hudi-mor": ["run_compaction", "run_clustering", "run_clean"],
    "parquet": [],
}


def check(result: dict, format_id: str) -> None:
    assert "error" not in result, result.get("error")
    # The upsert: exactly the 3 rows changed, to the source's values; the others and the count as they were.
    assert result["upserted"] == UPSERTED_ROWS
    assert sum(a != b for a, b in zip(result["upserted"], ORIGINAL_ROWS)) == len(UPSERTED)
    assert result["pristine_unchanged"] and result["work_under_root"]
    # The rollback undoes the killed attempt's change: its 4 deleted rows are back, the upsert's values kept.
    assert len(result["after_killed_change"]) == len(ORIGINAL_ROWS) - 4
    assert result["rolled_back"] == UPSERTED_ROWS and result["rollback_method"]
    upserted, maintained = result["upserted_stats"], result["maintained_stats"]
    if format_id in MERGE_ON_READ:
        assert upserted["delete_files"] > 0, upserted
    else:
        assert upserted["delete_files"] == 0, upserted
    # Maintenance: the family's procedures in order, after which the current values are the upserted
    # ones, no change artefact is left, and the tiny table is one data file.
    assert result["procedures"] == EXPECTED_PROCEDURES[format_id] and result["seconds_ok"]
    assert result["maintained"] == UPSERTED_ROWS
    assert maintained["delete_files"] == 0 and maintained["data_files"] == 1, maintained
    v0_before, v0_after = result["v0_before_maintenance"], result["v0_after_maintenance"]
    if format_id == "parquet":
        assert result["versions"] == [None, None] and result["time_travel_method"] == ""
        for outcome in (v0_before, v0_after):
            assert outcome["failed_at"] == "read_version", outcome
            assert outcome["error"] == "NotImplementedError: parquet keeps no versions"
        return
    v0, v1 = result["versions"]
    assert v0 is not None and v1 is not None and v0 != v1
    assert result["time_travel_method"]
    # Time travel before maintenance: v0 is the pre-upsert state, read from its own files.
    assert v0_before["rows"] == ORIGINAL_ROWS and v0_before["sum_quantity"] == "140.00", v0_before
    if format_id.startswith("iceberg"):
        # expire_snapshots (retain_last 1) leaves the current snapshot only; v0's is gone from the metadata.
        assert maintained["versions"] == 1, maintained
        assert not v0_after["readable"] and v0_after["failed_at"] == "read_version", v0_after
        assert f"Cannot find snapshot with ID {v0}" in v0_after["error"]
    elif format_id.startswith("delta"):
        # v0 is still in the log, so the read is planned; VACUUM RETAIN 0 HOURS deleted its file.
        assert not v0_after["readable"] and v0_after["failed_at"] == "read", v0_after
        assert "SparkFileNotFoundException" in v0_after["error"], v0_after
    else:
        # Observed, pinned (Hudi 1.0.2): after run_clean (KEEP_LATEST_FILE_VERSIONS, 1) an instant whose file
        # slices were cleaned reads as an empty table, with no error, both v0 and the upsert's v1.
        for outcome in (v0_after, result["v1_after_maintenance"]):
            assert outcome["readable"] and outcome["count"] == 0 and outcome["rows"] == [], outcome


@pytest.mark.parametrize("format_id", ["iceberg", "iceberg-mor", "delta", "delta-dv", "parquet"])
def test_upsert_time_travel_and_maintenance_on_the_working_copy(spark, awkward_root, work_catalog, format_id):
    if format_id.startswith("iceberg"):
        silver, work = os.path.join(awkward_root, "iceberg"), work_catalog
    else:
        silver = os.path.join(awkward_root, "lifecycle-silver", format_id)
        work = os.path.join(awkward_root, "lifecycle-work", format_id)
    result = lifecycle(spark, format_id, silver, work)
    print(format_id, json.dumps(result))
    check(result, format_id)


HUDI_CHILD = """
import json, os, sys, traceback
sys.path.insert(0, sys.argv[1])
from common.session import build_session
from formats.hudi import HudiFormat
from tests.test_lifecycle_changes import lifecycle
# As lifecycle/run_lifecycle.py starts its session: the work settings are start-up settings
# (Hudi's relation cache off, without which a read after clustering lists replaced files).
work = os.path.join(sys.argv[2], "work")
spark = build_session("lifecycle-changes-test-hudi", "hudi", "snappy", sys.argv[2],
                      {p["setting"]: p["value"] for p in HudiFormat.work_settings(work) if p["applied"] and "copies" not in p})
report = {}
for f in ("hudi", "hudi-mor"):
    try:
        report[f] = lifecycle(spark, f, os.path.join(sys.argv[2], "silver", f), os.path.join(work, f))
    except Exception:
        text = traceback.format_exc()
        report[f] = {"error": text[:2500] + " ... " + text[-1500:]}
spark.stop()
print("RESULT " + json.dumps(report))
"""


@pytest.fixture(scope="module", autouse=True)
def hudi_child(tmp_path_factory):
    """Starts the Hudi child as the module starts (it runs beside the shared session's tests). Its
    output goes to files: a pipe nobody reads until the Hudi tests would stall it once full."""
    root = tmp_path_factory.mktemp("hudi-lifecycle")
    env = {
        **os.environ,
        "PYSPARK_SUBMIT_ARGS": f"--master local[1] --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false "
                               f"--conf spark.sql.shuffle.partitions=1 --jars {','.join(format_jars('hudi'))} pyspark-shell",
    }
    with open(root / "stdout", "w", encoding="utf-8") as stdout, open(root / "stderr", "w", encoding="utf-8") as stderr:
        child = subprocess.Popen([sys.executable, "-c", HUDI_CHILD, JOBS_DIR, str(root)], env=env, stdout=stdout, stderr=stderr)
    yield child, root
    if child.poll() is None:
        child.kill()
        child.wait()


@pytest.fixture(scope="module")
def hudi_results(hudi_child):
    child, root = hudi_child
    returncode = child.wait(timeout=900)
    assert returncode == 0, (root / "stderr").read_text(encoding="utf-8")[-3000:]
    line = next(line for line in (root / "stdout").read_text(encoding="utf-8").splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


@pytest.mark.parametrize("format_id", ["hudi", "hudi-mor"])
def test_hudi_upsert_time_travel_and_maintenance_on_the_working_copy(hudi_results, format_id):
    print(format_id, json.dumps(hudi_results[format_id]))
    check(hudi_results[format_id], format_id)
