"""What one article shows of its people's gender, for the pronouns that refer to them.

"Mr. Brown met Ms. Lund. She said ..." is Lund: "he" and "she" pass over people the article shows
to be of the other gender (`person_genders`, `pronoun_agrees`). The evidence is the article's own
words only: a title next to a name, a pronoun the sentence binds to it, a first name the article
already showed to belong to a man or a woman. No list of first names: it would guess, and guess
worst for the foreign names that world news is full of. Both the extract stage (event actors) and
the resolve stage (quote speakers) use it; it reads a parse but loads no model of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy

from .gazetteer import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


Gender = Literal["male", "female"]
MALE: Gender = "male"
FEMALE: Gender = "female"

# Pronouns and the gender they require of what they refer to.
PRONOUN_GENDERS: dict[str, Gender] = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
}
REFLEXIVES = frozenset({"himself", "herself"})
# Words that say a person's gender when they stand right before the name ("Mr. Brown", "Queen
# Rania", "her husband Tomas") or in apposition to it ("Ingrid Lund, his widow,"): honorifics,
# noble titles and family nouns, which English never uses across genders. Role nouns such as
# "chairman" or "spokesman" are left out: news writes them for women too. Compared folded, with
# any final full stop removed ("Mrs." and "Mrs").
HONORIFICS: dict[str, Gender] = {
    **dict.fromkeys(("mr", "mister", "sir", "lord", "king", "prince", "duke", "baron", "emperor", "sultan"), MALE),
    **dict.fromkeys((
        "mrs", "ms", "miss", "madam", "madame", "mme", "dame", "lady", "queen", "princess", "duchess",
        "baroness", "countess", "empress",
    ), FEMALE),
}
GENDERED_TITLES: dict[str, Gender] = {
    **HONORIFICS,
    **dict.fromkeys((
        "man", "boy", "husband", "father", "son", "brother", "uncle", "nephew", "grandfather", "grandson",
        "stepfather", "stepson", "widower", "boyfriend",
    ), MALE),
    **dict.fromkeys((
        "woman", "girl", "wife", "mother", "daughter", "sister", "aunt",
        "niece", "grandmother", "granddaughter", "stepmother", "stepdaughter", "widow", "girlfriend",
        "actress",
    ), FEMALE),
}
# "spokeswoman", "congresswoman": a role noun made with "-woman" is only ever written for a woman
# (its "-man" twin is not only written for a man, see above).
FEMALE_SUFFIX = "woman"
# Honorifics a tokenizer may cut from their full stop ("Mr", "."): only these are looked past a
# stop, which otherwise ends the sentence before the name ("... met the king. Tomas said").
ABBREVIATED = frozenset({"mr", "mrs", "ms", "mme"})
# A title the parse shows is worth more than a pronoun bound by the parse: a wrong attachment
# binds the odd pronoun to the wrong name, a title beside a name is stated.
TITLE_WEIGHT = 3
BINDING_WEIGHT = 1
# A gender is known when its evidence outweighs the other's this many times over: one title beats
# one stray binding, two bindings each way leave it open.
GENDER_MARGIN = 2
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Objects of a speech verb that give its complement's "he" a second referent ("told Lund he").
TOLD_DEPS = frozenset({"dobj", "dative"})
# Names that are no one a pronoun could mean: "Brown said on Monday he", "Brown said in Oslo he".
UNPERSON_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "EVENT", "LAW"})
# Verbs a subject is looked for back along a coordination: "X arrived, met Y and said he ..." is
# three; a parser's run-on list of clauses is not one subject's.
MAX_CONJUNCT_HOPS = 3


def title_gender(word: str) -> Gender | None:
    """The gender a title or family noun says ("Mrs." -> female, "spokeswoman" -> female), if any."""
    key = fold(word).rstrip(".")
    if key.endswith(FEMALE_SUFFIX):
        return FEMALE
    return GENDERED_TITLES.get(key)


def pronoun_agrees(pronoun: str, gender: Gender | None) -> bool:
    """Whether a pronoun can refer to someone of this gender: always when either is unknown."""
    wanted = PRONOUN_GENDERS.get(pronoun.lower())
    return wanted is None or gender is None or wanted == gender


def person_genders(doc: Doc, people: Sequence[tuple[int, int, str]],
                   names: Mapping[str, str]) -> dict[str, Gender]:
    """The gender of each person an article names, where its own words show it.

    Args:
        doc: the parsed article.
        people: each PERSON mention as (first token, end token, entity id).
        names: entity id -> name of each person, for first names shared with a known person.

    Returns:
        entity id -> gender, for the people whose gender the evidence settles.
    """
    votes: dict[str, Counter[Gender]] = {}
    for entity, gender, weight in gender_evidence(doc, people):
        votes.setdefault(entity, Counter())[gender] += weight
    genders = {e: g for e, v in votes.items() if (g := _settled(v)) is not None}
    # Whoever has evidence of their own keeps it, even evidence that settles nothing.
    unseen = {e: n for e, n in names.items() if e not in votes}
    return {**_by_first_name(genders, names, unseen), **genders}


def gender_evidence(doc: Doc, people: Sequence[tuple[int, int, str]]) -> Iterator[tuple[str, Gender, int]]:
    """Each piece of evidence the article gives of a person's gender, as (entity id, gender, weight):
    the titles beside their names, then the pronouns the sentences bind to them."""
    for first, end, entity in people:
        gender = _title_gender_at(doc, first, end)
        if gender is not None:
            yield entity, gender, TITLE_WEIGHT
    owner = {i: entity for first, end, entity in people for i in range(first, end)}
    for i in _pronoun_positions(doc):
        tok = doc[i]
        bound = _binder(doc, tok, owner)
        if bound is not None:
            yield bound, PRONOUN_GENDERS[tok.lower_], BINDING_WEIGHT


def _pronoun_positions(doc: Doc) -> list[int]:
    """Where the gendered pronouns are, found on the doc's array of lowercase forms: making a Token
    for every word costs more than the rest of the evidence (this runs for entities, events and
    quotes alike)."""
    from spacy.attrs import LOWER

    wanted = [doc.vocab.strings[p] for p in PRONOUN_GENDERS]
    return [int(i) for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted))]


def _settled(votes: Counter[Gender]) -> Gender | None:
    """The gender the weighted evidence settles on, if one side clearly outweighs the other."""
    male, female = votes[MALE], votes[FEMALE]
    if male > GENDER_MARGIN * female:
        return MALE
    if female > GENDER_MARGIN * male:
        return FEMALE
    return None


def _title_gender_at(doc: Doc, first: int, end: int) -> Gender | None:
    """The gender a name at tokens [first, end) is given by a title: the word before it ("Mr. Brown",
    also split as "Mr . Brown"), a noun in apposition ("Lund, his widow,"), or its own first word
    when the NER took an honorific in ("Queen Rania" as one name; a lone "King" is a surname, and
    "Son" in a longer name a Korean one)."""
    words = []
    if first > 0:
        before = doc[first - 1]
        cut = first > 1 and before.text == "." and not doc[first - 2].whitespace_
        if cut and fold(doc[first - 2].text) in ABBREVIATED:
            before = doc[first - 2]
        words.append(before.text)
    root = doc[first:end].root
    if root.dep_ == "appos":
        words.append(root.head.text)
    words.extend(c.text for c in root.children if c.dep_ == "appos")
    found = {g for w in words if (g := title_gender(w)) is not None}
    if end - first > 1 and (g := HONORIFICS.get(fold(doc[first].text).rstrip("."))) is not None:
        found.add(g)
    return found.pop() if len(found) == 1 else None


def _binder(doc: Doc, pronoun: Token, owner: Mapping[int, str]) -> str | None:
    """The person a gendered pronoun must refer to by the shape of its sentence, if any: the subject
    of its own clause for a possessive or reflexive ("Brown defended his record", "Brown blamed
    himself"), the subject of the speech or thought for the subject of its complement ("Brown said
    he would stay"). An object pronoun never refers to its clause's subject ("Brown praised her")."""
    clause = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return None
    if pronoun.dep_ in SUBJECT_DEPS and pronoun.head == clause:
        if clause.dep_ != "ccomp" or any(c.dep_ in TOLD_DEPS for c in clause.head.children):
            return None  # "Brown told Lund he ...": he may be either
        clause = clause.head
    elif pronoun.tag_ != "PRP$" and pronoun.lower_ not in REFLEXIVES:
        return None
    subject = verb_subject(clause)
    if subject is None or subject.i >= pronoun.i or subject.i not in owner:
        return None
    entity = owner[subject.i]
    if any(_other_party(doc[i], entity, owner) for i in range(subject.i + 1, pronoun.i)):
        return None
    return entity


def _other_party(tok: Token, entity: str, owner: Mapping[int, str]) -> bool:
    """Whether a word between a subject and a pronoun offers the pronoun someone else: another
    person, a name the NER did not take for a person ("Brown met Okafor, who ... his"), or a
    quotation mark ("Brown said: 'He ...'", where "he" is whoever Brown speaks of)."""
    if tok.is_quote or owner.get(tok.i, entity) != entity:
        return True
    return tok.i not in owner and tok.pos_ == "PROPN" and tok.ent_type_ not in UNPERSON_ENTS


def verb_subject(verb: Token) -> Token | None:
    """A verb's subject, or the subject it shares with the verb it is coordinated with ("Brown
    arrived and said he would stay")."""
    for _ in range(MAX_CONJUNCT_HOPS):
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def _by_first_name(genders: Mapping[str, Gender], names: Mapping[str, str],
                   unknown: Mapping[str, str]) -> dict[str, Gender]:
    """The gender of the ``unknown`` people whose first name the article gives only to people of one
    known gender ("Ms. Mary Lund" makes "Mary Okafor" a woman too)."""
    seen: dict[str, set[Gender]] = {}
    for entity, gender in genders.items():
        given = _given_name(names.get(entity, ""))
        if given:
            seen.setdefault(given, set()).add(gender)
    out: dict[str, Gender] = {}
    for entity, name in unknown.items():
        known = seen.get(_given_name(name), set())
        if len(known) == 1:
            out[entity] = next(iter(known))
    return out


def _given_name(name: str) -> str:
    """The folded first name of a full name, or "" for a lone name, an initial or a title."""
    words = name.split()
    given = fold(words[0]) if len(words) > 1 else ""
    if len(given) < 2 or not given.isalpha() or title_gender(given) is not None:
        return ""
    return given
