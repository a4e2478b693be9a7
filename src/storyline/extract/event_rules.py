"""Event mentions in one sentence, read off the dependency parse: trigger and type, who acts on
whom (source, target, mediator, participant), whether it happened, when, where and about what.

A mention is one report of an event in one place of the text; events.py merges the mentions of
one article that report the same event ("held a trilateral meeting" ... "the talks took place").
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..gazetteer import SETTLEMENT_NOUNS, country_of_state
from ..model import Count, DateValue, Place, most_telling_mode
from .event_context import (
    PLACE_TYPES,
    DocContext,
    TimexAt,
    Who,
    bounded_subtree,
    coarser_than_year,
    conjuncts,
    mention_type,
    np_extent,
    resolve,
    same_segment,
    speaker_at,
    speaker_of_verb,
    where_not_who,
    who_at,
)
from .event_lexicon import Lexicon
from .event_triggers import (
    GIVEN_TYPES,
    HAVING_VERBS,
    MEETING_ADJECTIVES,
    OBJECT_DEPS,
    PRESS_WORDS,
    SPEECH_CARRIERS,
    SUBJECT_DEPS,
    Trigger,
    captive_of,
    classify_token,
    fight_sides,
    noun_entry,
    partner_after_object,
    verb_object_entry,
)
from .event_triggers import _lemma as _lemma
from .time import OCCASION_PREPS, occasion_verb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONAL_MODALS = frozenset({"would", "could", "might", "may", "can", "'d", "ca"})
OBLIGATION_MODALS = frozenset({"must", "should"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# Clauses that leave open whether something happens: conditions and "whether he supports them".
OPEN_MARKS = CONDITIONAL_MARKS | {"whether"}
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"})
ANAPHORIC_PRONOUNS = frozenset({"it", "this", "that", "they", "these"})
# Outside quotation marks, "you" is the page talking to its reader (sign-up forms, privacy and
# cookie notices, how-to boxes: "By signing up you agree to our Terms of Use"), never a party.
READER_PRONOUNS = frozenset({"you", "yourself", "yourselves"})
# Verbs that pass their object, not their subject, to an infinitive: "urged Serbia to talk".
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "order",
        "force",
        "allow",
        "permit",
        "invite",
        "encourage",
        "press",
        "pressure",
        "persuade",
        "call",
        "want",
        "tell",
        "instruct",
        "compel",
        "help",
        "require",
        "expect",
        "advise",
        "warn",
        "push",
        "appeal",
        "implore",
        "enable",
        "authorize",
        "authorise",
        "empower",
        "prompt",
        "lead",
        "cause",
        "convince",
        "spur",
        "drive",
        "direct",
        "task",
        "tap",
        "challenge",
        "beg",
        "oblige",
        "plead",
    }
)
# Events a third party can host or broker ("Egypt brokered a truce"): one who "convened an
# inquiry" leads it, no mediator.
BROKERED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "RETREAT"})
# Meeting verbs whose subject hosts or brings others together: a mediator, not a side.
MEDIATING_VERBS = frozenset(
    {
        "host",
        "mediate",
        "facilitate",
        "chair",
        "co-chair",
        "convene",
        "broker",
        "bring",
        "organize",
        "organise",
        "moderate",
        "sponsor",
    }
)
# How far after an event noun a pronoun may say it did not happen ("..., but it couldn't happen").
FAILURE_WINDOW = 30
# Frame verbs that plan a meeting they announce, but do what else they announce ("announced a
# suspension of air links", "declared a ceasefire").
ANNOUNCING = frozenset({"announce", "declare", "propose"})
# Participles that describe their subject's stance: "is opposed to", "is committed to".
STATE_PASSIVES = frozenset(
    {"oppose", "commit", "prepare", "determine", "dedicate", "devote", "resolve", "set"}
)
# Nouns after "in" that say what an act answers: "in protest of", "in defiance of".
RESPONSE_NOUNS = frozenset(
    {"protest", "defiance", "opposition", "response", "retaliation", "reaction", "solidarity"}
)
# RETREAT modes whose passive subject is the one retreating ("were demobilized", "was withdrawn");
# in the others it is acted on ("were freed", "was repatriated").
SELF_RETREATS = frozenset({"withdraw", "disarm", "resign", None})
# Nouns for armed forces: withdrawn or deployed, their owner acts ("withdraw US troops" is
# something the US does, not something done to it).
FORCE_NOUNS = frozenset({
    "troop", "force", "soldier", "army", "military", "personnel", "contingent", "battalion", "unit", "brigade",
    "warship", "navy", "jet", "aircraft", "peacekeeper", "marine",
})
# How many tokens after a trigger a target the parser did not attach may be looked for.
LINEAR_TARGET_WINDOW = 10
LINEAR_PREPS = frozenset({"to", "against", "with", "from", "on", "upon", "at", "into", "up", "as"})
# Punctuation after which a new clause or an aside begins ("will pull out – even though the rebels ...").
CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "--"})
# How far back a subject the parser missed may be looked for.
LEFT_SUBJECT_WINDOW = 8
# A topic longer than this many tokens is cut: a topic is a short noun phrase, not a clause.
MAX_TOPIC_TOKENS = 14
# Prepositions that introduce the party an event is aimed at, by event type (tried in order).
TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("with", "between", "to"),
    "REQUEST": ("on", "upon", "to", "from", "of", "with"),  # "pleaded with Republicans to act"
    "ACCUSE": ("against", "at", "over", "about", "on", "to"),
    "REJECT": ("by", "from", "of", "to"),
    "THREATEN": ("against", "with", "to", "on"),
    "AID": ("to", "for"),
    "SANCTION": ("on", "against", "with", "to", "from", "of"),
    "COERCE": ("on", "against", "in", "of"),
    "ASSAULT": ("on", "against", "at", "in", "into", "near", "of"),
    "PROTEST": ("against", "outside", "over"),
    "AGREE": ("with", "to", "for"),
    "SUPPORT": ("with", "to", "for", "of"),
    "CONCEDE": ("to", "for", "in"),
    "COOPERATE": ("with", "to"),
    "RETREAT": ("from", "to", "in", "of"),
    "MOBILIZE": ("against", "in", "to", "near"),
    "STATEMENT": (),
}
# Punctuation that ends a topic phrase.
PHRASE_BREAKS = frozenset({",", ";", "(", ")", "—", "–", ":", "“", "”", '"'})
QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’"})
# Punctuation that joins the parts of one word ("large-scale", "and/or").
WORD_JOINERS = frozenset({"-", "/"})
OPENING_QUOTES = frozenset({"“", "‘"})
# Prepositions whose objects inside a complement may be its target ("ready to host a meeting
# between A and B": the sides of the meeting).
DEEP_PREPS = frozenset({"to", "with", "against", "from", "for", "on", "into", "between"})
# The same, inside an event noun, whose 'for' and 'on' phrases are its topic ("demand for ...").
PARTY_PREPS = frozenset({"to", "with", "against", "from", "into"})
# Prepositions tried for a target when the type's own found none.
FALLBACK_PREPS = ("against", "on", "to", "with", "from", "at")
# Types whose acts fall on a place when they fall on no named party.
MATERIAL_TYPES = frozenset(
    {"ASSAULT", "COERCE", "RETREAT", "MOBILIZE", "SANCTION", "AID", "PROTEST", "CONCEDE"}
)
# Prepositions after a trigger that introduce what it is about.
TOPIC_PREPS = ("for", "on", "about", "over", "of", "regarding", "concerning")
# Nouns that make such a phrase a circumstance, not a topic: "met for the first time", "on the
# sidelines of the summit", "on his arrival in Brussels", "on behalf of the government".
CIRCUMSTANCE_NOUNS = frozenset({
    "sideline", "sidelines", "margin", "margins", "behalf", "arrival", "return", "departure", "way",
    "eve", "occasion", "heel", "heels", "phone", "telephone", "part", "side", "instruction",
    "instructions", "invitation", "initiative", "time",
})
# Places: "in Brussels", "at the border crossing".
PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside", "into"})
# Prepositions before which a one-word name is a place even when tagged as a person.
PERSONLESS_PREPS = frozenset({"in", "inside", "outside"})
# How many clauses or 'of' phrases deep a place may hang below the trigger.
PLACE_DEPTH = 2
# Types whose target is rarely a person or country the text names ("demanded elections").
VERBAL_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "STATEMENT"})


@dataclass(frozen=True, slots=True)
class MentionActor:
    """An actor of a mention with its role."""

    who: Who
    role: str


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report of an event at one place in the text, with everything read from its sentence."""

    type: str
    mode: str | None
    status: str
    start: int  # char offsets of the trigger (the evidence)
    end: int
    sentence_start: int
    sentence_end: int
    sentence: int  # index of the sentence in the document
    token: int
    actors: tuple[MentionActor, ...]
    date: DateValue | None = None
    date_text: str | None = None
    date_rank: int = 0  # 3: its own clause, 2: its sentence, 1: the publication date, 0: none
    place: Place | None = None
    topic: str | None = None
    anaphoric: bool = False  # "the talks", "it": points back at an event named before
    antecedent: int | None = None  # char offset of the last earlier use of the noun an anaphor repeats
    bare: bool = False  # names no party: may belong to an event named before
    # awaited as a condition ("until the commission meets"), not announced: nothing refers back to it
    contingent: bool = False
    quote: int = -1  # index of the quotation it is in, -1 outside quotes
    speech: int | None = None  # the speech verb it is the content of, if any
    counts: tuple[Count, ...] = ()  # how many, how long (event_counts.py)


# Mentions further apart than this many sentences are never taken for one event: news articles
# return to an event within a few paragraphs, and a wide window merges distinct meetings.
MERGE_WINDOW_SENTENCES = 6


# ----------------------------------------------------------------------------- helpers


def _children(t: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def _negated(t: Token) -> bool:
    """'did not', 'never', 'no' on this token; not 'did not just attack', which says it did more."""
    for c in t.children:
        if c.dep_ == "det" and c.lower_ == "no":
            return True
        if c.dep_ == "neg" and not _merely_after(c):
            return True
    return False


# Adverbs that turn "not" into "not only": "didn't just attack the DNC, they went after ...".
NOT_ONLY = frozenset({"just", "only", "merely", "simply", "solely"})


def _merely_after(neg: Token) -> bool:
    """'not just', 'not only', 'not merely': the word right after the negation."""
    nxt = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in NOT_ONLY


def _modal(t: Token) -> str | None:
    """The modal auxiliary of this verb, lower case ('will', 'would', 'must')."""
    for c in t.children:
        word = c.lower_.replace("’", "'")  # "they’ll" is "they'll"
        if c.dep_ == "aux" and (c.tag_ == "MD" or word in FUTURE_MODALS):
            return word
    return None


def _passive(t: Token) -> bool:
    """'was freed', 'sanctions were imposed', and a participle clause with its agent ('Funded by
    Bolivia, the militia ...'); not one that describes a noun ('a meeting hosted by the envoy')."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children) or (
        t.tag_ == "VBN" and t.dep_ == "advcl" and any(c.dep_ == "agent" for c in t.children)
    )


def _in_conditional(t: Token) -> bool:
    """Whether t sits in an 'if'/'unless'/'whether' clause (or is the head such a clause conditions),
    or in one that says the same without 'if': "should the president lose", "in case he pardons him"."""
    node = t
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in OPEN_MARKS for c in node.children) or _open_without_if(node):
            return True
        governing = _gerund_governor(node)
        if governing is not None:
            node = governing  # "if the US provided guarantees by removing its troops"
            continue
        if node.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
    return False


# Auxiliaries that open a condition when they come before their subject: "Should talks fail, ...",
# "Had he known, ...", "Were the court to rule ...".
INVERTED_CONDITIONS = frozenset({"should", "had", "were"})


def _open_without_if(v: Token) -> bool:
    """A clause that is a condition without 'if': an auxiliary before its subject ("should the
    president lose") or 'in case' ("in case Trump pardons him")."""
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if v.dep_ in ("acl", "relcl") and v.head.lower_ == "case" and v.head.head.lower_ == "in":
        return True  # "to face prison in case Trump pardons him", the clause hung on "case"
    if subj is None or v.dep_ not in ("advcl", "ccomp", "conj"):
        return False
    first = subj.left_edge.i
    if first >= 2 and v.doc[first - 2].lower_ == "in" and v.doc[first - 1].lower_ == "case":
        return True  # "in case Trump pardons him", with "in case" hung elsewhere
    for c in v.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTED_CONDITIONS and c.i < subj.i:
            return True
        if c.dep_ == "prep" and c.lower_ == "in" and c.i < subj.i and any(g.lower_ == "case" for g in c.children):
            return True
    return False


def _conditioned(v: Token) -> bool:
    """A verb with an 'if' or 'unless' clause of its own: "they would destroy him, if it wasn't for
    your show" says what would happen, not what anyone plans."""
    return any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS for g in c.children)
        for c in v.children
    )


def _past(t: Token) -> bool:
    return t.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children
    )


def _span_text(toks: list[Token]) -> str:
    """The text from the first to the last token, as written."""
    if not toks:
        return ""
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.doc[first.i : last.i + 1].text  # not doc.text, which rebuilds the whole string


# ----------------------------------------------------------------------------- speech


def reporting_verb(lex: Lexicon, t: Token) -> Token | None:
    """The speech verb whose reported content t is in ('said the delegation reiterated ...')."""
    node = t
    for _ in range(8):
        if node.head.i == node.i:
            return None
        dep = node.dep_
        node = node.head
        if _lemma(node) in lex.speech and dep in ("ccomp", "parataxis", "advcl", "xcomp", "conj", "dobj"):
            return node
    return None


def speaker_for(ctx: DocContext, t: Token) -> tuple[Who | None, int | None]:
    """Who says what t is part of (quotation first, then reported speech) and the speech verb."""
    verb = reporting_verb(ctx.lex, t)
    if verb is not None:
        who = speaker_of_verb(ctx, verb)
        if who is not None:
            return who, verb.i
    return speaker_at(ctx, t.i), verb.i if verb is not None else None


# ----------------------------------------------------------------------------- arguments


def subjects(t: Token, skip: tuple[int, int] = (0, 0)) -> tuple[list[Token], bool]:
    """The subject tokens of a predicate (through control, coordination and relative clauses) and
    whether the predicate is passive (then they are its patients); a subject in `skip` (the
    dateline's tokens) only when there is no other."""
    node = t
    # "were rounded up and shot", "is thought to have been killed": passive without a subject of its own
    passive = _passive(t) or _shared_passive(t)
    for _ in range(6):
        subs = _children(node, SUBJECT_DEPS)
        if subs:
            # a dateline the parser made a second subject ("BRUSSELS, May 3 – The envoy met ...")
            # is where the report was filed; the clause's own subject is the other one
            s = next((c for c in subs if not skip[0] <= c.i < skip[1]), subs[0])
            if s.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return [node.head], passive
            return [s], passive
        if node.dep_ in ("relcl", "acl") and _infinitive(node) and node.head.dep_ == "attr" and (
            _lemma(node.head.head) == "be"
        ):
            # "Pompeo is the highest official to meet with a North Korean leader": what is said of
            # the noun is said of the copula's subject
            return _children(node.head.head, frozenset({"nsubj"}))[:1], passive
        if node.dep_ == "relcl":
            return [node.head], passive
        if node.dep_ == "acl" and node.tag_ == "VBG" and _authored(node.head):
            node = node.head.head  # "the committee sent Trump a letter requesting ...": the sender asks
            continue
        if node.dep_ == "acl":
            return ([node.head], passive) if node.tag_ == "VBG" else ([], False)
        if node.dep_ in ("acomp", "attr", "oprd") and node.head.i != node.i:
            node = node.head  # "France is ready to contribute"
            continue
        purpose = node.dep_ == "advcl" and _to_marked(node)
        if node.dep_ == "xcomp" or (node.dep_ == "advcl" and node.tag_ == "VBG") or purpose:
            head = node.head
            objs = _children(head, frozenset({"dobj", "obj"}))
            if _lemma(head) in OBJECT_CONTROL and objs:
                return [objs[0]], False
            if _lemma(head) in OBJECT_CONTROL and (asked := _asked_by_preposition(head)) is not None:
                return [asked], False
            if (given := _task_left_to(node)) is not None:
                return [given], False  # "leaving it to Trump to negotiate": Trump negotiates
            owner = _absolute_subject(head)
            if owner is not None:
                return [owner], False
            node = head
            continue
        if node.dep_ == "pcomp" and (done_to := _object_of_gerund(node)) is not None:
            return [done_to], False
        if node.dep_ == "pcomp" and (owner := _owner_of_noun(node)) is not None:
            return [owner], False  # "Trump's motivation in striking a deal": Trump strikes it
        if node.dep_ == "pcomp" and node.head.lower_ in MEANS_PREPS and _passive(node.head.head):
            return [], False  # "civilians were killed in shelling": the victims did not shell
        if node.dep_ in ("conj", "pcomp", "prep") and node.head.i != node.i:
            node = node.head  # "resorted to throwing stones"
            continue
        break
    return [], passive


# Prepositions that name whom a verb of asking asks: "pleaded with", "appealed to", "called on".
ASKED_PREPS = ("with", "to", "on", "upon")


