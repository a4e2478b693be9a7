"""What a builder knows besides its match, and how relative expressions find their date.

``Ctx`` carries the text, the reference day (publication date), lookups into the parsed Doc
(tense, entity label, part of speech) and the expressions already normalised, which anaphoric
ones ("the following day", "a year earlier", "that quarter") are resolved against.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from .timex_calendar import GRANULARITIES, Point, interval, safe_date, valid_year
from .timex_lexicon import HOLIDAYS, WEEKDAY_HOLIDAYS

# "open": the clause places the date on neither side of the reference ("was set to resume
# Monday"): the nearest such date.
Tense = Literal["past", "present", "future", "open"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]

# How far back (characters) an anaphoric expression looks for the date it is relative to;
# beyond that it falls back on the publication date.
ANAPHORA_WINDOW = 600
# "The previous Friday", "the following day" are explicitly relative to the day a story is
# about, which may have been named a few paragraphs before; only without one is the
# publication date the anchor.
NARRATIVE_WINDOW = 1200
# A financial report keeps its reporting period (a quarter) in focus much longer than a
# narrative keeps a day: "a year earlier" or "the 1988 period" several paragraphs on still
# compare with the quarter the report is about.
PERIOD_WINDOW = 4000
# A date named without its year ("June 10", "in March", "Thanksgiving") goes in the year that
# fits the tense: past -> the latest such date that starts no later than PAST_SLACK_DAYS after
# the reference (the slack keeps "was planned for early March" in the coming March); future ->
# the earliest that has not ended FUTURE_SLACK_DAYS before it; no tense -> the nearest.
PAST_SLACK_DAYS = 31
FUTURE_SLACK_DAYS = 7
# With no tense to go by, a date ahead of the reference counts as this many times further away
# than one behind it.
FUTURE_WEIGHT = 2
# How far after an expression led by "until" a past perfect ("had not called") is looked for.
PERFECT_WINDOW = 40
# How far before "until" a negation ("did not ... until") is looked for.
NEGATION_WINDOW = 80
# Pivot for two-digit years ('98 -> 1998, '05 -> 2005) when there is no reference date.
TWO_DIGIT_PIVOT = 30


@dataclass(frozen=True, slots=True)
class Built:
    """A normalised time expression: TIMEX3 type, value, modifier, calendar point and anchor.

    ``focus`` is False for values derived from another expression ("a year earlier", "the
    following day"): those are never the base of a further shift, so errors cannot cascade.
    """

    type: TimexType
    value: str
    mod: str | None = None
    point: Point | None = None
    anchor: str | None = None  # "published", "offset:<n>", or None for absolute expressions
    focus: bool = True
    # "posted" (the stamp of an embedded post) or "caption" (a photo's day): out of the story
    aside: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """A recognised expression: character span into the text and what it means."""

    start: int
    end: int
    built: Built


def no_tense(start: int, end: int) -> Tense | None:
    """Default tense lookup: unknown."""
    return None


def no_label(start: int, end: int) -> str | None:
    """Default lookup of entity label or part of speech: unknown."""
    return None


@dataclass(slots=True)
class Ctx:
    """What builders need besides the match: the text, the reference day, lookups, history."""

    text: str
    reference: dt.date | None
    tense: Callable[[int, int], Tense | None] = no_tense
    label: Callable[[int, int], str | None] = no_label  # NER label over a span
    pos: Callable[[int, int], str | None] = no_label  # coarse part of speech of a span's root
    history: list[Found] = field(default_factory=list)


# Words right before an expression that make it lie ahead, whatever the verb's tense:
# "postponed until Tuesday", "could come as early as Monday".
_FUTURE_LEAD = re.compile(
    r"(?:\buntil|\btill|\bas\s+(?:soon|early|late)\s+as|\bno\s+later\s+than|\bpayable|\beffective"
    r"|\bof\s+record|\bexpires?|\bexpiring|\b(?:scheduled|slated|due)\s+(?:for|on)|\bstarting"
    r"|\bbeginning|\bbetween\s+now\s+and)\s+(?:at\s+(?:the\s+)?(?:least|earliest)\s+)?(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
# "through" ends a span that is still running unless the clause is told in the past ("will pay
# for operations through September"; "fighting raged through September").
_THROUGH_LEAD = re.compile(r"\bthrough\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
# A negated past before "until": "did not see a doctor until March 18" says when she first did,
# which is behind; not a negated expectation ("was not expected until Friday"), nor a negated
# future ("will not leave until Friday").
_NOT_UNTIL = re.compile(
    r"\b(?:(?:did|was|were)(?:\s+not\b|n['’]t\b)|never\s+\w+ed\b)"
    r"(?![^.;]*\b(?:expected|due|scheduled|set|likely|supposed)\b)[^.;]*\b(?:until|till)\s+$",
    re.IGNORECASE,
)


# "since" a few words before a date ("since January", "since his inauguration in January"):
# the date has begun by the reference, whatever slack the past tense allows.
_SINCE_LEAD = re.compile(
    r"\bsince\s+(?:(?!will\b|would\b|to\b)[\w’'-]+\s+){0,4}?(?:(?:in|on)\s+)?$", re.IGNORECASE
)
# How far back "since" is looked for.
SINCE_WINDOW = 45


def since_lead(ctx: Ctx, start: int) -> bool:
    """Whether "since" leads up to the date at start, with only words between (no punctuation:
    "Since 2010, prices rose in January" is no "since January")."""
    return _SINCE_LEAD.search(ctx.text, max(0, start - SINCE_WINDOW), start) is not None


def tense_at(ctx: Ctx, start: int, end: int) -> Tense | None:
    """Tense of the clause around a span; lead words that point ahead ("until", "payable",
    "as early as") win over the verb, since the date lies ahead whatever the verb's tense."""
    lead = ctx.text[max(0, start - 25) : start]
    if _FUTURE_LEAD.search(lead):
        # "Until Thursday, they had not called him" and "it had been due to expire Friday" look
        # back all the same: a past perfect puts the deadline itself in the past.
        perfect = re.search(r"\bhad\b", ctx.text[max(0, start - PERFECT_WINDOW) : end + PERFECT_WINDOW])
        negated = _NOT_UNTIL.search(ctx.text, max(0, start - NEGATION_WINDOW), start)
        if negated or (perfect and ctx.tense(start, end) == "past"):
            return "past"
        return "future"
    tense = ctx.tense(start, end)
    if tense in (None, "present", "open") and _THROUGH_LEAD.search(lead):
        return "future"
    return tense


# A rule's builder: a match and the context in, a normalised expression (or None: not one) out.
Builder = Callable[[re.Match[str], Ctx], Built | None]


# --------------------------------------------------------------------------- calendar choices


def resolve_weekday(ref: dt.date, weekday: int, relation: str | None, tense: Tense | None) -> dt.date:
    """The day a weekday name refers to: past (or unknown) tense -> on or before the reference,
    future -> on or after, open -> the nearer (the earlier on a tie); "last" strictly before,
    "next"/"coming" strictly after, "this" in the same ISO week."""
    today = ref.isoweekday()
    if relation in ("last", "past", "this past", "previous"):
        delta = -((today - weekday - 1) % 7 + 1)
    elif relation in ("next", "coming", "this coming", "following"):
        delta = (weekday - today - 1) % 7 + 1
    elif relation == "this":
        delta = weekday - today
    elif tense == "future":
        delta = (weekday - today) % 7
    elif tense == "open":
        ahead, back = (weekday - today) % 7, (today - weekday) % 7
        delta = ahead if ahead < back else -back
    else:
        delta = -((today - weekday) % 7)
    return ref + dt.timedelta(days=delta)


def choose_year(
    ref: dt.date,
    make: Callable[[int], tuple[dt.date, dt.date] | None],
    tense: Tense | None,
    relation: str | None = None,
) -> int | None:
    """The year for a date named without one: ``make(year)`` gives its interval in a year.

    "last" -> the latest that ends before the reference; "next" -> the earliest that starts
    after it; "this" -> the reference year; else by tense with the slack described above."""
    spans: list[tuple[int, dt.date, dt.date]] = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        if not valid_year(year):
            continue
        span = make(year)
        if span is not None:
            spans.append((year, span[0], span[1]))
    if not spans:
        return None
    if relation == "this":
        return ref.year
    if relation == "since":
        begun = [s for s in spans if s[1] <= ref]
        return max(begun, key=lambda s: s[1])[0] if begun else None
    if relation in ("last", "past", "this past", "previous"):
        before = [s for s in spans if s[2] < ref or (s[1] <= ref and s[0] < ref.year)]
        return max(before, key=lambda s: s[1])[0] if before else None
    if relation in ("next", "coming", "this coming", "following"):
        after = [s for s in spans if s[1] > ref]
        return min(after, key=lambda s: s[1])[0] if after else None
    if tense == "future":
        ahead = [s for s in spans if s[2] >= ref - dt.timedelta(days=FUTURE_SLACK_DAYS)]
        return min(ahead, key=lambda s: s[1])[0] if ahead else None
    if tense == "past":
        behind = [s for s in spans if s[1] <= ref + dt.timedelta(days=PAST_SLACK_DAYS)]
        return max(behind, key=lambda s: s[1])[0] if behind else None

    # With no verb to go by (a date that qualifies a noun), days ahead count double: news
    # mostly looks back. A present tense ("is set for April") is taken at face value, and so
    # is a clause that places the date on neither side ("would be dismissed on June 17").
    weight = 1 if tense in ("present", "open") else FUTURE_WEIGHT

    def distance(s: tuple[int, dt.date, dt.date]) -> tuple[int, int]:
        """Days between the reference and the interval; ties go to the earlier year."""
        gap = weight * (s[1] - ref).days if s[1] > ref else (ref - s[2]).days if s[2] < ref else 0
        return max(gap, 0), s[0]

    return min(spans, key=distance)[0]


# A story told about another year ("On 31 August 2013, the president ... By Labor Day, ...")
# lends its year to a date named without one, when that date lies this close to the story's.
STORY_CARRY_DAYS = 62
# ... and only when the publication date would put it at least this far from the reference: a
# date near the reference is the news of the day, however old the story told before it.
STORY_REFERENCE_DAYS = 60


def story_year(ctx: Ctx, pos: int, make: Callable[[int], tuple[dt.date, dt.date] | None],
               year: int | None, tense: Tense | None, since: int = 0) -> tuple[int, str] | None:
    """The year of the story told just before pos, for a date named without a year there (with
    the anchor that gives it), when it differs from ``year`` (the one the reference gives):
    the last date before pos that names its own year, as a day or a month, within
    NARRATIVE_WINDOW, if the date falls within STORY_CARRY_DAYS of it and the reference's year
    puts it more than STORY_REFERENCE_DAYS from the reference (dates before ``since`` do not
    count)."""
    ref = ctx.reference
    if ref is None or tense == "future":
        return None
    if year is not None and (span := make(year)) is not None and _gap(span, ref, ref) <= STORY_REFERENCE_DAYS:
        return None
    for f in reversed(ctx.history):
        if pos - f.end > NARRATIVE_WINDOW or f.start < since:
            break
        b, p = f.built, f.built.point
        # a date the story names with its year, or one it lent its year to; not a date that
        # only qualifies a noun ("the Oct. 19, 1987, crash"), which the clause does not tell
        told_here = b.anchor is None or b.anchor.startswith("offset:")
        if f.end > pos or not told_here or not b.focus or b.type not in ("DATE", "TIME"):
            continue
        if p is None or p.year is None or p.gran not in ("day", "pod", "time", "month"):
            continue
        if ctx.tense(f.start, f.end) is None:
            continue
        told = interval(p)
        if told is None:
            return None
        near = [(y, span) for y in (p.year - 1, p.year, p.year + 1) if (span := make(y)) is not None]
        best = min(near, key=lambda c: _gap(c[1], told[0], told[1]), default=None)
        if best is None or _gap(best[1], told[0], told[1]) > STORY_CARRY_DAYS or best[0] == year:
            return None
        return best[0], f"offset:{f.start}"
    return None


def _gap(span: tuple[dt.date, dt.date], start: dt.date, end: dt.date) -> int:
    """Days between an interval and the interval start..end (0 when they overlap)."""
    if span[1] < start:
        return (start - span[1]).days
    if span[0] > end:
        return (span[0] - end).days
    return 0


def month_span(month: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    """make(year) for a month."""

    def make(year: int) -> tuple[dt.date, dt.date] | None:
        return interval(Point("month", year, month))

    return make


def day_span(month: int, day: int) -> Callable[[int], tuple[dt.date, dt.date] | None]:
    """make(year) for a month and day."""

    def make(year: int) -> tuple[dt.date, dt.date] | None:
        d = safe_date(year, month, day)
        return (d, d) if d else None

    return make


def two_digit_year(yy: int, reference: dt.date | None) -> int:
    """A full year for '98 or '05, near the reference when there is one."""
    if reference is not None:
        year = reference.year // 100 * 100 + yy
        return year - 100 if year > reference.year + 10 else year
    return (1900 if yy > TWO_DIGIT_PIVOT else 2000) + yy


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    """The n-th (or last, n = -1) weekday of a month."""
    first = safe_date(year, month, 1)
    if first is None:
        return None
    if n > 0:
        d = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
        return d if d.month == month else None
    nxt = safe_date(year + (month == 12), month % 12 + 1, 1)
    if nxt is None:
        return None
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> dt.date | None:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return safe_date(year, month, day)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a named holiday in a year, or None when unknown."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if not valid_year(year):
        return None
    if key in HOLIDAYS:
        month, day = HOLIDAYS[key]
        return safe_date(year, month, day)
    if key == "election day":  # the Tuesday after the first Monday of November
        first_monday = nth_weekday(year, 11, 1, 1)
        return first_monday + dt.timedelta(days=1) if first_monday else None
    if key in WEEKDAY_HOLIDAYS:
        month, weekday, n = WEEKDAY_HOLIDAYS[key]
        return nth_weekday(year, month, weekday, n)
    if key in ("easter", "easter sunday", "easter day"):
        return easter(year)
    if key == "good friday":
        sunday = easter(year)
        return sunday - dt.timedelta(days=2) if sunday else None
    return None


# --------------------------------------------------------------------------- what came before


_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+(?=[\"'‘“(]*[A-Z0-9])|\n\s*\n")
# Words whose period ends no sentence: "10 a.m. EDT", "Mr. Arafat", "Jan. 6", "U.S. officials".
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]\.(?:[A-Za-z]\.)*|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Prof"
    r"|Corp|Inc|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|vs)\.)$"
)
# How far back a period is looked at to tell an abbreviation.
ABBREVIATION_CHARS = 8


def _sentence_ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Sentence boundaries between lo and hi, except after an abbreviation."""
    return [
        m for m in _SENTENCE_END.finditer(text, lo, hi)
        if text[m.start()] != "."
        or not _ABBREVIATION.search(text, max(0, m.start() - ABBREVIATION_CHARS), m.start() + 1)
    ]


def sentence_start(text: str, pos: int, back: int = 0) -> int:
    """Where the sentence holding pos starts (back=1: the sentence before it), as far as
    punctuation and blank lines tell."""
    lo = max(0, pos - ANAPHORA_WINDOW)
    ends = [m.end() for m in _sentence_ends(text, lo, pos)]
    return ends[-1 - back] if len(ends) > back else lo


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding pos ends (at most ANAPHORA_WINDOW characters on)."""
    hi = min(len(text), pos + ANAPHORA_WINDOW)
    ends = _sentence_ends(text, pos, hi)
    return ends[0].start() if ends else hi


def anchor_point(ctx: Ctx, pos: int, gran: str, since: int = 0,
                 window: int = ANAPHORA_WINDOW) -> tuple[Point, str] | None:
    """The last date before pos (within the window and after ``since``, not itself derived) at
    least as fine as gran, with the anchor naming it."""
    want = GRANULARITIES.index(gran) if gran in GRANULARITIES else 0
    for f in reversed(ctx.history):
        if pos - f.end > window or f.start < since:
            break
        p = f.built.point
        if f.end > pos or not f.built.focus or f.built.type not in ("DATE", "TIME"):
            continue
        if p is None or p.year is None or interval(p) is None:
            continue
        if GRANULARITIES.index(p.gran) >= want:
            return p, f"offset:{f.start}"
    return None


def focus_point(ctx: Ctx, pos: int, grans: tuple[str, ...] = (), derived: bool = False,
                relative_only: bool = False, window: int = ANAPHORA_WINDOW) -> Found | None:
    """The last date mentioned shortly before pos (optionally only of some granularities, only
    those resolved against the reference; derived values only when asked, for "that quarter")."""
    for f in reversed(ctx.history):
        if pos - f.end > window:
            break
        p = f.built.point
        if f.end > pos or f.built.type != "DATE" or p is None or p.year is None:
            continue
        if (not derived and not f.built.focus) or (relative_only and f.built.anchor != "published"):
            continue
        if not grans or p.gran in grans:
            return f
    return None


def report_quarter(ctx: Ctx, pos: int) -> Found | None:
    """The quarter a financial report is about: the first quarter before pos that was resolved
    against the publication date ("third-quarter profit"). Later quarters are mostly
    comparisons or outlooks ("a flat second quarter", "a fourth-quarter charge")."""
    for f in ctx.history:
        if f.end > pos:
            break
        b = f.built
        if b.type == "DATE" and b.focus and b.anchor == "published" and b.point is not None \
                and b.point.gran == "quarter" and b.point.year is not None:
            return f
    return None

