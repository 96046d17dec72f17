"""The order-statistic interval of the median against published values."""
from __future__ import annotations

import pytest

from common.median_interval import median, median_confidence_interval, median_interval_ranks, relative_half_width


@pytest.mark.parametrize(
    ("n", "ranks"),
    [
        # Ranks of the distribution-free 95 % interval (e.g. Conover, Practical Nonparametric
        # Statistics, table A3; n=100 -> x(40), x(61)).
        (6, (1, 6)),
        (8, (1, 8)),
        (9, (2, 8)),
        (10, (2, 9)),
        (12, (3, 10)),
        (20, (6, 15)),
        (30, (10, 21)),
        (100, (40, 61)),
    ],
)
def test_the_95_percent_ranks_match_the_published_table(n, ranks):
    assert median_interval_ranks(n, 0.95) == ranks


@pytest.mark.parametrize("n", [0, 1, 2, 5])
def test_too_few_runs_have_no_95_percent_interval(n):
    assert median_interval_ranks(n, 0.95) is None
    assert median_confidence_interval([1.0] * n) is None


def test_the_interval_is_read_from_the_sorted_runs():
    runs = [9.0, 1.0, 8.0, 2.0, 7.0, 3.0, 6.0, 4.0, 5.0, 10.0]  # n=10 -> x(2), x(9)
    assert median_confidence_interval(runs) == (2.0, 9.0)
    assert median(runs) == 5.5
    assert relative_half_width(runs) == pytest.approx(3.5 / 5.5)


def test_identical_runs_have_a_zero_width_interval():
    assert relative_half_width([2.0] * 6) == 0.0
