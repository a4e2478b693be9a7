"""Entities across articles: which store-wide entity each article-level entity is.

Today: the same folded full name is the same entity (Sørensen = Sorensen). A two-word name joins
the fuller name it shortens when the store's articles mostly mean that one ("Regina Benjamin" is
"Regina M. Benjamin", "Mo Cheeks" is "Maurice Cheeks": `full_form`), and an article that only
ever names someone by surname ("Obama said ...") joins the person whom the articles naming
someone in full with that surname mostly mean (`choose`), even where the tagger typed that one
word an organisation, if most articles that name the word alone type it a person
(`mistyped_person`: "Trump" as ORG). A name misspelt by one letter joins
the spelling many more articles use ("Lindsay Graham" is "Lindsey Graham", "Mohamed Morsy"
"Mohamed Morsi": `spelt_right`), and a name romanised several ways the spelling most articles
use ("Muammar Qaddafi" is "Moammar Gadhafi": `romanised_as`); to find them, names are weighed
against the full names whose surname has the same spelling block (gazetteer.block_key), not
only the same surname. An acronym an article names alone
("the NRA said") joins the organisation that the articles calling it by that acronym and by a
name it spells mostly mean (`choose` over `gazetteer.spelled` weights): the National Rifle
Association. The joins do not depend on reading order: what they weigh counts only names as
articles give them, never the joins themselves, and when later articles change the weights of a
surname or an acronym, the articles whose join that changes are resolved again
(``pipeline.rejoin``). Deeper resolution will replace this.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping

from ..gazetteer import (
    block_key,
    family_name,
    is_acronym,
    misspells,
    shortens,
    surname_key,
    transliterates,
    transliterates_name,
)
from ..model import ArticleResult, Entity, Quote, Speaker, entity_id

# Given a spelling block (gazetteer.block_key): the keys of PERSON full names whose surname has
# it, each with its weight (how many articles name that person so, whatever fuller name the name
# was joined to).
SurnameLookup = Callable[[str], Mapping[str, int]]
# Given a folded acronym: the keys of the names of several words that articles also call by it,
# each with the number of articles that do (gazetteer.spelled).
AcronymLookup = Callable[[str], Mapping[str, int]]
# Given a one-word key: how many articles name it alone, by the type each gives it.
BareTypes = Callable[[str], Mapping[str, int]]

# A bare surname joins a full name that carries at least this share of the weight of all full
# names ending in it. "Obama" means Barack Obama where Michelle Obama and stray spans such as
# "Watch Obama" are a few percent of the mentions (AllSides: 96 %); "Clinton" stays nobody's
# where Hillary and Bill Clinton are 79 % and 18 %, "Bush" where George W. and Jeb are even.
DOMINANCE = 0.8

# A name joins a spelling one letter apart (gazetteer.misspells) that at least this many
# articles use, and this many times as many as use its own: a slip is rare beside the name it
# misspells ("Lindsay Graham" 2 articles, "Lindsey Graham" 42 of 1,500 AllSides articles), while
# two people whose names are a letter apart are each named about as often ("Mark Levin" 2,
# "Mark Levine" 1). With 3 articles "Jim Bakker", the televangelist, joined James Baker (3).
MISSPELLING_RATIO = 3
MISSPELLING_MIN = 4

# A one-word name an article types as one of these joins like a bare surname when at least
# PERSON_SHARE of the articles that name the word alone, and PERSON_MIN of them, type it a person:
# the small model types a bare "Trump" ORG in about 75 of 1,500 AllSides articles and PERSON in
# about 190, "Pence" ORG 5 times and PERSON 14. A place keeps its own sense (Warren, Michigan;
# Lincoln, Nebraska), and so does a word most articles type otherwise: "Ford" the carmaker (ORG 7,
# PERSON 2), "Hill" the newspaper (ORG 46, PERSON 5), "Breitbart" the site (5 and 5).
MISTYPED_PERSON_TYPES = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
PERSON_SHARE = 2 / 3
PERSON_MIN = 3


def choose(weights: Mapping[str, int]) -> str | None:
    """The full name a bare surname means, given the full names ending in it and their weights:
    the heaviest, if it carries at least DOMINANCE of the total; else None (no guess)."""
    if not weights:
        return None
    key = min(weights, key=lambda k: (-weights[k], k))
    total = sum(weights.values())
    return key if weights[key] >= DOMINANCE * total else None


def full_form(key: str, weights: Mapping[str, int]) -> str | None:
    """The fuller name a two-word person key stands for, given the full names of its surname
    and their weights: among the names it can shorten (gazetteer.shortens), the one `choose`
    picks. "Regina Benjamin" is "Regina M. Benjamin" and "Mo Cheeks" "Maurice Cheeks" wherever
    the store knows that fuller form (news writes the same person both ways far more often than
    it names two people who differ only there). Names of three words or more never join:
    "George W. Bush" and "George H. W. Bush" stay two, and "George Bush" joins neither unless
    one carries DOMINANCE of their weight."""
    return choose({k: w for k, w in weights.items() if shortens(key, k)})


def spelt_right(key: str, weights: Mapping[str, int]) -> str | None:
    """The spelling of a full name that key misspells, given the weights of the full names of its
    spelling block: the heaviest name one slip away (gazetteer.misspells) that at least
    MISSPELLING_MIN articles give and MISSPELLING_RATIO times as many as give key; else None."""
    floor = max(MISSPELLING_MIN, MISSPELLING_RATIO * max(1, weights.get(key, 0)))
    found = [k for k, w in weights.items() if w >= floor and misspells(key, k)]
    return min(found, key=lambda k: (-weights[k], k)) if found else None


def romanised_as(key: str, weights: Mapping[str, int]) -> str | None:
    """The spelling of a full name romanised several ways that the most articles use, given the
    weights of the full names of its spelling block ('muammar qaddafi' 2, 'moammar gadhafi' 5,
    'muammar gaddafi' 1: all three are 'moammar gadhafi'); None when key is that spelling. No
    spelling need dominate: outlets keep to their own house spelling, so two spellings each used
    by many articles are still one person, and a tie goes to the first in alphabetical order. A
    spelling alike to key may be alike to a heavier one that key is not (two letters romanised
    two ways, a slip in each): the steps go on to the heaviest reached, so that no spelling
    joins one that itself joins another."""
    def rank(k: str) -> tuple[int, str]:
        return -weights.get(k, 0), k

    best = key
    while True:
        better = [k for k in weights if rank(k) < rank(best) and transliterates_name(best, k)]
        if not better:
            return best if best != key else None
        best = min(better, key=rank)


def full_target(key: str, weights: Mapping[str, int]) -> str | None:
    """The name a full name joins: its fuller form, or the right spelling (and that one's fuller
    form) when it is misspelt or romanised another way; None: it stands for itself."""
    fuller = full_form(key, weights)
    if fuller is not None:
        return fuller
    right = spelt_right(key, weights) or romanised_as(key, weights)
    return (full_form(right, weights) or right) if right is not None else None


def person_weights(weights: Mapping[str, int], surname: str | None = None) -> dict[str, int]:
    """The weights of full names with each short or misspelt form counted under the name it
    joins: what a bare surname chooses among. With a surname, only the names with that surname:
    a bare word misspells nobody ("Barbara" is no slip for Michael Barbaro, nor "Fire" for
    Michelle Fiore; a bare word is too often a given name or a word the tagger took for one), but
    may romanise a surname another way ("Qaddafi" beside "Moammar Gadhafi": `transliterates`)."""
    keys = list(weights)
    if surname is not None:
        keys = [k for k in weights
                if (last := family_name(k)) == surname or transliterates(surname, last, slips=False)]
    merged: Counter[str] = Counter()
    for key in keys:
        merged[full_target(key, weights) or key] += weights[key]
    return dict(merged)


def target(own_key: str, weights: Mapping[str, int]) -> str | None:
    """Whom a person key an article gives joins, given the weights of the full names of its
    spelling block: a bare surname the dominant person, a short full name its fuller form, a
    misspelt one the right spelling; None: nobody else."""
    if surname_key(own_key) is None:
        return choose(person_weights(weights, own_key))
    return full_target(own_key, weights)


def reads_as_person(types: Mapping[str, int]) -> bool:
    """Whether articles that name a word alone mostly type it a person (PERSON_SHARE, PERSON_MIN),
    given how many type it each way."""
    person = types.get("PERSON", 0)
    return person >= PERSON_MIN and person >= PERSON_SHARE * sum(types.values())


def mistyped_person(e: Entity, bare_types: BareTypes | None) -> bool:
    """Whether a one-word name the article types otherwise is a person's surname for the store:
    typed as a body, a building or an event, not written in capitals ("NRA"), and mostly a person
    elsewhere. Before the acronym test: a word of four letters or more may be an acronym said as a
    word ("Nato"), but not one most articles call a person ("Trump")."""
    return (bare_types is not None and e.type in MISTYPED_PERSON_TYPES and " " not in e.key
            and not e.name.isupper() and reads_as_person(bare_types(e.key)))


def acronym_only(e: Entity) -> bool:
    """Whether an article names this entity only by an acronym ("NRA"), which may stand for a
    name other articles spell out."""
    return e.type != "PERSON" and " " not in e.key and is_acronym(e.name)


def resolve_entities(result: ArticleResult, full_names: SurnameLookup,
                     acronyms: AcronymLookup | None = None, bare_types: BareTypes | None = None) -> ArticleResult:
    """The article's records with entity ids made store-wide."""
    remap: dict[str, Entity] = {}
    ids = {e.id for e in result.entities}
    for e in result.entities:
        surname = surname_key(e.key)
        if mistyped_person(e, bare_types):
            key = target(e.key, full_names(block_key(e.key)))
        elif acronyms is not None and acronym_only(e):
            key = choose(acronyms(e.key))
        elif e.type != "PERSON" and surname is None:
            # A person's name the tagger typed as a place or organisation ("Mo Cheeks" as a place)
            # still joins the fuller name people are known by; a one-word one is nobody's surname.
            continue
        else:
            key = target(e.key, full_names(block_key(e.key)))
        # An article that itself names both forms keeps them apart: one entity per id and article.
        if key is not None and entity_id(key) not in ids:
            remap[e.id] = dataclasses.replace(e, id=entity_id(key), key=key)
            ids.add(remap[e.id].id)
    if not remap:
        return result
    joined = tuple((remap[e.id].id, e.key) for e in result.entities if e.id in remap)
    return dataclasses.replace(_rename(result, remap), joined=joined)


