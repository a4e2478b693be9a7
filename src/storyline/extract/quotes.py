"""Quotes: who said what, where and when, as Quote records (schema.md).

Three kinds, found in one pass over a parsed article:
- direct: text in quotation marks (quote_marks.py pairs every common style), attributed to the
  cue next to it or carried on from the statement before it (quote_direct.py);
- indirect: the clause a speech verb reports: said that ..., told reporters ..., accused X of
  ..., called on X to ..., vowed to ..., warned of ..., according to X, ..., in the words of X,
  ... (quote_clauses.py); "according to X" on a speech verb also gives that verb's statement
  its channel ("Dravic said, according to RTV");
- mixed: a reported clause that quotes some of its words (said Sørensen had “a clear vision”).
A term in quotation marks (the so-called “deep state”, what psychologists call “availability
bias”) is the writer's words: neither a quote nor what makes a reported clause mixed.
The speaker is the subject of the cue verb (or the agent of "according to"), resolved to an
article entity by resolve/speakers.py; the channel comes from quote_channels.py; the date is the
time expression that governs the cue verb, else the publication day.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..model import Article, DateValue, Entity, Mention, Quote, Speaker, TimeExpr, short_hash
from ..resolve.speakers import (
    ORGANISATION_NOUNS,
    RELAY_LEMMAS,
    ResolvedSpeaker,
    Sentences,
    UnnamedSpeaker,
    index_speakers,
    resolve_speaker,
    sentence_at,
)
from .quote_channels import channel_phrase, find_channel
from .quote_clauses import (
    FINITE_TAGS,
    SOURCE_STARTS,
    SUBJECT_DEPS,
    UNREALISED_PREPS,
    QuoteKind,
    Statement,
    according_to,
    attribution_gap,
    char_range,
    count_words,
    is_cue,
    is_phrase_cue,
    is_quote_cue,
    reported_range,
    source_phrase,
    speaker_of,
)
from .quote_direct import (
    QuoteContext,
    content_span,
    continued,
    cue_after,
    cue_before,
    inverted_after,
    is_term,
    is_title,
)
from .quote_lexicon import CHANNEL_NOUNS, TEXT_NOUNS
from .quote_marks import QuoteSpan, find_quote_spans
from .time import story_day, story_day_end, told_in_past

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# A reported clause with no more words than this outside its quote is the quote itself (said:
# “...”); with more it is a mixed quote (said Sørensen had “a clear vision”).
DIRECT_MAX_OUTSIDE = 0


# Tags of a plural noun: "Diplomats said ... they" ("they" refers to it, "he" does not).
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


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
    gap: tuple[int, int] | None = None  # tokens of an attribution set inside the content


def _content_tokens(a: int, b: int, gap: tuple[int, int] | None) -> frozenset[int]:
    """Token indices of what was said: [a, b) less the attribution set inside it, whose phrases
    ("said on Tuesday in a statement") still date the statement and name its channel."""
    return frozenset(range(a, b)) - (frozenset(range(*gap)) if gap is not None else frozenset())


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def _context(doc: Doc, text: str, sents: Sentences, quote_of: list[int],
             found: list[Statement]) -> QuoteContext:
    """Find the indirect statements (into ``found``) and index the speech verbs for direct quotes."""
    cues: set[int] = set()
    own_clause: set[int] = set()
    for t in doc:
        if quote_of[t.i] >= 0:
            continue
        if is_cue(t):
            cues.add(t.i)
            rng = reported_range(doc, t)
            if rng is not None:
                found.append(Statement(*rng, *char_range(doc, *rng), "indirect", t.i, speaker_of(doc, t.i),
                                       gap=attribution_gap(doc, t, *rng)))
                # A clause in quotation marks does not stop its verb from attributing the quote
                # before it (“A,” she said, “and B.”); an unquoted one does.
                # A clause cut before a quote it ends with ("said that A “B”, and accused") is
                # still unquoted.
                if quote_of[rng[0]] < 0:
                    own_clause.add(t.i)
        elif is_quote_cue(t):
            cues.add(t.i)  # attributes the quote next to it, reports no clause of its own
        elif t.lower_ in SOURCE_STARTS:
            statement = according_to(doc, sents, t)
            if statement is not None:
                found.append(statement)
    return QuoteContext(doc, text, tuple(t.idx for t in doc), sents, frozenset(cues), frozenset(own_clause))


@dataclass(frozen=True, slots=True)
class _Held:
    """How the reported clauses took a quote: ``whole`` when one of them is the quote's own
    statement (it is then no statement of its own); else ``within``, the tokens of the source
    phrases' clauses that quote it ("According to the Herald, Karst declared: “...”"), where the
    quote is also Karst's statement if its cue is there."""

    whole: bool
    within: tuple[int, int] | None = None


