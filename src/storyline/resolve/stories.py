"""Stories: the events and articles that belong to one developing storyline.

An article is cut into segments: paragraphs that name the same people and organisations belong
together, so an article that tells two unrelated stories (a dialogue round, then a KFOR
commander's visit) gives two segments. Segments of different articles that name enough of the
same people and organisations, close enough in time, are linked; a story is a connected group of
linked segments, with the events reported in them. The people and organisations that a large part
of the store names (a head of state, a legislature, a wire agency) are in every storyline of their
time, so they link nothing: through them, one "story" took in most of a thousand US political
articles.

Connected groups do not depend on the order articles arrive in, and a story's id is a hash of
its smallest member, so the same store always gives the same stories; adding articles costs in
proportion to the new segments and the stories they touch, or that name a name they made common
(candidates come from the index of entity ids, never from comparing everything with everything).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from ..gazetteer import is_news_brand
from ..model import ArticleResult, Event, Segment, Story, short_hash

SegmentKey = tuple[str, int]  # (article id, segment number)


class StoryStore(Protocol):
    """What grouping stories needs from a store (store/duckdb.py's Store provides it)."""

    def refresh_common_names(self, max_articles: int) -> list[str]: ...
    def pending_segments(self) -> list[SegmentKey]: ...
    def segment_links(self, segments: Sequence[SegmentKey], min_shared: int
                      ) -> list[tuple[SegmentKey, SegmentKey, int, int, int, str | None, str | None, float]]: ...
    def stories_of(self, segments: Sequence[SegmentKey]) -> set[str]: ...
    def story_members(self, story_ids: Sequence[str]) -> dict[str, list[SegmentKey]]: ...
    def segment_details(self, segments: Sequence[SegmentKey]) -> list[dict[str, Any]]: ...
    def entity_names(self, ids: Sequence[str]) -> dict[str, str]: ...
    def common_among(self, ids: Sequence[str]) -> set[str]: ...
    def event_dates(self, ids: Sequence[str]) -> dict[str, str | None]: ...
    def replace_stories(self, old_ids: Sequence[str], stories: Sequence[tuple[Story, list[SegmentKey]]]
                        ) -> None: ...

# Only people and organisations tell stories apart: places ("Kosovo", "Brussels") and
# nationalities are shared by every story from a region.
KEY_TYPES = frozenset({"PERSON", "ORG"})
# A person or organisation named in more articles of the store than this is common: it is a
# fixture of the news the store holds, not what tells one storyline from another, so it neither
# links two segments nor counts among a segment's names. In 1,000 AllSides articles Trump, Obama,
# the White House, Congress and the Senate are each named in 270-400, and every link they carried
# chained one story of 689 articles; in ECB+ a real story's protagonist is named in up to 19 of
# the 197 dev documents (and of the 772 of all topics, a cap of 25 keeps three quarters of the
# cross-topic merging out). The cap is a count, not a share of the store: a name's count grows
# only when an article naming it arrives (and falls only when one is taken out), so it changes side
# rarely, and then only the stories naming it (about this many articles' worth) are regrouped
# (update_stories); a share would move with every article stored, making names uncommon again
# whose segments would all have to be compared afresh. The same count makes more names common in a
# much larger store: its stories then rest on their rarer names.
COMMON_ARTICLES = 25
# Two segments of different articles are one story when they name at least this many of the
# same people and organisations (common ones aside)...
MIN_SHARED = 2
# ...and these are at least this share of the smaller segment's (one shared newspaper and one
# shared minister do not make two long articles one story).
MIN_OVERLAP = 0.3
# Where how often each name is mentioned is known (segments), names count by their mentions: a
# story's protagonist, named a dozen times in each report, outweighs the officials, papers and
# places each outlet names once. Two segments are then one story when the names they share are at
# least MIN_SHARED_NAMES of the smaller segment's names and carry at least MIN_SHARED_MENTIONS of
# the mentions of each (the sum over shared names of the smaller of their two shares). On BASIL's
# training events (2010-2015: one event told by Fox News, the NYT and HuffPost; `storyline evaluate
# basil --split train`), names alone at 0.3 gave pairwise P/R 0.51/0.73; mentions give 0.83/0.81,
# and on its check events (2016-2019, --split dev) 0.44/0.61 became 0.54/0.80.
MIN_SHARED_NAMES = 0.2
MIN_SHARED_MENTIONS = 0.2
# ...and, when both are dated, their days are at most this far apart (a story develops over
# weeks; a longer one is chained through the articles in between).
WINDOW_DAYS = 60
# A story's title names its most-named people and organisations, this many of them.
TITLE_NAMES = 3
# How many entity ids a story record lists.
STORY_ENTITIES = 20
# Event dates fine enough to mark where a story begins and ends.
SPAN_GRANULARITIES = frozenset({"day", "week", "month"})

_BLANK_LINE = re.compile(r"\n(?:[ \t]*\n)+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of a text: blocks between blank lines, or lines when it has none."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans, start = [], 0
    for m in splitter.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


class _Groups:
    """Union-find over hashable items; each group is named by its smallest member."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo

    def groups(self) -> dict[Any, list[Any]]:
        out: dict[Any, list[Any]] = {}
        for x in sorted(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out


def segments(result: ArticleResult) -> tuple[Segment, ...]:
    """Cut an analysed article into segments, one per storyline it tells.

    Paragraphs that name a person or organisation in common are one segment; a paragraph naming
    none belongs with the one before it (at the start, with the first that names someone); a
    later group that reports no event between people or organisations of its own joins the one
    before it. The title line names what several segments are about, so it joins the first
    segment without linking any."""
    article = result.article
    text = article.text
    spans = paragraphs(text)
    if not spans:
        return ()
    # A news agency or site is named for what it reported, not as part of the story: "Politico
    # reported", "according to Reuters" link nothing.
    types = {e.id: e.type for e in result.entities if not is_news_brand(e.name)}
    keys: list[set[str]] = [set() for _ in spans]
    starts = [s for s, _ in spans]
    named_in: list[Counter[str]] = [Counter() for _ in spans]
    for m in result.mentions:
        if m.entity_id and types.get(m.entity_id) in KEY_TYPES:
            keys[_index(starts, m.start)].add(m.entity_id)
            named_in[_index(starts, m.start)][m.entity_id] += 1
    title = article.title or ""
    first = 1 if title and len(spans) > 1 and text[spans[0][0]:spans[0][1]].strip() == title.strip() else 0
    groups = _Groups()
    for i in range(len(spans)):
        groups.find(i)
    seen: dict[str, int] = {}
    for i in range(first, len(spans)):
        for k in keys[i]:
            if k in seen:
                groups.union(seen[k], i)
            else:
                seen[k] = i
        if not keys[i] and i > first:
            groups.union(i - 1, i)
    # Nameless paragraphs before the first that names anyone (a byline, a dateline, a lead
    # without names) belong with that one: alone they would make a story of no one.
    lead = next((i for i in range(first, len(spans)) if keys[i]), None)
    for i in range(first, lead or first):
        groups.union(i, lead or first)
    if first:
        groups.union(0, first)
    # A later group is a story of its own only when it reports an event between people or
    # organisations of its own ("the KFOR commander met the Japanese envoy"); otherwise (a
    # quoted analyst, background on the same talks) it joins the paragraph before it.
    between = [(_event_paragraphs(e, starts, article.id), actors) for e in result.events
               if len(actors := {a.entity_id for a in e.actors if types.get(a.entity_id or "") in KEY_TYPES}) >= 2]
    for root, members in sorted(groups.groups().items()):
        if members[0] <= first:
            continue
        named = set().union(*(keys[i] for i in members))
        before = set().union(*keys[first:members[0]])
        if not any(set(members) & where and actors <= named and not actors & before
                   for where, actors in between):
            groups.union(members[0] - 1, root)
    day = article.published[:10] if article.published else None
    parts = list(groups.groups().values())
    out = []
    for n, members in enumerate(sorted(parts, key=lambda ms: ms[0])):
        member_spans = [spans[i] for i in members]
        events = tuple(sorted({e.id for e in result.events for r in e.reports
                               if r.article_id == article.id and _index(starts, r.start) in members}))
        counts = sum((named_in[i] for i in members), Counter[str]())
        ids = sorted(counts)
        out.append(Segment(article_id=article.id, n=n, start=min(s for s, _ in member_spans),
                           end=max(e for _, e in member_spans), keys=tuple(ids),
                           weights=tuple(counts[k] for k in ids), event_ids=events, day=day))
    return tuple(out)


def _event_paragraphs(event: Event, starts: Sequence[int], article: str) -> set[int]:
    """The paragraphs an event is reported in."""
    return {_index(starts, r.start) for r in event.reports if r.article_id == article}


def _index(starts: Sequence[int], pos: int) -> int:
    """The paragraph a character offset falls in (the last one starting at or before it)."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def linked(shared: int, n_a: int, n_b: int, day_a: str | None, day_b: str | None,
           weight: float | None = None) -> bool:
    """Whether two segments of different articles tell the same story, given how many people and
    organisations they both name, how many each names (common ones left out of all three) and,
    when mentions were counted, the share of mentions the shared names carry in both."""
    if shared < MIN_SHARED:
        return False
    if weight is None:
        if shared < MIN_OVERLAP * min(n_a, n_b):
            return False
    elif shared < MIN_SHARED_NAMES * min(n_a, n_b) or weight < MIN_SHARED_MENTIONS:
        return False
    if day_a and day_b:
        try:
            gap = abs((dt.date.fromisoformat(day_a) - dt.date.fromisoformat(day_b)).days)
        except ValueError:
            return True  # a day storyline cannot read does not keep two segments apart
        return gap <= WINDOW_DAYS
    return True


def update_stories(store: StoryStore) -> int:
    """Give every segment without a story one: link the pending segments to the segments they
    share enough people and organisations with, merge the stories those belong to, and rewrite
    the story records that changed. Returns how many stories were written. Pending segments are
    those of new articles and of stories an article was taken out of, so an interrupted run is
    finished by the next one."""
    # A name that became common (or stopped being) changes the links of the segments naming it
    # and of no other: their stories are taken apart and regrouped with the new ones, so stories
    # are those of the articles stored, whatever order they came in.
    store.refresh_common_names(COMMON_ARTICLES)
    pending = store.pending_segments()
    if not pending:
        return 0
    groups = _Groups()
    for seg in pending:
        groups.find(seg)
    linked_to: set[SegmentKey] = set()
    for a, b, shared, n_a, n_b, day_a, day_b, weight in store.segment_links(pending, MIN_SHARED):
        if linked(shared, n_a, n_b, day_a, day_b, weight):
            groups.union(a, b)
            linked_to.add(b)
    # Stories the pending segments reach are merged whole: their members are already connected.
    old_stories = store.stories_of(sorted(linked_to - set(pending)))
    for members in store.story_members(sorted(old_stories)).values():
        for seg in members:
            groups.union(members[0], seg)
    # Everything the story records need, in three queries for the whole batch, not per story.
    parts = list(groups.groups().values())
    details = {d["segment"]: d for d in store.segment_details([m for ms in parts for m in ms])}
    keys = sorted({k for d in details.values() for k in d["keys"]})
    names = store.entity_names(keys)
    common = store.common_among(keys)
    dates = store.event_dates(sorted({e for d in details.values() for e in d["event_ids"]}))
    stories = [build_story(members, [details[m] for m in members if m in details], names, dates, common)
               for members in parts]
    store.replace_stories(sorted(old_stories), stories)
    return len(stories)


def story_id(members: Iterable[SegmentKey]) -> str:
    """A story's id: a hash of its smallest segment, the same whatever order articles came in."""
    article, n = min(members)
    return short_hash("story", article, n)


def build_story(members: list[SegmentKey], details: list[dict[str, Any]], names: dict[str, str],
                dates: dict[str, str | None], common: frozenset[str] | set[str] = frozenset()
                ) -> tuple[Story, list[SegmentKey]]:
    """The Story record of a group of segments (given their details, the names of the entities
    and the dates of the events they hold, and which of those names are common in the store), and
    the segments themselves. The title names the story's most-named people and organisations that
    are not common: in a store of Trump-era politics every story names Trump most, and a title
    tells stories apart only by their own names ("Susan Collins, Michael Cohen"); common names
    fill the title when the story has too few of its own."""
    keys: Counter[str] = Counter()
    event_ids: set[str] = set()
    days: list[str] = []
    for d in details:
        keys.update(d["keys"])  # mentions of each person and organisation
        event_ids.update(d["event_ids"])
        if d["day"]:
            days.append(d["day"])
    ranked = sorted(keys, key=lambda k: (-keys[k], names.get(k, k)))
    telling = sorted(ranked, key=lambda k: k in common)  # stable: most-named first within each side
    title = ", ".join(names.get(k, k) for k in telling[:TITLE_NAMES]) or "(no names)"
    start, end = _span((dates.get(e) for e in sorted(event_ids)), days)
    story = Story(id=story_id(members), title=title,
                  article_ids=tuple(sorted({a for a, _ in members})), event_ids=tuple(sorted(event_ids)),
                  start=start, end=end, entities=tuple(ranked[:STORY_ENTITIES]))
    return story, sorted(members)


def _span(event_dates: Iterable[str | None], days: list[str]) -> tuple[str | None, str | None]:
    """First and last day of a story: its articles' days and the days, weeks and months its
    events are dated to. A year or a century ("in 2003", "the worst crisis this century") is
    background told in passing and would stretch the story over it; years only count when
    nothing finer dates the story (a folder of undated texts)."""
    dated = [d for raw in event_dates if raw and (d := json.loads(raw)).get("start") and d.get("end")]
    fine = [d for d in dated if d.get("granularity") in SPAN_GRANULARITIES]
    coarse = [d for d in dated if d.get("granularity") not in (*SPAN_GRANULARITIES, "unknown")]
    chosen = fine if fine or days else coarse
    starts = days + [d["start"] for d in chosen]
    ends = days + [d["end"] for d in chosen]
    return (min(starts), max(ends)) if starts else (None, None)
