"""Errors with codes, so a user can search for them and tests can match them."""

from __future__ import annotations


class StorylineError(Exception):
    """Base class: a problem the user can act on; the CLI prints it without a traceback."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class ModelNotFound(StorylineError):
    code = "E001"


class InputNotFound(StorylineError):
    code = "E002"


class UnsupportedFormat(StorylineError):
    code = "E003"


class StoreError(StorylineError):
    code = "E004"


class BadOption(StorylineError):
    code = "E005"


class WorkerFailed(StorylineError):
    code = "E006"
