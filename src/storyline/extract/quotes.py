"""Quotes: who said what, where and when, as Quote records (schema.md).

Three kinds, found in one pass over a parsed article:
- direct: text in quotation marks (quote_marks.py pairs every common style), attributed to the
  speech verb next to it: “...,” Sørensen wrote; Petković said: “...”; a quote split by its
  attribution (“...,” he said. “...”) and a quote carried on into the next paragraph keep the
  speaker of the part before them;
- indirect: the clause a speech verb reports (said that ..., told reporters ..., accused X of
  ..., according to X, ...);
- mixed: a reported clause that quotes some words (said Sørensen had “a clear vision...”).
The speaker is the subject of the cue verb (or the agent of "according to"), resolved to an
article entity by resolve/speakers.py; the channel comes from quote_channels.py; the date is the
time expression that governs the cue verb, else the publication day.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from ..model import Article, DateValue, Entity, Mention, Quote, Speaker, TimeExpr, short_hash
from ..resolve.speakers import ResolvedSpeaker, index_speakers, resolve_speaker, sentence_at
from .quote_channels import find_channel
from .quote_lexicon import (
    ADDRESSEE_VERBS,
    CHANNEL_NOUNS,
    CHARGE_VERBS,
    NOT_SOURCES,
    SPEECH_VERBS,
    THAT_VERBS,
)
from .quote_marks import QuoteSpan, find_quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QuoteKind = Literal["direct", "indirect", "mixed"]

# A reported clause needs this many words to be a statement ("he said so" reports nothing).
MIN_INDIRECT_WORDS = 2
# A quoted stretch with no cue of its own is taken as a statement (continuing the previous
# speaker) only from this many words: shorter ones are titles, nicknames and scare quotes.
MIN_CONTINUATION_WORDS = 4
# A reported clause with no more words than this outside its quote is the quote itself (said:
# “...”); with more it is a mixed quote (said Sørensen had “a clear vision”).
DIRECT_MAX_OUTSIDE = 0
# How many tokens may separate a quote that ends a sentence from the cue after it
# (“... done.” Sørensen wrote.); beyond that the verb belongs to a new statement.
CUE_GAP_AFTER_SENTENCE = 4
# How many heads up a chain of verbs the subject is looked for ("went on to say" -> went).
MAX_SUBJECT_CLIMB = 3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "pcomp"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Relayed statements whose subject is the speaker even in the passive: "he was quoted as saying".
RELAY_PASSIVES = frozenset({"quote", "cite"})
# Punctuation a quote ends with when the sentence goes on to its attribution: “...,” he said.
CONTINUING_END = frozenset(",—–-…:;")
TRAILING_STRIP = " \t\n,;:—–-"
SENTENCE_PUNCT = frozenset({".", "!", "?", "…"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A quote as found, with the cue's offsets and token (which Quote does not carry)."""

    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_index: int | None = None
    speaker: Speaker | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class _Found:
    """A statement before its speaker and channel are resolved: content tokens [a, b), content
    characters [start, end)."""

    a: int
    b: int
    start: int
    end: int
    kind: QuoteKind
    cue: int | None  # token index of the cue verb
    speaker_head: int | None = None
    according: bool = False


# --------------------------------------------------------------------------- cues and clauses


def _is_cue(tok: Token) -> bool:
    """A speech verb used as a verb."""
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB"


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Token range without a leading "that" or punctuation and without trailing commas."""
    while a < b:
        t = doc[a]
        if not (t.is_space or (t.lower_ == "that" and t.dep_ == "mark") or (t.is_punct and not t.is_quote)):
            break
        a += 1
    while b > a:
        t = doc[b - 1]
        if not (t.is_space or (t.is_punct and not t.is_quote and t.text not in SENTENCE_PUNCT)):
            break
        b -= 1
    return a, b


def _chars(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Character offsets of tokens [a, b)."""
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _words(doc: Doc, a: int, b: int) -> int:
    return sum(1 for t in doc[a:b] if t.is_alpha or t.like_num)


