"""Time expressions (TimeML TIMEX3) and the publication date of an article.

``extract_timexes`` finds every date, time, duration and set in an article and normalises it
against the publication date; ``infer_published`` finds that date in the text when nobody gave
it. The patterns work on the raw text (``timex_rules``); the parsed Doc only answers three
questions: the tense of the clause around an expression (to place "Monday" before or after the
reference), whether spaCy took a four-digit number for a count or a name, and whether "daily"
is an adverb or an adjective. spaCy is never run again here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Article, DateValue, TimeExpr
from .timex_calendar import Point, date_value, interval, parse_value, safe_date
from .timex_lexicon import WEEKDAYS
from .timex_resolve import Built, Found, Tense
from .timex_tagger import tag_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "extract_timexes", "infer_published", "occasion_verb", "story_day", "story_day_end", "tag_text", "told_in_past",
]

# Verbs whose infinitive complement is about something still to come ("plans to meet Monday").
FUTURE_GOVERNORS = frozenset(
    [
        "expect", "plan", "schedule", "set", "due", "intend", "hope", "aim", "want", "seek", "prepare",
        "agree", "decide", "promise", "vow", "threaten", "propose", "try", "attempt", "move", "slate",
        "wish", "look", "go", "be", "mean", "ask", "urge", "call", "invite",
    ]
)
# Auxiliaries that put a clause in the future (TimeML reads "would" in reported speech so too).
FUTURE_AUX = frozenset({
    "will", "'ll", "shall", "wo", "would", "'d", "gonna", "might", "may", "should", "must",
})
# Verbs that arrange something for a time: a date that hangs on them is the arranged event's
# ("has scheduled a news conference Thursday", "planned a march on Saturday"), which lies ahead.
SCHEDULING_VERBS = frozenset({"schedule", "plan", "slate", "reschedule"})
# Verbs that, in the past tense, tell a timetable rather than an intent: "was set to die
# Monday", "was due to arrive on Friday" place the day near the reference, not after it.
SCHEDULE_TOLD = frozenset({"set", "schedule", "slate", "due", "expect", "plan", "be", "suppose"})
# Verbs that direct someone to act later: their infinitive looks ahead even when the parser
# takes it for a purpose clause ("subpoenaed him to testify on Feb. 10").
DIRECTIVE_VERBS = frozenset({
    "subpoena", "order", "ask", "urge", "invite", "force", "require", "summon", "tell", "allow",
    "persuade", "encourage", "direct", "instruct", "authorize", "permit", "compel", "request",
    "call", "expect", "want", "need", "schedule", "plan",
})
# Verbs of demanding whose "that" clause, in the subjunctive, says what is to happen: "demanded
# that the statute be on the agenda in September", "ordered that he be released on Friday"
# (a day there is placed on the nearer side of the reference, not by the demand's past tense).
MANDATIVE_VERBS = frozenset({
    "demand", "request", "ask", "urge", "order", "require", "insist", "propose", "recommend",
    "stipulate", "decree",
})
# Verbs of intention in the present tense look ahead too ("plans ... on Tuesday").
INTENTION_VERBS = frozenset({"plan", "intend", "expect", "hope", "aim", "schedule", "slate", "propose"})
# Verbs of saying, thinking, being and having: in the present simple they describe what holds
# now, not an arranged event ("says Monday" is no meeting on a coming Monday).
STATIVE_VERBS = frozenset({
    "say", "tell", "report", "state", "add", "note", "claim", "argue", "insist", "deny", "admit",
    "acknowledge", "warn", "predict", "estimate", "announce", "confirm", "explain", "write", "quote",
    "know", "believe", "think", "feel", "fear", "worry", "doubt", "suspect", "understand", "recall",
    "remember", "see", "hear", "consider", "expect", "hope", "want", "need", "wish", "like", "love",
    "hate", "prefer", "seem", "appear", "look", "sound", "remain", "stay", "be", "have", "own",
    "hold", "contain", "include", "involve", "require", "mean", "represent", "reflect", "show",
    "indicate", "suggest", "depend", "exist", "belong", "cost", "total", "equal", "account",
    "compare", "continue", "keep", "lie", "sit", "stand", "face", "count", "rank", "trade",
    "call", "describe", "concern", "matter", "value", "range",
})
# Verbs whose past tense is spelled as their base form: a present tag on them is as likely a
# misread past ("Weakness hurt the index, which fell on Friday").
INVARIANT_PAST = frozenset({
    "hurt", "put", "set", "cut", "hit", "let", "cost", "spread", "shut", "quit", "bid", "cast",
    "beat", "burst", "split", "upset", "broadcast", "forecast", "bet", "shed", "rid", "thrust", "read",
})
# How many steps up the dependency tree to look for the verb that governs an expression.
MAX_HEAD_STEPS = 6
# How many governing verbs to try when the nearest one has no tense of its own.
MAX_VERB_CLIMB = 3
# Part of a period an "early"/"mid"/"late" modifier keeps of its interval (a third each).
MOD_FRACTION = 3
# The lead: the first sentences with a verb (a headline, the opening paragraph), where a news
# report says what happened and when.
LEAD_SENTENCES = 3
# How many days before the publication day the lead's day may lie and still be the day the
# article's news was gathered: the day before, as in a paper reporting "yesterday's" press
# conference. An event several days old is often the peg of fresh reactions and reports, which
# are of the publication day (read on Guardian news: "killed last Wednesday ... Bloomberg News
# quoted Russian sources" six days later).
STORY_DAY_REACH = 1


def _verb_tense(verb: Token, depth: int = 0, direct: bool = True) -> Tense | None:
    """Tense of a verb from its tag and auxiliaries (an infinitive asks the verb above it, at
    most MAX_VERB_CLIMB levels up). ``direct``: the date hangs on the verb itself, not on one
    of its nouns ("repeats his claim in an interview on Thursday")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxes}
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBN" and words & {"have", "'ve"} and words & FUTURE_AUX:
        return "past"  # "may have been", "would have gone": a modal perfect looks back
    if verb.tag_ == "VBG" and not auxes and _since(verb):
        return "past"  # "will speak for the first time since taking office in July": behind
    if words & {"would", "could"} and not words & {"will", "'ll", "shall", "wo", "have", "'ve"}:
        return "open"  # the future of a past ("said it would close Friday") or a possibility
    if words & FUTURE_AUX:
        return "future"
    if _mandated(verb):
        return "future"  # what is demanded lies ahead (but see doc_tense for a day)
    if "going" in words or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.subtree)):
        return "future"
    if "to" in words:
        head = verb.head
        governing = _governing_verb(head) if head.i != verb.i else None
        # A perfect infinitive reports what is done ("is believed to have taken place on 10
        # January", "appears to have died Sunday"), unless an intent governs it ("expects to
        # have finished by Friday").
        if verb.tag_ == "VBN" and words & {"have", "'ve"} and (
            governing is None or governing.lemma_.lower() not in FUTURE_GOVERNORS
        ):
            return "past"
        above = governing is not None and governing.i != verb.i and depth < MAX_VERB_CLIMB
        outer = _verb_tense(governing, depth + 1) if governing is not None and above else None
        # "had been due to expire Friday" looks back; "planned to leave Thursday" ahead.
        perfect = governing is not None and any(c.lower_ in ("had", "'d") for c in governing.children)
        if outer == "past" and perfect:
            return "past"
        # An infinitive that qualifies a noun ("the first countries to join on Friday") takes
        # its time from the clause; one that complements a verb ("subpoenaed him to testify
        # on Feb. 10", "plans to leave Thursday") is about something after it.
        if verb.dep_ in ("acl", "relcl", "csubj"):
            return outer
        # A purpose clause shares the time of its clause ("staged rallies to mark the entry on
        # Friday"), unless the verb directs someone to act ("subpoenaed him to testify").
        directs = governing is not None and governing.lemma_.lower() in DIRECTIVE_VERBS
        if verb.dep_ == "advcl" and not directs:
            return outer
        # Told in the past, a schedule ("was set to resume Monday") or an act that is not an
        # intent ("refused to hear it in February") may lie on either side of the reference;
        # an intent ("sought to use it for November", "agreed to buy it in February") ahead.
        if outer == "past" and not directs and governing is not None:
            lemma = governing.lemma_.lower()
            if lemma in SCHEDULE_TOLD or lemma not in FUTURE_GOVERNORS:
                return "open"
        return "future"
    tags = {c.tag_ for c in auxes} | {verb.tag_}
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod", "relcl", "advcl"):
        # "the plan announced Friday" looks back; "the executions planned for Thursday" may
        # lie on either side
        return "open" if lemma in SCHEDULING_VERBS else "past"
    if verb.tag_ == "VBN" and words & {"have", "has", "'ve", "had"}:
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re", "'m"}:
        return "future"  # "is meeting on Monday": an arrangement
    if verb.tag_ == "VBN" and words & {"is", "are", "am", "'s", "'re"} and \
            verb.lemma_.lower() in FUTURE_GOVERNORS:
        return "future"  # "is scheduled for Monday"
    if tags & {"VBZ", "VBP", "MD"}:
        # "plans to vote on Tuesday" looks ahead; "can take part in April": a modal other than
        # "will" says nothing more
        if verb.tag_ in ("VBZ", "VBP") and not auxes and (lemma in INTENTION_VERBS or (direct and _schedules(verb))):
            return "future"
        return "present"
    return None