def _asked_by_preposition(verb: Token) -> Token | None:
    """The one asked, where a preposition names them ("pleaded with Republicans to investigate",
    "called on Serbia to withdraw"): they are to do what the infinitive says."""
    return next((o for o in prep_objects(verb, ASKED_PREPS)
                 if o.i > verb.i and o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN", "PRON")), None)


# What one writes, passes or files that then says, asks or threatens in its author's name.
AUTHORED_NOUNS = SPEECH_CARRIERS | frozenset({
    "resolution", "petition", "bill", "note", "communique", "declaration", "complaint", "lawsuit", "suit",
    "filing", "motion", "appeal", "amendment", "order",
})
# Verbs by which the subject is the author of such a text.
AUTHORING_VERBS = frozenset({
    "send", "write", "issue", "pass", "adopt", "release", "publish", "file", "sign", "post", "submit",
    "deliver", "pen", "draft", "introduce", "approve", "unveil", "give", "make", "air", "run", "tweet",
})


def _authored(noun: Token) -> bool:
    """A text its clause's subject wrote and sent ("sent Trump a letter requesting", "passed a
    resolution condemning"); not one received or read ("received a letter requesting")."""
    return (
        _lemma(noun) in AUTHORED_NOUNS
        and noun.dep_ in ("dobj", "obj")
        and noun.head.i != noun.i
        and _lemma(noun.head) in AUTHORING_VERBS
    )


def _task_left_to(v: Token) -> Token | None:
    """Whom "leave it to X to do" hands the task an infinitive names: X, or None."""
    if v.dep_ not in ("advcl", "xcomp") or not _to_marked(v) or _lemma(v.head) != "leave":
        return None
    return next((g for c in v.head.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"), None)


def _to_marked(v: Token) -> bool:
    """Whether a verb is a to-infinitive ("to meet", "was to begin", "to agree on")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _infinitive(v: Token) -> bool:
    """A to-infinitive without a subject of its own ("the first official to meet ...")."""
    return _to_marked(v) and not any(
        c.dep_ in SUBJECT_DEPS for c in v.children
    )


def _owner_of_noun(pcomp: Token) -> Token | None:
    """The possessor of the noun a gerund's 'in' hangs from: "Trump's motivation in striking a
    deal", "Russia's role in arming the rebels"."""
    prep = pcomp.head
    noun = prep.head
    if prep.lower_ != "in" or noun.i == prep.i:
        return None
    if noun.pos_ in ("VERB", "AUX"):
        # "understood Trump's motivation in striking a deal", the phrase hung on the verb
        noun = next((c for c in noun.children if c.dep_ in ("dobj", "obj") and c.i == prep.i - 1), noun)
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def _shared_passive(t: Token) -> bool:
    """A participle coordinated with a passive verb, with no auxiliary or subject of its own:
    "two fishermen were detained and beaten" (beaten, too, is done to them)."""
    if t.dep_ != "conj" or t.tag_ != "VBN" or t.head.i == t.i:
        return False
    own = {"aux", "auxpass", "nsubj", "nsubjpass"}
    return not any(c.dep_ in own for c in t.children) and _passive(t.head)


def _absolute_subject(head: Token) -> Token | None:
    """'With floods and strikes threatening to undo the reform, the bishops warned ...': a clause
    hanging from a preposition that has its own object is said of that object, not of the main
    clause's subject."""
    if head.pos_ != "ADP":
        return None
    return next((c for c in head.children if c.dep_ == "pobj"), None)


# Prepositions of a gerund that is how or amid what a passive verb's subject suffered.
MEANS_PREPS = frozenset({"in", "by", "during", "amid"})
# Prepositions after a verb and its object that introduce what the object did or does: "accused
# Chile of arming", "thanked Peru for helping", "stopped the troops from entering".
GERUND_PREPS = frozenset({"of", "for", "from", "against", "into", "with", "about", "on"})


def _object_of_gerund(pcomp: Token) -> Token | None:
    """The object of the verb a gerund's preposition hangs from: in "Bolivia accused Chile of
    arming the smugglers" Chile does the arming. None when the verb has no object ("resorted to
    throwing stones": the subject throws)."""
    prep = pcomp.head
    if prep.lower_ not in GERUND_PREPS or prep.head.i == prep.i or prep.head.pos_ != "VERB":
        return None
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "obj")), None)


def agents(t: Token) -> list[Token]:
    """'by X' of a passive verb or an event noun, and 'at the hands of X'."""
    out: list[Token] = []
    for c in t.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            out.extend(_children(c, frozenset({"pobj"})))
        elif c.dep_ == "prep" and c.lower_ == "at":
            hands = [g for g in c.children if g.dep_ == "pobj" and g.lower_ == "hands"]
            owners = [g for h in hands for g in h.children if g.dep_ == "prep" and g.lower_ == "of"]
            out.extend(o for g in owners for o in _children(g, frozenset({"pobj"})))
    return out


# Where something is said or shown, never whom it is aimed at: "fired back at critics on Twitter".
CHANNEL_WORDS = frozenset({
    "twitter", "facebook", "instagram", "youtube", "tiktok", "television", "tv", "radio", "air", "airwaves",
    "podcast", "camera", "tape", "video", "website", "blog", "truth",
})


def prep_objects(t: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the given prepositions attached to t, in the order of `preps` (not a channel
    after 'on': "on Twitter", "on television")."""
    found: list[tuple[int, Token]] = []
    order = {p: k for k, p in enumerate(preps)}
    for c in t.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in order:
            found.extend(
                (order[c.lower_], g)
                for g in c.children
                if g.dep_ in ("pobj", "pcomp")
                and not (c.lower_ == "on" and g.lower_ in CHANNEL_WORDS)
                and not (c.lower_ == "with" and _brought_along(g))
            )
    return [g for _, g in sorted(found, key=lambda p: p[0])]


def _brought_along(t: Token) -> bool:
    """'attend the session with the same delegation', 'came with its own proposals': what one
    brings, not whom one meets."""
    return any(c.dep_ == "amod" and c.lower_ in ("same", "own") for c in t.children)


def _actors_of(
    ctx: DocContext, toks: list[Token], speaker: Who | None, anchor: int | None = None
) -> list[Who]:
    """The actors named by argument tokens (in the anchor's sentence, when one is given)."""
    out: list[Who] = []
    for t in toks:
        if anchor is None or same_segment(ctx, anchor, t.i):
            out.extend(resolve(ctx, t, speaker))
    return out


def _owners_of_event(ctx: DocContext, n: Token, speaker: Who | None) -> list[Who]:
    """Whose an event noun is: its possessor, a named modifier or its 'by' phrase ("Israel's
    strikes", "Russian shelling", "strikes by the coalition")."""
    out: list[Who] = []
    for c in n.children:
        if c.dep_ == "poss":
            out.extend(resolve(ctx, c, speaker))
        elif c.dep_ in ("compound", "amod", "nmod") and not where_not_who(ctx, c):
            # "Russian drone strikes" is often parsed with "Russian" on "drone"
            for m in (c, *(g for g in c.children if g.dep_ in ("amod", "compound"))):
                who = who_at(ctx, m.i) if mention_type(ctx, m.i) is not None else None
                if who is not None:
                    out.append(who)
                    break
    return out + _actors_of(ctx, agents(n), speaker)


def _inner_actors(ctx: DocContext, t: Token) -> list[Who]:
    """Actors named inside a non-actor noun phrase: 'North Korea's demand', 'an Indian proposal'."""
    near = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod") and not where_not_who(ctx, c)]
    for c in near:
        if c.i != t.i and mention_type(ctx, c.i) is not None:
            who = who_at(ctx, c.i)
            if who is not None:
                return [who]
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for g in c.children:
                if g.dep_ == "pobj":
                    found = [w for w in resolve(ctx, g) if w.named]
                    if found:
                        return found
    return []


# ----------------------------------------------------------------------------- the sentence


@dataclass
class _Found:
    trig: Trigger
    absorbed: bool = False
    complement: Token | None = None  # the clause or noun an intent verb takes as its topic
    subject_event: Token | None = None  # an event noun that is the subject of this verb


def sentence_triggers(ctx: DocContext, sent: Span) -> dict[int, _Found]:
    """Every trigger in a sentence, keyed by predicate token, before any is emitted."""
    lex = ctx.lex
    found: dict[int, _Found] = {}
    for t in sent:
        trig = classify_token(lex, t)
        if trig is not None:
            found[t.i] = _Found(trig)
    # light verbs took their event nouns: do not read those nouns again
    taken = {f.trig.noun for f in found.values() if f.trig.noun is not None}
    for t in sent:
        if t.i in found or t.i in taken:
            continue
        entry = noun_entry(lex, t)
        if entry is not None:
            found[t.i] = _Found(Trigger(entry[0], entry[1], "noun", t.i, t.i, *_noun_extent(t)))
    return found


def _noun_extent(t: Token) -> tuple[int, int]:
    """Token range of an event noun: 'round of talks' reaches its 'talks'."""
    first, end = t.i, t.i + 1
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and g.i - t.i <= 3:
                    end = g.i + 1
    return first, end


def _absorb(ctx: DocContext, found: dict[int, _Found]) -> None:
    """Intent verbs take their complement as topic; nouns become events only inside a frame."""
    lex = ctx.lex
    doc = ctx.doc
    for i, f in list(found.items()):
        tr = f.trig
        if tr.intent is None and tr.kind != "adj":
            continue
        t = doc[tr.pred]
        comps = [
            c
            for c in _children(t, frozenset({"xcomp", "ccomp"}))
            if not (
                c.dep_ == "ccomp"
                and c.i > t.i
                and _lemma(c) in lex.speech
                and not any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            )
        ]  # not "..., an aide said"; but "demanded that the agency explain" asks for the explaining
        if not comps and lex.intent_kind.get(_lemma(t)) == "request" and _asks_someone(lex, t):
            # "pleaded with Republicans to investigate him": the parser hangs what is asked for
            # from the verb as if it were the asker's purpose
            comps = [c for c in _children(t, frozenset({"advcl"})) if _to_marked(c) and not _children(c, SUBJECT_DEPS)]
        obj = next((c for c in t.children if c.dep_ in ("dobj", "obj") and c.i in found), None)
        preps = [
            g
            for c in _children(t, frozenset({"prep"}))
            if c.lower_ in ("to", "on", "for", "upon")
            for g in c.children
            if g.dep_ in ("pcomp", "pobj") and g.ent_type_ not in ("DATE", "TIME")
        ]
        comp = comps[0] if comps else obj if obj is not None else preps[0] if preps else None
        if comp is None:
            continue
        f.complement = comp
        for c in conjuncts(comp):
            if c.i in found and c.i != i:
                found[c.i].absorbed = True
        # "urged X to support Y": the complement's own object noun is topic, too
        inner = next((g for g in comp.children if g.dep_ in ("dobj", "obj") and g.i in found), None)
        if inner is not None and found[inner.i].trig.kind == "noun":
            found[inner.i].absorbed = True


def _asks_someone(lex: Lexicon, verb: Token) -> bool:
    """A verb of asking that names whom it asks ("urging personnel to", "called on Iraq to",
    "pleading with her to"), not what it asks for ("ordered a pullout, only to", "summon the
    will to", "insisting on the independence to"): an infinitive after it is then what they are
    asked to do."""
    if any(c.lower_ == "for" for c in _children(verb, frozenset({"prep"}))):
        return False  # "called for a review to assess": the review is asked for
    objs = _children(verb, frozenset({"dobj", "obj"}))
    asked = objs[0] if objs else _asked_by_preposition(verb)
    return asked is not None and _addressee(lex, asked)


# Pronouns that stand for whom one asks.
ASKED_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})


def _addressee(lex: Lexicon, n: Token) -> bool:
    """Someone who can be asked to act: a named party, a pronoun for people, or a noun for
    people or bodies ("troops", "world leaders"); not "the will" or "the focus"."""
    return (n.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or n.pos_ == "PROPN" or n.lower_ in ASKED_PRONOUNS
            or _lemma(n) in lex.actor_nouns or _lemma(n) in lex.group_nouns)


def _noun_frame(ctx: DocContext, n: Token, found: dict[int, _Found]) -> Token | None:
    """The verb that says an event noun happened, is planned, failed: its predicate, or None."""
    lex = ctx.lex
    slot = _attempted(n)
    head = slot.head
    dep = slot.dep_
    up = _reduced_relative(ctx, slot)
    if up is not None:
        # "A meeting planned for Monday did not take place" parsed with "planned" as the clause's
        # subject: the verb above it frames the meeting
        head, dep = up, "nsubjpass" if slot.head.dep_ == "csubjpass" else "nsubj"
    hl = _lemma(head)
    if _names_it(head, hl) or (hl == "be" and found[n.i].trig.type == "THREATEN") or (
        hl == "call" and found[n.i].trig.type == "ACCUSE" and _definite(n)
    ):
        # ... and "calling the allegations against him dirty politics": one calls allegations
        # names, never calls them (as one calls a meeting)
        # "called the threat of a strike dangerous", "is called a threat", "the threat is not
        # over": words about a threat, no threat made
        return None
    if _particle_status(lex, head) is not None and (dep in OBJECT_DEPS or dep in SUBJECT_DEPS):
        return head  # "the talks were called off", "put off the summit"
    if dep in SUBJECT_DEPS:
        if (
            head.i in found
            and found[head.i].trig.type == found[n.i].trig.type
            and found[head.i].trig.kind != "noun"
        ):
            found[head.i].subject_event = n
            return None
        if hl in lex.occurrence:
            need = lex.occurrence[hl]
            if need in ("", "failed", "ongoing") or any(c.lower_ == need for c in head.children):
                return head
        if dep == "nsubjpass" and hl in PURPOSE_VERBS and _serves_purpose(lex, head) and not any(
            c.dep_ in ("relcl", "acl") for c in n.children
        ):
            return None  # "the deal was meant to prevent a bomb": what it is for, not whether it is
        if dep == "nsubjpass" and (hl in lex.frames or hl in lex.control):
            return head
        if hl in lex.control and any(c.dep_ == "xcomp" for c in head.children):
            return head
        if hl == "be":
            # "the meeting was to begin at two": the infinitive says what was planned, and when
            return _to_infinitive(lex, head) or head
        if found[n.i].trig.type == "ASSAULT" and hl in IMPACT_VERBS and not _negated(head):
            return head  # "Russian strikes hit Kharkiv", "shelling rocked the town": the attack landed
        return None
    if dep == "attr" and _lemma(head) == "be":
        return None if _describes_subject(ctx, n, head, found) else head
    if dep in OBJECT_DEPS and (hl in lex.frames or hl in lex.light_verbs):
        return head
    if dep == "pobj" and slot is n and _setting(n, head):
        # "the agreement came at the first trilateral meeting", "reached at yesterday's talks":
        # what was done at a meeting says the meeting took place (or will, "will sign at the summit")
        return head.head
    return None


# Verbs that, in the passive, say what a thing is for ("was meant to", "is designed to").
PURPOSE_VERBS = frozenset({"mean", "intend", "design", "aim"})


def _serves_purpose(lex: Lexicon, verb: Token) -> bool:
    """'the deal was meant to prevent a bomb': the infinitive is what the thing is for; not
    'the talks were meant to resume Monday', where it says when the thing itself was due."""
    comps = _children(verb, frozenset({"xcomp"}))
    return bool(comps) and all(
        _lemma(c) not in lex.occurrence and _lemma(c) not in lex.frames and _particle_status(lex, c) is None
        for c in comps
    )


# Nouns of trying that pass the verb's word on to the event tried: "the first attempt at a
# trilateral failed", "a bid for talks collapsed", "the effort at mediation was abandoned".
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "effort"})


def _attempted(n: Token) -> Token:
    """The token that holds an event noun's place in its clause: the noun itself, or the attempt
    it is tried in ('the attempt at a trilateral' failed: the trilateral failed)."""
    prep = n.head
    if (n.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("at", "for")
            and _lemma(prep.head) in ATTEMPT_NOUNS and prep.head.pos_ == "NOUN"):
        return prep.head
    return n


def _to_infinitive(lex: Lexicon, be: Token) -> Token | None:
    """The infinitive 'be' takes in 'was to begin', 'is to be held': one that says the event
    takes place, not what it was for ('the vetoes are to preserve ...') or what would happen to
    it ('the deal was to come up for a vote')."""
    for c in be.children:
        if c.dep_ != "xcomp" or not _to_marked(c):
            continue
        passive = any(g.dep_ == "auxpass" for g in c.children)
        if _lemma(c) in lex.occurrence or (passive and _lemma(c) in lex.frames):
            return c
    return None


def _setting(n: Token, prep: Token) -> bool:
    """'at the summit', 'during talks in Geneva': a meeting as the setting of what a verb says was
    done; not 'looking at negotiations' (an idea weighed), 'at a press conference' or 'at the
    Conservative Political Action Conference' (a named gathering, no meeting of parties)."""
    if prep.lower_ not in SETTING_PREPS or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    if _lemma(n) not in SETTING_NOUNS or (n.is_title and n.i != n.sent.start) or n.pos_ == "PROPN":
        return False
    if any(c.lower_ in PRESS_WORDS for c in n.children if c.dep_ in ("compound", "amod")):
        return False
    return prep.lower_ == "during" or any(c.dep_ in ("det", "poss") for c in n.children)


# Prepositions that set something done at a meeting: "agreed at the summit", "said during the talks".
SETTING_PREPS = frozenset({"at", "during"})
# Meetings between parties that what is done "at" them shows to have taken place (not a session of
# parliament, a call or a trip: "during a trip" is as often a holiday).
SETTING_NOUNS = frozenset({"meeting", "talk", "summit", "negotiation", "round", "consultation", "conference",
                           "encounter", "roundtable", "visit"})
# Verbs outside the lexicon that say an attack named by their subject landed ("air strikes hit
# the city", "shelling rocked the town"); they report nothing of other subjects ("prices hit a record").
IMPACT_VERBS = frozenset({"hit", "target", "rock", "slam", "batter", "devastate", "ravage"})


def _names_it(head: Token, hl: str) -> bool:
    """'call' with a second complement names or judges its object ("called the talks a farce",
    "was called a threat"): it neither plans nor calls for anything."""
    return hl == "call" and any(
        c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") or (c.dep_ == "prt" and c.lower_ == "out") for c in head.children
    )  # "called out the attack" condemns it


def _describes_subject(ctx: DocContext, n: Token, be: Token, found: dict[int, _Found]) -> bool:
    """'The gang is a threat to the harbour', 'Lindholm is not a battle the allies can lose': an
    event noun after 'be' that says what its subject is. A threat always does ('this is a threat':
    dangerous, not threatened); other nouns when the subject is a party, a place or an event named
    already ('It was the first meeting since May' reports a meeting)."""
    if found[n.i].trig.type == "THREATEN":
        return True
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    # "the raids on the port were not mere raids on ships": one event, said of itself
    return subj is not None and (mention_type(ctx, subj.i) is not None or subj.i in found)


def _planning(lex: Lexicon, v: Token) -> bool:
    """'planned', 'scheduled', 'set', 'expected': a verb that says an event is to happen."""
    vl = _lemma(v)
    return lex.frames.get(vl) == "planned" or lex.control.get(vl) == "planned"


def _reduced_relative(ctx: DocContext, n: Token) -> Token | None:
    """The verb that frames an event noun the parser made the subject of its own participle ('A
    meeting planned for Monday did not take place', 'A meeting ... set for Friday was called off',
    parsed as if the meeting did the planning and the planning took place); None for a real clause
    ('The ministers planned a meeting', 'The meeting was planned')."""
    part = n.head
    if n.dep_ not in ("nsubj", "nsubjpass") or part.i == n.i or part.i < n.i:
        return None
    if part.tag_ not in ("VBD", "VBN") or not _planning(ctx.lex, part):
        return None
    if any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "xcomp", "ccomp", "neg") for c in part.children):
        return None
    if part.dep_ in ("csubj", "csubjpass") and part.head.i != part.i:
        return part.head
    return None


def _particle_status(lex: Lexicon, v: Token) -> str | None:
    """How a frame verb with its particle leaves the event: 'called off', 'put off' (cancelled)."""
    if v.pos_ not in ("VERB", "AUX"):
        return None
    vl = _lemma(v)
    for c in v.children:
        if c.dep_ in ("prt", "advmod", "prep") and c.i > v.i:
            hit = lex.frame_particles.get(f"{vl} {c.lower_}")
            if hit is not None:
                return hit
    return None


def find_mentions(
    ctx: DocContext, sent: Span, sent_index: int
) -> tuple[list[EventMention], list[EventMention]]:
    """The event mentions of one sentence, and its on-record statements (kept or dropped per
    document: a statement whose content reports an event is that event's attribution)."""
    found = sentence_triggers(ctx, sent)
    if not found:
        return [], []
    _absorb(ctx, found)
    doc = ctx.doc
    out: list[EventMention] = _talk_requests(ctx, sent, sent_index, found)
    out.extend(_obligations(ctx, sent, sent_index, found))
    statements: list[EventMention] = []
    for i, f in sorted(found.items()):
        if f.absorbed:
            continue
        tr = f.trig
        if tr.type == "STATEMENT":
            st = _statement(ctx, sent, sent_index, f, found)
            if st is not None:
                statements.append(st)
            continue
        if tr.kind != "noun" and tr.type in AGENT_TYPES | FORCE_TYPES and (
            _non_agent(ctx, doc[tr.pred], tr.type) or _at_risk(ctx, f)
        ):
            continue
        if tr.kind == "light" and tr.noun is not None:
            if _addresses_reader(ctx, doc[tr.pred]):
                continue
            mention = _noun_mention(ctx, sent, sent_index, f, doc[tr.pred], found)
        elif tr.kind == "noun":
            frame = _noun_frame(ctx, doc[i], found)
            if frame is None or _addresses_reader(ctx, frame) or (
                frame.i in found
                and not found[frame.i].absorbed
                and found[frame.i].trig.type not in ("STATEMENT",)
                and found[frame.i].trig.noun is None
                and _lemma(frame) not in ctx.lex.occurrence
            ):
                continue
            mention = _noun_mention(ctx, sent, sent_index, f, frame, found)
        elif _addresses_reader(ctx, doc[tr.pred]):
            continue
        else:
            mention = _verb_mention(ctx, sent, sent_index, f, found)
        if mention is not None:
            out.append(mention)
    out.extend(_speech_events(ctx, sent, sent_index, found))
    return _share_targets(ctx, out), statements


