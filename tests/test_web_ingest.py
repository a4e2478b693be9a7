"""Articles sent to `storyline serve --ingest`: POST /api/articles and the page /add, through
FastAPI's test client, on real stores; and the lock that keeps the server's readers off its writes."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from conftest import FIXTURES, STORE_TABLES, WHEN_COLUMNS, store_rows
from storyline.config import Options
from storyline.pipeline import ingest
from storyline.store.duckdb import Store
from storyline.web.app import MAX_POST_ARTICLES, ReadWriteLock, create_app

REPORTS = FIXTURES / "merging" / "reports.jsonl"
# Where an input was read from differs between a file and a request, by design.
PLACE_COLUMNS = frozenset({"origin", "raw_key"})


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in REPORTS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def adding(tmp_path: Path) -> Iterator[tuple[TestClient, Path]]:
    db = tmp_path / "api.duckdb"  # absent: --ingest creates it
    with TestClient(create_app(db, Options())) as c:
        yield c, db


@pytest.mark.model
def test_posted_articles_make_the_store_an_ingest_of_the_same_records_makes(adding: tuple[TestClient, Path],
                                                                            tmp_path: Path) -> None:
    client, db = adding
    r = client.post("/api/articles", json={"articles": _records()})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["counts"] == {"new": 4, "revised": 0, "unchanged": 0, "rejected": 0}
    assert [a["status"] for a in body["articles"]] == ["new"] * 4
    assert [a["record"] for a in body["articles"]] == [1, 2, 3, 4]
    first = body["articles"][0]
    assert first["title"] == "Envoy hosts trilateral in Lindholm"
    article = client.get(first["links"]["api"]).json()
    assert article["id"] == first["article_id"] and article["published"] == "2025-03-11"
    assert client.get(first["links"]["page"]).status_code == 200

    ingested = tmp_path / "ingested.duckdb"
    with Store(ingested) as store:
        ingest([str(REPORTS)], store, Options())
    skip = WHEN_COLUMNS | PLACE_COLUMNS
    assert store_rows(db, skip=skip) == store_rows(ingested, skip=skip)
    merged = client.get("/api/events?min_sources=3").json()
    assert merged and merged[0]["n_sources"] == 3, "the outlets' reports of one meeting are merged"


@pytest.mark.model
def test_posting_again_changes_nothing_and_a_bad_article_costs_only_itself(adding: tuple[TestClient, Path]) -> None:
    client, db = adding
    records = _records()[:2]
    client.post("/api/articles", json={"articles": records})
    before = store_rows(db, tuple(t for t in STORE_TABLES if t not in ("inputs", "rejected")))
    r = client.post("/api/articles", json={"articles": [records[1], {"text": "too short"}, records[0], records[0]]})
    assert r.status_code == 200, r.text
    outcomes = r.json()["articles"]
    assert [o["status"] for o in outcomes] == ["unchanged", "rejected", "unchanged", "unchanged"]
    assert "api#2" in outcomes[1]["reason"] and "too short" in outcomes[1]["reason"]
    assert outcomes[0]["article_id"] and "article_id" not in outcomes[1]
    assert store_rows(db, tuple(t for t in STORE_TABLES if t not in ("inputs", "rejected"))) == before
    with Store(db, read_only=True) as store:
        assert [r["reason"] for r in store.query("SELECT reason FROM rejected")] == [outcomes[1]["reason"]]


def test_the_request_is_checked_before_anything_is_analysed(tmp_path: Path) -> None:
    with TestClient(create_app(_empty_store(tmp_path))) as client:
        for body in ({"articles": []}, {"articles": [{"body": "a field storyline does not know"}]},
                     {"articles": [{"text": "x"}] * (MAX_POST_ARTICLES + 1)}, [{"text": "not wrapped"}]):
            r = client.post("/api/articles", json=body)
            assert r.status_code == 422, (body, r.text)


def test_a_server_started_without_ingest_only_reads(tmp_path: Path) -> None:
    with TestClient(create_app(_empty_store(tmp_path))) as client:
        r = client.post("/api/articles", json={"articles": [{"text": "An article long enough to analyse."}]})
        assert r.status_code == 403 and "--ingest" in r.json()["detail"]
        page = client.get("/add")
        assert page.status_code == 200 and "--ingest" in page.text and "<textarea" not in page.text
        assert 'href="/add"' not in client.get("/").text


@pytest.mark.model
def test_the_add_page_stores_an_article_and_shows_it(adding: tuple[TestClient, Path]) -> None:
    client, _ = adding
    assert 'href="/add"' in client.get("/").text
    text = ("Lena Dravic said on Tuesday that Karst would send its negotiators to Lindholm next week, "
            "after the Northern Concord's envoy Ingrid Halvorsen invited both delegations.")
    r = client.post("/add", data={"text": text, "title": "Karst to send negotiators", "published": "2025-03-18"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    page = client.get(r.headers["location"])
    assert page.status_code == 200 and "Karst to send negotiators" in page.text and "2025-03-18" in page.text
    rejected = client.post("/add", data={"text": "Too short.", "title": "Kept in the form"})
    assert rejected.status_code == 422
    assert "Not stored: too short" in rejected.text and 'value="Kept in the form"' in rejected.text


def test_readers_wait_for_a_write_and_a_write_for_its_readers() -> None:
    lock = ReadWriteLock()
    log: list[str] = []

    def read(name: str) -> None:
        with lock.reading():
            log.append(name)

    def write() -> None:
        with lock.writing():
            log.append("write starts")
            time.sleep(0.2)
            log.append("write ends")

    with lock.reading():  # a reader holds it: the writer waits, and so do readers that come after it
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.1)
        late = threading.Thread(target=read, args=("late reader",))
        late.start()
        time.sleep(0.1)
        assert log == []
    writer.join(2)
    late.join(2)
    assert log == ["write starts", "write ends", "late reader"]
    with lock.reading(), lock.reading():  # readers share it
        pass


def _empty_store(tmp_path: Path) -> Path:
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    return db


@pytest.mark.model
def test_a_server_with_a_token_takes_articles_only_from_who_gives_it(tmp_path: Path) -> None:
    body = {"articles": [_records()[0]]}
    with TestClient(create_app(tmp_path / "guarded.duckdb", Options(), token="s3cret")) as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            r = client.post("/api/articles", json=body, headers=headers)
            assert r.status_code == 401 and "Bearer" in r.json()["detail"]
        assert 'type="password"' in client.get("/add").text
        r = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 200 and r.json()["counts"]["new"] == 1


def test_serve_refuses_to_take_articles_from_the_network_without_a_token(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app as cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.duckdb"), "--ingest", "--host", "0.0.0.0"],
                                env={"STORYLINE_TOKEN": ""})
    assert result.exit_code != 0 and "--token" in result.output
    assert not (tmp_path / "s.duckdb").exists()
