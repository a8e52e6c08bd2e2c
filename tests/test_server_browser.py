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
import shutil
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.server import ServeOptions, make_server
from processes import stop

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'



@pytest.fixture(scope="module", autouse=True)
def _chromium_installed() -> None:
    # `make test` installs Chromium first: a missing browser is a failure, never a skip.
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/ensure-chromium.sh (make test does)")


class Browser:
    """One Chromium page, driven with DevTools protocol commands over its WebSocket."""

    def __init__(self, websocket_url: str):
        import websocket

        self._socket = websocket.create_connection(websocket_url, timeout=30, suppress_origin=True)
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        self._socket.send(json.dumps({"id": self._next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            if "method" in message:
                self.events.append(message)
                if message["method"] == "Page.javascriptDialogOpening":
                    self._socket.send(json.dumps({  # never leave a dialog blocking the page
                        "id": 0, "method": "Page.handleJavaScriptDialog",
                        "params": {"accept": True}}))

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, seconds: float = 20.0) -> Any:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for: {expression}")

    def open(self, url: str) -> None:
        self.send("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete'")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element ``selector``."""
        box = self.wait_for(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"],
                      button="left", clickCount=1)

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, failed loads and dialogs seen so far."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url')}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params.get('message')}")
        return found

    def close(self) -> None:
        self._socket.close()


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
    profile = tmp_path_factory.mktemp("chromium-profile")
    process = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
         "--window-size=1400,1050", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (active.exists() and active.read_text().count("\n") >= 1):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("Chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        port = active.read_text().split("\n")[0].strip()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
            pages = [t for t in json.load(reply) if t["type"] == "page"]
        driver = Browser(pages[0]["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log"):
            driver.send(f"{domain}.enable")
        driver.send("Emulation.setDeviceMetricsOverride", width=1400, height=1050,
                    deviceScaleFactor=1, mobile=False)
        yield driver
        driver.close()
    finally:
        stop(process)


@pytest.fixture(autouse=True)
def _fresh_events(browser: Browser) -> None:
    """Each test judges only the console messages of its own pages."""
    browser.events.clear()


def _rows(browser: Browser) -> int:
    return int(browser.evaluate("document.querySelectorAll('#results tbody tr').length"))


def _pick(browser: Browser, name: str) -> None:
    browser.wait_for(f"!!document.querySelector('#saved option[value=\"{name}\"]')")
    browser.evaluate(
        f"(() => {{ const s = document.getElementById('saved'); s.value = {json.dumps(name)};"
        " s.dispatchEvent(new Event('change')); })()"
    )


def _run_and_wait(browser: Browser, condition: str) -> None:
    browser.click("#run")
    browser.wait_for(condition)


def test_pick_a_saved_question_and_see_its_table(site: str, browser: Browser) -> None:
    browser.open(site + "/")
    _pick(browser, "entities-by-type")
    assert browser.evaluate("document.getElementById('query').value").lstrip().startswith("#")
    _run_and_wait(browser, "document.querySelectorAll('#results tbody tr').length > 0")
    with urllib.request.urlopen(urllib.request.Request(
        site + "/sparql", data=browser.evaluate("document.getElementById('query').value")
        .encode(), headers={"Content-Type": "application/sparql-query"},
    ), timeout=30) as reply:
        expected = len(json.load(reply)["results"]["bindings"])
    assert _rows(browser) == expected > 10
    assert browser.evaluate("document.getElementById('status').textContent").startswith(
        f"{expected} rows")
    links = browser.evaluate(
        "[...document.querySelectorAll('#results a')].map(a => a.getAttribute('href'))")
    assert "/id/kim-jong-un" in links
    assert browser.problems() == []


def test_construct_is_drawn_as_a_graph(site: str, browser: Browser) -> None:
    browser.open(site + "/")
    browser.evaluate(
        "document.getElementById('query').value = 'CONSTRUCT { ?a ?p ?b } WHERE { ?a ?p ?b "
        "FILTER(STRSTARTS(STR(?a), STR(kgr:)) && STRSTARTS(STR(?b), STR(kgr:))) }'")
    _run_and_wait(browser, "document.querySelectorAll('#graph svg circle').length > 3")
    assert browser.evaluate("document.getElementById('status').textContent").endswith(" ms")
    assert _rows(browser) > 3
    assert browser.problems() == []


def test_neighbourhood_and_hostile_text(site: str, browser: Browser) -> None:
    browser.open(site + "/")
    browser.wait_for("document.querySelectorAll('#entities li').length > 5")
    labels = browser.evaluate(
        "[...document.querySelectorAll('#entities li a')].map(a => a.textContent)")
    assert SCRIPT in labels  # shown as text, not run
    browser.click("#entities li button")
    browser.wait_for("document.querySelectorAll('#graph svg .node-center').length === 1")
    browser.evaluate(
        "document.getElementById('query').value = 'SELECT ?text WHERE { ?s kgo:anchorOf ?text "
        "FILTER(CONTAINS(?text, \"<\")) }'")
    _run_and_wait(browser, "document.querySelectorAll('#results tbody tr').length > 0")
    cells = browser.evaluate(
        "[...document.querySelectorAll('#results td')].map(td => td.textContent).join(' ')")
    assert SCRIPT in cells
    assert browser.evaluate("document.querySelectorAll('main script, main img').length") == 0
    browser.open(site + "/id/o'hostile")
    assert browser.evaluate("document.querySelector('h1').textContent") == SCRIPT
    assert browser.evaluate("document.querySelectorAll('main script, main img').length") == 0
    browser.open(site + "/id/vladimir-putin")  # its sources include the hostile sentence
    assert SCRIPT in browser.evaluate("document.querySelector('main').textContent")
    assert browser.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert browser.problems() == []


def test_screenshot_of_the_page_with_results(
    site: str, browser: Browser, tmp_path: Path
) -> None:
    browser.open(site + "/#defections")
    browser.wait_for("document.getElementById('query').value.includes('Defection')")
    _run_and_wait(browser, "document.querySelectorAll('#results tbody tr').length > 0")
    browser.evaluate("document.getElementById('filter').value = 'north korea';"
                     "document.getElementById('filter').dispatchEvent(new Event('input'))")
    browser.click("#entities li:not([hidden]) button")
    browser.wait_for("document.querySelectorAll('#graph svg .node-center').length === 1")
    assert browser.evaluate(
        "[...document.querySelectorAll('#entities li')].filter(li => !li.hidden).length") < 8
    browser.evaluate("window.scrollTo(0, 0)")
    time.sleep(0.3)
    browser.send("Emulation.setDeviceMetricsOverride", width=1400, height=1400,
                 deviceScaleFactor=1, mobile=False)
    try:
        shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
    finally:
        browser.send("Emulation.setDeviceMetricsOverride", width=1400, height=1050,
                     deviceScaleFactor=1, mobile=False)
    assert shot.startswith(b"\x89PNG") and len(shot) > 20_000
    (tmp_path / "serve-page.png").write_bytes(shot)
    if os.environ.get("KG_UPDATE_SCREENSHOT") == "1":
        (ROOT / "docs" / "serve-page.png").write_bytes(shot)
    assert browser.problems() == []
