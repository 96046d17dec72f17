"""What every table format family does with one TPC-H table: write, read, measure and drop it.

A family (parquet.py, iceberg.py, delta.py, hudi.py) subclasses TableFormat and carries its
session settings as data (PRACTICES, read by common/session.py). A format variant
(formats/__init__.py) is a family plus the table properties its tables are written with.
pyspark is imported for type hints only, so the registry loads without it (the parity test).
"""
from __future__ import annotations

import posixpath
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from common.sql_quoting import quote_identifier
from common.storage import copy_tree, delete_tree, tree_bytes

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

# The "why" of a family's session setup entries.
SESSION_SETUP = "the format's documented session setup"


class FormatOptionError(SystemExit):
    """An --option the family does not read, or one it needs and did not get. Ends the job with
    one line on stderr (no traceback), which the orchestrator shows as the phase's error."""

    def __init__(self, family: str, key: str, value: str | None, allowed: tuple[str, ...], hint: str = "") -> None:
        reads = ", ".join(allowed) or "none"
        if value is None:
            message = f"{family}: --option {key}=<value> is missing (it reads: {reads})"
        else:
            message = f"{family}: --option {key}={value} is not an option it reads (it reads: {reads})"
        super().__init__(f"error: {message}" + (f"; {hint}" if hint else ""))
        self.family, self.key, self.value, self.allowed = family, key, value, allowed


def detached(df: DataFrame) -> DataFrame:
    """The rows, materialised, as a new relation: later commits to the tables they were read from
    do not change them, and their columns no longer resolve to those tables' columns (a local
    checkpoint alone keeps them, and Hudi's MERGE INTO refuses a source column that is the target's)."""
    from pyspark.sql import DataFrame

    rows = df.localCheckpoint(eager=True)._jdf
    return DataFrame(df.sparkSession._jsparkSession.createDataFrame(rows.javaRDD(), rows.schema()), df.sparkSession)


def keys_match(key_columns: tuple[str, ...]) -> str:
    """The join condition of target t and source s on the key."""
    return " AND ".join(f"t.{quote_identifier(k)} = s.{quote_identifier(k)}" for k in key_columns)


@dataclass
class TableStats:
    rows: int
    data_files: int
    data_bytes: int
    metadata_bytes: int


@dataclass
class ChangeStats:
    """A changed table's storage: the live data files, the row-level change artefacts the variant
    writes (Iceberg delete files, Delta deletion vectors, Hudi log files), every byte on disk,
    the metadata bytes, and the versions (snapshots, commits, instants) the format retains."""
    data_files: int
    data_bytes: int
    delete_files: int
    total_bytes: int
    metadata_bytes: int
    versions: int | None


