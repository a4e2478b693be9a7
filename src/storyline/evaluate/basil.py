"""Stories against BASIL: are three outlets' reports of one event in one story, and different
events kept apart?

BASIL (Fan et al., EMNLP 2019) holds 100 events of US politics from 2010 to 2019, ten a year, each
reported by Fox News, The New York Times and HuffPost: 300 dated articles whose ``triplet-uuid``
names the event they report. This is storyline's everyday case: several outlets, each with its own
words, names and angle, telling one event within a few days of each other (up to four days apart
here). Each article is written as a JSON record with its text (body paragraphs, one a paragraph),
title, outlet and publication day, the split's records are ingested into a fresh store, and the
figures read the store's ``stories`` table.

How the figures are computed (format_report says the same in short), with stories.score:

- pairwise, over all pairs of articles: predicted together when the two share a story, gold
  together when they report the same event. "across events" counts the predicted pairs that join
  reports of different events.
- B-cubed, over articles, each in its largest story (none: alone).
- whole events: the events whose three reports share one story.

A story is a developing storyline, and BASIL's events are single days of one: a government
shutdown's start, its deal and its aftermath are three BASIL events and may honestly be one story.
Precision here is therefore a lower bound of how often storyline joins unrelated news.

Splits, by the year of the event: train 2010-2015 (60 events), dev 2016-2019 (40 events), all.

Run it with: ``storyline evaluate basil ../shared/data/basil [--split dev]``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import DEFAULT_MODEL
from ..errors import BadOption
from .stories import Ingest, grouping_report, ingest_written, score, stories_by_document

SPLITS = ("train", "dev", "all")
LAST_TRAIN_YEAR = 2015
PARAGRAPH_BREAK = "\n\n"
# BASIL writes outlets as "fox", "nyt", "hpo" (a few in capitals): their names as a reader knows them.
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


@dataclass(frozen=True, slots=True)
class BasilArticle:
    """One BASIL article: its file's stem (``<triplet>_<n>``), the event it reports, and what a
    saved article would carry."""

    name: str
    event: str
    outlet: str
    published: str
    title: str
    text: str


def read_basil(path: Path, split: str = "all", limit: int | None = None) -> list[BasilArticle]:
    """The articles of a split (the first ``limit``), by year, event and file name; ``path`` is the
    corpus folder (holding ``articles/<year>/*.json``)."""
    if split not in SPLITS:
        raise BadOption(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    files = sorted((path / "articles").glob("*/*.json"))
    if not files:
        raise BadOption(f"no BASIL articles under {path} (expected articles/<year>/*.json)")
    out: list[BasilArticle] = []
    for file in files:
        if limit is not None and len(out) >= limit:
            break
        if not file.parent.name.isdigit() or not in_split(int(file.parent.name), split):
            continue
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            text = PARAGRAPH_BREAK.join(" ".join(sentences) for sentences in record["body-paragraphs"])
            source = str(record["source"]).lower()
            out.append(BasilArticle(file.stem, record["triplet-uuid"], OUTLETS.get(source, source),
                                    record["date"], record.get("title") or "", text))
        except (ValueError, KeyError, TypeError) as e:
            raise BadOption(f"{file}: not a BASIL article ({e})") from e
    if not out:
        raise BadOption(f"no BASIL articles of split {split!r} under {path}")
    return out


def in_split(year: int, split: str) -> bool:
    if split == "train":
        return year <= LAST_TRAIN_YEAR
    if split == "dev":
        return year > LAST_TRAIN_YEAR
    return True


def as_record(article: BasilArticle) -> dict[str, str]:
    """An article as the JSON record storyline reads, as a saved article would be."""
    return {"text": article.text, "title": article.title, "published": article.published,
            "source": article.outlet}


def whole_events(stories: Mapping[str, set[str]], gold: Mapping[str, str]) -> int:
    """How many events have all their reports in one story."""
    by_event: dict[str, list[str]] = {}
    for doc, event in gold.items():
        by_event.setdefault(event, []).append(doc)
    return sum(1 for docs in by_event.values()
               if set.intersection(*(set(stories.get(d, ())) for d in docs)))


def evaluate(
    path: Path,
    limit: int | None = None,
    model: str = DEFAULT_MODEL,
    split: str = "all",
    *,
    ingest: Ingest,
) -> dict[str, Any]:
    """Ingest the articles of a split (the first ``limit``) into a fresh store with ``ingest``
    (pipeline.ingest, passed in as evaluate may not import pipeline) and score its stories."""
    articles = read_basil(Path(path), split, limit)

    def write(folder: Path) -> None:
        # One JSON Lines file per article, so that each record's origin names its article.
        for a in articles:
            (folder / f"{a.name}.jsonl").write_text(json.dumps(as_record(a)) + "\n", encoding="utf-8")

    stories, seconds = ingest_written(write, model, ingest, stories_by_document)
    gold = {a.name: a.event for a in articles}
    figures: dict[str, Any] = score(stories, {name: (event, event) for name, event in gold.items()})
    figures["whole_events"] = float(whole_events(stories, gold))
    figures["ingest_seconds"] = seconds
    figures["split"] = split
    return figures


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a short plain-text table with a line on how they are computed."""
    return grouping_report(
        figures,
        f"Stories on BASIL ({figures.get('split', 'all')} split): {int(figures.get('documents', 0))} "
        f"articles reporting {int(figures.get('gold_stories', 0))} events (Fox News, NYT, HuffPost)",
        [("events with all reports in one story", "whole_events"), ("stories with 2 or more articles", "stories"),
         ("articles in no story", "documents_without_story"), ("predicted-together pairs", "predicted_pairs"),
         ("of them across events", "cross_topic_pairs")],
        "pairwise: two articles are together when they share a story; gold when they report the "
        "same event. B-cubed: each article in its largest story (none: alone). A story may rightly "
        "hold several BASIL events of one storyline, so precision is a lower bound.",
        width=38)
