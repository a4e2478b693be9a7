"""Stories against ECB+: do the articles storyline groups into one story report one real event?

ECB+ (Cybulska & Vossen, LREC 2014) holds news articles in topics of two sub-topics: the
``<topic>_<n>ecb.xml`` documents report one real-world event, the ``<topic>_<n>ecbplus.xml``
documents another event of the same kind (one actor's stay in rehab, another's). The gold story
of a document is its (topic, sub-topic). Each document's text is rebuilt from its tokens, one
sentence a paragraph, and the whole set is ingested into a fresh store; the figures read the
store's ``stories`` table.

How the figures are computed (format_report says the same in short):

- pairwise, over all pairs of documents: a pair is predicted together when the two documents
  share at least one story, and gold together when they have the same (topic, sub-topic).
  P = right predicted pairs / predicted pairs; R = right predicted pairs / gold pairs.
- B-cubed, over documents: each document's predicted cluster is its *main* story (of the stories
  listing it, the one with the most documents; ties go to the smaller story id); a document in
  no story is a cluster of its own. P and R are the means over documents of the share of its
  predicted cluster in its gold cluster and of its gold cluster in its predicted cluster.
- cross-topic pairs: predicted-together pairs from different topics, i.e. unrelated news merged
  (a precision failure that the sub-topic split alone would not show).

The ``ecbplus`` documents open with their web address as sentence 0; it is left out, so that the
headline is the first line of every text as it would be in a saved article. Their tokeniser also
split every hyphen off ("co - workers"); those are joined again.

Run it with: ``storyline evaluate stories ../shared/data/ecbplus [--split dev]``.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

from ..config import DEFAULT_MODEL, Options
from ..errors import BadOption
from ..store.duckdb import Store

# The standard split (Cybulska & Vossen 2015, Barhom et al. 2019); topics 36-45 are the test set.
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
LAST_TRAIN_TOPIC = 35
SPLITS = ("train", "dev", "all")
DOC_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)$")
RECORD_LINE = re.compile(r"#\d+$")  # a JSON Lines record's origin: file#line
URL = re.compile(r"^(?:https?:|www\.)\S*$", re.IGNORECASE)

# Detokenisation: tokens written flush against the one before, or against the one after.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "''", "'", "”", "’"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "“", "‘"})
CLITICS = frozenset({"n't", "'s", "'re", "'m", "'ve", "'d", "'ll", "’s", "n’t"})
# Some documents split "it’s" as it / ’ / s: what may follow the apostrophe then.
APOSTROPHES = frozenset({"'", "’"})
CLITIC_TAILS = frozenset({"s", "t", "m", "d", "ll", "re", "ve"})
# PTB-style quotation marks as plain double quotes, as a news text would have them.
QUOTE_MARKS = {"``": '"', "''": '"'}
PARAGRAPH_BREAK = "\n\n"  # one sentence a paragraph

# Takes input paths, a store and options, and stores what it reads: pipeline.ingest.
Ingest = Callable[[Sequence[str], Store, Options], object]
Gold = tuple[str, str]  # (topic, sub-topic)


@dataclass(frozen=True, slots=True)
class EcbDocument:
    """One ECB+ document: its name (``1_10ecb``), topic, sub-topic and rebuilt text."""

    name: str
    topic: str
    subtopic: str
    text: str


# ----------------------------------------------------------------------------- reading gold


def detokenise(tokens: Sequence[str], split_hyphens: bool = False) -> str:
    """A sentence's tokens as text: single spaces, except around punctuation and clitics; with
    ``split_hyphens``, a "-" between two words joins them again (co - workers: co-workers)."""
    return detokenise_spans(tokens, split_hyphens)[0]


def detokenise_spans(tokens: Sequence[str], split_hyphens: bool = False) -> tuple[str, list[tuple[int, int]]]:
    """detokenise's text and each token's (start, end) in it, so that annotations on tokens
    (ECB+ event mentions) can be turned into character spans of the text storyline reads. A
    PTB quote (``) spans the one character it is written as."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    glue = True  # no space before the first token
    open_double = False  # a straight " opens or closes by turns
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token == '"':
            open_double = not open_double
            before, after = not open_double, open_double
        elif (token == ":" and prev[-1:].isdigit() and following[:1].isdigit()) or (
            split_hyphens and token == "-" and prev[-1:].isalnum() and following[:1].isalnum()
        ):
            before = after = True  # 1 : 30 is a time, not a colon
        else:
            before = (
                token in NO_SPACE_BEFORE
                or token.lower() in CLITICS
                or (prev in APOSTROPHES and token.lower() in CLITIC_TAILS)  # it ’ s
            )
            after = token in NO_SPACE_AFTER
        if out and not (glue or before):
            out.append(" ")
            length += 1
        written = QUOTE_MARKS.get(token, token)
        out.append(written)
        spans.append((length, length + len(written)))
        length += len(written)
        glue = after
    return "".join(out), spans


