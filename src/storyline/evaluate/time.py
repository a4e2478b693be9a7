"""Time expressions against TimeML gold (TempEval-3 task A): extents, values and types.

`storyline evaluate time DIR` reads every ``.tml`` file under DIR, runs storyline on the text of
each with the document creation time as the publication date, and scores what it finds the way
the TempEval-3 scorer does: strict extent (same span), relaxed extent (overlapping spans), and
value and type F1 (attribute accuracy over relaxed matches times relaxed F1).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..config import DEFAULT_MODEL
from ..model import Article, TimeExpr, article_id
from .published import describe, published_figures

# The TIMEX3 that gives the document creation time; it sits outside <TEXT> and is never scored.
CREATION_TIME = "CREATION_TIME"


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One TIMEX3 of the gold: character span into the document text, type, value and modifier."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    """A TimeML document: its name, the text inside <TEXT> with tags removed, its DCT and gold,
    and the part of the corpus it belongs to (its first folder under the evaluated one)."""

    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]
    part: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """What scoring needs of a time expression, gold or system."""

    start: int
    end: int
    type: str
    value: str


def _walk(node: ET.Element, parts: list[str], gold: list[GoldTimex], pos: int) -> int:
    """Append the text under node to parts, recording TIMEX3 spans; return the new offset."""
    start = pos
    if node.text:
        parts.append(node.text)
        pos += len(node.text)
    for child in node:
        pos = _walk(child, parts, gold, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if node.tag == "TIMEX3":
        gold.append(
            GoldTimex(start, pos, "", node.get("type", ""), node.get("value", ""), node.get("mod"))
        )
    return pos


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one TimeML file: the plain text of <TEXT>, the creation date and the TIMEX3 spans."""
    root = ET.parse(path).getroot()
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == CREATION_TIME:
            dct = (tx.get("value") or "")[:10] or None
            break
    body = root.find("TEXT")
    parts: list[str] = []
    spans: list[GoldTimex] = []
    if body is not None:
        _walk(body, parts, spans, 0)
    text = "".join(parts)
    gold = tuple(
        GoldTimex(g.start, g.end, text[g.start : g.end], g.type, g.value, g.mod)
        for g in sorted(spans, key=lambda g: g.start)
    )
    return TimeMLDoc(path.stem, text, dct, gold)


def iter_timeml(path: Path, limit: int | None = None) -> Iterator[TimeMLDoc]:
    """Every .tml document under path (a file or a folder, searched recursively), sorted by
    path; a document whose file name was already seen (TBAQ-cleaned repeats one) is skipped."""
    files = [path] if path.is_file() else sorted(path.rglob("*.tml"))
    seen: set[str] = set()
    for f in files:
        if f.name in seen:
            continue
        if limit is not None and len(seen) >= limit:
            return
        seen.add(f.name)
        nested = f.relative_to(path).parts if path.is_dir() else ()
        yield replace(read_timeml(f), part=nested[0] if len(nested) > 1 else "")


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Counts:
    """Running totals for TempEval-3 task A scoring."""

    documents: int = 0
    gold: int = 0
    system: int = 0
    strict: int = 0  # system spans equal to a gold span
    relaxed: int = 0  # one-to-one pairs of overlapping spans
    value: int = 0  # relaxed pairs whose values agree
    type: int = 0  # relaxed pairs whose types agree


