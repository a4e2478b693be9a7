"""Events: rules found by reading storyline's events on foreign-policy and national-security
news: verbs of diplomacy that news also uses in an everyday sense ("recognized the need",
"resigned himself to"), how a clause stands ("a chance that they agree", "if the US provided
guarantees by withdrawing its troops") and who acts ("the committee sent a letter requesting").

Every sentence here is our own, written for these tests; none is taken from any corpus. The
real pipeline runs on them (the ``model`` tier).
"""

from __future__ import annotations

import pytest

from test_events import _only
from test_events_guardian import _events, _roles

pytestmark = pytest.mark.model


def test_events_diplomacy_recognizing_a_problem_grants_no_standing(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "The chancellor clearly recognizes the deep worries that the Baltic states have over the deal.",
        "The danger is so widely recognized as serious that few officials talk about it.",
        "The Danish air force did not recognize the Swedish aircraft.",
        "The president recognized that the envoy was an honest man.",
        "Underpinning the talks was the recognition that the war had ruined both economies.",
        "\u201cThis is a recognition of that reality,\u201d the senator said.",
    ):
        assert not _only(_events(nlp, text), "SUPPORT"), text
    for text in (
        "Chile and 40 other countries recognize Ana Ruiz as interim president.",
        "Peru does not recognize the military regime.",
        "Danish sovereignty over the islands has never been recognised internationally.",
        "Kosovo is seeking recognition of its independence from Spain.",
        "The Lisbon Accords recognized Soviet hegemony over the Baltic states.",
    ):
        assert _only(_events(nlp, text), "SUPPORT"), text