# A day named by its number or its weekday, not only a month or a year.
_DAY_NAMED = re.compile(r"(?<!\d)\d{1,2}(?!\d)|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _mandated(verb: Token) -> bool:
    """Whether a verb is the subjunctive of a clause under a verb of demanding: "demanded that
    the statute be the only item in September", "proposed that the commission meet on Monday".
    The base form shows it; so does a present-tense tag (the tagger reads "the commission meet"
    so), except after "insist" with a plural subject: "insisted that the talks are on track" is
    not subjunctive at all."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in MANDATIVE_VERBS:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    tags = {verb.tag_} | {c.tag_ for c in auxes}
    if tags & {"VBD", "VBZ", "MD", "VBG"} or any(c.lower_ == "to" for c in auxes):
        return False
    if "VB" in tags or any(c.lower_ == "be" for c in auxes):  # "that he be released"
        return True
    if "VBP" not in tags:
        return False
    # "insisted that the talks are on track" is no subjunctive; after the other verbs of
    # demanding a clause in the present form is ("urged that talks resume on Thursday").
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return verb.head.lemma_.lower() != "insist" or (subject is not None and subject.tag_ in ("NN", "NNP"))


def _since(verb: Token) -> bool:
    """Whether a clause is introduced by "since" ("since taking office"), which counts from a
    time before the reference whatever the tense of the clause it hangs on."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "since":
        return True
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


def _schedules(verb: Token) -> bool:
    """Whether a verb in the present simple tells a scheduled event: news writes "the team
    leaves Tuesday", "they meet Monday" for what is arranged; verbs of saying, knowing and
    being describe the present instead ("says", "knows", "has")."""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and lemma not in STATIVE_VERBS and lemma not in INVARIANT_PAST


def _arranges(verb: Token, date: Token) -> bool:
    """Whether a date after a scheduling verb in the active voice names the arranged event
    ("has scheduled a news conference Thursday", "planned a march on Saturday"); not a date
    put before the verb ("On Friday, the government planned"), nor a participle ("the service
    planned for Saturday was cancelled"), nor a past perfect ("had planned")."""
    if verb.lemma_.lower() not in SCHEDULING_VERBS or date.i < verb.i:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "auxpass" for c in verb.children) or auxes & {"had", "'d"}:
        return False
    return verb.tag_ != "VBN" or bool(auxes & {"has", "have", "'ve"})


