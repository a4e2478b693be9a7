"""The local executor: batches in this process, or in a pool of worker processes.

Each worker loads spaCy once and runs the whole per-article pipeline (clean, parse, extract), so
everything that is per article runs in parallel, not only the parse. Results come back in input
order, so the same input always gives the same output.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from ..config import Options

T = TypeVar("T")
R = TypeVar("R")

# Batches queued per worker beyond the one it is working on: enough to keep workers busy, few
# enough that a huge corpus is never all in memory.
PREFETCH_PER_WORKER = 2

_worker_fn: Callable[..., object] | None = None
_worker_options: Options | None = None


def _init_worker(fn: Callable[..., object], options: Options) -> None:
    global _worker_fn, _worker_options
    _worker_fn, _worker_options = fn, options


def _call(batch: object) -> object:
    assert _worker_fn is not None and _worker_options is not None
    return _worker_fn(batch, _worker_options)


def run_batches(fn: Callable[[T, Options], R], batches: Iterable[T], options: Options) -> Iterator[R]:
    """Apply fn(batch, options) to each batch, in order; in options.workers processes when > 1."""
    if options.workers <= 1:
        for batch in batches:
            yield fn(batch, options)
        return
    # fork keeps start-up cheap on Linux; the parent never loads spaCy, so nothing heavy is copied.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=options.workers, mp_context=ctx,
                             initializer=_init_worker, initargs=(fn, options)) as pool:
        pending: deque[Future[R]] = deque()
        limit = options.workers * (1 + PREFETCH_PER_WORKER)
        for batch in batches:
            pending.append(pool.submit(_call, batch))  # type: ignore[arg-type]
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
