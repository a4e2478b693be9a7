"""Which words report an event, and of which PLOVER type: verbs, verb + object pairs ("imposed
sanctions"), phrasal verbs ("called for"), light verbs with an event noun ("held talks") and event
nouns a verb frames ("the talks took place", "a meeting was planned")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .event_lexicon import Entry, Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependency labels of a verb's object (passive subjects count: "sanctions were imposed").
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "dobj", "acomp"})
# Subjects that make "strike" a labour strike rather than an attack.
WORKER_NOUNS = frozenset(
    {
        "worker",
        "union",
        "teacher",
        "employee",
        "doctor",
        "nurse",
        "miner",
        "driver",
        "staff",
        "student",
        "pilot",
        "farmer",
        "trucker",
        "docker",
        "labourer",
        "laborer",
    }
)
# Objects that make "receive" a visit (a person or a delegation), aid, a promise or access.
RECEIVE_AID = frozenset(
    {
        "aid",
        "assistance",
        "weapon",
        "arm",
        "money",
        "fund",
        "loan",
        "food",
        "supply",
        "medicine",
        "equipment",
        "grant",
        "help",
        "support",
        "ammunition",
        "shipment",
    }
)
RECEIVE_PROMISE = frozenset({"assurance", "promise", "pledge", "guarantee", "commitment", "offer"})
RECEIVE_ACCESS = frozenset({"observer", "inspector", "mission", "monitor", "peacekeeper"})
# Meeting verbs that need a partner ("talked with") or several subjects ("both sides discussed")
# to be a consultation rather than a speech.
PARTNER_VERBS = frozenset({"talk", "discuss", "speak", "negotiate", "confer", "consult"})
# Verbs for fighting that need an opponent ("fought the rebels", "clashed with police"): "fight for
# the Serbian people" is not an attack.
OPPONENT_VERBS = frozenset({"fight", "clash", "battle", "storm", "capture", "recapture", "retake", "overrun"})
# Verbs of taking by force: people taken are detained (COERCE), places taken are attacked (ASSAULT).
CAPTURE_VERBS = frozenset({"capture", "recapture"})
# People one captures: "captured two soldiers", "a journalist captured in 2012", "captured alive".
CAPTIVE_NOUNS = frozenset({
    "soldier", "fighter", "prisoner", "civilian", "journalist", "reporter", "hostage", "man", "woman", "men",
    "women", "child", "boy", "girl", "militant", "rebel", "insurgent", "jihadist", "extremist", "terrorist",
    "gunman", "commander", "leader", "member", "officer", "troop", "volunteer", "citizen", "national",
    "foreigner", "suspect", "pilot", "sailor", "crew", "crewman", "family", "people", "person", "mercenary",
    "recruit", "conscript", "marine", "paratrooper", "sniper", "agent", "spy", "guard", "worker", "tourist",
    "colonel", "general", "captain", "sergeant", "lieutenant", "defender", "serviceman", "servicemen",
    "deserter", "defector", "son", "daughter", "brother", "sister", "wife", "husband", "father", "mother",
    "resident", "villager", "teenager", "youth", "student", "doctor", "nurse", "priest", "activist", "briton",
    "pair", "duo", "couple",
})
# Personal pronouns that stand for captives ("captured him"); "it" and "them" may be towns.
CAPTIVE_PRONOUNS = frozenset({"him", "her", "me", "us", "he", "she", "i", "we", "who", "whom"})
# What records a scene: "captured on video" is filmed, not taken.
RECORDING_NOUNS = frozenset({"film", "camera", "video", "tape", "cctv", "footage", "audio", "photo", "phone",
                             "picture", "record"})
# What a phrase or a campaign "captures" without taking anyone: "captured the public mood".
FIGURATIVE_CAPTURES = frozenset({
    "mood", "imagination", "attention", "essence", "spirit", "heart", "zeitgeist", "predicament", "atmosphere",
    "sense", "feeling", "market", "share", "interest", "moment", "nuance", "dilemma", "tension", "frustration",
    "anger", "reality", "experience", "magic", "image", "public", "mind", "vote", "nomination", "title",
})
OPPONENT_PREPS = frozenset({"against", "with", "between"})
PLURAL_PRONOUNS = frozenset({"we", "they", "both", "us", "them"})
# Verbs that, with "back" or "out", are a retort rather than a blow: "fired back at critics, saying",
# "fought back against critics of the plan".
RETORT_VERBS = frozenset({"fire", "hit", "strike", "shoot", "lash", "fight"})
# Words of fighting that modern news uses as often for quarrels, lawsuits and campaigns as for
# violence: "clashed with reporters over the budget", "a legal battle", "the fight for votes".
DISPUTE_WORDS = frozenset({"fight", "battle", "clash", "fighting", "skirmish"})
# Modifiers that make a battle one of words, votes, courts or markets: "a political battle".
FIGURATIVE_MODIFIERS = frozenset({
    "political", "legal", "court", "courtroom", "judicial", "legislative", "budget", "custody", "electoral",
    "election", "ideological", "culture", "cultural", "partisan", "procedural", "regulatory", "bureaucratic",
    "diplomatic", "verbal", "uphill", "constitutional", "copyright", "patent", "tax", "price", "bidding",
    "takeover", "boardroom", "messaging", "rhetorical", "policy", "public", "primary", "campaign", "legislation",
    "lawsuit", "funding", "spending", "debt", "trade", "tariff", "proxy", "media", "pr", "twitter", "nomination",
    "confirmation", "convention", "turf", "fiscal", "reelection", "re-election", "redistricting", "impeachment",
    "leadership", "succession", "shutdown", "ceiling", "appropriations", "ballot", "recount", "floor", "personal",
    "immigration", "abortion", "ratings", "credentials", "rules",
})
# Prepositions whose object is what a quarrel is about ("clashed over the budget", "clashed on
# health care"); "on" only when its object is no place ("clashed on the border").
DISPUTE_TOPIC_PREPS = frozenset({"over", "about", "on", "regarding"})
# Prepositions whose object is what one fights for or against: a cause when it is no party.
AIM_PREPS = frozenset({"for", "against"})
# Places a fight happens on, never what it is about: "clashed on the border".
PLACE_NOUNS = frozenset({
    "border", "frontier", "front", "frontline", "line", "street", "road", "highway", "bridge", "beach", "coast",
    "shore", "bank", "island", "hill", "mountain", "ridge", "field", "ground", "outskirt", "edge", "square",
    "campus", "sea", "river", "perimeter", "checkpoint", "crossing", "territory", "soil", "side", "estate",
})
# Where words are exchanged: "clashed during the debate", "clashed in an interview", "publicly".
VERBAL_SETTINGS = frozenset({
    "debate", "interview", "hearing", "exchange", "word", "remark", "comment", "tweet", "post", "podcast",
    "broadcast", "show", "panel", "briefing", "conference", "meeting", "session", "speech", "letter",
    "statement", "email", "television", "tv", "radio", "argument", "dispute", "disagreement", "row", "spat",
    "feud", "rhetoric", "verbally", "publicly", "online", "twitter", "airwaves",
})
# Prepositions that set a fight somewhere: "during the debate", "on television".
SETTING_PREPS = frozenset({"during", "in", "at", "on", "via", "through"})
# Parties who fight with words and votes: "the senator clashed with reporters", "prime ministers
# clash with presidents".
TALKING_PARTIES = frozenset({
    "reporter", "journalist", "critic", "moderator", "interviewer", "host", "anchor", "commentator", "pundit",
    "candidate", "lawmaker", "senator", "legislator", "congressman", "congresswoman", "colleague", "panelist",
    "judge", "lawyer", "attorney", "regulator", "shareholder", "investor", "board", "executive", "ceo",
    "democrat", "republican", "conservative", "liberal", "progressive", "voter", "campaign", "president",
    "minister", "premier", "governor", "mayor", "official", "leader", "chairman", "chairwoman", "speaker",
    "secretary", "spokesman", "spokeswoman", "ambassador", "diplomat", "prosecutor", "justice", "administration",
})
# Words of bodily harm or armed force anywhere in the sentence keep a fight physical: "protesters
# clashed with police, throwing stones", "the clashes left ten dead".
VIOLENCE_WORDS = frozenset({
    "police", "policeman", "policemen", "troop", "soldier", "army", "militia", "militiaman", "rebel",
    "insurgent", "militant", "guerrilla", "fighter", "jihadist", "gunman", "terrorist", "protester",
    "protestor", "demonstrator", "rioter", "mob", "gang", "hooligan", "commando", "sniper", "forces",
    "kill", "killed", "dead", "death", "die", "wound", "wounded", "injure", "injured", "injury", "casualty",
    "hurt", "bloody", "blood", "violent", "shoot", "shooting", "gunfire", "gun", "rifle",
    "weapon", "artillery", "missile", "rocket", "bomb", "grenade", "bullet", "stone", "rock", "brick",
    "bottle", "baton", "truncheon", "teargas", "knife", "machete", "stab", "airstrike", "mortar",
    "ammunition", "firefight", "hostage", "arrest", "riot", "armed", "warplane", "shelling",
})
# How far either side of a fight word signs of violence are looked for: a clause or two, so a
# run-on "sentence" of thousands of tokens is not rescanned for every fight word in it.
VIOLENCE_WINDOW = 40
# Plural nouns for people end in these ("invaders", "separatists"): parties, not causes.
AGENT_SUFFIXES = ("ers", "ors", "ists", "ants", "ents", "ians")
# What a retort is aimed at when it is words, not a target: "fired back at criticism of the plan".
SPEECH_TARGETS = frozenset({
    "criticism", "critic", "claim", "remark", "comment", "accusation", "allegation", "report", "statement",
    "charge", "suggestion", "question", "tweet", "speech", "attack"
})
# What one "attacks" with words: "attacked the plan", "attack its funding", "an attack on the
# press", "an agenda to attack the Second Amendment". ("position" is a stance only without a
# party's name on it: "Hamas positions" are dug in.)
ABSTRACT_TARGETS = frozenset({
    "plan", "policy", "law", "bill", "funding", "decision", "record", "proposal", "remark", "comment", "statement",
    "idea", "program", "programme", "reform", "budget", "ruling", "handling", "response", "stance", "position",
    "agenda", "deal", "tax", "amendment", "right", "freedom", "liberty", "constitution", "democracy", "press",
    "media", "legislation", "measure", "nominee", "nomination", "candidacy", "character", "integrity",
    "credibility", "patriotism", "motive", "judgment", "judgement", "leadership", "tenure", "presidency",
    "platform", "credential", "rhetoric", "science", "move", "strategy", "approach", "announcement", "claim",
    "verdict", "speech",
})
# What speaks for someone: an attack made by one of these is made in words ("a new ad attacking
# the governor", "the statement attacked the ruling").
SPEECH_CARRIERS = frozenset({
    "ad", "advert", "advertisement", "commercial", "spot", "video", "statement", "letter", "op-ed", "editorial",
    "column", "article", "tweet", "post", "speech", "mailer", "flyer", "leaflet", "memo", "email", "website",
    "podcast", "book", "report", "campaign", "message", "remark", "comment",
})
# What is "destroyed" without anyone being attacked: "the law is destroying jobs".
FIGURATIVE_DAMAGE = frozenset({
    "job", "economy", "career", "reputation", "credibility", "democracy", "chance", "hope", "trust",
    "confidence", "relationship", "brand", "industry", "market", "institution", "norm",
    "argument", "case", "narrative", "myth", "morale", "dream", "future", "legacy", "presidency", "party",
    "coalition", "consensus", "agenda", "prospect", "growth", "incentive", "value", "wealth", "middle",
})
# What one "seizes" that nobody held: "seized the opportunity", "seize the moment" (not "seized
# power", which PLOVER codes as a coup's COERCE).
SEIZED_CHANCES = FIGURATIVE_CAPTURES | frozenset({
    "opportunity", "chance", "initiative", "momentum", "advantage", "occasion", "spotlight", "limelight",
    "headline", "narrative", "mantle", "day", "lead",
})
# What military reinforcements strengthen: "reinforced the border", "reinforce their positions";
# "reinforce a fear", "reinforce one another" strengthen nothing armed.
REINFORCED_NOUNS = frozenset({
    "troop", "force", "forces", "soldier", "army", "unit", "garrison", "position", "defence", "defense",
    "border", "line", "front", "frontline", "base", "presence", "outpost", "perimeter", "checkpoint", "flank",
    "contingent", "battalion", "brigade", "division", "fleet", "navy", "post",
})
# What one "offers" that commits to nothing: information, a view, a comparison ("offered no
# evidence", "offers a sharp contrast", "offered few details"). A chance, a way out or an option
# may be a real offer to a party and are left out.
OFFERED_VIEWS = frozenset({
    "evidence", "proof", "detail", "explanation", "contrast", "example", "glimpse", "insight", "view", "comment",
    "thought", "opinion", "assessment", "analysis", "reason", "justification", "answer", "account",
    "description", "picture", "window", "platform", "perspective", "hint", "clue", "testimony", "rebuttal",
    "defense", "defence", "remark", "argument", "critique", "criticism", "prediction", "forecast", "estimate",
    "figure", "number", "data", "specific", "lesson", "take", "preview", "look", "model", "template",
})
# What one "offers" that backs someone: PLOVER SUPPORT ("offered a full-throated endorsement").
OFFERED_BACKING = frozenset({"endorsement", "backing", "praise", "congratulation", "blessing", "approval", "tribute"})
# Modifiers that make a rally a candidate's meeting with voters, not a protest ("a campaign rally",
# "an election rally").
CAMPAIGN_WORDS = frozenset({
    "campaign", "reelection", "re-election", "election", "primary", "caucus", "fundraising", "fund-raising",
    "stump", "victory", "inaugural", "midterm", "pep",
})
# Words of campaigning anywhere near a rally ("would not campaign for Moore but is to hold a rally").
CAMPAIGN_CUES = frozenset({
    "campaign", "candidate", "candidacy", "voter", "fundraiser", "stump", "reelection", "re-election", "nominee",
})
# Words that keep a rally a protest whatever else is near: "rallied against the ruling".
PROTEST_CUES = frozenset({
    "protest", "protester", "protestor", "demonstrator", "demonstration", "against", "oppose", "opposition",
    "demand", "denounce", "condemn", "outrage", "anger", "march", "strike", "boycott", "dissident",
})
# Prepositions that make "rally" a show of support: "rallied behind the president".
BACKING_PREPS = frozenset({"behind", "around", "round"})
# What one "rallies" when one gathers it for a cause: "rally support for the bill".
RALLIED_BACKING = frozenset({"support", "backing", "opposition", "vote", "votes", "voter", "donor", "momentum"})
# Event nouns whose reading (noun_entry) a verb + object pair must not override: an attack in
# words, a candidate's rally.
READ_NOUNS = frozenset({"attack", "rally"})
# Weapons an "assault" noun or verb names, not an attack: "assault weapons", "assault rifles".
ASSAULT_GEAR = frozenset({"weapon", "rifle", "gun", "vehicle", "boat", "craft", "helicopter", "team", "ship"})
# The press as the one spoken to: "speaking to reporters" says something, meets no party.
# ("medium" is what the tagger makes of "media".)
# A conference for reporters is no meeting of parties: "held a press conference", "said at a
# press conference".
PRESS_WORDS = frozenset({"press", "news", "media", "earnings", "academic", "scientific"})
PRESS_NOUNS = frozenset({"reporter", "journalist", "press", "media", "medium", "correspondent", "newsman", "newsmen"})
# Sources a journalist grants: asking for anonymity is how a source talks, not a request of anyone.
ANONYMITY_NOUNS = frozenset({"anonymity", "anonymous"})
# Natural forces are no party to an event: "the hurricane slammed the island", "the virus hit Italy".
NATURAL_FORCES = frozenset({
    "storm", "hurricane", "typhoon", "cyclone", "tornado", "earthquake", "quake", "tremor", "flood", "flooding",
    "tsunami", "wildfire", "drought", "blizzard", "landslide", "avalanche", "heatwave", "eruption", "virus",
    "pandemic", "epidemic", "outbreak", "disease", "rain", "wind", "snow"
})
# Objects that make "commit" a deed rather than a pledge: "committed suicide", "committing a crime".
DEED_NOUNS = frozenset({
    "suicide", "crime", "murder", "atrocity", "fraud", "offence", "offense", "genocide", "violation", "abuse",
    "error", "mistake", "sin", "felony", "perjury", "treason", "act", "foul", "blunder"
})
# Words of a contest: "beat" among them is a win, not a beating ("beat the Rams 24-17", "beat
# him in the primary").
CONTEST_WORDS = frozenset({
    "election", "race", "primary", "caucus", "vote", "poll", "runoff", "game", "match", "final", "season",
    "championship", "tournament", "cup", "playoff", "point", "goal", "title", "contest", "nomination", "odds",
    "expectation", "estimate", "forecast", "deadline", "rap",
})
# What a court or a legislature strikes down: a rule, not a person ("struck down the ban").
RULE_NOUNS = frozenset({
    "law", "rule", "ban", "policy", "measure", "statute", "regulation", "order", "provision", "mandate",
    "requirement", "restriction", "limit", "ordinance", "act", "amendment", "program", "programme", "decision",
    "ruling", "map", "conviction", "sentence", "tariff", "plan",
})
# What a figurative "kill", "shoot down" or "torpedo" ends: a rule or a proposal, not a person
# ("Republicans killed the bill", "shot down the proposal": PLOVER REJECT).
REJECTED_NOUNS = RULE_NOUNS | frozenset({
    "bill", "proposal", "deal", "agreement", "nomination", "idea", "legislation", "motion", "resolution",
    "reform", "effort", "initiative", "plan", "request", "offer", "bid", "appeal", "project", "pipeline",
    "merger", "compromise", "talk", "negotiation", "amendment", "package",
})
# What one charges as a price, not as a crime: "charge customers higher rates".
PRICE_NOUNS = frozenset({
    "rate", "fee", "price", "premium", "interest", "tariff", "toll", "rent", "tax", "dollar", "cent", "penny",
    "pound", "euro", "money", "amount", "sum", "cost", "commission", "markup",
})
# What is burnt as fuel or energy, not set on fire as an attack: "burning coal", "burn calories".
FUEL_NOUNS = frozenset({"coal", "oil", "gas", "fuel", "wood", "diesel", "petrol", "gasoline", "calorie", "energy",
                        "cash", "money", "bridge", "candle", "midnight"})
# Event types an adjective of readiness does not commit to: "prepared to shoot" is no agreement.
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "PROTEST", "ACCUSE"})
# What a government "releases" without retreating from anything.
DOCUMENT_NOUNS = frozenset(
    [
        "statement",
        "report",
        "video",
        "album",
        "data",
        "datum",
        "figure",
        "statistic",
        "number",
        "estimate",
        "document",
        "footage",
        "list",
        "study",
        "findings",
        "finding",
        "result",
        "details",
        "detail",
        "information",
        "image",
        "photo",
        "photograph",
        "picture",
        "sketch",
        "recording",
        "transcript",
        "plan",
        "budget",
        "book",
        "film",
        "song",
        "version",
        # what a government, a campaign or a court makes public: "released his tax returns", "the
        # deal was released late Wednesday", "released new guidelines"
        "summary",
        "return",
        "email",
        "memo",
        "letter",
        "guideline",
        "guidance",
        "text",
        "draft",
        "deal",
        "agreement",
        "proposal",
        "bill",
        "framework",
        "poll",
        "survey",
        "ad",
        "advert",
        "advertisement",
        "analysis",
        "estimate",
        "forecast",
        "record",
        "tape",
        "audio",
        "evidence",
        "note",
        "message",
        "memoir",
        "platform",
        "manifesto",
        "regulation",
        "rule",
        "name",
        "schedule",
        "agenda",
        "file",
    ]
)
# Verbs that give aid when what they give is aid ("handed over medicine", "will provide food").
GIVING_VERBS = frozenset(
    {
        "give",
        "provide",
        "send",
        "deliver",
        "hand",
        "donate",
        "supply",
        "ship",
        "airlift",
        "contribute",
        "offer",
        "pledge",
        "grant",
        "dispatch",
        "distribute",
        "allocate",
    }
)
AID_NOUNS = frozenset(
    {
        "aid",
        "assistance",
        "medicine",
        "food",
        "supply",
        "relief",
        "money",
        "dollar",
        "euro",
        "fund",
        "loan",
        "grant",
        "vaccine",
        "tent",
        "blanket",
        "water",
        "fuel",
        "grain",
        "flour",
        "rice",
        "wheat",
        "medical",
        "humanitarian",
        "equipment",
        "arm",
        "weapon",
        "ammunition",
        "credit",
        "donation",
        "material",
        "shelter",
        "drug",
    }
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word (or pair of words) that names an event, before status, roles and date are read."""

    type: str
    mode: str | None
    kind: str  # verb | light | noun | adj
    pred: int  # token carrying tense, negation and subject
    noun: int | None  # the event noun, for light verbs and nominal triggers
    first: int  # evidence token range, end exclusive
    end: int
    intent: str | None = None  # commit | request | reject | threaten: the complement is the topic

    @property
    def tokens(self) -> tuple[int, ...]:
        """The tokens that make up the trigger (predicate, event noun)."""
        return (self.pred,) if self.noun is None or self.noun == self.pred else (self.pred, self.noun)


