"""The REST API and the web page over one store: `create_app(db)`, started by `storyline serve`.

Both read the same records through `storyline.query`, so the page, the API and the CLI can never
disagree. Each request opens the DuckDB file read-only and closes it again, so a `storyline
ingest` into the same file can run between requests (while it writes, requests get 503 and a
message saying why). Article text is only ever put in a page through Jinja2's autoescaping, and
every query is parameterised.

Started with ingest options (`storyline serve --ingest`), the server also takes articles:
`POST /api/articles` and the page /add. An article is analysed first, outside the store; only
the write takes the store, and this process's readers wait for it (DuckDB refuses a read-only
and a read-write connection to one file side by side in one process).
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__, query
from ..config import Options
from ..errors import BadOption, StoreError
from ..model import EVENT_STATUSES, EVENT_TYPES, MENTION_TYPES
from ..pipeline import Outcome, analyse_records, store_analysed
from ..store.duckdb import Store

HERE = Path(__file__).resolve().parent
# Lists are capped: a page of a million events helps nobody, and the API pages with `limit`.
MAX_LIMIT = 1000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many records (≤ {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="Skip this many records first (the next page).")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="An ISO day, like 2025-07-01.")]


# Articles in one POST at most: the client waits while they are analysed (about 10 a second).
MAX_POST_ARTICLES = 200
READ_ONLY = "this server only reads; start it with `storyline serve --db STORE --ingest` to add articles"


class ReadWriteLock:
    """Many readers or one writer, a waiting writer first. Within one process DuckDB refuses a
    read-only connection beside a read-write one to the same file, so the API's own writes make
    its readers wait (briefly: only the write holds it), where another process's get a 503."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer)
            self._writer = True  # readers that come now wait behind the write
            self._cond.wait_for(lambda: self._readers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


# How long a request waits for an ingest that is storing a batch before it answers 503.
REQUEST_WAIT_SECONDS = 2.0

def _store(request: Request) -> Iterator[Store]:
    """A read-only connection to the app's store for one request."""
    with request.app.state.lock.reading():
        try:
            # an ingest storing a batch holds the file for a second or so: wait for it, briefly
            s = Store(request.app.state.db, read_only=True, wait=REQUEST_WAIT_SECONDS)
        except StoreError as exc:
            raise HTTPException(503, f"the store is busy or unreadable: {exc}") from exc
        try:
            yield s
        finally:
            s.close()


class ArticleIn(BaseModel):
    """One article to add: its text (or its page's HTML) and what is known about it. The same
    fields as a line of a JSONL input."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="The article's plain text. Give this or html.")
    html: str | None = Field(None, description="The article's web page; its text is extracted.")
    title: str | None = None
    url: str | None = Field(None, description="Where it was published; a later text from the same URL "
                                              "replaces it as a revision.")
    published: str | None = Field(None, description="Publication date, e.g. 2025-06-10; inferred when missing.")
    source: str | None = Field(None, description="The outlet; taken from the URL when missing.")


class ArticlesIn(BaseModel):
    """Articles to analyse and store, in one request."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_POST_ARTICLES)


S = Annotated[Store, Depends(_store)]


def create_app(db: str | Path, ingest: Options | None = None, token: str | None = None) -> FastAPI:
    """The storyline web application over the store at db (which must exist unless ingest
    options are given: then it is created, and the app also takes articles, from those who give
    the token when there is one)."""
    path = str(db)
    if ingest is not None:
        from ..nlp import load_nlp

        load_nlp(ingest.model)  # a missing model is an error at start, not on the first article
        Store(path).close()  # create the store, or bring its schema up to date
    if not Path(path).is_file():
        raise BadOption(f"no store at {path}; create one with: storyline ingest PATH --db {path}")
    with Store(path, read_only=True) as first:  # fail now, not on the first request, if it is no store
        outdated = first.pending_migrations()
    if outdated:  # written by an earlier storyline: bring the schema up to date once, then only read
        Store(path).close()

    app = FastAPI(
        title="storyline", version=__version__,
        description="Who met whom, who said what, when and where, according to which outlets: the records of "
                    "one storyline store, merged across articles, each pointing at the sentences that say it.",
        # Swagger UI and ReDoc load their scripts from a CDN; nothing here may need the network.
        # The schema itself is served at /openapi.json.
        docs_url=None, redoc_url=None,
    )
    app.state.db = path
    app.state.lock = ReadWriteLock()
    analysing = threading.Lock()  # one analysis at a time: a spaCy pipeline is not made for threads
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(version=__version__, db_name=Path(path).name, can_add=ingest is not None)
    templates.env.filters["day"] = _day
    templates.env.filters["tally"] = query.tally
    templates.env.filters["said"] = query.said

    @app.exception_handler(HTTPException)
    async def errors(request: Request, exc: HTTPException) -> Response:
        """JSON errors under /api, a page elsewhere."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)

    @app.exception_handler(BadOption)
    async def bad_value(request: Request, exc: BadOption) -> Response:
        """A filter value that is none of those allowed (type=FOO): a 422 that lists them."""
        return await errors(request, HTTPException(422, exc.message))

    def found(record: dict[str, Any] | None, kind: str, record_id: str) -> dict[str, Any]:
        if record is None:
            raise HTTPException(404, f"no {kind} with the id {record_id!r} in this store")
        return record

    # ------------------------------------------------------------------ REST API (JSON, schema.md records)

    def counted(response: Response, page: query.Page) -> list[dict[str, Any]]:
        """A listing's page, its total over all pages in the X-Total-Count header."""
        response.headers["X-Total-Count"] = str(page.total)
        return page

    @app.get("/api/status", tags=["api"])
    def api_status(s: S) -> dict[str, Any]:
        """How many records of each kind the store holds, and the last ingest."""
        return query.overview(s)

    @app.get("/api/entities", tags=["api"])
    def api_entities(s: S, response: Response, name: str | None = None, type: str | None = None,
                     limit: Limit = 50, offset: Offset = 0) -> list[dict[str, Any]]:
        """Entities, most reported first; `name` matches a fragment of any alias, diacritics ignored."""
        return counted(response, query.list_entities(s, name, type, limit, offset))

    @app.get("/api/entities/{entity_id}", tags=["api"])
    def api_entity(s: S, entity_id: str) -> dict[str, Any]:
        """One entity with its roles (and the sentences that give them), events, quotes and stories."""
        return found(query.get_entity(s, entity_id), "entity", entity_id)

    @app.get("/api/events", tags=["api"])
    def api_events(s: S, response: Response, type: str | None = None, status: str | None = None, min_sources: int = 1,
                   since: Day = None, until: Day = None, entity: str | None = None, limit: Limit = 50,
                   offset: Offset = 0) -> list[dict[str, Any]]:
        """Events merged across articles, in calendar order; `since` and `until` keep those whose
        date reaches into that period, `entity` those an entity (by id) takes part in."""
        return counted(response, query.list_events(s, type, status, limit, min_sources, offset, since, until, entity))

    @app.get("/api/events/{event_id}", tags=["api"])
    def api_event(s: S, event_id: str) -> dict[str, Any]:
        """One event with each report's outlet and sentence, its conflicts and its stories."""
        return found(query.get_event(s, event_id), "event", event_id)

    @app.get("/api/quotes", tags=["api"])
    def api_quotes(s: S, response: Response, speaker: str | None = None, limit: Limit = 50,
                   offset: Offset = 0) -> list[dict[str, Any]]:
        """Quotes in date order; `speaker` matches a fragment of the speaker's name or aliases."""
        return counted(response, query.list_quotes(s, speaker, limit, offset))

    @app.get("/api/conflicts", tags=["api"])
    def api_conflicts(s: S, response: Response, field: str | None = None, limit: Limit = 50,
                      offset: Offset = 0) -> list[dict[str, Any]]:
        """Where outlets disagree about one event, with the outlets behind each value."""
        return counted(response, query.list_conflicts(s, field, limit, offset))

    @app.get("/api/stories", tags=["api"])
    def api_stories(s: S, response: Response, name: str | None = None, min_articles: int = 1, limit: Limit = 50,
                    offset: Offset = 0) -> list[dict[str, Any]]:
        """Stories, most reported first; `name` keeps those naming someone matching it."""
        return counted(response, query.list_stories(s, name, min_articles, limit, offset))

    @app.get("/api/stories/{story_id}", tags=["api"])
    def api_story(s: S, story_id: str, type: str | None = None, skip_type: str | None = None,
                  min_sources: int = 1, limit: Limit = MAX_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        """A story and its events in calendar order, each with the outlets that report it
        (`limit` and `offset` page through the events of a long story). `type` and `skip_type`
        take PLOVER types, comma-separated (`skip_type=STATEMENT`: what was done, not said)."""
        chosen, events = _timeline(s, story_id, type, skip_type, min_sources)
        return {"story": chosen, "events": events[offset : offset + limit]}

    @app.get("/api/articles/{article_id}", tags=["api"])
    def api_article(s: S, article_id: str) -> dict[str, Any]:
        """One article: text, metadata, mentions, time expressions, quotes and its events."""
        return found(query.get_article(s, article_id), "article", article_id)

    def add(records: list[dict[str, Any]], origin: str, given: str | None) -> tuple[dict[str, int], list[Outcome]]:
        """Analyse then store articles; the counts and what became of each."""
        if ingest is None:
            raise HTTPException(403, READ_ONLY)
        if token and not secrets.compare_digest((given or "").encode(), token.encode()):
            raise HTTPException(401, "this server takes articles only with the token it was started with "
                                     "(API: the header Authorization: Bearer TOKEN)")
        with analysing:
            output = analyse_records(records, ingest, origin)
            with app.state.lock.writing():
                try:
                    store = Store(path)
                except StoreError as exc:
                    raise HTTPException(503, f"the store is busy (another process writes to it?): {exc}") from exc
                with store:
                    summary, outcomes = store_analysed(output, store, ingest)
        c = summary.counts
        return {"new": c.new, "revised": c.revised, "unchanged": c.unchanged, "rejected": c.rejected}, outcomes

    @app.post("/api/articles", tags=["api"])
    def api_add(body: ArticlesIn, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        """Analyse and store articles (only on a server started with `--ingest`, 403 otherwise;
        with `Authorization: Bearer TOKEN` when it was given a token, 401 otherwise). Each comes
        back with its status, `new`, `unchanged` (stored already) or `rejected` (with the
        reason), and its id; the rest of the request goes on past a rejected article."""
        given = authorization.removeprefix("Bearer ").strip() if authorization else None
        counts, outcomes = add([a.model_dump(exclude_none=True) for a in body.articles], "api", given)
        return {"counts": counts, "articles": [_outcome(o) for o in outcomes]}

    # ------------------------------------------------------------------ pages

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page(request: Request) -> HTMLResponse:
        return page(request, "add.html", form={}, reason=None, read_only=None if ingest else READ_ONLY,
                    needs_token=bool(token))

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    async def add_form(request: Request) -> Response:
        # A plain urlencoded form, read here rather than through FastAPI's Form (python-multipart).
        fields = {k: v[0].strip() for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        form = {k: fields.get(k, "") for k in ("text", "title", "url", "published", "source")}
        record = {k: v for k, v in form.items() if v}
        _, outcomes = await run_in_threadpool(add, [record], "form", fields.get("token"))
        done = outcomes[0]
        if done.article_id:
            return RedirectResponse(f"/articles/{done.article_id}", status_code=303)
        reason = (done.reason or "the store keeps a longer text from the same URL").removeprefix("form#1: ")
        return templates.TemplateResponse(request, "add.html", {"form": form, "reason": reason, "read_only": None,
                                                                "needs_token": bool(token)},
                                          status_code=422 if done.status == "rejected" else 200)

    def page(request: Request, template: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, context)

    def listing(request: Request, template: str, rows: list[dict[str, Any]], limit: int, offset: int,
                total: int | None = None, **context: Any) -> HTMLResponse:
        """A list page with links to the previous and next pages, keeping the filters, and how
        many there are in all (a query.Page knows; a slice is told)."""
        def at(n: int) -> str:
            return str(request.url.include_query_params(offset=n))
        if total is None and isinstance(rows, query.Page):
            total = rows.total
        more = offset + len(rows) < total if total is not None else len(rows) == limit
        back = offset - limit
        if total is not None and not rows:
            back = (max(total, 1) - 1) // limit * limit  # past the end: back to the last page
        pager = {"first": offset + 1, "last": offset + len(rows), "total": total,
                 "previous": at(max(0, back)) if offset else None,
                 "next": at(offset + limit) if more else None}
        return page(request, template, rows=rows, paging=pager, **context)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, s: S) -> HTMLResponse:
        return page(request, "index.html", overview=query.overview(s), stories=query.list_stories(s, limit=10),
                    events=query.list_events(s, limit=10, min_sources=2),
                    entities=query.list_entities(s, limit=12), conflicts=query.list_conflicts(s, limit=5))

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, s: S, name: str | None = None, limit: Limit = 100,
                     offset: Offset = 0) -> HTMLResponse:
        return listing(request, "stories.html", query.list_stories(s, name or None, 1, limit, offset), limit, offset,
                       name=name or "")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, s: S, story_id: str, skip_type: str | None = None, limit: Limit = 200,
                   offset: Offset = 0) -> HTMLResponse:
        chosen, events = _timeline(s, story_id, None, skip_type, listing="/stories")
        dated = [e for e in events if e["date"]]
        drawn = sorted(dated, key=lambda e: -e["n_sources"])[:TIMELINE_MAX]
        return listing(request, "story.html", events[offset : offset + limit], limit, offset, len(events), story=chosen,
                       n_events=len(events), n_dated=len(dated), timeline=[_mark(e) for e in drawn],
                       undated=len(events) - len(dated), skip_type=skip_type or "")

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, s: S, type: str | None = None, status: str | None = None,
                    min_sources: int = 1, since: str | None = None, until: str | None = None,
                    limit: Limit = 100, offset: Offset = 0) -> HTMLResponse:
        # The form sends empty fields for "any"; a malformed day is refused like the API does.
        since, until = _day_param(since), _day_param(until)
        rows = query.list_events(s, type or None, status or None, limit, min_sources, offset, since, until)
        return listing(request, "events.html", rows, limit, offset, type=type or "", status=status or "",
                       min_sources=min_sources, since=since or "", until=until or "", types=EVENT_TYPES,
                       statuses=EVENT_STATUSES)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, s: S, event_id: str) -> HTMLResponse:
        return page(request, "event.html", event=found(query.get_event(s, event_id), "event", event_id))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, s: S, name: str | None = None, type: str | None = None,
                      limit: Limit = 100, offset: Offset = 0) -> HTMLResponse:
        rows = query.list_entities(s, name or None, type or None, limit, offset)
        return listing(request, "entities.html", rows, limit, offset, name=name or "", type=type or "",
                       types=MENTION_TYPES)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, s: S, entity_id: str) -> HTMLResponse:
        return page(request, "entity.html", entity=found(query.get_entity(s, entity_id), "entity", entity_id))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, s: S, speaker: str | None = None, limit: Limit = 100,
                    offset: Offset = 0) -> HTMLResponse:
        rows = query.list_quotes(s, speaker or None, limit, offset)
        return listing(request, "quotes.html", rows, limit, offset, speaker=speaker or "")

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page(request: Request, s: S, limit: Limit = 100, offset: Offset = 0) -> HTMLResponse:
        return listing(request, "conflicts.html", query.list_conflicts(s, None, limit, offset), limit, offset)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, s: S, article_id: str,
                     mark: Annotated[str | None, Query(pattern=r"^\d+-\d+$")] = None) -> HTMLResponse:
        article = found(query.get_article(s, article_id), "article", article_id)
        return page(request, "article.html", article=article, parts=_marked(article["text"], mark))

    return app


