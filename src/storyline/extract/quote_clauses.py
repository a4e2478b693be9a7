"""Reported speech on the dependency parse: the clause a speech verb reports, and its subject.

"said that ...", "told reporters ...", "accused X of ...", "called X Y", "announced a plan",
"called on X to ...", "vowed to ...", "warned of ...", "according to X, ...", "in the words of X,
..." and the attribution set inside its sentence ("..., he said, ..."); not a speech verb that
reports nothing (says_nothing: "That said,", "a proposed wall", "left without explaining").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, Protocol

from .event_lexicon import load_lexicon
from .quote_lexicon import (
    ADDRESSEE_VERBS,
    AS_VERBS,
    CHANNEL_NOUNS,
    CHARGE_VERBS,
    INFINITIVE_VERBS,
    NAMING_VERBS,
    NOT_SOURCES,
    OBJECT_VERBS,
    PHRASE_CUES,
    QUOTE_ONLY_VERBS,
    RETORT_PARTICLE,
    RETORT_VERBS,
    SPEECH_VERBS,
    TEXT_NOUNS,
    THAT_VERBS,
    TOPIC_PREPS,
)
from .timex_lexicon import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QuoteKind = Literal["direct", "indirect", "mixed"]
TokenRange = tuple[int, int]

# A reported clause needs this many words to be a statement ("he said so" reports nothing).
MIN_INDIRECT_WORDS = 2
# How many heads up a chain of verbs the subject is looked for ("went on to say" -> went).
MAX_SUBJECT_CLIMB = 3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Verbs that borrow their subject from their head: "saying", "to say", "and said", "by saying".
CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp"})
# Dependents inside a noun phrase, to climb from "Sen." to "Grassley".
NP_INNER_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "flat"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
# Relayed statements whose passive subject is the speaker: "he was quoted as saying".
RELAY_PASSIVES = frozenset({"quote", "cite"})
SENTENCE_PUNCT = frozenset({".", "!", "?", "…"})
# Conjunctions that open an adverbial clause, never a reported one.
ADVERBIAL_MARKS = frozenset({"while", "because", "when", "before", "after", "since", "until",
                             "although", "though", "once"})
# Tokens that end one clause and start another: a message before the verb does not run across them.
CLAUSE_SEPARATORS = frozenset({";"})
# Free relatives that open what a speech verb names: "what he called ...".
FREE_RELATIVES = frozenset({"what", "whatever"})
# Conjunctions that set one statement against another ("said A, while B insisted C").
CONTRAST_MARKS = frozenset({"while", "whereas"})
# A conjunction that sets a second attribution alongside the first: "said A as he suggested B".
ALONGSIDE_MARKS = frozenset({"as"})
# Dashes that open the writer's aside after a quote.
ASIDE_DASHES = frozenset({"–", "—", "--"})
# Verb tags of a finite verb, one that makes a statement of its own ("insisted", "says").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# A wire dateline ("LINDHOLM, July 7 (Concord Wire) –") ends with a dash within this many tokens.
DATELINE_MAX_TOKENS = 12
DATELINE_DASHES = frozenset({"–", "—", "-", "--"})
# Dependents of a speech verb, before its subject, that belong to what it reports when the
# attribution is set off by commas on both sides ("If the council agrees, Dravic said, the bridge
# will open"; "Instead, she told reporters, ..."): a condition or a sentence adverb, not the
# occasion of the saying ("In a statement, she said ...", "On Tuesday, she said, ...").
SET_OFF_LEAD_DEPS = frozenset({"advcl", "advmod"})
# Marks of an adverbial clause that belongs to the message, not to the saying ("if she wins").
CONDITION_MARKS = frozenset({"if", "unless"})
# Dependents of a speech verb that are not part of the attribution inside a reported sentence.
MESSAGE_DEPS = frozenset({"ccomp", "punct", "conj", "cc"})
# How the parser attaches "back" in "shot back": as a particle or an adverb.
PARTICLE_DEPS = frozenset({"prt", "advmod"})
# Dependents of a verb that carry a message of its own when not in quotation marks.
UNQUOTED_MESSAGE_DEPS = frozenset({"dobj", "ccomp", "xcomp"})
# Dependents of a speech verb, after its clause, that belong to the clause in a misparse.
DETACHED_DEPS = frozenset({"advcl", "dep", "xcomp", "npadvmod", "oprd"})
# Punctuation that ends a phrase cue without "as" before the quote it attributes: "Lunde put it:".
PHRASE_CUE_ENDS = frozenset({":", ","})
# Verbs that only put a name on something ("nicknamed", "termed"); never speech verbs.
PURE_NAMING_VERBS = frozenset({"name", "nickname", "term", "christen", "rename"})
# Verbs that name something or, with a speaker, give an opinion ("called the deal a disaster",
# "referred to him as “a liar”").
NAME_GIVING_VERBS = NAMING_VERBS | PURE_NAMING_VERBS | {"refer"}
# Subjects that stand for people in general rather than a source: "what we call", "what you might
# call", "what people call" (a bare plural noun, "what psychologists call", counts too).
GENERIC_PRONOUNS = frozenset({"we", "you", "one", "people", "some", "many"})
# Tags of "what", "which", "who" and "that" as the object of a naming verb.
WH_TAGS = frozenset({"WP", "WDT"})
# How a participle hangs on the noun it names: "the so-called ...", "a group called ...".
PARTICIPLE_DEPS = frozenset({"amod", "acl"})
# Prepositions that make a naming verb a demand: "called for talks", "called on Congress to act".
DEMAND_PREPS = frozenset({"for", "on", "upon"})
# Tags of a verb in the present: a generic subject naming something habitually ("economists call").
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
# Prepositions before a verb's -ing form that say the act has not happened: "before proposing"
# (of a statement reported inside another one), "without explaining" and "instead of saying"
# (anywhere: "sang before asking her" did ask).
UNREALISED_PREPS = frozenset({"before", "without", "instead"})
NOT_DONE_PREPS = frozenset({"without", "instead"})
# Verbs by which a fact, not a speaker, points to something: "the timing suggests", "Striking the
# capital indicates ..." (a person or a text that suggests something still says it).
INFERENCE_VERBS = frozenset({"suggest", "indicate", "signal", "highlight", "underline", "remind"})
# Subjects of those that are facts, not speakers: "his claim suggests", "the move signals", "the
# events of the past few days suggest", "stories of the refugees remind us"; but a story is a
# text, which speaks: "a New York Times story suggests".
EVIDENCE_NOUNS = frozenset({"claim", "move", "decision", "fact", "evidence", "data", "figure", "number",
                            "trend", "pattern", "timing", "shift", "absence", "presence", "silence",
                            "incident", "development", "attack", "result", "outcome", "choice",
                            "event", "history", "experience", "episode", "image", "footage"})
DEMONSTRATIVES = frozenset({"that", "this"})
# Words a writer's idiom hangs "to say" on: "needless to say", "suffice it to say", "so to say".
IDIOM_HEADS = frozenset({"needless", "suffice", "so", "strange", "sad", "safe", "fair"})
# Prepositions that name a text's author: "a statement from the ministry", "a speech by Karst".
AUTHOR_PREPS = frozenset({"from", "by"})
# How the parser hangs a clause's verb when it takes it for a modifier ("Russia, he said, merely
# respected ..." with "respected" an adjective): climbed over to the clause the attribution sits in,
# unlike a real relative clause ("the stadium, which, he said, is full").
MISPARSED_CLAUSE_DEPS = frozenset({"amod", "appos", "compound", "nmod", "npadvmod", "dep", "ccomp"})
# Prepositions of an appeal: "called on Congress to act", "called upon the parties to talk".
APPEAL_PREPS = frozenset({"on", "upon"})
# First words of the phrases that name a statement's source: "according to X", "in the words of X".
SOURCE_STARTS = frozenset({"according", "in"})
SOURCE_WORDS = "words"
# How a trailing source phrase's head hangs, up to the speech verb whose clause it is in.
CLAUSE_CLIMB_DEPS = frozenset({"ccomp", "conj", "xcomp", "advcl"})
# Dependents that make a plural noun a particular group, not people in general: "these experts",
# "two economists", "multiple lawmakers", "Republican senators".
PARTICULAR_DEPS = frozenset({"det", "poss", "nummod", "amod", "compound"})


class Sentences(Protocol):
    """Sentence bounds by token index (resolve.speakers.Sentences computes them once per Doc;
    spaCy's Token.sent rescans the whole Doc on every call)."""

    def bounds(self, i: int) -> tuple[int, int]:
        """Token range [start, end) of the sentence holding token ``i``."""
        ...


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement before its speaker and channel are resolved: content tokens [a, b), content
    characters [start, end), the cue verb's token and the speaker's head token."""

    a: int
    b: int
    start: int
    end: int
    kind: QuoteKind
    cue: int | None
    speaker_head: int | None = None
    according: bool = False
    # Tokens [start, end) of the attribution when it sits inside its content ("A, she said, B").
    gap: TokenRange | None = None


def is_cue(tok: Token) -> bool:
    """A speech verb used as a verb, not one naming its own subject ("who called himself Tarek",
    "a group that calls itself the Front": a name taken, nothing said) nor one giving a name
    (gives_name: "the so-called “deep state”"), and reporting a statement made (says_nothing)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    if tok.lemma_.lower() in NAMING_VERBS and (
            any(c.dep_ == "dobj" and "Yes" in c.morph.get("Reflex", []) for c in tok.children) or gives_name(tok)):
        return False
    return not says_nothing(tok)


def says_nothing(v: Token) -> bool:
    """Whether a speech verb reports no statement: the writer's idiom ("That said,", "let's just
    say", "needless to say", "It is telling that"), a participle describing a noun ("a proposed
    wall"), a statement not made ("left without explaining", "the instinct of threatening to
    leave"; but "has not confirmed", "did not mention" are reported: a refusal or a silence is
    news, and PolNeAR counts them), "deny" as withholding ("denied the licence to the bidder",
    "deny voters their choice"), or the writer's inference from a fact ("Striking the capital
    suggests ...", "His claim suggests ...")."""
    lemma = v.lemma_.lower()
    if v.dep_ == "amod":
        return True
    if v.tag_ == "VBG" and v.dep_ == "pcomp" and (v.head.lower_ in NOT_DONE_PREPS or (
            v.head.lower_ == "of" and v.head.head.pos_ == "NOUN")):
        return True  # "left without explaining"; "his instinct of threatening to leave": an idea
    objects = [c for c in v.children if c.dep_ in ("dobj", "dative")]
    if lemma == "deny" and (len(objects) > 1 or any(
            c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for t in (v, *objects) for c in t.children)):
        return True
    subject = _child(v, frozenset({"nsubj", "csubj"}))
    if subject is not None and subject.lower_ == "what" and v.dep_ == "ccomp":
        return True  # "haven't specified what charges Meng faces": a noun the tagger read as a verb
    if lemma in INFERENCE_VERBS and subject is not None and (
            subject.dep_ == "csubj" or subject.lemma_.lower() in EVIDENCE_NOUNS
            or (subject.lemma_.lower() == "story" and subject.tag_ == "NNS")):
        return True
    if lemma == "tell" and v.tag_ == "VBG" and subject is not None and subject.lower_ == "it" and not any(
            c.dep_ in ("dobj", "dative") for c in v.children):
        return True  # "It is telling that ...": revealing, not telling anyone anything
    return lemma == "say" and _writers_idiom(v, subject)


def _writers_idiom(v: Token, subject: Token | None) -> bool:
    """"That said,", "Having said that,", "let's say", "needless to say", "suffice it to say",
    "It is telling that": set phrases of the writer's, not speech reported."""
    doc = v.doc
    if v.head.lemma_.lower() == "let" or (v.head.lower_ in IDIOM_HEADS and v.head.i < v.i):
        return True
    follows = doc[v.i + 1] if v.i + 1 < len(doc) else None
    if subject is not None and subject.lower_ in DEMONSTRATIVES and subject.i == v.i - 1:
        return follows is not None and follows.text == ","  # "That said, ..."
    having = v.i > 0 and doc[v.i - 1].lower_ == "having"
    return having and follows is not None and follows.lower_ in DEMONSTRATIVES  # "Having said that"


def _generic(subject: Token) -> bool:
    """Whether a subject is people in general: "we", "psychologists" (not "these psychologists")."""
    if subject.lower_ in GENERIC_PRONOUNS:
        return True
    return subject.tag_ == "NNS" and not any(c.dep_ in PARTICULAR_DEPS for c in subject.children)


def _bare_participle(v: Token) -> bool:
    """Whether a verb is a participle naming with no speaker anywhere: "the so-called ...", "a
    group called “...”", "is called ..." (not "has called", "and called": the speaker is elsewhere;
    nor "called for", "called on": a demand). A participle with an object before the name ("Beruff,
    a Scott ally, called Florida's standards “strong”") is a past tense the parser misread."""
    if v.tag_ != "VBN" or any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in DEMAND_PREPS)
                              for c in v.children):
        return False
    if any(c.dep_ == "auxpass" for c in v.children):
        return True
    doc = v.doc
    so_called = any(c.lower_ == "so" for c in v.lefts)
    return v.dep_ in PARTICIPLE_DEPS and (so_called or (v.i + 1 < len(doc) and doc[v.i + 1].is_quote))


