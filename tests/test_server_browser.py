"""The query page in real headless Chromium, driven over the DevTools protocol.

Loads ``/``, picks a saved question, runs it with a mouse click, and checks the table; draws a
CONSTRUCT result and a neighbourhood; renders hostile text without running it; and fails on
any console error (a Content-Security-Policy violation is one). The screenshot of the page
with results is written to the test's temporary folder, and to ``docs/serve-page.png`` when
``KG_UPDATE_SCREENSHOT=1``.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools import HEIGHT, WIDTH, Browser, require_chromium
from kg.server import ServeOptions, make_server

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module", autouse=True)
def _chromium_installed() -> None:
    require_chromium()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """kg serve on a store of the seed article, a hostile article and a hostile entity."""
    import kg
    from kg.stores import open_store

    folder = tmp_path_factory.mktemp("browser-articles")
    (folder / "hostile.txt").write_text(
        "---\nid: hostile\ntitle: '" + IMAGE.replace("'", "''") + "'\npublished: 2024-06-20\n"
        f"---\nPresident {SCRIPT} Smith of France met Vladimir Putin in Moscow on Monday.\n",
        encoding="utf-8",
    )
    location = str(tmp_path_factory.mktemp("browser-store") / "store")
    kg.open(location).build([ROOT / "data" / "articles", folder])
    with open_store(location) as store:
        store.replace_graphs({"https://kg.example.org/graph/hostile-extra": (
            "<https://kg.example.org/id/o'hostile> "
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<https://kg.example.org/ontology#Person> .\n"
            "<https://kg.example.org/id/o'hostile> <http://www.w3.org/2000/01/rdf-schema#label> "
            + json.dumps(SCRIPT) + " .\n"
            "<https://kg.example.org/id/o'hostile> <https://kg.example.org/ontology#memberOf> "
            "<https://kg.example.org/id/smith> .\n"
        )})
    server = make_server(ServeOptions(store=location, port=0, timeout=20.0))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url.rstrip("/")
    server.shutdown()
    server.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    opened = Browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(autouse=True)
def _fresh_events(browser: Browser) -> None:
    """Each test judges only the console messages of its own pages."""
    browser.events.clear()


def _rows(browser: Browser) -> int:
    return int(browser.js("document.querySelectorAll('#results tbody tr').length"))


def _pick(browser: Browser, name: str) -> None:
    browser.wait_until(f"!!document.querySelector('#saved option[value=\"{name}\"]')")
    browser.js(
        f"(() => {{ const s = document.getElementById('saved'); s.value = {json.dumps(name)};"
        " s.dispatchEvent(new Event('change')); })()"
    )


def _run_and_wait(browser: Browser, condition: str) -> None:
    browser.click("#run")
    browser.wait_until(condition)


def test_pick_a_saved_question_and_see_its_table(site: str, browser: Browser) -> None:
    browser.open(site + "/")
    _pick(browser, "entities-by-type")
    assert browser.js("document.getElementById('query').value").lstrip().startswith("#")
    _run_and_wait(browser, "document.querySelectorAll('#results tbody tr').length > 0")
    with urllib.request.urlopen(urllib.request.Request(
        site + "/sparql", data=browser.js("document.getElementById('query').value")
        .encode(), headers={"Content-Type": "application/sparql-query"},
    ), timeout=30) as reply:
        expected = len(json.load(reply)["results"]["bindings"])
    assert _rows(browser) == expected > 10
    assert browser.js("document.getElementById('status').textContent").startswith(
        f"{expected} rows")
    links = browser.js(
        "[...document.querySelectorAll('#results a')].map(a => a.getAttribute('href'))")
    assert "/id/kim-jong-un" in links
    assert browser.problems() == []


def test_construct_is_drawn_as_a_graph(site: str, browser: Browser) -> None:
    browser.open(site + "/")
    browser.js(
        "document.getElementById('query').value = 'CONSTRUCT { ?a ?p ?b } WHERE { ?a ?p ?b "
        "FILTER(STRSTARTS(STR(?a), STR(kgr:)) && STRSTARTS(STR(?b), STR(kgr:))) }'")
    _run_and_wait(browser, "document.querySelectorAll('#graph svg circle').length > 3")
    assert browser.js("document.getElementById('status').textContent").endswith(" ms")
    assert _rows(browser) > 3
    assert browser.problems() == []


def test_a_click_before_the_page_has_its_data_is_not_lost(
    site: str, browser: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run is clicked while ``/api/queries`` (the prefixes and saved questions) is still
    unanswered: the query runs once they arrive, with its entities as links."""
    from kg.web import pages

    answer = pages.saved_queries
    asked, answering = threading.Event(), threading.Event()

    def held(limits: dict[str, object]) -> dict[str, object]:
        asked.set()
        answering.wait(60)
        return answer(limits)

    monkeypatch.setattr(pages, "saved_queries", held)
    try:
        browser.open(site + "/")
        assert asked.wait(60)
        browser.js("document.getElementById('query').value = "
                   "'SELECT ?entity WHERE { ?entity a kgo:Person } LIMIT 5'")
        browser.click("#run")
        assert browser.js("document.getElementById('run').disabled")  # the click was taken
    finally:
        answering.set()
    browser.wait_until("document.querySelectorAll('#results tbody tr').length === 5")
    assert browser.js("document.querySelectorAll('#results tbody a[href^=\"/id/\"]').length") == 5
    assert browser.problems() == []


