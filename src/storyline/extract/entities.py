"""Entity mentions, their types and roles within one article.

spaCy's small model finds names well but labels them inconsistently ("Petković" is an ORG once, a
newspaper someone "told" is a PERSON) and leaves titles to the reader. This stage cleans the NER
spans, joins surname-only mentions to the full name, decides each entity's type by a vote across
its mentions, and reads roles and affiliations from titles, appositions, possessives and "as"
phrases ("Serbia's lead negotiator Petar Petković", "Koha Ditore, a Kosovo-based daily").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..gazetteer import (
    DEMONYMS,
    GIVEN_NAMES,
    NICKNAMES,
    PLATFORMS,
    SETTLEMENT_NOUNS,
    SURNAME_PARTICLES,
    affiliation_code,
    city_country,
    country_key,
    country_of_state,
    entity_name,
    fold,
    hyphens_as_spaces,
    initials,
    is_acronym,
    is_armed_group,
    is_us_state,
    name_key,
    names_an_outlet,
    opens_like,
    organisation_code,
    organisation_key,
    place_country,
    shortens,
)
from ..genders import gender_evidence
from ..model import MENTION_TYPES, Article, Entity, Mention, Role, entity_id
from .timex_lexicon import MONTHS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

def _words(text: str) -> frozenset[str]:
    """A word list written as running text (easier to read and extend than a quoted list)."""
    return frozenset(text.split())


# Heads of titles and functions. A phrase is a role only when one of these heads it, so "the
# Belgrade-Pristina Dialogue" is never taken for somebody's role.
ROLE_NOUNS = _words("""
minister president premier chancellor prime negotiator envoy representative ambassador commander
general admiral colonel lieutenant captain sergeant marshal brigadier chief head leader spokesman
spokeswoman spokesperson secretary mayor governor senator congressman congresswoman deputy official
diplomat chargé charge affaires director chairman chairwoman chair ceo king queen prince princess
speaker judge prosecutor lawyer litigator attorney adviser advisor analyst reporter correspondent editor
officer commissioner mediator facilitator rapporteur coordinator delegate lawmaker mp legislator
candidate founder professor expert activist consul attaché attache pope emir sheikh monarch sultan
vice-president president-elect ombudsman councillor councilor patriarch bishop cardinal imam rabbi
inspector investigator negotiators envoys ministers presidents emissary administrator d’affaires
d'affaires pm
""")
# Occupations the news puts before a name like a title ("comedian Ellen DeGeneres", "coach Mo
# Cheeks"): roles too, and never part of the name when the tagger glues them to it.
OCCUPATION_NOUNS = _words("""
comedian actor actress singer songwriter rapper musician host presenter anchor anchorman coach
player quarterback golfer boxer athlete author writer novelist journalist columnist filmmaker
producer businessman businesswoman billionaire entrepreneur investor surgeon physician nurse doctor
scientist economist historian pastor priest astronaut sheriff detective
""")
ROLE_NOUNS |= OCCUPATION_NOUNS
# Words that qualify a role ("deputy prime minister", "Major General") without heading it.
ROLE_MODIFIERS = _words("""
prime deputy chief lead foreign special high senior vice acting interim major first former top
principal assistant executive general defence defense interior finance justice economy trade
security state national regional military political press european co- ad
""")
# Words that say the newcomer is new, not what they are: dropped from the role text.
ROLE_NOISE = frozenset({"new", "newly", "appointed", "incoming", "then", "current", "recently"})
# Honorifics before a name: strong evidence of a person, never part of the name.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "h.e.", "he.", "sir",
                        "dame", "prof", "prof.", "mme", "mme.", "m.", "lord", "lady", "hon.", "rev."})
# Prepositions that open a sentence and that the tagger takes into the name they govern ("Inside
# Baghouz, oil tankers lay ...", "Beyond Collins, ...", "Via Mediaite, ..."). Cut only when the
# name ends its phrase at a comma or a line end: a company called "Beyond Meat" or "Under Armour"
# is the subject of its sentence ("Beyond Meat shares rose") and keeps its first word.
LEADING_PREPOSITIONS = _words("""
inside outside near across throughout within beyond despite among amid amidst under after before
during since until into over around behind along towards toward through between against like
unlike via upon from with without
""")
# Nouns that make an apposition say "this is a news outlet" ("Koha Ditore, a Kosovo-based daily").
MEDIA_NOUNS = _words("""
daily newspaper paper outlet portal agency broadcaster channel website site weekly magazine
television tv radio station network tabloid broadsheet publication news journal blog
""")
# Verbs whose "as ROLE" phrase describes the object too ("replaced Lajčák as the EU envoy").
AS_ROLE_OBJECT_VERBS = frozenset({"replace", "succeed", "appoint", "name", "elect", "nominate",
                                  "designate", "choose", "select", "confirm", "install"})
# A role phrase longer than this is a clause the parser mis-attached, not a title.
MAX_ROLE_TOKENS = 14

# Vote weights for an entity's type. An outlet apposition or an honorific says more than the
# small model's label on one mention does.
VOTE_NER = 1.0
VOTE_SURNAME_ONLY = 0.5  # a bare surname's own label: the small model often calls it ORG
# News introduces people by their full name: a lone word tagged PERSON that no full name in the
# article explains is as often a place or body the small model has not seen ("Veldora").
VOTE_LONE_PERSON = 0.5
VOTE_HONORIFIC = 2.0
# A title right before one word ("President Trump", "Sen. Rubio", "Speaker Pelosi") says person
# as an honorific does, whatever the small model made of the word (it types a bare "Trump" ORG
# in about 75 of 1,500 AllSides articles, "Pelosi" an event, "Bannon" a building).
VOTE_TITLE_BEFORE = 2.0
# Titles written short before a name.
TITLE_ABBREVIATIONS = _words("sen. sen rep. rep gov. gov gen. lt. col. sgt. capt. adm. maj. supt. amb. pres.")
VOTE_PERSON_ROLE = 1.0
# "Robert Mueller" is a person's name whatever the tagger made of it (gazetteer.GIVEN_NAMES): more
# than the tagger's own label of that mention, less than a gazetteer's place or a media outlet.
VOTE_GIVEN_NAME = 2.0
GIVEN_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})  # not a law, event or work ("Logan Act")
VOTE_MEDIA = 3.0
VOTE_APPOSITION_ROLE = 1.5
VOTE_GAZETTEER = 3.0  # a known country is a GPE whatever the tagger says of one mention
VOTE_COORDINATED = 1.0  # "between Veldora and Karst": coordinated with a place, likely a place
# "Veldora's chief negotiator", "Veldora's delegation": who owns a negotiator or a government is
# a state or a body, not a person; strong enough to outvote a mislabelled mention or two.
VOTE_POSSESSOR = 2.0
# A social platform is an organisation, whatever the tagger makes of "took to Twitter".
VOTE_PLATFORM = 3.0
# "Trump ... his administration": a name the sentence binds "he", "his" or "she" to is a person's,
# whatever label the tagger gave it ("Trump's decision" as ORG).
VOTE_PRONOUN = 3.0
# A dateline names the place a story was filed from ("VELDAN, July 7 (Concord Wire) -"): a place,
# whatever the tagger makes of a capitalised name at the top of a line.
VOTE_DATELINE = 3.0
_DATELINE_AFTER = re.compile(
    r",?\s*(?:[A-Z][a-z]+\s*,\s*)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|\((?:AP|Reuters|AFP)\))"
)
DATELINE_TOKENS = 12  # enough for ", July 7 (Concord Wire) –"
# "the Tessel river", "the Ibar valley": a name that a geographic feature follows is a place.
GEOGRAPHIC_NOUNS = _words("river rivers lake valley mountains mountain sea bay gulf gorge basin delta strait canal")
VOTE_GEOGRAPHIC = 2.0
# "the border town of Jarinje": a place whatever the tagger made of a name it had never seen.
VOTE_SETTLEMENT = 3.0
# Titles named by a department ("Secretary of State", "Defense Secretary", "Minister of Finance"):
# the department word is part of the title, not a body the sentence names.
DEPARTMENT_TITLES = frozenset({"secretary", "minister", "undersecretary"})
# Nouns only a person's name modifies: "the Trump administration", "Obama loyalists", "the Biden
# presidency". The tagger often labels such a name ORG; a company's name goes with other nouns
# ("the Apple campaign", "the Microsoft team"), so those are left out.
PERSON_HEADED = _words("""
administration presidency loyalist loyalists voter voters impeachment aide aides confidant confidants
family wife husband son daughter children biographer biography
""")
VOTE_PERSON_HEADED = 1.5
# Legal forms that name no one on their own ("The Washington Times, LLC", cut at the comma).
LEGAL_FORMS = frozenset({"llc", "inc", "ltd", "corp", "plc", "co", "gmbh", "llp", "lp", "ag", "nv", "bv", "sa",
                         "pty", "pte", "srl", "spa", "limited", "incorporated", "corporation"})
# Bodies only states and organisations have.
INSTITUTION_NOUNS = _words("""
government delegation ministry parliament army police authorities cabinet embassy foreign
military forces negotiating team side capital presidency administration leadership officials
""")
# Labels that open a photo credit: "Photo: Jane Doe/Reuters", "Credit: John Smith for The Guardian".
CREDIT_LABELS = _words("""
photo photos photograph photographs picture pictures image images credit credits illustration composite
video footage
""")
# Photo agencies and the words of their credit lines: "(AP Photo/John Smith)", "Jane Doe/AFP via Getty
# Images". A slash next to one of these joins a photographer to an agency.
PHOTO_AGENCIES = _words("""
reuters ap afp epa efe getty images shutterstock alamy pa bloomberg anadolu xinhua sipa zuma nurphoto sopa
pool photo photos press rex tass sputnik upi dpa ansa kyodo yonhap unsplash
""")
# Small words a credit line runs through between its names: "John Smith for The Guardian".
CREDIT_JOINERS = frozenset({"for", "via", "and", "&", "/", ",", "-", "the", "of", "de", "van", "von", "der",
                            "al", "bin", "la", "le", "da", "di", "du"})
# What may stand before a credit line: the start of a line, a bracket, a caption's full stop.
CREDIT_OPENERS = frozenset({"(", "[", "|", ".", ":", "—", "–"})
# Page words right before a credit: NPR's "toggle caption Jane Doe/AP".
CAPTION_WORDS = frozenset({"caption", "captions"})
# What ends one: the end of its line or bracket, or a full stop.
CREDIT_CLOSERS = frozenset({")", "]", "|", "."})
# A credit names a photographer or two and an agency; longer runs of capitals are a headline.
CREDIT_MAX_TOKENS = 16
# Forms of speech verbs that open an inverted attribution after a quotation ("“We will win,” Said
# Obama"): the tagger glues the capitalised verb to the name.
SPEECH_TAGS = _words("""
said says asked asks added adds told tells wrote writes replied replies explained continued noted notes
declared recalled remarked warned argued answered responded insisted insists concluded conceded claimed
shouted tweeted
""")
# Closing quotation marks, straight or curly.
CLOSING_QUOTES = frozenset({'"', "”", "''", "’", "'", "»", "›"})
# Words of page furniture: headings, links and notices a web page wraps around an article ("Story
# Highlights", "Privacy Policy and Terms of Use"). A name made only of these names nothing.
PAGE_FURNITURE = _words("""
story stories highlights highlight privacy policy policies terms term use service conditions cookie cookies
newsletter newsletters related articles article top most popular read more advertisement sponsored subscribe
subscription comments comment share gallery video videos photos trending latest editor's editors picks
recommended sign log up watch live updates key points takeaways summary menu search home contact and of & the
our your
""")
# One furniture word alone is a name only too rarely to keep ("Subscribe", "Highlights").
PAGE_FURNITURE_ALONE = _words("highlights subscribe unsubscribe advertisement newsletter trending")
# Capitalised nouns that make a people's adjective before them the name of a body: the tagger
# often labels only "Islamic" in "Islamic State" (NORP) and leaves the noun out.
NORP_BODY_NOUNS = _words("""
state party front army brotherhood jihad movement council guard guards forces republic union church
league congress alliance emirate caliphate militia
""")
TYPE_PRIORITY = {t: i for i, t in enumerate(("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT",
                                            "LAW"))}
PERSONISH = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass
class _Mention:
    start: int  # token index
    end: int
    label: str
    honorific: bool = False
    key: str = ""
    surname_only: bool = False
    sent_start: int = 0  # token bounds of the sentence (Token.sent rescans the doc on every call)
    sent_end: int = 0
    drop_dot: bool = False  # "X." as one token: the full stop is the sentence's, not the name's
    acronym: bool = False  # an acronym of a name the article spells out (_join_acronyms)
    repeated: bool = False  # found as a repeat of a tagged name: its label is no evidence of its own

    def text(self, doc: Doc) -> str:
        """The mention's surface text."""
        text = doc[self.start:self.end].text
        return text[:-1] if self.drop_dot else text

    def chars(self, doc: Doc) -> tuple[int, int]:
        """Character offsets of the mention in the text."""
        span = doc[self.start:self.end]
        return span.start_char, span.end_char - (1 if self.drop_dot else 0)