# The timeline of a story draws at most this many events, those reported by the most outlets: a
# story of 14,000 events (a year of one country's politics) would make a page of megabytes.
TIMELINE_MAX = 2000


def _outcome(o: Outcome) -> dict[str, Any]:
    """One article's outcome as the API gives it, with where to read it."""
    out = {k: v for k, v in asdict(o).items() if v is not None}
    if o.article_id:
        out["links"] = {"api": f"/api/articles/{o.article_id}", "page": f"/articles/{o.article_id}"}
    return out


def _mark(event: dict[str, Any]) -> dict[str, Any]:
    """What the timeline script needs of an event."""
    return {"id": event["id"], "type": event["type"], "status": event["status"], "date": event["date"],
            "actors": [{"name": a["name"]} for a in event["actors"]], "outlets": event["outlets"]}


def _timeline(s: Store, story_id: str, types: str | None = None, skip_types: str | None = None,
              min_sources: int = 1, listing: str = "/api/stories") -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """query.timeline, with "no such story" as a 404 that says where the stories are listed
    (the CLI's wording names a command, no use to a web client); a type that is none is a 422."""
    query.event_types([types or "", skip_types or ""], "type")
    try:
        return query.timeline(s, story_id, [types or ""], [skip_types or ""], min_sources)
    except BadOption:
        raise HTTPException(404, f"no story with the id or naming {story_id!r} in this store; "
                                 f"the stories are listed at {listing}") from None


def _day_param(value: str | None) -> str | None:
    """An ISO day from a form field, None when empty; a 422 when it is something else."""
    if not value:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(422, f"{value!r} is not a day; write it like 2025-07-01") from None


def _marked(text: str, mark: str | None) -> list[tuple[str, bool]]:
    """The text cut into (piece, highlighted) around the span "start-end", for the template to
    escape piece by piece; the whole text unmarked when the span is absent or out of range."""
    if mark:
        start, end = (int(x) for x in mark.split("-"))
        if 0 <= start < end <= len(text):
            return [(text[:start], False), (text[start:end], True), (text[end:], False)]
    return [(text, False)]


def _day(record: dict[str, Any] | None) -> str:
    """A record's date as a reader takes it in (query.readable_date), or an empty string."""
    return query.readable_date(str(((record or {}).get("date") or {}).get("value") or ""))
