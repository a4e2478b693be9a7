"""Builders: turn a pattern match into a TIMEX3 type, value and modifier.

Each builder takes the regex match and the context and returns a ``Built`` or None when the
match is not a time expression after all (a count, a name, a verb). Relative expressions are
resolved against the reference day; without one they keep X's ("XXXX-06-10"), never a guessed
year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from fractions import Fraction

from .timex_calendar import (
    GRANULARITIES,
    Point,
    day_point,
    format_value,
    interval,
    safe_date,
    shift,
    truncate,
    valid_year,
    week_of,
)
from .timex_lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_CODES,
    UNIT_MULTIPLIERS,
    WEEKDAYS,
)
from .timex_numbers import VAGUE_RE, parse_count
from .timex_resolve import (
    NARRATIVE_WINDOW,
    PERIOD_WINDOW,
    Builder,
    Built,
    Ctx,
    TimexType,
    anchor_point,
    choose_year,
    day_span,
    focus_point,
    holiday_date,
    month_span,
    report_quarter,
    resolve_weekday,
    sentence_end,
    sentence_start,
    since_lead,
    story_year,
    tense_at,
    two_digit_year,
)

Match = re.Match[str]

# Words before a bare month name that make it a date, not a name ("June Carter") or a verb.
DATE_LEAD_WORDS = frozenset(
    [
        "in", "since", "until", "till", "by", "from", "through", "throughout", "during", "before",
        "after", "of", "early", "late", "mid", "last", "next", "this", "between", "and", "to", "or",
        "around", "circa", "for", "on", "at", "as", "into", "within", "over", "per", "like", "about",
        "toward", "towards", "against", "the", "a", "an", "its", "their", "his", "her", "our", "your",
        "whose", "each", "every", "until", "least",
    ]
)
# Entity labels that say a four-digit number is a quantity or a name, not a year.
NOT_YEAR_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "PRODUCT", "LAW", "FAC"})
# Words that put a number in an identifier, not on the calendar: Resolution 1244, Flight 1549,
# the bill H.R. 1422.
IDENTIFIER_WORDS = frozenset(
    [
        "resolution", "resolutions", "no.", "nos.", "no", "number", "flight", "flights", "room",
        "route", "highway", "article", "section", "chapter", "model", "page", "pages", "p.", "pp.",
        "boeing", "airbus", "interstate", "apollo", "windows", "cessna", "paragraph", "bill", "code",
        "item", "rule", "clause", "volume", "vol.", "vol", "issue", "track", "channel", "band", "unit",
        "units", "batch", "case", "line", "platform", "gate", "suite", "apartment", "building", "block",
        "lot", "serial", "version", "v.", "edition", "orion", "chip", "chips", "mig", "su", "intel",
        "motorola", "h.r", "hr", "h.res", "s.res", "h.j.res", "s.j.res",
    ]
)
# Nouns after a number that make it a count ("2000 people"), not a year.
COUNT_NOUNS = re.compile(
    r"\s*(?:people|persons|troops|soldiers|men|women|children|feet|foot|ft|metres|meters|m|km|"
    r"kilometers|kilometres|miles|mi|tons|tonnes|points|shares|dollars|euros|pounds|yuan|yen|"
    r"votes|cases|deaths|jobs|workers|employees|students|members|units|acres|hectares|barrels|"
    r"cars|vehicles|homes|houses|rounds|words|pages|rpm|cc|mph|kg|lb|lbs|hp|seats|flights|"
    r"residents|refugees|police|officers|delegates|visitors|copies|pieces|items|calories|"
    r"households|families|patients|animals|sq|square|cubic|gallons|liters|litres|times|bn|"
    r"million|billion|trillion|chips?|GMT|UTC|hours|hrs|local)\b",
    re.IGNORECASE,
)
# The last century a TIMEX3 value can name ("99" for the 9900s).
MAX_CENTURY = 99
# Oldest and newest year a bare four-digit number may be (explicit dates may go further).
BARE_YEAR_RANGE = (1000, 2199)
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}
# How close a date must be for "the year" to mean its year rather than the reference's.
THE_UNIT_FOCUS_CHARS = 250
# Granularities that name a day (a part of a day or a clock time on it does too).
DAY_GRANS = ("day", "pod", "time")
UNIT_GRAN = {
    "day": "day", "night": "day", "week": "week", "weekend": "weekend", "fortnight": "week",
    "month": "month", "quarter": "quarter", "year": "year", "decade": "decade",
    "century": "century", "season": "season", "half": "half",
}


# Titles that contain a day word: "USA Today", "The Sunday Times", "Saturday Night Live".
# The end of the text before a word when that word is inside a sentence, not opening one (a
# line break opens a new line, as a caption or a paragraph does: "...Reagan\nToday, he says").
_MID_SENTENCE = re.compile(r"[\w,’'][ \t]?\Z")
_MASTHEAD_BEFORE = re.compile(r"(?:\A|\n)[ \t]*[A-Z]{2,}[ \t]+\Z")
_TITLE_BEFORE_TODAY = re.compile(r"(?-i:USA|VOA|China|Russia|Psychology|Music|Christianity)\s*$")
_TITLE_AFTER_WEEKDAY = re.compile(
    r"\s+(?-i:Times|Telegraph|Express|Mirror|Herald|Mail|Post|Tribune|Independent|Star|Sport"
    r"|Night\s+Live|School)"
)
# Terms where "current" is not a time: "current account", "current affairs", "currently".
_CURRENT_TERMS = r"\s+(?:account|accounts|affairs|events|assets|liabilities|density|flow|s\b|\w+ly\b)"
# "one day" and "some day" are times only in a clause about what may come.
_MODAL_BEFORE = r"\b(?:will|would|could|may|might|can|should|hope|hopes)\s+$"
# Words that may follow "the year" when it names a year (not "the year's tallest building").
_AFTER_THE_UNIT = re.compile(
    r"\s*(?:[,.;:)'\"’”]|$|\s+(?:and|but|so|as|when|to|in|for|with|was|is|were|had|has|before|after"
    r"|ago|of)\b)"
)
# Words after "daily" that show it is an adverb ("rose daily in May"), not an adjective.
_FUNCTION_WORD_AFTER = re.compile(
    r"\s+(?:and|or|but|to|in|on|at|for|from|by|with|since|until|through|basis|the|a|an)\b"
)
# A capitalised word right after a word: a name ("daily Granma").
_NAME_AFTER = re.compile(r"\s+(?P<name>(?-i:[A-Z][\w'’-]+))")
# A quantity just before "a year" or "annually": the unit is the denominator of a rate ("$40
# million a year", "grew 8% annually", "700 seats a week"), which TimeML does not mark.
_RATE_BEFORE = re.compile(
    r"(?:\d%?|%|\b(?:million|billion|trillion|thousand|hundred|percent|cents?|dollars?|apiece)"
    r"|(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens"
    r"|hundreds|thousands|millions))\s+(?:[a-z-]+\s+){0,2}[a-z]+s)\s+$",
    re.IGNORECASE,
)
# Words that put "the quarter" or "the period" a year back.
_YEAR_BACK = re.compile(
    r"year-(?:ago|earlier)|prior-year|last year|previous year|corresponding|comparable|a year"
)


# --------------------------------------------------------------------------- small helpers


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation."""
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBREVIATIONS.get(w)


def spelled_year(text: str) -> int | None:
    """1996 from "nineteen ninety-six", 2005 from "two thousand and five"."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:])
    head = NUMBER_WORDS.get(words[0]) if words else None
    if head is None:
        return None
    tail = words[1:]
    if tail == ["hundred"]:
        return head * 100
    return head * 100 + sum(NUMBER_WORDS.get(w, 0) for w in tail if w != "oh")


def is_rate(ctx: Ctx, pos: int) -> bool:
    """Whether a quantity ends just before pos, making a unit there a rate's denominator."""
    return _RATE_BEFORE.search(ctx.text, max(0, pos - 60), pos) is not None


def prev_word(ctx: Ctx, pos: int) -> str:
    """The word just before pos (lower case), or ""."""
    m = re.search(r"([A-Za-z'.]+)[\s,-]*$", ctx.text[max(0, pos - 30) : pos])
    return m.group(1).lower().strip(".") if m else ""


def after(ctx: Ctx, pos: int, n: int = 30) -> str:
    """The text just after pos."""
    return ctx.text[pos : pos + n]


def relative(ctx: Ctx, p: Point | None, unknown: Point, type_: TimexType = "DATE",
             mod: str | None = None, focus: bool = True) -> Built:
    """A deictic expression: resolved against the publication date, or unknown without one."""
    if p is None or ctx.reference is None:
        return Built(type_, format_value(unknown), mod, unknown, None, focus)
    return Built(type_, format_value(p), mod, p, "published", focus)


def absolute(p: Point, type_: TimexType = "DATE", mod: str | None = None) -> Built:
    """An expression that names its own date."""
    return Built(type_, format_value(p), mod, p, None)


def clean(s: str | None) -> str:
    """Lower case with single spaces."""
    return re.sub(r"\s+", " ", (s or "").lower()).strip()


