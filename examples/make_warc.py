"""Build examples/warc/sample.warc.gz: two fictional Radio Kasgrad pages as WARC response records.

Run from anywhere: ``python examples/make_warc.py``. The output is byte-for-byte reproducible
(fixed record ids and dates, gzip without timestamps), so re-running it changes nothing in git.
The pages are written for storyline's sample corpus; every name in them is invented.
"""

from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path
from typing import TypedDict

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "warc" / "sample.warc.gz"


class Page(TypedDict):
    url: str
    title: str
    published: str  # article:published_time
    warc_date: str  # when the crawler fetched it
    date_text: str
    paragraphs: list[str]


PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} - Radio Kasgrad</title>
  <meta property="og:site_name" content="Radio Kasgrad">
  <meta property="og:title" content="{title}">
  <meta property="article:published_time" content="{published}">
  <link rel="canonical" href="{url}">
</head>
<body>
  <header><a href="/">Radio Kasgrad</a>
    <nav><a href="/news/">News</a> <a href="/listen/">Listen live</a> <a href="/podcasts/">Podcasts</a></nav>
  </header>
  <main>
    <article>
      <h1>{title}</h1>
      <p class="dateline">{date_text}</p>
{paragraphs}
      <p class="share">Share: Facebook | X | Email</p>
    </article>
  </main>
  <footer><p>Radio Kasgrad, public broadcaster of Karst</p><p><a href="/privacy">Privacy</a></p></footer>
  <div class="cookies">We use cookies to keep the live stream working. <button>Accept</button></div>
</body>
</html>
"""

PAGES: list[Page] = [
    {
        "url": "https://radiokasgrad.example/news/2025/07/07/delegation-stranded",
        "title": "Karst delegation stranded in Kasgrad as controllers strike",
        "published": "2025-07-07T12:10:00+03:00",
        "warc_date": "2025-07-07T10:30:00Z",
        "date_text": "7 July 2025",
        "paragraphs": [
            "Karst’s delegation to the trilateral talks in Lindholm did not leave Kasgrad today after air "
            "traffic controllers at the capital’s airport stopped work early in the morning.",
            "Deputy Prime Minister Lena Dravic, who leads the delegation, waited at the airport for more "
            "than three hours before returning to the government building.",
            "“We had our papers, our proposals and our tickets. What we did not have was an aeroplane,” "
            "Dravic told Radio Kasgrad. She said that she had informed the Concord envoy, Ingrid "
            "Hålvorsen, by telephone before nine o’clock.",
            "The meeting in Lindholm, the first planned trilateral session since Hålvorsen took office, "
            "was to begin at two in the afternoon. Veldora’s chief negotiator Marek Tovin arrived in "
            "Lindholm on Sunday evening.",
            "The controllers’ union said that the strike was about pay and had nothing to do with the "
            "talks. The transport ministry said it hoped flights would resume tomorrow.",
            "In Veldan, government spokesman Erik Salo accused Karst of looking for “a convenient "
            "excuse” and said that Veldora expected an explanation in writing.",
        ],
    },
    {
        "url": "https://radiokasgrad.example/news/2025/07/22/dravic-freight-deal",
        "title": "Dravic returns from Lindholm with freight deal for Mirov",
        "published": "2025-07-22T20:05:00+03:00",
        "warc_date": "2025-07-22T18:20:00Z",
        "date_text": "22 July 2025",
        "paragraphs": [
            "Karst and Veldora agreed in Lindholm today to reopen the Mirov border crossing to freight "
            "from the first of August, Deputy Prime Minister Lena Dravic said on her return to Kasgrad.",
            "The agreement came at the first trilateral meeting hosted by the Concord envoy Ingrid "
            "Hålvorsen, two weeks after an earlier attempt failed when the Karst delegation could not fly "
            "because of a strike.",
            "“Today Veldora listened. I hope it keeps listening in September,” Dravic said at the airport. "
            "She added that the statute of the Tessel Basin Commission would be Karst’s first demand at "
            "the next round, planned for early September.",
            "Dravic said that Veldora’s chief negotiator Marek Tovin had promised to bring data on the "
            "two reservoirs Veldora is building upstream, which Karst says break a 2011 protocol.",
            "Prime Minister Oskar Brenn congratulated the delegation and said that lorry drivers in the "
            "border districts had waited four years for this news.",
            "Farmers’ associations, which protested in Kasgrad earlier this month, said that they would "
            "judge the government by what it obtains on the river, not on the road.",
        ],
    },
]


def render(page: Page) -> bytes:
    """One page as UTF-8 HTML."""
    paragraphs = "\n".join(f"      <p>{p}</p>" for p in page["paragraphs"])
    return PAGE_TEMPLATE.format(
        title=page["title"],
        url=page["url"],
        published=page["published"],
        date_text=page["date_text"],
        paragraphs=paragraphs,
    ).encode("utf-8")


def record_id(url: str, kind: str) -> str:
    """A fixed WARC-Record-ID derived from the URL (name-based UUID), so the file is reproducible."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind}:{url}')}>"


def main() -> None:
    """Write the WARC file."""
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            "sample.warc.gz",
            {"software": "storyline examples/make_warc.py", "description": "Fictional sample pages"},
        )
        info.rec_headers.replace_header("WARC-Record-ID", record_id("sample.warc.gz", "warcinfo"))
        info.rec_headers.replace_header("WARC-Date", "2025-07-22T18:30:00Z")
        writer.write_record(info)
        for page in PAGES:
            body = render(page)
            url = page["url"]
            http_headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=http_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id(url, "response"),
                    "WARC-Date": page["warc_date"],
                },
            )
            writer.write_record(record)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
