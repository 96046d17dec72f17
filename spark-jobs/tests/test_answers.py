"""Answer normalisation and hashing shared by the Spark jobs and the DuckDB oracle."""
import datetime
import decimal

from common.answers import plain_rows, result_hash


def test_decimal_and_double_of_the_same_value_hash_the_same():
    spark_row = [("A", decimal.Decimal("25.522005"), datetime.date(1998, 9, 2))]
    duckdb_row = [("A", 25.522005003, datetime.date(1998, 9, 2))]
    assert result_hash(plain_rows(spark_row)) == result_hash(plain_rows(duckdb_row))


def test_row_order_does_not_change_the_hash():
    rows = plain_rows([("a", 1), ("b", 2)])
    assert result_hash(rows) == result_hash(list(reversed(rows)))


def test_a_different_value_changes_the_hash():
    assert result_hash(plain_rows([("a", 1.00)])) != result_hash(plain_rows([("a", 1.02)]))


def test_null_and_text_are_kept_apart():
    assert result_hash(plain_rows([(None,)])) != result_hash(plain_rows([("None",)]))
