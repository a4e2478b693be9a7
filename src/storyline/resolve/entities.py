"""Entities across articles: which store-wide entity each article-level entity is.

Today: the same folded full name is the same entity (Sørensen = Sorensen), and an article that
only ever names someone by surname ("Sorensen said ...") joins the one person the store already
knows by a full name ending in it. Deeper resolution will replace this one function.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from ..gazetteer import surname_key
from ..model import ArticleResult, Entity, Quote, Speaker, entity_id

# Given a folded surname, the keys of known PERSON entities whose full name ends in it.
SurnameLookup = Callable[[str], Sequence[str]]


def resolve_entities(result: ArticleResult, full_names: SurnameLookup) -> ArticleResult:
    """The article's records with entity ids made store-wide."""
    remap: dict[str, Entity] = {}
    for e in result.entities:
        if e.type != "PERSON" or surname_key(e.key) is not None:
            continue
        candidates = sorted(set(full_names(e.key)))
        # Only an unambiguous surname is joined: two known Petkovićs stay apart until deeper
        # resolution can tell which one is meant.
        if len(candidates) == 1:
            key = candidates[0]
            remap[e.id] = dataclasses.replace(e, id=entity_id(key), key=key)
    if not remap:
        return result
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

