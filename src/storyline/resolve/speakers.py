"""Speakers resolved within one article: "he", "Bislimi", "the Serbian negotiator" -> an entity.

Quote extraction finds the subject of a cue verb; this module says who that subject is. Rules,
in the order a reader applies them: a named mention is its entity (a lone surname joins the
full name it abbreviates); "he"/"she" is the nearest person before it who was speaking or was a
sentence subject, outside quoted words, and whom the article does not show to be of the other
gender ("Mr. Brown met Ms. Lund. She said" is Lund); "it"/"they" the nearest organisation or group; a title
("the minister") the person the article gave that title to; a body ("the ministry", "Biden's
campaign") only the organisation the article named with those words, never a person titled
with them ("campaign chairman X"), else no entity. Pure: records and a parsed Doc in, records out.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..genders import Gender, person_genders, pronoun_agrees
from ..model import Entity, Mention, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Entity types that can speak; GPE covers "Serbia said", NORP "Democrats said".
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP"})
# Types a title can point to: people, and organisations ("the company", "the newspaper"); NER
# also often types a foreign person's name as ORG, and the title still finds it.
TITLED_TYPES = frozenset({"PERSON", "ORG"})
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
# A speaker named as an object ("AFP quoted her as saying"): resolved as its subject form.
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
RELAY_LEMMAS = frozenset({"quote", "cite"})
# How far back a pronoun looks for its antecedent: news prose re-names a speaker within a few
# sentences, so anything further is more likely someone else.
PERSON_PRONOUN_SENTENCES = 3
GROUP_PRONOUN_SENTENCES = 1
# Words before a name that can be its title ("Serbia's lead negotiator Petar Petković").
TITLE_WINDOW_TOKENS = 6
# Prefix length for matching "Serbian" with "Serbia", "Kosovar" with "Kosovo".
STEM_CHARS = 5
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Dependents that belong to a noun phrase's left side: "the Serbian lead negotiator".
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "punct",
                          "npadvmod"})  # "the 26-year-old": "year" hangs on "old" as npadvmod
# Letters NFKD does not decompose into a base letter and a mark.
EXTRA_FOLDS = str.maketrans({"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ß": "ss",
                             "’": "'"})
POSSESSIVE_ENDINGS = ("'s", "'")
# Nouns that name a body, not a person: "the campaign said" is the campaign speaking, never its
# manager, so it resolves only to an organisation the article names with that noun.
ORGANISATION_NOUNS = frozenset({
    "campaign", "ministry", "department", "agency", "office", "administration", "government",
    "committee", "commission", "council", "party", "company", "firm", "embassy", "bureau", "court",
    "foundation", "institute", "university", "union", "organization", "organisation", "association",
    "board", "cabinet", "parliament", "senate", "congress", "team", "service", "army", "military",
    "police", "authority", "network", "newspaper", "bank", "fund", "corporation", "federation",
    "league", "alliance", "coalition", "caucus", "secretariat", "directorate", "regulator", "watchdog",
})
# The entity types a body's noun can stand for: a ministry is no place (GPE) and no person.
ORGANISATION_TYPES = frozenset({"ORG"})
# Words that introduce someone new: "a spokesman", "another official", "one diplomat".
INDEFINITE_WORDS = frozenset({"a", "an", "another", "one", "some", "any", "several", "many", "most",
                              "few", "other", "no"})
# Words that make a body's noun point at one body the text named: "the ministry", "this agency".
DEFINITE_WORDS = frozenset({"the", "this", "that"})
# "The departments said", "courts have ruled": several bodies or bodies in general, not one named.
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# How far back, in sentences, "the ministry" looks for the ministry it stands for: news prose
# re-names a body within a few paragraphs; further back, a body the article never named in full
# ("the network" for RT, long after "Dish Network") is likelier.
BODY_SENTENCES = 10


def fold(s: str) -> str:
    """Lower case without diacritics: 'Sørensen' -> 'sorensen'."""
    s = unicodedata.normalize("NFKD", s.translate(EXTRA_FOLDS))
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def surname(name: str) -> str:
    """The folded last word of a name, without a possessive ending ("Sanders’" -> sanders)."""
    words = fold(name).split()
    last = words[-1] if words else ""
    for ending in POSSESSIVE_ENDINGS:
        if last.endswith(ending) and len(last) > len(ending):
            return last[: -len(ending)]
    return last


@dataclass(frozen=True, slots=True)
class Sentences:
    """Sentence bounds of a Doc by token index, computed once: spaCy's Token.sent rescans the
    whole Doc on every call, which made it the main cost of quote extraction."""

    starts: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, doc: Doc) -> Sentences:
        """The sentence starts of a parsed Doc."""
        return cls(tuple(s.start for s in doc.sents), len(doc))

    def index(self, i: int) -> int:
        """Ordinal of the sentence holding token ``i``."""
        return max(0, bisect.bisect_right(self.starts, i) - 1)

    def bounds(self, i: int) -> tuple[int, int]:
        """Token range [start, end) of the sentence holding token ``i``."""
        k = self.index(i)
        start = self.starts[k] if self.starts else 0
        return start, self.starts[k + 1] if k + 1 < len(self.starts) else self.length


@dataclass(frozen=True, slots=True)
class ResolvedSpeaker:
    """Who spoke, and the words in the text that name them (the pronoun, surname or title)."""

    speaker: Speaker | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A possible antecedent: an entity named at ``start``, as a subject or speaker or not."""

    start: int
    sentence: int
    entity_id: str
    type: str
    prominent: bool


