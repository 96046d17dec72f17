"""Quotes names and paths for the SQL the jobs build, so any DATA_DIR or name stays one token.

Every SQL text that contains a name or a path is built with these functions; where an API
takes the name or path without SQL (DataFrameWriter.save, DeltaTable.forPath, writeTo),
the jobs use that instead.
"""
from __future__ import annotations


def quote_identifier(name: str) -> str:
    """One Spark SQL identifier part: inside backticks a backtick is written twice."""
    return "`" + name.replace("`", "``") + "`"


def quote_multipart_identifier(*parts: str) -> str:
    """catalog.namespace.table with every part quoted, so a dot inside a part stays in it."""
    return ".".join(quote_identifier(part) for part in parts)


def quote_path_identifier(source: str, path: str) -> str:
    """A path-addressed table such as delta.`/data/silver/delta/t` (the path is one identifier)."""
    return f"{quote_identifier(source)}.{quote_identifier(path)}"


def quote_string_literal(value: str) -> str:
    """A Spark SQL string literal. Spark unescapes backslashes in literals by default
    (spark.sql.parser.escapedStringLiterals=false), so backslash and quote are both escaped."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def quote_duckdb_string_literal(value: str) -> str:
    """A DuckDB (standard SQL) string literal: a quote is written twice, a backslash is literal."""
    return "'" + value.replace("'", "''") + "'"


def quote_duckdb_identifier(name: str) -> str:
    """A DuckDB identifier: double quotes, a double quote inside written twice."""
    return '"' + name.replace('"', '""') + '"'
