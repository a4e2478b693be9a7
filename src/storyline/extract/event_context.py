"""What the event rules need to know about one article beyond the parse: which tokens name which
entity, who speaks each quotation, where each time expression sits, and how to turn a noun phrase
into an actor ("the Serbian delegation" acts for Serbia, "he" is the last person named whom the
article does not show to be a woman)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..gazetteer import affiliation_code, city_country, country_of_state, fold, hyphens_as_spaces, is_us_state
from ..genders import Gender, person_genders, pronoun_agrees, verb_subject
from ..model import Article, DateValue, Entity, Mention, TimeExpr
from .event_lexicon import Lexicon, load_lexicon
from .event_triggers import PLACE_NOUNS
from .quote_marks import find_quote_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Mentions that can act in an event. DATE, MONEY, LAW and the like never do.
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Mention types that are places.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Phrases longer than this are not walked token by token: a parser's run-on "noun phrase" in a
# 5,000-token sentence must not make actor search quadratic.
MAX_PHRASE_TOKENS = 40
# Coordinations longer than this are lists (of names, of countries) that no rule below reads well.
MAX_CONJUNCTS = 12
# How far after a closing quotation mark its attribution ("..., Bislimi said") may start.
ATTRIBUTION_WINDOW = 12
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "myself", "ourselves"})
THIRD_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
REFLEXIVE_OBJECTS = frozenset({"himself", "herself", "themselves"})
# How many sentences back "he" or "she" passes over people the article shows to be of the other
# gender to find one of its own: the reach quote speakers give a pronoun
# (resolve/speakers.py, PERSON_PRONOUN_SENTENCES); further back it is likelier someone unnamed.
PRONOUN_SENTENCES = 3
# Entity labels of words that are never actors ("on Tuesday", "52 members").
NON_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
# Shortest country-name stem a demonym may be read back to ("Peru").
MIN_DEMONYM_STEM = 4
# Pronouns that, in reported speech, stand for the speaker ("Iraq said it would ...").
SPEAKER_PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
# Nouns that stand for parties named elsewhere ("both sides discussed"): no actor of their own.
VAGUE_NOUNS = frozenset({"side", "party", "participant", "counterpart", "partner", "people", "member"})
# Country names pycountry spells in their official long form.
COUNTRY_NAMES = {
    "XKX": "Kosovo",
    "RUS": "Russia",
    "IRN": "Iran",
    "SYR": "Syria",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "USA": "United States",
    "GBR": "United Kingdom",
    "PSE": "Palestine",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "COD": "DR Congo",
    "LAO": "Laos",
    "CZE": "Czechia",
    "MKD": "North Macedonia",
    "BIH": "Bosnia and Herzegovina",
    "TUR": "Turkey",
    "CIV": "Ivory Coast",
    "VAT": "Vatican",
}


@dataclass(frozen=True, slots=True)
class Who:
    """An actor before its role is known: entity (if any), the name to show, and the words naming it."""

    entity_id: str | None
    name: str
    start: int  # char offsets of the naming words
    end: int
    named: bool = True  # False for a common noun ("riot police") that names no entity

    @property
    def key(self) -> str:
        """Identity for de-duplication: the entity, else the folded name."""
        return self.entity_id or "name:" + fold(self.name)


@dataclass(frozen=True, slots=True)
class TimexAt:
    """A usable time expression with the tokens it covers."""

    timex: TimeExpr
    date: DateValue
    first: int  # token indices, end exclusive
    end: int
    root: int


@dataclass
class DocContext:
    """Per-article lookups, built once and then only read."""

    doc: Doc
    article: Article
    lex: Lexicon
    mention_at: dict[int, tuple[Mention, int, int]]  # token -> (mention, first token, end token)
    entities: dict[str, Entity]
    by_name: dict[str, Entity | None]  # folded name or surname -> entity (None: ambiguous)
    country_entity: dict[str, Entity]  # code -> the GPE entity that is that country
    person_starts: list[int]  # token index of each PERSON mention, sorted
    person_at: list[Who]
    quote_of: list[int]  # token -> index into speakers, -1 outside quotes
    speakers: list[Who | None]
    attribution: dict[int, int]  # speech verb token -> index of the quotation it attributes
    timexes: list[TimexAt]
    published: DateValue | None
    segment: list[tuple[int, int]]  # token -> (first, end) of its sentence, cut at line breaks
    dateline: tuple[int, int] = (0, 0)  # tokens of a "CITY, Date (Agency) –" opening, end exclusive
    segment_starts: list[int] = field(default_factory=list)  # first token of each sentence, sorted
    genders: dict[str, Gender] = field(default_factory=dict)  # entity id -> gender the article shows


def country_name(code: str) -> str:
    """A readable name for an affiliation code: 'SRB' -> 'Serbia', 'EU' -> 'EU'."""
    if code in COUNTRY_NAMES:
        return COUNTRY_NAMES[code]
    return _pycountry_name(code) or code


@lru_cache(maxsize=512)
def _pycountry_name(code: str) -> str | None:
    import pycountry

    c = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if c is None:
        return None
    return str(getattr(c, "common_name", None) or c.name)


def published_date(article: Article) -> DateValue | None:
    """The article's publication day as a day-granular date, if known."""
    day = (article.published or "")[:10]
    if len(day) != 10:
        return None
    return DateValue(day, day, day, "day")


