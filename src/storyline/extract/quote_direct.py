"""Direct quotes attributed to the cue next to them, or carried on from the statement before.

“...,” Sørensen wrote  |  Petković said: “...”  |  Clinton released the following statement: “...”
Rep. Gowdy: “...”  |  “...,” he said. “...”  |  “...” The foreign minister, X, said.  |  “...,” he barked
a quote paragraph after an attributed one.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .quote_clauses import SENTENCE_PUNCT, SUBJECT_DEPS, Sentences, Statement, count_words
from .quote_marks import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How many tokens may separate a quote that ends its sentence from the cue after it
# (“... done.” Sørensen wrote.); beyond that the verb belongs to a new statement.
CUE_GAP_AFTER_SENTENCE = 4
# A quote with no cue of its own is taken as a statement carrying on the one before it only from
# this many words: shorter ones are titles, nicknames and scare quotes.
MIN_CONTINUATION_WORDS = 4
# Tokens between a quote and an inverted cue: the closing mark, then the verb (“...,” said X).
INVERSION_GAP = 2
# Dependents of a cue verb that make it report something other than the quote before it: "said
# that ...", "said nothing", "told them to wait".
OWN_MESSAGE_DEPS = frozenset({"ccomp", "dobj", "xcomp", "attr", "oprd"})
# Words between a subject and its verb that leave the verb bare: "the minister later said", "had said".
BETWEEN_SUBJECT_AND_CUE = frozenset({"ADV", "AUX", "PUNCT", "SPACE"})
# Punctuation a quote ends with when its sentence goes on to the attribution: “...,” he said.
CONTINUING_END = frozenset(",—–-…:;")
# Closing marks of a quote nested inside another one.
NESTED_CLOSING = "’'\"”»›"
TRAILING_STRIP = " \t\n,;:—–-"


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """One article's text, tokens and speech verbs, as direct-quote attribution reads them.

    ``cues`` holds every speech verb outside quotation marks; ``own_clause`` those that report
    an unquoted clause of their own (so they do not attribute a neighbouring quote).
    """

    doc: Doc
    text: str
    starts: tuple[int, ...]  # character offset of each token
    sents: Sentences
    cues: frozenset[int]
    own_clause: frozenset[int]

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Tokens [a, b) overlapping the characters [start, end)."""
        doc = self.doc
        a = max(0, bisect.bisect_right(self.starts, start) - 1)
        if a < len(doc) and doc[a].idx + len(doc[a].text) <= start:
            a += 1
        b = bisect.bisect_left(self.starts, end)
        return a, max(a, b)


def content_span(text: str, q: QuoteSpan) -> tuple[int, int]:
    """Characters between the marks, without surrounding spaces or a trailing comma."""
    a, b = q.inner
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in TRAILING_STRIP:
        b -= 1
    return a, b


def is_title(doc: Doc, a: int, b: int) -> bool:
    """Whether every content word is capitalised: a title, show or slogan ("Meet the Press"),
    not a statement."""
    words = [t for t in doc[a:b] if t.is_alpha and not t.is_stop]
    return bool(words) and all(t.is_title or t.is_upper for t in words)


def ends_continuing(text: str, q: QuoteSpan) -> bool:
    """Whether a quote's last character says its sentence goes on (“...,” he said)."""
    a, b = q.inner
    # The closing mark of a quote nested at its end does not end the sentence: “... help,’” he said.
    inner = text[a:b].rstrip().rstrip(NESTED_CLOSING).rstrip()
    return not inner or inner[-1] in CONTINUING_END or inner[-1].isalnum()


def inverted_after(ctx: QuoteContext, q: QuoteSpan, q_end_tok: int, cue: int) -> bool:
    """Whether ``cue`` is an inverted attribution right after a quote ending on a comma
    (“...,” said X): its "clause", if the parser found one, is really its subject."""
    a, b = q.inner
    t = ctx.doc[cue]
    return (ctx.text[a:b].rstrip().endswith(",") and cue - q_end_tok <= INVERSION_GAP and t.dep_ != "conj"
            and not any(c.dep_ in SUBJECT_DEPS for c in t.children))


