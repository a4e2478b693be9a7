"""JSON articles: JSON Lines (.jsonl, .jsonl.gz, stdin) and JSON (.json, .json.gz: one object or an array).

One object is one article. Field names vary by dataset, so each of our fields is looked up under
the common names below, or under the name the caller maps it to in ``options.fields``.
"""

from __future__ import annotations

import dataclasses
import io
import json
import sys
from collections.abc import Iterator, Mapping
from typing import IO, Any, cast
from urllib.parse import urlsplit

from storyline.config import Options
from storyline.errors import BadOption
from storyline.ingest.common import (
    BYTES_PER_CHAR,
    GZIP_ERRORS,
    GZIP_MAGIC,
    SNIFF_BYTES,
    decode_bytes,
    looks_binary,
    max_article_bytes,
    normalise_date,
    open_binary,
    read_head,
    short_error,
    too_large_reason,
)
from storyline.model import RawDocument, Rejected

# Where datasets keep each of our fields, most specific first (the first non-empty one wins).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "content_original"),
    "html": ("html", "raw_html"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date", "pubdate", "datetime"),
    "source": ("source", "outlet", "site", "source_url", "domain"),
}
FIELD_NAMES = tuple(DEFAULT_FIELDS)
# What stdin is called in origins: "-" would be an unhelpful name in a list of rejections.
STDIN_ORIGIN = "<stdin>"
# JSON may escape every non-ASCII character as \uXXXX (6 bytes) and a record carries metadata
# besides its text, so a line may be longer than the file limit for one plain article.
JSON_BYTES_PER_CHAR = 2 * BYTES_PER_CHAR
# Reading granularity for a JSON array; doubled while one element does not fit.
ARRAY_CHUNK_CHARS = 1 << 16
# Keys quoted in a rejection for a record without text, at most (records can have hundreds).
MAX_KEYS_SHOWN = 12


class _MalformedJSON(Exception):
    """A JSON document that cannot be read further (the rest of the stream is lost)."""


def check_fields(fields: Mapping[str, str]) -> None:
    """Raise BadOption when a field mapping names a field storyline does not have."""
    unknown = sorted(set(fields) - set(FIELD_NAMES))
    if unknown:
        raise BadOption(
            f"unknown field name(s) in the field mapping: {', '.join(unknown)}; "
            f"storyline's fields are {', '.join(FIELD_NAMES)} (e.g. text=content_original)"
        )


def record_to_document(
    record: Mapping[str, Any], origin: str, fields: Mapping[str, str] | None = None
) -> RawDocument | Rejected:
    """One JSON object as a RawDocument, or Rejected naming the fields it has when it has no text."""
    fields = fields or {}
    warnings: list[str] = []
    text = _text_value(_lookup(record, "text", fields))
    html = None if text else _text_value(_lookup(record, "html", fields))
    if not text and not html:
        keys = sorted(str(k) for k in record)
        shown = ", ".join(keys[:MAX_KEYS_SHOWN]) + (", ..." if len(keys) > MAX_KEYS_SHOWN else "")
        mapped = [f"{fields[k]!r} (from --field {k}={fields[k]})" for k in ("text", "html") if k in fields]
        missing = f"no field {' or '.join(mapped)}" if mapped else "no text or html field"
        # a field that is there but holds no text (null, a number, blank) is named as such
        present = [fields.get(k, k) for k in ("text", "html") if fields.get(k, k) in record]
        if present:
            name = present[0]
            value = record[name]
            held = "blank text" if isinstance(value, str) else "null" if value is None else type(value).__name__
            missing = f"field {name!r} holds {held}, not article text"
        return Rejected(origin, f"{origin}: {missing} (fields: {shown or 'none'})")
    raw_date = _lookup(record, "published", fields)
    published = normalise_date(raw_date)
    if raw_date not in (None, "") and published is None:
        warnings.append(f"unreadable published date {str(raw_date)[:40]!r}")
    url, title = _lookup(record, "url", fields), _lookup(record, "title", fields)
    # A title or URL that is no text (a number, a list) is left out, and the record says so.
    warnings += [f"the {name} is {_json_type(value)}, not text: left out"
                 for name, value in (("title", title), ("url", url))
                 if value is not None and not isinstance(value, str)]
    return RawDocument(
        origin=origin,
        text=text,
        html=html,
        url=_string(url),
        title=_string(title),
        published=published,
        published_from="metadata" if published else None,
        source=_source(_lookup(record, "source", fields)),
        warnings=tuple(warnings),
    )