@dataclass(frozen=True, slots=True)
class SpeakerIndex:
    """What resolution needs about one article, computed once."""

    entities: dict[str, Entity]
    token_mention: dict[int, Mention]
    candidates: tuple[_Candidate, ...]
    candidate_starts: tuple[int, ...]
    titles: dict[str, frozenset[str]]  # entity id -> folded words around its titles
    title_heads: dict[str, frozenset[str]]  # entity id -> folded title nouns
    by_surname: dict[str, str]  # folded surname -> entity id with the fullest name, people first
    sentences: Sentences
    genders: dict[str, Gender]  # entity id -> gender, for the people the article shows it of


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _entity_type(entities: dict[str, Entity], m: Mention) -> str:
    ent = entities.get(m.entity_id or "")
    return ent.type if ent is not None else m.type


def _title_context(doc: Doc, sentences: Sentences, first: int, last: int) -> tuple[set[str], set[str]]:
    """Folded words and nouns that title the name at tokens first..last: the words just before it
    in the same phrase, and an apposition on either side ("the EU envoy, Peter Sørensen,")."""
    words: set[str] = set()
    heads: set[str] = set()
    root = doc[first:last + 1].root
    sent_start = sentences.bounds(first)[0]
    for i in range(first - 1, max(sent_start, first - TITLE_WINDOW_TOKENS) - 1, -1):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ") or (t.is_punct and t.text not in "-’'"):
            break
        if not heads and (t.pos_ == "DET" or t.tag_ == "POS"):
            break  # "documents the AP", "his campaign's Tower Rent": a determiner or owner, no title
        words.add(fold(t.lemma_))
        if t.pos_ == "NOUN" and not heads:
            # The title's head is the noun nearest the name; nouns before it qualify it: in
            # "Clinton campaign chairman John Podesta" he is a chairman, not "the campaign".
            heads.add(fold(t.lemma_))
    appos = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and not heads:
        # "the EU envoy, Peter Sørensen": the title is the noun the name is in apposition to,
        # unless the name carries its own title right before it (a parser may hang a second
        # "negotiator X" on the first negotiator).
        appos.append(root.head)
    for a in appos:
        first_np, end_np = noun_phrase(doc, a)
        for t in doc[first_np:end_np]:
            words.add(fold(t.lemma_))
        if a.pos_ == "NOUN":
            heads.add(fold(a.lemma_))
    return words, heads


