"""Apache Hudi tables, non-partitioned, keyed by each TPC-H table's primary key, loaded with bulk_insert.

Sizes and file counts come from the _hoodie_file_name column: the base files the latest
snapshot reads, not every file version under the table's directory.
"""
from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from common.storage import file_bytes, tree_bytes
from common.tpch import record_key
from formats.table_format import SESSION_SETUP, TableFormat, TableStats

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# The write option that picks the table type; Hudi stores it as hoodie.table.type in .hoodie/hoodie.properties.
TABLE_TYPE_OPTION = "hoodie.datasource.write.table.type"


class HudiFormat(TableFormat):
    FAMILY = "hudi"
    PRACTICES: list[dict] = [
        {"setting": "spark.sql.extensions", "value": "org.apache.spark.sql.hudi.HoodieSparkSessionExtension",
         "applied": True, "why": SESSION_SETUP},
        {"setting": "spark.sql.catalog.spark_catalog", "value": "org.apache.spark.sql.hudi.catalog.HoodieCatalog",
         "applied": True, "why": SESSION_SETUP},
        {"setting": "spark.kryo.registrator", "value": "org.apache.spark.HoodieSparkKryoRegistrar", "applied": True,
         "why": "documented requirement of Hudi's Spark setup (with the Kryo serializer every format uses)"},
    ]
    RETIRED_OPTIONS = {"table_type": "the table type comes from the format id: hudi (COPY_ON_WRITE) or hudi-mor (MERGE_ON_READ)"}

    def write(self, df: DataFrame, table: str) -> None:
        options = {
            "hoodie.table.name": table,
            "hoodie.datasource.write.recordkey.field": ",".join(record_key(table)),
            "hoodie.datasource.write.partitionpath.field": "",
            "hoodie.datasource.write.keygenerator.class": "org.apache.hudi.keygen.NonpartitionedKeyGenerator",
            # bulk_insert is Hudi's documented operation for an initial load.
            "hoodie.datasource.write.operation": "bulk_insert",
            "hoodie.parquet.compression.codec": self.codec,
            # The variant's table type (TABLE_TYPE_OPTION).
            **self.table_properties,
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
