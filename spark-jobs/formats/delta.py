"""Delta Lake tables, addressed by path.

Sizes and file counts come from Delta's table detail (DESCRIBE DETAIL): the files of the
current version, not every file under the table's directory.
"""
from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from common.sql_quoting import quote_identifier, quote_path_identifier
from common.storage import tree_bytes
from formats.table_format import SESSION_SETUP, ChangeStats, TableFormat, TableStats

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions"
# The table property of the delta-dv variant (formats/__init__.py).
DELETION_VECTORS = "delta.enableDeletionVectors"


class DeltaFormat(TableFormat):
    FAMILY = "delta"
    PRACTICES: list[dict] = [
        {"setting": "spark.sql.extensions", "value": "io.delta.sql.DeltaSparkSessionExtension", "applied": True,
         "why": SESSION_SETUP},
        {"setting": "spark.sql.catalog.spark_catalog", "value": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
         "applied": True, "why": SESSION_SETUP},
        # Set after start-up to the shuffle partition count the session ended up with.
        {"setting": "spark.databricks.delta.snapshotPartitions", "value": f"= {SHUFFLE_PARTITIONS}",
         "copies": SHUFFLE_PARTITIONS, "applied": True,
         "why": "Delta rebuilds table state with its own partition count (50 by default), which on a small "
                "machine costs more than the query itself; it gets the shuffle partition count every format "
                "shares. Measured at SF 0.1 on 2 cores: TPC-H Q2 3.1 s -> 1.2 s"},
        {"setting": "spark.databricks.delta.stalenessLimit", "value": "1h", "applied": False,
         "why": "measured no gain: at SF 0.1 with 3 runs, sum of medians 113.9 s without and 114.8 s with 1 h. "
                "Delta's extra time is planning - one Spark job per table scan over the snapshot state to list "
                "its files (PrepareDeltaScan -> filesForScan), ~60 % of Delta's query time vs ~12 % of "
                "Parquet's; a staleness limit only skips re-listing _delta_log, and no documented OSS Delta "
                "3.3 read setting removes those planning jobs"},
    ]
    OPTION_KEYS = ("checkpoint_interval",)

    def write(self, df: DataFrame, table: str) -> None:
        # A "delta."-prefixed writer option becomes a table property of the table it creates.
        writer = (
            df.write.format("delta")
            .mode("overwrite")
            .option("compression", self.codec)
            .option("delta.checkpointInterval", self.options["checkpoint_interval"])
        )
        for key, value in self.table_properties.items():
            writer = writer.option(key, value)
        writer.save(self.location(table))

    def read(self, table: str) -> DataFrame:
        return self.spark.read.format("delta").load(self.location(table))

    def detail(self, table: str):
        """DESCRIBE DETAIL's one row, through DeltaTable.detail() so no SQL is built from the path."""
        from pyspark.sql import DataFrame

        jvm_table = self.spark.sparkContext._jvm.io.delta.tables.DeltaTable.forPath(
            self.spark._jsparkSession, self.location(table)
        )
        return DataFrame(jvm_table.detail(), self.spark).first()

    def stats(self, table: str) -> TableStats:
        detail = self.detail(table)
        metadata = tree_bytes(self.spark, posixpath.join(self.location(table), "_delta_log"))
        return TableStats(
            self.read(table).count(), int(detail.numFiles), int(detail.sizeInBytes), metadata
        )

    # Delta 3.3 refuses a subquery in DELETE's condition (DELTA_UNSUPPORTED_SUBQUERY), so RF2 is the
    # MERGE form Delta documents for deleting the rows that match a source.
    CHANGE_METHOD = "Delta INSERT INTO ... SELECT; MERGE INTO ... USING keys ON key WHEN MATCHED THEN DELETE"

    def sql_source(self, table: str) -> str:
        return quote_path_identifier("delta", self.location(table))

    def delete_orders(self, table: str, key_column: str, keys_view: str) -> None:
        self.spark.sql(
            f"MERGE INTO {self.sql_source(table)} AS t "
            f"USING (SELECT DISTINCT orderkey FROM {quote_identifier(keys_view)}) AS k "
            f"ON t.{quote_identifier(key_column)} = k.orderkey WHEN MATCHED THEN DELETE"
        )

    def _snapshot(self, table: str):
        """The table's current snapshot (DeltaLog.update: reads the log up to its last commit)."""
        jvm = self.spark.sparkContext._jvm
        log = jvm.org.apache.spark.sql.delta.DeltaLog.forTable(self.spark._jsparkSession, self.location(table))
        return log.update(False, jvm.scala.Option.empty(), jvm.scala.Option.empty())

    def version(self, table: str) -> str | None:
        return str(self._snapshot(table).version())

    def change_stats(self, table: str) -> ChangeStats:
        from pyspark.sql import DataFrame

        snapshot = self._snapshot(table)
        files = DataFrame(snapshot.allFiles().toDF(), self.spark)
        row = files.selectExpr("count(*) AS n", "coalesce(sum(size), 0) AS b",
                               "count(deletionVector) AS dv").first()
        versions = self.spark.sql(f"DESCRIBE HISTORY {self.sql_source(table)}").count()
        metadata = tree_bytes(self.spark, posixpath.join(self.location(table), "_delta_log"))
        # delete_files: the live data files that carry a deletion vector, from the log's add actions.
        return ChangeStats(int(row.n), int(row.b), int(row.dv), self._total_bytes(table), metadata, versions)

    UPSERT_METHOD = "Delta MERGE INTO ... WHEN MATCHED THEN UPDATE SET (deletion vectors where the variant enables them)"
    TIME_TRAVEL_METHOD = "Delta versionAsOf read option (SELECT ... VERSION AS OF <version>)"
    MAINTENANCE_METHOD = ("Delta REORG TABLE ... APPLY (PURGE) where deletion vectors are on, OPTIMIZE, "
                          "VACUUM ... RETAIN 0 HOURS")

    @classmethod
    def lifecycle_settings(cls) -> list[dict]:
        return [
            {"setting": "spark.databricks.delta.retentionDurationCheck.enabled", "value": "false", "applied": True,
             "why": "VACUUM refuses a retention under 7 days unless this check is off; the lifecycle vacuums with "
                    "RETAIN 0 HOURS so that, as Iceberg's expire_snapshots retain_last 1, maintenance keeps only the "
                    "current version and the storage it gives back is comparable"},
            {"setting": "spark.sql.sources.parallelPartitionDiscovery.parallelism", "value": f"= {SHUFFLE_PARTITIONS}",
             "copies": SHUFFLE_PARTITIONS, "applied": True,
             "why": "VACUUM lists the table's files with this many tasks, 10000 by default, which Delta's maintainers "
                    "call too many for a small cluster (delta-io/delta#220); at SF 0.01 on 2 cores VACUUM took 65-92 s "
                    "per table with it. It gets the shuffle partition count every format shares"},
        ]

    def read_version(self, table: str, version: str) -> DataFrame:
        return self.spark.read.format("delta").option("versionAsOf", int(version)).load(self.location(table))

    def maintain(self, table: str) -> list[dict]:
        source = self.sql_source(table)
        operations = []
        if self.table_properties.get(DELETION_VECTORS) == "true":
            # OPTIMIZE rewrites only small files; REORG ... PURGE rewrites every file with a deletion vector.
            operations.append(self._timed_call("REORG TABLE APPLY (PURGE)", f"REORG TABLE {source} APPLY (PURGE)"))
        operations.append(self._timed_call("OPTIMIZE", f"OPTIMIZE {source}"))
        operations.append(self._timed_call("VACUUM RETAIN 0 HOURS", f"VACUUM {source} RETAIN 0 HOURS"))
        return operations

    ROLLBACK_METHOD = "Delta RESTORE TABLE ... TO VERSION AS OF <the round's last version>"

    def rollback(self, table: str, version: str | None, round_number: int) -> None:
        if self.version(table) == version:
            return  # nothing committed after the round (an uncommitted write left only unreferenced files)
        self.spark.sql(f"RESTORE TABLE {self.sql_source(table)} TO VERSION AS OF {int(version)}").collect()
