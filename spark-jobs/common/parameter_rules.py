"""The spec's rule for each query's substitution parameters (TPC-H 3.0.1 clause 2.4.N.3).

Every draw goes through `RandomSource.random()` only: `random.Random(seed).random()` gives the
same numbers on every Python version, while randrange/choice/sample have changed between
versions. The rules are written from the spec text (checked against dbgen's qgen, varsub.c);
the numbers drawn are ours, not qgen's, so a seed here does not reproduce a qgen stream.
"""
from __future__ import annotations

import datetime
from typing import Callable, Protocol, Sequence, TypeVar

from common.tpch_domains import (
    COLORS,
    CONTAINERS,
    COUNTRY_CODES,
    NATIONS,
    Q13_WORD1,
    Q13_WORD2,
    REGIONS,
    SEGMENTS,
    SHIP_MODES,
    TYPE_SYLLABLE_3,
    TYPES,
    region_of,
)

T = TypeVar("T")


class RandomSource(Protocol):
    def random(self) -> float: ...


def uniform_int(rng: RandomSource, low: int, high: int) -> int:
    """An integer in [low, high], each equally likely."""
    return low + min(int(rng.random() * (high - low + 1)), high - low)


def pick(rng: RandomSource, values: Sequence[T]) -> T:
    return values[uniform_int(rng, 0, len(values) - 1)]


def distinct(rng: RandomSource, values: Sequence[T], count: int) -> list[T]:
    """`count` different values in random order (the first steps of a Fisher-Yates shuffle)."""
    pool = list(values)
    for i in range(count):
        j = uniform_int(rng, i, len(pool) - 1)
        pool[i], pool[j] = pool[j], pool[i]
    return pool[:count]


def month_start(months_after_january_1993: int) -> str:
    year, month = divmod(months_after_january_1993, 12)
    return datetime.date(1993 + year, month + 1, 1).isoformat()


def january_first(rng: RandomSource) -> str:
    """The first of January of a year in [1993, 1997] (Q5, Q6, Q12, Q20)."""
    return datetime.date(uniform_int(rng, 1993, 1997), 1, 1).isoformat()


def brand(rng: RandomSource) -> str:
    """'Brand#MN', M and N drawn independently in [1, 5] (Q16, Q17, Q19)."""
    return f"Brand#{uniform_int(rng, 1, 5)}{uniform_int(rng, 1, 5)}"


def q01(rng: RandomSource) -> dict[str, str]:
    # 2.4.1.3: DELTA in [60, 120].
    return {"DELTA": str(uniform_int(rng, 60, 120))}


def q02(rng: RandomSource) -> dict[str, str]:
    # 2.4.2.3: SIZE in [1, 50]; TYPE from syllable 3 of Types; REGION from R_NAME.
    return {"SIZE": str(uniform_int(rng, 1, 50)), "TYPE": pick(rng, TYPE_SYLLABLE_3), "REGION": pick(rng, REGIONS)}


def q03(rng: RandomSource) -> dict[str, str]:
    # 2.4.3.3: SEGMENT from Segments; DATE a day in [1995-03-01, 1995-03-31].
    day = datetime.date(1995, 3, 1) + datetime.timedelta(days=uniform_int(rng, 0, 30))
    return {"SEGMENT": pick(rng, SEGMENTS), "DATE": day.isoformat()}


def q04(rng: RandomSource) -> dict[str, str]:
    # 2.4.4.3: DATE the first day of a month from January 1993 to October 1997.
    return {"DATE": month_start(uniform_int(rng, 0, 57))}


def q05(rng: RandomSource) -> dict[str, str]:
    # 2.4.5.3: REGION from R_NAME; DATE January 1st of a year in [1993, 1997].
    return {"REGION": pick(rng, REGIONS), "DATE": january_first(rng)}


def q06(rng: RandomSource) -> dict[str, str]:
    # 2.4.6.3: DATE January 1st of [1993, 1997]; DISCOUNT in [0.02, 0.09]; QUANTITY in [24, 25].
    return {"DATE": january_first(rng), "DISCOUNT": f"0.{uniform_int(rng, 2, 9):02d}",
            "QUANTITY": str(uniform_int(rng, 24, 25))}


def q07(rng: RandomSource) -> dict[str, str]:
    # 2.4.7.3: NATION1 and a different NATION2 from N_NAME.
    nation1, nation2 = distinct(rng, NATIONS, 2)
    return {"NATION1": nation1, "NATION2": nation2}


def q08(rng: RandomSource) -> dict[str, str]:
    # 2.4.8.3: NATION from N_NAME; REGION is that nation's region; TYPE from the 3-syllable Types.
    nation = pick(rng, NATIONS)
    return {"NATION": nation, "REGION": region_of(nation), "TYPE": pick(rng, TYPES)}