# Verbal types that need someone to act: said of a thing or a clause, their verbs only describe
# it ("the drought threatens to ruin the harvest", "this would allow ...", "repairing the dam will
# require money", "the flood of claims was putting pressure on the courts").
AGENT_TYPES = frozenset({"THREATEN", "REQUEST", "CONCEDE", "REJECT", "AGREE", "SUPPORT", "AID"})
# Subjects that name a state of affairs, not someone who acts ("the drought threatens ...", "the
# new law allows ...", "rising prices threaten ...").
THING_NOUNS = frozenset({
    "law", "change", "conflict", "war", "crisis", "situation", "fact", "price", "cost", "move", "plan", "policy",
    "rule", "problem", "issue", "dispute", "tension", "violence", "hunger", "poverty", "influx", "shortage",
    "weather", "climate", "economy", "market", "growth", "inflation", "evidence", "data", "idea", "trend", "rise",
    "fall", "increase", "decline", "event", "process", "strategy", "approach", "step", "talk", "decision",
    "document", "letter", "bill", "text", "constitution", "treaty", "resolution", "measure", "development", "use",
    # what politics news makes the subject of its verbs: "the ordinance permits", "the Senate bid
    # would offer", "imports threaten", "the role of party leader could prevent", "the outcome
    # requires an audit", "the ruling allows"
    "bid", "role", "ordinance", "mechanism", "provision", "upgrade", "import", "export", "outcome", "result",
    "advantage", "program", "programme", "system", "ruling", "order", "regulation", "requirement", "restriction",
    "reform", "legislation", "amendment", "statute", "budget", "tariff", "tax", "fee", "mandate", "subsidy",
    "benefit", "money", "report", "study", "poll", "survey", "proposal", "package", "loophole", "clause",
    "agenda", "platform", "ad", "video", "book", "nepotism", "scandal", "record", "version", "model",
})
# Of those, the ones that are rules and papers: they never attack, arrest or sanction anyone
# ("the law is destroying jobs", "the deal restricting access"), while a war or violence may kill.
POLICY_NOUNS = frozenset({
    "law", "policy", "rule", "plan", "bill", "measure", "tax", "tariff", "price", "cost", "regulation", "ordinance",
    "mandate", "program", "programme", "reform", "legislation", "amendment", "statute", "budget", "subsidy",
    "provision", "requirement", "restriction", "ruling", "order", "document", "letter", "text", "constitution",
    "treaty", "resolution", "proposal", "package", "market", "economy", "import", "export", "role",
})
# Types besides the verbal ones that need someone to act (a thing restricts, bans or sanctions
# nobody); for ASSAULT only rules and papers count as things (see POLICY_NOUNS).
FORCE_TYPES = frozenset({"COERCE", "SANCTION", "MOBILIZE", "ASSAULT"})
# Endings of abstract nouns: "involvement", "rebuilding", "the situation", "scarcity".
ABSTRACT_SUFFIXES = ("ment", "tion", "sion", "ness", "ity", "ance", "ence", "ism", "ing", "age", "ure", "cy")
# Pronouns that point at a thing or a situation, never at a party.
THING_PRONOUNS = frozenset({"this", "that", "these", "those", "which", "what"})


def _non_agent(ctx: DocContext, pred: Token, etype: str) -> bool:
    """Whether an active predicate's subject cannot act: a clause ("To delay the vote threatens
    ..."), a pronoun for a thing ("This would allow ..."), or a common noun that names no party,
    no group and no event ("floods and strikes ... threatening", "the new law allows"). For an
    attack, only a rule or a paper ("the law is destroying jobs"): a war, a bomb or violence kills."""
    if pred.dep_ == "acl" and not any(c.dep_ in SUBJECT_DEPS for c in pred.children):
        return False  # "a special law recognizing the victories": an act of those who passed it
    strict = etype == "ASSAULT"
    subs, passive = subjects(pred, ctx.dateline)
    if passive:
        # "pressed by the fact that the vote was near"
        by = agents(pred)
        return bool(by) and all(_thing(ctx, a, strict) for a in by)
    if not subs:
        return False
    if any(c.dep_ in ("csubj", "csubjpass") for c in pred.children):
        return not strict
    listed = [s for x in subs for s in conjuncts(x)]
    # "imports of steel and aluminum—and automobiles— threaten": one thing, and nothing that acts
    return any(_thing(ctx, s, strict) for s in listed) and not any(_could_act(ctx, s) for s in listed)


def _could_act(ctx: DocContext, s: Token) -> bool:
    """A subject that may be a party: a name, a person, a group, an event ("the strikes killed")."""
    if s.pos_ == "PRON":
        return s.lower_ not in THING_PRONOUNS
    if s.pos_ != "NOUN" or s.ent_type_ or mention_type(ctx, s.i) is not None:
        return True
    lemma = _lemma(s)
    if lemma in THING_NOUNS:
        return False
    entry = noun_entry(ctx.lex, s)
    if entry is not None:
        return entry[0] != "AGREE"
    if lemma in ctx.lex.actor_nouns or lemma in ctx.lex.group_nouns:
        return True
    # "voters", "demonstrators", "allies' opponents": plural nouns for people
    return s.tag_ == "NNS" and s.lower_.endswith(PEOPLE_PLURALS) and not s.lower_.endswith("ments")


# Endings of plural nouns for people ("voters", "demonstrators", "opponents", "Ukrainians").
PEOPLE_PLURALS = ("ers", "ors", "ists", "ants", "ents", "ians", "ees", "ies")


def _at_risk(ctx: DocContext, f: _Found) -> bool:
    """'threaten' in its sense of risk: "the storm threatens to become a crisis", "the truce is
    being threatened", "Lima feels threatened by the new port": nobody named threatens anyone."""
    if f.trig.type != "THREATEN" or f.trig.kind != "verb":
        return False
    pred = ctx.doc[f.trig.pred]
    if any(c.dep_ == "xcomp" and _lemma(c) in ("be", "become") for c in pred.children):
        return True
    adjectival = pred.dep_ in ("acomp", "oprd", "amod")
    if not (_passive(pred) or adjectival):
        return False
    return not any(w.named or _lemma(a) in ctx.lex.actor_nouns for a in agents(pred) for w in resolve(ctx, a))


def _thing(ctx: DocContext, s: Token, strict: bool = False) -> bool:
    """A subject that is a thing: 'this', 'the move', 'rising prices', 'involvement in the talks';
    when `strict`, only a rule or a paper ('the law', 'the deal')."""
    if s.pos_ == "PRON":
        return s.lower_ in THING_PRONOUNS and not strict
    if s.pos_ != "NOUN" or s.ent_type_ or mention_type(ctx, s.i) is not None:
        return False
    lemma = _lemma(s)
    entry = noun_entry(ctx.lex, s)
    if entry is not None and entry[0] == "AGREE":
        return True  # "the agreement allows", "the deal would restrict access": a paper, not a party
    if strict:
        return lemma in POLICY_NOUNS
    if lemma in ctx.lex.actor_nouns or lemma in ctx.lex.group_nouns or entry is not None:
        return False
    if lemma in THING_NOUNS:
        return True  # "the president's law", "the Fremont ordinance": a party's thing is still a thing
    # "Chile's navy", "the regime's money": a thing of a party acts for it
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and mention_type(ctx, c.i) is not None for c in s.children):
        return False
    # people are not listed ("his father", "her sister, Jessica"); abstract nouns show by their
    # endings ("involvement", "rebuilding", "the situation"), the commonest concrete ones are listed
    return lemma in THING_NOUNS or (lemma.endswith(ABSTRACT_SUFFIXES) and lemma not in ctx.lex.actor_nouns)


def _addresses_reader(ctx: DocContext, pred: Token) -> bool:
    """A predicate of the page itself, outside any quotation: its subject is "you" (the page asks
    its reader to agree or subscribe), "I" or "we" of the writer ("At the camp, I met a group of
    women": the reporter's own errand, no act of the story), or it serves a command to the reader
    ("Follow us on Twitter to join the discussion"). It reports nothing. Quoted, or reported
    ("she said we had met"), the pronouns are someone else's."""
    if ctx.quote_of[pred.i] >= 0:
        return False
    subs, _ = subjects(pred, ctx.dateline)
    if subs and all(s.lower_ in READER_PRONOUNS for s in subs):
        return True
    if (subs and all(s.lower_ in WRITER_PRONOUNS for s in subs) and reporting_verb(ctx.lex, pred) is None
            and not any(_after_colon(s) for s in subs)):
        return True
    node = pred
    for _ in range(3):
        if node.dep_ not in ("xcomp", "advcl", "conj") or node.head.i == node.i:
            break
        node = node.head
    return node is not pred and _imperative(node)


def _after_colon(subject: Token) -> bool:
    """"He was defiant on Monday: We will never give in": words given after a colon are the
    speaker's, not the writer's, though no quotation marks enclose them."""
    return any(t.text == ":" for t in subject.doc[max(subject.i - 2, 0):subject.i])


# The writer speaking of themselves outside quotation marks.
WRITER_PRONOUNS = frozenset({"i", "we"})


def _imperative(v: Token) -> bool:
    """A bare verb opening its sentence with no subject or auxiliary: "Follow us on Twitter"."""
    return (v.tag_ == "VB" and v.dep_ == "ROOT" and v.left_edge.i == v.sent.start
            and v.i == v.sent.start and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in v.children))


# Words that open a clause of purpose: "to demand reforms", "so that they negotiate".
PURPOSE_MARKS = frozenset({"to", "so", "that", "in", "order"})


def _opened_by_other_than_purpose(clause: Token) -> bool:
    """Whether a clause opens with a word of time, cause or concession rather than purpose."""
    return any(c.dep_ == "mark" and c.lower_ not in PURPOSE_MARKS for c in clause.children)


def _share_targets(ctx: DocContext, mentions: list[EventMention]) -> list[EventMention]:
    """'students staged demonstrations to demand reforms by Suharto's government': an act with no
    target of its own takes the target of the purpose clause that depends on it."""
    by_token = {m.token: m for m in mentions}
    out: list[EventMention] = []
    for m in mentions:
        if any(a.role in ("target", "participant") for a in m.actors):
            out.append(m)
            continue
        donor = None
        for d in mentions:
            if d is m or not any(a.role == "target" for a in d.actors):
                continue
            node = ctx.doc[d.token]
            for _ in range(2):
                if node.dep_ not in ("advcl", "xcomp", "acl", "conj") or node.head.i == node.i:
                    break
                if node.dep_ == "advcl" and _opened_by_other_than_purpose(node):
                    break  # "must be settled before Karst discusses it with Veldora": a time, no purpose
                node = node.head
                if node.i == m.token or (node.i in by_token and by_token[node.i] is m):
                    donor = d
                    break
            if donor is not None:
                break
        if donor is None:
            out.append(m)
            continue
        keys = {a.who.key for a in m.actors}
        extra = tuple(a for a in donor.actors if a.role == "target" and a.who.key not in keys)
        out.append(dataclasses.replace(m, actors=m.actors + extra, bare=False))
    return out


def _statement(
    ctx: DocContext, sent: Span, si: int, f: _Found, found: dict[int, _Found]
) -> EventMention | None:
    """An on-record statement: a speech verb with a named speaker, not negated."""
    v = ctx.doc[f.trig.pred]
    if _negated(v) or v.pos_ != "VERB":
        return None
    who = speaker_of_verb(ctx, v)
    if who is None:
        return None
    topic = None
    for c in v.children:
        if c.dep_ in ("ccomp", "dobj") and c.pos_ in ("NOUN", "VERB", "AUX"):
            topic = _phrase(c) if c.pos_ == "NOUN" else None
    if topic is None and not any(c.dep_ == "ccomp" for c in v.children):
        topic = _topic_of_preps(ctx, v)  # "warned of a severe food shortage"
    status = verb_status(ctx, v, False)
    return _finish(
        ctx, sent, si, f.trig, status, None, [MentionActor(who, "source")], {v.i}, found, None, topic=topic
    )


# ----------------------------------------------------------------------------- verbal mentions


def _verb_mention(
    ctx: DocContext, sent: Span, si: int, f: _Found, found: dict[int, _Found]
) -> EventMention | None:
    """A mention whose trigger is a verb, an adjective or a light verb with its event noun."""
    doc = ctx.doc
    tr = f.trig
    pred = doc[tr.pred]
    if tr.type == "ASSAULT" and _captures_person(ctx, pred):
        # a person the parser did not know for one ("Cantlie was captured by Isis"): detained, as
        # the trigger rules code "captured two soldiers" (PLOVER COERCE)
        tr = f.trig = dataclasses.replace(tr, type="COERCE", mode="arrest")
    noun = doc[tr.noun] if tr.noun is not None else None
    speaker, speech = speaker_for(ctx, pred)
    actors = _verb_roles(ctx, tr, pred, noun, f, speaker)
    if not actors and pred.dep_ in ("pcomp", "acl", "pobj", "relcl") and noun is None:
        return None
    if _journey(ctx, tr, pred, actors):
        return None  # "she travelled to Lima", "the family was flown home": a journey
    status = verb_status(ctx, pred, speech is not None or ctx.quote_of[pred.i] >= 0)
    if noun is not None:
        status = _modifier_status(ctx.lex, noun, status)
    mode = _mode(ctx, tr, pred, noun)
    if mode is None and f.subject_event is not None:
        # "Russian shelling killed three people": the weapon is the attack's, not the verb's
        mode = found[f.subject_event.i].trig.mode if f.subject_event.i in found else None
    tokens = (
        {pred.i}
        | ({noun.i} if noun is not None else set())
        | ({f.subject_event.i} if f.subject_event is not None else set())
    )
    return _finish(
        ctx,
        sent,
        si,
        tr,
        status,
        mode,
        actors,
        tokens,
        found,
        speech,
        topic=_topic(ctx, tr, pred, noun, f),
        # "they met again" points back at a meeting; "they bombed the hospital" reports a new act
        anaphoric=_pronoun_only(doc, pred, noun, f) and (noun is not None or tr.type == "CONSULT"),
    )


# Verbs whose "with" names the other side of a fight ("clashed with police"), unless it is an ally.
RIVAL_VERBS = frozenset({"fight", "clash", "battle"})


def _captures_person(ctx: DocContext, pred: Token) -> bool:
    """A capture verb whose captive the entity stage knows for a person: a surname met before in
    full ("Cantlie was captured"), a name the parser took for a place ("Kotey, who was captured")."""
    captive = captive_of(pred)
    if captive is None:
        return False
    if captive.pos_ != "PROPN":
        return False  # "captured part of a Karen stronghold": a name inside the phrase is not the captive
    for w in resolve(ctx, captive):
        entity = ctx.entities.get(w.entity_id or "")
        if entity is not None and entity.type == "PERSON":
            return True
    return mention_type(ctx, captive.i) == "PERSON"


def _verb_roles(
    ctx: DocContext, tr: Trigger, pred: Token, noun: Token | None, f: _Found, speaker: Who | None
) -> list[MentionActor]:
    """Source, target, mediator and participants of a verbal mention."""
    subj_toks, passive = subjects(pred, ctx.dateline)
    if f.subject_event is not None:
        subj_toks = [s for s in subj_toks if s.i != f.subject_event.i]
    sources: list[Who]
    targets: list[Who] = []
    subj_toks = [s for s in subj_toks if same_segment(ctx, pred.i, s.i)]
    if passive and _lemma(pred) in STATE_PASSIVES and not agents(pred):
        passive = False  # "Israel is opposed to ...": a stance, not something done to Israel
    if passive and tr.type == "RETREAT" and tr.mode in SELF_RETREATS and not agents(pred):
        passive = False  # "the guerrillas have been demobilized": they retreat ("were freed": not)
    if passive:
        targets = _actors_of(ctx, subj_toks, speaker)
        sources = _actors_of(ctx, agents(pred), speaker)
    else:
        sources = _actors_of(ctx, subj_toks, speaker)
        if not subj_toks and speaker is not None and ctx.quote_of[pred.i] >= 0:
            sources = [speaker]  # "Hosted a long meeting ...," Sørensen wrote
        elif not subj_toks and f.subject_event is None:
            sources = _left_subject(ctx, pred)  # (a subject that is an event is one the parser found)
        if not sources and pred.tag_ == "VBG":
            # "his killing at the hands of smugglers": a gerund used as a noun names its doer so
            sources = _actors_of(ctx, agents(pred), speaker)
        if not sources and f.subject_event is not None:
            # "Russian shelling killed three people", "Israel's strikes killed ...": whose the
            # attack is did the killing
            sources = _owners_of_event(ctx, f.subject_event, speaker)
    objs = [
        c for c in pred.children if c.dep_ in ("dobj", "obj", "dative") and (noun is None or c.i != noun.i)
    ]
    if tr.type == "CONSULT" and _lemma(pred) in TOPIC_OBJECT_VERBS:
        objs = []  # "they discussed patrols": what was talked about; the partner comes with "with"
    if tr.type in ("RETREAT", "MOBILIZE"):
        forces = [o for o in objs if _lemma(o) in FORCE_NOUNS]
        objs = [o for o in objs if o not in forces]
        if not sources:
            sources = _actors_of(ctx, forces, speaker)  # "US troops were withdrawn"
    if not passive:
        for o in objs:
            if o.lower_ in RELATIVE_PRONOUNS and pred.dep_ == "relcl":
                o = pred.head  # "the fighters that we captured": the clause is said of the fighters
            targets.extend(resolve(ctx, o, speaker))
    if targets and not any(w.named for w in targets):
        targets = _named_party(ctx, pred, speaker) or targets
    preps = TARGET_PREPS.get(tr.type, ())
    unnamed_patient = _unnamed_patient(ctx, pred)
    if unnamed_patient:
        preps = tuple(p for p in preps if p not in PLACE_PREPS)
    heads = [pred] + ([noun] if noun is not None else [])
    if f.subject_event is not None:
        heads.append(f.subject_event)
    # "fought with the Kurds against IS": the Kurds are a side, IS the opponent
    allies, opponents = fight_sides(pred, [] if passive else subj_toks)
    if not targets and tr.type == "ASSAULT" and _lemma(pred) in RIVAL_VERBS:
        # "clashed with police in Cairo": whom one fights before where
        sides = {a.i for a in allies}
        rivals = [w for w in prep_objects(pred, ("against", "with")) if w.i not in sides]
        targets.extend(_actors_of(ctx, rivals, speaker))
    for h in heads:
        if not targets:
            targets.extend(_actors_of(ctx, prep_objects(h, preps), speaker))
    if not targets:
        targets.extend(_actors_of(ctx, opponents, speaker))
    ally_keys = {w.key for w in _actors_of(ctx, allies, speaker)}
    keys = {w.key for w in sources}
    if not targets:
        # "in protest of X's refusal" says outright whom the act answers: before any party
        # named deeper in the clause ("... to accept the independence of Chechnya")
        targets.extend(w for w in _response_target(ctx, heads, speaker) if w.key not in keys)
    if not targets and tr.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN"):
        targets.extend(_complement_target(ctx, pred, f, speaker))
    if not targets and f.complement is not None and f.complement.pos_ == "NOUN":
        targets.extend(_inner_actors(ctx, f.complement))  # "opposed to French mediation"
    if not targets:
        for o in objs + ([noun] if noun is not None else []):
            targets.extend(_inner_actors(ctx, o))
    if not targets and f.complement is not None:
        targets.extend(_deep_target(ctx, f.complement, speaker))
    # "are to meet at Mirov next week": where people meet, whatever the tagger made of the name
    fallback = tuple(p for p in FALLBACK_PREPS if p != "at") if tr.type == "CONSULT" else FALLBACK_PREPS
    for h in heads:
        if not targets:
            targets.extend(_actors_of(ctx, prep_objects(h, fallback), speaker, pred.i))
    if not targets and tr.type in MATERIAL_TYPES:
        targets.extend(w for w in _purpose_target(ctx, pred, speaker) if w.key not in keys)
    if not targets and tr.type == "THREATEN":
        targets.extend(w for w in _condition_subject(ctx, pred, f, speaker) if w.key not in keys)
    if not targets:
        targets.extend(
            w for w in _linear_target(ctx, max(tr.end, pred.i + 1), speaker, tr.type == "CONSULT") if w.key not in keys
        )
    if not targets and tr.type in MATERIAL_TYPES and not unnamed_patient:
        targets.extend(_place_target(ctx, heads, speaker))
    targets = [t for w in targets if (t := _other_side(ctx, w, sources)) is not None]
    targets = [w for w in targets if w.key not in ally_keys]
    return _assign_roles(ctx, tr, pred, noun, f, sources, targets)


