"""Events: what each sentence reports, typed with PLOVER, with who did it to whom, whether it
happened, when, where and about what; mentions of one event within an article are merged.

News coders that count every "meeting" as a new event, date everything by the article, or read
"did not take place" as a meeting are what this stage avoids: the rules (event_rules.py) read
status and time from the clause, and merge_mentions() joins "held a trilateral meeting",
"Hosted a long meeting ..." and "The talks, which took place in Brussels" into one event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..gazetteer import fold
from ..model import (
    EXCLUSIVE_MODES,
    ROLE_RANK,
    Actor,
    Article,
    Count,
    DateValue,
    Entity,
    Event,
    EventReport,
    Mention,
    TimeExpr,
    most_telling_mode,
    short_hash,
)
from .event_context import build_context, sentences
from .event_counts import event_counts
from .event_rules import MERGE_WINDOW_SENTENCES, EventMention, MentionActor, find_mentions
from .time import story_day, story_day_end, told_in_past

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Statuses that may describe one event at two moments ("was planned" ... "did not take place").
STATUS_UPDATES = frozenset(
    {
        ("planned", "failed"),
        ("planned", "cancelled"),
        ("planned", "occurred"),
        ("occurred", "ongoing"),
        ("ongoing", "occurred"),
        ("planned", "negated"),
    }
)
# Dates ranked at least this high are the text's own (clause or sentence), not the publication date.
TEXT_DATE_RANK = 2


def extract_events(
    doc: Doc,
    article: Article,
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    timexes: Sequence[TimeExpr],
) -> list[Event]:
    """The events one article reports, each with one report (this article) and its evidence."""
    return merge_mentions(article, find_event_mentions(doc, article, mentions, entities, timexes))


def find_event_mentions(
    doc: Doc,
    article: Article,
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    timexes: Sequence[TimeExpr],
) -> list[EventMention]:
    """Every event mention in the article, in text order, before merging."""
    ctx = build_context(doc, article, mentions, entities, timexes)
    out: list[EventMention] = []
    statements: list[EventMention] = []
    for si, sent in enumerate(sentences(doc)):
        found, said = find_mentions(ctx, sent, si)
        out.extend(found)
        statements.extend(said)
    # a speech verb whose content (or quotation) reports an event is that event's attribution,
    # not a statement of its own
    used = {m.speech for m in out if m.speech is not None}
    quoted = {m.quote for m in out if m.quote >= 0}
    for s in statements:
        if s.token in used or ctx.attribution.get(s.token, -2) in quoted:
            continue
        out.append(s)
    durations = [t for t in timexes if t.type == "DURATION"]
    out = [replace(m, counts=event_counts(doc, m.type, m.token, (m.start, m.end), durations, article.id)) for m in out]
    out.sort(key=lambda m: (m.start, m.end))
    day = story_day(doc, timexes, article.published)
    if day is not None:
        end = story_day_end(doc, timexes, article.published)
        out = [replace(m, date=day) if m.start < end and _of_story_day(doc, m) else m for m in out]
    return out


# Outcomes a report tells as done: a plan or a hypothesis is not of the story's day.
DONE = frozenset({"occurred", "failed", "cancelled"})


def _of_story_day(doc: Doc, m: EventMention) -> bool:
    """Whether an act the text gives no time is news of the story's day (time.story_day) rather
    than of the publication day: one the writer tells in the simple past ("Jobs also said"), or
    one a saying so told reports as done ("the negotiator said the talks had stalled": by the day
    he said so); not the present, a perfect, a plan, or what a quotation says. It stays ranked
    as a date the sentence does not give, so a time of the text's own wins over it when mentions
    merge."""
    if m.date_rank != 1 or m.status not in DONE or m.quote >= 0:
        return False
    if m.speech is not None:
        return told_in_past(doc[m.speech]) and _told_as_past(_clause_verb(doc[m.token]))
    return told_in_past(doc[m.token])


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a word stands in ("talks" in "the talks had stalled": "stalled")."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _told_as_past(verb: Token) -> bool:
    """Whether a reported clause's verb tells its act as past at the saying: the simple past or
    the past perfect ("said the talks stalled", "said the talks had stalled"), active or passive."""
    if told_in_past(verb):
        return True
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and bool(auxes) and auxes[0] == "had"


def merge_mentions(article: Article, mentions: Sequence[EventMention]) -> list[Event]:
    """Join mentions of the same event within the article and build one Event for each."""
    clusters: list[list[EventMention]] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        near = [
            c
            for c in reversed(clusters)
            if c[0].type == m.type
            and m.sentence - c[-1].sentence <= MERGE_WINDOW_SENTENCES
            and _compatible(c, m)
            # "the summit" repeats the last "summit" before it: an event told before that is another
            and (m.antecedent is None or c[-1].end > m.antecedent)
        ]
        # an anaphor points at the latest event that stands as it does, before one it would update
        near.sort(key=lambda c: c[0].status != m.status)
        # a condition ("before Karst discusses any other issue") is no event a later "we will
        # talk" or "the talks" points back at
        target = next(
            (c for c in near if ((m.anaphoric or m.bare) and not c[0].contingent) or _same_event(c, m)), None
        )
        if target is None:
            clusters.append([m])
        else:
            target.append(m)
    events: dict[str, Event] = {}
    for c in clusters:
        ev = _event(article, c)
        events.setdefault(ev.id, ev)
    return list(events.values())


def _keys(ms: Sequence[EventMention]) -> set[str]:
    return {a.who.key for m in ms for a in m.actors}


def _overlap(a: DateValue, b: DateValue) -> bool:
    """Whether two dated intervals share a day (unknown bounds never conflict)."""
    if not (a.start and a.end and b.start and b.end):
        return a.value == b.value or not (a.start and b.start)
    return a.start <= b.end and b.start <= a.end


def _compatible(c: list[EventMention], m: EventMention) -> bool:
    """Nothing the cluster says contradicts the mention: date, status, mode, place."""
    for o in c:
        if (
            o.date
            and m.date
            and o.date_rank >= TEXT_DATE_RANK
            and m.date_rank >= TEXT_DATE_RANK
            and not _overlap(o.date, m.date)
        ):
            return False
        if o.mode in EXCLUSIVE_MODES and m.mode in EXCLUSIVE_MODES and o.mode != m.mode:
            return False
        if o.place and m.place and o.place.name != m.place.name:
            return False
    if _reversed(c, m):
        return False
    first = c[0].status
    if first != m.status:
        pair = (first, m.status)
        if pair not in STATUS_UPDATES or (not m.anaphoric and pair != ("occurred", "ongoing")):
            return False
    return True


def _reversed(c: list[EventMention], m: EventMention) -> bool:
    """A party that is the source in one and the target in the other: "Trump endorsed Moore" and
    "Moore thanked Trump" are two acts, however close, not one."""
    roles = {(a.who.key, a.role) for o in c for a in o.actors}
    flip = {"source": "target", "target": "source"}
    return any(
        (a.who.key, flip[a.role]) in roles and (a.who.key, a.role) not in roles for a in m.actors if a.role in flip
    )


def _same_event(c: list[EventMention], m: EventMention) -> bool:
    """Without an anaphor, two mentions are one event when they share two parties, or share a
    telling meeting mode and no party contradicts it."""
    shared = _keys(c) & _keys([m])
    if len(shared) >= 2:
        return True
    modes = {o.mode for o in c}
    if m.mode in EXCLUSIVE_MODES and m.mode in modes:
        return bool(shared) or not m.actors or not _keys(c)
    return False


def _event(article: Article, c: list[EventMention]) -> Event:
    """One Event from a cluster of mentions: the first names it, the others add detail; the
    report points at the mention that says how it stands ("did not take place" after "the
    trilateral will have to wait"), as that is what a reader checks first."""
    primary = evidence = c[0]
    status = primary.status
    for m in c[1:]:
        if m.status in ("failed", "cancelled") or (status == "planned" and m.status == "occurred"):
            status, evidence = m.status, m
    # a mention that joined only for naming no party ("bare", not "the attack" or "it") may be
    # another event of the same type: it neither dates this one nor says how it was done
    donors = [m for m in c if m is primary or m.anaphoric or not m.bare]
    dated = max(donors, key=lambda m: (m.date_rank, -m.start))
    roles: dict[str, MentionActor] = {}
    for m in c:
        for a in m.actors:
            old = roles.get(a.who.key)
            if old is None or ROLE_RANK[a.role] < ROLE_RANK[old.role]:
                roles[a.who.key] = a
    actors = sorted(roles.values(), key=lambda a: (ROLE_RANK[a.role], a.who.start))
    if primary.type == "CONSULT" and any(a.role == "mediator" for a in actors):
        actors = [a if a.role == "mediator" else MentionActor(a.who, "participant") for a in actors]
    mode = most_telling_mode(m.mode for m in donors)
    place = next((m.place for m in c if m.place), None)
    if place is not None:
        # where it happened is not who did it: "talks held in Lindholm" have no Lindholm side
        here = fold(place.name)
        actors = [a for a in actors if a.role == "target" or fold(a.who.name) != here]
    topic = next((m.topic for m in c if m.topic), None)
    counts: dict[str, Count] = {}
    for m in donors:
        for n in m.counts:
            counts.setdefault(n.what, n)  # the first mention to give a kind of count gives it
    report = EventReport(
        article.id,
        evidence.start,
        evidence.end,
        evidence.sentence_start,
        evidence.sentence_end,
        status,
        dated.date_text,
    )
    return Event(
        id=short_hash(article.id, "event", primary.start, primary.end),
        type=primary.type,
        status=status,
        reports=(report,),
        mode=mode,
        date=dated.date,
        place=place,
        actors=tuple(Actor(a.who.entity_id, a.who.name, a.role) for a in actors),  # type: ignore[arg-type]
        topic=topic,
        counts=tuple(counts.values()),
    )