def build_context(
    doc: Doc,
    article: Article,
    mentions: Sequence[Mention],
    entities: Sequence[Entity],
    timexes: Sequence[TimeExpr],
) -> DocContext:
    """Index one article's mentions, entities, quotes and time expressions against its tokens."""
    ents = {e.id: e for e in entities}
    mention_at: dict[int, tuple[Mention, int, int]] = {}
    persons: list[tuple[int, Who]] = []
    people: list[tuple[int, int, str]] = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.type not in ACTOR_TYPES:
            continue
        for i in range(span.start, span.end):
            mention_at.setdefault(i, (m, span.start, span.end))
        if _mention_type(m, ents) == "PERSON":
            who = _who_of_mention(m, ents)
            persons.append((span.start, who))
            if who.entity_id is not None:
                people.append((span.start, span.end, who.entity_id))
    persons.sort(key=lambda p: p[0])
    ctx = DocContext(
        doc=doc,
        article=article,
        lex=load_lexicon(),
        mention_at=mention_at,
        entities=ents,
        by_name=_name_index(entities),
        country_entity=_country_entities(entities),
        person_starts=[p[0] for p in persons],
        person_at=[p[1] for p in persons],
        quote_of=[-1] * len(doc),
        speakers=[],
        attribution={},
        timexes=_timexes(doc, timexes),
        published=published_date(article),
        segment=[],
    )
    ctx.segment = [(0, len(doc))] * len(doc)
    for seg in sentences(doc):
        ctx.segment_starts.append(seg.start)
        for i in range(seg.start, seg.end):
            ctx.segment[i] = (seg.start, seg.end)
    ctx.genders = person_genders(doc, people, {e.id: e.name for e in entities if e.type == "PERSON"})
    ctx.dateline = _dateline(doc)
    _index_quotes(ctx)
    return ctx


# Dashes that close a news dateline ("BRUSSELS, May 3 (Wire) – ...").
DATELINE_DASHES = frozenset({"–", "—", "-", "--", "―"})
# A dateline is a place, a date and an agency: a few tokens, never a clause.
MAX_DATELINE_TOKENS = 14
# Datelines open an article's body, after at most a headline and a byline.
DATELINE_SEGMENTS = 3


def _dateline(doc: Doc) -> tuple[int, int]:
    """The tokens of a dateline opening the text ("LINDHOLM, July 1 (Wire) –"): a place written in
    capitals (or followed by a date or an agency in brackets) and a dash, with no verb between. A
    dateline names where the report was filed; what it names never acts in the story."""
    for seg in sentences(doc)[:DATELINE_SEGMENTS]:
        first = doc[seg.start]
        if not (first.is_alpha and (first.is_upper or (first.is_title and first.pos_ == "PROPN"))):
            continue
        dated = first.is_upper and len(first.text) > 1
        for t in doc[seg.start : min(seg.end, seg.start + MAX_DATELINE_TOKENS)]:
            if t.text in DATELINE_DASHES and t.i > seg.start + 1:
                return (seg.start, t.i + 1) if dated else (0, 0)
            if t.pos_ in ("VERB", "AUX") and t.ent_type_ not in ("DATE", "ORG"):
                break
            if t.ent_type_ == "DATE" or t.text == "(":
                dated = True
    return (0, 0)