def index_speakers(doc: Doc, mentions: Sequence[Mention], entities: Sequence[Entity],
                   quoted: Sequence[tuple[int, int]] = (), sentences: Sentences | None = None,
                   ) -> SpeakerIndex:
    """Index an article's mentions for resolution; mentions inside ``quoted`` (the contents of
    quotes) are never antecedents, since a name someone mentions is not who is speaking."""
    by_id = {e.id: e for e in entities}
    token_mention: dict[int, Mention] = {}
    candidates = []
    titles: dict[str, set[str]] = {}
    title_heads: dict[str, set[str]] = {}
    by_surname: dict[str, str] = {}
    people: list[tuple[int, int, str]] = []
    sentences = sentences if sentences is not None else Sentences.of(doc)
    for e in entities:
        # People first; a multi-word ORG too, since NER often types a foreign person's name as one.
        if e.type == "PERSON" or (e.type == "ORG" and len(e.name.split()) > 1):
            key = surname(e.name)
            best = by_id.get(by_surname.get(key, ""))
            if best is None or (e.type == "PERSON", len(e.name)) > (best.type == "PERSON", len(best.name)):
                by_surname[key] = e.id
        for role in e.roles:
            words = {fold(w) for w in role.role.split()}
            titles.setdefault(e.id, set()).update(words)
            title_heads.setdefault(e.id, set()).add(fold(role.role.split()[-1]) if role.role.split() else "")
    for m in sorted(mentions, key=lambda m: m.start):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        for t in span:
            token_mention[t.i] = m
        type_ = _entity_type(by_id, m)
        if type_ not in SPEAKER_TYPES or m.entity_id is None:
            continue
        if type_ == "PERSON":
            people.append((span.start, span.end, m.entity_id))
        if type_ in TITLED_TYPES:
            words, heads = _title_context(doc, sentences, span.start, span.end - 1)
            titles.setdefault(m.entity_id, set()).update(words)
            title_heads.setdefault(m.entity_id, set()).update(heads)
        if _inside(m.start, m.end, quoted):
            continue
        root = span.root
        prominent = root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)
        sentence = sentences.index(span.start)
        candidates.append(_Candidate(m.start, sentence, m.entity_id, type_, prominent))
    return SpeakerIndex(
        entities=by_id, token_mention=token_mention, candidates=tuple(candidates),
        candidate_starts=tuple(c.start for c in candidates),
        titles={k: frozenset(v) for k, v in titles.items()},
        title_heads={k: frozenset(v) for k, v in title_heads.items()},
        by_surname=by_surname, sentences=sentences,
        genders=person_genders(doc, people, {e.id: e.name for e in entities if e.type == "PERSON"}),
    )


def sentence_at(index: SpeakerIndex, token_index: int) -> int:
    """Ordinal of the sentence holding a token."""
    return index.sentences.index(token_index)


def _named(index: SpeakerIndex, m: Mention) -> Speaker:
    """The speaker a named mention stands for: its entity, with a lone surname joined to the
    fullest PERSON name that ends with it."""
    ent = index.entities.get(m.entity_id or "")
    if ent is not None and len(ent.name.split()) > 1:
        return Speaker(ent.id, ent.name)
    # A one-word name of any type may be a surname NER mistyped ("Petković" as ORG).
    full = index.by_surname.get(surname(m.text))
    if full is not None:
        return Speaker(full, index.entities[full].name)
    return Speaker(ent.id, ent.name) if ent is not None else Speaker(None, m.text)


def noun_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """Token range [start, end) of a noun's left-hand phrase: "the Serbian lead negotiator"."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in NP_LEFT_DEPS or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws:
            start = i + 1  # a phrase never runs over a line break ("Photo\n\nA spokesman")
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_quote or doc[start].is_space):
        start += 1
    return start, head.i + 1


def _antecedent(index: SpeakerIndex, pronoun: str, char_pos: int, sentence: int, types: frozenset[str],
                window: int, earlier: Sequence[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The entity a pronoun at ``char_pos`` refers to, as (prominence, offset, entity id): the
    latest earlier speaker or sentence subject of the right type within ``window`` sentences,
    else the latest such mention; never someone the article shows to be of the other gender."""
    first_sentence = max(0, sentence - window)
    best: tuple[int, int, str] | None = None  # (prominence, start, entity id)
    hi = bisect.bisect_left(index.candidate_starts, char_pos)
    for c in reversed(index.candidates[:hi]):
        if c.sentence < first_sentence:
            break
        if c.type in types and pronoun_agrees(pronoun, index.genders.get(c.entity_id)):
            key = (int(c.prominent), c.start, c.entity_id)
            best = key if best is None or key > best else best
    for start, sent, entity_id in earlier:
        ent = index.entities.get(entity_id)
        if (start < char_pos and sent >= first_sentence and ent is not None and ent.type in types
                and pronoun_agrees(pronoun, index.genders.get(entity_id))):
            key = (1, start, entity_id)
            best = key if best is None or key > best else best
    return best