def unjoin(result: ArticleResult) -> ArticleResult:
    """The article's records as the article itself names its entities: the surname joins that
    resolve_entities made (``result.joined``) undone, to be made again on what the store knows now."""
    own = dict(result.joined)
    remap = {e.id: dataclasses.replace(e, id=entity_id(own[e.id]), key=own[e.id])
             for e in result.entities if e.id in own}
    return dataclasses.replace(_rename(result, remap), joined=()) if remap else result


def _rename(result: ArticleResult, remap: dict[str, Entity]) -> ArticleResult:
    """The records with these entities in place of those with the old ids, wherever named."""
    ids = {old: new.id for old, new in remap.items()}

    def new_id(old: str | None) -> str | None:
        return ids.get(old, old) if old else old

    mentions = tuple(dataclasses.replace(m, entity_id=new_id(m.entity_id)) for m in result.mentions)
    entities = tuple(remap.get(e.id, e) for e in result.entities)
    events = tuple(
        dataclasses.replace(ev, actors=tuple(dataclasses.replace(a, entity_id=new_id(a.entity_id))
                                             for a in ev.actors))
        for ev in result.events)
    quotes = tuple(_requote(q, new_id) for q in result.quotes)
    return dataclasses.replace(result, mentions=mentions, entities=entities, events=events, quotes=quotes)


def _requote(q: Quote, new_id: Callable[[str | None], str | None]) -> Quote:
    if q.speaker is None:
        return q
    return dataclasses.replace(q, speaker=Speaker(new_id(q.speaker.entity_id), q.speaker.name))
