"""Readers: one good input per format and the broken ones a real batch meets."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import storyline.ingest as ingest
from storyline.config import Options
from storyline.errors import BadOption, InputNotFound
from storyline.ingest import detect_format, html_to_document, normalise_date, read_inputs, split_title
from storyline.model import RawDocument, Rejected

# Invented places and people only: no third-party text in the repository.
HEADLINE = "Veldora and Karst agree to resume river talks"
BODY = (
    "Envoys from Veldora and Karst met in the lakeside town of Ostrel on Tuesday to resume talks "
    "on the disputed river border, officials said.\n\n"
    "\u201cWe have agreed to meet again next month,\u201d said Mira Tolvan, the Veldoran envoy, after "
    "four hours of discussion with her counterpart Eskel Brand.\n"
)
ARTICLE = f"{HEADLINE}\n\n{BODY}"
PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{HEADLINE} | Northwind Post</title>
<meta property="og:site_name" content="Northwind Post">
<meta property="article:published_time" content="2025-03-04T09:30:00+01:00">
<link rel="canonical" href="https://northwind.example/world/veldora-karst-talks">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{HEADLINE}</h1>
<p>Envoys from Veldora and Karst met in the lakeside town of Ostrel on Tuesday to resume talks on the
disputed river border, officials said after the meeting ended late in the evening.</p>
<p>"We have agreed to meet again next month," said Mira Tolvan, the Veldoran envoy, after four hours of
discussion with her counterpart Eskel Brand, who leads the delegation from Karst.</p>
<p>The foreign ministry of Karst said the two sides would set up a joint commission on water rights
before the summer, and that observers from both capitals would attend its first session.</p>
</article><footer>Copyright Northwind Post</footer></body></html>
"""


def _read(paths: list[str] | str, options: Options | None = None) -> list[RawDocument | Rejected]:
    """Everything read_inputs yields for the paths, as a list."""
    return list(read_inputs([paths] if isinstance(paths, str) else paths, options or Options()))


def _docs(results: list[RawDocument | Rejected]) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def _rejected(results: list[RawDocument | Rejected]) -> list[Rejected]:
    return [r for r in results if isinstance(r, Rejected)]


def _write(path: Path, content: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return str(path)


def _jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# --------------------------------------------------------------------------- text


def test_text_reads_headline_and_body(tmp_path: Path) -> None:
    path = _write(tmp_path / "talks.txt", ARTICLE)
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.origin == path
    assert doc.title == HEADLINE
    assert doc.text == BODY
    assert doc.html is None
    assert doc.warnings == ()


def test_text_long_first_paragraph_is_not_a_title(tmp_path: Path) -> None:
    lede = "Envoys from Veldora and Karst met in Ostrel on Tuesday, " * 5 + "officials said."
    path = _write(tmp_path / "lede.txt", f"{lede}\nThe talks lasted four hours.\n")
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.title is None
    assert doc.text is not None
    assert doc.text.startswith("Envoys from Veldora")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (ARTICLE, HEADLINE),
        ("\n\nTalks resume in Ostrel?\nMira Tolvan said the envoys met.\n", "Talks resume in Ostrel?"),
        ("Envoys from Veldora met their counterparts from\nKarst on Tuesday in Ostrel.\n", None),
        ("The envoys met on Tuesday.\nThey talked for four hours.\n", None),
        ("Only one line about Veldora and Karst\n", None),
        ("# Karst recalls envoy\n\nEskel Brand left Veldora.\n", "Karst recalls envoy"),
        ("Karst recalls envoy\n===================\n\nEskel Brand left Veldora.\n", "Karst recalls envoy"),
    ],
)
def test_text_split_title_rules(text: str, title: str | None) -> None:
    found, body = split_title(text)
    assert found == title
    if title is None:
        assert body == text
    else:
        assert body.lstrip("\n") == body
        assert body.startswith(("Envoys", "Mira", "Eskel"))


def test_text_binary_file_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    [rej] = _read(path)
    assert rej == Rejected(path, f"{path}: binary file, not text")


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  \n"])
def test_text_empty_or_blank_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    path = _write(tmp_path / "empty.txt", content)
    [rej] = _read(path)
    assert isinstance(rej, Rejected)
    assert rej.origin == path
    assert "empty" in rej.reason or "whitespace" in rej.reason


def test_text_invalid_utf8_falls_back_to_cp1252(tmp_path: Path) -> None:
    text = "Karst\u2019s envoy arrives\n\nEskel Brand said the caf\u00e9 talks in Ostrel went well.\n"
    path = _write(tmp_path / "cp1252.txt", text.encode("cp1252"))
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.warnings == ("decoded with cp1252 fallback: invalid UTF-8",)
    assert doc.title == "Karst\u2019s envoy arrives"
    assert doc.text is not None
    assert "caf\u00e9" in doc.text


