"""Events against PLOVER gold records and PETRARCH's CAMEO-coded validation sentences.

`storyline evaluate events PATH` runs storyline on each gold sentence and scores, per record:
- event type: the PLOVER type of the mention at the gold event words (the marked EVT span; the
  nearest mention when none is there) equals the gold type;
- source / target actor: some extracted mention of the gold type has a source (target) whose
  words overlap the gold actor's.

PLOVER records intentions as verbal events ("will support" is AGREE, "plans to impose" is
THREATEN) where storyline keeps the intended action with status planned; `plover_view` makes
that translation before scoring. The gold file's older names are mapped (DEMAND = REQUEST,
DISAPPROVE = ACCUSE, FIGHT = ASSAULT, INVESTIGATE = ACCUSE); DOCUMENT records are skipped.
PETRARCH's CAMEO codes go through the CAMEO-to-PLOVER table found beside the data.
"""

from __future__ import annotations

import difflib
import json
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import DEFAULT_MODEL
from ..extract.event_lexicon import COOPERATIVE_TYPES, HOSTILE_TYPES
from ..extract.event_rules import EventMention
from ..extract.events import find_event_mentions
from ..model import Article, Entity, Mention, TimeExpr, article_id, short_hash

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Older PLOVER names in the gold file, and the types it has that storyline does not code.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
OUT_OF_SCOPE = frozenset({"DOCUMENT"})
PLOVER_FILE = "PLOVER_GSR_CAMEO.json"
CAMEO_TABLE_GLOB = "CAMEO2PLOVER*.txt"
# CAMEO roots the conversion table leaves out: 01 public statements, 02 appeals (PLOVER folds
# appeals into REQUEST).
CAMEO_ROOTS_OUTSIDE_TABLE = {"01": "STATEMENT", "02": "REQUEST"}
MARKUP_TAG = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|LOC):\s*")
PARTS = ("source", "target")


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence: its text, event type, event word spans and actor spans."""

    id: str
    text: str
    type: str | None  # None: the sentence reports no event (PETRARCH 'noevents')
    events: tuple[tuple[int, int], ...] = ()
    sources: tuple[tuple[int, int], ...] = ()
    targets: tuple[tuple[int, int], ...] = ()
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()
    has_source: bool = False
    has_target: bool = False


@dataclass
class Tally:
    """Running counts for one gold set."""

    n: int = 0
    type_ok: int = 0
    type_any: int = 0
    src_n: int = 0
    src_ok: int = 0
    tar_n: int = 0
    tar_ok: int = 0
    none_n: int = 0
    none_ok: int = 0
    mentions: int = 0
    misses: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- reading gold


def _parse_markup(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Plain text of a PLOVER markup string and the (tag, start, end) spans in it."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    pos = 0
    i = 0
    while i < len(markup):
        m = MARKUP_TAG.match(markup, i)
        if m:
            stack.append((m.group(1), pos))
            i = m.end()
            continue
        ch = markup[i]
        if ch == ")" and stack:
            depth = sum(1 for s in stack if s[0] == "(")
            if depth:
                stack.pop()
                out.append(ch)
                pos += 1
            else:
                tag, start = stack.pop()
                spans.append((tag, start, pos))
            i += 1
            continue
        if ch == "(":
            stack.append(("(", pos))
        out.append(ch)
        pos += 1
        i += 1
    return "".join(out), spans


def _aligner(source: str, target: str) -> Callable[[int], int | None]:
    """A map from offsets in `source` to offsets in `target`, which may differ slightly."""
    if source == target:
        return lambda k: k
    blocks = difflib.SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()

    def convert(k: int) -> int | None:
        for a, b, size in blocks:
            if a <= k < a + size or (k == a + size and size):
                return b + (k - a)
        return None

    return convert


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """Where an actor's words occur in the text (case-insensitive), if they do."""
    needle = " ".join(needle.split())
    k = text.lower().find(needle.lower())
    return (k, k + len(needle)) if needle and k >= 0 else None


def _actor_texts(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(a.get("actorText", "")) for a in value if isinstance(a, dict) and a.get("actorText")]


