"""Readers: files, directories, glob patterns and stdin in; RawDocument or Rejected out, in a stable order.

Formats: plain text (.txt .text .md), HTML (.html .htm), JSON Lines and JSON (.jsonl .ndjson .json,
optionally .gz; "-" is JSON Lines on stdin), tables (.csv .tsv, optionally .gz: one row per article),
WARC/ARC (.warc .arc .wet, optionally .gz) and feeds (.rss .atom, and .xml files whose root is a
feed). A reader never raises on bad input: each bad
file or record becomes a Rejected with the reason, and reading goes on.
"""

from __future__ import annotations

import dataclasses
import glob
import os
import stat
import zlib
from collections.abc import Callable, Iterator, Sequence

from storyline.config import Options
from storyline.errors import BadOption, InputNotFound
from storyline.ingest.common import GZIP_MAGIC, GZIP_WBITS, SNIFF_BYTES, looks_binary, normalise_date, short_error
from storyline.ingest.feeds import looks_like_feed, read_feed
from storyline.ingest.html import html_to_document, read_html
from storyline.ingest.jsonl import check_fields, read_json, read_jsonl, read_stdin, record_to_document
from storyline.ingest.tables import read_table
from storyline.ingest.text import read_text, split_title
from storyline.ingest.warc import read_warc
from storyline.model import RawDocument, Rejected

__all__ = [
    "EXTENSIONS",
    "check_inputs",
    "detect_format",
    "html_to_document",
    "normalise_date",
    "read_inputs",
    "record_to_document",
    "split_title",
]

Reader = Callable[[str, Options], Iterator[RawDocument | Rejected]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "warc": read_warc,
    "feed": read_feed,
    "table": read_table,
}
# File name endings and the reader for each; "xml" is read as a feed only when it looks like one.
# Compound endings come first so that ".jsonl.gz" is not taken for something ending in ".gz".
EXTENSIONS: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".json.gz", "json"),
    (".warc.gz", "warc"),
    (".arc.gz", "warc"),
    (".wet.gz", "warc"),
    (".csv.gz", "table"),
    (".tsv.gz", "table"),
    (".txt.gz", "text"),
    (".md.gz", "text"),
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".rss.gz", "feed"),
    (".atom.gz", "feed"),
    (".txt", "text"),
    (".text", "text"),
    (".md", "text"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "json"),
    (".warc", "warc"),
    (".arc", "warc"),
    (".wet", "warc"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".csv", "table"),
    (".tsv", "table"),
    (".xml", "xml"),
)
STDIN_PATH = "-"
# What storyline reads, as error messages list it.
READABLE = ".txt .md .html .htm .jsonl .json .csv .tsv .warc .arc .rss .atom .xml, and each gzipped (.gz)"
_GLOB_CHARS = frozenset("*?[")


def read_inputs(paths: Sequence[str], options: Options) -> Iterator[RawDocument | Rejected]:
    """Read every article in the given paths, in a deterministic order.

    Each path is a file, a directory (walked recursively in name order, hidden files and
    directories skipped), a glob pattern, or "-" for JSON Lines on stdin. Files named explicitly
    or matched by a pattern are read whatever their extension (content is sniffed when the
    extension is unknown) and yield a Rejected "unsupported format" when they are no article
    format; inside a directory, files with an unknown extension are skipped silently, and a
    README is skipped in a directory and among a pattern's matches.

    A path that does not exist, or a pattern that matches nothing, is a Rejected in its place
    and the other paths are read, as a bad file would be. Raises InputNotFound (before reading
    anything) only when no path exists at all, and BadOption for an unknown field name or an
    unreadable ``options.published``. Nothing else raises: bad input comes out as Rejected.
    """
    check_fields(options.fields)
    given = _given_date(options.published)
    return _read_plan(_plan_all(paths), options, given)


def check_inputs(paths: Sequence[str], options: Options) -> None:
    """Raise what read_inputs would raise before reading anything (no path exists, a bad option),
    without reading: so a command can refuse before it creates anything, such as an empty store."""
    check_fields(options.fields)
    _given_date(options.published)
    _plan_all(paths)