def _lemma(t: Token) -> str:
    """The lemma, repaired where the small model's lemmatizer misses ('staged' -> 'stag')."""
    lemma = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX"):
        return lemma
    known = known_verbs()
    if lemma in known:
        return lemma
    text = t.lower_
    for cand in _verb_candidates(text):
        if cand in known:
            return cand
    return lemma


def _verb_candidates(text: str) -> list[str]:
    """Base forms an inflected verb may come from: staged -> stage, rallied -> rally."""
    out: list[str] = []
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", "e"),
        ("ing", ""),
        ("d", ""),
    ):
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            out.append(text[: -len(suffix)] + repl)
    if len(text) > 5 and text[-3:-2] == text[-4:-3] and text.endswith(("ed", "ing")):
        out.append(text[: -3 if text.endswith("ed") else -4])  # "planned" -> "plan"
    return out


@lru_cache(maxsize=1)
def known_verbs() -> frozenset[str]:
    """Every verb the lexicon knows, to repair lemmas against."""
    lex = load_lexicon()
    words = set(lex.verbs) | lex.light_verbs | set(lex.frames) | set(lex.control) | set(lex.occurrence)
    words |= lex.speech | set(lex.intent_kind) | lex.wrongdoing
    words |= {k.split()[0] for k in lex.verb_objects} | {k.split()[0] for k in lex.phrasal}
    return frozenset(words)


# Nouns that count or group what follows their "of": "thousands of reservists", "a contingent of troops".
COUNTING_NOUNS = frozenset({
    "dozen", "hundred", "thousand", "million", "number", "score", "handful", "contingent", "batch", "group",
    "unit", "column", "convoy", "shipment", "consignment", "ton", "tonne", "wave", "team", "detachment",
    "squad", "battalion", "brigade", "company", "couple",
})


def counted(noun: Token) -> Token:
    """What a counting noun counts ("thousands of reservists": the reservists), else the noun."""
    if _lemma(noun) not in COUNTING_NOUNS:
        return noun
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return next((g for g in c.children if g.dep_ == "pobj"), noun)
    return noun


def verb_object_entry(lex: Lexicon, lemma: str, obj: Token) -> tuple[Entry | None, Token]:
    """The verb-object pair a verb and its object make ("deploy troop"), looking through a counting
    noun ("deployed hundreds of troops"), and the word the verb acts on."""
    hit = lex.verb_objects.get(f"{lemma} {_lemma(obj)}")
    if hit is None and (what := counted(obj)) is not obj:
        hit = lex.verb_objects.get(f"{lemma} {_lemma(what)}")
        if hit:
            return hit, what
    return hit, obj


def _obj(verb: Token) -> Token | None:
    """The verb's object noun, through a particle ("carried out an attack")."""
    for c in verb.children:
        if c.dep_ in OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON"):
            return c
    return None


# Kinds of meeting that news uses as nouns: "the first attempt at a trilateral".
MEETING_ADJECTIVES = frozenset({"trilateral", "bilateral", "trilaterals", "bilaterals"})
# Where a word stands as a noun in its clause.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "pobj", "attr", "appos", "conj"})