def read_plover(path: Path) -> Iterator[GoldRecord]:
    """The PLOVER gold-standard records with sentence text, older type names mapped."""
    records = json.loads(path.read_text(encoding="utf-8"))
    for r in records:
        text = r.get("text")
        etype = OLD_NAMES.get(r.get("event", ""), r.get("event"))
        if not text or etype in OUT_OF_SCOPE:
            continue
        info = r.get("textInfo")
        markup = str(info.get("markup") or "") if isinstance(info, dict) else str(info or "")
        plain, spans = _parse_markup(markup)
        conv = _aligner(plain, text)
        where: dict[str, list[tuple[int, int]]] = {"EVT": [], "SRC": [], "TAR": [], "SRC/TAR": [], "LOC": []}
        for tag, s, e in spans:
            a, b = conv(s), conv(max(s, e - 1))
            if a is not None and b is not None:
                where[tag].append((a, b + 1))
        src_texts, tar_texts = _actor_texts(r.get("source")), _actor_texts(r.get("target"))
        sources = where["SRC"] + where["SRC/TAR"] or [p for t in src_texts if (p := _find(text, t))]
        targets = where["TAR"] + (where["SRC/TAR"] if tar_texts else []) or [
            p for t in tar_texts if (p := _find(text, t))
        ]
        yield GoldRecord(
            r.get("id", short_hash(text)),
            text,
            etype,
            tuple(where["EVT"]),
            tuple(sources),
            tuple(targets),
            has_source=bool(src_texts),
            has_target=bool(tar_texts),
        )


def read_cameo_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the CAMEO2PLOVER conversion table."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def cameo_to_plover(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code: its own row, else its parent's, else its root's."""
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return table[code[:k]]
    return CAMEO_ROOTS_OUTSIDE_TABLE.get(code[:2])


def read_petrarch(path: Path, table: dict[str, str]) -> Iterator[GoldRecord]:
    """PETRARCH validation records: sentence text with CAMEO event and actor codes."""
    raw = path.read_text(encoding="utf-8")
    for m in re.finditer(r"<Sentence\b([^>]*?)/?>(.*?)(?=<Sentence\b|</Sentences>|\Z)", raw, re.S):
        attrs, body = m.groups()
        text_m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text_m:
            continue
        text = " ".join(text_m.group(1).split())
        if not text:
            continue
        rid = re.search(r'id="([^"]*)"', attrs)
        codings = [ET.fromstring(f"<E {c}/>").attrib for c in re.findall(r"<EventCoding\s+([^>]*?)/?>", body)]
        if not codings:
            continue
        if any(c.get("noevents") for c in codings):
            yield GoldRecord(rid.group(1) if rid else short_hash(text), text, None)
            continue
        c = codings[0]
        etype = cameo_to_plover(c.get("eventcode", ""), table)
        if etype is None or etype == "STATEMENT":
            continue
        yield GoldRecord(
            rid.group(1) if rid else short_hash(text),
            text,
            etype,
            source_codes=tuple(x.get("sourcecode", "")[:3] for x in codings if x.get("sourcecode")),
            target_codes=tuple(x.get("targetcode", "")[:3] for x in codings if x.get("targetcode")),
            has_source=True,
            has_target=True,
        )


# ----------------------------------------------------------------------------- scoring


def plover_view(
    m: EventMention,
) -> tuple[str | None, list[tuple[str, int, int, str]], list[tuple[str, int, int, str]]]:
    """How PLOVER would code a mention: its type (intentions as AGREE / THREATEN, refusals as
    REJECT, statements and what did not happen as nothing) and its source and target actors
    (name, start, end, entity id)."""
    etype: str | None = m.type
    if etype == "STATEMENT":
        etype = None
    elif m.status in ("planned", "hypothetical"):
        if etype in COOPERATIVE_TYPES:
            etype = "AGREE"
        elif etype in HOSTILE_TYPES:
            etype = "THREATEN"
    elif m.status == "negated":
        etype = (
            "REJECT" if etype in COOPERATIVE_TYPES else (etype if etype in ("REQUEST", "ACCUSE") else None)
        )
    by_role: dict[str, list[tuple[str, int, int, str]]] = {}
    for a in m.actors:
        by_role.setdefault(a.role, []).append((a.who.name, a.who.start, a.who.end, a.who.entity_id or ""))
    sources = by_role.get("source") or by_role.get("mediator") or []
    targets = by_role.get("target") or []
    if not sources:
        sources = by_role.get("participant", [])
    elif not targets:
        targets = by_role.get("participant", [])
    return etype, sources, targets


def _overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _aligned(gold: GoldRecord, views: list[tuple[EventMention, str | None]]) -> str | None:
    """The type storyline gives the gold event: the mention at the gold event words, else the one
    nearest them, else the first."""
    typed = [(m, t) for m, t in views if t is not None]
    if not typed:
        return None
    for span in gold.events:
        hits = [(m, t) for m, t in typed if _overlaps((m.start, m.end), [span])]
        if hits:
            return hits[0][1]
    if gold.events:
        s0 = gold.events[0][0]
        return min(typed, key=lambda p: abs(p[0].start - s0))[1]
    return typed[0][1]


