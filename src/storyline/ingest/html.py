"""HTML pages (.html, .htm): the reader only decodes; ``html_to_document`` extracts the article.

Extraction is kept out of the reader so that it runs in the cleaning stage's worker processes,
not in the single process that walks the inputs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import trafilatura

from storyline.config import MIN_ARTICLE_CHARS, Options
from storyline.ingest.common import (
    META_CHARSET_BYTES,
    declared_charset,
    decode_bytes,
    is_blank,
    looks_binary,
    normalise_date,
    read_file_bytes,
)
from storyline.model import RawDocument, Rejected

# htmldate settings for trafilatura. extensive_search=False: read the date from the page's
# markup (meta tags, JSON-LD, <time>, the URL) and do not scan the body for any date-like string,
# which is slower and often finds a date the article mentions rather than its publication date;
# dates in the text are the time stage's job. A fixed max_date instead of htmldate's default
# "today" keeps the result independent of the day it runs (the stage must be pure).
DATE_EXTRACTION_PARAMS: dict[str, Any] = {
    "original_date": True,
    "extensive_search": False,
    "max_date": "2100-12-31",
}
# trafilatura options: fast=True skips the comparison with its readability and justext fallbacks
# (15-40% of the time per page on our fixtures, same text: those fallbacks rescue odd layouts,
# not ordinary article pages). Comments and tables are not the article's text. The balanced
# focus (neither favor_precision nor favor_recall) is what scores best in trafilatura's benchmark.
EXTRACTION_OPTIONS: dict[str, Any] = {
    "fast": True,
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
    "date_extraction_params": DATE_EXTRACTION_PARAMS,
}
_SPACE_RUN = re.compile(r"\s+")


def read_html(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read one HTML page as RawDocument(html=...); extraction happens later (html_to_document)."""
    yield read_html_file(path, options)


def read_html_file(path: str, options: Options) -> RawDocument | Rejected:
    """The decoded page in an HTML file, or why it cannot be read."""
    data = read_file_bytes(path, options)
    if isinstance(data, Rejected):
        return data
    if looks_binary(data):
        return Rejected(path, f"{path}: binary file, not HTML")
    html, warnings = decode_bytes(data, declared_charset(data[:META_CHARSET_BYTES]))
    if is_blank(html):
        return Rejected(path, f"{path}: empty file")
    if looks_truncated(html):
        warnings = (*warnings, "the page looks cut short (it opens <html> or <body> and never closes it): "
                               "its text may end mid-sentence")
    return RawDocument(origin=path, html=html, warnings=warnings)


# How far from each end of a page its opening and closing tags are looked for.
_TAG_WINDOW = 4096


def looks_truncated(html: str) -> bool:
    """Whether a page opens <html> or <body> near its start and closes neither near its end: a
    download cut short. Its text is still worth reading, but may stop mid-sentence."""
    head, tail = html[:_TAG_WINDOW].lower(), html[-_TAG_WINDOW:].lower()
    opened = "<html" in head or "<body" in head
    return opened and "</html>" not in tail and "</body>" not in tail


def html_to_document(raw: RawDocument, *, min_chars: int = MIN_ARTICLE_CHARS) -> RawDocument | Rejected:
    """Extract main text, title, date, site name and canonical URL from ``raw.html`` (pure).

    What ``raw`` already carries (url, title, published, source) wins over what the page says.
    A RawDocument without html is returned unchanged. Returns a RawDocument with ``text`` set and
    ``html`` None, or Rejected when the page has no article text (fewer than ``min_chars``).
    """
    if raw.html is None:
        return raw
    try:
        extracted = trafilatura.bare_extraction(raw.html, url=raw.url, **EXTRACTION_OPTIONS)
    except Exception as err:  # any parser failure on bad HTML is a rejection, never a crash
        return Rejected(raw.origin, f"{raw.origin}: HTML extraction failed: {type(err).__name__}: {err}")
    text = _field(extracted, "text")
    if text is None or len(text.strip()) < min_chars:
        return Rejected(raw.origin, f"{raw.origin}: no article text found in HTML")
    title = raw.title or _one_line(_field(extracted, "title"))
    text = _drop_leading_title(text.strip(), title)
    published, published_from = raw.published, raw.published_from
    if published is None:
        published = normalise_date(_field(extracted, "date")) or raw.fallback_published
        published_from = "metadata" if published else None
    source = raw.source or _one_line(_field(extracted, "sitename")) or _field(extracted, "hostname")
    return RawDocument(
        origin=raw.origin,
        text=text,
        url=raw.url or _field(extracted, "url"),
        title=title,
        published=published,
        published_from=published_from,
        source=source,
        warnings=raw.warnings,
    )


def _field(extracted: object, name: str) -> str | None:
    """A string attribute of trafilatura's result (a Document, or None when nothing was found)."""
    value = getattr(extracted, name, None)
    return value if isinstance(value, str) and value.strip() else None


def _one_line(value: str | None) -> str | None:
    """Collapse whitespace in a metadata string; None when nothing is left."""
    if value is None:
        return None
    collapsed = _SPACE_RUN.sub(" ", value).strip()
    return collapsed or None


def _drop_leading_title(text: str, title: str | None) -> str:
    """Remove the headline when the extracted text repeats it as its first line.

    Offsets point into the body, and the headline is kept in ``title``, as for plain text.
    """
    if not title:
        return text
    first, sep, rest = text.partition("\n")
    if sep and _one_line(first) == title and rest.strip():
        return rest.lstrip()
    return text
