"""Event types of whole stories against NGEC's PLOVER-labelled synthetic news.

NGEC (Halterman et al. 2023) trained its document-level event classifier on 4,500 news stories
a language model wrote to order: each prompt asked for a story of one PLOVER event type (and
often one mode: ASSAULT aerial, PROTEST strike), and that request is the story's label. The labels
are not human gold: a story asked to tell a strike may lead with the talks that failed before it,
or wander off the subject. The figures therefore say how often storyline finds the kind of event
a story was written to tell, over many more stories and words than the 216 PLOVER gold sentences,
and which types it misses or confuses; they are no accuracy in the usual sense.

How a story is scored (format_report says the same in short):

- each event mention storyline finds is coded as PLOVER codes it (evaluate/events.plover_view:
  intentions are AGREE or THREATEN, refusals REJECT, statements nothing), with NGEC's codebook on
  top: a promised retreat (a ceasefire declared, a withdrawal pledged) is a CONCEDE;
- found: the labelled type is among the story's coded mentions (a recall: a story with many
  events has many chances);
- lead: the story's first coded mention has the labelled type. Lead precision for a type is how
  often a story whose lead storyline codes as that type was written to tell it;
- mode: of the stories whose label names a mode storyline also codes, how often a mention of the
  labelled type has that mode.

Splits: the stories are taken in file order and alternate, dev (the 1st, 3rd, ...: what rules are
tuned on) and test (the 2nd, 4th, ...: the check that a rule generalises); --split all takes both.

Run it with: ``storyline evaluate event-types ../shared/data/ngec_synthetic [--split test]``.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import DEFAULT_MODEL
from ..errors import BadOption
from ..extract.event_rules import EventMention
from .events import find_mentions, plover_view

STORIES_GLOB = "gpt_synthetic_events*.csv"
SPLITS = ("dev", "test", "all")
# The codebook's spellings of two modes storyline spells as PLOVER does.
MODE_SPELLING = {"primative": "primitive", "sieze": "seize"}


@dataclass(frozen=True, slots=True)
class Story:
    """One synthetic story: its text, the PLOVER type and the mode (or None) it was written to tell."""

    index: int
    text: str
    type: str
    mode: str | None


@dataclass
class Tally:
    """Running counts, overall and by labelled type."""

    stories: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    lead: Counter[str] = field(default_factory=Counter)
    led_as: Counter[str] = field(default_factory=Counter)  # stories whose lead is coded as a type
    mode_n: int = 0
    mode_ok: int = 0
    mentions: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)


def find_stories(path: Path) -> Path:
    """The stories file: the path itself, or the one file in the folder that holds them."""
    if path.is_file():
        return path
    hits = sorted(path.glob(STORIES_GLOB))
    if not hits:
        raise BadOption(f"no {STORIES_GLOB} in {path}: give the ngec_synthetic folder or its stories file")
    return hits[0]


def read_stories(path: Path, split: str = "all", limit: int | None = None, every: int = 1,
                 skipped: list[int] | None = None) -> Iterator[Story]:
    """The labelled stories of a split, in file order; every > 1 keeps one in that many (the file
    is sorted by type, so this keeps the types in proportion where --limit would not). Rows with
    no text or no label are left out, their row numbers (1 = the first after the header) added
    to `skipped`."""
    if split not in SPLITS:
        raise BadOption(f"--split must be one of {', '.join(SPLITS)}, not {split!r}")
    if every < 1:
        raise BadOption(f"--every must be 1 or more, not {every}")
    n = taken = 0
    with find_stories(path).open(newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if (split == "dev" and i % 2) or (split == "test" and not i % 2):
                continue
            text, label = (row.get("text") or "").strip(), (row.get("label") or "").strip().upper()
            if not text or not label:
                if skipped is not None:
                    skipped.append(i + 1)
                continue
            taken += 1
            if (taken - 1) % every:
                continue
            mode = (row.get("mode") or "").strip().lower() or None
            yield Story(i, text, label, MODE_SPELLING.get(mode, mode) if mode else None)
            n += 1
            if limit is not None and n >= limit:
                return


def ngec_view(m: EventMention) -> str | None:
    """How NGEC's codebook types a mention: PLOVER's view, except that a retreat promised, not yet
    made, is a concession (CONCEDE), where the PLOVER gold records call it AGREE."""
    if m.type in ("RETREAT", "CONCEDE") and m.status in ("planned", "hypothetical"):
        return "CONCEDE"
    return plover_view(m)[0]


def score(story: Story, mentions: list[EventMention], modes: frozenset[str], tally: Tally) -> None:
    """Add one story to the tally."""
    coded = [(m, t) for m in sorted(mentions, key=lambda m: m.start) if (t := ngec_view(m))]
    tally.mentions += len(mentions)
    tally.stories[story.type] += 1
    tally.found[story.type] += any(t == story.type for _, t in coded)
    lead = coded[0][1] if coded else "(none)"
    tally.led_as[lead] += 1
    if lead == story.type:
        tally.lead[story.type] += 1
    else:
        tally.confusions[(story.type, lead)] += 1
    if story.mode and story.mode in modes:
        tally.mode_n += 1
        tally.mode_ok += any(t == story.type and m.mode == story.mode for m, t in coded)


def _modes() -> frozenset[str]:
    """Every mode storyline's lexicon can give."""
    from ..extract.event_lexicon import load_lexicon

    lex = load_lexicon()
    tables = (lex.verbs, lex.phrasal, lex.verb_objects, lex.nouns)
    return frozenset(mode for table in tables for _, mode in table.values() if mode)