def q09(rng: RandomSource) -> dict[str, str]:
    # 2.4.9.3: COLOR from the words of P_NAME.
    return {"COLOR": pick(rng, COLORS)}


def q10(rng: RandomSource) -> dict[str, str]:
    # 2.4.10.3: DATE the first day of a month from February 1993 to January 1995.
    return {"DATE": month_start(uniform_int(rng, 1, 24))}


def q11(rng: RandomSource) -> dict[str, str]:
    # 2.4.11.3: NATION from N_NAME (FRACTION = 0.0001/SF is added by the caller: it is not drawn).
    return {"NATION": pick(rng, NATIONS)}


def q12(rng: RandomSource) -> dict[str, str]:
    # 2.4.12.3: SHIPMODE1 and a different SHIPMODE2 from Modes; DATE January 1st of [1993, 1997].
    mode1, mode2 = distinct(rng, SHIP_MODES, 2)
    return {"SHIPMODE1": mode1, "SHIPMODE2": mode2, "DATE": january_first(rng)}


def q13(rng: RandomSource) -> dict[str, str]:
    # 2.4.13.3: WORD1 from special/pending/unusual/express, WORD2 from packages/requests/accounts/deposits.
    return {"WORD1": pick(rng, Q13_WORD1), "WORD2": pick(rng, Q13_WORD2)}


def q14(rng: RandomSource) -> dict[str, str]:
    # 2.4.14.3: DATE the first day of a month of a year in [1993, 1997].
    return {"DATE": month_start(uniform_int(rng, 0, 59))}


def q15(rng: RandomSource) -> dict[str, str]:
    # 2.4.15.3: DATE the first day of a month from January 1993 to October 1997.
    return {"DATE": month_start(uniform_int(rng, 0, 57))}


def q16(rng: RandomSource) -> dict[str, str]:
    # 2.4.16.3: BRAND 'Brand#MN'; TYPE the first 2 syllables of a Type; SIZE1..8 eight different sizes in [1, 50].
    values = {"BRAND": brand(rng), "TYPE": pick(rng, TYPES).rsplit(" ", 1)[0]}
    values.update({f"SIZE{i}": str(size) for i, size in enumerate(distinct(rng, range(1, 51), 8), start=1)})
    return values


def q17(rng: RandomSource) -> dict[str, str]:
    # 2.4.17.3: BRAND 'Brand#MN'; CONTAINER from the 2-syllable Containers.
    return {"BRAND": brand(rng), "CONTAINER": pick(rng, CONTAINERS)}


def q18(rng: RandomSource) -> dict[str, str]:
    # 2.4.18.3: QUANTITY in [312, 315] (the validation value 300 lies outside it, as in the spec).
    return {"QUANTITY": str(uniform_int(rng, 312, 315))}


def q19(rng: RandomSource) -> dict[str, str]:
    # 2.4.19.3: QUANTITY1 in [1, 10], QUANTITY2 in [10, 20], QUANTITY3 in [20, 30]; BRAND1..3 'Brand#MN'.
    values = {f"BRAND{i}": brand(rng) for i in (1, 2, 3)}
    values.update({"QUANTITY1": str(uniform_int(rng, 1, 10)), "QUANTITY2": str(uniform_int(rng, 10, 20)),
                   "QUANTITY3": str(uniform_int(rng, 20, 30))})
    return values


def q20(rng: RandomSource) -> dict[str, str]:
    # 2.4.20.3: COLOR from the words of P_NAME; DATE January 1st of [1993, 1997]; NATION from N_NAME.
    return {"COLOR": pick(rng, COLORS), "DATE": january_first(rng), "NATION": pick(rng, NATIONS)}


def q21(rng: RandomSource) -> dict[str, str]:
    # 2.4.21.3: NATION from N_NAME.
    return {"NATION": pick(rng, NATIONS)}


def q22(rng: RandomSource) -> dict[str, str]:
    # 2.4.22.3: I1..I7 seven different country codes (clause 4.2.2.9).
    return {f"I{i}": code for i, code in enumerate(distinct(rng, COUNTRY_CODES, 7), start=1)}


RULES: dict[int, Callable[[RandomSource], dict[str, str]]] = {
    1: q01, 2: q02, 3: q03, 4: q04, 5: q05, 6: q06, 7: q07, 8: q08, 9: q09, 10: q10, 11: q11,
    12: q12, 13: q13, 14: q14, 15: q15, 16: q16, 17: q17, 18: q18, 19: q19, 20: q20, 21: q21, 22: q22,
}
