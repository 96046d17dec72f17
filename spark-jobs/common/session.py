"""Builds the one SparkSession a job uses, configured for exactly one table format.

Iceberg, Delta and Hudi run in separate applications: Delta's DeltaCatalog and Hudi's
HoodieCatalog both claim spark_catalog, so they cannot share a session.
"""
from __future__ import annotations

from pyspark.sql import SparkSession

from common.executors import wait_for_executor

ICEBERG_CATALOG = "lakebench"

# Identical for every format so that no format wins by a different serializer or codec.
COMMON_CONF: dict[str, str] = {
    "spark.serializer": "org.apache.spark.serializer.KryoSerializer",
    "spark.sql.adaptive.enabled": "true",
    "spark.ui.showConsoleProgress": "false",
}

FORMAT_CONF: dict[str, dict[str, str]] = {
    "parquet": {},
    "iceberg": {
        "spark.sql.extensions": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
        f"spark.sql.catalog.{ICEBERG_CATALOG}": "org.apache.iceberg.spark.SparkCatalog",
        f"spark.sql.catalog.{ICEBERG_CATALOG}.type": "hadoop",
    },
    "delta": {
        "spark.sql.extensions": "io.delta.sql.DeltaSparkSessionExtension",
        "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
    },
    "hudi": {
        "spark.sql.extensions": "org.apache.spark.sql.hudi.HoodieSparkSessionExtension",
        "spark.sql.catalog.spark_catalog": "org.apache.spark.sql.hudi.catalog.HoodieCatalog",
        "spark.kryo.registrator": "org.apache.spark.HoodieSparkKryoRegistrar",
    },
}


def build_session(app_name: str, framework: str, codec: str, warehouse: str) -> SparkSession:
    """Master, memory and jars come from spark-submit; this adds what the format needs."""
    builder = SparkSession.builder.appName(app_name)
    conf = {**COMMON_CONF, **FORMAT_CONF[framework], "spark.sql.parquet.compression.codec": codec}
    if framework == "iceberg":
        conf[f"spark.sql.catalog.{ICEBERG_CATALOG}.warehouse"] = warehouse
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    wait_for_executor(spark)
    if framework == "delta":
        # Delta rebuilds table state with its own partition count (50 by default), which on
        # a small machine costs more than the query itself: give it the shuffle setting that
        # every format shares. Measured at SF 0.1 on 2 cores: TPC-H Q2 3.1 s -> 1.2 s.
        spark.conf.set("spark.databricks.delta.snapshotPartitions", spark.conf.get("spark.sql.shuffle.partitions"))
        # Not set: spark.databricks.delta.stalenessLimit. Delta's extra query time is planning:
        # each table scan runs one Spark job over the snapshot state to list its files
        # (PrepareDeltaScan -> filesForScan), ~60 % of Delta's time at SF 0.1 vs ~12 % of
        # Parquet's. A staleness limit only skips re-listing _delta_log; measured at SF 0.1 with
        # 3 runs, Σ medians 113.9 s without and 114.8 s with 1 h, the same planning jobs per query.
    return spark
