"""Word lists for time expressions: months, weekdays, numbers, units, seasons and parts of day.

Only data lives here; the patterns that use it are in ``timex_rules`` and the calendar
arithmetic in ``timex_calendar``.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations; "may" needs no entry and "mar", "jun", "jul" are only trusted with a period or
# a day number after them (patterns decide).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

UNITS_1_19 = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(UNITS_1_19)}
NUMBER_WORDS.update({w: 10 * i for i, w in enumerate(TENS) if w != "_"})
NUMBER_WORDS.update({"a": 1, "an": 1, "one": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
                     "a dozen": 12, "dozen": 12, "half a dozen": 6, "a hundred": 100,
                     "hundred": 100, "a thousand": 1000, "thousand": 1000})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30,
    "thirty-first": 31, "last": -1, "final": -1,
}

# Unit word -> TIMEX3 duration letter(s); hours, minutes and seconds go after the "T".
UNIT_CODES: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "millennium": "ML", "semester": "M", "season": "M",
}
# How many of the base unit one of these is (a fortnight is two weeks, a decade ten years).
UNIT_MULTIPLIERS: dict[str, tuple[int, str]] = {
    "fortnight": (2, "W"), "decade": (10, "Y"), "century": (100, "Y"), "millennium": (1000, "Y"),
    "semester": (6, "M"), "season": (3, "M"),
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
# Month range of each season (northern hemisphere, meteorological), for the calendar interval.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI", "daytime": "DT", "dawn": "MO",
    "dusk": "EV",
}

# Time-zone names that may follow a clock time; kept inside the expression, as TimeBank does.
TIME_ZONES = (
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST",
    "EET", "EEST", "JST", "IST", "AEST", "ET", "PT", "CT", "local time",
)

# Fixed-date holidays: month, day.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "independence day": (7, 4), "valentine's day": (2, 14), "halloween": (10, 31),
    "veterans day": (11, 11), "armistice day": (11, 11), "bastille day": (7, 14),
    "may day": (5, 1), "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "labour day": (5, 1),
}
# Holidays defined as the n-th (or last, -1) weekday of a month: month, weekday, n.
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "election day": (11, 2, 1), "martin luther king day": (1, 1, 3),
    "presidents' day": (2, 1, 3), "presidents day": (2, 1, 3), "president's day": (2, 1, 3),
    "martin luther king jr. day": (1, 1, 3), "martin luther king jr day": (1, 1, 3),
    "martin luther king, jr. day": (1, 1, 3), "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
}
