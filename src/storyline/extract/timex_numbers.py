"""Counts in time expressions: "three", "twenty-four", "1,000", "5 1/2", "a couple of", "several"."""

from __future__ import annotations

import re
from fractions import Fraction

from .timex_lexicon import NUMBER_WORDS, TENS, UNITS_1_19

# Counts above this are not durations a news text means literally (and a 5,000-digit number
# must never reach int()): the expression is dropped.
MAX_COUNT = 1_000_000

_UNIT_WORDS = "|".join(UNITS_1_19[1:])
_TENS_WORDS = "|".join(w for w in TENS if w != "_")
_SMALL_NUMBER = (
    rf"(?:(?:{_TENS_WORDS})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_UNIT_WORDS})\b)"
)
NUMBER_WORD_RE = (
    rf"(?:{_SMALL_NUMBER}(?:[\s-]+(?:hundred|thousand)\b)?"
    r"|a\s+hundred|hundred|a\s+thousand|half\s+a\s+dozen|a\s+dozen|dozen"
    r"|a\s+couple\s+of|a\s+couple|couple\s+of|half\s+an|half\s+a|an|a)"
)
VAGUE_RE = r"(?:several|a\s+few|few|some|many|a\s+number\s+of|numerous|a\s+handful\s+of|countless)"
# Digits with thousands separators, or up to six digits with an optional decimal part; the
# lookarounds keep a longer run of digits from matching in part.
DIGITS_RE = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,6}(?:\.\d+)?)(?![\d])"
FRACTION_RE = r"(?:\d{1,3}\s+)?\d/\d{1,2}(?![\d/])"
# A count: fraction, digits, or words, optionally followed by "and a half".
COUNT_RE = (
    rf"(?:{FRACTION_RE}|{DIGITS_RE}|{NUMBER_WORD_RE})(?:\s+and\s+a\s+half)?"
)


def parse_count(text: str) -> Fraction | None:
    """The value of a count, None when vague ("several") or unreadable."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    half = Fraction(0)
    if s.endswith(" and a half"):
        half = Fraction(1, 2)
        s = s[: -len(" and a half")]
    if re.fullmatch(VAGUE_RE, s):
        return None
    m = re.fullmatch(r"(?:(\d{1,3}) )?(\d)/(\d{1,2})", s)
    if m:
        whole = int(m.group(1) or 0)
        den = int(m.group(3))
        return None if den == 0 else Fraction(whole) + Fraction(int(m.group(2)), den) + half
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        digits = s.replace(",", "")
        if len(digits) > len(str(MAX_COUNT)) + 3:
            return None
        value = Fraction(digits)
        return value + half if value <= MAX_COUNT else None
    if s in NUMBER_WORDS:
        return Fraction(NUMBER_WORDS[s]) + half
    parts = [p for p in re.split(r"[\s-]+", s) if p]
    scale = 1
    if len(parts) > 1 and parts[-1] in ("hundred", "thousand", "dozen"):
        scale = NUMBER_WORDS[parts[-1]]
        parts = parts[:-1]
    if 1 <= len(parts) <= 2 and all(p in NUMBER_WORDS for p in parts):
        return Fraction(sum(NUMBER_WORDS[p] for p in parts) * scale) + half
    if s == "half a" or s == "half an":
        return Fraction(1, 2)
    return None
