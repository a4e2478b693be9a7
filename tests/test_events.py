"""Events: triggers and PLOVER types, roles, status, dates, places, merging, evaluation.

Fast tests run the rules on hand-built parses (``Doc(words=, heads=, deps=)``) and on a blank
pipeline; the ``model`` tier runs the real pipeline on sentences of our own (invented, not taken
from any corpus); the ``data`` tier pins floors under the figures on the PLOVER gold records and
PETRARCH's validation sentences (tests/floors/events.json).
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from storyline.evaluate.events import (
    GoldRecord,
    Tally,
    _parse_markup,
    cameo_to_plover,
    format_report,
    plover_view,
    read_petrarch,
    score,
)
from storyline.extract.event_context import Who, coarser_than_year
from storyline.extract.event_lexicon import load_lexicon
from storyline.extract.event_rules import EventMention, MentionActor
from storyline.extract.events import extract_events, find_event_mentions, merge_mentions
from storyline.model import (
    EVENT_TYPES,
    Article,
    DateValue,
    Entity,
    Event,
    Mention,
    Place,
    article_id,
    short_hash,
)

FLOORS = Path(__file__).resolve().parent / "floors" / "events.json"


# --------------------------------------------------------------------------- helpers


def _ner_records(doc: Doc, article: Article) -> tuple[list[Mention], list[Entity]]:
    """One entity per distinct name the NER found: enough for rules that read mentions."""
    by_text: dict[str, Entity] = {}
    mentions = []
    for ent in doc.ents:
        e = by_text.setdefault(ent.text, Entity(short_hash(article.id, ent.text), ent.text, ent.label_))
        mentions.append(Mention(article.id, ent.start_char, ent.end_char, ent.text, ent.label_, e.id))
    return mentions, list(by_text.values())


def _built(
    words: list[str], heads: list[int], deps: list[str], tags: list[str], lemmas: list[str], ents: list[str]
) -> tuple[Doc, Article]:
    """A parsed Doc made by hand (no model): the rules see exactly this parse."""
    pos_of = {
        "NNP": "PROPN",
        "NN": "NOUN",
        "NNS": "NOUN",
        "VBD": "VERB",
        "VBN": "VERB",
        "VB": "VERB",
        "VBZ": "VERB",
        "MD": "AUX",
        "IN": "ADP",
        ".": "PUNCT",
        "DT": "DET",
        "RB": "PART",
        "PRP": "PRON",
        "VBP": "VERB",
    }
    pos = [pos_of[t] for t in tags]
    pos = ["AUX" if d in ("aux", "auxpass") else p for p, d in zip(pos, deps, strict=True)]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * (len(words) - 2) + [False, False],
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=lemmas,
        ents=ents,
    )
    return doc, Article(article_id(doc.text), doc.text, "test")


def _events(doc: Doc, article: Article) -> list[Event]:
    mentions, entities = _ner_records(doc, article)
    return extract_events(doc, article, mentions, entities, [])


def _roles(event: Event) -> dict[str, str]:
    return {a.name: a.role for a in event.actors}


# --------------------------------------------------------------------------- rules on built parses


def test_events_accuse_active_voice_source_and_target() -> None:
    doc, article = _built(
        ["Serbia", "accused", "Kosovo", "of", "sabotage", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBD", "NNP", "IN", "NN", "."],
        ["Serbia", "accuse", "Kosovo", "of", "sabotage", "."],
        ["B-GPE", "O", "B-GPE", "O", "O", "O"],
    )
    [event] = _events(doc, article)
    assert event.type == "ACCUSE"
    assert event.status == "occurred"
    assert _roles(event) == {"Serbia": "source", "Kosovo": "target"}
    assert event.topic == "sabotage"
    report = event.reports[0]
    assert article.text[report.start : report.end] == "accused"
    assert event.id == short_hash(article.id, "event", report.start, report.end)


def test_events_accuse_passive_voice_swaps_roles() -> None:
    doc, article = _built(
        ["Kosovo", "was", "accused", "by", "Serbia", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["NNP", "VBD", "VBN", "IN", "NNP", "."],
        ["Kosovo", "be", "accuse", "by", "Serbia", "."],
        ["B-GPE", "O", "O", "O", "B-GPE", "O"],
    )
    [event] = _events(doc, article)
    assert _roles(event) == {"Serbia": "source", "Kosovo": "target"}


def test_events_future_meeting_is_planned() -> None:
    doc, article = _built(
        ["Serbia", "will", "meet", "Kosovo", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "dobj", "punct"],
        ["NNP", "MD", "VB", "NNP", "."],
        ["Serbia", "will", "meet", "Kosovo", "."],
        ["B-GPE", "O", "O", "B-GPE", "O"],
    )
    [event] = _events(doc, article)
    assert (event.type, event.status) == ("CONSULT", "planned")
    assert event.date is None  # nothing dates it, and a planned event never takes the article's date


def test_events_negated_meeting() -> None:
    doc, article = _built(
        ["Serbia", "did", "not", "meet", "Kosovo", "."],
        [3, 3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
        ["NNP", "VBD", "RB", "VB", "NNP", "."],
        ["Serbia", "do", "not", "meet", "Kosovo", "."],
        ["B-GPE", "O", "O", "O", "B-GPE", "O"],
    )
    [event] = _events(doc, article)
    assert event.status == "negated"


def test_events_summit_that_did_not_take_place_failed() -> None:
    doc, article = _built(
        ["The", "summit", "did", "not", "take", "place", "."],
        [1, 4, 4, 4, 4, 4, 4],
        ["det", "nsubj", "aux", "neg", "ROOT", "dobj", "punct"],
        ["DT", "NN", "VBD", "RB", "VB", "NN", "."],
        ["the", "summit", "do", "not", "take", "place", "."],
        ["O"] * 7,
    )
    [event] = _events(doc, article)
    assert (event.type, event.status) == ("CONSULT", "failed")


def test_events_past_event_takes_the_publication_date() -> None:
    doc, article = _built(
        ["Serbia", "accused", "Kosovo", "of", "sabotage", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NNP", "VBD", "NNP", "IN", "NN", "."],
        ["Serbia", "accuse", "Kosovo", "of", "sabotage", "."],
        ["B-GPE", "O", "B-GPE", "O", "O", "O"],
    )
    article = Article(article.id, article.text, "test", published="2025-03-04")
    [event] = _events(doc, article)
    assert event.date == DateValue("2025-03-04", "2025-03-04", "2025-03-04", "day")
    assert event.reports[0].date_text is None


def test_events_blank_pipeline_and_empty_text_give_nothing() -> None:
    nlp = spacy.blank("en")
    for text in ("Serbia accused Kosovo of sabotage.", "", "   ", '“” ""'):
        doc = nlp(text)
        article = Article(article_id(text), text, "test")
        assert _events(doc, article) == []


def test_events_lexicon_types_are_plover_types() -> None:
    lex = load_lexicon()
    for table in (lex.verbs, lex.phrasal, lex.verb_objects, lex.nouns):
        assert {etype for etype, _mode in table.values()} <= set(EVENT_TYPES)
    assert lex.verbs["accuse"] == ("ACCUSE", "allege")
    assert lex.verb_objects["hold talk"][0] == "CONSULT"


# --------------------------------------------------------------------------- merging mentions


def _mention(
    start: int,
    status: str = "occurred",
    *,
    sentence: int = 0,
    actors: tuple[str, ...] = (),
    date: str | None = None,
    anaphoric: bool = False,
    mode: str | None = None,
) -> EventMention:
    who = tuple(MentionActor(Who(f"e{n}", n, 0, 1), "participant") for n in actors)
    value = DateValue(date, date, date, "day") if date else None
    return EventMention(
        "CONSULT",
        mode,
        status,
        start,
        start + 5,
        0,
        100,
        sentence,
        start,
        who,
        value,
        date,
        3 if date else 0,
        anaphoric=anaphoric,
        bare=not actors,
    )


def test_events_merge_an_anaphor_joins_the_event_it_points_at() -> None:
    article = Article("a1", "x" * 100, "test")
    events = merge_mentions(
        article,
        [
            _mention(0, actors=("A", "B"), date="2025-06-09"),
            _mention(40, sentence=2, actors=("C",), anaphoric=True),
        ],
    )
    assert len(events) == 1
    assert {a.name for a in events[0].actors} == {"A", "B", "C"}
    assert events[0].date is not None
    assert events[0].date.value == "2025-06-09"


def test_events_merge_never_joins_meetings_on_different_days() -> None:
    article = Article("a1", "x" * 100, "test")
    events = merge_mentions(
        article,
        [
            _mention(0, actors=("A", "B"), date="2025-06-09"),
            _mention(40, sentence=1, actors=("A", "B"), date="2025-06-02"),
        ],
    )
    assert len(events) == 2


def test_events_merge_failure_updates_a_planned_meeting() -> None:
    article = Article("a1", "x" * 100, "test")
    events = merge_mentions(
        article,
        [
            _mention(0, "planned", mode="trilateral"),
            _mention(40, "failed", sentence=1, anaphoric=True, mode="trilateral"),
        ],
    )
    assert [(e.status, e.mode) for e in events] == [("failed", "trilateral")]
    assert len(events[0].reports) == 1


# --------------------------------------------------------------------------- evaluation helpers


def test_events_plover_view_codes_intentions_as_promises_and_threats() -> None:
    src = (MentionActor(Who("e1", "A", 0, 1), "source"), MentionActor(Who("e2", "B", 5, 6), "target"))
    m = EventMention("AID", None, "planned", 0, 1, 0, 10, 0, 0, src)
    assert plover_view(m)[0] == "AGREE"
    assert plover_view(EventMention("ASSAULT", None, "planned", 0, 1, 0, 10, 0, 0, src))[0] == "THREATEN"
    assert plover_view(EventMention("SUPPORT", None, "negated", 0, 1, 0, 10, 0, 0, src))[0] == "REJECT"
    assert plover_view(EventMention("STATEMENT", None, "occurred", 0, 1, 0, 10, 0, 0, src))[0] is None
    _t, sources, targets = plover_view(m)
    assert [s[0] for s in sources] == ["A"]
    assert [t[0] for t in targets] == ["B"]


def test_events_markup_with_nested_parentheses() -> None:
    plain, spans = _parse_markup("(SRC: Alpha (Beta) group) (EVT: met) (TAR: Gamma).")
    assert plain == "Alpha (Beta) group met Gamma."
    assert {(tag, plain[s:e]) for tag, s, e in spans} == {
        ("SRC", "Alpha (Beta) group"),
        ("EVT", "met"),
        ("TAR", "Gamma"),
    }


def test_events_cameo_codes_fall_back_to_their_parent() -> None:
    table = {"04": "CONSULT", "042": "CONSULT", "173": "COERCE", "17": "COERCE"}
    assert cameo_to_plover("0421", table) == "CONSULT"
    assert cameo_to_plover("1731", table) == "COERCE"
    assert cameo_to_plover("021", table) == "REQUEST"  # appeals are outside the table
    assert cameo_to_plover("999", table) is None


def test_events_reads_petrarch_records(tmp_path: Path) -> None:
    xml = tmp_path / "tiny.xml"
    xml.write_text(
        '<Validation><Sentences>\n<Sentence id="T1" date="20200101">\n'
        '<EventCoding eventcode="042" sourcecode="NORGOV" targetcode="CHL"/>\n'
        "<Text>\nNorway's minister visited Chile.\n</Text>\n</Sentence>\n"
        '<Sentence id="T2"><EventCoding noevents="True"/><Text>It rained.</Text></Sentence>\n'
        "</Sentences></Validation>",
        encoding="utf-8",
    )
    records = list(read_petrarch(xml, {"042": "CONSULT"}))
    assert [(r.id, r.type) for r in records] == [("T1", "CONSULT"), ("T2", None)]
    assert records[0].source_codes == ("NOR",)
    assert records[0].text == "Norway's minister visited Chile."


def test_events_score_counts_type_and_actors() -> None:
    text = "Chile accused Peru."
    gold = GoldRecord(
        "g",
        text,
        "ACCUSE",
        events=((6, 13),),
        sources=((0, 5),),
        targets=((14, 18),),
        has_source=True,
        has_target=True,
    )
    actors = (
        MentionActor(Who("c", "Chile", 0, 5), "source"),
        MentionActor(Who("p", "Peru", 14, 18), "target"),
    )
    tally = Tally()
    score(gold, [EventMention("ACCUSE", None, "occurred", 6, 13, 0, 19, 0, 1, actors)], {}, tally)
    assert (tally.type_ok, tally.src_ok, tally.tar_ok) == (1, 1, 1)
    assert "type accuracy" in format_report({"plover": 1.0, "records": 1.0, "type_accuracy": 1.0})


# --------------------------------------------------------------------------- the real model


def _annotate(nlp, text: str, published: str | None = "2025-03-04") -> list[Event]:  # type: ignore[no-untyped-def]
    """Run the entity, time and event stages as the pipeline does."""
    from storyline.extract.entities import extract_entities
    from storyline.extract.time import extract_timexes

    doc = nlp(text)
    article = Article(article_id(text), text, "test", published=published)
    mentions, entities = extract_entities(doc, article)
    return extract_events(doc, article, mentions, entities, extract_timexes(doc, article))


def _only(events: list[Event], etype: str) -> list[Event]:
    return [e for e in events if e.type == etype]


@pytest.mark.model
def test_events_hosted_trilateral_with_mediator_place_and_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Norway's special envoy Ingrid Solberg hosted a trilateral meeting with the negotiators of Chile "
        "and Peru in Oslo on Monday."
    )
    [event] = _only(_annotate(nlp, text), "CONSULT")
    assert (event.status, event.mode) == ("occurred", "trilateral")
    roles = _roles(event)
    assert roles["Ingrid Solberg"] == "mediator"
    assert roles["Chile"] == roles["Peru"] == "participant"
    assert event.place is not None
    assert event.place.name == "Oslo"
    assert event.date is not None
    assert event.date.value == "2025-03-03"


@pytest.mark.model
def test_events_pronoun_actor_skips_a_person_of_the_other_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    # The last person named before "She" is Mr. Brown; the title makes him no "she".
    text = "Ms. Smith met Mr. Brown on Monday. She accused him of lying."
    [event] = _only(_annotate(nlp, text), "ACCUSE")
    assert _roles(event) == {"Smith": "source", "Brown": "target"}


@pytest.mark.model
def test_events_pronoun_subject_of_a_where_or_when_clause_is_the_clause_subject_above(nlp) -> None:  # type: ignore[no-untyped-def]
    # The last person named before the second "he" is Tomas Vidal, met in the first clause; the
    # clause on Varby hangs on the envoy's journey, so both are the envoy.
    text = ("The envoy Ingrid Solberg travelled to Lysholm on Tuesday, where she met President Tomas Vidal, "
            "and then went on to Varby, where she held talks with Prime Minister Anna Korvel.")
    events = _annotate(nlp, text)
    talks = [e for e in _only(events, "CONSULT") if "Anna Korvel" in _roles(e)]
    assert len(talks) == 1 and _roles(talks[0]) == {"Ingrid Solberg": "source", "Anna Korvel": "target"}
    # the subject of the clause the pronoun's clause hangs on, not the sentence's first person
    text = "Tomas Vidal said Anna Korvel lied when she claimed that troops had attacked the village."
    [accusation] = _only(_annotate(nlp, text), "ACCUSE")
    assert _roles(accusation) == {"Tomas Vidal": "source", "Anna Korvel": "target"}


@pytest.mark.model
def test_events_pronoun_actor_of_unknown_gender_is_the_last_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # Nothing says who is a woman (no first-name list): "She" is the last person named, as before,
    # when no person is the previous sentence's subject ...
    text = "The talks between Mary Smith and John Brown ended on Monday. She accused him of lying."
    [event] = _only(_annotate(nlp, text), "ACCUSE")
    assert _roles(event)["John Brown"] == "source"
    # ... and that subject when one is: a subject pronoun opening a sentence continues its subject.
    text = "Mary Smith met John Brown on Monday. She accused him of lying."
    [event] = _only(_annotate(nlp, text), "ACCUSE")
    assert _roles(event)["Mary Smith"] == "source"
    text = ("French President Anne Morel spoke by phone with the Chilean president, Tomas Vidal, on Monday. "
            "She also called for more talks with Peru.")
    [event] = _only(_annotate(nlp, text), "REQUEST")
    assert _roles(event)["Anne Morel"] == "source"


@pytest.mark.model
def test_events_separate_meetings_are_bilateral(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Last week, Ingrid Solberg met Pablo Ortega and Rosa Quispe separately in Oslo."
    [event] = _only(_annotate(nlp, text), "CONSULT")
    assert event.mode == "bilateral"
    assert event.status == "occurred"
    assert _roles(event)["Ingrid Solberg"] == "source"
    assert event.date is not None
    assert event.date.granularity == "week"


@pytest.mark.model
def test_events_planned_failed_and_postponed_meetings(nlp) -> None:  # type: ignore[no-untyped-def]
    planned = _only(
        _annotate(nlp, "The two delegations are expected to meet again in Lima next month."), "CONSULT"
    )
    assert [(e.status, e.date.value if e.date else None) for e in planned] == [("planned", "2025-04")]
    failed = _only(
        _annotate(
            nlp,
            "A meeting of the ministers had been planned for Friday, but it did not "
            "take place because the Peruvian team failed to arrive.",
        ),
        "CONSULT",
    )
    assert [e.status for e in failed] == ["failed"]
    postponed = _only(_annotate(nlp, "The summit in Santiago was postponed."), "CONSULT")
    assert [e.status for e in postponed] == ["cancelled"]


@pytest.mark.model
def test_events_conditional_and_reported_future(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _annotate(nlp, "Chile would sign the treaty if Peru withdrew its troops from the border.")
    assert {e.status for e in events if e.type in ("SUPPORT", "RETREAT")} == {"hypothetical"}
    [recall] = _only(_annotate(nlp, "Chile said it would recall its ambassador from Lima."), "SANCTION")
    assert recall.status == "planned"  # reported speech keeps the status of what it reports
    assert _roles(recall).get("Chile") == "source"


@pytest.mark.model
def test_events_accusation_demand_and_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    [accuse] = _only(
        _annotate(nlp, "Chile's foreign minister accused Peru of violating the fishing accord."), "ACCUSE"
    )
    assert _roles(accuse) == {"Chile": "source", "Peru": "target"}
    assert accuse.topic is not None
    assert "violating" in accuse.topic
    [demand] = _only(_annotate(nlp, "Peru demanded that Chile release the detained fishermen."), "REQUEST")
    assert _roles(demand) == {"Peru": "source", "Chile": "target"}
    [agree] = _only(_annotate(nlp, "Chile and Peru agreed to reopen the border crossing."), "AGREE")
    assert set(_roles(agree)) == {"Chile", "Peru"}
    assert set(_roles(agree).values()) == {"source"}


@pytest.mark.model
def test_events_passive_arrest_and_coordinated_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    [arrest] = _only(
        _annotate(nlp, "Two Peruvian fishermen were arrested by the Chilean coast guard."), "COERCE"
    )
    assert _roles(arrest) == {"Chile": "source", "Peru": "target"}
    [meeting] = _only(
        _annotate(nlp, "Ana Torres and Miguel Rojas met with Bolivian president Luis Arce."), "CONSULT"
    )
    roles = _roles(meeting)
    assert roles["Ana Torres"] == roles["Miguel Rojas"] == "source"
    assert roles["Luis Arce"] == "target"


@pytest.mark.model
def test_events_one_meeting_reported_twice_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chilean and Peruvian negotiators held talks in Geneva on Monday. The talks focused on fishing "
        "rights, and both sides agreed to meet again in May."
    )
    consult = _only(_annotate(nlp, text), "CONSULT")
    occurred = [e for e in consult if e.status == "occurred"]
    assert len(occurred) == 1
    assert occurred[0].place is not None
    assert occurred[0].place.name == "Geneva"
    assert occurred[0].topic == "fishing rights"


@pytest.mark.model
def test_events_circumstances_are_no_topic(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Torres met Rojas on the sidelines of the summit in Lima on Monday. Arce spoke with Torres on his "
        "arrival in Santiago. Rojas met Arce on behalf of the government. Vega met Ruiz in Quito for the first "
        "time. The negotiators met on Thursday to discuss fishing rights."
    )
    topics = [e.topic for e in _only(_annotate(nlp, text), "CONSULT")]
    assert len(topics) == 5
    assert topics[:4] == [None, None, None, None]
    assert topics[4] == "fishing rights"


@pytest.mark.model
def test_events_quoted_accusation_is_the_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“So far it is clear that Peru has obstructed the process,” Chilean negotiator Ana Torres told reporters."
    [accuse] = _only(_annotate(nlp, text), "ACCUSE")
    assert _roles(accuse) == {"Ana Torres": "source", "Peru": "target"}


@pytest.mark.model
def test_events_odd_inputs_never_crash(nlp) -> None:  # type: ignore[no-untyped-def]
    odd = [
        "",
        "Talks, talks, talks.",
        "CHILE ACCUSED PERU OF SABOTAGING THE TALKS ON MONDAY AND WILL MEET BOLIVIA NEXT WEEK",
        "“” “” \"\" '' ‘’ «»",
        "“Nothing.” “Nothing at all.” “Still nothing.”",
        "🇨🇱 🇵🇪 🤝 🔥🔥🔥",
        "- - - ; ; ; ... ,,, ((( )))",
    ]
    for text in odd:
        assert isinstance(_annotate(nlp, text, published=None), list)


@pytest.mark.model
def test_events_five_thousand_tokens_without_full_stop(nlp) -> None:  # type: ignore[no-untyped-def]
    unit = (
        "Chile accused Peru of obstruction and met Bolivia in Lima while officials said talks would resume "
    )
    text = (unit * 330).strip()
    doc = nlp(text)
    assert len(doc) >= 5000
    article = Article(article_id(text), text, "test", published="2025-03-04")
    mentions, entities = _ner_records(doc, article)
    t0 = time.perf_counter()
    found = find_event_mentions(doc, article, mentions, entities, [])
    assert time.perf_counter() - t0 < 20.0
    assert found
    assert all(0 <= m.start < m.end <= len(text) for m in found)


# --------------------------------------------------------------------------- floors on gold data


def _digest(path: Path) -> str:
    """SHA-256 of a gold file, so the floors are known to belong to this data."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.data
