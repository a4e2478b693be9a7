"""Quotes: quotation marks, reported speech, speakers, channels, dates, and the PolNeAR floor.

Three depths: the rules on text and hand-built parses (fast); the real model on fictional
sentences written for these tests (marked `model`); the PolNeAR floor on part of the dev split
(marked `data` and `model`). Every sentence here is invented; no article text is copied.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from conftest import files_digest
from storyline.evaluate.quotes import (
    GoldAttribution,
    GoldDocument,
    Predicted,
    format_report,
    read_brat,
    score,
)
from storyline.extract.quote_marks import UNCLOSED_MAX_CHARS, find_quote_spans
from storyline.extract.quote_mentions import simple_entities
from storyline.extract.quotes import extract_quotes
from storyline.genders import person_genders, pronoun_agrees, title_gender
from storyline.model import Article, DateValue, Entity, Mention, Quote, TimeExpr, article_id, short_hash
from storyline.resolve.speakers import fold, surname

FLOORS = Path(__file__).resolve().parent / "floors" / "quotes.json"


def _article(text: str, published: str | None = None) -> Article:
    return Article(id=article_id(text), text=text, origin="test", published=published)


def _quoted(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


# --------------------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(("text", "expected"), [
    ("She said “we will stay” and left.", "“we will stay”"),
    ('She said "we will stay" and left.', '"we will stay"'),
    ("She said ‘we will stay’ and left.", "‘we will stay’"),
    ("Elle a dit « nous restons » hier.", "« nous restons »"),
    ("Er sagte „wir bleiben“ gestern.", "„wir bleiben“"),
    ("Han sagde »vi bliver« i går.", "»vi bliver«"),
    ("She said ”we will stay” and left.", "”we will stay”"),
    ("She said “we will stay“ and left.", "“we will stay“"),
    ("She said ``we will stay'' and left.", "``we will stay''"),
    ("She said ''we will stay'' and left.", "''we will stay''"),
])
def test_quotes_marks_every_style(text: str, expected: str) -> None:
    assert _quoted(text) == [expected]


def test_quotes_marks_ignore_apostrophes() -> None:
    assert _quoted("The mayor’s aides don’t recall the ’90s or O’Hara’s plan.") == []
    assert _quoted("She called it ‘the voters’ choice’ yesterday.") == ["‘the voters’ choice’"]


def test_quotes_marks_nested_quote_stays_inside() -> None:
    text = "He wrote: “She told me “never” twice and ‘no’ once.” Then he left."
    assert _quoted(text) == ["“She told me “never” twice and ‘no’ once.”"]


def test_quotes_marks_split_by_attribution() -> None:
    assert _quoted("“We are ready,” she said. “Are they?”") == ["“We are ready,”", "“Are they?”"]


def test_quotes_marks_run_over_paragraphs() -> None:
    text = "She said:\n\n“The first part.\n\n“The second part,” she added.\n\nThe end."
    assert _quoted(text) == ["“The first part.\n\n“The second part,”"]


def test_quotes_marks_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "She said: “We will stay and fight.\n\nThe council met on Friday. It voted."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert not spans[0].closed
    assert text[spans[0].start:spans[0].end] == "“We will stay and fight."


def test_quotes_marks_unclosed_quote_never_swallows_the_rest() -> None:
    body = "The harbour will reopen in May. " * 400  # one paragraph, 12,800 characters
    text = f"She said: “{body}And nobody closed the quote."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].end - spans[0].start <= UNCLOSED_MAX_CHARS
    assert text[spans[0].end - 1] == "."  # cut at a sentence end


def test_quotes_marks_long_closed_quote_kept_whole() -> None:
    body = "x" * 10_000
    text = f"She said “{body}” and left."
    spans = find_quote_spans(text)
    assert [(s.start, s.end) for s in spans] == [(9, 9 + len(body) + 2)]


def test_quotes_marks_unbalanced_never_crash() -> None:
    for text in ("”", "“", "“”“", "\"", "''", "``", "” a “ b ” c “", "‘’‘", "«", "»«»", ""):
        for s in find_quote_spans(text):
            assert 0 <= s.start < s.end <= len(text)


# --------------------------------------------------------------------------- names


def test_quotes_fold_and_surname() -> None:
    assert fold("Sørensen") == fold("Sorensen") == "sorensen"
    assert surname("Ana Petrović") == "petrovic"
    assert surname("Sanders’") == "sanders"


# --------------------------------------------------------------------------- rules on hand-built parses


def _doc(words: list[str], spaces: list[bool], heads: list[int], deps: list[str], pos: list[str],
         lemmas: list[str], ents: list[str], tags: list[str] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas, ents=ents, tags=tags)


def test_quotes_indirect_speech_on_a_hand_built_parse() -> None:
    doc = _doc(
        words=["Mira", "Holt", "said", "the", "harbour", "will", "reopen", "."],
        spaces=[True, True, True, True, True, True, False, False],
        heads=[1, 2, 2, 4, 6, 6, 2, 2],
        deps=["compound", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
        pos=["PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        lemmas=["Mira", "Holt", "say", "the", "harbour", "will", "reopen", "."],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
    )
    article = _article(doc.text, published="2031-04-02")
    mentions, entities = simple_entities(doc, article)
    [q] = extract_quotes(doc, article, mentions, entities, [])
    assert (q.kind, q.text, q.cue) == ("indirect", "the harbour will reopen", "said")
    assert q.speaker is not None
    assert q.speaker.name == "Mira Holt"
    assert doc.text[q.speaker_start:q.speaker_end] == "Mira Holt"
    assert q.id == short_hash(article.id, q.start, q.end)
    assert q.date == DateValue("2031-04-02", "2031-04-02", "2031-04-02", "day")


def test_quotes_direct_with_pronoun_on_a_hand_built_parse() -> None:
    # Mira Holt arrived. “We won,” she said.
    doc = _doc(
        words=["Mira", "Holt", "arrived", ".", "“", "We", "won", ",", "”", "she", "said", "."],
        spaces=[True, True, False, True, False, True, False, False, True, True, False, False],
        heads=[1, 2, 2, 2, 6, 6, 10, 6, 6, 10, 10, 10],
        deps=["compound", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct", "punct", "nsubj",
              "ROOT", "punct"],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB",
             "PUNCT"],
        lemmas=["Mira", "Holt", "arrive", ".", "“", "we", "win", ",", "”", "she", "say", "."],
        ents=["B-PERSON", "I-PERSON"] + ["O"] * 10,
    )
    article = _article(doc.text)
    mentions, entities = simple_entities(doc, article)
    [q] = extract_quotes(doc, article, mentions, entities, [])
    assert (q.kind, q.text, q.cue) == ("direct", "We won", "said")
    assert q.speaker is not None
    assert q.speaker.name == "Mira Holt"
    assert doc.text[q.speaker_start:q.speaker_end] == "she"
    assert q.date is None  # no time expression, no publication day


def test_quotes_gender_words() -> None:
    assert [title_gender(w) for w in ("Mr.", "Mrs", "Ms.", "Queen", "wife", "spokeswoman")] == [
        "male", "female", "female", "female", "female", "female"]
    assert title_gender("chairman") is None  # news writes it for women too
    assert pronoun_agrees("She", "female")
    assert not pronoun_agrees("he", "female")
    assert pronoun_agrees("he", None)
    assert pronoun_agrees("they", "male")


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "tags", "expected"), [
    # Holt said he would stay.
    (["Holt", "said", "he", "would", "stay", "."], [1, 1, 4, 4, 1, 1],
     ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"], ["PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"],
     ["NNP", "VBD", "PRP", "MD", "VB", "."], "male"),
    # Holt defended her record.
    (["Holt", "defended", "her", "record", "."], [1, 1, 3, 1, 1],
     ["nsubj", "ROOT", "poss", "dobj", "punct"], ["PROPN", "VERB", "PRON", "NOUN", "PUNCT"],
     ["NNP", "VBD", "PRP$", "NN", "."], "female"),
    # Mrs. Holt arrived.
    (["Mrs.", "Holt", "arrived", "."], [1, 2, 2, 2],
     ["compound", "nsubj", "ROOT", "punct"], ["PROPN", "PROPN", "VERB", "PUNCT"],
     ["NNP", "NNP", "VBD", "."], "female"),
    # Holt told Dunn he would stay: "he" may be either of them.
    (["Holt", "told", "Dunn", "he", "would", "stay", "."], [1, 1, 1, 5, 5, 1, 1],
     ["nsubj", "ROOT", "dobj", "nsubj", "aux", "ccomp", "punct"],
     ["PROPN", "VERB", "PROPN", "PRON", "AUX", "VERB", "PUNCT"], ["NNP", "VBD", "NNP", "PRP", "MD", "VB", "."],
     None),
    # Holt praised her: an object pronoun is someone else.
    (["Holt", "praised", "her", "."], [1, 1, 1, 1],
     ["nsubj", "ROOT", "dobj", "punct"], ["PROPN", "VERB", "PRON", "PUNCT"], ["NNP", "VBD", "PRP", "."], None),
])
def test_quotes_gender_from_the_article_on_hand_built_parses(
        words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str],
        expected: str | None) -> None:
    holt = words.index("Holt")
    doc = _doc(words, [True] * (len(words) - 2) + [False, False], heads, deps, pos,
               [w.lower() for w in words], ["O"] * len(words), tags)
    people = [(holt, holt + 1, "holt")] + [(i, i + 1, "dunn") for i, w in enumerate(words) if w == "Dunn"]
    genders = person_genders(doc, people, {"holt": "Holt", "dunn": "Dunn"})
    assert genders.get("holt") == expected


# --------------------------------------------------------------------------- evaluation


def test_quotes_read_brat_with_fragments() -> None:
    ann = ("T1\tSource 0 4\tMira\nT2\tCue 5 9\tsaid\nT3\tContent 10 14;20 24\tabcd efgh\n"
           "T4\tAttribution 5 9\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
           "#1\tAnnotatorNotes T3\ta note\n")
    [g] = read_brat(ann)
    assert g == GoldAttribution(content=((10, 14), (20, 24)), cue=((5, 9),), source=((0, 4),))


def test_quotes_score_matches_by_shared_words() -> None:
    text = ("Mira said “the harbour will reopen in May” on Friday. The council met again on Saturday and the "
            "mayor spoke at length about the budget.")
    doc = spacy.blank("en")(text)
    content = (text.index("“"), text.index("”") + 1)
    gold = GoldDocument("g", text, None, (GoldAttribution((content,), ((5, 9),), ((0, 4),)),))
    right = Predicted(content=(content[0] + 1, content[1] - 1), cue=(5, 9), speaker=(0, 4),
                      speaker_name="Mira")
    too_long = Predicted(content=(0, len(text)), cue=(5, 9))
    figures = score([(doc, gold, [right])])
    assert figures["content_f1"] == figures["cue_f1"] == figures["speaker_accuracy"] == 1.0
    worse = score([(doc, gold, [too_long])])
    assert worse["content_precision"] == 0.0
    assert worse["content_recall"] == 0.0
    assert "content" in format_report(figures)


# --------------------------------------------------------------------------- the real model


def _quotes(nlp: Language, text: str, published: str | None = None,
            timexes: tuple[TimeExpr, ...] | None = ()) -> list[Quote]:
    """The quotes of a text, given its time expressions (None: the time tagger's own)."""
    from storyline.extract.entities import extract_entities
    from storyline.extract.time import extract_timexes

    doc = nlp(text)
    article = _article(text, published)
    mentions, entities = extract_entities(doc, article)
    times = extract_timexes(doc, article) if timexes is None else list(timexes)
    return extract_quotes(doc, article, mentions, entities, times)


def _one(quotes: list[Quote], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, [(q.text, q.kind) for q in quotes]
    return hits[0]


@pytest.mark.model
@pytest.mark.parametrize(("opening", "closing"), [
    ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("”", "”"), ("``", "''"),
])
def test_quotes_model_each_quotation_style(nlp: Language, opening: str, closing: str) -> None:
    text = (f"Ingrid Valdemar runs the port authority of Lysholm. {opening}The new cranes will arrive before "
            f"the winter storms,{closing} Valdemar said on Thursday.")
    q = _one(_quotes(nlp, text), "The new cranes will arrive before the winter storms")
    assert q.kind == "direct"
    assert q.cue == "said"
    assert q.speaker is not None
    assert q.speaker.name == "Ingrid Valdemar"


@pytest.mark.model
def test_quotes_model_split_quote_keeps_its_speaker(nlp: Language) -> None:
    text = ("Ingrid Valdemar runs the port authority of Lysholm. “The cranes are late,” she said. "
            "“But the ferries will keep sailing until the spring.”")
    quotes = _quotes(nlp, text)
    first = _one(quotes, "The cranes are late")
    second = _one(quotes, "But the ferries will keep sailing")
    assert first.speaker == second.speaker
    assert first.speaker is not None
    assert first.speaker.name == "Ingrid Valdemar"
    assert text[first.speaker_start:first.speaker_end] == "she"


@pytest.mark.model
def test_quotes_model_he_said_resolves_to_the_last_speaker(nlp: Language) -> None:
    text = ("Tomas Edlund, the mayor of Brekka, met the transport minister on Monday. "
            "Edlund said the town could not wait another year for the bridge. "
            "He added that the council would borrow the money if it had to.")
    q = _one(_quotes(nlp, text), "the council would borrow the money")
    assert q.kind == "indirect"
    assert q.cue == "added"
    assert q.speaker is not None
    assert q.speaker.name == "Tomas Edlund"
    assert text[q.speaker_start:q.speaker_end] == "He"


@pytest.mark.model
@pytest.mark.parametrize(("pronoun", "speaker"), [("She", "Smith"), ("He", "Brown")])
def test_quotes_model_pronoun_skips_a_person_of_the_other_gender(nlp: Language, pronoun: str, speaker: str,
                                                                 ) -> None:
    text = f"Mr. Brown met Ms. Smith on Monday. {pronoun} said the port would reopen in the spring."
    q = _one(_quotes(nlp, text), "the port would reopen")
    assert q.speaker is not None
    assert q.speaker.name == speaker
    assert text[q.speaker_start:q.speaker_end] == pronoun


@pytest.mark.model
@pytest.mark.parametrize("pronoun", ["She", "He"])
def test_quotes_model_pronoun_of_unknown_gender_takes_the_subject(nlp: Language, pronoun: str) -> None:
    # Nothing in the text says who is a man or a woman, and no list of first names is consulted:
    # either pronoun takes the sentence subject, as before gender was read.
    text = f"Mary Smith met John Brown. {pronoun} said the port would reopen in the spring."
    q = _one(_quotes(nlp, text), "the port would reopen")
    assert q.speaker is not None
    assert q.speaker.name == "Mary Smith"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # "he" bound by "Hansen said he ..." makes Hansen a man, so "She" passes over him.
    "Laura Mills met Peter Hansen in Brekka on Monday. Hansen said he would pay for the new bridge. "
    "She said the ferry would keep sailing.",
    # Mr. Peter Olsen makes Peter a man's name in this article, so Peter Hansen is one too.
    "Mr. Peter Olsen retired last year. On Monday, Peter Hansen met Laura Mills in Brekka. "
    "She said the ferry would keep sailing.",
])
def test_quotes_model_gender_read_from_the_article(nlp: Language, text: str) -> None:
    q = _one(_quotes(nlp, text), "the ferry would keep sailing")
    assert q.speaker is not None
    assert q.speaker.name == "Laura Mills"