def evaluate(path: Path, limit: int | None = None, model: str = DEFAULT_MODEL, split: str = "dev",
             every: int = 1) -> dict[str, Any]:
    """Run storyline over the stories of a split (one in every `every`) and score the types it finds."""
    skipped: list[int] = []
    stories = list(read_stories(Path(path), split, limit, every, skipped))
    modes = _modes()
    tally = Tally()
    results, cost = find_mentions([(s.text, f"story {s.index}") for s in stories], model)
    for story, (found, _) in zip(stories, results, strict=True):
        score(story, found, modes, tally)
    out = figures(tally, split, cost)
    out["skipped_rows"] = skipped
    return out


def _share(a: int, b: int) -> float:
    return a / b if b else 0.0


def figures(tally: Tally, split: str, cost: float) -> dict[str, Any]:
    """Totals, per-type rows and the commonest confusions."""
    n = sum(tally.stories.values())
    per_type = {
        t: {"stories": k, "found": _share(tally.found[t], k), "lead": _share(tally.lead[t], k),
            "lead_precision": _share(tally.lead[t], tally.led_as[t])}
        for t, k in sorted(tally.stories.items())
    }
    leads = [r["lead"] for r in per_type.values()]
    return {
        "split": split,
        "stories": n,
        "found": _share(sum(tally.found.values()), n),
        "lead": _share(sum(tally.lead.values()), n),
        "lead_macro": sum(leads) / len(leads) if leads else 0.0,
        "mode_stories": tally.mode_n,
        "mode": _share(tally.mode_ok, tally.mode_n),
        "events_per_story": _share(tally.mentions, n),
        "events_cost_ratio": cost,
        "types": per_type,
        "confusions": [[gold, got, k] for (gold, got), k in tally.confusions.most_common(8)],
    }


def format_report(f: dict[str, Any]) -> str:
    """The figures as plain text: totals, then one row per labelled type."""
    lines = [
        f"Event types of NGEC's synthetic stories ({f['split']} split, {f['stories']} stories; "
        "labels are what each story was written to tell, not human gold)",
        f"  {'labelled type among the story events':<44} {f['found']:6.3f}",
        f"  {'first event of the labelled type':<44} {f['lead']:6.3f}   (mean over types {f['lead_macro']:.3f})",
        f"  {'labelled mode, of ' + str(f['mode_stories']) + ' stories with one':<44} {f['mode']:6.3f}",
        f"  {'events per story':<44} {f['events_per_story']:6.2f}",
        f"  {'event extraction time / spaCy time':<44} {f['events_cost_ratio']:6.3f}",
        "",
        f"  {'type':<10} {'stories':>7} {'found':>6} {'lead':>6} {'lead P':>7}",
    ]
    if f.get("skipped_rows"):
        rows = f["skipped_rows"]
        shown = ", ".join(str(r) for r in rows[:10]) + (", ..." if len(rows) > 10 else "")
        lines.insert(1, f"  rows left out, no text or no label: {len(rows)} (rows {shown})")
    for t, r in f["types"].items():
        lines.append(f"  {t:<10} {r['stories']:7d} {r['found']:6.3f} {r['lead']:6.3f} {r['lead_precision']:7.3f}")
    if f["confusions"]:
        lines += ["", "  commonest first events of another type (labelled -> found, stories):"]
        lines += [f"    {g} -> {s} {k}" for g, s, k in f["confusions"]]
    return "\n".join(lines)
