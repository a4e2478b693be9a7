"""Plain-text articles (.txt, .text, .md): one file, one article, the headline on its first line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from storyline.config import Options
from storyline.ingest.common import (
    SNIFF_BYTES,
    decode_bytes,
    is_blank,
    looks_binary,
    read_file_bytes,
)
from storyline.model import RawDocument, Rejected
from storyline.nlp import line_continues

# Headlines run to about 60-120 characters; a longer first line is a lede paragraph.
MAX_TITLE_CHARS = 200
# A line ending like a sentence is prose, not a headline (headlines drop the full stop);
# "?" and "!" are left out because headlines do use them.
_SENTENCE_END = re.compile(r"[^.]\.[\"'”’)]?$")
# Markdown marks a headline with leading "#" (ATX) or underlines it with "===" / "---" (setext).
_ATX_MARK = re.compile(r"^#{1,6}\s+")
_SETEXT_LINE = re.compile(r"^\s*(?:=+|-+)\s*$")


def read_text(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read one plain-text article; binary, empty and oversized files become Rejected."""
    yield read_text_file(path, options)


def read_text_file(path: str, options: Options) -> RawDocument | Rejected:
    """The article in a plain-text file, or why it is not one."""
    data = read_file_bytes(path, options)
    if isinstance(data, Rejected):
        return data
    return text_to_document(data, path, options)


def text_to_document(data: bytes, origin: str, options: Options) -> RawDocument | Rejected:
    """Decode the bytes of a plain-text article and split off its headline."""
    if looks_binary(data[:SNIFF_BYTES]):
        return Rejected(origin, f"{origin}: binary file, not text")
    text, warnings = decode_bytes(data)
    if is_blank(text):
        return Rejected(origin, f"{origin}: empty file" if not text else f"{origin}: only whitespace")
    title, body = split_title(text)
    if options.as_is:
        # The caller wants offsets into the input exactly as given: keep the headline in the text.
        body = text
    return RawDocument(origin=origin, text=body, title=title, warnings=warnings)


def split_title(text: str) -> tuple[str | None, str]:
    """Split a headline off the first line: (title, body), or (None, text) when there is none.

    The first non-blank line is the headline when it is short, does not end like a sentence,
    is not continued by a hard-wrapped lower-case line, and more text follows it.
    """
    lines = text.splitlines(keepends=True)
    index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if index is None:
        return None, text
    first = _ATX_MARK.sub("", lines[index].strip()).rstrip("# ").strip()
    rest = lines[index + 1:]
    if rest and _SETEXT_LINE.match(rest[0]):
        rest = rest[1:]
    following = next((line for line in rest if line.strip()), None)
    if following is None:
        return None, text  # a single line is the article, not its headline
    if len(first) > MAX_TITLE_CHARS or _SENTENCE_END.search(first):
        return None, text
    if rest[0].strip() and line_continues(first, rest[0]):
        return None, text  # hard-wrapped prose: the first line continues on the next
    body = "".join(rest)
    # Drop the blank lines between headline and body, keep the body's own indentation.
    body = re.sub(r"\A(?:[ \t\f\v]*(?:\r\n|\r|\n))+", "", body)
    return first, body