@dataclass
class TableFormat:
    spark: SparkSession
    root: str  # <data>/silver/<format id>
    namespace: str  # tpch_sf<N>
    codec: str
    options: dict[str, str] = field(default_factory=dict)
    # The variant's table properties (formats/__init__.py), written with every table.
    table_properties: dict[str, str] = field(default_factory=dict)

    FAMILY: ClassVar[str] = ""
    # The family's own session settings, entries as in common/session.py's COMMON_PRACTICES.
    PRACTICES: ClassVar[list[dict]] = []
    # The --option keys the family reads; each is required.
    OPTION_KEYS: ClassVar[tuple[str, ...]] = ()
    # Options it no longer reads, with what to do instead.
    RETIRED_OPTIONS: ClassVar[dict[str, str]] = {}

    def __post_init__(self) -> None:
        self.check_options(self.options)

    @classmethod
    def check_options(cls, options: dict[str, str]) -> None:
        """Raises FormatOptionError unless `options` holds exactly the keys the family reads
        (the jobs call it before building a session, so a bad option fails fast)."""
        for key, value in options.items():
            if key not in cls.OPTION_KEYS:
                raise FormatOptionError(cls.FAMILY, key, value, cls.OPTION_KEYS, cls.RETIRED_OPTIONS.get(key, ""))
        for key in cls.OPTION_KEYS:
            if key not in options:
                raise FormatOptionError(cls.FAMILY, key, None, cls.OPTION_KEYS)

    @classmethod
    def run_settings(cls, warehouse: str) -> dict[str, str]:
        """Session settings whose value depends on the run (set at start-up, not reported)."""
        return {}

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

    # --- Change operations (refresh/qphh.py): RF1 and RF2 on a per-run working copy. ---

    # How copy_table makes the working copy, and how RF2 deletes (the job's "copy"/"change_method").
    COPY_METHOD: ClassVar[str] = "file copy of the table directory through Hadoop FileSystem (FileUtil.copy)"
    CHANGE_METHOD: ClassVar[str] = ""

    @classmethod
    def work_settings(cls, work_root: str) -> list[dict]:
        """Session settings the working copies need at start-up (entries as in PRACTICES)."""
        return []

    def working(self, work_root: str) -> TableFormat:
        """The same variant addressing the working copies under work_root (<work>/<namespace>/<table>)."""
        return type(self)(self.spark, work_root, self.namespace, self.codec, dict(self.options), dict(self.table_properties))

    def copy_table(self, table: str, work_root: str) -> None:
        """Copies the pristine table to work_root; the copy reads and commits on its own. The
        default is a file copy, right for formats whose log holds paths relative to the table."""
        target = self.working(work_root)
        delete_tree(self.spark, target.location(table))
        copy_tree(self.spark, self.location(table), target.location(table))

    def sql_source(self, table: str) -> str:
        """The table as a SQL FROM source, resolved afresh by every query that names it (so a
        temporary view over it sees each new commit)."""
        raise NotImplementedError

    def register(self, table: str) -> None:
        """Makes sql_source usable (a catalog entry where the format's SQL needs one)."""

    def insert(self, table: str, staged_view: str) -> None:
        """RF1: appends the staged rows in one commit, on the format's own write path."""
        self.spark.sql(f"INSERT INTO {self.sql_source(table)} SELECT * FROM {quote_identifier(staged_view)}")

    def delete_orders(self, table: str, key_column: str, keys_view: str) -> None:
        """RF2 on one table: removes the rows whose key_column is in keys_view's orderkey column."""
        raise NotImplementedError

    def version(self, table: str) -> str | None:
        """The format's own version of the table after its last commit (None: it has none)."""
        return None

    def change_stats(self, table: str) -> ChangeStats:
        raise NotImplementedError

    def _total_bytes(self, table: str) -> int:
        return tree_bytes(self.spark, self.location(table))

    # --- Lifecycle (lifecycle/run_lifecycle.py): upserts, time travel and maintenance on the copy. ---

    UPSERT_METHOD: ClassVar[str] = ""
    # "" when the family keeps no versions to read (the Parquet baseline).
    TIME_TRAVEL_METHOD: ClassVar[str] = ""
    MAINTENANCE_METHOD: ClassVar[str] = ""

    @classmethod
    def lifecycle_settings(cls) -> list[dict]:
        """Session settings the family's upserts and maintenance need (entries as in PRACTICES;
        one with "copies" takes that setting's value once the session has started)."""
        return []

    def upsert_source(self, table: str, source_view: str, key_columns: tuple[str, ...], set_columns: tuple[str, ...]) -> str:
        """The view upsert() merges from, made before its timing starts (the staged view itself
        unless the family's MERGE needs another shape)."""
        return source_view

    def upsert(self, table: str, source_view: str, key_columns: tuple[str, ...], set_columns: tuple[str, ...]) -> None:
        """One MERGE INTO: the target rows whose key matches a source row get its set_columns."""
        self.spark.sql(f"MERGE INTO {self.sql_source(table)} AS t USING {quote_identifier(source_view)} AS s "
                       f"ON {keys_match(key_columns)} WHEN MATCHED THEN UPDATE SET {self._assignments(set_columns)}")

    def _assignments(self, set_columns: tuple[str, ...]) -> str:
        return ", ".join(f"t.{quote_identifier(c)} = s.{quote_identifier(c)}" for c in set_columns)

    def read_version(self, table: str, version: str) -> DataFrame:
        """The table as it was at `version` (from version()), through the format's time travel."""
        raise NotImplementedError(f"{self.FAMILY} keeps no versions")

    def maintain(self, table: str) -> list[dict]:
        """The family's maintenance procedures on the table, in order: [{procedure, seconds}]."""
        return []

    # --- Resume (lifecycle/run_lifecycle.py --resume): back to the end of the last complete round. ---

    ROLLBACK_METHOD: ClassVar[str] = ""

    def keep_restorable(self, table: str, version: str | None, round_number: int) -> None:
        """Makes the table's state at a round's end (version()) one rollback() can return to. The
        default is nothing: the family keeps every version until maintenance."""

    def release_restorable(self, table: str, version: str | None, round_number: int) -> None:
        """Undoes keep_restorable once that state is no longer needed (before maintenance at the latest)."""

    def rollback(self, table: str, version: str | None, round_number: int) -> None:
        """Puts the table back to the state kept for the round, whatever a killed run left after it."""
        raise NotImplementedError

    def _timed_call(self, procedure: str, statement: str) -> dict:
        started = time.perf_counter()
        self.spark.sql(statement).collect()
        return {"procedure": procedure, "seconds": time.perf_counter() - started}
