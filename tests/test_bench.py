"""`storyline bench`: both contenders must really analyse the corpus, whatever field mapping
read it (a contender that rejects everything is fast for the wrong reason)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.bench import bench
from storyline.config import Options
from storyline.errors import InputNotFound

pytestmark = pytest.mark.model

TEXT = ("The foreign ministers of Veldora and Karst met in Lindholm on Friday to discuss the river treaty. "
        "Mediator Anna Hålvorsen said the talks would resume next week.")


def test_bench_with_a_field_mapping_times_real_work(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps({"body_text": f"{TEXT} Round {i}.", "date": "2025-03-14"}) + "\n"
                              for i in range(3)))
    r = bench([str(source)], 4, Options(workers=1, fields={"text": "body_text"}))
    assert r.articles == 4
    assert r.stages.get("nlp", 0) > 0 and r.stages.get("entities", 0) > 0  # storyline parsed and extracted
    assert 0.05 < r.ratio < 5


def test_bench_says_when_there_is_nothing_to_time(tmp_path: Path) -> None:
    source = tmp_path / "corpus.jsonl"
    source.write_text(json.dumps({"title": "no text"}) + "\n")
    with pytest.raises(InputNotFound, match="no English article"):
        bench([str(source)], 4, Options(workers=1))
