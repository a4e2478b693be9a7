"""Event dates against SemEval-2015 Task 4 timelines: does storyline put each event it finds on
the day, month or year the gold timeline anchors it to?

SemEval-2015 Task 4, "TimeLine: cross-document event ordering" (Minard et al. 2015), gives
Wikinews articles as tokens (CAT XML: ``<token t_id sentence number>``, the creation time as a
TIMEX3 with ``functionInDocument="CREATION_TIME"``) and, for target entities ("Steve Jobs",
"iPhone 4"), gold timelines: a text file whose first line names the entity and whose other lines
are ``order<TAB>anchor<TAB>event ...``. An anchor is a date (``2010-06-07``, ``2008-03-XX``,
``1976``) or ``XXXX-XX-XX`` when the annotators could not place the event; an event is
``doc-sentence-word`` (``16844-2-unveiled``).

Each article's text is rebuilt from its tokens, one sentence a paragraph (the title, the date
line, the body), and analysed with its creation time as the publication date. A gold event is
found when one of storyline's event reports starts at that word of that sentence.

How the figures are computed (format_report says the same in short):

- found: gold event mentions (each doc-sentence-word once) at which storyline reports an event.
  Storyline types events with PLOVER, a political ontology, so most of the task's events
  ("has", "born", "release") are outside what it looks for: this is coverage, not recall.
- dated right: of the found events the gold anchors to a date, those whose storyline date agrees
  at the gold's granularity (the same day for a day, the same month for ``2008-03-XX``, the same
  year for ``1976``); a coarser storyline date (a year for a day) or none is wrong.
- without a time of their own: of those dated wrong, how many storyline dated from the article
  (the day it appeared, or the day its lead reports), having found no time expression for them
  in their sentence.
- gold unanchored: found events the gold leaves at ``XXXX-XX-XX``, and how many of them
  storyline dates (not scored: the gold does not say).

Run it with: ``storyline evaluate timelines ../shared/data/semeval2015_timelines``. The path may
hold several corpora (the trial data, or the evaluation corpora ``corpus_1`` ... with their
``TimeLines_Gold_Standard``); every CAT file under it is read once (Track B copies, which add
gold event tags to the same tokens, are skipped when a Track A or trial copy is present), and
every timeline file under a folder whose name starts with "TimeLines".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import DEFAULT_MODEL
from ..errors import BadOption
from ..model import Article, DateValue, Event, article_id
from .stories import PARAGRAPH_BREAK, detokenise_spans

CREATION_TIME = "CREATION_TIME"
UNANCHORED = "XXXX-XX-XX"
# A gold anchor: a year, then optionally a month and a day, each possibly unknown (XX).
ANCHOR = re.compile(r"^(\d{4}|XXXX)(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?$")


@dataclass(frozen=True, slots=True)
class TimelineDoc:
    """One article: its id, its text rebuilt from its tokens, its creation day, and where each
    (sentence, word) stands in the text (a word may occur more than once in a sentence)."""

    id: str
    text: str
    dct: str | None
    words: Mapping[tuple[int, str], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An event mention of a gold timeline and the anchors it is given (usually one)."""

    doc: str
    sentence: int
    word: str
    anchors: frozenset[str]
    entities: frozenset[str]


