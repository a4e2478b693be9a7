"""Merged events: one record per real event, from every article that reports it.

Each article's events are extracted on their own (extract/events.py); here the reports of one
event in different articles are merged, and where they disagree (on the day, on whether it
happened, on where, on how many were killed or how long it lasted) a Conflict records who says
what, instead of the event being split in two.

Two article events are one when they are of the same type, name enough of the same people and
organisations, fall within a few days of each other (on their own dates when the texts date
them, else around their articles' publication days), are told in passages that tell one story,
and agree on one thing more (dated_alike). Reports that nothing places in time (no date
in the text, no publication day: a folder of plain text files) cannot be told from a repeat of the
same act months apart by their days; they are merged only with each other, and only on evidence a
repeat rarely shares (undated_alike). A merged event is a connected group of such pairs and is
named by its smallest member's id, so the same store always gives the same records (an event
reported once keeps the id of its report) whatever order articles came in. Candidates come from
the index of actors (for undated reports also from their passages' names and their place; for a
report that names no actor, from its format, day and place), so merging a batch costs what the
batch costs. A dated report that names no actor joins another only when both state the same day
and name the same place and the same trilateral or multilateral format (_unnamed_alike).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..gazetteer import country_of_state, fold
from ..model import (
    EXCLUSIVE_MODES,
    ROLE_RANK,
    UNNAMED_MODES,
    Actor,
    Conflict,
    ConflictValue,
    Count,
    DateValue,
    Event,
    EventReport,
    Place,
    most_telling_mode,
    short_hash,
    to_dict,
)
from .stories import _Groups, linked

Members = list[tuple[str, str]]  # (article event id, article id)


class EventStore(Protocol):
    """What merging events needs from a store (store/duckdb.py's Store provides it)."""

    def pending_events(self) -> list[str]: ...
    def event_links(self, ids: Sequence[str], min_passage: int = 0) -> list[tuple[str, str, int]]: ...
    def merged_of(self, member_ids: Sequence[str]) -> set[str]: ...
    def merged_members(self, merged_ids: Sequence[str]) -> dict[str, list[str]]: ...
    def event_details(self, ids: Sequence[str]) -> list[dict[str, Any]]: ...
    def event_passage_keys(self, ids: Sequence[str]) -> dict[str, set[str]]: ...
    def entity_names(self, ids: Sequence[str]) -> dict[str, str]: ...
    def replace_merged_events(self, old_ids: Sequence[str],
                              merged: Sequence[tuple[Event, Members, Sequence[Conflict]]]) -> None: ...


# Reports of one event agree on its day within this many days ("on Monday" in one outlet,
# "on Tuesday" in another is a conflict to show, not two meetings); further apart, two
# meetings of the same negotiators are two rounds.
DATE_SLACK_DAYS = 2
# An undated report is taken to be about something within this many days of its article's day.
UNDATED_DAYS = 3
# A date spanning more than this many days ("in 2025", "this spring") does not place an event
# well enough to tell rounds apart; the article's day is used instead.
MAX_DATE_SPAN_DAYS = 45
# Statuses that say an event took place, and those that say it did not.
HAPPENED = frozenset({"occurred", "ongoing"})
DID_NOT = frozenset({"failed", "cancelled", "negated"})
# Expectations: superseded by what happened, never in conflict with it.
EXPECTED = frozenset({"planned", "hypothetical"})
# Undated reports that share no actor are one event when their passages name at least this many
# of the same people and organisations, and this share of all the names either names (and they
# agree on a named mode): on ECB+, three shared names still joined the arrests of two players of
# one team; without the share, a month of news stripped of its dates (the AllSides sample) chained
# into events of 165 reports through the same few politicians.
MIN_PASSAGE_NAMES = 4
MIN_PASSAGE_SHARE = 0.4
# Types never merged across articles: two outlets quoting one person on one day most often quote
# different remarks, and the remarks themselves are quote records.
UNMERGED_TYPES = frozenset({"STATEMENT"})
GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 4, "year": 5, "unknown": 6}
# Hosts ("mediator" actors) compared for an actors conflict: people and organisations; a place
# named as host is most often where it was held.
HOST_TYPES = frozenset({"PERSON", "ORG"})
# How long a unit of a duration may be, in hours (a month is 28 to 31 days); people count as one.
UNIT_HOURS: dict[str, tuple[float, float]] = {
    "people": (1.0, 1.0), "seconds": (1 / 3600, 1 / 3600), "minutes": (1 / 60, 1 / 60), "hours": (1.0, 1.0),
    "days": (24.0, 24.0), "weeks": (168.0, 168.0), "months": (672.0, 744.0), "years": (8760.0, 8784.0),
}
# Durations agree within this share: a figure is kept in its largest unit, rounded ("8 minutes
# 46 seconds" is 8.77 minutes, "an hour and 20 minutes" 1.33 hours).
ROUNDING_SHARE = 0.01
# How far an estimate ("about four hours", "some 2,000") reaches either way, and how far below
# its number "almost" or "nearly" goes ("less than", "under" go all the way down): "about four
# hours" agrees with "almost four hours", but neither with "three hours".
APPROX_SHARE = 0.1
NEARLY_SHARE = 0.2
NEARLY_WORDS = ("almost", "nearly", "just under", "close to")


