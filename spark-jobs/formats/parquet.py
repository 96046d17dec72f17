"""Plain Parquet files, the baseline: no table format, no session setup of its own.

Sizes and file counts come from Spark's file index of the directory (what a read would scan).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from common.storage import file_bytes
from formats.table_format import TableFormat, TableStats

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


class ParquetFormat(TableFormat):
    FAMILY = "parquet"
    PRACTICES: list[dict] = []

    def write(self, df: DataFrame, table: str) -> None:
        df.write.mode("overwrite").option("compression", self.codec).parquet(self.location(table))

    def read(self, table: str) -> DataFrame:
        return self.spark.read.parquet(self.location(table))

    def stats(self, table: str) -> TableStats:
        df = self.read(table)
        files = df.inputFiles()
        return TableStats(df.count(), len(files), file_bytes(self.spark, files, are_uris=True), 0)