def read_cat(path: Path) -> TimelineDoc:
    """One CAT XML article: its text (one sentence a paragraph) and its words' offsets."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for token in root.iter("token"):
        sentences[int(token.get("sentence", 0))].append((int(token.get("number", 0)), token.text or ""))
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == CREATION_TIME:
            dct = (tx.get("value") or "")[:10] or None
            break
    paragraphs: list[str] = []
    words: dict[tuple[int, str], list[int]] = defaultdict(list)
    offset = 0
    for number, numbered in sorted(sentences.items()):
        tokens = [t for _, t in sorted(numbered) if t.strip()]
        text, spans = detokenise_spans(tokens)
        if not text:
            continue
        paragraphs.append(text)
        for word, (start, _) in zip(tokens, spans, strict=True):
            words[(number, word)].append(offset + start)
        offset += len(text) + len(PARAGRAPH_BREAK)
    doc_id = root.get("doc_id") or path.stem.split("-")[0].split("_")[0]
    return TimelineDoc(doc_id, PARAGRAPH_BREAK.join(paragraphs), dct,
                       {k: tuple(v) for k, v in words.items()})


def _cat_files(path: Path) -> list[Path]:
    """The CAT articles under path, each document once: a Track B copy (gold events tagged on
    the same tokens) only when no other copy of it is there."""
    files = sorted(p for p in path.rglob("*.xml") if "timeml" not in str(p.parent).lower())
    by_name: dict[str, list[Path]] = defaultdict(list)
    for f in files:
        by_name[f.name].append(f)
    chosen = []
    for copies in by_name.values():
        plain = [c for c in copies if "trackb" not in str(c).lower().replace("_", "")]
        chosen.append((plain or copies)[0])
    return sorted(chosen)


def read_documents(path: Path) -> dict[str, TimelineDoc]:
    """Every CAT article under path, by document id."""
    docs: dict[str, TimelineDoc] = {}
    for f in _cat_files(path):
        try:
            root_tag = ET.parse(f).getroot().tag
        except ET.ParseError as exc:
            raise BadOption(f"{f}: not XML: {exc}") from exc
        if root_tag == "Document":
            doc = read_cat(f)
            docs.setdefault(doc.id, doc)
    return docs


def read_timelines(path: Path) -> list[GoldEvent]:
    """The gold event mentions of every timeline under path, each (doc, sentence, word) once
    with all the anchors and entities it is given."""
    anchors: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    entities: dict[tuple[str, int, str], set[str]] = defaultdict(set)
    files = sorted(f for f in path.rglob("*.txt") if any(p.name.lower().startswith("timelines") for p in f.parents))
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()
        if not lines:
            continue
        entity = lines[0].strip()
        for number, line in enumerate(lines[1:], start=2):
            fields = line.split("\t")
            if len(fields) < 3:
                continue
            anchor = fields[1].strip()
            if not ANCHOR.match(anchor):
                anchor = UNANCHORED  # the trial gold writes "XXX-XX-XX" once: no date either way
            for ref in fields[2:]:
                parts = ref.strip().split("-", 2)
                if len(parts) != 3 or not parts[1].isdigit():
                    raise BadOption(f"{f}, line {number}: not a doc-sentence-word event: {ref!r}")
                key = (parts[0], int(parts[1]), parts[2])
                anchors[key].add(anchor)
                entities[key].add(entity)
    return [GoldEvent(d, s, w, frozenset(anchors[(d, s, w)]), frozenset(entities[(d, s, w)]))
            for d, s, w in sorted(anchors)]


def agrees(anchor: str, date: DateValue | None) -> bool:
    """Whether storyline's date says what a dated gold anchor says, at the anchor's granularity:
    the same year, month or day; a storyline date coarser than the anchor does not."""
    m = ANCHOR.match(anchor)
    if m is None or date is None or date.start is None or date.end is None:
        return False
    year, month, day = m.group(1), m.group(2), m.group(3)
    known = [year] + [p for p in (month, day) if p and p != "XX"]
    if "XX" in known or year == "XXXX":
        return False
    prefix = "-".join(known)
    # the date's whole interval must fall inside the anchor's year, month or day
    return date.start.startswith(prefix) and date.end.startswith(prefix)


def dated(anchor: str) -> bool:
    """Whether a gold anchor places its event at all (a year at least)."""
    return not anchor.startswith("XXXX")


def event_at(events: list[Event], starts: tuple[int, ...]) -> Event | None:
    """Storyline's event with a report whose trigger starts at one of the offsets."""
    for ev in events:
        if any(r.start in starts for r in ev.reports):
            return ev
    return None


