"""The order of the stages, and nothing else: read -> clean -> parse -> extract -> store.

This is the only module that knows the order. Every stage is a pure function over the records
of model.py; the executor (run/) decides where batches run, the store (store/) is the only writer.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import groupby, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import __version__
from .clean import clean_document
from .config import Options
from .errors import BadOption, StorylineError
from .extract.entities import extract_entities
from .extract.events import extract_events
from .extract.quotes import extract_quotes
from .extract.time import extract_timexes, infer_published
from .gazetteer import block_key, spelled, surname_key
from .ingest import input_files, read_inputs, record_to_document
from .model import Article, ArticleResult, RawDocument, Rejected, from_dict, to_dict
from .nlp import load_nlp, resolve_model_name
from .resolve import events as merging
from .resolve import stories
from .resolve.entities import (
    MISTYPED_PERSON_TYPES,
    acronym_only,
    choose,
    reads_as_person,
    resolve_entities,
    target,
    unjoin,
)
from .run.local import run_batches
from .store.duckdb import BatchCounts, Store
from .store.parquet import count_rows, read_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc

STAGES = ("clean", "nlp", "entities", "time", "events", "quotes")
Item = RawDocument | Rejected
T = TypeVar("T")


@dataclass
class BatchOutput:
    """One batch's results, in input order, and the seconds each stage took."""

    results: list[ArticleResult | Rejected]
    timings: dict[str, float] = field(default_factory=dict)
    # The input key of each result ("" for a rejection found while reading): what resume skips,
    # including inputs that cleaning rejected, so they are not redone on every run.
    keys: list[str] = field(default_factory=list)