def cue_after(ctx: QuoteContext, q: QuoteSpan, q_end_tok: int, limit: int) -> int | None:
    """The cue right after a quote (“...,” he said): the first speech verb before the sentence
    ends, if the quote runs on into it; only a few tokens on when the quote ended the sentence."""
    doc = ctx.doc
    if q_end_tok >= len(doc):
        return None
    continuing = ends_continuing(ctx.text, q)
    sent_end = ctx.sents.bounds(q_end_tok)[1]
    stop = min(limit, sent_end if continuing else min(sent_end, q_end_tok + CUE_GAP_AFTER_SENTENCE + 1))
    for i in range(q_end_tok, stop):
        if i in ctx.cues:
            # A verb reporting a clause of its own is its own statement, unless it is inverted.
            own = i in ctx.own_clause and not inverted_after(ctx, q, q_end_tok, i)
            return None if own else i
        t = doc[i]
        if not continuing and (t.pos_ == "VERB" or (t.is_sent_start and i > q_end_tok)):
            break
    return None if continuing else cue_after_subject(ctx, q_end_tok, limit)


def _bare_cue(t: Token) -> bool:
    """Whether a speech verb reports nothing of its own: no clause, object or complement after it
    ("said on Tuesday", not "said nothing" or "said that ...")."""
    return not any(c.dep_ in OWN_MESSAGE_DEPS and c.i > t.i for c in t.children)


def cue_after_subject(ctx: QuoteContext, q_end_tok: int, limit: int) -> int | None:
    """The cue of a sentence that only names the speaker of the quote before it (“We will not
    sign.” The foreign minister, Lena Dravic, said on Tuesday.): a bare speech verb whose subject,
    however long (an apposition, a relative clause), is all that stands between quote and verb."""
    doc = ctx.doc
    first = q_end_tok
    while first < min(limit, len(doc)) and (doc[first].is_space or (doc[first].is_punct and not doc[first].is_quote)):
        first += 1
    if first >= min(limit, len(doc)) or "\n" in doc[q_end_tok:first].text:
        return None  # a new paragraph names its own subject, not the quote's speaker
    stop = min(limit, ctx.sents.bounds(first)[1])
    for i in range(first, stop):
        if i not in ctx.cues:
            continue
        t = doc[i]
        subject = next((c for c in t.children if c.dep_ in SUBJECT_DEPS and c.i < i), None)
        if (subject is None or i in ctx.own_clause or not _bare_cue(t) or subject.left_edge.i != first
                or any(w.pos_ not in BETWEEN_SUBJECT_AND_CUE for w in doc[subject.right_edge.i + 1:i])):
            return None
        return i
    return None


def cue_before(ctx: QuoteContext, q_start_tok: int, floor: int) -> tuple[int, int | None] | None:
    """The cue right before a quote (Petković said: “...”) and, for a bare colon, the speaker:
    the nearest speech verb since the sentence began; after a colon, the main verb of the
    sentence it ends ("Clinton released the following statement:"), even across a paragraph
    break, or the name before it when there is no verb ("Rep. Gowdy: “...”")."""
    doc = ctx.doc
    prev = q_start_tok - 1
    while prev > floor and doc[prev].is_space:
        prev -= 1
    if prev < max(floor, 0) or doc[prev].text in SENTENCE_PUNCT or doc[prev].pos_ == "ADP":
        return None  # after a preposition the quote is a title: said on “Meet the Press”
    sent_start, sent_end = ctx.sents.bounds(prev)
    first = max(sent_start, floor)
    for i in range(prev, first - 1, -1):
        if doc[i].text in SENTENCE_PUNCT:
            return None
        if i in ctx.cues:
            return i, None
    if doc[prev].text != ":":
        return None
    root = doc[sent_start:sent_end].root
    if root.pos_ == "VERB" and first <= root.i < prev and any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return root.i, None
    words = doc[first:prev]
    if len(words) and not any(t.pos_ in ("VERB", "AUX") for t in words) and words.root.pos_ == "PROPN":
        return prev, words.root.i
    return None


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def continued(ctx: QuoteContext, q: QuoteSpan, content: tuple[int, int],
              found: Sequence[Statement]) -> Statement | None:
    """The statement an unattributed quote carries on: the second half of a quote split by its
    attribution (“...,” he said. “...”), another quote in the paragraph of a statement, or a
    quote opening the paragraph after one that ended with a statement."""
    ta, tb = ctx.tokens(*content)
    if count_words(ctx.doc, ta, tb) < MIN_CONTINUATION_WORDS or is_title(ctx.doc, ta, tb):
        return None
    before = [f for f in found if f.end <= q.start and f.cue is not None]
    if not before:
        return None
    last = max(before, key=lambda f: f.end)
    text = ctx.text
    para = _paragraph_start(text, q.start)
    if last.end >= para:
        return last  # same paragraph
    if text[para:q.start].strip():
        return None  # a quote inside a paragraph with no statement of its own
    prev_para = _paragraph_start(text, max(para - 1, 0))
    while prev_para > 0 and not text[prev_para:para].strip():
        prev_para = _paragraph_start(text, prev_para - 1)
    return last if last.end >= prev_para else None
