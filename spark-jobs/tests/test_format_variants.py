"""Each format variant writes its tables with its own table properties, and reads them back.

Iceberg, Delta and Parquet run in the shared test session (conftest.py). Hudi claims
spark_catalog as Delta does, so both Hudi variants run in one child Python process (one
JVM with the Hudi jar), as test_session_settings.py does for build_session.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest

from formats import FORMAT_IDS, VARIANTS, UnknownFormatError, table_format_for
from formats.table_format import FormatOptionError

from .conftest import JOBS_DIR, format_jars

ICEBERG_MODES = ("write.delete.mode", "write.update.mode", "write.merge.mode")
OPTIONS = {"iceberg": {"format_version": "2"}, "delta": {"checkpoint_interval": "10"}, "hudi": {}, "parquet": {}}


def options_of(format_id: str) -> dict[str, str]:
    return OPTIONS[VARIANTS[format_id].family.FAMILY]


def region(spark, rows: int = 5):
    return spark.range(rows).selectExpr("id AS r_regionkey", "concat('R', id) AS r_name")


def written_region(spark, awkward_root, format_id):
    # Iceberg's root must be the warehouse conftest configured; a namespace per test keeps tests apart.
    family = VARIANTS[format_id].family.FAMILY
    root = os.path.join(awkward_root, "iceberg" if family == "iceberg" else format_id)
    table_format = table_format_for(format_id, spark, root, f"variant_{uuid.uuid4().hex[:8]}", "snappy", options_of(format_id))
    table_format.write(region(spark), "region")
    return table_format


def test_the_format_ids_are_the_variants_in_their_documented_order():
    assert FORMAT_IDS == ["iceberg", "iceberg-mor", "delta", "delta-dv", "hudi", "hudi-mor", "parquet"]
    assert {f: VARIANTS[f].family.FAMILY for f in FORMAT_IDS} == {
        "iceberg": "iceberg", "iceberg-mor": "iceberg", "delta": "delta", "delta-dv": "delta",
        "hudi": "hudi", "hudi-mor": "hudi", "parquet": "parquet",
    }


def test_the_registry_loads_without_pyspark_for_the_parity_test():
    # The TypeScript parity test reads FORMAT_IDS with `python -c`, possibly without the venv.
    code = "import sys; sys.path.insert(0, sys.argv[1]); sys.modules['pyspark'] = None; from formats import FORMAT_IDS; print(','.join(FORMAT_IDS))"
    done = subprocess.run([sys.executable, "-c", code, JOBS_DIR], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ",".join(FORMAT_IDS)


def test_a_hudi_table_type_option_is_rejected_with_the_variant_to_use():
    with pytest.raises(FormatOptionError) as raised:
        table_format_for("hudi", None, "/r", "ns", "snappy", {"table_type": "MERGE_ON_READ"})
    assert raised.value.key == "table_type" and raised.value.value == "MERGE_ON_READ"
    assert "hudi-mor" in str(raised.value.code) and "it reads: none" in str(raised.value.code)


def test_a_missing_or_unknown_option_and_an_unknown_format_are_refused_with_what_is_allowed():
    with pytest.raises(FormatOptionError, match="format_version=<value> is missing"):
        table_format_for("iceberg-mor", None, "/r", "ns", "snappy", {})
    with pytest.raises(FormatOptionError, match=r"checkpointinterval=5 is not an option it reads \(it reads: checkpoint_interval\)"):
        table_format_for("delta-dv", None, "/r", "ns", "snappy", {"checkpoint_interval": "10", "checkpointinterval": "5"})
    with pytest.raises(UnknownFormatError, match="iceberg, iceberg-mor, delta"):
        table_format_for("iceberg_mor", None, "/r", "ns", "snappy", {})


@pytest.mark.parametrize("format_id", ["iceberg", "iceberg-mor"])
def test_an_iceberg_variant_sets_its_row_level_modes_on_the_table(spark, awkward_root, format_id):
    table_format = written_region(spark, awkward_root, format_id)

    properties = {row.key: row.value for row in spark.sql(f"SHOW TBLPROPERTIES {table_format.identifier('region')}").collect()}

    if format_id == "iceberg-mor":
        assert {mode: properties.get(mode) for mode in ICEBERG_MODES} == dict.fromkeys(ICEBERG_MODES, "merge-on-read")
    else:  # Iceberg's default for all three is copy-on-write
        assert not set(ICEBERG_MODES) & set(properties)
    assert properties["format-version"] == "2"
    assert sorted(table_format.read("region").collect()) == sorted(region(spark).collect())


@pytest.mark.parametrize("format_id", ["delta", "delta-dv"])
def test_a_delta_variant_sets_deletion_vectors_on_the_table(spark, awkward_root, format_id):
    table_format = written_region(spark, awkward_root, format_id)

    detail = table_format.detail("region")

    enabled = format_id == "delta-dv"
    assert detail.properties["delta.enableDeletionVectors"] == ("true" if enabled else "false")
    assert ("deletionVectors" in detail.tableFeatures) is enabled
    assert detail.properties["delta.checkpointInterval"] == "10"
    assert sorted(table_format.read("region").collect()) == sorted(region(spark).collect())


def test_the_parquet_variant_has_no_table_properties_and_reads_back_its_rows(spark, awkward_root):
    table_format = written_region(spark, awkward_root, "parquet")
    assert table_format.table_properties == {}
    assert sorted(table_format.read("region").collect()) == sorted(region(spark).collect())


HUDI_CHILD = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
from common.session import build_session
from formats import table_format_for
from formats.hudi import DATA_SKIPPING
report = {}
spark = build_session("variants-test-hudi", "hudi", "snappy", sys.argv[2])
for format_id in ("hudi", "hudi-mor"):
    table_format = table_format_for(format_id, spark, os.path.join(sys.argv[2], format_id), "ns", "snappy", {})
    table_format.write(spark.range(5).selectExpr("id AS r_regionkey", "concat('R', id) AS r_name"), "region")
    with open(os.path.join(table_format.location("region"), ".hoodie", "hoodie.properties"), encoding="utf-8") as handle:
        properties = dict(line.strip().split("=", 1) for line in handle if "=" in line and not line.startswith("#"))
    rows = sorted(tuple(row) for row in table_format.read("region").select("r_regionkey", "r_name").collect())
    report[format_id] = {"table_type": properties.get("hoodie.table.type"), "rows": rows,
                         "stats_rows": table_format.stats("region").rows}
# Data skipping (formats/hudi.py DATA_SKIPPING): every name starts with the LIKE prefix, so the
# file's minimum does too; the session's setting (off) and Hudi's default (on) side by side.
names = spark.createDataFrame([(1, "almond aquamarine"), (2, "almond blush"), (3, "almond cyan")], "p_partkey long, p_name string")
hudi_part = table_format_for("hudi", spark, os.path.join(sys.argv[2], "skipping"), "ns", "snappy", {})
hudi_part.write(names, "part")
skipping_on = spark.newSession()
skipping_on.conf.set(DATA_SKIPPING, "true")
report["like_prefix"] = {
    "session": hudi_part.read("part").where("p_name LIKE 'almond%'").count(),
    "hudi_default": skipping_on.read.format("hudi").load(hudi_part.location("part")).where("p_name LIKE 'almond%'").count(),
}
spark.stop()
print("RESULT " + json.dumps(report))
"""