def _code_match(
    codes: Sequence[str], actors: Sequence[tuple[str, int, int, str]], ents: dict[str, Entity], text: str
) -> bool:
    """PETRARCH actors are codes: an actor matches when its country or affiliation has that code."""
    from ..extract.event_context import demonym_code
    from ..gazetteer import affiliation_code

    for name, s, e_, eid in actors:
        e = ents.get(eid)
        codes_of = {affiliation_code(name), e.affiliation if e else None}
        # "Syrian President Bashar Assad": the words of the phrase say whom the actor acts for
        codes_of |= {
            affiliation_code(w) or demonym_code(w) for w in re.findall(r"[A-Z][\w.'’-]+", text[s:e_])
        }
        if any(c and c in codes_of for c in codes):
            return True
        if any(c and name[:3].upper() == c for c in codes):
            return True  # the unit tests' invented countries ("Arnor" = ARN)
    return False


def score(gold: GoldRecord, mentions: list[EventMention], ents: dict[str, Entity], tally: Tally) -> None:
    """Add one record's outcome to the tally."""
    views = [(m, plover_view(m)) for m in mentions]
    tally.mentions += sum(1 for _, v in views if v[0] is not None)
    if gold.type is None:
        tally.none_n += 1
        tally.none_ok += not any(v[0] is not None for _, v in views)
        return
    tally.n += 1
    predicted = _aligned(gold, [(m, v[0]) for m, v in views])
    ok = predicted == gold.type
    tally.type_ok += ok
    same = [v for _, v in views if v[0] == gold.type]
    tally.type_any += bool(same)
    found: dict[str, bool | None] = {"source": None, "target": None}
    for part, spans, codes, has in (
        ("source", gold.sources, gold.source_codes, gold.has_source),
        ("target", gold.targets, gold.target_codes, gold.has_target),
    ):
        if not has or not (spans or codes):
            continue
        actors = [a for v in same for a in (v[1] if part == "source" else v[2])]
        if spans:
            hit = any(_overlaps((s, e), spans) for _n, s, e, _i in actors)
        else:
            hit = _code_match([c for c in codes if c and c != "---"], actors, ents, gold.text)
        found[part] = hit
        if part == "source":
            tally.src_n += 1
            tally.src_ok += hit
        else:
            tally.tar_n += 1
            tally.tar_ok += hit
    if not ok or False in found.values():
        tally.misses.append(
            f"{gold.id}\tgold={gold.type}\tgot={predicted}\tsrc={found['source']}\t"
            f"tar={found['target']}\t{gold.text[:110]}"
        )


# ----------------------------------------------------------------------------- running


def _annotators() -> tuple[
    Callable[[Doc, Article], tuple[list[Mention], list[Entity]]], Callable[[Doc, Article], list[TimeExpr]]
]:
    """The entity and time stages, or stand-ins built from the NER when a stage is missing."""
    try:
        from ..extract.entities import extract_entities as entities
    except ImportError:
        entities = _entities_from_ner
    try:
        from ..extract.time import extract_timexes as timexes
    except ImportError:

        def timexes(doc: Doc, article: Article) -> list[TimeExpr]:
            return []

    return entities, timexes


def _entities_from_ner(doc: Doc, article: Article) -> tuple[list[Mention], list[Entity]]:
    """One entity per distinct name the NER found (used only when the entity stage is absent)."""
    mentions: list[Mention] = []
    by_text: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"):
            continue
        e = by_text.setdefault(ent.text, Entity(short_hash(article.id, ent.text), ent.text, ent.label_))
        mentions.append(Mention(article.id, ent.start_char, ent.end_char, ent.text, ent.label_, e.id))
    return mentions, list(by_text.values())


def _find_data(path: Path) -> tuple[str, Path, Path | None]:
    """Which gold set a path holds (plover or petrarch), its file(s) and the CAMEO table."""
    if path.is_file():
        kind = "plover" if path.suffix == ".json" else "petrarch"
        folder = path.parent
    else:
        folder = path
        kind = "plover" if (path / PLOVER_FILE).exists() else "petrarch"
    table = None
    for d in (folder, folder.parent / "plover_gsr", folder.parent):
        hits = sorted(d.glob(CAMEO_TABLE_GLOB)) if d.is_dir() else []
        if hits:
            table = hits[0]
            break
    return kind, path, table


def _records(path: Path, limit: int | None) -> tuple[str, dict[str, list[GoldRecord]]]:
    """The gold records of a path, by file."""
    kind, p, table = _find_data(path)
    by_file: dict[str, list[GoldRecord]] = {}
    if kind == "plover":
        f = p if p.is_file() else p / PLOVER_FILE
        by_file[f.stem] = list(read_plover(f))
    else:
        if table is None:
            raise FileNotFoundError(f"no {CAMEO_TABLE_GLOB} beside {path} (needed for CAMEO codes)")
        cameo = read_cameo_table(table)
        for f in [p] if p.is_file() else sorted(p.glob("*.xml")):
            by_file[f.stem] = list(read_petrarch(f, cameo))
    if limit is not None:
        by_file = {k: v[:limit] for k, v in by_file.items()}
    return kind, by_file


