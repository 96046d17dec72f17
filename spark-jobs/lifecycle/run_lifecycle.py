"""Lifecycle job: rounds of change on one format variant, read after every round, then time
travel, maintenance and a last read, in one Spark application.

Sequence (issue 10): a per-run working copy of orders and lineitem (outside every timing; the
six other tables are read from the pristine silver tables), the refresh sets staged into cached
views, untimed warm-up runs, then
  round 0:        the queries once each on the fresh copy
  round r=1..R:   RF1(set r), RF2(set r), the upsert of round r (refresh/upserts.py), the queries
  time travel:    the queries on orders and lineitem as they were at round 0, by the format's
                  own time travel (the Parquet baseline has none: "unsupported")
  maintenance:    the format's own procedures on both tables, then the queries once more, and
                  which round's versions are still readable.
Storage is read from the format's metadata after every round and after maintenance. A failed
query is recorded with its error; a failed change or maintenance procedure fails the job.

Resume: after every round the job makes the round's state restorable by the format's own means
(TableFormat.keep_restorable) and writes a checkpoint (the record so far) into the work root. Run
with --resume, it rolls the copy back to the checkpoint's round by the format's restore, warms up
again and goes on with the next round; what the killed attempt did after that round is not counted.
Once maintenance begins the copy cannot be rolled back (expired snapshots, vacuumed files), so the
checkpoint says so and the next attempt starts afresh.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common.job_args import add_silver_read_args  # noqa: E402
from common.progress import emit  # noqa: E402
from common.queries import load_query, query_name  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.session import apply_after_start, build_session, settings_in_effect  # noqa: E402
from formats import table_format_for, variant  # noqa: E402
from formats.table_format import detached  # noqa: E402
from refresh.qphh import CHANGED_TABLES, Refresher, StateCounter, bind_tables, error_text, run_one, working_copy  # noqa: E402
from refresh.upserts import UPSERT_LABEL, upsert_source_sql  # noqa: E402

UPSERT_VIEW = "lifecycle_upsert_source"
UPSERT_KEY = ("l_orderkey", "l_linenumber")
UPSERT_COLUMNS = ("l_extendedprice", "l_discount")
# In the work root; read by src/core/phases/lifecycleCheckpoint.ts.
CHECKPOINT = "lifecycle-checkpoint.json"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    add_silver_read_args(parser)
    parser.add_argument("--refresh-dir", required=True, help="<bronzeDir>/refresh (set-<n:03d>/...)")
    parser.add_argument("--work-root", required=True, help="<DATA_DIR>/work/<benchmarkId>/<format>")
    parser.add_argument("--rounds", required=True, type=int, help="rounds of change R")
    parser.add_argument("--queries", required=True, help="comma-separated query numbers, e.g. 1,6,14")
    parser.add_argument("--warmup-runs", type=int, default=0)
    parser.add_argument("--output", required=True, help="JSON metrics file")
    parser.add_argument("--answers", required=True, help="JSON answers file")
    parser.add_argument("--option", action="append", default=[])
    parser.add_argument("--resume-key", required=True, help="what the checkpoint must carry for --resume to use it")
    parser.add_argument("--resume", action="store_true", help="go on from the checkpoint in the work root")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error(f"--rounds {args.rounds}: must be 1 or more")
    if args.warmup_runs < 0:
        parser.error(f"--warmup-runs {args.warmup_runs}: must be 0 or more")
    try:
        args.query_numbers = [int(q) for q in args.queries.split(",")]
    except ValueError:
        parser.error(f"--queries {args.queries}: expected comma-separated numbers 1..22")
    if not args.query_numbers or any(q < 1 or q > 22 for q in args.query_numbers):
        parser.error(f"--queries {args.queries}: expected comma-separated numbers 1..22")
    return args


class Lifecycle:
    """The job's record as it goes: passes, changes, storage, counts and versions."""

    RECORD = ("copy_seconds", "passes", "answers", "changes", "storage", "counts", "versions")

    def __init__(self, spark, work, texts: dict[str, str]) -> None:
        self.spark, self.work, self.texts = spark, work, texts
        self.copy_seconds = 0.0
        self.refresher = Refresher(work, StateCounter(), count_states=False)
        self.passes: list[dict] = []
        self.answers: dict[str, dict] = {}
        self.changes: list[dict] = []
        self.storage: list[dict] = []
        self.counts: list[dict] = []
        self.versions: list[dict] = []

    def read_pass(self, pass_id: str, state: int, skipped: dict | None = None) -> None:
        """The queries once each; `skipped` ({status, error}) stands for every query's run when
        the pass cannot read (no time travel, or the old version would not open)."""
        record = {"pass": pass_id, "state": state, "started": time.time(), "queries": {}}
        self.answers[pass_id] = {}
        for name, text in self.texts.items():
            metrics, answer = (dict(skipped), None) if skipped else run_one(self.spark, text)
            record["queries"][name] = metrics
            if answer is not None:
                self.answers[pass_id][name] = answer
            emit("query_done", **{"pass": pass_id}, query=name, status=metrics["status"], seconds=metrics.get("seconds"))
        record["ended"] = time.time()
        self.passes.append(record)

    def observe(self, round_number: int, after: str = "round") -> None:
        """Storage from the format's metadata; after a round also the row counts and versions."""
        self.storage.append({"round": round_number, "after": after,
                             "tables": {t: asdict(self.work.change_stats(t)) for t in CHANGED_TABLES}})
        if after != "round":
            return
        rows = {t: self.spark.sql(f"SELECT count(*) FROM {self.work.sql_source(t)}").first()[0] for t in CHANGED_TABLES}
        self.counts.append({"state": round_number, **{t: int(n) for t, n in rows.items()}})
        self.versions.append({"round": round_number, "tables": {t: self.work.version(t) for t in CHANGED_TABLES}})

    def record(self) -> dict:
        return {name: getattr(self, name) for name in self.RECORD}

    def restore(self, record: dict) -> None:
        for name in self.RECORD:
            setattr(self, name, record[name])

    def round_versions(self, round_number: int) -> dict[str, str | None]:
        return next(v["tables"] for v in self.versions if v["round"] == round_number)

    def change_round(self, round_number: int) -> None:
        for operation, function in (("rf1", self.refresher.rf1), ("rf2", self.refresher.rf2)):
            result = function(round_number)
            self.changes.append({"round": round_number, "operation": operation, "seconds": result["seconds"],
                                 "tables": result["tables"], "rows": None})
            emit("change_done", round=round_number, operation=operation, seconds=result["seconds"])
        # The source is materialised first (outside the timing): it reads the table the MERGE changes.
        source = detached(self.spark.sql(upsert_source_sql(self.work.sql_source("lineitem"), round_number)))
        rows = source.count()
        source.createOrReplaceTempView(UPSERT_VIEW)
        view = self.work.upsert_source("lineitem", UPSERT_VIEW, UPSERT_KEY, UPSERT_COLUMNS)
        started = time.perf_counter()
        self.work.upsert("lineitem", view, UPSERT_KEY, UPSERT_COLUMNS)
        seconds = time.perf_counter() - started
        for name in {UPSERT_VIEW, view}:
            self.spark.catalog.dropTempView(name)
        self.changes.append({"round": round_number, "operation": "upsert", "seconds": seconds,
                             "tables": {"lineitem": seconds}, "rows": int(rows)})
        emit("change_done", round=round_number, operation="upsert", seconds=seconds)


