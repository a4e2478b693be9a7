"""Helpers shared by the readers: decoding, binary sniffing, size limits and date normalisation.

Readers guard memory, not quality: they refuse a single article whose file is larger than
``options.max_chars * BYTES_PER_CHAR`` bytes before reading it. The cleaning stage applies
``options.max_chars`` and ``options.min_chars`` to the cleaned text.
"""

from __future__ import annotations

import codecs
import email.utils
import gzip
import io
import os
import re
import unicodedata
import zlib
from datetime import date, datetime, timezone

from storyline.config import Options
from storyline.model import Rejected

# UTF-8 needs up to 4 bytes per character and HTML markup inflates a page several times over its
# text; a single-article file beyond max_chars * 4 bytes cannot hold an article we would accept.
BYTES_PER_CHAR = 4
GZIP_MAGIC = b"\x1f\x8b"
# What a damaged gzip stream raises while it is being read.
GZIP_ERRORS = (EOFError, gzip.BadGzipFile, zlib.error)
# Binary sniffing looks at the head only: enough to catch images, archives and office files.
SNIFF_BYTES = 8192
# How much a head is read at a time, so a gzip that breaks off loses at most this much of it.
HEAD_CHUNK = 512
# Gzip header plus deflate stream, as zlib's decompressobj wants it (wbits offset 16).
GZIP_WBITS = 16 + zlib.MAX_WBITS
# Plain text has next to no C0 control characters; random or compressed bytes have about 11%.
BINARY_CONTROL_SHARE = 0.05
# Whitespace controls that text legitimately contains (tab, newline, vertical tab, form feed, CR),
# plus ESC, which terminal captures keep.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
# Code pages tried, in order, when bytes are not UTF-8: cp1252 is what mislabelled Western web text
# almost always is; latin-1 never fails, so it ends the chain.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
# Where an HTML page may declare its charset: browsers look in the first 1024 bytes; allow a little more.
META_CHARSET_BYTES = 2048
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)

# Formats accepted for dates in metadata, besides ISO 8601. Day-first and month-first numeric
# forms ("03/04/2025") are left out on purpose: they are ambiguous without knowing the outlet.
_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y",
    "%d.%m.%Y %H:%M",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%Y%m%d",
)
# Error messages are cut to this length: they end up in a table of rejections, not a debugger.
MAX_ERROR_CHARS = 120
# Epoch numbers above this are milliseconds (1e11 seconds is the year 5138).
_EPOCH_MS_THRESHOLD = 10**11


def format_size(n_bytes: int) -> str:
    """A byte count as a short human-readable size ("52.4 MB", "3.1 KB", "812 bytes")."""
    if n_bytes >= 100_000:
        return f"{n_bytes / 1_000_000:.1f} MB"
    if n_bytes >= 1_000:
        return f"{n_bytes / 1_000:.1f} KB"
    return f"{n_bytes} bytes"


def short_error(err: object) -> str:
    """An exception (or any message) as one short line for a rejection reason."""
    message = " ".join(str(err).split()) or type(err).__name__
    return message[:MAX_ERROR_CHARS]


def open_binary(path: str) -> io.BufferedIOBase:
    """Open a file for reading bytes, decompressing it when it is gzip (by content, not by name)."""
    with open(path, "rb") as fh:
        magic = fh.read(len(GZIP_MAGIC))
    if magic == GZIP_MAGIC:
        return gzip.open(path, "rb")
    return open(path, "rb")


def read_head(path: str, size: int) -> bytes:
    """The first bytes of a file's content (decompressed when gzip, member after member). A
    truncated or damaged gzip gives what it held before the damage: the records there are still
    read, and the reader that goes on to the damage reports it after them. (gzip's own reader
    raises at a cut-off end and drops what it had decompressed, so the head of a short damaged
    file would be lost.) Damage before any content raises as gzip's reader does."""
    with open(path, "rb") as fh:
        if fh.read(len(GZIP_MAGIC)) != GZIP_MAGIC:
            fh.seek(0)
            return fh.read(size)
        fh.seek(0)
        inflate = zlib.decompressobj(GZIP_WBITS)
        out = bytearray()
        try:
            while len(out) < size:
                if inflate.eof:  # the next member, if any
                    rest = inflate.unused_data
                    inflate = zlib.decompressobj(GZIP_WBITS)
                    raw = rest or fh.read(HEAD_CHUNK)
                    if not raw:
                        break
                else:
                    raw = inflate.unconsumed_tail or fh.read(HEAD_CHUNK)
                    if not raw:
                        if not out:
                            raise EOFError("Compressed file ended before the end-of-stream marker was reached")
                        break
                out += inflate.decompress(raw, size - len(out))
        except zlib.error:
            if not out:
                raise
    return bytes(out)


def max_article_bytes(options: Options) -> int:
    """The largest file that may hold one article under these options."""
    return options.max_chars * BYTES_PER_CHAR