@dataclass(frozen=True, slots=True)
class Report:
    """An article's event as merging sees it: the stored row, decoded."""

    id: str
    article_id: str
    published: str | None
    outlet: str
    type: str
    mode: str | None
    status: str
    date: DateValue | None
    place: Place | None
    actors: tuple[Actor, ...]
    topic: str | None
    report: EventReport
    counts: tuple[Count, ...] = ()
    # (entity id, type, affiliation) of its actors, as its own article gives them
    kinds: tuple[tuple[str, str, str | None], ...] = ()
    # The people and organisations named in the passage (story segment) that reports it;
    # update_events fills it for the reports it compares.
    passage: frozenset[str] = frozenset()

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(a.entity_id for a in self.actors if a.entity_id)

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(a.entity_id for a in self.actors if a.entity_id and a.role == "source")


def report_from_row(row: dict[str, Any]) -> Report:
    """A Report from a row of store.event_details (JSON columns still encoded)."""
    date = json.loads(row["date"]) if row.get("date") else None
    place = json.loads(row["place"]) if row.get("place") else None
    reports = json.loads(row["reports"])
    return Report(
        id=row["id"], article_id=row["article_id"], published=(row.get("published") or None),
        outlet=row.get("outlet") or row["article_id"], type=row["type"], mode=row.get("mode"),
        status=row["status"], date=DateValue(**date) if date else None, place=Place(**place) if place else None,
        actors=tuple(Actor(**a) for a in json.loads(row["actors"])), topic=row.get("topic"),
        report=EventReport(**reports[0]),
        counts=tuple(Count(**c) for c in json.loads(row.get("counts") or "[]")),
        kinds=tuple((e, t, a) for e, (t, a) in sorted((row.get("kinds") or {}).items())),
    )


# ----------------------------------------------------------------------------- one pair


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def window(r: Report) -> tuple[dt.date, dt.date] | None:
    """The days an event report may be about: its own date when the text gives one precise
    enough, else a few days around its article's day; None when neither is known."""
    if r.date is not None:
        start, end = _day(r.date.start), _day(r.date.end)
        if start and end and (end - start).days <= MAX_DATE_SPAN_DAYS:
            return start, end
    day = _day(r.published)
    if day is None:
        return None
    return day - dt.timedelta(days=UNDATED_DAYS), day + dt.timedelta(days=UNDATED_DAYS)


def gap_days(a: Report, b: Report) -> int | None:
    """Days between two reports' windows (0 when they overlap), None when either is undatable."""
    wa, wb = window(a), window(b)
    if wa is None or wb is None:
        return None
    return max(0, (wb[0] - wa[1]).days, (wa[0] - wb[1]).days)


def same_event(a: Report, b: Report) -> bool:
    """Whether two reports from different articles tell of one real event: same type (not a
    statement), no clashing meeting format, the same doers when both name them, and enough actors
    in common (two, or all of a one-actor report's) and days within DATE_SLACK_DAYS; or, when
    neither can be placed in time, the stronger evidence of undated_alike. Status, place and the
    exact day may differ: those are the conflicts merged records show."""
    if a.article_id == b.article_id or a.type != b.type or a.type in UNMERGED_TYPES:
        return False
    if a.mode in EXCLUSIVE_MODES and b.mode in EXCLUSIVE_MODES and a.mode != b.mode:
        return False
    if a.sources and b.sources and not a.sources & b.sources:
        return False  # Serbia accusing Kosovo is not Kosovo accusing Serbia
    if _stated_apart(a, b):
        return False  # "the 2007 ceremony" is not this year's, however close the articles
    if _planned_after(a, b) or _planned_after(b, a):
        return False  # a plan told the day after the meeting is the next one
    gap = gap_days(a, b)
    if gap is None:
        # An undatable report never joins a dated one: through it, two rounds months apart
        # would become one connected group.
        return window(a) is None and window(b) is None and undated_alike(a, b)
    return (_enough_actors(a, b) or _unnamed_alike(a, b)) and gap <= DATE_SLACK_DAYS and dated_alike(a, b)