def in_dateline(ctx: DocContext, i: int) -> bool:
    """Whether token i belongs to the article's dateline."""
    return ctx.dateline[0] <= i < ctx.dateline[1]


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, also cut at line breaks (a headline without a full stop is not
    the first sentence's subject), or the whole text when nothing split it."""
    if len(doc) == 0:
        return []
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return [doc[:]]
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if "\n" in t.text and t.is_space:
                if t.i > start:
                    out.append(doc[start : t.i])
                start = t.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return out


def same_segment(ctx: DocContext, a: int, b: int) -> bool:
    """Whether tokens a and b are in one sentence (as cut by sentences())."""
    first, end = ctx.segment[a]
    return first <= b < end


def _mention_type(m: Mention, ents: dict[str, Entity]) -> str:
    """The entity's voted type when known (it corrects the model's label on one mention)."""
    e = ents.get(m.entity_id or "")
    return e.type if e else m.type


def _name_index(entities: Sequence[Entity]) -> dict[str, Entity | None]:
    """Folded full names, aliases and surnames of people and organisations -> entity."""
    index: dict[str, Entity | None] = {}
    for e in entities:
        if e.type not in ("PERSON", "ORG"):
            continue
        keys = {fold(n) for n in (e.name, *e.aliases)}
        if e.type == "PERSON":
            keys |= {fold(n.split()[-1]) for n in (e.name, *e.aliases) if n.split()}
        for k in keys:
            if len(k) < 3:
                continue
            index[k] = None if k in index and index[k] is not e else e
    return index


def _country_entities(entities: Sequence[Entity]) -> dict[str, Entity]:
    """GPE entities that are countries, by code, so 'Serbian' can point at the 'Serbia' entity."""
    out: dict[str, Entity] = {}
    for e in entities:
        if e.type == "GPE":
            code = country_of_state(e.name)
            if code and fold(country_name(code)) == fold(e.name):
                out.setdefault(code, e)
    return out


def _timexes(doc: Doc, timexes: Sequence[TimeExpr]) -> list[TimexAt]:
    """Dated time expressions (not durations or sets) with their token spans."""
    out: list[TimexAt] = []
    for tx in timexes:
        if (
            tx.type not in ("DATE", "TIME")
            or tx.date is None
            or not tx.date.start
            or tx.value.endswith("_REF")
        ):
            continue  # "soon", "now", "recently" say how an event stands, not when
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(TimexAt(tx, tx.date, span.start, span.end, span.root.i))
    return out


def coarser_than_year(d: DateValue) -> bool:
    """A decade, a century or a millennium ('the 1990s', 'this century': TIMEX values '199', '20'):
    it names an era, and no event a news story reports is dated that coarsely. Seasons and weeks
    may straddle New Year but keep their own granularity."""
    if d.granularity != "unknown" or not d.start or not d.end:
        return False
    return d.start[:4] != d.end[:4]


def _who_of_mention(m: Mention, ents: dict[str, Entity]) -> Who:
    """A mention as an actor: its entity's name; a demonym stands for its country."""
    e = ents.get(m.entity_id or "")
    etype = e.type if e else m.type
    name = e.name if e else m.text
    if etype == "NORP":
        code = (e.affiliation if e else None) or affiliation_code(m.text)
        if code:
            return Who(None, country_name(code), m.start, m.end)
    return Who(e.id if e else m.entity_id, name, m.start, m.end)


def who_at(ctx: DocContext, i: int) -> Who | None:
    """The actor named by the mention covering token i; a demonym or a capital stands for its country."""
    hit = ctx.mention_at.get(i)
    if hit is None:
        return None
    m = hit[0]
    e = ctx.entities.get(m.entity_id or "")
    etype = e.type if e else m.type
    name = e.name if e else m.text
    if etype == "NORP":
        code = (e.affiliation if e else None) or affiliation_code(m.text) or demonym_code(m.text)
        if code:
            return _country_who(ctx, code, m)
    elif etype == "GPE":
        code = country_of_state(name)
        if code and fold(country_name(code)) != fold(name):
            # "Belgrade" or "U.S." standing for the state
            return _country_who(ctx, code, m)
    return Who(e.id if e else m.entity_id, name, m.start, m.end)


@lru_cache(maxsize=1024)
def demonym_code(word: str) -> str | None:
    """A country adjective the gazetteer lacks, read off its ending: Chilean -> Chile,
    Peruvian -> Peru, Canadian -> Canada, Italian -> Italy."""
    w = word.strip()
    if len(w) < 5 or " " in w:
        return None
    stems = (w[:-1], w[:-2], w[:-4], w[:-3] + "a", w[:-3] + "y", w[:-2] + "a", w[:-3])
    for stem in stems:
        if len(stem) >= MIN_DEMONYM_STEM:
            code = country_of_state(stem)
            if code:
                return code
    return None


def _country_who(ctx: DocContext, code: str, m: Mention) -> Who:
    """The country (or organisation) with this code, as this article's entity for it if any."""
    country = ctx.country_entity.get(code)
    if country is not None:
        return Who(country.id, country.name, m.start, m.end)
    return Who(None, country_name(code), m.start, m.end)


def mention_type(ctx: DocContext, i: int) -> str | None:
    """The (voted) entity type of the mention covering token i."""
    hit = ctx.mention_at.get(i)
    return _mention_type(hit[0], ctx.entities) if hit else None


def _index_quotes(ctx: DocContext) -> None:
    """Mark the tokens inside each quotation and find who speaks it."""
    doc = ctx.doc
    starts = [t.idx for t in doc]
    for q in find_quote_spans(doc.text):
        first = bisect.bisect_left(starts, q.start)
        last = bisect.bisect_left(starts, q.end)
        if last - first < 2:
            continue
        ctx.speakers.append(None)
        n = len(ctx.speakers) - 1
        for i in range(first, min(last, len(doc))):
            ctx.quote_of[i] = n
        who, verb = _quote_speaker(ctx, first, min(last, len(doc)))
        ctx.speakers[n] = who
        if verb is not None:
            ctx.attribution.setdefault(verb, n)


def _quote_speaker(ctx: DocContext, first: int, end: int) -> tuple[Who | None, int | None]:
    """The subject of the speech verb right after the quotation, else right before it."""
    doc, lex = ctx.doc, ctx.lex
    for i in range(end, min(end + ATTRIBUTION_WINDOW, len(doc))):
        t = doc[i]
        if t.lemma_.lower() in lex.speech and t.pos_ in ("VERB", "AUX"):
            who = speaker_of_verb(ctx, t)
            if who is not None:
                return who, t.i
        if t.text in (".", "!", "?") or ctx.quote_of[i] >= 0:
            break
    if first > 0 and doc.has_annotation("SENT_START"):
        sent = doc[first].sent
        for i in range(first - 1, max(sent.start, first - 3 * ATTRIBUTION_WINDOW) - 1, -1):
            t = doc[i]
            if t.lemma_.lower() in lex.speech and t.pos_ in ("VERB", "AUX"):
                return speaker_of_verb(ctx, t), t.i
    return None, None


def speaker_of_verb(ctx: DocContext, verb: Token) -> Who | None:
    """The one actor who says something with this verb ('Bislimi told ...', 'said Bislimi')."""
    for c in verb.children:
        # the subject of a passive speech verb is what is said or who is told ("his role was
        # revealed by a Lima daily", "she has been told ..."), never who says it
        if c.dep_ == "nsubj":
            if in_dateline(ctx, c.i) and any(
                o.dep_ in ("nsubj", "nsubjpass") and not in_dateline(ctx, o.i) for o in verb.children
            ):
                continue  # the dateline the parser made a second subject
            found = resolve(ctx, c)
            if not found and c.pos_ in ("NOUN", "PRON"):
                # "a whistleblower working inside the White House has told Congress": the place the
                # speaker works in is not the speaker, whom the text does not name
                return None
            if not found:
                # "The Red Cross operating in Iraq said": the parser made the participle the subject
                found = [
                    w
                    for t in c.subtree
                    if t.i < verb.i and mention_type(ctx, t.i) in ("PERSON", "ORG", "GPE")
                    for w in [who_at(ctx, t.i)]
                    if w is not None
                ][:1]
            # "The chairman of the committee, Rep. Elijah Cummings, said", parsed as a list: one
            # person speaks, not the committee the title names
            people = [w for w in found if _person_entity(ctx, w)]
            return (people or found)[0] if found else None
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    found = resolve(ctx, g)
                    return found[0] if found else None
    return None


def _person_entity(ctx: DocContext, w: Who) -> bool:
    """Whether an actor is an entity of type PERSON."""
    e = ctx.entities.get(w.entity_id or "")
    return e is not None and e.type == "PERSON"


def speaker_at(ctx: DocContext, i: int) -> Who | None:
    """Who speaks the quotation that token i is in, if any."""
    n = ctx.quote_of[i] if 0 <= i < len(ctx.quote_of) else -1
    return ctx.speakers[n] if n >= 0 else None


def last_person_before(ctx: DocContext, i: int, depth: int = 0) -> Who | None:
    """The last person named before token i that the pronoun at i can refer to: what 'he' or 'she'
    most often points at in news. People the article shows to be of the other gender are passed
    over, back to PRONOUN_SENTENCES sentences before; the latest person of unknown gender is taken,
    however far back, as no evidence says otherwise. A pronoun outside quotation marks passes over
    the people a quotation names: in '"My friendship with Dravic is strong," he said', he is the
    speaker, not Dravic."""
    k = bisect.bisect_left(ctx.person_starts, i)
    if ctx.quote_of[i] < 0:
        while k > 0 and ctx.quote_of[ctx.person_starts[k - 1]] >= 0:
            k -= 1
    pronoun = ctx.doc[i].lower_
    subject = _clause_subject(ctx, i, pronoun) or _previous_subject(ctx, i, k, pronoun, depth)
    if subject is not None:
        return subject
    oldest = _sentence_start(ctx, i, PRONOUN_SENTENCES)
    doer = _doer_of_own_clause(ctx, i)
    era: Who | None = None
    for j in range(k - 1, -1, -1):
        if j < k - 1 and ctx.person_starts[j] < oldest:
            break
        if ctx.quote_of[i] < 0 and ctx.quote_of[ctx.person_starts[j]] >= 0:
            continue
        who = ctx.person_at[j]
        if doer is not None and who.key == doer.key:
            continue
        if pronoun_agrees(pronoun, ctx.genders.get(who.entity_id or "")):
            if _names_an_era(ctx.doc[ctx.person_starts[j]]):
                era = era or who  # only when nobody else is there to be meant
                continue
            return who
    return era


# Nouns a name modifies to name a government or a time, not the person: "the Clinton
# administration's 1994 agreement", "the Obama era".
ERA_NOUNS = frozenset({"administration", "era", "presidency", "regime", "doctrine", "years", "foundation"})


def _names_an_era(tok: Token, head: Token | None = None) -> bool:
    """A person's name used to name an administration or an era ("He praised the Clinton
    administration's agreement. ... he visited Assad" is not Clinton), inside a phrase headed by
    another noun when ``head`` is given ("an Obama administration official"; "the Obama
    administration" itself acts for him)."""
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    era = tok.head
    return (tok.dep_ in ("compound", "nmod", "amod") and era.lemma_.lower() in ERA_NOUNS
            and (head is None or era.i != head.i))


# Objects that never stand for their own clause's subject ("Trump asked him", "told it to him";
# "himself" would): with other prepositions they may ("took his wife with him").
BOUND_OBJECT_DEPS = frozenset({"dobj", "dative"})
BOUND_OBJECT_PREPS = frozenset({"to", "against"})


def _doer_of_own_clause(ctx: DocContext, i: int) -> Who | None:
    """The person an object pronoun cannot stand for: the subject of its own verb ("Perdue said
    Trump had asked him to draw up a plan": him is Perdue, though Trump was named last)."""
    tok = ctx.doc[i]
    if tok.dep_ in BOUND_OBJECT_DEPS:
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ in BOUND_OBJECT_PREPS:
        verb = tok.head.head
    else:
        return None
    subject = verb_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    return _named_person(ctx, subject) if subject is not None and subject.i < i else None


# Clauses whose subject pronoun is the subject of the clause they hang on: "Lajčák travelled to
# Belgrade, where he met Vučić" (a clause on a place or a time), "... after he arrived".
BOUND_CLAUSES = frozenset({"relcl", "advcl"})
MAX_CLAUSE_HOPS = 8


def _clause_subject(ctx: DocContext, i: int, pronoun: str) -> Who | None:
    """The person a subject pronoun of a relative or adverbial clause stands for: the subject of
    the nearest clause above it that has one, named before it ("Lajčák travelled to Belgrade,
    where he met Vučić, and then went on to Pristina, where he held talks": both are Lajčák,
    though Vučić was named last; "Vučić said Kurti lied when he claimed ...": Kurti). A relative
    "who" stands for the noun it hangs on. None when that subject is no person, or not one the
    pronoun can be."""
    doc = ctx.doc
    tok = doc[i]
    if tok.dep_ != "nsubj" or not (tok.head.dep_ in BOUND_CLAUSES or _reported_by_its_subject(ctx, tok)):
        return None
    verb = tok.head.head
    for _ in range(MAX_CLAUSE_HOPS):
        if verb.pos_ in ("VERB", "AUX"):
            subject = verb_subject(verb)
            if subject is not None:
                if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
                    subject = verb.head
                who = _named_person(ctx, subject) if subject.i < i else None
                if who is None:
                    return None
                return who if pronoun_agrees(pronoun, ctx.genders.get(who.entity_id or "")) else None
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _reported_by_its_subject(ctx: DocContext, tok: Token) -> bool:
    """'The envoy, who met Tovin alone, said that she would consult both capitals': the subject
    pronoun of what a speech verb reports is, in news, its speaker, however many people were named
    in between. Not inside quotation marks, where "he" is whoever the speaker talks about ("He will
    lose," Trump said)."""
    return (
        tok.head.dep_ == "ccomp"
        and tok.head.head.lemma_.lower() in ctx.lex.speech
        and ctx.quote_of[tok.i] < 0
    )


def _named_person(ctx: DocContext, tok: Token) -> Who | None:
    """The person a subject names: its own name, or one in apposition ("The envoy Ingrid
    Solberg", "the envoy, Ingrid Solberg,")."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "appos")):
        if mention_type(ctx, t.i) == "PERSON":
            return who_at(ctx, t.i)
    return None


# How many times a run of "he ... He ... He" is followed back to the name it began with.
PRONOUN_CHAIN = 4
# How many sentences back a subject pronoun looks for the subject it continues: the previous
# one, and the one before it when the previous names nobody.
SUBJECT_LOOKBACK = 2
MAX_LOOKBACK = 6  # counting the sentences all in quotation marks passed over


def _previous_subject(ctx: DocContext, i: int, k: int, pronoun: str, depth: int = 0) -> Who | None:
    """A subject pronoun that opens its clause with nobody named before it in its sentence
    continues the previous sentence's subject ("Macron spoke to Putin by phone. He also called
    for ..." is Macron), where the person named last may be only an object, and so does the same
    pronoun as that subject ("In 1985, he met Ortega. He praised ..."). A sentence naming nobody
    is passed over ("He praised the deal. The deal collapsed in 2002. In 2009, he visited ...").
    None when the sentence that names someone has no person as its subject (the last person
    named is taken then)."""
    doc = ctx.doc
    own = _sentence_start(ctx, i, 0)
    if doc[i].dep_ != "nsubj" or (k > 0 and ctx.person_starts[k - 1] >= own):
        return None
    end = own
    budget = SUBJECT_LOOKBACK
    for back in range(1, MAX_LOOKBACK + 1):
        start = _sentence_start(ctx, i, back)
        if start == end or budget == 0:
            return None
        outside = ctx.quote_of[i] < 0
        if outside and _all_quoted(ctx, start, end):
            end = start
            continue  # a sentence all in quotation marks is someone's words, not the story's
        # (outside a quotation, not whom a quotation names)
        named = [j for j in range(bisect.bisect_left(ctx.person_starts, start),
                                  bisect.bisect_left(ctx.person_starts, end))
                 if not outside or ctx.quote_of[ctx.person_starts[j]] < 0]
        for j in named:
            who = ctx.person_at[j]
            root = doc[ctx.person_starts[j]]
            while root.dep_ in ("compound", "flat") and root.head.i > root.i:
                root = root.head  # "Emmanuel" -> "Macron"
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
                return who if pronoun_agrees(pronoun, ctx.genders.get(who.entity_id or "")) else None
        same = next((t for t in doc[start:end] if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"
                     and t.lower_ == pronoun and (ctx.quote_of[t.i] < 0) == outside), None)
        if same is not None:
            return last_person_before(ctx, same.i, depth + 1) if depth < PRONOUN_CHAIN else None
        if named:
            return None
        end = start
        budget -= 1
    return None


def _all_quoted(ctx: DocContext, start: int, end: int) -> bool:
    """Whether tokens [start, end) are all inside quotation marks (or punctuation and space)."""
    doc = ctx.doc
    return all(ctx.quote_of[t] >= 0 or doc[t].is_punct or doc[t].is_space for t in range(start, end))


def _sentence_start(ctx: DocContext, i: int, back: int) -> int:
    """First token of the sentence ``back`` sentences before the one holding token i."""
    k = bisect.bisect_right(ctx.segment_starts, i) - 1
    return ctx.segment_starts[max(0, k - back)] if ctx.segment_starts else 0


def where_not_who(ctx: DocContext, t: Token) -> bool:
    """A city named before an event's noun says where it happened, not who did it: "the Paris
    attacks", "a Waco fertilizer plant explosion" (but "Russian strikes", "Israel's raids" and
    "US sanctions" name the doer)."""
    if t.dep_ not in ("compound", "nmod") or mention_type(ctx, t.i) not in ("GPE", "LOC", "ORG"):
        return False  # (the tagger may call a city before a noun a body: "the Mumbai attacks")
    who = who_at(ctx, t.i)
    return (who is not None and bool(city_country(who.name)) and not country_of_state(who.name)
            and not is_us_state(who.name))


def conjuncts(tok: Token) -> list[Token]:
    """The token and what is coordinated with it ('Petković and Bislimi'), bounded."""
    out = [tok]
    for c in tok.conjuncts:
        if len(out) >= MAX_CONJUNCTS:
            break
        out.append(c)
    return sorted(out, key=lambda t: t.i)


def bounded_subtree(
    tok: Token, limit: int = MAX_PHRASE_TOKENS, skip_deps: frozenset[str] = frozenset()
) -> Iterator[Token]:
    """Breadth-first walk of tok's subtree, at most `limit` tokens, not entering skip_deps."""
    queue = [tok]
    seen = 0
    while queue and seen < limit:
        t = queue.pop(0)
        seen += 1
        yield t
        queue.extend(c for c in t.children if c.dep_ not in skip_deps)


