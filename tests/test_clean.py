"""Tests for the cleaning stage (storyline.clean). Fast: no spaCy model.

Every article text here is invented for these tests (the Veldora–Karst world of examples/).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from storyline.clean import (
    clean_document,
    clean_text,
    detect_language,
    is_analysed,
    normalise_text,
    source_from_url,
)
from storyline.config import Options
from storyline.model import Article, RawDocument, Rejected, article_id

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXAMPLES = ROOT / "examples"

OPTIONS = Options()

BODY_1 = (
    "The envoy of the Northern Concord, Ingrid Halvorsen, met Veldora's chief negotiator Marek Tovin "
    "in Lindholm on Monday to prepare a trilateral session."
)
BODY_2 = (
    "\u201cWe had a long and useful discussion about the Mirov crossing,\u201d Halvorsen wrote on X. "
    "The trilateral meeting did not take place because the Karst delegation did not arrive."
)
BODY_3 = (
    "Separately, the commander of the monitoring mission met the ambassador of Aurelia at the "
    "mission's headquarters outside Veldan."
)

# The debris pattern of a scraped news page: outlet banner twice, read-time labels, a share
# button glued to the end of the last sentence.
DEBRIS_PAGE = (
    f"VELDAN NEWS\nVELDAN NEWS 4 Min Read\n4 Min Read\n\n{BODY_1}\n\n{BODY_2}\n\n{BODY_3}\n\nShare this Post"
)
CLEAN_PAGE = f"{BODY_1}\n\n{BODY_2}\n\n{BODY_3}"


def article(raw: RawDocument, options: Options = OPTIONS) -> Article:
    """clean_document, asserting it gave an Article."""
    result = clean_document(raw, options)
    assert isinstance(result, Article), result
    return result


def rejected(raw: RawDocument, options: Options = OPTIONS) -> Rejected:
    """clean_document, asserting it gave a Rejected."""
    result = clean_document(raw, options)
    assert isinstance(result, Rejected), result
    return result


# --------------------------------------------------------------------------- debris


def test_clean_removes_banner_read_time_and_share_lines() -> None:
    assert clean_text(DEBRIS_PAGE) == CLEAN_PAGE


def test_clean_removes_share_phrase_glued_to_last_sentence() -> None:
    text = f"{BODY_1}\n\n{BODY_3}Share this Post"
    assert clean_text(text) == f"{BODY_1}\n\n{BODY_3}"
    assert clean_text(f"{BODY_1} Tweet Email") == BODY_1


@pytest.mark.parametrize(
    "line",
    [
        "Share this Post",
        "Share on Facebook",
        "Share",
        "Tweet",
        "Print",
        "Email",
        "Share: Facebook | X | Email",
        "2 Min Read",
        "5 min read",
        "3-minute read",
        "Reading time: 3 minutes",
        "Read more: Karst blames strike for empty chairs",
        "Read also: Tovin accuses Kasgrad of stalling",
        "Related: Farmers march in Kasgrad",
        "Advertisement",
        "Subscribe to our morning briefing",
        "We use cookies to improve your experience on this site.",
        "This website uses cookies. By continuing to browse you agree to their use.",
        "Cookie settings",
        "\U0001f525\U0001f525 \U0001f44d",
        "JUST WATCHED Dravic: talks will resume Replay More Videos ... MUST WATCH Dravic: talks will resume 03:59",
        "MUST WATCH Farmers march in Kasgrad 02:14",
        "Enlarge this image toggle caption Jana Orlik/Veldan Press Jana Orlik/Veldan Press",
        "Image copyright Veldan Press Image caption Farmers block the road to Mirov",
        # a caption line of any length
        ("Image copyright Veldan Press Image caption Farmers from the valleys around Kasgrad block the road "
         "to Mirov on the third day of a protest against the quotas agreed in Lindholm"),
        ("Media playback is unsupported on your device Media caption Envoy Halvorsen: \"Both sides told me "
         "they would come back to the table in Lindholm before the end of the month\""),
        "Media playback is unsupported on your device",
        "Slideshow (6 Images)",
        "next Image 1 of 3",
        "(Jana Orlik/Veldan Press)",
        "( PHOTOS: Ten moments from the Lindholm talks)",
        "WATCH: Dravic arrives in Lindholm",
        "More: Tovin accuses Kasgrad of stalling",
        "Photo",
        "Story Continued Below",
        "Advertisement Continue reading the main story",
        "CLICK HERE TO GET THE VELDAN NEWS APP",
        "SHARE THIS ARTICLE Share Tweet Post Email",
        "Follow the envoy's office on Twitter: @ConcordEnvoy",
        "Copyright © 2025 Veldan News, LLC. Click here for reprint permission.",
        "© 2025 Kasgrad Media Group",
        "Copyright 2025 Veldan Press. All rights reserved.",
        "Veldan Press contributed to this report.",
        "Contributing: Jana Orlik in Kasgrad",
        "Reporting by Jana Orlik; Editing by Tom Vey",
        "Jana Orlik contributed.",
        "Send letters to letters@veldannews.example.",
        "This article is more than 2 years old",
        "3 years ago",
        "___",
        "* * *",
        "[pullquote]",
        "Veldan Morning newsletter Get the day's news in your inbox. Email Sign Up By signing up you agree to "
        "receive email newsletters from Veldan News. You can unsubscribe at any time.",
    ],
)
def test_clean_removes_debris_line_anywhere(line: str) -> None:
    text = f"{BODY_1}\n\n{line}\n\n{BODY_3}"
    assert clean_text(text) == f"{BODY_1}\n\n{BODY_3}"


@pytest.mark.parametrize(
    "sentence",
    [
        "Karst wants a larger share of the river in summer, Dravic said.",
        "Read more carefully, the statement commits Veldora to nothing at all.",
        "By the time the delegation reached Lindholm, the envoy had already left.",
        "Tovin said he would print the agreement and email it to every deputy.",
        "The ministry said it would subscribe to the Concord's monitoring reports from August.",
        "Cookies baked in Kasgrad were served to both delegations, the envoy's office said.",
        "Share prices in Kasgrad rose after the agreement was announced on Tuesday.",
        "Advertisement boards along the road to Mirov were taken down last week.",
        "Must watch: the envoy's speech in Kasgrad, which Dravic called a turning point.",
        "Copyright law in Veldora was changed in 2019, the ministry said.",
        "Click beetles damaged the harvest near Mirov, farmers said on Monday.",
        "Three farmers' unions contributed to the fund, Tovin said.",
        "Photo identification will be required at the Mirov crossing from June.",
        "Ten years ago, the river still ran through Mirov all summer.",
        "FARMERS WANT MORE WATER FROM THE MIROV, THE BANNERS SAID.",
        "The Karst delegation asked for MORE time, Tovin said, and Dravic agreed.",
    ],
)
def test_clean_keeps_real_sentences(sentence: str) -> None:
    text = f"{BODY_1}\n\n{sentence}\n\n{BODY_3}"
    assert clean_text(text) == text


# A hover card of a scraped page: the full name glued to three headlines, then "MORE".
CARD = "Marek Ilian DravicKarst farmers block Mirov road Tovin says talks are over Concord envoy lands in Lindholm MORE"


@pytest.mark.parametrize(
    ("line", "clean"),
    [
        (f"The envoy met President Dravic {CARD} on Monday in Lindholm.",
         "The envoy met President Dravic on Monday in Lindholm."),
        (f"President Dravic {CARD}’s visit was cancelled.", "President Dravic’s visit was cancelled."),
        # the display name split around the card
        ("The envoy met Marta Vey Marta Ilse HalvorsenKarst farmers block Mirov road Tovin quits MORE "
         "Halvorsen, the deputy.", "The envoy met Marta Vey Halvorsen, the deputy."),
        # the card's name not glued to its first headline
        ("Speaker Anton Brel Anton (Toni) Kasimir Brel Farmers march in Kasgrad Tovin quits MORE (Veldora) "
         "said the talks would go on.", "Speaker Anton Brel (Veldora) said the talks would go on."),
        # a card with no headline, its name glued to "MORE"
        ("Dravic has yet to decide who will replace Tomas Orlik Tomas Karel OrlikMORE as envoy.",
         "Dravic has yet to decide who will replace Tomas Orlik as envoy."),
        # the display name glued to the card's
        ("Justice Lena OrsaLena Orsa Court rules on the Mirov crossing 2 takeaways MORE, a Concord "
         "appointee, dissented.", "Justice Lena Orsa, a Concord appointee, dissented."),
    ],
)
def test_clean_cuts_hover_cards_out_of_sentences(line: str, clean: str) -> None:
    assert clean_text(f"{BODY_1}\n\n{line}") == f"{BODY_1}\n\n{clean}"


# A photo gallery of a scraped page: its title, then each caption ending in the viewer's button.
GALLERY = ("Photos: Photos: Talks in Lindholm Photos: Photos: Talks in Lindholm Talks in Lindholm – Envoy "
           "Halvorsen arrives in Lindholm on May 3, 2019. Hide Caption 1 of 3 Photos: Photos: Talks in "
           "Lindholm Talks in Lindholm – Dravic met Tovin there in 2012. Hide Caption 2 of 3 Photos: Photos: "
           "Talks in Lindholm Talks in Lindholm – Farmers march in Kasgrad. Hide Caption 3 of 3")


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        (f"{BODY_1}\n\n{GALLERY}\n\n{BODY_3}", f"{BODY_1}\n\n{BODY_3}"),
        # run on from the end of a paragraph, and the next one run on from it
        (f"{BODY_1} {GALLERY} {BODY_3}", f"{BODY_1}\n{BODY_3}"),
        # a caption over two lines; a gallery whose captions are empty
        (f"{BODY_1}\n\nPhotos: Talks in Lindholm Envoy Halvorsen arrives.\nShe met Dravic. Hide Caption 1 of 2 "
         "Photos: Talks in Lindholm Farmers march. Hide Caption 2 of 2\n\n"
         "Photos: Kasgrad Hide Caption 1 of 2 Photos: Kasgrad Hide Caption 2 of 2\n\n"
         f"{BODY_3}", f"{BODY_1}\n\n{BODY_3}"),
        # the caption of the first photo in a paragraph of its own, before its button
        (f"{BODY_1}\n\nPhotos: Talks in Lindholm Envoy Halvorsen arrives.\n\nHide Caption 1 of 2 "
         f"Photos: Talks in Lindholm Farmers march. Hide Caption 2 of 2\n\n{BODY_3}", f"{BODY_1}\n\n{BODY_3}"),
        # cut off in the middle of a caption: the rest of its line goes with it
        (f"{BODY_1}\n\n{GALLERY.replace(' of 3', ' of 9')} Photos: Photos: Talks in Lindholm Talks in "
         f"Lindholm – Dravic and Tovin\n\n{BODY_3}", f"{BODY_1}\n\n{BODY_3}"),
    ],
)
def test_clean_removes_photo_galleries(text: str, clean: str) -> None:
    assert clean_text(text) == clean


def test_clean_keeps_prose_about_photos_and_captions() -> None:
    # no viewer's button: a caption of the treaty, a gallery of the whole march
    text = (f"{BODY_1}\n\nThe envoy showed photos: the march was in 2012. Hide Caption 1 of the "
            f"treaty, Tovin said, and the rest falls.\n\n{BODY_3}")
    assert clean_text(text) == text


def test_clean_removes_byline_at_top_only() -> None:
    assert clean_text(f"By Jane Doe\n\n{BODY_1}") == BODY_1
    assert clean_text(f"Posted by the Newsroom\n{BODY_1}") == BODY_1
    assert clean_text(f"Author: Nora Ekdahl\n\n{BODY_1}") == BODY_1
    # Further down, a short line starting with "By" is not touched.
    text = f"{BODY_1}\n\nBy Jane Doe\n\n{BODY_3}"
    assert clean_text(text) == text


def test_clean_removes_outlet_banner_naming_the_source() -> None:
    text = f"Veldora Today\n\n{BODY_1}"
    assert clean_text(text, source="Veldora Today") == BODY_1
    assert clean_text(text, source="veldoratoday.example") == BODY_1
    # Without a source, a single title-case line above the body may be a kicker: kept.
    assert clean_text(text) == text


def test_clean_removes_repeated_title_line() -> None:
    title = "Halvorsen meets Tovin in Lindholm as Karst team fails to arrive"
    assert clean_text(f"{title}\n\n{BODY_1}", title=title) == BODY_1
    assert clean_text(f"{title.upper()}\n{BODY_1}", title=title) == BODY_1
    # The same words later in the text are content.
    text = f"{BODY_1}\n\n{title}"
    assert clean_text(text, title=title) == text


# --------------------------------------------------------------------------- normalisation


def test_clean_composes_unicode_nfc() -> None:
    decomposed = "Ingrid Ha\u030alvorsen met the Ko\u0308nig delegation in Lindholm on Monday."
    cleaned = clean_text(decomposed)
    assert cleaned == unicodedata.normalize("NFC", decomposed)
    assert "H\u00e5lvorsen" in cleaned
    assert "K\u00f6nig" in cleaned


def test_clean_normalises_whitespace_and_keeps_paragraphs() -> None:
    text = (
        "  The\ttalks\u00a0resumed   in Lindholm.  \r\n"
        "Tovin\u200b said little.\n\n\n\n"
        "Dravic\u2009said more.\u00ad\n\n"
    )
    assert normalise_text(text) == "The talks resumed in Lindholm.\nTovin said little.\n\nDravic said more."


def test_clean_removes_stray_joiners_and_keeps_those_between_letters() -> None:
    # a zero-width joiner left between two quotations; a non-joiner inside a Persian word
    assert normalise_text("the talks would fail\u2026 \u200d \u201cIt is crucial\u201d") == (
        "the talks would fail\u2026 \u201cIt is crucial\u201d")
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert normalise_text(persian) == persian


def test_clean_removes_emoji_inside_sentences() -> None:
    flag, handshake, party = "\U0001f1e6\U0001f1fa", "\U0001f91d\U0001f3fd", "\U0001f389"
    text = f"The ambassador of Aurelia {flag} met the commander {handshake} today {party}."
    assert normalise_text(text) == "The ambassador of Aurelia met the commander today."
    # A family emoji joined by ZWJs, and a flag with a variation selector, leave nothing behind.
    assert (
        normalise_text("A \U0001f468\u200d\U0001f469\u200d\U0001f467 and \U0001f3f3\ufe0f flag")
        == "A and flag"
    )
    # Ornamental quotation marks are text, not emoji.
    assert normalise_text("\u275dQuoted\u275e") == "\u275dQuoted\u275e"


# --------------------------------------------------------------------------- documents


def test_clean_as_is_keeps_text_exactly() -> None:
    text = "  Ha\u030alvorsen\tmet Tovin \U0001f91d.\r\n\n\nShare this Post\n"
    result = article(RawDocument(origin="in.txt", text=text), OPTIONS.replace(as_is=True))
    assert result.text == text
    assert result.id == article_id(text)
    assert result.language == "en"


def test_clean_detects_language() -> None:
    german = (
        "Die Gespräche zwischen Veldora und Karst wurden am Dienstag in Lindholm fortgesetzt. "
        "Die Gesandte der Union sagte, beide Seiten hätten sich auf die Öffnung des Grenzübergangs "
        "für den Güterverkehr geeinigt."
    )
    french = (
        "Les négociateurs de Veldora et du Karst se sont retrouvés mardi à Lindholm. L'envoyée de "
        "l'Union a déclaré que les deux parties avaient accepté de rouvrir le poste frontière aux "
        "camions dès le mois d'août."
    )
    de = article(RawDocument(origin="de.txt", text=german))
    fr = article(RawDocument(origin="fr.txt", text=french))
    en = article(RawDocument(origin="en.txt", text=CLEAN_PAGE))
    assert (de.language, de.analysed) == ("de", False)
    assert (fr.language, fr.analysed) == ("fr", False)
    assert (en.language, en.analysed) == ("en", True)
    assert article(
        RawDocument(origin="de.txt", text=german), OPTIONS.replace(languages=("en", "de"))
    ).analysed


def test_clean_keeps_three_letter_language_codes_and_says_why_an_article_is_skipped(
        monkeypatch: pytest.MonkeyPatch) -> None:
    german = ("Die Gespräche zwischen Veldora und Karst wurden am Dienstag in Lindholm fortgesetzt, "
              "und beide Seiten einigten sich auf die Öffnung des Grenzübergangs.")
    de = article(RawDocument(origin="de.txt", text=german))
    assert de.warnings == ("not analysed: its language reads as 'de' (storyline analyses en)",)
    assert article(RawDocument(origin="en.txt", text=CLEAN_PAGE)).warnings == ()
    import py3langid

    monkeypatch.setattr(py3langid, "classify", lambda text: ("pcm", 0.9))
    assert detect_language(CLEAN_PAGE) == "pcm"  # not "pc", which names no language


def test_clean_short_text_defaults_to_english() -> None:
    assert detect_language("Talks resume in Lindholm") == "en"


def test_clean_treats_bosnian_croatian_serbian_as_one_language() -> None:
    assert is_analysed("bs", ("sr",))
    assert is_analysed("hr", ("bs", "en"))
    assert not is_analysed("sl", ("sr",))
    assert not is_analysed("bs", ("en",))


def test_clean_rejects_empty_short_and_long_texts() -> None:
    assert rejected(RawDocument(origin="a.txt", text="  \n\t ")).reason == "a.txt: empty after cleaning"
    only_debris = rejected(RawDocument(origin="b.txt", text="Share this Post\n2 Min Read\nTweet"))
    assert only_debris.reason == "b.txt: empty after cleaning"
    short = rejected(RawDocument(origin="c.txt", text="Talks resume."))
    assert short.reason.startswith("c.txt: too short")
    long_text = "The talks went on. " * 20  # 380 characters, 379 once the trailing space is stripped
    too_long = rejected(RawDocument(origin="d.jsonl#3", text=long_text), OPTIONS.replace(max_chars=300))
    assert too_long.origin == "d.jsonl#3"
    assert too_long.reason == "d.jsonl#3: too long for one article (379 characters)"
    # Far over the limit, the raw length is reported without cleaning first.
    huge = rejected(RawDocument(origin="f.txt", text=long_text), OPTIONS.replace(max_chars=100))
    assert huge.reason == "f.txt: too long for one article (380 characters)"
    assert rejected(RawDocument(origin="e.txt")).reason.startswith("e.txt: ")


def test_clean_id_is_stable_and_ignores_debris() -> None:
    first = article(RawDocument(origin="a.txt", text=DEBRIS_PAGE))
    again = article(RawDocument(origin="b.txt", text=DEBRIS_PAGE))
    plain = article(RawDocument(origin="c.txt", text=CLEAN_PAGE))
    assert first.id == again.id == plain.id == article_id(CLEAN_PAGE)
    assert len(first.id) == 16
    assert article(RawDocument(origin="a.txt", text=BODY_1)).id != first.id


def test_clean_fills_metadata() -> None:
    raw = RawDocument(
        origin="wire.jsonl#2",
        text=CLEAN_PAGE,
        url="https://www.concordwire.example/stories/1",
        title="  Halvorsen  meets Tovin \U0001f91d ",
        published="2025-07-07",
        published_from="metadata",
        warnings=("decoded as cp1252",),
    )
    result = article(raw)
    assert result.source == "concordwire.example"
    assert result.title == "Halvorsen meets Tovin"
    assert (result.published, result.published_from) == ("2025-07-07", "metadata")
    assert result.warnings == ("decoded as cp1252",)
    assert result.origin == "wire.jsonl#2"
    assert result.url == raw.url
    given = article(RawDocument(origin="x.txt", text=CLEAN_PAGE), OPTIONS.replace(published="2025-07-08"))
    assert (given.published, given.published_from) == ("2025-07-08", "given")
    named = article(
        RawDocument(origin="x.txt", text=CLEAN_PAGE, url="https://a.example/", source="Concord Wire")
    )
    assert named.source == "Concord Wire"


def test_clean_source_from_url() -> None:
    assert source_from_url("https://www.veldoratoday.example/news/1") == "veldoratoday.example"
    assert source_from_url("not a url") is None
    assert source_from_url(None) is None
    assert source_from_url("http://[bad") is None


def test_clean_html_page() -> None:
    pytest.importorskip("storyline.ingest.html")
    page = f"""<!DOCTYPE html><html><head><title>Talks in Lindholm | Concord Daily</title>