def _enough_actors(a: Report, b: Report) -> bool:
    """Two resolved actors in common, or all of a one-actor report's."""
    shared = a.keys & b.keys
    return bool(shared) and len(shared) >= min(2, len(a.keys), len(b.keys))


def _unnamed_alike(a: Report, b: Report) -> bool:
    """Whether a report that names no actor ("the agreement, reached at yesterday's trilateral
    meeting in Lindholm") and another both state the same day and name the same place and the
    same format (UNNAMED_MODES): two trilaterals in one city on one day are rare, and without
    this the report stays apart, one more meeting nobody attended."""
    if a.actors and b.actors:
        return False
    if a.mode not in UNNAMED_MODES or a.mode != b.mode or a.place is None or b.place is None:
        return False
    if fold(a.place.name) != fold(b.place.name):
        return False
    if a.date is None or b.date is None or a.date.granularity != "day" or b.date.granularity != "day":
        return False  # "in May": a month may hold several rounds in one city
    day = _stated(a)
    return day is not None and day == _stated(b)


def dated_alike(a: Report, b: Report) -> bool:
    """Whether two reports a few days apart, already of one type with enough actors in common
    (same_event), are one event: their passages tell one story, their doers are the same by name
    when both name one, and one more thing agrees: both texts state the day (or a week or a month
    and a doer named by both), or they share two actors, or one and the place, or the one the act
    is done to and a named mode. One shared
    name and a week around the articles' days are not enough in busy news: every day someone
    accuses a president, and such pairs chained a month of a 678-article AllSides sample (June
    2020) into events of up to 108 reports. Status may differ: that is a conflict to show."""
    if not _passages_linked(a, b) or not _same_doers(a, b):
        return False
    if _stated(a) is not None and _stated(b) is not None and (
            (_stated_day(a) and _stated_day(b)) or _doers(a) & _doers(b)):
        return True
    return _more_in_common(a, b)


def _stated_day(r: Report) -> bool:
    """Whether the report's text states the day. "This month" or "last week" reaches over many
    days: such a report, with one actor in common and no doer named by both, chained the events
    of a whole month."""
    return r.date is not None and r.date.granularity == "day"


def undated_alike(a: Report, b: Report) -> bool:
    """Whether two reports that nothing places in time, already of one type (same_event), are one
    event rather than a repeat of the same act: they agree on whether it happened and on its mode,
    their doers are the same by name when both name one (resolved or not: "the Nationals" are not
    "the Red Sox"), and either they have enough actors in common (same_event's two, or all of a
    one-actor report's), their passages tell one story (as stories.linked links segments) and they
    share two actors, or one and the place, or the one the act is done to and a named mode
    ("arrested Jackson" in both); or, as crime and sports reports often name their actors
    generically ("a man", "police") or not at all, their passages name mostly the same people and
    organisations and they agree on a named mode (_one_story), or they name the same place and the
    same one the act is done to ("killed a woman in Queens" in both: _one_scene). One doer alone is
    not enough: a company releases an update, a police force makes an arrest, every few weeks."""
    if _standing(a) != _standing(b) or (a.mode and b.mode and a.mode != b.mode):
        return False
    if not _same_doers(a, b):
        return False
    if _enough_actors(a, b) and _passages_linked(a, b) and _more_in_common(a, b):
        return True
    return _one_story(a, b) or _one_scene(a, b)


def _one_story(a: Report, b: Report) -> bool:
    """Whether two reports of the same named mode are told in passages that name mostly the
    same people and organisations (MIN_PASSAGE_NAMES, MIN_PASSAGE_SHARE), and do not name
    different ones as those the act is done to ("Williams was arrested" in an article recalling
    Jackson's arrest)."""
    if not a.mode or a.mode != b.mode:
        return False
    shared = len(a.passage & b.passage)
    if shared < MIN_PASSAGE_NAMES or shared < MIN_PASSAGE_SHARE * len(a.passage | b.passage):
        return False
    targets_a, targets_b = _targets(a), _targets(b)
    return not (targets_a and targets_b and not targets_a & targets_b)


