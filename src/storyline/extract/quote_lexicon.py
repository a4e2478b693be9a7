"""Word lists for quote extraction: speech verbs, channels, platforms, pronouns.

Kept apart from the rules so the evaluation can name the same speech verbs when it decides which
gold attributions count as speech (evaluate/quotes.py).
"""

from __future__ import annotations

# Lemmas of verbs that report what someone said or wrote (communication verbs). Verbs of thought
# (think, believe, want) are attributions too, but not statements on record, so they are left out.
SPEECH_VERBS = frozenset({
    "accuse", "acknowledge", "add", "admit", "advise", "agree", "allege", "announce", "answer",
    "argue", "ask", "assert", "assure", "beg", "blame", "blast", "boast", "brand", "brief", "call",
    "caution", "characterise", "characterize", "charge", "cite", "claim", "clarify", "comment",
    "complain", "concede", "conclude", "condemn", "confirm", "contend", "continue", "counter",
    "criticise", "criticize", "declare", "decry", "defend", "demand", "deny", "describe", "disclose",
    "dismiss", "dub", "emphasise", "emphasize", "estimate", "explain", "highlight", "hint",
    "implore", "indicate", "inform", "insist", "instruct", "joke", "label", "lament", "maintain",
    "mention", "mock", "muse", "note", "observe", "order", "plead", "pledge", "point", "portray",
    "post", "praise", "predict", "proclaim", "promise", "propose", "quip", "quote", "read",
    "reaffirm", "recall", "reckon", "recount", "reiterate", "reject", "remark", "remind", "repeat",
    "reply", "report", "request", "respond", "retort", "reveal", "say", "scream", "shout", "signal",
    "slam", "speculate", "state", "stress", "suggest", "tell", "testify", "threaten", "tout", "tweet",
    "underline", "unveil", "urge", "vow", "warn", "welcome", "wonder", "write", "yell",
})
# Verbs of the manner of speaking that attribute a quote next to them (“Go home,” he barked) but
# seldom report a clause, so they are cues for direct quotes only; kept out of SPEECH_VERBS, which
# also decides what the evaluation counts as speech.
QUOTE_ONLY_VERBS = frozenset({
    "bark", "snap", "chant", "exclaim", "interject", "echo", "gush", "scoff", "sneer", "snarl",
    "murmur", "mutter", "whisper", "cry", "thunder", "chime", "holler", "growl", "sigh", "laugh",
})
# Verbs that attribute a quote only with the particle "back" (“Never,” she shot back).
RETORT_VERBS = frozenset({"shoot", "fire", "hit", "push"})
RETORT_PARTICLE = "back"
# Verbs that attribute a quote only with this object, the two words being the cue: "as Lunde put
# it, “...”", "Lunde put it: “...”". Not speech verbs: "put it on the table" says nothing.
PHRASE_CUES = {"put": "it"}
# Speech verbs whose object is what was said: "announced a plan", "denied the charges".
OBJECT_VERBS = frozenset({"announce", "propose", "deny", "acknowledge", "recall", "mention", "demand",
                          "pledge", "promise", "decry", "condemn", "reject", "dismiss", "welcome",
                          "defend", "predict", "reiterate", "concede", "admit", "confirm", "unveil",
                          "report"})
# "called him a liar", "called it “arbitrary”": the object and what it was called.
NAMING_VERBS = frozenset({"call", "label", "dub", "brand"})
# "described the impact as “horrendous”".
AS_VERBS = frozenset({"describe", "characterize", "characterise", "portray"})
# Speech verbs that take the addressee as object and the message as a clause or infinitive:
# "told reporters that ...", "urged Congress to ...".
ADDRESSEE_VERBS = frozenset({"tell", "ask", "urge", "warn", "inform", "assure", "advise", "order",
                             "instruct", "remind", "brief", "beg", "implore", "promise"})
