"""The REST API and the pages of `storyline serve`, through FastAPI's test client, on a real
store built from the bundled examples and the project's own fixture articles."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app as cli
from storyline.store.duckdb import Store
from storyline.web.app import create_app

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db)) as c:
        yield c


def _get(client: TestClient, url: str) -> Any:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return r.json()


def test_web_api_status_is_the_store_counts(client: TestClient, web_db: Path) -> None:
    with Store(web_db, read_only=True) as store:
        counts = store.counts()
    status = _get(client, "/api/status")
    assert status["counts"] == counts and counts["articles"] == 21  # 16 examples, 4 reports, 1 hostile
    assert all(kind.isidentifier() for kind in counts) and "event_reports" in counts
    assert status["last_run"]["new"] == 21


def test_web_api_event_reports_carry_their_sentences_and_outlets(client: TestClient, web_db: Path) -> None:
    [meeting] = _get(client, "/api/events?min_sources=3&type=CONSULT&status=disputed")
    event = _get(client, f"/api/events/{meeting['id']}")
    assert event["n_sources"] == 3 and len(event["reports"]) >= 3
    with Store(web_db, read_only=True) as store:
        texts = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM articles")}
    for r in event["reports"]:
        assert r["sentence"] == texts[r["article_id"]][r["sentence_start"]:r["sentence_end"]]
        assert r["sentence_start"] <= r["start"] < r["end"] <= r["sentence_end"]
        assert r["article"]["outlet"] and r["article"]["published"]
    status = next(c for c in event["conflicts"] if c["field"] == "status")
    said = {v["value"]: v["outlets"] for v in status["values"]}
    assert said["failed"] == ["Lindholm Post"] and "occurred" in said
    assert event["stories"], "the meeting belongs to a story"


def test_web_api_entity_has_roles_with_evidence_events_and_quotes(client: TestClient) -> None:
    [tovin] = _get(client, "/api/entities?name=tovin&type=PERSON")
    entity = _get(client, f"/api/entities/{tovin['id']}")
    assert entity["name"] == "Marek Tovin"
    chief = [r for r in entity["roles"] if r["role"] == "chief negotiator"]
    assert chief and all("chief negotiator" in r["sentence"] and "Tovin" in r["sentence"] for r in chief)
    assert entity["events"] and all(tovin["id"] in [a["entity_id"] for a in e["actors"]] for e in entity["events"])
    assert entity["quotes"] and all(q["speaker"]["entity_id"] == tovin["id"] for q in entity["quotes"])
    # The events filter of the API gives the same events.
    same = _get(client, f"/api/events?entity={tovin['id']}&limit=1000")
    assert [e["id"] for e in same] == [e["id"] for e in entity["events"]]


def test_web_api_lists_match_the_cli_queries(client: TestClient) -> None:
    stories = _get(client, "/api/stories")
    assert stories and stories == sorted(stories, key=lambda s: -len(s["article_ids"]))
    story = _get(client, f"/api/stories/{stories[0]['id']}")
    assert story["story"]["id"] == stories[0]["id"]
    days = [e["date"]["start"] for e in story["events"] if e["date"]]
    assert days == sorted(days) and all(e["outlets"] for e in story["events"])
    done = _get(client, f"/api/stories/{stories[0]['id']}?skip_type=STATEMENT")["events"]
    assert done == [e for e in story["events"] if e["type"] != "STATEMENT"] and len(done) < len(story["events"])
    page = client.get(f"/stories/{stories[0]['id']}?skip_type=STATEMENT")
    assert page.status_code == 200 and "show every event" in page.text
    quotes = _get(client, "/api/quotes?speaker=halvorsen")  # Hålvorsen, diacritics ignored
    [envoy] = _get(client, "/api/entities?name=Hålvorsen")
    assert quotes and {q["speaker"]["entity_id"] for q in quotes} == {envoy["id"]}
    # Each quote keeps the name as its outlet spells it.
    assert {q["speaker"]["name"] for q in quotes} == {"Ingrid Hålvorsen", "Ingrid Halvorsen"}
    assert _get(client, "/api/conflicts?field=status")[0]["field"] == "status"
    assert len(_get(client, "/api/events?limit=3")) == 3


def test_web_api_lists_say_their_total_in_a_header(client: TestClient) -> None:
    # A client pages with limit and offset; X-Total-Count says how many there are in all.
    for url in ("/api/entities", "/api/events", "/api/quotes", "/api/conflicts", "/api/stories"):
        everything = client.get(f"{url}?limit=1000")
        total = int(everything.headers["X-Total-Count"])
        assert total == len(everything.json()) > 0, url
        first = client.get(f"{url}?limit=2")
        assert int(first.headers["X-Total-Count"]) == total and len(first.json()) == min(2, total)
        beyond = client.get(f"{url}?limit=2&offset={total + 5}")
        assert beyond.json() == [] and int(beyond.headers["X-Total-Count"]) == total
    # Filters count too.
    statements = client.get("/api/events?type=STATEMENT&limit=1")
    n = int(statements.headers["X-Total-Count"])
    assert 0 < n < int(client.get("/api/events?limit=1").headers["X-Total-Count"])
    # The pages say it as well, and the last one offers no next page.
    assert f"1–2 of {n}" in client.get("/events?type=STATEMENT&limit=2").text
    last = client.get(f"/events?type=STATEMENT&limit=2&offset={n - 1}").text
    assert f"{n}–{n} of {n}" in last and 'rel="next"' not in last
    # Past the end, the page says so and leads back to the last page.
    beyond = client.get(f"/events?type=STATEMENT&limit=2&offset={n + 10}").text
    assert f"none here of {n}" in beyond and f"offset={(n - 1) // 2 * 2}" in beyond.split('rel="prev"')[1][:200]


def test_web_api_errors_are_json_with_a_reason(client: TestClient) -> None:
    r = client.get("/api/events/0000000000000000")
    assert r.status_code == 404 and "no event" in r.json()["detail"]
    r = client.get("/api/stories/nobody-at-all")
    # The reason points a web client at the listing, not at a command line.
    assert r.status_code == 404 and "/api/stories" in r.json()["detail"] and "storyline" not in r.json()["detail"]
    assert client.get("/api/events?limit=0").status_code == 422
    assert client.get("/api/events?limit=100000").status_code == 422
    # The server only reads: nothing accepts a write.
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete("/api/entities/x").status_code == 405


def test_web_count_conflict_on_how_long_the_trilateral_lasted(client: TestClient) -> None:
    # The examples' 22 July trilateral: "three hours" (Lindholm Post), "about four hours" (Concord Wire)
    [length] = _get(client, "/api/conflicts?field=count")
    said = {v["value"]["text"]: v["outlets"] for v in length["values"]}
    assert said == {"three hours": ["Lindholm Post"], "about four hours": ["Concord Wire"]}
    event = _get(client, f"/api/events/{length['event_id']}")
    assert [c["what"] for c in event["counts"]] == ["duration"]
    assert length["id"] in {c["id"] for c in event["conflicts"]}
    page = client.get(f"/events/{length['event_id']}").text
    assert "figures" in page and "about four hours" in page and "Concord Wire" in page
    assert "about four hours" in client.get("/conflicts").text


def test_web_pages_render_records_and_link_to_evidence(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "Marek Tovin" in home.text and "/stories/" in home.text
    for url, expect in [("/stories", "Hålvorsen"), ("/events?type=CONSULT", "CONSULT"),
                        ("/entities?name=sorensen", "Nobody"), ("/entities?name=dravic", "Lena Dravic"),
                        ("/quotes?speaker=tovin", "Marek Tovin"), ("/conflicts", "Lindholm Post")]:
        page = client.get(url)
        assert page.status_code == 200 and expect in page.text, url
    [meeting] = _get(client, "/api/events?min_sources=3&type=CONSULT&status=disputed")
    page = client.get(f"/events/{meeting['id']}").text
    assert "Where the outlets disagree" in page and page.count('class="evidence"') == len(meeting["reports"])
    first = meeting["reports"][0]
    marked = client.get(f"/articles/{first['article_id']}?mark={first['sentence_start']}-{first['sentence_end']}")
    assert marked.status_code == 200 and '<mark id="mark">' in marked.text


def test_web_page_errors_say_what_is_missing(client: TestClient) -> None:
    r = client.get("/entities/0000000000000000")
    assert r.status_code == 404 and "no entity" in r.text and "<html" in r.text
    assert client.get("/articles/x?mark=1-2;drop").status_code == 422


def test_web_escapes_article_text_and_titles(client: TestClient) -> None:
    [voss] = _get(client, "/api/entities?name=anika")
    article_id = voss["roles"][0]["article_id"] if voss["roles"] else None
    article_id = article_id or _get(client, f"/api/entities/{voss['id']}")["quotes"][0]["article_id"]
    raw = _get(client, f"/api/articles/{article_id}")
    assert "<script>" in raw["title"] and "onerror" in raw["text"]  # kept as the outlet wrote it
    # its mentions are Mention records (schema.md), each naming its article
    assert raw["mentions"] and {m["article_id"] for m in raw["mentions"]} == {article_id}
    assert all(raw["text"][m["start"]:m["end"]] == m["text"] for m in raw["mentions"])
    page = client.get(f"/articles/{article_id}").text
    assert "<script>window" not in page and "&lt;script&gt;window.pwned" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page


def test_web_busy_store_is_503_not_a_crash(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    db.write_bytes(web_db.read_bytes())
    app = create_app(db)
    # Another process writing to the store holds DuckDB's lock: requests wait for it to end.
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('locked', flush=True); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with TestClient(app) as c:
            r = c.get("/api/status")
            assert r.status_code == 503 and "busy" in r.json()["detail"]
            assert c.get("/").status_code == 503
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.2)
    with TestClient(app) as c:
        assert c.get("/api/status").status_code == 200


def test_cli_serve_refuses_what_is_not_a_store(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no store at" in missing.output
    other = tmp_path / "other.duckdb"
    import duckdb

    duckdb.connect(str(other)).close()
    foreign = runner.invoke(cli, ["serve", "--db", str(other)])
    assert foreign.exit_code == 2 and "not a storyline store" in foreign.output


def test_web_api_pages_and_periods_agree_with_the_whole_list(client: TestClient) -> None:
    everything = _get(client, "/api/events?limit=1000")
    assert _get(client, "/api/events?limit=5") + _get(client, "/api/events?limit=5&offset=5") == everything[:10]
    july = _get(client, "/api/events?since=2025-07-01&until=2025-07-31&limit=1000")
    expected = [e for e in everything if e["date"] and e["date"]["end"] >= "2025-07-01"
                and e["date"]["start"] <= "2025-07-31"]
    assert july == expected and 0 < len(july) < len(everything)
    assert client.get("/api/events?since=July").status_code == 422
    page = client.get("/events?since=2025-07-22&until=2025-07-22&limit=2&type=&status=")
    assert page.status_code == 200 and 'rel="next"' in page.text and "offset=2" in page.text
    assert "since=2025-07-22" in page.text.split('rel="next"')[1].split(">")[0]
    assert client.get("/events?since=tomorrow").status_code == 422


def test_web_answers_between_the_batches_of_an_ingest(tmp_path: Path) -> None:
    """The README's promise: a server reads the store while an ingest into it runs; only while a
    batch is written would it answer 503."""
    from storyline.config import Options
    from storyline.pipeline import ingest

    db = tmp_path / "live.duckdb"
    fixtures = Path(__file__).parent / "fixtures" / "articles"
    seen: list[int] = []
    with Store(db) as store:
        store.release()  # as between batches; in one process DuckDB refuses a reader beside a writer
        app = create_app(db)

        def progress(n: int, summary: Any) -> None:  # called after each batch is stored
            with TestClient(app) as c:
                r = c.get("/api/status")
                assert r.status_code == 200, r.text
                seen.append(r.json()["counts"]["articles"])

        ingest([str(p) for p in sorted(fixtures.glob("*.txt"))], store, Options(batch_size=1), progress)
    assert seen == [1, 2, 3]


def test_web_filter_values_outside_their_lists_are_422_not_empty(client: TestClient) -> None:
    for url, listed in (("/api/events?type=FOO", "CONSULT"), ("/api/events?status=done", "occurred"),
                        ("/api/entities?type=PERSN", "PERSON"), ("/api/conflicts?field=size", "place"),
                        ("/api/stories/nope?skip_type=STATEMNT", "STATEMENT")):
        r = client.get(url)
        assert r.status_code == 422 and listed in r.json()["detail"], (url, r.text)
    assert client.get("/events?type=FOO").status_code == 422  # the page says so too
    assert client.get("/api/events?type=consult&status=OCCURRED").status_code == 200
