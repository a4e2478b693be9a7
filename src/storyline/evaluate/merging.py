"""Event merging against ECB+ cross-document event coreference.

Storyline keeps one event per article and then merges the events that different articles report
into one (table ``event_members``: each per-article event id and the merged event it belongs
to). ECB+ (see stories.py for the corpus) marks every event word of its annotated sentences
(``ACTION_*`` and ``NEG_ACTION_*`` markables) and chains the mentions of one real event across
documents (``CROSS_DOC_COREF``). This module asks: when storyline merges two reports from
different documents, are they mentions of one gold event, and when two reports are mentions of
one gold event, did it merge them?

How the figures are computed (format_report says the same in short):

- gold: each action mention's character span in the text rebuilt exactly as stories.read_document
  does (from its first to its last token: a few mentions skip a word), and its chain: the
  ``note`` of the CROSS_DOC_COREF relation listing it, which is the ``instance_id`` of the
  relation's target and is the same in every document of the topic (no chain spans two
  topics). A mention in no cross-document chain is in a chain of its own, or of its
  INTRA_DOC_COREF relation, named after its document so it can never meet another document's.
- alignment: each report (a per-article event's trigger word) is paired with the gold mention of
  its document that it overlaps most, one-to-one, greedily from the largest overlap (TempEval's
  relaxed matching). Reports that overlap no free mention (an event in an unannotated sentence,
  a word ECB+ does not mark) are left out of every figure below but ``system_reports``.
- pairwise, over pairs of aligned reports from DIFFERENT documents (pairs within one document
  are the per-article resolver's business, not merging's): predicted together when they belong
  to the same merged event, gold together when their mentions are in the same chain.
  P = right pairs / predicted pairs, R = right pairs / gold pairs. Recall is therefore over the
  mentions storyline found, not over all of ECB+.
- cross-topic pairs: predicted-together pairs whose documents are in different ECB+ topics,
  i.e. events of unrelated news merged.
- B-cubed, over aligned reports: a report's predicted cluster is the aligned reports of its
  merged event, its gold cluster those in its chain (same-document reports included).

Run it with: ``storyline evaluate merging ../shared/data/ecbplus [--split dev]``.
"""

from __future__ import annotations

import difflib
import json
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..config import DEFAULT_MODEL
from ..store.duckdb import Store
from .stories import DOC_NAME, Ingest, _f1, _share, ingest_texts, prf_row, read_document_spans, read_ecbplus