def _one_scene(a: Report, b: Report) -> bool:
    """Whether two reports name the same place and the same one the act is done to, resolved or
    by the same words."""
    if a.place is None or b.place is None or fold(a.place.name) != fold(b.place.name):
        return False
    return bool(_named_targets(a) & _named_targets(b))


def _passages_linked(a: Report, b: Report) -> bool:
    """Whether the passages that report two events tell one story (as stories.linked links
    segments). Unlike stories, common names are not left out: they depend on the whole store,
    and a pair's verdict must depend on its two articles only, or merging would depend on
    arrival order."""
    shared_names = a.passage & b.passage
    return linked(len(shared_names), len(a.passage), len(b.passage), None, None)


def _same_doers(a: Report, b: Report) -> bool:
    """Whether two reports' doers agree by name when both name one."""
    doers_a, doers_b = _doers(a), _doers(b)
    return not (doers_a and doers_b and not doers_a & doers_b)


def _more_in_common(a: Report, b: Report) -> bool:
    """Two shared actors, or one and the place, or the one the act is done to (or the mediator
    of a meeting: "a trilateral hosted by the envoy") and a named mode."""
    shared = a.keys & b.keys
    if len(shared) >= 2:
        return True
    if a.place is not None and b.place is not None and fold(a.place.name) == fold(b.place.name):
        return True
    return bool(a.mode) and a.mode == b.mode and bool(shared & _defining(a) & _defining(b))


def _standing(r: Report) -> str:
    """Whether a report says the event took place, did not, or is expected."""
    return "happened" if r.status in HAPPENED else "expected" if r.status in EXPECTED else "did not"


def _doers(r: Report) -> frozenset[str]:
    """The report's sources, by entity id or, unresolved, by folded name."""
    return frozenset(a.entity_id or f"name:{fold(a.name)}" for a in r.actors if a.role == "source")


def _named_targets(r: Report) -> frozenset[str]:
    """The ones the act is done to, by entity id or, unresolved, by folded name."""
    return frozenset(a.entity_id or f"name:{fold(a.name)}" for a in r.actors if a.role == "target")


def _defining(r: Report) -> frozenset[str]:
    """The entity ids of the ones the act is done to and of those who mediate it."""
    return frozenset(a.entity_id for a in r.actors if a.entity_id and a.role in ("target", "mediator"))


def _targets(r: Report) -> frozenset[str]:
    """The entity ids the report names as the ones the act is done to."""
    return frozenset(a.entity_id for a in r.actors if a.entity_id and a.role == "target")


def _stated_apart(a: Report, b: Report) -> bool:
    """Whether a date one text states, however coarse ("in 2007"), lies further than
    DATE_SLACK_DAYS from the days the other report may be about, or both texts state a month
    and not the same one (an outlet may be a day off, hardly a month)."""
    sa, sb = _stated(a), _stated(b)
    if (sa and sb and a.date and b.date and a.date.granularity == b.date.granularity == "month"
            and (sa[1] < sb[0] or sb[1] < sa[0])):
        return True  # "met this month" (May) and "met two months ago" (June): two meetings
    for x, y in ((a, b), (b, a)):
        stated = _stated(x)
        other = _stated(y) or window(y)
        if stated and other and max((other[0] - stated[1]).days, (stated[0] - other[1]).days) > DATE_SLACK_DAYS:
            return True
    return False


def _planned_after(plan: Report, other: Report) -> bool:
    """Whether an expected event with no day of its own is told in an article that appeared after
    the day the other report states: nobody plans what has been held ("Karst will discuss the
    quotas with Veldora", written the day after their meeting)."""
    if plan.status not in EXPECTED or _stated(plan) is not None:
        return False
    stated, published = _stated(other), _day(plan.published)
    return stated is not None and published is not None and stated[1] < published


def _stated(r: Report) -> tuple[dt.date, dt.date] | None:
    """The days of the date a report's text states, None when it states none."""
    if r.date is None or not r.report.date_text:
        return None
    start, end = _day(r.date.start), _day(r.date.end)
    return (start, end) if start and end else None


# ----------------------------------------------------------------------------- the batch