@pytest.mark.model
def test_events_floors_on_gold_records(shared_data: Path) -> None:
    from storyline.evaluate.events import evaluate

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    for name, spec in floors["sets"].items():
        path = shared_data / spec["file"]
        if not path.is_file():
            pytest.skip(f"{path} is absent")
        assert _digest(path) == spec["digest"], (
            f"{name}: the gold data changed: re-measure and re-pin {FLOORS}"
        )
        got = evaluate(path)
        for metric, floor in spec["floors"].items():
            assert got[metric] >= floor, f"{name} {metric} fell to {got[metric]:.3f} (floor {floor})"


# --------------------------------------------------------------------------- actors, places, dates


@pytest.mark.model
def test_events_dateline_place_is_not_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LIMA, March 3 (Andes Wire) – Chilean envoy Pablo Ortega met Peru's foreign minister "
        "Rosa Quispe on Monday in Lima."
    )
    [meeting] = _only(_annotate(nlp, text), "CONSULT")
    assert _roles(meeting) == {"Pablo Ortega": "source", "Rosa Quispe": "target"}
    assert meeting.place is not None
    assert meeting.place.name == "Lima"


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "place"), [
    # a name the tagger never saw, after "the town of", is where it happened
    ("Karst police arrested a Lindholm customs officer near the border town of Vrelje on Sunday.",
     "COERCE", "Vrelje"),
    ("Protesters clashed with peacekeepers in the northern town of Zvornak.", "ASSAULT", "Zvornak"),
    # a place an act befell is its target (PLOVER) and still where it happened
    ("Clashes broke out in Mitrovica on Sunday.", "ASSAULT", "Mitrovica"),
])
def test_events_place_named_after_a_settlement_noun_or_befallen(nlp, text: str, etype: str,  # type: ignore[no-untyped-def]
                                                                place: str) -> None:
    [event] = _only(_annotate(nlp, text), etype)
    assert event.place is not None and event.place.name == place