def _has_agent(v: Token) -> bool:
    """Whether a naming verb says who named: "called “...” by a professor" (the parser often hangs
    the "by" on the name)."""
    return any(c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
               for t in (v, *v.children) for c in t.children)


def gives_name(v: Token) -> bool:
    """Whether a naming verb names something rather than reports what someone called it: with no
    speaker at all ("the so-called “deep state”", "a group called ...", "is known as"), or with
    people in general naming something habitually ("what psychologists call “availability bias”").
    "He called the deal “a disaster”" and "what he calls “hell”" report an opinion: a statement."""
    if v.lemma_.lower() not in NAME_GIVING_VERBS or _has_agent(v):
        return False
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    if not subjects:
        return _bare_participle(v)
    # Of two subjects ("who some call ..."), the one next to the verb. The thing named is a
    # relative ("what", "which", "who"): "Calls men names" names nobody.
    relative = v.dep_ == "relcl" or any(c.dep_ == "dobj" and c.tag_ in WH_TAGS for c in v.children)
    return v.tag_ in PRESENT_TAGS and relative and _generic(subjects[-1])


def is_phrase_cue(tok: Token) -> bool:
    """Whether a verb and the word after it make a cue (PHRASE_CUES): "as Lunde put it", or
    "Lunde put it:" right before a quote; "put it on the table" is not one."""
    doc = tok.doc
    word = PHRASE_CUES.get(tok.lemma_.lower())
    if word is None or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != word or doc[tok.i + 1].head.i != tok.i:
        return False
    as_clause = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    return as_clause or (tok.i + 2 < len(doc) and doc[tok.i + 2].text in PHRASE_CUE_ENDS)


