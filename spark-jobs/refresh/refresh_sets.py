"""Refresh data job: writes the TPC-H refresh sets (RF1 new orders + lineitems, RF2 order keys to delete).

Why generated here: TPC-H's rows for the refresh functions come from dbgen's update-set mode
(dbgen -U), which tpchgen-cli and the tpchgen crates do not have: their OrderGenerator makes
keys with a fixed sparse sequence of 0 (make_order_key takes no sequence) and can only be
addressed by parts of the base index range, so it cannot produce an update set's keys or
rows. We therefore generate the sets deterministically by the specification's own rules:
keys by dbgen's sparse-key rule for update sets (clause 4.2.3, refresh_keys.py), every column
by clause 4.2.3's rules (refresh_rows.py), comments by the grammar of clause 4.2.2.10
(comment_text.py), sizes by clause 2.27 (SF * 1500 orders per set). Customers, parts and
suppliers referenced exist in the bronze tables; prices follow the bronze parts' prices.

Layout (identical for every format and for the oracle): <output>/set-<n:03d>/{orders,lineitem,
delete}.parquet with the bronze tables' column names and types (delete: one BIGINT `orderkey`),
then <output>/manifest.json. Everything is written to a temporary directory beside the output
and renamed into place, manifest last; a manifest for the same SF, seed and generator with at
least N sets means there is nothing to do. Set n's rows depend only on (seed, n).
"""
from __future__ import annotations

import argparse
import datetime
import glob
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import duckdb  # noqa: E402

from common.progress import emit  # noqa: E402
from common.sql_quoting import quote_duckdb_string_literal  # noqa: E402
from refresh.comment_text import text_pool  # noqa: E402
from refresh.random_draws import Draws, stream_seed  # noqa: E402
from refresh.refresh_keys import RefreshSetError, base_orders, check_sets, delete_keys, insert_keys  # noqa: E402
from refresh.refresh_rows import LINEITEM_COLUMNS, ORDER_COLUMNS, BaseScale, clerk_count, order_rows  # noqa: E402

# Changes whenever the rows for a given (SF, seed, set) would change: old sets are then redone.
GENERATOR = "lakebench-refresh-rules/1"
SPEC_VERSION = "TPC-H 3.0.1"
DEFAULT_SEED = 1
MANIFEST = "manifest.json"
SET_FILES = ("orders.parquet", "lineitem.parquet", "delete.parquet")


def set_dir_name(set_number: int) -> str:
    return f"set-{set_number:03d}"


def bronze_files(bronze_dir: str, table: str) -> list[str]:
    files = sorted(glob.glob(os.path.join(glob.escape(os.path.join(bronze_dir, table)), "*.parquet")))
    if not files:
        raise SystemExit(f"no Parquet files for table {table} in {bronze_dir}: generate bronze first")
    return files


def parquet_source(files: list[str]) -> str:
    return f"read_parquet([{', '.join(quote_duckdb_string_literal(f) for f in files)}])"


def bronze_rows(connection, bronze_dir: str, table: str) -> int:
    files = bronze_files(bronze_dir, table)
    return int(connection.execute("SELECT sum(num_rows) FROM parquet_file_metadata(?)", [files]).fetchone()[0])


def bronze_schema(connection, bronze_dir: str, table: str, expected: list[str]) -> list[tuple[str, str]]:
    """(name, type) of a bronze table: the refresh files copy it, so every reader sees one schema."""
    columns = [(row[0], row[1]) for row in connection.execute(
        f"DESCRIBE SELECT * FROM {parquet_source(bronze_files(bronze_dir, table))}").fetchall()]
    if [name for name, _ in columns] != expected:
        raise SystemExit(f"bronze {table} has columns {[n for n, _ in columns]}, expected {expected}")
    return columns


def base_scale(connection, bronze_dir: str, scale_factor: float) -> BaseScale:
    orders = bronze_rows(connection, bronze_dir, "orders")
    if orders != base_orders(scale_factor):
        raise RefreshSetError("scale-factor", scale_factor,
                              f"the scale factor of the bronze tables in {bronze_dir} ({orders} orders)")
    return BaseScale(customers=bronze_rows(connection, bronze_dir, "customer"),
                     parts=bronze_rows(connection, bronze_dir, "part"),
                     suppliers=bronze_rows(connection, bronze_dir, "supplier"),
                     clerks=clerk_count(scale_factor))


