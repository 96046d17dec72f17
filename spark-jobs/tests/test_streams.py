"""Query stream orders (TPC-H Appendix A) and the minimum throughput stream count (clause 5.3.4)."""
from __future__ import annotations

import pytest

from common.streams import QUERY_STREAM_ORDERS, StreamError, minimum_streams, query_order


def test_appendix_a_lists_41_streams_each_a_permutation_of_the_22_queries():
    assert len(QUERY_STREAM_ORDERS) == 41
    for stream in range(41):
        assert sorted(query_order(stream)) == list(range(1, 23))
    assert len({tuple(query_order(stream)) for stream in range(41)}) == 41


def test_stream_0_is_the_power_test_order():
    assert query_order(0) == [14, 2, 9, 20, 6, 17, 18, 8, 21, 13, 3, 22, 16, 4, 11, 15, 1, 10, 19, 5, 7, 12]


def test_first_and_last_throughput_rows_match_appendix_a():
    assert query_order(1) == [21, 3, 18, 5, 11, 7, 6, 20, 17, 12, 16, 15, 13, 10, 2, 8, 14, 19, 9, 22, 1, 4]
    assert query_order(40) == [13, 15, 17, 1, 22, 11, 3, 4, 7, 20, 14, 21, 9, 8, 2, 18, 16, 6, 10, 12, 5, 19]


@pytest.mark.parametrize(("stream", "row"), [(41, 0), (42, 1), (81, 40), (82, 0), (100, 18)])
def test_a_stream_above_40_reuses_the_row_of_its_number_mod_41(stream, row):
    assert query_order(stream) == query_order(row)


def test_the_returned_order_is_a_copy():
    query_order(0).reverse()
    assert query_order(0)[0] == 14


@pytest.mark.parametrize("stream", [-1, 1.5, True])
def test_a_stream_that_is_not_a_natural_number_is_refused(stream):
    with pytest.raises(StreamError) as raised:
        query_order(stream)
    assert raised.value.key == "stream"


@pytest.mark.parametrize(("scale_factor", "streams"), [
    (0.01, 2), (0.1, 2), (1, 2), (3, 2), (10, 3), (29.9, 3), (30, 4), (100, 5), (299, 5), (300, 6),
    (1000, 7), (3000, 8), (10_000, 9), (30_000, 10), (100_000, 11), (1_000_000, 11)])
def test_minimum_streams_follow_clause_5_3_4(scale_factor, streams):
    assert minimum_streams(scale_factor) == streams


@pytest.mark.parametrize("scale_factor", [0, -1])
def test_minimum_streams_need_a_positive_scale_factor(scale_factor):
    with pytest.raises(StreamError):
        minimum_streams(scale_factor)