def noun_entry(lex: Lexicon, t: Token) -> tuple[str, str | None] | None:
    """The event type a noun names, if it is an event noun here ("round" only of talks)."""
    if t.lower_ in MEETING_ADJECTIVES:
        # "the trilateral", "held a bilateral": a meeting named by its kind, the tagger's noun or
        # adjective standing as a noun with a determiner of its own (not "bilateral trade", nor
        # "a trilateral meeting")
        own = any(c.dep_ in ("det", "poss") for c in t.children)
        return ("CONSULT", t.lower_.rstrip("s")) if own and t.dep_ in NOMINAL_DEPS else None
    if t.pos_ not in ("NOUN", "PROPN") or t.ent_type_ in ("ORG", "LAW", "WORK_OF_ART", "PERSON", "GPE"):
        return None
    lemma = _lemma(t)
    if lemma == "talk" and t.lower_ != "talks":
        return None
    if lemma in lex.ambiguous_nouns:
        wanted = lex.ambiguous_nouns[lemma]
        near = {_lemma(g) for c in t.children for g in (c, *c.children)}
        if not near & wanted:
            return None
    if lemma == "call":
        preps = {c.lower_ for c in t.children if c.dep_ == "prep"}
        mods = {c.lower_ for c in t.children if c.dep_ in ("compound", "amod")}
        if preps & {"for", "on", "upon"}:
            return ("REQUEST", None)
        if mods & {"phone", "telephone", "video", "conference"}:
            return ("CONSULT", "phone")
        return None
    if lemma == "hunger":
        return ("PROTEST", "hunger") if t.head.lemma_ == "strike" else None
    if lemma == "strike":
        return strike_entry(t)
    if lemma == "warning":
        # a warning is a threat only when it says what the warner would do ("a warning of
        # sanctions", "a warning that it would retaliate"); else an alert or a notice
        of = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "about")]
        threat = _threat_clause(lex, t) or any(_threat_object(lex, c) for c in of)
        return ("THREATEN", None) if threat else None
    if lemma == "deal" and any(c.dep_ == "amod" and c.lower_ in ("great", "good") for c in t.children):
        return None  # "a great deal of work": a quantity
    if lemma == "raid" and {_lemma(c) for c in t.children if c.dep_ in ("compound", "amod")} & AIR_WORDS:
        return ("ASSAULT", "aerial")  # "a bombing raid", "an air raid"
    if lemma == "blockade" and _armed(t):
        return ("COERCE", "restrict")
    if lemma == "promise" and t.tag_ == "NN" and not any(c.dep_ in MASS_NOUN_BLOCKERS for c in t.children):
        return None  # "back then, he had promise": what one may become, not a pledge
    if lemma == "attack" and _verbal_attack_noun(t):
        return ("ACCUSE", "disapprove")  # "made a partisan attack on the president"
    if lemma == "rally" and _campaign_rally(t):
        return None  # "a campaign rally in Ohio": a candidate meets voters
    if lemma == "conference" and any(c.lower_ in PRESS_WORDS for c in t.children if c.dep_ in ("compound", "amod")):
        return None  # "held a press conference": statements to reporters, no meeting of parties
    if lemma in ("agreement", "consensus") and any(
        c.dep_ == "amod" and c.lower_ in SHARED_VIEW_WORDS for c in t.children
    ):
        return None  # "general agreement in the scientific community that ...": a view held, no deal
    if lemma == "recognition" and _seen_not_granted(t):
        return None  # "the recognition that the U.S. had broken Vietnam": an insight, no standing granted
    entry = lex.nouns.get(lemma)
    if entry is not None and lemma in DISPUTE_WORDS and figurative_fight(lex, t):
        return None  # "a legal battle", "the battle over the budget"
    return entry


# Modifiers of an agreement that is a view many hold: "there is broad agreement that ...".
SHARED_VIEW_WORDS = frozenset({"general", "broad", "wide", "widespread", "universal", "common", "growing", "near"})
# Modifiers that make a raid an attack from the air.
AIR_WORDS = frozenset({"air", "bombing", "bomb", "aerial", "drone", "missile", "rocket"})


# ----------------------------------------------------------------------------- "strike": attack or stoppage

# Modifiers that make a strike a military one, with the mode each gives (as "launch airstrike" and
# "fire missile" have it in the lexicon): "air strikes", "a drone strike", "missile strikes".
STRIKE_WEAPONS: dict[str, str | None] = {
    "air": "aerial", "aerial": "aerial", "airstrike": "aerial", "drone": "aerial", "bombing": "aerial",
    "missile": "heavy-weapons", "rocket": "heavy-weapons", "artillery": "heavy-weapons",
    "cruise": "heavy-weapons", "ballistic": "heavy-weapons", "military": None, "precision": None,
    "retaliatory": None, "punitive": None, "surgical": None, "pre-emptive": None, "preemptive": None,
    "nuclear": None, "naval": None, "assassination": None, "counter": None,
}
# Modifiers of a stoppage of work: "a general strike", "rolling strikes", "a national rail strike".
LABOUR_MODIFIERS = frozenset({
    "general", "wildcat", "national", "nationwide", "indefinite", "rolling", "sympathy", "token", "labour",
    "labor", "industrial", "rail", "railway", "postal", "tube", "bus", "school", "university", "pay", "pension",
    "student", "taxi", "transport", "port",
})
# What a stoppage is over or for: "a strike over pay", "strikes against pension cuts".
LABOUR_AIMS = frozenset({
    "pay", "wage", "salary", "pension", "condition", "contract", "job", "overtime", "bonus", "staffing",
    "cut", "redundancy", "layoff", "reform", "austerity", "privatisation", "privatization", "hour",
})
# Units of a stoppage's length ("a 24-hour strike", "a three-day strike"); attacks are not measured so.
DURATION_UNITS = frozenset({"hour", "day", "week", "month"})
# Verbs that frame a stoppage ("organised a strike", "staged a strike", "voted for strikes").
LABOUR_FRAMES = frozenset({"organize", "organise", "stage", "hold", "vote", "ballot", "picket", "call"})
# Who strikes from the air or with guns: owners, subjects of "launched" or "carried out".
ARMED_ACTORS = frozenset({
    "army", "military", "force", "forces", "troop", "soldier", "rebel", "insurgent", "militant", "militia",
    "jihadist", "navy", "regime", "warplane", "warship", "drone", "airforce", "jet", "aircraft", "gunship",
})
# What strikes "on" or "against" hit when they are attacks: places, positions, armed groups.
STRIKE_TARGETS = ARMED_ACTORS | frozenset({
    "position", "target", "base", "depot", "facility", "refinery", "infrastructure", "camp", "compound",
    "headquarters", "convoy", "stronghold", "hideout", "airfield", "airbase", "city", "town", "village",
    "district", "neighbourhood", "neighborhood", "area", "hospital", "grid", "building", "home", "house",
    "site", "installation", "arsenal", "bunker", "tunnel", "launcher", "enclave", "province", "region",
    "territory", "capital", "suburb", "outskirt", "bridge", "boat", "vessel", "ship", "cell",
})
# Weapons anywhere near a strike make it an attack: "strikes with missiles and drones".
STRIKE_WEAPON_WORDS = frozenset({
    "missile", "rocket", "drone", "bomb", "bombing", "bomber", "artillery", "warplane", "airstrike", "shelling",
    "munition", "explosive", "bombardment", "warship", "mortar", "interceptor", "airstrikes", "gunship",
})
# Words of work and its disputes: an article with them and no weapons is about stoppages.
LABOUR_WORDS = frozenset({
    "union", "picket", "walkout", "wage", "salary", "pension", "employer", "employee", "payrise", "overtime",
    "striker",
})
# Verbs of harm a strike does: "the strikes killed 12 civilians", "died in strikes".
HARM_VERBS = frozenset({
    "kill", "wound", "injure", "maim", "die", "flatten", "raze", "level", "obliterate", "demolish", "pound",
})
# Verbs that fit both readings: one more sign is needed ("strikes hit Paris", "launched strikes").
STRIKE_WEAK_VERBS = frozenset({
    "hit", "target", "destroy", "damage", "launch", "carry", "conduct", "order", "authorize", "authorise",
})
# Verbs a stoppage is "on": "went on strike", "are on strike" (not "relied on strikes").
ON_STRIKE_VERBS = frozenset({"go", "be", "remain", "stay", "come", "walk"})
# Entity labels of a state or a people: a sign of an attack that needs another ("Russian strikes hit Kharkiv").
STATE_ENTS = frozenset({"GPE", "NORP"})
# How many signs that fit both readings make a strike an attack ("Russian strikes hit Kharkiv").
WEAK_STRIKE_SIGNS = 2


def strike_entry(t: Token) -> tuple[str, str | None]:
    """"strike" as a military attack (ASSAULT) or a stoppage of work (PROTEST), from its own phrase
    and, when that says nothing, from the other strikes of the article: "the strikes" in a report
    that spoke of "missile strikes" are the missile strikes."""
    mods = {_lemma(c) for c in t.children if c.dep_ in ("compound", "amod", "nmod")}
    if "hunger" in mods:
        return ("PROTEST", "hunger")
    reading = _strike_reading(t)
    if reading is None:
        reading = _strike_in_article(t)
    if reading == "attack":
        return ("ASSAULT", next((STRIKE_WEAPONS[m] for m in sorted(mods) if STRIKE_WEAPONS.get(m)), None))
    return ("PROTEST", "strike")