@pytest.fixture(scope="module")
def hudi_tables(tmp_path_factory):
    root = str(tmp_path_factory.mktemp("hudi-variants"))
    env = {
        **os.environ,
        "PYSPARK_SUBMIT_ARGS": f"--master local[1] --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=1 --jars {','.join(format_jars('hudi'))} pyspark-shell",
    }
    done = subprocess.run([sys.executable, "-c", HUDI_CHILD, JOBS_DIR, root], env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


@pytest.mark.parametrize("format_id, table_type", [("hudi", "COPY_ON_WRITE"), ("hudi-mor", "MERGE_ON_READ")])
def test_a_hudi_variant_stores_its_table_type_and_reads_back_its_rows(hudi_tables, format_id, table_type):
    table = hudi_tables[format_id]
    assert table["table_type"] == table_type
    assert table["rows"] == [[i, f"R{i}"] for i in range(5)]
    assert table["stats_rows"] == 5


def test_hudi_reads_find_every_row_of_a_like_prefix_though_hudi_s_own_data_skipping_drops_them(hudi_tables):
    counts = hudi_tables["like_prefix"]
    # The job's session (data skipping off) reads all three rows.
    assert counts["session"] == 3
    # Hudi 1.0.2 with data skipping on prunes the file (apache/hudi#18791). When this fails after a
    # Hudi upgrade, the bug is fixed: drop DATA_SKIPPING from formats/hudi.py's PRACTICES.
    assert counts["hudi_default"] == 0, "Hudi's data skipping no longer drops LIKE-prefix rows: remove the workaround"