# Inside an actor's noun phrase, these attachments introduce other things (clauses, places,
# topics), not the actor: "the talks, which took place in Brussels" is not an actor "Brussels".
NP_SKIP = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "prep", "dep", "parataxis"}
)
# Prepositions after a group noun that name whom the group belongs to.
OWNER_PREPS = frozenset({"of", "from"})


def resolve(ctx: DocContext, head: Token, speaker: Who | None = None) -> list[Who]:
    """The actors a noun phrase headed by `head` names, across coordination."""
    out: list[Who] = []
    seen: set[str] = set()
    # "links between Trump's campaign and the Russians who attacked the election": a later
    # conjunct with a relative clause of its own is the one the clause is about
    later = head.dep_ == "conj" and any(c.dep_ == "relcl" for c in head.children)
    heads = [head] if later else conjuncts(head)
    for h in list(heads):
        # "with Kosovo's negotiator Besnik Bislimi and Serbia's minister Petar Petković": the
        # parser hangs the second person on the first one's name, not on "negotiator"
        for a in h.children:
            if a.dep_ == "appos" and same_segment(ctx, h.i, a.i):
                heads.extend(c for c in a.conjuncts if c.i > a.i and c not in heads)
        heads.extend(t for t in _names_run_in(ctx, h) if t not in heads)
    for h in heads[: MAX_CONJUNCTS + 1]:
        first, last = np_extent(h)
        for who in _resolve_one(ctx, h, speaker):
            if first <= who.start < last or first < who.end <= last:
                # the evidence is the whole phrase: "U.N. mediator Diego Cordovez"
                who = Who(who.entity_id, who.name, min(first, who.start), max(last, who.end), who.named)
            if who.key not in seen:
                seen.add(who.key)
                out.append(who)
    if any(w.named for w in out):
        # "Kosovo's Deputy Prime Minister and chief negotiator, Besnik Bislimi": one person
        out = [w for w in out if w.named]
    return out