@pytest.mark.model
def test_quotes_model_title_resolves_to_the_titled_person(nlp: Language) -> None:
    text = ("The talks brought together Norland's chief negotiator Arvid Lunde and the mediator. "
            "The Norlandic negotiator said afterwards that the meeting had been useful.")
    q = _one(_quotes(nlp, text), "the meeting had been useful")
    assert q.speaker is not None
    assert q.speaker.name == "Arvid Lunde"


@pytest.mark.model
@pytest.mark.parametrize(("attribution", "channel"), [
    ("Valdemar wrote on X", "X"),
    ("Valdemar wrote on social media platform X", "X"),
    ("Valdemar posted on Instagram", "Instagram"),
    ("Valdemar told the Lysholm Courier, a regional daily", "Lysholm Courier"),
    ("Valdemar said in an interview with Radio Norrvik", "Radio Norrvik"),
    ("Valdemar said at a press conference", "press conference"),
    ("Valdemar said in a statement", "statement"),
    ("Valdemar said", None),
])
def test_quotes_model_channel(nlp: Language, attribution: str, channel: str | None) -> None:
    text = ("Ingrid Valdemar runs the port authority of Lysholm. “The new cranes will arrive before the "
            "winter "
            f"storms,” {attribution}.")
    q = _one(_quotes(nlp, text), "The new cranes will arrive")
    assert q.channel == channel
    assert q.speaker is not None
    assert q.speaker.name == "Ingrid Valdemar"


