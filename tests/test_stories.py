"""Stories: segments of articles grouped by the people and organisations they name."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from storyline.config import Options
from storyline.errors import BadOption
from storyline.pipeline import ingest, rebuild_stories
from storyline.query import timeline
from storyline.resolve import stories
from storyline.resolve.stories import WINDOW_DAYS, linked, paragraphs, update_stories
from storyline.store.duckdb import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STORIES = FIXTURES / "stories"
HELD = FIXTURES / "articles" / "talks_held.txt"
FAILED = FIXTURES / "articles" / "talks_failed.txt"
TWO = STORIES / "two_stories.txt"
HARBOUR = STORIES / "harbour.txt"
AGAIN = STORIES / "held_again.txt"


def _ingest(db: Path, paths: list[Path]) -> Store:
    store = Store(str(db))
    for p in paths:  # one file at a time: each is a batch of its own, as in a growing store
        ingest([str(p)], store, Options())
    return store


def _stories(store: Store) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(r["id"], tuple(json.loads(r["article_ids"])), tuple(json.loads(r["event_ids"])))
            for r in store.query("SELECT * FROM stories")}


def _article(store: Store, name: str) -> str:
    [row] = store.query("SELECT id FROM articles WHERE origin LIKE ?", [f"%{name}"])
    return str(row["id"])


def _story_articles(store: Store) -> list[set[str]]:
    names = {r["id"]: Path(r["origin"]).name for r in store.query("SELECT id, origin FROM articles")}
    return sorted(({names[a] for a in json.loads(r["article_ids"])} for r in store.query("SELECT * FROM stories")),
                  key=sorted)


def test_stories_paragraphs_are_blocks_between_blank_lines_or_lines() -> None:
    text = "Title\n\nFirst para\nstill first.\n\n\nSecond."
    assert [text[s:e] for s, e in paragraphs(text)] == ["Title", "First para\nstill first.", "Second."]
    lines = "One\nTwo"
    assert [lines[s:e] for s, e in paragraphs(lines)] == ["One", "Two"]


@pytest.mark.parametrize(("shared", "n_a", "n_b", "day_a", "day_b", "expected"), [
    (2, 3, 4, None, None, True),  # two of the same people, undated
    (1, 1, 1, None, None, False),  # one shared name is not a story
    (2, 10, 12, None, None, False),  # two of many: a shared newspaper and a head of state
    (4, 10, 12, "2025-06-02", "2025-06-10", True),
    (4, 10, 12, "2025-01-02", "2025-06-10", False),  # months apart
    (2, 2, 2, "2025-06-10", None, True),  # one undated side does not keep them apart
])
def test_stories_linked(shared: int, n_a: int, n_b: int, day_a: str | None, day_b: str | None,
                        expected: bool) -> None:
    assert linked(shared, n_a, n_b, day_a, day_b) is expected
    assert WINDOW_DAYS < 150


@pytest.mark.parametrize(("shared", "n_a", "n_b", "weight", "expected"), [
    (3, 14, 14, 0.35, True),  # the protagonist, named throughout both, and two others
    (3, 14, 14, 0.10, False),  # three names each report mentions once in passing
    (2, 12, 12, 0.50, False),  # two names of twelve are too few, however often they are named
    (3, 14, 14, None, False),  # no mention counts (event passages): names alone decide
])
def test_stories_linked_by_mentions(shared: int, n_a: int, n_b: int, weight: float | None,
                                    expected: bool) -> None:
    assert linked(shared, n_a, n_b, "2025-06-02", "2025-06-03", weight) is expected


@pytest.mark.model
def test_stories_group_reports_of_the_same_talks_and_keep_another_story_apart(tmp_path: Path) -> None:
    store = _ingest(tmp_path / "s.duckdb", [HELD, FAILED, TWO, HARBOUR])
    # The article that tells two stories is in both; the failed meeting joins the held one.
    assert _story_articles(store) == [{"harbour.txt", "two_stories.txt"},
                                      {"talks_failed.txt", "talks_held.txt", "two_stories.txt"}]
    failed = store.query("SELECT id FROM events WHERE status = 'failed' AND article_id = ?",
                         [_article(store, "talks_failed.txt")])[0]["id"]
    held = store.query("SELECT id FROM events WHERE mode = 'trilateral' AND article_id = ?",
                       [_article(store, "talks_held.txt")])[0]["id"]
    by_event = {e: r["id"] for r in store.query("SELECT * FROM stories") for e in json.loads(r["event_ids"])}
    assert by_event[failed] == by_event[held]
    two = _article(store, "two_stories.txt")
    ours = [e["id"] for e in store.query("SELECT id, actors FROM events WHERE article_id = ?", [two])
            if "Brenner" in e["actors"]]
    assert ours and all(by_event[e] != by_event[held] for e in ours)
    [talks] = [r for r in store.query("SELECT * FROM stories") if held in r["event_ids"]]
    assert "Tovin" in talks["title"]
    # The timeline of the story naming Tovin holds both meetings, and only this story's events.
    chosen, events = timeline(store, "tovin")
    assert chosen["id"] == talks["id"] and {held, failed} <= {e["id"] for e in events}
    assert not set(ours) & {e["id"] for e in events}
    assert timeline(store, talks["id"])[0]["id"] == talks["id"]
    with pytest.raises(BadOption):
        timeline(store, "nobody-named-so")
    store.close()


@pytest.mark.model
def test_stories_do_not_depend_on_reading_order_and_rebuild_gives_the_same(tmp_path: Path) -> None:
    files = [HELD, TWO, HARBOUR, AGAIN]
    forward = _ingest(tmp_path / "a.duckdb", files)
    backward = _ingest(tmp_path / "b.duckdb", files[::-1])
    built = _stories(forward)
    assert built == _stories(backward)
    assert rebuild_stories(forward) == len(built)
    assert _stories(forward) == built
    forward.close()
    backward.close()


@pytest.mark.model
def test_stories_pending_segments_get_their_story_on_the_next_update(tmp_path: Path) -> None:
    store = _ingest(tmp_path / "s.duckdb", [HELD, AGAIN])
    built = _stories(store)
    store.forget_stories()  # as if a run had stopped between storing a batch and grouping it
    assert len(store.pending_segments()) >= 2
    update_stories(store)
    assert _stories(store) == built and store.pending_segments() == []
    store.close()


@pytest.mark.model
def test_stories_a_revision_that_no_longer_names_them_leaves_the_story(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    shutil.copy(AGAIN, page)
    store = _ingest(tmp_path / "s.duckdb", [HELD, page])
    assert _story_articles(store) == [{"page.txt", "talks_held.txt"}]
    page.write_text(HARBOUR.read_text(encoding="utf-8"), encoding="utf-8")  # the page now tells another story
    ingest([str(page)], store, Options())
    assert _story_articles(store) == [{"page.txt"}, {"talks_held.txt"}]
    assert store.query("SELECT count(*) AS n FROM story_segments")[0]["n"] == \
        store.query("SELECT count(*) AS n FROM segments")[0]["n"]
    store.close()


# ----------------------------------------------------------------------------- common names
# Hand-made segments, written straight into the store's segment tables: article -> (day, how often
# its one segment names each person or organisation). With a cap of 3, "president" and
# "parliament" (named in all four articles) are common; each story's two articles share two names
# of their own, and b2 also names the mayor of story a.
CAP = 3
NAMED = {
    "a1": ("2025-03-01", {"president": 3, "parliament": 2, "mayor-ilic": 2, "port-authority": 1}),
    "a2": ("2025-03-04", {"president": 1, "parliament": 1, "mayor-ilic": 1, "port-authority": 2}),
    "b1": ("2025-03-02", {"president": 2, "parliament": 1, "judge-aro": 2, "dock-union": 1}),
    "b2": ("2025-03-05", {"president": 1, "parliament": 2, "judge-aro": 1, "dock-union": 1, "mayor-ilic": 1}),
}


def _add(store: Store, articles: list[str],
         named: dict[str, tuple[str, dict[str, int]]] = NAMED) -> None:
    """Store these articles' segments, waiting for a story, as an ingest would."""
    for a in articles:
        day, names = named[a]
        store.con.execute("INSERT INTO segments VALUES (?, 0, 0, 10, ?, ?, '[]')", [a, day, len(names)])
        store.con.execute("INSERT INTO pending_segments VALUES (?, 0)", [a])
        for name, mentions in names.items():
            store.con.execute("INSERT INTO segment_keys VALUES (?, ?, 0, ?)", [name, a, mentions])


