"""Cleaning stage: one RawDocument in, one Article (or Rejected) out.

Turns what a reader found into the text storyline stores and points every offset into: Unicode
NFC, tidy whitespace, no page debris (share buttons, read-time labels, bylines, cookie notices,
outlet banners), no emoji; then detects the language and computes the content-hash id.

Pure and free of I/O, so it runs unchanged in a process pool or a Spark task.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from urllib.parse import urlsplit

from storyline.clean_cards import remove_cards
from storyline.clean_galleries import remove_galleries
from storyline.config import Options
from storyline.model import Article, RawDocument, Rejected, article_id

__all__ = [
    "clean_document",
    "clean_text",
    "detect_language",
    "is_analysed",
    "normalise_text",
    "remove_debris",
    "source_from_url",
]

# --------------------------------------------------------------------------- constants

# Language identification reads only the start of the article: py3langid's cost grows with the
# length of the input, and two thousand characters (a few paragraphs) already decide the language
# of a news report; the rest adds time, not accuracy.
LANGUAGE_SAMPLE_CHARS = 2_000
# Below this many characters a language guess is noise (a caption, a few names: "Talks resume in
# Veldan" can come out as Latin or Dutch). Storyline's corpus is English news, so a tiny text is
# assumed English rather than marked "not analysed" on the strength of a coin toss.
LANGUAGE_MIN_CHARS = 50
DEFAULT_LANGUAGE = "en"
# py3langid tells Bosnian, Croatian and Serbian (Latin script) apart poorly; it says "bs" for
# much Serbian Latin text. They are one language for the question "can we analyse this?".
LANGUAGE_GROUPS: tuple[frozenset[str], ...] = (frozenset({"bs", "hr", "sr"}),)

# The page header (outlet banner, byline, read time, repeated headline) sits above the first
# paragraph of prose. A line counts as prose when it has this many words ...
PROSE_MIN_WORDS = 8
# ... or ends a sentence and has at least this many (so "By Jane Doe." is not prose).
PROSE_MIN_WORDS_WITH_STOP = 5
# Never look further than this many non-empty lines for header debris, so a text that has no
# prose line (a list, a transcript) is not treated as all header.
HEADER_MAX_LINES = 12
# A label line (outlet name, section, byline) is short; longer lines may be real text.
LABEL_MAX_WORDS = 6
BYLINE_MAX_WORDS = 10
# "Read also: <headline>" and "Subscribe to ..." lines carry a headline or a sales pitch; a line
# longer than this that happens to start with those words is more likely a real sentence.
PROMO_MAX_WORDS = 20
# A cookie banner is a sentence or three; longer paragraphs that start the same way are kept.
# No other debris line is longer, so longer lines are not even tested (that also bounds the cost
# of the line patterns on a text that arrives as one huge line).
DEBRIS_LINE_MAX_WORDS = 60
# Glued trailing debris is a few words; only this many final characters are searched for it.
TRAILING_WINDOW_CHARS = 200

# Invisible characters with no meaning in news text. They are deleted rather than turned into a
# space: a zero-width space inside "Veld\u200bora" is a line-break hint, not a word boundary.
# ZWNJ (U+200C) is kept: it is spelling in Persian and Indic scripts.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Joiners mean something between two letters or emoji (Persian, Hindi, emoji sequences); beside
# a space or a line's edge they are a page's debris ("be… \u200d “I think").
_STRAY_JOINERS = re.compile(r"(?<!\S)[\u200c\u200d]+|[\u200c\u200d]+(?!\S)")
# Line and paragraph separators that are not "\n".
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\u0085\x0b\x0c]")
# Horizontal white space of any kind (tab, no-break space, thin and figure spaces, ideographic).
_SPACES = re.compile("[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

# Emoji and pictographs. They are removed everywhere, even inside a sentence ("the Embassy of
# Japan 🇯🇵 in Kosovo"): they are not words, spaCy's NER and parser were not trained on them and
# split or mislabel the names around them, and the sentence reads the same without them.
# Ranges are the pictographic blocks; dingbats keep their ornamental quotation marks, brackets
# and digits (❛❜❝❞ ❨❩ ➀) because those stand for text.
_PICTOGRAPH = (
    "\U0001f000-\U0001faff"  # cards, enclosed letters incl. regional-indicator flags, emoji
    "\u2600-\u26ff"  # miscellaneous symbols (☀ ☎ ⚽)
    "\u2700-\u275a\u2761-\u2767\u2794-\u27bf"  # dingbats (✈ ✔ ❤), minus ornamental text
    "\u231a\u231b\u23e9-\u23f3\u23f8-\u23fa"  # watch, hourglass, media buttons
    "\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55"  # arrows, squares and stars drawn as emoji
    "\U000e0020-\U000e007f"  # tag characters (subdivision flags)
)
# An emoji sequence: pictographs glued by zero-width joiners, variation selectors, keycaps.
_EMOJI_RUN = re.compile(f"[ ]*(?:[{_PICTOGRAPH}][\u200d\ufe0e\ufe0f\u20e3]*)+[ ]*")
_STRAY_EMOJI_MARKS = re.compile("[\ufe0e\ufe0f\u20e3]")
# Where removing an emoji must not leave a space: before closing punctuation, after an opener.
_NO_SPACE_BEFORE = frozenset(".,;:!?)]}»”’")
_NO_SPACE_AFTER = frozenset("([{«“‘")

# Share and social buttons, matched against a whole line only (never inside a sentence).
_SHARE_WORD = (
    r"(?:share(?:\s+(?:this|the))?(?:\s+(?:post|article|story|page|link))?"
    r"|share\s+(?:on|via|to)\s+[\w.+-]+"
    r"|tweet(?:\s+this)?|print(?:\s+this)?(?:\s+(?:article|page))?|e-?mail(?:\s+this)?"
    r"|facebook|twitter|x|linkedin|whatsapp|telegram|viber|reddit|pinterest|messenger|pocket|flipboard|post"
    r"|copy\s+link|copy\s+url|save|\d*\s*comments?|follow\s+us(?:\s+on\s+[\w.+-]+)?)"
)
# Words must be separated (or end the line), so each line splits into words one way only.
_SHARE_LINE = re.compile(rf"(?:{_SHARE_WORD}(?:[\s|·•,:/\-–]+|$))+", re.IGNORECASE)
# Read-time labels: "2 Min Read", "5 min read", "3-minute read", "Reading time: 3 minutes".
_READ_TIME = (
    r"(?:(?:estimated\s+)?reading\s+time\s*:?\s*(?:about\s+|approx\.?\s+)?\d+\s*(?:min(?:ute)?s?\.?)"
    r"|\d+\s*-?\s*min(?:ute)?s?\.?\s+read(?:ing)?(?:\s+time)?)"
)
_READ_TIME_LINE = re.compile(rf"(?P<label>.*?)[\s|·•,:\-–]*{_READ_TIME}[\s|·•]*", re.IGNORECASE)
# Links to other articles, ads and newsletter pitches: the line starts with the label.
_PROMO_LINE = re.compile(
    r"(?:read\s+(?:more|also|next|the\s+full\s+story)|also\s+read|see\s+also|related(?:\s+(?:news|"
    r"articles?|stories|coverage))?|recommended|more\s+from\s+[\w .]+|advertisement|sponsored"
    r"(?:\s+content)?|continue\s+reading|click\s+here)(?:\s*(?:[:»>|→–\-]|\.\.\.|…).*)?",
    re.IGNORECASE,
)
# A video player's captions: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 03:59"
# (CNN's pages, one line per embedded video). The titles are headlines of other stories.
_VIDEO_LINE = re.compile(
    r"(?:just\s+watched|must\s+watch|replay\s+more\s+videos)\b.*"
    r"(?:\b(?:just\s+watched|must\s+watch|replay\s+more\s+videos)\b|\b\d{1,2}:\d{2}\s*)$",
    re.IGNORECASE,
)
_SUBSCRIBE_LINE = re.compile(
    r"(?:subscribe|sign\s+up\s+(?:for|to)|join\s+our\s+newsletter|get\s+our\s+newsletter)\b.*",
    re.IGNORECASE,
)
_COOKIE_LINE = re.compile(
    r"(?:we\s+use\s+cookies|this\s+(?:web)?site\s+uses\s+cookies|by\s+continuing\s+to\s+(?:use|browse)"
    r"|(?:accept|allow|reject)\s+(?:all\s+)?cookies).*",
    re.IGNORECASE,
)
# Link lines of a consent banner, short by nature ("Cookie settings", "Manage cookie preferences").
_COOKIE_LINK_LINE = re.compile(
    r"(?:manage\s+)?cookies?(?:\s+(?:policy|settings|preferences|consent))?", re.IGNORECASE
)
# Bylines: "By Jane Doe", "Posted by ...", "Written by ...", "Author: ...". "By" must be followed
# by a capitalised word so "By the time ..." is never taken for one (it is prose anyway).
_BYLINE = re.compile(
    r"(?i:(?:posted|written|reported|words|text)\s+by\s+\S.*)"
    r"|(?i:by)\s+(?!(?i:the|a|an)\b)[A-ZÀ-Þ]\S*.*"
    r"|(?i:(?:author|authors|reporter|byline)\s*:\s*\S.*)"
)
# Debris that can be glued to the end of the last line ("…security chain.Share this Post").
_TRAILING_PHRASE = (
    r"(?:share\s+this\s+(?:post|article|story|page)|share\s+on\s+\w+|share|tweet|print|e-?mail"
    rf"|advertisement|read\s+more|related\s+(?:news|articles?|stories)|{_READ_TIME})"
)
_TRAILING_DEBRIS = re.compile(
    rf"(?<=[.!?\"”’)»])\s*(?:{_TRAILING_PHRASE}(?:[\s|·•,]+|$))+$",
    re.IGNORECASE,
)
# Lines that are only a page's furniture, never a report: captions and credits of photos, "story
# continues" markers, app and social pitches, copyright and contribution notes, separators, markup.
_FURNITURE_LINE = re.compile(
    r"(?:slideshow|gallery|photos?|images?)\s*\(\s*\d+\s+(?:images?|photos?|pictures?)\s*\)"
    r"|\(\s*[A-Z][\w.'’ -]{0,40}/[\w./'’ -]{2,60}\)|\([A-Z][\w.'’-]*\)"
    r"|(?:next|prev(?:ious)?)\s+(?:image|photo|slide)\s+\d+\s+of\s+\d+"
    r"|\(?\s*(?:photos?|videos?|gallery|slideshow|watch|listen|more|also\s+see)\s*:.*"
    r"|(?:photo|photos|video|videos|audio|graphic|image|close|ad|ads|play|loading|youtube)(?:\.{3}|…)?"
    r"|(?:story|article)\s+continue[sd]?(?:\s+below)?|continue\s+reading\s+below"
    r"|advertisement(?:\s+advertisement)*(?:\s+continue\s+reading(?:\s+the\s+main\s+story)?)?"
    r"|more\s+on\s+this(?:\.{3}|…)?|link\s+copied"
    r"|(?:click|tap)\s+(?:here|to|for)\b.*|(?:download|get)\s+(?:the|our)\s+[\w ]+\s+app\b.*"
    r"|listen\s+to\s+(?:this\s+)?article\b.*"
    r"|[-–•*]?\s*(?:follow|like|join)\b.{0,40}?\b(?:on\s+)?(?:twitter|facebook|instagram|flipboard|@\w+).*"
    r"|[-–•*]?\s*follow\s+@\w+(?:\s+follow\s+@\w+)*"
    r"|©.*|copyright\s*(?:©\s*)?(?:\d{4}|by)\b.*|.*\ball\s+rights\s+reserved\.?"
    r"|[-–—•*]?\s*(?:contributing|additional\s+reporting(?:\s+by)?|(?:reporting|editing|writing)\s+by)\s*:?\s.*"
    r"|[-–—•*]?\s*[^.!?]{2,160}?\s+contributed(?:\s+reporting)?\s+(?:to|for)\s+this\s+(?:report|story|article)\.?"
    r"|(?:analysis|opinion|commentary|editorial)(?:\s*/\s*(?:analysis|opinion))?(?:\s+contributor)?\s*:?"
    r"|\[/?[a-z]+\]|<!-*|/*-*>|[\w-]+=[\"'][^\"']*[\"']?"
    r"|this\s+(?:article|story|page)\s+is\s+(?:more\s+than\s+)?(?:\d+|an?|one)\s+\w+\s+old"
    r"|\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\s+ago"
    r"|[\W_]+",
    re.IGNORECASE,
)
# A photo's or a video's caption line, however long: NPR's "Enlarge this image toggle caption …",
# the BBC's "Image copyright … Image caption …" and "Media playback is unsupported on your device
# Media caption …" (the title of a video, often another story's).
_CAPTION_LINE = re.compile(
    r"(?:enlarge\s+this\s+image\s+)?toggle\s+caption\b.*"
    r"|image\s+(?:copyright|caption)\b.*"
    r"|media\s+playback\s+is\s+unsupported\s+on\s+your\s+device\b(?:\s*media\s+caption\b.*)?"
    r"|media\s+caption\b.*",
    re.IGNORECASE,
)
# A newsletter's sign-up box, whatever pitch comes before its consent text.
_SIGNUP_BOX = re.compile(r"\bby\s+signing\s+up,?\s+you\s+agree\b|\bunsubscribe\s+at\s+any\s+time\b", re.IGNORECASE)
# A short line naming a credit ("Jordain Carney contributed.") is furniture; a longer one is prose.
_CONTRIBUTED_LINE = re.compile(r"[-–—•*]?\s*[^.!?]{2,60}?\s+contributed\.?", re.IGNORECASE)
CONTRIBUTED_MAX_WORDS = 6
# A contact line: a short pitch with an e-mail address ("Send letters to letters@…").
_CONTACT_LINE = re.compile(
    r"[-–•*]?\s*(?:send|contact|e-?mail|write|reach|got\s+a|questions?|tips?|letters?)\b.*"
    r"[\w.+-]+@[\w-]+\.[\w.]+.*",
    re.IGNORECASE,
)
CONTACT_MAX_WORDS = 15

_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")
_LABEL_SEPARATORS = " \t|·•-–—:,"


# --------------------------------------------------------------------------- stage


def clean_document(raw: RawDocument, options: Options) -> Article | Rejected:
    """Clean one document into an Article, or say why it cannot be one.

    HTML must already be turned into text (ingest.html.html_to_document; the pipeline does it).
    """
    if raw.text is None:
        return Rejected(raw.origin, f"{raw.origin}: no text to clean")
    # Reject a huge input before cleaning it: cleaning only removes debris lines, so a text this
    # far over the limit cannot come under it, and the regexes would waste seconds on it.
    if len(raw.text) > 2 * options.max_chars:
        return _too_long(raw.origin, len(raw.text))

    text = raw.text if options.as_is else clean_text(raw.text, title=raw.title, source=raw.source)
    n = len(text)
    if not text.strip():
        return Rejected(raw.origin, f"{raw.origin}: empty after cleaning")
    if n < options.min_chars:
        return Rejected(
            raw.origin,
            f"{raw.origin}: too short for an article ({n} characters, minimum {options.min_chars})",
        )
    if n > options.max_chars:
        return _too_long(raw.origin, n)

    language = detect_language(text)
    published, published_from = raw.published, raw.published_from
    if published is None and options.published is not None:
        published, published_from = options.published, "given"
    title = raw.title if options.as_is or raw.title is None else _clean_title(raw.title)
    analysed = is_analysed(language, options.languages)
    # said per article, so that a summary's count of articles not analysed can be traced to them
    skipped = () if analysed else (f"not analysed: its language reads as {language!r} "
                                   f"(storyline analyses {', '.join(options.languages)})",)
    return Article(
        id=article_id(text),
        text=text,
        origin=raw.origin,
        url=raw.url,
        source=raw.source or source_from_url(raw.url),
        title=title or None,
        published=published,
        published_from=published_from if published is not None else None,
        language=language,
        analysed=analysed,
        warnings=raw.warnings + skipped,
    )


def _too_long(origin: str, n: int) -> Rejected:
    return Rejected(origin, f"{origin}: too long for one article ({n} characters)")


def clean_text(text: str, title: str | None = None, source: str | None = None) -> str:
    """Normalise a text and remove page debris; ``title`` and ``source`` help spot repeats."""
    return remove_debris(normalise_text(text), title=title, source=source)


# --------------------------------------------------------------------------- normalisation


def normalise_text(text: str) -> str:
    """NFC, one kind of newline, no invisible characters or emoji, single spaces, stripped lines.

    Line structure is kept as the input had it (a paragraph per line or paragraphs separated by
    blank lines): runs of blank lines become one blank line, nothing is joined or split.
    """
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _STRAY_JOINERS.sub("", _INVISIBLE.sub("", text))
    lines: list[str] = []
    for line in text.split("\n"):
        tidy = _SPACES.sub(" ", _remove_emoji(line)).strip()
        # A line that held only emoji is debris: drop it, rather than leave a blank line that
        # would split a paragraph.
        if tidy or not line.strip():
            lines.append(tidy)
    return _join_lines(lines)


def _remove_emoji(line: str) -> str:
    if not _EMOJI_RUN.search(line):
        return _STRAY_EMOJI_MARKS.sub("", line)

    def replace(m: re.Match[str]) -> str:
        before = line[m.start() - 1] if m.start() > 0 else ""
        after = line[m.end()] if m.end() < len(line) else ""
        # Keep one space between two words; none at a line edge, before "." or after "(".
        if not before or not after or after in _NO_SPACE_BEFORE or before in _NO_SPACE_AFTER:
            return ""
        return " "

    return _STRAY_EMOJI_MARKS.sub("", _EMOJI_RUN.sub(replace, line))


def _join_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue  # no leading blank line, never two in a row
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _clean_title(title: str) -> str:
    return _SPACES.sub(" ", _remove_emoji(unicodedata.normalize("NFC", _NEWLINES.sub(" ", title)))).strip()


# --------------------------------------------------------------------------- debris


def remove_debris(text: str, title: str | None = None, source: str | None = None) -> str:
    """Drop page-debris lines from normalised text; real sentences are never touched.

    Anywhere: share/social lines, read-time labels, "Read more"/"Related:"/"Advertisement"/
    "Subscribe" lines, cookie notices, photo credits, copyright and contribution notes, app
    pitches, separators; photo galleries (clean_galleries), and hover cards inside a sentence
    (clean_cards). Above the first paragraph only: outlet banners (repeated or equal to
    ``source``), bylines, and a line repeating ``title``. At the very end: a known phrase glued to
    the last sentence ("….Share this Post").
    """
    text = remove_galleries(text)
    lines = [remove_cards(line) if "MORE" in line else line for line in text.split("\n")]
    drop = {i for i, line in enumerate(lines) if line and _is_debris_line(line)}
    drop |= _header_debris(lines, drop, title, source)
    kept = [line for i, line in enumerate(lines) if i not in drop]
    _strip_trailing_debris(kept)
    return _join_lines(kept)


def _words(line: str) -> int:
    return len(line.split())


def _is_debris_line(line: str) -> bool:
    n = _words(line)
    if n > DEBRIS_LINE_MAX_WORDS:
        return False
    if _SHARE_LINE.fullmatch(line):
        return True
    m = _READ_TIME_LINE.fullmatch(line)
    if m and _is_label(m.group("label")) and _is_name_like(m.group("label")):
        return True
    if _PROMO_LINE.fullmatch(line) and n <= PROMO_MAX_WORDS:
        return True
    if _SUBSCRIBE_LINE.fullmatch(line) and n <= PROMO_MAX_WORDS:
        return True
    if _VIDEO_LINE.fullmatch(line):
        return True
    if _COOKIE_LINK_LINE.fullmatch(line):
        return True
    if n <= PROMO_MAX_WORDS and _FURNITURE_LINE.fullmatch(line):
        return True
    if _CAPTION_LINE.fullmatch(line):
        return True
    if _SIGNUP_BOX.search(line):
        return True
    if n <= CONTRIBUTED_MAX_WORDS and _CONTRIBUTED_LINE.fullmatch(line):
        return True
    if n <= CONTACT_MAX_WORDS and _CONTACT_LINE.fullmatch(line):
        return True
    return bool(_COOKIE_LINE.fullmatch(line))


def _is_label(text: str) -> bool:
    """Short and not a sentence: an outlet name, a section, nothing at all."""
    text = text.strip(_LABEL_SEPARATORS)
    return _words(text) <= LABEL_MAX_WORDS and not _SENTENCE_END.search(text)


def _is_name_like(text: str) -> bool:
    """Every word capitalised or not a word ("RKS NEWS", "Veldora Today", "|"): a banner, not a clause."""
    return all(not w[0].isalpha() or w[0].isupper() for w in text.split())


def _is_prose(line: str) -> bool:
    n = _words(line)
    return n >= PROSE_MIN_WORDS or (n >= PROSE_MIN_WORDS_WITH_STOP and bool(_SENTENCE_END.search(line)))


def _fold(text: str) -> str:
    """Comparable form of a short label: case, spacing and edge punctuation ignored."""
    return " ".join(text.casefold().split()).strip(_LABEL_SEPARATORS + ".!?\"'“”‘’")


def _label_of(line: str) -> str:
    """The line without a read-time suffix ("RKS NEWS 2 Min Read" -> "rks news"), folded."""
    m = _READ_TIME_LINE.fullmatch(line)
    return _fold(m.group("label") if m else line)


def _header_debris(lines: list[str], drop: set[int], title: str | None, source: str | None) -> set[int]:
    found: set[int] = set()
    title_key = _fold(title) if title else ""
    header: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        # The headline repeated above the body is dropped even though it reads like prose; only
        # its first copy, and only above the first paragraph.
        if title_key and not found and _fold(line) == title_key:
            found.add(i)
            continue
        if _is_prose(line) or len(header) >= HEADER_MAX_LINES:
            break
        header.append(i)

    # Labels are the short, non-sentence lines of the header (and lines already dropped, so that
    # "RKS NEWS" counts as repeated when "RKS NEWS 2 Min Read" follows it).
    labels = {i: _label_of(lines[i]) for i in header if _is_label(lines[i]) or i in drop}
    counts = Counter(label for label in labels.values() if label)
    source_keys = _source_keys(source)
    for i in header:
        line, label = lines[i], labels.get(i, "")
        repeated = bool(label) and counts[label] >= 2
        is_source = bool(label) and _compact(label) in source_keys
        # A lone all-caps label next to other debris is an outlet banner ("VELDORA TODAY" above
        # "3 Min Read"); alone, it could be a kicker worth keeping, so it needs the neighbour.
        banner = bool(label) and line.isupper() and _next_to(i, header, drop)
        byline = bool(_BYLINE.fullmatch(line)) and _words(line) <= BYLINE_MAX_WORDS
        if repeated or is_source or banner or byline:
            found.add(i)
    return found


def _compact(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _source_keys(source: str | None) -> set[str]:
    """Ways a banner can spell the outlet: "Veldora Today" for "Veldora Today" or "veldoratoday.com"."""
    if not source:
        return set()
    keys = {_compact(source)}
    host = source.casefold().removeprefix("www.")
    if "." in host and " " not in host:
        keys.add(_compact(host.rsplit(".", 1)[0]))
    return keys - {""}


def _next_to(i: int, header: list[int], drop: set[int]) -> bool:
    pos = header.index(i)
    neighbours = header[max(pos - 1, 0) : pos] + header[pos + 1 : pos + 2]
    return any(j in drop for j in neighbours)


def _strip_trailing_debris(lines: list[str]) -> None:
    """Cut known phrases glued to the end of the last line (in place: a private helper's list)."""
    last = max((i for i, line in enumerate(lines) if line), default=None)
    if last is None:
        return
    split = max(len(lines[last]) - TRAILING_WINDOW_CHARS, 0)
    head, tail = lines[last][:split], lines[last][split:]
    while True:
        cut = _TRAILING_DEBRIS.sub("", tail).rstrip()
        if cut == tail:
            break
        tail = cut
    lines[last] = (head + tail).rstrip()


# --------------------------------------------------------------------------- metadata


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, judged on its first LANGUAGE_SAMPLE_CHARS characters."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(sample.strip()) < LANGUAGE_MIN_CHARS:
        return DEFAULT_LANGUAGE
    # Imported here: the language model loads on first use (~0.5 s), which only workers that
    # actually judge a language should pay.
    import py3langid

    code, _score = py3langid.classify(sample)
    # py3langid answers in ISO 639-1 codes, and in three letters (ISO 639-3, "pcm") for a
    # language that has none: cutting those to two would name another language or none.
    return str(code).lower()


def is_analysed(language: str, languages: tuple[str, ...]) -> bool:
    """Whether storyline analyses this language, counting bs/hr/sr as one language."""
    if language in languages:
        return True
    return any(language in group and not group.isdisjoint(languages) for group in LANGUAGE_GROUPS)


def source_from_url(url: str | None) -> str | None:
    """The domain of a URL without "www.", as the outlet's name when nothing better is known."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a malformed URL (bad port, stray bracket) names no outlet
        return None
    if not host:
        return None
    return host.removeprefix("www.")
