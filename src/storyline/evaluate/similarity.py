"""Stories against SemEval-2022 Task 8: are two news articles that readers judged to tell the
same story in one story, and two they judged unrelated kept apart?

SemEval-2022 Task 8 (Chen et al. 2022, multilingual news article similarity) pairs news articles
and has annotators rate how similar they are overall, from 1 (very similar) to 4 (very
dissimilar), averaged over annotators. The subset in ``../shared/data`` holds the two halves of the
winning team's re-split (``training_set.csv``, ``testing_set.csv``) with the texts, cut to about a
thousand characters; only the English-English pairs are read. Every article of a split's pairs is
ingested into one fresh store, and the figures read the store's ``stories`` table.

How the figures are computed (format_report says the same in short):

- over the annotated pairs only (the other pairs of the store have no gold): a pair is predicted
  same-story when the two articles share at least one story, and gold same-story when its Overall
  score is at most the threshold. P = right predicted pairs / predicted pairs; R = right predicted
  pairs / gold pairs.
- two thresholds: 1.5 (the annotators' mean is nearer "very similar" than anything else: the same
  story), the headline figure; and 2.0 (also "somewhat similar", which takes in other events of
  the same kind, not what one story is meant to hold), reported beside it.

The articles carry no publication date, so storyline's window of days between linked segments
never applies here; the truncated texts also name fewer people and organisations than whole
articles would, which lowers recall.

Run it with: ``storyline evaluate similarity ../shared/data/semeval2022_task8_subset [--split train]``
(train reads training_set.csv, test testing_set.csv: the check set, not to tune on).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import DEFAULT_MODEL
from ..errors import BadOption
from .stories import Ingest, _f1, _share, ingest_texts, prf_row, stories_by_document

FILES = {"train": "training_set.csv", "test": "testing_set.csv"}
LANGUAGE = "en"
# Gold same-story: an Overall score at most this (1 very similar .. 4 very dissimilar).
SAME_STORY = 1.5
# A looser reading that also takes "somewhat similar" pairs for one story.
SIMILAR = 2.0
THRESHOLDS = {"same": SAME_STORY, "similar": SIMILAR}


@dataclass(frozen=True, slots=True)
class ArticlePair:
    """One annotated pair: the two article ids, their texts and the Overall score."""

    first: str
    second: str
    first_text: str
    second_text: str
    overall: float


def read_pairs(path: Path, split: str = "train", limit: int | None = None) -> list[ArticlePair]:
    """The English-English pairs of a split's CSV file (the first ``limit`` of them), in file order;
    ``path`` is the corpus folder."""
    if split not in FILES:
        raise BadOption(f"unknown split {split!r}: use one of {', '.join(FILES)}")
    file = Path(path) / FILES[split]
    if not file.is_file():
        raise BadOption(f"no {FILES[split]} under {path}")
    pairs: list[ArticlePair] = []
    with file.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if limit is not None and len(pairs) >= limit:
                break
            if row["lang1"] == row["lang2"] == LANGUAGE:
                first, second = row["pair_id"].split("_")
                pairs.append(ArticlePair(first, second, row["text1"], row["text2"], float(row["Overall"])))
    if not pairs:
        raise BadOption(f"no {LANGUAGE}-{LANGUAGE} pairs in {file}")
    return pairs


def texts_of(pairs: Sequence[ArticlePair]) -> dict[str, str]:
    """Each article's text by id (an article in several pairs once, as its first pair gives it)."""
    texts: dict[str, str] = {}
    for p in pairs:
        texts.setdefault(p.first, p.first_text)
        texts.setdefault(p.second, p.second_text)
    return texts


def score_pairs(stories: Mapping[str, set[str]], pairs: Sequence[ArticlePair]) -> dict[str, float]:
    """Pair precision, recall and F1 at each threshold of THRESHOLDS (figures named
    ``<name>_precision`` and so on), with the counts they come from; ``stories`` gives the
    stories listing each article (an article it leaves out is in none)."""
    figures: dict[str, float] = {"pairs": float(len(pairs))}
    predicted = [bool(stories.get(p.first, set()) & stories.get(p.second, set())) for p in pairs]
    figures["predicted_pairs"] = float(sum(predicted))
    for name, threshold in THRESHOLDS.items():
        gold = [p.overall <= threshold for p in pairs]
        right = sum(1 for g, q in zip(gold, predicted, strict=True) if g and q)
        precision, recall = _share(right, sum(predicted)), _share(right, sum(gold))
        figures |= {f"{name}_precision": precision, f"{name}_recall": recall, f"{name}_f1": _f1(precision, recall),
                    f"{name}_gold_pairs": float(sum(gold))}
    return figures


def story_sizes(stories: Mapping[str, set[str]]) -> dict[str, float]:
    """How many articles are in stories of two or more, and how many the largest story holds."""
    sizes = Counter(s for listed in stories.values() for s in listed)
    grouped = sum(1 for listed in stories.values() if any(sizes[s] >= 2 for s in listed))
    return {"articles_in_stories": float(grouped), "largest_story": float(max(sizes.values(), default=0))}


def evaluate(
    path: Path,
    limit: int | None = None,
    model: str = DEFAULT_MODEL,
    split: str = "train",
    *,
    ingest: Ingest,
) -> dict[str, Any]:
    """Ingest the articles of a split's English pairs (the first ``limit`` pairs) into a fresh
    store with ``ingest`` (pipeline.ingest, passed in as evaluate may not import pipeline) and
    score the stories it built on the annotated pairs."""
    pairs = read_pairs(Path(path), split, limit)
    texts = texts_of(pairs)
    stories, seconds = ingest_texts(texts, model, ingest, stories_by_document)
    listed = {doc: stories.get(doc, set()) for doc in texts}
    figures: dict[str, Any] = {"articles": float(len(texts)), **score_pairs(listed, pairs), **story_sizes(listed)}
    figures["ingest_seconds"] = seconds
    figures["split"] = split
    return figures


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a short plain-text table with a line on how they are computed."""
    lines = [
        f"Stories on SemEval-2022 Task 8 ({figures.get('split', 'train')} split, English pairs): "
        f"{int(figures.get('pairs', 0))} pairs of {int(figures.get('articles', 0))} articles",
        f"  {'predicted same-story pairs':<34} {int(figures.get('predicted_pairs', 0)):>6}",
        f"  {'articles in a story of 2 or more':<34} {int(figures.get('articles_in_stories', 0)):>6}",
        f"  {'largest story (articles)':<34} {int(figures.get('largest_story', 0)):>6}",
        "",
        f"  {'':<26}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for name, threshold in THRESHOLDS.items():
        label = f"Overall <= {threshold} ({int(figures.get(f'{name}_gold_pairs', 0))} gold)"
        lines.append(prf_row(figures, label, name, width=26))
    if "ingest_seconds" in figures:
        lines.append(f"\ningest {figures['ingest_seconds']:.1f}s.")
    lines.append(
        "Over the annotated pairs: predicted together when the two articles share a story; gold "
        "together when the annotators' Overall score (1 very similar .. 4 very dissimilar) is at most "
        "the threshold. The articles are undated, so the window of days never applies.")
    return "\n".join(lines)