def _by_title(index: SpeakerIndex, doc: Doc, head: Token, start_tok: int, char_pos: int) -> str | None:
    """The person or organisation an article gave the title ``head`` to ("the minister"),
    disambiguated by the phrase's other words ("the Serbian negotiator": the one near Serbia); a
    body's noun ("the campaign") only ever titles an organisation."""
    noun = fold(head.lemma_)
    types = ORGANISATION_TYPES if noun in ORGANISATION_NOUNS else TITLED_TYPES
    modifiers = {fold(t.lemma_)[:STEM_CHARS] for t in doc[start_tok:head.i] if t.is_alpha and not t.is_stop}
    # Nouns that say which office ("the health minister"): never someone given another one ("the
    # foreign affairs minister, Julie Bishop").
    offices = {fold(t.lemma_)[:STEM_CHARS] for t in doc[start_tok:head.i]
               if t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.i == head.i}
    best: tuple[int, int, str] | None = None
    latest: dict[str, int] = {}
    for c in index.candidates:
        if c.start < char_pos:
            latest[c.entity_id] = c.start
    for entity_id, heads in index.title_heads.items():
        if noun not in heads or entity_id not in latest:
            continue
        if index.entities.get(entity_id) is None or index.entities[entity_id].type not in types:
            continue
        stems = {w[:STEM_CHARS] for w in index.titles.get(entity_id, frozenset())}
        if offices and not offices & stems:
            continue
        key = (len(modifiers & stems), latest[entity_id], entity_id)
        best = key if best is None or key > best else best
    return best[2] if best is not None else None


def _one_known(doc: Doc, head: Token, first: int) -> bool:
    """Whether a common noun phrase can stand for someone the article named: one of them, not
    introduced as new ("a Pentagon spokesman", "another official") nor several ("most senators"),
    and a word (a title is never "%": "43% said")."""
    if not head.is_alpha or head.tag_ in PLURAL_NOUN_TAGS:
        return False
    return not any(t.lower_ in INDEFINITE_WORDS for t in doc[first:head.i])


def _by_body_name(index: SpeakerIndex, doc: Doc, head: Token, start_tok: int, char_pos: int) -> str | None:
    """The organisation a body's noun phrase stands for ("the ministry", "Biden's campaign"): the
    latest organisation named within BODY_SENTENCES before it whose name holds the noun, every
    other word of the phrase and more ("Ministry of Transport", "Biden campaign")."""
    modifiers = doc[start_tok:head.i]
    if not _definite_body(head, modifiers):
        return None
    noun = fold(head.lemma_)[:STEM_CHARS]
    wanted = {noun} | {surname(t.text)[:STEM_CHARS] for t in modifiers if t.is_alpha and not t.is_stop}
    first_sentence = sentence_at(index, head.i) - BODY_SENTENCES
    hi = bisect.bisect_left(index.candidate_starts, char_pos)
    for c in reversed(index.candidates[:hi]):
        if c.sentence < first_sentence:
            break
        ent = index.entities.get(c.entity_id)
        if ent is None or ent.type not in ORGANISATION_TYPES or _headline_words(doc, ent.name):
            continue
        words = ent.name.split()
        # The noun must head the name ("Valdemar Campaign Committee" is a committee), and a name
        # that says no more than the phrase ("Bank") names nothing the phrase does not.
        if fold(_name_head(doc, words))[:STEM_CHARS] == noun and wanted < {fold(w)[:STEM_CHARS] for w in words}:
            return ent.id
    return None


def _name_head(doc: Doc, words: Sequence[str]) -> str:
    """The word an organisation's name is a kind of: its last word ("Congressional Budget Office"),
    or the one before its first small function word ("Ministry of Transport")."""
    for i, w in enumerate(words[1:], 1):
        if w.islower() and doc.vocab[w].is_stop:
            return words[i - 1]
    return words[-1] if words else ""