def _reported_range(doc: Doc, v: Token) -> tuple[int, int] | None:
    """Token range of the clause a speech verb reports, if it has one."""
    lemma = v.lemma_.lower()
    ccomps = [c for c in v.children if c.dep_ == "ccomp"]
    rng: tuple[int, int] | None = None
    if ccomps:
        # With two (a parse that splits one clause), the one next to the verb is what it reports.
        c = min(ccomps, key=lambda c: c.left_edge.i - v.i if c.i > v.i else v.i - c.right_edge.i)
        if lemma in THAT_VERBS and not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return None
        rng = (c.left_edge.i, c.right_edge.i + 1)
    elif v.dep_ == "parataxis" and v.head.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in v.children):
        # An attribution set into the sentence it reports: "In any case, he said, the industry was
        # over-supplied." The statement is the rest of the head's clause; the longer side of it.
        head = v.head
        left = (head.left_edge.i, v.left_edge.i)
        right = (v.right_edge.i + 1, head.right_edge.i + 1)
        rng = max(left, right, key=lambda r: _words(doc, *r))
    elif lemma in ADDRESSEE_VERBS:
        x = next((c for c in v.children if c.dep_ == "xcomp"), None)
        rng = (x.left_edge.i, x.right_edge.i + 1) if x is not None else None
    elif lemma in CHARGE_VERBS:
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == CHARGE_VERBS[lemma]), None)
        if obj is not None and prep is not None and prep.i > obj.i:
            rng = (obj.left_edge.i, prep.right_edge.i + 1)
    if rng is None:
        return None
    a, b = _trim(doc, *_paragraph_clip(doc, v.i, *rng))
    return (a, b) if _words(doc, a, b) >= MIN_INDIRECT_WORDS else None


def _paragraph_clip(doc: Doc, anchor: int, a: int, b: int) -> tuple[int, int]:
    """Tokens [a, b) cut to the paragraph holding token ``anchor``: a parse that runs over a line
    break (a headline, debris) is not one statement."""
    for i in range(anchor - 1, a - 1, -1):
        if "\n" in doc[i].text:
            a = i + 1
            break
    for i in range(anchor + 1, b):
        if "\n" in doc[i].text:
            b = i
            break
    return a, b


def _according_to(doc: Doc, tok: Token) -> tuple[_Found, Token] | None:
    """"according to X": the statement is the clause it modifies, less the phrase itself; the
    speaker is X."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() in NOT_SOURCES:
        return None
    phrase_a, phrase_b = tok.left_edge.i, max(tok.right_edge.i, source.right_edge.i) + 1
    sent = tok.sent
    sent_a, sent_b = _paragraph_clip(doc, tok.i, sent.start, sent.end)
    before = _trim(doc, sent_a, phrase_a)
    after = _trim(doc, phrase_b, sent_b)
    a, b = max((before, after), key=lambda r: _words(doc, *r))
    if _words(doc, a, b) < MIN_INDIRECT_WORDS:
        return None
    return _Found(a, b, *_chars(doc, a, b), "indirect", tok.i, according=True), source


# --------------------------------------------------------------------------- speakers


def _speaker_head(v: Token) -> Token | None:
    """The subject of a cue verb, climbing from "saying"/"to say"/"and said" to the verb that has
    one; the agent of a passive; the noun a relative clause hangs on."""
    t = v
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        passive = any(c.dep_ == "auxpass" for c in t.children)
        for c in t.children:
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        subject = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and (not passive or t.lemma_ in RELAY_PASSIVES):
            if subject.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
                return t.head
            return subject
        if passive:
            return None  # "he was asked": the subject is the addressee, not the speaker
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ == "acl":
            if t.head.lemma_.lower() in CHANNEL_NOUNS and t.head.head is not t.head:
                t = t.head.head  # "the campaign released a statement saying ..."
                continue
            return t.head
        if t.dep_ not in CLIMB_DEPS or t.head is t:
            return None
        t = t.head
    return None


# --------------------------------------------------------------------------- direct quotes


def _token_range(starts: list[int], doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Tokens [a, b) overlapping the characters [start, end)."""
    a = max(0, bisect.bisect_right(starts, start) - 1)
    if a < len(doc) and doc[a].idx + len(doc[a].text) <= start:
        a += 1
    b = bisect.bisect_left(starts, end)
    return a, max(a, b)