def update_events(store: EventStore) -> int:
    """Merge every article event that waits for it: link the pending events to the events of
    other articles that report the same thing, take in the merged events those belong to, and
    rewrite the records that changed. Returns how many merged events were written."""
    pending = store.pending_events()
    if not pending:
        return 0
    links = store.event_links(pending, MIN_PASSAGE_NAMES)
    firsts = {r["id"]: report_from_row(r) for r in store.event_details(
        sorted({*pending, *(b for _, b, _ in links)}))}
    passages = store.event_passage_keys(sorted(firsts))
    for e in firsts:
        firsts[e] = replace(firsts[e], passage=frozenset(passages.get(e, ())))
    groups = _Groups()
    for e in pending:
        groups.find(e)
    reached: set[str] = set()
    for a, b, _ in links:
        if a in firsts and b in firsts and same_event(firsts[a], firsts[b]):
            groups.union(a, b)
            reached.add(b)
    # Merged events the pending ones reach are taken in whole: their members already agree.
    old = store.merged_of(sorted(reached - set(pending)))
    members = store.merged_members(sorted(old))
    for ms in members.values():
        for m in ms:
            groups.union(ms[0], m)
    missing = sorted({m for ms in members.values() for m in ms} - set(firsts))
    reports = dict(firsts)
    reports.update({r["id"]: report_from_row(r) for r in store.event_details(missing)})
    parts = [[reports[m] for m in ms if m in reports] for ms in groups.groups().values()]
    parts = [p for p in parts if p]
    names = store.entity_names(sorted({k for p in parts for r in p for k in r.keys}))
    merged = [merge(p, names) for p in parts]
    store.replace_merged_events(sorted(old), merged)
    return len(merged)


# ----------------------------------------------------------------------------- one record


def merged_id(members: Iterable[Report]) -> str:
    """A merged event's id: its smallest member's, the same whatever order articles came in."""
    return min(r.id for r in members)


def conflict_id(event_id: str, field: str, *detail: str) -> str:
    """A conflict's id from its event and field (and, for counts, what is counted)."""
    return short_hash("conflict", event_id, field, *detail)


def merge(group: Sequence[Report], names: dict[str, str]) -> tuple[Event, Members, list[Conflict]]:
    """The merged Event of a group of reports of one event, its members and its conflicts.
    `names` gives the store's name of its actors."""
    ordered = sorted(group, key=lambda r: (r.published or "9999", r.article_id, r.report.start))
    eid = merged_id(ordered)
    conflicts: list[Conflict] = []
    date, said_date = _date(ordered)
    status, said = _status(ordered, date)
    if said:
        conflicts.append(Conflict(conflict_id(eid, "status"), eid, "status", said))
    if said_date:
        conflicts.append(Conflict(conflict_id(eid, "date"), eid, "date", said_date))
    place, said = _place(ordered)
    if said:
        conflicts.append(Conflict(conflict_id(eid, "place"), eid, "place", said))
    said = _hosts(ordered, names)
    if said:
        conflicts.append(Conflict(conflict_id(eid, "actors"), eid, "actors", said))
    counts, disputed = _counts(ordered)
    for what, said in disputed.items():
        conflicts.append(Conflict(conflict_id(eid, "count", what), eid, "count", said))
    event = Event(
        id=eid, type=ordered[0].type, status=status, reports=tuple(r.report for r in ordered),
        mode=most_telling_mode(r.mode for r in ordered), date=date, place=place, actors=_actors(ordered, names),
        topic=_most_said(r.topic for r in ordered), n_sources=len({r.outlet for r in ordered}),
        conflicts=tuple(c.id for c in conflicts), counts=counts,
    )
    return event, [(r.id, r.article_id) for r in ordered], conflicts


def _most_said(values: Iterable[str | None]) -> str | None:
    """The value most reports give (ties: the one given first), None when none gives one."""
    seen = [v for v in values if v]
    if not seen:
        return None
    counts = Counter(seen)
    return max(seen, key=lambda v: (counts[v], -seen.index(v)))


def _said(pairs: Iterable[tuple[Any, str]], same: Callable[[Any], Any] = lambda v: v) -> tuple[ConflictValue, ...]:
    """Each distinct value with the articles that give it, in the order first given; `same`
    says what makes two values one (the first given is shown)."""
    by: dict[str, tuple[Any, list[str]]] = {}
    for value, article in pairs:
        key = json.dumps(same(value), sort_keys=True, default=str)
        _, articles = by.setdefault(key, (value, []))
        if article not in articles:
            articles.append(article)
    return tuple(ConflictValue(v, tuple(a)) for v, a in by.values())


