"""Entities within one article: cleaned spans, surname joins, type votes, roles and affiliations."""

from __future__ import annotations

import pytest

from storyline.extract.entities import extract_entities
from storyline.gazetteer import affiliation_code, block_key, canonical_name, fold, name_key, place_country
from storyline.model import Article, article_id, entity_id


def test_entities_fold_ignores_case_and_diacritics() -> None:
    assert fold("Sørensen") == fold("Sorensen") == "sorensen"
    assert fold("Petković") == "petkovic"
    assert fold("Петковић") == "petkovic"
    # Serbian Latin, Serbian Cyrillic and the English-language press spell one name
    assert fold("Marko Đurić") == fold("Марко Ђурић") == fold("Marko Djuric") == "marko djuric"


def test_entities_name_key_gives_shortened_given_names_their_formal_form() -> None:
    assert name_key("Chuck Schumer") == name_key("Charles Schumer") == "charles schumer"
    assert name_key("Steve Mnuchin") == name_key("Steven Mnuchin") == "steven mnuchin"
    assert name_key("Bill") == "bill"  # a lone word may be a surname: left as it is
    # forms that stand for several names, or are names of their own, are not guessed at
    assert name_key("Chris Smith") == "chris smith" and name_key("Jack Dorsey") == "jack dorsey"
    assert name_key("Sørensen") == fold("Sørensen")
    # a Slavic ending romanised three ways is one key; English names keep theirs
    assert name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelenskiy") == "volodymyr zelensky"
    assert name_key("Dmitriy Peskov") == name_key("Dmitry Peskov") and name_key("Navalnyy") == "navalny"
    assert name_key("Kennedy") == "kennedy" and name_key("Hawaii") == "hawaii"
    # an editor's brackets in a quote ("[Lindsey] Graham said") are no part of the name, nor of
    # the name it is shown by
    assert name_key("Lindsey] Graham") == "lindsey graham" and name_key("George W.] Bush") == "george w bush"
    assert canonical_name(["Lindsey] Graham", "Lindsey Graham"]) == "Lindsey Graham"


def test_entities_name_key_spells_a_given_name_one_way() -> None:
    assert name_key("Stephen K. Bannon") == "steven k bannon"
    assert name_key("Steve Bannon") == name_key("Stephen Bannon") == name_key("Steven Bannon") == "steven bannon"
    assert name_key("Sergey Lavrov") == name_key("Sergei Lavrov") == "sergei lavrov"
    assert name_key("Mohammed bin Salman") == name_key("Mohammad bin Salman") == name_key("Mohamed bin Salman")
    assert name_key("Stephen") == "stephen"  # a lone word may be a surname: left as it is


def test_entities_name_key_writes_a_korean_given_names_syllables_apart() -> None:
    assert name_key("Kim Jong-un") == name_key("Kim Jong Un") == name_key("Kim Jong-Un") == "kim jong un"
    assert name_key("Kim Jong-il") == "kim jong il" != name_key("Kim Jong-un")  # father and son stay two
    assert name_key("Moon Jae-in") == name_key("Moon Jae In") and name_key("Ban Ki-moon") == "ban ki moon"
    # a hyphen joining two names stays; so does one in a name's first word
    assert name_key("Alexandria Ocasio-Cortez") == "alexandria ocasio-cortez"
    assert name_key("Ocasio-Cortez") == "ocasio-cortez" and name_key("Jean-Claude Juncker") == "jean-claude juncker"
    assert name_key("Mar-a-Lago") == "mar-a-lago" and name_key("Bashar al-Assad") == "bashar assad"


def test_entities_name_key_writes_initials_as_plain_letters() -> None:
    assert name_key("George W. Bush") == name_key("George W Bush") == "george w bush"
    assert name_key("George H.W. Bush") == name_key("George H. W. Bush") == "george h w bush"
    assert name_key("George H.W. Bush") != name_key("George W. Bush")  # father and son stay two
    # a name's first word, and dots that end a name, are not initials of a middle name
    assert name_key("U.S. Senate") == "u.s. senate" and name_key("Washington D.C.") == "washington d.c."


def test_entities_name_key_drops_the_arabic_article_written_onto_a_name() -> None:
    assert name_key("Bashar al-Assad") == name_key("Bashar Assad") == "bashar assad"
    assert name_key("al-Assad") == name_key("Assad") == "assad"
    assert name_key("Abdel Fattah el-Sisi") == "abdel fattah sisi"
    # only the hyphenated article: "Al Gore" and hyphenated names stay as written
    assert name_key("Al Gore") == "al gore" and name_key("Cal-Maine") == "cal-maine"


def test_entities_canonical_name_keeps_the_fullest_form_with_diacritics() -> None:
    assert canonical_name(["Sorensen", "Peter Sorensen", "Peter Sørensen", "Sørensen"]) == "Peter Sørensen"
    assert canonical_name(["Halvorsen"]) == "Halvorsen"
    # a caption's doubled word is never the name while a clean form is there
    assert canonical_name(["Ingrid Halvorsen Halvorsen", "Ingrid Halvorsen", "Halvorsen"]) == "Ingrid Halvorsen"


def test_entities_affiliation_codes() -> None:
    assert affiliation_code("Serbia’s") == "SRB"
    assert affiliation_code("Kosovo") == "XKX"
    assert affiliation_code("KFOR") == "NATO"
    assert affiliation_code("the European Union") == "EU"
    assert affiliation_code("Japanese") == "JPN"
    assert affiliation_code("us") is None  # the pronoun, not the country
    assert affiliation_code("US") == "USA"
    assert place_country("Brussels") == "BEL"
    # country codes count only in capitals: "Kim", "Ben" and "Can" are people and words
    assert affiliation_code("GBR") == "GBR" and affiliation_code("KiM") == "XKX"
    assert affiliation_code("Kim") is None and affiliation_code("Ben") is None and affiliation_code("Can") is None
    assert place_country("Minnesota") == "USA" and place_country("New Hampshire") == "USA"


def test_entities_a_city_is_found_by_the_spellings_news_uses() -> None:
    # the gazetteer's names are "Ar Raqqah", "Dūmā", "Ḩamāh", "Kyiv"; the news writes these
    assert [place_country(n) for n in ("Raqqa", "Douma", "Hama", "Tartous")] == ["SYR"] * 4
    # an alternate name that is not a spelling of the city's own is not taken ("Hamas" for Hamm),
    # nor another language's spelling of a name English writes as it is ("Soul" for Seoul)
    assert place_country("Hamas") is None and place_country("Soul") is None


def test_entities_a_short_form_of_several_names_is_a_given_name() -> None:
    from storyline.gazetteer import GIVEN_NAMES

    # "Chris", "Pat", "Ted" have no one formal form but open people's names all the same; words
    # and bodies stay out.
    assert {"chris", "pat", "ted", "sam", "alex", "christopher"} <= GIVEN_NAMES
    assert not {"al", "will", "sue", "rob", "frank", "max"} & GIVEN_NAMES  # "will" was in by a nickname


def test_entities_ids_are_stable() -> None:
    assert entity_id("peter sorensen") == entity_id("peter sorensen")
    assert entity_id("peter sorensen") != entity_id("sorensen")


def _run(nlp, text: str):  # type: ignore[no-untyped-def]
    article = Article(article_id(text), text, "test")
    mentions, entities = extract_entities(nlp(text), article)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return mentions, {e.name: e for e in entities}


@pytest.mark.model
def test_entities_roles_from_possessive_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Serbia's lead negotiator Petar Novak met Kosovo's Prime Minister Arben Hoxha "
                        "in Brussels on Monday.")
    assert ents["Petar Novak"].type == "PERSON"
    assert ents["Petar Novak"].affiliation == "SRB"
    assert "lead negotiator" in [r.role for r in ents["Petar Novak"].roles]
    assert ents["Arben Hoxha"].affiliation == "XKX"
    assert "Prime Minister" in [r.role for r in ents["Arben Hoxha"].roles]


@pytest.mark.model
def test_entities_roles_from_appositions(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Commander of NATO's KFOR mission, Major General Paolo Rinaldi, met with Kenji Sato, "
            "Chargé d'Affaires of the Embassy of Japan in Pristina.")
    _, ents = _run(nlp, text)
    rinaldi = ents["Paolo Rinaldi"]
    assert rinaldi.affiliation == "NATO"
    assert any(r.role.startswith("Commander") for r in rinaldi.roles)
    assert ents["Kenji Sato"].affiliation == "JPN"