def _content_span(text: str, q: QuoteSpan) -> tuple[int, int]:
    """Characters between the marks, without a trailing comma or spaces."""
    a, b = q.inner
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in TRAILING_STRIP:
        b -= 1
    return a, b


def _cue_after(doc: Doc, q_end_tok: int, limit: int, cues: dict[int, tuple[int, int] | None],
               continuing: bool) -> int | None:
    """The cue right after a quote (“...,” he said): the first speech verb before the sentence
    ends, if the quote runs on into it; only a few tokens on when the quote ended the sentence."""
    if q_end_tok >= len(doc):
        return None
    sent_end = doc[q_end_tok].sent.end
    stop = min(limit, sent_end if continuing else min(sent_end, q_end_tok + CUE_GAP_AFTER_SENTENCE + 1))
    for i in range(q_end_tok, stop):
        t = doc[i]
        if i in cues:
            return i if cues[i] is None else None  # a verb with its own clause is its own statement
        if not continuing and (t.pos_ == "VERB" or t.is_sent_start and i > q_end_tok):
            return None
    return None


def _cue_before(doc: Doc, q_start_tok: int, floor: int, cues: dict[int, tuple[int, int] | None]) -> int | None:
    """The cue right before a quote (Petković said: “...”): the nearest speech verb in the text
    since the sentence began, with no sentence end in between."""
    if q_start_tok <= 0:
        return None
    start = doc[q_start_tok - 1].sent.start
    prev = q_start_tok - 1
    while prev > floor and (doc[prev].is_space or doc[prev].is_punct and doc[prev].text in (":", ",")):
        prev -= 1
    if doc[q_start_tok - 1].text.strip() == "" and prev >= 0 and doc[prev].text == ":" and prev > floor:
        start = doc[prev].sent.start  # a colon at a paragraph's end introduces the next one
    for i in range(q_start_tok - 1, max(start, floor) - 1, -1):
        t = doc[i]
        if t.text in (".", "!", "?"):
            return None
        if i in cues:
            return i
    if prev > floor and doc[prev].text == ":":
        # "Clinton released the following statement:" introduces a quote without a speech verb.
        root = doc[prev].sent.root
        if root.pos_ == "VERB" and root.i < prev and any(c.dep_ in SUBJECT_DEPS for c in root.children):
            return root.i
    return None


def _ends_continuing(text: str, q: QuoteSpan) -> bool:
    """Whether a quote's last character says its sentence goes on (“...,” he said)."""
    a, b = q.inner
    inner = text[a:b].rstrip()
    return not inner or inner[-1] in CONTINUING_END or inner[-1].isalnum()


