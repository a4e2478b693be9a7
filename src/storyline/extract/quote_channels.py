"""Where a statement was made: "wrote on X", "told Koha Ditore", "at a press conference".

Reads the dependents of the cue verb (never the quoted content), and ranks what it finds: a
named platform beats a named outlet, which beats an occasion or document ("statement").
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from typing import TYPE_CHECKING

from ..gazetteer import PLATFORMS
from .quote_clauses import attributed_cue, source_phrase
from .quote_lexicon import (
    BARE_CHANNEL_NOUNS,
    CHANNEL_NOUNS,
    MEDIA_NOUNS,
    OUTLET_NAME_WORDS,
    PLATFORM_CUES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Prepositions that introduce where something was said: "on X", "in a statement", "at a rally",
# "by text message".
CHANNEL_PREPS = frozenset({"on", "in", "at", "during", "via", "through", "over", "by"})
# A plural of initials names people, not an outlet: "told MPs", "CEOs".
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Days and months: "said on Wednesday" names a date even where NER missed it, never an outlet.
CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "today", "yesterday", "tonight", "weekend"})
# Prepositions that name the outlet of an interview or a post: "interview with N1", "post on X".
OUTLET_PREPS = frozenset({"with", "to", "on", "for", "in"})
# Entity types that can be an outlet: a newspaper or broadcaster (ORG), a programme (WORK_OF_ART).
OUTLET_TYPES = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
# Verbs whose object is the audience: "told Koha Ditore", "gave CNN an interview".
AUDIENCE_VERBS = frozenset({"tell", "give"})
# Verbs by which an outlet relays a statement: "as quoted by Serbian media".
RELAY_VERBS = frozenset({"quote", "cite", "report"})
# Participles before a speech verb that set where it was said: "Speaking on X, she said".
SPEAKING_VERBS = frozenset({"speak", "talk", "write", "address", "appear"})
# Verbs whose "to" takes the outlet spoken to ("speaking to the BBC"); one writes or appears to
# anybody.
INTERVIEW_VERBS = frozenset({"speak", "talk"})
# Words of bodies one speaks to in person, never outlets: "speaking to the European Parliament".
AUDIENCE_BODY_WORDS = frozenset({
    "parliament", "assembly", "senate", "congress", "council", "committee", "commission", "conference",
    "summit", "forum", "nations", "union", "court", "ministry", "government", "cabinet", "caucus",
    "university", "college", "school", "club", "chamber", "house", "delegation", "board",
})
# Rank of each kind of channel; the lowest wins.
RANK_PLATFORM, RANK_OUTLET, RANK_OCCASION, RANK_CUE = 0, 1, 2, 3


def _platform(tokens: list[Token]) -> str | None:
    """The platform named among tokens ("social media platform X" -> X), by one or two words."""
    for i, t in enumerate(tokens):
        if t.text.rstrip(".") == "X":  # case matters: "x" is a letter, "X" the platform
            return "X"
        low = t.lower_
        if i + 1 < len(tokens):
            pair = f"{low} {tokens[i + 1].lower_}"
            if pair in PLATFORMS:
                return PLATFORMS[pair]
        if low in PLATFORMS and low != "x":
            return PLATFORMS[low]
    return None


def _strip_article(text: str) -> str:
    """Drop a leading "the"/"a" from a phrase."""
    for article in ("the ", "The ", "a ", "an "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _outlet(doc: Doc, tok: Token, types: Mapping[int, tuple[int, int, str]]) -> str | None:
    """The outlet a noun names: an ORG mention ("Koha Ditore", "CNN"), any name followed by a
    media apposition ("Koha Ditore, a Kosovo-based daily"), or "Serbian media"; never a day or
    month NER missed ("on Wednesday") nor people named by a plural ("told MPs")."""
    if tok.lower_ in CALENDAR_WORDS or (tok.tag_ == "NNPS" and tok.lower_ not in OUTLET_NAME_WORDS) \
            or PLURAL_ACRONYM.fullmatch(tok.text):
        return None
    mention = types.get(tok.i)
    appos_media = any(c.dep_ == "appos" and c.lemma_.lower() in MEDIA_NOUNS for c in tok.children)
    if mention is not None and (mention[2] in OUTLET_TYPES or appos_media or _outlet_name(doc, mention)):
        span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
        return _strip_article(span.text) if span is not None else None
    if tok.pos_ == "PROPN" and (appos_media or mention is None):
        first = min((c.left_edge.i for c in tok.lefts if c.dep_ == "compound"), default=tok.i)
        while first < tok.i and ("\n" in doc[first:tok.i].text or doc[first].lower_ in CALENDAR_WORDS):
            first += 1  # a name never runs over a line break or starts with a day ("Tuesday\n\nKarst")
        return _strip_article(doc[first:tok.i + 1].text)
    if tok.lower_ in MEDIA_NOUNS and any(c.dep_ in ("amod", "compound") for c in tok.lefts):
        return channel_phrase(doc, tok)
    return None


def _outlet_name(doc: Doc, mention: tuple[int, int, str]) -> bool:
    """Whether a proper name reads as an outlet's ("Kasgrad Herald", "Radio Veldan")."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" and t.is_title and t.lower_ in OUTLET_NAME_WORDS
                                    for t in span)


