"""Entities across articles: which store-wide entity each article-level entity is.

Today: the same folded full name is the same entity (Sørensen = Sorensen), and an article that
only ever names someone by surname ("Obama said ...") joins the person whom the articles naming
someone in full with that surname mostly mean (`choose`). The join does not depend on reading
order: what `choose` weighs counts only full names as articles give them, never the joins
themselves, and when later articles change the weights of a surname, the articles whose join
that changes are resolved again (``pipeline.rejoin``). Deeper resolution will replace this.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from ..gazetteer import surname_key
from ..model import ArticleResult, Entity, Quote, Speaker, entity_id

# Given a folded surname: the keys of PERSON full names ending in it, each with its weight (how
# many times articles name that person in full).
SurnameLookup = Callable[[str], Mapping[str, int]]

# A bare surname joins a full name that carries at least this share of the weight of all full
# names ending in it. "Obama" means Barack Obama where Michelle Obama and stray spans such as
# "Watch Obama" are a few percent of the mentions (AllSides: 96 %); "Clinton" stays nobody's
# where Hillary and Bill Clinton are 79 % and 18 %, "Bush" where George W. and Jeb are even.
DOMINANCE = 0.8


def choose(weights: Mapping[str, int]) -> str | None:
    """The full name a bare surname means, given the full names ending in it and their weights:
    the heaviest, if it carries at least DOMINANCE of the total; else None (no guess)."""
    if not weights:
        return None
    key = min(weights, key=lambda k: (-weights[k], k))
    total = sum(weights.values())
    return key if weights[key] >= DOMINANCE * total else None


def resolve_entities(result: ArticleResult, full_names: SurnameLookup) -> ArticleResult:
    """The article's records with entity ids made store-wide."""
    remap: dict[str, Entity] = {}
    for e in result.entities:
        if e.type != "PERSON" or surname_key(e.key) is not None:
            continue
        key = choose(full_names(e.key))
        if key is not None:
            remap[e.id] = dataclasses.replace(e, id=entity_id(key), key=key)
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
