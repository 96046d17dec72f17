"""The substitution parameters of the 22 TPC-H queries: validation values or generated per stream.

Values are the raw parameter values (a date as yyyy-mm-dd, a name without quotes); the query
templates put them where the SQL wants them (`date '${DATE}'`, `'%${TYPE}'`). Every value is
drawn from the spec's fixed lists or is a number, so none needs quoting for Spark SQL or DuckDB.
Each dict also carries PARAMETER_SET ("validation" or "generated") for the header comment.
"""
from __future__ import annotations

import random
from decimal import Decimal

from common.parameter_rules import RULES, RandomSource

QUERY_NUMBERS = tuple(range(1, 23))
MODES = ("validation", "generated")

# TPC-H 3.0.1 clause 2.4.N.4 (Query Validation): the values the answer set was produced with.
# Q11's FRACTION depends on the scale factor and is added by validation_parameters.
VALIDATION_VALUES: dict[int, dict[str, str]] = {
    1: {"DELTA": "90"},
    2: {"SIZE": "15", "TYPE": "BRASS", "REGION": "EUROPE"},
    3: {"SEGMENT": "BUILDING", "DATE": "1995-03-15"},
    4: {"DATE": "1993-07-01"},
    5: {"REGION": "ASIA", "DATE": "1994-01-01"},
    6: {"DATE": "1994-01-01", "DISCOUNT": "0.06", "QUANTITY": "24"},
    7: {"NATION1": "FRANCE", "NATION2": "GERMANY"},
    8: {"NATION": "BRAZIL", "REGION": "AMERICA", "TYPE": "ECONOMY ANODIZED STEEL"},
    9: {"COLOR": "green"},
    10: {"DATE": "1993-10-01"},
    11: {"NATION": "GERMANY"},
    12: {"SHIPMODE1": "MAIL", "SHIPMODE2": "SHIP", "DATE": "1994-01-01"},
    13: {"WORD1": "special", "WORD2": "requests"},
    14: {"DATE": "1995-09-01"},
    15: {"DATE": "1996-01-01"},
    16: {"BRAND": "Brand#45", "TYPE": "MEDIUM POLISHED",
         **{f"SIZE{i}": size for i, size in enumerate(("49", "14", "23", "45", "19", "3", "36", "9"), start=1)}},
    17: {"BRAND": "Brand#23", "CONTAINER": "MED BOX"},
    18: {"QUANTITY": "300"},
    19: {"QUANTITY1": "1", "QUANTITY2": "10", "QUANTITY3": "20",
         "BRAND1": "Brand#12", "BRAND2": "Brand#23", "BRAND3": "Brand#34"},
    20: {"COLOR": "forest", "DATE": "1994-01-01", "NATION": "CANADA"},
    21: {"NATION": "SAUDI ARABIA"},
    22: {f"I{i}": code for i, code in enumerate(("13", "31", "23", "29", "30", "18", "17"), start=1)},
}


class ParameterError(ValueError):
    """A request for parameters the spec does not define; carries the key, value and what is allowed."""

    def __init__(self, key: str, value: object, allowed: str) -> None:
        super().__init__(f"{key}={value!r} is not allowed: {allowed}")
        self.key, self.value, self.allowed = key, value, allowed


def q11_fraction(scale_factor: float) -> str:
    # Clause 2.4.11.3: FRACTION is 0.0001 / SF. Written as a plain decimal literal: "1e-05"
    # would make Spark compare in DOUBLE instead of DECIMAL.
    if not scale_factor > 0:
        raise ParameterError("scale_factor", scale_factor, "a number above 0")
    fraction = Decimal("0.0001") / Decimal(repr(scale_factor))
    return format(fraction.normalize(), "f")


def _check_number(number: int) -> None:
    if number not in QUERY_NUMBERS:
        raise ParameterError("query", number, "a TPC-H query number 1..22")


def _with_fixed(number: int, values: dict[str, str], scale_factor: float, parameter_set: str) -> dict[str, str]:
    values = dict(values)
    if number == 11:
        values["Q11_FRACTION"] = q11_fraction(scale_factor)
    values["PARAMETER_SET"] = parameter_set
    return values


def validation_parameters(number: int, scale_factor: float) -> dict[str, str]:
    """The values of the spec's Query Validation subsection (2.4.N.4): today's query texts."""
    _check_number(number)
    return _with_fixed(number, VALIDATION_VALUES[number], scale_factor, "validation")


def generated_parameters(number: int, scale_factor: float, rng: RandomSource) -> dict[str, str]:
    """Values drawn from `rng` by the query's rule in clause 2.4.N.3."""
    _check_number(number)
    return _with_fixed(number, RULES[number](rng), scale_factor, "generated")


def query_parameters(mode: str, stream: int, seed: int, scale_factor: float) -> dict[int, dict[str, str]]:
    """The parameters of all 22 queries for one stream (0 = power test, 1..S = throughput streams).

    "generated": stream s draws from random.Random(seed + s), queries in number order, so each
    stream has its own values and a recorded seed replays the run (qgen is run once per stream,
    each with its own -r seed). "validation": the same values for every stream.
    """
    if mode not in MODES:
        raise ParameterError("QUERY_PARAMETERS", mode, " or ".join(MODES))
    if isinstance(stream, bool) or not isinstance(stream, int) or stream < 0:
        raise ParameterError("stream", stream, "an integer 0 or more")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ParameterError("seed", seed, "an integer")
    if mode == "validation":
        return {n: validation_parameters(n, scale_factor) for n in QUERY_NUMBERS}
    rng = random.Random(seed + stream)
    return {n: generated_parameters(n, scale_factor, rng) for n in QUERY_NUMBERS}