def is_quote_cue(tok: Token) -> bool:
    """A verb that attributes a quote next to it but reports no clause: a manner of speaking
    ("barked", "chanted"), a retort ("shot back") or a phrase ("as she put it"), with a speaker of
    its own and no unquoted message ("echoing some critics", "echoed that promise" attribute no
    quote)."""
    if tok.pos_ != "VERB" or not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return False
    if is_phrase_cue(tok):
        return True  # its object is part of the cue, not a message of its own
    lemma = tok.lemma_.lower()
    retort = lemma in RETORT_VERBS and any(c.dep_ in PARTICLE_DEPS and c.lower_ == RETORT_PARTICLE
                                           for c in tok.children)
    if not (lemma in QUOTE_ONLY_VERBS or retort):
        return False
    doc = tok.doc
    return not any(c.dep_ in UNQUOTED_MESSAGE_DEPS and c.i > tok.i
                   and not any(t.is_quote for t in doc[tok.i + 1:c.left_edge.i + 1]) for c in tok.children)


def count_words(doc: Doc, a: int, b: int) -> int:
    """Words (and numbers) among tokens [a, b)."""
    return sum(1 for t in doc[a:b] if t.is_alpha or t.like_num)


def char_range(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Character offsets of tokens [a, b)."""
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def _trim(doc: Doc, a: int, b: int) -> TokenRange:
    """Tokens [a, b) without a leading "that" or punctuation and without trailing commas."""
    while a < b:
        t = doc[a]
        if not (t.is_space or (t.lower_ == "that" and t.dep_ == "mark") or (t.is_punct and not t.is_quote)):
            break
        a += 1
    while b > a:
        t = doc[b - 1]
        if not (t.is_space or (t.is_punct and not t.is_quote and t.text not in SENTENCE_PUNCT)):
            break
        b -= 1
    return a, b


def _paragraph_clip(doc: Doc, anchor: int, a: int, b: int) -> TokenRange:
    """Tokens [a, b) cut to the paragraph holding token ``anchor``: a parse that runs over a line
    break (into a headline, or page debris) is not one statement."""
    for i in range(anchor - 1, a - 1, -1):
        if "\n" in doc[i].text:
            a = i + 1
            break
    for i in range(anchor + 1, b):
        if "\n" in doc[i].text:
            b = i
            break
    return a, b


def _child(v: Token, deps: frozenset[str] | str, after: int = -1) -> Token | None:
    """The first child of ``v`` with one of ``deps``, after token ``after``."""
    wanted = frozenset({deps}) if isinstance(deps, str) else deps
    return next((c for c in v.children if c.dep_ in wanted and c.i > after), None)


def _prep(v: Token, word: str) -> Token | None:
    return next((c for c in v.children if c.dep_ == "prep" and c.lower_ == word), None)


def _subtree(t: Token) -> TokenRange:
    return t.left_edge.i, t.right_edge.i + 1


def _clausal(v: Token) -> TokenRange | None:
    """"said (that) ...": the clausal complement; with two (a parse that splits one clause), the
    one next to the verb. Verbs in THAT_VERBS report only with "that" ("maintained that")."""
    ccomps = [c for c in v.children if c.dep_ == "ccomp"]
    if not ccomps:
        return None
    c = min(ccomps, key=lambda c: c.left_edge.i - v.i if c.i > v.i else v.i - c.right_edge.i)
    if c.i < v.i and any(t.text in CLAUSE_SEPARATORS for t in v.doc[c.right_edge.i + 1:v.i]):
        return None  # "Karst blamed a strike; Veldora accused it of stalling": not its message
    opener = v.doc[c.left_edge.i]
    if c.i < v.i and opener.tag_ == "VBG" and is_cue(opener) and opener.i < v.i - 1:
        return None  # "Insisting the port is vital, he said: “...”": a statement of its own
    final = _closing_speaker(v) if c.i < v.i else None
    if final is not None and c.left_edge.i < final.i < v.i:
        # "... has received aid, the minister, Lena Dravic, has confirmed": the speaker ends it
        a, b = c.left_edge.i, _closing_phrase(final)
        return (a, b) if count_words(v.doc, a, b) >= MIN_INDIRECT_WORDS else None
    marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
    if marks & ADVERBIAL_MARKS or (v.lemma_.lower() in THAT_VERBS and "that" not in marks):
        return None  # "he said as the crowd booed": an adverbial clause parsed as the message
    a, b = _subtree(c)
    if c.i > v.i:
        # Pieces of the clause the parser hung on the verb instead ("said money is needed to
        # develop a vaccine, educate the public and ..." with "educate" on "said").
        for extra in sorted(v.rights, key=lambda t: t.i):
            joins = extra.i >= b and extra.left_edge.i <= b + 1
            if joins and extra.dep_ in DETACHED_DEPS and not is_cue(extra):
                b = extra.right_edge.i + 1
        b = _own_attribution_cut(v, a, b)
        b = _before_aside(v.doc, a, b)
        while b - 1 > a and (v.doc[b - 1].dep_ == "cc" or v.doc[b - 1].text == ","):
            b -= 1  # "said that X and suggested that Y": the "and" joins the two reports
        a = _set_off_lead(v, c, a)
    return a, b


def _before_aside(doc: Doc, a: int, b: int) -> int:
    """End of a reported clause before a dash right after a closing quotation mark: what follows is
    the writer's aside on the quote ("said: “...” – a statement that has since been ...")."""
    for i in range(a + 1, b - 1):
        if doc[i].text in ASIDE_DASHES and doc[i - 1].is_quote and doc[i - 1].is_right_punct:
            return i
    return b


def _opens_quote(doc: Doc, v: int, a: int) -> bool:
    """Whether a quotation mark opens what follows the attribution at token ``v``, before or at the
    start of the clause at ``a`` (the parser hangs the mark on either)."""
    return any(t.is_quote for t in doc[v + 1:min(a + 1, len(doc))])


def _set_off_lead(v: Token, c: Token, a: int) -> int:
    """Start of the reported clause ``c`` (from token ``a``) when its attribution is set off inside
    it: a condition or sentence adverb before the speaker belongs to the message ("If the council
    agrees, Dravic said, the bridge will open"), and so does the subject the parser left on the
    verb when the clause has none ("Most of the ferries, she said, will be built here")."""
    doc = v.doc
    subject = _child(v, SUBJECT_DEPS)
    if subject is None or subject.i > v.i or a == 0 or doc[a - 1].text != "," or _opens_quote(doc, v.i, a):
        return a  # "Asked about it, he said, “...”": the lead frames a quote, it is not part of it
    lead = next((c for c in v.lefts if c.i < subject.left_edge.i), None)
    if lead is None or doc[subject.left_edge.i - 1].text != ",":
        return a
    if lead.dep_ == "dep" and _child(c, SUBJECT_DEPS) is None:
        return lead.left_edge.i
    return lead.left_edge.i if _message_lead(lead) else a


def _message_lead(lead: Token) -> bool:
    """Whether a dependent of a speech verb before its speaker, set off by commas, belongs to what
    was said: a sentence adverb ("Instead, she said, ..."), a condition ("If the council agrees,
    Dravic said, ...") or a purpose ("To keep them there, says Dravic, they need work"); not the
    occasion of the saying ("When asked about the bridge, she said", "In a statement, she said")."""
    if lead.dep_ not in SET_OFF_LEAD_DEPS:
        return False
    if lead.dep_ != "advcl":
        return True
    marks = {m.lower_ for m in lead.children if m.dep_ == "mark"}
    purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in lead.children)
    return purpose or bool(marks & CONDITION_MARKS and _child(lead, SUBJECT_DEPS) is not None)


