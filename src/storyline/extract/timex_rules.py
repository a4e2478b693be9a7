"""The patterns: compiled regexes for English time expressions, each with its builder.

Extents follow TimeBank (TimeML): determiners and modifiers ("the", "last", "early", "about",
"ago") are inside an expression, prepositions ("on", "in", "since") outside. Where two rules
match overlapping text the tagger keeps the longest match, then the earliest rule here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import timex_build as tb
from .timex_lexicon import MONTH_ABBREVIATIONS, MONTHS, ORDINALS, TIME_ZONES, WEEKDAYS
from .timex_numbers import COUNT_RE, VAGUE_RE
from .timex_resolve import Builder, Built, Ctx


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern, the builder that normalises its matches, and words (lower case) of which
    the text must contain one for the pattern to be worth running: a cheap gate, for speed."""

    name: str
    pattern: re.Pattern[str]
    build: Builder
    needs: tuple[str, ...] = ()


def _alt(words: list[str]) -> str:
    """A regex alternation of words, longest first so that a prefix never wins."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> str:
    """Capitalised or upper-case forms only (month names are proper nouns; "may" is a verb)."""
    return f"(?-i:{_alt([w.capitalize() for w in words] + [w.upper() for w in words])})"


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile case-insensitively (month names switch that off locally)."""
    return re.compile(pattern, re.IGNORECASE)


B = r"(?<![\w$£€#@/])"  # not inside a word or a number, nor after a currency sign
END = r"(?![\w-])"
MONTH_FULL = _cased(list(MONTHS))
MONTH_ABBR = rf"(?:{_cased(list(MONTH_ABBREVIATIONS))}(?:\.|(?![a-zA-Z])))"
MONTH_ANY = rf"(?:{MONTH_FULL}(?![a-zA-Z])|{MONTH_ABBR})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR4 = r"\d{4}(?![\d%]|,\d|\.\d)"
WEEKDAY = rf"(?:{_alt(list(WEEKDAYS))})"
TZ = rf"(?-i:{_alt(list(TIME_ZONES))})"
UNIT_SINGULAR = (
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|millennium)"
)
UNIT_ANY = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries|millennium|millennia)"
)
PLURAL_UNITS = (
    r"(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries|millennia)"
)
SPELLED_YEAR = (
    r"(?:nineteen|twenty)[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|oh[\s-](?:one|two|three|four|five|six"
    r"|seven|eight|nine))(?![\w-])"
    r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-]\w+)?))?(?![\w-])"
)
ORDINAL_WORD = _alt([w for w in ORDINALS if ORDINALS[w] > 0])
NUM = rf"(?P<num>{COUNT_RE}|{VAGUE_RE})"
WEEKDAY_ABBR = r"(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
OPT_WEEKDAY = rf"(?:(?:{WEEKDAY}|{WEEKDAY_ABBR}),?\s+)?"
REL = r"(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past)"
# Adjectives that may stand between a count and its unit: "two more weeks", "eight trading days".
UNIT_ADJ = (
    r"(?:(?:more|additional|full|straight|consecutive|long|short|trading|business|working|calendar"
    r"|extra|fiscal|further|whole|entire|successive)\s+)?"
)
# Words that may open a duration: "the past two weeks", "the first nine months"; never before
# an article, where "last" is the verb ("to last a couple of weeks").
DURATION_LEAD = (
    r"(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|final|remaining|initial"
    r"|latest|preceding|ensuing|same|other|entire|whole|year-earlier|year-ago|comparable)\s+(?!an?\s))?"
)


# The upper end of a range of counts: "two to three weeks", "seven or eight months", "60-100 days".
RANGE = rf"(?:(?:\s+(?:to|or)\s+|\s*[-–]\s*){COUNT_RE})?"


QUARTER_ORD = r"first|second|third|fourth|final|last|latter|[1-4](?:st|nd|rd|th)"
QUARTER_ADJ = (
    r"(?:(?:(?P<ago>year-ago|year-earlier|year\s+ago|prior-year|previous-year)|fiscal|calendar|latest"
    r"|current|same|comparable|corresponding)[\s-]+){0,3}"
)


