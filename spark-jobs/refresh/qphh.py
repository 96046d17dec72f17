"""QphH job: the TPC-H power and throughput tests on one format variant, in one Spark application.

Steps (lead's decisions in the issue-9 notes): a per-run working copy of orders and lineitem
(outside every timing; the six other tables are read from the pristine silver tables), the
refresh sets staged into cached views (outside timing), then
  power test:      RF1(set 1) -> the 22 queries in stream 00's order -> RF2(set 1)
  throughput test: S query streams as threads, each its own session and FAIR pool, plus one
                   refresh stream doing RF1/RF2 for sets 2..S+1 in sequence.
Every refresh function is four single-table commits in a fixed order, so the table state after
commit c is state c; a throughput query records the window of states it may have read. A failed
query is recorded with its error; a failed refresh function fails the job.
"""
from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from dataclasses import asdict

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pyspark import InheritableThread  # noqa: E402

from common.answers import plain_rows, result_hash  # noqa: E402
from common.job_args import add_silver_read_args  # noqa: E402
from common.parameters import query_parameters  # noqa: E402
from common.progress import emit  # noqa: E402
from common.queries import load_query, query_name  # noqa: E402
from common.result_file import write_json_atomically  # noqa: E402
from common.session import build_session, settings_in_effect  # noqa: E402
from common.sql_quoting import quote_identifier  # noqa: E402
from common.streams import query_order  # noqa: E402
from common.tpch import TABLES  # noqa: E402
from formats import table_format_for, variant  # noqa: E402
from gold.run_queries import timed_collect  # noqa: E402

# The tables RF1 and RF2 change, and the key RF2 deletes by (its keys are order keys).
CHANGED_TABLES = ("orders", "lineitem")
DELETE_KEYS = {"orders": "o_orderkey", "lineitem": "l_orderkey"}
# Commit order inside one refresh pair (issue-9 state sequence): RF1 orders then lineitem
# (a lineitem never refers to a missing order), RF2 lineitem then orders.
RF1_ORDER = ("orders", "lineitem")
RF2_ORDER = ("lineitem", "orders")
COMMITS_PER_SET = 4

