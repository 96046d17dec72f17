"""The rows of one refresh set, column by column by the rules of TPC-H clause 4.2.3.

Money is kept in integer cents and computed the way the reference generator does (dbgen
build.c mk_order, also tpchgen-rs): the bronze tables satisfy exactly these formulas, so
the refresh rows are indistinguishable in kind from the base rows.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from refresh.comment_text import text_string
from refresh.random_draws import Draws, uniform_list

# Clause 4.2.2.12 / 4.2.3: the date constants.
START_DATE = datetime.date(1992, 1, 1)
END_DATE = datetime.date(1998, 12, 31)
CURRENT_DATE = datetime.date(1995, 6, 17)
# O_ORDERDATE in STARTDATE .. ENDDATE - 151 days: the latest receipt (121 + 30) stays in range.
LAST_ORDER_DATE = END_DATE - datetime.timedelta(days=151)

PRIORITIES = uniform_list(["1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"])
INSTRUCTIONS = uniform_list(["DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"])
MODES = uniform_list(["REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"])
RETURN_FLAGS = uniform_list(["R", "A"])
SUPPLIERS_PER_PART = 4

ORDER_COLUMNS = ["o_orderkey", "o_custkey", "o_orderstatus", "o_totalprice", "o_orderdate",
                 "o_orderpriority", "o_clerk", "o_shippriority", "o_comment"]
LINEITEM_COLUMNS = ["l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity",
                    "l_extendedprice", "l_discount", "l_tax", "l_returnflag", "l_linestatus",
                    "l_shipdate", "l_commitdate", "l_receiptdate", "l_shipinstruct", "l_shipmode",
                    "l_comment"]


@dataclass(frozen=True)
class BaseScale:
    """Row counts of the base tables the refresh rows refer to (read from bronze)."""

    customers: int
    parts: int
    suppliers: int
    clerks: int


def clerk_count(scale_factor: float) -> int:
    """O_CLERK's range [1 .. SF * 1000] (clause 4.2.3); the generators never go below 1000."""
    return max(1000, int(1000 * scale_factor))


def retail_price_cents(part_key: int) -> int:
    """P_RETAILPRICE (clause 4.2.3), in cents."""
    return 90000 + (part_key // 10) % 20001 + 100 * (part_key % 1000)


def supplier_key(part_key: int, supplier_number: int, suppliers: int) -> int:
    """L_SUPPKEY: one of the part's four PARTSUPP suppliers (clause 4.2.3, PS_SUPPKEY rule)."""
    return (part_key + supplier_number * (suppliers // SUPPLIERS_PER_PART + (part_key - 1) // suppliers)) % suppliers + 1


def customer_key(draws: Draws, customers: int) -> int:
    """O_CUSTKEY in [1 .. SF * 150000], never a multiple of 3 (a third of customers have no orders):
    uniform over the allowed keys, which run 1, 2, 4, 5, 7, 8, ..."""
    allowed = customers - customers // 3
    position = draws.integer(0, allowed - 1)
    return 3 * (position // 2) + 1 + position % 2


def cents(value: int) -> str:
    return f"{value // 100}.{value % 100:02d}"


def order_rows(draws: Draws, pool: str, order_key: int, scale: BaseScale) -> tuple[tuple, list[tuple]]:
    """One order and its 1..7 lineitems, as text fields in ORDER_COLUMNS / LINEITEM_COLUMNS order."""
    order_date = START_DATE + datetime.timedelta(days=draws.integer(0, (LAST_ORDER_DATE - START_DATE).days))
    custkey = customer_key(draws, scale.customers)
    priority = draws.pick(PRIORITIES)
    clerk = f"Clerk#{draws.integer(1, scale.clerks):09d}"
    comment = text_string(draws, pool, 19, 78)
    lines = []
    total_cents = 0
    shipped = 0
    line_count = draws.integer(1, 7)
    for line_number in range(1, line_count + 1):
        quantity = draws.integer(1, 50)
        discount = draws.integer(0, 10)  # percent: 0.00 .. 0.10
        tax = draws.integer(0, 8)  # percent: 0.00 .. 0.08
        part_key = draws.integer(1, scale.parts)
        supp_key = supplier_key(part_key, draws.integer(0, SUPPLIERS_PER_PART - 1), scale.suppliers)
        extended = quantity * retail_price_cents(part_key)
        # O_TOTALPRICE = sum(L_EXTENDEDPRICE * (1 + L_TAX) * (1 - L_DISCOUNT)), truncated to cents per line.
        total_cents += extended * (100 - discount) // 100 * (100 + tax) // 100
        ship_date = order_date + datetime.timedelta(days=draws.integer(1, 121))
        commit_date = order_date + datetime.timedelta(days=draws.integer(30, 90))
        receipt_date = ship_date + datetime.timedelta(days=draws.integer(1, 30))
        return_flag = draws.pick(RETURN_FLAGS) if receipt_date <= CURRENT_DATE else "N"
        line_status = "O" if ship_date > CURRENT_DATE else "F"
        shipped += line_status == "F"
        lines.append((order_key, part_key, supp_key, line_number, cents(quantity * 100), cents(extended),
                      cents(discount), cents(tax), return_flag, line_status, ship_date.isoformat(),
                      commit_date.isoformat(), receipt_date.isoformat(), draws.pick(INSTRUCTIONS),
                      draws.pick(MODES), text_string(draws, pool, 10, 43)))
    status = "F" if shipped == line_count else "O" if shipped == 0 else "P"
    order = (order_key, custkey, status, cents(total_cents), order_date.isoformat(), priority, clerk, 0, comment)
    return order, lines
