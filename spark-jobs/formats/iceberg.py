"""Apache Iceberg tables in a Hadoop (path) catalog whose warehouse is the run's silver directory.

Sizes and file counts come from Iceberg's data_files metadata table: the files the live
snapshot references, not every file under the table's directory.
"""
from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from common.sql_quoting import quote_multipart_identifier
from common.storage import path_exists, tree_bytes
from formats.table_format import SESSION_SETUP, TableFormat, TableStats

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

ICEBERG_CATALOG = "lakebench"


class IcebergFormat(TableFormat):
    FAMILY = "iceberg"
    PRACTICES: list[dict] = [
        {"setting": "spark.sql.extensions", "value": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
         "applied": True, "why": SESSION_SETUP},
        {"setting": f"spark.sql.catalog.{ICEBERG_CATALOG}", "value": "org.apache.iceberg.spark.SparkCatalog",
         "applied": True, "why": SESSION_SETUP},
        {"setting": f"spark.sql.catalog.{ICEBERG_CATALOG}.type", "value": "hadoop", "applied": True,
         "why": f"{SESSION_SETUP}: a Hadoop (path) catalog needs no metastore service, so no extra process "
                "is timed; its warehouse is the run's silver directory"},
    ]
    OPTION_KEYS = ("format_version",)

    @classmethod
    def run_settings(cls, warehouse: str) -> dict[str, str]:
        return {f"spark.sql.catalog.{ICEBERG_CATALOG}.warehouse": warehouse}

    def identifier(self, table: str, *metadata_table: str) -> str:
        return quote_multipart_identifier(ICEBERG_CATALOG, self.namespace, table, *metadata_table)

    def write(self, df: DataFrame, table: str) -> None:
        self.spark.sql(f"CREATE NAMESPACE IF NOT EXISTS {quote_multipart_identifier(ICEBERG_CATALOG, self.namespace)}")
        writer = (
            df.writeTo(self.identifier(table))
            .using("iceberg")
            .tableProperty("format-version", self.options["format_version"])
            .tableProperty("write.parquet.compression-codec", self.codec)
        )
        for key, value in self.table_properties.items():
            writer = writer.tableProperty(key, value)
        writer.createOrReplace()

    def read(self, table: str) -> DataFrame:
        return self.spark.table(self.identifier(table))

    def stats(self, table: str) -> TableStats:
        files = self.spark.sql(
            "SELECT count(*) AS n, coalesce(sum(file_size_in_bytes), 0) AS b "
            f"FROM {self.identifier(table, 'data_files')}"
        ).first()
        metadata = tree_bytes(self.spark, posixpath.join(self.location(table), "metadata"))
        return TableStats(self.read(table).count(), int(files.n), int(files.b), metadata)

    def drop(self, table: str) -> None:
        # The hadoop catalog's table is its directory: asking for a missing one only logs a
        # warning about its version hint. PURGE deletes data and metadata files, not just the entry.
        if path_exists(self.spark, self.location(table)):
            self.spark.sql(f"DROP TABLE IF EXISTS {self.identifier(table)} PURGE")
