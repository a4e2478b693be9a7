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
    # abductions over the years since 2015: dated neither 2015 nor the day of the article
    [killed] = _only(_events(nlp, "Forty aid workers have been abducted in the province since 2015."), "ASSAULT")
    assert killed.date is None


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


# --------------------------------------------------------------------------- war reporting


def test_events_guardian_strikes_by_armies_are_attacks(nlp) -> None:  # type: ignore[no-untyped-def]
    [hit] = _only(_events(nlp, "Russian strikes hit Kharkiv overnight."), "ASSAULT")
    assert _roles(hit, "source") == ["Russia"] and _roles(hit, "target") == ["Kharkiv"]
    [launched] = _only(_events(nlp, "Israel launched strikes against Hezbollah positions in Lebanon."), "ASSAULT")
    assert _roles(launched, "source") == ["Israel"]
    for text in (
        "The strikes killed 12 civilians in the port.",
        "Israel carried out strikes on the town of Rafah.",
        "The strikes were launched by the military on Tuesday.",
    ):
        events = _events(nlp, text)
        assert _only(events, "ASSAULT") and not _only(events, "PROTEST"), text


def test_events_guardian_the_strikes_of_a_war_report(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Missile strikes destroyed a power station near Odesa on Monday. "
        "One such strike took place hours before the minister spoke."
    )
    events = _events(nlp, text)
    assert not _only(events, "PROTEST")  # "the strike" is the missile strike named before
    text = "Warplanes dropped bombs on the refinery at dawn. The strike took place hours before the talks."
    assert not _only(_events(nlp, text), "PROTEST")  # a report on bombs, with no word of work


def test_events_guardian_stoppages_stay_protests(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Teachers went on strike on Monday.",
        "The unions called a general strike.",
        "Rail workers staged a 24-hour strike over pay.",
        "The dockers launched a strike over pay.",
    ):
        events = _events(nlp, text)
        assert _only(events, "PROTEST") and not _only(events, "ASSAULT"), text
    text = "The dockworkers' strike entered its third week. The strike took place despite threats."
    assert not _only(_events(nlp, text), "ASSAULT")


def test_events_guardian_weapons_strikes_read_alike(nlp) -> None:  # type: ignore[no-untyped-def]
    for noun in ("air strikes", "drone strikes", "missile strikes", "shelling", "bombardment"):
        [killed] = _only(_events(nlp, f"Russian {noun} killed five people in Kharkiv."), "ASSAULT")
        assert _roles(killed, "source") == ["Russia"] and killed.mode is not None, noun
        carried = _events(nlp, f"Israel carried out {noun} against Hezbollah.")
        assert [e.type for e in carried] == ["ASSAULT"], noun


def test_events_guardian_captured_people_are_detained(nlp) -> None:  # type: ignore[no-untyped-def]
    [took] = _only(_events(nlp, "Rebels captured two soldiers near the dam."), "COERCE")
    assert took.mode == "arrest" and _roles(took, "source") == ["Rebels"]
    for text in (
        "The soldier was captured near Bakhmut.",
        "Marta Olsen was captured by militants in 2014.",
        "The gunmen who captured him were later arrested.",
    ):
        events = _events(nlp, text)
        assert _only(events, "COERCE") and not _only(events, "ASSAULT"), text
    text = "The reporter Marta Olsen travelled to Raqqa in 2013. Olsen was captured by militants there."
    assert _only(_events(nlp, text), "COERCE")  # a surname the entity stage knows for a person
    [town] = _only(_events(nlp, "Government forces captured the town after a week of fighting."), "ASSAULT")
    assert not _only(_events(nlp, "Government forces captured the town."), "COERCE") and town
    assert _only(_events(nlp, "The army recaptured the village."), "ASSAULT")
    assert not _events(nlp, "The beheadings were captured on film.")
    assert not _events(nlp, "The song captured the public mood.")


def test_events_guardian_fighting_with_allies(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "British volunteers have fought with the Kurdish YPG against Islamic State."
    [fought] = _only(_events(nlp, text), "ASSAULT")
    assert _roles(fought, "target") == ["Islamic State"]
    text = "Kurdish militias that had fought with Washington in the war against Islamic State were attacked."
    assert all("Washington" not in _roles(e, "target") for e in _events(nlp, text))
    text = "Marta Olsen fought with the rebels for two years."
    assert all(not _roles(e, "target") for e in _only(_events(nlp, text), "ASSAULT"))
    text = "Lars Berg joined the militia and fought with them against the army."
    assert all("militia" not in _roles(e, "target") for e in _events(nlp, text))


def test_events_guardian_fighting_with_police_is_a_clash(nlp) -> None:  # type: ignore[no-untyped-def]
    [clash] = _only(_events(nlp, "Protesters were fighting with police in the square."), "ASSAULT")
    assert _roles(clash, "target") == ["police"]
    [clash] = _only(_events(nlp, "Protesters clashed with police in Cairo."), "ASSAULT")
    assert _roles(clash, "target") == ["police"]
    [battle] = _only(_events(nlp, "Government troops fought with rebels near the border."), "ASSAULT")
    assert _roles(battle, "target") == ["rebels"]
