"""Apache Iceberg tables in a Hadoop (path) catalog whose warehouse is the run's silver directory.

Sizes and file counts come from Iceberg's data_files metadata table: the files the live
snapshot references, not every file under the table's directory.
"""
from __future__ import annotations

import posixpath
from datetime import datetime
from typing import TYPE_CHECKING

from common.sql_quoting import quote_identifier, quote_multipart_identifier, quote_string_literal
from common.storage import copy_tree, delete_tree, path_exists, tree_bytes, write_text
from formats.table_format import SESSION_SETUP, ChangeStats, TableFormat, TableStats

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

ICEBERG_CATALOG = "lakebench"
# The second hadoop catalog whose warehouse is the run's work root (refresh/qphh.py's working copies).
WORK_CATALOG = "lakebench_work"


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

    # Which catalog the instance's tables live in: the silver one, or WORK_CATALOG for working copies.
    catalog = ICEBERG_CATALOG
    COPY_METHOD = ("Iceberg rewrite_table_path procedure (metadata rewritten to the work root), then a "
                   "Hadoop FileSystem copy of the files it lists and a version-hint.text")
    CHANGE_METHOD = "Iceberg INSERT INTO ... SELECT; DELETE FROM ... WHERE key IN (SELECT ...)"

    @classmethod
    def work_settings(cls, work_root: str) -> list[dict]:
        return [
            {"setting": f"spark.sql.catalog.{WORK_CATALOG}", "value": "org.apache.iceberg.spark.SparkCatalog",
             "applied": True, "why": f"{SESSION_SETUP}: a second hadoop catalog holding the per-run working "
                                     "copies that the refresh functions change"},
            {"setting": f"spark.sql.catalog.{WORK_CATALOG}.type", "value": "hadoop", "applied": True,
             "why": "as the silver catalog: a Hadoop (path) catalog, no metastore service"},
            {"setting": f"spark.sql.catalog.{WORK_CATALOG}.warehouse", "value": work_root, "applied": True,
             "why": "the run's work root, so every change lands in the working copy, never in silver"},
            {"setting": f"spark.sql.catalog.{WORK_CATALOG}.cache-enabled", "value": "false", "applied": True,
             "why": "the throughput test's query streams are separate sessions of one application; with the "
                    "catalog's table cache on, a stream could keep reading the table object it loaded before the "
                    "refresh stream's commit. Off, every query loads the current metadata, as a reader on a "
                    "shared cluster would"},
        ]

    def working(self, work_root: str) -> TableFormat:
        copy = super().working(work_root)
        copy.catalog = WORK_CATALOG
        return copy

    def identifier(self, table: str, *metadata_table: str) -> str:
        return quote_multipart_identifier(self.catalog, self.namespace, table, *metadata_table)

    def sql_source(self, table: str) -> str:
        return self.identifier(table)

    def copy_table(self, table: str, work_root: str) -> None:
        """The manifests hold absolute paths, so a raw copy would commit into the pristine table:
        rewrite_table_path stages metadata with the work root as prefix and lists what to copy."""
        target = self.working(work_root)
        destination = target.location(table)
        staging = destination + ".staging"
        delete_tree(self.spark, destination)
        delete_tree(self.spark, staging)
        name = quote_string_literal(quote_multipart_identifier(self.namespace, table))
        result = self.spark.sql(
            f"CALL {quote_identifier(self.catalog)}.system.rewrite_table_path(table => {name}, "
            f"source_prefix => {quote_string_literal(self.location(table))}, "
            f"target_prefix => {quote_string_literal(destination)}, "
            f"staging_location => {quote_string_literal(staging)})"
        ).first()
        # Each line is "<source>,<target>", unquoted, and a path may hold a comma: the target is
        # the part that starts with the destination prefix.
        separator = "," + destination + "/"
        for line in self.spark.read.text(result.file_list_location).collect():
            cut = line.value.rfind(separator)
            if cut < 0:
                raise ValueError(f"rewrite_table_path listed {line.value!r}, not a copy into {destination}")
            copy_tree(self.spark, line.value[:cut], line.value[cut + 1:])
        # The hadoop catalog finds the current metadata file through version-hint.text (v<N>.metadata.json).
        version = result.latest_version.split(".")[0].lstrip("v")
        write_text(self.spark, posixpath.join(destination, "metadata", "version-hint.text"), version)
        delete_tree(self.spark, staging)

    def delete_orders(self, table: str, key_column: str, keys_view: str) -> None:
        self.spark.sql(
            f"DELETE FROM {self.identifier(table)} WHERE {quote_identifier(key_column)} IN "
            f"(SELECT orderkey FROM {quote_identifier(keys_view)})"
        )

    def version(self, table: str) -> str | None:
        row = self.spark.sql(
            f"SELECT snapshot_id FROM {self.identifier(table, 'history')} WHERE is_current_ancestor "
            "ORDER BY made_current_at DESC LIMIT 1"
        ).first()
        return None if row is None else str(row.snapshot_id)

    def change_stats(self, table: str) -> ChangeStats:
        data = self.spark.sql(
            "SELECT count(*) AS n, coalesce(sum(file_size_in_bytes), 0) AS b "
            f"FROM {self.identifier(table, 'data_files')}"
        ).first()
        deletes = self.spark.sql(f"SELECT count(*) AS n FROM {self.identifier(table, 'delete_files')}").first()
        snapshots = self.spark.sql(f"SELECT count(*) AS n FROM {self.identifier(table, 'snapshots')}").first()
        return ChangeStats(int(data.n), int(data.b), int(deletes.n), self._total_bytes(table),
                           tree_bytes(self.spark, posixpath.join(self.location(table), "metadata")), int(snapshots.n))

    UPSERT_METHOD = "Iceberg MERGE INTO ... WHEN MATCHED THEN UPDATE SET (the variant's write.merge.mode)"
    TIME_TRAVEL_METHOD = "Iceberg SELECT ... VERSION AS OF <snapshot id>"
    MAINTENANCE_METHOD = ("Iceberg rewrite_data_files (every file with a delete rewritten: delete-file-threshold 1), "
                          "rewrite_position_delete_files (rewrite-all, which drops dangling deletes), "
                          "expire_snapshots (older than now, retain_last 1)")

    def read_version(self, table: str, version: str) -> DataFrame:
        return self.spark.sql(f"SELECT * FROM {self.identifier(table)} VERSION AS OF {int(version)}")

    def maintain(self, table: str) -> list[dict]:
        call = f"CALL {quote_identifier(self.catalog)}.system"
        name = quote_string_literal(quote_multipart_identifier(self.namespace, table))
        operations = [
            self._timed_call("rewrite_data_files", f"{call}.rewrite_data_files(table => {name}, "
                                                   "options => map('delete-file-threshold', '1'))"),
            self._timed_call("rewrite_position_delete_files", f"{call}.rewrite_position_delete_files(table => {name}, "
                                                              "options => map('rewrite-all', 'true'))"),
        ]
        # Taken after the rewrites, so their snapshots expire too. The JVM's time zone is the
        # session's (spark.sql.session.timeZone is not set).
        now = quote_string_literal(datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3])
        operations.append(self._timed_call("expire_snapshots", f"{call}.expire_snapshots(table => {name}, "
                                                               f"older_than => TIMESTAMP {now}, retain_last => 1)"))
        return operations

    ROLLBACK_METHOD = "Iceberg rollback_to_snapshot procedure (the snapshot of the round's last commit)"

    def rollback(self, table: str, version: str | None, round_number: int) -> None:
        if self.version(table) == version:
            return  # nothing committed after the round; the procedure refuses the current snapshot
        name = quote_string_literal(quote_multipart_identifier(self.namespace, table))
        self.spark.sql(f"CALL {quote_identifier(self.catalog)}.system.rollback_to_snapshot(table => {name}, "
                       f"snapshot_id => {int(version)})").collect()

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
