"""`storyline bench`: storyline's end-to-end ingest speed as a ratio to spaCy's own `nlp.pipe`.

Both run on the same texts, with the same model, pipes and number of processes, in the same
run, each in a fresh process so their peak memory is measured apart. Absolute times on a shared
machine are noise; the ratio and the per-stage shares are what to compare between runs.
"""

from __future__ import annotations

import multiprocessing
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Any

from .config import Options
from .errors import InputNotFound, StorylineError, WorkerFailed

# Where the bundled sample articles live in a source checkout.
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEFAULT_ARTICLES = 200


@dataclass
class BenchResult:
    """Figures of one bench run."""

    articles: int
    words: int
    workers: int
    model: str
    spacy_seconds: float
    storyline_seconds: float
    spacy_peak_mb: float
    storyline_peak_mb: float
    stages: dict[str, float] = field(default_factory=dict)
    ratios: list[float] = field(default_factory=list)  # every repeat's ratio, sorted
    # With a Spark master: `spark analyse` then `spark load` of the same corpus, in seconds each
    # ("analyse" includes starting Spark: its JVM and Python workers).
    spark: dict[str, float] = field(default_factory=dict)

    @property
    def spark_ratio(self) -> float:
        """Spark's throughput (analyse + load) as a fraction of bare nlp.pipe's."""
        total = sum(self.spark.values())
        return self.spacy_seconds / total if total else 0.0

    @property
    def ratio(self) -> float:
        """Storyline's throughput as a fraction of bare nlp.pipe's (1.0 = as fast)."""
        return self.spacy_seconds / self.storyline_seconds if self.storyline_seconds else 0.0

    def stage_share(self, stage: str) -> float:
        """A stage's cost as a fraction of the spaCy pass it rides on, inside storyline's run."""
        nlp = self.stages.get("nlp", 0.0)
        return self.stages.get(stage, 0.0) / nlp if nlp else 0.0


def _peak_mb() -> float:
    # ru_maxrss is in KiB on Linux; children counts the largest finished worker.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) / 1024


def _bare_spacy(texts: list[str], options: Options, out: Any) -> None:
    import spacy

    from .nlp import resolve_model_name

    t0 = time.perf_counter()
    # spaCy's own pipeline, as shipped (storyline's load_nlp adds its dateline marks)
    nlp = spacy.load(resolve_model_name(options.model))
    for _ in nlp.pipe(texts, batch_size=options.batch_size, n_process=options.workers):
        pass
    out.put((time.perf_counter() - t0, _peak_mb(), {}))


def _storyline(paths: list[str], options: Options, out: Any) -> None:
    from .pipeline import ingest
    from .store.duckdb import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t0 = time.perf_counter()
        summary = ingest(paths, store, options)
        seconds = time.perf_counter() - t0
        _check_stored(summary.counts.new, summary.counts.rejected)
        out.put((seconds, _peak_mb(), summary.timings))


def _check_stored(new: int, rejected: int) -> None:
    """A contender that stored nothing was fast for the wrong reason: say so, never report it."""
    if not new:
        raise WorkerFailed(f"the bench corpus gave no article ({rejected} rejected); nothing to time")


def _spark(paths: list[str], options: Options, master: str, out: Any) -> None:
    from .pipeline import analyse_on_spark, load_analyses
    from .store.duckdb import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t0 = time.perf_counter()
        analyse_on_spark(paths, str(Path(tmp) / "analysed"), options, master)
        t1 = time.perf_counter()
        summary = load_analyses(str(Path(tmp) / "analysed"), store, options)
        _check_stored(summary.counts.new, summary.counts.rejected)
        # Spark's processes (the JVM, its Python workers) are not this process's children that
        # ru_maxrss counts: the memory column is left empty for Spark.
        out.put((time.perf_counter() - t0, 0.0, {"analyse": t1 - t0, "load": time.perf_counter() - t1}))


def _child(target: Any, args: tuple[Any, ...], out: Any) -> None:
    """Run one contender in its own process; storyline's own errors travel back to be raised."""
    try:
        target(*args, out)
    except StorylineError as exc:
        out.put(exc)


