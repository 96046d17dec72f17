"""Plain Parquet files, the baseline: no table format, no session setup of its own.

Sizes and file counts come from Spark's file index of the directory (what a read would scan).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from common.sql_quoting import quote_identifier, quote_path_identifier
from common.storage import copy_tree, delete_tree, file_bytes, rename_path, tree_bytes
from formats.table_format import ChangeStats, TableFormat, TableStats, keys_match

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

    # No table format, no transaction: RF2 writes the table without the keys into a new directory
    # and swaps it in with two renames. A query reading the directory during the swap may fail or
    # see a torn state; that is the cost of having no table format, and the job records it.
    CHANGE_METHOD = ("Parquet (no transactions): RF1 appends new files; RF2 rewrites the table with an "
                     "anti-join into a new directory and swaps it in by rename")

    def sql_source(self, table: str) -> str:
        return quote_path_identifier("parquet", self.location(table))

    def insert(self, table: str, staged_view: str) -> None:
        self.spark.table(quote_identifier(staged_view)).write.mode("append").option("compression", self.codec).parquet(self.location(table))

    def delete_orders(self, table: str, key_column: str, keys_view: str) -> None:
        self._replace(table, self.spark.sql(
            f"SELECT t.* FROM {self.sql_source(table)} AS t LEFT ANTI JOIN {quote_identifier(keys_view)} AS k "
            f"ON t.{quote_identifier(key_column)} = k.orderkey"
        ))

    UPSERT_METHOD = "Parquet (no transactions): the table rewritten with a left join to the new values, swapped in by rename"

    def upsert(self, table: str, source_view: str, key_columns: tuple[str, ...], set_columns: tuple[str, ...]) -> None:
        matched = f"s.{quote_identifier(key_columns[0])} IS NOT NULL"
        # Each new value is cast to the column's type, as a table format's MERGE does on assignment
        # (price + 1.00 is DECIMAL(16,2); a file with a wider type would not read with the others).
        columns = [
            f"CAST(CASE WHEN {matched} THEN s.{quote_identifier(c.name)} ELSE t.{quote_identifier(c.name)} END "
            f"AS {c.dataType.simpleString()}) AS {quote_identifier(c.name)}"
            if c.name in set_columns else f"t.{quote_identifier(c.name)}"
            for c in self.read(table).schema.fields
        ]
        self._replace(table, self.spark.sql(
            f"SELECT {', '.join(columns)} FROM {self.sql_source(table)} AS t "
            f"LEFT JOIN {quote_identifier(source_view)} AS s ON {keys_match(key_columns)}"
        ))

    def _replace(self, table: str, rows: DataFrame) -> None:
        """Writes rows (read from the table) into a new directory and swaps it in by two renames."""
        location = self.location(table)
        rewritten, retired = location + ".rewrite", location + ".retired"
        delete_tree(self.spark, rewritten)
        rows.write.option("compression", self.codec).parquet(rewritten)
        rename_path(self.spark, location, retired)
        rename_path(self.spark, rewritten, location)
        delete_tree(self.spark, retired)

    ROLLBACK_METHOD = "Parquet (no versions): the table directory replaced by the copy made at the round's end"

    def _round_copy(self, table: str, round_number: int) -> str:
        return f"{self.location(table)}.round-{round_number}"

    def keep_restorable(self, table: str, version: str | None, round_number: int) -> None:
        """A copy of the directory beside it (outside change_stats, which reads the table's own)."""
        copy = self._round_copy(table, round_number)
        delete_tree(self.spark, copy)
        copy_tree(self.spark, self.location(table), copy)

    def release_restorable(self, table: str, version: str | None, round_number: int) -> None:
        delete_tree(self.spark, self._round_copy(table, round_number))

    def rollback(self, table: str, version: str | None, round_number: int) -> None:
        """Also removes what a _replace killed between its steps left (.rewrite, .retired)."""
        location = self.location(table)
        for leftover in (location, location + ".rewrite", location + ".retired"):
            delete_tree(self.spark, leftover)
        copy_tree(self.spark, self._round_copy(table, round_number), location)

    def change_stats(self, table: str) -> ChangeStats:
        files = self.spark.read.parquet(self.location(table)).inputFiles()
        data_bytes = file_bytes(self.spark, files, are_uris=True)
        return ChangeStats(len(files), data_bytes, 0, tree_bytes(self.spark, self.location(table)), 0, None)