def _names_run_in(ctx: DocContext, h: Token) -> list[Token]:
    """Names the parser ran into the phrase of a name as its modifiers, not its conjuncts:
    "President Donald Trump and North Korean leader Kim Jong Un met" parsed as one long name
    whose head is "Un". A name that ends right before an "and" inside the phrase is a party of
    its own (not one behind a preposition: "the widow of Ali and ...")."""
    hit = ctx.mention_at.get(h.i)
    if hit is None:
        return []
    first = hit[1]
    inside = {t.i for t in h.subtree}
    out: list[Token] = []
    for i in range(h.left_edge.i + 1, first):
        tok = ctx.doc[i]
        before = ctx.mention_at.get(i - 1)
        if tok.lower_ != "and" or tok.dep_ != "cc" or before is None or before[2] != i or before[1] not in inside:
            continue
        root = ctx.doc[before[1]:before[2]].root
        if root.dep_ != "pobj" and not any(t.dep_ == "pobj" for t in root.ancestors if t.i in inside):
            out.append(root)
    return out


def _resolve_one(ctx: DocContext, h: Token, speaker: Who | None, depth: int = 2) -> list[Who]:
    """One conjunct: its own mention, a person in apposition, the owner of a group noun, a
    pronoun's referent, a known surname, or a common-noun actor; [] when it names no actor."""
    lower = h.lower_
    if in_dateline(ctx, h.i):
        # "LINDHOLM, July 1 (Wire) – The envoy Ingrid Hålvorsen met ...": the parser hung the
        # story's subject on the dateline's place; the place itself only says where it was filed
        # (of two appositions, "The commander of X, General Y," the one nearer the verb names it)
        story = [c for c in h.children if c.dep_ == "appos" and not in_dateline(ctx, c.i)]
        return _resolve_one(ctx, story[-1], speaker, depth) if story else []
    if h.ent_type_ in NON_ACTOR_ENTS:
        if h.ent_type_ in ("CARDINAL", "QUANTITY") and depth > 0:
            # "Thousands of Iraqi Kurds"
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return [w for x in conjuncts(g) for w in _resolve_one(ctx, x, speaker, depth - 1)]
        return []
    if h.pos_ == "PRON" or h.tag_ in ("PRP", "PRP$"):
        who = None
        if lower in REFLEXIVE_OBJECTS:
            # "a president cannot pardon himself", "blew themselves up in Tel Aviv": the doer acts
            # on itself, no other party (nor someone named before: "himself" is no "him")
            return []
        if lower in FIRST_PERSON:
            who = speaker if speaker is not None else speaker_at(ctx, h.i)
        elif lower in THIRD_PERSON:
            who = last_person_before(ctx, h.i)
        elif (
            lower in SPEAKER_PRONOUNS
            and h.dep_ in ("nsubj", "nsubjpass")
            and speaker is not None
            and speaker_at(ctx, h.i) is None
        ):
            who = speaker  # "Iraq said it would allow ...": the reported speaker
        elif lower == "it" and h.dep_ in ("dobj", "pobj"):
            who = _side_by_side_subject(ctx, h)
        return [who] if who is not None else []
    own = who_at(ctx, h.i)
    if own is not None and mention_type(ctx, h.i) in ("PERSON", "ORG", "GPE"):
        return [own]
    # a person in apposition or compound inside the phrase ("the envoy, Peter Sørensen")
    inner = [
        t
        for t in bounded_subtree(h, skip_deps=NP_SKIP - {"prep"})
        if t.i != h.i and same_segment(ctx, h.i, t.i)
    ]
    named = [
        w
        for t in inner
        if mention_type(ctx, t.i) == "PERSON"
        and (_is_naming(t, h) or _apposed_to_the_body(ctx, t, h))
        and not _names_an_era(t, h)
        and (w := who_at(ctx, t.i)) is not None
    ]
    if named:
        return list({w.key: w for w in named}.values())
    loose = _loose_apposition(ctx, h)
    if loose is not None:
        return [loose]
    if h.pos_ == "PROPN":
        known = _by_surname(ctx, h)
        if known is not None:
            return [known]
    if own is not None:
        return [own]
    lemma = noun_lemma(ctx, h)
    if h.pos_ == "PROPN" and h.is_title and lemma not in ctx.lex.actor_nouns:
        return [_proper_name(h)]
    if lemma not in ctx.lex.group_nouns and lemma not in ctx.lex.actor_nouns:
        if h.pos_ not in ("NOUN", "PROPN") or lemma in PLACE_NOUNS:
            return []  # "near the Chilean border" says where, not who
        # "Palestinian homes", "Belarus's rulers": the entity the phrase belongs to
        for t in h.children:
            if t.dep_ in ("poss", "amod", "compound", "nmod") and mention_type(ctx, t.i) in ACTOR_TYPES:
                if where_not_who(ctx, t):
                    continue
                who = who_at(ctx, t.i)
                return [who] if who is not None else []
        if depth > 0:
            # "the Chilean government's decision", "the minister's speech": a thing belongs to
            # its possessor, whichever noun phrase names it
            for t in h.children:
                if t.dep_ == "poss" and t.pos_ in ("NOUN", "PROPN"):
                    found = _resolve_one(ctx, t, speaker, depth - 1)
                    if found:
                        return found
        # "scores of refugees", "the release of prisoners", "demands from UNITA",
        # "crimes committed by Croat forces"
        if depth > 0:
            for c in h.children:
                if c.dep_ == "acl" and c.tag_ == "VBN":
                    for a in c.children:
                        if a.dep_ == "agent":
                            for g in a.children:
                                if g.dep_ == "pobj":
                                    found = _resolve_one(ctx, g, speaker, depth - 1)
                                    if found:
                                        return found
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    for g in c.children:
                        if g.dep_ == "pobj" and same_segment(ctx, h.i, g.i) and not _office_of_state(g):
                            found = [
                                w for x in conjuncts(g) for w in _resolve_one(ctx, x, speaker, depth - 1)
                            ]
                            if found:
                                return found
        return []
    if lemma in ctx.lex.actor_nouns and lemma not in ctx.lex.group_nouns:
        # "said the former New York City mayor": the person the article gave that title, when it
        # gave it to one; the place in the title is whom the office serves, not who speaks
        titled = [w for w in _by_role(ctx, h, lemma) if _person_entity(ctx, w)]
        if titled:
            return titled
    for t in inner:
        if t.dep_ in ("poss", "compound", "amod", "nmod", "pobj") and mention_type(ctx, t.i) in ACTOR_TYPES:
            if t.dep_ == "pobj" and (t.head.lower_ not in OWNER_PREPS or _office_of_state(t)):
                continue
            if t.dep_ != "pobj" and _behind_a_preposition(t, h):
                continue  # "patrols along the Tessel river": the name says where, not whose
            if _names_an_era(t, h):
                continue  # "an Obama administration official" is no Obama
            if t.dep_ == "pobj":
                return [w for c in conjuncts(t) if (w := who_at(ctx, c.i)) is not None]
            who = who_at(ctx, t.i)
            return [who] if who is not None else []
    if lemma in ctx.lex.group_nouns:
        for t in h.children:
            if t.dep_ == "poss" and t.lower_ in FIRST_PERSON | THIRD_PERSON:
                owner = _resolve_one(ctx, t, speaker)
                if owner:
                    return owner
    if lemma in VAGUE_NOUNS:
        return []  # "both sides", "the parties": the parties were named elsewhere
    by_role = _by_role(ctx, h, lemma)
    if by_role:
        return by_role
    for t in h.children:
        # "Croat forces", "Kenyan police": a country adjective the NER did not mark
        if t.dep_ in ("amod", "compound") and t.i < h.i and (t.is_title or t.is_upper):
            code = affiliation_code(t.text) or demonym_code(t.text)
            if code:
                country = ctx.country_entity.get(code)
                first, last = np_extent(h)
                return [
                    Who(
                        country.id if country else None,
                        country.name if country else country_name(code),
                        first,
                        last,
                    )
                ]
    return [_common_noun_actor(h)]


