"""The DuckDB store: the only place that writes.

Each batch is written in one transaction, together with the `inputs` rows that say which inputs it
came from, so a run killed at any point loses at most the batch in flight, and the next run skips
exactly what was stored and completes the rest. Ids are content hashes: storing the same article
twice changes nothing.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..gazetteer import block_key, entity_name, spelled, surname_key
from ..model import (
    UNNAMED_MODES,
    Actor,
    Article,
    ArticleResult,
    Conflict,
    Count,
    DateValue,
    Entity,
    Event,
    EventReport,
    Mention,
    Place,
    Quote,
    Rejected,
    Role,
    Speaker,
    Story,
    TimeExpr,
    article_place,
    short_hash,
    to_dict,
)
from .migrations import available, migrate

# DuckDB ties a file to one writer; a second process gets a lock error we turn into advice.
LOCK_HINT = "another process (a storyline ingest?) has this store open; try again when it has finished"
# A store released between batches (Store.release) waits this long for readers to let go of the
# file before it writes the next batch.
REOPEN_WAIT_SECONDS = 60.0
# A command that reads a store waits this long for an ingest to finish storing a batch (storing
# takes a second or so; between batches the file is free).
OPEN_WAIT_SECONDS = 5.0
# A new text from an article's place that is less than this share of the stored revision's length
# is taken for a summary of it (a feed entry beside the full page), not an edit: the fuller text
# stands, and the input is noted as "shorter".
SUMMARY_RATIO = 0.5
# The tables that hold what analysis found in an article (everything but the article itself).
DERIVED_TABLES = ("mentions", "article_entities", "entity_roles", "timexes", "events", "quotes", "segments",
                  "segment_keys", "pending_segments", "event_keys", "pending_events")
# Article fields analysis may change (a publication date inferred from the text), besides its records.
# A warning analysis added (a stage that failed on the text): dropped when it is analysed again.
STAGE_FAILED = " failed: "


@dataclass
class BatchCounts:
    """What one write did, for the ingest summary."""

    new: int = 0
    unchanged: int = 0
    revised: int = 0  # new articles that replaced an earlier revision from the same place
    rejected: int = 0
    not_analysed: int = 0
    mentions: int = 0
    entity_ids: set[str] = field(default_factory=set)

    def add(self, other: BatchCounts) -> None:
        """Accumulate another batch's counts into this one."""
        self.new += other.new
        self.unchanged += other.unchanged
        self.revised += other.revised
        self.rejected += other.rejected
        self.not_analysed += other.not_analysed
        self.mentions += other.mentions
        self.entity_ids |= other.entity_ids


