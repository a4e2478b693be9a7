"""Reading the store back as schema.md records: used by export, the CLI and (later) the web page."""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from .errors import BadOption
from .gazetteer import fold
from .model import CONFLICT_FIELDS, EVENT_STATUSES, EVENT_TYPES, MENTION_TYPES
from .store.duckdb import Store

RECORD_KINDS = ("articles", "mentions", "entities", "timexes", "events", "quotes", "conflicts",
                "stories", "rejected")
# Columns stored as JSON text, per kind, turned back into lists and objects on the way out.
JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("warnings",),
    "entities": ("aliases",),
    "timexes": ("date",),
    "events": ("date", "place", "actors", "reports", "conflicts", "counts"),
    "quotes": ("speaker", "date"),
    "conflicts": ("values",),
    "stories": ("article_ids", "event_ids", "entities"),
}


def choice(value: str | None, allowed: Sequence[str], option: str) -> str | None:
    """A filter's value among the allowed ones, in their case ("consult" is CONSULT); a value
    outside them is an error that lists them, not an empty answer (CLI, API and page alike)."""
    if value is None or value == "":
        return None
    by_fold = {a.casefold(): a for a in allowed}
    if value.casefold() not in by_fold:
        raise BadOption(f"{option} is one of {', '.join(allowed)}; got {value!r}")
    return by_fold[value.casefold()]


ORDER: dict[str, str] = {
    "articles": "origin, id", "mentions": "article_id, start, \"end\"", "entities": "id",
    "timexes": "article_id, start, \"end\"", "events": "article_id, id", "quotes": "article_id, start, \"end\", id",
    "conflicts": "id", "stories": "id", "rejected": "origin, reason",
}
# Where each kind is read from, when not the table of its name: events merged across articles
# (`events` keeps each article's own), stories naming those merged events.
SOURCES: dict[str, str] = {"events": "merged_events", "stories": "story_records"}
# Columns the store keeps for its own bookkeeping, not part of the record.
HIDDEN: dict[str, tuple[str, ...]] = {
    "articles": ("ingested_at", "place", "analysed_with"), "quotes": ("speaker_id",), "events": ("article_id",),
    "entities": ("key", "surname"),
}


