"""The gold job's query runner on a real local SparkSession."""
from gold.iteration_policy import IterationPolicy
from gold.run_queries import run_query, timed_collect


def test_a_query_is_timed_once_per_run_and_its_answer_hashed(spark):
    spark.range(5).createOrReplaceTempView("numbers")
    metrics, answer = run_query(spark, "q99", "select sum(id) as total from numbers", warmups=1, policy=IterationPolicy(3))
    assert metrics["status"] == "completed"
    assert len(metrics["warmup_seconds"]) == 1
    assert len(metrics["seconds"]) == 3
    assert all(seconds > 0 for seconds in metrics["seconds"])
    assert metrics["stopped_by"] == "fixed"
    assert metrics["rows"] == 1
    assert answer["rows"] == [[10.0]]
    assert answer["columns"] == ["total"]


def test_each_run_records_its_planning_seconds_within_its_total(spark):
    spark.range(100).createOrReplaceTempView("hundred")
    metrics, _ = run_query(spark, "q97", "select id % 3 as k, count(*) as n from hundred group by id % 3",
                           warmups=0, policy=IterationPolicy(4))
    assert len(metrics["planning_seconds"]) == len(metrics["seconds"]) == 4
    for planning, total in zip(metrics["planning_seconds"], metrics["seconds"]):
        assert 0 < planning <= total


def sql_executions(spark) -> int:
    """SQL executions the session has started, once the listener has seen every event."""
    spark.sparkContext._jsc.sc().listenerBus().waitUntilEmpty()
    return spark._jsparkSession.sharedState().statusStore().executionsCount()


def test_a_timed_run_is_one_execution_with_the_plan_made_before_it(spark):
    spark.range(10).createOrReplaceTempView("ten")
    before = sql_executions(spark)
    run = timed_collect(spark, "select count(*) as c from ten")
    assert sql_executions(spark) - before == 1
    assert run.rows[0].c == 10 and run.columns == ["c"]
    assert 0 < run.planning_seconds <= run.seconds


def test_auto_iterations_stop_at_the_cap_before_an_interval_can_exist(spark):
    spark.range(3).createOrReplaceTempView("three")
    # Four runs are too few for a 95 % interval of the median (six are needed), so only the cap can stop.
    policy = IterationPolicy(2, maximum=4, target_relative_half_width=0.5)
    metrics, _ = run_query(spark, "q96", "select max(id) as m from three", warmups=0, policy=policy)
    assert metrics["stopped_by"] == "cap"
    assert len(metrics["seconds"]) == 4


def test_a_failing_query_is_recorded_with_its_error_instead_of_raising(spark):
    metrics, answer = run_query(spark, "q98", "select * from no_such_table", warmups=0, policy=IterationPolicy(1))
    assert metrics["status"] == "failed"
    assert "no_such_table" in metrics["error"].lower() or "not found" in metrics["error"].lower()
    assert answer == {}