def _strike_reading(t: Token) -> str | None:
    """"attack", "labour" or None (the phrase does not say) for one "strike" noun."""
    mods = [c for c in t.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    if any(_lemma(m) in STRIKE_WEAPONS for m in mods):
        return "attack"  # "air strikes", "a drone strike"
    frame = t.head if t.dep_ in OBJECT_DEPS or t.dep_ in SUBJECT_DEPS else None
    doers = [c for c in t.children if c.dep_ == "poss"] + [m for m in mods if m.pos_ in ("NOUN", "PROPN")]
    if frame is not None and t.dep_ in OBJECT_DEPS:
        doers += [c for c in frame.children if c.dep_ == "nsubj"]
        doers += [g for c in frame.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if t.dep_ == "pobj" and t.head.lower_ == "on" and _lemma(t.head.head) in ON_STRIKE_VERBS:
        return "labour"  # "went on strike", "are on strike"
    # who strikes: workers stop work; states, armies and rebels attack
    if any(_worker(d) for d in doers) or any(_lemma(m) in LABOUR_MODIFIERS for m in mods):
        return "labour"
    if any(_lemma(m) in DURATION_UNITS or any(_lemma(g) in DURATION_UNITS for g in m.children) for m in mods):
        return "labour"  # "a 24-hour strike"
    aims = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("over", "for", "against") for g in c.children]
    if any(_lemma(g) in LABOUR_AIMS for g in aims if g.dep_ == "pobj"):
        return "labour"  # "a strike over pay"
    if any(_lemma(d) in ARMED_ACTORS for d in doers):
        return "attack"  # "the army's strikes", "the military launched strikes"
    if frame is not None and t.dep_ in OBJECT_DEPS and any(d.ent_type_ == "GPE" for d in doers if d.dep_ == "nsubj"):
        return "attack"  # "Israel carried out strikes": a state's workers strike, not the state
    weak = 0
    for c in t.children:
        if c.dep_ != "prep" or c.lower_ not in ("on", "against") or _temporal(c):
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            if g.ent_type_ in ("GPE", "LOC", "NORP") or _lemma(g) in STRIKE_TARGETS:
                return "attack"  # "strikes on Gaza", "strikes against Hezbollah positions"
            if g.ent_type_ in ("ORG", "FAC"):
                weak += 1  # "strikes on Hezbollah" but also "strikes on Southern Rail"
    if _harms(t):
        return "attack"
    if _weapons_near(t):
        return "attack"
    if frame is not None and _lemma(frame) in LABOUR_FRAMES and t.dep_ in OBJECT_DEPS:
        return "labour"  # "organised a strike", "called a strike"
    # "Russian strikes", "US strikes"; "Palestinians launched strikes" (a people may stop work)
    weak += any(d.ent_type_ in STATE_ENTS and d.dep_ != "poss" for d in (*doers, *mods))
    weak += sum(1 for d in doers if d.dep_ == "poss" and d.ent_type_ == "GPE")  # "Britain's strikes"
    if frame is not None and _lemma(frame) in STRIKE_WEAK_VERBS:
        weak += 1
    return "attack" if weak >= WEAK_STRIKE_SIGNS else None


def _worker(d: Token) -> bool:
    """A worker, a union or strikers: 'teachers', 'the dockworkers'', 'the RMT union'."""
    lemma = _lemma(d)
    return lemma in WORKER_NOUNS or lemma.endswith(("worker", "union", "striker"))


def _harms(t: Token) -> bool:
    """A strike that kills or razes: its verb ("the strikes killed", "strikes that killed") or
    the verb it is the means of ("were killed in strikes", "died in a strike")."""
    verbs = [t.head] if t.dep_ in ("nsubj", "csubj") else []
    verbs += [c for c in t.children if c.dep_ in ("relcl", "acl")]
    if t.dep_ == "pobj" and t.head.lower_ in ("in", "by") and t.head.head.pos_ == "VERB":
        verbs.append(t.head.head)
    if t.dep_ == "pobj" and t.head.dep_ == "agent":
        verbs.append(t.head.head)
    return any(_lemma(v) in HARM_VERBS for v in verbs)


def _weapons_near(t: Token) -> bool:
    """Words of weapons within VIOLENCE_WINDOW tokens in t's sentence (soldiers and police go with
    stoppages too: "the army was called in to break the strike")."""
    sent = t.sent
    words = t.doc[max(sent.start, t.i - VIOLENCE_WINDOW) : min(sent.end, t.i + VIOLENCE_WINDOW + 1)]
    return any(w.lower_ in STRIKE_WEAPON_WORDS or _lemma(w) in STRIKE_WEAPON_WORDS for w in words)


def _strike_in_article(t: Token) -> str | None:
    """The reading of the nearest other strike of the article whose own phrase decides it,
    earlier ones first: news names a strike fully, then calls it "the strikes". Failing that, the
    article's words: weapons and no word of work ("a strike ... before Trump's tweet" in a report
    on missiles fired at Syria) or the reverse."""
    doc = t.doc
    for w in (*reversed(doc[: t.i]), *doc[t.i + 1 :]):
        lemma = w.lemma_.lower()
        if lemma == "airstrike":
            return "attack"
        if lemma == "strike" and w.pos_ in ("NOUN", "PROPN"):
            reading = _strike_reading(w)
            if reading is not None:
                return reading
    weapons = any(w.lemma_.lower() in STRIKE_WEAPON_WORDS for w in doc)
    # common nouns only: "the European Union" has no members on strike
    work = any(w.pos_ == "NOUN" and w.lemma_.lower() in LABOUR_WORDS for w in doc)
    if weapons != work:
        return "attack" if weapons else "labour"
    return None


def classify_verb(lex: Lexicon, t: Token) -> Trigger | None:
    """The event a verb (with its particle or object) reports, or None."""
    lemma = _lemma(t)
    obj = _obj(t)
    retort = _retort(lex, t, lemma)
    if retort is not None:
        return retort
    if lemma == "warn":
        return _warning(lex, t)
    if _asks_anonymity(lex, t, lemma, obj):
        return None  # "officials who asked for anonymity": how a source speaks, not a request
    if lemma == "meet" and any(c.dep_ == "advmod" and c.lower_ == "halfway" for c in t.children):
        return None  # "meet China halfway": a compromise asked for, no meeting
    if obj is not None and lemma in GIVING_VERBS and _credit_as_praise(t, obj):
        return Trigger("SUPPORT", None, "verb", t.i, None, t.i, t.i + 1)  # "I give China great credit"
    # verb + particle or preposition ("call for", "step down", "open fire")
    for c in t.children:
        # a preposition before the verb or naming a time heads an adjunct, not a phrasal verb: "On
        # Monday he called her a liar", "fired back on Tuesday"
        if c.dep_ in PARTICLE_DEPS and c.i > t.i and not _temporal(c):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            # a few pairs need their object ("went on strike", "took to the streets")
            hit = lex.phrasal.get(f"{lemma} {c.lower_} {_lemma(pobj)}") if pobj is not None else None
            hit = hit or lex.phrasal.get(f"{lemma} {c.lower_}") or lex.phrasal.get(f"{lemma} {_lemma(c)}")
            if hit and f"{lemma} {c.lower_}" == "take over" and pobj is not None and obj is not None and obj.i < c.i:
                hit = None  # "taking the word of the Israelis over the Americans": one preferred to another
            if hit and hit[1] == "visit" and lex.intent_kind.get(lemma) == "request" and _has_infinitive(t, pobj):
                hit = ("REQUEST", None)  # "called on Argentina to release the sailors" asks, not visits
            if hit and hit[1] != "disarm" and lemma in GIVING_VERBS and obj is not None and _gives_aid(obj):
                hit = ("AID", None)  # "handed over 700 kg of medicine" (but "gave up their weapons")
            if hit and f"{lemma} {c.lower_}" in TRANSITIVE_PHRASAL and (
                obj is None or _lemma(obj) in TIME_WORDS or obj.lower_ in UNSAID_OBJECTS
            ):
                hit = None  # "will not give up this time", "what we just gave up"
            if hit and hit[0] == "ASSAULT" and obj is not None and _lemma(obj) in REJECTED_NOUNS:
                hit = ("REJECT", None)  # "shot down the proposal"
            if hit and hit[0] == "SANCTION" and lemma == "cut" and (obj is None or _lemma(obj) not in FREEZABLE):
                hit = None  # "cut back their hours", "cut back on spending": no dealings cut with anyone
            if hit and hit[0] == "CONSULT" and _to_the_press(t):
                hit = None  # "speaking to reporters": a statement, no meeting
            if hit:
                end = max(t.i, c.i) + 1
                return Trigger(
                    hit[0],
                    hit[1],
                    "verb",
                    t.i,
                    None,
                    min(t.i, c.i),
                    end,
                    lex.intent_kind.get(lemma) if hit[0] == "REQUEST" else None,
                )
    if obj is not None:
        hit, thing = verb_object_entry(lex, lemma, obj)  # "called up thousands of reservists": reservists
        if hit and hit[1] == "disarm" and lemma in GIVING_VERBS and any(c.dep_ == "dative" for c in t.children):
            hit = ("AID", "military")  # "gave them better weapons" arms someone ("gave up their weapons" disarms)
        if hit and _lemma(obj) == "strike":
            hit = strike_entry(obj)  # "launched air strikes" attack, "launched a strike over pay" stops work
        elif hit and _lemma(obj) in READ_NOUNS:
            hit = noun_entry(lex, obj)  # "held a campaign rally", "made a personal attack on the governor"
        if hit:
            return Trigger(hit[0], hit[1], "light", t.i, obj.i, min(t.i, obj.i), max(t.i, obj.i, thing.i) + 1)
        if lemma in lex.light_verbs or lemma in lex.frames:
            noun = noun_entry(lex, obj)
            head = obj
            if noun is None and _lemma(obj) in CONTAINER_NOUNS:
                # "undertook a mediation mission", "launched a mediation effort": the compound
                # names the event, the head noun carries its parties ("... between A and B");
                # not any noun ("a protest vote" is no protest)
                for c in obj.children:
                    if c.dep_ in ("compound", "amod") and (noun := noun_entry(lex, c)) is not None:
                        break
            if noun and lemma in HAVING_VERBS and noun[0] in GIVEN_TYPES and _of_giver(obj):
                return None  # "holds the support of his crew": the crew gives it, he does nothing
            if noun and not (lemma in lex.intent_kind and lex.verbs.get(lemma, ("",))[0] != noun[0]):
                return Trigger(noun[0], noun[1], "light", t.i, head.i, min(t.i, head.i), max(t.i, head.i) + 1)
        if lemma in GIVING_VERBS and _gives_aid(obj):
            return Trigger("AID", None, "verb", t.i, None, t.i, t.i + 1)
    hit = lex.verbs.get(lemma)
    if hit is None:
        return None
    etype, mode = hit
    special = _special_verb(lex, t, lemma, obj)
    if special is not None:
        if special == ("", None):
            return None
        etype, mode = special
    if etype == "CONSULT" and _to_the_press(t):
        return None  # "the minister talked with journalists", "met reporters"
    if any(c.dep_ == "nsubj" and _lemma(c) in NATURAL_FORCES for c in t.children):
        return None  # "the hurricane slammed the territory": no actor does anything
    # a statement commits, asks or threatens nothing: its content is an event of its own
    intent = lex.intent_kind.get(lemma) if etype != "STATEMENT" else None
    return Trigger(etype, mode, "verb", t.i, None, t.i, t.i + 1, intent)


def _to_the_press(t: Token) -> bool:
    """Whether a verb of meeting has the press, and only the press, as its partner: "spoke to
    reporters", "talked with journalists", "said on Meet the Press"; not "met with reporters and
    Solberg", nor the Associated Press (an organisation one may meet)."""
    partners: list[Token] = []
    for c in t.children:
        if c.dep_ in ("dobj", "obj"):
            partners.append(c)
        elif c.dep_ in PARTICLE_DEPS and c.lower_ in ("to", "with"):
            for q in (c, *c.conjuncts):
                partners += [g for g in q.children if g.dep_ == "pobj"]
    partners += [x for p in partners for x in p.conjuncts]
    return bool(partners) and all(_press(p) for p in partners)


def _press(t: Token) -> bool:
    """Reporters, journalists, the press as such; the talk show "Meet the Press" too."""
    if _lemma(t) not in PRESS_NOUNS:
        return False
    if t.text == "Press" and t.head.text == "Meet":
        return True
    return t.pos_ == "NOUN" and t.ent_type_ not in ("ORG", "WORK_OF_ART", "FAC")


# ----------------------------------------------------------------------------- "fought with": on whose side

# Verbs of joining a side: "joined the YPG and fought with them", "travelled to Syria to fight with Isis".
JOINING_VERBS = frozenset({"join", "enlist", "volunteer", "sign", "travel", "go", "leave", "head"})
# People who go to fight for a side not their own: "volunteers fighting with the Kurdish forces".
RECRUIT_NOUNS = frozenset({
    "volunteer", "mercenary", "recruit", "foreigner", "jihadist", "jihadi", "extremist", "briton", "national",
    "citizen", "man", "woman", "soldier", "fighter", "veteran", "medic",
})
# Sides one joins: an armed group, not the police or a person one brawls with.
ARMED_SIDES = frozenset({
    "force", "forces", "militia", "rebel", "army", "unit", "brigade", "battalion", "group", "faction",
    "resistance", "coalition", "opposition", "guerrilla", "insurgent", "militant", "jihadist", "partisan",
    "mujahideen", "kurd", "troop", "regiment", "legion", "ranks", "movement", "organisation", "organization",
})
# Words of policing: fighting "with police" is a clash ("fans fought with police").
POLICE_WORDS = frozenset({"police", "policeman", "policemen", "officer", "security", "riot", "guard", "steward"})
# Clausal dependents searched no further for an opponent: their "against" is their own.
OWN_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "appos"})


def fight_sides(t: Token, subjects: list[Token]) -> tuple[list[Token], list[Token]]:
    """For "fight": who fights alongside the subject and whom they fight. "With X" is a side,
    not an opponent, when the clause names the opponent ("fought with the Kurds against IS",
    "in the fight against IS"), when the fighter joined ("joined the YPG and fought with them") or
    when a lone fighter or a volunteer is "with" an armed group ("he fought with the rebels for two
    years"); "alongside X" and "on the side of X" always are. "Fought with police" stays a clash."""
    if _lemma(t) != "fight":
        return [], []
    allies: list[Token] = []
    withs: list[Token] = []
    for c in t.children:
        if c.dep_ != "prep":
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"]
        objs += [x for g in objs for x in g.conjuncts]
        if c.lower_ == "alongside":
            allies += objs
        elif c.lower_ == "with":
            withs += objs
        elif c.lower_ == "on" and any(_lemma(g) == "side" for g in objs):
            allies += [x for g in objs for p in g.children if p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
    opponents = _opponents(t)
    if withs and (
        opponents
        or _joined(t)
        or (any(_recruit(s) for s in subjects) and all(_armed_side(w) for w in withs))
    ):
        allies += withs
    return allies, opponents


def _opponents(t: Token) -> list[Token]:
    """Objects of 'against' in t's own clause, on the verb or deeper in its phrases ("fought with
    the Kurdish forces against IS", "fought with US forces in the fight against IS")."""
    out: list[Token] = []
    stack = list(t.children)
    while stack:
        c = stack.pop()
        if c.dep_ in OWN_CLAUSE_DEPS:
            continue
        if c.dep_ == "prep" and c.lower_ in ("against", "versus"):
            out += [g for g in c.children if g.dep_ == "pobj"]
        stack.extend(c.children)
    return sorted(out, key=lambda g: g.i)


def _joined(t: Token) -> bool:
    """'joined the YPG and fought with them', 'volunteered to fight with', 'after joining the
    militia, he fought with them'."""
    if t.dep_ in ("conj", "xcomp", "advcl") and _lemma(t.head) in JOINING_VERBS:
        return True
    return any(c.dep_ == "advcl" and _lemma(c) in JOINING_VERBS for c in t.children)


def _recruit(s: Token) -> bool:
    """One who joins a side: a named person, 'he' or 'she', a single fighter, a volunteer, a
    mercenary or people named by nationality ("Britons who fought with the YPG")."""
    if s.ent_type_ == "PERSON" or s.lower_ in ("he", "she", "i"):
        return True
    if s.ent_type_ == "NORP" and s.pos_ in ("NOUN", "PROPN") and s.dep_ != "amod":
        return True
    lemma = _lemma(s)
    if lemma not in RECRUIT_NOUNS:
        return False
    # one soldier with a militia has joined it; "soldiers fought with rebels" clash
    return lemma not in ("soldier", "fighter", "man", "woman") or s.tag_ in ("NN", "NNP") or any(
        c.lower_ == "foreign" for c in s.children
    )


def _armed_side(w: Token) -> bool:
    """An armed group one may join: a named group or a word for one, never the police."""
    words = {x.lower_ for x in w.subtree} | {_lemma(w)}
    if words & POLICE_WORDS:
        return False
    if w.ent_type_ in ("ORG", "NORP") or (w.pos_ == "PROPN" and w.ent_type_ not in ("PERSON", "GPE")):
        return True
    return _lemma(w) in ARMED_SIDES


def captive_of(t: Token) -> Token | None:
    """Who or what a capture verb ("captured", "recaptured") takes, or None for other words."""
    return _captive(t, _obj(t)) if _lemma(t) in CAPTURE_VERBS else None


def _captive(t: Token, obj: Token | None) -> Token | None:
    """Who or what a capture verb takes: its object or passive subject, or for a relative pronoun
    ("the fighters that we captured", "who was captured") the noun the clause hangs from."""
    if obj is None and t.dep_ == "acl" and t.tag_ == "VBN":
        return t.head  # "a journalist captured in 2012"
    if obj is not None and obj.lower_ in ("that", "which", "who", "whom") and t.dep_ == "relcl":
        return t.head
    return obj


def _person(n: Token) -> bool:
    """A person or people: a name, a personal pronoun, a nationality ("two Britons") or a noun
    for people ("soldiers", "a British journalist"), or anyone "captured alive"."""
    if n.ent_type_ in ("PERSON", "NORP") and n.pos_ in ("NOUN", "PROPN"):
        return True
    if n.lower_ in CAPTIVE_PRONOUNS or _lemma(n) in CAPTIVE_NOUNS:
        return True
    return any(c.lower_ == "alive" for c in n.head.children) and n.dep_ in ("nsubjpass", "dobj")


def _recorded(t: Token) -> bool:
    """'captured on video', 'captured on camera': recorded, not taken."""
    doc = t.doc
    # the words just after "on" (the parser may hang "video" elsewhere: "captured on video taunting")
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(_lemma(g) in RECORDING_NOUNS for g in doc[c.i + 1 : c.i + 3])
        for c in t.children
    )