@pytest.mark.model
def test_events_a_where_clause_is_at_the_place_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Lindholm envoy Mara Olsen travelled to Vessa on Tuesday, where she met President Tovin "
            "Dravic. Olsen then went on to Karst where she held talks with the prime minister.")
    meetings = _only(_annotate(nlp, text), "CONSULT")
    met = [e for e in meetings if text[e.reports[0].start:e.reports[0].end] == "met"]
    assert met and met[0].place is not None and met[0].place.name == "Vessa"
    # a surname the tagger misses alone is still the envoy's
    talks = [e for e in meetings if "talks" in text[e.reports[0].start:e.reports[0].end]]
    assert talks and "Mara Olsen" in _roles(talks[0])


@pytest.mark.model
def test_events_role_noun_is_the_person_holding_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Norway's special envoy Ingrid Solberg arrived in Lima on Sunday. "
        "The envoy met Peru's foreign minister Rosa Quispe on Monday."
    )
    [meeting] = _only(_annotate(nlp, text), "CONSULT")
    assert _roles(meeting) == {"Ingrid Solberg": "source", "Rosa Quispe": "target"}
    # a former holder of the role is someone else: no actor rather than the wrong one
    former = _only(
        _annotate(nlp, "Ingrid Solberg is Norway's envoy. The former envoy met Rosa Quispe in May."),
        "CONSULT",
    )
    assert all("Ingrid Solberg" not in _roles(e) for e in former)