def test_events_diplomacy_resigned_to_a_fate_leaves_no_office(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It seems the president has resigned himself to long negotiations with Pyongyang."
    assert not _only(_events(nlp, text), "RETREAT")
    [left] = _only(_events(nlp, "The foreign minister resigned on Tuesday."), "RETREAT")
    assert left.mode == "resign"


def test_events_diplomacy_a_chance_that_they_agree_is_no_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    [deal] = _only(_events(nlp, "There is a small chance that Chile and Peru agree to a border deal."), "AGREE")
    assert deal.status == "hypothetical"


def test_events_diplomacy_a_means_stands_as_the_clause_it_serves(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pyongyang has said it could give up its arsenal if the United States provided guarantees "
        "by withdrawing its troops from South Korea."
    )
    [pullout] = [e for e in _only(_events(nlp, text), "RETREAT") if e.mode == "withdraw"]
    assert pullout.status == "hypothetical"
    text = "By signing a peace declaration next month, both Koreas will ease tensions."
    [signing] = [e for e in _events(nlp, text) if e.type in ("AGREE", "SUPPORT")]
    assert signing.status == "planned"


def test_events_diplomacy_a_letter_asks_in_its_senders_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Senate Foreign Relations Committee sent the president a letter requesting an inquiry."
    [asked] = _only(_events(nlp, text), "REQUEST")
    assert _roles(asked, "source") == ["Senate Foreign Relations Committee"]
    text = "The ambassador received a letter from Lima demanding the release of the sailors."
    assert all("ambassador" not in " ".join(_roles(e, "source")) for e in _only(_events(nlp, text), "REQUEST"))


def test_events_diplomacy_a_relative_clause_on_one_conjunct(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The inquiry looked for links between President Trump's campaign and the hackers who "
        "attacked the Estonian election."
    )
    for attack in _only(_events(nlp, text), "ASSAULT"):
        assert "Trump" not in " ".join(_roles(attack, "source"))


def test_events_diplomacy_an_administration_named_for_a_president_is_not_he(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senator Ruiz liked to court the world's strongmen. He praised the Clinton administration's "
        "1994 deal with Pyongyang. The deal collapsed in 2002. Starting in 2009, he visited Syrian "
        "President Bashar al-Assad several times."
    )
    [visit] = _only(_events(nlp, text), "CONSULT")
    assert _roles(visit, "source") == ["Ruiz"]


def test_events_diplomacy_he_goes_on_with_the_he_before_him(nlp) -> None:  # type: ignore[no-untyped-def]
    # the previous sentence's "he" was Ruiz, though Ortega was named last; a sentence naming
    # nobody in between changes nothing
    text = (
        "Senator Ruiz liked to court the world's strongmen. In 1985, he traveled to Nicaragua to meet "
        "the country's strongman, Daniel Ortega. He praised the 1994 deal with Pyongyang. The deal "
        "collapsed in 2002. Starting in 2009, he visited Syrian President Bashar al-Assad several times."
    )
    events = _events(nlp, text)
    [praise] = [e for e in _only(events, "SUPPORT") if "Ortega" not in " ".join(_roles(e, "target"))]
    assert _roles(praise, "source") == ["Ruiz"]
    [visit] = [e for e in _only(events, "CONSULT") if "Bashar al-Assad" in _roles(e, "target")]
    assert _roles(visit, "source") == ["Ruiz"]


def test_events_diplomacy_executing_a_war_kills_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The decisions should have been challenged by the generals executing the war."
    assert not _only(_events(nlp, text), "ASSAULT")
    [killing] = _only(_events(nlp, "Veldora executed two protesters on Monday."), "ASSAULT")
    assert killing.mode == "execute"


def test_events_diplomacy_what_a_demand_asks_for_is_not_done(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The talks were held without even a demand by Lima that the rebels agree to a ceasefire."
    [truce] = _only(_events(nlp, text), "AGREE")
    assert truce.status == "planned"


def test_events_diplomacy_hijacking_a_country_seizes_no_craft(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "It is not in the interest of any Afghan to allow such groups to hijack our country."
    assert not _only(_events(nlp, text), "ASSAULT")
    [seizure] = _only(_events(nlp, "Gunmen hijacked a bus carrying pilgrims near Quetta on Monday."), "ASSAULT")
    assert seizure.mode == "abduct"


def test_events_diplomacy_an_administration_official_is_not_the_president(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A different Obama administration official said there was no contact with the embassy."
    [said] = _only(_events(nlp, text), "STATEMENT")
    sources = _roles(said, "source")
    assert sources and "Obama" not in sources  # the unnamed official speaks
    # the administration itself acts for the president it is named after
    [sanction] = _only(_events(nlp, "The Obama administration announced new sanctions on Veldora."), "SANCTION")
    assert _roles(sanction, "source") == ["Obama"]


def test_events_diplomacy_she_passes_over_words_in_quotation_marks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Senator Ana Ruiz spoke at a forum hosted by Maria Lund. \u201cThis woman here? She is not "
        "Norwegian. She is Greek.\u201d She praised the research of the historian Marek Tovin."
    )
    [praise] = _only(_events(nlp, text), "SUPPORT")
    assert _roles(praise, "source") == ["Ana Ruiz"]


def test_events_diplomacy_a_city_before_an_attack_says_where(nlp) -> None:  # type: ignore[no-untyped-def]
    [attack] = _only(_events(nlp, "The Paris attacks killed 130 people in November."), "ASSAULT")
    assert "Paris" not in _roles(attack, "source")
    [shelling] = _only(_events(nlp, "Russian shelling killed three people in Kharkiv."), "ASSAULT")
    assert _roles(shelling, "source") == ["Russia"]


def test_events_diplomacy_attacks_committed_are_attacks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Screenings failed to identify foreign nationals who later committed terrorist attacks in Oslo."
    assert _only(_events(nlp, text), "ASSAULT")
    assert not _only(_events(nlp, text), "AGREE")


def test_events_diplomacy_a_press_conference_to_rally_support_is_no_meeting(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Democratic lawmakers held a press conference on Tuesday to rally support for the bill."
    assert not {e.type for e in _events(nlp, text)} & {"CONSULT", "PROTEST"}
    [demo] = _only(_events(nlp, "Protesters rallied outside the embassy on Monday."), "PROTEST")
    assert demo.mode == "demo"


def test_events_diplomacy_court_rulings_photos_and_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In November, another federal judge struck down the department's attempts to cut off asylum."
    assert {e.type for e in _events(nlp, text)} & {"REJECT"} and not _only(_events(nlp, text), "ASSAULT")
    assert not _events(nlp, "Police have officially released a photograph of two suspects in the shooting.")
    [nobody] = _only(_events(nlp, "No one rushed to the airport to protest."), "PROTEST")
    assert nobody.status == "negated"


def test_events_diplomacy_the_city_an_attack_is_named_by_is_its_place(nlp) -> None:  # type: ignore[no-untyped-def]
    [attack] = _only(_events(nlp, "The Paris attacks killed 130 people in November."), "ASSAULT")
    assert attack.place is not None and attack.place.name == "Paris"
