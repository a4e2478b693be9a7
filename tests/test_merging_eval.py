"""Event merging against ECB+: alignment and scoring on hand-made spans, the gold reader on a
fixture of our own, the store side on hand-written rows (no spaCy), and (``data`` tier) the gold
reader on the real topic 1."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pytest

from conftest import assert_within_bounds, ecbplus_dev_figures, shared_data_dir
from storyline.config import Options
from storyline.evaluate.merging import (
    GoldMention,
    SystemReport,
    align,
    bcubed,
    evaluate,
    format_report,
    map_span,
    offset_mapper,
    pairs_apart,
    pairwise,
    read_gold,
    read_mentions,
    score,
    system_reports,
    validated_sentences,
)
from storyline.evaluate.stories import QUOTE_MARKS, read_document
from storyline.store.duckdb import Store

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ecbplus_merge"
FLOORS = Path(__file__).resolve().parent / "floors" / "merging.json"
ECBPLUS = shared_data_dir() / "ecbplus"


def gold(doc: str, start: int, chain: str, topic: str = "1") -> GoldMention:
    """A five-character gold mention."""
    return GoldMention(doc, start, start + 5, chain, topic)


def report(doc: str, start: int, event: str) -> SystemReport:
    """A five-character report."""
    return SystemReport(doc, start, start + 5, event)


# ----------------------------------------------------------------------------- alignment


def test_align_pairs_a_report_with_the_mention_it_overlaps_most() -> None:
    mentions = [gold("a", 0, "c1"), gold("a", 4, "c2")]
    # overlaps c1 by 2 characters (3-5), c2 by 4 (4-8)
    assert align([SystemReport("a", 3, 8, "e")], mentions) == [(SystemReport("a", 3, 8, "e"), mentions[1])]


def test_align_is_one_to_one_and_order_free() -> None:
    mentions = [gold("a", 10, "c1")]
    close, off = SystemReport("a", 10, 15, "e1"), SystemReport("a", 13, 18, "e2")
    # the better overlap wins, whichever report comes first; the other is left unaligned
    assert align([off, close], mentions) == align([close, off], mentions) == [(close, mentions[0])]


def test_align_needs_the_same_document_and_real_overlap() -> None:
    mentions = [gold("a", 10, "c1")]
    assert align([report("b", 10, "e")], mentions) == []  # another document
    assert align([SystemReport("a", 15, 20, "e")], mentions) == []  # touching is not overlapping


# ----------------------------------------------------------------------------- scoring


def test_pairs_apart_counts_pairs_of_a_cluster_across_groups() -> None:
    # cluster x: a, a, b -> pairs (a1, b), (a2, b); (a1, a2) share the group
    assert pairs_apart([("x", "a"), ("x", "a"), ("x", "b"), ("y", "c")]) == 2


def test_score_counts_pairs_across_documents_only() -> None:
    mentions = [
        gold("1_1ecb", 0, "flood"), gold("1_1ecb", 20, "flood"),  # two mentions of one event in one document
        gold("1_2ecb", 0, "flood"), gold("1_2ecb", 20, "storm"),
        gold("7_1ecb", 0, "strike", topic="7"),
    ]
    reports = [
        report("1_1ecb", 0, "E1"), report("1_1ecb", 20, "E1"),  # same document: no pair between them
        report("1_2ecb", 0, "E1"),  # right pair with each of the two above
        report("1_2ecb", 20, "E2"),  # storm: alone, and alone in gold
        report("7_1ecb", 0, "E1"),  # merged into the flood from another topic: wrong, cross-topic
        report("7_1ecb", 40, "E1"),  # aligns to nothing: not scored
    ]
    f = score(reports, mentions)
    assert (f["system_reports"], f["aligned_reports"]) == (6.0, 5.0)
    # predicted pairs across documents among aligned: E1 = 1_1 x2, 1_2, 7_1 -> 2 + 2 + 1 = 5
    assert f["predicted_pairs"] == 5.0
    assert f["cross_topic_pairs"] == 3.0  # the 7_1 report with each of the three flood reports
    # gold pairs across documents: flood = 1_1 x2 and 1_2 -> 2
    assert (f["gold_pairs"], f["right_pairs"]) == (2.0, 2.0)
    assert f["pair_precision"] == pytest.approx(2 / 5)
    assert f["pair_recall"] == 1.0
    assert f["pair_f1"] == pytest.approx(2 * 0.4 / 1.4)
    assert f["documents"] == 3.0
    assert (f["gold_mentions"], f["gold_chains"]) == (5.0, 3.0)
    assert f["merged_events"] == 1.0  # E1 spans documents; E2 does not


def test_pairwise_precision_and_recall_are_not_swapped() -> None:
    aligned = [
        (report("a", 0, "E1"), gold("a", 0, "c")),
        (report("b", 0, "E1"), gold("b", 0, "c")),
        (report("c", 0, "E2"), gold("c", 0, "c")),
    ]
    f = pairwise(aligned)
    # one predicted pair, right; three gold pairs
    assert (f["pair_precision"], f["pair_recall"]) == (1.0, pytest.approx(1 / 3))


def test_bcubed_over_aligned_reports() -> None:
    aligned = [
        (report("a", 0, "E1"), gold("a", 0, "c1")),
        (report("b", 0, "E1"), gold("b", 0, "c1")),
        (report("c", 0, "E1"), gold("c", 0, "c2")),
        (report("d", 0, "E2"), gold("d", 0, "c2")),
    ]
    f = bcubed(aligned)
    # precision: a, b 2/3 each, c 1/3, d 1; recall: a, b 1, c 1/2, d 1/2
    assert f["bcubed_precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert f["bcubed_recall"] == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)


def test_score_with_nothing_aligned_is_all_zero_and_reports() -> None:
    f = score([report("a", 100, "E")], [gold("a", 0, "c")])
    assert (f["aligned_reports"], f["predicted_pairs"], f["pair_f1"], f["bcubed_f1"]) == (0.0, 0.0, 0.0, 0.0)
    text = format_report({**f, "split": "dev", "ingest_seconds": 1.0})
    assert "different documents" in text and "B-cubed" in text


# ----------------------------------------------------------------------------- offsets


def test_offset_mapper_follows_a_split_off_headline_and_small_edits() -> None:
    doc = "Headline here\n\nBody says the river burst."
    body = doc.split("\n\n", 1)[1]
    k = body.index("burst")
    assert map_span(offset_mapper(body, doc), k, k + 5) == (doc.index("burst"), doc.index("burst") + 5)
    cleaned = "Body  says the river burst."  # a changed stretch before the word
    k = cleaned.index("burst")
    assert map_span(offset_mapper(cleaned, doc), k, k + 5) == (doc.index("burst"), doc.index("burst") + 5)
    assert map_span(offset_mapper("zzzz", doc), 0, 4) is None


# ----------------------------------------------------------------------------- reading gold


def words(text: str, mentions: Sequence[GoldMention]) -> list[str]:
    return [text[m.start:m.end] for m in mentions]


def test_read_mentions_spans_point_at_the_event_words() -> None:
    text, mentions = read_mentions(FIXTURE / "ECB+" / "1" / "1_1ecb.xml")
    assert text == read_document(FIXTURE / "ECB+" / "1" / "1_1ecb.xml")
    # PTB quotes are written as one character, "did n't" as "didn't"; "burst ... banks" is one
    # mention of two words, so its span runs over the word between; the farmer is no action
    assert words(text, mentions) == ["floods", "lost", "said", "burst its banks", "reach", "losses"]
    chains = {text[m.start:m.end]: m.chain for m in mentions}
    assert chains["floods"] == "ACT900001"
    assert chains["lost"] == chains["losses"] != chains["said"]  # within-document chain
    assert chains["lost"].startswith("1_1ecb/")
    assert {m.topic for m in mentions} == {"1"}


def test_read_mentions_after_the_left_out_address_line() -> None:
    text, mentions = read_mentions(FIXTURE / "ECB+" / "1" / "1_2ecbplus.xml")
    assert text.startswith("Heavy rain floods")
    assert "19-year-old" in text  # split hyphens joined, offsets after them still right
    assert words(text, mentions) == ["rain", "floods", "burst", "reported"]


def test_read_gold_links_mentions_across_documents() -> None:
    texts, mentions = read_gold(FIXTURE, split="all")
    assert list(texts) == ["1_1ecb", "1_2ecbplus"]
    by_chain: dict[str, set[tuple[str, str]]] = {}
    for m in mentions:
        by_chain.setdefault(m.chain, set()).add((m.doc, texts[m.doc][m.start:m.end]))
    assert by_chain["ACT900001"] == {("1_1ecb", "floods"), ("1_2ecbplus", "floods")}
    assert by_chain["ACT900002"] == {("1_1ecb", "burst its banks"), ("1_2ecbplus", "burst")}
    # every other chain stays in one document
    assert all(len({d for d, _ in v}) == 1 for k, v in by_chain.items() if not k.startswith("ACT"))


def test_read_gold_keeps_the_validated_sentences_when_they_are_listed(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURE, corpus)
    _, everything = read_gold(corpus, split="all")
    assert validated_sentences(corpus) is None
    first = everything[0]
    (corpus / "ECBplus_coreference_sentences.csv").write_text(
        f"Topic,File,Sentence Number\n{first.topic},{first.doc.split('_', 1)[1]},{first.sentence}\n", encoding="utf-8")
    assert validated_sentences(corpus) == {(first.doc, first.sentence)}
    _, kept = read_gold(corpus, split="all")
    assert first in kept and kept == [m for m in everything if (m.doc, m.sentence) == (first.doc, first.sentence)]


@pytest.mark.data
@pytest.mark.skipif(not (ECBPLUS / "ECB+" / "1").is_dir(),
                    reason=f"ECB+ topic 1 is absent under {ECBPLUS} (set STORYLINE_DATA to run this)")
def test_gold_spans_on_ecbplus_topic_1_hold_the_annotated_tokens() -> None:
    """Each action mention's span holds the tokens from its first to its last anchor, as the
    XML has them but for spacing and quote marks: checked from the XML, not from our spans."""
    files = sorted((ECBPLUS / "ECB+" / "1").glob("*.xml"))
    assert files
    n = 0
    for path in files:
        text, mentions = read_mentions(path)
        assert text == read_document(path)
        root = ET.parse(path).getroot()
        tokens = {int(t.get("t_id", 0)): t.text or "" for t in root.iter("token")}
        expected: Counter[str] = Counter()
        for markable in root.iter():
            anchors = [int(a.get("t_id", 0)) for a in markable.iter("token_anchor")]
            if markable.tag.startswith(("ACTION_", "NEG_ACTION_")) and anchors:
                expected["".join(QUOTE_MARKS.get(tokens[k], tokens[k]).strip()
                                 for k in range(min(anchors), max(anchors) + 1))] += 1
        found = Counter("".join(text[m.start:m.end].split()) for m in mentions)
        assert found == expected, path.name
        assert all(0 <= m.start < m.end <= len(text) and m.chain for m in mentions)
        n += len(mentions)
    assert n > 100


# ----------------------------------------------------------------------------- the store side


def make_store() -> Store:
    return Store(":memory:")


def put_article(store: Store, doc: str, text: str, article: str) -> None:
    store.con.execute("INSERT INTO inputs VALUES (?, ?, ?, 'new', now())", [f"key-{doc}", f"/tmp/x/{doc}.txt", article])
    if not store.query("SELECT 1 FROM articles WHERE id = ?", [article]):
        store.con.execute(
            "INSERT INTO articles (id, text, origin, analysed, ingested_at) VALUES (?, ?, ?, true, now())",
            [article, text, f"/tmp/x/{doc}.txt"])


def put_event(store: Store, event: str, article: str, text: str, word: str) -> None:
    start = text.index(word)
    first = {"article_id": article, "start": start, "end": start + len(word), "sentence_start": 0,
             "sentence_end": len(text), "status": "reported", "date_text": None}
    store.con.execute(
        "INSERT INTO events (id, article_id, type, status, actors, reports, n_sources, conflicts) "
        "VALUES (?, ?, 'OTHER', 'reported', '[]', ?, 1, '[]')", [event, article, json.dumps([first])])


def use_members(store: Store, members: dict[str, str]) -> None:
    """A minimal event_members table (whatever the current schema holds besides its two keys)."""
    store.con.execute("DROP TABLE IF EXISTS event_members")
    store.con.execute("CREATE TABLE event_members (member_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL)")
    for member, event in members.items():
        store.con.execute("INSERT INTO event_members VALUES (?, ?)", [member, event])


def test_system_reports_moves_spans_into_each_document_and_uses_merged_ids() -> None:
    texts = {"1_1ecb": "Flood hits town\n\nThe river floods the town.",
             "1_2ecb": "Flood hits town\n\nThe river floods the town.",  # same text: one article
             "1_3ecb": "Storm news\n\nA storm floods the valley."}
    with make_store() as store:
        for doc, article in (("1_1ecb", "A1"), ("1_2ecb", "A1"), ("1_3ecb", "A3")):
            body = texts[doc].split("\n\n", 1)[1]  # stored without its headline
            put_article(store, doc, body, article)
        put_event(store, "ev1", "A1", "The river floods the town.", "floods")
        put_event(store, "ev3", "A3", "A storm floods the valley.", "floods")
        use_members(store, {"ev1": "ev1", "ev3": "ev1"})
        reports, unplaced = system_reports(store, texts)
        store.con.execute("DROP TABLE event_members")
        alone, _ = system_reports(store, texts)
    assert unplaced == 0
    assert sorted(reports, key=lambda r: r.doc) == [
        SystemReport(doc, texts[doc].index("floods"), texts[doc].index("floods") + 6, "ev1")
        for doc in ("1_1ecb", "1_2ecb", "1_3ecb")]
    # without the members table each event is its own merged event
    assert {r.doc: r.event for r in alone} == {"1_1ecb": "ev1", "1_2ecb": "ev1", "1_3ecb": "ev3"}


def test_evaluate_runs_end_to_end_with_a_stand_in_ingest() -> None:
    def ingest(paths: Sequence[str], store: Store, options: Options) -> None:
        """Store each fixture text without its headline, one event on every "floods" and
        "burst", all floods merged into one event."""
        assert options.workers == 1
        for i, file in enumerate(sorted(Path(paths[0]).glob("*.txt"))):
            body = file.read_text(encoding="utf-8").split("\n\n", 1)[1]
            put_article(store, file.stem, body, f"A{i}")
            for word in ("floods", "burst"):
                if word in body:
                    put_event(store, f"{word}{i}", f"A{i}", body, word)
        use_members(store, {"floods1": "floods0", "burst1": "burst0"})

    f = evaluate(FIXTURE, split="all", ingest=ingest)
    assert f["split"] == "all" and f["ingest_seconds"] >= 0
    # floods is in the headline, which storyline does not store: only the two bursts are reported
    assert (f["system_reports"], f["aligned_reports"]) == (2.0, 2.0)
    assert (f["predicted_pairs"], f["gold_pairs"], f["pair_precision"], f["pair_recall"]) == (1.0, 1.0, 1.0, 1.0)
    assert f["cross_topic_pairs"] == 0.0
    assert "Event merging on ECB+" in format_report(f)


@pytest.mark.data
@pytest.mark.model
def test_merging_floor_on_the_ecbplus_dev_topics(shared_data: Path) -> None:
    from storyline.evaluate import merging

    assert_within_bounds(*ecbplus_dev_figures(shared_data, FLOORS, merging))