def test_neighbourhood_and_hostile_text(site: str, browser: Browser) -> None:
    browser.open(site + "/")
    browser.wait_until("document.querySelectorAll('#entities li').length > 5")
    labels = browser.js(
        "[...document.querySelectorAll('#entities li a')].map(a => a.textContent)")
    assert SCRIPT in labels  # shown as text, not run
    browser.click("#entities li button")
    browser.wait_until("document.querySelectorAll('#graph svg .node-center').length === 1")
    browser.js(
        "document.getElementById('query').value = 'SELECT ?text WHERE { ?s kgo:anchorOf ?text "
        "FILTER(CONTAINS(?text, \"<\")) }'")
    _run_and_wait(browser, "document.querySelectorAll('#results tbody tr').length > 0")
    cells = browser.js(
        "[...document.querySelectorAll('#results td')].map(td => td.textContent).join(' ')")
    assert SCRIPT in cells
    assert browser.js("document.querySelectorAll('main script, main img').length") == 0
    browser.open(site + "/id/o'hostile")
    assert browser.js("document.querySelector('h1').textContent") == SCRIPT
    assert browser.js("document.querySelectorAll('main script, main img').length") == 0
    browser.open(site + "/id/vladimir-putin")  # its sources include the hostile sentence
    assert SCRIPT in browser.js("document.querySelector('main').textContent")
    assert browser.js("document.querySelectorAll('main script, main img').length") == 0
    assert browser.problems() == []


def test_screenshot_of_the_page_with_results(
    site: str, browser: Browser, tmp_path: Path
) -> None:
    browser.open(site + "/#defections")
    browser.wait_until("document.getElementById('query').value.includes('Defection')")
    _run_and_wait(browser, "document.querySelectorAll('#results tbody tr').length > 0")
    browser.js("document.getElementById('filter').value = 'north korea';"
                     "document.getElementById('filter').dispatchEvent(new Event('input'))")
    browser.click("#entities li:not([hidden]) button")
    browser.wait_until("document.querySelectorAll('#graph svg .node-center').length === 1")
    assert browser.js(
        "[...document.querySelectorAll('#entities li')].filter(li => !li.hidden).length") < 8
    browser.js("window.scrollTo(0, 0)")
    time.sleep(0.3)
    browser.resize(WIDTH, 1400)
    try:
        shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
    finally:
        browser.resize(WIDTH, HEIGHT)
    assert shot.startswith(b"\x89PNG") and len(shot) > 20_000
    (tmp_path / "serve-page.png").write_bytes(shot)
    if os.environ.get("KG_UPDATE_SCREENSHOT") == "1":
        (ROOT / "docs" / "serve-page.png").write_bytes(shot)
    assert browser.problems() == []