def _status(reports: Sequence[Report], date: DateValue | None = None) -> tuple[str, tuple[ConflictValue, ...]]:
    """What the reports say of whether it happened. Expectations ("planned") give way to any
    report of what happened; reports that it happened against reports that it did not make the
    event `disputed`, unless every report that it did not was published before its day and one
    that it did after it: called off, then held after all (the conflict still shows). Other
    disagreements (failed or cancelled) keep the most reported."""
    told = [r for r in reports if r.status not in EXPECTED] or list(reports)
    statuses = {r.status for r in told}
    if len(statuses) == 1 or statuses <= HAPPENED:
        return _most_said(r.status for r in told) or told[0].status, ()
    said = _said((r.status, r.article_id) for r in told)
    if statuses & HAPPENED and statuses & DID_NOT:
        if _held_after_all(told, date):
            return _most_said(r.status for r in told if r.status in HAPPENED) or "occurred", said
        return "disputed", said
    return _most_said(r.status for r in told) or told[0].status, said


def _held_after_all(told: Sequence[Report], date: DateValue | None) -> bool:
    """Whether the reports that an event did not take place all appeared before its day, and one
    that it did on or after it: "Trump cancels the summit" in May, "Trump and Kim met" on 12 June."""
    day = _day(date.start) if date is not None else None
    if day is None:
        return False
    published = [(_day(r.published), r.status in HAPPENED) for r in told]
    return all(p is not None and p < day for p, held in published if not held) and any(
        p is not None and p >= day for p, held in published if held)


def _date(reports: Sequence[Report]) -> tuple[DateValue | None, tuple[ConflictValue, ...]]:
    """The date most articles give (ties: the finer, then the earlier); a conflict when two
    reports give days or weeks that do not overlap ("Monday" against "Tuesday"). Dates the texts
    state come first: a report that states none was dated by its article's day, which says when
    it was written, not when the event was, so it never makes a conflict."""
    stated = [(r.date, r.article_id) for r in reports if r.date is not None and r.report.date_text]
    dated = stated or [(r.date, r.article_id) for r in reports if r.date is not None]
    if not dated:
        return None, ()
    support: dict[str, set[str]] = {}
    for d, article in dated:
        support.setdefault(d.value, set()).add(article)
    best = min((d for d, _ in dated), key=lambda d: (-len(support[d.value]), GRANULARITY_RANK.get(d.granularity, 9),
                                                     d.start or "", d.value))
    precise = [(d, a) for d, a in stated if d.granularity in ("day", "week") and d.start and d.end]
    if not any((d.end or "") < (e.start or "") for d, _ in precise for e, _ in precise):
        return best, ()
    return best, _said((to_dict(d), a) for d, a in precise)


def _place(reports: Sequence[Report]) -> tuple[Place | None, tuple[ConflictValue, ...]]:
    """The place most reports give; a conflict when they name different places, unless the
    others are the country of one named ("Belgium" and "Brussels")."""
    placed = [(r.place, r.article_id) for r in reports if r.place is not None]
    if not placed:
        return None, ()
    name = _most_said(fold(p.name) for p, _ in placed)
    chosen = next(p for p, _ in placed if fold(p.name) == name)
    distinct = {fold(p.name): p for p, _ in placed}
    # countries that some other place named lies in: naming them is no disagreement
    around = {p.country for p in distinct.values() if p.country and not country_of_state(p.name)}
    left = [p for p in distinct.values() if country_of_state(p.name) not in around]
    if len(left) <= 1:
        return chosen, ()
    return chosen, _said(({"name": p.name, "country": p.country}, article) for p, article in placed)