def channel_phrase(doc: Doc, head: Token) -> str:
    """A channel noun with the words that make it specific: "press conference", "social media"."""
    keep = {"compound"} | ({"amod", "compound"} if head.lower_ in BARE_CHANNEL_NOUNS | MEDIA_NOUNS else set())
    first = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in keep or child.right_edge.i != first - 1:
            break
        first = child.left_edge.i
    return doc[first:head.i + 1].text


def _from_pobj(doc: Doc, pobj: Token, prep: str, types: Mapping[int, tuple[int, int, str]],
               ) -> tuple[int, str] | None:
    """The channel a prepositional object names, with its rank."""
    platform = _platform(list(pobj.subtree)) if prep in ("on", "in", "via", "over") else None
    if platform is not None:
        return RANK_PLATFORM, platform
    noun = pobj.lower_
    if noun in CHANNEL_NOUNS or pobj.lemma_.lower() in CHANNEL_NOUNS:
        for p in pobj.children:
            if p.dep_ == "prep" and p.lower_ in OUTLET_PREPS:
                for o in p.children:
                    outlet = _outlet(doc, o, types) if o.dep_ == "pobj" else None
                    if outlet is not None:
                        return RANK_OUTLET, outlet
        if noun in BARE_CHANNEL_NOUNS and not any(c.dep_ in ("amod", "compound") for c in pobj.lefts):
            return None
        return RANK_OCCASION, channel_phrase(doc, pobj)
    if prep == "on":
        outlet = _outlet(doc, pobj, types)
        # "On Sunday Çavuşoğlu said": the parser hung the speaker on the day's "on"
        # ("On Sunday's Meet the Press" is a show: a possessive day stays)
        dated = pobj.ent_type_ in ("DATE", "TIME") or any(
            c.dep_ == "compound" and c.ent_type_ in ("DATE", "TIME") for c in pobj.lefts)
        if outlet is not None and not dated:
            return RANK_OUTLET, outlet
    return None


def _appeal(verb: Token, prep: Token) -> bool:
    """Whether "on" names whom a speaker calls on to act ("called on the EU to take in
    refugees"), not where it was said ("said on X")."""
    return verb.lemma_.lower() == "call" and prep.lower_ in ("on", "upon") and any(
        c.dep_ in ("xcomp", "advcl") and c.i > prep.i for c in verb.children)


def find_channel(doc: Doc, cue: Token, content: Container[int],
                 types: Mapping[int, tuple[int, int, str]]) -> str | None:
    """The channel of the statement whose cue is ``cue``; ``content`` holds the token indices of
    what was said (never searched), ``types`` maps token index -> (start, end, type) of its
    mention."""
    found: list[tuple[int, str]] = []
    verbs = [cue]
    if cue.dep_ in ("advcl", "xcomp", "conj") and cue.head.pos_ in ("VERB", "AUX"):
        verbs.append(cue.head)  # "said in a statement, adding that ..."
    # "Speaking on BBC Radio 4's Today programme, Olsen said ...": the participle says where
    # (or "Olsen, speaking at a press conference, said")
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    verbs += [c for h in [cue, *subjects] for c in h.children
              if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" and c.lemma_ in SPEAKING_VERBS and c.i not in content]
    for verb in verbs:
        for child in verb.children:
            if child.i in content:
                continue
            if child.dep_ == "prep" and child.lower_ in CHANNEL_PREPS and not _appeal(verb, child):
                for pobj in child.children:
                    # an object past a line break is a misparse of the next paragraph's first word
                    joined = pobj.dep_ == "pobj" and "\n" not in doc[child.i:pobj.i].text
                    hit = _from_pobj(doc, pobj, child.lower_, types) if joined else None
                    if hit is not None:
                        found.append(hit)
            elif child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_ in INTERVIEW_VERBS:
                for pobj in child.children:  # "speaking to the BBC"
                    outlet = _outlet(doc, pobj, types) if pobj.dep_ == "pobj" else None
                    if outlet is not None and not AUDIENCE_BODY_WORDS.intersection(outlet.lower().split()):
                        found.append((RANK_OUTLET, outlet))
            elif child.dep_ in ("dobj", "dative") and verb.lemma_ in AUDIENCE_VERBS:
                outlet = _outlet(doc, child, types)
                if outlet is not None:
                    found.append((RANK_OUTLET, outlet))
            elif child.dep_ == "advcl" and child.lemma_ in RELAY_VERBS:
                for agent in child.children:
                    for pobj in agent.children if agent.dep_ == "agent" else ():
                        found.append((RANK_OUTLET, _outlet(doc, pobj, types) or _strip_article(
                            doc[pobj.left_edge.i:pobj.right_edge.i + 1].text)))
    for t in cue.subtree:
        # "Dravic said, according to RTV" / "..., according to a statement": where it was reported.
        phrase = source_phrase(t) if t.lower_ == "according" and t.i not in content else None
        owner = attributed_cue(t) if phrase is not None else None
        if phrase is not None and owner is not None and owner.i == cue.i:
            hit = _from_pobj(doc, phrase[1], "on", types)
            if hit is not None:
                found.append(hit)
    if cue.lemma_ in PLATFORM_CUES:
        found.append((RANK_CUE, PLATFORM_CUES[cue.lemma_]))
    return min(found, key=lambda f: f[0])[1] if found else None
