"""The local executor: batches in this process, or in a pool of worker processes.

Each worker loads spaCy once and runs the whole per-article pipeline (clean, parse, extract), so
everything that is per article runs in parallel, not only the parse. Results come back in input
order, so the same input always gives the same output.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from ..config import Options
from ..errors import WorkerFailed

T = TypeVar("T")
R = TypeVar("R")

# Batches queued per worker beyond the one it is working on: enough to keep workers busy, few
# enough that a huge corpus is never all in memory.
PREFETCH_PER_WORKER = 2
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>

_worker_fn: Callable[..., object] | None = None
_worker_options: Options | None = None


def _die_with_parent() -> None:
    """Ask Linux to end this worker when its parent dies, so a killed run leaves no orphans
    holding the terminal or a CI log open. Elsewhere this is a no-op."""
    if sys.platform != "linux":
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _init_worker(fn: Callable[..., object], options: Options) -> None:
    global _worker_fn, _worker_options
    _die_with_parent()
    # Ctrl-C goes to the whole process group: the parent handles it and shuts the pool down;
    # workers ignoring it avoids a traceback from each of them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A forked worker inherits the parent's Python handlers; a worker must simply end on SIGTERM.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_fn, _worker_options = fn, options


def _call(batch: object) -> object:
    assert _worker_fn is not None and _worker_options is not None
    return _worker_fn(batch, _worker_options)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Ctrl-C, kill or an error: drop queued batches and end the running ones now.

    Waiting would let each worker finish a batch nobody will store. ProcessPoolExecutor has no
    public way to end its workers before Python 3.14 (terminate_workers), hence _processes.
    """
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def run_batches(fn: Callable[[T, Options], R], batches: Iterable[T], options: Options) -> Generator[R, None, None]:
    """Apply fn(batch, options) to each batch, in order; in options.workers processes when > 1."""
    if options.workers <= 1:
        for batch in batches:
            yield fn(batch, options)
        return
    # fork keeps start-up cheap on Linux; the parent never loads spaCy, so nothing heavy is copied.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(max_workers=options.workers, mp_context=ctx,
                               initializer=_init_worker, initargs=(fn, options))
    pending: deque[Future[R]] = deque()
    limit = options.workers * (1 + PREFETCH_PER_WORKER)
    try:
        for batch in batches:
            pending.append(pool.submit(_call, batch))  # type: ignore[arg-type]
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool as exc:
        _stop(pool)
        raise WorkerFailed(
            "a worker process died (out of memory? try fewer --workers or a smaller --batch-size); "
            "what was stored is kept: run the same command again to resume") from exc
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
