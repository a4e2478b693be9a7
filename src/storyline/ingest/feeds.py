"""RSS and Atom feeds (.rss, .atom, and .xml files that look like feeds): each entry is one article."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from html import unescape
from typing import Any

import feedparser

from storyline.config import Options
from storyline.ingest.common import is_blank, normalise_date, read_limited, short_error
from storyline.model import RawDocument, Rejected

# How far into a file to look for the root element of a feed (after an XML declaration,
# comments and a stylesheet instruction).
FEED_SNIFF_BYTES = 4096
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
# feedparser parses a whole document in memory; real feeds, even with full content, are a few MB.
MAX_FEED_BYTES = 64_000_000
_MARKUP = re.compile(r"<[A-Za-z!/][^>]*>")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file hold the root element of an RSS, Atom or RDF feed."""
    return any(root in head[:FEED_SNIFF_BYTES].lower() for root in _FEED_ROOTS)


def read_feed(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read the entries of a feed file, origin ``path#N``; an unreadable feed is one Rejected."""
    del options  # entries are short; nothing here depends on the run's settings
    data = read_limited(path, MAX_FEED_BYTES, "for a feed")
    if isinstance(data, Rejected):
        yield data
        return
    yield from feed_to_documents(data, path)


def feed_to_documents(data: bytes, origin: str) -> Iterator[RawDocument | Rejected]:
    """The entries of a feed document as RawDocuments (markup kept as html, plain text as text)."""
    # A stream, never a string: given a string, feedparser may treat it as a URL and fetch it.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    problem = short_error(parsed.get("bozo_exception")) if parsed.get("bozo") else None
    tail = data[-FEED_SNIFF_BYTES:].lower()
    if problem is None and not any(b"</" + root[1:] in tail for root in _FEED_ROOTS):
        problem = "it never closes its root element: the file looks cut short"
    if not entries:
        reason = f"not a readable feed: {problem}" if problem else "feed has no entries"
        yield Rejected(origin, f"{origin}: {reason}")
        return
    warnings = (f"feed is not well-formed: {problem}",) if problem else ()
    source = _one_line(parsed.get("feed", {}).get("title"))
    for n, entry in enumerate(entries, start=1):
        where = f"{origin}#{n}"
        try:
            yield _entry_to_document(entry, where, source, warnings)
        except Exception as err:  # one odd entry must not lose the others
            yield Rejected(where, f"{where}: unreadable feed entry: {type(err).__name__}: {short_error(err)}")


def _entry_to_document(
    entry: Any, origin: str, source: str | None, warnings: tuple[str, ...]
) -> RawDocument | Rejected:
    """One feed entry as an article."""
    body, is_html = _entry_body(entry)
    if body is None:
        # in a damaged feed, say so: the entry may have been cut off rather than empty
        damage = f" ({warnings[0]})" if warnings else ""
        return Rejected(origin, f"{origin}: feed entry has no content or summary{damage}")
    published = _entry_date(entry)
    return RawDocument(
        origin=origin,
        html=body if is_html else None,
        text=None if is_html else body,
        url=_one_line(entry.get("link")),
        title=_one_line(entry.get("title")),
        published=published,
        published_from="metadata" if published else None,
        source=source,
        warnings=warnings,
    )


def _entry_body(entry: Any) -> tuple[str | None, bool]:
    """The entry's full content, else its summary; and whether it carries markup."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or ""))
    summary_type = (entry.get("summary_detail") or {}).get("type") or ""
    candidates.append((entry.get("summary") or "", summary_type))
    for value, content_type in candidates:
        if is_blank(value):
            continue
        if _MARKUP.search(value):
            return value, True
        # Plain text, though an HTML-typed value may still carry entities (&amp;).
        return (unescape(value) if content_type.lower() in _HTML_TYPES else value), False
    return None, False


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) day as written, else as feedparser normalised it."""
    # The written value keeps the outlet's own time zone; feedparser's parsed tuple is in UTC,
    # which moves late-evening stories to the next day.
    for key in ("published", "updated", "created"):
        day = normalise_date(entry.get(key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return date(parsed[0], parsed[1], parsed[2]).isoformat()
            except (TypeError, ValueError, IndexError):
                continue
    return None


def _one_line(value: Any) -> str | None:
    """A metadata string with whitespace collapsed; None when empty or not a string."""
    if not isinstance(value, str):
        return None
    collapsed = " ".join(value.split())
    return collapsed or None

