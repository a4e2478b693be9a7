"""The web page in a real browser: Debian's Chromium, headless, driven by Playwright, against
`storyline serve`'s app on a local port. Skipped when Chromium is absent, except in CI (which
installs it, see .ci/run), where its absence is a failure."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.browser]

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
# Headless Chromium on a machine without network: without these it keeps trying to reach
# Google's services (architecture.md, practical notes).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    """The app over the web tests' store, read only, as `storyline serve` runs it."""
    from storyline.web.app import create_app

    yield from _serve(create_app(web_db))


def _serve(app: Any) -> Iterator[str]:
    """The app served by uvicorn in a thread, as `storyline serve` does; yields its address."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not at {CHROMIUM}; .ci/run installs Debian's chromium package")
        pytest.skip(f"Chromium is not at {CHROMIUM} (apt-get install chromium, or set STORYLINE_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records script errors and dialogs; a test fails if any happened."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    problems: list[str] = []
    p.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    p.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    p.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield p
    context.close()
    assert not problems, problems


def _api(page: Any, url: str) -> Any:
    r = page.request.get(url)
    assert r.ok, url
    return r.json()


def test_browser_story_timeline_draws_every_dated_event_and_links_to_it(page: Any, base_url: str,
                                                                         tmp_path: Path) -> None:
    page.goto(base_url + "/")
    page.locator("ol.stories a").first.click()
    page.wait_for_selector("svg.timeline a.mark")
    story_id = page.url.rstrip("/").rsplit("/", 1)[1]
    events = _api(page, f"{base_url}/api/stories/{story_id}")["events"]
    dated = [e for e in events if e["date"]]
    marks = page.locator("svg.timeline a.mark")
    # The view opens on the busiest period and says how many dated events lie outside it.
    caption = page.locator("figure#timeline figcaption").inner_text()
    outside = int(m.group(1)) if (m := re.search(r"(\d+) dated events? outside", caption)) else 0
    assert marks.count() + outside == len(dated) and marks.count() > 0
    if outside:
        page.get_by_role("button", name="Show the whole story").click()
        assert marks.count() == len(dated)
    assert {marks.nth(i).get_attribute("data-event") for i in range(marks.count())} == {e["id"] for e in dated}
    # every mark can be seen and clicked: none lies on another
    boxes = [b for i in range(marks.count()) if (b := marks.nth(i).bounding_box())]
    assert len(boxes) == marks.count()
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                     or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
            assert apart, (a, b)
    page.screenshot(path=str(tmp_path / "timeline.png"))
    assert (tmp_path / "timeline.png").stat().st_size > 10_000

    # A mark opens its event, whose reports quote the sentences that say it.
    target = marks.first.get_attribute("data-event")
    marks.first.click()
    page.wait_for_url(f"**/events/{target}")
    event = _api(page, f"{base_url}/api/events/{target}")
    shown = page.locator("blockquote.evidence").all_inner_texts()
    assert [s.strip() for s in shown] == [r["sentence"].strip() for r in event["reports"]]

    # ... and "read it in the article" highlights that sentence in the article's text.
    page.get_by_role("link", name="read it in the article").first.click()
    assert page.locator("mark#mark").inner_text().strip() == event["reports"][0]["sentence"].strip()


def test_browser_search_ignores_diacritics_and_opens_the_person(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("searchbox", name="Name").fill("halvorsen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/entities?name=halvorsen")
    page.get_by_role("link", name="Ingrid Hålvorsen").click()
    assert page.locator("h1").inner_text().startswith("Ingrid Hålvorsen")
    roles = page.locator("table.roles tbody tr")
    assert roles.count() > 0 and "envoy" in roles.first.inner_text()


def test_browser_article_markup_stays_text(page: Any, base_url: str) -> None:
    [voss] = _api(page, f"{base_url}/api/entities?name=anika")
    article_id = _api(page, f"{base_url}/api/entities/{voss['id']}")["quotes"][0]["article_id"]
    page.goto(f"{base_url}/articles/{article_id}")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("script").count() == 0  # the article page itself runs no script
    assert "<script>window.pwned = 1</script>" in page.locator("h1").inner_text()
    assert 'onerror="window.pwned = 2"' in page.locator("article.text").inner_text()
    assert page.locator("article.text img").count() == 0


def test_browser_events_filter_by_status(page: Any, base_url: str) -> None:
    page.goto(base_url + "/events")
    page.get_by_label("Status").select_option("disputed")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/events?*status=disputed*")
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    assert all(s == "disputed" for s in page.locator("table.events tbody td .status").all_inner_texts())


def test_browser_add_page_analyses_an_article_and_opens_it(page: Any, tmp_path: Path) -> None:
    from storyline.config import Options
    from storyline.web.app import create_app

    served = _serve(create_app(tmp_path / "added.duckdb", Options()))  # --ingest: the store is created
    base = next(served)
    try:
        page.goto(base + "/")
        page.get_by_role("link", name="Add an article").click()
        page.get_by_label("Title").fill("Envoy invites both delegations")
        page.get_by_label("Published").fill("2025-03-18")
        page.get_by_label("Text").fill(
            "The Northern Concord's envoy Ingrid Halvorsen invited Veldora's chief negotiator Marek Tovin "
            "and Karst's Lena Dravic to Lindholm on Tuesday. \"We will meet again next week,\" Halvorsen said.")
        page.get_by_role("button", name="Analyse and store").click()
        page.wait_for_url("**/articles/*")
        assert page.locator("h1").inner_text() == "Envoy invites both delegations"
        assert "Halvorsen" in page.locator("article.text").inner_text()
        article = _api(page, f"{base}/api/articles/{page.url.rsplit('/', 1)[1]}")
        assert article["title"] == "Envoy invites both delegations" and article["published"] == "2025-03-18"
        assert _api(page, f"{base}/api/entities?name=halvorsen")[0]["name"] == "Ingrid Halvorsen"
    finally:
        next(served, None)