def attribution_gap(doc: Doc, v: Token, a: int, b: int) -> TokenRange | None:
    """Tokens of an attribution set off by commas inside the clause it reports ("Most of the
    ferries, she said on Tuesday, will be built here"): its subject, the verb and the verb's own
    phrases, which name the speaker, occasion and date, not what was said."""
    subject = _child(v, SUBJECT_DEPS)
    start = subject.left_edge.i if subject is not None and subject.i < v.i else v.i
    own = [c.right_edge.i + 1 for c in v.rights if c.dep_ not in MESSAGE_DEPS]
    end = max(own, default=v.i + 1)
    if not (a < start and end < b and doc[start - 1].text == "," and doc[end].text == ","):
        return None
    return start, end


def _own_attribution_cut(v: Token, a: int, b: int) -> int:
    """End of a reported clause before a finite speech verb coordinated onto its end ("said
    that A, while Dravic insisted that B"; "said that A, and accused X of B"): the parser hung
    the writer's next attribution inside the clause, but it is a statement of its own."""
    doc = v.doc
    for t in doc[a:b]:
        if t.i == v.i or not is_cue(t) or t.tag_ not in FINITE_TAGS:
            continue
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in t.children)
        marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
        # "..., and accused X": the outer speaker's next statement; "..., while Dravic insisted":
        # someone else's, set against it. "..., and some speculated" stays: it may be reported.
        # Without a comma, only where it cannot be part of the message: "and added: “...”" (a
        # quote of its own), "as he suggested ..." (an attribution alongside, with its subject).
        quoting = t.i + 1 < len(doc) and (doc[t.i + 1].text == ":" or doc[t.i + 1].is_quote)
        alongside = t.dep_ == "advcl" and marks & ALONGSIDE_MARKS and own_subject
        if not ((t.dep_ == "conj" and not own_subject) or (t.dep_ == "advcl" and marks & CONTRAST_MARKS)
                or alongside):
            continue
        start = t.left_edge.i
        while start > a and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct) and not doc[start - 1].is_quote:
            start -= 1
        comma = doc[start].text == ","
        if t.right_edge.i + 1 >= b and start > a and (comma or alongside or (quoting and t.dep_ == "conj")):
            return start
    return b