def read_jsonl(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read a JSON Lines file (plain or gzip): one article per line, origin ``path#line``."""
    try:
        head = read_head(path, SNIFF_BYTES)
        # random bytes would be as many "malformed JSON" lines as they hold newlines
        if looks_binary(head):
            packed = head.startswith(GZIP_MAGIC)
            yield Rejected(path, f"{path}: binary file, not JSON Lines" + (" (gzip inside gzip)" if packed else ""))
            return
        with open_binary(path) as stream:
            yield from _read_lines(stream, path, options)
    except GZIP_ERRORS as err:
        yield Rejected(path, f"{path}: corrupt gzip: {short_error(err)}")
    except OSError as err:
        yield Rejected(path, f"{path}: cannot read: {err.strerror or err}")


def read_stdin(options: Options) -> Iterator[RawDocument | Rejected]:
    """Read JSON Lines from standard input, origin ``<stdin>#line``."""
    stream: io.BufferedIOBase | None = getattr(sys.stdin, "buffer", None)
    if stream is None:
        # A text stream without a byte buffer (a test's StringIO, an embedding host): the whole
        # input is re-encoded at once, which is fine for the small inputs such hosts pass.
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    yield from _read_lines(stream, STDIN_ORIGIN, options)


def read_json(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read a JSON file (plain or gzip): one object, an array of objects (``path#N``) or JSON Lines."""
    try:
        head = read_head(path, ARRAY_CHUNK_CHARS)
        first = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if first == b"[":
            with open_binary(path) as stream:
                yield from _read_array(stream, path, options)
        elif first == b"{" and _is_json_lines(path, options.max_chars * JSON_BYTES_PER_CHAR):
            with open_binary(path) as stream:
                yield from _read_lines(stream, path, options)
        elif first == b"{":
            with open_binary(path) as stream:
                yield _read_single(stream, path, options)
        elif not first:
            yield Rejected(path, f"{path}: empty file")
        else:
            yield Rejected(path, f"{path}: malformed JSON: expected an object or an array")
    except GZIP_ERRORS as err:
        yield Rejected(path, f"{path}: corrupt gzip: {short_error(err)}")
    except OSError as err:
        yield Rejected(path, f"{path}: cannot read: {err.strerror or err}")


# --------------------------------------------------------------------------- streams


def _read_lines(stream: io.BufferedIOBase, origin: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Parse a stream of JSON lines; bad lines become Rejected and reading goes on."""
    cap = options.max_chars * JSON_BYTES_PER_CHAR
    n = n_records = 0
    try:
        for n, line in _capped_lines(stream, cap):
            if isinstance(line, int):
                n_records += 1
                yield Rejected(f"{origin}#{n}", too_large_reason(f"{origin}#{n}", line))
                continue
            if n == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")  # a BOM may open the stream, nowhere else
            result = _parse_line(line, f"{origin}#{n}", options)
            if result is not None:
                n_records += 1
                yield result
    except GZIP_ERRORS as err:
        yield Rejected(origin, f"{origin}: corrupt gzip after record {n}: {short_error(err)}")
        return
    if n_records == 0:
        # Say why nothing came out of this input, rather than nothing at all.
        yield Rejected(origin, f"{origin}: no records (empty input)")


def _capped_lines(stream: io.BufferedIOBase, cap: int) -> Iterator[tuple[int, bytes | int]]:
    """Number the lines of a stream (1-based); a line longer than ``cap`` bytes comes as its length.

    A line over the cap is counted and skipped without holding it in memory.
    """
    n = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        n += 1
        if len(line) > cap and not line.endswith(b"\n"):
            size = len(line)
            while True:  # drain the rest of the oversized line
                more = stream.readline(cap)
                size += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield n, size
            continue
        yield n, line


def _parse_line(line: bytes, origin: str, options: Options) -> RawDocument | Rejected | None:
    """One JSON line as an article; None for a blank line."""
    text, warnings = decode_bytes(line)
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        return Rejected(origin, f"{origin}: malformed JSON: {err.msg} (column {err.colno})")
    return _value_to_document(value, origin, options, warnings)


def _value_to_document(
    value: object, origin: str, options: Options, warnings: tuple[str, ...] = ()
) -> RawDocument | Rejected:
    """A parsed JSON value as an article; anything but an object is rejected."""
    if not isinstance(value, dict):
        return Rejected(origin, f"{origin}: not a JSON object but {_json_type(value)}")
    result = record_to_document(value, origin, options.fields)
    if isinstance(result, RawDocument) and warnings:
        result = dataclasses.replace(result, warnings=warnings + result.warnings)
    return result


def _is_json_lines(path: str, cap: int) -> bool:
    """True when a JSON file is JSON Lines: its first line is a whole object and more lines follow.

    A file with one object on one line is read as a single document (origin without ``#N``).
    """
    with open_binary(path) as stream:
        non_blank = (line for _, line in _capped_lines(stream, cap) if isinstance(line, int) or line.strip())
        first = next(non_blank, b"")
        if isinstance(first, int) or not _object_line(first):
            return False  # an oversized, unparsable or missing first line: not JSON Lines
        try:
            return next(non_blank, b"") != b""
        except GZIP_ERRORS:
            return True  # a whole first line, then a gzip that breaks off: lines, read up to the break


def _object_line(line: bytes) -> bool:
    """True when a line holds one whole JSON object."""
    try:
        return isinstance(json.loads(line.decode("utf-8", errors="replace").lstrip("\ufeff")), dict)
    except json.JSONDecodeError:
        return False


def _read_single(stream: io.BufferedIOBase, origin: str, options: Options) -> RawDocument | Rejected:
    """A JSON file holding one object: one article with the file's path as origin."""
    cap = max_article_bytes(options) * 2  # the same allowance for escapes as a JSON line
    data = stream.read(cap + 1)
    if len(data) > cap:
        return Rejected(origin, too_large_reason(origin, len(data)))
    text, warnings = decode_bytes(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}"
        return Rejected(origin, f"{origin}: malformed JSON: {err.msg} ({where})")
    return _value_to_document(value, origin, options, warnings)


def _read_array(stream: io.BufferedIOBase, origin: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Stream the objects of a JSON array, so a large array is never held in memory at once."""
    text_stream = io.TextIOWrapper(cast(IO[bytes], stream), encoding="utf-8-sig", errors="replace")
    cap = options.max_chars * JSON_BYTES_PER_CHAR
    n = 0
    try:
        for n, value in _array_items(text_stream, cap):
            yield _value_to_document(value, f"{origin}#{n}", options)
    except _MalformedJSON as err:
        yield Rejected(origin, f"{origin}: malformed JSON after element {n}: {err}")
        return
    except GZIP_ERRORS as err:
        yield Rejected(origin, f"{origin}: corrupt gzip after record {n}: {short_error(err)}")
        return
    if n == 0:
        yield Rejected(origin, f"{origin}: no records (empty array)")


def _array_items(stream: IO[str], cap: int) -> Iterator[tuple[int, Any]]:
    """Yield (1-based index, value) for each element of the JSON array the stream holds."""
    decoder = json.JSONDecoder()
    buf = stream.read(ARRAY_CHUNK_CHARS).lstrip()
    if not buf.startswith("["):
        raise _MalformedJSON("expected an array")
    pos, n, chunk, eof = 1, 0, ARRAY_CHUNK_CHARS, False
    expect_comma = False
    while True:
        while pos < len(buf) and buf[pos] in " \t\r\n":
            pos += 1
        if pos >= len(buf):
            if eof:
                raise _MalformedJSON("the array is not closed (truncated file?)")
            more = stream.read(chunk)
            eof = not more
            buf, pos = buf[pos:] + more, 0  # compact: consumed elements are not kept
            continue
        if buf[pos] == "]":
            return
        if expect_comma:
            if buf[pos] != ",":
                raise _MalformedJSON(f"expected ',' or ']' but found {buf[pos]!r}")
            pos += 1
            expect_comma = False
            continue
        try:
            value, end = decoder.raw_decode(buf, pos)
        except json.JSONDecodeError as err:
            # Either the element is cut by the chunk boundary (read more) or it is broken.
            if eof or len(buf) - pos > cap:
                raise _MalformedJSON(err.msg) from None
            more = stream.read(chunk)
            eof = not more
            chunk *= 2
            buf, pos = buf[pos:] + more, 0
            continue
        n += 1
        yield n, value
        pos, expect_comma, chunk = end, True, ARRAY_CHUNK_CHARS


# --------------------------------------------------------------------------- field values


def _lookup(record: Mapping[str, Any], name: str, fields: Mapping[str, str]) -> Any:
    """The value of one of our fields: the mapped field only when mapped, else the first common name."""
    mapped = fields.get(name)
    if mapped is not None:
        return _dotted(record, mapped)
    for key in DEFAULT_FIELDS[name]:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _dotted(record: Mapping[str, Any], path: str) -> Any:
    """A field by name, or a nested field by a dotted path ("meta.published")."""
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _text_value(value: Any) -> str | None:
    """Article text: a string, or a list of paragraph strings joined by blank lines."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        value = "\n\n".join(v.strip() for v in value if v.strip())
    if isinstance(value, str) and value.strip():
        return value
    return None


def _string(value: Any) -> str | None:
    """A metadata string, stripped; None for anything else."""
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _source(value: Any) -> str | None:
    """The outlet: a name, a URL reduced to its host, or the name inside a {"name": ...} object."""
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("title") or value.get("domain") or value.get("url")
    text = _string(value)
    if text and "://" in text:
        return urlsplit(text).hostname or text
    return text


def _json_type(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    return "null" if value is None else type(value).__name__

