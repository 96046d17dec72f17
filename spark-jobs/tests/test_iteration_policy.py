"""When the gold job stops timing a query: a fixed count, a narrow enough interval, or the cap."""
from __future__ import annotations

import pytest

from gold.iteration_policy import IterationPolicy

STEADY = [1.00, 1.01, 0.99, 1.02, 0.98, 1.00]  # interval [0.98, 1.02] around 1.0: +-2 %
NOISY = [1.0, 3.0, 0.5, 2.0, 0.7, 4.0, 1.5, 0.6, 2.5, 1.1]


def test_a_fixed_count_stops_after_exactly_that_many_runs():
    policy = IterationPolicy(3)
    assert policy.mode == "fixed"
    assert [policy.stop_reason(NOISY[:n]) for n in (1, 2, 3)] == [None, None, "fixed"]


def test_auto_stops_by_width_once_the_median_interval_is_within_the_target():
    policy = IterationPolicy(3, maximum=20, target_relative_half_width=0.05)
    assert policy.mode == "auto"
    # Fewer than 6 runs have no 95 % interval, however steady they are.
    assert [policy.stop_reason(STEADY[:n]) for n in (3, 4, 5)] == [None, None, None]
    assert policy.stop_reason(STEADY) == "width"


def test_auto_stops_by_cap_when_the_runs_stay_too_spread():
    policy = IterationPolicy(3, maximum=10, target_relative_half_width=0.05)
    assert [policy.stop_reason(NOISY[:n]) for n in range(3, 10)] == [None] * 7
    assert policy.stop_reason(NOISY) == "cap"


def test_width_wins_when_the_last_allowed_run_also_narrows_the_interval():
    assert IterationPolicy(3, maximum=6, target_relative_half_width=0.05).stop_reason(STEADY) == "width"


def test_auto_never_stops_before_the_minimum():
    assert IterationPolicy(8, maximum=10, target_relative_half_width=0.5).stop_reason(STEADY) is None


@pytest.mark.parametrize(
    "arguments",
    [{"minimum": 0}, {"minimum": 3, "maximum": 2, "target_relative_half_width": 0.1},
     {"minimum": 3, "maximum": 10}, {"minimum": 3, "maximum": 10, "target_relative_half_width": 0.0},
     {"minimum": 3, "maximum": 10, "target_relative_half_width": 1.5}],
)
def test_an_impossible_policy_is_refused(arguments):
    with pytest.raises(ValueError):
        IterationPolicy(**arguments)
