"""File sizes through Hadoop's FileSystem, so paths work on local disk and on a cluster's storage."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: the format registry loads without pyspark
    from pyspark.sql import SparkSession


def _fs_and_path(spark: SparkSession, path: str, is_uri: bool = False):
    jvm = spark.sparkContext._jvm
    # A URI (DataFrame.inputFiles()) is percent-encoded: Path(String) would keep "%20" as is.
    hadoop_path = jvm.org.apache.hadoop.fs.Path(jvm.java.net.URI(path) if is_uri else path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hadoop_path


def tree_bytes(spark: SparkSession, path: str) -> int:
    """Total bytes under a directory, recursively (0 when it does not exist)."""
    fs, hadoop_path = _fs_and_path(spark, path)
    if not fs.exists(hadoop_path):
        return 0
    return int(fs.getContentSummary(hadoop_path).getLength())


def file_bytes(spark: SparkSession, paths: list[str], are_uris: bool = False) -> int:
    total = 0
    for path in paths:
        fs, hadoop_path = _fs_and_path(spark, path, are_uris)
        total += int(fs.getFileStatus(hadoop_path).getLen())
    return total


def path_exists(spark: SparkSession, path: str) -> bool:
    fs, hadoop_path = _fs_and_path(spark, path)
    return bool(fs.exists(hadoop_path))


def delete_tree(spark: SparkSession, path: str) -> None:
    """Removes a directory and everything under it (nothing when it does not exist)."""
    fs, hadoop_path = _fs_and_path(spark, path)
    if fs.exists(hadoop_path):
        fs.delete(hadoop_path, True)
