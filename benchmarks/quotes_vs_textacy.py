"""storyline's quotes against textacy's direct_quotations, side by side on the same PolNeAR split.

Usage:
    .venv/bin/python benchmarks/quotes_vs_textacy.py [PATH] [--split dev] [--limit N]

PATH is the PolNeAR folder (default ../shared/data/polnear). Both systems read the same spaCy
parses, made once here, and are scored by storyline.evaluate.quotes.score (its docstring says how).
textacy is a benchmark-only dependency: `.venv/bin/pip install textacy`. Where textacy's
direct_quotations refuses a document (it raises ValueError on an odd number of quotation marks),
that document counts with no quotes for textacy, and the report says how many there were.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.config import DEFAULT_MODEL
from storyline.evaluate.quotes import (
    GoldDocument,
    Predicted,
    format_report,
    load_polnear,
    parse_documents,
    run_system,
    storyline_system,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


class TextacyRunner:
    """textacy's direct_quotations as a system, counting the documents it refuses."""

    def __init__(self) -> None:
        from textacy.extract.triples import direct_quotations

        self.direct_quotations = direct_quotations
        self.refused: set[str] = set()  # names of the documents it refused

    def __call__(self, doc: Doc, gold: GoldDocument) -> Sequence[Predicted]:
        """textacy's quotes for one document, as Predicted records."""
        try:
            triples = list(self.direct_quotations(doc))
        except ValueError:  # "N quotation marks found, indicating an unclosed quotation"
            self.refused.add(gold.name)
            return []
        out = []
        for speaker, cue, content in triples:
            speaker_span = (speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)) if speaker else None
            cue_span = (cue[0].idx, cue[-1].idx + len(cue[-1].text)) if cue else None
            out.append(Predicted(
                content=(content.start_char, content.end_char), cue=cue_span, speaker=speaker_span,
                speaker_name=" ".join(t.text for t in speaker) if speaker else None,
            ))
        return out


def main(argv: Sequence[str] | None = None) -> int:
    """Parse once, run both systems, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args(argv)
    try:
        textacy = TextacyRunner()
    except ImportError as exc:
        print(f"textacy is not installed ({exc}); install it with: .venv/bin/pip install textacy")
        return 1
    golds = load_polnear(args.path, args.split, args.limit)
    t0 = time.perf_counter()
    docs = parse_documents(golds, args.model)
    spacy_seconds = time.perf_counter() - t0
    ours, our_seconds = run_system(docs, golds, storyline_system(docs, golds))
    theirs, their_seconds = run_system(docs, golds, textacy)
    for figures, seconds in ((ours, our_seconds), (theirs, their_seconds)):
        figures["spacy_seconds"] = spacy_seconds
        figures["extract_seconds"] = seconds
        figures["extract_share"] = seconds / spacy_seconds if spacy_seconds else 0.0
    print(f"PolNeAR {args.split}: {args.path}")
    print(format_report(ours, {"storyline": ours, "textacy": theirs}))
    print(f"textacy: {their_seconds:.2f}s = {theirs['extract_share']:.1%} of the spaCy pass; "
          f"refused {len(textacy.refused)} of {len(golds)} documents (odd number of quotation marks).")
    if textacy.refused:
        # The same comparison without the documents textacy refuses, so that neither system is
        # judged on documents only one of them attempts.
        kept = [i for i, g in enumerate(golds) if g.name not in textacy.refused]
        docs_kept, golds_kept = [docs[i] for i in kept], [golds[i] for i in kept]
        ours_kept, _ = run_system(docs_kept, golds_kept, storyline_system(docs_kept, golds_kept))
        theirs_kept, _ = run_system(docs_kept, golds_kept, textacy)
        print(f"\nOn the {len(kept)} documents textacy accepts:")
        print(format_report(ours_kept, {"storyline": ours_kept, "textacy": theirs_kept}).split("\n\n")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