# Speech verbs whose message can be an infinitive with the speaker as its subject: "vowed to
# rebuild", "claimed to have taken", "threatened to send troops".
INFINITIVE_VERBS = frozenset({"claim", "vow", "threaten", "pledge", "promise"})
# Speech verbs whose message can be what a preposition introduces: "warned of a catastrophe",
# "warned against a rushed vote".
TOPIC_PREPS: dict[str, frozenset[str]] = {"warn": frozenset({"of", "against", "about"})}
# Speech verbs whose message is "X of/for doing": "accused Kurti of repressing ...".
CHARGE_VERBS = {"accuse": "of", "mock": "for", "criticize": "for", "criticise": "for", "praise": "for",
                "blame": "for", "slam": "for", "blast": "for", "charge": "with"}
# Speech verbs that report speech only with a "that" clause or a quote: "maintained that ..."
# but "maintain a safe environment", "indicates the need ...".
THAT_VERBS = frozenset({"maintain", "indicate", "signal", "estimate", "hold", "point", "order", "request",
                        "repeat"})
# Nouns after "according to" that are rules, not sources: "according to their respective roles".
NOT_SOURCES = frozenset({"rule", "role", "plan", "law", "schedule", "procedure", "tradition", "standard",
                         "principle", "guideline", "protocol", "regulation", "constitution", "custom",
                         "instruction", "need", "size", "age", "type", "order", "design"})
# Cues that name their platform themselves.
PLATFORM_CUES = {"tweet": "X"}
# Occasions and documents a statement is made in or at: "in a statement", "at a press conference".
CHANNEL_NOUNS = frozenset({
    "statement", "interview", "conference", "briefing", "speech", "address", "post", "tweet",
    "letter", "op-ed", "column", "article", "editorial", "release", "video", "message", "email",
    "rally", "debate", "hearing", "meeting", "event", "podcast", "broadcast", "show", "program",
    "programme", "appearance", "remarks", "testimony", "memo", "report", "announcement",
    "session", "forum", "summit", "town", "call", "media", "television", "radio", "tv", "newspaper",
    "blog", "book", "note", "communique", "communiqué", "declaration", "readout", "transcript",
    "ad", "advert", "advertisement", "commercial", "spot", "clip", "piece", "phone", "telephone",
})
# Texts that "say" things without being a channel noun: never what "he" or "she" refers to.
TEXT_NOUNS = frozenset({"account", "document", "paper", "study", "survey", "poll", "filing", "complaint",
                        "lawsuit", "ruling", "order", "bill", "proposal", "plan", "agreement", "law",
                        "resolution", "draft", "text", "page", "website", "site", "sign", "banner",
                        "leaflet", "flyer", "flier", "pamphlet", "notice", "label", "campaign",
                        "assessment", "analysis", "review"})
# Of those, the ones that need a qualifier to name a channel ("social media", not "media").
BARE_CHANNEL_NOUNS = frozenset({"media", "television", "radio", "tv", "newspaper"})
# Nouns for an outlet when a speaker "told" it: "told Serbian media" (a bare "told reporters"
# names no channel).
MEDIA_NOUNS = frozenset({"media", "outlet", "outlets", "newspaper", "daily", "broadcaster", "television",
                         "radio", "agency", "magazine", "channel", "network", "press", "station",
                         "paper", "website", "portal", "tv"})
# Words that news outlets put in their names ("the Kasgrad Herald", "Radio Norrvik", "USA Today"):
# a proper name with one is an outlet whatever type NER gave it (it often tags them PERSON or FAC).
OUTLET_NAME_WORDS = frozenset({
    "herald", "times", "post", "today", "observer", "voice", "wire", "journal", "gazette", "tribune",
    "courier", "daily", "news", "radio", "tv", "television", "press", "dispatch", "chronicle", "ledger",
    "telegraph", "mirror", "guardian", "independent", "standard", "express", "monitor", "bulletin",
    "inquirer", "examiner", "sentinel", "register", "newspaper", "magazine", "broadcasting", "reuters",
    "agency", "weekly", "globe", "financial", "economist", "channel", "network",
})
