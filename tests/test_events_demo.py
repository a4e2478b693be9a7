"""Events: rules found by reading storyline's events on its own example articles (examples/):
who a role noun with a name set off by commas is ("the commander of the mission, General X,"),
whom "she" stands for in what a speaker reports, a past verb the parser hung on a modal clause,
a clause before a semicolon, what is awaited ("until the commission meets"), where a meeting is
held ("meet at Mirov"), a time at the end of a topic, and an act recalled beside a dated past.

Every sentence here is our own, written for these tests; the real pipeline runs on them (the
``model`` tier).
"""

from __future__ import annotations

import pytest

from test_events import _only
from test_events_guardian import _events, _roles

pytestmark = pytest.mark.model


def test_events_demo_a_name_set_off_by_commas_names_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    # the small model tags neither name of the target, and hangs the source's on the body
    text = (
        "The commander of the Concord Monitoring Mission, Major General Aldo Ferrant, met Aurelia's "
        "ambassador to Veldora, Yuki Sanderlund, at the mission's headquarters on Monday."
    )
    [met] = _only(_events(nlp, text), "CONSULT")
    assert _roles(met, "source") == ["Aldo Ferrant"]
    assert _roles(met, "target") == ["Yuki Sanderlund"]


def test_events_demo_she_in_a_report_is_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marek Tovin demanded an apology. The envoy, Ingrid Halvorsen, who met Tovin alone after the "
        "delegation failed to arrive, said that she would consult both capitals before proposing a date."
    )
    [consult] = [e for e in _only(_events(nlp, text), "CONSULT") if e.status == "planned"]
    assert _roles(consult, "source") == ["Ingrid Halvorsen"]
    # inside quotation marks "he" is whoever the speaker talks about, not the speaker
    quoted = "Marek Tovin met the envoy. \u201cHe will attack us next week,\u201d Lena Dravic said."
    assert all("Lena Dravic" not in _roles(e, "source") for e in _only(_events(nlp, quoted), "ASSAULT"))