@dataclass
class _Cluster:
    key: str
    mentions: list[_Mention] = field(default_factory=list)
    votes: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    roles: list[Role] = field(default_factory=list)


def extract_entities(doc: Doc, article: Article) -> tuple[list[Mention], list[Entity]]:
    """Mentions with their article-level entities, types voted and roles attached."""
    raw = _without_nested([m for m in (_trim(ent) for ent in _named_spans(doc) if ent.label_ in MENTION_TYPES) if m])
    credits = _credit_tokens(doc)
    raw = [m for m in raw if not _is_title_only(doc, m) and m.start not in credits
           and not _is_page_furniture(m.text(doc)) and _is_a_name(doc, m)]
    raw = _split_pairs(doc, _split_possessives(doc, raw))
    raw += [m for m in _repeated_names(doc, raw) if m.start not in credits and _is_a_name(doc, m)]
    raw.sort(key=lambda m: m.start)
    _set_sentences(doc, raw)
    clusters = _cluster(doc, raw)
    bound = {key for key, _, _ in gender_evidence(doc, [(m.start, m.end, m.key) for m in raw if m.label in PERSONISH])}
    media = _media_appositions(doc)
    owners = _role_possessors(doc)
    # "Franklin Pierce" where the article also names "Franklin Pierce University" is its short form.
    bodies = {fold(" ".join(words[:-1])) for m in raw
              if len(words := m.text(doc).split()) > 2 and fold(words[-1]) in NOT_PERSON_NAME_WORDS}
    person_roles: dict[int, list[tuple[str, str | None, int, int]]] = defaultdict(list)
    for m in raw:
        for role in _roles_for(doc, m):
            person_roles[id(m)].append(role)
    for cluster in clusters.values():
        # (a two-word name tagged a person may be a place: "Khan Younis"; its own vote decides)
        named_person = any(m.label == "PERSON" and m.end - m.start >= 2 for m in cluster.mentions)
        other_sense: Counter[str] = Counter()
        for m in cluster.mentions:
            lone = m.label == "PERSON" and m.end - m.start == 1 and not m.honorific
            weight = VOTE_SURNAME_ONLY if m.surname_only else VOTE_LONE_PERSON if lone else VOTE_NER
            if m.repeated:
                pass  # a repeat of a tagged name: its label is a copy, no evidence of its own
            elif m.surname_only and m.label != "PERSON":
                other_sense[m.label] += 1
            else:
                cluster.votes[m.label] += weight
            if m.honorific:
                cluster.votes["PERSON"] += VOTE_HONORIFIC
            elif _title_before_word(doc, m):
                cluster.votes["PERSON"] += VOTE_TITLE_BEFORE
            if any(t in media for t in range(m.start, m.end)):
                cluster.votes["ORG"] += VOTE_MEDIA
            if person_roles.get(id(m)) and m.label == "PERSON":
                cluster.votes["PERSON"] += VOTE_PERSON_ROLE
            if _apposition_before(doc, m, m.start) or _apposition_after(doc, m) or _titled_name(doc, m):
                # "Kenji Sato, Chargé d'Affaires of ...": only a person holds a title in apposition.
                cluster.votes["PERSON"] += VOTE_APPOSITION_ROLE
            text = m.text(doc)
            if _opens_with_a_given_name(doc, m) and fold(text) not in bodies:
                cluster.votes["PERSON"] += VOTE_GIVEN_NAME
            if names_an_outlet(text):
                cluster.votes["ORG"] += VOTE_MEDIA  # "Radio Kasgrad", and "as Politico notes"
            if fold(text) in PLATFORMS:
                cluster.votes["ORG"] += VOTE_PLATFORM
            if (country_of_state(text) or is_us_state(text)) and not m.surname_only:
                cluster.votes["GPE"] += VOTE_GAZETTEER
            elif (m.label == "NORP" or (_after_locative(doc, m) and not (named_person and m.end - m.start == 1))
                  ) and city_country(text):
                # "Aleppo" is no people, and "in Erbil" no body (but "Jackson" may be a person)
                cluster.votes["GPE"] += VOTE_GAZETTEER
            elif organisation_code(text) or is_armed_group(text):
                cluster.votes["ORG"] += VOTE_GAZETTEER  # "Boko Haram", "al-Shabab": a body, however tagged
            if _in_dateline(doc, m):
                cluster.votes["GPE"] += VOTE_DATELINE
            elif settlement_named(doc[m.start]):
                cluster.votes["GPE"] += VOTE_SETTLEMENT
            elif m.end < len(doc) and doc[m.end].lower_ in GEOGRAPHIC_NOUNS and doc[m.end].is_lower:
                cluster.votes["LOC"] += VOTE_GEOGRAPHIC
            partner = _coordinated_label(doc, m)
            if partner in ("GPE", "LOC") and m.label != partner:
                cluster.votes[partner] += VOTE_COORDINATED
            if m.end - 1 in owners and not m.surname_only:
                # A one-word owner of a government or a negotiator is a state, unless it is a
                # known organisation ("NATO's commander") or the surname of a person the article
                # named ("Trump's administration"); a longer one keeps its own label.
                single = m.end - m.start == 1 and not organisation_code(text) and not m.acronym
                cluster.votes["GPE" if single or m.label == "PERSON" else m.label] += VOTE_POSSESSOR
        for label, n in other_sense.items():
            # A person's surname the tagger labels otherwise is the word's other sense (Ford the
            # carmaker, Warren the city), the same bias each time it is written: 25 mentions of
            # "Ford" called a company are not 25 votes against the person the article introduced
            # as "Christine Blasey Ford", so they count as the square root of their number.
            cluster.votes[label] += VOTE_SURNAME_ONLY * math.sqrt(n)
        # (every mention: "TRUMP" in a headline is written like an acronym, "Trump" is not)
        if cluster.key in bound and not all(_reads_as_a_body(doc, m) for m in cluster.mentions):
            cluster.votes["PERSON"] += VOTE_PRONOUN
        cluster.votes["PERSON"] += VOTE_PERSON_HEADED * sum(_heads_a_person_noun(doc, m) for m in cluster.mentions)
    types = _join_mistyped_surnames(doc, clusters, {key: _vote(c.votes) for key, c in clusters.items()})
    mentions: list[Mention] = []
    entities: list[Entity] = []
    for cluster in clusters.values():
        etype = types[cluster.key]
        eid = entity_id(cluster.key)
        texts = [m.text(doc) for m in cluster.mentions]
        roles: list[Role] = []
        if etype == "PERSON":
            for m in cluster.mentions:
                for text, aff, s, e in person_roles.get(id(m), []):
                    roles.append(Role(text, aff, article.id, s, e))
        for m in cluster.mentions:
            start, end = m.chars(doc)
            mentions.append(Mention(article.id, start, end, m.text(doc), etype, eid))
        entities.append(Entity(
            id=eid, name=entity_name(cluster.key, texts), type=etype, aliases=tuple(sorted(set(texts))),
            roles=tuple(roles), affiliation=_affiliation(etype, texts, roles),
            n_mentions=len(texts), n_articles=1, key=cluster.key,
        ))
    mentions.sort(key=lambda m: (m.start, m.end))
    entities.sort(key=lambda e: (-e.n_mentions, e.key))
    return mentions, entities


# --------------------------------------------------------------------------- mentions


def _without_nested(raw: list[_Mention]) -> list[_Mention]:
    """The mentions without those inside a longer one: a name made whole by its surname
    ("Ursula von der Leyen") swallows the piece the tagger gave apart ("Leyen")."""
    kept: list[_Mention] = []
    reach = -1  # the furthest end of the mentions kept so far, which open no later than this one
    for m in sorted(raw, key=lambda m: (m.start, -m.end)):
        if m.end <= reach and not (kept and (kept[-1].start, kept[-1].end) == (m.start, m.end)):
            continue
        kept.append(m)
        reach = max(reach, m.end)
    return kept


def _trim(ent: Span) -> _Mention | None:
    """Cut an NER span to the name: no determiner, honorific, possessive or line break."""
    doc = ent.doc
    start, end = ent.start, ent.end
    honorific = False
    # A span that runs over a line break ("X.\n\nMeanwhile") is two things glued by the tagger.
    for i in range(start, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_ or doc[i].is_space:
            end = i + 1 if not doc[i].is_space and "\n" not in doc[i].text else i
            break
    # "Veldora, Yuki Sanderlund": a comma inside an NER span joins two names, keep the first; so
    # do a bracket ("Islamic State (Isis") and a separator ("Trump • Dorset"). An editor's closing
    # bracket ends the name when a people's adjective follows it: "[Gadhafi] Libyan intelligence"
    # names Gadhafi, while "[Lindsey] Graham" and "[Gov. Bobby] Jindal" are names (the tagger
    # reads "Jindal" as an adjective too, so the part of speech alone cannot tell).
    for i in range(start + 1, end):
        closing = doc[i].text in (")", "]") and (
            i + 1 == end or (doc[i + 1].pos_ == "ADJ" and affiliation_code(doc[i + 1].text) is not None))
        if doc[i].text in (",", ";", "(", "[", "•", "|", "·") or closing:
            end = i
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while start < end and doc[start].lower_ in HONORIFICS:
        honorific = True
        start += 1
    if end - start >= 2 and _inverted_speech_tag(doc, start, end):
        start += 1
    if ent.label_ == "PERSON" and end - start >= 2 and _caps_run_in(doc, start, end):
        start += 1  # "| REUTERS Obama's cautious balance", a video's "CLOSE Obama": a credit or a button
    if end - start >= 2 and _opening_preposition(doc, start, end):
        start += 1
    label = ent.label_
    if label == "PERSON" and _a_people(doc, start, end):
        label = "ORG"  # "strikes against the Houthis", "the Bulldogs" (a team): a group, no one person
    if label in ("PERSON", "ORG") and _a_nation(doc, start, end):
        label = "NORP"  # "Greeks voted", "Britons travelling to the continent": a people
    if _EXIT_WORD.fullmatch(doc[start].text):
        if end - start == 1 and label == "PERSON":
            label = "EVENT"  # "the Brexit vote", "Brexit means Brexit": a country's leaving, no one
        elif end - start >= 3 and doc[start + 1].lower_ in GIVEN_NAMES:
            start, label = start + 1, "PERSON"  # "'clean break' Brexit Nigel Farage": a headline run in
    if label == "PERSON" and end - start >= 3 and doc[end - 2 : end].text.lower() in SEATS_OF_POWER:
        label = "ORG"  # "the Obama White House": a presidency, no person
    if label == "ORG" and (cut := _after_glued_title(doc, start, end)) != start and doc[cut].lower_ in GIVEN_NAMES:
        start, label = cut, "PERSON"  # "Former PM Theresa May", tagged a body with its title
    if label in ("PERSON", "ORG") and (cut := _after_office_of(doc, start, end)) != start:
        start, label = cut, "PERSON"  # the holder of the office: "Secretary of State Rex Tillerson"
    if label == "PERSON":
        start = _after_glued_title(doc, start, end)
        end = _whole_last_word(doc, end)
        start, end = _without_figures(doc, start, end)
        end = _before_a_day_of_month(doc, start, end)
    elif label == "ORG":
        end = _whole_of_phrase(doc, start, end)
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("'s", "’s")
                           or (doc[end - 1].is_punct and doc[end - 1].text not in ".")):
        end -= 1
    # "Sørensen wrote on X." leaves "X." ; a trailing full stop belongs to the sentence.
    while end > start and doc[end - 1].text == "." and end - 1 > start:
        end -= 1
    if start >= end:
        return None
    if start > 0 and doc[start - 1].lower_ in HONORIFICS:
        honorific = True
    text = doc[start:end].text
    if not any(c.isalpha() for c in text):
        return None
    # One token "X." at a sentence end: the dot is punctuation unless the name is an
    # abbreviation with inner dots ("U.S.").
    drop_dot = text.endswith(".") and "." not in text[:-1] and len(text) > 1
    return _Mention(start, end, label, honorific, drop_dot=drop_dot)


