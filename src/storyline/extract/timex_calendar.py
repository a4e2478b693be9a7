"""Calendar arithmetic on TIMEX3 values: parse, shift, format, and the interval a value covers.

A value is held as a ``Point``: a granularity and the calendar fields it fixes. Years that are
not known stay ``None`` and print as ``XXXX``, so nothing here ever invents a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..model import DateValue, Granularity
from .timex_lexicon import SEASON_MONTHS

# Years TIMEX3 (ISO 8601 without expansion) can write: four digits, and year 0 does not exist
# in the proleptic Gregorian calendar that datetime uses.
MIN_YEAR, MAX_YEAR = 1, 9999

# Granularities from coarsest to finest; "pod" is a part of day (morning), "time" a clock time.
GRANULARITIES = (
    "millennium", "century", "decade", "year", "half", "quarter", "season", "month", "week",
    "weekend", "day", "pod", "time",
)
# What DateValue.granularity can say for each internal granularity (schema.md has no half,
# decade or century: those keep their interval but say "unknown").
SCHEMA_GRANULARITY: dict[str, Granularity] = {
    "year": "year", "half": "unknown", "quarter": "quarter", "season": "season", "month": "month",
    "week": "week", "weekend": "week", "day": "day", "pod": "day", "time": "day",
}
SEASON_ORDER = ("SP", "SU", "FA", "WI")


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar position at some granularity; fields finer than the granularity are ignored."""

    gran: str
    year: int | None = None
    month: int | None = None  # 1-12
    day: int | None = None
    week: int | None = None  # ISO week, with ``year`` the ISO year
    weekday: int | None = None  # 1 = Monday, for weekdays whose week is unknown
    part: int | None = None  # half (1-2) or quarter (1-4)
    season: str | None = None  # SP SU FA WI
    pod: str | None = None  # MO AF EV NI MI DT
    hour: int | None = None
    minute: int | None = None
    decade: int | None = None  # first three digits of the year: 198 for the 1980s
    century: int | None = None  # first two digits: 19 for the 1900s


def valid_year(year: int) -> bool:
    """Whether a year can be written as a TIMEX3 value and handled by datetime."""
    return MIN_YEAR <= year <= MAX_YEAR


def day_point(d: dt.date) -> Point:
    """A day as a Point."""
    return Point("day", d.year, d.month, d.day)


def safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    """The date, or None when any field is missing or out of range."""
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def week_of(d: dt.date) -> Point:
    """The ISO week containing a day."""
    iso = d.isocalendar()
    return Point("week", iso[0], week=iso[1])


def _x(n: int | None, width: int) -> str:
    """A number zero-padded to width, or X's when unknown."""
    return "X" * width if n is None else f"{n:0{width}d}"