# The years of modern news: a number the parser took for a count that falls here and qualifies
# one thing ("whose 2015 military intervention", "a 2016 cross-border operation") is a year.
MODERN_YEARS_FROM = 1900
# How many years past the reference such a number may lie (plans, targets).
MODERN_YEARS_AHEAD = 10
# Words before a number that make it a quantity.
_QUANTITY_BEFORE = frozenset({
    "of", "than", "about", "some", "nearly", "over", "under", "around", "approximately", "almost",
    "roughly", "just", "only", "exactly", "total", "additional", "another", "least", "most", "with",
})
# Words after such a number, up to the noun they qualify.
_WORD_AFTER = re.compile(r"\s+(?P<w>[a-z]+(?:-[a-z]+)*)")
# How many words after the number the qualified noun may be ("2015 military intervention").
MAX_NOUN_WORDS = 3


def _dates_a_noun(ctx: Ctx, start: int, end: int, year: int) -> bool:
    """Whether a number labelled a count qualifies a singular noun as its year ("a 2016
    operation", "the failed 2016 military coup"): a count of that size would take a plural.
    Asks the parse for the noun that ends the phrase."""
    top = ctx.reference.year + MODERN_YEARS_AHEAD if ctx.reference else BARE_YEAR_RANGE[1]
    if not MODERN_YEARS_FROM <= year <= top or prev_word(ctx, start) in _QUANTITY_BEFORE:
        return False
    pos, noun = end, ""
    for _ in range(MAX_NOUN_WORDS):
        w = _WORD_AFTER.match(ctx.text, pos)
        if w is None:
            break
        kind = ctx.pos(w.start("w"), w.end("w"))
        if kind not in ("NOUN", "ADJ", "PROPN"):
            break
        noun, pos = (w["w"] if kind == "NOUN" else noun), w.end()
    return bool(noun) and (not noun.endswith("s") or noun.endswith("ss"))


def year_ok(ctx: Ctx, start: int, end: int, year: int) -> bool:
    """Whether a bare four-digit number is a year here (not a count, an amount or an id)."""
    if not BARE_YEAR_RANGE[0] <= year <= BARE_YEAR_RANGE[1] or ctx.text[start] == "0":
        return False
    label = ctx.label(start, end)
    if label in NOT_YEAR_LABELS and not (label == "CARDINAL" and _dates_a_noun(ctx, start, end, year)):
        return False
    if prev_word(ctx, start) in IDENTIFIER_WORDS:
        return False
    before = ctx.text[max(0, start - 2) : start]
    if re.search(r"(?:^|[\s\d(])[-+±~]\s?$|[#§]\s?$|\d[.,]?\s?$", before):
        return False
    tail = after(ctx, end)
    if COUNT_NOUNS.match(tail) or re.match(r"\s*(?:-|to|–)\s*\d{1,3}(?!\d)", tail):
        return False
    return re.match(r"\s*(?:x|×|by)\s*\d", tail, re.IGNORECASE) is None


# --------------------------------------------------------------------------- absolute dates


def build_full_date(m: Match, ctx: Ctx) -> Built | None:
    """'Monday, June 10, 2025', '10 June 2025', 'June 10': a day; without a year, the year that
    fits the reference and the tense."""
    month = month_number(m["month"])
    day = int(re.sub(r"\D", "", m["day"]))
    if month is None:
        return None
    if m["year"]:
        year = int(m["year"])
        d = safe_date(year, month, day) if valid_year(year) else None
        return absolute(day_point(d)) if d else None
    if safe_date(2000, month, day) is None:  # 2000 is a leap year: accepts 29 February
        return None
    return _day_without_year(month, day, m, ctx)


def _day_without_year(month: int, day: int, m: Match, ctx: Ctx) -> Built:
    """'June 10' with no year: the year the tense and the reference point to, else unknown."""
    unknown = Point("day", None, month, day)
    if ctx.reference is None:
        return Built("DATE", format_value(unknown), None, unknown, None)
    if _ENDED_BEFORE.search(ctx.text, max(0, m.start() - ENDED_CHARS), m.start()):
        closed = _closing_day(ctx.reference, month, day)
        y: int | None = closed.year if closed else None
    else:
        since = "since" if since_lead(ctx, m.start()) else None
        tense = tense_at(ctx, m.start(), m.end())
        y = choose_year(ctx.reference, day_span(month, day), tense, since)
        told = story_year(ctx, m.start(), day_span(month, day), y, tense)
        if told is not None and (d_told := safe_date(told[0], month, day)) is not None:
            return Built("DATE", format_value(day_point(d_told)), None, day_point(d_told), told[1])
    d = safe_date(y, month, day) if y is not None else None
    return relative(ctx, day_point(d) if d else None, unknown)


# Last weekday (ISO number) whose "weekend of" is the one before it: "the weekend of March 6"
# said of a Monday or Tuesday is the weekend just gone.
WEEKEND_BEFORE_UNTIL = 2


def build_week_of(m: Match, ctx: Ctx) -> Built | None:
    """'the week of March 6': the ISO week that holds the day; 'the weekend of Feb. 24': the
    weekend nearest the day."""
    b = build_full_date(m, ctx)
    span = interval(b.point) if b is not None and b.point is not None and b.point.year is not None else None
    if b is None or span is None:
        return None  # without a year the week cannot be numbered; the day alone is tagged
    p = week_of(span[0])
    if m["wk"].lower() == "weekend":
        weekend = Point("weekend", p.year, week=p.week)
        before = span[0].isoweekday() <= WEEKEND_BEFORE_UNTIL
        shifted = shift(weekend, -1, "week") if before else weekend
        if shifted is None:
            return None
        p = shifted
    return Built("DATE", format_value(p), None, p, b.anchor)


# "ended" right before a day: the end of a period that is over ("the quarter ended Sept. 30").
_ENDED_BEFORE = re.compile(r"\b(?:ended|that\s+ended)\s+(?:on\s+)?$", re.IGNORECASE)
# How far before a day "ended" is looked for.
ENDED_CHARS = 20
# "ended Oct. 31" right after a quarter.
_ENDED_AFTER = re.compile(
    r"\s+(?:that\s+)?ended\s+(?:on\s+)?(?P<month>(?-i:[A-Z][a-z]{2,8}))\.?\s+(?P<day>[12]\d|3[01]|0?[1-9])(?!\d|,?\s+\d{4})"
)


def _closing_day(ref: dt.date, month: int, day: int) -> dt.date | None:
    """The day a period "ended" on, named without its year: the latest on or before the
    reference (a period that has ended closed by then: "the quarter ended Oct. 31")."""
    past = [d for y in (ref.year, ref.year - 1) if (d := safe_date(y, month, day)) is not None and d <= ref]
    return past[0] if past else None


def _ended_day(ctx: Ctx, pos: int) -> dt.date | None:
    """The day named by "ended <month> <day>" right after pos, if any."""
    m = _ENDED_AFTER.match(ctx.text, pos)
    month = month_number(m["month"]) if m else None
    if m is None or month is None or ctx.reference is None:
        return None
    return _closing_day(ctx.reference, month, int(m["day"]))


_FIRST_DAY = re.compile(
    r"(?P<month>[A-Z][a-z]+\.?)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|or|to|-|–)\s*$"
)
_TRAILING_YEAR = re.compile(r"(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})(?!\d)")


def build_second_day(m: Match, ctx: Ctx) -> Built | None:
    """The '25' of 'April 24 and 25' (and of 'April 24-25, 1999'): the month of the date
    before it, the year after it or from the reference."""
    first = _FIRST_DAY.search(ctx.text, max(0, m.start() - 20), m.start())
    month = month_number(first["month"]) if first else None
    if month is None:
        return None
    day = int(re.sub(r"\D", "", m["day"]))
    year_m = _TRAILING_YEAR.match(ctx.text, m.end())
    if year_m:
        d = safe_date(int(year_m["year"]), month, day)
        return absolute(day_point(d)) if d else None
    return _day_without_year(month, day, m, ctx)


def build_numeric_date(m: Match, ctx: Ctx) -> Built | None:
    """'2025-06-10', '6/10/2025' (US order), '10.06.2025' (day first)."""
    y = int(m["y"])
    if len(m["y"]) == 2:
        y = two_digit_year(y, ctx.reference)
    d = safe_date(y, int(m["m"]), int(m["d"])) if valid_year(y) else None
    return absolute(day_point(d)) if d else None


def build_month_year(m: Match, ctx: Ctx) -> Built | None:
    """'June 1998', 'January nineteen ninety-seven', "June '98"."""
    month = month_number(m["month"])
    if m["year"]:
        year: int | None = int(m["year"])
    elif m["year2"]:
        year = two_digit_year(int(m["year2"]), ctx.reference)
    else:
        year = spelled_year(m["spelled"])
    if month is None or year is None or not valid_year(year):
        return None
    return absolute(Point("month", year, month))


# A person named May in the text: a capitalised word before "May" that is not a date's lead
# ("Theresa May", "Mrs May", "Prime Minister May"; not "In May", "Friday May 3").
_MAY_PERSON = re.compile(
    r"(?<![\w.])(?!(?:In|Since|Until|Till|By|From|Through|During|Before|After|Early|Late|Mid|Last|Next"
    r"|This|Of|And|Or|To|On|For|At|The|Between|Around|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b)[A-Z][a-z]+\.?\s+May\b(?!\s*\d)"
)
# Where the text names a person May, the words that still make a bare "May" the month.
MAY_DATE_LEADS = frozenset({
    "in", "since", "until", "till", "from", "through", "throughout", "during", "early", "late",
    "mid", "last", "next", "this", "between", "of", "end",
})