class Checkpoint:
    """The record at the end of the last complete round, beside the working copy."""

    def __init__(self, args) -> None:
        self.path, self.key = os.path.join(args.work_root, CHECKPOINT), args.resume_key

    def save(self, life: Lifecycle, rounds_done: int, stage: str = "rounds") -> None:
        write_json_atomically(self.path, {"key": self.key, "stage": stage, "rounds_done": rounds_done, "record": life.record()})

    def load(self) -> dict:
        try:
            with open(self.path, encoding="utf-8") as file:
                checkpoint = json.load(file)
        except (OSError, ValueError) as error:
            raise SystemExit(f"error: --resume: no readable checkpoint at {self.path} ({error})") from error
        if checkpoint.get("key") != self.key or checkpoint.get("stage") != "rounds":
            raise SystemExit(f"error: --resume: the checkpoint at {self.path} is of other settings or past the rounds "
                             f"(stage {checkpoint.get('stage')!r}); start without --resume")
        return checkpoint


def end_round(life: Lifecycle, checkpoint: Checkpoint, round_number: int) -> None:
    """The round's state made restorable, then recorded; the previous round's released (round 0's
    stays until after time travel, which reads it)."""
    for table, version in life.round_versions(round_number).items():
        life.work.keep_restorable(table, version, round_number)
    checkpoint.save(life, round_number)
    if round_number > 1:
        for table, version in life.round_versions(round_number - 1).items():
            life.work.release_restorable(table, version, round_number - 1)


