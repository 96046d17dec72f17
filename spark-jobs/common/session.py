"""Builds the one SparkSession a job uses, configured for exactly one table format.

Iceberg, Delta and Hudi run in separate applications: Delta's DeltaCatalog and Hudi's
HoodieCatalog both claim spark_catalog, so they cannot share a session.

The engine settings are data (COMMON_PRACTICES, FORMAT_PRACTICES): build_session sets exactly
the applied entries, and the gold job writes the same entries into its output for the report,
so what the report says was set cannot drift from what was set.
"""
from __future__ import annotations

from pyspark.sql import SparkSession

from common.executors import wait_for_executor

ICEBERG_CATALOG = "lakebench"
SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions"
CODEC_SETTING = "spark.sql.parquet.compression.codec"
# A value taken at run time: the run's PARQUET_CODEC, or (with "copies") another setting's value.
RUN_CODEC = "the run's PARQUET_CODEC"

SESSION_SETUP = "the format's documented session setup"

# Identical for every format so that no format wins by a different serializer, planner or codec.
COMMON_PRACTICES: list[dict] = [
    {"setting": "spark.serializer", "value": "org.apache.spark.serializer.KryoSerializer", "applied": True,
     "why": "one serializer for every format; Kryo because Hudi requires it, so the others get it too"},
    {"setting": "spark.sql.adaptive.enabled", "value": "true", "applied": True,
     "why": "adaptive query execution on for every format (Spark's default, pinned so no format differs)"},
    {"setting": CODEC_SETTING, "value": RUN_CODEC, "applied": True,
     "why": "every format writes and reads Parquet files compressed with the same codec"},
    {"setting": "spark.ui.showConsoleProgress", "value": "false", "applied": True,
     "why": "no progress bars in the job logs; no effect on timings"},
]

FORMAT_PRACTICES: dict[str, list[dict]] = {
    "parquet": [],
    "iceberg": [
        {"setting": "spark.sql.extensions", "value": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions",
         "applied": True, "why": SESSION_SETUP},
        {"setting": f"spark.sql.catalog.{ICEBERG_CATALOG}", "value": "org.apache.iceberg.spark.SparkCatalog",
         "applied": True, "why": SESSION_SETUP},
        {"setting": f"spark.sql.catalog.{ICEBERG_CATALOG}.type", "value": "hadoop", "applied": True,
         "why": f"{SESSION_SETUP}: a Hadoop (path) catalog needs no metastore service, so no extra process "
                "is timed; its warehouse is the run's silver directory"},
    ],
    "delta": [
        {"setting": "spark.sql.extensions", "value": "io.delta.sql.DeltaSparkSessionExtension", "applied": True,
         "why": SESSION_SETUP},
        {"setting": "spark.sql.catalog.spark_catalog", "value": "org.apache.spark.sql.delta.catalog.DeltaCatalog",
         "applied": True, "why": SESSION_SETUP},
        # Set after start-up to the shuffle partition count the session ended up with.
        {"setting": "spark.databricks.delta.snapshotPartitions", "value": f"= {SHUFFLE_PARTITIONS}",
         "copies": SHUFFLE_PARTITIONS, "applied": True,
         "why": "Delta rebuilds table state with its own partition count (50 by default), which on a small "
                "machine costs more than the query itself; it gets the shuffle partition count every format "
                "shares. Measured at SF 0.1 on 2 cores: TPC-H Q2 3.1 s -> 1.2 s"},
        {"setting": "spark.databricks.delta.stalenessLimit", "value": "1h", "applied": False,
         "why": "measured no gain: at SF 0.1 with 3 runs, sum of medians 113.9 s without and 114.8 s with 1 h. "
                "Delta's extra time is planning - one Spark job per table scan over the snapshot state to list "
                "its files (PrepareDeltaScan -> filesForScan), ~60 % of Delta's query time vs ~12 % of "
                "Parquet's; a staleness limit only skips re-listing _delta_log, and no documented OSS Delta "
                "3.3 read setting removes those planning jobs"},
    ],
    "hudi": [
        {"setting": "spark.sql.extensions", "value": "org.apache.spark.sql.hudi.HoodieSparkSessionExtension",
         "applied": True, "why": SESSION_SETUP},
        {"setting": "spark.sql.catalog.spark_catalog", "value": "org.apache.spark.sql.hudi.catalog.HoodieCatalog",
         "applied": True, "why": SESSION_SETUP},
        {"setting": "spark.kryo.registrator", "value": "org.apache.spark.HoodieSparkKryoRegistrar", "applied": True,
         "why": "documented requirement of Hudi's Spark setup (with the Kryo serializer every format uses)"},
    ],
}


def _start_conf(practices: list[dict], codec: str) -> dict[str, str]:
    """The applied settings known before start-up, the codec filled in."""
    return {p["setting"]: codec if p["value"] == RUN_CODEC else p["value"]
            for p in practices if p["applied"] and "copies" not in p}


# The start-up settings as plain maps (the test session in spark-jobs/tests/conftest.py reads them).
COMMON_CONF: dict[str, str] = {p["setting"]: p["value"] for p in COMMON_PRACTICES if p["value"] != RUN_CODEC}
FORMAT_CONF: dict[str, dict[str, str]] = {f: _start_conf(p, "") for f, p in FORMAT_PRACTICES.items()}


def settings_in_effect(spark: SparkSession, framework: str, codec: str) -> dict[str, list[dict]]:
    """The practices of this session with every value as set ("copies" and the codec resolved)."""
    def resolve(practices: list[dict]) -> list[dict]:
        resolved = []
        for p in practices:
            entry = {k: v for k, v in p.items() if k != "copies"}
            if p["applied"] and p["value"] == RUN_CODEC:
                entry["value"] = codec
            elif p["applied"] and "copies" in p:
                entry["value"] = spark.conf.get(p["setting"])
            resolved.append(entry)
        return resolved
    return {"common": resolve(COMMON_PRACTICES), "format": resolve(FORMAT_PRACTICES[framework])}


def build_session(app_name: str, framework: str, codec: str, warehouse: str) -> SparkSession:
    """Master, memory and jars come from spark-submit; this adds what the format needs."""
    builder = SparkSession.builder.appName(app_name)
    conf = {**_start_conf(COMMON_PRACTICES, codec), **_start_conf(FORMAT_PRACTICES[framework], codec)}
    if framework == "iceberg":
        conf[f"spark.sql.catalog.{ICEBERG_CATALOG}.warehouse"] = warehouse
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    wait_for_executor(spark)
    for p in FORMAT_PRACTICES[framework]:
        if p["applied"] and "copies" in p:
            spark.conf.set(p["setting"], spark.conf.get(p["copies"]))
    return spark