@pytest.mark.model
def test_entities_a_participle_after_a_name_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    # "hosted" has the lemma of the role noun "host", but it is a verb here; and "Marek" is a
    # given name, so the tagger's ORG for "Marek Tovin" is outvoted.
    _, ents = _run(nlp, "A trilateral meeting of Marek Tovin and Lena Dravic, hosted by Ingrid Halvorsen, "
                        "did not take place in Lindholm on Monday.")
    assert [r.role for r in ents["Lena Dravic"].roles] == []
    assert ents["Marek Tovin"].type == "PERSON"
    # a relative clause after the title says what the holder did: the title ends before it
    _, ents = _run(nlp, "Bruce Morrison, a former Democratic congressman who chaired the House immigration "
                        "subcommittee, wrote the law.")
    assert [r.role for r in ents["Bruce Morrison"].roles] == ["former Democratic congressman"]
    _, ents = _run(nlp, "Jane Doe, who heads the commission, spoke on Monday.")
    assert [r.role for r in ents["Jane Doe"].roles] == []
    # an acronym is no relative pronoun; a phrase opening with a preposition is no title
    _, ents = _run(nlp, "Bruce Aylward, head of the joint WHO-China mission, said the outbreak had peaked.")
    assert [r.role for r in ents["Bruce Aylward"].roles] == ["head of the joint WHO-China mission"]
    _, ents = _run(nlp, "Obama nominated Chuck Hagel, despite advisers who questioned the move.")
    assert [r.role for r in ents["Chuck Hagel"].roles] == []


@pytest.mark.model
def test_entities_a_bare_surname_joins_the_full_name_written_with_al(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Faris al-Qadri of Veldora met the envoy in Ostrel on Monday. "
            "Qadri said the border would reopen. Later al-Qadri told reporters he was hopeful.")
    mentions, ents = _run(nlp, text)
    person = ents["Faris al-Qadri"]
    assert {"Faris al-Qadri", "Qadri", "al-Qadri"} <= set(person.aliases)
    assert len({m.entity_id for m in mentions if "Qadri" in m.text}) == 1


@pytest.mark.model
def test_entities_a_peoples_adjective_and_a_body_noun_are_one_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, _ = _run(nlp, "Children born into Islamic State families live in camps. Citizens backing "
                            "Islamic State in Veldora were warned. The Russian President spoke.")
    assert [(m.text, m.type) for m in mentions if "Islamic" in m.text] == [("Islamic State", "ORG")] * 2
    assert ("Russian", "NORP") in [(m.text, m.type) for m in mentions]  # a title is no body


@pytest.mark.model
def test_entities_surname_joins_full_name_and_type_is_voted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Croatia's chief negotiator Ivan Horvatović arrived in Zagreb. Horvatović said the talks would "
            "resume. Later, Horvatović told Vjesnik Dnevni, a Zagreb-based daily, that he was hopeful.")
    mentions, ents = _run(nlp, text)
    person = ents["Ivan Horvatović"]
    assert person.type == "PERSON"
    assert {"Ivan Horvatović", "Horvatović"} <= set(person.aliases)
    assert all(m.type == "PERSON" for m in mentions if "Horvatović" in m.text)
    outlet = next((e for e in ents.values() if "Vjesnik" in e.name), None)
    assert outlet is not None and outlet.type == "ORG"


@pytest.mark.model
def test_entities_a_bare_surname_stays_with_the_person_introduced_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Anna Korvel arrived in Lindholm on Monday. She was accompanied by her husband, "
            "Tomas Korvel. Korvel later met the envoy, and Korvel's aides said the talks would resume. "
            "At the dinner Tomas Korvel thanked the hosts, and Korvel joked about the weather.")
    mentions, ents = _run(nlp, text)
    anna, tomas = ents["Anna Korvel"], ents["Tomas Korvel"]
    bare = [m for m in mentions if m.text == "Korvel"]
    # news tells the second Korvel by his full name: a bare one is the president; in the
    # sentence that names Tomas Korvel again, it is him
    assert len(bare) >= 2 and bare[0].entity_id == anna.id and bare[-1].entity_id == tomas.id