# --------------------------------------------------------------------------- assembly


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def _find(doc: Doc) -> list[_Found]:
    """Every statement in a parsed article, unresolved."""
    text = doc.text
    starts = [t.idx for t in doc]
    spans = find_quote_spans(text)
    quote_of = [-1] * len(doc)
    q_tokens: list[tuple[int, int]] = []
    for n, q in enumerate(spans):
        a, b = _token_range(starts, doc, q.start, q.end)
        q_tokens.append((a, b))
        for i in range(a, b):
            quote_of[i] = n
    cues: dict[int, tuple[int, int] | None] = {}
    for t in doc:
        if quote_of[t.i] < 0 and _is_cue(t):
            cues[t.i] = _reported_range(doc, t)
    found: list[_Found] = []
    for i, rng in cues.items():
        if rng is not None:
            found.append(_Found(rng[0], rng[1], *_chars(doc, *rng), "indirect", i))
    speakers: dict[int, int] = {}
    for t in doc:
        if t.lower_ == "according" and quote_of[t.i] < 0:
            hit = _according_to(doc, t)
            if hit is not None:
                found.append(hit[0])
                speakers[len(found) - 1] = hit[1].i
    claimed: dict[int, int] = {}  # quote index -> index in found
    for n, q in enumerate(spans):
        qa, qb = q_tokens[n]
        ca, cb = _content_span(text, q)
        if _words(doc, *_token_range(starts, doc, ca, cb)) == 0:
            continue
        host = next((k for k, f in enumerate(found) if f.kind != "direct" and _overlap(f.a, f.b, qa, qb)), None)
        if host is not None:
            f = found[host]
            outside = _words(doc, f.a, f.b) - _words(doc, max(f.a, qa), min(f.b, qb))
            if (f.a >= qa and f.b <= qb) or outside <= DIRECT_MAX_OUTSIDE:
                found[host] = replace(f, a=qa, b=qb, start=ca, end=cb, kind="direct")
            else:
                found[host] = replace(f, a=min(f.a, qa), b=max(f.b, qb), start=min(f.start, q.start),
                                      end=max(f.end, q.end), kind="mixed")
            claimed[n] = host
            continue
        limit = q_tokens[n + 1][0] if n + 1 < len(spans) else len(doc)
        floor = q_tokens[n - 1][1] if n > 0 else 0
        colon = text[:q.start].rstrip().endswith(":")
        cue = None
        if colon:
            cue = _cue_before(doc, qa, floor, cues)
        if cue is None:
            cue = _cue_after(doc, qb, limit, cues, _ends_continuing(text, q))
        if cue is None and not colon:
            cue = _cue_before(doc, qa, floor, cues)
        if cue is None:
            cue = _continued_cue(text, q, found, doc, ca, cb, starts)
        if cue is not None:
            found.append(_Found(qa, qb, ca, cb, "direct", cue))
            claimed[n] = len(found) - 1
    out = []
    for k, f in enumerate(found):
        head = speakers.get(k)
        out.append(replace(f, speaker_head=head if head is not None else _head_of(doc, f.cue)))
    return sorted(out, key=lambda f: (f.start, f.end))


def _head_of(doc: Doc, cue: int | None) -> int | None:
    if cue is None:
        return None
    head = _speaker_head(doc[cue])
    return head.i if head is not None else None


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _is_title(doc: Doc, a: int, b: int) -> bool:
    """Whether every content word is capitalised: a title or a name ("How the Grinch Stole
    Christmas"), not a statement."""
    words = [t for t in doc[a:b] if t.is_alpha and not t.is_stop]
    return bool(words) and all(t.is_title or t.is_upper for t in words)


def _continued_cue(text: str, q: QuoteSpan, found: list[_Found], doc: Doc, ca: int, cb: int,
                   starts: list[int]) -> int | None:
    """The cue of an unattributed quote that carries on the statement before it: the second half
    of a quote split by its attribution (“...,” he said. “...”), more quotes in the paragraph of a
    statement, or a quote opening the paragraph after one that ended with a statement."""
    ta, tb = _token_range(starts, doc, ca, cb)
    if _words(doc, ta, tb) < MIN_CONTINUATION_WORDS or _is_title(doc, ta, tb):
        return None
    before = [f for f in found if f.end <= q.start and f.cue is not None]
    if not before:
        return None
    last = max(before, key=lambda f: f.end)
    para = _paragraph_start(text, q.start)
    if last.end >= para:
        return last.cue  # same paragraph
    if text[para:q.start].strip():
        return None  # a quote inside a paragraph with no statement of its own
    prev_para = _paragraph_start(text, para - 1 if para > 0 else 0)
    while prev_para > 0 and not text[prev_para:para].strip():
        prev_para = _paragraph_start(text, prev_para - 1)
    return last.cue if last.end >= prev_para else None


