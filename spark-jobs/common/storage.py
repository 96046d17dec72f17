"""File sizes through Hadoop's FileSystem, so paths work on local disk and on a cluster's storage."""
from __future__ import annotations

from pyspark.sql import SparkSession


def _fs_and_path(spark: SparkSession, path: str):
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    return hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hadoop_path


def tree_bytes(spark: SparkSession, path: str) -> int:
    """Total bytes under a directory, recursively (0 when it does not exist)."""
    fs, hadoop_path = _fs_and_path(spark, path)
    if not fs.exists(hadoop_path):
        return 0
    return int(fs.getContentSummary(hadoop_path).getLength())


def file_bytes(spark: SparkSession, paths: list[str]) -> int:
    total = 0
    for path in paths:
        fs, hadoop_path = _fs_and_path(spark, path)
        total += int(fs.getFileStatus(hadoop_path).getLen())
    return total