def roll_back(life: Lifecycle, checkpoint: dict) -> dict:
    """Back to the checkpoint's round by the format's restore, checked by the tables' row counts."""
    done = checkpoint["rounds_done"]
    life.restore(checkpoint["record"])
    versions = life.round_versions(done)
    started = time.perf_counter()
    for table, version in versions.items():
        life.work.rollback(table, version, done)
    seconds = time.perf_counter() - started
    expected = next(c for c in life.counts if c["state"] == done)
    for table in CHANGED_TABLES:
        rows = life.spark.sql(f"SELECT count(*) FROM {life.work.sql_source(table)}").first()[0]
        if rows != expected[table]:
            raise SystemExit(f"error: after the rollback to round {done}, {table} has {rows} rows; it had {expected[table]}")
    emit("rollback_done", round=done, seconds=seconds, method=life.work.ROLLBACK_METHOD)
    return {"after_round": done, "method": life.work.ROLLBACK_METHOD, "seconds": seconds, "versions": versions}


def release_kept(life: Lifecycle, rounds: int) -> None:
    """Before maintenance: what keep_restorable kept would stop it (Hudi's cleaner keeps savepoints)."""
    for round_number in sorted({0, rounds}):
        for table, version in life.round_versions(round_number).items():
            life.work.release_restorable(table, version, round_number)


def warm_up(spark, texts: dict[str, str], runs: int) -> float:
    """Untimed runs on the copy as it is, so JIT, caches and file listings are not charged to the
    first pass this application times (round 0, or the round after a resume's rollback)."""
    started = time.perf_counter()
    for _ in range(runs):
        for text in texts.values():
            run_one(spark, text)
    return time.perf_counter() - started


def time_travel(spark, args, options, life: Lifecycle, work_sources: dict[str, str]) -> dict:
    """The queries on round 0's versions of orders and lineitem; the views are rebound after."""
    method = life.work.TIME_TRAVEL_METHOD
    if not method:
        life.read_pass("time-travel", 0, {"status": "unsupported", "error": f"{args.format} keeps no versions to travel to"})
        return {"supported": False, "method": "none: plain Parquet files keep no earlier versions", "error": None}
    error = None
    try:
        for table, version in life.versions[0]["tables"].items():
            life.work.read_version(table, version).createOrReplaceTempView(table)
    except Exception as failure:  # noqa: BLE001 - recorded; the pass's queries fail and say why
        error = error_text(failure)
    life.read_pass("time-travel", 0, {"status": "failed", "error": error} if error else None)
    bind_tables(spark, args, options, work_sources)
    return {"supported": True, "method": method, "error": error}


