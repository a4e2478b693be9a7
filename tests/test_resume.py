"""Idempotency and resume: a killed ingest, run again, gives the same store as one clean run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
# Long enough for the first batches to commit, short enough for the run not to finish first.
KILL_AFTER_COMMITS_TIMEOUT = 120.0


def _storyline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "storyline", *args], capture_output=True, text=True, check=False)


def _export(db: Path, out: Path) -> dict[str, str]:
    result = _storyline("export", "--db", str(db), "--all", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())
            if p.name != "rejected.jsonl"}  # rejection times differ between runs, by design


def _kill_once_committed(args: list[str], db: Path) -> bool:
    """Start a storyline command and kill -9 it as soon as batches have been committed (the
    write-ahead log has grown), mid-run; returns whether it was still running when killed."""
    proc = subprocess.Popen([sys.executable, "-m", "storyline", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + KILL_AFTER_COMMITS_TIMEOUT
    while time.monotonic() < deadline and proc.poll() is None:
        if _size(wal) > 200_000:
            break
        time.sleep(0.01)
    killed_mid_run = proc.poll() is None
    if killed_mid_run:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    print(f"killed mid-run: {killed_mid_run}; WAL bytes at kill: {_size(wal)}")
    return killed_mid_run


def _size(path: Path) -> int:
    """A file's size, 0 when it is not there: DuckDB removes the WAL at a checkpoint, which may
    fall between a check that it exists and a look at its size."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


@pytest.mark.model
def test_resume_after_kill_9_equals_one_clean_run(tmp_path: Path) -> None:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ is not in this checkout")
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus, ignore=shutil.ignore_patterns("*.py", "README*"))
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    assert _storyline("ingest", str(corpus), "--db", str(clean_db), "-q", "--batch-size", "1").returncode == 0

    _kill_once_committed(["ingest", str(corpus), "--db", str(killed_db), "-q", "--batch-size", "1"], killed_db)
    resumed = _storyline("ingest", str(corpus), "--db", str(killed_db), "-q", "--batch-size", "1")
    assert resumed.returncode == 0, resumed.stderr
    assert _export(killed_db, tmp_path / "a") == _export(clean_db, tmp_path / "b")
    # And a third run over the same files changes nothing.
    again = _storyline("ingest", str(corpus), "--db", str(killed_db), "-q")
    assert "new articles" in again.stdout and " 0 " in again.stdout.split("new articles")[1].splitlines()[0]
    assert _export(killed_db, tmp_path / "c") == _export(clean_db, tmp_path / "b")

    # A re-analysis killed mid-run and run again ends where one uninterrupted re-analysis does.
    assert _storyline("reanalyse", "--db", str(clean_db), "--all", "-q", "--batch-size", "1").returncode == 0
    _kill_once_committed(["reanalyse", "--db", str(killed_db), "--all", "-q", "--batch-size", "1"], killed_db)
    import duckdb

    with duckdb.connect(str(killed_db)) as con:  # what the killed run finished is not stale any more
        done = con.execute("SELECT count(*) FROM articles WHERE analysed_with LIKE 'storyline %'").fetchone()
    print(f"articles re-analysed before the kill: {done}")
    resumed = _storyline("reanalyse", "--db", str(killed_db), "-q", "--batch-size", "1")
    assert resumed.returncode == 0, resumed.stderr
    assert _export(killed_db, tmp_path / "d") == _export(clean_db, tmp_path / "e")