def read_document(path: Path) -> str:
    """The text of one ECB+ XML file: its sentences in order, each a paragraph; a sentence that
    is only a web address is left out."""
    return read_document_spans(path)[0]


def read_document_spans(path: Path) -> tuple[str, dict[str, tuple[int, int]]]:
    """read_document's text and the (start, end) in it of each token written there, by t_id;
    the tokens left out (blank ones, the web-address sentence) have none."""
    sentences: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence", 0))].append(
            (int(token.get("number", 0)), token.text or "", token.get("t_id", "")))
    # The ecbplus documents were tokenised with every hyphen split off (none of them holds a
    # hyphenated token), while the ecb ones keep hyphenated words whole and " - " is a dash.
    split_hyphens = path.stem.endswith("ecbplus")
    paragraphs: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    offset = 0  # where the next paragraph starts
    for _, numbered in sorted(sentences.items()):
        kept = [(t, t_id) for _, t, t_id in sorted(numbered, key=lambda n: n[:2]) if t.strip()]
        text, token_spans = detokenise_spans([t for t, _ in kept], split_hyphens)
        if text and not URL.match(text.replace(" ", "")):
            paragraphs.append(text)
            for (_, t_id), (start, end) in zip(kept, token_spans, strict=True):
                spans[t_id] = (offset + start, offset + end)
            offset += len(text) + len(PARAGRAPH_BREAK)
    return PARAGRAPH_BREAK.join(paragraphs), spans


