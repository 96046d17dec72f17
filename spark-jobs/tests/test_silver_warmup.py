"""The silver job's untimed warm-up write, on real Parquet, Delta and Iceberg tables.

Hudi cannot share this test session (it claims spark_catalog, as Delta does); the silver
phase of every real run exercises it.
"""
from __future__ import annotations

import os
import shutil
import uuid

import pytest

from common.sql_quoting import quote_multipart_identifier
from common.tpch import WARMUP_TABLE
from formats import table_format_for
from silver.convert import convert

FORMAT_OPTIONS = {"parquet": {}, "delta": {"checkpoint_interval": "10"}, "iceberg": {"format_version": "2"}}


@pytest.fixture
def bronze_dir(spark, awkward_root):
    """A bronze directory with a small orders (the warm-up's shape) and region table."""
    directory = os.path.join(awkward_root, "bronze")
    spark.range(1000).selectExpr("id AS o_orderkey", "id % 7 AS o_custkey", "'O' AS o_orderstatus",
                                 "cast(id AS decimal(15,2)) AS o_totalprice").write.mode("overwrite").parquet(os.path.join(directory, "orders"))
    spark.range(5).selectExpr("id AS r_regionkey", "concat('R', id) AS r_name").write.mode("overwrite").parquet(os.path.join(directory, "region"))
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def scratch_table_format(spark, awkward_root, format_id):
    # Iceberg's root must be the warehouse conftest configured; a namespace per test keeps tests apart.
    root = os.path.join(awkward_root, format_id)
    namespace = f"warmup_{uuid.uuid4().hex[:8]}"
    return table_format_for(format_id, spark, root, namespace, "snappy", FORMAT_OPTIONS[format_id])


@pytest.mark.parametrize("format_id", ["parquet", "delta", "iceberg"])
def test_the_warmup_table_is_written_then_removed_and_is_not_a_loaded_table(spark, awkward_root, bronze_dir, format_id):
    table_format = scratch_table_format(spark, awkward_root, format_id)

    loaded = convert(table_format, bronze_dir, ["region"])

    assert loaded["warmup_seconds"] > 0
    assert list(loaded["tables"]) == ["region"]
    assert loaded["tables"]["region"]["rows"] == 5
    assert not os.path.exists(table_format.location(WARMUP_TABLE))
    namespace_dir = os.path.dirname(table_format.location("region"))
    assert WARMUP_TABLE not in os.listdir(namespace_dir)


def test_an_iceberg_warmup_table_leaves_no_catalog_entry(spark, awkward_root, bronze_dir):
    table_format = scratch_table_format(spark, awkward_root, "iceberg")
    convert(table_format, bronze_dir, ["region"])  # the namespace exists once a table is in it
    shown = spark.sql(f"SHOW TABLES IN {quote_multipart_identifier('lakebench', table_format.namespace)}").collect()
    assert [row.tableName for row in shown] == ["region"]


def test_a_warmup_table_left_by_a_killed_run_is_removed_before_the_warmup_writes(spark, awkward_root, bronze_dir):
    table_format = scratch_table_format(spark, awkward_root, "delta")
    # Another schema: Delta refuses to overwrite it, so only a removed leftover lets the warm-up write.
    table_format.write(spark.range(50).selectExpr("id AS something_else"), WARMUP_TABLE)

    loaded = convert(table_format, bronze_dir, [])

    assert loaded == {"warmup_seconds": loaded["warmup_seconds"], "tables": {}}
    assert not os.path.exists(table_format.location(WARMUP_TABLE))