def test_text_mostly_utf8_keeps_good_characters(tmp_path: Path) -> None:
    text = "Envoy S\u00f8rvik visits Karst\n\nS\u00f8rvik met \u00c5sa Lindqvist in Ostrel. "
    path = _write(tmp_path / "damaged.txt", text.encode("utf-8") + b"\xff tail.\n")
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.title == "Envoy S\u00f8rvik visits Karst"
    assert doc.text is not None
    assert "\u00c5sa" in doc.text
    assert "\ufffd" in doc.text
    assert doc.warnings
    assert "invalid UTF-8" in doc.warnings[0]


def test_text_bom_is_removed(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.title == HEADLINE


def test_text_too_large_is_rejected_before_reading(tmp_path: Path) -> None:
    path = _write(tmp_path / "dump.md", ARTICLE * 20)
    [rej] = _read(path, Options(max_chars=100))
    assert isinstance(rej, Rejected)
    assert rej.reason.startswith(f"{path}: too large (")
    assert rej.reason.endswith(") for one article")


def test_text_as_is_keeps_the_headline_in_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "talks.text", ARTICLE)
    [doc] = _read(path, Options(as_is=True))
    assert isinstance(doc, RawDocument)
    assert doc.title == HEADLINE
    assert doc.text == ARTICLE


# --------------------------------------------------------------------------- html


def test_html_reader_only_decodes(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.html", PAGE)
    [doc] = _read(path)
    assert doc == RawDocument(origin=path, html=PAGE)


def test_html_to_document_extracts_text_and_metadata(tmp_path: Path) -> None:
    doc = html_to_document(RawDocument(origin="page.html", html=PAGE))
    assert isinstance(doc, RawDocument)
    assert doc.html is None
    assert doc.title == HEADLINE
    assert doc.text is not None
    assert doc.text.startswith("Envoys from Veldora and Karst")  # the headline is not repeated
    assert "Mira Tolvan" in doc.text
    assert "Home" not in doc.text
    assert "Copyright" not in doc.text
    assert (doc.published, doc.published_from) == ("2025-03-04", "metadata")
    assert doc.source == "Northwind Post"
    assert doc.url == "https://northwind.example/world/veldora-karst-talks"
    assert doc.origin == "page.html"


def test_html_to_document_keeps_what_raw_already_has() -> None:
    raw = RawDocument(
        origin="feed.rss#2", html=PAGE, url="https://mirror.example/a", title="Given headline",
        published="2025-03-01", published_from="given", source="Mirror",
    )
    doc = html_to_document(raw)
    assert isinstance(doc, RawDocument)
    assert (doc.url, doc.title, doc.source) == ("https://mirror.example/a", "Given headline", "Mirror")
    assert (doc.published, doc.published_from) == ("2025-03-01", "given")


def test_html_to_document_reads_truncated_html() -> None:
    cut = PAGE[: PAGE.index("who leads the delegation")]
    doc = html_to_document(RawDocument(origin="cut.html", html=cut))
    assert isinstance(doc, RawDocument)
    assert doc.text is not None
    assert "Mira Tolvan" in doc.text


def test_html_to_document_rejects_page_without_article() -> None:
    html = "<html><head><title>Menu</title></head><body><nav>Home</nav><script>var a;</script></body></html>"
    assert html_to_document(RawDocument(origin="nav.html", html=html)) == Rejected(
        "nav.html", "nav.html: no article text found in HTML"
    )


def test_html_to_document_passes_text_documents_through() -> None:
    raw = RawDocument(origin="a.txt", text=BODY)
    assert html_to_document(raw) is raw


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 talks</p></body></html>'
    path = _write(tmp_path / "old.htm", page.encode("cp1252"))
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert doc.html is not None
    assert "Caf\u00e9" in doc.html
    assert doc.warnings == ()


def test_html_binary_and_empty_files_are_rejected(tmp_path: Path) -> None:
    binary = _write(tmp_path / "a.html", b"\x00\x01\x02" * 100)
    empty = _write(tmp_path / "b.html", b"")
    results = _read([binary, empty])
    assert [r.origin for r in results] == [binary, empty]
    assert all(isinstance(r, Rejected) for r in results)


# --------------------------------------------------------------------------- json lines / json


def test_jsonl_reads_common_field_names(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "wire.jsonl",
        _jsonl(
            {"headline": "Karst recalls envoy", "content": BODY, "link": "https://a.example/1",
             "date": "2025-06-10T08:00:00Z", "source_url": "https://www.northwind.example/world"},
            {"title": "Veldora replies", "raw_html": "<p>Veldora replied on Wednesday.</p>",
             "pubdate": "Tue, 10 Jun 2025 23:30:00 -0400", "source": {"name": "Ostrel Herald"}},
        ),
    )
    first, second = _read(path)
    assert first == RawDocument(
        origin=f"{path}#1", text=BODY, url="https://a.example/1", title="Karst recalls envoy",
        published="2025-06-10", published_from="metadata", source="www.northwind.example",
    )
    assert isinstance(second, RawDocument)
    assert second.origin == f"{path}#2"
    assert second.html == "<p>Veldora replied on Wednesday.</p>"
    assert second.text is None
    assert second.published == "2025-06-10"  # the outlet's own day, not moved to UTC
    assert second.source == "Ostrel Herald"


def test_jsonl_bad_lines_are_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Envoys met in Ostrel."}),
        '{"text": "Karst said", ',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 7, "author": "Eskel Brand"}),
        json.dumps({"text": "Veldora agreed.", "date": "sometime soon"}),
    ]
    path = _write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")
    results = _read(path)
    assert [r.origin for r in results] == [f"{path}#{n}" for n in (1, 2, 4, 5, 6)]
    assert isinstance(results[0], RawDocument)
    assert isinstance(results[1], Rejected)
    assert results[1].reason.startswith(f"{path}#2: malformed JSON: ")
    assert results[2] == Rejected(f"{path}#4", f"{path}#4: not a JSON object but an array")
    assert results[3] == Rejected(f"{path}#5", f"{path}#5: no text or html field (fields: author, id)")
    last = results[4]
    assert isinstance(last, RawDocument)
    assert last.published is None
    assert last.warnings == ("unreadable published date 'sometime soon'",)
    # a title that is no text is left out, with a warning naming the field
    odd = _write(tmp_path / "odd.jsonl", json.dumps({"text": "Veldora agreed to meet.", "title": 5}) + "\n")
    (doc,) = _read(odd)
    assert isinstance(doc, RawDocument) and doc.title is None
    assert doc.warnings == ("the title is a number, not text: left out",)


