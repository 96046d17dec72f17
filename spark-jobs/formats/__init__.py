"""The format variants: each is a family (its module in this package: session settings, write,
read, storage figures, drop) plus the table properties its tables are written with.

FORMAT_IDS is the list the TypeScript side must agree with (its parity test reads it with
`python -c`; nothing here needs pyspark to load). Property names are those of the jars in
spark-jobs/jars.txt: Iceberg 1.10.1 (TableProperties), Delta 3.3.2 (DeltaConfigs), Hudi 1.0.2
(DataSourceWriteOptions / HoodieTableConfig).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from formats.delta import DELETION_VECTORS, DeltaFormat
from formats.hudi import TABLE_TYPE_OPTION, HudiFormat
from formats.iceberg import IcebergFormat
from formats.parquet import ParquetFormat
from formats.table_format import TableFormat

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

MERGE_ON_READ_MODES = ("write.delete.mode", "write.update.mode", "write.merge.mode")


@dataclass(frozen=True)
class FormatVariant:
    id: str
    family: type[TableFormat]
    # Written with every table of the variant, and listed in the report as the format's own settings.
    table_properties: dict[str, str] = field(default_factory=dict)
    # Why the variant sets them (the report's "why").
    why: str = ""

    def property_practices(self) -> list[dict]:
        """The table properties as report entries, shaped like the family's session PRACTICES."""
        return [{"setting": key, "value": value, "applied": True, "why": self.why}
                for key, value in self.table_properties.items()]


VARIANTS: dict[str, FormatVariant] = {v.id: v for v in [
    # Copy-on-write is Iceberg's default for all three row-level modes (TableProperties.*_MODE_DEFAULT),
    # so this variant sets nothing: its tables are written exactly as before variants existed.
    FormatVariant("iceberg", IcebergFormat),
    FormatVariant("iceberg-mor", IcebergFormat, {mode: "merge-on-read" for mode in MERGE_ON_READ_MODES},
                  "table property of the merge-on-read variant: row-level changes (DELETE, UPDATE, MERGE) write "
                  "delete files instead of rewriting data files, and reads apply them"),
    FormatVariant("delta", DeltaFormat, {DELETION_VECTORS: "false"},
                  "table property, set explicitly: deletion vectors off, so row-level changes rewrite the data "
                  "files they touch, whatever a session default for new tables says"),
    FormatVariant("delta-dv", DeltaFormat, {DELETION_VECTORS: "true"},
                  "table property of the deletion-vector variant: row-level changes mark removed rows in "
                  "deletion vector files instead of rewriting data files, and reads skip those rows"),
    FormatVariant("hudi", HudiFormat, {TABLE_TYPE_OPTION: "COPY_ON_WRITE"},
                  "the copy-on-write variant (Hudi's default table type, set explicitly): an upsert rewrites the "
                  "base files it touches; stored as hoodie.table.type"),
    FormatVariant("hudi-mor", HudiFormat, {TABLE_TYPE_OPTION: "MERGE_ON_READ"},
                  "the merge-on-read variant: an upsert appends log files that reads merge with the base files "
                  "until compaction; stored as hoodie.table.type"),
    FormatVariant("parquet", ParquetFormat),
]}

FORMAT_IDS: list[str] = list(VARIANTS)


class UnknownFormatError(SystemExit):
    """A format id that is not a variant: ends the job with one line naming the ones there are."""

    def __init__(self, format_id: str) -> None:
        super().__init__(f"error: unknown format {format_id!r} (formats: {', '.join(FORMAT_IDS)})")
        self.format_id = format_id


def variant(format_id: str) -> FormatVariant:
    if format_id not in VARIANTS:
        raise UnknownFormatError(format_id)
    return VARIANTS[format_id]


def table_format_for(format_id: str, spark: SparkSession, root: str, namespace: str, codec: str,
                     options: dict[str, str]) -> TableFormat:
    """The variant's family, writing its tables with the variant's table properties."""
    chosen = variant(format_id)
    return chosen.family(spark, root, namespace, codec, options, dict(chosen.table_properties))