# Verbs of going somewhere: a visit (PLOVER CONSULT) only when a state, an organisation or an
# office holder goes.
TRAVEL_VERBS = frozenset({"travel", "fly", "go", "head", "journey"})
# Common nouns for people who act for a state or an organisation when they go somewhere.
OFFICE_NOUNS = frozenset({
    "minister", "president", "delegation", "envoy", "official", "diplomat", "leader", "ambassador", "secretary",
    "premier", "chancellor", "king", "queen", "prince", "emir", "sheikh", "monarch", "commander", "general",
    "negotiator", "mediator", "senator", "lawmaker", "mp", "mayor", "governor", "spokesman", "spokeswoman",
    "representative", "chief", "head", "team", "mission", "inspector", "observer", "pope",
})


def _journey(ctx: DocContext, tr: Trigger, pred: Token, actors: list[MentionActor]) -> bool:
    """A 'visit' read off a verb of going whose traveller holds no office: a private journey."""
    if tr.type != "CONSULT" or tr.mode != "visit" or _lemma(pred) not in TRAVEL_VERBS:
        return False
    return not any(a.role == "source" and _official(ctx, a.who) for a in actors)


def _official(ctx: DocContext, who: Who) -> bool:
    """A state, an organisation, a person the article gives an office, or an office holder named
    by their office ('the foreign minister'); not a private person ('Jihadi Jack', 'the family')."""
    e = ctx.entities.get(who.entity_id or "")
    if e is not None:
        return e.type != "PERSON" or any(r.article_id == ctx.article.id for r in e.roles)
    if who.named:
        return country_of_state(who.name) is not None  # "Chilean" read as Chile; not a missed name
    words = who.name.lower().split()
    return bool(words) and words[-1].rstrip("s") in OFFICE_NOUNS


def _other_side(ctx: DocContext, w: Who, sources: list[Who]) -> Who | None:
    """A target that resolves to the source's own country is a different group of that country
    when its words are a common-noun phrase apart from the source's ('Palestinian police ...
    confiscated weapons from Palestinian armed groups'): kept under its own words, not dropped.
    A target the source is itself ("Israel ... Israel's") is None."""
    if w.key not in {s.key for s in sources}:
        return w
    span = ctx.doc.char_span(w.start, w.end)
    if span is None:
        return None
    head = span.root
    if head.dep_ in ("amod", "compound", "nmod") and head.head.pos_ == "NOUN":
        head = head.head  # the demonym alone was kept: "Palestinian" of "Palestinian armed groups"
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    first, last = np_extent(head)
    if any(first < s.end and s.start < last for s in sources):
        return None
    phrase = ctx.doc.char_span(first, last)
    return Who(None, phrase.text, first, last, named=False) if phrase is not None else None


def _named_party(ctx: DocContext, pred: Token, speaker: Who | None) -> list[Who]:
    """'refusing admittance to Ghanaians, by far the biggest group': a named party the verb's
    preposition introduces, which beats a common noun the parser took for a second object. Not
    a place: in 'deported the migrants to Libya' the migrants are the ones acted on."""
    for t in prep_objects(pred, PARTY_PREPS):
        if mention_type(ctx, t.i) in PLACE_TYPES:
            continue
        found = [w for w in resolve(ctx, t, speaker) if w.named]
        if found:
            return found
    return []


def _purpose_target(ctx: DocContext, pred: Token, speaker: Who | None) -> list[Who]:
    """'opened fire to disperse demonstrators', 'blocked a road to show disapproval of X'."""
    for c in pred.children:
        if c.dep_ in ("advcl", "xcomp") and _to_marked(c):
            return _deep_target(ctx, c, speaker)
    return []


def _condition_subject(ctx: DocContext, pred: Token, f: _Found, speaker: Who | None) -> list[Who]:
    """'threatened to stop talks if the United States goes ahead': a threat is aimed at whoever
    the condition names."""
    for h in (pred, f.complement):
        if h is None:
            continue
        for c in h.children:
            if c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS for g in c.children
            ):
                subs = _children(c, frozenset({"nsubj"}))
                found = [w for w in _actors_of(ctx, subs, speaker) if w.named]
                if found:
                    return found
    return []


def _response_target(ctx: DocContext, heads: list[Token], speaker: Who | None) -> list[Who]:
    """'... in protest of the government's refusal', 'in defiance of Chinese authorities'."""
    for h in heads:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for g in c.children:
                if g.dep_ == "pobj" and _lemma(g) in RESPONSE_NOUNS:
                    found = _actors_of(ctx, prep_objects(g, ("of", "against", "at", "to")), speaker)
                    if found:
                        return found
    return []


def _linear_target(ctx: DocContext, start: int, speaker: Who | None, meeting: bool = False) -> list[Who]:
    """When the parse attached nothing, the first named party right after the trigger in the same
    clause ('granted asylum to five Panamanian army officers holed up ...'); of a meeting, not one
    after "in", "at" or "near", which say where it is held ("meet at Mirov")."""
    doc = ctx.doc
    end = min(ctx.segment[start - 1][1], start + LINEAR_TARGET_WINDOW) if start > 0 else start
    for i in range(start, end):
        t = doc[i]
        if (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "aux", "auxpass")) or t.text in (
            CLAUSE_BREAKS
        ):
            return []
        if t.pos_ == "ADP" and t.dep_ != "prt" and t.lower_ not in LINEAR_PREPS:
            return []  # "demand for the formation of ...": what follows is the topic
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "poss", "nmod"):
            continue
        if t.ent_type_ in ("DATE", "TIME") or (
            t.head.lower_ in PLACE_PREPS and (meeting or mention_type(ctx, i) in PLACE_TYPES)
        ) or (t.head.lower_ == "on" and t.lower_ in CHANNEL_WORDS):
            continue
        found = [w for w in resolve(ctx, t, speaker) if w.named]
        if found:
            return found
    return []


# Talking verbs whose object is the subject of the talks, never a party to them.
TOPIC_OBJECT_VERBS = frozenset({"discuss", "debate", "negotiate", "review", "examine"})


# Prepositions of a target phrase that say where rather than whom ("a curfew in Cizre").
PLACE_PREPS = frozenset({"in", "at", "near"})


# Pronouns that point at people ("police arrested him"); "it" and reflexives ("blew themselves
# up in Tel Aviv" befell Tel Aviv) leave the place a target.
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "we", "us", "i", "me", "you"})


def _unnamed_patient(ctx: DocContext, pred: Token) -> bool:
    """Whether the act befell someone the sentence only points at ("in Syria, he had been
    detained", "police arrested him in Lindholm"): then the place is where, not whom. (Unnamed
    people, "killed 23 people in Tel Aviv", are the place's people: PLOVER codes the place.)"""
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in PERSONAL_PRONOUNS for c in pred.children)


def _place_target(ctx: DocContext, heads: list[Token], speaker: Who | None) -> list[Who]:
    """'imposed a curfew in Cizre', 'shelled positions near Rafah': where a material act falls
    is what PLOVER codes as its target when no party is named."""
    for h in heads:
        for t in _place_candidates(h, 1):
            if mention_type(ctx, t.i) in ("GPE", "LOC", "FAC"):
                who = who_at(ctx, t.i)
                if who is not None:
                    return [who]
    return []


def _left_subject(ctx: DocContext, verb: Token) -> list[Who]:
    """A finite verb the parser left without a subject: the name just before it, if it is not
    inside a prepositional phrase ('..., Major General Enrico Barduani, met with ...')."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    start = max(ctx.segment[verb.i][0], verb.i - LEFT_SUBJECT_WINDOW)
    for i in range(verb.i - 1, start - 1, -1):
        tok = ctx.doc[i]
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return []
        hit = ctx.mention_at.get(i)
        if hit is None or mention_type(ctx, i) not in ("PERSON", "ORG", "GPE"):
            continue
        root = ctx.doc[hit[1] : hit[2]].root
        if root.dep_ == "pobj":
            return []
        who = who_at(ctx, i)
        return [who] if who is not None else []
    return []


def _complement_target(ctx: DocContext, pred: Token, f: _Found, speaker: Who | None) -> list[Who]:
    """'demanded that the US cancel', 'alleged that France was aware': the clause's subject."""
    if f.complement is not None and f.complement.pos_ == "NOUN":
        # "insisted on its demands that Burundi's government grant ..."
        for c in f.complement.children:
            if c.dep_ in ("acl", "ccomp", "relcl"):
                subs = _children(c, frozenset({"nsubj", "nsubjpass"}))
                if subs and subs[0].lower_ not in RELATIVE_PRONOUNS:
                    return resolve(ctx, subs[0], speaker)
    for c in pred.children:
        if c.dep_ in ("ccomp",) or (c.dep_ == "xcomp" and f.complement is not None and c.i == f.complement.i):
            subs = _children(c, frozenset({"nsubj", "nsubjpass"}))
            if subs:
                return resolve(ctx, subs[0], speaker)
    return []


def _deep_target(
    ctx: DocContext,
    comp: Token,
    speaker: Who | None,
    preps: frozenset[str] = frozenset(),
    places: bool = True,
) -> list[Who]:
    """The first party named inside a complement: 'promised to continue aid to Mozambique'; else,
    when `places`, the place it falls on ('to shell positions near Rafah')."""
    preps = preps or DEEP_PREPS
    for t in bounded_subtree(comp, limit=24):
        if t.dep_ in ("dobj", "dative") or (t.dep_ == "pobj" and t.head.lower_ in preps):
            found = resolve(ctx, t, speaker)
            if found and any(w.named for w in found):
                return found
    return _place_target(ctx, [comp], speaker) if places else []


def _assign_roles(
    ctx: DocContext,
    tr: Trigger,
    pred: Token,
    noun: Token | None,
    f: _Found,
    sources: list[Who],
    targets: list[Who],
) -> list[MentionActor]:
    """Roles by event type: a meeting's host is its mediator, the sides are participants."""
    out: list[MentionActor] = []
    if tr.type == "CONSULT":
        mediating = _lemma(pred) in MEDIATING_VERBS or (
            _mode_word(ctx, pred, noun) == "trilateral" and len(targets) >= 2
        )
        if f.subject_event is not None:
            # "the talks brought together A and B": the sides, no host named here
            return [MentionActor(w, "participant") for w in sources + targets]
        if mediating:
            out.extend(MentionActor(w, "mediator") for w in sources)
            out.extend(MentionActor(w, "participant") for w in targets)
            return out
    out.extend(MentionActor(w, "source") for w in sources)
    seen = {w.key for w in sources}
    out.extend(MentionActor(w, "target") for w in targets if w.key not in seen)
    return out


def verb_status(ctx: DocContext, pred: Token, in_speech: bool) -> str:
    """occurred, planned, failed, cancelled, negated, hypothetical or ongoing, from the verb's
    auxiliaries, the verbs it is the complement of, conditions and negation."""
    lex = ctx.lex
    if pred.dep_ == "oprd" and pred.head.pos_ in ("VERB", "AUX"):
        return verb_status(ctx, pred.head, in_speech)  # "to call it quits" stands as "to call" does
    negated = _negated(pred) or _nobody(pred) or _denied_run_in(pred) or _nearly(pred)
    modal = _modal(pred)
    status: str | None = _intended_by_noun(lex, pred)
    if status is None and _to_marked(pred) and any(c.dep_ == "mark" and c.lower_ == "for" for c in pred.children):
        status = "planned"  # "ready for Sanders to quit", "time for Belgrade to act": wanted, not done
    if status is None and _possibility_clause(pred):
        status = "hypothetical"  # "there is a chance that Trump and Kim agree": maybe, not done
    if status is None and _task_left_to(pred) is not None:
        status = "planned"  # "leaving it to Karst to negotiate the terms": his task, not done
    if _purpose(lex, pred):
        # "would not send boats to rescue the crew": a purpose stands as its act does, and so does
        # one hanging from an adjective ("could make it harder for prosecutors to bring charges")
        modal = modal or _modal(pred.head)
        if pred.head.pos_ == "ADJ" and pred.head.head.i != pred.head.i:
            modal = modal or _modal(pred.head.head)
        negated = negated or _negated(pred.head) or _nobody(pred.head)  # "no one rushed to JFK to protest"
        if status is None and not modal and pred.head.pos_ in ("VERB", "AUX"):
            # "customs officers are to meet next week to agree on opening hours": the purpose of
            # a plan is no more than planned (of an act done, what it was for is told as done)
            ahead = verb_status(ctx, pred.head, in_speech)
            if ahead in ("planned", "hypothetical"):
                status = ahead
    if pred.dep_ == "pcomp" and pred.head.lower_ == "without":
        done = _without_status(ctx, pred, in_speech)
        if done == "negated":
            negated = True  # "built the dams without consulting Karst"
        elif status is None:
            status = done  # "will not sign without consulting parliament": a condition
    leaving = _leaving_no_other(pred)
    if leaving is not None:
        # "we will have no choice but to destroy it if forced": the act stands as the clause
        # that leaves no other, with its condition
        modal = modal or _modal(leaving)
        if status is None and (_conditioned(leaving) or _in_conditional(leaving)):
            status = "hypothetical"
    governing = _gerund_governor(pred)
    if governing is not None:
        # "will play an active role in assisting the party", "beyond condemning the tariffs,
        # Congress could pass a law": the gerund stands as the clause it serves
        modal = modal or _modal(governing)
    if status is None and _subjunctive(lex, pred):
        status = "planned"  # "suggested that ICE arrest them", "demanded that the agency explain"
    node = pred
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            break
        dep, head = node.dep_, node.head
        hl = _lemma(head)
        if dep == "conj":
            modal = modal or _modal(head)
            negated = negated or (_negated(head) and not any(c.dep_ == "nsubj" for c in node.children))
            node = head
            continue
        if dep == "xcomp" and hl == "be":
            status = "planned"  # "is to visit"
            break
        if dep == "ccomp" and hl == "be" and any(
            c.dep_ == "nsubj" and _lemma(c) in POSSIBILITY_NOUNS for c in head.children
        ):
            status = "hypothetical"  # "one possibility is that they backed off": a guess
            break
        if dep in ("ccomp", "xcomp") and hl in DENIAL_VERBS and not _negated(head) and node.i == pred.i:
            # not a verb coordinated into the clause: "denied that there had been a change and
            # defended the responses" is parsed with "defended" inside what was denied
            negated = True  # "an army spokesman denied troops shot at protesters": said not to be
            break
        if dep == "xcomp" and any(c.dep_ == "advmod" and c.lower_ == "too" for c in head.children):
            negated = True  # "too weak to pull out of the deal"
            break
        if dep == "xcomp" and hl in lex.speech and hl not in lex.control and _addressed(head):
            status = "planned"  # "radio messages telling them to disarm": asked for, not done
            break
        if hl in lex.control and (dep == "xcomp" or hl in ("expect", "plan", "hope", "want", "intend")):
            status = lex.control[hl]
            if hl == "suppose":
                status = "failed" if _past(head) else "planned"
            if hl in STOP_VERBS:
                # "would stop shelling for seven hours", "refused to halt the strikes": going on,
                # not called off; "stopped shelling on Sunday": it went on until then
                ended = _past(head) and not _negated(head) and not _modal(head)
                status = "occurred" if ended else "ongoing"
                break
            if _negated(head):
                status = "failed" if status == "occurred" else "negated"
            modal = modal or _modal(head)
            if status == "occurred" and _modal(head) in FUTURE_MODALS:
                status = "planned"
            break
        break
    if status is None and modal == "would" and not in_speech and _narrated_later(pred):
        status = "occurred"  # "an inquiry would later condemn the administration": told from before
    if status is None and modal is not None:
        if modal in FUTURE_MODALS:
            status = "planned"
        elif modal in CONDITIONAL_MODALS:
            if negated and modal in ("could", "ca", "can"):
                return "failed"
            status = (
                "planned"
                if modal in ("would", "'d") and in_speech and not _in_conditional(pred) and not _conditioned(pred)
                else "hypothetical"
            )
        elif modal in OBLIGATION_MODALS:
            status = "planned"
    if status is None and _awaited(pred):
        # "demanded that work stop until the commission meets": not yet met ("after riots have
        # broken out": a perfect tells what is done)
        status = "planned"
    if status is None and _generic_when(pred) and pred.head.pos_ in ("VERB", "AUX") and (
        verb_status(ctx, pred.head, in_speech) == "planned"
    ):
        status = "planned"  # "is expected to warn them when he speaks to Congress": a present for the future
    if _in_conditional(pred) or (status is None and (_generic_when(pred) or _habitual(pred))):
        status = "hypothetical"
    if negated and status in (None, "occurred") and _not_yet(pred):
        return "planned"  # "the strike has not begun yet"
    if negated and status in (None, "occurred", "planned", "ongoing"):
        return "negated"
    if status is None:
        if any(_lemma(c) == "soon" for c in pred.children) or _headline_infinitive(pred):
            return "planned"
        if pred.tag_ == "VBG" and any(
            c.dep_ == "aux" and _lemma(c) == "be" and c.tag_ in ("VBZ", "VBP") for c in pred.children
        ):
            return "ongoing"
        return "occurred"
    return status


def _headline_infinitive(pred: Token) -> bool:
    """A headline's or a schedule's infinitive with no finite verb above it ("Prime minister to
    chair a Cabinet meeting", "Sturgeon to hold talks at Holyrood"): what is due, not done."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in pred.children) or pred.tag_ != "VB":
        return False
    if not _a_line_of_its_own(pred.sent):
        return False  # a sentence cut short ("appointed Col.| Vance Spath to perform ..."), no headline
    if pred.dep_ == "ROOT":
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in pred.children)
    head = pred.head
    # (a root noun with a subject or an object is a verb the tagger misread: "Tehran leverages
    # use of centrifuges to call for ...")
    return (pred.dep_ in ("relcl", "acl", "advcl") and head.dep_ == "ROOT" and head.i < pred.i
            and head.pos_ in ("PROPN", "NOUN") and not _children(head, SUBJECT_DEPS | OBJECT_DEPS))


def _a_line_of_its_own(sent: Span) -> bool:
    """A headline or a schedule's entry: a line that is the whole sentence, with no full stop."""
    doc = sent.doc
    words = [t for t in sent if not t.is_space]
    opens = sent.start == 0 or "\n" in doc[sent.start - 1].whitespace_ or doc[sent.start - 1].is_space
    return bool(words) and opens and words[-1].text not in (".", "!", "?")


def _possibility_clause(pred: Token) -> bool:
    """The 'that' clause of a noun of chance, fear or hope: "a chance that they agree", "fears
    that Russia would invade"."""
    return (
        pred.dep_ in ("acl", "ccomp")
        and pred.head.pos_ == "NOUN"
        and _lemma(pred.head) in POSSIBILITY_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in pred.children)
    )


def _nearly(pred: Token) -> bool:
    """'has nearly destroyed', 'almost attacked': the act came close and was not done ("killed
    nearly 30 people" puts the word on the number, not the verb)."""
    return any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in pred.children)


def _denied_run_in(pred: Token) -> bool:
    """'denied troops shot at protesters', parsed with "troops" the object of the denial and
    "shot" a participle on it: the clause denied, run in without "that"."""
    noun = pred.head
    return (pred.dep_ == "acl" and noun.dep_ == "dobj" and _lemma(noun.head) in DENIAL_VERBS
            and not _negated(noun.head))


