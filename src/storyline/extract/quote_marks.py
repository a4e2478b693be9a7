"""Quotation marks paired into quoted spans, on the raw text, in every common quotation style.

Works on characters, not tokens, so it neither depends on how spaCy splits “, „ or `` nor on its
sentence boundaries (which are unreliable inside quotes). Pure and linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Direction = Literal["open", "close", "either"]

# Double-quote glyphs and the direction each takes when its context does not decide it: “ opens in
# English but closes in German („...“), » closes in French but opens in Danish, so context first.
DOUBLE_DEFAULT: dict[str, Direction] = {
    "“": "open", "„": "open", "‟": "open", "«": "open", "〝": "open",
    "”": "close", "»": "close", "〞": "close",
    '"': "either", "＂": "either",
}
SINGLE_DEFAULT: dict[str, Direction] = {"‘": "open", "‚": "open", "‹": "open", "’": "close", "›": "close",
                                        "'": "either"}
# TeX / Penn Treebank style: ``like this''.
TEX_OPEN, TEX_CLOSE = "``", "''"
# Two typographic single marks standing for one double mark, as some wire feeds and Australian
# outlets close (and now and then open) a quote: “...,’’ she said. As single marks they would leave
# the quote open until the next opening mark.
DOUBLED_SINGLE: dict[str, Direction] = {"‘‘": "open", "’’": "close"}
QUOTE_CHARS = frozenset(DOUBLE_DEFAULT) | frozenset(SINGLE_DEFAULT) | {"`"}

# Characters after which a mark opens a quote (besides whitespace and the start of the text).
OPENING_CONTEXT = frozenset("([{—–/:")
# Characters before which a mark closes a quote (besides whitespace and the end of the text).
CLOSING_CONTEXT = frozenset(".,;:!?)]}—–…")

# An unclosed quote runs to the end of its paragraph, but never further than this: a lost closing
# mark must not turn the rest of a one-paragraph text into a quote.
UNCLOSED_MAX_CHARS = 1200
# A single-quoted span longer than this is an apostrophe that happened to pair, not a quote.
SINGLE_MAX_CHARS = 600
SENTENCE_END = re.compile(r"[.!?…][\"”’»)]*\s")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted stretch: ``start`` is the opening mark, ``end`` is just after the closing mark."""

    start: int
    end: int
    closed: bool = True
    single: bool = False  # in single quotation marks
    open_width: int = 1  # 2 for `` and ''
    close_width: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        """The offsets of what is between the marks."""
        return self.start + self.open_width, (self.end - self.close_width if self.closed else self.end)


@dataclass(frozen=True, slots=True)
class _Mark:
    pos: int
    width: int
    single: bool
    direction: Direction


def _is_open_context(ch: str) -> bool:
    return ch.isspace() or ch in OPENING_CONTEXT or ch in QUOTE_CHARS


def _is_close_context(ch: str) -> bool:
    return ch.isspace() or ch in CLOSING_CONTEXT or ch in QUOTE_CHARS


def _direction(text: str, pos: int, width: int, default: Direction) -> Direction:
    """Open after a space and before a word, close after a word and before a space; else the glyph's
    own direction (so ”...” and "..." both pair, and „...“ closes on “)."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + width] if pos + width < len(text) else "\n"
    opens = _is_open_context(before) and not after.isspace()
    closes = _is_close_context(after) and not before.isspace()
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return default


def _single_mark(text: str, pos: int, glyph: str) -> _Mark | None:
    """A single mark that can delimit a quote, or None for an apostrophe (don’t, O’Malley, ’90s)."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return None  # inside a word
    if after.isdigit():
        return None  # elided century: ’90s
    direction = _direction(text, pos, 1, SINGLE_DEFAULT[glyph])
    if direction == "close" and before in "sS" and after == " " and text[pos + 2 : pos + 3].islower():
        return None  # plural possessive: the voters’ choice
    if direction == "either":
        return None
    return _Mark(pos, 1, True, direction)


def _marks(text: str) -> list[_Mark]:
    """Every quotation mark in the text with the direction its context gives it."""
    out: list[_Mark] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in QUOTE_CHARS:
            i += 1
            continue
        if text.startswith(TEX_OPEN, i):
            out.append(_Mark(i, 2, False, "open"))
            i += 2
            continue
        if text.startswith(TEX_CLOSE, i):
            # '' closes a TeX quote, but some outlets (the NYT's feeds) use it both ways.
            out.append(_Mark(i, 2, False, _direction(text, i, 2, "either")))
            i += 2
            continue
        doubled = text[i:i + 2]
        if doubled in DOUBLED_SINGLE:
            out.append(_Mark(i, 2, False, _direction(text, i, 2, DOUBLED_SINGLE[doubled])))
            i += 2
            continue
        if ch in DOUBLE_DEFAULT:
            out.append(_Mark(i, 1, False, _direction(text, i, 1, DOUBLE_DEFAULT[ch])))
        elif ch in SINGLE_DEFAULT:
            mark = _single_mark(text, i, ch)
            if mark is not None:
                out.append(mark)
        i += 1
    return out


