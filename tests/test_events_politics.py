"""Events: rules found by reading storyline's events on US political news (Congress, campaigns,
courts, the White House): verbs that politics uses in another sense ("seized on the report", "a
campaign rally", "attacked the governor's record", "killed the bill", "released his tax returns"),
rules and papers that do nothing ("the agreement allows ...", "the law is destroying jobs"), how a
clause stands ("didn't just attack", "would later condemn", "no plans to", "should talks fail",
"suggested that ICE arrest them") and who acts ("the chairman of the committee, Rep. X, said").

Every sentence here is our own, written for these tests; none is taken from any corpus. The
real pipeline runs on them (the ``model`` tier).
"""

from __future__ import annotations

import pytest

from test_events import _only
from test_events_guardian import PUBLISHED, _events, _roles

pytestmark = pytest.mark.model


def _types(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in _events(nlp, text)}


# --------------------------------------------------------------------------- what politics is not


def test_events_politics_routine_politics_reports_no_violence(nlp) -> None:  # type: ignore[no-untyped-def]
    # the senses the brief warned of, read right already: kept so they stay right
    quiet = (
        "The spending bill passed the Senate on Tuesday by a vote of 52 to 48.",
        "Senator Lena Ortiz ran for governor in 2018.",
        "The campaign ran attack ads against Governor Paul Whitcomb in October.",
        "The Whitcomb campaign targeted suburban voters with mailers.",
        "The Senate vote on the nomination is expected next week.",
        "The committee held a hearing on election security on Wednesday.",
    )
    for text in quiet:
        assert not _types(nlp, text) & {"ASSAULT", "COERCE", "PROTEST", "RETREAT", "MOBILIZE"}, text
    [sued] = _only(_events(nlp, "The state of Oregon sued the administration over the rule."), "ACCUSE")
    assert _roles(sued, "source") == ["Oregon"]
    [sanction] = _only(_events(nlp, "The Treasury imposed sanctions on three Venezuelan officials."), "SANCTION")
    assert _roles(sanction, "source") == ["Treasury"]


def test_events_politics_a_campaign_rally_is_no_protest(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _only(_events(nlp, "Governor Paul Whitcomb held a campaign rally in Dayton on Saturday."), "PROTEST")
    text = "The senator said she would not campaign for Whitcomb, but she will hold a rally in Dayton on Friday."
    assert not _only(_events(nlp, text), "PROTEST")
    [backing] = _only(_events(nlp, "Party loyalists rallied behind the governor."), "SUPPORT")
    assert backing.status == "occurred"
    assert _only(_events(nlp, "Thousands rallied outside the courthouse to protest the ruling."), "PROTEST")


def test_events_politics_an_attack_in_words_is_an_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Senator Lena Ortiz attacked Governor Paul Whitcomb in a speech on Monday.",
        "The Ortiz campaign released a new ad attacking Governor Paul Whitcomb.",
        "The senator made a personal attack on the governor during the debate.",
        "The group accused the mayor of pursuing an agenda to attack the First Amendment.",
    ):
        events = _events(nlp, text)
        assert not _only(events, "ASSAULT"), text
        assert _only(events, "ACCUSE"), text
    # arms or blows keep it an attack
    knife = _events(nlp, "A man attacked Senator Lena Ortiz outside her home with a knife.")
    assert _only(knife, "ASSAULT") and not _only(knife, "ACCUSE")
    [strike] = _only(_events(nlp, "Chilean jets attacked rebel positions near the border."), "ASSAULT")
    assert strike.status == "occurred"


