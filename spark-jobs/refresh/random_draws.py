"""Deterministic draws for the refresh rows, from random.Random(seed).random() alone.

Python guarantees the sequence of random() for a given seed across versions; randrange,
choice and shuffle carry no such promise, so every integer and choice is derived from
random() here and the refresh files are byte-identical wherever they are generated.
"""
from __future__ import annotations

import bisect
import random


class WeightedList:
    """Values with integer weights, as the spec's distributions (clause 4.2.2.10) give them."""

    def __init__(self, entries: list[tuple[str, int]]) -> None:
        self.values = [value for value, _ in entries]
        self.cumulative: list[int] = []
        total = 0
        for _, weight in entries:
            total += weight
            self.cumulative.append(total)
        self.total = total


def uniform_list(values: list[str]) -> WeightedList:
    return WeightedList([(value, 1) for value in values])


class Draws:
    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        """Uniform in [low, high], both ends included."""
        return low + min(int(self._random.random() * (high - low + 1)), high - low)

    def pick(self, values: WeightedList) -> str:
        point = self.integer(1, values.total)
        return values.values[bisect.bisect_left(values.cumulative, point)]


def stream_seed(seed: int, stream: int) -> int:
    """One independent seed per stream (text pool = 0, refresh set n = n): set n's rows
    do not depend on how many sets are generated."""
    return (seed << 20) | stream
