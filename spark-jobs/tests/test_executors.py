"""The bounded wait for a first executor on a cluster (common/executors.py)."""
from __future__ import annotations

import pytest

from common.executors import NoExecutorError, await_executor, no_executor_message, registered_executors, wait_for_executor


class ManualClock:
    """Time that moves only when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_returns_as_soon_as_an_executor_is_registered():
    clock = ManualClock()
    counts = iter([0, 0, 1])
    assert await_executor(lambda: next(counts), 120, clock, clock.sleep) is True
    assert clock.now == pytest.approx(1.0)


def test_gives_up_at_the_deadline_without_sleeping_past_it():
    clock = ManualClock()
    assert await_executor(lambda: 0, 2.2, clock, clock.sleep) is False
    assert clock.now == pytest.approx(2.2)
    assert max(clock.sleeps) <= 0.5


def test_the_message_names_the_wait_the_master_and_the_executor_size():
    message = no_executor_message("spark://10.0.0.5:7077", 120, "2", "4g")
    assert message.startswith("no executor registered within 120 s: the cluster spark://10.0.0.5:7077 has no free worker that can host 2 cores / 4g")
    assert "SPARK_EXECUTOR_WAIT_SECONDS" in message
    assert "1 core / 1g" in no_executor_message("spark://h:7077", 5, "1", "1g")


def test_the_error_exits_with_status_1_and_one_error_line():
    error = NoExecutorError("no executor registered within 5 s")
    assert isinstance(error, SystemExit)
    assert error.code == "error: no executor registered within 5 s"  # Python prints it and exits 1


def test_a_local_session_counts_no_executor_besides_the_driver_and_does_not_wait(spark):
    assert registered_executors(spark) == 0
    wait_for_executor(spark)  # local[1]: returns at once instead of failing