def _inserted(doc: Doc, v: Token) -> TokenRange | None:
    """An attribution set inside the sentence it reports ("In any case, he said, the industry
    was over-supplied."): the head's whole clause, both sides of the attribution, when each has
    words; else the side that has."""
    head = v.head
    subject = _child(v, SUBJECT_DEPS)
    if v.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or subject is None:
        return None
    lo, hi = sorted((v.i, head.i))
    if any(t.text == ";" for t in doc[lo:hi]):
        return None  # "The board blamed the weather; Lunde accused it ...": two clauses side by side
    # The left side ends where the attribution starts; a lead the parser hung on the verb is on the
    # left side when it belongs to the message ("To keep them there, says Dravic, they need work").
    end = subject.left_edge.i if subject.i < v.i else v.i
    for c in v.lefts:
        if c.i < end and not c.is_punct and not _message_lead(c):
            end = min(end, c.left_edge.i)
    top = head
    r = v.right_edge.i
    if end > 0 and doc[end - 1].text == "," and (doc[r].text == "," or (r + 1 < len(doc) and doc[r + 1].text == ",")):
        # Set off by commas on both sides, the attribution sits in the sentence's main clause even
        # when the parser hung it lower ("Russia, he said, merely respected ..." with "respected"
        # taken for an adjective).
        while top.head.i != top.i and top.dep_ in MISPARSED_CLAUSE_DEPS:
            top = top.head
    left = (top.left_edge.i, end if end > v.left_edge.i else v.left_edge.i)
    right = (v.right_edge.i + 1, top.right_edge.i + 1)
    if count_words(doc, *left) and count_words(doc, *right) and not _opens_quote(doc, v.i, right[0]):
        return left[0], right[1]  # not before a quote: “Asked about it, he said, “...”” frames it
    return max(left, right, key=lambda r: count_words(doc, *r))


# What a source who "asked not to be named" asks: the terms of speaking, no message.
ANONYMITY_LEMMAS = frozenset({"name", "identify", "quote", "cite"})


def _asks_anonymity(x: Token) -> bool:
    """Whether an infinitive asks that the speaker stay unnamed ("asked not to be named",
    "asked not to be identified")."""
    return x.lemma_.lower() in ANONYMITY_LEMMAS and any(c.dep_ == "neg" for c in x.children)


def _with_object(v: Token, lemma: str) -> TokenRange | None:
    """Verbs whose message involves their object: "told him to leave", "accused Kurti of ...",
    "described it as “horrendous”", "called it “arbitrary”", "called for ...", "announced a plan"."""
    if lemma in ADDRESSEE_VERBS or lemma in INFINITIVE_VERBS:
        x = _child(v, "xcomp", v.i)
        if x is not None and _asks_anonymity(x):
            return None
        if x is not None and (lemma in ADDRESSEE_VERBS or _child(v, "dobj") is None):
            return _subtree(x)
    topic = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS.get(lemma, ())), None)
    if topic is not None and topic.i > v.i and topic.right_edge.i > topic.i:
        return topic.i + 1, topic.right_edge.i + 1  # "warned of a catastrophe", "warned against it"
    obj = _child(v, "dobj")
    if lemma in CHARGE_VERBS or lemma in AS_VERBS:
        prep = _prep(v, CHARGE_VERBS.get(lemma, "as"))
        if obj is None or prep is None or prep.i < obj.i:
            return None
        return obj.left_edge.i, prep.right_edge.i + 1
    if lemma in NAMING_VERBS:
        pred = _child(v, frozenset({"oprd", "xcomp", "attr", "ccomp"}), obj.i) if obj is not None else None
        if obj is not None and pred is not None:
            return obj.left_edge.i, pred.right_edge.i + 1
        # Not "called Machado on Friday to thank her": a call made, with its object and a day.
        appeal = next((c for c in v.children if c.dep_ == "prep" and c.lower_ in APPEAL_PREPS
                       and obj is None and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)), None)
        demand = _child(v, frozenset({"xcomp", "advcl"}), appeal.i) if appeal is not None else None
        if demand is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in demand.children):
            return _subtree(demand)  # "called on the council to act": what it was called on to do
        prep = _prep(v, "for")
        if prep is None or prep.right_edge.i == prep.i:
            return None
        return prep.i + 1, prep.right_edge.i + 1
    if lemma in OBJECT_VERBS and obj is not None and obj.i > v.i and not any(c.dep_ == "neg" for c in v.children):
        return _subtree(obj)  # (but "did not mention Syria" says nothing)
    return None


