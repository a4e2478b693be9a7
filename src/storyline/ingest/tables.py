"""Tables of articles: CSV (.csv) and tab-separated (.tsv), plain or gzip; one row is one article.

The first row names the columns. Each of our fields is looked up under the same common names as
in JSON ("text", "content", "date", "source", ...) or under the column the caller maps it to
(``--field text=body``). A row's origin is ``path#N``, N counting the rows after the header, so
a rejection names the row to look at.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, cast

from storyline.config import Options
from storyline.ingest.common import GZIP_ERRORS, open_binary, short_error
from storyline.ingest.jsonl import JSON_BYTES_PER_CHAR, record_to_document
from storyline.model import RawDocument, Rejected

# How much of a file decides its encoding: UTF-8 when this much decodes, else cp1252 (what
# spreadsheet programs on Windows write).
ENCODING_PROBE_BYTES = 1 << 16


def read_table(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read a CSV or TSV file: one article per row after the header, origin ``path#N``.

    A row the csv module cannot parse (a quote never closed, a cell beyond the size limit) ends
    the file with a Rejected naming that row: what follows it cannot be told apart reliably."""
    delimiter = "\t" if path.lower().removesuffix(".gz").endswith(".tsv") else ","
    n = 0
    try:
        encoding = _encoding(path)
        with open_binary(path) as raw, io.TextIOWrapper(
            cast(IO[bytes], raw), encoding=encoding, errors="replace", newline=""
        ) as text:
            _allow_cells_of(options.max_chars * JSON_BYTES_PER_CHAR)
            # Strict: a stray quote is an error to report, not a cell that swallows the rows after it.
            rows = csv.DictReader(text, delimiter=delimiter, strict=True)
            if not rows.fieldnames:
                yield Rejected(path, f"{path}: empty file (no header row)")
                return
            for n, row in enumerate(rows, start=1):
                # A row longer than the header keeps its extra cells under None: they name nothing.
                record = {k: v for k, v in row.items() if k is not None}
                yield record_to_document(record, f"{path}#{n}", options.fields)
    except csv.Error as err:
        where = f"{path}#{n + 1}"
        yield Rejected(where, f"{where}: malformed CSV: {short_error(err)}; the rest of the file is not read")
        return
    except GZIP_ERRORS as err:
        yield Rejected(path, f"{path}: corrupt gzip after row {n}: {short_error(err)}")
        return
    except OSError as err:
        yield Rejected(path, f"{path}: cannot read: {err.strerror or err}")
        return
    if n == 0:
        yield Rejected(path, f"{path}: no rows after the header")


def _encoding(path: str) -> str:
    """utf-8-sig (a BOM is dropped) when the head of the file is UTF-8, else cp1252."""
    with open_binary(path) as raw:
        head = raw.read(ENCODING_PROBE_BYTES)
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        # The probe may end inside a character: only an error before its last bytes counts.
        if err.start < len(head) - 3:
            return "cp1252"
    return "utf-8-sig"


def _allow_cells_of(chars: int) -> None:
    """Let the csv module read cells as long as one article may be (its default is 128 KiB); the
    limit is process-wide, so it is only ever raised."""
    if csv.field_size_limit() < chars:
        csv.field_size_limit(chars)