def _definite_body(head: Token, modifiers: Span) -> bool:
    """Whether a body's noun phrase points at one body: singular, with "the" or an owner's name
    ("the ministry", "Biden's campaign", "the Biden campaign"); not "courts", "police", "a
    commission", nor "her campaign", whose owner no name can be checked against."""
    if head.tag_ in PLURAL_NOUN_TAGS:
        return False
    if any(t.pos_ == "PRON" and t.lower_ not in DEFINITE_WORDS for t in modifiers):
        return False
    return any(t.lower_ in DEFINITE_WORDS or t.pos_ == "PROPN" for t in modifiers)


def _headline_words(doc: Doc, name: str) -> bool:
    """Whether an organisation's name is a headline NER took for one ("Disputes Characterization Of
    Network"): a function word after the first one is capitalised, which names do not do ("Bank of
    America", "Commission on Presidential Debates")."""
    return any(w[:1].isupper() and doc.vocab[w.lower()].is_stop for w in name.split()[1:])


@dataclass(frozen=True, slots=True)
class UnnamedSpeaker:
    """A speaker the text names by a common noun only ("A ministry spokesman"), that a later
    pronoun can refer to."""

    start: int  # character offset
    sentence: int
    name: str
    plural: bool
    # Whether "he" or "she" can refer to it: "a spokesman", not "a statement" or "the ministry".
    person: bool = True


def _unnamed_antecedent(lower: str, char_pos: int, sentence: int, window: int,
                        unnamed: Sequence[UnnamedSpeaker]) -> UnnamedSpeaker | None:
    """The latest unnamed speaker before a pronoun, within ``window`` sentences, agreeing with it
    in number ("he"/"she"/"it": one; "they": more) and, for "he"/"she", a person ("a statement
    said ... He added" is not the statement)."""
    plural = lower == "they"
    hits = [u for u in unnamed if u.start < char_pos and u.sentence >= sentence - window and u.plural == plural
            and (u.person or lower not in PERSON_PRONOUNS)]
    return max(hits, key=lambda u: u.start) if hits else None


def resolve_speaker(index: SpeakerIndex, doc: Doc, head: Token,
                    earlier: Sequence[tuple[int, int, str]] = (),
                    unnamed: Sequence[UnnamedSpeaker] = ()) -> ResolvedSpeaker:
    """Resolve the subject ``head`` of a cue verb to an entity; ``earlier`` lists the speakers
    already resolved before it as (char offset, sentence, entity id), for "he added" after a
    quote, and ``unnamed`` the speakers named by a common noun only ("a spokesman ... he said"),
    which a pronoun refers to when they come after every named candidate."""
    m = index.token_mention.get(head.i)
    own = _entity_type(index.entities, m) if m is not None else None
    if m is not None and own == "PERSON":
        return ResolvedSpeaker(_named(index, m), m.start, m.end)
    if head.pos_ in ("NOUN", "PROPN"):
        # A title with the name in apposition: "the EU's foreign policy chief, Kaja Kallas, said",
        # and "the panel's top Democrat, Sen. Mark Warner, said" (a party member, named)
        for tok in head.subtree:
            named = index.token_mention.get(tok.i)
            if tok.dep_ == "appos" and named is not None and _entity_type(index.entities, named) == "PERSON":
                return ResolvedSpeaker(_named(index, named), named.start, named.end)
    if m is not None and own in SPEAKER_TYPES:
        return ResolvedSpeaker(_named(index, m), m.start, m.end)
    relayed = head.dep_ == "dobj" and head.head.lemma_.lower() in RELAY_LEMMAS  # "quoted her as saying"
    lower = OBJECT_PRONOUNS.get(head.lower_, head.lower_) if relayed else head.lower_
    start, end = head.idx, head.idx + len(head.text)
    if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS:
        person = lower in PERSON_PRONOUNS
        sentence = sentence_at(index, head.i)
        window = PERSON_PRONOUN_SENTENCES if person else GROUP_PRONOUN_SENTENCES
        found = _antecedent(index, lower, head.idx, sentence, frozenset({"PERSON"}) if person else GROUP_TYPES,
                            window, earlier)
        other = _unnamed_antecedent(lower, head.idx, sentence, window, unnamed)
        if other is not None and (found is None or other.start > found[1]):
            return ResolvedSpeaker(Speaker(None, other.name), start, end)
        if found is None:
            return ResolvedSpeaker(None, start, end)
        return ResolvedSpeaker(Speaker(found[2], index.entities[found[2]].name), start, end)
    if head.pos_ == "PRON":
        return ResolvedSpeaker(None, start, end)  # "I", "we", "who": the writer or unresolvable
    first, last = noun_phrase(doc, head)
    span = doc[first:last]
    entity_id = _by_noun_phrase(index, doc, head, first)
    told = _unnamed_told_since(index, head, entity_id, unnamed)
    if told is not None:
        return ResolvedSpeaker(Speaker(None, told.name), span.start_char, span.end_char)
    if entity_id is not None:
        return ResolvedSpeaker(Speaker(entity_id, index.entities[entity_id].name), span.start_char, span.end_char)
    span = doc[first:_whose(doc, head, last)]
    return ResolvedSpeaker(Speaker(None, span.text), span.start_char, span.end_char)


