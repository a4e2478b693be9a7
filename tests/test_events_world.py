"""Events: rules found by reading storyline's events on world news (China, Britain, Israel,
Mexico, the armed forces): words that news also uses in an everyday sense ("declined to
comment", "free up cash", "allowed for", "give credit"), whom a plea is made to ("pleaded
with them to investigate"), who holds what others give ("has the support of"), and how a
headline or a schedule's infinitive stands ("Prime minister to chair a Cabinet meeting").

Every sentence here is our own, written for these tests; none is taken from any corpus. The
real pipeline runs on them (the ``model`` tier).
"""

from __future__ import annotations

import pytest

from test_events import _only
from test_events_guardian import _events, _roles

pytestmark = pytest.mark.model


def test_events_world_keeping_words_back_rejects_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The ministry declined to comment on the report.",
        "A spokesman refused to confirm whether the talks would resume.",
        "Officials declined to say how many soldiers were wounded.",
        "The two envoys refused to talk to the media after the meeting.",
    ):
        assert not _only(_events(nlp, text), "REJECT"), text
    for text in (
        "Serbia refused to talk to Kosovo.",
        "The government declined to extend the ceasefire.",
    ):
        assert _only(_events(nlp, text), "REJECT"), text


def test_events_world_everyday_senses_of_freeing_allowing_and_facilitating(nlp) -> None:  # type: ignore[no-untyped-def]
    for text, kind in (
        ("The new rules will free up cash for the schools.", "RETREAT"),
        ("Critics say the pullout allowed for the growth of the militia.", "CONCEDE"),
        ("The rules prohibit banks from facilitating transactions with the regime.", "CONSULT"),
        ("Nobody here is talking about a general, we're talking about a clerk.", "CONSULT"),
        ("\u201cThis is not a general we\u2019re talking about here,\u201d he said.", "CONSULT"),
        ("There is general agreement among economists that the tariffs failed.", "AGREE"),
    ):
        assert not _only(_events(nlp, text), kind), text
    [talks] = _only(_events(nlp, "The EU facilitated the dialogue between Belgrade and Pristina."), "CONSULT")
    assert _roles(talks, "mediator") == ["EU"]
    assert _only(_events(nlp, "The army freed the hostages on Monday."), "RETREAT")


def test_events_world_credit_given_is_praise(nlp) -> None:  # type: ignore[no-untyped-def]
    [praise] = _only(_events(nlp, "\u201cI give Lindholm great credit,\u201d the president said."), "SUPPORT")
    assert _roles(praise, "target") == ["Lindholm"]
    assert not _only(_events(nlp, "Senator Tovin gave the envoy credit for the deal."), "AID")
    assert _only(_events(nlp, "The bank gave Ukraine a $2 billion credit."), "AID")


def test_events_world_a_plea_with_someone_asks_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Democrats seized on the report, pleading with Republicans to investigate the minister."
    events = _events(nlp, text)
    [plea] = _only(events, "REQUEST")
    assert _roles(plea, "source") == ["Democrats"] and _roles(plea, "target") == ["Republicans"]
    # what they are asked to do is the plea's topic, no investigation the Democrats opened
    assert not _only(events, "ACCUSE")


def test_events_world_who_holds_the_support_of_others_receives_it(nlp) -> None:  # type: ignore[no-untyped-def]
    [backing] = _only(_events(nlp, "Kurti has the support of the United States."), "SUPPORT")
    assert _roles(backing, "source") == ["United States"] and _roles(backing, "target") == ["Kurti"]


def test_events_world_what_a_thing_is_meant_to_do_is_not_its_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _only(_events(nlp, "The nuclear deal was meant to prevent Tehran from getting a weapon."), "AGREE")
    [talks] = _only(_events(nlp, "The talks were meant to resume in Brussels on Monday."), "CONSULT")
    assert talks.status == "planned"


def test_events_world_a_headline_infinitive_is_due(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("What happens next?\n\nMonday\n\nPrime minister to chair a Cabinet meeting\n\n"
            "Tovin to hold talks at Lindholm\n")
    events = _only(_events(nlp, text), "CONSULT")
    assert events and all(e.status == "planned" for e in events)
    # a sentence the splitter cut at an abbreviation is no headline
    text = "The court appointed Col. Marek Tovin to lead a special investigation. Tovin found the files."
    [inquiry] = _only(_events(nlp, text), "ACCUSE")
    assert inquiry.status == "occurred"


def test_events_world_a_present_after_when_under_a_plan_is_planned(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The prime minister is expected to issue a warning when he speaks to parliament on Tuesday."
    [speech] = _only(_events(nlp, text), "CONSULT")
    assert speech.status == "planned"
    [meeting] = _only(_events(nlp, "The president often meets foreign envoys."), "CONSULT")
    assert meeting.status == "hypothetical"


def test_events_world_a_convener_of_an_inquiry_leads_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The government convened an independent inquiry into the police."
    [inquiry] = _only(_events(nlp, text), "ACCUSE")
    assert _roles(inquiry, "source") == ["government"] and not _roles(inquiry, "mediator")
    [truce] = _only(_events(nlp, "Egypt brokered a truce between the two sides last week."), "RETREAT")
    assert _roles(truce, "mediator") == ["Egypt"]


def test_events_world_a_source_asking_not_to_be_named_asks_nothing_of_anyone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An official who asked not to be named told reporters on Friday that the inquiry had ended."
    assert not _only(_events(nlp, text), "REQUEST")
    assert _only(_events(nlp, "The minister asked Tovin to resign on Friday."), "REQUEST")


def test_events_world_idioms_of_speaking_and_preferring(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tovin and Karst spoke in dire terms about the threat posed by the militia."
    assert not _only(_events(nlp, text), "CONSULT")
    text = "Officials wondered why the envoy was taking the word of the Danes over the Swedes."
    assert not _only(_events(nlp, text), "COERCE")
    assert _only(_events(nlp, "The rebels took over the town hall on Monday."), "COERCE")


def test_events_world_a_planned_summit_whatever_it_is_meant_to_do(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The summit that Tovin will hold with Karst next week is intended to reassure the allies."
    [summit] = _only(_events(nlp, text), "CONSULT")
    assert summit.status == "planned"