def match(gold: list[Span], system: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping gold and system spans, each system span taking the
    unpaired gold span it overlaps most."""
    pairs: list[tuple[Span, Span]] = []
    used: set[int] = set()
    for s in system:
        best, best_overlap = -1, 0
        for i, g in enumerate(gold):
            if i in used:
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best >= 0:
            used.add(best)
            pairs.append((gold[best], s))
    return pairs


def score(counts: Counts, gold: list[Span], system: list[Span]) -> None:
    """Add one document's spans to the totals."""
    counts.documents += 1
    counts.gold += len(gold)
    counts.system += len(system)
    gold_spans = {(g.start, g.end) for g in gold}
    counts.strict += sum((s.start, s.end) in gold_spans for s in system)
    for g, s in match(gold, system):
        counts.relaxed += 1
        counts.value += g.value == s.value
        counts.type += g.type == s.type


def _prf(hits: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = hits / n_system if n_system else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(counts: Counts) -> dict[str, float]:
    """TempEval-3 figures from totals: strict and relaxed P/R/F1, value and type accuracy and
    F1 (accuracy over relaxed matches times relaxed F1)."""
    sp, sr, sf = _prf(counts.strict, counts.system, counts.gold)
    rp, rr, rf = _prf(counts.relaxed, counts.system, counts.gold)
    value_acc = counts.value / counts.relaxed if counts.relaxed else 0.0
    type_acc = counts.type / counts.relaxed if counts.relaxed else 0.0
    return {
        "documents": float(counts.documents),
        "gold": float(counts.gold),
        "system": float(counts.system),
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "value_accuracy": value_acc, "value_f1": value_acc * rf,
        "type_accuracy": type_acc, "type_f1": type_acc * rf,
    }


def gold_spans(doc: TimeMLDoc) -> list[Span]:
    """The gold TIMEX3s of a document as scoring spans."""
    return [Span(g.start, g.end, g.type, g.value) for g in doc.timexes]


def system_spans(timexes: Iterable[TimeExpr]) -> list[Span]:
    """Storyline's time expressions as scoring spans."""
    return [Span(t.start, t.end, t.type, t.value) for t in timexes]


def article_for(doc: TimeMLDoc) -> Article:
    """The Article storyline sees for a TimeML document: its text, DCT as the given date."""
    return Article(
        id=article_id(doc.text), text=doc.text, origin=doc.name,
        published=doc.dct, published_from="given" if doc.dct else None, language="en",
    )


def evaluate(path: Path, limit: int | None = None, model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Run storyline over the TimeML documents under path and score its time expressions;
    also times the spaCy pass and the time tagging, to report their ratio. Figures for each
    part of the corpus (TimeBank, AQUAINT) are under "parts": a rule that helps one part and
    hurts the other fits an annotation habit, not the language. The publication date is also
    inferred with the creation time hidden, and compared with it ("published_*")."""
    from ..extract.time import extract_timexes, infer_published
    from ..nlp import load_nlp, parse

    docs = list(iter_timeml(path, limit))
    if not docs:  # a wrong folder would otherwise print figures of zero
        raise FileNotFoundError(f"no TimeML documents (*.tml) under {path}")
    nlp = load_nlp(model)
    t0 = time.perf_counter()
    parsed = list(parse(nlp, (d.text for d in docs)))
    spacy_seconds = time.perf_counter() - t0
    counts = Counts()
    parts: dict[str, Counts] = {}
    tag_seconds = 0.0
    inferred: list[tuple[str, str | None]] = []
    for tml, doc in zip(docs, parsed, strict=True):
        t1 = time.perf_counter()
        found = extract_timexes(doc, article_for(tml))
        tag_seconds += time.perf_counter() - t1
        score(counts, gold_spans(tml), system_spans(found))
        score(parts.setdefault(tml.part, Counts()), gold_spans(tml), system_spans(found))
        if tml.dct:
            inferred.append((tml.dct, infer_published(doc, tml.text)[0]))
    out: dict[str, Any] = dict(figures(counts))
    out.update(published_figures(inferred))
    if len(parts) > 1:
        out["parts"] = {name or "(top)": figures(c) for name, c in sorted(parts.items())}
    out["spacy_seconds"] = spacy_seconds
    out["time_seconds"] = tag_seconds
    out["time_share_of_spacy"] = tag_seconds / spacy_seconds if spacy_seconds else 0.0
    return out


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a short plain-text table."""
    f = figures
    lines = [
        f"documents {int(f.get('documents', 0))}, gold TIMEX3 {int(f.get('gold', 0))}, "
        f"found {int(f.get('system', 0))}",
        f"{'':10}{'P':>8}{'R':>8}{'F1':>8}",
        f"{'strict':10}{f['strict_precision']:8.3f}{f['strict_recall']:8.3f}{f['strict_f1']:8.3f}",
        f"{'relaxed':10}{f['relaxed_precision']:8.3f}{f['relaxed_recall']:8.3f}{f['relaxed_f1']:8.3f}",
        f"value     accuracy {f['value_accuracy']:.3f}  F1 {f['value_f1']:.3f}",
        f"type      accuracy {f['type_accuracy']:.3f}  F1 {f['type_f1']:.3f}",
    ]
    for name, p in f.get("parts", {}).items():
        lines.append(
            f"  {name:10} {int(p['documents']):4d} docs: strict {p['strict_f1']:.3f}  relaxed {p['relaxed_f1']:.3f}"
            f"  value {p['value_f1']:.3f}  type {p['type_f1']:.3f}"
        )
    if f.get("published_documents"):
        lines.append("publication date with the creation time hidden: " + describe("", f).strip())
    if "time_share_of_spacy" in f:
        lines.append(
            f"time tagging {f['time_seconds']:.2f} s = {100 * f['time_share_of_spacy']:.1f}% of the "
            f"spaCy pass ({f['spacy_seconds']:.2f} s)"
        )
    return "\n".join(lines)