def _take_out(store: Store, article: str) -> None:
    """Take an article out as a revision does: the other segments of its story wait for one again."""
    ids = [[r["story_id"] for r in store.query("SELECT story_id FROM story_segments WHERE article_id = ?", [article])]]
    store.con.execute("INSERT INTO pending_segments SELECT article_id, n FROM story_segments "
                      "WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", ids)
    store.con.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::VARCHAR[]))", ids)
    store.con.execute("DELETE FROM story_segments WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", ids)
    # As Store._retract does: the common names it named wait to be counted again.
    store.con.execute("INSERT OR IGNORE INTO recount_names SELECT entity_id FROM segment_keys "
                      "WHERE article_id = ? AND entity_id IN (SELECT entity_id FROM common_names)", [article])
    for table in ("segments", "segment_keys", "pending_segments"):
        store.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article])


def _groups(store: Store) -> list[list[str]]:
    return sorted(json.loads(r["article_ids"]) for r in store.query("SELECT article_ids FROM stories"))


def test_stories_common_names_link_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "COMMON_ARTICLES", CAP)
    with Store(":memory:") as store:
        _add(store, list(NAMED))
        update_stories(store)
        # president and parliament would have chained all four; b2 has one name of its own in
        # common with a1 and a2 (the mayor), and one is not enough.
        assert _groups(store) == [["a1", "a2"], ["b1", "b2"]]
        assert sorted(r["entity_id"] for r in store.query("SELECT * FROM common_names")) == ["parliament", "president"]


