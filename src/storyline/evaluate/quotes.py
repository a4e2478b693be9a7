"""Quote extraction scored against PolNeAR's attribution relations (brat standoff files).

PolNeAR (Newell, Margolin & Ruths, LREC 2018) marks every attribution in 1,008 US political news
articles as a Source, a Cue and a Content span. It annotates attributions of thought and evidence
too ("polls show", "he believes"), which are not statements on record, so recall is measured over
the attributions a quote extractor is meant to find; precision over all of them.

How the figures are computed (format_report prints the same in words):

- Words are the ``\\w+`` runs of the text; a span's words are those it overlaps. Quotation marks
  and punctuation therefore never decide a match, whichever convention a system uses for them.
- A predicted quote is *correct* when it shares with the content of one gold attribution at
  least MATCH_MIN of the words of the shorter of the two, and at least LONG_MIN of its own words
  (any gold attribution: a statement PolNeAR files under a verb of thought is still not a false
  find). So a prediction that runs on through a relative clause the annotator left out still
  matches, but one that swallows a paragraph around a short gold quote does not.
- A gold attribution is *eligible* (counted in recall) when its content holds a double quotation
  mark or a word of its cue is a speech verb (quote_lexicon.SPEECH_VERBS, or "according to").
  It is *found* when the correct predictions together cover at least MATCH_MIN of its content
  words (a quote split by its attribution is one gold attribution and two predicted quotes).
- content P = correct / predicted; R = found / eligible; F1 their harmonic mean. Token P/R/F1
  are the same over words instead of quotes.
- quoted recall: the same recall over the eligible attributions whose content is in quotation
  marks (what a direct-quote extractor can find).
- cue: a predicted cue is correct when it overlaps a gold cue; recall over eligible attributions.
- speaker accuracy, over found eligible attributions that have a gold source: the prediction that
  overlaps the gold content most is right when its speaker span overlaps the gold source span,
  or when the folded name it resolved to contains the head word of the gold source (so "he"
  resolved to "Donald Trump" is right against gold "Trump", and vice versa). A gold source that
  is a relative pronoun ("Stephens, who said ...") stands for the noun its clause hangs on.
"""

from __future__ import annotations

import bisect
import csv
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import DEFAULT_MODEL
from ..extract.quote_lexicon import SPEECH_VERBS
from ..model import Article, Entity, Mention, article_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

Span = tuple[int, int]

# Share of words two spans must have in common to count as the same quote: half, so a quote that
# includes or leaves out "that" or an attribution tail still matches, but a sentence that merely
# touches a quote does not.
MATCH_MIN = 0.5
# Share of a prediction's own words that must be in the gold content it matches.
LONG_MIN = 0.25
WORD = re.compile(r"\w+")
DOUBLE_QUOTES = frozenset('"“”„«»``')
ACCORDING_TO = "according to"
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One PolNeAR attribution: each part is a tuple of (start, end) fragments, maybe empty."""

    content: tuple[Span, ...]
    cue: tuple[Span, ...]
    source: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    text: str
    published: str | None
    attributions: tuple[GoldAttribution, ...]


@dataclass(frozen=True, slots=True)
class Predicted:
    """What a system says about one quote, reduced to what PolNeAR can check."""

    content: Span
    cue: Span | None = None
    speaker: Span | None = None
    speaker_name: str | None = None


def read_brat(ann: str) -> list[GoldAttribution]:
    """The attribution relations (E lines) of a brat .ann file, with their text-bound spans."""
    spans: dict[str, tuple[Span, ...]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label_offsets = parts[1].split(" ", 1)
            if len(label_offsets) == 2:
                frags = []
                for frag in label_offsets[1].split(";"):
                    s, e = frag.split()
                    frags.append((int(s), int(e)))
                spans[parts[0]] = tuple(frags)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in relations:
        content = tuple(f for key in ("Content", "Content2") if key in rel for f in spans.get(rel[key], ()))
        if not content:
            continue
        out.append(GoldAttribution(content=content, cue=spans.get(rel.get("Cue", ""), ()),
                                   source=spans.get(rel.get("Source", ""), ())))
    return out


def _split_dir(path: Path, split: str) -> Path:
    """The folder holding text/ and attributions/: PATH/split, or PATH itself."""
    return path / split if (path / split / "text").is_dir() else path


def _published_dates(path: Path) -> dict[str, str]:
    """publication_date by file name, from metadata.tsv when it is there."""
    for meta in (path / "metadata.tsv", path.parent / "metadata.tsv"):
        if meta.is_file():
            with meta.open(encoding="utf-8", newline="") as fh:
                return {row["filename"]: row["publication_date"]
                        for row in csv.DictReader(fh, delimiter="\t")}
    return {}


def load_polnear(path: Path, split: str = "dev", limit: int | None = None) -> list[GoldDocument]:
    """PolNeAR documents of one split, in name order; where several annotators did one article,
    the first annotator's file (by id) is the gold."""
    folder = _split_dir(path, split)
    dates = _published_dates(path)
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(name, ann)
    docs = []
    for name in sorted(chosen)[:limit]:
        text_path = folder / "text" / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        attributions = read_brat(chosen[name].read_text(encoding="utf-8"))
        docs.append(GoldDocument(name, text, dates.get(name), tuple(attributions)))
    return docs