def detect_format(name: str, head: bytes, *, sniff: bool = True) -> str | None:
    """The reader for a file ("text", "html", "jsonl", "json", "table", "warc", "feed"), or None.

    ``head`` is the file's first bytes. With ``sniff`` the content decides when the name does
    not; without it, only the name (and the feed check for .xml) does.
    """
    lower = os.path.basename(name).lower()
    fmt = next((f for suffix, f in EXTENSIONS if lower.endswith(suffix)), None)
    if fmt == "xml":
        return "feed" if looks_like_feed(head) else None
    if fmt is not None or not sniff:
        return fmt
    return _sniff(head, has_extension=bool(os.path.splitext(lower)[1]))


# --------------------------------------------------------------------------- planning


def _given_date(published: str | None) -> str | None:
    """The caller's publication date as an ISO day; BadOption when it cannot be read."""
    if published is None:
        return None
    day = normalise_date(published)
    if day is None:
        raise BadOption(f"cannot read the publication date {published!r}: give it as YYYY-MM-DD")
    return day


def _plan_all(paths: Sequence[str]) -> list[tuple[str, str]]:
    """What the paths stand for, in order: a missing one is ("missing", reason) in its place, so
    one mistyped name does not stop a batch; InputNotFound when none exists, the run has nothing
    to read (a single missing path keeps its own message)."""
    plan: list[tuple[str, str]] = []
    problems: list[str] = []
    for path in paths:
        try:
            plan.extend(_plan(path))
        except InputNotFound as err:
            problems.append(err.message)
            plan.append(("missing", path))
    if problems and len(problems) == len(paths):
        raise InputNotFound(problems[0] if len(problems) == 1 else "none of the inputs exists: " + "; ".join(problems))
    return plan