# Attachments that belong to a noun phrase's naming words (not its clauses or prepositions).
NP_PARTS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "poss",
        "nmod",
        "nummod",
        "appos",
        "flat",
        "case",
        "quantmod",
        "punct",
        "npadvmod",
    }
)


def np_extent(h: Token) -> tuple[int, int]:
    """Char offsets of a noun phrase's naming words: head, modifiers, possessor, apposition."""
    toks = [h]
    queue = [h]
    while queue and len(toks) < MAX_PHRASE_TOKENS:
        t = queue.pop()
        for c in t.children:
            if c.dep_ in NP_PARTS and not (c.dep_ == "punct" and c.i > h.i):
                toks.append(c)
                queue.append(c)
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    while first.is_punct and first.i < last.i:
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


def noun_lemma(ctx: DocContext, h: Token) -> str:
    """The lemma, with a capitalised plural ('Chief Negotiators', tagged PROPN) made singular."""
    lemma = h.lemma_.lower()
    if h.pos_ == "PROPN" and lemma.endswith("s") and lemma not in ctx.lex.actor_nouns:
        return lemma[:-1]
    return lemma


# How many links a name may sit below the head it names ("the envoy, Ambassador Peter Sørensen").
NAMING_DEPTH = 6


# Words a title between a role noun's comma and the name may be made of ("former U.S. Attorney").
TITLE_POS = frozenset({"PROPN", "ADJ", "DET", "NOUN", "PUNCT"})
# How far after the comma the name of an apposition may start.
APPOSITION_REACH = 5