@pytest.mark.model
def test_quotes_model_relayed_by_media(nlp: Language) -> None:
    text = ("Ingrid Valdemar runs the port authority of Lysholm. “The cranes are late,” Valdemar said, "
            "as quoted by Norlandic media.")
    q = _one(_quotes(nlp, text), "The cranes are late")
    assert q.channel is not None
    assert "Norlandic media" in q.channel


@pytest.mark.model
def test_quotes_model_mixed_quote(nlp: Language) -> None:
    text = ("Arvid Lunde met the envoy in Varby. Lunde, for his part, said the envoy had “a sober plan for "
            "the "
            "harbour dispute” but noted that no date was set.")
    quotes = _quotes(nlp, text)
    q = _one(quotes, "a sober plan for the harbour dispute")
    assert q.kind == "mixed"
    assert q.text.startswith("the envoy had")
    assert q.speaker is not None
    assert q.speaker.name == "Arvid Lunde"
    noted = _one(quotes, "no date was set")
    assert noted.kind == "indirect"
    assert noted.speaker == q.speaker


@pytest.mark.model
def test_quotes_model_according_to(nlp: Language) -> None:
    text = ("The ferry service will resume in March, according to Ingrid Valdemar, who runs the port of "
            "Lysholm.")
    q = _one(_quotes(nlp, text), "The ferry service will resume in March")
    assert q.cue == "according to"
    assert q.speaker is not None
    assert q.speaker.name == "Ingrid Valdemar"


@pytest.mark.model
def test_quotes_model_accused_of(nlp: Language) -> None:
    text = "Arvid Lunde accused the harbour board of hiding the repair costs from the council."
    q = _one(_quotes(nlp, text), "hiding the repair costs")
    assert q.cue == "accused"
    assert q.speaker is not None
    assert q.speaker.name == "Arvid Lunde"


@pytest.mark.model
def test_quotes_model_date_from_the_governing_time_expression(nlp: Language) -> None:
    text = ("Ingrid Valdemar runs the port authority of Lysholm. “The cranes are late,” Valdemar wrote on X "
            "on "
            "March 3.")
    start = text.index("March 3")
    march = DateValue("2031-03-03", "2031-03-03", "2031-03-03", "day")
    timex = TimeExpr(article_id(text), start, start + len("March 3"), "March 3", "DATE", "2031-03-03",
                     date=march)
    q = _one(_quotes(nlp, text, published="2031-03-05", timexes=(timex,)), "The cranes are late")
    assert q.date == march
    q = _one(_quotes(nlp, text, published="2031-03-05"), "The cranes are late")
    assert q.date is not None
    assert q.date.value == "2031-03-05"


@pytest.mark.model
def test_quotes_model_a_statement_that_goes_on_with_the_last_is_of_its_day_and_channel(nlp: Language) -> None:
    text = ("Speaking on Sunday at a news conference in Lysholm, Harbour Minister Ingrid Valdemar said the "
            "ferries would run again. The minister added that the cranes were late. She also said the port "
            "would stay open. Tomas Korvel, the mayor, said the repairs were costly. He went on to say that the "
            "council would pay.")
    quotes = _quotes(nlp, text, "2031-03-05", timexes=None)
    for fragment in ("the ferries would run again", "the cranes were late", "the port would stay open"):
        q = _one(quotes, fragment)
        assert q.date is not None and q.date.value == "2031-03-02", fragment  # the Sunday before
        assert q.channel == "news conference", fragment
    # another speaker's statement is of no day the text gives, and neither is what he adds
    for fragment in ("the repairs were costly", "the council would pay"):
        q = _one(quotes, fragment)
        assert q.date is not None and q.date.value == "2031-03-05" and q.channel is None, fragment


@pytest.mark.model
def test_quotes_model_a_time_in_a_clause_on_the_speaker_dates_no_statement(nlp: Language) -> None:
    text = "“The cranes are late,” said Ingrid Valdemar, who left Lysholm on March 3."
    start = text.index("March 3")
    march = DateValue("2031-03-03", "2031-03-03", "2031-03-03", "day")
    timex = TimeExpr(article_id(text), start, start + len("March 3"), "March 3", "DATE", "2031-03-03",
                     date=march)
    q = _one(_quotes(nlp, text, published="2031-03-05", timexes=(timex,)), "The cranes are late")
    assert q.date is not None and q.date.value == "2031-03-05"  # she left on the 3rd, spoke on the 5th


@pytest.mark.model
def test_quotes_model_a_vague_time_dates_no_statement(nlp: Language) -> None:
    text = "Ingrid Valdemar now says the cranes are late."
    start = text.index("now")
    now = TimeExpr(article_id(text), start, start + 3, "now", "DATE", "PRESENT_REF")
    q = _one(_quotes(nlp, text, published="2031-03-05", timexes=(now,)), "the cranes are late")
    assert q.date is not None and q.date.value == "2031-03-05"  # the publication day, not PRESENT_REF


@pytest.mark.model
def test_quotes_model_unbalanced_and_unclosed_quotes(nlp: Language) -> None:
    text = ("Ingrid Valdemar said: “The cranes are late and the ferries are full.\n\n"
            "The council met on Friday. ” It voted “ twice ” and “ then stopped.\n\n"
            "Arvid Lunde said the vote was close.")
    quotes = _quotes(nlp, text)
    first_paragraph_end = text.index("\n\n")
    for q in quotes:
        assert q.end <= first_paragraph_end or q.start > first_paragraph_end
    assert _one(quotes, "The cranes are late").end <= first_paragraph_end
    assert _one(quotes, "the vote was close").speaker is not None


@pytest.mark.model
def test_quotes_model_ten_thousand_character_quote(nlp: Language) -> None:
    body = "The harbour will reopen when the new cranes arrive. " * 196
    text = f"Ingrid Valdemar said: “{body.strip()}”\n\nArvid Lunde said the vote was close."
    assert len(body) > 10_000
    quotes = _quotes(nlp, text)
    long = _one(quotes, "The harbour will reopen")
    assert long.kind == "direct"
    assert long.end < text.index("\n\n")
    assert _one(quotes, "the vote was close").start > long.end
    unclosed = f"Ingrid Valdemar said: “{body}Arvid Lunde said the vote was close."
    for q in _quotes(nlp, unclosed):
        assert q.end - q.start <= UNCLOSED_MAX_CHARS


@pytest.mark.model
def test_quotes_model_no_second_quote_from_an_unrealised_speech_verb(nlp: Language) -> None:
    text = "Tomas Edlund, the mayor of Brekka, said he would study the report before proposing a new budget."
    quotes = _quotes(nlp, text)
    assert [q.cue for q in quotes] == ["said"]
    assert "before proposing a new budget" in quotes[0].text


@pytest.mark.model
def test_quotes_model_nested_statement_made_is_kept_whole(nlp: Language) -> None:
    text = ("Lunde said the board still trusted the mayor, whom he described as “careful, honest and, frankly, "
            "too patient”.")
    described = next(q for q in _quotes(nlp, text) if q.cue == "described")
    assert described.text.endswith("too patient”")


@pytest.mark.model
def test_quotes_model_clause_before_a_semicolon_is_not_the_message(nlp: Language) -> None:
    q = _one(_quotes(nlp, "The board blamed the weather; Arvid Lunde accused it of poor planning."), "poor planning")
    assert q.cue == "accused"
    assert "weather" not in q.text
    assert q.speaker is not None
    assert q.speaker.name == "Arvid Lunde"