def test_events_place_of_the_event_is_not_its_side() -> None:
    article = Article("a1", "Talks were held in Lindholm by Veldora.", "test")
    lindholm = Who("e1", "Lindholm", 19, 27)
    veldora = Who("e2", "Veldora", 31, 38)
    mention = EventMention(
        "CONSULT",
        None,
        "occurred",
        6,
        10,
        0,
        39,
        0,
        1,
        (MentionActor(lindholm, "source"), MentionActor(veldora, "source")),
        place=Place("Lindholm"),
    )
    [event] = merge_mentions(article, [mention])
    assert _roles(event) == {"Veldora": "source"}


@pytest.mark.model
def test_events_date_of_a_thing_or_another_clause_is_not_the_events(nlp) -> None:  # type: ignore[no-untyped-def]
    [accuse] = _only(
        _annotate(nlp, "Chile accused Peru of building a dam in breach of a 1998 treaty."), "ACCUSE"
    )
    assert accuse.date is not None
    assert accuse.date.value == "2025-03-04"  # the publication date, not the treaty's year
    [meeting] = _only(
        _annotate(nlp, "Rosa Quispe, who took office in January, met Pablo Ortega in Lima."), "CONSULT"
    )
    assert meeting.date is None or not meeting.date.value.startswith("2025-01")


