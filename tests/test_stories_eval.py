"""Stories against ECB+, SemEval-2022 Task 8 and BASIL: the scoring on hand-made assignments, the
readers on fixtures of our own, and (``data`` tier) the floors on the ECB+ dev topics, the SemEval
English training pairs and BASIL's events."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import assert_within_bounds, ecbplus_dev_figures, files_digest
from storyline.errors import BadOption
from storyline.evaluate.basil import read_basil, whole_events
from storyline.evaluate.similarity import ArticlePair, read_pairs, score_pairs, story_sizes, texts_of
from storyline.evaluate.stories import (
    bcubed,
    detokenise,
    format_report,
    main_stories,
    pairwise,
    read_document,
    read_ecbplus,
    score,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ecbplus"
FLOORS = Path(__file__).resolve().parent / "floors" / "stories.json"
SEMEVAL_FLOORS = Path(__file__).resolve().parent / "floors" / "stories_semeval.json"
BASIL_FLOORS = Path(__file__).resolve().parent / "floors" / "stories_basil.json"
# Three documents of one gold story (a, b, c) and one of another (d).
GOLD = {"a": ("1", "ecb"), "b": ("1", "ecb"), "c": ("1", "ecb"), "d": ("1", "ecbplus")}


# ----------------------------------------------------------------------------- scoring


def test_pairwise_precision_and_recall_are_not_swapped() -> None:
    # One right pair (a, b) predicted out of the three gold pairs of a, b, c.
    f = pairwise({"a": {"s1"}, "b": {"s1"}, "c": set(), "d": set()}, GOLD)
    assert f["pair_precision"] == 1.0
    assert f["pair_recall"] == pytest.approx(1 / 3)
    assert f["pair_f1"] == pytest.approx(0.5)
    assert (f["predicted_pairs"], f["gold_pairs"]) == (1.0, 3.0)


def test_pairwise_counts_a_pair_once_when_it_shares_several_stories() -> None:
    f = pairwise({"a": {"s1", "s2"}, "b": {"s1", "s2"}, "c": set(), "d": {"s2"}}, GOLD)
    # pairs: (a, b) right; (a, d), (b, d) wrong
    assert f["predicted_pairs"] == 3.0
    assert f["pair_precision"] == pytest.approx(1 / 3)
    assert f["pair_recall"] == pytest.approx(1 / 3)


def test_pairwise_counts_cross_topic_pairs() -> None:
    gold = {"a": ("1", "ecb"), "b": ("1", "ecbplus"), "x": ("7", "ecb")}
    f = pairwise({"a": {"s"}, "b": {"s"}, "x": {"s"}}, gold)
    # all three pairs are wrong; (a, x) and (b, x) also join different topics
    assert f["predicted_pairs"] == 3.0
    assert f["pair_precision"] == 0.0
    assert f["cross_topic_pairs"] == 2.0


def test_main_story_is_the_largest_then_the_smaller_id() -> None:
    stories = {"a": {"big", "small"}, "b": {"big"}, "c": {"y", "x"}, "d": set()}
    assert main_stories(stories) == {"a": "big", "b": "big", "c": "x", "d": None}


def test_bcubed_precision_and_recall_are_not_swapped() -> None:
    f = bcubed({"a": "s1", "b": "s1", "c": "s2", "d": "s3"}, GOLD)
    assert f["bcubed_precision"] == 1.0
    # a and b find 2 of their 3, c finds 1 of 3, d all of its 1
    assert f["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_score_puts_a_document_in_no_story_alone_and_uses_the_main_story() -> None:
    # d is also listed by a's small story, but its main story is its own larger one
    stories = {"a": {"s1", "s3"}, "b": {"s1"}, "d": {"s2", "s3"}, "e": {"s2"}}
    gold = {**GOLD, "e": ("1", "ecbplus")}
    f = score(stories, gold)
    assert f["documents"] == 5.0
    assert f["gold_stories"] == 2.0
    assert f["stories"] == 3.0
    assert f["documents_without_story"] == 1.0  # c
    # main clusters {a, b}, {c}, {d, e}: all pure
    assert f["bcubed_precision"] == 1.0
    # pairs: (a, b) and (d, e) right, (a, d) wrong; gold pairs: 3 + 1
    assert f["pair_precision"] == pytest.approx(2 / 3)
    assert f["pair_recall"] == pytest.approx(2 / 4)


def test_score_with_no_stories_is_all_singletons() -> None:
    f = score({}, GOLD)
    assert f["documents_without_story"] == 4.0
    assert (f["pair_precision"], f["pair_recall"], f["pair_f1"]) == (0.0, 0.0, 0.0)
    assert f["bcubed_precision"] == 1.0
    assert f["bcubed_recall"] == pytest.approx((1 / 3 * 3 + 1) / 4)
    assert "B-cubed" in format_report(f)


# ----------------------------------------------------------------------------- reading


def test_detokenise_glues_punctuation_clitics_and_quotes() -> None:
    tokens = ["Ana", "did", "n't", "go", "(", "then", ")", ",", "it", "'s", "$", "5", ",", "or", "5", "%", "!"]
    assert detokenise(tokens) == "Ana didn't go (then), it's $5, or 5%!"
    assert detokenise(["``", "Yes", ",", "''", "he", "said", "."]) == '"Yes," he said.'
    assert detokenise(["a", '"', "b", "c", '"', "d"]) == 'a "b c" d'


def test_read_document_rebuilds_sentences_as_paragraphs() -> None:
    text = read_document(FIXTURE / "ECB+" / "1" / "1_1ecb.xml")
    assert text.split("\n\n") == [
        "Harbour crane collapses in Vesk",
        "A crane fell onto the quay at Vesk harbour on Monday, officials said.",
        '"Nobody was hurt," the port\'s director, Ana Merel, said.',
        "She didn't say when work would resume (perhaps next week); the cost is $2 million, or 5% of the budget!",
        'He said "it was old" and the workers\' union agreed?',
        "The long-serving crew - all of them - left at 6:30.",
    ]
    # ecbplus: the address line is dropped and split hyphens are joined again
    assert read_document(FIXTURE / "ECB+" / "1" / "1_2ecbplus.xml").split("\n\n") == [
        "Second crane falls at Tarn port",
        "A 40-year-old crane also fell at Tarn port on Friday; it’s the second this year.",
    ]


def test_read_ecbplus_orders_skips_empty_documents_and_splits() -> None:
    docs = read_ecbplus(FIXTURE)
    assert [(d.name, d.topic, d.subtopic) for d in docs] == [
        ("1_1ecb", "1", "ecb"), ("1_2ecbplus", "1", "ecbplus"), ("2_1ecb", "2", "ecb")]
    assert [d.name for d in read_ecbplus(FIXTURE / "ECB+", split="dev")] == ["2_1ecb"]
    assert [d.name for d in read_ecbplus(FIXTURE, split="train", limit=1)] == ["1_1ecb"]
    with pytest.raises(BadOption):
        read_ecbplus(FIXTURE, split="test")


# ----------------------------------------------------------------------------- data


@pytest.mark.data
@pytest.mark.model
def test_stories_floor_on_the_ecbplus_dev_topics(shared_data: Path) -> None:
    from storyline.evaluate import stories

    figures, floors = ecbplus_dev_figures(shared_data, FLOORS, stories)
    assert figures["documents"] == floors["documents"]
    assert_within_bounds(figures, floors)


# ----------------------------------------------------------------------------- SemEval-2022 Task 8
# Four annotated pairs: (1, 2) the same story, (3, 4) somewhat similar, (1, 5) and (6, 7) unrelated.
PAIRS = [ArticlePair("1", "2", "", "", 1.0), ArticlePair("3", "4", "", "", 2.0),
         ArticlePair("1", "5", "", "", 4.0), ArticlePair("6", "7", "", "", 3.5)]


def test_similarity_scores_only_the_annotated_pairs_at_both_thresholds() -> None:
    # 1, 2 and 5 in one story; 3 and 4 apart; 6 and 7 in one story. The pair (2, 5) is not
    # annotated: it counts for nothing.
    stories = {"1": {"s"}, "2": {"s"}, "5": {"s"}, "3": {"t"}, "4": {"u"}, "6": {"v"}, "7": {"v"}}
    f = score_pairs(stories, PAIRS)
    assert (f["pairs"], f["predicted_pairs"]) == (4.0, 3.0)
    # Overall <= 1.5: (1, 2) gold and right; (1, 5) and (6, 7) predicted but wrong
    assert (f["same_precision"], f["same_recall"], f["same_gold_pairs"]) == (pytest.approx(1 / 3), 1.0, 1.0)
    # Overall <= 2.0: (3, 4) is gold too, and missed
    assert (f["similar_precision"], f["similar_recall"]) == (pytest.approx(1 / 3), 0.5)
    assert f["similar_f1"] == pytest.approx(0.4)
    assert story_sizes(stories) == {"articles_in_stories": 5.0, "largest_story": 3.0}


def test_similarity_with_no_stories_predicts_nothing() -> None:
    f = score_pairs({}, PAIRS)
    assert (f["predicted_pairs"], f["same_precision"], f["same_recall"], f["same_f1"]) == (0.0, 0.0, 0.0, 0.0)
    assert story_sizes({}) == {"articles_in_stories": 0.0, "largest_story": 0.0}


def test_similarity_reads_english_pairs_once_per_article(tmp_path: Path) -> None:
    columns = ["", "pair_id", "lang1", "lang2", "text1", "text2", "Overall"]
    rows = [["0", "11_12", "en", "en", "Port reopens\nThe port reopened.", "Harbour open\nShips sailed.", "1.0"],
            ["1", "13_14", "de", "en", "Hafen", "Harbour", "1.0"],
            ["2", "11_15", "en", "en", "Port reopens\nThe port reopened.", "Crane falls\nA crane fell.", "4.0"]]
    with (tmp_path / "training_set.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([columns, *rows])
    pairs = read_pairs(tmp_path)
    assert [(p.first, p.second, p.overall) for p in pairs] == [("11", "12", 1.0), ("11", "15", 4.0)]
    assert list(texts_of(pairs)) == ["11", "12", "15"]
    assert texts_of(pairs)["11"].startswith("Port reopens\n")
    assert len(read_pairs(tmp_path, limit=1)) == 1
    with pytest.raises(BadOption):
        read_pairs(tmp_path, split="dev")
    with pytest.raises(BadOption):
        read_pairs(tmp_path, split="test")  # no testing_set.csv here


@pytest.mark.data
@pytest.mark.model
def test_stories_floor_on_the_semeval_english_training_pairs(shared_data: Path) -> None:
    from storyline.evaluate import similarity
    from storyline.pipeline import ingest

    corpus = shared_data / "semeval2022_task8_subset"
    if not (corpus / "training_set.csv").is_file():
        pytest.skip(f"{corpus}/training_set.csv is absent")
    floors = json.loads(SEMEVAL_FLOORS.read_text(encoding="utf-8"))
    assert files_digest([corpus / "training_set.csv"]) == floors["gold_sha256"], \
        "the SemEval training pairs changed: measure again, then re-pin"
    figures = similarity.evaluate(corpus, split=floors["split"], ingest=ingest)
    print(similarity.format_report(figures))
    assert figures["pairs"] == floors["pairs"]
    assert_within_bounds(figures, floors)


# ----------------------------------------------------------------------------- BASIL


def _basil_article(folder: Path, year: int, name: str, event: str, source: str, paragraphs: list[list[str]]) -> None:
    (folder / "articles" / str(year)).mkdir(parents=True, exist_ok=True)
    record = {"source": source, "title": f"{event} ({source})", "date": f"{year}-03-06",
              "triplet-uuid": event, "body-paragraphs": paragraphs, "main-event": event}
    (folder / "articles" / str(year) / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def test_basil_reads_articles_by_split_with_outlets_and_paragraphs(tmp_path: Path) -> None:
    _basil_article(tmp_path, 2011, "ev1_1", "ev1", "fox", [["The mayor spoke.", "She left."], ["Then rain."]])
    _basil_article(tmp_path, 2011, "ev1_2", "ev1", "NYT", [["The mayor said little."]])
    _basil_article(tmp_path, 2017, "ev2_1", "ev2", "hpo", [["A judge ruled."]])
    everything = read_basil(tmp_path)
    assert [(a.name, a.event, a.outlet) for a in everything] == [
        ("ev1_1", "ev1", "Fox News"), ("ev1_2", "ev1", "The New York Times"), ("ev2_1", "ev2", "HuffPost")]
    assert everything[0].text == "The mayor spoke. She left.\n\nThen rain."
    assert everything[0].published == "2011-03-06"
    assert [a.name for a in read_basil(tmp_path, "train")] == ["ev1_1", "ev1_2"]
    assert [a.name for a in read_basil(tmp_path, "dev")] == ["ev2_1"]
    assert len(read_basil(tmp_path, limit=1)) == 1
    with pytest.raises(BadOption, match="unknown split"):
        read_basil(tmp_path, "test")
    with pytest.raises(BadOption, match="no BASIL articles"):
        read_basil(tmp_path / "nowhere")


def test_basil_names_the_file_that_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "articles" / "2012").mkdir(parents=True)
    (tmp_path / "articles" / "2012" / "broken_1.json").write_text('{"source": "fox"}', encoding="utf-8")
    with pytest.raises(BadOption, match=r"broken_1\.json: not a BASIL article"):
        read_basil(tmp_path)


def test_basil_whole_events_need_every_report_in_one_story() -> None:
    gold = {"a1": "a", "a2": "a", "a3": "a", "b1": "b", "b2": "b", "b3": "b"}
    stories = {"a1": {"s"}, "a2": {"s", "t"}, "a3": {"s"}, "b1": {"t"}, "b2": {"t"}, "b3": {"u"}}
    assert whole_events(stories, gold) == 1


@pytest.mark.data
@pytest.mark.model
def test_stories_floor_on_basil(shared_data: Path) -> None:
    from storyline.evaluate import basil
    from storyline.pipeline import ingest

    corpus = shared_data / "basil"
    files = sorted((corpus / "articles").glob("*/*.json"))
    if not files:
        pytest.skip(f"{corpus}/articles is absent")
    floors = json.loads(BASIL_FLOORS.read_text(encoding="utf-8"))
    assert files_digest(files) == floors["gold_sha256"], "the BASIL articles changed: measure again, then re-pin"
    figures = basil.evaluate(corpus, split=floors["split"], ingest=ingest)
    print(basil.format_report(figures))
    assert figures["documents"] == floors["documents"]
    assert_within_bounds(figures, floors)
