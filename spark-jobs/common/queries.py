"""Loads the TPC-H query texts and applies the substitution parameters that depend on scale."""
from __future__ import annotations

import hashlib
import os
from decimal import Decimal

QUERIES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "queries")


def query_name(number: int) -> str:
    return f"q{number:02d}"


def substitution_parameters(scale_factor: float) -> dict[str, str]:
    # TPC-H clause 2.4.11.3: Q11's FRACTION is 0.0001 / SF. Written as a plain decimal
    # literal: "1e-05" would make Spark compare in DOUBLE instead of DECIMAL.
    fraction = Decimal("0.0001") / Decimal(repr(scale_factor))
    return {"Q11_FRACTION": format(fraction.normalize(), "f")}


def load_query(number: int, scale_factor: float, queries_dir: str = QUERIES_DIR) -> str:
    with open(os.path.join(queries_dir, f"{query_name(number)}.sql"), encoding="utf-8") as handle:
        text = handle.read()
    for key, value in substitution_parameters(scale_factor).items():
        text = text.replace("${" + key + "}", value)
    if "${" in text:
        raise ValueError(f"{query_name(number)} has an unknown placeholder: {text[text.index('${'):][:40]}")
    return text


def texts_hash(texts: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(texts):
        digest.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    return digest.hexdigest()
