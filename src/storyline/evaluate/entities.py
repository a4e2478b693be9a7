"""Entity resolution against ECB+ cross-document entity coreference.

Storyline keeps one entity record per real person, organisation or place across articles: every
stored mention (table ``mentions``) carries the store-wide ``entity_id`` that resolution gave it.
ECB+ (see stories.py for the corpus) marks the participants and locations of its annotated
sentences and chains the mentions of one real entity across the documents of a topic
(``CROSS_DOC_COREF``, as for events: see merging.py). This module asks: when storyline gives two
mentions in different articles one entity, are they one gold entity, and when they are one gold
entity, did it give them one? And since storyline only tags names (spaCy NER) while ECB+ also
marks pronouns and descriptions ("he", "the suspect"), how much of the gold can it reach at all?

How the figures are computed (format_report says the same in short):

- gold: the mentions of ENTITY_TAGS in the sentences ECB+'s authors validated (merging.read_gold,
  the standard setup), each with its chain: the cross-document instance it is linked to, else a
  within-document chain, else a chain of its own. A mention is *named* when its head is written
  like a name and it holds a name word ("the Gulf of Aden", not "he", "the suspect" or "a
  Vancouver office": is_named); a chain is named when one of its mentions is.
- system: the stored mentions after ingesting the split's documents in one run, each put back
  into its document's text (merging.span_placer); those outside the validated sentences are
  left out, as ECB+ says nothing there.
- alignment: one-to-one by the largest character overlap with the gold mention's head word
  (merging.align, as for events, on heads): ECB+ spans are whole phrases ("a Vancouver office",
  "New Zealand's highest peak"), and the city or country named inside one is another entity.
- coverage: the share of named gold mentions that a system mention aligns to (named recall);
  the same over every mention of the named chains (pronouns included, which NER cannot reach);
  and the same over the named mentions in the stored text (the headline that ingestion splits
  off is never analysed); the share of system mentions aligned to a gold one (a name ECB+ does
  not mark as a participant or place on its own, "Somali", "CNN", the city in "a Vancouver
  office", counts against it as a wrong span does: it is not NER precision).
- linking, over aligned pairs only (merging.pairwise and merging.bcubed): two aligned mentions
  are predicted together when they share a stored entity, gold together when in one chain.
  Pairwise figures count pairs from DIFFERENT documents (resolution across articles), and again
  over all pairs; B-cubed is over aligned mentions, same-document ones included.
- baseline: the same aligned mentions clustered by their surface text, case-folded, so that
  the figures show what resolution adds to string matching.

Run it with: ``storyline evaluate entities ../shared/data/ecbplus [--split dev]``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import DEFAULT_MODEL
from ..store.duckdb import Store
from .merging import (
    GoldMention,
    SystemReport,
    align,
    bcubed,
    pairs_apart,
    pairwise,
    read_gold,
    span_placer,
    validated_sentences,
)
from .stories import Ingest, _f1, _share, ingest_texts, prf_row, read_document_spans


def _words(text: str) -> frozenset[str]:
    """A word list written as running text (as extract/entities.py writes its lists)."""
    return frozenset(text.split())


# The ECB+ markables scored, chosen from what they hold in the corpus. Persons, organisations,
# states and places are what storyline's PERSON / ORG / GPE / NORP / LOC / FAC mentions are;
# HUMAN_PART_MET is a place or body standing for its people ("Hollywood", "Washington Post"),
# which NER tags ORG or GPE; HUMAN_PART_FAC (two mentions) is a facility acting. Left out:
# HUMAN_PART_GENERIC (a kind, not one entity: "you", "anyone", the office "surgeon general"),
# HUMAN_PART_VEH (ships), NON_HUMAN_PART* (objects, software, laws, scores) and LOC_OTHER
# ("the scene", "in the head"): none of them is one person, organisation or place.
ENTITY_TAGS = (
    "HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "HUMAN_PART_MET", "HUMAN_PART_FAC",
    "LOC_GEO", "LOC_FAC",
)
# Prepositions: a location markable often opens with one ("in Queens", "outside a store in
# Bloomington") and a post-modifier always does ("a mountain in New Zealand", "Gulf of Aden").
PREPOSITIONS = _words("""
in at on to from into onto near of for by with outside inside towards toward along across around
behind between through throughout within over under above below beside off upon via against
""")
# Words a markable may open with before its noun phrase: prepositions and determiners.
LEADING_WORDS = PREPOSITIONS | _words("the a an this that these those some another any his her its their our my your")
# Words that start a post-modifier, ending the noun phrase that holds the head.
POST_MODIFIER_WORDS = PREPOSITIONS | frozenset({"who", "whom", "whose", "which", "that", "where"})
# Capitalised words that never make a mention a name: pronouns, determiners, prepositions.
NOT_NAME_WORDS = LEADING_WORDS | POST_MODIFIER_WORDS | _words("i me he him she hers it we us they them you there here")
POSSESSIVE_ENDS = ("'s", "’s", "'", "’")
PUNCTUATION = ",;:.!?\"'()[]"
PARAGRAPH_BREAK = "\n\n"  # stories.read_document writes one sentence a paragraph
# How many of the chains storyline splits or joins most the report lists, each way.
WORST_SHOWN = 8


@dataclass(frozen=True, slots=True)
class Head:
    """The head word of a gold mention: what a system mention must overlap to align with it, so
    that the city in "a Vancouver office" or the country in "New Zealand's highest peak" is
    not taken for a mention of the office or the peak."""

    doc: str
    start: int
    end: int
    mention: GoldMention


@dataclass(frozen=True, slots=True)
class SystemMention:
    """One stored mention put in an ECB+ document: its span there, surface text, NER type and
    the store-wide entity it was resolved to."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    entity: str


