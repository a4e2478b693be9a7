"""`storyline evaluate timelines`: event dates against SemEval-2015 Task 4 gold timelines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from storyline.evaluate.timelines import GoldEvent, TimelineDoc, agrees, evaluate, read_cat, read_timelines, score
from storyline.model import DateValue, Event, EventReport

CORPUS = FIXTURES / "timelines" / "corpus"
FLOORS = json.loads((ROOT / "tests" / "floors" / "timelines.json").read_text())


def _day(value: str) -> DateValue:
    return DateValue(value, value, value, "day")


def test_timelines_read_cat_rebuilds_text_and_word_offsets() -> None:
    doc = read_cat(CORPUS / "101-fixture.xml")
    assert (doc.id, doc.dct) == ("101", "2025-06-11")
    assert doc.text.startswith("Lindholm and Karst agree on border crossings\n\nJune 11, 2025\n\nYesterday, in Oslo,")
    [start] = doc.words[(2, "unveiled")]
    assert doc.text[start:start + len("unveiled")] == "unveiled"


def test_timelines_read_gold_anchors_and_entities() -> None:
    gold = {(g.doc, g.sentence, g.word): g for g in read_timelines(CORPUS)}
    assert gold[("101", 4, "said")].anchors == {"2025-06-10"}
    assert gold[("101", 4, "said")].entities == {"Mara Olsen"}
    assert gold[("102", 2, "stalling")].anchors == {"XXXX-XX-XX"}


def test_timelines_anchor_agreement_is_at_the_gold_granularity() -> None:
    assert agrees("2025-06-10", _day("2025-06-10"))
    assert not agrees("2025-06-10", _day("2025-06-11"))
    assert agrees("2008-03-XX", _day("2008-03-06"))
    assert agrees("1976", DateValue("1976-05", "1976-05-01", "1976-05-31", "month"))
    # a coarser date, or a week across two months, does not place the event
    assert not agrees("2025-06-10", DateValue("2025-06", "2025-06-01", "2025-06-30", "month"))
    assert not agrees("2006-03", DateValue("2006-W13", "2006-03-27", "2006-04-02", "week"))
    assert not agrees("2025-06-10", None)
    assert not agrees("XXXX-XX-XX", _day("2025-06-10"))


def test_timelines_score_counts_found_right_and_unanchored() -> None:
    text = "Olsen said it. Dravic agreed."
    doc = TimelineDoc("9", text, "2025-06-11", {(0, "said"): (6,), (1, "agreed"): (22,), (1, "Dravic"): (15,)})
    def event(start: int, date: DateValue | None) -> Event:
        return Event(id=str(start), type="STATEMENT", status="occurred", date=date,
                     reports=(EventReport("a", start, start + 4, 0, len(text), "occurred", None),))
    gold = [GoldEvent("9", 0, "said", frozenset({"2025-06-10"}), frozenset({"Olsen"})),
            GoldEvent("9", 1, "agreed", frozenset({"XXXX-XX-XX"}), frozenset({"Olsen"})),
            GoldEvent("9", 1, "Dravic", frozenset({"2025-06-10"}), frozenset({"Olsen"})),
            GoldEvent("8", 0, "said", frozenset({"2025-06-10"}), frozenset({"Olsen"}))]
    figures, wrong = score(gold, {"9": doc}, {"9": [event(6, _day("2025-06-11")), event(22, _day("2025-06-11"))]})
    assert (figures["gold_events"], figures["found"], figures["anchored"], figures["dated_right"]) == (3, 2, 1, 0)
    assert (figures["unanchored"], figures["unanchored_dated"], figures["gold_events_without_document"]) == (1, 1, 1)
    assert figures["wrong_without_own_time"] == 1
    assert wrong[0]["event"] == "9-0-said"


@pytest.mark.model
def test_timelines_fixture_dates_the_story_day_and_the_occasion() -> None:
    figures = evaluate(CORPUS)
    wrong = {w["event"]: w["storyline"] for w in figures["wrong"]}
    # "Olsen also said" in a paper of 11 June whose lead is "Yesterday": 10 June; "In a 2 June
    # press conference, Dravic said": 2 June
    assert "101-4-said" not in wrong and "102-3-said" not in wrong
    assert figures["dated_right"] >= 3
    assert figures["dated_accuracy"] == 1.0


@pytest.mark.model
def test_timelines_semeval_trial_floor(shared_data: Path) -> None:
    folder = shared_data / FLOORS["folder"]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    figures = evaluate(folder)
    for key, floor in FLOORS["floors"].items():
        assert figures[key] >= floor, (key, figures[key], floor)
