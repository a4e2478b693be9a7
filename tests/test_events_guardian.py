"""Events: rules found by reading storyline's events on long-form news (era dates, warnings that
only predict, threats by things, topics with quotation marks, passives, reported clauses).

Every sentence here is our own, written for these tests; none is taken from any corpus. The
real pipeline runs on them (the ``model`` tier).
"""

from __future__ import annotations

import pytest

from storyline.model import Event
from test_events import _annotate, _only

pytestmark = pytest.mark.model

PUBLISHED = "2025-03-04"


def _events(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return _annotate(nlp, text, PUBLISHED)


def _roles(event: Event, role: str) -> list[str]:
    return [a.name for a in event.actors if a.role == role]


def _finer_than_era(event: Event) -> bool:
    """No century ('20') or decade ('198') value: an era never dates an event."""
    return event.date is None or not (event.date.value.isdigit() and len(event.date.value) < 4)


# --------------------------------------------------------------------------- dates


def test_events_guardian_century_dates_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Farm unions warned that food prices were climbing for the first time this century.")
    assert events and all(_finer_than_era(e) for e in events)
    [fought] = _only(_events(nlp, "Chilean troops fought rebels in the 1980s."), "ASSAULT")
    assert fought.date is None  # set in an era: neither the decade nor the publication day


def test_events_guardian_era_of_a_noun_does_not_cross_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Army units are gathering near the valley for a possible assault on the river towns. "
        "Relief groups have warned of the worst famine of this century if the assault begins."
    )
    events = _events(nlp, text)
    assert all(_finer_than_era(e) for e in events)
    [assault] = _only(events, "ASSAULT")
    assert assault.date is None


def test_events_guardian_since_opens_a_period(nlp) -> None:  # type: ignore[no-untyped-def]
    [killed] = _only(_events(nlp, "Forty aid workers have been abducted in the province since 2015."), "ASSAULT")
    assert killed.date is not None and killed.date.value != "2015"


def test_events_guardian_reported_clause_dates_what_is_said(nlp) -> None:  # type: ignore[no-untyped-def]
    [said] = _only(_events(nlp, "The ministry said the ferry would sail on Friday."), "STATEMENT")
    assert said.status == "occurred" and said.date is not None and said.date.value == PUBLISHED


def test_events_guardian_quoted_time_stays_in_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army released the fishermen on Monday, saying “tomorrow we will return them home” and urging calm."
    [urging] = _only(_events(nlp, text), "REQUEST")
    assert urging.reports[0].date_text != "tomorrow"


def test_events_guardian_clause_on_a_year_is_dated_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trade recovered after the crisis of 2016, when Chile expelled a Peruvian diplomat."
    [expelled] = _only(_events(nlp, text), "SANCTION")
    assert expelled.date is not None and expelled.date.value == "2016"


# --------------------------------------------------------------------------- warnings and threats


def test_events_guardian_warning_that_predicts_is_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Farm unions warned that food prices were climbing.")
    assert not _only(events, "THREATEN")
    [said] = _only(events, "STATEMENT")
    assert _roles(said, "source") == ["Farm unions"]


def test_events_guardian_warning_of_a_penalty_is_a_threat(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Chile warned Peru that it would face sanctions if the fishing dispute continued."
    [threat] = _only(_events(nlp, text), "THREATEN")
    assert _roles(threat, "source") == ["Chile"] and _roles(threat, "target") == ["Peru"]
    navy = "The harbour chief warned that the navy will seize unlicensed trawlers."
    assert _only(_events(nlp, navy), "THREATEN")
    assert _only(_events(nlp, "Chile warned of sanctions against Peru."), "THREATEN")


def test_events_guardian_topic_keeps_quoted_words(nlp) -> None:  # type: ignore[no-untyped-def]
    [threat] = _only(_events(nlp, "Chile warned of “severe sanctions” against Peru."), "THREATEN")
    assert threat.topic == "“severe sanctions” against Peru"
    [said] = _only(_events(nlp, "The Red Cross warned of the “gravest food shortage” in decades."), "STATEMENT")
    assert said.topic is not None and said.topic.startswith("the “gravest food shortage”")


def test_events_guardian_things_threaten_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "With floods and falling wages threatening to erase a decade of gains, the bishops warned "
        "that poverty was spreading."
    )
    events = _events(nlp, text)
    assert not _only(events, "THREATEN")  # not the floods', and not borrowed by the bishops
    assert not _only(_events(nlp, "Rising prices threaten to derail the recovery."), "THREATEN")
    assert not _only(_events(nlp, "To delay the vote threatens the rule of law."), "THREATEN")