@pytest.mark.model
def test_events_failed_or_called_off_meeting_read_through_odd_parses(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model makes "planned" the subject clause of "take place": the meeting is still found
    text = (
        "A trilateral meeting between Chile and Peru planned for Thursday morning in Arica did not take "
        "place after the Peruvian delegation failed to arrive, the mediators said."
    )
    [failed] = _only(_annotate(nlp, text), "CONSULT")
    assert (failed.status, failed.mode) == ("failed", "trilateral")
    assert _roles(failed) == {"Chile": "participant", "Peru": "participant"}
    assert failed.place is not None
    assert failed.place.name == "Arica"
    assert failed.date is not None
    assert failed.date.start == "2025-03-06"
    [called_off] = _only(_annotate(nlp, "The talks scheduled for Friday were called off."), "CONSULT")
    assert called_off.status == "cancelled"
    [never] = _only(
        _annotate(nlp, "A meeting that had been planned for Tuesday between Chile and Peru never happened."),
        "CONSULT",
    )
    assert never.status == "failed"
    assert set(_roles(never)) == {"Chile", "Peru"}
    [but_not] = _only(
        _annotate(nlp, "The meeting between Chile and Peru was planned for Monday but did not take place."),
        "CONSULT",
    )
    assert but_not.status == "failed"


@pytest.mark.model
def test_events_a_failed_attempt_at_a_trilateral_names_who_stayed_away(nlp) -> None:  # type: ignore[no-untyped-def]
    # Outlets that tell the failure in passing name only the absent side; without it their
    # report joined no other outlet's report of the same day.
    for text in ("A first attempt at the trilateral failed on 2 March, when the Peruvian delegation "
                 "did not arrive in Arica.",
                 "The first attempt at a trilateral collapsed when the Peruvian delegation never arrived.",
                 "A bid for a trilateral failed after the Peruvian team failed to show up."):
        [failed] = _only(_annotate(nlp, text), "CONSULT")
        assert (failed.status, failed.mode) == ("failed", "trilateral"), text
        assert _roles(failed) == {"Peru": "participant"}, text
    [dated] = _only(_annotate(nlp, "A first attempt at the trilateral failed on 2 March, when the Peruvian "
                                   "delegation did not arrive in Arica."), "CONSULT")
    assert dated.date is not None and dated.date.value == "2025-03-02"
    # a kind of meeting used as a noun is a meeting; the adjective of trade is not
    [bilateral] = _only(_annotate(nlp, "Ruiz and Solberg held a bilateral in Oslo on Monday."), "CONSULT")
    assert (bilateral.status, bilateral.mode) == ("occurred", "bilateral")
    assert _only(_annotate(nlp, "Bilateral trade rose by five percent last year."), "CONSULT") == []


@pytest.mark.model
def test_events_was_to_begin_is_a_plan_not_a_meeting_held(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("The meeting in Arica was to begin at two in the afternoon.",
                 "The talks were to take place in Oslo.", "The summit is to be held in Lima next week."):
        [event] = _only(_annotate(nlp, text), "CONSULT")
        assert event.status == "planned", text
    [held] = _only(_annotate(nlp, "The meeting was held in Lima on Monday."), "CONSULT")
    assert held.status == "occurred"
    # the appositive names the meeting's format
    [renamed] = _only(_annotate(nlp, "The meeting in Arica, the first planned trilateral session since Ruiz "
                                     "took office, was to begin at two in the afternoon."), "CONSULT")
    assert (renamed.status, renamed.mode) == ("planned", "trilateral")
    [bilateral] = _only(_annotate(nlp, "The talks, a bilateral, were held in Lima on Monday."), "CONSULT")
    assert bilateral.mode == "bilateral"


@pytest.mark.model
def test_events_report_points_at_the_sentence_that_says_how_it_stands(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The trilateral will have to wait a little longer, the envoy wrote. The trilateral meeting "
            "planned for the same afternoon did not take place because the Peruvian delegation did "
            "not arrive in Arica.")
    [event] = _only(_annotate(nlp, text), "CONSULT")
    assert event.status == "failed"
    report = event.reports[0]
    assert text[report.sentence_start : report.sentence_end].startswith("The trilateral meeting planned")


@pytest.mark.model
def test_events_place_of_a_signing_is_not_a_side(nlp) -> None:  # type: ignore[no-untyped-def]
    # PLOVER codes signing an agreement as SUPPORT (codebook: "ratify, sign, or finalize an
    # agreement or treaty"; CAMEO 057); a promise to sign would be AGREE
    [signed] = _only(_annotate(nlp, "Chile and Peru signed a fisheries agreement in Arica on Monday."), "SUPPORT")
    assert _roles(signed) == {"Chile": "source", "Peru": "source"}
    assert signed.place is not None
    assert signed.place.name == "Arica"


def test_events_named_party_beats_a_common_noun_taken_for_an_object() -> None:
    # the parser made "the group" a second object of "refused": the party is the named one
    doc, article = _built(
        ["Chile", "refused", "entry", "to", "Peruvians", ",", "the", "group", "."],
        [1, 1, 1, 1, 3, 1, 7, 1, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "det", "dobj", "punct"],
        ["NNP", "VBD", "NN", "IN", "NNP", ".", "DT", "NN", "."],
        ["Chile", "refuse", "entry", "to", "Peruvians", ",", "the", "group", "."],
        ["B-GPE", "O", "O", "O", "B-NORP", "O", "O", "O", "O"],
    )
    [event] = _only(_events(doc, article), "REJECT")
    assert _roles(event) == {"Chile": "source", "Peruvians": "target"}


@pytest.mark.model
def test_events_name_inside_a_prepositional_phrase_does_not_name_the_object(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Rosa" is a compound of "Quispe", who hangs on "to": she does not name the mediation
    text = "Chile opposes Peruvian mediation in talks with Bolivia, an adviser to President Rosa Quispe said."
    [reject] = _only(_annotate(nlp, text), "REJECT")
    assert _roles(reject) == {"Chile": "source", "Peru": "target"}


@pytest.mark.model
def test_events_possessor_of_a_thing_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    [accuse] = _only(_annotate(nlp, "Chile condemned the Peruvian government's decision to close the port."), "ACCUSE")
    assert _roles(accuse) == {"Chile": "source", "Peru": "target"}


@pytest.mark.model
def test_events_in_protest_of_names_the_target_before_deeper_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Peruvian fishermen began a hunger strike in protest of the Chilean navy's refusal to "
        "recognise the claims of Bolivia."
    )
    [protest] = _only(_annotate(nlp, text), "PROTEST")
    assert _roles(protest).get("Chile") == "target"
    assert "Bolivia" not in _roles(protest)


@pytest.mark.model
def test_events_sides_of_a_meeting_someone_offers_to_host(nlp) -> None:  # type: ignore[no-untyped-def]
    [offer] = _only(_annotate(nlp, "Ecuador is ready to host a meeting between Chile and Peru."), "AGREE")
    assert _roles(offer) == {"Ecuador": "source", "Chile": "target", "Peru": "target"}


@pytest.mark.model
def test_events_visit_of_x_to_y(nlp) -> None:  # type: ignore[no-untyped-def]
    [visit] = _only(_annotate(nlp, "The visit of the Chilean foreign minister to Peru ended on Friday."), "CONSULT")
    assert _roles(visit) == {"Chile": "source", "Peru": "target"}


@pytest.mark.model
def test_events_other_group_of_the_sources_country_is_a_target(nlp) -> None:  # type: ignore[no-untyped-def]
    [seized] = _only(_annotate(nlp, "Chilean police confiscated rifles from Chilean smuggling gangs."), "COERCE")
    assert _roles(seized) == {"Chile": "source", "Chilean smuggling gangs": "target"}
    # the source itself is still never its own target
    [met] = _only(_annotate(nlp, "Chile held talks with Chile's neighbours."), "CONSULT")
    assert list(_roles(met).values()).count("target") <= 1


@pytest.mark.model
def test_events_firing_back_at_critics_is_a_retort(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _annotate(nlp, "The Chilean minister fired back at critics of the fishing accord on Friday.")
    assert not _only(events, "ASSAULT")
    [retort] = _only(events, "ACCUSE")
    assert retort.mode == "disapprove"
    said = _annotate(nlp, "The Peruvian premier fired back on Monday, saying the accord changes nothing.")
    assert not _only(said, "ASSAULT") and _only(said, "ACCUSE")
    # a volley at armed men stays a shooting
    [shots] = _only(_annotate(nlp, "Chilean marines fired back at the smugglers from the pier."), "ASSAULT")
    assert shots.mode == "firearms"


@pytest.mark.model
def test_events_phrasal_verbs_need_their_particle_after_the_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _only(_annotate(nlp, "The Peruvian senator took to social media to thank the rescuers."), "PROTEST")
    assert not _only(_annotate(nlp, "The Chilean mayor went on to win the next election."), "PROTEST")
    [strike] = _only(_annotate(nlp, "Dock workers in Callao went on strike over wages."), "PROTEST")
    assert strike.mode == "strike"
    [march] = _only(_annotate(nlp, "Thousands of students took to the streets of Lima."), "PROTEST")
    assert march.mode == "demo"
    # a fronted "On Monday" is no "call on"; "call on X to do" asks rather than visits
    assert not _only(_annotate(nlp, "On Monday, the Chilean president called the senator a liar."), "CONSULT")
    events = _annotate(nlp, "Peru called on Chile to free the detained fishermen.")
    assert not _only(events, "CONSULT")
    [ask] = _only(events, "REQUEST")
    assert _roles(ask) == {"Peru": "source", "Chile": "target"}


@pytest.mark.model
def test_events_attack_for_a_reason_is_verbal(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peruvian lawmakers attacked the Chilean ambassador for his remarks about the border."
    events = _annotate(nlp, text)
    assert not _only(events, "ASSAULT")
    [blame] = _only(events, "ACCUSE")
    assert blame.mode == "disapprove"
    assert not _only(_annotate(nlp, "The opposition will attack the funding of the new port."), "ASSAULT")
    assert _only(_annotate(nlp, "Rebels attacked a Peruvian army post near the border."), "ASSAULT")


@pytest.mark.model
def test_events_natural_forces_are_no_accusers(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _annotate(nlp, "The storm slammed the Chilean coast on Sunday.")
    [blame] = _only(_annotate(nlp, "Chilean fishermen slammed the minister over the new quotas."), "ACCUSE")
    assert blame.mode == "disapprove"


@pytest.mark.model
def test_events_readiness_without_a_pledge_is_no_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    [shot] = _only(_annotate(nlp, "The guard was prepared to shoot anyone at the gate."), "ASSAULT")
    assert shot.status == "planned"
    for text in (
        "The guard was prepared to shoot anyone at the gate.",
        "The Chilean government is fully committed to the economic recovery of the north.",
        "The draft was prepared at the ministry in Santiago.",
        "The prisoner committed suicide in his cell.",
    ):
        assert not _only(_annotate(nlp, text), "AGREE"), text
    [pledge] = _only(_annotate(nlp, "Peru said it is prepared to resume talks with Chile."), "AGREE")
    assert _roles(pledge) == {"Peru": "source", "Chile": "target"}


@pytest.mark.model
def test_events_pleading_guilty_is_no_request(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _only(_annotate(nlp, "The Chilean captain pleaded guilty to smuggling charges."), "REQUEST")
    [plea] = _only(_annotate(nlp, "Peru pleaded with Chile to release the fishermen."), "REQUEST")
    assert _roles(plea) == {"Peru": "source", "Chile": "target"}


@pytest.mark.model
def test_events_verbs_that_are_a_contest_a_price_or_a_fuel_here(nlp) -> None:  # type: ignore[no-untyped-def]
    # a win, not a beating; a beating stays one
    assert not _only(_annotate(nlp, "Lindholm beat Veldora 3-1 in the cup final on Sunday."), "ASSAULT")
    assert not _only(_annotate(nlp, "The senator beat her rival in the primary by ten points."), "ASSAULT")
    assert _only(_annotate(nlp, "Guards beat the prisoner with batons, his lawyer said."), "ASSAULT")
    # a price, not a crime; a charge stays one
    assert not _only(_annotate(nlp, "Insurers could charge older drivers higher rates next year."), "ACCUSE")
    assert _only(_annotate(nlp, "Prosecutors charged the mayor with fraud on Monday."), "ACCUSE")
    # fuel, not arson
    assert not _only(_annotate(nlp, "The plant keeps burning coal despite the new rules."), "ASSAULT")
    # a court striking down a rule assaults nobody
    assert not _only(_annotate(nlp, "The Supreme Court struck down the ban on Tuesday."), "ASSAULT")


@pytest.mark.model
def test_events_an_actor_named_by_a_common_noun_never_runs_over_a_line_break(nlp) -> None:  # type: ignore[no-untyped-def]
    # a photo credit closes the paragraph before; the parser hangs it on the next subject
    text = ("Inspectors walk through the Lindholm port on June 3, 2025. VELDORA PRESS/Anna Holt\n\n"
            "Police said they found a second device near the gate.")
    said = _only(_annotate(nlp, text), "STATEMENT")
    assert said and all("\n" not in a.name and "Holt" not in a.name for e in said for a in e.actors)


# --------------------------------------------------------------------------- fights in words, the reader


def test_events_clash_over_a_topic_between_talkers_is_no_fight() -> None:
    doc, article = _built(
        ["The", "senator", "clashed", "with", "reporters", "over", "the", "budget", "."],
        [1, 2, 2, 2, 3, 2, 7, 5, 2],
        ["det", "nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "punct"],
        ["DT", "NN", "VBD", "IN", "NNS", "IN", "DT", "NN", "."],
        ["the", "senator", "clash", "with", "reporter", "over", "the", "budget", "."],
        ["O"] * 9,
    )
    assert not _events(doc, article)
    # the same words with soldiers on one side: a fight
    doc, article = _built(
        ["Rebels", "clashed", "with", "soldiers", "over", "the", "bridge", "."],
        [1, 1, 1, 2, 1, 6, 4, 1],
        ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "punct"],
        ["NNS", "VBD", "IN", "NNS", "IN", "DT", "NN", "."],
        ["rebel", "clash", "with", "soldier", "over", "the", "bridge", "."],
        ["O"] * 8,
    )
    [fight] = _events(doc, article)
    assert fight.type == "ASSAULT"


def test_events_you_outside_quotes_is_the_reader_not_a_party() -> None:
    doc, article = _built(
        ["You", "agree", "to", "the", "terms", "."],
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
        ["PRP", "VBP", "IN", "DT", "NNS", "."],
        ["you", "agree", "to", "the", "term", "."],
        ["O"] * 6,
    )
    assert not _events(doc, article)
    doc, article = _built(
        ["Serbia", "agreed", "to", "the", "terms", "."],
        [1, 1, 1, 4, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "punct"],
        ["NNP", "VBD", "IN", "DT", "NNS", "."],
        ["Serbia", "agree", "to", "the", "term", "."],
        ["B-GPE", "O", "O", "O", "O", "O"],
    )
    [agree] = _events(doc, article)
    assert agree.type == "AGREE"


@pytest.mark.model
def test_events_verbal_clash_is_no_fight_a_physical_one_is(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Senator Ada Morrow clashed with reporters over the budget on Tuesday.",
        "The two candidates clashed on health care during Thursday's debate.",
    ):
        assert not _only(_annotate(nlp, text), "ASSAULT"), text
    for text in (
        "Protesters clashed with police in Veldan, throwing stones at officers.",
        "Karst troops fought Brovanian rebels near the river on Monday.",
    ):
        assert _only(_annotate(nlp, text), "ASSAULT"), text


@pytest.mark.model
def test_events_figurative_battles_and_fights_are_no_assault(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The company launched a legal battle against the regulator.",
        "The governor fought a long political battle with the legislature.",
        "The battle over the budget continues.",
        "The central bank is fighting against inflation.",
        "The mayor is fighting the new tax in court.",
        # the topic hung on the opponent
        "The ministry erred by fighting first with its allies over steel and grain quotas.",
        # a betrayal in words
        "\u201cThey really stabbed us in the back,\u201d the envoy said.",
        "Tovin said the Karst government had stabbed Austria in the back.",
    ):
        assert not _only(_annotate(nlp, text), "ASSAULT"), text
    assert _only(_annotate(nlp, "Troops fought a fierce battle with rebels outside the city."), "ASSAULT")
    assert _only(_annotate(nlp, "A man stabbed the guard in the back outside the embassy."), "ASSAULT")
    # fighting back at critics is a retort in words, as firing back at them is
    [retort] = _only(_annotate(nlp, "Senator Ada Morrow fought back against critics of the plan."), "ACCUSE")
    assert retort.mode == "disapprove"


@pytest.mark.model
def test_events_sign_up_boilerplate_is_no_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "By signing up you agree to our Privacy Policy and Terms of Use.",
        "You agree to receive emails from the Veldan Courier.",
    ):
        assert not _only(_annotate(nlp, text), "AGREE"), text
    # quoted, "you" is someone the speaker addresses; and a party agreeing stays an agreement
    assert _only(_annotate(nlp, "“You agreed to this plan in March,” the minister told the envoy."), "AGREE")
    assert _only(_annotate(nlp, "Brovania and Karst agreed to resume talks."), "AGREE")


def test_events_coarser_than_year_is_an_era_not_a_season() -> None:
    assert coarser_than_year(DateValue("20", "2000-01-01", "2099-12-31", "unknown"))  # this century
    assert coarser_than_year(DateValue("198", "1980-01-01", "1989-12-31", "unknown"))  # the 1980s
    assert not coarser_than_year(DateValue("2018-WI", "2018-12-01", "2019-02-28", "season"))
    assert not coarser_than_year(DateValue("2019-H1", "2019-01-01", "2019-06-30", "unknown"))
    assert not coarser_than_year(DateValue("2019", "2019-01-01", "2019-12-31", "year"))


@pytest.mark.model
@pytest.mark.parametrize(("text", "status"), [
    ("The accord came at the first trilateral meeting hosted by the envoy Ingrid Solberg.", "occurred"),
    ("The ministers will sign the treaty at the summit in Oslo.", "planned"),
    ("Mr. Brown was not in the room during the meeting with the Chilean negotiators.", "occurred"),
])
def test_events_a_meeting_as_the_setting_of_an_act_took_place(nlp, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    """What was done at a meeting says the meeting was held (not being there is not its failure)."""
    assert [e.status for e in _only(_annotate(nlp, text), "CONSULT")] == [status]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ms. Smith said at a press conference that prices had risen.",
    "Officials are looking at negotiations as the last resort.",
    "She spoke at the Conservative Political Action Conference in Maryland.",
    "Speaking to reporters at the airport on her return from Oslo, Ruiz welcomed the deal.",
    "The minister talked with journalists in Lima on Monday.",
])
def test_events_no_meeting_of_parties_in_a_press_conference_or_a_named_gathering(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _only(_annotate(nlp, text), "CONSULT") == []


@pytest.mark.model
def test_events_the_purpose_of_a_plan_is_planned_and_without_doing_is_not_doing(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _annotate(nlp, "Customs officers of Chile and Peru are to meet at the border next week to agree "
                            "on opening hours.")
    assert [(e.type, e.status) for e in events if e.type in ("CONSULT", "AGREE")] == [
        ("CONSULT", "planned"), ("AGREE", "planned")]
    # the purpose of an act done is told as done, as before
    [fired] = _only(_annotate(nlp, "Police fired tear gas to disperse the protesters on Monday."), "ASSAULT")
    assert fired.status == "occurred"
    [consulted] = _only(_annotate(nlp, "She accused Chile of building two dams without consulting Peru."), "CONSULT")
    assert consulted.status == "negated"
    [met] = _only(_annotate(nlp, "Ruiz met Solberg in Oslo without telling his cabinet."), "CONSULT")
    assert met.status == "occurred"
    # done "without" is a condition where the act itself is not told as done
    for text in ("Ruiz would not sign any deal without consulting parliament, he said.",
                 "The United States will not attack Iran without consulting its allies."):
        [condition] = _only(_annotate(nlp, text), "CONSULT")
        assert condition.status == "hypothetical", text


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ruiz met with reporters and Solberg in Oslo on Monday.",
    "The Justice Department met with the Associated Press on Monday over the seized phone records.",
])
def test_events_a_meeting_with_more_than_the_press_is_a_meeting(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    [met] = _only(_annotate(nlp, text), "CONSULT")
    assert met.status == "occurred"



@pytest.mark.model
def test_events_a_dateline_does_not_swallow_the_first_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    # Without a full stop after the dateline the parser had read "LINDHOLM" as the subject and
    # the meeting as its apposition: the failed trilateral went unreported.
    text = ("LINDHOLM, July 7 (Concord Wire) – A trilateral meeting between Veldora and Karst planned for "
            "Monday afternoon in Lindholm did not take place after the Karst delegation failed to arrive, "
            "officials said.")
    doc = nlp(text)
    assert [s.text.split()[0] for s in doc.sents][:2] == ["LINDHOLM,", "A"]
    found = [(e.type, e.status, e.mode) for e in _events(doc, Article(article_id(text), text, "wire"))]
    assert ("CONSULT", "failed", "trilateral") in found


@pytest.mark.model
def test_events_a_headline_does_not_swallow_the_lead(nlp) -> None:  # type: ignore[no-untyped-def]
    # A headline has no full stop: the small model read "Talks in Lindholm" and the lead below
    # it as one sentence, with the envoy as the object of "in", and lost the meeting's host.
    lead = ("The EU envoy Ingrid Solberg hosted a trilateral meeting in Oslo on Monday with Chile's "
            "chief negotiator Ana Ruiz.")
    for text in (f"Talks in Oslo\n\n{lead}", f"Talks in Oslo\n{lead}"):
        doc = nlp(text)
        assert [s.text.split()[0] for s in doc.sents][:2] == ["Talks", "The"]
        [event] = _only(_events(doc, Article(article_id(text), text, "test")), "CONSULT")
        assert _roles(event)["Ingrid Solberg"] == "mediator"
    # hard-wrapped prose is one sentence across its lines
    wrapped = "The envoy met the negotiators of\nChile and Peru in Oslo on Monday."
    assert len(list(nlp(wrapped).sents)) == 1


# How many and how long: the counts a report gives (extract/event_counts.py).
COUNTS = [
    ("The envoy hosted the two negotiators for about four hours in Oslo.", "CONSULT",
     [("duration", 4, "hours", "APPROX", "about four hours")]),
    ("The trilateral meeting in Oslo lasted almost four hours.", "CONSULT",
     [("duration", 4, "hours", "LESS_THAN", "almost four hours")]),
    ("Solberg and Ruiz held a three-hour meeting in Lima on Monday.", "CONSULT",
     [("duration", 3, "hours", None, "three-hour")]),
    ("The bombing killed 12 people and wounded more than 40.", "ASSAULT",
     [("killed", 12, "people", None, "12 people"), ("injured", 40, "people", "MORE_THAN", "more than 40")]),
    ("At least 12 people were killed and 30 injured in the attack.", "ASSAULT",
     [("killed", 12, "people", "EQUAL_OR_MORE", "At least 12 people"), ("injured", 30, "people", None, "30")]),
    ("An attack that killed nine soldiers shocked the country.", "ASSAULT",
     [("killed", 9, "people", None, "nine soldiers")]),
    ("Twenty-four people were killed in the shelling.", "ASSAULT",
     [("killed", 24, "people", None, "Twenty-four people")]),
    ("The explosion left 12 dead.", "ASSAULT", [("killed", 12, "people", None, "12 dead")]),
    ("The blast left 12 people dead and 40 wounded.", "ASSAULT",
     [("killed", 12, "people", None, "12 people"), ("injured", 40, "people", None, "40")]),
    ("The officer was suspended for 8 minutes 46 seconds.", "SANCTION",
     [("duration", 8.77, "minutes", None, "8 minutes 46 seconds")]),
    ("Police arrested five men on Tuesday.", "COERCE", [("arrested", 5, "people", None, "five men")]),
    ("About 5,000 people protested in Lima on Sunday.", "PROTEST",
     [("protesters", 5000, "people", "APPROX", "About 5,000 people")]),
    ("A rally of 3,000 people was held in Lima.", "PROTEST", [("protesters", 3000, "people", None, "3,000 people")]),
    # vague figures disagree with nothing: left out
    ("Several thousand people marched through Lima.", "PROTEST", []),
    ("Dozens of people were killed.", "ASSAULT", []),
    ("Police arrested between 40 and 50 people.", "COERCE", []),
    ("Police arrested 40 to 50 people.", "COERCE", []),
    ("Police arrested 2 percent of the protesters.", "COERCE", []),
    ("Rioters killed up to 100 residents.", "ASSAULT",
     [("killed", 100, "people", "EQUAL_OR_LESS", "up to 100 residents")]),
    ("The bombing killed two dozen people.", "ASSAULT", [("killed", 24, "people", None, "two dozen people")]),
    ("Police killed one protester and arrested 2,000.", "ASSAULT", [("killed", 1, "people", None, "one protester")]),
    # a duration of what came before is not the agreement's
    ("After three hours of talks, Chile and Peru agreed to reopen the crossing.", "AGREE", []),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "expected"), COUNTS)
def test_events_counts_how_many_and_how_long(nlp, text: str, etype: str,  # type: ignore[no-untyped-def]
                                             expected: list[tuple[object, ...]]) -> None:
    [event] = _only(_annotate(nlp, text), etype)
    assert [(c.what, c.value, c.unit, c.mod, c.text) for c in event.counts] == expected
    for c in event.counts:
        assert text[c.start:c.end] == c.text  # the evidence


@pytest.mark.model
def test_events_second_person_coordinated_with_a_titled_name_takes_part(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs "Petar Petković" on "Besnik Bislimi", not on "negotiator"; and the small
    # model calls "Miroslav Lajčák" an organisation, which the title before it corrects.
    text = ("The EU envoy Miroslav Lajčák hosted talks in Brussels on Monday with Kosovo's negotiator "
            "Besnik Bislimi and Serbia's minister Petar Petković.")
    [event] = _only(_annotate(nlp, text), "CONSULT")
    assert _roles(event) == {
        "Miroslav Lajčák": "mediator", "Besnik Bislimi": "participant", "Petar Petković": "participant",
    }


BACKGROUND = [
    # the writer's past perfect, a clause describing a participant, an act at no one time
    ("Turkey released a pastor who had been detained by police.", "COERCE", None),
    ("In October, Turkey released a US pastor detained for two years.", "COERCE", None),
    ("Police have repeatedly arrested opposition activists.", "COERCE", None),
    # the news itself, told straight or shifted back by the report, takes the day it appeared
    ("Police arrested five people.", "COERCE", "2025-03-04"),
    ("Police said they had arrested five people.", "COERCE", "2025-03-04"),
    # a relative clause can carry the news as well; a past perfect can be attributed or framed
    ("The raid in which police arrested 12 men ended at dawn.", "COERCE", "2025-03-04"),
    ("Troops shelled the positions of the YPG, which seized Kobane.", "COERCE", None),
    ("According to police, the gunman had shot two officers.", "ASSAULT", "2025-03-04"),
    # but back-story stays undated: an act set before another, a clause under "of" or "over"
    ("Al-Baghdadi had been arrested by US forces before he founded the group.", "COERCE", None),
    ("Survivors of the massacre that killed 300 Muslims in Lindholm gathered on Monday.", "ASSAULT", None),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "date"), BACKGROUND)
def test_events_background_acts_are_not_dated_by_the_publication_day(  # type: ignore[no-untyped-def]
    nlp, text: str, etype: str, date: str | None
) -> None:
    [event] = _only(_annotate(nlp, text), etype)
    assert (event.date.value if event.date else None) == date


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "At a large refugee camp near Lindholm, I met a group of women who had fled the fighting.",
    "Follow Lindholm Post on Twitter to join the discussion.",
])
def test_events_the_writers_own_errands_and_commands_to_the_reader_are_no_events(  # type: ignore[no-untyped-def]
    nlp, text: str
) -> None:
    assert [e for e in _annotate(nlp, text) if e.type == "CONSULT"] == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "date"), [
    # a "when" clause sets the moment of the act it hangs on
    ("Ten fighters were arrested when troops stormed the town last week.", "COERCE", "2025-W09"),
    # a participle of speaking beside the speaker dates the saying
    ("The envoy, Ana Rojas, speaking on Monday at a forum in Lindholm, accused Peru of stalling the talks.",
     "ACCUSE", "2025-03-03"),
    # but not with a time that belongs to a noun in the clause
    ("Three protesters were arrested when riots erupted over the 2019 election results.", "COERCE", "2025-03-04"),
    ("Speaking on the anniversary of the 2011 uprising, Ana Rojas accused Peru of stalling the talks.",
     "ACCUSE", "2025-03-04"),
])
def test_events_a_when_clause_or_a_speaking_aside_dates_the_act(  # type: ignore[no-untyped-def]
    nlp, text: str, etype: str, date: str
) -> None:
    [event] = _only(_annotate(nlp, text), etype)
    assert event.date is not None and event.date.value == date


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "date"), [
    # a time still to come in what is demanded is not the demand's: that is the day of the article
    ("Dravic demanded that the statute be the only item on the agenda in September.", "REQUEST", "2025-03-04"),
    # one already past is as likely the demand's own, hung by the parser on the demanded clause
    ("Trump ordered that the practice be halted on February 20.", "REQUEST", "2025-02-20"),
    # a state that has lasted since a time is dated by neither that time nor the article's day
    ("Talks between the two neighbours have been stalled since the last meeting in November 2024.", "CONSULT",
     None),
    # but a single act after that time is of its own day
    ("The first talks since 2019 were held in Ostrel.", "CONSULT", "2025-03-04"),
])
def test_events_a_demanded_time_or_a_since_phrase_does_not_date_the_act(  # type: ignore[no-untyped-def]
    nlp, text: str, etype: str, date: str | None
) -> None:
    [event] = _only(_annotate(nlp, text), etype)
    assert (event.date.value if event.date else None) == date