def _bare_is_of(nlp, text: str, full: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether any bare "Dragan" of the text is the person named `full`."""
    mentions, ents = _run(nlp, text)
    return any(m.entity_id == ents[full].id for m in mentions if m.text == "Dragan")


@pytest.mark.model
def test_entities_a_titled_surname_before_a_relative_stays_its_own(nlp) -> None:  # type: ignore[no-untyped-def]
    # the article never writes the president's full name; his wife's is no name of his
    text = ("President Dragan arrived in Lindholm on Sunday for talks with Prime Minister Tovin. Dragan "
            "said the alliance was strong. He was joined by first lady Maria Dragan, who toured a school. "
            "Dragan later met business leaders.")
    mentions, ents = _run(nlp, text)
    bare = [m for m in mentions if m.text == "Dragan"]
    assert len(bare) == 3 and all(m.entity_id != ents["Maria Dragan"].id for m in bare)
    # a full name with the same title is his
    _, ents = _run(nlp, "President Dragan arrived in Lindholm on Sunday. President Ilir Dragan said the "
                        "alliance was strong. Dragan later met business leaders.")
    assert ents["Ilir Dragan"].n_mentions == 3
    # and so is one written bare; one told as a relative after it is not
    _, ents = _run(nlp, "President Dragan arrived in Lindholm on Monday. Ilir Dragan has long opposed the war. "
                        "Dragan said the talks would go on.")
    assert ents["Ilir Dragan"].n_mentions == 3
    assert not _bare_is_of(nlp, "President Dragan arrived in Lindholm on Sunday. Maria Dragan, his wife, was with "
                                 "him. Dragan later met business leaders.", "Maria Dragan")
    # a family (a "Jr." among them) leaves the titled surname to no one of its members
    assert not _bare_is_of(nlp, "President Dragan met the envoy on Monday. Dragan said the talks would go on. "
                                 "Weisel and Tomas Dragan Jr. signed the cheques. Dragan denied it. Later, Eric "
                                 "Dragan spoke to reporters.", "Eric Dragan")
    # once told as a relative, always: a later bare full name (a photo caption) is still hers
    assert not _bare_is_of(nlp, "President Dragan arrived in Lindholm on Sunday with first lady Maria Dragan. "
                                 "Maria Dragan looks at pearls in a shop. Dragan later met business leaders.",
                           "Maria Dragan")


@pytest.mark.model
def test_entities_a_family_name_written_first_joins_its_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Chinese Premier Zhao Lihua met the envoy in Beijing on Monday. Zhao said the "
                        "talks had been useful.")
    assert ents["Zhao Lihua"].n_mentions == 2 and "Zhao" not in ents
    # the tagger stops "Park Min-jun" before "-jun"; the name is kept whole
    _, ents = _run(nlp, "South Korean President Park Min-jun spoke to reporters in Seoul. Park said talks "
                        "with the North would resume.")
    assert ents["Park Min-jun"].n_mentions == 2
    # a word that ends one full name and opens another is the name introduced first
    _, ents = _run(nlp, "Chairman Kang Jae-won met the delegation in Pyongvar on Monday. Among the guests "
                        "was the businessman Peter Kang, who was released last year. Kang said the talks "
                        "had been useful.")
    assert ents["Kang Jae-won"].n_mentions == 2 and ents["Peter Kang"].n_mentions == 1
    # a word in capitals is an acronym, not the last word of a name written in small letters
    _, ents = _run(nlp, "North Korean leader Kim Jong Un met the envoy on Monday. The UN said sanctions "
                        "would stay. Kim said the talks were useful.")
    assert ents["Kim Jong Un"].n_mentions == 2 and "UN" not in ents["Kim Jong Un"].aliases
    # among several, the one introduced first, whatever the tagger calls the lone name
    _, ents = _run(nlp, "North Vardan leader Ri Song Chol wrote to the president on Friday. The letter was "
                        "handed over by Ri Jae-hun, a senior official. In Ri's letter, he asked for new talks.")
    assert ents["Ri Song Chol"].n_mentions == 2 and "Ri" not in ents
    # but not a forebear named in passing
    _, ents = _run(nlp, "The satellite, named after late leader Pak Il Sung, was launched on Sunday. The order "
                        "was given by his son, leader Pak Jong Su. Another photo showed Pak surrounded by officials.")
    assert ents["Pak Jong Su"].n_mentions == 2 and ents["Pak Il Sung"].n_mentions == 1
    # a double-barrelled surname is no given name of short syllables
    _, ents = _run(nlp, "Representative Alexandria Ocasio-Cortez spoke in Alexandria on Monday.")
    assert ents["Alexandria Ocasio-Cortez"].n_mentions == 1
    # two full names it opens: the lone name is nobody's
    _, ents = _run(nlp, "Minister Park Min-jun and his sister Park Ji-woo attended the summit. Park said little.")
    assert {"Park", "Park Min-jun", "Park Ji-woo"} <= set(ents)
    # nor a cut of a run of capitalised words (a site's glued link text)
    _, ents = _run(nlp, "Senators wrote to President Trump Donald John TrumpGOP senators balk at lengthy trial. "
                        "Trump said he would veto it.")
    assert "Trump" in ents  # not joined to the tagger's "Trump Donald"


@pytest.mark.model
def test_entities_the_office_of_a_title_is_no_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "Defense Anna Korvel" as one organisation
    mentions, ents = _run(nlp, "Veldoran Secretary of Defense Anna Korvel said the drills would go on.")
    assert "Anna Korvel" in [m.text for m in mentions] and ents["Anna Korvel"].type == "PERSON"
    _, ents = _run(nlp, "The State Department said on Monday it would respond.")
    assert "State Department" in ents


@pytest.mark.model
def test_entities_a_name_ends_before_the_date_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, _ = _run(nlp, "Karst announced he would meet with Kim June 12 in Lindholm.")
    assert "Kim" in [m.text for m in mentions] and not any("June" in m.text for m in mentions)
    # the tagger stops "Park Min-jun" just after the hyphen when a date follows
    mentions, _ = _run(nlp, "Chairman Kang Jae-won will meet Park Min-jun April 27 at the border.")
    assert "Park Min-jun" in [m.text for m in mentions]


@pytest.mark.model
def test_entities_a_short_full_name_joins_the_fuller_one_in_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Brovanian President Ilir K. Dragan arrived in Lindholm on Monday. Ilir Dragan said the talks "
            "would resume, and Dragan later met the envoy.")
    _, ents = _run(nlp, text)
    people = [e for e in ents.values() if e.type == "PERSON" and "Dragan" in e.name]
    assert [p.name for p in people] == ["Ilir K. Dragan"]
    assert {"Ilir K. Dragan", "Ilir Dragan"} <= set(people[0].aliases) and people[0].n_mentions == 3
    # With two fuller names it could shorten, the short one stays itself.
    text = ("Marek W. Tovin succeeded Marek H. W. Tovin as governor in 2001. "
            "Marek Tovin said the transition was smooth.")
    _, ents = _run(nlp, text)
    assert {"Marek W. Tovin", "Marek H. W. Tovin", "Marek Tovin"} <= {e.name for e in ents.values()}


@pytest.mark.model
def test_entities_as_role_and_coordinated_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("It was the first session since Anna Berg replaced Tomas Lind as the EU Special Representative "
            "for the dialogue. He met Montenegro's Deputy Prime Minister and chief negotiator, Milo Vuković, "
            "on Friday.")
    _, ents = _run(nlp, text)
    assert ents["Tomas Lind"].affiliation == "EU"
    roles = {fold(r.role) for r in ents["Milo Vuković"].roles}
    assert any("deputy prime minister" in r for r in roles)
    assert any("chief negotiator" in r for r in roles)
    assert ents["Milo Vuković"].affiliation == "MNE"


@pytest.mark.model
def test_entities_spans_are_trimmed(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, _ = _run(nlp, "The European Union’s envoy arrived. He wrote on X.\n\nMeanwhile, the talks went on.")
    assert all("\n" not in m.text and not m.text.lower().startswith("the ") for m in mentions)
    assert all(not m.text.endswith("’s") for m in mentions)


@pytest.mark.model
def test_entities_an_opening_preposition_is_no_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    # The tagger takes "Inside" and "Beyond" into the names; the names end their phrases at a comma.
    text = ("Inside Karvona, burnt-out trucks lay along the road. Beyond Ostrell, crowdfunding has grown.\n\n"
            "Via Lindpost\n\nOstrell said on Friday that Karvona would be rebuilt.")
    mentions, _ = _run(nlp, text)
    assert not any(m.text.split()[0] in ("Inside", "Beyond", "Via") for m in mentions)
    assert (text.index("Ostrell"), "Ostrell") in {(m.start, m.text) for m in mentions}
    # A company named with a preposition keeps it when it is the subject ("Beyond Meat shares rose").
    assert _opening_preposition_kept(nlp, "Beyond Meat shares rose sharply on Monday.")


@pytest.mark.model
def test_entities_spans_that_name_nothing_are_dropped(nlp) -> None:  # type: ignore[no-untyped-def]
    # A clitic the tagger called a place, a legal form cut off by a comma, the department word of a
    # title: none is an entity. The people the titles belong to are.
    text = ("Karst hasn’t signed the accord and Veldora didn’t either. Defense Secretary Oskar Brenn "
            "met Secretary of State Lena Dravic.\n\nCopyright © 2025 The Lindholm Post, LLC.")
    _, entities = _run(nlp, text)
    assert not {"n’t", "LLC", "Defense", "State"} & set(entities)
    assert {"Oskar Brenn", "Lena Dravic"} <= set(entities)


@pytest.mark.model
def test_entities_a_platform_is_an_organisation_and_a_name_bound_to_he_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Marek Tovin took to Twitter on Monday. Later, Tovin’s decision to wait was criticised. "
            "Tovin said he would not resign.")
    _, entities = _run(nlp, text)
    assert entities["Twitter"].type == "ORG"
    assert entities["Marek Tovin"].type == "PERSON"


def test_entities_an_owner_glued_by_a_possessive_is_cut_off() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyline.extract.entities import _Mention, _split_possessives

    words = ["Tovin", "spoke", ".", "Tovin", "’s", "Lindholm", "Office", "and", "Tovin", "’s", "op-ed",
             "and", "Martha", "’s", "Vineyard"]
    tags = ["NNP", "VBD", ".", "NNP", "POS", "NNP", "NNP", "CC", "NNP", "POS", "NN", "CC", "NNP", "POS", "NNP"]
    doc = Doc(Vocab(), words=words, tags=tags)
    raw = [_Mention(0, 1, "PERSON"), _Mention(3, 7, "PERSON"), _Mention(8, 11, "PERSON"), _Mention(12, 15, "GPE")]
    got = [(doc[m.start:m.end].text, m.label) for m in _split_possessives(doc, raw)]
    # the owner named alone is cut off (with its own label; the owned office is no person), an
    # owned common noun leaves the owner, and a name with no owner named alone keeps its possessive
    assert got == [("Tovin", "PERSON"), ("Tovin", "PERSON"), ("Lindholm Office", "ORG"), ("Tovin", "PERSON"),
                   ("Martha ’s Vineyard", "GPE")]
    # the owned name given alone elsewhere cuts the owner off too ("May’s Brexit" beside "Brexit")
    doc = Doc(Vocab(), words=["Dravic", "’s", "Brexit", "and", "Brexit"], tags=["NNP", "POS", "NNP", "CC", "NNP"])
    got = [doc[m.start:m.end].text for m in _split_possessives(doc, [_Mention(0, 3, "PERSON"), _Mention(4, 5, "ORG")])]
    assert got == ["Dravic", "Brexit", "Brexit"]


def test_entities_two_names_glued_by_a_hyphen_are_two() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from storyline.extract.entities import _Mention, _split_pairs

    # "Tovin met Dravic. The Tovin-Dravic summit, the Tovin-Russia inquiry, Ana Ruiz-Vega, Ruiz-Vega"
    words = ["Tovin", "met", "Dravic", ".", "The", "Tovin", "-", "Dravic", "summit", ",", "the", "Tovin", "-",
             "Russia", "inquiry", ",", "Ana", "Ruiz", "-", "Vega", ",", "Ruiz", "-", "Vega"]
    spaces = [True] * len(words)
    for i in (5, 6, 11, 12, 17, 18, 21, 22):
        spaces[i] = False
    doc = Doc(Vocab(), words=words, spaces=spaces)
    raw = [_Mention(0, 1, "PERSON"), _Mention(2, 3, "PERSON"), _Mention(5, 8, "ORG"), _Mention(11, 14, "ORG"),
           _Mention(16, 20, "PERSON"), _Mention(21, 24, "PERSON")]
    got = [(doc[m.start:m.end].text, m.label) for m in _split_pairs(doc, raw)]
    # both halves named alone (or a known country): two; a double surname keeps its hyphen
    assert got == [("Tovin", "PERSON"), ("Dravic", "PERSON"), ("Tovin", "PERSON"), ("Dravic", "PERSON"),
                   ("Tovin", "PERSON"), ("Russia", "GPE"), ("Ana Ruiz-Vega", "PERSON"), ("Ruiz-Vega", "PERSON")]


def _opening_preposition_kept(nlp, text: str) -> bool:  # type: ignore[no-untyped-def]
    from storyline.extract.entities import _opening_preposition

    doc = nlp(text)
    return not _opening_preposition(doc, 0, 2)


@pytest.mark.model
def test_entities_title_glued_to_a_name_is_cut_off_and_kept_as_a_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Comedian Ellen DeGeneres will host the ceremony, organisers said on Monday. "
            "DeGeneres said she was thrilled.")
    mentions, entities = extract_entities(nlp(text), Article(id="t", text=text, origin="t"))
    people = {e.name: e for e in entities if e.type == "PERSON"}
    assert "Ellen DeGeneres" in people and not any(n.startswith("Comedian") for n in people)
    assert [r.role for r in people["Ellen DeGeneres"].roles] == ["Comedian"]
    assert {m.text for m in mentions if m.entity_id == people["Ellen DeGeneres"].id} == {"Ellen DeGeneres",
                                                                                        "DeGeneres"}


@pytest.mark.model
def test_entities_odd_input_does_not_crash(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ["", "’s ’s ’s", "THE MINISTER MET THE ENVOY IN BRUSSELS.", ", , Mr. , Dr.", "Minister " * 500]:
        _run(nlp, text)


def test_entities_bare_surname_joins_the_one_known_full_name() -> None:
    from storyline.model import ArticleResult, Entity, Mention, Quote, Speaker
    from storyline.resolve.entities import resolve_entities

    a = Article("a1", "Sorensen said so.", "x.txt")
    local = entity_id("sorensen")
    result = ArticleResult(
        a, mentions=(Mention("a1", 0, 8, "Sorensen", "PERSON", local),),
        entities=(Entity(local, "Sorensen", "PERSON", ("Sorensen",), key="sorensen"),),
        quotes=(Quote("q", "a1", 9, 16, "so", "indirect", Speaker(local, "Sorensen")),),
    )
    joined = resolve_entities(result, lambda b: {"peter sorensen": 1} if b == block_key("sorensen") else {})
    assert joined.entities[0].id == entity_id("peter sorensen") == joined.mentions[0].entity_id
    assert joined.quotes[0].speaker is not None and joined.quotes[0].speaker.entity_id == entity_id("peter sorensen")
    assert joined.joined == ((entity_id("peter sorensen"), "sorensen"),)  # what the store re-checks later
    # Two people with that surname, neither named in most articles: no guess.
    assert resolve_entities(result, lambda s: {"peter sorensen": 3, "anna sorensen": 2}) == result
    # One named far more often is the one meant (Barack, not Michelle, Obama).
    assert resolve_entities(result, lambda s: {"peter sorensen": 1, "anna sorensen": 9}).entities[0].key == \
        "anna sorensen"


def test_entities_choose_takes_a_dominant_full_name_or_none() -> None:
    from storyline.resolve.entities import choose

    assert choose({}) is None
    assert choose({"mira tovin": 1}) == "mira tovin"
    assert choose({"barack obama": 96, "michelle obama": 3, "watch obama": 1}) == "barack obama"
    assert choose({"hillary clinton": 79, "bill clinton": 21}) is None
    assert choose({"b tovin": 4, "a tovin": 4}) is None  # even: nobody, whatever the order
    assert choose({"b tovin": 4, "a tovin": 1}) == "b tovin"


@pytest.mark.model
def test_entities_unknown_one_word_owner_of_a_government_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    # Invented names the small model has never seen: possessives of a negotiator or a government
    # make them states, whatever label one mention gets.
    text = ("Brovania's chief negotiator Marta Kell met the envoy. Brovania's delegation left early, and "
            "Brovania said the talks would resume.")
    _, ents = _run(nlp, text)
    assert ents["Brovania"].type == "GPE"
    assert ents["Marta Kell"].type == "PERSON"


@pytest.mark.model
def test_entities_outlets_names_and_stray_punctuation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Marta Kell told Radio Brovan that the talks had failed. The envoy later wrote on X. "
            "The commander of the Tarn Monitoring Mission, Major General Ivo Rask, met the press.")
    mentions, ents = _run(nlp, text)
    assert ents["Radio Brovan"].type == "ORG"
    assert "X" in ents and ents["X"].aliases == ("X",)  # not "X."
    mission = next(e for e in ents.values() if "Monitoring Mission" in e.name)
    assert mission.type == "ORG"  # the name after its comma is a person, not the mission's title
    assert all("," not in m.text for m in mentions)


def test_entities_glued_title_is_cut_only_before_two_name_words() -> None:
    import spacy
    from spacy.tokens import Doc

    from storyline.extract.entities import _after_glued_title

    nlp = spacy.blank("en")
    for words, kept in [(["Comedian", "Ellen", "DeGeneres"], ["Ellen", "DeGeneres"]),
                        (["Oscar", "Host", "Ellen", "DeGeneres"], ["Ellen", "DeGeneres"]),
                        (["Prince", "Harry"], ["Prince", "Harry"]),  # one word left would be a surname
                        (["Christopher", "Judge"], ["Christopher", "Judge"])]:  # a name ending like a title
        doc = Doc(nlp.vocab, words=words)
        assert [t.text for t in doc[_after_glued_title(doc, 0, len(doc)):]] == kept


# --------------------------------------------------------------------------- web page debris


def test_entities_photo_credits_are_found_by_label_or_agency_slash() -> None:
    import spacy

    from storyline.extract.entities import _credit_tokens

    nlp = spacy.blank("en")

    def credited(text: str) -> str:
        doc = nlp(text)
        return " ".join(t.text for t in doc if t.i in _credit_tokens(doc))

    assert credited("The mayor spoke.\nPhoto: Ines Marr/Reuters\nThe talks resumed.") == "Photo : Ines Marr / Reuters"
    assert credited("Crowds in Lindholm. (AP Photo/Tomas Vell)") == "AP Photo / Tomas Vell"
    assert credited("Credit: Tomas Vell for The Guardian\nThe talks resumed.") == \
        "Credit : Tomas Vell for The Guardian"
    assert credited("Crowds in Lindholm. Tomas Vell/Getty Images\n\nThe envoy spoke.") == "Tomas Vell / Getty Images"
    # a poll, and a caption that goes on to say what happens, are not credits
    assert credited("A Reuters/Ipsos poll found Marta Kell ahead.") == ""
    assert credited("Photo: Minister Anna Berg greets the envoy in Oslo.") == ""
    # an outlet in capitals after a photographer's name, a caption label before it, a page run
    # together after the outlet; but not two states' codes
    assert credited("The port is idle. | Ines Marr/LINDPOST Karst: a new start") == "Ines Marr / LINDPOST"
    assert credited("toggle caption Tomas Vell/AP\n\nThe talks resumed.") == "Tomas Vell / AP"
    assert credited("Talks went on. The US/UK talks failed. Karst/NATO ties grew.") == ""


def test_entities_page_furniture_names_nothing() -> None:
    from storyline.extract.entities import _is_page_furniture

    for text in ("Story Highlights", "STORY HIGHLIGHTS", "Privacy Policy and Terms", "Terms of Use", "Subscribe"):
        assert _is_page_furniture(text), text
    for text in ("Foreign Policy", "Veldan Courier", "Story", "Marta Kell"):
        assert not _is_page_furniture(text), text


def test_entities_speech_verb_after_a_quotation_is_no_given_name() -> None:
    import spacy

    from storyline.extract.entities import _inverted_speech_tag

    nlp = spacy.blank("en")
    doc = nlp("“We will win,” Said Marta Kell.")
    assert _inverted_speech_tag(doc, [t.text for t in doc].index("Said"), len(doc) - 1)
    doc = nlp("Said Haddani met the envoy.")
    assert not _inverted_speech_tag(doc, 0, 2)
    # a paragraph that opens with the attribution and a colon
    doc = nlp("The talks ended.\n\nSaid Kell: “We will win.”")
    said = [t.text for t in doc].index("Said")
    assert _inverted_speech_tag(doc, said, said + 2)


@pytest.mark.model
def test_entities_photographers_and_agencies_in_credits_are_not_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("The envoy met the mayor on Tuesday.\nPhoto: Ines Marr/Reuters\nMarta Kell said the talks resume.",
                 "Marta Kell arrives in Lindholm on Monday. (AP Photo/Tomas Vell)\nThe talks resumed.",
                 "Crowds gather in Lindholm. Photograph: Ines Marr/AFP/Getty Images\nMarta Kell spoke.",
                 "Credit: Tomas Vell for The Guardian\nMarta Kell met the envoy in Lindholm."):
        mentions, ents = _run(nlp, text)
        assert "Marta Kell" in ents, text
        assert not any(w in m.text for m in mentions for w in ("Marr", "Vell", "Reuters", "Getty", "Guardian")), text


@pytest.mark.model
def test_entities_inverted_speech_tag_is_not_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, ents = _run(nlp, "“We will win,” Said Marta Kell on Friday.")
    assert "Marta Kell" in ents and not any(m.text.startswith("Said") for m in mentions)
    _, ents = _run(nlp, "Said Haddani met the envoy in Lindholm.")  # a given name stays one
    assert "Said Haddani" in ents


@pytest.mark.model
def test_entities_story_highlights_heading_is_not_an_entity(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Story Highlights\nMarta Kell met the envoy in Lindholm.")
    assert "Marta Kell" in ents and not any("Highlights" in name for name in ents)
    _, ents = _run(nlp, "By signing up you agree to our Privacy Policy and Terms of Use.")
    assert not ents


def test_entities_a_city_the_tagger_calls_a_people_is_a_place() -> None:
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")("Aleppo fell . Aleppo was rebuilt .")
    for w in doc:
        w.is_sent_start = w.i in (0, 3)
    doc.ents = [Span(doc, 0, 1, label="NORP"), Span(doc, 3, 4, label="NORP")]
    _, entities = extract_entities(doc, Article("x", doc.text, "test"))
    assert [(e.name, e.type) for e in entities] == [("Aleppo", "GPE")]


@pytest.mark.model
def test_entities_a_he_bound_to_a_news_body_makes_it_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    # "CNN said he would run": the "he" is whoever CNN reports on. A name bound to "he" that
    # reads as a person's still votes person ("Trump" typed ORG by the small model).
    for text, name, typed in (("CNN said he would run again.", "CNN", "ORG"),
                              ("Reuters said he had arrived in Paris.", "Reuters", "ORG"),
                              ("Politico said he would resign after the vote.", "Politico", "ORG"),
                              ("Trump said he would veto the bill.", "Trump", "PERSON"),
                              # a surname that is also a place word is no body's name
                              ("Mike Bank said he would not comment.", "Mike Bank", "PERSON")):
        _, entities = _run(nlp, text)
        assert entities[name].type == typed, text


def test_entities_one_word_after_a_title_is_a_person_whatever_the_tagger_says() -> None:
    # The small model types a bare "Trump" as an organisation; "President" before it says person,
    # as "Mr." would. An acronym after a title ("Commander ISAF") is no person.
    import spacy
    from spacy.tokens import Span

    from storyline.extract.entities import _Mention, _title_before_word

    for text, start, typed in (("President Tovin spoke .", 1, "PERSON"), ("Sen. Tovin spoke .", 1, "PERSON"),
                               ("Then Tovin spoke .", 1, "ORG")):
        doc = spacy.blank("en")(text)
        for w in doc:
            w.is_sent_start = w.i == 0
        doc.ents = [Span(doc, start, start + 1, label="ORG")]
        _, entities = extract_entities(doc, Article("x", doc.text, "test"))
        assert [(e.name, e.type) for e in entities] == [("Tovin", typed)], text
    doc = spacy.blank("en")("Commander ISAF and Sen. Karst and the Tovin team")
    assert not _title_before_word(doc, _Mention(1, 2, "ORG"))
    assert _title_before_word(doc, _Mention(4, 5, "ORG"))
    assert not _title_before_word(doc, _Mention(7, 8, "ORG"))  # "the" is no title


def test_entities_a_name_before_a_noun_only_people_have_is_a_person() -> None:
    import spacy
    from spacy.tokens import Span

    from storyline.extract.entities import _heads_a_person_noun, _Mention

    doc = spacy.blank("en")("the Tovin administration and the Karst team")
    heads = [1, 2, 2, 2, 6, 6, 6]  # "Tovin" and "Karst" modify the noun after them
    for w, h in zip(doc, heads, strict=True):
        w.head = doc[h]
        w.dep_ = "compound" if w.i in (1, 5) else "dep"
    doc.ents = [Span(doc, 1, 2, label="ORG"), Span(doc, 5, 6, label="ORG")]
    assert _heads_a_person_noun(doc, _Mention(1, 2, "ORG"))  # an administration is a person's
    assert not _heads_a_person_noun(doc, _Mention(5, 6, "ORG"))  # a team may be a company's



def test_entities_every_name_of_a_country_has_one_key() -> None:
    from storyline.gazetteer import country_key

    assert {country_key(n) for n in ("U.S.", "US", "USA", "America", "the United States")} == {"united states"}
    assert country_key("Republic of Serbia") == country_key("Serbia's") == "serbia"
    assert country_key("Kosova") == country_key("KiM") == "kosovo"
    assert country_key("Russian Federation") == country_key("Russia") == "russia"
    # a capital standing for its state is a place of its own; an organisation is no country
    assert country_key("Belgrade") is None and country_key("Pristina") is None and country_key("WHO") is None
    assert country_key("Washington") is None and country_key("us") is None


def test_entities_an_organisation_named_in_other_letters_or_languages_has_one_key() -> None:
    from storyline.gazetteer import organisation_key

    assert {organisation_key(n) for n in ("Isis", "ISIL", "Daesh", "IS")} == {"islamic state"}
    assert organisation_key("KFOR") == "kosovo force" and organisation_key("Vetëvendosje") == organisation_key(
        "Vetevendosje!") == "self-determination movement"
    assert organisation_key("is") is None and organisation_key("NATO") is None


def test_entities_a_country_is_shown_by_its_name_as_news_writes_it() -> None:
    from collections import Counter

    from storyline.gazetteer import entity_name

    forms = Counter({"U.S.": 30, "United States": 10, "United States of America": 1, "US": 5})
    assert entity_name("united states", forms) == "United States"  # not the fullest, nor "U.S."
    assert entity_name("united states", Counter({"U.S.": 3})) == "U.S."
    assert entity_name("serbia", Counter({"Serbia": 3, "Republic of Serbia": 1})) == "Serbia"
    # anything else keeps its fullest form
    assert entity_name("peter sorensen", Counter({"Sorensen": 3, "Peter Sørensen": 1})) == "Peter Sørensen"


@pytest.mark.model
def test_entities_one_country_however_named_and_an_acronym_with_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The United States and the Republic of Serbia signed the accord in Belgrade. U.S. officials said "
            "Serbia would open its market. The Veldora Trade Council welcomed the deal, and the VTC said it "
            "would send observers to the US in June.")
    mentions, ents = _run(nlp, text)
    us = next(e for e in ents.values() if e.key == "united states")
    assert {"United States", "U.S.", "US"} <= set(us.aliases) and us.type == "GPE"
    assert next(e for e in ents.values() if e.key == "serbia").aliases == ("Republic of Serbia", "Serbia")
    council = ents["Veldora Trade Council"]
    assert council.aliases == ("VTC", "Veldora Trade Council") and council.type == "ORG"
    assert len({m.entity_id for m in mentions if m.text in ("VTC", "Veldora Trade Council")}) == 1


@pytest.mark.model
def test_entities_an_acronym_defined_in_brackets_joins_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    from storyline.gazetteer import spelled

    _, ents = _run(nlp, "Engineers of the Tessel Basin Commission (TEBACOM) inspected the dam on Sunday. "
                        "TEBACOM said the water level was safe.")
    commission = ents["Tessel Basin Commission"]
    assert commission.aliases == ("TEBACOM", "Tessel Basin Commission") and commission.type == "ORG"
    assert spelled(commission.key, commission.type, commission.name, commission.aliases) == "tebacom"
    # KFOR is the Kosovo Force by the gazetteer too, and acts for NATO
    _, ents = _run(nlp, "Troops of the NATO-led Kosovo Force (KFOR) patrolled the bridge on Sunday. "
                        "KFOR said the situation was calm.")
    kfor = ents["Kosovo Force"]
    assert kfor.aliases == ("KFOR", "Kosovo Force") and kfor.type == "ORG" and kfor.affiliation == "NATO"
    # brackets after a person's name are no definition
    _, ents = _run(nlp, "Senator Kirsten Vale (NY) said the bill would pass. Vale spoke in Albany.")
    assert "NY" not in ents.get("Kirsten Vale", ents.get("Senator Kirsten Vale")).aliases  # type: ignore[union-attr]


def test_entities_a_short_form_the_tagger_mistyped_joins_the_fuller_person_in_the_article() -> None:
    import spacy

    from storyline.extract.entities import _Cluster, _join_short_forms, _Mention

    doc = spacy.blank("en")("Maurice Cheeks said on Monday that the coach Mo Cheeks would stay .")
    clusters = {"maurice cheeks": _Cluster("maurice cheeks", [_Mention(0, 2, "PERSON", key="maurice cheeks")]),
                "mo cheeks": _Cluster("mo cheeks", [_Mention(9, 11, "GPE", key="mo cheeks")])}
    joined = _join_short_forms(doc, clusters)
    # "Mo Cheeks", called a place by the tagger, is Maurice Cheeks, as it is across articles
    assert sorted(joined) == ["maurice cheeks"]
    assert [m.key for m in joined["maurice cheeks"].mentions] == ["maurice cheeks"] * 2
    # a fuller name the tagger did not call a person takes in nothing
    lone = {"mo cheeks": _Cluster("mo cheeks", [_Mention(0, 2, "PERSON", key="mo cheeks")]),
            "maurice cheeks": _Cluster("maurice cheeks", [_Mention(5, 7, "GPE", key="maurice cheeks")])}
    assert sorted(_join_short_forms(doc, lone)) == ["maurice cheeks", "mo cheeks"]


@pytest.mark.model
def test_entities_acronyms_that_are_no_names_of_the_article_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "The Supreme Court ruled on Monday. Haley leads the SC primary, and the SC vote "
                        "is next week. The Green Party (US) said it would appeal.")
    court = next(e for e in ents.values() if e.key == "supreme court")
    assert "SC" not in court.aliases  # two letters spell too much by chance
    party = next(e for e in ents.values() if e.key == "green party")
    assert "US" not in party.aliases and party.type == "ORG"  # a country in brackets defines nothing
    # two letters the gazetteer knows as the name's own organisation do join
    _, ents = _run(nlp, "The European Union said on Monday it would send observers. The EU also pledged aid.")
    assert "EU" in next(e for e in ents.values() if e.key == "european union").aliases
    # the house style that writes an acronym as a word ("Nato") joins as capitals do; a place in
    # brackets after a newspaper's name defines nothing
    _, ents = _run(nlp, "The North Atlantic Treaty Organization will meet in June. Nato leaders said the summit "
                        "would focus on air defence. The Evening Standard (London) reported the fire.")
    assert "Nato" in next(e for e in ents.values() if e.key == "north atlantic treaty organization").aliases
    assert all("London" not in e.aliases for e in ents.values() if e.key != "london")
    # a person named like a country stays a person
    _, ents = _run(nlp, "Rep. Tom Holland of Ohio said the bill would pass. Mr. Holland voted for it.")
    assert all(e.key != "netherlands" for e in ents.values())


@pytest.mark.model
def test_entities_a_dateline_names_a_place_and_so_does_a_river(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "LINDHOLM, July 7 (Concord Wire) – A meeting between the two delegations in Lindholm "
                        "did not take place, officials said.")
    assert ents["Lindholm"].type == "GPE"
    _, ents = _run(nlp, "OSTREL, 4 March (Reuters) - Officials in Ostrel said the Varna river flooded.")
    assert (ents["Ostrel"].type, ents["Varna"].type) == ("GPE", "LOC")
    _, ents = _run(nlp, "The mission patrols the border along the Tessel river.")
    assert ents["Tessel"].type == "LOC"


def test_entities_a_full_name_tagged_as_a_place_still_owns_its_surname() -> None:
    # The small model calls "Maurice Cheeks" a place in some articles and every bare "Cheeks" a
    # person; the bare surname joins the full name all the same (but not a known place's name).
    import spacy

    from storyline.extract.entities import _cluster, _Mention

    doc = spacy.blank("en")("Cheeks returns . Maurice Cheeks was hired . Cheeks said . New York York spoke . "
                            "Lincoln Memorial Lincoln Never Trump Trump")
    mentions = [_Mention(0, 1, "PERSON"), _Mention(3, 5, "GPE"), _Mention(8, 9, "PERSON"),
                _Mention(11, 13, "GPE"), _Mention(13, 14, "PERSON"), _Mention(16, 18, "GPE"),
                _Mention(18, 19, "PERSON"), _Mention(19, 21, "ORG"), _Mention(21, 22, "PERSON")]
    clusters = _cluster(doc, mentions)
    assert {m.start for m in clusters["maurice cheeks"].mentions} == {0, 3, 8}
    # a place, a building or a slogan named after someone is not that person
    assert {m.start for m in clusters["york"].mentions} == {13}
    assert {m.start for m in clusters["lincoln"].mentions} == {18}
    assert {m.start for m in clusters["trump"].mentions} == {21}


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    # the tagger calls every mention an organisation, the full name too
    ("Carly Fiorina opened her campaign in Des Moines on Monday. Fiorina told supporters that the race "
     "would be long. Later, Fiorina met farmers, and Fiorina said she would return in the spring.", "Carly Fiorina"),
    # ... or the surname an event, or a place
    ("Speaker Nancy Pelosi spoke on Tuesday. While Pelosi's announcement adds weight to the inquiry, "
     "Pelosi has for months resisted calls for impeachment.", "Nancy Pelosi"),
    ("Adam Schiff chairs the committee. Schiff, for his part, has already referred to the meeting.", "Adam Schiff"),
])
def test_entities_a_surname_the_tagger_types_as_anything_joins_its_person(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    mentions, ents = _run(nlp, text)
    surname = name.split()[-1]
    person = ents[name]
    assert person.type == "PERSON" and surname in person.aliases
    assert {m.entity_id for m in mentions if surname in m.text} == {person.id}


def test_entities_a_persons_name_stops_at_a_figure_or_a_link() -> None:
    import spacy
    from spacy.tokens import Span

    from storyline.extract.entities import _trim

    doc = spacy.blank("en")("Obama 01:16 ; Ted Cruz 820k Beto ; MH370 Lena Vold ; COVID-19 ; "
                            "pic.twitter.com/x0a Ryan Saavedra")

    def trimmed(start: int, end: int) -> str | None:
        m = _trim(Span(doc, start, end, label="PERSON"))
        return m.text(doc) if m is not None else None

    assert trimmed(0, 2) == "Obama"  # a video's length
    assert trimmed(3, 7) == "Ted Cruz"  # a poll's count, and what runs on after it
    assert trimmed(8, 11) == "Lena Vold"  # a flight's number before the name
    assert trimmed(12, 13) is None  # no name at all
    assert trimmed(14, 17) == "Ryan Saavedra"  # a link


def test_entities_a_mistyped_surname_joins_only_one_person_and_no_known_place() -> None:
    import spacy

    from storyline.extract.entities import _Cluster, _join_mistyped_surnames, _Mention

    doc = spacy.blank("en")("Kanye West Kim Kardashian West West Lena Georgia Georgia Lena Vold Vold "
                            "Upper Midwest Midwest")
    clusters = {
        "kanye west": _Cluster("kanye west", [_Mention(0, 2, "PERSON")]),
        "kim kardashian west": _Cluster("kim kardashian west", [_Mention(2, 5, "PERSON")]),
        "west": _Cluster("west", [_Mention(5, 6, "LOC")]),
        "lena georgia": _Cluster("lena georgia", [_Mention(6, 8, "PERSON")]),
        "georgia": _Cluster("georgia", [_Mention(8, 9, "GPE")]),
        "lena vold": _Cluster("lena vold", [_Mention(9, 11, "ORG")]),
        "vold": _Cluster("vold", [_Mention(11, 12, "FAC")]),
        "upper midwest": _Cluster("upper midwest", [_Mention(12, 14, "LOC")]),
        "midwest": _Cluster("midwest", [_Mention(14, 15, "LOC")]),
    }
    types = {"kanye west": "PERSON", "kim kardashian west": "PERSON", "west": "LOC", "lena georgia": "PERSON",
             "georgia": "GPE", "lena vold": "PERSON", "vold": "FAC", "upper midwest": "PERSON", "midwest": "LOC"}
    types = _join_mistyped_surnames(doc, clusters, types)
    assert "vold" not in clusters and len(clusters["lena vold"].mentions) == 2  # the one person it can be
    assert clusters["lena vold"].mentions[1].surname_only
    assert "west" in clusters  # two people share it
    assert "georgia" in clusters  # a known place
    assert "midwest" in clusters  # "Upper Midwest" reads as no person's name, whatever its vote
    assert set(types) == set(clusters)


@pytest.mark.model
def test_entities_a_name_the_tagger_misses_on_its_second_use_is_still_found(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Kurdish forces said on Monday that Isis had lost its last village. As Isis withers, dead Isis "
            "fighters lie in the streets. Isis fighters attacked the town. President Trump spoke in Ankara. "
            "Trump Tower was closed.")
    mentions, ents = _run(nlp, text)
    isis = [m for m in mentions if m.text == "Isis"]
    assert len(isis) == 4 and len({m.entity_id for m in isis}) == 1
    assert ents["Isis"].type == "ORG"
    # "Trump" is tagged alone, but the building named after him is no repeat of his name
    assert [m.start for m in mentions if m.text == "Trump"] == [text.index("Trump spoke")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Hunt visited Ankara on Monday. Hunt for survivors goes on in the rubble.",
    'Price said the sanctions would stay. "Price rises triggered protests in Lima," he said.',
])
def test_entities_a_surname_that_is_a_plain_word_opening_a_sentence_is_no_repeat(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    mentions, _ = _run(nlp, text)
    second = text.index(text.split()[0], 1)
    assert not any(m.start == second for m in mentions)


@pytest.mark.model
def test_entities_a_bare_surname_goes_to_a_person_before_a_body_or_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Dow Jones fell sharply on Monday. Alex Jones spoke to the crowd in Austin. "
            "Later, Jones said he would appeal.")
    mentions, ents = _run(nlp, text)
    [jones] = [m for m in mentions if m.text == "Jones"]
    assert jones.entity_id == ents["Alex Jones"].id


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "etype"), [
    ("Ministers met in Erbil on Monday. The Kurdish parliament in Erbil will vote.", "Erbil", "GPE"),
    ("Fighting continued in Aleppo's eastern districts on Monday.", "Aleppo", "GPE"),
    ("Chinese investment in Karachi has surged.", "Karachi", "GPE"),
    # a person the gazetteer shares a name with: trusted, a surname
    ("Voters lost confidence in Obama. Obama said he would campaign.", "Obama", "PERSON"),
    ("Supporters of John Bolton rallied. Critics gathered around Bolton in Washington.", "John Bolton", "PERSON"),
])
def test_entities_a_known_city_after_in_is_a_place_but_a_person_is_not(  # type: ignore[no-untyped-def]
    nlp, text: str, name: str, etype: str
) -> None:
    _, ents = _run(nlp, text)
    assert ents[name].type == etype


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "role"), [
    # the words before a title's noun phrase are no part of it
    ("For the Chilean president, Ana Rojas, the war is over.", "Ana Rojas", "Chilean president"),
    ("The talks stalled after the resignation of Chilean defence secretary Tomas Vidal.", "Tomas Vidal",
     "Chilean defence secretary"),
    ("Peru and the Chilean president, Ana Rojas, spoke on Monday.", "Ana Rojas", "Chilean president"),
    # but coordination and prepositions inside a title are kept
    ("The EU High Representative for Foreign Affairs and Security Policy, Ana Rojas, spoke.", "Ana Rojas",
     "High Representative for Foreign Affairs and Security Policy"),
])
def test_entities_a_title_starts_at_its_noun_phrase(nlp, text: str, name: str, role: str) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, text)
    assert role in [r.role for r in ents[name].roles]


@pytest.mark.model
def test_entities_a_title_after_and_is_the_next_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The plan was drawn up by Defence Secretary Tomas Vidal, and the envoy to the coalition, Ana Rojas, "
            "on Monday.")
    _, ents = _run(nlp, text)
    assert not any("envoy" in r.role for r in ents["Tomas Vidal"].roles)


@pytest.mark.model
def test_entities_a_bracket_or_a_separator_ends_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, _ = _run(nlp, "Fighters of the Northern Front (NF) attacked. Search • President Trump • Dorset • Join.")
    assert not any("(" in m.text or "•" in m.text for m in mentions)
    assert "Trump" in [m.text for m in mentions]
    # an editor's bracket closes a name when no name word follows, and is inside one when it does
    mentions, _ = _run(nlp, "A defector said [Halvorsen] Libyan intelligence agents planned it. "
                            "He said [George W.] Bush had lied. She called the [Gov. Bobby] Jindal "
                            "type rhetoric damaging.")
    texts = [m.text for m in mentions]
    assert "Halvorsen" in texts and not any("Libyan" in t and "]" in t for t in texts)
    assert any(t.endswith("] Bush") for t in texts) and any(t.endswith("] Jindal") for t in texts)


@pytest.mark.model
def test_entities_a_surname_the_tagger_reads_as_a_company_counts_once_not_each_time(nlp) -> None:  # type: ignore[no-untyped-def]
    """The small model calls a bare "Ford" a company 13 times over; that is one bias of the word,
    and the person the article introduced in full, whom it calls "she", stays a person."""
    text = ("Anna Marsh Ford told a Senate committee on Thursday what she saw in the hotel. "
            "Ford said the meeting had lasted an hour. Senators asked Ford about the documents. "
            "Ford also told the committee that the records were complete. Questioning of Ford went on for "
            "four hours. Ford responded that she had kept the letters. The lawyer for Ford said the hearing "
            "was fair. The chairman thanked Ford for coming forward. Ford said the committee could call again. "
            "Ford's account was read into the record. Ford described the room. Ford named two witnesses. "
            "Critics of Ford said the account had changed. Ford denied it.")
    mentions, ents = _run(nlp, text)
    assert ents["Anna Marsh Ford"].type == "PERSON"
    assert sum(m.entity_id == ents["Anna Marsh Ford"].id for m in mentions) == 14


@pytest.mark.model
def test_entities_a_persons_surname_owning_an_administration_is_no_state(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Anton Velik signed the decree on Monday. Velik's administration said the border "
            "would reopen. Velik's advisers denied any delay, and Velik's government published the text.")
    _, ents = _run(nlp, text)
    assert ents["Anton Velik"].type == "PERSON"


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("In Belgrade, Petar Petković met the envoy, and Besnik Bislimi stayed in Pristina.", "Petar Petković"),
    ("Marko Đurić said Serbia would respond. Aleksandar Vučić called the move a provocation.", "Aleksandar Vučić"),
    ("Marko Đurić said Serbia would respond. Aleksandar Vučić called the move a provocation.", "Marko Đurić"),
    ("Critics said Brett Mallory had misled the committee.", "Brett Mallory"),
])
def test_entities_a_name_opening_with_a_given_name_is_a_persons(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """The small model calls these people organisations; a common given name says otherwise."""
    _, ents = _run(nlp, text)
    assert ents[name].type == "PERSON"


@pytest.mark.model
@pytest.mark.parametrize(("text", "name"), [
    ("The senator cited the Logan Act on Monday.", "Logan Act"),
    ("Students at Franklin Pierce University in Rindge cheered. At Franklin Pierce, the senator spoke for an "
     "hour, and one Franklin Pierce student asked about debt.", "Franklin Pierce"),
    ("Donors gave to the Hillary Victory Fund in March.", "Hillary Victory Fund"),
])
def test_entities_a_given_name_opening_a_law_or_a_bodys_name_is_no_person(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, text)
    assert name in ents and ents[name].type != "PERSON"


@pytest.mark.model
def test_an_organisation_of_a_hyphenated_group_is_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tagger stops "the Association of Serb|-majority municipalities" inside the hyphenated word
    text = "Pristina has not yet formed the Association of Serb-majority municipalities, Dravic said on Monday."
    doc = nlp(text)
    mentions, _ = extract_entities(doc, Article(article_id(text), text, "test"))
    assert "Association of Serb-majority municipalities" in [m.text for m in mentions]
    text = "Council of Europe officials met on Monday."
    doc = nlp(text)
    mentions, _ = extract_entities(doc, Article(article_id(text), text, "test"))
    assert "Council of Europe" in [m.text for m in mentions]  # no hyphen: the officials are not the council


@pytest.mark.model
def test_entities_a_word_in_capitals_run_into_a_name_is_no_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # a photo credit and a video button the page's text runs into the next name
    for text in ("The talks stalled. | REUTERS Dravic's cautious balance on Lindholm. Dravic said the army must act.",
                 "CLOSE Dravic spoke on Monday. Dravic said the talks would resume."):
        mentions, _ = _run(nlp, text)
        assert [m.text for m in mentions if "Dravic" in m.text] == ["Dravic", "Dravic"], text
    # a name in capitals throughout is kept whole
    mentions, _ = _run(nlp, "Veldoran leader KIM JONG UN met the envoy.")
    assert "KIM JONG UN" in [m.text for m in mentions]
    # two capitals are initials
    mentions, _ = _run(nlp, "DJ Kessler, the executive director of the group, said the law had failed.")
    assert "DJ Kessler" in [m.text for m in mentions]


@pytest.mark.model
def test_entities_a_plural_after_the_is_a_group(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "The Varenis seized the capital in 2014. Veldora launched strikes against the Varenis.")
    assert ents["Varenis"].type != "PERSON"  # a movement, a team: a body


@pytest.mark.model
def test_entities_a_father_of_the_same_surname_is_not_his_daughter(nlp) -> None:  # type: ignore[no-untyped-def]
    # "jean-marie le varre" opens with given names: no word run into "le varre"
    _, ents = _run(nlp, "She won more votes than her father, Jean-Marie Le Varre, won in 2002. "
                        "Marine Le Varre said she was glad. Ms Le Varre then left.")
    assert {"Jean-Marie Le Varre", "Marine Le Varre"} <= set(ents)


@pytest.mark.model
def test_entities_a_demonym_in_the_plural_is_a_people(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Many Britons voted to leave the union, and Greeks voted against the bailout on Sunday.")
    assert ents["Greeks"].type == "NORP"


@pytest.mark.model
def test_entities_brexit_is_nobody(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Leadsom said Velik would honour the result of the Brexit referendum. "
                        "She said Brexit means Brexit.")
    assert ents["Brexit"].type == "EVENT"
    # a headline run into the name after it
    _, ents = _run(nlp, "Leaders discuss a 'no deal' Brexit Nigel Farage warned the Tories on Friday.")
    assert "Nigel Farage" in ents and "Brexit Nigel Farage" not in ents


@pytest.mark.model
def test_entities_a_title_abbreviated_is_no_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Former PM Theresa May positioned herself alongside Ken Clarke for the vote.")
    assert ents["Theresa May"].type == "PERSON" and "PM Theresa May" not in ents


@pytest.mark.model
def test_entities_a_name_never_ends_in_a_particle(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tagger stops before "Pen", which it reads as a noun
    _, ents = _run(nlp, "French far-right leader Jean-Marie Le Pen and his daughter Marine Le Pen arrive at a "
                        "ceremony in Paris.")
    assert {"Jean-Marie Le Pen", "Marine Le Pen"} <= set(ents)


@pytest.mark.model
def test_entities_a_presidents_white_house_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Rousseff had been invited for the only state visit to the Obama White House last year, "
                        "officials said.")
    assert ents["Obama White House"].type != "PERSON"


@pytest.mark.model
def test_entities_a_news_brand_alone_is_a_body(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "As Politico notes, Velik last week rejected the claim. A spokesperson told Politico that "
                        "the order stood.")
    assert ents["Politico"].type == "ORG"


@pytest.mark.model
def test_entities_a_name_with_two_hyphens_is_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, _ = _run(nlp, "Velik was subdued on Saturday, ensconced in his private Mar-a-Lago resort and his "
                            "nearby golf club.")
    assert "Mar-a-Lago" in [m.text for m in mentions] and "Mar-a" not in [m.text for m in mentions]


@pytest.mark.model
def test_entities_a_title_held_before_does_not_part_a_surname_from_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("President Velik plans to meet the envoy on Monday. Critics took aim at Velik in a statement. "
            "The firm was hired in 2015 to investigate then-candidate Anton Velik.")
    mentions, ents = _run(nlp, text)
    assert {m.entity_id for m in mentions if "Velik" in m.text} == {ents["Anton Velik"].id}


@pytest.mark.model
def test_entities_a_word_run_into_a_name_is_cut_from_the_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, ents = _run(nlp, "Speaker of the House, Nervous Anna Velik, who is afraid of her own party, said "
                               "nothing. Anna Velik left.")
    assert [m.text for m in mentions if "Velik" in m.text] == ["Anna Velik", "Anna Velik"]
    assert "Nervous" not in " ".join(ents["Anna Velik"].aliases)


@pytest.mark.model
def test_entities_a_name_made_an_adjective_keeps_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    mentions, _ = _run(nlp, "Velik announced plans to revamp Obama-era guidance for colleges on Monday.")
    assert "Obama-era" not in [m.text for m in mentions]
    mentions, _ = _run(nlp, "Moon Jae-in met Ban Ki-moon in Seoul.")  # a hyphen inside a name stays
    assert {"Moon Jae-in", "Ban Ki-moon"} <= {m.text for m in mentions}


@pytest.mark.model
def test_entities_a_particle_surname_the_tagger_calls_a_facility_is_the_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("France will have two weeks of fighting between the two finalists, Macron and the National Front "
            "leader Marine Le Pen. Supporters of Le Pen note that the vote was a big improvement. No one doubts "
            "that Le Pen will add to the total in the second round. But in a runoff with Macron, the populist Le "
            "Pen trails by a wide margin. The reason that Le Pen probably has a ceiling is simple. Polls can be "
            "off, but the surge Le Pen would need would be unprecedented. For many voters, Le Pen is unrealistic. "
            "Le Pen would in all likelihood face a hostile parliament.")
    mentions, ents = _run(nlp, text)
    assert ents["Marine Le Pen"].type == "PERSON"
    assert {m.entity_id for m in mentions if "Pen" in m.text} == {ents["Marine Le Pen"].id}


@pytest.mark.model
def test_entities_a_body_written_with_and_without_its_hyphen_is_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Karst joined the Trans-Veldan Partnership in May. Critics of the Trans Veldan Partnership "
            "marched in Lindholm, and Anna Velik-Orsa said the deal would stand. Velik-Orsa spoke for an hour.")
    mentions, ents = _run(nlp, text)
    deal = {m.entity_id for m in mentions if "Veldan" in m.text}
    assert len(deal) == 1 and ents["Trans-Veldan Partnership"].id in deal
    # a person's double surname stays one word: her surname alone is still hers
    velik = {m.entity_id for m in mentions if "Velik" in m.text}
    assert velik == {ents["Anna Velik-Orsa"].id}


@pytest.mark.model
def test_entities_an_office_imagined_is_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Critics say a President Anna Velik would have kept the talks alive. "
                        "Senator Marek Tovin disagreed.")
    assert [r.role for r in ents["Anna Velik"].roles] == []
    assert [r.role for r in ents["Marek Tovin"].roles] == ["Senator"]


@pytest.mark.model
def test_entities_an_armed_group_is_a_body(nlp) -> None:  # type: ignore[no-untyped-def]
    _, ents = _run(nlp, "Boko Haram has killed thousands in the north. Al-Shabab claimed the attack in Lindholm, "
                        "and the group formerly known as Fateh al-Sham denied it.")
    assert [ents[n].type for n in ("Boko Haram", "Al-Shabab", "Fateh al-Sham")] == ["ORG"] * 3


@pytest.mark.model
def test_entities_a_surname_opened_by_lower_case_particles_is_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    # the tagger stops at "von" or "der" and takes the rest of the surname for a place
    text = "Commission President Ursula von der Brandt spoke with the envoy on Tuesday."
    mentions, ents = _run(nlp, text)
    assert "Ursula von der Brandt" in ents and ents["Ursula von der Brandt"].type == "PERSON"
    assert [m.text for m in mentions if m.text.endswith("Brandt")] == ["Ursula von der Brandt"]