def too_large_reason(origin: str, n_bytes: int, what: str = "for one article") -> str:
    """The rejection reason for an input too large to be one article (or what ``what`` says)."""
    return f"{origin}: too large ({format_size(n_bytes)}) {what}"


def read_file_bytes(path: str, options: Options) -> bytes | Rejected:
    """A file's bytes, or why they cannot be read (missing, unreadable, too large for an article).

    The size is checked before reading, so a huge file is never loaded.
    """
    return read_limited(path, max_article_bytes(options), "for one article")


def read_limited(path: str, limit: int, what: str) -> bytes | Rejected:
    """A file's bytes, decompressed when it is gzip (by content: "page.html.gz"), or why they
    cannot be read: missing, unreadable, a damaged gzip, or more than limit bytes ("too large
    <what>"). A plain file's size is checked before reading it, a gzip's as it is decompressed,
    so neither is ever loaded whole when it is too large."""
    try:
        with open(path, "rb") as fh:
            gzipped = fh.read(len(GZIP_MAGIC)) == GZIP_MAGIC
        if not gzipped:
            size = os.path.getsize(path)
            if size > limit:
                return Rejected(path, too_large_reason(path, size, what))
            with open(path, "rb") as fh:
                return fh.read()
        with gzip.open(path, "rb") as gz:
            data = gz.read(limit + 1)
        if len(data) > limit:
            return Rejected(path, f"{path}: too large (over {format_size(limit)} decompressed) {what}")
        return data
    except GZIP_ERRORS as err:  # before OSError: BadGzipFile is one
        return Rejected(path, f"{path}: damaged or truncated gzip: {short_error(err)}")
    except OSError as err:
        return Rejected(path, f"{path}: cannot read: {err.strerror or err}")


def looks_binary(head: bytes) -> bool:
    """True when the first bytes of a file are not text (NUL bytes, or many control characters)."""
    sample = head[:SNIFF_BYTES]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # UTF-16 text is full of NUL bytes but is text
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 32 or b == 127) and b not in _TEXT_CONTROLS)
    return controls / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as text: BOM, then the declared charset, then UTF-8, then cp1252/latin-1.

    Returns the text and the warnings to attach to the document (empty when decoding was clean).
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), ()
    if declared:
        try:
            return data.decode(declared), ()
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label is common on the web; fall through to sniffing
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd")
    n_good = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if n_good > n_bad:
        # Mostly valid UTF-8 with a few damaged bytes: a code page would garble every good
        # multi-byte character to fix a handful of bad ones.
        return replaced, (f"invalid UTF-8: {n_bad} damaged byte sequence(s) replaced",)
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding), (f"decoded with {encoding} fallback: invalid UTF-8",)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its start, if any."""
    match = _META_CHARSET.search(head[:META_CHARSET_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def is_blank(text: str) -> bool:
    """True when the text has nothing but whitespace (including invisible format characters)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in text)


def normalise_date(value: object) -> str | None:
    """An ISO day (YYYY-MM-DD) from a metadata date value, or None when it cannot be read.

    Accepts ISO 8601 dates and timestamps, RFC 2822 (feeds, HTTP), a few unambiguous written
    forms ("June 10, 2025", "10 June 2025", "10.06.2025", "6/23/25" where only one order of
    day and month makes a date) and epoch seconds or milliseconds. The day is the one written
    in the value's own time zone: that is the outlet's publication day.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if abs(value) >= _EPOCH_MS_THRESHOLD else value
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    iso = _from_iso(text)
    if iso is not None:
        return iso
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return _slashed_day(text)


# "7/23/17", "23/07/2017 10:30": a day written with slashes, its order unknown.
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:[ T].*)?")
# Two-digit years below this are this century's ("17" -> 2017), the rest the last's ("98"):
# fixed, so that the same input always gives the same day.
_TWO_DIGIT_PIVOT = 50


def _slashed_day(text: str) -> str | None:
    """The day of a slashed date when only one order makes a date of it: "7/23/17" is July 23
    (US order), "23/7/17" the same day (day first); "7/3/17" could be either, so None."""
    m = _SLASHED.fullmatch(text)
    if m is None:
        return None
    a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if len(m.group(3)) == 2:
        y += 2000 if y < _TWO_DIGIT_PIVOT else 1900
    readings = {(a, b), (b, a)} if a != b else {(a, b)}
    days = [d for month, day in readings if (d := _safe_day(y, month, day)) is not None]
    return days[0].isoformat() if len(days) == 1 else None


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_iso(text: str) -> str | None:
    """The ISO day of an ISO 8601 date or timestamp (Python 3.10's fromisoformat is strict)."""
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return datetime.fromisoformat(candidate).date().isoformat()
    except ValueError:
        pass
    # Timestamps with fractional seconds of other lengths or odd separators: the day is enough.
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError:
        return None