@pytest.mark.model
def test_events_the_simple_present_with_a_time_not_yet_over_is_arranged(nlp) -> None:  # type: ignore[no-untyped-def]
    # published 4 March: the end of the year is still to come
    [event] = _only(_annotate(nlp, "Ana Rojas steps down at the end of the year after four years as envoy."), "RETREAT")
    assert (event.status, event.date.value if event.date else None) == ("planned", "2025")
    # a headline's present with the running week is what happened
    [event] = _only(_annotate(nlp, "Troops kill 30 fighters in Lindholm this week."), "ASSAULT")
    assert event.status == "occurred"


@pytest.mark.model
def test_events_words_given_after_a_colon_are_the_speakers_not_the_writers(nlp) -> None:  # type: ignore[no-untyped-def]
    [event] = _only(_annotate(nlp, "The minister was defiant on Monday: we will never attack Kosovo."), "ASSAULT")
    assert event.status == "negated"


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "status"), [
    ("The rebels kept an army capable of resuming the battle against the government.", "ASSAULT", "hypothetical"),
    ("The rebels are incapable of resuming the battle against the government.", "ASSAULT", "hypothetical"),
    ("Critics condemned the Chilean move to withdraw troops from the border.", "RETREAT", "planned"),
    ("Critics attacked the Chilean move to withdraw troops from the border.", "ACCUSE", "occurred"),
])
def test_events_what_could_be_done_or_was_decided_is_not_done(  # type: ignore[no-untyped-def]
    nlp, text: str, etype: str, status: str
) -> None:
    [event] = _only(_annotate(nlp, text), etype)
    assert event.status == status


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "place", "targets"), [
    # the act befell people the sentence does not name: the place is where, not whom
    ("He said that in Chile he had been detained for four months.", "COERCE", "Chile", []),
    ("Police arrested him in Lindholm.", "COERCE", "Lindholm", []),
    # with no one it befell, the place is what PLOVER codes as the target, and still where it
    # was (PLOVER's gold gives both: "shut down Khatmandu", "blew up power lines leading into Kabul")
    ("A curfew was imposed in Lindholm.", "COERCE", "Lindholm", ["Lindholm"]),
    ("Troops shelled it near Rafah.", "ASSAULT", "Rafah", ["Rafah"]),
])
def test_events_the_place_of_an_act_on_unnamed_people_is_no_target(  # type: ignore[no-untyped-def]
    nlp, text: str, etype: str, place: str | None, targets: list[str]
) -> None:
    [event] = _only(_annotate(nlp, text), etype)
    assert (event.place.name if event.place else None) == place
    assert [a.name for a in event.actors if a.role == "target"] == targets