# Column names and types per table, in the order the rows are built.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "inputs": [("raw_key", "VARCHAR"), ("origin", "VARCHAR"), ("article_id", "VARCHAR"), ("status", "VARCHAR"),
               ("seen_at", "TIMESTAMP")],
    "rejected": [("id", "VARCHAR"), ("origin", "VARCHAR"), ("reason", "VARCHAR"), ("at", "TIMESTAMP")],
    "articles": [("id", "VARCHAR"), ("url", "VARCHAR"), ("source", "VARCHAR"), ("title", "VARCHAR"),
                 ("published", "VARCHAR"), ("published_from", "VARCHAR"), ("language", "VARCHAR"),
                 ("text", "VARCHAR"), ("origin", "VARCHAR"), ("analysed", "BOOLEAN"), ("warnings", "VARCHAR"),
                 ("ingested_at", "TIMESTAMP"), ("place", "VARCHAR"), ("analysed_with", "VARCHAR")],
    "mentions": [("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
                 ("type", "VARCHAR"), ("entity_id", "VARCHAR")],
    "article_entities": [("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("key", "VARCHAR"),
                         ("name", "VARCHAR"), ("type", "VARCHAR"), ("affiliation", "VARCHAR"),
                         ("n_mentions", "INTEGER"), ("own_key", "VARCHAR"), ("surname", "VARCHAR"),
                         ("initials", "VARCHAR"), ("block", "VARCHAR")],
    "entity_roles": [("entity_id", "VARCHAR"), ("role", "VARCHAR"), ("affiliation", "VARCHAR"),
                     ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER")],
    "timexes": [("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
                ("type", "VARCHAR"), ("value", "VARCHAR"), ("mod", "VARCHAR"), ("date", "VARCHAR"),
                ("anchor", "VARCHAR")],
    "events": [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
               ("status", "VARCHAR"), ("date", "VARCHAR"), ("place", "VARCHAR"), ("actors", "VARCHAR"),
               ("topic", "VARCHAR"), ("reports", "VARCHAR"), ("n_sources", "INTEGER"), ("conflicts", "VARCHAR"),
               ("counts", "VARCHAR")],
    "merged_events": [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
                      ("status", "VARCHAR"), ("date", "VARCHAR"), ("place", "VARCHAR"), ("actors", "VARCHAR"),
                      ("topic", "VARCHAR"), ("reports", "VARCHAR"), ("n_sources", "INTEGER"),
                      ("conflicts", "VARCHAR"), ("counts", "VARCHAR")],
    "event_members": [("member_id", "VARCHAR"), ("event_id", "VARCHAR"), ("article_id", "VARCHAR")],
    "event_keys": [("entity_id", "VARCHAR"), ("event_id", "VARCHAR"), ("article_id", "VARCHAR")],
    "pending_events": [("event_id", "VARCHAR"), ("article_id", "VARCHAR")],
    "conflicts": [("id", "VARCHAR"), ("event_id", "VARCHAR"), ("field", "VARCHAR"), ("values", "VARCHAR")],
    "quotes": [("id", "VARCHAR"), ("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
               ("text", "VARCHAR"), ("kind", "VARCHAR"), ("speaker", "VARCHAR"), ("speaker_id", "VARCHAR"),
               ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"), ("cue", "VARCHAR"),
               ("channel", "VARCHAR"), ("date", "VARCHAR")],
    "segments": [("article_id", "VARCHAR"), ("n", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
                 ("day", "VARCHAR"), ("n_keys", "INTEGER"), ("event_ids", "VARCHAR")],
    "segment_keys": [("entity_id", "VARCHAR"), ("article_id", "VARCHAR"), ("n", "INTEGER"), ("mentions", "INTEGER")],
    "stories": [("id", "VARCHAR"), ("title", "VARCHAR"), ("article_ids", "VARCHAR"), ("event_ids", "VARCHAR"),
                ("start", "VARCHAR"), ("end", "VARCHAR"), ("entities", "VARCHAR")],
    "story_segments": [("story_id", "VARCHAR"), ("article_id", "VARCHAR"), ("n", "INTEGER")],
    "pending_segments": [("article_id", "VARCHAR"), ("n", "INTEGER")],
    "entities": [("id", "VARCHAR"), ("key", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"),
                 ("aliases", "VARCHAR"), ("affiliation", "VARCHAR"), ("n_mentions", "INTEGER"),
                 ("n_articles", "INTEGER"), ("surname", "VARCHAR")],
}
# Positions of each table's primary key in its rows.
KEYS: dict[str, tuple[int, ...]] = {
    "inputs": (0,), "rejected": (0,), "articles": (0,), "mentions": (0, 1, 2), "article_entities": (0, 1),
    "timexes": (0, 1, 2), "events": (0,), "quotes": (0,), "entities": (0,), "stories": (0,),
    "merged_events": (0,), "event_members": (0,), "conflicts": (0,),
}


def _article_rows(r: ArticleResult, rows: dict[str, list[list[Any]]], now: datetime,
                  analysed_with: str | None) -> None:
    """The rows one analysed article adds to each table."""
    a = r.article
    rows["articles"].append([a.id, a.url, a.source, a.title, a.published, a.published_from, a.language, a.text,
                             a.origin, a.analysed, json.dumps(list(a.warnings), ensure_ascii=False), now,
                             article_place(a.url, a.origin), analysed_with if a.analysed else None])
    rows["mentions"] += [[m.article_id, m.start, m.end, m.text, m.type, m.entity_id] for m in r.mentions]
    joined = dict(r.joined)
    rows["article_entities"] += [[a.id, e.id, e.key, e.name, e.type, e.affiliation, e.n_mentions,
                                  own := joined.get(e.id, e.key), surname_key(own),
                                  spelled(own, e.type, e.name, e.aliases),
                                  block_key(own)]
                                 for e in r.entities]
    rows["entity_roles"] += [[e.id, ro.role, ro.affiliation, ro.article_id, ro.start, ro.end]
                             for e in r.entities for ro in e.roles]
    rows["timexes"] += [[t.article_id, t.start, t.end, t.text, t.type, t.value, t.mod, _json(t.date), t.anchor]
                        for t in r.timexes]
    rows["events"] += [[e.id, a.id, e.type, e.mode, e.status, _json(e.date), _json(e.place), _json(list(e.actors)),
                        e.topic, _json(list(e.reports)), e.n_sources, _json(list(e.conflicts)),
                        _json(list(e.counts))] for e in r.events]
    rows["event_keys"] += [[k, e.id, a.id] for e in r.events
                           for k in sorted({x.entity_id for x in e.actors if x.entity_id})]
    rows["pending_events"] += [[e.id, a.id] for e in r.events]
    rows["quotes"] += [[q.id, q.article_id, q.start, q.end, q.text, q.kind, _json(q.speaker),
                        q.speaker.entity_id if q.speaker else None, q.speaker_start, q.speaker_end, q.cue,
                        q.channel, _json(q.date)] for q in r.quotes]
    rows["segments"] += [[s.article_id, s.n, s.start, s.end, s.day, len(s.keys), json.dumps(list(s.event_ids))]
                         for s in r.segments]
    rows["pending_segments"] += [[s.article_id, s.n] for s in r.segments]
    rows["segment_keys"] += [[k, s.article_id, s.n, w] for s in r.segments for k, w in zip(s.keys, s.weights,
                                                                                          strict=True)]


def entity_type(articles: Counter[str], mentions: Counter[str]) -> str:
    """The type of an entity across articles: the one most articles give it, then the one of
    most mentions, then PERSON. Each article votes once because its own vote has already given
    all its mentions one type: one article that names "Christine Blasey Ford" 28 times as an
    organisation is one slip of the tagger, not 28, against seven articles that call her a person."""
    seen = articles or mentions
    if not seen:
        return "UNKNOWN"
    return max(seen, key=lambda t: (articles[t], mentions[t], t == "PERSON", t))


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(to_dict(value), ensure_ascii=False)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """A storyline DuckDB file (or ':memory:')."""

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False, wait: float = 0.0) -> None:
        """Open (or create) the store; wait says how many seconds to wait for another process
        that has the file open (an ingest storing a batch) before giving up."""
        self.path = str(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = self._connect(wait)
        if not read_only:
            migrate(self.con)
        elif not self.con.execute(
                "SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'").fetchone():
            self.con.close()
            raise StoreError(f"{self.path} is a DuckDB file but not a storyline store")

    def _connect(self, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
        """A connection to the file; when another process holds it, tried again for up to wait
        seconds (a server's reads take milliseconds) before the lock error becomes advice."""
        deadline = time.monotonic() + wait
        pause = 0.02
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.IOException as exc:
                locked = "lock" in str(exc).lower()
                if locked and time.monotonic() < deadline:
                    time.sleep(pause)
                    pause = min(pause * 2, 0.5)
                    continue
                if locked:
                    raise StoreError(f"cannot open {self.path}: {LOCK_HINT}") from exc
                raise StoreError(f"cannot open {self.path}: {exc}") from exc

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, opened again on first use after release()."""
        if self._con is None:
            self._con = self._connect(REOPEN_WAIT_SECONDS)
        return self._con

    def release(self) -> None:
        """Let go of the file until the store is next used, so that other processes (a
        `storyline serve` over the same file) can read it meanwhile: an ingest calls this after
        each batch is written, before the next one is analysed. A store in memory is kept."""
        if self._con is not None and self.path != ":memory:" and not self.read_only:
            self._con.close()
            self._con = None

    def pending_migrations(self) -> list[int]:
        """Schema versions this store lacks (a read-only store is never migrated)."""
        done = {r[0] for r in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        return [v for v, _, _ in available() if v not in done]

    def close(self) -> None:
        """Close the connection (DuckDB checkpoints the file)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reading inputs

    def known_inputs(self, raw_keys: Sequence[str]) -> set[str]:
        """The inputs among these that an earlier run already stored or rejected."""
        if not raw_keys:
            return set()
        rows = self.con.execute(
            "SELECT raw_key FROM inputs WHERE raw_key IN (SELECT unnest(?::VARCHAR[]))", [list(raw_keys)]
        ).fetchall()
        return {r[0] for r in rows}

    def known_rejections(self, raw_keys: Sequence[str]) -> dict[str, str]:
        """The inputs among these that an earlier run rejected, each with why (the reason kept
        in `rejected` for its origin)."""
        if not raw_keys:
            return {}
        rows = self.con.execute(
            "SELECT i.raw_key, min(r.reason) FROM inputs i LEFT JOIN rejected r ON r.origin = i.origin "
            "WHERE i.status = 'rejected' AND i.raw_key IN (SELECT unnest(?::VARCHAR[])) GROUP BY i.raw_key",
            [list(raw_keys)],
        ).fetchall()
        return {key: reason or "rejected" for key, reason in rows}

    # ------------------------------------------------------------------ writing

    def write_batch(self, items: Sequence[tuple[str, ArticleResult | Rejected]],
                    analysed_with: str | None = None) -> BatchCounts:
        """Store one batch of results, each paired with the key of its input, in one transaction.

        A raw key of "" marks a rejection found while reading (no input to skip next time). An
        article from the place of a stored one (same URL or file) but with other text replaces
        it (see SUMMARY_RATIO for the exception). ``analysed_with`` names the version and model.
        """
        counts = BatchCounts()
        rows: dict[str, list[list[Any]]] = {table: [] for table in COLUMNS}
        new_results: list[ArticleResult] = []
        skipped: list[ArticleResult] = []  # analysed, but the store keeps another text
        replaced: list[tuple[str, str]] = []  # (earlier revision, the article replacing it)
        now = _now()
        with self._transaction():
            known = self.known_inputs([k for k, _ in items if k])
            results = [i for _, i in items if isinstance(i, ArticleResult)]
            stored = self._existing_articles([r.article.id for r in results])
            places = self._current_revisions([p for r in results if (p := article_place(r.article.url,
                                                                                         r.article.origin))])
            for raw_key, item in items:
                if isinstance(item, Rejected):
                    rows["rejected"].append([short_hash(item.origin, item.reason), item.origin, item.reason, now])
                    if raw_key and raw_key not in known:
                        rows["inputs"].append([raw_key, item.origin, None, "rejected", now])
                        known.add(raw_key)
                    counts.rejected += 1
                    continue
                if raw_key in known:
                    counts.unchanged += 1
                    skipped.append(item)
                    continue
                a = item.article
                status, current = ("duplicate" if a.id in stored else "new"), None
                place = article_place(a.url, a.origin)
                if status == "new" and place in places and places[place][0] != a.id:
                    current = places[place]
                    status = "shorter" if len(a.text or "") < SUMMARY_RATIO * current[1] else "revision"
                if raw_key:
                    kept = current[0] if status == "shorter" and current else a.id
                    rows["inputs"].append([raw_key, a.origin, kept, status, now])
                    known.add(raw_key)
                if status in ("duplicate", "shorter"):
                    counts.unchanged += 1
                    skipped.append(item)
                    continue
                if status == "revision" and current:
                    replaced.append((current[0], a.id))
                    counts.revised += 1
                if place:
                    places[place] = (a.id, len(a.text or ""))
                stored.add(a.id)
                new_results.append(item)
                _article_rows(item, rows, now, analysed_with)
                counts.new += 1
                counts.not_analysed += 0 if item.article.analysed else 1
                counts.mentions += len(item.mentions)
                counts.entity_ids.update(e.id for e in item.entities)
            touched, blocks = self._supersede(replaced, now)
            self._add(rows, COLUMNS, new_results, counts.entity_ids | touched, blocks)
            # The batch's joins may have counted the names of articles the store did not keep:
            # the joins those names weigh on are checked again at the end of the run.
            self._note_names(skipped, set())
        return counts

    def replace_analyses(self, results: Sequence[ArticleResult], analysed_with: str | None) -> BatchCounts:
        """Swap the records of stored articles for a new analysis of the same texts (after an
        upgrade), in one transaction; the articles keep their ids and ingest times.
        ``analysed_with`` None keeps what each article notes (the same analysis, joined anew)."""
        counts = BatchCounts()
        results = [r for r in results if r.article.analysed]
        if not results:
            return counts
        rows: dict[str, list[list[Any]]] = {table: [] for table in COLUMNS}
        for r in results:
            _article_rows(r, rows, _now(), analysed_with)
            counts.new += 1
            counts.mentions += len(r.mentions)
            counts.entity_ids.update(e.id for e in r.entities)
        with self._transaction():
            touched, blocks = self._retract([r.article.id for r in results])
            self.con.execute(
                "UPDATE articles SET published = d.published, published_from = d.published_from, "
                "warnings = d.warnings, analysed_with = coalesce(?, articles.analysed_with) "
                "FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                "unnest(?::VARCHAR[]) AS published, unnest(?::VARCHAR[]) AS published_from, "
                "unnest(?::VARCHAR[]) AS warnings) AS d WHERE articles.id = d.id",
                [analysed_with, [r.article.id for r in results], [r.article.published for r in results],
                 [r.article.published_from for r in results],
                 [json.dumps(list(r.article.warnings), ensure_ascii=False) for r in results]])
            self._add(rows, DERIVED_TABLES, results, counts.entity_ids | touched, blocks)
        return counts

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def _add(self, rows: dict[str, list[list[Any]]], tables: Iterable[str], results: Sequence[ArticleResult],
             entity_ids: set[str], blocks: set[str]) -> None:
        """Insert the rows of these tables, add the results to the entity totals, re-merge the
        entities touched and note the spelling blocks whose full names changed."""
        for table in tables:
            self._insert(table, rows[table])
        self._add_to_totals(results)
        self._rebuild_entities(entity_ids)
        self._note_names(results, blocks)

    def _note_names(self, results: Sequence[ArticleResult], blocks: set[str]) -> None:
        """Note the spelling blocks of these articles' full names, those given, and the acronyms
        their longer names spell out: the joins those weigh on wait to be checked."""
        own = [(e, dict(r.joined)) for r in results for e in r.entities]
        # every name's: a one-word name of any type changes how the articles type that word
        self._note_blocks(blocks | {block_key(joined.get(e.id, e.key)) for e, joined in own})
        self._note_initials({i for e, joined in own
                             if (i := spelled(key := joined.get(e.id, e.key), e.type, e.name, e.aliases)) and i != key})

    def _note_blocks(self, blocks: set[str]) -> None:
        """Note spelling blocks whose full names a batch added or took out: the joins of the bare
        surnames and the misspelt names in them wait to be checked (``pipeline.rejoin``); a note
        survives a stopped run."""
        self._note("pending_blocks", blocks)

    def _note(self, table: str, keys: set[str]) -> None:
        if keys:
            self.con.execute(f"INSERT OR IGNORE INTO {table} SELECT unnest(?::VARCHAR[])", [sorted(keys)])

    def _pending(self, table: str) -> list[str]:
        return [r[0] for r in self.con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()]

    def _forget(self, table: str, column: str, keys: Sequence[str]) -> None:
        self.con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [list(keys)])

    def _note_initials(self, acronyms: set[str]) -> None:
        """Note acronyms whose spelled names a batch added or took out: what an acronym named
        alone stands for waits to be checked, like a bare surname."""
        self._note("pending_initials", acronyms)

    def pending_initials(self) -> list[str]:
        """Acronyms whose joins wait to be checked, sorted."""
        return self._pending("pending_initials")

    def forget_initials(self, acronyms: Sequence[str]) -> None:
        """The joins of these acronyms are checked (and redone where they were wrong)."""
        self._forget("pending_initials", "initials", acronyms)

    def spelled_weights(self, acronyms: Sequence[str]) -> dict[str, dict[str, int]]:
        """For each acronym: the names of several words that articles also call by it, each with
        the number of those articles (as the article itself names them: gazetteer.spelled)."""
        return self._names_by("initials", acronyms, "own_key <> initials")

    def pending_blocks(self) -> list[str]:
        """Spelling blocks whose joins wait to be checked, sorted."""
        return self._pending("pending_blocks")

    def forget_blocks(self, blocks: Sequence[str]) -> None:
        """The joins of these spelling blocks are checked (and redone where they were wrong)."""
        self._forget("pending_blocks", "block", blocks)

    def full_name_weights(self, blocks: Sequence[str]) -> dict[str, dict[str, int]]:
        """For each spelling block (gazetteer.block_key): the PERSON full names whose surname has
        it, each with the number of articles that name someone so, as the article itself names
        them (never counting a join: an article joined by surname alone counts nowhere, "Regina
        Benjamin" joined to "Regina M. Benjamin" counts as "regina benjamin")."""
        return self._names_by("block", blocks, "type = 'PERSON' AND surname IS NOT NULL")

    def _names_by(self, column: str, values: Sequence[str], condition: str) -> dict[str, dict[str, int]]:
        """For each value of an article_entities column (a surname, an acronym): the names articles
        give under it where the condition holds, each with its number of articles."""
        out: dict[str, dict[str, int]] = {v: {} for v in values}
        for value, key, n in self.con.execute(
                f"SELECT {column}, own_key, count(*) FROM article_entities WHERE {column} IN "
                f"(SELECT unnest(?::VARCHAR[])) AND {condition} GROUP BY ALL", [list(values)]).fetchall():
            out[value][key] = n
        return out

    def bare_name_types(self, keys: Sequence[str]) -> dict[str, dict[str, int]]:
        """For each one-word key: how many articles name it alone, by the type they give it
        (as the article names it, whatever it was joined to)."""
        out: dict[str, dict[str, int]] = {k: {} for k in keys}
        for key, etype, n in self.con.execute(
                "SELECT own_key, type, count(*) FROM article_entities WHERE own_key IN "
                "(SELECT unnest(?::VARCHAR[])) GROUP BY ALL", [list(keys)]).fetchall():
            out[key][etype] = n
        return out

    def names_in_blocks(self, blocks: Sequence[str]) -> dict[str, set[str]]:
        """For each spelling block: the keys articles give that have it, bare surnames and names of
        several words of any type (a person's name the tagger typed as a place joins like a
        person's)."""
        out: dict[str, set[str]] = {b: set() for b in blocks}
        for block, key in self.con.execute(
                "SELECT DISTINCT block, own_key FROM article_entities WHERE block IN (SELECT unnest(?::VARCHAR[]))",
                [list(blocks)]).fetchall():
            out[block].add(key)
        return out

    def stored_articles(self, ids: Sequence[str]) -> set[str]:
        """Which of these article ids the store holds."""
        return self._existing_articles(ids)

    def joined_otherwise(self, targets: Mapping[str, str | None],
                         acronyms: Mapping[str, str | None] | None = None,
                         mistyped: Mapping[str, str | None] | None = None,
                         mistyped_types: Iterable[str] = ()) -> list[str]:
        """Articles that join a name to another than its target (None: to none), in ingest order:
        a person's name by one of the keys of ``targets`` (a bare surname, a short or misspelt
        full name, a name of several words of any type), an acronym named alone by ``acronyms``,
        a one-word name typed as one of ``mistyped_types`` (not in capitals) by ``mistyped``
        ("Trump" as ORG). The three are apart: "PAC" named alone is no surname of "Sarah PAC", nor
        "Politico" an acronym. A mistyped word whose target is a person is no acronym either
        (resolve_entities asks first); one whose target is None may be ("Nato")."""
        kinds = (("person", targets), ("acronym", acronyms or {}), ("mistyped", mistyped or {}))
        keys = [k for _, m in kinds for k in sorted(m)]
        if not keys:
            return []
        aims = [m[k] for _, m in kinds for k in sorted(m)]
        types = sorted(mistyped_types)
        people = sorted(k for k, v in (mistyped or {}).items() if v is not None)
        kind = [name for name, m in kinds for _ in m]
        rows = self.con.execute(
            "SELECT DISTINCT ae.article_id, a.ingested_at FROM article_entities AS ae "
            "JOIN (SELECT unnest(?::VARCHAR[]) AS own, unnest(?::VARCHAR[]) AS target, "
            "unnest(?::VARCHAR[]) AS kind) AS t "
            "ON t.own = ae.own_key JOIN articles AS a ON a.id = ae.article_id "
            "WHERE (CASE t.kind WHEN 'acronym' THEN ae.initials IS NOT DISTINCT FROM ae.own_key "
            "AND NOT (list_contains(?::VARCHAR[], ae.own_key) AND list_contains(?::VARCHAR[], ae.type) "
            "AND ae.name <> upper(ae.name)) "
            "WHEN 'mistyped' THEN list_contains(?::VARCHAR[], ae.type) AND ae.surname IS NULL "
            "AND ae.name <> upper(ae.name) AND (t.target IS NOT NULL OR ae.initials IS DISTINCT FROM ae.own_key) "
            "ELSE ae.type = 'PERSON' OR ae.surname IS NOT NULL END) "
            "AND ae.key IS DISTINCT FROM coalesce(t.target, ae.own_key) "
            # An article that itself names the target keeps the two apart (resolve_entities):
            # nothing to redo there.
            "AND NOT EXISTS (SELECT 1 FROM article_entities AS o "
            "WHERE o.article_id = ae.article_id AND o.key = t.target) "
            "ORDER BY a.ingested_at, ae.article_id",
            [keys, aims, kind, people, types, types]).fetchall()
        return [r[0] for r in rows]

    def _current_revisions(self, places: Sequence[str]) -> dict[str, tuple[str, int]]:
        """For each place that has a stored article: its id and text length."""
        if not places:
            return {}
        rows = self.con.execute("SELECT place, id, length(text) FROM articles "
                                "WHERE place IN (SELECT unnest(?::VARCHAR[]))", [list(places)]).fetchall()
        return {place: (aid, n) for place, aid, n in rows}

    def _supersede(self, replaced: Sequence[tuple[str, str]], now: datetime) -> tuple[set[str], set[str]]:
        """Move earlier revisions to article_revisions and drop their records; returns the
        entities whose totals changed and the spelling blocks whose joins may change (see _retract)."""
        if not replaced:
            return set(), set()
        old = [o for o, _ in replaced]
        touched = self._retract(old)
        self.con.execute(
            "INSERT INTO article_revisions SELECT a.id, a.place, a.origin, a.published, a.text, d.new, ? "
            "FROM articles AS a JOIN (SELECT unnest(?::VARCHAR[]) AS old, unnest(?::VARCHAR[]) AS new) AS d "
            "ON a.id = d.old", [now, old, [n for _, n in replaced]])
        self.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [old])
        return touched

    def _retract(self, article_ids: Sequence[str]) -> tuple[set[str], set[str]]:
        """Take articles' records out of the store and out of the running entity totals (the
        inverse of _add_to_totals); returns the entities they touched, to be re-merged, and the
        spelling blocks of the full names among them, whose joins may change."""
        con = self.con
        ids = [list(article_ids)]
        where = "article_id IN (SELECT unnest(?::VARCHAR[]))"
        rows = con.execute(f"SELECT DISTINCT entity_id, key, own_key FROM article_entities WHERE {where}",
                           ids).fetchall()
        touched = {r[0] for r in rows}
        blocks = {block_key(k) for r in rows for k in r[1:]}
        self._note_initials({r[0] for r in con.execute(
            f"SELECT DISTINCT initials FROM article_entities WHERE {where} AND own_key <> initials", ids).fetchall()})
        # A common name these articles named may be common no more: the next grouping recounts it.
        con.execute("INSERT OR IGNORE INTO recount_names SELECT entity_id FROM common_names "
                    "WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(touched)])
        con.execute(
            "UPDATE entity_forms AS f SET n = f.n - d.n FROM (SELECT entity_id, text, count(*) AS n FROM mentions "
            f"WHERE {where} AND entity_id IS NOT NULL GROUP BY ALL) AS d "
            "WHERE f.entity_id = d.entity_id AND f.text = d.text", ids)
        con.execute(
            "UPDATE entity_stats AS s SET n = s.n - d.n FROM ("
            f"SELECT entity_id, 'type' AS kind, type AS value, sum(n_mentions) AS n FROM article_entities "
            f"WHERE {where} GROUP BY ALL "
            f"UNION ALL SELECT entity_id, 'type_articles', type, count(*) FROM article_entities "
            f"WHERE {where} GROUP BY ALL "
            f"UNION ALL SELECT entity_id, 'affiliation', affiliation, count(*) FROM article_entities "
            f"WHERE {where} AND affiliation IS NOT NULL GROUP BY ALL "
            f"UNION ALL SELECT entity_id, 'articles', '', count(*) FROM article_entities WHERE {where} GROUP BY ALL"
            ") AS d WHERE s.entity_id = d.entity_id AND s.kind = d.kind AND s.value = d.value", ids * 4)
        con.execute("DELETE FROM entity_forms WHERE n <= 0")
        con.execute("DELETE FROM entity_stats WHERE n <= 0")
        # The stories these articles were in are undone: their other segments become pending
        # and are regrouped by the next update_stories, which may split them.
        con.execute(f"CREATE OR REPLACE TEMP TABLE undone AS SELECT DISTINCT story_id FROM story_segments "
                    f"WHERE {where}", ids)
        con.execute("INSERT INTO pending_segments SELECT article_id, n FROM story_segments "
                    "WHERE story_id IN (SELECT story_id FROM undone)")
        con.execute("DELETE FROM stories WHERE id IN (SELECT story_id FROM undone)")
        con.execute("DELETE FROM story_segments WHERE story_id IN (SELECT story_id FROM undone)")
        con.execute("DROP TABLE undone")
        # Likewise the merged events they reported: their other members wait to be merged again.
        con.execute(f"CREATE OR REPLACE TEMP TABLE undone AS SELECT DISTINCT event_id FROM event_members "
                    f"WHERE {where}", ids)
        con.execute("INSERT INTO pending_events SELECT member_id, article_id FROM event_members "
                    "WHERE event_id IN (SELECT event_id FROM undone)")
        for table, column in (("merged_events", "id"), ("conflicts", "event_id"), ("event_members", "event_id")):
            con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT event_id FROM undone)")
        con.execute("DROP TABLE undone")
        for table in DERIVED_TABLES:
            con.execute(f"DELETE FROM {table} WHERE {where}", ids)
        return touched, blocks

    def stale_articles(self, analysed_with: str, everything: bool = False) -> list[str]:
        """Ids of the analysed articles whose records another version or model produced (all
        analysed articles with everything=True), oldest first."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE analysed AND (? OR analysed_with IS DISTINCT FROM ?) "
            "ORDER BY ingested_at, id", [everything, analysed_with]).fetchall()
        return [r[0] for r in rows]

    def mark_all_stale(self) -> None:
        """Forget which version analysed each article, so that a re-analysis of everything
        that is interrupted resumes with what it has not redone yet."""
        self.con.execute("UPDATE articles SET analysed_with = NULL WHERE analysed")

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """Stored articles as records, in the order of ids. A date that analysis found in the text
        is left out, so that analysing the article again finds it afresh."""
        found: dict[str, Article] = {}
        for row in self.query(
                "SELECT id, text, origin, url, source, title, published, published_from, language, analysed, "
                "warnings FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]):
            derived = row["published_from"] in ("inferred", "text")
            found[row["id"]] = Article(
                id=row["id"], text=row["text"], origin=row["origin"], url=row["url"], source=row["source"],
                title=row["title"], published=None if derived else row["published"],
                published_from=None if derived else row["published_from"], language=row["language"],
                analysed=row["analysed"],
                warnings=tuple(w for w in json.loads(row["warnings"] or "[]") if STAGE_FAILED not in w))
        return [found[i] for i in ids if i in found]

    def load_results(self, ids: Sequence[str]) -> list[ArticleResult]:
        """Stored analyses as the records they were written from, in the order of ids (segments
        aside: they are recomputed from the rest). `joined` names the entities a surname join
        gave. Lets the pipeline redo a join without parsing the text again."""
        arg = [list(ids)]
        where = "article_id IN (SELECT unnest(?::VARCHAR[]))"

        def rows(sql: str) -> dict[str, list[dict[str, Any]]]:
            by_article: dict[str, list[dict[str, Any]]] = {}
            for row in self.query(sql, arg):
                by_article.setdefault(row["article_id"], []).append(row)
            return by_article

        def date(text: str | None) -> DateValue | None:
            return DateValue(**json.loads(text)) if text else None

        mentions = rows(f'SELECT * FROM mentions WHERE {where} ORDER BY start, "end"')
        entities = rows(f"SELECT * FROM article_entities WHERE {where} ORDER BY entity_id")
        roles = rows(f'SELECT * FROM entity_roles WHERE {where} ORDER BY start, "end", role')
        timexes = rows(f'SELECT * FROM timexes WHERE {where} ORDER BY start, "end"')
        events = rows(f"SELECT * FROM events WHERE {where} ORDER BY id")
        quotes = rows(f'SELECT * FROM quotes WHERE {where} ORDER BY start, "end"')
        out = []
        for row in self.query("SELECT * FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", arg):
            aid = row["id"]
            article = Article(
                id=aid, text=row["text"], origin=row["origin"], url=row["url"], source=row["source"],
                title=row["title"], published=row["published"], published_from=row["published_from"],
                language=row["language"], analysed=row["analysed"], warnings=tuple(json.loads(row["warnings"] or "[]")))
            # Aliases are the texts of the entity's mentions, as extraction gives them.
            forms: dict[str, set[str]] = {}
            for m in mentions.get(aid, []):
                forms.setdefault(m["entity_id"], set()).add(m["text"])
            ents = tuple(
                Entity(e["entity_id"], e["name"], e["type"], aliases=tuple(sorted(forms.get(e["entity_id"], ()))),
                       affiliation=e["affiliation"], n_mentions=e["n_mentions"],
                       key=e["key"], roles=tuple(Role(r["role"], r["affiliation"], aid, r["start"], r["end"])
                                                 for r in roles.get(aid, []) if r["entity_id"] == e["entity_id"]))
                for e in entities.get(aid, []))
            out.append(ArticleResult(
                article,
                mentions=tuple(Mention(aid, m["start"], m["end"], m["text"], m["type"], m["entity_id"])
                               for m in mentions.get(aid, [])),
                entities=ents,
                timexes=tuple(TimeExpr(aid, t["start"], t["end"], t["text"], t["type"], t["value"], t["mod"],
                                       date(t["date"]), t["anchor"]) for t in timexes.get(aid, [])),
                events=tuple(sorted((
                    Event(e["id"], e["type"], e["status"],
                          tuple(EventReport(**r) for r in json.loads(e["reports"])), e["mode"], date(e["date"]),
                          Place(**json.loads(e["place"])) if e["place"] else None,
                          tuple(Actor(**a) for a in json.loads(e["actors"])), e["topic"], e["n_sources"],
                          tuple(json.loads(e["conflicts"])),
                          tuple(Count(**c) for c in json.loads(e.get("counts") or "[]")))
                    for e in events.get(aid, [])), key=lambda ev: (ev.reports[0].start, ev.reports[0].end, ev.id)
                    if ev.reports else (-1, -1, ev.id))),
                quotes=tuple(
                    Quote(q["id"], aid, q["start"], q["end"], q["text"], q["kind"],
                          Speaker(**json.loads(q["speaker"])) if q["speaker"] else None, q["speaker_start"],
                          q["speaker_end"], q["cue"], q["channel"], date(q["date"]))
                    for q in quotes.get(aid, [])),
                joined=tuple((e["entity_id"], e["own_key"]) for e in entities.get(aid, [])
                             if e["own_key"] != e["key"])))
        order = {aid: n for n, aid in enumerate(ids)}
        return sorted(out, key=lambda r: order[r.article.id])

    def _existing_articles(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def _insert(self, table: str, rows: list[list[Any]]) -> None:
        """Insert rows column-wise in one statement (a hundred times faster than row by row)."""
        if not rows:
            return
        columns = COLUMNS[table]
        if table in KEYS:  # the same key twice in one statement would fail it
            seen: set[tuple[Any, ...]] = set()
            unique = []
            for row in rows:
                key = tuple(row[i] for i in KEYS[table])
                if key not in seen:
                    seen.add(key)
                    unique.append(row)
            rows = unique
        values = [list(col) for col in zip(*rows, strict=True)]
        select = ", ".join(f"unnest(?::{sqltype}[])" for _, sqltype in columns)
        names = ", ".join(f'"{name}"' for name, _ in columns)
        verb = "INSERT OR IGNORE" if table in KEYS else "INSERT"  # entity_roles has no key
        self.con.execute(f"{verb} INTO {table} ({names}) SELECT {select}", values)

    def _add_to_totals(self, results: Sequence[ArticleResult]) -> None:
        """Add a batch's new articles to the running per-entity totals (one upsert per table)."""
        forms: Counter[tuple[str, str]] = Counter()
        stats: Counter[tuple[str, str, str]] = Counter()
        for r in results:
            for m in r.mentions:
                if m.entity_id:
                    forms[(m.entity_id, m.text)] += 1
            for e in r.entities:
                stats[(e.id, "type", e.type)] += e.n_mentions
                stats[(e.id, "type_articles", e.type)] += 1
                stats[(e.id, "articles", "")] += 1
                if e.affiliation:
                    stats[(e.id, "affiliation", e.affiliation)] += 1
        keys = {e.id: e.key for r in results for e in r.entities}
        con = self.con
        if forms:
            cols = [list(c) for c in zip(*((eid, text, n) for (eid, text), n in forms.items()), strict=True)]
            con.execute("INSERT INTO entity_forms SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                        "unnest(?::BIGINT[]) ON CONFLICT (entity_id, text) DO UPDATE SET n = n + EXCLUDED.n", cols)
        if stats:
            cols = [list(c) for c in zip(*((e, k, v, n) for (e, k, v), n in stats.items()), strict=True)]
            con.execute("INSERT INTO entity_stats SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
                        "unnest(?::VARCHAR[]), unnest(?::BIGINT[]) "
                        "ON CONFLICT (entity_id, kind, value) DO UPDATE SET n = n + EXCLUDED.n", cols)
        if keys:
            con.execute("INSERT OR IGNORE INTO entity_stats SELECT unnest(?::VARCHAR[]), 'key', "
                        "unnest(?::VARCHAR[]), 1", [list(keys), list(keys.values())])

    def _rebuild_entities(self, ids: Iterable[str]) -> None:
        """Re-merge the entities a batch touched from their running totals.

        Reads a few rows per touched entity (its surface forms, types, affiliations), never
        its mentions: the cost is in proportion to the batch, not to the store.
        """
        ids = sorted(ids)
        if not ids:
            return
        con = self.con
        id_list = [list(ids)]
        texts: dict[str, Counter[str]] = {}
        for eid, text, n in con.execute(
                "SELECT entity_id, text, n FROM entity_forms WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))",
                id_list).fetchall():
            texts.setdefault(eid, Counter())[text] += n
        stats: dict[tuple[str, str], Counter[str]] = {}
        for eid, kind, value, n in con.execute(
                "SELECT entity_id, kind, value, n FROM entity_stats WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))",
                id_list).fetchall():
            stats.setdefault((eid, kind), Counter())[value] += n
        con.execute("DELETE FROM entities WHERE id IN (SELECT unnest(?::VARCHAR[]))", id_list)
        rows = []
        gone = []
        for eid in ids:
            key_values = stats.get((eid, "key"))
            if not key_values or not stats.get((eid, "articles")):
                gone.append(eid)  # no article mentions it any more (its only one was revised)
                continue
            key = min(key_values)
            forms_seen = texts.get(eid, Counter())
            etype = entity_type(stats.get((eid, "type_articles"), Counter()), stats.get((eid, "type"), Counter()))
            aff = stats.get((eid, "affiliation"))
            rows.append([eid, key, entity_name(key, forms_seen) if forms_seen else key, etype,
                         json.dumps(sorted(forms_seen), ensure_ascii=False),
                         max(aff, key=lambda a: (aff[a], a)) if aff else None,
                         sum(forms_seen.values()), stats.get((eid, "articles"), Counter()).get("", 0),
                         surname_key(key) if etype == "PERSON" else None])
        self._insert("entities", rows)
        if gone:
            con.execute("DELETE FROM entity_stats WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))", [gone])

    def record_run(self, started_at: datetime, version: str, model: str, counts: BatchCounts) -> None:
        """Note which version and model wrote this run's records."""
        self.con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [started_at, _now(), version, model, counts.new, counts.unchanged, counts.rejected])

    def last_run(self) -> dict[str, Any] | None:
        """The most recent ingest run, if any."""
        rows = self.query("SELECT * FROM runs ORDER BY finished_at DESC LIMIT 1")
        return rows[0] if rows else None

    # ------------------------------------------------------------------ stories

    def pending_segments(self) -> list[tuple[str, int]]:
        """Segments that belong to no story yet (new articles, or stories undone by a revision)."""
        rows = self.con.execute("SELECT DISTINCT article_id, n FROM pending_segments ORDER BY 1, 2").fetchall()
        return [(a, n) for a, n in rows]

    def segment_links(self, segments: Sequence[tuple[str, int]], min_shared: int
                      ) -> list[tuple[tuple[str, int], tuple[str, int], int, int, int, str | None, str | None,
                                      float]]:
        """Segments of other articles that name at least min_shared of the same people and
        organisations as these: (segment, other, shared, keys of each, day of each, weight), where
        names in common_names count neither as shared nor among a segment's keys, and weight is
        the share of mentions the shared names carry in both (the sum over them of the smaller of
        their two shares of each segment's mentions). Candidates come from the entity index, so
        the cost follows these segments' names, not the store."""
        if not segments:
            return []
        rows = self.con.execute(
            # Common names are dropped from the rows found through these segments, never from
            # the whole index: the cost stays that of these segments' names.
            "WITH p AS (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::INTEGER[]) AS n), "
            "pk AS (SELECT k.article_id, k.n, k.entity_id, k.mentions FROM segment_keys AS k "
            "JOIN p ON k.article_id = p.article_id AND k.n = p.n "
            "WHERE k.entity_id NOT IN (SELECT entity_id FROM common_names)), "
            "l AS (SELECT pk.article_id AS a, pk.n AS an, o.article_id AS b, o.n AS bn, count(*) AS shared, "
            "list(pk.mentions ORDER BY pk.entity_id) AS ma, list(o.mentions ORDER BY pk.entity_id) AS mb "
            "FROM pk JOIN segment_keys AS o ON o.entity_id = pk.entity_id AND o.article_id <> pk.article_id "
            "GROUP BY pk.article_id, pk.n, o.article_id, o.n HAVING count(*) >= ?), "
            "cand AS (SELECT a AS article_id, an AS n FROM l UNION SELECT b, bn FROM l), "
            "sizes AS (SELECT k.article_id, k.n, count(*) AS n_keys, sum(k.mentions) AS total "
            "FROM segment_keys AS k JOIN cand ON k.article_id = cand.article_id AND k.n = cand.n "
            "WHERE k.entity_id NOT IN (SELECT entity_id FROM common_names) GROUP BY ALL) "
            "SELECT l.a, l.an, l.b, l.bn, l.shared, za.n_keys, zb.n_keys, sa.day, sb.day, "
            "l.ma, l.mb, za.total, zb.total FROM l "
            "JOIN sizes AS za ON za.article_id = l.a AND za.n = l.an "
            "JOIN sizes AS zb ON zb.article_id = l.b AND zb.n = l.bn "
            "JOIN segments AS sa ON sa.article_id = l.a AND sa.n = l.an "
            "JOIN segments AS sb ON sb.article_id = l.b AND sb.n = l.bn ORDER BY l.a, l.an, l.b, l.bn",
            [[a for a, _ in segments], [n for _, n in segments], min_shared]).fetchall()
        return [((a, an), (b, bn), shared, na, nb, da, db,
                 sum(min(x / ta, y / tb) for x, y in zip(ma, mb, strict=True)))
                for a, an, b, bn, shared, na, nb, da, db, ma, mb, ta, tb in rows]

    def refresh_common_names(self, max_articles: int) -> list[str]:
        """Bring common_names (the people and organisations named in more than max_articles
        articles) up to date, and put the stories holding a segment that names one that changed
        side back among the pending segments, in one transaction; returns the names that changed.
        Only the names of pending segments (an article added) and the common names of articles
        taken out since (noted in recount_names by _retract) can change side, so only those are
        counted: the cost follows the batch, not the number of common names."""
        con = self.con
        with self._transaction():
            rows = con.execute(
                "WITH named AS (SELECT k.entity_id FROM segment_keys AS k SEMI JOIN pending_segments AS p "
                "ON k.article_id = p.article_id AND k.n = p.n UNION SELECT entity_id FROM recount_names), "
                "counted AS (SELECT named.entity_id, count(DISTINCT k.article_id) > ? AS common FROM named "
                "LEFT JOIN segment_keys AS k USING (entity_id) GROUP BY ALL) "
                "SELECT c.entity_id, c.common FROM counted AS c LEFT JOIN common_names AS s USING (entity_id) "
                "WHERE c.common <> (s.entity_id IS NOT NULL) ORDER BY 1", [max_articles]).fetchall()
            con.execute("DELETE FROM recount_names")
            if not rows:
                return []
            changed = [e for e, _ in rows]
            con.execute("CREATE OR REPLACE TEMP TABLE reopened AS SELECT DISTINCT t.story_id FROM story_segments "
                        "AS t JOIN segment_keys AS k ON k.article_id = t.article_id AND k.n = t.n "
                        "WHERE k.entity_id IN (SELECT unnest(?::VARCHAR[]))", [changed])
            con.execute("INSERT INTO pending_segments SELECT article_id, n FROM story_segments "
                        "WHERE story_id IN (SELECT story_id FROM reopened)")
            con.execute("DELETE FROM stories WHERE id IN (SELECT story_id FROM reopened)")
            con.execute("DELETE FROM story_segments WHERE story_id IN (SELECT story_id FROM reopened)")
            con.execute("DROP TABLE reopened")
            con.execute("DELETE FROM common_names WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))", [changed])
            con.execute("INSERT INTO common_names SELECT unnest(?::VARCHAR[])", [[e for e, common in rows if common]])
        return changed

    def stories_of(self, segments: Sequence[tuple[str, int]]) -> set[str]:
        """The stories these segments belong to."""
        if not segments:
            return set()
        rows = self.con.execute(
            "SELECT DISTINCT t.story_id FROM story_segments AS t JOIN (SELECT unnest(?::VARCHAR[]) AS article_id, "
            "unnest(?::INTEGER[]) AS n) AS p ON t.article_id = p.article_id AND t.n = p.n",
            [[a for a, _ in segments], [n for _, n in segments]]).fetchall()
        return {r[0] for r in rows}

    def story_members(self, story_ids: Sequence[str]) -> dict[str, list[tuple[str, int]]]:
        """The segments of each of these stories, smallest first."""
        out: dict[str, list[tuple[str, int]]] = {}
        for sid, a, n in self.con.execute(
                "SELECT story_id, article_id, n FROM story_segments WHERE story_id IN (SELECT unnest(?::VARCHAR[])) "
                "ORDER BY ALL", [list(story_ids)]).fetchall():
            out.setdefault(sid, []).append((a, n))
        return out

    def segment_details(self, segments: Sequence[tuple[str, int]]) -> list[dict[str, Any]]:
        """Day, event ids and named entity ids (with how often each is named) of these segments."""
        rows = self.con.execute(
            "SELECT s.article_id, s.n, s.day, s.event_ids, "
            "map_from_entries(list((k.entity_id, k.mentions)) FILTER (WHERE k.entity_id IS NOT NULL)) AS keys "
            "FROM segments AS s JOIN (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::INTEGER[]) AS n) AS p "
            "ON s.article_id = p.article_id AND s.n = p.n "
            "LEFT JOIN segment_keys AS k ON k.article_id = s.article_id AND k.n = s.n GROUP BY ALL ORDER BY ALL",
            [[a for a, _ in segments], [n for _, n in segments]]).fetchall()
        return [{"segment": (a, n), "day": day, "event_ids": json.loads(events), "keys": dict(keys or {})}
                for a, n, day, events, keys in rows]

    def entity_names(self, ids: Sequence[str]) -> dict[str, str]:
        """The merged name of each of these entities."""
        rows = self.con.execute("SELECT id, name FROM entities WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                [list(ids)]).fetchall()
        return dict(rows)

    def common_among(self, ids: Sequence[str]) -> set[str]:
        """Which of these entities are common names (named in too many articles to tell stories apart)."""
        rows = self.con.execute("SELECT entity_id FROM common_names WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))",
                                [list(ids)]).fetchall()
        return {e for (e,) in rows}

    def event_dates(self, ids: Sequence[str]) -> dict[str, str | None]:
        """The date (JSON) of each of these events."""
        rows = self.con.execute("SELECT id, date FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                [list(ids)]).fetchall()
        return dict(rows)

    def replace_stories(self, old_ids: Sequence[str], stories: Sequence[tuple[Story, list[tuple[str, int]]]]
                        ) -> None:
        """Swap these stories (and the pending segments the new ones take in) for the new ones,
        in one transaction."""
        ids = sorted({*old_ids, *(s.id for s, _ in stories)})
        with self._transaction():
            self.con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self.con.execute("DELETE FROM story_segments WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert("stories", [[s.id, s.title, json.dumps(list(s.article_ids)), json.dumps(list(s.event_ids)),
                                      s.start, s.end, json.dumps(list(s.entities))] for s, _ in stories])
            self._insert("story_segments", [[s.id, a, n] for s, members in stories for a, n in members])
            members = [m for _, ms in stories for m in ms]
            self.con.execute(
                "DELETE FROM pending_segments AS p USING (SELECT unnest(?::VARCHAR[]) AS article_id, "
                "unnest(?::INTEGER[]) AS n) AS d WHERE p.article_id = d.article_id AND p.n = d.n",
                [[a for a, _ in members], [n for _, n in members]])

    def forget_stories(self) -> None:
        """Drop every story, so that the next update groups all segments afresh."""
        with self._transaction():
            self.con.execute("DELETE FROM story_segments")
            self.con.execute("DELETE FROM stories")
            self.con.execute("DELETE FROM common_names")
            self.con.execute("DELETE FROM recount_names")
            self.con.execute("DELETE FROM pending_segments")
            self.con.execute("INSERT INTO pending_segments SELECT article_id, n FROM segments")

    # ------------------------------------------------------------------ merged events

    def pending_events(self) -> list[str]:
        """Article events in no merged event yet (new articles, or merged events a revision undid)."""
        return [r[0] for r in self.con.execute("SELECT DISTINCT event_id FROM pending_events ORDER BY 1").fetchall()]

    def event_links(self, ids: Sequence[str], min_passage: int = 0) -> list[tuple[str, str, int]]:
        """Events of the same type in other articles that name an actor in common with these:
        (event, other, actors shared). Candidates come from the actor index, so the cost follows
        these events, not the store; those that name no actor are paired with events of the same
        mode and place (actors shared 0). With min_passage, events of articles with no publication day
        are also paired (actors shared 0 when none is) with those of other such articles whose
        passages (segments) name at least min_passage of the same people and organisations, or
        that give the same place: undated crime reports often name no actor storyline resolves."""
        if not ids:
            return []
        rows = self.con.execute(
            "WITH p AS (SELECT unnest(?::VARCHAR[]) AS event_id) "
            "SELECT k.event_id, o.event_id, count(*) FROM event_keys AS k JOIN p ON k.event_id = p.event_id "
            "JOIN event_keys AS o ON o.entity_id = k.entity_id AND o.article_id <> k.article_id "
            "JOIN events AS ea ON ea.id = k.event_id JOIN events AS eb ON eb.id = o.event_id AND eb.type = ea.type "
            "GROUP BY ALL ORDER BY ALL", [list(ids)]).fetchall()
        links = {(a, b): n for a, b, n in rows}
        for a, b in self._unnamed_event_links(ids):
            links.setdefault((a, b), 0)
        if min_passage > 0:
            for a, b in self._undated_event_links(ids, min_passage):
                links.setdefault((a, b), 0)
        return [(a, b, n) for (a, b), n in sorted(links.items())]

    def _unnamed_event_links(self, ids: Sequence[str]) -> list[tuple[str, str]]:
        """event_links' pairs, these events first, of the same type, format (UNNAMED_MODES), day
        and place where one names no actor ("reached at yesterday's trilateral meeting in
        Lindholm"): the actor index cannot find them. The day bounds the pairs."""
        place = "strip_accents(lower(json_extract_string({}.place, '$.name')))"
        rows = self.con.execute(
            "WITH p AS (SELECT unnest(?::VARCHAR[]) AS event_id), "
            "pe AS (SELECT e.* FROM events AS e JOIN p ON e.id = p.event_id WHERE e.mode IN "
            "(SELECT unnest(?::VARCHAR[])) AND json_extract_string(e.date, '$.granularity') = 'day') "
            "SELECT ea.id, eb.id FROM pe AS ea JOIN events AS eb ON eb.type = ea.type AND eb.mode = ea.mode "
            "AND eb.article_id <> ea.article_id "
            "AND json_extract_string(eb.date, '$.start') = json_extract_string(ea.date, '$.start') "
            f"AND {place.format('eb')} = {place.format('ea')} "
            "WHERE json_array_length(ea.actors) = 0 OR json_array_length(eb.actors) = 0 ORDER BY ALL",
            [list(ids), sorted(UNNAMED_MODES)]).fetchall()
        return [(a, b) for a, b in rows]

    def _undated_event_links(self, ids: Sequence[str], min_passage: int) -> list[tuple[str, str]]:
        """event_links' pairs of events of undated articles found through their passages' names
        (the segment index) or their place, these events first."""
        undated = "(SELECT id FROM articles WHERE published IS NULL OR published = '')"
        rows = self.con.execute(
            "WITH p AS (SELECT e.id AS event_id, e.article_id, e.type FROM events AS e "
            f"WHERE e.id IN (SELECT unnest(?::VARCHAR[])) AND e.article_id IN {undated}), "
            "mine AS (SELECT s.article_id, s.n, unnest(from_json(s.event_ids, '[\"VARCHAR\"]')) AS event_id "
            "FROM segments AS s WHERE s.article_id IN (SELECT article_id FROM p)), "
            "names AS (SELECT DISTINCT p.event_id, p.article_id, k.entity_id FROM p "
            "JOIN mine AS m ON m.event_id = p.event_id "
            "JOIN segment_keys AS k ON k.article_id = m.article_id AND k.n = m.n), "
            "theirs AS (SELECT DISTINCT names.event_id, names.entity_id, o.article_id, o.n FROM names "
            "JOIN segment_keys AS o ON o.entity_id = names.entity_id AND o.article_id <> names.article_id "
            f"WHERE o.article_id IN {undated}), "
            "other AS (SELECT t.event_id, t.entity_id, "
            "unnest(from_json(s.event_ids, '[\"VARCHAR\"]')) AS other_id FROM theirs AS t "
            "JOIN segments AS s ON s.article_id = t.article_id AND s.n = t.n), "
            "named AS (SELECT o.event_id, o.other_id FROM other AS o JOIN events AS ea ON ea.id = o.event_id "
            "JOIN events AS eb ON eb.id = o.other_id AND eb.type = ea.type "
            "GROUP BY ALL HAVING count(DISTINCT o.entity_id) >= ?), "
            "placed AS (SELECT ea.id, eb.id FROM p JOIN events AS ea ON ea.id = p.event_id "
            "JOIN events AS eb ON eb.type = ea.type AND eb.article_id <> ea.article_id "
            "AND lower(json_extract_string(eb.place, '$.name')) = lower(json_extract_string(ea.place, '$.name')) "
            f"WHERE eb.article_id IN {undated}) "
            "SELECT * FROM named UNION SELECT * FROM placed",
            [list(ids), min_passage]).fetchall()
        return [(a, b) for a, b in rows]

    def merged_of(self, member_ids: Sequence[str]) -> set[str]:
        """The merged events these article events belong to."""
        rows = self.con.execute("SELECT DISTINCT event_id FROM event_members WHERE member_id IN "
                                "(SELECT unnest(?::VARCHAR[]))", [list(member_ids)]).fetchall()
        return {r[0] for r in rows}

    def merged_members(self, merged_ids: Sequence[str]) -> dict[str, list[str]]:
        """The article events of each of these merged events, smallest first."""
        out: dict[str, list[str]] = {}
        for eid, member in self.con.execute(
                "SELECT event_id, member_id FROM event_members WHERE event_id IN (SELECT unnest(?::VARCHAR[])) "
                "ORDER BY ALL", [list(merged_ids)]).fetchall():
            out.setdefault(eid, []).append(member)
        return out

    def event_details(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """These article events as stored, each with its article's publication day and outlet,
        and (`kinds`) the type and affiliation its own article gives each of its actors."""
        rows = self.query(
            "SELECT e.*, a.published, coalesce(a.source, a.place, a.id) AS outlet FROM events AS e "
            "JOIN articles AS a ON a.id = e.article_id WHERE e.id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.id",
            [list(ids)])
        kinds: dict[str, dict[str, tuple[str, str | None]]] = {}
        for event_id, entity_id, type_, affiliation in self.con.execute(
                "WITH x AS (SELECT id, article_id, "
                "unnest(from_json(actors, '[\"json\"]')) ->> 'entity_id' AS entity_id "
                "FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))) "
                "SELECT x.id, x.entity_id, ae.type, ae.affiliation FROM x JOIN article_entities AS ae "
                "ON ae.article_id = x.article_id AND ae.entity_id = x.entity_id ORDER BY ALL", [list(ids)]).fetchall():
            kinds.setdefault(event_id, {})[entity_id] = (type_, affiliation)
        for r in rows:
            r["kinds"] = kinds.get(r["id"], {})
        return rows

    def event_passage_keys(self, ids: Sequence[str]) -> dict[str, set[str]]:
        """The people and organisations named in the segment that reports each of these article
        events (an event in no segment, or in one naming nobody, is left out). Only the
        segments of these events' articles are looked at."""
        if not ids:
            return {}
        rows = self.con.execute(
            "WITH p AS (SELECT unnest(?::VARCHAR[]) AS event_id), "
            "a AS (SELECT DISTINCT e.article_id FROM events AS e JOIN p ON e.id = p.event_id), "
            "s AS (SELECT s.article_id, s.n, unnest(from_json(s.event_ids, '[\"VARCHAR\"]')) AS event_id "
            "FROM segments AS s JOIN a ON a.article_id = s.article_id) "
            "SELECT s.event_id, k.entity_id FROM s JOIN p ON p.event_id = s.event_id "
            "JOIN segment_keys AS k ON k.article_id = s.article_id AND k.n = s.n ORDER BY ALL",
            [list(ids)]).fetchall()
        out: dict[str, set[str]] = {}
        for event_id, entity_id in rows:
            out.setdefault(event_id, set()).add(entity_id)
        return out

    def replace_merged_events(self, old_ids: Sequence[str],
                              merged: Sequence[tuple[Event, list[tuple[str, str]], Sequence[Conflict]]]) -> None:
        """Swap these merged events (and the pending article events the new ones take in) for
        the new ones, given with their members (article event id, article id) and conflicts, in
        one transaction."""
        ids = sorted({*old_ids, *(e.id for e, _, _ in merged)})
        with self._transaction():
            for table, column in (("merged_events", "id"), ("conflicts", "event_id"), ("event_members", "event_id")):
                self.con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert("merged_events", [
                [e.id, e.reports[0].article_id, e.type, e.mode, e.status, _json(e.date), _json(e.place),
                 _json(list(e.actors)), e.topic, _json(list(e.reports)), e.n_sources, _json(list(e.conflicts)),
                 _json(list(e.counts))]
                for e, _, _ in merged])
            self._insert("event_members", [[m, e.id, a] for e, ms, _ in merged for m, a in ms])
            self._insert("conflicts", [[c.id, c.event_id, c.field, _json(list(c.values))]
                                       for _, _, cs in merged for c in cs])
            self.con.execute("DELETE FROM pending_events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                             [[m for _, ms, _ in merged for m, _ in ms]])

    def forget_merged_events(self) -> None:
        """Drop every merged event, so that the next update merges all article events afresh."""
        with self._transaction():
            for table in ("event_members", "merged_events", "conflicts", "pending_events"):
                self.con.execute(f"DELETE FROM {table}")
            self.con.execute("INSERT INTO pending_events SELECT id, article_id FROM events")

    # ------------------------------------------------------------------ queries

    def counts(self) -> dict[str, int]:
        """Rows per record kind (keys are identifiers, as the API gives them); events are those
        merged across articles ("event_reports" are each article's own), once the store has them
        (migration 008)."""
        merged = bool(self.con.execute("SELECT count(*) FROM information_schema.tables "
                                       "WHERE table_name = 'merged_events'").fetchone()[0])  # type: ignore[index]
        tables = {kind: kind for kind in ("articles", "mentions", "entities", "timexes", "events", "quotes",
                                          "conflicts", "stories", "rejected")}
        if merged:
            tables = {**tables, "events": "merged_events", "event_reports": "events"}
        out = {}
        for kind, table in tables.items():
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[kind] = int(row[0]) if row else 0
        return out

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterised query as dicts."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
