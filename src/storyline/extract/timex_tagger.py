"""Tag a text: run every rule, keep the longest non-overlapping matches, add modifiers.

Works on text alone (plus optional tense and entity-label lookups), so it can be tested without
a spaCy model; ``storyline.extract.time`` feeds it from a parsed Doc.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from .timex_calendar import DURATION_UNITS, day_point, duration_parts, duration_value, format_value, safe_date
from .timex_lexicon import MONTHS, WEEKDAYS
from .timex_resolve import Built, Ctx, Found, Tense, no_label, no_tense
from .timex_rules import RULES

# Words before an expression that belong inside it, with the TIMEX3 modifier they give
# (TimeBank keeps "early", "late", "mid", "about", "more than" inside the TIMEX3).
POSITION_MODS: dict[str, str] = {
    "early": "START", "the early": "START", "earlier": "START", "the start of": "START",
    "the beginning of": "START", "start of": "START", "beginning of": "START",
    "the dawn of": "START", "late": "END", "the late": "END", "later": "END",
    "the end of": "END", "end of": "END", "the close of": "END", "mid": "MID", "the mid": "MID",
    "the middle of": "MID", "middle of": "MID", "very early": "START", "very late": "END",
}
QUANTITY_MODS: dict[str, str] = {
    "around": "APPROX", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "well over": "MORE_THAN", "just over": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "fewer than": "LESS_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}
_PREFIX_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘—–]))(?P<w>"
    + "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted([*POSITION_MODS, *QUANTITY_MODS], key=len, reverse=True)
    )
    + r")(?:\s+of\s+the)?(?:\s+|-)$",
    re.IGNORECASE,
)
# How far back a modifier may start.
PREFIX_WINDOW = 30
# Where a count begins: the modifiers "over", "under", "some" only attach to those.
_COUNT_START = re.compile(r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|twenty|thirty|forty|fifty|sixty|several|a\s+few)", re.IGNORECASE)
_WEEKDAY_START = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_CALENDAR_START = re.compile(
    r"\d|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
)
_LOOSE_QUANTITY = frozenset({"over", "under", "some", "well over", "just over", "just under"})


def _build(rule_index: int, m: re.Match[str], ctx: Ctx) -> Built | None:
    """A rule's builder, with calendar overflow (a reference on 31 December 9999, a year 0 in
    the text) turned into "not a time expression" rather than an error."""
    try:
        return RULES[rule_index].build(m, ctx)
    except (OverflowError, ValueError):
        return None


# An expression in title case right after an opening quote is a title ("60 Minutes", "This
# Week With David Brinkley"), not a time: news quotes spoken words in lower case.
_TITLE = re.compile(r"(?:[A-Z0-9][\w'’-]*)(?:\s+[A-Z][\w'’-]*)+")
_OPENING_QUOTE = re.compile(r"(?:``|[\"“‘'])$")


def _is_title(text: str, start: int, end: int) -> bool:
    """Whether a match is a quoted title: title case throughout, after an opening quote, with a
    capital on a word that has none in running text ("Week", not "Monday" in "Next Monday")."""
    quoted = _OPENING_QUOTE.search(text, max(0, start - 2), start) is not None
    if not quoted or _TITLE.fullmatch(text, start, end) is None:
        return False
    later = text[start:end].split()[1:]
    return any(w.lower() not in WEEKDAYS and w.lower().rstrip(".") not in MONTHS for w in later)


# "Bloody Sunday", "Black Monday": days of history named after their weekday, not a weekday of the
# story ("Black Friday" is left alone: it is a day of every year).
_NAMED_DAY = re.compile(r"(?:Bloody|Black)\s+$")


def _is_named_day(text: str, start: int, end: int) -> bool:
    """Whether a match is a day of history named after its weekday."""
    return (_NAMED_DAY.search(text, max(0, start - 8), start) is not None
            and _WEEKDAY_START.match(text, start) is not None and not text.startswith("Friday", start))


def _candidates(text: str, ctx: Ctx) -> list[tuple[int, int, int]]:
    """Every rule match that its builder accepts: (start, end, rule index)."""
    out: list[tuple[int, int, int]] = []
    low = text.lower()
    for i, rule in enumerate(RULES):
        if rule.needs and not any(word in low for word in rule.needs):
            continue
        for m in rule.pattern.finditer(text):
            if m.end() <= m.start() or _is_title(text, m.start(), m.end()) or _is_named_day(text, m.start(), m.end()):
                continue
            if _build(i, m, ctx) is not None:
                out.append((m.start(), m.end(), i))
    return out


def _select(cands: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Longest first, then leftmost, then rule order; no two kept spans overlap."""
    kept: list[tuple[int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for s, e, i in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0], c[2])):
        if any(s < te and ts < e for ts, te in taken):
            continue
        kept.append((s, e, i))
        taken.append((s, e))
    return sorted(kept)


def _with_prefix(text: str, found: Found, floor: int) -> Found:
    """The expression extended left over a modifier word ("early", "about"), if one is there."""
    window_start = max(floor, found.start - PREFIX_WINDOW)
    m = _PREFIX_RE.search(text, window_start, found.start)
    if m is None:
        return found
    word = re.sub(r"\s+", " ", m.group("w").lower())
    b = found.built
    body = text[found.start : found.end]
    if word in POSITION_MODS:
        # TimeBank leaves "early" and "late" outside a bare weekday ("late Friday").
        if b.type not in ("DATE", "TIME") or b.value.endswith("_REF") or _WEEKDAY_START.match(body):
            return found
        mod = POSITION_MODS[word]
    else:
        counted = _COUNT_START.match(body) is not None
        if word in _LOOSE_QUANTITY and not counted:
            return found
        # "around Nov. 1", "about 1990" and counts; not "about the future", "around Wednesday"
        calendar = _CALENDAR_START.match(body) is not None and word in ("around", "about", "approximately")
        if b.type != "DURATION" and not counted and not calendar:
            return found
        mod = QUANTITY_MODS[word]
    return Found(m.start(), found.end, replace(b, mod=b.mod or mod))