def _told_past(span: Span, root: Token) -> bool:
    """Whether a date follows a verb in the simple past ("said Monday the trip will be", "fired
    on Monday"): news puts the day an act happened right after its verb, though the parser
    often hangs it on the clause that follows."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "on":
        i -= 1
    if i < 0 or root.dep_ in ("nsubj", "nsubjpass"):
        return False
    before = span.doc[i]
    return before.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in before.children)


def _hangs_on(date: Token, verb: Token) -> bool:
    """Whether a date is a dependent of the verb, directly or through a preposition ("meet
    Monday", "meet on Monday"), rather than of a noun ("an interview on Monday")."""
    head = date.head
    if head.pos_ == "ADP" and head.i != date.i:
        head = head.head
    return head.i == verb.i


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above a token."""
    node = token
    for _ in range(MAX_HEAD_STEPS):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _first_conjunct(token: Token) -> Token | None:
    """The date a date is coordinated with, when it comes second ("Monday and Tuesday", "June
    28 and 29"): the parser hangs only the first on the verb."""
    node = token
    while node.dep_ == "conj" and node.head.i < node.i and node.head.ent_type_ in ("DATE", "TIME"):
        node = node.head
    return node if node.i != token.i else None


def doc_tense(doc: Doc) -> Callable[[int, int], Tense | None]:
    """A tense lookup for character spans of a parsed Doc."""
    cache: dict[tuple[int, int], Tense | None] = {}

    def tense(start: int, end: int) -> Tense | None:
        key = (start, end)
        if key not in cache:
            span = doc.char_span(start, end, alignment_mode="expand")
            root = span.root if span is not None and len(span) else None
            first = _first_conjunct(root) if root is not None else None
            if first is not None:
                # "comes to town Monday and Tuesday": the second day is placed as the first is
                cache[key] = tense(first.idx, first.idx + len(first.text))
                return cache[key]
            # A date that modifies a noun ("a June agreement") is not placed by the verb.
            nominal = root is not None and (
                root.dep_ in ("compound", "nmod", "amod", "poss")
                # "his gambit Sunday"; not "Tuesday, June 10" nor a signature's "— Jane
                # Doe (@jdoe) June 18, 2018", which the parser also hangs as appositions
                or (root.dep_ == "appos" and root.head.pos_ == "NOUN" and not root.head.ent_type_)
            )
            verb = _governing_verb(root) if root is not None and not nominal else None
            if nominal and root is not None:
                # "at a 5 June rally, she accused": the date of the occasion of an act is placed
                # as the act is
                verb = occasion_verb(root.head)
            found: Tense | None = None
            if span is not None and root is not None and _told_past(span, root):
                cache[key] = "past"
                return "past"
            if verb is not None and root is not None and _arranges(verb, root):
                cache[key] = "future"
                return "future"
            # A participle or gerund without auxiliaries says nothing: ask the verb it hangs on.
            direct = root is not None and verb is not None and _hangs_on(root, verb)
            # "The congress, meeting in Sochi on Monday, is boycotted": a bare participle that
            # carries the date, in a clause about the present, tells an event on either side.
            bare_ing = verb is not None and verb.tag_ == "VBG" and verb.dep_ in ("acl", "advcl") \
                and direct and not any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)
            for _ in range(MAX_VERB_CLIMB):
                if verb is None:
                    break
                found = _verb_tense(verb, direct=direct)
                if found is not None or verb.head.i == verb.i:
                    break
                verb, direct = _governing_verb(verb.head), False
            if found == "past" and root is not None and root.dep_ == "pobj" and root.head.lower_ == "for":
                # "for" names the time something is meant for ("were set for Friday", "called
                # a meeting for Wednesday"): told in the past, it may still lie ahead.
                found = "open"
            if found == "present" and bare_ing:
                found = "open"
            if found == "future" and verb is not None and _mandated(verb) and span is not None \
                    and _DAY_NAMED.search(span.text):
                # A day in a demanded clause may be the demand's own, which the parser hangs
                # there as often ("ordered that the practice be halted on June 20", in July):
                # the nearer side, not always the coming one. A month or a year ("be on the
                # agenda in September") is what is demanded, ahead.
                found = "open"
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
    ents: list[tuple[int, int, str]] = []
    loaded = False

    def label(start: int, end: int) -> str | None:
        nonlocal ents, loaded
        if not loaded:  # most texts never ask: build the list on first use only
            ents, loaded = [(e.start_char, e.end_char, e.label_) for e in doc.ents], True
        for s, e, lab in ents:
            if s <= start and end <= e:
                return lab
        return None

    return label


_FUTURE_CUE = (
    r"will|'ll|shall|would|going\s+to|is\s+to|are\s+to|plans?\s+to|planned\s+to|expected|scheduled"
    r"|set\s+to|due\s+to|slated|intends?\s+to|next"
)
_PAST_CUE = (
    r"was|were|had|did|said|\w+ed|ago|last|wrote|met|held|told|took|gave|made|went|came|saw|spoke"
    r"|left|began|won|lost|led|sent|brought|kept|found|thought|became|ran|fell|rose|drew|chose|broke"
    r"|spent|paid|sold|bought|built|felt|stood|heard|struck|sought|fought|caught|shot|flew|knew|grew"
)
_TENSE_CUE = re.compile(rf"\b(?:(?P<future>{_FUTURE_CUE})|(?P<past>{_PAST_CUE}))\b", re.IGNORECASE)
# How far (characters) text_tense looks for a verb before an expression, and after it.
TEXT_TENSE_LEFT, TEXT_TENSE_RIGHT = 80, 40


def text_tense(text: str) -> Callable[[int, int], Tense | None]:
    """A rough tense lookup from words alone, for use without a parse: the nearest tense cue
    before the expression in its sentence ("will", "is expected to" -> future; "met",
    "announced" -> past), else the first one after it."""

    def tense(start: int, end: int) -> Tense | None:
        left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - TEXT_TENSE_LEFT)
        stops = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
        right = min([*stops, end + TEXT_TENSE_RIGHT])
        before = list(_TENSE_CUE.finditer(text, left + 1, start))
        cue = before[-1] if before else _TENSE_CUE.search(text, end, right)
        if cue is None:
            return None
        return "future" if cue["future"] else "past"

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
        try:
            s, e = _narrow(span, b.mod)
        except OverflowError:  # a period at the very edge of the calendar: keep it whole
            return dv
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


