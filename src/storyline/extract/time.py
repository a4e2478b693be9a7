"""Time expressions (TimeML TIMEX3) and the publication date of an article.

``extract_timexes`` finds every date, time, duration and set in an article and normalises it
against the publication date; ``infer_published`` finds that date in the text when nobody gave
it. The patterns work on the raw text (``timex_rules``); the parsed Doc only answers two
questions: the tense of the clause around an expression (to place "Monday" before or after the
reference) and whether spaCy took a four-digit number for a count or a name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Article, DateValue, TimeExpr
from .timex_calendar import Point, date_value, interval, parse_value, safe_date
from .timex_resolve import Built, Found, Tense
from .timex_tagger import tag_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["extract_timexes", "infer_published", "tag_text"]

# Verbs whose infinitive complement is about something still to come ("plans to meet Monday").
FUTURE_GOVERNORS = frozenset(
    "expect plan schedule set due intend hope aim want seek prepare agree decide promise vow "
    "threaten propose try attempt move slate wish look go be mean ask urge call invite".split()
)
# Auxiliaries that put a clause in the future (TimeML reads "would" in reported speech so too).
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "gonna", "might", "may", "should", "must"})
# How many steps up the dependency tree to look for the verb that governs an expression.
MAX_HEAD_STEPS = 6
# How many governing verbs to try when the nearest one has no tense of its own.
MAX_VERB_CLIMB = 3
# Part of a period an "early"/"mid"/"late" modifier keeps of its interval (a third each).
MOD_FRACTION = 3


def _verb_tense(verb: Token) -> Tense | None:
    """Tense of a verb from its tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    if verb.tag_ == "VBN" and words & {"have", "'ve"} and words & FUTURE_AUX:
        return "past"  # "may have been", "would have gone": a modal perfect looks back
    if words & FUTURE_AUX:
        return "future"
    if "going" in words or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.subtree)):
        return "future"
    if "to" in words:
        head = verb.head
        governing = _governing_verb(head) if head is not verb else None
        if governing is not None and governing is not verb:
            outer = _verb_tense(governing)
            # "had been due to expire Friday" looks back; "planned to leave Thursday" ahead.
            if outer == "past" and any(c.lower_ in ("had", "'d") for c in governing.children):
                return "past"
        # An infinitive is mostly about something after its governing verb ("subpoenaed him
        # to testify on Feb. 10", "plans to leave Thursday").
        return "future"
    tags = {c.tag_ for c in auxes} | {verb.tag_}
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod", "relcl", "advcl"):
        return "past"  # "the plan announced Friday"
    if verb.tag_ == "VBN" and words & {"have", "has", "'ve", "had"}:
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re", "'m"}:
        return "future"  # "is meeting on Monday": an arrangement
    if verb.tag_ == "VBN" and words & {"is", "are", "am", "'s", "'re"} and \
            verb.lemma_.lower() in FUTURE_GOVERNORS:
        return "future"  # "is scheduled for Monday"
    if verb.tag_ in ("VBZ", "VBP") or tags & {"VBZ", "VBP"}:
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUX else "present"
    return None


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above a token."""
    node = token
    for _ in range(MAX_HEAD_STEPS):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head is node:
            return None
        node = node.head
    return None


def doc_tense(doc: Doc) -> Callable[[int, int], Tense | None]:
    """A tense lookup for character spans of a parsed Doc."""
    cache: dict[tuple[int, int], Tense | None] = {}

    def tense(start: int, end: int) -> Tense | None:
        key = (start, end)
        if key not in cache:
            span = doc.char_span(start, end, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            # A date that modifies a noun ("a June agreement") is not placed by the verb.
            nominal = root is not None and root.dep_ in ("compound", "nmod", "amod", "poss")
            verb = _governing_verb(root) if root is not None and not nominal else None
            found: Tense | None = None
            # A participle or gerund without auxiliaries says nothing: ask the verb it hangs on.
            for _ in range(MAX_VERB_CLIMB):
                if verb is None:
                    break
                found = _verb_tense(verb)
                if found is not None or verb.head is verb:
                    break
                verb = _governing_verb(verb.head)
            cache[key] = found
        return cache[key]

    return tense


def doc_pos(doc: Doc) -> Callable[[int, int], str | None]:
    """A part-of-speech lookup: the coarse tag of the root of a character span."""

    def pos(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span.root.pos_ if span is not None and len(span) else None

    return pos


def doc_label(doc: Doc) -> Callable[[int, int], str | None]:
    """An entity-label lookup: the label of the entity that covers a character span."""
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def label(start: int, end: int) -> str | None:
        for s, e, lab in ents:
            if s <= start and end <= e:
                return lab
        return None

    return label


_FUTURE_CUE = re.compile(
    r"\b(?:will|'ll|shall|would|going\s+to|is\s+to|are\s+to|plans?\s+to|planned\s+to|"
    r"expected\s+to|scheduled|set\s+to|due\s+to|slated|intends?\s+to|next)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(r"\b(?:was|were|had|did|said|\w+ed|ago|last)\b", re.IGNORECASE)


def text_tense(text: str) -> Callable[[int, int], Tense | None]:
    """A rough tense lookup from words alone, for use without a parse: the clause before an
    expression says "will", "is expected to" -> future; a past form -> past."""

    def tense(start: int, end: int) -> Tense | None:
        left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 80)
        right_stop = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
        right = min([*right_stop, end + 40])
        clause = text[left + 1 : right]
        if _FUTURE_CUE.search(clause):
            return "future"
        if _PAST_CUE.search(clause):
            return "past"
        return None

    return tense


def parse_day(value: str | None) -> dt.date | None:
    """An ISO day (the first ten characters of a timestamp will do), or None."""
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _narrow(span: tuple[dt.date, dt.date], mod: str | None) -> tuple[dt.date, dt.date]:
    """The part of an interval that "early", "mid" or "late" leaves (a third of it)."""
    start, end = span
    days = (end - start).days + 1
    if mod not in ("START", "MID", "END") or days < MOD_FRACTION:
        return span
    part = days // MOD_FRACTION
    if mod == "START":
        return start, start + dt.timedelta(days=part - 1)
    if mod == "END":
        return end - dt.timedelta(days=part - 1), end
    mid_start = start + dt.timedelta(days=part)
    return mid_start, mid_start + dt.timedelta(days=days - 2 * part - 1)


def _date_of(b: Built, reference: dt.date | None) -> DateValue | None:
    """The calendar interval of a normalised expression, None for durations and sets."""
    if b.type in ("DURATION", "SET"):
        return None
    ref = reference.isoformat() if reference else None
    if b.value == "PRESENT_REF":
        return DateValue(b.value, ref, ref, "day" if ref else "unknown")
    if b.value == "PAST_REF":
        return DateValue(b.value, None, ref, "unknown")
    if b.value == "FUTURE_REF":
        return DateValue(b.value, ref, None, "unknown")
    point = b.point if b.point is not None else parse_value(b.value)
    dv = date_value(b.value, point)
    span = interval(point) if point is not None else None
    if span is not None and b.mod in ("START", "MID", "END"):
        s, e = _narrow(span, b.mod)
        return DateValue(dv.value, s.isoformat(), e.isoformat(), dv.granularity)
    return dv


def to_time_expr(article_id: str, text: str, found: Found, reference: dt.date | None) -> TimeExpr:
    """A TimeExpr record from a tagged expression."""
    b = found.built
    return TimeExpr(
        article_id=article_id,
        start=found.start,
        end=found.end,
        text=text[found.start : found.end],
        type=b.type,
        value=b.value,
        mod=b.mod,
        date=_date_of(b, reference),
        anchor=b.anchor,
    )


def extract_timexes(doc: Doc, article: Article) -> list[TimeExpr]:
    """Every time expression of an article, resolved against its publication date (values
    with X's when the date is unknown). Offsets point into ``article.text``."""
    text = article.text
    reference = parse_day(article.published)
    if doc.text == text:
        found = tag_text(text, reference, doc_tense(doc), doc_label(doc), doc_pos(doc))
    else:  # a Doc of some other text cannot say anything about this one's clauses
        found = tag_text(text, reference, text_tense(text))
    return [to_time_expr(article.id, text, f, reference) for f in found]


# --------------------------------------------------------------------------- publication date

# A date line: a line that is (almost) only a date, or the start of a dateline.
_DATE_LINE_CHARS = 60
# Lines of the text searched for a date line or dateline.
_HEAD_LINES = 6
_LEAD = re.compile(
    r"^\s*(?:(?:published|posted|updated|last\s+updated|date|dated|first\s+published)\s*(?:on|at)?\s*[:\-–]?\s*)?",
    re.IGNORECASE,
)
# How many days after the latest reported date an undated article may be (weekdays in its text
# are searched for in this window).
MAX_INFERENCE_LAG_DAYS = 6


def _point_at_day(b: Built) -> Point | None:
    """The Point of a day-level expression, or None."""
    p = b.point if b.point is not None else parse_value(b.value)
    return p if p is not None and p.gran in ("day", "pod", "time") else None


def _dateline(text: str) -> str | None:
    """The day a date line or dateline at the top of the text gives, with its year."""
    lines = [ln for ln in text.splitlines()[:_HEAD_LINES] if ln.strip()]
    for line in lines:
        lead = _LEAD.match(line)
        offset = lead.end() if lead else 0
        head = line[offset:]
        found = tag_text(head, None)
        if not found:
            continue
        first = found[0]
        p = _point_at_day(first.built)
        if p is None or p.year is None:
            continue
        short_line = len(line.strip()) <= _DATE_LINE_CHARS
        at_start = first.start <= 2 or re.match(r"^[A-Z][A-Z .'-]+,\s*$", head[: first.start]) is not None
        if short_line or at_start or offset:
            span = interval(p)
            if span is not None:
                return span[0].isoformat()
    return None


def _infer_from_mentions(found: list[Found], tense: Callable[[int, int], Tense | None]) -> str | None:
    """The reference day most consistent with the text's explicit dates and weekdays: on or just
    after the latest past date it reports, preferring the day that puts its past-tense
    weekdays on dates it names."""
    known: list[Point] = []
    days_unknown_year: list[tuple[Found, Point]] = []
    weekdays: list[tuple[Found, int]] = []
    for f in found:
        b = f.built
        p = b.point if b.point is not None else parse_value(b.value)
        if p is None or b.type not in ("DATE", "TIME"):
            continue
        if p.year is not None and p.gran in ("year", "month", "day", "pod", "time", "quarter", "season"):
            if tense(f.start, f.end) != "future":
                known.append(p)
        elif p.year is None and p.month is not None and p.day is not None:
            days_unknown_year.append((f, p))
        elif p.year is None and p.weekday is not None:
            weekdays.append((f, p.weekday))
    if not known and not days_unknown_year:
        return None
    latest_known = max((interval(p) for p in known), key=lambda s: s[1] if s else dt.date.min, default=None)
    floor = latest_known[0] if latest_known else None
    explicit_days: list[dt.date] = []
    for p in known:
        if p.gran in ("day", "pod", "time"):
            span = interval(p)
            if span is not None:
                explicit_days.append(span[0])
    if floor is not None:
        for f, p in days_unknown_year:
            if tense(f.start, f.end) == "future" or p.month is None or p.day is None:
                continue
            for year in (floor.year, floor.year + 1):
                d = safe_date(year, p.month, p.day)
                if d is not None and d >= floor:
                    explicit_days.append(d)
                    break
    if not explicit_days:
        return None
    latest = max(explicit_days)
    named = set(explicit_days)
    best, best_score = latest, -1
    for lag in range(MAX_INFERENCE_LAG_DAYS + 1):
        ref = latest + dt.timedelta(days=lag)
        score = 0
        for f, wd in weekdays:
            if tense(f.start, f.end) == "future":
                continue
            back = (ref.isoweekday() - wd) % 7
            if ref - dt.timedelta(days=back) in named:
                score += 1
        if score > best_score:
            best, best_score = ref, score
    return best.isoformat()


def infer_published(doc: Doc, text: str) -> tuple[str | None, str | None]:
    """The publication day of an undated article and how it was found: ("YYYY-MM-DD", "text")
    from a date line or dateline, ("YYYY-MM-DD", "inferred") from the dates and weekdays the
    text mentions, or (None, None) when nothing supports a date."""
    line_day = _dateline(text)
    if line_day is not None:
        return line_day, "text"
    tense = doc_tense(doc) if doc.text == text else text_tense(text)
    label = doc_label(doc) if doc.text == text else None
    found = tag_text(text, None, tense, label) if label else tag_text(text, None, tense)
    day = _infer_from_mentions(found, tense)
    return (day, "inferred") if day else (None, None)