def readable_after_maintenance(life: Lifecycle) -> list[dict]:
    """Each earlier round's lineitem version read once more: expired versions fail with the
    format's own error, recorded. The sum makes the read touch the data files (a bare count may
    be answered from metadata)."""
    if not life.work.TIME_TRAVEL_METHOD:
        return []
    results = []
    for entry in life.versions[:-1]:
        try:
            row = life.work.read_version("lineitem", entry["tables"]["lineitem"]).selectExpr(
                "count(*) AS n", "sum(l_quantity) AS q").first()
            results.append({"round": entry["round"], "readable": True, "lineitem_rows": int(row.n), "error": None})
        except Exception as failure:  # noqa: BLE001 - an expired version is a finding, not a crash
            results.append({"round": entry["round"], "readable": False, "lineitem_rows": None, "error": error_text(failure)})
    return results


def maintain(life: Lifecycle) -> dict:
    emit("maintenance_started")
    started = time.perf_counter()
    operations = [{"table": table, **operation} for table in CHANGED_TABLES for operation in life.work.maintain(table)]
    seconds = time.perf_counter() - started
    emit("maintenance_done", seconds=seconds)
    return {"seconds": seconds, "operations": operations}


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    options = dict(item.split("=", 1) for item in args.option)
    family = variant(args.format).family
    family.check_options(options)
    work_practices = family.work_settings(args.work_root) + family.lifecycle_settings()
    spark = build_session(f"lakebench-lifecycle-{args.format}", args.format, args.codec, args.silver_root,
                          {p["setting"]: p["value"] for p in work_practices if p["applied"] and "copies" not in p})
    work_practices = apply_after_start(spark, work_practices)
    pristine = table_format_for(args.format, spark, args.silver_root, args.namespace, args.codec, options)
    checkpoint = Checkpoint(args)
    saved = checkpoint.load() if args.resume else None
    work, copy_seconds, work_sources = working_copy(spark, args, options, pristine, list(range(1, args.rounds + 1)),
                                                    existing=saved is not None)

    # Validation parameters, as the oracle's (oracle/lifecycle_answers.py).
    texts = {query_name(n): load_query(n, args.scale_factor) for n in args.query_numbers}
    life = Lifecycle(spark, work, texts)
    life.copy_seconds = copy_seconds
    resumed = roll_back(life, saved) if saved else None
    warmup_seconds = warm_up(spark, texts, args.warmup_runs)

    if resumed is None:
        life.observe(0)
        life.read_pass("round-0", 0)
        end_round(life, checkpoint, 0)
    for r in range((resumed["after_round"] if resumed else 0) + 1, args.rounds + 1):
        started = time.perf_counter()
        life.change_round(r)
        life.read_pass(f"round-{r}", r)
        life.observe(r)
        end_round(life, checkpoint, r)
        emit("round_done", round=r, seconds=time.perf_counter() - started)

    travel = time_travel(spark, args, options, life, work_sources)
    checkpoint.save(life, args.rounds, stage="maintenance")
    release_kept(life, args.rounds)
    maintenance = maintain(life)
    life.observe(args.rounds, after="maintenance")
    life.read_pass("maintained", args.rounds)
    readable = readable_after_maintenance(life)

    settings = settings_in_effect(spark, args.format, args.codec)
    write_json_atomically(args.answers, {"engine": f"spark-{args.format}", "passes": life.answers})
    write_json_atomically(args.output, {
        "format": args.format,
        "engine_version": spark.version,
        "scale_factor": args.scale_factor,
        "rounds": args.rounds,
        "queries": list(texts),
        "copy": {"method": work.COPY_METHOD, "seconds": life.copy_seconds, "location": args.work_root},
        "resumed": resumed,
        "change_method": work.CHANGE_METHOD,
        "upsert_method": f"{work.UPSERT_METHOD}; {UPSERT_LABEL}",
        "maintenance_method": work.MAINTENANCE_METHOD or "none: plain Parquet files have no maintenance procedures",
        "warmup_seconds": warmup_seconds,
        "passes": life.passes,
        "changes": life.changes,
        "storage": life.storage,
        "counts": life.counts,
        "versions": life.versions,
        "maintenance": maintenance,
        "time_travel": travel,
        "readable_after_maintenance": readable,
        "common_settings": settings["common"],
        "format_settings": settings["format"] + work_practices,
    })
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