def _absorb(found: list[Statement], doc: Doc, q: QuoteSpan, q_tokens: tuple[int, int],
            content: tuple[int, int]) -> _Held | None:
    """Merge a quote into the reported clauses that hold it, if any (None when none does): a clause
    becomes the direct quote when the quote is all of it, else a mixed quote."""
    qa, qb = q_tokens
    # Every clause that reaches into the quote takes all of it: a nested one too ("said Veldora
    # backed the envoy, whom he described as “patient, fair and, frankly, too polite”").
    hosts = [k for k, f in enumerate(found) if f.kind != "direct" and _overlap(f.a, f.b, qa, qb)]
    if not hosts:
        return None
    sources: list[tuple[int, int]] = []
    for host in hosts:
        f = found[host]
        outside = count_words(doc, f.a, f.b) - count_words(doc, max(f.a, qa), min(f.b, qb))
        if (f.a >= qa and f.b <= qb) or outside <= DIRECT_MAX_OUTSIDE:
            found[host] = replace(f, a=qa, b=qb, start=content[0], end=content[1], kind="direct")
            continue
        found[host] = replace(f, a=min(f.a, qa), b=max(f.b, qb), start=min(f.start, q.start),
                              end=max(f.end, q.end), kind="mixed")
        if f.according:
            sources.append((found[host].a, found[host].b))
    if len(sources) < len(hosts):
        return _Held(whole=True)
    return _Held(whole=False, within=(min(a for a, _ in sources), max(b for _, b in sources)))


def _attribute(ctx: QuoteContext, spans: list[QuoteSpan], q_tokens: list[tuple[int, int]], n: int,
               content: tuple[int, int], found: list[Statement]) -> Statement | None:
    """The direct statement for quote ``n`` that no reported clause holds, if it has a speaker."""
    doc, q = ctx.doc, spans[n]
    qa, qb = q_tokens[n]
    limit = q_tokens[n + 1][0] if n + 1 < len(spans) else len(doc)
    floor = q_tokens[n - 1][1] if n > 0 else 0
    colon = ctx.text[:q.start].rstrip().endswith(":")
    hit = cue_before(ctx, qa, floor) if colon else None
    if hit is None:
        after = cue_after(ctx, q, qb, limit)
        if after is not None and speaker_of(doc, after) is None and any(
                c.dep_ == "auxpass" for c in doc[after].children):
            return None  # “...” ... that had been observed: a passive after it, with no one named
        hit = (after, None) if after is not None else None
    if hit is None and not colon:
        hit = cue_before(ctx, qa, floor)
    if hit is not None:
        head = hit[1] if hit[1] is not None else speaker_of(doc, hit[0])
        return Statement(qa, qb, *content, "direct", hit[0], head)
    if _named_string(doc, qa, qb):
        return None  # “Kim shot dead” remains the most famous headline: words named, not said now
    carried = continued(ctx, q, content, found)
    if carried is None:
        return None
    return Statement(qa, qb, *content, "direct", carried.cue, carried.speaker_head)


def _named_string(doc: Doc, a: int, b: int) -> bool:
    """A quote that is the subject of the verb after it ("“Make America Great Again” became the
    slogan"): the words are talked about, not a statement going on from the one before."""
    for t in doc[a:b]:
        if not t.is_punct and not a <= t.head.i < b:
            return t.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass") and t.head.i >= b
    return False