def _unnamed_told_since(index: SpeakerIndex, head: Token, entity_id: str | None,
                        unnamed: Sequence[UnnamedSpeaker]) -> UnnamedSpeaker | None:
    """An unnamed speaker of the same noun told after the named one a title points at: "KCNA
    quoted a ministry spokesman as saying ... The spokesman said" is that spokesman, not the
    spokesman of another ministry the article named before."""
    if head.pos_ != "NOUN" or head.tag_ in PLURAL_NOUN_TAGS:
        return None
    noun = fold(head.text)
    hits = [u for u in unnamed if u.start < head.idx and not u.plural and noun in fold(u.name).split()]
    if not hits:
        return None
    latest = max(hits, key=lambda u: u.start)
    named = max((c.start for c in index.candidates if c.entity_id == entity_id and c.start < head.idx), default=-1)
    return latest if latest.start > named else None


# Prepositions that say whose an unnamed speaker is: "a spokesperson for the European External
# Action Service", "the head of the Kosovo delegation", "an official from the ministry".
WHOSE_PREPS = frozenset({"for", "of", "from", "at", "with"})
# The longest such phrase kept: a longer one runs into what the speaker said or did.
WHOSE_MAX_TOKENS = 8


def _whose(doc: Doc, head: Token, end: int) -> int:
    """The end of an unnamed speaker's description with the phrase after it that says whose
    they are ("The spokesperson" + "for the European External Action Service"): a preposition
    of WHOSE_PREPS on the noun, right after it, whose phrase holds no clause, comma or quotation
    mark, ends within WHOSE_MAX_TOKENS and, after "from", names no time or place; else ``end``."""
    prep = next((c for c in head.rights if c.i == end and c.dep_ == "prep" and c.lower_ in WHOSE_PREPS), None)
    if prep is None:
        return end
    last = prep.right_edge.i
    words = doc[prep.i:last + 1]
    if (last - prep.i >= WHOSE_MAX_TOKENS or last - prep.i < 1
            or any(t.dep_ in ("relcl", "acl", "ccomp", "advcl") or t.is_quote or t.text in ",;:()" for t in words)):
        return end
    if prep.lower_ == "from" and any(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC") for t in words):
        return end  # "a statement from last week", "a report from Kabul": when or where, not whose
    return last + 1


def _by_noun_phrase(index: SpeakerIndex, doc: Doc, head: Token, first: int) -> str | None:
    """The entity a speaker's noun phrase (from token ``first`` to ``head``) names, if any: a
    body ("the ministry") the organisation named with its noun, a title ("the minister") the one
    given it, a capitalised surname ("Lunde", "TRUMP:" in a fact check) the full name."""
    body = fold(head.lemma_) in ORGANISATION_NOUNS
    if body:
        # The parser often takes a body's noun for a name ("the foreign ministry" as PROPN), and
        # "ministry" is the last word of every "X Ministry": never a surname.
        found = _by_body_name(index, doc, head, first, head.idx)
        if found is not None:
            return found
    if head.pos_ == "NOUN" or body:
        titled = _by_title(index, doc, head, first, head.idx) if _one_known(doc, head, first) else None
        if titled is not None or body:
            return titled
    if head.pos_ == "PROPN" or head.is_title or head.is_upper:  # the parser takes "BIDEN" for a noun
        return index.by_surname.get(surname(head.text))
    return None