def _parsed(doc: Doc, text: str) -> bool:
    """Whether the Doc can answer questions about this text: it is of this text and has a
    dependency parse (a blank pipeline has none; words alone then give the tense)."""
    return doc.text == text and doc.has_annotation("DEP")


def extract_timexes(doc: Doc, article: Article) -> list[TimeExpr]:
    """Every time expression of an article, resolved against its publication date (values
    with X's when the date is unknown). Offsets point into ``article.text``."""
    text = article.text
    reference = parse_day(article.published)
    if _parsed(doc, text):
        found = tag_text(text, reference, doc_tense(doc), doc_label(doc), doc_pos(doc))
    else:
        found = tag_text(text, reference, text_tense(text))
    return [to_time_expr(article.id, text, f, reference) for f in found]


# --------------------------------------------------------------------------- publication date

# A date line: a line that is (almost) only a date, or the start of a dateline.
_DATE_LINE_CHARS = 60
# Words besides the date that a date line may carry ("By Jane Doe |", "Updated").
_DATE_LINE_OTHER_WORDS = 3
# Lines of the text searched for a date line or dateline.
_HEAD_LINES = 6
_LEAD = re.compile(
    r"^\s*(?:(?:published|posted|updated|last\s+updated|date|dated|first\s+published)\s*(?:on|at)?\s*[:\-–]?\s*)?",
    re.IGNORECASE,
)
# How many days after the latest reported date an undated article may be (weekdays in its text
# are searched for in this window).
MAX_INFERENCE_LAG_DAYS = 6
# How many reported weekdays must fall on days the text names for an inferred date to stand.
MIN_WEEKDAY_AGREEMENT = 1
# And what share of the weekdays it reports: one agreement among many reported weekdays is chance
# (an article of 1990 recalling "Aug. 6, 1988" and five Tuesdays of its own week is not of 1988).
MIN_WEEKDAY_SHARE = 0.5
# A weekday that leads a date ("Monday, September 16").
_WEEKDAY_FIRST = re.compile(rf"({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
# A year something happened in ("in 2013", "since 2010").
_IN_YEAR = re.compile(r"\b(?:in|since)\s+$")
# How far from the period that gives a year (the latest one the text dates with a year) a day
# named without a year may lie and still take that year.
MAX_YEAR_CARRY_DAYS = 62


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
        rest = head[: first.start] + " " + head[first.end :]
        # a date line: little else on it ("By Jane Doe | 10 June 2025"), or a dateline
        # ("BELGRADE, June 10, 2025 -"), or a "Published:" label before it
        other_words = [w for w in rest.split() if any(c.isalnum() for c in w)]
        short_line = len(line.strip()) <= _DATE_LINE_CHARS and len(other_words) <= _DATE_LINE_OTHER_WORDS
        dateline = re.match(r"^\s*(?-i:[A-Z][A-Z .'-]+),\s*$", head[: first.start]) is not None
        # a label with no colon leads a date line, not a sentence ("Dated Dec. 12, 2016, the memo
        # said ..." dates the memo)
        if line[:offset].strip():
            found_line = ":" in line[:offset] or len(other_words) <= _DATE_LINE_OTHER_WORDS
        else:
            found_line = short_line or dateline or first.start <= 2
        if found_line:
            span = interval(p)
            if span is not None:
                return span[0].isoformat()
    return None


@dataclass
class _Reported:
    """What a text reports that can date it, sorted by kind."""

    # months and days with their year, and whether the text names them (not "three days later")
    fine: list[tuple[Point, Tense | None, bool]] = field(default_factory=list)
    # days without a year ("June 10"), with the weekday given with them ("Monday, June 9")
    days_without_year: list[tuple[Point, Tense | None, int | None]] = field(default_factory=list)
    weekdays: list[int] = field(default_factory=list)  # "on Tuesday", in the past tense
    years: list[int] = field(default_factory=list)  # "was tapped in 2013"


def _reported(text: str, found: list[Found], tense: Callable[[int, int], Tense | None]) -> _Reported:
    """The dates, days and weekdays among found, leaving out photo captions."""
    out = _Reported()
    for f in found:
        b = f.built
        p = b.point if b.point is not None else parse_value(b.value)
        if p is None or b.type not in ("DATE", "TIME") or b.aside == "caption":
            continue
        posted = b.aside == "posted"
        # a post embedded in the article was posted before it was written
        t = "past" if posted else tense(f.start, f.end)
        if p.year is not None and p.gran in ("month", "day", "pod", "time"):
            out.fine.append((p, t, b.focus or posted))
        elif p.year is None and p.month is not None and p.day is not None:
            named_weekday = _WEEKDAY_FIRST.match(text, f.start)
            out.days_without_year.append((p, t, WEEKDAYS[named_weekday.group(1).lower()] if named_weekday else None))
        elif p.year is None and p.weekday is not None and t == "past":
            out.weekdays.append(p.weekday)
        elif p.gran == "year" and p.year is not None and t == "past" \
                and _IN_YEAR.search(text, max(0, f.start - 8), f.start):
            out.years.append(p.year)
    return out


def _days(said: _Reported, floor: dt.date) -> list[tuple[dt.date, Tense | None, bool]]:
    """Every day reported, with its tense and whether the text names it; a day without a year
    takes the year that puts it nearest floor (the start of the latest period given a year)."""
    days = [(span[0], t, named) for p, t, named in said.fine
            if p.gran != "month" and (span := interval(p)) is not None]
    for p, t, weekday in said.days_without_year:
        years = (floor.year - 1, floor.year, floor.year + 1)
        options = [d for y in years if (d := safe_date(y, p.month, p.day))]
        # "Monday, September 16" is in a year where 16 September is a Monday
        options = [d for d in options if weekday is None or d.isoweekday() == weekday]
        nearest = min(options, key=lambda d: (abs((d - floor).days), d < floor)) if options else None
        # A year given for one period carries over to a day named without one only when the two
        # are close: "May 2025 ... June 10" is one stretch of news; "June 2007 ... Nov. 14" is
        # background and the present, with no year of its own.
        if nearest is not None and abs((nearest - floor).days) <= MAX_YEAR_CARRY_DAYS:
            days.append((nearest, t, True))
    return days


def _infer_from_mentions(text: str, found: list[Found],
                         tense: Callable[[int, int], Tense | None]) -> str | None:
    """The reference day most consistent with the text's own dates and weekdays, or None.

    The year comes from the latest month or day the text names with a year ("May 2025"); a
    day named without one ("June 10": news leaves the year out of recent dates) goes in the
    year that puts it nearest that. The reference is the latest day the text reports in the
    past tense (an embedded post counts, a photo caption does not), or up to
    MAX_INFERENCE_LAG_DAYS after it, and must put a weekday the text reports ("on Tuesday") on
    a day it names: without that agreement the latest date may be history ("the 1987 crash")
    or a deadline, and says nothing about when the text was written. A text that reports a
    later month or year ("was discharged in 2010") was not written on that day either.
    """
    said = _reported(text, found, tense)
    spans = [s for s in (interval(p) for p, t, _ in said.fine if t not in ("future", "open")) if s]
    if not spans or not said.weekdays:
        return None
    days = _days(said, max(spans, key=lambda s: s[1])[0])
    past = [d for d, t, _ in days if t == "past"]
    if not past:
        return None
    latest = max(past)
    # The text reports a month later than every day it reports ("In February 2015, he ..."): the
    # latest day is background, and the news has no day of its own here.
    if any(p.gran == "month" and t == "past" and (span := interval(p)) and span[0] > latest
           for p, t, _ in said.fine):
        return None
    # A day counted from another ("three days later") agrees with a weekday by construction.
    named = {d for d, _, named_here in days if named_here}
    best, best_score = latest, -1
    for lag in range(MAX_INFERENCE_LAG_DAYS + 1):
        ref = latest + dt.timedelta(days=lag)
        score = sum(ref - dt.timedelta(days=(ref.isoweekday() - wd) % 7) in named for wd in said.weekdays)
        if score > best_score:
            best, best_score = ref, score
    enough = best_score >= MIN_WEEKDAY_AGREEMENT and best_score >= MIN_WEEKDAY_SHARE * len(said.weekdays)
    # A text that tells what happened in a later year was not written on a day of history
    # ("September 11, 2001 ... a Tuesday ... discharged him in 2010").
    if any(year > best.year for year in said.years):
        return None
    return best.isoformat() if enough else None


def infer_published(doc: Doc, text: str) -> tuple[str | None, str | None]:
    """The publication day of an undated article and how it was found: ("YYYY-MM-DD", "text")
    from a date line or dateline, ("YYYY-MM-DD", "inferred") from the dates and weekdays the
    text mentions, or (None, None) when nothing supports a date."""
    line_day = _dateline(text)
    if line_day is not None:
        return line_day, "text"
    if _parsed(doc, text):
        tense = doc_tense(doc)
        found = tag_text(text, None, tense, doc_label(doc), doc_pos(doc))
    else:
        tense = text_tense(text)
        found = tag_text(text, None, tense)
    day = _infer_from_mentions(text, found, tense)
    return (day, "inferred") if day else (None, None)


def _lead(doc: Doc) -> list[tuple[int, int, int]]:
    """The lead's sentences (the first LEAD_SENTENCES with a verb): their start, end, and the
    offset of their first verb."""
    lead: list[tuple[int, int, int]] = []
    for sent in doc.sents:
        verbs = [t.idx for t in sent if t.pos_ in ("VERB", "AUX")]
        if verbs:
            lead.append((sent.start_char, sent.end_char, verbs[0]))
        if len(lead) == LEAD_SENTENCES:
            break
    return lead


def story_day(doc: Doc, timexes: Sequence[TimeExpr], published: str | None) -> DateValue | None:
    """The day of the news an article reports, when its lead puts it before the day the article
    appeared: "Yesterday, Jobs unveiled the phone" in a paper of 8 June is news of 7 June, and so
    is "Jobs also said ..." further down, which names no day. None when the lead's first day is
    not STORY_DAY_REACH days or less before the publication day, when the lead also names the
    publication day or a later one (the news runs on to the day the article appeared), or when
    the lead names no day. A date in brackets, a date line or dateline (a
    sentence without a verb, or the date before a story's first verb) is not the lead's day."""
    day = parse_day(published)
    if day is None or not timexes:
        return None
    lead = _lead(doc)
    days: list[tuple[dt.date, bool]] = []  # each day of the lead, and whether it is background
    for tx in sorted(timexes, key=lambda t: t.start):
        where = next((s for s in lead if s[0] <= tx.start < s[1]), None)
        if where is None or tx.type not in ("DATE", "TIME") or tx.date is None:
            continue
        d = parse_day(tx.date.start)
        if d is None or tx.date.start != tx.date.end:
            continue  # a week, a month or an open stretch is no day
        if d == day and tx.start < where[2]:
            continue  # "LINDHOLM, 10 June (Wire) - ...": the dateline gives the paper's day
        if _bracketed(doc.text, tx.start, tx.end) or _quoted(doc.text, tx.start):
            continue  # "(Opinion, 4 January)", '"The talks collapsed yesterday," he told'
        days.append((d, _aside(doc, tx)))
    # the first day must be the day before, told in the main clause ("who died yesterday" is
    # background), and no day the publication day itself or later ("were informed on Tuesday
    # night, and after reports surfaced on Wednesday morning, Trump tweeted")
    if not days or days[0][1] or any(d >= day for d, _ in days):
        return None
    first = days[0][0]
    if (day - first).days <= STORY_DAY_REACH:
        return DateValue(first.isoformat(), first.isoformat(), first.isoformat(), "day")
    return None


# Words that open a clause or phrase setting up another moment than the news: "after talks broke
# down yesterday", "until yesterday".
ASIDE_MARKS = frozenset({"after", "before", "since", "until", "till", "when", "once", "as", "because", "while"})


def _aside(doc: Doc, tx: TimeExpr) -> bool:
    """Whether a time expression of the lead tells background, not the news: it sits in a
    relative or subordinate clause ("the minister, who returned from Brussels yesterday,
    announced"; "on strike after talks broke down yesterday") or after "until"/"since"."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    node = span.root
    if node.head.lower_ in ASIDE_MARKS:
        return True
    for _ in range(MAX_HEAD_STEPS + 4):
        if node.dep_ in ("relcl", "acl", "advcl", "pcomp") or any(
                c.dep_ == "mark" and c.lower_ in ASIDE_MARKS for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _quoted(text: str, start: int) -> bool:
    """Whether offset start lies inside a quotation opened earlier in its paragraph."""
    para = text[text.rfind("\n", 0, start) + 1 : start]
    curly = para.count("\u201c") > para.count("\u201d")
    return curly or (para.count('"') % 2 == 1)


def story_day_end(doc: Doc, timexes: Sequence[TimeExpr], published: str | None) -> int:
    """Where the story's day stops applying: the start of the sentence in which the text, after
    the lead, moves on to the publication day ("On Wednesday, Olsen met ..."; "This
    morning the opposition leader criticised the plan"), outside quotations; else the end."""
    day = parse_day(published)
    lead = _lead(doc)
    lead_end = lead[-1][1] if lead else 0
    for tx in sorted(timexes, key=lambda t: t.start):
        if tx.start < lead_end or tx.date is None or tx.type not in ("DATE", "TIME") or _quoted(doc.text, tx.start):
            continue
        if tx.value.endswith("_REF") or tx.date.start != tx.date.end:
            continue  # "now", "this week": no day the text moves to
        d = parse_day(tx.date.start)
        if day is not None and d is not None and d == day:  # a later day is a plan, not the news moving on
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            return span.sent.start_char if span is not None and len(span) else tx.start
    return len(doc.text)


def _bracketed(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies inside round brackets on its line."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    after_end = text.find("\n", end)
    after = text[end : after_end if after_end >= 0 else len(text)]
    opened = before.rfind("(") > before.rfind(")")
    closes = after.find(")")
    return opened and closes >= 0 and not 0 <= after.find("(") < closes


# Verbs of saying: what is said at an occasion is said then ("said at the June 5 summit"); other
# acts may be about the occasion ("threatened a walkout at the June 20 summit", "condemned the
# violence at the Sunday rally"), which the parser cannot tell from where they were done.
OCCASION_SAYING = frozenset({
    "say", "tell", "announce", "state", "declare", "add", "speak", "address", "explain", "insist", "confirm",
    "brief", "note", "stress", "reply", "answer", "respond",
})
# Occasions an act is done at: a date on them dates what was said or done there.
OCCASION_NOUNS = frozenset({
    "conference", "briefing", "speech", "address", "interview", "session", "event", "summit", "hearing",
    "rally", "ceremony", "appearance", "broadcast", "debate", "keynote", "meeting", "gathering",
})
# How an occasion hangs on the act: "in/at/during a Monday news conference".
OCCASION_PREPS = frozenset({"in", "at", "during"})


def occasion_verb(noun: Token) -> Token | None:
    """The verb of saying a noun is the occasion of: the object of "in", "at" or "during" on it
    ("at a Monday rally, she said"), or what a verb of telling addresses ("told a Tuesday news
    conference")."""
    if noun.lemma_.lower() not in OCCASION_NOUNS:
        return None
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in OCCASION_PREPS and head.head.lemma_.lower() in OCCASION_SAYING:
        return head.head
    if noun.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "address", "brief"):
        return head
    return None


def told_in_past(verb: Token) -> bool:
    """Whether a verb tells a single past act in the simple past, active or passive ("Jobs
    said", "the deal was signed"): not the present ("says"), the perfect ("has said") or a
    modal ("would say"), which do not report an act of the news day."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not auxes
    return (verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass"
            and auxes[0].lower_ in ("was", "were"))
