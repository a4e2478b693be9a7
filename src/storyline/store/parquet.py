"""Reading a Parquet folder that `storyline spark analyse` wrote, in input order, a chunk at a time.

DuckDB reads the folder directly (no Spark needed to load it), sorted by each row's place in the
input, so loading gives the same store as `storyline ingest` of the same files.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from ..errors import InputNotFound, StoreError

# The columns every row has, whatever else a later version adds.
REQUIRED = ("file_no", "record_no", "raw_key", "kind", "analysed_with", "record")


def _files(folder: str) -> str:
    """The Parquet files of a folder (Spark writes part-*.parquet beside _SUCCESS), as a glob."""
    path = Path(folder)
    if path.is_file():
        return str(path)
    if not path.is_dir():
        raise InputNotFound(f"no such folder: {folder!r}")
    if not any(path.glob("*.parquet")):
        raise InputNotFound(f"{folder} holds no .parquet files; write them with: storyline spark analyse INPUT "
                            f"--out {folder}")
    if not (path / "_SUCCESS").exists() and any(path.glob("_temporary")):
        raise StoreError(f"{folder} is the output of a Spark job that did not finish: run it again")
    return str(path / "*.parquet")


def count_rows(folder: str) -> dict[str, int]:
    """How many rows of each kind ("article", "rejected") the folder holds (from the files'
    metadata and one column, without reading the records)."""
    con = duckdb.connect()
    try:
        return dict(con.execute("SELECT kind, count(*) FROM read_parquet(?) GROUP BY kind",
                                [_files(folder)]).fetchall())
    finally:
        con.close()


def read_rows(folder: str, chunk: int = 64) -> Iterator[list[dict[str, Any]]]:
    """The rows of the folder in input order (file, then record), chunk rows at a time. A corpus
    bigger than memory is sorted on disk, in a temporary folder of the system's (not the current
    directory, DuckDB's default)."""
    spill = tempfile.mkdtemp(prefix="storyline-load-")
    con = duckdb.connect(config={"temp_directory": spill})
    try:
        source = _files(folder)
        columns = [r[0] for r in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [source]).fetchall()]
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise StoreError(f"{folder} is not storyline's Spark output (no column {', '.join(missing)})")
        cur = con.execute("SELECT * FROM read_parquet(?) ORDER BY file_no, record_no", [source])
        while rows := cur.fetchmany(chunk):
            yield [dict(zip(columns, row, strict=True)) for row in rows]
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)