def _decode(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    for col in JSON_COLUMNS.get(kind, ()):
        if isinstance(row.get(col), str):
            row[col] = json.loads(row[col])
    for col in HIDDEN.get(kind, ()):
        row.pop(col, None)
    if kind == "rejected" and row.get("at") is not None:
        row["at"] = row["at"].isoformat()
    if kind == "events":
        row["counts"] = row.get("counts") or []  # none in stores from before migration 014
    return row


def _roles(store: Store, entity_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    rows = store.query(
        "SELECT entity_id, role, affiliation, article_id, start, \"end\" FROM entity_roles "
        "WHERE entity_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY entity_id, article_id, start",
        [entity_ids])
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r.pop("entity_id"), []).append(r)
    return out


def records(store: Store, kind: str, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every record of one kind, in a stable order, in the shape schema.md gives."""
    if kind not in RECORD_KINDS:
        raise ValueError(f"unknown record kind {kind!r}; one of {', '.join(RECORD_KINDS)}")
    # One ordered scan read in chunks: paging with OFFSET would re-sort the table for every page.
    cur = store.con.cursor()
    try:
        cur.execute(f"SELECT * FROM {SOURCES.get(kind, kind)} ORDER BY {ORDER[kind]}")
        names = [d[0] for d in cur.description or []]
        while rows := [dict(zip(names, r, strict=True)) for r in cur.fetchmany(batch)]:
            if kind == "entities":
                roles = _roles(store, [r["id"] for r in rows])
            for row in rows:
                rec = _decode(kind, row)
                if kind == "entities":
                    rec["roles"] = roles.get(rec["id"], [])
                yield rec
    finally:
        cur.close()


class Page(list[dict[str, Any]]):
    """One page of a listing, with ``total``: how many records the filters keep on all pages
    (the API sends it as the X-Total-Count header)."""

    total: int = 0


def _page(store: Store, kind: str, sql: str, params: list[Any], order: str, limit: int, offset: int) -> Page:
    """The rows of ``sql`` (its filters, no order) in ``order``, one page of them, with their total.
    The total is a count of its own: a count window over the rows would keep DuckDB from sorting
    only the top of them (ten times slower on millions of rows); a first page shorter than the
    limit is all there is."""
    page = Page(_decode(kind, r) for r in store.query(f"SELECT * FROM ({sql}) ORDER BY {order} LIMIT ? OFFSET ?",
                                                         [*params, limit, offset]))
    if offset == 0 and len(page) < limit:
        page.total = len(page)
    else:
        page.total = int(store.query(f"SELECT count(*) AS n FROM ({sql})", params)[0]["n"])
    return page


def list_entities(store: Store, name: str | None = None, type_: str | None = None,
                  limit: int = 50, offset: int = 0) -> Page:
    """Entities by number of articles, optionally filtered by a name fragment and type; ``offset``
    skips that many (the next page)."""
    type_ = choice(type_, MENTION_TYPES, "type")
    sql = "SELECT * FROM entities WHERE 1=1"
    params: list[Any] = []
    if type_:
        sql += " AND type = ?"
        params.append(type_)
    if name:
        sql += " AND (key LIKE ? OR lower(aliases) LIKE ?)"
        params += [f"%{fold(name)}%", f"%{name.lower()}%"]
    rows = _page(store, "entities", sql, params, "n_articles DESC, n_mentions DESC, name, id", limit, offset)
    roles = _roles(store, [r["id"] for r in rows])
    for r in rows:
        r["roles"] = roles.get(r["id"], [])
    return rows


def list_quotes(store: Store, speaker: str | None = None, limit: int = 50,
                offset: int = 0) -> Page:
    """Quotes, optionally those whose speaker's name or alias contains a fragment."""
    sql = ("SELECT q.*, a.source, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
           "LEFT JOIN entities e ON e.id = q.speaker_id WHERE 1=1")
    params: list[Any] = []
    if speaker:
        sql += " AND (e.key LIKE ? OR lower(e.aliases) LIKE ? OR lower(q.speaker) LIKE ?)"
        params += [f"%{fold(speaker)}%", f"%{speaker.lower()}%", f"%{speaker.lower()}%"]
    return _page(store, "quotes", sql, params, "published NULLS LAST, article_id, start, id", limit, offset)


def list_events(store: Store, type_: str | None = None, status: str | None = None,
                limit: int = 50, min_sources: int = 1, offset: int = 0, since: str | None = None,
                until: str | None = None, entity: str | None = None) -> Page:
    """Events merged across articles, optionally of one PLOVER type and status, reported by at
    least ``min_sources`` outlets, dated within ``since``..``until`` (ISO days, inclusive; an
    event counts when its date's interval reaches into that period, so undated ones drop out)
    and naming the entity with the id ``entity`` as an actor, in date order."""
    type_, status = choice(type_, EVENT_TYPES, "type"), choice(status, EVENT_STATUSES, "status")
    sql = "SELECT * FROM merged_events WHERE n_sources >= ?"
    params: list[Any] = [min_sources]
    if type_:
        sql += " AND type = ?"
        params.append(type_)
    if status:
        sql += " AND status = ?"
        params.append(status.lower())
    if since:
        sql += " AND json_extract_string(date, '$.end') >= ?"
        params.append(since)
    if until:
        sql += " AND json_extract_string(date, '$.start') <= ?"
        params.append(until)
    if entity:
        sql += " AND list_contains(json_extract_string(actors, '$[*].entity_id'), ?)"
        params.append(entity)
    return _page(store, "events", sql, params, "json_extract_string(date, '$.start') NULLS LAST, id", limit, offset)


def list_conflicts(store: Store, field: str | None = None, limit: int = 50,
                   offset: int = 0) -> Page:
    """Conflicts between reports of one event, newest event first; each with the event it is on
    (``event``) and, per value, the outlets that give it (``outlets``, in the order of
    ``article_ids``)."""
    field = choice(field, CONFLICT_FIELDS, "field")
    sql = ("SELECT c.*, e.type, e.status, e.date, e.actors FROM conflicts c JOIN merged_events e ON e.id = c.event_id"
           " WHERE (? IS NULL OR c.field = ?)")
    rows = _page(store, "conflicts", sql, [field, field], "json_extract_string(date, '$.start') DESC NULLS LAST, id",
                 limit, offset)
    outlets = _outlets(store, sorted({a for r in rows for v in r["values"] for a in v["article_ids"]}))
    for r in rows:
        r["event"] = {"id": r["event_id"], "type": r.pop("type"), "status": r.pop("status"),
                      "date": json.loads(r.pop("date") or "null"), "actors": json.loads(r.pop("actors"))}
        for v in r["values"]:
            v["outlets"] = [outlets.get(a, a) for a in v["article_ids"]]
    return rows


_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_REFS = {"PAST_REF": "(past)", "PRESENT_REF": "(now)", "FUTURE_REF": "(future)"}
_PARTS_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}


def readable_date(value: str) -> str:
    """A TIMEX3 value as a reader takes it in: seasons, decades, centuries, parts of the day and
    vague references in words ("2025-FA" is "2025 autumn", "198" "1980s", "20" "21st century",
    "2025-07-07TMO" "2025-07-07 morning", "2025-W31-WE" "2025-W31 weekend", FUTURE_REF
    "(future)"); any other value as it is."""
    if value in _REFS:
        return _REFS[value]
    if value.isdigit() and len(value) == 3:
        return f"{value}0s"
    if value.isdigit() and len(value) == 2:
        n = int(value) + 1
        suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century"
    day, t, part = value.partition("T")
    if t and part in _PARTS_OF_DAY:
        return f"{day} {_PARTS_OF_DAY[part]}"
    if value.endswith("-WE"):
        return f"{value[:-3]} weekend"
    year, _, part = value.partition("-")
    return f"{year} {_SEASONS[part]}" if part in _SEASONS else value


def said(value: Any) -> str:
    """A conflict's value as a reader reads it: a count as its words ("about four hours"), a
    date by its TIMEX3 value, a place by its name."""
    if isinstance(value, dict):
        return str(value.get("text") or value.get("value") or value.get("name") or "")
    return str(value)


def tally(outlets: list[str]) -> str:
    """Outlets as a reader scans them: each once, in the order given, with how many of its
    articles say so when more than one ("Guardian (2), BBC")."""
    counts = Counter(outlets)
    return ", ".join(f"{o} ({counts[o]})" if counts[o] > 1 else o for o in dict.fromkeys(outlets))


def _outlets(store: Store, article_ids: list[str]) -> dict[str, str]:
    """Each article's outlet: its source (cleaning takes the site of its URL when nothing names
    one), else said to be unknown with the file it came from, so a file name never reads as an
    outlet."""
    rows = store.query("SELECT id, source, origin FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                       [article_ids])
    return {r["id"]: r["source"] or _unknown_outlet(r["origin"] or r["id"]) for r in rows}


def _unknown_outlet(origin: str) -> str:
    """'unknown outlet (talks.txt)': the file or record an article came from, named as such."""
    name = os.path.basename(origin.rstrip("/")) or origin
    return f"unknown outlet ({name})"


def list_stories(store: Store, name: str | None = None, min_articles: int = 1,
                 limit: int = 50, offset: int = 0) -> Page:
    """Stories with the most articles first, optionally those naming someone whose name or alias
    contains a fragment; each with its entities' names."""
    sql = "SELECT * FROM story_records WHERE json_array_length(article_ids) >= ?"
    params: list[Any] = [min_articles]
    if name:
        sql += (" AND EXISTS (SELECT 1 FROM entities e"
                " WHERE list_contains(story_records.entities::JSON::VARCHAR[], e.id)"
                " AND (e.key LIKE ? OR lower(e.aliases) LIKE ?))")
        params += [f"%{fold(name)}%", f"%{name.lower()}%"]
    order = "json_array_length(article_ids) DESC, json_array_length(event_ids) DESC, start NULLS LAST, id"
    return _page(store, "stories", sql, params, order, limit, offset)


def event_types(values: Sequence[str], option: str) -> set[str]:
    """PLOVER types given as options or comma-separated (as a form or a URL gives them), checked."""
    return {str(choice(t.strip(), EVENT_TYPES, option)) for v in values for t in v.split(",") if t.strip()}


def timeline(store: Store, story: str, types: Sequence[str] = (), skip_types: Sequence[str] = (),
             min_sources: int = 1) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A story and its events, merged across articles, in calendar order (undated ones last, in
    the order first reported), each with the outlets that report it (``outlets``) and the day of
    its first report (``published``). ``story`` is a story id or a fragment of the name of
    someone it names: the most reported such story is taken. Only events of ``types`` (all when
    empty), none of ``skip_types`` (a long story's many STATEMENTs), reported by at least
    ``min_sources`` outlets; a type may be a comma-separated list, as a form or a URL gives it."""
    wanted, unwanted = event_types(types, "type"), event_types(skip_types, "skip type")
    found = store.query("SELECT * FROM story_records WHERE id = ?", [story]) or list_stories(store, story, limit=1)
    if not found:
        raise BadOption(f"no story with the id or naming {story!r}; list them with: storyline stories")
    chosen = _decode("stories", dict(found[0]))
    events = store.query(
        "SELECT e.*, x.published, x.article_ids FROM merged_events e JOIN ("
        "SELECT m.event_id, min(a.published) AS published, list(DISTINCT m.article_id) AS article_ids "
        "FROM event_members m JOIN articles a ON a.id = m.article_id "
        "WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY m.event_id) x ON x.event_id = e.id "
        "ORDER BY json_extract_string(e.date, '$.start') NULLS LAST, x.published NULLS LAST, e.article_id, "
        "json_extract(e.reports, '$[0].start')::INTEGER", [list(chosen["event_ids"])])
    events = [e for e in events if (not wanted or e["type"] in wanted) and e["type"] not in unwanted]
    outlets = _outlets(store, sorted({a for e in events for a in e["article_ids"]}))
    out = []
    for e in events:
        e["outlets"] = sorted({outlets.get(a, a) for a in e.pop("article_ids")})
        if len(e["outlets"]) >= min_sources:
            out.append(_decode("events", e))
    return chosen, out


def export(store: Store, kinds: list[str], fmt: str, dest: str) -> dict[str, tuple[str, int]]:
    """Write record kinds to files: one kind to dest as a file, several into dest as a folder.

    Returns kind -> (file written, number of records).
    """
    import itertools
    from pathlib import Path

    from .store.export import FORMATS, write_jsonl, write_table

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    out = Path(dest)
    if len(kinds) > 1 and out.exists() and not out.is_dir():
        raise BadOption(f"{dest} is a file; several record kinds need a folder (-o DIR)")
    if len(kinds) > 1 or out.is_dir() or dest.endswith(("/", os.sep)):
        out.mkdir(parents=True, exist_ok=True)
        targets = {k: out / f"{k}.{fmt}" for k in kinds}
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        targets = {kinds[0]: out}
    written: dict[str, tuple[str, int]] = {}
    for kind, path in targets.items():
        rows = records(store, kind)
        if fmt == "jsonl":
            n = write_jsonl(rows, path)
        else:
            first = list(itertools.islice(rows, 1))
            types = _column_types(store, kind)
            columns = {c: types.get(c, "JSON") for c in (first[0] if first else types)}
            n = write_table(itertools.chain(first, rows), path, fmt, columns)
        written[kind] = (str(path), n)
    return written


def _column_types(store: Store, kind: str) -> dict[str, str]:
    """Each exported column's DuckDB type: as stored (counts are integers, flags booleans), the
    fields schema.md nests (kept as JSON text in the store) as JSON."""
    described = store.con.execute(f"DESCRIBE SELECT * FROM {SOURCES.get(kind, kind)}").fetchall()
    types = {str(r[0]): str(r[1]) for r in described if r[0] not in HIDDEN.get(kind, ())}
    return {c: "JSON" if c in JSON_COLUMNS.get(kind, ()) else t for c, t in types.items()}


# --------------------------------------------------------------------------- one record, with its evidence
# The web page and the REST API show one record at a time with the sentences that say it; these
# read it in a handful of queries, whatever the size of the store.


def overview(store: Store) -> dict[str, Any]:
    """How many records of each kind the store holds, and the last ingest."""
    last = store.last_run()
    if last and last.get("finished_at") is not None:
        last = {**last, "started_at": str(last.get("started_at")), "finished_at": str(last["finished_at"])}
    return {"counts": store.counts(), "last_run": last}


def _articles_brief(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each article's outlet, title, date and address, without its text."""
    rows = store.query("SELECT id, source, url, origin, title, published FROM articles "
                       "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    outlets = _outlets(store, ids)
    return {r["id"]: {**r, "outlet": outlets.get(r["id"], r["id"])} for r in rows}


def _sentences(store: Store, spans: list[tuple[str, int, int]]) -> dict[tuple[str, int, int], str]:
    """The text of (article_id, start, end) spans, read in one query."""
    if not spans:
        return {}
    rows = store.query(
        "SELECT s.a AS article_id, s.s AS start, s.e AS \"end\", substr(t.text, s.s + 1, s.e - s.s) AS text "
        "FROM (SELECT unnest(?::VARCHAR[]) AS a, unnest(?::INTEGER[]) AS s, unnest(?::INTEGER[]) AS e) s "
        "JOIN articles t ON t.id = s.a",
        [[a for a, _, _ in spans], [b for _, b, _ in spans], [e for _, _, e in spans]])
    return {(r["article_id"], r["start"], r["end"]): r["text"] for r in rows}


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event merged across articles, each report with its outlet, headline, date and the
    sentence that says it (``sentence``), its conflicts with the outlets behind each value, and
    the stories it belongs to; None when there is no such event."""
    found = store.query("SELECT * FROM merged_events WHERE id = ?", [event_id])
    if not found:
        return None
    event = _decode("events", dict(found[0]))
    reports = event["reports"]
    articles = _articles_brief(store, sorted({r["article_id"] for r in reports}))
    said = _sentences(store, [(r["article_id"], r["sentence_start"], r["sentence_end"]) for r in reports])
    for r in reports:
        r["article"] = articles.get(r["article_id"])
        r["sentence"] = said.get((r["article_id"], r["sentence_start"], r["sentence_end"]), "")
    event["conflicts"] = list_conflicts_of(store, [event_id])
    event["stories"] = store.query(
        "SELECT id, title FROM story_records WHERE list_contains(event_ids::JSON::VARCHAR[], ?) ORDER BY id",
        [event_id])
    return event


def list_conflicts_of(store: Store, event_ids: list[str]) -> list[dict[str, Any]]:
    """The conflicts on these events, each value with the outlets that give it (``outlets``)."""
    rows = [_decode("conflicts", r) for r in store.query(
        "SELECT * FROM conflicts WHERE event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY event_id, field, id",
        [event_ids])]
    outlets = _outlets(store, sorted({a for r in rows for v in r["values"] for a in v["article_ids"]}))
    for r in rows:
        for v in r["values"]:
            v["outlets"] = [outlets.get(a, a) for a in v["article_ids"]]
    return rows


# An entity's page lists at most this many of its events and quotes; the API pages through more.
ENTITY_EVENTS = 200


def get_entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    """One entity merged across articles: its names, its roles each with the sentence that gives
    it, the events it takes part in, what it said, and the stories that name it; None when there
    is no such entity."""
    found = store.query("SELECT * FROM entities WHERE id = ?", [entity_id])
    if not found:
        return None
    entity = _decode("entities", dict(found[0]))
    roles = _roles(store, [entity_id]).get(entity_id, [])
    windows = [(r["article_id"], *_window(r["start"], r["end"])) for r in roles]
    said = _sentences(store, windows)
    articles = _articles_brief(store, sorted({r["article_id"] for r in roles}))
    for r, w in zip(roles, windows, strict=True):
        r["sentence"] = _clause(said.get(w, ""), r["start"] - w[1], r["end"] - w[1])
        r["article"] = articles.get(r["article_id"])
    entity["roles"] = roles
    entity["events"] = list_events(store, limit=ENTITY_EVENTS, entity=entity_id)
    quotes = store.query(
        "SELECT q.*, a.source, a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
        "WHERE q.speaker_id = ? ORDER BY a.published NULLS LAST, q.article_id, q.start LIMIT ?",
        [entity_id, ENTITY_EVENTS])
    entity["quotes"] = [_decode("quotes", q) for q in quotes]
    entity["stories"] = store.query(
        "SELECT id, title, start, \"end\" FROM story_records WHERE list_contains(entities::JSON::VARCHAR[], ?) "
        "ORDER BY json_array_length(article_ids) DESC, id", [entity_id])
    return entity


# How far around a role's words its evidence reaches: roles are stored as the span of the title
# itself ("chief negotiator"); the reader wants the sentence around it, which is not stored.
ROLE_CONTEXT = 200


def _window(start: int, end: int) -> tuple[int, int]:
    """Offsets of the text around a span, ROLE_CONTEXT characters either side."""
    return max(0, start - ROLE_CONTEXT), end + ROLE_CONTEXT


def _clause(window: str, start: int, end: int) -> str:
    """The sentence of a window that holds window[start:end]: cut after the last full stop before
    the span and at the first one after it."""
    left = max(window.rfind(". ", 0, start), window.rfind("\n", 0, start))
    right = min((i for i in (window.find(". ", end), window.find("\n", end)) if i >= 0), default=-1)
    if right < 0:  # the sentence goes on past the window
        return window[left + 1 :].strip() + " …"
    return window[left + 1 : right + 1].strip()


def get_article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One article with its text, its mentions (each with its entity id), quotes, time
    expressions, and the merged events its reports belong to; None when there is no such
    article."""
    found = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    if not found:
        return None
    article = _decode("articles", dict(found[0]))
    article["outlet"] = _outlets(store, [article_id]).get(article_id, article_id)
    article["mentions"] = store.query(
        "SELECT article_id, start, \"end\", text, type, entity_id FROM mentions WHERE article_id = ? ORDER BY start",
        [article_id])
    article["quotes"] = [_decode("quotes", q) for q in store.query(
        "SELECT * FROM quotes WHERE article_id = ? ORDER BY start, id", [article_id])]
    article["timexes"] = [_decode("timexes", t) for t in store.query(
        "SELECT * FROM timexes WHERE article_id = ? ORDER BY start", [article_id])]
    article["events"] = [_decode("events", e) for e in store.query(
        "SELECT * FROM merged_events WHERE id IN (SELECT event_id FROM event_members WHERE article_id = ?) "
        "ORDER BY json_extract_string(date, '$.start') NULLS LAST, id", [article_id])]
    return article