def score(gold: list[GoldEvent], docs: Mapping[str, TimelineDoc], events: Mapping[str, list[Event]]
          ) -> tuple[dict[str, float], list[dict[str, Any]]]:
    """The figures, and one row per found event dated wrong (for reading)."""
    n = found = anchored = right = by_article = unanchored = unanchored_dated = missing_docs = 0
    wrong: list[dict[str, Any]] = []
    for g in gold:
        doc = docs.get(g.doc)
        if doc is None:
            missing_docs += 1
            continue
        n += 1
        ev = event_at(events.get(g.doc, []), doc.words.get((g.sentence, g.word), ()))
        if ev is None:
            continue
        found += 1
        anchors = [a for a in g.anchors if dated(a)]
        if not anchors:
            unanchored += 1
            unanchored_dated += ev.date is not None
            continue
        anchored += 1
        if any(agrees(a, ev.date) for a in anchors):
            right += 1
            continue
        report = next(r for r in ev.reports if r.start in doc.words[(g.sentence, g.word)])
        from_article = ev.date is not None and report.date_text is None
        by_article += from_article
        wrong.append({"event": f"{g.doc}-{g.sentence}-{g.word}", "gold": sorted(anchors),
                      "storyline": ev.date.value if ev.date else None, "type": ev.type, "status": ev.status,
                      "without_own_time": from_article,
                      "sentence": doc.text[report.sentence_start:report.sentence_end]})
    figures = {
        "documents": float(len(docs)), "gold_events": float(n), "found": float(found),
        "found_share": found / n if n else 0.0, "anchored": float(anchored), "dated_right": float(right),
        "dated_accuracy": right / anchored if anchored else 0.0,
        "wrong_without_own_time": float(by_article),
        "unanchored": float(unanchored), "unanchored_dated": float(unanchored_dated),
        "gold_events_without_document": float(missing_docs),
    }
    return figures, wrong


def analyse_documents(docs: Mapping[str, TimelineDoc], model: str) -> Iterator[tuple[str, list[Event]]]:
    """Storyline's events of every article, its creation time given as the publication date."""
    from ..extract.entities import extract_entities
    from ..extract.events import extract_events
    from ..extract.time import extract_timexes
    from ..nlp import load_nlp, parse

    nlp = load_nlp(model)
    ordered = sorted(docs.values(), key=lambda d: d.id)
    for d, parsed in zip(ordered, parse(nlp, (d.text for d in ordered)), strict=True):
        article = Article(id=article_id(d.text), text=d.text, origin=d.id, published=d.dct,
                          published_from="given" if d.dct else None, language="en")
        # the stages as the pipeline runs them (evaluate may not import the pipeline)
        mentions, entities = extract_entities(parsed, article)
        yield d.id, extract_events(parsed, article, mentions, entities, extract_timexes(parsed, article))


def evaluate(path: Path, limit: int | None = None, model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Read the articles and timelines under path, analyse the articles and score the dates."""
    docs = read_documents(path)
    if limit is not None:
        docs = dict(sorted(docs.items())[:limit])
    gold = read_timelines(path)
    if not docs or not gold:
        raise BadOption(f"{path}: no CAT articles or no timelines (TimeLines*/*.txt) found")
    if limit is not None:
        gold = [g for g in gold if g.doc in docs]
    events = dict(analyse_documents(docs, model))
    figures, wrong = score(gold, docs, events)
    return {**figures, "wrong": wrong}


def format_report(figures: dict[str, Any], shown: int = 10) -> str:
    """The figures as a short plain-text report, with the first few events dated wrong."""
    f = figures
    lines = [
        f"Event dates on SemEval-2015 Task 4 timelines: {int(f['documents'])} articles, "
        f"{int(f['gold_events'])} gold event mentions",
        f"  found by storyline        {int(f['found']):>5}  ({f['found_share']:.1%}; PLOVER types only)",
        f"  of them anchored to a date {int(f['anchored']):>4}",
        f"  dated right               {int(f['dated_right']):>5}  accuracy {f['dated_accuracy']:.3f}",
        f"  wrong, dated without a time of their own {int(f['wrong_without_own_time'])}",
        f"  gold unanchored (XXXX)    {int(f['unanchored']):>5}  of them dated by storyline "
        f"{int(f['unanchored_dated'])}",
    ]
    if f.get("gold_events_without_document"):
        lines.append(f"  gold events whose article is not under the path: {int(f['gold_events_without_document'])}")
    wrong = f.get("wrong") or []
    if wrong:
        lines.append("\nDated wrong (gold / storyline):")
        for w in wrong[:shown]:
            lines.append(f"  {w['event']}: {', '.join(w['gold'])} / {w['storyline']}"
                         f"{' (no time of its own)' if w['without_own_time'] else ''}")
    lines.append("\nA gold event is found when a storyline event report starts at its word; dated right when "
                 "storyline's date falls in the gold anchor's day, month or year.")
    return "\n".join(lines)