@pytest.mark.model
@pytest.mark.parametrize(("attribution", "second_cue", "second_speaker"), [
    ("Lunde said that the port would reopen in March “with the same crews and the same boats”, and accused the "
     "board of wasting a year.", "accused", "Arvid Lunde"),
    ("Lunde said that the board wanted the ferries “back by the spring”, while Valdemar insisted that the cranes "
     "must come first.", "insisted", "Ingrid Valdemar"),
])
def test_quotes_model_next_attribution_ends_the_reported_clause(nlp: Language, attribution: str, second_cue: str,
                                                                 second_speaker: str) -> None:
    text = f"Arvid Lunde met Ingrid Valdemar on Monday. {attribution}"
    quotes = _quotes(nlp, text)
    first = next(q for q in quotes if q.cue == "said")
    second = next(q for q in quotes if q.cue == second_cue)
    assert first.end <= second.start
    assert second_cue not in first.text
    assert second.speaker is not None
    assert second.speaker.name == second_speaker


@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker", "opening"), [
    ("VARBY, 3 March 2025 – The harbour master Arvid Lunde said that the ferries would run again in April.",
     "Arvid Lunde", "the ferries"),
    ("LYSHOLM, March 3 (Norland Wire) – The ferry service will resume in April, the port authority said.",
     "the port authority", "The ferry service"),
])
def test_quotes_model_dateline_is_neither_speaker_nor_content(nlp: Language, text: str, speaker: str,
                                                               opening: str) -> None:
    q = _one(_quotes(nlp, text), "April")
    assert q.text.startswith(opening)
    assert q.speaker is not None
    assert q.speaker.name == speaker


@pytest.mark.model
def test_quotes_model_told_an_outlet_whatever_its_entity_type(nlp: Language) -> None:
    text = "Ingrid Valdemar runs the port of Lysholm. “The cranes will arrive in May,” Valdemar told Brekka Today."
    doc = nlp(text)
    article = _article(text)
    mentions, entities = simple_entities(doc, article)
    outlet = text.index("Brekka Today")
    # NER often types an outlet's name as a person: the name itself says it is an outlet.
    mentions = [m for m in mentions if m.end <= outlet or m.start >= outlet + 12]
    mentions.append(Mention(article.id, outlet, outlet + 12, "Brekka Today", "PERSON", entity_id="brekka"))
    entities = [*entities, Entity(id="brekka", name="Brekka Today", type="PERSON")]
    q = _one(extract_quotes(doc, article, mentions, entities, []), "The cranes will arrive")
    assert q.channel == "Brekka Today"
    told = "Arvid Lunde runs the ferries. Lunde told Ingrid Valdemar that the cranes would arrive in May."
    assert _one(_quotes(nlp, told), "the cranes would arrive").channel is None


@pytest.mark.model
def test_quotes_model_pronoun_after_an_unnamed_speaker(nlp: Language) -> None:
    text = ("Arvid Lunde left the meeting early. A harbour board spokesman rejected the plan. "
            "“The numbers do not add up at all,” he said.")
    q = _one(_quotes(nlp, text), "The numbers do not add up")
    assert q.speaker is not None
    assert q.speaker.name == "A harbour board spokesman"
    assert q.speaker.entity_id is None


# --------------------------------------------------------------------------- seeds and PolNeAR


@pytest.mark.data
@pytest.mark.model
def test_quotes_seed_articles(nlp: Language, shared_data: Path) -> None:
    seeds = shared_data.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed folder {seeds} is absent")
    expected = {
        "000": [("Sorensen", "Hosted a long meeting of the Chief Negotiators", "X"),
                ("Petkovic", "We need to talk about the statute", None),
                ("Bislimi", "Next week he will send two of his closest people", "Koha Ditore"),
                ("Bislimi", "a clear vision on how to move things forward", None)],
        "003": [("Sorensen", "I welcomed Kosovo", "X"),
                ("Bislimi", "A trilateral meeting was expected", None)],
    }
    for prefix, checks in expected.items():
        [path] = sorted(seeds.glob(f"{prefix}_*.txt"))
        quotes = _quotes(nlp, path.read_text(encoding="utf-8"))
        for speaker, start, channel in checks:
            hits = [q for q in quotes if start in q.text and q.speaker is not None
                    and fold(speaker) in fold(q.speaker.name)]
            assert hits, f"{prefix}: no quote by {speaker}: {start}"
            if channel is not None:
                channels = [fold(q.channel or "") for q in hits]
                assert fold(channel) in channels, f"{prefix}: channel {channel}"


def _gold_digest(polnear: Path, split: str, names: list[str]) -> str:
    """SHA-256 over the text and attribution files a floor was measured on."""
    paths: list[Path] = []
    for name in names:
        paths += [polnear / split / "text" / f"{name}.txt",
                  *sorted((polnear / split / "attributions").glob(f"{name}_????.ann"))]
    return files_digest(paths)


@pytest.mark.data
@pytest.mark.model
def test_quotes_polnear_floor(shared_data: Path) -> None:
    from storyline.evaluate.quotes import evaluate, load_polnear

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    polnear = shared_data / "polnear"
    if not polnear.is_dir():
        pytest.skip(f"{polnear} is absent")
    names = [g.name for g in load_polnear(polnear, floors["split"], floors["limit"])]
    assert _gold_digest(polnear, floors["split"], names) == floors["gold_sha256"], (
        "the gold data under the floor changed: re-measure and re-pin tests/floors/quotes.json")
    figures = evaluate(polnear, floors["split"], floors["limit"])
    for key, floor in floors["floors"].items():
        assert figures[key] >= floor, f"{key} {figures[key]:.3f} fell under its floor {floor}"
    for key, ceiling in floors["ceilings"].items():
        assert figures[key] <= ceiling, f"{key} {figures[key]:.3f} rose over its ceiling {ceiling}"


@pytest.mark.model
@pytest.mark.parametrize("after", [
    "The foreign minister, Lena Dravic, said on Tuesday.",
    "Lena Dravic, who leads the delegation, later said.",
])
def test_quotes_model_speaker_named_in_the_next_sentence(nlp: Language, after: str) -> None:
    text = f"Talks in Vesk stalled again. “We will not sign this treaty in its present form.” {after}"
    q = _one(_quotes(nlp, text), "We will not sign this treaty")
    assert q.kind == "direct"
    assert q.cue == "said"
    assert q.speaker is not None
    assert q.speaker.name == "Lena Dravic"


@pytest.mark.model
def test_quotes_model_next_sentence_with_a_message_of_its_own_is_not_the_attribution(nlp: Language) -> None:
    text = ("Talks in Vesk stalled again. “We will not sign this treaty in its present form.” "
            "The foreign minister, Lena Dravic, said on Tuesday that the talks would resume in May.")
    quotes = _quotes(nlp, text)
    assert not [q for q in quotes if "We will not sign" in q.text and q.cue == "said"]
    assert _one(quotes, "the talks would resume").speaker is not None


@pytest.mark.model
def test_quotes_model_nested_closing_mark_keeps_the_sentence_going(nlp: Language) -> None:
    text = ("Arvid Lunde chairs the harbour board. “She told us, ‘The ferries will keep sailing all winter,’” "
            "Lunde said.")
    q = _one(_quotes(nlp, text), "The ferries will keep sailing")
    assert q.cue == "said"
    assert q.speaker is not None
    assert q.speaker.name == "Arvid Lunde"


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "cue"), [
    ("Most of the new ferries, she said on Tuesday, will be built in Lysholm.", "said"),
    ("If the council agrees, Valdemar said, most of the new ferries will be built in Lysholm.", "said"),
])
def test_quotes_model_attribution_set_inside_its_statement(nlp: Language, sentence: str, cue: str) -> None:
    text = f"Ingrid Valdemar runs the port authority of Lysholm. {sentence}"
    q = _one(_quotes(nlp, text), "will be built in Lysholm")
    assert q.kind == "indirect"
    assert q.cue == cue
    assert q.text.startswith(sentence.split(",")[0])  # both sides of the attribution
    assert q.speaker is not None
    assert q.speaker.name == "Ingrid Valdemar"


@pytest.mark.model
def test_quotes_model_attribution_inside_still_dates_the_statement(nlp: Language) -> None:
    text = ("Ingrid Valdemar runs the port authority of Lysholm. Most of the new ferries, she said on Tuesday, "
            "will be built here.")
    start = text.index("Tuesday")
    tuesday = DateValue("2031-03-04", "2031-03-04", "2031-03-04", "day")
    timex = TimeExpr(article_id(text), start, start + len("Tuesday"), "Tuesday", "DATE", "2031-03-04", date=tuesday)
    q = _one(_quotes(nlp, text, published="2031-03-06", timexes=(timex,)), "will be built here")
    assert q.date == tuesday


