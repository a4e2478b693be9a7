"""Mentions and entities straight from spaCy's NER, for when the entity stage is not there.

The entity stage (extract/entities.py) is what the pipeline gives extract_quotes; this stand-in
lets tests and the quote evaluation run without it. It keeps the same contract: one entity per
name, and a lone surname joined to the full name it abbreviates ("Bislimi" -> "Besnik Bislimi").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import MENTION_TYPES, Article, Entity, Mention, short_hash
from ..resolve.speakers import fold, surname

if TYPE_CHECKING:
    from spacy.tokens import Doc


def simple_entities(doc: Doc, article: Article) -> tuple[list[Mention], list[Entity]]:
    """One entity per distinct name among doc.ents; PERSON surnames joined to full names."""
    ents = [e for e in doc.ents if e.label_ in MENTION_TYPES and e.text.strip()]
    full_names: dict[str, str] = {}  # folded surname -> fullest PERSON name with it
    for e in ents:
        if e.label_ == "PERSON" and len(e.text.split()) > 1:
            key = surname(e.text)
            if len(e.text) > len(full_names.get(key, "")):
                full_names[key] = e.text
    names: dict[str, tuple[str, str]] = {}  # folded name -> (entity name, type)
    mentions = []
    for e in ents:
        name = e.text
        if e.label_ == "PERSON" and len(name.split()) == 1:
            name = full_names.get(surname(name), name)
        key = fold(name)
        names.setdefault(key, (name, e.label_))
        mentions.append(Mention(article.id, e.start_char, e.end_char, e.text, e.label_,
                                entity_id=short_hash(article.id, key)))
    entities = [Entity(id=short_hash(article.id, key), name=name, type=type_)
                for key, (name, type_) in names.items()]
    return mentions, entities
