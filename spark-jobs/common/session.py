"""Builds the one SparkSession a job uses, configured for exactly one table format.

Iceberg, Delta and Hudi run in separate applications: Delta's DeltaCatalog and Hudi's
HoodieCatalog both claim spark_catalog, so they cannot share a session.

The engine settings are data (COMMON_PRACTICES here, each family's PRACTICES in
spark-jobs/formats/<family>.py): build_session sets exactly the applied entries, and the gold
job writes the same entries into its output for the report, so what the report says was set
cannot drift from what was set. The format's own list also names the variant's table
properties (formats/__init__.py), which its writes set on every table, not on the session.
"""
from __future__ import annotations

from pyspark.sql import SparkSession

from common.executors import wait_for_executor
from formats import FORMAT_IDS, variant

CODEC_SETTING = "spark.sql.parquet.compression.codec"
# A value taken at run time: the run's PARQUET_CODEC, or (with "copies") another setting's value.
RUN_CODEC = "the run's PARQUET_CODEC"

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


def _start_conf(practices: list[dict], codec: str) -> dict[str, str]:
    """The applied settings known before start-up, the codec filled in."""
    return {p["setting"]: codec if p["value"] == RUN_CODEC else p["value"]
            for p in practices if p["applied"] and "copies" not in p}


def format_practices(format_id: str) -> list[dict]:
    """The family's session settings of this format (table properties are not session settings)."""
    return variant(format_id).family.PRACTICES


# The start-up settings as plain maps (the test session in spark-jobs/tests/conftest.py reads them).
COMMON_CONF: dict[str, str] = {p["setting"]: p["value"] for p in COMMON_PRACTICES if p["value"] != RUN_CODEC}
FORMAT_CONF: dict[str, dict[str, str]] = {f: _start_conf(format_practices(f), "") for f in FORMAT_IDS}


def settings_in_effect(spark: SparkSession, format_id: str, codec: str) -> dict[str, list[dict]]:
    """The practices of this session with every value as set ("copies" and the codec resolved),
    the format's list ending with the variant's table properties."""
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
    return {
        "common": resolve(COMMON_PRACTICES),
        "format": resolve(format_practices(format_id)) + variant(format_id).property_practices(),
    }


def build_session(app_name: str, format_id: str, codec: str, warehouse: str,
                  extra_conf: dict[str, str] | None = None) -> SparkSession:
    """Master, memory and jars come from spark-submit; this adds what the format needs, and a
    job's own start-up settings (extra_conf: refresh/qphh.py's scheduler mode and work catalog)."""
    family = variant(format_id).family
    builder = SparkSession.builder.appName(app_name)
    conf = {**_start_conf(COMMON_PRACTICES, codec), **_start_conf(family.PRACTICES, codec), **family.run_settings(warehouse),
            **(extra_conf or {})}
    for key, value in conf.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    wait_for_executor(spark)
    apply_after_start(spark, family.PRACTICES)
    return spark


def apply_after_start(spark: SparkSession, practices: list[dict]) -> list[dict]:
    """Sets the entries that copy another setting's value (a job's own, such as the lifecycle's)
    and returns every entry as set, for the job's output."""
    resolved = []
    for p in practices:
        entry = {k: v for k, v in p.items() if k != "copies"}
        if p["applied"] and "copies" in p:
            entry["value"] = spark.conf.get(p["copies"])
            spark.conf.set(p["setting"], entry["value"])
        resolved.append(entry)
    return resolved
