"""The records of the public contract (docs: ../shared/design/schema.md), as frozen dataclasses.

Every stage takes and returns these; nothing else crosses a stage boundary. ``to_dict`` gives the
JSON shape that `storyline annotate` prints and `storyline export` writes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

Granularity = Literal["day", "week", "month", "quarter", "season", "year", "unknown"]
EventStatus = Literal[
    "occurred", "planned", "failed", "cancelled", "negated", "hypothetical", "ongoing", "disputed"
]
PublishedFrom = Literal["given", "metadata", "text", "inferred"]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EVENT_TYPES = (*PLOVER_TYPES, "STATEMENT")
EVENT_STATUSES: tuple[str, ...] = typing.get_args(EventStatus)
MENTION_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
# What reports of one event may disagree on (resolve/events.py records a Conflict for each).
CONFLICT_FIELDS = ("date", "status", "place", "actors", "count")
# Meeting formats that exclude each other: a trilateral is not the bilateral before it, in one
# article (extract/events.py) or across articles (resolve/events.py).
EXCLUSIVE_MODES = frozenset({"trilateral", "bilateral", "multilateral"})
# Formats a report that names no one may join another by place and day (resolve/events.py): a
# summit holds many bilaterals in one city on one day (each would join them all), one trilateral.
UNNAMED_MODES = frozenset({"trilateral", "multilateral"})
# When reports of one event state different modes, the more telling wins: the format the text
# names ("the trilateral") over what a verb suggests ("hosted": a visit).
MODE_RANK = {"trilateral": 0, "bilateral": 0, "multilateral": 0, "high-level": 1, "phone": 2, "visit": 3,
             "third-party": 4}
# An actor with several roles across the reports of one event keeps the most telling one.
ROLE_RANK = {"mediator": 0, "source": 1, "target": 2, "participant": 3}


def short_hash(*parts: object) -> str:
    """First 16 hex digits of the SHA-256 of the parts joined by a separator that text never has."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def most_telling_mode(modes: Iterable[str | None]) -> str | None:
    """The mode of MODE_RANK's most telling rank among those given (ties: the one said most
    often, then first), None when none is given."""
    seen = [m for m in modes if m]
    if not seen:
        return None
    return min(seen, key=lambda m: (MODE_RANK.get(m, len(MODE_RANK)), -seen.count(m), seen.index(m)))


