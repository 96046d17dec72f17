"""The gold job's query runner on a real local SparkSession."""
from gold.run_queries import run_query


def test_a_query_is_timed_once_per_run_and_its_answer_hashed(spark):
    spark.range(5).createOrReplaceTempView("numbers")
    metrics, answer = run_query(spark, "q99", "select sum(id) as total from numbers", warmups=1, iterations=3)
    assert metrics["status"] == "completed"
    assert len(metrics["warmup_seconds"]) == 1
    assert len(metrics["seconds"]) == 3
    assert all(seconds > 0 for seconds in metrics["seconds"])
    assert metrics["rows"] == 1
    assert answer["rows"] == [[10.0]]
    assert answer["columns"] == ["total"]


def test_a_failing_query_is_recorded_with_its_error_instead_of_raising(spark):
    metrics, answer = run_query(spark, "q98", "select * from no_such_table", warmups=0, iterations=1)
    assert metrics["status"] == "failed"
    assert "no_such_table" in metrics["error"].lower() or "not found" in metrics["error"].lower()
    assert answer == {}
