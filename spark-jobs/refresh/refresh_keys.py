"""Order keys of the TPC-H refresh sets: which keys RF1 set n inserts and which RF2 set n deletes.

Pure integer arithmetic, the same rule as the reference generator dbgen (build.c mk_sparse,
driver.c update loop, print.c pr_drange), checked against the specification:

- Clause 4.2.3: O_ORDERKEY is sparse; of every 32 consecutive keys only the first 8 are used
  by the base population (25 % of the key range). dbgen turns an order index i (1-based) into
  a key by keeping its low SPARSE_KEEP = 3 bits and inserting SPARSE_BITS = 2 bits of "sequence"
  above them: key = (((i >> 3) << 2 | seq) << 3) | (i & 7). The base tables use seq 0.
- Clause 2.27 (new sales / old sales refresh functions) and 4.2.1: each refresh pair changes
  0.1 % of ORDERS: RF1 inserts SF * 1500 orders (with their 1..7 lineitems), RF2 deletes
  SF * 1500 orders (with all their lineitems).
- dbgen -U: update set n generates the order indices (n-1)*R+1 .. n*R (R = SF * 1500) with
  sequence 1 + n / (10000 / UPD_PCT) = 1 for n < 1000 (UPD_PCT = 10), so its new keys fall in
  slots 8..15 of every 32, never used by the base tables; its delete set is the base keys of the
  same index range (sequence n / 1000 = 0). Sets never overlap one another, RF2 never deletes a
  key an RF1 inserted, and set n's deletes exist while n * R <= SF * 1.5M, i.e. n <= 1000.
"""
from __future__ import annotations

SPARSE_BITS = 2
SPARSE_KEEP = 3
# dbgen's UPD_PCT: the sequence number of an update set's keys advances every 10000 / UPD_PCT sets.
UPDATE_PERCENT = 10
SETS_PER_SEQUENCE = 10000 // UPDATE_PERCENT
# Set 1000 would switch to sequence 2 for inserts and 1 for deletes (keys nobody inserted):
# dbgen's rule holds for 1..999 sets, more than any run needs (S + 1 with S <= 11 streams).
MAX_SETS = SETS_PER_SEQUENCE - 1

BASE_ORDERS_PER_SF = 1_500_000  # clause 4.2.1 (ORDERS has SF * 1,500,000 rows)
REFRESH_ORDERS_PER_SF = 1_500  # clause 2.27: 0.1 % of ORDERS per refresh function


class RefreshSetError(ValueError):
    """A refresh set request outside what the key rule supports."""

    def __init__(self, key: str, value: object, allowed: str) -> None:
        super().__init__(f"{key}={value!r} is not allowed: {allowed}")
        self.key = key
        self.value = value
        self.allowed = allowed


def sparse_key(index: int, sequence: int) -> int:
    """dbgen's mk_sparse: order index -> O_ORDERKEY, `sequence` in the 2 bits above the low 3."""
    low_bits = index & ((1 << SPARSE_KEEP) - 1)
    return (((index >> SPARSE_KEEP) << SPARSE_BITS | sequence) << SPARSE_KEEP) | low_bits


def base_orders(scale_factor: float) -> int:
    """Rows of the base ORDERS table, as tpchgen-cli writes them (SF * 1.5M, truncated)."""
    return int(BASE_ORDERS_PER_SF * scale_factor)


def orders_per_set(scale_factor: float) -> int:
    """SF * 1500 (clause 2.27), at least one order.

    For SF >= 1 this is exactly dbgen's count. Below SF 1, dbgen first scales the table base
    and then truncates base / 10000 (SF 0.01 -> 10 orders, not 15); SF < 1 is not a valid TPC-H
    scale at all, so we keep the spec's 0.1 % of the orders tpchgen-cli actually wrote.
    """
    return max(1, round(REFRESH_ORDERS_PER_SF * scale_factor))


def check_sets(scale_factor: float, sets: int) -> None:
    if not 1 <= sets <= MAX_SETS:
        raise RefreshSetError("sets", sets, f"an integer in 1..{MAX_SETS} (dbgen's key sequence rule)")
    if sets * orders_per_set(scale_factor) > base_orders(scale_factor):
        raise RefreshSetError("sets", sets, f"at most {base_orders(scale_factor) // orders_per_set(scale_factor)} "
                              f"at SF {scale_factor}: RF2 can only delete base orders")


def set_indices(set_number: int, scale_factor: float) -> range:
    """The order indices refresh pair n works on: (n-1)*R+1 .. n*R."""
    per_set = orders_per_set(scale_factor)
    return range((set_number - 1) * per_set + 1, set_number * per_set + 1)


def insert_keys(set_number: int, scale_factor: float) -> list[int]:
    """RF1 set n: new O_ORDERKEYs in the slots the base population leaves free (sequence 1)."""
    sequence = 1 + set_number // SETS_PER_SEQUENCE
    return [sparse_key(i, sequence) for i in set_indices(set_number, scale_factor)]


def delete_keys(set_number: int, scale_factor: float) -> list[int]:
    """RF2 set n: the base O_ORDERKEYs of the same index range (sequence 0)."""
    sequence = set_number // SETS_PER_SEQUENCE
    return [sparse_key(i, sequence) for i in set_indices(set_number, scale_factor)]