# Control verbs that end what their complement tells: it was going on.
STOP_VERBS = frozenset({"stop", "cease", "halt", "quit"})
# Verbs whose clause says what the speaker holds did not happen.
DENIAL_VERBS = frozenset({"deny"})
# Prepositions whose gerund serves the clause it hangs from ("a role in assisting", "beyond
# condemning", "will ease tensions by signing"), so stands as that clause does; not "accused of
# helping", "thanked for helping".
SERVING_PREPS = frozenset({"in", "beyond", "besides", "by"})
# Adverbs with "would" that tell what happened next from an earlier point: "would later condemn".
LATER_ADVERBS = frozenset({"later", "eventually", "subsequently", "afterwards", "afterward", "ultimately"})


def _leaving_no_other(pred: Token) -> Token | None:
    """The verb of "have no choice but to X" (or "nothing but") that X serves, or None."""
    but = pred.head
    if pred.dep_ != "pcomp" or but.lower_ != "but" or but.i == pred.i:
        return None
    gov = but.head
    if gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "attr") and gov.head.i != gov.i:
        gov = gov.head
    return gov if gov.pos_ in ("VERB", "AUX") else None


def _gerund_governor(pred: Token) -> Token | None:
    """The verb a gerund serves through 'in', 'beyond', 'besides' or 'by' (up through a noun: "will
    play a role in assisting"; "will reduce tensions by signing a declaration"), or None."""
    if pred.dep_ != "pcomp" or pred.tag_ != "VBG" or pred.head.lower_ not in SERVING_PREPS:
        return None
    node = pred.head.head
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i or node.dep_ not in ("dobj", "obj", "pobj", "prep", "attr"):
            return None
        node = node.head
    return None


def _subjunctive(lex: Lexicon, pred: Token) -> bool:
    """A bare verb in a 'that' clause of a verb of asking or proposing ("demanded that the agency
    explain", "suggested that ICE arrest them"): asked for, not reported as done."""
    while pred.dep_ == "conj" and pred.head.i != pred.i and pred.tag_ == "VB":
        pred = pred.head  # "that ICE identify them and arrest them"
    # the tagger may read a plural subject's bare verb as a present ("a demand that the
    # Taliban agree"), which the sequence of tenses would have made "agreed" after a past verb
    if pred.dep_ not in ("ccomp", "acl", "relcl") or pred.tag_ not in ("VB", "VBP") or pred.head.i == pred.i:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in pred.children):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in pred.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in pred.children):
        return False
    hl = _lemma(pred.head)
    if pred.head.pos_ == "NOUN":
        return hl in lex.control_nouns or hl in MANDATIVE_NOUNS  # "the suggestion that ICE arrest them"
    return lex.intent_kind.get(hl) == "request" or hl in MANDATIVE_VERBS


# Verbs whose 'that' clause with a bare verb says what should be done ("suggested that ICE arrest").
MANDATIVE_VERBS = frozenset({"suggest", "propose", "recommend", "insist", "advise", "move", "ask"})
MANDATIVE_NOUNS = frozenset({"suggestion", "recommendation", "insistence", "idea", "motion"})


# Words that open a clause of time: with a verb in the present, what may happen at any time.
WHEN_WORDS = frozenset({"when", "whenever"})


# Words that open a clause of time whose present tense tells what is awaited: "until the
# commission meets", "before the two sides sign", "once the troops leave".
AWAITED_WORDS = frozenset({"until", "till", "before", "once", "after"})


# Adverbs that make a verb tell a habit, not an occasion: "rarely criticizes", "seldom met" in any
# tense; the others only in the simple present ("often meets", but "often visited in 2019" were
# visits).
RARE_ADVERBS = frozenset({"rarely", "seldom"})
HABIT_ADVERBS = frozenset({"often", "frequently", "usually", "routinely", "typically", "habitually", "normally",
                           "regularly", "generally", "sometimes", "occasionally"})


def _habitual(pred: Token) -> bool:
    """'who has rarely criticized Putin', 'the president often meets envoys': what someone does as
    a rule, no report of an act."""
    adverbs = {c.lower_ for c in pred.children if c.dep_ == "advmod"}
    if adverbs & RARE_ADVERBS:
        return True
    tensed = _tensed(pred)
    return bool(adverbs & HABIT_ADVERBS) and len(tensed) == 1 and pred.tag_ in ("VBZ", "VBP")


def _tensed(pred: Token) -> list[Token]:
    """The verb and its auxiliaries, which between them carry its tense."""
    return [pred, *(c for c in pred.children if c.dep_ in ("aux", "auxpass"))]


def _generic_when(pred: Token) -> bool:
    """'when a woman is assaulted', 'whenever the senate votes': a clause of time in the present
    says what happens in general (or will), not what was reported to have happened."""
    return _time_clause(pred, WHEN_WORDS)


def _awaited(pred: Token) -> bool:
    """'until the commission meets': a clause of time in the present that waits for the act (a
    perfect, 'after riots have broken out', tells what is done)."""
    return _time_clause(pred, AWAITED_WORDS) and not _perfect(pred)


def _time_clause(pred: Token, openers: frozenset[str]) -> bool:
    """Whether pred heads a clause of time in the present opened by one of `openers`."""
    # the parser may hang "when" on a coordinated verb: "when a woman is assaulted and loses ..."
    words = [*pred.children, *(g for c in pred.children if c.dep_ == "conj" for g in c.children)]
    if pred.dep_ != "advcl" or not any(c.dep_ in ("advmod", "mark") and c.lower_ in openers for c in words):
        return False
    tensed = _tensed(pred)
    return tensed[-1].tag_ in ("VBZ", "VBP") and not any(t.tag_ in ("VBD", "MD") for t in tensed)


def _narrated_later(pred: Token) -> bool:
    """'would later', 'would eventually': a past told from before it, not a condition."""
    return any(c.dep_ == "advmod" and c.lower_ in LATER_ADVERBS for c in pred.children) and not _in_conditional(pred)


# Subjects of "be" whose 'that' clause is a guess, not a report: "one possibility is that ...".
POSSIBILITY_NOUNS = frozenset({
    "possibility", "theory", "hypothesis", "scenario", "explanation", "fear", "worry", "concern", "hope",
    "risk", "danger", "question", "suspicion", "speculation", "guess", "assumption", "chance", "likelihood",
    "prospect", "probability", "odds",
})


# Subjects that say nobody did it: "No one is making such promises", "nobody came".
NOBODY = frozenset({"nobody", "none", "nothing", "noone"})


def _nobody(pred: Token) -> bool:
    """A subject or object that denies the act: 'no one has made offers', 'nobody came',
    'offered no concessions', 'killed no one'."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and (c.lower_ in NOBODY or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children))
        for c in pred.children
    )


def _addressed(v: Token) -> bool:
    """A speech verb with someone it speaks to ('told us to', 'warned them to'), not a report
    about what happened ('is said to have', 'claimed to have destroyed')."""
    return not _passive(v) and any(c.dep_ in ("dobj", "dative") for c in v.children)


def _purpose(lex: Lexicon, pred: Token) -> bool:
    """'to rescue the crew' hanging from the verb it is the purpose of (not from a verb that
    says how its complement stands, 'refused to', 'told them to', 'agreed to')."""
    if pred.dep_ not in ("advcl", "xcomp") or not _to_marked(pred):
        return False
    hl = _lemma(pred.head)
    return hl not in lex.control and hl not in lex.speech and hl not in lex.intent_kind


def _without_status(ctx: DocContext, gerund: Token, in_speech: bool) -> str:
    """How an act stands that something is done 'without': not done when that is told as done
    ("fired his secretary without consulting Congress"); where it is not done, or only planned,
    a condition of it ("would not sign without consulting parliament", "not without consulting
    Peru": hypothetical) or planned with it."""
    prep = gerund.head
    gov = prep.head
    for _ in range(3):
        if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
            break
        gov = gov.head
    if gov.pos_ not in ("VERB", "AUX"):
        return "negated"  # "a life without consulting anyone"
    if any(c.dep_ == "neg" for c in prep.children) or _negated(gov) or _modal(gov) in CONDITIONAL_MODALS:
        return "hypothetical"
    done = verb_status(ctx, gov, in_speech)
    if done in ("occurred", "ongoing"):
        return "negated"
    return "planned" if done == "planned" else "hypothetical"


def _not_yet(pred: Token) -> bool:
    """'has not started yet', 'not yet signed': still to happen, not denied."""
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in pred.children)


# Adjectives whose "of" + gerund is an act that could be done, not one that was.
ABILITY_ADJECTIVES = {"capable": "hypothetical", "incapable": "hypothetical"}


# Nouns of a means: "the only way to prevent it" is hypothetical, but "a long way toward
# meeting the demands" went some way, and "cleared the way for X" makes X the next thing.
MEANS_NOUNS = frozenset({"way", "means"})
OPENING_VERBS = frozenset({"clear", "pave", "open"})


def _intended_by_noun(lex: Lexicon, pred: Token) -> str | None:
    """How an infinitive stands that says what a noun of intent is for: 'the plot to kill'
    (planned), 'the refusal to hand them over' (negated), 'the ability to strike' (hypothetical)."""
    if pred.dep_ == "pcomp" and pred.head.head.pos_ == "NOUN":
        if _lemma(pred.head.head) in MEANS_NOUNS:
            return None  # "have gone a long way toward meeting the demands": partly met
        return lex.control_nouns.get(_lemma(pred.head.head))  # "some interest in repatriating"
    if pred.dep_ == "pcomp" and pred.head.lower_ == "of" and _lemma(pred.head.head) in ABILITY_ADJECTIVES:
        return ABILITY_ADJECTIVES[_lemma(pred.head.head)]  # "an army capable of resuming the battle"
    to = next((c for c in pred.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is not None and to.i > 0 and pred.dep_ in ("advcl", "xcomp"):
        # the parser hangs it on the verb across the noun's own phrase ("followed the president's
        # threat at the UN assembly to destroy North Korea"): the noun the words before "to" serve
        noun = _intent_noun_before(lex, pred.doc[to.i - 1])
        return lex.control_nouns[_lemma(noun)] if noun is not None else None
    if pred.dep_ not in ("acl", "relcl") or to is None:  # "no better way to prevent it": relcl
        return None
    # the parser often hangs the infinitive higher ("news of the plot to kill"): the noun
    # right before "to" is the one it completes
    before = pred.doc[to.i - 1] if to.i > 0 else pred.head
    if _lemma(pred.head) in MEANS_NOUNS and pred.head.dep_ == "dobj" and _lemma(pred.head.head) in OPENING_VERBS:
        return "planned"  # "cleared the way for executions to be carried out": now to come
    status = lex.control_nouns.get(_lemma(pred.head)) or lex.control_nouns.get(_lemma(before))
    if status == "planned" and any(c.dep_ == "det" and c.lower_ == "no" for c in pred.head.children):
        return "negated"  # "there were no plans to evacuate the embassy"
    return status


def _intent_noun_before(lex: Lexicon, tok: Token) -> Token | None:
    """The noun of intent whose phrase ends at tok, up through the phrases that qualify it
    ("threat at the UN general assembly"), or None where a verb comes first ("sent police to the
    crossing")."""
    for _ in range(5):
        if tok.pos_ == "NOUN" and _lemma(tok) in lex.control_nouns:
            return tok
        if tok.dep_ not in ("pobj", "prep", "compound", "amod") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


# Finite verb tags: a verb with tense says when; an infinitive or a gerund does not.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(v: Token) -> bool:
    """Whether a verb carries tense itself or through its auxiliaries ("signed", "has signed",
    "were deployed"), unlike "to impose new sanctions" or "mount new demonstrations" after "to"."""
    if v.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in v.children):
        return _finite(v.head)  # "to start writing speeches and mount new demonstrations"
    if v.tag_ in ("VBP", "VBZ") and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in v.children):
        return False  # a present tense with no subject is an infinitive the tagger misread
    return v.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in v.children)


# Words that make an event planned only when no verb says it happened: "new talks" are to come,
# "held new talks" were held ("the next round" is to come even when "welcomed").
ONLY_UNTOLD_PLANNING = frozenset({"new", "another", "further"})


def _modifier_status(lex: Lexicon, noun: Token, status: str, told_by_verb: bool = False) -> str:
    """'the next round', 'a postponed meeting', 'the failed talks' say how an event stands; a
    comparison does not ('a longer than expected siege'). When the noun is the object of the verb
    that reports the event (told_by_verb: "signed a new agreement", "held another round"), the
    verb's tense says whether it happened, not "new" or "another"."""
    mods = {
        c.lower_
        for c in noun.children
        if c.dep_ in ("amod", "compound", "advmod", "nummod", "det", "poss") and not _compared(c)
    }
    for c in noun.children:
        if c.dep_ == "amod":
            mods |= {g.lower_ for g in c.children if not _compared(g)}
    if mods & lex.failed_mods:
        return "failed"
    if mods & lex.cancelled_mods:
        return "cancelled"
    if status == "occurred":
        planning = mods & lex.planned_mods
        if told_by_verb:
            planning -= ONLY_UNTOLD_PLANNING
        if planning and not mods & lex.past_mods:
            return "planned"
        if mods & lex.ongoing_mods:
            return "ongoing"
    if "no" in mods and status == "occurred":
        return "negated"
    return status


def _compared(t: Token) -> bool:
    """'than expected': a modifier that measures the event against a plan, not a plan."""
    return any(c.dep_ == "mark" and c.lower_ == "than" for c in t.children)


def _pronoun_only(doc: object, pred: Token, noun: Token | None, f: _Found) -> bool:
    """A verbal mention that names no party of its own ('both sides discussing', 'We discussed')."""
    subs, _ = subjects(pred)
    if f.subject_event is not None:
        return _definite(f.subject_event)
    objs = [c for c in pred.children if c.dep_ in ("dobj", "obj") and (noun is None or c.i != noun.i)]
    named = [t for t in subs + objs if t.pos_ == "PROPN" or t.ent_type_]
    if noun is not None and _definite(noun):
        return not named
    return (
        bool(subs)
        and not named
        and all(
            s.lower_ in ("we", "they", "both", "sides", "side", "parties")
            or any(c.lower_ == "both" for c in s.children)
            for s in subs
        )
    )


def _definite(n: Token) -> bool:
    """'the talks', 'this meeting', 'their discussion' (not 'the next round', 'the last meeting')."""
    dets = {c.lower_ for c in n.children if c.dep_ in ("det", "poss")}
    mods = {c.lower_ for c in n.children if c.dep_ in ("amod", "compound", "nummod")}
    blockers = {
        "next",
        "last",
        "previous",
        "first",
        "second",
        "third",
        "another",
        "new",
        "upcoming",
        "latest",
        "final",
        "future",
        "earlier",
        "recent",
    }
    return bool(dets & DEFINITE) and not mods & blockers


# ----------------------------------------------------------------------------- nominal mentions


def _noun_mention(
    ctx: DocContext, sent: Span, si: int, f: _Found, frame: Token, found: dict[int, _Found]
) -> EventMention | None:
    """A mention whose trigger is an event noun framed by a verb ('the talks took place')."""
    doc = ctx.doc
    lex = ctx.lex
    tr = f.trig
    n = doc[tr.noun if tr.noun is not None else tr.pred]
    slot = _attempted(n)  # where the clause speaks of the event: the noun, or its attempt
    speaker, speech = speaker_for(ctx, frame)
    fl = _lemma(frame)
    in_speech = speech is not None or ctx.quote_of[n.i] >= 0
    particle = _particle_status(lex, frame)
    # a verb whose object is no event noun is the event itself ("called up thousands of
    # reservists", "returned the land"): its tense tells how it stands, not the frames of nouns
    # ("called a meeting for Monday" plans one)
    acted = (tr.kind == "light" and frame.i == tr.pred and verb_object_entry(lex, fl, n)[0] is not None
             and noun_entry(lex, n) is None)
    # how it stands
    if acted:
        st = verb_status(ctx, frame, in_speech)
    elif particle is not None:
        st = particle  # "the talks were called off"
        fst = verb_status(ctx, frame, in_speech)
        if fst in ("negated", "hypothetical"):
            st = fst
    elif slot.dep_ in SUBJECT_DEPS and fl in lex.occurrence:
        st = verb_status(ctx, frame, in_speech)
        if lex.occurrence[fl] == "failed" and _nearly(frame):
            st = "occurred"  # "the talks almost collapsed": held, and went on
        elif st == "negated" or (lex.occurrence[fl] == "failed" and st != "hypothetical"):
            st = "failed"  # "did not take place", "the talks collapsed" (not "should talks fail")
    elif fl in lex.frames and lex.frames[fl] != "tense" and not (fl in ANNOUNCING and tr.type != "CONSULT"):
        st = lex.frames[fl]
        fst = verb_status(ctx, frame, in_speech)
        if fst in ("negated", "hypothetical") or (fst == "planned" and st == "cancelled"):
            st = fst
    elif fl in lex.control and slot.dep_ in SUBJECT_DEPS:
        st = lex.control[fl] if lex.control[fl] != "occurred" else "planned"
        if fl == "suppose":
            st = "failed" if _past(frame) else "planned"
        if _negated(frame):
            st = "negated"
    elif n.dep_ == "pobj" and n.head.lower_ in SETTING_PREPS:
        st = verb_status(ctx, frame, in_speech)
        if st == "negated":
            st = "occurred"  # "Pence was not at Trump Tower during the meeting": it was held without him
    elif (standing := _standing_phrase(n, frame)) is not None:
        st = standing  # "a meeting between Kim and Trump is in the works": being arranged
        if verb_status(ctx, frame, in_speech) in ("negated", "hypothetical"):
            st = "hypothetical"
    else:
        st = verb_status(ctx, frame, in_speech)
        if st == "negated" and _described(n, frame):
            st = "occurred"  # "the raid was not a reprisal", "the talks were not a success"
        elif st == "occurred" and _judged_idea(n, frame):
            st = "hypothetical"  # "an assault weapons ban is critical": an idea weighed, no ban
    # a light verb with tense tells whether it happened: "signed a new agreement" was signed,
    # "held another round of talks" held
    told = tr.kind == "light" and frame.i == tr.pred and _finite(frame)
    st = _modifier_status(lex, n, st, told)
    if slot is not n:
        st = _modifier_status(lex, slot, st, told)  # "a failed attempt at talks"
    if st in ("planned", "occurred"):
        st = _failure_after(ctx, sent, n, st)
    if st == "planned":
        st = _conjunct_outcome(ctx, frame, st)
    actors = _noun_roles(ctx, tr, n, frame, speaker, found) or _wanted_by(ctx, frame, speaker)
    if tr.type == "CONSULT" and st == "failed":
        actors = _with_absentees(ctx, sent, actors, speaker)
    tokens = {n.i, slot.i, frame.i} | {c.i for c in frame.children if c.dep_ == "xcomp"}
    if slot.head.i != frame.i and slot.head.i != slot.i and _reduced_relative(ctx, slot) is not None:
        tokens.add(slot.head.i)  # "planned for Monday afternoon in Lindholm"
    anaphoric = _definite(n) or any(
        c.lower_ in ANAPHORIC_PRONOUNS for c in frame.children if c.dep_ == "nsubj"
    )
    if _lemma(frame) == "be" and any(
        c.lower_ in ANAPHORIC_PRONOUNS for c in frame.children if c.dep_ == "nsubj"
    ):
        anaphoric = True
    return _finish(
        ctx,
        sent,
        si,
        tr,
        st,
        _mode(ctx, tr, frame, n),
        actors,
        tokens,
        found,
        speech,
        topic=_topic(ctx, tr, frame, n, f),
        anaphoric=anaphoric,
    )