def reported_range(doc: Doc, v: Token) -> TokenRange | None:
    """Token range of the clause a speech verb reports, if it has one."""
    # "claims to have encircled the port, trapping people who fear what will be ...": the
    # infinitive right after the verb is the message, whatever clause the parser also hung on it.
    infinitive = v.lemma_.lower() in INFINITIVE_VERBS and any(
        c.dep_ == "xcomp" and c.left_edge.i == v.i + 1 for c in v.children)
    rng = _clausal(v) if any(c.dep_ == "ccomp" for c in v.children) and not infinitive else None
    if rng is None and (infinitive or not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children)):
        rng = _inserted(doc, v) or _with_object(v, v.lemma_.lower())
    if rng is None:
        return None
    a, b = rng
    b = _without_source(doc, v, a, b)
    if a <= v.i < b and doc[a].lower_ not in FREE_RELATIVES and attribution_gap(doc, v, a, b) is None:
        # "reservoirs, which Karst says break a protocol": the cue is not what was said; a free
        # relative ("what he called a “breach”") names what was said and stays whole.
        a = v.i + 1
    a, b = _trim(doc, *_paragraph_clip(doc, v.i, a, b))
    a = _after_heading(doc, _after_dateline(doc, a, b), b)
    return (a, b) if count_words(doc, a, b) >= MIN_INDIRECT_WORDS else None


def _after_dateline(doc: Doc, a: int, b: int) -> int:
    """Start of a clause without the wire dateline that opens its paragraph ("LINDHOLM, July 7
    (Concord Wire) – ..."): a place in capitals, then a dash before any verb."""
    first = doc[a]
    if not (first.is_alpha and first.is_upper and len(first.text) > 1) or (a > 0 and "\n" not in doc[a - 1].text):
        return a
    for t in doc[a + 1:min(b, a + DATELINE_MAX_TOKENS)]:
        if t.pos_ in ("VERB", "AUX"):
            return a
        if t.text in DATELINE_DASHES:
            return t.i + 1 if count_words(doc, t.i + 1, b) >= MIN_INDIRECT_WORDS else a
    return a


def _after_heading(doc: Doc, a: int, b: int) -> int:
    """Start of a clause without the heading in capitals that opens its paragraph ("THE FACTS: ...",
    as AP fact checks put it before their verdict): the writer's label, not what was said."""
    if a > 0 and "\n" not in doc[a - 1].text:
        return a
    for t in doc[a:min(b, a + DATELINE_MAX_TOKENS)]:
        if t.text == ":":
            return _trim(doc, t.i + 1, b)[0] if t.i > a and count_words(doc, t.i + 1, b) else a
        if not (t.is_upper or t.is_punct):
            return a
    return a


def source_phrase(tok: Token) -> tuple[Token, Token] | None:
    """For the first word of a phrase that names a statement's source, "according to X" or "in the
    words of X" (not "in other words", "in his own words"): the phrase's last cue word ("to", "of")
    and the source X."""
    doc = tok.doc
    if tok.lower_ == "according":
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            return None
        source = _child(doc[tok.i + 1], "pobj") or _child(tok, "pobj")
        return (doc[tok.i + 1], source) if source is not None else None
    if tok.lower_ == "in":
        words = _child(tok, "pobj")
        of = _prep(words, "of") if words is not None and words.lower_ == SOURCE_WORDS else None
        source = _child(of, "pobj") if of is not None else None
        return (of, source) if of is not None and source is not None else None
    return None


def _speaks(v: Token) -> bool:
    """Whether a verb attributes a statement to a subject of its own ("Dravic said", "said Dravic")."""
    return (is_cue(v) or is_quote_cue(v)) and any(c.dep_ in SUBJECT_DEPS for c in v.children)


def attributed_cue(tok: Token) -> Token | None:
    """The speech verb whose statement a source phrase starting at ``tok`` qualifies, if any: the
    verb it hangs on ("“...,” Dravic said, according to RTV"; "According to RTV, Dravic said ..."),
    or, for a phrase that ends the sentence after a comma, the verb whose reported clause it was
    hung inside ("The ministry said the law will ensure that ..., according to a statement"). The
    phrase then names where the statement was reported, not a statement of its own."""
    doc = tok.doc
    head = tok.head
    if _speaks(head):
        return head
    end = tok.right_edge.i + 1
    before = tok.i - 1
    if before > 0 and doc[before].is_quote:
        before -= 1  # the comma inside the closing mark: ... on time,” according to X
    trailing = before >= 0 and doc[before].text == "," and (
        end >= len(doc) or doc[end].text in SENTENCE_PUNCT or "\n" in doc[end].text)
    while trailing and head.dep_ in CLAUSE_CLIMB_DEPS and head.head.i != head.i:
        head = head.head
        if _speaks(head):
            return head
    return None


def _without_source(doc: Doc, v: Token, a: int, b: int) -> int:
    """End of the clause a speech verb reports, less a source phrase that ends it and qualifies
    the verb's own statement ("said the law will ensure X, according to a statement")."""
    for t in doc[a:b]:
        cue = attributed_cue(t) if t.lower_ in SOURCE_STARTS and source_phrase(t) is not None else None
        if cue is not None and cue.i == v.i:
            end = t.right_edge.i + 1
            if end >= b or all(w.is_punct and not w.is_quote for w in doc[end:b]):
                return t.left_edge.i
    return b