def test_stories_common_names_are_left_out_of_the_share_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # a1 and a2 share 2 of their 2 names that are not common (4 of 4 counting all); b1 and b2
    # share 2 of 2 and 3 (4 of 4 and 5).
    assert linked(2, 2, 2, "2025-03-01", "2025-03-04") and linked(2, 2, 3, "2025-03-02", "2025-03-05")
    monkeypatch.setattr(stories, "COMMON_ARTICLES", len(NAMED))  # nothing common: all four chain again
    with Store(":memory:") as store:
        _add(store, list(NAMED))
        update_stories(store)
        assert _groups(store) == [["a1", "a2", "b1", "b2"]]
        assert store.query("SELECT * FROM common_names") == []


@pytest.mark.parametrize("seed", range(6))
def test_stories_with_common_names_do_not_depend_on_order_or_batches(monkeypatch: pytest.MonkeyPatch,
                                                                     seed: int) -> None:
    """Three articles in, president and parliament are not common yet and link across stories;
    the fourth makes them common, and the story they had chained is taken apart and regrouped,
    so every order and batching ends as grouping the four at once does."""
    monkeypatch.setattr(stories, "COMMON_ARTICLES", CAP)
    rng = random.Random(seed)
    order = list(NAMED)
    rng.shuffle(order)
    with Store(":memory:") as store:
        while order:
            take = rng.randint(1, 2)
            _add(store, order[:take])
            order = order[take:]
            update_stories(store)
        assert _groups(store) == [["a1", "a2"], ["b1", "b2"]]
        assert store.pending_segments() == []


def test_stories_segment_links_weigh_the_shared_names_by_their_mentions() -> None:
    with Store(":memory:") as store:
        _add(store, list(NAMED))
        store.refresh_common_names(CAP)
        # a1 and a2 share the mayor and the port authority, their only names not common: the
        # mayor is 2 of a1's 3 mentions and 1 of a2's 3, the port authority the other way round.
        [(a, b, shared, n_a, n_b, day_a, day_b, weight)] = store.segment_links([("a1", 0)], 2)
        assert (a, b, shared, n_a, n_b, day_a, day_b) == (("a1", 0), ("a2", 0), 2, 2, 2, "2025-03-01", "2025-03-04")
        assert weight == pytest.approx(1 / 3 + 1 / 3)


def test_stories_a_protagonist_named_throughout_links_reports_that_name_many_others_once() -> None:
    """Two outlets' reports of one senator's scandal each name ten people and organisations, eight
    of them once and the other outlet's not at all: two of ten shared is under the share names
    alone need, but the senator carries half the mentions of each."""
    others = {f"{side}-{i}": 1 for side in ("x", "y") for i in range(8)}
    reports = {
        "c1": ("2025-05-17", {"senator": 12, "governor": 1} | {k: v for k, v in others.items() if k[0] == "x"}),
        "c2": ("2025-05-18", {"senator": 10, "governor": 2} | {k: v for k, v in others.items() if k[0] == "y"}),
    }
    assert not linked(2, 10, 10, "2025-05-17", "2025-05-18")
    with Store(":memory:") as store:
        _add(store, list(reports), reports)
        update_stories(store)
        assert _groups(store) == [["c1", "c2"]]


def test_stories_a_name_no_longer_common_links_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "COMMON_ARTICLES", CAP)
    with Store(":memory:") as store:
        _add(store, list(NAMED))
        update_stories(store)
        # With b1 taken out, president and parliament are named in 3 articles, no more than the
        # cap: they link b2 to a1 and a2 again (3 shared names), as grouping the three afresh does.
        _take_out(store, "b1")
        update_stories(store)
        assert _groups(store) == [["a1", "a2", "b2"]]
        assert store.query("SELECT * FROM common_names") == []
        rebuild_stories(store)
        assert _groups(store) == [["a1", "a2", "b2"]]


