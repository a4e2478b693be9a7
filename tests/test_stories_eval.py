"""Stories against ECB+: the scoring on hand-made assignments, the XML reader on a fixture of our
own, and (``data`` tier) the floor on the ECB+ dev topics."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assert_within_bounds, ecbplus_dev_figures
from storyline.errors import BadOption
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
