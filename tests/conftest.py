"""Shared fixtures: the spaCy model (loaded once), the public data folder, a fresh store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_data_dir() -> Path:
    """Where ../shared/data is: $STORYLINE_DATA, else beside the repository."""
    return Path(os.environ.get("STORYLINE_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public gold data folder; tests that need it skip when it is absent."""
    d = shared_data_dir()
    if not d.is_dir():
        pytest.skip(f"public data folder {d} is absent (set STORYLINE_DATA to run these)")
    return d


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy pipeline (tests using it are marked `model`)."""
    from storyline.config import DEFAULT_MODEL
    from storyline.nlp import load_nlp

    return load_nlp(DEFAULT_MODEL)


# The tables of a store whose rows two ways of building it must agree on, and the columns that
# say when a row was written (never the same twice).
STORE_TABLES = ("inputs", "articles", "mentions", "article_entities", "entities", "entity_roles", "entity_forms",
                "timexes", "events", "merged_events", "event_members", "conflicts", "quotes", "segments",
                "segment_keys", "stories", "story_segments", "rejected")
WHEN_COLUMNS = frozenset({"ingested_at", "seen_at", "at"})


def store_rows(db: Path, tables: tuple[str, ...] = STORE_TABLES,
               skip: frozenset[str] = WHEN_COLUMNS) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of these tables, sorted, without the skipped columns: two stores built two
    ways compare equal when they hold the same records."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in tables:
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] not in skip]
            names = ", ".join('"' + c + '"' for c in cols)
            out[table] = con.execute(f"SELECT {names} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def files_digest(paths: list[Path]) -> str:
    """SHA-256 over each file's name and bytes: ties a pinned floor to the gold data it was measured on."""
    import hashlib

    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode("utf-8"))
        h.update(path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store for the web tests: the bundled examples (stories, merged events), the merging
    fixture (an event whose outlets disagree) and an article full of markup (escaping)."""
    from storyline.config import Options
    from storyline.pipeline import ingest
    from storyline.store.duckdb import Store

    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    inputs = [str(ROOT / "examples"), str(FIXTURES / "merging" / "reports.jsonl"), str(FIXTURES / "web")]
    with Store(db) as store:
        ingest(inputs, store, Options())
    return db


def ecbplus_dev_figures(shared_data: Path, floors_file: Path, module: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """An ECB+ evaluation module's figures on the dev topics, and the floors pinned for it, once the
    dev files are checked to be those the floors were measured on (skips when ECB+ is absent)."""
    import json
    import time

    from storyline.evaluate.stories import in_split
    from storyline.pipeline import ingest

    corpus = shared_data / "ecbplus"
    if not (corpus / "ECB+").is_dir():
        pytest.skip(f"{corpus}/ECB+ is absent")
    floors = json.loads(floors_file.read_text(encoding="utf-8"))
    dev = sorted((p for p in (corpus / "ECB+").glob("*/*.xml") if in_split(int(p.parent.name), "dev")),
                 key=lambda p: (int(p.parent.name), p.name))
    assert files_digest(dev) == floors["gold_sha256"], "the ECB+ dev files changed: measure again, then re-pin"
    started = time.perf_counter()
    figures = module.evaluate(corpus, split="dev", ingest=ingest)
    print(f"{module.__name__}, dev split: {time.perf_counter() - started:.1f}s")
    print(module.format_report(figures))
    return figures, floors


def assert_within_bounds(figures: dict[str, Any], floors: dict[str, Any]) -> None:
    """Every pinned floor is met, and every pinned ceiling (a count that must not grow) too."""
    for key, floor in floors.get("floors", {}).items():
        assert figures[key] >= floor, f"{key} {figures[key]:.3f} fell under its floor {floor}"
    for key, ceiling in floors.get("ceilings", {}).items():
        assert figures[key] <= ceiling, f"{key} {figures[key]} rose over its ceiling {ceiling}"
