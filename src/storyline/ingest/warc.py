"""Web archives (.warc, .warc.gz, .arc, .arc.gz): each HTML response record is one page.

Common Crawl News is WARC. Only HTTP responses with an HTML content type and a 2xx status are
pages; requests, metadata, warcinfo, redirects and non-HTML responses are skipped silently.
Conversion records with plain text (WET files) are read as text.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from email.message import Message
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from storyline.config import Options
from storyline.ingest.common import (
    GZIP_MAGIC,
    META_CHARSET_BYTES,
    declared_charset,
    is_blank,
    max_article_bytes,
    normalise_date,
    short_error,
    too_large_reason,
)
from storyline.model import RawDocument, Rejected

# What a valid archive starts with (after decompression): a WARC version line or an ARC file header.
ARCHIVE_SIGNATURES = (b"WARC/", b"filedesc://")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
# Bytes asked of the decompressor at a time when the caller does not say.
READ_BLOCK = 1 << 16


class _GuardedStream:
    """A byte stream that turns a decompression error into end-of-file and remembers it.

    warcio treats an EOFError while parsing a record header as the normal end of the archive, so a
    truncated .warc.gz would otherwise end silently. Decompressing here, with Python's gzip module
    (which checks the end of every member), lets the reader report the corruption.
    """

    def __init__(self, stream: io.BufferedIOBase) -> None:
        self.stream = stream
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        """Read at most ``size`` bytes; after a decompression error, act as end-of-file.

        One ``read1`` call per read: a large read that meets the corruption would lose the
        bytes it had already decompressed, and the reader wants every record before the damage.
        """
        if self.error is not None:
            return b""
        try:
            return self.stream.read1(size if size > 0 else READ_BLOCK)
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as err:
            self.error = err
            return b""


def read_warc(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read the HTML pages of a WARC/ARC file, origin ``path#N`` (N counts response records)."""
    try:
        with open(path, "rb") as fh:
            compressed = fh.read(len(GZIP_MAGIC)) == GZIP_MAGIC
        with (gzip.open(path, "rb") if compressed else open(path, "rb")) as raw:
            stream = _GuardedStream(raw)
            head = _peek(stream, raw)
            if head is None:
                yield Rejected(path, f"{path}: empty file")
                return
            if not head.startswith(ARCHIVE_SIGNATURES):
                reason = short_error(stream.error) if stream.error else "no WARC/ARC header"
                yield Rejected(path, f"{path}: not a WARC file ({reason})")
                return
            yield from _read_records(stream, path, options, arc=head.startswith(b"filedesc://"))
    except OSError as err:
        yield Rejected(path, f"{path}: cannot read: {err.strerror or err}")


def _peek(stream: _GuardedStream, raw: io.BufferedIOBase) -> bytes | None:
    """The first bytes of the (decompressed) archive, rewinding so the iterator sees them too."""
    head = stream.read(len(b"filedesc://"))
    if not head:
        return None if stream.error is None else b""
    raw.seek(0)  # gzip and plain files can both rewind; gzip re-reads from the start
    return head


def _read_records(
    stream: _GuardedStream, origin: str, options: Options, *, arc: bool
) -> Iterator[RawDocument | Rejected]:
    """Turn the response records of an archive into documents; stop with a reason on corruption."""
    cap = max_article_bytes(options)
    n_responses = 0  # response records seen, numbering the origins
    n_complete = 0  # response records read to their end
    n_yielded = 0  # documents and per-record rejections given out
    try:
        records = ArchiveIterator(stream, arc2warc=arc)
        for record in records:
            if records.err_count:
                # warcio found a record whose Content-Length does not match its block (it also
                # prints a warning): what follows cannot be trusted.
                yield Rejected(origin, f"{origin}: corrupt WARC after record {n_complete}: bad record length")
                return
            if record.rec_type not in ("response", "conversion"):
                continue
            n_responses += 1
            where = f"{origin}#{n_responses}"
            result = _record_to_document(record, where, cap)
            _drain(record)  # also for skipped records, so that every length is checked
            if stream.error is not None:
                break  # the record was cut by the corruption: report the file, not a half page
            if _is_truncated(record):
                yield Rejected(where, f"{where}: truncated WARC record (the file ends inside it)")
                return
            n_complete = n_responses
            if result is not None:
                n_yielded += 1
                yield result
    except Exception as err:  # warcio raises many kinds on corrupt input; the batch must go on
        if stream.error is None:
            reason = f"corrupt WARC after record {n_complete}: {type(err).__name__}: {short_error(err)}"
            yield Rejected(origin, f"{origin}: {reason}")
            return
    if stream.error is not None:
        reason = f"corrupt gzip after record {n_complete}: {short_error(stream.error)}"
        yield Rejected(origin, f"{origin}: {reason}")
    elif n_yielded == 0:
        # Say why nothing came out of this archive, rather than nothing at all.
        yield Rejected(origin, f"{origin}: no HTML response records ({n_responses} responses in all)")


def _record_to_document(record: Any, origin: str, cap: int) -> RawDocument | Rejected | None:
    """One response record as a page (or WET text); None when it is not an article page."""
    http = record.http_headers
    if record.rec_type == "response":
        if http is None or not _is_success(http.get_statuscode()):
            return None  # redirects and errors are crawl noise, not articles
        content_type = http.get_header("Content-Type") or ""
        if not content_type.lower().startswith(HTML_TYPES):
            return None
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
        if not content_type.lower().startswith(TEXT_TYPES):
            return None
    payload = record.content_stream().read(cap + 1)
    if len(payload) > cap:
        return Rejected(origin, too_large_reason(origin, len(payload)))
    charset = _charset(content_type) or declared_charset(payload[:META_CHARSET_BYTES]) or "utf-8"
    try:
        body = payload.decode(charset, errors="replace")
    except LookupError:
        body = payload.decode("utf-8", errors="replace")
    if is_blank(body):
        return Rejected(origin, f"{origin}: empty response body")
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    published = normalise_date(record.rec_headers.get_header("WARC-Date") or "")
    is_html = record.rec_type == "response"
    return RawDocument(
        origin=origin,
        html=body if is_html else None,
        text=None if is_html else body,
        url=url,
        # For HTML the page's own date wins over the crawl date (see RawDocument); plain text
        # records have nothing better than the crawl date.
        published=None if is_html else published,
        published_from=None if is_html or not published else "metadata",
        fallback_published=published if is_html else None,
    )


def _drain(record: Any) -> None:
    """Read what is left of a record's raw block, so its length can be checked."""
    while record.raw_stream.read(1 << 16):
        pass


def _is_truncated(record: Any) -> bool:
    """True when the archive ended before the record's declared Content-Length."""
    remaining = getattr(record.raw_stream, "limit", 0)
    return isinstance(remaining, int) and remaining > 0


def _is_success(status: str | None) -> bool:
    """True for a 2xx HTTP status."""
    return bool(status) and str(status).startswith("2")


def _charset(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header value."""
    message = Message()
    message["Content-Type"] = content_type
    charset = message.get_param("charset")
    return charset.strip() if isinstance(charset, str) and charset.strip() else None