def _described(n: Token, frame: Token) -> bool:
    """An event noun that is the subject of 'be' with something said of it: a negation denies
    what is said ('not about revenge', 'not a success'), not that the event happened."""
    return (
        _lemma(frame) == "be"
        and n.dep_ == "nsubj"
        and n.head.i == frame.i
        and any(c.dep_ in ("attr", "acomp", "prep") for c in frame.children)
    )


# What "be" and a phrase say of how an event stands: "the summit is in the works", "talks are
# under way", "the visit is on hold".
STANDING_PHRASES = {("in", "works"): "planned", ("on", "track"): "planned", ("on", "hold"): "planned",
                    ("in", "pipeline"): "planned", ("under", "way"): "ongoing", ("in", "progress"): "ongoing"}


def _standing_phrase(n: Token, frame: Token) -> str | None:
    """How an event noun, the subject of 'be', stands by the phrase 'be' gives it, or None."""
    if _lemma(frame) != "be" or n.dep_ != "nsubj" or n.head.i != frame.i:
        return None
    if any(c.lower_ == "underway" for c in frame.children if c.dep_ in ("acomp", "advmod")):
        return "ongoing"
    for c in frame.children:
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj" and (c.lower_, p.lower_) in STANDING_PHRASES:
                    return STANDING_PHRASES[(c.lower_, p.lower_)]
    return None


def _judged_idea(n: Token, frame: Token) -> bool:
    """An indefinite event noun that 'be' gives an adjective ("a ban is critical", "a deal is
    possible"): the idea of such an event judged, none reported. A definite one ("the attack was
    brutal") is an event the text knows."""
    if _lemma(frame) != "be" or n.dep_ != "nsubj" or n.head.i != frame.i:
        return False
    if not any(c.dep_ == "acomp" for c in frame.children):
        return False
    return not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "such") for c in n.children)


def _wanted_by(ctx: DocContext, frame: Token, speaker: Who | None) -> list[MentionActor]:
    """'Sørensen wants another meeting to take place': who wants or plans an event the text
    names no party of."""
    node = frame
    for _ in range(3):
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            return []
        node = node.head
        if _lemma(node) in ctx.lex.control:
            subs, passive = subjects(node, ctx.dateline)
            if subs and not passive:
                return [MentionActor(w, "source") for w in _actors_of(ctx, subs, speaker)]
    return []


def _conjunct_outcome(ctx: DocContext, frame: Token, status: str) -> str:
    """'The meeting was planned for Monday but did not take place / was later called off': a
    coordinated verb without a subject of its own says how the planned event turned out."""
    lex = ctx.lex
    for c in frame.children:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or _children(c, SUBJECT_DEPS):
            continue
        cl = _lemma(c)
        particle = _particle_status(lex, c)
        if particle is not None and not _negated(c):
            return particle
        if cl in lex.occurrence:
            need = lex.occurrence[cl]
            if need == "failed" or (_negated(c) and (need == "" or any(g.lower_ == need for g in c.children))):
                return "failed"
        if lex.frames.get(cl) == "cancelled" and _passive(c) and not _negated(c):
            return "cancelled"
    return status


def _failure_after(ctx: DocContext, sent: Span, n: Token, status: str) -> str:
    """'A meeting was expected, but it couldn't happen': a pronoun after the event noun, subject
    of a negated occurrence verb, says the event failed."""
    lex = ctx.lex
    for t in ctx.doc[n.i + 1 : min(sent.end, n.i + FAILURE_WINDOW)]:
        if noun_entry(lex, t) is not None:
            return status  # a later event noun is what the pronoun points at
        if t.dep_ == "nsubj" and t.lower_ in ANAPHORIC_PRONOUNS:
            v = t.head
            vl = _lemma(v)
            if vl in lex.occurrence and (_negated(v) or lex.occurrence[vl] == "failed"):
                return "failed"
            if vl in lex.control and lex.control[vl] == "failed":
                return "failed"
    return status


# Verbs whose negation says a party stayed away from a meeting: "the Karst delegation did not
# arrive", "never showed up", "failed to turn up".
ARRIVAL_VERBS = frozenset({"arrive", "come", "attend", "appear"})
ARRIVAL_PHRASAL = frozenset({"show", "turn"})  # with "up"


def _with_absentees(ctx: DocContext, sent: Span, actors: list[MentionActor], speaker: Who | None
                    ) -> list[MentionActor]:
    """A failed meeting's actors with the party its sentence says stayed away ('the trilateral
    failed when the Karst delegation did not arrive'): it was to take part. Outlets that tell the
    failure only so name nobody else, and without a party their report joins no other."""
    known = {a.who.key for a in actors}
    out = list(actors)
    for v in sent:
        vl = _lemma(v)
        arrival = vl in ARRIVAL_VERBS or (vl in ARRIVAL_PHRASAL and any(c.lower_ == "up" for c in v.children))
        if not arrival or v.pos_ not in ("VERB", "AUX"):
            continue
        tried = v.head if v.dep_ == "xcomp" and _lemma(v.head) == "fail" else None  # "failed to arrive"
        if not (_negated(v) or tried is not None):
            continue
        holder = tried if tried is not None else v
        for w in _actors_of(ctx, [c for c in holder.children if c.dep_ == "nsubj"], speaker):
            if w.named and w.key not in known:
                known.add(w.key)
                out.append(MentionActor(w, "participant"))
    return out


def _noun_roles(
    ctx: DocContext, tr: Trigger, n: Token, frame: Token, speaker: Who | None, found: dict[int, _Found]
) -> list[MentionActor]:
    """Roles around an event noun: its possessor or 'by' acts, 'with'/'between' are the other sides,
    the frame verb's subject holds or hosts it ('Sørensen held a meeting with ...')."""
    lex = ctx.lex
    out: list[MentionActor] = []
    sources: list[Who] = []
    mediators: list[Who] = []
    own = noun_entry(lex, n)
    owners: list[Who] = []  # the noun's possessor or 'by' phrase
    own_span = ctx.mention_at.get(n.i)
    for c in n.children:
        if own_span is not None and own_span[1] <= c.i < own_span[2]:
            continue  # part of the name ("the Friendship Bridge")
        if c.dep_ == "poss":
            owners.extend(resolve(ctx, c, speaker))
        elif c.dep_ == "compound" and mention_type(ctx, c.i) is None and tr.type == "ASSAULT":
            # "Ukrainian drone strikes": the parser hangs the owner on the weapon
            owners.extend(_owners_of_event(ctx, c, speaker))
        elif c.dep_ in ("compound", "amod", "nmod") and mention_type(ctx, c.i) is not None:
            who = who_at(ctx, c.i)
            if who is not None:
                if any(
                    _lemma(g) in ("mediate", "host", "facilitate", "sponsor", "broker")
                    for g in c.head.children
                    if g.i > c.i and g.i < n.i
                ) or _lemma(c) in ("mediate", "host"):
                    mediators.append(who)
                else:
                    owners.append(who)
        elif c.dep_ == "amod" and _lemma(c) in ("mediate", "host", "facilitate", "sponsor", "broker"):
            for g in c.children:
                if mention_type(ctx, g.i) is not None and (who := who_at(ctx, g.i)) is not None:
                    mediators.append(who)
        elif c.dep_ == "acl" and _lemma(c) in (
            "mediate",
            "host",
            "facilitate",
            "sponsor",
            "broker",
            "organize",
            "organise",
            "chair",
        ):
            mediators.extend(_actors_of(ctx, agents(c), speaker))
    owners.extend(_actors_of(ctx, agents(n), speaker))
    partners = _actors_of(ctx, prep_objects(n, ("with", "between", "among")), speaker)
    if not partners:
        # "a meeting that had been planned for Tuesday between A and B"
        plans = [c for c in n.children if c.dep_ in ("relcl", "acl") and _planning(lex, c)]
        if _reduced_relative(ctx, n) is not None:
            plans.append(n.head)
        for p in plans:
            partners.extend(_actors_of(ctx, prep_objects(p, ("with", "between", "among")), speaker))
    light = _lemma(frame) in lex.light_verbs or _lemma(frame) in lex.frames
    if (
        frame.i == n.i
        or tr.kind == "noun"
        or (own is not None and own[0] == tr.type)
        or (own is None and (light or _lemma(n) in FORCE_NOUNS))
    ):
        sources.extend(owners)
    else:
        partners.extend(owners)  # "rejected calls by Belarus's rulers": the callers are the target
    of_objs = prep_objects(n, ("of",))
    visited: list[Token] = []
    if own is not None and own[1] == "visit":
        # "to Y" hangs on the visit or, as the parser often has it, on the visitor
        visited = prep_objects(n, ("to",)) or [t for o in of_objs for t in prep_objects(o, ("to",))]
    if tr.type == "CONSULT" and visited and of_objs and not sources:
        # "the visit of the Chinese foreign minister to Brazil": the visitor goes, the host receives
        sources.extend(_actors_of(ctx, of_objs, speaker))
        partners.extend(_actors_of(ctx, visited, speaker))
    elif tr.type == "CONSULT":
        partners.extend(_actors_of(ctx, of_objs, speaker))
    elif not partners:
        partners.extend(_actors_of(ctx, prep_objects(n, TARGET_PREPS.get(tr.type, ())), speaker))
    # the frame verb's subject: "Sørensen held a meeting", "the parties agreed to talks"
    fl = _lemma(frame)
    if n.dep_ in OBJECT_DEPS and frame.i != n.i:
        subs, passive = subjects(frame, ctx.dateline)
        subs = [s for s in subs if same_segment(ctx, frame.i, s.i)]
        holders = _actors_of(ctx, agents(frame) if passive else subs, speaker)
        if not subs and speaker is not None and ctx.quote_of[frame.i] >= 0:
            holders = [speaker]
        elif not subs and not passive:
            holders = _left_subject(ctx, frame)
        partners.extend(_actors_of(ctx, prep_objects(frame, ("with", "between")), speaker))
        if fl in HAVING_VERBS and tr.type in GIVEN_TYPES and of_objs:
            # "holds the support of his crew": the crew gives it, the holder receives it
            givers = _actors_of(ctx, of_objs, speaker)
            sources.extend(givers)
            partners = [w for w in partners if w not in givers] + holders
        elif (fl in MEDIATING_VERBS and tr.type in BROKERED_TYPES) or (
            tr.type == "CONSULT" and _mode_word(ctx, frame, n) == "trilateral" and len(partners) >= 2
        ):
            mediators.extend(holders)
        else:
            sources.extend(holders)
    if frame.i != n.i and tr.type != "CONSULT" and not partners:
        others = [c for c in frame.children if c.dep_ in ("dobj", "dative") and c.i != n.i]
        partners.extend(_actors_of(ctx, others, speaker))
        if partners and not any(w.named for w in partners):
            partners = _named_party(ctx, frame, speaker) or partners
        if not partners:
            partners.extend(_actors_of(ctx, prep_objects(frame, TARGET_PREPS.get(tr.type, ())), speaker))
    if frame.i != n.i and tr.type == "CONSULT" and not partners:
        partners.extend(_actors_of(ctx, prep_objects(n, ("to",)) + prep_objects(frame, ("to",)), speaker))
    if not partners and tr.type != "CONSULT":
        partners.extend(_inner_actors(ctx, n))
    if not partners and tr.type != "CONSULT":
        for h in (n, frame):
            if not partners:
                partners.extend(_actors_of(ctx, prep_objects(h, FALLBACK_PREPS), speaker, frame.i))
    if not partners:
        partners.extend(_response_target(ctx, [n, frame], speaker))
    if not partners and tr.type != "CONSULT":
        # "signed a water agreement in Lindholm": where a verbal act was done is not a side of it;
        # where what it is about would happen may be ("rejected a call for troops to be deployed in X")
        material = tr.type in MATERIAL_TYPES
        found_deep = _deep_target(ctx, n, speaker, PARTY_PREPS, places=material)
        if not found_deep and not material:
            clauses = [c for c in n.children if c.dep_ in ("relcl", "acl", "xcomp", "ccomp")]
            found_deep = _place_target(ctx, clauses, speaker)
        partners.extend(w for w in found_deep if w.named)
    if not partners and tr.type in MATERIAL_TYPES and frame.i != n.i:
        partners.extend(_purpose_target(ctx, frame, speaker))
    if not partners and tr.type != "CONSULT" and frame.i != n.i:
        partners.extend(_linear_target(ctx, max(tr.end, n.i + 1), speaker))
    if not partners and tr.type in MATERIAL_TYPES:
        partners.extend(_place_target(ctx, [n, frame], speaker))
    source_keys = {w.key for w in sources + mediators}
    partners = [w for w in partners if w.key not in source_keys]
    seen: set[str] = set()
    for role, group in (("mediator", mediators), ("source", sources)):
        for w in group:
            if w.key not in seen:
                seen.add(w.key)
                out.append(MentionActor(w, role))
    partner_role = "participant" if tr.type == "CONSULT" and (mediators or not sources) else "target"
    for w in partners:
        if w.key not in seen:
            seen.add(w.key)
            out.append(MentionActor(w, partner_role))
    del lex
    return out


# ----------------------------------------------------------------------------- speech-based events


def _talk_requests(ctx: DocContext, sent: Span, si: int, found: dict[int, _Found]) -> list[EventMention]:
    """'We need to talk about X', said by a side: a request for talks (PLOVER REQUEST, mode meet);
    the talks themselves are not (yet) an event."""
    out: list[EventMention] = []
    for i, f in list(found.items()):
        t = ctx.doc[i]
        if f.absorbed or f.trig.type != "CONSULT" or f.trig.kind != "verb" or t.dep_ != "xcomp":
            continue
        if _lemma(t.head) not in ("need", "have", "want") or _negated(t.head):
            continue
        speaker, speech = speaker_for(ctx, t)
        if speaker is None:
            continue
        subs, _ = subjects(t, ctx.dateline)
        who = _actors_of(ctx, subs, speaker)
        if who and not any(w.key == speaker.key for w in who):
            continue
        f.absorbed = True
        trig = Trigger("REQUEST", "meet", "verb", t.i, None, t.head.i, t.i + 1)
        out.append(
            _finish(
                ctx,
                sent,
                si,
                trig,
                "occurred",
                "meet",
                [MentionActor(speaker, "source")],
                {t.i, t.head.i},
                found,
                speech,
                topic=_topic_of_preps(ctx, t),
            )
        )
    return out


def _obligations(ctx: DocContext, sent: Span, si: int, found: dict[int, _Found]) -> list[EventMention]:
    """'X said Libya must hand over the suspects': a demand by X on Libya; the handing over is
    what is demanded, not an event of its own."""
    out: list[EventMention] = []
    for t in sent:
        if t.pos_ not in ("VERB", "AUX") or _modal(t) not in OBLIGATION_MODALS or _negated(t):
            continue
        if _in_conditional(t) or _asked_how(t):
            continue  # "should the president lose", "about how Fox News should prepare"
        speaker, speech = speaker_for(ctx, t)
        if speaker is None:
            continue
        verb = reporting_verb(ctx.lex, t)
        if verb is not None and verb.i in found and found[verb.i].trig.type == "REQUEST":
            continue  # "insisted that ... must": the verb is already the demand
        subs, _ = subjects(t, ctx.dateline)
        who = _actors_of(ctx, subs, speaker)
        if not who or any(w.key == speaker.key for w in who) or all(s.pos_ == "PRON" for s in subs):
            continue
        # "said that the statute of the commission must be settled": a demand about a thing,
        # made of nobody it names; the whole clause is what is demanded
        about_a_thing = not any(_names_a_party(ctx, c) for s in subs for c in conjuncts(s))
        if t.i in found:
            found[t.i].absorbed = True
        for c in t.children:
            if c.dep_ in ("dobj", "obj") and c.i in found:
                found[c.i].absorbed = True
        trig = Trigger("REQUEST", None, "verb", t.i, None, t.i, t.i + 1)
        actors = [MentionActor(speaker, "source")] + [MentionActor(w, "target") for w in who if not about_a_thing]
        topic = _clause_phrase(t, with_subject=about_a_thing)
        out.append(_finish(ctx, sent, si, trig, "occurred", None, actors, {t.i}, found, speech, topic=topic))
    return out


def _names_a_party(ctx: DocContext, subject: Token) -> bool:
    """Whether a subject is someone who could be asked to act: a name, a pronoun, or a noun for
    people or a body ("the government", "both sides"), not a thing ("the statute of X")."""
    lemma = _lemma(subject)
    return (
        mention_type(ctx, subject.i) is not None
        or subject.pos_ in ("PRON", "PROPN")
        or lemma in ctx.lex.actor_nouns
        or lemma in ctx.lex.group_nouns
    )


# Verbs that make their complement possible, not done: "allows voters to cheat".
ENABLING_VERBS = frozenset({"allow", "permit", "enable", "let", "help", "encourage", "invite", "tempt", "make"})


def _enabled(v: Token) -> bool:
    """A verb that is the complement of a verb of enabling ("allows voters to cheat")."""
    return v.dep_ in ("xcomp", "ccomp") and v.head.i != v.i and _lemma(v.head) in ENABLING_VERBS


# Words that open an indirect question: "how Fox should prepare" asks, it demands nothing.
WH_WORDS = frozenset({"how", "what", "whether", "why", "when", "where", "which", "who", "whom"})


def _asked_how(v: Token) -> bool:
    """A clause that is an indirect question ("about how Fox News should prepare")."""
    first = v.doc[v.left_edge.i]
    return v.dep_ != "ROOT" and (first.lower_ in WH_WORDS or any(
        c.dep_ in ("advmod", "mark") and c.lower_ in WH_WORDS and c.i < v.i for c in v.children
    ))


def _speech_events(ctx: DocContext, sent: Span, si: int, found: dict[int, _Found]) -> list[EventMention]:
    """Accusations and demands made in speech: a quoted speaker saying someone 'sabotaged' the
    process accuses them; saying someone 'must' do something demands it."""
    lex = ctx.lex
    out: list[EventMention] = []
    for t in sent:
        if t.pos_ not in ("VERB", "AUX") or (
            t.i in found and not found[t.i].absorbed and found[t.i].trig.type != "CONSULT"
        ):
            continue
        lemma = _lemma(t)
        if lemma not in lex.wrongdoing or _negated(t):
            continue
        speaker, speech = speaker_for(ctx, t)
        if speaker is None:
            continue
        if verb_status(ctx, t, True) not in ("occurred", "ongoing") or _enabled(t):
            # "will block any attempt", "if Iran starts to cheat", "mail ballots allow voters to
            # cheat": no deed to blame yet, only one that may come
            continue
        subs, passive = subjects(t, ctx.dateline)
        who = _actors_of(ctx, subs, speaker)
        if (
            passive
            or not who
            or any(w.key == speaker.key for w in who)
            or all(s.pos_ == "PRON" for s in subs)
        ):
            continue
        trig = Trigger("ACCUSE", "allege", "verb", t.i, None, t.i, t.i + 1)
        topic = _clause_phrase(t)
        actors = [MentionActor(speaker, "source")] + [MentionActor(w, "target") for w in who]
        out.append(
            _finish(ctx, sent, si, trig, "occurred", trig.mode, actors, {t.i}, found, speech, topic=topic)
        )
    return out


# ----------------------------------------------------------------------------- attributes


def _mode_word(ctx: DocContext, pred: Token, noun: Token | None) -> str | None:
    """Storyline's meeting modes from the words around the trigger: trilateral, bilateral,
    high-level, multilateral, phone."""
    lex = ctx.lex
    words: list[Token] = []
    heads = [pred]
    if noun is not None:
        # "the meeting in Lindholm, the first planned trilateral session, ...": the appositive
        # meeting noun says the format of the meeting it renames
        heads += [noun, *(c for c in noun.children if c.dep_ == "appos" and _meeting_noun(lex, c))]
    for h in heads:
        if h.lower_ in MEETING_ADJECTIVES and h is not pred:
            words.append(h)  # "the talks, a bilateral, ..."
        for c in h.children:
            if c.dep_ in ("amod", "compound", "advmod", "nmod", "npadvmod", "acomp"):
                words.append(c)
                words.extend(g for g in c.children if g.dep_ in ("amod", "compound", "advmod", "punct"))
    words.sort(key=lambda t: t.i)
    text = " ".join(w.lower_ for w in words).replace(" - ", "-")
    said = [mode for key, mode in lex.mode_words.items() if key in text.split() or ("-" in key and key in text)]
    return most_telling_mode(said)