# --------------------------------------------------------------------------- light verbs, counted objects (session 30)


@pytest.mark.model
def test_events_a_light_verb_with_tense_says_it_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    # "new" and "another" plan an event only when no verb with tense says it happened
    signed = _only(_annotate(nlp, "Veloria and Ostmark signed a new trade agreement on Monday."), "SUPPORT")
    assert [e.status for e in signed] == ["occurred"]
    held = _only(_annotate(nlp, "Veloria and Ostmark held another round of talks on Monday."), "CONSULT")
    assert [e.status for e in held] == ["occurred"]
    will = _only(_annotate(nlp, "Veloria and Ostmark will sign a new trade agreement."), "SUPPORT")
    assert [e.status for e in will] == ["planned"]
    # an infinitive has no tense to tell: the new sanctions are still to come
    text = "It is a green light for the rebels to start recruiting and mount new demonstrations."
    assert [e.status for e in _only(_annotate(nlp, text), "PROTEST")] == ["planned"]


@pytest.mark.model
def test_events_a_verb_on_no_event_takes_its_own_tense(nlp) -> None:  # type: ignore[no-untyped-def]
    # calling up reservists is done, not planned as calling a meeting is; what a counting noun
    # counts is the object
    events = _only(_annotate(nlp, "The Veloria government on Sunday called up thousands of reservists."), "MOBILIZE")
    assert [(e.status, e.mode) for e in events] == [("occurred", "troops")]
    assert "Veloria" in " ".join(a.name for a in events[0].actors)
    suspended = _only(_annotate(nlp, "Veloria suspended relations with Ostmark on Monday."), "SANCTION")
    assert [e.status for e in suspended] == ["occurred"]