def _extend(found: list[Statement], doc: Doc, statement: Statement, q: QuoteSpan) -> bool:
    """Join a quote to the reported clause of its own cue that stops right before it: "saying it
    would be hard to make progress “if the council is not willing ...”" is one mixed statement,
    which the parser cut where the quote hangs elsewhere."""
    for k, f in enumerate(found):
        if f.kind != "indirect" or f.cue != statement.cue or f.according or f.b > statement.a:
            continue
        between = doc[f.b:statement.a]
        if all(t.is_space or (t.is_quote and t.i < statement.a) for t in between) and f.b < len(doc):
            found[k] = replace(f, b=statement.b, end=q.end, kind="mixed")
            return True
    return False


def _announced(ctx: QuoteContext, q_start: int) -> bool:
    """Whether a quote follows a speech verb and a comma or colon: what was said, however
    capitalised ("now says, “Leave Tomas Edlund alone.”"), not a title."""
    doc = ctx.doc
    i = q_start - 1
    while i > 0 and doc[i].is_space:
        i -= 1
    return i > 0 and doc[i].text in (",", ":") and i - 1 in ctx.cues


def find_statements(doc: Doc, sents: Sentences) -> list[Statement]:
    """Every statement in a parsed article, before speakers and channels are resolved."""
    text = doc.text  # Doc.text rebuilds the string on every call: read it once
    spans = find_quote_spans(text)
    starts = [t.idx for t in doc]
    quote_of = [-1] * len(doc)
    probe = QuoteContext(doc, text, tuple(starts), sents, frozenset(), frozenset())
    q_tokens = [probe.tokens(q.start, q.end) for q in spans]
    for n, (a, b) in enumerate(q_tokens):
        for i in range(a, b):
            quote_of[i] = n
    found: list[Statement] = []
    ctx = _context(doc, text, sents, quote_of, found)
    for n, q in enumerate(spans):
        content = content_span(text, q)
        content_tokens = ctx.tokens(*content)
        if count_words(doc, *content_tokens) == 0 or is_term(doc, *content_tokens):
            continue  # a term is the writer's words: it neither makes a clause mixed nor is said
        held = _absorb(found, doc, q, q_tokens[n], content)
        if held is not None and held.whole:
            continue
        if is_title(doc, *content_tokens) and not _announced(ctx, q_tokens[n][0]):
            continue  # a book, a show, a slogan: “Meet the Press”
        statement = _attribute(ctx, spans, q_tokens, n, content, found)
        within = held.within if held is not None else None
        if within is not None and (statement is None or statement.cue is None
                                   or not within[0] <= statement.cue < within[1]):
            continue  # within a source phrase's clause, a quote is also its own only with a cue there
        if statement is not None and _extend(found, doc, statement, q):
            continue
        if statement is not None:
            cue = statement.cue
            if cue is not None and cue in ctx.own_clause and inverted_after(ctx, q, q_tokens[n][1], cue):
                # “...,” said the surgeon, asked about ...: the "clause" the parser gave the
                # inverted verb is its subject; the quote is what was said.
                found[:] = [f for f in found if not (f.kind == "indirect" and f.cue == cue and f.a > cue)]
            found.append(statement)
    return sorted(found, key=lambda f: (f.start, f.end))


