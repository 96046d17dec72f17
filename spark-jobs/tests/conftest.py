"""Test fixtures: one real local SparkSession for the whole test session, with Delta and Iceberg.

One JVM per test process means one set of jars and extensions, so the session carries both
formats that can share it (Hudi claims spark_catalog, as Delta does). The Iceberg warehouse
sits in a directory whose name has a quote, a backtick, spaces and non-ASCII letters, so every
Iceberg test also proves that the jobs' SQL survives such a DATA_DIR.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile

import pytest

JOBS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, JOBS_DIR)

from common.session import FORMAT_CONF  # noqa: E402
from formats.iceberg import ICEBERG_CATALOG  # noqa: E402

AWKWARD_DIR_NAME = "it's a `tick` dir, ü 数据 "


def cache_dir() -> str:
    return os.path.expanduser(os.environ.get("LAKEBENCH_CACHE_DIR") or "~/.cache/lakebench")


def format_jars(*families: str) -> list[str]:
    """The jar files scripts/setup.sh downloaded for these format families (spark-jobs/jars.txt)."""
    jars = []
    with open(os.path.join(JOBS_DIR, "jars.txt"), encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            family, coordinates = line.split()[:2]
            _, artifact, version = coordinates.split(":")
            if family in families:
                jars.append(os.path.join(cache_dir(), "jars", f"{artifact}-{version}.jar"))
    missing = [jar for jar in jars if not os.path.exists(jar)]
    if missing:
        pytest.exit(f"format jars missing ({', '.join(missing)}): run ./scripts/setup.sh", returncode=2)
    return jars


@pytest.fixture(scope="session")
def awkward_root():
    """A directory whose path needs quoting in SQL; removed after the test session."""
    parent = tempfile.mkdtemp(prefix="lakebench-pytest-")
    root = os.path.join(parent, AWKWARD_DIR_NAME)
    os.makedirs(root)
    yield root
    shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="session")
def spark(awkward_root):
    from pyspark.sql import SparkSession

    extensions = ",".join(FORMAT_CONF[f]["spark.sql.extensions"] for f in ("delta", "iceberg"))
    builder = (
        SparkSession.builder.master("local[1]")
        .appName("spark-jobs-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.databricks.delta.snapshotPartitions", "1")
        .config("spark.jars", ",".join(format_jars("delta", "iceberg")))
        .config("spark.sql.extensions", extensions)
        .config("spark.sql.catalog.spark_catalog", FORMAT_CONF["delta"]["spark.sql.catalog.spark_catalog"])
        .config(f"spark.sql.catalog.{ICEBERG_CATALOG}", FORMAT_CONF["iceberg"][f"spark.sql.catalog.{ICEBERG_CATALOG}"])
        .config(f"spark.sql.catalog.{ICEBERG_CATALOG}.type", "hadoop")
        .config(f"spark.sql.catalog.{ICEBERG_CATALOG}.warehouse", os.path.join(awkward_root, "iceberg"))
    )
    session = builder.getOrCreate()
    yield session
    session.stop()