# "the day before Christmas", "the day after last Tuesday's hearing": a day counted from the
# day named right after it, one expression as TimeBank has it.
_DAY_SHIFT = re.compile(r"(?:(?<=\s)|^)(?:[Tt]he\s+)?day\s+(?P<dir>before|after)\s+$")


def _with_day_shift(text: str, found: Found, floor: int) -> Found:
    """The expression extended left over "the day before"/"the day after" when it names a day."""
    p = found.built.point
    d = safe_date(p.year, p.month, p.day) if p is not None and p.gran == "day" else None
    m = _DAY_SHIFT.search(text, max(floor, found.start - PREFIX_WINDOW), found.start)
    if d is None or m is None:
        return found
    shifted = d + dt.timedelta(days=-1 if m["dir"] == "before" else 1)
    # The shifted day is named in the text, so it is in focus: "the next morning" after it
    # counts from it.
    b = replace(found.built, value=format_value(day_point(shifted)), point=day_point(shifted))
    return Found(m.start(), found.end, b)


# An embedded post signs off with its author's handle and the day it was posted ("— Jane Doe
# (@jdoe) March 25, 2018"), and a photo caption dates the photo ("In this July 11, 2019, file
# photo", "In this photo taken on ..."). Neither day is what the story around it is about, so
# neither anchors "the next day" that follows.
_POSTED = re.compile(r"\(@\w{1,30}\)\s*$")
_CAPTION_BEFORE = re.compile(
    r"\b[Ii]n\s+(?:this|a|an)\s+(?:(?:file\s+|handout\s+)?(?:photo|image|picture)\s+"
    r"(?:(?:taken|made|released|provided)\s+)?(?:on\s+)?)?$"
)
_CAPTION_AFTER = re.compile(r"^,?\s+(?:(?:file|handout|undated)\s+)?(?:photo|image|picture)")
# How far before an expression the start of a caption or a handle is looked for.
ASIDE_WINDOW = 40


def _is_posted(text: str, start: int) -> bool:
    """Whether the expression at start is the posting day of an embedded post."""
    return _POSTED.search(text, max(0, start - ASIDE_WINDOW), start) is not None


def _is_caption(text: str, start: int, end: int) -> bool:
    """Whether the expression at start..end dates a photo in its caption."""
    before = _CAPTION_BEFORE.search(text, max(0, start - ASIDE_WINDOW), start)
    if before is None:
        return False
    photo_named = re.search(r"photo|image|picture", before.group(0)) is not None
    return photo_named or _CAPTION_AFTER.match(text[end : end + ASIDE_WINDOW]) is not None


def _aside(text: str, found: Found) -> Found:
    """The expression, out of focus and marked (Built.aside) when it dates an embedded post or a
    photo."""
    kind = ("posted" if _is_posted(text, found.start)
            else "caption" if _is_caption(text, found.start, found.end) else None)
    if kind is None:
        return found
    return Found(found.start, found.end, replace(found.built, focus=False, aside=kind))


def tag_text(
    text: str,
    reference: dt.date | None,
    tense: Callable[[int, int], Tense | None] = no_tense,
    label: Callable[[int, int], str | None] = no_label,
    pos: Callable[[int, int], str | None] = no_label,
) -> list[Found]:
    """Every time expression in text, normalised against the reference day (None: unknown).

    ``tense``, ``label`` and ``pos`` answer, for a character span, the tense of its clause,
    the entity label over it and the part of speech of its head, when a parse is at hand."""
    probe = Ctx(text, reference, tense, label, pos)
    spans = _select(_candidates(text, probe))
    ctx = Ctx(text, reference, tense, label, pos)
    floor = 0
    for s, e, i in spans:
        rule = RULES[i]
        m = rule.pattern.match(text, s)
        if m is None or m.end() != e:
            continue
        built = _build(i, m, ctx)
        if built is None:
            continue
        found = _aside(text, _with_day_shift(text, _with_prefix(text, Found(s, e, built), floor), floor))
        ctx.history.append(found)
        floor = found.end
    return _joined_durations(text, ctx.history)


# One duration in several units, larger first: "8 minutes 46 seconds", "two hours and five
# minutes", "a year, six months" (PT8M46S, PT2H5M, P1Y6M), one TIMEX3 as TimeML has it.
_DURATION_JOINT = re.compile(r"[ \t]*(?:,[ \t]*|[ \t]+and[ \t]+|[ \t])[ \t]*")
_COMPARED_AFTER = re.compile(r"[ \t]+(?:longer|shorter|more|less|fewer|after|before|later|earlier|ago|early|late)\b")


def _joined_durations(text: str, found: list[Found]) -> list[Found]:
    """The expressions, with a duration that goes on in a smaller unit right after it ("8
    minutes 46 seconds") joined to it."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and prev.built.type == f.built.type == "DURATION" and not f.built.mod \
                and _DURATION_JOINT.fullmatch(text, prev.end, f.start) and _COUNT_START.match(text, f.start) \
                and not _COMPARED_AFTER.match(text, f.end):
            head, tail = duration_parts(prev.built.value), duration_parts(f.built.value)
            if head and len(tail) == 1 and DURATION_UNITS.index(head[-1][1]) < DURATION_UNITS.index(tail[0][1]):
                value = duration_value(head + tail)
                out[-1] = Found(prev.start, f.end, replace(prev.built, value=value))
                continue
        out.append(f)
    return out