def format_value(p: Point) -> str:
    """The TIMEX3 value string of a Point."""
    y = _x(p.year, 4)
    g = p.gran
    if g == "millennium":
        return _x(p.century // 10 if p.century is not None else None, 1)
    if g == "century":
        return _x(p.century, 2)
    if g == "decade":
        return _x(p.decade, 3)
    if g == "year":
        return y
    if g == "half":
        return f"{y}-H{_x(p.part, 1)}"
    if g == "quarter":
        return f"{y}-Q{_x(p.part, 1)}"
    if g == "season":
        return f"{y}-{p.season or 'XX'}"
    if g == "month":
        return f"{y}-{_x(p.month, 2)}"
    if g == "week":
        return f"{y}-W{_x(p.week, 2)}"
    if g == "weekend":
        return f"{y}-W{_x(p.week, 2)}-WE"
    if p.weekday is not None and p.day is None:
        base = f"{y}-W{_x(p.week, 2)}-{p.weekday}"
    else:
        base = f"{y}-{_x(p.month, 2)}-{_x(p.day, 2)}"
    if g == "day":
        return base
    if g == "pod":
        return f"{base}T{p.pod or 'XX'}"
    return f"{base}T{_x(p.hour, 2)}:{_x(p.minute, 2)}"


_VALUE = re.compile(
    r"^(?P<y>\d{4}|XXXX)(?:-(?:(?P<h>H[12X])|(?P<q>Q[1-4X])|(?P<s>SP|SU|FA|WI)|W(?P<w>\d{2}|XX)(?:-(?P<wd>[1-7]|WE))?"
    r"|(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?))?(?:T(?P<pod>MO|AF|EV|NI|MI|DT)|T(?P<hh>\d{2}):(?P<mm>\d{2}))?$"
)


def _num(s: str | None) -> int | None:
    """An int from digits, None from X's or nothing."""
    return int(s) if s and s.isdigit() else None


def parse_value(value: str) -> Point | None:
    """A Point from a TIMEX3 date value, or None for durations, references and the like."""
    if re.fullmatch(r"\d{3}", value):
        return Point("decade", decade=int(value))
    if re.fullmatch(r"\d{2}", value):
        return Point("century", century=int(value))
    m = _VALUE.match(value)
    if not m:
        return None
    y = _num(m["y"])
    if m["h"]:
        return Point("half", y, part=_num(m["h"][1:]))
    if m["q"]:
        return Point("quarter", y, part=_num(m["q"][1:]))
    if m["s"]:
        return Point("season", y, season=m["s"])
    if m["w"] is not None and m["wd"] == "WE":
        base = Point("weekend", y, week=_num(m["w"]))
    elif m["w"] is not None:
        wd = _num(m["wd"])
        base = Point("day" if wd else "week", y, week=_num(m["w"]), weekday=wd)
    elif m["d"] is not None:
        base = Point("day", y, _num(m["m"]), _num(m["d"]))
    elif m["m"] is not None:
        base = Point("month", y, _num(m["m"]))
    else:
        base = Point("year", y)
    if m["pod"]:
        return replace(base, gran="pod", pod=m["pod"])
    if m["hh"]:
        return replace(base, gran="time", hour=int(m["hh"]), minute=int(m["mm"]))
    return base


def interval(p: Point) -> tuple[dt.date, dt.date] | None:
    """First and last day a Point covers, or None when it is not fixed on the calendar."""
    try:
        return _interval(p)
    except (ValueError, OverflowError):
        return None


def _interval(p: Point) -> tuple[dt.date, dt.date] | None:
    """interval() without the guard against out-of-range dates."""
    g = p.gran
    if g == "century" and p.century is not None:
        y0 = max(MIN_YEAR, p.century * 100)
        return dt.date(y0, 1, 1), dt.date(p.century * 100 + 99, 12, 31)
    if g == "decade" and p.decade is not None:
        y0 = max(MIN_YEAR, p.decade * 10)
        return dt.date(y0, 1, 1), dt.date(p.decade * 10 + 9, 12, 31)
    y = p.year
    if y is None:
        return None
    if g == "year":
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if g in ("half", "quarter") and p.part is not None:
        months = 6 if g == "half" else 3
        first = (p.part - 1) * months + 1
        last = first + months - 1
        return dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
    if g == "season" and p.season in SEASON_MONTHS:
        a, b = SEASON_MONTHS[p.season]
        end_year = y + 1 if b < a else y
        return dt.date(y, a, 1), dt.date(end_year, b, calendar.monthrange(end_year, b)[1])
    if g == "month" and p.month is not None:
        return dt.date(y, p.month, 1), dt.date(y, p.month, calendar.monthrange(y, p.month)[1])
    if g == "week" and p.week is not None:
        monday = dt.date.fromisocalendar(y, p.week, 1)
        return monday, monday + dt.timedelta(days=6)
    if g == "weekend" and p.week is not None:
        saturday = dt.date.fromisocalendar(y, p.week, 6)
        return saturday, saturday + dt.timedelta(days=1)
    if g in ("day", "pod", "time"):
        if p.day is not None and p.month is not None:
            d = dt.date(y, p.month, p.day)
            return d, d
        if p.week is not None and p.weekday is not None:
            d = dt.date.fromisocalendar(y, p.week, p.weekday)
            return d, d
    return None


def date_value(value: str, p: Point | None) -> DateValue:
    """The DateValue of a TIMEX3 date value: the value, its interval and granularity."""
    if p is None:
        return DateValue(value, None, None, "unknown")
    span = interval(p)
    gran = SCHEMA_GRANULARITY.get(p.gran, "unknown")
    if span is None:
        return DateValue(value, None, None, gran)
    return DateValue(value, span[0].isoformat(), span[1].isoformat(), gran)


def shift(p: Point, n: int, unit: str) -> Point | None:
    """A Point moved by n units (year, half, quarter, season, month, week, day, decade, century),
    at the Point's own granularity; None when the result leaves the calendar or is unknown."""
    try:
        return _shift(p, n, unit)
    except (ValueError, OverflowError):
        return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    """Year and month n months after (y, m)."""
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def _checked(p: Point) -> Point | None:
    """The Point if its year is writable, else None."""
    if p.year is not None and not valid_year(p.year):
        return None
    return p


def _shift(p: Point, n: int, unit: str) -> Point | None:
    """shift() without the guard."""
    if unit == "decade" and p.gran == "decade" and p.decade is not None:
        decade = p.decade + n
        return replace(p, decade=decade) if 0 <= decade <= MAX_YEAR // 10 else None
    if unit == "century" and p.gran == "century" and p.century is not None:
        century = p.century + n
        return replace(p, century=century) if 0 <= century <= MAX_YEAR // 100 else None
    if unit == "decade":
        return _shift(p, 10 * n, "year")
    if unit == "century":
        return _shift(p, 100 * n, "year")
    if p.year is None:
        return None
    g = p.gran
    if g in ("day", "pod", "time"):
        span = _interval(p)
        if span is None:
            return None
        d = span[0]
        if unit == "day":
            d = d + dt.timedelta(days=n)
        elif unit == "week":
            d = d + dt.timedelta(weeks=n)
        else:
            months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12}.get(unit)
            if months is None:
                return None
            y, m = _add_months(d.year, d.month, n * months)
            d = dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
        return _checked(replace(p, year=d.year, month=d.month, day=d.day, week=None, weekday=None))
    if g in ("week", "weekend"):
        if p.week is None:
            return _checked(replace(p, year=p.year + n)) if unit == "year" else None
        monday = dt.date.fromisocalendar(p.year, p.week, 1)
        days = {"day": 1, "week": 7}.get(unit)
        if days is not None:
            monday = monday + dt.timedelta(days=days * n)
        elif unit == "year":
            iso_year = p.year + n
            weeks_in_year = dt.date(iso_year, 12, 28).isocalendar()[1]
            return _checked(replace(p, year=iso_year, week=min(p.week, weeks_in_year)))
        else:
            months = {"month": 1, "quarter": 3, "half": 6, "season": 3}.get(unit, 0)
            y, m = _add_months(monday.year, monday.month, n * months)
            monday = dt.date(y, m, min(monday.day, calendar.monthrange(y, m)[1]))
        iso = monday.isocalendar()
        return _checked(replace(p, year=iso[0], week=iso[1]))
    if g == "month":
        if p.month is None:
            return _checked(replace(p, year=p.year + n)) if unit == "year" else None
        months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12}.get(unit)
        if months is None:
            return None
        y, m = _add_months(p.year, p.month, n * months)
        return _checked(replace(p, year=y, month=m))
    if g in ("quarter", "half"):
        per_year = 4 if g == "quarter" else 2
        if p.part is None:
            return _checked(replace(p, year=p.year + n)) if unit == "year" else None
        step = {"year": per_year, g: 1}.get(unit)
        if step is None:
            return None
        total = p.year * per_year + (p.part - 1) + n * step
        return _checked(replace(p, year=total // per_year, part=total % per_year + 1))
    if g == "season":
        if unit == "year":
            return _checked(replace(p, year=p.year + n))
        if unit != "season" or p.season not in SEASON_ORDER:
            return None
        total = p.year * 4 + SEASON_ORDER.index(p.season) + n
        return _checked(replace(p, year=total // 4, season=SEASON_ORDER[total % 4]))
    if g == "year" and unit == "year":
        return _checked(replace(p, year=p.year + n))
    return None


def truncate(p: Point, gran: str) -> Point:
    """The Point at a coarser granularity: the week, month, quarter or year containing it."""
    span = interval(p)
    if span is None:
        if gran in ("year", "month") and p.year is not None:
            return Point(gran, p.year, p.month if gran == "month" else None)
        return Point(gran, p.year)
    d = span[0]
    if gran == "week":
        return week_of(d)
    if gran == "month":
        return Point("month", d.year, d.month)
    if gran == "quarter":
        return Point("quarter", d.year, part=(d.month - 1) // 3 + 1)
    if gran == "half":
        return Point("half", d.year, part=(d.month - 1) // 6 + 1)
    if gran == "season":
        return Point("season", d.year, season=SEASON_ORDER[((d.month - 3) % 12) // 3])
    if gran == "decade":
        return Point("decade", decade=d.year // 10)
    if gran == "century":
        return Point("century", century=d.year // 100)
    if gran == "day":
        return day_point(d)
    return Point("year", d.year)


# TIMEX3 duration values with numbers ("P3D", "PT4H", "P1Y6M", "PT8M46S"); vague ones ("PXM") are none.
_DURATION_VALUE = re.compile(r"P((?:\d{1,6}(?:\.\d+)?[YMWD])*)(?:T((?:\d{1,6}(?:\.\d+)?[HMS])+))?")
_DURATION_PART = re.compile(r"(\d{1,6}(?:\.\d+)?)([YMWDHS])")
# Duration units, larger first; minutes ("M" after "T") are "TM", months "M".
DURATION_UNITS = ("Y", "M", "W", "D", "H", "TM", "S")


def duration_parts(value: str) -> list[tuple[str, str]]:
    """(number, unit of DURATION_UNITS) for each part of a TIMEX3 duration value, as written:
    "PT8M46S" is [("8", "TM"), ("46", "S")]; empty for anything else ("PXM", "P")."""
    m = _DURATION_VALUE.fullmatch(value)
    if m is None:
        return []
    date = [(n, u) for n, u in _DURATION_PART.findall(m.group(1))]
    return date + [(n, "T" + u if u == "M" else u) for n, u in _DURATION_PART.findall(m.group(2) or "")]


def duration_value(parts: list[tuple[str, str]]) -> str:
    """The TIMEX3 value of duration parts (duration_parts' inverse)."""
    date = "".join(n + u for n, u in parts if DURATION_UNITS.index(u) < DURATION_UNITS.index("H"))
    time = "".join(n + u[-1] for n, u in parts if DURATION_UNITS.index(u) >= DURATION_UNITS.index("H"))
    return "P" + date + ("T" + time if time else "")