def test_stories_a_name_made_uncommon_by_an_article_of_its_own_links_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article alone in its story leaves no segment pending when it goes; the common names it
    named are counted again all the same, and the stories they now link are regrouped."""
    monkeypatch.setattr(stories, "COMMON_ARTICLES", len(NAMED))
    monkeypatch.setitem(NAMED, "x1", ("2025-03-03", {"president": 1, "parliament": 1, "ferry-co": 2}))
    with Store(":memory:") as store:
        _add(store, list(NAMED))
        update_stories(store)
        assert _groups(store) == [["a1", "a2"], ["b1", "b2"], ["x1"]]
        _take_out(store, "x1")
        update_stories(store)
        assert _groups(store) == [["a1", "a2", "b1", "b2"]]
        assert store.query("SELECT * FROM common_names") == [] and store.query("SELECT * FROM recount_names") == []
        rebuild_stories(store)
        assert _groups(store) == [["a1", "a2", "b1", "b2"]]


@pytest.mark.model
def test_stories_a_nameless_lead_belongs_with_the_first_paragraph_that_names_someone(nlp) -> None:  # type: ignore[no-untyped-def]
    from storyline.model import Article, article_id
    from storyline.pipeline import analyse

    text = ("Updated at noon\n\nRiver talks\n\n"
            "The envoy Ingrid Halvorsen met Marek Tovin and Lena Dravic in Lindholm on Tuesday.\n\n"
            "Marek Tovin said the talks had been useful.")
    article = Article(id=article_id(text), text=text, origin="t.txt", published="2025-07-22",
                      published_from="given", language="en")
    segments = stories.segments(analyse(nlp(text), article))
    assert len(segments) == 1 and segments[0].start == 0 and segments[0].end == len(text)
    assert segments[0].keys, "the one segment carries the names"


def test_stories_span_the_articles_and_the_events_dated_to_a_day_week_or_month() -> None:
    def date(value: str, start: str, end: str, granularity: str) -> str:
        return json.dumps({"value": value, "start": start, "end": end, "granularity": granularity})

    dates = {
        "e1": date("2019-04-03", "2019-04-03", "2019-04-03", "day"),
        "e2": date("2019-W16", "2019-04-15", "2019-04-21", "week"),
        "e3": date("2018", "2018-01-01", "2018-12-31", "year"),  # background: "since 2018"
        "e4": date("20", "2000-01-01", "2099-12-31", "unknown"),  # "this century"
        "e5": None,
    }
    details = [{"keys": ["p1"], "event_ids": ["e1", "e2", "e3"], "day": "2019-04-10"},
               {"keys": ["p1"], "event_ids": ["e4", "e5"], "day": "2019-04-12"}]
    story, _ = stories.build_story([("a1", 0), ("a2", 0)], details, {"p1": "Ana"}, dates)
    assert (story.start, story.end) == ("2019-04-03", "2019-04-21")
    # Texts without a publication day and nothing finer: the years will do, never a century.
    undated = [{"keys": ["p1"], "event_ids": ["e3", "e4"], "day": None}]
    story, _ = stories.build_story([("a1", 0)], undated, {}, dates)
    assert (story.start, story.end) == ("2018-01-01", "2018-12-31")


def test_stories_title_prefers_the_names_that_tell_it_apart() -> None:
    from storyline.resolve import stories

    names = {"p": "President Vell", "c": "Cora Lind", "m": "Mats Orr", "s": "Senate"}
    details = [{"keys": {"p": 9, "s": 5, "c": 4, "m": 2}, "event_ids": [], "day": "2019-04-10"}]
    story, _ = stories.build_story([("a1", 0)], details, names, {}, common={"p", "s"})
    # the store's common names (in every story of their time) come after the story's own
    assert story.title == "Cora Lind, Mats Orr, President Vell"
    story, _ = stories.build_story([("a1", 0)], details, names, {})
    assert story.title == "President Vell, Senate, Cora Lind"


@pytest.mark.model
def test_stories_a_news_agency_cited_links_no_story(nlp) -> None:  # type: ignore[no-untyped-def]
    from storyline.model import Article, article_id
    from storyline.pipeline import analyse

    text = ("The envoy Ingrid Halvorsen met Marek Tovin in Lindholm on Tuesday, Reuters reported.\n\n"
            "Marek Tovin told Politico that the talks had been useful.")
    article = Article(id=article_id(text), text=text, origin="t.txt", published="2025-07-22",
                      published_from="given", language="en")
    result = analyse(nlp(text), article)
    names = {e.id: e.name for e in result.entities}
    keys = {names[k] for s in stories.segments(result) for k in s.keys}
    assert "Marek Tovin" in keys and not keys & {"Reuters", "Politico"}