# --------------------------------------------------------------------------- scoring


def _fold(s: str) -> str:
    """Lower case without diacritics, for comparing names."""
    s = unicodedata.normalize("NFKD", s.replace("ø", "o").replace("Ø", "O"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


class _Words:
    """The word index of one text: which words a span covers."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in WORD.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, spans: Iterable[Span]) -> frozenset[int]:
        out: set[int] = set()
        for s, e in spans:
            first = bisect.bisect_right(self.ends, s)
            last = bisect.bisect_left(self.starts, e)
            out.update(range(first, last))
        return frozenset(out)


def _matches(pred: frozenset[int], gold: frozenset[int]) -> bool:
    """Whether a prediction's words match a gold content's words (module docstring)."""
    shared = len(pred & gold)
    return bool(shared) and shared >= MATCH_MIN * min(len(pred), len(gold)) and shared >= LONG_MIN * len(pred)


def _overlaps(a: Span, spans: Iterable[Span]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def is_speech_cue(doc: Doc, text: str, cue: Sequence[Span]) -> bool:
    """Whether a gold cue is a speech verb (by lemma) or "according to"."""
    text = " ".join(text[s:e] for s, e in cue).lower()
    if ACCORDING_TO in text:
        return True
    for s, e in cue:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(t.lemma_.lower() in SPEECH_VERBS for t in span):
            return True
    return False


def _source_head(doc: Doc, source: Sequence[Span]) -> tuple[str, Span | None]:
    """The folded syntactic head word of a gold source ("Spokeswoman Haley Morris" -> morris),
    and, when the source is a relative pronoun ("who"), the span of the noun it stands for."""
    s, e = source[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return "", None
    root = span.root
    if root.lower_ in RELATIVE_PRONOUNS and root.head.dep_ == "relcl":
        noun = root.head.head
        return _fold(noun.text), (noun.idx, noun.idx + len(noun.text))
    return _fold(root.text), None


@dataclass
class _Tally:
    predicted: int = 0
    correct: int = 0
    eligible: int = 0
    found: int = 0
    quoted: int = 0  # eligible attributions whose content is in quotation marks
    quoted_found: int = 0
    gold: int = 0
    pred_words: int = 0
    pred_words_in_gold: int = 0
    gold_words: int = 0
    gold_words_found: int = 0
    cues: int = 0
    cues_correct: int = 0
    cues_found: int = 0
    speakers_judged: int = 0
    speakers_right: int = 0
    docs: int = 0


def _score_document(doc: Doc, gold: GoldDocument, preds: Sequence[Predicted], tally: _Tally) -> None:
    """Add one document's counts to the tally."""
    text = gold.text  # the Doc's text; Doc.text rebuilds the string on every call
    words = _Words(text)
    gold_words = [words.of(g.content) for g in gold.attributions]
    pred_words = [words.of([p.content]) for p in preds]
    all_gold_words = frozenset().union(*gold_words) if gold_words else frozenset()
    tally.docs += 1
    tally.gold += len(gold.attributions)
    # Precision side.
    correct = [any(_matches(pw, gw) for gw in gold_words) for pw in pred_words]
    tally.predicted += len(preds)
    tally.correct += sum(correct)
    union_pred = frozenset().union(*pred_words) if pred_words else frozenset()
    tally.pred_words += len(union_pred)
    tally.pred_words_in_gold += len(union_pred & all_gold_words)
    gold_cues = [c for g in gold.attributions for c in g.cue]
    for p in preds:
        if p.cue is not None:
            tally.cues += 1
            tally.cues_correct += _overlaps(p.cue, gold_cues)
    # Recall side, over eligible gold attributions.
    for g, gw in zip(gold.attributions, gold_words, strict=True):
        if not gw:
            continue
        content_text = "".join(text[s:e] for s, e in g.content)
        quoted = any(c in DOUBLE_QUOTES for c in content_text)
        if not (quoted or is_speech_cue(doc, text, g.cue)):
            continue
        tally.eligible += 1
        tally.quoted += quoted
        tally.gold_words += len(gw)
        tally.gold_words_found += len(gw & union_pred)
        if any(p.cue is not None and _overlaps(p.cue, g.cue) for p in preds):
            tally.cues_found += 1
        hits = [(len(pw & gw), i) for i, pw in enumerate(pred_words) if correct[i] and pw & gw]
        covered = frozenset().union(*(pred_words[i] & gw for _, i in hits)) if hits else frozenset()
        if len(covered) / len(gw) < MATCH_MIN:
            continue
        tally.found += 1
        tally.quoted_found += quoted
        if not g.source:
            continue
        best = preds[max(hits)[1]]
        tally.speakers_judged += 1
        head, antecedent = _source_head(doc, g.source)
        sources = (*g.source, antecedent) if antecedent is not None else g.source
        right = (best.speaker is not None and _overlaps(best.speaker, sources)) or (
            bool(head) and best.speaker_name is not None and head in WORD.findall(_fold(best.speaker_name)))
        tally.speakers_right += right


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(items: Iterable[tuple[Doc, GoldDocument, Sequence[Predicted]]]) -> dict[str, float]:
    """Content, token, cue and speaker figures for a system's predictions over gold documents."""
    tally = _Tally()
    for doc, gold, preds in items:
        _score_document(doc, gold, preds, tally)
    p, r = _ratio(tally.correct, tally.predicted), _ratio(tally.found, tally.eligible)
    tp = _ratio(tally.pred_words_in_gold, tally.pred_words)
    tr = _ratio(tally.gold_words_found, tally.gold_words)
    cp, cr = _ratio(tally.cues_correct, tally.cues), _ratio(tally.cues_found, tally.eligible)
    return {
        "documents": float(tally.docs),
        "gold_attributions": float(tally.gold),
        "gold_eligible": float(tally.eligible),
        "predicted": float(tally.predicted),
        "content_precision": p, "content_recall": r, "content_f1": _f1(p, r),
        "quoted_recall": _ratio(tally.quoted_found, tally.quoted), "gold_quoted": float(tally.quoted),
        "token_precision": tp, "token_recall": tr, "token_f1": _f1(tp, tr),
        "cue_precision": cp, "cue_recall": cr, "cue_f1": _f1(cp, cr),
        "speaker_judged": float(tally.speakers_judged),
        "speaker_accuracy": _ratio(tally.speakers_right, tally.speakers_judged),
    }


# --------------------------------------------------------------------------- storyline as a system


def article_for(gold: GoldDocument) -> Article:
    """The Article record storyline would build for a gold document's text."""
    return Article(id=article_id(gold.text), text=gold.text, origin=gold.name, published=gold.published)


def entities_for(doc: Doc, article: Article) -> tuple[list[Mention], list[Entity]]:
    """Mentions and entities as the pipeline gives them to extract_quotes."""
    from ..extract.entities import extract_entities

    mentions, entities = extract_entities(doc, article)
    return list(mentions), list(entities)


def storyline_predictions(doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity],
                          ) -> list[Predicted]:
    """storyline's quotes for one parsed article, as Predicted records."""
    from ..extract.quotes import find_attributions

    return [
        Predicted(content=(a.start, a.end),
                  cue=(a.cue_start, a.cue_end) if a.cue_start is not None and a.cue_end is not None else None,
                  speaker=(a.speaker_start, a.speaker_end)
                  if a.speaker_start is not None and a.speaker_end is not None else None,
                  speaker_name=a.speaker.name if a.speaker is not None else None)
        for a in find_attributions(doc, mentions, entities)
    ]


def storyline_system(docs: Sequence[Doc], golds: Sequence[GoldDocument],
                     ) -> Callable[[Doc, GoldDocument], Sequence[Predicted]]:
    """storyline as a system over parsed gold documents; the entity stage runs here, beforehand,
    so that timing the system times quote extraction alone."""
    inputs = {g.name: entities_for(d, article_for(g)) for d, g in zip(docs, golds, strict=True)}
    return lambda d, g: storyline_predictions(d, *inputs[g.name])


def parse_documents(golds: Sequence[GoldDocument], model: str = DEFAULT_MODEL) -> list[Doc]:
    """Parse gold texts with the storyline pipeline, one process, in order."""
    from ..nlp import load_nlp, parse

    return list(parse(load_nlp(model), (g.text for g in golds)))


def run_system(docs: Sequence[Doc], golds: Sequence[GoldDocument],
               system: Callable[[Doc, GoldDocument], Sequence[Predicted]]) -> tuple[dict[str, float], float]:
    """A system's figures and the seconds it took over already parsed documents."""
    t0 = time.perf_counter()
    preds = [system(doc, gold) for doc, gold in zip(docs, golds, strict=True)]
    seconds = time.perf_counter() - t0
    return score(zip(docs, golds, preds, strict=True)), seconds


def evaluate(path: Path, split: str = "dev", limit: int | None = None,
             model: str = DEFAULT_MODEL) -> dict[str, float]:
    """storyline's quote figures on a PolNeAR split (see the module docstring for the metrics)."""
    golds = load_polnear(Path(path), split, limit)
    if not golds:  # a wrong folder would otherwise print figures of zero
        raise FileNotFoundError(
            f"no PolNeAR documents of split {split!r} under {path} (expected <split>/attributions/*.ann "
            "and <split>/text/*.txt)")
    t0 = time.perf_counter()
    docs = parse_documents(golds, model)
    spacy_seconds = time.perf_counter() - t0
    figures, seconds = run_system(docs, golds, storyline_system(docs, golds))
    figures["spacy_seconds"] = spacy_seconds
    figures["extract_seconds"] = seconds
    figures["extract_share"] = _ratio_f(seconds, spacy_seconds)
    return figures


def _ratio_f(a: float, b: float) -> float:
    return a / b if b else 0.0


REPORT_ROWS = (
    ("content", "content_precision", "content_recall", "content_f1"),
    ("tokens", "token_precision", "token_recall", "token_f1"),
    ("cue", "cue_precision", "cue_recall", "cue_f1"),
)


def format_report(figures: dict[str, float], columns: dict[str, dict[str, float]] | None = None) -> str:
    """The figures as a small table with a note on how each is computed; ``columns`` gives several
    systems side by side (name -> figures), else ``figures`` is the only column."""
    systems = columns or {"storyline": figures}
    names = list(systems)
    width = max(12, *(len(n) for n in names))
    head = f"{'':<10}{'':<11}" + "".join(f"{n:>{width}}" for n in names)
    lines = [head]
    for label, *keys in REPORT_ROWS:
        for key, short in zip(keys, ("P", "R", "F1"), strict=True):
            lines.append(f"{label:<10}{short:<11}" + "".join(f"{systems[n].get(key, 0.0):>{width}.3f}"
                                                              for n in names))
    lines.append(f"{'quoted':<10}{'R':<11}" + "".join(
        f"{systems[n].get('quoted_recall', 0.0):>{width}.3f}" for n in names))
    lines.append(f"{'speaker':<10}{'accuracy':<11}" + "".join(
        f"{systems[n].get('speaker_accuracy', 0.0):>{width}.3f}" for n in names))
    lines.append(f"{'speaker':<10}{'judged':<11}" + "".join(
        f"{int(systems[n].get('speaker_judged', 0)):>{width}}" for n in names))
    lines.append(f"{'quotes':<10}{'predicted':<11}" + "".join(
        f"{int(systems[n].get('predicted', 0)):>{width}}" for n in names))
    first = systems[names[0]]
    docs, gold, eligible = (int(first.get(k, 0)) for k in ("documents", "gold_attributions", "gold_eligible"))
    lines.append(f"\n{docs} documents, {gold} gold attributions, {eligible} eligible "
                 "(quoted content or speech cue).")
    if "extract_share" in first:
        lines.append(f"extraction {first['extract_seconds']:.2f}s = {first['extract_share']:.1%} of the "
                     f"spaCy pass ({first['spacy_seconds']:.1f}s).")
    lines.append(
        f"content: a predicted quote is correct when it shares >= {MATCH_MIN:.0%} of the words of the "
        f"shorter of it and one gold content, and >= {LONG_MIN:.0%} of its own; "
        f"a gold attribution is found when correct predictions cover >= {MATCH_MIN:.0%} of its words. "
        "Recall is over eligible attributions, precision over all; quoted R over those whose content is "
        "in quotation marks. tokens: the same over words. "
        "cue: span overlap. speaker accuracy: over found attributions with a gold source, the best-"
        "overlapping prediction's speaker span overlaps the gold source, or its resolved name contains "
        "the gold source's head word.")
    return "\n".join(lines)