def _without_figures(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A person's name cut before the first word with a figure or a link in it: the tagger runs
    names into a video's length, a poll's count or a tweet's link ("Obama 01:16", "Ted Cruz 820k",
    "pic.twitter.com/... — Ryan Saavedra"), and takes "COVID-19" for someone. A name has no
    figures; words before the first that has them are the name, else those after the last."""
    marked = [i for i in range(start, end) if any(c.isdigit() for c in doc[i].text) or doc[i].like_url]
    if not marked:
        return start, end
    if marked[0] > start:
        return start, marked[0]
    return marked[-1] + 1, end


def _before_a_day_of_month(doc: Doc, start: int, end: int) -> int:
    """The end of a name the tagger ran into the date after it ("meet with Kim June 12"): a
    month's name followed by a day's number is the date's, even where it is also a given name.
    Not "May", a surname as often ("Theresa May 10 years ago")."""
    if (end - start >= 2 and doc[end - 1].lower_ in MONTHS and doc[end - 1].lower_ != "may" and end < len(doc)
            and re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", doc[end].lower_)):
        return end - 1
    return end


# Words a hyphen joins to a name to make an adjective of it: "Obama-era rules", "Saudi-led".
COMPOUND_HEADS = _words("""
era led backed style like based born linked allied aligned friendly appointed controlled owned
funded run sponsored brokered made related inspired leaning supporting endorsed
""")


def _whole_last_word(doc: Doc, end: int) -> int:
    """The end of a name with its last word whole: the tagger stops "Moon Jae-in" before "-in",
    which it reads as the preposition, or just after the hyphen ("Moon Jae-|in April 27"); a
    name never ends inside a hyphenated word."""
    if (end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-"
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].lower_ not in COMPOUND_HEADS):
        return _whole_last_word(doc, end + 2)  # "Mar-a|-Lago": as many hyphens as the word has
    if (end >= 2 and end < len(doc) and doc[end - 1].text == "-" and not doc[end - 2].whitespace_
            and not doc[end - 1].whitespace_ and doc[end].is_alpha):
        return end + 1
    # a name never ends in a particle: the tagger stops "Marine Le| Pen", reading "Pen" as a noun,
    # and "Ursula von| der Leyen", "Ursula von der| Leyen", taking the surname for a place
    while (end < len(doc) and doc[end - 1].lower_ in SURNAME_PARTICLES and doc[end].is_alpha
           and (doc[end].text[:1].isupper() or doc[end].lower_ in SURNAME_PARTICLES)
           and (doc[end - 1].text[:1].isupper() or _after_a_given_name(doc, end - 1))):
        end += 1
    return end


def _after_a_given_name(doc: Doc, particle: int) -> bool:
    """Whether the lower-case particle at `particle` follows a capitalised name through other
    particles ("Ursula von der"), so that it opens a surname rather than ends a phrase."""
    i = particle
    while i > 0 and doc[i].lower_ in SURNAME_PARTICLES:
        i -= 1
    return i < particle and doc[i].is_alpha and doc[i].text[:1].isupper() and doc[i].lower_ not in SURNAME_PARTICLES


def _whole_of_phrase(doc: Doc, start: int, end: int) -> int:
    """The end of an organisation "X of Y" the tagger stops inside or after a hyphenated word
    ("the Association of Serb|-majority municipalities", "the Union of Kosovo-Serb| veterans"):
    the name runs through that word to the noun it qualifies, the object of "of"."""
    whole = _whole_last_word(doc, end)
    hyphenated = whole != end or (end - start >= 3 and doc[end - 2].text == "-" and not doc[end - 3].whitespace_
                                  and not doc[end - 2].whitespace_)
    if not hyphenated or not any(doc[i].lower_ == "of" for i in range(start, end)):
        return end
    noun = doc[whole - 1].head  # "Kosovo-Serb veterans": the noun the hyphenated word qualifies
    if noun.i == whole and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return whole + 1
    return whole


def _opening_preposition(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens [start, end) begins with the preposition that opens its sentence
    and governs it ("Inside Baghouz, ..."): the phrase ends at a comma or at the end of the line."""
    first = doc[start]
    if first.lower_ not in LEADING_PREPOSITIONS or not (start == 0 or first.is_sent_start):
        return False
    last = doc[end - 1]
    return end == len(doc) or doc[end].text == "," or "\n" in last.whitespace_ or doc[end].is_space


def _named_spans(doc: Doc) -> list[Span]:
    """The tagger's entities, with a people's adjective and the body noun after it made one
    organisation: the tagger often labels "Islamic" in "Islamic State" NORP and leaves "State"
    out, or labels it ORG on its own."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if ent.label_ == "NORP" and _body_noun(doc, ent.end):
            if nxt is not None and nxt.start == ent.end and nxt.label_ == "ORG":
                out.append(Span(doc, ent.start, nxt.end, label="ORG"))  # "Islamic" + "State" (ORG)
                i += 2
                continue
            if not doc[ent.end].ent_type_:
                out.append(Span(doc, ent.start, ent.end + 1, label="ORG"))  # "Islamic" + "State"
                i += 1
                continue
        out.append(ent)
        i += 1
    names = _untagged_appositions(doc)
    for name in names:
        # the tagger may have run a name across the comma into the one before it ("Veldora, Yuki
        # Sanderlund" ORG): that one ends at the comma
        out = [Span(doc, e.start, name.start - 1, label=e.label_) if e.start < name.start - 1 < e.end else e
               for e in out if not (name.start - 1 <= e.start < name.end)]
    return sorted(out + names, key=lambda e: e.start)


# The longest untagged name taken from an apposition to a role noun.
APPOSED_NAME_MAX = 4


def _untagged_appositions(doc: Doc) -> list[Span]:
    """'met Aurelia's ambassador to Veldora, Yuki Sanderlund,': a name of two to four capitalised
    proper nouns set off by a comma as the apposition of a role noun names that person, though the
    small model tagged none of its words, or only as the tail of the name before the comma
    ("Veldora, Yuki Sanderlund" ORG): it misses names it has never seen."""
    from spacy.tokens import Span

    out: list[Span] = []
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.lower_ not in ROLE_NOUNS:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
            start -= 1
        words = doc[start : tok.i + 1]
        if (
            not 2 <= len(words) <= APPOSED_NAME_MAX
            or doc[start - 1].text != ","
            or any(w.ent_iob_ == "B" or w.pos_ != "PROPN" or not w.is_title for w in words)
            or any(w.lower_ in ROLE_NOUNS or w.lower_ in ROLE_MODIFIERS for w in words)
        ):
            continue
        out.append(Span(doc, start, tok.i + 1, label="PERSON"))
    return out


def _body_noun(doc: Doc, i: int) -> bool:
    """Whether token i is a capitalised noun for a body right after the token before it."""
    return (i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ in NORP_BODY_NOUNS
            and doc[i - 1].whitespace_ == " ")


# A title is cut off a PERSON span only when this many name words remain: "Prince Harry" or
# "Pope Francis" cut to one word would read as a surname and be joined to somebody else's.
MIN_NAME_WORDS_AFTER_TITLE = 2


def _after_glued_title(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in a PERSON span that opens with a title the tagger took for part
    of it ("Comedian Ellen DeGeneres", "Oscar Host Ellen DeGeneres", "Prime Minister Theresa
    May"): after the last role word, when at least two capitalised name words follow it."""
    heads = [i for i in range(start, end) if _is_role_head(doc[i])]
    if not heads:
        return start
    cut = heads[-1] + 1
    rest = doc[cut:end]
    if len(rest) < MIN_NAME_WORDS_AFTER_TITLE or not all(t.text[:1].isupper() for t in rest if t.is_alpha):
        return start
    if any(doc[i].lower_ in ROLE_MODIFIERS for i in range(cut, end)):
        return start
    return cut


# Words that end a title "Secretary of ..." and that the tagger runs into the name after it.
OFFICE_WORDS = frozenset({"state", "defense", "defence", "treasury", "homeland", "security", "health", "labor",
                          "labour", "energy", "commerce", "agriculture", "education", "transportation", "interior",
                          "justice", "veterans", "affairs", "housing", "war", "foreign"})


def _after_office_of(doc: Doc, start: int, end: int) -> int:
    """Where the name starts in a span that opens with the end of a title the tagger ran into it:
    "Secretary of [State Rex Tillerson]" names Rex Tillerson, when at least two capitalised name
    words follow the office's words."""
    if start < 2 or doc[start - 1].lower_ != "of" or not _is_role_head(doc[start - 2]):
        return start
    cut = start
    while cut < end and doc[cut].lower_ in OFFICE_WORDS:
        cut += 1
    rest = doc[cut:end]
    if cut == start or len(rest) < MIN_NAME_WORDS_AFTER_TITLE or not all(t.is_alpha and t.is_title for t in rest):
        return start
    return cut


