"""Exports: JSONL (nested as in schema.md), CSV (every column text, nested fields as JSON text) and
Parquet (typed columns: counts are integers, flags booleans, nested fields DuckDB's JSON type)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

FORMATS = ("jsonl", "csv", "parquet")


def write_jsonl(rows: Iterable[dict[str, Any]], dest: Path) -> int:
    """Write records one JSON object per line; returns how many."""
    n = 0
    with dest.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Nested values as JSON text, so every column is a scalar in CSV and Parquet."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
            for k, v in row.items()}


def _sql_string(path: Path) -> str:
    """A path as an SQL string literal (COPY takes no parameters, so quotes are doubled)."""
    return "'" + str(path).replace("'", "''") + "'"


def write_table(rows: Iterable[dict[str, Any]], dest: Path, fmt: str, columns: dict[str, str]) -> int:
    """Write records as CSV or Parquet through DuckDB; returns how many. ``columns`` gives each
    column's DuckDB type, which Parquet keeps; CSV is text whatever the type."""
    fd, tmp = tempfile.mkstemp(suffix=".jsonl")
    os.close(fd)
    tmp_path = Path(tmp)
    csv = fmt == "csv"
    # Every CSV column as text keeps values exactly as stored (ids, ISO dates, JSON).
    types = {c: "VARCHAR" if csv else t for c, t in columns.items()}
    try:
        n = write_jsonl((_flat(r) for r in rows) if csv else rows, tmp_path)
        con = duckdb.connect()
        try:
            if n:
                spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in types.items()) + "}"
                source = f"read_json({_sql_string(tmp_path)}, format='newline_delimited', columns={spec})"
            else:
                source = "(SELECT " + ", ".join(f"NULL::{t} AS \"{c}\"" for c, t in types.items()) + " LIMIT 0)"
            options = "(FORMAT csv, HEADER)" if csv else "(FORMAT parquet)"
            con.execute(f"COPY (SELECT * FROM {source}) TO {_sql_string(dest)} {options}")
        finally:
            con.close()
        return n
    finally:
        tmp_path.unlink(missing_ok=True)
