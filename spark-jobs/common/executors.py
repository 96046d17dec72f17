"""On a cluster, waits until the application has an executor, and fails the job if none comes.

A standalone master that cannot place an executor (workers too small, or all held by other
applications) keeps the application waiting with no output, forever. A bounded wait turns
that into a failed job that says why.
"""
from __future__ import annotations

import time
from typing import Callable

from pyspark.sql import SparkSession

# Set by the orchestrator's spark-submit (src/core/engines/spark/sparkSubmit.ts) from SPARK_EXECUTOR_WAIT_SECONDS.
WAIT_CONF = "spark.lakebench.executorWaitSeconds"
DEFAULT_WAIT_SECONDS = 120
POLL_SECONDS = 0.5


class NoExecutorError(SystemExit):
    """Ends the job with exit status 1 and one line on stderr, no traceback: the orchestrator
    shows that line as the phase's error."""

    def __init__(self, message: str) -> None:
        super().__init__(f"error: {message}")
        self.message = message


def wait_for_executor(spark: SparkSession) -> None:
    """Returns once an executor is registered; local masters have their executor in the driver."""
    context = spark.sparkContext
    if not context.master.startswith("spark://"):
        return
    conf = context.getConf()
    seconds = int(conf.get(WAIT_CONF, str(DEFAULT_WAIT_SECONDS)))
    if await_executor(lambda: registered_executors(spark), seconds):
        return
    message = no_executor_message(context.master, seconds, conf.get("spark.executor.cores", "1"), conf.get("spark.executor.memory", "1g"))
    spark.stop()
    raise NoExecutorError(message)


def registered_executors(spark: SparkSession) -> int:
    # The map holds one block manager per executor plus the driver's own.
    return spark.sparkContext._jsc.sc().getExecutorMemoryStatus().size() - 1


def await_executor(
    count: Callable[[], int],
    timeout_seconds: float,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Polls `count` until it is positive (True) or the time is up (False)."""
    deadline = clock() + timeout_seconds
    while True:
        if count() > 0:
            return True
        if clock() >= deadline:
            return False
        sleep(min(POLL_SECONDS, max(deadline - clock(), 0.0)))


def no_executor_message(master: str, seconds: int, cores: str, memory: str) -> str:
    return (
        f"no executor registered within {seconds} s: the cluster {master} has no free worker that can host "
        f"{cores} {'core' if cores == '1' else 'cores'} / {memory} (spark.executor.cores / spark.executor.memory), "
        "e.g. because other applications hold its workers; wait until they finish, lower SPARK_EXECUTOR_CORES / "
        "SPARK_EXECUTOR_MEMORY, or raise SPARK_EXECUTOR_WAIT_SECONDS"
    )
