"""storyline: many news articles in, a sourced record of who did and said what, when and where, out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("storyline")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