SCHEDULER_PRACTICE = {
    "setting": "spark.scheduler.mode", "value": "FAIR", "applied": True,
    "why": "the throughput test runs its query streams and the refresh stream as threads of one application; "
           "with FAIR scheduling each stream has its own pool and gets an equal share of the executors, as "
           "concurrent users of a shared cluster would, instead of queueing behind the first stream's jobs (FIFO)",
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    add_silver_read_args(parser)
    parser.add_argument("--refresh-dir", required=True, help="<bronzeDir>/refresh (set-<n:03d>/...)")
    parser.add_argument("--work-root", required=True, help="<DATA_DIR>/work/<benchmarkId>/<format>")
    parser.add_argument("--streams", required=True, type=int, help="query streams S of the throughput test")
    parser.add_argument("--parameters", choices=["validation", "generated"], default="validation")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", required=True, help="JSON metrics file")
    parser.add_argument("--answers", required=True, help="JSON answers file")
    parser.add_argument("--option", action="append", default=[])
    args = parser.parse_args(argv)
    if args.streams < 1:
        parser.error(f"--streams {args.streams}: must be 1 or more")
    return args


class StateCounter:
    """The table state as readers may see it: `committed` = last commit done, `in_progress` = the
    highest commit begun (equal when none is under way). Only the refresh side moves it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.committed = 0
        self.in_progress = 0

    def begin(self, state: int) -> None:
        with self._lock:
            self.in_progress = state

    def done(self, state: int) -> None:
        with self._lock:
            self.committed = state

    def window_start(self) -> int:
        with self._lock:
            return self.committed

    def window_end(self) -> int:
        with self._lock:
            return self.in_progress


def first_state(set_number: int) -> int:
    """The state after set n's first commit (RF1 orders)."""
    return (set_number - 1) * COMMITS_PER_SET + 1


def staged_view(kind: str, set_number: int) -> str:
    return f"refresh_{kind}_{set_number:03d}"


def stage_sets(spark, refresh_dir: str, sets: list[int]) -> None:
    """Reads every refresh set into cached temporary views (outside every timing)."""
    for n in sets:
        directory = os.path.join(refresh_dir, f"set-{n:03d}")
        for kind in ("orders", "lineitem", "delete"):
            df = spark.read.parquet(os.path.join(directory, f"{kind}.parquet")).cache()
            df.count()
            df.createOrReplaceTempView(staged_view(kind, n))


class Refresher:
    """RF1 and RF2 on the working copy, each commit bracketed by the state counter."""

    def __init__(self, work, counter: StateCounter, count_states: bool = True) -> None:
        # count_states: the row counts after every function (the lifecycle counts once per round instead).
        self.work, self.counter, self.count_states = work, counter, count_states
        self.commits: list[dict] = []
        self.counts: list[dict] = []

    def _commit(self, state: int, set_number: int, function: str, table: str, change) -> float:
        self.counter.begin(state)
        started = time.perf_counter()
        change()
        seconds = time.perf_counter() - started
        committed_at = time.time()
        self.counter.done(state)
        self.commits.append({"state": state, "set": set_number, "function": function, "table": table,
                             "committed_at": committed_at, "version": None})
        return seconds

    def _versions_and_count(self, state: int) -> None:
        # After the function (outside its timing): each table's version is the one its commit made,
        # as the refresh side is the only writer.
        for commit in self.commits[-2:]:
            commit["version"] = self.work.version(commit["table"])
        if not self.count_states:
            return
        spark = self.work.spark
        rows = {t: spark.sql(f"SELECT count(*) FROM {self.work.sql_source(t)}").first()[0] for t in CHANGED_TABLES}
        self.counts.append({"state": state, **{t: int(n) for t, n in rows.items()}})

    def rf1(self, set_number: int) -> dict:
        state = first_state(set_number)
        tables = {}
        for offset, table in enumerate(RF1_ORDER):
            view = staged_view(table, set_number)
            tables[table] = self._commit(state + offset, set_number, "rf1", table,
                                         lambda t=table, v=view: self.work.insert(t, v))
        self._versions_and_count(state + 1)
        emit("refresh_done", function="rf1", set=set_number, seconds=sum(tables.values()))
        return {"seconds": sum(tables.values()), "tables": tables}

    def rf2(self, set_number: int) -> dict:
        state = first_state(set_number) + 2
        keys = staged_view("delete", set_number)
        tables = {}
        for offset, table in enumerate(RF2_ORDER):
            tables[table] = self._commit(state + offset, set_number, "rf2", table,
                                         lambda t=table: self.work.delete_orders(t, DELETE_KEYS[t], keys))
        self._versions_and_count(state + 1)
        emit("refresh_done", function="rf2", set=set_number, seconds=sum(tables.values()))
        return {"seconds": sum(tables.values()), "tables": tables}


def bind_tables(session, args, options: dict[str, str], work_sources: dict[str, str]) -> None:
    """The eight TPC-H names as temporary views of this session: the six read-only tables from
    silver, orders and lineitem as SQL views over the working copy, resolved afresh by every
    query so each sees the latest commit (a DataFrame view would keep the files it listed)."""
    pristine = table_format_for(args.format, session, args.silver_root, args.namespace, args.codec, options)
    for table in TABLES:
        if table in work_sources:
            session.sql(f"CREATE OR REPLACE TEMPORARY VIEW {quote_identifier(table)} AS SELECT * FROM {work_sources[table]}")
        else:
            pristine.read(table).createOrReplaceTempView(table)


def working_copy(spark, args, options, pristine, sets: list[int], existing: bool = False):
    """Outside every timing: the per-run copy of orders and lineitem (`existing`: the one an earlier
    attempt made, only registered), the refresh sets staged, and the eight TPC-H names bound
    (bind_tables). Returns the copy, its seconds (0 for an existing one), its sources."""
    work = pristine.working(args.work_root)
    started = time.perf_counter()
    for table in CHANGED_TABLES:
        if not existing:
            pristine.copy_table(table, args.work_root)
        work.register(table)
    copy_seconds = time.perf_counter() - started
    if not existing:
        emit("copy_done", seconds=copy_seconds)
    stage_sets(spark, args.refresh_dir, sets)
    work_sources = {t: work.sql_source(t) for t in CHANGED_TABLES}
    bind_tables(spark, args, options, work_sources)
    return work, copy_seconds, work_sources


def stream_session(spark, args):
    """A new session of the application for one query stream, with the job's runtime settings
    (settings applied after start-up, such as Delta's snapshotPartitions, are not inherited)."""
    session = spark.newSession()
    for p in variant(args.format).family.PRACTICES:
        if p["applied"] and "copies" in p:
            session.conf.set(p["setting"], spark.conf.get(p["setting"]))
    return session


def error_text(error: Exception) -> str:
    """One line: the JVM exception's own text where there is one (a Py4JJavaError's first line
    only names the Python-side call)."""
    java = getattr(error, "java_exception", None)
    text = str(java.toString()) if java is not None else str(error)
    message = text.strip().splitlines()[0][:500] if text.strip() else repr(error)
    return f"{type(error).__name__}: {message}"


def run_one(session, text: str) -> tuple[dict, dict | None]:
    try:
        run = timed_collect(session, text)
    except Exception as error:  # noqa: BLE001 - a failed query is recorded, not raised
        return {"status": "failed", "error": error_text(error)}, None
    rows = plain_rows(run.rows)
    digest = result_hash(rows)
    return ({"status": "completed", "seconds": run.seconds, "rows": len(rows), "hash": digest},
            {"columns": run.columns, "rows": rows, "hash": digest})


def query_texts(args, stream: int) -> dict[int, str]:
    parameters = query_parameters(args.parameters, stream, args.seed, args.scale_factor)
    return {n: load_query(n, args.scale_factor, parameters=parameters[n]) for n in query_order(stream)}


def power_test(spark, args, refresher: Refresher, answers: dict) -> dict:
    texts = query_texts(args, 0)
    started = time.time()
    rf1 = refresher.rf1(1)
    queries, answers["0"] = {}, {}
    for n, text in texts.items():
        metrics, answer = run_one(spark, text)
        queries[query_name(n)] = {**metrics, "state": refresher.counter.committed}
        if answer is not None:
            answers["0"][query_name(n)] = answer
        emit("query_done", stream=0, query=query_name(n), status=metrics["status"], seconds=metrics.get("seconds"))
    rf2 = refresher.rf2(1)
    return {"started": started, "ended": time.time(), "rf1": rf1, "rf2": rf2, "order": list(texts), "queries": queries}


def query_stream(session, args, stream: int, counter: StateCounter, record: dict, answers: dict) -> None:
    session.sparkContext.setLocalProperty("spark.scheduler.pool", f"stream-{stream}")
    texts = query_texts(args, stream)
    record.update({"stream": stream, "order": list(texts), "started": time.time(), "queries": {}})
    answers[str(stream)] = {}
    for n, text in texts.items():
        low, started = counter.window_start(), time.time()
        metrics, answer = run_one(session, text)
        ended, high = time.time(), counter.window_end()
        record["queries"][query_name(n)] = {**metrics, "started": started, "ended": ended, "window": [low, high]}
        if answer is not None:
            answers[str(stream)][query_name(n)] = answer
        emit("query_done", stream=stream, query=query_name(n), status=metrics["status"], seconds=metrics.get("seconds"))
    record["ended"] = time.time()


def refresh_stream(spark, sets: list[int], refresher: Refresher, records: list[dict], failure: list) -> None:
    spark.sparkContext.setLocalProperty("spark.scheduler.pool", "refresh")
    try:
        for n in sets:
            record = {"set": n, "started": time.time()}
            records.append(record)
            record["rf1"] = refresher.rf1(n)
            record["rf2"] = refresher.rf2(n)
            record["ended"] = time.time()
    except Exception as error:  # noqa: BLE001 - handed to the main thread, which fails the job
        failure.append(error)


def throughput_test(spark, args, options, work_sources, refresher: Refresher, answers: dict) -> dict:
    sessions = []
    for _ in range(args.streams):
        session = stream_session(spark, args)
        bind_tables(session, args, options, work_sources)
        sessions.append(session)
    streams = [{} for _ in sessions]
    refresh_records: list[dict] = []
    failure: list = []
    threads = [InheritableThread(target=query_stream, args=(session, args, s + 1, refresher.counter, streams[s], answers))
               for s, session in enumerate(sessions)]
    threads.append(InheritableThread(target=refresh_stream,
                                     args=(spark, list(range(2, args.streams + 2)), refresher, refresh_records, failure)))
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failure:
        raise SystemExit(f"error: the refresh stream failed: {error_text(failure[0])}")
    # Ts: first stream's start to the last stream's end, the refresh stream included (clause 5.3.7).
    first = min([s["started"] for s in streams] + [r["started"] for r in refresh_records[:1]])
    last = max([s["ended"] for s in streams] + [r["ended"] for r in refresh_records[-1:]])
    return {"started": started, "ended": last, "seconds": last - first, "streams": streams, "refresh": refresh_records}


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    options = dict(item.split("=", 1) for item in args.option)
    family = variant(args.format).family
    family.check_options(options)
    work_practices = family.work_settings(args.work_root)
    extra = {SCHEDULER_PRACTICE["setting"]: SCHEDULER_PRACTICE["value"],
             **{p["setting"]: p["value"] for p in work_practices}}
    spark = build_session(f"lakebench-qphh-{args.format}", args.format, args.codec, args.silver_root, extra)
    spark.sparkContext.setLocalProperty("spark.scheduler.pool", "power")
    pristine = table_format_for(args.format, spark, args.silver_root, args.namespace, args.codec, options)
    work, copy_seconds, work_sources = working_copy(spark, args, options, pristine, list(range(1, args.streams + 2)))

    counter = StateCounter()
    refresher = Refresher(work, counter)
    answers: dict = {}
    power = power_test(spark, args, refresher, answers)
    throughput = throughput_test(spark, args, options, work_sources, refresher, answers)

    settings = settings_in_effect(spark, args.format, args.codec)
    storage = {t: asdict(work.change_stats(t)) for t in CHANGED_TABLES}
    write_json_atomically(args.answers, {"engine": f"spark-{args.format}", "streams": answers})
    write_json_atomically(args.output, {
        "format": args.format,
        "engine_version": spark.version,
        "scale_factor": args.scale_factor,
        "streams": args.streams,
        "seed": args.seed,
        "parameters": args.parameters,
        "copy": {"method": work.COPY_METHOD, "seconds": copy_seconds, "location": args.work_root},
        "power": power,
        "throughput": throughput,
        "commits": sorted(refresher.commits, key=lambda c: c["state"]),
        "counts": refresher.counts,
        "storage": storage,
        "change_method": work.CHANGE_METHOD,
        "common_settings": settings["common"] + [SCHEDULER_PRACTICE],
        "format_settings": settings["format"] + work_practices,
    })
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
