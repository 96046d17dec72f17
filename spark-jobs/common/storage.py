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


def copy_tree(spark: SparkSession, source: str, target: str) -> None:
    """Copies a file or a directory tree (FileUtil.copy: works across file systems, s3a too)."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    source_fs, source_path = _fs_and_path(spark, source)
    target_fs, target_path = _fs_and_path(spark, target)
    parent = target_path.getParent()
    if parent is not None:
        target_fs.mkdirs(parent)
    if not jvm.org.apache.hadoop.fs.FileUtil.copy(source_fs, source_path, target_fs, target_path, False, True, conf):
        raise OSError(f"copy of {source} to {target} failed")


def rename_path(spark: SparkSession, source: str, target: str) -> None:
    fs, source_path = _fs_and_path(spark, source)
    _, target_path = _fs_and_path(spark, target)
    if not fs.rename(source_path, target_path):
        raise OSError(f"rename of {source} to {target} failed")


def list_file_names(spark: SparkSession, path: str, recursive: bool = False) -> list[tuple[str, int]]:
    """(path, bytes) of every file under a directory ([] when it does not exist)."""
    fs, hadoop_path = _fs_and_path(spark, path)
    if not fs.exists(hadoop_path):
        return []
    files, iterator = [], fs.listFiles(hadoop_path, recursive)
    while iterator.hasNext():
        status = iterator.next()
        files.append((status.getPath().toString(), int(status.getLen())))
    return files


def write_text(spark: SparkSession, path: str, text: str) -> None:
    """Writes (or replaces) a small text file."""
    fs, hadoop_path = _fs_and_path(spark, path)
    stream = fs.create(hadoop_path, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()
