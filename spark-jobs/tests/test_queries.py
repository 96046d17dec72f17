"""Query texts: all 22 exist, one statement each, and scale-dependent parameters are substituted."""
import pytest

from common.queries import load_query, substitution_parameters, texts_hash


@pytest.mark.parametrize("number", range(1, 23))
def test_every_query_is_one_statement_without_placeholders(number):
    text = load_query(number, 1.0)
    assert "${" not in text
    sql = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    assert ";" not in sql
    assert sql.strip().lower().startswith(("select", "with"))


@pytest.mark.parametrize(("scale_factor", "fraction"), [(1, "0.0001"), (0.01, "0.01"), (10, "0.00001"), (100, "0.000001")])
def test_q11_fraction_is_0_0001_over_sf_as_a_plain_decimal(scale_factor, fraction):
    assert substitution_parameters(scale_factor)["Q11_FRACTION"] == fraction
    assert fraction in load_query(11, scale_factor)


def test_texts_hash_changes_when_a_text_changes():
    assert texts_hash({"q01": "select 1"}) != texts_hash({"q01": "select 2"})
