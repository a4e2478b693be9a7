"""Photo galleries cut out of scraped text (a helper of the cleaning stage).

A news page may embed a photo gallery, often of another story ("Photos: Who's running for
president?"). Scraped as text, each photo's caption follows the gallery's title and ends in the
viewer's "Hide Caption 3 of 12" button, and the whole gallery lands between two paragraphs, or
runs on from the end of one. Left in, the captions (history, mostly: "Trump at age 4", "Obama in
Des Moines in November 2007") become events, dates and people of the article.
"""

from __future__ import annotations

import re

__all__ = ["remove_galleries"]

# The viewer's button after each caption: "Hide Caption 3 of 12".
_BUTTON = re.compile(r"\bHide Caption (\d{1,3}) of (\d{1,3})\b")
# A gallery's title, before the first caption: "Photos: Crisis in Ukraine" (CNN doubles the label).
_TITLE = re.compile(r"(?:^|(?<=[\s.!?\"”]))Photos?:\s")
# The longest caption: a gap this long between two buttons is two galleries (or prose between).
MAX_CAPTION_CHARS = 2500


def remove_galleries(text: str) -> str:
    """Cut every photo gallery out of a text; the text around one is kept, each side on its own
    line (a gallery never sits inside a sentence). A text without one is returned as it is."""
    if "Hide Caption" not in text:
        return text
    for start, end in reversed(_galleries(text)):
        text = text[:start].rstrip(" ") + "\n" + text[end:].lstrip(" ")
    return text


def _galleries(text: str) -> list[tuple[int, int]]:
    """(start, end) of each gallery: from its title before the first caption to the last button
    of a run of buttons counting up to the same total, or to the end of the line when the run
    stops short of it (the scraped gallery was cut off in the middle of a caption)."""
    out: list[tuple[int, int]] = []
    buttons = list(_BUTTON.finditer(text))
    i = 0
    while i < len(buttons):
        first = buttons[i]
        j = i
        while j + 1 < len(buttons) and _continues(buttons[j], buttons[j + 1]):
            j += 1
        last = buttons[j]
        end = last.end()
        if int(last.group(1)) < int(last.group(2)):
            newline = text.find("\n", end)
            end = len(text) if newline < 0 else newline
        out.append((_start(text, first.start(), out[-1][1] if out else 0), end))
        i = j + 1
    return out


def _continues(a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether button b is the next of a's gallery: the same total, a higher number, close by."""
    return (a.group(2) == b.group(2) and int(b.group(1)) > int(a.group(1))
            and b.start() - a.end() <= MAX_CAPTION_CHARS)


def _start(text: str, first_button: int, floor: int) -> int:
    """Where the gallery whose first button is at first_button begins: at its title ("Photos:")
    on the button's line, or at the start of its paragraph; without a title, at the button itself
    (what came before it cannot be told from prose)."""
    lo = max(floor, first_button - MAX_CAPTION_CHARS)
    titles = [m.start() for m in _TITLE.finditer(text, lo, first_button)]
    line_start = text.rfind("\n", 0, first_button) + 1
    same_line = [t for t in titles if t >= line_start]
    if same_line:
        return same_line[0]
    # a caption over several lines, or a paragraph of its own: the title starts an earlier line
    # of the paragraph, or of the one just before the button
    earlier = [t for t in titles if t == 0 or text[t - 1] == "\n"]
    if earlier and "\n\n" not in text[earlier[-1]:first_button].rstrip():
        return earlier[-1]
    return first_button
