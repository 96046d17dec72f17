"""How each table format writes, reads and measures one TPC-H table.

Sizes and file counts come from each format's own view of the live table (Iceberg's
data_files metadata table, Delta's table detail, Hudi's _hoodie_file_name column,
Spark's file index for plain Parquet), never from a listing that would also count
files a table no longer references.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from pyspark.sql import DataFrame, SparkSession

from common.session import ICEBERG_CATALOG
from common.sql_quoting import quote_multipart_identifier
from common.storage import delete_tree, file_bytes, path_exists, tree_bytes
from common.tpch import record_key


@dataclass
class TableStats:
    rows: int
    data_files: int
    data_bytes: int
    metadata_bytes: int


@dataclass
class TableFormat:
    spark: SparkSession
    root: str  # <data>/silver/<framework>
    namespace: str  # tpch_sf<N>
    codec: str
    options: dict[str, str] = field(default_factory=dict)

    def location(self, table: str) -> str:
        return posixpath.join(self.root, self.namespace, table)

    def write(self, df: DataFrame, table: str) -> None:
        raise NotImplementedError

    def read(self, table: str) -> DataFrame:
        raise NotImplementedError

    def stats(self, table: str) -> TableStats:
        raise NotImplementedError

    def drop(self, table: str) -> None:
        """Removes the table and its files (path-addressed formats: its directory)."""
        delete_tree(self.spark, self.location(table))


class ParquetFormat(TableFormat):
    def write(self, df: DataFrame, table: str) -> None:
        df.write.mode("overwrite").option("compression", self.codec).parquet(self.location(table))

    def read(self, table: str) -> DataFrame:
        return self.spark.read.parquet(self.location(table))

    def stats(self, table: str) -> TableStats:
        df = self.read(table)
        files = df.inputFiles()
        return TableStats(df.count(), len(files), file_bytes(self.spark, files, are_uris=True), 0)


class IcebergFormat(TableFormat):
    def identifier(self, table: str, *metadata_table: str) -> str:
        return quote_multipart_identifier(ICEBERG_CATALOG, self.namespace, table, *metadata_table)

    def write(self, df: DataFrame, table: str) -> None:
        self.spark.sql(f"CREATE NAMESPACE IF NOT EXISTS {quote_multipart_identifier(ICEBERG_CATALOG, self.namespace)}")
        (
            df.writeTo(self.identifier(table))
            .using("iceberg")
            .tableProperty("format-version", self.options["format_version"])
            .tableProperty("write.parquet.compression-codec", self.codec)
            .createOrReplace()
        )

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


class DeltaFormat(TableFormat):
    def write(self, df: DataFrame, table: str) -> None:
        (
            df.write.format("delta")
            .mode("overwrite")
            .option("compression", self.codec)
            .option("delta.checkpointInterval", self.options["checkpoint_interval"])
            .save(self.location(table))
        )

    def read(self, table: str) -> DataFrame:
        return self.spark.read.format("delta").load(self.location(table))

    def stats(self, table: str) -> TableStats:
        # DeltaTable.detail() is DESCRIBE DETAIL without building SQL from the path.
        jvm_table = self.spark.sparkContext._jvm.io.delta.tables.DeltaTable.forPath(
            self.spark._jsparkSession, self.location(table)
        )
        detail = DataFrame(jvm_table.detail(), self.spark).first()
        metadata = tree_bytes(self.spark, posixpath.join(self.location(table), "_delta_log"))
        return TableStats(
            self.read(table).count(), int(detail.numFiles), int(detail.sizeInBytes), metadata
        )


class HudiFormat(TableFormat):
    def write(self, df: DataFrame, table: str) -> None:
        options = {
            "hoodie.table.name": table,
            "hoodie.datasource.write.recordkey.field": ",".join(record_key(table)),
            "hoodie.datasource.write.partitionpath.field": "",
            "hoodie.datasource.write.keygenerator.class": "org.apache.hudi.keygen.NonpartitionedKeyGenerator",
            # bulk_insert is Hudi's documented operation for an initial load.
            "hoodie.datasource.write.operation": "bulk_insert",
            "hoodie.datasource.write.table.type": self.options["table_type"],
            "hoodie.parquet.compression.codec": self.codec,
        }
        df.write.format("hudi").options(**options).mode("overwrite").save(self.location(table))

    def read(self, table: str) -> DataFrame:
        return self.spark.read.format("hudi").load(self.location(table))

    def stats(self, table: str) -> TableStats:
        df = self.read(table)
        names = [row[0] for row in df.select("_hoodie_file_name").distinct().collect()]
        # Non-partitioned tables keep their base files at the table root.
        paths = [posixpath.join(self.location(table), name) for name in names]
        metadata = tree_bytes(self.spark, posixpath.join(self.location(table), ".hoodie"))
        return TableStats(df.count(), len(paths), file_bytes(self.spark, paths), metadata)


FORMATS: dict[str, type[TableFormat]] = {
    "parquet": ParquetFormat,
    "iceberg": IcebergFormat,
    "delta": DeltaFormat,
    "hudi": HudiFormat,
}
