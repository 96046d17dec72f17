"""The engine settings as data (common/session.py, formats/<family>.py): every applied session
entry is what a session built by build_session reports, and the gold job's written settings are
those values followed by the variant's table properties.

build_session is called in one child Python process (one JVM, one format after the other):
the test session of conftest.py is not built by build_session, and getOrCreate would hand
back that session instead of building one.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from common.session import COMMON_PRACTICES, RUN_CODEC, format_practices
from formats import FORMAT_IDS, VARIANTS

from .conftest import JOBS_DIR, format_jars

CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from common.session import build_session, settings_in_effect
report = {}
for format_id in ("delta", "parquet"):
    spark = build_session("settings-test-" + format_id, format_id, "zstd", "/nonexistent")
    settings = settings_in_effect(spark, format_id, "zstd")
    report[format_id] = {
        "settings": settings,
        "session": {s["setting"]: spark.conf.get(s["setting"], None) for s in settings["common"] + settings["format"]},
    }
    spark.stop()
print("RESULT " + json.dumps(report))
"""


def built_sessions() -> dict:
    env = {
        **os.environ,
        "PYSPARK_SUBMIT_ARGS": f"--master local[1] --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=3 --jars {','.join(format_jars('delta'))} pyspark-shell",
    }
    done = subprocess.run([sys.executable, "-c", CHILD, JOBS_DIR], env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[len("RESULT "):])


def test_every_applied_setting_is_what_the_built_session_reports():
    report = built_sessions()
    for format_id in ("delta", "parquet"):
        settings, session = report[format_id]["settings"], report[format_id]["session"]
        session_entries = settings["format"][:len(format_practices(format_id))]
        assert [s["setting"] for s in session_entries] == [p["setting"] for p in format_practices(format_id)]
        # After the session's own entries, the table properties: set on each table, not on the session.
        assert settings["format"][len(session_entries):] == VARIANTS[format_id].property_practices()
        assert [s["setting"] for s in settings["common"]] == [p["setting"] for p in COMMON_PRACTICES]
        for entry in settings["common"] + session_entries:
            if entry["applied"]:
                assert session[entry["setting"]] == entry["value"], (format_id, entry["setting"])
            else:
                assert session[entry["setting"]] is None, (format_id, entry["setting"])
    delta = {s["setting"]: s for s in report["delta"]["settings"]["format"]}
    assert delta["delta.enableDeletionVectors"]["value"] == "false"
    # The copied value is the session's shuffle partition count, not Delta's default of 50.
    assert delta["spark.databricks.delta.snapshotPartitions"]["value"] == "3"
    assert delta["spark.databricks.delta.stalenessLimit"]["applied"] is False
    assert {s["setting"]: s["value"] for s in report["parquet"]["settings"]["common"]}["spark.sql.parquet.compression.codec"] == "zstd"


def test_every_entry_says_why_and_only_codec_and_copies_are_filled_at_run_time():
    property_entries = [VARIANTS[f].property_practices() for f in FORMAT_IDS]
    for practices in [COMMON_PRACTICES, *(format_practices(f) for f in FORMAT_IDS), *property_entries]:
        for entry in practices:
            assert set(entry) - {"copies"} == {"setting", "value", "applied", "why"}
            assert entry["why"].strip()
    assert [p["setting"] for p in COMMON_PRACTICES if p["value"] == RUN_CODEC] == ["spark.sql.parquet.compression.codec"]
