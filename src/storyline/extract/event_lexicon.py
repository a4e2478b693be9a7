"""The event trigger lexicon (data/events_lexicon.json) as typed, read-only lookup tables."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

LEXICON_FILE = "events_lexicon.json"

# An entry is (PLOVER type, PLOVER mode or None).
Entry = tuple[str, str | None]

# Types whose planned or hypothetical form PLOVER codes as a promise (AGREE) and those whose
# planned form it codes as a threat (THREATEN): PLOVER records intentions as verbal events.
COOPERATIVE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE_TYPES = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every table the event rules read, keyed by lower-case lemma (or 'lemma particle')."""

    verbs: dict[str, Entry]
    phrasal: dict[str, Entry]
    light_verbs: frozenset[str]
    verb_objects: dict[str, Entry]
    nouns: dict[str, Entry]
    ambiguous_nouns: dict[str, frozenset[str]]
    intent_kind: dict[str, str]  # lemma -> commit | request | reject | threaten
    commit_adjectives: frozenset[str]
    control: dict[str, str]  # lemma -> status it gives its complement
    control_nouns: dict[str, str]  # noun lemma -> status it gives the infinitive it takes
    occurrence: dict[str, str]  # lemma -> particle or object it needs ("take" -> "place"), or ""
    frames: dict[str, str]  # lemma -> "tense" or the status it gives its object
    frame_particles: dict[str, str]  # "lemma particle" -> the status it gives its event noun
    wrongdoing: frozenset[str]
    speech: frozenset[str]
    actor_nouns: frozenset[str]
    group_nouns: frozenset[str]
    mode_words: dict[str, str]
    planned_mods: frozenset[str]
    past_mods: frozenset[str]
    failed_mods: frozenset[str]
    cancelled_mods: frozenset[str]
    ongoing_mods: frozenset[str]


def _typed(table: dict[str, Any]) -> dict[str, Entry]:
    """{TYPE: {key: mode}} -> {key: (TYPE, mode or None)}; the first type listed wins a shared key."""
    out: dict[str, Entry] = {}
    for etype, entries in table.items():
        if etype.startswith("_"):
            continue
        for key, mode in entries.items():
            out.setdefault(key, (etype, mode or None))
    return out


def _words(items: Any) -> frozenset[str]:
    """A list of words (or a {"lemmas": [...]} table) as a set."""
    if isinstance(items, dict):
        items = items.get("lemmas", [])
    return frozenset(str(i) for i in items)


def _plain(table: dict[str, Any]) -> dict[str, str]:
    """A {key: value} table without its "_about" note."""
    return {k: str(v) for k, v in table.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the lexicon shipped in storyline/data once per process."""
    raw = json.loads(resources.files("storyline").joinpath("data", LEXICON_FILE).read_text("utf-8"))
    intent: dict[str, str] = {}
    for kind, lemmas in raw["intent_verbs"].items():
        if kind.startswith("_"):
            continue
        for lemma in lemmas:
            intent.setdefault(lemma, kind)
    return Lexicon(
        verbs=_typed(raw["verbs"]),
        phrasal=_typed(raw["phrasal_verbs"]),
        light_verbs=_words(raw["light_verbs"]),
        verb_objects=_typed(raw["verb_objects"]),
        nouns=_typed(raw["nouns"]),
        ambiguous_nouns={k: frozenset(v) for k, v in raw["ambiguous_nouns"].items() if not k.startswith("_")},
        intent_kind=intent,
        commit_adjectives=_words(raw["commit_adjectives"]),
        control=_plain(raw["control_verbs"]),
        control_nouns=_plain(raw.get("control_nouns", {})),
        occurrence=_plain(raw["occurrence_verbs"]),
        frames=_plain(raw["frame_verbs"]),
        frame_particles=_plain(raw.get("frame_particles", {})),
        wrongdoing=_words(raw["wrongdoing_verbs"]),
        speech=_words(raw["speech_verbs"]),
        actor_nouns=_words(raw["actor_nouns"]),
        group_nouns=_words(raw["group_nouns"]),
        mode_words=_plain(raw["mode_words"]),
        planned_mods=_words(raw["planned_modifiers"]),
        past_mods=_words(raw["past_modifiers"]),
        failed_mods=_words(raw["failed_modifiers"]),
        cancelled_mods=_words(raw["cancelled_modifiers"]),
        ongoing_mods=_words(raw["ongoing_modifiers"]),
    )