def analyse(doc: Doc, article: Article, timings: dict[str, float] | None = None) -> ArticleResult:
    """Run the extractors on one parsed article. A failing extractor costs its own records only:
    the article is kept, with a warning naming the stage."""
    timings = timings if timings is not None else {}
    warnings = list(article.warnings)

    def stage(name: str, fn: Callable[[], Any], empty: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn()
        except Exception as exc:  # one bad article must not stop a batch: keep it, say why
            warnings.append(f"{name} failed: {type(exc).__name__}: {exc}")
            return empty
        finally:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0

    if article.published is None:
        published, how = stage("time", lambda: infer_published(doc, article.text), (None, None))
        if published:
            article = dataclasses.replace(article, published=published, published_from=how)
    mentions, entities = stage("entities", lambda: extract_entities(doc, article), ([], []))
    timexes = stage("time", lambda: extract_timexes(doc, article), [])
    events = stage("events", lambda: extract_events(doc, article, mentions, entities, timexes), [])
    quotes = stage("quotes", lambda: extract_quotes(doc, article, mentions, entities, timexes), [])
    if len(warnings) != len(article.warnings):
        article = dataclasses.replace(article, warnings=tuple(warnings))
    return ArticleResult(article, tuple(mentions), tuple(entities), tuple(timexes), tuple(events),
                         tuple(quotes))


def to_article(raw: RawDocument, options: Options) -> Article | Rejected:
    """Main text of an HTML page, then cleaning: raw input to Article, or why it cannot be one."""
    if raw.html is not None:
        # Imported here: trafilatura is slow to import and only HTML inputs need it.
        from .ingest.html import html_to_document

        converted = html_to_document(raw, min_chars=options.min_chars)
        if isinstance(converted, Rejected):
            return converted
        raw = converted
    return clean_document(raw, options)


def _parse(articles: Sequence[Article], options: Options, timings: dict[str, float]) -> dict[int, Doc]:
    """The spaCy Doc of each article to analyse, by the article's identity."""
    to_parse = [a for a in articles if a.analysed]
    docs: dict[int, Doc] = {}
    if to_parse:
        nlp = load_nlp(options.model)
        t0 = time.perf_counter()
        texts = [a.text for a in to_parse]
        for article, doc in zip(to_parse, nlp.pipe(texts, batch_size=options.batch_size), strict=True):
            docs[id(article)] = doc
        timings["nlp"] = time.perf_counter() - t0
    return docs


def process_batch(items: Sequence[Item], options: Options) -> BatchOutput:
    """Clean, parse and extract one batch (runs inside a worker process).

    Results are in the order of the items; a rejection found while reading passes through in its
    place, so outputs line up with input records.
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    cleaned = [to_article(i, options) if isinstance(i, RawDocument) else i for i in items]
    timings["clean"] = time.perf_counter() - t0
    docs = _parse([c for c in cleaned if isinstance(c, Article)], options, timings)
    results: list[ArticleResult | Rejected] = []
    keys: list[str] = []
    for item, outcome in zip(items, cleaned, strict=True):
        key = item.content_key() if isinstance(item, RawDocument) else ""
        keys.append(key)
        if isinstance(outcome, Rejected):
            results.append(outcome)
            continue
        if id(outcome) in docs:
            results.append(dataclasses.replace(analyse(docs[id(outcome)], outcome, timings), raw_key=key))
        else:
            results.append(ArticleResult(outcome, raw_key=key))
    return BatchOutput(results, timings, keys)


def reanalyse_batch(articles: Sequence[Article], options: Options) -> BatchOutput:
    """Parse and extract stored articles again (runs inside a worker process)."""
    timings: dict[str, float] = {}
    docs = _parse(articles, options, timings)
    results: list[ArticleResult | Rejected] = [analyse(docs[id(a)], a, timings) if id(a) in docs
                                               else ArticleResult(a) for a in articles]
    return BatchOutput(results, timings, [""] * len(results))


def analysed_with(options: Options | str) -> str:
    """What the store notes as having produced an article's records: this version and the model
    (the options' model, or a model name as given)."""
    model = options if isinstance(options, str) else resolve_model_name(options.model)
    return f"storyline {__version__} with {model}"


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Successive lists of at most size items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def annotate(paths: Sequence[str], options: Options) -> Iterator[ArticleResult | Rejected]:
    """Everything found in each input record, in input order, with no store."""
    batches = batched(read_inputs(paths, options), options.batch_size)
    with closing(run_batches(process_batch, batches, options)) as outputs:
        for output in outputs:
            yield from output.results


def _resolve(results: list[ArticleResult | Rejected], store: Store, fresh: bool = True
             ) -> list[ArticleResult | Rejected]:
    """Store-wide entity ids for a batch (what the store knows plus the full names earlier in
    the batch), and the segments stories are made of, which need those ids. Only fresh results
    (fresh=True: an ingest's, not stored articles analysed or joined again) are counted as the
    batch's own names, and only those the store will keep as new: counting an article the store
    holds already would count its names twice, and make the joins depend on reading order."""
    in_batch: dict[str, Counter[str]] = {}
    spelled_in_batch: dict[str, Counter[str]] = {}
    types_in_batch: dict[str, Counter[str]] = {}
    out: list[ArticleResult | Rejected] = []
    counted = store.stored_articles([r.article.id for r in results if isinstance(r, ArticleResult)]) \
        if fresh else None
    # What the store knows of every spelling block the batch may look up, in one query, not one
    # per name.
    entities = [e for r in results if isinstance(r, ArticleResult) for e in r.entities]
    bare = sorted({e.key for e in entities if " " not in e.key and e.type in MISTYPED_PERSON_TYPES})
    known = store.full_name_weights(sorted({
        block_key(e.key) for e in entities if e.type == "PERSON" or surname_key(e.key) or e.key in bare}))
    known_spelled = store.spelled_weights(sorted({e.key for e in entities if acronym_only(e)}))
    known_types = store.bare_name_types(bare)
    for result in results:
        if isinstance(result, ArticleResult) and result.entities:
            def lookup(block: str) -> Counter[str]:
                return Counter(known.get(block, {})) + in_batch.get(block, Counter())

            def spelled_out(acronym: str) -> Counter[str]:
                return Counter(known_spelled.get(acronym, {})) + spelled_in_batch.get(acronym, Counter())

            def typed(word: str) -> Counter[str]:
                return Counter(known_types.get(word, {})) + types_in_batch.get(word, Counter())

            result = resolve_entities(result, lookup, spelled_out, typed)
            joined = dict(result.joined)
            if counted is not None and result.article.id not in counted:
                counted.add(result.article.id)
                for e in result.entities:  # counted as the article names them, as the store counts
                    own = joined.get(e.id, e.key)
                    if e.type == "PERSON" and surname_key(own):
                        in_batch.setdefault(block_key(own), Counter())[own] += 1
                    if (acronym := spelled(own, e.type, e.name, e.aliases)) and acronym != own:
                        spelled_in_batch.setdefault(acronym, Counter())[own] += 1
                    if " " not in own and own in bare:
                        types_in_batch.setdefault(own, Counter())[e.type] += 1
        if isinstance(result, ArticleResult) and result.article.analysed:
            result = dataclasses.replace(result, segments=stories.segments(result))
        out.append(result)
    return out


@dataclass
class IngestSummary:
    """What an ingest did: counts for the summary table and seconds per stage for bench."""

    counts: BatchCounts = field(default_factory=BatchCounts)
    articles_seen: int = 0
    words: int = 0
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    rejoined: int = 0  # stored articles resolved again because later ones changed their surname joins
    started: float = field(default_factory=time.perf_counter)
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(tzinfo=None))

    def account(self, results: Sequence[ArticleResult | Rejected], output: BatchOutput) -> None:
        """Add one stored batch's words, warnings, stage seconds and article count."""
        for result in results:
            if isinstance(result, ArticleResult):
                self.words += len(result.article.text.split())
                self.warnings.extend(f"{result.article.origin}: {w}" for w in result.article.warnings)
            else:
                self.warnings.append(result.reason)
        for stage, seconds in output.timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds
        self.articles_seen += len(output.results)

    def skip(self, n: int, progress: ProgressFn | None, rejected: Sequence[str] = ()) -> None:
        """Account for n inputs an earlier run stored or rejected already (what a resumed run
        passes over); those it rejected (their reasons given) count as rejected again, with a
        warning, so that every run over the same inputs tells the same."""
        if n:
            self.counts.unchanged += n - len(rejected)
            self.counts.rejected += len(rejected)
            self.warnings.extend(f"{reason} (rejected by an earlier run)" for reason in rejected)
            self.articles_seen += n
            if progress:
                progress(n, self)


ProgressFn = Callable[[int, IngestSummary], None]


def count_inputs(paths: Sequence[str], options: Options) -> int:
    """How many records the inputs hold (a first, cheap pass, for the progress bar's ETA)."""
    return sum(1 for _ in read_inputs(paths, options))


def ingest(paths: Sequence[str], store: Store, options: Options,
           progress: ProgressFn | None = None) -> IngestSummary:
    """Read, analyse and store every input; inputs stored by an earlier run are skipped."""
    summary = IngestSummary()

    def todo() -> Iterator[list[Item]]:
        for chunk in batched(read_inputs(paths, options), options.batch_size):
            known = store.known_inputs([i.content_key() for i in chunk if isinstance(i, RawDocument)])
            rejected = store.known_rejections(sorted(known))
            store.release()  # analysing a batch takes far longer than storing it: readers may come in
            fresh = [i for i in chunk if not (isinstance(i, RawDocument) and i.content_key() in known)]
            summary.skip(len(chunk) - len(fresh), progress,
                         [rejected[i.content_key()] for i in chunk
                          if isinstance(i, RawDocument) and i.content_key() in rejected])
            if fresh:
                yield fresh

    # closing(): an error or Ctrl-C while storing must stop the workers at once, not at exit.
    with closing(run_batches(process_batch, todo(), options)) as outputs:
        for output in outputs:
            _store_output(output, store, summary, progress, analysed_with(options))
    _finish_run(store, options, summary)
    return summary


def _finish_run(store: Store, options: Options, summary: IngestSummary, stamp: str | None = None) -> None:
    """End a run that stored articles: settle the joins its names changed, note the run (as
    analysed by this version and model, or by what stamp names) and how long it took."""
    rejoin(store, options, summary)
    version, model = __version__, resolve_model_name(options.model)
    if stamp is not None:
        version, _, model = stamp.removeprefix("storyline ").partition(" with ")
    store.record_run(summary.started_at, version, model, summary.counts)
    summary.seconds = time.perf_counter() - summary.started


# --------------------------------------------------------------------------- articles sent to the API


@dataclass(frozen=True)
class Outcome:
    """What became of one article sent as a JSON object: "new" (stored now), "unchanged" (the
    store held it already, or a longer text from the same URL), or "rejected" with the reason."""

    record: int  # 1-based place in the request
    status: str
    article_id: str | None = None
    title: str | None = None
    reason: str | None = None


def analyse_records(records: Sequence[Mapping[str, Any]], options: Options, origin: str = "api") -> BatchOutput:
    """Clean, parse and extract articles given as JSON objects (the fields of a JSONL input:
    text or html, title, url, published, source), in this process and without a store: the API
    does this before it takes the store, so readers wait only for the write."""
    items = [record_to_document(r, f"{origin}#{n}", options.fields) for n, r in enumerate(records, 1)]
    return process_batch(items, options)


def store_analysed(output: BatchOutput, store: Store, options: Options) -> tuple[IngestSummary, list[Outcome]]:
    """Store what analyse_records gave like an ingest stores a batch (inputs stored already are
    unchanged, joins across articles settled, the run noted), and say what became of each."""
    summary = IngestSummary()
    ids = [r.article.id for r in output.results if isinstance(r, ArticleResult)]
    before = store.stored_articles(ids)
    known = store.known_inputs([k for k in output.keys if k])
    fresh = [(k, r) for k, r in zip(output.keys, output.results, strict=True) if not (k and k in known)]
    summary.skip(len(output.results) - len(fresh), None)
    if fresh:
        batch = BatchOutput([r for _, r in fresh], output.timings, [k for k, _ in fresh])
        _store_output(batch, store, summary, None, analysed_with(options))
    _finish_run(store, options, summary)
    after = store.stored_articles(ids)
    outcomes: list[Outcome] = []
    for n, result in enumerate(output.results, 1):
        if isinstance(result, Rejected):
            outcomes.append(Outcome(n, "rejected", reason=result.reason))
            continue
        a = result.article
        status = "new" if a.id in after and a.id not in before else "unchanged"
        before.add(a.id)  # the same text twice in one request is new once
        outcomes.append(Outcome(n, status, a.id if a.id in after else None, a.title))
    return summary, outcomes


# --------------------------------------------------------------------------- on Spark

# One row per input record: its place in the input (the executor adds file_no and record_no),
# the input's key (what a load skips when it is stored already), a few article columns to query
# the Parquet by, and the whole ArticleResult (or Rejected) as schema.md JSON.
SPARK_ROW = ("file_no INT, record_no INT, raw_key STRING, kind STRING, id STRING, origin STRING, title STRING, "
             "published STRING, source STRING, url STRING, language STRING, analysed_with STRING, record STRING")


def spark_rows(items: list[Item], options: Options) -> list[tuple[Any, ...]]:
    """process_batch's results as SPARK_ROW rows, less the place columns (runs in a Spark task)."""
    output = process_batch(items, options)
    stamp = analysed_with(options)
    rows: list[tuple[Any, ...]] = []
    for key, result in zip(output.keys, output.results, strict=True):
        record = json.dumps(to_dict(result), ensure_ascii=False)
        if isinstance(result, Rejected):
            rows.append((key, "rejected", None, result.origin, None, None, None, None, None, stamp, record))
        else:
            a = result.article
            rows.append((key, "article", a.id, a.origin, a.title, a.published, a.source, a.url, a.language,
                         stamp, record))
    return rows


def _read_one(path: str, options: Options) -> Iterator[Item]:
    """The records of one input file, as read_inputs gives them (the read of a Spark task). A
    file gone since the driver listed it is a rejected input, as in an ingest, not a failed job."""
    try:
        yield from read_inputs([path], options)
    except StorylineError as exc:
        yield Rejected(path, f"{path}: {exc}")


def analyse_on_spark(paths: Sequence[str], out: str, options: Options, master: str = "local[*]",
                     partitions: int | None = None) -> dict[str, int]:
    """Clean, parse and extract every input on Spark and write the results to a Parquet folder
    (run/spark.py); returns how many rows of each kind ("article", "rejected") it holds.
    Nothing is resolved across articles here: load_analyses does that into a store."""
    from .run.spark import run_files

    read_inputs([], options)  # checks --field and --published here, not in every task
    resolve_model_name(options.model)  # and that the model is installed, before Spark starts
    _check_output_folder(out, paths)
    run_files(input_files(paths), _read_one, spark_rows, SPARK_ROW, options, out, master, partitions)
    return count_rows(out)


def _check_output_folder(out: str, paths: Sequence[str]) -> None:
    """Refuse an output folder Spark would wipe at the wrong cost: one that is, holds or lies
    inside an input, or a non-empty folder that is not an earlier Spark output (no _SUCCESS)."""
    target = Path(out).resolve()
    for p in paths:
        if p == "-":
            continue
        src = Path(p).resolve()
        if target == src or target in src.parents or src in target.parents:
            raise BadOption(f"--out {out} overlaps the input {p}: Spark replaces the output folder whole, "
                            "so choose a folder apart from the inputs")
    if target.is_file() or (target.is_dir() and any(target.iterdir()) and not (target / "_SUCCESS").exists()):
        raise BadOption(f"--out {out} exists and is not an earlier storyline spark output (no _SUCCESS): "
                        "choose a new or empty folder; Spark replaces the folder whole")


def _from_row(row: dict[str, Any]) -> ArticleResult | Rejected:
    """The record a Spark row carries."""
    data = json.loads(row["record"])
    return from_dict(Rejected, data) if row["kind"] == "rejected" else from_dict(ArticleResult, data)


def load_analyses(folder: str, store: Store, options: Options,
                  progress: ProgressFn | None = None) -> IngestSummary:
    """Resolve and store what analyse_on_spark wrote, in input order: the same store an ingest of
    the same inputs gives. Rows whose input is stored already are skipped, so a stopped load is
    finished by running it again."""
    summary = IngestSummary()
    stamps: Counter[str] = Counter()  # which version and model analysed the rows stored
    for rows in read_rows(folder, options.batch_size):
        known = store.known_inputs([r["raw_key"] for r in rows if r["raw_key"]])
        fresh = [r for r in rows if not (r["raw_key"] and r["raw_key"] in known)]
        summary.skip(len(rows) - len(fresh), progress)
        for stamp, group in groupby(fresh, key=lambda r: str(r["analysed_with"])):
            batch = list(group)
            output = BatchOutput([_from_row(r) for r in batch], {}, [r["raw_key"] for r in batch])
            _store_output(output, store, summary, progress, stamp)
            stamps[stamp] += len(batch)
    # The run is noted as the analysis that wrote most of its rows (nothing stored: this load).
    _finish_run(store, options, summary,
                stamps.most_common(1)[0][0] if stamps else f"storyline {__version__} with (nothing new)")
    return summary


def reanalyse(store: Store, options: Options, everything: bool = False,
              progress: ProgressFn | None = None) -> IngestSummary:
    """Analyse stored articles again with this version and model: those another version or
    model analysed (all of them with everything=True). Each batch's records are swapped in one
    transaction, so an interrupted run (even of everything) resumes with what is still stale."""
    summary = IngestSummary()
    stamp = analysed_with(options)
    if everything:
        store.mark_all_stale()
    ids = store.stale_articles(stamp)

    def todo() -> Iterator[list[Article]]:
        for chunk in batched(ids, options.batch_size):
            articles = store.articles(chunk)
            store.release()
            yield articles

    with closing(run_batches(reanalyse_batch, todo(), options)) as outputs:
        for output in outputs:
            results = [r for r in _resolve(output.results, store, fresh=False) if isinstance(r, ArticleResult)]
            summary.counts.add(store.replace_analyses(results, stamp))
            _group_stories(store, summary)
            summary.account(results, output)
            store.release()
            if progress:
                progress(len(output.results), summary)
    rejoin(store, options, summary)
    summary.seconds = time.perf_counter() - summary.started
    return summary


def rejoin(store: Store, options: Options, summary: IngestSummary) -> int:
    """Resolve again the stored articles whose bare surname, short or misspelt full name or
    acronym the names stored since mean otherwise (resolve/entities.py), so that who "Tovin" or
    "Mira Tovin" is, or what "the NRA" is, does not depend on the order the articles came in;
    returns how many were redone. The store notes the spelling blocks of surnames and the
    acronyms to check as it writes, so a stopped run leaves them for the next ingest or reanalyse."""
    blocks = store.pending_blocks()
    acronyms = store.pending_initials()
    if not blocks and not acronyms:
        return 0
    started = time.perf_counter()
    weights = store.full_name_weights(blocks)
    named = store.names_in_blocks(blocks)
    # Whom each bare surname, each short full name and each misspelt one of these spelling
    # blocks joins now (a name the tagger typed as a place or organisation too: "Mo Cheeks"
    # joins like a person's), and what each acronym named alone stands for.
    targets = {key: target(key, weights[b]) for b in blocks for key in {*weights[b], *named[b]}}
    # A one-word name typed other than a person joins as a bare surname would where most articles
    # that name the word alone type it a person ("Trump" as ORG); else it stays its own.
    words = store.bare_name_types(sorted({key for b in blocks for key in named[b] if " " not in key}))
    mistyped = {w: targets[w] if reads_as_person(types) else None for w, types in words.items()}
    ids = store.joined_otherwise(targets, {a: choose(w) for a, w in store.spelled_weights(acronyms).items()},
                                 mistyped, MISTYPED_PERSON_TYPES)
    # The stored records are those of the analysis with the joins undone and made again: no need
    # to parse the texts again. A join changes no weight (weights count full names only), so one
    # round settles; the surnames are forgotten only once their articles are redone.
    for chunk in batched(ids, options.batch_size):
        results = _resolve([unjoin(r) for r in store.load_results(chunk)], store, fresh=False)
        store.replace_analyses([r for r in results if isinstance(r, ArticleResult)], None)
        _group_stories(store, IngestSummary())
    # Storing a redone article notes the surnames of every full name in it again, though the
    # weights did not change: those are settled too.
    store.forget_blocks(store.pending_blocks())
    store.forget_initials(store.pending_initials())
    summary.rejoined += len(ids)
    summary.timings["rejoin"] = summary.timings.get("rejoin", 0.0) + time.perf_counter() - started
    return len(ids)


def rebuild_events(store: Store) -> int:
    """Merge every stored article event afresh (the same records an article-by-article build
    gives, whatever the order); returns how many merged events there are."""
    store.forget_merged_events()
    return merging.update_events(store)


def rebuild_stories(store: Store) -> int:
    """Group every stored segment into stories afresh (the same stories an article-by-article
    build gives, whatever the order); returns how many there are."""
    store.forget_stories()
    return stories.update_stories(store)


def _group_stories(store: Store, summary: IngestSummary) -> None:
    """Merge the events a batch stored with other articles' reports of them, and give its
    segments their stories; each timed like the other stages (bench)."""
    for stage, update in (("merging", merging.update_events), ("stories", stories.update_stories)):
        started = time.perf_counter()
        update(store)
        summary.timings[stage] = summary.timings.get(stage, 0.0) + time.perf_counter() - started


def _store_output(output: BatchOutput, store: Store, summary: IngestSummary,
                  progress: ProgressFn | None, stamp: str) -> None:
    """Resolve and write one batch's results, and account for them in the summary."""
    resolved = _resolve(output.results, store)
    summary.counts.add(store.write_batch(list(zip(output.keys, resolved, strict=True)), stamp))
    _group_stories(store, summary)
    summary.account(resolved, output)
    # Until the next batch is stored, other processes (a `storyline serve` of the same file) may
    # read it: DuckDB lets no process read a file another one has open for writing.
    store.release()
    if progress:
        progress(len(output.results), summary)