def evaluate(
    path: Path, limit: int | None = None, model: str = DEFAULT_MODEL, misses: list[str] | None = None
) -> dict[str, float]:
    """Score event extraction on a gold set (PLOVER records or PETRARCH validation files); for a
    folder of several files, each file's figures are also given, keyed 'file/figure'."""
    kind, by_file = _records(Path(path), limit)
    figures = _evaluate_records(kind, [g for gs in by_file.values() for g in gs], model, misses)
    if len(by_file) > 1:
        for name, gold in by_file.items():
            for key, value in _evaluate_records(kind, gold, model, None).items():
                figures[f"{name}/{key}"] = value
    return figures


# One text's event mentions and its entities by id.
TextEvents = tuple[list[EventMention], dict[str, Entity]]


def find_mentions(items: Sequence[tuple[str, str]], model: str) -> tuple[list[TextEvents], float]:
    """Run storyline's stages over (text, origin) pairs: each text's event mentions and its
    entities by id, and the event stage's time as a share of the spaCy pass."""
    from ..nlp import load_nlp

    nlp = load_nlp(model)
    entities, timexes = _annotators()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([text for text, _ in items], batch_size=64))
    t_nlp = time.perf_counter() - t0
    t_events = 0.0
    out: list[TextEvents] = []
    for (text, origin), doc in zip(items, docs, strict=True):
        article = Article(id=article_id(text), text=text, origin=origin)
        mentions, ents = entities(doc, article)
        tx = timexes(doc, article)
        t1 = time.perf_counter()
        found = find_event_mentions(doc, article, mentions, ents, tx)
        t_events += time.perf_counter() - t1
        out.append((found, {e.id: e for e in ents}))
    return out, (t_events / t_nlp if t_nlp else 0.0)


def _evaluate_records(
    kind: str, gold: list[GoldRecord], model: str, misses: list[str] | None
) -> dict[str, float]:
    """Run storyline on gold sentences and score them."""
    tally = Tally()
    results, cost = find_mentions([(g.text, g.id) for g in gold], model)
    for g, (found, ents) in zip(gold, results, strict=True):
        score(g, found, ents, tally)
    if misses is not None:
        misses.extend(tally.misses)
    figures: dict[str, float] = {
        "plover": float(kind == "plover"),
        "records": float(tally.n),
        "type_accuracy": tally.type_ok / tally.n if tally.n else 0.0,
        "type_any": tally.type_any / tally.n if tally.n else 0.0,
        "source_accuracy": tally.src_ok / tally.src_n if tally.src_n else 0.0,
        "target_accuracy": tally.tar_ok / tally.tar_n if tally.tar_n else 0.0,
        "source_records": float(tally.src_n),
        "target_records": float(tally.tar_n),
        "events_per_sentence": tally.mentions / max(1, tally.n + tally.none_n),
        "events_cost_ratio": cost,
    }
    if tally.none_n:
        figures["no_event_records"] = float(tally.none_n)
        figures["no_event_accuracy"] = tally.none_ok / tally.none_n
    return figures


def format_report(figures: dict[str, float]) -> str:
    """The figures as a short plain-text table (and one per file when there are several)."""
    name = "PLOVER gold records" if figures.get("plover") else "PETRARCH validation (CAMEO -> PLOVER)"
    lines = _table(name, {k: v for k, v in figures.items() if "/" not in k})
    for part in sorted({k.split("/", 1)[0] for k in figures if "/" in k}):
        sub = {k.split("/", 1)[1]: v for k, v in figures.items() if k.startswith(part + "/")}
        lines += ["", *_table(part, sub)]
    return "\n".join(lines)


def _table(name: str, figures: dict[str, float]) -> list[str]:
    """One set's figures as lines of text."""
    lines = [f"Events on {name}: {int(figures.get('records', 0))} records with an event"]
    rows = [
        ("event type accuracy (at the gold event)", "type_accuracy"),
        ("gold type among the sentence's events", "type_any"),
        (f"source actor accuracy ({int(figures.get('source_records', 0))} records)", "source_accuracy"),
        (f"target actor accuracy ({int(figures.get('target_records', 0))} records)", "target_accuracy"),
        ("no-event sentences left without event", "no_event_accuracy"),
    ]
    for label, key in rows:
        if key in figures:
            lines.append(f"  {label:<48} {figures[key]:6.3f}")
    lines.append(f"  {'events per sentence':<48} {figures.get('events_per_sentence', 0.0):6.2f}")
    lines.append(f"  {'event extraction time / spaCy time':<48} {figures.get('events_cost_ratio', 0.0):6.3f}")
    return lines