def _contest(verb: Token) -> bool:
    """Whether a verb's sentence is about a contest: a word of one or a score ("24-17")."""
    sent = verb.sent
    return any(_lemma(w) in CONTEST_WORDS or (w.like_num and "-" in w.text) for w in sent)


def _temporal(prep: Token) -> bool:
    """A preposition whose object is a date or time: "on Tuesday", "for three hours"."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _has_infinitive(verb: Token, pobj: Token | None) -> bool:
    """A to-infinitive on the verb or its object: "called on Argentina to release them"."""
    heads = (verb,) if pobj is None else (verb, pobj)
    return any(
        c.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp")
        and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
        for h in heads
        for c in h.children
    )


def _retort(lex: Lexicon, t: Token, lemma: str) -> Trigger | None:
    """A retort ("fired back at critics", "hit out at the plan", "lashed out") is an accusation in
    words; a volley at a physical target stays a shooting ("troops fired back at the gunmen")."""
    if lemma not in RETORT_VERBS:
        return None
    parts = [c for c in t.children if c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "out") and c.i > t.i]
    if not parts:
        return None
    aims = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "against") for g in c.children]
    said = any(
        c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "advcl" and _lemma(c) in lex.speech)
        for c in t.children
    )
    words = any(_lemma(a) in SPEECH_TARGETS or a.ent_type_ == "PERSON" for a in aims if a.dep_ == "pobj")
    if parts[0].lower_ == "out" and lemma not in ("hit", "lash"):
        return None  # "struck out the clause"
    if not (said or words or lemma in ("hit", "lash")):
        return None
    return Trigger("ACCUSE", "disapprove", "verb", t.i, None, t.i, max(t.i, parts[0].i) + 1)


# Modals that make a clause something that will or would happen.
PROSPECTIVE_MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "'ll", "'d", "wo"})
# Subjects that may stand for the warner's own side ("warned that it would retaliate", "that
# the navy will seize unlicensed trawlers"); not "this" or "there", which predict.
AGENT_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})
# What one warns of that one would inflict: "warned of serious consequences", "of retaliation".
REPRISAL_NOUNS = frozenset({
    "consequence", "retaliation", "reprisal", "response", "punishment", "revenge", "vengeance", "countermeasure",
    "action", "measure", "force", "retribution",
})
# Event types whose noun, warned of, is what the warner would do: "warned of sanctions", "of arrests".
IMPOSED_TYPES = frozenset({"SANCTION", "COERCE"})
# Entity labels of parties a warning may be addressed to.
PARTY_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
COPULAS = frozenset({"be", "become", "seem", "remain", "appear", "prove"})


def _warning(lex: Lexicon, t: Token) -> Trigger:
    """'warn' is a threat (PLOVER THREATEN: a source threatens action against a target) when it is
    addressed to a party ("warned Peru that it would face sanctions"), when what it announces is an
    act of the warner's side ("warned that the navy will seize unlicensed trawlers") or a penalty
    ("warned of sanctions"); otherwise it is a prediction or an alert ("warned that prices were
    rising", "warned of a food shortage"), which is a statement."""
    of = next(
        (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "about") and c.i > t.i and not _temporal(c)),
        None,
    )
    end = max(t.i, of.i) + 1 if of is not None else t.i + 1
    if _warns_party(lex, t) or _threat_clause(lex, t) or (of is not None and _threat_object(lex, of)):
        return Trigger("THREATEN", None, "verb", t.i, None, t.i, end, None if of is not None else "threaten")
    return Trigger("STATEMENT", None, "verb", t.i, None, t.i, end)


def _party(lex: Lexicon, n: Token) -> bool:
    """A named party or one a pronoun or a national group noun stands for ('Peru', 'them', 'the
    Chilean government'); not 'residents' or 'others', whom a warning alerts."""
    if n.ent_type_ in PARTY_ENTS or n.pos_ == "PROPN" or n.lower_ in ("him", "her", "them", "us"):
        return True
    return _lemma(n) in lex.group_nouns and any(
        c.ent_type_ in PARTY_ENTS for c in n.children if c.dep_ in ("amod", "compound", "poss", "nmod")
    )


def _warns_party(lex: Lexicon, t: Token) -> bool:
    """'warned Peru ...', 'Peru was warned ...'."""
    return any(c.dep_ in ("dobj", "nsubjpass") and _party(lex, c) for c in t.children)


def _threat_clause(lex: Lexicon, t: Token) -> bool:
    """A 'that' clause announcing what the warner's side will do ("that it would retaliate",
    "that the navy will seize unlicensed trawlers"), a penalty ("that protesters would be
    arrested") or an imposition ("there will be fines")."""
    for c in t.children:
        if c.dep_ not in ("ccomp", "acl") or c.pos_ not in ("VERB", "AUX") or _lemma(c) == "warn":
            continue
        if not any(a.dep_ == "aux" and a.lower_ in PROSPECTIVE_MODALS for a in c.children):
            continue
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None:
            continue
        if subj.dep_ == "expl":
            if any(a.dep_ == "attr" and _threat_noun(lex, a) for a in c.children):
                return True
            continue
        event = classify_verb(lex, c)
        if subj.dep_ == "nsubjpass":
            if event is not None and event.type in HOSTILE_TYPES:
                return True
            continue
        agent = subj.lower_ in AGENT_PRONOUNS or _lemma(subj) in lex.actor_nouns | lex.group_nouns
        acts = any(g.dep_ in ("dobj", "obj") for g in c.children) or (event is not None and event.type != "STATEMENT")
        if agent and acts and _lemma(c) not in COPULAS:
            return True
    return False


def _threat_noun(lex: Lexicon, n: Token) -> bool:
    """'sanctions', 'arrests', 'serious consequences', 'retaliation': what a warner would impose."""
    entry = noun_entry(lex, n)
    return _lemma(n) in REPRISAL_NOUNS or (entry is not None and entry[0] in IMPOSED_TYPES)


def _threat_object(lex: Lexicon, prep: Token) -> bool:
    """'warned of sanctions', 'warned of a military response'."""
    return any(g.dep_ == "pobj" and _threat_noun(lex, g) for g in prep.children)


def _credit_as_praise(verb: Token, obj: Token) -> bool:
    """'gave China great credit', 'deserves credit for': credit given as praise, with no sum
    ("a $2bn credit", "credits to Ukraine" lend money)."""
    if _lemma(obj) != "credit" or obj.lower_ == "credits":
        return False
    if any(c.dep_ == "nummod" for c in obj.children) or any(
        c.like_num or c.ent_type_ == "MONEY" for c in obj.subtree
    ):
        return False
    return any(c.dep_ == "amod" and c.lower_ in PRAISE_AMOUNTS for c in obj.children) or any(
        c.dep_ == "prep" and c.lower_ == "for" for h in (verb, obj) for c in h.children
    )


# How much credit one gives when credit is praise: "great credit", "full credit".
PRAISE_AMOUNTS = frozenset({"great", "full", "enormous", "huge", "tremendous", "much", "some", "due", "little", "more"})


def _gives_aid(obj: Token) -> bool:
    """'700 kg of medicine', 'tons of emergency food aid', 'arms': what aid is made of."""
    for t in (obj, *[g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]):
        words = {_lemma(t)} | {_lemma(c) for c in t.children if c.dep_ in ("compound", "amod")}
        if words & AID_NOUNS:
            return True
    return False