def according_to(doc: Doc, sents: Sentences, tok: Token) -> Statement | None:
    """"according to X" (or "in the words of X"): the statement is the clause it modifies, less the
    phrase itself; the speaker is X (unless X is a rule: "according to their respective roles").
    A phrase on a speech verb reports that verb's statement ("According to RTV, Dravic said ...");
    when the clause it would report is no more than that attribution ("“...?” Dravic demanded,
    according to the transcript", the quote a sentence of its own), it reports nothing more."""
    phrase = source_phrase(tok)
    if phrase is None or phrase[1].lemma_.lower() in NOT_SOURCES:
        return None
    source = phrase[1]
    phrase_a, phrase_b = tok.left_edge.i, max(tok.right_edge.i, source.right_edge.i) + 1
    sent_a, sent_b = _paragraph_clip(doc, tok.i, *sents.bounds(tok.i))
    before = _trim(doc, sent_a, phrase_a)
    after = _trim(doc, phrase_b, sent_b)
    # "In the words of X, ...": the words are what follows; "according to X" qualifies either side.
    a, b = after if tok.lower_ != "according" else max((before, after), key=lambda r: count_words(doc, *r))
    a = _after_heading(doc, _after_dateline(doc, a, b), b)
    if count_words(doc, a, b) < MIN_INDIRECT_WORDS:
        return None
    cue = attributed_cue(tok)
    if cue is not None:
        subject = _child(cue, SUBJECT_DEPS)
        attribution = {cue.i, *(range(*_subtree(subject)) if subject is not None else ())}
        if sum(1 for t in doc[a:b] if t.i not in attribution and (t.is_alpha or t.like_num)) < MIN_INDIRECT_WORDS:
            return None
    return Statement(a, b, *char_range(doc, a, b), "indirect", tok.i, speaker_head=_author(source).i,
                     according=True)


def _author(source: Token) -> Token:
    """Who made the statement a source phrase names: the author of a text or occasion when the
    phrase says ("according to a statement from the ministry", "a speech Mrs. Clinton delivered"),
    else the source itself ("according to the ministry", "according to a statement")."""
    if source.lemma_.lower() not in CHANNEL_NOUNS:
        return source
    for c in source.children:
        if c.dep_ == "prep" and c.lower_ in AUTHOR_PREPS:
            author = _child(c, "pobj")
            if author is not None and author.pos_ in ("PROPN", "NOUN", "PRON"):
                return author
        if c.dep_ == "relcl":
            subject = _child(c, "nsubj")
            if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS:
                return subject
    return source


def speaker_head(v: Token) -> Token | None:
    """The subject of a cue verb, climbing from "saying"/"to say"/"and said" to the verb that has
    one; the agent of a passive; the person a relay quotes ("quoted her as saying"); the noun a
    relative clause hangs on; failing all, the noun that stands where the subject would."""
    t = v
    via_as = False  # climbed through "as": "quoted her as saying"
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        passive = any(c.dep_ == "auxpass" for c in t.children)
        agent = _child(t, "agent")
        if agent is None and passive:
            agent = _stray_agent(t)
        pobj = _child(agent, "pobj") if agent is not None else None
        if pobj is not None:
            return pobj
        relayed = _child(t, "dobj") if via_as and t.lemma_ in RELAY_PASSIVES and not passive else None
        if relayed is not None and relayed.i < v.i:
            return relayed  # "AFP quoted her as saying": she spoke, AFP relays it
        subject = _subject(t)
        if (subject is not None and t.i != v.i and v.tag_ == "VBG" and t.dep_ == "ccomp" and is_cue(t.head)
                and _a_thing(subject)):
            # "he said a deal could not come at any price, noting that ...": the parser hung the
            # participle on what was said; a deal notes nothing, the one who said it does
            t = t.head
            continue
        if subject is not None and (not passive or t.lemma_ in RELAY_PASSIVES):
            return t.head if subject.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl" else _owner(subject)
        if passive:
            return None  # "he was asked": the subject is the addressee, not the speaker
        if t.dep_ == "relcl":
            # "a stretch to claim that ...": an infinitive on a noun says nothing of who claims it
            return None if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) else t.head
        if t.dep_ == "acl":
            if t.head.lemma_.lower() in CHANNEL_NOUNS and t.head.head.i != t.head.i:
                t = t.head.head  # "the campaign released a statement saying ..."
                if t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX"):
                    t = t.head  # "In a statement announcing the pick, the union said ..."
                continue
            return t.head
        if t.dep_ == "pcomp" and t.head.lower_ == "as" and t.head.head.lemma_ in RELAY_PASSIVES:
            t, via_as = t.head.head, True  # "quoted her as saying"
            continue
        via_as = t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children)
        opening = t.dep_ == "ccomp" and t.tag_ == "VBG" and t.left_edge.i == t.i < t.head.i
        if (t.dep_ not in CLIMB_DEPS and not opening) or t.head.i == t.i:
            break  # "opening": "Insisting the port is vital, he said" borrows "he"
        if t.dep_ == "conj" and is_cue(t) and t.head.dep_ == "ccomp" and is_cue(t.head.head):
            t = t.head.head  # "said that A, and accused X": the parser joined "accused" to A
            continue
        t = t.head
    if v.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in v.children):
        return None
    final = _closing_speaker(v)
    if final is not None:
        return final
    # The verb the cue borrows its subject from, when the climb reached one ("On Sunday Trump
    # generated confusion by declaring ..." with "Trump" misparsed): the subject stands before it.
    found = subject_by_position(t) if t.pos_ in ("VERB", "AUX") and t.i < v.i else None
    found = found if found is not None else subject_by_position(v)
    return _owner(found) if found is not None else None