def to_dict(record: Any) -> Any:
    """A record (or list of records) as plain JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(r) for r in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


R = TypeVar("R")


def from_dict(cls: type[R], data: Any) -> R:
    """The record that to_dict gave data for: nested records and tuples rebuilt from their
    type hints, so a record that went through JSON or Parquet compares equal to the original."""
    hints = typing.get_type_hints(cls)
    return cls(**{f.name: _typed(hints[f.name], data[f.name])
                  for f in dataclasses.fields(cls) if f.name in data})  # type: ignore[arg-type]


def _typed(hint: Any, value: Any) -> Any:
    """A JSON value as the type a field is declared with."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):  # X | None: records never mix two record types
        return _typed(next(a for a in args if a is not type(None)), value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_dict(hint, value)
    return value


# --------------------------------------------------------------------------- input side


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as a reader found it, before cleaning.

    Exactly one of ``text`` and ``html`` is set. ``origin`` names the file and, for containers
    (JSONL, WARC, feeds), the record number inside it: ``path#3``.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO day when the input carried one
    published_from: PublishedFrom | None = None
    source: str | None = None
    warnings: tuple[str, ...] = ()
    # A date to fall back on when the page itself gives none: a WARC record's crawl date says
    # when the page was fetched, which is only an upper bound on when it was published.
    fallback_published: str | None = None

    def content_key(self) -> str:
        """Hash of what was read, so a resumed ingest can skip inputs it already stored."""
        return short_hash(self.origin, self.text or "", self.html or "", self.url or "",
                          self.title or "", self.published or "", self.source or "")


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not become an article, with the reason (kept, never dropped)."""

    origin: str
    reason: str


# --------------------------------------------------------------------------- per article


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    origin: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    published_from: PublishedFrom | None = None
    language: str | None = None
    analysed: bool = True  # False for languages storyline does not analyse yet
    warnings: tuple[str, ...] = ()


def article_id(text: str) -> str:
    """Content hash of the cleaned text (schema.md: SHA-256 of UTF-8 NFC, 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_place(url: str | None, origin: str) -> str | None:
    """Where an article lives, so a later read of the same place is known as a revision of it:
    its URL, else the file it is alone in (as an absolute path: "./a.txt" and "a.txt" are one
    file). A record inside a container (``path#3``) without a URL has no place: record numbers
    shift when a file is rewritten, and would pair unrelated texts."""
    if url:
        return url
    return os.path.abspath(origin) if "#" not in origin else None


def entity_id(key: str) -> str:
    """Stable id of an entity from its folded name key (the same across articles and runs)."""
    return short_hash("entity", key)


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    start: int
    end: int
    text: str
    type: str
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    affiliation: str | None
    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None
    n_mentions: int = 0
    n_articles: int = 0
    key: str = ""  # folded name used to join mentions across articles


@dataclass(frozen=True, slots=True)
class DateValue:
    """A TIMEX3 value with the calendar interval it covers, for comparing and sorting."""

    value: str
    start: str | None  # ISO day, inclusive
    end: str | None  # ISO day, inclusive
    granularity: Granularity = "unknown"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    article_id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    date: DateValue | None = None
    anchor: str | None = None  # "published", or "offset:<n>" of the expression it was resolved from


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    entity_id: str | None
    name: str
    role: Literal["source", "target", "mediator", "participant"]


@dataclass(frozen=True, slots=True)
class EventReport:
    article_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    status: str
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Count:
    """A number a report gives for its event: how many were killed, injured, arrested or
    protested ("at least 12 people"), or how long it lasted ("about four hours"). `mod` is the
    TIMEX3 modifier of the number (APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS)."""

    what: Literal["killed", "injured", "arrested", "protesters", "duration"]
    value: int | float
    unit: str  # "people", or for a duration "minutes", "hours", "days", "weeks", "months", "years"
    mod: str | None
    text: str  # the words that give it, as written
    article_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    status: str
    reports: tuple[EventReport, ...]
    mode: str | None = None
    date: DateValue | None = None
    place: Place | None = None
    actors: tuple[Actor, ...] = ()
    topic: str | None = None
    n_sources: int = 1
    conflicts: tuple[str, ...] = ()
    counts: tuple[Count, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    entity_id: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect", "mixed"]
    speaker: Speaker | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    channel: str | None = None
    date: DateValue | None = None


@dataclass(frozen=True, slots=True)
class ConflictValue:
    value: Any
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    event_id: str
    field: str
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    entities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Segment:
    """The paragraphs of one article that tell one storyline (an article may tell several);
    stories link segments, not whole articles. Stored, not part of schema.md's output."""

    article_id: str
    n: int  # its place among the article's segments
    start: int  # first character of its first paragraph
    end: int  # last character of its last paragraph (paragraphs of others may lie between)
    keys: tuple[str, ...]  # store-wide ids of the people and organisations it names
    weights: tuple[int, ...]  # how often it names each of them
    event_ids: tuple[str, ...]  # events reported in it
    day: str | None = None  # the article's publication day


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Everything found in one article: what `storyline annotate` prints for it."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    timexes: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    raw_key: str = ""  # RawDocument.content_key() of the input it came from
    extra: dict[str, Any] = field(default_factory=dict)
    segments: tuple[Segment, ...] = ()  # set once entity ids are store-wide (resolve/stories.py)
    # (store-wide entity id, the key the article itself names it by) of each entity that
    # resolve/entities.py joined: a bare surname to a full name, a short full name to a fuller
    # one. The store re-checks these joins as it learns.
    joined: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The annotate shape of schema.md."""
        return {
            "article": to_dict(self.article),
            "mentions": to_dict(self.mentions),
            "entities": to_dict(self.entities),
            "timexes": to_dict(self.timexes),
            "events": to_dict(self.events),
            "quotes": to_dict(self.quotes),
        }