def test_events_politics_killing_a_bill_rejects_it(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Senate Republicans killed the bill in committee.", "The governor's allies shot down the proposal."):
        events = _events(nlp, text)
        assert not _only(events, "ASSAULT"), text
        assert _only(events, "REJECT"), text


def test_events_politics_papers_released_are_not_prisoners(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The senator released his tax returns on Friday.",
        "The agency released new guidelines for schools.",
        "The budget deal, negotiated by party leaders and released late Wednesday, faces a vote.",
    ):
        assert not _only(_events(nlp, text), "RETREAT"), text
    [freed] = _only(_events(nlp, "The rebels released three prisoners on Friday."), "RETREAT")
    assert freed.mode == "release"


def test_events_politics_verbs_in_other_senses(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "The senator hails from Ohio.": "SUPPORT",
        "He called it fair trade, as opposed to free trade.": "REJECT",
        "Republicans seized on the report as evidence of failure.": "COERCE",
        "The senator seized the opportunity to criticize the plan.": "COERCE",
        "Democrats seized control of the House in 2018.": "COERCE",
        "The ruling will reinforce a fear among voters.": "MOBILIZE",
        "As many as 90,000 voter records were compromised.": "CONCEDE",
        "As the economist demonstrates in his new book, growth has slowed.": "PROTEST",
        "Workers could cut back their hours because of the subsidies.": "SANCTION",
        "Back then, the governor had promise.": "AGREE",
        "The blog published alleged documents about the senator.": "ACCUSE",
        "The law bans assault weapons.": "ASSAULT",
        "The candidate shot to the top of the polls.": "ASSAULT",
        "The campaign bombarded voters with ads.": "ASSAULT",
        "The office at that address is occupied by a law firm.": "COERCE",
        "Voters must decide what we gave up.": "RETREAT",
    }
    for text, wrong in cases.items():
        assert wrong not in _types(nlp, text), text
    # the same verbs in their own senses
    assert "COERCE" in _types(nlp, "Soldiers seized the airport on Monday.")
    assert "RETREAT" in _types(nlp, "The rebels gave up their weapons.")


def test_events_politics_what_one_offers(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not _events(nlp, "Democrats offered no evidence for the claim.")
    assert not _only(_events(nlp, "The governor offered a sharp contrast to the president."), "AGREE")
    [backing] = _only(_events(nlp, "The president offered a warm endorsement of the budget deal."), "SUPPORT")
    assert _roles(backing, "source") == ["president"]
    assert _only(_events(nlp, "Norway offered to mediate between Chile and Peru."), "AGREE")


def test_events_politics_summons_confirmations_and_sources(nlp) -> None:  # type: ignore[no-untyped-def]
    [summons] = _only(_events(nlp, "The committee summoned the director to testify."), "REQUEST")
    assert _roles(summons, "source") == ["committee"]
    protest = "On Tuesday, Chile summoned Peru's ambassador to complain about the raid."
    assert _only(_events(nlp, protest), "ACCUSE") and not _only(_events(nlp, protest), "REQUEST")
    assert not _only(_events(nlp, "The Senate confirmed Mara Lind as attorney general."), "STATEMENT")
    assert _only(_events(nlp, "The ministry confirmed that the minister was ill."), "STATEMENT")
    assert not _only(_events(nlp, "Officials who asked for anonymity said the talks stalled."), "REQUEST")


# --------------------------------------------------------------------------- things do not act


def test_events_politics_rules_and_papers_do_nothing(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "The agreement allows both countries to inspect the sites.": "CONCEDE",
        "The Dayton ordinance permits the city to share data with the agency.": "CONCEDE",
        "The new trade deal will support jobs and promote growth.": "SUPPORT",
        "Imports of cheap steel and automobiles threaten the industry.": "THREATEN",
        "The president's health law is destroying jobs, the senator said.": "ASSAULT",
        "The law bans assault weapons.": "COERCE",
        "The deal could make drugs dearer, restricting access to medicine.": "COERCE",
        "Upgrades meant to prevent hacking were funded by Congress.": "COERCE",
        "The Senate bid would offer a bigger platform than the House race.": "AGREE",
    }
    for text, wrong in cases.items():
        assert wrong not in _types(nlp, text), text
    # parties and weapons still do
    assert "COERCE" in _types(nlp, "Police prevented the protesters from marching.")
    assert "ASSAULT" in _types(nlp, "The militia destroyed the bridge.")


# --------------------------------------------------------------------------- how it stands


def test_events_politics_not_only_is_no_negation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Russian hackers didn't just attack the DNC, they went after voting systems."
    [attack] = _only(_events(nlp, text), "ASSAULT")
    assert attack.status == "occurred"


def test_events_politics_would_later_tells_what_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A congressional inquiry would later condemn the agency for its failures."
    [condemned] = _only(_events(nlp, text), "ACCUSE")
    assert condemned.status == "occurred"
    [threat] = _only(_events(nlp, "Rebels would attack the town if the talks failed, the envoy said."), "ASSAULT")
    assert threat.status == "hypothetical"


def test_events_politics_no_plans_is_a_denial(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The State Department said there were no plans to evacuate the embassy."
    [evacuation] = _only(_events(nlp, text), "RETREAT")
    assert evacuation.status == "negated"


def test_events_politics_curly_future_is_future(nlp) -> None:  # type: ignore[no-untyped-def]
    [rejection] = _only(_events(nlp, "Republicans say they’ll reject any nominee the president sends."), "REJECT")
    assert rejection.status == "planned"


def test_events_politics_conditions_without_if(nlp) -> None:  # type: ignore[no-untyped-def]
    [talks] = _only(_events(nlp, "Should talks fail, the union will strike."), "CONSULT")
    assert talks.status == "hypothetical"
    [pardon] = _only(_events(nlp, "In case the governor pardons him, the state has filed its own charges."), "RETREAT")
    assert pardon.status == "hypothetical"
    text = "Biden said Trump wanted to cloud the results should the president lose."
    assert not _only(_events(nlp, text), "REQUEST")


def test_events_politics_what_is_asked_for_has_not_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    [arrest] = _only(_events(nlp, "The secretary suggested that the agency arrest the migrants."), "COERCE")
    assert arrest.status == "planned"
    events = _events(nlp, "Lawmakers demanded that the agency explain the delay.")
    assert not _only(events, "STATEMENT")
    [demand] = _only(events, "REQUEST")
    assert _roles(demand, "source") == ["Lawmakers"]
    assert not _only(_events(nlp, "Critics asked how the party should prepare for the vote."), "REQUEST")


def test_events_politics_a_possibility_is_a_guess(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "One possibility is that the rebels backed off after a warning from Chile."
    [retreat] = _only(_events(nlp, text), "CONCEDE")
    assert retreat.status == "hypothetical"


def test_events_politics_a_gerund_stands_as_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    [condemning] = _only(_events(nlp, "Beyond condemning the tariffs, Congress could pass a law."), "ACCUSE")
    assert condemning.status == "hypothetical"


def test_events_politics_ideas_and_generic_cases_are_not_reports(nlp) -> None:  # type: ignore[no-untyped-def]
    [ban] = _only(_events(nlp, "Gun control groups insist an assault weapons ban is critical."), "COERCE")
    assert ban.status == "hypothetical"
    text = "Critics argued the bill could make it harder for prosecutors to bring charges when a woman is assaulted."
    events = _events(nlp, text)
    assert all(e.status != "occurred" for e in events if e.type in ("ACCUSE", "ASSAULT"))


def test_events_politics_a_deed_not_yet_done_is_no_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The newspaper reported that the White House will block the inquiry."
    assert not _only(_events(nlp, text), "ACCUSE")
    assert not _only(_events(nlp, "The governor argued that mail ballots allow voters to cheat."), "ACCUSE")
    [blame] = _only(_events(nlp, "Chile sabotaged the talks, the Peruvian minister said."), "ACCUSE")
    assert _roles(blame, "target") == ["Chile"]


# --------------------------------------------------------------------------- who acts, when


def test_events_politics_reversed_roles_are_two_events(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Ana Ruiz endorsed Mark Doyle on Monday. Doyle thanked Ruiz in a statement."
    endorsed, thanked = _only(_events(nlp, text), "SUPPORT")
    assert _roles(endorsed, "source")[0].endswith("Ruiz") and _roles(endorsed, "target") == ["Mark Doyle"]
    assert _roles(thanked, "source") == ["Mark Doyle"] and _roles(thanked, "target")[0].endswith("Ruiz")


def test_events_politics_a_role_noun_set_off_by_commas_names_its_holder(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump had supported Moore's rival, U.S. Senator Luther Strange, in the primary."
    [support] = _only(_events(nlp, text), "SUPPORT")
    assert _roles(support, "target") == ["Luther Strange"]


def test_events_politics_the_person_speaks_not_the_committee(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The chairman of the House Oversight Committee, Rep. Elijah Cummings of Maryland, said he was ready."
    [said] = _only(_events(nlp, text), "STATEMENT")
    assert _roles(said, "source") == ["Elijah Cummings"]
    text = "A whistleblower working inside the White House has told Congress about the clearances."
    assert all("White House" not in _roles(e, "source") for e in _events(nlp, text))


def test_events_politics_the_first_official_to_meet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Pompeo is the highest level official to meet with a North Korean leader since 2000."
    [meeting] = _only(_events(nlp, text), "CONSULT")
    assert "Pompeo" in " ".join(_roles(meeting, "source") + _roles(meeting, "participant"))


def test_events_politics_the_owner_of_a_motive_acts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The speaker said he understood Trump's motivation in striking a deal with the Democrats."
    [deal] = _only(_events(nlp, text), "AGREE")
    assert _roles(deal, "source") == ["Trump"]


def test_events_politics_a_channel_is_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    [retort] = _only(_events(nlp, "The president fired back at his critics on Twitter."), "ACCUSE")
    assert "Twitter" not in _roles(retort, "target")
    assert retort.topic != "Twitter"


def test_events_politics_a_date_the_parser_hung_on_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    [said] = _only(_events(nlp, "But on Sunday McConnell said it was up to the voters."), "STATEMENT")
    assert said.date is not None and said.date.value == "2025-03-02"
    assert PUBLISHED == "2025-03-04"  # a Tuesday: the Sunday before is the 2nd