@pytest.mark.model
def test_quotes_model_lead_framing_a_quote_is_not_part_of_it(nlp: Language) -> None:
    text = ("Sheldon Vark spoke to donors. Asked what the party's nominee should be like, Vark said, "
            "“They have got to be able to win.”")
    q = _one(_quotes(nlp, text), "They have got to be able to win")
    assert q.kind == "direct"
    assert "Asked" not in q.text


@pytest.mark.model
@pytest.mark.parametrize(("attribution", "cue"), [
    ("the harbour master barked", "barked"),
    ("the dockers chanted", "chanted"),
    ("the harbour master shot back", "shot"),
])
def test_quotes_model_manner_of_speaking_attributes_a_quote(nlp: Language, attribution: str, cue: str) -> None:
    text = f"The strike at Lysholm entered its third week. “Nobody leaves this quay tonight,” {attribution}."
    q = _one(_quotes(nlp, text), "Nobody leaves this quay tonight")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.startswith(cue)


@pytest.mark.model
def test_quotes_model_manner_verb_with_its_own_object_attributes_nothing(nlp: Language) -> None:
    text = ("Arvid Lunde chairs the harbour board. “The ferries will keep sailing all winter.” "
            "Ingrid Valdemar echoed that promise on Monday.")
    assert not [q for q in _quotes(nlp, text) if q.cue == "echoed"]


@pytest.mark.model
def test_quotes_model_naming_oneself_is_no_statement(nlp: Language) -> None:
    text = ("The rebels held Lysholm for a year. “Most of us want to go home,” said Tarek Haddad, a fighter who "
            "called himself a farmer. “Many were tricked into joining.”")
    quotes = _quotes(nlp, text)
    assert all(q.cue != "called" for q in quotes), [(q.text, q.cue) for q in quotes]
    q = _one(quotes, "Many were tricked into joining")
    assert q.cue == "said"
    assert q.speaker is not None
    assert q.speaker.name == "Tarek Haddad"


@pytest.mark.model
def test_quotes_model_pronoun_skips_a_noun_a_participle_hangs_on(nlp: Language) -> None:
    text = ("Bram Olsen has given the council a hard fight with his rhetoric accusing it of wasting money. "
            "He did not say on Friday whether he would run again.")
    q = _one(_quotes(nlp, text), "whether he would run again")
    assert q.speaker is not None
    assert q.speaker.name == "Bram Olsen"


@pytest.mark.model
def test_quotes_model_an_age_noun_phrase_is_the_whole_speaker(nlp: Language) -> None:
    text = '"We will go on with the appeal," said the 26-year-old from Lindholm.'
    [q] = _quotes(nlp, text)
    assert q.speaker_start is not None and q.speaker_end is not None
    # the whole phrase, with whose the speaker is ("from Lindholm")
    assert text[q.speaker_start:q.speaker_end] == "the 26-year-old from Lindholm"


# --------------------------------------------------------------------------- audit of modern news


def test_quotes_so_called_term_on_a_hand_built_parse() -> None:
    # Dockers fear the so-called “quay cartel”.
    words = ["Dockers", "fear", "the", "so", "-", "called", "“", "quay", "cartel", "”", "."]
    doc = Doc(spacy.blank("en").vocab, words=words,
              spaces=[True, True, True, False, False, True, False, True, False, False, False],
              heads=[1, 1, 8, 5, 5, 8, 8, 8, 1, 8, 1],
              deps=["nsubj", "ROOT", "det", "advmod", "punct", "amod", "punct", "compound", "dobj", "punct",
                    "punct"],
              pos=["NOUN", "VERB", "DET", "ADV", "PUNCT", "VERB", "PUNCT", "NOUN", "NOUN", "PUNCT", "PUNCT"],
              tags=["NNS", "VBP", "DT", "RB", "HYPH", "VBN", "``", "NN", "NN", "''", "."],
              lemmas=["docker", "fear", "the", "so", "-", "call", "“", "quay", "cartel", "”", "."])
    article = _article(doc.text)
    mentions, entities = simple_entities(doc, article)
    assert extract_quotes(doc, article, mentions, entities, []) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "This is what psychologists call “availability bias”.",
    "Dockers in Lysholm grumble about the so-called “quay cartel” every winter.",
    "The weariness is known as “harbour blues” among the dockers of Lysholm.",
])
def test_quotes_model_a_term_in_quotation_marks_is_no_quote(nlp: Language, text: str) -> None:
    assert _quotes(nlp, text) == []


@pytest.mark.model
def test_quotes_model_a_term_leaves_its_clause_indirect(nlp: Language) -> None:
    named = "Arvid Lunde unveiled a plan he dubbed “Operation Lighthouse” on Tuesday."
    assert all(q.kind == "indirect" for q in _quotes(nlp, named))
    said = "Arvid Lunde said the so-called “quay cartel” had raised prices again."
    assert _one(_quotes(nlp, said), "quay cartel").kind == "indirect"


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "cue", "speaker"), [
    ("Arvid Lunde called the ferry deal “a disaster” on Monday.", "a disaster", "called", "Arvid Lunde"),
    ("Ingrid Valdemar attacked what she calls “a harbour of thieves” on Monday.", "a harbour of thieves",
     "calls", "Ingrid Valdemar"),
])
def test_quotes_model_an_opinion_a_speaker_calls_something_stays_a_quote(
        nlp: Language, text: str, fragment: str, cue: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert (q.kind, q.cue) == ("mixed", cue)
    assert q.speaker is not None
    assert q.speaker.name == speaker


@pytest.mark.model
def test_quotes_model_a_body_is_not_the_person_titled_with_it(nlp: Language) -> None:
    text = ("Norland campaign chairman Arvid Lunde flew to Varby on Monday. "
            "The campaign said the trip had been planned for months.")
    q = _one(_quotes(nlp, text), "the trip had been planned")
    assert q.speaker is not None
    assert (q.speaker.entity_id, q.speaker.name) == (None, "The campaign")


@pytest.mark.model
def test_quotes_model_a_body_resolves_to_the_organisation_named_with_it(nlp: Language) -> None:
    text = ("The Norlandic Ministry of Transport opened a new ferry line on Monday. Arvid Lunde cut the "
            "ribbon. The ministry said the line would carry 2,000 passengers a day.")
    q = _one(_quotes(nlp, text), "the line would carry")
    assert q.speaker is not None
    assert q.speaker.entity_id is not None
    assert q.speaker.name == "Norlandic Ministry of Transport"
    assert text[q.speaker_start:q.speaker_end] == "The ministry"


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ("The Justice Ministry opened a new court in Varby. The foreign ministry said the talks would resume "
     "in May.", "the talks would resume", "The foreign ministry"),
    ("Ingrid Valdemar's campaign manager Arvid Lunde spoke on Monday. Her campaign said the rally had "
     "drawn 5,000 people.", "the rally had drawn", "Her campaign"),
])
def test_quotes_model_a_body_named_by_no_organisation_stays_a_phrase(nlp: Language, text: str, fragment: str,
                                                                      speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.speaker is not None
    assert (q.speaker.entity_id, q.speaker.name) == (None, speaker)


@pytest.mark.model
def test_quotes_model_fact_check_labels(nlp: Language) -> None:
    text = ("Arvid Lunde and Ingrid Valdemar debated in Varby on Tuesday. Here is a look at some of their "
            "claims.\n\nLUNDE: “We have the busiest harbour in the north.”\n\nTHE FACTS: The harbour ranks "
            "fifth in the region.\n\nVALDEMAR: “Ferry fares doubled under my opponent.”\n\n"
            "THE FACTS: “Fares rose by a third,” the port authority said.")
    quotes = _quotes(nlp, text)
    lunde = _one(quotes, "We have the busiest harbour")
    assert lunde.speaker is not None
    assert lunde.speaker.name == "Arvid Lunde"
    assert text[lunde.speaker_start:lunde.speaker_end] == "LUNDE"
    assert lunde.channel is None
    valdemar = _one(quotes, "Ferry fares doubled")
    assert valdemar.speaker is not None
    assert valdemar.speaker.name == "Ingrid Valdemar"
    facts = _one(quotes, "Fares rose by a third")
    assert "FACTS" not in facts.text
    assert facts.speaker is not None
    assert facts.speaker.name == "the port authority"
    assert all(q.speaker is None or "FACTS" not in q.speaker.name for q in quotes)


@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker"), [
    ("“The harbour is dying,” as Arvid Lunde put it.", "Arvid Lunde"),
    ("As Arvid Lunde put it, “the harbour is dying.”", "Arvid Lunde"),
    ("Tomas Edlund, the mayor of Brekka, put it: “The harbour is dying.”", "Tomas Edlund"),
])
def test_quotes_model_as_someone_put_it(nlp: Language, text: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), "harbour is dying")
    assert (q.kind, q.cue) == ("direct", "put it")
    assert q.speaker is not None
    assert q.speaker.name == speaker


