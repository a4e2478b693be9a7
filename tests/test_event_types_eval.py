"""Event types of whole stories (storyline evaluate event-types): reading NGEC's story file,
coding mentions as its codebook does, scoring, and floors on the public data.

The fixture stories are written for these tests (tests/fixtures/ngec); the floors run on
../shared/data/ngec_synthetic and skip when it is absent."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from storyline.errors import BadOption
from storyline.evaluate.event_types import evaluate, find_stories, format_report, read_stories

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ngec"
FLOORS = Path(__file__).resolve().parent / "floors" / "event_types.json"


def test_reads_stories_by_split_and_sample() -> None:
    every = list(read_stories(FIXTURE, "all"))
    assert [s.index for s in every] == [0, 1, 2, 3, 4]
    assert every[0].type == "RETREAT" and every[0].mode == "release"
    assert every[2].mode is None  # an empty mode is none
    assert [s.index for s in read_stories(FIXTURE, "dev")] == [0, 2, 4]
    assert [s.index for s in read_stories(FIXTURE, "test")] == [1, 3]
    assert [s.index for s in read_stories(FIXTURE, "all", every=2)] == [0, 2, 4]
    assert [s.index for s in read_stories(FIXTURE, "all", limit=2)] == [0, 1]


def test_bad_split_and_missing_file_are_clear(tmp_path: Path) -> None:
    with pytest.raises(BadOption, match="--split"):
        list(read_stories(FIXTURE, "train"))
    with pytest.raises(BadOption, match="--every"):
        list(read_stories(FIXTURE, "all", every=0))
    with pytest.raises(BadOption, match="gpt_synthetic_events"):
        find_stories(tmp_path)


def test_rows_without_text_or_label_are_left_out_and_counted(tmp_path: Path) -> None:
    stories = tmp_path / "gpt_synthetic_events_bad.csv"
    stories.write_text(
        "text,label,mode\n"
        "The army withdrew from the town.,RETREAT,WITHDRAW\n"
        ",PROTEST,\n"
        "A story with no label.,,\n"
        "Workers went on strike.,PROTEST,STRIKE\n",
        encoding="utf-8",
    )
    skipped: list[int] = []
    got = list(read_stories(tmp_path, "all", skipped=skipped))
    assert [s.type for s in got] == ["RETREAT", "PROTEST"]
    assert skipped == [2, 3]


@pytest.mark.model
def test_scores_the_fixture_stories() -> None:
    got = evaluate(FIXTURE, split="all")
    types = got["types"]
    assert got["stories"] == 5
    assert types["RETREAT"]["found"] == 1.0  # the release, and the prime minister who quit
    assert types["PROTEST"]["lead"] == 1.0  # the march leads its story
    # a curfew promised to be lifted is a concession in NGEC's codebook, not a retreat made
    assert types["CONCEDE"]["found"] == 1.0
    assert types["AID"]["found"] == 0.0  # the weather story tells no aid, whatever its label
    assert got["mode_stories"] == 3 and got["mode"] == 1.0  # release, demonstration, resignation
    report = format_report(got)
    assert "not human gold" in report and "RETREAT" in report


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.data
@pytest.mark.model
def test_event_type_floors_on_ngec_stories(shared_data: Path) -> None:
    spec = json.loads(FLOORS.read_text(encoding="utf-8"))
    folder = shared_data / spec["folder"]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    assert _digest(find_stories(folder)) == spec["digest"], f"the stories changed: re-measure and re-pin {FLOORS}"
    got = evaluate(folder, split=spec["split"], every=spec["every"])
    assert got["stories"] == spec["stories"]
    for metric, floor in spec["floors"].items():
        assert got[metric] >= floor, f"{metric} fell to {got[metric]:.3f} (floor {floor})"