def _loose_apposition(ctx: DocContext, h: Token) -> Who | None:
    """'supported Moore's rival, U.S. Senator Luther Strange,' and 'slammed the Democratic
    candidate, former U.S. Attorney Doug Jones,' with the name the parser hung from the verb: a
    role noun followed by a comma and a person's name set off as an apposition names that person."""
    if h.pos_ != "NOUN":
        return None
    doc = ctx.doc
    comma = h.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != "," or not same_segment(ctx, h.i, comma):
        return None
    for k in range(comma + 1, min(comma + 1 + APPOSITION_REACH, len(doc))):
        hit = ctx.mention_at.get(k)
        if hit is not None and mention_type(ctx, k) == "PERSON":
            root = doc[hit[1] : hit[2]].root
            after = doc[hit[2]] if hit[2] < len(doc) else None
            if root.dep_ in ("npadvmod", "appos") and root.head.i != h.i and (after is None or after.is_punct):
                return who_at(ctx, k)
            return None
        if doc[k].pos_ not in TITLE_POS or doc[k].text == ",":
            return None
    return None


def _office_of_state(t: Token) -> bool:
    """'state' in a title: "secretary of state", "undersecretary of state", "head of state"."""
    return t.lower_ == "state" and t.head.lower_ == "of"


def _is_naming(t: Token, head: Token) -> bool:
    """Whether t names the phrase's referent (apposition or a name compound), not a modifier: the
    path up to the head may not pass a possessor or a preposition, so "Ehud" in "mediation ...,
    an aide to Prime Minister Ehud Barak" names Barak, not the mediation."""
    node = t
    for _ in range(NAMING_DEPTH):
        if node.i == head.i:
            return True
        if node.dep_ in ("poss", "pobj", "prep") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _side_by_side_subject(ctx: DocContext, it: Token) -> Who | None:
    """'Karst blamed a strike; Veldora accused it of stalling': "it" as the object of a clause set
    beside another (a semicolon between them) is that clause's subject, a state or a body."""
    verb = it.head.head if it.dep_ == "pobj" else it.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    own = verb_subject(verb)
    for c in verb.children:
        if c.dep_ == "parataxis" and c.i < it.i:
            subject = verb_subject(c)
            if subject is not None and mention_type(ctx, subject.i) in ("ORG", "GPE", "NORP"):
                who = who_at(ctx, subject.i)
                mine = who_at(ctx, own.i) if own is not None else None
                if who is not None and (mine is None or mine.key != who.key):
                    return who
    return None


