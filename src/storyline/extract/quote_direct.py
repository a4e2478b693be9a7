"""Direct quotes attributed to the cue next to them, or carried on from the statement before.

“...,” Sørensen wrote  |  Petković said: “...”  |  Clinton released the following statement: “...”
Rep. Gowdy: “...”  |  TRUMP: “...” (a fact check's label)  |  “...,” he said. “...”  |  “...” The
foreign minister, X, said.  |  “...,” he barked  |  as Lunde put it, “...”  |  a quote paragraph after
an attributed one. Not quotes: titles (“Meet the Press”) and terms (the so-called “deep state”).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .quote_clauses import (
    NAME_GIVING_VERBS,
    PURE_NAMING_VERBS,
    SENTENCE_PUNCT,
    SUBJECT_DEPS,
    Sentences,
    Statement,
    count_words,
    gives_name,
)
from .quote_lexicon import AS_VERBS, TOPIC_PREPS
from .quote_marks import QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
# The longest term a sentence puts in quotation marks as a name or coinage ("availability bias",
# "a race to the bottom"); longer quoted words after a naming verb are more likely said.
TERM_MAX_WORDS = 5
# Verbs that name through "as": "known as", "referred to as" ("described as" gives an opinion).
AS_NAMING_VERBS = frozenset({"know", "refer"})
# Verbs whose quoted complement is always a name, never an opinion: "nicknamed “...”", "known as “...”".
TERM_VERBS = PURE_NAMING_VERBS | {"know"}
# Parts of speech of a quoted term's head: a noun phrase or a word that modifies one.
TERM_HEAD_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "PRON", "X"})
SO_CALLED = "so-called"
# Speech verbs that name when what they put in quotation marks is capitalised ("dubbed it
# “Operation Freedom”"); not "call", which headlines capitalise with an opinion ("Calls Her ‘A
# Disgrace’").
TITLE_GIVING_VERBS = frozenset({"dub"})
# Prepositions after which a speech verb's quote is what it says, not a title ("said on “Meet
# the Press”"): "described as “...”", "warned against “...”".
DESCRIBING_PREPS: dict[str, frozenset[str]] = {
    **{verb: frozenset({"as"}) for verb in AS_VERBS}, **TOPIC_PREPS}
# Forms of speech verbs the tagger takes for nouns at the end of an attribution: "the
# statement read.", "Dravic says."
NOUN_TAKEN_CUES = frozenset({"read", "reads", "says", "said"})
# Tags that open a heading rather than a name before a colon: "THE FACTS:", "THIS WEEK:".
LABEL_DET_TAGS = frozenset({"DT", "PDT", "WDT", "WP"})
# Words of the headings that fact checks and live pages put before a colon, never a speaker's name
# ("FACT CHECK:", "CLAIM:", "BREAKING:", "EDITOR'S NOTE:").
HEADING_WORDS = frozenset({
    "fact", "facts", "claim", "check", "verdict", "ruling", "rating", "question", "answer", "update",
    "correction", "context", "background", "analysis", "editor", "note", "breaking", "exclusive",
    "related", "opinion", "live",
})


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


def _namer(doc: Doc, a: int, b: int) -> Token | None:
    """The naming verb that introduces quoted words [a, b): right before their opening mark ("he
    dubbed “...”", "known as “...”"), else the verb their head hangs on ("called it “...”")."""
    i = a - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    candidates = [doc[i]] if i >= 0 else []
    candidates.append(doc[a:b].root.head)
    for t in candidates:
        if t.lower_ == "as" and t.head.lemma_.lower() in AS_NAMING_VERBS:
            return t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in NAME_GIVING_VERBS and not a <= t.i < b:
            return t
    return None


def _after_so_called(doc: Doc, a: int) -> bool:
    """Whether quoted words starting at token ``a`` follow "so-called" (one token or three)."""
    i = a - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    return doc[max(0, i - 2):i + 1].text.replace(" ", "").lower().endswith(SO_CALLED)


def is_term(doc: Doc, a: int, b: int) -> bool:
    """Whether quoted words [a, b) are a term the writer's sentence uses as a noun phrase, not
    something said: a few words, no clause, after "so-called" or a naming verb that gives a name
    (gives_name: "what psychologists call “availability bias”"), that is no speech verb ("known as",
    "nicknamed"), or that puts a capitalised name on something ("a plan he dubbed “Operation
    Freedom”"). "He called the deal “a disaster”" stays a statement."""
    if not 0 < count_words(doc, a, b) <= TERM_MAX_WORDS or doc[a:b].root.pos_ not in TERM_HEAD_POS:
        return False
    if _after_so_called(doc, a):
        return True
    namer = _namer(doc, a, b)
    if namer is None:
        return False
    lemma = namer.lemma_.lower()
    return gives_name(namer) or lemma in TERM_VERBS or (lemma in TITLE_GIVING_VERBS and is_title(doc, a, b))


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
        if continuing and _verb_taken_for_noun(doc[i]):
            return i
        if i in ctx.cues:
            # A verb reporting a clause of its own is its own statement, unless it is inverted; after
            # a quote that ended its sentence, so is one that reports through another verb
            # ("“...” Karst responded by saying that ...").
            own = i in ctx.own_clause and not inverted_after(ctx, q, q_end_tok, i)
            relays = not continuing and any(d.i in ctx.own_clause for d in doc[i].subtree if d.i > i)
            return None if own or relays else i
        t = doc[i]
        if not continuing and (t.pos_ == "VERB" or (t.is_sent_start and i > q_end_tok) or "\n" in t.text):
            break  # "\n": a paragraph after a quote that ended its own starts a new statement
    return None if continuing else cue_after_subject(ctx, q_end_tok, limit)


def _verb_taken_for_noun(t: Token) -> bool:
    """A speech verb the tagger took for a noun as it ends an attribution (“...,” the statement
    read.), after the noun that is its subject (parsed as its subject or its compound)."""
    doc = t.doc
    ends = t.i + 1 >= len(doc) or doc[t.i + 1].text in SENTENCE_PUNCT
    return (t.pos_ == "NOUN" and t.lower_ in NOUN_TAKEN_CUES and ends
            and any(c.pos_ in ("NOUN", "PROPN", "PRON") for c in t.lefts))


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
    the nearest speech verb since the sentence (or paragraph) began; after a colon, the main verb
    of the sentence it ends ("Clinton released the following statement:"), even with the quote in
    the next paragraph, or the name before it when there is no verb ("Rep. Gowdy: “...”")."""
    doc = ctx.doc
    prev = q_start_tok - 1
    while prev > floor and doc[prev].is_space:
        prev -= 1
    if prev < max(floor, 0) or doc[prev].text in SENTENCE_PUNCT or (
            doc[prev].pos_ == "ADP" and not _names_words(doc[prev])):
        return None  # after a preposition the quote is a title: said on “Meet the Press”
    sent_start, sent_end = ctx.sents.bounds(prev)
    first = max(sent_start, floor)
    for i in range(prev - 1, first - 1, -1):
        if "\n" in doc[i].text_with_ws:
            first = i + 1  # the paragraph before is another statement (or a headline): not this one's
            break
    for i in range(prev, first - 1, -1):
        if doc[i].text in SENTENCE_PUNCT:
            return None
        if i in ctx.cues and not (i in ctx.own_clause and doc[i].dep_ == "relcl"):
            # "responding to a candidate who said he was lost, “...”": the relative clause is the
            # candidate's statement, the quote the one responding
            return i, None
    if doc[prev].text != ":":
        return None
    root = doc[sent_start:sent_end].root
    if root.pos_ == "VERB" and first <= root.i < prev and any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return root.i, None
    words = doc[first:prev]
    return (prev, words.root.i) if is_speaker_label(words) else None


def _names_words(prep: Token) -> bool:
    """Whether a preposition before a quote introduces what a speech verb characterises or warns
    of: "described as “very alarming” by ...", "warned against “the necessity of ...”"."""
    head = prep.head
    return head.pos_ == "VERB" and prep.lower_ in DESCRIBING_PREPS.get(head.lemma_.lower(), ())


def is_speaker_label(words: Span) -> bool:
    """Whether the words before a colon name who speaks: a name ("Rep. Gowdy:"), or a name in
    capitals as AP fact checks label a claim ("TRUMP:", which the parser often takes for a common
    noun); not a heading ("THE FACTS:", "FACT CHECK:"), which has a determiner or a heading word."""
    if not len(words) or any(t.pos_ in ("VERB", "AUX") for t in words) or words[0].tag_ in LABEL_DET_TAGS:
        return False
    if any(t.lower_ in HEADING_WORDS for t in words):
        return False
    letters = [t for t in words if t.is_alpha]
    return words.root.pos_ == "PROPN" or (bool(letters) and all(t.is_upper for t in letters))


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