def _a_thing(tok: Token) -> bool:
    """Whether a subject is a thing, which speaks for no one: a common noun no name tags, none of
    the nouns for people, bodies and groups, nor a text or occasion that carries words."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "NOUN" and not tok.ent_type_ and lemma not in CHANNEL_NOUNS and lemma not in TEXT_NOUNS
            and lemma not in _people_nouns())


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    lexicon = load_lexicon()
    return frozenset(lexicon.actor_nouns | lexicon.group_nouns)


def _owner(subject: Token) -> Token:
    """Whose text speaks: the named owner of a statement or letter ("Grisham's statement read",
    "the ministry's statement said"), else the subject itself."""
    if subject.lemma_.lower() not in CHANNEL_NOUNS:
        return subject
    owner = _child(subject, "poss")
    return owner if owner is not None and owner.pos_ in ("PROPN", "NOUN") else subject


def _closing_speaker(v: Token) -> Token | None:
    """For a verb without a subject that closes its sentence after a comma ("..., the foreign
    minister, Lena Dravic, has confirmed."): the noun phrase right before that comma, which the
    parser hung inside the clause reported."""
    doc = v.doc
    if _child(v, SUBJECT_DEPS) is not None or any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > v.i
                                                   for c in v.children):
        return None
    i = v.i - 1
    while i > 0 and doc[i].pos_ in ("AUX", "ADV", "PART"):
        i -= 1
    if i < 1 or doc[i].text != "," or doc[i - 1].pos_ not in ("PROPN", "NOUN"):
        return None
    t = doc[i - 1]
    while t.dep_ in NP_INNER_DEPS and t.i < t.head.i < i:
        t = t.head
    # "Phillips, now at Columbia University, said": the object of a phrase describes the speaker.
    return None if t.dep_ == "pobj" else t


def _closing_phrase(t: Token) -> int:
    """First token of the noun phrase a closing speaker heads, with the title it is in apposition
    to ("the foreign minister, Lena Dravic")."""
    h = t.head
    if t.dep_ == "appos" and t.pos_ == "PROPN" and h.pos_ == "NOUN" and h.i < t.i:
        return min(w.left_edge.i for w in (h, *(c for c in h.children if c.i < h.i)))
    return t.left_edge.i


def _stray_agent(v: Token) -> Token | None:
    """The "by" of a passive that the parser hung on the complement ("was described as “...” by
    X"): the first after the verb whose chain of heads reaches it through no other verb."""
    for t in v.doc[v.i + 1:v.right_edge.i + 1]:
        if t.lower_ != "by" or t.dep_ not in ("agent", "prep"):
            continue
        h = t.head
        while h.i != v.i and h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
            h = h.head
        if h.i == v.i:
            return t
    return None


def _subject(t: Token) -> Token | None:
    """A verb's subject in its own paragraph. Of two subjects ("VELDAN, 10 July – Veldora's
    negotiator Tovin accused ..."), the one next to the verb; after a closing quotation mark (“...,”
    stated Lena Dravic) the one after it: the attribution is inverted. A quotation mark is
    sometimes parsed as the subject («...,» Valdemar said)."""
    doc = t.doc
    subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS and not c.is_punct
                and "\n" not in doc[min(c.i, t.i):max(c.i, t.i)].text_with_ws]
    # A gerund parsed as the subject ("Families fleeing, and residents ..., claimed"): its own.
    subjects = [(_child(c, "nsubj") or c) if c.pos_ == "VERB" else c for c in subjects]
    before = [c for c in subjects if c.i < t.i]
    after = [c for c in subjects if c.i > t.i]
    if after and _after_quote(t):
        return after[0]
    return before[-1] if before else (after[0] if after else None)


def _after_quote(v: Token) -> bool:
    """Whether a verb comes right after a closing quotation mark (“...,” said Dravic)."""
    doc = v.doc
    i = v.i - 1
    while i >= 0 and doc[i].is_punct and not doc[i].is_quote:
        i -= 1
    return i >= 0 and doc[i].is_quote


def subject_by_position(v: Token) -> Token | None:
    """For a verb the parser left without a subject: the first noun of the text before it, back
    to the last sentence end, line break or quotation mark ("Sen. Chuck Grassley, facing a
    challenge in Iowa, said ..." parsed with Grassley as some other verb's object), passing over
    the object of a fronted phrase ("At one point Ja'afari accused ...", "In Ohio, 43% said ...");
    right after a quote, the first noun after the verb (“...,” said one flyer, referring to ...)."""
    doc = v.doc
    i = v.i - 1
    while i >= 0 and not (doc[i].text in SENTENCE_PUNCT or doc[i].is_quote or "\n" in doc[i].text):
        i -= 1
    # An adverbial clause before the verb has subjects of its own: "When terrorists are revealed, ..."
    clauses = [range(*_subtree(c)) for c in v.lefts if c.dep_ == "advcl" and _child(c, SUBJECT_DEPS) is not None]
    for t in doc[i + 1:v.i]:
        if any(t.i in c for c in clauses):
            continue
        if t.dep_ == "pobj" and t.head.head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
            continue  # the object of an adverbial phrase: "At one point", "back in Kentucky"
        if _nominal(t):
            head = _phrase_head(t, v.i)
            if _time_word(head, v):
                continue  # a time: "Yesterday, in Oslo, the envoy unveiled ..."
            return head
    if i >= 0 and doc[i].is_quote and i == v.i - 1:
        for t in doc[v.i + 1:]:
            if t.is_punct or t.pos_ in ("VERB", "AUX") or "\n" in t.text:
                break
            if _nominal(t):
                return _phrase_head(t, len(doc))
    return None


def _time_word(t: Token, verb: Token) -> bool:
    """A word of a time expression before a verb: an adverbial noun on it ("Yesterday, ...
    unveiled") or a common noun, weekday or month the tagger put in a date (not a name it
    swallowed into one, "On Sunday Çavuşoğlu said")."""
    if t.dep_ == "npadvmod" and t.head.i == verb.i:
        return True
    return t.ent_type_ in ("DATE", "TIME") and (t.pos_ != "PROPN" or t.lower_ in WEEKDAYS or t.lower_ in MONTHS)


def _nominal(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "PRON" and t.lower_ not in RELATIVE_PRONOUNS)


def _phrase_head(t: Token, limit: int) -> Token:
    """The head of the noun phrase a word opens ("Sen." -> "Grassley"), before token ``limit``."""
    while t.dep_ in NP_INNER_DEPS and t.i < t.head.i < limit and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    return t


def speaker_of(doc: Doc, cue: int | None) -> int | None:
    """Token index of the speaker's head for the cue at token ``cue``."""
    if cue is None:
        return None
    head = speaker_head(doc[cue])
    return head.i if head is not None else None