def read_ecbplus(path: Path, split: str = "all", limit: int | None = None) -> list[EcbDocument]:
    """The non-empty documents of a split, in topic and document-number order (ecb before
    ecbplus); ``path`` is the corpus folder or its ``ECB+`` sub-folder."""
    if split not in SPLITS:
        raise BadOption(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    root = path / "ECB+" if (path / "ECB+").is_dir() else path
    found: list[tuple[tuple[int, int, str], Path]] = []
    for file in root.glob("*/*.xml"):
        m = DOC_NAME.match(file.stem)
        if m and in_split(int(m.group(1)), split):
            found.append(((int(m.group(1)), int(m.group(2)), m.group(3)), file))
    docs: list[EcbDocument] = []
    for (topic, _, subtopic), file in sorted(found):
        if limit is not None and len(docs) >= limit:
            break
        text = read_document(file)
        if text:
            docs.append(EcbDocument(file.stem, str(topic), subtopic, text))
    if not docs:
        raise BadOption(f"no ECB+ documents of split {split!r} under {path} (expected ECB+/<topic>/*.xml)")
    return docs


def in_split(topic: int, split: str) -> bool:
    if split == "dev":
        return topic in DEV_TOPICS
    if split == "train":
        return topic <= LAST_TRAIN_TOPIC and topic not in DEV_TOPICS
    return True


# ----------------------------------------------------------------------------- scoring


def main_stories(stories: Mapping[str, set[str]]) -> dict[str, str | None]:
    """Each document's main story: the largest of those listing it (ties: the smaller id), or
    None when no story lists it. Sizes count the documents in ``stories``."""
    size = Counter(s for listed in stories.values() for s in listed)
    return {doc: min(listed, key=lambda s: (-size[s], s)) if listed else None for doc, listed in stories.items()}


def pairwise(stories: Mapping[str, set[str]], gold: Mapping[str, Gold]) -> dict[str, float]:
    """Pair precision, recall and F1 (together = sharing a story), and how many predicted pairs
    join documents of different topics."""
    members: dict[str, set[str]] = defaultdict(set)
    for doc, listed in stories.items():
        for s in listed:
            members[s].add(doc)
    predicted = {pair for docs in members.values() for pair in combinations(sorted(docs), 2)}
    right = sum(1 for a, b in predicted if gold[a] == gold[b])
    cross = sum(1 for a, b in predicted if gold[a][0] != gold[b][0])
    gold_pairs = sum(n * (n - 1) // 2 for n in Counter(gold.values()).values())
    p, r = _share(right, len(predicted)), _share(right, gold_pairs)
    return {
        "pair_precision": p,
        "pair_recall": r,
        "pair_f1": _f1(p, r),
        "predicted_pairs": float(len(predicted)),
        "gold_pairs": float(gold_pairs),
        "cross_topic_pairs": float(cross),
    }


def bcubed(clusters: Mapping[str, Hashable], gold: Mapping[str, Gold]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of one predicted cluster per document."""
    predicted: dict[Hashable, set[str]] = defaultdict(set)
    truth: dict[Gold, set[str]] = defaultdict(set)
    for doc, cluster in clusters.items():
        predicted[cluster].add(doc)
        truth[gold[doc]].add(doc)
    p = r = 0.0
    for doc, cluster in clusters.items():
        both = len(predicted[cluster] & truth[gold[doc]])
        p += both / len(predicted[cluster])
        r += both / len(truth[gold[doc]])
    n = len(clusters)
    p, r = _share(p, n), _share(r, n)
    return {"bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": _f1(p, r)}


def score(stories: Mapping[str, set[str]], gold: Mapping[str, Gold]) -> dict[str, float]:
    """All figures for the documents of ``gold``; ``stories`` gives the stories listing each
    (a document it leaves out is in none)."""
    listed = {doc: set(stories.get(doc, ())) for doc in gold}
    main = main_stories(listed)
    # A document in no story is a cluster of its own, keyed so it cannot meet a story id.
    clusters: dict[str, Hashable] = {doc: s if s is not None else ("alone", doc) for doc, s in main.items()}
    sizes = Counter(s for ss in listed.values() for s in ss)
    return {
        "documents": float(len(gold)),
        "gold_stories": float(len(set(gold.values()))),
        "stories": float(sum(1 for n in sizes.values() if n >= 2)),
        "documents_without_story": float(sum(1 for ss in listed.values() if not ss)),
        **pairwise(listed, gold),
        **bcubed(clusters, gold),
    }


def prf_row(figures: dict[str, Any], label: str, prefix: str, width: int = 20) -> str:
    """One report line: the label, then the figures' <prefix>_precision, _recall and _f1."""
    return f"  {label:<{width}}" + "".join(f"{figures.get(f'{prefix}_{k}', 0.0):7.3f}"
                                           for k in ("precision", "recall", "f1"))


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# ----------------------------------------------------------------------------- running


def evaluate(
    path: Path,
    limit: int | None = None,
    model: str = DEFAULT_MODEL,
    split: str = "all",
    *,
    ingest: Ingest,
) -> dict[str, Any]:
    """Ingest the ECB+ documents of a split (the first ``limit``) into a fresh store with
    ``ingest`` (pipeline.ingest, passed in because evaluate sits beside pipeline in the layer
    contract and may not import it) and score the stories it built."""
    docs = read_ecbplus(Path(path), split, limit)
    stories, seconds = ingest_texts({d.name: d.text for d in docs}, model, ingest, stories_by_document)
    figures: dict[str, Any] = score(stories, {d.name: (d.topic, d.subtopic) for d in docs})
    figures["ingest_seconds"] = seconds
    figures["split"] = split
    return figures


T = TypeVar("T")


def ingest_texts(texts: Mapping[str, str], model: str, ingest: Ingest, read: Callable[[Store], T]
                 ) -> tuple[T, float]:
    """Write each text to ``<name>.txt`` in a temporary folder, ingest the folder into a fresh
    store, and return what ``read`` takes from that store with the ingest's seconds."""
    def write(folder: Path) -> None:
        for name, text in texts.items():
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")

    return ingest_written(write, model, ingest, read)


def ingest_written(write: Callable[[Path], None], model: str, ingest: Ingest, read: Callable[[Store], T]
                   ) -> tuple[T, float]:
    """Let ``write`` fill an empty temporary folder with inputs, ingest the folder into a fresh
    store, and return what ``read`` takes from that store with the ingest's seconds."""
    with tempfile.TemporaryDirectory(prefix="storyline-eval-") as tmp:
        folder = Path(tmp) / "inputs"
        folder.mkdir()
        write(folder)
        with Store(Path(tmp) / "store.duckdb") as store:
            started = time.perf_counter()
            ingest([str(folder)], store, Options(model=model, workers=1))
            seconds = time.perf_counter() - started
            return read(store), seconds


def stories_by_document(store: Store) -> dict[str, set[str]]:
    """The ids of the stories listing each stored document (named by its file's stem: one text,
    or one JSON Lines file of one record, whose origin ends in "#1")."""
    # inputs, not articles: a document whose text duplicates another's has no article row of
    # its own, but its input row points at the shared article.
    docs_of: dict[str, list[str]] = defaultdict(list)
    for row in store.query("SELECT origin, article_id FROM inputs WHERE article_id IS NOT NULL"):
        docs_of[row["article_id"]].append(Path(RECORD_LINE.sub("", row["origin"])).stem)
    out: dict[str, set[str]] = defaultdict(set)
    for row in store.query("SELECT id, article_ids FROM stories"):
        for article in json.loads(row["article_ids"]):
            for doc in docs_of.get(article, ()):
                out[doc].add(row["id"])
    return dict(out)


def format_report(figures: dict[str, Any]) -> str:
    """The figures as a short plain-text table with a line on how they are computed."""
    return grouping_report(
        figures,
        f"Stories on ECB+ ({figures.get('split', 'all')} split): {int(figures.get('documents', 0))} documents, "
        f"{int(figures.get('gold_stories', 0))} gold stories (topic x sub-topic)",
        [("stories with 2 or more documents", "stories"), ("documents in no story", "documents_without_story"),
         ("predicted-together pairs", "predicted_pairs"), ("of them across topics", "cross_topic_pairs")],
        "pairwise: two documents are together when they share a story; gold when same topic and "
        "sub-topic. B-cubed: each document in its largest story (none: alone). Across topics: "
        "unrelated news merged.")


def grouping_report(figures: dict[str, Any], heading: str, counts: Sequence[tuple[str, str]], footnote: str,
                    width: int = 34) -> str:
    """A report of score's figures: the heading, a line per count (label, figure; predicted pairs
    beside the gold ones), pairwise and B-cubed P/R/F1, the ingest's seconds and the footnote."""
    lines = [heading]
    for label, key in counts:
        gold = f"  (gold {int(figures.get('gold_pairs', 0))})" if key == "predicted_pairs" else ""
        lines.append(f"  {label:<{width}} {int(figures.get(key, 0)):>6}{gold}")
    lines += ["", f"  {'':<20}{'P':>7}{'R':>7}{'F1':>7}"]
    for label, prefix in (("pairwise", "pair"), ("B-cubed, main story", "bcubed")):
        lines.append(prf_row(figures, label, prefix))
    if "ingest_seconds" in figures:
        lines.append(f"\ningest {figures['ingest_seconds']:.1f}s.")
    lines.append(footnote)
    return "\n".join(lines)