def test_events_guardian_a_threat_described_is_no_threat_made(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _only(_events(nlp, "Officials said the gang is a threat to the harbour."), "THREATEN")


# --------------------------------------------------------------------------- who did it


def test_events_guardian_passive_speech_verb_has_its_agent_for_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    [said] = _only(_events(nlp, "The plan was revealed by Reuters on Friday."), "STATEMENT")
    assert _roles(said, "source") == ["Reuters"]


def test_events_guardian_accused_of_backing(nlp) -> None:  # type: ignore[no-untyped-def]
    [backing] = _only(_events(nlp, "Bolivia accused Chile of backing the rebels."), "SUPPORT")
    assert _roles(backing, "source") == ["Chile"]


def test_events_guardian_at_the_hands_of(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The death of the president, whose killing at the hands of rebels divided the country, shocked Peru."
    [killing] = _only(_events(nlp, text), "ASSAULT")
    assert _roles(killing, "source") == ["rebels"]


def test_events_guardian_coordinated_passive_is_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    [shot] = _only(_events(nlp, "Three Peruvian fishermen were detained and shot."), "ASSAULT")
    assert not _roles(shot, "source") and _roles(shot, "target")


def test_events_guardian_enabled_to_act(nlp) -> None:  # type: ignore[no-untyped-def]
    [retake] = _only(_events(nlp, "Bolivian money enabled the rebels to retake the port."), "ASSAULT")
    assert _roles(retake, "source") == ["rebels"]


def test_events_guardian_private_journey_is_no_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _only(_events(nlp, "Ana Torres travelled to Lima last year."), "CONSULT")
    [visit] = _only(_events(nlp, "The foreign minister travelled to Lima on Monday."), "CONSULT")
    assert visit.mode == "visit"


# --------------------------------------------------------------------------- what it is, how it stands


def test_events_guardian_insisting_on_a_fact_is_a_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Ana Torres insisted that the soldiers were not involved.")
    assert not _only(events, "REQUEST") and _only(events, "STATEMENT")
    assert _only(_events(nlp, "Ana Torres insisted that Peru should release the fishermen."), "REQUEST")


def test_events_guardian_questions_and_quitting_are_no_events(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _only(_events(nlp, "Reporters asked what the minister thought of the deal."), "REQUEST")
    assert not _only(_events(nlp, "The strikers will not give up this time."), "RETREAT")
    [disarm] = _only(_events(nlp, "The rebels gave up their weapons."), "RETREAT")
    assert disarm.mode == "disarm"
    assert not _only(_events(nlp, "The floods helped speed up the reforms."), "AID")
    assert not _only(_events(nlp, "The envoy has a great deal of work ahead."), "AGREE")
    assert not _only(_events(nlp, "Refugees face freezing temperatures."), "SANCTION")


def test_events_guardian_plot_and_whether_leave_it_open(nlp) -> None:  # type: ignore[no-untyped-def]
    [kill] = _only(_events(nlp, "News of the plot to kill the governor emerged in court."), "ASSAULT")
    assert kill.status == "planned"
    [supports] = _only(_events(nlp, "It is unclear whether Chile supports the rebels."), "SUPPORT")
    assert supports.status == "hypothetical"
    hikers = "The mayor said she would not use the fire brigade to rescue the stranded hikers."
    [rescue] = _only(_events(nlp, hikers), "AID")
    assert rescue.status == "negated"