ACTION_TAGS = ("ACTION_", "NEG_ACTION_")
CROSS_DOC = "CROSS_DOC_COREF"
INTRA_DOC = "INTRA_DOC_COREF"
MEMBERS_TABLE = "event_members"


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One ECB+ action mention: its document, character span in the rebuilt text, chain and
    topic (the topic only serves the cross-topic count)."""

    doc: str
    start: int
    end: int
    chain: str
    topic: str
    sentence: int = -1  # the ECB+ sentence number of its first token
    tag: str = ""  # the markable's tag (ACTION_OCCURRENCE, HUMAN_PART_PER, ...)


@dataclass(frozen=True, slots=True)
class SystemReport:
    """One report of a per-article event: the document, its trigger's character span there,
    and the id of the merged event it belongs to. entities.py scores entity mentions as
    reports too, with the entity (or the baseline's cluster) in ``event``."""

    doc: str
    start: int
    end: int
    event: str


# ----------------------------------------------------------------------------- reading gold


def read_mentions(path: Path, tags: tuple[str, ...] = ACTION_TAGS) -> tuple[str, list[GoldMention]]:
    """One ECB+ file's rebuilt text (read_document's) and its mentions whose markable tag starts
    with one of ``tags`` (the action mentions by default), in text order. A mention whose tokens
    were all left out of the text (none is, in ECB+ 1.0) is dropped."""
    text, token_spans = read_document_spans(path)
    root = ET.parse(path).getroot()
    doc = path.stem
    m = DOC_NAME.match(doc)
    topic = str(int(m.group(1))) if m else doc
    chains = mention_chains(root, doc)
    sentence_of = {t.get("t_id", ""): int(t.get("sentence", -1)) for t in root.iter("token")}
    mentions: list[GoldMention] = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else ():
        if not markable.tag.startswith(tags):
            continue
        spans = [token_spans[t] for a in markable.iter("token_anchor")
                 if (t := a.get("t_id", "")) in token_spans]
        if not spans:
            continue  # an instance markable (no anchors), or only left-out tokens
        m_id = markable.get("m_id", "")
        chain = chains.get(m_id, f"{doc}/m{m_id}")
        first = next((sentence_of.get(a.get("t_id", ""), -1) for a in markable.iter("token_anchor")), -1)
        mentions.append(GoldMention(doc, min(s for s, _ in spans), max(e for _, e in spans), chain, topic, first,
                                    markable.tag))
    return text, sorted(mentions, key=lambda g: (g.start, g.end))


def mention_chains(root: ET.Element, doc: str) -> dict[str, str]:
    """The chain of each markable that a coreference relation lists as a source, by m_id.

    A CROSS_DOC_COREF's note is the instance_id of its target, the id ECB+ gives one real event
    in every document of a topic; that is the chain. An INTRA_DOC_COREF has no note and its
    target no instance_id: its chain is named after the document and relation, so it links
    mentions of one document only. Cross-document chains win if a markable is in both."""
    instance = {m.get("m_id", ""): m.get("instance_id") for m in root.iter() if m.get("instance_id")}
    chains: dict[str, str] = {}
    relations = root.find("Relations")
    ordered = sorted(relations if relations is not None else (), key=lambda r: r.tag == CROSS_DOC)
    for relation in ordered:  # intra-document first, so cross-document overwrites
        target = relation.find("target")
        target_id = target.get("m_id", "") if target is not None else ""
        chain = relation.get("note") or instance.get(target_id) or f"{doc}/r{relation.get('r_id', target_id)}"
        for source in relation.iter("source"):
            chains[source.get("m_id", "")] = chain
    return chains


def read_gold(path: Path, split: str = "dev", limit: int | None = None, tags: tuple[str, ...] = ACTION_TAGS
              ) -> tuple[dict[str, str], list[GoldMention]]:
    """The documents of a split (read_ecbplus's choice: non-empty, in order, the first
    ``limit``) as {name: text}, and their mentions of ``tags`` (as read_mentions): those of the
    sentences ECB+'s authors validated for coreference (ECBplus_coreference_sentences.csv, the
    standard setup since Cybulska & Vossen 2015) when that list is there, else all. Elsewhere
    the cross-document links are not complete, so a mention outside them may look like a
    singleton it is not."""
    docs = read_ecbplus(Path(path), split, limit)
    files = {file.stem: file for file in _corpus_root(Path(path)).glob("*/*.xml")}
    validated = validated_sentences(Path(path))
    texts: dict[str, str] = {}
    mentions: list[GoldMention] = []
    for d in docs:
        text, found = read_mentions(files[d.name], tags)
        texts[d.name] = text
        mentions.extend(g for g in found if validated is None or (g.doc, g.sentence) in validated)
    return texts, mentions


def validated_sentences(path: Path) -> set[tuple[str, int]] | None:
    """(document, sentence number) of every sentence listed in ECBplus_coreference_sentences.csv
    (beside the ECB+ folder or in it), None when the list is not there."""
    import csv

    for folder in (path, path.parent, path / "ECB+"):
        listing = folder / "ECBplus_coreference_sentences.csv"
        if listing.is_file():
            with listing.open(encoding="utf-8", newline="") as fh:
                return {(f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])) for row in csv.DictReader(fh)}
    return None


def _corpus_root(path: Path) -> Path:
    """The folder holding the topic folders, as read_ecbplus finds it."""
    return path / "ECB+" if (path / "ECB+").is_dir() else path


# ----------------------------------------------------------------------------- scoring


