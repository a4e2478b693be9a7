"""Entity resolution against ECB+: the gold reader on ECB+-shaped XML written here (invented
names, no corpus text), heads and named mentions, alignment and scoring on hand-made spans with
figures worked out by hand, the store side on hand-written rows (no spaCy), and (``data`` and
``model`` tiers) the floors on the real dev topics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from conftest import assert_within_bounds, ecbplus_dev_figures
from storyline.config import Options
from storyline.evaluate.entities import (
    ENTITY_TAGS,
    SystemMention,
    align_heads,
    coverage,
    evaluate,
    format_report,
    head_span,
    is_named,
    linking,
    read_entity_gold,
    score,
    stored_ranges,
    system_mentions,
)
from storyline.evaluate.merging import GoldMention
from storyline.store.duckdb import Store

FLOORS = Path(__file__).resolve().parent / "floors" / "entities.json"


# ----------------------------------------------------------------------------- an ECB+-shaped corpus


def ecb_xml(doc: str, sentences: Sequence[str], markables: Sequence[tuple[str, int, int, int, int]],
            chains: Mapping[str, Sequence[int]], intra: Sequence[Sequence[int]] = ()) -> str:
    """One document as ECB+ writes it: tokens (each sentence split on spaces, t_id from 1),
    markables (tag, m_id, sentence, first and last token number in it), cross-document chains
    ({instance_id: [m_id]}, each with an instance markable as target) and within-document chains
    ([m_id], target an instance markable without instance_id)."""
    tokens, t_id = [], {}
    for s, sentence in enumerate(sentences):
        for n, word in enumerate(sentence.split(" ")):
            t_id[(s, n)] = len(tokens) + 1
            tokens.append(f'<token t_id="{len(tokens) + 1}" sentence="{s}" number="{n}">{escape(word)}</token>')
    marks = [
        f'<{tag} m_id="{m}"  >' + "".join(f'<token_anchor t_id="{t_id[(s, n)]}"/>' for n in range(a, b + 1))
        + f"</{tag}>"
        for tag, m, s, a, b in markables]
    relations = []
    target = 900

    def relation(kind: str, note: str, sources: Sequence[int]) -> str:
        return (f'<{kind} r_id="{target}"{note}>' + "".join(f'<source m_id="{m}" />' for m in sources)
                + f'<target m_id="{target}" /></{kind}>')

    for instance, sources in chains.items():
        target += 1
        marks.append(f'<HUMAN_PART_PER m_id="{target}" TAG_DESCRIPTOR="x" instance_id="{instance}" />')
        relations.append(relation("CROSS_DOC_COREF", f' note="{instance}" ', sources))
    for sources in intra:
        target += 1
        marks.append(f'<HUMAN_PART_ORG m_id="{target}" TAG_DESCRIPTOR="x" />')
        relations.append(relation("INTRA_DOC_COREF", " ", sources))
    return (f'<Document doc_name="{doc}.xml" doc_id="D{doc}">' + "\n".join(tokens)
            + "<Markables>" + "\n".join(marks) + "</Markables><Relations>" + "\n".join(relations)
            + "</Relations></Document>")


def write_corpus(root: Path) -> Path:
    """Two documents of topic 1 about an invented footballer, Tovin Marsh of Karst Rovers."""
    folder = root / "ECB+" / "1"
    folder.mkdir(parents=True)
    (folder / "1_1ecb.xml").write_text(ecb_xml(
        "1_1ecb",
        ["Tovin Marsh hurt in Varnfield crash",
         "Tovin Marsh , the Karst Rovers striker , was hurt in Varnfield on Sunday .",
         "He left a Varnfield clinic later , the club said ."],
        [("HUMAN_PART_PER", 1, 0, 0, 1), ("ACTION_OCCURRENCE", 2, 0, 2, 2),
         ("HUMAN_PART_PER", 3, 1, 0, 1), ("HUMAN_PART_ORG", 4, 1, 4, 5), ("LOC_GEO", 5, 1, 10, 11),
         ("HUMAN_PART_PER", 6, 2, 0, 0), ("LOC_FAC", 7, 2, 2, 4), ("HUMAN_PART_ORG", 8, 2, 7, 8),
         ("HUMAN_PART_GENERIC", 9, 2, 8, 8)],
        {"HUM1": [1, 3, 6], "HUM2": [4], "LOC1": [5]}, intra=[[8]]), encoding="utf-8")
    (folder / "1_2ecbplus.xml").write_text(ecb_xml(
        "1_2ecbplus",
        ["http : //example.org/marsh",
         "Rovers striker Marsh out for a month",
         "Karst Rovers said Marsh , 24 , will miss the Varnfield derby ."],
        [("HUMAN_PART_ORG", 1, 1, 0, 0), ("HUMAN_PART_PER", 2, 1, 2, 2), ("HUMAN_PART_ORG", 3, 2, 0, 1),
         ("HUMAN_PART_PER", 4, 2, 3, 5), ("ACTION_OCCURRENCE", 5, 2, 8, 8)],
        {"HUM1": [2, 4], "HUM2": [1, 3]}), encoding="utf-8")
    return root


def spans(text: str, mentions: Sequence[GoldMention]) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.chain) for m in mentions]


def test_read_entity_gold_keeps_participants_and_places_with_their_chains(tmp_path: Path) -> None:
    texts, gold, scored = read_entity_gold(write_corpus(tmp_path), split="all")
    assert list(texts) == ["1_1ecb", "1_2ecbplus"]
    one = [m for m in gold if m.doc == "1_1ecb"]
    # the action ("hurt") and the generic participant (the "club" of "the club") are left out;
    # "the club" is in a within-document chain, "a Varnfield clinic" in none: a chain of its own
    assert spans(texts["1_1ecb"], one) == [
        ("Tovin Marsh", "HUM1"), ("Tovin Marsh", "HUM1"), ("Karst Rovers", "HUM2"), ("in Varnfield", "LOC1"),
        ("He", "HUM1"), ("a Varnfield clinic", "1_1ecb/m7"), ("the club", "1_1ecb/r904")]
    assert {m.tag for m in gold} <= set(ENTITY_TAGS)
    two = [m for m in gold if m.doc == "1_2ecbplus"]
    # the web-address sentence is left out of the text; "Marsh , 24" is rebuilt as "Marsh, 24"
    assert texts["1_2ecbplus"].startswith("Rovers striker")
    assert spans(texts["1_2ecbplus"], two) == [
        ("Rovers", "HUM2"), ("Marsh", "HUM1"), ("Karst Rovers", "HUM2"), ("Marsh, 24", "HUM1")]
    # with no list of validated sentences every written sentence is scored
    assert len(scored["1_1ecb"]) == 3 and len(scored["1_2ecbplus"]) == 2


def test_read_entity_gold_keeps_the_validated_sentences(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    (corpus / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,1\n1,2ecbplus,2\n", encoding="utf-8")
    texts, gold, scored = read_entity_gold(corpus, split="all")
    assert [(m.doc, m.sentence) for m in gold] == [("1_1ecb", 1)] * 3 + [("1_2ecbplus", 2)] * 2
    text = texts["1_1ecb"]
    (start, end), = scored["1_1ecb"]
    assert text[start:end].startswith("Tovin Marsh, the Karst") and text[start:end].endswith("Sunday.")


# ----------------------------------------------------------------------------- heads and names


@pytest.mark.parametrize(("phrase", "head", "named"), [
    ("Tovin Marsh", "Marsh", True),
    ("in Varnfield", "Varnfield", True),
    ("the Gulf of Karst", "Gulf", True),  # "of" opens a post-modifier
    ("a mountain in Varnfield", "mountain", False),  # a description with a name inside
    ("a Varnfield clinic", "clinic", False),
    ("Varnfield's highest peak, Mount Orr", "peak", False),  # the possessor is not the head
    ("Tovin Marsh, 24", "Marsh", True),
    ("Karst Rovers' striker", "striker", False),
    ("Dr. Ila Venn", "Venn", True),
    ("the Varnfield 11ers", "11ers", True),  # a head written with a digit
    ("he", "he", False),
    ("the club", "club", False),
])
def test_head_span_and_is_named(phrase: str, head: str, named: bool) -> None:
    text = f"Later {phrase} came."  # not at a sentence start
    start = len("Later ")
    a, b = head_span(text, start, start + len(phrase))
    assert text[a:b] == head
    assert is_named(text, start, start + len(phrase)) is named


def test_is_named_does_not_trust_a_capital_at_a_sentence_start() -> None:
    text = "Headline here\n\nPolice said Marsh left.\n\nIla Venn spoke."
    assert not is_named(text, text.index("Police"), text.index("Police") + 6)
    assert is_named(text, text.index("Ila"), text.index("Ila") + 8)  # a name word follows
    assert is_named(text, text.index("Marsh"), text.index("Marsh") + 5)  # mid-sentence


# ----------------------------------------------------------------------------- alignment and scoring

TEXTS = {
    "a": "Ann Lee met Bo in Oslo.",
    "b": "Then Lee met Bo in Oslo.",
    "c": "Ann Lee left Oslo with Bo. He smiled.",
}


def gm(doc: str, phrase: str, chain: str, tag: str = "HUMAN_PART_PER") -> GoldMention:
    start = TEXTS[doc].index(phrase)
    return GoldMention(doc, start, start + len(phrase), chain, "1", 0, tag)


def sm(doc: str, phrase: str, entity: str, kind: str = "PERSON") -> SystemMention:
    start = TEXTS[doc].index(phrase)
    return SystemMention(doc, start, start + len(phrase), phrase, kind, entity)


GOLD = [
    gm("a", "Ann Lee", "P"), gm("a", "Bo", "B"), gm("a", "in Oslo", "O", "LOC_GEO"),
    gm("b", "Lee", "P"), gm("b", "Bo", "B"), gm("b", "in Oslo", "O", "LOC_GEO"),
    gm("c", "Ann Lee", "P"), gm("c", "Oslo", "O", "LOC_GEO"), gm("c", "Bo", "B2"), gm("c", "He", "P"),
]
SYSTEM = [
    sm("a", "Ann Lee", "E1"), sm("a", "Bo", "E2"), sm("a", "Oslo", "E3", "GPE"),
    sm("b", "Then", "E9", "ORG"),  # a name ECB+ does not mark: aligns to nothing
    sm("b", "Lee", "E1"),  # the surname joined to the full name: right, string matching misses it
    sm("b", "Bo", "E2"), sm("b", "Oslo", "E3", "GPE"),
    sm("c", "Ann Lee", "E1"), sm("c", "Oslo", "E3", "GPE"),
    sm("c", "Bo", "E2"),  # another Bo (gold B2) joined to the first: wrong, and so for strings
]


def test_align_heads_skips_a_name_inside_a_description() -> None:
    texts = {"d": "He left a Varnfield clinic in Varnfield."}
    clinic = GoldMention("d", 8, 26, "FAC", "1")  # "a Varnfield clinic"
    town = GoldMention("d", 27, 39, "GEO", "1")  # "in Varnfield"
    first = SystemMention("d", 10, 19, "Varnfield", "GPE", "V")
    second = SystemMention("d", 30, 39, "Varnfield", "GPE", "V")
    assert texts["d"][clinic.start:clinic.end] == "a Varnfield clinic"
    assert align_heads([first, second], [clinic, town], texts) == [(second, town)]


def test_linking_counts_pairs_across_documents_for_storyline_and_strings() -> None:
    aligned = align_heads(SYSTEM, GOLD, TEXTS)
    assert len(aligned) == 9  # every gold mention but "He"; every system mention but "Then"
    # gold pairs across documents: P (a, b, c) 3, B (a, b) 1, B2 0, O (a, b, c) 3 = 7
    # storyline: E1 3 right, E2 3 of which 1 right, E3 3 right -> 7 of 9
    f = linking(aligned)
    assert (f["predicted_pairs"], f["gold_pairs"], f["right_pairs"]) == (9.0, 7.0, 7.0)
    assert (f["pair_precision"], f["pair_recall"]) == (pytest.approx(7 / 9), 1.0)
    # B-cubed: the three Bo mentions have precision 2/3, 2/3, 1/3, the rest 1; recall all 1
    assert f["bcubed_precision"] == pytest.approx((6 + 5 / 3) / 9)
    assert f["bcubed_recall"] == 1.0
    # no two aligned mentions share a document: all pairs are the cross-document pairs
    assert (f["all_pair_precision"], f["all_pair_recall"]) == (f["pair_precision"], f["pair_recall"])
    # strings: "ann lee" (a, c) 1 right, "lee" alone, "bo" 3 with 1 right, "oslo" 3 right -> 5 of 7
    b = linking(aligned, by_text=True)
    assert (b["predicted_pairs"], b["right_pairs"]) == (7.0, 5.0)
    assert (b["pair_precision"], b["pair_recall"]) == (pytest.approx(5 / 7), pytest.approx(5 / 7))


def test_linking_all_pairs_adds_the_pairs_within_a_document() -> None:
    texts = {"a": "Ann Lee met Lee.", "b": "Ann Lee left."}
    gold = [GoldMention("a", 0, 7, "P", "1"), GoldMention("a", 12, 15, "P", "1"), GoldMention("b", 0, 7, "P", "1")]
    system = [SystemMention("a", 0, 7, "Ann Lee", "PERSON", "E1"), SystemMention("a", 12, 15, "Lee", "PERSON", "E2"),
              SystemMention("b", 0, 7, "Ann Lee", "PERSON", "E1")]
    f = linking(align_heads(system, gold, texts))
    # across documents: gold a1-b, a2-b; predicted a1-b (right). All pairs add a1-a2 (gold only)
    assert (f["predicted_pairs"], f["gold_pairs"], f["pair_recall"]) == (1.0, 2.0, 0.5)
    assert (f["all_predicted_pairs"], f["all_gold_pairs"], f["all_pair_recall"]) == (1.0, 3.0, pytest.approx(1 / 3))


def test_coverage_counts_named_mentions_and_what_ecbplus_marks() -> None:
    aligned = align_heads(SYSTEM, GOLD, TEXTS)
    f = coverage(SYSTEM, GOLD, aligned, TEXTS, stored={"a": (0, 23), "b": (0, 24), "c": (0, 10)})
    # named: all but "He"; chains P, B, B2, O, all named, P and B and O over two or more documents
    assert (f["gold_mentions"], f["gold_chains"], f["gold_cross_doc_chains"]) == (10.0, 4.0, 3.0)
    assert (f["named_mentions"], f["named_found"], f["named_recall"]) == (9.0, 9.0, 1.0)
    assert (f["named_chain_mentions"], f["named_chain_found"], f["named_chain_recall"]) == (10.0, 9.0, 0.9)
    assert (f["system_mentions"], f["aligned_mentions"], f["system_precision"]) == (10.0, 9.0, 0.9)
    # c's stored text ends after "Ann Lee le": its Oslo and Bo are out of reach
    assert (f["named_in_stored"], f["named_found_in_stored"]) == (7.0, 7.0)


def test_score_reports_both_clusterings_and_the_worst_chains() -> None:
    f = score(SYSTEM, GOLD, TEXTS)
    assert f["pair_f1"] == pytest.approx(2 * (7 / 9) / (7 / 9 + 1))
    assert f["baseline_pair_f1"] == pytest.approx(5 / 7)
    assert f["by_tag"]["LOC_GEO"] == {"named": 3.0, "found": 3.0, "recall": 1.0}
    assert f["errors"]["joined_entities"] == [{"entity": "E2", "pairs": 2, "forms": ["Bo"]}]
    assert f["errors"]["split_chains"] == []
    text = format_report({**f, "split": "dev", "ingest_seconds": 1.0})
    assert "string match, pairs across documents" in text and "E2" not in text and "Bo" in text


def test_score_with_nothing_aligned_is_all_zero() -> None:
    f = score([sm("a", "Oslo", "E3")], [gm("b", "Bo", "B")], TEXTS)
    assert (f["aligned_mentions"], f["pair_f1"], f["bcubed_f1"], f["baseline_pair_f1"]) == (0.0, 0.0, 0.0, 0.0)
    assert "Entity resolution on ECB+" in format_report(f)


# ----------------------------------------------------------------------------- the store side


def put_article(store: Store, doc: str, article: str, text: str) -> None:
    store.con.execute("INSERT INTO inputs VALUES (?, ?, ?, 'new', now())", [f"key-{doc}", f"/tmp/x/{doc}.txt", article])
    if not store.query("SELECT 1 FROM articles WHERE id = ?", [article]):
        store.con.execute(
            "INSERT INTO articles (id, text, origin, analysed, ingested_at) VALUES (?, ?, ?, true, now())",
            [article, text, f"/tmp/x/{doc}.txt"])


def put_mention(store: Store, article: str, text: str, word: str, kind: str, entity: str | None) -> None:
    start = text.index(word)
    store.con.execute("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
                      [article, start, start + len(word), word, kind, entity])


def test_system_mentions_are_put_in_each_document_of_their_article() -> None:
    texts = {"1_1ecb": "Marsh hurt\n\nTovin Marsh was hurt in Varnfield.",
             "1_2ecb": "Marsh hurt\n\nTovin Marsh was hurt in Varnfield.",  # same text: one article
             "1_3ecb": "Rovers news\n\nKarst Rovers lost."}
    with Store(":memory:") as store:
        for doc, article in (("1_1ecb", "A1"), ("1_2ecb", "A1"), ("1_3ecb", "A3")):
            put_article(store, doc, article, texts[doc].split("\n\n", 1)[1])  # stored without its headline
        body = texts["1_1ecb"].split("\n\n", 1)[1]
        put_mention(store, "A1", body, "Tovin Marsh", "PERSON", "E1")
        put_mention(store, "A1", body, "Varnfield", "GPE", None)  # unresolved: an entity of its own
        found, unplaced = system_mentions(store, texts)
        ranges = stored_ranges(store, texts)
    assert unplaced == 0
    at = texts["1_1ecb"].index("Tovin")  # the same in both documents of the article
    assert sorted((m.doc, m.start, m.text, m.entity) for m in found if m.type == "PERSON") == [
        ("1_1ecb", at, "Tovin Marsh", "E1"), ("1_2ecb", at, "Tovin Marsh", "E1")]
    assert {m.entity for m in found if m.type == "GPE"} == {f"A1/{body.index('Varnfield')}"}
    assert ranges == {doc: (texts[doc].index("\n\n") + 2, len(texts[doc])) for doc in texts}


def test_evaluate_runs_end_to_end_with_a_stand_in_ingest(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)

    def ingest(paths: Sequence[str], store: Store, options: Options) -> None:
        """Store each text without its headline; tag every "Tovin Marsh", "Marsh" and
        "Karst Rovers", the first two as one entity."""
        assert options.workers == 1
        for i, file in enumerate(sorted(Path(paths[0]).glob("*.txt"))):
            body = file.read_text(encoding="utf-8").split("\n\n", 1)[1]
            put_article(store, file.stem, f"A{i}", body)
            for word, kind, entity in (("Tovin Marsh", "PERSON", "E1"), ("Karst Rovers", "ORG", "E2")):
                if word in body:
                    put_mention(store, f"A{i}", body, word, kind, entity)
            if "Tovin" not in body:
                put_mention(store, f"A{i}", body, "Marsh", "PERSON", "E1")

    f = evaluate(corpus, split="all", ingest=ingest)
    assert f["split"] == "all" and f["ingest_seconds"] >= 0
    # found: Tovin Marsh, Karst Rovers (1_1ecb body); Karst Rovers, Marsh (1_2ecbplus body)
    assert (f["system_mentions"], f["aligned_mentions"]) == (4.0, 4.0)
    # named gold: Tovin Marsh x2, Karst Rovers, in Varnfield (1_1ecb); Marsh, Karst Rovers, Marsh, 24
    # (1_2ecbplus; "Rovers" opens a sentence); the two headlines are not stored
    assert (f["named_mentions"], f["named_found"], f["named_in_stored"]) == (7.0, 4.0, 5.0)
    # across documents: Marsh pair and Rovers pair, both right; strings miss "Tovin Marsh" ~ "Marsh"
    assert (f["pair_precision"], f["pair_recall"]) == (1.0, 1.0)
    assert (f["baseline_pair_precision"], f["baseline_pair_recall"]) == (1.0, 0.5)
    assert "Entity resolution on ECB+ (all split)" in format_report(f)


# ----------------------------------------------------------------------------- the dev floors


@pytest.mark.data
@pytest.mark.model
def test_entity_resolution_floor_on_the_ecbplus_dev_topics(shared_data: Path) -> None:
    from storyline.evaluate import entities

    figures, floors = ecbplus_dev_figures(shared_data, FLOORS, entities)
    assert_within_bounds(figures, floors)
    # resolution must keep beating string matching on the same mentions
    margin = figures["pair_f1"] - figures["baseline_pair_f1"]
    assert margin >= floors["over_baseline"]["pair_f1"], f"pair F1 only {margin:.3f} over string matching"