def _measure(target: Any, *args: Any) -> tuple[float, float, dict[str, float]]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(target, args, queue))
    proc.start()
    # Poll, so a contender that dies (out of memory, a bad model) ends the bench with an error
    # instead of leaving it waiting for a result that will never come.
    while True:
        try:
            result = queue.get(timeout=1.0)
            break
        except Empty:
            if not proc.is_alive():
                raise WorkerFailed(
                    f"the bench process for {target.__name__} died (exit code {proc.exitcode})") from None
    proc.join()
    if isinstance(result, StorylineError):
        raise result
    return result  # type: ignore[no-any-return]


def prepare_corpus(paths: Sequence[str], limit: int, options: Options, workdir: Path) -> tuple[list[str], int]:
    """The bench corpus as one JSONL file of cleaned texts (repeated to `limit` articles when short).

    Both contenders read the same texts; storyline still runs its own cleaning on them.
    """
    import json

    from .ingest import read_inputs
    from .model import Article, RawDocument
    from .pipeline import to_article

    texts: list[dict[str, Any]] = []
    for item in read_inputs(list(paths), options):
        if isinstance(item, RawDocument):
            art = to_article(item, options)
            if isinstance(art, Article) and art.analysed:
                texts.append({"text": art.text, "title": art.title, "published": art.published,
                              "source": art.source})
        if len(texts) >= limit:
            break
    if not texts:
        raise InputNotFound(f"no English article could be read from {', '.join(paths)}")
    while len(texts) < limit:  # repeat the samples; each copy is its own input record
        texts.extend(texts[: limit - len(texts)])
    corpus = workdir / "bench.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({**t, "url": f"bench://{i}"}, ensure_ascii=False) + "\n")
    return [t["text"] for t in texts], sum(len(t["text"].split()) for t in texts)


def bench(paths: Sequence[str] | None, limit: int, options: Options, repeat: int = 1,
          spark: str | None = None, step: Callable[[str], None] | None = None) -> BenchResult:
    """Time bare nlp.pipe and storyline's ingest on the same texts; measure their peak memory.
    With a Spark master (local[2]), time `spark analyse` + `spark load` of the same corpus too.

    With repeat > 1 the contenders alternate and the run with the median ratio is reported: on a
    shared machine one pair of runs can be off by ten per cent either way. ``step`` is told what
    is being timed, as it starts (for a progress line).
    """
    step = step or (lambda what: None)
    from .nlp import resolve_model_name

    if not paths:
        if not EXAMPLES.is_dir():
            raise InputNotFound("no corpus given and the bundled examples/ folder is not here; "
                                "pass a path, e.g. storyline bench ../shared/data/allsides_article_bias")
        paths = [str(EXAMPLES)]
    with tempfile.TemporaryDirectory() as tmp:
        step("reading the corpus")
        texts, words = prepare_corpus(paths, limit, options, Path(tmp))
        corpus = str(Path(tmp) / "bench.jsonl")
        # The corpus is storyline's own JSONL ("text", "title", ...): the caller's --field mapping
        # was for reading the source, and would find no text in it.
        options = options.replace(fields={})
        model = resolve_model_name(options.model)  # the one that runs: the PyPI fallback when it stands in
        runs = []
        for n in range(max(1, repeat)):
            run = f"run {n + 1} of {max(1, repeat)}: " if repeat > 1 else ""
            step(f"{run}spaCy nlp.pipe over {len(texts)} texts")
            s_sec, s_mb, _ = _measure(_bare_spacy, texts, options)
            step(f"{run}storyline ingest of the same texts")
            o_sec, o_mb, stages = _measure(_storyline, [corpus], options)
            if spark:
                step(f"{run}spark analyse + load")
            spark_stages = _measure(_spark, [corpus], options, spark)[2] if spark else {}
            runs.append(BenchResult(len(texts), words, options.workers, model, s_sec, o_sec, s_mb, o_mb,
                                    stages, ratios=[], spark=spark_stages))
    ratios = sorted(r.ratio for r in runs)
    median = sorted(runs, key=lambda r: r.ratio)[len(runs) // 2]
    median.ratios = ratios
    return median