class Placed(Protocol):
    """Anything with a document and a character span there: what align pairs up."""

    @property
    def doc(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


R = TypeVar("R", bound=Placed)
G = TypeVar("G", bound=Placed)


def align(reports: Sequence[R], mentions: Sequence[G]) -> list[tuple[R, G]]:
    """One-to-one pairs of a report and a gold mention of the same document whose spans overlap,
    taken greedily from the largest overlap (ties: earlier report, then earlier mention), so
    the result does not depend on the order reports come in. Generic so that entity mentions
    (entities.py) align the same way event reports do."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, g in enumerate(mentions):
        by_doc[g.doc].append(j)
    candidates: list[tuple[int, int, int, int, int]] = []  # (-overlap, r.start, g.start, i, j)
    for i, r in enumerate(reports):
        for j in by_doc.get(r.doc, ()):
            g = mentions[j]
            overlap = min(r.end, g.end) - max(r.start, g.start)
            if overlap > 0:
                candidates.append((-overlap, r.start, g.start, i, j))
    pairs: list[tuple[int, int]] = []
    used_reports: set[int] = set()
    used_mentions: set[int] = set()
    for *_, i, j in sorted(candidates):
        if i not in used_reports and j not in used_mentions:
            used_reports.add(i)
            used_mentions.add(j)
            pairs.append((i, j))
    return [(reports[i], mentions[j]) for i, j in sorted(pairs)]


def pairs_apart(items: Iterable[tuple[Hashable, Hashable]]) -> int:
    """How many pairs of items share a cluster (first) but not a group (second): counting
    C(n, 2) per cluster less C(n, 2) per (cluster, group) avoids listing the pairs."""
    items = list(items)
    within = Counter(items)
    return _pair_count(Counter(c for c, _ in items).values()) - _pair_count(within.values())


def pairwise(aligned: Sequence[tuple[SystemReport, GoldMention]], across_documents: bool = True) -> dict[str, float]:
    """Pair precision, recall and F1 over aligned reports from different documents (over all
    pairs with ``across_documents=False``), and how many predicted pairs join different topics."""
    # Pairs are counted between groups: the document, or each report alone for all pairs.
    group: list[Hashable] = [r.doc if across_documents else i for i, (r, _) in enumerate(aligned)]
    predicted = pairs_apart((r.event, k) for (r, _), k in zip(aligned, group, strict=True))
    gold = pairs_apart((g.chain, k) for (_, g), k in zip(aligned, group, strict=True))
    right = pairs_apart(((r.event, g.chain), k) for (r, g), k in zip(aligned, group, strict=True))
    cross = pairs_apart((r.event, g.topic) for r, g in aligned)
    p, r = _share(right, predicted), _share(right, gold)
    return {
        "pair_precision": p,
        "pair_recall": r,
        "pair_f1": _f1(p, r),
        "predicted_pairs": float(predicted),
        "gold_pairs": float(gold),
        "right_pairs": float(right),
        "cross_topic_pairs": float(cross),
    }


def bcubed(aligned: Sequence[tuple[SystemReport, GoldMention]]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over aligned reports (merged event vs gold chain)."""
    predicted = Counter(r.event for r, _ in aligned)
    truth = Counter(g.chain for _, g in aligned)
    both = Counter((r.event, g.chain) for r, g in aligned)
    p = sum(both[(r.event, g.chain)] / predicted[r.event] for r, g in aligned)
    r_ = sum(both[(r.event, g.chain)] / truth[g.chain] for r, g in aligned)
    n = len(aligned)
    p, r_ = _share(p, n), _share(r_, n)
    return {"bcubed_precision": p, "bcubed_recall": r_, "bcubed_f1": _f1(p, r_)}


def score(reports: Sequence[SystemReport], mentions: Sequence[GoldMention]) -> dict[str, float]:
    """All figures for system reports against the gold mentions of the same documents."""
    aligned = align(reports, mentions)
    multi_doc: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        multi_doc[r.event].add(r.doc)
    return {
        "documents": float(len({g.doc for g in mentions})),
        "gold_mentions": float(len(mentions)),
        "gold_chains": float(len({g.chain for g in mentions})),
        "system_reports": float(len(reports)),
        "aligned_reports": float(len(aligned)),
        "merged_events": float(sum(1 for docs in multi_doc.values() if len(docs) >= 2)),
        **pairwise(aligned),
        **bcubed(aligned),
    }


def _pair_count(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


# ----------------------------------------------------------------------------- running


def evaluate(
    path: Path,
    limit: int | None = None,
    model: str = DEFAULT_MODEL,
    split: str = "dev",
    *,
    ingest: Ingest,
) -> dict[str, Any]:
    """Ingest the ECB+ documents of a split (the first ``limit``) into a fresh store with
    ``ingest`` (pipeline.ingest, passed in as stories.evaluate takes it) and score how the
    stored events were merged."""
    texts, mentions = read_gold(Path(path), split, limit)
    (reports, unplaced), seconds = ingest_texts(texts, model, ingest, lambda store: system_reports(store, texts))
    figures: dict[str, Any] = score(reports, mentions)
    figures["unplaced_reports"] = float(unplaced)
    figures["ingest_seconds"] = seconds
    figures["split"] = split
    return figures


def system_reports(store: Store, texts: Mapping[str, str]) -> tuple[list[SystemReport], int]:
    """Each stored event's first report, once for every document of its article (span_placer),
    with its span moved from the article's stored text into the document's; and how many
    reports could not be placed so."""
    place = span_placer(store, texts)
    out: list[SystemReport] = []
    unplaced = 0
    for row in _event_rows(store):
        reports = json.loads(row["reports"])
        if not reports:
            continue
        first = reports[0]
        placed, missed = place(first.get("article_id") or row["article_id"], int(first["start"]), int(first["end"]))
        unplaced += missed
        out.extend(SystemReport(doc, start, end, str(row["merged"])) for doc, start, end in placed)
    return out, unplaced


# Given a stored article's id and a span of its text: the span in each document read as that
# article, (document, start, end), and how many of its documents the span could not be put in.
Placer = Callable[[str, int, int], tuple[list[tuple[str, int, int]], int]]


def span_placer(store: Store, texts: Mapping[str, str]) -> Placer:
    """Spans of stored articles put in the documents they were read from (named by the file's
    stem, as stories_by_document does; a document whose text duplicates another's shares its
    article). A span of a document whose text is not in ``texts`` is not placed.

    The stored text is not the file's: the headline line is split off and the text cleaned, so
    offsets are mapped through the longest common stretches of the two texts."""
    docs_of: dict[str, list[str]] = defaultdict(list)
    for row in store.query("SELECT origin, article_id FROM inputs WHERE article_id IS NOT NULL"):
        docs_of[row["article_id"]].append(Path(row["origin"]).stem)
    stored = {row["id"]: row["text"] for row in store.query("SELECT id, text FROM articles")}
    mappers: dict[tuple[str, str], Callable[[int], int | None]] = {}

    def place(article: str, start: int, end: int) -> tuple[list[tuple[str, int, int]], int]:
        placed: list[tuple[str, int, int]] = []
        missed = 0
        for doc in docs_of.get(article, ()):
            if doc not in texts or article not in stored:
                missed += 1
                continue
            key = (article, doc)
            if key not in mappers:
                mappers[key] = offset_mapper(stored[article], texts[doc])
            span = map_span(mappers[key], start, end)
            if span is None:
                missed += 1
                continue
            placed.append((doc, *span))
        return placed, missed

    return place


def _event_rows(store: Store) -> list[dict[str, Any]]:
    """Every stored event with the merged event it belongs to; before event_members exists,
    each event is its own."""
    has_members = store.query(
        "SELECT 1 FROM information_schema.tables WHERE table_name = ?", [MEMBERS_TABLE])
    if has_members:
        return store.query(
            "SELECT e.id, e.article_id, e.reports, COALESCE(m.event_id, e.id) AS merged "
            f"FROM events e LEFT JOIN {MEMBERS_TABLE} m ON m.member_id = e.id ORDER BY e.id")
    return store.query("SELECT id, article_id, reports, id AS merged FROM events ORDER BY id")


def offset_mapper(source: str, target: str) -> Callable[[int], int | None]:
    """A map from character offsets in ``source`` to those in ``target`` (None: the character
    is not in ``target``). Cheap when ``source`` is ``target`` or a stretch of it (the body
    under a split-off headline); otherwise through difflib's matching blocks."""
    if source == target:
        return lambda k: k
    shift = target.find(source) if source else -1
    if shift >= 0:
        return lambda k: k + shift
    blocks = difflib.SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()

    def convert(k: int) -> int | None:
        for a, b, size in blocks:
            if a <= k < a + size:
                return b + (k - a)
        return None

    return convert


def map_span(mapper: Callable[[int], int | None], start: int, end: int) -> tuple[int, int] | None:
    """A span through an offset map: its first and last characters must both be found."""
    if end <= start:
        return None
    first, last = mapper(start), mapper(end - 1)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


# ----------------------------------------------------------------------------- report


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a short plain-text table with a line on how they are computed."""
    def count(key: str) -> int:
        return int(figures.get(key, 0))

    lines = [
        f"Event merging on ECB+ ({figures.get('split', 'dev')} split): {count('documents')} documents, "
        f"{count('gold_mentions')} gold event mentions in {count('gold_chains')} chains",
        f"  {'event reports':<34} {count('system_reports'):>6}",
        f"  {'aligned to a gold mention':<34} {count('aligned_reports'):>6}",
        f"  {'merged events over 2+ documents':<34} {count('merged_events'):>6}",
        f"  {'predicted-together pairs':<34} {count('predicted_pairs'):>6}  (gold {count('gold_pairs')})",
        f"  {'of them across topics':<34} {count('cross_topic_pairs'):>6}",
        "",
        f"  {'':<20}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for label, prefix in (("pairwise", "pair"), ("B-cubed", "bcubed")):
        lines.append(prf_row(figures, label, prefix))
    if "ingest_seconds" in figures:
        lines.append(f"\ningest {figures['ingest_seconds']:.1f}s.")
    lines.append(
        "pairs: two reports aligned to gold mentions, from different documents; together when in one "
        "merged event, gold when in one ECB+ cross-document chain. Gold: the validated sentences' "
        "mentions; unaligned reports are not scored.")
    return "\n".join(lines)