@pytest.mark.model
def test_quotes_model_put_it_with_a_place_is_no_cue(nlp: Language) -> None:
    assert _quotes(nlp, "Arvid Lunde put it on the table and left the harbour office.") == []


# --------------------------------------------------------------------------- audit on modern news


def test_quotes_marks_doubled_single_marks_close_a_double_quote() -> None:
    text = "“The cranes stay idle,’’ she said. “We wait for spring.’’ Then she left."
    assert _quoted(text) == ["“The cranes stay idle,’’", "“We wait for spring.’’"]
    assert _quoted("‘‘We wait for spring,’’ she said.") == ["‘‘We wait for spring,’’"]


@pytest.mark.model
def test_quotes_model_doubled_single_marks_keep_each_speaker(nlp: Language) -> None:
    text = ("Mara Quill leads the harbour union in Lysholm. “The cranes will stay idle until the spring,’’ "
            "she said. Officials in Brekka said the ferry would keep sailing. “We have waited long enough,’’ "
            "Tomas Edlund told reporters.")
    quotes = _quotes(nlp, text)
    quill = _one(quotes, "The cranes will stay idle")
    assert quill.text == "The cranes will stay idle until the spring"
    assert quill.speaker is not None and quill.speaker.name == "Mara Quill"
    assert _one(quotes, "the ferry would keep sailing").cue == "said"
    edlund = _one(quotes, "We have waited long enough")
    assert edlund.speaker is not None and edlund.speaker.name == "Tomas Edlund"


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "speaker", "channel"), [
    ("“Why are you still in the harbour?” Lena Dravic demanded, according to the transcript.",
     "Why are you still in the harbour?", "Lena Dravic", "transcript"),
    ("“We will rebuild the bridge,” Lena Dravic said, according to the state broadcaster RTV.",
     "We will rebuild the bridge", "Lena Dravic", "RTV"),
    ("The ministry said the new law will ensure that “every farmer is paid on time,” according to a "
     "statement from its spokesman Ivo Marek.", "every farmer is paid", "The ministry", "statement"),
])
def test_quotes_model_source_phrase_on_a_speech_verb_names_the_channel(
        nlp: Language, text: str, fragment: str, speaker: str, channel: str) -> None:
    quotes = _quotes(nlp, text)
    own = [q for q in quotes if fragment in q.text and q.cue not in ("according to",)]
    assert len(own) == 1, [(q.text, q.cue) for q in quotes]
    assert own[0].speaker is not None and own[0].speaker.name == speaker
    assert own[0].channel == channel
    assert "according to" not in own[0].text
    # an "according to" statement is never just the attribution ("Lena Dravic demanded")
    assert all(fragment in q.text or q.cue != "according to" for q in quotes)


@pytest.mark.model
def test_quotes_model_quote_inside_a_source_phrase_clause_keeps_its_speaker(nlp: Language) -> None:
    text = ("According to the Kasgrad Herald, whose account matches the transcript, Karst Veldora declared: "
            "“Fine – go ahead.”")
    quotes = _quotes(nlp, text)
    own = [q for q in quotes if q.cue == "declared"]
    assert len(own) == 1
    assert own[0].text == "Fine – go ahead."
    assert own[0].speaker is not None and own[0].speaker.name == "Karst Veldora"
    assert own[0].channel == "Kasgrad Herald"


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ("Officials welcomed the plan. In the words of one diplomat, “this is the best offer we will get.”",
     "this is the best offer", "one diplomat"),
    ("The harbour will reopen in May, according to a speech Lena Dravic delivered in Lysholm last year.",
     "The harbour will reopen in May", "Lena Dravic"),
    ("The harbour will reopen in May, according to a statement from the port authority.",
     "The harbour will reopen in May", "the port authority"),
])
def test_quotes_model_words_and_texts_of_a_source(nlp: Language, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.model
def test_quotes_model_in_other_words_is_no_source(nlp: Language) -> None:
    assert _quotes(nlp, "In other words, the talks are over. In his own words, he is tired.") == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # the subject after the verb when the attribution follows its quote ("stated X")
    ("The main reason: “Most offenders had friends who were in a position to notice troubling behaviour.”"
     "\n\n“Prevention is more than just a police matter,” stated Christopher Wray, director of the agency.",
     "Prevention is more", "Christopher Wray"),
    ("“We are here for your safety. Please trust the army and stay in your homes,” said one leaflet also "
     "referring to the rebels.", "We are here for your safety", "one leaflet"),
    ("The plan was described as “very alarming” by the foreign minister, Lena Dravic.", "very alarming",
     "Lena Dravic"),
])
def test_quotes_model_speaker_after_the_verb(nlp: Language, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.model
def test_quotes_model_relay_quotes_someone_as_saying(nlp: Language) -> None:
    text = ("Mara Quill waited at the quay for three days. The Lysholm Herald quoted her as saying: “I cannot "
            "describe my happiness. My sister cried when she heard.”")
    q = _one(_quotes(nlp, text), "I cannot describe my happiness")
    assert q.speaker is not None and q.speaker.name == "Mara Quill"
    assert text[q.speaker_start:q.speaker_end] == "her"


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "name"), [
    # "he" is a person, not the text an unnamed speaker stands for
    ("Lena Dravic, the port director, spoke on Monday. A statement issued by the union demanded a new "
     "vote on the cranes. She said she would not negotiate under pressure.", "she would not negotiate",
     "Lena Dravic"),
    # "a spokesman" is someone new, not the spokesman the article named before
    ("The union said in a statement that the strike was over. Harbour spokesman Ivo Marek said the cranes "
     "had arrived. A port spokesman said the ferries would sail again in May.", "the ferries would sail",
     "A port spokesman"),
    # "the health minister" is not the one named foreign affairs minister
    ("The foreign affairs minister, Lena Dravic, said aid had reached the port. “That is our interest, to "
     "protect our people at home and abroad,” the health minister told Channel Seven.", "That is our interest",
     "the health minister"),
    # "the spokesman" is the unnamed one quoted last, not the spokesman named before him
    ("Foreign ministry spokesman Hans Lindqvist said on Monday that Veldora would respond. Later, the state "
     "news agency quoted a defence ministry spokesman as saying that the drills were a provocation. The "
     "spokesman said the army would keep training.", "the army would keep training",
     "a defence ministry spokesman"),
    # "most councillors" are several, not the one titled councillor
    ("Councillor Tomas Edlund met the mayor on Friday. Most councillors said it was now up to the mayor.",
     "it was now up to the mayor", "Most councillors"),
])
def test_quotes_model_pronoun_and_title_resolve_to_whom_they_can(nlp: Language, text: str, fragment: str,
                                                                  name: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.speaker is not None and q.speaker.name == name


@pytest.mark.model
def test_quotes_model_pronoun_window_counts_from_the_end_of_the_quote(nlp: Language) -> None:
    text = ("Mara Quill leads the harbour union. She said: “We will not move. The cranes are ours. The quay is "
            "ours. The ships are ours. We stay here all winter.” Describing the strike, she said: “Nobody "
            "leaves this quay tonight.”")
    q = _one(_quotes(nlp, text), "Nobody leaves this quay")
    assert q.speaker is not None and q.speaker.name == "Mara Quill"


@pytest.mark.model
def test_quotes_model_speaker_phrase_never_runs_over_a_line_break(nlp: Language) -> None:
    text = "Photo by Lysholm Times\n\nA spokesman for the harbour board said the cranes would arrive in May."
    q = _one(_quotes(nlp, text), "the cranes would arrive")
    assert text[q.speaker_start:q.speaker_end] == "A spokesman for the harbour board"


@pytest.mark.model
@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Mara Quill has called on the European Union to take in more sailors.", "called", "to take in more sailors"),
    ("The union has called upon the ministry to publish the report.", "called", "to publish the report"),
    ("Karst Veldora has repeatedly threatened to send troops to the border.", "threatened",
     "to send troops to the border"),
    ("Veldora vowed to rebuild the bridge within a year.", "vowed", "to rebuild the bridge within a year"),
    ("The rebels claimed to have taken the airport.", "claimed", "to have taken the airport"),
    ("The council warned against a rushed vote on the budget.", "warned", "a rushed vote on the budget"),
    ("The envoy warned of a humanitarian catastrophe.", "warned", "a humanitarian catastrophe"),
])
def test_quotes_model_appeals_vows_and_warnings(nlp: Language, text: str, cue: str, content: str) -> None:
    q = _one(_quotes(nlp, text), content)
    assert (q.cue, q.text, q.channel) == (cue, content, None)


