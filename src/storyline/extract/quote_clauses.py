"""Reported speech on the dependency parse: the clause a speech verb reports, and its subject.

"said that ...", "told reporters ...", "accused X of ...", "called X Y", "announced a plan",
"according to X, ..." and the attribution set inside its sentence ("..., he said, ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

from .quote_lexicon import (
    ADDRESSEE_VERBS,
    AS_VERBS,
    CHANNEL_NOUNS,
    CHARGE_VERBS,
    NAMING_VERBS,
    NOT_SOURCES,
    OBJECT_VERBS,
    PHRASE_CUES,
    QUOTE_ONLY_VERBS,
    RETORT_PARTICLE,
    RETORT_VERBS,
    SPEECH_VERBS,
    THAT_VERBS,
)

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
    (gives_name: "the so-called “deep state”")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    return not (tok.lemma_.lower() in NAMING_VERBS
                and (any(c.dep_ == "dobj" and "Yes" in c.morph.get("Reflex", []) for c in tok.children)
                     or gives_name(tok)))


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
        a = _set_off_lead(v, c, a)
    return a, b


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
    if lead.dep_ not in SET_OFF_LEAD_DEPS:
        return a
    marks = {m.lower_ for m in lead.children if m.dep_ == "mark"}
    if lead.dep_ == "advcl" and not (marks & CONDITION_MARKS and _child(lead, SUBJECT_DEPS) is not None):
        return a  # "When asked about the bridge, she said": the occasion, not the message
    return lead.left_edge.i


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
        if not ((t.dep_ == "conj" and not own_subject) or (t.dep_ == "advcl" and marks & CONTRAST_MARKS)):
            continue
        start = t.left_edge.i
        while start > a and (doc[start - 1].dep_ == "cc" or doc[start - 1].is_punct) and not doc[start - 1].is_quote:
            start -= 1
        if t.right_edge.i + 1 >= b and start > a and doc[start].text == ",":
            return start
    return b


def _inserted(doc: Doc, v: Token) -> TokenRange | None:
    """An attribution set inside the sentence it reports ("In any case, he said, the industry
    was over-supplied."): the head's whole clause, both sides of the attribution, when each has
    words; else the side that has."""
    head = v.head
    if v.dep_ != "parataxis" or head.pos_ not in ("VERB", "AUX") or _child(v, SUBJECT_DEPS) is None:
        return None
    left = (head.left_edge.i, v.left_edge.i)
    right = (v.right_edge.i + 1, head.right_edge.i + 1)
    if count_words(doc, *left) and count_words(doc, *right) and not _opens_quote(doc, v.i, right[0]):
        return left[0], right[1]  # not before a quote: “Asked about it, he said, “...”” frames it
    return max(left, right, key=lambda r: count_words(doc, *r))


def _with_object(v: Token, lemma: str) -> TokenRange | None:
    """Verbs whose message involves their object: "told him to leave", "accused Kurti of ...",
    "described it as “horrendous”", "called it “arbitrary”", "called for ...", "announced a plan"."""
    if lemma in ADDRESSEE_VERBS:
        x = _child(v, "xcomp")
        return _subtree(x) if x is not None else None
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
        prep = _prep(v, "for")
        if prep is None or prep.right_edge.i == prep.i:
            return None
        return prep.i + 1, prep.right_edge.i + 1
    if lemma in OBJECT_VERBS and obj is not None and obj.i > v.i:
        return _subtree(obj)
    return None


def reported_range(doc: Doc, v: Token) -> TokenRange | None:
    """Token range of the clause a speech verb reports, if it has one."""
    rng = _clausal(v) if any(c.dep_ == "ccomp" for c in v.children) else None
    if rng is None and not any(c.dep_ == "ccomp" and c.i > v.i for c in v.children):
        rng = _inserted(doc, v) or _with_object(v, v.lemma_.lower())
    if rng is None:
        return None
    a, b = rng
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


def according_to(doc: Doc, sents: Sentences, tok: Token) -> Statement | None:
    """"according to X": the statement is the clause it modifies, less the phrase itself; the
    speaker is X (unless X is a rule: "according to their respective roles")."""
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    source = _child(doc[tok.i + 1], "pobj") or _child(tok, "pobj")
    if source is None or source.lemma_.lower() in NOT_SOURCES:
        return None
    phrase_a, phrase_b = tok.left_edge.i, max(tok.right_edge.i, source.right_edge.i) + 1
    sent_a, sent_b = _paragraph_clip(doc, tok.i, *sents.bounds(tok.i))
    before = _trim(doc, sent_a, phrase_a)
    after = _trim(doc, phrase_b, sent_b)
    a, b = max((before, after), key=lambda r: count_words(doc, *r))
    a = _after_heading(doc, _after_dateline(doc, a, b), b)
    if count_words(doc, a, b) < MIN_INDIRECT_WORDS:
        return None
    return Statement(a, b, *char_range(doc, a, b), "indirect", tok.i, speaker_head=source.i, according=True)


def speaker_head(v: Token) -> Token | None:
    """The subject of a cue verb, climbing from "saying"/"to say"/"and said" to the verb that has
    one; the agent of a passive; the noun a relative clause hangs on; failing all, the first noun
    before the verb."""
    t = v
    for _ in range(MAX_SUBJECT_CLIMB + 1):
        passive = any(c.dep_ == "auxpass" for c in t.children)
        agent = _child(t, "agent")
        pobj = _child(agent, "pobj") if agent is not None else None
        if pobj is not None:
            return pobj
        # A quotation mark is sometimes parsed as the subject: «...,» Valdemar said.
        # Of two subjects ("VELDAN, 10 July – Veldora's negotiator Tovin accused ..."), the one
        # next to the verb.
        subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS and not c.is_punct]
        before = [c for c in subjects if c.i < t.i]
        subject = before[-1] if before else (subjects[0] if subjects else None)
        if subject is not None and (not passive or t.lemma_ in RELAY_PASSIVES):
            return t.head if subject.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl" else subject
        if passive:
            return None  # "he was asked": the subject is the addressee, not the speaker
        if t.dep_ == "relcl":
            return t.head
        if t.dep_ == "acl":
            if t.head.lemma_.lower() in CHANNEL_NOUNS and t.head.head.i != t.head.i:
                t = t.head.head  # "the campaign released a statement saying ..."
                continue
            return t.head
        if t.dep_ not in CLIMB_DEPS or t.head.i == t.i:
            break
        if t.dep_ == "conj" and is_cue(t) and t.head.dep_ == "ccomp" and is_cue(t.head.head):
            t = t.head.head  # "said that A, and accused X": the parser joined "accused" to A
            continue
        t = t.head
    return subject_by_position(v) if v.tag_ != "VBN" else None


def subject_by_position(v: Token) -> Token | None:
    """For a verb the parser left without a subject: the first noun of the text before it, back
    to the last sentence end, line break or quotation mark ("Sen. Chuck Grassley, facing a
    challenge in Iowa, said ..." parsed with Grassley as some other verb's object)."""
    doc = v.doc
    i = v.i - 1
    while i >= 0 and not (doc[i].text in SENTENCE_PUNCT or doc[i].is_quote or "\n" in doc[i].text):
        i -= 1
    for t in doc[i + 1:v.i]:
        if t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "PRON" and t.lower_ not in RELATIVE_PRONOUNS):
            while t.dep_ in NP_INNER_DEPS and t.i < t.head.i < v.i:
                t = t.head
            return t
    return None


def speaker_of(doc: Doc, cue: int | None) -> int | None:
    """Token index of the speaker's head for the cue at token ``cue``."""
    if cue is None:
        return None
    head = speaker_head(doc[cue])
    return head.i if head is not None else None
