"""The day of the news: acts a next-day report tells without a time of their own happened on
the day its lead names, not on the day the paper appeared (time.story_day); and a date on the
occasion of an act dates the act ("in a July 16 press conference, Jobs said")."""

from __future__ import annotations

import pytest

from storyline.extract.entities import extract_entities
from storyline.extract.events import extract_events
from storyline.extract.quotes import extract_quotes
from storyline.extract.time import extract_timexes, story_day
from storyline.model import Article, Event, Quote, article_id

PUBLISHED = "2025-06-11"  # a Wednesday
NEXT_DAY_REPORT = (
    "Lindholm unveils a plan for the border\n\n"
    "Yesterday, in Oslo, the Lindholm envoy Mara Olsen unveiled a plan for the border crossings. "
    "Karst's foreign minister Tovin Dravic welcomed the plan.\n\n"
    "Olsen also said the crossings were long overdue. Dravic says the plan is fair."
)


def _run(nlp, text: str, published: str = PUBLISHED) -> tuple[list[Event], list[Quote], str | None]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    article = Article(article_id(text), text, "test", published=published)
    mentions, entities = extract_entities(doc, article)
    timexes = extract_timexes(doc, article)
    day = story_day(doc, timexes, published)
    return (extract_events(doc, article, mentions, entities, timexes),
            extract_quotes(doc, article, mentions, entities, timexes), day.value if day else None)


def _dated(events: list[Event], text: str, trigger: str, sentence: str = "") -> str | None:
    """The date of the one event whose trigger is these words, in the sentence holding those."""
    [event] = [e for e in events if text[e.reports[0].start:e.reports[0].end] == trigger
               and sentence in text[e.reports[0].sentence_start:e.reports[0].sentence_end]]
    return event.date.value if event.date else None


@pytest.mark.model
def test_story_day_dates_what_a_next_day_report_tells_in_the_past(nlp) -> None:  # type: ignore[no-untyped-def]
    events, quotes, day = _run(nlp, NEXT_DAY_REPORT)
    assert day == "2025-06-10"
    assert _dated(events, NEXT_DAY_REPORT, "said", "also said") == "2025-06-10"
    assert _dated(events, NEXT_DAY_REPORT, "welcomed") == "2025-06-10"
    said = [q for q in quotes if q.cue == "said"]
    assert said and all(q.date is not None and q.date.value == "2025-06-10" for q in said)
    # the present tells what holds on the day of the paper
    says = [q for q in quotes if q.cue == "says"]
    assert says and all(q.date is not None and q.date.value == PUBLISHED for q in says)


@pytest.mark.model
def test_story_day_dates_what_a_saying_of_that_day_reports_as_done(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Yesterday, in Oslo, the Lindholm envoy Mara Olsen unveiled a plan for the border crossings. "
            "Karst's chief negotiator said the talks had stalled. He said Karst would meet the envoy in July.")
    events, _, day = _run(nlp, text)
    assert day == "2025-06-10"
    # done by the day he said so, not by the day the paper appeared
    assert _dated(events, text, "talks") == "2025-06-10"
    # a plan he told of keeps its own time
    assert _dated(events, text, "meet") not in ("2025-06-10", PUBLISHED)


@pytest.mark.model
@pytest.mark.parametrize("lead", [
    # the news of the day itself
    "On Wednesday, in Oslo, the envoy Mara Olsen unveiled a plan for the border crossings.",
    # news several days old is the peg of fresh reactions, which are of the paper's day
    "Last Thursday, in Oslo, the envoy Mara Olsen unveiled a plan for the border crossings.",
    # the lead runs on to the day the paper appeared
    "The envoy Mara Olsen unveiled a plan on Tuesday night, and on Wednesday morning Karst replied.",
    # a date in brackets is a citation, not the day of the news
    "The envoy's plan for the border (Opinion, 10 June) is misguided, writes Mara Olsen.",
])
def test_story_day_none_when_the_lead_is_not_of_the_day_before(nlp, lead: str) -> None:  # type: ignore[no-untyped-def]
    text = lead + " Tovin Dravic welcomed the plan.\n\nOlsen also said the crossings were long overdue."
    events, _, day = _run(nlp, text)
    assert day is None
    assert _dated(events, text, "said") == PUBLISHED