_CLOCK_DAY = (
    rf"(?:{WEEKDAY}(?:,?\s+{MONTH_ANY}\s*{DAY})?|{MONTH_ANY}\s*{DAY}(?:,?\s+{YEAR4})?"
    r"|today|yesterday|tomorrow)(?!\w)"
)


def _time_rule(day_rules: list[Rule]) -> Rule:
    """Clock times, optionally followed by the day they fall on."""
    pattern = _compile(
        rf"{B}(?<!:)(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m(?![a-z]))"
        rf"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
        rf"|(?P<cword>noon|midnight|midday)"
        rf"|(?P<h3>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:o['’]clock\s+)?in\s+the\s+(?P<cpod>morning|afternoon|evening))"
        rf"(?:\s+{TZ})?"
        # the day the time falls on: inside the expression when it follows directly ("10 p.m.
        # Wednesday"), outside when a signal stands between ("10 p.m. on Wednesday": TimeML
        # tags the two apart) but still giving the time its day
        rf"(?:(?P<tail>,?\s+{_CLOCK_DAY})|(?=\s+(?:on|of)\s+(?P<ltail>{_CLOCK_DAY})))?"
    )
    day_builders = [(r.pattern, r.build) for r in day_rules]

    def build(m: re.Match[str], ctx: Ctx) -> Built | None:
        return tb.build_time(m, ctx, day_builders)

    return Rule("time", pattern, build)


_FULL_MDY = Rule(
    "date_mdy",
    _compile(rf"{B}{OPT_WEEKDAY}(?P<month>{MONTH_ANY})\s*(?P<day>{DAY})(?:(?:,\s*|\s+)(?P<year>{YEAR4}))?"),
    tb.build_full_date,
)
_FULL_DMY = Rule(
    "date_dmy",
    _compile(rf"{B}{OPT_WEEKDAY}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<month>{MONTH_ANY})(?:,?\s+(?P<year>{YEAR4}))?"),
    tb.build_full_date,
)
_WEEKDAY = Rule(
    "weekday",
    _compile(
        rf"{B}(?:(?P<rel>this\s+past|this\s+coming|last|next|this|coming|past|the\s+previous|the\s+following|the\s+next)\s+)?"
        rf"(?P<wd>{WEEKDAY}s?){END}(?:\s+(?P<pod>morning|afternoon|evening|night)(?!s))?"
    ),
    tb.build_weekday,
)
_DAY_WORD = Rule(
    "day_word",
    _compile(
        rf"{B}(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|overnight)(?!\w)"
        rf"(?:\s+(?P<pod>morning|afternoon|evening|night)(?!s))?"
    ),
    tb.build_day_word,
)