# Prepositions of a route or a spot: a name behind one says where ("patrols along the Tessel
# river", "troops near the Tessel dam"), never who the group is. Not "in" ("authorities in St.
# Louis County"), "for" ("a spokeswoman for the Coast Guard"), "like" ("firms like Facebook") or
# "into" ("an investigation into crimes committed by Croat forces") or "at" ("students at
# Cumhuriyet University").
WHERE_PREPS = frozenset({
    "along", "across", "through", "throughout", "around", "near", "beside", "past", "toward", "towards",
    "under", "beyond", "outside", "inside", "within",
})


def _behind_a_preposition(t: Token, head: Token) -> bool:
    """Whether the path from t up to the phrase's head passes through a preposition of place
    (WHERE_PREPS), so t names where, not who."""
    node = t
    for _ in range(NAMING_DEPTH):
        if node.i == head.i:
            return False
        if node.dep_ == "prep" and node.lower_ in WHERE_PREPS:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _apposed_to_the_body(ctx: DocContext, t: Token, head: Token) -> bool:
    """'the commander of the Concord Monitoring Mission, Major General Aldo Ferrant, met ...': the
    parser hangs the person's name on the body, which no person is an apposition of; it names the
    role noun the body's "of" hangs from."""
    body = t.head
    if t.dep_ != "appos" or head.pos_ != "NOUN" or mention_type(ctx, body.i) not in ("ORG", "GPE"):
        return False
    node = body  # up to the role noun through at most two prepositions, the last its "of"
    for _ in range(2):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        prep, node = node.head, node.head.head
        if node.i == head.i:
            return prep.lower_ == "of"
    return False


def _by_surname(ctx: DocContext, h: Token) -> Who | None:
    """A name the NER missed ('Sørensen met ...') that an entity of this article is known by."""
    parts = [c for c in h.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [h]
    parts.sort(key=lambda t: t.i)
    for key in (fold(" ".join(p.text for p in parts)), fold(h.text)):
        e = ctx.by_name.get(key)
        if e is not None:
            return Who(e.id, e.name, parts[0].idx, h.idx + len(h.text))
    return None


# Determiners that point back at someone the article has introduced ("the envoy", "both negotiators").
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those", "both"})
# Modifiers that make a role noun someone else than its current holder ("the former envoy").
OTHER_HOLDER = frozenset(
    {"former", "then", "previous", "past", "late", "next", "new", "future", "outgoing", "incoming"}
)


def _role_head(text: str) -> str:
    """The noun a role or a name is headed by: 'chief negotiator' -> 'negotiator', 'commander of
    the Monitoring Mission' -> 'commander', 'Tessel Basin Commission' -> 'commission'."""
    words = text.split(" of ")[0].split()
    return fold(words[-1]) if words else ""


def _by_role(ctx: DocContext, h: Token, lemma: str) -> list[Who]:
    """A definite role noun that stands for an entity the article names: 'the envoy' is the one
    person the article calls envoy, 'both negotiators' the people it calls negotiators, 'the
    commission' the one organisation whose name it heads. Nothing when the article has no such
    entity or more than the phrase can mean."""
    if h.pos_ != "NOUN" or not any(
        c.dep_ in ("det", "predet") and c.lower_ in DEFINITE_DETS for c in h.children
    ):
        return []
    # "the former mayor" is not the mayor the article names, but may be its former mayor
    holder = {c.lower_ for c in h.children if c.dep_ in ("amod", "advmod") and c.lower_ in OTHER_HOLDER}
    head = fold(lemma)
    found: list[Entity] = []
    for e in ctx.entities.values():
        titles = [r.role for r in e.roles if r.article_id == ctx.article.id and e.type == "PERSON"]
        if holder:
            titles = [t for t in titles if holder <= set(hyphens_as_spaces(fold(t)).split())]
        else:
            titles += [n for n in (e.name, *e.aliases) if len(n.split()) > 1]
        if any(_role_head(t) == head for t in titles):
            found.append(e)
    plural = h.tag_ in ("NNS", "NNPS")
    if not found or (plural and len(found) < 2) or (not plural and len(found) != 1):
        return []
    first, last = np_extent(h)
    return [Who(e.id, e.name, first, last) for e in found]


def _proper_name(h: Token) -> Who:
    """A name the NER missed ('Haroon Rashid Aswad'): the proper nouns it is made of."""
    parts = [c for c in h.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"] + [h]
    first = _on_its_line(min(parts, key=lambda t: t.i), h)
    # a Span's text, not doc.text: the latter rebuilds the whole document's string on every call
    return Who(None, h.doc[first.i : h.i + 1].text, first.idx, h.idx + len(h.text))


def _common_noun_actor(h: Token) -> Who:
    """'Palestinian youths', 'riot police': the head with its adjectives and compounds."""
    left = [c for c in h.children if c.dep_ in ("amod", "compound", "nmod") and c.i < h.i]
    start_tok = _on_its_line(min([h, *[t for c in left for t in c.subtree]], key=lambda t: t.i), h)
    text = h.doc[start_tok.i : h.i + 1].text
    return Who(None, text, start_tok.idx, h.idx + len(h.text), named=False)


def _on_its_line(first: Token, h: Token) -> Token:
    """The first token from `first` to the head `h` on the head's line: the parser hangs a photo
    credit ending the paragraph before on the next one's subject ("REUTERS/Jane Doe\n\nPolice
    said"), and a name never runs over a line break."""
    for i in range(h.i - 1, first.i - 1, -1):
        t = h.doc[i]
        if "\n" in t.text or "\n" in t.whitespace_:
            return h.doc[i + 1]
    return first