def _hosts(reports: Sequence[Report], names: dict[str, str]) -> tuple[ConflictValue, ...]:
    """Who hosted or brokered it, when two reports name different hosts that cannot both be
    right: people or organisations acting for different states or bodies, as their own
    articles give them ("hosted by the EU envoy" against "brokered by Washington's envoy"). A
    host the other report names in any role, or one whose article gives no affiliation, is no
    disagreement; co-hosts of one body agree. Only the reports' own articles are read, so the
    verdict does not depend on what else the store holds, nor on arrival order. Each report's
    hosts with its articles."""
    hosts: list[tuple[Report, dict[str, str | None]]] = []
    for r in reports:
        kinds = {e: (t, a) for e, t, a in r.kinds}
        h = {a.entity_id: kinds[a.entity_id][1] for a in r.actors
             if a.role == "mediator" and a.entity_id and kinds.get(a.entity_id, ("", None))[0] in HOST_TYPES}
        if h:
            hosts.append((r, h))
    clash = any(not (h1.keys() & r2.keys) and not (h2.keys() & r1.keys)
                and all(ax and ay and ax != ay for ax in h1.values() for ay in h2.values())
                for i, (r1, h1) in enumerate(hosts) for r2, h2 in hosts[i + 1:])
    if not clash:
        return ()
    return _said(({"role": "mediator", "entity_ids": sorted(h),
                   "text": ", ".join(sorted(names.get(e, e) for e in h))}, r.article_id) for r, h in hosts)


def _counts(reports: Sequence[Report]) -> tuple[tuple[Count, ...], dict[str, tuple[ConflictValue, ...]]]:
    """Per kind of count (killed, duration...), the one most reports give (ties: the latest,
    as a death toll grows from one report to the next), and, for kinds on which two reports
    cannot both be right ("three hours" against "about four hours"; not "at least 12" against
    "15"), who gives what."""
    given: dict[str, list[tuple[Count, str]]] = {}
    for r in reports:
        for c in r.counts:
            given.setdefault(c.what, []).append((c, r.article_id))
    chosen: list[Count] = []
    disputed: dict[str, tuple[ConflictValue, ...]] = {}
    for what, pairs in given.items():
        support = Counter(_count_key(c) for c, _ in pairs)
        best = max(range(len(pairs)), key=lambda i: (support[_count_key(pairs[i][0])], i))
        chosen.append(pairs[best][0])
        bounds = [_bounds(c) for c, _ in pairs]
        if any(a[1] < b[0] for a in bounds for b in bounds):
            # "about four hours" twice is one value, whatever the words
            disputed[what] = _said((({"what": c.what, "value": c.value, "unit": c.unit, "mod": c.mod,
                                      "text": c.text}, article) for c, article in pairs),
                                   lambda v: (v["value"], v["unit"], v["mod"]))
    return tuple(sorted(chosen, key=lambda c: c.what)), disputed


def _count_key(c: Count) -> tuple[Any, ...]:
    """What makes two counts the same value: "about four hours" twice, whatever the words."""
    return c.value, c.unit, c.mod


def _bounds(c: Count) -> tuple[float, float]:
    """The least and most a figure can mean (durations in hours): "at least 12" is 12 or more,
    "almost four hours" a little under four, "less than an hour" anything under one."""
    low_unit, high_unit = UNIT_HOURS.get(c.unit, (1.0, 1.0))
    low, high = c.value * low_unit, c.value * high_unit
    if c.unit != "people":
        low, high = low * (1 - ROUNDING_SHARE), high * (1 + ROUNDING_SHARE)
    if c.mod == "APPROX":
        return low * (1 - APPROX_SHARE), high * (1 + APPROX_SHARE)
    if c.mod == "LESS_THAN":
        return (low * (1 - NEARLY_SHARE) if c.text.lower().startswith(NEARLY_WORDS) else 0.0), high
    if c.mod in ("MORE_THAN", "EQUAL_OR_MORE"):
        return low, float("inf")
    if c.mod == "EQUAL_OR_LESS":
        return 0.0, high
    return low, high


def _actors(reports: Sequence[Report], names: dict[str, str]) -> tuple[Actor, ...]:
    """Every actor any report names, once, with the role most reports give it and the name the
    store resolved it to; mediators, then sources, targets and participants, each in the order
    first named."""
    roles: dict[str, list[str]] = {}
    first: dict[str, Actor] = {}
    for r in reports:
        for a in r.actors:
            key = a.entity_id or f"name:{fold(a.name)}"
            roles.setdefault(key, []).append(a.role)
            first.setdefault(key, a)
    out = []
    for key, said in roles.items():
        counts = Counter(said)
        role = min(said, key=lambda x: (-counts[x], ROLE_RANK.get(x, 9)))
        a = first[key]
        out.append(Actor(a.entity_id, names.get(a.entity_id or "", a.name), role))  # type: ignore[arg-type]
    return tuple(sorted(out, key=lambda a: ROLE_RANK.get(a.role, 9)))