def _cut_unclosed(text: str, start: int, limit: int) -> int:
    """Where a quote that lost its closing mark ends: at ``limit`` (the paragraph end or the next
    opening mark), or, when that is too far, at the last sentence end within reach."""
    while limit > start and text[limit - 1].isspace():
        limit -= 1
    if limit - start <= UNCLOSED_MAX_CHARS:
        return limit
    reach = start + UNCLOSED_MAX_CHARS
    last = None
    for m in SENTENCE_END.finditer(text, start, reach + 1):
        last = m.end()
    cut = last if last is not None else reach
    while cut > start and text[cut - 1].isspace():
        cut -= 1
    return cut


def _paragraph_end(text: str, pos: int) -> int:
    """Offset of the newline that ends the paragraph holding ``pos`` (or the text length)."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _continues(text: str, para_end: int, marks_at: dict[int, _Mark]) -> int | None:
    """Offset of the opening mark that continues a quote into the next paragraph, if any: the
    convention for quotes running over paragraphs is to reopen each one and close only the last."""
    i, n = para_end, len(text)
    while i < n and text[i].isspace():
        i += 1
    mark = marks_at.get(i)
    if mark is not None and not mark.single and mark.direction in ("open", "either"):
        return i
    return None


def _nested(marks: list[_Mark], k: int, para_end: int) -> bool:
    """Whether the opening double mark ``marks[k]``, met inside an open quote, starts a nested quote
    (the next two double marks in the paragraph both close) rather than a new one."""
    following = [m for m in marks[k + 1:] if not m.single and m.pos <= para_end][:2]
    return len(following) == 2 and all(m.direction != "open" for m in following)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted spans in reading order; nested quotes stay inside their outer quote."""
    marks = _marks(text)
    marks_at = {m.pos: m for m in marks}
    spans: list[QuoteSpan] = []
    open_mark: _Mark | None = None
    para_end = -1
    depth = 0  # same-style quotes nested in the open one: “he wrote “yes” twice”
    for k, mark in enumerate(marks):
        if open_mark is not None and mark.pos > para_end:
            depth = 0
            # The quote reached the end of its paragraph without closing: either the next paragraph
            # reopens it (this very mark), or it lost its closing mark.
            if not open_mark.single and _continues(text, para_end, marks_at) == mark.pos:
                para_end = _paragraph_end(text, mark.pos)
                continue
            if not open_mark.single:
                spans.append(QuoteSpan(open_mark.pos, _cut_unclosed(text, open_mark.pos, para_end),
                                       closed=False, open_width=open_mark.width))
            open_mark = None
        if open_mark is None:
            if mark.direction in ("open", "either"):
                open_mark = mark
                para_end = _paragraph_end(text, mark.pos)
            continue
        if mark.single != open_mark.single:
            continue  # a nested quote of the other kind: part of the outer quote's content
        if mark.direction == "open":
            if open_mark.single:
                continue  # single marks do not restart: an opening ‘ inside ‘...’ is an apostrophe
            if _nested(marks, k, para_end):
                depth += 1
                continue
            # A second opening mark: the first quote lost its closing mark.
            spans.append(QuoteSpan(open_mark.pos, _cut_unclosed(text, open_mark.pos, mark.pos), closed=False,
                                   open_width=open_mark.width))
            open_mark = mark
            para_end = _paragraph_end(text, mark.pos)
            continue
        if depth:
            depth -= 1
            continue
        end = mark.pos + mark.width
        if not open_mark.single or end - open_mark.pos <= SINGLE_MAX_CHARS:
            spans.append(QuoteSpan(open_mark.pos, end, closed=True, single=open_mark.single,
                                   open_width=open_mark.width, close_width=mark.width))
        open_mark = None
    if open_mark is not None and not open_mark.single:
        spans.append(QuoteSpan(open_mark.pos, _cut_unclosed(text, open_mark.pos, para_end), closed=False,
                               open_width=open_mark.width))
    return [s for s in spans if s.end - s.start > 2]
