"""Word lists for quote extraction: speech verbs, channels, platforms, pronouns.

Kept apart from the rules so the evaluation can name the same speech verbs when it decides which
gold attributions count as speech (evaluate/quotes.py).
"""

from __future__ import annotations

# Lemmas of verbs that report what someone said or wrote (communication verbs). Verbs of thought
# (think, believe, want) are attributions too, but not statements on record, so they are left out.
SPEECH_VERBS = frozenset({
    "say", "tell", "write", "add", "note", "stress", "emphasize", "emphasise", "claim", "argue",
    "announce", "ask", "explain", "insist", "warn", "state", "declare", "report", "reply", "respond",
    "answer", "acknowledge", "admit", "suggest", "accuse", "deny", "confirm", "predict", "promise",
    "vow", "pledge", "tweet", "post", "comment", "remark", "mention", "underline", "reiterate",
    "recall", "conclude", "urge", "complain", "contend", "maintain", "assert", "allege", "concede",
    "charge", "counter", "retort", "caution", "boast", "reveal", "disclose", "observe", "testify",
    "inform", "assure", "quip", "joke", "shout", "yell", "scream", "tout", "proclaim", "lament",
    "demand", "propose", "threaten", "hint", "speculate", "estimate", "recount", "indicate",
    "signal", "repeat", "agree", "blast", "slam", "criticize", "criticise", "praise", "tell",
    "reaffirm", "highlight", "point", "describe", "continue", "acknowledge", "brief", "wonder",
    "predict", "complain", "insist", "declare", "reckon", "muse", "clarify", "advise", "order",
    "instruct", "request", "plead", "beg", "implore", "cite", "quote", "dismiss", "decry", "welcome",
})
# Speech verbs that take the addressee as object and the message as a clause or infinitive:
# "told reporters that ...", "urged Congress to ...".
ADDRESSEE_VERBS = frozenset({"tell", "ask", "urge", "warn", "inform", "assure", "advise", "order",
                             "instruct", "remind", "brief", "beg", "implore", "promise"})
# Speech verbs whose message is "X of/for doing": "accused Kurti of repressing ...".
CHARGE_VERBS = {"accuse": "of", "criticize": "for", "criticise": "for", "praise": "for",
                "blame": "for", "thank": "for", "slam": "for", "blast": "for", "fault": "for",
                "credit": "with", "charge": "with"}
# Speech verbs that report speech only with a "that" clause or a quote: "maintained that ..."
# but "maintain a safe environment", "indicates the need ...".
THAT_VERBS = frozenset({"maintain", "indicate", "signal", "estimate", "hold", "point", "order", "request",
                        "repeat"})
# Nouns after "according to" that are rules, not sources: "according to their respective roles".
NOT_SOURCES = frozenset({"rule", "role", "plan", "law", "schedule", "procedure", "tradition", "standard",
                         "principle", "guideline", "protocol", "regulation", "constitution", "custom",
                         "instruction", "need", "size", "age", "type", "order", "design"})
# Speech verbs that are too often something else to stand without a clause or a quote:
# "continued to grow", "added a clause", "point" alone.
WEAK_VERBS = frozenset({"add", "continue", "point", "post", "cite", "quote", "order", "request",
                        "welcome", "dismiss", "describe", "praise", "criticize", "criticise",
                        "slam", "blast", "signal", "indicate", "estimate", "repeat", "agree"})

# Social platforms, by folded surface form, with the one name storyline reports. Twitter was
# renamed X in 2023: one channel, one name, so `--channel X` finds posts from before and after.
PLATFORMS = {
    "x": "X", "twitter": "X", "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok",
    "telegram": "Telegram", "youtube": "YouTube", "linkedin": "LinkedIn", "threads": "Threads",
    "bluesky": "Bluesky", "truth social": "Truth Social", "weibo": "Weibo", "reddit": "Reddit",
    "snapchat": "Snapchat", "whatsapp": "WhatsApp", "mastodon": "Mastodon", "vk": "VK",
}
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
})
# Of those, the ones that need a qualifier to name a channel ("social media", not "media").
BARE_CHANNEL_NOUNS = frozenset({"media", "television", "radio", "tv", "newspaper"})
# Nouns for an outlet when a speaker "told" it: "told Serbian media" (a bare "told reporters"
# names no channel).
MEDIA_NOUNS = frozenset({"media", "outlet", "outlets", "newspaper", "daily", "broadcaster", "television",
                         "radio", "agency", "magazine", "channel", "network", "press", "station",
                         "paper", "website", "portal", "tv"})

# Entity types that can speak; GPE covers "Serbia said", NORP "the Serbs said".
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