RULES: list[Rule] = [
    _FULL_MDY,
    _FULL_DMY,
    Rule(
        "second_day",
        _compile(
            r"(?<=[\s\-–])(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
            r"(?![\d:,.]\d|\s*(?:%|percent|per|million|billion|people))(?!\w)"
        ),
        tb.build_second_day,
    ),
    Rule(
        # the "3" of "3-4 June 2025": month and year from the day after it
        "first_day",
        _compile(
            rf"{B}(?P<day>{DAY})(?=\s*(?:-|–|and|to|or)\s*{DAY}(?:\s+of)?\s+(?P<month>{MONTH_ANY})"
            rf"(?:,?\s+(?P<year>{YEAR4}))?)"
        ),
        tb.build_full_date,
    ),
    Rule(
        "date_iso",
        _compile(rf"{B}(?P<y>\d{{4}})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?![\d:-])"),
        tb.build_numeric_date,
    ),
    Rule(
        "date_us",  # month first: the US order news wires use
        _compile(rf"{B}(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{{4}}|\d{{2}})(?![\d/])"),
        tb.build_numeric_date,
    ),
    Rule(
        "date_eu",  # day first with dots: 10.06.2025
        _compile(rf"{B}(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>\d{{4}})(?![\d.]\d)"),
        tb.build_numeric_date,
    ),
    Rule(
        "month_year",
        _compile(
            rf"{B}(?P<month>{MONTH_ANY})(?:\s+of)?,?\s+(?:(?P<year>{YEAR4})|'(?P<year2>\d{{2}})(?!\d)|(?P<spelled>{SPELLED_YEAR}))"
        ),
        tb.build_month_year,
    ),
    Rule(
        "month",
        _compile(
            rf"{B}(?:{REL}\s+)?(?P<month>{MONTH_FULL}|(?-i:Sept|Jan|Feb|Aug|Oct|Nov|Dec)\.)(?![a-zA-Z]|\s*\d)"
            rf"(?:\s+(?P<yrel>last|next|this)\s+year)?"
        ),
        tb.build_month,
    ),
    Rule(
        "year",
        _compile(
            rf"{B}(?:(?P<lead>(?:the\s+)?(?:fiscal(?:[\s-]+year)?|calendar(?:[\s-]+year)?|FY|the\s+year|model\s+year)\s*)?"
            # "2013's" is the year's (a decade is "1990s", and "1990's" may be one too)
            rf"(?P<year>\d{{4}})(?![\d%]|,\d|\.\d|\s*(?:-|–)\s*\d{{2}}\b|s\b|(?<=0)['’]s\b)"
            rf"|(?:fiscal\s+|FY\s*)'?(?P<year2>\d{{2}})(?!\d))"
        ),
        tb.build_year,
    ),
    Rule(
        "spelled_year",
        _compile(rf"{B}(?P<lead>the\s+year\s+)?(?P<spelled>{SPELLED_YEAR})"),
        tb.build_spelled_year,
    ),
    Rule(
        "decade",
        _compile(
            # "the last half of the '80s" is one expression: the decade, its half as the mod
            rf"{B}(?:the\s+)?(?:(?P<dmod>early|mid|late)[\s-]+|(?P<dhalf>first|second|last|latter)\s+half\s+of\s+the\s+)?"
            rf"(?:(?P<d4>\d{{3}}0)['’]?s(?![\w'])|['’](?P<d2>\d0)['’]?s(?![\w'])"
            rf"|(?<=the\s)(?P<dw>(?:nineteen[\s-]+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))"
        ),
        tb.build_decade,
    ),
    Rule(
        "century",
        _compile(
            rf"{B}(?:(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})[\s-]+century"
            rf"|(?P<crel>this|last|next|the\s+last|the\s+past|the\s+next|the\s+previous|the\s+current)\s+century){END}"
        ),
        tb.build_century,
    ),
    Rule(
        "season",
        _compile(
            rf"{B}(?:(?P<rel>this\s+past|this\s+coming|last|next|this|the\s+coming|coming|the\s+past|the)\s+)?(?P<season>spring|summer|fall|autumn|winter){END}"
            rf"(?:(?:\s+of)?\s+(?P<year>{YEAR4}|{SPELLED_YEAR}))?"
        ),
        tb.build_season,
    ),
    Rule(
        # "the third quarter", "this year's fourth quarter", "the third quarter of 1984": the
        # noun, with "the" inside as TimeBank has it ("its", "a" stay outside). "The first two
        # quarters of 1990" are a half; "the last two quarters" alone are a rolling period.
        "quarter",
        _compile(
            rf"{B}(?:the\s+)?(?:(?P<yrel>this|last|next)\s+year['’]s\s+|(?P<ypos>\d{{4}})(?:['’]s)?\s+)?{QUARTER_ADJ}"
            rf"(?:(?P<ord>{QUARTER_ORD})\s+(?:fiscal\s+)?(?:quarter|half)|(?P<pair>first|last|final|latter)\s+two\s+quarters(?=\s+of\s))"
            rf"(?![\w-]|-(?:to|over))(?:\s+of\s+(?:(?:fiscal|calendar|the\s+fiscal\s+year)\s+)?(?P<year>\d{{4}})(?!\d)|\s+of\s+the\s+year)?"
        ),
        tb.build_quarter,
    ),
    Rule(
        # "third-quarter results": the hyphenated adjective, without its determiner.
        "quarter_adj",
        _compile(
            rf"{B}(?:(?P<yrel>this|last|next)\s+year['’]s\s+|(?P<ypos>\d{{4}})(?:['’]s)?\s+)?{QUARTER_ADJ}"
            rf"(?P<ord>{QUARTER_ORD})-(?:fiscal-)?(?:quarter|half)(?![\w-]|-(?:to|over))"
        ),
        tb.build_quarter,
    ),
    Rule("quarter_q", _compile(rf"{B}(?-i:Q(?P<qn>[1-4]))(?:\s+(?P<year>\d{{4}}))?(?!\w)"), tb.build_quarter),
    Rule(
        "the_quarter",
        _compile(
            rf"{B}(?P<det>the(?:\s+(?:latest|current|recent|most\s+recent|same|comparable|corresponding|year-ago|year-earlier|prior-year|\d{{4}}|fiscal|just-ended|just\s+ended))*"
            rf"|this|that|last\s+year['’]s|the\s+previous\s+year['’]s|its\s+latest|its\s+current)"
            rf"\s+(?P<noun>quarter|period){END}(?P<tail>\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year))?"
        ),
        tb.build_the_quarter,
    ),
    Rule(
        "year_ago_adj",
        _compile(rf"{B}(?:year-(?:earlier|ago)|prior-year|year-before){END}"),
        tb.build_year_ago_adj,
    ),
    _DAY_WORD,
    Rule(
        "part_of_day",
        _compile(
            rf"{B}(?:(?P<pmod>mid|late|early)[\s-]?(?P<pod>morning|afternoon|evening)"
            rf"|(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bthrough\s))the\s+(?P<pod2>morning|afternoon|evening)){END}"
            rf"(?:\s+(?P<dw>yesterday|today|tomorrow)(?!\w))?"
        ),
        tb.build_part_of_day,
    ),
    Rule(
        "ref_word",
        _compile(
            rf"{B}(?:(?P<present>right\s+now|just\s+now|now|currently|presently|nowadays|these\s+days|at\s+present|the\s+present(?!\s+\w)|current(?=\s+[a-z]))"
            rf"|(?P<past>recently|lately|not\s+(?:so\s+)?long\s+ago|the\s+past(?!\s+(?:\d|{COUNT_RE}|few|several|many|week|month|year|decade|century|quarter|summer|winter|spring|fall)))"
            rf"|(?P<future>as\s+soon\s+as\s+possible|soon|the\s+near\s+future|the\s+future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|a\s+later\s+date|one\s+day|some\s+day|someday)){END}"
        ),
        tb.build_ref_word,
    ),
    _WEEKDAY,
    Rule(
        "deictic",
        _compile(
            rf"{B}(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+following|the\s+next|the\s+coming|the\s+preceding|the\s+prior|the\s+same|that\s+same|that|the)"
            rf"\s+(?P<unit>week|weekend|month|year|quarter|decade|morning|afternoon|evening|night|day|fiscal\s+year){END}"
        ),
        tb.build_deictic,
    ),
    Rule(
        "offset",
        _compile(
            rf"{B}{NUM}{RANGE}\s+(?:(?:more|full|long|short|calendar|trading|business)\s+)?(?P<unit>{UNIT_ANY})(?:\s+or\s+so)?\s+"
            rf"(?P<dir>ago|earlier|later|from\s+now|hence|back|previously){END}"
        ),
        tb.build_offset,
    ),
    Rule(
        "duration",
        _compile(
            rf"{B}{DURATION_LEAD}{NUM}{RANGE}\s+{UNIT_ADJ}"
            rf"(?P<unit>{UNIT_ANY})(?![\w-])(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
        ),
        tb.build_duration,
    ),
    Rule(
        "century_part",
        _compile(rf"{B}(?:(?:a|an|one)\s+)?(?P<part>quarter|half)[\s-](?:of\s+a\s+)?century{END}|half\s+a\s+century{END}"),
        tb.build_century_part,
    ),
    Rule(
        "duration_adj",
        _compile(rf"{B}(?P<num>\d{{1,4}}|{COUNT_RE}|several|many|few)-(?P<unit>{UNIT_SINGULAR})(?!\w)(?:-old)?"),
        tb.build_duration,
    ),
    Rule(
        "duration_long",
        _compile(rf"{B}(?:(?P<num>\d{{1,3}}|{COUNT_RE})-)?(?P<unit>day|week|month|year|decade|hour|night|decades|years|months|weeks|hours)-?long{END}"),
        tb.build_long,
    ),
    Rule(
        "past_units",
        _compile(
            rf"{B}(?:(?:the\s+)?(?:past|last|next)|the\s+(?:previous|following|ensuing|preceding|first))\s+(?:(?:few|several|many|couple\s+of)\s+)?(?P<unit>{PLURAL_UNITS}){END}"
            rf"|{B}the\s+(?:past|last)\s+(?P<unit1>week|month|year|decade|century|quarter){END}(?!\s+(?:or|and)\b)"
        ),
        tb.build_past_units,
    ),
    Rule(
        # "recent years", "the coming months", "the weeks ahead": an unknown number of units
        "vague_span",
        _compile(
            rf"{B}(?:(?:the\s+)?(?:recent|coming|upcoming)\s+(?P<unit>{PLURAL_UNITS})"
            rf"|the\s+(?P<unit2>{PLURAL_UNITS})\s+(?:ahead|to\s+come)){END}"
        ),
        tb.build_vague_span,
    ),
    Rule(
        # "months ago", "years earlier": some time back
        "units_ago",
        _compile(rf"{B}(?P<unit>days|weeks|months|years|decades)\s+(?P<vw>ago|earlier|from\s+now){END}"),
        tb.build_vague_ref,
    ),
    Rule(
        "plural_units",
        _compile(
            rf"\b(?:(?P<unit>{PLURAL_UNITS})|(?P<while>a\s+while|some\s+time|a\s+long\s+time|a\s+short\s+time)){END}"
            rf"(?!\s+(?:of|old|before|after|earlier|later|ago)\b)"
        ),
        tb.build_bare_units,
    ),
    Rule(
        "set",
        _compile(
            rf"{B}(?:(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|fortnightly|biannually|semiannually){END}"
            rf"|(?:every|each)\s+(?:other\s+)?(?:(?P<num>{COUNT_RE})\s+)?(?P<what>{WEEKDAY}|{MONTH_FULL}|days?|weeks?|weekend|months?|years?|quarters?|morning|afternoon|evening|night|hours?|minutes?|decades?|spring|summer|autumn|winter){END}"
            rf"|(?:once|twice|thrice|\w+\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>day|week|month|year|quarter|hour|minute|decade){END})"
        ),
        tb.build_set,
    ),
    Rule(
        "holiday",
        _compile(
            rf"{B}(?:(?P<rel>last|next|this)\s+)?(?P<hname>(?-i:New\s+Year['’]s\s+Day|New\s+Year['’]s\s+Eve|Christmas\s+Day|Christmas\s+Eve|Christmas|Thanksgiving\s+Day|Thanksgiving"
            r"|Easter\s+Sunday|Easter\s+[Ww]eek|Holy\s+Week|Easter|Good\s+Friday|Independence\s+Day|Labor\s+Day|Labour\s+Day|Memorial\s+Day|Veterans\s+Day|Election\s+Day|[Ee]lection\s+day|Halloween|Boxing\s+Day|Bastille\s+Day|Valentine['’]s\s+Day"
            r"|Presidents['’]?\s+Day|President['’]s\s+Day|Martin\s+Luther\s+King(?:,?\s+Jr\.?)?\s+Day|St\.?\s+Patrick['’]s\s+Day|Armistice\s+Day))(?!\w)"
            rf"(?:,?\s+(?P<year>{YEAR4}))?"
        ),
        tb.build_holiday,
    ),
    Rule("year_end", _compile(rf"{B}(?:the\s+)?year(?:['’]s)?[\s-]end{END}"), tb.build_year_end),
    Rule(
        "in_the_unit",
        _compile(rf"{B}(?P<el>earlier|later)\s+in\s+the\s+(?P<unit>day|week|month|year){END}"),
        tb.build_in_the_unit,
    ),
    Rule(
        "the_unit_before",
        _compile(
            rf"{B}the\s+(?P<unit>day|week|month|year|night)\s+(?P<dir>before|after|earlier|later){END}"
            # "the end of the year after four years as envoy": "after" opens a phrase of its own
            rf"(?!\s+(?:(?:the|a|an|his|her|their|its|this|that|last|next|one|two|three|four|five|six|seven"
            rf"|eight|nine|ten|eleven|twelve|twenty|thirty|several|many|some|few|more|nearly|almost|about"
            rf"|over|months|years|weeks|days|decades)\b|(?-i:[A-Z0-9])))"
        ),
        tb.build_unit_before,
    ),
    Rule(
        "the_unit",
        _compile(rf"{B}the\s+(?P<adj>(?:(?:full|fiscal|current|latest|entire|whole|calendar)\s+){{0,2}})(?P<unit>year|week|month){END}"),
        tb.build_the_unit,
    ),
    Rule(
        # "the week of March 6": the week that holds the day; "the weekend of Feb. 24" its weekend
        "week_of",
        _compile(
            rf"{B}the\s+(?P<wk>week|weekend)\s+of\s+(?:{WEEKDAY},?\s+)?(?P<month>{MONTH_ANY})\s*(?P<day>{DAY})"
            rf"(?:,?\s+(?P<year>{YEAR4}))?"
        ),
        tb.build_week_of,
    ),
    Rule(
        "half_year",
        _compile(
            rf"{B}(?:the\s+)?(?P<ord>first|second|latter|last)\s+half{END}"
            rf"(?:\s+of\s+(?:(?P<year>\d{{4}})|(?P<yrel>this|last|next)\s+year|the\s+year))?"
        ),
        tb.build_quarter,
    ),
]


