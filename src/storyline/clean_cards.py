"""Hover cards cut out of scraped sentences (a helper of the cleaning stage).

Some pages (The Hill's, and the op-eds it hosts) put a hover card after a person's name: the full
name, glued to the headlines of three other stories, then "MORE". Scraped as text, the card lands
inside the sentence: "President Trump Donald John TrumpSenators balk at … MORE on Monday". Left
in, its headlines become events and quotes of the article, and its names become people in it.
"""

from __future__ import annotations

import re

__all__ = ["remove_cards"]

# A card is recognised by its shape only: the full name repeats a word of the name before it, and
# the card ends in "MORE" within a few hundred characters.
_CARD_END = re.compile(r"\sMORE\b|(?<=[a-z])MORE\b")  # "… Kelly John Francis KellyMORE" has no headline
_CARD_MAX_CHARS = 900
_CARD_NAME_WORDS = 8
# Where a name's last word runs into a headline: a lowercase letter, then a capital, digit or quote.
_CARD_GLUE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z0-9'‘\"“$])")
_NAME_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von"})


def remove_cards(line: str) -> str:
    """Cut hover cards out of a line of text; a line without one is returned as it is."""
    pos = 0
    while (end := _CARD_END.search(line, pos)) is not None:
        start = _card_start(line, end.start())
        if start is None:
            pos = end.end()
            continue
        # The space before the card goes with it: "Trump Donald John Trump… MORE on" -> "Trump on".
        if line[start - 1 : start] == " ":
            start -= 1
        line = line[:start] + line[end.end():]
        pos = start
    return line


def _card_start(line: str, end: int) -> int | None:
    """Where the card that ends at ``end`` begins, or None when no card ends there.

    The card's full name ends in a word of the name just before the card (President Trump | Donald
    John Trump), glued to the first headline; or it starts with a word of that name (Sarah Huckabee |
    Sarah Elizabeth Sanders); or it repeats the name whole, unglued (Paul Ryan | Paul Davis Ryan).
    Without any of these, " MORE" is an ordinary word in capitals.
    """
    window = max(0, end - _CARD_MAX_CHARS)
    tokens = [(m.start() + window, m.group(0)) for m in re.finditer(r"\S+", line[window:end])]
    fallback: int | None = None
    for i, (at, token) in enumerate(tokens):
        if not token[0].isupper():
            continue
        first = max(0, i - _CARD_NAME_WORDS)
        before = [t for _, t in tokens[first:i]]
        for glue in _CARD_GLUE.finditer(token):
            last = token[: glue.start()]
            if last in _NAME_PREFIXES:
                continue
            if last in before:
                # the card starts after the display name's own last word
                k = len(before) - 1 - before[::-1].index(last)
                return tokens[first + k + 1][0]
            if token[glue.start():] in before[-2:]:
                # the display name glued to the card's: "Jason CrowJason Crow…"
                return at + glue.start()
            repeat = _repeated_word(before)
            if fallback is None and repeat is not None:
                fallback = tokens[first + repeat][0]
    return fallback if fallback is not None else _unglued_card(tokens)


def _repeated_word(words: list[str]) -> int | None:
    """Index of the last capitalised word that repeats an earlier one ("Sarah Huckabee Sarah")."""
    for k in range(len(words) - 1, 0, -1):
        if words[k][:1].isupper() and words[k] in words[:k]:
            return k
    return None


def _unglued_card(tokens: list[tuple[int, str]]) -> int | None:
    """A card whose name is not glued to its headline: the display name's last word comes back
    after a few capitalised names ("Paul Ryan Paul Davis Ryan Retirees …", "Jeff Sessions
    Jefferson (Jeff) Beauregard Sessions Senate …"); the card starts after the first one. Of
    several such repeats the one nearest the headlines wins ("Paul Ryan Paul" repeats too)."""
    best: tuple[int, int] | None = None
    for j, (_, last) in enumerate(tokens):
        if not _is_name_word(last):
            continue
        for m in range(j + 2, min(j + 6, len(tokens))):
            between = tokens[j + 1 : m]
            if not all(_is_name_word(t) for _, t in between):
                break
            if tokens[m][1] == last and (best is None or m > best[0]):
                best = (m, between[0][0])
    return best[1] if best else None


def _is_name_word(token: str) -> bool:
    """Capitalised, in a text that is not in capitals ("Trump", "(Bob)"; not "TRUMP")."""
    word = token[1:-1] if token[:1] == "(" and token.endswith(")") else token
    return word[:1].isupper() and not word.isupper()