def covering_manifest(output_dir: str, scale_factor: float, seed: int, sets: int) -> dict | None:
    """The existing manifest if it already holds sets 1..N for this SF, seed and generator."""
    try:
        with open(os.path.join(output_dir, MANIFEST), encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return None
    same = (manifest.get("generator") == GENERATOR and manifest.get("scaleFactor") == scale_factor
            and manifest.get("seed") == seed and len(manifest.get("sets", [])) >= sets)
    files_there = all(os.path.isfile(os.path.join(output_dir, set_dir_name(n), f))
                      for n in range(1, sets + 1) for f in SET_FILES)
    return manifest if same and files_there else None


def write_table(connection, rows: list[tuple], schema: list[tuple[str, str]], order_by: str, target: str) -> None:
    """Rows of text fields -> Parquet with the bronze types, via a tab-separated file DuckDB parses."""
    staging = target + ".tsv"
    with open(staging, "w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write("\t".join(str(v) for v in row) + "\n")
    columns = "{" + ", ".join(f"{quote_duckdb_string_literal(n)}: {quote_duckdb_string_literal(t)}" for n, t in schema) + "}"
    connection.execute(
        f"COPY (SELECT * FROM read_csv({quote_duckdb_string_literal(staging)}, delim='\t', header=false, quote='', "
        f"escape='', strict_mode=true, columns={columns}) ORDER BY {order_by}) "
        f"TO {quote_duckdb_string_literal(target)} (FORMAT parquet, COMPRESSION snappy)")
    os.remove(staging)


def write_set(connection, set_dir: str, set_number: int, scale_factor: float, seed: int, pool: str,
              scale: BaseScale, schemas: dict[str, list[tuple[str, str]]]) -> dict:
    os.makedirs(set_dir)
    draws = Draws(stream_seed(seed, set_number))
    orders, lineitems = [], []
    new_keys = insert_keys(set_number, scale_factor)
    for key in new_keys:
        order, lines = order_rows(draws, pool, key, scale)
        orders.append(order)
        lineitems.extend(lines)
    old_keys = delete_keys(set_number, scale_factor)
    write_table(connection, orders, schemas["orders"], "o_orderkey", os.path.join(set_dir, "orders.parquet"))
    write_table(connection, lineitems, schemas["lineitem"], "l_orderkey, l_linenumber",
                os.path.join(set_dir, "lineitem.parquet"))
    write_table(connection, [(k,) for k in old_keys], [("orderkey", "BIGINT")], "orderkey",
                os.path.join(set_dir, "delete.parquet"))
    return {"set": set_number, "orders": len(orders), "lineitem": len(lineitems), "deletes": len(old_keys),
            "insertKeys": {"min": min(new_keys), "max": max(new_keys)},
            "deleteKeys": {"min": min(old_keys), "max": max(old_keys)}}


def check_against_bronze(connection, bronze_dir: str, staged_dir: str, entries: list[dict]) -> None:
    """Every delete key is a base order; no inserted key is one (the sparse rule promises both)."""
    sets = [os.path.join(staged_dir, set_dir_name(e["set"])) for e in entries]
    deletes = parquet_source([os.path.join(d, "delete.parquet") for d in sets])
    inserts = parquet_source([os.path.join(d, "orders.parquet") for d in sets])
    bronze = parquet_source(bronze_files(bronze_dir, "orders"))
    found, clashes = connection.execute(
        f"SELECT (SELECT count(*) FROM {deletes} d SEMI JOIN {bronze} o ON o.o_orderkey = d.orderkey), "
        f"(SELECT count(*) FROM {inserts} i SEMI JOIN {bronze} o ON o.o_orderkey = i.o_orderkey)").fetchone()
    expected = sum(e["deletes"] for e in entries)
    if found != expected or clashes != 0:
        raise SystemExit(f"refresh keys do not fit the bronze orders: {found} of {expected} delete keys found, "
                         f"{clashes} insert keys already present")


def replace_directory(staged: str, output_dir: str) -> None:
    old = f"{staged}.old"
    if os.path.exists(output_dir):
        os.rename(output_dir, old)
    os.rename(staged, output_dir)
    shutil.rmtree(old, ignore_errors=True)


def staging_prefix(output_dir: str) -> str:
    parent, name = os.path.split(os.path.abspath(output_dir))
    return os.path.join(parent, f".{name}.tmp-")


def generate(bronze_dir: str, scale_factor: float, sets: int, output_dir: str, seed: int) -> dict:
    connection = duckdb.connect()
    connection.execute("SET threads = 1")  # one writer thread: the same bytes on every machine
    scale = base_scale(connection, bronze_dir, scale_factor)
    schemas = {"orders": bronze_schema(connection, bronze_dir, "orders", ORDER_COLUMNS),
               "lineitem": bronze_schema(connection, bronze_dir, "lineitem", LINEITEM_COLUMNS)}
    for leftover in glob.glob(glob.escape(staging_prefix(output_dir)) + "*"):
        shutil.rmtree(leftover, ignore_errors=True)  # a killed earlier run's
    staged = f"{staging_prefix(output_dir)}{os.getpid()}"
    os.makedirs(staged)
    try:
        manifest = write_staged(connection, bronze_dir, scale_factor, sets, staged, seed, scale, schemas)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    replace_directory(staged, output_dir)
    return manifest


def write_staged(connection, bronze_dir: str, scale_factor: float, sets: int, staged: str, seed: int,
                 scale: BaseScale, schemas: dict[str, list[tuple[str, str]]]) -> dict:
    pool = text_pool(Draws(stream_seed(seed, 0)))
    entries = []
    for n in range(1, sets + 1):
        entries.append(write_set(connection, os.path.join(staged, set_dir_name(n)), n, scale_factor, seed, pool,
                                 scale, schemas))
        emit("refresh_set_written", set=n, orders=entries[-1]["orders"], lineitem=entries[-1]["lineitem"],
             deletes=entries[-1]["deletes"])
    check_against_bronze(connection, bronze_dir, staged, entries)
    # Integral scale factors as integers, so the manifest says 1, not 1.0.
    manifest = {"generator": GENERATOR, "specVersion": SPEC_VERSION,
                "scaleFactor": int(scale_factor) if scale_factor.is_integer() else scale_factor, "seed": seed,
                "sets": entries, "createdAt": datetime.datetime.now(datetime.timezone.utc).isoformat()}
    with open(os.path.join(staged, MANIFEST), "w", encoding="utf-8") as handle:  # last: it seals the sets
        json.dump(manifest, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    return manifest


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bronze-dir", required=True)
    parser.add_argument("--scale-factor", required=True, type=float)
    parser.add_argument("--sets", required=True, type=int)
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    try:
        return write_refresh_sets(args)
    except RefreshSetError as error:
        print(f"refresh sets: {error}", file=sys.stderr)
        return 2


def write_refresh_sets(args: argparse.Namespace) -> int:
    if args.seed < 0:
        raise RefreshSetError("seed", args.seed, "a non-negative integer")
    check_sets(args.scale_factor, args.sets)
    started = time.perf_counter()
    if covering_manifest(args.output_dir, args.scale_factor, args.seed, args.sets):
        print(f"refresh sets: SF {args.scale_factor}, seed {args.seed}: {args.sets} set(s) already in "
              f"{args.output_dir}; nothing to do")
        emit("refresh_sets_done", sets=args.sets, reused=True, seconds=time.perf_counter() - started)
        return 0
    manifest = generate(args.bronze_dir, args.scale_factor, args.sets, args.output_dir, args.seed)
    seconds = time.perf_counter() - started
    print(f"refresh sets: wrote {len(manifest['sets'])} set(s) for SF {args.scale_factor} in {seconds:.1f} s")
    emit("refresh_sets_done", sets=args.sets, reused=False, seconds=seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