def _special_verb(lex: Lexicon, t: Token, lemma: str, obj: Token | None) -> tuple[str, str | None] | None:
    """Verbs whose type depends on their arguments; ("", None) means 'not an event here'."""
    preps = {c.lower_ for c in t.children if c.dep_ in ("prep", "prt")}
    subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and t.dep_ in ("xcomp", "conj"):
        subjects = [c for c in t.head.children if c.dep_ in SUBJECT_DEPS]
    if lemma in ("decline", "refuse") and any(
        c.dep_ == "xcomp" and (_lemma(c) in WITHHELD_WORDS or (_lemma(c) in PARTNER_VERBS and _to_the_press(c)))
        for c in t.children
    ):
        return ("", None)  # "declined to comment", "refused to confirm whether": words kept back, nothing rejected
    if lemma == "march" and "on" in preps and not _pobjs(t, "on"):
        return ("", None)  # "his soul is marching on": going on, no march
    if lemma == "allow" and obj is None and "for" in preps:
        return ("", None)  # "a withdrawal that allowed for the growth of ISIS": made possible, no concession
    if lemma == "free" and "up" in preps and (obj is None or not _person(obj)):
        return ("", None)  # "free up cash", "freed up resources": nobody set free
    if lemma == "facilitate" and obj is not None and not _facilitated_meeting(lex, obj):
        return ("", None)  # "facilitating transactions with Iran", "facilitate trade": no talks brokered
    if lemma == "ask" and _question(t, obj):
        return ("", None)  # "asked why the port closed", "asked about the case": a question, not a request
    if lemma == "demonstrate" and (obj is not None or any(c.dep_ == "ccomp" for c in t.children)):
        return ("", None)  # "demonstrated the new radar": shown, not a demonstration
    if lemma == "burn" and obj is None:
        return ("", None)  # "the warehouse burned for hours", "candles were burning": no arson
    if lemma == "quit" and (
        (obj is not None and _lemma(obj) not in OFFICES) or any(c.dep_ == "xcomp" for c in t.children)
    ):
        return ("", None)  # "quit smoking", "quit the talks": no one left office (but "quit on Sunday")
    if lemma == "defend" and obj is not None and obj.lower_ in REFLEXIVES:
        return ("", None)  # "defend ourselves": no support given to anyone
    if lemma in ("blockade", "barricade") and _armed(t):
        return ("COERCE", "restrict")  # a siege, not a protest
    if lemma == "prosecute" and obj is not None and _lemma(obj) in WAR_NOUNS:
        return ("", None)  # "prosecute the war": wage it
    if lemma == "freeze" and (obj is None or _lemma(obj) not in FREEZABLE):
        return ("", None)  # "freezing temperatures", "the river froze"
    if lemma == "insist" and _asserts(t):
        return ("STATEMENT", None)  # "insisted the accord covered the northern ports"
    if lemma in HELPING_VERBS and obj is None and any(c.dep_ in ("xcomp", "ccomp") for c in t.children):
        return ("", None)  # "helped speed up the reform", "helping to plan a raid": the act is the complement
    if lemma == "add" and obj is not None and obj.pos_ == "NOUN":
        return ("", None)  # "the flood has added pressure": no words said
    if lemma in ("welcome", "receive"):
        if obj is None:
            return ("", None) if lemma == "receive" else ("SUPPORT", None)
        ol = _lemma(obj)
        if lemma == "receive":
            if ol in RECEIVE_AID:
                return ("AID", None)
            if ol in RECEIVE_PROMISE:
                return ("AGREE", None)
            if ol in RECEIVE_ACCESS:
                return ("RETREAT", "access")
        if obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or ol in lex.actor_nouns or obj.pos_ == "PROPN":
            return ("CONSULT", "visit")
        return ("SUPPORT", None) if lemma == "welcome" else ("", None)
    if lemma == "undertake" and not any(c.dep_ == "xcomp" for c in t.children):
        return ("", None)
    if lemma in ("hand", "give") and obj is not None and _gives_aid(obj):
        return ("AID", None)
    if lemma == "attack" and (
        (obj is not None and _abstract_target(obj))
        or any(
            c.dep_ == "prep" and c.lower_ in ("for", "over") and not _temporal(c)
            for h in (t, obj)
            if h is not None
            for c in h.children
        )
        or _attack_in_words(t, _attacker(t, subjects), obj)
    ):
        return ("ACCUSE", "disapprove")  # words: "attacked the premier for his response", "attack its funding"
    if lemma == "hail" and "from" in preps:
        return ("", None)  # "the senator hails from Ohio": where she comes from, no praise
    if lemma == "oppose" and _as_opposed(t):
        return ("", None)  # "fair trade, as opposed to free trade": a contrast
    seized_on = obj is None and any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("on", "upon") and not _temporal(c) for c in t.children
    )
    if lemma == "seize" and (seized_on or (obj is not None and _lemma(obj) in SEIZED_CHANCES)):
        return ("", None)  # "seized on the report", "seized the opportunity": made use of, took nothing
    if lemma == "seize" and obj is not None and _won_control(t, obj, subjects):
        return ("", None)  # "Democrats seized control of the House": won a vote, took nothing by force
    if lemma == "shoot" and obj is None and "to" in preps:
        return ("", None)  # "the candidate shot to the top of the polls"
    if lemma == "reinforce" and (obj is None or _lemma(obj) not in REINFORCED_NOUNS):
        return ("", None)  # "reinforce a fear", "reinforce one another": no troops sent
    if lemma == "compromise" and obj is not None:
        return ("", None)  # "records were compromised", "compromised the inquiry": damaged, nothing conceded
    if lemma == "demonstrate" and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in t.children):
        return ("", None)  # "as Cowen demonstrates in his book": shows, no demonstration
    if lemma == "offer" and obj is not None:
        if _lemma(obj) in OFFERED_BACKING:
            return ("SUPPORT", None)  # "offered a full-throated endorsement of the deal"
        if _lemma(obj) in OFFERED_VIEWS:
            return ("", None)  # "offered no evidence", "offers a sharp contrast": no commitment
    if lemma == "summon" and _has_infinitive(t, None) and (obj is None or _lemma(obj) not in ENVOY_NOUNS):
        # "summoned the director to testify" asks for testimony; "summoned Niger's ambassador to
        # complain" is the diplomatic protest PLOVER codes ACCUSE
        return ("REQUEST", None)
    if lemma == "confirm" and (
        (obj is not None and (obj.ent_type_ == "PERSON" or _lemma(obj) in APPOINTEES or obj.lower_ in CAPTIVE_PRONOUNS))
        or "as" in preps
    ):
        return ("", None)  # "the Senate confirmed Lind as attorney general": a vote on a nominee, not words
    if lemma in ("recognize", "recognise") and not _formal_recognition(t, obj):
        return ("", None)  # "recognized the need", "recognize that it is a war": seen, no standing granted
    if lemma == "hijack" and obj is not None and not (
            _lemma(obj) in CRAFT_NOUNS or _person(obj) or obj.ent_type_ in ("PRODUCT", "FAC")):
        return ("", None)  # "allow such groups to hijack our country", "hijacked the debate": taken over in words
    if lemma == "execute" and obj is not None and _lemma(obj) in EXECUTED_PLANS:
        return ("", None)  # "the generals executing the war", "executed the plan": carried out, nobody killed
    if lemma == "resign" and obj is not None and obj.lower_ in REFLEXIVES:
        return ("", None)  # "has resigned himself to long negotiations": accepted, no office left
    if lemma == "rally" and obj is not None and _lemma(obj) in RALLIED_BACKING:
        return ("", None)  # "to rally support for the bill": lobbying, no demonstration
    if lemma == "rally":
        if preps & BACKING_PREPS:
            return ("SUPPORT", None)  # "the base rallied behind the president"
        if _campaign_rally(t):
            return ("", None)
    if lemma == "stab" and obj is not None and _betrayed(obj) and any(
            c.dep_ == "prep" and c.lower_ == "in" and any(_lemma(g) == "back" for g in c.children) for c in t.children):
        return ("", None)  # "they stabbed us in the back", "stabbed Turkey in the back": a betrayal, no knife
    if lemma in ("kill", "shoot") and obj is not None and _lemma(obj) in REJECTED_NOUNS:
        return ("REJECT", None)  # "Senate Republicans killed the bill"
    if lemma == "destroy" and obj is not None and _lemma(obj) in FIGURATIVE_DAMAGE:
        return ("", None)  # "the law is destroying jobs"
    if lemma == "bombard" and _bombarded_with_words(t):
        return ("", None)  # "bombarded voters with ads"
    if lemma == "allege" and t.dep_ in ("amod", "acomp", "oprd") and not any(
        c.dep_ in ("auxpass", "nsubjpass", "nsubj") for c in t.children
    ):
        return ("", None)  # "published alleged documents": an adjective, no allegation made here
    if lemma == "assault" and obj is not None and obj.i == t.i + 1 and _lemma(obj) in ASSAULT_GEAR:
        return ("", None)  # "the law bans assault weapons", parsed as a verb and its object
    if lemma == "occupy" and (
        (obj is not None and _lemma(obj) in HELD_PLACES)
        or any(_lemma(g) in TENANTS for c in t.children if c.dep_ == "agent" for g in c.children)
    ):
        return ("", None)  # "the address is occupied by a law firm", "occupies a seat on the board"
    if lemma == "prevent" and not _prevents_someone(lex, obj, preps):
        return ("", None)  # "upgrades to prevent hacking": nobody restrained
    done = noun_entry(lex, obj) if lemma == "commit" and obj is not None else None
    if done is not None and done[0] in HOSTILE_TYPES:
        return done  # "later committed terrorist attacks": the attack, no pledge
    if lemma == "commit" and obj is not None and _lemma(obj) in DEED_NOUNS:
        return ("", None)  # "committed suicide" is a deed, not a pledge
    if lemma == "commit" and not any(c.dep_ in ("xcomp", "dobj") for c in t.children):
        to = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        if to and all(g.pos_ in ("NOUN", "PROPN") and noun_entry(lex, g) is None for g in to):
            return ("", None)  # "committed to the recovery of the region": a stance, no pledge of an event
    if lemma == "beat" and (obj is None or obj.ent_type_ in ("ORG", "GPE", "NORP") or _contest(t)):
        return ("", None)  # a win: "New England beat the Rams", "beat him in the primary"
    if lemma == "charge" and obj is not None and (
        _lemma(obj) in PRICE_NOUNS or obj.ent_type_ == "MONEY"
        or any(c.dep_ == "dobj" and (_lemma(c) in PRICE_NOUNS or c.ent_type_ == "MONEY") for c in t.children)
    ):
        return ("", None)  # a price: "could charge people higher rates", "charged $20 a ticket"
    if lemma == "burn" and obj is not None and _lemma(obj) in FUEL_NOUNS:
        return ("", None)  # fuel: "burning coal"
    if lemma == "plead" and any(c.dep_ in ("acomp", "oprd") for c in t.children):
        return ("", None)  # "pleaded guilty" answers a charge; "pleaded for mercy" asks
    if lemma == "protest":
        if any(c.dep_ in ("ccomp", "parataxis") for c in t.children) or t.dep_ == "parataxis":
            return ("ACCUSE", "disapprove")
        return None
    if lemma == "strike":
        if any(_worker(s) for s in subjects):
            return ("PROTEST", "strike")
        if obj is not None and "down" in preps and not _person(obj):
            return ("REJECT", None)  # a court "struck down the ban", "struck down Justice's attempts to ..."
        if obj is None and not preps & {"at", "against", "on"}:
            return ("", None)
        return None
    if lemma in DISPUTE_WORDS and figurative_fight(lex, t):
        return ("", None)  # a quarrel, a lawsuit, a campaign: "clashed with reporters over the budget"
    if lemma in CAPTURE_VERBS:
        captive = _captive(t, obj)
        if _recorded(t) or (captive is not None and _lemma(captive) in FIGURATIVE_CAPTURES):
            return ("", None)  # "captured on video", "captured the public mood"
        if captive is not None and _person(captive):
            # PLOVER codes taking people (detaining, taking prisoner) as COERCE, as the lexicon
            # does "detain"; taking a town stays a military ASSAULT ("captured the stronghold")
            return ("COERCE", "arrest")
    if lemma in OPPONENT_VERBS:
        reciprocal = lemma in ("clash", "battle") and _plural_subject(subjects)
        if obj is None and not preps & OPPONENT_PREPS and not reciprocal:
            return ("", None)
        return None
    if lemma in PARTNER_VERBS:
        if _in_terms(t):
            return ("", None)  # "Dempsey and Hagel spoke in dire terms about the threat": no meeting
        if _stranded_about(t):
            return ("", None)  # "this is not Cheney we're talking about": whom words are about
        if (
            preps & {"with", "to"}
            or partner_after_object(obj)
            or _plural_subject(subjects)
            or (lemma in ("negotiate", "consult") and obj is not None)
        ):
            return None
        return ("", None)
    if lemma in ("call", "press", "push"):
        if preps & {"for", "on", "upon"} or any(c.dep_ == "xcomp" for c in t.children):
            return ("REQUEST", None)
        return ("", None)
    if lemma == "order":
        if any(c.dep_ in ("xcomp", "ccomp") for c in t.children) or obj is not None:
            return None
        return ("", None)
    if (
        lemma in ("meet",)
        and obj is not None
        and _lemma(obj) in MET_AIMS
    ):
        return ("CONCEDE", None) if _lemma(obj) in ("demand", "condition", "requirement") else ("", None)
    released = t.head if t.dep_ == "acl" else obj  # "a report released on Tuesday"
    if t.dep_ == "relcl" and (obj is None or obj.lower_ in ("that", "which")):
        released = t.head  # "the figures that China releases"
    if t.dep_ == "conj" and t.head.dep_ == "acl" and obj is None:
        released = t.head.head  # "the deal, negotiated by leaders and released late Wednesday"
    if (
        lemma in ("free", "release", "publish")
        and released is not None
        and _lemma(released) in DOCUMENT_NOUNS
    ):
        return ("", None)
    if lemma in ("add", "note", "point", "state", "post", "report", "express", "voice") and t.pos_ != "VERB":
        return ("", None)
    if (
        lemma == "allow"
        and obj is not None
        and _lemma(obj) in ("access", "inspector", "observer", "return", "aid", "delivery")
    ):
        return ("RETREAT", "access")
    return None


# Nouns an event-noun compound can name an event through ("a mediation mission", "a bombing
# campaign").
CONTAINER_NOUNS = frozenset({
    "mission", "effort", "process", "campaign", "operation", "initiative", "programme", "program", "plan", "bid",
    "drive", "tour", "trip", "round", "push", "attempt", "session", "meeting", "exercise", "action",
})
# Phrasal verbs that only mean their event with what is given up or handed over ("gave up their
# weapons"); without it they mean quitting ("will not give up this time", "gave up on the plan").
TRANSITIVE_PHRASAL = frozenset({"give up", "lay down", "hand over", "hand back"})
# Objects that are really adverbs of time ("will not give up this time").
TIME_WORDS = frozenset({"time", "moment", "day", "week", "month", "year", "now"})
# Verbs of helping: with a verb complement and nobody helped they only say who took part in it.
HELPING_VERBS = frozenset({"help", "assist"})


# Light verbs of having: with what others give ("has the support of Washington") the subject
# receives, it does not act.
HAVING_VERBS = frozenset({"have", "hold"})
GIVEN_TYPES = frozenset({"SUPPORT", "AID"})


# What is met that is no one met: "met the deadline", "meeting its growth goals".
MET_AIMS = frozenset({
    "demand", "condition", "requirement", "need", "target", "deadline", "criterion", "goal", "standard",
    "expectation", "obligation", "quota", "benchmark", "threshold", "objective", "criteria",
})
# Verbs of telling that one declines to do: a source keeping words back, not a rejection.
WITHHELD_WORDS = frozenset({
    "comment", "say", "confirm", "elaborate", "specify", "disclose", "answer", "speculate", "identify", "name",
    "reveal", "detail", "explain",
})