@pytest.mark.model
def test_quotes_model_a_call_made_is_no_appeal(nlp: Language) -> None:
    text = "Tomas Edlund called Mara Quill on Friday to thank her for the work."
    assert not [q for q in _quotes(nlp, text) if "thank her" in q.text]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "That said, the council will vote on Monday.",
    "Having said that, the harbour stays shut.",
    "The mayor is, let's just say, a “patient man” these days.",
    "Needless to say, the ferry was late again.",
    "It is telling that the council has not met since May.",
    "The council holds a “lame duck” session with a spending bill and renewed demands for money to build a "
    "proposed wall along the harbour.",
    "Dravic left without explaining who would pay for the bridge.",
    "Edlund had restrained the mayor from his first instinct of threatening to close the port.",
    "Not in living memory has a board denied the licence to the lowest bidder.",
    "Striking the capital suggests that the group has grown.",
    "Karst's claim on Monday suggests a deal is near.",
    "The events of the past few days suggest the harbour may reopen.",
    "Stories of the dockers I met remind us that the cuts would hurt.",
])
def test_quotes_model_a_speech_verb_that_reports_nothing(nlp: Language, text: str) -> None:
    assert _quotes(nlp, text) == []


@pytest.mark.model
def test_quotes_model_an_infinitive_on_a_noun_has_no_speaker(nlp: Language) -> None:
    q = _one(_quotes(nlp, "It would be a stretch to claim that the ferry saved the town."),
             "the ferry saved the town")
    assert q.speaker is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    # a new paragraph that names someone agreeing is not the quote's attribution
    ("“If I were in his position, I would focus on my seat in the council,” Tomas Edlund said. “I can’t "
     "see what he’s holding out for.”\n\nLocal councillors agree.", "I can’t see what", "Tomas Edlund"),
    # a verb that reports through another ("responded by saying that") is a statement of its own
    ("“The talking points were very firm,” one of the officials said. “Everybody said push back and try to "
     "offer them a small win, something like that.” Karst responded by saying that the rebels had been 99% "
     "defeated.", "Everybody said push back", "one of the officials"),
    # the relative clause is the candidate's statement; the quote is the one responding
    ("Weiner tried some humour, responding to a candidate who said he was still learning how to use "
     "the app, “don’t ask me.”", "don’t ask me", "Weiner"),
])
def test_quotes_model_which_cue_attributes_a_quote(nlp: Language, text: str, fragment: str, speaker: str) -> None:
    q = _one(_quotes(nlp, text), fragment)
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.model
def test_quotes_model_a_headline_is_not_the_attribution_of_the_next_line(nlp: Language) -> None:
    text = "Karst to announce harbour pick on Tuesday\n\nKarst: 'Nothing good' about the storm"
    q = _one(_quotes(nlp, text), "Nothing good")
    assert q.cue == ":"
    assert q.channel is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "dropped"), [
    ("The warden, who has been dubbed “the keeper” by the guards, kept notes on behaviours that had been "
     "observed.", "the keeper"),
    ("George Washington warned against “the folly of building a second harbour that nobody will use”.", None),
])
def test_quotes_model_passive_and_prepositions_before_quotes(nlp: Language, text: str, dropped: str | None) -> None:
    quotes = _quotes(nlp, text)
    if dropped is not None:
        assert not [q for q in quotes if dropped in q.text]
    else:
        q = _one(quotes, "the folly of building")
        assert q.speaker is not None and q.speaker.name == "George Washington"


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "content"), [
    ("He said recent floods in the valley had inspired him to volunteer and added: “The one in Brekka was "
     "a bit too close to home.”", "recent floods", "recent floods in the valley had inspired him to volunteer"),
    ("The envoy, Tomas Edlund, has said panic is spreading among the people of the valley as he suggested "
     "the army had set a date for the assault.", "panic is spreading",
     "panic is spreading among the people of the valley"),
    ("At the start of the operation, the minister, Lena Dravic, said: “Our aim is to give the valley back to "
     "its owners” – a statement that has since been used by her critics.", "Our aim",
     "Our aim is to give the valley back to its owners"),
    ("Insisting the port is vital to the valley and had saved thousands of jobs, he said: “We know how "
     "much the town needs it.”", "We know how much", "We know how much the town needs it."),
    ("To keep such people in their towns, says Lena Dravic of the University of Lysholm, they need steady "
     "work.", "steady work", "To keep such people in their towns, says Lena Dravic of the University of "
     "Lysholm, they need steady work."),
    ("Russia, he said, merely respected Turkey’s position.", "merely respected",
     "Russia, he said, merely respected Turkey’s position."),
    ("The island’s most famous smuggler, who has been held in Brekka since his arrest last October, has "
     "received legal assistance from consular officials, the foreign affairs minister, Ivo Marek, has confirmed.",
     "legal assistance", "The island’s most famous smuggler, who has been held in Brekka since his arrest "
     "last October, has received legal assistance from consular officials"),
    ("He largely blamed the council for the delays, saying it would be difficult for any future builder to "
     "make progress “if the council is not willing to meet anyone who has a different view”.", "make progress",
     "it would be difficult for any future builder to make progress “if the council is not willing to meet "
     "anyone who has a different view”"),
])
def test_quotes_model_content_ends_where_the_statement_does(nlp: Language, text: str, fragment: str,
                                                            content: str) -> None:
    assert _one(_quotes(nlp, text), fragment).text == content


@pytest.mark.model
def test_quotes_model_closing_speaker_and_opening_participle(nlp: Language) -> None:
    text = ("The island’s most famous smuggler, who has been held in Brekka since his arrest last October, has "
            "received legal assistance from consular officials, the foreign affairs minister, Ivo Marek, has "
            "confirmed. Insisting the port is vital to the valley and had saved thousands of jobs, he said: “We "
            "know how much the town needs it.”")
    quotes = _quotes(nlp, text)
    marek = _one(quotes, "legal assistance")
    assert marek.speaker is not None and marek.speaker.name == "Ivo Marek"
    edlund = _one(quotes, "We know how much")
    assert (edlund.kind, edlund.text) == ("direct", "We know how much the town needs it.")
    assert not [q for q in quotes if q.text.startswith("Insisting")]


@pytest.mark.model
@pytest.mark.parametrize(("text", "fragment", "channel"), [
    ("The president said during a televised speech in Lysholm on Wednesday that the operation was imminent.",
     "the operation was imminent", "speech"),
    ("The president said on Wednesday that the operation was imminent. “We will begin within days,” he "
     "told MPs.", "We will begin within days", None),
    ("Mara Quill told her son by text message that she had reached the port.", "she had reached the port",
     "text message"),
    ("“I am safe,” Mara Quill said by phone.", "I am safe", "phone"),
])
def test_quotes_model_channel_is_no_day_and_no_audience(nlp: Language, text: str, fragment: str,
                                                        channel: str | None) -> None:
    assert _one(_quotes(nlp, text), fragment).channel == channel


@pytest.mark.model
def test_quotes_model_a_statement_read_by_its_owner(nlp: Language) -> None:
    text = ("Mara Quill signed the harbour bill on Monday.\n\n“We know that the new cranes are far more likely "
            "than the old ones to keep the port open, yet hundreds of ships still wait outside the harbour,” "
            "Quill’s statement read.")
    q = _one(_quotes(nlp, text), "We know that the new cranes")
    assert q.cue == "read"
    assert q.speaker is not None and q.speaker.name == "Mara Quill"


