"""The DuckDB store: migrations, idempotent writes, merging entities, exports."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest

from storyline.model import Article, ArticleResult, Entity, Mention, Rejected, Role, article_id
from storyline.query import export, list_entities, records
from storyline.store.duckdb import Store
from storyline.store.migrations import available, migrate


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    """A fresh in-memory store (style.md: one fixture for every store test)."""
    s = Store(":memory:")
    yield s
    s.close()


def _result(text: str, name: str, surface: str, role: str | None, aff: str | None, key: str) -> ArticleResult:
    a = Article(article_id(text), text, f"file-{key}-{surface}.txt", source="Test Wire")
    start = text.index(surface)
    eid = "e-" + key
    roles = (Role(role, aff, a.id, 0, len(role)),) if role else ()
    return ArticleResult(
        a, mentions=(Mention(a.id, start, start + len(surface), surface, "PERSON", eid),),
        entities=(Entity(eid, name, "PERSON", (surface,), roles, aff, 1, 1, key),),
        raw_key="raw-" + a.id,
    )


def test_store_migrations_are_numbered_and_applied_once(store: Store) -> None:
    versions = [v for v, _, _ in available()]
    assert versions == sorted(versions) and versions[0] == 1
    assert migrate(store.con) == []  # already applied by Store()


def test_store_same_article_twice_changes_nothing(store: Store) -> None:
    r = _result("Ingrid Halvorsen spoke in Lindholm.", "Ingrid Halvorsen", "Ingrid Halvorsen", "envoy", "EU",
                "ingrid halvorsen")
    first = store.write_batch([(r.raw_key, r)])
    before = {k: list(records(store, k)) for k in ("articles", "mentions", "entities")}
    second = store.write_batch([(r.raw_key, r)])
    after = {k: list(records(store, k)) for k in ("articles", "mentions", "entities")}
    assert (first.new, second.new, second.unchanged) == (1, 0, 1)
    assert before == after


def test_store_merges_entities_across_articles(store: Store) -> None:
    r1 = _result("Ingrid Hålvorsen spoke in Lindholm.", "Ingrid Hålvorsen", "Ingrid Hålvorsen", "envoy", "EU",
                 "ingrid halvorsen")
    r2 = _result("Later Ingrid Halvorsen left Lindholm.", "Ingrid Halvorsen", "Ingrid Halvorsen",
                 "special envoy", "EU", "ingrid halvorsen")
    store.write_batch([(r1.raw_key, r1)])
    store.write_batch([(r2.raw_key, r2)])
    ents = list_entities(store, name="halvorsen")
    assert len(ents) == 1
    e = ents[0]
    assert e["name"] == "Ingrid Hålvorsen"  # diacritics kept
    assert set(e["aliases"]) == {"Ingrid Hålvorsen", "Ingrid Halvorsen"}
    assert (e["n_articles"], e["n_mentions"], e["affiliation"]) == (2, 2, "EU")
    assert {r["role"] for r in e["roles"]} == {"envoy", "special envoy"}
    # The blocking key that lets a later article's bare "Halvorsen" (or "Halvorson") join this person.
    assert store.full_name_weights(["hlvrsn"]) == {"hlvrsn": {"ingrid halvorsen": 2}}


def test_store_keeps_rejections_once(store: Store) -> None:
    bad = Rejected("broken.jsonl#2", "broken.jsonl#2: malformed JSON")
    store.write_batch([("", bad)])
    store.write_batch([("", bad)])
    rows = list(records(store, "rejected"))
    assert len(rows) == 1 and rows[0]["origin"] == "broken.jsonl#2"


def test_store_failed_batch_is_rolled_back(store: Store) -> None:
    good = _result("Marek Tovin arrived in Veldan.", "Marek Tovin", "Marek Tovin", None, None, "marek tovin")
    broken = ArticleResult(Article("bad", None, "o"), raw_key="k")  # type: ignore[arg-type]  # NOT NULL text
    with pytest.raises(duckdb.Error):
        store.write_batch([(good.raw_key, good), ("k", broken)])
    assert store.counts()["articles"] == 0
    assert store.known_inputs([good.raw_key]) == set()  # the next run will redo the whole batch


def test_store_exports_every_kind_in_every_format(store: Store, tmp_path: Path) -> None:
    r = _result("Lena Dravic spoke.", "Lena Dravic", "Lena Dravic", "Deputy Prime Minister", None, "lena dravic")
    store.write_batch([(r.raw_key, r)])
    for fmt in ("jsonl", "csv", "parquet"):
        written = export(store, ["articles", "entities", "events", "rejected"], fmt, str(tmp_path / fmt))
        assert set(written) == {"articles", "entities", "events", "rejected"}
        assert written["entities"][1] == 1
        assert all(Path(p).exists() for p, _ in written.values())
    line = (tmp_path / "jsonl" / "entities.jsonl").read_text(encoding="utf-8").splitlines()[0]
    entity = json.loads(line)
    assert entity["roles"][0]["role"] == "Deputy Prime Minister"
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'parquet' / 'articles.parquet'}'").fetchone() == (1,)
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'csv' / 'events.csv'}'").fetchone() == (0,)
    # Parquet keeps types: counts add up, flags are flags, nested fields are JSON to query into
    pq = tmp_path / "parquet"
    assert con.execute(f"SELECT sum(n_mentions), max(roles->>'$[0].role') FROM '{pq / 'entities.parquet'}'"
                       ).fetchone() == (1, "Deputy Prime Minister")
    assert con.execute(f"SELECT analysed FROM '{pq / 'articles.parquet'}'").fetchone() == (True,)
    empty = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{pq / 'events.parquet'}')"
                             ).fetchall())
    assert empty["n_sources"] == "INTEGER" and empty["actors"] == "JSON"  # typed even with no rows


def test_store_entity_totals_match_a_recount(store: Store) -> None:
    for i, surface in enumerate(["Ingrid Hålvorsen", "Ingrid Halvorsen", "Ingrid Halvorsen"]):
        r = _result(f"{surface} spoke in Lindholm, day {i}.", "Ingrid Halvorsen", surface, None, "EU",
                    "ingrid halvorsen")
        store.write_batch([(r.raw_key, r)])
        store.write_batch([(r.raw_key, r)])  # a re-run adds nothing to the totals
    recount = store.query("SELECT entity_id, count(*) AS n, count(DISTINCT article_id) AS a FROM mentions "
                          "GROUP BY entity_id")
    merged = {e["id"]: e for e in records(store, "entities")}
    for row in recount:
        assert (merged[row["entity_id"]]["n_mentions"], merged[row["entity_id"]]["n_articles"]) == (row["n"], row["a"])
    assert merged[recount[0]["entity_id"]]["name"] == "Ingrid Hålvorsen"


def test_store_an_entity_takes_the_type_most_articles_give_it(store: Store) -> None:
    """One article that names someone six times as an organisation is one slip of the tagger,
    against two articles that call her a person once each; without a majority of articles, the
    mentions decide."""
    def typed(text: str, etype: str, times: int) -> ArticleResult:
        a = Article(article_id(text), text, f"file-{article_id(text)}.txt")
        starts = [i for i in range(len(text)) if text.startswith("Lena Dravic", i)][:times]
        mentions = tuple(Mention(a.id, s, s + 11, "Lena Dravic", etype, "e-dravic") for s in starts)
        entity = Entity("e-dravic", "Lena Dravic", etype, ("Lena Dravic",), (), None, len(mentions), 1, "lena dravic")
        return ArticleResult(a, mentions=mentions, entities=(entity,), raw_key="raw-" + a.id)

    def stored_type() -> str:
        return str(store.query("SELECT type FROM entities")[0]["type"])

    many = typed("Lena Dravic. " * 6, "ORG", 6)
    store.write_batch([(many.raw_key, many)])
    once = typed("Lena Dravic spoke in Lindholm.", "PERSON", 1)
    store.write_batch([(once.raw_key, once)])
    assert stored_type() == "ORG"  # one article each: the six mentions decide
    again = typed("Later Lena Dravic left Lindholm.", "PERSON", 1)
    store.write_batch([(again.raw_key, again)])
    assert stored_type() == "PERSON"
    assert store.query("SELECT surname FROM entities") == [{"surname": "dravic"}]
    _recount_matches(store)


def _recount_matches(store: Store) -> None:
    """The merged entities agree with a recount of the stored mentions, and no entity is left
    without a mention."""
    recount = {r["entity_id"]: (r["n"], r["a"]) for r in store.query(
        "SELECT entity_id, count(*) AS n, count(DISTINCT article_id) AS a FROM mentions GROUP BY entity_id")}
    merged = {e["id"]: (e["n_mentions"], e["n_articles"]) for e in records(store, "entities")}
    assert merged == recount


def test_store_an_edited_file_replaces_its_earlier_revision(store: Store) -> None:
    first = _result("Ingrid Halvorsen spoke in Lindholm.", "Ingrid Halvorsen", "Ingrid Halvorsen", None, None,
                    "ingrid halvorsen")
    store.write_batch([(first.raw_key, first)], "v1")
    edited = _result("Marek Tovin spoke in Lindholm on Friday.", "Marek Tovin", "Marek Tovin", None, None,
                     "marek tovin")
    edited = dataclasses.replace(edited, article=dataclasses.replace(edited.article, origin=first.article.origin))
    counts = store.write_batch([(edited.raw_key, edited)], "v1")
    assert (counts.new, counts.revised) == (1, 1)
    assert [a["id"] for a in records(store, "articles")] == [edited.article.id]
    kept = store.query("SELECT id, superseded_by, text FROM article_revisions")
    assert kept == [{"id": first.article.id, "superseded_by": edited.article.id, "text": first.article.text}]
    assert [e["name"] for e in records(store, "entities")] == ["Marek Tovin"]  # Halvorsen had only that text
    _recount_matches(store)
    assert store.write_batch([(edited.raw_key, edited)], "v1").unchanged == 1  # reading it again: nothing


def test_store_a_summary_from_the_same_url_does_not_replace_the_full_text(store: Store) -> None:
    full = _result("Ingrid Halvorsen spoke in Lindholm for an hour about the border, the mines and the "
                   "missing persons, then left.", "Ingrid Halvorsen", "Ingrid Halvorsen", None, None,
                   "ingrid halvorsen")
    full = dataclasses.replace(full, article=dataclasses.replace(full.article, url="https://example.org/a"))
    summary = _result("Ingrid Halvorsen spoke.", "Ingrid Halvorsen", "Ingrid Halvorsen", None, None,
                      "ingrid halvorsen")
    summary = dataclasses.replace(summary, article=dataclasses.replace(summary.article, url="https://example.org/a"))
    store.write_batch([(full.raw_key, full)])
    counts = store.write_batch([(summary.raw_key, summary)])
    assert (counts.new, counts.unchanged) == (0, 1)
    assert [a["id"] for a in records(store, "articles")] == [full.article.id]
    assert store.query("SELECT status, article_id FROM inputs WHERE raw_key = ?", [summary.raw_key]) == [
        {"status": "shorter", "article_id": full.article.id}]


def test_store_reanalysis_swaps_records_and_keeps_totals(store: Store) -> None:
    old = _result("Ingrid Halvorsen met Marek Tovin in Lindholm.", "Ingrid Halvorsen", "Ingrid Halvorsen", None,
                  None, "ingrid halvorsen")
    store.write_batch([(old.raw_key, old)], "storyline 0.0.1")
    assert store.stale_articles("storyline 0.2") == [old.article.id]
    (article,) = store.articles([old.article.id])
    assert article.text == old.article.text
    start = article.text.index("Marek Tovin")
    eid = "e-marek tovin"
    redone = ArticleResult(article, mentions=(Mention(article.id, start, start + 11, "Marek Tovin", "PERSON", eid),),
                           entities=(Entity(eid, "Marek Tovin", "PERSON", ("Marek Tovin",), (), None, 1, 1,
                                            "marek tovin"),))
    counts = store.replace_analyses([redone], "storyline 0.2")
    assert counts.new == 1 and store.stale_articles("storyline 0.2") == []
    assert [e["name"] for e in records(store, "entities")] == ["Marek Tovin"]
    assert [a["id"] for a in records(store, "articles")] == [old.article.id]
    _recount_matches(store)


def test_store_migrations_upgrade_a_store_that_holds_records(tmp_path: Path) -> None:
    """Each migration runs on a store written by the version before it, not only on an empty one."""
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    shipped = available()
    for version, name, sql in shipped:  # a store as release 0.7 (migration 007) left it
        if version <= 7:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
    con.execute("INSERT INTO articles (id, text, origin, analysed, ingested_at) "
                "VALUES ('a1', 'Ingrid Halvorsen spoke.', 'news/a1.txt', true, now()), "
                "('a2', 'Halvorsen agreed.', 'news/a2.txt', true, now()), "
                "('a3', 'Tor Halvorsen left.', 'news/a3.txt', true, now())")
    con.execute("INSERT INTO mentions VALUES ('a1', 0, 16, 'Ingrid Halvorsen', 'PERSON', 'e1'), "
                "('a2', 0, 9, 'Halvorsen', 'PERSON', 'e1')")
    # a2 names her by surname only, and was joined to her when Tor Halvorsen was not yet known
    con.execute("INSERT INTO article_entities VALUES ('a1', 'e1', 'ingrid halvorsen', 'Ingrid Halvorsen', "
                "'PERSON', NULL, 1), ('a2', 'e1', 'ingrid halvorsen', 'Halvorsen', 'PERSON', NULL, 1), "
                "('a3', 'e2', 'tor halvorsen', 'Tor Halvorsen', 'PERSON', NULL, 1), "
                "('a3', 'e3', 'hca', 'HCA', 'ORG', NULL, 1), ('a3', 'e4', 'fed', 'Fed', 'ORG', NULL, 1), "
                "('a1', 'e5', 'lena dravic', 'Lena Dravic', 'PERSON', NULL, 1), "
                "('a2', 'e5', 'lena dravic', 'Lena Dravic', 'PERSON', NULL, 1), "
                "('a3', 'e5', 'lena dravic', 'Lena Dravic', 'ORG', NULL, 6)")
    con.execute("INSERT INTO entities (id, key, name, type, aliases, n_mentions, n_articles, surname) VALUES "
                "('e1', 'ingrid halvorsen', 'Ingrid Halvorsen', 'PERSON', '[]', 2, 2, 'halvorsen'), "
                "('e2', 'tor halvorsen', 'Tor Halvorsen', 'PERSON', '[]', 1, 1, 'halvorsen'), "
                "('e5', 'lena dravic', 'Lena Dravic', 'ORG', '[]', 8, 3, NULL)")
    con.execute("INSERT INTO events VALUES ('ev1', 'a1', 'CONSULT', NULL, 'occurred', NULL, NULL, "
                "'[{\"entity_id\": \"e1\", \"name\": \"Ingrid Halvorsen\", \"role\": \"mediator\"}, "
                "{\"entity_id\": null, \"name\": \"the envoys\", \"role\": \"participant\"}]', "
                "NULL, '[]', 1, '[]')")
    con.execute("INSERT INTO stories VALUES ('s1', 'Ingrid Halvorsen', '[\"a1\"]', '[\"ev1\"]', NULL, NULL, "
                "'[\"e1\"]'), ('s2', 'nobody', '[\"a3\"]', '[]', NULL, NULL, '[]')")
    con.close()
    with Store(path) as upgraded:
        assert upgraded.pending_migrations() == []
        assert [a["id"] for a in records(upgraded, "articles")] == ["a1", "a2", "a3"]
        # 008: stored events wait to be merged, indexed by the actors they name
        assert upgraded.pending_events() == ["ev1"]
        keys = upgraded.query("SELECT * FROM event_keys")
        assert keys == [{"entity_id": "e1", "event_id": "ev1", "article_id": "a1"}]
        # 009: a2's join is known as one by surname, and is checked by the next run (two Halvorsens)
        own = upgraded.query("SELECT article_id, own_key FROM article_entities WHERE entity_id <> 'e5' "
                             "ORDER BY article_id, entity_id")
        assert [r["own_key"] for r in own] == ["ingrid halvorsen", "halvorsen", "tor halvorsen", "hca", "fed"]
        # (016: pending under the spelling block of the surname, checked like every other block)
        assert "hlvrsn" in upgraded.pending_blocks()
        weights = upgraded.full_name_weights(["hlvrsn"])
        assert weights == {"hlvrsn": {"ingrid halvorsen": 1, "tor halvorsen": 1}}
        assert upgraded.joined_otherwise({"halvorsen": None}) == ["a2"]
        # 010: story records still name their events (an article event not merged yet by its own id)
        told = upgraded.query("SELECT id, event_ids FROM story_records ORDER BY id")
        assert told == [{"id": "s1", "event_ids": '["ev1"]'}, {"id": "s2", "event_ids": "[]"}]
        # 013: an acronym an article names alone is filed under itself; nothing spells it out yet
        filed = upgraded.query("SELECT own_key, initials FROM article_entities WHERE initials IS NOT NULL")
        assert filed == [{"own_key": "hca", "initials": "hca"}]
        assert upgraded.pending_initials() == [] and upgraded.spelled_weights(["hca"]) == {"hca": {}}
        # 015: the type most articles give, not the one of most mentions (6 in one article)
        dravic = upgraded.query("SELECT type, surname FROM entities WHERE id = 'e5'")
        assert dravic == [{"type": "PERSON", "surname": "dravic"}]


def _count_from_another_process(db: Path) -> int | str:
    """What another process sees: the number of stored articles, or 'busy' when it cannot open the file."""
    import subprocess
    import sys

    code = (f"import duckdb\ntry:\n    c = duckdb.connect({str(db)!r}, read_only=True)\n"
            "    print(c.execute('SELECT count(*) FROM articles').fetchone()[0])\n"
            "except duckdb.IOException:\n    print('busy')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    return int(out) if out.isdigit() else out


def test_store_released_lets_other_processes_read_and_reopens_on_use(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    s = Store(db)
    s.write_batch([("raw-1", _result("Anika Voss spoke.", "Anika Voss", "Anika Voss", None, None, "anika voss"))])
    assert _count_from_another_process(db) == "busy"  # DuckDB: one process has a file open for writing
    s.release()
    assert _count_from_another_process(db) == 1
    s.write_batch([("raw-2", _result("Ivo Marn spoke.", "Ivo Marn", "Ivo Marn", None, None, "ivo marn"))])
    assert s.counts()["articles"] == 2
    s.close()
    memory = Store(":memory:")
    memory.write_batch([("raw-1", _result("Anika Voss spoke.", "Anika Voss", "Anika Voss", None, None, "anika voss"))])
    memory.release()  # an in-memory store would lose everything: it is kept
    assert memory.counts()["articles"] == 1


def test_store_released_waits_for_a_reader_to_let_go(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "s.duckdb"
    s = Store(db)
    s.release()
    reader = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}, "
                               "read_only=True); print('reading', flush=True); time.sleep(1.5)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        assert s.counts()["articles"] == 0  # waits the reader out instead of failing
        assert reader.poll() is not None
    finally:
        reader.kill()
        reader.wait()
        s.close()