# What one wages rather than takes to court: "prosecute the war".
WAR_NOUNS = frozenset({"war", "campaign", "conflict", "fight", "offensive", "operation", "insurgency", "struggle"})
# What is hijacked when a hijacking is a seizure by force: a craft and those in it.
CRAFT_NOUNS = frozenset({
    "plane", "airplane", "aeroplane", "aircraft", "airliner", "jet", "flight", "ship", "vessel", "boat", "tanker",
    "freighter", "ferry", "bus", "truck", "lorry", "car", "vehicle", "train", "convoy", "helicopter", "yacht",
    "trawler", "cargo", "shipment", "lorries", "coach", "van", "taxi", "passenger", "pilgrim", "traveler",
    "traveller",
})
# What one "executes" by carrying it out: "executing the war", "executed the plan".
EXECUTED_PLANS = WAR_NOUNS | frozenset({
    "plan", "order", "strategy", "policy", "warrant", "search", "trade", "deal", "agreement", "contract",
    "transaction", "program", "programme", "mission", "task", "duty", "command", "agenda", "transfer",
    "maneuver", "manoeuvre", "withdrawal", "pivot", "turn", "play", "move", "vision", "idea", "budget",
})
# What one leaves on quitting office: "quit his post", "quit the government".
OFFICES = frozenset({
    "post", "office", "position", "seat", "government", "cabinet", "presidency", "premiership",
    "leadership", "role", "chairmanship", "ministry", "portfolio", "parliament", "coalition", "board",
})
# What a sanction freezes: money, dealings and talks.
FREEZABLE = frozenset({
    "asset", "fund", "account", "aid", "relation", "tie", "talk", "negotiation", "membership", "payment", "loan",
    "program", "programme", "cooperation", "contact", "property", "money", "budget", "credit", "export", "import",
    "trade", "deal", "agreement", "assistance", "holding", "reserve", "visa", "recruitment", "hiring", "process",
})
REFLEXIVES = frozenset({"myself", "ourselves", "yourself", "yourselves", "himself", "herself", "itself", "themselves"})
# What a state or a law recognises when it grants standing: "recognise a Palestinian state",
# "recognised the right of forest dwellers", "sovereignty never recognised".
STANDING_NOUNS = frozenset({
    "independence", "sovereignty", "statehood", "state", "government", "regime", "authority", "capital",
    "annexation", "border", "boundary", "frontier", "genocide", "leader", "president", "ruler", "result",
    "outcome", "victory", "election", "legitimacy", "right", "claim", "republic", "country", "nation",
    "territory", "jurisdiction", "status", "junta", "opposition", "council", "administration", "hegemony",
    "control", "rule", "supremacy", "dominion",
})
# Adverbs of formal recognition ("never recognised internationally") and of mere acknowledgement
# ("so widely recognized as critical").
FORMAL_ADVERBS = frozenset({"formally", "officially", "internationally", "diplomatically", "legally"})
COMMON_ADVERBS = frozenset({"widely", "generally", "universally", "broadly", "commonly", "increasingly"})
# What a question asks for: "asking questions", "asked the question".
QUESTION_NOUNS = frozenset({"question", "query"})
QUESTION_WORDS = frozenset({"what", "who", "whom", "whose", "which", "why", "how", "when", "where", "whether", "if"})
# Words of armed force that make a blockade a siege: "rebel groups", "forces", "troops", "naval".
ARMED_WORDS = frozenset({
    "troop", "soldier", "army", "militia", "rebel", "insurgent", "militant", "fighter", "forces", "force", "navy",
    "naval", "warship", "siege", "artillery", "shelling", "airstrike", "regime", "military", "offensive", "jihadist",
})


def _formal_recognition(t: Token, obj: Token | None) -> bool:
    """'recognize' as PLOVER's SUPPORT: standing granted to a party or a status ("recognised
    Guaidó as interim president", "does not recognize the Maduro regime"), not the verb of seeing
    ("recognizes the profound qualms", "recognize that it is a war", "widely recognized as critical")."""
    advs = {c.lower_ for c in t.children if c.dep_ == "advmod"}
    if advs & FORMAL_ADVERBS:
        return True
    if advs & COMMON_ADVERBS or any(c.dep_ in ("ccomp", "xcomp") for c in t.children) or obj is None:
        return False
    return (
        obj.ent_type_ in PARTY_ENTS
        or obj.pos_ == "PROPN"
        or _lemma(obj) in STANDING_NOUNS
    )


def _seen_not_granted(noun: Token) -> bool:
    """A recognition that is an insight: with a 'that' clause ("the recognition that the war had
    ruined them") or of a thing no state grants standing to ("a recognition of that reality");
    not "recognition of Kosovo", "diplomatic recognition"."""
    if _content_clause(noun):
        return True
    of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"), None)
    return of is not None and not _formal_recognition(noun, of)


def _content_clause(noun: Token) -> bool:
    """A 'that' clause saying what the noun holds ("the recognition that the West is dealing with
    it"), which the parser may label a relative clause; not one the noun is the object of ("the
    recognition that Kosovo won")."""
    for c in noun.children:
        if c.dep_ not in ("acl", "ccomp", "relcl") or c.left_edge.lower_ != "that":
            continue
        that = c.left_edge
        if that.dep_ == "mark" or any(g.dep_ in ("dobj", "attr", "ccomp") and g.i != that.i for g in c.children):
            return True
    return False


def _facilitated_meeting(lex: Lexicon, obj: Token) -> bool:
    """What a facilitator brokers: talks, a dialogue, a deal ("facilitated the dialogue between
    Belgrade and Pristina"), or the parties themselves; not trade, transfers or payments."""
    entry = noun_entry(lex, obj)
    return (entry is not None and entry[0] in ("CONSULT", "AGREE")) or _party(lex, obj)


def _pobjs(t: Token, prep: str) -> list[Token]:
    """The objects of one preposition hanging from t ("of" in "the support of his crew")."""
    return [g for c in t.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"]


def _of_giver(noun: Token) -> bool:
    """'the support of his crew', 'the backing of Germany': the noun names who gives it."""
    return bool(_pobjs(noun, "of"))


def _in_terms(t: Token) -> bool:
    """'spoke in dire terms', 'talked in glowing terms': how one spoke in public."""
    return any(_lemma(g) == "term" for g in _pobjs(t, "in"))


def _stranded_about(t: Token) -> bool:
    """'about' left without its object ("the man we're talking about", "what they spoke about
    here"): the verb says what some words concern, not that anyone met."""
    return any(c.dep_ == "prep" and c.lower_ == "about" and all(g.pos_ == "ADV" for g in c.children)
               for c in t.children)


def _question(t: Token, obj: Token | None) -> bool:
    """'ask' with a question for its content ("asked why the port closed", "asking questions",
    "asked about the case", "asked Tovin if he would go", or none: 'asked: "Who pays?"'), not with
    what is asked for."""
    if any(c.dep_ in ("xcomp", "dative") for c in t.children) or any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("for", "to") for c in t.children
    ):
        return False
    clauses = [c for c in t.children if c.dep_ == "ccomp"]
    if obj is not None and _lemma(obj) not in QUESTION_NOUNS and obj.dep_ != "nsubjpass":
        # "asked the minister whether the talks would resume": the one asked, then the question
        return bool(clauses) and all(c.left_edge.lower_ in QUESTION_WORDS for c in clauses)
    # "asked that the talks resume" asks for something; "asked why the port closed" asks a question
    return not any(c.left_edge.lower_ not in QUESTION_WORDS for c in clauses)


# Whom a state summons to protest to: a summons of one of these is a diplomatic complaint.
ENVOY_NOUNS = frozenset({"ambassador", "envoy", "diplomat", "charge", "chargé", "consul", "attaché", "attache"})
# What one "occupies" by living, working or sitting in it, not by force.
HELD_PLACES = frozenset({
    "address", "seat", "post", "position", "role", "space", "floor", "suite", "apartment", "flat", "niche", "spot",
    "slot", "chair", "office", "job", "place", "lane", "ground", "mind", "attention", "time",
})
# Who occupies a place by renting it: "is occupied by a law firm".
TENANTS = frozenset({
    "firm", "company", "business", "tenant", "family", "store", "shop", "restaurant", "bank", "office",
})
# Dependents that make "promise" a countable pledge ("a promise", "his promise to", "promises of aid").
MASS_NOUN_BLOCKERS = frozenset({"det", "poss", "amod", "prep", "acl", "relcl", "ccomp", "nummod", "compound"})
# Who a senate confirms: a person or the post they are named to.
APPOINTEES = frozenset({
    "nominee", "pick", "appointee", "judge", "justice", "secretary", "ambassador", "director", "chairman",
    "chairwoman", "chair", "candidate", "commissioner", "administrator", "attorney", "general", "nomination",
})
# Objects of a verb that name nothing given up ("what we just gave up").
UNSAID_OBJECTS = frozenset({"what", "which", "that", "everything", "nothing", "something", "anything", "much"})


def _asks_anonymity(lex: Lexicon, t: Token, lemma: str, obj: Token | None) -> bool:
    """'asked for anonymity', 'requested anonymity', 'asking not to be named because ...': how a
    source speaks to a reporter, not a request of anyone the story is about."""
    if lex.intent_kind.get(lemma) != "request":
        return False
    asked = [obj] if obj is not None else []
    asked += [g for c in t.children if c.dep_ in ("prep", "prt") and c.lower_ == "for" for g in c.children]
    if any(c.dep_ == "xcomp" and _lemma(c) in UNNAMED_VERBS and any(g.dep_ == "auxpass" for g in c.children)
           for c in t.children):
        return True  # "an official who asked not to be named"
    return any(a is not None and _lemma(a) in ANONYMITY_NOUNS for a in asked)


# What a source asks not to be: "asked not to be named", "asked not to be identified".
UNNAMED_VERBS = frozenset({"name", "identify", "quote", "cite"})


def _as_opposed(t: Token) -> bool:
    """'as opposed to': the participle right after 'as', with 'to' after it."""
    doc = t.doc
    before = doc[t.i - 1].lower_ if t.i > 0 else ""
    after = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
    return before == "as" and after == "to"


def _attacker(t: Token, subjects: list[Token]) -> Token | None:
    """Who attacks: the verb's subject, or the noun a participle describes ("a new ad attacking")."""
    if subjects:
        return subjects[0]
    if t.dep_ == "acl" and t.tag_ == "VBG":
        return t.head
    return None


def _abstract_target(obj: Token) -> bool:
    """A target one attacks in words: a law ("the Second Amendment"), a policy, a record, the press;
    "positions" only when no party's name is on them ("Hamas positions" are dug in)."""
    if obj.ent_type_ == "LAW":
        return True
    lemma = _lemma(obj)
    if lemma not in ABSTRACT_TARGETS:
        return False
    if lemma == "position":
        return not any(
            c.dep_ == "compound" or (c.dep_ in ("amod", "poss", "nmod") and (c.ent_type_ or c.pos_ == "PROPN"))
            for c in obj.children
        )  # "rebel positions", "Hamas positions" are dug in; "his position" is a stance
    return True


def _attack_in_words(t: Token, attacker: Token | None, target: Token | None) -> bool:
    """An attack made in words: by an ad, a statement or a speech ("a new ad attacking the
    governor"), set in talk ("in a speech", "on Twitter"), or between people whose trade is talk
    ("Trump attacked Biden", "the senator attacked the governor"). Any sign of violence or arms
    near it keeps it an attack."""
    if _violent_near(t) or _armed(t):
        return False
    if attacker is not None and _lemma(attacker) in SPEECH_CARRIERS:
        return True
    if _verbal_setting(t, _clause_verb(t)):
        return True
    return attacker is not None and target is not None and _talking(attacker) and _talking(target)


def _verbal_attack_noun(t: Token) -> bool:
    """'a personal attack on the governor', 'his attacks on the press', 'Trump's attacks on Biden':
    an attack noun of words (a figurative modifier, an abstract target, or a talker attacking a
    talker), when nothing violent or armed is near."""
    if _violent_near(t) or _armed(t):
        return False
    if any(c.dep_ in ("amod", "compound", "nmod") and FIGURATIVE_MODIFIERS & {c.lower_, _lemma(c)} for c in t.children):
        return True
    targets = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "against") for g in c.children
               if g.dep_ == "pobj"]
    if any(_abstract_target(g) for g in targets):
        return True
    owners = [c for c in t.children if c.dep_ == "poss"]
    return bool(owners and targets) and _talking(owners[0]) and _talking(targets[0])


