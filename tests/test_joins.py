"""Bare surnames across articles: "Tovin said" joins the person the store's articles mostly mean
by a full name ending in it, whatever order the articles come in (resolve/entities.py,
pipeline.rejoin). Acronyms likewise: "the HCA" joins the name that articles calling it so spell
out."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.config import Options
from storyline.gazetteer import block_key
from storyline.model import Article, ArticleResult, Entity, Mention, Rejected, article_id, entity_id
from storyline.pipeline import ingest, reanalyse
from storyline.store import migrations
from storyline.store.duckdb import Store

JOINS = Path(__file__).resolve().parent / "fixtures" / "joins"
SURNAME, FULL, OTHER, MIDDLE = sorted(JOINS.glob("*.txt"))
ACRONYMS = Path(__file__).resolve().parent / "fixtures" / "acronyms"
ACRONYM_ONLY, SPELLED_OUT, SAME_INITIALS, TWO_SPELL_IT = sorted(ACRONYMS.glob("*.txt"))


def _person(text: str, name: str) -> ArticleResult:
    """An article naming one person as written (a bare surname stays a key of its own)."""
    a = Article(article_id(text), text, f"{name}.txt")
    key = name.lower()
    start = text.index(name)
    return ArticleResult(a, mentions=(Mention(a.id, start, start + len(name), name, "PERSON", entity_id(key)),),
                         entities=(Entity(entity_id(key), name, "PERSON", (name,), n_mentions=1, key=key),),
                         raw_key="raw-" + a.id)


def test_joins_the_store_notes_the_spelling_blocks_whose_full_names_change() -> None:
    with Store(":memory:") as store:
        bare = _person("Tovin spoke.", "Tovin")
        store.write_batch([(bare.raw_key, bare)])
        # A bare surname changes no full name, but how articles type the word alone: a "Tovin"
        # typed ORG elsewhere may be a person's surname now.
        assert store.pending_blocks() == ["tvn"] and store.bare_name_types(["tovin"]) == {"tovin": {"PERSON": 1}}
        store.forget_blocks(["tvn"])
        full = _person("Mira Tovin spoke.", "Mira Tovin")
        store.write_batch([(full.raw_key, full)])
        assert store.pending_blocks() == ["tvn"]
        assert store.full_name_weights(["tvn"]) == {"tvn": {"mira tovin": 1}}
        assert store.joined_otherwise({"tovin": "mira tovin"}) == [bare.article.id]
        # Analysed again, the surname joins her; the join does not count as naming her in full.
        mira = entity_id("mira tovin")
        joined = dataclasses.replace(
            bare, mentions=tuple(dataclasses.replace(m, entity_id=mira) for m in bare.mentions),
            entities=tuple(dataclasses.replace(e, id=mira, key="mira tovin") for e in bare.entities),
            joined=((mira, "tovin"),))
        store.replace_analyses([joined], "test")
        store.forget_blocks(["tvn"])
        assert store.pending_blocks() == [] and store.joined_otherwise({"tovin": "mira tovin"}) == []
        assert store.full_name_weights(["tvn"]) == {"tvn": {"mira tovin": 1}}
        assert store.query("SELECT own_key, key FROM article_entities WHERE article_id = ?", [bare.article.id]) == \
            [{"own_key": "tovin", "key": "mira tovin"}]
        # A second Tovin: the surname is checked again, and the join is wrong if nobody dominates.
        other = _person("Daniel Tovin spoke.", "Daniel Tovin")
        store.write_batch([(other.raw_key, other)])
        assert store.pending_blocks() == ["tvn"]
        assert store.joined_otherwise({"tovin": None}) == [bare.article.id]
        # Unrelated names note nothing else.
        unrelated = _person("Ivo Rask spoke.", "Ivo Rask")
        store.write_batch([(unrelated.raw_key, unrelated)])
        assert store.pending_blocks() == ["rsk", "tvn"]


def _state(store: Store) -> tuple[object, ...]:
    """What the store says about people, in terms that do not depend on ingest times."""
    names = {r["id"]: Path(r["origin"]).name for r in store.query("SELECT id, origin FROM articles")}
    entities = sorted((r["id"], r["name"], r["n_articles"], r["n_mentions"])
                      for r in store.query("SELECT * FROM entities"))
    per_article = sorted((names[r["article_id"]], r["entity_id"], r["own_key"])
                         for r in store.query("SELECT * FROM article_entities"))
    quotes = sorted((names[r["article_id"]], r["speaker_id"]) for r in store.query("SELECT * FROM quotes"))
    events = sorted((r["id"], str(r["actors"])) for r in store.query("SELECT * FROM merged_events"))
    stories = sorted((r["id"], str(r["article_ids"])) for r in store.query("SELECT * FROM stories"))
    return entities, per_article, quotes, events, stories


def _ingest_one_by_one(db: Path, paths: tuple[Path, ...]) -> Store:
    store = Store(str(db))
    for p in paths:  # each file a run of its own, as articles arrive day by day
        ingest([str(p)], store, Options())
    return store


def _tovins(store: Store) -> dict[str, int]:
    return {r["name"]: r["n_articles"] for r in store.query("SELECT * FROM entities WHERE key LIKE '%tovin'")}


@pytest.mark.model
def test_joins_do_not_depend_on_reading_order(tmp_path: Path) -> None:
    states = {}
    for n, order in enumerate(itertools.permutations((SURNAME, FULL))):
        with _ingest_one_by_one(tmp_path / f"two{n}.duckdb", order) as store:
            states[order] = _state(store)
            assert _tovins(store) == {"Mira Tovin": 2}  # "Tovin told reporters" is her
            assert store.pending_blocks() == []
    first, *rest = states.values()
    assert all(state == first for state in rest)
    states = {}
    for n, order in enumerate(itertools.permutations((SURNAME, FULL, OTHER))):
        with _ingest_one_by_one(tmp_path / f"three{n}.duckdb", order) as store:
            states[order] = _state(store)
            # With Daniel Tovin known too, the bare surname is nobody's for sure.
            assert _tovins(store) == {"Mira Tovin": 1, "Daniel Tovin": 1, "Tovin": 1}
    first, *rest = states.values()
    assert all(state == first for state in rest)


@pytest.mark.model
def test_joins_a_short_full_name_joins_its_fuller_form_whatever_the_order(tmp_path: Path) -> None:
    states = {}
    for n, order in enumerate(itertools.permutations((SURNAME, FULL, MIDDLE))):
        with _ingest_one_by_one(tmp_path / f"middle{n}.duckdb", order) as store:
            states[order] = _state(store)
            # "Mira Tovin" is "Mira K. Tovin", and so is the bare "Tovin", whichever came first.
            assert _tovins(store) == {"Mira K. Tovin": 3}
            assert store.pending_blocks() == []
    first, *rest = states.values()
    assert all(state == first for state in rest)


def test_joins_a_person_typed_as_a_place_still_joins_a_fuller_name_but_a_one_word_place_does_not() -> None:
    from storyline.resolve.entities import resolve_entities

    def typed(result: ArticleResult, kind: str) -> ArticleResult:
        return dataclasses.replace(result, entities=tuple(dataclasses.replace(e, type=kind) for e in result.entities),
                                   mentions=tuple(dataclasses.replace(m, type=kind) for m in result.mentions))

    known = {"maurice tovin": 3}
    mo = resolve_entities(typed(_person("Mo Tovin spoke.", "Mo Tovin"), "GPE"),
                          lambda b: known if b == block_key("tovin") else {})
    maurice = entity_id("maurice tovin")
    assert [e.id for e in mo.entities] == [maurice] and mo.joined == ((maurice, "mo tovin"),)
    assert [m.entity_id for m in mo.mentions] == [maurice]
    place = typed(_person("Tovin spoke.", "Tovin"), "GPE")
    assert resolve_entities(place, lambda s: known) == place


def _typed_person(text: str, name: str, kind: str, key: str | None = None) -> ArticleResult:
    """An article naming one name, typed as the tagger might have typed it."""
    r = _person(text, name)
    key = key or name.lower()
    return dataclasses.replace(
        r, entities=tuple(dataclasses.replace(e, type=kind, id=entity_id(key), key=key) for e in r.entities),
        mentions=tuple(dataclasses.replace(m, type=kind, entity_id=entity_id(key)) for m in r.mentions))


def _feed(store: Store, results: list[ArticleResult]) -> int:
    """Each result stored as a batch of its own, joins checked at the end, as one run; returns
    how many stored articles the check redid."""
    summary = pipeline.IngestSummary()
    for r in results:
        pipeline._store_output(pipeline.BatchOutput([r], {}, [r.raw_key]), store, summary, None, "test")
    return pipeline.rejoin(store, Options(), summary)


def _store_one_by_one(results: list[ArticleResult]) -> list[dict[str, object]]:
    """What the store joined, the results fed one by one into a fresh store."""
    with Store(":memory:") as store:
        _feed(store, results)
        return store.query("SELECT own_key, key, type FROM article_entities ORDER BY ALL")


def test_joins_of_mistyped_and_counted_names_do_not_depend_on_the_order() -> None:
    mo = _typed_person("Mo Tovin was mentioned.", "Mo Tovin", "GPE")
    maurice = _typed_person("Maurice Tovin coached.", "Maurice Tovin", "PERSON")
    assert _store_one_by_one([mo, maurice]) == _store_one_by_one([maurice, mo])
    assert {"own_key": "mo tovin", "key": "maurice tovin", "type": "GPE"} in _store_one_by_one([mo, maurice])
    # A stored article analysed again must not count its names twice while its joins are redone.
    short = _typed_person("S: Regina Tovin spoke.", "Regina Tovin", "PERSON")
    fuller = [_typed_person(f"R{i}: Regina M. Tovin spoke.", "Regina M. Tovin", "PERSON", "regina m. tovin")
              for i in range(2)]
    bare = _typed_person("T: Tovin was there.", "Tovin", "PERSON")
    other = _typed_person("U: Tom Tovin spoke.", "Tom Tovin", "PERSON")
    orders = ([short, *fuller, bare, other], [other, *fuller, short, bare], [bare, other, short, *fuller])
    first, *rest = (_store_one_by_one(list(o)) for o in orders)
    assert all(r == first for r in rest)


def test_joins_a_one_word_place_is_never_redone_for_a_person_of_that_surname() -> None:
    with Store(":memory:") as store:
        _feed(store, [_typed_person(f"G{i}: Brovania struck.", "Brovania", "GPE") for i in range(20)]
              + [_typed_person("Ana Brovania spoke.", "Ana Brovania", "PERSON")])
        assert _feed(store, [_typed_person("Bank of Brovania raised rates.", "Bank of Brovania", "ORG")]) == 0


def test_joins_which_names_shorten_which() -> None:
    from storyline.gazetteer import shortens
    from storyline.resolve.entities import full_form, person_weights, target

    assert shortens("regina benjamin", "regina m. benjamin")
    assert shortens("mo cheeks", "maurice cheeks") and shortens("chris murphy", "christopher murphy")
    assert not shortens("george w. bush", "george h. w. bush")  # only a two-word name shortens
    assert not shortens("regina benjamin", "walter benjamin") and not shortens("mo cheeks", "mo cheeks")
    assert shortens("chris murphy", "christopher s. murphy")  # a short given name and a middle initial
    assert shortens("jerry nadler", "jerrold nadler") and not shortens("jerry nadler", "john nadler")
    # a surname opened by particles is the end of the fuller name, whatever its length
    assert shortens("de mistura", "staffan de mistura") and shortens("von der leyen", "ursula von der leyen")
    assert not shortens("de mistura", "de mistura") and not shortens("van dijk", "anna de dijk")
    # a middle name joins its initial, the form news writes; never the other way, nor another initial
    assert shortens("donald john trump", "donald j. trump") and shortens("george walker bush", "george w bush")
    assert not shortens("donald j. trump", "donald john trump") and not shortens("george walker bush", "george h. bush")
    # the name one goes by, without the first of three
    assert shortens("javad zarif", "mohammad javad zarif") and not shortens("mohammad javad zarif", "javad zarif")
    assert not shortens("w. bush", "h. w. bush") and not shortens("javad zarif", "mohammad jalal zarif")
    assert not shortens("cokie roberts", "podcast cokie roberts")  # a word run in from the page
    assert target("de mistura", {"staffan de mistura": 5, "de mistura": 3}) == "staffan de mistura"
    bushes = {"george bush": 10, "george w. bush": 60, "george h. w. bush": 30}
    assert full_form("george bush", bushes) is None  # W and H. W. are 60/40: no guess
    assert target("bush", bushes) is None
    benjamins = {"regina benjamin": 11, "regina m. benjamin": 2, "walter benjamin": 1}
    assert full_form("regina benjamin", benjamins) == "regina m. benjamin"
    assert person_weights(benjamins) == {"regina m. benjamin": 13, "walter benjamin": 1}
    assert target("benjamin", benjamins) == "regina m. benjamin"  # 13 of 14, where 11 of 14 was not enough
    assert target("regina m. benjamin", benjamins) is None  # the fuller form joins nothing


@pytest.mark.model
def test_joins_noted_before_an_interruption_are_redone_by_the_next_run(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with _ingest_one_by_one(tmp_path / "whole.duckdb", (SURNAME, FULL)) as whole:
        expected = _state(whole)
    store = Store(str(tmp_path / "s.duckdb"))
    ingest([str(SURNAME)], store, Options())
    # The second run stops after storing its batch, before redoing the join it made wrong.
    with monkeypatch.context() as m:
        m.setattr(pipeline, "rejoin", lambda *args: 0)
        ingest([str(FULL)], store, Options())
    assert {"srnsn", "tvn"} <= set(store.pending_blocks()) and _tovins(store) == {"Mira Tovin": 1, "Tovin": 1}
    summary = reanalyse(store, Options())  # or the next ingest
    assert summary.rejoined == 1 and store.pending_blocks() == []
    assert _state(store) == expected
    store.close()


@pytest.mark.model
@pytest.mark.model
def test_joins_stored_analyses_load_back_as_the_records_they_were_written_from() -> None:
    from datetime import datetime

    from storyline.pipeline import _resolve, process_batch
    from storyline.resolve.entities import unjoin
    from storyline.store.duckdb import DERIVED_TABLES, _article_rows

    def rows(results: list[ArticleResult | Rejected]) -> dict[str, list[str]]:
        out: dict[str, list[list[object]]] = {t: [] for t in (*DERIVED_TABLES, "articles")}
        for r in results:
            assert isinstance(r, ArticleResult)
            _article_rows(r, out, datetime(2025, 1, 1), "x")
        return {t: sorted(map(repr, out[t])) for t in DERIVED_TABLES}

    fixtures = Path(__file__).resolve().parent / "fixtures"
    paths = [str(p) for p in sorted(fixtures.glob("articles/talks_*.txt"))] + [
        str(fixtures / "stories" / "harbour.txt"), str(SURNAME), str(fixtures / "figures" / "clashes.txt")]
    with Store(":memory:") as store, Store(":memory:") as empty:
        ingest(paths, store, Options())
        ids = [r["id"] for r in store.query("SELECT id FROM articles WHERE analysed ORDER BY id")]
        loaded = store.load_results(ids)
        assert [r.article.id for r in loaded] == ids
        assert any(r.joined for r in loaded)  # "Tovin told reporters" is joined to Marek Tovin
        assert {c.what for r in loaded for e in r.events for c in e.counts} >= {"arrested", "duration"}
        # Joined again on the same store, the loaded records are those a fresh analysis gives.
        fresh = _resolve(process_batch(store.articles(ids), Options()).results, store)
        assert rows(_resolve([unjoin(r) for r in loaded], store)) == rows(fresh)
        # Undone, the join is gone where there is nobody to join.
        alone = _resolve([unjoin(r) for r in loaded], empty)
        assert not any(isinstance(r, ArticleResult) and r.joined for r in alone)


def test_joins_which_names_an_acronym_spells() -> None:
    from storyline.gazetteer import initials, is_acronym, spelled

    assert initials("national rifle association") == "nra"
    assert initials("national association for the advancement of colored people") == "naacp"
    assert initials("organization for security and co-operation in europe") == "osce"
    assert initials("nato") is None and initials("u.s. senate") is None and initials("g7 summit") is None
    assert is_acronym("NRA") and is_acronym("NATO") and not is_acronym("U.S.") and not is_acronym("Fed")
    assert not is_acronym("N") and not is_acronym("WASHINGTONDC")
    # An acronym named alone is filed under itself; a name under its acronym only where the
    # article calls it by that acronym too.
    assert spelled("nra", "ORG", "NRA", ["NRA"]) == "nra"
    assert spelled("national rifle association", "ORG", "National Rifle Association",
                   ["NRA", "National Rifle Association"]) == "nra"
    assert spelled("national rifle association", "ORG", "National Rifle Association",
                   ["National Rifle Association"]) is None
    assert spelled("nra", "PERSON", "NRA", ["NRA"]) is None and spelled("fed", "ORG", "Fed", ["Fed"]) is None
    # other letters only as an article defines them ("Kosovo Force (KFOR)"), never a word of the
    # name that reached its forms by another way
    assert spelled("kosovo force", "ORG", "Kosovo Force", ["KFOR", "Kosovo Force"]) == "kfor"
    assert spelled("california gop", "ORG", "California GOP", ["California GOP", "GOP"]) is None
    assert spelled("north atlantic treaty organization", "ORG", "NATO", ["Nato", "NATO"]) == "nato"
    assert is_acronym("Nato") and not is_acronym("Nat")  # a word-like acronym has four letters or more
    assert spelled("united states", "GPE", "United States", ["US", "United States"]) is None  # a country


def organisation(text: str, name: str, forms: tuple[str, ...], url: str | None = None) -> ArticleResult:
    """An article naming one organisation by these forms (its name, an acronym)."""
    a = Article(article_id(text), text, url or f"{name}.txt", url=url)
    key = name.lower()
    mentions = tuple(Mention(a.id, text.index(f), text.index(f) + len(f), f, "ORG", entity_id(key)) for f in forms)
    return ArticleResult(a, mentions=mentions, raw_key="raw-" + a.id, entities=(
        Entity(entity_id(key), name, "ORG", tuple(sorted(forms)), n_mentions=len(forms), key=key),))


def test_joins_an_acronym_is_checked_against_acronym_targets_only() -> None:
    with Store(":memory:") as store:
        alone = organisation("The PAC spent heavily.", "PAC", ("PAC",))
        spelled = organisation("The Patriot Action Committee, or PAC, spent.", "Patriot Action Committee",
                               ("PAC", "Patriot Action Committee"))
        store.write_batch([(alone.raw_key, alone)])
        assert store.pending_initials() == []  # an acronym named alone spells nothing out
        store.write_batch([(spelled.raw_key, spelled)])
        assert store.pending_initials() == ["pac"]
        assert store.spelled_weights(["pac"]) == {"pac": {"patriot action committee": 1}}
        assert store.joined_otherwise({}, {"pac": "patriot action committee"}) == [alone.article.id]
        assert store.joined_otherwise({}, {"pac": None}) == []
        # a person named by that word is no reason to redo the acronym, nor the reverse
        person = _person("Pac spoke.", "Pac")
        store.write_batch([(person.raw_key, person)])
        assert store.joined_otherwise({"pac": "sarah pac"}) == [person.article.id]
        assert store.joined_otherwise({}, {"pac": "patriot action committee"}) == [alone.article.id]


def _organisations(store: Store) -> dict[str, tuple[int, list[str]]]:
    import json

    return {r["name"]: (r["n_articles"], json.loads(r["aliases"])) for r in store.query(
        "SELECT * FROM entities WHERE key LIKE 'h% %' OR key = 'hca'")}


@pytest.mark.model
def test_joins_an_acronym_joins_the_name_articles_spell_it_out_whatever_the_order(tmp_path: Path) -> None:
    states = {}
    for n, order in enumerate(itertools.permutations((ACRONYM_ONLY, SPELLED_OUT, SAME_INITIALS))):
        with _ingest_one_by_one(tmp_path / f"acronym{n}.duckdb", order) as store:
            states[order] = _state(store)
            # "The HCA" alone is the Harbour Carriers Association, which another article calls
            # so; the Hollow Creek Alliance has the same initials, but nobody calls it "HCA".
            assert _organisations(store) == {
                "Harbour Carriers Association": (2, ["HCA", "Harbour Carriers Association"]),
                "Hollow Creek Alliance": (1, ["Hollow Creek Alliance"])}
            assert store.pending_initials() == []
    with Store(str(tmp_path / "all.duckdb")) as store:  # all three in one run, one batch
        ingest([str(ACRONYM_ONLY), str(SPELLED_OUT), str(SAME_INITIALS)], store, Options())
        states["all at once"] = _state(store)
    first, *rest = states.values()
    assert all(state == first for state in rest)


def test_joins_names_of_an_article_the_store_does_not_keep_are_checked_again() -> None:
    """A feed's summary of a stored page is analysed, and its names counted in the batch, but the
    store keeps the fuller page: what the summary alone spelled out must not stay joined."""
    from storyline.pipeline import IngestSummary, _resolve, rejoin

    page = organisation("The Harbour Carriers Association met the port authority today. " + "More. " * 80,
                        "Harbour Carriers Association", ("Harbour Carriers Association",), "https://news.example/a")
    summary = organisation("The Harbour Carriers Association, or HCA, met.", "Harbour Carriers Association",
                           ("HCA", "Harbour Carriers Association"), "https://news.example/a")
    alone = organisation("The HCA refused the offer.", "HCA", ("HCA",), "https://news.example/b")
    with Store(":memory:") as store:
        for batch in ([page], [summary, alone]):
            results = _resolve(batch, store)
            store.write_batch([(r.raw_key, r) for r in results if isinstance(r, ArticleResult)])
            rejoin(store, Options(), IngestSummary())
        assert store.stored_articles([summary.article.id]) == set()  # the shorter text is not kept
        own = store.query("SELECT own_key, key FROM article_entities WHERE article_id = ?", [alone.article.id])
        assert own == [{"own_key": "hca", "key": "hca"}]  # nothing stored spells "HCA" out


@pytest.mark.model
def test_joins_an_acronym_two_names_spell_stays_apart(tmp_path: Path) -> None:
    with _ingest_one_by_one(tmp_path / "two.duckdb", (TWO_SPELL_IT,)) as store:
        assert _organisations(store) == {"Harbour Carriers Association": (1, ["Harbour Carriers Association"]),
                                         "Harbour Cleaning Authority": (1, ["Harbour Cleaning Authority"]),
                                         "HCA": (1, ["HCA"])}
        # Once another article spells it out, "the HCA" named alone elsewhere is the carriers';
        # in the article naming both organisations it still stays apart.
        ingest([str(SPELLED_OUT), str(ACRONYM_ONLY)], store, Options())
        names = _organisations(store)
        assert names["Harbour Carriers Association"][0] == 3 and names["HCA"] == (1, ["HCA"])


def test_joins_which_names_misspell_which() -> None:
    from storyline.gazetteer import misspells, misspelt, spelling_block
    from storyline.resolve.entities import person_weights, target

    slips = [("lindsay", "lindsey"), ("morsy", "morsi"), ("stacy", "stacey"), ("diane", "dianne"),
             ("preibus", "priebus"), ("barasso", "barrasso"), ("nuri", "nouri"), ("sisi", "sissi")]
    assert all(misspelt(a, b) and misspelt(b, a) for a, b in slips)
    # another consonant, two slips, a short word's vowel or a plural are other names
    others = [("ivana", "ivanka"), ("braun", "brown"), ("young", "yang"), ("miller", "mueller"),
              ("hill", "hall"), ("romneys", "romney"), ("baker", "baker"), ("levin", "lev")]
    assert not any(misspelt(a, b) for a, b in others)
    assert misspells("mohamed morsy", "mohamed morsi") and misspells("lindsay graham", "lindsey graham")
    assert not misspells("lindsay graham", "lindsey grahams") and not misspells("ann morsy", "anna morsi")
    assert not misspells("morsy", "morsi")  # a bare surname is no full name
    assert spelling_block("morsi") == spelling_block("morsy") == "mrs"
    assert spelling_block("barrasso") == spelling_block("barasso") == "brs" and spelling_block("") == ""
    # A slip joins the spelling three times as many articles use, and at least four of them.
    grahams = {"lindsey graham": 42, "lindsay graham": 2, "billy graham": 3}
    assert target("lindsay graham", grahams) == "lindsey graham"
    assert target("lindsey graham", grahams) is None
    assert target("mark levine", {"mark levin": 2, "mark levine": 1}) is None  # two people, as often named
    assert target("lindsay graham", {"lindsey graham": 5, "lindsay graham": 2}) is None
    assert target("james bakker", {"james baker": 3, "james bakker": 1}) is None
    # A bare surname is whom the full names of its own surname mean, misspelt ones counted under
    # their right spelling; a bare word misspells nobody.
    morsis = {"mohamed morsi": 5, "mohamed morsy": 1}
    assert person_weights(morsis, "morsy") == {"mohamed morsi": 1}
    assert target("morsy", morsis) == target("morsi", morsis) == "mohamed morsi"
    assert target("morsy", {"mohamed morsi": 5}) is None and target("fire", {"michelle fiore": 9}) is None
    assert target("levine", {"mark levin": 9, "ann levine": 1}) == "ann levine"


def test_joins_a_name_romanised_several_ways_is_one_person() -> None:
    from storyline.gazetteer import spelling_block, transliterates, transliterates_name
    from storyline.resolve.entities import target

    assert spelling_block("qaddafi") == spelling_block("gadhafi") == spelling_block("gaddafi") == "gdf"
    assert transliterates("qaddafi", "gadhafi") and transliterates("gaddafi", "gadhafi")
    assert transliterates("qassem", "qassim") and transliterates("qasem", "qassem")
    # English names rarely open with a "q" without "u" or have a "dh" between vowels: theirs stay
    # slips to weigh; pinyin's "q" is its own, and an "h" dropped elsewhere makes another name
    assert not any(transliterates(a, b) for a, b in [
        ("levin", "levine"), ("baker", "bakker"), ("quinn", "guinn"), ("kelly", "gelly"), ("qiang", "gang"),
        ("sandy", "sandhu"), ("sandu", "sandhu"), ("kan", "khan"), ("dillon", "dhillon"), ("adam", "adham"),
        ("kidder", "khadder"), ("bakari", "bokhari")])
    assert not transliterates("qaddafi", "gadafi", slips=False) and transliterates("qaddafi", "gadafi")
    assert transliterates_name("muammar qaddafi", "moammar gadhafi")
    assert not transliterates_name("ann qaddafi", "anna gadhafi")  # "ann", "anna": two names
    assert not transliterates_name("moammar gadhafi", "moammar gadhafi")
    assert not transliterates_name("qaddafi", "gadhafi")  # a bare surname is no full name
    # every spelling joins the one most articles use, and no spelling need use three times as many
    libya = {"muammar qaddafi": 2, "moammar gadhafi": 5, "muammar gaddafi": 1}
    assert target("muammar qaddafi", libya) == target("muammar gaddafi", libya) == "moammar gadhafi"
    assert target("moammar gadhafi", libya) is None
    assert target("qaddafi", libya) == target("gaddafi", libya) == target("gadhafi", libya) == "moammar gadhafi"
    # a tie goes to the first spelling in alphabetical order, whichever article came first
    assert target("muammar qaddafi", {"muammar qaddafi": 2, "moammar gadhafi": 2}) == "moammar gadhafi"
    assert target("moammar gadhafi", {"muammar qaddafi": 2, "moammar gadhafi": 2}) is None
    # a spelling alike to a heavier one that is alike to a heavier still joins the heaviest
    chain = {"muammar gadhafi": 4, "muammar qadhafi": 5, "muamar gadhafi": 5, "muammar gaddafi": 3}
    assert {k: target(k, chain) for k in chain} == {
        "muammar gadhafi": "muamar gadhafi", "muammar qadhafi": "muamar gadhafi", "muamar gadhafi": None,
        "muammar gaddafi": "muamar gadhafi"}
    # a bare word is no slip for a surname, however romanised
    assert target("sandy", {"harjit sandhu": 5}) is None and target("kan", {"sadiq khan": 5}) is None
    assert target("gadafi", {"moammar gadhafi": 5}) is None


def test_joins_the_store_blocks_spellings_as_the_code_does() -> None:
    from storyline.gazetteer import block_key

    names = ["Lindsay Graham", "Mohamed Morsy", "Mohamed Morsi", "John Barrasso", "Sisi", "Obama",
             "Ana Brovania", "A", "Marko Đurić", "Qassem Soleimani", "Yuki Aaa", "Brooke Llewellyn",
             "Muammar Qaddafi", "Moammar Gadhafi", "Jamal Khashoggi", "Dana Quinn"]
    with Store(":memory:") as store:
        for name in names:
            r = _person(f"{name} spoke.", name)
            store.write_batch([(r.raw_key, r)])
        stored = {r["own_key"]: r["block"] for r in store.query("SELECT own_key, block FROM article_entities")}
        assert stored == {k: block_key(k) for k in stored} and len(stored) == len(names)
        # migration 016 computes the blocks of stored names in SQL, and 018 those of names
        # romanised several ways again: the same
        store.con.execute("UPDATE article_entities SET block = NULL")
        sql = next(s for v, _, s in migrations.available() if v == 16)
        update = sql[sql.index("UPDATE article_entities"):sql.index("CREATE TABLE pending_blocks")]
        store.con.execute(update)
        # (a block only gathers names to weigh: "Quinn" meets "Guinn" there, and stays apart)
        romanised = {"muammar qaddafi", "moammar gadhafi", "jamal khashoggi", "dana quinn"}
        after_016 = {r["own_key"]: r["block"] for r in store.query("SELECT own_key, block FROM article_entities")}
        assert {k for k in stored if after_016[k] != stored[k]} == romanised
        store.con.execute("DELETE FROM pending_blocks")
        store.con.execute(next(s for v, _, s in migrations.available() if v == 18))
        assert {r["own_key"]: r["block"] for r in store.query("SELECT own_key, block FROM article_entities")} == stored
        # the old blocks of those names and their new ones are checked by the next run
        assert set(store.pending_blocks()) == {after_016[k] for k in romanised} | {stored[k] for k in romanised}
        # and migration 017 those of one-word names typed otherwise, which 016 left out
        store.con.execute("UPDATE article_entities SET block = NULL, type = 'ORG' WHERE own_key = 'obama'")
        sql = next(s for v, _, s in migrations.available() if v == 17)
        store.con.execute(sql)
        assert {r["own_key"]: r["block"] for r in store.query("SELECT own_key, block FROM article_entities")} == stored
        assert block_key("obama") in store.pending_blocks()


def _from(origin: str, r: ArticleResult) -> ArticleResult:
    """The result as if read from another file (a file read again is a revision of its article)."""
    return dataclasses.replace(r, article=dataclasses.replace(r.article, origin=origin))


def test_joins_a_misspelt_name_joins_the_spelling_most_articles_use_whatever_the_order() -> None:
    right = [_from(f"r{i}.txt", _typed_person(f"R{i}: Lindsey Tovrin spoke.", "Lindsey Tovrin", "PERSON"))
             for i in range(4)]
    slip = _typed_person("S: Lindsay Tovrin spoke.", "Lindsay Tovrin", "PERSON")
    bare = _typed_person("B: Tovrin was there.", "Tovrin", "PERSON")
    orders = ([slip, bare, *right], [*right, slip, bare], [right[0], slip, right[1], bare, *right[2:]])
    first, *rest = (_store_one_by_one(list(o)) for o in orders)
    assert all(r == first for r in rest)
    assert {"own_key": "lindsay tovrin", "key": "lindsey tovrin", "type": "PERSON"} in first
    assert {"own_key": "tovrin", "key": "lindsey tovrin", "type": "PERSON"} in first
    # Three articles of the right spelling are not enough to call the other a slip.
    assert {"own_key": "lindsay tovrin", "key": "lindsay tovrin", "type": "PERSON"} in \
        _store_one_by_one([slip, *right[:3]])


def test_joins_a_name_romanised_several_ways_joins_the_spelling_most_articles_use_whatever_the_order() -> None:
    q = [_from(f"q{i}.txt", _typed_person(f"Q{i}: Muammar Qaddafi spoke.", "Muammar Qaddafi", "PERSON"))
         for i in range(2)]
    dh = [_from(f"d{i}.txt", _typed_person(f"D{i}: Moammar Gadhafi spoke.", "Moammar Gadhafi", "PERSON"))
          for i in range(3)]
    dd = _typed_person("G: Muammar Gaddafi spoke.", "Muammar Gaddafi", "PERSON")
    bare = _typed_person("B: Qaddafi was there.", "Qaddafi", "PERSON")
    orders = ([*q, dd, bare, *dh], [*dh, *q, dd, bare], [bare, q[0], dh[0], dd, q[1], *dh[1:]])
    first, *rest = (_store_one_by_one(list(o)) for o in orders)
    assert all(r == first for r in rest)
    for own in ("muammar qaddafi", "muammar gaddafi", "moammar gadhafi", "qaddafi"):
        assert {"own_key": own, "key": "moammar gadhafi", "type": "PERSON"} in first


def test_joins_a_one_word_name_typed_an_organisation_joins_the_person_most_articles_mean() -> None:
    # The small model types a bare "Trump" ORG in some articles: where most articles that name
    # the word alone type it a person, it joins the person its surname means, whatever the order.
    full = [_from(f"f{i}.txt", _typed_person(f"F{i}: Mira Tovin spoke.", "Mira Tovin", "PERSON")) for i in range(2)]
    bare = [_from(f"b{i}.txt", _typed_person(f"B{i}: Tovin spoke.", "Tovin", "PERSON")) for i in range(4)]
    org = _from("o.txt", _typed_person("O: Tovin was blamed.", "Tovin", "ORG"))
    place = _from("p.txt", _typed_person("P: Tovin was flooded.", "Tovin", "GPE"))
    orders = ([org, place, *full, *bare], [*bare, *full, org, place],
              [full[0], org, bare[0], place, *bare[1:], full[1]])
    first, *rest = (_store_one_by_one(list(o)) for o in orders)
    assert all(r == first for r in rest)
    assert {"own_key": "tovin", "key": "mira tovin", "type": "ORG"} in first
    assert {"own_key": "tovin", "key": "tovin", "type": "GPE"} in first  # a place keeps its own sense
    # Two articles typing it a person are too few to say; nor may most articles type it otherwise.
    assert {"own_key": "tovin", "key": "tovin", "type": "ORG"} in _store_one_by_one([org, *full, *bare[:2]])
    orgs = [_from(f"o{i}.txt", _typed_person(f"O{i}: Tovin was blamed.", "Tovin", "ORG")) for i in range(3)]
    assert {"own_key": "tovin", "key": "tovin", "type": "ORG"} in _store_one_by_one([*orgs, *full, *bare])


def _both(text: str, full: str, word: str, kind: str) -> ArticleResult:
    """An article naming a person in full and, apart, a word of that name typed otherwise."""
    r = _typed_person(text, full, "PERSON")
    w = _typed_person(text, word, kind)
    return dataclasses.replace(r, entities=r.entities + w.entities, mentions=r.mentions + w.mentions)


def test_joins_an_article_naming_both_forms_is_not_redone_each_time_its_block_is_checked() -> None:
    # "Mira Tovin" and "Tovin" typed ORG in one article stay two entities (one per id and
    # article), so checking the block again has nothing to redo there.
    full = [_from(f"f{i}.txt", _typed_person(f"F{i}: Mira Tovin spoke.", "Mira Tovin", "PERSON")) for i in range(2)]
    bare = [_from(f"b{i}.txt", _typed_person(f"B{i}: Tovin spoke.", "Tovin", "PERSON")) for i in range(4)]
    both = _both("Mira Tovin spoke; the Tovin office stayed shut.", "Mira Tovin", "Tovin", "ORG")
    with Store(":memory:") as store:
        _feed(store, [*full, *bare, both])
        rows = store.query("SELECT own_key, key FROM article_entities WHERE article_id = ? ORDER BY ALL",
                           [both.article.id])
        assert rows == [{"own_key": "mira tovin", "key": "mira tovin"}, {"own_key": "tovin", "key": "tovin"}]
        store.con.execute("INSERT OR IGNORE INTO pending_blocks SELECT DISTINCT block FROM article_entities")
        assert pipeline.rejoin(store, Options(), pipeline.IngestSummary()) == 0


def test_joins_which_word_counts_reads_as_a_person() -> None:
    from storyline.resolve.entities import reads_as_person

    assert reads_as_person({"PERSON": 189, "ORG": 77, "GPE": 1})  # "trump"
    assert not reads_as_person({"PERSON": 2, "ORG": 7})  # "ford": the carmaker
    assert not reads_as_person({"PERSON": 5, "ORG": 5})  # "breitbart": the site
    assert not reads_as_person({"PERSON": 2})  # too few to say


def test_joins_a_name_written_family_name_first_is_known_by_its_family_name() -> None:
    from storyline.gazetteer import family_first, surname_key

    assert family_first("moon jae in") and family_first("ban ki moon") and family_first("xi jinping")
    assert not family_first("lee zeldin") and not family_first("jack ma") and not family_first("kim davis")
    assert [surname_key(k) for k in ("moon jae in", "ban ki moon", "mira tovin")] == ["moon", "ban", "tovin"]
    # a bare "Moon" is President Moon Jae-in, not Ban Ki-moon; a bare "Xi" is Xi Jinping
    ban = [_from(f"b{i}.txt", _typed_person(f"B{i}: Ban Ki Moon spoke.", "Ban Ki Moon", "PERSON")) for i in range(3)]
    moon = [_from(f"m{i}.txt", _typed_person(f"M{i}: Moon Jae In spoke.", "Moon Jae In", "PERSON")) for i in range(3)]
    xi = [_from(f"x{i}.txt", _typed_person(f"X{i}: Xi Jinping spoke.", "Xi Jinping", "PERSON")) for i in range(2)]
    bare = [_typed_person("Moon was there.", "Moon", "PERSON"), _typed_person("Xi was there.", "Xi", "PERSON")]
    orders = ([*bare, *ban, *moon, *xi], [*xi, *moon, *ban, *bare])
    first, *rest = (_store_one_by_one(list(o)) for o in orders)
    assert all(r == first for r in rest)
    assert {"own_key": "moon", "key": "moon jae in", "type": "PERSON"} in first
    assert {"own_key": "xi", "key": "xi jinping", "type": "PERSON"} in first