# Nouns of events that a month before them dates ("the supposed April deadline", "Trump's
# surprise December announcement"): the month is a date whatever word comes before it.
_EVENT_AFTER = re.compile(
    r"['’]?s?\s+(?:elections?|midterms?|polls?|ballot|referendum|runoff|primary|primaries|caucus(?:es)?"
    r"|vote|deadline|summit|announcement|decision|ruling|meeting|talks|visit|speech|interview"
    r"|attacks?|offensive|ceasefire|truce|deal|agreement|raid|strikes?|coup|uprising|protests?"
    r"|budget|report|statement|shooting|bombing|massacre|invasion|debate|rally|crackdown|decree"
    r"|hearing|trial|indictment|verdict|launch|deployment|withdrawal|incursion|operation)\b"
)
# A vote or a deadline named by its month ("the November election", "November's midterms",
# "the April deadline"): a fixed event on the calendar, which news names mostly while it lies
# ahead.
_VOTE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:general|presidential|parliamentary|congressional|legislative|local|snap"
    r"|national|federal|state|mayoral|midterm|runoff|primary)\s+)?(?:elections?|midterms?|polls?"
    r"|ballots?|referendum|runoffs?|primary|primaries|caucus(?:es)?|vote|deadline)\b"
)
# How long after a vote its month is still "the November election" of the present tense ("the
# winner of the November election is..."): its aftermath, the count and the transition.
VOTE_AFTERMATH_DAYS = 75
# Words before a month that open the noun phrase the month qualifies ("the November election").
_PHRASE_DET = re.compile(r"\b(?:the|this|next|last|a|an)\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)
# Words before a deadline that say it has passed ("missed the March deadline").
_DEADLINE_PASSED = re.compile(r"\b(?:missed|passed|met|beat|ignored|extended|expired|blew)\b[^.;]*$", re.IGNORECASE)


def _vote_year(ctx: Ctx, m: Match, noun_end: int, month: int) -> int | None:
    """The year of a vote or deadline named by its month: by the tense of the clause it is in
    ("won the November election" is behind), else the coming one unless the last one is only
    just over ("is still a long way until the November election")."""
    ref = ctx.reference
    if ref is None:
        return None
    det = _PHRASE_DET.search(ctx.text, max(0, m.start() - 24), m.start())
    start = det.start() if det else m.start()
    tense = tense_at(ctx, m.start(), m.end()) or tense_at(ctx, start, noun_end)
    lead = ctx.text[max(0, start - 40) : start]
    if tense == "past" and ctx.text[m.end() : noun_end].endswith("deadline") and not _DEADLINE_PASSED.search(lead):
        # "trucks left before the April deadline": a deadline told of may still lie ahead
        return choose_year(ref, month_span(month), "open")
    if tense in ("past", "future"):
        return choose_year(ref, month_span(month), tense)
    last = choose_year(ref, month_span(month), "past")
    span = interval(Point("month", last, month)) if last is not None else None
    if span is not None and span[1] < ref and (ref - span[1]).days > VOTE_AFTERMATH_DAYS:
        return choose_year(ref, month_span(month), "future")
    return last


def build_month(m: Match, ctx: Ctx) -> Built | None:
    """'June', 'last May', 'July last year', 'January this year': a month near the reference."""
    month = month_number(m["month"])
    if month is None:
        return None
    relation = clean(m["rel"]) or None
    year_rel = clean(m["yrel"]) or None
    if not relation and not year_rel:
        word = prev_word(ctx, m.start())
        tail = after(ctx, m.end(), 12)
        # A bare month name is a date after a preposition or determiner, or before
        # punctuation; never before a capitalised word ("June Carter").
        if re.match(r"\s+(?-i:[A-Z])", tail) and not re.match(r"\s+(?-i:I\b)", tail):
            return None
        if word not in DATE_LEAD_WORDS and (
            m["month"].lower() in ("may", "march")
            or not (re.match(r"\s*[,.;:)]", tail) or _EVENT_AFTER.match(ctx.text, m.end()))
        ):
            return None
        if m["month"].lower() == "may" and ctx.pos(m.start(), m.end()) in ("AUX", "VERB"):
            return None
        if ctx.label(m.start(), m.end()) == "PERSON":
            return None
        event = word == "the" and _EVENT_AFTER.match(ctx.text, m.end()) is not None  # "the May elections"
        if m["month"] == "May" and word not in MAY_DATE_LEADS and not event and _MAY_PERSON.search(ctx.text):
            return None  # "a letter to May", "call on May" where the text names Theresa May
    unknown = Point("month", None, month)
    ref = ctx.reference
    if ref is None:
        return relative(ctx, None, unknown)
    if year_rel:
        year: int | None = ref.year + {"last": -1, "next": 1}.get(year_rel, 0)
    elif not relation and (vote := _VOTE_AFTER.match(ctx.text, m.end())) is not None:
        year = _vote_year(ctx, m, vote.end(), month)
    else:
        since = "since" if relation is None and since_lead(ctx, m.start()) else relation
        tense = tense_at(ctx, m.start(), m.end())
        year = choose_year(ref, month_span(month), tense, since)
        # A month is coarse: only a story of this or the sentence before lends it a year
        # ("Castro took power on Jan. 1, 1959 ... Her boat sank in late November" is not 1958).
        told = story_year(ctx, m.start(), month_span(month), year, tense,
                          sentence_start(ctx.text, m.start(), 1)) if since is None else None
        if told is not None:
            p = Point("month", told[0], month)
            return Built("DATE", format_value(p), None, p, told[1])
        # The month just gone is "last month"; named as "last February" in March, it is the
        # February a year before (and "next April" in March the April a year on).
        if year is not None and relation in ("last", "next"):
            gap = abs((year - ref.year) * 12 + month - ref.month)
            year += (-1 if relation == "last" else 1) if gap == 1 else 0
    if year is None or not valid_year(year):
        return None
    return relative(ctx, Point("month", year, month), unknown)


def build_year(m: Match, ctx: Ctx) -> Built | None:
    """'2024', 'fiscal 1989', 'the year 2000', "fiscal '98"."""
    if m["year"]:
        year = int(m["year"])
        if not m["lead"] and not year_ok(ctx, m.start("year"), m.end("year"), year):
            return None
    else:
        year = two_digit_year(int(m["year2"]), ctx.reference)
    return absolute(Point("year", year)) if valid_year(year) else None


def build_spelled_year(m: Match, ctx: Ctx) -> Built | None:
    """'nineteen ninety-six', 'the year two thousand'."""
    text = m["spelled"]
    if text.lower().startswith("two thousand") and not m["lead"]:
        return None  # "two thousand people" is a count
    year = spelled_year(text)
    return absolute(Point("year", year)) if year is not None and valid_year(year) else None


def build_decade(m: Match, ctx: Ctx) -> Built | None:
    """'the 1990s', "the '80s", 'the nineties', 'the early 1980s'."""
    if m["d4"]:
        decade = int(m["d4"]) // 10
    elif m["d2"]:
        decade = two_digit_year(int(m["d2"]), ctx.reference) // 10
    else:
        word = re.split(r"[\s-]+", m["dw"].lower())[-1]
        decade = 190 + DECADE_WORDS[word]
    if not 0 < decade < 1000:
        return None
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(clean(m["dmod"]))
    mod = mod or ({"first": "START"}.get(clean(m["dhalf"]), "END") if m["dhalf"] else None)
    return absolute(Point("decade", decade=decade), mod=mod)


def build_century(m: Match, ctx: Ctx) -> Built | None:
    """'the 20th century', 'the twentieth century', 'this century', 'the last century'."""
    rel = clean(m["crel"])
    if rel:
        if ctx.reference is None:
            return relative(ctx, None, Point("century"))
        step = -1 if rel.split()[-1] in ("last", "previous") and not rel.startswith("the past") else 0
        step = 1 if rel.split()[-1] == "next" else step
        century = ctx.reference.year // 100 + step
        if not 0 <= century <= MAX_CENTURY:
            return None
        return relative(ctx, Point("century", century=century), Point("century"))
    word = m["ord"].lower()
    n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else ORDINALS.get(word.replace(" ", "-"), 0)
    return absolute(Point("century", century=n - 1)) if 0 < n <= 100 else None


# What follows "the fall" when it is the noun of "to fall" ("the fall of Raqqa", "the fall in
# prices"), not the season: "of" before anything but a year ("the fall of 2016", "the fall of
# that year" are seasons), "in" before a word in lower case.
_FALL_OF = re.compile(r"\s+of\s+(?!(?:(?:the|that|this|last|next|an?|each)\s+)?(?:[\w-]+\s+)?year\b|\d|['’]\d)", re.I)
_FALL_IN = re.compile(r"\s+in\s+(?-i:[a-z])")
# Words before "the fall" that make it a time even before "in" ("late in the fall in 1980").
_SEASON_PREPOSITIONS = frozenset({"in", "during", "by", "until", "till", "through", "since", "before", "after", "for"})


def _is_fall_noun(ctx: Ctx, m: Match) -> bool:
    """Whether "the fall" names a collapse or a drop rather than the season."""
    if _FALL_OF.match(ctx.text, m.end()):
        return True
    return _FALL_IN.match(ctx.text, m.end()) is not None and prev_word(ctx, m.start()) not in _SEASON_PREPOSITIONS


def build_season(m: Match, ctx: Ctx) -> Built | None:
    """'last fall', 'this summer', 'the winter of 1994', 'summer 2025'."""
    code = SEASONS[m["season"].lower()]
    rel = clean(m["rel"])
    if m["year"]:
        year = int(m["year"]) if m["year"].isdigit() else spelled_year(m["year"])
        if year is None or not valid_year(year):
            return None
        return absolute(Point("season", year, season=code))
    if not rel and (m["season"].lower() == "fall" or prev_word(ctx, m.start()) not in DATE_LEAD_WORDS):
        return None  # "prices fall" is a verb; "summer camp" needs a lead word to be a date
    if rel == "the" and m["season"].lower() == "fall" and _is_fall_noun(ctx, m):
        return None  # "the fall of Raqqa", "the fall in oil prices": a collapse or a drop
    unknown = Point("season", None, season=code)
    if ctx.reference is None:
        return relative(ctx, None, unknown)
    relation = {"the coming": "next", "this coming": "next", "the past": "last", "this past": "last",
                "the": None, "": None}.get(rel, rel)

    def make(year: int) -> tuple[dt.date, dt.date] | None:
        return interval(Point("season", year, season=code))

    year = choose_year(ctx.reference, make, tense_at(ctx, m.start(), m.end()), relation)
    return relative(ctx, Point("season", year, season=code) if year else None, unknown)


# --------------------------------------------------------------------------- quarters and halves


def _ordinal_number(word: str, kind: str) -> int:
    """1-4 (or 1-2 for halves) from 'third', '3rd', 'final'; 0 when not one."""
    w = word.lower()
    if w in ("last", "final", "latter"):
        return 4 if kind == "quarter" else 2
    if w[:1].isdigit():
        return int(re.sub(r"\D", "", w))
    return ORDINALS.get(w, 0)


# Words that put a half or a quarter in a game, not in a year.
_GAME_WORDS = re.compile(
    r"\b(?:match|striker|goalkeeper|scored|kick-?off|half-?time|penalty|touchdown|referee"
    r"|whistle|innings?|stoppage\s+time|equali[sz]er)\b",
    re.IGNORECASE,
)


def _in_a_match(ctx: Ctx, m: Match) -> bool:
    """Whether the sentence around a half or quarter tells a game ("put Syria ahead with a
    strike early in the first half")."""
    lo, hi = sentence_start(ctx.text, m.start()), sentence_end(ctx.text, m.end())
    return _GAME_WORDS.search(ctx.text, lo, hi) is not None


def build_quarter(m: Match, ctx: Ctx) -> Built | None:
    """'the third quarter', 'third-quarter', 'the fiscal first quarter of 1990', "this year's
    fourth quarter", 'the year-ago third quarter', 'Q3 2025', 'the first half of 2025'."""
    gd = m.groupdict()
    if gd.get("pair"):
        kind, n = "half", 1 if gd["pair"].lower() == "first" else 2
    else:
        kind = "quarter" if gd.get("qn") or "quarter" in m.group(0).lower() else "half"
        n = int(gd["qn"]) if gd.get("qn") else _ordinal_number(gd.get("ord") or "", kind)
    if not 1 <= n <= (4 if kind == "quarter" else 2):
        return None
    if not (gd.get("year") or gd.get("ypos") or gd.get("yrel")) and _in_a_match(ctx, m):
        return None  # "scored early in the first half": a half or a quarter of a game
    back = 1 if gd.get("ago") else 0
    yrel = clean(gd.get("yrel"))
    year_text = gd.get("year") or gd.get("ypos")
    anchor: str | None = None
    year: int | None
    if year_text:
        year = int(year_text)
    elif ctx.reference is None:
        year = None
    elif yrel:
        year, anchor = ctx.reference.year + {"last": -1, "next": 1}.get(yrel, 0), "published"
    elif (closed := _ended_day(ctx, m.end())) is not None:
        # "the second quarter ended Oct. 31": the quarter of the year that day closed
        year, anchor = closed.year, "published"
    else:
        # A quarter not yet begun at the reference date is last year's, unless the clause
        # looks ahead ("expects a fourth-quarter charge").
        ref = ctx.reference
        months = 3 if kind == "quarter" else 6
        not_begun = (n - 1) * months + 1 > ref.month
        ahead = tense_at(ctx, m.start(), m.end()) == "future"
        year, anchor = (ref.year - 1 if not_begun and not ahead else ref.year), "published"
    if year is not None:
        year -= back
        if not valid_year(year):
            return None
    p = Point(kind, year, part=n)
    return Built("DATE", format_value(p), None, p, anchor, focus=not back)


# "the quarter ended Sept. 30": the text says which quarter, whatever is in focus.
_ENDED_ON = re.compile(
    r"\s*,?\s*(?:that\s+|which\s+)?(?:ended|ending|ends)\s+(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2})\b"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
# A quarter "ended Sept. 29" (a fiscal week's end) is still the third: the end of a reporting
# period may fall a few days short of the calendar quarter's.
QUARTER_END_SLACK_DAYS = 7


def _quarter_ended(ctx: Ctx, end: int) -> Point | None:
    """The calendar quarter a period "ended <day>" just after end is, when that day lies within
    QUARTER_END_SLACK_DAYS of a quarter's last day; the year is given, else the reference's, or
    the one before when "ended" would put the day after the reference."""
    m = _ENDED_ON.match(ctx.text, end)
    if m is None:
        return None
    word = m["month"].lower()
    month = MONTHS.get(word) or MONTH_ABBREVIATIONS.get(word)
    if month is None:
        return None
    year = int(m["year"]) if m["year"] else ctx.reference.year if ctx.reference else None
    if year is None or not valid_year(year):
        return None
    day = safe_date(year, month, int(m["day"]))
    if day is None:
        return None
    # "ended" is past; "ending" may be ahead ("the quarter ending Dec. 31 will be weak")
    ended = "ended" in m.group(0).lower()
    if not m["year"] and ended and ctx.reference is not None \
            and day > ctx.reference + dt.timedelta(days=QUARTER_END_SLACK_DAYS):
        day = safe_date(year - 1, month, day.day)
        if day is None:
            return None
    for q in range(1, 5):
        last = safe_date(day.year, 3 * q, 31 if q in (1, 4) else 30)
        if last is not None and 0 <= (last - day).days <= QUARTER_END_SLACK_DAYS:
            return Point("quarter", day.year, part=q)
    return None


def build_the_quarter(m: Match, ctx: Ctx) -> Built | None:
    """'the quarter', 'the latest quarter', 'the year-ago period', "last year's quarter", 'that
    quarter': the quarter in focus (or the last full one before the reference), a year back
    for year-ago."""
    det = clean(m["det"])
    noun = m["noun"].lower()
    tail = clean(m["tail"])
    back = 1 if _YEAR_BACK.search(det + " " + tail) else 0
    explicit = re.search(r"\d{4}", det)
    if noun == "period" and not (back or explicit or re.search(r"latest|recent|current|same", det)):
        return None  # "the period" alone is no date
    # The report's own quarter (resolved against the reference) before any explicit
    # comparison quarter ("the 1988 period") mentioned since.
    that = det.startswith("that")
    found = report_quarter(ctx, m.start()) if noun == "period" or "latest" in det else None
    found = found or focus_point(ctx, m.start(), ("quarter",), that, relative_only=True, window=PERIOD_WINDOW)
    found = found or focus_point(ctx, m.start(), ("quarter",), that, window=PERIOD_WINDOW)
    focus = found.built.point if found else None
    ended = _quarter_ended(ctx, m.end()) if noun == "quarter" and not back else None
    if ended is not None:
        return Built("DATE", format_value(ended), None, ended, None if explicit else "published")
    if noun == "period" and not explicit and not back and re.search(r"same|comparable|corresponding", det) \
            and "quarter" not in ctx.text[max(0, m.start() - PERIOD_WINDOW) : m.start()].lower():
        # "the same period" points back at whatever span was just named ("in the past 24 hours
        # ... in the same period"); only in a report about quarters is that a quarter. (The
        # words, not the history: builders are first tried without it.)
        return None
    if explicit:
        year = int(explicit.group(0))
        if not valid_year(year):
            return None
        p: Point | None = Point("quarter", year, part=focus.part) if focus else Point("year", year)
        return Built("DATE", format_value(p), None, p, None) if p else None
    anchor = "published"
    if focus is not None and not re.search(r"current|this|recent", det) and (
        "latest" not in det or found is report_quarter(ctx, m.start())
    ):
        p = focus
    elif ctx.reference is not None:
        current = truncate(day_point(ctx.reference), "quarter")
        p = current if re.search(r"current|this", det) else shift(current, -1, "quarter")
    else:
        return Built("DATE", "XXXX-QX", None, Point("quarter"), None)
    if p is not None and back:
        p = shift(p, -1, "year")
    if p is None:
        return None
    return Built("DATE", format_value(p), None, p, anchor, focus=not back and not det.startswith("that"))


def build_year_ago_adj(m: Match, ctx: Ctx) -> Built | None:
    """'year-earlier', 'year-ago' as adjectives: the quarter (or year) in focus a year back."""
    found = focus_point(ctx, m.start(), ("quarter", "half", "month", "year"))
    if found is not None and found.built.point is not None:
        focus = found.built.point
        # A date in focus that is already before the reference year is the comparison period
        # itself ("Last year net was $235 million. The year-earlier results ..."): shifting it
        # again would go two years back.
        past = ctx.reference is not None and focus.year is not None and focus.year < ctx.reference.year
        p = focus if past else shift(focus, -1, "year")
        if p is not None:
            return Built("DATE", format_value(p), None, p, "published", focus=False)
    if ctx.reference is None:
        return Built("DATE", "XXXX", None, Point("year"), None, focus=False)
    return relative(ctx, Point("year", ctx.reference.year - 1), Point("year"), focus=False)


# --------------------------------------------------------------------------- days and weekdays


def build_day_word(m: Match, ctx: Ctx) -> Built | None:
    """'today', 'yesterday', 'tomorrow', 'tonight', 'overnight', 'yesterday morning'."""
    word = clean(m["w"])
    if word == "today" and _TITLE_BEFORE_TODAY.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # a newspaper or programme title
    if m["w"] in ("Today", "Tonight", "Overnight") and _MID_SENTENCE.search(ctx.text, max(0, m.start() - 3), m.start()):
        return None  # capitalised inside a sentence: a title ("told Today", "The Tonight Show", "Overnight Defense")
    if m["w"] == "TODAY" and _MASTHEAD_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        # a masthead: one word in capitals opens the line ("USA TODAY", "VELDORA TODAY 3 Min
        # Read"); a headline in capitals keeps its day ("TALKS RESUME TODAY IN OSTREL")
        return None
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": -1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    pod = PARTS_OF_DAY.get(clean(m["pod"])) or ("NI" if word in ("tonight", "overnight") else None)
    unknown = Point("pod" if pod else "day", pod=pod)
    if word == "overnight" and tense_at(ctx, m.start(), m.end()) != "future":
        # In a story about a past day ("Shares fell Friday, depressed by overnight losses")
        # "overnight" is the night before the day named in this or the previous sentence.
        found = anchor_point(ctx, m.start(), "day", since=sentence_start(ctx.text, m.start(), 1))
        span = interval(found[0]) if found else None
        if found and span and span[0] != ctx.reference:
            p0 = replace(day_point(span[0] - dt.timedelta(days=1)), gran="pod", pod="NI")
            return Built("TIME", format_value(p0), None, p0, found[1], focus=False)
    if ctx.reference is None:
        return relative(ctx, None, unknown, "TIME" if pod else "DATE")
    p = day_point(ctx.reference + dt.timedelta(days=offset))
    if pod:
        p = replace(p, gran="pod", pod=pod)
    return relative(ctx, p, unknown, "TIME" if pod else "DATE")


def build_part_of_day(m: Match, ctx: Ctx) -> Built | None:
    """'in the morning' (of the day in focus, else the reference day), 'mid-afternoon',
    'late evening', 'mid-afternoon yesterday'."""
    pod = PARTS_OF_DAY[(m["pod"] or m["pod2"]).lower()]
    mod = {"mid": "MID", "late": "END", "early": "START"}.get(clean(m["pmod"]))
    unknown = Point("pod", pod=pod)
    offset = {"yesterday": -1, "tomorrow": 1, "today": 0}.get(clean(m["dw"]), 0)
    if not m["dw"] and not m["pmod"]:
        found = anchor_point(ctx, m.start(), "day")
        span = interval(found[0]) if found else None
        if found and span:
            p0 = replace(day_point(span[0]), gran="pod", pod=pod)
            return Built("TIME", format_value(p0), mod, p0, found[1], focus=False)
    if ctx.reference is None:
        return relative(ctx, None, unknown, "TIME", mod)
    p = replace(day_point(ctx.reference + dt.timedelta(days=offset)), gran="pod", pod=pod)
    return relative(ctx, p, unknown, "TIME", mod)


def build_ref_word(m: Match, ctx: Ctx) -> Built | None:
    """'now', 'currently', 'recently', 'the past', 'the future', 'soon': TIMEX3 *_REF values."""
    if m["present"]:
        value = "PRESENT_REF"
        if clean(m["present"]) == "current" and re.match(
            _CURRENT_TERMS, after(ctx, m.end(), 25), re.I
        ):
            return None  # "current account", "current affairs" are terms
        if re.match(r"\s+and\s+(?:then|again)\b", after(ctx, m.end(), 15), re.I):
            return None  # "every now and then", "now and again": from time to time, not the present
    elif m["past"]:
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
        word = clean(m["future"])
        if word == "soon" and re.search(r"\bas\s+$", ctx.text[max(0, m.start() - 4) : m.start()], re.I):
            return None  # "as soon as" is a conjunction
        if word == "soon" and (
            re.match(r"\s+(?:after|before|afterwards?|thereafter)\b", after(ctx, m.end(), 15), re.I)
            or tense_at(ctx, m.start(), m.end()) == "past"
        ):
            return None  # "was soon released", "soon after": relative to a past event, not to now
        if word == "the future" and re.match(r"\s+of\b", after(ctx, m.end(), 6), re.I):
            return None  # "the future of the company": its prospects, not a time
        if word in ("one day", "some day", "someday") and not re.search(
            _MODAL_BEFORE, ctx.text[max(0, m.start() - 12) : m.start()], re.I
        ):
            return None
    p = day_point(ctx.reference) if value == "PRESENT_REF" and ctx.reference else None
    return Built("DATE", value, None, p, "published" if ctx.reference else None, focus=False)


def build_weekday(m: Match, ctx: Ctx) -> Built | None:
    """'Monday', 'last Friday', 'this coming Sunday', 'Wednesday night', 'the previous Friday',
    'Mondays' (a set)."""
    name = m["wd"].lower()
    if name.endswith("s") and name[:-1] in WEEKDAYS:
        return Built("SET", f"XXXX-WXX-{WEEKDAYS[name[:-1]]}", None, None, None)
    wd = WEEKDAYS[name]
    if _TITLE_AFTER_WEEKDAY.match(after(ctx, m.end(), 20)):
        return None  # a newspaper or show named after the day
    relation = clean(m["rel"]) or None
    pod = PARTS_OF_DAY.get(clean(m["pod"]))
    # "Wednesday night" is a DATE (value ...TNI): AQUAINT types it so in 19 of 21 cases,
    # TimeBank as TIME in its 4; the larger practice wins.
    type_: TimexType = "DATE"
    unknown = Point("pod" if pod else "day", weekday=wd, pod=pod)
    anaphoric = relation in ("the previous", "the following", "the next")
    found = anchor_point(ctx, m.start(), "day", window=NARRATIVE_WINDOW) if anaphoric else None
    span = interval(found[0]) if found else None
    if found is not None and span is not None:
        d = resolve_weekday(span[0], wd, "last" if relation == "the previous" else "next", None)
        p = day_point(d) if not pod else replace(day_point(d), gran="pod", pod=pod)
        return Built(type_, format_value(p), None, p, found[1], focus=False)
    if anaphoric:  # nothing to be relative to: the reference will do
        relation = "last" if relation == "the previous" else "next"
    if ctx.reference is None:
        return Built(type_, format_value(unknown), None, unknown, None)
    d = resolve_weekday(ctx.reference, wd, relation, tense_at(ctx, m.start(), m.end()))
    p = day_point(d) if not pod else replace(day_point(d), gran="pod", pod=pod)
    return relative(ctx, p, unknown, type_)


def build_holiday(m: Match, ctx: Ctx) -> Built | None:
    """'Christmas', 'Thanksgiving Day', 'last Thanksgiving', 'Easter 2024', 'Easter week'."""
    name = m["hname"]
    # Holy Week and Easter week run up to Easter Sunday: the ISO week that ends on it.
    week = re.search(r"week$", name, re.I) is not None
    if week:
        name = "easter"

    def point(d: dt.date) -> Point:
        iso = d.isocalendar()
        return Point("week", iso[0], week=iso[1]) if week else day_point(d)

    if m["year"]:
        d = holiday_date(name, int(m["year"]))
        return absolute(point(d)) if d else None
    unknown = Point("week" if week else "day")
    if ctx.reference is None:
        return Built("DATE", format_value(unknown), None, unknown, None)

    def make(year: int) -> tuple[dt.date, dt.date] | None:
        d = holiday_date(name, year)
        return (d, d) if d else None

    tense = tense_at(ctx, m.start(), m.end())
    year = choose_year(ctx.reference, make, tense, clean(m["rel"]) or None)
    told = story_year(ctx, m.start(), make, year, tense) if not m["rel"] else None
    if told is not None and (d_told := holiday_date(name, told[0])) is not None:
        return Built("DATE", format_value(point(d_told)), None, point(d_told), told[1])
    d = holiday_date(name, year) if year else None
    return relative(ctx, point(d) if d else None, unknown)


def build_year_end(m: Match, ctx: Ctx) -> Built | None:
    """'year-end', "year's end": the end of the reference year (of last year when the text looks
    back: "since year-end"), which TimeML writes as the year with the modifier END, as it does
    "the end of the year"."""
    if ctx.reference is None:
        return Built("DATE", "XXXX", "END", Point("year"), None)
    year = ctx.reference.year
    lead = ctx.text[max(0, m.start() - 12) : m.start()].lower()
    if "since" in lead or (tense_at(ctx, m.start(), m.end()) == "past" and not re.search(r"\bby\s+$", lead)):
        year -= 1
    return relative(ctx, Point("year", year), Point("year"), mod="END")


# --------------------------------------------------------------------------- relative units


def unit_of(word: str) -> str:
    """Singular unit from 'weeks', 'centuries', 'fiscal year'."""
    w = word.lower().split()[-1]
    if w == "centuries":
        return "century"
    if w == "millennia":
        return "millennium"
    return w[:-1] if w.endswith("s") and w[:-1] in UNIT_CODES else w


def deictic_point(ref: dt.date, unit: str, n: int) -> Point | None:
    """The unit containing the reference day, moved by n units."""
    base = day_point(ref)
    gran = UNIT_GRAN.get(unit)
    if gran is None:
        return None
    if gran == "weekend":
        week = week_of(ref)
        return shift(Point("weekend", week.year, week=week.week), n, "week")
    cur = base if gran == "day" else truncate(base, gran)
    steps = n * (2 if unit == "fortnight" else 1)
    return shift(cur, steps, gran) if steps else cur


# ISO number of Sunday, the last day of an ISO week.
SUNDAY = 7
ANAPHORIC_RELATIONS = frozenset({
    "the following", "the next", "the previous", "the preceding", "the prior", "the same", "that",
    "that same", "the very same",
})


SAME_RELATIONS = frozenset({"the same", "that", "that same", "the very same"})


def same_day_in_month(ctx: Ctx, pos: int, rel: str, gran: str,
                      day: tuple[Point, str] | None) -> tuple[Point, str] | None:
    """'that same day' after a month a later sentence told ("Slepian was killed last October
    ... His name was crossed out that same day") is a day of that month, not an older day
    named before it: TimeML's 1998-10-XX. The day named before stays the anchor when it lies in
    that month, when its sentence also names the month (the month is background: "On 3 June
    she resigned; she had been appointed in January"), or when the month only qualifies a noun
    ("the March deadline")."""
    if rel not in SAME_RELATIONS or gran != "day":
        return None
    latest = anchor_point(ctx, pos, "year", window=NARRATIVE_WINDOW)
    if latest is None or latest[0].gran != "month":
        return None
    month, at = latest[0], _offset(latest[1])
    if re.search(r"\b(?:the|a|an)\s+$", ctx.text[max(0, at - 4):at], re.I):
        return None
    if day is not None:
        d = day[0]
        if (d.year, d.month) == (month.year, month.month) or _offset(day[1]) >= sentence_start(ctx.text, at):
            return None
    return Point("day", month.year, month.month), latest[1]


def _offset(anchor: str) -> int:
    """Where the expression an anchor names starts ("offset:123"); -1 for the publication day."""
    return int(anchor.split(":", 1)[1]) if anchor.startswith("offset:") else -1


def build_deictic(m: Match, ctx: Ctx) -> Built | None:
    """'this week', 'last month', 'next year', 'this morning', 'last night', 'the coming week',
    'the current quarter', 'the weekend'; and anaphoric 'the following day', 'that year'."""
    rel = clean(m["rel"])
    unit = unit_of(m["unit"])
    if rel == "the" and unit != "weekend":
        return None
    pod = PARTS_OF_DAY.get(unit) if unit in ("morning", "afternoon", "evening", "night") else None
    if unit == "night" and rel not in ("last", "that", "the same", *ANAPHORIC_RELATIONS):
        pod = "NI"
    type_: TimexType = "TIME" if pod else "DATE"
    gran = "pod" if pod else UNIT_GRAN.get(unit, "year")
    unknown = Point("weekend") if gran == "weekend" else Point(gran, pod=pod)
    direction = 0
    if rel in ("last", "the previous", "the preceding", "the prior", "previous"):
        direction = -1
    elif rel in ("next", "the following", "the next", "the coming", "coming"):
        direction = 1
    if rel in ANAPHORIC_RELATIONS:
        found = anchor_point(ctx, m.start(), "day" if pod else gran, window=NARRATIVE_WINDOW)
        within = same_day_in_month(ctx, m.start(), rel, gran, found) if not pod else None
        if within is not None:
            return Built(type_, format_value(within[0]), None, within[0], within[1], focus=False)
        if found is None:
            # "that day" points away from the present: with no date in focus it is some day
            # already told of, never the publication day.
            if ctx.reference is None or rel.startswith("that"):
                return Built(type_, format_value(unknown), None, unknown, None, focus=False)
            base, anchor = day_point(ctx.reference), "published"
        else:
            base, anchor = found
        span = interval(base)
        if span is None:
            return None
        if pod:
            p: Point | None = replace(day_point(span[0] + dt.timedelta(days=direction)), gran="pod", pod=pod)
        elif gran == "weekend":
            week = week_of(span[0])
            p = shift(Point("weekend", week.year, week=week.week), direction, "week")
        else:
            p = day_point(span[0]) if gran == "day" else truncate(base, gran)
            p = shift(p, direction, gran) if direction else p
        return Built(type_, format_value(p), None, p, anchor, focus=False) if p else None
    ref = ctx.reference
    if ref is None:
        return Built(type_, format_value(unknown), None, unknown, None)
    if pod:
        # "last night" is the night before; "this morning", "tonight" are today's.
        d = ref - dt.timedelta(days=1) if rel == "last" and unit == "night" else ref
        return relative(ctx, replace(day_point(d), gran="pod", pod=pod), unknown, "TIME")
    if gran == "weekend" and rel in ("the", "this"):
        week = week_of(ref)
        tense = tense_at(ctx, m.start(), m.end())
        if rel == "the" and ref.isoweekday() < 6 and tense != "future":
            direction = -1  # "over the weekend" in a weekday's paper: the one just past
        if rel == "this" and ref.isoweekday() < 6 and tense == "past":
            direction = -1  # "officials met this weekend" in Monday's paper: the one just past
        return relative(ctx, shift(Point("weekend", week.year, week=week.week), direction, "week"), unknown)
    sunday = ref.isoweekday() == SUNDAY
    if rel == "this" and unit == "week" and sunday and tense_at(ctx, m.start(), m.end()) == "future":
        # A Sunday paper's "will meet this week" is the working week that starts tomorrow: the
        # ISO week of the reference ends that Sunday.
        direction = 1
    return relative(ctx, deictic_point(ref, unit, direction), unknown)


def build_unit_before(m: Match, ctx: Ctx) -> Built | None:
    """'the day before', 'the week after', 'the year before': one unit from the date in focus."""
    unit = unit_of(m["unit"])
    gran = UNIT_GRAN.get(unit, "day")
    sign = -1 if m["dir"].lower() in ("before", "earlier") else 1
    found = anchor_point(ctx, m.start(), gran, window=NARRATIVE_WINDOW)
    if found is None:
        if ctx.reference is None:
            return Built("DATE", format_value(Point(gran)), None, Point(gran), None, focus=False)
        base, anchor = day_point(ctx.reference), "published"
    else:
        base, anchor = found
    p = shift(base if gran == "day" else truncate(base, gran), sign, gran)
    if p is None:
        return None
    if gran == "day":
        p = Point("day", p.year, p.month, p.day)
    return Built("DATE", format_value(p), None, p, anchor, focus=False)


def build_the_unit(m: Match, ctx: Ctx) -> Built | None:
    """'the year', 'the full year', 'the fiscal year', 'the week' in a report: the one of the
    reference (or in focus); 'the year ended June 30' is a duration."""
    unit = unit_of(m["unit"])
    tail = after(ctx, m.end(), 14).lower()
    if re.match(r"\s+(?:ended|ending|to\s+(?:date|\w+\s+\d)|through|that\s+ended)", tail):
        return Built("DURATION", duration_value(Fraction(1), unit), None, None, None)
    adj = clean(m["adj"])
    if not adj and not _AFTER_THE_UNIT.match(tail):
        return None
    if "latest" in adj or "last" in adj:
        base = deictic_point(ctx.reference, unit, -1) if ctx.reference else None
        return relative(ctx, base, Point(UNIT_GRAN[unit]))
    gran = UNIT_GRAN[unit]
    found = focus_point(ctx, m.start(), ("year", "half", "quarter", "month"))
    # Only a date of the same passage, and never for "the full/current year", which is the
    # reference's.
    near = found is not None and m.start() - found.end <= THE_UNIT_FOCUS_CHARS and not adj
    p = found.built.point if found and near else None
    if p is not None and GRANULARITIES.index(p.gran) >= GRANULARITIES.index(gran) and gran != "week":
        t = truncate(p, gran)
        return Built("DATE", format_value(t), None, t, "published")
    if ctx.reference is None:
        return Built("DATE", format_value(Point(gran)), None, Point(gran), None)
    return relative(ctx, deictic_point(ctx.reference, unit, 0), Point(gran))


def build_in_the_unit(m: Match, ctx: Ctx) -> Built | None:
    """'earlier in the day', 'later in the week': the reference's unit, start or end."""
    unit = m["unit"].lower()
    mod = "START" if m["el"].lower().startswith("earl") else "END"
    gran = UNIT_GRAN[unit]
    # A story told about another day goes on with that day: "On Tuesday, she posted a video.
    # Later in the day, he thanked her" is later on Tuesday, not on the day of publication.
    found = anchor_point(ctx, m.start(), "day" if unit == "day" else gran,
                         since=sentence_start(ctx.text, m.start(), 1))
    span = interval(found[0]) if found else None
    if found is not None and span is not None:
        p0 = truncate(day_point(span[0]), gran)
        return Built("DATE", format_value(p0), mod, p0, found[1], focus=False)
    p = deictic_point(ctx.reference, unit, 0) if ctx.reference else None
    return relative(ctx, p, Point(gran), mod=mod)


# --------------------------------------------------------------------------- durations and offsets


def duration_value(count: Fraction | None, unit: str) -> str:
    """P3M, PT2H, P1Y6M, PXW: a TIMEX3 duration (quarters as months, decades as years)."""
    unit = unit.lower()
    if unit in UNIT_MULTIPLIERS:
        mult, code = UNIT_MULTIPLIERS[unit]
        if count is None:
            return {"decade": "PXDE", "century": "PXCE", "millennium": "PXML"}.get(unit, f"PX{code}")
        count, unit = count * mult, {"Y": "year", "W": "week", "M": "month"}[code]
    if unit == "weekend":
        return "PXWE" if count is None else f"P{int(count * 2)}D"
    code = UNIT_CODES.get(unit, "X")
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    if count is None:
        return f"{prefix}X{code}"
    if count.denominator == 1:
        return f"{prefix}{count.numerator}{code}"
    smaller = {"year": (12, "M", False), "month": (30, "D", False), "week": (7, "D", False),
               "day": (24, "H", True), "hour": (60, "M", True), "minute": (60, "S", True)}.get(unit)
    if smaller is None:
        return f"{prefix}{float(count):g}{code}"
    factor, small_code, small_is_time = smaller
    whole = int(count)
    small = (count - whole) * factor
    small_text = f"{int(small)}" if small.denominator == 1 else f"{float(small):g}"
    head = f"{whole}{code}" if whole else ""
    if small_is_time and prefix == "P":
        return f"P{head}T{small_text}{small_code}"
    return f"{prefix}{head}{small_text}{small_code}"


def build_duration(m: Match, ctx: Ctx) -> Built | None:
    """'three months', 'the past two weeks', 'two-year', 'several days', 'an hour and a half',
    'the first nine months', 'two to three weeks'."""
    gd = m.groupdict()
    unit = unit_of(gd["unit"])
    num_text = clean(gd.get("num"))
    if re.search(r"-old\b|\s+old\b|\s+of\s+age\b", m.group(0) + after(ctx, m.end(), 8).lower()[:8]):
        return None  # ages are not time expressions in TimeBank
    count = parse_count(num_text) if num_text else Fraction(1)
    if num_text and count is None and not re.fullmatch(VAGUE_RE, num_text):
        return None
    if gd.get("half") and count is not None:
        count += Fraction(1, 2)
    if unit == "second" and num_text in ("a", "an", "one"):
        return None  # "a second time" is an ordinal
    fraction = num_text in ("a", "an", "one", "two", "three")
    if unit == "quarter" and fraction and re.match(r"\s+of\b", after(ctx, m.end(), 6)):
        return None  # "three quarters of the vote"
    if unit == "quarter" and count is None and prev_word(ctx, m.start()) in ("in", "from", "among"):
        return None  # "viewed in some quarters as a reformer": circles of opinion, not periods
    if count is not None and count == 0:
        return None
    if num_text in ("a", "an") and m.group(0)[:2].lower() in ("a ", "an") and is_rate(ctx, m.start()):
        return None  # "$40 million a year", "700 seats a week": a rate, not a duration
    return Built("DURATION", duration_value(count, unit), None, None, None)


def build_century_part(m: Match, ctx: Ctx) -> Built | None:
    """'a quarter century', 'half a century': 25 or 50 years."""
    years = 25 if (m["part"] or "").lower() == "quarter" else 50
    return Built("DURATION", f"P{years}Y", None, None, None)


def build_long(m: Match, ctx: Ctx) -> Built | None:
    """'day-long', 'yearlong', 'decades-long', 'two-year-long'."""
    unit_text = m["unit"].lower()
    count = None if unit_text.endswith("s") else Fraction(1)
    if m["num"] and count is not None:
        count = parse_count(clean(m["num"]))
        if count is None or count == 0:
            return None
    return Built("DURATION", duration_value(count, unit_of(unit_text)), None, None, None)


def build_vague_duration(m: Match, ctx: Ctx) -> Built | None:
    """'for weeks', 'the past few years', 'a while', 'some time': an unknown number of units."""
    unit = m["unit"].lower() if m["unit"] else ""
    if not unit:
        return Built("DURATION", "PXX", None, None, None)
    return Built("DURATION", duration_value(None, unit_of(unit)), None, None, None)


# Words before "the past year" that make it the twelve months up to the reference, not the
# calendar year before ("grew over the past year", "has been held for the past year").
SPAN_LEADS = frozenset({"over", "during", "throughout", "for"})


def build_past_units(m: Match, ctx: Ctx) -> Built | None:
    """'the past few weeks' (an unknown number of units), 'the past year' (one)."""
    if m["unit"]:
        return build_vague_duration(m, ctx)
    unit = unit_of(m["unit1"])
    if unit == "year" and prev_word(ctx, m.start()) not in SPAN_LEADS:
        # TimeBank reads a singular "the past year" like "last year": the calendar year before.
        ref = ctx.reference
        return relative(ctx, deictic_point(ref, unit, -1) if ref else None, Point("year"))
    return Built("DURATION", duration_value(Fraction(1), unit), None, None, None)


def build_vague_span(m: Match, ctx: Ctx) -> Built | None:
    """'recent years', 'the coming months', 'the weeks ahead': an unknown number of units."""
    unit = m["unit"] or m["unit2"]
    return Built("DURATION", duration_value(None, unit_of(unit)), None, None, None)


# Words before a bare plural unit that make it a duration: "for weeks", "within months".
BARE_UNIT_LEADS = frozenset({"for", "within", "in", "over", "took", "lasted", "spent", "than", "after"})


def build_bare_units(m: Match, ctx: Ctx) -> Built | None:
    """'for weeks', 'within months', 'for a while': an unknown length, after a lead word."""
    if prev_word(ctx, m.start()) not in BARE_UNIT_LEADS or ctx.text[max(0, m.start() - 1)] != " ":
        return None
    return build_vague_duration(m, ctx)


def build_vague_ref(m: Match, ctx: Ctx) -> Built | None:
    """'recent years', 'in coming months', 'the weeks ahead', 'months ago': past or future."""
    word = clean(m["vw"])
    value = "FUTURE_REF" if word in ("coming", "ahead", "later", "upcoming", "from now") else "PAST_REF"
    return Built("DATE", value, None, None, "published" if ctx.reference else None, focus=False)


def build_offset(m: Match, ctx: Ctx) -> Built | None:
    """'two days ago', 'a year earlier', 'three weeks later', 'a month from now': a date moved
    from the reference ("ago", "from now") or from the date in focus ("earlier", "later")."""
    unit = unit_of(m["unit"])
    count = parse_count(clean(m["num"]))
    word = clean(m["dir"])
    sign = -1 if word in ("ago", "earlier", "before", "back", "previously", "prior") else 1
    gran = UNIT_GRAN.get(unit, "year")
    if unit in ("hour", "minute", "second"):
        # Clock offsets ("two hours later") have no calendar day of their own: keep a duration.
        return Built("DURATION", duration_value(count, unit), None, None, None)
    deictic = word in ("ago", "from now", "hence", "back")
    base: Point | None = None
    anchor = "published"
    if gran in ("year", "half", "decade", "century"):
        # "a year ago" in a report on a quarter is that quarter a year back (TimeBank).
        q = focus_point(ctx, m.start(), ("quarter",)) if unit == "year" and count == 1 else None
        if q is not None:
            base = q.built.point
    elif not deictic:
        found = anchor_point(ctx, m.start(), gran)
        latest = focus_point(ctx, m.start(), window=m.start() - sentence_start(ctx.text, m.start(), 1))
        coarse = latest is not None and latest.built.point is not None and found is not None \
            and GRANULARITIES.index(latest.built.point.gran) < GRANULARITIES.index(gran) \
            and latest.start > int(found[1].split(":")[1])
        if found is not None and not coarse:
            base, anchor = found
    if base is None and not deictic and gran in ("year", "decade", "century"):
        found_any = focus_point(ctx, m.start())
        if found_any is not None and found_any.built.point is not None:
            base = truncate(found_any.built.point, gran)
    if base is None and not deictic and sign > 0 and tense_at(ctx, m.start(), m.end()) == "past":
        # "They registered and six months later flew to the UK": told in the past, the date
        # lies before the reference, so the reference is no anchor; with none named nearby the
        # date stays unknown (a duration when the count is vague)
        if count is None:
            return Built("DURATION", duration_value(None, unit), None, None, None)
        unknown = Point("week" if gran == "weekend" else gran)
        return Built("DATE", format_value(unknown), None, unknown, None, focus=False)
    if base is None and ctx.reference is not None:
        today = day_point(ctx.reference)
        base = today if gran in ("day", "weekend") else truncate(today, gran)
    if count is None or base is None or count.denominator != 1:
        if count is None and not deictic:
            # "a few days later": no date to name, but the span is a duration
            return Built("DURATION", duration_value(None, unit), None, None, None)
        if base is None or count is None:
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
            return Built("DATE", value, None, None, "published" if ctx.reference else None, focus=False)
        return Built("DATE", format_value(Point(gran)), None, Point(gran), None, focus=False)
    n = sign * int(count)
    if gran == "weekend":
        gran = "week"
    if gran == "day":
        step_base = Point("day", base.year, base.month, base.day, base.week, base.weekday)
    elif base.gran == "quarter" and gran == "year":
        step_base = base
    else:
        step_base = truncate(base, gran)
    p = shift(step_base, n, gran)
    if p is None:
        return None
    anchor_out = anchor if ctx.reference or not deictic else None
    return Built("DATE", format_value(p), None, p, anchor_out, focus=False)


# --------------------------------------------------------------------------- sets and times

SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
    "fortnightly": "P2W", "biannually": "P6M", "semiannually": "P6M",
}


def _publication_name(ctx: Ctx, m: Match) -> bool:
    """Whether "daily" or "weekly" is a noun for a newspaper, as before its name ("the party
    daily Granma", "the business weekly Nikkei"): a word of the sentence before it and a
    capitalised name, not a weekday or month, after it."""
    name = _NAME_AFTER.match(ctx.text, m.end())
    if name is None or name["name"].lower() in WEEKDAYS or month_number(name["name"]) is not None:
        return False
    return re.search(r"[A-Za-z]\s+$", ctx.text[max(0, m.start() - 3) : m.start()]) is not None


def build_set(m: Match, ctx: Ctx) -> Built | None:
    """'every Monday', 'each year', 'daily', 'twice a week', 'every two weeks'."""
    gd = m.groupdict()
    if gd.get("adv"):
        if ctx.pos(m.start(), m.end()) in ("ADJ", "NOUN", "PROPN") or (
            ctx.pos(m.start(), m.end()) is None and re.match(r"\s+[a-z]{3,}", after(ctx, m.end(), 15))
            and not _FUNCTION_WORD_AFTER.match(after(ctx, m.end(), 15))
        ):
            return None  # "quarterly dividend", "the party daily": adjectives and nouns
        if is_rate(ctx, m.start()):
            return None  # "rose 8% annually", "10,000 units annually": a rate
        if _publication_name(ctx, m):
            return None  # "the Communist Party daily Granma": a newspaper
        return Built("SET", SET_ADVERBS[gd["adv"].lower()], None, None, None)
    what = (gd.get("what") or "").lower()
    if what:
        if what.rstrip("s") in WEEKDAYS:
            return Built("SET", f"XXXX-WXX-{WEEKDAYS[what.rstrip('s')]}", None, None, None)
        month = month_number(what)
        if month:
            return Built("SET", f"XXXX-{month:02d}", None, None, None)
        if what in ("morning", "afternoon", "evening", "night"):
            return Built("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}", None, None, None)
        if what in SEASONS:
            return Built("SET", f"XXXX-{SEASONS[what]}", None, None, None)
        count = parse_count(clean(gd.get("num"))) if gd.get("num") else Fraction(1)
        return Built("SET", duration_value(count, unit_of(what)), None, None, None)
    return Built("SET", duration_value(Fraction(1), unit_of(gd["unit"])), None, None, None)


def _clock(m: Match) -> tuple[int, int] | None:
    """Hour and minute (24-hour clock) of a clock-time match; None when impossible."""
    word = clean(m["cword"])
    if word in ("noon", "midday"):
        return 12, 0
    if word == "midnight":
        return 24, 0
    hour_text = m["h"] or m["h2"] or m["h3"]
    if hour_text is None:
        return None
    h = int(hour_text) if hour_text.isdigit() else NUMBER_WORDS.get(hour_text.lower(), -1)
    mi = int(m["mi"] or m["mi2"] or 0)
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    pod = clean(m["cpod"])
    if ap or pod:
        if not 1 <= h <= 12:
            return None
        if (ap.startswith("p") or pod in ("afternoon", "evening", "night")) and h != 12:
            h += 12
        if ap.startswith("a") and h == 12:
            h = 0
    return (h, mi) if 0 <= h <= 24 and 0 <= mi <= 59 else None


def _sentence_day(m: Match, ctx: Ctx, day_builders: list[tuple[re.Pattern[str], Builder]]) -> tuple[Point, str] | None:
    """The day a clock time with no day of its own falls on when its sentence names one: the
    last day-level date before it in the sentence ("On Friday, ... at 10 p.m."), else the first
    after it ("at about 10:35 a.m. (0735 GMT) Friday"). A sentence of news tells one event."""
    since = sentence_start(ctx.text, m.start())
    for f in reversed(ctx.history):
        if f.start < since:
            break
        p = f.built.point
        span = interval(p) if p is not None and p.gran in DAY_GRANS and p.year is not None else None
        if span is not None and f.built.type in ("DATE", "TIME") and f.end <= m.start():
            return day_point(span[0]), f"offset:{f.start}"
    stop = sentence_end(ctx.text, m.end())
    outer = tense_at(ctx, m.start(), m.end())
    day_ctx = replace(ctx, tense=lambda s, e: outer)
    found: tuple[int, Point] | None = None
    for pattern, build in day_builders:
        for mm in pattern.finditer(ctx.text, m.end(), stop):
            if found is not None and mm.start() >= found[0]:
                break
            b = build(mm, day_ctx)
            if b is not None and b.point is not None and b.point.gran in DAY_GRANS and b.point.year is not None:
                span = interval(b.point)
                if span is not None:
                    found = (mm.start(), day_point(span[0]))
                break
    return (found[1], "published") if found is not None else None


# What makes a bare "14:30" a time of day: a word before it that places something in time,
# or a time zone or "hours" after it.
_CLOCK_LEAD = re.compile(
    r"\b(?:at|by|until|till|from|before|after|around|about|since|to|between|and|on|approximately|"
    r"shortly|nearly|almost|past)\s+$",
    re.IGNORECASE,
)
_CLOCK_TRAIL = re.compile(r"\s*(?:h\b|hrs?\b|hours\b|GMT|UTC|CET|CEST|EET|local\s+time)", re.IGNORECASE)


def _clock_signalled(m: Match, text: str) -> bool:
    """Whether a bare clock time ("14:30", no a.m./p.m.) is said to be a time of day."""
    if re.search(r"[A-Z]{2,}|[a-z]", m.group(0)[m.end("mi2") - m.start() :]):
        return True  # a time zone matched inside the expression
    lead = text[max(0, m.start() - 16) : m.start()]
    return bool(_CLOCK_LEAD.search(lead) or _CLOCK_TRAIL.match(text, m.end()))


def build_time(m: Match, ctx: Ctx, day_builders: list[tuple[re.Pattern[str], Builder]]) -> Built | None:
    """'10:35 a.m.', '5 p.m. EST', 'noon', 'four in the morning', and a day after it ('10 p.m.
    Wednesday', 'noon Thursday', '5 p.m. EST, Nov. 6')."""
    hm = _clock(m)
    if hm is None:
        return None
    if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.IGNORECASE):
        return None  # "High Noon", "high noon comes today": the film and the figure of speech
    h, mi = hm
    group = "tail" if m["tail"] else "ltail" if m["ltail"] else ""
    if m["h2"] and not group and not _clock_signalled(m, ctx.text):
        return None  # "MUST WATCH ... 03:16": a video's length, a score, a verse
    day: Point | None = None
    anchor: str | None = None
    if group:
        start, stop = m.start(group), m.end(group)
        lead = re.match(r"[,\s]*", ctx.text[start:stop])
        start += lead.end() if lead else 0
        # The day takes its tense from the whole expression: "until 9 a.m. Tuesday" lies ahead
        # because of the "until" before the clock time.
        outer = tense_at(ctx, m.start(), m.end())
        day_ctx = replace(ctx, tense=lambda s, e: outer)
        for pattern, build in day_builders:
            mm = pattern.match(ctx.text, start)
            if mm is not None and mm.end() == stop:
                b = build(mm, day_ctx)
                if b is not None and b.point is not None:
                    day, anchor = b.point, b.anchor
                break
    elif ctx.reference is not None:
        day, anchor = _sentence_day(m, ctx, day_builders) or (day_point(ctx.reference), "published")
    if day is None or day.gran != "day":
        p = Point("time", None, hour=h, minute=mi)
        return Built("TIME", format_value(p), None, p, None)
    p = replace(day, gran="time", hour=h, minute=mi)
    return Built("TIME", format_value(p), None, p, anchor)
