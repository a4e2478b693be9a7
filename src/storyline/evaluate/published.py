"""Publication dates found with the date hidden: how often storyline dates an article from its
text alone, and how often that date is right.

`storyline evaluate published FILE` reads articles that carry their publication date (JSONL such
as the AllSides corpus, with ``--field text=content_original``), hides the date, and lets
storyline find it in the text: a date line or dateline ("text"), else the reference most
consistent with the dates and weekdays the text reports ("inferred"). A wrong date is worse than
none (every "on Monday" would move with it), so precision is the figure that matters; coverage
says how often the text supports a date at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..clean import clean_document
from ..config import DEFAULT_MODEL, Options
from ..errors import BadOption
from ..ingest import read_inputs
from ..model import Article, RawDocument

# How many days off a found date may be and still place "Monday" in the right week.
NEAR_DAYS = 3
# Articles read by default: enough for stable shares, a minute or two on two cores.
DEFAULT_LIMIT = 500


def published_figures(pairs: Iterable[tuple[str, str | None]]) -> dict[str, float]:
    """(gold day, found day or None) pairs to coverage (share dated at all) and, over those
    dated, the share on the exact day and the share within NEAR_DAYS of it."""
    from ..extract.time import parse_day

    total = dated = exact = near = 0
    for gold, found in pairs:
        g, f = parse_day(gold), parse_day(found)
        if g is None:
            continue
        total += 1
        if f is None:
            continue
        dated += 1
        exact += f == g
        near += abs((f - g).days) <= NEAR_DAYS
    return {
        "published_documents": float(total),
        "published_dated": float(dated),
        "published_coverage": dated / total if total else 0.0,
        "published_exact": exact / dated if dated else 0.0,
        "published_near": near / dated if dated else 0.0,
    }


def dated_articles(path: Path, limit: int, options: Options, skip: int = 0) -> list[tuple[str, Article]]:
    """Up to limit analysable articles that carry a publication date, after the first skip of
    them, each with that date and cleaned with the date taken away."""
    out: list[tuple[str, Article]] = []
    seen = 0
    for item in read_inputs([str(path)], options):
        if not isinstance(item, RawDocument) or not item.published or item.text is None:
            continue
        hidden = dataclasses.replace(item, published=None, published_from=None, fallback_published=None)
        cleaned = clean_document(hidden, options)
        if isinstance(cleaned, Article) and cleaned.analysed:
            seen += 1
            if seen <= skip:
                continue
            out.append((item.published[:10], cleaned))
            if len(out) >= limit:
                break
    return out


def evaluate(path: Path, limit: int | None = DEFAULT_LIMIT, model: str = DEFAULT_MODEL,
             fields: dict[str, str] | None = None, skip: int = 0) -> dict[str, Any]:
    """Find the publication date of dated articles with the date hidden, and score it, overall
    and by how it was found (a date line in the text, or inferred from the dates it reports)."""
    from ..extract.time import infer_published
    from ..nlp import load_nlp, parse

    options = Options(model=model, fields=dict(fields or {}))
    articles = dated_articles(path, limit or DEFAULT_LIMIT, options, skip)
    if not articles:
        after = f" after the first {skip}" if skip else ""
        raise BadOption(f"no dated articles with text in {path}{after}: the records need a date field "
                        "(published/date, or --field published=THEIRS) and a text field (--field text=THEIRS)")
    nlp = load_nlp(model)
    found: list[tuple[str, str | None, str | None]] = []
    for (gold, article), doc in zip(articles, parse(nlp, (a.text for _, a in articles)), strict=True):
        day, how = infer_published(doc, article.text)
        found.append((gold, day, how))
    out: dict[str, Any] = dict(published_figures((g, d) for g, d, _ in found))
    out["by_how"] = {how: published_figures((g, d) for g, d, h in found if h == how)
                     for how in ("text", "inferred")}
    return out


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a few plain-text lines."""
    lines = [describe("all", figures)]
    for how, f in figures.get("by_how", {}).items():
        if f["published_dated"]:
            lines.append(describe(f"from {how}", f, of_all=figures["published_documents"]))
    if len(lines) > 1:
        lines.append("(from text: a dateline or date line gives the day; from inferred: the day most "
                     "consistent with the text's own dates and weekdays)")
    return "\n".join(lines)


def describe(label: str, f: dict[str, float], of_all: float | None = None) -> str:
    """One line: how many articles were dated and how many of those dates are right."""
    total = of_all if of_all is not None else f["published_documents"]
    share = f["published_dated"] / total if total else 0.0
    return (f"{label:14} dated {int(f['published_dated'])} of {int(total)} ({share:.1%}); "
            f"on the day {f['published_exact']:.1%}, within {NEAR_DAYS} days {f['published_near']:.1%}")
