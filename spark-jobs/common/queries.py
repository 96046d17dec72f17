"""Loads the TPC-H query templates and fills in their ${NAME} substitution parameters."""
from __future__ import annotations

import hashlib
import os
import re

from common.parameters import q11_fraction, validation_parameters

QUERIES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "queries")
PLACEHOLDER = re.compile(r"\$\{([A-Za-z0-9_]+)\}")


class QueryPlaceholderError(ValueError):
    """A template placeholder the parameters do not fill; carries the query, the name and the names given."""

    def __init__(self, query: str, placeholder: str, known: list[str]) -> None:
        super().__init__(f"{query} has an unknown placeholder ${{{placeholder}}}; parameters given: {', '.join(known) or 'none'}")
        self.query, self.placeholder, self.known = query, placeholder, known


def query_name(number: int) -> str:
    return f"q{number:02d}"


def substitution_parameters(scale_factor: float) -> dict[str, str]:
    """The scale-dependent parameter (clause 2.4.11.3: Q11's FRACTION = 0.0001 / SF)."""
    return {"Q11_FRACTION": q11_fraction(scale_factor)}


def render_query(name: str, template: str, parameters: dict[str, str]) -> str:
    """One pass over the template, so a value is never itself searched for placeholders."""
    malformed = template.count("${") - len(PLACEHOLDER.findall(template))
    if malformed:
        start = next(m.start() for m in re.finditer(r"\$\{", template) if not PLACEHOLDER.match(template, m.start()))
        raise QueryPlaceholderError(name, template[start:start + 40], sorted(parameters))

    def value(match: re.Match[str]) -> str:
        if match.group(1) not in parameters:
            raise QueryPlaceholderError(name, match.group(1), sorted(parameters))
        return parameters[match.group(1)]

    return PLACEHOLDER.sub(value, template)


def load_query(number: int, scale_factor: float, queries_dir: str = QUERIES_DIR,
               parameters: dict[str, str] | None = None) -> str:
    """Query `number`'s text; `parameters` None means the validation values (clause 2.4.N.4)."""
    with open(os.path.join(queries_dir, f"{query_name(number)}.sql"), encoding="utf-8") as handle:
        template = handle.read()
    if parameters is None:
        parameters = validation_parameters(number, scale_factor)
    # FRACTION follows from the scale factor alone, so a caller's dict need not repeat it.
    parameters = {**substitution_parameters(scale_factor), **parameters}
    return render_query(query_name(number), template, parameters)


def texts_hash(texts: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for name in sorted(texts):
        digest.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    return digest.hexdigest()