def _plan(path: str) -> list[tuple[str, str]]:
    """What one path stands for: [("stdin"|"file"|"dir", path)]; InputNotFound when nothing."""
    if path == STDIN_PATH:
        return [("stdin", path)]
    if os.path.isdir(path):
        return [("dir", path)]
    if os.path.exists(path):
        return [("file", path)]
    if _GLOB_CHARS & set(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            raise InputNotFound(f"no file matches the pattern {path!r}")
        # A pattern is a folder's worth of files: its README describes the articles, as in a walk.
        return [("dir" if os.path.isdir(m) else "file", m) for m in matches if not _is_readme(m)]
    raise InputNotFound(f"no such file or directory: {path!r}")


def _missing_reason(path: str) -> str:
    """Why a path given on the command line was not read."""
    if _GLOB_CHARS & set(path):
        return f"{path}: no file matches the pattern"
    return f"{path}: no such file or directory"


def _is_readme(path: str) -> bool:
    """A folder's README describes the articles; it is not one of them."""
    return os.path.basename(path).upper().startswith("README")


def _read_plan(
    plan: list[tuple[str, str]], options: Options, given: str | None
) -> Iterator[RawDocument | Rejected]:
    """Read the planned inputs in order, applying the caller's date to every document."""
    for kind, path in plan:
        if kind == "missing":
            yield Rejected(path, _missing_reason(path))
            continue
        if kind == "stdin":
            results = _guarded(lambda _path, opts: read_stdin(opts), path, options)
        elif kind == "dir":
            results = _read_directory(path, options)
        else:
            results = _read_file(path, options)
        for result in results:
            if given is not None and isinstance(result, RawDocument):
                result = dataclasses.replace(result, published=given, published_from="given")
            yield result


def _read_directory(top: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Walk a directory in name order, reading files with a known format and skipping the rest."""
    for entry in _directory_files(top):
        if isinstance(entry, Rejected):
            yield entry
        else:
            path, fmt = entry
            yield from _guarded(READERS[fmt], path, options)


def _directory_files(top: str) -> Iterator[tuple[str, str] | Rejected]:
    """The (path, format) of each article file under a directory, in name order, and why each
    unreadable entry could not be read."""
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=errors.append):
        # Sorting in place steers os.walk, so the whole walk is in a stable order.
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for error in errors:
            where = error.filename or root
            yield Rejected(str(where), f"{where}: cannot read directory: {error.strerror or error}")
        errors.clear()
        for name in sorted(files):
            if name.startswith(".") or _is_readme(name):
                continue
            path = os.path.join(root, name)
            special = _not_regular(path)
            if special:
                yield Rejected(path, special)
                continue
            try:
                # Only .xml needs its content looked at: it is read when it is a feed.
                head = _head(path) if name.lower().endswith(".xml") else b""
            except OSError as err:
                yield Rejected(path, f"{path}: cannot read: {err.strerror or err}")
                continue
            fmt = detect_format(name, head, sniff=False)
            if fmt is not None:
                yield path, fmt
    for error in errors:  # the top directory itself could not be listed
        yield Rejected(top, f"{top}: cannot read directory: {error.strerror or error}")


def input_files(paths: Sequence[str]) -> list[str | Rejected]:
    """The files read_inputs would read for these paths, in the same order, for an executor that
    hands files to other machines (run/spark.py); reading each with read_inputs([file]) gives
    what read_inputs(paths) gives. A directory entry that cannot be read is a Rejected in its
    place. Standard input cannot be handed on: BadOption."""
    out: list[str | Rejected] = []
    for kind, path in _plan_all(paths):
        if kind == "missing":
            out.append(Rejected(path, _missing_reason(path)))
            continue
        if kind == "stdin":
            raise BadOption("standard input (-) cannot be spread over a cluster: save it to a file first")
        if kind == "dir":
            out.extend(e if isinstance(e, Rejected) else e[0] for e in _directory_files(path))
        else:
            out.append(path)
    return out


def _read_file(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Read a file named explicitly: its format from its name, else from its content."""
    special = _not_regular(path)
    if special:
        yield Rejected(path, special)
        return
    try:
        head = _head(path)
    except OSError as err:
        yield Rejected(path, f"{path}: cannot read: {err.strerror or err}")
        return
    fmt = detect_format(path, head)
    if fmt is None:
        yield Rejected(path, f"{path}: {_unsupported(path, head)}")
        return
    yield from _guarded(READERS[fmt], path, options)


def _not_regular(path: str) -> str | None:
    """Why a path is not a file to read (a pipe or device would block or never end), else None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return f"{path}: cannot read: {err.strerror or err}"
    if stat.S_ISREG(mode):
        return None
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"
    return f"{path}: not a regular file ({kind}); storyline reads files, folders and - for stdin"


def _guarded(reader: Reader, path: str, options: Options) -> Iterator[RawDocument | Rejected]:
    """Run a reader so that an unexpected error ends that input with a Rejected, not the batch."""
    try:
        yield from reader(path, options)
    except Exception as err:  # the contract: no traceback reaches the user for any input
        reason = f"unexpected error while reading: {type(err).__name__}: {short_error(err)}"
        yield Rejected(path, f"{path}: {reason}")


# --------------------------------------------------------------------------- sniffing


def _head(path: str) -> bytes:
    """The first bytes of a file, for sniffing its format."""
    with open(path, "rb") as fh:
        return fh.read(SNIFF_BYTES)


def _sniff(head: bytes, *, has_extension: bool) -> str | None:
    """The format a file's content shows, for a file whose name does not say."""
    if head.startswith(GZIP_MAGIC):
        try:
            inner = zlib.decompressobj(GZIP_WBITS).decompress(head)
        except zlib.error:
            return None
        if inner.startswith((b"WARC/", b"filedesc://")):
            return "warc"
        if inner.lstrip()[:1] in (b"{", b"["):
            return "json"
        # a gzipped page, feed or text under a name that does not say ("article.gz")
        return _sniff(inner, has_extension=False) if inner and not inner.startswith(GZIP_MAGIC) else None
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if looks_binary(head):
        return None
    if looks_like_feed(head):
        return "feed"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    opens_as_html = start[:14].lower() == b"<!doctype html" or start[:5].lower() == b"<html"
    # A saved page may be called .php or .aspx, but then it opens as HTML; a script or source
    # file that merely writes "<html" somewhere (.py, .js) is no page.
    if opens_as_html or (not has_extension and b"<html" in head[:1024].lower()):
        return "html"
    if start[:1] in (b"{", b"["):
        return "json"
    # A text file without any extension ("README", "article-17") is read as text; a file with an
    # extension we do not know (.pdf, .docx, .xlsx) is not guessed at.
    return None if has_extension else "text"


def _unsupported(path: str, head: bytes) -> str:
    """The rejection reason for a file in no format storyline reads."""
    ext = os.path.splitext(path)[1].lower()
    what = "binary file" if looks_binary(head) else "text"
    if ext == ".xml":
        return f"unsupported format: XML that is not an RSS/Atom feed (storyline reads {READABLE})"
    label = f"extension {ext}" if ext else "no extension"
    return f"unsupported format ({what}, {label}); storyline reads {READABLE}"