def _meeting_noun(lex: Lexicon, t: Token) -> bool:
    """Whether a noun names a meeting ("session", "talks", "the trilateral")."""
    entry = noun_entry(lex, t)
    return entry is not None and entry[0] == "CONSULT"


def _mode(ctx: DocContext, tr: Trigger, pred: Token, noun: Token | None) -> str | None:
    """The PLOVER mode from the lexicon, or for meetings the mode the text states."""
    if tr.type == "CONSULT":
        return _mode_word(ctx, pred, noun) or tr.mode
    return tr.mode


def _topic(ctx: DocContext, tr: Trigger, pred: Token, noun: Token | None, f: _Found) -> str | None:
    """A short noun phrase of what the event is about."""
    if f.complement is not None:
        c = f.complement
        if c.pos_ in ("NOUN", "PROPN"):
            return _phrase(c)
        return _clause_phrase(c, with_subject=c.dep_ == "ccomp")
    for h in (noun, pred) if noun is not None else (pred,):
        text = _topic_of_preps(ctx, h, meeting=tr.type == "CONSULT")
        if text:
            return text
    if f.subject_event is not None:
        text = _topic_of_preps(ctx, pred) or _topic_of_preps(ctx, f.subject_event)
        if text:
            return text
    if tr.type == "CONSULT" and _lemma(pred) in TOPIC_OBJECT_VERBS:
        for c in pred.children:
            if c.dep_ in ("dobj", "obj") and (noun is None or c.i != noun.i) and c.pos_ in ("NOUN", "PROPN"):
                # "discussed the Mirov crossing (with Halvorsen)", even where it is a name
                partner = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "with"), None)
                return _phrase(c, stop=partner.i if partner is not None and partner_after_object(c) else None)
    if tr.type in VERBAL_TYPES | {"SANCTION", "CONCEDE", "RETREAT", "AID", "COOPERATE"}:
        for c in pred.children:
            if (
                c.dep_ in ("dobj", "obj")
                and (noun is None or c.i != noun.i)
                and mention_type(ctx, c.i) not in ("PERSON", "GPE", "ORG", "NORP")
                and c.pos_ == "NOUN"
                and _lemma(c) not in ctx.lex.actor_nouns
            ):
                return _phrase(c)
    for c in pred.children:
        if c.dep_ in ("xcomp", "advcl") and _lemma(c) in (
            "discuss",
            "talk",
            "address",
            "negotiate",
            "review",
            "examine",
        ):
            for g in c.children:
                if g.dep_ in ("dobj", "obj"):
                    return _phrase(g)
    return None


def _topic_of_preps(ctx: DocContext, h: Token, meeting: bool = False) -> str | None:
    """'demand for X', 'talks on X', 'accused ... of X', 'focused on X'; of a meeting, not 'of
    the negotiators' (who met)."""
    for prep in TOPIC_PREPS:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == prep:
                for g in c.children:
                    if g.ent_type_ in ("DATE", "TIME") or any(tx.first <= g.i < tx.end for tx in ctx.timexes):
                        continue
                    if g.lower_ in CIRCUMSTANCE_NOUNS or _lemma(g) in CIRCUMSTANCE_NOUNS:
                        continue
                    if (prep, g.lower_) in STANDING_PHRASES:
                        continue  # "the summit is on hold": how it stands, not what about
                    if prep == "on" and g.lower_ in CHANNEL_WORDS:
                        continue  # "blasted the deal on Twitter": where, not what about
                    if meeting and prep == "of" and _lemma(g) in ctx.lex.actor_nouns:
                        # "a meeting of the negotiators": who met, not what about; "talks of the
                        # leaders on the border dispute" go on to what it is about
                        inner = _topic_of_preps(ctx, g)
                        if inner:
                            return inner
                        continue
                    if (
                        g.dep_ == "pobj"
                        and (prep != "of" or g.pos_ == "NOUN")
                        and mention_type(ctx, g.i) not in ("PERSON", "GPE", "NORP")
                    ):
                        return _phrase(g)
                    if g.dep_ == "pcomp":
                        return _clause_phrase(g)
    return None


def _phrase(h: Token, stop: int | None = None) -> str:
    """The noun phrase under h, cut before clauses, commas, the token at `stop` and after
    MAX_TOPIC_TOKENS tokens."""
    toks = list(
        bounded_subtree(
            h,
            limit=MAX_TOPIC_TOKENS * 2,
            skip_deps=frozenset({"relcl", "acl", "advcl", "appos", "parataxis"}),
        )
    )
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    # keep a contiguous run from the phrase's first token; quotation marks inside a noun phrase
    # are part of it ('the “gravest food shortage” in decades')
    run = [toks[0]]
    for t in toks[1:]:
        if t.i != run[-1].i + 1 or len(run) >= MAX_TOPIC_TOKENS or t.text in PHRASE_BREAKS - QUOTE_MARKS:
            break
        if t.i == stop:
            break
        if t.dep_ == "prep" and t.lower_ in WHEN_PREPS and any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in t.children
        ):
            break  # "rejected the claim on Tuesday evening": when, not what, though hung on the noun
        run.append(t)
    doc = h.doc
    if run[-1].i + 1 < len(doc) and doc[run[-1].i + 1].text in QUOTE_MARKS and not _closes_quote(run):
        run.append(doc[run[-1].i + 1])  # the parser hung the closing mark elsewhere
    while run and run[-1].is_punct and not _closes_quote(run):
        run.pop()
    return _span_text(run or [h])


# Prepositions that put a time on an act ("on Monday", "in 2015", "over the weekend"); not
# "of", "for", "after" or "since", which often say which thing it is ("the violence of the 1960s",
# "abortions after 24 weeks", "the first time since 1950").
WHEN_PREPS = frozenset({"on", "in", "at", "during", "over", "within"})


def _closes_quote(run: list[Token]) -> bool:
    """Whether the run ends with a quotation mark that closes one opened inside it."""
    marks = [t for t in run if t.text in QUOTE_MARKS]
    return run[-1].text in QUOTE_MARKS and len(marks) % 2 == 0


def _clause_phrase(v: Token, with_subject: bool = False) -> str:
    """A clause as a topic: 'lift the sanctions on Iran', or with its subject for a finite clause
    ('human rights issues must be addressed first')."""
    skip = {"mark", "punct", "advcl", "relcl", "cc", "conj", "ccomp", "parataxis"}
    if not with_subject:
        skip |= {"nsubj", "nsubjpass", "aux", "auxpass", "neg"}
    # a hyphen inside a word is punctuation to the parser: "a full-scale strike" stays whole
    # a coordinated subject stays whole ("cities and states should have the power")
    walked = skip - {"punct"} - ({"cc", "conj"} if with_subject else set())
    toks = [v, *bounded_subtree(v, limit=MAX_TOPIC_TOKENS * 2, skip_deps=frozenset(walked))]
    # (not the verb's own "But" or "And", which joins it to the clause before)
    kept = {t.i for t in toks if with_subject and t.i < v.i and t.dep_ in ("cc", "conj") and t.head.i != v.i}
    toks = sorted(
        {t.i: t for t in toks if t.dep_ not in skip or t.i == v.i or t.text in WORD_JOINERS or t.i in kept}.values(),
        key=lambda t: t.i,
    )
    start = 0 if with_subject else next((k for k, t in enumerate(toks) if t.i == v.i), 0)
    run = [toks[start]]
    for t in toks[start + 1 :]:
        if t.i != run[-1].i + 1 or len(run) >= MAX_TOPIC_TOKENS:
            break
        run.append(t)
    return _span_text(run)


def _place(
    ctx: DocContext,
    sent: Span,
    tokens: set[int],
    actor_spans: list[tuple[int, int]],
    trigger_tokens: set[int],
) -> Place | None:
    """'in Brussels', 'at the border': the nearest place attached to the trigger or its frame,
    else a place phrase in the sentence whose nearest trigger above it is this one."""
    from ..gazetteer import place_country

    doc = ctx.doc
    best: tuple[int, Token] | None = None
    for i in tokens:
        # "near the border town of Jarinje" is at Jarinje (not a target, though: "demonstrated in
        # the northern city of Kirkuk ... for independence from Iraq" keeps Iraq)
        for t in (n for c in _place_candidates(doc[i], PLACE_DEPTH) for n in (c, *_settlement_name(c))):
            if not _place_like(ctx, t) or _other_actors(ctx, t, actor_spans):
                continue
            dist = abs(t.i - i)
            if best is None or dist < best[0]:
                best = (dist, t)
    if best is None:
        # "a meeting with the negotiators of Chile and Peru in Oslo": attached deep in the phrase
        for phrase in sent:
            if phrase.dep_ != "pobj" or phrase.head.lower_ not in PLACE_PREPS:
                continue
            for t in (phrase, *_settlement_name(phrase)):
                if not _place_like(ctx, t) or _other_actors(ctx, t, actor_spans):
                    continue
                if _place_owner(phrase, trigger_tokens) in tokens:
                    best = (0, t)
                    break
            if best is not None:
                break
    if best is None:
        best = _where_clause_place(ctx, sent, tokens, actor_spans)
    if best is None:
        # "the Paris attacks", "a Waco fertilizer plant explosion": the city the event is named by
        best = next(((0, c) for i in sorted(tokens) for c in doc[i].children if where_not_who(ctx, c)), None)
    if best is None:
        return None
    m, _first, _end = ctx.mention_at[best[1].i]
    e = ctx.entities.get(m.entity_id or "")
    name = e.name if e else m.text
    country = (e.affiliation if e and e.affiliation and len(e.affiliation) == 3 else None) or place_country(
        name
    )
    return Place(name, country)


def _where_clause_place(ctx: DocContext, sent: Span, tokens: set[int],
                        actor_spans: list[tuple[int, int]]) -> tuple[int, Token] | None:
    """The place a "where" clause of the trigger points back at: the last place named before
    "where" in the sentence ("travelled to Belgrade on Tuesday, where he met Vučić": the parser
    hangs the clause on "Tuesday")."""
    for i in tokens:
        if ctx.doc[i].dep_ not in ("relcl", "advcl"):
            continue  # "asked where they would meet" points at no place
        where = next((c for c in ctx.doc[i].children if c.dep_ == "advmod" and c.lower_ == "where" and c.i < i), None)
        if where is None:
            continue
        for t in reversed(ctx.doc[sent.start:where.i]):
            if _place_like(ctx, t) and not _in_actor(t, actor_spans):
                return 0, t
    return None


def _in_actor(t: Token, actor_spans: list[tuple[int, int]]) -> bool:
    return any(s <= t.idx < e for s, e in actor_spans)


def _other_actors(ctx: DocContext, t: Token, actor_spans: list[tuple[int, int]]) -> bool:
    """Whether a place word is inside an actor's phrase ("pirates in the Gulf of Aden"), other
    than the place itself taken as the target of an act that fell on it (`_where`)."""
    if not _in_actor(t, actor_spans):
        return False
    hit = ctx.mention_at.get(t.i)
    own = ctx.doc[hit[1]].idx if hit else t.idx
    return not (_where(t) and all(s == own for s, e in actor_spans if s <= t.idx < e))


def _where(t: Token) -> bool:
    """Whether a place word says where the act was, even when it is also the act's target
    (PLOVER codes the place a material act falls on as its target: "clashes broke out in
    Mitrovica" befell Mitrovica, and happened there): the object of "in", "at" or "near", or
    the name of "the town of" such a phrase."""
    phrase = t.head.head if t.head.lower_ == "of" and t.head.head.lemma_.lower() in SETTLEMENT_NOUNS else t
    return t.dep_ == "pobj" and phrase.dep_ == "pobj" and phrase.head.lower_ in PLACE_WHERE_PREPS


# Prepositions that put an act somewhere.
PLACE_WHERE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})


def _place_like(ctx: DocContext, t: Token) -> bool:
    """A place mention, or a bare one-word name the tagger took for a person where only a place
    can stand ('planned for Monday in Lindholm'): nobody is 'in' a person."""
    kind = mention_type(ctx, t.i)
    if kind in PLACE_TYPES:
        return True
    if kind != "PERSON" or t.dep_ != "pobj" or t.head.lower_ not in PERSONLESS_PREPS:
        return False
    m, first, end = ctx.mention_at[t.i]
    e = ctx.entities.get(m.entity_id or "")
    if end - first != 1 or any(True for _ in t.children) or t.pos_ != "PROPN":
        return False
    return e is None or (not e.roles and all(len(a.split()) == 1 for a in e.aliases))


def _place_owner(t: Token, trigger_tokens: set[int]) -> int | None:
    """The first trigger above a place phrase, not through a topic ('demand for ... in Kosovo')."""
    node = t.head
    for _ in range(12):
        if node.i in trigger_tokens:
            return node.i
        dated = any(g.ent_type_ in ("DATE", "TIME") for g in node.children)  # "for 3 May in X"
        if (
            node.dep_ == "prep" and node.lower_ in TOPIC_PREPS and node.lower_ != "of" and not dated
        ) or node.head.i == node.i:
            return None
        if node.dep_ in ("ccomp", "parataxis", "advcl"):
            return None
        node = node.head
    return None


def _settlement_name(noun: Token) -> list[Token]:
    """The name a settlement noun gives after its "of": "Jarinje" of "the border town of Jarinje"."""
    if noun.lemma_.lower() not in SETTLEMENT_NOUNS or not noun.is_lower:
        return []
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "PROPN"]


def _place_candidates(t: Token, depth: int) -> list[Token]:
    """Objects of 'in'/'at' on t, and on the clauses and 'of' phrases hanging from it (the talks,
    'which took place in Brussels'); never inside a topic ('demand for ... in Kosovo')."""
    out: list[Token] = []
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                    if depth > 0:
                        out.extend(_place_candidates(g, depth - 1))  # "at this jail in northern Israel"
        elif depth > 0 and c.dep_ in ("relcl", "acl", "xcomp", "dobj", "nsubjpass"):
            out.extend(_place_candidates(c, depth - 1))
        elif depth > 0 and c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    out.extend(_place_candidates(g, depth - 1))
    return out


def _date(
    ctx: DocContext, sent: Span, tokens: set[int], found: dict[int, _Found], status: str, pred: int
) -> tuple[DateValue | None, str | None, int]:
    """The time expression that governs the event: in its own clause, else in its sentence, else
    (for what has happened) the publication date. An event set in a decade or a century has no
    date at all: neither the era nor the day the article appeared says when it happened."""
    trigger_tokens = {i for i, f in found.items()} | {
        f.trig.noun for f in found.values() if f.trig.noun is not None
    }
    own: list[tuple[int, DateValue, str]] = []
    free: list[tuple[int, DateValue, str]] = []
    era = False
    anchor = min(tokens)
    for tx in ctx.timexes:
        if sent.start <= tx.root < sent.end:
            kind = _timex_kind(ctx, tx, tokens, trigger_tokens, pred)
            era = era or kind in ("era", "since")
            if (kind == "free" and status in ("planned", "hypothetical", "ongoing")
                    and _before_publication(tx.date, ctx.published)):
                # "said yesterday that Karst will discuss ...": the saying was yesterday; "while
                # lawmakers continue to probe it, Republicans said last month ...": it goes on now
                continue
            if kind in ("own", "free"):
                (own if kind == "own" else free).append((abs(tx.root - anchor), tx.date, tx.timex.text))
    if own:
        _, d, text = min(own, key=lambda p: p[0])
        return d, text, 3
    if free:
        _, d, text = min(free, key=lambda p: p[0])
        return d, text, 2
    # a cancelled event was to be on its own day, not on the day it was called off or told of
    undated = status in ("planned", "hypothetical", "cancelled") or era or _background(ctx.lex, ctx.doc[pred])
    if ctx.published is not None and not undated and _before_a_dated_past(ctx, sent, ctx.doc[pred], ctx.published):
        undated = True
    if status == "negated" and ctx.doc[pred].dep_ == "pcomp" and ctx.doc[pred].head.lower_ == "without":
        undated = True  # "building reservoirs without consulting Karst": no day on which it was not done
    if ctx.published is not None and not undated:
        return ctx.published, None, 1
    return None, None, 0


def _before_publication(date: DateValue, published: DateValue | None) -> bool:
    """Whether a date is over by the day the article appeared."""
    return bool(published is not None and published.start and date.end and date.end < published.start)


# Words that open a clause set against the act it hangs on: "deployed in 2019 after a ceasefire
# ended the clashes".
SEQUENCE_MARKS = frozenset({"after", "before"})


def _before_a_dated_past(ctx: DocContext, sent: Span, pred: Token, published: DateValue) -> bool:
    """'The mission was deployed in 2019 after a ceasefire ended months of clashes': an act in an
    "after" or "before" clause on a verb the sentence dates in the past happened around that
    time, not on the day the article appeared."""
    clause = pred if pred.pos_ in ("VERB", "AUX") else pred.head
    if pred.pos_ not in ("VERB", "AUX") and pred.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    if clause.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in clause.children
    ):
        return False
    head = clause.head
    for tx in ctx.timexes:
        if not sent.start <= tx.root < sent.end or _within(ctx.doc[tx.root], clause):
            continue
        t = ctx.doc[tx.root]
        on_head = t.head.i == head.i or (t.head.dep_ == "prep" and t.head.head.i == head.i)
        if on_head and tx.date.end is not None and published.start is not None and tx.date.end < published.start:
            return True
    return False


# Adverbs that set an act at some earlier or repeated time, never the news of the day:
# "had previously said", "has repeatedly accused", "often get shot".
UNDATED_ADVERBS = frozenset({
    "previously", "once", "formerly", "ever", "repeatedly", "often", "frequently", "regularly",
    "routinely", "usually", "always", "sometimes", "occasionally", "long",
})


def _background(lex: Lexicon, pred: Token) -> bool:
    """Whether an undated act is background the article recalls, so the day it appeared does not
    date it: a past perfect told by the writer ("he had been detained for four months"; but "said
    they had arrested five" is the news, shifted back by the report), a clause describing a
    participant ("a pastor detained for two years", "forces fighting Isis", "the YPG, who defended
    Kobane"; but "a strike that killed 12" is as new as the strike), or an act set at an
    earlier or repeated time ("had previously said", "often get shot")."""
    if any(c.dep_ == "advmod" and c.lower_ in UNDATED_ADVERBS for c in pred.children):
        return True
    if pred.pos_ not in ("VERB", "AUX"):
        return False
    if pred.dep_ in ("relcl", "acl") and pred.head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "an air strike that killed 12 civilians": the clause tells what the act its head names
        # did, which is as new as that act
        head = pred.head
        recalled = head.dep_ == "pobj" and head.head.lower_ in BACKSTORY_PREPS  # "survivors of the massacre that"
        told = _lemma(head) in lex.nouns and _simple_past_clause(pred) and not recalled
        return _held_for(pred) or not told
    perfect = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in pred.children)
    return perfect and reporting_verb(lex, pred) is None and not _framed_perfect(pred)


def _framed_perfect(pred: Token) -> bool:
    """A past perfect that is still the news because it is attributed, as one reported by a
    speech verb is ("according to police, he had fled" as "police said he had fled"). (One set
    before another act, "had been arrested before he founded the group", may be back-story.)"""
    return any(c.dep_ == "prep" and c.lower_ == "according" for c in pred.children)


# Prepositions that hang an act on something later, so the act is back-story: "survivors of the
# massacre that killed 8,000", "charged over the attack in which two officers were killed".
BACKSTORY_PREPS = frozenset({"of", "over", "since", "after", "for", "from"})


