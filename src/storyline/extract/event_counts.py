"""Counts: the numbers a report gives for its event, read from the event's own clause.

Outlets that agree on who met or what was attacked often disagree on how many were killed, or
on how long a meeting lasted ("three hours" in one, "about four hours" in another). Merging
(resolve/events.py) shows such disagreements as `count` conflicts; this stage reads, for each
event mention, the numbers the parse ties to its trigger:

- people: the number of those killed, injured or arrested ("killed 12 people", "at least 12
  people were killed and 30 injured", "left 12 dead", "an attack that killed nine soldiers") and
  of those protesting ("about 5,000 people protested", "a rally of 2,000 people");
- how long it lasted: a duration the time tagger found ("lasted almost four hours", "met for
  about four hours", "a three-hour meeting", "after three hours of talks").

Vague numbers ("dozens", "thousands", "for months") are left out: they disagree with nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal

from ..model import Count, TimeExpr
from .timex_calendar import duration_parts
from .timex_numbers import parse_count

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

What = Literal["killed", "injured", "arrested", "protesters"]
# Verbs (and the nouns of their acts) whose object, or passive subject, is counted, and what
# the count is of.
COUNTED_VERBS: dict[str, What] = {
    "kill": "killed", "murder": "killed", "massacre": "killed", "slay": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested",
}
# The event types each count of people belongs to: "Police killed one protester and arrested
# 2,000" gives the killing one and the arrests 2,000. Any event may say how long it lasted.
TYPE_KINDS: dict[str, frozenset[str]] = {
    "killed": frozenset({"ASSAULT", "COERCE"}), "injured": frozenset({"ASSAULT", "COERCE"}),
    "arrested": frozenset({"COERCE"}), "protesters": frozenset({"PROTEST"}),
}
# Acts whose doers are counted: "5,000 people protested", "a rally of 2,000 people".
PROTEST_WORDS = frozenset({"protest", "rally", "march", "demonstrate", "demonstration", "gather"})
# "left 12 dead": adjectives that say what the count is of, after "leave".
LEFT_AS: dict[str, What] = {"dead": "killed", "injured": "injured", "wounded": "injured"}
# Verbs whose duration is their subject's: "the meeting lasted four hours", "the talks were
# held for three hours".
LASTING_VERBS = frozenset({"last", "run", "continue", "stretch", "drag", "hold"})
# Words before a number that make it a bound or an estimate, as TIMEX3 modifiers.
MODIFIERS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "an estimated": "APPROX", "estimated": "APPROX", "approx.": "APPROX",
    "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "above": "MORE_THAN", "upwards of": "MORE_THAN",
    "just over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "no fewer than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}
# Duration units (timex_calendar.DURATION_UNITS): the words counts give them in, and their
# length in hours (to give "8 minutes 46 seconds" in minutes).
UNITS: dict[str, tuple[str, float]] = {
    "Y": ("years", 8760.0), "M": ("months", 730.0), "W": ("weeks", 168.0), "D": ("days", 24.0),
    "H": ("hours", 1.0), "TM": ("minutes", 1 / 60), "S": ("seconds", 1 / 3600),
}
# Dependencies through which a number or its noun is what a verb is done to (or, for protests,
# who does it).
_DONE_TO = frozenset({"dobj", "obj", "nsubjpass"})
# Words that make the number after them vague: "several thousand", "a few hundred".
VAGUE_WORDS = frozenset({"several", "few", "many", "hundreds", "thousands", "dozens", "tens", "countless", "no"})
# Nouns a number counts that are no people: "2 percent of the protesters", "10 times more".
NOT_A_HEADCOUNT = frozenset({"times", "percent", "%", "per", "cent"})
# Words that make a number a range or a rough one: "40 or 50", "40 to 50", "40-odd", "40-plus".
RANGE_WORDS = frozenset({"and", "or", "odd", "plus", "+"})
# Number words that multiply the number before them.
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# How a duration hangs from a verb that says how long ("lasted almost four hours") and from an
# event noun ("a three-hour meeting").
_LASTED_DEPS = frozenset({"npadvmod", "dobj", "obj"})
_NOUN_DEPS = frozenset({"amod", "compound", "nmod"})


def event_counts(doc: Doc, event_type: str, trigger: int, evidence: tuple[int, int],
                 durations: Sequence[TimeExpr], article_id: str) -> tuple[Count, ...]:
    """The counts the clause of the event whose trigger is doc[trigger] gives, one per kind,
    in text order, of the kinds its type has (TYPE_KINDS). `evidence` is the mention's
    character span: its nouns and verbs count as triggers too ("held a three-hour meeting", "a
    rally of 3,000 people was held"). `durations` are the article's DURATION expressions."""
    words = doc.char_span(*evidence, alignment_mode="expand") or doc[trigger:trigger + 1]
    triggers = list(dict.fromkeys([doc[trigger], *(w for w in words if w.pos_ in ("NOUN", "VERB"))]))
    found: list[Count] = []
    for t in triggers:
        verbs = _verbs(t)
        for verb in verbs:
            found.extend(_people(verb, t, article_id))
        found.extend(_lasting(doc, t, verbs, durations, article_id))
    seen: set[str] = set()
    out = []
    for c in sorted(found, key=lambda c: c.start):
        if c.what not in seen and (c.what == "duration" or event_type in TYPE_KINDS.get(c.what, ())):
            seen.add(c.what)
            out.append(c)
    return tuple(out)


def _verbs(t: Token) -> list[Token]:
    """The trigger and the words its counts hang from: the verb it is the subject of ("the
    bombing killed"), the clauses that tell what it did ("an attack that killed"), and the verbs
    joined to those ("killed 12 and wounded 40")."""
    out = [t]
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
        out.append(t.head)
    out += [c for c in t.children if c.dep_ in ("relcl", "acl")]
    for v in list(out):
        out += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return list(dict.fromkeys(out))


def _people(verb: Token, trigger: Token, article_id: str) -> Iterable[Count]:
    """Counts of people a verb (or the trigger noun) is done to, or, for protests, of those who
    do it."""
    lemma = verb.lemma_.lower()
    what = COUNTED_VERBS.get(lemma)
    if what is not None:
        for c in verb.children:
            number = _number_of(c)
            if number is None:
                continue
            # "30 injured": a bare number as the subject of a participle is those it was done to
            if c.dep_ in _DONE_TO or (c.dep_ == "nsubj" and c is number and verb.tag_ == "VBN"):
                yield from _count(what, number, article_id)
            elif c.dep_ == "prep" and c.lower_ == "of" and verb.pos_ == "NOUN":  # "the killing of 12"
                yield from _objects_of(c, what, article_id)
    if lemma == "leave":  # "left 12 dead", "left 12 people dead"
        said = next((LEFT_AS[c.lower_] for c in verb.children if c.dep_ in ("oprd", "acomp", "xcomp")
                     and c.lower_ in LEFT_AS), None)
        for c in verb.children:
            left = LEFT_AS.get(c.lower_) or (said if c.dep_ in _DONE_TO else None)
            if c.dep_ in _DONE_TO and left:
                number = _number_of(c)
                if number is not None:
                    yield from _count(left, number, article_id)
    if lemma in PROTEST_WORDS or (verb is trigger and trigger.lower_ in PROTEST_WORDS):
        for c in verb.children:
            if c.dep_ == "nsubj" and verb.pos_ == "VERB":
                number = _number_of(c)
                if number is not None:
                    yield from _count("protesters", number, article_id)
            elif c.dep_ == "prep" and c.lower_ in ("of", "by") and verb.pos_ == "NOUN":  # "a rally of 2,000"
                yield from _objects_of(c, "protesters", article_id)


def _objects_of(prep: Token, what: What, article_id: str) -> Iterable[Count]:
    for p in prep.children:
        if p.dep_ == "pobj":
            number = _number_of(p)
            if number is not None:
                yield from _count(what, number, article_id)


def _number_of(t: Token) -> Token | None:
    """The number a noun phrase is counted by: the word itself ("killed 12") or its number
    ("12 people")."""
    if t.like_num:
        return t
    return next((c for c in t.children if c.dep_ == "nummod" and c.like_num), None)


def _count(what: What, number: Token, article_id: str) -> Iterable[Count]:
    """A count of people from the number that counts them, with the words before it that bound
    it ("at least", "about"). Ranges ("between 40 and 50", "40 or 50", "40-odd"), shares ("2
    percent of", "1 in 10") and numbers that are no whole people are left out: read as one exact
    figure, they would disagree with reports that are right."""
    doc = number.doc
    noun = number.head if number.dep_ == "nummod" else number
    words = sorted(number.subtree, key=lambda w: w.i)
    numeric = [w for w in words if w.like_num or w.lower_ in SCALES]
    start, end = numeric[0].i, numeric[-1].i
    after = doc[end + 1] if end + 1 < len(doc) else None
    if (any(w.lower_ in NOT_A_HEADCOUNT for w in doc[end + 1:noun.i + 1])
            or any(w.lower_ in RANGE_WORDS or w.dep_ == "conj" for w in words)
            or any(w.lower_ == "to" and w.i > 0 and doc[w.i - 1].like_num for w in words)  # "40 to 50"
            or (start > 0 and doc[start - 1].lower_ in VAGUE_WORDS | {"between"})
            or (after is not None and after.lower_ in ("in", "out", "of") and noun is number)):
        return
    if start > 0 and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in SCALES:
        start -= 1  # "a thousand people"
    value = _value(doc[start:end + 1])
    if value is None or value <= 0 or not float(value).is_integer():
        return
    before = " ".join(w.lower_ for w in words if w.i < start)
    mod = MODIFIERS.get(before) if before else None
    first = words[0].i if mod else start
    last = max(noun.i, end)
    yield Count(what, _plain(value), "people", mod, doc[first:last + 1].text, article_id,
                doc[first].idx, doc[last].idx + len(doc[last].text))


def _value(span: Span) -> float | None:
    """The value of a number phrase: "12", "Twenty-four", "two dozen", "1.5 million", "a
    thousand"."""
    k, scale = len(span), 1
    while k > 0 and span[k - 1].lower_ in SCALES:
        k -= 1
        scale *= SCALES[span[k].lower_]
    head = span[:k].text
    if head.lower() in ("", "a", "an"):
        return float(scale)
    parsed = parse_count(head)
    return None if parsed is None else float(parsed) * scale


def _lasting(doc: Doc, t: Token, verbs: Sequence[Token], durations: Sequence[TimeExpr],
             article_id: str) -> Iterable[Count]:
    """How long the event lasted: a duration "for" the trigger ("met for about four hours"),
    one of a trigger noun ("a three-hour meeting", "three hours of talks"), or one the verb says
    that the trigger is the subject of, when that verb says how long ("the meeting lasted almost
    four hours"). Only so: "two days after the attack" and "nearly six years after he was shot"
    say when, not how long."""
    lasting = {v.i for v in verbs if v.lemma_.lower() in LASTING_VERBS}
    sent = t.sent
    for d in durations:
        if d.start < sent.start_char or d.end > sent.end_char:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        tied = (
            (root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.i in lasting | {t.i})
            or (root.head.i in lasting and root.dep_ in _LASTED_DEPS)
            or (t.pos_ == "NOUN" and root.head.i == t.i and root.dep_ in _NOUN_DEPS)
            or (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == root.i)
        )
        if tied:
            amount = _duration(d.value)
            if amount is not None:
                yield Count("duration", amount[0], amount[1], d.mod, d.text, article_id, d.start, d.end)


def _duration(value: str) -> tuple[int | float, str] | None:
    """The number and unit of a TIMEX3 duration, in its largest unit (PT4H: 4 hours; PT8M46S:
    8.77 minutes), None for vague ones (PXM)."""
    parts = duration_parts(value)
    if not parts:
        return None
    unit, hours = UNITS[parts[0][1]]
    number = round(sum(UNITS[u][1] * float(n) for n, u in parts) / hours, 2)
    return (_plain(number), unit) if number > 0 else None


def _plain(value: float | object) -> int | float:
    """A count as JSON shows it: 12, not 12.0 or Fraction(12, 1)."""
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else number
