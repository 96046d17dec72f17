"""The TPC-H schema facts the jobs need: table names and their primary keys."""

# Primary keys from the TPC-H specification (clause 1.4); Hudi needs a record key per table.
PRIMARY_KEYS: dict[str, list[str]] = {
    "region": ["r_regionkey"],
    "nation": ["n_nationkey"],
    "supplier": ["s_suppkey"],
    "customer": ["c_custkey"],
    "part": ["p_partkey"],
    "partsupp": ["ps_partkey", "ps_suppkey"],
    "orders": ["o_orderkey"],
    "lineitem": ["l_orderkey", "l_linenumber"],
}

TABLES: list[str] = list(PRIMARY_KEYS)

# The silver job's untimed warm-up table: its name cannot be a TPC-H table's (leading
# underscore), and it has the columns and key of WARMUP_SHAPE.
WARMUP_TABLE = "_lakebench_warmup"
WARMUP_SHAPE = "orders"


def record_key(table: str) -> list[str]:
    """The primary key a format that needs one (Hudi) writes the table with."""
    return PRIMARY_KEYS[WARMUP_SHAPE if table == WARMUP_TABLE else table]