def _simple_past_clause(pred: Token) -> bool:
    """'an air strike that killed 12 civilians', 'a raid in which two were arrested': a relative
    clause in the simple past, active or passive, tells an act. A participle ("forces fighting
    Isis"), the present ("which Ankara regards as"), the progressive or the perfect ("the
    atrocities Isis were committing", "which it has visited") describe over time."""
    if pred.dep_ != "relcl":
        return False
    auxes = [c for c in pred.children if c.dep_ in ("aux", "auxpass")]
    if pred.tag_ == "VBD":
        return not auxes
    return pred.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].lower_ in ("was", "were")


# Units of a stretch of time a participle says someone has been in a state for.
SPAN_UNITS = frozenset({"hour", "day", "week", "month", "year", "decade"})


def _held_for(pred: Token) -> bool:
    """'a pastor detained for two years', 'a man who lived there for a decade': a clause that
    describes someone by a state that lasted a stretch of time, which began before the news."""
    spans = (c for c in pred.children if c.dep_ == "prep" and c.lower_ == "for")
    return any(o.dep_ == "pobj" and o.lemma_.lower() in SPAN_UNITS for c in spans for o in c.children)


def _timex_kind(ctx: DocContext, tx: TimexAt, tokens: set[int], trigger_tokens: set[int], pred: int) -> str:
    """What a time expression of the event's sentence is to it: 'own' (its clause's), 'free' (the
    sentence's), 'era' (a decade or century set on its clause), 'since' (the start of a stretch
    the event is a state over) or '' (another thing's time)."""
    doc = ctx.doc
    t = doc[tx.root]
    if _since_phrase(t, tokens | {pred}):
        return "since"
    clause = _relative_clause(doc[pred])
    if clause is not None and tx.first <= clause.head.i < tx.end and not coarser_than_year(tx.date):
        return "own"  # "the crisis of 2016, when Chile expelled a diplomat": the clause says what 2016 saw
    if (_in_when_clause(t, pred) or _in_speaking_aside(t, pred)) and not _on_a_noun(t, trigger_tokens):
        # "were killed when US forces carried out strikes last week": at that moment; "Jeffrey,
        # speaking on Monday at the Atlantic Council, said": the saying is on Monday
        return "own"
    if _dates_something_else(t, trigger_tokens, ctx.lex) or _starts_period(t):
        return ""
    said = doc[pred]
    if said.dep_ == "parataxis" and _lemma(said) in ctx.lex.speech and not _within(t, said) and _within(t, said.head):
        return ""  # "This switch, he said, would happen next year": the time is of what was said
    owner = _owner(t, trigger_tokens)
    if owner is not None and owner not in tokens:
        verb = occasion_verb(doc[owner])
        pub_end = ctx.published.end if ctx.published is not None else None
        ahead = bool(pub_end and tx.date.start and tx.date.start > pub_end)  # no act done at a coming summit
        if verb is not None and verb.i in tokens and not ahead:
            owner = verb.i  # "in a July 16 press conference, Jobs said": the saying was then
    if owner is not None and owner not in tokens and _during(doc[pred], owner):
        return "own"  # "was detained in January 2016 while visiting North Korea": the visit was then
    if owner is not None and owner not in tokens and _reached_at(doc[owner], tokens):
        return "own"  # "the agreement, reached at yesterday's meeting": made that day
    if owner is not None and owner not in tokens and _journey_purpose(doc[pred], doc[owner]):
        return "free"  # "will travel to Belgrade on Friday to meet Vucic": they meet on that trip
    mine = owner is not None and owner in tokens
    if mine and owner is not None and _said(ctx.lex, t, doc[owner]):
        return ""  # "said the ferry would sail on Friday": the sailing is on Friday
    if mine and owner is not None and _asked_ahead(ctx, tx, doc[owner]):
        return ""  # "demanded that the statute be on the agenda in September": not a demand of September
    if coarser_than_year(tx.date):
        return "era" if mine else ""
    if mine and owner is not None and _starts_what_was_done(ctx, tx, doc[owner]):
        return ""  # "agreed on freight from 1 August": agreed before, freight from then
    if mine:
        return "own"
    sentence_wide = owner is None or owner not in trigger_tokens or _reports(ctx.lex, t, doc[owner], doc[pred])
    # a relative clause keeps its own time; a time in a quotation dates nothing outside it
    inside = (clause is None or _within(t, clause)) and ctx.quote_of[tx.root] in (-1, ctx.quote_of[pred])
    return "free" if sentence_wide and inside else ""


# Participles that tell where an agreement or a decision was made: "the deal reached at Monday's summit".
MADE_AT_VERBS = frozenset({"reach", "sign", "strike", "conclude", "agree", "adopt", "make", "announce", "take"})


# Marks of a clause whose act goes on at the time of the clause it hangs on.
DURING_MARKS = frozenset({"while", "as", "whilst"})


def _during(pred: Token, owner: int) -> bool:
    """Whether the event's clause goes on while the act a time expression dates happens: "detained
    in January 2016 while visiting North Korea"."""
    if pred.dep_ != "advcl" or pred.head.i != owner or not any(
            c.dep_ == "mark" and c.lower_ in DURING_MARKS for c in pred.children):
        return False
    # with a tense of its own it must be the same one: "while lawmakers continue to probe the
    # allegations, Republicans said last month ..." sets two things side by side
    return not _finite(pred) or (_past(pred) and _past(pred.head))


def _reached_at(occasion: Token, tokens: set[int]) -> bool:
    """Whether a dated occasion is where the event's noun was made: "the agreement to reopen the
    crossing, reached at yesterday's trilateral meeting" was reached yesterday."""
    prep = occasion.head
    if occasion.dep_ != "pobj" or prep.lower_ not in OCCASION_PREPS:
        return False
    made = prep.head
    return made.dep_ == "acl" and made.tag_ == "VBN" and _lemma(made) in MADE_AT_VERBS and made.head.i in tokens


# Verbs of a journey whose purpose ("to meet X") happens where it goes, the day it gets there.
JOURNEY_VERBS = TRAVEL_VERBS | {"arrive", "visit", "come", "return", "leave"}


def _journey_purpose(pred: Token, journey: Token) -> bool:
    """Whether an event is what a journey is made for: "travel to Belgrade on Friday to meet
    Vucic"; the journey's day is the day of that event too."""
    return (pred.dep_ in ("advcl", "xcomp") and pred.head.i == journey.i and _to_marked(pred)
            and _lemma(journey) in JOURNEY_VERBS)


def _in_when_clause(t: Token, pred: int) -> bool:
    """Whether a time expression is in a "when" clause on the event's own verb, which says the
    event happened at the clause's moment."""
    node = t
    for _ in range(12):
        if node.head.i == node.i:
            return False
        if node.dep_ == "advcl" and node.head.i == pred:
            return any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" and c.i < node.i for c in node.children)
        if node.dep_ in ("relcl", "acl", "ccomp"):
            return False
        node = node.head
    return False


# Participles of speaking set aside beside a speech verb: "Speaking on Monday, she said".
SPEAKING_PARTICIPLES = frozenset({"speak", "talk", "write", "address", "appear"})


def _in_speaking_aside(t: Token, pred: int) -> bool:
    """Whether a time expression is in a participle of speaking hung on the event's verb or on
    its subject ("Jeffrey, speaking on Monday, said"): the time of the saying."""
    node = t
    for _ in range(8):
        if node.head.i == node.i or node.dep_ in ("relcl", "ccomp"):
            return False
        if node.tag_ == "VBG" and node.dep_ in ("acl", "advcl") and _lemma(node) in SPEAKING_PARTICIPLES:
            h = node.head
            subject = h.head if h.dep_ == "appos" else h
            return h.i == pred or (subject.dep_ == "nsubj" and subject.head.i == pred)
        node = node.head
    return False


# Prepositions whose time expression opens a period the event falls in, not the event's own time:
# "forty aid workers have been abducted since 2015".
PERIOD_STARTS = frozenset({"since"})


def _since_phrase(t: Token, tokens: set[int]) -> bool:
    """Whether a time expression sits in a "since" phrase on the event itself ("talks have been
    stalled since the last meeting in November 2024", "have been abducted since 2015"): the event
    is a state or a series over the stretch that began then, so neither that time nor the day of
    the article dates it."""
    node = t
    for _ in range(8):
        if node.dep_ == "prep" and node.lower_ in PERIOD_STARTS:
            return node.head.i in tokens and _perfect(node.head)
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return False


def _perfect(t: Token) -> bool:
    """Whether the verb a token belongs to is in the perfect ("have been stalled", "had
    killed"): with a "since" phrase it tells a state or series over the stretch since. A single
    act after that time is in the simple past ("the first talks since 2019 were held")."""
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had", "'ve", "'d") for c in verb.children)


def _starts_what_was_done(ctx: DocContext, tx: TimexAt, owner: Token) -> bool:
    """'agreed on Tuesday to reopen the crossing from 1 August', 'the ban takes effect from
    Monday' told in the past: a "from" time after the article on a verb in the past tense is when
    what was done starts to hold, not when it was done."""
    t = ctx.doc[tx.root]
    if t.dep_ != "pobj" or t.head.lower_ != "from" or t.head.head.i != owner.i:
        return False
    # a bare participle is a past too where no auxiliary makes it a passive ("Agreed on freight ...")
    bare = owner.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in owner.children)
    if owner.tag_ != "VBD" and not bare:
        return False
    published = ctx.published
    return bool(published is not None and published.end and tx.date.start and tx.date.start > published.end)


def _starts_period(t: Token) -> bool:
    """'since 2015': the start of a stretch of time in which the event happened, not its date."""
    return t.dep_ == "pobj" and t.head.lower_ in PERIOD_STARTS


def _said(lex: Lexicon, t: Token, owner: Token) -> bool:
    """Whether a time expression sits in the clause a speech verb reports ("warned that prices
    were rising this year", "said the ferry would sail on Friday"): it dates what is said."""
    return _said_clause(lex, t, owner) is not None


def _said_clause(lex: Lexicon, t: Token, owner: Token, asked: bool = False) -> Token | None:
    """The reported clause of a speech verb that token t sits in, if any; with ``asked``, also
    the clause a verb of demanding asks for ("demanded that the statute be on the agenda in
    September")."""
    requests = asked and lex.verbs.get(_lemma(owner), ("", None))[0] == "REQUEST"
    if _lemma(owner) not in lex.speech and not requests:
        return None
    node = t
    for _ in range(12):
        if node.head.i == owner.i:
            return node if node.dep_ in ("ccomp", "parataxis", "xcomp") and node.i != owner.i else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _asked_ahead(ctx: DocContext, tx: TimexAt, owner: Token) -> bool:
    """Whether a time expression lies in what a verb of demanding asks for, after the article
    appeared: the time of the thing demanded, not of the demand. One before the article is as
    likely the demand's own, which the parser hangs on the demanded clause as often ("ordered
    that the practice be halted on June 20")."""
    if _said_clause(ctx.lex, ctx.doc[tx.root], owner, asked=True) is None or _said(ctx.lex, ctx.doc[tx.root], owner):
        return False
    end = ctx.published.end if ctx.published is not None else None
    return bool(end and tx.date.start and tx.date.start > end)


def _reports(lex: Lexicon, t: Token, owner: Token, pred: Token) -> bool:
    """A time expression on a speech verb dates what it reports ("said on Monday that the talks
    failed"); one inside what is said dates nothing outside it ('saying "tomorrow we sail home" and
    urging calm ...')."""
    if _lemma(owner) not in lex.speech:
        return False
    said = _said_clause(lex, t, owner)
    return said is None or _within(pred, said)


def _relative_clause(t: Token) -> Token | None:
    """The relative or participial clause a predicate belongs to, if any ("the sailors that the
    navy detained", "the party funding the militia"): it describes a thing, with a time of its own."""
    node = t
    for _ in range(12):
        if node.dep_ in ("relcl", "acl"):
            return node
        if node.head.i == node.i or node.dep_ in ("ccomp", "parataxis"):
            return None
        node = node.head
    return None


def _within(t: Token, clause: Token) -> bool:
    """Whether token t lies in the subtree of clause."""
    node = t
    for _ in range(12):
        if node.i == clause.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# Dependencies by which a time expression describes a thing rather than an act ("a 2011 protocol").
NOMINAL_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})
# Clauses with their own verb: a time expression inside dates that verb ("since she took office in May").
OWN_CLAUSES = frozenset({"relcl", "advcl", "acl"})
# Markers of a clause that sets up another moment ("since", "after") rather than the event's time.
ANCHOR_MARKS = frozenset({"since", "after", "before", "until", "till", "when", "while", "once", "as"})


def _dates_something_else(t: Token, trigger_tokens: set[int], lex: Lexicon | None = None) -> bool:
    """Whether a time expression belongs to a thing or a clause other than any event: a noun it
    modifies ("broke a 2011 protocol", "the 2019 mandate") or a relative or temporal clause with its own
    verb ("which decides how water is shared in summer", "since she presented credentials in May")."""
    if _stolen_date(t):
        return False  # "on Sunday McConnell said", parsed with "Sunday" on "McConnell"
    if _on_a_noun(t, trigger_tokens):
        return True
    node = t
    for _ in range(12):
        if node.i in trigger_tokens and node.i != t.i:
            return False
        if node.pos_ in ("VERB", "AUX") and node.i != t.i:
            if node.dep_ in ("relcl", "acl"):
                # "a meeting that had been planned for Tuesday": the plan dates the meeting; "the
                # envoy kidnapped ten years ago": the kidnapping, not the sentence
                return not (lex is not None and node.head.i in trigger_tokens and _planning(lex, node))
            if node.dep_ in OWN_CLAUSES and any(
                c.dep_ == "mark" and c.lower_ in ANCHOR_MARKS for c in node.children
            ):
                return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _on_a_noun(t: Token, trigger_tokens: set[int]) -> bool:
    """Whether a time expression qualifies a noun that is no event ("the 2019 election results").
    An occasion at which the act took place is not such a noun: "in a July 16 press conference,
    Jobs said", "told a Monday news conference" say when the saying was."""
    if _stolen_date(t):
        return False
    if t.dep_ in NOMINAL_MODIFIERS and t.head.pos_ in ("NOUN", "PROPN") and t.head.i not in trigger_tokens:
        return not _occasion_of_act(t.head)
    return _qualifies_noun(t, trigger_tokens)


def _occasion_of_act(noun: Token) -> bool:
    """Whether a noun is the occasion of the verb it hangs on (time.occasion_verb)."""
    return occasion_verb(noun) is not None


def _stolen_date(t: Token) -> bool:
    """A date the parser made a modifier of the noun after it though the preposition before it
    hangs from the verb with no object of its own: "on Sunday McConnell said"."""
    first = t.left_edge.i
    prev = t.doc[first - 1] if first > 0 else None
    return (
        t.dep_ in NOMINAL_MODIFIERS
        and prev is not None
        and prev.dep_ == "prep"
        and prev.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("pobj", "pcomp") for c in prev.children)
    )


# Nouns for parts of time: "the small hours of Sunday", "the end of May".
TIME_NOUNS = frozenset({
    "hour", "morning", "afternoon", "evening", "night", "day", "week", "month", "year", "end", "beginning",
    "start", "middle", "part", "course", "eve", "dawn", "weekend", "spring", "summer", "autumn", "winter", "fall",
})


def _qualifies_noun(t: Token, trigger_tokens: set[int]) -> bool:
    """'the worst flood of this century', 'the crisis of 2008': an 'of' phrase says which
    thing is meant, not when an event happened."""
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    noun = prep.head
    if noun.ent_type_ in ("DATE", "TIME") or _lemma(noun) in TIME_NOUNS:
        return False  # "the small hours of Sunday" is a time
    return noun.pos_ in ("NOUN", "PROPN") and noun.i not in trigger_tokens


def _owner(t: Token, trigger_tokens: set[int]) -> int | None:
    """The first trigger above a time expression in the parse: the event it dates."""
    node = t
    for _ in range(12):
        if node.i in trigger_tokens and node.i != t.i:
            return node.i
        if node.head.i == node.i:
            return None
        node = node.head
    return None


# Words of a time expression that point to the part of a period still to come.
AHEAD_WORDS = re.compile(r"\b(?:end|late|later|rest|remainder|coming)\b", re.IGNORECASE)


def _repeated_noun(ctx: DocContext, n: Token) -> int | None:
    """Where the noun a definite event noun repeats was last written before it, within the
    sentences an anaphor reaches back over (char offset), or None: "The Kim-Moon summit Friday was
    filled with pomp ... to arrive at the summit" points at that summit, whether or not it was told
    as an event, and not at a meeting named before it."""
    k = bisect_right(ctx.segment_starts, n.i) - 1
    first = ctx.segment_starts[max(0, k - MERGE_WINDOW_SENTENCES)] if ctx.segment_starts else 0
    lemma = _lemma(n)
    for i in range(n.i - 1, first - 1, -1):
        t = ctx.doc[i]
        if t.pos_ == "NOUN" and _lemma(t) == lemma and not _points_back(t):
            return t.idx
    return None


# Words before a noun that point back without saying which: "that denial", "his denial".
POINTING_WORDS = frozenset({"the", "that", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your"})


def _points_back(n: Token) -> bool:
    """Whether a noun is only pointed at ("relied on that denial", "the summit"), an anaphor itself
    that may stand for an event told before it, unlike one described ("the Kim-Moon summit
    Friday", "a summit")."""
    words = [c for c in n.children if c.dep_ != "punct"]
    return bool(words) and all(c.dep_ in ("det", "poss") and c.lower_ in POINTING_WORDS for c in words)


def _scheduled(pred: Token, date_text: str | None) -> bool:
    """A verb in the simple present with no auxiliary, which with the part of a period still to
    come tells what is arranged: "De Mistura stands down at the end of the year" (but "Israel
    kills 30 in Gaza this week" is a headline's present)."""
    return (pred.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in pred.children)
            and date_text is not None and AHEAD_WORDS.search(date_text) is not None)


def _finish(
    ctx: DocContext,
    sent: Span,
    si: int,
    tr: Trigger,
    status: str,
    mode: str | None,
    actors: list[MentionActor],
    tokens: set[int],
    found: dict[int, _Found],
    speech: int | None,
    topic: str | None = None,
    anaphoric: bool = False,
) -> EventMention:
    """Date, place and offsets for a mention whose type, status and actors are known."""
    doc = ctx.doc
    date, date_text, rank = _date(ctx, sent, tokens, found, status, tr.pred)
    if (
        date is not None
        and rank >= 2
        and status == "occurred"
        and ctx.published is not None
        and date.start
        and ctx.published.end
        and (date.start > ctx.published.end or (
            date.end and date.end > ctx.published.end and _scheduled(doc[tr.pred], date_text)))
    ):
        status = "planned"  # dated after the article was written, or set for a time still running
    seen: set[str] = set()
    unique: list[MentionActor] = []
    for a in actors:
        if a.who.key not in seen:
            seen.add(a.who.key)
            unique.append(a)
    trigger_tokens = set(found) | {f.trig.noun for f in found.values() if f.trig.noun is not None}
    place = _place(ctx, sent, tokens, [(a.who.start, a.who.end) for a in unique], trigger_tokens | tokens)
    first, last = doc[tr.first], doc[tr.end - 1]
    return EventMention(
        type=tr.type,
        mode=mode,
        status=status,
        start=first.idx,
        end=last.idx + len(last.text),
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        sentence=si,
        token=tr.pred,
        actors=tuple(unique),
        date=date,
        date_text=date_text,
        date_rank=rank,
        place=place,
        topic=topic or None,
        anaphoric=anaphoric,
        antecedent=_repeated_noun(ctx, doc[tr.noun]) if anaphoric and tr.noun is not None else None,
        bare=not unique,
        contingent=status == "planned" and _awaited(doc[tr.pred]),
        quote=ctx.quote_of[tr.pred],
        speech=speech,
    )