# ----------------------------------------------------------------------------- reading gold


def core_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the words of a mention's noun phrase proper: after the prepositions and
    determiners it opens with and after any possessor ("New Zealand's highest peak": highest
    peak), up to its first post-modifier (a preposition, a relative pronoun, or the word after a
    comma: "a mountain in New Zealand", "Eric Kirkpatrick, 61"). Its last word is the head; it is
    the whole mention's last word when nothing is left."""
    words = [(start + w.start(), start + w.end()) for w in re.finditer(r"\S+", text[start:end])]
    if not words:
        return []
    low = [text[a:b].lower().strip(PUNCTUATION) for a, b in words]
    first = 0
    while first < len(words) - 1 and low[first] in LEADING_WORDS:
        first += 1
    last = first + 1
    while last < len(words) and low[last] not in POST_MODIFIER_WORDS and text[words[last - 1][1] - 1] not in ",;:":
        last += 1
    core = words[first:last]
    owners = [i for i, (a, b) in enumerate(core[:-1]) if text[a:b].endswith(POSSESSIVE_ENDS)]
    return core[owners[-1] + 1:] if owners else core


def head_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The head word of a mention (core_words), its edge punctuation left out."""
    words = core_words(text, start, end)
    if not words:
        return start, end
    a, b = words[-1]
    word = text[a:b]
    stripped = word.strip(PUNCTUATION)
    if not stripped:
        return a, b
    a += word.index(stripped)
    return a, a + len(stripped)


def is_named(text: str, start: int, end: int) -> bool:
    """Whether a gold mention names its entity ("Hugh Jackman", "in Queens", "the Philadelphia
    76ers") rather than describing it or standing for it ("the actor", "he", "a mountain in New
    Zealand", "a Vancouver office", "Obama administration"): its head (head_span) is written
    like a name, with a capital or a digit, and its noun phrase proper (core_words) holds a name
    word, a capitalised word other than NOT_NAME_WORDS. The first word of a sentence is
    capitalised whatever it is ("Police said"), so it is never that name word by itself; a
    headline in title case ("Man Arrested") still passes, which is rare in the validated
    sentences."""
    first = text[slice(*head_span(text, start, end))][:1]
    if not (first.isupper() or first.isdigit()):
        return False
    at_sentence_start = start == 0 or text[max(0, start - len(PARAGRAPH_BREAK)):start] == PARAGRAPH_BREAK
    return any(_is_name_word(text[a:b]) and not (a == start and at_sentence_start)
               for a, b in core_words(text, start, end))


def _is_name_word(word: str) -> bool:
    """A capitalised word that is not a pronoun, determiner or preposition ("I'm" is "I")."""
    word = word.strip(PUNCTUATION)
    return word[:1].isupper() and re.split("['’]", word.lower())[0] not in NOT_NAME_WORDS


def heads(gold: Sequence[GoldMention], texts: Mapping[str, str]) -> list[Head]:
    """Each gold mention's head (head_span)."""
    return [Head(g.doc, *head_span(texts[g.doc], g.start, g.end), g) for g in gold]


def sentence_spans(path: Path) -> dict[int, tuple[int, int]]:
    """Each written sentence's (start, end) in read_document's text, by ECB+ sentence number."""
    _, token_spans = read_document_spans(path)
    spans: dict[int, tuple[int, int]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        span = token_spans.get(token.get("t_id", ""))
        if span is None:
            continue  # left out of the text
        n = int(token.get("sentence", -1))
        first, last = spans.get(n, span)
        spans[n] = (min(first, span[0]), max(last, span[1]))
    return spans


def scored_spans(path: Path, docs: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """The character spans of each document's validated sentences (all its sentences when the
    list is not there): the stretches where the gold is complete enough to score against."""
    corpus = path / "ECB+" if (path / "ECB+").is_dir() else path
    validated = validated_sentences(path)
    out: dict[str, list[tuple[int, int]]] = {}
    for doc in docs:
        spans = sentence_spans(corpus / doc.split("_", 1)[0] / f"{doc}.xml")
        out[doc] = sorted(s for n, s in spans.items() if validated is None or (doc, n) in validated)
    return out


def read_entity_gold(path: Path, split: str = "dev", limit: int | None = None
                     ) -> tuple[dict[str, str], list[GoldMention], dict[str, list[tuple[int, int]]]]:
    """The texts of a split's documents, their entity mentions (ENTITY_TAGS, validated sentences
    only) with their chains, and the spans of the sentences scored (scored_spans)."""
    texts, mentions = read_gold(Path(path), split, limit, ENTITY_TAGS)
    return texts, mentions, scored_spans(Path(path), texts)


# ----------------------------------------------------------------------------- system side


def system_mentions(store: Store, texts: Mapping[str, str]) -> tuple[list[SystemMention], int]:
    """Every stored mention, once for each document of its article, in the document's text; and
    how many could not be placed so. A mention without an entity id is an entity of its own."""
    place = span_placer(store, texts)
    out: list[SystemMention] = []
    unplaced = 0
    rows = store.query('SELECT article_id, start, "end", text, type, entity_id FROM mentions '
                       'ORDER BY article_id, start, "end"')
    for row in rows:
        placed, missed = place(row["article_id"], int(row["start"]), int(row["end"]))
        unplaced += missed
        entity = row["entity_id"] or f"{row['article_id']}/{row['start']}"
        out.extend(SystemMention(doc, start, end, row["text"], row["type"], entity) for doc, start, end in placed)
    return out, unplaced


def stored_ranges(store: Store, texts: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    """The stretch of each document's text that its stored article holds: the headline that
    ingestion splits off is outside it, so no mention there can be found."""
    place = span_placer(store, texts)
    out: dict[str, tuple[int, int]] = {}
    for row in store.query("SELECT id, length(text) AS n FROM articles"):
        for doc, start, end in place(row["id"], 0, int(row["n"]))[0]:
            out[doc] = (start, end)
    return out


def within(m: SystemMention | GoldMention, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether a mention lies inside one of the spans."""
    return any(start <= m.start and m.end <= end for start, end in spans)


# ----------------------------------------------------------------------------- scoring


def align_heads(system: Sequence[SystemMention], gold: Sequence[GoldMention], texts: Mapping[str, str]
                ) -> list[tuple[SystemMention, GoldMention]]:
    """One-to-one pairs of a system mention and the gold mention whose head it overlaps
    (merging.align on heads): a name inside a longer description is not that description."""
    return [(m, h.mention) for m, h in align(system, heads(gold, texts))]


def as_reports(aligned: Sequence[tuple[SystemMention, GoldMention]], by_text: bool = False
               ) -> list[tuple[SystemReport, GoldMention]]:
    """Aligned mentions in the form merging's scores take: clustered by their stored entity, or
    with ``by_text`` by their case-folded surface text (the string-matching baseline)."""
    return [(SystemReport(m.doc, m.start, m.end, m.text.casefold() if by_text else m.entity), g) for m, g in aligned]


def linking(aligned: Sequence[tuple[SystemMention, GoldMention]], by_text: bool = False) -> dict[str, float]:
    """Pairwise figures across documents (``pair_*``) and over all pairs (``all_pair_*``), and
    B-cubed, for one clustering of the aligned mentions (as_reports)."""
    reports = as_reports(aligned, by_text)
    every = pairwise(reports, across_documents=False)
    return {
        **pairwise(reports),
        **{f"all_{k}": v for k, v in every.items() if k != "cross_topic_pairs"},  # the same either way
        **bcubed(reports),
    }


def coverage(system: Sequence[SystemMention], gold: Sequence[GoldMention],
             aligned: Sequence[tuple[SystemMention, GoldMention]], texts: Mapping[str, str],
             stored: Mapping[str, tuple[int, int]] | None = None) -> dict[str, float]:
    """How much of the gold the system mentions reach, and how many of them ECB+ marks."""
    named = {g for g in gold if is_named(texts[g.doc], g.start, g.end)}
    named_chains = {g.chain for g in named}
    in_named_chains = [g for g in gold if g.chain in named_chains]
    found = {g for _, g in aligned}
    docs_of: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        docs_of[g.chain].add(g.doc)
    figures = {
        "documents": float(len(texts)),
        "gold_mentions": float(len(gold)),
        "gold_chains": float(len(docs_of)),
        "gold_cross_doc_chains": float(sum(1 for docs in docs_of.values() if len(docs) >= 2)),
        "named_mentions": float(len(named)),
        "named_chains": float(len(named_chains)),
        "named_chain_mentions": float(len(in_named_chains)),
        "named_found": float(len(named & found)),
        "named_recall": _share(len(named & found), len(named)),
        "named_chain_found": float(sum(1 for g in in_named_chains if g in found)),
        "named_chain_recall": _share(sum(1 for g in in_named_chains if g in found), len(in_named_chains)),
        "system_mentions": float(len(system)),
        "aligned_mentions": float(len(aligned)),
        "system_precision": _share(len(aligned), len(system)),
    }
    if stored is not None:  # named mentions no system could find: outside the stored text
        inside = {g for g in named if g.doc in stored and within(g, [stored[g.doc]])}
        figures["named_in_stored"] = float(len(inside))
        figures["named_found_in_stored"] = float(len(inside & found))
        figures["named_recall_stored"] = _share(len(inside & found), len(inside))
    return figures


def by_tag(gold: Sequence[GoldMention], aligned: Sequence[tuple[SystemMention, GoldMention]],
           texts: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """Named gold mentions and those found, by ECB+ tag."""
    named = Counter(g.tag for g in gold if is_named(texts[g.doc], g.start, g.end))
    found = Counter(g.tag for _, g in aligned if is_named(texts[g.doc], g.start, g.end))
    return {tag: {"named": float(n), "found": float(found[tag]), "recall": _share(found[tag], n)}
            for tag, n in sorted(named.items())}


def person_typing(aligned: Sequence[tuple[SystemMention, GoldMention]]) -> dict[str, float]:
    """Are the aligned mentions storyline types PERSON those ECB+ marks as a person
    (HUMAN_PART_PER), and the other way round? The type decides whether a name can be a speaker,
    an actor's surname or a place, so a person typed an organisation ("President Trump" as ORG)
    is lost to all three."""
    said = sum(1 for m, _ in aligned if m.type == "PERSON")
    marked = sum(1 for _, g in aligned if g.tag == "HUMAN_PART_PER")
    both = sum(1 for m, g in aligned if m.type == "PERSON" and g.tag == "HUMAN_PART_PER")
    p, r = _share(both, said), _share(both, marked)
    return {"person_type_precision": p, "person_type_recall": r, "person_type_f1": _f1(p, r),
            "person_typed": float(said), "person_marked": float(marked)}


def score(system: Sequence[SystemMention], gold: Sequence[GoldMention], texts: Mapping[str, str],
          stored: Mapping[str, tuple[int, int]] | None = None) -> dict[str, Any]:
    """All figures for system mentions against the gold mentions of the same documents: coverage,
    storyline's linking (plain keys) and the string baseline's (``baseline_`` keys)."""
    aligned = align_heads(system, gold, texts)
    return {
        **coverage(system, gold, aligned, texts, stored),
        **linking(aligned),
        **{f"baseline_{k}": v for k, v in linking(aligned, by_text=True).items()},
        "by_tag": by_tag(gold, aligned, texts),
        **person_typing(aligned),
        "errors": chain_errors(aligned),
    }


def chain_errors(aligned: Sequence[tuple[SystemMention, GoldMention]], limit: int = WORST_SHOWN
                 ) -> dict[str, list[dict[str, Any]]]:
    """The gold chains storyline splits most (cross-document gold pairs it misses) and the
    entities that make most wrong cross-document pairs, with the surface forms of each: the
    examples behind the pairwise figures."""
    by_chain: dict[str, list[SystemMention]] = defaultdict(list)
    by_entity: dict[str, list[tuple[SystemMention, str]]] = defaultdict(list)
    for m, g in aligned:
        by_chain[g.chain].append(m)
        by_entity[m.entity].append((m, g.chain))
    split = sorted(
        (-missed, chain, sorted({m.text for m in ms}))
        for chain, ms in by_chain.items()
        if (missed := pairs_apart(("", m.doc) for m in ms) - pairs_apart((m.entity, m.doc) for m in ms))
    )
    joined = sorted(
        (-wrong, entity, sorted({m.text for m, _ in ms}))
        for entity, ms in by_entity.items()
        if (wrong := pairs_apart(("", m.doc) for m, _ in ms) - pairs_apart((c, m.doc) for m, c in ms))
    )
    return {
        "split_chains": [{"chain": k, "pairs": -n, "forms": forms} for n, k, forms in split[:limit]],
        "joined_entities": [{"entity": k, "pairs": -n, "forms": forms} for n, k, forms in joined[:limit]],
    }


# ----------------------------------------------------------------------------- running


def evaluate(
    path: Path,
    split: str = "dev",
    limit: int | None = None,
    model: str = DEFAULT_MODEL,
    *,
    ingest: Ingest,
) -> dict[str, Any]:
    """Ingest the ECB+ documents of a split (the first ``limit``) into a fresh store with
    ``ingest`` (pipeline.ingest, passed in because evaluate may not import pipeline: see the
    layer contract) and score the entities it resolved."""
    texts, gold, scored = read_entity_gold(Path(path), split, limit)

    def read(store: Store) -> tuple[list[SystemMention], int, dict[str, tuple[int, int]]]:
        found, unplaced = system_mentions(store, texts)
        return found, unplaced, stored_ranges(store, texts)

    (found, unplaced, stored), seconds = ingest_texts(texts, model, ingest, read)
    system = [m for m in found if within(m, scored.get(m.doc, ()))]
    figures = score(system, gold, texts, stored)
    figures["stored_mentions"] = float(len(found))
    figures["unplaced_mentions"] = float(unplaced)
    figures["ingest_seconds"] = seconds
    figures["split"] = split
    return figures


# ----------------------------------------------------------------------------- report


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a short plain-text table with a line on how they are computed."""
    def count(key: str) -> int:
        return int(figures.get(key, 0))

    def row(label: str, prefix: str) -> str:
        return prf_row(figures, label, prefix, width=38)

    lines = [
        f"Entity resolution on ECB+ ({figures.get('split', 'dev')} split): {count('documents')} documents, "
        f"{count('gold_mentions')} gold entity mentions in {count('gold_chains')} chains "
        f"({count('gold_cross_doc_chains')} across documents)",
        f"  {'named gold mentions found':<34} {count('named_found'):>6} of {count('named_mentions'):<6}"
        f"{figures.get('named_recall', 0.0):7.3f}",
        f"  {'  in the stored text (no headline)':<34} {count('named_found_in_stored'):>6} of "
        f"{count('named_in_stored'):<6}{figures.get('named_recall_stored', 0.0):7.3f}",
        f"  {'mentions of named chains found':<34} {count('named_chain_found'):>6} of "
        f"{count('named_chain_mentions'):<6}{figures.get('named_chain_recall', 0.0):7.3f}",
        f"  {'system mentions aligned to gold':<34} {count('aligned_mentions'):>6} of "
        f"{count('system_mentions'):<6}{figures.get('system_precision', 0.0):7.3f}",
    ]
    for tag, f in figures.get("by_tag", {}).items():
        lines.append(f"    {tag:<32} {int(f['found']):>6} of {int(f['named']):<6}{f['recall']:7.3f}")
    lines += [
        "",
        f"  {'linking, aligned mentions':<38}{'P':>7}{'R':>7}{'F1':>7}   pairs predicted / gold",
    ]
    for who, key in (("storyline", ""), ("string match", "baseline_")):
        lines.append(row(f"{who}, pairs across documents", f"{key}pair")
                     + f"   {count(f'{key}predicted_pairs')} / {count(f'{key}gold_pairs')}")
        lines.append(row(f"{who}, all pairs", f"{key}all_pair")
                     + f"   {count(f'{key}all_predicted_pairs')} / {count(f'{key}all_gold_pairs')}")
        lines.append(row(f"{who}, B-cubed", f"{key}bcubed"))
    if figures.get("person_marked"):
        lines.append(row("typed PERSON, aligned mentions", "person_type")
                     + f"   {count('person_typed')} typed / {count('person_marked')} gold persons")
    errors = figures.get("errors", {})
    for title, key in (("gold chains split most", "split_chains"),
                       ("entities joining most wrong pairs", "joined_entities")):
        if errors.get(key):
            lines.append(f"\n  {title} (cross-document pairs; surface forms):")
            lines += [f"    {e['pairs']:>5}  {' | '.join(e['forms'])[:100]}" for e in errors[key]]
    if "ingest_seconds" in figures:
        lines.append(f"\ningest {figures['ingest_seconds']:.1f}s.")
    lines.append(
        "gold: ECB+ person, organisation, state and place mentions of the validated sentences; named = a name "
        "word, head written like a name. Aligned: a system mention overlapping the gold mention's head. Linking "
        "over aligned mentions only: together when one stored entity (string match: same case-folded text), gold "
        "when one ECB+ chain.")
    return "\n".join(lines)