def _mention_tokens(doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity],
                    ) -> dict[int, tuple[int, int, str]]:
    """token index -> (start, end, type) of the mention covering it, typed by its entity."""
    types = {e.id: e.type for e in entities}
    out: dict[int, tuple[int, int, str]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for t in span if span is not None else ():
            out[t.i] = (m.start, m.end, types.get(m.entity_id or "", m.type))
    return out


def _cue_fields(doc: Doc, f: Statement, types: dict[int, tuple[int, int, str]],
                ) -> tuple[str | None, int | None, int | None, str | None]:
    """The cue's text and offsets, and the channel it names."""
    if f.cue is None:
        return None, None, None, None
    cue: Token = doc[f.cue]
    phrase = source_phrase(cue) if f.according else None
    # "according to", "in the words of", "put it"
    last = phrase[0] if phrase is not None else doc[cue.i + 1] if is_phrase_cue(cue) else cue
    channel = None if f.according else find_channel(doc, cue, _content_tokens(f.a, f.b, f.gap), types)
    return doc[cue.i:last.i + 1].text, cue.idx, last.idx + len(last.text), channel


def find_attributions(doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity],
                      sents: Sentences | None = None) -> list[Attribution]:
    """Every statement in a parsed article with its cue, speaker and channel (no ids or dates)."""
    sents = sents if sents is not None else Sentences.of(doc)
    found = find_statements(doc, sents)
    index = index_speakers(doc, mentions, entities, [(f.start, f.end) for f in found], sents)
    types = _mention_tokens(doc, mentions, entities)
    earlier: list[tuple[int, int, str]] = []  # resolved speakers so far, for "he added"
    unnamed: list[UnnamedSpeaker] = []  # speakers named by a common noun: "a spokesman ... he said"
    said_on: dict[str, tuple[int, str]] = {}  # entity id -> (sentence, channel) of its last statement
    out = []
    for f in sorted(found, key=lambda f: f.cue if f.cue is not None else f.a):
        if f.speaker_head is not None and doc[f.speaker_head].left_edge.i <= f.a and f.b <= f.speaker_head:
            continue  # 'a “show cause” order demanding ...': words quoted inside the speaker's own name
        resolved: ResolvedSpeaker | None = None
        text_channel: str | None = None
        if f.speaker_head is not None:
            head = doc[f.speaker_head]
            author = _author_of_text(head)
            if author is not None:
                # "a statement from the UN children's fund said": the fund spoke, in a statement
                text_channel = channel_phrase(doc, head) if _lemma_in(head, CHANNEL_NOUNS) else None
                head = author
            elif head.dep_ == "poss" and head.head.dep_ in SUBJECT_DEPS and _lemma_in(head.head, CHANNEL_NOUNS):
                text_channel = channel_phrase(doc, head.head)  # "the ministry's statement said"
            resolved = resolve_speaker(index, doc, head, earlier, unnamed)
            entity_id = resolved.speaker.entity_id if resolved.speaker is not None else None
            # A pronoun's window counts from the last sentence of what was said: "She said: “...”"
            # over five sentences, then "she added" is still her.
            sentence = max(sentence_at(index, f.speaker_head), sentence_at(index, max(f.b - 1, 0)))
            if entity_id is not None:
                earlier.append((resolved.start, sentence, entity_id))
            elif resolved.speaker is not None and head.pos_ == "NOUN" and _may_be_referred_to(head):
                unnamed.append(UnnamedSpeaker(resolved.start, sentence, resolved.speaker.name,
                                              head.tag_ in PLURAL_TAGS, _personal(head)))
        cue, cue_start, cue_end, channel = _cue_fields(doc, f, types)
        channel = channel or text_channel
        speaker_id = resolved.speaker.entity_id if resolved is not None and resolved.speaker is not None else None
        if speaker_id is not None and f.cue is not None:
            here = sentence_at(index, f.cue)
            last = said_on.get(speaker_id)
            if channel is None and last is not None and here - last[0] <= CONTINUATION_SENTENCES and (
                    goes_on(doc[f.cue])):
                channel = last[1]  # "Unicef said in a statement ... “We are appalled,” it added"
            if channel is not None:
                said_on[speaker_id] = (here, channel)
        out.append(Attribution(
            start=f.start, end=f.end, kind=f.kind, cue=cue, cue_start=cue_start, cue_end=cue_end,
            cue_index=f.cue, speaker=resolved.speaker if resolved is not None else None,
            speaker_start=resolved.start if resolved is not None else None,
            speaker_end=resolved.end if resolved is not None else None, channel=channel, gap=f.gap,
        ))
    return sorted(_without_nested(doc, out), key=lambda a: (a.start, a.end))


# Cues that go on with a statement already made, when and on the channel it was made ("it
# added", "he continued", "she went on", "he also said"), within this many sentences of it.
CONTINUING_CUES = frozenset({"add", "continue", "go", "conclude"})
CONTINUING_ADVERBS = frozenset({"also", "further"})
CONTINUATION_SENTENCES = 3


def goes_on(cue: Token) -> bool:
    """Whether a cue verb goes on with what its speaker said before ("added", "also said", "went
    on to say")."""
    return (cue.lemma_.lower() in CONTINUING_CUES
            or any(c.dep_ == "advmod" and c.lower_ in CONTINUING_ADVERBS for c in cue.children)
            or (cue.dep_ == "xcomp" and goes_on(cue.head)))