def _a_people(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word name is a group's, a plural after "the": "the Houthis", "the Obamas"."""
    word = doc[start].text
    return (end - start == 1 and start > 0 and doc[start - 1].lower_ == "the" and word.endswith("s")
            and not word.endswith("ss") and word[:1].isupper())


def _a_nation(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word name is a people's, a plural of a demonym: "Greeks", "Britons", "Serbs"."""
    word = doc[start].text
    return (end - start == 1 and word[:1].isupper() and len(word) > 3 and word.endswith("s")
            and (word[:-1].lower() in DEMONYMS or word.lower() in DEMONYMS))


# Seats of power that a leader's name qualifies: "the Obama White House" is his administration.
SEATS_OF_POWER = frozenset({"white house", "oval office", "downing street"})

# A country's leaving a union, named like "Brexit" (Grexit, Frexit, Czexit): never a person.
_EXIT_WORD = re.compile(r"[A-Z][a-z]{0,6}exit")

# Prefixes of ships' names: "USS Carl Vinson" is no person, but keeps its prefix.
SHIP_PREFIXES = frozenset({"USS", "HMS", "USNS", "HMCS", "HMAS", "INS", "RFS"})


def _caps_run_in(doc: Doc, start: int, end: int) -> bool:
    """Whether a person's name opens with a word in capitals that is no part of it, run in from a
    credit, a button or a label ("REUTERS Obama", "CLOSE Obama"): the rest is written in small
    letters, as a name in capitals throughout ("KIM JONG UN") is not, and two capitals are initials
    ("DJ Jaffe")."""
    first = doc[start]
    return (_in_capitals(first.text) and first.is_alpha and len(first.text) > 2 and first.text not in SHIP_PREFIXES
            and not any(_in_capitals(t.text) for t in doc[start + 1:end]) and doc[start + 1].text[:1].isupper())


def _inverted_speech_tag(doc: Doc, i: int, end: int) -> bool:
    """'Said' in "“We will win,” Said Obama" or a paragraph's "Said Obama: “...”": a speech verb
    right after a closing quotation mark (and its comma), or opening a line and a colon after the
    name, opens an attribution; it is no given name ("Said Jalili met the envoy")."""
    if doc[i].lower_ not in SPEECH_TAGS:
        return False
    if (i == 0 or "\n" in doc[i - 1].text_with_ws) and end < len(doc) and doc[end].text == ":":
        return True
    if i == 0:
        return False
    j = i - 1
    if doc[j].text in (",", ":") and j > 0:
        j -= 1
    return doc[j].text in CLOSING_QUOTES


def _is_page_furniture(text: str) -> bool:
    """'Story Highlights', 'Privacy Policy and Terms': a web page's headings and notices, no name."""
    words = [w.strip(".,:;!?|") for w in fold(text).split()]
    words = [w for w in words if w]
    if len(words) == 1:
        return words[0] in PAGE_FURNITURE_ALONE
    return bool(words) and all(w in PAGE_FURNITURE for w in words)


def _credit_tokens(doc: Doc) -> set[int]:
    """Token indices of photo credits: "Photo: Jane Doe/Reuters", "(AP Photo/John Smith)", "Credit:
    John Smith for The Guardian", "John Smith/Getty Images". The names in them are the people and
    agencies who took the picture, not anybody the article is about."""
    found: set[int] = set()
    for tok in doc:
        if tok.lower_ in CREDIT_LABELS and _line_opening(doc, tok.i):
            found.update(_labelled_credit(doc, tok.i))
        elif tok.text == "/" and 0 < tok.i < len(doc) - 1 and (
                doc[tok.i - 1].lower_ in PHOTO_AGENCIES or _agency(doc[tok.i + 1])):
            found.update(_slash_credit(doc, tok.i))
    return found


def _agency(tok: Token) -> bool:
    """A picture agency, or an outlet written in capitals, after a credit's slash ("Jane
    Doe/Reuters", "M.Scott Mahaskey/POLITICO")."""
    return tok.lower_ in PHOTO_AGENCIES or (len(tok.text) >= 2 and tok.text.isalpha() and tok.text.isupper())


def _line_opening(doc: Doc, i: int) -> bool:
    """Whether token i starts a line, a bracket or a caption's last sentence, or follows a
    caption's label ("toggle caption Jane Doe/AP")."""
    if i == 0:
        return True
    before = doc[i - 1]
    return ("\n" in before.text or "\n" in before.whitespace_ or before.text in CREDIT_OPENERS
            or before.lower_ in CAPTION_WORDS)


def _credit_end(doc: Doc, end: int) -> bool:
    """Whether a credit line may stop before token `end`: its line, bracket or sentence ends there."""
    if end >= len(doc):
        return True
    after = doc[end]
    return "\n" in after.text or after.text in CREDIT_CLOSERS or "\n" in doc[end - 1].whitespace_


def _credit_run(doc: Doc, i: int) -> int:
    """The end (exclusive) of the names, agencies and joiners of a credit line from token i."""
    end = i
    while end < len(doc) and end - i < CREDIT_MAX_TOKENS:
        tok = doc[end]
        if tok.is_space or tok.text in CREDIT_CLOSERS:
            break
        if not (tok.text[:1].isupper() or tok.lower_ in CREDIT_JOINERS):
            break
        end += 1
        if "\n" in tok.whitespace_:
            break
    return end


def _labelled_credit(doc: Doc, label: int) -> range:
    """'Photo: ...', 'Photograph by ...', 'Photo credit: ...', 'Credit…': the label and the names
    after it, when they fill the rest of the line; a caption ("Photo: Minister X greets ...") does not."""
    i = label + 1
    if i < len(doc) and doc[i].lower_ in ("credit", "credits"):
        i += 1
    if i >= len(doc) or doc[i].text not in (":", "by", "By", "…", "...", "-", "–", "—"):
        return range(0)
    end = _credit_run(doc, i + 1)
    return range(label, end) if end > i + 1 and _credit_end(doc, end) else range(0)


def _slash_credit(doc: Doc, slash: int) -> range:
    """'Jane Doe/Reuters', 'REUTERS/Jane Doe', 'AP Photo/John Smith' standing alone on their line
    or in brackets (not "a Reuters/Ipsos poll found")."""
    start = slash
    while start > 0 and slash - start < CREDIT_MAX_TOKENS:
        tok = doc[start - 1]
        if tok.is_space or "\n" in tok.whitespace_ or not (tok.text[:1].isupper() or tok.text == "/"):
            break
        start -= 1
    end = _credit_run(doc, slash)
    # Only a name of two words or more before an outlet in capitals is a photographer's: "the
    # US/UK talks" and "Washington/AP" are not credits.
    named = slash - start >= 2 and doc[start].lower_ not in ("the", "a", "an")
    if doc[slash - 1].lower_ not in PHOTO_AGENCIES and doc[slash + 1].lower_ not in PHOTO_AGENCIES and not named:
        return range(0)
    if named and _line_opening(doc, start) and _agency(doc[slash + 1]) and not _credit_end(doc, end):
        # "| M.Scott Mahaskey/POLITICO Sebelius: ...": a page run together, the credit ends at its
        # agency
        end = slash + 2
    elif start == slash or end <= slash + 1 or not _line_opening(doc, start) or not _credit_end(doc, end):
        return range(0)
    return range(start, end)


# A surname searched for alone is at least this long ("Li", "Wu" are words of other names too).
MIN_SURNAME_CHARS = 3


def _repeated_names(doc: Doc, raw: list[_Mention]) -> list[_Mention]:
    """The other occurrences of a name the article tags somewhere: the small model tags "Isis" or
    "Carlile" in one sentence and misses it in the next (one name keeps one sense in an article).
    An occurrence is taken only as the same capitalised words, not inside another tagged span nor
    run on into a longer name ("Trump Tower"), and a one-word name only where the parse reads it
    as a noun and it is no function word ("Will")."""
    names: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for m in raw:
        words = tuple(t.text for t in doc[m.start:m.end])
        if all(w[:1].isupper() for w in words) and not m.drop_dot:
            names[words][m.label] += 1
    for words, labels in list(names.items()):
        # a person's surname alone, which the tagger may miss where it never saw the full name
        # ("Miroslav Lajčák travelled ... Lajčák then went on to Pristina")
        surname = words[-1:]
        if len(words) >= 2 and labels["PERSON"] and len(surname[0]) >= MIN_SURNAME_CHARS and surname not in names:
            names[surname]["PERSON"] += 1
    if not names:
        return []
    taken = [False] * len(doc)
    for m in raw:
        for i in range(m.start, m.end):
            taken[i] = True
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            taken[i] = True
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(names, key=len, reverse=True):
        by_first[words[0]].append(words)
    found: list[_Mention] = []
    i = 0
    while i < len(doc):
        for words in by_first.get(doc[i].text, ()):
            end = i + len(words)
            if end > len(doc) or any(taken[i:end]) or tuple(t.text for t in doc[i:end]) != words:
                continue
            labels = names[words]
            label = max(labels, key=lambda t: (labels[t], t))
            if not _stands_alone(doc, i, end, label):
                continue
            honorific = i > 0 and doc[i - 1].lower_ in HONORIFICS
            found.append(_Mention(i, end, label, honorific, repeated=True))
            i = end - 1
            break
        i += 1
    return found


def _stands_alone(doc: Doc, start: int, end: int, label: str) -> bool:
    """Whether tokens [start, end) are a whole name (of a `label`), not part of a longer one or a
    plain word."""
    def name_word(t: Token) -> bool:
        return t.is_alpha and t.text[:1].isupper() and t.lower_ not in HONORIFICS and not t.is_sent_start

    if start > 0 and name_word(doc[start - 1]):
        return False
    if end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
        return False
    if end - start == 1:
        tok = doc[start]
        if tok.is_stop or doc.vocab[tok.lower_].is_stop:
            return False
        if label == "PERSON" and _opens_text(doc, start):
            # "Price rises ...", "Hunt for survivors ...": any word has a capital there, and
            # surnames are often plain words, so a word that qualifies a plain noun or takes a
            # common noun's modifiers is no person ("Trump tweeted" is; a body's name may
            # qualify: "Isis fighters attacked")
            if tok.dep_ in ("compound", "amod") and tok.head.is_lower:
                return False
            if any(c.dep_ in ("prep", "det", "amod") for c in tok.children):
                return False
        return tok.pos_ in ("PROPN", "NOUN")
    return True


def _opens_text(doc: Doc, i: int) -> bool:
    """Whether token i starts a sentence, a line or a quotation, where every word has a capital."""
    if i == 0 or doc[i].is_sent_start:
        return True
    before = doc[i - 1]
    return "\n" in before.text or "\n" in before.whitespace_ or before.is_quote


def _set_sentences(doc: Doc, mentions: list[_Mention]) -> None:
    """Give each mention its sentence's token bounds, walking the sentences once."""
    bounds = [(sent.start, sent.end) for sent in doc.sents] if mentions else []
    k = 0
    for m in sorted(mentions, key=lambda x: x.start):
        while k < len(bounds) - 1 and bounds[k][1] <= m.start:
            k += 1
        m.sent_start, m.sent_end = bounds[k] if bounds else (0, len(doc))


def _possessive(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.lower_ in ("'s", "’s")


def _split_possessives(doc: Doc, raw: list[_Mention]) -> list[_Mention]:
    """Names the tagger glued to their owner across a possessive: "Trump’s White House" is Trump
    and the White House, "China’s Ministry of Commerce" China and the ministry, "Cotton’s op-ed"
    and "Trump’s 2016" are Cotton and Trump. A name that has a possessive inside it keeps it
    ("Martha’s Vineyard", "Moody’s Analytics", "Democratic People's Republic of Korea"): only an
    owner the article also names on its own, or a known country or organisation, is cut off, and
    so is one whose owned name the article gives alone ("May’s Brexit" beside "Brexit")."""
    alone = _names_alone(doc, raw)
    out: list[_Mention] = []
    for m in raw:
        cut = m.start
        while m.start < m.end and _possessive(doc[m.start]):
            m.start += 1  # "’s son": the owner was left outside the span
        k = next((i for i in range(m.start + 1, m.end - 1) if _possessive(doc[i])), None)
        if k is None:
            if m.start < m.end and (m.start == cut or _is_a_name(doc, m)):
                out.append(m)
            continue
        owner = doc[m.start:k].text
        owned = doc[k + 1:m.end]
        if owned[0].like_num or not any(t.text[:1].isupper() for t in owned):
            m.end = k  # "Cotton’s op-ed", "Trump’s 2016": the owner is the name
            out.append(m)
        elif fold(owner) in alone or fold(owned.text) in alone or country_of_state(owner) or organisation_code(owner):
            label = "GPE" if country_of_state(owner) else alone.get(fold(owner), m.label)
            # The tagger labelled the whole by its owner: a person's "White House" is no person.
            fallback = "ORG" if m.label == "PERSON" else m.label
            out.append(_Mention(m.start, k, label, m.honorific))
            out.append(_Mention(k + 1, m.end, alone.get(fold(owned.text), fallback)))
        else:
            out.append(m)
    return out


def _names_alone(doc: Doc, raw: list[_Mention]) -> dict[str, str]:
    """Folded name -> its label, of the names the article gives without an owner: "Theresa May"
    gives "theresa may" and "may"."""
    alone: dict[str, str] = {}
    for m in raw:
        if not any(_possessive(t) for t in doc[m.start:m.end]):
            name = fold(m.text(doc))
            alone.setdefault(name, m.label)
            alone.setdefault(name.split()[-1] if name else name, m.label)  # "May" of "Theresa May"
    return alone


def _split_pairs(doc: Doc, raw: list[_Mention]) -> list[_Mention]:
    """Two names the tagger took for one across a hyphen: "the Trump-Kim summit" is Trump and
    Kim, "the Trump-Russia inquiry" Trump and Russia. A double name keeps its hyphen
    ("Ocasio-Cortez", "Bosnia-Herzegovina"): both halves must be names the article gives on their
    own, or known countries."""
    alone = _names_alone(doc, raw)

    def known(part: Span) -> bool:
        return part[0].text[:1].isupper() and (fold(part.text) in alone or bool(country_of_state(part.text)))

    out: list[_Mention] = []
    for m in raw:
        k = next((i for i in range(m.start + 1, m.end - 1) if doc[i].text == "-"
                  and not doc[i - 1].whitespace_ and not doc[i].whitespace_), None)
        if k is None or not known(doc[m.start:k]) or not known(doc[k + 1:m.end]):
            out.append(m)
            continue
        for part in (doc[m.start:k], doc[k + 1:m.end]):
            label = "GPE" if country_of_state(part.text) else alone.get(fold(part.text), m.label)
            out.append(_Mention(part.start, part.end, label))
    return out


def _is_a_name(doc: Doc, m: _Mention) -> bool:
    """Whether a span can name someone: not a clitic or function words ("n’t" from "didn’t", which
    the tagger has called a place), not a person written without a capital ("doc"), more than a
    legal form ("LLC") and not the department word of a title ("Secretary of State John Kerry",
    "Defense Secretary Jim Mattis"). Bodies may be lowercase: "the navy", "washingtonpost.com"."""
    text = m.text(doc)
    if not any(c.isupper() for c in text) and (
        m.label == "PERSON" or all(t.is_stop or "'" in t.text or "’" in t.text for t in doc[m.start:m.end])
    ):
        return False
    if fold(text).rstrip(".") in LEGAL_FORMS:
        return False
    if m.label != "ORG" or m.end - m.start != 1:
        return True
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.lower_ in DEPARTMENT_TITLES and after.is_title:
        return False  # "Defense Secretary Jim Mattis" (but "the Oscars host" names the Oscars)
    before = doc[m.start - 2 : m.start]
    return not (len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in DEPARTMENT_TITLES)


def _heads_a_person_noun(doc: Doc, m: _Mention) -> bool:
    """Whether a one-word name modifies a noun only people are said to have ("the Trump
    administration", "Obama loyalists")."""
    if m.end - m.start != 1 or m.end >= len(doc):
        return False
    tok = doc[m.start]
    return tok.dep_ == "compound" and tok.head.i == m.end and tok.head.lower_ in PERSON_HEADED


# Prepositions after which a city the gazetteer knows is the place, whatever the tagger says.
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "inside", "across", "throughout"})


def settlement_named(tok: Token) -> bool:
    """Whether a name's first word follows "the town of", "the village of" (gazetteer.SETTLEMENT_NOUNS)."""
    doc = tok.doc
    return (tok.i >= 2 and doc[tok.i - 1].lower_ == "of" and doc[tok.i - 2].lemma_.lower() in SETTLEMENT_NOUNS
            and doc[tok.i - 2].is_lower)


def _after_locative(doc: Doc, m: _Mention) -> bool:
    """Whether a place preposition stands right before the name and says where: "in Erbil", "near
    Tartus". Not before a surname ("rallied around Bolton"), nor after a noun of trust
    ("confidence in Obama"): those are people the gazetteer shares a name with."""
    if m.start == 0 or m.surname_only or doc[m.start - 1].lower_ not in LOCATIVE_PREPOSITIONS:
        return False
    return doc[m.start - 1].head.lemma_.lower() not in ATTITUDE_NOUNS


# Nouns whose "in" takes whom one trusts or backs, never a place.
ATTITUDE_NOUNS = frozenset({"confidence", "faith", "trust", "belief", "hope", "pride"})


def _titled_name(doc: Doc, m: _Mention) -> bool:
    """A name of two or more capitalised words right after a title ("the EU envoy Miroslav
    Lajčák"), which the small model, put off by the diacritics, may call an organisation."""
    if m.label != "ORG" or m.end - m.start < 2 or m.start == 0 or not _is_role_head(doc[m.start - 1]):
        return False
    words = doc[m.start:m.end]
    return all(t.is_title and t.is_alpha for t in words) and not organisation_code(words.text)


def _title_before_word(doc: Doc, m: _Mention) -> bool:
    """One word right after a capitalised title: "President Trump", "Sen. Rubio" (not an
    acronym: "Commander ISAF")."""
    if m.end - m.start != 1 or m.start == 0 or m.acronym or doc[m.start].is_upper:
        return False
    before = doc[m.start - 1]
    return before.text[:1].isupper() and (_is_role_head(before) or before.lower_ in TITLE_ABBREVIATIONS)


def _is_title_only(doc: Doc, m: _Mention) -> bool:
    """An ORG span that is a title ('the EU Special Representative', 'Chargé') names nobody."""
    if m.label != "ORG":
        return False
    last = doc[m.end - 1]
    return last.lower_ in ROLE_NOUNS or last.lemma_.lower() in ROLE_NOUNS


def _cluster(doc: Doc, mentions: list[_Mention]) -> dict[str, _Cluster]:
    """Group mentions of one entity: same folded name, or a surname of a full name in the article."""
    surnames: dict[str, list[tuple[int, str, int, bool]]] = defaultdict(list)
    firsts: dict[str, list[tuple[int, str, int, bool]]] = defaultdict(list)  # names a word opens, alike
    family_firsts: dict[str, list[tuple[int, str, int, bool]]] = defaultdict(list)  # of them, "Kim Jong Un"
    # A full name the tagger called an organisation or a place ("Recep Tayyip Erdoğan", "Maurice
    # Cheeks") still owns its surname where the article also writes the surname as a person, if
    # nothing in it says it is a place or a body (session 7 dropped the rule without that test:
    # "Fort Bragg" and "Lincoln Memorial" took "Bragg" and "Lincoln").
    bare_people = {name_key(m.text(doc)) for m in mentions if m.label == "PERSON" and m.end - m.start == 1}
    # last words of full names as written in capitals ("KIM JONG UN" in a headline): only those
    # may a bare word in capitals stand for; else "UN" is the United Nations, not "Kim Jong Un"
    capital_lasts = {name_key(w[-1]) for m in mentions if len(w := m.text(doc).split()) >= 2 and _in_capitals(w[-1])}
    for m in mentions:
        words = m.text(doc).split()
        if len(words) >= 2 and (m.label == "PERSON" or m.honorific or (
            m.label in ("ORG", "GPE", "FAC") and name_key(words[-1]) in bare_people and _may_be_a_person(doc, m)
        )):
            person = m.label == "PERSON" or m.honorific
            surnames[name_key(words[-1])].append((m.start, name_key(m.text(doc)), m.sent_start, person))
        if len(words) >= 2 and m.label == "PERSON" and _may_open_for(doc, m, words):
            firsts[name_key(words[0])].append((m.start, name_key(m.text(doc)), m.sent_start, True))
            if _family_name_first(words):
                family_firsts[name_key(words[0])].append((m.start, name_key(m.text(doc)), m.sent_start, True))
    titled = _titled_first(doc, mentions, surnames)
    # "Donald Trump Jr.": a relative by the word before the suffix, no owner of "Trump" alone
    juniors = _juniors({name_key(m.text(doc)) for m in mentions})
    clusters: dict[str, _Cluster] = {}
    for m in mentions:
        text = m.text(doc)
        key = name_key(text)
        acronym = _in_capitals(text) and key not in capital_lasts
        if len(text.split()) == 1 and m.label in PERSONISH and key in surnames and not acronym:
            # A word that ends some names and opens others written family name first ("Tony
            # Kim", "Kim Jong Un") is the name of whichever the article introduced first, as a
            # surname alone is.
            owners = sorted(surnames[key] + family_firsts[key])
            if key in titled:
                # "President Trump" before "first lady Melania Trump": the surname alone is the
                # president's, unless a full name has his title or is in the same sentence
                fits = _title_fits(doc, [(c[1], c[0]) for c in owners], titled[key], juniors[key])
                owners = [c for c in owners if c[0] < m.start and c[2] == m.sent_start] or [
                    c for c in owners if c[1] in fits]
            if owners:
                key = _surname_owner(owners, m)
                m.surname_only = True
        elif len(text.split()) == 1 and m.label in PERSONISH and not acronym and (
                owner := _family_owner(doc, family_firsts[key], m)):
            key = owner  # "Kim Jong Un ... Kim Yong Chol ... in Kim's note" (tagged a place)
            m.surname_only = True
        elif len(text.split()) == 1 and m.label == "PERSON" and (owner := _opened_name(firsts[key], m)):
            key = owner
            m.surname_only = True
        elif m.label != "PERSON" and not m.honorific and (known := country_key(text) or organisation_key(text)):
            key = known  # "the U.S." and "the United States" are one country ("Rep. Holland" none)
        elif m.label != "PERSON" and " " in key:
            key = hyphens_as_spaces(key)  # "the Trans-Pacific Partnership", "the Trans Pacific Partnership"
        m.key = key
        clusters.setdefault(key, _Cluster(key)).mentions.append(m)
    return _join_acronyms(doc, _join_short_forms(doc, clusters))


def _titled_first(doc: Doc, mentions: list[_Mention],
                  surnames: dict[str, list[tuple[int, str, int, bool]]]) -> dict[str, str]:
    """The surnames the article first writes alone after a title, before any full name ending in
    them ("President Trump" before "first lady Melania Trump"), each with that title."""
    out: dict[str, str] = {}
    for m in mentions:
        key = name_key(m.text(doc))
        title = _title_of(doc, m.start) if m.end - m.start == 1 else None
        if title and key in surnames and key not in out and m.start < min(c[0] for c in surnames[key]):
            out[key] = title
    return out


def _title_of(doc: Doc, start: int) -> str | None:
    """The title right before a name ("President", "lady"), folded, or None."""
    before = doc[start - 1] if start > 0 else None
    return before.lower_ if before is not None and before.text[:1].isupper() and _is_role_head(before) else None


# Words of places, buildings, bodies and titles named after people ("Fort Bragg", "Lincoln
# Memorial", "Capitol Hill", "Sacramento Bee"): a name with one is no person's, whatever its
# last word is elsewhere.
NOT_PERSON_NAME_WORDS = _words("""
fort mount mt lake port saint st san santa memorial hill hills center centre hall house park square
street avenue bridge airport base bay tower building museum university college school hospital
church cathedral mosque stadium arena bee times post news journal herald tribune river valley
island islands county city district province state camp prison field road gate palace plaza
library institute foundation company group party council committee bank capitol senate court
eastern western northern southern central upper lower greater new old north south east west
act fund campaign lab laboratory theater theatre farm project prize award trophy show inc corp
corporation llc ltd society association network agency commission clinic
""")
# The last words of names of places and bodies, for _reads_as_a_body.
BODY_NAME_HEADS = NOT_PERSON_NAME_WORDS | INSTITUTION_NOUNS



def _opened_name(opened: list[tuple[int, str, int, bool]], m: _Mention) -> str | None:
    """The full name a lone name ending no full name stands for when it opens one, and only one,
    person's name the article gave before it (``opened``: those it opens, as (token, key)):
    Chinese and Korean names put the family name first ("Xi Jinping ... Xi said", "Kim Jong Un
    ... Kim"), and a lone given name is its bearer's ("Hunter Biden ... Hunter"). Two such names
    ("Kim Jong Un", "Kim Yo Jong") leave it nobody's."""
    owners = {key for start, key, _, _ in opened if start < m.start}
    return owners.pop() if len(owners) == 1 else None


def _family_owner(doc: Doc, named: list[tuple[int, str, int, bool]], m: _Mention) -> str | None:
    """Whose a lone family name is, among the full names the article writes family name first
    with it ("Kim Jong Un", "Kim Yong Chol"): as a surname alone, the one introduced first,
    whom news goes on calling by it while it tells the others by their full names; but not a
    forebear named in passing, dead or commemorated ("named after late leader Kim Jong Il", "the
    birthday of Kim Il Sung"), while another remains. Two such names introduced together ("Park
    Min-jun and his sister Park Ji-woo") leave it nobody's after their sentence."""
    named = sorted(named)
    named = [c for c in named if not _of_the_past(doc, c[0])] or named
    if not named:
        return None
    together = {key for _, key, sent, _ in named if sent == named[0][2]}
    if len(together) > 1 and m.sent_start != named[0][2]:
        return None
    return _surname_owner(named, m)


def _of_the_past(doc: Doc, start: int) -> bool:
    """Whether the name at token `start` is of someone dead or commemorated: "the late Kim Il
    Sung", "late leader Kim Jong Il", "the birthday of Kim Il Sung"."""
    before = list(doc[max(0, start - 3):start])
    for i, t in enumerate(before):
        if t.lower_ == "late" and all(w.is_lower for w in before[i + 1:]):
            return True  # not "late Tuesday Kim said"
    return len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lemma_.lower() in ("birth", "birthday")


def _family_name_first(words: list[str]) -> bool:
    """Whether a person's name has the shape of one written family name first, as Korean and
    Chinese names are in English: a given name of short syllables hyphenated ("Moon Jae-in",
    "Kim Jong-un") or two short syllables apart ("Kim Jong Un", "Kim Yo Jong"). A run of names the tagger glued ("Trump
    Krystal Ball", "Trump MORE") has neither."""
    rest = words[1:]
    if any(_in_capitals(w) for w in rest):
        return False
    return any(_syllables(w.strip("-")) for w in rest) or (len(rest) == 2 and all(len(w) <= 4 for w in rest))


def _syllables(word: str) -> bool:
    """Whether a word is a hyphenated given name of short syllables ("Jae-in", "Kye-gwan"), not a
    double-barrelled surname ("Ocasio-Cortez", "Lloyd-Webber")."""
    parts = word.split("-")
    return len(parts) > 1 and all(0 < len(p) <= 5 for p in parts)


def _may_open_for(doc: Doc, m: _Mention, words: list[str]) -> bool:
    """Whether a full person name may be what its first word alone stands for: it reads as a
    name, and is no cut of a longer run or a headline's run-on."""
    return _reads_as_a_name(words) and not _runs_on(doc, m) and not _in_title_case_line(doc, m)


def _runs_on(doc: Doc, m: _Mention) -> bool:
    """Whether a name runs on into a capitalised word the tagger left out: a cut of a longer run
    ("President Trump Donald John TrumpGOP senators balk", a site's glued link text)."""
    nxt = doc[m.end] if m.end < len(doc) else None
    return nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start


def _in_title_case_line(doc: Doc, m: _Mention) -> bool:
    """Whether a mention stands in a line written in title case, a headline's ("Obama Willing to
    Use Executive Orders on Guns"), where the tagger runs a name into the next word."""
    start, end = m.start, m.start
    while start > 0 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    while end < len(doc) - 1 and "\n" not in doc[end].text_with_ws:
        end += 1
    long_words = [t.text for t in doc[start:end + 1] if len(t) > 3 and t.is_alpha]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


# Words that end a name without being its bearer's own ("Trump Jr." is the son, "Trump" alone
# the father).
GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _reads_as_a_name(words: list[str]) -> bool:
    """Whether the words of a span the tagger called a person read as one's name, so that the
    first of them may stand for it: each capitalised, none a body or a place's word ("Obama
    willing", "Obama White House", "Alexandria Police" are the tagger's slips), no generational
    suffix at the end."""
    rest = [fold(w).rstrip(".") for w in words[1:]]
    return (all(w[:1].isupper() for w in words) and rest[-1] not in GENERATIONAL_SUFFIXES
            and not any(w in NOT_PERSON_NAME_WORDS or w in INSTITUTION_NOUNS for w in rest))


def _may_be_a_person(doc: Doc, m: _Mention) -> bool:
    """Whether a name the tagger did not call a person may still be one: two to four capitalised
    words, none in capitals throughout or a function word ("WATCHED Obama", "Never Trump"), none
    of a place, building or body, and neither a known organisation nor a known place."""
    text = m.text(doc)
    tokens = doc[m.start:m.end]
    return (2 <= len(tokens) <= 4
            and all(t.is_alpha and t.text[:1].isupper() and not (t.is_upper and len(t) > 1) and not t.is_stop
                    for t in tokens)
            and not any(fold(t.text) in NOT_PERSON_NAME_WORDS for t in tokens)
            and not organisation_code(text) and not place_country(text))


def _opens_with_a_given_name(doc: Doc, m: _Mention) -> bool:
    """Whether a name the tagger did not call a person opens with a common given name and may
    be one (_may_be_a_person): "Robert Mueller" called a place, "Sean Hannity" a body. A given
    name that is also a country's or a state's ("Jordan", "Georgia") is no evidence."""
    first = doc[m.start].text
    return (m.label in GIVEN_NAME_LABELS and fold(first) in GIVEN_NAMES
            and not country_of_state(first) and not is_us_state(first) and _may_be_a_person(doc, m))


def _surname_owner(candidates: list[tuple[int, str, int, bool]], m: _Mention) -> str:
    """Whose a bare surname is, among the article's full names ending in it ((token, key,
    sentence start, tagged a person) each): a full name in the same sentence before it; else the
    one introduced first, whom news keeps calling by the surname alone and tells the others by
    their full names ("President Donald Trump ... first lady Melania Trump ... Trump said" is
    Donald); with none before it, the first after. A name tagged a person goes before one that
    was not ("Alex Jones" before "Dow Jones")."""
    people = [c for c in candidates if c[3]]
    candidates = people or candidates
    before = [c for c in candidates if c[0] < m.start]
    if not before:
        return candidates[0][1]
    if before[-1][2] == m.sent_start:
        return before[-1][1]
    return before[0][1]


def _join_mistyped_surnames(doc: Doc, clusters: dict[str, _Cluster], types: dict[str, str]) -> dict[str, str]:
    """A one-word name joins the one full name of the article that ends in it and was voted a
    person, and the types of what is left. The small model types a surname as anything ("Pelosi"
    an event, "Bannon" a building, "Schiff" a place), and types the full name itself an
    organisation as often as the surname ("Carly Fiorina ... Fiorina" all ORG), so the surname
    joins made before the vote (`_cluster`) miss them and only the vote knows who is a person. A
    known place keeps its own ("Washington" beside "George Washington"), and so does a surname
    two people of the article share ("Kanye West", "Kim Kardashian West")."""
    owners: dict[str, list[str]] = defaultdict(list)
    for key, cluster in clusters.items():
        words = entity_name(key, [m.text(doc) for m in cluster.mentions]).split()
        if types[key] == "PERSON" and len(words) >= 2 and _reads_as_a_name(words) and (
                fold(words[0]) not in NOT_PERSON_NAME_WORDS):
            owners[name_key(words[-1])].append(key)
    juniors = _juniors(set(clusters))
    for key in [k for k in clusters if " " not in k and len(owners.get(k, ())) == 1]:
        cluster = clusters[key]
        into = clusters[owners[key][0]]
        if any(m.acronym for m in cluster.mentions) or (
                types[key] in ("GPE", "LOC") and place_country(cluster.mentions[0].text(doc))):
            continue
        if all(_in_capitals(m.text(doc)) for m in cluster.mentions) and not any(
                _in_capitals(m.text(doc).split()[-1]) for m in into.mentions):
            continue  # "UN" is no "Kim Jong Un" the article writes in small letters
        if _another_titled(doc, cluster, into, juniors[key]):
            continue
        for m in clusters.pop(key).mentions:
            m.key, m.surname_only = into.key, True
            into.mentions.append(m)
        into.mentions.sort(key=lambda m: m.start)
        del types[key]
    return types


def _juniors(keys: set[str]) -> defaultdict[str, set[str]]:
    """Names with a generational suffix by the surname before it ("donald trump jr" under
    "trump")."""
    out: defaultdict[str, set[str]] = defaultdict(set)
    for key in keys:
        if len(words := key.split()) >= 3 and words[-1].rstrip(".") in GENERATIONAL_SUFFIXES:
            out[words[-2]].add(key)
    return out


def _another_titled(doc: Doc, bare: _Cluster, full: _Cluster, juniors: set[str]) -> bool:
    """Whether a surname alone first stands after a title before the full name is written, and no
    full name has that title: "President Trump" is not "first lady Melania Trump"."""
    first = min(bare.mentions, key=lambda m: m.start)
    title = _title_of(doc, first.start)
    return bool(title) and first.start < min(m.start for m in full.mentions) and not _title_fits(
        doc, [(full.key, m.start) for m in full.mentions if m.end - m.start >= 2], title, juniors)


# Words that make a title one held before: "then-candidate", "former senator", "ex-president".
PAST_ROLE_MARKERS = frozenset({"then", "former", "ex", "onetime", "one-time", "erstwhile"})
# Words that tell a relative of someone named before: "his daughter Ivanka Trump", "Melania
# Trump, the president's wife".
KIN_NOUNS = _words("""
wife husband spouse widow widower son daughter child children brother sister father mother
nephew niece cousin uncle aunt grandson granddaughter grandfather grandmother stepson stepdaughter
lady
""")


def _title_fits(doc: Doc, names: list[tuple[str, int]], title: str | None,
                juniors: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """Of full names (key, token of a mention), those that may be the one a title first named by
    the surname alone: one with that title ("President Trump ... President Donald Trump"), or one
    always written bare when it is the only one ("President Obama ... Barack Obama"; `juniors`,
    "Donald Trump Jr.", count too); not one ever given a title of its own or told as a relative
    ("first lady Melania Trump", "his daughter, Ivanka Trump", "Ivanka Trump, his daughter"), nor
    a slip of the tagger ("Discussions Obama will have")."""
    fits: dict[str, str] = {}
    for key, start in names:
        fit = _title_fit(doc, start, title)
        if fits.get(key) != "same" and (fit == "same" or fits.get(key) != "other"):
            fits[key] = fit
    plain = {key for key, fit in fits.items() if fit == "plain"}
    if len(plain | juniors) > 1:
        plain = set()  # "Ivanka Trump, Eric Trump and Donald Trump Jr.": a family, no one of them
    return plain | {key for key, fit in fits.items() if fit == "same"}


def _title_fit(doc: Doc, start: int, title: str | None) -> str:
    """How the full name at token `start` stands to a title: 'same', 'plain' or 'other'."""
    own = _title_of(doc, start)
    if own is not None:
        return "same" if own == title else "other"
    if doc[start].tag_ != "NNP":
        return "other"  # "Discussions Obama will have with Israeli leaders": a sentence's first word
    # back over the phrase before the name: "the president's daughter, Ivanka Trump", "Vice
    # Minister of Defense Khalid bin Salman"
    for tok in reversed(doc[max(0, start - 6):start]):
        if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in KIN_NOUNS:
            return "other"
        if tok.pos_ in ("NOUN", "PROPN") and _is_role_head(tok):
            # a title held before ("then-candidate Donald Trump", "former senator ...") says
            # nothing against the one the surname has now
            return "plain" if any(t.lower_ in PAST_ROLE_MARKERS for t in doc[max(0, tok.i - 4):tok.i]) else "other"
        if tok.text == "." or not (tok.pos_ in ("DET", "ADJ", "PUNCT", "PART", "PROPN") or tok.lower_ == "of"):
            break
        if tok.is_sent_start:
            break
    end = start + 1
    while end < len(doc) and (doc[end].ent_iob_ == "I" or doc[end].pos_ == "PROPN"):
        end += 1
    after = doc[end:end + 6]
    kin_after = len(after) and after[0].text == "," and any(t.lower_ in KIN_NOUNS for t in after[1:])
    return "other" if kin_after else "plain"


def _in_capitals(word: str) -> bool:
    """Whether a word is written in capitals throughout, as acronyms are ("UN", "KCNA")."""
    return word.isupper() and len(word) > 1


def _join_short_forms(doc: Doc, clusters: dict[str, _Cluster]) -> dict[str, _Cluster]:
    """A two-word person name joins the one fuller name of the article it shortens: "President
    Donald J. Trump ... Donald Trump", "Maurice Cheeks ... Mo Cheeks" are one person in one
    article. With two fuller candidates ("George W. Bush" and "George H. W. Bush") it stays apart.
    The short form joins whatever the tagger called it ("Mo Cheeks" a place), as across articles;
    a name with a word run in before it joins the name ("Podcast Cokie Roberts")."""
    people = [k for k, c in clusters.items() if any(m.label == "PERSON" for m in c.mentions)]
    for key in [k for k in clusters if len(k.split()) == 3]:
        # a word run into a name ("Podcast Cokie Roberts", "Trump Rudy Giuliani"): the name is
        # the two words after it, where the article also writes them alone
        first, rest = key.split(" ", 1)
        if _given_like(first) or rest.split()[0] in SURNAME_PARTICLES:
            continue  # "jean-marie le pen" is his own name, not "le pen" with a word run in
        if rest in people and key in clusters and rest in clusters:
            for m in clusters[key].mentions:
                if m.end - m.start >= 3 and fold(doc[m.start].text) == first:
                    m.start += 1  # the word run in is no part of the name ("Nervous Nancy Pelosi")
            _move_mentions(clusters, key, clusters[rest])
    for key in [k for k in clusters if " " in k]:
        fuller = [k for k in people if k in clusters and shortens(key, k)]
        if len(fuller) == 1 and key in clusters:
            if all(w in SURNAME_PARTICLES for w in key.split()[:-1]):
                # "Le Pen" of "Marine Le Pen" is a surname alone: the tagger's "a facility" for it
                # is no vote against the person, as for one-word surnames
                for m in clusters[key].mentions:
                    m.surname_only = True
            _move_mentions(clusters, key, clusters[fuller[0]])
    return clusters


def _given_like(word: str) -> bool:
    """A given name, or two joined by a hyphen ("jean-marie", "hans-peter")."""
    return word in GIVEN_NAMES or all(part in GIVEN_NAMES for part in word.split("-"))


def _move_mentions(clusters: dict[str, _Cluster], key: str, into: _Cluster) -> None:
    """The mentions of cluster `key` become `into`'s, in text order; the cluster goes."""
    for m in clusters.pop(key).mentions:
        m.key = into.key
        into.mentions.append(m)
    into.mentions.sort(key=lambda m: m.start)


def _join_acronyms(doc: Doc, clusters: dict[str, _Cluster]) -> dict[str, _Cluster]:
    """An acronym joins the one name of the article it spells: "the National Rifle Association
    ... the NRA" are one organisation. Two names that spell it (the Democratic National Committee
    and Convention) leave it apart; no person's name is spelled. Two letters spell too much by
    chance ("SC", South Carolina, is no Supreme Court): they join a name only where the gazetteer
    knows both as one organisation ("EU", the European Union). An acronym the article defines in
    brackets right after an organisation's name joins it even when the letters differ: "Kosovo
    Force (KFOR)"."""
    spelled: dict[str, list[str]] = defaultdict(list)
    for key, cluster in clusters.items():
        if (letters := initials(key)) and not any(m.label == "PERSON" for m in cluster.mentions):
            spelled[letters].append(key)
    defined = _bracketed_acronyms(doc, clusters)
    for key in list(clusters):
        names = spelled.get(key, [])
        code = organisation_code(key)
        if len(names) == 1 and (len(key) > 2 or (code is not None and code == organisation_code(names[0]))):
            into_key = names[0]
        elif key in defined:
            into_key = defined[key]
        else:
            continue
        mentions = clusters[key].mentions
        if " " in key or into_key == key or not all(is_acronym(m.text(doc)) and m.label != "PERSON" for m in mentions):
            continue
        into = clusters[into_key]
        # The tagger labels capitals erratically ("NRA" as a place); the name spelled out is
        # labelled more reliably, and the acronym takes its label.
        labels = Counter(m.label for m in into.mentions)
        for m in clusters.pop(key).mentions:
            m.key, m.label, m.acronym = into.key, max(labels, key=lambda t: (labels[t], t)), True
            into.mentions.append(m)
        into.mentions.sort(key=lambda m: m.start)
    return clusters


def _bracketed_acronyms(doc: Doc, clusters: dict[str, _Cluster]) -> dict[str, str]:
    """Acronyms (one word, no country's: "the Green Party (US)" names no party "US") defined in
    brackets right after an organisation's name of several words, each with that name's cluster
    key: "the Kosovo Force (KFOR)", "Islamic State (Isis)"; not "the Evening Standard (London)"
    (gazetteer.opens_like). One defined twice otherwise is left out."""
    ends = {m.end: key for key, c in clusters.items() if " " in key
            for m in c.mentions if m.label == "ORG"}
    found: dict[str, set[str]] = defaultdict(set)
    for key, cluster in clusters.items():
        if " " in key:
            continue
        for m in cluster.mentions:
            if (m.start >= 2 and m.end < len(doc) and doc[m.start - 1].text == "(" and doc[m.end].text == ")"
                    and m.start - 1 in ends and is_acronym(m.text(doc)) and country_key(m.text(doc)) is None
                    and opens_like(key, ends[m.start - 1])):
                found[key].add(ends[m.start - 1])
    return {key: next(iter(names)) for key, names in found.items() if len(names) == 1}


def _vote(votes: dict[str, float]) -> str:
    return max(votes, key=lambda t: (votes[t], -TYPE_PRIORITY.get(t, 99)))


def _media_appositions(doc: Doc) -> set[int]:
    """Token indices of names described as news outlets by an apposition or 'the X daily'."""
    found: set[int] = set()
    for tok in doc:
        if tok.lower_ not in MEDIA_NOUNS and tok.lemma_.lower() not in MEDIA_NOUNS:
            continue
        if tok.dep_ == "appos":
            found.update(t.i for t in tok.head.subtree if t.i < tok.i and t.ent_type_)
        for child in tok.children:
            if child.dep_ == "appos":
                found.update(t.i for t in child.subtree if t.ent_type_)
            if child.dep_ == "compound" and child.ent_type_:  # "the Koha Ditore daily"
                found.update(t.i for t in child.subtree)
    return found


def _reads_as_a_body(doc: Doc, m: _Mention) -> bool:
    """Whether a name is written as no person's is: a people ("Democrats", NORP), an acronym in
    capitals ("CNN", "FBI"), an outlet or platform, a name ending in a word of places and bodies
    ("Duke University", "Prince William County"). A "he" the sentence binds to one of these
    ("CNN said he would run") is someone it reports on, no sign it is a person."""
    text = m.text(doc)
    folded = fold(text)
    words = folded.split()
    # (Two words opening with a given name are a person's name ending in a surname of that
    # list: "Fiona Hill", "Mike Bank"; "Supreme Court" and "Duke University" are bodies.)
    body_head = len(words) > 1 and words[-1] in BODY_NAME_HEADS and not (
        len(words) == 2 and (words[0] in GIVEN_NAMES or NICKNAMES.get(words[0]) in GIVEN_NAMES))
    return (m.label == "NORP" or (len(text) > 1 and is_acronym(text) and text.isupper())
            or names_an_outlet(text) or folded in PLATFORMS or body_head)


def _in_dateline(doc: Doc, m: _Mention) -> bool:
    """Whether a mention opens a line as the place of a dateline ("BELGRADE, July 7 (Reuters) -")."""
    if not _line_opening(doc, m.start):
        return False
    # a few tokens after it, not doc.text: that string is built afresh on every call
    after = doc[m.end - 1].whitespace_ + doc[m.end : m.end + DATELINE_TOKENS].text
    return _DATELINE_AFTER.match(after) is not None


def _coordinated_label(doc: Doc, m: _Mention) -> str | None:
    """The entity label of a name coordinated with this one ("Veldora and Karst"), if any."""
    root = doc[m.start:m.end].root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    for p in partners:
        if p.ent_type_:
            return p.ent_type_
    return None


def _role_possessors(doc: Doc) -> set[int]:
    """Token indices of names that own a title ("Veldora's" in "Veldora's chief negotiator")."""
    found: set[int] = set()
    for tok in doc:
        if (tok.tag_ == "POS" or tok.lower_ in ("'s", "’s")) and tok.i + 1 < len(doc) and tok.i > 0:
            nxt = doc[tok.i + 1: min(len(doc), tok.i + 5)]
            if any(_is_role_head(t) or t.lower_ in INSTITUTION_NOUNS for t in nxt):
                found.add(tok.i - 1)
    return found


# --------------------------------------------------------------------------- roles


def _roles_for(doc: Doc, m: _Mention) -> list[tuple[str, str | None, int, int]]:
    """Roles the text gives a mention: (role text, affiliation code, start char, end char)."""
    if m.label not in ("PERSON", "ORG") and not m.honorific:
        return []
    name_tokens = set(range(m.start, m.end))
    # "as ROLE" on the verb the person is subject (or object, for "replaced X as") of.
    heads = _as_roles(_span_root(doc, m))
    roles: list[tuple[str, str | None, int, int]] = []
    title, title_start = _title_before(doc, m)
    if title:
        roles.append(title)
    for h in heads:
        roles.extend(_role_phrases(doc, h, name_tokens))
    # Appositions either side of the name. The small model attaches them to the nearest noun
    # ("Dialogue, Peter Sørensen"), so they are read from the surface between commas.
    for idx in (_apposition_before(doc, m, title_start), _apposition_after(doc, m)):
        roles.extend(_coordinated_roles(doc, idx))
    seen: set[str] = set()
    unique = []
    for r in roles:
        if fold(r[0]) not in seen:
            seen.add(fold(r[0]))
            unique.append(r)
    return unique


# Where a phrase before an apposition starts: a verb, or a preposition other than those inside
# titles ("envoy for the dialogue", "Commander of the mission").
TITLE_INNER_PREPS = frozenset({"of", "for", "to", "ad", "on"})
APPOSITION_STOPS = frozenset({",", ";", ":", ".", "(", ")", '"', "“", "”"})


def _apposition_before(doc: Doc, m: _Mention, name_start: int) -> list[int]:
    """Tokens of "ROLE PHRASE, NAME": back from the comma to the start of the noun phrase."""
    if name_start < 2 or doc[name_start - 1].text != ",":
        return []
    sent_start = m.sent_start
    i = name_start - 2
    idx: list[int] = []
    stopped_at_preposition = False
    while i >= sent_start and not _stops(doc[i]) and len(idx) <= MAX_ROLE_TOKENS * 2:
        tok = doc[i]
        if tok.pos_ == "ADP" and tok.lower_ not in TITLE_INNER_PREPS:
            stopped_at_preposition = True
            break
        if _opens_role_phrase(doc, i, sent_start, idx):
            break  # "For the Syrian president, ...", "Trump and the Turkish president, ..."
        # "newly appointed EU envoy" is a title; "said the envoy" is not.
        if (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound") and not _is_role_head(tok)
                and tok.tag_ != "VBN"):
            stopped_at_preposition = True
            break
        idx.append(i)
        i -= 1
    idx.reverse()
    # "After talks with the minister, X said": the phrase is an adverbial, unless the name
    # itself closes an apposition ("met with Kosovo's negotiator, Besnik Bislimi, on Monday").
    if stopped_at_preposition and not (m.end < len(doc) and doc[m.end].text in (",", ".")
                                       and _span_root(doc, m).dep_ in ("appos", "pobj", "dobj", "conj")):
        return []
    return idx if _looks_like_title(doc, idx) else []


def _opens_role_phrase(doc: Doc, i: int, sent_start: int, after: list[int]) -> bool:
    """Whether token i, met walking back from a title (`after`: the tokens met so far), lies before
    the title's noun phrase: a subordinating word, or a conjunction or a preposition that follows
    no title word ("For the Syrian president", "Trump and the Turkish president", "the resignation
    of US defence secretary"), where "Deputy Prime Minister and chief negotiator" and "Commander
    of the mission" are one."""
    tok = doc[i]
    if tok.pos_ == "SCONJ" or tok.tag_ in ("WDT", "WP"):
        return True
    if (tok.pos_ == "CCONJ" or tok.lower_ in TITLE_INNER_PREPS or tok.lower_ == "-") and any(
            _is_role_head(doc[j]) for j in after):
        # ("High Representative for Foreign Affairs and Security Policy": no title word after it)
        before = doc[i - 1] if i > sent_start else None
        return before is None or not (_is_role_head(before) or before.lower_ in ROLE_MODIFIERS)
    return False


# Relative pronouns by their tag: "who", "whose", "which", "that" (not the acronym "WHO").
RELATIVE_TAGS = frozenset({"WP", "WP$", "WDT"})


def _apposition_after(doc: Doc, m: _Mention) -> list[int]:
    """Tokens of "NAME, ROLE PHRASE," up to the next comma or the sentence end."""
    if m.end >= len(doc) or doc[m.end].text != ",":
        return []
    sent_end = m.sent_end
    i = m.end + 1
    if i < sent_end and doc[i].pos_ == "CCONJ":
        return []  # "Mattis, and the envoy to the coalition, Brett McGurk": the next name's title
    idx: list[int] = []
    while i < sent_end and not _stops(doc[i]) and len(idx) <= MAX_ROLE_TOKENS * 2:
        tok = doc[i]
        # "Chargé d'Affaires of the Embassy of Japan in Kosovo": where they serve is not the title.
        if tok.pos_ == "ADP" and tok.lower_ not in TITLE_INNER_PREPS and any(
                _is_role_head(doc[j]) for j in idx):
            break
        # "a former congressman who chaired the subcommittee": the relative clause says what
        # the holder did; the title ends before it.
        if tok.tag_ in RELATIVE_TAGS and any(_is_role_head(doc[j]) for j in idx):
            break
        idx.append(i)
        i += 1
    return idx if _looks_like_title(doc, idx) else []


def _stops(tok: Token) -> bool:
    """Punctuation that ends an apposition; a dash inside a compound ('Kosovo–Serbia') does not."""
    if tok.text in ("—", "–", "-"):
        return bool(tok.whitespace_) or (tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))
    return tok.text in APPOSITION_STOPS


def _looks_like_title(doc: Doc, idx: list[int]) -> bool:
    """A noun phrase headed early by a role noun, with no finite verb: a title, not a clause."""
    first_role = next((k for k, j in enumerate(idx) if _is_role_head(doc[j])), None)
    if first_role is None:
        return False
    if doc[idx[0]].pos_ in ("ADP", "SCONJ") and doc[idx[0]].lower_ not in TITLE_INNER_PREPS:
        return False  # "Chuck Hagel, despite advisers who questioned the move": no title
    # "the Concord Monitoring Mission, Major General Aldo Ferrant": a phrase that names a person
    # is that person, not a title of the name before it.
    if any(doc[j].ent_type_ == "PERSON" for j in idx):
        return False
    # The same when the tagger missed the name: title words followed only by capitalised words
    # ("Major General Ivo Rask") end in a name, where a title ends in its head or an of-phrase.
    last_title = max(k for k, j in enumerate(idx) if _is_role_head(doc[j]) or doc[j].lower_ in ROLE_MODIFIERS)
    tail = [doc[j] for j in idx[last_title + 1:]]
    inside_phrase = any(doc[j].pos_ == "ADP" for j in idx[first_role:last_title + 1])  # "for Foreign Affairs"
    if tail and not inside_phrase and all(t.is_title and t.pos_ == "PROPN" for t in tail):
        return False
    for k, j in enumerate(idx):
        tok = doc[j]
        if (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound") and tok.tag_ != "VBN"
                and not _is_role_head(tok) and "'" not in tok.text and "’" not in tok.text):
            return False
        if k < first_role and tok.pos_ == "ADP" and tok.lower_ not in TITLE_INNER_PREPS:
            return False
    return True


def _coordinated_roles(doc: Doc, idx: list[int]) -> list[tuple[str, str | None, int, int]]:
    """'Kosovo's Deputy Prime Minister and chief negotiator' gives two roles, both for Kosovo."""
    if not idx:
        return []
    parts: list[list[int]] = [[]]
    for j in idx:
        if doc[j].lower_ in ("and", "&") and any(_is_role_head(doc[k]) for k in parts[-1]):
            parts.append([])
        else:
            parts[-1].append(j)
    if len(parts) > 1 and not all(any(_is_role_head(doc[k]) for k in p) for p in parts):
        parts = [idx]  # "Minister of Trade and Industry": one role
    roles: list[tuple[str, str | None, int, int]] = []
    inherited: str | None = None
    for p in parts:
        role = _role_from_tokens(doc, p)
        if role:
            inherited = inherited or role[1]
            roles.append((role[0], role[1] or inherited, role[2], role[3]))
    return roles


def _span_root(doc: Doc, m: _Mention) -> Token:
    span = doc[m.start:m.end]
    return span.root


def _as_roles(head: Token) -> list[Token]:
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if head.dep_ == "dobj" and verb.lemma_.lower() not in AS_ROLE_OBJECT_VERBS:
        return []
    found: list[Token] = []
    for prep in verb.children:
        if prep.lower_ == "as" and prep.dep_ == "prep":
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    if head.dep_ == "dobj":
        return found
    # "X replaced Y as envoy": both held the post; "X served as envoy": the subject does.
    return found


def _is_role_head(tok: Token) -> bool:
    # A verb form is no title, though its lemma may be one: "..., hosted by the envoy" ("host"),
    # "..., who heads the commission" ("head").
    if tok.tag_ in ("VB", "VBD", "VBN", "VBG", "VBP", "VBZ") and tok.lower_ not in ROLE_NOUNS:
        return False
    return tok.lower_ in ROLE_NOUNS or tok.lemma_.lower() in ROLE_NOUNS


def _role_phrases(doc: Doc, head: Token, exclude: set[int]) -> list[tuple[str, str | None, int, int]]:
    """Role text and affiliation from a role noun's phrase, one per coordinated role."""
    out: list[tuple[str, str | None, int, int]] = []
    conjuncts = [c for c in head.children if c.dep_ == "conj"]
    skip = set(exclude)
    for c in conjuncts:
        skip.update(t.i for t in c.subtree)
        skip.update(t.i for t in head.children if t.dep_ == "cc")
    phrase = _phrase(doc, head, skip)
    if phrase:
        out.append(phrase)
    inherited = phrase[1] if phrase else None
    for c in conjuncts:
        sub = _phrase(doc, c, exclude)
        if sub:
            out.append((sub[0], sub[1] or inherited, sub[2], sub[3]))
    return out


def _phrase(doc: Doc, head: Token, skip: set[int]) -> tuple[str, str | None, int, int] | None:
    if not _is_role_head(head):
        return None
    toks = [t for t in head.subtree if t.i not in skip]
    # Keep the contiguous run around the head: anything past a comma or the name is another clause.
    left = right = head.i
    idx = {t.i for t in toks}
    while left - 1 in idx and doc[left - 1].text not in (",", ";", "(", ")"):
        left -= 1
    while right + 1 in idx and doc[right + 1].text not in (",", ";", "(", ")"):
        right += 1
    return _role_from_tokens(doc, list(range(left, right + 1)))


def _title_before(doc: Doc, m: _Mention) -> tuple[tuple[str, str | None, int, int] | None, int]:
    """A title right before the name: "Serbia's lead negotiator Petar Petković", "Major General X"."""
    i = m.start - 1
    sent_start = m.sent_start
    collected: list[int] = []
    while i >= sent_start:
        tok = doc[i]
        word = tok.lower_
        if tok.tag_ == "POS" or word in ("'s", "’s"):
            collected.append(i)  # the possessor before it is handled by _role_from_tokens
            i -= 1
            continue
        if (word in ROLE_NOUNS or word in ROLE_MODIFIERS or word in ROLE_NOISE
                or tok.ent_type_ in ("NORP", "GPE", "ORG")
                or (word in ("of", "-") and collected and not _opens_role_phrase(doc, i, sent_start, collected))):
            collected.append(i)
            i -= 1
            continue
        break
    collected.reverse()
    if not any(_is_role_head(doc[j]) for j in collected):
        return None, m.start
    first = collected[0]
    if first > 0 and doc[first - 1].lower_ in ("a", "an"):
        return None, first  # "a President Hillary Clinton would have …": an office imagined, not held
    # A title ends with its head noun; words after it would be part of the name.
    while collected and not _is_role_head(doc[collected[-1]]):
        collected.pop()
    return _role_from_tokens(doc, collected), first


def _role_from_tokens(doc: Doc, idx: list[int]) -> tuple[str, str | None, int, int] | None:
    """Split a title's tokens into the role text and the affiliation the possessor or adjectives give."""
    if not idx or len(idx) > MAX_ROLE_TOKENS * 2:
        return None
    affiliation: str | None = None
    keep: list[int] = []
    # The possessor: everything up to the last "'s" belongs to who, not what.
    pos_marks = [k for k, j in enumerate(idx) if doc[j].tag_ == "POS" or doc[j].lower_ in ("'s", "’s")]
    # Only a possessive before the role head names its owner; after it, it sits inside a phrase
    # of the title ("Commander of NATO's KFOR mission").
    first_role = next((k for k, j in enumerate(idx) if _is_role_head(doc[j])), len(idx))
    pos_marks = [k for k in pos_marks if k < first_role]
    if pos_marks:
        cut = pos_marks[-1]
        owner = " ".join(doc[j].text for j in idx[:cut] if doc[j].lower_ not in ("the", "a", "an"))
        affiliation = affiliation_code(owner) or _code_in(doc, idx[:cut])
        idx = idx[cut + 1:]
    for j in idx:
        tok = doc[j]
        if not keep and (tok.lower_ in ("the", "a", "an", "its", "his", "her", "their") or tok.is_punct
                         or tok.lower_ in ROLE_NOISE):
            continue
        if tok.lower_ in ROLE_NOISE:
            continue
        keep.append(j)
    # Leading country or organisation names qualify the title rather than name it ("EU High
    # Representative", "Serbian President"): they give the affiliation.
    while keep and not _is_role_head(doc[keep[0]]) and affiliation_code(doc[keep[0]].text):
        affiliation = affiliation or affiliation_code(doc[keep[0]].text)
        keep.pop(0)
    while keep and (doc[keep[-1]].is_punct or doc[keep[-1]].lower_ in ("of", "and", "for")):
        keep.pop()
    if not keep or len(keep) > MAX_ROLE_TOKENS or not any(_is_role_head(doc[j]) for j in keep):
        return None
    affiliation = affiliation or _code_in(doc, keep)
    span = doc[keep[0]:keep[-1] + 1]
    return span.text, affiliation, span.start_char, span.end_char


def _code_in(doc: Doc, idx: Sequence[int]) -> str | None:
    """The first country or organisation named among these tokens ('of the Embassy of Japan')."""
    seen: set[int] = set()
    for j in idx:
        tok = doc[j]
        if j in seen:
            continue
        if tok.ent_type_ in ("GPE", "ORG", "NORP"):
            # Look the whole entity up, not one token of it ("European Union").
            start, end = j, j + 1
            while start > 0 and doc[start - 1].ent_iob_ == "I" and doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            seen.update(range(start, end))
            words = [t.text for t in doc[start:end] if t.lower_ not in ("the", "'s", "’s")]
            # The whole name first ("European Union"), then any state inside it ("Embassy of Japan").
            code = affiliation_code(" ".join(words)) or next(
                (c for c in (affiliation_code(w) for w in words if w[:1].isupper()) if c), None)
            if code:
                return code
        else:
            code = organisation_code(tok.text) or (affiliation_code(tok.text) if tok.is_title else None)
            if code:
                return code
    return None


def _affiliation(etype: str, texts: list[str], roles: list[Role]) -> str | None:
    """What an entity acts for: its roles' commonest affiliation; a state is itself."""
    if etype in ("GPE", "NORP"):
        for t in texts:
            code = country_of_state(t) or affiliation_code(t)
            if code:
                return code
        return None
    if etype == "ORG":
        for t in texts:
            code = organisation_code(t)
            if code:
                return code
    counts = Counter(r.affiliation for r in roles if r.affiliation)
    if not counts:
        return None
    first = {a: k for k, a in reversed(list(enumerate(r.affiliation for r in roles)))}
    return max(counts, key=lambda a: (counts[a], -first.get(a, 0)))