def _campaign_rally(t: Token) -> bool:
    """A candidate's rally, not a protest: named so ("a campaign rally", "a reelection rally") or
    held in a sentence about campaigning ("would not campaign for Moore but is to hold a rally"),
    with nothing of protest near ("rallied against the ruling")."""
    sent = t.sent
    words = t.doc[max(sent.start, t.i - VIOLENCE_WINDOW) : min(sent.end, t.i + VIOLENCE_WINDOW + 1)]
    lemmas = {_lemma(w) for w in words} | {w.lower_ for w in words}
    if lemmas & PROTEST_CUES:
        return False
    mods = {_lemma(c) for c in t.children if c.dep_ in ("compound", "amod", "nmod")}
    return bool(mods & CAMPAIGN_WORDS) or bool(lemmas & CAMPAIGN_CUES)


# What a party wins in a vote: "seized control of the House", "seized the majority".
CONTROL_NOUNS = frozenset({"control", "majority", "seat", "governorship", "chamber"})
# Chambers and offices won by votes.
CHAMBER_NOUNS = frozenset({
    "house", "senate", "congress", "legislature", "chamber", "assembly", "parliament", "council", "governorship",
    "statehouse", "majority",
})
# Who wins a chamber: parties and their members.
PARTY_WORDS = frozenset({
    "democrat", "republican", "party", "conservative", "liberal", "labour", "labor", "tory", "gop", "progressive",
})


def _won_control(t: Token, obj: Token, subjects: list[Token]) -> bool:
    """'Democrats seized control of the House', 'Republicans seized the majority': a party wins a
    chamber at the polls; nothing armed is near ("rebels seized control of parliament" stays)."""
    if _lemma(obj) not in CONTROL_NOUNS or _violent_near(t) or _armed(t):
        return False
    of = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    chamber = _lemma(obj) == "majority" or any(_lemma(g) in CHAMBER_NOUNS for g in of)
    party = any(_lemma(s) in PARTY_WORDS or s.ent_type_ == "NORP" for s in subjects)
    return chamber and (party or _contest(t))


def _bombarded_with_words(t: Token) -> bool:
    """'bombarded voters with ads', 'with questions': a flood of words, not shells."""
    withs = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
    return bool(withs) and not any(_lemma(g) in STRIKE_WEAPON_WORDS or _lemma(g) in VIOLENCE_WORDS for g in withs)


def _prevents_someone(lex: Lexicon, obj: Token | None, preps: set[str]) -> bool:
    """'prevented the protesters from marching', 'prevented the demonstration': someone or some
    event is restrained; "to prevent hacking" restrains nobody the text names."""
    if "from" in preps:
        return True
    if obj is None:
        return False
    if obj.ent_type_ in PARTY_ENTS or obj.pos_ == "PROPN" or obj.lower_ in CAPTIVE_PRONOUNS | {"them", "us"}:
        return True
    lemma = _lemma(obj)
    known = lemma in lex.actor_nouns or lemma in lex.group_nouns or lemma in CAPTIVE_NOUNS
    return known or noun_entry(lex, obj) is not None


def _armed(t: Token) -> bool:
    """Whether a word of armed force is near (the same window as _violent_near)."""
    sent = t.sent
    words = t.doc[max(sent.start, t.i - VIOLENCE_WINDOW) : min(sent.end, t.i + VIOLENCE_WINDOW + 1)]
    return any(w.lower_ in ARMED_WORDS or _lemma(w) in ARMED_WORDS for w in words)


def _asserts(t: Token) -> bool:
    """'insisted that the soldiers were not involved', 'insists she knew nothing': a 'that' clause
    stating a fact (a finite verb without a modal of obligation) is an assertion, not a demand
    ('insisted that the government grant', 'insisted that Peru should release them')."""
    for c in t.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [a for a in c.children if a.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" for a in auxes):
            return not any(a.lower_ in ("should", "must", "shall") for a in auxes)
        finite = c.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)
        if finite:
            return True
    return False


def figurative_fight(lex: Lexicon, t: Token) -> bool:
    """A fight of words, votes, courts or causes rather than of force: "clashed with reporters over
    the budget", "a legal battle", "the fight for votes", "fighting inflation". Any sign of violence
    near it (police, troops, stones, the dead) keeps it a fight, and so does a named battle."""
    if _lemma(t) not in DISPUTE_WORDS or _named_event(t) or _violent_near(t):
        return False
    heads = [t, *(c for c in t.children if c.dep_ in OBJECT_DEPS and _lemma(c) in DISPUTE_WORDS)]
    clause = _clause_verb(t)
    if any(_quarrel_cue(lex, h) for h in heads) or _about(clause, t) or _verbal_setting(t, clause):
        return True
    talking = [_talking(p) for p in _parties(t)]
    # people who argue for a living clash in words ("clashed with reporters"); any fight is one of
    # words when every side is such a person ("Reagan's battle with Ford")
    return any(talking) if _lemma(t) == "clash" else bool(talking) and all(talking)


def _named_event(t: Token) -> bool:
    """'the Battle of Kursk': a battle the text names is a battle."""
    return t.ent_type_ == "EVENT" or (t.text[:1].isupper() and not t.is_upper and not t.is_sent_start)


def _violent_near(t: Token) -> bool:
    """Words of armed force or bodily harm within VIOLENCE_WINDOW tokens, in t's sentence."""
    sent = t.sent
    words = t.doc[max(sent.start, t.i - VIOLENCE_WINDOW) : min(sent.end, t.i + VIOLENCE_WINDOW + 1)]
    for w in words:
        if w.lower_ in VIOLENCE_WORDS or _lemma(w) in VIOLENCE_WORDS:
            return True
        if w.lower_ == "gas" and w.i > 0 and w.doc[w.i - 1].lower_ == "tear":
            return True
    return False


def _clause_verb(t: Token) -> Token:
    """The verb of the clause a fight word is in: itself, or the verb its noun phrase hangs from
    ("engaged in bitter battles ... over his support")."""
    node = t
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _quarrel_cue(lex: Lexicon, h: Token) -> bool:
    """What makes a fight word figurative: a modifier ("political battle"), a topic ("over the
    budget"), a cause ("for votes", "against inflation") or an abstract opponent ("fought the law")."""
    for c in h.children:
        if c.dep_ in ("amod", "compound", "nmod") and FIGURATIVE_MODIFIERS & {c.lower_, _lemma(c)}:
            return True
        if c.dep_ == "prep" and not _temporal(c):
            if c.lower_ in DISPUTE_TOPIC_PREPS and _topic_prep(c, h):
                return True
            if c.lower_ in OPPONENT_PREPS and any(_topic_prep(x, h) for x in _topics_on_opponent(c)):
                return True  # "fighting with allies over steel": the parser hung the topic on the allies
            if c.lower_ in AIM_PREPS and any(_abstract(lex, g) for g in c.children if g.dep_ == "pobj"):
                return True
        if c.dep_ in ("dobj", "obj") and h.pos_ == "VERB" and _lemma(c) not in DISPUTE_WORDS and _abstract(lex, c):
            return True
    return False


def _about(clause: Token, t: Token) -> bool:
    """'over X' or 'about X' on the verb a fight noun hangs from: "engaged in battles with the
    secretary over his support" (not "apologised over the clash", whose object is the fight)."""
    if clause.i == t.i:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in ("over", "about") and not _temporal(c) and _topic_prep(c, t)
        for c in clause.children
    )


def _betrayed(obj: Token) -> bool:
    """Whom one stabs in the back only in words: the speaker's side ("us", "me") or a state or a
    body ("stabbed Turkey in the back"); a person may be stabbed with a knife."""
    return obj.lower_ in ("us", "me") or obj.ent_type_ in ("GPE", "ORG", "NORP")


def _topics_on_opponent(prep: Token) -> list[Token]:
    """The 'over' or 'about' phrases hung on the opponent a preposition introduces ("with allies
    over steel"); not 'on', which there most often says where ("with police on the border")."""
    return [x for g in prep.children if g.dep_ == "pobj" for x in g.children
            if x.dep_ == "prep" and x.lower_ in DISPUTE_TOPIC_PREPS - {"on"}]


def _topic_prep(prep: Token, fight: Token) -> bool:
    """Whether 'over', 'about' or 'on' introduces what a quarrel is about: a clause ("over how
    the House should act") or a noun that is not a place, a time or the fight itself ("clashed
    over the budget", not "clashed on the border", "fought over the weekend")."""
    for g in prep.children:
        if g.dep_ == "pcomp":
            return True
        if g.dep_ != "pobj" or g.i == fight.i or g.pos_ not in ("NOUN", "PROPN"):
            continue
        if g.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or _lemma(g) in DISPUTE_WORDS:
            continue
        if prep.lower_ != "on" or _lemma(g) not in PLACE_NOUNS:
            return True
    return False


def _abstract(lex: Lexicon, g: Token) -> bool:
    """A common noun that names a cause or a thing, not a party or a place: "votes", "inflation",
    "the new law" (not "the rebels", "invaders", "control of Bakhmut")."""
    if g.pos_ != "NOUN" or g.ent_type_ or _lemma(g) in lex.actor_nouns or _lemma(g) in VIOLENCE_WORDS:
        return False
    if g.tag_ == "NNS" and g.lower_.endswith(AGENT_SUFFIXES):
        return False
    return not any(w.ent_type_ in ("GPE", "LOC", "FAC") for w in g.subtree)


def _verbal_setting(t: Token, clause: Token) -> bool:
    """Whether the fight is set in talk: "during the debate", "in an interview", "publicly". Only
    its own phrases count, so an attribution ("..., the ministry said in a statement") does not."""
    for h in {t.i: t, clause.i: clause}.values():
        for c in h.children:
            words = [g for g in c.children if g.dep_ == "pobj"] if c.lower_ in SETTING_PREPS else []
            if c.dep_ == "advmod":
                words.append(c)
            if any(VERBAL_SETTINGS & {w.lower_, _lemma(w)} for w in words):
                return True
    return False


def _parties(t: Token) -> list[Token]:
    """The sides of a fight word: its subject, possessor or object and its 'with'/'between' objects."""
    out = [c for c in t.children if c.dep_ in ("nsubj", "poss", "dobj")]
    out += [
        g
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return out + [x for p in out for x in p.conjuncts]


def _talking(p: Token) -> bool:
    """A named person or someone whose trade is talk and votes (reporters, candidates, ministers)."""
    return p.ent_type_ == "PERSON" or p.lower_ in ("he", "she") or _lemma(p) in TALKING_PARTIES


def partner_after_object(obj: Token | None) -> bool:
    """'discussed the crossing with Halvorsen': the parser hangs the partner on the object."""
    return obj is not None and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
        for c in obj.children
    )


def _plural_subject(subjects: list[Token]) -> bool:
    """Several parties as subject: coordinated, plural pronoun or plural noun ('both sides')."""
    for s in subjects:
        if s.lower_ in PLURAL_PRONOUNS or any(c.dep_ == "conj" for c in s.children):
            return True
        if s.tag_ in ("NNS", "NNPS") and s.pos_ == "NOUN":
            return True
    return False


def classify_adjective(lex: Lexicon, t: Token) -> Trigger | None:
    """'willing to', 'ready to', 'committed to': a commitment (AGREE) to its complement."""
    if t.pos_ != "ADJ" and t.tag_ != "VBN":
        return None
    if _lemma(t) not in lex.commit_adjectives and t.lower_ not in lex.commit_adjectives:
        return None
    if not any(_commits_to(lex, c) for c in t.children):
        return None
    return Trigger("AGREE", None, "adj", t.i, None, t.i, t.i + 1, "commit")


def _commits_to(lex: Lexicon, c: Token) -> bool:
    """The complement of a readiness adjective that makes it a commitment: an event that is not
    hostile ("ready to resume talks", "committed to a ceasefire"); not "prepared to shoot", "ready to
    be commander", "prepared at the ministry", "committed to the recovery of the region"."""
    if c.dep_ == "prep":
        if c.lower_ != "to":
            return False
        c = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), c)
        if c.pos_ in ("NOUN", "PROPN"):
            noun = noun_entry(lex, c)
            return noun is not None and noun[0] not in HOSTILE_TYPES
    elif c.dep_ not in ("xcomp", "ccomp"):
        return False
    if c.pos_ not in ("VERB", "AUX"):
        return False
    event = classify_verb(lex, c)
    return event is not None and event.type not in HOSTILE_TYPES


def classify_token(lex: Lexicon, t: Token) -> Trigger | None:
    """The trigger a token starts, if any: verbs and adjectives here, event nouns in the caller."""
    if t.dep_ in ("amod", "compound", "nmod"):
        return None  # "EU-mediated meeting": a modifier of the event noun, read with it
    found = None
    if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")):
        found = classify_verb(lex, t)
    if found is None and t.pos_ in ("ADJ", "VERB"):
        found = classify_adjective(lex, t)
    return found