def test_events_demo_a_past_verb_cannot_share_a_modal(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dravic said that Karst would attend the next session, and accused Marek Tovin of using the incident."
    events = _events(nlp, text)
    [accused] = _only(events, "ACCUSE")
    assert accused.status == "occurred"
    assert _roles(accused, "source") == ["Dravic"]
    assert _roles(accused, "target") == ["Marek Tovin"]
    [attend] = _only(events, "CONSULT")
    assert attend.status == "planned" and "Marek Tovin" not in _roles(attend, "target")


def test_events_demo_a_semicolon_ends_the_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Veldora wants a water commission; Karst demands a fixed share for its farmers."
    [demand] = _only(_events(nlp, text), "REQUEST")
    assert _roles(demand, "source") == ["Karst"]
    assert _roles(demand, "target") == []
    assert demand.topic == "a fixed share for its farmers"
    # a quotation runs on through its semicolons to the one who said it
    quoted = ("\u201cWe can help people get goods; we can help with deliveries; we can even help with "
              "emergencies,\u201d Jerry Xu wrote in an email.")
    [wrote] = _only(_events(nlp, quoted), "STATEMENT")
    assert _roles(wrote, "source") == ["Jerry Xu"]


def test_events_demo_what_a_time_clause_awaits_is_planned(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "She demanded that work on the reservoirs stop until the commission meets.",
        "The ministers will not sign anything before the commission meets.",
    ):
        [meets] = _only(_events(nlp, text), "CONSULT")
        assert meets.status == "planned" and meets.date is None, text
    # in the past, or in the perfect, it happened
    [met] = _only(_events(nlp, "The work stopped after the commission met on Monday."), "CONSULT")
    assert met.status == "occurred"
    text = "The company has suffered criticism after riots have broken out at its centres."
    [riots] = _only(_events(nlp, text), "PROTEST")
    assert riots.status == "occurred"


def test_events_demo_where_a_meeting_is_held_is_no_party(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Customs officers of both countries are due to meet at Mirov next week to prepare the opening."
    [meet] = _only(_events(nlp, text), "CONSULT")
    assert _roles(meet, "target") == []
    assert meet.status == "planned" and meet.date is not None and "-W" in meet.date.value


def test_events_demo_a_time_ends_the_topic(nlp) -> None:  # type: ignore[no-untyped-def]
    [rejected] = _only(_events(nlp, "Marek Tovin rejected the claim on Tuesday evening."), "REJECT")
    assert rejected.topic == "the claim"
    assert rejected.date is not None and rejected.date.value.startswith("2025-03-04")


def test_events_demo_an_act_before_a_dated_past_is_not_dated_today(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The mission was deployed in 2019 after a ceasefire ended months of clashes in the border districts."
    events = _events(nlp, text)
    [deployed] = _only(events, "MOBILIZE")
    assert deployed.date is not None and deployed.date.value == "2019"
    [ceasefire] = _only(events, "RETREAT")
    assert ceasefire.date is None


def test_events_demo_what_an_agreement_is_to_do_is_planned(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Dravic welcomed the agreement to reopen the Mirov crossing to freight.",
        "The two sides were close to an agreement on reopening the Mirov crossing to freight.",
    ):
        [reopen] = _only(_events(nlp, text), "RETREAT")
        assert reopen.status == "planned", text


def test_events_demo_an_agreement_reached_at_a_dated_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marek Tovin said on Wednesday that the agreement, reached at Monday's trilateral meeting in "
        "Lindholm, was only a first step."
    )
    [agreement] = _only(_events(nlp, text), "AGREE")
    assert agreement.date is not None and agreement.date.value == "2025-03-03"


def test_events_demo_it_beside_a_clause_is_that_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Karst blamed a strike at the airport; Veldora accused it of stalling.")
    [accused] = [e for e in _only(events, "ACCUSE") if _roles(e, "source") == ["Veldora"]]
    assert _roles(accused, "target") == ["Karst"]


def test_events_demo_a_name_behind_a_preposition_is_not_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The two sides discussed the patrols along the Tessel river on Monday."
    assert all("Tessel" not in _roles(e, "target") for e in _events(nlp, text))


def test_events_demo_what_was_done_without_is_not_dated(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday she accused Veldora of building two reservoirs without consulting Karst."
    [consulting] = _only(_events(nlp, text), "CONSULT")
    assert consulting.status == "negated" and consulting.date is None


def test_events_demo_from_when_what_was_agreed_holds(nlp) -> None:  # type: ignore[no-untyped-def]
    # the article is of 4 March: the agreeing was done, the freight runs from 1 April
    for text in (
        "The two sides agreed on freight through Mirov from 1 April.",
        "Hosted the negotiators in Lindholm today. Agreed on freight through Mirov from 1 April.",
    ):
        [agreed] = _only(_events(nlp, text), "AGREE")
        assert agreed.status == "occurred" and agreed.date is not None, text
        assert agreed.date.value == "2025-03-04", text
    [opening] = _only(_events(nlp, "The two sides will open the crossing from 1 April."), "RETREAT")
    assert opening.status == "planned" and opening.date is not None and opening.date.value == "2025-04-01"


def test_events_demo_a_demand_about_a_thing_has_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lena Dravic said that the statute of the Tessel Basin Commission must be settled first."
    [demand] = _only(_events(nlp, text), "REQUEST")
    assert _roles(demand, "source") == ["Lena Dravic"] and _roles(demand, "target") == []
    assert demand.topic == "the statute of the Tessel Basin Commission must be settled first"
    [on_libya] = _only(_events(nlp, "The minister said Libya must hand over the suspects."), "REQUEST")
    assert _roles(on_libya, "target") == ["Libya"]
    # any party among coordinated subjects makes it a demand on them
    text = "Maya Harris said that cities and states should have the power to craft laws."
    [on_states] = _only(_events(nlp, text), "REQUEST")
    assert _roles(on_states, "target") == ["states"]
    text = "Lena Dravic said that the statute of the commission and the quotas must be settled first."
    [both] = _only(_events(nlp, text), "REQUEST")
    assert both.topic == "the statute of the commission and the quotas must be settled first"


def test_events_demo_what_is_discussed_is_no_party(nlp) -> None:  # type: ignore[no-untyped-def]
    # "patrol" is a word for a group of soldiers; discussed, it is the subject of the talks
    text = "Halvorsen and Tovin discussed patrols along the Tessel river."
    [talks] = _only(_events(nlp, text), "CONSULT")
    assert _roles(talks, "source") == ["Halvorsen", "Tovin"] and _roles(talks, "target") == []
    assert talks.topic == "patrols along the Tessel river"
    # the partner still comes with "with"
    [with_envoy] = _only(_events(nlp, "Dravic discussed the Mirov crossing with Halvorsen."), "CONSULT")
    assert _roles(with_envoy, "target") == ["Halvorsen"] and with_envoy.topic == "the Mirov crossing"


def test_events_demo_what_one_brings_is_no_partner(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lena Dravic said that Karst would attend the next session with the same delegation."
    [attend] = _only(_events(nlp, text), "CONSULT")
    assert _roles(attend, "source") == ["Karst"] and _roles(attend, "target") == []
    [with_kosovo] = _only(_events(nlp, "Vucic will attend talks with Kosovo in Brussels."), "CONSULT")
    assert _roles(with_kosovo, "target") == ["Kosovo"]


def test_events_demo_a_plan_is_not_dated_by_its_telling(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tests' articles appear on 4 March 2025: "yesterday" is 3 March, Monday is 10 March
    [plan] = _only(_events(nlp, "Dravic said yesterday that Karst will discuss the quotas with Veldora."), "CONSULT")
    assert plan.status == "planned" and plan.date is None
    [dated] = _only(_events(nlp, "Dravic said yesterday that the two sides will meet on Monday."), "CONSULT")
    assert dated.status == "planned" and dated.date is not None and dated.date.value == "2025-03-10"
    [done] = _only(_events(nlp, "Dravic said yesterday that the talks in Lindholm had failed."), "CONSULT")
    assert done.date is not None and done.date.value == "2025-03-03"


def test_events_demo_a_time_clause_lends_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lena Dravic said that the statute of the commission must be settled before Karst discusses "
        "any other issue with Veldora."
    )
    events = _events(nlp, text)
    [demand] = _only(events, "REQUEST")
    assert _roles(demand, "target") == []
    [talks] = _only(events, "CONSULT")
    assert talks.status == "planned" and _roles(talks, "target") == ["Veldora"]


def test_events_demo_nothing_refers_back_to_a_condition(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lena Dravic said that the statute must be settled before Karst discusses any other issue with "
        "Veldora. \u201cIn September we will talk about the statute,\u201d Dravic said."
    )
    talks = _only(_events(nlp, text), "CONSULT")
    assert len(talks) == 2
    [september] = [e for e in talks if e.date is not None]
    assert september.date is not None and september.date.value == "2025-09" and september.topic == "the statute"
    # an announced plan still takes what later points back at it
    text = "Karst and Veldora will hold talks in Lindholm. In September we will talk about the statute, Dravic said."
    [one] = _only(_events(nlp, text), "CONSULT")
    assert one.date is not None and one.date.value == "2025-09"


def test_events_demo_a_threat_and_no_choice_are_no_attack(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "to destroy" on "followed", across the threat's own phrase
    text = ("The warning followed the minister's threat at the council session to \u201ctotally destroy\u201d "
            "the rebel camps if attacked.")
    assert all(e.status != "occurred" for e in _only(_events(nlp, text), "ASSAULT"))
    text = "On Monday, Karst said that if forced, \u201cwe will have no choice but to attack Lindholm.\u201d"
    [attack] = _only(_events(nlp, text), "ASSAULT")
    assert attack.status == "hypothetical" and attack.date is None  # not the day it was said
    [attack] = _only(_events(nlp, "Karst said the army would have no choice but to attack Lindholm."), "ASSAULT")
    assert attack.status == "planned"
    [attack] = _only(_events(nlp, "The army had no choice but to attack Lindholm."), "ASSAULT")
    assert attack.status == "occurred"


def test_events_demo_the_day_of_saying_is_not_the_day_of_the_plan(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dravic said on Friday he would hold talks with Karst on July 30 in Lindholm."
    [talks] = _only(_events(nlp, text), "CONSULT")
    assert talks.status == "planned" and talks.date is not None and talks.date.value == "2025-07-30"
    # called off, the talks were to be on a day of their own, not the day of the article
    [off] = _only(_events(nlp, "Karst cancelled the talks with Dravic."), "CONSULT")
    assert off.status == "cancelled" and off.date is None


def test_events_demo_a_task_left_to_someone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The statement had no details, leaving it to Karst to negotiate the terms with Dravic."
    [talks] = _only(_events(nlp, text), "CONSULT")
    assert _roles(talks, "source") == ["Karst"] and talks.status == "planned"


def test_events_demo_names_run_into_one_phrase_are_two_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    # parsed as one long name headed by "Korvel"
    text = ("In the town where Brovanian President Ilir Dragan and Veldoran leader Anna Korvel met last "
            "month, protests continued.")
    [met] = _only(_events(nlp, text), "CONSULT")
    assert sorted(_roles(met, "source")) == ["Anna Korvel", "Ilir Dragan"]


def test_events_demo_an_anaphor_points_at_the_last_use_of_its_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The declaration left it to Karst to negotiate the details when he meets Dravic in September. "
            "The Tovin-Korvel summit on Friday was filled with pomp. "
            "Tovin crossed the line to arrive at the summit.")
    events = _only(_events(nlp, text), "CONSULT")
    arrive = next(e for e in events if any(text[r.start:r.end] == "summit" for r in e.reports))
    # "the summit" is the Tovin-Korvel one, told in no event; not Karst's talks in September
    assert arrive.actors == () and arrive.date is not None and arrive.date.value != "2025-09"
    # (the meeting "when he meets Dravic" is planned too, as the negotiation it times)
    [talks] = [e for e in events
               if e.status == "planned" and any(text[r.start:r.end] == "negotiate" for r in e.reports)]
    assert _roles(talks, "source") == ["Karst"] and talks.date is not None and talks.date.value == "2025-09"


def test_events_demo_a_while_clause_shares_the_time(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tovin was detained in January 2016 while visiting Lindholm at the end of a five-day tour."
    [visit] = _only(_events(nlp, text), "CONSULT")
    assert visit.date is not None and visit.date.value == "2016-01"  # not the day of the article


def test_events_demo_a_habit_is_no_occasion(nlp) -> None:  # type: ignore[no-untyped-def]
    # "rarely" in any tense, the others in the simple present: what one does as a rule
    text = "The statement was strong words from Karst, who has rarely criticized Dravic directly."
    [criticism] = _only(_events(nlp, text), "ACCUSE")
    assert criticism.status == "hypothetical"
    [meeting] = _only(_events(nlp, "The president often meets foreign envoys."), "CONSULT")
    assert meeting.status == "hypothetical"
    [visit] = _only(_events(nlp, "The minister often visited Lindholm in 2019."), "CONSULT")
    assert visit.status == "occurred" and visit.date is not None and visit.date.value == "2019"


def test_events_demo_what_is_denied_and_what_is_stopped(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An army spokesman denied that troops had fired on the protesters in Lindholm."
    [fired] = _only(_events(nlp, text), "ASSAULT")
    assert fired.status == "negated"
    [fired] = _only(_events(nlp, "The army did not deny that troops fired on the crowd."), "ASSAULT")
    assert fired.status == "occurred"
    # the parser runs the clause in as the denial's object and a participle on it
    [fired] = _only(_events(nlp, "An army spokesman denied troops shot at Tovin supporters."), "ASSAULT")
    assert fired.status == "negated"
    # a pause in shelling calls nothing off: it was going on
    [shelling] = _only(_events(nlp, "Veldora said it would stop shelling the border towns for seven hours."),
                       "ASSAULT")
    assert shelling.status == "ongoing"
    [fire] = _only(_events(nlp, "The rebels stopped firing rockets at Lindholm on Sunday."), "ASSAULT")
    assert fire.status == "occurred"


def test_events_demo_a_way_to_do_it_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "There is no better way to prevent Veldora from building a nuclear weapon."
    [prevent] = _only(_events(nlp, text), "COERCE")
    assert prevent.status == "hypothetical"
    # but a way cleared for it is the next thing, and a way gone toward it went some way
    [invasion] = _only(_events(nlp, "Photographs showed the troops clearing the way for Karst to invade."), "ASSAULT")
    assert invasion.status == "planned"
    text = "Veldora has, in fact, gone a long way toward meeting those demands of Karst."
    [met] = _only(_events(nlp, text), "CONCEDE")
    assert met.status == "occurred"
    # a reluctance is a disposition, not an act that did not happen
    text = "Karst has raised questions for his reluctance to criticize Dravic."
    [criticism] = _only(_events(nlp, text), "ACCUSE")
    assert criticism.status == "hypothetical"


def test_events_demo_a_verb_coordinated_after_a_denial_is_not_denied(nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser hangs "defended" inside the denied clause
    text = "The spokeswoman denied that there had been a change in tone and defended the council's response."
    assert all(e.status != "negated" for e in _events(nlp, text))


def test_events_demo_how_be_and_a_phrase_say_an_event_stands(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A meeting between Tovin and Dravic is in the works, and Tovin said details would follow."
    [meeting] = _only(_events(nlp, text), "CONSULT")
    assert meeting.status == "planned" and meeting.date is None
    [talks] = _only(_events(nlp, "Talks between Veldora and Karst are under way in Lindholm."), "CONSULT")
    assert talks.status == "ongoing"
    [summit] = _only(_events(nlp, "The summit in Lindholm is on hold."), "CONSULT")
    assert summit.status == "planned" and summit.topic != "hold"


def test_events_demo_nearly_done_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    [attack] = _only(_events(nlp, "The army almost attacked the town of Mirov."), "ASSAULT")
    assert attack.status == "negated"
    [talks] = _only(_events(nlp, "The talks in Lindholm almost collapsed on Monday."), "CONSULT")
    assert talks.status == "occurred"  # held, and went on
    # on the number, the word says how many
    [killing] = _only(_events(nlp, "The rebels killed nearly 30 people in Lindholm."), "ASSAULT")
    assert killing.status == "occurred"


def test_events_demo_a_pronoun_outside_a_quotation_is_not_someone_it_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marek Dravic announced that he would vote against the plan.\n\n"
        "Tomas Orlik quickly weighed in on Dravic's decision, saying he disagrees.\n\n"
        "\u201cMy friendship with Marek Dravic is not based on how he votes,\u201d he said on Twitter."
    )
    said = [e for e in _only(_events(nlp, text), "STATEMENT") if e.reports[0].start > text.index("\u201cMy")]
    assert said and all(_roles(e, "source") == ["Tomas Orlik"] for e in said)


def test_events_demo_a_reflexive_object_is_the_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('As law professor Anna Velik noted, "Four days before Marek Tovin resigned, his own ministry" used '
            "that line as reasoning as to why an embattled president cannot pardon himself.")
    [pardon] = [e for e in _events(nlp, text) if text[e.reports[0].start:e.reports[0].end] == "pardon"]
    assert _roles(pardon, "target") == [] and "Marek Tovin" not in _roles(pardon, "source")


def test_events_demo_an_object_pronoun_is_not_its_own_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Agriculture Minister Pavel Krenn said on Friday that Marek Tovin had asked him to draw up a plan."
    [asked] = _only(_events(nlp, text), "REQUEST")
    assert _roles(asked, "source") == ["Marek Tovin"] and _roles(asked, "target") == ["Pavel Krenn"]


def test_events_demo_the_one_prompted_does_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The remarks prompted Marek Tovin to accuse Anna Velik of lying about the talks."
    [accused] = _only(_events(nlp, text), "ACCUSE")
    assert _roles(accused, "source") == ["Marek Tovin"] and _roles(accused, "target") == ["Anna Velik"]


def test_events_demo_meeting_someone_halfway_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Karst hopes Veldora will meet with it halfway on the quotas," the ministry said.'
    assert _only(_events(nlp, text), "CONSULT") == []


def test_events_demo_asking_someone_whether_is_a_question(nlp) -> None:  # type: ignore[no-untyped-def]
    asked = "A reporter asked Tovin if he would meet Dravic. Velik asked the envoy whether Karst would sign."
    assert _only(_events(nlp, asked), "REQUEST") == []
    [request] = _only(_events(nlp, "Velik asked the envoy to stay in Lindholm."), "REQUEST")
    assert _roles(request, "target") == ["envoy"]


def test_events_demo_talking_to_the_media_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The officials, speaking on condition of anonymity because they were not authorized to talk to "
            "the media, said the talks in Lindholm had stalled.")
    assert text.index("talk to") not in {e.reports[0].start for e in _events(nlp, text)}


def test_events_demo_a_title_with_a_place_is_the_one_who_holds_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Marek Tovin, the former Chicago mayor, joined the team in April. "
            "\u201cThis is a witch hunt,\u201d said the former Chicago mayor.")
    said = [e for e in _only(_events(nlp, text), "STATEMENT") if e.reports[0].start > text.index("\u201c")]
    assert said and all(_roles(e, "source") == ["Marek Tovin"] for e in said)
    # nobody holds it: the office's place speaks, as before
    [alone] = _only(_events(nlp, "\u201cWe will not pay,\u201d said the Karst foreign minister."), "STATEMENT")
    assert _roles(alone, "source") == ["Karst"]