# Prepositions after a text that name who issued it: "a statement from the ministry", "a
# report by the UN".
AUTHOR_PREPS = frozenset({"from", "by"})
# What such a preposition's object is when it names no author: a time or a place.
NOT_AUTHOR_TYPES = frozenset({"DATE", "TIME", "LOC", "FAC"})
# Texts sent from a place by whoever is there: "a report from Baghdad".
DISPATCH_NOUNS = frozenset({"report", "dispatch", "account", "footage", "video"})


def _lemma_in(tok: Token, words: Container[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


def _author_of_text(head: Token) -> Token | None:
    """Who issued the text a statement's subject names: "a statement from the ministry said",
    "the report issued by US intelligence agencies stressed", "the ministry's statement said";
    None when the subject is no text, or the text names no author."""
    if head.pos_ != "NOUN" or not (_lemma_in(head, CHANNEL_NOUNS) or _lemma_in(head, TEXT_NOUNS)):
        return None
    for c in head.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN") and _lemma_in(head, CHANNEL_NOUNS):
            return c  # (but "her campaign said" is the campaign's)
        if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPS:
            pobj = next((o for o in c.children if o.dep_ == "pobj"), None)
            # "a statement from last week", "a report from Baghdad": when or where, not whose (but
            # "a statement from Israel" is the state's)
            place = pobj is not None and pobj.ent_type_ == "GPE" and _lemma_in(head, DISPATCH_NOUNS)
            return pobj if pobj is not None and pobj.ent_type_ not in NOT_AUTHOR_TYPES and not place else None
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "issued by", "released by"
            for agent in c.children:
                if agent.dep_ == "agent":
                    return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None


def _personal(head: Token) -> bool:
    """Whether a common-noun speaker can be a "he" or "she": "a spokesman", not a text ("a
    statement", "the report") nor a body ("the ministry")."""
    lemma = head.lemma_.lower()
    return lemma not in CHANNEL_NOUNS and lemma not in TEXT_NOUNS and lemma not in ORGANISATION_NOUNS


def _may_be_referred_to(head: Token) -> bool:
    """Whether a common-noun speaker can be what a later "he" or "they" refers to: the subject of a
    verb ("a spokesman said", "said an aide, who ..."), not a noun a participle hangs on or one found
    by position ("a statement accusing ...", "his rhetoric accusing ...": a text, not a person); also
    the one a text is quoted from ("KCNA quoted a ministry spokesman as saying")."""
    return (head.dep_ in SUBJECT_DEPS or any(c.dep_ == "relcl" for c in head.children)
            or (head.dep_ == "dobj" and head.head.lemma_.lower() in RELAY_LEMMAS))


def _realis(cue: Token) -> bool:
    """Whether a cue verb reports a statement made: finite and without a modal ("said", "has
    promised"), not one to come, wished for or supposed ("would ask", "before proposing",
    "demanded that Karst confirm", "expected to propose", "if he concludes")."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cue.children):
        return False  # "could withdraw if he concludes that the pact is unfair": a condition, nothing said
    if cue.tag_ in FINITE_TAGS:
        return True
    if cue.tag_ == "VBG":  # "..., acknowledging that ..." was said; "before proposing" was not
        return not (cue.dep_ == "pcomp" and cue.head.lower_ in UNREALISED_PREPS)
    return cue.tag_ == "VBN" and any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "have")
                                     for c in cue.children)


def _without_nested(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Drop a statement whose cue sits inside another statement's content and reports nothing
    said, only something to come or wished for ("said she would consult both capitals before
    proposing another date": one statement, not two). A nested statement made ("Dravic said Tovin
    had promised to ...", "whom he described as ...") stays: it is an attribution of its own."""
    def nested(b: Attribution) -> bool:
        if b.cue_index is None or b.cue_start is None or source_phrase(doc[b.cue_index]) is not None:
            return False
        if _realis(doc[b.cue_index]):
            return False
        return any(a is not b and a.start <= b.cue_start < a.end and b.end <= a.end for a in found)
    return [b for b in found if not nested(b)]


# --------------------------------------------------------------------------- dates and records


def _governs(tok: Token, cue: Token, content: Container[int]) -> bool:
    """Whether a token hangs (through its heads) on the cue verb, not on the reported clause nor
    on a relative clause ("said Mahmoud, who fled a year ago": the flight is a year ago)."""
    t = tok
    while True:
        if t.i == cue.i:
            return True
        if t.i in content or t.head.i == t.i or t.dep_ == "relcl":
            return False
        t = t.head


def _own_date(doc: Doc, sents: Sentences, a: Attribution, timexes: Sequence[TimeExpr]) -> DateValue | None:
    """The date of the time expression that governs the cue verb in its sentence, if any."""
    if a.cue_index is not None and timexes:
        cue = doc[a.cue_index]
        first, last = sents.bounds(cue.i)
        sent_start, sent_end = char_range(doc, first, last)
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        content = _content_tokens(span.start, span.end, a.gap) if span is not None else frozenset()
        for tx in timexes:
            in_gap = a.gap is not None and doc[a.gap[0]].idx <= tx.start < char_range(doc, *a.gap)[1]
            if not sent_start <= tx.start < sent_end or (a.start <= tx.start < a.end and not in_gap):
                continue  # a time expression in what was said dates the message, not the saying
            if tx.type in ("DURATION", "SET") or tx.value.endswith("_REF"):
                continue  # "now says", "has long said": no day; the publication day says more
            tx_span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
            if tx_span is not None and len(tx_span) and _governs(tx_span.root, cue, content):
                return tx.date if tx.date is not None else DateValue(tx.value, None, None, "unknown")
    return None


def _quote_date(doc: Doc, sents: Sentences, a: Attribution, timexes: Sequence[TimeExpr],
                published: str | None, story: DateValue | None = None, story_end: int = 0,
                went_on: DateValue | None = None) -> tuple[DateValue | None, bool]:
    """The date of a statement and whether the text gives it: the date of the time expression
    that governs the cue verb in its sentence; else that of the statement it goes on with
    (``went_on``, when the text gives that one's date: "Speaking on Sunday, Dravic said ... He
    added ..."); else the day of the story's news for a cue in the simple past ("Jobs also said",
    time.story_day); else the publication day."""
    own = _own_date(doc, sents, a, timexes)
    if own is not None:
        return own, True
    if went_on is not None:
        return went_on, True
    if story is not None and a.cue_index is not None and told_in_past(doc[a.cue_index]) and a.start < story_end:
        return story, False
    if published:
        return DateValue(published, published, published, "day"), False
    return None, False


def extract_quotes(doc: Doc, article: Article, mentions: Sequence[Mention], entities: Sequence[Entity],
                   timexes: Sequence[TimeExpr]) -> list[Quote]:
    """The quotes of one article (direct, indirect, mixed) with speaker, channel and date."""
    sents = Sentences.of(doc)
    story = story_day(doc, timexes, article.published)
    story_end = story_day_end(doc, timexes, article.published) if story is not None else 0
    quotes: list[Quote] = []
    dated: dict[str, tuple[int, DateValue]] = {}  # speaker id -> (sentence, date) of its last statement the text dates
    for a in find_attributions(doc, mentions, entities, sents):
        speaker_id = a.speaker.entity_id if a.speaker is not None else None
        here = sents.index(a.cue_index) if a.cue_index is not None else -1
        last = dated.get(speaker_id) if speaker_id is not None else None
        # "Speaking on Sunday, Dravic said ... He added ...": the same speech, the same day
        went_on = last[1] if (last is not None and a.cue_index is not None and goes_on(doc[a.cue_index])
                              and here - last[0] <= CONTINUATION_SENTENCES) else None
        date, given = _quote_date(doc, sents, a, timexes, article.published, story, story_end, went_on)
        if given and date is not None and speaker_id is not None:
            dated[speaker_id] = (here, date)
        quotes.append(Quote(
            id=short_hash(article.id, a.start, a.end), article_id=article.id, start=a.start, end=a.end,
            text=article.text[a.start:a.end], kind=a.kind, speaker=a.speaker,
            speaker_start=a.speaker_start, speaker_end=a.speaker_end, cue=a.cue, channel=a.channel,
            date=date,
        ))
    return quotes