@pytest.mark.model
def test_quotes_model_a_capitalised_quote_after_says_is_no_title(nlp: Language) -> None:
    text = ("Mara Quill of Lysholm, who briefly surged in the polls because of her attacks on Edlund, now says, "
            "“Leave Tomas Edlund alone.”")
    q = _one(_quotes(nlp, text), "Leave Tomas Edlund alone")
    assert (q.kind, q.cue) == ("direct", "says")
    assert q.speaker is not None and q.speaker.name == "Mara Quill"


@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker", "channel"), [
    # a participle before or after the speaker says where the words were said
    ("Speaking on Radio Norrvik's morning programme, Ingrid Valdemar said the cranes would arrive.",
     "Ingrid Valdemar", "morning programme"),
    ("Speaking to the Lysholm Courier on Monday, Ingrid Valdemar said the cranes would arrive.",
     "Ingrid Valdemar", "Lysholm Courier"),
    ("Ingrid Valdemar, speaking at a press conference in Lysholm, said the cranes would arrive.",
     "Ingrid Valdemar", "press conference"),
    # a text that "says" speaks for whoever issued it
    ("The cranes would arrive in May, a statement from the Lysholm Port Authority said on Tuesday.",
     "Lysholm Port Authority", "statement"),
    ("The Lysholm Port Authority's statement said that the cranes would arrive in May.",
     "Lysholm Port Authority", "statement"),
    ("A statement from Norway said that the cranes would arrive in May.", "Norway", "statement"),
])
def test_quotes_model_channel_from_a_participle_or_the_text_that_says_it(
        nlp: Language, text: str, speaker: str, channel: str) -> None:
    q = _one(_quotes(nlp, text), "ranes would arrive")
    assert q.speaker is not None
    assert (q.speaker.name, q.channel) == (speaker, channel)


@pytest.mark.model
@pytest.mark.parametrize(("text", "speaker", "channel"), [
    # a text from a time or a place has no author named; a body spoken to is no outlet
    ("A report from Kabul said the cranes would arrive in May.", "A report", None),
    ("A statement from last week said the cranes would arrive in May.", "A statement", None),
    ("Speaking to the Norrvik Parliament, Ingrid Valdemar said the cranes would arrive.", "Ingrid Valdemar", None),
])
def test_quotes_model_no_author_or_outlet_where_the_phrase_names_none(
        nlp: Language, text: str, speaker: str, channel: str | None) -> None:
    q = _one(_quotes(nlp, text), "ranes would arrive")
    assert q.speaker is not None
    assert (q.speaker.name, q.channel) == (speaker, channel)


@pytest.mark.model
def test_quotes_model_a_thing_not_mentioned_was_not_said(nlp: Language) -> None:
    text = "Ingrid Valdemar did not mention the cranes in her letter. She announced a new harbour plan."
    assert [q.text for q in _quotes(nlp, text)] == ["a new harbour plan"]


@pytest.mark.model
def test_quotes_model_a_statement_went_on_with_keeps_its_channel(nlp: Language) -> None:
    text = ("Ingrid Valdemar said on X that the cranes would come. “They will be here by May,” she added. "
            "Later she told reporters that the harbour would reopen.")
    quotes = _quotes(nlp, text)
    assert _one(quotes, "They will be here").channel == "X"
    assert _one(quotes, "the harbour would reopen").channel is None  # told anew, no channel said



@pytest.mark.model
@pytest.mark.parametrize(("text", "said", "speaker"), [
    # the small model leaves "unveiled" without a subject (it hangs the envoy on Oslo)
    ("Yesterday, in Oslo, the Lindholm envoy Mara Olsen unveiled a plan for the border crossings.",
     "a plan for the border", "Mara Olsen"),
    # and takes the day for part of the name after it; "on Sunday" names no outlet
    ("On Sunday Çavuşoğlu said he could envisage a deal on the crossings.", "he could envisage", "Çavuşoğlu"),
])
def test_quotes_model_a_time_opening_the_sentence_is_no_speaker(nlp: Language, text: str, said: str,
                                                                 speaker: str) -> None:
    q = _one(_quotes(nlp, text), said)
    assert q.speaker is not None and q.speaker.name.endswith(speaker)
    assert q.channel is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "said", "speaker"), [
    ("The spokesperson for the Lindholm foreign ministry told reporters that both sides were invited.",
     "both sides were invited", "The spokesperson for the Lindholm foreign ministry"),
    ("A senior official of the Karst delegation said the meeting had been postponed.",
     "the meeting had been postponed", "A senior official of the Karst delegation"),
    # a phrase with a clause or a comma in it is no part of the description
    ("A diplomat from Lindholm, which hosts the talks, said Karst had refused.", "Karst had refused", "A diplomat"),
])
def test_quotes_model_an_unnamed_speaker_keeps_whose_they_are(nlp: Language, text: str, said: str,
                                                               speaker: str) -> None:
    q = _one(_quotes(nlp, text), said)
    assert q.speaker is not None and q.speaker.entity_id is None and q.speaker.name == speaker


@pytest.mark.model
def test_quotes_model_asking_not_to_be_named_says_nothing(nlp: Language) -> None:
    text = ("An official from the ministry, who asked not to be named, said the talks would go on. "
            "A diplomat, who asked not to be identified, said Karst had refused. She asked him to leave.")
    quotes = _quotes(nlp, text)
    assert not [q for q in quotes if "named" in q.text or "identified" in q.text]
    assert _one(quotes, "to leave").cue == "asked"  # an addressee's errand is still a message


@pytest.mark.model
def test_quotes_model_a_participle_on_what_was_said_is_the_speakers(nlp: Language) -> None:
    text = ('Dravic told a packed chamber in Lindholm that talks would go on. But he said a deal could not come '
            'at any price, noting that Karst had been "transformed into a laboratory for testing austerity over '
            'the past years."')
    noted = [q for q in _quotes(nlp, text) if q.cue == "noting"]
    assert noted and all(q.speaker is not None and q.speaker.name == "Dravic" for q in noted)


@pytest.mark.model
def test_quotes_model_a_party_member_named_in_apposition_speaks(nlp: Language) -> None:
    text = ("The committee is scheduling interviews. The panel's top Democrat, Sen. Ana Ruiz of Ohio, "
            "said on Tuesday that the envoy was not among the witnesses.")
    q = _one(_quotes(nlp, text), "the envoy was not among the witnesses")
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"


@pytest.mark.model
def test_quotes_model_words_quoted_inside_the_speakers_name_are_no_quote(nlp: Language) -> None:
    text = ("Another judge issued a “show cause” order demanding to know why the agency hid the files. "
            "“We will not hide anything,” the minister said.")
    quotes = _quotes(nlp, text)
    assert not [q for q in quotes if q.text == "show cause"], [(q.text, q.speaker) for q in quotes]
    _one(quotes, "We will not hide anything")


@pytest.mark.model
def test_quotes_model_a_quoted_headline_as_subject_is_no_statement(nlp: Language) -> None:
    text = ("The spy agency said it could not confirm the report. “We do not know,” an official said.\n\n"
            "“Marek Tovin shot dead” remains perhaps the most famous newspaper headline in South Korean history.")
    quotes = _quotes(nlp, text)
    assert not [q for q in quotes if "shot dead" in q.text], [(q.text, q.speaker) for q in quotes]
    _one(quotes, "We do not know")


@pytest.mark.model
def test_quotes_model_a_cue_in_a_condition_says_nothing(nlp: Language) -> None:
    text = ("But Mr. Tovin said he could still withdraw if he concludes that a renegotiated pact would not "
            "produce “a fair deal” for all sides.")
    quotes = _quotes(nlp, text)
    assert [q.cue for q in quotes] == ["said"], [(q.text, q.cue) for q in quotes]


@pytest.mark.model
def test_quotes_model_what_charges_one_faces_is_no_statement(nlp: Language) -> None:
    # the tagger reads the noun "charges" as a verb whose subject is "what"
    text = ("The two governments haven't specified what charges Tovin faces, but his arrest follows "
            "reports that the ministry was investigating the bank. The minister said the case was closed.")
    quotes = _quotes(nlp, text)
    assert [q.cue for q in quotes] == ["said"], [(q.text, q.cue) for q in quotes]