<meta property="og:site_name" content="Concord Daily">
<meta property="og:title" content="Talks in Lindholm">
<meta property="article:published_time" content="2025-07-22T10:00:00+02:00">
<link rel="canonical" href="https://concorddaily.example/talks-in-lindholm"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="cookies">We use cookies to measure readership. <button>Accept</button></div>
<article><h1>Talks in Lindholm</h1><p>{BODY_1}</p><p>{BODY_2}</p><p>{BODY_3}</p>
<p>Share this Post</p></article>
<footer>© 2025 Concord Daily</footer></body></html>"""
    from storyline.pipeline import to_article  # HTML to text, then cleaning

    result = to_article(RawDocument(origin="page.html", html=page), Options())
    assert isinstance(result, Article)
    assert result.title == "Talks in Lindholm"
    assert result.source == "Concord Daily"
    assert result.url == "https://concorddaily.example/talks-in-lindholm"
    assert (result.published, result.published_from) == ("2025-07-22", "metadata")
    assert "Ingrid Halvorsen" in result.text
    for debris in ("Share this Post", "cookies", "Home", "Concord Daily"):
        assert debris not in result.text


def test_clean_example_with_debris() -> None:
    path = EXAMPLES / "txt" / "veldora_today_lindholm_talks.txt"
    if not path.is_file():
        pytest.skip("examples/ is absent")
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    result = article(RawDocument(origin=str(path), text=body, title=title))
    for debris in ("VELDORA TODAY", "3 Min Read", "Share this Post", "\U0001f91d"):
        assert debris not in result.text
    assert result.text.startswith("The Northern Concord\u2019s special envoy")
    assert result.text.endswith("renews every year.")
    assert "Ingrid Halvorsen" in result.text


def _seed_003() -> RawDocument:
    path = SEEDS / "003_e31f1467f99ce689.txt"
    if not path.is_file():
        pytest.skip(f"seed articles are absent ({SEEDS})")
    try:
        from storyline.ingest.text import read_text_file
    except ImportError:  # the reader is another module's job; build the document by hand
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        return RawDocument(origin=str(path), text=body, title=title)
    raw = read_text_file(str(path), OPTIONS)
    assert isinstance(raw, RawDocument), raw
    return raw


def test_clean_seed_003_debris_and_title() -> None:
    result = article(_seed_003())
    assert result.title is not None
    assert result.title.startswith("Sorensen announces upcoming trilateral meeting")
    lines = result.text.split("\n")
    assert "RKS NEWS" not in result.text
    assert not any("Min Read" in line for line in lines)
    assert "Share this Post" not in result.text
    assert "\U0001f1ef" not in result.text  # the flag emoji after "Japan"
    assert "Embassy of Japan in Kosovo" in result.text
    assert lines[0].startswith("The European Union")
    assert result.text.endswith("security chain.")
    assert (result.language, result.analysed) == ("en", True)


def test_clean_long_single_line_does_not_backtrack() -> None:
    # Pathological inputs for the line patterns: they must finish at once, not hang.
    line = "Share on Facebook Twitter " * 3000 + "and then the talks resumed."
    assert clean_text(line) == line.strip()
    assert clean_text(f"{BODY_1}{' Share' * 5000} done") == f"{BODY_1}{' Share' * 5000} done"
