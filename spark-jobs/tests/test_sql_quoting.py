"""Names and paths with quotes, backticks, spaces and non-ASCII letters survive the jobs' SQL."""
from __future__ import annotations

import os

import pytest
from pyspark.errors import ParseException

from formats.delta import DeltaFormat
from formats.iceberg import IcebergFormat
from common.sql_quoting import (
    quote_duckdb_string_literal,
    quote_identifier,
    quote_multipart_identifier,
    quote_path_identifier,
    quote_string_literal,
)

AWKWARD_VALUES = ["plain", "it's", "back`tick", "two``ticks", "a b", "ünïcødé 数据", "back\\slash", "dot.ted", "semi;colon -- x"]


def test_a_backtick_inside_an_identifier_is_written_twice():
    assert quote_identifier("a`b") == "`a``b`"
    assert quote_multipart_identifier("cat", "n.s", "t`") == "`cat`.`n.s`.`t```"
    assert quote_path_identifier("delta", "/d/it`s") == "`delta`.`/d/it``s`"


@pytest.mark.parametrize("name", AWKWARD_VALUES)
def test_spark_reads_a_quoted_identifier_back_as_the_same_name(spark, name):
    assert spark.sql(f"SELECT 1 AS {quote_identifier(name)}").columns == [name]


@pytest.mark.parametrize("value", AWKWARD_VALUES + ["new\nline", "\\'", "'"])
def test_spark_reads_a_quoted_string_literal_back_as_the_same_text(spark, value):
    assert spark.sql(f"SELECT {quote_string_literal(value)} AS v").first().v == value


@pytest.mark.parametrize("value", AWKWARD_VALUES + ["'", "''"])
def test_duckdb_reads_a_quoted_string_literal_back_as_the_same_text(value):
    import duckdb

    assert duckdb.connect().execute(f"SELECT {quote_duckdb_string_literal(value)}").fetchone()[0] == value


def test_a_delta_table_in_an_awkward_directory_is_written_measured_and_described(spark, awkward_root):
    root = os.path.join(awkward_root, "delta")
    table_format = DeltaFormat(spark, root, "tpch_sf0_1", "snappy", {"checkpoint_interval": "10"})
    table_format.write(spark.range(7).withColumnRenamed("id", "r_regionkey"), "region")

    stats = table_format.stats("region")

    assert stats.rows == 7 and stats.data_files >= 1 and stats.data_bytes > 0 and stats.metadata_bytes > 0
    location = table_format.location("region")
    detail = spark.sql(f"DESCRIBE DETAIL {quote_path_identifier('delta', location)}").first()
    assert int(detail.numFiles) == stats.data_files
    # The SQL the job built before: the backtick in the directory name ends the identifier.
    with pytest.raises(ParseException):
        spark.sql(f"DESCRIBE DETAIL delta.`{location}`")


def test_an_iceberg_table_with_an_awkward_name_in_an_awkward_warehouse_round_trips(spark, awkward_root):
    # conftest puts the Iceberg warehouse in awkward_root/iceberg.
    table_format = IcebergFormat(spark, os.path.join(awkward_root, "iceberg"), "tpch_sf0_1", "snappy", {"format_version": "2"})
    name = "we`ird tâble"
    table_format.write(spark.range(5).withColumnRenamed("id", "k"), name)

    stats = table_format.stats(name)

    assert stats.rows == 5 and stats.data_files >= 1 and stats.metadata_bytes > 0
    assert os.path.isdir(table_format.location(name))
    table_format.drop(name)
    assert not os.path.exists(table_format.location(name))


def test_the_duckdb_oracle_and_bronze_inspection_read_a_bronze_dir_with_quotes_and_brackets(tmp_path):
    import duckdb

    from bronze.inspect_tables import inspect
    from common.tpch import TABLES
    from oracle.duckdb_answers import register_bronze_views

    bronze = tmp_path / "b[1] it's `x` ü"
    connection = duckdb.connect()
    for rows, table in enumerate(TABLES, start=1):
        (bronze / table).mkdir(parents=True)
        target = quote_duckdb_string_literal(str(bronze / table / f"{table}.1.parquet"))
        connection.execute(f"COPY (SELECT range AS k FROM range({rows})) TO {target} (FORMAT parquet)")

    register_bronze_views(connection, str(bronze))

    assert [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES] == list(range(1, len(TABLES) + 1))
    assert inspect(str(bronze))["lineitem"] == {"rows": len(TABLES), "files": 1, "bytes": (bronze / "lineitem" / "lineitem.1.parquet").stat().st_size}
