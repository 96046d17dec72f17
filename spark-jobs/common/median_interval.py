"""The distribution-free confidence interval of a median, from order statistics.

For n runs sorted x(1) <= ... <= x(n), the interval [x(l), x(n+1-l)] holds the true median
with probability 1 - 2 P(B <= l-1), B ~ Binomial(n, 1/2): no assumption about the shape of
the timing distribution, which is skewed and often bimodal on a shared machine. Plain
Python (math.comb), so the job needs no scipy.
"""
from __future__ import annotations

from math import comb


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def median_interval_ranks(n: int, confidence: float = 0.95) -> tuple[int, int] | None:
    """1-based ranks (l, u) of the narrowest symmetric interval with at least this coverage;
    None when even [min, max] covers less (n < 6 at 95 %)."""
    below = 0  # 2^n * P(B <= l-1), kept as an exact integer
    best = None
    for lower in range(1, n // 2 + 1):
        below += comb(n, lower - 1)
        if 1 - 2 * below / 2**n < confidence:
            break
        best = (lower, n + 1 - lower)
    return best


def median_confidence_interval(values: list[float], confidence: float = 0.95) -> tuple[float, float] | None:
    ranks = median_interval_ranks(len(values), confidence)
    if ranks is None:
        return None
    ordered = sorted(values)
    return ordered[ranks[0] - 1], ordered[ranks[1] - 1]


def relative_half_width(values: list[float], confidence: float = 0.95) -> float | None:
    """The interval's larger distance from the median, as a fraction of the median."""
    interval = median_confidence_interval(values, confidence)
    if interval is None:
        return None
    middle = median(values)
    if middle <= 0:
        return None
    return max(middle - interval[0], interval[1] - middle) / middle