@pytest.mark.model
def test_events_quitting_office_and_giving_weapons(nlp) -> None:  # type: ignore[no-untyped-def]
    quit_ = _only(_annotate(nlp, "Prime Minister Anton Rask quit on Sunday."), "RETREAT")
    assert [(e.mode, e.status) for e in quit_] == [("resign", "occurred")]
    assert not _only(_annotate(nlp, "Anton Rask quit smoking last year."), "RETREAT")
    over = _only(_annotate(nlp, "The interior minister quit over the scandal on Monday."), "RETREAT")
    assert [e.mode for e in over] == ["resign"]
    armed = _annotate(nlp, "Ostmark gave the rebels new weapons on Monday.")
    assert [(e.type, e.mode) for e in armed if e.type in ("AID", "RETREAT")] == [("AID", "military")]
    disarmed = _only(_annotate(nlp, "The rebels gave up their weapons on Monday."), "RETREAT")
    assert [e.mode for e in disarmed] == ["disarm"]


@pytest.mark.model
def test_events_a_journey_dates_what_it_is_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The envoy will travel to Lindholm on Friday to meet Anton Rask."
    meet = [e for e in _only(_annotate(nlp, text), "CONSULT") if any(a.name == "Anton Rask" for a in e.actors)]
    assert [(e.status, e.date.value if e.date else None) for e in meet] == [("planned", "2025-03-07")]


@pytest.mark.model
def test_events_for_someone_to_act_is_wanted_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rask's allies are ready for Anton Vell to call it quits."
    assert [e.status for e in _only(_annotate(nlp, text), "RETREAT")] == ["planned"]
    text = "It is time for Veloria to sign the agreement."
    assert [e.status for e in _only(_annotate(nlp, text), "SUPPORT")] == ["planned"]