def _mention_tokens(doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity],
                    ) -> dict[int, tuple[int, int, str]]:
    """token index -> (start, end, type) of the mention covering it, typed by its entity."""
    types = {e.id: e.type for e in entities}
    out: dict[int, tuple[int, int, str]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            out[t.i] = (m.start, m.end, types.get(m.entity_id or "", m.type))
    return out


def find_attributions(doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity]) -> list[Attribution]:
    """Every statement in a parsed article with its cue, speaker and channel (no ids or dates)."""
    found = _find(doc)
    contents = [(f.start, f.end) for f in found]
    index = index_speakers(doc, mentions, entities, contents)
    types = _mention_tokens(doc, mentions, entities)
    earlier: list[tuple[int, int, str]] = []
    out = []
    for f, (start, end) in sorted(zip(found, contents, strict=True), key=lambda p: p[0].cue or p[0].a):
        resolved: ResolvedSpeaker | None = None
        if f.speaker_head is not None:
            resolved = resolve_speaker(index, doc, doc[f.speaker_head], earlier)
            if resolved.speaker is not None and resolved.speaker.entity_id is not None:
                earlier.append((resolved.start, sentence_at(index, f.speaker_head), resolved.speaker.entity_id))
        cue = doc[f.cue] if f.cue is not None else None
        channel = None
        cue_end = None
        if cue is not None:
            channel = None if f.according else find_channel(doc, cue, range(f.a, f.b), types)
            last = doc[cue.i + 1] if f.according else cue
            cue_end = last.idx + len(last.text)
        out.append(Attribution(
            start=start, end=end, kind=f.kind,
            cue=doc.text[cue.idx:cue_end] if cue is not None and cue_end is not None else None,
            cue_start=cue.idx if cue is not None else None, cue_end=cue_end,
            cue_index=cue.i if cue is not None else None,
            speaker=resolved.speaker if resolved is not None else None,
            speaker_start=resolved.start if resolved is not None else None,
            speaker_end=resolved.end if resolved is not None else None,
            channel=channel,
        ))
    return sorted(out, key=lambda a: (a.start, a.end))


# --------------------------------------------------------------------------- dates and records


def _governs(doc: Doc, tok: Token, cue: Token, content: range) -> bool:
    """Whether a token hangs (through its heads) on the cue verb, not on the reported clause."""
    t = tok
    for _ in range(len(doc)):
        if t.i == cue.i:
            return True
        if t.i in content or t.head is t:
            return False
        t = t.head
    return False


def _quote_date(doc: Doc, a: Attribution, timexes: Sequence[TimeExpr], published: str | None,
                ) -> DateValue | None:
    """The date of the time expression that governs the cue verb, else the publication day."""
    if a.cue_index is not None:
        cue = doc[a.cue_index]
        content_toks = doc.char_span(a.start, a.end, alignment_mode="expand")
        content = range(content_toks.start, content_toks.end) if content_toks is not None else range(0)
        for tx in timexes:
            if not (cue.sent.start_char <= tx.start < cue.sent.end_char) or a.start <= tx.start < a.end:
                continue
            span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if span is not None and len(span) and _governs(doc, span.root, cue, content):
                return tx.date if tx.date is not None else DateValue(tx.value, None, None, "unknown")
    if published:
        return DateValue(published, published, published, "day")
    return None


def extract_quotes(doc: Doc, article: Article, mentions: Sequence[Mention], entities: Sequence[Entity],
                   timexes: Sequence[TimeExpr]) -> list[Quote]:
    """The quotes of one article (direct, indirect, mixed) with speaker, channel and date."""
    out = []
    for a in find_attributions(doc, mentions, entities):
        out.append(Quote(
            id=short_hash(article.id, a.start, a.end), article_id=article.id, start=a.start, end=a.end,
            text=article.text[a.start:a.end], kind=a.kind, speaker=a.speaker,
            speaker_start=a.speaker_start, speaker_end=a.speaker_end, cue=a.cue, channel=a.channel,
            date=_quote_date(doc, a, timexes, article.published),
        ))
    return out