RULES.append(_time_rule([_FULL_MDY, _WEEKDAY, _DAY_WORD]))

_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# For each rule, words one of which a text must contain (lower case) for the rule to be run at
# all: scanning a text with a pattern costs far more than looking for a few words in it.
NEEDS: dict[str, tuple[str, ...]] = {
    "date_mdy": _MONTH_STEMS, "date_dmy": _MONTH_STEMS, "month_year": _MONTH_STEMS,
    "month": _MONTH_STEMS, "spelled_year": ("nineteen", "twenty", "thousand"),
    "decade": ("0s", "0's", "0’s", "ies"), "century": ("century",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "quarter": ("quarter", "half"), "quarter_adj": ("quarter", "half"), "half_year": ("half",),
    "quarter_q": ("q1", "q2", "q3", "q4"), "the_quarter": ("quarter", "period"),
    "year_ago_adj": ("year-", "prior-year"),
    "day_word": ("today", "tonight", "yesterday", "tomorrow", "overnight"),
    "part_of_day": ("morning", "afternoon", "evening"), "weekday": ("day",),
    "offset": ("ago", "earlier", "later", "from now", "hence", "back", "previously"),
    "duration_adj": ("-",), "duration_long": ("long",),
    "past_units": ("past", "last", "next", "previous", "following", "ensuing", "preceding", "first"),
    "vague_span": ("recent", "coming", "ahead", "to come"), "units_ago": ("ago", "earlier", "from now"),
    "first_day": _MONTH_STEMS, "century_part": ("century",),
    "set": ("daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly",
            "biweekly", "fortnightly", "biannually", "every", "each", "once", "twice", "thrice", "times"),
    "holiday": ("christmas", "thanksgiving", "easter", "holy week", "new year", "independence", "labor day",
                "labour day", "memorial", "veterans", "election day", "halloween", "boxing day",
                "bastille", "valentine", "good friday", "president", "luther king", "patrick", "armistice"),
    "year_end": ("year end", "year-end", "year's end", "year’s end"),
    "in_the_unit": ("earlier in", "later in"), "week_of": ("week of", "weekend of"),
    "the_unit_before": ("before", "after", "earlier", "later"),
    "the_unit": ("year", "week", "month"),
    "time": ("a.m", "p.m", "am", "pm", "noon", "midnight", "midday", ":", "in the"),
}
RULES[:] = [replace(r, needs=NEEDS.get(r.name, ())) for r in RULES]
