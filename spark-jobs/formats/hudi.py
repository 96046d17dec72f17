"""Apache Hudi tables, non-partitioned, keyed by each TPC-H table's primary key, loaded with bulk_insert.

Sizes and file counts come from the _hoodie_file_name column: the base files the latest
snapshot reads, not every file version under the table's directory.
"""
from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from common.sql_quoting import quote_identifier, quote_string_literal
from common.storage import file_bytes, tree_bytes
from common.tpch import record_key
from formats.table_format import SESSION_SETUP, ChangeStats, TableFormat, TableStats, detached, keys_match

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

# The write option that picks the table type; Hudi stores it as hoodie.table.type in .hoodie/hoodie.properties.
TABLE_TYPE_OPTION = "hoodie.datasource.write.table.type"
# Hudi reads hoodie.* session settings as read options of every table, by path or by catalog name.
DATA_SKIPPING = "hoodie.enable.data.skipping"


class HudiFormat(TableFormat):
    FAMILY = "hudi"
    PRACTICES: list[dict] = [
        {"setting": "spark.sql.extensions", "value": "org.apache.spark.sql.hudi.HoodieSparkSessionExtension",
         "applied": True, "why": SESSION_SETUP},
        {"setting": "spark.sql.catalog.spark_catalog", "value": "org.apache.spark.sql.hudi.catalog.HoodieCatalog",
         "applied": True, "why": SESSION_SETUP},
        {"setting": "spark.kryo.registrator", "value": "org.apache.spark.HoodieSparkKryoRegistrar", "applied": True,
         "why": "documented requirement of Hudi's Spark setup (with the Kryo serializer every format uses)"},
        {"setting": DATA_SKIPPING, "value": "false", "applied": True,
         "why": "a correctness fix, not a tuning: Hudi 1.0.2's data skipping (on by default, with the column-stats "
                "index) drops every file whose minimum starts with a LIKE 'prefix%' literal, so Q20 with the color "
                "'almond' (part's smallest p_name) answered no rows (apache/hudi#18791; the fix, apache/hudi#19169, "
                "is in no release yet). Off, Hudi lists files without the index; spark-jobs/tests/"
                "test_format_variants.py pins the bug so an upgrade that fixes it shows"},
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

    # Hudi 1.0.2's SQL DELETE takes an IN subquery on a column that is only part of the record key
    # (lineitem's key is l_orderkey,l_linenumber): it reads the matching records and writes deletes.
    CHANGE_METHOD = "Hudi SQL INSERT INTO ... SELECT; DELETE FROM ... WHERE key IN (SELECT ...) on the path registered as a table"

    @classmethod
    def work_settings(cls, work_root: str) -> list[dict]:
        return [{
            "setting": "spark.sql.filesourceTableRelationCacheSize", "value": "0", "applied": True,
            "why": "the working copies are catalog tables (Hudi's SQL writes need one), and each session keeps the "
                   "relation it resolved for a catalog table, file listing included; a write refreshes only the "
                   "writing session's entry, so a throughput stream's session went on reading files the refresh "
                   "stream had replaced (wrong answers at SF 0.01 on hudi-mor). With no cache every query "
                   "resolves the table's latest commit, as Iceberg's cache-enabled=false does",
        }]

    def catalog_name(self, table: str) -> str:
        # In spark_catalog's default database; one working copy per application, so the name is the table's.
        return f"lakebench_{self.namespace}_{table}"

    def sql_source(self, table: str) -> str:
        return quote_identifier(self.catalog_name(table))

    def register(self, table: str) -> None:
        """Hudi's SQL writes need a catalog table: the path becomes an external table (no data moves)."""
        self.spark.sql(f"CREATE TABLE IF NOT EXISTS {self.sql_source(table)} USING hudi "
                       f"LOCATION {quote_string_literal(self.location(table))}")

    def delete_orders(self, table: str, key_column: str, keys_view: str) -> None:
        self.spark.sql(
            f"DELETE FROM {self.sql_source(table)} WHERE {quote_identifier(key_column)} IN "
            f"(SELECT orderkey FROM {quote_identifier(keys_view)})"
        )

    def _commits(self, table: str) -> list:
        name = quote_string_literal(self.catalog_name(table))
        return self.spark.sql(f"CALL show_commits(table => {name}, limit => 100000)").collect()

    def version(self, table: str) -> str | None:
        commits = self._commits(table)
        return commits[0].commit_time if commits else None

    def change_stats(self, table: str) -> ChangeStats:
        # Live: the latest file slice of every file group Hudi's file system view reads (replaced
        # groups left out); log files are the MERGE_ON_READ changes not yet compacted. Total: every
        # file on disk, all versions the cleaner kept.
        name = quote_string_literal(self.catalog_name(table))
        slices = self.spark.sql(f"CALL show_fsview_latest(table => {name})").collect()
        base = [row.data_file_size for row in slices if row.data_file]
        metadata = tree_bytes(self.spark, posixpath.join(self.location(table), ".hoodie"))
        return ChangeStats(len(base), sum(base), sum(row.num_delta_files for row in slices), self._total_bytes(table),
                           metadata, len(self._commits(table)))

    UPSERT_METHOD = ("Hudi SQL MERGE INTO ... WHEN MATCHED THEN UPDATE SET on the registered table "
                     "(COPY_ON_WRITE rewrites the file groups, MERGE_ON_READ appends log files)")
    TIME_TRAVEL_METHOD = "Hudi as.of.instant read option (the instant of the round's last commit)"
    MAINTENANCE_METHOD = ("Hudi run_compaction scheduleAndExecute (MERGE_ON_READ only), run_clustering, "
                          "run_clean (KEEP_LATEST_FILE_VERSIONS, 1 version)")

    def upsert_source(self, table: str, source_view: str, key_columns: tuple[str, ...], set_columns: tuple[str, ...]) -> str:
        """Whole rows: Hudi 1.0.2's MERGE INTO with a partial UPDATE SET writes MERGE_ON_READ log
        blocks of the changed columns only, which its default record merger cannot read back
        (UnsupportedOperationException: Partial merging logic is not implemented by
        OverwriteWithLatestSparkRecordMerger), so every variant gets the target's rows with the
        new values and UPDATE SET *."""
        view = f"{source_view}_rows"
        columns = [c for c in self.read(table).columns if not c.startswith("_hoodie_")]
        select = ", ".join(f"s.{quote_identifier(c)}" if c in set_columns else f"t.{quote_identifier(c)}" for c in columns)
        rows = self.spark.sql(f"SELECT {select} FROM {self.sql_source(table)} AS t "
                              f"JOIN {quote_identifier(source_view)} AS s ON {keys_match(key_columns)}")
        detached(rows).createOrReplaceTempView(view)
        return view

    def _assignments(self, set_columns: tuple[str, ...]) -> str:
        return "*"

    def read_version(self, table: str, version: str) -> DataFrame:
        return self.spark.read.format("hudi").option("as.of.instant", str(version)).load(self.location(table))

    def maintain(self, table: str) -> list[dict]:
        name = quote_string_literal(self.catalog_name(table))
        operations = []
        if self.table_properties.get(TABLE_TYPE_OPTION) == "MERGE_ON_READ":
            # Compaction merges the log files into new base files; copy-on-write has none.
            # By default a compaction is planned only after 5 delta commits; maintenance compacts what there is.
            operations.append(self._timed_call("run_compaction", f"CALL run_compaction(op => 'scheduleAndExecute', table => {name}, "
                                                                 "options => 'hoodie.compact.inline.max.delta.commits=1')"))
        operations.append(self._timed_call("run_clustering", f"CALL run_clustering(table => {name})"))
        # One version of each file group, as Iceberg's retain_last 1 and Delta's VACUUM RETAIN 0 HOURS
        # (with retain_commits => 1 instead, Hudi 1.0.2 planned no clean at all).
        operations.append(self._timed_call("run_clean", f"CALL run_clean(table => {name}, "
                                                        "clean_policy => 'KEEP_LATEST_FILE_VERSIONS', file_versions_retained => 1)"))
        return operations

    ROLLBACK_METHOD = ("Hudi rollback_to_savepoint procedure (a savepoint at every round's last commit; round 0's "
                       "kept for time travel, both deleted before maintenance)")

    def keep_restorable(self, table: str, version: str | None, round_number: int) -> None:
        """A savepoint: Hudi's cleaner keeps its file slices and restore can return to it."""
        self._call_on(table, "create_savepoint", "commit_time", version)

    def release_restorable(self, table: str, version: str | None, round_number: int) -> None:
        self._call_on(table, "delete_savepoint", "instant_time", version)

    def rollback(self, table: str, version: str | None, round_number: int) -> None:
        """Restore rolls back every instant after the savepoint, the killed run's inflight one included."""
        self._call_on(table, "rollback_to_savepoint", "instant_time", version)

    def _call_on(self, table: str, procedure: str, argument: str, version: str | None) -> None:
        name = quote_string_literal(self.catalog_name(table))
        self.spark.sql(f"CALL {procedure}(table => {name}, {argument} => {quote_string_literal(str(version))})").collect()