@pytest.mark.model
def test_story_day_leaves_perfects_plans_and_quotations_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (NEXT_DAY_REPORT + " Olsen has said the border must open. "
            "\"We met the Karst delegation,\" Dravic said.")
    events, _, _ = _run(nlp, text)
    assert _dated(events, text, "said", "has said") == PUBLISHED
    assert _dated(events, text, "met") == PUBLISHED  # what a quotation says is the speaker's to date


@pytest.mark.model
@pytest.mark.parametrize(("text", "value"), [
    ("In a 2 June press conference, Dravic said the crossings would open in August.", "2025-06-02"),
    ("At a Monday news conference, the minister said the crossings were long overdue.", "2025-06-09"),
    ("At the 5 June summit, Olsen said the crossings were long overdue.", "2025-06-05"),
    ("Olsen told a 5 June rally that the crossings were long overdue.", "2025-06-05"),
])
def test_story_day_a_date_on_the_occasion_dates_the_act(nlp, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    events, _, _ = _run(nlp, text)
    acts = [e for e in events if e.type in ("STATEMENT", "ACCUSE")]
    assert acts and all(e.date is not None and e.date.value == value for e in acts)


@pytest.mark.model
def test_story_day_a_date_on_a_thing_still_dates_no_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The minister criticised the 2019 agreement on Monday."
    events, _, _ = _run(nlp, text)
    [event] = [e for e in events if e.type == "ACCUSE"]
    assert event.date is not None and event.date.value == "2025-06-09"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The crossing, Olsen said, would open next year.",
    "The new crossings, the minister said, would be built in 2027.",
])
def test_story_day_a_time_in_what_a_parenthetical_verb_reports_is_not_the_sayings(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events, _, _ = _run(nlp, text)
    [said] = [e for e in events if e.type == "STATEMENT"]
    assert (said.status, said.date.value if said.date else None) == ("occurred", PUBLISHED)


LEAD = ("Yesterday, in Oslo, the envoy Mara Olsen unveiled a plan for the border. Karst's minister Tovin Dravic "
        "welcomed the plan. The plan covers six crossings.\n\n")


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger"), [
    # the text moves on to the paper's day: what follows is of that day
    (LEAD + "On Wednesday, Olsen met the Karst delegation in Bergen. She also accused the opposition of lying.",
     "accused"),
    (LEAD + "This morning the opposition leader Erik Lund criticised the plan. He said it ignored the farmers.",
     "said"),
    # a day inside a quotation, a relative or a subordinate clause is no day of the news
    ("\"The talks collapsed yesterday,\" the union leader Erik Lund told reporters. The transport minister Mara "
     "Olsen urged both sides to return to the table.\n\nOlsen also said the government would not intervene.", "said"),
    ("The health minister Mara Olsen, who returned from Brussels yesterday, announced her resignation. The prime "
     "minister thanked her for her service.", "thanked"),
    ("Doctors are on strike after talks with the ministry broke down yesterday. The health minister Mara Olsen "
     "urged them to return to work.", "urged"),
])
def test_story_day_stops_where_the_news_is_of_the_paper_s_day(nlp, text: str, trigger: str) -> None:  # type: ignore[no-untyped-def]
    events, _, _ = _run(nlp, text)
    assert _dated(events, text, trigger) == PUBLISHED


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Olsen demanded a vote at the June 20 session.",  # a coming session is no occasion of an act done
    "Olsen threatened a walkout at the June 20 summit.",
    "Olsen condemned the violence at the Sunday rally.",  # the rally may be what she condemned
    "Olsen accused Dravic of lying in the June 5 debate.",
])
def test_story_day_an_occasion_dates_only_what_was_said_there_before(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events, _, _ = _run(nlp, text)
    [act] = [e for e in events if e.type in ("REQUEST", "THREATEN", "ACCUSE")]
    assert (act.status, act.date.value if act.date else None) == ("occurred", PUBLISHED)