def test_jsonl_field_mapping(tmp_path: Path) -> None:
    record = {"content": "clean", "content_original": BODY, "meta": {"day": "2025-06-02"}, "outlet": "Karst"}
    path = _write(tmp_path / "mapped.jsonl", _jsonl(record))
    options = Options(fields={"text": "content_original", "published": "meta.day"})
    [doc] = _read(path, options)
    assert isinstance(doc, RawDocument)
    assert doc.text == BODY
    assert (doc.published, doc.published_from, doc.source) == ("2025-06-02", "metadata", "Karst")


def test_jsonl_unknown_mapped_field_is_a_bad_option(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.jsonl", _jsonl({"text": BODY}))
    with pytest.raises(BadOption, match="body_text"):
        read_inputs([path], Options(fields={"body_text": "content"}))


def test_jsonl_truncated_gzip_keeps_records_read_before(tmp_path: Path) -> None:
    records = [{"text": f"Envoy {i} of Veldora met Karst officials. " * 30} for i in range(40)]
    data = gzip.compress(_jsonl(*records).encode("utf-8"))
    path = _write(tmp_path / "wire.jsonl.gz", data[: len(data) * 2 // 3])
    results = _read(path)
    docs, rejected = _docs(results), _rejected(results)
    assert 0 < len(docs) < 40
    assert [d.origin for d in docs] == [f"{path}#{n}" for n in range(1, len(docs) + 1)]
    assert rejected[-1].origin == path
    assert rejected[-1].reason.startswith(f"{path}: corrupt gzip after record ")


@pytest.mark.parametrize("name", ["small.jsonl.gz", "small.json.gz"])
def test_truncated_gzip_shorter_than_the_sniffed_head_keeps_its_whole_records(tmp_path: Path, name: str) -> None:
    # The whole damaged stream is shorter than what the reader first looks at to tell the
    # format: that look must not lose the records either.
    records = [{"text": f"Envoy {i} of Veldora met Karst officials in Lindholm on Monday."} for i in range(6)]
    data = gzip.compress(_jsonl(*records).encode("utf-8"), mtime=0)
    path = _write(tmp_path / name, data[: len(data) * 4 // 5])
    results = _read(path)
    docs, rejected = _docs(results), _rejected(results)
    assert 2 <= len(docs) < 6 and docs[0].text.startswith("Envoy 0 of Veldora")
    assert [r.origin for r in rejected] == [path] and "corrupt gzip after record" in rejected[0].reason


def test_json_gzip_head_reads_on_over_members_and_reports_damage_before_any_content(tmp_path: Path) -> None:
    lines = _jsonl(*({"text": f"Envoy {i} of Veldora met Karst officials in Lindholm."} for i in range(3)))
    members = _write(tmp_path / "m.json.gz", gzip.compress(b"\n", mtime=0) + gzip.compress(lines.encode(), mtime=0))
    assert len(_docs(_read(members))) == 3
    bad = _write(tmp_path / "b.json.gz", b"\x1f\x8b\x09\x00garbage" * 3)
    assert [r.reason for r in _rejected(_read(bad))] == [f"{bad}: corrupt gzip: Error -3 while decompressing data: "
                                                         "unknown compression method"]
    header_only = _write(tmp_path / "h.json.gz", gzip.compress(lines.encode(), mtime=0)[:10])
    assert "corrupt gzip" in _rejected(_read(header_only))[0].reason


def test_jsonl_good_gzip(tmp_path: Path) -> None:
    path = _write(tmp_path / "wire.jsonl.gz", gzip.compress(_jsonl({"text": BODY}, {"text": BODY}).encode()))
    assert [r.origin for r in _docs(_read(path))] == [f"{path}#1", f"{path}#2"]


def test_jsonl_oversized_line_is_rejected_and_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.jsonl", _jsonl({"text": "x" * 5000}, {"text": "Envoys met."}))
    results = _read(path, Options(max_chars=100))
    assert isinstance(results[0], Rejected)
    assert results[0].reason == f"{path}#1: too large (5.0 KB) for one article"
    assert results[1] == RawDocument(origin=f"{path}#2", text="Envoys met.")


def test_json_array_single_object_and_json_lines(tmp_path: Path) -> None:
    array = _write(tmp_path / "a.json", json.dumps([{"text": "One."}, {"body": "Two."}], indent=2))
    single = _write(tmp_path / "b.json", json.dumps({"article": BODY, "headline": "H"}, indent=2))
    lines = _write(tmp_path / "c.json", _jsonl({"text": "One."}, {"text": "Two."}))
    gz_array = _write(tmp_path / "d.json.gz", gzip.compress(json.dumps([{"text": "Gz."}]).encode()))
    results = _read([array, single, lines, gz_array])
    assert [r.origin for r in results] == [
        f"{array}#1", f"{array}#2", single, f"{lines}#1", f"{lines}#2", f"{gz_array}#1",
    ]
    assert all(isinstance(r, RawDocument) for r in results)


def test_json_truncated_array_keeps_elements_read_before(tmp_path: Path) -> None:
    text = json.dumps([{"text": f"Article {i} on Veldora."} for i in range(5)])
    path = _write(tmp_path / "cut.json", text[: text.index("Article 3")])
    results = _read(path)
    assert [r.origin for r in _docs(results)] == [f"{path}#{n}" for n in (1, 2, 3)]
    [rej] = _rejected(results)
    assert rej.reason.startswith(f"{path}: malformed JSON after element 3")


def test_json_not_json_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.json", "Veldora, Karst, Ostrel\n")
    [rej] = _read(path)
    assert rej == Rejected(path, f"{path}: malformed JSON: expected an object or an array")


def _csv(*rows: list[str], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


def test_csv_reads_one_article_per_row_under_common_column_names(tmp_path: Path) -> None:
    path = _write(tmp_path / "wire.csv", _csv(
        ["", "date", "text", "source"],
        ["3", "2025-06-10", BODY, "Northwind Post"],
        ["4", "10 June 2025", "", "Northwind Post"],
        ["5", "sometime", "Veldora replied on Wednesday, its envoy said.", "Ostrel Herald", "extra cell"],
    ))
    first, empty, last = _read(path)
    assert first == RawDocument(origin=f"{path}#1", text=BODY, published="2025-06-10",
                                published_from="metadata", source="Northwind Post")
    assert empty == Rejected(f"{path}#2", f"{path}#2: field 'text' holds blank text, not article text "
                                          "(fields: , date, source, text)")
    assert isinstance(last, RawDocument) and last.origin == f"{path}#3"
    assert last.warnings == ("unreadable published date 'sometime'",)


def test_csv_tsv_gzip_cp1252_and_a_mapped_column(tmp_path: Path) -> None:
    tsv = _write(tmp_path / "a.tsv", _csv(["body", "day"], [BODY, "2025-06-02"], delimiter="\t"))
    options = Options(fields={"text": "body", "published": "day"})
    assert [(d.text, d.published) for d in _docs(_read(tsv, options))] == [(BODY, "2025-06-02")]
    packed = _write(tmp_path / "b.csv.gz", gzip.compress(_csv(["text"], [BODY]).encode("utf-8")))
    assert [d.text for d in _docs(_read(packed))] == [BODY]
    western = _write(tmp_path / "c.csv", _csv(["text"], ["Caf\u00e9 talks in Ostrel ended."]).encode("cp1252"))
    assert [d.text for d in _docs(_read(western))] == ["Caf\u00e9 talks in Ostrel ended."]


def test_csv_broken_quoting_rejects_the_row_and_the_rest_but_keeps_what_came_before(tmp_path: Path) -> None:
    # A cell longer than the csv module allows by default (128 KiB) is still one article's text.
    long_text = "Envoys met in Ostrel. " * 7000
    rows = ['"Envoys met."', f'"{long_text}"', '"Karst said "no" and left."', '"Veldora agreed."']
    path = _write(tmp_path / "d.csv", "text\n" + "\n".join(rows) + "\n")
    results = _read(path)
    assert [type(r) for r in results] == [RawDocument, RawDocument, Rejected]
    assert results[1].text == long_text  # type: ignore[union-attr]
    assert results[2].origin == f"{path}#3" and "malformed CSV" in results[2].reason  # type: ignore[union-attr]
    empty = _write(tmp_path / "e.csv", "")
    assert _read(empty) == [Rejected(empty, f"{empty}: empty file (no header row)")]
    header_only = _write(tmp_path / "f.csv", "text,date\n")
    assert _read(header_only) == [Rejected(header_only, f"{header_only}: no rows after the header")]


def test_stdin_is_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(_jsonl({"text": BODY}) + "oops\n"))
    first, second = _read("-")
    assert first == RawDocument(origin="<stdin>#1", text=BODY)
    assert isinstance(second, Rejected)
    assert second.origin == "<stdin>#2"


# --------------------------------------------------------------------------- warc


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers,
        warc_headers_dict={"WARC-Date": "2025-06-10T22:15:00Z"},
    )
    writer.write_record(record)


def _warc(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("news.warc", {"software": "storyline tests"}))
    request = StatusAndHeaders("GET /a HTTP/1.1", [("Host", "northwind.example")], is_http_request=True)
    url = "https://northwind.example/a"
    writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
    _response(writer, "https://northwind.example/a", PAGE.encode("utf-8"), "text/html; charset=utf-8")
    _response(writer, "https://northwind.example/logo.png", b"\x89PNG\x00\x00", "image/png")
    _response(writer, "https://northwind.example/old", b"<a href=/a>moved</a>", "text/html", "301 Moved")
    latin = "<html><body><p>Caf\u00e9 diplomacy in Ostrel.</p></body></html>".encode("latin-1")
    _response(writer, "https://ostrel.example/b", latin, "text/html; charset=ISO-8859-1")
    for i in range(6):
        _response(writer, f"https://karst.example/{i}", PAGE.encode("utf-8"), "text/html")
    return buf.getvalue()


def test_warc_reads_html_responses(tmp_path: Path) -> None:
    path = _write(tmp_path / "news.warc.gz", _warc(gz=True))
    results = _read(path)
    assert all(isinstance(r, RawDocument) for r in results)
    docs = _docs(results)
    # Responses are numbered 1..10: the image (#2) and the redirect (#3) are skipped.
    assert [d.origin for d in docs] == [f"{path}#{n}" for n in (1, 4, 5, 6, 7, 8, 9, 10)]
    first, latin = docs[0], docs[1]
    # The crawl date is only a fallback: the page's own date, when it has one, wins.
    assert (first.url, first.published, first.fallback_published) == (
        "https://northwind.example/a", None, "2025-06-10",
    )
    assert first.html == PAGE
    assert first.text is None
    assert latin.html is not None
    assert "Caf\u00e9" in latin.html


def test_warc_truncated_gzip_keeps_records_read_before(tmp_path: Path) -> None:
    data = _warc(gz=True)
    path = _write(tmp_path / "cut.warc.gz", data[: len(data) - 300])
    results = _read(path)
    docs = _docs(results)
    assert 1 <= len(docs) < 8
    [rej] = _rejected(results)
    assert rej.origin == path
    assert rej.reason.startswith(f"{path}: corrupt gzip after record ")


def test_warc_truncated_plain_file_rejects_the_cut_record(tmp_path: Path) -> None:
    data = _warc(gz=False)
    path = _write(tmp_path / "cut.warc", data[: len(data) - 300])
    results = _read(path)
    assert len(_docs(results)) == 7
    [rej] = _rejected(results)
    assert rej == Rejected(f"{path}#10", f"{path}#10: truncated WARC record (the file ends inside it)")


def test_warc_garbage_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "junk.warc", "this is not an archive\n" * 20)
    [rej] = _read(path)
    assert isinstance(rej, Rejected)
    assert rej.reason.startswith(f"{path}: not a WARC file")


# --------------------------------------------------------------------------- feeds

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Ostrel Herald</title><link>https://herald.example/</link>
<item><title>Karst recalls envoy</title><link>https://herald.example/1</link>
<pubDate>Tue, 10 Jun 2025 23:30:00 -0400</pubDate>
<description>&lt;p&gt;Karst recalled its envoy Eskel Brand on Tuesday.&lt;/p&gt;</description></item>
<item><title>Veldora replies</title><link>https://herald.example/2</link>
<pubDate>Wed, 11 Jun 2025 07:00:00 GMT</pubDate>
<description>Veldora said it regretted the decision.</description></item>
<item><title>Empty item</title><link>https://herald.example/3</link></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Karst Daily</title><id>urn:karst-daily</id>
<updated>2025-06-12T10:00:00Z</updated>
<entry><title>Talks in Ostrel</title><id>urn:1</id><link href="https://karst.example/talks"/>
<published>2025-06-12T09:00:00+02:00</published><updated>2025-06-12T10:00:00Z</updated>
<content type="html">&lt;p&gt;Mira Tolvan and Eskel Brand met again in Ostrel.&lt;/p&gt;</content></entry>
</feed>
"""


def test_feed_rss_entries(tmp_path: Path) -> None:
    path = _write(tmp_path / "herald.rss", RSS)
    first, second, third = _read(path)
    assert isinstance(first, RawDocument)
    assert isinstance(second, RawDocument)
    assert first.origin == f"{path}#1"
    assert first.html is not None
    assert "Eskel Brand" in first.html
    assert first.text is None
    assert (first.title, first.url) == ("Karst recalls envoy", "https://herald.example/1")
    assert first.source == "Ostrel Herald"
    assert (first.published, first.published_from) == ("2025-06-10", "metadata")
    assert second.text == "Veldora said it regretted the decision."
    assert second.html is None
    assert third == Rejected(f"{path}#3", f"{path}#3: feed entry has no content or summary")


def test_feed_atom_in_xml_file_is_sniffed(tmp_path: Path) -> None:
    path = _write(tmp_path / "daily.xml", ATOM)
    [doc] = _read(path)
    assert isinstance(doc, RawDocument)
    assert (doc.title, doc.url, doc.published, doc.source) == (
        "Talks in Ostrel", "https://karst.example/talks", "2025-06-12", "Karst Daily",
    )
    assert doc.html is not None
    assert "Mira Tolvan" in doc.html


def test_feed_corrupt_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "broken.rss", "<rss><channel><title>Ostrel Herald</ti\x00tle>&&&<<<")
    [rej] = _read(path)
    assert isinstance(rej, Rejected)
    assert rej.origin == path
    assert "feed" in rej.reason


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = _write(tmp_path / "data" / "config.xml", "<?xml version='1.0'?><settings><a>1</a></settings>")
    [rej] = _read(path)
    assert isinstance(rej, Rejected)
    assert "not an RSS/Atom feed" in rej.reason
    assert _read(str(tmp_path / "data")) == []  # inside a directory it is skipped silently


# --------------------------------------------------------------------------- paths


def _tree(root: Path) -> None:
    _write(root / "b.txt", ARTICLE)
    _write(root / "a.html", PAGE)
    _write(root / "sub" / "c.jsonl", _jsonl({"text": BODY}))
    _write(root / "sub" / "deeper" / "d.md", ARTICLE)
    _write(root / "logo.png", b"\x89PNG\x00")
    _write(root / "notes.xlsx", b"PK\x03\x04")
    _write(root / ".hidden.txt", ARTICLE)
    _write(root / ".cache" / "e.txt", ARTICLE)


def test_directory_is_walked_recursively_in_order(tmp_path: Path) -> None:
    _tree(tmp_path / "corpus")
    top = str(tmp_path / "corpus")
    results = _read(top)
    assert [r.origin for r in results] == [
        f"{top}/a.html", f"{top}/b.txt", f"{top}/sub/c.jsonl#1", f"{top}/sub/deeper/d.md",
    ]
    assert all(isinstance(r, RawDocument) for r in results)
    assert _read(top) == results  # deterministic


def test_glob_pattern(tmp_path: Path) -> None:
    _tree(tmp_path)
    results = _read(str(tmp_path / "**" / "*.txt"))
    assert [r.origin for r in results] == [str(tmp_path / "b.txt")]
    results = _read(str(tmp_path / "*.p*"))
    assert results == [Rejected(str(tmp_path / "logo.png"), results[0].reason)]
    assert "unsupported format (binary file, extension .png)" in results[0].reason


def test_a_pattern_skips_the_folder_readme_and_a_script_is_no_page(tmp_path: Path) -> None:
    _write(tmp_path / "README.md", "# Examples\n\nThese files are sample articles for the tests of the readers.")
    _write(tmp_path / "a.txt", ARTICLE)
    _write(tmp_path / "make_pages.py", 'PAGE = """<html><body><h1>{title}</h1></body></html>"""\nprint(PAGE)\n')
    _write(tmp_path / "saved.php", "<!DOCTYPE html><html><head><title>Saved</title></head><body><p>"
                                   + ARTICLE + "</p></body></html>")
    results = _read(str(tmp_path / "*"))
    assert [r.origin for r in results] == [str(tmp_path / n) for n in ("a.txt", "make_pages.py", "saved.php")]
    assert isinstance(results[0], RawDocument) and isinstance(results[2], RawDocument)
    assert isinstance(results[1], Rejected) and "unsupported format (text, extension .py)" in results[1].reason
    # Named on its own, a README is read: the user asked for it.
    assert isinstance(_read(str(tmp_path / "README.md"))[0], RawDocument)


def test_missing_path_is_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = _write(tmp_path / "a.txt", ARTICLE)
    missing, pattern = str(tmp_path / "nowhere.txt"), str(tmp_path / "*.warc")
    results = list(read_inputs([missing, good, pattern], Options()))
    assert [type(r).__name__ for r in results] == ["Rejected", "RawDocument", "Rejected"]
    assert results[0].origin == missing and "no such file or directory" in results[0].reason
    assert results[2].origin == pattern and "no file matches the pattern" in results[2].reason
    # With nothing to read at all, the run is refused before anything is read or created.
    with pytest.raises(InputNotFound, match=r"nowhere\.txt"):
        read_inputs([missing], Options())
    with pytest.raises(InputNotFound, match="none of the inputs exists"):
        read_inputs([missing, pattern], Options())


def test_explicit_unknown_files(tmp_path: Path) -> None:
    readme = _write(tmp_path / "ARTICLE", ARTICLE)
    table = _write(tmp_path / "notes.dat", "a,b\n")
    doc, rej = _read([readme, table])
    assert isinstance(doc, RawDocument)
    assert doc.title == HEADLINE
    assert isinstance(rej, Rejected)
    assert "unsupported format (text, extension .dat)" in rej.reason


def test_given_published_date_applies_to_every_format(tmp_path: Path) -> None:
    _tree(tmp_path)
    warc = _write(tmp_path / "x.warc", _warc(gz=False))
    docs = _docs(_read([str(tmp_path), warc], Options(published="2025-06-02")))
    assert len(docs) > 5
    assert {(d.published, d.published_from) for d in docs} == {("2025-06-02", "given")}
    with pytest.raises(BadOption):
        read_inputs([warc], Options(published="next week"))


def test_reader_crash_becomes_a_rejection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(path: str, options: Options) -> Iterator[RawDocument | Rejected]:
        yield RawDocument(origin=f"{path}#1", text="Envoys met.")
        raise RuntimeError("boom")

    monkeypatch.setitem(ingest.READERS, "text", explode)
    path = _write(tmp_path / "a.txt", ARTICLE)
    doc, rej = _read(path)
    assert isinstance(doc, RawDocument)
    assert rej == Rejected(path, f"{path}: unexpected error while reading: RuntimeError: boom")


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.JSONL.GZ", b"", "jsonl"),
        ("a.warc.gz", b"", "warc"),
        ("feed.xml", b"<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("crawl", b"WARC/1.0\r\n", "warc"),
        ("dump", gzip.compress(b'{"text": "x"}\n', mtime=0), "json"),
        ("notes", b"Envoys met in Ostrel.", "text"),
        ("image.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", None),
    ],
)
def test_detect_format(name: str, head: bytes, fmt: str | None) -> None:
    assert detect_format(name, head) == fmt


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-06-10", "2025-06-10"),
        ("2025-06-10T23:30:00-04:00", "2025-06-10"),
        ("2025-06-10T08:00:00.123456789Z", "2025-06-10"),
        ("Tue, 10 Jun 2025 08:00:00 GMT", "2025-06-10"),
        ("June 10, 2025", "2025-06-10"),
        ("10 June 2025", "2025-06-10"),
        ("10.06.2025", "2025-06-10"),
        (1749542400, "2025-06-10"),
        (1749542400000, "2025-06-10"),
        ("06/10/2025", None),  # June 10 or 6 October: left unread
        ("6/23/25", "2025-06-23"),  # only the US order makes a date of it
        ("23/06/2025", "2025-06-23"),  # only the day-first order does
        ("7/23/98", "1998-07-23"),
        ("2/30/2025", None),
        ("next Tuesday", None),
        (None, None),
        (True, None),
    ],
)
def test_normalise_date(value: object, day: str | None) -> None:
    assert normalise_date(value) == day


def test_empty_containers_say_why_nothing_came_out(tmp_path: Path) -> None:
    jsonl = _write(tmp_path / "a.jsonl", "\n\n")
    array = _write(tmp_path / "b.json", "[ ]")
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    _response(writer, "https://northwind.example/logo.png", b"\x89PNG\x00\x00", "image/png")
    warc = _write(tmp_path / "c.warc.gz", buf.getvalue())
    assert _read([jsonl, array, warc]) == [
        Rejected(jsonl, f"{jsonl}: no records (empty input)"),
        Rejected(array, f"{array}: no records (empty array)"),
        Rejected(warc, f"{warc}: no HTML response records (1 responses in all)"),
    ]


def test_feed_not_well_formed_keeps_entries_with_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path / "cut.rss", RSS[: RSS.index("<item><title>Empty item")])
    first, second = _read(path)
    assert isinstance(first, RawDocument)
    assert isinstance(second, RawDocument)
    assert second.warnings
    assert second.warnings[0].startswith("feed is not well-formed: ")


def test_gzipped_text_pages_and_feeds_are_read_by_name_and_in_folders(tmp_path: Path) -> None:
    folder = tmp_path / "wire"
    _write(folder / "a.txt.gz", gzip.compress(ARTICLE.encode("utf-8")))
    _write(folder / "b.html.gz", gzip.compress(PAGE.encode("utf-8")))
    _write(folder / "c.rss.gz", gzip.compress(RSS.encode("utf-8")))
    _write(folder / "d.txt", ARTICLE)
    read = _read(str(folder))
    assert [r.origin for r in _rejected(read)] == [str(folder / "c.rss.gz") + "#3"]  # as unpacked: no content
    origins = [r.origin for r in read]
    assert origins[:2] == [str(folder / "a.txt.gz"), str(folder / "b.html.gz")]
    assert any(o.startswith(str(folder / "c.rss.gz") + "#") for o in origins)
    assert BODY.split()[0] in _docs(read)[0].text
    # a gzipped page under a name that does not say what it holds is sniffed
    bare = _write(tmp_path / "page.gz", gzip.compress(PAGE.encode("utf-8")))
    assert [d.html is not None for d in _docs(_read(bare))] == [True]


def test_a_damaged_gzip_says_so(tmp_path: Path) -> None:
    packed = gzip.compress((ARTICLE * 40).encode("utf-8"))
    path = _write(tmp_path / "cut.txt.gz", packed[: len(packed) // 2])
    (only,) = _read(path)
    assert isinstance(only, Rejected)
    assert only.reason.startswith(f"{path}: damaged or truncated gzip")


def test_jsonl_text_field_that_holds_no_text_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path / "odd.jsonl", _jsonl({"text": 12345}, {"text": None, "title": "T"}))
    assert [r.reason for r in _rejected(_read(path))] == [
        f"{path}#1: field 'text' holds int, not article text (fields: text)",
        f"{path}#2: field 'text' holds null, not article text (fields: text, title)",
    ]


def test_a_page_cut_short_is_read_with_a_warning(tmp_path: Path) -> None:
    whole = _docs(_read(_write(tmp_path / "whole.html", PAGE)))[0]
    assert whole.warnings == ()
    cut = _docs(_read(_write(tmp_path / "cut.html", PAGE[: PAGE.index("</article>") - 40])))[0]
    assert any("cut short" in w for w in cut.warnings)


def test_a_feed_cut_short_says_so(tmp_path: Path) -> None:
    cut = _write(tmp_path / "cut.rss", RSS[: RSS.index("<item><title>Empty item")] + "<item><title>Half")
    read = _read(cut)
    assert all(any("cut short" in w or "not well-formed" in w for w in d.warnings) for d in _docs(read))
    assert all("feed is not well-formed" in r.reason for r in _rejected(read))
    assert all(d.warnings == () for d in _docs(_read(_write(tmp_path / "whole.rss", RSS))))


def test_binary_bytes_named_jsonl_are_one_rejection(tmp_path: Path) -> None:
    noise = bytes((i * 37 + 11) % 256 for i in range(6000))  # newlines among them, as random bytes have
    path = _write(tmp_path / "noise.jsonl", noise)
    assert _read(path) == [Rejected(path, f"{path}: binary file, not JSON Lines")]
